//! One keystroke: the key resolved, the update applied and the whole screen redrawn at
//! 200x60, as the event loop does: rendered, diffed against the last frame, and the changes
//! encoded as escape sequences by the crossterm backend, written to a sink instead of a
//! terminal.
//!
//! `cargo bench --bench keystroke`; figures in docs/performance.md.

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/synth.rs"]
mod synth;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use degree_planner::app::App;
use degree_planner::model::Plan;
use degree_planner::theme::Theme;
use degree_planner::ui;
use std::io::Sink;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::widgets::{Block, Paragraph};

use fixtures::{Keys, Program};

/// Screen size of the benchmark.
const SIZE: (u16, u16) = (200, 60);

/// A planner ready for `keys` and a terminal that has drawn its first frame.
fn ready(program: Program, keys: Keys) -> (App, Terminal<CrosstermBackend<Sink>>, Theme) {
    let app = keys.planner(program);
    let theme = Theme::color();
    let mut terminal = fixtures::screen(SIZE);
    terminal
        .draw(|frame| ui::draw(frame, &app, &theme))
        .expect("draw to a sink");
    (app, terminal, theme)
}

/// Presses `keys` round and round, redrawing after each, as long as criterion asks; then
/// finishes the round, so that what is checked never depends on where it stopped. Returns
/// the planner and its plan before the first key.
fn bench_keys(
    group: &mut criterion::BenchmarkGroup<criterion::measurement::WallTime>,
    program: Program,
    keys: Keys,
) -> (App, Plan) {
    let (mut app, mut terminal, theme) = ready(program, keys);
    let before = app.plan().clone();
    let round = keys.round();
    let mut pressed = 0usize;
    group.bench_function(BenchmarkId::new(keys.name(), program.label()), |b| {
        b.iter(|| {
            fixtures::press(&mut app, &round, &mut pressed);
            terminal
                .draw(|frame| ui::draw(frame, &app, &theme))
                .expect("draw to a sink");
        });
    });
    while !pressed.is_multiple_of(round.len()) {
        fixtures::press(&mut app, &round, &mut pressed);
    }
    (app, before)
}

fn keystroke(c: &mut Criterion) {
    let mut programs = vec![Program::Bundled];
    programs.extend(fixtures::sizes().into_iter().map(Program::Synthetic));
    programs.push(fixtures::plain());
    let mut group = c.benchmark_group("keystroke");
    for program in programs {
        for keys in [Keys::Move, Keys::Filter] {
            let (app, _) = bench_keys(&mut group, program, keys);
            // The keys did what they should: a course is still highlighted, and the filter
            // is still being typed, and empty again.
            let name = keys.name();
            assert!(app.cursor().filter.is_empty(), "{name} {}", program.label());
            assert!(app.selected_code().is_some(), "{name} {}", program.label());
            assert_eq!(
                matches!(app.overlay(), Some(degree_planner::app::Overlay::Filter(_))),
                keys == Keys::Filter,
                "{name}"
            );
        }
    }
    // `edit` on the plan is the baseline of `whatif-edit`; `whatif-move`: the pool moves in
    // a what-if (the deltas are memoized: nothing to judge again).
    let whatif_programs = [
        Program::Bundled,
        Program::Synthetic(fixtures::scale(5000, 1000)),
    ];
    for program in whatif_programs {
        for keys in [Keys::Edit, Keys::WhatIfMove, Keys::WhatIfEdit] {
            let (app, real) = bench_keys(&mut group, program, keys);
            let name = keys.name();
            // Every course back in its term (a course moved back goes last); a what-if still
            // open, judged as the plan set aside.
            let terms = |plan: &Plan| -> Vec<Vec<String>> {
                let codes = plan
                    .terms
                    .iter()
                    .map(|t| t.courses.iter().map(|p| p.code.clone()));
                codes
                    .map(|c| {
                        let mut c: Vec<String> = c.collect();
                        c.sort();
                        c
                    })
                    .collect()
            };
            assert_eq!(
                terms(app.plan()),
                terms(&real),
                "{name} {}",
                program.label()
            );
            assert_eq!(app.whatif().is_some(), keys.in_whatif(), "{name}");
            if let Some(w) = app.whatif() {
                let after = degree_planner::app::Figures::of(app.curriculum(), app.plan());
                assert_eq!(&after, w.before(), "{name} {}", program.label());
            }
        }
    }
    // The floor: the terminal stack alone, redrawing a bordered block with one short line
    // (as examples/floor.rs does), changed every frame.
    let mut terminal = fixtures::screen(SIZE);
    let mut frame_number = 0u64;
    group.bench_function("floor/paragraph", |b| {
        b.iter(|| {
            frame_number += 1;
            let paragraph = Paragraph::new(format!("frame {frame_number}"))
                .block(Block::bordered().title(" floor "));
            terminal
                .draw(|frame| frame.render_widget(&paragraph, frame.area()))
                .expect("draw to a sink");
        });
    });
    group.finish();
}

criterion_group!(benches, keystroke);
criterion_main!(benches);
