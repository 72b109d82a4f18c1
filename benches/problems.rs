//! A plan with many problems: one keystroke (the key resolved, the update applied, the whole
//! screen redrawn at 200x60 into a sink) on a plan of the bundled program whose first term
//! also holds `n` codes the program does not know, one problem each.
//!
//! - `problems/keystroke/<n>`: 20,000 problems (200 in a smoke run).
//!
//! `cargo bench --bench problems`; figures in docs/performance.md.

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/synth.rs"]
mod synth;

use std::io::Sink;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use degree_planner::app::App;
use degree_planner::model::{self, Placement, Plan};
use degree_planner::theme::Theme;
use degree_planner::ui;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use fixtures::Program;

/// The recommended plan of the bundled program with `n` unknown codes added to its first
/// term.
fn plan_with_problems(n: usize) -> (model::Curriculum, Plan) {
    let curriculum = Program::Bundled.curriculum();
    let mut plan = Plan::recommended(&curriculum, "Ada");
    plan.terms[0]
        .courses
        .extend((0..n).map(|i| Placement::planned(&format!("ZZ{i:05}"))));
    (curriculum, plan)
}

fn problems(c: &mut Criterion) {
    let n = fixtures::scale(20_000, 200);
    let (curriculum, plan) = plan_with_problems(n);
    let total = model::problems(&curriculum, &plan).len();
    assert!(total >= n);
    let mut app = App::new(curriculum, plan, PathBuf::from("bench.ron"), true);
    let theme = Theme::color();
    let mut terminal: Terminal<CrosstermBackend<Sink>> = Terminal::with_options(
        CrosstermBackend::new(std::io::sink()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 200, 60)),
        },
    )
    .expect("a terminal on a sink");
    let keys = [KeyCode::Down, KeyCode::Up].map(|k| KeyEvent::new(k, KeyModifiers::NONE));
    let mut next = keys.iter().cycle();
    let mut group = c.benchmark_group("problems");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.bench_function(BenchmarkId::new("keystroke", n), |b| {
        b.iter(|| {
            let key = next.next().expect("cycle");
            if let Some(action) = app.resolve(key) {
                app.update(action);
            }
            terminal
                .draw(|frame| ui::draw(frame, &app, &theme))
                .expect("draw to a sink");
        });
    });
    group.finish();
    // The pane shows what fits and says which of them ("1-9 of 20012").
    let screen = ui::screen_text(&app, &theme, 200, 60);
    assert!(
        screen.contains(&format!(" of {total} ")),
        "the problems pane lists them all?"
    );
}

criterion_group!(benches, problems);
criterion_main!(benches);
