//! Exceptions as a plan file holds them: a waiver, substitution, extra allowance,
//! acknowledged warning or changed limit, with its reason, author, date and state. Which
//! problem each answers, and who may decide, is `model::exceptions`' business.

use serde::{Deserialize, Serialize};

use crate::model::text::Clean;

/// A warning an advisor can acknowledge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Warning {
    /// A term over the load limit, by term name.
    OverLoad(String),
    /// A course placed in a term it is not offered in, by code.
    NotOffered(String),
    /// A course that needs permission: "permission granted".
    Permission(String),
}

/// What an exception does, and to what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Grant {
    /// Waive a requirement group, by id.
    WaiveGroup(String),
    /// Waive the requisites of a course, by code.
    WaiveRequisite(String),
    /// `by` stands in for `course`, wherever the plan needs `course`.
    Substitute {
        /// The course the curriculum asks for.
        course: String,
        /// The course taken instead.
        by: String,
    },
    /// `course` counts toward the group `group` (by id) too.
    AlsoAllow {
        /// The course.
        course: String,
        /// The group's id.
        group: String,
    },
    /// A warning is acknowledged.
    Acknowledge(Warning),
    /// A group's minimum (credits or courses, in its own unit) is lowered to `to`.
    GroupMinimum {
        /// The group's id.
        group: String,
        /// The minimum in force.
        to: u32,
    },
    /// The load limit of one term (by name) is raised to `to` credits.
    TermLoad {
        /// The term's name.
        term: String,
        /// The limit in force for that term.
        to: u32,
    },
}

impl Grant {
    /// The kind in one word: "waive", "substitute", "also-allow", "acknowledge",
    /// "change-limit".
    pub fn kind(&self) -> &'static str {
        match self {
            Grant::WaiveGroup(_) | Grant::WaiveRequisite(_) => "waive",
            Grant::Substitute { .. } => "substitute",
            Grant::AlsoAllow { .. } => "also-allow",
            Grant::Acknowledge(_) => "acknowledge",
            Grant::GroupMinimum { .. } | Grant::TermLoad { .. } => "change-limit",
        }
    }

    /// What it does, in words: "waive the requisites of BE201".
    pub fn describe(&self) -> String {
        match self {
            Grant::WaiveGroup(g) => format!("waive group {g}"),
            Grant::WaiveRequisite(c) => format!("waive the requisites of {c}"),
            Grant::Substitute { course, by } => format!("{by} substitutes for {course}"),
            Grant::AlsoAllow { course, group } => format!("{course} also counts toward {group}"),
            Grant::Acknowledge(Warning::OverLoad(t)) => format!("acknowledge the load of {t}"),
            Grant::Acknowledge(Warning::NotOffered(c)) => {
                format!("acknowledge that {c} is not offered then")
            }
            Grant::Acknowledge(Warning::Permission(c)) => {
                format!("permission granted for {c}")
            }
            Grant::GroupMinimum { group, to } => format!("group {group} needs only {to}"),
            Grant::TermLoad { term, to } => format!("{term} may carry {to} credits"),
        }
    }
}

/// Where an exception stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExceptionState {
    /// Asked for, not decided.
    Requested,
    /// Granted by a reviewer (name, YYYY-MM-DD).
    Granted {
        /// The reviewer.
        by: String,
        /// When.
        date: String,
    },
    /// Refused by a reviewer (name, YYYY-MM-DD).
    Refused {
        /// The reviewer.
        by: String,
        /// When.
        date: String,
    },
}

impl ExceptionState {
    /// "requested", "granted" or "refused".
    pub fn label(&self) -> &'static str {
        match self {
            ExceptionState::Requested => "requested",
            ExceptionState::Granted { .. } => "granted",
            ExceptionState::Refused { .. } => "refused",
        }
    }
}

/// One exception to the program's rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exception {
    /// What it does, and to what.
    pub grant: Grant,
    /// Why; never empty.
    pub reason: String,
    /// Who asked for it.
    pub author: String,
    /// When it was asked for, as YYYY-MM-DD.
    pub date: String,
    /// Requested, granted or refused.
    pub state: ExceptionState,
}

impl Exception {
    /// Whether it is granted (only then does the audit count what it answers as met).
    pub fn granted(&self) -> bool {
        matches!(self.state, ExceptionState::Granted { .. })
    }

    /// The exception in one line, for the stamp and for diffs.
    pub fn line(&self) -> String {
        let state = match &self.state {
            ExceptionState::Requested => "requested".to_string(),
            ExceptionState::Granted { by, date } => format!("granted by {by} on {date}"),
            ExceptionState::Refused { by, date } => format!("refused by {by} on {date}"),
        };
        format!(
            "{}: {} (asked by {} on {}, {state})",
            self.grant.describe(),
            self.reason,
            self.author,
            self.date
        )
    }
}

impl Clean for Exception {
    fn clean_strings(&mut self) -> usize {
        let target = match &mut self.grant {
            Grant::WaiveGroup(s)
            | Grant::WaiveRequisite(s)
            | Grant::Acknowledge(Warning::OverLoad(s) | Warning::NotOffered(s))
            | Grant::Acknowledge(Warning::Permission(s)) => s.clean_strings(),
            Grant::Substitute { course, by } => course.clean_strings() + by.clean_strings(),
            Grant::AlsoAllow { course, group } => course.clean_strings() + group.clean_strings(),
            Grant::GroupMinimum { group, .. } => group.clean_strings(),
            Grant::TermLoad { term, .. } => term.clean_strings(),
        };
        let state = match &mut self.state {
            ExceptionState::Requested => 0,
            ExceptionState::Granted { by, date } | ExceptionState::Refused { by, date } => {
                by.clean_strings() + date.clean_strings()
            }
        };
        target
            + state
            + self.reason.clean_strings()
            + self.author.clean_strings()
            + self.date.clean_strings()
    }
}
