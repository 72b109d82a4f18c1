//! Properties that hold whatever the student does to the recommended plan of the bundled
//! curriculum.

use std::collections::HashSet;

use degree_planner::model::{self, Curriculum, Placement, Plan, Slot};
use degree_planner::store;
use proptest::prelude::*;

use crate::common::bundled;

#[derive(Debug, Clone)]
enum Edit {
    Remove {
        term: usize,
        index: usize,
    },
    /// Places the n-th course of the curriculum (whether placed already or not).
    Place {
        course: usize,
        term: usize,
    },
    Move {
        term: usize,
        index: usize,
        to: usize,
    },
    Cycle {
        term: usize,
        index: usize,
    },
    Grade {
        term: usize,
        index: usize,
        grade: Option<String>,
    },
    AddTerm {
        at: usize,
    },
    Rename {
        term: usize,
        name: String,
    },
    RemoveTerm {
        term: usize,
    },
}

fn edit() -> impl Strategy<Value = Edit> {
    // Indices run a little past the ends on purpose: edits of missing slots must be no-ops.
    prop_oneof![
        (0..8usize, 0..8usize).prop_map(|(term, index)| Edit::Remove { term, index }),
        (0..24usize, 0..8usize).prop_map(|(course, term)| Edit::Place { course, term }),
        (0..8usize, 0..8usize, 0..8usize).prop_map(|(term, index, to)| Edit::Move {
            term,
            index,
            to
        }),
        (0..8usize, 0..8usize).prop_map(|(term, index)| Edit::Cycle { term, index }),
        (0..8usize, 0..8usize, proptest::option::of("[A-F][+-]?"))
            .prop_map(|(term, index, grade)| Edit::Grade { term, index, grade }),
        (0..8usize).prop_map(|at| Edit::AddTerm { at }),
        (0..8usize, "[ -~]{0,12}").prop_map(|(term, name)| Edit::Rename { term, name }),
        (0..8usize).prop_map(|term| Edit::RemoveTerm { term }),
    ]
}

