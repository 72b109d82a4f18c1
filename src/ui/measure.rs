//! How much of each pane a frame shows, measured from the layout the frame is drawn with, for
//! the app to page and scroll by (see [`Viewport`]); the overlays measure themselves as they
//! draw.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use super::{View, layout, panels, terms};
use crate::app::{App, Viewport};
use crate::theme::Theme;

/// How much of each pane of `app`'s planning view, and of its overlay, a `width` x `height`
/// screen shows; none on a screen too small to draw in. It draws a frame off screen, so it
/// says exactly what [`super::draw_measured`] says of the same frame.
pub fn viewport(app: &App, theme: &Theme, (width, height): (u16, u16)) -> Option<Viewport> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).ok()?;
    let mut shown = None;
    terminal
        .draw(|frame| shown = super::draw_measured(frame, app, theme))
        .ok()?;
    shown
}

/// How much of each pane `view` shows where `panes` puts them.
pub(super) fn measure(view: &View, panes: &layout::Panes) -> Viewport {
    let app = view.app;
    let rows = |area: Rect| usize::from(terms::inner(area).height);
    let term_rows = terms::term_areas(app, panes.terms, panes.cols)
        .into_iter()
        .find(|&(term, _)| term == app.cursor().term)
        .map_or(0, |(_, area)| rows(area));
    let (pool_rows, problems) = panes.side.as_ref().map_or((0, 0), |side| {
        let shown = panels::shown_problems(view, terms::inner(side.problems));
        (rows(side.pool), shown.len())
    });
    let paths = panes
        .paths
        .as_ref()
        .map_or(0, |(_, window)| window.last - window.first);
    let course = terms::inner(panes.detail);
    Viewport {
        term_rows,
        pool_rows,
        paths,
        problems,
        course_rows: usize::from(course.height),
        course_lines: panels::course_rows(view, course.width),
        // Known once the overlay is drawn (see `draw_measured`).
        overlay_page: 0,
    }
}
