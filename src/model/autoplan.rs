//! The auto-plan: fills the remaining terms of a plan so that it passes the audit.
//!
//! It works in two steps. *Selection* (`needs`) chooses the courses: those already in the
//! plan, every required course, the best candidates for each credit need (elective groups,
//! requirement groups and streams, the degree total; other requirements plug in through
//! [`Needs`]), and what each chosen
//! course must have first. *Scheduling* is list scheduling: term by term from the first open
//! one, it places the ready course of highest priority (longest chain of courses still
//! needing it, then the target path's weight, then the recommended semester, then curriculum
//! order) that fits: offered in the term's kind and year, its `prerequisites` placed earlier,
//! its `requires` not unmet (corequisites may share the term; permission and other leaves
//! only a person can judge are allowed and reported), and within the load limit. A bounded
//! search tries each number of terms from a lower bound (the longest chain, the credits over
//! the limit) up to the maximum, first with an even share of credits per term, then filling
//! each term to the limit, and keeps the first schedule that places everything and leaves the
//! audit with no error.
//!
//! Guarantees: completed, in-progress and pinned placements never move; the result has no
//! error problem (it is audited before it is returned); the same input gives the same plan;
//! no plan with fewer terms exists below the lower bound. Not guaranteed: that the number
//! of terms is the fewest possible when offerings or corequisites make greedy placement miss
//! a tighter packing, nor the best balance; when no schedule is found within the limits the
//! reason names the bound that binds, or the course that could not be placed.

mod chain;
mod explain;
mod group_needs;
mod needs;

use std::fmt;

pub use chain::Chains;
pub use explain::Explanation;
pub use group_needs::GroupNeeds;
pub use needs::{Need, Needs, ProgramNeeds, Selection, Why, must_before, select};

use super::audit::{self, Severity};
use super::curriculum::Curriculum;
use super::plan::{Placement, Plan, Status, Term};
use super::plan_facts::PlanFacts;
use super::requisite::Value;

/// What the student asks of the auto-plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The career path whose strongest courses go earlier (default: the plan's target).
    pub target: Option<String>,
    /// Most credits a term, below the program's limit.
    pub max_credits: Option<u32>,
    /// Least credits in every filled term but the last.
    pub min_credits: Option<u32>,
    /// Most terms the plan may have in all (default: twice the longer of the plan and the
    /// recommended schedule).
    pub max_terms: Option<usize>,
}

/// A plan the auto-plan found.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// The proposed plan.
    pub plan: Plan,
    /// Why each course it placed went where it did, in term order.
    pub explanations: Vec<Explanation>,
    /// The audit's warnings on the proposed plan (permission to ask for, and the like).
    pub warnings: Vec<audit::Problem>,
}

impl Proposal {
    /// The explanation of the course `code`, if the auto-plan placed it.
    pub fn explanation(&self, code: &str) -> Option<&Explanation> {
        self.explanations.iter().find(|e| e.code == code)
    }
}

/// No plan exists within the limits (as far as the search can tell), and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoPlan {
    /// The reason in plain words, naming the binding constraint.
    pub reason: String,
}

impl fmt::Display for NoPlan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for NoPlan {}

/// Fills the remaining terms of `plan` against the program's needs and its requirement
/// groups ([`GroupNeeds`]); see the module documentation for what it guarantees.
pub fn autoplan(c: &Curriculum, plan: &Plan, options: &Options) -> Result<Proposal, NoPlan> {
    autoplan_with(c, plan, options, &GroupNeeds { plan })
}

/// [`autoplan`] with the needs given by `needs` (e.g. requirement groups and streams).
pub fn autoplan_with(
    c: &Curriculum,
    plan: &Plan,
    options: &Options,
    needs: &dyn Needs,
) -> Result<Proposal, NoPlan> {
    let no = |reason: String| NoPlan { reason };
    let target = options.target.as_deref().or(plan.target_path.as_deref());
    let setup = Setup::new(c, plan, options);
    let selection = select(c, needs, setup.start.clone(), target).map_err(no)?;
    let todo: Vec<bool> = (0..c.courses.len())
        .map(|i| selection.chosen[i].is_some() && !setup.fixed[i])
        .collect();
    let chains = Chains::new(c, &todo);
    let mut order: Vec<usize> = (0..c.courses.len()).filter(|&i| todo[i]).collect();
    order.sort_by_key(|&i| {
        let course = &c.courses[i];
        (
            std::cmp::Reverse(chains.height[i]),
            std::cmp::Reverse(target.and_then(|t| course.careers.get(t)).copied()),
            course.semester.unwrap_or(u32::MAX),
            i,
        )
    });
    let credits: u32 = order.iter().filter_map(|&i| selection.chosen[i]).sum();
    let longest = order.iter().map(|&i| chains.height[i]).max().unwrap_or(0);
    let by_load = if setup.cap == u32::MAX {
        usize::from(credits > 0)
    } else {
        credits.div_ceil(setup.cap.max(1)) as usize
    };
    let lower = (setup.open + longest.max(by_load)).max(setup.last_fixed);
    let mut last_failure = None;
    for terms in lower.max(1)..=setup.max_terms {
        for balanced in [true, false] {
            match schedule(
                c,
                &setup,
                &order,
                &chains.height,
                &selection,
                terms,
                balanced,
            ) {
                Ok(mut proposed) => {
                    trim_trailing(&mut proposed, setup.open);
                    let problems = audit::problems(c, &proposed);
                    if let Some(error) = problems.iter().find(|p| p.severity == Severity::Error) {
                        return Err(no(format!(
                            "the plan keeps a problem the auto-plan cannot fix: {}",
                            error.message
                        )));
                    }
                    let explanations = explain::all(c, plan, &proposed, &selection, &setup.fixed);
                    return Ok(Proposal {
                        plan: proposed,
                        explanations,
                        warnings: problems
                            .into_iter()
                            .filter(|p| p.severity == Severity::Warning)
                            .collect(),
                    });
                }
                Err(failure) => last_failure = Some(failure),
            }
        }
    }
    Err(no(explain::reason(
        c,
        &setup,
        &order,
        &selection,
        &chains,
        last_failure,
    )))
}

