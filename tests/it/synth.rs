//! The synthetic scale data (`benches/support/synth.rs`) is valid, deterministic and shaped
//! like a real catalog: otherwise the benchmarks would measure the wrong thing.

use std::collections::HashMap;

use degree_planner::model::requisite::Req;
use degree_planner::model::{self, Curriculum, ProblemKind, Severity, Status};
use degree_planner::store;

use crate::common::synth::{self, Constructs};

/// A synthetic curriculum, parsed: valid, and warned about nothing but the retired codes
/// it names on purpose.
fn load_with(n: usize, seed: u64, constructs: Constructs) -> Curriculum {
    let text = synth::curriculum_with(n, seed, constructs);
    match store::parse_curriculum(&text, "synthetic") {
        Ok(loaded) => {
            assert!(
                loaded
                    .warnings
                    .iter()
                    .all(|w| w.contains("which is outside this catalog")),
                "{:?}",
                loaded.warnings
            );
            loaded.curriculum
        }
        Err(e) => panic!("synthetic curriculum of {n} (seed {seed}) is invalid:\n{e}"),
    }
}

fn load(n: usize, seed: u64) -> Curriculum {
    load_with(n, seed, Constructs::All)
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

/// Whether `req` has a part (at any depth) for which `f` holds.
fn any_part(req: &Req, f: &impl Fn(&Req) -> bool) -> bool {
    f(req)
        || match req {
            Req::All(parts) | Req::Any(parts) => parts.iter().any(|p| any_part(p, f)),
            Req::Coreq(inner) => any_part(inner, f),
            _ => false,
        }
}

/// Whether one of the parts `req` needs together is an `any` or `all` holding another.
fn nested(req: &Req) -> bool {
    let combines = |r: &Req| matches!(r, Req::All(_) | Req::Any(_));
    req.conjuncts().iter().any(|part| match part {
        Req::All(parts) | Req::Any(parts) => parts.iter().any(|p| any_part(p, &combines)),
        _ => false,
    })
}

#[test]
fn constructs_come_in_the_shares_of_the_real_catalog() {
    let n = 5000;
    let c = load(n, 2026);
    let share = |f: &dyn Fn(&model::Course) -> bool| {
        c.courses.iter().filter(|x| f(x)).count() as f64 / n as f64
    };
    let requires = |f: &dyn Fn(&Req) -> bool| {
        share(&|x: &model::Course| x.requires.as_ref().is_some_and(|r| any_part(r, &f)))
    };
    // Section 6 step 7 of docs/design/requirement-language.md, within two points.
    let shares = [
        ("an OR", requires(&|r| matches!(r, Req::Any(_))), 0.19),
        (
            "nested",
            share(&|x: &model::Course| x.requires.as_ref().is_some_and(nested)),
            0.08,
        ),
        (
            "a credit threshold",
            requires(&|r| matches!(r, Req::Credits { .. })),
            0.22,
        ),
        ("enrolment", requires(&|r| r.enrolment().is_some()), 0.17),
        (
            "a corequisite",
            requires(&|r| matches!(r, Req::Coreq(_))),
            0.03,
        ),
        ("term-restricted", share(&|x| !x.offered.is_empty()), 0.70),
        ("credits other than 6", share(&|x| x.credits != 6), 0.09),
        ("exclusions", share(&|x| !x.excludes.is_empty()), 0.23),
    ];
    for (name, got, want) in shares {
        assert!((got - want).abs() <= 0.02, "{name}: {got:.3}, want {want}");
    }
    // The rest are there, fewer.
    for (name, got) in [
        ("permission", requires(&|r| matches!(r, Req::Permission(_)))),
        ("grade", requires(&|r| matches!(r, Req::Grade(..)))),
        ("wam", requires(&|r| matches!(r, Req::Wam { .. }))),
        ("manual", requires(&|r| matches!(r, Req::Manual(_)))),
        (
            "outside",
            requires(&|r| matches!(r, Req::Course(code) if c.course(code).is_none())),
        ),
        ("equivalents", share(&|x| !x.equivalent.is_empty())),
        ("alternate years", share(&|x| x.years.is_some())),
        ("variable credits", share(&|x| x.max_credits.is_some())),
        ("attributes", share(&|x| !x.attributes.is_empty())),
    ] {
        assert!(got > 0.0 && got < 0.15, "{name}: {got:.3}");
    }
    assert!(
        c.courses
            .iter()
            .all(|x| x.requires.is_some() != x.requisite_text.is_empty())
    );
}

#[test]
fn the_plain_shape_has_none_of_the_constructs() {
    let c = load_with(1000, 3, Constructs::None);
    assert!(c.term_kinds.is_empty() && c.outside.is_empty() && c.code.is_none());
    assert!(c.courses.iter().all(|x| x.requires.is_none()
        && x.offered.is_empty()
        && x.excludes.is_empty()
        && x.equivalent.is_empty()
        && x.attributes.is_empty()));
    // The constructs are drawn from a stream of their own: the rest is the same.
    let all = load(1000, 3);
    for (plain, full) in c.courses.iter().zip(&all.courses) {
        assert_eq!(
            (&plain.code, &plain.prerequisites),
            (&full.code, &full.prerequisites)
        );
    }
}

#[test]
fn plans_meet_and_break_every_construct() {
    let c = load(2000, 11);
    let plans = synth::plans(&c, 400, 11);
    let mut kinds: HashMap<&'static str, usize> = HashMap::new();
    let mut clean = 0;
    for plan in &plans {
        let problems = model::problems(&c, plan);
        if !problems.iter().any(|p| p.severity == Severity::Error) {
            clean += 1;
        }
        for p in &problems {
            let name = match p.kind {
                ProblemKind::Excluded { .. } => "excluded",
                ProblemKind::NotOffered { .. } => "not offered",
                ProblemKind::NotOfferedThisYear { .. } => "not this year",
                ProblemKind::Enrolment { .. } => "enrolment",
                ProblemKind::CreditsShort { .. } => "credits short",
                ProblemKind::RequisiteUnmet { .. } => "requisite unmet",
                ProblemKind::NeedsCheck { .. } => "needs a check",
                ProblemKind::OfferingsUnchecked { .. } => "offerings unchecked",
                _ => continue,
            };
            *kinds.entry(name).or_default() += 1;
        }
    }
    for kind in [
        "excluded",
        "not offered",
        "enrolment",
        "credits short",
        "requisite unmet",
        "needs a check",
    ] {
        assert!(kinds.contains_key(kind), "no plan has {kind}: {kinds:?}");
    }
    assert!(
        !kinds.contains_key("offerings unchecked"),
        "every term has a kind: {kinds:?}"
    );
    assert!(
        (250..=370).contains(&clean),
        "{clean} of 400 plans have no errors: {kinds:?}"
    );
}

/// A catalog big enough to be loaded on two threads gets the same hash, reasons and
/// warnings as one prepared on one, and its errors are still located.
#[test]
fn a_catalog_loaded_on_two_threads_is_the_one_loaded_on_one() {
    let text = synth::curriculum_with(500, 7, Constructs::All);
    assert!(text.len() > 64 * 1024, "big enough for the parallel path");
    let loaded = store::parse_curriculum(&text, "big.ron").expect("valid");
    let mut again = loaded.curriculum.clone();
    again.prepare();
    assert_eq!(again.content_hash(), loaded.curriculum.content_hash());
    assert!(
        loaded
            .curriculum
            .courses
            .iter()
            .any(|c| !c.reasons.is_empty()),
        "career reasons read from the comments"
    );
    assert!(loaded.warnings.iter().all(|w| w.starts_with("big.ron:")));

    // Break the last course's credits: the error names its line and column.
    let at = text.rfind("credits: ").expect("a credits field");
    let broken = format!("{}credits: \"six\"{}", &text[..at], &text[at + 10..]);
    let error = store::parse_curriculum(&broken, "big.ron").expect_err("invalid");
    let line = text[..at].matches('\n').count() + 1;
    let shown = error.to_string();
    assert!(shown.contains(&format!("big.ron:{line}:")), "{shown}");

    // Give the last course the first one's code: validation names the duplicate's line.
    let first = loaded.curriculum.courses[0].code.clone();
    let last = loaded
        .curriculum
        .courses
        .last()
        .expect("courses")
        .code
        .clone();
    let at = text
        .find(&format!("code: \"{last}\""))
        .expect("the last code");
    let duplicate = text.replacen(
        &format!("code: \"{last}\""),
        &format!("code: \"{first}\""),
        1,
    );
    let error = store::parse_curriculum(&duplicate, "big.ron").expect_err("duplicate code");
    let line = text[..at].matches('\n').count() + 1;
    let shown = error.to_string();
    assert!(shown.contains(&format!("big.ron:{line}:")), "{shown}");
}
