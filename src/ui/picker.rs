//! The plan picker and the side-by-side comparison of two plans.

use std::collections::HashSet;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph};

use super::terms::status_glyph;
use super::text::fit;
use crate::app::App;
use crate::app::{Picker, Purpose, Row};
use crate::model::{self, Change, Plan, review};
use crate::theme::Theme;

/// Draws the picker over `area`: each plan with its student, when it was saved, its credits,
/// its problems and its verdict; the open plan marked; where the highlight is in the list.
pub fn render_picker(frame: &mut Frame, area: Rect, app: &App, picker: &Picker, theme: &Theme) {
    let popup = area.centered(
        Constraint::Length(area.width.min(110)),
        Constraint::Length(area.height.min(picker.rows().len() as u16 + 5).max(8)),
    );
    frame.render_widget(Clear, popup);
    let title = match picker.purpose {
        Purpose::Open => " Plans (● the open one) ".to_string(),
        Purpose::Compare => " Compare with which plan? ".to_string(),
        Purpose::Trash => " Trash: Enter restores a plan ".to_string(),
    };
    let title = match picker.filter.as_str() {
        "" => title,
        filter => format!("{title}matching \"{filter}\" "),
    };
    let rows = picker.rows().len();
    let position = match rows {
        0 => String::new(),
        n => format!(" {} of {n} ", (picker.selected + 1).min(n)),
    };
    let block = Block::bordered()
        .border_style(theme.border_focus)
        .title(title)
        .title(Line::from(position).right_aligned());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [list_area, footer] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    let width = usize::from(list_area.width);
    let name_width = (width / 4).clamp(8, 28);
    let student_width = (width / 4).clamp(8, 24);
    let items: Vec<ListItem> = picker
        .rows()
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let marker = if i == picker.selected { "> " } else { "  " };
            let line = match row {
                Row::New { empty: false } => Line::styled(
                    format!("{marker}+ New plan from the recommended schedule"),
                    theme.key,
                ),
                Row::New { empty: true } => {
                    Line::styled(format!("{marker}+ New empty plan"), theme.key)
                }
                Row::Plan(entry) => {
                    let open = entry.path == app.plan_path();
                    let mut spans = vec![
                        Span::raw(marker),
                        Span::raw(if open { "● " } else { "  " }),
                        Span::raw(fit(&entry.name, name_width)),
                        Span::raw(" "),
                    ];
                    match &entry.summary {
                        Ok(s) => {
                            let student = if s.student.is_empty() {
                                "(no name)"
                            } else {
                                &s.student
                            };
                            spans.push(Span::raw(fit(student, student_width)));
                            spans.push(Span::styled(format!(" {} ", entry.saved), theme.muted));
                            spans.push(Span::raw(format!(
                                "{:>3}/{} cr  ",
                                s.credits.0, s.credits.1
                            )));
                            spans.push(problems(s.problems, theme));
                            spans.push(Span::raw(s.verdict.clone()));
                        }
                        Err(why) => {
                            spans.push(Span::styled(format!("cannot read: {why}"), theme.error))
                        }
                    }
                    Line::from(spans)
                }
            };
            ListItem::new(if i == picker.selected {
                line.style(theme.selected)
            } else {
                line
            })
        })
        .collect();
    let empty = picker.rows().is_empty();
    let mut state = ListState::default().with_selected(Some(picker.selected));
    frame.render_stateful_widget(List::new(items), list_area, &mut state);
    let footer_text = if picker.typing {
        Line::from(vec![
            Span::styled("Filter: ", theme.key),
            Span::raw(picker.filter.clone()),
            Span::styled("█", theme.key),
            Span::styled("  Enter keeps it · Esc clears it", theme.muted),
        ])
    } else if picker.confirm_trash {
        Line::styled(
            format!(
                "Delete {}? It is moved to the trash folder, not destroyed.  y yes · n no",
                picker
                    .selected_entry()
                    .map_or("this plan", |e| e.name.as_str())
            ),
            theme.warning,
        )
    } else if empty && !picker.filter.is_empty() {
        Line::styled(
            "No plan matches the filter: / changes it, / then Esc clears it.",
            theme.muted,
        )
    } else if empty && picker.purpose == Purpose::Trash {
        Line::styled(
            "The trash is empty.  t back to the plans · Esc close",
            theme.muted,
        )
    } else if empty {
        Line::styled("No plans yet.", theme.muted)
    } else {
        Line::styled(
            match picker.purpose {
                Purpose::Open => {
                    "Enter open · / filter · n new · y duplicate · r rename · d delete · t trash · Esc close"
                }
                Purpose::Compare => "Enter compare · / filter · Esc close",
                Purpose::Trash => "Enter restore · / filter · t back to the plans · Esc close",
            },
            theme.muted,
        )
    };
    frame.render_widget(Paragraph::new(footer_text), footer);
}

