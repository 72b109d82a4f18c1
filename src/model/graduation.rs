//! The graduation estimate the header shows: the earliest term a plan can finish in at its
//! load limit, and the longest prerequisite chain still ahead (the critical path).

use super::autoplan::{Chains, GroupNeeds, Selection, Why, select};
use super::curriculum::Curriculum;
use super::plan::{Plan, Status};

/// When a plan can finish at the earliest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Estimate {
    /// Index of the earliest term the plan can finish in (it may lie past the plan's terms).
    pub term: usize,
    /// That term's name: the plan's own, or the name a new term there would get.
    pub term_name: String,
    /// The longest chain of courses still to take, first to last, by code.
    pub critical_path: Vec<String>,
    /// Credits of the courses still to take (planned, or needed and not yet chosen).
    pub credits_left: u32,
}

/// The earliest finish of `plan` at `max_credits` a term (the program's limit when `None`
/// or higher). It is a lower bound, cheap enough for every key (no scheduling): the terms
/// after the last one with a completed or in-progress course, as many as the longest chain
/// still ahead or the credits left over the limit, whichever is more. Offerings and a
/// tight packing can push the real finish later; the auto-plan finds a schedule.
pub fn estimate(c: &Curriculum, plan: &Plan, max_credits: Option<u32>) -> Estimate {
    let n = c.courses.len();
    let mut start = Selection {
        chosen: vec![None; n],
        why: vec![None; n],
    };
    let mut done = vec![false; n];
    for p in plan.terms.iter().flat_map(|t| &t.courses) {
        if let Some(i) = c.course_index(&p.code) {
            start.chosen[i].get_or_insert(p.credits_of(&c.courses[i]));
            start.why[i] = Some(Why::InPlan);
            done[i] |= p.status != Status::Planned;
        }
    }
    // Without a selection that meets every need, the plan's own courses; only the choices
    // are kept for that, not why each was made.
    let fallback = start.chosen.clone();
    let chosen = select(c, &GroupNeeds { plan }, start, plan.target_path.as_deref())
        .map_or(fallback, |s| s.chosen);
    let todo: Vec<bool> = (0..n).map(|i| chosen[i].is_some() && !done[i]).collect();
    let chains = Chains::new(c, &todo);
    let credits_left: u32 = (0..n).filter(|&i| todo[i]).filter_map(|i| chosen[i]).sum();
    let cap = match (c.max_term_credits, max_credits) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b).unwrap_or(u32::MAX).max(1),
    };
    let longest = chains.height.iter().copied().max().unwrap_or(0);
    let by_load = credits_left.div_ceil(cap) as usize;
    let open = plan
        .terms
        .iter()
        .rposition(|t| t.courses.iter().any(|p| p.status != Status::Planned))
        .map_or(0, |t| t + 1);
    let ahead = longest.max(by_load);
    let term = (open + ahead).saturating_sub(1);
    Estimate {
        term,
        term_name: term_name(plan, term),
        critical_path: chains
            .critical_path()
            .into_iter()
            .map(|i| c.courses[i].code.clone())
            .collect(),
        credits_left,
    }
}

/// The name of term `index`: the plan's own, or what adding terms up to it would call it.
fn term_name(plan: &Plan, index: usize) -> String {
    if let Some(t) = plan.terms.get(index) {
        return t.name.clone();
    }
    let mut names = Plan {
        terms: plan
            .terms
            .iter()
            .map(|t| super::plan::Term::named(&t.name))
            .collect(),
        ..plan.clone()
    };
    while names.terms.len() <= index {
        let name = match names.terms.len() {
            0 => names.fresh_term_name(),
            len => names.term_name_after(len - 1),
        };
        names.terms.push(super::plan::Term::named(&name));
    }
    names.terms[index].name.clone()
}
