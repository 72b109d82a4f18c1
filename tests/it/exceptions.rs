//! Exceptions in the planner (issue 15): the remedies offered for a problem, requesting one
//! with a reason, editing and withdrawing it, a reviewer granting or refusing it, undo; the
//! exceptions overlay and a waived problem in place, as snapshots; and the whole story in a
//! pseudo-terminal: the student requests, the advisor grants and approves, the student
//! changes the plan, and `check` says what changed since the approval.

use degree_planner::action::{Action, Spot};
use degree_planner::app::{App, Focus, Msg, Overlay, PromptKind, Tone};
use degree_planner::model::exceptions;
use degree_planner::model::plan::{ExceptionState, Grant, Warning};
use degree_planner::model::review::NoteTarget;
use degree_planner::model::{self, Plan, ProblemKind, remedy};
use degree_planner::theme::Theme;
use degree_planner::ui;

use crate::common::bundled;

const REVIEWER: &str = "Dr Grace";
const TODAY: &str = "2026-11-20";
const REASON: &str = "runs Linux servers at work";

/// The recommended plan for Ada with BE204 and BE205 moved to Semester III: BE301 there
/// needs BE204 first (an error), and the term is over the load limit (a warning).
fn tangled() -> Plan {
    let c = bundled();
    let mut plan = Plan::recommended(&c, "Ada Lovelace");
    for code in ["BE204", "BE205"] {
        let slot = plan.find(code).expect("placed");
        plan.move_to(slot, 2).expect("moved to Semester III");
    }
    plan
}

fn student_on(plan: Plan) -> App {
    App::new(bundled(), plan, "plans/ada.ron".into(), true).with_today(|| TODAY.to_string())
}

fn reviewer_on(plan: Plan) -> App {
    let mut app = student_on(plan);
    app.update(Msg::Review(Some(REVIEWER.into())));
    app
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
}

/// Highlights problem `row` in the problems pane.
fn on_problem(app: &mut App, row: usize) {
    app.update(Action::Click(Spot {
        pane: Focus::Problems,
        term: None,
        row: Some(row),
    }));
    // A click on a problem goes to its course; the pane gets the keyboard back.
    app.update(Action::Click(Spot {
        pane: Focus::Problems,
        term: None,
        row: None,
    }));
    for _ in 0..row {
        app.update(Action::Down);
    }
}

/// The row of the first problem whose message contains `needle`.
fn problem_row(app: &App, needle: &str) -> usize {
    model::problems(app.curriculum(), app.plan())
        .iter()
        .position(|p| p.message.contains(needle))
        .unwrap_or_else(|| panic!("no problem says {needle:?}"))
}

fn message(app: &App) -> String {
    app.message().map(|m| m.text.clone()).unwrap_or_default()
}

/// The student's plan with the BE301 waiver requested through the keys.
fn requested() -> App {
    let mut app = student_on(tangled());
    let row = problem_row(&app, "BE301");
    on_problem(&mut app, row);
    app.update(Action::RequestException);
    type_text(&mut app, REASON);
    app.update(Action::Submit);
    app
}

fn screen(app: &App, width: u16, height: u16) -> String {
    ui::screen_text(app, &Theme::color(), width, height)
}

// ---------------------------------------------------------------------------------------------
// The remedies offered for a problem
// ---------------------------------------------------------------------------------------------

#[test]
fn each_problem_is_offered_the_exceptions_that_answer_it() {
    let c = bundled();
    let mut plan = tangled();
    let freelancing = plan.find("BE405").expect("BE405 placed");
    plan.remove(freelancing);
    let problems = model::problems(&c, &plan);
    let of = |pred: &dyn Fn(&ProblemKind) -> bool| {
        let p = problems.iter().find(|p| pred(&p.kind)).expect("the problem");
        (p, remedy::remedies(&c, &plan, p))
    };
    let (_, order) = of(&|k| matches!(k, ProblemKind::PrerequisiteOrder { course, .. } if course == "BE301"));
    assert_eq!(order, [Grant::WaiveRequisite("BE301".into())]);
    let (_, load) = of(&|k| matches!(k, ProblemKind::OverLoad { .. }));
    assert_eq!(
        load[0],
        Grant::Acknowledge(Warning::OverLoad("Semester III".into()))
    );
    assert!(
        matches!(&load[1], Grant::TermLoad { term, to } if term == "Semester III" && *to > 18),
        "{load:?}"
    );
    let (_, unplanned) = of(&|k| matches!(k, ProblemKind::RequiredUnplanned { .. }));
    assert!(unplanned.len() > 10, "one substitute per placed course");
    assert!(unplanned.iter().all(|g| matches!(g, Grant::Substitute { course, by } if course == "BE405" && by != "BE405")));
    // Every remedy answers its problem, so a granted one counts it as met.
    for p in &problems {
        for g in remedy::remedies(&c, &plan, p) {
            assert!(exceptions::answers(&c, &plan, &g, &p.kind), "{g:?} for {p}");
        }
    }
    let (_, short) = of(&|k| matches!(k, ProblemKind::DegreeShort { .. }));
    assert!(short.is_empty(), "no exception answers a degree short of credits");
}

