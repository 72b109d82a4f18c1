//! The program of study: courses, semesters, career paths and elective groups.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use super::course::Course;
use super::groups::{Catalog, Group, Index, Limit, Stream};
use super::links::Links;
use super::text::Clean;

/// A whole degree program as read from a curriculum RON file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Curriculum {
    /// The program's name, e.g. "Backend Engineering".
    pub name: String,
    /// The program's code, compared with `enrolled(program: ..)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Program families it belongs to, compared with `enrolled(family: ..)`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub families: Vec<String>,
    /// Credits needed for the degree.
    pub degree_credits: u32,
    /// Most credits a student should take in one term, if the program sets a limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_term_credits: Option<u32>,
    /// The recommended semesters, in order; courses refer to them by 1-based number.
    pub semesters: Vec<String>,
    /// The kinds of term a course can be offered in (e.g. "T1", "autumn").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub term_kinds: Vec<String>,
    /// Letter grades and the least mark each stands for, so `grade(.., 65)` can read them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grade_scale: Vec<(String, u32)>,
    /// Codes known to exist outside this catalog (retired, other faculties): requisites
    /// may name them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outside: Vec<String>,
    /// Career paths the planner scores plans against.
    pub paths: Vec<CareerPath>,
    /// Every course of the program.
    pub courses: Vec<Course>,
    /// "Choose at least N credits from these courses" groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub electives: Vec<ElectiveGroup>,
    /// The requirement-group tree (resolved in `groups`, assigned to a plan in `requirements`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<Group>,
    /// Program-wide caps, e.g. at most 60 credits of level 1.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub limits: Vec<Limit>,
    /// Choices the plan makes: one major, an optional minor.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub streams: Vec<Stream>,
    /// What prior credit may stand for, and how much counts (issue 15); any, without a cap,
    /// when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior_credit: Option<PriorRules>,
    /// The grade scale: what each grade is worth, which fail, which attempt of a repeat
    /// counts (issue 15); the planner's A-F scale when absent (`model::gpa`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grades: Option<super::grade::GradeScale>,
    /// Course code to index into `courses`, built by [`Curriculum::prepare`].
    #[serde(skip)]
    index: foldhash::HashMap<String, usize>,
    /// Content hash, computed by [`Curriculum::prepare`].
    #[serde(skip)]
    hash: String,
    /// Facts about the whole program that screens and audits need often, computed once by
    /// [`Curriculum::prepare`] so that nothing per frame or per plan walks every course.
    #[serde(skip)]
    derived: Derived,
    /// Equivalences and exclusions, built by [`Curriculum::prepare`].
    #[serde(skip)]
    links: Links,
    /// Each course's eligible groups and limits, built by [`Curriculum::prepare`].
    #[serde(skip)]
    groups: Index,
}

/// See [`Curriculum::derived`](Curriculum).
#[derive(Debug, Clone, Default, PartialEq)]
struct Derived {
    /// Longest course code, in characters.
    code_width: usize,
    /// Largest career weight.
    max_weight: u32,
    /// Per course: code and title in lower case, one per line, for the filter.
    search: Vec<String>,
    /// Per path: the sum of its weights over all courses.
    path_totals: Vec<u32>,
    /// Per path: see [`Curriculum::elective_best`].
    elective_best: Vec<u32>,
    /// Per path: the courses that support it, strongest first, then by recommended
    /// semester, then in curriculum order.
    by_weight: Vec<Vec<usize>>,
    /// Per course: the elective groups it belongs to.
    groups_of: Vec<Vec<usize>>,
    /// Whether every course is required.
    all_required: bool,
    /// Indices of the required courses, in curriculum order.
    required: Vec<usize>,
    /// Indices of the courses that take a project focus, in curriculum order.
    focusable: Vec<usize>,
}

/// The program's rules for prior credit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorRules {
    /// At most this many credits of prior credit count toward the degree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_credits: Option<u32>,
    /// Course codes and group ids that must be taken here: prior credit never stands for
    /// those courses, nor fills those groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taken_here: Vec<String>,
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

impl Curriculum {
    /// Builds the code index and the content hash; anything that changes the curriculum
    /// must call it again.
    pub fn prepare(&mut self) {
        let hash = self.content_hash_now();
        self.prepare_with_hash(hash);
    }

    /// The content hash of the curriculum as it is now: the first 8 bytes, in hex, of the
    /// SHA-256 of its canonical RON (no formatting, no comments, no derived fields).
    /// [`Curriculum::prepare`] computes it; the loader computes it beside validation.
    pub fn content_hash_now(&self) -> String {
        let canonical = ron::to_string(self).unwrap_or_default();
        let digest = Sha256::digest(canonical.as_bytes());
        digest[..8].iter().map(|b| format!("{b:02x}")).collect()
    }

