//! The domain model through its public API: credits, problems, readiness, plan edits, and
//! reading and writing plans.

use std::path::{Path, PathBuf};

use degree_planner::model::{
    self, Credits, Curriculum, CurriculumRef, PLAN_VERSION, Placement, Plan, Problem, ProblemKind,
    Severity, Slot, Status,
};
use degree_planner::store::{self, Located};

use crate::common::bundled;

/// A small program: 14 credits; A and B in S1, C, D and the elective F in S2; elective E any
/// time. Weights: dev = A3 C2 D1 E3 (total 9); ops = A1 B2 C2 (total 5).
const MINI: &str = r#"(
    name: "Mini",
    degree_credits: 14,
    max_term_credits: 7,
    semesters: ["S1", "S2"],
    paths: [
        (id: "dev", name: "Developer", mark: 'D'),
        (id: "ops", name: "Operator", mark: 'O'),
    ],
    courses: [
        (code: "A", title: "Alpha", credits: 3, semester: 1, careers: {"dev": 3, "ops": 1}),
        (code: "B", title: "Beta", credits: 4, semester: 1, careers: {"ops": 2}),
        (code: "C", title: "Gamma", credits: 3, semester: 2, prerequisites: ["A"],
            careers: {"dev": 2, "ops": 2}),
        (code: "D", title: "Delta", credits: 2, semester: 2, prerequisites: ["A", "B"],
            careers: {"dev": 1}),
        (code: "E", title: "Epsilon", credits: 2, required: false, careers: {"dev": 3}),
        (code: "F", title: "Phi", credits: 2, semester: 2, required: false),
    ],
    electives: [(name: "Options", min_credits: 2, courses: ["E", "F"])],
)"#;

fn mini() -> Curriculum {
    store::parse_curriculum(MINI, "mini.ron")
        .expect("MINI must load")
        .curriculum
}

fn placement(code: &str, status: Status) -> Placement {
    Placement {
        code: code.to_string(),
        status,
        grade: None,
        credits: None,
        pinned: false,
    }
}

/// A plan for MINI with the given terms, each a list of (code, status).
fn plan_with(c: &Curriculum, terms: &[(&str, &[(&str, Status)])]) -> Plan {
    let mut plan = Plan::recommended(c, "Ada");
    plan.terms.clear();
    for (name, courses) in terms {
        let t = plan.add_term(usize::MAX, name);
        for (code, status) in *courses {
            plan.place(t, placement(code, *status));
        }
    }
    plan
}

fn slot(term: usize, index: usize) -> Slot {
    Slot { term, index }
}

fn codes(plan: &Plan, term: usize) -> Vec<&str> {
    plan.terms[term]
        .courses
        .iter()
        .map(|p| p.code.as_str())
        .collect()
}

fn kinds(problems: &[Problem]) -> Vec<&ProblemKind> {
    problems.iter().map(|p| &p.kind).collect()
}

use Status::{Completed, InProgress, Planned};

// ---- The recommended plan ------------------------------------------------------------------

#[test]
fn recommended_plan_follows_the_semesters() {
    let c = mini();
    let plan = Plan::recommended(&c, "Ada");
    assert_eq!(plan.version, PLAN_VERSION);
    assert_eq!(plan.student, "Ada");
    assert_eq!(plan.target_path, None);
    assert_eq!(plan.curriculum.name, "Mini");
    assert_eq!(plan.curriculum.hash, c.content_hash());
    let names: Vec<&str> = plan.terms.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["S1", "S2"]);
    assert_eq!(codes(&plan, 0), ["A", "B"]);
    assert_eq!(codes(&plan, 1), ["C", "D", "F"]);
    assert!(
        plan.terms
            .iter()
            .flat_map(|t| &t.courses)
            .all(|p| p.status == Planned && p.grade.is_none())
    );
    assert_eq!(model::problems(&c, &plan), vec![]);
}

#[test]
fn unplanned_pool_is_in_curriculum_order() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    let pool: Vec<&str> = plan.unplanned(&c).iter().map(|x| x.code.as_str()).collect();
    assert_eq!(pool, ["E"]);
    plan.remove(slot(1, 0)); // C
    plan.remove(slot(0, 0)); // A
    let pool: Vec<&str> = plan.unplanned(&c).iter().map(|x| x.code.as_str()).collect();
    assert_eq!(pool, ["A", "C", "E"]);
    // A code the curriculum does not know never enters the pool.
    plan.place(0, Placement::planned("ZZ"));
    let pool: Vec<&str> = plan.unplanned(&c).iter().map(|x| x.code.as_str()).collect();
    assert_eq!(pool, ["A", "C", "E"]);
}

// ---- Credits -------------------------------------------------------------------------------

#[test]
fn credits_by_status() {
    let c = mini();
    let plan = plan_with(
        &c,
        &[
            ("S1", &[("A", Completed), ("B", InProgress)]),
            ("S2", &[("C", Planned), ("F", Planned)]),
        ],
    );
    let credits = model::credits(&c, &plan);
    assert_eq!(
        credits,
        Credits {
            completed: 3,
            in_progress: 4,
            planned: 5,
            degree: 14,
        }
    );
    assert_eq!(credits.total(), 12);
    assert_eq!(credits.remaining(), 2);
}

#[test]
fn remaining_never_goes_below_zero() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    plan.place(0, Placement::planned("E"));
    let credits = model::credits(&c, &plan);
    assert_eq!(credits.total(), 16);
    assert_eq!(credits.remaining(), 0);
}

#[test]
fn a_course_placed_twice_counts_once_at_its_furthest_status() {
    let c = mini();
    for terms in [
        [("S1", [("A", Completed)]), ("S2", [("A", Planned)])],
        [("S1", [("A", Planned)]), ("S2", [("A", Completed)])],
    ] {
        let terms: Vec<(&str, &[(&str, Status)])> =
            terms.iter().map(|(n, cs)| (*n, &cs[..])).collect();
        let plan = plan_with(&c, &terms);
        let credits = model::credits(&c, &plan);
        assert_eq!(
            (credits.completed, credits.in_progress, credits.planned),
            (3, 0, 0)
        );
    }
    let plan = plan_with(
        &c,
        &[
            ("S1", &[("B", InProgress), ("B", Planned)]),
            ("S2", &[("B", Planned)]),
        ],
    );
    let credits = model::credits(&c, &plan);
    assert_eq!(
        (credits.completed, credits.in_progress, credits.planned),
        (0, 4, 0)
    );
}

#[test]
fn unknown_codes_count_nothing() {
    let c = mini();
    let plan = plan_with(
        &c,
        &[("S1", &[("ZZ", Completed), ("A", Planned), ("Q", Planned)])],
    );
    let credits = model::credits(&c, &plan);
    assert_eq!(
        (credits.completed, credits.in_progress, credits.planned),
        (0, 0, 3)
    );
    assert_eq!(model::term_credits(&c, &plan, 0), 3);
}

#[test]
fn term_credits_count_every_known_placement_in_the_term() {
    let c = mini();
    let plan = plan_with(
        &c,
        &[
            (
                "S1",
                &[("A", Completed), ("B", InProgress), ("ZZ", Planned)],
            ),
            ("S2", &[("A", Planned), ("C", Planned)]),
            ("Empty", &[]),
        ],
    );
    assert_eq!(model::term_credits(&c, &plan, 0), 7);
    // A is counted in this term too: term load is what the term carries.
    assert_eq!(model::term_credits(&c, &plan, 1), 6);
    assert_eq!(model::term_credits(&c, &plan, 2), 0);
    assert_eq!(model::term_credits(&c, &plan, 9), 0);
}

// ---- Problems ------------------------------------------------------------------------------

fn only(problems: Vec<Problem>) -> Problem {
    assert_eq!(problems.len(), 1, "{problems:#?}");
    problems.into_iter().next().unwrap()
}

#[test]
fn prerequisite_in_the_same_term() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    // C (needs A) moves into S1 beside A; S1 then carries 10 credits.
    plan.move_to(slot(1, 0), 0);
    let problems = model::problems(&c, &plan);
    let order: Vec<&Problem> = problems
        .iter()
        .filter(|p| matches!(p.kind, ProblemKind::PrerequisiteOrder { .. }))
        .collect();
    assert_eq!(order.len(), 1);
    assert_eq!(
        order[0].kind,
        ProblemKind::PrerequisiteOrder {
            course: "C".into(),
            prerequisite: "A".into(),
        }
    );
    assert_eq!(
        order[0].message,
        "C Gamma needs A Alpha first, but both are in S1"
    );
    assert_eq!(order[0].severity, Severity::Error);
    assert_eq!(order[0].term, Some(0));
    assert_eq!(
        order[0].to_string(),
        "error: C Gamma needs A Alpha first, but both are in S1"
    );
}

#[test]
fn prerequisite_in_a_later_term() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    plan.add_term(2, "S3");
    plan.move_to(slot(0, 0), 2); // A to S3
    let problems: Vec<Problem> = model::problems(&c, &plan)
        .into_iter()
        .filter(|p| matches!(p.kind, ProblemKind::PrerequisiteOrder { .. }))
        .collect();
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "C Gamma in S2 needs A Alpha first, which is later, in S3",
            "D Delta in S2 needs A Alpha first, which is later, in S3",
        ]
    );
    assert!(problems.iter().all(|p| p.term == Some(1)));
}

#[test]
fn prerequisite_not_planned() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    plan.remove(slot(0, 1)); // B
    plan.place(0, Placement::planned("E")); // keep the degree total and electives
    let problems = model::problems(&c, &plan);
    assert_eq!(
        kinds(&problems),
        [
            &ProblemKind::PrerequisiteOrder {
                course: "D".into(),
                prerequisite: "B".into(),
            },
            &ProblemKind::RequiredUnplanned { course: "B".into() },
            &ProblemKind::DegreeShort {
                placed: 12,
                needed: 14,
            },
        ]
    );
    assert_eq!(
        problems[0].message,
        "D Delta in S2 needs B Beta first, which is not planned"
    );
}

#[test]
fn a_prerequisite_in_an_earlier_term_is_fine_even_if_also_placed_later() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    plan.place(1, Placement::planned("A"));
    let problems = model::problems(&c, &plan);
    assert_eq!(
        kinds(&problems),
        [
            &ProblemKind::PlacedTwice { course: "A".into() },
            &ProblemKind::OverLoad {
                term: 1,
                credits: 10,
                limit: 7,
            },
        ]
    );
}

#[test]
fn over_load() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    plan.place(0, Placement::planned("E"));
    let p = only(model::problems(&c, &plan));
    assert_eq!(
        p.kind,
        ProblemKind::OverLoad {
            term: 0,
            credits: 9,
            limit: 7,
        }
    );
    assert_eq!(p.severity, Severity::Warning);
    assert_eq!(p.term, Some(0));
    assert_eq!(p.message, "S1 carries 9 credits, over the limit of 7");
    assert_eq!(
        p.to_string(),
        "warning: S1 carries 9 credits, over the limit of 7"
    );
}

#[test]
fn no_over_load_without_a_limit() {
    let text = MINI.replace("max_term_credits: 7,", "");
    let c = store::parse_curriculum(&text, "mini.ron")
        .unwrap()
        .curriculum;
    assert_eq!(c.max_term_credits, None);
    let mut plan = Plan::recommended(&c, "Ada");
    plan.place(0, Placement::planned("E"));
    assert_eq!(model::problems(&c, &plan), vec![]);
}

#[test]
fn placed_twice() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    plan.add_term(2, "S3");
    plan.place(2, Placement::planned("B"));
    let p = only(model::problems(&c, &plan));
    assert_eq!(p.kind, ProblemKind::PlacedTwice { course: "B".into() });
    assert_eq!(p.severity, Severity::Error);
    assert_eq!(p.message, "B Beta is placed 2 times: S1, S3");
    assert_eq!(p.term, Some(2));
}

#[test]
fn unknown_course_is_reported_once_per_term() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    plan.place(1, Placement::planned("ZZ"));
    plan.place(1, Placement::planned("ZZ"));
    let problems = model::problems(&c, &plan);
    assert_eq!(
        kinds(&problems),
        [
            &ProblemKind::UnknownCourse {
                course: "ZZ".into()
            },
            &ProblemKind::PlacedTwice {
                course: "ZZ".into()
            },
        ]
    );
    assert_eq!(problems[0].message, "ZZ in S2 is not a course of Mini");
    assert_eq!(problems[0].term, Some(1));
    assert_eq!(problems[1].message, "ZZ is placed 2 times in S2");
}

#[test]
fn required_course_unplanned() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    plan.remove(slot(1, 1)); // D
    plan.place(1, Placement::planned("E"));
    let p = only(model::problems(&c, &plan));
    assert_eq!(
        p.kind,
        ProblemKind::RequiredUnplanned { course: "D".into() }
    );
    assert_eq!(p.message, "D Delta is required but in no term");
    assert_eq!(p.term, None);
    assert_eq!(p.severity, Severity::Error);
}

#[test]
fn electives_short() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    plan.remove(slot(1, 2)); // F
    let problems = model::problems(&c, &plan);
    assert_eq!(
        kinds(&problems),
        [
            &ProblemKind::ElectivesShort {
                group: "Options".into(),
                placed: 0,
                needed: 2,
            },
            &ProblemKind::DegreeShort {
                placed: 12,
                needed: 14,
            },
        ]
    );
    assert_eq!(
        problems[0].message,
        "Options needs at least 2 credits; 0 are planned"
    );
    assert_eq!(
        problems[1].message,
        "the plan reaches 12 of 14 credits: 2 short of the degree"
    );
}

