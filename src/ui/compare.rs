//! The compare overlay: another plan beside the open one, and the list of differences.

use std::collections::HashSet;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

use super::View;
use super::terms::status_glyph;
use super::text::fit;
use crate::action::{Action, Context};
use crate::app::{App, Compare};
use crate::model::{self, Change, Plan, review};
use crate::theme::Theme;

/// Draws the open plan (right) beside `other` from the file `label` (left), with the
/// courses that differ marked, and the differences listed from the `scroll`th on. Returns
/// the rows of differences it shows, what a page of them is.
pub fn render_compare(frame: &mut Frame, area: Rect, view: &View, compare: &Compare) -> usize {
    let View { app, theme, .. } = *view;
    let keys = app.keymap();
    let (other, label, scroll) = (&*compare.other, compare.label.as_str(), compare.scroll);
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
        let hints = keys.hints(
            Context::Compare,
            &[
                (&[Action::Up, Action::Down], "scroll"),
                (&[Action::Cancel], "closes"),
            ],
        );
        format!(
            " {} of {} differences shown, from the {} · {hints} ",
            shown.len(),
            changes.len(),
            ordinal(first + 1)
        )
    } else {
        format!(
            " {} ",
            keys.hints(Context::Compare, &[(&[Action::Cancel], "closes")])
        )
    };
    let block = Block::bordered()
        .border_style(theme.border_focus)
        .title(format!(" From {label} to this plan "))
        .title_bottom(Line::from(bottom).right_aligned());
    frame.render_widget(Paragraph::new(lines).block(block), summary);
    room
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
