//! The terminal edge: the event loop that feeds key presses to [`App::update`], performs
//! its effects, and draws. The terminal is restored on return, on panic (the hook `init`
//! installs) and on every signal that ends the planner ([`ENDING_SIGNALS`]); it is given
//! back and taken again around a suspension (Ctrl-z, SIGTSTP) and after SIGCONT. While the
//! planner has the terminal, the window title names the open plan; the title it had before
//! is kept on the terminal's title stack and comes back whenever the terminal is given back.

use std::io::{BufWriter, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use ratatui::backend::{Backend as _, ClearType, CrosstermBackend};
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::crossterm::style::Print;
use ratatui::crossterm::terminal::SetTitle;
use ratatui::layout::{Rect, Size};
use ratatui::{Terminal, TerminalOptions, Viewport};

use crate::action::{Action, Context};
use crate::app::{App, Focus, Msg};
use crate::effects::{self, Session};
use crate::theme::Theme;

/// When set, F12 makes the planner panic, so that tests can see what a crash leaves behind.
pub const CRASH_TEST_ENV: &str = "DEGREE_PLANNER_CRASH_TEST";

/// How the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A signal asked the process to stop; the conventional exit status is 128 + it.
    Signal(i32),
}

/// Signals whose default action ends the process and that a handler can catch (none outside
/// Unix). Each ends the planner without saving: the terminal is restored, the plan's lock
/// released and unsaved edits kept for the next start; the exit status is 128 + the signal.
pub use os::ENDING_SIGNALS;

mod os;

/// What the signal handlers have seen, for the loop to act on.
struct Signals {
    /// The last ending signal, or 0.
    end: Arc<AtomicUsize>,
    /// SIGTSTP: suspend.
    stop: Arc<AtomicBool>,
    /// SIGCONT: resumed after a stop the planner did not make itself (`kill -STOP`).
    resumed: Arc<AtomicBool>,
}

impl Signals {
    fn install() -> Result<Signals> {
        let signals = Signals {
            end: Arc::new(AtomicUsize::new(0)),
            stop: Arc::new(AtomicBool::new(false)),
            resumed: Arc::new(AtomicBool::new(false)),
        };
        os::install_handlers(&signals.end, &signals.stop, &signals.resumed)
            .context("installing signal handlers")?;
        Ok(signals)
    }
}

/// Runs the planner until the user quits or a signal arrives. With `mouse`, the planner
/// takes the mouse (clicks and the wheel, see [`mouse_actions`]); without it the terminal
/// keeps the mouse for selecting text.
pub fn run(app: &mut App, theme: &Theme, session: &mut Session, mouse: bool) -> Result<Exit> {
    let signals = Signals::install()?;
    let mut terminal = match init(mouse) {
        Ok(t) => t,
        Err(e) => {
            // Raw mode may already be on: undo whatever part of the set-up happened.
            let _ = restore(mouse);
            return Err(e).context("setting up the terminal");
        }
    };
    let result = event_loop(&mut terminal, app, theme, session, &signals, mouse);
    // However the loop noticed (SIGHUP, a hung-up read, a failed draw), a closed window
    // leaves nothing to restore and nowhere to report to: end as a hangup does.
    if wait_for_input(Duration::ZERO) == Input::HungUp {
        // What is still written on the way out (ratatui shows the cursor when dropped) would
        // fail, and a failed `eprintln!` panics: point standard output and error at /dev/null.
        os::write_nowhere();
        return Ok(Exit::Signal(os::SIGHUP));
    }
    restore(mouse).context("restoring the terminal")?;
    result
}

/// The terminal the planner draws on. Its output is buffered so that a frame reaches the
/// terminal in one write rather than in the standard output's 1 KiB line-buffer pieces.
type Screen = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Room for a whole frame: a full redraw of a 200x60 screen is about 15 KiB.
const FRAME_BUFFER_BYTES: usize = 64 * 1024;

