//! The auto-plan's preview in the planner: the key opens it, the limits change in it, Enter
//! applies the proposal as one undoable edit, Esc discards it; the detail pane says why each
//! course placed went where it did.

use std::path::PathBuf;

use degree_planner::action::Action;
use degree_planner::app::{App, AutoPlan, Msg, Overlay};
use degree_planner::model::{self, Plan, Severity, Status, audit};
use degree_planner::store;
use degree_planner::theme::Theme;
use degree_planner::ui;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::common::bundled;

/// The plan with problems the README shows `autoplan` on: Semester I completed, three
/// errors in the rest.
fn ada_plan() -> Plan {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/plans/problems/ada.ron");
    store::load_plan(std::path::Path::new(path)).expect("the fixture loads")
}

fn app_on(plan: Plan) -> App {
    App::new(bundled(), plan, PathBuf::from("ada.ron"), true)
}

fn preview(app: &App) -> &AutoPlan {
    match app.overlay() {
        Some(Overlay::AutoPlan(p)) => p,
        other => panic!("no auto-plan preview: {other:?}"),
    }
}

fn screen(app: &App) -> String {
    ui::screen_text(app, &Theme::mono(), 120, 40)
}

fn errors(app: &App) -> usize {
    model::problems(app.curriculum(), app.plan())
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count()
}

fn message(app: &App) -> String {
    app.message().map(|m| m.text.clone()).unwrap_or_default()
}

/// The term index of `code` in the app's plan.
fn term_of(app: &App, code: &str) -> usize {
    app.plan().find(code).expect("placed").term
}

/// Highlights `code` in the terms pane.
fn highlight(app: &mut App, code: &str) {
    let term = term_of(app, code);
    app.update(Action::First);
    while app.cursor().term < term {
        app.update(Action::NextTerm);
    }
    while app.cursor().term > term {
        app.update(Action::PrevTerm);
    }
    app.update(Action::First);
    for _ in 0..40 {
        if app.selected_code().as_deref() == Some(code) {
            return;
        }
        app.update(Action::Down);
    }
    panic!("{code} cannot be highlighted");
}

#[test]
fn shift_f_opens_the_preview_and_changes_nothing_yet() {
    let mut app = app_on(ada_plan());
    let before = app.plan().clone();
    let key = KeyEvent::new(KeyCode::Char('F'), KeyModifiers::SHIFT);
    assert_eq!(app.resolve(&key), Some(Action::AutoPlan));
    app.update(Action::AutoPlan);
    let p = preview(&app);
    assert!(p.outcome.is_ok(), "{:?}", p.outcome);
    assert_eq!(p.options.max_credits, Some(18), "the program's load limit");
    assert_eq!(
        p.options.max_terms,
        Some(4 + 2),
        "the plan's terms and two more"
    );
    assert_eq!(
        p.options.target.as_deref(),
        Some("devops"),
        "the plan's target"
    );
    assert_eq!(
        (p.before.errors, p.after.as_ref().map(|s| s.errors)),
        (3, Some(0))
    );
    assert_eq!(*app.plan(), before);
    assert!(!app.is_dirty());
}

#[test]
fn enter_applies_the_proposal_as_one_undo_step() {
    let mut app = app_on(ada_plan());
    let before = app.plan().clone();
    assert_eq!(errors(&app), 3);
    app.update(Action::AutoPlan);
    let proposed = preview(&app).outcome.clone().expect("a plan").plan;
    app.update(Action::Confirm);
    assert!(app.overlay().is_none(), "applying closes the preview");
    assert_eq!(*app.plan(), proposed);
    assert_eq!(errors(&app), 0);
    assert!(
        message(&app).contains("Applied the auto-plan: 1 course added, 4 moved (u to undo)"),
        "{}",
        message(&app)
    );
    app.update(Action::Undo);
    assert_eq!(*app.plan(), before, "one undo takes all of it back");
    assert!(!app.is_dirty());
    app.update(Action::Undo);
    assert_eq!(message(&app), "Nothing to undo");
    app.update(Action::Redo);
    assert_eq!(*app.plan(), proposed, "and one redo puts it back");
}

