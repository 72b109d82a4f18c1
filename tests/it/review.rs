//! Advisor review through the public API: what a verdict's stamp covers and what it ignores,
//! the diff it reports, the migration of version-1 plans, and who may do what in the `App`.

use std::path::PathBuf;

use degree_planner::action::Action;
use degree_planner::app::{
    App, Effect, Focus, Leave, Msg, Notes, Overlay, Prompt, PromptKind, Tone,
};
use degree_planner::field::Field;
use degree_planner::model::diff::{self, Placement as DiffPlacement};
use degree_planner::model::review::{self, Decision, Note, NoteTarget, Role, VerdictState};
use degree_planner::model::{Change, PLAN_VERSION, Placement, Plan, Slot, Status};
use degree_planner::store;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::common::bundled as curriculum;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const REVIEWER: &str = "Dr Grace";
const TODAY: &str = "2026-11-20";

fn recommended() -> Plan {
    Plan::recommended(&curriculum(), "Ada")
}

/// `plan` with a verdict given for it as it is now.
fn judged(mut plan: Plan, decision: Decision) -> Plan {
    plan.verdict = Some(review::verdict_for(
        &plan,
        decision,
        REVIEWER,
        TODAY,
        "Looks right",
    ));
    plan
}

/// The recommended plan, approved by Dr Grace.
fn approved() -> Plan {
    judged(recommended(), Decision::Approved)
}

fn slot(plan: &Plan, code: &str) -> Slot {
    plan.find(code)
        .unwrap_or_else(|| panic!("{code} is not placed"))
}

fn term_index(plan: &Plan, name: &str) -> usize {
    plan.terms
        .iter()
        .position(|t| t.name == name)
        .unwrap_or_else(|| panic!("no term {name}"))
}

/// The changes `verdict_state` reports after `edit` on `base` (approved as it is).
fn changes_after(base: Plan, edit: impl FnOnce(&mut Plan)) -> Vec<Change> {
    let mut plan = judged(base, Decision::Approved);
    edit(&mut plan);
    match review::verdict_state(&plan) {
        VerdictState::Changed(v, changes) => {
            assert_eq!(v.reviewer, REVIEWER);
            changes
        }
        other => panic!("expected Changed, got {other:?}"),
    }
}

/// Panics unless the approval of `base` is still current after `edit`.
fn still_current(base: Plan, what: &str, edit: impl FnOnce(&mut Plan)) {
    let mut plan = judged(base, Decision::Approved);
    let before = plan.clone();
    edit(&mut plan);
    assert_ne!(plan, before, "{what}: the edit should change the plan");
    let state = review::verdict_state(&plan);
    assert!(
        matches!(state, VerdictState::Current(_)),
        "{what}: expected Current, got {state:?}"
    );
    assert_eq!(state.key(), "approved", "{what}");
}

fn note(on: NoteTarget, text: &str) -> Note {
    Note {
        on,
        text: text.to_string(),
        author: REVIEWER.to_string(),
        date: TODAY.to_string(),
        addressed: false,
    }
}

fn moved(course: &str, from: &str, to: &str) -> Change {
    Change::Moved {
        course: course.into(),
        from: from.into(),
        to: to.into(),
    }
}

fn app_on(plan: Plan) -> App {
    App::new(curriculum(), plan, PathBuf::from("review-test.ron"), true)
        .with_today(|| TODAY.to_string())
}

fn student() -> App {
    app_on(recommended())
}

fn reviewer_on(plan: Plan) -> App {
    let mut app = app_on(plan);
    app.update(Msg::Review(Some(REVIEWER.into())));
    assert_eq!(
        *app.role(),
        Role::Reviewer {
            name: REVIEWER.into()
        }
    );
    app
}

/// Makes `term` the current term, at its first row.
fn to_term(app: &mut App, term: usize) {
    app.update(Action::Click(degree_planner::action::Spot {
        pane: Focus::Terms,
        term: Some(term),
        row: Some(0),
    }));
}

fn reviewer() -> App {
    reviewer_on(recommended())
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
}

fn assert_error(app: &App, contains: &str, what: &str) {
    let message = app
        .message()
        .unwrap_or_else(|| panic!("{what}: no message"));
    assert_eq!(message.tone, Tone::Error, "{what}: {message:?}");
    assert!(
        message
            .text
            .to_lowercase()
            .contains(&contains.to_lowercase()),
        "{what}: {:?} should mention {contains:?}",
        message.text
    );
}

fn prompt_kind(app: &App) -> Option<PromptKind> {
    match app.overlay() {
        Some(Overlay::Prompt(Prompt { kind, .. })) => Some(kind.clone()),
        _ => None,
    }
}

/// The reviewer actions, which a student may not use.
const REVIEW_ACTIONS: [Action; 5] = [
    Action::NoteCourse,
    Action::NoteTerm,
    Action::NotePlan,
    Action::Approve,
    Action::RequestChanges,
];

/// The actions that change courses, statuses, terms or the student's details.
const PLACEMENT_EDITS: [Action; 10] = [
    Action::Toggle,
    Action::MoveEarlier,
    Action::MoveLater,
    Action::CycleStatus,
    Action::AddTerm,
    Action::RenameTerm,
    Action::DeleteTerm,
    Action::EditGrade,
    Action::TogglePin,
    Action::EditStudent,
];

// ---------------------------------------------------------------------------------------------
// Stamp: what invalidates an approval
// ---------------------------------------------------------------------------------------------

#[test]
fn a_fresh_verdict_is_current() {
    let plan = approved();
    let state = review::verdict_state(&plan);
    let VerdictState::Current(v) = &state else {
        panic!("expected Current, got {state:?}");
    };
    assert_eq!(v.decision, Decision::Approved);
    assert_eq!(v.reviewer, REVIEWER);
    assert_eq!(v.date, TODAY);
    assert_eq!(v.comment, "Looks right");
    assert_eq!(v.reviewed, review::reviewed_content(&plan));
    assert_eq!(v.stamp, v.expected_stamp());
    assert_eq!(v.stamp.len(), 64, "a SHA-256 in hex");
    assert!(v.stamp.chars().all(|c| c.is_ascii_hexdigit()));
}

#[test]
fn moving_a_course_to_another_term_invalidates() {
    let changes = changes_after(recommended(), |plan| {
        let to = term_index(plan, "Semester II");
        plan.move_to(slot(plan, "BE101"), to).expect("moved");
    });
    assert_eq!(changes, [moved("BE101", "Semester I", "Semester II")]);
}

#[test]
fn removing_a_course_to_the_pool_invalidates() {
    let changes = changes_after(recommended(), |plan| {
        plan.remove(slot(plan, "BE203")).expect("removed");
    });
    assert_eq!(
        changes,
        [Change::Removed {
            course: "BE203".into(),
            term: "Semester II".into()
        }]
    );
}

