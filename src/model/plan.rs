//! A student's plan: which courses go into which term, and how far along each one is.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use super::curriculum::{Course, Curriculum};
use super::text::Clean;

mod exception;
mod notes;
mod prior;
mod verdict;

pub use exception::{Exception, ExceptionState, Grant, Warning};
pub use notes::{Note, NoteTarget};
pub use prior::{PriorCredit, PriorSource, StandsFor};
pub use verdict::{Decision, ReviewedTerm, Verdict, stamp_text};

/// The plan file format version this build writes.
pub const PLAN_VERSION: u32 = 3;

/// A student's plan for one curriculum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// File format version, always [`PLAN_VERSION`] once loaded.
    pub version: u32,
    /// The curriculum the plan was made for.
    pub curriculum: CurriculumRef,
    /// The student's name.
    #[serde(default)]
    pub student: String,
    /// The career path the student aims for, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_path: Option<String>,
    /// Terms in order.
    pub terms: Vec<Term>,
    /// The career-path focus chosen for project courses: course code to path id. Only
    /// courses the curriculum marks with `focus: true` take one; other entries are ignored.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub focus: BTreeMap<String, String>,
    /// Advisors' notes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// The advisor's verdict, stamped with the content it was given for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// Courses taken out of every term that had a status beyond planned or a grade: they
    /// are in the unplanned pool, and get both back when placed again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set_aside: Vec<Placement>,
    /// The option chosen for each of the curriculum's streams: stream id to option code,
    /// e.g. "major" to "COMPA1".
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub choices: BTreeMap<String, String>,
    /// Credit earned before the first term: transfer, exams, recognition (issue 15).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prior: Vec<PriorCredit>,
    /// Exceptions to the program's rules, requested or decided (issue 15).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exceptions: Vec<Exception>,
}

/// Which curriculum a plan belongs to: its name and content hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurriculumRef {
    /// The curriculum's name.
    pub name: String,
    /// [`Curriculum::content_hash`] when the plan was made or last saved.
    pub hash: String,
}

/// One term (semester, summer term, ...) and the courses placed in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Display name, e.g. "Semester I" or "Summer 2027".
    pub name: String,
    /// Courses in the order the student arranged them.
    #[serde(default)]
    pub courses: Vec<Placement>,
    /// The term's kind (one of the curriculum's `term_kinds`), when its name does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The calendar year, for courses offered only in some years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

impl Term {
    /// An empty term with this name and no kind or year.
    pub fn named(name: &str) -> Self {
        Term {
            name: name.to_string(),
            courses: Vec::new(),
            kind: None,
            year: None,
        }
    }

    /// The kind of this term in `curriculum`: its own `kind`, else the one term kind its name
    /// holds as a word ("2024 T1" is T1); `None` when there is no kind or more than one.
    pub fn kind_in<'t>(&'t self, curriculum: &'t Curriculum) -> Option<&'t str> {
        if let Some(kind) = &self.kind {
            return Some(kind);
        }
        let words: Vec<&str> = self
            .name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let mut found = curriculum
            .term_kinds
            .iter()
            .filter(|k| words.iter().any(|w| w.eq_ignore_ascii_case(k)));
        match (found.next(), found.next()) {
            (Some(kind), None) => Some(kind),
            _ => None,
        }
    }
}

/// A course placed in a term, with its status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placement {
    /// Course code from the curriculum.
    pub code: String,
    /// How far along the course is.
    pub status: Status,
    /// Grade, for completed courses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// The credits chosen, for a course of variable credits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credits: Option<u32>,
    /// Pinned by the student: the auto-plan never moves it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pinned: bool,
}

/// How far along a placed course is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Intended but not started.
    Planned,
    /// Being taken now.
    InProgress,
    /// Passed.
    Completed,
}

impl Status {
    /// The next status in the planned, in progress, completed cycle.
    pub fn next(self) -> Self {
        match self {
            Status::Planned => Status::InProgress,
            Status::InProgress => Status::Completed,
            Status::Completed => Status::Planned,
        }
    }

    /// Lower-case label, e.g. "in progress".
    pub fn label(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::InProgress => "in progress",
            Status::Completed => "completed",
        }
    }
}

