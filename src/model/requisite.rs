//! Requisites as expressions (issue 14): what a course needs before (or alongside) it, and
//! how a plan meets it at a term, in three values: met, unmet, or unknown (a person decides).
//!
//! The expression is the course's `requires`; the older `prerequisites: [..]` list stays and
//! is checked as it always was, so a course with both needs both.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::curriculum::{Course, Curriculum};
use super::grade;
use super::plan::Plan;
use super::text::Clean;

/// A requisite expression, written in RON as `all([course("A"), any([..])])` and so on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Req {
    /// Every part is needed.
    All(Vec<Req>),
    /// One part is enough.
    Any(Vec<Req>),
    /// The course (or an equivalent) is placed in an earlier term.
    Course(String),
    /// The course is placed in an earlier term with at least this grade.
    Grade(String, MinGrade),
    /// The parts may be met in the same term or earlier.
    Coreq(Box<Req>),
    /// At least `min` credits placed in earlier terms, of courses matching any of `of`
    /// (every course when `of` is empty).
    Credits {
        min: u32,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        of: Vec<Pattern>,
    },
    /// A weighted average mark of at least `min`: a plan cannot tell, so a person checks.
    Wam {
        min: u32,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        of: Vec<Pattern>,
    },
    /// Enrolled in a program (the curriculum's `code`), a family (its `families`) or a
    /// stream (the plan's `choices`): exactly one of the three.
    Enrolled {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        program: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        family: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        stream: Option<String>,
    },
    /// Not enrolled in that program, family or stream.
    NotEnrolled {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        program: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        family: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        stream: Option<String>,
    },
    /// Permission of someone (an advisor may grant it; until then, a warning).
    Permission(String),
    /// A condition only a person can judge, e.g. "good academic standing".
    Manual(String),
}

/// What an `enrolled(..)` or `not_enrolled(..)` leaf names: valid with exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Enrolment<'r> {
    /// A program code.
    pub program: Option<&'r str>,
    /// A program family.
    pub family: Option<&'r str>,
    /// A stream (major, minor, specialisation).
    pub stream: Option<&'r str>,
}

/// The least grade a `grade(..)` leaf accepts: a mark from 0 to 100 (read through the
/// curriculum's `grade_scale`) or a letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum MinGrade {
    /// A mark, 0 to 100.
    Mark(u32),
    /// A grade as written, e.g. "B" or "CR".
    Letter(String),
}

/// Courses by subject, level, code (with `#` for one digit) and attribute: each given field
/// must match; `()` matches every course.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pattern {
    /// Subject, e.g. "COMP".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Level, e.g. 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u32>,
    /// A code, where `#` stands for any one digit: "MATH58##".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// An attribute the course carries, e.g. "gen-ed".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute: Option<String>,
}

impl Pattern {
    /// Whether `course` matches every field this pattern gives.
    pub fn matches(&self, course: &Course) -> bool {
        self.subject
            .as_ref()
            .is_none_or(|s| course.subject().eq_ignore_ascii_case(s))
            && self.level.is_none_or(|l| course.level() == Some(l))
            && self
                .code
                .as_ref()
                .is_none_or(|c| code_matches(c, &course.code))
            && self
                .attribute
                .as_ref()
                .is_none_or(|a| course.attributes.contains(a))
    }

    /// The pattern in words: "level-2 MATH", "code MATH58##", "attribute gen-ed", "any".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(l) = self.level {
            parts.push(format!("level-{l}"));
        }
        if let Some(s) = &self.subject {
            parts.push(s.clone());
        }
        if let Some(c) = &self.code {
            parts.push(format!("code {c}"));
        }
        if let Some(a) = &self.attribute {
            parts.push(format!("attribute {a}"));
        }
        if parts.is_empty() {
            "any".into()
        } else {
            parts.join(" ")
        }
    }
}

/// Whether `code` fits `pattern`, where `#` in the pattern stands for one ASCII digit.
pub fn code_matches(pattern: &str, code: &str) -> bool {
    pattern.chars().count() == code.chars().count()
        && pattern.chars().zip(code.chars()).all(|(p, c)| match p {
            '#' => c.is_ascii_digit(),
            _ => p.eq_ignore_ascii_case(&c),
        })
}