#[test]
fn adding_a_course_invalidates() {
    let mut base = recommended();
    base.remove(slot(&base, "BE405")).expect("removed");
    let changes = changes_after(base, |plan| {
        let term = term_index(plan, "Semester III");
        plan.place(term, Placement::planned("BE405"))
            .expect("placed");
    });
    assert_eq!(
        changes,
        [Change::Added {
            course: "BE405".into(),
            term: "Semester III".into()
        }]
    );
}

#[test]
fn changing_a_status_invalidates() {
    let changes = changes_after(recommended(), |plan| {
        plan.cycle_status(slot(plan, "BE102")).expect("cycled");
    });
    assert_eq!(
        changes,
        [Change::Status {
            course: "BE102".into(),
            from: Status::Planned,
            to: Status::InProgress
        }]
    );
}

#[test]
fn renaming_a_term_invalidates() {
    let changes = changes_after(recommended(), |plan| {
        let term = term_index(plan, "Semester IV");
        assert!(plan.rename_term(term, "Spring 2028"));
    });
    // The old term is gone, a new one exists, and every course in it has moved there.
    let mut expected = vec![
        Change::TermAdded {
            term: "Spring 2028".into(),
        },
        Change::TermRemoved {
            term: "Semester IV".into(),
        },
    ];
    for code in ["BE401", "BE402", "BE403", "BE404", "BE405"] {
        expected.push(moved(code, "Semester IV", "Spring 2028"));
    }
    assert_eq!(changes, expected);
}

#[test]
fn adding_an_empty_term_invalidates() {
    let changes = changes_after(recommended(), |plan| {
        plan.add_term(2, "Summer 2027");
    });
    assert_eq!(
        changes,
        [Change::TermAdded {
            term: "Summer 2027".into()
        }]
    );
}

#[test]
fn deleting_a_term_invalidates() {
    let mut base = recommended();
    base.add_term(4, "Term 5");
    let changes = changes_after(base, |plan| {
        assert!(plan.remove_term(term_index(plan, "Term 5")));
    });
    assert_eq!(
        changes,
        [Change::TermRemoved {
            term: "Term 5".into()
        }]
    );
}

#[test]
fn several_changes_are_all_reported_and_counted() {
    let mut plan = approved();
    let to = term_index(&plan, "Semester III");
    plan.move_to(slot(&plan, "BE201"), to).expect("moved");
    plan.cycle_status(slot(&plan, "BE101")).expect("cycled");
    let state = review::verdict_state(&plan);
    let VerdictState::Changed(_, changes) = &state else {
        panic!("expected Changed, got {state:?}");
    };
    assert_eq!(
        changes,
        &[
            Change::Status {
                course: "BE101".into(),
                from: Status::Planned,
                to: Status::InProgress
            },
            moved("BE201", "Semester II", "Semester III"),
        ]
    );
    assert_eq!(
        state.to_string(),
        "changed since Dr Grace approved it on 2026-11-20 (2 changes)"
    );
}

#[test]
fn undoing_a_change_by_hand_makes_the_verdict_current_again() {
    let mut plan = approved();
    let code_slot = slot(&plan, "BE101");
    let to = term_index(&plan, "Semester II");
    let new = plan.move_to(code_slot, to).expect("moved");
    assert_eq!(review::verdict_state(&plan).key(), "changed");
    plan.move_to(new, 0).expect("moved back");
    // Back in its term (at the end now, which is not a change).
    assert_eq!(review::verdict_state(&plan).key(), "approved");
}

// ---------------------------------------------------------------------------------------------
// Stamp: what leaves an approval current
// ---------------------------------------------------------------------------------------------

#[test]
fn notes_do_not_invalidate() {
    still_current(recommended(), "adding a note", |plan| {
        plan.notes
            .push(note(NoteTarget::Course("BE101".into()), "Hard"));
    });

    let mut with_notes = recommended();
    with_notes.notes = vec![
        note(NoteTarget::Plan, "Overall fine"),
        note(NoteTarget::Term("Semester II".into()), "Heavy term"),
    ];
    still_current(with_notes.clone(), "editing a note", |plan| {
        plan.notes[0].text = "Overall very fine".into();
    });
    still_current(with_notes.clone(), "removing a note", |plan| {
        plan.notes.remove(1);
    });
    still_current(with_notes, "marking a note addressed", |plan| {
        plan.notes[1].addressed = true;
    });
}

#[test]
fn details_outside_placement_do_not_invalidate() {
    let mut completed = recommended();
    completed.cycle_status(slot(&completed, "BE101"));
    completed.cycle_status(slot(&completed, "BE101"));
    assert_eq!(
        completed
            .placement(slot(&completed, "BE101"))
            .unwrap()
            .status,
        Status::Completed
    );
    still_current(completed.clone(), "setting a grade", |plan| {
        assert!(plan.set_grade(slot(plan, "BE101"), Some("A".into())));
    });
    completed.terms[0].courses[0].grade = Some("B".into());
    still_current(completed, "changing a grade", |plan| {
        assert!(plan.set_grade(slot(plan, "BE101"), Some("A+".into())));
    });

    still_current(recommended(), "changing the student's name", |plan| {
        plan.student = "Ada Lovelace".into();
    });
    still_current(recommended(), "setting the target path", |plan| {
        plan.target_path = Some("devops".into());
    });
    still_current(recommended(), "changing the curriculum hash", |plan| {
        plan.curriculum.hash = "0000000000000000".into();
    });
    still_current(recommended(), "reordering courses within a term", |plan| {
        plan.terms[1].courses.reverse();
        plan.terms[0].courses.swap(0, 5);
    });
}

#[test]
fn re_serialising_does_not_invalidate() {
    let mut plan = approved();
    plan.notes.push(note(NoteTarget::Plan, "Keep going"));
    let text = store::plan_to_ron(&plan);
    let back = store::parse_plan(&text, "plan.ron").expect("the saved text parses");
    assert_eq!(back, plan);
    assert!(matches!(
        review::verdict_state(&back),
        VerdictState::Current(_)
    ));
    // Twice over, for good measure: the text is stable.
    assert_eq!(store::plan_to_ron(&back), text);
}

// ---------------------------------------------------------------------------------------------
// Stamp: hand edits
// ---------------------------------------------------------------------------------------------