/// Where a placed course is: term index and position in the term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// Index into [`Plan::terms`].
    pub term: usize,
    /// Index into that term's courses.
    pub index: usize,
}

impl Plan {
    /// A new plan following the program's recommended schedule: every course with a
    /// recommended semester is planned in it; the rest start unplanned.
    pub fn recommended(curriculum: &Curriculum, student: &str) -> Self {
        let mut terms: Vec<Term> = curriculum
            .semesters
            .iter()
            .map(|name| Term::named(name))
            .collect();
        for course in &curriculum.courses {
            let term = course
                .semester
                .and_then(|s| s.checked_sub(1))
                .map(|s| s as usize);
            if let Some(term) = term.and_then(|t| terms.get_mut(t)) {
                term.courses.push(Placement::planned(&course.code));
            }
        }
        Plan {
            version: PLAN_VERSION,
            curriculum: CurriculumRef {
                name: curriculum.name.clone(),
                hash: curriculum.content_hash().to_string(),
            },
            student: student.to_string(),
            target_path: None,
            terms,
            focus: BTreeMap::new(),
            notes: Vec::new(),
            verdict: None,
            set_aside: Vec::new(),
            choices: BTreeMap::new(),
            prior: Vec::new(),
            exceptions: Vec::new(),
        }
    }

    /// The placement at `slot`, if it exists.
    pub fn placement(&self, slot: Slot) -> Option<&Placement> {
        self.terms.get(slot.term)?.courses.get(slot.index)
    }

    /// The placement at `slot`, to change it.
    fn placement_mut(&mut self, slot: Slot) -> Option<&mut Placement> {
        self.terms
            .get_mut(slot.term)
            .and_then(|t| t.courses.get_mut(slot.index))
    }

    /// Where the course with `code` is first placed.
    pub fn find(&self, code: &str) -> Option<Slot> {
        self.terms.iter().enumerate().find_map(|(term, t)| {
            let index = t.courses.iter().position(|p| p.code == code)?;
            Some(Slot { term, index })
        })
    }

    /// Codes placed in any term.
    pub fn placed_codes(&self) -> HashSet<&str> {
        self.terms
            .iter()
            .flat_map(|t| &t.courses)
            .map(|p| p.code.as_str())
            .collect()
    }

