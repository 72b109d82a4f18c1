//! The footer: the keys that act here, with a word each.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::View;
use crate::action::{self, Context};
use crate::app::{Focus, Overlay};

/// The footer: the hinted keys of the current context, most useful first. Help and quit
/// always stay at the end; what does not fit before them is left out (all keys are in `?`).
pub(super) fn render_footer(frame: &mut Frame, area: Rect, view: &View) {
    let View { app, theme, .. } = *view;
    use action::Action;
    // A reviewer sees the review keys first, then the ones that still apply.
    let reviewing = app.overlay().is_none() && app.role().may_review();
    let review = reviewing
        .then(|| app.keymap().bindings(Context::Review))
        .into_iter()
        .flatten();
    // During a what-if, its own keys come next.
    let whatif = (app.overlay().is_none() && app.whatif().is_some())
        .then(|| app.keymap().bindings(Context::WhatIf))
        .into_iter()
        .flatten();
    let shown = |b: &action::Binding| app.available(b.context, b.action);
    let purpose = match app.overlay() {
        Some(Overlay::Picker(p)) => Some(p.purpose),
        _ => None,
    };
    // At a narrow width the rarer keys go first; the basic ones stay.
    let rank = |a: Action| match a {
        Action::Save
        | Action::Undo
        | Action::CycleStatus
        | Action::StartFilter
        | Action::NextPath
        | Action::NoteCourse
        | Action::Approve
        | Action::RequestChanges
        | Action::ApplyWhatIf
        | Action::DiscardWhatIf
        | Action::KeepWhatIf => 0,
        Action::Toggle | Action::MoveLater => 1,
        _ => 2,
    };
    let hints: Vec<(String, &str, Action)> = review
        .chain(whatif)
        .chain(app.keymap().bindings(app.context()))
        .filter(|b| b.hint.is_some() && shown(b))
        .map(|b| {
            let key = b.keys.first().map(action::Key::label).unwrap_or_default();
            let hint = match (b.context, b.action, app.cursor().focus) {
                (Context::Normal, Action::Toggle, Focus::Terms) => "unplan",
                (Context::Normal, Action::Toggle, Focus::Pool) => "place",
                (Context::Normal, Action::Toggle, Focus::Paths) => "target",
                (Context::Picker, Action::ShowTrash, _)
                    if purpose == Some(crate::app::Purpose::Trash) =>
                {
                    "plans"
                }
                (Context::Normal, Action::Toggle, Focus::Problems) => "go to",
                (Context::Normal, Action::Down, Focus::Course) => "scroll",
                _ => b.hint.unwrap_or_default(),
            };
            (key, hint, b.action)
        })
        .collect();
    let is_last = |a: Action| matches!(a, Action::Help | Action::Quit);
    let width = |items: &[&(String, &str, Action)]| -> usize {
        items
            .iter()
            .map(|(k, h, _)| k.width() + h.width() + 3)
            .sum()
    };
    let tail: Vec<_> = hints.iter().filter(|h| is_last(h.2)).collect();
    let mut head: Vec<_> = hints.iter().filter(|h| !is_last(h.2)).collect();
    while !head.is_empty() && width(&head) + width(&tail) > usize::from(area.width) {
        // The last of the least needed keys goes.
        let drop = (0..head.len())
            .rev()
            .max_by_key(|&i| (rank(head[i].2), i))
            .unwrap_or(0);
        head.remove(drop);
    }
    let spans: Vec<Span> = head
        .into_iter()
        .chain(tail)
        .flat_map(|(key, hint, _)| {
            [
                Span::styled(key.clone(), theme.key),
                Span::raw(format!(" {hint}  ")),
            ]
        })
        .collect();
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
