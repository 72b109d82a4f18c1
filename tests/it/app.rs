//! Behaviour tests for the App state machine: actions (and real key events through
//! `action::resolve`) in, state out. No terminal, no file system.

use std::path::PathBuf;

use degree_planner::action::{self, Action, Context, KEYMAP};
use degree_planner::app::{
    App, Compare, Effect, Filter, Focus, Help, Leave, Msg, Notes, Overlay, Prompt, PromptKind, Tone,
};
use degree_planner::field::Field;
use degree_planner::model::{Placement, Plan, Status};
use degree_planner::store::{FileError, Located};
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::common::bundled as curriculum;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// Every action the app understands, with one representative `Input`.
const ALL_ACTIONS: [Action; 29] = [
    Action::Up,
    Action::Down,
    Action::PrevTerm,
    Action::NextTerm,
    Action::NextFocus,
    Action::PrevFocus,
    Action::Toggle,
    Action::MoveEarlier,
    Action::MoveLater,
    Action::CycleStatus,
    Action::EditGrade,
    Action::NextPath,
    Action::StartFilter,
    Action::ClearFilter,
    Action::AddTerm,
    Action::RenameTerm,
    Action::DeleteTerm,
    Action::EditStudent,
    Action::Undo,
    Action::Redo,
    Action::Save,
    Action::Help,
    Action::Quit,
    Action::Input('x'),
    Action::Backspace,
    Action::Submit,
    Action::Cancel,
    Action::SaveAndQuit,
    Action::Discard,
];

fn recommended() -> Plan {
    Plan::recommended(&curriculum(), "Ada")
}

fn app_on(plan: Plan) -> App {
    App::new(curriculum(), plan, PathBuf::from("test-plan.ron"), false)
}

/// A fresh app on the recommended plan for "Ada".
fn app() -> App {
    app_on(recommended())
}

fn run(app: &mut App, actions: &[Action]) {
    for &a in actions {
        app.update(a);
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
}

fn repeat(app: &mut App, action: Action, n: usize) {
    for _ in 0..n {
        app.update(action);
    }
}

/// Whether the help overlay is open, and its search being typed (`typing`) or not.
fn in_help(app: &App, typing: bool) -> bool {
    matches!(app.overlay(), Some(Overlay::Help(h)) if h.typing == typing)
}

/// The open help overlay.
fn help(app: &App) -> &Help {
    match app.overlay() {
        Some(Overlay::Help(h)) => h,
        other => panic!("the help is not open: {other:?}"),
    }
}

/// Whether `effect` asks to save the plan.
fn is_save(effect: &Option<Effect>) -> bool {
    matches!(effect, Some(Effect::Save { .. }))
}

fn message(app: &App) -> &str {
    app.message().map_or("", |m| m.text.as_str())
}

fn tone(app: &App) -> Option<Tone> {
    app.message().map(|m| m.tone)
}

fn codes(app: &App, term: usize) -> Vec<String> {
    app.plan().terms[term]
        .courses
        .iter()
        .map(|p| p.code.clone())
        .collect()
}

fn pool_codes(app: &App) -> Vec<String> {
    app.pool().iter().map(|c| c.code.clone()).collect()
}

fn term_names(app: &App) -> Vec<String> {
    app.plan().terms.iter().map(|t| t.name.clone()).collect()
}

fn placement<'a>(app: &'a App, code: &str) -> &'a Placement {
    let slot = app.plan().find(code).expect("course is placed");
    app.plan().placement(slot).expect("slot exists")
}

fn selected(app: &App) -> Option<String> {
    app.selected_code()
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn chr(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

fn shifted(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Presses a real key: resolves it in the app's current context and applies the action.
fn press(app: &mut App, event: KeyEvent) -> Option<Effect> {
    let action = app
        .resolve(&event)
        .unwrap_or_else(|| panic!("{event:?} is not bound in {:?}", app.context()));
    app.update(action)
}

fn press_all(app: &mut App, events: &[KeyEvent]) {
    for e in events {
        press(app, *e);
    }
}

fn undo_all(app: &mut App) -> usize {
    let mut n = 0;
    loop {
        app.update(Action::Undo);
        if message(app) == "Nothing to undo" {
            return n;
        }
        n += 1;
        assert!(n < 10_000, "undo never runs out");
    }
}

/// The invariants every state must keep.
fn assert_cursor_in_range(app: &App) {
    let terms = app.plan().terms.len();
    if terms > 0 {
        assert!(
            app.cursor().term < terms,
            "term {} of {terms}",
            app.cursor().term
        );
    } else {
        assert_eq!(app.cursor().term, 0);
    }
    let rows = app.visible_rows(app.cursor().term).len();
    assert!(
        app.cursor().row < rows.max(1),
        "row {} of {rows} visible rows",
        app.cursor().row
    );
    let pool = app.pool().len();
    assert!(
        app.cursor().pool_row < pool.max(1),
        "pool row {} of {pool}",
        app.cursor().pool_row
    );
    if let Some(p) = app.cursor().path {
        assert!(p < app.curriculum().paths.len());
    }
}

// ---------------------------------------------------------------------------------------------
// The starting point
// ---------------------------------------------------------------------------------------------

#[test]
fn a_fresh_app_starts_on_the_first_course_of_the_first_term() {
    let app = app();
    assert_eq!(app.plan().terms.len(), 4);
    assert_eq!(codes(&app, 0).len(), 6);
    assert_eq!(codes(&app, 1).len(), 6);
    assert_eq!(codes(&app, 2).len(), 5);
    assert_eq!(codes(&app, 3).len(), 5);
    assert!(app.pool().is_empty());
    assert_eq!(
        (app.cursor().term, app.cursor().row, app.cursor().focus),
        (0, 0, Focus::Terms)
    );
    assert_eq!(app.overlay().cloned(), None);
    assert_eq!(app.cursor().path, None);
    assert_eq!(selected(&app).as_deref(), Some("BE101"));
    assert!(!app.is_dirty());
    assert!(!app.should_quit());
    assert_eq!(app.message(), None);
}

// ---------------------------------------------------------------------------------------------
// Moving
// ---------------------------------------------------------------------------------------------

#[test]
fn down_and_up_clamp_at_the_ends_of_a_term() {
    let mut app = app();
    app.update(Action::Up);
    assert_eq!(app.cursor().row, 0, "Up on the first row stays there");
    app.update(Action::Down);
    assert_eq!(app.cursor().row, 1);
    assert_eq!(selected(&app).as_deref(), Some("BE102"));
    repeat(&mut app, Action::Down, 10);
    assert_eq!(app.cursor().row, 5, "Down stops on the last of six courses");
    assert_eq!(selected(&app).as_deref(), Some("BE106"));
    app.update(Action::Up);
    assert_eq!(app.cursor().row, 4);
    repeat(&mut app, Action::Up, 10);
    assert_eq!(app.cursor().row, 0);
    assert_eq!(app.cursor().term, 0, "Up/Down never change the term");
    assert!(!app.is_dirty());
}

#[test]
fn next_and_prev_term_clamp_at_the_ends_and_reset_the_row() {
    let mut app = app();
    run(&mut app, &[Action::Down, Action::Down]);
    app.update(Action::NextTerm);
    assert_eq!(
        (app.cursor().term, app.cursor().row),
        (1, 0),
        "a new term starts on its first row"
    );
    assert_eq!(selected(&app).as_deref(), Some("BE201"));
    repeat(&mut app, Action::NextTerm, 5);
    assert_eq!(app.cursor().term, 3, "NextTerm stops at the last term");
    app.update(Action::Down);
    app.update(Action::NextTerm);
    assert_eq!(
        (app.cursor().term, app.cursor().row),
        (3, 1),
        "NextTerm at the last term changes nothing"
    );
    app.update(Action::PrevTerm);
    assert_eq!((app.cursor().term, app.cursor().row), (2, 0));
    repeat(&mut app, Action::PrevTerm, 5);
    assert_eq!(app.cursor().term, 0, "PrevTerm stops at the first term");
    app.update(Action::Down);
    app.update(Action::PrevTerm);
    assert_eq!(
        (app.cursor().term, app.cursor().row),
        (0, 1),
        "PrevTerm at the first term changes nothing"
    );
}

#[test]
fn tab_and_shift_tab_cycle_terms_pool_paths_problems_course() {
    let mut app = app();
    app.update(Action::NextFocus);
    assert_eq!(app.cursor().focus, Focus::Pool);
    app.update(Action::NextFocus);
    assert_eq!(app.cursor().focus, Focus::Paths);
    assert_eq!(
        app.cursor().path,
        Some(0),
        "focusing the paths highlights the first one"
    );
    app.update(Action::NextFocus);
    assert_eq!(app.cursor().focus, Focus::Problems);
    app.update(Action::NextFocus);
    assert_eq!(app.cursor().focus, Focus::Course);
    app.update(Action::NextFocus);
    assert_eq!(app.cursor().focus, Focus::Terms);

    app.update(Action::PrevFocus);
    assert_eq!(app.cursor().focus, Focus::Course);
    app.update(Action::PrevFocus);
    assert_eq!(app.cursor().focus, Focus::Problems);
    app.update(Action::PrevFocus);
    assert_eq!(app.cursor().focus, Focus::Paths);
    app.update(Action::PrevFocus);
    assert_eq!(app.cursor().focus, Focus::Pool);
    app.update(Action::PrevFocus);
    assert_eq!(app.cursor().focus, Focus::Terms);
}

#[test]
fn tab_and_shift_tab_keys_cycle_focus() {
    let mut app = app();
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(app.cursor().focus, Focus::Pool);
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(app.cursor().focus, Focus::Paths);
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(app.cursor().focus, Focus::Problems);
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(app.cursor().focus, Focus::Course);
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(app.cursor().focus, Focus::Terms);
    // Terminals report Shift-Tab as BackTab with the Shift modifier.
    press(
        &mut app,
        KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
    );
    assert_eq!(app.cursor().focus, Focus::Course);
}

#[test]
fn focus_on_paths_keeps_an_already_highlighted_path() {
    let mut app = app();
    run(&mut app, &[Action::NextPath, Action::NextPath]);
    assert_eq!(app.cursor().path, Some(1));
    run(&mut app, &[Action::NextFocus, Action::NextFocus]);
    assert_eq!(app.cursor().focus, Focus::Paths);
    assert_eq!(app.cursor().path, Some(1));
}

#[test]
fn up_and_down_in_paths_move_the_focused_path_and_wrap() {
    let mut app = app();
    run(&mut app, &[Action::NextFocus, Action::NextFocus]);
    assert_eq!(
        (app.cursor().focus, app.cursor().path),
        (Focus::Paths, Some(0))
    );
    app.update(Action::Down);
    assert_eq!(app.cursor().path, Some(1));
    app.update(Action::Down);
    assert_eq!(app.cursor().path, Some(2));
    app.update(Action::Down);
    assert_eq!(
        app.cursor().path,
        Some(0),
        "Down on the last path wraps to the first"
    );
    app.update(Action::Up);
    assert_eq!(
        app.cursor().path,
        Some(2),
        "Up on the first path wraps to the last"
    );
    app.update(Action::Up);
    assert_eq!(app.cursor().path, Some(1));
    assert_eq!(
        (app.cursor().term, app.cursor().row),
        (0, 0),
        "the term cursor did not move"
    );
    assert!(!app.is_dirty());
}

#[test]
fn down_in_paths_with_no_path_highlighted_starts_at_the_first_path() {
    let mut app = app();
    run(&mut app, &[Action::NextFocus, Action::NextFocus]);
    assert_eq!(app.cursor().path, Some(0));
    repeat(&mut app, Action::NextPath, 3);
    assert_eq!(app.cursor().path, None);
    app.update(Action::Down);
    assert_eq!(app.cursor().path, Some(0));
}

#[test]
fn pool_up_and_down_clamp() {
    let mut app = app();
    // Unplan BE101, BE102, BE103: each Toggle on row 0 removes the top course.
    repeat(&mut app, Action::Toggle, 3);
    assert_eq!(pool_codes(&app), ["BE101", "BE102", "BE103"]);
    app.update(Action::NextFocus);
    app.update(Action::Up);
    assert_eq!(app.cursor().pool_row, 0);
    repeat(&mut app, Action::Down, 5);
    assert_eq!(app.cursor().pool_row, 2);
    assert_eq!(selected(&app).as_deref(), Some("BE103"));
    app.update(Action::Up);
    assert_eq!(selected(&app).as_deref(), Some("BE102"));
}

#[test]
fn page_keys_home_end_and_g_move_through_a_term_and_the_pool() {
    let mut app = app();
    let last = codes(&app, 0).len() - 1;
    press(&mut app, key(KeyCode::PageDown));
    assert_eq!(app.cursor().row, last.min(10));
    press(&mut app, chr('g'));
    assert_eq!(app.cursor().row, 0);
    press(&mut app, shifted('G'));
    assert_eq!(app.cursor().row, last);
    press(&mut app, key(KeyCode::Home));
    assert_eq!(app.cursor().row, 0);
    press(&mut app, key(KeyCode::End));
    assert_eq!(app.cursor().row, last);

    // Every course unplanned: the pool is a long list.
    let mut plan = recommended();
    plan.terms.iter_mut().for_each(|t| t.courses.clear());
    let mut app = app_on(plan);
    app.update(Action::NextFocus);
    let len = app.pool().len();
    assert!(len > 20, "the pool holds {len}");
    press_all(&mut app, &[key(KeyCode::PageDown), key(KeyCode::PageDown)]);
    assert_eq!(app.cursor().pool_row, 20);
    press(&mut app, key(KeyCode::PageUp));
    assert_eq!(app.cursor().pool_row, 10);
    press(&mut app, shifted('G'));
    assert_eq!(app.cursor().pool_row, len - 1);
    press(&mut app, key(KeyCode::PageDown));
    assert_eq!(app.cursor().pool_row, len - 1, "nothing below the last");
    assert_eq!(
        selected(&app).as_deref(),
        app.pool().last().map(|c| c.code.as_str())
    );
    press(&mut app, chr('g'));
    assert_eq!(app.cursor().pool_row, 0);
    assert!(!app.is_dirty(), "moving edits nothing");
}

#[test]
fn page_keys_and_g_in_the_career_paths_stop_at_the_ends() {
    let mut app = app();
    run(&mut app, &[Action::NextFocus, Action::NextFocus]);
    assert_eq!(app.cursor().path, Some(0));
    press(&mut app, shifted('G'));
    assert_eq!(app.cursor().path, Some(2));
    press(&mut app, key(KeyCode::PageDown));
    assert_eq!(app.cursor().path, Some(2), "a page does not wrap round");
    press(&mut app, chr('g'));
    assert_eq!(app.cursor().path, Some(0));
    press(&mut app, key(KeyCode::PageUp));
    assert_eq!(app.cursor().path, Some(0));
}

#[test]
fn page_keys_and_g_move_through_notes_plans_and_differences() {
    let mut plan = recommended();
    plan.notes = (0..25)
        .map(|i| degree_planner::model::review::Note {
            on: degree_planner::model::review::NoteTarget::Plan,
            text: format!("note {i}"),
            author: "Ada".into(),
            date: "2026-01-01".into(),
            addressed: false,
        })
        .collect();
    let mut app = app_on(plan);
    press(&mut app, chr('v'));
    press(&mut app, key(KeyCode::PageDown));
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Notes(Notes { selected: 10 }))
    );
    press(&mut app, shifted('G'));
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Notes(Notes { selected: 24 }))
    );
    press(&mut app, key(KeyCode::PageUp));
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Notes(Notes { selected: 14 }))
    );
    press(&mut app, chr('g'));
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Notes(Notes { selected: 0 }))
    );

    let mut app = self::app();
    let entries = (0..30)
        .map(|i| degree_planner::store::library::PlanEntry {
            path: PathBuf::from(format!("/plans/p{i:02}.ron")),
            name: format!("p{i:02}"),
            saved: "2026-01-01 10:00".into(),
            summary: Err("unread".into()),
        })
        .collect();
    app.update(Msg::Listed {
        purpose: degree_planner::app::Purpose::Open,
        entries,
        select: None,
    });
    let at = |app: &App| match app.overlay() {
        Some(Overlay::Picker(p)) => p.selected,
        other => panic!("{other:?}"),
    };
    press(&mut app, key(KeyCode::PageDown));
    assert_eq!(at(&app), 10);
    press(&mut app, key(KeyCode::End));
    assert_eq!(at(&app), 31, "two rows to start a plan, then 30 plans");
    press(&mut app, key(KeyCode::Home));
    assert_eq!(at(&app), 0);

    let mut app = self::app();
    let mut other = recommended();
    other.terms.iter_mut().for_each(|t| t.courses.clear());
    app.update(Msg::Compared {
        other: Box::new(other),
        label: "empty.ron".into(),
    });
    let scroll = |app: &App| match app.overlay() {
        Some(Overlay::Compare(Compare { scroll, .. })) => *scroll,
        other => panic!("{other:?}"),
    };
    press(&mut app, key(KeyCode::PageDown));
    assert_eq!(scroll(&app), 10);
    press(&mut app, shifted('G'));
    let last = scroll(&app);
    assert!(last > 10, "every course differs, the last at {last}");
    press(&mut app, chr('j'));
    assert_eq!(scroll(&app), last);
    press(&mut app, chr('g'));
    assert_eq!(scroll(&app), 0);
}

