//! One course of a program: its credits, career weights, requisites and offerings.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::requisite::{Pattern, Req, Years, code_matches};
use super::text::Clean;

/// One course of the program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Course {
    /// Stable short code, e.g. `BE101`.
    pub code: String,
    /// Exact title.
    pub title: String,
    /// Credit value.
    pub credits: u32,
    /// Recommended semester (1-based), or none for courses taken any time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub semester: Option<u32>,
    /// Whether every student must take it (electives are not required).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub required: bool,
    /// Codes of courses to finish in an earlier term.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prerequisites: Vec<String>,
    /// How strongly the course supports each career path (path id to weight, 0 to 5).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub careers: BTreeMap<String, u32>,
    /// Whether the student chooses a career-path focus for this course (a project's topic).
    /// Not serialized, so not part of the content hash: allowing a focus does not make
    /// existing plans report that the curriculum changed.
    #[serde(default, skip_serializing)]
    pub focus: bool,
    /// Path id to the one-line reason written as a comment after its weight.
    #[serde(skip)]
    pub reasons: BTreeMap<String, String>,
    /// The requisite expression; with `prerequisites`, both are needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requires: Option<Req>,
    /// The published requisite, shown as written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub requisite_text: String,
    /// The term kinds it is offered in; empty means every term.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offered: Vec<String>,
    /// The years it runs, when not every year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<Years>,
    /// Most credits, for a course of variable credits (`credits` is then the least).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_credits: Option<u32>,
    /// Codes it gives no credit together with (both ways).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excludes: Vec<String>,
    /// Codes that satisfy its requisites and it theirs (both ways; implies `excludes`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub equivalent: Vec<String>,
    /// Free labels patterns can match, e.g. "gen-ed".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<String>,
    /// Subject, when not the code's leading letters.
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "subject")]
    pub subject_override: Option<String>,
    /// Level, when not the code's first digit after the subject.
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "level")]
    pub level_override: Option<u32>,
}

impl Course {
    /// Whether this course matches every field `pattern` gives.
    pub fn matches(&self, pattern: &Pattern) -> bool {
        pattern
            .subject
            .as_ref()
            .is_none_or(|s| self.subject().eq_ignore_ascii_case(s))
            && pattern.level.is_none_or(|l| self.level() == Some(l))
            && pattern
                .code
                .as_ref()
                .is_none_or(|c| code_matches(c, &self.code))
            && pattern
                .attribute
                .as_ref()
                .is_none_or(|a| self.attributes.contains(a))
    }

    /// The subject: `subject` if given, else the code's leading letters ("COMP3121": "COMP").
    pub fn subject(&self) -> &str {
        match &self.subject_override {
            Some(s) => s,
            None => {
                let end = self
                    .code
                    .find(|c: char| !c.is_ascii_alphabetic())
                    .unwrap_or(self.code.len());
                &self.code[..end]
            }
        }
    }

    /// The level: `level` if given, else the first digit after the subject ("COMP3121": 3).
    pub fn level(&self) -> Option<u32> {
        self.level_override.or_else(|| {
            self.code[self.subject().len().min(self.code.len())..]
                .chars()
                .next()
                .and_then(|c| c.to_digit(10))
        })
    }
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

impl Clean for Course {
    fn clean_strings(&mut self) -> usize {
        let mut changed = self.code.clean_strings()
            + self.title.clean_strings()
            + self.prerequisites.clean_strings()
            + self.requisite_text.clean_strings()
            + self.offered.clean_strings()
            + self.excludes.clean_strings()
            + self.equivalent.clean_strings()
            + self.attributes.clean_strings()
            + self.requires.clean_strings()
            + self.subject_override.clean_strings();
        let mut careers = BTreeMap::new();
        for (mut id, weight) in std::mem::take(&mut self.careers) {
            changed += id.clean_strings();
            careers.insert(id, weight);
        }
        self.careers = careers;
        changed
    }
}
