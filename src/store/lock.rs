//! A lock file beside a plan (`PLAN.ron.lock`), so that two running planners never both
//! write one plan. The second opens it read-only. A lock left by a process that no longer
//! runs is stale and taken over.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A held lock; the lock file is removed when this is dropped.
#[derive(Debug)]
pub struct PlanLock {
    path: PathBuf,
}

/// The result of trying to lock a plan.
#[derive(Debug)]
pub enum Locked {
    /// This process holds the lock.
    Held(PlanLock),
    /// Another running process holds it.
    Busy {
        /// That process's id, as written in the lock file.
        pid: u32,
    },
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

/// Tries to lock `plan`. Errors are those of creating the lock file (e.g. a read-only
/// directory); the caller may then go on without a lock.
pub fn lock(plan: &Path) -> std::io::Result<Locked> {
    // One lock per file, however it is reached: through a link, or a relative path.
    let plan = fs::canonicalize(plan).unwrap_or_else(|_| plan.to_path_buf());
    let path = lock_path(&plan);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    for _ in 0..2 {
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                // No sync: a lock only means something while its process runs, and after a
                // power cut it is stale and taken over anyway.
                writeln!(file, "{}", std::process::id())?;
                return Ok(Locked::Held(PlanLock { path }));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let holder = fs::read_to_string(&path)
                    .ok()
                    .and_then(|s| s.trim().parse::<u32>().ok());
                match holder {
                    Some(pid) if pid != std::process::id() && is_running(pid) => {
                        return Ok(Locked::Busy { pid });
                    }
                    // Stale (its process is gone) or unreadable: take it over.
                    _ => {
                        let _ = fs::remove_file(&path);
                    }
                }
            }
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other(format!(
        "could not take the lock {}",
        path.display()
    )))
}

impl Drop for PlanLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(unix)]
fn is_running(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    // Signal 0 checks that the process exists without touching it.
    // SAFETY: kill with signal 0 sends nothing; it only reports whether `pid` exists.
    let result = unsafe { libc::kill(pid, 0) };
    let exists = result == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM);
    exists && !is_zombie(pid)
}

/// A process that has ended but not been reaped by its parent still has a pid; on Linux its
/// state in /proc says so.
#[cfg(unix)]
fn is_zombie(pid: libc::pid_t) -> bool {
    fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            stat.rsplit_once(')')
                .map(|(_, rest)| rest.trim_start().starts_with('Z'))
        })
        .unwrap_or(false)
}

#[cfg(not(unix))]
fn is_running(_pid: u32) -> bool {
    // Without a way to ask, assume the holder runs: read-only is the safe side.
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_is_busy_and_released_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("a.ron");
        let Locked::Held(first) = lock(&plan).unwrap() else {
            panic!("first lock")
        };
        assert!(lock_path(&plan).exists());
        // Our own pid in the file counts as stale for us, so write another live process's.
        fs::write(lock_path(&plan), "1\n").unwrap();
        assert!(matches!(lock(&plan).unwrap(), Locked::Busy { pid: 1 }));
        drop(first);
        assert!(!lock_path(&plan).exists());
    }

    #[test]
    fn stale_lock_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("a.ron");
        // A pid far above any pid_max: no such process.
        fs::write(lock_path(&plan), "2147483000\n").unwrap();
        assert!(matches!(lock(&plan).unwrap(), Locked::Held(_)));
        fs::write(lock_path(&plan), "not a pid").unwrap();
        assert!(matches!(lock(&plan).unwrap(), Locked::Held(_)));
    }
}
