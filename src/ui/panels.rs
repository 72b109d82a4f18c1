//! The side panels: credits, career paths, the highlighted course, and problems.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::View;
use super::terms::status_glyph;
use crate::action::{Action, Context};
use crate::app::{App, Focus};
use crate::model::plan::{Exception, ExceptionState};
use crate::model::{Credits, Problem, Severity, Slot, Status, Step, advice};
use crate::theme::Theme;
use unicode_width::UnicodeWidthStr;

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
pub fn render_credits(frame: &mut Frame, area: Rect, view: &View) {
    let View { facts, theme, .. } = *view;
    let c = &facts.credits;
    let summary = credits_summary(c);
    let rest = if c.remaining() > 0 {
        format!(" {} to place", c.remaining())
    } else {
        String::new()
    };
    let bar_width = usize::from(area.width).saturating_sub(summary.width() + rest.width() + 2);
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

/// What the career-path panes say for a program that defines no paths.
const NO_PATHS: &str = "This program defines no career paths.";

/// One row summing up every career path in the order drawn: "Paths A 3.7 core 1/6 ...",
/// strength by results and core courses completed.
pub fn render_paths_line(frame: &mut Frame, area: Rect, view: &View) {
    let View { app, facts, theme } = *view;
    if app.curriculum().paths.is_empty() {
        frame.render_widget(Paragraph::new(Span::styled(NO_PATHS, theme.muted)), area);
        return;
    }
    let mut spans = vec![Span::styled("Paths ", theme.muted)];
    for s in &facts.standings.paths {
        let path = &app.curriculum().paths[s.path];
        let style = if app.cursor().path == Some(s.path) {
            theme.path_highlight
        } else {
            Style::new()
        };
        let (done, _, _) = s.core_counts();
        spans.push(Span::styled(
            format!(
                "{} {} core {done}/{}  ",
                path.mark,
                advice::strength(s.strength),
                s.core.len()
            ),
            style,
        ));
    }
    spans.push(Span::styled("(results, core done)", theme.muted));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Fewest cells a path's bar keeps before its GPA is left to the path's detail.
const MIN_BAR: usize = 8;

/// A strength by results as "results 3.7", or "results -" before any.
fn strength(value: Option<f64>) -> String {
    format!("results {}", advice::strength(value))
}

/// Draws the career paths (see [`paths_lines`]), with each path's GPA where there is room. When they do not fit and the highlighted
/// path is below the first screenful, the pane shows them from the highlighted path down,
/// so that what to do next for it, below the list, comes into sight; it says which paths it
/// shows ("3-7 of 12"), or that there is more text below or above; Tab gives it the
/// keyboard to move through them.
pub fn render_paths(frame: &mut Frame, area: Rect, view: &View, window: PathsWindow) {
    let View { app, theme, .. } = *view;
    let focused = app.cursor().focus == Focus::Paths;
    let mut block = Block::bordered()
        .border_style(if focused {
            theme.border_focus
        } else {
            theme.border
        })
        .title(" Career paths ");
    let inner = block.inner(area);
    let label = if window.first > 0 || window.last < window.starts.len() {
        Some(format!(
            " {}-{} of {} ",
            window.first + 1,
            window.last,
            window.starts.len()
        ))
    } else if window.top + usize::from(inner.height) < window.total {
        Some(" more below ".to_string())
    } else {
        (window.top > 0).then(|| " more above ".to_string())
    };
    if let Some(label) = label {
        block = block.title_bottom(Line::styled(label, theme.muted).right_aligned());
    }
    let top = u16::try_from(window.top).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(window.lines)
            .wrap(Wrap { trim: false })
            .scroll((top, 0))
            .block(block),
        area,
    );
}

/// What the Career paths pane shows in its inside `inner`.
pub struct PathsWindow<'a> {
    /// The pane's text, wrapped when drawn.
    lines: Vec<Line<'a>>,
    /// The row (of the wrapped text) where each path starts, in the order drawn; each
    /// ends where the next starts, the last where the text after the list starts.
    pub starts: Vec<usize>,
    /// Where the text after the list starts.
    end: usize,
    /// Rows the whole text takes.
    pub total: usize,
    /// The first row shown.
    pub top: usize,
    /// The first path shown whole.
    pub first: usize,
    /// One past the last path shown whole.
    pub last: usize,
}

