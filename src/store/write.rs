//! Every way the planner writes a file, each deciding first by what the target is
//! ([`target::inspect`]):
//!
//! - a plan ([`write_atomic`]): a regular file or nothing yet, reached through links, is
//!   replaced atomically in the folder where it really lives; anything else is refused;
//! - a file beside a plan or in the data directory ([`write_sidecar`]: recovery, state,
//!   exported report): the same, but never through a symbolic link;
//! - a report's `-o` ([`write_output`]): as a plan, except that a device, a named pipe or a
//!   socket gets the bytes written straight into it, and `-` is standard output.
//!
//! Nothing here ever renames over, truncates or removes what is not a regular file.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::FileError;
use super::error::io_reason;
use super::target::{self, Kind};

/// How long `write_output` waits for a program to open a named pipe for reading.
pub const PIPE_READER_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// Where [`write_output`] put the bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// A regular file, replaced atomically; where it really is when the path is a link.
    File {
        /// The file a link led to, if the path given was a link.
        through_link: Option<PathBuf>,
    },
    /// Straight into a device, pipe or socket, or standard output.
    Stream,
}

/// Writes `text` to `path` atomically: a temporary file in the folder where the file
/// really lives (links followed) is written, synced and renamed over it, then the folder is
/// synced. On any failure the previous file is untouched and the temporary file removed.
/// Refuses, writing nothing, when `path` is not a regular file or nothing yet.
pub fn write_atomic(path: &Path, text: &str) -> Result<(), FileError> {
    write_atomic_with(path, text, |file, bytes| file.write_all(bytes))
}

/// [`write_atomic`] with the writing step supplied, so that tests can make it fail the way a
/// full disk or a file-size limit does.
pub fn write_atomic_with(
    path: &Path,
    text: &str,
    write: impl FnOnce(&mut fs::File, &[u8]) -> io::Result<()>,
) -> Result<(), FileError> {
    let real = regular_target(path, Links::Follow)?;
    replace(&real, text, write)
}

/// Writes a file that belongs to the planner (a plan's recovery file, the state file, an
/// exported report) atomically, refusing when `path` is a symbolic link, so that a link
/// planted in a shared folder cannot send the write elsewhere.
pub fn write_sidecar(path: &Path, text: &str) -> Result<(), FileError> {
    let real = regular_target(path, Links::Refuse)?;
    replace(&real, text, |file, bytes| file.write_all(bytes))
}

/// Writes a report to `path`: `-` is standard output; a device, named pipe or socket gets
/// the bytes directly (no temporary file, no rename); a regular file or nothing yet is
/// replaced atomically; anything else is refused.
pub fn write_output(path: &Path, text: &str) -> Result<Written, FileError> {
    if path == Path::new("-") {
        return stream_into(&mut io::stdout().lock(), path, text);
    }
    let t = target::inspect(path).map_err(|e| cannot(path, "looking at the file", &e))?;
    if t.kind.is_stream() {
        let mut sink = open_stream(path, t.kind).map_err(|e| cannot(path, "opening", &e))?;
        return stream_into(&mut sink, path, text);
    }
    let real = regular_target(path, Links::Follow)?;
    replace(&real, text, |file, bytes| file.write_all(bytes))?;
    Ok(Written::File {
        through_link: t.is_link.then_some(real),
    })
}

/// Writes all of `text` into a stream. A reader that stopped reading (`| head`) is not an
/// error: the output simply ends there.
fn stream_into(sink: &mut dyn Write, path: &Path, text: &str) -> Result<Written, FileError> {
    match sink.write_all(text.as_bytes()).and_then(|()| sink.flush()) {
        Ok(()) => Ok(Written::Stream),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Written::Stream),
        Err(e) => Err(cannot(path, "writing", &e)),
    }
}

/// Whether a write may go through a symbolic link.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Links {
    Follow,
    Refuse,
}

fn cannot(path: &Path, what: &str, e: &io::Error) -> FileError {
    FileError::single(path, format!("cannot save ({what}): {}", io_reason(e)))
}

/// The regular file (existing or not) that a save of `path` replaces, or why there is none.
fn regular_target(path: &Path, links: Links) -> Result<PathBuf, FileError> {
    let t = target::inspect(path).map_err(|e| cannot(path, "looking at the file", &e))?;
    if t.is_link && links == Links::Refuse {
        return Err(FileError::single(
            path,
            "cannot save: is a symbolic link, and this file is never written through one; nothing written",
        ));
    }
    match t.kind {
        Kind::Regular | Kind::Missing => Ok(t.real),
        kind => Err(FileError::single(
            path,
            format!(
                "cannot save: {}, not a regular file; nothing written",
                kind.describe()
            ),
        )),
    }
}

