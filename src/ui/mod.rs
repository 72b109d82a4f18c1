//! Drawing: reads the [`App`] and never changes it.

mod autoplan;
mod chrome;
mod compare;
mod exceptions;
mod facts;
mod footer;
mod help;
pub mod hit;
mod layout;
mod measure;
mod notes;
mod panels;
mod picker;
mod prior;
mod recovery;
mod requirements;
mod requisites;
mod review;
mod terms;
mod text;
mod unsaved;
mod whatif;

pub use measure::viewport;
pub use panels::credits_summary;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};

use crate::app::{App, Overlay, Viewport};
use crate::theme::Theme;
use facts::Facts;

/// Smallest terminal the planner draws in; below it, a message says so.
pub const MIN_WIDTH: u16 = 60;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 20;

/// The screen for `app` at `width` x `height` as plain text, one line per row with trailing
/// blanks removed: what a person would see, without colours or styles.
pub fn screen_text(app: &App, theme: &Theme, width: u16, height: u16) -> String {
    let backend = ratatui::backend::TestBackend::new(width, height);
    let mut terminal = ratatui::Terminal::new(backend).expect("a test backend cannot fail");
    terminal
        .draw(|frame| draw(frame, app, theme))
        .expect("a test backend cannot fail");
    buffer_text(terminal.backend().buffer())
}

/// A drawn buffer as lines of text, each at most the buffer's width in display columns: a
/// double-width character fills two cells, the second of which is not written out again.
pub fn buffer_text(buffer: &ratatui::buffer::Buffer) -> String {
    use unicode_width::UnicodeWidthStr;
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut row = String::new();
        let mut x = area.left();
        while x < area.right() {
            let symbol = buffer[(x, y)].symbol();
            row.push_str(symbol);
            x += u16::try_from(symbol.width()).unwrap_or(1).max(1);
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

/// What every drawing function reads: the app, the facts derived from it once a frame, and
/// the theme. Borrowed, so drawing cannot change the app.
#[derive(Clone, Copy)]
struct View<'a> {
    app: &'a App,
    facts: &'a Facts<'a>,
    theme: &'a Theme,
}

/// Draws the whole screen for `app`.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    draw_measured(frame, app, theme);
}

/// Draws the whole screen for `app`, and says how much of each pane it showed (see
/// [`viewport`]); none on a screen too small to draw in.
pub fn draw_measured(frame: &mut Frame, app: &App, theme: &Theme) -> Option<Viewport> {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        chrome::render_too_small(frame, area, app.keymap());
        return None;
    }
    let facts = Facts::new(app);
    let view = View {
        app,
        facts: &facts,
        theme,
    };
    let [header, body, bar, status, hints] = layout::rows(app, area);
    chrome::render_header(frame, header, &view);
    let panes = layout::panes(&view, area);
    let shown = measure::measure(&view, &panes);
    layout::render_body(frame, panes, &view);
    whatif::render_bar(frame, bar, &view);
    chrome::render_status(frame, status, &view);
    match (app.overlay(), app.message()) {
        // A prompt takes the status line; a message about it (why it stays open) goes below.
        (Some(Overlay::Prompt(_)), Some(m)) => chrome::render_message(frame, hints, m, &view),
        _ => footer::render_footer(frame, hints, &view),
    }
    // The overlays that scroll say what a page of them is.
    let overlay_page = match app.overlay() {
        Some(Overlay::Help(help)) => help::render_help(frame, body, &view, help),
        Some(Overlay::Notes(notes)) => notes::render_notes(frame, body, &view, notes),
        Some(Overlay::Picker(picker)) => picker::render_picker(frame, body, &view, picker),
        Some(Overlay::Compare(c)) => compare::render_compare(frame, body, &view, c),
        Some(Overlay::AutoPlan(p)) => autoplan::render_autoplan(frame, body, &view, p),
        Some(Overlay::Requirements(pane)) => {
            requirements::render_requirements(frame, body, &view, pane)
        }
        Some(Overlay::Exceptions(list)) => exceptions::render_exceptions(frame, body, &view, list),
        Some(Overlay::Remedies(offers)) => exceptions::render_remedies(frame, body, &view, offers),
        Some(Overlay::Unsaved(leave)) => {
            unsaved::render_unsaved(frame, body, &view, *leave);
            0
        }
        Some(Overlay::Recovery(r)) => {
            recovery::render_recovery(frame, body, &view, r);
            0
        }
        Some(Overlay::PriorForm(form)) => {
            prior::render_form(frame, body, &view, form);
            0
        }
        _ => 0,
    };
    Some(Viewport {
        overlay_page,
        ..shown
    })
}

/// A rectangle of at most `width` x `height` centred in `area`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    )
}
