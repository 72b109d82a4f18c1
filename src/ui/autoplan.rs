//! The auto-plan's preview: the proposed plan term by term with every course it adds or
//! moves marked, beside its effect on credits, problems, finish and readiness, and the limits
//! it kept. With no plan within the limits, the reason in plain words.

use std::collections::{HashMap, HashSet};

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::View;
use super::terms::status_glyph;
use super::text::{self, fit, truncate};
use crate::action::{Action, Context};
use crate::app::{App, AutoPlan};
use crate::model::autoplan::Proposal;
use crate::model::whatif::Standing;
use crate::model::{Change, Status, audit};
use crate::theme::Theme;

/// Draws the preview over `area`; returns the rows of the proposal it shows, what a page of
/// it is.
pub fn render_autoplan(frame: &mut Frame, area: Rect, view: &View, preview: &AutoPlan) -> usize {
    let View { app, theme, .. } = *view;
    frame.render_widget(Clear, area);
    let effect_width = (area.width * 2 / 5).clamp(34, 56);
    let [left, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(effect_width)]).areas(area);
    let (title, lines) = match &preview.outcome {
        Ok(proposal) => {
            let (added, moved) = preview.counts();
            (
                format!(" Auto-plan proposal: {added} added, {moved} moved "),
                proposal_lines(app, proposal, &preview.changes, left.width, theme),
            )
        }
        Err(no) => (
            " Auto-plan: no plan within these limits ".to_string(),
            no_plan_lines(app, &no.reason, theme),
        ),
    };
    let block = Block::bordered()
        .border_style(theme.border_focus)
        .title(title);
    let inner = block.inner(left);
    // Rows the lines take once wrapped, so the scroll stops at the last one.
    let rows = text::rows(&lines, inner.width);
    let room = usize::from(inner.height);
    let first = usize::from(preview.scroll).min(rows.saturating_sub(room));
    let block = match rows > room {
        true => block.title_bottom(
            Line::from(format!(
                " rows {}–{} of {rows} ",
                first + 1,
                (first + room).min(rows)
            ))
            .right_aligned(),
        ),
        false => block,
    };
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((u16::try_from(first).unwrap_or(u16::MAX), 0)),
        left,
    );
    let block = Block::bordered()
        .border_style(theme.border)
        .title(" Effect: now → proposed ");
    let width = usize::from(block.inner(right).width);
    frame.render_widget(
        Paragraph::new(effect_lines(app, preview, width, theme))
            .block(block)
            .wrap(Wrap { trim: false }),
        right,
    );
    room
}

/// The proposed plan, term by term: added courses marked "+", moved ones "»" with the term
/// they come from, the courses taken out at the end.
fn proposal_lines(
    app: &App,
    proposal: &Proposal,
    changes: &[Change],
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let c = app.curriculum();
    let width = usize::from(width.saturating_sub(2));
    let mut added: HashSet<&str> = HashSet::new();
    let mut moved: HashMap<&str, &str> = HashMap::new();
    let mut new_terms: Vec<&str> = Vec::new();
    for change in changes {
        match change {
            Change::Added { course, .. } => {
                added.insert(course);
            }
            Change::Moved { course, from, .. } => {
                moved.insert(course, from);
            }
            Change::TermAdded { term } => new_terms.push(term),
            _ => {}
        }
    }
    let mut lines = vec![Line::styled(
        "+ added   » moved from the term named   ✓ ◐ and pinned • stay where they are",
        theme.muted,
    )];
    for (t, term) in proposal.plan.terms.iter().enumerate() {
        let credits = audit::term_credits(c, &proposal.plan, t);
        let new = if new_terms.contains(&term.name.as_str()) {
            " · new term"
        } else {
            ""
        };
        lines.push(Line::styled(
            format!("{} · {credits} credits{new}", term.name),
            theme.key,
        ));
        for p in &term.courses {
            let title = c
                .course(&p.code)
                .map_or("?", |course| course.title.as_str());
            let (mark, suffix, style) = if added.contains(p.code.as_str()) {
                ("+", String::new(), theme.good)
            } else if let Some(from) = moved.get(p.code.as_str()) {
                ("»", format!("  from {from}"), theme.path_highlight)
            } else if p.status != Status::Planned || p.pinned {
                (" ", String::new(), theme.muted)
            } else {
                (" ", String::new(), Style::new())
            };
            let pin = if p.pinned { "•" } else { " " };
            let head = format!("{mark} {}{pin}{} ", status_glyph(p.status), p.code);
            let room = width.saturating_sub(head.width() + suffix.width());
            let text = match suffix.is_empty() {
                true => truncate(&format!("{head}{title}"), width),
                false => format!("{head}{}{suffix}", fit(title, room)),
            };
            lines.push(Line::styled(text, style));
        }
    }
    let removed: Vec<String> = changes
        .iter()
        .filter_map(|change| match change {
            Change::Removed { course, term } => Some(format!("- {course} (was in {term})")),
            _ => None,
        })
        .collect();
    if !removed.is_empty() {
        lines.push(Line::styled("Taken out of the plan", theme.key));
        lines.extend(removed.into_iter().map(|r| Line::styled(r, theme.warning)));
    }
    lines
}

