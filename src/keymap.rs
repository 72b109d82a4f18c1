//! The effective keymap: the defaults of [`crate::action::KEYMAP`] with the config file's
//! remappings applied. It resolves key presses and fills the footer and help, so what is
//! shown is always what acts.

use std::borrow::Cow;

use ratatui::crossterm::event::KeyEvent;

use crate::action::{self, Action, Binding, Context, KEYMAP};
use crate::config::Remap;

/// Every binding, with the keys in effect.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::new(&Remap::default())
    }
}

impl Keymap {
    /// The default keymap with the normal mode's actions bound to the keys `remap` gives
    /// them (no keys: unbound).
    pub fn new(remap: &Remap) -> Self {
        let bindings = KEYMAP
            .iter()
            .map(|b| {
                let mut b = b.clone();
                if b.context == Context::Normal
                    && let Some((_, keys)) = remap.0.iter().find(|(a, _)| *a == b.action)
                {
                    b.keys = Cow::Owned(keys.clone());
                }
                b
            })
            .collect();
        Keymap { bindings }
    }

    /// The action a key press means in `context` (see [`action::resolve`]).
    pub fn resolve(&self, context: Context, event: &KeyEvent) -> Option<Action> {
        action::resolve_in(&self.bindings, context, event)
    }

    /// The bindings of one context that have a key, in keymap order.
    pub fn bindings(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings
            .iter()
            .filter(move |b| b.context == context && !b.keys.is_empty())
    }

    /// The first key bound to `action` in `context`, as help writes it ("s", "Ctrl-s"), for
    /// messages that name it; none when the action is unbound.
    pub fn key_for(&self, context: Context, action: Action) -> Option<String> {
        self.bindings(context)
            .find(|b| b.action == action)
            .and_then(|b| b.keys.first().map(action::Key::label))
    }

    /// Every key bound twice among the normal mode's keys and those that act anywhere,
    /// described ("j: down and save").
    pub fn conflicts(&self) -> Vec<String> {
        let live: Vec<&Binding> = self
            .bindings
            .iter()
            .filter(|b| matches!(b.context, Context::Normal | Context::Anywhere))
            .collect();
        let mut found = Vec::new();
        for (i, a) in live.iter().enumerate() {
            for b in &live[i + 1..] {
                for key in a.keys.iter().filter(|k| b.keys.contains(k)) {
                    found.push(format!(
                        "{}: {} and {}",
                        key.label(),
                        a.action.name(),
                        b.action.name()
                    ));
                }
            }
        }
        found
    }
}
