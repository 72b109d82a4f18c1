//! Finding and reading the config file. A file that cannot be used is never fatal: the
//! settings fall back to the defaults and the problems travel with them, to be shown.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::error::{FileError, display_path};
use super::parse::{ron_error, ron_options};
use super::read::{read_text, without_bom};
use crate::config::Config;

/// Environment variable naming the config file.
pub const CONFIG_ENV: &str = "DEGREE_PLANNER_CONFIG";
/// Largest config file the app reads.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Where the settings came from and what was wrong with them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedConfig {
    /// The settings in effect: the file's, or the defaults when it could not be used.
    pub config: Config,
    /// The file looked at, if any could be named.
    pub path: Option<PathBuf>,
    /// Why the file was not used, with every problem's position.
    pub error: Option<FileError>,
}

impl LoadedConfig {
    /// One line for the status bar: that the defaults are in use, and the first problem.
    pub fn warning(&self) -> Option<String> {
        let error = self.error.as_ref()?;
        let first = FileError {
            file: error.file.clone(),
            problems: error.problems.iter().take(1).cloned().collect(),
        };
        Some(format!(
            "config ignored, using the default settings: {first}"
        ))
    }
}

/// The config file: the `--config` flag, else [`CONFIG_ENV`], else `config.ron` in the
/// platform config directory. The second value says whether it was named explicitly (a
/// missing explicit file is a problem; a missing default one is not).
pub fn resolve_config_path(
    flag: Option<PathBuf>,
    env: Option<OsString>,
) -> Option<(PathBuf, bool)> {
    flag.or_else(|| env.filter(|v| !v.is_empty()).map(PathBuf::from))
        .map(|p| (p, true))
        .or_else(|| {
            directories::ProjectDirs::from("", "", "degree-planner")
                .map(|d| (d.config_dir().join("config.ron"), false))
        })
}

/// Parses config text; `file` names it in errors.
pub fn parse_config(text: &str, file: &str) -> Result<Config, FileError> {
    let text = without_bom(text);
    ron_options().from_str(text).map_err(|e| FileError {
        file: file.to_string(),
        problems: vec![ron_error(&e, text)],
    })
}

/// Reads the config file at `path` (see [`resolve_config_path`]); never fails.
pub fn load_config(found: Option<(PathBuf, bool)>) -> LoadedConfig {
    let Some((path, explicit)) = found else {
        return LoadedConfig {
            config: Config::default(),
            path: None,
            error: None,
        };
    };
    let result = if !explicit && !path.exists() && !path.is_symlink() {
        Ok(Config::default())
    } else {
        read_text(&path, MAX_CONFIG_BYTES).and_then(|t| parse_config(&t, &display_path(&path)))
    };
    let (config, error) = match result {
        Ok(config) => (config, None),
        Err(e) => (Config::default(), Some(e)),
    };
    LoadedConfig {
        config,
        path: Some(path),
        error,
    }
}

/// Reads the config file at `path`, explicitly named.
pub fn load_config_file(path: &Path) -> LoadedConfig {
    load_config(Some((path.to_path_buf(), true)))
}