#[test]
fn esc_discards_the_proposal_and_leaves_the_plan_as_it_was() {
    let mut app = app_on(ada_plan());
    let before = app.plan().clone();
    app.update(Action::AutoPlan);
    app.update(Action::FewerCredits);
    app.update(Action::Cancel);
    assert!(app.overlay().is_none());
    assert_eq!(*app.plan(), before);
    assert!(!app.is_dirty());
    assert!(message(&app).contains("discarded"), "{}", message(&app));
    app.update(Action::Undo);
    assert_eq!(message(&app), "Nothing to undo", "no edit was made");
}

#[test]
fn completed_and_pinned_courses_never_move() {
    let mut plan = ada_plan();
    // The auto-plan moves BE303 from Semester III to II when it may (the README shows it).
    let slot = plan.find("BE303").expect("placed");
    plan.toggle_pin(slot);
    let mut app = app_on(plan);
    let fixed: Vec<(String, usize, Status)> = app
        .plan()
        .terms
        .iter()
        .enumerate()
        .flat_map(|(t, term)| {
            term.courses
                .iter()
                .filter(|p| p.pinned || p.status != Status::Planned)
                .map(move |p| (p.code.clone(), t, p.status))
        })
        .collect();
    assert_eq!(fixed.len(), 7, "six completed and one pinned");
    app.update(Action::AutoPlan);
    app.update(Action::Confirm);
    assert!(app.is_dirty(), "the proposal applied");
    for (code, term, status) in fixed {
        let slot = app.plan().find(&code).expect("still placed");
        assert_eq!(slot.term, term, "{code} moved");
        assert_eq!(app.plan().placement(slot).map(|p| p.status), Some(status));
    }
}

#[test]
fn the_limits_change_in_the_preview_and_it_plans_again() {
    let mut app = app_on(ada_plan());
    app.update(Action::AutoPlan);
    app.update(Action::MoreCredits);
    assert_eq!(preview(&app).options.max_credits, Some(18));
    assert!(
        message(&app).contains("18 credits a term is the program's limit"),
        "{}",
        message(&app)
    );
    for _ in 0..4 {
        app.update(Action::FewerCredits);
    }
    let p = preview(&app);
    assert_eq!(p.options.max_credits, Some(14));
    let plan = &p.outcome.as_ref().expect("a plan at 14 credits").plan;
    for t in 0..plan.terms.len() {
        let credits = audit::term_credits(app.curriculum(), plan, t);
        assert!(
            t == 0 || credits <= 14,
            "{} carries {credits}",
            plan.terms[t].name
        );
    }
    app.update(Action::MoreTerms);
    assert_eq!(preview(&app).options.max_terms, Some(7));
    app.update(Action::FewerTerms);
    assert_eq!(preview(&app).options.max_terms, Some(6));
}

#[test]
fn with_no_plan_the_preview_says_why_and_enter_does_nothing() {
    let mut app = app_on(ada_plan());
    let before = app.plan().clone();
    app.update(Action::AutoPlan);
    // 47 credits still to take at 18 a term need three terms after Semester I: four in all.
    for _ in 0..3 {
        app.update(Action::FewerTerms);
    }
    let p = preview(&app);
    assert_eq!(p.options.max_terms, Some(3));
    let reason = p
        .outcome
        .clone()
        .expect_err("no plan in three terms")
        .reason;
    let shown = screen(&app);
    assert!(
        shown.contains("No plan keeps every rule within these limits:"),
        "{shown}"
    );
    let start: String = reason.chars().skip(1).take(40).collect();
    assert!(
        shown.contains(&start),
        "the reason {reason:?} shows:\n{shown}"
    );
    assert!(
        !shown.contains("Enter apply"),
        "no apply key offered:\n{shown}"
    );
    app.update(Action::Confirm);
    assert!(
        matches!(app.overlay(), Some(Overlay::AutoPlan(_))),
        "stays open"
    );
    assert!(
        message(&app).contains("No plan to apply"),
        "{}",
        message(&app)
    );
    assert_eq!(*app.plan(), before);
    app.update(Action::MoreTerms);
    assert!(preview(&app).outcome.is_ok(), "four terms are enough");
}

