//! What a plan file holds on disk, so that a save can tell whether another program (git, an
//! editor, a second planner without the lock) changed it since this planner read or wrote
//! it, and ask before replacing that work.

use std::fs;
use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::MAX_PLAN_BYTES;

/// A plan file's content as last seen, compared by its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiskState {
    /// No file there.
    Absent,
    /// A regular file with this content digest.
    Content([u8; 32]),
    /// Something that cannot be read as a plan (a folder, a pipe, an unreadable file);
    /// writing there is refused anyway.
    Other,
}

impl DiskState {
    /// The state of `path` now. Reads the file (at most [`MAX_PLAN_BYTES`] and one more
    /// byte), never opening what is not a regular file.
    pub fn of(path: &Path) -> DiskState {
        match fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => DiskState::Absent,
            Ok(m) if m.is_file() => {
                let mut bytes = Vec::new();
                match fs::File::open(path)
                    .and_then(|f| f.take(MAX_PLAN_BYTES + 1).read_to_end(&mut bytes))
                {
                    Ok(_) => DiskState::of_bytes(&bytes),
                    Err(_) => DiskState::Other,
                }
            }
            _ => DiskState::Other,
        }
    }

    /// The state of a file holding exactly `bytes`.
    pub fn of_bytes(bytes: &[u8]) -> DiskState {
        DiskState::Content(Sha256::digest(bytes).into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_by_another_program_is_seen_and_an_identical_rewrite_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        assert_eq!(DiskState::of(&path), DiskState::Absent);
        fs::write(&path, "(version: 2)").unwrap();
        let seen = DiskState::of(&path);
        assert_eq!(seen, DiskState::of_bytes(b"(version: 2)"));
        fs::write(&path, "(version: 2)").unwrap();
        assert_eq!(DiskState::of(&path), seen, "same bytes, same state");
        fs::write(&path, "(version: 2, student: \"x\")").unwrap();
        assert_ne!(DiskState::of(&path), seen);
        assert_eq!(DiskState::of(dir.path()), DiskState::Other);
    }
}