#[test]
fn degree_short_counts_each_course_once() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    plan.remove(slot(1, 2)); // F, 2 credits
    plan.place(1, Placement::planned("A")); // a second A adds nothing
    let problems = model::problems(&c, &plan);
    assert!(problems.contains(&Problem {
        kind: ProblemKind::DegreeShort {
            placed: 12,
            needed: 14,
        },
        severity: Severity::Error,
        message: "the plan reaches 12 of 14 credits: 2 short of the degree".into(),
        term: None,
    }));
}

#[test]
fn curriculum_changed() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    plan.curriculum.hash = "0123456789abcdef".into();
    let p = only(model::problems(&c, &plan));
    assert_eq!(p.kind, ProblemKind::CurriculumChanged);
    assert_eq!(p.severity, Severity::Warning);
    assert_eq!(
        p.message,
        "this plan was made for a different version of \"Mini\"; check it against the current one"
    );
    assert_eq!(p.term, None);
}

#[test]
fn plan_for_another_program_says_which() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    plan.curriculum = CurriculumRef {
        name: "Data Science".into(),
        hash: "0123456789abcdef".into(),
    };
    let p = only(model::problems(&c, &plan));
    assert_eq!(p.kind, ProblemKind::CurriculumChanged);
    assert_eq!(
        p.message,
        "this plan was made for \"Data Science\", not \"Mini\"; open it with that program's \
         curriculum (--curriculum FILE)"
    );
}

#[test]
fn content_hash_ignores_comments_and_layout_but_not_content() {
    let c = mini();
    let reformatted = format!("// a comment\n{}", MINI.replace(",\n", ",\n\n"));
    let same = store::parse_curriculum(&reformatted, "x.ron")
        .unwrap()
        .curriculum;
    assert_eq!(same.content_hash(), c.content_hash());
    let changed = store::parse_curriculum(&MINI.replace("\"Beta\"", "\"Beta 2\""), "x.ron")
        .unwrap()
        .curriculum;
    assert_ne!(changed.content_hash(), c.content_hash());
}

#[test]
fn problems_come_errors_first_then_in_term_order() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    plan.curriculum.hash = "stale".into();
    plan.move_to(slot(1, 0), 0); // C into S1: prerequisite order (S1) and overload (S1)
    plan.place(1, Placement::planned("ZZ")); // unknown (S2)
    plan.remove(slot(1, 1)); // F: electives short (no term) and degree short
    let problems = model::problems(&c, &plan);
    let summary: Vec<(Severity, Option<usize>, &ProblemKind)> = problems
        .iter()
        .map(|p| (p.severity, p.term, &p.kind))
        .collect();
    assert_eq!(
        summary,
        [
            (
                Severity::Error,
                Some(0),
                &ProblemKind::PrerequisiteOrder {
                    course: "C".into(),
                    prerequisite: "A".into(),
                }
            ),
            (
                Severity::Error,
                Some(1),
                &ProblemKind::UnknownCourse {
                    course: "ZZ".into()
                }
            ),
            (
                Severity::Error,
                None,
                &ProblemKind::ElectivesShort {
                    group: "Options".into(),
                    placed: 0,
                    needed: 2,
                }
            ),
            (
                Severity::Error,
                None,
                &ProblemKind::DegreeShort {
                    placed: 12,
                    needed: 14,
                }
            ),
            (
                Severity::Warning,
                Some(0),
                &ProblemKind::OverLoad {
                    term: 0,
                    credits: 10,
                    limit: 7,
                }
            ),
            (Severity::Warning, None, &ProblemKind::CurriculumChanged),
        ]
    );
}

// ---- Career readiness ----------------------------------------------------------------------

#[test]
fn readiness_follows_the_formula() {
    let c = mini();
    // dev: A3 C2 D1 E3 = 9; ops: A1 B2 C2 = 5.
    let plan = plan_with(
        &c,
        &[
            ("S1", &[("A", Completed), ("B", InProgress)]),
            ("S2", &[("C", Planned), ("E", Planned)]),
        ],
    );
    let r = model::readiness(&c, &plan);
    assert_eq!(r.len(), 2);
    assert_eq!(
        (r[0].path, r[0].total, r[0].completed, r[0].committed),
        (0, 9, 3, 8)
    );
    assert_eq!(
        (r[1].path, r[1].total, r[1].completed, r[1].committed),
        (1, 5, 1, 5)
    );
    assert_eq!(r[0].completed_share(), 3.0 / 9.0);
    assert_eq!(r[0].committed_share(), 8.0 / 9.0);
    assert_eq!(r[1].completed_share(), 0.2);
    assert_eq!(r[1].committed_share(), 1.0);
}

#[test]
fn readiness_counts_a_course_once_and_ignores_unknown_codes() {
    let c = mini();
    let plan = plan_with(
        &c,
        &[
            ("S1", &[("A", Planned), ("ZZ", Completed)]),
            ("S2", &[("A", Completed), ("A", InProgress)]),
        ],
    );
    let r = model::readiness(&c, &plan);
    assert_eq!((r[0].completed, r[0].committed), (3, 3));
    assert_eq!((r[1].completed, r[1].committed), (1, 1));
}

#[test]
fn readiness_of_a_path_without_weights_is_zero() {
    let text = MINI.replace(
        "(id: \"ops\", name: \"Operator\", mark: 'O'),",
        "(id: \"ops\", name: \"Operator\", mark: 'O'), (id: \"qa\", name: \"Tester\", mark: 'Q'),",
    );
    let c = store::parse_curriculum(&text, "x.ron").unwrap().curriculum;
    let r = model::readiness(&c, &Plan::recommended(&c, "Ada"));
    assert_eq!((r[2].path, r[2].total, r[2].committed), (2, 0, 0));
    assert_eq!(r[2].committed_share(), 0.0);
    assert_eq!(r[2].completed_share(), 0.0);
}

#[test]
fn grade_points_follow_the_documented_scale() {
    use model::grade::{NEUTRAL_POINTS, grade_points};
    let table = [
        ("A+", 4.0),
        ("A", 4.0),
        ("a-", 3.7),
        (" B+ ", 3.3),
        ("B", 3.0),
        ("B-", 2.7),
        ("C+", 2.3),
        ("C", 2.0),
        ("C-", 1.7),
        ("D+", 1.3),
        ("D", 1.0),
        ("D-", 0.7),
        ("F", 0.0),
        ("Fail", 0.0),
        ("Pass", NEUTRAL_POINTS),
        ("P", NEUTRAL_POINTS),
        ("excellent", NEUTRAL_POINTS),
    ];
    for (grade, points) in table {
        assert_eq!(grade_points(Some(grade)), points, "{grade}");
    }
    assert_eq!(grade_points(None), 3.0, "no grade counts as a B");
}

/// The recommended plan with the first `done` terms completed (graded from `grades`, the
/// rest B), and the next term in progress.
fn on_schedule(c: &Curriculum, done: usize, grades: &[(&str, &str)]) -> Plan {
    let mut plan = Plan::recommended(c, "Ada");
    for (t, term) in plan.terms.iter_mut().enumerate() {
        for p in &mut term.courses {
            if t < done {
                p.status = Completed;
                let grade = grades.iter().find(|(code, _)| *code == p.code);
                p.grade = Some(grade.map_or("B", |(_, g)| g).to_string());
            } else if t == done {
                p.status = InProgress;
            }
        }
    }
    plan
}

fn order(c: &Curriculum, plan: &Plan) -> Vec<String> {
    model::standings(c, plan)
        .paths
        .iter()
        .map(|s| c.paths[s.path].id.clone())
        .collect()
}

#[test]
fn same_schedule_different_grades_rank_differently() {
    let c = bundled();
    // Same two semesters completed; one student excels in the architecture courses, the other
    // in the infrastructure ones.
    let architect = on_schedule(&c, 2, &[("BE104", "A"), ("BE203", "A"), ("BE202", "A")]);
    let devops = on_schedule(&c, 2, &[("BE106", "A"), ("BE204", "A"), ("BE101", "C")]);
    assert_eq!(order(&c, &architect)[0], "architect");
    assert_eq!(order(&c, &devops)[0], "devops");
    let s = model::standings(&c, &architect);
    assert_eq!(
        model::advice::results(&c, &s),
        "Your strongest path by results: Technical Lead or Architect, from A in BE104 and BE202."
    );
    // Strength is the weight-averaged grade points of the completed courses for the path:
    // architect weights in Semesters I-II are BE101 1, BE102 2, BE103 2, BE104 3, BE105 1,
    // BE106 1, BE201 2, BE202 2, BE203 2, BE205 1, BE206 1 (18); A (4) in BE104, BE202 and
    // BE203 (weight 7), B (3) elsewhere (weight 11).
    let a = s.paths.iter().find(|x| x.path == 2).unwrap();
    assert!((a.strength.unwrap() - (7.0 * 4.0 + 11.0 * 3.0) / 18.0).abs() < 1e-12);
    // With every grade a B the results favour no path.
    let even = on_schedule(&c, 2, &[]);
    let s = model::standings(&c, &even);
    assert!(s.strongest().is_none());
    assert_eq!(
        model::advice::results(&c, &s),
        "Your results are even across the paths."
    );
}

#[test]
fn taking_a_path_core_earlier_gives_an_earlier_readiness_term() {
    let c = mini();
    // ops: A1 B2 C2; its core is B and C (its top weight, 2).
    let ready = |plan: &Plan| {
        let s = model::standings(&c, plan);
        s.paths.iter().find(|x| x.path == 1).unwrap().ready_after
    };
    let late = plan_with(
        &c,
        &[
            ("T1", &[("A", Completed), ("B", Planned)]),
            ("T2", &[("D", Planned), ("E", Planned)]),
            ("T3", &[("C", Planned)]),
        ],
    );
    let early = plan_with(
        &c,
        &[
            ("T1", &[("A", Completed), ("B", Planned)]),
            ("T2", &[("C", Planned), ("E", Planned)]),
            ("T3", &[("D", Planned)]),
        ],
    );
    assert_eq!(ready(&late), Some(2));
    assert_eq!(ready(&early), Some(1));
    // Unranked ties aside, the earlier-ready path ranks first when results are level.
    let s = model::standings(&c, &early);
    assert_eq!(
        model::advice::ready(&early, s.paths.iter().find(|x| x.path == 1).unwrap()),
        "ready after T2"
    );
    // On the bundled schedule the senior path's core ends in Semester III, the others' in IV.
    let b = bundled();
    let plan = Plan::recommended(&b, "Ada");
    let s = model::standings(&b, &plan);
    assert_eq!(
        model::advice::ready_summary(&b, &plan, &s),
        "Ready as planned: S after Semester III; D and A after Semester IV."
    );
    // A core course in no term: not ready as planned.
    let mut dropped = plan.clone();
    dropped.remove(dropped.find("BE401").unwrap());
    let s = model::standings(&b, &dropped);
    let d = s.paths.iter().find(|x| x.path == 1).unwrap();
    assert_eq!(d.ready_after, None);
    assert_eq!(
        model::advice::ready(&dropped, d),
        "not ready as planned: BE401 in no term"
    );
    // The summary says which paths are ready and which are not, each in a sentence of its
    // own, never "Ready as planned: D not ready".
    assert_eq!(
        model::advice::ready_summary(&b, &dropped, &s),
        "Ready as planned: S after Semester III; A after Semester IV. \
         Not ready as planned: D: BE401 in no term."
    );
    // Two paths not ready: the target's courses are named first, the other's counted.
    let mut two = dropped.clone();
    two.remove(two.find("BE102").unwrap());
    two.target_path = Some("senior-backend".into());
    let s = model::standings(&b, &two);
    assert_eq!(
        model::advice::ready_summary(&b, &two, &s),
        "Ready as planned: A after Semester IV. \
         Not ready as planned: S: BE102 in no term; D: 1 core course in no term."
    );
    // With no target, each counts its own.
    two.target_path = None;
    let s = model::standings(&b, &two);
    assert_eq!(
        model::advice::ready_summary(&b, &two, &s),
        "Ready as planned: A after Semester IV. \
         Not ready as planned: S: 1 core course in no term; D: 1 core course in no term."
    );
}

