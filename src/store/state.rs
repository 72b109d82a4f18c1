//! The small state kept between runs in the data directory (`state.ron`): the plan used last
//! and the reviewer's name. A convenience: failing to read it means starting fresh.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::FileError;
use super::parse::ron_options;
use super::read::read_text;
use super::{MAX_PLAN_BYTES, write_sidecar};
use crate::model::text;

/// Small state kept between runs.
#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    #[serde(default)]
    last_plan: Option<PathBuf>,
    #[serde(default)]
    reviewer: Option<String>,
}

fn read_state(data_dir: &Path) -> State {
    read_text(&state_path(data_dir), MAX_PLAN_BYTES)
        .ok()
        .and_then(|text| ron_options().from_str(&text).ok())
        .unwrap_or_default()
}

fn write_state(data_dir: &Path, state: &State) -> Result<(), FileError> {
    let text = ron::ser::to_string_pretty(state, ron::ser::PrettyConfig::new()).unwrap_or_default();
    write_sidecar(&state_path(data_dir), &text)
}

/// The reviewer name remembered from an earlier review.
pub fn known_reviewer(data_dir: &Path) -> Option<String> {
    let mut name = read_state(data_dir).reviewer?;
    text::clean(&mut name);
    Some(name).filter(|n| !n.trim().is_empty())
}

/// Remembers the reviewer's name for later reviews.
pub fn remember_reviewer(data_dir: &Path, name: &str) -> Result<(), FileError> {
    let mut state = read_state(data_dir);
    state.reviewer = Some(name.to_string());
    write_state(data_dir, &state)
}

fn state_path(data_dir: &Path) -> PathBuf {
    data_dir.join("state.ron")
}

/// The plan used last, if it was recorded and still exists.
pub fn last_plan(data_dir: &Path) -> Option<PathBuf> {
    read_state(data_dir).last_plan.filter(|p| p.is_file())
}

/// Records the plan used last.
pub fn remember_plan(data_dir: &Path, plan: &Path) -> Result<(), FileError> {
    let mut state = read_state(data_dir);
    let plan = Some(fs::canonicalize(plan).unwrap_or_else(|_| plan.to_path_buf()));
    // Reopening the same plan, the usual case, writes (and syncs) nothing.
    if state.last_plan == plan {
        return Ok(());
    }
    state.last_plan = plan;
    write_state(data_dir, &state)
}
