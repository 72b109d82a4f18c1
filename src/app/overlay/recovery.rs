//! Unsaved edits an earlier session left beside the plan: restore them, or discard them.

use crate::action::Action;
use crate::app::{App, Effect};
use crate::model::Plan;

/// The plan with the earlier session's unsaved edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// The plan as that session left it.
    pub unsaved: Box<Plan>,
}

impl Recovery {
    /// Offers `unsaved` back.
    pub fn new(unsaved: Plan) -> Self {
        Recovery {
            unsaved: Box::new(unsaved),
        }
    }

    /// Yes restores the edits (as one undoable edit); any other key discards them.
    pub(super) fn handle(self, action: Action, app: &mut App) -> Option<Effect> {
        match action {
            Action::Confirm => {
                let unsaved = *self.unsaved;
                app.edit("Restored the unsaved edits of an earlier session", |plan| {
                    *plan = unsaved;
                    true
                });
                None
            }
            _ => {
                app.info("Discarded the unsaved edits of an earlier session".into());
                app.aside = None;
                Some(Effect::DropAside(app.doc.path.clone()))
            }
        }
    }
}