#[test]
fn the_plan_picker_filters_by_name_or_student_as_you_type() {
    use degree_planner::store::library::{PlanEntry, PlanSummary};
    let mut app = app();
    let entry = |name: &str, student: &str| PlanEntry {
        path: PathBuf::from(format!("/plans/{name}.ron")),
        name: name.into(),
        saved: "2026-01-01 10:00".into(),
        summary: Ok(PlanSummary {
            student: student.into(),
            credits: (0, 64),
            verdict: "not reviewed".into(),
            problems: (0, 0),
        }),
    };
    let entries = vec![
        entry("ada", "Ada Lovelace"),
        entry("grace", "Grace Hopper"),
        entry("second try", "Ada Lovelace"),
    ];
    app.update(Msg::Listed {
        purpose: degree_planner::app::Purpose::Open,
        entries,
        select: None,
    });
    let names = |app: &App| match app.overlay() {
        Some(Overlay::Picker(p)) => p
            .rows()
            .iter()
            .map(|r| match r {
                degree_planner::app::Row::Plan(e) => e.name.clone(),
                degree_planner::app::Row::New { .. } => "+".into(),
            })
            .collect::<Vec<_>>(),
        other => panic!("{other:?}"),
    };
    assert_eq!(names(&app), ["+", "+", "ada", "grace", "second try"]);
    press(&mut app, chr('/'));
    assert_eq!(app.context(), Context::Typing);
    // n, r, d and y are text here, not commands.
    for c in "LOVE".chars() {
        assert_eq!(press(&mut app, shifted(c)), None);
    }
    assert_eq!(names(&app), ["ada", "second try"], "by student, any case");
    press(&mut app, key(KeyCode::Backspace));
    press_all(&mut app, &[chr('e'), key(KeyCode::Enter)]);
    assert_eq!(app.context(), Context::Picker, "Enter keeps the filter");
    press(&mut app, chr('j'));
    assert_eq!(
        press(&mut app, key(KeyCode::Enter)),
        Some(Effect::OpenPlan(PathBuf::from("/plans/second try.ron"))),
        "the highlight moves among the matches"
    );
    let mut app = self::app();
    app.update(Msg::Listed {
        purpose: degree_planner::app::Purpose::Open,
        entries: vec![entry("ada", "Ada"), entry("grace", "Grace")],
        select: None,
    });
    press_all(&mut app, &[chr('/'), chr('g'), chr('r')]);
    assert_eq!(names(&app), ["grace"], "by name");
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(names(&app), ["+", "+", "ada", "grace"], "Esc clears it");
    assert!(
        matches!(app.overlay().cloned(), Some(Overlay::Picker(_))),
        "and keeps the picker open"
    );
}

// ---------------------------------------------------------------------------------------------
// Toggle
// ---------------------------------------------------------------------------------------------

#[test]
fn toggle_in_a_term_moves_the_course_to_the_pool() {
    let mut app = app();
    app.update(Action::Down);
    assert_eq!(selected(&app).as_deref(), Some("BE102"));
    let effect = app.update(Action::Toggle);
    assert_eq!(effect, None);
    assert!(!codes(&app, 0).contains(&"BE102".to_string()));
    assert_eq!(codes(&app, 0).len(), 5);
    assert_eq!(pool_codes(&app), ["BE102"]);
    assert!(app.plan().find("BE102").is_none());
    assert!(message(&app).contains("BE102"), "{}", message(&app));
    assert_eq!(tone(&app), Some(Tone::Info));
    assert!(app.is_dirty());
    assert_eq!(
        app.cursor().row,
        1,
        "the highlight stays on the row, now the next course"
    );
    assert_eq!(selected(&app).as_deref(), Some("BE103"));
}

#[test]
fn toggle_on_the_last_row_keeps_the_highlight_on_a_course() {
    let mut app = app();
    repeat(&mut app, Action::Down, 5);
    app.update(Action::Toggle);
    assert_eq!(pool_codes(&app), ["BE106"]);
    assert_eq!(app.cursor().row, 4);
    assert_eq!(selected(&app).as_deref(), Some("BE105"));
}

#[test]
fn toggle_in_the_pool_places_the_course_at_the_end_of_the_current_term_as_it_was() {
    let mut app = app();
    // Unplan BE102 from the first term.
    run(&mut app, &[Action::Down, Action::Toggle]);
    // Complete BE305 with a grade, then unplan it.
    run(&mut app, &[Action::NextTerm, Action::NextTerm]);
    repeat(&mut app, Action::Down, 4);
    assert_eq!(selected(&app).as_deref(), Some("BE305"));
    run(&mut app, &[Action::CycleStatus, Action::CycleStatus]);
    run(
        &mut app,
        &[Action::EditGrade, Action::Input('B'), Action::Submit],
    );
    assert_eq!(placement(&app, "BE305").grade.as_deref(), Some("B"));
    run(&mut app, &[Action::Toggle, Action::Confirm]);
    assert_eq!(
        pool_codes(&app),
        ["BE102", "BE305"],
        "the pool is in curriculum order"
    );

    // Place BE305 (second in the pool) into the second term.
    app.update(Action::PrevTerm);
    assert_eq!(app.cursor().term, 1);
    app.update(Action::NextFocus);
    app.update(Action::Down);
    assert_eq!(selected(&app).as_deref(), Some("BE305"));
    app.update(Action::Toggle);
    assert_eq!(codes(&app, 1).last().map(String::as_str), Some("BE305"));
    assert_eq!(codes(&app, 1).len(), 7);
    assert_eq!(
        *placement(&app, "BE305"),
        Placement {
            code: "BE305".into(),
            status: Status::Completed,
            grade: Some("B".into()),
            credits: None,
            pinned: false,
        },
        "placed back as it was taken out, grade and all"
    );
    assert_eq!(pool_codes(&app), ["BE102"]);
    assert_eq!(
        app.cursor().pool_row,
        0,
        "the pool highlight stays on a course"
    );
    assert_eq!(app.cursor().focus, Focus::Pool);
    assert!(message(&app).contains("BE305"), "{}", message(&app));
}

#[test]
fn toggle_in_an_empty_pool_does_nothing() {
    let mut app = app();
    app.update(Action::NextFocus);
    app.update(Action::Toggle);
    assert_eq!(*app.plan(), recommended());
    assert!(!app.is_dirty());
}

#[test]
fn toggle_in_paths_sets_the_target_and_again_clears_it() {
    let mut app = app();
    run(&mut app, &[Action::NextFocus, Action::NextFocus]);
    app.update(Action::Toggle);
    assert_eq!(app.plan().target_path.as_deref(), Some("senior-backend"));
    assert!(app.is_dirty());
    assert!(message(&app).contains("Senior Back-End Developer"));
    run(&mut app, &[Action::Down, Action::Toggle]);
    assert_eq!(
        app.plan().target_path.as_deref(),
        Some("devops"),
        "another path replaces the target"
    );
    app.update(Action::Toggle);
    assert_eq!(
        app.plan().target_path,
        None,
        "toggling the target clears it"
    );
    assert!(!app.is_dirty(), "back to the plan as loaded");
}

#[test]
fn an_app_on_a_plan_with_a_target_highlights_that_path() {
    let mut plan = recommended();
    plan.target_path = Some("architect".into());
    let app = app_on(plan);
    assert_eq!(app.cursor().path, Some(2));
}

// ---------------------------------------------------------------------------------------------
// MoveLater / MoveEarlier
// ---------------------------------------------------------------------------------------------

#[test]
fn move_later_moves_the_course_to_the_next_term_and_the_selection_follows() {
    let mut app = app();
    app.update(Action::Down);
    app.update(Action::MoveLater);
    assert!(!codes(&app, 0).contains(&"BE102".to_string()));
    assert_eq!(codes(&app, 1).last().map(String::as_str), Some("BE102"));
    assert_eq!((app.cursor().term, app.cursor().row), (1, 6));
    assert_eq!(selected(&app).as_deref(), Some("BE102"));
    assert!(app.is_dirty());

    app.update(Action::MoveLater);
    assert!(!codes(&app, 1).contains(&"BE102".to_string()));
    assert_eq!(codes(&app, 2).last().map(String::as_str), Some("BE102"));
    assert_eq!(app.cursor().term, 2);
    assert_eq!(selected(&app).as_deref(), Some("BE102"));
    assert_eq!(app.plan().find("BE102").map(|s| s.term), Some(2));
}

#[test]
fn move_later_keeps_status_and_grade() {
    let mut app = app();
    run(&mut app, &[Action::CycleStatus, Action::CycleStatus]);
    run(
        &mut app,
        &[Action::EditGrade, Action::Input('A'), Action::Submit],
    );
    app.update(Action::MoveLater);
    let p = placement(&app, "BE101");
    assert_eq!(
        (p.status, p.grade.as_deref()),
        (Status::Completed, Some("A"))
    );
}

#[test]
fn move_earlier_moves_the_course_to_the_previous_term_and_the_selection_follows() {
    let mut app = app();
    repeat(&mut app, Action::NextTerm, 3);
    app.update(Action::Down);
    assert_eq!(selected(&app).as_deref(), Some("BE402"));
    app.update(Action::MoveEarlier);
    assert_eq!(codes(&app, 2).last().map(String::as_str), Some("BE402"));
    assert!(!codes(&app, 3).contains(&"BE402".to_string()));
    assert_eq!(app.cursor().term, 2);
    assert_eq!(selected(&app).as_deref(), Some("BE402"));
    app.update(Action::MoveEarlier);
    assert_eq!(app.cursor().term, 1);
    assert_eq!(selected(&app).as_deref(), Some("BE402"));
    assert_eq!(app.plan().find("BE402").map(|s| s.term), Some(1));
}

#[test]
fn move_keys_move_and_follow() {
    let mut app = app();
    press(&mut app, chr('j'));
    press(&mut app, chr('.'));
    press(&mut app, shifted('>'));
    assert_eq!(app.plan().find("BE102").map(|s| s.term), Some(2));
    press(&mut app, chr(','));
    assert_eq!(app.plan().find("BE102").map(|s| s.term), Some(1));
    assert_eq!(selected(&app).as_deref(), Some("BE102"));
}

#[test]
fn move_earlier_in_the_first_term_changes_nothing_and_says_so() {
    let mut app = app();
    app.update(Action::MoveEarlier);
    assert_eq!(*app.plan(), recommended());
    assert_eq!((app.cursor().term, app.cursor().row), (0, 0));
    assert!(message(&app).contains("first term"), "{}", message(&app));
    assert!(!app.is_dirty());
    app.update(Action::Undo);
    assert_eq!(message(&app), "Nothing to undo");
}

#[test]
fn move_later_in_the_last_term_changes_nothing_and_says_so() {
    let mut app = app();
    repeat(&mut app, Action::NextTerm, 3);
    app.update(Action::Down);
    app.update(Action::MoveLater);
    assert_eq!(*app.plan(), recommended());
    assert_eq!((app.cursor().term, app.cursor().row), (3, 1));
    assert!(message(&app).contains("last term"), "{}", message(&app));
    assert!(!app.is_dirty());
}

#[test]
fn move_in_the_pool_does_nothing_to_the_plan() {
    let mut app = app();
    app.update(Action::Toggle);
    let before = app.plan().clone();
    app.update(Action::NextFocus);
    assert_eq!(selected(&app).as_deref(), Some("BE101"));
    app.update(Action::MoveLater);
    assert_eq!(*app.plan(), before);
    assert!(!message(&app).is_empty(), "says why nothing happened");
    app.update(Action::MoveEarlier);
    assert_eq!(*app.plan(), before);
    assert_eq!((app.cursor().term, app.cursor().focus), (0, Focus::Pool));
}

#[test]
fn move_in_the_paths_does_nothing_to_the_plan() {
    let mut app = app();
    run(&mut app, &[Action::NextFocus, Action::NextFocus]);
    assert_eq!(app.cursor().focus, Focus::Paths);
    run(&mut app, &[Action::MoveLater, Action::MoveEarlier]);
    assert_eq!(*app.plan(), recommended());
    assert_eq!(app.cursor().term, 0);
}

// ---------------------------------------------------------------------------------------------
// Status and grade
// ---------------------------------------------------------------------------------------------

#[test]
fn cycle_status_goes_planned_in_progress_completed_planned() {
    let mut app = app();
    app.update(Action::Down);
    assert_eq!(placement(&app, "BE102").status, Status::Planned);
    app.update(Action::CycleStatus);
    assert_eq!(placement(&app, "BE102").status, Status::InProgress);
    assert!(message(&app).contains("in progress"), "{}", message(&app));
    app.update(Action::CycleStatus);
    assert_eq!(placement(&app, "BE102").status, Status::Completed);
    app.update(Action::CycleStatus);
    assert_eq!(placement(&app, "BE102").status, Status::Planned);
    assert_eq!(*app.plan(), recommended(), "only BE102 was touched");
    assert_eq!(placement(&app, "BE101").status, Status::Planned);
}

#[test]
fn cycle_status_in_the_pool_changes_nothing() {
    let mut app = app();
    app.update(Action::Toggle);
    let before = app.plan().clone();
    app.update(Action::NextFocus);
    app.update(Action::CycleStatus);
    assert_eq!(*app.plan(), before);
    assert!(!message(&app).is_empty());
}

#[test]
fn edit_grade_on_a_completed_course_sets_the_grade() {
    let mut app = app();
    run(&mut app, &[Action::CycleStatus, Action::CycleStatus]);
    assert_eq!(placement(&app, "BE101").status, Status::Completed);
    app.update(Action::EditGrade);
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Prompt(Prompt {
            kind: PromptKind::Grade,
            input: Field::default()
        }))
    );
    assert_eq!(app.context(), Context::Typing);
    app.update(Action::Input('A'));
    app.update(Action::Input('-'));
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Prompt(Prompt {
            kind: PromptKind::Grade,
            input: "A-".into()
        }))
    );
    app.update(Action::Submit);
    assert_eq!(app.overlay().cloned(), None);
    assert_eq!(placement(&app, "BE101").grade.as_deref(), Some("A-"));
    assert!(message(&app).contains("A-"), "{}", message(&app));
}

#[test]
fn edit_grade_prefills_the_current_grade_and_an_empty_answer_clears_it() {
    let mut app = app();
    run(&mut app, &[Action::CycleStatus, Action::CycleStatus]);
    run(
        &mut app,
        &[Action::EditGrade, Action::Input('B'), Action::Submit],
    );
    app.update(Action::EditGrade);
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Prompt(Prompt {
            kind: PromptKind::Grade,
            input: "B".into()
        }))
    );
    run(&mut app, &[Action::Backspace, Action::Submit]);
    assert_eq!(placement(&app, "BE101").grade, None);
    assert_eq!(placement(&app, "BE101").status, Status::Completed);
}

#[test]
fn edit_grade_through_keys() {
    let mut app = app();
    press_all(&mut app, &[chr('c'), chr('c'), chr('m')]);
    assert_eq!(app.context(), Context::Typing);
    // 'c' and 'm' are plain letters while typing.
    press_all(&mut app, &[shifted('C'), chr('+'), key(KeyCode::Enter)]);
    assert_eq!(placement(&app, "BE101").grade.as_deref(), Some("C+"));
    assert_eq!(app.overlay().cloned(), None);
}

#[test]
fn edit_grade_on_a_planned_course_says_so_and_opens_no_prompt() {
    let mut app = app();
    app.update(Action::EditGrade);
    assert_eq!(app.overlay().cloned(), None);
    assert!(message(&app).contains("completed"), "{}", message(&app));
    app.update(Action::CycleStatus);
    app.update(Action::EditGrade);
    assert_eq!(
        app.overlay().cloned(),
        None,
        "in progress courses have no grade either"
    );
    assert!(!message(&app).is_empty());
}

#[test]
fn cycling_a_completed_course_to_planned_clears_its_grade() {
    let mut app = app();
    run(&mut app, &[Action::CycleStatus, Action::CycleStatus]);
    run(
        &mut app,
        &[Action::EditGrade, Action::Input('A'), Action::Submit],
    );
    assert_eq!(placement(&app, "BE101").grade.as_deref(), Some("A"));
    app.update(Action::CycleStatus);
    let p = placement(&app, "BE101");
    assert_eq!((p.status, p.grade.as_deref()), (Status::Planned, None));
}