/// Alternate-year offerings, checked against a term's `year`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Years {
    /// Odd-numbered years.
    Odd,
    /// Even-numbered years.
    Even,
    /// Every `n` years starting at `from`.
    Every { n: u32, from: i32 },
}

impl Years {
    /// Whether the course runs in `year`.
    pub fn includes(&self, year: i32) -> bool {
        match self {
            Years::Odd => year.rem_euclid(2) == 1,
            Years::Even => year.rem_euclid(2) == 0,
            Years::Every { n, from } => {
                *n > 0 && year >= *from && (year - from).rem_euclid(*n as i32) == 0
            }
        }
    }

    /// In words: "odd years", "every 3 years from 2023".
    pub fn describe(&self) -> String {
        match self {
            Years::Odd => "odd years".into(),
            Years::Even => "even years".into(),
            Years::Every { n, from } => format!("every {n} years from {from}"),
        }
    }
}

/// The value of a requisite in a plan at a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Value {
    /// The plan does not meet it: an error.
    Unmet,
    /// Only a person can tell (permission, a grade not yet known, ...): a warning.
    Unknown,
    /// The plan meets it.
    Met,
}

/// A leaf that decided an expression's value, and whether it sat inside a `coreq`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Leaf<'r> {
    /// The leaf itself (never `All`, `Any` or `Coreq`).
    pub req: &'r Req,
    /// Whether the same term counts (the leaf is inside a `coreq`).
    pub same_term: bool,
}

impl Req {
    /// Every course code the expression names, in the order written.
    pub fn codes(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.visit_codes(&mut |code, _| out.push(code));
        out
    }

    /// Calls `f(code, coreq)` for each code named, `coreq` telling whether it is inside a
    /// `coreq`.
    pub fn visit_codes<'r>(&'r self, f: &mut impl FnMut(&'r str, bool)) {
        fn walk<'r>(r: &'r Req, coreq: bool, f: &mut impl FnMut(&'r str, bool)) {
            match r {
                Req::All(parts) | Req::Any(parts) => {
                    parts.iter().for_each(|p| walk(p, coreq, f));
                }
                Req::Course(c) | Req::Grade(c, _) => f(c, coreq),
                Req::Coreq(inner) => walk(inner, true, f),
                _ => {}
            }
        }
        walk(self, false, f);
    }

    /// The codes needed in every alternative, outside any `coreq`: the edges a real
    /// prerequisite cycle runs through.
    pub fn must_codes(&self) -> Vec<&str> {
        match self {
            Req::Course(c) | Req::Grade(c, _) => vec![c],
            Req::All(parts) => parts.iter().flat_map(Req::must_codes).collect(),
            Req::Any(parts) => {
                let mut sets = parts.iter().map(Req::must_codes);
                let Some(first) = sets.next() else {
                    return Vec::new();
                };
                sets.fold(first, |acc, s| {
                    acc.into_iter().filter(|c| s.contains(c)).collect()
                })
            }
            _ => Vec::new(),
        }
    }

    /// What an `enrolled`/`not_enrolled` leaf names; `None` for any other expression.
    pub fn enrolment(&self) -> Option<Enrolment<'_>> {
        match self {
            Req::Enrolled {
                program,
                family,
                stream,
            }
            | Req::NotEnrolled {
                program,
                family,
                stream,
            } => Some(Enrolment {
                program: program.as_deref(),
                family: family.as_deref(),
                stream: stream.as_deref(),
            }),
            _ => None,
        }
    }

    /// The parts that must all hold: the expression itself, or the parts of an `all`
    /// (nested `all`s flattened).
    pub fn conjuncts(&self) -> Vec<&Req> {
        match self {
            Req::All(parts) => parts.iter().flat_map(Req::conjuncts).collect(),
            other => vec![other],
        }
    }
}

