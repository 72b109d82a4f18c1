//! Typing the course filter: the terms and the pool show only the courses that match.

use crate::action::Action;
use crate::app::{App, Effect};
use crate::field::InputRequest;

use super::Overlay;

/// The filter is being typed (the text itself is the cursor's: it stays after typing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filter;

impl Filter {
    /// Keys while typing: text changes the filter, Enter keeps it, Esc clears it, and the
    /// arrows still move.
    pub(super) fn handle(self, action: Action, app: &mut App) -> Option<Effect> {
        app.overlay = Some(Overlay::Filter(self));
        match action {
            Action::Input(c) if !crate::model::text::is_unsafe(c) => {
                app.refilter(|filter| filter.push(c));
            }
            Action::Backspace => app.refilter(|filter| {
                filter.pop();
            }),
            // The filter's cursor stays at its end: what deletes before it applies.
            Action::Edit(InputRequest::DeleteFromStart) => app.refilter(String::clear),
            Action::Edit(InputRequest::DeletePrevWord) => app.refilter(|filter| {
                let kept = filter.trim_end().rfind(' ').map_or(0, |i| i + 1);
                filter.truncate(kept);
            }),
            Action::Submit => app.overlay = None,
            Action::Cancel => {
                app.refilter(String::clear);
                app.overlay = None;
            }
            Action::Up => app.step(-1),
            Action::Down => app.step(1),
            Action::Quit => {
                app.overlay = None;
                return app.normal(Action::Quit);
            }
            _ => {}
        }
        None
    }
}