#[test]
fn cancelling_the_grade_prompt_changes_nothing() {
    let mut app = app();
    run(&mut app, &[Action::CycleStatus, Action::CycleStatus]);
    let before = app.plan().clone();
    run(
        &mut app,
        &[Action::EditGrade, Action::Input('F'), Action::Cancel],
    );
    assert_eq!(app.overlay().cloned(), None);
    assert_eq!(*app.plan(), before);
}

// ---------------------------------------------------------------------------------------------
// Career paths
// ---------------------------------------------------------------------------------------------

#[test]
fn next_path_cycles_through_the_paths_and_none() {
    let mut app = app();
    assert_eq!(app.cursor().path, None);
    let mut seen = Vec::new();
    for _ in 0..5 {
        app.update(Action::NextPath);
        seen.push(app.cursor().path);
    }
    assert_eq!(seen, [Some(0), Some(1), Some(2), None, Some(0)]);
    assert!(!app.is_dirty(), "highlighting a path is not an edit");
    assert_eq!(app.cursor().focus, Focus::Terms);
}

/// The recommended plan with Semester I completed, graded so that the architect path ranks
/// first and DevOps last: the pane draws A, S, D, not curriculum order.
fn architect_first() -> Plan {
    let mut plan = recommended();
    for p in &mut plan.terms[0].courses {
        p.status = Status::Completed;
        p.grade = Some(
            match p.code.as_str() {
                "BE104" | "BE102" => "A",
                "BE101" => "C",
                _ => "B",
            }
            .into(),
        );
    }
    plan
}

#[test]
fn the_paths_cursor_moves_in_the_order_drawn_and_enter_targets_the_highlighted_path() {
    let mut app = app_on(architect_first());
    let order = degree_planner::model::career::display_order(app.curriculum(), app.plan());
    assert_eq!(order, [2, 0, 1], "architect, senior, DevOps");
    run(&mut app, &[Action::NextFocus, Action::NextFocus]);
    assert_eq!(
        app.cursor().path,
        Some(2),
        "the first path drawn is highlighted first"
    );
    let mut seen = vec![app.cursor().path];
    for _ in 0..3 {
        app.update(Action::Down);
        seen.push(app.cursor().path);
    }
    assert_eq!(seen, [Some(2), Some(0), Some(1), Some(2)]);
    app.update(Action::Up);
    assert_eq!(
        app.cursor().path,
        Some(1),
        "Up from the first drawn wraps to the last drawn"
    );
    app.update(Action::Up);
    assert_eq!(app.cursor().path, Some(0));
    app.update(Action::Toggle);
    assert_eq!(app.plan().target_path.as_deref(), Some("senior-backend"));
    // `p` walks the same order, then none.
    while app.cursor().path.is_some() {
        app.update(Action::NextPath);
    }
    let mut seen = Vec::new();
    for _ in 0..4 {
        app.update(Action::NextPath);
        seen.push(app.cursor().path);
    }
    assert_eq!(seen, [Some(2), Some(0), Some(1), None]);
}

#[test]
fn f_focuses_a_project_course_on_the_focused_path_and_undo_takes_it_back() {
    let mut app = app();
    // Semester II, row 5: BE206 Backend Application Development Project I.
    run(&mut app, &[Action::NextTerm]);
    repeat(&mut app, Action::Down, 5);
    assert_eq!(app.selected_code().as_deref(), Some("BE206"));
    app.update(Action::SetFocus);
    assert_eq!(
        message(&app),
        "Focus a path first (p), then f gives this project that focus"
    );
    assert!(app.plan().focus.is_empty());
    run(&mut app, &[Action::NextPath, Action::NextPath]);
    assert_eq!(app.cursor().path, Some(1));
    press(&mut app, chr('f'));
    assert_eq!(
        app.plan().focus.get("BE206").map(String::as_str),
        Some("devops")
    );
    assert_eq!(
        message(&app),
        "BE206 focuses on DevOps Engineer (u to undo)"
    );
    assert!(app.is_dirty());
    // Again: the focus goes.
    app.update(Action::SetFocus);
    assert!(app.plan().focus.is_empty());
    app.update(Action::Undo);
    assert_eq!(
        app.plan().focus.get("BE206").map(String::as_str),
        Some("devops")
    );
    // A course without a chosen focus takes none.
    app.update(Action::Up);
    assert_eq!(app.selected_code().as_deref(), Some("BE205"));
    app.update(Action::SetFocus);
    assert_eq!(
        message(&app),
        "BE205 has no chosen focus; project courses do"
    );
    assert_eq!(app.plan().focus.len(), 1);
}

#[test]
fn a_reviewer_cannot_change_a_project_focus() {
    let mut app = app();
    app.update(Msg::Review(Some("Dr Grace".into())));
    run(&mut app, &[Action::NextTerm, Action::NextPath]);
    repeat(&mut app, Action::Down, 5);
    app.update(Action::SetFocus);
    assert!(app.plan().focus.is_empty());
    assert!(!app.is_dirty());
}

// ---------------------------------------------------------------------------------------------
// Filter
// ---------------------------------------------------------------------------------------------

#[test]
fn filter_shows_only_matching_courses() {
    let mut app = app();
    app.update(Action::StartFilter);
    assert_eq!(app.overlay().cloned(), Some(Overlay::Filter(Filter)));
    assert_eq!(app.context(), Context::Typing);
    type_text(&mut app, "sql");
    assert_eq!(app.cursor().filter, "sql");
    assert_eq!(app.overlay().cloned(), Some(Overlay::Filter(Filter)));
    // Only "Introduction to NoSQL Databases (MongoDB)", BE203, the third course of term 2.
    assert_eq!(app.visible_rows(0), Vec::<usize>::new());
    assert_eq!(app.visible_rows(1), [2]);
    assert_eq!(app.visible_rows(2), Vec::<usize>::new());
    assert_eq!(app.visible_rows(3), Vec::<usize>::new());
    assert_eq!(selected(&app), None, "nothing is visible in term 1");
    assert_eq!(*app.plan(), recommended(), "typing a filter is not an edit");
}

#[test]
fn filter_matches_code_and_title_case_insensitively() {
    let mut app = app();
    app.update(Action::StartFilter);
    type_text(&mut app, "SQL");
    assert_eq!(
        app.visible_rows(1),
        [2],
        "upper-case needle, mixed-case title"
    );
    app.update(Action::Cancel);

    app.update(Action::StartFilter);
    type_text(&mut app, "be30");
    assert_eq!(app.visible_rows(2), [0, 1, 2, 3, 4], "matches codes");
    assert!(app.visible_rows(0).is_empty());
    assert!(app.visible_rows(1).is_empty());
    app.update(Action::Cancel);

    app.update(Action::StartFilter);
    type_text(&mut app, "DATABASE");
    // BE103 Basic Database Management, BE203 NoSQL Databases, BE303 Advanced Database Management.
    assert_eq!(app.visible_rows(0), [2]);
    assert_eq!(app.visible_rows(1), [2]);
    assert_eq!(app.visible_rows(2), [2]);
    assert!(app.visible_rows(3).is_empty());
}

#[test]
fn filter_applies_to_the_pool() {
    let mut app = app();
    // Unplan BE101 (term 1, row 0) and BE203 (term 2, row 2).
    app.update(Action::Toggle);
    run(&mut app, &[Action::NextTerm, Action::Down, Action::Down]);
    assert_eq!(selected(&app).as_deref(), Some("BE203"));
    app.update(Action::Toggle);
    assert_eq!(pool_codes(&app), ["BE101", "BE203"]);
    app.update(Action::StartFilter);
    type_text(&mut app, "sql");
    assert_eq!(pool_codes(&app), ["BE203"]);
    app.update(Action::Cancel);
    assert_eq!(pool_codes(&app), ["BE101", "BE203"]);
}

#[test]
fn backspace_in_the_filter_deletes_a_character() {
    let mut app = app();
    app.update(Action::StartFilter);
    type_text(&mut app, "sqlx");
    assert!(app.visible_rows(1).is_empty());
    app.update(Action::Backspace);
    assert_eq!(app.cursor().filter, "sql");
    assert_eq!(app.visible_rows(1), [2]);
    repeat(&mut app, Action::Backspace, 5);
    assert_eq!(app.cursor().filter, "");
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Filter(Filter)),
        "backspace on empty keeps typing"
    );
    assert_eq!(app.visible_rows(1).len(), 6);
}

#[test]
fn submit_keeps_the_filter_and_clear_filter_clears_it() {
    let mut app = app();
    app.update(Action::StartFilter);
    type_text(&mut app, "sql");
    app.update(Action::Submit);
    assert_eq!(app.overlay().cloned(), None);
    assert_eq!(app.cursor().filter, "sql");
    assert_eq!(app.visible_rows(1), [2]);
    app.update(Action::ClearFilter);
    assert_eq!(app.cursor().filter, "");
    assert_eq!(app.visible_rows(1).len(), 6);
    assert_eq!(app.overlay().cloned(), None);
}

#[test]
fn esc_in_normal_mode_clears_the_filter() {
    let mut app = app();
    press(&mut app, chr('/'));
    assert_eq!(app.overlay().cloned(), Some(Overlay::Filter(Filter)));
    press_all(
        &mut app,
        &[chr('s'), chr('q'), chr('l'), key(KeyCode::Enter)],
    );
    assert_eq!(
        (app.overlay().cloned(), app.cursor().filter.as_str()),
        (None, "sql")
    );
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.cursor().filter, "");
    assert_eq!(app.overlay().cloned(), None);
}

#[test]
fn cancel_while_typing_the_filter_clears_it() {
    let mut app = app();
    press(&mut app, chr('/'));
    press_all(&mut app, &[chr('s'), chr('q'), chr('l')]);
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.overlay().cloned(), None);
    assert_eq!(app.cursor().filter, "");
    assert_eq!(app.visible_rows(0).len(), 6);
}

#[test]
fn letters_typed_into_the_filter_are_text_not_commands() {
    let mut app = app();
    press(&mut app, chr('/'));
    // q, d, u, s would quit, delete, undo and save in normal mode.
    press_all(
        &mut app,
        &[chr('q'), chr('d'), chr('u'), chr('s'), chr('j')],
    );
    assert_eq!(app.cursor().filter, "qdusj");
    assert!(!app.should_quit());
    assert_eq!(*app.plan(), recommended());
    assert_eq!(app.overlay().cloned(), Some(Overlay::Filter(Filter)));
}

#[test]
fn up_and_down_while_typing_move_within_the_filtered_list() {
    let mut app = app();
    app.update(Action::StartFilter);
    type_text(&mut app, "data");
    // Term 1: BE102 Algorithms and Data Structures, BE103 Basic Database Management.
    assert_eq!(app.visible_rows(0), [1, 2]);
    assert_eq!(selected(&app).as_deref(), Some("BE102"));
    press(&mut app, key(KeyCode::Down));
    assert_eq!(app.cursor().row, 1);
    assert_eq!(selected(&app).as_deref(), Some("BE103"));
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Filter(Filter)),
        "still typing"
    );
    app.update(Action::Down);
    assert_eq!(
        app.cursor().row,
        1,
        "Down clamps at the last visible course"
    );
    press(&mut app, key(KeyCode::Up));
    assert_eq!(selected(&app).as_deref(), Some("BE102"));
    app.update(Action::Up);
    assert_eq!(app.cursor().row, 0);
    assert_eq!(app.cursor().filter, "data");
}

#[test]
fn typing_a_narrower_filter_keeps_the_row_on_a_visible_course() {
    let mut app = app();
    repeat(&mut app, Action::Down, 5);
    app.update(Action::StartFilter);
    type_text(&mut app, "data");
    assert!(app.cursor().row < 2);
    assert!(selected(&app).is_some());
}

#[test]
fn toggle_acts_on_the_highlighted_visible_course() {
    let mut app = app();
    press(&mut app, chr('/'));
    press_all(
        &mut app,
        &[chr('d'), chr('a'), chr('t'), chr('a'), key(KeyCode::Enter)],
    );
    press(&mut app, chr('j'));
    assert_eq!(selected(&app).as_deref(), Some("BE103"));
    press(&mut app, chr(' '));
    assert_eq!(pool_codes(&app), ["BE103"]);
    assert!(codes(&app, 0).contains(&"BE102".to_string()));
    assert!(
        codes(&app, 0).contains(&"BE101".to_string()),
        "row 1 unfiltered is BE102"
    );
    assert_eq!(codes(&app, 0).len(), 5);
}

#[test]
fn move_and_status_act_on_the_highlighted_visible_course() {
    let mut app = app();
    app.update(Action::StartFilter);
    type_text(&mut app, "data");
    run(
        &mut app,
        &[Action::Submit, Action::Down, Action::CycleStatus],
    );
    assert_eq!(placement(&app, "BE103").status, Status::InProgress);
    assert_eq!(placement(&app, "BE102").status, Status::Planned);
    app.update(Action::MoveLater);
    assert_eq!(app.plan().find("BE103").map(|s| s.term), Some(1));
    assert_eq!(app.cursor().term, 1);
    assert_eq!(
        selected(&app).as_deref(),
        Some("BE103"),
        "selection follows under the filter"
    );
    app.update(Action::MoveLater);
    assert_eq!(app.plan().find("BE103").map(|s| s.term), Some(2));
    assert_eq!(selected(&app).as_deref(), Some("BE103"));
}

#[test]
fn toggle_in_the_filtered_pool_places_the_highlighted_visible_course() {
    let mut app = app();
    // Unplan the whole first term.
    repeat(&mut app, Action::Toggle, 6);
    assert_eq!(app.pool().len(), 6);
    app.update(Action::NextTerm);
    app.update(Action::StartFilter);
    type_text(&mut app, "data");
    app.update(Action::Submit);
    app.update(Action::NextFocus);
    assert_eq!(pool_codes(&app), ["BE102", "BE103"]);
    app.update(Action::Down);
    app.update(Action::Toggle);
    assert_eq!(codes(&app, 1).last().map(String::as_str), Some("BE103"));
    assert_eq!(pool_codes(&app), ["BE102"]);
}

#[test]
fn unsafe_characters_typed_into_the_filter_are_dropped() {
    let mut app = app();
    app.update(Action::StartFilter);
    for c in ['s', '\u{1b}', 'q', '\u{202E}', 'l', '\u{200B}'] {
        app.update(Action::Input(c));
    }
    assert_eq!(app.cursor().filter, "sql");
    assert_eq!(app.visible_rows(1), [2]);
}

// ---------------------------------------------------------------------------------------------
// Terms
// ---------------------------------------------------------------------------------------------

#[test]
fn add_term_opens_a_prompt_with_a_fresh_name() {
    let mut app = app();
    app.update(Action::AddTerm);
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Prompt(Prompt {
            kind: PromptKind::AddTerm,
            input: "Summer after Semester I".into()
        }))
    );
    assert_eq!(*app.plan(), recommended(), "nothing is added before Submit");
    app.update(Action::Submit);
    assert_eq!(app.overlay().cloned(), None);
    assert_eq!(
        term_names(&app),
        [
            "Semester I",
            "Summer after Semester I",
            "Semester II",
            "Semester III",
            "Semester IV"
        ]
    );
    assert_eq!(
        (app.cursor().term, app.cursor().row),
        (1, 0),
        "the new term becomes current"
    );
    assert!(app.plan().terms[1].courses.is_empty());
    assert!(app.is_dirty());
}

#[test]
fn add_term_fresh_name_skips_names_in_use() {
    let mut plan = recommended();
    plan.terms[1].name = "Summer after Semester I".into();
    let mut app = app_on(plan);
    app.update(Action::AddTerm);
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Prompt(Prompt {
            kind: PromptKind::AddTerm,
            input: "Term 5".into()
        }))
    );
}

#[test]
fn typing_extends_and_backspace_replaces_the_prefilled_name() {
    let mut app = app();
    app.update(Action::AddTerm);
    type_text(&mut app, "b");
    app.update(Action::Submit);
    assert_eq!(app.plan().terms[1].name, "Summer after Semester Ib");

    app.update(Action::AddTerm);
    repeat(&mut app, Action::Backspace, 60);
    type_text(&mut app, "Summer 2027");
    app.update(Action::Submit);
    assert_eq!(app.plan().terms[2].name, "Summer 2027");
    assert_eq!(app.cursor().term, 2);
    assert_eq!(app.plan().terms.len(), 6);
}

#[test]
fn add_term_inserts_after_the_current_term() {
    let mut app = app();
    repeat(&mut app, Action::NextTerm, 2);
    app.update(Action::Down);
    run(&mut app, &[Action::AddTerm, Action::Submit]);
    assert_eq!(
        term_names(&app),
        [
            "Semester I",
            "Semester II",
            "Semester III",
            "Summer after Semester III",
            "Semester IV"
        ]
    );
    assert_eq!((app.cursor().term, app.cursor().row), (3, 0));

    repeat(&mut app, Action::NextTerm, 5);
    run(&mut app, &[Action::AddTerm, Action::Submit]);
    assert_eq!(
        app.plan().terms.last().map(|t| t.name.as_str()),
        Some("Semester V"),
        "after the last term, the next in its series"
    );
    assert_eq!(app.cursor().term, 5);
}

