//! Advisor review: notes on the plan, a term or a course, and a verdict stamped with the
//! content it was given for, so that any later change to the plan shows.

use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::diff::{self, Change};
use super::plan::{Plan, Status};
use super::text::Clean;

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

/// What a note is attached to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NoteTarget {
    /// The plan as a whole.
    Plan,
    /// A term, by name.
    Term(String),
    /// A course, by code.
    Course(String),
}

/// An advisor's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// What the note is about.
    pub on: NoteTarget,
    /// The note itself.
    pub text: String,
    /// Who wrote it.
    pub author: String,
    /// When, as YYYY-MM-DD.
    pub date: String,
    /// Set by the student once the note has been dealt with.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub addressed: bool,
}

/// The advisor's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    /// The plan is approved as it stands.
    Approved,
    /// The student should change the plan.
    ChangesRequested,
}

impl Decision {
    /// "approved" or "changes requested".
    pub fn label(self) -> &'static str {
        match self {
            Decision::Approved => "approved",
            Decision::ChangesRequested => "changes requested",
        }
    }
}

/// One term as it was when the verdict was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewedTerm {
    /// The term's name.
    pub name: String,
    /// Course codes and statuses.
    pub courses: Vec<(String, Status)>,
}

/// A verdict with the stamp of the content it was given for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verdict {
    /// Approved or changes requested.
    pub decision: Decision,
    /// Who gave it.
    pub reviewer: String,
    /// When, as YYYY-MM-DD.
    pub date: String,
    /// The reviewer's comment.
    #[serde(default)]
    pub comment: String,
    /// The plan's terms, courses and statuses as reviewed.
    pub reviewed: Vec<ReviewedTerm>,
    /// How many errors the plan had when the verdict was given (an approval despite them).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub errors: u32,
    /// SHA-256 of [`stamp_text`] of all the fields above, to tell a hand-edited verdict from
    /// the one the reviewer gave.
    pub stamp: String,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
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

/// The text a verdict's stamp is the SHA-256 of: one `key: value` line each for the
/// decision, reviewer, date and comment, then a `term:` line per term in order and a
/// `course: CODE Status` line per course (sorted by code). Written out here rather than
/// taken from a serializer, so that the stamp never changes with a library's formatting.
pub fn stamp_text(
    decision: Decision,
    reviewer: &str,
    date: &str,
    comment: &str,
    reviewed: &[ReviewedTerm],
) -> String {
    let mut text = format!(
        "degree-planner verdict 1\ndecision: {decision:?}\nreviewer: {reviewer}\ndate: {date}\ncomment: {comment}\n"
    );
    for term in reviewed {
        text.push_str(&format!("term: {}\n", term.name));
        for (code, status) in &term.courses {
            text.push_str(&format!("course: {code} {status:?}\n"));
        }
    }
    text
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Verdict {
    /// The stamp this verdict's fields call for; a verdict whose `stamp` differs was altered.
    pub fn expected_stamp(&self) -> String {
        let mut text = stamp_text(
            self.decision,
            &self.reviewer,
            &self.date,
            &self.comment,
            &self.reviewed,
        );
        if self.errors > 0 {
            text.push_str(&format!("errors: {}\n", self.errors));
        }
        sha256_hex(&text)
    }

    /// This verdict, recording that the plan had `errors` errors when it was given.
    pub fn with_errors(mut self, errors: u32) -> Self {
        self.errors = errors;
        self.stamp = self.expected_stamp();
        self
    }
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
    if now == verdict.reviewed {
        return VerdictState::Current(verdict);
    }
    VerdictState::Changed(
        verdict,
        diff::diff(&as_placement(&verdict.reviewed), &as_placement(&now)),
    )
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

impl Clean for Note {
    fn clean_strings(&mut self) -> usize {
        let on = match &mut self.on {
            NoteTarget::Plan => 0,
            NoteTarget::Term(s) | NoteTarget::Course(s) => s.clean_strings(),
        };
        on + self.text.clean_strings() + self.author.clean_strings() + self.date.clean_strings()
    }
}

impl Clean for Verdict {
    fn clean_strings(&mut self) -> usize {
        let mut n = self.reviewer.clean_strings()
            + self.date.clean_strings()
            + self.comment.clean_strings()
            + self.stamp.clean_strings();
        for term in &mut self.reviewed {
            n += term.name.clean_strings();
            for (code, _) in &mut term.courses {
                n += code.clean_strings();
            }
        }
        n
    }
}
