//! What prior credit counts for: the entries the curriculum allows and the credits they add
//! (within the program's cap). The problems when an entry breaks the rules are the audit's.
//!
//! An allowed entry for a course counts as that course completed before the first term: it
//! clears requisites and fills requirement groups (except groups the curriculum says must be
//! taken here). Unassigned credits count toward the degree and toward credit requisites.

use super::curriculum::Curriculum;
use super::plan::{Plan, PriorCredit};

/// Whether the curriculum says `code_or_group` must be taken here (no prior credit for it).
pub fn taken_here(c: &Curriculum, code_or_group: &str) -> bool {
    c.prior_credit
        .as_ref()
        .is_some_and(|r| r.taken_here.iter().any(|x| x == code_or_group))
}

/// Whether an entry counts at all: an unassigned one always, one for a course only when the
/// course is in the curriculum and may be credited.
pub fn allowed(c: &Curriculum, entry: &PriorCredit) -> bool {
    match entry.course() {
        Some(code) => c.course(code).is_some() && !taken_here(c, code),
        None => true,
    }
}

/// The course codes prior credit stands for and that count, in plan order.
pub fn courses<'p>(c: &Curriculum, plan: &'p Plan) -> Vec<&'p str> {
    plan.prior
        .iter()
        .filter(|e| allowed(c, e))
        .filter_map(PriorCredit::course)
        .collect()
}

/// Indices into `c.courses` of the courses left to place: in no term, and not stood for by
/// prior credit that counts (those are done), in curriculum order.
pub fn left_to_place<'a>(c: &'a Curriculum, plan: &'a Plan) -> impl Iterator<Item = usize> + 'a {
    let credited: Vec<usize> = courses(c, plan)
        .into_iter()
        .filter_map(|code| c.course_index(code))
        .collect();
    plan.unplanned_indices(c)
        .filter(move |i| !credited.contains(i))
}

/// Prior credits before the cap: every allowed entry, except one for a course the plan also
/// places (that course counts once, where it is placed).
pub fn uncapped_credits(c: &Curriculum, plan: &Plan) -> u32 {
    if plan.prior.is_empty() {
        return 0;
    }
    let placed = plan.placed_codes();
    plan.prior
        .iter()
        .filter(|e| allowed(c, e) && e.course().is_none_or(|code| !placed.contains(code)))
        .map(|e| e.credits)
        .sum()
}

/// Prior credits that count toward the degree: [`uncapped_credits`] within the program's cap.
pub fn credits(c: &Curriculum, plan: &Plan) -> u32 {
    let all = uncapped_credits(c, plan);
    match c.prior_credit.as_ref().and_then(|r| r.max_credits) {
        Some(cap) => all.min(cap),
        None => all,
    }
}
