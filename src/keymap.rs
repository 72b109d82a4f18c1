//! The effective keymap: the defaults of [`crate::action::KEYMAP`] with the config file's
//! remappings applied. It resolves key presses and fills the footer and help, so what is
//! shown is always what acts.

use std::borrow::Cow;

use ratatui::crossterm::event::KeyEvent;

use crate::action::{self, Action, Binding, Context, KEYMAP};
use crate::config::Keys;

/// Every binding, with the keys in effect.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::new(&Keys::default())
    }
}

impl Keymap {
    /// The default keymap with each context's actions bound to the keys `keys` gives them
    /// (no keys: unbound).
    pub fn new(keys: &Keys) -> Self {
        let sections = keys.sections();
        let bindings = KEYMAP
            .iter()
            .map(|b| {
                let mut b = b.clone();
                let remap = sections.iter().find(|(c, _)| *c == b.context);
                if let Some((_, remap)) = remap
                    && let Some((_, keys)) = remap.iter().find(|(a, _)| *a == b.action)
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

    /// The first keys of `actions` in `context`, as the footers and messages write them:
    /// arrows run together ("↑↓"), other keys are spaced ("PageUp PageDown"); none when one
    /// of them is unbound.
    pub fn keys_for(&self, context: Context, actions: &[Action]) -> Option<String> {
        let labels: Vec<String> = actions
            .iter()
            .map(|a| self.key_for(context, *a))
            .collect::<Option<_>>()?;
        let arrows = labels
            .iter()
            .all(|l| ["↑", "↓", "←", "→"].contains(&l.as_str()));
        Some(labels.join(if arrows { "" } else { " " }))
    }

    /// Hints "KEYS what · KEYS what" for the bound ones of `hints` in `context`; an action
    /// without a key is left out.
    pub fn hints(&self, context: Context, hints: &[(&[Action], &str)]) -> String {
        hints
            .iter()
            .filter_map(|(actions, what)| {
                self.keys_for(context, actions)
                    .map(|keys| format!("{keys} {what}"))
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// Every key bound twice in one context, a context's own keys together with those that
    /// act anywhere, described ("j: down and save"). The review keys come before the normal
    /// ones by design (n notes a course there), so each is checked on its own.
    pub fn conflicts(&self) -> Vec<String> {
        use Context::*;
        let contexts = [
            Normal,
            Review,
            Notes,
            Picker,
            Compare,
            AutoPlan,
            Help,
            ConfirmQuit,
            Confirm,
            Typing,
            Exceptions,
            WhatIf,
        ];
        let mut found: Vec<String> = Vec::new();
        for context in contexts {
            let live: Vec<&Binding> = self
                .bindings
                .iter()
                .filter(|b| b.context == Anywhere || b.context == context)
                .collect();
            for (i, a) in live.iter().enumerate() {
                for b in &live[i + 1..] {
                    for key in a.keys.iter().filter(|k| b.keys.contains(k)) {
                        let clash = format!(
                            "{}: {} and {}",
                            key.label(),
                            a.action.name(),
                            b.action.name()
                        );
                        if !found.contains(&clash) {
                            found.push(clash);
                        }
                    }
                }
            }
        }
        found
    }
}
