//! The help overlay: every key from the keymap, by context, with its search.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{View, centered};
use crate::action::{Action, Context};
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
    sections: &[(Context, String)],
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
        lines.push(Line::styled(title.clone(), theme.muted));
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
/// column that scrolls; returns the rows it shows, what a page of it is.
pub(super) fn render_help(frame: &mut Frame, area: Rect, view: &View, help: &Help) -> usize {
    let View { app, theme, .. } = *view;
    use Action::*;
    let keymap = app.keymap();
    // Each section's title, with the planning keys that open it.
    let title = |context, title: &str, opened_by: &[Action]| {
        let keys: Vec<String> = opened_by
            .iter()
            .filter_map(|a| keymap.key_for(Context::Normal, *a))
            .collect();
        let more = if context == Context::Typing {
            ", …"
        } else {
            ""
        };
        match keys.is_empty() {
            true => (context, title.to_string()),
            false => (context, format!("{title} ({}{more})", keys.join(", "))),
        }
    };
    let planning = [title(Context::Normal, "Planning (the plan's screen)", &[])];
    let other = [
        title(
            Context::Review,
            "Reviewing (degree-planner review PLAN)",
            &[],
        ),
        title(Context::Notes, "Notes list", &[ShowNotes]),
        title(Context::Picker, "Plans list", &[OpenPicker]),
        title(Context::Confirm, "Yes/no questions", &[]),
        title(Context::Compare, "Comparison", &[Compare]),
        title(Context::Requirements, "Requirements", &[ShowRequirements]),
        title(Context::AutoPlan, "Auto-plan preview", &[AutoPlan]),
        title(
            Context::Exceptions,
            "Exceptions",
            &[ShowExceptions, RequestException],
        ),
        title(
            Context::WhatIf,
            "What-if (a scratch copy; the plan is set aside)",
            &[WhatIf],
        ),
        title(
            Context::Typing,
            "Typing a filter or a prompt",
            &[StartFilter, AddTerm, RenameTerm],
        ),
        title(Context::Help, "This help", &[Help]),
        title(
            Context::ConfirmQuit,
            "Unsaved changes (quitting, opening another plan)",
            &[],
        ),
        title(Context::Anywhere, "Anywhere (every mode)", &[]),
    ];
    let search = help.search.to_lowercase();
    let width = area.width.min(140);
    let two = width >= 100;
    // Two columns keep a gutter between them, so text never runs into the next.
    let gutter = if two { HELP_GUTTER } else { 0 };
    let count = if two { 2 } else { 1 };
    let column_width = (width.saturating_sub(2 + gutter) / count).max(1);
    let lines = |sections| help_lines(keymap, sections, &search, column_width, theme);
    let mut columns: Vec<Vec<Line>> = if two {
        vec![lines(&planning), lines(&other)]
    } else {
        let all: Vec<_> = planning.iter().chain(&other).cloned().collect();
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
    let scrolls: &[(&[Action], &str)] = &[
        (&[Up, Down], "scroll"),
        (&[PageUp, PageDown], "page"),
        (&[First, Last], "ends"),
    ];
    let rest: &[(&[Action], &str)] = &[(&[StartFilter], "search"), (&[Help], "closes")];
    let shown: Vec<_> = match rows <= visible {
        true => rest.to_vec(),
        false => scrolls.iter().chain(rest).copied().collect(),
    };
    let footer = format!(" {} ", keymap.hints(Context::Help, &shown));
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
    usize::from(visible)
}