    /// Curriculum courses placed in no term, in curriculum order: the unplanned pool.
    pub fn unplanned<'c>(&self, curriculum: &'c Curriculum) -> Vec<&'c Course> {
        self.unplanned_indices(curriculum)
            .map(|i| &curriculum.courses[i])
            .collect()
    }

    /// Indices into `curriculum.courses` of the unplanned pool, in curriculum order. Costs
    /// one look-up per placed course, not per course of the program.
    pub fn unplanned_indices(&self, curriculum: &Curriculum) -> impl Iterator<Item = usize> {
        let mut placed = vec![false; curriculum.courses.len()];
        for p in self.terms.iter().flat_map(|t| &t.courses) {
            if let Some(i) = curriculum.course_index(&p.code) {
                placed[i] = true;
            }
        }
        (0..placed.len()).filter(move |&i| !placed[i])
    }

    /// Takes the course at `slot` out of its term (into the unplanned pool).
    pub fn remove(&mut self, slot: Slot) -> Option<Placement> {
        let term = self.terms.get_mut(slot.term)?;
        (slot.index < term.courses.len()).then(|| term.courses.remove(slot.index))
    }

    /// Takes the course at `slot` out of the plan into the unplanned pool, where it keeps its
    /// status and grade (see [`Plan::set_aside`]) for when it is placed again.
    pub fn unplan(&mut self, slot: Slot) -> Option<Placement> {
        let placement = self.remove(slot)?;
        self.set_aside.retain(|p| p.code != placement.code);
        if placement.status != Status::Planned || placement.grade.is_some() {
            self.set_aside.push(placement.clone());
        }
        Some(placement)
    }

    /// Places the unplanned course `code` at the end of `term`, with the status and grade it
    /// had when it was taken out (planned if it had none); returns its slot.
    pub fn place_unplanned(&mut self, term: usize, code: &str) -> Option<Slot> {
        if term >= self.terms.len() {
            return None;
        }
        let placement = match self.set_aside.iter().position(|p| p.code == code) {
            Some(i) => self.set_aside.remove(i),
            None => Placement::planned(code),
        };
        self.place(term, placement)
    }

    /// The status and grade `code` keeps in the unplanned pool, if it keeps any.
    pub fn set_aside_as(&self, code: &str) -> Option<&Placement> {
        self.set_aside.iter().find(|p| p.code == code)
    }

    /// Appends a placement to a term; returns its slot.
    pub fn place(&mut self, term: usize, placement: Placement) -> Option<Slot> {
        let t = self.terms.get_mut(term)?;
        t.courses.push(placement);
        Some(Slot {
            term,
            index: t.courses.len() - 1,
        })
    }

    /// Moves the course at `slot` to the end of term `to`; returns its new slot.
    pub fn move_to(&mut self, slot: Slot, to: usize) -> Option<Slot> {
        if to >= self.terms.len() || self.placement(slot).is_none() {
            return None;
        }
        let placement = self.remove(slot)?;
        self.place(to, placement)
    }

    /// Sets the next status on the course at `slot`; a grade only survives on completed courses.
    pub fn cycle_status(&mut self, slot: Slot) -> Option<Status> {
        let p = self.terms.get_mut(slot.term)?.courses.get_mut(slot.index)?;
        p.status = p.status.next();
        if p.status != Status::Completed {
            p.grade = None;
        }
        Some(p.status)
    }

    /// Pins or unpins the course at `slot` (the auto-plan never moves a pinned course);
    /// returns whether it is pinned now, or `None` when there is no course there.
    pub fn toggle_pin(&mut self, slot: Slot) -> Option<bool> {
        let p = self.terms.get_mut(slot.term)?.courses.get_mut(slot.index)?;
        p.pinned = !p.pinned;
        Some(p.pinned)
    }

    /// Sets or clears the grade of a completed course. Returns false if the course is not
    /// completed.
    pub fn set_grade(&mut self, slot: Slot, grade: Option<String>) -> bool {
        let Some(p) = self.placement_mut(slot) else {
            return false;
        };
        if p.status != Status::Completed {
            return false;
        }
        p.grade = grade.filter(|g| !g.trim().is_empty());
        true
    }

    /// Records the credits chosen for the course at `slot` (a course of variable credits;
    /// `None` takes its least). Reports whether the plan changed.
    pub fn set_credits(&mut self, slot: Slot, credits: Option<u32>) -> bool {
        let Some(p) = self.placement_mut(slot) else {
            return false;
        };
        let changed = p.credits != credits;
        p.credits = credits;
        changed
    }

    /// Inserts an empty term at `at` (clamped to the end).
    pub fn add_term(&mut self, at: usize, name: &str) -> usize {
        let at = at.min(self.terms.len());
        self.terms.insert(at, Term::named(name));
        at
    }

    /// Renames a term.
    pub fn rename_term(&mut self, term: usize, name: &str) -> bool {
        match self.terms.get_mut(term) {
            Some(t) => {
                t.name = name.to_string();
                true
            }
            None => false,
        }
    }

    /// Removes a term if it is empty. Returns false (and changes nothing) otherwise.
    pub fn remove_term(&mut self, term: usize) -> bool {
        if self.terms.get(term).is_some_and(|t| t.courses.is_empty()) {
            self.terms.remove(term);
            true
        } else {
            false
        }
    }

    /// A name for a new term inserted after `term`, that no term has: after the last term,
    /// the next in its series ("Semester V" after "Semester IV", "Year 3" after "Year 2");
    /// between two terms, "Summer after Semester II"; otherwise [`Plan::fresh_term_name`].
    pub fn term_name_after(&self, term: usize) -> String {
        let unused = |name: &String| self.terms.iter().all(|t| &t.name != name);
        let Some(current) = self.terms.get(term) else {
            return self.fresh_term_name();
        };
        let next_in_series = (term + 1 == self.terms.len())
            .then(|| next_in_series(&current.name))
            .flatten();
        next_in_series
            .into_iter()
            .chain([format!("Summer after {}", current.name)])
            .find(unused)
            .unwrap_or_else(|| self.fresh_term_name())
    }

    /// Whether a term other than `except` is called `name` (ignoring case and outer spaces).
    pub fn has_term_named(&self, name: &str, except: Option<usize>) -> bool {
        let name = name.trim().to_lowercase();
        self.terms
            .iter()
            .enumerate()
            .any(|(i, t)| Some(i) != except && t.name.trim().to_lowercase() == name)
    }

    /// Gives every course of `term` `status`; grades stay only on completed courses.
    /// Returns false if there is no such term.
    pub fn set_term_status(&mut self, term: usize, status: Status) -> bool {
        let Some(t) = self.terms.get_mut(term) else {
            return false;
        };
        for p in &mut t.courses {
            p.status = status;
            if status != Status::Completed {
                p.grade = None;
            }
        }
        true
    }

    /// Unplans every course of `term` (keeping their statuses and grades in the pool), then
    /// removes the term. Returns false (and changes nothing) if there is no such term.
    pub fn remove_term_unplanning(&mut self, term: usize) -> bool {
        let Some(count) = self.terms.get(term).map(|t| t.courses.len()) else {
            return false;
        };
        for _ in 0..count {
            self.unplan(Slot { term, index: 0 });
        }
        self.remove_term(term)
    }

    /// A name for a new term that no existing term has: "Term 5", "Term 6", ...
    pub fn fresh_term_name(&self) -> String {
        (self.terms.len() + 1..)
            .map(|n| format!("Term {n}"))
            .find(|name| self.terms.iter().all(|t| &t.name != name))
            .unwrap_or_default()
    }
}