#[test]
fn add_term_trims_the_name() {
    let mut app = app();
    app.update(Action::AddTerm);
    repeat(&mut app, Action::Backspace, 30);
    type_text(&mut app, "  Fall  ");
    app.update(Action::Submit);
    assert_eq!(app.plan().terms[1].name, "Fall");
}

#[test]
fn add_term_with_an_empty_name_is_refused() {
    for blank in ["", "   "] {
        let mut app = app();
        app.update(Action::AddTerm);
        repeat(&mut app, Action::Backspace, 30);
        type_text(&mut app, blank);
        app.update(Action::Submit);
        assert_eq!(*app.plan(), recommended(), "{blank:?}");
        assert_eq!(app.overlay().cloned(), None);
        assert_eq!(tone(&app), Some(Tone::Error));
        assert!(message(&app).contains("name"), "{}", message(&app));
        assert!(!app.is_dirty());
        assert_eq!(app.cursor().term, 0);
    }
}

#[test]
fn rename_term_renames_the_current_term() {
    let mut app = app();
    app.update(Action::NextTerm);
    app.update(Action::RenameTerm);
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Prompt(Prompt {
            kind: PromptKind::RenameTerm,
            input: "Semester II".into()
        }))
    );
    repeat(&mut app, Action::Backspace, 20);
    type_text(&mut app, "Spring 2027");
    app.update(Action::Submit);
    assert_eq!(
        term_names(&app),
        ["Semester I", "Spring 2027", "Semester III", "Semester IV"]
    );
    assert_eq!(app.cursor().term, 1);
    assert_eq!(codes(&app, 1), codes(&app_on(recommended()), 1));
    assert!(app.is_dirty());
}

#[test]
fn rename_term_to_an_empty_name_is_refused() {
    let mut app = app();
    app.update(Action::RenameTerm);
    repeat(&mut app, Action::Backspace, 20);
    app.update(Action::Submit);
    assert_eq!(*app.plan(), recommended());
    assert_eq!(tone(&app), Some(Tone::Error));
}

// Issue 12 item 14: a term with courses is deleted after a question that unplans them.
#[test]
fn delete_term_with_courses_asks_then_unplans_them() {
    let mut app = app();
    app.update(Action::DeleteTerm);
    let Some(Overlay::Ask(ask)) = app.overlay() else {
        panic!(
            "a term with courses: a question, got {:?}",
            app.overlay().cloned()
        );
    };
    assert_eq!(
        ask.text,
        "Semester I has 6 courses: delete it and unplan them?"
    );
    app.update(Action::Cancel);
    assert_eq!(*app.plan(), recommended());
    assert!(!app.is_dirty());

    // Down to one course: "1 course"; yes deletes it, the course goes to the pool with its
    // status, and undo brings both back.
    repeat(&mut app, Action::NextTerm, 3);
    repeat(&mut app, Action::Toggle, 4);
    app.update(Action::CycleStatus);
    app.update(Action::DeleteTerm);
    let Some(Overlay::Ask(ask)) = app.overlay() else {
        panic!("a question, got {:?}", app.overlay().cloned());
    };
    assert_eq!(
        ask.text,
        "Semester IV has 1 course: delete it and unplan it?"
    );
    app.update(Action::Confirm);
    assert_eq!(app.plan().terms.len(), 3);
    assert_eq!(
        pool_codes(&app),
        ["BE401", "BE402", "BE403", "BE404", "BE405"]
    );
    assert_eq!(
        app.plan().set_aside_as("BE405").map(|p| p.status),
        Some(Status::InProgress)
    );
    app.update(Action::Undo);
    assert_eq!(app.plan().terms.len(), 4);
    assert_eq!(placement(&app, "BE405").status, Status::InProgress);
}

// Issue 12 item 14: two terms cannot share a name.
#[test]
fn a_duplicate_term_name_is_refused_and_the_prompt_stays() {
    let mut app = app();
    app.update(Action::RenameTerm);
    app.update(Action::Edit(
        degree_planner::field::InputRequest::DeleteFromStart,
    ));
    type_text(&mut app, "semester ii ");
    app.update(Action::Submit);
    assert_eq!(tone(&app), Some(Tone::Error));
    assert!(message(&app).contains("already"), "{}", message(&app));
    assert!(
        matches!(app.overlay().cloned(), Some(Overlay::Prompt(Prompt { .. }))),
        "the answer can be corrected"
    );
    assert_eq!(*app.plan(), recommended());
    app.update(Action::Cancel);
    run(&mut app, &[Action::AddTerm]);
    app.update(Action::Edit(
        degree_planner::field::InputRequest::DeleteFromStart,
    ));
    type_text(&mut app, "Semester III");
    app.update(Action::Submit);
    assert_eq!(app.plan().terms.len(), 4);
    // Renaming a term to its own name is no clash.
    run(
        &mut app,
        &[Action::Cancel, Action::RenameTerm, Action::Submit],
    );
    assert_eq!(app.overlay().cloned(), None);
}

// Issue 12 item 17: a whole term's status is one key and a question.
#[test]
fn a_whole_term_is_marked_in_progress_then_completed_with_one_key() {
    let mut app = app();
    app.update(Action::TermStatus);
    let Some(Overlay::Ask(ask)) = app.overlay() else {
        panic!("a question, got {:?}", app.overlay().cloned());
    };
    assert_eq!(ask.text, "Mark all 6 courses of Semester I in progress?");
    app.update(Action::Confirm);
    assert!(
        app.plan().terms[0]
            .courses
            .iter()
            .all(|p| p.status == Status::InProgress)
    );
    run(&mut app, &[Action::TermStatus, Action::Confirm]);
    assert!(
        app.plan().terms[0]
            .courses
            .iter()
            .all(|p| p.status == Status::Completed)
    );
    assert!(
        app.plan().terms[1]
            .courses
            .iter()
            .all(|p| p.status == Status::Planned)
    );
    // One undo per question.
    app.update(Action::Undo);
    assert!(
        app.plan().terms[0]
            .courses
            .iter()
            .all(|p| p.status == Status::InProgress)
    );
    // The key is bound.
    let c = KeyEvent::new(KeyCode::Char('C'), KeyModifiers::SHIFT);
    assert_eq!(
        action::resolve(Context::Normal, &c),
        Some(Action::TermStatus)
    );
}

#[test]
fn delete_term_on_an_empty_term_deletes_it() {
    let mut app = app();
    run(
        &mut app,
        &[Action::NextTerm, Action::AddTerm, Action::Submit],
    );
    assert_eq!(app.cursor().term, 2);
    assert_eq!(app.plan().terms.len(), 5);
    app.update(Action::DeleteTerm);
    assert_eq!(*app.plan(), recommended());
    assert_eq!(app.plan().terms.len(), 4);
    assert!(app.cursor().term < 4);
    assert!(
        message(&app).contains("Summer after Semester II"),
        "{}",
        message(&app)
    );
}

#[test]
fn deleting_the_last_term_moves_the_cursor_to_the_new_last_term() {
    let mut app = app();
    repeat(&mut app, Action::NextTerm, 3);
    run(&mut app, &[Action::AddTerm, Action::Submit]);
    assert_eq!(app.cursor().term, 4);
    app.update(Action::DeleteTerm);
    assert_eq!(app.plan().terms.len(), 4);
    assert_eq!(app.cursor().term, 3);
}

#[test]
fn delete_term_through_keys_after_emptying_it() {
    let mut app = app();
    press_all(&mut app, &[chr('l'), chr('l'), chr('l')]);
    for _ in 0..5 {
        press(&mut app, key(KeyCode::Enter));
    }
    assert!(app.plan().terms[3].courses.is_empty());
    press(&mut app, chr('d'));
    assert_eq!(
        term_names(&app),
        ["Semester I", "Semester II", "Semester III"]
    );
    assert_eq!(app.cursor().term, 2);
    assert_eq!(app.pool().len(), 5);
}

#[test]
fn cancel_in_a_prompt_changes_nothing() {
    let prompts = [Action::AddTerm, Action::RenameTerm, Action::EditStudent];
    for prompt in prompts {
        let mut app = app();
        app.update(prompt);
        assert!(
            matches!(app.overlay().cloned(), Some(Overlay::Prompt(Prompt { .. }))),
            "{prompt:?}"
        );
        type_text(&mut app, "zzz");
        app.update(Action::Cancel);
        assert_eq!(app.overlay().cloned(), None, "{prompt:?}");
        assert_eq!(*app.plan(), recommended(), "{prompt:?}");
        assert!(!app.is_dirty(), "{prompt:?}");
        assert_eq!(app.cursor().term, 0, "{prompt:?}");
        app.update(Action::Undo);
        assert_eq!(message(&app), "Nothing to undo", "{prompt:?}");
    }
}

#[test]
fn esc_key_cancels_a_prompt() {
    let mut app = app();
    press(&mut app, chr('a'));
    press_all(&mut app, &[chr('x'), key(KeyCode::Esc)]);
    assert_eq!(app.overlay().cloned(), None);
    assert_eq!(*app.plan(), recommended());
}

// ---------------------------------------------------------------------------------------------
// Student
// ---------------------------------------------------------------------------------------------

#[test]
fn edit_student_sets_the_name() {
    let mut app = app();
    app.update(Action::EditStudent);
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Prompt(Prompt {
            kind: PromptKind::Student,
            input: "Ada".into()
        }))
    );
    repeat(&mut app, Action::Backspace, 3);
    type_text(&mut app, "Grace Hopper");
    app.update(Action::Submit);
    assert_eq!(app.plan().student, "Grace Hopper");
    assert_eq!(app.overlay().cloned(), None);
    assert!(app.is_dirty());
    assert!(message(&app).contains("Grace Hopper"), "{}", message(&app));
}

#[test]
fn control_characters_typed_into_a_prompt_are_dropped() {
    let mut app = app();
    app.update(Action::EditStudent);
    for c in [
        ' ', 'L', '\u{1b}', '[', '3', '1', 'm', '\u{7}', '\u{202E}', '\u{200B}', '\n', 'x',
    ] {
        app.update(Action::Input(c));
    }
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Prompt(Prompt {
            kind: PromptKind::Student,
            input: "Ada L[31mx".into()
        }))
    );
    app.update(Action::Submit);
    assert_eq!(app.plan().student, "Ada L[31mx");
}

// ---------------------------------------------------------------------------------------------
// Undo / redo
// ---------------------------------------------------------------------------------------------

/// Each edit kind: actions to set up (may themselves edit), then the edit under test.
fn edit_kinds() -> Vec<(&'static str, Vec<Action>, Vec<Action>)> {
    use Action::*;
    vec![
        ("unplan", vec![Down], vec![Toggle]),
        ("place", vec![Toggle, NextTerm, NextFocus], vec![Toggle]),
        ("target path", vec![NextFocus, NextFocus], vec![Toggle]),
        (
            "clear target path",
            vec![NextFocus, NextFocus, Toggle],
            vec![Toggle],
        ),
        ("move later", vec![Down], vec![MoveLater]),
        ("move earlier", vec![NextTerm], vec![MoveEarlier]),
        ("cycle status", vec![], vec![CycleStatus]),
        (
            "grade",
            vec![CycleStatus, CycleStatus],
            vec![EditGrade, Input('A'), Submit],
        ),
        ("add term", vec![], vec![AddTerm, Submit]),
        ("rename term", vec![], vec![RenameTerm, Input('!'), Submit]),
        ("delete term", vec![AddTerm, Submit], vec![DeleteTerm]),
        ("student", vec![], vec![EditStudent, Input('!'), Submit]),
    ]
}

#[test]
fn every_edit_kind_is_undoable_and_redoable() {
    for (name, setup, edit) in edit_kinds() {
        let mut app = app();
        run(&mut app, &setup);
        let before = app.plan().clone();
        run(&mut app, &edit);
        let after = app.plan().clone();
        assert_ne!(after, before, "{name}: the edit changed the plan");
        app.update(Action::Undo);
        assert_eq!(*app.plan(), before, "{name}: undo restores the plan");
        assert!(
            message(&app).starts_with("Undone"),
            "{name}: {}",
            message(&app)
        );
        assert_cursor_in_range(&app);
        app.update(Action::Redo);
        assert_eq!(*app.plan(), after, "{name}: redo reapplies the edit");
        assert!(
            message(&app).starts_with("Redone"),
            "{name}: {}",
            message(&app)
        );
        assert_cursor_in_range(&app);
    }
}

#[test]
fn undo_and_redo_keys() {
    let mut app = app();
    press(&mut app, chr(' '));
    press(&mut app, chr('u'));
    assert_eq!(*app.plan(), recommended());
    press(&mut app, ctrl('r'));
    assert_eq!(pool_codes(&app), ["BE101"]);
}

#[test]
fn ten_mixed_edits_undo_and_redo_exactly() {
    use Action::*;
    let mut app = app();
    let original = app.plan().clone();
    let edits: Vec<Vec<Action>> = vec![
        // 1: unplan BE102.
        vec![Down, Toggle],
        // 2: BE103 in progress.
        vec![CycleStatus],
        // 3: BE103 to Semester II.
        vec![MoveLater],
        // 4: add "Term 5" after Semester II.
        vec![AddTerm, Submit],
        // 5: rename Semester II.
        vec![PrevTerm, RenameTerm, Input('*'), Submit],
        // 6: place BE102 in Semester II.
        vec![NextFocus, Toggle],
        // 7: set the target path.
        vec![NextFocus, Toggle],
        // 8: back to the terms (past the problems and the course), rename the student.
        vec![
            NextFocus,
            NextFocus,
            NextFocus,
            EditStudent,
            Input('!'),
            Submit,
        ],
        // 9: delete the empty "Term 5".
        vec![NextTerm, DeleteTerm],
        // 10 to 12: complete BE301 with a grade.
        vec![CycleStatus, CycleStatus, EditGrade, Input('B'), Submit],
    ];
    let mut states = vec![original.clone()];
    for a in edits.iter().flatten() {
        app.update(*a);
        if *app.plan() != *states.last().unwrap() {
            states.push(app.plan().clone());
        }
    }
    let final_plan = app.plan().clone();
    let n = states.len() - 1;
    assert_eq!(n, 12, "every step above made an edit");
    assert_eq!(app.plan().terms.len(), 4);
    assert_eq!(app.plan().student, "Ada!");
    assert_eq!(app.plan().target_path.as_deref(), Some("senior-backend"));
    assert_eq!(app.plan().terms[1].name, "Semester II*");
    assert_eq!(placement(&app, "BE102").status, Status::Planned);
    assert_eq!(app.plan().find("BE103").map(|s| s.term), Some(1));
    assert_eq!(placement(&app, "BE301").grade.as_deref(), Some("B"));

    for i in (0..n).rev() {
        app.update(Undo);
        assert_eq!(*app.plan(), states[i], "undo step back to state {i}");
        assert_cursor_in_range(&app);
    }
    assert_eq!(*app.plan(), original);
    assert!(!app.is_dirty());
    app.update(Undo);
    assert_eq!(message(&app), "Nothing to undo");
    assert_eq!(*app.plan(), original);

    for (i, state) in states.iter().enumerate().skip(1) {
        app.update(Redo);
        assert_eq!(*app.plan(), *state, "redo step to state {i}");
        assert_cursor_in_range(&app);
    }
    assert_eq!(*app.plan(), final_plan);
    app.update(Redo);
    assert_eq!(message(&app), "Nothing to redo");
    assert_eq!(*app.plan(), final_plan);
}

#[test]
fn a_new_edit_after_undo_clears_the_redo_stack() {
    let mut app = app();
    run(&mut app, &[Action::Toggle, Action::Toggle]);
    run(&mut app, &[Action::Undo]);
    assert_eq!(pool_codes(&app), ["BE101"]);
    app.update(Action::CycleStatus);
    let after = app.plan().clone();
    app.update(Action::Redo);
    assert_eq!(message(&app), "Nothing to redo");
    assert_eq!(*app.plan(), after);
    app.update(Action::Undo);
    app.update(Action::Undo);
    assert_eq!(*app.plan(), recommended());
}

#[test]
fn undo_with_nothing_to_undo_says_so() {
    let mut app = app();
    app.update(Action::Undo);
    assert_eq!(message(&app), "Nothing to undo");
    assert_eq!(*app.plan(), recommended());
    app.update(Action::Redo);
    assert_eq!(message(&app), "Nothing to redo");
}

#[test]
fn an_edit_that_changes_nothing_leaves_no_history() {
    let mut app = app();
    run(&mut app, &[Action::DeleteTerm, Action::Cancel]); // asked, and answered no
    app.update(Action::MoveEarlier); // refused: first term
    run(&mut app, &[Action::RenameTerm, Action::Submit]); // same name
    run(&mut app, &[Action::EditStudent, Action::Submit]); // same name
    assert_eq!(*app.plan(), recommended());
    app.update(Action::Undo);
    assert_eq!(message(&app), "Nothing to undo");
}