#[test]
fn a_project_focus_raises_the_focused_path_weight_by_two() {
    use model::career::{FOCUS_BONUS, weight};
    let c = bundled();
    let mut plan = on_schedule(&c, 2, &[("BE206", "A")]);
    fn devops<'a>(c: &'a Curriculum, plan: &'a Plan) -> model::Standing<'a, 'a> {
        let s = model::standings(c, plan);
        s.paths.into_iter().find(|x| x.path == 1).unwrap()
    }
    let unfocused = plan.clone();
    let before = devops(&c, &unfocused);
    plan.focus.insert("BE206".into(), "devops".into());
    let after = devops(&c, &plan);
    let be206 = c.course("BE206").unwrap();
    assert_eq!(FOCUS_BONUS, 2);
    assert_eq!(weight(&plan, be206, "devops"), 1 + FOCUS_BONUS);
    assert_eq!(
        weight(&plan, be206, "senior-backend"),
        3,
        "other paths keep their weight"
    );
    assert_eq!(after.readiness.total, before.readiness.total + FOCUS_BONUS);
    // DevOps weights in Semesters I-II: BE101 1, BE103 1, BE104 1, BE106 3, BE202 1, BE204 3,
    // BE206 1 (11), all B but BE206 (A). With the focus BE206 weighs 3 (13).
    let expect = |w206: f64| ((11.0 - 1.0) * 3.0 + w206 * 4.0) / (10.0 + w206);
    assert!((before.strength.unwrap() - expect(1.0)).abs() < 1e-12);
    assert!((after.strength.unwrap() - expect(3.0)).abs() < 1e-12);
    // The focused project joins the path's core (weight 3, its top weight).
    assert!(!before.core.iter().any(|x| x.course.code == "BE206"));
    assert!(after.core.iter().any(|x| x.course.code == "BE206"));
    // The weight never passes the top of the scale, 5; a course without `focus` takes none.
    plan.focus.insert("BE404".into(), "architect".into());
    assert_eq!(weight(&plan, c.course("BE404").unwrap(), "architect"), 5);
    plan.focus.insert("BE101".into(), "devops".into());
    assert_eq!(weight(&plan, c.course("BE101").unwrap(), "devops"), 1);
}

#[test]
fn a_project_focus_is_saved_in_the_plan_and_left_out_of_the_verdict() {
    use model::review::{self, Decision, VerdictState};
    let c = bundled();
    let mut plan = on_schedule(&c, 1, &[]);
    plan.verdict = Some(review::verdict_for(
        &plan,
        Decision::Approved,
        "Dr Grace",
        "2026-11-20",
        "",
    ));
    plan.focus.insert("BE305".into(), "devops".into());
    let text = store::plan_to_ron(&plan);
    assert!(text.contains("focus: {"), "{text}");
    let back = store::parse_plan(&text, "p.ron").expect("parses");
    assert_eq!(back, plan);
    assert!(matches!(
        review::verdict_state(&back),
        VerdictState::Current(_)
    ));
    // A plan without focus writes no `focus` field, as version-2 files before it had none.
    let plain = Plan::recommended(&c, "Ada");
    assert!(!store::plan_to_ron(&plain).contains("focus"));
}

#[test]
fn a_plan_that_drops_required_courses_is_never_ranked_better_supported() {
    let c = bundled();
    let valid = on_schedule(&c, 1, &[("BE101", "C"), ("BE102", "C"), ("BE103", "C")]);
    let mut invalid = valid.clone();
    for code in ["BE101", "BE102", "BE103"] {
        invalid.remove(invalid.find(code).unwrap());
    }
    let good = model::standings(&c, &valid);
    let bad = model::standings(&c, &invalid);
    assert!(good.ranked);
    assert!(!bad.ranked, "a plan missing required courses is not ranked");
    assert!(bad.strongest().is_none());
    assert_eq!(bad.order(), [0, 1, 2], "shown in curriculum order");
    let codes: Vec<&str> = bad
        .missing_required
        .iter()
        .map(|x| x.code.as_str())
        .collect();
    assert_eq!(codes, ["BE101", "BE102", "BE103"]);
    assert_eq!(
        model::advice::unranked(&bad).as_deref(),
        Some("Not ranked: BE101, BE102 and BE103 are required but in no term.")
    );
    // A long list is cut after five courses.
    let mut more = invalid.clone();
    for code in ["BE104", "BE105", "BE106", "BE201"] {
        more.remove(more.find(code).unwrap());
    }
    assert_eq!(
        model::advice::unranked(&model::standings(&c, &more)).as_deref(),
        Some(
            "Not ranked: BE101, BE102, BE103, BE104, BE105 and 2 more are required but in no term."
        )
    );
    // Nor does dropping them raise any path's completed weight or readiness.
    for (g, b) in good.paths.iter().zip(&bad.paths) {
        assert!(b.readiness.completed <= g.readiness.completed);
        assert!(b.core_counts().0 <= g.core_counts().0);
    }
}

#[test]
fn next_steps_differ_per_path_on_the_bundled_program_midway() {
    use model::Step;
    let c = bundled();
    // Semester I completed, Semester II in progress: in-progress prerequisites count as met,
    // so Semester III's courses can be suggested.
    let plan = on_schedule(&c, 1, &[]);
    let take = |id: &str| -> String {
        model::next_steps(&c, &plan, id)
            .iter()
            .find_map(|s| match s {
                Step::Take(course, term) => Some(format!("{} {}", course.code, term)),
                _ => None,
            })
            .unwrap()
    };
    assert_eq!(take("senior-backend"), "BE302 2");
    assert_eq!(take("devops"), "BE301 2");
    assert_eq!(take("architect"), "BE303 2");
    // Every path may still give the first unfinished project a focus; BE206 is in progress.
    let steps = model::next_steps(&c, &plan, "devops");
    assert!(matches!(steps.last(), Some(Step::Focus(x)) if x.code == "BE206"));
    let mut focused = plan.clone();
    focused.focus.insert("BE206".into(), "devops".into());
    let steps = model::next_steps(&c, &focused, "devops");
    assert!(matches!(steps.last(), Some(Step::Focus(x)) if x.code == "BE305"));
    // A course for the path in no term comes first.
    let mut dropped = plan.clone();
    dropped.remove(dropped.find("BE402").unwrap());
    assert!(matches!(
        model::next_steps(&c, &dropped, "devops").first(),
        Some(Step::Place(x)) if x.code == "BE402"
    ));
    assert!(model::next_steps(&c, &plan, "nobody").is_empty());
}

#[test]
fn electives_are_measured_against_what_the_degree_leaves_room_for() {
    // 12 credits, 6 of them required: the electives have room for 6 of their 12.
    let c = store::parse_curriculum(
        r#"(
        name: "Room", degree_credits: 12, semesters: ["S1", "S2"],
        paths: [(id: "dev", name: "Developer", mark: 'D')],
        courses: [
            (code: "A", title: "Alpha", credits: 6, semester: 1),
            (code: "X", title: "Ex", credits: 3, required: false, careers: {"dev": 3}),
            (code: "Y", title: "Why", credits: 3, required: false, careers: {"dev": 1}),
            (code: "Z", title: "Zed", credits: 6, required: false, careers: {"dev": 3}),
        ],
    )"#,
        "room.ron",
    )
    .expect("valid")
    .curriculum;
    // Most weight per credit first, each that still fits: X (3 for 3), then Y (Z does not fit).
    assert_eq!(c.elective_best(0), 4);
    let electives = |codes: &[(&str, Status)]| {
        let plan = plan_with(&c, &[("S1", &[("A", Planned)]), ("S2", codes)]);
        model::standings(&c, &plan).paths[0].electives
    };
    assert_eq!(electives(&[("X", Planned)]), Some((3, 4)));
    // A plan past the degree's room is measured against what it places.
    assert_eq!(electives(&[("X", Planned), ("Z", Planned)]), Some((6, 6)));
    // Where every elective fits, the measure is all of them (the program MINI).
    assert_eq!(mini().elective_best(0), 3);
}

#[test]
fn chosen_electives_move_each_path() {
    let c = mini();
    // dev's electives: E 3 (F gives nothing); ops's electives give nothing.
    let electives = |plan: &Plan| -> Vec<Option<(u32, u32)>> {
        model::standings(&c, plan)
            .paths
            .iter()
            .map(|s| s.electives)
            .collect()
    };
    let without = plan_with(
        &c,
        &[
            ("S1", &[("A", Planned), ("B", Planned)]),
            ("S2", &[("F", Planned)]),
        ],
    );
    let with = plan_with(
        &c,
        &[
            ("S1", &[("A", Planned), ("B", Planned)]),
            ("S2", &[("E", Planned)]),
        ],
    );
    assert_eq!(electives(&without), [Some((0, 3)), None]);
    assert_eq!(electives(&with), [Some((3, 3)), None]);
    assert!(!c.all_required());
    assert!(bundled().all_required());
}

#[test]
fn required_courses_are_indexed_in_curriculum_order() {
    let c = bundled();
    let expected: Vec<usize> = (0..c.courses.len())
        .filter(|&i| c.courses[i].required)
        .collect();
    assert_eq!(c.required_courses(), expected.as_slice());
    let text = crate::common::synth::curriculum(300, 5);
    let c = degree_planner::store::parse_curriculum(&text, "synthetic")
        .expect("valid")
        .curriculum;
    let required = c.required_courses();
    assert!(!required.is_empty() && required.len() < c.courses.len());
    assert!(required.windows(2).all(|w| w[0] < w[1]));
    assert!(
        (0..c.courses.len()).all(|i| c.courses[i].required == required.contains(&i)),
        "exactly the required ones"
    );
}

// ---- Plan edits ----------------------------------------------------------------------------

#[test]
fn remove_takes_a_course_out() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    assert_eq!(plan.remove(slot(0, 1)), Some(Placement::planned("B")));
    assert_eq!(codes(&plan, 0), ["A"]);
    assert_eq!(plan.remove(slot(0, 1)), None);
    assert_eq!(plan.remove(slot(7, 0)), None);
    assert_eq!(plan.find("B"), None);
    assert!(!plan.placed_codes().contains("B"));
}

#[test]
fn place_appends_to_a_term() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    assert_eq!(plan.place(0, Placement::planned("E")), Some(slot(0, 2)));
    assert_eq!(codes(&plan, 0), ["A", "B", "E"]);
    assert_eq!(plan.place(2, Placement::planned("E")), None);
    assert_eq!(plan.find("E"), Some(slot(0, 2)));
    assert_eq!(plan.placement(slot(0, 2)), Some(&Placement::planned("E")));
    assert_eq!(plan.placement(slot(0, 3)), None);
}

#[test]
fn move_to_moves_to_the_end_of_another_term() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    assert_eq!(plan.move_to(slot(0, 0), 1), Some(slot(1, 3)));
    assert_eq!(codes(&plan, 0), ["B"]);
    assert_eq!(codes(&plan, 1), ["C", "D", "F", "A"]);
    // Within the same term: to its end.
    assert_eq!(plan.move_to(slot(1, 0), 1), Some(slot(1, 3)));
    assert_eq!(codes(&plan, 1), ["D", "F", "A", "C"]);
    // Bad target or bad slot: nothing changes.
    let before = plan.clone();
    assert_eq!(plan.move_to(slot(0, 0), 2), None);
    assert_eq!(plan.move_to(slot(0, 5), 1), None);
    assert_eq!(plan.move_to(slot(4, 0), 1), None);
    assert_eq!(plan, before);
}

#[test]
fn move_keeps_status_and_grade() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    plan.cycle_status(slot(0, 0));
    plan.cycle_status(slot(0, 0));
    assert!(plan.set_grade(slot(0, 0), Some("A-".into())));
    let to = plan.move_to(slot(0, 0), 1).unwrap();
    let p = plan.placement(to).unwrap();
    assert_eq!(
        (p.code.as_str(), p.status, p.grade.as_deref()),
        ("A", Completed, Some("A-"))
    );
}

#[test]
fn cycle_status_goes_round_and_clears_the_grade() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    let a = slot(0, 0);
    assert_eq!(plan.cycle_status(a), Some(InProgress));
    assert_eq!(plan.cycle_status(a), Some(Completed));
    assert!(plan.set_grade(a, Some("B+".into())));
    assert_eq!(plan.placement(a).unwrap().grade.as_deref(), Some("B+"));
    assert_eq!(plan.cycle_status(a), Some(Planned));
    assert_eq!(plan.placement(a).unwrap().grade, None);
    assert_eq!(plan.cycle_status(slot(0, 9)), None);
    assert_eq!(plan.cycle_status(slot(9, 0)), None);
    assert_eq!(Planned.label(), "planned");
    assert_eq!(InProgress.label(), "in progress");
    assert_eq!(Completed.label(), "completed");
}

#[test]
fn set_grade_only_on_completed_courses() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    let a = slot(0, 0);
    assert!(!plan.set_grade(a, Some("A".into())), "planned");
    plan.cycle_status(a);
    assert!(!plan.set_grade(a, Some("A".into())), "in progress");
    assert_eq!(plan.placement(a).unwrap().grade, None);
    plan.cycle_status(a);
    assert!(plan.set_grade(a, Some("A".into())));
    assert_eq!(plan.placement(a).unwrap().grade.as_deref(), Some("A"));
    // A blank grade clears it, as does None.
    assert!(plan.set_grade(a, Some("  ".into())));
    assert_eq!(plan.placement(a).unwrap().grade, None);
    assert!(plan.set_grade(a, Some("C".into())));
    assert!(plan.set_grade(a, None));
    assert_eq!(plan.placement(a).unwrap().grade, None);
    assert!(!plan.set_grade(slot(5, 0), Some("A".into())));
}

#[test]
fn add_rename_and_remove_terms() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    assert_eq!(plan.add_term(1, "Summer"), 1);
    assert_eq!(plan.add_term(99, "Extra"), 4 - 1);
    let names =
        |plan: &Plan| -> Vec<String> { plan.terms.iter().map(|t| t.name.clone()).collect() };
    assert_eq!(names(&plan), ["S1", "Summer", "S2", "Extra"]);
    assert!(plan.terms[1].courses.is_empty());
    assert!(plan.rename_term(1, "Summer 2027"));
    assert!(!plan.rename_term(4, "Nope"));
    assert_eq!(names(&plan), ["S1", "Summer 2027", "S2", "Extra"]);
    // A term with courses is not removed; an empty one is.
    assert!(!plan.remove_term(0));
    assert!(!plan.remove_term(2));
    assert!(!plan.remove_term(4));
    assert!(plan.remove_term(1));
    assert_eq!(names(&plan), ["S1", "S2", "Extra"]);
    assert_eq!(codes(&plan, 1), ["C", "D", "F"]);
}