/// Why no plan exists, and which keys give the auto-plan more room.
fn no_plan_lines(app: &App, reason: &str, theme: &Theme) -> Vec<Line<'static>> {
    let keys = app.keymap();
    let mut reason = reason.to_string();
    if let Some(first) = reason.get(..1) {
        reason.replace_range(..1, &first.to_uppercase());
    }
    let mut lines = vec![
        Line::styled(
            "No plan keeps every rule within these limits:",
            theme.warning,
        ),
        Line::raw(format!("{reason}.")),
        Line::raw(""),
    ];
    let more = [
        (Action::MoreCredits, "allows a credit more a term"),
        (Action::MoreTerms, "allows a term more"),
    ]
    .into_iter()
    .filter_map(|(a, what)| {
        keys.key_for(Context::AutoPlan, a)
            .map(|k| format!("{k} {what}"))
    })
    .collect::<Vec<_>>();
    if !more.is_empty() {
        lines.push(Line::styled(
            format!("More room may help: {}.", more.join(", ")),
            theme.muted,
        ));
    }
    if let Some(close) = keys.key_for(Context::AutoPlan, Action::Cancel) {
        lines.push(Line::styled(
            format!("Nothing changes until a plan is found; {close} closes."),
            theme.muted,
        ));
    }
    lines
}

/// The plan now and as proposed: credits, problems, earliest finish, readiness per path;
/// then the limits and the warnings the proposal leaves to a person.
fn effect_lines(app: &App, preview: &AutoPlan, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let c = app.curriculum();
    let keys = app.keymap();
    let (now, after) = (&preview.before, preview.after.as_ref());
    let row = |label: &str, label_width: usize, a: String, b: Option<String>, style: Style| {
        Line::from(vec![
            Span::styled(fit(label, label_width), theme.muted),
            Span::raw(format!(" {a} → ")),
            Span::styled(b.unwrap_or_else(|| "—".into()), style),
        ])
    };
    let count_style = |n: usize, bad: Style| if n == 0 { theme.good } else { bad };
    let credits = |s: &Standing| format!("{} of {}", s.credits.total(), s.credits.degree);
    let label_width = 16.min(width / 2);
    let mut lines = vec![
        row(
            "Credits",
            label_width,
            credits(now),
            after.map(credits),
            after.map_or(Style::new(), |s| match s.credits.remaining() {
                0 => theme.good,
                _ => theme.warning,
            }),
        ),
        row(
            "Errors",
            label_width,
            now.errors.to_string(),
            after.map(|s| s.errors.to_string()),
            after.map_or(Style::new(), |s| count_style(s.errors, theme.error)),
        ),
        row(
            "Warnings",
            label_width,
            now.warnings.to_string(),
            after.map(|s| s.warnings.to_string()),
            after.map_or(Style::new(), |s| count_style(s.warnings, theme.warning)),
        ),
        row(
            "Earliest finish",
            label_width,
            now.graduation.term_name.clone(),
            after.map(|s| s.graduation.term_name.clone()),
            Style::new(),
        ),
    ];
    if !now.readiness.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Readiness (share placed)", theme.key));
    }
    let percent = |x: f64| format!("{:.0}%", x * 100.0);
    // Room for the path's name beside "100% → 100%".
    let longest = now
        .readiness
        .iter()
        .map(|(_, name, _)| name.width() + 2)
        .max();
    let path_width = longest.unwrap_or(0).min(width.saturating_sub(13));
    for (id, name, share) in &now.readiness {
        let mark = c.path(id).map_or(' ', |p| p.mark);
        let proposed = after.and_then(|s| s.readiness.iter().find(|(i, _, _)| i == id));
        lines.push(row(
            &format!("{mark} {name}"),
            path_width,
            format!("{:>4}", percent(*share)),
            proposed.map(|(_, _, x)| percent(*x)),
            Style::new(),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Limits", theme.key));
    let credits_limit = match preview.options.max_credits {
        Some(n) => format!("at most {n} credits a term"),
        None => "no credit limit a term".to_string(),
    };
    let terms_limit = match preview.options.max_terms {
        Some(n) => format!("at most {n} terms in all"),
        None => "as many terms as it takes".to_string(),
    };
    let with_keys =
        |text: String, actions: &[Action]| match keys.keys_for(Context::AutoPlan, actions) {
            Some(k) => Line::raw(format!("{text} ({k})")),
            None => Line::raw(text),
        };
    lines.push(with_keys(
        credits_limit,
        &[Action::FewerCredits, Action::MoreCredits],
    ));
    lines.push(with_keys(
        terms_limit,
        &[Action::FewerTerms, Action::MoreTerms],
    ));
    if let Ok(proposal) = &preview.outcome
        && !proposal.warnings.is_empty()
    {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "To check (allowed, a person decides)",
            theme.key,
        ));
        for w in &proposal.warnings {
            lines.push(Line::styled(format!("⚠ {}", w.message), theme.warning));
        }
    }
    if preview.outcome.is_ok() {
        let apply = keys.key_for(Context::AutoPlan, Action::Confirm);
        let undo = keys.key_for(Context::Normal, Action::Undo);
        let discard = keys.key_for(Context::AutoPlan, Action::Cancel);
        let mut parts = Vec::new();
        if let Some(k) = apply {
            parts.push(match undo {
                Some(u) => format!("{k} applies it as one edit ({u} undoes it)"),
                None => format!("{k} applies it as one edit"),
            });
        }
        if let Some(k) = discard {
            parts.push(format!("{k} discards it"));
        }
        if !parts.is_empty() {
            lines.push(Line::raw(""));
            lines.push(Line::styled(format!("{}.", parts.join("; ")), theme.muted));
        }
    }
    lines
}
