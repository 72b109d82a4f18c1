//! The help overlay: every key from the keymap, by context, with its search.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{View, centered};
use crate::action::Context;
use crate::app::Help;
use crate::theme::Theme;

/// Display columns before a help description: two of margin, then the keys.
const HELP_KEYS: usize = 14;

/// The help lines of `sections` at `width` columns: each section's title, then its keys and
/// descriptions, a wrapped description continuing under the description column. Only the
/// bindings whose keys or description contain `search` (lower case) are shown, and only the
/// sections that keep one.
fn help_lines(
    keymap: &crate::keymap::Keymap,
    sections: &[(Context, &'static str)],
    search: &str,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let width = usize::from(width);
    let mut lines = Vec::new();
    for (context, title) in sections {
        let found: Vec<_> = keymap
            .bindings(*context)
            .filter(|b| {
                search.is_empty()
                    || b.description.to_lowercase().contains(search)
                    || b.keys_label().to_lowercase().contains(search)
            })
            .collect();
        if found.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(*title, theme.muted));
        for b in found {
            let keys = format!("  {} ", b.keys_label());
            let indent = keys.width().max(HELP_KEYS);
            let rows = wrap_words(b.description, width.saturating_sub(indent).max(1));
            for (i, row) in rows.into_iter().enumerate() {
                let lead = match i {
                    0 => Span::styled(
                        format!("{keys}{}", " ".repeat(indent - keys.width())),
                        theme.key,
                    ),
                    _ => Span::raw(" ".repeat(HELP_KEYS)),
                };
                lines.push(Line::from(vec![lead, Span::raw(row)]));
            }
        }
    }
    lines
}

/// `text` broken at spaces into rows of at most `width` display columns (a longer word has a
/// row to itself).
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match rows.last_mut() {
            Some(row) if row.width() + 1 + word.width() <= width => {
                row.push(' ');
                row.push_str(word);
            }
            _ => rows.push(word.to_string()),
        }
    }
    rows
}

/// Columns between the help overlay's two columns.
const HELP_GUTTER: u16 = 2;

/// The help overlay, generated from the keymap: two columns when there is room, else one
/// column that scrolls.
pub(super) fn render_help(frame: &mut Frame, area: Rect, view: &View, help: &Help) {
    let View { app, theme, .. } = *view;
    const PLANNING: &[(Context, &str)] = &[(Context::Normal, "Planning (the plan's screen)")];
    const OTHER: &[(Context, &str)] = &[
        (Context::Review, "Reviewing (degree-planner review PLAN)"),
        (Context::Notes, "Notes list (v)"),
        (Context::Picker, "Plans list (o)"),
        (Context::Confirm, "Yes/no questions"),
        (Context::Compare, "Comparison (=)"),
        (Context::Requirements, "Requirements (w)"),
        (Context::Typing, "Typing a filter or a prompt (/, a, r, …)"),
        (Context::Help, "This help (?)"),
        (
            Context::ConfirmQuit,
            "Unsaved changes (quitting, opening another plan)",
        ),
        (Context::Anywhere, "Anywhere (every mode)"),
    ];
    let search = help.search.to_lowercase();
    let width = area.width.min(140);
    let two = width >= 100;
    // Two columns keep a gutter between them, so text never runs into the next.
    let gutter = if two { HELP_GUTTER } else { 0 };
    let count = if two { 2 } else { 1 };
    let column_width = (width.saturating_sub(2 + gutter) / count).max(1);
    let lines = |sections| help_lines(app.keymap(), sections, &search, column_width, theme);
    let mut columns: Vec<Vec<Line>> = if two {
        vec![lines(PLANNING), lines(OTHER)]
    } else {
        let all: Vec<_> = PLANNING.iter().chain(OTHER).copied().collect();
        vec![lines(&all)]
    };
    if columns.iter().all(Vec::is_empty) {
        columns = vec![vec![Line::styled(
            format!("No key or description contains \"{}\"", help.search),
            theme.muted,
        )]];
    }
    let rows = columns.iter().map(Vec::len).max().unwrap_or(0);
    let rows = u16::try_from(rows).unwrap_or(u16::MAX);
    let popup = centered(area, width, rows.saturating_add(2));
    let visible = popup.height.saturating_sub(2);
    let scroll = help.scroll.min(rows.saturating_sub(visible));
    let footer = if rows <= visible {
        " / search · Esc closes "
    } else {
        " ↑↓ scroll · PgUp PgDn g G · / search · Esc closes "
    };
    let title = match (help.search.is_empty(), help.typing) {
        (true, true) => " Keys matching: (type to search) ".to_string(),
        (true, _) => " Keys ".to_string(),
        (false, _) => format!(" Keys matching \"{}\" ", help.search),
    };
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .border_style(theme.border_focus)
        .title(title)
        .title_bottom(Line::from(footer).right_aligned());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let constraints = vec![Constraint::Fill(1); columns.len()];
    for (lines, column) in columns.into_iter().zip(
        Layout::horizontal(constraints)
            .spacing(gutter)
            .split(inner)
            .iter(),
    ) {
        frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), *column);
    }
}
