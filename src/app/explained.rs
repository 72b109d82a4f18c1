//! Why the auto-plan put each course where it is, kept after its proposal applies so the
//! detail pane can say so, for as long as the course stays there. Not saved: the plan file
//! has no place for it.

use crate::model::Plan;
use crate::model::autoplan::Proposal;

/// The explanations of the auto-plan last applied, for the courses still where it put them.
#[derive(Debug, Clone, Default)]
pub struct Explained {
    /// The plan before the auto-plan applied: once the plan is that again (undone), no
    /// placement is the auto-plan's any more.
    before: Option<Plan>,
    /// Per course placed: where, and why.
    placed: Vec<Placed>,
}

/// One course the auto-plan placed.
#[derive(Debug, Clone)]
struct Placed {
    code: String,
    /// The term's index and name when it was placed.
    term: usize,
    term_name: String,
    text: String,
}

impl Explained {
    /// Keeps the explanations of `proposal`, just applied over `before`.
    pub(super) fn record(&mut self, before: Plan, proposal: &Proposal) {
        self.before = Some(before);
        self.placed = proposal
            .explanations
            .iter()
            .filter_map(|e| {
                Some(Placed {
                    code: e.code.clone(),
                    term: e.term,
                    term_name: proposal.plan.terms.get(e.term)?.name.clone(),
                    text: e.text.clone(),
                })
            })
            .collect();
    }

    /// Forgets the explanation of every course `plan` no longer has where the auto-plan put
    /// it (moved or unplanned by hand, its term renamed), and all of them once the auto-plan
    /// is undone.
    pub(super) fn keep_current(&mut self, plan: &Plan) {
        if self.placed.is_empty() {
            return;
        }
        if self.before.as_ref() == Some(plan) {
            *self = Explained::default();
            return;
        }
        self.placed.retain(|p| {
            plan.find(&p.code).is_some_and(|slot| {
                slot.term == p.term
                    && plan
                        .terms
                        .get(slot.term)
                        .is_some_and(|t| t.name == p.term_name)
            })
        });
    }

    /// Why the auto-plan put `code` where it is, if it did and it is still there.
    pub fn of(&self, code: &str) -> Option<&str> {
        self.placed
            .iter()
            .find(|p| p.code == code)
            .map(|p| p.text.as_str())
    }
}