impl<'a> PathsWindow<'a> {
    /// The rows shown in a pane `height` rows high: from the top while that shows the
    /// highlighted path (or none is); else from the highlighted path down, or the last rows
    /// when fewer are left below it.
    pub fn fit(mut self, view: &View<'a>, height: u16) -> Self {
        let height = usize::from(height);
        // The paths are drawn in the order of their standings.
        let at = view
            .app
            .cursor()
            .path
            .and_then(|p| view.facts.standings.paths.iter().position(|s| s.path == p));
        self.top = match at {
            _ if self.total <= height => 0,
            None => 0,
            Some(k) if self.path_end(k) <= height => 0,
            Some(k) => self.starts[k].min(self.total - height),
        };
        let n = self.starts.len();
        let top = self.top;
        self.first = (0..n).find(|&k| self.starts[k] >= top).unwrap_or(n);
        self.last = (self.first..n)
            .take_while(|&k| self.path_end(k) <= top + height)
            .last()
            .map_or(self.first, |k| k + 1);
        self
    }

    /// Where path `k` (in the order drawn) ends: where the next one starts.
    fn path_end(&self, k: usize) -> usize {
        self.starts.get(k + 1).copied().unwrap_or(self.end)
    }

    /// The path (in the order drawn) on row `row` of the pane's inside, if any.
    pub fn path_at(&self, row: usize) -> Option<usize> {
        let row = self.top + row;
        (0..self.starts.len()).find(|&k| self.starts[k] <= row && row < self.path_end(k))
    }
}

/// The paths pane's text at `inner` and the rows of it shown (see [`PathsWindow::fit`]).
pub fn paths_window<'a>(view: &View<'a>, inner: Rect) -> PathsWindow<'a> {
    paths_text(view, inner.width).fit(view, inner.height)
}

/// The paths pane's text wrapped at `width`, before [`PathsWindow::fit`] says what a height
/// shows of it; [`PathsWindow::total`] is the rows it takes whole.
pub fn paths_text<'a>(view: &View<'a>, width: u16) -> PathsWindow<'a> {
    let (lines, first_lines) = paths_lines(view, usize::from(width));
    let rows_before = super::text::line_starts(&lines, width);
    let total = rows_before[lines.len()];
    let starts: Vec<usize> = first_lines.iter().map(|&i| rows_before[i]).collect();
    // Each path takes two lines.
    let end = first_lines.last().map_or(0, |&i| rows_before[i + 2]);
    PathsWindow {
        lines,
        starts,
        end,
        total,
        top: 0,
        first: 0,
        last: 0,
    }
}