#[test]
fn a_no_op_edit_does_not_clear_the_redo_stack() {
    let mut app = app();
    app.update(Action::Toggle);
    app.update(Action::Undo);
    run(&mut app, &[Action::DeleteTerm, Action::Cancel]);
    app.update(Action::Redo);
    assert_eq!(pool_codes(&app), ["BE101"]);
}

// ---------------------------------------------------------------------------------------------
// Dirty state, saving and quitting
// ---------------------------------------------------------------------------------------------

fn save_error() -> FileError {
    FileError {
        file: "test-plan.ron".into(),
        problems: vec![Located {
            position: None,
            message: "cannot save (writing): disk full".into(),
        }],
    }
}

#[test]
fn a_clean_app_quits_at_once() {
    let mut app = app();
    assert!(!app.is_dirty());
    let effect = app.update(Action::Quit);
    assert_eq!(effect, None);
    assert!(app.should_quit());
    assert_eq!(app.overlay().cloned(), None);
}

#[test]
fn q_and_ctrl_c_quit_a_clean_app() {
    let mut app = app();
    press(&mut app, chr('q'));
    assert!(app.should_quit());
    let mut app = self::app();
    press(&mut app, ctrl('c'));
    assert!(app.should_quit());
}

#[test]
fn quit_with_unsaved_changes_asks_first() {
    let mut app = app();
    app.update(Action::Toggle);
    assert!(app.is_dirty());
    app.update(Action::Quit);
    assert_eq!(app.overlay().cloned(), Some(Overlay::Unsaved(Leave::Quit)));
    assert_eq!(app.context(), Context::ConfirmQuit);
    assert!(!app.should_quit());

    app.update(Action::Cancel);
    assert_eq!(app.overlay().cloned(), None);
    assert!(!app.should_quit());
    assert!(app.is_dirty());

    app.update(Action::Quit);
    assert_eq!(app.overlay().cloned(), Some(Overlay::Unsaved(Leave::Quit)));
    let effect = app.update(Action::Discard);
    assert_eq!(effect, None);
    assert!(app.should_quit());
}

#[test]
fn other_keys_in_the_quit_dialog_do_nothing() {
    let mut app = app();
    run(&mut app, &[Action::Toggle, Action::Quit]);
    let plan = app.plan().clone();
    for a in [
        Action::Toggle,
        Action::Undo,
        Action::Down,
        Action::Input('x'),
    ] {
        assert_eq!(app.update(a), None);
        assert_eq!(
            app.overlay().cloned(),
            Some(Overlay::Unsaved(Leave::Quit)),
            "{a:?}"
        );
    }
    assert_eq!(*app.plan(), plan);
    assert!(!app.should_quit());
}

#[test]
fn save_and_quit_saves_then_quits() {
    let mut app = app();
    app.update(Action::Toggle);
    app.update(Action::Quit);
    let effect = app.update(Action::SaveAndQuit);
    assert!(is_save(&effect));
    assert!(!app.should_quit(), "not before the save is done");
    app.update(Msg::Saved(Ok(())));
    assert!(app.should_quit());
    assert!(!app.is_dirty());
    assert!(app.on_disk());
    assert_eq!(tone(&app), Some(Tone::Info));
    assert!(message(&app).contains("test-plan.ron"), "{}", message(&app));
}

#[test]
fn quit_dialog_keys() {
    let mut app = app();
    press(&mut app, chr(' '));
    press(&mut app, chr('q'));
    assert_eq!(app.overlay().cloned(), Some(Overlay::Unsaved(Leave::Quit)));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.overlay().cloned(), None);
    press(&mut app, chr('q'));
    assert!(is_save(&press(&mut app, chr('y'))));
    app.update(Msg::Saved(Ok(())));
    assert!(app.should_quit());

    let mut app = self::app();
    press_all(&mut app, &[chr(' '), chr('q'), chr('n')]);
    assert!(app.should_quit());
    assert!(app.is_dirty());
}

#[test]
fn a_failed_save_keeps_the_app_running_and_dirty() {
    let mut app = app();
    app.update(Action::Toggle);
    app.update(Action::Quit);
    assert!(is_save(&app.update(Action::SaveAndQuit)));
    app.update(Msg::Saved(Err(save_error())));
    assert!(!app.should_quit());
    assert!(app.is_dirty());
    assert!(!app.on_disk());
    assert_eq!(app.overlay().cloned(), None);
    assert_eq!(tone(&app), Some(Tone::Error));
    let text = message(&app);
    assert!(text.contains("disk full"), "{text}");
    assert!(text.contains("test-plan.ron"), "{text}");

    // A later plain save that succeeds does not quit: the failed save-and-quit is forgotten.
    assert!(is_save(&app.update(Action::Save)));
    app.update(Msg::Saved(Ok(())));
    assert!(!app.should_quit());
    assert!(!app.is_dirty());
}

#[test]
fn save_returns_the_save_effect() {
    let mut app = app();
    assert!(is_save(&app.update(Action::Save)));
    app.update(Action::Toggle);
    assert!(is_save(&press(&mut app, chr('s'))));
    assert!(app.is_dirty(), "dirty until the save is reported");
    assert!(!app.should_quit());
    app.update(Msg::Saved(Ok(())));
    assert!(!app.is_dirty());
    assert!(!app.should_quit(), "a plain save does not quit");
    assert!(message(&app).starts_with("Saved"), "{}", message(&app));
    app.update(Action::Quit);
    assert!(app.should_quit(), "saved: quits at once");
}

#[test]
fn only_save_actions_return_an_effect() {
    for a in ALL_ACTIONS {
        let mut app = app();
        let effect = app.update(a);
        assert_eq!(effect.is_some(), a == Action::Save, "{a:?}");
        assert_eq!(is_save(&effect), a == Action::Save, "{a:?}");
    }
}

#[test]
fn undoing_back_to_the_saved_state_is_not_dirty() {
    let mut app = app();
    app.update(Action::Toggle);
    assert!(app.is_dirty());
    app.update(Action::Undo);
    assert!(!app.is_dirty());
    app.update(Action::Redo);
    assert!(app.is_dirty());

    // Saved after one edit: undoing a later edit returns to clean, undoing further is dirty.
    app.update(Action::Save);
    app.update(Msg::Saved(Ok(())));
    // Redo left the cursor on BE101 in the pool: back to the terms.
    run(&mut app, &[Action::PrevFocus]);
    app.update(Action::CycleStatus);
    assert!(app.is_dirty());
    app.update(Action::Undo);
    assert!(!app.is_dirty());
    app.update(Action::Undo);
    assert!(
        app.is_dirty(),
        "the original plan differs from the saved one"
    );
    assert_eq!(*app.plan(), recommended());
}

#[test]
fn ctrl_c_while_typing_quits_through_the_dialog_when_dirty() {
    let mut app = app();
    app.update(Action::Toggle);
    press(&mut app, chr('/'));
    press(&mut app, ctrl('c'));
    assert_eq!(app.overlay().cloned(), Some(Overlay::Unsaved(Leave::Quit)));
    assert!(!app.should_quit());

    let mut app = self::app();
    press(&mut app, chr('N'));
    press(&mut app, ctrl('c'));
    assert!(app.should_quit(), "clean: quits from a prompt at once");
    assert_eq!(app.plan().student, "Ada");
}

// ---------------------------------------------------------------------------------------------
// Help
// ---------------------------------------------------------------------------------------------

#[test]
fn a_command_over_help_closes_it_and_then_acts_as_it_would_have() {
    // The help is no trap: a command closes it and does what it does on the plan's screen.
    for a in ALL_ACTIONS {
        let (mut over_help, mut plain) = (app(), app());
        over_help.update(Action::Help);
        assert!(in_help(&over_help, false));
        assert_eq!(over_help.context(), Context::Help);
        let effect = over_help.update(a);
        if matches!(a, Action::Up | Action::Down) {
            assert!(in_help(&over_help, false), "{a:?} scrolls help");
            continue;
        }
        if a == Action::StartFilter {
            assert!(in_help(&over_help, true), "/ searches the help");
            continue;
        }
        if matches!(a, Action::Help | Action::Cancel) {
            // The help's own closing keys only close it.
            assert_eq!(over_help.overlay().cloned(), None, "{a:?}");
            assert_eq!(*over_help.plan(), recommended(), "{a:?}");
            assert_eq!(effect, None, "{a:?}");
            continue;
        }
        let expected = plain.update(a);
        assert_eq!(effect, expected, "{a:?}");
        assert_eq!(over_help.overlay(), plain.overlay(), "{a:?}");
        assert_eq!(over_help.plan(), plain.plan(), "{a:?}");
        assert_eq!(over_help.should_quit(), plain.should_quit(), "{a:?}");
        assert_eq!(
            (
                over_help.cursor().term,
                over_help.cursor().row,
                over_help.cursor().focus
            ),
            (
                plain.cursor().term,
                plain.cursor().row,
                plain.cursor().focus
            ),
            "{a:?}"
        );
    }
}

#[test]
fn up_and_down_scroll_help_and_opening_it_starts_at_the_top() {
    let mut app = app();
    app.update(Action::Help);
    assert_eq!(help(&app).scroll, 0);
    app.update(Action::Up);
    assert_eq!(help(&app).scroll, 0, "cannot scroll above the top");
    repeat(&mut app, Action::Down, 3);
    assert_eq!(help(&app).scroll, 3);
    app.update(Action::Up);
    assert_eq!(help(&app).scroll, 2);
    repeat(&mut app, Action::Down, 10_000);
    assert!(help(&app).scroll < 1_000, "scrolling is bounded");
    assert_eq!(
        app.cursor().row,
        0,
        "scrolling help does not move the course cursor"
    );
    app.update(Action::Help);
    assert_eq!(app.overlay().cloned(), None);
    app.update(Action::Help);
    assert_eq!(help(&app).scroll, 0, "help reopens at the top");
}

#[test]
fn closing_keys_only_close_help_and_command_keys_close_it_and_act() {
    for event in [chr('?'), chr('q'), key(KeyCode::Esc), chr('x')] {
        let mut app = app();
        press(&mut app, shifted('?'));
        assert!(in_help(&app, false));
        assert_eq!(press(&mut app, event), None, "{event:?}");
        assert_eq!(app.overlay().cloned(), None, "{event:?}");
        assert!(!app.should_quit(), "{event:?}");
        assert_eq!(*app.plan(), recommended(), "{event:?}");
    }
    // s saves, Enter unplans the highlighted course, Ctrl-c quits: the help closes first.
    let mut app = app();
    press(&mut app, shifted('?'));
    assert!(is_save(&press(&mut app, chr('s'))));
    assert_eq!(app.overlay().cloned(), None);
    press(&mut app, shifted('?'));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.overlay().cloned(), None);
    assert!(app.plan().find("BE101").is_none(), "Enter unplanned BE101");
    press(&mut app, shifted('?'));
    press(&mut app, ctrl('c'));
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Unsaved(Leave::Quit)),
        "Ctrl-c asks to save, then quits"
    );
    for event in [chr('j'), key(KeyCode::Down), chr('k'), key(KeyCode::Up)] {
        let mut app = self::app();
        press(&mut app, chr('?'));
        press(&mut app, event);
        assert!(in_help(&app, false), "{event:?} scrolls");
        assert_eq!(app.cursor().row, 0, "{event:?}");
    }
}

#[test]
fn help_scrolls_by_pages_and_to_either_end() {
    let mut app = app();
    press(&mut app, chr('?'));
    press(&mut app, key(KeyCode::PageDown));
    assert_eq!(help(&app).scroll, 10);
    press(&mut app, key(KeyCode::PageUp));
    assert_eq!(help(&app).scroll, 0);
    press(&mut app, shifted('G'));
    let bottom = help(&app).scroll;
    assert!(bottom > 10, "G goes to the bottom, at {bottom}");
    press(&mut app, key(KeyCode::PageDown));
    assert_eq!(help(&app).scroll, bottom, "nothing below the bottom");
    press(&mut app, chr('g'));
    assert_eq!(help(&app).scroll, 0);
    press(&mut app, key(KeyCode::End));
    press(&mut app, key(KeyCode::Home));
    assert_eq!(help(&app).scroll, 0);
    assert!(in_help(&app, false));
    assert_eq!(app.cursor().row, 0, "help's keys move no course");
}

#[test]
fn help_search_is_typed_after_slash_and_kept_or_cleared() {
    let mut app = app();
    press_all(&mut app, &[chr('?'), chr('/')]);
    assert!(in_help(&app, true));
    assert_eq!(app.context(), Context::Typing);
    // Letters are text here, not commands: s does not save.
    for c in "save".chars() {
        assert_eq!(press(&mut app, chr(c)), None);
    }
    assert_eq!(help(&app).search, "save");
    press(&mut app, key(KeyCode::Backspace));
    assert_eq!(help(&app).search, "sav");
    press(&mut app, key(KeyCode::Enter));
    assert!(
        in_help(&app, false),
        "Enter keeps the search and goes back to the keys"
    );
    assert_eq!(help(&app).search, "sav");
    press_all(&mut app, &[chr('/'), key(KeyCode::Esc)]);
    assert_eq!(
        (in_help(&app, false), help(&app).search.as_str()),
        (true, "")
    );
    press_all(
        &mut app,
        &[chr('/'), chr('x'), key(KeyCode::Enter), chr('?')],
    );
    assert_eq!(app.overlay().cloned(), None);
    press(&mut app, chr('?'));
    assert_eq!(help(&app).search, "", "help reopens without the old search");
}

// ---------------------------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------------------------

#[test]
fn every_keymap_binding_resolves_to_its_action() {
    let mut checked = 0;
    for binding in KEYMAP {
        assert!(!binding.keys.is_empty(), "{:?} has no keys", binding.action);
        for k in binding.keys.iter() {
            let event = KeyEvent::new(k.code, k.modifiers);
            assert_eq!(
                action::resolve(binding.context, &event),
                Some(binding.action),
                "{:?} {} in {:?}",
                binding.action,
                k.label(),
                binding.context
            );
            checked += 1;
        }
    }
    assert!(checked >= 45, "checked {checked} keys");
}

#[test]
fn keys_as_terminals_send_them() {
    use Context::{ConfirmQuit, Help, Normal, Typing};
    let table = [
        (Normal, key(KeyCode::Up), Action::Up),
        (Normal, chr('k'), Action::Up),
        (Normal, chr('j'), Action::Down),
        (Normal, key(KeyCode::Left), Action::PrevTerm),
        (Normal, key(KeyCode::Right), Action::NextTerm),
        (Normal, key(KeyCode::Tab), Action::NextFocus),
        (
            Normal,
            KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
            Action::PrevFocus,
        ),
        (Normal, key(KeyCode::Enter), Action::Toggle),
        (Normal, chr(' '), Action::Toggle),
        (Normal, shifted('<'), Action::MoveEarlier),
        (Normal, shifted('>'), Action::MoveLater),
        (Normal, chr('c'), Action::CycleStatus),
        (Normal, chr('m'), Action::EditGrade),
        (Normal, chr('p'), Action::NextPath),
        (Normal, chr('/'), Action::StartFilter),
        (Normal, key(KeyCode::Esc), Action::ClearFilter),
        (Normal, shifted('N'), Action::EditStudent),
        (Normal, ctrl('r'), Action::Redo),
        (
            Normal,
            KeyEvent::new(
                KeyCode::Char('R'),
                KeyModifiers::CONTROL | KeyModifiers::SHIFT,
            ),
            Action::Redo,
        ),
        (Normal, chr('r'), Action::RenameTerm),
        (Normal, shifted('?'), Action::Help),
        (Normal, ctrl('c'), Action::Quit),
        (Typing, key(KeyCode::Enter), Action::Submit),
        (Typing, key(KeyCode::Esc), Action::Cancel),
        (Typing, key(KeyCode::Backspace), Action::Backspace),
        (Typing, ctrl('c'), Action::Quit),
        (Help, chr('q'), Action::Help),
        (Help, chr('j'), Action::Down),
        (Help, key(KeyCode::Up), Action::Up),
        (Help, key(KeyCode::PageDown), Action::PageDown),
        (Help, shifted('G'), Action::Last),
        (Help, chr('/'), Action::StartFilter),
        (ConfirmQuit, chr('y'), Action::SaveAndQuit),
        (ConfirmQuit, chr('n'), Action::Discard),
        (ConfirmQuit, key(KeyCode::Esc), Action::Cancel),
    ];
    for (context, event, expected) in table {
        assert_eq!(
            action::resolve(context, &event),
            Some(expected),
            "{event:?} in {context:?}"
        );
    }
}