#[test]
fn fresh_term_name_is_unused() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    assert_eq!(plan.fresh_term_name(), "Term 3");
    plan.add_term(2, "Term 3");
    assert_eq!(plan.fresh_term_name(), "Term 4");
    plan.rename_term(0, "Term 4");
    plan.rename_term(1, "Term 5");
    assert_eq!(plan.fresh_term_name(), "Term 6");
}

// ---- Plan files ----------------------------------------------------------------------------

fn busy_plan(c: &Curriculum) -> Plan {
    let mut plan = Plan::recommended(c, "Ada Lovelace");
    plan.target_path = Some("ops".into());
    plan.cycle_status(slot(0, 0));
    plan.cycle_status(slot(0, 0));
    plan.set_grade(slot(0, 0), Some("A \"top\" mark".into()));
    plan.cycle_status(slot(0, 1));
    plan.add_term(2, "Summer");
    plan.add_term(3, "Empty term");
    plan.place(2, Placement::planned("E"));
    plan
}

#[test]
fn plan_round_trips_through_ron() {
    let c = mini();
    let plan = busy_plan(&c);
    let text = store::plan_to_ron(&plan);
    assert!(text.ends_with('\n'));
    assert!(text.contains("target_path: Some(\"ops\")"), "{text}");
    let back = store::parse_plan(&text, "plan.ron").expect("written plans must parse");
    assert_eq!(back, plan);
}

#[test]
fn plan_file_written_by_hand_parses() {
    let text = r#"(
    version: 1,
    curriculum: (name: "Mini", hash: "abc"),
    student: "Ada",
    target_path: "dev",
    terms: [
        (name: "S1", courses: [(code: "A", status: Completed, grade: "A")]),
        (name: "S2"),
    ],
)"#;
    let plan = store::parse_plan(text, "plan.ron").unwrap();
    assert_eq!(plan.target_path.as_deref(), Some("dev"));
    assert_eq!(plan.terms[0].courses[0].grade.as_deref(), Some("A"));
    assert_eq!(plan.terms[0].courses[0].status, Completed);
    assert!(plan.terms[1].courses.is_empty());
}

#[test]
fn parse_plan_rejects_a_future_version_at_its_position() {
    let text =
        "(\n    version: 7,\n    curriculum: (name: \"Mini\", hash: \"x\"),\n    terms: [],\n)";
    let error = store::parse_plan(text, "future.ron").unwrap_err();
    let message = "plan format version 7 is not one this program reads (it reads 1 to 3); \
                   a newer degree-planner may open it";
    assert_eq!(
        error.problems,
        [Located {
            position: Some((2, 5)),
            message: message.into(),
        }]
    );
    assert_eq!(error.to_string(), format!("future.ron:2:5: {message}"));
    let zero = store::parse_plan(&text.replace("7", "0"), "zero.ron").unwrap_err();
    assert_eq!(zero.problems[0].position, Some((2, 5)));
    assert!(
        zero.problems[0]
            .message
            .starts_with("plan format version 0 ")
    );
}

#[test]
fn parse_plan_names_an_unknown_field() {
    let text = "(\n    version: 1,\n    curriculum: (name: \"Mini\", hash: \"x\"),\n    notes: \"hi\",\n    terms: [],\n)";
    let error = store::parse_plan(text, "plan.ron").unwrap_err();
    assert_eq!(error.problems.len(), 1);
    assert_eq!(error.problems[0].position, Some((4, 5)));
    assert!(
        error.problems[0]
            .message
            .starts_with("Unexpected field named `notes` in `Plan`"),
        "{}",
        error.problems[0].message
    );
}

#[test]
fn parse_plan_strips_control_and_escape_characters() {
    let text = "(\n    version: 1,\n    curriculum: (name: \"Mini\", hash: \"x\"),\n    student: \"Ada\u{1b}[2J\u{7} \u{202e}Lovelace\",\n    terms: [(name: \"S1\u{1b}]0;x\u{7}\", courses: [(code: \"A\", status: Completed, grade: \"A\u{0}+\")])],\n)";
    let plan = store::parse_plan(text, "plan.ron").unwrap();
    assert_eq!(plan.student, "Ada Lovelace");
    assert_eq!(plan.terms[0].name, "S1");
    assert_eq!(plan.terms[0].courses[0].grade.as_deref(), Some("A+"));
    // Written as a RON escape, too.
    let escaped = text.replace("Ada\u{1b}", "Ada\\u{1b}");
    let plan = store::parse_plan(&escaped, "plan.ron").unwrap();
    assert_eq!(plan.student, "Ada Lovelace");
}

#[test]
fn save_plan_writes_the_file_atomically() {
    let c = mini();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plans").join("ada.ron");
    let plan = busy_plan(&c);
    store::save_plan(&path, &plan).expect("save");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        store::plan_to_ron(&plan)
    );
    assert_eq!(store::load_plan(&path).unwrap(), plan);
    // Saving again replaces the file and leaves nothing else behind.
    let mut changed = plan.clone();
    changed.student = "Grace".into();
    store::save_plan(&path, &changed).expect("save again");
    assert_eq!(store::load_plan(&path).unwrap(), changed);
    let entries: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(entries, ["ada.ron"]);
}

#[cfg(unix)]
#[test]
fn failed_save_leaves_the_previous_file_intact() {
    use std::os::unix::fs::PermissionsExt;
    let c = mini();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ada.ron");
    let plan = Plan::recommended(&c, "Ada");
    store::save_plan(&path, &plan).unwrap();
    let before = std::fs::read_to_string(&path).unwrap();

    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root (e.g. in a container) may write into a read-only directory, so this case cannot
    // be made to fail there; probe for that and skip rather than assert something false.
    let probe = dir.path().join("probe");
    if std::fs::write(&probe, "x").is_ok() {
        std::fs::remove_file(&probe).unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("skipped: running with privileges that ignore directory permissions");
        return;
    }
    let mut changed = plan.clone();
    changed.student = "Grace".into();
    let result = store::save_plan(&path, &changed);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let error = result.unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "{}: cannot save (creating a temporary file): permission denied",
            path.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn load_plan_names_the_file_on_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(
        &path,
        "(version: 1, curriculum: (name: \"M\", hash: \"h\"), terms: [",
    )
    .unwrap();
    let error = store::load_plan(&path).unwrap_err();
    assert_eq!(error.file, path.display().to_string());
    assert_eq!(error.problems.len(), 1);
    assert_eq!(error.problems[0].position, Some((1, 57)));
    // The unclosed `[` is where RON reports the early end.
    assert_eq!(error.problems[0].message, "Unexpected end of RON");
}

// ---- Data directory ------------------------------------------------------------------------

#[test]
fn data_dir_flag_beats_env_beats_platform_default() {
    let flag = PathBuf::from("/from/flag");
    let env = std::ffi::OsString::from("/from/env");
    assert_eq!(
        store::resolve_data_dir(Some(flag.clone()), Some(env.clone())),
        Some(flag.clone())
    );
    assert_eq!(
        store::resolve_data_dir(Some(flag.clone()), None),
        Some(flag)
    );
    assert_eq!(
        store::resolve_data_dir(None, Some(env)),
        Some(PathBuf::from("/from/env"))
    );
    let platform = directories::ProjectDirs::from("", "", "degree-planner")
        .map(|d| d.data_dir().to_path_buf());
    assert_eq!(store::resolve_data_dir(None, None), platform);
    // An empty variable counts as unset.
    assert_eq!(
        store::resolve_data_dir(None, Some(std::ffi::OsString::new())),
        platform
    );
    if let Some(p) = &platform {
        assert!(p.to_string_lossy().contains("degree-planner"), "{p:?}");
    }
}

#[test]
fn plan_paths_live_under_the_data_dir() {
    let data = Path::new("/data");
    assert_eq!(store::plans_dir(data), Path::new("/data/plans"));
    assert_eq!(
        store::default_plan_path(data),
        Path::new("/data/plans/default.ron")
    );
}

/// Term names are matched through sets: 60,000 terms a side, one renamed at each end, compare
/// at once (matching them by list search took 28 s in a release build).
#[test]
fn diff_of_plans_with_many_terms_names_only_the_terms_that_changed() {
    use degree_planner::model::diff::{self, Change};
    let names =
        |range: std::ops::Range<usize>| -> Vec<String> { range.map(|i| format!("T{i}")).collect() };
    let (a, b) = (names(0..60_000), names(1..60_001));
    fn placement(names: &[String]) -> diff::Placement<'_> {
        names.iter().map(|n| (n.as_str(), Vec::new())).collect()
    }
    assert_eq!(
        diff::diff(&placement(&a), &placement(&b)),
        [
            Change::TermAdded {
                term: "T60000".into()
            },
            Change::TermRemoved { term: "T0".into() },
        ]
    );
}

// Issue 12 item 4: a course taken out of the plan keeps its status and grade in the pool,
// in the file too, and gets them back when placed.
#[test]
fn unplanned_course_keeps_status_and_grade_until_placed_again() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    plan.cycle_status(slot(0, 0));
    plan.cycle_status(slot(0, 0));
    assert!(plan.set_grade(slot(0, 0), Some("A-".into())));
    let out = plan.unplan(slot(0, 0)).expect("A was placed");
    assert_eq!(out.code, "A");
    assert_eq!(codes(&plan, 0), ["B"]);
    assert!(plan.unplanned(&c).iter().any(|course| course.code == "A"));
    assert_eq!(plan.set_aside_as("A").map(|p| p.status), Some(Completed));
    // Kept aside, it counts for nothing: not completed, not placed.
    assert_eq!(model::credits(&c, &plan).completed, 0);

    // Through the file and back.
    let text = store::plan_to_ron(&plan);
    let mut plan = store::parse_plan(&text, "plan.ron").expect("round trip");
    let to = plan.place_unplanned(1, "A").expect("term exists");
    let p = plan.placement(to).unwrap();
    assert_eq!(
        (p.code.as_str(), p.status, p.grade.as_deref()),
        ("A", Completed, Some("A-"))
    );
    assert!(plan.set_aside.is_empty());
    // A planned course leaves nothing aside, and comes back planned.
    plan.unplan(slot(0, 0));
    assert!(plan.set_aside.is_empty());
    let to = plan.place_unplanned(0, "B").unwrap();
    assert_eq!(plan.placement(to).unwrap().status, Planned);
}

// Issue 12 item 1: statuses are checked against prerequisites. C needs A; D needs A and B.
#[test]
fn a_started_course_whose_prerequisite_is_not_completed_is_a_problem() {
    let c = mini();
    let status_problems = |plan: &Plan| -> Vec<(String, String, Severity)> {
        model::problems(&c, plan)
            .into_iter()
            .filter_map(|p| match p.kind {
                ProblemKind::PrerequisiteStatus {
                    course,
                    prerequisite,
                } => Some((course, prerequisite, p.severity)),
                _ => None,
            })
            .collect()
    };
    let s = |x: &str| x.to_string();
    // Completed while its prerequisite is only planned, or in progress: errors.
    let plan = plan_with(
        &c,
        &[
            ("S1", &[("A", Planned), ("B", InProgress)]),
            ("S2", &[("C", Completed), ("D", Completed), ("F", Planned)]),
        ],
    );
    assert_eq!(
        status_problems(&plan),
        [
            (s("C"), s("A"), Severity::Error),
            (s("D"), s("A"), Severity::Error),
            (s("D"), s("B"), Severity::Error),
        ]
    );
    let messages: Vec<String> = model::problems(&c, &plan)
        .iter()
        .map(|p| p.message.clone())
        .collect();
    assert!(
        messages
            .contains(&"C Gamma is completed, but its prerequisite A Alpha is only planned".into()),
        "{messages:?}"
    );
    // In progress while the prerequisite is in progress: a warning; planned: an error.
    let plan = plan_with(
        &c,
        &[
            ("S1", &[("A", InProgress), ("B", Planned)]),
            (
                "S2",
                &[("C", InProgress), ("D", InProgress), ("F", Planned)],
            ),
        ],
    );
    assert_eq!(
        status_problems(&plan),
        [
            (s("D"), s("B"), Severity::Error),
            (s("C"), s("A"), Severity::Warning),
            (s("D"), s("A"), Severity::Warning),
        ]
    );
    // Prerequisites completed, or the course only planned: nothing.
    let plan = plan_with(
        &c,
        &[
            ("S1", &[("A", Completed), ("B", Planned)]),
            ("S2", &[("C", Completed), ("D", Planned), ("F", Planned)]),
        ],
    );
    assert_eq!(status_problems(&plan), []);
}