// ---------------------------------------------------------------------------------------------
// Requesting, editing, withdrawing
// ---------------------------------------------------------------------------------------------

#[test]
fn a_missing_prerequisite_asks_straight_for_the_reason_of_a_waiver() {
    let mut app = student_on(tangled());
    let row = problem_row(&app, "BE301");
    on_problem(&mut app, row);
    app.update(Action::RequestException);
    match app.overlay() {
        Some(Overlay::Prompt(p)) => {
            assert_eq!(p.kind, PromptKind::Reason(Grant::WaiveRequisite("BE301".into())));
        }
        other => panic!("expected the reason prompt, got {other:?}"),
    }
    // No reason, no request: the prompt asks again.
    app.update(Action::Submit);
    assert_eq!(app.message().map(|m| m.tone), Some(Tone::Error));
    assert!(message(&app).contains("needs a reason"), "{}", message(&app));
    assert!(matches!(app.overlay(), Some(Overlay::Prompt(_))));
    assert!(app.plan().exceptions.is_empty());
    type_text(&mut app, REASON);
    app.update(Action::Submit);
    let e = &app.plan().exceptions[..];
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].grant, Grant::WaiveRequisite("BE301".into()));
    assert_eq!(e[0].reason, REASON);
    assert_eq!(e[0].author, "Ada Lovelace");
    assert_eq!(e[0].date, TODAY);
    assert_eq!(e[0].state, ExceptionState::Requested);
    assert!(message(&app).starts_with("Exception requested"), "{}", message(&app));
    // Asking again for the same problem says it is requested already.
    app.update(Action::RequestException);
    assert!(message(&app).contains("requested for this already"), "{}", message(&app));
    assert_eq!(app.plan().exceptions.len(), 1);
    // One undoable edit.
    app.update(Action::Undo);
    assert!(app.plan().exceptions.is_empty());
    app.update(Action::Redo);
    assert_eq!(app.plan().exceptions.len(), 1);
}

#[test]
fn a_heavy_term_offers_a_choice_from_its_course() {
    let mut app = student_on(tangled());
    // BE301 in Semester III: its prerequisite problem and its term's load.
    let slot = app.plan().find("BE301").expect("placed");
    app.update(Action::Click(Spot {
        pane: Focus::Terms,
        term: Some(slot.term),
        row: Some(slot.index),
    }));
    app.update(Action::RequestException);
    let Some(Overlay::Remedies(offers)) = app.overlay() else {
        panic!("expected the choice, got {:?}", app.overlay());
    };
    assert_eq!(offers.grants.len(), 3, "{:?}", offers.grants);
    assert!(offers.about.starts_with("BE301 "), "{}", offers.about);
    app.update(Action::Down);
    app.update(Action::Toggle);
    let Some(Overlay::Prompt(p)) = app.overlay() else {
        panic!("expected the reason prompt");
    };
    assert_eq!(
        p.kind,
        PromptKind::Reason(Grant::Acknowledge(Warning::OverLoad("Semester III".into())))
    );
    app.update(Action::Cancel);
    assert!(app.plan().exceptions.is_empty(), "cancelling requests nothing");
}

#[test]
fn a_course_without_problems_has_nothing_to_request() {
    let mut app = student_on(tangled());
    app.update(Action::Click(Spot {
        pane: Focus::Terms,
        term: Some(0),
        row: Some(0),
    }));
    app.update(Action::RequestException);
    assert!(app.overlay().is_none());
    assert!(message(&app).contains("BE101 has no problem"), "{}", message(&app));
}