#[test]
fn unbound_keys_resolve_to_nothing() {
    let table = [
        (Context::Normal, chr('z')),
        (
            Context::Normal,
            KeyEvent::new(KeyCode::Char('s'), KeyModifiers::ALT),
        ),
        (Context::Normal, ctrl('x')),
        (Context::Normal, chr('J')),
        (Context::ConfirmQuit, chr('q')),
        (Context::ConfirmQuit, key(KeyCode::Enter)),
        (
            Context::Typing,
            KeyEvent::new(KeyCode::Char('x'), KeyModifiers::ALT),
        ),
        (Context::Typing, ctrl('x')),
    ];
    for (context, event) in table {
        assert_eq!(
            action::resolve(context, &event),
            None,
            "{event:?} in {context:?}"
        );
    }
}

#[test]
fn typing_turns_plain_characters_into_input() {
    for c in [
        'a', 'q', 's', 'u', 'j', 'k', 'd', '?', '/', ' ', '-', '1', 'é', 'ß',
    ] {
        assert_eq!(
            action::resolve(Context::Typing, &chr(c)),
            Some(Action::Input(c)),
            "{c:?}"
        );
    }
    let shifted = shifted('A');
    assert_eq!(
        action::resolve(Context::Typing, &shifted),
        Some(Action::Input('A'))
    );
    assert_eq!(
        action::resolve(Context::Typing, &ctrl('c')),
        Some(Action::Quit)
    );
}

#[test]
fn the_app_context_follows_the_mode() {
    let mut app = app();
    assert_eq!(app.context(), Context::Normal);
    app.update(Action::StartFilter);
    assert_eq!(app.context(), Context::Typing);
    app.update(Action::Cancel);
    app.update(Action::AddTerm);
    assert_eq!(app.context(), Context::Typing);
    app.update(Action::Cancel);
    app.update(Action::Help);
    assert_eq!(app.context(), Context::Help);
    app.update(Action::Help);
    app.update(Action::Toggle);
    app.update(Action::Quit);
    assert_eq!(app.context(), Context::ConfirmQuit);
}

#[test]
fn a_whole_session_through_keys() {
    let mut app = app();
    // Rename the student, move BE102 two terms later, complete it with a grade.
    press(&mut app, shifted('N'));
    for _ in 0..3 {
        press(&mut app, key(KeyCode::Backspace));
    }
    for c in "Lin".chars() {
        press(&mut app, chr(c));
    }
    press(&mut app, key(KeyCode::Enter));
    press_all(&mut app, &[key(KeyCode::Down), chr('>'), chr('>')]);
    press_all(
        &mut app,
        &[chr('c'), chr('c'), chr('m'), chr('A'), key(KeyCode::Enter)],
    );
    assert_eq!(app.plan().student, "Lin");
    assert_eq!(app.plan().find("BE102").map(|s| s.term), Some(2));
    let p = placement(&app, "BE102");
    assert_eq!(
        (p.status, p.grade.as_deref()),
        (Status::Completed, Some("A"))
    );
    // Quit: asked to save; save and quit.
    press(&mut app, chr('q'));
    assert!(is_save(&press(&mut app, chr('s'))));
    app.update(Msg::Saved(Ok(())));
    assert!(app.should_quit());
    assert!(!app.is_dirty());
}

// ---------------------------------------------------------------------------------------------
// Robustness
// ---------------------------------------------------------------------------------------------

fn no_terms() -> Plan {
    let mut plan = recommended();
    plan.terms = vec![];
    plan
}

#[test]
fn an_app_with_no_terms_handles_every_action() {
    // Every action from a fresh app, in every focus and mode reachable with one action.
    for first in ALL_ACTIONS {
        for a in ALL_ACTIONS {
            let mut app = app_on(no_terms());
            app.update(first);
            app.update(a);
            assert_cursor_in_range(&app);
        }
    }
    // And all of them in a row, three times over.
    let mut app = app_on(no_terms());
    for _ in 0..3 {
        for a in ALL_ACTIONS {
            app.update(a);
            assert_cursor_in_range(&app);
        }
    }
}

#[test]
fn an_app_with_no_terms_refuses_placing_and_can_add_a_first_term() {
    let mut app = app_on(no_terms());
    assert_eq!(app.pool().len(), 22);
    assert_eq!(selected(&app), None);
    run(
        &mut app,
        &[Action::MoveLater, Action::CycleStatus, Action::DeleteTerm],
    );
    assert_eq!(*app.plan(), no_terms());
    app.update(Action::RenameTerm);
    assert_eq!(app.overlay().cloned(), None);
    assert_eq!(tone(&app), Some(Tone::Error));

    app.update(Action::NextFocus);
    app.update(Action::Toggle);
    assert_eq!(*app.plan(), no_terms(), "no term to place it in");
    assert_eq!(tone(&app), Some(Tone::Error));

    app.update(Action::AddTerm);
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Prompt(Prompt {
            kind: PromptKind::AddTerm,
            input: "Term 1".into()
        }))
    );
    app.update(Action::Submit);
    assert_eq!(term_names(&app), ["Term 1"]);
    assert_eq!(app.cursor().term, 0);
    app.update(Action::Toggle);
    assert_eq!(codes(&app, 0), ["BE101"]);
    assert_eq!(app.pool().len(), 21);
}

fn odd_plan() -> Plan {
    let mut plan = recommended();
    plan.terms[0].courses.insert(0, Placement::planned("XX999"));
    plan.terms[0].courses.push(Placement::planned("BE101"));
    plan.terms[1].courses.push(Placement {
        code: "BE101".into(),
        status: Status::Completed,
        grade: Some("A".into()),
        credits: None,
        pinned: false,
    });
    plan
}

#[test]
fn unknown_and_duplicated_courses_do_not_break_editing() {
    let mut app = app_on(odd_plan());
    assert_eq!(selected(&app).as_deref(), Some("XX999"));
    assert!(app.pool().is_empty());
    // Cycle, grade and move the unknown course.
    run(&mut app, &[Action::CycleStatus, Action::CycleStatus]);
    run(
        &mut app,
        &[Action::EditGrade, Action::Input('C'), Action::Submit],
    );
    assert_eq!(placement(&app, "XX999").grade.as_deref(), Some("C"));
    run(
        &mut app,
        &[Action::MoveLater, Action::MoveLater, Action::MoveEarlier],
    );
    assert_eq!(app.plan().find("XX999").map(|s| s.term), Some(1));
    assert_eq!(selected(&app).as_deref(), Some("XX999"));
    // Unplanning it removes it from the plan; it is not a curriculum course, so not in the pool.
    run(&mut app, &[Action::Toggle, Action::Confirm]);
    assert!(app.plan().find("XX999").is_none());
    assert!(app.pool().is_empty());

    // The duplicated BE101: unplanning one copy leaves the other placed.
    app.update(Action::PrevTerm);
    repeat(&mut app, Action::Down, 10);
    assert_eq!(selected(&app).as_deref(), Some("BE101"));
    run(
        &mut app,
        &[
            Action::CycleStatus,
            Action::MoveLater,
            Action::Toggle,
            Action::Confirm,
        ],
    );
    assert!(app.plan().find("BE101").is_some());
    assert!(app.pool().is_empty());
    // Filtering for the unknown code matches on the code alone.
    app.update(Action::Undo);
    app.update(Action::Undo);
    app.update(Action::Undo);
    app.update(Action::Undo);
    app.update(Action::StartFilter);
    type_text(&mut app, "xx9");
    app.update(Action::Submit);
    assert_cursor_in_range(&app);
    let total: usize = (0..app.plan().terms.len())
        .map(|t| app.visible_rows(t).len())
        .sum();
    assert_eq!(total, 1);
    undo_all(&mut app);
    assert_eq!(*app.plan(), odd_plan());
}

