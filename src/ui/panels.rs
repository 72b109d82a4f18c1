//! The side panels: credits, career paths, the highlighted course, and problems.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::facts::Facts;
use super::terms::status_glyph;
use crate::app::{App, Focus};
use crate::model::{Credits, Problem, Severity, Slot, Status};
use crate::theme::Theme;

/// A bar of `width` cells split into completed, in-progress and planned parts out of `total`.
/// Each part has its own glyph, so the bar reads without colour.
pub fn bar(parts: [u32; 3], total: u32, width: usize, theme: &Theme) -> Line<'static> {
    let total = total.max(parts.iter().sum()).max(1);
    let mut spans = Vec::new();
    let mut used = 0usize;
    let mut cumulative = 0u32;
    let styles = [
        ("█", theme.bar_completed),
        ("▓", theme.bar_in_progress),
        ("░", theme.bar_planned),
    ];
    for (part, (glyph, style)) in parts.iter().zip(styles) {
        cumulative += part;
        let end = (cumulative as usize * width) / total as usize;
        let cells = end.saturating_sub(used);
        if cells > 0 {
            spans.push(Span::styled(glyph.repeat(cells), style));
        }
        used = used.max(end);
    }
    spans.push(Span::styled(
        "·".repeat(width.saturating_sub(used)),
        theme.muted,
    ));
    Line::from(spans)
}

/// The credits line, e.g. "38 / 64 credits: 24 completed, 6 in progress, 8 planned".
pub fn credits_summary(credits: &Credits) -> String {
    format!(
        "{} / {} credits: {} completed, {} in progress, {} planned",
        credits.total(),
        credits.degree,
        credits.completed,
        credits.in_progress,
        credits.planned
    )
}