/// What `ratatui::try_init` does, with buffered output and bracketed paste: a panic hook
/// that restores the terminal before the previous hook runs, raw mode, the alternate screen,
/// pastes marked as such (so that a pasted line break is not Enter) and, with `mouse`, the
/// mouse captured.
fn init(mouse: bool) -> std::io::Result<Screen> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = restore(mouse);
        hook(info);
    }));
    take_terminal(mouse)?;
    let out = BufWriter::with_capacity(FRAME_BUFFER_BYTES, std::io::stdout());
    let backend = CrosstermBackend::new(out);
    let viewport = Viewport::Fixed(drawn_area(backend.size()?));
    Terminal::with_options(backend, TerminalOptions { viewport })
}

/// The most columns and rows the planner draws; a larger window shows it in its top-left
/// corner. The planner holds about 90 bytes a drawn cell (ratatui's two buffers and the
/// frame's text): unbounded, a 10000x10000 window held 9.4 GB. (`screen --size` stops at 1000 in each direction too.)
pub const MAX_AREA: (u16, u16) = (1000, 500);

/// The area drawn in a window of `size`.
fn drawn_area(size: Size) -> Rect {
    Rect::new(
        0,
        0,
        size.width.min(MAX_AREA.0),
        size.height.min(MAX_AREA.1),
    )
}

/// Makes the drawn area fit the window as it is now: when it changed, or when `force`, the
/// screen is cleared and the last frame forgotten, so that the next draw repaints it all.
fn fit_window(terminal: &mut Screen, force: bool) -> std::io::Result<()> {
    let area = drawn_area(terminal.size()?);
    if force || area != terminal.get_frame().area() {
        terminal.backend_mut().clear_region(ClearType::All)?;
        terminal.resize(area)?;
    }
    Ok(())
}

/// Saves the window and icon titles on the terminal's title stack (xterm's window operation
/// 22; terminals without one ignore it).
const PUSH_TITLE: &str = "\x1b[22;0t";
/// Brings back the titles [`PUSH_TITLE`] saved (window operation 23).
const POP_TITLE: &str = "\x1b[23;0t";

/// The window title while `app` runs: the program and the open plan's file name, cleaned
/// of control characters like everything the planner draws.
fn title(app: &App) -> String {
    format!("degree-planner: {}", app.file_name())
}

