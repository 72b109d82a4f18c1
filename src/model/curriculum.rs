//! The program of study: courses, semesters, career paths and elective groups.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::text::Clean;

/// A whole degree program as read from a curriculum RON file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Curriculum {
    /// The program's name, e.g. "Backend Engineering".
    pub name: String,
    /// Credits needed for the degree.
    pub degree_credits: u32,
    /// Most credits a student should take in one term, if the program sets a limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_term_credits: Option<u32>,
    /// The recommended semesters, in order; courses refer to them by 1-based number.
    pub semesters: Vec<String>,
    /// Career paths the planner scores plans against.
    pub paths: Vec<CareerPath>,
    /// Every course of the program.
    pub courses: Vec<Course>,
    /// "Choose at least N credits from these courses" groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub electives: Vec<ElectiveGroup>,
    /// Course code to index into `courses`, built by [`Curriculum::prepare`].
    #[serde(skip)]
    index: HashMap<String, usize>,
    /// Content hash, computed by [`Curriculum::prepare`].
    #[serde(skip)]
    hash: String,
}

/// A career path graduates can grow into.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CareerPath {
    /// Stable identifier used by course weights and plans, e.g. `devops`.
    pub id: String,
    /// Display name, e.g. "DevOps Engineer".
    pub name: String,
    /// One letter shown beside the courses that support this path.
    pub mark: char,
    /// What the role is about, in one sentence.
    #[serde(default)]
    pub about: String,
}

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
    /// Path id to the one-line reason written as a comment after its weight.
    #[serde(skip)]
    pub reasons: BTreeMap<String, String>,
}

/// Elective group: at least `min_credits` from `courses`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElectiveGroup {
    /// Name shown in problems, e.g. "Specialisation electives".
    pub name: String,
    /// Credits the student must take from the group.
    pub min_credits: u32,
    /// Course codes in the group.
    pub courses: Vec<String>,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

impl Curriculum {
    /// Builds the code index and the content hash; the loader calls it once after parsing,
    /// and anything that changes the curriculum must call it again.
    pub fn prepare(&mut self) {
        self.index = HashMap::with_capacity(self.courses.len());
        for (i, course) in self.courses.iter().enumerate() {
            self.index.entry(course.code.clone()).or_insert(i);
        }
        let canonical = ron::to_string(self).unwrap_or_default();
        let digest = Sha256::digest(canonical.as_bytes());
        self.hash = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    }

    /// The course with this code, if any.
    pub fn course(&self, code: &str) -> Option<&Course> {
        self.course_index(code).map(|i| &self.courses[i])
    }

    /// Index into `courses` of the course with this code (the first, if codes repeat).
    pub fn course_index(&self, code: &str) -> Option<usize> {
        self.index.get(code).copied()
    }

    /// The career path with this id.
    pub fn path(&self, id: &str) -> Option<&CareerPath> {
        self.paths.iter().find(|p| p.id == id)
    }

    /// Name of the 1-based recommended semester, or "any term".
    pub fn semester_name(&self, semester: Option<u32>) -> &str {
        semester
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| self.semesters.get(i as usize))
            .map_or("any term", String::as_str)
    }

    /// A short hash of the program's content (not its formatting or comments), so a plan can
    /// tell when the curriculum it was made for has changed.
    pub fn content_hash(&self) -> &str {
        &self.hash
    }
}

impl Clean for Curriculum {
    fn clean_strings(&mut self) -> usize {
        self.name.clean_strings()
            + self.semesters.clean_strings()
            + self.paths.clean_strings()
            + self.courses.clean_strings()
            + self.electives.clean_strings()
    }
}

impl Clean for CareerPath {
    fn clean_strings(&mut self) -> usize {
        let mark_was_unsafe = super::text::is_unsafe(self.mark);
        if mark_was_unsafe {
            self.mark = '?';
        }
        self.id.clean_strings()
            + self.name.clean_strings()
            + self.about.clean_strings()
            + usize::from(mark_was_unsafe)
    }
}

impl Clean for Course {
    fn clean_strings(&mut self) -> usize {
        let mut changed = self.code.clean_strings()
            + self.title.clean_strings()
            + self.prerequisites.clean_strings();
        let mut careers = BTreeMap::new();
        for (mut id, weight) in std::mem::take(&mut self.careers) {
            changed += id.clean_strings();
            careers.insert(id, weight);
        }
        self.careers = careers;
        changed
    }
}

impl Clean for ElectiveGroup {
    fn clean_strings(&mut self) -> usize {
        self.name.clean_strings() + self.courses.clean_strings()
    }
}