#[test]
fn the_student_edits_the_reason_and_withdraws_the_request_but_cannot_grant() {
    let mut app = requested();
    app.update(Action::ShowExceptions);
    assert!(matches!(app.overlay(), Some(Overlay::Exceptions(_))));
    app.update(Action::GrantException);
    assert_eq!(app.message().map(|m| m.tone), Some(Tone::Error));
    assert!(message(&app).contains("Only a reviewer grants"), "{}", message(&app));
    assert_eq!(app.plan().exceptions[0].state, ExceptionState::Requested);
    app.update(Action::RefuseException);
    assert!(message(&app).contains("Only a reviewer"), "{}", message(&app));

    app.update(Action::EditReason);
    assert!(matches!(app.overlay(), Some(Overlay::Prompt(_))));
    app.update(Action::Edit(tui_input::InputRequest::DeleteFromStart));
    app.update(Action::Submit);
    assert!(message(&app).contains("needs a reason"), "{}", message(&app));
    type_text(&mut app, "BE204 taken alongside");
    app.update(Action::Submit);
    assert_eq!(app.plan().exceptions[0].reason, "BE204 taken alongside");
    assert!(matches!(app.overlay(), Some(Overlay::Exceptions(_))), "back to the list");

    app.update(Action::RemoveException);
    assert!(app.plan().exceptions.is_empty());
    app.update(Action::Undo);
    assert_eq!(app.plan().exceptions.len(), 1);
}

#[test]
fn a_reviewer_grants_and_the_problem_stops_counting_as_an_error() {
    let student = requested();
    let mut app = reviewer_on(student.plan().clone());
    let c = app.curriculum().clone();
    let open = |app: &App| {
        exceptions::open_errors(&c, app.plan(), &model::problems(&c, app.plan()))
    };
    assert_eq!(open(&app), 1);
    app.update(Action::ShowExceptions);
    app.update(Action::GrantException);
    let e = &app.plan().exceptions[0];
    assert_eq!(
        e.state,
        ExceptionState::Granted {
            by: REVIEWER.into(),
            date: TODAY.into()
        }
    );
    assert_eq!(open(&app), 0);
    assert!(message(&app).starts_with("Granted"), "{}", message(&app));
    // A student cannot take a granted exception back; the reviewer's undo can.
    let mut back = student_on(app.plan().clone());
    back.update(Action::ShowExceptions);
    back.update(Action::RemoveException);
    assert_eq!(back.plan().exceptions.len(), 1);
    assert!(message(&back).contains("removed by a reviewer"), "{}", message(&back));
    app.update(Action::Undo);
    assert_eq!(app.plan().exceptions[0].state, ExceptionState::Requested);
}

#[test]
fn a_refusal_with_a_reason_reaches_the_student_as_a_note() {
    let mut app = reviewer_on(requested().plan().clone());
    app.update(Action::ShowExceptions);
    app.update(Action::RefuseException);
    type_text(&mut app, "take BE204 first");
    app.update(Action::Submit);
    let plan = app.plan();
    assert!(matches!(plan.exceptions[0].state, ExceptionState::Refused { .. }));
    assert_eq!(plan.notes.len(), 1);
    assert_eq!(plan.notes[0].on, NoteTarget::Course("BE301".into()));
    assert!(plan.notes[0].text.contains("take BE204 first"), "{:?}", plan.notes);
    // One edit: one undo takes back both.
    app.update(Action::Undo);
    assert_eq!(app.plan().exceptions[0].state, ExceptionState::Requested);
    assert!(app.plan().notes.is_empty());
}

// ---------------------------------------------------------------------------------------------
// On screen
// ---------------------------------------------------------------------------------------------

#[test]
fn the_problems_pane_marks_a_requested_exception_and_still_counts_the_error() {
    let app = requested();
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("Problems: 1 error, 1 warning"), "{shown}");
    assert!(shown.contains("exception requested:"), "{shown}");
}

#[test]
fn a_waived_problem_in_place_120x40() {
    let mut app = reviewer_on(requested().plan().clone());
    app.update(Action::ShowExceptions);
    app.update(Action::GrantException);
    app.update(Action::Cancel);
    let shown = screen(&student_on(app.plan().clone()), 120, 40);
    assert!(shown.contains("Problems: 1 waived, 1 warning"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn exceptions_overlay_120x40() {
    let mut plan = requested().plan().clone();
    exceptions::request(
        &mut plan,
        Grant::Substitute {
            course: "BE405".into(),
            by: "BE999".into(),
        },
        "freelance course at City College",
        "Ada Lovelace",
        "2026-11-03",
    )
    .expect("requested");
    let mut app = reviewer_on(plan);
    app.update(Action::ShowExceptions);
    app.update(Action::GrantException);
    insta::assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn choosing_an_exception_to_request_100x30() {
    let mut app = student_on(tangled());
    let slot = app.plan().find("BE301").expect("placed");
    app.update(Action::Click(Spot {
        pane: Focus::Terms,
        term: Some(slot.term),
        row: Some(slot.index),
    }));
    app.update(Action::RequestException);
    insta::assert_snapshot!(screen(&app, 100, 30));
}
