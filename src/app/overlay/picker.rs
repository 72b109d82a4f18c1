//! The plan picker: the student's plans with their summaries, and the ways to start a new
//! one. The file work it asks for is an [`Effect`].

use std::path::PathBuf;

use super::{Overlay, PromptKind};
use crate::action::Action;
use crate::app::{App, Effect};
use crate::store::library::PlanEntry;

/// Why the picker is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// To open, duplicate, rename, delete or start plans.
    Open,
    /// To choose a plan to compare the open one with.
    Compare,
    /// To restore a plan from the trash.
    Trash,
}

/// One row of the picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row<'a> {
    /// Start a new plan: from the recommended schedule, or empty.
    New {
        /// Whether the new plan starts with no courses placed.
        empty: bool,
    },
    /// An existing plan file.
    Plan(&'a PlanEntry),
}

/// What the user asked the picker for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Nothing beyond moving or closing.
    None,
    /// Close the picker.
    Close,
    /// Ask for a name, then start a new plan.
    New {
        /// Whether the new plan starts with no courses placed.
        empty: bool,
    },
    /// Open this plan.
    Open(PathBuf),
    /// Compare the open plan with this one.
    Compare(PathBuf),
    /// Copy this plan.
    Duplicate(PathBuf),
    /// Ask for a new name for this plan.
    Rename(PathBuf),
    /// Move this plan to the trash (already confirmed).
    Trash(PathBuf),
    /// List the plans in the trash.
    ShowTrash,
    /// Go back from the trash to the plans.
    ShowPlans,
    /// Move this plan out of the trash, back among the plans.
    Restore(PathBuf),
}

/// The picker's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    /// Why it is open.
    pub purpose: Purpose,
    /// The plans found.
    pub entries: Vec<PlanEntry>,
    /// The highlighted row.
    pub selected: usize,
    /// Set while asking whether to move the highlighted plan to the trash.
    pub confirm_trash: bool,
    /// Only plans whose name or student contains this (case-insensitive) are listed.
    pub filter: String,
    /// Set while the filter is being typed.
    pub typing: bool,
}

impl Picker {
    /// A picker over `entries`, highlighting `select` if it is among them.
    pub fn new(
        purpose: Purpose,
        entries: Vec<PlanEntry>,
        select: Option<&std::path::Path>,
    ) -> Self {
        let mut picker = Picker {
            purpose,
            entries,
            selected: 0,
            confirm_trash: false,
            filter: String::new(),
            typing: false,
        };
        if let Some(i) = select.and_then(|p| {
            picker
                .rows()
                .iter()
                .position(|r| matches!(r, Row::Plan(e) if e.path == p))
        }) {
            picker.selected = i;
        }
        picker
    }

