//! Requisites as expressions (issue 14): what a course needs before (or alongside) it, and
//! how a plan meets it at a term, in three values: met, unmet, or unknown (a person decides).
//!
//! The expression is the course's `requires`; the older `prerequisites: [..]` list stays and
//! is checked as it always was, so a course with both needs both.

use serde::{Deserialize, Serialize};

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
