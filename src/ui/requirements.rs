//! The requirements overlay: each group's progress as a tree (have and need, caps, what is
//! left), each stream with the option in force, and the limits gone over. A program without
//! groups gets what is left of its required courses and credits instead.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::View;
use crate::action::Context;
use crate::app::{Entry, Requirements, entries};
use crate::model::requirements::{self, GroupProgress, StreamProgress};
use crate::theme::Theme;

/// Draws the requirements over `area`, the highlighted entry in view.
/// Draws the requirements pane; returns how many entries it shows, what a page of it is.
pub fn render_requirements(
    frame: &mut Frame,
    area: Rect,
    view: &View,
    pane: &Requirements,
) -> usize {
    let View { app, theme, .. } = *view;
    let progress = requirements::progress(app.curriculum(), app.plan());
    let list = entries(&progress);
    let selected = pane.selected.min(list.len().saturating_sub(1));
    let mut lines = Vec::new();
    // Which lines each entry takes.
    let mut spans = Vec::new();
    if list.is_empty() {
        lines = without_groups(view);
    }
    let heading = |lines: &mut Vec<Line<'static>>, text: &str| {
        lines.push(Line::styled(text.to_string(), theme.muted));
    };
    for (i, entry) in list.iter().enumerate() {
        match entry {
            Entry::Group(g) if i == 0 && progress.groups[*g].parent.is_none() => {
                heading(&mut lines, "Program requirements");
            }
            Entry::Limit(0) => heading(&mut lines, "Limits gone over"),
            _ => {}
        }
        let start = lines.len();
        let mut entry_lines = match *entry {
            Entry::Group(g) => group_lines(&progress.groups[g], theme),
            Entry::Stream(s) => stream_lines(&progress.streams[s], theme),
            Entry::Limit(l) => {
                let over = &progress.limits[l];
                vec![Line::styled(
                    format!(
                        "⚠ {}: {} placed, at most {} count",
                        over.limit.name,
                        over.unit.count(over.placed),
                        over.unit.count(over.max)
                    ),
                    theme.warning,
                )]
            }
        };
        super::text::mark_entry(&mut entry_lines, i == selected, theme.selected);
        lines.extend(entry_lines);
        spans.push(start..lines.len());
    }
    let popup = area.centered(
        Constraint::Length(area.width.min(100)),
        Constraint::Length(area.height.saturating_sub(2).max(3)),
    );
    let inner_width = popup.width.saturating_sub(2);
    let visible = usize::from(popup.height.saturating_sub(2));
    let starts = super::text::line_starts(&lines, inner_width);
    let scroll = super::text::scroll_to_entry(&starts, &spans, selected, visible);
    let mut block = Block::bordered()
        .border_style(theme.border_focus)
        .title(" Requirements ")
        .title_bottom(Line::from(hints(view)).right_aligned());
    // Which entries show (their first row in view), when not all do.
    let shown = super::text::entries_shown(&starts, &spans, scroll, visible);
    if let (Some(first), Some(last)) = (shown.first(), shown.last())
        && shown.len() < spans.len()
    {
        block = block.title(
            Line::styled(
                format!(" {}-{} of {} ", first + 1, last + 1, spans.len()),
                theme.muted,
            )
            .right_aligned(),
        );
    }
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        popup,
    );
    shown.len()
}

/// The keys of the pane with their hints, from the keymap: " ↑↓ move · Enter choose ".
fn hints(view: &View) -> String {
    let keymap = view.app.keymap();
    let parts: Vec<String> = keymap
        .bindings(Context::Requirements)
        .filter(|b| view.app.available(Context::Requirements, b.action))
        .filter_map(|b| Some(format!("{} {}", b.keys.first()?.label(), b.hint?)))
        .collect();
    format!(" {} ", parts.join(" · "))
}

