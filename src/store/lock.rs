//! A lock beside a plan (`PLAN.ron.lock`), so that two running planners never both write one
//! plan: the second opens it read-only. The lock is the operating system's own file lock
//! (`flock` on Unix) on that file, so it ends with the process that holds it, however that
//! process ends; the process id written in the file only names the holder in messages.
//!
//! A lock file that is anything but a regular file (a link, a pipe, a folder), or that
//! cannot be created or locked, is never opened blindly or read without a bound: the plan
//! is read-only, with the reason.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// A held lock; released, and its file removed, when this is dropped.
#[derive(Debug)]
pub struct PlanLock {
    path: PathBuf,
    file: fs::File,
}

/// The result of trying to lock a plan.
#[derive(Debug)]
pub enum Locked {
    /// This process holds the lock.
    Held(PlanLock),
    /// Another running process holds it.
    Busy {
        /// That process's id, as written in the lock file, if it could be read.
        pid: Option<u32>,
    },
    /// The plan's folder does not exist yet (a new plan): nothing was created; lock again
    /// when the first save creates the folder.
    NotYet,
}

/// The lock file for `plan`.
pub fn lock_path(plan: &Path) -> PathBuf {
    let mut name = plan
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".lock");
    plan.with_file_name(name)
}

/// Attempts to take the lock before another process has been seen to hold or replace it.
const ATTEMPTS: usize = 3;

/// Tries to lock `plan`. An error means the lock could not be taken for a reason other than
/// another planner holding it (a lock file that is not a regular file, a read-only folder, a
/// full disk); its message says why, and the caller should not write the plan.
pub fn lock(plan: &Path) -> io::Result<Locked> {
    // One lock per file, however it is reached: through a link, or a relative path.
    let plan = fs::canonicalize(plan).unwrap_or_else(|_| plan.to_path_buf());
    let path = lock_path(&plan);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        return Ok(Locked::NotYet);
    }
    for _ in 0..ATTEMPTS {
        let mut file = open_lock_file(&path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                return Ok(Locked::Busy {
                    pid: read_pid(&mut file),
                });
            }
            Err(fs::TryLockError::Error(e)) => {
                return Err(io::Error::new(
                    e.kind(),
                    format!("cannot lock {}: {e}", path.display()),
                ));
            }
        }
        // The holder before us may have removed the file between our open and our lock:
        // then we hold a lock on a file no longer there, and must start again.
        if !is_same_file(&file, &path) {
            continue;
        }
        // The pid is only for messages: a lock held with no pid written (a full disk) is
        // still held.
        let _ = file
            .set_len(0)
            .and_then(|()| writeln!(file, "{}", std::process::id()));
        return Ok(Locked::Held(PlanLock { path, file }));
    }
    Err(io::Error::other(format!(
        "could not take the lock {}: it keeps being replaced",
        path.display()
    )))
}

/// Opens (creating if needed) the lock file, refusing anything that is not a regular file
/// without opening it in a way that could block, follow a link, or read without a bound.
fn open_lock_file(path: &Path) -> io::Result<fs::File> {
    let refuse = |what: &str| {
        io::Error::other(format!(
            "the lock file {} {what}, not a regular file",
            path.display()
        ))
    };
    if let Ok(meta) = fs::symlink_metadata(path) {
        let t = meta.file_type();
        if t.is_symlink() {
            return Err(refuse("is a symbolic link"));
        }
        if !t.is_file() {
            return Err(refuse(super::target::Kind::describe(kind_of(path))));
        }
    }
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Whatever replaces the file between the look above and this open is not followed
        // (a link) and cannot block (a pipe).
        options
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
            .mode(0o644);
    }
    let file = options
        .open(path)
        .map_err(|e| io::Error::new(e.kind(), format!("cannot open {}: {e}", path.display())))?;
    if !file.metadata()?.is_file() {
        return Err(refuse("is not a regular file"));
    }
    Ok(file)
}

fn kind_of(path: &Path) -> super::target::Kind {
    super::target::inspect(path).map_or(super::target::Kind::Other, |t| t.kind)
}

/// The holder's pid, from at most a few bytes of the lock file.
fn read_pid(file: &mut fs::File) -> Option<u32> {
    let mut text = String::new();
    file.take(32).read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

/// Whether `path` still names the open `file`.
fn is_same_file(file: &fs::File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::symlink_metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.is_file()
    }
}

impl Drop for PlanLock {
    fn drop(&mut self) {
        // Remove the file while still holding the lock, and only if it is still ours; a
        // process that opened it meanwhile sees it gone once it has the lock, and retries.
        if is_same_file(&self.file, &self.path) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn held(plan: &Path) -> PlanLock {
        match lock(plan).unwrap() {
            Locked::Held(held) => held,
            other => panic!("expected the lock, got {other:?}"),
        }
    }

    #[test]
    fn second_lock_is_busy_and_released_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("a.ron");
        let first = held(&plan);
        assert!(lock_path(&plan).exists());
        let Locked::Busy { pid } = lock(&plan).unwrap() else {
            panic!("the second lock must be busy")
        };
        assert_eq!(pid, Some(std::process::id()));
        drop(first);
        assert!(!lock_path(&plan).exists());
        drop(held(&plan));
    }

    #[test]
    fn a_lock_file_nobody_holds_is_taken_whatever_pid_it_names() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("a.ron");
        // Process 1 always runs; a pid file alone no longer keeps a plan read-only for good.
        for stale in ["1\n", "2147483000\n", "not a pid", ""] {
            fs::write(lock_path(&plan), stale).unwrap();
            let lock = held(&plan);
            let written = fs::read_to_string(lock_path(&plan)).unwrap();
            assert_eq!(written.trim(), std::process::id().to_string());
            drop(lock);
        }
    }

    #[test]
    fn a_new_plan_in_a_missing_folder_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("not yet").join("a.ron");
        assert!(matches!(lock(&plan).unwrap(), Locked::NotYet));
        assert!(!dir.path().join("not yet").exists());
    }

    #[test]
    fn a_lock_that_is_a_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("a.ron");
        fs::create_dir(lock_path(&plan)).unwrap();
        let e = lock(&plan).unwrap_err();
        assert!(e.to_string().contains("is a directory"), "{e}");
        assert!(lock_path(&plan).is_dir());
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_that_is_a_link_or_a_pipe_is_refused_without_opening_it() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("a.ron");
        // A link to an endless file: reading it unbounded would exhaust memory.
        std::os::unix::fs::symlink("/dev/zero", lock_path(&plan)).unwrap();
        let e = lock(&plan).unwrap_err();
        assert!(e.to_string().contains("symbolic link"), "{e}");
        assert!(lock_path(&plan).is_symlink());
        fs::remove_file(lock_path(&plan)).unwrap();

        // Opening a pipe for writing with no reader would block forever.
        let ok = std::process::Command::new("mkfifo")
            .arg(lock_path(&plan))
            .status()
            .unwrap()
            .success();
        assert!(ok);
        let e = lock(&plan).unwrap_err();
        assert!(e.to_string().contains("named pipe"), "{e}");
    }
}