/// The fixed part of the problem: what stays where it is, where placing starts, the limits.
#[derive(Debug, Clone)]
struct Setup {
    /// The plan with every movable placement taken out (planned and not pinned).
    base: Plan,
    /// Per course: whether a placement of it stays (completed, in progress or pinned).
    fixed: Vec<bool>,
    /// The courses already in the plan, as the selection's start.
    start: Selection,
    /// Per course: the credits a movable placement of it recorded (variable credits).
    recorded: Vec<Option<u32>>,
    /// The first term courses may be placed in: after the last with a completed or
    /// in-progress course.
    open: usize,
    /// One past the last term holding a fixed placement.
    last_fixed: usize,
    /// Most credits a term.
    cap: u32,
    /// Least credits a filled term but the last.
    min: u32,
    /// Most terms in all.
    max_terms: usize,
    /// Whether the student set the maximum number of terms.
    max_terms_given: bool,
}

impl Setup {
    fn new(c: &Curriculum, plan: &Plan, options: &Options) -> Self {
        let n = c.courses.len();
        let mut base = plan.clone();
        let mut fixed = vec![false; n];
        let mut start = Selection {
            chosen: vec![None; n],
            why: vec![None; n],
        };
        let stays = |p: &Placement| p.status != Status::Planned || p.pinned;
        // Courses with a fixed placement first, so a movable copy of one is dropped.
        for p in plan
            .terms
            .iter()
            .flat_map(|t| &t.courses)
            .filter(|p| stays(p))
        {
            if let Some(i) = c.course_index(&p.code) {
                fixed[i] = true;
                start.chosen[i] = Some(p.credits_of(&c.courses[i]));
                start.why[i] = Some(Why::InPlan);
            }
        }
        let mut recorded = vec![None; n];
        for p in plan.terms.iter().flat_map(|t| &t.courses) {
            if let Some(i) = c
                .course_index(&p.code)
                .filter(|&i| start.chosen[i].is_none())
            {
                start.chosen[i] = Some(p.credits_of(&c.courses[i]));
                start.why[i] = Some(Why::InPlan);
                recorded[i] = p.credits;
            }
        }
        for term in &mut base.terms {
            // Unknown codes stay where they are: the audit reports them.
            term.courses
                .retain(|p| stays(p) || c.course_index(&p.code).is_none());
        }
        let open = plan
            .terms
            .iter()
            .rposition(|t| t.courses.iter().any(|p| p.status != Status::Planned))
            .map_or(0, |t| t + 1);
        let last_fixed = base
            .terms
            .iter()
            .rposition(|t| !t.courses.is_empty())
            .map_or(0, |t| t + 1);
        let cap = match (c.max_term_credits, options.max_credits) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b).unwrap_or(u32::MAX),
        };
        let max_terms = options
            .max_terms
            .unwrap_or_else(|| 2 * plan.terms.len().max(c.semesters.len()).max(1));
        Setup {
            base,
            fixed,
            start,
            recorded,
            open,
            last_fixed,
            cap,
            min: options.min_credits.unwrap_or(0),
            max_terms,
            max_terms_given: options.max_terms.is_some(),
        }
    }
}

/// Why one scheduling attempt failed.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Failure {
    /// The course (by index) found no term.
    Unplaced(usize),
    /// The term would carry fewer credits than the minimum, with more still to place.
    UnderMinimum { term: usize, credits: u32 },
}

