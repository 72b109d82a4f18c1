//! The graduation estimate in the header: the earliest finishing term at the program's load
//! limit and the prerequisite chain still ahead, redrawn with every key, shown only where the
//! header has room for it.

use std::path::PathBuf;

use degree_planner::action::{Action, Spot};
use degree_planner::app::{App, Focus};
use degree_planner::model::Plan;
use degree_planner::model::graduation::estimate;
use degree_planner::theme::Theme;
use degree_planner::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::common::bundled;

fn app() -> App {
    let c = bundled();
    let plan = Plan::recommended(&c, "Ada");
    App::new(c, plan, PathBuf::from("test-plan.ron"), false)
}

fn header(app: &App, width: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, 30)).expect("test terminal");
    terminal
        .draw(|frame| ui::draw(frame, app, &Theme::color()))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    (0..width).map(|x| buffer[(x, 0)].symbol()).collect()
}

#[test]
fn the_header_shows_the_estimate_and_follows_every_edit() {
    let mut app = app();
    let first = estimate(app.curriculum(), app.plan(), None);
    let shown = format!(
        "finish ≥ {} · chain {}",
        first.term_name,
        first.critical_path.len()
    );
    assert!(header(&app, 140).contains(&shown), "{}", header(&app, 140));
    // A course of the last term in progress: every chain still ahead starts after it.
    app.update(Action::Click(Spot {
        pane: Focus::Terms,
        term: Some(3),
        row: Some(0),
    }));
    app.update(Action::CycleStatus);
    let later = estimate(app.curriculum(), app.plan(), None);
    assert!(later.term > first.term, "{later:?} after {first:?}");
    let shown = format!(
        "finish ≥ {} · chain {}",
        later.term_name,
        later.critical_path.len()
    );
    assert!(header(&app, 140).contains(&shown), "{}", header(&app, 140));
}

#[test]
fn a_narrow_header_leaves_the_estimate_out_before_the_rest() {
    let app = app();
    let narrow = header(&app, 110);
    assert!(!narrow.contains("finish"), "{narrow}");
    assert!(narrow.contains("student: Ada "), "{narrow}");
}
