//! The exceptions overlay: every exception with its kind, what it does, its reason, who asked
//! and when, its state, the problem it answers and the orphaned or stale mark `check` gives;
//! and the small list of exceptions offered when requesting one for a problem.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::View;
use crate::action::Context;
use crate::app::{Exceptions, Remedies};
use crate::model::exceptions;
use crate::model::plan::{Exception, ExceptionState};
use crate::model::{Problem, Severity};
use crate::theme::Theme;

/// Draws the list of every exception over `area`, the highlighted one in view; returns how
/// many it shows, what a page of it is.
pub fn render_exceptions(frame: &mut Frame, area: Rect, view: &View, list: &Exceptions) -> usize {
    let View { app, facts, theme } = *view;
    let (c, plan) = (app.curriculum(), app.plan());
    let all = &plan.exceptions;
    let selected = list.selected.min(all.len().saturating_sub(1));
    let issues = exceptions::issues(c, plan, facts.problems);
    let mut lines: Vec<Line<'static>> = Vec::new();
    if all.is_empty() {
        let how = app
            .keymap()
            .key_for(Context::Normal, crate::action::Action::RequestException)
            .map(|k| format!(": {k} on a problem or a course requests one"))
            .unwrap_or_default();
        lines.push(Line::styled(
            format!("No exceptions yet{how}."),
            theme.muted,
        ));
    }
    // Which lines each exception takes.
    let mut spans = Vec::new();
    for (i, e) in all.iter().enumerate() {
        let start = lines.len();
        let answered: Vec<&Problem> = facts
            .problems
            .iter()
            .filter(|p| exceptions::answers(c, plan, &e.grant, &p.kind))
            .collect();
        let trouble = issues.iter().find(|x| x.index == i);
        let mut entry = exception_lines(e, &answered, trouble, theme);
        super::text::mark_entry(&mut entry, i == selected, theme.selected);
        lines.extend(entry);
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
    let granted = all.iter().filter(|e| e.granted()).count();
    let block = Block::bordered()
        .border_style(theme.border_focus)
        .title(format!(" Exceptions ({}, {granted} granted) ", all.len()))
        .title_bottom(Line::from(hints(view)).right_aligned());
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        popup,
    );
    super::text::entries_shown(&starts, &spans, scroll, visible).len()
}

/// One exception: kind, what it does and state; its reason; who asked and decided, when; the
/// problems it answers (or that it answers none now); its orphaned or stale mark.
fn exception_lines(
    e: &Exception,
    answered: &[&Problem],
    trouble: Option<&exceptions::ExceptionIssue>,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let state_style = match e.state {
        ExceptionState::Granted { .. } => theme.good,
        ExceptionState::Requested => theme.warning,
        ExceptionState::Refused { .. } => theme.muted,
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{:<12} ", e.grant.kind()), theme.key),
        Span::raw(format!("{}  ", e.grant.describe())),
        Span::styled(e.state.label().to_string(), state_style),
    ])];
    lines.push(Line::raw(format!("    reason: {}", e.reason)));
    let decided = match &e.state {
        ExceptionState::Requested => String::new(),
        ExceptionState::Granted { by, date } => format!(" · granted by {by} on {date}"),
        ExceptionState::Refused { by, date } => format!(" · refused by {by} on {date}"),
    };
    lines.push(Line::styled(
        format!("    asked by {} on {}{decided}", e.author, e.date),
        theme.muted,
    ));
    for p in answered {
        let (mark, style) = match p.severity {
            Severity::Error => ("✗", theme.error),
            Severity::Warning => ("⚠", theme.warning),
        };
        lines.push(Line::from(vec![
            Span::raw("    answers "),
            Span::styled(format!("{mark} "), style),
            Span::raw(p.message.clone()),
        ]));
    }
    if let Some(issue) = trouble {
        lines.push(Line::styled(
            format!("    ⚠ {}", issue.message),
            theme.warning,
        ));
    } else if answered.is_empty() {
        lines.push(Line::styled(
            "    answers no problem of the plan now",
            theme.muted,
        ));
    }
    lines
}

/// Draws the exceptions offered for a problem, to choose the one to request; returns the
/// rows of offers it shows, what a page of them is.
pub fn render_remedies(frame: &mut Frame, area: Rect, view: &View, offers: &Remedies) -> usize {
    let View { theme, .. } = *view;
    let mut lines = vec![
        Line::from(vec![
            Span::styled("For: ", theme.muted),
            Span::raw(offers.about.clone()),
        ]),
        Line::raw(""),
    ];
    let header = lines.len();
    let selected = offers.selected.min(offers.grants.len().saturating_sub(1));
    for (i, g) in offers.grants.iter().enumerate() {
        let line = Line::from(vec![
            Span::raw(if i == selected { "> " } else { "  " }),
            Span::styled(format!("{:<12} ", g.kind()), theme.key),
            Span::raw(g.describe()),
        ]);
        lines.push(match i == selected {
            true => line.style(theme.selected),
            false => line,
        });
    }
    let width = area.width.min(90);
    let about_rows = super::text::wrapped_rows(&lines[0], width.saturating_sub(2));
    let wanted = about_rows + header - 1 + offers.grants.len();
    let height = u16::try_from(wanted).unwrap_or(u16::MAX).saturating_add(2);
    let popup = area.centered(
        Constraint::Length(width),
        Constraint::Length(height.min(area.height.saturating_sub(2)).max(5)),
    );
    let visible = usize::from(popup.height.saturating_sub(2));
    // The offers scroll under the problem, keeping the highlighted one in view.
    let rows_above = about_rows + header - 1;
    let scroll = (rows_above + selected + 1).saturating_sub(visible);
    let block = Block::bordered()
        .border_style(theme.border_focus)
        .title(" Request an exception ")
        .title_bottom(Line::from(hints(view)).right_aligned());
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        popup,
    );
    // One row per offer, under the problem.
    visible.saturating_sub(rows_above)
}

/// The keys that act here, with their hints, from the keymap: " ↓ move · A grant ".
fn hints(view: &View) -> String {
    let keymap = view.app.keymap();
    let parts: Vec<String> = keymap
        .bindings(Context::Exceptions)
        .filter(|b| view.app.available(Context::Exceptions, b.action))
        .filter_map(|b| Some(format!("{} {}", b.keys.first()?.label(), b.hint?)))
        .collect();
    format!(" {} ", parts.join(" · "))
}
