//! Where the planner keeps its files: the data directory and the plans inside it.

use std::path::{Path, PathBuf};

/// Environment variable naming the data directory.
pub const DATA_DIR_ENV: &str = "DEGREE_PLANNER_DATA_DIR";

/// The data directory: the `--data-dir` flag, else [`DATA_DIR_ENV`], else the platform's.
/// The environment value is passed in so that tests never touch the process environment.
pub fn resolve_data_dir(flag: Option<PathBuf>, env: Option<std::ffi::OsString>) -> Option<PathBuf> {
    flag.or_else(|| env.filter(|v| !v.is_empty()).map(PathBuf::from))
        .or_else(|| {
            directories::ProjectDirs::from("", "", "degree-planner")
                .map(|d| d.data_dir().to_path_buf())
        })
}

/// Where plans live inside the data directory.
pub fn plans_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("plans")
}

/// The plan opened when none is named and none was used before.
pub fn default_plan_path(data_dir: &Path) -> PathBuf {
    plans_dir(data_dir).join("default.ron")
}