#[test]
fn a_hand_edited_snapshot_is_damaged() {
    let mut plan = approved();
    plan.verdict.as_mut().unwrap().reviewed[0].courses[0].1 = Status::Completed;
    let state = review::verdict_state(&plan);
    assert!(
        matches!(state, VerdictState::Damaged(_)),
        "expected Damaged, got {state:?}"
    );
    assert_eq!(state.key(), "damaged");

    // Even when the plan is edited to match the forged snapshot.
    plan.cycle_status(slot(&plan, "BE101"));
    plan.cycle_status(slot(&plan, "BE101"));
    assert_eq!(review::verdict_state(&plan).key(), "damaged");
}

#[test]
fn a_hand_edited_stamp_is_damaged() {
    let mut plan = approved();
    let v = plan.verdict.as_mut().unwrap();
    v.stamp = v.stamp.replace(|c: char| c != '0', "0");
    assert_eq!(review::verdict_state(&plan).key(), "damaged");
}

#[test]
fn a_snapshot_edited_in_the_file_is_damaged() {
    let plan = approved();
    let text = store::plan_to_ron(&plan);
    // Move BE101 in the snapshot only (by rewriting its status in the reviewed record).
    let reviewed_at = text
        .find("reviewed:")
        .expect("the verdict records its snapshot");
    let (head, tail) = text.split_at(reviewed_at);
    assert!(tail.contains("\"BE101\", Planned"), "{tail}");
    let forged = format!(
        "{head}{}",
        tail.replacen("\"BE101\", Planned", "\"BE101\", Completed", 1)
    );
    let back = store::parse_plan(&forged, "plan.ron").expect("the forged text parses");
    assert_eq!(review::verdict_state(&back).key(), "damaged");
}

// ---------------------------------------------------------------------------------------------
// Verdict state: Display and key
// ---------------------------------------------------------------------------------------------

#[test]
fn verdict_state_display_and_key() {
    let plan = recommended();
    let state = review::verdict_state(&plan);
    assert_eq!(state, VerdictState::Unreviewed);
    assert_eq!(state.to_string(), "not reviewed");
    assert_eq!(state.key(), "unreviewed");

    let plan = approved();
    let state = review::verdict_state(&plan);
    assert_eq!(state.to_string(), "approved by Dr Grace on 2026-11-20");
    assert_eq!(state.key(), "approved");

    let plan = judged(recommended(), Decision::ChangesRequested);
    let state = review::verdict_state(&plan);
    assert_eq!(
        state.to_string(),
        "changes requested by Dr Grace on 2026-11-20"
    );
    assert_eq!(state.key(), "changes-requested");

    let mut plan = approved();
    plan.cycle_status(slot(&plan, "BE101"));
    let state = review::verdict_state(&plan);
    assert_eq!(
        state.to_string(),
        "changed since Dr Grace approved it on 2026-11-20 (1 change)"
    );
    assert_eq!(state.key(), "changed");

    let mut plan = judged(recommended(), Decision::ChangesRequested);
    plan.cycle_status(slot(&plan, "BE101"));
    plan.cycle_status(slot(&plan, "BE102"));
    let state = review::verdict_state(&plan);
    assert_eq!(
        state.to_string(),
        "changed since Dr Grace requested changes on 2026-11-20 (2 changes)"
    );
    assert_eq!(state.key(), "changed");

    let mut plan = approved();
    plan.verdict.as_mut().unwrap().stamp = "forged".into();
    let state = review::verdict_state(&plan);
    assert_eq!(
        state.to_string(),
        "the verdict was altered after it was given and cannot be trusted; ask for a new review"
    );
    assert_eq!(state.key(), "damaged");
}

// ---------------------------------------------------------------------------------------------
// Diff
// ---------------------------------------------------------------------------------------------

fn placement<'a>(terms: &[(&'a str, &[(&'a str, Status)])]) -> DiffPlacement<'a> {
    terms
        .iter()
        .map(|(name, courses)| (*name, courses.to_vec()))
        .collect()
}

use Status::{Completed, InProgress, Planned};

#[test]
fn diff_of_identical_placements_is_empty() {
    let p = placement(&[("A", &[("X1", Planned), ("X2", Completed)]), ("B", &[])]);
    assert_eq!(diff::diff(&p, &p), []);
}

#[test]
fn diff_reports_added_removed_moved_and_status() {
    let before = placement(&[
        ("A", &[("X1", Planned), ("X2", Planned), ("X3", Planned)]),
        ("B", &[("Y1", Planned)]),
    ]);
    let after = placement(&[
        ("A", &[("X1", InProgress), ("X4", Planned)]),
        ("B", &[("Y1", Planned), ("X2", Completed)]),
    ]);
    let changes = diff::diff(&before, &after);
    assert_eq!(
        changes,
        [
            Change::Status {
                course: "X1".into(),
                from: Planned,
                to: InProgress
            },
            moved("X2", "A", "B"),
            Change::Status {
                course: "X2".into(),
                from: Planned,
                to: Completed
            },
            Change::Removed {
                course: "X3".into(),
                term: "A".into()
            },
            Change::Added {
                course: "X4".into(),
                term: "A".into()
            },
        ]
    );
    let text: Vec<String> = changes.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "X1 changed from planned to in progress",
            "X2 moved from A to B",
            "X2 changed from planned to completed",
            "X3 removed from A",
            "X4 added to A",
        ]
    );
}

#[test]
fn diff_reports_terms_added_and_removed() {
    let before = placement(&[("A", &[]), ("B", &[])]);
    let after = placement(&[("A", &[]), ("C", &[])]);
    let changes = diff::diff(&before, &after);
    assert_eq!(
        changes,
        [
            Change::TermAdded { term: "C".into() },
            Change::TermRemoved { term: "B".into() },
        ]
    );
    let text: Vec<String> = changes.iter().map(ToString::to_string).collect();
    assert_eq!(text, ["term C added", "term B removed"]);
}

#[test]
fn diff_reports_terms_reordered() {
    let before = placement(&[("A", &[("X1", Planned)]), ("B", &[("Y1", Planned)])]);
    let after = placement(&[("B", &[("Y1", Planned)]), ("A", &[("X1", Planned)])]);
    let changes = diff::diff(&before, &after);
    assert_eq!(changes, [Change::TermsReordered]);
    assert_eq!(changes[0].to_string(), "terms reordered");
}

#[test]
fn course_order_within_a_term_is_not_a_change() {
    let before = placement(&[("A", &[("X1", Planned), ("X2", Completed), ("X3", Planned)])]);
    let after = placement(&[("A", &[("X3", Planned), ("X1", Planned), ("X2", Completed)])]);
    assert_eq!(diff::diff(&before, &after), []);

    let plan = recommended();
    let mut shuffled = plan.clone();
    for t in &mut shuffled.terms {
        t.courses.reverse();
    }
    assert_eq!(
        diff::diff(&review::placement(&plan), &review::placement(&shuffled)),
        []
    );
}

