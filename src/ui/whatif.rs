//! The what-if's delta bar: two rows above the status line saying how the what-if differs
//! from the real plan (credits, problems, GPA, the earliest finish, readiness per path) and
//! which curriculum it is judged under, with the courses that curriculum does not know.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::View;
use super::facts::Facts;
use crate::app::{App, Figures, WhatIf};
use crate::model::gpa;
use crate::model::whatif::{self, Standing};
use crate::theme::Theme;

/// Rows the bar takes: two during a what-if, none otherwise.
pub(super) fn height(app: &App) -> u16 {
    if app.whatif().is_some() { 2 } else { 0 }
}

/// Draws the bar, if a what-if is open.
pub(super) fn render_bar(frame: &mut Frame, area: Rect, view: &View) {
    let View { app, facts, theme } = *view;
    let Some(w) = app.whatif() else { return };
    frame.render_widget(
        Paragraph::new(lines(app, w, &after(app, facts), theme)),
        area,
    );
}

/// How the what-if stands, from the figures the frame has computed for it already: only the
/// GPA is computed here (the real plan's figures are kept from the start of the what-if).
fn after(app: &App, facts: &Facts) -> Figures {
    let c = app.curriculum();
    let readiness: Vec<_> = facts.standings.paths.iter().map(|s| s.readiness).collect();
    Figures {
        standing: Standing::of(
            c,
            facts.problems,
            facts.credits,
            &readiness,
            facts.graduation.clone(),
        ),
        gpa: gpa::gpa(c, app.plan()).cumulative,
    }
}

/// Whether a change is for the better, the worse, or neither.
#[derive(Clone, Copy)]
enum Sense {
    Better,
    Worse,
    Neutral,
}

/// "label a → b (delta)", the change styled by what it means; "label a", muted, when
/// nothing changed.
fn delta(
    theme: &Theme,
    label: &str,
    before: String,
    after: String,
    change: Option<(String, Sense)>,
) -> Vec<Span<'static>> {
    let mut spans = vec![Span::styled(format!("{label} "), theme.muted)];
    match change {
        None => spans.push(Span::styled(after, theme.muted)),
        Some((by, sense)) => {
            let style = match sense {
                Sense::Better => theme.good,
                Sense::Worse => theme.error,
                Sense::Neutral => theme.key,
            };
            spans.push(Span::raw(format!("{before} → ")));
            spans.push(Span::styled(format!("{after} ({by})"), style));
        }
    }
    spans
}

/// `after - before` as "+3" or "-2", `None` when equal; `more` says whether more is better.
fn counted(before: i64, after: i64, more: Option<bool>) -> Option<(String, Sense)> {
    let d = after - before;
    let sense = match more {
        None => Sense::Neutral,
        Some(more) if (d > 0) == more => Sense::Better,
        Some(_) => Sense::Worse,
    };
    (d != 0).then(|| (format!("{d:+}"), sense))
}

const SEP: &str = " · ";

