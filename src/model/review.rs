//! Advisor review rules: who may change what, the content a verdict is given for, and where a
//! plan stands against its verdict, so that any later change to the plan shows. The note and
//! verdict types themselves live beside `Plan` (`model::plan`), re-exported here.

use std::fmt;

use super::diff::{self, Change};
pub use super::plan::{Decision, Note, NoteTarget, ReviewedTerm, Verdict};
use super::plan::{Plan, Status};

/// Who is working on a plan, which decides what they may change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// The student: edits placement and statuses, marks notes addressed.
    Student,
    /// An advisor reviewing: adds notes and sets the verdict; placement is read-only.
    Reviewer {
        /// The reviewer's name, recorded on notes and the verdict.
        name: String,
    },
}

impl Role {
    /// Whether this role may move courses, change statuses and edit terms.
    pub fn may_edit_placement(&self) -> bool {
        matches!(self, Role::Student)
    }

    /// Whether this role may add or remove notes and set the verdict.
    pub fn may_review(&self) -> bool {
        matches!(self, Role::Reviewer { .. })
    }

    /// Whether this role may mark a note addressed (or not).
    pub fn may_mark_addressed(&self) -> bool {
        matches!(self, Role::Student)
    }
}

/// Where a plan stands against its verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerdictState<'a> {
    /// No verdict yet.
    Unreviewed,
    /// The plan is exactly as reviewed.
    Current(&'a Verdict),
    /// The plan changed since the verdict; what changed.
    Changed(&'a Verdict, Vec<Change>),
    /// The verdict's record does not match its stamp: it was edited by hand.
    Damaged(&'a Verdict),
}

impl fmt::Display for VerdictState<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerdictState::Unreviewed => f.write_str("not reviewed"),
            VerdictState::Current(v) => {
                write!(f, "{} by {} on {}", v.decision.label(), v.reviewer, v.date)?;
                match v.errors {
                    0 => Ok(()),
                    1 => f.write_str(" (with 1 error)"),
                    n => write!(f, " (with {n} errors)"),
                }
            }
            VerdictState::Changed(v, changes) => {
                let what = match v.decision {
                    Decision::Approved => "approved it",
                    Decision::ChangesRequested => "requested changes",
                };
                write!(
                    f,
                    "changed since {} {what} on {} ({} change{})",
                    v.reviewer,
                    v.date,
                    changes.len(),
                    if changes.len() == 1 { "" } else { "s" }
                )
            }
            VerdictState::Damaged(_) => f.write_str(
                "the verdict was altered after it was given and cannot be trusted; ask for a new review",
            ),
        }
    }
}

impl VerdictState<'_> {
    /// A short stable name: "unreviewed", "approved", "changes-requested", "changed", "damaged".
    pub fn key(&self) -> &'static str {
        match self {
            VerdictState::Unreviewed => "unreviewed",
            VerdictState::Current(v) => match v.decision {
                Decision::Approved => "approved",
                Decision::ChangesRequested => "changes-requested",
            },
            VerdictState::Changed(..) => "changed",
            VerdictState::Damaged(_) => "damaged",
        }
    }
}

/// The plan's terms, courses and statuses: what a verdict is given for. Notes, grades, the
/// student's name, the order of courses within a term and formatting are not part of it.
pub fn reviewed_content(plan: &Plan) -> Vec<ReviewedTerm> {
    plan.terms
        .iter()
        .map(|t| {
            let mut courses: Vec<(String, Status)> = t
                .courses
                .iter()
                .map(|p| (p.code.clone(), p.status))
                .collect();
            courses.sort();
            ReviewedTerm {
                name: t.name.clone(),
                courses,
            }
        })
        .collect()
}

/// A verdict for the plan as it is now.
pub fn verdict_for(
    plan: &Plan,
    decision: Decision,
    reviewer: &str,
    date: &str,
    comment: &str,
) -> Verdict {
    let mut verdict = Verdict {
        decision,
        reviewer: reviewer.to_string(),
        date: date.to_string(),
        comment: comment.to_string(),
        reviewed: reviewed_content(plan),
        errors: 0,
        advising: advising_content(plan),
        choices: choice_content(plan),
        stamp: String::new(),
    };
    verdict.stamp = verdict.expected_stamp();
    verdict
}

fn as_placement(terms: &[ReviewedTerm]) -> diff::Placement<'_> {
    terms
        .iter()
        .map(|t| {
            (
                t.name.as_str(),
                t.courses.iter().map(|(c, s)| (c.as_str(), *s)).collect(),
            )
        })
        .collect()
}

/// Where the plan stands against its verdict.
pub fn verdict_state(plan: &Plan) -> VerdictState<'_> {
    let Some(verdict) = &plan.verdict else {
        return VerdictState::Unreviewed;
    };
    if verdict.expected_stamp() != verdict.stamp {
        return VerdictState::Damaged(verdict);
    }
    let now = reviewed_content(plan);
    let advising = advising_content(plan);
    let choices = choice_content(plan);
    if now == verdict.reviewed && advising == verdict.advising && choices == verdict.choices {
        return VerdictState::Current(verdict);
    }
    let mut changes = diff::diff(&as_placement(&verdict.reviewed), &as_placement(&now));
    changes.extend(diff::entry_diff(&verdict.advising, &advising));
    changes.extend(diff::entry_diff(&verdict.choices, &choices));
    VerdictState::Changed(verdict, changes)
}

/// The plan's prior credit and exceptions, one line each ("prior credit: ...",
/// "exception: ..."): what a verdict stamps besides the placement, so that adding, editing
/// or removing one after a verdict is a change since it (issue 15).
pub fn advising_content(plan: &Plan) -> Vec<String> {
    let prior = plan
        .prior
        .iter()
        .map(|e| format!("prior credit {}", e.line()));
    let exceptions = plan
        .exceptions
        .iter()
        .map(|e| format!("exception {}", e.line()));
    prior.chain(exceptions).collect()
}

/// The plan's stream choices ("stream major: COMPA1") and the credits chosen for courses of
/// variable credits ("credits COMP4951: 12"), one line each: what a verdict stamps besides
/// the placement and the advising entries, so that choosing another stream or other credits
/// after a verdict is a change since it.
pub fn choice_content(plan: &Plan) -> Vec<String> {
    let streams = plan
        .choices
        .iter()
        .map(|(stream, option)| format!("stream {stream}: {option}"));
    let credits = plan
        .terms
        .iter()
        .flat_map(|t| &t.courses)
        .filter_map(|p| Some(format!("credits {}: {}", p.code, p.credits?)));
    streams.chain(credits).collect()
}

/// The plan's placement in the form [`diff::diff`] compares.
pub fn placement(plan: &Plan) -> diff::Placement<'_> {
    plan.terms
        .iter()
        .map(|t| {
            (
                t.name.as_str(),
                t.courses
                    .iter()
                    .map(|p| (p.code.as_str(), p.status))
                    .collect(),
            )
        })
        .collect()
}
