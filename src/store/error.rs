//! A file that could not be used: every problem in it, each with its line and column where
//! known, and paths and reasons cleaned for showing.

use std::fmt;
use std::path::Path;

use crate::model::text;

/// One problem in a file, with its position where known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// 1-based line and column.
    pub position: Option<(usize, usize)>,
    /// What is wrong, in plain language.
    pub message: String,
}

/// A file that could not be used, with every problem found in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The file, as the user named it.
    pub file: String,
    /// Every problem, in file order where positions are known.
    pub problems: Vec<Located>,
}

impl FileError {
    pub(super) fn single(file: &Path, message: impl Into<String>) -> Self {
        FileError {
            file: display_path(file),
            problems: vec![Located {
                position: None,
                message: message.into(),
            }],
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            match p.position {
                Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.file, p.message)?,
                None => write!(f, "{}: {}", self.file, p.message)?,
            }
        }
        Ok(())
    }
}

impl std::error::Error for FileError {}

/// A path as shown to the user, with unsafe characters removed.
pub fn display_path(path: &Path) -> String {
    let mut s = path.display().to_string();
    text::clean(&mut s);
    s
}

pub(super) fn io_reason(e: &std::io::Error) -> String {
    let mut s = match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    };
    text::clean(&mut s);
    s
}