/// Every career path in the order ranked: a bar of the path's weight completed, in progress
/// and ahead, its strength by results and core progress; then what the results say and, for
/// the focused path, when it is ready and what to do next. With the lines, where each
/// path's two lines start among them. `width` is the inside of the pane.
fn paths_lines<'a>(view: &View<'a>, width: usize) -> (Vec<Line<'a>>, Vec<usize>) {
    let View { app, facts, theme } = *view;
    let focused = app.cursor().focus == Focus::Paths;
    let c = app.curriculum();
    let mut lines = Vec::new();
    let mut starts = Vec::new();
    if c.paths.is_empty() {
        lines.push(Line::styled(NO_PATHS, theme.muted));
    } else if c.all_required() {
        lines.push(Line::styled(advice::ALL_REQUIRED, theme.muted));
    }
    if let Some(text) = advice::unranked(&facts.standings).filter(|_| !c.paths.is_empty()) {
        lines.push(Line::styled(text, theme.warning));
    }
    for s in &facts.standings.paths {
        let path = &c.paths[s.path];
        let is_focus = app.cursor().path == Some(s.path);
        let target = app.plan().target_path.as_deref() == Some(path.id.as_str());
        let style = if is_focus {
            theme.path_highlight
        } else {
            Style::new()
        };
        let electives = s.electives.map_or(String::new(), |(placed, total)| {
            format!(" · electives {placed}/{total}")
        });
        let mut line = Line::from(vec![
            Span::raw(if is_focus { ">" } else { " " }),
            Span::styled(format!("{} {}", path.mark, path.name), style),
            Span::raw(if target { " ★ target" } else { "" }),
            Span::styled(electives, theme.muted),
        ]);
        if is_focus && focused {
            line = line.style(theme.selected);
        }
        starts.push(lines.len());
        lines.push(line);
        let (done, _, _) = s.core_counts();
        let stats = format!(" {} core {done}/{}", strength(s.strength), s.core.len());
        // The path's GPA too, where the bar keeps room to read.
        let gpa = facts.path_gpas[s.path]
            .map(|g| format!(" · GPA {}", crate::model::gpa::format(Some(g))))
            .unwrap_or_default();
        let stats = match width.saturating_sub(stats.width() + gpa.width() + 3) >= MIN_BAR {
            true => format!("{stats}{gpa}"),
            false => stats,
        };
        let r = &s.readiness;
        let bar_width = width.saturating_sub(stats.width() + 3).min(16);
        let mut gauge = bar(
            [
                r.completed,
                r.in_progress,
                r.total.saturating_sub(r.completed + r.in_progress),
            ],
            r.total,
            bar_width,
            theme,
        );
        gauge.spans.insert(0, Span::raw("   "));
        gauge.spans.push(Span::raw(stats));
        lines.push(gauge);
    }
    if facts.standings.ranked && !c.paths.is_empty() {
        lines.push(Line::raw(advice::results(c, &facts.standings)));
    }
    if !c.paths.is_empty() {
        lines.push(Line::raw(advice::ready_summary(
            c,
            app.plan(),
            &facts.standings,
        )));
    }
    match facts.focused(app) {
        Some(s) => {
            let path = &c.paths[s.path];
            let focus = app.keymap().key_for(Context::Normal, Action::SetFocus);
            for step in &facts.steps {
                // A focus step names the key that sets it, when one does (the model's
                // phrase, for reports, names the default key).
                let text = match (step, &focus) {
                    (Step::Focus(_), key) => format!(
                        "focus project {} on this path{}",
                        step.course().code,
                        key.as_ref().map_or_else(String::new, |k| format!(" ({k})"))
                    ),
                    _ => advice::step(app.plan(), step),
                };
                lines.push(Line::from(vec![
                    Span::styled(format!("{}: ", path.mark), theme.path_highlight),
                    Span::raw(text),
                ]));
            }
        }
        None if c.paths.is_empty() => {}
        None => lines.push(Line::styled(
            match app.keymap().key_for(Context::Normal, Action::NextPath) {
                Some(key) => format!("{key} focuses a path and says what to do next for it"),
                None => "A focused path says what to do next for it".to_string(),
            },
            theme.muted,
        )),
    }
    (lines, starts)
}