/// Whether course `i` may go into term `t` of `plan` as far as offerings and requisites go.
fn ready(
    c: &Curriculum,
    facts: &PlanFacts,
    plan: &Plan,
    placed_at: &[Option<usize>],
    i: usize,
    t: usize,
) -> bool {
    let course = &c.courses[i];
    if !offered(c, &plan.terms[t], i) {
        return false;
    }
    let before = course.prerequisites.iter().all(|pre| {
        c.course_index(pre)
            .and_then(|j| placed_at[j])
            .is_some_and(|pt| pt < t)
    });
    before
        && course
            .requires
            .as_ref()
            .is_none_or(|req| facts.eval(req, t).0 != Value::Unmet)
}

/// Whether course `i` runs in `term`: its kind (when the term has one) among the course's
/// offerings, its year (when the term has one) among the course's years.
fn offered(c: &Curriculum, term: &Term, i: usize) -> bool {
    let course = &c.courses[i];
    let kind_ok = course.offered.is_empty()
        || term
            .kind_in(c)
            .is_none_or(|k| course.offered.iter().any(|o| o == k));
    let year_ok = match (&course.years, term.year) {
        (Some(years), Some(year)) => years.includes(year),
        _ => true,
    };
    kind_ok && year_ok
}

/// One attempt: `order` scheduled into a plan of `terms` terms, each filled to an even share
/// of what remains (`balanced`) or to the limit.
fn schedule(
    c: &Curriculum,
    setup: &Setup,
    order: &[usize],
    height: &[usize],
    selection: &Selection,
    terms: usize,
    balanced: bool,
) -> Result<Plan, Failure> {
    let mut plan = setup.base.clone();
    while plan.terms.len() < terms {
        let term = next_term(c, &plan);
        plan.terms.push(term);
    }
    let mut placed_at: Vec<Option<usize>> = vec![None; c.courses.len()];
    for (t, term) in plan.terms.iter().enumerate() {
        for p in &term.courses {
            if let Some(i) = c.course_index(&p.code) {
                placed_at[i].get_or_insert(t);
            }
        }
    }
    let credits_of = |i: usize| selection.chosen[i].unwrap_or(c.courses[i].credits);
    let mut remaining: Vec<usize> = order.to_vec();
    let mut left: u32 = remaining.iter().map(|&i| credits_of(i)).sum();
    for t in setup.open..terms {
        if remaining.is_empty() {
            break;
        }
        // Among courses of equal chain length, those with fewer terms left that offer them
        // go first (a stable sort keeps the rest of the priority order).
        remaining.sort_by_cached_key(|&i| {
            let offering_terms = (t..terms)
                .filter(|&u| offered(c, &plan.terms[u], i))
                .count();
            (std::cmp::Reverse(height[i]), offering_terms)
        });
        let mut load = audit::term_credits(c, &plan, t);
        let share = if balanced {
            left.div_ceil((terms - t) as u32).min(setup.cap)
        } else {
            setup.cap
        };
        loop {
            if load >= share {
                break;
            }
            let pick = {
                let facts = PlanFacts::new(c, &plan);
                remaining.iter().position(|&i| {
                    load.saturating_add(credits_of(i)) <= setup.cap
                        && ready(c, &facts, &plan, &placed_at, i, t)
                })
            };
            let Some(at) = pick else { break };
            let i = remaining.remove(at);
            let mut placement = Placement::planned(&c.courses[i].code);
            placement.credits = setup.recorded[i];
            plan.terms[t].courses.push(placement);
            placed_at[i] = Some(t);
            load += credits_of(i);
            left -= credits_of(i);
        }
        if !remaining.is_empty() && load < setup.min {
            return Err(Failure::UnderMinimum {
                term: t,
                credits: load,
            });
        }
    }
    match remaining.first() {
        Some(&i) => Err(Failure::Unplaced(i)),
        None => Ok(plan),
    }
}

/// A new last term: named after the one before it, with the next term kind of the curriculum
/// (and the next year when the kinds wrap around) when that one has a kind.
fn next_term(c: &Curriculum, plan: &Plan) -> Term {
    let mut term = Term::named(&match plan.terms.len() {
        0 => c
            .semesters
            .first()
            .cloned()
            .unwrap_or_else(|| plan.fresh_term_name()),
        n => plan.term_name_after(n - 1),
    });
    if let Some(last) = plan.terms.last()
        && let Some(kind) = last.kind_in(c)
        && let Some(k) = c.term_kinds.iter().position(|x| x == kind)
    {
        let next = (k + 1) % c.term_kinds.len();
        term.kind = Some(c.term_kinds[next].clone());
        term.year = last.year.map(|y| if next == 0 { y + 1 } else { y });
    }
    term
}

/// Removes the empty terms at the end, from `open` on.
fn trim_trailing(plan: &mut Plan, open: usize) {
    while plan.terms.len() > open && plan.terms.last().is_some_and(|t| t.courses.is_empty()) {
        plan.terms.pop();
    }
}
