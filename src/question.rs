//! Yes/no questions the planner asks before an edit that is easy to regret.

use crate::model::{Slot, Status};

/// What `y` does once the question is answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// Take a completed or in-progress course out of the plan.
    Unplan(Slot),
    /// Approve a plan that has errors: ask for the comment next.
    ApproveWithErrors,
    /// Delete a term, unplanning its courses.
    DeleteTerm(usize),
    /// Give every course of a term this status.
    TermStatus {
        /// The term.
        term: usize,
        /// The status.
        status: Status,
    },
    /// Write the report over the one written before.
    OverwriteReport,
    /// Save over a plan file another program changed since the planner read it.
    SaveOverChanges,
}

/// A question and how it is put to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ask {
    /// What a yes does.
    pub question: Question,
    /// The question, in full, e.g. "BE101 is completed (grade A): unplan it?".
    pub text: String,
}

impl Ask {
    /// Asks `text`; a yes does `question`.
    pub fn new(question: Question, text: String) -> Self {
        Ask { question, text }
    }
}