/// Draws the credits on one row: the summary, then a bar filling the rest of the row, then
/// what is still to place.
pub fn render_credits(frame: &mut Frame, area: Rect, facts: &Facts, theme: &Theme) {
    let c = &facts.credits;
    let summary = credits_summary(c);
    let rest = if c.remaining() > 0 {
        format!(" {} to place", c.remaining())
    } else {
        String::new()
    };
    let bar_width =
        usize::from(area.width).saturating_sub(summary.chars().count() + rest.chars().count() + 2);
    let mut spans = vec![Span::raw(summary), Span::raw(" ")];
    if bar_width >= 4 {
        spans.extend(
            bar(
                [c.completed, c.in_progress, c.planned],
                c.degree,
                bar_width,
                theme,
            )
            .spans,
        );
    }
    spans.push(Span::styled(rest, theme.warning));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// One row summing up every career path: "Paths S 32%/98% D 22%/100% (done/planned)".
pub fn render_paths_line(frame: &mut Frame, area: Rect, app: &App, facts: &Facts, theme: &Theme) {
    let mut spans = vec![Span::styled("Paths ", theme.muted)];
    for r in &facts.ranked {
        let path = &app.curriculum.paths[r.path];
        let style = if app.path == Some(r.path) {
            theme.path_highlight
        } else {
            Style::new()
        };
        let done = percent(r.completed_share());
        let planned = percent(r.committed_share());
        spans.push(Span::styled(
            format!("{} {}/{} ", path.mark, done.trim(), planned.trim()),
            style,
        ));
    }
    spans.push(Span::styled(
        "(done/planned; Tab to the paths for more)",
        theme.muted,
    ));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn percent(share: f64) -> String {
    format!("{:>3.0}%", share * 100.0)
}

/// Draws one gauge per career path, strongest first, and the next course for the focused one.
pub fn render_paths(frame: &mut Frame, area: Rect, app: &App, facts: &Facts, theme: &Theme) {
    let focused = app.focus == Focus::Paths;
    let block = Block::bordered()
        .border_style(if focused {
            theme.border_focus
        } else {
            theme.border
        })
        .title(" Career paths ");
    let width = usize::from(block.inner(area).width);
    let mut lines = Vec::new();
    for r in &facts.ranked {
        let path = &app.curriculum.paths[r.path];
        let is_focus = app.path == Some(r.path);
        let target = app.plan.target_path.as_deref() == Some(path.id.as_str());
        let style = if is_focus {
            theme.path_highlight
        } else {
            Style::new()
        };
        let mut line = Line::from(vec![
            Span::raw(if is_focus { ">" } else { " " }),
            Span::styled(format!("{} {}", path.mark, path.name), style),
            Span::raw(if target { " ★ target" } else { "" }),
        ]);
        if is_focus && focused {
            line = line.style(theme.selected);
        }
        lines.push(line);
        let stats = format!(
            " {} done {} planned",
            percent(r.completed_share()),
            percent(r.committed_share())
        );
        let bar_width = width.saturating_sub(stats.chars().count() + 3);
        let mut gauge = bar(
            [r.completed, 0, r.committed - r.completed],
            r.total,
            bar_width,
            theme,
        );
        gauge.spans.insert(0, Span::raw("   "));
        gauge.spans.push(Span::raw(stats));
        lines.push(gauge);
    }
    let next = match (
        app.path.and_then(|i| app.curriculum.paths.get(i)),
        facts.next,
    ) {
        (Some(path), Some((course, gain))) => Line::from(vec![
            Span::styled("Next for ", theme.muted),
            Span::raw(format!("{}: ", path.mark)),
            Span::styled(course.code.clone(), theme.path_highlight),
            Span::raw(format!(" {} (+{:.0}%)", course.title, gain * 100.0)),
        ]),
        (Some(path), None) => Line::styled(
            format!("{}: every course is completed or blocked", path.mark),
            theme.muted,
        ),
        (None, _) => Line::styled("p focuses a path and suggests the next course", theme.muted),
    };
    lines.push(next);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// Draws the highlighted course: title, code, credits, semester, prerequisites and paths.
pub fn render_detail(frame: &mut Frame, area: Rect, app: &App, facts: &Facts, theme: &Theme) {
    let block = Block::bordered()
        .border_style(theme.border)
        .title(" Course ");
    let Some(code) = app.selected_code() else {
        let text = Span::styled("No course highlighted.", theme.muted);
        frame.render_widget(Paragraph::new(text).block(block), area);
        return;
    };
    let c = &app.curriculum;
    let slot = (app.focus != Focus::Pool)
        .then(|| app.selected_slot())
        .flatten();
    let placement = slot.and_then(|s| app.plan.placement(s));
    let Some(course) = c.course(&code) else {
        let lines = vec![
            Line::styled(code.clone(), theme.error),
            Line::raw(format!("{code} is not a course of {}.", c.name)),
            Line::raw("Move it to the pool (Enter) to drop it from the plan."),
        ];
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false }),
            area,
        );
        return;
    };
    let mut lines = vec![
        Line::styled(course.title.clone(), theme.key),
        Line::raw(format!(
            "{} · {} credits · {}{}",
            course.code,
            course.credits,
            c.semester_name(course.semester),
            if course.required { "" } else { " · elective" }
        )),
    ];
    let here = slot.map_or(app.term, |s| s.term);
    let status_line = match placement {
        Some(p) => {
            let term = &app.plan.terms[here].name;
            let grade = p
                .grade
                .as_ref()
                .map(|g| format!(", grade {g}"))
                .unwrap_or_default();
            Line::from(vec![
                Span::raw(format!("{} ", status_glyph(p.status))),
                Span::raw(format!("{} in {term}{grade}", p.status.label())),
            ])
        }
        None => Line::styled(
            "Unplanned: Enter places it in the current term",
            theme.muted,
        ),
    };
    lines.push(status_line);
    if !course.prerequisites.is_empty() {
        lines.push(Line::styled("Prerequisites", theme.muted));
        for pre in &course.prerequisites {
            lines.push(prerequisite_line(app, theme, pre, here));
        }
    }
    let weighted: Vec<_> = c
        .paths
        .iter()
        .filter_map(|p| Some((p, *course.careers.get(&p.id).filter(|w| **w > 0)?)))
        .collect();
    if !weighted.is_empty() {
        lines.push(Line::styled("Supports", theme.muted));
    }
    for (path, weight) in weighted {
        let dots: String = (0..facts.max_weight)
            .map(|i| if i < weight { '●' } else { '○' })
            .collect();
        let style = if app
            .path
            .and_then(|i| c.paths.get(i))
            .is_some_and(|p| p.id == path.id)
        {
            theme.path_highlight
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![Span::styled(
            format!(" {} {} {dots}", path.mark, path.name),
            style,
        )]));
        if let Some(reason) = course.reasons.get(&path.id) {
            lines.push(Line::styled(format!("   {reason}"), theme.muted));
        }
    }
    let target = crate::model::NoteTarget::Course(course.code.clone());
    let notes: Vec<_> = app.notes_on(&target).collect();
    if !notes.is_empty() {
        lines.push(Line::styled("Advisor's notes", theme.muted));
        for note in notes {
            lines.push(super::review::note_line(note, theme));
        }
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// A prerequisite with its mark: completed, in progress or scheduled when it is placed in a
/// term before `term`, unmet otherwise.
fn prerequisite_line(app: &App, theme: &Theme, code: &str, term: usize) -> Line<'static> {
    let title = app.curriculum.course(code).map_or("", |c| c.title.as_str());
    let (mark, style, note) = match app.plan.find(code) {
        Some(slot @ Slot { term: t, .. }) if t < term => {
            let name = &app.plan.terms[t].name;
            match app.plan.placement(slot).map(|p| p.status) {
                Some(Status::Completed) => ("✓", theme.good, format!("completed, {name}")),
                Some(Status::InProgress) => ("◐", theme.warning, format!("in progress, {name}")),
                _ => ("○", theme.muted, format!("scheduled, {name}")),
            }
        }
        Some(Slot { term: t, .. }) if t == term => {
            ("✗", theme.error, "unmet: same term".to_string())
        }
        Some(Slot { term: t, .. }) => (
            "✗",
            theme.error,
            format!("unmet: later, {}", app.plan.terms[t].name),
        ),
        None => ("✗", theme.error, "unmet: not planned".to_string()),
    };
    Line::from(vec![
        Span::styled(format!(" {mark} "), style),
        Span::raw(format!("{code} {title} ")),
        Span::styled(format!("({note})"), style),
    ])
}