    /// [`Curriculum::prepare`] with `hash` already computed by
    /// [`Curriculum::content_hash_now`] on this same content.
    pub fn prepare_with_hash(&mut self, hash: String) {
        self.index =
            foldhash::HashMap::with_capacity_and_hasher(self.courses.len(), Default::default());
        for (i, course) in self.courses.iter().enumerate() {
            self.index.entry(course.code.clone()).or_insert(i);
        }
        self.hash = hash;
        self.derived = Derived::new(self);
        self.links = Links::new(
            self.courses.iter().map(|c| {
                (
                    c.code.as_str(),
                    c.equivalent.as_slice(),
                    c.excludes.as_slice(),
                )
            }),
            &self.outside,
        );
        self.groups = self.resolve_groups();
    }

    /// The requirement groups resolved against the catalog now (`prepare` keeps the result
    /// in [`Curriculum::requirement_index`]).
    pub fn resolve_groups(&self) -> Index {
        let catalog = Catalog {
            courses: &self.courses,
            position: &self.index,
        };
        Index::new(&catalog, &self.requirements, &self.streams, &self.limits)
    }

    /// The requirement groups resolved against the catalog.
    pub fn requirement_index(&self) -> &Index {
        &self.groups
    }

    /// Whether `grade` is a letter of the curriculum's own `grade_scale`.
    pub fn on_own_scale(&self, grade: &str) -> bool {
        self.grade_scale
            .iter()
            .any(|(letter, _)| letter.eq_ignore_ascii_case(grade.trim()))
            || self
                .grades
                .as_ref()
                .is_some_and(|s| s.mark(grade).is_some())
    }

    /// Equivalences and exclusions between codes.
    pub fn links(&self) -> &Links {
        &self.links
    }

    /// Characters in the longest course code.
    pub fn code_width(&self) -> usize {
        self.derived.code_width
    }

    /// The largest career weight any course gives.
    pub fn max_weight(&self) -> u32 {
        self.derived.max_weight
    }

    /// Whether the course at `index` has `needle` (a searcher for lower-case text) in its
    /// code or title, ignoring case. The searcher is built once for a whole list: the filter
    /// runs over every title of a catalog on each key.
    pub fn course_matches(&self, index: usize, needle: &memchr::memmem::Finder) -> bool {
        self.derived
            .search
            .get(index)
            .is_some_and(|key| needle.find(key.as_bytes()).is_some())
    }

    /// The sum of the path's weights over every course (`path` indexes `paths`).
    pub fn path_total(&self, path: usize) -> u32 {
        self.derived.path_totals.get(path).copied().unwrap_or(0)
    }

    /// The most weight the electives can give the path within the credits the degree leaves
    /// after its required courses: the electives of most weight per credit first, each that
    /// still fits (all of them, when they all fit, as in a small program). A catalog's
    /// thousands of electives are not all a plan's to take, so this is what a plan's
    /// electives are measured against. 0 when no elective supports the path.
    pub fn elective_best(&self, path: usize) -> u32 {
        self.derived.elective_best.get(path).copied().unwrap_or(0)
    }

    /// The highest weight any course gives `path` (0 when none supports it).
    pub fn top_weight(&self, path: usize) -> u32 {
        let id = self.paths.get(path).map(|p| p.id.as_str());
        self.strongest_for(path)
            .first()
            .and_then(|&i| self.courses[i].careers.get(id?))
            .copied()
            .unwrap_or(0)
    }

    /// Indices of the courses whose focus the student chooses, in curriculum order.
    pub fn focus_courses(&self) -> &[usize] {
        &self.derived.focusable
    }

    /// Whether every course of the program is required: its students choose no courses.
    pub fn all_required(&self) -> bool {
        self.derived.all_required
    }

    /// Indices of the required courses, in curriculum order: an audit checks these without
    /// walking the whole catalog.
    pub fn required_courses(&self) -> &[usize] {
        &self.derived.required
    }

    /// Indices of the courses that support `path`, strongest first, then by recommended
    /// semester (courses for any term last), then in curriculum order.
    pub fn strongest_for(&self, path: usize) -> &[usize] {
        self.derived.by_weight.get(path).map_or(&[], Vec::as_slice)
    }

    /// Indices into `electives` of the groups the course at `index` counts toward.
    pub fn groups_of(&self, index: usize) -> &[usize] {
        self.derived.groups_of.get(index).map_or(&[], Vec::as_slice)
    }

    /// Index into `paths` of the path with this id.
    pub fn path_index(&self, id: &str) -> Option<usize> {
        self.paths.iter().position(|p| p.id == id)
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

    /// A plan's target path as shown in a change: its name, its id when the curriculum has
    /// no such path, or "none".
    pub fn target_name(&self, target: Option<&str>) -> String {
        match target {
            None => "none".to_string(),
            Some(id) => self
                .path(id)
                .map_or_else(|| id.to_string(), |p| p.name.clone()),
        }
    }

    /// Name of the 1-based recommended semester, or "any term".
    pub fn semester_name(&self, semester: Option<u32>) -> &str {
        semester
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| self.semesters.get(i as usize))
            .map_or("any term", String::as_str)
    }

