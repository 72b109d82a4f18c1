//! Reading a text file with a cap on its size, refusing what is not a regular file before
//! opening it (opening a pipe or a device could block forever).

use std::fs;
use std::io::Read;
use std::path::Path;

use super::error::{FileError, Located, display_path, io_reason};
use super::source;

/// Reads a UTF-8 text file of at most `limit` bytes.
pub fn read_text(path: &Path, limit: u64) -> Result<String, FileError> {
    let fail = |m: String| FileError::single(path, m);
    // Look before opening: opening a named pipe or a device could block forever.
    let meta = fs::metadata(path).map_err(|e| fail(format!("cannot open: {}", io_reason(&e))))?;
    if meta.is_dir() {
        return Err(fail("is a directory, not a file".into()));
    }
    if !meta.is_file() {
        return Err(fail(
            "is not a regular file (a pipe, socket or device?)".into(),
        ));
    }
    let file = fs::File::open(path).map_err(|e| fail(format!("cannot open: {}", io_reason(&e))))?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))?;
    if bytes.len() as u64 > limit {
        return Err(fail(format!(
            "is larger than {} MiB; refusing to read it",
            limit / (1024 * 1024)
        )));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let prefix = String::from_utf8_lossy(good);
        FileError {
            file: display_path(path),
            problems: vec![Located {
                position: Some(source::line_col(&prefix, prefix.len())),
                message: "is not valid UTF-8 text".into(),
            }],
        }
    })?;
    Ok(text)
}

/// `text` without a leading UTF-8 byte-order mark, which some editors write.
pub(super) fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}
