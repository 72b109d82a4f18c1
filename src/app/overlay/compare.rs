//! The open plan beside another one, with the list of differences to scroll.

use crate::action::Action;
use crate::app::{App, Effect};
use crate::model::{Plan, review};

use super::Overlay;

/// The plan compared with the open one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compare {
    /// The other plan.
    pub other: Box<Plan>,
    /// Its file name.
    pub label: String,
    /// The first difference shown in the list of differences.
    pub scroll: u16,
}

impl Compare {
    /// Compares the open plan with `other`, whose file is `label`.
    pub fn new(other: Plan, label: String) -> Self {
        Compare {
            other: Box::new(other),
            label,
            scroll: 0,
        }
    }

    /// Scrolls the differences; Esc closes.
    pub(super) fn handle(mut self, action: Action, app: &mut App) -> Option<Effect> {
        // The view clamps the scroll to what there is to show.
        match action.list_step(app.overlay_page()) {
            Some(delta) => {
                let count = crate::model::diff::diff(
                    &review::placement(&self.other),
                    &review::placement(&app.doc.plan),
                )
                .len();
                let at = crate::action::step_cursor(usize::from(self.scroll), count, delta);
                self.scroll = u16::try_from(at).unwrap_or(u16::MAX);
            }
            None if action == Action::Cancel => return None,
            None => {}
        }
        app.overlay = Some(Overlay::Compare(self));
        None
    }
}
