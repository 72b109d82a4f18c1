//! Prior credit in the planner (issue 15): the block before the first term and the cursor in
//! it, the form that records and changes entries with what it refuses, removing and undoing,
//! the role rule (the student records, a reviewer reads), "record it as prior credit" from a
//! missing prerequisite, the saved file, and what the screen shows.

use std::path::PathBuf;

use degree_planner::action::{Action, Spot};
use degree_planner::app::{App, Effect, Focus, Msg, Overlay, PriorField, PriorForm, Tone};
use degree_planner::model::curriculum::PriorRules;
use degree_planner::model::plan::{PriorCredit, PriorSource, StandsFor};
use degree_planner::model::{self, Curriculum, Plan, ProblemKind};
use degree_planner::store;
use degree_planner::theme::Theme;
use degree_planner::ui;

use crate::common::bundled;

const REVIEWER: &str = "Dr Grace";

/// The bundled program, where BE404 must be taken here and at most 10 prior credits count.
fn program() -> Curriculum {
    let mut c = bundled();
    c.prior_credit = Some(PriorRules {
        max_credits: Some(10),
        taken_here: vec!["BE404".into()],
    });
    c
}

fn app_on(plan: Plan) -> App {
    App::new(program(), plan, PathBuf::from("prior-test.ron"), true)
        .with_today(|| "2026-11-20".to_string())
}

/// The recommended plan without BE101 in any term: BE201 and others miss it.
fn without_be101() -> Plan {
    let c = program();
    let mut plan = Plan::recommended(&c, "Grace");
    let slot = plan.find("BE101").expect("BE101 is placed");
    plan.remove(slot);
    plan
}

fn entry(code: &str, source: PriorSource, from: &str) -> PriorCredit {
    PriorCredit {
        source,
        stands_for: StandsFor::Course(code.into()),
        credits: 3,
        from: from.into(),
        result: String::new(),
        note: String::new(),
    }
}

/// The plan of docs/examples/grace.ron: BE101 by transfer, BE102 by exam, 2 credits
/// recognised.
fn grace() -> Plan {
    let text = include_str!("../../docs/examples/grace.ron");
    store::parse_plan(text, "grace.ron").unwrap_or_else(|e| panic!("{e}"))
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
}

fn form(app: &App) -> &PriorForm {
    match app.overlay() {
        Some(Overlay::PriorForm(form)) => form,
        other => panic!("no prior-credit form open: {other:?}"),
    }
}

/// Moves the form's keyboard to `field`.
fn to_field(app: &mut App, field: PriorField) {
    for _ in 0..PriorField::ALL.len() {
        if form(app).field == field {
            return;
        }
        app.update(Action::NextFocus);
    }
    panic!("the form has no field {field:?}");
}

fn message(app: &App) -> (Tone, String) {
    let m = app.message().expect("a message");
    (m.tone, m.text.clone())
}

fn assert_error(app: &App, contains: &str) {
    let (tone, text) = message(app);
    assert_eq!(tone, Tone::Error, "{text}");
    assert!(text.contains(contains), "{text:?} should say {contains:?}");
}

fn kinds(app: &App) -> Vec<ProblemKind> {
    model::problems(app.curriculum(), app.plan())
        .into_iter()
        .map(|p| p.kind)
        .collect()
}

fn misses_be101(app: &App) -> bool {
    kinds(app).iter().any(|k| {
        matches!(k, ProblemKind::PrerequisiteOrder { prerequisite, .. } if prerequisite == "BE101")
    })
}

#[test]
fn a_missing_prerequisite_is_recorded_as_prior_credit_from_the_problems_pane() {
    let mut app = app_on(without_be101());
    assert!(misses_be101(&app));
    let problems = model::problems(app.curriculum(), app.plan());
    let row = problems
        .iter()
        .position(|p| matches!(&p.kind, ProblemKind::PrerequisiteOrder { prerequisite, .. } if prerequisite == "BE101"))
        .expect("a problem names BE101");
    app.update(Action::Click(Spot {
        pane: Focus::Problems,
        term: None,
        row: None,
    }));
    for _ in 0..row {
        app.update(Action::Down);
    }
    app.update(Action::AddPrior);
    assert_eq!(
        form(&app).course.value(),
        "BE101",
        "prefilled with the missing course"
    );
    assert_eq!(form(&app).editing, None);
    to_field(&mut app, PriorField::From);
    type_text(&mut app, "Uni Elsewhere");
    to_field(&mut app, PriorField::Result);
    type_text(&mut app, "B+");
    app.update(Action::Submit);
    assert!(app.overlay().is_none(), "the form closes");
    assert_eq!(
        app.plan().prior,
        vec![PriorCredit {
            source: PriorSource::Transfer,
            stands_for: StandsFor::Course("BE101".into()),
            credits: 4,
            from: "Uni Elsewhere".into(),
            result: "B+".into(),
            note: String::new(),
        }],
        "empty credits take the course's"
    );
    assert!(
        !misses_be101(&app),
        "the prerequisite is met: {:?}",
        kinds(&app)
    );
    assert!(message(&app).1.contains("Prior credit recorded: BE101"));
    assert_eq!(
        app.selected_prior(),
        Some(0),
        "the cursor is on the new entry"
    );
    assert_eq!(app.cursor().focus, Focus::Terms);
    app.update(Action::Undo);
    assert!(app.plan().prior.is_empty());
    assert!(!app.in_prior(), "no block, no cursor in it");
    app.update(Action::Redo);
    assert_eq!(app.plan().prior.len(), 1);
    assert_eq!(app.selected_prior(), Some(0));
}