#[test]
fn diff_of_plans_through_placement() {
    let before = recommended();
    let mut after = before.clone();
    let to = term_index(&after, "Semester III");
    after.move_to(slot(&after, "BE204"), to).expect("moved");
    after.remove(slot(&after, "BE105")).expect("removed");
    assert_eq!(
        diff::diff(&review::placement(&before), &review::placement(&after)),
        [
            Change::Removed {
                course: "BE105".into(),
                term: "Semester I".into()
            },
            moved("BE204", "Semester II", "Semester III"),
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Migration
// ---------------------------------------------------------------------------------------------

const V1_PLAN: &str = r#"(
    version: 1,
    curriculum: (
        name: "Backend Engineering",
        hash: "0123456789abcdef",
    ),
    student: "Edsger",
    target_path: "devops",
    terms: [
        (
            name: "Semester I",
            courses: [
                (code: "BE101", status: Completed, grade: "A"),
                (code: "BE102", status: InProgress),
            ],
        ),
        (
            name: "Semester II",
            courses: [],
        ),
    ],
)
"#;

#[test]
fn a_version_1_plan_is_migrated_to_version_3() {
    let plan = store::parse_plan(V1_PLAN, "v1.ron").expect("a v1 plan parses");
    assert_eq!(PLAN_VERSION, 3);
    assert_eq!(plan.version, 3);
    assert!(plan.notes.is_empty());
    assert_eq!(plan.verdict, None);
    assert_eq!(plan.student, "Edsger");
    assert_eq!(plan.target_path.as_deref(), Some("devops"));
    assert_eq!(plan.curriculum.hash, "0123456789abcdef");
    let names: Vec<&str> = plan.terms.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Semester I", "Semester II"]);
    assert_eq!(
        plan.terms[0].courses,
        [
            Placement {
                code: "BE101".into(),
                status: Status::Completed,
                grade: Some("A".into()),
                credits: None,
                pinned: false,
            },
            Placement {
                code: "BE102".into(),
                status: Status::InProgress,
                grade: None,
                credits: None,
                pinned: false,
            },
        ]
    );
    assert_eq!(review::verdict_state(&plan), VerdictState::Unreviewed);
}

#[test]
fn saving_a_migrated_plan_writes_version_3() {
    let plan = store::parse_plan(V1_PLAN, "v1.ron").expect("a v1 plan parses");
    let text = store::plan_to_ron(&plan);
    assert!(text.contains("version: 3"), "{text}");
    assert!(!text.contains("version: 1"), "{text}");
    let back = store::parse_plan(&text, "v3.ron").expect("the saved text parses");
    assert_eq!(back, plan);
}

#[test]
fn a_version_1_plan_with_review_fields_is_rejected() {
    let with_notes = V1_PLAN.replace("    terms: [", "    notes: [],\n    terms: [");
    let e = store::parse_plan(&with_notes, "v1.ron").expect_err("notes are not version 1");
    assert_eq!(e.file, "v1.ron");
    let message = e.to_string();
    assert!(message.contains("notes"), "{message}");
    assert!(message.starts_with("v1.ron:"), "{message}");
    let notes_line = with_notes
        .lines()
        .position(|l| l.contains("notes:"))
        .expect("the notes line")
        + 1;
    assert_eq!(
        e.problems[0].position.map(|(line, _)| line),
        Some(notes_line),
        "{message}"
    );

    let with_verdict = V1_PLAN.replace("    terms: [", "    verdict: None,\n    terms: [");
    let e = store::parse_plan(&with_verdict, "v1.ron").expect_err("a verdict is not version 1");
    assert!(e.to_string().contains("verdict"), "{e}");
}

#[test]
fn the_same_fields_are_fine_in_version_2() {
    let v2 = V1_PLAN
        .replace("version: 1", "version: 2")
        .replace("    terms: [", "    notes: [],\n    terms: [");
    let plan = store::parse_plan(&v2, "v2.ron").expect("notes are version 2");
    assert!(plan.notes.is_empty());
    assert_eq!(plan.version, PLAN_VERSION);
}

/// `tests/plans/v2.ron` is `tests/plans/good/approved.ron` as the planner wrote it in version 2:
/// an approved plan with grades.
const APPROVED_V2: &str = include_str!("../plans/v2.ron");
const APPROVED_V3: &str = include_str!("../plans/good/approved.ron");

#[test]
fn a_version_2_plan_opens_unchanged_and_is_saved_as_version_3() {
    assert!(
        APPROVED_V2.contains("version: 2,"),
        "the fixture is version 2"
    );
    let old = store::parse_plan(APPROVED_V2, "v2.ron").expect("a v2 plan parses");
    let current = store::parse_plan(APPROVED_V3, "approved.ron").expect("a v3 plan parses");
    assert_eq!(old, current, "the same plan, whichever version holds it");
    assert_eq!(old.version, 3);
    assert!(old.verdict.is_some(), "{old:?}");
    assert_eq!(old.terms[0].courses[0].grade.as_deref(), Some("A"));
    assert_eq!(
        review::verdict_state(&old).key(),
        "approved",
        "still approved: the stamp does not involve the version"
    );
    let saved = store::plan_to_ron(&old);
    assert_eq!(
        saved, APPROVED_V3,
        "written as version 3, every other line as it was"
    );
    let changed: Vec<(&str, &str)> = APPROVED_V2
        .lines()
        .zip(saved.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed, [("    version: 2,", "    version: 3,")]);
}

#[test]
fn a_version_2_plan_saved_through_a_file_reads_back_as_version_3() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, APPROVED_V2).expect("written");
    let plan = store::load_plan(&path).expect("loaded");
    store::save_plan(&path, &plan).expect("saved");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("    version: 3,"), "{text}");
    assert_eq!(store::load_plan(&path).expect("read back"), plan);
}

#[test]
fn a_version_2_plan_written_by_a_build_before_version_3_keeps_its_newer_fields() {
    let v2 = APPROVED_V3.replace("version: 3,", "version: 2,").replace(
        "    terms: [",
        "    prior: [(source: Transfer, stands_for: Course(\"BE101\"), credits: 4)],\n    terms: [",
    );
    let plan = store::parse_plan(&v2, "v2.ron").expect("read as it was written");
    assert_eq!(plan.version, 3);
    assert_eq!(plan.prior.len(), 1, "{plan:?}");
}

