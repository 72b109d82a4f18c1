//! What advisors do all day (issue 15): prior credit, exceptions with reasons and the role
//! rule, their place in the verdict's stamp, orphaned and stale exceptions, grades and GPA,
//! and the report blocks, through the public API.

use degree_planner::model::exceptions::{self, Refusal, Trouble};
use degree_planner::model::gpa::{self, GradeScale, Mark};
use degree_planner::model::plan::{
    ExceptionState, Grant, PriorCredit, PriorSource, StandsFor, Warning,
};
use degree_planner::model::review::{self, Decision, Role, VerdictState};
use degree_planner::model::{self, Change, Curriculum, Placement, Plan, ProblemKind, Status};
use degree_planner::report;
use degree_planner::store;

/// 18 credits; A and B required, B needs A; C has the old-style prerequisite A; CAP must be
/// taken here; X and Y fill the group "electives" (6 credits); P needs the Dean's permission.
const ADV: &str = r#"(
    name: "Advising",
    degree_credits: 18,
    max_term_credits: 9,
    semesters: ["S1", "S2"],
    paths: [],
    courses: [
        (code: "A", title: "Alpha", credits: 3),
        (code: "B", title: "Beta", credits: 3, requires: course("A")),
        (code: "C", title: "Gamma", credits: 3, required: false, prerequisites: ["A"]),
        (code: "CAP", title: "Capstone", credits: 3),
        (code: "X", title: "Ex", credits: 3, required: false),
        (code: "Y", title: "Why", credits: 3, required: false),
        (code: "Z", title: "Zed", credits: 3, required: false),
        (code: "P", title: "Permitted", credits: 3, required: false, requires: permission("the Dean")),
    ],
    requirements: [
        (id: "electives", name: "Electives", need: credits(6), from: [course("X"), course("Y")]),
    ],
    prior_credit: (max_credits: Some(6), taken_here: ["CAP", "electives"]),
)"#;

const REVIEWER: &str = "Dr Grace";
const TODAY: &str = "2026-11-20";

fn adv() -> Curriculum {
    store::parse_curriculum(ADV, "adv.ron")
        .unwrap_or_else(|e| panic!("{e}"))
        .curriculum
}

fn placed(code: &str, status: Status, grade: Option<&str>) -> Placement {
    let mut p = Placement::planned(code);
    p.status = status;
    p.grade = grade.map(str::to_string);
    p
}

/// A plan for ADV with these terms, each a list of placements.
fn plan_of(c: &Curriculum, terms: Vec<(&str, Vec<Placement>)>) -> Plan {
    let mut plan = Plan::recommended(c, "Ada");
    plan.terms.clear();
    for (name, courses) in terms {
        let t = plan.add_term(usize::MAX, name);
        for p in courses {
            plan.place(t, p);
        }
    }
    plan
}

fn transfer(code: &str, credits: u32) -> PriorCredit {
    PriorCredit {
        source: PriorSource::Transfer,
        stands_for: StandsFor::Course(code.to_string()),
        credits,
        from: "Uni Elsewhere".into(),
        result: String::new(),
        note: String::new(),
    }
}

fn unassigned(credits: u32, toward: Option<&str>) -> PriorCredit {
    PriorCredit {
        source: PriorSource::Exam,
        stands_for: StandsFor::Credits {
            toward: toward.map(str::to_string),
        },
        credits,
        from: "AP Calculus BC".into(),
        result: "5".into(),
        note: "score report on file".into(),
    }
}

fn kinds(c: &Curriculum, plan: &Plan) -> Vec<ProblemKind> {
    model::problems(c, plan)
        .into_iter()
        .map(|p| p.kind)
        .collect()
}

fn reviewer() -> Role {
    Role::Reviewer {
        name: REVIEWER.into(),
    }
}

// ---------------------------------------------------------------------------------------------
// Prior credit
// ---------------------------------------------------------------------------------------------

#[test]
fn prior_credit_for_a_course_clears_its_requisites_and_counts_its_credits() {
    let c = adv();
    let mut plan = plan_of(&c, vec![("S1", vec![placed("B", Status::Planned, None)])]);
    plan.place(0, Placement::planned("C"));
    let before = kinds(&c, &plan);
    assert!(
        before
            .iter()
            .any(|k| matches!(k, ProblemKind::RequisiteUnmet { course, .. } if course == "B")),
        "{before:?}"
    );
    assert!(before.contains(&ProblemKind::RequiredUnplanned { course: "A".into() }));
    assert!(
        before
            .iter()
            .any(|k| matches!(k, ProblemKind::PrerequisiteOrder { course, .. } if course == "C"))
    );
    let credits_before = model::credits(&c, &plan);

    plan.prior.push(transfer("A", 3));
    let after = kinds(&c, &plan);
    assert!(
        !after.iter().any(|k| matches!(
            k,
            ProblemKind::RequisiteUnmet { course, .. } | ProblemKind::PrerequisiteOrder { course, .. }
                if course == "B" || course == "C"
        )),
        "prior credit for A clears B's and C's requisites: {after:?}"
    );
    assert!(!after.contains(&ProblemKind::RequiredUnplanned { course: "A".into() }));
    let credits = model::credits(&c, &plan);
    assert_eq!(credits.completed, credits_before.completed + 3);
    assert_eq!(credits.total(), credits_before.total() + 3);
}