#[test]
fn the_highlighted_course_offers_its_missing_prerequisite() {
    let mut app = app_on(without_be101());
    let slot = app.plan().find("BE201").expect("BE201 is placed");
    app.update(Action::Click(Spot {
        pane: Focus::Terms,
        term: Some(slot.term),
        row: Some(slot.index),
    }));
    assert_eq!(app.selected_code().as_deref(), Some("BE201"));
    app.update(Action::AddPrior);
    assert_eq!(form(&app).course.value(), "BE101");
    app.update(Action::Cancel);
    assert!(app.overlay().is_none());
    assert!(app.plan().prior.is_empty(), "Esc records nothing");
    // A course that misses nothing opens an empty form, for unassigned credits.
    app.update(Action::Click(Spot {
        pane: Focus::Terms,
        term: Some(0),
        row: Some(0),
    }));
    app.update(Action::AddPrior);
    assert_eq!(form(&app).course.value(), "");
}

#[test]
fn the_form_refuses_what_cannot_be_prior_credit_and_says_why() {
    let mut app = app_on(without_be101());
    app.update(Action::AddPrior);
    to_field(&mut app, PriorField::Course);
    type_text(&mut app, "BE404");
    app.update(Action::Submit);
    assert_error(&app, "must be taken here");
    assert_eq!(
        form(&app).field,
        PriorField::Course,
        "the form stays, on the field"
    );
    app.update(Action::Edit(
        degree_planner::field::InputRequest::DeleteFromStart,
    ));
    type_text(&mut app, "XX999");
    app.update(Action::Submit);
    assert_error(&app, "XX999 is not a course of");
    app.update(Action::Edit(
        degree_planner::field::InputRequest::DeleteFromStart,
    ));
    // Unassigned credits need a number; a number must be one.
    app.update(Action::Submit);
    assert_error(&app, "needs a number of credits");
    assert_eq!(form(&app).field, PriorField::Credits);
    type_text(&mut app, "six");
    app.update(Action::Submit);
    assert_error(&app, "whole number above 0");
    app.update(Action::Edit(
        degree_planner::field::InputRequest::DeleteFromStart,
    ));
    type_text(&mut app, "6");
    to_field(&mut app, PriorField::Toward);
    type_text(&mut app, "nowhere");
    app.update(Action::Submit);
    assert_error(&app, "neither a requirement group nor a course attribute");
    assert!(app.plan().prior.is_empty(), "nothing refused is recorded");
    app.update(Action::Edit(
        degree_planner::field::InputRequest::DeleteFromStart,
    ));
    // The source is chosen by its first letter.
    to_field(&mut app, PriorField::Source);
    app.update(Action::Input('e'));
    app.update(Action::Submit);
    assert_eq!(
        app.plan().prior,
        vec![PriorCredit {
            source: PriorSource::Exam,
            stands_for: StandsFor::Credits { toward: None },
            credits: 6,
            from: String::new(),
            result: String::new(),
            note: String::new(),
        }]
    );
    // The same course twice is refused.
    let mut app = app_on(grace());
    app.update(Action::AddPrior);
    to_field(&mut app, PriorField::Course);
    type_text(&mut app, "be101");
    app.update(Action::Submit);
    assert_error(&app, "BE101 is prior credit already");
}