/// Roman numerals for the numbers a series of terms runs to.
const ROMAN: [&str; 20] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
    "XVI", "XVII", "XVIII", "XIX", "XX",
];

/// The name after `name` in its series: "Semester IV" -> "Semester V", "Year 2" -> "Year 3".
fn next_in_series(name: &str) -> Option<String> {
    let (prefix, last) = name.trim().rsplit_once(' ')?;
    let next = match last.parse::<u32>() {
        Ok(n) => (n + 1).to_string(),
        Err(_) => {
            let i = ROMAN.iter().position(|r| *r == last)?;
            ROMAN.get(i + 1)?.to_string()
        }
    };
    Some(format!("{prefix} {next}"))
}

impl Placement {
    /// The credits this placement of `course` earns: its recorded choice for a course of
    /// variable credits, else the course's credits.
    pub fn credits_of(&self, course: &Course) -> u32 {
        match (course.max_credits, self.credits) {
            (Some(_), Some(chosen)) => chosen,
            _ => course.credits,
        }
    }

    /// A planned placement of `code` with no grade.
    pub fn planned(code: &str) -> Self {
        Placement {
            code: code.to_string(),
            status: Status::Planned,
            grade: None,
            credits: None,
            pinned: false,
        }
    }
}

impl Clean for Plan {
    fn clean_strings(&mut self) -> usize {
        self.curriculum.name.clean_strings()
            + self.curriculum.hash.clean_strings()
            + self.student.clean_strings()
            + self.target_path.clean_strings()
            + self.terms.clean_strings()
            + clean_focus(&mut self.focus)
            + self.notes.clean_strings()
            + self.verdict.clean_strings()
            + self.set_aside.clean_strings()
            + clean_focus(&mut self.choices)
            + self.prior.clean_strings()
            + self.exceptions.clean_strings()
    }
}

/// Cleans the keys and values of a string map (the focus, the choices).
fn clean_focus(focus: &mut BTreeMap<String, String>) -> usize {
    let mut changed = 0;
    let mut cleaned = BTreeMap::new();
    for (mut code, mut path) in std::mem::take(focus) {
        changed += code.clean_strings() + path.clean_strings();
        cleaned.insert(code, path);
    }
    *focus = cleaned;
    changed
}

impl Clean for Term {
    fn clean_strings(&mut self) -> usize {
        self.name.clean_strings() + self.courses.clean_strings() + self.kind.clean_strings()
    }
}

impl Clean for Placement {
    fn clean_strings(&mut self) -> usize {
        self.code.clean_strings() + self.grade.clean_strings()
    }
}
