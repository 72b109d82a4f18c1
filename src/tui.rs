//! The terminal edge: the event loop that feeds key presses to [`App::update`], performs
//! its effects, and draws. The terminal is restored on return, on panic (ratatui's hook) and
//! on SIGTERM, SIGHUP or SIGINT.

use std::io::{BufWriter, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::{Context as _, Result};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event};

use crate::app::App;
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

/// Runs the planner until the user quits or a signal arrives.
pub fn run(app: &mut App, theme: &Theme, session: &mut Session) -> Result<Exit> {
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)
            .context("installing signal handlers")?;
    }
    let mut terminal = match init() {
        Ok(t) => t,
        Err(e) => {
            // Raw mode may already be on: undo whatever part of the set-up happened.
            let _ = ratatui::try_restore();
            return Err(e).context("setting up the terminal");
        }
    };
    let result = event_loop(&mut terminal, app, theme, session, &signal);
    ratatui::try_restore().context("restoring the terminal")?;
    result
}

/// The terminal the planner draws on. Its output is buffered so that a frame reaches the
/// terminal in one write rather than in the standard output's 1 KiB line-buffer pieces.
type Screen = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Room for a whole frame: a full redraw of a 200x60 screen is about 15 KiB.
const FRAME_BUFFER_BYTES: usize = 64 * 1024;

/// What `ratatui::try_init` does, with buffered output: a panic hook that restores the
/// terminal before the previous hook runs, raw mode, and the alternate screen.
fn init() -> std::io::Result<Screen> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = ratatui::try_restore();
        hook(info);
    }));
    ratatui::crossterm::terminal::enable_raw_mode()?;
    ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen
    )?;
    let out = BufWriter::with_capacity(FRAME_BUFFER_BYTES, std::io::stdout());
    Terminal::new(CrosstermBackend::new(out))
}

fn event_loop(
    terminal: &mut Screen,
    app: &mut App,
    theme: &Theme,
    session: &mut Session,
    signal: &AtomicUsize,
) -> Result<Exit> {
    let crash_test = std::env::var_os(CRASH_TEST_ENV).is_some();
    loop {
        terminal.draw(|frame| crate::ui::draw(frame, app, theme))?;
        if app.should_quit {
            return Ok(Exit::Quit);
        }
        // Wake up now and then to notice signals; drawing happens only after an event.
        loop {
            let sig = signal.load(Ordering::Relaxed);
            if sig != 0 {
                return Ok(Exit::Signal(sig as i32));
            }
            if event::poll(Duration::from_millis(100))? {
                break;
            }
        }
        match event::read()? {
            Event::Key(key) if key.is_press() => {
                if crash_test && key.code == ratatui::crossterm::event::KeyCode::F(12) {
                    panic!("crash test requested with {CRASH_TEST_ENV}");
                }
                if let Some(effect) = app.resolve(&key).and_then(|action| app.update(action)) {
                    effects::perform(effect, app, session);
                }
                session.sync_recovery(app);
            }
            // A resize, or anything else: the loop redraws at the new size.
            _ => {}
        }
    }
}