/// What a plan holds, indexed once per audit, for evaluating requisites at any term.
pub struct PlanFacts<'a> {
    curriculum: &'a Curriculum,
    /// Each placed code: its earliest term and the grade recorded there.
    placed: HashMap<&'a str, (usize, Option<&'a str>)>,
    /// Per term: (course index, credits) of each known course first placed there.
    by_term: Vec<Vec<(usize, u32)>>,
    /// The plan's stream choices: stream id to option code.
    choices: &'a std::collections::BTreeMap<String, String>,
}

impl<'a> PlanFacts<'a> {
    /// Indexes `plan` (linear in the plan).
    pub fn new(curriculum: &'a Curriculum, plan: &'a Plan) -> Self {
        let mut placed = HashMap::new();
        let mut by_term = vec![Vec::new(); plan.terms.len()];
        for (t, term) in plan.terms.iter().enumerate() {
            for p in &term.courses {
                if placed.contains_key(p.code.as_str()) {
                    continue;
                }
                placed.insert(p.code.as_str(), (t, p.grade.as_deref()));
                if let Some(i) = curriculum.course_index(&p.code) {
                    by_term[t].push((i, curriculum.placed_credits(&curriculum.courses[i], p)));
                }
            }
        }
        PlanFacts {
            curriculum,
            placed,
            by_term,
            choices: &plan.choices,
        }
    }

    /// The placed code (the code itself or an equivalent) that is earliest, with its term
    /// and grade.
    fn earliest(&self, code: &str) -> Option<(usize, Option<&'a str>)> {
        match self.curriculum.links().equivalents(code) {
            Some(class) => class
                .iter()
                .filter_map(|c| self.placed.get(c.as_str()).copied())
                .min_by_key(|(t, _)| *t),
            None => self.placed.get(code).copied(),
        }
    }

    /// Credits placed before `term` (or up to it, with `same_term`) of courses that match
    /// any of `of` (all courses when `of` is empty).
    pub fn credits_before(&self, term: usize, same_term: bool, of: &[Pattern]) -> u32 {
        let end = if same_term { term + 1 } else { term };
        self.by_term[..end.min(self.by_term.len())]
            .iter()
            .flatten()
            .filter(|(i, _)| {
                of.is_empty() || of.iter().any(|p| p.matches(&self.curriculum.courses[*i]))
            })
            .map(|(_, credits)| credits)
            .sum()
    }

    /// The value of `req` for a course placed in `term`, with the leaves that decided it
    /// (the unmet ones when unmet, the unknown ones when unknown, none when met).
    pub fn eval<'r>(&self, req: &'r Req, term: usize) -> (Value, Vec<Leaf<'r>>) {
        self.eval_in(req, term, false)
    }

    fn eval_in<'r>(&self, req: &'r Req, term: usize, same: bool) -> (Value, Vec<Leaf<'r>>) {
        let combine = |parts: &'r [Req], all: bool| {
            let results: Vec<_> = parts.iter().map(|p| self.eval_in(p, term, same)).collect();
            let values = results.iter().map(|(v, _)| *v);
            let value = if all {
                values.min().unwrap_or(Value::Met)
            } else {
                values.max().unwrap_or(Value::Unmet)
            };
            let leaves = if value == Value::Met {
                Vec::new()
            } else {
                results
                    .into_iter()
                    .filter(|(v, _)| *v == value)
                    .flat_map(|(_, l)| l)
                    .collect()
            };
            (value, leaves)
        };
        match req {
            Req::All(parts) => combine(parts, true),
            Req::Any(parts) => combine(parts, false),
            Req::Coreq(inner) => self.eval_in(inner, term, true),
            leaf => {
                let value = self.leaf(leaf, term, same);
                let leaves = if value == Value::Met {
                    Vec::new()
                } else {
                    vec![Leaf {
                        req: leaf,
                        same_term: same,
                    }]
                };
                (value, leaves)
            }
        }
    }

    /// The grade recorded for `code` (or its earliest placed equivalent), if it is placed
    /// in time.
    pub fn grade_in_time(&self, code: &str, term: usize, same: bool) -> Option<Option<&'a str>> {
        self.earliest(code)
            .filter(|(t, _)| *t < term || (same && *t == term))
            .map(|(_, g)| g)
    }

    fn leaf(&self, req: &Req, term: usize, same: bool) -> Value {
        let c = self.curriculum;
        let met = |b: bool| if b { Value::Met } else { Value::Unmet };
        match req {
            Req::Course(code) => met(self.grade_in_time(code, term, same).is_some()),
            Req::Grade(code, min) => match self.grade_in_time(code, term, same) {
                None => Value::Unmet,
                Some(None) => Value::Unknown,
                Some(Some(have)) => match meets_grade(c, have, min) {
                    Some(ok) => met(ok),
                    None => Value::Unknown,
                },
            },
            Req::Credits { min, of } => met(self.credits_before(term, same, of) >= *min),
            Req::Enrolled { .. } | Req::NotEnrolled { .. } => {
                let negated = matches!(req, Req::NotEnrolled { .. });
                req.enrolment()
                    .and_then(|e| match e.stream {
                        Some(code) => self.in_stream(code),
                        None => enrolled(c, &e),
                    })
                    .map_or(Value::Unknown, |b| met(b != negated))
            }
            Req::Wam { .. } | Req::Permission(_) | Req::Manual(_) => Value::Unknown,
            Req::All(_) | Req::Any(_) | Req::Coreq(_) => self.eval_in(req, term, same).0,
        }
    }
}

