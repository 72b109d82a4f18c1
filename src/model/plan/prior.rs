//! Prior credit as a plan file holds it: transfer credit, exam credit (AP, IB), recognition
//! of prior learning, earned before the plan's first term. What it counts for is the audit's
//! business (`model::prior`).

use serde::{Deserialize, Serialize};

use crate::model::text::Clean;

/// Where prior credit comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PriorSource {
    /// Courses passed at another institution.
    Transfer,
    /// An exam such as AP or IB.
    Exam,
    /// Recognition of prior learning (work, other study).
    Recognition,
    /// Anything else.
    Other,
}

impl PriorSource {
    /// Lower-case label: "transfer", "exam", "recognition", "other".
    pub fn label(self) -> &'static str {
        match self {
            PriorSource::Transfer => "transfer",
            PriorSource::Exam => "exam",
            PriorSource::Recognition => "recognition",
            PriorSource::Other => "other",
        }
    }
}

/// What an entry of prior credit stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum StandsFor {
    /// A course of the curriculum, by code: it counts as completed before the first term.
    Course(String),
    /// Credits assigned to no course, optionally toward a requirement group (by id) or a
    /// course attribute.
    Credits {
        /// A group id or attribute the credits count toward, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        toward: Option<String>,
    },
}

/// One entry of prior credit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorCredit {
    /// Transfer, exam, recognition or other.
    pub source: PriorSource,
    /// The course it stands for, or unassigned credits.
    pub stands_for: StandsFor,
    /// Credits it is worth.
    pub credits: u32,
    /// The institution, or the exam ("AP Calculus BC").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from: String,
    /// The result there (a grade, an exam score), as written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub result: String,
    /// Anything else worth knowing.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl PriorCredit {
    /// The course code it stands for, if it stands for a course.
    pub fn course(&self) -> Option<&str> {
        match &self.stands_for {
            StandsFor::Course(code) => Some(code),
            StandsFor::Credits { .. } => None,
        }
    }

    /// The entry in one line, for the stamp and for diffs: "transfer BE101 5 credits from
    /// Uni X (B+)".
    pub fn line(&self) -> String {
        let what = match &self.stands_for {
            StandsFor::Course(code) => code.clone(),
            StandsFor::Credits { toward: Some(t) } => format!("unassigned toward {t}"),
            StandsFor::Credits { toward: None } => "unassigned".to_string(),
        };
        let mut line = format!("{} {what} {} credits", self.source.label(), self.credits);
        if !self.from.is_empty() {
            line.push_str(&format!(" from {}", self.from));
        }
        if !self.result.is_empty() {
            line.push_str(&format!(" ({})", self.result));
        }
        if !self.note.is_empty() {
            line.push_str(&format!(": {}", self.note));
        }
        line
    }
}

impl Clean for PriorCredit {
    fn clean_strings(&mut self) -> usize {
        let what = match &mut self.stands_for {
            StandsFor::Course(code) => code.clean_strings(),
            StandsFor::Credits { toward } => toward.clean_strings(),
        };
        what + self.from.clean_strings() + self.result.clean_strings() + self.note.clean_strings()
    }
}