// Issue 12 item 14: a new term's default name fits where it goes.
#[test]
fn a_new_term_is_named_for_where_it_goes() {
    let c = mini();
    let mut plan = Plan::recommended(&c, "Ada");
    plan.terms[0].name = "Semester I".into();
    plan.terms[1].name = "Semester II".into();
    assert_eq!(
        plan.term_name_after(1),
        "Semester III",
        "after the last: the series goes on"
    );
    assert_eq!(
        plan.term_name_after(0),
        "Summer after Semester I",
        "between two terms"
    );
    plan.terms[1].name = "Year 2".into();
    assert_eq!(plan.term_name_after(1), "Year 3");
    plan.terms[1].name = "Fall".into();
    assert_eq!(plan.term_name_after(1), "Summer after Fall");
    plan.add_term(2, "Summer after Fall");
    assert_eq!(
        plan.term_name_after(1),
        "Term 4",
        "a name in use is never offered"
    );
    assert!(plan.has_term_named(" fall ", None));
    assert!(
        !plan.has_term_named("Fall", Some(1)),
        "a term's own name is no clash"
    );
}

// Issue 12 item 13: a grade off the scale in a file is reported.
#[test]
fn a_grade_off_the_scale_is_a_warning() {
    let c = mini();
    let mut plan = plan_with(&c, &[("S1", &[("A", Completed), ("B", Completed)])]);
    plan.terms[0].courses[0].grade = Some("excellent".into());
    plan.terms[0].courses[1].grade = Some("B-".into());
    let found: Vec<_> = model::problems(&c, &plan)
        .into_iter()
        .filter(|p| matches!(p.kind, ProblemKind::UnknownGrade { .. }))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].severity, Severity::Warning);
    assert!(
        found[0]
            .message
            .starts_with("A Alpha has the grade \"excellent\""),
        "{}",
        found[0].message
    );
}

// ---- Requisite expressions (issue 14) ------------------------------------------------------

mod requisites {
    use degree_planner::model::plan_facts::PlanFacts;
    use degree_planner::model::requisite::{Req, Value};
    use degree_planner::model::{Curriculum, Plan};
    use degree_planner::store;