/// Draws the problems, errors first; or says there are none.
pub fn render_problems(frame: &mut Frame, area: Rect, facts: &Facts, theme: &Theme) {
    let errors = facts
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = facts.problems.len() - errors;
    let title = match (errors, warnings) {
        (0, 0) => " Problems: none ".to_string(),
        (e, w) => format!(
            " Problems: {e} error{}, {w} warning{} ",
            plural(e),
            plural(w)
        ),
    };
    let border = if errors > 0 {
        theme.error
    } else if warnings > 0 {
        theme.warning
    } else {
        theme.border
    };
    let block = Block::bordered().border_style(border).title(title);
    if facts.problems.is_empty() {
        let ok = Line::styled(
            "✓ The plan reaches the degree total in a valid order.",
            theme.good,
        );
        frame.render_widget(
            Paragraph::new(ok).block(block).wrap(Wrap { trim: false }),
            area,
        );
        return;
    }
    let inner = block.inner(area);
    // Keep what fits, most serious first, and say how many more there are: lines are made
    // and measured only until the pane is full, so a plan with thousands of problems costs
    // no more to draw than one with a screenful.
    let height = usize::from(inner.height);
    let mut lines: Vec<Line> = Vec::new();
    let mut used = 0;
    // How many of `lines` fit with a row to spare for "… and N more".
    let mut fit_with_more = 0;
    let mut all_fit = true;
    for p in &facts.problems {
        let line = problem_line(p, theme);
        used += super::text::wrapped_rows(&line, inner.width);
        if used > height {
            all_fit = false;
            break;
        }
        lines.push(line);
        if used < height {
            fit_with_more = lines.len();
        }
    }
    if !all_fit {
        lines.truncate(fit_with_more);
        lines.push(Line::styled(
            format!("… and {} more", facts.problems.len() - fit_with_more),
            theme.muted,
        ));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// One problem as a line: its severity mark, then its message.
fn problem_line<'a>(p: &'a Problem, theme: &Theme) -> Line<'a> {
    let (mark, style) = match p.severity {
        Severity::Error => ("✗ ", theme.error),
        Severity::Warning => ("⚠ ", theme.warning),
    };
    Line::from(vec![
        Span::styled(mark, style),
        Span::raw(p.message.as_str()),
    ])
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