impl PlanFacts<'_> {
    /// Whether the plan is enrolled in the stream option `code`: chosen in `choices`; not,
    /// when the stream that offers it (or, for a code no stream offers, any stream) has
    /// another choice; `None` (a person checks) while that choice is not made.
    pub fn in_stream(&self, code: &str) -> Option<bool> {
        if self.choices.values().any(|v| v == code) {
            return Some(true);
        }
        let offering = self
            .curriculum
            .streams
            .iter()
            .find(|s| s.options.iter().any(|o| o.code == code));
        match offering {
            Some(stream) => self.choices.contains_key(&stream.id).then_some(false),
            None => (!self.choices.is_empty()).then_some(false),
        }
    }
}

/// Whether the program's enrolment matches `e` (a program or family; streams are the
/// plan's choices, see [`PlanFacts::in_stream`]).
fn enrolled(c: &Curriculum, e: &Enrolment) -> Option<bool> {
    if let Some(p) = e.program {
        Some(c.code.as_deref() == Some(p))
    } else {
        e.family.map(|f| c.families.iter().any(|x| x == f))
    }
}

/// Whether the grade `have` meets `min`; `None` when the scales cannot compare them (a mark
/// asked of a letter the curriculum's `grade_scale` does not know, Pass against a letter).
pub fn meets_grade(c: &Curriculum, have: &str, min: &MinGrade) -> Option<bool> {
    let mark = |g: &str| {
        c.grade_scale
            .iter()
            .find(|(letter, _)| letter.eq_ignore_ascii_case(g.trim()))
            .map(|(_, m)| *m)
    };
    match min {
        MinGrade::Mark(m) => mark(have).map(|h| h >= *m),
        MinGrade::Letter(l) => match (mark(have), mark(l)) {
            (Some(h), Some(m)) => Some(h >= m),
            _ => grade::at_least(have, l),
        },
    }
}

impl Enrolment<'_> {
    /// In words: "program 4515", "a COMP# program", "stream COMPA1".
    pub fn describe(&self) -> String {
        match (self.program, self.family, self.stream) {
            (Some(p), _, _) => format!("program {p}"),
            (_, Some(f), _) => format!("a {f} program"),
            (_, _, Some(s)) => format!("stream {s}"),
            _ => "nothing".into(),
        }
    }

    /// How many of the three it names (exactly one is valid).
    pub fn named(&self) -> usize {
        [self.program, self.family, self.stream]
            .iter()
            .filter(|x| x.is_some())
            .count()
    }
}

impl MinGrade {
    /// In words: "65" or "B".
    pub fn describe(&self) -> String {
        match self {
            MinGrade::Mark(m) => m.to_string(),
            MinGrade::Letter(l) => l.clone(),
        }
    }
}