#[test]
fn every_action_on_unknown_and_duplicated_courses_is_safe() {
    for (term, rows) in [(0, 8), (1, 7)] {
        for row in 0..rows {
            for a in ALL_ACTIONS {
                let mut app = app_on(odd_plan());
                repeat(&mut app, Action::NextTerm, term);
                repeat(&mut app, Action::Down, row);
                app.update(a);
                app.update(a);
                assert_cursor_in_range(&app);
                app.update(Action::Cancel);
                undo_all(&mut app);
                assert_eq!(*app.plan(), odd_plan(), "{a:?} at {term}/{row}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Property: random action sequences
// ---------------------------------------------------------------------------------------------

fn any_action() -> impl Strategy<Value = Action> {
    let fixed: Vec<Action> = ALL_ACTIONS
        .iter()
        .copied()
        .filter(|a| !matches!(a, Action::Input(_)))
        .collect();
    prop_oneof![
        6 => proptest::sample::select(fixed),
        2 => proptest::sample::select(vec!['s', 'q', 'l', 'b', 'e', '2', ' ', 'A', '-', 'x']).prop_map(Action::Input),
        1 => any::<char>().prop_map(Action::Input),
    ]
}

fn any_plan() -> impl Strategy<Value = Plan> {
    prop_oneof![
        4 => Just(recommended()),
        1 => Just(no_terms()),
        1 => Just(odd_plan()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_actions_keep_the_app_consistent_and_undo_restores_the_plan(
        plan in any_plan(),
        actions in proptest::collection::vec(any_action(), 0..60),
    ) {
        let original = plan.clone();
        let mut app = app_on(plan);
        for a in &actions {
            let effect = app.update(*a);
            prop_assert!(effect.is_none() || is_save(&effect));
            let terms = app.plan().terms.len();
            if terms > 0 {
                prop_assert!(app.cursor().term < terms, "term {} of {} after {:?}", app.cursor().term, terms, a);
            }
            let rows = app.visible_rows(app.cursor().term).len();
            prop_assert!(app.cursor().row < rows.max(1), "row {} of {} after {:?}", app.cursor().row, rows, a);
            let pool = app.pool().len();
            prop_assert!(app.cursor().pool_row < pool.max(1), "pool row {} of {} after {:?}", app.cursor().pool_row, pool, a);
            if let Some(p) = app.cursor().path {
                prop_assert!(p < app.curriculum().paths.len());
            }
        }
        // Esc leaves one level at a time: a search inside the help, then the help.
        for _ in 0..2 {
            if app.overlay().is_some() {
                app.update(Action::Cancel);
            }
        }
        prop_assert_eq!(app.overlay(), None);
        let mut undos = 0;
        loop {
            app.update(Action::Undo);
            if message(&app) == "Nothing to undo" {
                break;
            }
            undos += 1;
            prop_assert!(undos <= actions.len(), "more undos than actions");
        }
        prop_assert_eq!(app.plan(), &original);
    }
}

#[test]
fn changing_the_filter_keeps_the_highlighted_course() {
    let mut app = app();
    // Highlight BE103 Basic Database Management, then filter for "data": it stays highlighted.
    run(&mut app, &[Action::Down, Action::Down]);
    assert_eq!(app.selected_code().as_deref(), Some("BE103"));
    run(
        &mut app,
        &[Action::StartFilter, Action::Input('d'), Action::Input('a')],
    );
    assert_eq!(app.selected_code().as_deref(), Some("BE103"));
    // Clearing the filter keeps it too, though its row number changes back.
    run(&mut app, &[Action::Submit, Action::ClearFilter]);
    assert_eq!(app.selected_code().as_deref(), Some("BE103"));
    assert_eq!(app.cursor().row, 2);
}

// ---------------------------------------------------------------------------------------------
// Issue 12 item 9: prompts edit where the cursor is
// ---------------------------------------------------------------------------------------------

fn prompt_text(app: &App) -> (String, usize) {
    match app.overlay() {
        Some(Overlay::Prompt(Prompt { input, .. })) => (input.value().to_string(), input.cursor()),
        other => panic!("no prompt: {other:?}"),
    }
}

fn key_action(context: Context, code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
    action::resolve(context, &KeyEvent::new(code, modifiers))
}

#[test]
fn prompt_keys_move_the_cursor_and_delete_around_it() {
    use degree_planner::field::InputRequest as R;
    let none = KeyModifiers::NONE;
    let ctrl = KeyModifiers::CONTROL;
    let table = [
        (KeyCode::Left, none, R::GoToPrevChar),
        (KeyCode::Right, none, R::GoToNextChar),
        (KeyCode::Home, none, R::GoToStart),
        (KeyCode::End, none, R::GoToEnd),
        (KeyCode::Char('a'), ctrl, R::GoToStart),
        (KeyCode::Char('e'), ctrl, R::GoToEnd),
        (KeyCode::Char('u'), ctrl, R::DeleteFromStart),
        (KeyCode::Char('w'), ctrl, R::DeletePrevWord),
        (KeyCode::Delete, none, R::DeleteNextChar),
        (KeyCode::Left, ctrl, R::GoToPrevWord),
    ];
    for (code, mods, request) in table {
        assert_eq!(
            key_action(Context::Typing, code, mods),
            Some(Action::Edit(request)),
            "{code:?} {mods:?}"
        );
    }

    let mut app = app();
    app.update(Action::EditStudent);
    assert_eq!(
        prompt_text(&app),
        ("Ada".into(), 3),
        "prefilled, cursor at the end"
    );
    // Home, then typing inserts at the start rather than appending.
    app.update(Action::Edit(R::GoToStart));
    type_text(&mut app, "Countess ");
    assert_eq!(prompt_text(&app), ("Countess Ada".into(), 9));
    app.update(Action::Edit(R::GoToEnd));
    type_text(&mut app, " Lovelace");
    app.update(Action::Edit(R::DeletePrevWord));
    assert_eq!(prompt_text(&app).0, "Countess Ada ");
    app.update(Action::Edit(R::GoToStart));
    app.update(Action::Edit(R::DeleteNextChar));
    app.update(Action::Edit(R::GoToNextChar));
    app.update(Action::Backspace);
    assert_eq!(prompt_text(&app), ("untess Ada ".into(), 0));
    app.update(Action::Edit(R::GoToEnd));
    app.update(Action::Edit(R::DeleteFromStart));
    type_text(&mut app, "Ada Byron");
    app.update(Action::Submit);
    assert_eq!(app.plan().student, "Ada Byron");
}

#[test]
fn a_paste_is_text_in_a_prompt_and_nothing_elsewhere() {
    let typed = action::paste(Context::Typing, "Ada\r\nLovelace\tq");
    let text: String = typed
        .iter()
        .map(|a| match a {
            Action::Input(c) => *c,
            other => panic!("a paste is only text: {other:?}"),
        })
        .collect();
    assert_eq!(text, "Ada Lovelace q");
    assert_eq!(action::paste(Context::Normal, "q\n"), []);
    assert_eq!(action::paste(Context::ConfirmQuit, "n"), []);
    assert_eq!(action::paste(Context::Confirm, "y"), []);
}

#[test]
fn a_long_prompt_scrolls_to_keep_the_cursor_in_view() {
    use degree_planner::field::InputRequest as R;
    let theme = degree_planner::theme::Theme::mono();
    let mut app = app();
    app.update(Action::EditStudent);
    app.update(Action::Edit(R::DeleteFromStart));
    let long: String = (0..40).map(|i| format!("w{i:02} ")).collect();
    type_text(&mut app, &long);
    let screen = degree_planner::ui::screen_text(&app, &theme, 80, 24);
    let status = screen
        .lines()
        .find(|l| l.starts_with("Student name:"))
        .expect("the prompt line");
    assert!(
        status.contains("w39 █"),
        "the end and the cursor show: {status}"
    );
    assert!(!status.contains("w00"), "the start scrolled away: {status}");
    // Back at the start, the start shows and the cursor is on its first character.
    app.update(Action::Edit(R::GoToStart));
    let screen = degree_planner::ui::screen_text(&app, &theme, 80, 24);
    let status = screen
        .lines()
        .find(|l| l.starts_with("Student name:"))
        .expect("the prompt line");
    assert!(status.contains("w00 w01"), "{status}");
    assert!(!status.contains("w39"), "{status}");
}

#[test]
fn ctrl_u_and_ctrl_w_delete_in_the_filter_too() {
    use degree_planner::field::InputRequest as R;
    let mut app = app();
    app.update(Action::StartFilter);
    type_text(&mut app, "web security");
    app.update(Action::Edit(R::DeletePrevWord));
    assert_eq!(app.cursor().filter, "web ");
    app.update(Action::Edit(R::DeleteFromStart));
    assert_eq!(app.cursor().filter, "");
    assert_eq!(app.overlay().cloned(), Some(Overlay::Filter(Filter)));
}

// Issue 12 item 4: unplanning a completed or in-progress course asks; the pool keeps its
// status and grade and placing it gives them back.
#[test]
fn unplanning_a_completed_course_asks_and_placing_it_restores_status_and_grade() {
    let mut app = app();
    run(
        &mut app,
        &[Action::CycleStatus, Action::CycleStatus, Action::EditGrade],
    );
    type_text(&mut app, "A");
    app.update(Action::Submit);
    app.update(Action::Toggle);
    let Some(Overlay::Ask(ask)) = app.overlay() else {
        panic!(
            "unplanning a completed course asks: {:?}",
            app.overlay().cloned()
        );
    };
    assert!(
        ask.text.contains("BE101 is completed, grade A"),
        "{}",
        ask.text
    );
    assert_eq!(app.context(), Context::Confirm);
    // No keeps it.
    app.update(Action::Cancel);
    assert_eq!(app.overlay().cloned(), None);
    assert_eq!(placement(&app, "BE101").status, Status::Completed);
    // Yes takes it out; it waits in the pool with its status and grade.
    run(&mut app, &[Action::Toggle, Action::Confirm]);
    assert!(app.plan().find("BE101").is_none());
    assert!(pool_codes(&app).contains(&"BE101".to_string()));
    run(&mut app, &[Action::NextFocus, Action::Toggle]);
    assert_eq!(placement(&app, "BE101").status, Status::Completed);
    assert_eq!(placement(&app, "BE101").grade.as_deref(), Some("A"));
    assert!(
        message(&app).contains("again completed"),
        "{}",
        message(&app)
    );
    // A planned course is unplanned without a question.
    let mut app = self::app();
    app.update(Action::Toggle);
    assert_eq!(app.overlay().cloned(), None);
    assert!(app.plan().find("BE101").is_none());
}

// Issue 12 item 1: in the course pane, a prerequisite only scheduled earlier is not marked
// as met; once completed it is.
#[test]
fn course_pane_marks_a_scheduled_prerequisite_apart_from_a_completed_one() {
    let theme = degree_planner::theme::Theme::mono();
    let mut app = app();
    run(&mut app, &[Action::NextTerm]);
    repeat(&mut app, Action::Down, 4);
    assert_eq!(selected(&app).as_deref(), Some("BE205"));
    let screen = degree_planner::ui::screen_text(&app, &theme, 200, 60);
    assert!(
        screen.contains("○ BE105 Technical English I (scheduled, Semester I)"),
        "{screen}"
    );
    run(&mut app, &[Action::PrevTerm]);
    repeat(&mut app, Action::Down, 4);
    run(
        &mut app,
        &[Action::CycleStatus, Action::CycleStatus, Action::NextTerm],
    );
    repeat(&mut app, Action::Down, 4);
    let screen = degree_planner::ui::screen_text(&app, &theme, 200, 60);
    assert!(
        screen.contains("✓ BE105 Technical English I (completed, Semester I)"),
        "{screen}"
    );
}

// Issue 12 item 7: the recovery offer lists every change it restores, the student's name,
// grades and notes included.
#[test]
fn the_recovery_offer_lists_every_change() {
    let theme = degree_planner::theme::Theme::mono();
    let mut saved = recommended();
    saved.terms[0].courses[0].status = Status::Completed;
    saved.notes.push(degree_planner::model::Note {
        on: degree_planner::model::NoteTarget::Course("BE101".into()),
        text: "good start".into(),
        author: "Dr Grace".into(),
        date: "2026-11-20".into(),
        addressed: false,
    });
    let mut unsaved = saved.clone();
    unsaved.student = "Ada Lovelace".into();
    unsaved.terms[0].courses[0].grade = Some("A".into());
    unsaved.terms[0].courses[1].status = Status::InProgress;
    unsaved.notes[0].addressed = true;
    let mut app = app_on(saved);
    app.update(Msg::Recovered(Box::new(unsaved.clone())));
    let screen = degree_planner::ui::screen_text(&app, &theme, 120, 40);
    for line in [
        "student name \"Ada\" → \"Ada Lovelace\"",
        "BE102 changed from planned to in progress",
        "BE101 graded A",
        "note on BE101 marked addressed: \"good start\"",
    ] {
        assert!(screen.contains(line), "{line:?} missing:\n{screen}");
    }
    assert!(!screen.contains("more"), "{screen}");
    app.update(Action::Confirm);
    assert_eq!(*app.plan(), unsaved);
}

// Issue 12 item 10: undo and redo put the cursor on the course (and term) they changed.
#[test]
fn undo_and_redo_put_the_cursor_on_what_they_changed() {
    let mut app = app();
    app.update(Action::MoveLater);
    assert_eq!(selected(&app).as_deref(), Some("BE101"));
    // Wander off, then undo: back on BE101 in Semester I.
    run(
        &mut app,
        &[Action::NextTerm, Action::NextTerm, Action::Down],
    );
    app.update(Action::Undo);
    assert_eq!((app.cursor().focus, app.cursor().term), (Focus::Terms, 0));
    assert_eq!(selected(&app).as_deref(), Some("BE101"));
    run(
        &mut app,
        &[Action::NextTerm, Action::NextTerm, Action::NextTerm],
    );
    app.update(Action::Redo);
    assert_eq!(app.cursor().term, 1);
    assert_eq!(selected(&app).as_deref(), Some("BE101"));

    // A course unplanned: undo finds it in its term, redo in the pool.
    let mut app = self::app();
    run(
        &mut app,
        &[
            Action::Down,
            Action::Toggle,
            Action::NextFocus,
            Action::NextFocus,
        ],
    );
    assert_eq!(app.cursor().focus, Focus::Paths);
    app.update(Action::Undo);
    assert_eq!(app.cursor().focus, Focus::Terms);
    assert_eq!(selected(&app).as_deref(), Some("BE102"));
    run(&mut app, &[Action::NextTerm, Action::Redo]);
    assert_eq!(app.cursor().focus, Focus::Pool);
    assert_eq!(app.selected_code().as_deref(), Some("BE102"));

    // A term added: undo lands on where it was.
    let mut app = self::app();
    run(
        &mut app,
        &[
            Action::NextTerm,
            Action::NextTerm,
            Action::AddTerm,
            Action::Submit,
        ],
    );
    run(
        &mut app,
        &[Action::PrevTerm, Action::PrevTerm, Action::PrevTerm],
    );
    app.update(Action::Redo);
    app.update(Action::Undo);
    assert_eq!(app.cursor().term, 3, "the term after the removed one");
}

fn status_line(app: &App, width: u16, height: u16) -> String {
    let theme = degree_planner::theme::Theme::mono();
    let screen = degree_planner::ui::screen_text(app, &theme, width, height);
    let lines: Vec<&str> = screen.lines().collect();
    lines[lines.len() - 2].to_string()
}

fn footer(app: &App, width: u16, height: u16) -> String {
    let theme = degree_planner::theme::Theme::mono();
    let screen = degree_planner::ui::screen_text(app, &theme, width, height);
    screen.lines().last().unwrap_or_default().to_string()
}

// Issue 12 item 11: an active filter stays in sight until cleared, whatever the message.
#[test]
fn an_active_filter_stays_visible_beside_messages() {
    let mut app = app();
    app.update(Action::StartFilter);
    type_text(&mut app, "data");
    app.update(Action::Submit);
    assert!(status_line(&app, 120, 40).contains("Filter: data (Esc clears)"));
    app.update(Action::CycleStatus);
    let line = status_line(&app, 120, 40);
    assert!(line.contains("is now in progress"), "{line}");
    assert!(line.contains("Filter: data (Esc clears)"), "{line}");
    app.update(Action::ClearFilter);
    assert!(!status_line(&app, 120, 40).contains("Filter:"));
}

// Issue 12 item 12: at 80x24 the footer keeps the basic keys; each footer offers only keys
// that act there.
#[test]
fn footers_keep_the_basic_keys_and_offer_only_keys_that_act() {
    let app = app();
    let line = footer(&app, 80, 24);
    for hint in [
        "s save", "u undo", "c status", "/ filter", "p path", "? help", "q quit",
    ] {
        assert!(line.contains(hint), "{hint:?} missing at 80x24: {line}");
    }
    let wide = footer(&app, 200, 40);
    assert!(
        wide.contains("→ term") && wide.contains("Tab pane"),
        "{wide}"
    );
    // In the pool, a course has no status to cycle and no term to move from.
    let mut pool = self::app();
    run(&mut pool, &[Action::Toggle, Action::NextFocus]);
    let line = footer(&pool, 200, 40);
    assert!(line.contains("Enter place"), "{line}");
    assert!(
        !line.contains("c status") && !line.contains("move course"),
        "{line}"
    );

    // The notes list: a student marks notes addressed, only a reviewer deletes them.
    let mut plan = recommended();
    plan.notes.push(degree_planner::model::Note {
        on: degree_planner::model::NoteTarget::Plan,
        text: "see me".into(),
        author: "Dr Grace".into(),
        date: "2026-11-20".into(),
        addressed: false,
    });
    let mut student = app_on(plan.clone());
    student.update(Action::ShowNotes);
    let line = footer(&student, 120, 40);
    assert!(
        line.contains("addressed") && !line.contains("delete"),
        "{line}"
    );
    let mut reviewer = app_on(plan);
    reviewer.update(Msg::Review(Some("Dr Grace".into())));
    reviewer.update(Action::ShowNotes);
    let line = footer(&reviewer, 120, 40);
    assert!(
        line.contains("x delete") && !line.contains("addressed"),
        "{line}"
    );
}

// Issue 12 item 13: a grade is one of the scale's, not free text.
#[test]
fn a_grade_off_the_scale_is_refused_and_the_prompt_stays() {
    let mut app = app();
    run(
        &mut app,
        &[Action::CycleStatus, Action::CycleStatus, Action::EditGrade],
    );
    type_text(&mut app, "excellent");
    app.update(Action::Submit);
    assert_eq!(tone(&app), Some(Tone::Error));
    assert!(message(&app).contains("not a grade"), "{}", message(&app));
    assert!(matches!(
        app.overlay().cloned(),
        Some(Overlay::Prompt(Prompt { .. }))
    ));
    assert_eq!(placement(&app, "BE101").grade, None);
    app.update(Action::Edit(
        degree_planner::field::InputRequest::DeleteFromStart,
    ));
    type_text(&mut app, "b+");
    app.update(Action::Submit);
    assert_eq!(
        placement(&app, "BE101").grade.as_deref(),
        Some("B+"),
        "written as the scale writes it"
    );
    run(&mut app, &[Action::EditGrade]);
    app.update(Action::Edit(
        degree_planner::field::InputRequest::DeleteFromStart,
    ));
    type_text(&mut app, "pass");
    app.update(Action::Submit);
    assert_eq!(placement(&app, "BE101").grade.as_deref(), Some("Pass"));
}

#[test]
fn enter_on_a_problem_goes_to_its_course_and_the_problems_scroll() {
    // BE301 moved back into Semester II, with its prerequisites: problems name it there.
    let mut plan = recommended();
    let from = plan.find("BE301").expect("BE301 planned");
    let placement = plan.terms[from.term].courses.remove(from.index);
    plan.place(1, placement);
    let mut app = app_on(plan.clone());
    let problems = degree_planner::model::problems(app.curriculum(), app.plan());
    assert!(problems.len() > 1, "{problems:?}");
    run(&mut app, &[Action::PrevFocus, Action::PrevFocus]);
    assert_eq!(app.cursor().focus, Focus::Problems);
    app.update(Action::Down);
    assert_eq!(app.cursor().problem_row, 1);
    for _ in 0..problems.len() + 3 {
        app.update(Action::Down);
    }
    assert_eq!(
        app.cursor().problem_row,
        problems.len() - 1,
        "stops at the last"
    );
    for _ in 0..problems.len() + 3 {
        app.update(Action::Up);
    }
    assert_eq!(app.cursor().problem_row, 0, "stops at the first");
    assert_eq!(problems[0].term, Some(1), "{problems:?}");
    app.update(Action::Toggle);
    assert_eq!(app.cursor().focus, Focus::Terms);
    assert_eq!(app.cursor().term, 1);
    assert_eq!(app.selected_code().as_deref(), Some("BE301"));
    assert_eq!(
        *app.plan(),
        plan,
        "going to a problem changes nothing in the plan"
    );
}

// ---------------------------------------------------------------------------------------------
// The mouse
// ---------------------------------------------------------------------------------------------

mod mouse {
    use super::*;
    use degree_planner::action::Spot;
    use degree_planner::theme::Theme;
    use degree_planner::tui::{self, Clicks, DOUBLE_CLICK};
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    use std::time::{Duration, Instant};

    fn spot(pane: Focus, term: Option<usize>, row: Option<usize>) -> Spot {
        Spot { pane, term, row }
    }

    /// The plan with BE301 pulled back into Semester II, where problems name it.
    fn with_problems() -> App {
        let mut plan = recommended();
        let from = plan.find("BE301").expect("BE301 planned");
        let placement = plan.terms[from.term].courses.remove(from.index);
        plan.place(1, placement);
        app_on(plan)
    }

    #[test]
    fn a_click_selects_the_course_the_term_or_the_pane() {
        let mut app = app();
        app.update(Action::Click(spot(Focus::Terms, Some(2), Some(3))));
        assert_eq!(
            (app.cursor().focus, app.cursor().term, app.cursor().row),
            (Focus::Terms, 2, 3)
        );
        assert_eq!(selected(&app), Some(codes(&app, 2)[3].clone()));
        // On a term's border: that term, from its first row.
        app.update(Action::Click(spot(Focus::Terms, Some(0), None)));
        assert_eq!(
            (app.cursor().focus, app.cursor().term, app.cursor().row),
            (Focus::Terms, 0, 0)
        );
        // A row past the end stops at the last.
        app.update(Action::Click(spot(Focus::Terms, Some(1), Some(99))));
        assert_eq!(app.cursor().row, codes(&app, 1).len() - 1);
        app.update(Action::Click(spot(Focus::Paths, None, None)));
        assert_eq!(app.cursor().focus, Focus::Paths);
        assert!(
            app.cursor().path.is_some(),
            "the paths pane highlights a path"
        );
        app.update(Action::Click(spot(Focus::Pool, None, None)));
        assert_eq!(app.cursor().focus, Focus::Pool);
        app.update(Action::Click(spot(Focus::Problems, None, None)));
        assert_eq!(app.cursor().focus, Focus::Problems);
        assert_eq!(
            *app.plan(),
            recommended(),
            "clicks change nothing in the plan"
        );
    }

    #[test]
    fn the_wheel_moves_the_highlight_of_the_list_under_the_pointer() {
        let mut app = app();
        let at = spot(Focus::Terms, Some(1), Some(0));
        app.update(Action::Scroll { at, lines: 3 });
        assert_eq!(
            (app.cursor().focus, app.cursor().term, app.cursor().row),
            (Focus::Terms, 1, 3)
        );
        app.update(Action::Scroll { at, lines: 3 });
        assert_eq!(
            app.cursor().row,
            codes(&app, 1).len() - 1,
            "stops at the last"
        );
        app.update(Action::Scroll { at, lines: -3 });
        assert_eq!(app.cursor().row, codes(&app, 1).len() - 4);
        let mut app = with_problems();
        let at = spot(Focus::Problems, None, None);
        app.update(Action::Scroll { at, lines: 1 });
        assert_eq!(
            (app.cursor().focus, app.cursor().problem_row),
            (Focus::Problems, 1)
        );
    }

    #[test]
    fn a_click_on_a_problem_goes_to_its_course() {
        let mut app = with_problems();
        let plan = app.plan().clone();
        let problems = degree_planner::model::problems(app.curriculum(), app.plan());
        assert_eq!(problems[0].term, Some(1), "{problems:?}");
        app.update(Action::Click(spot(Focus::Problems, None, Some(0))));
        assert_eq!((app.cursor().focus, app.cursor().term), (Focus::Terms, 1));
        assert_eq!(selected(&app).as_deref(), Some("BE301"));
        assert_eq!(*app.plan(), plan);
    }

    /// The cell where `text` is drawn on a `size` screen of `app`.
    fn cell_of(app: &App, size: (u16, u16), text: &str) -> (u16, u16) {
        let screen = degree_planner::ui::screen_text(app, &Theme::mono(), size.0, size.1);
        screen
            .lines()
            .enumerate()
            .find_map(|(y, line)| {
                let x = line.find(text)?;
                Some((line[..x].chars().count() as u16, y as u16))
            })
            .unwrap_or_else(|| panic!("{text} not drawn:\n{screen}"))
    }

    fn left_click(cell: (u16, u16)) -> MouseEvent {
        MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: cell.0,
            row: cell.1,
            modifiers: KeyModifiers::NONE,
        }
    }

    /// Feeds a mouse event at `now` to the app, as the event loop does.
    fn point(app: &mut App, clicks: &mut Clicks, event: MouseEvent, now: Instant) {
        let size = (120, 40);
        for action in tui::mouse_actions(app, &Theme::mono(), size, &event, clicks, now) {
            app.update(action);
        }
    }

    #[test]
    fn clicking_a_drawn_course_selects_it_and_a_double_click_acts_as_enter() {
        let mut app = app();
        let code = codes(&app, 2)[1].clone();
        let cell = cell_of(&app, (120, 40), &code);
        let mut clicks = Clicks::default();
        let start = Instant::now();
        point(&mut app, &mut clicks, left_click(cell), start);
        assert_eq!(
            (app.cursor().focus, app.cursor().term, app.cursor().row),
            (Focus::Terms, 2, 1)
        );
        assert_eq!(*app.plan(), recommended(), "one click only selects");
        // A second click, later than a double-click: still only selects.
        point(
            &mut app,
            &mut clicks,
            left_click(cell),
            start + DOUBLE_CLICK,
        );
        assert_eq!(*app.plan(), recommended());
        // Then a quick one: Enter, which moves the course to the pool.
        let mut by_key = app.clone();
        point(
            &mut app,
            &mut clicks,
            left_click(cell),
            start + DOUBLE_CLICK + Duration::from_millis(150),
        );
        let enter = by_key
            .resolve(&key(KeyCode::Enter))
            .expect("Enter is bound");
        by_key.update(enter);
        assert!(pool_codes(&app).contains(&code), "{code} not in the pool");
        assert_eq!(app.plan(), by_key.plan());
        assert_eq!(
            (app.cursor().focus, app.cursor().term, app.cursor().row),
            (
                by_key.cursor().focus,
                by_key.cursor().term,
                by_key.cursor().row
            )
        );
    }

    #[test]
    fn the_wheel_and_clicks_reach_the_pool_and_stay_out_of_dialogs() {
        let mut app = app();
        let mut clicks = Clicks::default();
        let now = Instant::now();
        let pool_title = cell_of(&app, (120, 40), "Unplanned");
        let wheel = MouseEvent {
            kind: MouseEventKind::ScrollDown,
            ..left_click((pool_title.0, pool_title.1 + 1))
        };
        point(&mut app, &mut clicks, wheel, now);
        assert_eq!(app.cursor().focus, Focus::Pool);
        app.update(Action::Help);
        let before = app.clone();
        point(&mut app, &mut clicks, left_click((5, 5)), now);
        assert_eq!(
            app.overlay().cloned(),
            before.overlay().cloned(),
            "the help overlay ignores the mouse"
        );
        assert_eq!(app.cursor().focus, before.cursor().focus);
    }

    #[test]
    fn two_clicks_are_a_double_click_only_on_one_cell_and_quickly() {
        let mut clicks = Clicks::default();
        let t = Instant::now();
        assert!(!clicks.double((3, 4), t));
        assert!(!clicks.double((4, 4), t), "another cell");
        assert!(clicks.double((4, 4), t + Duration::from_millis(399)));
        assert!(
            !clicks.double((4, 4), t + Duration::from_millis(400)),
            "a third starts over"
        );
        assert!(!clicks.double((4, 4), t + Duration::from_millis(800) + DOUBLE_CLICK));
    }
}

mod double_click {
    use super::*;
    use degree_planner::theme::Theme;
    use degree_planner::tui::{self, Clicks};
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    use std::time::Instant;

    /// The actions two quick clicks on the first cell showing `text` mean.
    fn double_click_on(app: &App, text: &str) -> Vec<Action> {
        let screen = degree_planner::ui::screen_text(app, &Theme::mono(), 120, 40);
        let (x, y) = screen
            .lines()
            .enumerate()
            .find_map(|(y, line)| {
                let x = line.find(text)?;
                Some((line[..x].chars().count() as u16, y as u16))
            })
            .unwrap_or_else(|| panic!("{text} not drawn:\n{screen}"));
        let click = MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        };
        let (mut clicks, now) = (Clicks::default(), Instant::now());
        let theme = Theme::mono();
        tui::mouse_actions(app, &theme, (120, 40), &click, &mut clicks, now);
        tui::mouse_actions(app, &theme, (120, 40), &click, &mut clicks, now)
    }

    #[test]
    fn is_enter_only_on_a_course() {
        let app = app();
        let on_course = double_click_on(&app, "BE203");
        assert_eq!(on_course.last(), Some(&Action::Toggle), "{on_course:?}");
        for text in ["Semester II ", "Career paths", "Problems"] {
            let actions = double_click_on(&app, text);
            assert_eq!(actions.len(), 1, "{text}: {actions:?}");
            assert!(
                matches!(actions[0], Action::Click(_)),
                "{text}: {actions:?}"
            );
        }
    }
}

#[test]
fn a_remapped_key_acts_and_shows_in_the_footer_and_help() {
    let config = degree_planner::store::parse_config(
        r#"(keys: (normal: { "cycle-status": ["x"], "undo": [] }))"#,
        "config.ron",
    )
    .expect("valid config");
    let mut app = app().with_keymap(degree_planner::keymap::Keymap::new(&config.keys));
    let theme = degree_planner::theme::Theme::mono();

    assert_eq!(
        app.resolve(&chr('c')),
        None,
        "c no longer changes the status"
    );
    assert_eq!(app.resolve(&chr('u')), None, "undo is unbound");
    press(&mut app, chr('x'));
    assert_eq!(placement(&app, "BE101").status, Status::InProgress);

    let screen = degree_planner::ui::screen_text(&app, &theme, 160, 40);
    let footer = screen.lines().last().expect("a footer");
    assert!(footer.contains("x status"), "{footer}");
    assert!(
        !footer.contains("c status") && !footer.contains("undo"),
        "{footer}"
    );

    press(&mut app, chr('?'));
    let help = degree_planner::ui::screen_text(&app, &theme, 160, 60);
    let line = help
        .lines()
        .find(|l| l.contains("cycle status: planned"))
        .unwrap_or_else(|| panic!("no status line in help:\n{help}"));
    assert!(line.contains(" x "), "{line}");
    assert!(!help.contains("undo the last edit"), "{help}");
}

#[test]
fn messages_name_the_remapped_keys_and_opening_a_plan_keeps_them() {
    let config = degree_planner::store::parse_config(
        r#"(keys: (normal: { "undo": ["Ctrl-u"], "cycle-status": ["x"] }))"#,
        "config.ron",
    )
    .expect("valid config");
    let mut app = app().with_keymap(degree_planner::keymap::Keymap::new(&config.keys));
    press(&mut app, chr('x'));
    assert!(
        message(&app).ends_with("(Ctrl-u to undo)"),
        "{}",
        message(&app)
    );
    press(&mut app, ctrl('u'));
    assert_eq!(placement(&app, "BE101").status, Status::Planned);

    app.update(Msg::Opened {
        plan: Box::new(recommended()),
        path: std::path::PathBuf::from("other.ron"),
        on_disk: false,
    });
    assert!(
        message(&app).ends_with("(new: s saves it)"),
        "{}",
        message(&app)
    );
    assert_eq!(
        app.resolve(&chr('c')),
        None,
        "the remapping outlives the switch"
    );
    press(&mut app, chr('x'));
    assert_eq!(placement(&app, "BE101").status, Status::InProgress);
}

#[test]
fn unsaved_edits_are_kept_aside_once_per_state_and_dropped_once_saved() {
    let mut app = app();
    assert_eq!(
        app.update(Msg::Settled),
        None,
        "nothing unsaved: nothing to keep"
    );
    app.update(Action::CycleStatus);
    let Some(Effect::KeepAside { path, plan }) = app.update(Msg::Settled) else {
        panic!("an unsaved edit is kept aside");
    };
    assert_eq!((path.as_path(), &*plan), (app.plan_path(), app.plan()));
    assert_eq!(
        app.update(Msg::Settled),
        None,
        "the same state is kept once"
    );
    app.update(Action::CycleStatus);
    assert!(matches!(
        app.update(Msg::Settled),
        Some(Effect::KeepAside { .. })
    ));
    assert!(is_save(&app.update(Action::Save)));
    app.update(Msg::Saved(Ok(())));
    assert_eq!(
        app.update(Msg::Settled),
        None,
        "the save removed what was kept aside"
    );
    app.update(Action::Undo);
    assert!(matches!(
        app.update(Msg::Settled),
        Some(Effect::KeepAside { .. })
    ));
    app.update(Action::Redo);
    assert_eq!(
        app.update(Msg::Settled),
        Some(Effect::DropAside(app.plan_path().to_path_buf())),
        "back to the saved plan: nothing unsaved to keep"
    );
}

#[test]
fn a_plan_read_only_here_keeps_nothing_aside() {
    let mut app = app();
    app.update(Action::CycleStatus);
    assert!(app.is_dirty());
    app.update(Msg::Locked(Some("another planner has it open".into())));
    assert_eq!(app.update(Msg::Settled), None);
}

#[test]
fn enter_on_a_requirement_problem_highlights_the_course_it_names() {
    // The third course of the first term is offered only in T2: Enter on that problem must
    // land on it, not on the term's first row.
    let text = r#"(name: "Req", degree_credits: 3, semesters: ["2024 T1", "2024 T2"],
        term_kinds: ["T1", "T2"], paths: [],
        courses: [
            (code: "A1", title: "Alpha", credits: 1),
            (code: "B1", title: "Beta", credits: 1),
            (code: "C1", title: "Gamma", credits: 1, offered: ["T2"]),
        ])"#;
    let c = degree_planner::store::parse_curriculum(text, "req.ron")
        .expect("valid")
        .curriculum;
    let mut plan = Plan::recommended(&c, "Ada");
    plan.terms.iter_mut().for_each(|t| t.courses.clear());
    for code in ["A1", "B1", "C1"] {
        plan.place(0, Placement::planned(code));
    }
    let mut app = App::new(c, plan, "plans/ada.ron".into(), true);
    let problems = degree_planner::model::problems(app.curriculum(), app.plan());
    assert_eq!(problems.len(), 1, "{problems:?}");
    run(&mut app, &[Action::PrevFocus, Action::PrevFocus]);
    assert_eq!(app.cursor().focus, Focus::Problems);
    app.update(Action::Toggle);
    assert_eq!(app.cursor().focus, Focus::Terms);
    assert_eq!((app.cursor().term, app.cursor().row), (0, 2));
}

/// The hand-written computing program of `tests/curricula/screen_program.ron`, with a Major
/// stream of two options, on its recommended plan.
fn computing() -> App {
    let text = include_str!("../curricula/screen_program.ron");
    let c = degree_planner::store::parse_curriculum(text, "screen_program.ron")
        .expect("valid")
        .curriculum;
    let plan = Plan::recommended(&c, "Ada");
    App::new(c, plan, "plans/ada.ron".into(), true)
}

/// Highlights the entry `entry` of the open requirements pane, from its first entry.
fn highlight_entry(app: &mut App, entry: degree_planner::app::Entry) {
    let progress = degree_planner::model::requirements::progress(app.curriculum(), app.plan());
    let at = degree_planner::app::entries(&progress)
        .iter()
        .position(|e| *e == entry)
        .expect("entry shown");
    app.update(Action::First);
    for _ in 0..at {
        app.update(Action::Down);
    }
    let Some(Overlay::Requirements(pane)) = app.overlay() else {
        panic!("the requirements are not open");
    };
    assert_eq!(pane.selected, at);
}

#[test]
fn w_opens_the_requirements_moves_in_them_and_esc_or_w_closes_them() {
    let mut app = computing();
    press(&mut app, chr('w'));
    assert_eq!(app.context(), Context::Requirements);
    press_all(&mut app, &[key(KeyCode::Down), key(KeyCode::Down)]);
    let Some(Overlay::Requirements(pane)) = app.overlay() else {
        panic!("the requirements are not open");
    };
    assert_eq!(pane.selected, 2);
    // The highlight stops at the last entry.
    press(&mut app, key(KeyCode::End));
    press(&mut app, key(KeyCode::Down));
    let progress = degree_planner::model::requirements::progress(app.curriculum(), app.plan());
    let last = degree_planner::app::entries(&progress).len() - 1;
    assert!(matches!(app.overlay(), Some(Overlay::Requirements(p)) if p.selected == last));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.overlay(), None);
    press_all(&mut app, &[chr('w'), chr('w')]);
    assert_eq!(app.overlay(), None);
}

#[test]
fn enter_on_a_stream_cycles_its_options_as_undoable_edits() {
    let mut app = computing();
    app.update(Action::ShowRequirements);
    highlight_entry(&mut app, degree_planner::app::Entry::Stream(0));
    let choice = |app: &App| app.plan().choices.get("major").cloned();
    assert_eq!(choice(&app), None);
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(choice(&app).as_deref(), Some("COMPA1"));
    assert!(app.is_dirty());
    press(&mut app, chr(' '));
    assert_eq!(choice(&app).as_deref(), Some("SENGAH"));
    // The groups follow the choice: the Software Engineering major's group is in force.
    let progress = degree_planner::model::requirements::progress(app.curriculum(), app.plan());
    assert!(progress.groups.iter().any(|g| g.group.id == "se"));
    assert!(!progress.groups.iter().any(|g| g.group.id == "cs"));
    // After the last option: no choice.
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(choice(&app), None);
    // Undo, in the pane or after closing it, walks back through the choices.
    press(&mut app, chr('u'));
    assert_eq!(choice(&app).as_deref(), Some("SENGAH"));
    press(&mut app, key(KeyCode::Esc));
    press_all(&mut app, &[chr('u'), chr('u')]);
    assert_eq!(choice(&app), None);
    assert!(!app.is_dirty());
}

#[test]
fn enter_on_a_group_changes_nothing_and_says_what_it_does() {
    let mut app = computing();
    app.update(Action::ShowRequirements);
    highlight_entry(&mut app, degree_planner::app::Entry::Group(0));
    let before = app.plan().clone();
    app.update(Action::Toggle);
    assert_eq!(app.plan(), &before);
    assert!(app.message().is_some_and(|m| m.text.contains("stream")));
    assert_eq!(app.context(), Context::Requirements);
}

#[test]
fn a_read_only_plan_keeps_its_stream_choice() {
    let mut app = computing();
    app.update(Msg::Locked(Some("another planner has it open".into())));
    app.update(Action::ShowRequirements);
    highlight_entry(&mut app, degree_planner::app::Entry::Stream(0));
    app.update(Action::Toggle);
    assert!(app.plan().choices.is_empty());
    assert_eq!(app.message().map(|m| m.tone), Some(Tone::Error));
}

#[test]
fn a_reviewer_cannot_choose_a_stream() {
    let mut app = computing();
    app.update(Msg::Review(Some("Dr Grace".into())));
    app.update(Action::ShowRequirements);
    highlight_entry(&mut app, degree_planner::app::Entry::Stream(0));
    app.update(Action::Toggle);
    assert!(app.plan().choices.is_empty());
    assert_eq!(app.message().map(|m| m.tone), Some(Tone::Error));
    assert!(!app.is_dirty());
}

/// Highlights the placed course `code` of `app`'s plan.
fn highlight_placed(app: &mut App, code: &str) {
    let slot = app.plan().find(code).expect("placed");
    app.update(Action::Click(degree_planner::action::Spot {
        pane: Focus::Terms,
        term: Some(slot.term),
        row: Some(slot.index),
    }));
    assert_eq!(selected(app).as_deref(), Some(code));
}

#[test]
fn v_chooses_the_credits_of_a_course_of_variable_credits_within_its_range() {
    let mut app = computing();
    if app.plan().find("COMP3901").is_none() {
        let mut plan = app.plan().clone();
        plan.terms[3].courses.push(Placement::planned("COMP3901"));
        app = App::new(app.curriculum().clone(), plan, "plans/ada.ron".into(), true);
    }
    highlight_placed(&mut app, "COMP3901");
    let chosen = |app: &App| placement(app, "COMP3901").credits;
    let credits = |app: &App| degree_planner::model::credits(app.curriculum(), app.plan()).total();

    let before = credits(&app);
    press(&mut app, chr('V'));
    assert_eq!(app.context(), Context::Typing);
    type_text(&mut app, "13");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(tone(&app), Some(Tone::Error), "{}", message(&app));
    assert!(message(&app).contains("from 3 to 12"), "{}", message(&app));
    assert_eq!(chosen(&app), None, "nothing recorded");
    assert_eq!(app.context(), Context::Typing, "asked again");

    // The prompt still holds the rejected answer: replace it.
    run(&mut app, &[Action::Backspace, Action::Backspace]);
    type_text(&mut app, "12");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(chosen(&app), Some(12));
    assert_eq!(credits(&app), before + 9);
    assert!(message(&app).starts_with("COMP3901 gives 12 credits"));
    let saved = degree_planner::store::parse_plan(&store_text(&app), "ada.ron").expect("parses");
    let slot = saved.find("COMP3901").expect("placed");
    assert_eq!(saved.placement(slot).and_then(|p| p.credits), Some(12));

    app.update(Action::Undo);
    assert_eq!(chosen(&app), None);
    assert_eq!(credits(&app), before);

    // A course of fixed credits says so and asks nothing.
    highlight_placed(&mut app, "COMP1511");
    press(&mut app, chr('V'));
    assert_eq!(app.overlay(), None);
    assert_eq!(message(&app), "COMP1511 always gives 6 credits");
}

fn store_text(app: &App) -> String {
    degree_planner::store::plan_to_ron(app.plan())
}
