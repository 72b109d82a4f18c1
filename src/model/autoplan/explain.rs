//! The auto-plan in words: why each course went where it did, and why no plan exists.

use crate::model::audit::{describe_leaf, named};
use crate::model::curriculum::Curriculum;
use crate::model::plan::{Placement, Plan, Term};
use crate::model::plan_facts::PlanFacts;
use crate::model::requisite::Value;

use super::chain::Chains;
use super::needs::{Selection, Why, must_before};
use super::{Failure, Setup, next_term};

/// Why one course went where the auto-plan put it, for the detail pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// The course's code.
    pub code: String,
    /// The term it went into (index into the proposed plan's terms).
    pub term: usize,
    /// The explanation: "Semester III: its prerequisites (BE201, BE204) are complete by
    /// then, and it is offered in autumn; required by the program".
    pub text: String,
}

/// The explanations of every course the auto-plan placed (those not fixed), in term order.
pub(super) fn all(
    c: &Curriculum,
    original: &Plan,
    proposed: &Plan,
    selection: &Selection,
    fixed: &[bool],
) -> Vec<Explanation> {
    let mut out = Vec::new();
    for (t, term) in proposed.terms.iter().enumerate() {
        for p in &term.courses {
            let Some(i) = c.course_index(&p.code).filter(|&i| !fixed[i]) else {
                continue;
            };
            out.push(Explanation {
                code: p.code.clone(),
                term: t,
                text: one(c, original, term, t, i, selection),
            });
        }
    }
    out
}

fn one(c: &Curriculum, original: &Plan, term: &Term, t: usize, i: usize, s: &Selection) -> String {
    let course = &c.courses[i];
    let before = must_before(c, i);
    let mut coreqs = Vec::new();
    if let Some(req) = &course.requires {
        req.visit_codes(&mut |code, coreq| {
            if coreq && !coreqs.contains(&code) {
                coreqs.push(code);
            }
        });
    }
    let mut parts = vec![if before.is_empty() {
        "it needs no course first".to_string()
    } else {
        format!(
            "its prerequisites ({}) are complete by then",
            before.join(", ")
        )
    }];
    if !coreqs.is_empty() {
        parts.push(format!(
            "its corequisites ({}) are in this term or earlier",
            coreqs.join(", ")
        ));
    }
    if !course.offered.is_empty() {
        match term.kind_in(c) {
            Some(kind) => parts.push(format!("it is offered in {kind}")),
            None => parts.push(format!(
                "it is offered only in {} (this term has no kind to check)",
                course.offered.join(", ")
            )),
        }
    }
    if let (Some(years), Some(year)) = (&course.years, term.year) {
        parts.push(format!("it runs in {year} ({})", years.describe()));
    }
    if course.semester.is_some_and(|n| n as usize == t + 1) {
        parts.push("it is its recommended semester".into());
    }
    let mut text = format!("{}: {}", term.name, join_and(&parts));
    let why = match &s.why[i] {
        Some(Why::InPlan) => match original.find(&course.code) {
            Some(slot) if slot.term != t => {
                Some(format!("moved from {}", original.terms[slot.term].name))
            }
            Some(_) => None,
            None => Some("it was in the unplanned pool".into()),
        },
        Some(Why::Required) => Some("required by the program".into()),
        Some(Why::CountsToward(name)) => Some(format!("counts toward {name}")),
        Some(Why::NeededBy(j)) => Some(format!("{} needs it first", c.courses[*j].code)),
        None => None,
    };
    if let Some(why) = why {
        text.push_str("; ");
        text.push_str(&why);
    }
    text
}

/// "a", "a and b", "a, b and c".
fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
    }
}