#[test]
fn prior_credit_fills_groups_except_those_taken_here() {
    let c = adv();
    let mut plan = plan_of(&c, vec![("S1", vec![placed("Y", Status::Planned, None)])]);
    plan.prior.push(transfer("X", 3));
    let progress = model::requirements::progress(&c, &plan);
    let g = &progress.groups[0];
    // "electives" must be taken here: the transfer of X does not fill it.
    assert_eq!((g.have, g.need), (3, 6));
    assert!(
        g.filled_by.iter().all(|code| code != "X"),
        "{:?}",
        g.filled_by
    );

    let mut open = adv();
    open.prior_credit.as_mut().unwrap().taken_here = vec!["CAP".into()];
    let progress = model::requirements::progress(&open, &plan);
    let g = &progress.groups[0];
    assert_eq!((g.have, g.need, g.met), (6, 6, true));
    assert_eq!(g.filled_by, ["X", "Y"]);
}

#[test]
fn prior_credit_for_a_course_taken_here_does_not_count_and_is_an_error() {
    let c = adv();
    let mut plan = plan_of(&c, vec![("S1", vec![])]);
    let before = model::credits(&c, &plan).total();
    plan.prior.push(transfer("CAP", 3));
    assert_eq!(model::credits(&c, &plan).total(), before);
    let problems = model::problems(&c, &plan);
    let p = problems
        .iter()
        .find(|p| {
            p.kind
                == ProblemKind::PriorTakenHere {
                    course: "CAP".into(),
                }
        })
        .expect("a problem for CAP");
    assert_eq!(p.severity, model::Severity::Error);
    assert_eq!(
        p.message,
        "CAP Capstone must be taken here: prior credit for it does not count"
    );
    assert!(kinds(&c, &plan).contains(&ProblemKind::RequiredUnplanned {
        course: "CAP".into()
    }));
}

#[test]
fn prior_credit_over_the_cap_counts_up_to_the_cap() {
    let c = adv();
    let mut plan = plan_of(&c, vec![("S1", vec![])]);
    plan.prior.push(transfer("A", 3));
    plan.prior.push(unassigned(6, None));
    assert_eq!(model::prior::uncapped_credits(&c, &plan), 9);
    assert_eq!(model::credits(&c, &plan).completed, 6);
    assert!(kinds(&c, &plan).contains(&ProblemKind::PriorOverCap { credits: 9, cap: 6 }));
    plan.prior.pop();
    assert!(
        !kinds(&c, &plan)
            .iter()
            .any(|k| matches!(k, ProblemKind::PriorOverCap { .. }))
    );
}

#[test]
fn prior_credit_for_an_unknown_or_placed_course_is_reported() {
    let c = adv();
    let mut plan = plan_of(&c, vec![("S1", vec![placed("A", Status::Planned, None)])]);
    let before = model::credits(&c, &plan).total();
    plan.prior.push(transfer("A", 3));
    plan.prior.push(transfer("NOPE", 3));
    assert_eq!(
        model::credits(&c, &plan).total(),
        before,
        "A counts once; NOPE not at all"
    );
    let k = kinds(&c, &plan);
    assert!(k.contains(&ProblemKind::PriorAlsoPlaced { course: "A".into() }));
    assert!(k.contains(&ProblemKind::PriorUnknownCourse {
        course: "NOPE".into()
    }));
}

#[test]
fn unassigned_prior_credit_counts_toward_credit_requisites() {
    let text = ADV.replace(
        r#"requires: permission("the Dean")"#,
        r#"requires: credits(min: 6)"#,
    );
    let c = store::parse_curriculum(&text, "adv.ron")
        .unwrap()
        .curriculum;
    let mut plan = plan_of(&c, vec![("S1", vec![placed("P", Status::Planned, None)])]);
    assert!(
        kinds(&c, &plan)
            .iter()
            .any(|k| matches!(k, ProblemKind::CreditsShort { course, .. } if course == "P"))
    );
    plan.prior.push(unassigned(6, Some("electives")));
    assert!(
        !kinds(&c, &plan)
            .iter()
            .any(|k| matches!(k, ProblemKind::CreditsShort { .. }))
    );
}

#[test]
fn the_new_plan_fields_round_trip_and_are_absent_when_empty() {
    let c = adv();
    let mut plan = plan_of(&c, vec![("S1", vec![placed("B", Status::Planned, None)])]);
    let bare = store::plan_to_ron(&plan);
    assert!(
        !bare.contains("prior") && !bare.contains("exceptions"),
        "{bare}"
    );

    plan.prior.push(transfer("A", 3));
    plan.prior.push(unassigned(6, Some("electives")));
    exceptions::request(
        &mut plan,
        Grant::WaiveRequisite("B".into()),
        "took an equivalent bridging course",
        "Ada",
        TODAY,
    )
    .unwrap();
    exceptions::request(
        &mut plan,
        Grant::TermLoad {
            term: "S1".into(),
            to: 12,
        },
        "part-time job ended",
        "Ada",
        TODAY,
    )
    .unwrap();
    exceptions::decide(&mut plan, &reviewer(), 1, true, TODAY).unwrap();
    let text = store::plan_to_ron(&plan);
    assert!(text.contains("stands_for: Course(\"A\")"), "{text}");
    assert!(text.contains("state: Granted("), "{text}");
    assert!(text.contains("by: \"Dr Grace\""), "{text}");
    let back = store::parse_plan(&text, "plan.ron").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, plan);
}

