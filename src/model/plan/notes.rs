//! Advisor notes as a plan file holds them: on the plan, a term or a course.

use serde::{Deserialize, Serialize};

use crate::model::text::Clean;

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

impl Clean for Note {
    fn clean_strings(&mut self) -> usize {
        let on = match &mut self.on {
            NoteTarget::Plan => 0,
            NoteTarget::Term(s) | NoteTarget::Course(s) => s.clean_strings(),
        };
        on + self.text.clean_strings() + self.author.clean_strings() + self.date.clean_strings()
    }
}
