//! The recovery overlay: unsaved edits from a session that did not end normally.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{View, centered};
use crate::action::{Action, Context};
use crate::app::Recovery;

/// The question whether to restore an earlier session's unsaved edits, listing them.
pub(super) fn render_recovery(frame: &mut Frame, area: Rect, view: &View, recovery: &Recovery) {
    let View { app, theme, .. } = *view;
    let unsaved = &recovery.unsaved;
    let changes = crate::model::edits::edits(app.curriculum(), app.plan(), unsaved);
    let mut lines = vec![
        Line::raw("This plan has unsaved edits from an earlier session that did not end"),
        Line::raw("normally (a crash, a closed terminal, a signal)."),
        Line::raw(""),
    ];
    // Every change, as many as the screen holds (the popup has 7 more rows).
    let room = usize::from(area.height.saturating_sub(9)).max(1);
    let shown = if changes.len() > room { room - 1 } else { room };
    lines.extend(
        changes
            .iter()
            .take(shown)
            .map(|c| Line::raw(format!("  • {c}"))),
    );
    if changes.len() > shown {
        lines.push(Line::styled(
            format!("  … and {} more", changes.len() - shown),
            theme.muted,
        ));
    }
    lines.push(Line::raw(""));
    let keymap = app.keymap();
    let mut answers = vec![Span::raw("  ")];
    if let Some(yes) = keymap.key_for(Context::Confirm, Action::Confirm) {
        answers.push(Span::styled(format!("{yes} "), theme.key));
        answers.push(Span::raw(
            match keymap.key_for(Context::Normal, Action::Save) {
                Some(key) => format!("restore them (then {key} saves)    "),
                None => "restore them    ".to_string(),
            },
        ));
    }
    if let Some(no) = keymap.key_for(Context::Confirm, Action::Cancel) {
        answers.push(Span::styled(format!("{no} "), theme.key));
        answers.push(Span::raw("discard them"));
    }
    lines.push(Line::from(answers));
    let popup = centered(area, 76, lines.len() as u16 + 2);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .border_style(theme.warning)
        .title(" Restore unsaved edits? ");
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        popup,
    );
}
