//! What is drawn where: the pane, term and row under a point of the screen, found from the
//! same layout drawing uses, without drawing.

use ratatui::layout::{Position, Rect};

use super::facts::Facts;
use super::{MIN_HEIGHT, MIN_WIDTH, View, layout, panels, terms};
use crate::action::Spot;
use crate::app::{App, Focus};
use crate::theme::Theme;

/// What is at column `x`, row `y` of a `width` x `height` screen showing `app`'s planning
/// view: the pane, the term (in the terms) and the row of the list (a course of a term or
/// of the pool, a problem, or a career path in the order drawn). None off every pane, and
/// on a screen too small to draw in.
pub fn spot(
    app: &App,
    theme: &Theme,
    (width, height): (u16, u16),
    (x, y): (u16, u16),
) -> Option<Spot> {
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return None;
    }
    let at = Position::new(x, y);
    let facts = Facts::new(app);
    let view = View {
        app,
        facts: &facts,
        theme,
    };
    let panes = layout::panes(&view, Rect::new(0, 0, width, height));
    let row_at = |area: Rect, shown: std::ops::Range<usize>| {
        let inner = terms::inner(area);
        inner
            .contains(at)
            .then(|| shown.start + usize::from(y - inner.y))
            .filter(|row| *row < shown.end)
    };
    for (term, area) in terms::term_areas(app, panes.terms, panes.cols) {
        if area.contains(at) {
            let row = row_at(area, terms::shown_term_rows(app, term, area));
            return Some(Spot {
                pane: Focus::Terms,
                term: Some(term),
                row,
            });
        }
    }
    if let Some(side) = &panes.side {
        if side.pool.contains(at) {
            let row = row_at(side.pool, terms::shown_pool_rows(&view, side.pool));
            return Some(Spot {
                pane: Focus::Pool,
                term: None,
                row,
            });
        }
        if side.problems.contains(at) {
            let inner = terms::inner(side.problems);
            let mut top = inner.y;
            let row = inner.contains(at).then(|| {
                panels::shown_problems(&view, inner)
                    .into_iter()
                    .find(|&(_, rows)| {
                        top += rows;
                        y < top
                    })
                    .map(|(i, _)| i)
            });
            return Some(Spot {
                pane: Focus::Problems,
                term: None,
                row: row.flatten(),
            });
        }
    }
    if let Some((area, window)) = panes.paths.as_ref().filter(|(a, _)| a.contains(at)) {
        let inner = terms::inner(*area);
        let row = inner
            .contains(at)
            .then(|| window.path_at(usize::from(y - inner.y)))
            .flatten();
        return Some(Spot {
            pane: Focus::Paths,
            term: None,
            row,
        });
    }
    // The Course pane shows the highlighted path's detail while the paths have focus.
    let pane = match app.cursor().focus {
        Focus::Paths => Focus::Paths,
        _ => Focus::Course,
    };
    let on_paths_line = panes.paths_line.is_some_and(|a| a.contains(at));
    if on_paths_line || panes.detail.contains(at) {
        let pane = if on_paths_line { Focus::Paths } else { pane };
        return Some(Spot {
            pane,
            term: None,
            row: None,
        });
    }
    None
}