/// A plan's problems in a few columns: "no problems", or its errors and warnings counted.
fn problems((errors, warnings): (usize, usize), theme: &Theme) -> Span<'static> {
    let count = |n: usize, what: &str| format!("{n} {what}{}", plural(n));
    match (errors, warnings) {
        (0, 0) => Span::styled("no problems  ", theme.muted),
        (0, w) => Span::styled(format!("{}  ", count(w, "warning")), theme.warning),
        (e, 0) => Span::styled(format!("{}  ", count(e, "error")), theme.error),
        (e, w) => Span::styled(
            format!("{}, {}  ", count(e, "error"), count(w, "warning")),
            theme.error,
        ),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Draws the open plan (right) beside `other` from the file `label` (left), with the
/// courses that differ marked, and the differences listed from the `scroll`th on.
pub fn render_compare(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    (other, label): (&Plan, &str),
    scroll: u16,
    theme: &Theme,
) {
    frame.render_widget(Clear, area);
    let changes = model::diff::diff(&review::placement(other), &review::placement(app.plan()));
    let changed: HashSet<&str> = changes
        .iter()
        .filter_map(|c| match c {
            Change::Added { course, .. }
            | Change::Removed { course, .. }
            | Change::Moved { course, .. }
            | Change::Status { course, .. } => Some(course.as_str()),
            _ => None,
        })
        .collect();
    let [columns, summary] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length((changes.len() as u16 + 3).min(area.height / 3)),
    ])
    .areas(area);
    let [left, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(columns);
    let this = crate::store::display_path(app.plan_path());
    side(frame, left, app, other, label, &changed, theme);
    side(frame, right, app, app.plan(), &this, &changed, theme);
    let (a, b) = (
        model::credits(app.curriculum(), other),
        model::credits(app.curriculum(), app.plan()),
    );
    let mut lines = vec![Line::raw(format!(
        "Credits {} → {} of {} (completed {} → {}); {} difference{}",
        a.total(),
        b.total(),
        b.degree,
        a.completed,
        b.completed,
        changes.len(),
        if changes.len() == 1 { "" } else { "s" }
    ))];
    // One row per difference, under the credits line: scroll through what does not fit.
    let room = usize::from(summary.height.saturating_sub(3));
    let first = usize::from(scroll).min(changes.len().saturating_sub(room));
    let shown = &changes[first..changes.len().min(first + room)];
    lines.extend(
        shown
            .iter()
            .map(|c| Line::raw(fit(&format!("• {c}"), usize::from(summary.width) - 2))),
    );
    let bottom = if shown.len() < changes.len() {
        format!(
            " {} of {} differences shown, from the {} · ↑↓ scroll · Esc closes ",
            shown.len(),
            changes.len(),
            ordinal(first + 1)
        )
    } else {
        " Esc closes ".to_string()
    };
    let block = Block::bordered()
        .border_style(theme.border_focus)
        .title(format!(" From {label} to this plan "))
        .title_bottom(Line::from(bottom).right_aligned());
    frame.render_widget(Paragraph::new(lines).block(block), summary);
}

/// "1st", "2nd", "3rd", "4th", ...
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn side(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    plan: &Plan,
    label: &str,
    changed: &HashSet<&str>,
    theme: &Theme,
) {
    let block = Block::bordered()
        .border_style(theme.border)
        .title(format!(" {label} "));
    let width = usize::from(block.inner(area).width);
    let mut lines = Vec::new();
    for term in &plan.terms {
        lines.push(Line::styled(term.name.clone(), theme.key));
        for p in &term.courses {
            let title = app
                .curriculum()
                .course(&p.code)
                .map_or("?", |c| c.title.as_str());
            let differs = changed.contains(p.code.as_str());
            let text = fit(
                &format!(
                    "{} {} {} {title}",
                    if differs { "*" } else { " " },
                    status_glyph(p.status),
                    p.code
                ),
                width,
            );
            lines.push(Line::styled(
                text,
                if differs {
                    theme.path_highlight
                } else {
                    Style::new()
                },
            ));
        }
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