#[test]
fn a_plan_with_notes_and_verdict_round_trips_exactly() {
    let mut plan = recommended();
    plan.cycle_status(slot(&plan, "BE101"));
    plan.cycle_status(slot(&plan, "BE101"));
    plan.set_grade(slot(&plan, "BE101"), Some("A".into()));
    plan.target_path = Some("devops".into());
    plan.notes = vec![
        note(NoteTarget::Plan, "Good overall"),
        note(
            NoteTarget::Term("Semester II".into()),
            "Heavy, \"17\" credits",
        ),
        Note {
            addressed: true,
            ..note(NoteTarget::Course("BE204".into()), "Take it earlier")
        },
    ];
    let plan = judged(plan, Decision::ChangesRequested);

    let text = store::plan_to_ron(&plan);
    assert!(text.contains("version: 3"), "{text}");
    assert!(text.contains("addressed: true"), "{text}");
    let back = store::parse_plan(&text, "plan.ron").expect("the saved text parses");
    assert_eq!(back, plan);
    assert_eq!(store::plan_to_ron(&back), text, "the text round-trips too");
    assert_eq!(review::verdict_state(&back).key(), "changes-requested");

    // And through a real file.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.ron");
    store::save_plan(&path, &plan).expect("saved");
    assert_eq!(store::load_plan(&path).expect("loaded"), plan);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

// ---------------------------------------------------------------------------------------------
// Permissions through the App
// ---------------------------------------------------------------------------------------------

#[test]
fn a_student_cannot_use_the_reviewer_actions() {
    for action in REVIEW_ACTIONS {
        let mut app = student();
        let before = app.plan().clone();
        app.update(action);
        assert_eq!(
            app.overlay().cloned(),
            None,
            "{action:?} opened {:?}",
            app.overlay().cloned()
        );
        assert_error(&app, "reviewer", &format!("{action:?}"));
        assert_eq!(*app.plan(), before, "{action:?}");
        assert!(!app.is_dirty());
    }
}

#[test]
fn a_reviewer_adds_notes_on_a_course_a_term_and_the_plan() {
    let mut app = reviewer();
    app.update(Action::Down);
    assert_eq!(app.selected_code().as_deref(), Some("BE102"));

    app.update(Action::NoteCourse);
    assert_eq!(
        prompt_kind(&app),
        Some(PromptKind::Note(NoteTarget::Course("BE102".into())))
    );
    type_text(&mut app, "Take it with BE101");
    assert_eq!(app.update(Action::Submit), None);
    assert_eq!(app.overlay().cloned(), None);

    app.update(Action::NextTerm);
    app.update(Action::NoteTerm);
    assert_eq!(
        prompt_kind(&app),
        Some(PromptKind::Note(NoteTarget::Term("Semester II".into())))
    );
    type_text(&mut app, "Heavy term");
    app.update(Action::Submit);

    app.update(Action::NotePlan);
    assert_eq!(prompt_kind(&app), Some(PromptKind::Note(NoteTarget::Plan)));
    type_text(&mut app, "Fine overall");
    app.update(Action::Submit);

    assert_eq!(
        app.plan().notes,
        [
            note(NoteTarget::Course("BE102".into()), "Take it with BE101"),
            note(NoteTarget::Term("Semester II".into()), "Heavy term"),
            note(NoteTarget::Plan, "Fine overall"),
        ]
    );
    assert!(app.is_dirty());
    // Notes leave the placement alone.
    assert_eq!(
        review::reviewed_content(app.plan()),
        review::reviewed_content(&recommended())
    );
}

#[test]
fn a_reviewer_notes_a_course_in_the_pool() {
    let mut plan = recommended();
    plan.remove(slot(&plan, "BE405"));
    let mut app = reviewer_on(plan);
    app.update(Action::NextFocus);
    assert_eq!(app.cursor().focus, Focus::Pool);
    app.update(Action::NoteCourse);
    assert_eq!(
        prompt_kind(&app),
        Some(PromptKind::Note(NoteTarget::Course("BE405".into())))
    );
}

#[test]
fn an_empty_note_is_not_added() {
    let mut app = reviewer();
    app.update(Action::NotePlan);
    type_text(&mut app, "   ");
    app.update(Action::Submit);
    assert!(app.plan().notes.is_empty());
    assert_error(&app, "empty", "empty note");
    assert!(!app.is_dirty());
}

#[test]
fn cancelling_a_note_adds_nothing() {
    let mut app = reviewer();
    app.update(Action::NoteCourse);
    type_text(&mut app, "Never mind");
    app.update(Action::Cancel);
    assert_eq!(app.overlay().cloned(), None);
    assert!(app.plan().notes.is_empty());
}

#[test]
fn a_reviewer_approves_with_a_comment() {
    let mut app = reviewer();
    app.update(Action::Approve);
    assert_eq!(
        prompt_kind(&app),
        Some(PromptKind::Verdict(Decision::Approved))
    );
    type_text(&mut app, "Well balanced");
    assert_eq!(app.update(Action::Submit), None);
    assert_eq!(app.overlay().cloned(), None);

    let v = app.plan().verdict.as_ref().expect("a verdict");
    assert_eq!(v.decision, Decision::Approved);
    assert_eq!(v.reviewer, REVIEWER);
    assert_eq!(v.date, TODAY);
    assert_eq!(v.comment, "Well balanced");
    let state = review::verdict_state(app.plan());
    assert!(
        matches!(state, VerdictState::Current(_)),
        "expected Current, got {state:?}"
    );
    assert_eq!(state.to_string(), "approved by Dr Grace on 2026-11-20");
    assert!(app.is_dirty());

    // The verdict is an edit like any other: undo takes it back.
    app.update(Action::Undo);
    assert_eq!(app.plan().verdict, None);
}

#[test]
fn a_reviewer_requests_changes_then_approves() {
    let mut app = reviewer();
    app.update(Action::RequestChanges);
    assert_eq!(
        prompt_kind(&app),
        Some(PromptKind::Verdict(Decision::ChangesRequested))
    );
    type_text(&mut app, "Move BE204");
    app.update(Action::Submit);
    assert_eq!(review::verdict_state(app.plan()).key(), "changes-requested");

    // Asking again offers the same comment.
    app.update(Action::RequestChanges);
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Prompt(Prompt {
            kind: PromptKind::Verdict(Decision::ChangesRequested),
            input: "Move BE204".into()
        }))
    );
    app.update(Action::Cancel);

    app.update(Action::Approve);
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Prompt(Prompt {
            kind: PromptKind::Verdict(Decision::Approved),
            input: Field::default()
        }))
    );
    app.update(Action::Submit);
    let v = app.plan().verdict.as_ref().expect("a verdict");
    assert_eq!(v.decision, Decision::Approved);
    assert_eq!(v.comment, "");
    assert_eq!(review::verdict_state(app.plan()).key(), "approved");
}

