//! The notes overlay: every note, with the verdict and its changes above it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::View;
use super::review::{note_line, verdict_header};
use crate::action::{Action, Context};
use crate::app::{App, Notes};
use crate::model::review::{self, NoteTarget, VerdictState};

/// Draws the list of every note, with the verdict and its changes above it; returns how many
/// notes it shows, what a page of them is.
pub fn render_notes(frame: &mut Frame, area: Rect, view: &View, notes: &Notes) -> usize {
    let View { app, theme, .. } = *view;
    let selected = notes.selected;
    let state = review::verdict_state(app.plan());
    let mut lines = verdict_header(app, &state, theme);
    if let VerdictState::Changed(_, changes) = &state {
        lines.push(Line::styled("Changed since the verdict:", theme.muted));
        for change in changes {
            lines.push(Line::raw(format!("  • {change}")));
        }
    }
    lines.push(Line::raw(""));
    if app.plan().notes.is_empty() {
        lines.push(Line::styled("No notes.", theme.muted));
    }
    // Which lines each note takes.
    let mut spans = Vec::new();
    for (i, note) in app.plan().notes.iter().enumerate() {
        let style = if i == selected {
            theme.selected
        } else {
            Style::new()
        };
        let marker = if i == selected { "> " } else { "  " };
        let start = lines.len();
        lines.push(Line::from(vec![
            Span::raw(marker),
            Span::styled(target_label(app, &note.on), theme.key),
        ]));
        let mut line = note_line(note, theme);
        line.spans.insert(0, Span::raw("  "));
        lines.push(line.style(style));
        spans.push(start..lines.len());
    }
    let popup = area.centered(
        Constraint::Length(area.width.min(100)),
        Constraint::Length(area.height.saturating_sub(2).max(3)),
    );
    // The highlighted note's end at the bottom, or its start at the top when it is taller
    // than the list.
    let visible = usize::from(popup.height.saturating_sub(2));
    let starts = super::text::line_starts(&lines, popup.width.saturating_sub(2));
    let scroll = super::text::scroll_to_entry(&starts, &spans, selected, visible);
    let page = super::text::entries_shown(&starts, &spans, scroll, visible).len();
    // Only the keys that act for this role, on a plan that may change here.
    let hints: Vec<(&[Action], &str)> = [
        (&[Action::Up, Action::Down][..], "move"),
        (&[Action::DeleteNote], "delete"),
        (&[Action::Toggle], "addressed"),
        (&[Action::Cancel], "close"),
    ]
    .into_iter()
    .filter(|(actions, _)| actions.iter().all(|a| app.available(Context::Notes, *a)))
    .collect();
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .border_style(theme.border_focus)
        .title(format!(" Notes ({}) ", app.plan().notes.len()))
        .title_bottom(
            Line::from(format!(" {} ", app.keymap().hints(Context::Notes, &hints))).right_aligned(),
        );
    let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        popup,
    );
    page
}

fn target_label(app: &App, target: &NoteTarget) -> String {
    match target {
        NoteTarget::Plan => "Plan".to_string(),
        NoteTarget::Term(name) => {
            let gone = if app.plan().terms.iter().any(|t| &t.name == name) {
                ""
            } else {
                " (no longer in the plan)"
            };
            format!("Term {name}{gone}")
        }
        NoteTarget::Course(code) => {
            let title = app
                .curriculum()
                .course(code)
                .map_or("", |c| c.title.as_str());
            format!("{code} {title}")
        }
    }
}