/// One group: its mark, name and progress, caps, then what is left and what filled it.
fn group_lines(g: &GroupProgress, theme: &Theme) -> Vec<Line<'static>> {
    let indent = "  ".repeat(g.depth);
    let (mark, style) = if g.met {
        ("✓", theme.good)
    } else {
        ("✗", theme.error)
    };
    let amount = if g.need == 0 {
        format!("{} counted", g.unit.count(g.have))
    } else {
        format!("{} of {}", g.have, g.unit.count(g.need))
    };
    let mut caps = Vec::new();
    if let Some(max) = g.group.max_credits {
        caps.push(format!("at most {max} credits"));
    }
    if let Some(max) = g.group.max_courses {
        caps.push(format!("at most {max} courses"));
    }
    if g.over_cap > 0 {
        caps.push(format!("{} credits over the cap", g.over_cap));
    }
    let caps = if caps.is_empty() {
        String::new()
    } else {
        format!(" ({})", caps.join(", "))
    };
    let mut lines = vec![Line::from(vec![
        Span::raw(indent.clone()),
        Span::styled(format!("{mark} "), style),
        Span::styled(g.group.name.clone(), theme.key),
        Span::raw(format!("  {amount}")),
        Span::styled(
            caps,
            if g.over_cap > 0 {
                theme.warning
            } else {
                theme.muted
            },
        ),
    ])];
    if !g.met && !g.left.is_empty() {
        lines.push(Line::from(vec![
            Span::raw(format!("  {indent}  ")),
            Span::styled("left: ", theme.warning),
            Span::raw(g.left.join(", ")),
        ]));
    }
    if !g.filled_by.is_empty() {
        lines.push(Line::styled(
            format!("  {indent}  from {}", g.filled_by.join(", ")),
            theme.muted,
        ));
    }
    lines
}

/// One stream: its name, the option in force and how, and the options to choose from.
fn stream_lines(s: &StreamProgress, theme: &Theme) -> Vec<Line<'static>> {
    let stream = s.stream;
    let (state, style) = match (s.option, s.chosen, &s.unknown_choice) {
        (_, _, Some(code)) => (format!("{code} is not one of its options"), theme.error),
        (Some(o), true, _) => (format!("{} ({}), chosen", o.name, o.code), theme.good),
        (Some(o), false, _) => (
            format!("{} ({}) by default, not chosen yet", o.name, o.code),
            theme.warning,
        ),
        (None, _, _) if stream.required => ("none chosen yet".to_string(), theme.error),
        (None, _, _) => ("none chosen (optional)".to_string(), theme.muted),
    };
    let options: Vec<String> = stream
        .options
        .iter()
        .map(|o| format!("{} {}", o.code, o.name))
        .collect();
    vec![
        Line::from(vec![
            Span::styled(stream.name.clone(), theme.key),
            Span::raw(": "),
            Span::styled(state, style),
        ]),
        Line::styled(format!("    options: {}", options.join(", ")), theme.muted),
    ]
}

/// What is left in a program without groups: its required courses not in any term, its
/// electives, and the credits to the degree.
fn without_groups(view: &View) -> Vec<Line<'static>> {
    let View { app, facts, theme } = *view;
    let c = app.curriculum();
    let plan = app.plan();
    let mark = |met: bool| {
        if met {
            Span::styled("✓ ", theme.good)
        } else {
            Span::styled("✗ ", theme.error)
        }
    };
    let required: Vec<_> = c.courses.iter().filter(|x| x.required).collect();
    let missing: Vec<_> = required
        .iter()
        .filter(|x| plan.find(&x.code).is_none())
        .collect();
    let mut lines = vec![
        Line::styled(
            "This program has no requirement groups: what is left is its required courses and the credits of the degree.",
            theme.muted,
        ),
        Line::from(vec![
            mark(missing.is_empty()),
            Span::styled("Required courses", theme.key),
            Span::raw(format!(
                "  {} of {} in the plan",
                required.len() - missing.len(),
                required.len()
            )),
        ]),
    ];
    for x in &missing {
        lines.push(Line::from(vec![
            Span::styled("    left: ", theme.warning),
            Span::raw(format!("{} {}", x.code, x.title)),
        ]));
    }
    let electives = c.courses.len() - required.len();
    if electives > 0 {
        let placed = c
            .courses
            .iter()
            .filter(|x| !x.required && plan.find(&x.code).is_some())
            .count();
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled("Electives", theme.key),
            Span::raw(format!("  {placed} of {electives} in the plan")),
        ]));
    }
    let credits = &facts.credits;
    lines.push(Line::from(vec![
        mark(credits.remaining() == 0),
        Span::styled("Credits", theme.key),
        Span::raw(format!("  {} of {}", credits.total(), credits.degree)),
        Span::styled(
            if credits.remaining() > 0 {
                format!(", {} to place", credits.remaining())
            } else {
                String::new()
            },
            theme.warning,
        ),
    ]));
    lines
}
