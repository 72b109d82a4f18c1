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
        let p = problems
            .iter()
            .find(|p| pred(&p.kind))
            .expect("the problem");
        (p, remedy::remedies(&c, &plan, p))
    };
    let (_, order) =
        of(&|k| matches!(k, ProblemKind::PrerequisiteOrder { course, .. } if course == "BE301"));
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
    assert!(unplanned.iter().all(
        |g| matches!(g, Grant::Substitute { course, by } if course == "BE405" && by != "BE405")
    ));
    // Every remedy answers its problem, so a granted one counts it as met.
    for p in &problems {
        for g in remedy::remedies(&c, &plan, p) {
            assert!(exceptions::answers(&c, &plan, &g, &p.kind), "{g:?} for {p}");
        }
    }
    let (_, short) = of(&|k| matches!(k, ProblemKind::DegreeShort { .. }));
    assert!(
        short.is_empty(),
        "no exception answers a degree short of credits"
    );
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
            assert_eq!(
                p.kind,
                PromptKind::Reason(Grant::WaiveRequisite("BE301".into()))
            );
        }
        other => panic!("expected the reason prompt, got {other:?}"),
    }
    // No reason, no request: the prompt asks again.
    app.update(Action::Submit);
    assert_eq!(app.message().map(|m| m.tone), Some(Tone::Error));
    assert!(
        message(&app).contains("needs a reason"),
        "{}",
        message(&app)
    );
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
    assert!(
        message(&app).starts_with("Exception requested"),
        "{}",
        message(&app)
    );
    // Asking again for the same problem says it is requested already.
    app.update(Action::RequestException);
    assert!(
        message(&app).contains("requested for this already"),
        "{}",
        message(&app)
    );
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
    assert!(
        app.plan().exceptions.is_empty(),
        "cancelling requests nothing"
    );
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
    assert!(
        message(&app).contains("BE101 has no problem"),
        "{}",
        message(&app)
    );
}

