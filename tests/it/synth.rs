//! The synthetic scale data (`benches/support/synth.rs`) is valid, deterministic and shaped
//! like a real catalog: otherwise the benchmarks would measure the wrong thing.

use std::collections::HashMap;

use degree_planner::model::{self, Curriculum, Severity, Status};
use degree_planner::store;

use crate::common::synth;

fn load(n: usize, seed: u64) -> Curriculum {
    let text = synth::curriculum(n, seed);
    match store::parse_curriculum(&text, "synthetic") {
        Ok(loaded) => {
            assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
            loaded.curriculum
        }
        Err(e) => panic!("synthetic curriculum of {n} (seed {seed}) is invalid:\n{e}"),
    }
}

/// Courses in the longest prerequisite chain ending at each course.
fn chain_lengths(c: &Curriculum) -> Vec<usize> {
    fn length(c: &Curriculum, i: usize, memo: &mut HashMap<usize, usize>) -> usize {
        if let Some(&l) = memo.get(&i) {
            return l;
        }
        let l = 1 + c.courses[i]
            .prerequisites
            .iter()
            .filter_map(|p| c.course_index(p))
            .map(|p| length(c, p, memo))
            .max()
            .unwrap_or(0);
        memo.insert(i, l);
        l
    }
    let mut memo = HashMap::new();
    (0..c.courses.len())
        .map(|i| length(c, i, &mut memo))
        .collect()
}

#[test]
fn curricula_of_every_size_are_valid_and_shaped_like_a_catalog() {
    for (n, seed) in [(20, 1), (100, 2), (1000, 3), (5000, 4)] {
        let c = load(n, seed);
        assert_eq!(c.courses.len(), n);
        assert!(
            (8..=12).contains(&c.semesters.len()),
            "{} semesters",
            c.semesters.len()
        );
        assert_eq!(c.paths.len(), 4);
        assert!(!c.electives.is_empty());
        let required = c.courses.iter().filter(|x| x.required).count();
        assert!(
            required >= 10 && required <= n / 2,
            "{required} required of {n}"
        );
        let chains = chain_lengths(&c);
        assert_eq!(chains.iter().max(), Some(&synth::DEPTH), "n = {n}");
        // Most courses have prerequisites, and some have more than one.
        let with = c
            .courses
            .iter()
            .filter(|x| !x.prerequisites.is_empty())
            .count();
        let with_two = c
            .courses
            .iter()
            .filter(|x| x.prerequisites.len() > 1)
            .count();
        assert!(
            with > n / 2 && with_two > 0,
            "{with} with prerequisites, {with_two} with two"
        );
        assert!(c.courses.iter().any(|x| x.semester.is_none()));
        assert!(c.courses.iter().all(|x| x.reasons.len() == x.careers.len()));
    }
}

#[test]
fn the_same_seed_gives_the_same_files() {
    assert_eq!(synth::curriculum(300, 7), synth::curriculum(300, 7));
    assert_ne!(synth::curriculum(300, 7), synth::curriculum(300, 8));
    let c = load(300, 7);
    assert_eq!(synth::plans(&c, 20, 7), synth::plans(&c, 20, 7));
    assert_ne!(synth::plans(&c, 20, 7), synth::plans(&c, 20, 8));
}

#[test]
fn plans_are_realistic_and_some_have_problems() {
    let c = load(2000, 11);
    let plans = synth::plans(&c, 200, 11);
    assert_eq!(plans.len(), 200);
    let mut statuses = HashMap::new();
    let mut with_errors = 0;
    for plan in &plans {
        // Each survives a save and a load unchanged.
        let back = store::parse_plan(&store::plan_to_ron(plan), "plan").expect("plan parses");
        assert_eq!(&back, plan);
        assert_eq!(plan.terms.len(), c.semesters.len());
        for p in plan.terms.iter().flat_map(|t| &t.courses) {
            *statuses.entry(p.status).or_insert(0) += 1;
            assert!(c.course(&p.code).is_some(), "{} is not a course", p.code);
            assert_eq!(p.grade.is_some(), p.status == Status::Completed);
        }
        let problems = model::problems(&c, plan);
        assert!(
            !problems
                .iter()
                .any(|p| p.message.contains("different version")),
            "the plan records the curriculum's hash"
        );
        if problems.iter().any(|p| p.severity == Severity::Error) {
            with_errors += 1;
        }
        let credits = model::credits(&c, plan);
        assert!(credits.total() + 10 >= c.degree_credits, "{credits:?}");
    }
    assert_eq!(statuses.len(), 3, "{statuses:?}");
    assert!(
        (10..=100).contains(&with_errors),
        "{with_errors} of 200 plans have errors"
    );
}