    /// A small catalog using the new course facts; "OLD1" is outside it.
    pub(super) const CATALOG: &str = r#"(
        name: "Req", code: "3778", families: ["COMP#"], degree_credits: 12,
        semesters: ["S1", "S2", "S3"], term_kinds: ["T1", "T2"],
        grade_scale: [("HD", 85), ("CR", 65), ("PS", 50)],
        outside: ["OLD1"], paths: [],
        courses: [
            (code: "COMP1511", title: "Programming", credits: 6, required: false,
             equivalent: ["DPST1091"]),
            (code: "DPST1091", title: "Programming (school)", credits: 6, required: false),
            (code: "MATH2001", title: "Algebra", credits: 6, required: false, attributes: ["gen-ed"]),
            (code: "COMP3900", title: "Project", credits: 6, required: false),
        ],
    )"#;

    pub(super) fn catalog() -> Curriculum {
        store::parse_curriculum(CATALOG, "req.ron")
            .unwrap()
            .curriculum
    }

    /// A plan whose terms hold these (code, grade) placements.
    pub(super) fn plan(terms: &[&[(&str, Option<&str>)]]) -> Plan {
        let text = format!(
            "(version: 2, curriculum: (name: \"Req\", hash: \"\"), terms: [{}])",
            terms
                .iter()
                .enumerate()
                .map(|(i, t)| format!(
                    "(name: \"S{}\", courses: [{}])",
                    i + 1,
                    t.iter()
                        .map(|(c, g)| match g {
                            Some(g) =>
                                format!("(code: \"{c}\", status: Completed, grade: \"{g}\")"),
                            None => format!("(code: \"{c}\", status: Planned)"),
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .collect::<Vec<_>>()
                .join(", ")
        );
        store::parse_plan(&text, "plan.ron").unwrap()
    }

    /// An expression read as the loader reads curricula (`Some` implied).
    pub(super) fn parse(req: &str) -> Req {
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(req)
            .unwrap()
    }

    fn value(c: &Curriculum, p: &Plan, req: &str, term: usize) -> Value {
        let req = parse(req);
        PlanFacts::new(c, p).eval(&req, term).0
    }

    #[test]
    fn a_course_leaf_needs_the_course_in_an_earlier_term_and_an_equivalent_will_do() {
        let c = catalog();
        let p = plan(&[&[("DPST1091", None)], &[("MATH2001", None)]]);
        assert_eq!(value(&c, &p, r#"course("COMP1511")"#, 1), Value::Met);
        assert_eq!(value(&c, &p, r#"course("COMP1511")"#, 0), Value::Unmet);
        assert_eq!(value(&c, &p, r#"course("MATH2001")"#, 1), Value::Unmet);
        assert_eq!(value(&c, &p, r#"course("COMP3900")"#, 2), Value::Unmet);
    }

    #[test]
    fn a_corequisite_may_be_in_the_same_term() {
        let c = catalog();
        let p = plan(&[&[("MATH2001", None)]]);
        assert_eq!(value(&c, &p, r#"coreq(course("MATH2001"))"#, 0), Value::Met);
        assert_eq!(value(&c, &p, r#"course("MATH2001")"#, 0), Value::Unmet);
    }

    #[test]
    fn all_and_any_combine_three_values() {
        let c = catalog();
        let p = plan(&[&[("MATH2001", None)], &[]]);
        let (met, unmet, unknown) = (
            r#"course("MATH2001")"#,
            r#"course("COMP3900")"#,
            r#"permission("the School")"#,
        );
        for (expr, expected) in [
            (format!("all([{met}, {met}])"), Value::Met),
            (format!("all([{met}, {unknown}])"), Value::Unknown),
            (format!("all([{unknown}, {unmet}])"), Value::Unmet),
            (format!("any([{unmet}, {met}])"), Value::Met),
            (format!("any([{unmet}, {unknown}])"), Value::Unknown),
            (format!("any([{unmet}, {unmet}])"), Value::Unmet),
        ] {
            assert_eq!(value(&c, &p, &expr, 1), expected, "{expr}");
        }
    }

    #[test]
    fn the_leaves_that_decided_are_reported() {
        let c = catalog();
        let p = plan(&[&[("MATH2001", None)], &[]]);
        let req = parse(
            r#"all([course("MATH2001"), any([course("COMP3900"), course("OLD1")]), manual("standing")])"#,
        );
        let facts = PlanFacts::new(&c, &p);
        let (v, leaves) = facts.eval(&req, 1);
        assert_eq!(v, Value::Unmet);
        let codes: Vec<&Req> = leaves.iter().map(|l| l.req).collect();
        assert_eq!(
            codes,
            [&Req::Course("COMP3900".into()), &Req::Course("OLD1".into())]
        );
    }

    #[test]
    fn credits_count_earlier_terms_matching_the_pattern() {
        let c = catalog();
        let p = plan(&[
            &[("MATH2001", None), ("COMP1511", None)],
            &[("COMP3900", None)],
        ]);
        assert_eq!(value(&c, &p, "credits(min: 12)", 1), Value::Met);
        assert_eq!(value(&c, &p, "credits(min: 13)", 1), Value::Unmet);
        assert_eq!(value(&c, &p, "credits(min: 12)", 0), Value::Unmet);
        let level2 = r#"credits(min: 6, of: [(subject: "MATH", level: 2)])"#;
        assert_eq!(value(&c, &p, level2, 1), Value::Met);
        let comp = r#"credits(min: 12, of: [(subject: "COMP")])"#;
        assert_eq!(value(&c, &p, comp, 2), Value::Met);
        assert_eq!(value(&c, &p, comp, 1), Value::Unmet);
        let gen_ed = r#"credits(min: 6, of: [(attribute: "gen-ed")])"#;
        assert_eq!(value(&c, &p, gen_ed, 1), Value::Met);
        let code = r#"credits(min: 6, of: [(code: "COMP39##")])"#;
        assert_eq!(value(&c, &p, code, 2), Value::Met);
        assert_eq!(value(&c, &p, code, 1), Value::Unmet);
    }

    #[test]
    fn a_grade_leaf_reads_the_recorded_grade() {
        let c = catalog();
        let graded = plan(&[&[("MATH2001", Some("CR"))], &[]]);
        assert_eq!(
            value(&c, &graded, r#"grade("MATH2001", 65)"#, 1),
            Value::Met
        );
        assert_eq!(
            value(&c, &graded, r#"grade("MATH2001", 85)"#, 1),
            Value::Unmet
        );
        assert_eq!(
            value(&c, &graded, r#"grade("MATH2001", "PS")"#, 1),
            Value::Met
        );
        let lettered = plan(&[&[("MATH2001", Some("B"))], &[]]);
        assert_eq!(
            value(&c, &lettered, r#"grade("MATH2001", "B-")"#, 1),
            Value::Met
        );
        assert_eq!(
            value(&c, &lettered, r#"grade("MATH2001", "A")"#, 1),
            Value::Unmet
        );
        assert_eq!(
            value(&c, &lettered, r#"grade("MATH2001", 65)"#, 1),
            Value::Unknown,
            "B has no mark on this scale"
        );
        let ungraded = plan(&[&[("MATH2001", None)], &[]]);
        assert_eq!(
            value(&c, &ungraded, r#"grade("MATH2001", 65)"#, 1),
            Value::Unknown
        );
        assert_eq!(
            value(&c, &ungraded, r#"grade("COMP3900", 65)"#, 1),
            Value::Unmet
        );
    }

    #[test]
    fn enrolment_compares_the_program_and_leaves_streams_unknown() {
        let c = catalog();
        let p = plan(&[&[]]);
        assert_eq!(value(&c, &p, r#"enrolled(program: "3778")"#, 0), Value::Met);
        assert_eq!(
            value(&c, &p, r#"enrolled(program: "4515")"#, 0),
            Value::Unmet
        );
        assert_eq!(value(&c, &p, r#"enrolled(family: "COMP#")"#, 0), Value::Met);
        assert_eq!(
            value(&c, &p, r#"not_enrolled(program: "3778")"#, 0),
            Value::Unmet
        );
        assert_eq!(
            value(&c, &p, r#"not_enrolled(family: "ARTS#")"#, 0),
            Value::Met
        );
        assert_eq!(
            value(&c, &p, r#"enrolled(stream: "COMPA1")"#, 0),
            Value::Unknown
        );
        for unknown in [r#"wam(min: 65)"#, r#"permission("x")"#, r#"manual("x")"#] {
            assert_eq!(value(&c, &p, unknown, 0), Value::Unknown, "{unknown}");
        }
    }

    #[test]
    fn terms_take_their_kind_from_the_name_when_it_holds_exactly_one() {
        let c = catalog();
        let text = r#"(version: 2, curriculum: (name: "Req", hash: ""), terms: [
            (name: "2024 T1"), (name: "T1 or T2"), (name: "Spring"), (name: "x", kind: "T2")])"#;
        let p = store::parse_plan(text, "p.ron").unwrap();
        let kinds: Vec<Option<&str>> = p.terms.iter().map(|t| t.kind_in(&c)).collect();
        assert_eq!(kinds, [Some("T1"), None, None, Some("T2")]);
    }
}

// ---- Audit of the requirement language (issue 14): each construct broken once --------------

mod requisite_audit {
    use degree_planner::model::{self, Curriculum, Plan, ProblemKind, Severity};
    use degree_planner::store;

    /// A curriculum of these courses (none required, 1 credit needed, so only the construct
    /// under test can give a problem).
    fn catalog(courses: &str) -> Curriculum {
        let text = format!(
            r#"(name: "Audit", code: "3778", families: ["COMP#"], degree_credits: 1,
            semesters: ["S1"], term_kinds: ["T1", "T2", "T3"],
            grade_scale: [("HD", 85), ("CR", 65), ("PS", 50)], outside: ["OLD1"], paths: [],
            courses: [{courses}])"#
        );
        store::parse_curriculum(&text, "audit.ron")
            .unwrap_or_else(|e| panic!("{e}"))
            .curriculum
    }

    /// A plan for `c` made of RON terms, with the curriculum's own hash.
    fn plan(c: &Curriculum, terms: &str) -> Plan {
        let text = format!(
            r#"(version: 2, curriculum: (name: "Audit", hash: "{}"), terms: [{terms}])"#,
            c.content_hash()
        );
        store::parse_plan(&text, "plan.ron").unwrap_or_else(|e| panic!("{e}"))
    }

    fn problems(courses: &str, terms: &str) -> Vec<(ProblemKind, Severity, String)> {
        let c = catalog(courses);
        model::problems(&c, &plan(&c, terms))
            .into_iter()
            .map(|p| (p.kind, p.severity, p.message))
            .collect()
    }

    const A: &str = r#"(code: "COMP1511", title: "Programming", credits: 6, required: false)"#;

    #[test]
    fn the_same_constructs_met_give_no_problem() {
        let courses = format!(
            r#"{A}, (code: "COMP2521", title: "Data", credits: 6, required: false, offered: ["T2"],
             requires: all([course("COMP1511"), credits(min: 6), grade("COMP1511", 65),
                            enrolled(program: "3778"), coreq(course("MATH1081"))])),
            (code: "MATH1081", title: "Discrete", credits: 6, required: false)"#
        );
        let terms = r#"(name: "2024 T1", courses: [(code: "COMP1511", status: Completed, grade: "HD")]),
            (name: "2024 T2", courses: [(code: "COMP2521", status: Planned), (code: "MATH1081", status: Planned)])"#;
        assert_eq!(problems(&courses, terms), []);
    }

    #[test]
    fn a_course_in_a_term_it_is_not_offered() {
        let courses =
            r#"(code: "BE301", title: "Ops", credits: 3, required: false, offered: ["T1", "T3"])"#;
        let terms = r#"(name: "Y1 T2", courses: [(code: "BE301", status: Planned)])"#;
        assert_eq!(
            problems(courses, terms),
            [(
                ProblemKind::NotOffered {
                    course: "BE301".into(),
                    kind: "T2".into(),
                    offered: vec!["T1".into(), "T3".into()],
                },
                Severity::Error,
                "BE301 Ops is placed in Y1 T2 but offered only in T1, T3".into()
            )]
        );
        let with_kind =
            r#"(name: "Second", kind: "T1", courses: [(code: "BE301", status: Planned)])"#;
        assert_eq!(problems(courses, with_kind), [], "the term's own kind wins");
        let no_kind = r#"(name: "Second", courses: [(code: "BE301", status: Planned)]),
            (name: "Third", courses: []), (name: "Fourth", courses: [(code: "BE301", status: Planned)])"#;
        let unchecked = problems(courses, no_kind);
        assert_eq!(
            unchecked.last().unwrap(),
            &(
                ProblemKind::OfferingsUnchecked { terms: vec![0, 2] },
                Severity::Warning,
                "offerings are not checked in Second, Fourth: the term names hold no term kind (T1, T2, T3); give each term a `kind`".into()
            ),
            "a term of no kind is not checked, and the plan is told so once"
        );
        assert_eq!(
            unchecked.len(),
            2,
            "besides, BE301 placed twice: {unchecked:?}"
        );
    }

    #[test]
    fn a_course_in_a_year_it_does_not_run() {
        let courses = r#"(code: "MATH3511", title: "Groups", credits: 6, required: false, offered: ["T3"], years: odd)"#;
        let terms = r#"(name: "T3", year: 2024, courses: [(code: "MATH3511", status: Planned)])"#;
        assert_eq!(
            problems(courses, terms),
            [(
                ProblemKind::NotOfferedThisYear {
                    course: "MATH3511".into(),
                    year: 2024
                },
                Severity::Error,
                "MATH3511 Groups is placed in T3 (2024) but runs only in odd years".into()
            )]
        );
        let odd = r#"(name: "T3", year: 2025, courses: [(code: "MATH3511", status: Planned)])"#;
        assert_eq!(problems(courses, odd), []);
    }

    #[test]
    fn a_missing_requisite_names_the_leaves_by_code_and_title() {
        let courses = format!(
            r#"{A}, (code: "DPST1091", title: "Programming (school)", credits: 6, required: false),
            (code: "COMP2521", title: "Data", credits: 6, required: false,
             requires: any([course("COMP1511"), course("DPST1091")]))"#
        );
        let terms = r#"(name: "T1", courses: [(code: "COMP2521", status: Planned)])"#;
        assert_eq!(
            problems(&courses, terms),
            [(
                ProblemKind::RequisiteUnmet {
                    course: "COMP2521".into(),
                    missing: vec![
                        "COMP1511 Programming".into(),
                        "DPST1091 Programming (school)".into()
                    ],
                },
                Severity::Error,
                "COMP2521 Data in T1 needs one of: COMP1511 Programming; DPST1091 Programming (school)"
                    .into()
            )]
        );
    }

    #[test]
    fn prerequisites_and_requires_are_both_needed() {
        let courses = format!(
            r#"{A}, (code: "MATH1081", title: "Discrete", credits: 6, required: false),
            (code: "COMP2521", title: "Data", credits: 6, required: false,
             prerequisites: ["MATH1081"], requires: course("COMP1511"))"#
        );
        let terms = r#"(name: "T1", courses: [(code: "MATH1081", status: Planned)]),
            (name: "T2", courses: [(code: "COMP2521", status: Planned)])"#;
        assert_eq!(
            problems(&courses, terms),
            [(
                ProblemKind::RequisiteUnmet {
                    course: "COMP2521".into(),
                    missing: vec!["COMP1511 Programming".into()],
                },
                Severity::Error,
                "COMP2521 Data in T2 needs COMP1511 Programming first, in an earlier term".into()
            )]
        );
        let neither = r#"(name: "T1", courses: [(code: "COMP2521", status: Planned)])"#;
        let messages: Vec<String> = problems(&courses, neither)
            .into_iter()
            .map(|(_, _, m)| m)
            .collect();
        assert_eq!(
            messages,
            [
                "COMP2521 Data in T1 needs COMP1511 Programming first, in an earlier term",
                "COMP2521 Data in T1 needs MATH1081 Discrete first, which is not planned",
            ]
        );
    }

    #[test]
    fn an_equivalent_satisfies_a_course_leaf() {
        let courses = r#"(code: "COMP1511", title: "Programming", credits: 6, required: false, equivalent: ["DPST1091"]),
            (code: "DPST1091", title: "Programming (school)", credits: 6, required: false),
            (code: "COMP2521", title: "Data", credits: 6, required: false, requires: course("COMP1511"))"#;
        let terms = r#"(name: "T1", courses: [(code: "DPST1091", status: Completed)]),
            (name: "T2", courses: [(code: "COMP2521", status: Planned)])"#;
        assert_eq!(problems(courses, terms), []);
    }

    #[test]
    fn a_corequisite_later_than_the_course() {
        let courses = format!(
            r#"{A}, (code: "COMP2521", title: "Data", credits: 6, required: false,
             requires: coreq(course("COMP1511")))"#
        );
        let terms = r#"(name: "T1", courses: [(code: "COMP2521", status: Planned)]),
            (name: "T2", courses: [(code: "COMP1511", status: Planned)])"#;
        assert_eq!(
            problems(&courses, terms),
            [(
                ProblemKind::RequisiteUnmet {
                    course: "COMP2521".into(),
                    missing: vec!["COMP1511 Programming (same term or earlier)".into()],
                },
                Severity::Error,
                "COMP2521 Data in T1 needs COMP1511 Programming (same term or earlier)".into()
            )]
        );
    }

    #[test]
    fn too_few_credits_by_then() {
        let courses = format!(
            r#"{A}, (code: "MATH1081", title: "Discrete", credits: 6, required: false),
            (code: "COMP3900", title: "Project", credits: 6, required: false,
             requires: credits(min: 48))"#
        );
        let terms = r#"(name: "T1", courses: [(code: "COMP1511", status: Planned)]),
            (name: "T2", courses: [(code: "COMP3900", status: Planned), (code: "MATH1081", status: Planned)])"#;
        assert_eq!(
            problems(&courses, terms),
            [(
                ProblemKind::CreditsShort {
                    course: "COMP3900".into(),
                    needed: 48,
                    have: 6
                },
                Severity::Error,
                "COMP3900 Project in T2 needs 48 credits first and has 6 by then".into()
            )]
        );
        let of = courses.replace(
            "credits(min: 48)",
            r#"credits(min: 6, of: [(subject: "MATH", level: 1)])"#,
        );
        assert_eq!(
            problems(&of, terms)[0].2,
            "COMP3900 Project in T2 needs 6 credits of level-1 MATH first and has 0 by then"
        );
    }

    #[test]
    fn permission_and_manual_leaves_are_warnings() {
        let courses = r#"(code: "ACCT3708", title: "Audit", credits: 6, required: false,
             requires: all([any([course("OLD1"), permission("the School")]), manual("good standing"),
                            wam(min: 65), enrolled(stream: "COMPA1")]))"#;
        let terms = r#"(name: "T1", courses: [(code: "ACCT3708", status: Planned)])"#;
        let found = problems(courses, terms);
        let messages: Vec<(&Severity, &str)> =
            found.iter().map(|(_, s, m)| (s, m.as_str())).collect();
        assert_eq!(
            messages,
            [
                (
                    &Severity::Warning,
                    "ACCT3708 Audit in T1 needs permission of the School"
                ),
                (
                    &Severity::Warning,
                    "ACCT3708 Audit in T1 needs a check: good standing"
                ),
                (
                    &Severity::Warning,
                    "ACCT3708 Audit in T1 needs a check: a WAM of 65"
                ),
                (
                    &Severity::Warning,
                    "ACCT3708 Audit in T1 needs a check: enrolment in stream COMPA1 (the plan chooses no stream yet)"
                ),
            ]
        );
        assert!(matches!(found[0].0, ProblemKind::NeedsPermission { .. }));
        assert!(matches!(found[1].0, ProblemKind::NeedsCheck { .. }));
    }

    #[test]
    fn a_grade_that_is_unknown_or_too_low() {
        let courses = format!(
            r#"{A}, (code: "COMP3821", title: "Algorithms", credits: 6, required: false,
             requires: grade("COMP1511", 65))"#
        );
        let graded = |grade: &str| {
            format!(
                r#"(name: "T1", courses: [(code: "COMP1511", status: Completed{grade})]),
                (name: "T2", courses: [(code: "COMP3821", status: Planned)])"#
            )
        };
        assert_eq!(
            problems(&courses, &graded("")),
            [(
                ProblemKind::GradeUnknown {
                    course: "COMP3821".into(),
                    of: "COMP1511".into()
                },
                Severity::Warning,
                "COMP3821 Algorithms needs 65 in COMP1511 Programming: no grade yet".into()
            )]
        );
        let low = problems(&courses, &graded(r#", grade: "PS""#));
        assert_eq!(
            low,
            [(
                ProblemKind::GradeLow {
                    course: "COMP3821".into(),
                    of: "COMP1511".into(),
                    needed: "65".into(),
                    grade: "PS".into()
                },
                Severity::Error,
                "COMP3821 Algorithms needs at least 65 in COMP1511 Programming, which has PS"
                    .into()
            )]
        );
        assert_eq!(
            problems(&courses, &graded(r#", grade: "HD""#)),
            [],
            "HD is on the curriculum's own scale"
        );
    }

    #[test]
    fn an_enrolment_restriction() {
        let courses = r#"(code: "COMP4961", title: "Thesis", credits: 6, required: false,
             requires: enrolled(program: "4515"))"#;
        let terms = r#"(name: "T1", courses: [(code: "COMP4961", status: Planned)])"#;
        assert_eq!(
            problems(courses, terms),
            [(
                ProblemKind::Enrolment {
                    course: "COMP4961".into(),
                    needs: "enrolment in program 4515".into()
                },
                Severity::Error,
                "COMP4961 Thesis in T1 needs enrolment in program 4515".into()
            )]
        );
    }

    #[test]
    fn both_of_two_excluded_courses_placed() {
        let courses = format!(
            r#"{A}, (code: "DPST1091", title: "Programming (school)", credits: 6, required: false,
             excludes: ["COMP1511"])"#
        );
        let terms = r#"(name: "T1", courses: [(code: "DPST1091", status: Planned)]),
            (name: "T2", courses: [(code: "COMP1511", status: Planned)])"#;
        let found = model::problems(&catalog(&courses), &plan(&catalog(&courses), terms));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].kind,
            ProblemKind::Excluded {
                course: "COMP1511".into(),
                other: "DPST1091".into()
            }
        );
        assert_eq!(found[0].term, Some(1), "where the second was placed");
        assert_eq!(
            found[0].message,
            "both of two excluded courses are placed: DPST1091 Programming (school) and COMP1511 Programming give no credit together"
        );
    }

    #[test]
    fn a_variable_credit_choice_outside_the_range() {
        let courses =
            r#"(code: "XRES400", title: "Research", credits: 3, max_credits: 12, required: false)"#;
        let terms = |n: u32| {
            format!(r#"(name: "T1", courses: [(code: "XRES400", status: Planned, credits: {n})])"#)
        };
        assert_eq!(
            problems(courses, &terms(14)),
            [(
                ProblemKind::CreditsOutOfRange {
                    course: "XRES400".into(),
                    credits: 14,
                    min: 3,
                    max: 12
                },
                Severity::Error,
                "XRES400 Research is taken for 14 credits, outside its range of 3 to 12".into()
            )]
        );
        let c = catalog(courses);
        let p = plan(&c, &terms(9));
        assert_eq!(model::problems(&c, &p), []);
        assert_eq!(
            model::credits(&c, &p).planned,
            9,
            "the chosen credits count"
        );
        assert_eq!(model::term_credits(&c, &p, 0), 9);
    }

    #[test]
    fn an_outside_code_placed_is_not_an_unknown_course() {
        let courses = format!(
            r#"{A}, (code: "COMP2521", title: "Data", credits: 6, required: false, requires: course("OLD1"))"#
        );
        let terms = r#"(name: "T1", courses: [(code: "OLD1", status: Completed)]),
            (name: "T2", courses: [(code: "COMP2521", status: Planned)])"#;
        assert_eq!(problems(&courses, terms), []);
    }
}

/// Every plan under tests/plans and tests/corpus/plan that loads, and the bundled program's
/// recommended plan, with their problems against the bundled curriculum, one per line.
fn problems_of_existing_plans() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let c = store::load_curriculum(None).unwrap().curriculum;
    let mut files = Vec::new();
    let mut dirs = vec![root.join("tests/plans"), root.join("tests/corpus/plan")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "ron") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut plans: Vec<(String, Plan)> = vec![("recommended".into(), Plan::recommended(&c, "Ada"))];
    for path in files {
        if let Ok(plan) = store::load_plan(&path) {
            let name = path.strip_prefix(root).unwrap().display().to_string();
            plans.push((name, plan));
        }
    }
    let mut out = String::new();
    for (name, plan) in plans {
        for p in degree_planner::model::problems(&c, &plan) {
            out.push_str(&format!(
                "{name}: {:?} {} {:?}\n",
                p.term, p.severity, p.message
            ));
        }
    }
    out
}

/// The problems of the existing plans as the audit gave them before issue 14 (written by
/// `problems_of_existing_plans` on the commit that pinned the content hashes): the
/// requirement language changes nothing for a curriculum that does not use it.
#[test]
fn existing_plans_give_the_same_problems_as_before_the_requirement_language() {
    let before = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/plans/problems_before_issue_14.txt"),
    )
    .unwrap();
    assert_eq!(problems_of_existing_plans(), before);
}

#[test]
fn requisite_strings_are_cleaned_on_loading() {
    let text = "(name: \"P\", degree_credits: 1, semesters: [\"S\"], paths: [], courses: [
        (code: \"A1\", title: \"One\", credits: 1,
         requires: any([permission(\"the \u{1b}[2JSchool\"), manual(\"x\u{202e}y\")]))])";
    let loaded = store::parse_curriculum(text, "p.ron").unwrap();
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    let req = loaded.curriculum.course("A1").unwrap().requires.clone();
    assert_eq!(
        req,
        Some(degree_planner::model::requisite::Req::Any(vec![
            degree_planner::model::requisite::Req::Permission("the School".into()),
            degree_planner::model::requisite::Req::Manual("xy".into()),
        ]))
    );
}

// The crate's import structure, read from the source: the layers run model <- store <- app <- ui
// with nothing pointing back, and the modules inside `model` import each other without a circle.

/// The layer of each top-level module, lowest first; `None` marks an edge (start-up, commands,
/// reports, effects and the terminal), which may use every layer.
fn layer(module: &str) -> Option<Option<usize>> {
    Some(match module {
        "model" => Some(0),
        "store" => Some(1),
        "app" | "action" | "keymap" | "field" | "picker" | "question" | "config" | "theme" => {
            Some(2)
        }
        "ui" => Some(3),
        "report" | "commands" | "effects" | "tui" | "main" | "launch" | "cli" | "lib" => None,
        _ => return None,
    })
}

/// Known backward imports, each with the reason it is still there.
const ALLOWED_BACKWARD: &[(&str, &str, &str)] = &[(
    "src/store/config.rs",
    "config",
    "the config file is read into the settings type, which is built of keymap and theme types",
)];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The first identifier of every path that follows `prefix` in `text`, with `use` groups
/// (`prefix{a, b::c}`) opened: `crate::{a, b::c}` names `a` and `b`.
fn names_after(text: &str, prefix: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    for (at, _) in text.match_indices(prefix) {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let rest = &text[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let (mut depth, mut start) = (0, 0);
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        out.push(ident(&group[start..i]));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(ident(&group[start..i]));
                        start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            out.push(ident(rest));
        }
    }
    out.retain(|n| !n.is_empty());
    out
}

/// Every import that breaks the layering of the crate under `src`, as `file -> module` lines.
fn layer_violations(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut out = Vec::new();
    for file in files {
        let rel = file.strip_prefix(src).expect("under src");
        let shown = format!("src/{}", rel.display());
        let top = rel.iter().next().expect("component").to_string_lossy();
        let top = top.trim_end_matches(".rs");
        let Some(from) = layer(top) else {
            out.push(format!(
                "{shown}: module `{top}` has no layer in tests/model.rs"
            ));
            continue;
        };
        let Some(from) = from else { continue };
        let text = std::fs::read_to_string(&file).expect("read source");
        for to in names_after(&text, "crate::") {
            match layer(&to) {
                None => out.push(format!("{shown}: uses `crate::{to}`, which has no layer")),
                Some(Some(l)) if l <= from => {}
                _ if ALLOWED_BACKWARD
                    .iter()
                    .any(|(f, m, _)| *f == shown && *m == to) => {}
                _ => out.push(format!("{shown} -> {to}")),
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The imports among `model`'s modules (`plan/notes.rs` belongs to `plan`), as (from, to)
/// pairs, and the paths that reach an item through the model root instead of its module.
fn model_imports(model: &Path) -> (Vec<(String, String)>, Vec<String>) {
    let mut files = Vec::new();
    rust_files(model, &mut files);
    let (mut edges, mut through_root) = (Vec::new(), Vec::new());
    for file in files {
        let rel = file.strip_prefix(model).expect("under model");
        let parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
            .collect();
        if parts == ["mod"] {
            continue;
        }
        let from = parts[0].clone();
        let text = std::fs::read_to_string(&file).expect("read source");
        // `super::` names a sibling from model/x.rs; from model/x/y.rs it stays inside x.
        let mut names = names_after(&text, "crate::model::");
        if parts.len() == 1 {
            names.extend(names_after(&text, "super::"));
        } else {
            names.extend(names_after(&text, "super::super::"));
        }
        for to in names {
            if to.starts_with(char::is_uppercase) {
                through_root.push(format!("model/{}: `{to}`", rel.display()));
            } else if to != from && to != "super" {
                edges.push((from.clone(), to));
            }
        }
    }
    edges.sort();
    edges.dedup();
    (edges, through_root)
}

/// A circle in `edges`, as the modules along it, if there is one.
fn find_cycle(edges: &[(String, String)]) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &[(String, String)],
        path: &mut Vec<String>,
        done: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|n| n == node) {
            let mut cycle = path[i..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.iter().any(|n| n == node) {
            return None;
        }
        path.push(node.to_string());
        for (_, to) in edges.iter().filter(|(f, _)| f == node) {
            if let Some(cycle) = visit(to, edges, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.push(node.to_string());
        None
    }
    let mut done = Vec::new();
    edges
        .iter()
        .find_map(|(from, _)| visit(from, edges, &mut Vec::new(), &mut done))
}

#[test]
fn the_layers_run_model_store_app_ui_with_nothing_pointing_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let violations = layer_violations(&src);
    assert!(
        violations.is_empty(),
        "backward imports:\n{}",
        violations.join("\n")
    );
}

#[test]
fn the_model_modules_import_each_other_without_a_circle() {
    let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model");
    let (edges, through_root) = model_imports(&model);
    assert!(
        through_root.is_empty(),
        "import from the module that defines it, not through the model root:\n{}",
        through_root.join("\n")
    );
    assert!(
        edges.contains(&("review".to_string(), "plan".to_string())),
        "the scan sees the model's imports: {edges:?}"
    );
    assert_eq!(find_cycle(&edges), None, "imports: {edges:?}");
}

#[test]
fn the_import_scan_sees_groups_and_circles() {
    assert_eq!(
        names_after(
            "use crate::{model::Plan, store::{self, x}};\nuse crate::ui;",
            "crate::"
        ),
        ["model", "store", "ui"]
    );
    assert_eq!(
        names_after("degree_planner::model::Plan", "crate::"),
        Vec::<String>::new()
    );
    let edge = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(find_cycle(&[edge("a", "b"), edge("b", "c")]), None);
    assert_eq!(
        find_cycle(&[edge("a", "b"), edge("b", "c"), edge("c", "a")]),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
}

/// Requirement groups, streams, limits and plan choices (issue 14): each construct broken
/// once gives exactly its problem; the assignment of courses to groups is deterministic.
mod requirement_groups {
    use degree_planner::model::groups::Owner;
    use degree_planner::model::requirements;
    use degree_planner::model::{self, Curriculum, Plan, ProblemKind, Severity};
    use degree_planner::store;

    /// A small 3778: a core, computing electives capped on VIP projects, free electives, a
    /// level-1 limit, a required major (default A) and an optional minor that fills the free
    /// electives.
    const PROGRAM: &str = r#"(name: "Groups", degree_credits: 6, semesters: ["S1"], paths: [],
        courses: [
            (code: "COMP1511", title: "Programming", credits: 6),
            (code: "MATH1131", title: "Maths A", credits: 6, required: false),
            (code: "MATH1141", title: "Higher Maths A", credits: 6, required: false),
            (code: "COMP2041", title: "Scripting", credits: 6, required: false),
            (code: "COMP3121", title: "Algorithms", credits: 6, required: false),
            (code: "COMP3331", title: "Networks", credits: 6, required: false),
            (code: "COMP3511", title: "HCI", credits: 6, required: false),
            (code: "ENGG2600", title: "VIP 2", credits: 6, required: false),
            (code: "ENGG3600", title: "VIP 3", credits: 6, required: false),
            (code: "ARTS1000", title: "Arts", credits: 6, required: false, attributes: ["gen-ed"]),
            (code: "MATH2501", title: "Linear Algebra", credits: 6, required: false),
            (code: "MATH2601", title: "Higher Linear Algebra", credits: 6, required: false),
            (code: "COMP3900", title: "Project", credits: 6, required: false,
             requires: enrolled(stream: "B")),
        ],
        requirements: [
            (id: "core", name: "Core Courses", need: all,
             from: [course("COMP1511"), one_of(["MATH1131", "MATH1141"])]),
            (id: "computing", name: "Computing Electives", need: credits(18),
             from: [course("COMP2041"), pattern(subject: "COMP", level: 3)],
             groups: [(id: "vip", name: "VIP projects", max_credits: 6,
                       from: [course("ENGG2600"), course("ENGG3600")])]),
            (id: "gen-ed", name: "General Education", need: credits(6), shared: true,
             from: [pattern(attribute: "gen-ed")]),
            (id: "free", name: "Free Electives", need: credits(6), from: [pattern()]),
        ],
        limits: [(name: "Maximum Level 1", max_credits: 18, from: [pattern(level: 1)])],
        streams: [
            (id: "major", name: "Computer Science major", required: true, default: "A",
             options: [
                (code: "A", name: "Algorithms", requirements: [
                    (id: "a-core", name: "Algorithms core", need: all, from: [course("COMP3121")])]),
                (code: "B", name: "Networks", requirements: [
                    (id: "b-core", name: "Networks core", need: all, from: [course("COMP3331")])]),
             ]),
            (id: "minor", name: "Optional minor", counts_toward: "free", options: [
                (code: "MATHC2", name: "Mathematics", requirements: [
                    (id: "maths", name: "Mathematics minor", need: credits(12),
                     from: [course("MATH2501"), course("MATH2601")])]),
            ]),
        ],
    )"#;

    fn program() -> Curriculum {
        load(PROGRAM)
    }

    fn load(text: &str) -> Curriculum {
        store::parse_curriculum(text, "groups.ron")
            .unwrap_or_else(|e| panic!("{e}"))
            .curriculum
    }

    /// A plan with one term holding `codes`, and `choices` (RON map entries).
    fn plan(c: &Curriculum, codes: &[&str], choices: &str) -> Plan {
        let courses: Vec<String> = codes
            .iter()
            .map(|code| format!(r#"(code: "{code}", status: Planned)"#))
            .collect();
        let text = format!(
            r#"(version: 2, curriculum: (name: "Groups", hash: "{}"), choices: {{{choices}}},
                terms: [(name: "S1", courses: [{}])])"#,
            c.content_hash(),
            courses.join(", ")
        );
        store::parse_plan(&text, "plan.ron").unwrap_or_else(|e| panic!("{e}"))
    }

    fn problems(c: &Curriculum, plan: &Plan) -> Vec<(ProblemKind, Severity, String)> {
        model::problems(c, plan)
            .into_iter()
            .map(|p| (p.kind, p.severity, p.message))
            .collect()
    }

    /// Everything met, with major A and the minor chosen.
    const FULL: &[&str] = &[
        "COMP1511", "MATH1141", "COMP2041", "COMP3121", "COMP3511", "ENGG2600", "COMP3331",
        "ARTS1000", "MATH2501", "MATH2601",
    ];

    /// The group (by id) each code filled.
    fn filled(c: &Curriculum, plan: &Plan, code: &str) -> Vec<String> {
        let progress = requirements::progress(c, plan);
        progress
            .filled_by(code)
            .iter()
            .map(|&g| progress.groups[g].group.id.clone())
            .collect()
    }

    #[test]
    fn a_plan_that_meets_every_group_has_no_problem() {
        let c = program();
        let plan = plan(&c, FULL, r#""major": "A", "minor": "MATHC2""#);
        assert_eq!(problems(&c, &plan), []);
        let progress = requirements::progress(&c, &plan);
        let summary: Vec<(&str, u32, u32, bool)> = progress
            .groups
            .iter()
            .map(|g| (g.group.id.as_str(), g.have, g.need, g.met))
            .collect();
        assert_eq!(
            summary,
            [
                ("core", 2, 2, true),
                ("computing", 18, 18, true),
                ("vip", 6, 0, true),
                ("gen-ed", 6, 6, true),
                ("free", 24, 6, true),
                ("a-core", 1, 1, true),
                ("maths", 12, 12, true),
            ],
            "only the chosen options' groups are in force; the minor fills the free electives"
        );
    }

    #[test]
    fn a_group_short_names_its_cap_and_the_excess_is_noted() {
        // Two VIP courses: only 6 credits of them count, so computing has 12 of 18. The
        // second VIP course then fills the free electives, where no cap stops it.
        let c = program();
        let mut codes: Vec<&str> = FULL
            .iter()
            .copied()
            .filter(|&x| x != "COMP3511" && x != "COMP3331")
            .collect();
        codes.push("ENGG3600");
        let p = plan(&c, &codes, r#""major": "A", "minor": "MATHC2""#);
        assert_eq!(
            problems(&c, &p),
            [(
                ProblemKind::GroupShort {
                    group: "Computing Electives".into(),
                    have: 12,
                    need: 18,
                    unit: "credits"
                },
                Severity::Error,
                "group Computing Electives has 12 of 18 credits, at most 6 credits from VIP projects"
                    .into()
            )]
        );
        assert_eq!(filled(&c, &p, "ENGG3600"), ["free"]);
        // The cap holds even when the parent's own pattern matches the capped courses.
        let wide = load(&PROGRAM.replace(
            r#"from: [course("COMP2041"), pattern(subject: "COMP", level: 3)],"#,
            r#"from: [course("COMP2041"), pattern(subject: "COMP", level: 3), pattern(subject: "ENGG")],"#,
        ));
        let p = plan(&wide, &codes, r#""major": "A", "minor": "MATHC2""#);
        assert_eq!(filled(&wide, &p, "ENGG3600"), ["free"]);
        assert_eq!(problems(&wide, &p).len(), 1);
    }

    #[test]
    fn a_course_over_a_cap_with_nowhere_else_to_go_is_noted() {
        let text = PROGRAM
            .replace(
                r#"(id: "free", name: "Free Electives", need: credits(6), from: [pattern()]),"#,
                "",
            )
            .replace(r#"counts_toward: "free", "#, "");
        let c = load(&text);
        let p = plan(
            &c,
            &[
                "COMP1511", "MATH1131", "COMP2041", "COMP3121", "ENGG2600", "ENGG3600", "ARTS1000",
            ],
            r#""major": "A""#,
        );
        let found = problems(&c, &p);
        assert_eq!(
            found,
            [
                (
                    ProblemKind::GroupShort {
                        group: "Computing Electives".into(),
                        have: 12,
                        need: 18,
                        unit: "credits"
                    },
                    Severity::Error,
                    "group Computing Electives has 12 of 18 credits, at most 6 credits from VIP projects"
                        .into()
                ),
                (
                    ProblemKind::OverCap {
                        group: "VIP projects".into(),
                        placed: 12,
                        cap: 6
                    },
                    Severity::Warning,
                    "VIP projects has 12 credits placed; at most 6 credits count toward Computing Electives"
                        .into()
                ),
            ]
        );
    }

    #[test]
    fn a_need_all_group_names_what_is_missing() {
        let c = program();
        let codes: Vec<&str> = FULL.iter().copied().filter(|&x| x != "MATH1141").collect();
        let p = plan(&c, &codes, r#""major": "A", "minor": "MATHC2""#);
        assert_eq!(
            problems(&c, &p),
            [(
                ProblemKind::GroupShort {
                    group: "Core Courses".into(),
                    have: 1,
                    need: 2,
                    unit: "items"
                },
                Severity::Error,
                "group Core Courses is missing one of MATH1131 or MATH1141".into()
            )]
        );
        let progress = requirements::progress(&c, &p);
        assert_eq!(progress.groups[0].left, ["one of MATH1131 or MATH1141"]);
    }

    #[test]
    fn a_course_goes_to_the_most_specific_group_first_and_the_same_way_every_time() {
        let c = program();
        let a = plan(&c, FULL, r#""major": "A", "minor": "MATHC2""#);
        // COMP3121 is the major's core (need: all comes first) though computing's pattern
        // holds it too. COMP3331 comes when computing has its 18 credits, so it goes to the
        // free electives, which still need it.
        assert_eq!(filled(&c, &a, "COMP3121"), ["a-core"]);
        assert_eq!(filled(&c, &a, "COMP3511"), ["computing"]);
        assert_eq!(filled(&c, &a, "COMP3331"), ["free"]);
        assert_eq!(filled(&c, &a, "ENGG2600"), ["vip"]);
        assert_eq!(filled(&c, &a, "MATH2501"), ["maths", "free"]);
        let b = plan(&c, FULL, r#""major": "B", "minor": "MATHC2""#);
        assert_eq!(filled(&c, &b, "COMP3121"), ["computing"]);
        assert_eq!(filled(&c, &b, "COMP3331"), ["b-core"]);
        assert_eq!(
            requirements::progress(&c, &a),
            requirements::progress(&c, &a),
            "the same plan always gives the same assignment"
        );
        let progress = requirements::progress(&c, &b);
        let b_core = progress
            .groups
            .iter()
            .find(|g| g.group.id == "b-core")
            .unwrap();
        assert_eq!(
            b_core.owner,
            Owner::Stream {
                stream: 0,
                option: 1
            }
        );
        assert_eq!(b_core.filled_by, ["COMP3331"]);
    }

    #[test]
    fn a_shared_group_counts_courses_that_fill_another_group() {
        let c = program();
        let p = plan(&c, FULL, r#""major": "A", "minor": "MATHC2""#);
        assert_eq!(filled(&c, &p, "ARTS1000"), ["free", "gen-ed"]);
        let unshared =
            load(&PROGRAM.replace("need: credits(6), shared: true,", "need: credits(6),"));
        let p = plan(&unshared, FULL, r#""major": "A", "minor": "MATHC2""#);
        assert_eq!(filled(&unshared, &p, "ARTS1000"), ["gen-ed"]);
    }

    #[test]
    fn a_required_course_counts_toward_a_pattern_group_only_with_include_required() {
        let intro = r#"(id: "intro", name: "Introductory", need: credits(6), include_required: true,
             from: [pattern(subject: "COMP", level: 1)]),"#;
        let with =
            load(&PROGRAM.replace(r#"(id: "gen-ed","#, &format!("{intro}\n(id: \"gen-ed\",")));
        let p = plan(&with, FULL, r#""major": "A", "minor": "MATHC2""#);
        assert_eq!(filled(&with, &p, "COMP1511"), ["core", "intro"]);
        assert_eq!(problems(&with, &p), []);
        // Without it the pattern holds no course a plan could count: validation says so.
        let without = PROGRAM.replace(
            r#"(id: "gen-ed","#,
            &format!(
                "{}\n(id: \"gen-ed\",",
                intro.replace(" include_required: true,", "")
            ),
        );
        let error = store::parse_curriculum(&without, "groups.ron").unwrap_err();
        assert_eq!(
            error.to_string(),
            "groups.ron:25:49: group \"intro\" needs 6 credits but its courses give at most 0"
        );
    }

    #[test]
    fn an_unchosen_required_stream_uses_its_default_and_warns() {
        let c = program();
        let p = plan(&c, FULL, r#""minor": "MATHC2""#);
        assert_eq!(
            problems(&c, &p),
            [(
                ProblemKind::StreamUnchosen {
                    stream: "major".into()
                },
                Severity::Warning,
                "no Computer Science major is chosen; the audit uses A Algorithms until one is"
                    .into()
            )]
        );
        assert!(
            requirements::progress(&c, &p)
                .groups
                .iter()
                .any(|g| g.group.id == "a-core")
        );
    }

    #[test]
    fn a_choice_of_no_option_is_an_error() {
        let c = program();
        let p = plan(
            &c,
            FULL,
            r#""major": "Z", "minor": "MATHC2", "double": "X""#,
        );
        let found: Vec<(Severity, String)> = problems(&c, &p)
            .into_iter()
            .map(|(_, s, m)| (s, m))
            .collect();
        assert_eq!(
            found,
            [
                (
                    Severity::Error,
                    "the plan chooses X for \"double\", which is not a stream of Groups".into()
                ),
                (
                    Severity::Error,
                    "the plan chooses Z for Computer Science major, which is not one of its options (A, B)"
                        .into()
                ),
            ]
        );
    }

    #[test]
    fn a_program_wide_limit_notes_the_excess() {
        let c = program();
        let mut codes = FULL.to_vec();
        codes.push("MATH1131");
        let p = plan(&c, &codes, r#""major": "A", "minor": "MATHC2""#);
        assert_eq!(
            problems(&c, &p),
            [(
                ProblemKind::LimitOver {
                    limit: "Maximum Level 1".into(),
                    placed: 24,
                    max: 18
                },
                Severity::Warning,
                "Maximum Level 1: 24 credits placed, at most 18 count".into()
            )]
        );
    }

    #[test]
    fn enrolment_in_a_stream_reads_the_plan_choices() {
        let c = program();
        let mut codes = FULL.to_vec();
        codes.push("COMP3900");
        let b = plan(&c, &codes, r#""major": "B", "minor": "MATHC2""#);
        assert_eq!(problems(&c, &b), []);
        let a = plan(&c, &codes, r#""major": "A", "minor": "MATHC2""#);
        assert_eq!(
            problems(&c, &a)
                .into_iter()
                .map(|(k, _, m)| (k, m))
                .collect::<Vec<_>>(),
            [(
                ProblemKind::Enrolment {
                    course: "COMP3900".into(),
                    needs: "enrolment in stream B".into()
                },
                "COMP3900 Project in S1 needs enrolment in stream B".into()
            )]
        );
        let none = plan(&c, &codes, r#""minor": "MATHC2""#);
        let messages: Vec<String> = problems(&c, &none).into_iter().map(|(_, _, m)| m).collect();
        assert_eq!(
            messages,
            [
                "COMP3900 Project in S1 needs a check: enrolment in stream B (the plan chooses no stream yet)",
                "no Computer Science major is chosen; the audit uses A Algorithms until one is",
            ]
        );
    }

    #[test]
    fn one_repair_step_moves_a_course_to_a_short_group_that_only_it_can_fill() {
        // X goes to "wide" (first in the file, and it needs it then); Y then fills "wide" as
        // well, so X moves to "narrow", which nothing else can fill.
        let c = load(
            r#"(name: "Groups", degree_credits: 6, semesters: ["S1"], paths: [],
            courses: [
                (code: "X", title: "Ex", credits: 6, required: false),
                (code: "Y", title: "Why", credits: 6, required: false),
            ],
            requirements: [
                (id: "wide", name: "Wide", need: credits(6), from: [course("X"), course("Y")]),
                (id: "narrow", name: "Narrow", need: credits(6), from: [course("X")]),
            ])"#,
        );
        let p = plan(&c, &["X", "Y"], "");
        assert_eq!(problems(&c, &p), []);
        assert_eq!(filled(&c, &p, "X"), ["narrow"]);
        assert_eq!(filled(&c, &p, "Y"), ["wide"]);
        // With X alone, moving it would leave "wide" short: it stays, and "narrow" is short.
        let p = plan(&c, &["X"], "");
        assert_eq!(filled(&c, &p, "X"), ["wide"]);
        let messages: Vec<String> = problems(&c, &p).into_iter().map(|(_, _, m)| m).collect();
        assert_eq!(messages, ["group Narrow has 0 of 6 credits"]);
    }

    #[test]
    fn a_short_sub_group_is_the_only_problem_and_groups_need_counts_complete_ones() {
        let c = load(
            r#"(name: "Groups", degree_credits: 6, semesters: ["S1"], paths: [],
            courses: [
                (code: "X", title: "Ex", credits: 6, required: false),
                (code: "Y", title: "Why", credits: 3, required: false),
                (code: "Z", title: "Zed", credits: 9, required: false),
            ],
            requirements: [
                (id: "major", name: "Major", need: credits(12), from: [course("Z")], groups: [
                    (id: "six", name: "Six of these", need: credits(6), from: [course("X"), course("Y")]),
                ]),
                (id: "pick", name: "Pick one", need: groups(1), groups: [
                    (id: "p1", name: "First", need: courses(1), from: [course("Z")]),
                    (id: "p2", name: "Second", need: courses(2), from: [course("X"), course("Y")]),
                ]),
            ])"#,
        );
        // Z and Y give the major its 12 credits, but its sub-group has 3 of 6: only the
        // sub-group says so. Z and Y fill the major, so neither option of "pick" is complete,
        // which "pick" says once.
        let p = plan(&c, &["Z", "Y"], "");
        let messages: Vec<String> = problems(&c, &p).into_iter().map(|(_, _, m)| m).collect();
        assert_eq!(
            messages,
            [
                "group Six of these has 3 of 6 credits",
                "group Pick one has 0 of 1 sub-groups",
            ]
        );
        let progress = requirements::progress(&c, &p);
        assert_eq!(progress.groups[1].parent, Some(0));
        assert!(
            !progress.groups[0].met,
            "a short sub-group keeps its parent open"
        );
    }

    #[test]
    fn a_curriculum_edited_without_prepare_still_audits_its_groups() {
        let mut c = program();
        let p = plan(&c, FULL, r#""major": "A", "minor": "MATHC2""#);
        c.requirements.push(c.requirements[0].clone());
        c.requirements.last_mut().unwrap().id = "core-again".into();
        c.courses.push(c.courses[0].clone());
        let progress = requirements::progress(&c, &p);
        assert_eq!(progress.groups.len(), 8, "the new group is counted");
        c.prepare();
        assert_eq!(requirements::progress(&c, &p).groups.len(), 8);
    }

    #[test]
    fn plans_without_choices_write_no_choices_field() {
        let c = program();
        let p = plan(&c, FULL, "");
        assert!(!store::plan_to_ron(&p).contains("choices"));
        let chosen = plan(&c, FULL, r#""major": "A""#);
        let text = store::plan_to_ron(&chosen);
        assert!(text.contains("choices"), "{text}");
        assert_eq!(store::parse_plan(&text, "p.ron").unwrap(), chosen);
    }
}
