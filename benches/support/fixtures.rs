//! What the benchmarks run on: planners at every size, and directories of plans.
//!
//! Under `cargo bench` the benchmarks use the sizes in docs/performance.md; under
//! `cargo test` (criterion's test mode: each benchmark body runs once) they use small ones,
//! so the smoke run stays quick in a debug build.

#![allow(dead_code)] // Each bench uses part of it.

use std::io::Sink;
use std::path::{Path, PathBuf};

use degree_planner::action::{Action, Spot};
use degree_planner::app::{App, Focus};
use degree_planner::model::Curriculum;
use degree_planner::store;

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use crate::synth;

/// Seed of every synthetic file the benchmarks use.
pub const SEED: u64 = 2026;

/// Whether this is a real benchmark run (`cargo bench`), not a smoke run (`cargo test`).
pub fn benchmarking() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// Picks the benchmark value or the smoke-run value.
pub fn scale<T>(bench: T, smoke: T) -> T {
    if benchmarking() { bench } else { smoke }
}

/// Catalog sizes for the growth curves: 100 to 20,000 courses (100 and 1,000 in a smoke run).
pub fn sizes() -> Vec<usize> {
    scale(vec![100, 1000, 5000, 20_000], vec![100, 1000])
}

/// The program the constructs are compared at: 5,000 courses without them (100 in a smoke
/// run).
pub fn plain() -> Program {
    Program::Plain(scale(5000, 100))
}

/// A program: the bundled one, or a synthetic one of `n` courses.
#[derive(Debug, Clone, Copy)]
pub enum Program {
    /// `data/curriculum.ron`, 22 courses.
    Bundled,
    /// `synth::curriculum(n, SEED)`: every construct of the requirement language.
    Synthetic(usize),
    /// The same without the constructs (`synth::Constructs::None`), for comparison.
    Plain(usize),
}

impl Program {
    /// Label for benchmark ids: `bundled` or the course count.
    pub fn label(self) -> String {
        match self {
            Program::Bundled => "bundled".into(),
            Program::Synthetic(n) => n.to_string(),
            Program::Plain(n) => format!("plain-{n}"),
        }
    }

    /// The curriculum text.
    pub fn text(self) -> String {
        match self {
            Program::Bundled => store::BUNDLED_CURRICULUM.to_string(),
            Program::Synthetic(n) => synth::curriculum(n, SEED),
            Program::Plain(n) => synth::curriculum_with(n, SEED, synth::Constructs::None),
        }
    }

    /// The loaded, validated curriculum.
    pub fn curriculum(self) -> Curriculum {
        store::parse_curriculum(&self.text(), &self.label())
            .expect("benchmark curricula are valid")
            .curriculum
    }
}

/// The planner on a realistic plan of `program`, as the app starts on it. When the
/// unplanned pool is long (a catalog), it has the focus with its highlight half-way down, so
/// every key scrolls a long list; otherwise the second course of the first term has it.
pub fn planner(program: Program) -> App {
    let curriculum = program.curriculum();
    let plan = synth::plans(&curriculum, 1, SEED).remove(0);
    let mut app = App::new(curriculum, plan, PathBuf::from("bench.ron"), true);
    let pool = app.pool().len();
    let spot = if pool > 10 {
        Spot {
            pane: Focus::Pool,
            term: None,
            row: Some(pool / 2),
        }
    } else {
        Spot {
            pane: Focus::Terms,
            term: Some(0),
            row: Some(1),
        }
    };
    app.update(Action::Click(spot));
    app
}

/// Writes `count` plans of `curriculum` into `dir` as `plan-NNNNN.ron`.
pub fn write_plans(dir: &Path, curriculum: &Curriculum, count: usize) {
    for (i, plan) in synth::plans(curriculum, count, SEED).iter().enumerate() {
        let path = dir.join(format!("plan-{:05}.ron", i + 1));
        std::fs::write(&path, store::plan_to_ron(plan)).expect("write a plan");
    }
}

/// The keys of a keystroke benchmark, pressed round and round: each round leaves the plan,
/// the filter and the what-if as they were.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// Down, down, up, up in the unplanned pool.
    Move,
    /// "sys" typed into the filter, then three backspaces.
    Filter,
    /// A course of the first term moved a term later and back: an edit of the plan.
    Edit,
    /// `Move` with a what-if open.
    WhatIfMove,
    /// `Edit` with a what-if open: each key an edit of the scratch copy, judged again
    /// against the plan set aside.
    WhatIfEdit,
}

impl Keys {
    /// Every scenario, in benchmark order.
    pub const ALL: [Keys; 5] = [
        Keys::Move,
        Keys::Filter,
        Keys::Edit,
        Keys::WhatIfMove,
        Keys::WhatIfEdit,
    ];

    /// The name in benchmark ids and on the command line of `examples/keys.rs`.
    pub fn name(self) -> &'static str {
        match self {
            Keys::Move => "move",
            Keys::Filter => "filter",
            Keys::Edit => "edit",
            Keys::WhatIfMove => "whatif-move",
            Keys::WhatIfEdit => "whatif-edit",
        }
    }

    /// The scenario of this name.
    pub fn named(name: &str) -> Option<Keys> {
        Keys::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Whether the scenario runs in a what-if.
    pub fn in_whatif(self) -> bool {
        matches!(self, Keys::WhatIfMove | Keys::WhatIfEdit)
    }

    /// The keys of one round.
    pub fn round(self) -> Vec<KeyEvent> {
        let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
        match self {
            Keys::Move | Keys::WhatIfMove => {
                [KeyCode::Down, KeyCode::Down, KeyCode::Up, KeyCode::Up]
                    .map(key)
                    .to_vec()
            }
            Keys::Filter => {
                let mut keys: Vec<KeyEvent> =
                    "sys".chars().map(|c| key(KeyCode::Char(c))).collect();
                keys.extend([key(KeyCode::Backspace); 3]);
                keys
            }
            Keys::Edit | Keys::WhatIfEdit => {
                vec![key(KeyCode::Char('>')), key(KeyCode::Char('<'))]
            }
        }
    }

    /// The planner on `program` (see [`planner`]) ready for the keys: the filter started,
    /// the what-if opened or the first term's second course highlighted, as they need.
    pub fn planner(self, program: Program) -> App {
        let mut app = planner(program);
        if self == Keys::Filter {
            app.update(Action::StartFilter);
        }
        if self.in_whatif() {
            app.update(Action::WhatIf);
        }
        if matches!(self, Keys::Edit | Keys::WhatIfEdit) {
            app.update(Action::Click(Spot {
                pane: Focus::Terms,
                term: Some(0),
                row: Some(1),
            }));
        }
        app
    }
}

/// Presses the `pressed`-th key of `keys` (round and round) on `app`, and counts it.
pub fn press(app: &mut App, keys: &[KeyEvent], pressed: &mut usize) {
    if let Some(action) = app.resolve(&keys[*pressed % keys.len()]) {
        app.update(action);
    }
    *pressed += 1;
}

/// The planner's own backend on a screen of `size`, writing to a sink, as the event loop
/// draws: rendered, diffed against the last frame and encoded as escape sequences. The
/// viewport is fixed, so nothing asks a terminal for its size.
pub fn screen(size: (u16, u16)) -> Terminal<CrosstermBackend<Sink>> {
    Terminal::with_options(
        CrosstermBackend::new(std::io::sink()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, size.0, size.1)),
        },
    )
    .expect("a terminal on a sink")
}