/// The atomic replacement of the regular file (or nothing) at `path`.
fn replace(
    path: &Path,
    text: &str,
    write: impl FnOnce(&mut fs::File, &[u8]) -> io::Result<()>,
) -> Result<(), FileError> {
    let fail = |what: &str, e: io::Error| cannot(path, what, &e);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir).map_err(|e| fail("creating the folder", e))?;
    let prefix = temp_prefix(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    // Keep the file's permissions across saves; a new file gets the usual rw-r--r--
    // rather than the temporary file's private default.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        builder.permissions(fs::Permissions::from_mode(mode));
    }
    let mut tmp = builder
        .tempfile_in(&dir)
        .map_err(|e| fail("creating a temporary file", e))?;
    write(tmp.as_file_mut(), text.as_bytes()).map_err(|e| fail("writing", e))?;
    tmp.as_file().sync_all().map_err(|e| fail("syncing", e))?;
    // The last look: something other than a regular file may have appeared meanwhile.
    if let Ok(t) = target::inspect(path)
        && !matches!(t.kind, Kind::Regular | Kind::Missing)
    {
        return Err(FileError::single(
            path,
            format!(
                "cannot save: {}, not a regular file; nothing written",
                t.kind.describe()
            ),
        ));
    }
    tmp.persist(path)
        .map_err(|e| fail("replacing the file", e.error))?;
    if let Ok(d) = fs::File::open(&dir) {
        // Not every platform can sync a directory; the rename itself has happened.
        let _ = d.sync_all();
    }
    Ok(())
}

/// Opens a device, named pipe or socket for writing, without creating or truncating
/// anything. A named pipe with no reader is waited for up to [`PIPE_READER_WAIT`], then
/// refused, rather than blocking forever.
#[cfg(unix)]
fn open_stream(path: &Path, kind: Kind) -> io::Result<Box<dyn Write>> {
    use std::os::unix::fs::OpenOptionsExt;
    if kind == Kind::Socket {
        return Ok(Box::new(std::os::unix::net::UnixStream::connect(path)?));
    }
    let deadline = std::time::Instant::now() + PIPE_READER_WAIT;
    loop {
        // Non-blocking, so that a pipe with no reader fails at once (ENXIO) instead of
        // blocking in open(2); no controlling terminal is acquired by opening a tty.
        let opened = fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
            .open(path);
        match opened {
            Ok(file) => {
                set_blocking(&file)?;
                return Ok(Box::new(file));
            }
            Err(e) if kind == Kind::Fifo && e.raw_os_error() == Some(libc::ENXIO) => {
                if std::time::Instant::now() >= deadline {
                    return Err(io::Error::other(format!(
                        "no program opened the named pipe for reading within {} s",
                        PIPE_READER_WAIT.as_secs()
                    )));
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => return Err(e),
        }
    }
}

#[cfg(not(unix))]
fn open_stream(path: &Path, _kind: Kind) -> io::Result<Box<dyn Write>> {
    Ok(Box::new(fs::OpenOptions::new().write(true).open(path)?))
}

/// Clears `O_NONBLOCK`, so that writes wait for a slow reader instead of failing.
#[cfg(unix)]
fn set_blocking(file: &fs::File) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: `fd` is an open descriptor owned by `file` for the whole call; F_GETFL and
    // F_SETFL only read and set its status flags.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: as above.
    if unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

const TEMP_SUFFIX: &str = ".tmp";

/// Temporary files for `path` are hidden and named after it: `.ada.ron.XXXXXX.tmp`.
fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}.")
}

/// Removes temporary files a crash mid-save left beside `path`. Call only while holding the
/// plan's lock, so that no other save of it can be under way. Returns how many were removed.
/// Only regular files are removed, never what a link or a pipe of that name is.
pub fn remove_stale_temps(path: &Path) -> usize {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(&prefix)
                && name.ends_with(TEMP_SUFFIX)
                && name.len() > prefix.len() + TEMP_SUFFIX.len()
                && e.file_type().is_ok_and(|t| t.is_file())
        })
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}