#[test]
fn the_student_edits_the_reason_and_withdraws_the_request_but_cannot_grant() {
    let mut app = requested();
    app.update(Action::ShowExceptions);
    assert!(matches!(app.overlay(), Some(Overlay::Exceptions(_))));
    app.update(Action::GrantException);
    assert_eq!(app.message().map(|m| m.tone), Some(Tone::Error));
    assert!(
        message(&app).contains("Only a reviewer grants"),
        "{}",
        message(&app)
    );
    assert_eq!(app.plan().exceptions[0].state, ExceptionState::Requested);
    app.update(Action::RefuseException);
    assert!(
        message(&app).contains("Only a reviewer"),
        "{}",
        message(&app)
    );

    app.update(Action::EditReason);
    assert!(matches!(app.overlay(), Some(Overlay::Prompt(_))));
    app.update(Action::Edit(tui_input::InputRequest::DeleteFromStart));
    app.update(Action::Submit);
    assert!(
        message(&app).contains("needs a reason"),
        "{}",
        message(&app)
    );
    type_text(&mut app, "BE204 taken alongside");
    app.update(Action::Submit);
    assert_eq!(app.plan().exceptions[0].reason, "BE204 taken alongside");
    assert!(
        matches!(app.overlay(), Some(Overlay::Exceptions(_))),
        "back to the list"
    );

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
    let open =
        |app: &App| exceptions::open_errors(&c, app.plan(), &model::problems(&c, app.plan()));
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
    assert!(
        message(&back).contains("removed by a reviewer"),
        "{}",
        message(&back)
    );
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
    assert!(matches!(
        plan.exceptions[0].state,
        ExceptionState::Refused { .. }
    ));
    assert_eq!(plan.notes.len(), 1);
    assert_eq!(plan.notes[0].on, NoteTarget::Course("BE301".into()));
    assert!(
        plan.notes[0].text.contains("take BE204 first"),
        "{:?}",
        plan.notes
    );
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

// ---------------------------------------------------------------------------------------------
// The whole story, with the real binary in a pseudo-terminal
// ---------------------------------------------------------------------------------------------

/// The student asks for a waiver with a reason, the advisor grants it and approves the plan,
/// the student changes the plan, and `check` says the plan changed since the approval and
/// names the change. Each step is checked on the screen and in the saved file.
#[cfg(unix)]
#[test]
fn student_requests_advisor_grants_student_changes_check_says_changed() {
    use std::ffi::OsString;
    use std::process::{Command, Stdio};

    use crate::common::pty::{BIN, Tui, keys};
    use degree_planner::model::review::{self, Decision, VerdictState};
    use degree_planner::store;

    const SHIFT_TAB: &str = "\x1b[Z";
    let dir = tempfile::Builder::new()
        .prefix("dp-exceptions-")
        .tempdir()
        .expect("temp dir");
    let path = store::plans_dir(dir.path()).join("ada.ron");
    // BE204 beside BE301, which needs it first: one missing-prerequisite error.
    let mut plan = Plan::recommended(&bundled(), "Ada Lovelace");
    let slot = plan.find("BE204").expect("BE204 placed");
    plan.move_to(slot, 2).expect("moved to Semester III");
    store::save_plan(&path, &plan).expect("saving the plan");
    let planner = |extra: &[OsString]| {
        let mut args: Vec<OsString> = vec!["--data-dir".into(), dir.path().into()];
        args.extend(extra.iter().cloned());
        let mut t = Tui::spawn(&args, &[], dir.path(), 120, 40);
        t.wait_for("64 / 64 credits");
        t.wait_terminal_taken();
        t
    };
    let load = || store::load_plan(&path).unwrap_or_else(|e| panic!("the plan does not load: {e}"));

    // The student: the problem, a waiver asked for from it, refused without a reason.
    let mut t = planner(&[path.clone().into()]);
    t.wait_for("Problems: 1 error, 0 warnings");
    // Shift-Tab from the terms: the Course pane, then the problems.
    t.send(SHIFT_TAB);
    t.send(SHIFT_TAB);
    t.wait_for("> ✗ BE301 Microservice");
    t.send("E");
    t.wait_for("Why? (waive the requisites of BE301, required)");
    t.send(keys::ENTER);
    t.wait_for("Not requested: an exception needs a reason");
    t.send(REASON);
    t.send(keys::ENTER);
    t.wait_for("Exception requested: waive the requisites of BE301");
    t.wait_for("exception requested:");
    t.wait_for("Problems: 1 error, 0 warnings");
    t.send("s");
    t.wait_for("Saved");
    t.send("q");
    t.expect_exit_code(0);
    t.assert_terminal_restored();
    let saved = load();
    assert_eq!(saved.exceptions.len(), 1, "{:?}", saved.exceptions);
    let e = &saved.exceptions[0];
    assert_eq!(e.grant, Grant::WaiveRequisite("BE301".into()));
    assert_eq!(
        (e.reason.as_str(), e.author.as_str()),
        (REASON, "Ada Lovelace")
    );
    assert_eq!(e.state, ExceptionState::Requested);

    // The advisor: grants it in the exceptions list, then approves, with no error left.
    let mut t = planner(&[
        "review".into(),
        path.clone().into(),
        "--reviewer".into(),
        REVIEWER.into(),
    ]);
    t.wait_for("REVIEW by Dr Grace");
    t.send("X");
    t.wait_for("Exceptions (1, 0 granted)");
    t.wait_for(&format!("reason: {REASON}"));
    t.send("A");
    t.wait_for("Granted: waive the requisites of BE301");
    t.wait_for("Exceptions (1, 1 granted)");
    t.send_esc();
    t.wait_gone("Exceptions (1");
    t.wait_for("Problems: 1 waived");
    t.wait_for("waived: runs Linux");
    t.send("A");
    t.wait_for("Approve: comment");
    t.send("Fine with the waiver");
    t.send(keys::ENTER);
    t.wait_for("approved by Dr Grace");
    t.send("s");
    t.wait_for("Saved");
    t.send("q");
    t.expect_exit_code(0);
    t.assert_terminal_restored();
    let saved = load();
    assert!(
        matches!(&saved.exceptions[0].state, ExceptionState::Granted { by, .. } if by == REVIEWER),
        "{:?}",
        saved.exceptions
    );
    let verdict = saved.verdict.as_ref().expect("a verdict");
    assert_eq!(verdict.decision, Decision::Approved);
    assert!(matches!(
        review::verdict_state(&saved),
        VerdictState::Current(_)
    ));

    let check = || {
        let out = Command::new(BIN)
            .args(["check".as_ref(), path.as_os_str()])
            .env_clear()
            .env("HOME", dir.path())
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .output()
            .expect("running check");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, stdout) = check();
    assert_eq!(code, Some(0), "a waived problem does not count:\n{stdout}");
    assert!(stdout.contains("approved by Dr Grace"), "{stdout}");
    assert!(
        stdout.contains(&format!("waived: {REASON} (Dr Grace,")),
        "{stdout}"
    );

    // The student again: sees the approval and the waiver, starts BE101, saves.
    let mut t = planner(&[path.clone().into()]);
    t.wait_for("approved by Dr Grace");
    t.wait_for("waived: runs Linux");
    t.send("c");
    t.wait_for("BE101 is now in progress");
    t.wait_for("changed since Dr Grace approved it");
    t.send("s");
    t.wait_for("Saved");
    t.send("q");
    t.expect_exit_code(0);
    t.assert_terminal_restored();
    assert_eq!(review::verdict_state(&load()).key(), "changed");

    let (code, stdout) = check();
    assert_eq!(code, Some(0), "still no open problem:\n{stdout}");
    assert!(
        stdout.contains("changed since Dr Grace approved it"),
        "{stdout}"
    );
    assert!(
        stdout.contains("changed since the verdict: BE101")
            && stdout.contains("from planned to in progress"),
        "check names the change:\n{stdout}"
    );
}