#[test]
fn a_reviewer_gets_no_auto_plan() {
    let mut app = app_on(ada_plan());
    app.update(Msg::Review(Some("Dr Grace".into())));
    app.update(Action::AutoPlan);
    assert!(app.overlay().is_none());
    assert!(!app.available(degree_planner::action::Context::Normal, Action::AutoPlan));
}

#[test]
fn the_detail_pane_explains_a_placement_until_the_course_is_moved_by_hand() {
    let mut app = app_on(ada_plan());
    app.update(Action::AutoPlan);
    app.update(Action::Confirm);
    assert_eq!(app.plan().terms[term_of(&app, "BE405")].name, "Semester IV");
    highlight(&mut app, "BE405");
    let shown = screen(&app);
    assert!(shown.contains("Placed by the auto-plan"), "{shown}");
    assert!(
        shown.contains("Semester IV: it needs no course first"),
        "{shown}"
    );
    highlight(&mut app, "BE301");
    assert!(
        app.explanation("BE301")
            .is_some_and(|e| e.starts_with("Semester III: its prerequisites (BE201, BE204)")),
        "{:?}",
        app.explanation("BE301")
    );
    assert!(screen(&app).contains("Semester III: its prerequisites"));
    // Moved by hand: the reason was the auto-plan's, so it goes; the others stay.
    app.update(Action::MoveLater);
    assert_eq!(app.explanation("BE301"), None);
    assert!(!screen(&app).contains("Placed by the auto-plan"));
    app.update(Action::MoveEarlier);
    assert_eq!(app.explanation("BE301"), None, "forgotten, not hidden");
    assert!(app.explanation("BE405").is_some());
    // Undoing the auto-plan itself takes every explanation with it.
    app.update(Action::Undo);
    app.update(Action::Undo);
    app.update(Action::Undo);
    assert_eq!(*app.plan(), ada_plan());
    assert_eq!(app.explanation("BE405"), None);
    assert_eq!(app.explanation("BE201"), None);
}

#[test]
fn autoplan_preview_120x40() {
    let mut app = app_on(ada_plan());
    app.update(Action::AutoPlan);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn autoplan_preview_without_a_plan_120x40() {
    let mut app = app_on(ada_plan());
    app.update(Action::AutoPlan);
    for _ in 0..3 {
        app.update(Action::FewerTerms);
    }
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn the_auto_plan_of_its_own_proposal_changes_nothing_and_says_so() {
    let mut app = app_on(ada_plan());
    app.update(Action::AutoPlan);
    app.update(Action::Confirm);
    let applied = app.plan().clone();
    app.update(Action::AutoPlan);
    assert_eq!(preview(&app).counts(), (0, 0));
    app.update(Action::Confirm);
    assert_eq!(*app.plan(), applied);
    assert!(
        message(&app).contains("nothing changed"),
        "{}",
        message(&app)
    );
    assert!(app.explanation("BE405").is_some(), "the reasons stay");
    app.update(Action::Undo);
    assert_eq!(*app.plan(), ada_plan(), "no second step to undo");
}

#[test]
fn scrolling_the_proposal_stops_at_its_end() {
    let mut app = app_on(ada_plan());
    app.update(Action::AutoPlan);
    for _ in 0..10 {
        app.update(Action::PageDown);
    }
    // The legend, four terms and their 22 courses.
    assert_eq!(preview(&app).scroll, 26);
    let small = ui::screen_text(&app, &Theme::mono(), 80, 24);
    assert!(small.contains("BE405"), "the last row shows:\n{small}");
    app.update(Action::PageUp);
    assert_eq!(preview(&app).scroll, 16);
}
