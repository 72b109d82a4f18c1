//! The document: the plan being edited, the program it is for, where it is saved, and the
//! history of its edits to undo and redo.

use std::path::PathBuf;

use super::App;
use crate::action::{Action, Context};
use crate::model::review::{self, Decision};
use crate::model::{Curriculum, CurriculumRef, Plan};

/// The open plan and its history.
#[derive(Debug, Clone)]
pub struct Document {
    /// The program the plan is made for.
    pub curriculum: Curriculum,
    /// The plan being edited.
    pub plan: Plan,
    /// Where the plan is saved.
    pub path: PathBuf,
    /// Whether the plan exists on disk yet.
    pub on_disk: bool,
    /// The plan as it was last loaded or saved.
    pub(super) saved: Plan,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
}

impl Document {
    /// `plan`, for `curriculum`, saved at `path` (`on_disk` if that file exists), with no
    /// history.
    pub(super) fn new(curriculum: Curriculum, plan: Plan, path: PathBuf, on_disk: bool) -> Self {
        Document {
            saved: plan.clone(),
            curriculum,
            plan,
            path,
            on_disk,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// Whether the plan differs from the file.
    pub fn is_dirty(&self) -> bool {
        self.plan != self.saved
    }

    /// The plan's file name (its whole path when it has none), cleaned for display.
    pub fn file_name(&self) -> String {
        self.path.file_name().map_or_else(
            || crate::store::display_path(&self.path),
            |n| crate::store::display_path(std::path::Path::new(n)),
        )
    }

    /// The plan's file name without its extension, the start of a name suggested for a copy.
    pub(super) fn stem(&self) -> String {
        self.path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// Judges the plan under `curriculum` from now on, as if made for `made_for`: the plan and
    /// every step of its history are stamped with it, so that undoing keeps the program.
    pub(super) fn switch_curriculum(&mut self, curriculum: Curriculum, made_for: CurriculumRef) {
        self.curriculum = curriculum;
        let plans = self
            .undo
            .iter_mut()
            .chain(&mut self.redo)
            .map(|s| &mut s.plan);
        for plan in std::iter::once(&mut self.plan).chain(plans) {
            plan.curriculum = made_for.clone();
        }
    }

    /// Records the current curriculum in the plan before a save: saving after the
    /// "different version" warning means the student has checked the plan against it.
    pub(super) fn stamp_curriculum(&mut self) {
        self.plan.curriculum = CurriculumRef {
            name: self.curriculum.name.clone(),
            hash: self.curriculum.content_hash().to_string(),
        };
    }
}

/// An edit that can be undone: the plan before it, and what it was.
#[derive(Debug, Clone)]
struct Snapshot {
    plan: Plan,
    label: String,
}

impl App {
    /// Applies `change` to the plan as one undoable edit named `label`. `change` returns
    /// whether it did anything; an edit that changes nothing leaves no history.
    pub(super) fn edit(&mut self, label: &str, change: impl FnOnce(&mut Plan) -> bool) {
        let before = self.doc.plan.clone();
        if change(&mut self.doc.plan) && self.doc.plan != before {
            self.doc.undo.push(Snapshot {
                plan: before,
                label: label.to_string(),
            });
            self.doc.redo.clear();
            // The first change to an approved plan says what it costs.
            let before = &self.doc.undo.last().expect("just pushed").plan;
            let approved_by = match review::verdict_state(before) {
                review::VerdictState::Current(v) if v.decision == Decision::Approved => {
                    Some(v.reviewer.clone())
                }
                _ => None,
            }
            .filter(|_| {
                matches!(
                    review::verdict_state(&self.doc.plan),
                    review::VerdictState::Changed(..)
                )
            });
            let undo = self
                .keymap
                .key_for(Context::Normal, Action::Undo)
                .map(|key| format!(" ({key} to undo)"))
                .unwrap_or_default();
            match approved_by {
                Some(reviewer) => self.info(format!(
                    "{label}: approved by {reviewer}; changing it will need a new review{undo}"
                )),
                None => self.info(format!("{label}{undo}")),
            }
        }
    }

    pub(super) fn undo(&mut self) {
        match self.doc.undo.pop() {
            Some(snapshot) => {
                let current = std::mem::replace(&mut self.doc.plan, snapshot.plan);
                self.follow_change(&current);
                self.info(format!("Undone: {}", snapshot.label));
                self.doc.redo.push(Snapshot {
                    plan: current,
                    label: snapshot.label,
                });
            }
            None => self.info("Nothing to undo".into()),
        }
    }

    pub(super) fn redo(&mut self) {
        match self.doc.redo.pop() {
            Some(snapshot) => {
                let current = std::mem::replace(&mut self.doc.plan, snapshot.plan);
                self.follow_change(&current);
                self.info(format!("Redone: {}", snapshot.label));
                self.doc.undo.push(Snapshot {
                    plan: current,
                    label: snapshot.label,
                });
            }
            None => self.info("Nothing to redo".into()),
        }
    }
}
