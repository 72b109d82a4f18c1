//! Where the body's panes go at a given screen size, and drawing them there.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;

use super::facts::Facts;
use super::panels::PathsWindow;
use super::{View, panels, prior, review, terms, text};
use crate::app::Focus;

/// From this width and height up, every pane is shown at full size.
const WIDE: (u16, u16) = (110, 34);
/// Rows the panes below the terms keep at least in the wide layout.
const MIN_BOTTOM: u16 = 12;
/// From this many rows below the terms up, the wide layout stacks the career paths over the
/// course, both two thirds wide, instead of setting them side by side a third wide each,
/// when the paths show whole and leave the course [`MIN_DETAIL`] rows: the paths' advice
/// wraps less and the course's requisite tree gets the width, where side by side both leave
/// rows empty.
const STACK_FROM: u16 = 24;
/// Rows the Course pane keeps under stacked career paths.
const MIN_DETAIL: u16 = 10;
/// Prior-credit entries in view at once, in the wide and the compact layout.
const PRIOR_ROWS: (u16, u16) = (6, 2);

/// The screen's rows: the header, the body, the what-if's delta bar (no rows without a
/// what-if), the status line and the key hints.
pub(super) fn rows(app: &crate::app::App, area: Rect) -> [Rect; 5] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(super::whatif::height(app)),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// Where the body's panes are, worked out without drawing, so that the pointer finds what
/// was drawn where (see [`hit`]).
pub(super) struct Panes<'a> {
    /// The credits line.
    pub(super) credits: Rect,
    /// The one-row career paths (the compact layout, when the paths are not focused).
    pub(super) paths_line: Option<Rect>,
    /// The prior-credit block before the terms, when the plan has prior credit.
    pub(super) prior: Option<Rect>,
    /// The terms, [`Panes::cols`] to a grid row.
    pub(super) terms: Rect,
    pub(super) cols: usize,
    /// The pool, review and problems, when shown.
    pub(super) side: Option<Side>,
    /// The career paths pane, when shown, with what it shows of the paths.
    pub(super) paths: Option<(Rect, PathsWindow<'a>)>,
    /// The highlighted course, or the focused path's detail when the paths are focused.
    pub(super) detail: Rect,
}

/// The stacked pool, review and problems.
pub(super) struct Side {
    pub(super) pool: Rect,
    pub(super) review: Rect,
    pub(super) problems: Rect,
}

/// The panes of the body of a `screen`. From [`WIDE`] up, every pane at once: the credits and the
/// terms across the full width on top; below them the pool and problems, the career paths,
/// and the highlighted course, side by side. The terms take the rows their courses need, in
/// as few columns as show titles whole, and leave the panes below at least [`MIN_BOTTOM`]
/// rows. Smaller: one row each for credits and career paths, then the terms that fit, then
/// the course (or the paths, when they have focus), the pool and the problems.
pub(super) fn panes<'a>(view: &View<'a>, screen: Rect) -> Panes<'a> {
    let View { app, .. } = *view;
    let [_, area, _, _, _] = rows(app, screen);
    if screen.width >= WIDE.0 && screen.height >= WIDE.1 {
        let prior_height = prior::height(app, PRIOR_ROWS.0);
        let budget = area
            .height
            .saturating_sub(1 + MIN_BOTTOM + prior_height)
            .max(3);
        let cols = terms::columns(app, area.width, budget);
        let terms_height = terms::height(app, cols, budget);
        let [credits, prior, terms, bottom] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(prior_height),
            Constraint::Length(terms_height),
            Constraint::Fill(1),
        ])
        .areas(area);
        let stacked = (bottom.height >= STACK_FROM).then(|| {
            let [left, right] =
                Layout::horizontal([Constraint::Fill(1), Constraint::Fill(2)]).areas(bottom);
            let text = panels::paths_text(view, right.width.saturating_sub(2));
            let height = u16::try_from(text.total).map_or(u16::MAX, |rows| rows.saturating_add(2));
            (left, right, text, height)
        });
        // Stacked only when the paths show whole and leave the course its rows.
        let stacked = stacked
            .filter(|(_, right, _, height)| height.saturating_add(MIN_DETAIL) <= right.height);
        let (left, paths, detail) = if let Some((left, right, text, height)) = stacked {
            let [paths, detail] =
                Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(right);
            (
                left,
                (paths, text.fit(view, height.saturating_sub(2))),
                detail,
            )
        } else {
            let [left, middle, right] = Layout::horizontal([
                Constraint::Fill(1),
                Constraint::Fill(1),
                Constraint::Fill(1),
            ])
            .areas(bottom);
            (left, fitted(view, middle), right)
        };
        return Panes {
            credits,
            paths_line: None,
            prior: (prior_height > 0).then_some(prior),
            terms,
            cols,
            side: Some(side_stack(view, left)),
            paths: Some(paths),
            detail,
        };
    }
    let [credits, paths_line, upper, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Percentage(45),
        Constraint::Fill(1),
    ])
    .areas(area);
    // Prior credit takes a few rows of the terms' share, leaving the terms at least three.
    let prior_height = prior::height(app, PRIOR_ROWS.1).min(upper.height.saturating_sub(3));
    let [prior, terms] =
        Layout::vertical([Constraint::Length(prior_height), Constraint::Fill(1)]).areas(upper);
    let cols = terms::columns(app, terms.width, terms.height);
    let [left, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(bottom);
    let (side, paths, detail) = match app.cursor().focus {
        Focus::Paths => (None, Some(fitted(view, left)), right),
        _ => (Some(side_stack(view, right)), None, left),
    };
    Panes {
        credits,
        paths_line: Some(paths_line),
        prior: (prior_height >= 3).then_some(prior),
        terms,
        cols,
        side,
        paths,
        detail,
    }
}