#[test]
fn a_reviewer_cannot_edit_placement() {
    let mut completed = recommended();
    completed.cycle_status(slot(&completed, "BE101"));
    completed.cycle_status(slot(&completed, "BE101"));
    // An empty last term, so that DeleteTerm would otherwise succeed.
    completed.add_term(4, "Term 5");
    let mut app = reviewer_on(completed);
    app.update(Action::NextTerm);
    app.update(Action::PrevTerm);
    let base = app.plan().clone();
    for focus in [Focus::Terms, Focus::Pool, Focus::Paths] {
        for action in PLACEMENT_EDITS {
            let mut app = app.clone();
            if action == Action::DeleteTerm {
                to_term(&mut app, 4);
            }
            while app.cursor().focus != focus {
                app.update(Action::NextFocus);
            }
            app.update(action);
            let what = format!("{action:?} with {focus:?} focused");
            assert_eq!(*app.plan(), base, "{what}");
            assert_eq!(app.overlay().cloned(), None, "{what}");
            assert_error(&app, "read-only", &what);
        }
    }
}

#[test]
fn notes_list_student_marks_addressed_and_may_not_delete() {
    let mut plan = recommended();
    plan.notes = vec![
        note(NoteTarget::Plan, "First"),
        note(NoteTarget::Course("BE101".into()), "Second"),
    ];
    let mut app = app_on(plan);
    app.update(Action::ShowNotes);
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Notes(Notes { selected: 0 }))
    );
    app.update(Action::Down);
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Notes(Notes { selected: 1 }))
    );

    app.update(Action::Toggle);
    assert!(app.plan().notes[1].addressed);
    assert!(!app.plan().notes[0].addressed);
    assert!(app.is_dirty());
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Notes(Notes { selected: 1 }))
    );

    app.update(Action::DeleteNote);
    assert_eq!(app.plan().notes.len(), 2, "a student may not delete notes");
    assert_error(&app, "reviewer", "student DeleteNote");

    // Toggling again clears it; both are undoable once the list is closed.
    app.update(Action::Toggle);
    assert!(!app.plan().notes[1].addressed);
    app.update(Action::Toggle);
    assert!(app.plan().notes[1].addressed);
    app.update(Action::Cancel);
    assert_eq!(app.overlay().cloned(), None);
    app.update(Action::Undo);
    assert!(!app.plan().notes[1].addressed);
    app.update(Action::Undo);
    assert!(app.plan().notes[1].addressed);
    app.update(Action::Undo);
    assert!(!app.plan().notes[1].addressed);
    assert!(!app.is_dirty());
}

#[test]
fn notes_list_reviewer_may_delete_and_not_mark_addressed() {
    let mut plan = recommended();
    plan.notes = vec![
        note(NoteTarget::Plan, "First"),
        note(NoteTarget::Course("BE101".into()), "Second"),
    ];
    let mut app = reviewer_on(plan);
    app.update(Action::ShowNotes);
    app.update(Action::Down);
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Notes(Notes { selected: 1 }))
    );

    app.update(Action::Toggle);
    assert!(!app.plan().notes[1].addressed);
    assert!(!app.is_dirty());
    assert_error(&app, "student", "reviewer Toggle");

    app.update(Action::DeleteNote);
    assert_eq!(app.plan().notes, [note(NoteTarget::Plan, "First")]);
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Notes(Notes { selected: 0 }))
    );
    app.update(Action::DeleteNote);
    assert!(app.plan().notes.is_empty());
    // Nothing left to delete: nothing happens.
    app.update(Action::DeleteNote);
    app.update(Action::Cancel);
    app.update(Action::Undo);
    assert_eq!(app.plan().notes.len(), 1);
}

#[test]
fn show_notes_without_notes_or_verdict_says_so() {
    let mut app = student();
    app.update(Action::ShowNotes);
    assert_eq!(app.overlay().cloned(), None);
    assert!(app.message().is_some());

    // A verdict alone is enough to open the list.
    let mut app = app_on(approved());
    app.update(Action::ShowNotes);
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Notes(Notes { selected: 0 }))
    );
}

#[test]
fn start_review_without_a_name_asks_for_it() {
    let mut app = student();
    app.update(Msg::Review(None));
    assert_eq!(prompt_kind(&app), Some(PromptKind::Reviewer));
    assert!(app.role().may_review());

    // Esc does not leave the prompt: a review needs a name.
    app.update(Action::Cancel);
    assert_eq!(prompt_kind(&app), Some(PromptKind::Reviewer));
    assert_error(&app, "name", "cancel");

    // Neither does an empty name.
    type_text(&mut app, "  ");
    assert_eq!(app.update(Action::Submit), None);
    assert_eq!(prompt_kind(&app), Some(PromptKind::Reviewer));

    let mut app = student();
    app.update(Msg::Review(Some("   ".into())));
    assert_eq!(prompt_kind(&app), Some(PromptKind::Reviewer));
    type_text(&mut app, "Dr Hopper");
    assert_eq!(
        app.update(Action::Submit),
        Some(Effect::RememberReviewer("Dr Hopper".into()))
    );
    assert_eq!(app.overlay().cloned(), None);
    assert_eq!(
        *app.role(),
        Role::Reviewer {
            name: "Dr Hopper".into()
        }
    );
    app.update(Action::NotePlan);
    type_text(&mut app, "Hi");
    app.update(Action::Submit);
    assert_eq!(app.plan().notes[0].author, "Dr Hopper");
}

#[test]
fn read_only_refuses_every_edit_and_save_for_both_roles() {
    let mut plan = recommended();
    // A course in the pool and an empty term, so that every action has something to act on.
    plan.remove(slot(&plan, "BE405"));
    plan.add_term(4, "Term 5");
    plan.notes = vec![note(NoteTarget::Plan, "First")];
    let why = "another degree-planner (process 1) has this plan open";
    for is_reviewer in [false, true] {
        let mut base = app_on(plan.clone());
        if is_reviewer {
            base.update(Msg::Review(Some(REVIEWER.into())));
        }
        base.update(Msg::Locked(Some(why.into())));
        let actions = PLACEMENT_EDITS.iter().chain(REVIEW_ACTIONS.iter());
        for &action in actions {
            for focus in [Focus::Terms, Focus::Pool, Focus::Paths] {
                let mut app = base.clone();
                if action == Action::DeleteTerm {
                    to_term(&mut app, 4);
                }
                while app.cursor().focus != focus {
                    app.update(Action::NextFocus);
                }
                app.update(action);
                let what = format!("{action:?} ({focus:?}, reviewer: {is_reviewer})");
                assert_eq!(*app.plan(), plan, "{what}");
                assert_eq!(app.overlay().cloned(), None, "{what}");
                assert_error(&app, "read-only", &what);
            }
        }

        let mut app = base.clone();
        assert_eq!(
            app.update(Action::Save),
            None,
            "Save (reviewer: {is_reviewer})"
        );
        assert_error(&app, "not saved", "Save");

        // In the notes list too.
        let mut app = base.clone();
        app.update(Action::ShowNotes);
        assert_eq!(
            app.overlay().cloned(),
            Some(Overlay::Notes(Notes { selected: 0 }))
        );
        for action in [Action::Toggle, Action::DeleteNote] {
            app.update(action);
            assert_eq!(*app.plan(), plan, "{action:?} in the notes list");
            assert_error(&app, "read-only", &format!("{action:?} in the notes list"));
        }

        // Quitting does not ask about saving.
        let mut app = base;
        app.update(Action::Quit);
        assert!(app.should_quit());
    }
}

