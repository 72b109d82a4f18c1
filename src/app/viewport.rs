//! What the last frame showed of each pane of the planning view and of the open overlay: how
//! many rows (or items) of each list were on screen, and how far the Course pane's text
//! reaches. Drawing measures it from the layout it draws with (`ui::draw_measured`); the
//! terminal edge hands it over with [`super::Msg::Shown`] after each frame, so that a page is
//! what the user sees and a scroll stops where the text ends. The view never writes it.

/// How much of each pane the last frame showed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Viewport {
    /// Rows of the current term's courses on screen (none when the term is off screen).
    pub term_rows: usize,
    /// Rows of the unplanned pool on screen.
    pub pool_rows: usize,
    /// Career paths on screen, whole or in part.
    pub paths: usize,
    /// Problems on screen.
    pub problems: usize,
    /// Rows inside the Course pane.
    pub course_rows: usize,
    /// Rows the highlighted course's text takes in the Course pane, wrapped at its width.
    pub course_lines: usize,
    /// What a page of the open overlay's list is: the rows it showed, or the entries for a
    /// list of entries of several rows; 0 without an overlay that scrolls.
    pub overlay_page: usize,
}

impl Viewport {
    /// The furthest the Course pane can scroll: its last row at the bottom of the pane.
    pub fn course_end(&self) -> usize {
        self.course_lines.saturating_sub(self.course_rows)
    }
}