/// Raw mode, the alternate screen, the title saved and, with `mouse`, the mouse captured.
/// Raw mode is switched off first, so that the modes saved to restore later are the
/// terminal's as they are now: after a stop, the shell may have put it back in line mode
/// while crossterm still counts raw mode as on.
fn take_terminal(mouse: bool) -> std::io::Result<()> {
    ratatui::crossterm::terminal::disable_raw_mode()?;
    ratatui::crossterm::terminal::enable_raw_mode()?;
    ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen,
        EnableBracketedPaste,
        Print(PUSH_TITLE)
    )?;
    if mouse {
        ratatui::crossterm::execute!(std::io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Takes the terminal again after the process was stopped and continued, and has the next
/// draw repaint every cell: the shell and other programs wrote over the screen meanwhile.
fn retake(terminal: &mut Screen, mouse: bool) -> Result<()> {
    take_terminal(mouse).context("taking the terminal back")?;
    // Not `terminal.clear()`: it asks the terminal where its cursor is first, and waits
    // seconds for a terminal that does not answer.
    fit_window(terminal, true).context("clearing the screen")
}

/// Suspends the planner as SIGTSTP's default action would, after giving the terminal back
/// (line mode, main screen, visible cursor); returns once it is continued (`fg`), with the
/// terminal taken again.
fn suspend(terminal: &mut Screen, signals: &Signals, mouse: bool) -> Result<()> {
    restore(mouse).context("restoring the terminal")?;
    terminal.show_cursor().context("showing the cursor")?;
    os::stop_self().context("stopping the process")?;
    // This SIGCONT is the one being handled here.
    signals.resumed.store(false, Ordering::SeqCst);
    retake(terminal, mouse)
}

/// What woke the loop up.
enum Wake {
    /// An event crossterm can read without waiting (a key, a resize).
    Event,
    /// The screen must be drawn again (after a suspension).
    Redraw,
    /// The planner must end with this exit.
    End(Exit),
}

/// Waits for an event, handling suspensions on the way. Wakes up now and then to notice
/// signals; drawing happens only after an event.
fn wait(terminal: &mut Screen, signals: &Signals, mouse: bool) -> Result<Wake> {
    loop {
        let sig = signals.end.load(Ordering::SeqCst);
        if sig != 0 {
            return Ok(Wake::End(Exit::Signal(sig as i32)));
        }
        if signals.stop.swap(false, Ordering::SeqCst) {
            suspend(terminal, signals, mouse)?;
            return Ok(Wake::Redraw);
        }
        if signals.resumed.swap(false, Ordering::SeqCst) {
            retake(terminal, mouse)?;
            return Ok(Wake::Redraw);
        }
        // Events crossterm holds already, what the terminal has sent, or a resize. The
        // wait is not zero: crossterm's level-triggered reader reads nothing, not even
        // what it has parsed already, in a zero timeout.
        if event::poll(READ_AHEAD)? {
            return Ok(Wake::Event);
        }
        if wait_for_input(Duration::from_millis(100)) == Input::HungUp {
            return Ok(Wake::End(Exit::Signal(os::SIGHUP)));
        }
    }
}

/// Gives the terminal back: the mouse released (when `mouse` took it), bracketed paste off
/// and the title as it was, then what `ratatui::try_restore` undoes.
fn restore(mouse: bool) -> std::io::Result<()> {
    let released = if mouse {
        ratatui::crossterm::execute!(std::io::stdout(), DisableMouseCapture)
    } else {
        Ok(())
    };
    let paste =
        ratatui::crossterm::execute!(std::io::stdout(), DisableBracketedPaste, Print(POP_TITLE));
    ratatui::try_restore()?;
    released.and(paste)
}

fn event_loop(
    terminal: &mut Screen,
    app: &mut App,
    theme: &Theme,
    session: &mut Session,
    signals: &Signals,
    mouse: bool,
) -> Result<Exit> {
    let crash_test = std::env::var_os(CRASH_TEST_ENV).is_some();
    // crossterm starts listening for resizes when its reader is first used: use it before
    // the first frame, or a resize right after that frame is never seen.
    event::poll(Duration::ZERO)?;
    // The title last set; none once the terminal was given back and taken again.
    let mut shown_title = None;
    let mut clicks = Clicks::default();
    loop {
        fit_window(terminal, false)?;
        let wanted = title(app);
        if shown_title.as_ref() != Some(&wanted) {
            ratatui::crossterm::execute!(terminal.backend_mut(), SetTitle(&wanted))?;
            shown_title = Some(wanted);
        }
        let mut shown = None;
        terminal.draw(|frame| shown = crate::ui::draw_measured(frame, app, theme))?;
        // What the frame showed is what a page is.
        if let Some(shown) = shown
            && app.viewport() != Some(&shown)
        {
            app.update(Msg::Shown(shown));
        }
        if app.should_quit() {
            return Ok(Exit::Quit);
        }
        match wait(terminal, signals, mouse)? {
            Wake::End(exit) => return Ok(exit),
            Wake::Redraw => {
                shown_title = None;
                continue;
            }
            Wake::Event => {}
        }
        // Everything the terminal has sent already is handled before the next frame: a
        // burst of keys (or a paste, in a terminal without bracketed paste) draws once.
        loop {
            match event::read()? {
                // A paste is text for the prompt being typed into, never keys.
                Event::Paste(text) => {
                    for action in crate::action::paste(app.context(), &text) {
                        effects::dispatch(app, session, action);
                    }
                }
                Event::Key(key) if key.is_press() => {
                    if crash_test && key.code == ratatui::crossterm::event::KeyCode::F(12) {
                        panic!("crash test requested with {CRASH_TEST_ENV}");
                    }
                    let action = app.resolve(&key);
                    // In raw mode Ctrl-z is a key, not SIGTSTP: suspend all the same.
                    if action == Some(Action::Suspend) {
                        suspend(terminal, signals, mouse)?;
                        shown_title = None;
                        break;
                    }
                    if let Some(action) = action {
                        effects::dispatch(app, session, action);
                    }
                }
                Event::Mouse(pointer) => {
                    let size = drawn_area(terminal.size()?);
                    let size = (size.width, size.height);
                    let now = Instant::now();
                    for action in mouse_actions(app, theme, size, &pointer, &mut clicks, now) {
                        effects::dispatch(app, session, action);
                    }
                }
                // A resize, or anything else: the loop redraws at the new size.
                _ => {}
            }
            if app.should_quit()
                || signals.end.load(Ordering::SeqCst) != 0
                || !event::poll(READ_AHEAD)?
            {
                break;
            }
        }
        effects::dispatch(app, session, Msg::Settled);
    }
}

/// Rows one notch of the mouse wheel moves a list's highlight.
pub const WHEEL_ROWS: isize = 3;

/// Longest time between two clicks on one cell that make a double-click.
pub const DOUBLE_CLICK: Duration = Duration::from_millis(400);

/// The last left click, to tell a double-click from two clicks.
#[derive(Debug, Default)]
pub struct Clicks {
    last: Option<(u16, u16, Instant)>,
}

impl Clicks {
    /// Notes a left click on `cell` at `now`; true when it completes a double-click (the
    /// click before it was on the same cell less than [`DOUBLE_CLICK`] before). A third
    /// click starts over.
    pub fn double(&mut self, cell: (u16, u16), now: Instant) -> bool {
        let double = self.last.is_some_and(|(x, y, at)| {
            (x, y) == cell && now.saturating_duration_since(at) < DOUBLE_CLICK
        });
        self.last = (!double).then_some((cell.0, cell.1, now));
        double
    }
}

/// The actions a mouse event means on a `size` (columns, rows) screen showing `app`, at
/// `now`: a left click selects what is under it (see [`crate::ui::hit::spot`]) and a
/// double-click on a course then acts as Enter does; the wheel scrolls the list under the pointer
/// [`WHEEL_ROWS`] rows a notch. Only the planning view takes the mouse; dialogs, prompts and
/// overlays are for the keyboard.
pub fn mouse_actions(
    app: &App,
    theme: &Theme,
    size: (u16, u16),
    event: &MouseEvent,
    clicks: &mut Clicks,
    now: Instant,
) -> Vec<Action> {
    if app.context() != Context::Normal {
        return Vec::new();
    }
    let cell = (event.column, event.row);
    let Some(spot) = crate::ui::hit::spot(app, theme, size, cell) else {
        return Vec::new();
    };
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            // Enter on a course; a click on a problem does what Enter does there already.
            let on_course = matches!(spot.pane, Focus::Terms | Focus::Pool) && spot.row.is_some();
            if clicks.double(cell, now) && on_course {
                vec![Action::Click(spot), Action::Toggle]
            } else {
                vec![Action::Click(spot)]
            }
        }
        MouseEventKind::ScrollUp => vec![Action::Scroll {
            at: spot,
            lines: -WHEEL_ROWS,
        }],
        MouseEventKind::ScrollDown => vec![Action::Scroll {
            at: spot,
            lines: WHEEL_ROWS,
        }],
        _ => Vec::new(),
    }
}