#[test]
fn the_block_comes_before_the_first_term_and_is_not_a_term() {
    let mut app = app_on(grace());
    assert!(!app.in_prior());
    app.update(Action::PrevTerm);
    assert_eq!(
        app.selected_prior(),
        Some(0),
        "← from the first term enters the block"
    );
    assert_eq!(app.selected_code().as_deref(), Some("BE101"));
    assert_eq!(
        app.selected_slot(),
        None,
        "no course of a term is highlighted"
    );
    app.update(Action::PrevTerm);
    assert_eq!(app.selected_prior(), Some(0), "nothing is before it");
    app.update(Action::Last);
    assert_eq!(app.selected_prior(), Some(2));
    assert_eq!(
        app.selected_code(),
        None,
        "unassigned credits are no course"
    );
    let before = app.plan().clone();
    for action in [
        Action::DeleteTerm,
        Action::RenameTerm,
        Action::MoveLater,
        Action::CycleStatus,
        Action::TermStatus,
        Action::AddTerm,
    ] {
        app.update(action);
        assert_eq!(app.plan(), &before, "{action:?} changes nothing");
        assert!(app.overlay().is_none(), "{action:?} asks nothing");
        assert!(
            message(&app).1.contains("Prior credit is not a term"),
            "{action:?}: {:?}",
            message(&app)
        );
    }
    app.update(Action::NextTerm);
    assert!(!app.in_prior());
    assert_eq!(app.cursor().term, 0);
    // A plan without prior credit has no block to go to.
    let mut app = app_on(without_be101());
    app.update(Action::PrevTerm);
    assert!(!app.in_prior());
    app.update(Action::EditPrior);
    assert!(message(&app).1.contains("no prior credit to edit"));
}

#[test]
fn the_student_edits_and_removes_the_highlighted_entry_and_undo_brings_it_back() {
    let mut app = app_on(grace());
    app.update(Action::PrevTerm);
    app.update(Action::Down);
    app.update(Action::EditPrior);
    let f = form(&app);
    assert_eq!(f.editing, Some(1));
    assert_eq!(f.course.value(), "BE102");
    assert_eq!(f.from.value(), "IB Computer Science HL");
    assert_eq!(f.source, PriorSource::Exam);
    to_field(&mut app, PriorField::Result);
    app.update(Action::Backspace);
    type_text(&mut app, "6");
    to_field(&mut app, PriorField::Note);
    type_text(&mut app, "certificate seen");
    app.update(Action::Submit);
    let e = &app.plan().prior[1];
    assert_eq!(
        (e.result.as_str(), e.note.as_str()),
        ("6", "certificate seen")
    );
    assert_eq!(app.plan().prior.len(), 3, "changed in place");
    // Enter on an entry edits it too.
    app.update(Action::Toggle);
    assert_eq!(form(&app).editing, Some(1));
    app.update(Action::Cancel);
    app.update(Action::RemovePrior);
    assert_eq!(app.plan().prior.len(), 2);
    assert!(app.plan().prior.iter().all(|e| e.course() != Some("BE102")));
    assert!(message(&app).1.contains("Prior credit removed: BE102"));
    assert_eq!(
        app.selected_prior(),
        Some(1),
        "the next entry is highlighted"
    );
    app.update(Action::Undo);
    assert_eq!(app.plan().prior[1].course(), Some("BE102"));
    assert_eq!(app.selected_prior(), Some(1), "undo shows what came back");
    // Removing every entry leaves the block, and the cursor goes to the first term.
    for _ in 0..3 {
        app.update(Action::First);
        app.update(Action::RemovePrior);
    }
    assert!(app.plan().prior.is_empty());
    assert!(!app.in_prior());
}

#[test]
fn a_reviewer_reads_prior_credit_and_may_not_change_it() {
    let mut app = app_on(grace());
    app.update(Msg::Review(Some(REVIEWER.into())));
    let before = app.plan().clone();
    app.update(Action::AddPrior);
    assert!(app.overlay().is_none(), "no form for a reviewer");
    assert_error(
        &app,
        "Prior credit is the student's to record; a reviewer reads it",
    );
    app.update(Action::PrevTerm);
    assert_eq!(
        app.selected_prior(),
        Some(0),
        "the reviewer moves in the block"
    );
    for action in [Action::EditPrior, Action::Toggle, Action::RemovePrior] {
        app.update(action);
        assert!(app.overlay().is_none(), "{action:?}");
        assert_error(&app, "a reviewer reads it");
    }
    assert_eq!(app.plan(), &before);
    assert!(!app.available(degree_planner::action::Context::Normal, Action::AddPrior));
    // The student may.
    let mut app = app_on(grace());
    assert!(app.available(degree_planner::action::Context::Normal, Action::AddPrior));
    app.update(Action::AddPrior);
    assert!(matches!(app.overlay(), Some(Overlay::PriorForm(_))));
}

