//! The help overlay: every key, scrolled and searched; any other command closes it and acts.

use crate::action::Action;
use crate::app::{App, Effect};

use super::Overlay;

/// The help overlay's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Help {
    /// First line shown.
    pub scroll: u16,
    /// Only the keys whose description or keys contain this text (case-insensitive) show.
    pub search: String,
    /// Set while the search is being typed.
    pub typing: bool,
}

impl Help {
    /// Applies one action: scrolling, searching, closing; any other command closes the help
    /// and then acts.
    pub(super) fn handle(self, action: Action, app: &mut App) -> Option<Effect> {
        if self.typing {
            return self.search_key(action, app);
        }
        self.help_key(action, app)
    }

    fn help_key(mut self, action: Action, app: &mut App) -> Option<Effect> {
        if let Some(delta) = action.list_step(app.overlay_page()) {
            // The overlay clamps to what it can scroll; this bounds the count.
            let lines = crate::action::KEYMAP.len() * 3;
            let at = crate::action::step_cursor(usize::from(self.scroll), lines, delta);
            self.scroll = u16::try_from(at).unwrap_or(u16::MAX);
            app.overlay = Some(Overlay::Help(self));
            return None;
        }
        match action {
            Action::StartFilter => {
                self.scroll = 0;
                self.typing = true;
                app.overlay = Some(Overlay::Help(self));
                None
            }
            Action::Help | Action::Cancel => None,
            command => app.update(command),
        }
    }

    /// Keys while typing the search.
    fn search_key(mut self, action: Action, app: &mut App) -> Option<Effect> {
        if crate::field::type_into_search(&mut self.search, action) {
            self.scroll = 0;
            app.overlay = Some(Overlay::Help(self));
            return None;
        }
        match action {
            Action::Submit => self.typing = false,
            Action::Cancel => {
                self.search.clear();
                self.typing = false;
            }
            Action::Up | Action::Down => return self.help_key(action, app),
            Action::Quit => return app.update(Action::Quit),
            _ => {}
        }
        app.overlay = Some(Overlay::Help(self));
        None
    }
}