    /// The credits of the required courses together (wide enough for any file's values).
    pub fn required_credits(&self) -> u64 {
        self.courses
            .iter()
            .filter(|x| x.required)
            .map(|x| u64::from(x.credits))
            .sum()
    }

    /// A short hash of the program's content (not its formatting or comments), so a plan can
    /// tell when the curriculum it was made for has changed.
    pub fn content_hash(&self) -> &str {
        &self.hash
    }
}

/// Credits the degree leaves for electives: its total less its required courses'.
fn elective_credits(c: &Curriculum) -> u32 {
    let left = u64::from(c.degree_credits).saturating_sub(c.required_credits());
    u32::try_from(left).unwrap_or(u32::MAX)
}

/// The weight of the `(weight, credits)` items taken by most weight per credit first (those of
/// no credits before all), each that still fits in `budget` credits.
fn best_weight(mut items: Vec<(u32, u32)>, budget: u32) -> u32 {
    // w1/c1 > w2/c2 as w1*c2 > w2*c1, so credits of 0 come first; ties keep the lighter.
    items.sort_by(|&(w1, c1), &(w2, c2)| {
        (u64::from(w2) * u64::from(c1))
            .cmp(&(u64::from(w1) * u64::from(c2)))
            .then(c1.cmp(&c2))
    });
    let mut left = budget;
    let mut best = 0u32;
    for (weight, credits) in items {
        if credits <= left {
            left -= credits;
            best = best.saturating_add(weight);
        }
    }
    best
}

impl Derived {
    fn new(c: &Curriculum) -> Self {
        let mut path_totals = vec![0; c.paths.len()];
        let budget = elective_credits(c);
        // (weight, credits) per path of each elective that supports it.
        let mut electives: Vec<Vec<(u32, u32)>> = vec![Vec::new(); c.paths.len()];
        // (strongest first, recommended semester, curriculum order) per supporting course.
        type Rank = (std::cmp::Reverse<u32>, u32, usize);
        let mut ranks: Vec<Vec<Rank>> = vec![Vec::new(); c.paths.len()];
        for (i, course) in c.courses.iter().enumerate() {
            for (id, &weight) in &course.careers {
                if let Some(p) = c.path_index(id) {
                    path_totals[p] += weight;
                    if weight > 0 {
                        let semester = course.semester.unwrap_or(u32::MAX);
                        ranks[p].push((std::cmp::Reverse(weight), semester, i));
                        if !course.required {
                            electives[p].push((weight, course.credits));
                        }
                    }
                }
            }
        }
        let by_weight = ranks
            .into_iter()
            .map(|mut r| {
                r.sort_unstable();
                r.into_iter().map(|(_, _, i)| i).collect()
            })
            .collect();
        let mut groups_of = vec![Vec::new(); c.courses.len()];
        for (g, group) in c.electives.iter().enumerate() {
            for code in &group.courses {
                if let Some(i) = c.course_index(code)
                    && !groups_of[i].contains(&g)
                {
                    groups_of[i].push(g);
                }
            }
        }
        Derived {
            code_width: c
                .courses
                .iter()
                .map(|x| x.code.chars().count())
                .max()
                .unwrap_or(0),
            max_weight: c
                .courses
                .iter()
                .flat_map(|x| x.careers.values())
                .copied()
                .max()
                .unwrap_or(0),
            search: c
                .courses
                .iter()
                .map(|x| format!("{}\n{}", x.code, x.title).to_lowercase())
                .collect(),
            path_totals,
            elective_best: electives
                .into_iter()
                .map(|e| best_weight(e, budget))
                .collect(),
            by_weight,
            groups_of,
            all_required: c.courses.iter().all(|x| x.required),
            required: (0..c.courses.len())
                .filter(|&i| c.courses[i].required)
                .collect(),
            focusable: (0..c.courses.len())
                .filter(|&i| c.courses[i].focus)
                .collect(),
        }
    }
}

impl Clean for Curriculum {
    fn clean_strings(&mut self) -> usize {
        self.name.clean_strings()
            + self.semesters.clean_strings()
            + self.paths.clean_strings()
            + self.courses.clean_strings()
            + self.electives.clean_strings()
            + self.requirements.clean_strings()
            + self.limits.clean_strings()
            + self.streams.clean_strings()
            + self.code.clean_strings()
            + self.families.clean_strings()
            + self.term_kinds.clean_strings()
            + self.outside.clean_strings()
            + self
                .grade_scale
                .iter_mut()
                .map(|(letter, _)| letter.clean_strings())
                .sum::<usize>()
            + self
                .prior_credit
                .as_mut()
                .map_or(0, |r| r.taken_here.clean_strings())
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

impl Clean for ElectiveGroup {
    fn clean_strings(&mut self) -> usize {
        self.name.clean_strings() + self.courses.clean_strings()
    }
}
