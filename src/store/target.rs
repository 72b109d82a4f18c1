//! What a path names before anything is written to it. The atomic save (temporary file +
//! rename) is right for a regular file and wrong for everything else: renamed over
//! `/dev/null`, a named pipe or a link, it replaces them with a plain file. Every write
//! path asks here first and decides by the answer.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// What a path is, after following symbolic links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Nothing there yet (or a link to nothing).
    Missing,
    /// A regular file.
    Regular,
    /// A directory.
    Directory,
    /// A character device such as `/dev/null` or a terminal.
    CharDevice,
    /// A block device such as a disk.
    BlockDevice,
    /// A named pipe (FIFO), or the pipe behind `/dev/stdout`.
    Fifo,
    /// A Unix-domain socket.
    Socket,
    /// Anything else the platform has.
    Other,
}

impl Kind {
    /// The kind in words, for messages: "is a named pipe".
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Missing => "does not exist",
            Kind::Regular => "is a regular file",
            Kind::Directory => "is a directory",
            Kind::CharDevice => "is a character device",
            Kind::BlockDevice => "is a block device",
            Kind::Fifo => "is a named pipe",
            Kind::Socket => "is a socket",
            Kind::Other => "is not a regular file",
        }
    }

    /// Whether bytes can be written straight into it (a device, pipe or socket).
    pub fn is_stream(self) -> bool {
        matches!(self, Kind::CharDevice | Kind::Fifo | Kind::Socket)
    }

    fn of(meta: &fs::Metadata) -> Kind {
        let t = meta.file_type();
        if t.is_file() {
            return Kind::Regular;
        }
        if t.is_dir() {
            return Kind::Directory;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if t.is_char_device() {
                return Kind::CharDevice;
            }
            if t.is_block_device() {
                return Kind::BlockDevice;
            }
            if t.is_fifo() {
                return Kind::Fifo;
            }
            if t.is_socket() {
                return Kind::Socket;
            }
        }
        Kind::Other
    }
}

/// A path and what it turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// What the path names, after following links.
    pub kind: Kind,
    /// Where a regular file is, or would be created: the path with every link followed.
    /// For other kinds, the path as given (a device or pipe is opened through it).
    pub real: PathBuf,
    /// Whether the path itself is a symbolic link.
    pub is_link: bool,
}

/// Links followed at most before giving up, as the kernel does (`ELOOP`).
const MAX_LINKS: usize = 40;

/// Looks at `path` without opening it (opening a pipe could block) and without creating
/// anything.
pub fn inspect(path: &Path) -> io::Result<Target> {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match fs::metadata(path) {
        Ok(meta) => {
            let kind = Kind::of(&meta);
            let real = if kind == Kind::Regular {
                fs::canonicalize(path)?
            } else {
                path.to_path_buf()
            };
            Ok(Target {
                kind,
                real,
                is_link,
            })
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Target {
            kind: Kind::Missing,
            real: if is_link {
                dangling_end(path)?
            } else {
                path.to_path_buf()
            },
            is_link,
        }),
        Err(e) => Err(e),
    }
}

/// Where a chain of links that ends in nothing points: the file a save would create.
fn dangling_end(path: &Path) -> io::Result<PathBuf> {
    let mut at = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                let next = fs::read_link(&at)?;
                at = match at.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                };
            }
            _ => return Ok(at),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Whether anything at all is at `path`, a link to nothing included.
pub fn occupied(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// Whether `a` and `b` are the same existing file, however each is reached.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        matches!(
            (fs::canonicalize(a), fs::canonicalize(b)),
            (Ok(x), Ok(y)) if x == y
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_told_apart_without_opening_anything() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plan.ron");
        fs::write(&file, "x").unwrap();
        let t = inspect(&file).unwrap();
        assert_eq!((t.kind, t.is_link), (Kind::Regular, false));
        assert_eq!(inspect(dir.path()).unwrap().kind, Kind::Directory);
        let missing = dir.path().join("new.ron");
        assert_eq!(inspect(&missing).unwrap().kind, Kind::Missing);
        assert!(!occupied(&missing));
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_to_what_they_name() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("real.ron");
        fs::write(&file, "x").unwrap();
        let link = dir.path().join("link.ron");
        symlink(&file, &link).unwrap();
        let t = inspect(&link).unwrap();
        assert_eq!((t.kind, t.is_link), (Kind::Regular, true));
        assert_eq!(t.real, fs::canonicalize(&file).unwrap());
        assert!(same_file(&link, &file));

        // A chain of two links to nothing: the save would create the last one's target.
        let first = dir.path().join("a.ron");
        symlink("b.ron", &first).unwrap();
        symlink("sub/c.ron", dir.path().join("b.ron")).unwrap();
        let t = inspect(&first).unwrap();
        assert_eq!((t.kind, t.is_link), (Kind::Missing, true));
        assert_eq!(t.real, dir.path().join("sub/c.ron"));
        assert!(occupied(&first));

        let looped = dir.path().join("loop.ron");
        symlink("loop.ron", &looped).unwrap();
        assert!(inspect(&looped).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_a_stream() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let t = inspect(&fifo).unwrap();
        assert_eq!(t.kind, Kind::Fifo);
        assert!(t.kind.is_stream());
        assert_eq!(t.real, fifo);
    }
}