/// How long crossterm may take to hand over what the terminal has sent already.
const READ_AHEAD: Duration = Duration::from_millis(1);

/// What [`wait_for_input`] saw on the terminal.
#[derive(Debug, PartialEq, Eq)]
enum Input {
    /// Bytes to read, or nothing yet, or a signal came first.
    Maybe,
    /// The terminal hung up (its window closed): nothing will ever come.
    HungUp,
}

/// Waits up to `timeout` for the terminal to have input, and notices when it has hung up.
///
/// The planner waits here rather than in crossterm's `event::poll`: crossterm 0.29 reads a
/// terminal that has hung up in a loop that never returns (crossterm-rs/crossterm#793), and
/// a planner whose window was closed would spin at full CPU, holding its plan's lock, until
/// killed. A signal (a resize included) ends the wait early.
///
/// This wait is level-triggered: it returns at once while input is unread. crossterm's
/// reader must be too (the `use-dev-tty` feature, see Cargo.toml): its default reader is
/// edge-triggered and, after a burst of over 1 KiB, leaves the rest unread until another key
/// arrives, while this wait kept returning at once, at full CPU.
fn wait_for_input(timeout: Duration) -> Input {
    if os::wait_for_stdin(timeout) {
        Input::HungUp
    } else {
        Input::Maybe
    }
}
