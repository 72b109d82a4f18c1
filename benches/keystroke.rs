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
use degree_planner::action::{Action, Spot};
use degree_planner::app::{App, Focus};
use degree_planner::theme::Theme;
use degree_planner::ui;
use std::io::Sink;

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Paragraph};
use ratatui::{Terminal, TerminalOptions, Viewport};

use fixtures::Program;

/// Screen size of the benchmark.
const SIZE: (u16, u16) = (200, 60);

/// The planner's own backend on a screen of `SIZE`, writing to a sink. The viewport is
/// fixed, so nothing asks a terminal for its size.
fn screen() -> Terminal<CrosstermBackend<Sink>> {
    Terminal::with_options(
        CrosstermBackend::new(std::io::sink()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, SIZE.0, SIZE.1)),
        },
    )
    .expect("a terminal on a sink")
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Moving through the unplanned pool: down, down, up, up, over and over.
fn moves() -> Vec<KeyEvent> {
    [KeyCode::Down, KeyCode::Down, KeyCode::Up, KeyCode::Up]
        .map(key)
        .to_vec()
}

/// Typing a filter and taking it back: "sys", then three backspaces.
fn typing() -> Vec<KeyEvent> {
    let mut keys: Vec<KeyEvent> = "sys".chars().map(|c| key(KeyCode::Char(c))).collect();
    keys.extend([key(KeyCode::Backspace); 3]);
    keys
}

/// A planner and a terminal that has drawn its first frame.
fn ready(program: Program, filtering: bool) -> (App, Terminal<CrosstermBackend<Sink>>, Theme) {
    let mut app = fixtures::planner(program);
    if filtering {
        let slash = key(KeyCode::Char('/'));
        let action = app.resolve(&slash).expect("/ starts the filter");
        app.update(action);
    }
    let theme = Theme::color();
    let mut terminal = screen();
    terminal
        .draw(|frame| ui::draw(frame, &app, &theme))
        .expect("draw to a sink");
    (app, terminal, theme)
}

fn keystroke(c: &mut Criterion) {
    let mut programs = vec![Program::Bundled];
    programs.extend(fixtures::sizes().into_iter().map(Program::Synthetic));
    programs.push(fixtures::plain());
    let mut group = c.benchmark_group("keystroke");
    for program in programs {
        for (name, keys, filtering) in [("move", moves(), false), ("filter", typing(), true)] {
            let (mut app, mut terminal, theme) = ready(program, filtering);
            let mut pressed = 0usize;
            let press = |app: &mut App, pressed: &mut usize| {
                if let Some(action) = app.resolve(&keys[*pressed % keys.len()]) {
                    app.update(action);
                }
                *pressed += 1;
            };
            group.bench_function(BenchmarkId::new(name, program.label()), |b| {
                b.iter(|| {
                    press(&mut app, &mut pressed);
                    terminal
                        .draw(|frame| ui::draw(frame, &app, &theme))
                        .expect("draw to a sink");
                });
            });
            // Criterion chooses how many keys were pressed: finish the last round, so that
            // what is checked never depends on where in its keys the benchmark stopped.
            while !pressed.is_multiple_of(keys.len()) {
                press(&mut app, &mut pressed);
            }
            // The keys did what they should: a course is still highlighted, and the filter
            // is still being typed, and empty again.
            assert!(app.cursor().filter.is_empty(), "{name} {}", program.label());
            assert!(app.selected_code().is_some(), "{name} {}", program.label());
            assert_eq!(
                matches!(app.overlay(), Some(degree_planner::app::Overlay::Filter(_))),
                filtering,
                "{name}"
            );
        }
    }
    // A course of the first term moved a term later and back: `edit` on the plan, the
    // baseline; `whatif-edit` in a what-if, each key an edit of the scratch copy judged
    // again against the real plan. `whatif-move`: the pool moves in a what-if (the deltas
    // are memoized: nothing to judge again).
    let whatif_programs = [
        Program::Bundled,
        Program::Synthetic(fixtures::scale(5000, 1000)),
    ];
    for program in whatif_programs {
        let there_and_back = || vec![key(KeyCode::Char('>')), key(KeyCode::Char('<'))];
        for (name, keys, terms, whatif) in [
            ("edit", there_and_back(), true, false),
            ("whatif-move", moves(), false, true),
            ("whatif-edit", there_and_back(), true, true),
        ] {
            let (mut app, mut terminal, theme) = ready(program, false);
            if whatif {
                app.update(Action::WhatIf);
            }
            if terms {
                app.update(Action::Click(Spot {
                    pane: Focus::Terms,
                    term: Some(0),
                    row: Some(1),
                }));
            }
            let real = app.plan().clone();
            let mut pressed = 0usize;
            let press = |app: &mut App, pressed: &mut usize| {
                if let Some(action) = app.resolve(&keys[*pressed % keys.len()]) {
                    app.update(action);
                }
                *pressed += 1;
            };
            group.bench_function(BenchmarkId::new(name, program.label()), |b| {
                b.iter(|| {
                    press(&mut app, &mut pressed);
                    terminal
                        .draw(|frame| ui::draw(frame, &app, &theme))
                        .expect("draw to a sink");
                });
            });
            while !pressed.is_multiple_of(keys.len()) {
                press(&mut app, &mut pressed);
            }
            // Every course back in its term (a course moved back goes last); a what-if still
            // open, judged as the plan set aside.
            let terms = |plan: &degree_planner::model::Plan| -> Vec<Vec<String>> {
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
            assert_eq!(app.whatif().is_some(), whatif, "{name}");
            if let Some(w) = app.whatif() {
                let after = degree_planner::app::Figures::of(app.curriculum(), app.plan());
                assert_eq!(&after, w.before(), "{name} {}", program.label());
            }
        }
    }
    // The floor: the terminal stack alone, redrawing a bordered block with one short line
    // (as examples/floor.rs does), changed every frame.
    let mut terminal = screen();
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