fn apply(c: &Curriculum, plan: &mut Plan, edit: &Edit) {
    match edit {
        Edit::Remove { term, index } => {
            plan.remove(Slot {
                term: *term,
                index: *index,
            });
        }
        Edit::Place { course, term } => {
            // 22 courses; 22 and 23 place a code the curriculum does not know.
            let code = c.courses.get(*course).map_or("XX999", |x| x.code.as_str());
            plan.place(*term, Placement::planned(code));
        }
        Edit::Move { term, index, to } => {
            plan.move_to(
                Slot {
                    term: *term,
                    index: *index,
                },
                *to,
            );
        }
        Edit::Cycle { term, index } => {
            plan.cycle_status(Slot {
                term: *term,
                index: *index,
            });
        }
        Edit::Grade { term, index, grade } => {
            plan.set_grade(
                Slot {
                    term: *term,
                    index: *index,
                },
                grade.clone(),
            );
        }
        Edit::AddTerm { at } => {
            let name = plan.fresh_term_name();
            plan.add_term(*at, &name);
        }
        Edit::Rename { term, name } => {
            plan.rename_term(*term, name);
        }
        Edit::RemoveTerm { term } => {
            plan.remove_term(*term);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn credits_count_each_placed_course_once(edits in proptest::collection::vec(edit(), 0..40)) {
        let c = bundled();
        let mut plan = Plan::recommended(&c, "Ada");
        for e in &edits {
            apply(&c, &mut plan, e);
        }
        let credits = model::credits(&c, &plan);
        prop_assert!(credits.total() <= 64);
        let unique: HashSet<&str> = plan.placed_codes();
        let expected: u32 = unique
            .iter()
            .filter_map(|code| c.course(code))
            .map(|course| course.credits)
            .sum();
        prop_assert_eq!(credits.total(), expected);
        prop_assert_eq!(credits.remaining(), 64 - expected);
        let unplanned: u32 = plan.unplanned(&c).iter().map(|x| x.credits).sum();
        prop_assert_eq!(expected + unplanned, 64);
    }

    #[test]
    fn plans_round_trip_through_ron(edits in proptest::collection::vec(edit(), 0..40)) {
        let c = bundled();
        let mut plan = Plan::recommended(&c, "Ada");
        for e in &edits {
            apply(&c, &mut plan, e);
        }
        let text = store::plan_to_ron(&plan);
        let back = store::parse_plan(&text, "plan.ron");
        prop_assert_eq!(back, Ok(plan));
    }

    #[test]
    fn problems_are_deterministic(edits in proptest::collection::vec(edit(), 0..40)) {
        let c = bundled();
        let mut plan = Plan::recommended(&c, "Ada");
        for e in &edits {
            apply(&c, &mut plan, e);
        }
        let first = model::problems(&c, &plan);
        let second = model::problems(&c, &plan.clone());
        prop_assert_eq!(&first, &second);
        // And an untouched plan has none.
        if edits.is_empty() {
            prop_assert!(first.is_empty());
        }
    }

    /// The bundled program uses none of the requirement language (issue 14), so no edit
    /// gives a problem of a kind that did not exist before it.
    #[test]
    fn the_bundled_program_gives_only_the_problems_it_gave_before(
        edits in proptest::collection::vec(edit(), 0..40)
    ) {
        use model::ProblemKind as K;
        let c = bundled();
        let mut plan = Plan::recommended(&c, "Ada");
        for e in &edits {
            apply(&c, &mut plan, e);
        }
        for p in model::problems(&c, &plan) {
            prop_assert!(
                matches!(
                    p.kind,
                    K::PrerequisiteOrder { .. }
                        | K::PrerequisiteStatus { .. }
                        | K::UnknownGrade { .. }
                        | K::OverLoad { .. }
                        | K::PlacedTwice { .. }
                        | K::UnknownCourse { .. }
                        | K::RequiredUnplanned { .. }
                        | K::ElectivesShort { .. }
                        | K::DegreeShort { .. }
                        | K::CurriculumChanged
                ),
                "{:?}",
                p
            );
        }
    }
}

/// A program whose groups overlap: a core, capped electives, a shared group, a catch-all, and
/// a major whose options take courses the electives also match.
const GROUPS: &str = r#"(name: "Groups", degree_credits: 6, semesters: ["S1", "S2"], paths: [],
    courses: [
        (code: "COMP1511", title: "A", credits: 6),
        (code: "COMP2041", title: "B", credits: 6, required: false),
        (code: "COMP3121", title: "C", credits: 6, required: false),
        (code: "COMP3331", title: "D", credits: 6, required: false, attributes: ["gen-ed"]),
        (code: "COMP3511", title: "E", credits: 3, required: false),
        (code: "ENGG2600", title: "F", credits: 6, required: false),
        (code: "ENGG3600", title: "G", credits: 6, required: false),
        (code: "ARTS1000", title: "H", credits: 6, required: false, attributes: ["gen-ed"]),
        (code: "MATH2501", title: "I", credits: 6, required: false),
    ],
    requirements: [
        (id: "core", name: "Core", need: all, from: [course("COMP1511")]),
        (id: "computing", name: "Computing", need: credits(12),
         from: [pattern(subject: "COMP", level: 3), pattern(subject: "ENGG")],
         groups: [(id: "vip", name: "VIP", max_credits: 6, from: [course("ENGG2600"), course("ENGG3600")])]),
        (id: "gen-ed", name: "Gen Ed", need: credits(6), shared: true, from: [pattern(attribute: "gen-ed")]),
        (id: "intro", name: "Intro", need: courses(1), include_required: true,
         from: [pattern(level: 1)], max_courses: 1),
        (id: "free", name: "Free", need: credits(6), from: [pattern()]),
    ],
    streams: [(id: "major", name: "Major", required: true, default: "A", options: [
        (code: "A", name: "A", requirements: [(id: "a", name: "A core", need: all, from: [course("COMP3121")])]),
        (code: "B", name: "B", requirements: [(id: "b", name: "B core", need: credits(6), from: [course("COMP3331"), course("MATH2501")])]),
    ])],
)"#;

fn groups_plan(c: &Curriculum, codes: &[&str], major: Option<&str>) -> Plan {
    let mut plan = Plan::recommended(c, "Ada");
    for term in &mut plan.terms {
        term.courses.clear();
    }
    for (k, code) in codes.iter().enumerate() {
        plan.place(k % 2, Placement::planned(code));
    }
    if let Some(m) = major {
        plan.choices.insert("major".into(), m.into());
    }
    plan
}

proptest! {
    /// Whatever courses are placed, in whatever order, with whichever major: caps hold, a
    /// course fills at most one group that does not share, only placed courses fill groups, a
    /// group marked complete has what it needs, and the same plan gives the same assignment.
    #[test]
    fn group_assignment_respects_caps_and_sharing(
        codes in prop::sample::subsequence(
            vec!["COMP1511", "COMP2041", "COMP3121", "COMP3331", "COMP3511", "ENGG2600",
                 "ENGG3600", "ARTS1000", "MATH2501"], 0..=9).prop_shuffle(),
        major in prop::option::of(prop::sample::select(vec!["A", "B"])),
    ) {
        let c = store::parse_curriculum(GROUPS, "groups.ron").unwrap().curriculum;
        let plan = groups_plan(&c, &codes, major);
        let progress = model::requirements::progress(&c, &plan);
        prop_assert_eq!(&progress, &model::requirements::progress(&c, &plan));
        for g in &progress.groups {
            if let Some(cap) = g.group.max_credits {
                prop_assert!(g.credits <= cap, "{} has {} over its cap {cap}", g.group.id, g.credits);
            }
            if let Some(cap) = g.group.max_courses {
                prop_assert!(g.have <= cap, "{} counts {} courses over its cap", g.group.id, g.have);
            }
            if g.met && g.need > 0 {
                prop_assert!(g.have >= g.need, "{} is complete with {} of {}", g.group.id, g.have, g.need);
            }
            for code in &g.filled_by {
                prop_assert!(codes.contains(&code.as_str()), "{code} fills {} unplaced", g.group.id);
            }
        }
        for code in &codes {
            let exclusive = progress
                .filled_by(code)
                .iter()
                .filter(|&&k| {
                    let g = &progress.groups[k];
                    let root = std::iter::successors(Some(k), |&p| progress.groups[p].parent)
                        .last()
                        .unwrap_or(k);
                    !progress.groups[root].group.shared && !g.group.include_required
                })
                .count();
            prop_assert!(exclusive <= 1, "{code} fills {exclusive} groups that do not share");
        }
    }
}