#[test]
fn an_unknown_field_in_prior_credit_is_an_error_with_its_position() {
    let text = r#"(version: 2, curriculum: (name: "Advising", hash: "x"), terms: [],
    prior: [(source: Transfer, stands_for: Course("A"), credits: 3, grade: "B")])"#;
    let err = store::parse_plan(text, "plan.ron").unwrap_err().to_string();
    assert!(err.contains("plan.ron:2:"), "{err}");
    assert!(err.contains("grade"), "{err}");
}

#[test]
fn reasons_and_prior_credit_text_are_cleaned_on_reading() {
    let text = "(version: 2, curriculum: (name: \"Advising\", hash: \"x\"), terms: [],
    prior: [(source: Other, stands_for: Credits(), credits: 3, note: \"work\u{1b}[31m\")],
    exceptions: [(grant: WaiveGroup(\"electives\"), reason: \"ok\u{202e}\", author: \"Ada\",
        date: \"2026-11-01\", state: Requested)])";
    let plan = store::parse_plan(text, "plan.ron").unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !plan.prior[0].note.contains('\u{1b}'),
        "{:?}",
        plan.prior[0].note
    );
    assert!(
        !plan.exceptions[0].reason.contains('\u{202e}'),
        "{:?}",
        plan.exceptions[0].reason
    );
}

#[test]
fn only_the_student_records_prior_credit() {
    let c = adv();
    let mut plan = plan_of(&c, vec![("S1", vec![])]);
    assert!(matches!(
        exceptions::add_prior(&mut plan, &reviewer(), transfer("A", 3)),
        Err(Refusal::NotAllowed(_))
    ));
    assert_eq!(
        exceptions::add_prior(&mut plan, &Role::Student, transfer("A", 3)),
        Ok(0)
    );
    exceptions::edit_prior(&mut plan, &Role::Student, 0, transfer("X", 3)).unwrap();
    assert_eq!(plan.prior[0].course(), Some("X"));
    assert!(exceptions::edit_prior(&mut plan, &reviewer(), 0, transfer("A", 3)).is_err());
    assert!(exceptions::remove_prior(&mut plan, &reviewer(), 0).is_err());
    assert_eq!(
        exceptions::remove_prior(&mut plan, &Role::Student, 3),
        Err(Refusal::NoSuchEntry)
    );
    exceptions::remove_prior(&mut plan, &Role::Student, 0).unwrap();
    assert!(plan.prior.is_empty());
}

// ---------------------------------------------------------------------------------------------
// Exceptions
// ---------------------------------------------------------------------------------------------

/// A plan where B is placed without A: B's requisite is unmet, A is required but unplanned.
fn missing_a() -> (Curriculum, Plan) {
    let c = adv();
    let plan = plan_of(
        &c,
        vec![
            (
                "S1",
                vec![
                    placed("B", Status::Planned, None),
                    placed("CAP", Status::Planned, None),
                ],
            ),
            (
                "S2",
                vec![
                    placed("X", Status::Planned, None),
                    placed("Y", Status::Planned, None),
                ],
            ),
        ],
    );
    (c, plan)
}

#[test]
fn an_exception_needs_a_reason() {
    let (_, mut plan) = missing_a();
    assert_eq!(
        exceptions::request(
            &mut plan,
            Grant::WaiveRequisite("B".into()),
            "  ",
            "Ada",
            TODAY
        ),
        Err(Refusal::NoReason)
    );
    assert!(plan.exceptions.is_empty());
}

#[test]
fn only_a_reviewer_grants_or_refuses_and_a_student_may_request() {
    let (_, mut plan) = missing_a();
    let i = exceptions::request(
        &mut plan,
        Grant::WaiveRequisite("B".into()),
        "bridging course",
        "Ada",
        TODAY,
    )
    .unwrap();
    assert_eq!(plan.exceptions[i].state, ExceptionState::Requested);
    for grant in [true, false] {
        assert!(matches!(
            exceptions::decide(&mut plan, &Role::Student, i, grant, TODAY),
            Err(Refusal::NotAllowed(_))
        ));
    }
    exceptions::decide(&mut plan, &reviewer(), i, false, TODAY).unwrap();
    assert_eq!(
        plan.exceptions[i].state,
        ExceptionState::Refused {
            by: REVIEWER.into(),
            date: TODAY.into()
        }
    );
    exceptions::decide(&mut plan, &reviewer(), i, true, TODAY).unwrap();
    assert!(plan.exceptions[i].granted());
    assert!(
        exceptions::remove(&mut plan, &Role::Student, i).is_err(),
        "a student cannot withdraw a granted exception"
    );
    exceptions::edit_reason(&mut plan, i, "bridging course, transcript attached", TODAY).unwrap();
    assert_eq!(
        plan.exceptions[i].state,
        ExceptionState::Requested,
        "an edit is decided again"
    );
    exceptions::remove(&mut plan, &Role::Student, i).unwrap();
    assert!(plan.exceptions.is_empty());
}

#[test]
fn a_granted_waiver_keeps_the_problem_visible_but_not_counted() {
    let (c, mut plan) = missing_a();
    let problems = model::problems(&c, &plan);
    let open = exceptions::open_errors(&c, &plan, &problems);
    let unmet = problems
        .iter()
        .find(|p| matches!(&p.kind, ProblemKind::RequisiteUnmet { course, .. } if course == "B"))
        .expect("B's requisite is unmet")
        .clone();
    let i = exceptions::request(
        &mut plan,
        Grant::WaiveRequisite("B".into()),
        "bridging course",
        "Ada",
        "2026-11-01",
    )
    .unwrap();
    // Requested: marked, still counted.
    let (j, e) = exceptions::answer_of(&c, &plan, &unmet).expect("the waiver answers it");
    assert_eq!(j, i);
    assert_eq!(
        exceptions::mark(e),
        "exception requested: bridging course (Ada, 2026-11-01)"
    );
    assert_eq!(exceptions::open_errors(&c, &plan, &problems), open);
    // Granted: marked as waived, no longer counted, still listed.
    exceptions::decide(&mut plan, &reviewer(), i, true, TODAY).unwrap();
    let (_, e) = exceptions::answer_of(&c, &plan, &unmet).unwrap();
    assert_eq!(
        exceptions::mark(e),
        "waived: bridging course (Dr Grace, 2026-11-20)"
    );
    assert_eq!(
        model::problems(&c, &plan),
        problems,
        "the audit itself is unchanged"
    );
    assert_eq!(exceptions::open_errors(&c, &plan, &problems), open - 1);
}

#[test]
fn each_kind_of_exception_answers_its_problem() {
    let c = adv();
    let mut plan = plan_of(
        &c,
        vec![
            (
                "S1",
                vec![
                    placed("Z", Status::Planned, None),
                    placed("CAP", Status::Planned, None),
                    placed("P", Status::Planned, None),
                    placed("X", Status::Planned, None),
                ],
            ),
            ("S2", vec![placed("B", Status::Planned, None)]),
        ],
    );
    let problems = model::problems(&c, &plan);
    let find = |pred: &dyn Fn(&ProblemKind) -> bool| {
        problems
            .iter()
            .find(|p| pred(&p.kind))
            .unwrap_or_else(|| panic!("{problems:#?}"))
            .kind
            .clone()
    };
    let required_a =
        find(&|k| matches!(k, ProblemKind::RequiredUnplanned { course } if course == "A"));
    let group = find(&|k| matches!(k, ProblemKind::GroupShort { .. }));
    let load = find(&|k| matches!(k, ProblemKind::OverLoad { .. }));
    let permission = find(&|k| matches!(k, ProblemKind::NeedsPermission { .. }));
    let unmet_b =
        find(&|k| matches!(k, ProblemKind::RequisiteUnmet { course, .. } if course == "B"));
    let cases: Vec<(Grant, &ProblemKind)> = vec![
        (Grant::WaiveGroup("electives".into()), &group),
        (Grant::WaiveRequisite("B".into()), &unmet_b),
        (
            Grant::Substitute {
                course: "A".into(),
                by: "Z".into(),
            },
            &required_a,
        ),
        (
            Grant::AlsoAllow {
                course: "Z".into(),
                group: "electives".into(),
            },
            &group,
        ),
        (Grant::Acknowledge(Warning::OverLoad("S1".into())), &load),
        (
            Grant::Acknowledge(Warning::Permission("P".into())),
            &permission,
        ),
        (
            Grant::GroupMinimum {
                group: "electives".into(),
                to: 3,
            },
            &group,
        ),
        (
            Grant::TermLoad {
                term: "S1".into(),
                to: 12,
            },
            &load,
        ),
    ];
    for (grant, kind) in &cases {
        assert!(
            exceptions::answers(&c, &plan, grant, kind),
            "{grant:?} answers {kind:?}"
        );
    }
    // And not what they are not about.
    assert!(!exceptions::answers(
        &c,
        &plan,
        &Grant::WaiveRequisite("C".into()),
        &unmet_b
    ));
    assert!(!exceptions::answers(
        &c,
        &plan,
        &Grant::TermLoad {
            term: "S1".into(),
            to: 10
        },
        &load
    ));
    assert!(!exceptions::answers(
        &c,
        &plan,
        &Grant::GroupMinimum {
            group: "electives".into(),
            to: 6
        },
        &group
    ));
    // A substitute that failed answers nothing.
    plan.terms[0].courses[0] = placed("Z", Status::Completed, Some("F"));
    assert!(!exceptions::answers(&c, &plan, &cases[2].0, &required_a));
}

#[test]
fn check_reports_orphaned_and_stale_exceptions_as_warnings() {
    let (c, mut plan) = missing_a();
    for grant in [
        Grant::WaiveRequisite("GONE".into()),
        Grant::WaiveGroup("no-such-group".into()),
        Grant::Acknowledge(Warning::OverLoad("Semester 9".into())),
        Grant::Substitute {
            course: "A".into(),
            by: "Z".into(),
        },
        Grant::WaiveRequisite("B".into()),
    ] {
        exceptions::request(&mut plan, grant, "because", "Ada", TODAY).unwrap();
    }
    let problems = model::problems(&c, &plan);
    let issues = exceptions::issues(&c, &plan, &problems);
    let got: Vec<(usize, Trouble)> = issues
        .iter()
        .map(|i| (i.index, i.trouble.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (0, Trouble::Orphaned),
            (1, Trouble::Orphaned),
            (2, Trouble::Orphaned),
            (3, Trouble::Stale),
        ]
    );
    assert_eq!(
        issues[3].message,
        "exception \"Z substitutes for A\" is stale: Z is not placed, or failed"
    );
    // Placing Z passed makes the substitute current; failing it makes it stale again.
    plan.place(0, placed("Z", Status::Completed, Some("B")));
    let problems = model::problems(&c, &plan);
    assert!(
        exceptions::issues(&c, &plan, &problems)
            .iter()
            .all(|i| i.index != 3)
    );
    plan.terms[0].courses.last_mut().unwrap().grade = Some("F".into());
    let problems = model::problems(&c, &plan);
    assert!(
        exceptions::issues(&c, &plan, &problems)
            .iter()
            .any(|i| i.index == 3 && i.trouble == Trouble::Stale)
    );

    let report = report::checked_plan(&c, &plan, "plan.ron");
    let json = report::CheckReport::new(vec![report], &[]).to_json();
    assert!(json.contains("\"kind\": \"exception_orphaned\""), "{json}");
    assert!(json.contains("\"kind\": \"exception_stale\""), "{json}");
}

// ---------------------------------------------------------------------------------------------
// The verdict's stamp
// ---------------------------------------------------------------------------------------------

fn approved(plan: &mut Plan) {
    plan.verdict = Some(review::verdict_for(
        plan,
        Decision::Approved,
        REVIEWER,
        TODAY,
        "ok",
    ));
}

#[test]
fn a_verdict_without_prior_credit_or_exceptions_has_the_same_stamp_as_before() {
    let (_, mut plan) = missing_a();
    approved(&mut plan);
    let v = plan.verdict.as_ref().unwrap();
    assert!(v.advising.is_empty());
    let text = store::plan_to_ron(&plan);
    assert!(!text.contains("advising"), "{text}");
    let old = model::plan::stamp_text(v.decision, &v.reviewer, &v.date, &v.comment, &v.reviewed);
    let digest: String =
        sha2::Digest::finalize(<sha2::Sha256 as sha2::Digest>::new_with_prefix(old))
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
    assert_eq!(v.stamp, digest);
}

#[test]
fn adding_editing_or_removing_an_exception_or_prior_credit_after_approval_is_a_named_change() {
    let (_, mut plan) = missing_a();
    exceptions::request(
        &mut plan,
        Grant::WaiveRequisite("B".into()),
        "bridging course",
        "Ada",
        TODAY,
    )
    .unwrap();
    exceptions::decide(&mut plan, &reviewer(), 0, true, TODAY).unwrap();
    approved(&mut plan);
    assert!(matches!(
        review::verdict_state(&plan),
        VerdictState::Current(_)
    ));
    let base = plan.clone();

    let changes = |plan: &Plan| match review::verdict_state(plan) {
        VerdictState::Changed(_, changes) => changes,
        other => panic!("expected a change, got {other:?}"),
    };
    exceptions::edit_reason(&mut plan, 0, "bridging course at TAFE", TODAY).unwrap();
    let c = changes(&plan);
    assert_eq!(c.len(), 2, "{c:?}");
    assert!(
        matches!(&c[0], Change::EntryRemoved { entry } if entry.contains("bridging course (asked"))
    );
    assert_eq!(
        c[1].to_string(),
        "exception waive the requisites of B: bridging course at TAFE (asked by Ada on 2026-11-20, requested) added"
    );

    let mut plan = base.clone();
    plan.exceptions.clear();
    assert!(matches!(&changes(&plan)[..], [Change::EntryRemoved { .. }]));

    let mut plan = base.clone();
    plan.prior.push(transfer("A", 3));
    assert_eq!(
        changes(&plan)[0].to_string(),
        "prior credit transfer A 3 credits from Uni Elsewhere added"
    );
}

#[test]
fn choosing_another_stream_or_other_credits_after_approval_is_a_named_change() {
    let (_, mut plan) = missing_a();
    plan.choices.insert("major".into(), "COMPA1".into());
    approved(&mut plan);
    assert_eq!(
        plan.verdict.as_ref().unwrap().choices,
        ["stream major: COMPA1"]
    );
    assert!(matches!(
        review::verdict_state(&plan),
        VerdictState::Current(_)
    ));
    let changes = |plan: &Plan| match review::verdict_state(plan) {
        VerdictState::Changed(_, changes) => {
            changes.iter().map(ToString::to_string).collect::<Vec<_>>()
        }
        other => panic!("expected a change, got {other:?}"),
    };

    let mut other = plan.clone();
    other.choices.insert("major".into(), "COMPD1".into());
    assert_eq!(
        changes(&other),
        ["stream major: COMPA1 removed", "stream major: COMPD1 added"]
    );

    let mut other = plan.clone();
    let code = other.terms[0].courses[0].code.clone();
    other.terms[0].courses[0].credits = Some(12);
    assert_eq!(changes(&other), [format!("credits {code}: 12 added")]);

    // The stamp covers the recorded choices: editing them by hand damages the verdict.
    plan.verdict.as_mut().unwrap().choices.clear();
    assert!(matches!(
        review::verdict_state(&plan),
        VerdictState::Damaged(_)
    ));
}

#[test]
fn a_hand_edited_advising_record_damages_the_verdict() {
    let (_, mut plan) = missing_a();
    plan.prior.push(transfer("A", 3));
    approved(&mut plan);
    plan.verdict.as_mut().unwrap().advising.clear();
    assert!(matches!(
        review::verdict_state(&plan),
        VerdictState::Damaged(_)
    ));
}

// ---------------------------------------------------------------------------------------------
// Grades and GPA
// ---------------------------------------------------------------------------------------------

#[test]
fn a_failed_course_gives_no_credit_and_clears_no_requisite() {
    let c = adv();
    let plan = plan_of(
        &c,
        vec![
            ("S1", vec![placed("A", Status::Completed, Some("F"))]),
            ("S2", vec![placed("B", Status::Planned, None)]),
        ],
    );
    assert_eq!(model::credits(&c, &plan).completed, 0);
    assert!(
        kinds(&c, &plan)
            .iter()
            .any(|k| matches!(k, ProblemKind::RequisiteUnmet { course, .. } if course == "B"))
    );
    let mut passed = plan.clone();
    passed.terms[0].courses[0].grade = Some("C".into());
    assert_eq!(model::credits(&c, &passed).completed, 3);
    assert!(
        !kinds(&c, &passed)
            .iter()
            .any(|k| matches!(k, ProblemKind::RequisiteUnmet { .. }))
    );
}

#[test]
fn a_repeated_course_counts_once_at_the_best_or_last_attempt() {
    let c = adv();
    let plan = plan_of(
        &c,
        vec![
            (
                "S1",
                vec![
                    placed("A", Status::Completed, Some("F")),
                    placed("X", Status::Completed, Some("B")),
                ],
            ),
            ("S2", vec![placed("A", Status::Completed, Some("A"))]),
            ("S3", vec![placed("X", Status::Completed, Some("C"))]),
        ],
    );
    let k = kinds(&c, &plan);
    assert!(
        !k.iter()
            .any(|k| matches!(k, ProblemKind::PlacedTwice { .. })),
        "{k:?}"
    );
    assert_eq!(model::credits(&c, &plan).completed, 6, "A and X once each");
    let g = gpa::gpa(&c, &plan);
    // Terms: S1 (0*3 + 3*3)/6, S2 4.0, S3 2.0; cumulative: A at 4.0, X at its best, 3.0.
    assert_eq!(g.terms, [Some(1.5), Some(4.0), Some(2.0)]);
    assert_eq!(g.cumulative, Some(3.5));
    assert_eq!(g.credits, 6);
    let skipped = gpa::superseded(gpa::scale_of(&c), &plan);
    assert_eq!(skipped, [(0, 0), (2, 0)].into_iter().collect());

    let mut last = adv();
    let mut scale = GradeScale::default_scale();
    scale.repeat = gpa::Repeat::Last;
    last.grades = Some(scale);
    let g = gpa::gpa(&last, &plan);
    assert_eq!(g.cumulative, Some(3.0), "A at 4.0, X at its last, 2.0");

    // Placed twice without a completed, graded first attempt is still a mistake.
    let twice = plan_of(
        &c,
        vec![
            ("S1", vec![placed("A", Status::Planned, None)]),
            ("S2", vec![placed("A", Status::Planned, None)]),
        ],
    );
    assert!(
        kinds(&c, &twice)
            .iter()
            .any(|k| matches!(k, ProblemKind::PlacedTwice { .. }))
    );
}

#[test]
fn a_curriculum_defines_its_own_scale() {
    let text = ADV.replace(
        "prior_credit:",
        r#"grades: (scale: [("HD", Points(7.0)), ("D", Points(6.0)), ("P", Pass), ("N", Fail), ("NF", FailPoints(0.0))], repeat: Last),
    prior_credit:"#,
    );
    let c = store::parse_curriculum(&text, "adv.ron")
        .unwrap_or_else(|e| panic!("{e}"))
        .curriculum;
    let scale = gpa::scale_of(&c);
    assert_eq!(scale.mark("hd"), Some(Mark::Points(7.0)));
    assert_eq!(scale.mark("A"), None, "the default scale does not apply");
    let plan = plan_of(
        &c,
        vec![(
            "S1",
            vec![
                placed("A", Status::Completed, Some("HD")),
                placed("X", Status::Completed, Some("P")),
                placed("Y", Status::Completed, Some("N")),
                placed("Z", Status::Completed, Some("NF")),
            ],
        )],
    );
    assert!(
        !kinds(&c, &plan)
            .iter()
            .any(|k| matches!(k, ProblemKind::UnknownGrade { .. }))
    );
    assert_eq!(model::credits(&c, &plan).completed, 6, "N and NF fail");
    // HD 7.0 and NF 0.0 count; P and N have no points.
    assert_eq!(gpa::gpa(&c, &plan).cumulative, Some(3.5));
}

#[test]
fn the_bundled_curriculum_uses_the_default_scale() {
    let c = crate::common::bundled();
    assert!(c.grades.is_none());
    assert_eq!(gpa::scale_of(&c), &GradeScale::default_scale());
    assert_eq!(gpa::scale_of(&c).mark("b+"), Some(Mark::Points(3.3)));
    assert!(gpa::scale_of(&c).mark("F").unwrap().fails());
}

// ---------------------------------------------------------------------------------------------
// Reports
// ---------------------------------------------------------------------------------------------

fn busy() -> (Curriculum, Plan) {
    let (c, mut plan) = missing_a();
    plan.terms[0].courses[1] = placed("CAP", Status::Completed, Some("B+"));
    plan.prior.push(unassigned(3, Some("electives")));
    exceptions::request(
        &mut plan,
        Grant::WaiveRequisite("B".into()),
        "bridging course",
        "Ada",
        "2026-11-01",
    )
    .unwrap();
    exceptions::decide(&mut plan, &reviewer(), 0, true, TODAY).unwrap();
    (c, plan)
}

#[test]
fn the_markdown_report_shows_prior_credit_exceptions_and_gpa() {
    let (c, plan) = busy();
    let md = report::plan_markdown(&c, &plan, "plan.ron");
    let prior = md.find("## Prior credit").expect(&md);
    assert!(
        prior < md.find("## Terms").unwrap(),
        "prior credit comes before the terms"
    );
    assert!(md.contains(
        "| exam | unassigned, toward electives | 3 | AP Calculus BC | 5 | score report on file |"
    ), "{md}");
    assert!(
        md.contains("3 credits of prior credit count toward the degree."),
        "{md}"
    );
    assert!(
        md.contains("  - *waived: bridging course (Dr Grace, 2026-11-20)*"),
        "{md}"
    );
    assert!(md.contains("## Exceptions"), "{md}");
    assert!(
        md.contains("- **waive** (granted by Dr Grace on 2026-11-20): waive the requisites of B."),
        "{md}"
    );
    assert!(md.contains("  - answers: B Beta"), "{md}");
    assert!(md.contains("GPA **3.30** over 3 credits."), "{md}");
    assert!(md.contains(", 1 waived |"), "{md}");
}

#[test]
fn the_json_report_and_check_carry_the_new_blocks_only_when_there_is_something() {
    let (c, plan) = busy();
    let json = report::plan_json(&c, &plan, "plan.ron");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["prior"]["credits"], 3);
    assert_eq!(v["prior"]["entries"][0]["source"], "exam");
    assert_eq!(v["exceptions"][0]["state"], "granted");
    assert_eq!(v["exceptions"][0]["decided"][0], REVIEWER);
    assert_eq!(v["gpa"]["cumulative"], 3.3);
    let waived = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["waived"] == true)
        .expect("a waived problem");
    assert_eq!(
        waived["exception"],
        "waived: bridging course (Dr Grace, 2026-11-20)"
    );

    let (c, bare) = missing_a();
    let json = report::plan_json(&c, &bare, "plan.ron");
    for key in [
        "\"prior\"",
        "\"exceptions\"",
        "\"gpa\"",
        "\"waived\"",
        "\"exception\"",
        "\"attempt\"",
    ] {
        assert!(!json.contains(key), "{key} in a plan without any: {json}");
    }
}

#[test]
fn check_text_marks_waived_problems_and_counts_only_open_ones() {
    let (c, plan) = busy();
    let checked = report::checked_plan(&c, &plan, "plan.ron");
    let open = checked.problems.iter().filter(|p| p.open()).count();
    assert_eq!(open + 1, checked.problems.len());
    let report = report::CheckReport::new(vec![checked], &[]);
    let text = report::check_text(&c, &report, &[]);
    assert!(
        text.contains(&format!("{open} problems, 1 waived")),
        "{text}"
    );
    assert!(
        text.contains("\n    waived: bridging course (Dr Grace, 2026-11-20)\n"),
        "{text}"
    );
}

#[test]
fn diff_lists_prior_credit_and_exception_changes() {
    let (c, before) = missing_a();
    let (_, after) = busy();
    let text = report::diff_text(&c, &before, "before.ron", &after, "after.ron");
    let section = text
        .split("\nPrior credit and exceptions\n")
        .nth(1)
        .unwrap_or_else(|| panic!("{text}"));
    assert!(section.starts_with(
        "  prior credit exam unassigned toward electives 3 credits from AP Calculus BC (5): score report on file added\n  \
         exception waive the requisites of B: bridging course (asked by Ada on 2026-11-01, granted by Dr Grace on 2026-11-20) added\n"
    ), "{text}");
    let same = report::diff_text(&c, &before, "a.ron", &before, "b.ron");
    assert!(!same.contains("Prior credit and exceptions"), "{same}");
}

#[test]
fn an_exception_alone_is_an_edit() {
    let (c, before) = missing_a();
    let mut after = before.clone();
    exceptions::request(
        &mut after,
        Grant::WaiveGroup("electives".into()),
        "why not",
        "Ada",
        TODAY,
    )
    .unwrap();
    assert_eq!(
        model::edits::edits(&c, &before, &after),
        ["exception waive group electives: why not (asked by Ada on 2026-11-20, requested) added"]
    );
}

#[test]
fn bad_prior_credit_rules_and_grade_scales_are_refused_with_their_position() {
    let text = ADV.replace(
        r#"taken_here: ["CAP", "electives"]"#,
        r#"taken_here: ["CAP", "NOPE"]"#,
    );
    let err = store::parse_curriculum(&text, "adv.ron")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("prior_credit.taken_here names NOPE, which is neither a course nor a group"),
        "{err}"
    );
    assert!(err.contains("adv.ron:"), "{err}");

    let text = ADV.replace(
        "prior_credit:",
        r#"grades: (scale: [("A", Points(4.0)), ("a", Pass), ("Z", Points(-1.0))]),
    prior_credit:"#,
    );
    let err = store::parse_curriculum(&text, "adv.ron")
        .unwrap_err()
        .to_string();
    assert!(err.contains("grade \"a\" is on the scale twice"), "{err}");
    assert!(
        err.contains("grade \"Z\" is worth -1 points; points run from 0 to 100"),
        "{err}"
    );
}

#[test]
fn approving_counts_only_the_errors_no_granted_exception_answers() {
    use degree_planner::action::Action;
    use degree_planner::app::{App, Msg, Overlay};
    let (c, mut plan) = missing_a();
    let errors = |c: &Curriculum, p: &Plan| exceptions::open_errors(c, p, &model::problems(c, p));
    let before = errors(&c, &plan);
    assert!(before > 0, "the plan has errors to waive");
    let approving = |plan: Plan| {
        let mut app = App::new(c.clone(), plan, "adv.ron".into(), true).with_today(|| TODAY.into());
        app.update(Msg::Review(Some(REVIEWER.into())));
        app.update(Action::Approve);
        app
    };
    let asked = |plan: Plan| match approving(plan).overlay() {
        Some(Overlay::Ask(ask)) => ask.text.clone(),
        other => panic!("with errors the reviewer is asked first: {other:?}"),
    };
    assert_eq!(
        asked(plan.clone()),
        format!("This plan has {before} errors; approve anyway?")
    );
    // The requisite errors waived and granted: the question counts only what is left.
    let problems = model::problems(&c, &plan);
    let courses: Vec<String> = problems
        .iter()
        .filter(|p| p.severity == model::Severity::Error)
        .filter_map(|p| match &p.kind {
            ProblemKind::RequisiteUnmet { course, .. } => Some(course.clone()),
            _ => None,
        })
        .collect();
    assert!(!courses.is_empty());
    for course in &courses {
        let i = exceptions::request(
            &mut plan,
            Grant::WaiveRequisite(course.clone()),
            "bridging course",
            "Ada",
            "2026-11-01",
        )
        .unwrap();
        exceptions::decide(&mut plan, &reviewer(), i, true, TODAY).unwrap();
    }
    let after = errors(&c, &plan);
    assert_eq!(after, before - courses.len());
    let expected = match after {
        1 => "This plan has 1 error; approve anyway?".to_string(),
        n => format!("This plan has {n} errors; approve anyway?"),
    };
    assert_eq!(asked(plan), expected);
}

#[test]
fn prior_credit_counts_in_career_readiness_and_core_like_a_completed_course() {
    let c = crate::common::bundled();
    let mut taken_here = Plan::recommended(&c, "Ada");
    let slot = model::Slot { term: 0, index: 0 };
    assert_eq!(taken_here.terms[0].courses[0].code, "BE101");
    taken_here.terms[0].courses[0].status = Status::Completed;
    let mut by_prior = Plan::recommended(&c, "Ada");
    by_prior.remove(slot);
    by_prior.prior.push(transfer("BE101", 4));

    let here = model::readiness(&c, &taken_here);
    let prior = model::readiness(&c, &by_prior);
    assert_eq!(here, prior, "the same weight completed and committed");
    assert!(prior.iter().all(|r| r.completed > 0), "{prior:?}");

    let standings = model::standings(&c, &by_prior);
    assert!(
        standings.ranked,
        "a course covered by prior credit is not missing"
    );
    for s in &standings.paths {
        let core = s.core.iter().find(|x| x.course.code == "BE101");
        if let Some(x) = core {
            assert!(x.by_prior_credit(), "{x:?}");
            assert_eq!(s.core[0].course.code, "BE101", "prior credit comes first");
            assert_eq!(s.core_counts().0, 1);
        }
        assert_eq!(
            s.strength, None,
            "prior credit has no grade here: no results"
        );
        let text = model::advice::ready(&by_prior, s);
        assert!(!text.contains("in no term"), "{text}");
    }
    let path = &c.paths[0].id;
    assert!(
        !model::next_steps(&c, &by_prior, path)
            .iter()
            .any(|s| matches!(s, model::Step::Place(x) if x.code == "BE101")),
        "no step asks to place a course prior credit covers"
    );
}