/// The curriculum-wide links requisites read, built once by [`Curriculum::prepare`]:
/// equivalence classes and the symmetric exclusion map, keyed by code (outside codes too).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Links {
    /// Code to its equivalence class (only codes with an equivalent are here).
    class_of: HashMap<String, usize>,
    /// Each class's codes, sorted.
    classes: Vec<Vec<String>>,
    /// Code to the codes it excludes (equivalents included), sorted, both ways.
    excludes: HashMap<String, Vec<String>>,
    /// The codes known to exist outside the catalog.
    outside: std::collections::HashSet<String>,
}

impl Links {
    /// Builds the links of `courses`, with the `outside` codes (linear in the links
    /// written).
    pub fn new(courses: &[Course], outside: &[String]) -> Self {
        // Union-find over the codes named by `equivalent`.
        let mut id: HashMap<String, usize> = HashMap::new();
        let mut parent: Vec<usize> = Vec::new();
        let mut intern = |code: &str, parent: &mut Vec<usize>| {
            *id.entry(code.to_string()).or_insert_with(|| {
                parent.push(parent.len());
                parent.len() - 1
            })
        };
        fn root(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        let mut excludes: HashMap<String, Vec<String>> = HashMap::new();
        for course in courses {
            for other in &course.equivalent {
                let (a, b) = (
                    intern(&course.code, &mut parent),
                    intern(other, &mut parent),
                );
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra] = rb;
            }
            for other in course.excludes.iter().chain(&course.equivalent) {
                if *other == course.code {
                    continue;
                }
                excludes
                    .entry(course.code.clone())
                    .or_default()
                    .push(other.clone());
                excludes
                    .entry(other.clone())
                    .or_default()
                    .push(course.code.clone());
            }
        }
        for list in excludes.values_mut() {
            list.sort();
            list.dedup();
        }
        let mut class_ids: HashMap<usize, usize> = HashMap::new();
        let mut classes: Vec<Vec<String>> = Vec::new();
        let mut class_of = HashMap::new();
        let mut codes: Vec<(String, usize)> = id.into_iter().collect();
        codes.sort();
        for (code, x) in codes {
            let r = root(&mut parent, x);
            let class = *class_ids.entry(r).or_insert_with(|| {
                classes.push(Vec::new());
                classes.len() - 1
            });
            classes[class].push(code.clone());
            class_of.insert(code, class);
        }
        Links {
            class_of,
            classes,
            excludes,
            outside: outside.iter().cloned().collect(),
        }
    }

    /// The codes equivalent to `code`, itself included; `None` when it has no equivalent.
    pub fn equivalents(&self, code: &str) -> Option<&[String]> {
        self.class_of.get(code).map(|&c| self.classes[c].as_slice())
    }

    /// Whether `code` is listed as existing outside the catalog.
    pub fn is_outside(&self, code: &str) -> bool {
        self.outside.contains(code)
    }

    /// The codes `code` excludes (both ways, equivalents included), sorted.
    pub fn excludes(&self, code: &str) -> &[String] {
        self.excludes.get(code).map_or(&[], Vec::as_slice)
    }
}

impl Clean for Req {
    fn clean_strings(&mut self) -> usize {
        match self {
            Req::All(parts) | Req::Any(parts) => parts.clean_strings(),
            Req::Course(code) => code.clean_strings(),
            Req::Grade(code, min) => {
                code.clean_strings()
                    + match min {
                        MinGrade::Letter(l) => l.clean_strings(),
                        MinGrade::Mark(_) => 0,
                    }
            }
            Req::Coreq(inner) => inner.clean_strings(),
            Req::Credits { of, .. } | Req::Wam { of, .. } => of.clean_strings(),
            Req::Enrolled {
                program,
                family,
                stream,
            }
            | Req::NotEnrolled {
                program,
                family,
                stream,
            } => program.clean_strings() + family.clean_strings() + stream.clean_strings(),
            Req::Permission(text) | Req::Manual(text) => text.clean_strings(),
        }
    }
}

impl Clean for Pattern {
    fn clean_strings(&mut self) -> usize {
        self.subject.clean_strings() + self.code.clean_strings() + self.attribute.clean_strings()
    }
}
