//! The list of notes: moving through them, marking one addressed, deleting one.

use crate::action::Action;
use crate::app::{App, Effect};

use super::Overlay;

/// The notes list, with the highlighted note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Notes {
    /// Index into [`crate::model::Plan::notes`].
    pub selected: usize,
}

impl Notes {
    /// Applies one action.
    pub(super) fn handle(self, action: Action, app: &mut App) -> Option<Effect> {
        let selected = self.selected;
        let count = app.doc.plan.notes.len();
        app.overlay = Some(Overlay::Notes(self));
        if let Some(delta) = action.list_step(app.overlay_page()) {
            app.overlay = Some(Overlay::Notes(Notes {
                selected: crate::action::step_cursor(selected, count, delta),
            }));
            return None;
        }
        match action {
            Action::Toggle => {
                if selected >= count {
                    return None;
                }
                if let Some(why) = &app.access.read_only {
                    app.error(format!("Read-only: {why}"));
                } else if !app.access.role.may_mark_addressed() {
                    app.error("Only the student marks notes addressed".into());
                } else {
                    let now = !app.doc.plan.notes[selected].addressed;
                    let label = if now {
                        "Note marked addressed"
                    } else {
                        "Note marked not addressed"
                    };
                    app.edit(label, |plan| {
                        plan.notes[selected].addressed = now;
                        true
                    });
                }
            }
            Action::DeleteNote => {
                if selected >= count {
                    return None;
                }
                match app.access.may_review() {
                    Ok(()) => {
                        app.edit("Note deleted", |plan| {
                            plan.notes.remove(selected);
                            true
                        });
                        let left = app.doc.plan.notes.len();
                        app.overlay = Some(Overlay::Notes(Notes {
                            selected: selected.min(left.saturating_sub(1)),
                        }));
                    }
                    Err(why) => app.error(why),
                }
            }
            Action::Cancel | Action::ShowNotes | Action::Quit => app.overlay = None,
            _ => {}
        }
        None
    }
}
