//! Unsaved edits kept beside the plan (`PLAN.ron.recovery`) while the planner runs, so that a
//! crash, a kill or a closed terminal loses nothing: the next start offers them back.

use std::fs;
use std::path::{Path, PathBuf};

use super::{FileError, load_plan, plan_to_ron, write_sidecar};
use crate::model::Plan;

/// The recovery file for `plan`.
pub fn path_for(plan: &Path) -> PathBuf {
    let mut name = plan
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".recovery");
    plan.with_file_name(name)
}

/// Writes the unsaved plan beside `plan`, never through a symbolic link.
pub fn write(plan: &Path, unsaved: &Plan) -> Result<(), FileError> {
    write_sidecar(&path_for(plan), &plan_to_ron(unsaved))
}

/// Removes the recovery file, if any: only a regular file, never a link or pipe of its name.
pub fn remove(plan: &Path) {
    let path = path_for(plan);
    if fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
        let _ = fs::remove_file(path);
    }
}

/// The unsaved edits left by an earlier session, if there is a readable recovery file that
/// differs from `saved`.
pub fn find(plan: &Path, saved: &Plan) -> Option<Plan> {
    let path = path_for(plan);
    if !path.is_file() {
        return None;
    }
    load_plan(&path).ok().filter(|p| p != saved)
}