    /// The rows in order: the two "new plan" rows (when opening, and not filtering), then
    /// the plans that pass the filter.
    pub fn rows(&self) -> Vec<Row<'_>> {
        let new = match self.purpose {
            Purpose::Open if self.filter.is_empty() => {
                vec![Row::New { empty: false }, Row::New { empty: true }]
            }
            _ => Vec::new(),
        };
        let needle = self.filter.to_lowercase();
        let passes = |e: &&PlanEntry| {
            e.name.to_lowercase().contains(&needle)
                || e.summary
                    .as_ref()
                    .is_ok_and(|s| s.student.to_lowercase().contains(&needle))
        };
        new.into_iter()
            .chain(self.entries.iter().filter(passes).map(Row::Plan))
            .collect()
    }

    /// Keys while the filter is typed: text changes it (the highlight goes to the first
    /// match), Enter keeps it, Esc clears it, and the arrows still move.
    fn filter_key(&mut self, action: Action) -> Request {
        if crate::field::type_into_search(&mut self.filter, action) {
            self.selected = 0;
            return Request::None;
        }
        match action {
            Action::Submit => self.typing = false,
            Action::Cancel => {
                self.filter.clear();
                self.typing = false;
                self.selected = 0;
            }
            Action::Up | Action::Down => {
                let delta = action.list_step(1).unwrap_or(0);
                self.selected = crate::action::step_cursor(self.selected, self.rows().len(), delta);
            }
            Action::Quit => return Request::Close,
            _ => {}
        }
        Request::None
    }

    /// The highlighted plan, unless a "new plan" row is highlighted.
    pub fn selected_entry(&self) -> Option<&PlanEntry> {
        match self.rows().get(self.selected) {
            Some(Row::Plan(e)) => Some(e),
            _ => None,
        }
    }

    fn selected_plan(&self) -> Option<PathBuf> {
        self.selected_entry().map(|e| e.path.clone())
    }

    /// Applies one action; a page is `page` rows.
    pub fn update(&mut self, action: Action, page: isize) -> Request {
        if self.confirm_trash {
            self.confirm_trash = false;
            return match (action, self.selected_plan()) {
                (Action::Confirm, Some(path)) => Request::Trash(path),
                _ => Request::None,
            };
        }
        if self.typing {
            return self.filter_key(action);
        }
        if let Some(delta) = action.list_step(page) {
            self.selected = crate::action::step_cursor(self.selected, self.rows().len(), delta);
            return Request::None;
        }
        match action {
            Action::StartFilter => self.typing = true,
            Action::Toggle => {
                return match (self.rows().get(self.selected).copied(), self.purpose) {
                    (Some(Row::New { empty }), _) => Request::New { empty },
                    (Some(Row::Plan(e)), Purpose::Open) => Request::Open(e.path.clone()),
                    (Some(Row::Plan(e)), Purpose::Compare) => Request::Compare(e.path.clone()),
                    (Some(Row::Plan(e)), Purpose::Trash) => Request::Restore(e.path.clone()),
                    (None, _) => Request::None,
                };
            }
            Action::ShowTrash => match self.purpose {
                Purpose::Open => return Request::ShowTrash,
                Purpose::Trash => return Request::ShowPlans,
                Purpose::Compare => {}
            },
            // Comparing picks a plan and the trash restores one; they make, copy, rename and
            // delete none.
            Action::DuplicatePlan | Action::RenamePlan | Action::TrashPlan | Action::NewPlan
                if self.purpose != Purpose::Open => {}
            Action::DuplicatePlan => {
                return self
                    .selected_plan()
                    .map_or(Request::None, Request::Duplicate);
            }
            Action::RenamePlan => {
                return self.selected_plan().map_or(Request::None, Request::Rename);
            }
            Action::TrashPlan => self.confirm_trash = self.selected_plan().is_some(),
            Action::NewPlan => return Request::New { empty: false },
            Action::Cancel | Action::OpenPicker | Action::Quit => return Request::Close,
            _ => {}
        }
        Request::None
    }
}

impl Picker {
    /// Applies `action` to the picker, taken out of `app`, and does what it asks for: the file
    /// work through an [`Effect`], the questions (a new plan's name, a new name) by a prompt.
    pub(super) fn handle(self, action: Action, app: &mut App) -> Option<Effect> {
        let mut picker = self;
        // The open plan cannot go to the trash: say so before asking, not after.
        if action == Action::TrashPlan
            && !picker.confirm_trash
            && let Some(entry) = picker.selected_entry()
            && entry.path == app.doc.path
        {
            app.error(format!(
                "{} is the open plan: open another one before deleting it",
                entry.name
            ));
            app.overlay = Some(Overlay::Picker(picker));
            return None;
        }
        let request = picker.update(action, app.overlay_page());
        app.overlay = Some(Overlay::Picker(picker));
        match request {
            Request::None => None,
            Request::Close => {
                app.overlay = None;
                None
            }
            Request::New { empty } => {
                let input = String::new();
                app.ask(PromptKind::NewPlan { empty }, &input);
                None
            }
            Request::Open(path) if path == app.doc.path => {
                app.overlay = None;
                None
            }
            Request::Open(path) => Some(Effect::OpenPlan(path)),
            Request::Compare(path) => Some(Effect::ComparePlan(path)),
            Request::Duplicate(path) => Some(Effect::DuplicatePlan(path)),
            Request::Rename(path) => {
                let input = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                app.ask(PromptKind::RenamePlan(path), &input);
                None
            }
            Request::Trash(path) => Some(Effect::TrashPlan(path)),
            Request::ShowTrash => Some(Effect::ListPlans(Purpose::Trash)),
            Request::ShowPlans => Some(Effect::ListPlans(Purpose::Open)),
            Request::Restore(path) => Some(Effect::RestorePlan(path)),
        }
    }
}
