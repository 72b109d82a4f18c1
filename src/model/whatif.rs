//! What-if: one plan judged under two curricula (another file or version), with its courses
//! mapped by code, so the student sees what switching would change.

use super::audit::{self, Credits, Severity};
use super::career;
use super::curriculum::Curriculum;
use super::graduation::{self, Estimate};
use super::plan::Plan;

/// How a plan stands under one curriculum.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    /// Credits toward the degree.
    pub credits: Credits,
    /// Error problems.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Readiness per career path: (path id, name, committed share 0.0 to 1.0).
    pub readiness: Vec<(String, String, f64)>,
    /// The earliest finish.
    pub graduation: Estimate,
}

/// A plan under its own curriculum and under another.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Under the plan's curriculum.
    pub before: Standing,
    /// Under the other one.
    pub after: Standing,
    /// Codes placed in the plan that the other curriculum does not know, in plan order.
    pub unknown: Vec<String>,
}

/// How `plan` stands under `c`.
pub fn standing(c: &Curriculum, plan: &Plan) -> Standing {
    Standing::of(
        c,
        &audit::problems(c, plan),
        audit::credits(c, plan),
        &career::readiness(c, plan),
        graduation::estimate(c, plan, None),
    )
}

impl Standing {
    /// The standing made of figures already computed for a plan under `c`: its problems,
    /// credits, readiness per path and earliest finish (the screen has them every frame).
    pub fn of(
        c: &Curriculum,
        problems: &[audit::Problem],
        credits: Credits,
        readiness: &[career::Readiness],
        graduation: Estimate,
    ) -> Self {
        let errors = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        Standing {
            credits,
            errors,
            warnings: problems.len() - errors,
            readiness: readiness
                .iter()
                .map(|r| {
                    let path = &c.paths[r.path];
                    (path.id.clone(), path.name.clone(), r.committed_share())
                })
                .collect(),
            graduation,
        }
    }
}

/// `plan` under `before` (its own curriculum) and under `after`, courses mapped by code.
/// The plan is judged under `after` as if made for it, so the comparison shows what the
/// courses add up to there, not that the curriculum changed.
pub fn compare(before: &Curriculum, after: &Curriculum, plan: &Plan) -> Comparison {
    Comparison {
        before: standing(before, plan),
        after: standing(after, &made_for(after, plan)),
        unknown: unknown(after, plan),
    }
}

/// `plan` as if made for `c`: the same courses, mapped by code, stamped with `c`.
pub fn made_for(c: &Curriculum, plan: &Plan) -> Plan {
    let mut moved = plan.clone();
    moved.curriculum.name = c.name.clone();
    moved.curriculum.hash = c.content_hash().to_string();
    moved
}

/// Codes placed in `plan` that `c` does not know (and does not list as taken outside it),
/// each once, in plan order.
pub fn unknown(c: &Curriculum, plan: &Plan) -> Vec<String> {
    let mut unknown: Vec<String> = Vec::new();
    for p in plan.terms.iter().flat_map(|t| &t.courses) {
        if c.course(&p.code).is_none()
            && !c.links().is_outside(&p.code)
            && !unknown.contains(&p.code)
        {
            unknown.push(p.code.clone());
        }
    }
    unknown
}