/// The bar's two rows for the what-if `w` of `app`, which stands as `after`.
fn lines(app: &App, w: &WhatIf, after: &Figures, theme: &Theme) -> Vec<Line<'static>> {
    let (a, b): (&Figures, &Figures) = (w.before(), after);
    let (sa, sb) = (&a.standing, &b.standing);
    let mut first = vec![
        Span::styled(
            " WHAT-IF ",
            theme
                .warning
                .add_modifier(ratatui::style::Modifier::REVERSED),
        ),
        Span::raw(" "),
    ];
    let total = |s: &Standing| i64::from(s.credits.total());
    let mut items: Vec<Vec<Span<'static>>> = vec![
        delta(
            theme,
            "credits",
            format!("{}/{}", sa.credits.total(), sa.credits.degree),
            format!("{}/{}", sb.credits.total(), sb.credits.degree),
            counted(total(sa), total(sb), None),
        ),
        delta(
            theme,
            "errors",
            sa.errors.to_string(),
            sb.errors.to_string(),
            counted(sa.errors as i64, sb.errors as i64, Some(false)),
        ),
        delta(
            theme,
            "warnings",
            sa.warnings.to_string(),
            sb.warnings.to_string(),
            counted(sa.warnings as i64, sb.warnings as i64, Some(false)),
        ),
    ];
    if a.gpa.is_some() || b.gpa.is_some() {
        let change = match (a.gpa, b.gpa) {
            (Some(x), Some(y)) if (y - x).abs() < 0.005 => None,
            (Some(x), Some(y)) => Some((
                format!("{:+.2}", y - x),
                if y > x { Sense::Better } else { Sense::Worse },
            )),
            _ => Some(("grades changed".to_string(), Sense::Neutral)),
        };
        items.push(delta(
            theme,
            "GPA",
            gpa::format(a.gpa),
            gpa::format(b.gpa),
            change,
        ));
    }
    let (ga, gb) = (&sa.graduation, &sb.graduation);
    let terms = gb.term as i64 - ga.term as i64;
    items.push(delta(
        theme,
        "finish",
        ga.term_name.clone(),
        gb.term_name.clone(),
        (terms != 0 || ga.term_name != gb.term_name).then(|| {
            let n = terms.unsigned_abs();
            let by = format!("{terms:+} term{}", if n == 1 { "" } else { "s" });
            (
                by,
                if terms < 0 {
                    Sense::Better
                } else {
                    Sense::Worse
                },
            )
        }),
    ));
    join(&mut first, items, theme);

    let mut second = vec![Span::styled(" readiness: ", theme.muted)];
    let target = app.plan().target_path.as_deref();
    let share = |s: &Standing, id: &str| {
        s.readiness
            .iter()
            .find(|(i, _, _)| i == id)
            .map(|(_, _, x)| (x * 100.0).round() as i64)
    };
    let mut paths: Vec<Vec<Span<'static>>> = Vec::new();
    let mut same = 0usize;
    for (id, name, _) in &sb.readiness {
        let (x, y) = (share(sa, id), share(sb, id).unwrap_or(0));
        let changed = x != Some(y);
        if !changed && target != Some(id.as_str()) {
            same += 1;
            continue;
        }
        let before = x.map_or("—".to_string(), |x| format!("{x}%"));
        let change = match x {
            Some(x) => counted(x, y, Some(true)).map(|(d, s)| (format!("{d} points"), s)),
            None => Some(("new path".to_string(), Sense::Neutral)),
        };
        paths.push(delta(theme, name, before, format!("{y}%"), change));
    }
    match (paths.is_empty(), same) {
        (true, _) => paths.push(vec![Span::raw("the same on every path")]),
        (false, 0) => {}
        (false, n) => paths.push(vec![Span::styled(
            format!("{n} other path{} the same", if n == 1 { "" } else { "s" }),
            theme.muted,
        )]),
    }
    join(&mut second, paths, theme);
    second.push(Span::styled("  │  ", theme.muted));
    match w.curriculum_file() {
        Some(file) => {
            second.push(Span::raw(format!(
                "under {file} \"{}\"",
                app.curriculum().name
            )));
            let unknown = whatif::unknown(app.curriculum(), app.plan());
            if unknown.is_empty() {
                second.push(Span::styled(": every course is in it", theme.good));
            } else {
                second.push(Span::styled(
                    format!(": {} not in it: {}", unknown.len(), unknown.join(", ")),
                    theme.error,
                ));
            }
        }
        None => second.push(Span::styled(
            format!(
                "under the plan's curriculum \"{}\"",
                w.real_curriculum().name
            ),
            theme.muted,
        )),
    }
    if let Some(path) = w.kept_at() {
        second.push(Span::styled(
            format!(" · kept as {}", crate::store::display_path(path)),
            theme.muted,
        ));
    }
    vec![Line::from(first), Line::from(second)]
}

/// Appends `items` to `spans`, separated by " · ".
fn join(spans: &mut Vec<Span<'static>>, items: Vec<Vec<Span<'static>>>, theme: &Theme) {
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(SEP, theme.muted));
        }
        spans.extend(item);
    }
}