#[test]
fn a_read_only_plan_records_no_prior_credit() {
    let mut app = app_on(grace());
    app.update(Msg::Locked(Some("another planner has it open".into())));
    app.update(Action::AddPrior);
    assert!(app.overlay().is_none());
    assert_error(&app, "Read-only: another planner has it open");
}

#[test]
fn a_prior_credit_problem_goes_to_its_entry() {
    let mut plan = grace();
    plan.prior
        .push(entry("BE404", PriorSource::Other, "elsewhere"));
    let mut app = app_on(plan);
    let problems = model::problems(app.curriculum(), app.plan());
    let row = problems
        .iter()
        .position(
            |p| matches!(&p.kind, ProblemKind::PriorTakenHere { course } if course == "BE404"),
        )
        .expect("BE404 must be taken here");
    app.update(Action::Click(Spot {
        pane: Focus::Problems,
        term: None,
        row: Some(row),
    }));
    assert_eq!(app.selected_prior(), Some(3));
    assert_eq!(app.cursor().focus, Focus::Terms);
}

#[test]
fn a_recorded_entry_is_saved_and_read_back_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("grace.ron");
    let mut app = App::new(program(), without_be101(), path.clone(), false);
    app.update(Action::AddPrior);
    to_field(&mut app, PriorField::Course);
    type_text(&mut app, "BE102");
    to_field(&mut app, PriorField::Source);
    app.update(Action::Input('r'));
    to_field(&mut app, PriorField::Credits);
    type_text(&mut app, "2");
    to_field(&mut app, PriorField::From);
    type_text(&mut app, "Acme Corp");
    to_field(&mut app, PriorField::Note);
    type_text(&mut app, "portfolio \"reviewed\", see file");
    app.update(Action::Submit);
    let Some(Effect::Save { path: to, plan, .. }) = app.update(Action::Save) else {
        panic!("s saves");
    };
    store::save_plan(&to, &plan).expect("saved");
    let back = store::load_plan(&path).expect("read back");
    assert_eq!(back.prior, app.plan().prior);
    assert_eq!(
        back.prior[0],
        PriorCredit {
            source: PriorSource::Recognition,
            stands_for: StandsFor::Course("BE102".into()),
            credits: 2,
            from: "Acme Corp".into(),
            result: String::new(),
            note: "portfolio \"reviewed\", see file".into(),
        }
    );
}

fn screen(app: &App, width: u16, height: u16) -> String {
    ui::screen_text(app, &Theme::color(), width, height)
}

#[test]
fn screen_with_the_prior_credit_block_120x40() {
    let mut app = app_on(grace());
    app.update(Action::PrevTerm);
    app.update(Action::Last);
    insta::assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn screen_with_the_prior_credit_block_80x24() {
    let mut app = app_on(grace());
    app.update(Action::PrevTerm);
    insta::assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn screen_with_the_prior_credit_form_120x40() {
    let mut app = app_on(without_be101());
    let slot = app.plan().find("BE201").expect("BE201 is placed");
    app.update(Action::Click(Spot {
        pane: Focus::Terms,
        term: Some(slot.term),
        row: Some(slot.index),
    }));
    app.update(Action::AddPrior);
    to_field(&mut app, PriorField::From);
    type_text(&mut app, "Uni Elsewhere");
    insta::assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn a_plan_without_prior_credit_gives_it_no_rows() {
    let app = app_on(without_be101());
    let text = screen(&app, 120, 40);
    assert!(!text.contains("Prior credit"), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[2].contains("Semester I"),
        "the terms start right under the credits"
    );
}

#[test]
fn prior_credit_for_a_required_course_keeps_the_career_paths_ranked() {
    let app = app_on(grace());
    let standings = model::standings(app.curriculum(), app.plan());
    assert!(
        standings.ranked,
        "BE101 and BE102 are prior credit, not missing: {:?}",
        standings
            .missing_required
            .iter()
            .map(|c| &c.code)
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_course_lacking_a_prerequisite_offers_to_record_it_to_the_student_only() {
    let highlight_be201 = |app: &mut App| {
        let slot = app.plan().find("BE201").expect("BE201 is placed");
        app.update(Action::Click(Spot {
            pane: Focus::Terms,
            term: Some(slot.term),
            row: Some(slot.index),
        }));
    };
    let mut app = app_on(without_be101());
    highlight_be201(&mut app);
    let text = screen(&app, 120, 40);
    assert!(text.contains("T records BE101 as prior credit"), "{text}");
    app.update(Msg::Review(Some(REVIEWER.into())));
    highlight_be201(&mut app);
    let text = screen(&app, 120, 40);
    assert!(!text.contains("as prior credit"), "{text}");
}