/// The career paths pane at `area` with what it shows there.
fn fitted<'a>(view: &View<'a>, area: Rect) -> (Rect, PathsWindow<'a>) {
    (area, panels::paths_window(view, terms::inner(area)))
}

/// Draws the panes where [`panes`] put them.
pub(super) fn render_body(frame: &mut Frame, panes: Panes, view: &View) {
    let View { app, .. } = *view;
    panels::render_credits(frame, panes.credits, view);
    if let Some(area) = panes.paths_line {
        panels::render_paths_line(frame, area, view);
    }
    if let Some(area) = panes.prior {
        prior::render_prior(frame, area, view);
    }
    terms::render_terms(frame, panes.terms, view, panes.cols);
    if let Some((area, window)) = panes.paths {
        panels::render_paths(frame, area, view, window);
    }
    match app.cursor().focus {
        Focus::Paths => panels::render_path_detail(frame, panes.detail, view),
        _ => panels::render_detail(frame, panes.detail, view),
    }
    if let Some(side) = &panes.side {
        terms::render_pool(frame, side.pool, view);
        if side.review.height > 0 {
            review::render_review(frame, side.review, view);
        }
        panels::render_problems(frame, side.problems, view);
    }
}

/// The unplanned pool, the review (when there is one) and the problems, stacked: the review
/// takes what it needs up to a share of the height; the pool and the problems share the rest
/// by what they hold, each getting all it needs when both fit and at least half otherwise.
fn side_stack(view: &View, area: Rect) -> Side {
    let View { app, facts, theme } = *view;
    let review_height = if review::has_review(app) {
        let inner = area.width.saturating_sub(2);
        let rows = text::rows(&review::review_lines(app, theme), inner);
        let wanted = u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(2);
        wanted.clamp(3, (area.height * 2 / 5).max(3))
    } else {
        0
    };
    let rest = area.height.saturating_sub(review_height);
    let pool_wants = u16::try_from(facts.pool.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .max(3);
    let problems_wants = problems_rows(facts, area.width.saturating_sub(2), rest)
        .saturating_add(2)
        .max(3);
    let pool_height = if pool_wants.saturating_add(problems_wants) <= rest {
        pool_wants
    } else {
        let half = rest / 2;
        pool_wants.min(rest.saturating_sub(problems_wants.min(half)))
    };
    let [pool, review, problems] = Layout::vertical([
        Constraint::Length(pool_height),
        Constraint::Length(review_height),
        Constraint::Fill(1),
    ])
    .areas(area);
    Side {
        pool,
        review,
        problems,
    }
}

/// Rows the problems take wrapped at `width`, counted no further than `most`.
fn problems_rows(facts: &Facts, width: u16, most: u16) -> u16 {
    if facts.problems.is_empty() {
        let ok = Line::raw(panels::NO_PROBLEMS);
        return u16::try_from(text::wrapped_rows(&ok, width)).unwrap_or(1);
    }
    let mut rows = 0u16;
    for (p, answer) in facts.problems.iter().zip(&facts.answers) {
        if rows >= most {
            break;
        }
        let mark = answer.map(crate::model::exceptions::mark);
        let line = match mark {
            Some(mark) => Line::raw(format!("✗ {} · {mark}", p.message)),
            None => Line::raw(format!("✗ {}", p.message)),
        };
        rows = rows.saturating_add(u16::try_from(text::wrapped_rows(&line, width)).unwrap_or(1));
    }
    rows.max(1)
}