fn press(c: char) -> KeyEvent {
    let modifiers = if c.is_ascii_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char(c), modifiers)
}

#[test]
fn resolve_maps_review_keys_only_when_reviewing() {
    let table = [
        ('n', Action::NoteCourse),
        ('t', Action::NoteTerm),
        ('P', Action::NotePlan),
        ('A', Action::Approve),
        ('R', Action::RequestChanges),
    ];
    let app = reviewer();
    for (c, action) in table {
        assert_eq!(app.resolve(&press(c)), Some(action), "reviewer {c:?}");
    }
    // The planner's keys still work for a reviewer.
    assert_eq!(app.resolve(&press('j')), Some(Action::Down));
    assert_eq!(app.resolve(&press('v')), Some(Action::ShowNotes));
    assert_eq!(app.resolve(&press('p')), Some(Action::NextPath));
    assert_eq!(app.resolve(&press('r')), Some(Action::RenameTerm));

    let app = student();
    for (c, action) in table {
        let got = app.resolve(&press(c));
        assert_ne!(got, Some(action), "student {c:?}");
        assert!(
            !REVIEW_ACTIONS.iter().any(|a| got == Some(*a)),
            "student {c:?} -> {got:?}"
        );
    }
    assert_eq!(app.resolve(&press('v')), Some(Action::ShowNotes));

    // While typing, a reviewer's keys are text.
    let mut app = reviewer();
    app.update(Action::NotePlan);
    for (c, _) in table {
        assert_eq!(
            app.resolve(&press(c)),
            Some(Action::Input(c)),
            "typing {c:?}"
        );
    }

    // In the notes list, x deletes and n means nothing.
    let mut plan = recommended();
    plan.notes = vec![note(NoteTarget::Plan, "First")];
    let mut app = reviewer_on(plan);
    app.update(Action::ShowNotes);
    assert_eq!(app.resolve(&press('x')), Some(Action::DeleteNote));
    assert_eq!(app.resolve(&press(' ')), Some(Action::Toggle));
}

#[test]
fn quitting_a_review_with_unsaved_notes_asks() {
    let mut app = reviewer();
    app.update(Action::NotePlan);
    type_text(&mut app, "Fine");
    app.update(Action::Submit);
    app.update(Action::Quit);
    assert_eq!(app.overlay().cloned(), Some(Overlay::Unsaved(Leave::Quit)));
    assert!(!app.should_quit());
    // In the dialog, n means discard, not a note.
    assert_eq!(app.resolve(&press('n')), Some(Action::Discard));
}

#[test]
fn a_reviewer_may_save() {
    let mut app = reviewer();
    app.update(Action::Approve);
    app.update(Action::Submit);
    assert!(matches!(
        app.update(Action::Save),
        Some(Effect::Save { .. })
    ));
    app.update(Msg::Saved(Ok(())));
    assert!(!app.is_dirty());
    assert_eq!(review::verdict_state(app.plan()).key(), "approved");
}

// ---------------------------------------------------------------------------------------------
// Lock: a real other process
// ---------------------------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_lock_held_by_a_live_process_is_busy_until_it_ends() {
    use store::lock::{self, Locked};

    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("a.ron");
    let path = lock::lock_path(&plan);
    assert_eq!(path, dir.path().join("a.ron.lock"));

    // util-linux flock(1) holds the same operating-system lock the planner takes; with -o
    // only flock itself holds it, not the command it waits for.
    std::fs::write(&path, "").unwrap();
    let mut child = std::process::Command::new("flock")
        .arg("-o")
        .arg(&path)
        .args(["sleep", "30"])
        .spawn()
        .expect("spawning flock");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let busy = loop {
        match lock::lock(&plan).expect("lock") {
            Locked::Busy { pid } => break pid,
            Locked::Held(held) => drop(held),
            Locked::NotYet => panic!("the folder exists"),
        }
        assert!(
            std::time::Instant::now() < deadline,
            "flock never took the lock"
        );
        std::fs::write(&path, "").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(busy, None, "flock(1) writes no pid");
    std::fs::write(&path, format!("{}\n", child.id())).unwrap();
    assert!(matches!(
        lock::lock(&plan).expect("lock"),
        Locked::Busy { pid: Some(p) } if p == child.id()
    ));
    // The lock file of the other process is left alone.
    assert!(path.exists());

    child.kill().expect("killing flock");
    child.wait().expect("reaping flock");
    // Its lock ended with it, whatever its file still says.
    let held = match lock::lock(&plan).expect("lock") {
        Locked::Held(held) => held,
        other => panic!("a lock whose holder ended should be taken, got {other:?}"),
    };
    let pid = std::fs::read_to_string(&path).unwrap();
    assert_eq!(pid.trim(), std::process::id().to_string());
    drop(held);
    assert!(!path.exists());
}