/// Draws the focused path's detail: what the role is about, the courses behind its strength
/// with weight and grade, and its core with where each course stands.
pub fn render_path_detail(frame: &mut Frame, area: Rect, view: &View) {
    let View { app, facts, theme } = *view;
    let block = Block::bordered().border_style(theme.border).title(" Path ");
    let c = app.curriculum();
    let Some(s) = facts.focused(app) else {
        let text = Span::styled("No path highlighted.", theme.muted);
        frame.render_widget(Paragraph::new(text).block(block), area);
        return;
    };
    let path = &c.paths[s.path];
    let mut lines = vec![
        Line::styled(format!("{} {}", path.mark, path.name), theme.path_highlight),
        Line::raw(advice::core(c, app.plan(), s)),
    ];
    let dots = |w: u32| -> String {
        (0..facts.max_weight.max(w))
            .map(|i| if i < w { '●' } else { '○' })
            .collect()
    };
    lines.push(Line::styled(
        match s.strength {
            Some(_) => format!("Results {} of 4, from", advice::strength(s.strength)),
            None => "Results: no completed course yet".to_string(),
        },
        theme.muted,
    ));
    if let Some(gpa) = facts.path_gpas[s.path] {
        lines.push(Line::styled(
            format!(
                "GPA {} in its courses, by credits",
                crate::model::gpa::format(Some(gpa))
            ),
            theme.muted,
        ));
    }
    for x in s.contributions.iter().take(3) {
        lines.push(Line::raw(format!(
            " {} {} {}",
            x.course.code,
            dots(x.weight),
            x.grade.unwrap_or("no grade")
        )));
    }
    lines.push(Line::styled(
        format!("Core, {}", advice::ready(app.plan(), s)),
        theme.muted,
    ));
    let done: Vec<&str> = s
        .core
        .iter()
        .filter(|x| x.status == Some(Status::Completed))
        .map(|x| x.course.code.as_str())
        .collect();
    if !done.is_empty() {
        let more = if done.len() > 8 {
            format!(", … ({} in all)", done.len())
        } else {
            String::new()
        };
        let first = &done[..done.len().min(8)];
        lines.push(Line::raw(format!(" ✓ {}{more}", first.join(", "))));
    }
    // The core still to do, as many as the pane can show.
    let rows = usize::from(area.height.saturating_sub(2)).saturating_sub(lines.len() + 1);
    let open: Vec<_> = s
        .core
        .iter()
        .filter(|x| x.status != Some(Status::Completed))
        .collect();
    let shown = if open.len() > rows {
        rows.saturating_sub(1)
    } else {
        open.len()
    };
    for x in &open[..shown] {
        let (glyph, at) = match (x.status, x.term) {
            (Some(status), Some(term)) => {
                (status_glyph(status), app.plan().terms[term].name.as_str())
            }
            _ => (" ", "in no term"),
        };
        let focus = if crate::model::career::focus_of(app.plan(), x.course).is_some() {
            " (focus)"
        } else {
            ""
        };
        lines.push(Line::raw(format!(
            " {glyph} {} {} {at}{focus}",
            x.course.code,
            dots(x.weight)
        )));
    }
    if shown < open.len() {
        lines.push(Line::styled(
            format!(" … and {} more", open.len() - shown),
            theme.muted,
        ));
    }
    if !path.about.is_empty() {
        lines.push(Line::styled(path.about.clone(), theme.muted));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// Draws the highlighted course (see [`course_lines`]), scrolled as far as the cursor says
/// and no further than its last row at the bottom; when it does not fit, the pane says which
/// rows it shows ("1-12 of 30 lines"), and Tab gives it the keyboard to scroll.
pub fn render_detail(frame: &mut Frame, area: Rect, view: &View) {
    let View { app, theme, .. } = *view;
    if let Some(entry) = app.selected_prior() {
        super::prior::render_prior_detail(frame, area, view, entry);
        return;
    }
    let focused = app.cursor().focus == Focus::Course;
    let mut block = Block::bordered()
        .border_style(if focused {
            theme.border_focus
        } else {
            theme.border
        })
        .title(" Course ");
    let inner = block.inner(area);
    let lines = course_lines(view);
    let total = super::text::rows(&lines, inner.width);
    let text = Paragraph::new(lines).wrap(Wrap { trim: false });
    let rows = usize::from(inner.height);
    let top = app.cursor().course_scroll.min(total.saturating_sub(rows));
    if total > rows {
        let last = (top + rows).min(total);
        block = block.title_bottom(
            Line::styled(
                format!(" {}-{last} of {total} lines ", top + 1),
                theme.muted,
            )
            .right_aligned(),
        );
    }
    let top = u16::try_from(top).unwrap_or(u16::MAX);
    frame.render_widget(text.scroll((top, 0)).block(block), area);
}

/// Rows the highlighted course's text takes in a Course pane whose inside is `width` wide.
pub fn course_rows(view: &View, width: u16) -> usize {
    super::text::rows(&course_lines(view), width)
}

/// The highlighted course: title, code, credits, semester, prerequisites and paths.
fn course_lines<'a>(view: &View<'a>) -> Vec<Line<'a>> {
    let View { app, facts, theme } = *view;
    let Some(code) = app.selected_code() else {
        return vec![Line::styled("No course highlighted.", theme.muted)];
    };
    let c = app.curriculum();
    let slot = (!app.course_from_pool())
        .then(|| app.selected_slot())
        .flatten();
    let placement = slot.and_then(|s| app.plan().placement(s));
    let toggle = app.keymap().key_for(Context::Normal, Action::Toggle);
    let Some(course) = c.course(&code) else {
        let drop = toggle
            .as_ref()
            .map_or_else(String::new, |k| format!(" ({k})"));
        return vec![
            Line::styled(code.clone(), theme.error),
            Line::raw(format!("{code} is not a course of {}.", c.name)),
            Line::raw(format!(
                "Move it to the pool{drop} to drop it from the plan."
            )),
        ];
    };
    let credits = match (course.max_credits, placement) {
        (Some(max), Some(p)) => format!(
            "{} to {max} credits, {} chosen",
            course.credits,
            p.credits_of(course)
        ),
        (Some(max), None) => format!("{} to {max} credits", course.credits),
        (None, _) => format!("{} credits", course.credits),
    };
    let mut lines = vec![
        Line::styled(course.title.clone(), theme.key),
        Line::raw(format!(
            "{} · {credits} · {}{}",
            course.code,
            c.semester_name(course.semester),
            if course.required { "" } else { " · elective" }
        )),
    ];
    let here = slot.map_or(app.cursor().term, |s| s.term);
    let status_line = match placement {
        Some(p) => {
            let term = &app.plan().terms[here].name;
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
            match &toggle {
                Some(key) => format!("Unplanned: {key} places it in the current term"),
                None => "Unplanned".to_string(),
            },
            theme.muted,
        ),
    };
    lines.push(status_line);
    if let Some(why) = placement.and_then(|_| app.explanation(&course.code)) {
        lines.push(Line::styled("Placed by the auto-plan", theme.muted));
        lines.push(Line::raw(why.to_string()));
    }
    if !course.prerequisites.is_empty() {
        lines.push(Line::styled("Prerequisites", theme.muted));
        for pre in &course.prerequisites {
            lines.push(prerequisite_line(app, theme, pre, here));
        }
    }
    lines.extend(super::requisites::course_facts(view, course, here));
    if let Some(line) = super::prior::offer(view) {
        lines.push(line);
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
            .cursor()
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
    if course.focus {
        let line =
            match crate::model::career::focus_of(app.plan(), course).and_then(|id| c.path(id)) {
                Some(path) => format!("Project focus: {}", path.name),
                None => {
                    let keys = app.keymap();
                    let path = keys.key_for(Context::Normal, Action::NextPath);
                    let focus = keys.key_for(Context::Normal, Action::SetFocus);
                    match (path, focus) {
                        (Some(p), Some(f)) => {
                            format!("Project focus: none yet (focus a path with {p}, then {f})")
                        }
                        _ => "Project focus: none yet".to_string(),
                    }
                }
            };
        lines.push(Line::styled(line, theme.path_highlight));
    }
    let target = crate::model::NoteTarget::Course(course.code.clone());
    let notes: Vec<_> = app.notes_on(&target).collect();
    if !notes.is_empty() {
        lines.push(Line::styled("Advisor's notes", theme.muted));
        for note in notes {
            lines.push(super::review::note_line(note, theme));
        }
    }
    lines
}

/// A prerequisite with its mark: completed, in progress or scheduled when it is placed in a
/// term before `term`, unmet otherwise.
fn prerequisite_line(app: &App, theme: &Theme, code: &str, term: usize) -> Line<'static> {
    let title = app
        .curriculum()
        .course(code)
        .map_or("", |c| c.title.as_str());
    let (mark, style, note) = match app.plan().find(code) {
        Some(slot @ Slot { term: t, .. }) if t < term => {
            let name = &app.plan().terms[t].name;
            match app.plan().placement(slot).map(|p| p.status) {
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
            format!("unmet: later, {}", app.plan().terms[t].name),
        ),
        None => ("✗", theme.error, "unmet: not planned".to_string()),
    };
    Line::from(vec![
        Span::styled(format!(" {mark} "), style),
        Span::raw(format!("{code} {title} ")),
        Span::styled(format!("({note})"), style),
    ])
}

/// Draws the problems, errors first; or says there are none. When they do not fit, the pane
/// shows a window of them around the highlighted one and says which ("1-8 of 21"); Tab
/// gives it the keyboard to scroll.
pub fn render_problems(frame: &mut Frame, area: Rect, view: &View) {
    let View { app, facts, theme } = *view;
    let focused = app.cursor().focus == Focus::Problems;
    let errors = facts
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = facts.problems.len() - errors;
    // A problem a granted exception answers stays listed, but is not an error to fix.
    let (open, waived) = facts.open_and_waived();
    let title = match (errors, warnings) {
        (0, 0) => " Problems: none ".to_string(),
        // With waived ones, what is not there goes unsaid, so the title fits a narrow pane.
        (_, w) if waived > 0 => {
            let parts = [
                (open > 0).then(|| format!("{open} error{}", plural(open))),
                Some(format!("{waived} waived")),
                (w > 0).then(|| format!("{w} warning{}", plural(w))),
            ];
            let parts: Vec<String> = parts.into_iter().flatten().collect();
            format!(" Problems: {} ", parts.join(", "))
        }
        (e, w) => format!(
            " Problems: {e} error{}, {w} warning{} ",
            plural(e),
            plural(w)
        ),
    };
    let errors = open;
    let border = if focused {
        theme.border_focus
    } else if errors > 0 {
        theme.error
    } else if warnings > 0 {
        theme.warning
    } else {
        theme.border
    };
    let block = Block::bordered().border_style(border).title(title);
    if facts.problems.is_empty() {
        let ok = Line::styled(NO_PROBLEMS, theme.good);
        frame.render_widget(
            Paragraph::new(ok).block(block).wrap(Wrap { trim: false }),
            area,
        );
        return;
    }
    let n = facts.problems.len();
    let shown = shown_problems(view, block.inner(area));
    let (first, last) = (
        shown.first().map_or(0, |s| s.0),
        shown.last().map_or(0, |s| s.0 + 1),
    );
    let lines: Vec<Line> = shown
        .iter()
        .map(|&(i, _)| problem_row_line(view, i))
        .collect();
    let mut block = block;
    if first > 0 || last < n {
        block = block.title_bottom(
            Line::styled(format!(" {}-{last} of {n} ", first + 1), theme.muted).right_aligned(),
        );
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// Problem `i` as the pane shows it: marked and highlighted when it is the focused one.
fn problem_row_line<'a>(view: &View<'a>, i: usize) -> Line<'a> {
    let View { app, facts, theme } = *view;
    let mut line = problem_line(&facts.problems[i], theme);
    if let Some(e) = facts.answers[i] {
        line.spans.extend(exception_mark(e, theme).spans);
    }
    let selected = app
        .cursor()
        .problem_row
        .min(facts.problems.len().saturating_sub(1));
    if app.cursor().focus == Focus::Problems && i == selected {
        let mut spans = vec![Span::raw("> ")];
        spans.extend(line.spans);
        Line::from(spans).style(theme.selected)
    } else {
        line
    }
}

/// The problems on screen when the pane's inside is `inner`, each with the rows it takes:
/// the highlighted one, then as many after and before it as fit. Only the lines around the
/// highlighted problem are made and measured, so a plan with thousands of problems costs no
/// more to draw than one with a screenful.
pub fn shown_problems(view: &View, inner: Rect) -> Vec<(usize, u16)> {
    let View { app, facts, .. } = *view;
    let n = facts.problems.len();
    if n == 0 {
        return Vec::new();
    }
    let selected = app.cursor().problem_row.min(n - 1);
    let rows = |i: usize| {
        let line = problem_row_line(view, i);
        u16::try_from(super::text::wrapped_rows(&line, inner.width)).unwrap_or(u16::MAX)
    };
    let height = inner.height.max(1);
    let mut shown = vec![(selected, rows(selected))];
    let mut used = shown[0].1;
    let mut first = selected;
    while first > 0 {
        let above = rows(first - 1);
        if used.saturating_add(above) > height {
            break;
        }
        used += above;
        first -= 1;
        shown.insert(0, (first, above));
    }
    let mut last = selected + 1;
    while last < n {
        let next = rows(last);
        used = used.saturating_add(next);
        if used > height {
            break;
        }
        shown.push((last, next));
        last += 1;
    }
    shown
}

/// What the problems pane says when there are none.
pub const NO_PROBLEMS: &str = "✓ The plan reaches the degree total in a valid order.";

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

/// The mark of the exception that answers a problem, after the problem's message:
/// " · waived: reason (by, date)" once granted, or requested or refused.
pub fn exception_mark(e: &Exception, theme: &Theme) -> Line<'static> {
    let style = match e.state {
        ExceptionState::Granted { .. } => theme.good,
        ExceptionState::Requested => theme.warning,
        ExceptionState::Refused { .. } => theme.muted,
    };
    Line::from(vec![
        Span::raw(" · "),
        Span::styled(crate::model::exceptions::mark(e), style),
    ])
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
