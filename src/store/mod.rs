//! Reading and writing files: curricula, plans and the small state file. All file I/O lives
//! here, one idea a file:
//!
//! - `error`: a file's problems, each with line and column; `read`: capped reading;
//! - `parse`: RON to curricula and plans (migrating old plans) and back;
//! - `target`, `write`: what a path is, and every way a file is written;
//! - `disk`: what a plan file held when last read or written;
//! - `lock`, `recovery`, `library`: a plan's lock, its unsaved edits, the plans folder;
//! - `config`: finding and reading the user's settings;
//! - `data_dir`, `state`: where files are kept, and what is remembered between runs.

mod config;
mod data_dir;
pub mod disk;
mod error;
pub mod library;
pub mod lock;
mod migrate;
mod parse;
mod read;
pub mod recovery;
pub mod source;
mod state;
pub mod target;
mod write;

pub use config::{
    CONFIG_ENV, LoadedConfig, load_config, load_config_file, parse_config, resolve_config_path,
};
pub use data_dir::{DATA_DIR_ENV, default_plan_path, plans_dir, resolve_data_dir};
pub use error::{FileError, Located, display_path};
pub use parse::{LoadedCurriculum, parse_curriculum, parse_plan, plan_to_ron};
pub use read::read_text;
pub use state::{known_reviewer, last_plan, remember_plan, remember_reviewer};
pub use write::{
    PIPE_READER_WAIT, Written, remove_stale_temps, write_atomic, write_atomic_with, write_output,
    write_sidecar,
};

use std::path::Path;

use crate::model::Plan;

/// The curriculum compiled into the binary.
pub const BUNDLED_CURRICULUM: &str = include_str!("../../data/curriculum.ron");
/// Name shown for the bundled curriculum where a file name would be.
pub const BUNDLED_NAME: &str = "<bundled curriculum>";
/// Largest plan (or state file) the app reads; anything bigger is refused before parsing.
pub const MAX_PLAN_BYTES: u64 = 4 * 1024 * 1024;
/// Largest curriculum the app reads: room for a whole university catalog (20,000 courses
/// take about 7 MiB), still refused before parsing when bigger.
pub const MAX_CURRICULUM_BYTES: u64 = 32 * 1024 * 1024;

/// The bundled Backend Engineering curriculum.
pub fn bundled_curriculum() -> Result<LoadedCurriculum, FileError> {
    parse_curriculum(BUNDLED_CURRICULUM, BUNDLED_NAME)
}

/// Loads `path`, or the bundled curriculum when `None`.
pub fn load_curriculum(path: Option<&Path>) -> Result<LoadedCurriculum, FileError> {
    match path {
        None => bundled_curriculum(),
        Some(path) => {
            parse_curriculum(&read_text(path, MAX_CURRICULUM_BYTES)?, &display_path(path))
        }
    }
}

/// Reads and parses a plan file.
pub fn load_plan(path: &Path) -> Result<Plan, FileError> {
    parse_plan(&read_text(path, MAX_PLAN_BYTES)?, &display_path(path))
}

/// Saves a plan atomically.
pub fn save_plan(path: &Path, plan: &Plan) -> Result<(), FileError> {
    save_plan_seen(path, plan).map(|_| ())
}

/// Saves a plan atomically and returns what the file now holds, to compare with before
/// the next save.
pub fn save_plan_seen(path: &Path, plan: &Plan) -> Result<disk::DiskState, FileError> {
    let text = plan_to_ron(plan);
    write_atomic(path, &text)?;
    Ok(disk::DiskState::of_bytes(text.as_bytes()))
}
