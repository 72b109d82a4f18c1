//! The advisor's verdict as a plan file holds it, stamped with the content it was given for.
//! When the plan differs from that content is the review rules' business (`model::review`).

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Status;
use crate::model::text::Clean;

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
    /// The plan's prior credit and exceptions as reviewed, one line each (issue 15).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub advising: Vec<String>,
    /// The plan's stream choices and the credits chosen for variable-credit courses as
    /// reviewed, one line each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
    /// SHA-256 of [`stamp_text`] of all the fields above, to tell a hand-edited verdict from
    /// the one the reviewer gave.
    pub stamp: String,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
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
        for line in &self.advising {
            text.push_str(&format!("advising: {line}\n"));
        }
        for line in &self.choices {
            text.push_str(&format!("choice: {line}\n"));
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

impl Clean for Verdict {
    fn clean_strings(&mut self) -> usize {
        let mut n = self.reviewer.clean_strings()
            + self.date.clean_strings()
            + self.comment.clean_strings()
            + self.stamp.clean_strings();
        n += self.advising.clean_strings();
        n += self.choices.clean_strings();
        for term in &mut self.reviewed {
            n += term.name.clean_strings();
            for (code, _) in &mut term.courses {
                n += code.clean_strings();
            }
        }
        n
    }
}