/// Why no schedule was found within the limits: the lower bound that binds (a course's chain
/// and the credits it needs first, or all the credits left) when one exceeds the maximum,
/// else what stopped the last attempt.
pub(super) fn reason(
    c: &Curriculum,
    setup: &Setup,
    order: &[usize],
    s: &Selection,
    chains: &Chains,
    failure: Option<Failure>,
) -> String {
    let max = setup.max_terms;
    let allowed = if setup.max_terms_given {
        format!("you allowed {max}")
    } else {
        format!("the default maximum is {max} (--max-terms raises it)")
    };
    let credits = |i: usize| s.chosen[i].unwrap_or(c.courses[i].credits);
    let at_cap = |sum: u32| {
        if setup.cap == u32::MAX {
            usize::from(sum > 0)
        } else {
            sum.div_ceil(setup.cap.max(1)) as usize
        }
    };
    // Per course: the terms it and everything it needs take, by chain and by load.
    let mut worst: Option<(usize, usize, usize)> = None;
    for &i in order {
        let mut seen = vec![i];
        let mut stack = vec![i];
        while let Some(x) = stack.pop() {
            for &j in &chains.before[x] {
                if !seen.contains(&j) {
                    seen.push(j);
                    stack.push(j);
                }
            }
        }
        let load = at_cap(seen.iter().map(|&j| credits(j)).sum());
        let need = chains.depth[i].max(load);
        if worst.is_none_or(|(_, n, _)| need > n) {
            worst = Some((i, need, load));
        }
    }
    if let Some((i, need, load)) = worst.filter(|(_, n, _)| setup.open + n > max) {
        let code = &c.courses[i].code;
        let before = must_before(c, i);
        let total = setup.open + need;
        let subject = if before.is_empty() {
            format!("{code} alone")
        } else {
            format!("{code} needs {} completed", and_list(&before))
        };
        return if load >= chains.depth[i] && setup.cap != u32::MAX {
            format!(
                "{subject}: at {} credits a term that takes at least {total} terms, {allowed}",
                setup.cap
            )
        } else {
            format!(
                "{subject}: a chain of {} courses, one a term, takes at least {total} terms, {allowed}",
                chains.depth[i]
            )
        };
    }
    let left: u32 = order.iter().map(|&i| credits(i)).sum();
    if setup.open + at_cap(left) > max {
        return format!(
            "{left} credits are still to take: at {} credits a term that takes at least {} terms, {allowed}",
            setup.cap,
            setup.open + at_cap(left)
        );
    }
    let mut plan = setup.base.clone();
    while plan.terms.len() < max {
        let term = next_term(c, &plan);
        plan.terms.push(term);
    }
    match failure {
        Some(Failure::UnderMinimum { term, credits }) => format!(
            "{} can hold only {credits} credits of courses whose prerequisites are met by then, below the minimum of {} a term",
            plan.terms[term].name, setup.min
        ),
        Some(Failure::Unplaced(i)) => unplaced(c, setup, &plan, s, i, &allowed),
        None => format!("no plan fits in {max} terms, {allowed}"),
    }
}

/// Why course `i` found no term in `plan` (the plan at its most terms).
fn unplaced(
    c: &Curriculum,
    setup: &Setup,
    plan: &Plan,
    s: &Selection,
    i: usize,
    allowed: &str,
) -> String {
    let course = &c.courses[i];
    let name = named(c, &course.code);
    let open = setup.open..plan.terms.len();
    if !course.offered.is_empty()
        && open.clone().all(|t| {
            plan.terms[t]
                .kind_in(c)
                .is_some_and(|k| !course.offered.iter().any(|o| o == k))
        })
    {
        return format!(
            "{name} is offered only in {}, and no term it could go in is ({allowed})",
            course.offered.join(", ")
        );
    }
    if let Some(years) = &course.years
        && open
            .clone()
            .all(|t| plan.terms[t].year.is_some_and(|y| !years.includes(y)))
    {
        return format!(
            "{name} runs only in {}, and no term it could go in is in such a year ({allowed})",
            years.describe()
        );
    }
    if let Some(pre) = course
        .prerequisites
        .iter()
        .find(|p| c.course_index(p).is_none())
    {
        return format!(
            "{name} needs {pre} first, which is not a course of {}",
            c.name
        );
    }
    // Every other chosen course in the first term, this one in the next: what is still unmet
    // then, no schedule can meet.
    if let Some(req) = &course.requires {
        let mut all_in = Plan {
            terms: vec![Term::named("before"), Term::named("after")],
            ..setup.base.clone()
        };
        for (j, chosen) in s.chosen.iter().enumerate() {
            if chosen.is_some() && j != i {
                all_in.terms[0]
                    .courses
                    .push(Placement::planned(&c.courses[j].code));
            }
        }
        let facts = PlanFacts::new(c, &all_in);
        let (value, leaves) = facts.eval(req, 1);
        if value == Value::Unmet {
            let missing: Vec<String> = leaves.iter().map(|l| describe_leaf(c, l)).collect();
            return format!(
                "{name} needs {}, which no course the plan takes can give",
                missing.join("; ")
            );
        }
    }
    let full = if setup.cap == u32::MAX {
        String::new()
    } else {
        format!(" at {} credits a term", setup.cap)
    };
    format!(
        "{name} finds no term: the terms its prerequisites and offerings allow are full{full} ({allowed})"
    )
}

/// "A", "A and B", "A, B and C".
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
