//! Leaving a plan with unsaved changes: save, discard, or keep editing.

use crate::action::Action;
use crate::app::{App, Effect};

use super::{Overlay, Purpose};

/// Where the user is going when the plan has unsaved changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    /// Quitting the planner.
    Quit,
    /// To the list of plans, to open or start another.
    ToPlans,
}

impl Leave {
    /// Applies one answer; any other key leaves the question open.
    pub(super) fn handle(self, action: Action, app: &mut App) -> Option<Effect> {
        match action {
            Action::SaveAndQuit => {
                if let Some(why) = &app.access.read_only {
                    app.error(format!("Not saved: {why}"));
                    return None;
                }
                app.doc.stamp_curriculum();
                app.after_save = Some(self);
                Some(app.save(false))
            }
            Action::Discard => match self {
                Leave::Quit => {
                    app.should_quit = true;
                    None
                }
                Leave::ToPlans => {
                    // Undoable while this plan stays open.
                    let saved = app.doc.saved.clone();
                    app.edit("Discarded the unsaved changes", |plan| {
                        *plan = saved;
                        true
                    });
                    Some(Effect::ListPlans(Purpose::Open))
                }
            },
            Action::Cancel => None,
            _ => {
                app.overlay = Some(Overlay::Unsaved(self));
                None
            }
        }
    }
}