/// Many planners started on one plan at the same moment: exactly one may edit it. (The
/// pid-file lock this replaced let two of them both write in 12 of 20 trials.)
#[cfg(unix)]
#[test]
fn of_many_planners_locking_one_plan_at_once_exactly_one_holds_it() {
    use std::sync::{Arc, Barrier};
    use store::lock::{self, Locked};

    for _ in 0..20 {
        let dir = tempfile::tempdir().expect("temp dir");
        let plan = Arc::new(dir.path().join("a.ron"));
        let n = 8;
        let barrier = Arc::new(Barrier::new(n));
        let results: Vec<_> = (0..n)
            .map(|_| {
                let (plan, barrier) = (Arc::clone(&plan), Arc::clone(&barrier));
                std::thread::spawn(move || {
                    barrier.wait();
                    lock::lock(&plan).expect("lock")
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().expect("thread"))
            .collect();
        let held = results
            .iter()
            .filter(|r| matches!(r, Locked::Held(_)))
            .count();
        assert_eq!(held, 1, "{results:?}");
    }
}

/// A course placed twice (only possible by editing the file) and then placed once: the
/// content changed, so the verdict is no longer current, but `diff` indexes each code by its
/// first term only and finds nothing, so the state reads "changed since Dr Grace approved it
/// on 2026-11-20 (0 changes)" and lists no change.
#[test]
fn a_changed_verdict_always_names_a_change() {
    let mut plan = recommended();
    let second = term_index(&plan, "Semester II");
    plan.place(second, Placement::planned("BE101"));
    let mut plan = judged(plan, Decision::Approved);
    plan.terms[second].courses.pop();
    let state = review::verdict_state(&plan);
    let VerdictState::Changed(_, changes) = &state else {
        panic!("expected Changed, got {state:?}");
    };
    assert!(!changes.is_empty(), "{state}");
    assert!(!state.to_string().contains("(0 changes)"), "{state}");
}

#[test]
fn a_stamp_with_control_characters_is_cleaned_on_loading() {
    // Found by fuzzing the plan loader: the stamp was the one string not cleaned on loading.
    let mut plan = approved();
    let stamp = plan.verdict.as_ref().unwrap().stamp.clone();
    plan.verdict.as_mut().unwrap().stamp = format!("{}\n\0\0{}", &stamp[..10], &stamp[10..]);
    let text = store::plan_to_ron(&plan);
    let loaded = store::parse_plan(&text, "fuzz.ron").expect("parses");
    let loaded_stamp = &loaded.verdict.as_ref().unwrap().stamp;
    assert!(
        !loaded_stamp
            .chars()
            .any(degree_planner::model::text::is_unsafe)
    );
    assert_eq!(
        loaded_stamp, &stamp,
        "cleaning removes exactly the injected characters"
    );
}

#[test]
fn a_reviewer_name_from_the_command_line_is_cleaned_so_its_approval_reads_back_current() {
    use clap::Parser as _;
    use degree_planner::cli::{Cli, Command};
    let cli = Cli::try_parse_from([
        "degree-planner",
        "review",
        "plan.ron",
        "--reviewer",
        "Dr\tGrace\u{1b}[31m\u{202E}",
    ])
    .expect("the command line parses");
    let Some(Command::Review { reviewer, .. }) = cli.command else {
        panic!("expected the review command");
    };
    assert_eq!(reviewer.as_deref(), Some("DrGrace"));
    let mut app = app_on(recommended());
    app.update(Msg::Review(reviewer));
    app.update(Action::Approve);
    type_text(&mut app, "Fine");
    app.update(Action::Submit);
    let back = store::parse_plan(&store::plan_to_ron(app.plan()), "plan.ron").expect("parses");
    let state = review::verdict_state(&back);
    assert!(
        matches!(state, VerdictState::Current(_)),
        "expected Current, got {state:?}"
    );
}

// Issue 12 item 2: approving a plan with errors asks first, and the verdict records them.
#[test]
fn approving_a_plan_with_errors_asks_and_the_verdict_counts_them() {
    let mut plan = recommended();
    // Take BE405 out: one required course unplanned, and the degree 2 credits short.
    let s = slot(&plan, "BE405");
    plan.unplan(s);
    let mut app = reviewer_on(plan);
    app.update(Action::Approve);
    let Some(Overlay::Ask(ask)) = app.overlay() else {
        panic!("approve with errors asks: {:?}", app.overlay().cloned());
    };
    assert_eq!(ask.text, "This plan has 2 errors; approve anyway?");
    // No: nothing is approved.
    app.update(Action::Cancel);
    assert_eq!(app.overlay().cloned(), None);
    assert!(app.plan().verdict.is_none());
    // Yes: the comment, then a verdict that says what it was given despite.
    app.update(Action::Approve);
    app.update(Action::Confirm);
    assert_eq!(
        prompt_kind(&app),
        Some(PromptKind::Verdict(Decision::Approved))
    );
    type_text(&mut app, "fine for now");
    app.update(Action::Submit);
    let verdict = app.plan().verdict.as_ref().expect("a verdict");
    assert_eq!(verdict.errors, 2);
    let state = review::verdict_state(app.plan());
    assert_eq!(state.key(), "approved", "the stamp covers the count");
    assert!(state.to_string().ends_with("(with 2 errors)"), "{state}");
    // Through the file, and a hand-edited count shows as altered.
    let text = store::plan_to_ron(app.plan());
    let back = store::parse_plan(&text, "plan.ron").expect("round trip");
    assert_eq!(back.verdict.as_ref().map(|v| v.errors), Some(2));
    let edited = store::parse_plan(&text.replace("errors: 2", "errors: 0"), "plan.ron").unwrap();
    assert_eq!(review::verdict_state(&edited).key(), "damaged");

    // A plan without errors is approved without a question.
    let mut app = reviewer_on(recommended());
    app.update(Action::Approve);
    assert_eq!(
        prompt_kind(&app),
        Some(PromptKind::Verdict(Decision::Approved))
    );
}

// Issue 12 item 3: the first edit of an approved plan says what it costs; the changed
// courses are marked in the grid for student and reviewer; the Review pane points to v.
#[test]
fn editing_an_approved_plan_says_so_and_marks_what_changed() {
    let theme = degree_planner::theme::Theme::mono();
    let mut app = app_on(approved());
    app.update(Action::CycleStatus);
    let text = &app.message().expect("a message").text;
    assert!(
        text.contains("approved by Dr Grace; changing it will need a new review"),
        "{text}"
    );
    // Only the first edit says it.
    app.update(Action::Down);
    app.update(Action::CycleStatus);
    let text = &app.message().expect("a message").text;
    assert!(!text.contains("new review"), "{text}");
    let screen = degree_planner::ui::screen_text(&app, &theme, 120, 40);
    assert!(screen.contains("│ Δ◐ BE101"), "{screen}");
    assert!(screen.contains("│>Δ◐ BE102"), "{screen}");
    assert!(
        screen.contains("│  ○ BE103"),
        "an unchanged course is not marked:\n{screen}"
    );
    // Two more changes: the Review pane shows three and points to the rest.
    run_all(
        &mut app,
        &[
            Action::Down,
            Action::CycleStatus,
            Action::Down,
            Action::CycleStatus,
        ],
    );
    let screen = degree_planner::ui::screen_text(&app, &theme, 160, 60);
    assert!(screen.contains("… and 1 more (v)"), "{screen}");
    // The reviewer sees the same marks.
    let reviewer = reviewer_on(app.plan().clone());
    let screen = degree_planner::ui::screen_text(&reviewer, &theme, 120, 40);
    assert!(screen.contains("Δ◐ BE104"), "{screen}");
}

fn run_all(app: &mut App, actions: &[Action]) {
    for &a in actions {
        app.update(a);
    }
}
