//! Replays the keys of one keystroke benchmark (benches/keystroke.rs) a fixed number of
//! times, each followed by a whole redraw to a sink, so that a profiler sees exactly what a
//! benchmark iteration does and nothing of criterion. Instruction counts from it repeat on a
//! busy machine, where times do not:
//!
//! ```text
//! cargo build --release --example keys
//! valgrind --tool=callgrind --toggle-collect='*keys::replay*' \
//!     target/release/examples/keys edit --courses 5000 --presses 200
//! callgrind_annotate --inclusive=yes callgrind.out.*
//! ```
//!
//! Divide the instructions of `keys::replay` by the presses for the cost of one key (the
//! first frame is drawn before it).

#[path = "../benches/support/fixtures.rs"]
mod fixtures;
#[path = "../benches/support/synth.rs"]
mod synth;

use anyhow::{Result, anyhow};
use clap::Parser;
use degree_planner::app::App;
use degree_planner::theme::Theme;
use degree_planner::ui;

use fixtures::{Keys, Program};

/// The benchmark's terminal: the crossterm backend writing to a sink.
type Screen = ratatui::Terminal<ratatui::backend::CrosstermBackend<std::io::Sink>>;

/// Replays a keystroke benchmark's keys.
#[derive(Parser)]
struct Args {
    /// The scenario: move, filter, edit, whatif-move or whatif-edit.
    scenario: String,
    /// Courses of the synthetic catalog; 0 for the bundled program.
    #[arg(long, default_value_t = 5000)]
    courses: usize,
    /// Keys to press.
    #[arg(long, default_value_t = 200)]
    presses: usize,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let keys =
        Keys::named(&args.scenario).ok_or_else(|| anyhow!("no scenario {:?}", args.scenario))?;
    let program = match args.courses {
        0 => Program::Bundled,
        n => Program::Synthetic(n),
    };
    let mut app = keys.planner(program);
    let theme = Theme::color();
    let mut terminal = fixtures::screen((200, 60));
    draw(&mut terminal, &app, &theme);
    let pressed = replay(&mut app, &mut terminal, &theme, keys, args.presses);
    println!("{pressed} keys of {} on {}", keys.name(), program.label());
    Ok(())
}

/// Redraws the whole screen.
fn draw(terminal: &mut Screen, app: &App, theme: &Theme) {
    terminal
        .draw(|frame| ui::draw(frame, app, theme))
        .expect("draw to a sink");
}

/// Presses `presses` keys of `keys`, redrawing after each.
#[inline(never)]
fn replay(
    app: &mut App,
    terminal: &mut Screen,
    theme: &Theme,
    keys: Keys,
    presses: usize,
) -> usize {
    let round = keys.round();
    let mut pressed = 0;
    while pressed < presses {
        fixtures::press(app, &round, &mut pressed);
        draw(terminal, app, theme);
    }
    pressed
}
