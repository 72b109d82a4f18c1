//! Pinning a placed course to its term from the planner: the key, the undoable edit, the
//! mark in the term rows.

use std::path::PathBuf;

use degree_planner::action::Action;
use degree_planner::app::{App, Focus};
use degree_planner::model::Plan;
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

fn pinned(app: &App, code: &str) -> bool {
    let slot = app.plan().find(code).expect("placed");
    app.plan().placement(slot).expect("placement").pinned
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| ui::draw(frame, app, &Theme::color()))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            let line: String = (0..width).map(|x| buffer[(x, y)].symbol()).collect();
            format!("{}\n", line.trim_end())
        })
        .collect()
}

#[test]
fn pinning_is_one_undoable_edit_of_the_highlighted_course() {
    let mut app = app();
    let before = app.plan().clone();
    app.update(Action::Down);
    app.update(Action::TogglePin);
    assert!(pinned(&app, "BE102"));
    assert!(!pinned(&app, "BE101"), "only the highlighted course");
    assert!(app.is_dirty());
    assert!(
        app.message()
            .is_some_and(|m| m.text.contains("BE102 is pinned")),
        "{:?}",
        app.message()
    );
    app.update(Action::Undo);
    assert_eq!(*app.plan(), before, "one undo step takes the pin back");
    app.update(Action::Redo);
    assert!(pinned(&app, "BE102"));
    app.update(Action::TogglePin);
    assert!(!pinned(&app, "BE102"), "again: unpinned");
}

#[test]
fn pinning_in_the_pool_changes_nothing_and_says_why() {
    let mut app = app();
    app.update(Action::Toggle);
    let before = app.plan().clone();
    while app.cursor().focus != Focus::Pool {
        app.update(Action::NextFocus);
    }
    app.update(Action::TogglePin);
    assert_eq!(*app.plan(), before);
    assert!(
        app.message()
            .is_some_and(|m| m.text.contains("only placed courses")),
        "{:?}",
        app.message()
    );
}

#[test]
fn a_pinned_course_shows_its_mark_in_the_term() {
    let mut app = app();
    app.update(Action::Down);
    app.update(Action::TogglePin);
    let shown = screen(&app, 120, 36);
    let be102 = shown
        .lines()
        .find(|l| l.contains("BE102"))
        .expect("BE102 row");
    assert!(be102.contains("○•BE102"), "{be102:?}");
    let be101 = shown
        .lines()
        .find(|l| l.contains("BE101"))
        .expect("BE101 row");
    assert!(be101.contains("○ BE101"), "{be101:?}");
    insta::assert_snapshot!(shown);
}
