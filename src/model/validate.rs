//! Checks a curriculum for every problem at once, so a program office can fix a file in one go.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::audit::Severity;
use super::curriculum::Curriculum;
use super::requisite::{MinGrade, Req};

/// Highest credit value a single course may carry before it is taken for a typo.
pub const MAX_COURSE_CREDITS: u32 = 30;
/// Highest degree total accepted.
pub const MAX_DEGREE_CREDITS: u32 = 1000;
/// What the terms pane shows for a course that gives a path no weight; no path may use it.
pub const NO_WEIGHT_MARK: char = '·';

/// True when `mark` can stand for a path in one column of the terms pane: a single-width
/// character that shows ink (not a space, a combining accent or an invisible character) and
/// is not [`NO_WEIGHT_MARK`].
pub fn is_visible_mark(mark: char) -> bool {
    unicode_width::UnicodeWidthChar::width(mark) == Some(1)
        && !mark.is_whitespace()
        && !super::text::is_unsafe(mark)
        && mark != NO_WEIGHT_MARK
}

/// Highest career weight a course may give a path.
pub const MAX_CAREER_WEIGHT: u32 = 5;
/// Longest course title, in characters: long enough for any real catalog, short enough to
/// show in a row.
pub const MAX_TITLE_CHARS: usize = 300;
/// Longest course code, in characters.
pub const MAX_CODE_CHARS: usize = 20;
/// Longest published requisite text, in characters (the longest at UNSW is 512).
pub const MAX_REQUISITE_TEXT_CHARS: usize = 2000;

/// The part of the file a finding is about, so the loader can point at a line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    /// A top-level field, e.g. `degree_credits`.
    Field(&'static str),
    /// The course at this index.
    Course(usize),
    /// A field of the course at this index, e.g. `credits`.
    CourseField(usize, &'static str),
    /// A code in the prerequisites of the course at this index.
    Prerequisite(usize, String),
    /// A code written in a field (`requires`, `excludes`, `equivalent`) of the course at
    /// this index.
    CourseCode(usize, &'static str, String),
    /// The weight for a path id in the careers of the course at this index.
    CareerWeight(usize, String),
    /// The career path at this index.
    Path(usize),
    /// The elective group at this index.
    Elective(usize),
}

/// One thing wrong with a curriculum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Plain-language description.
    pub message: String,
    /// Where in the file it is.
    pub anchor: Anchor,
    /// An error stops the file loading; a warning is shown and the file loads.
    pub severity: Severity,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Every problem with the curriculum; empty when it is valid.
pub fn validate(c: &Curriculum) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut push = |anchor: Anchor, message: String| {
        out.push(Finding {
            message,
            anchor,
            severity: Severity::Error,
        })
    };

    if c.name.trim().is_empty() {
        push(Anchor::Field("name"), "the program has no name".into());
    }
    if c.degree_credits == 0 || c.degree_credits > MAX_DEGREE_CREDITS {
        push(
            Anchor::Field("degree_credits"),
            format!(
                "degree_credits is {}; it must be between 1 and {MAX_DEGREE_CREDITS}",
                c.degree_credits
            ),
        );
    }
    if c.max_term_credits == Some(0) {
        push(
            Anchor::Field("max_term_credits"),
            "max_term_credits is 0: no course would fit".into(),
        );
    }
    if c.semesters.is_empty() {
        push(
            Anchor::Field("semesters"),
            "the program lists no semesters".into(),
        );
    }
    if c.courses.is_empty() {
        push(
            Anchor::Field("courses"),
            "the program lists no courses".into(),
        );
    }

    let mut path_ids = HashSet::new();
    for (i, path) in c.paths.iter().enumerate() {
        if path.id.trim().is_empty() {
            push(
                Anchor::Path(i),
                format!("career path {} has an empty id", i + 1),
            );
        } else if !path_ids.insert(path.id.as_str()) {
            push(
                Anchor::Path(i),
                format!("career path id \"{}\" is used twice", path.id),
            );
        }
        if !is_visible_mark(path.mark) {
            push(
                Anchor::Path(i),
                format!(
                    "career path \"{}\" has mark {:?}; a mark must be one visible character, not a space, a combining accent, a wide character or `{NO_WEIGHT_MARK}`",
                    path.id, path.mark
                ),
            );
        }
    }

    let mut first_index: HashMap<&str, usize> = HashMap::new();
    for (i, course) in c.courses.iter().enumerate() {
        let code = course.code.as_str();
        if code.trim().is_empty() {
            push(
                Anchor::Course(i),
                format!("course {} has an empty code", i + 1),
            );
        } else if let Some(first) = first_index.get(code) {
            push(
                Anchor::Course(i),
                format!(
                    "course code {code} is used twice (courses {} and {})",
                    first + 1,
                    i + 1
                ),
            );
        } else {
            first_index.insert(code, i);
        }
        if course.title.trim().is_empty() {
            push(Anchor::Course(i), format!("{code} has no title"));
        }
        for (field, text, most) in [
            ("title", &course.title, MAX_TITLE_CHARS),
            ("code", &course.code, MAX_CODE_CHARS),
        ] {
            let chars = text.chars().count();
            if chars > most {
                push(
                    Anchor::CourseField(i, field),
                    format!(
                        "course {}'s {field} is {chars} characters long; a {field} holds at most {most}",
                        i + 1
                    ),
                );
            }
        }
        if course.credits > MAX_COURSE_CREDITS {
            push(
                Anchor::CourseField(i, "credits"),
                format!(
                    "{code} has {} credits; a course must have between 0 and {MAX_COURSE_CREDITS}",
                    course.credits
                ),
            );
        }
        if let Some(s) = course.semester
            && (s == 0 || s as usize > c.semesters.len())
        {
            push(
                Anchor::CourseField(i, "semester"),
                format!(
                    "{code} is recommended for semester {s}, but the program has {} semesters",
                    c.semesters.len()
                ),
            );
        }
        for (path, weight) in &course.careers {
            if !path_ids.contains(path.as_str()) {
                push(
                    Anchor::CareerWeight(i, path.clone()),
                    format!(
                        "{code} gives a weight to career path \"{path}\", which is not defined"
                    ),
                );
            } else if *weight > MAX_CAREER_WEIGHT {
                push(
                    Anchor::CareerWeight(i, path.clone()),
                    format!(
                        "{code} gives \"{path}\" weight {weight}; weights run from 0 to {MAX_CAREER_WEIGHT}"
                    ),
                );
            }
        }
    }

    for (i, course) in c.courses.iter().enumerate() {
        for pre in &course.prerequisites {
            let anchor = Anchor::Prerequisite(i, pre.clone());
            if *pre == course.code {
                push(
                    anchor,
                    format!("{} lists itself as a prerequisite", course.code),
                );
                continue;
            }
            let Some(&p) = first_index.get(pre.as_str()) else {
                push(
                    anchor,
                    format!("{} needs {pre}, which is not a course", course.code),
                );
                continue;
            };
            let pre_sem = c.courses[p].semester;
            if let (Some(s), Some(ps)) = (course.semester, pre_sem)
                && ps >= s
            {
                push(
                    anchor,
                    format!(
                        "{} is recommended for {} but its prerequisite {pre} for {}",
                        course.code,
                        c.semester_name(Some(s)),
                        c.semester_name(Some(ps))
                    ),
                );
            }
        }
    }

    course_facts(c, &first_index, &mut out);
    let mut push = |anchor: Anchor, message: String| {
        out.push(Finding {
            message,
            anchor,
            severity: Severity::Error,
        })
    };
    let must = prerequisite_cycles(c, &first_index, false);
    for cycle in &must {
        let names: Vec<&str> = cycle.iter().map(|&i| c.courses[i].code.as_str()).collect();
        push(
            Anchor::Course(cycle[0]),
            format!(
                "prerequisite cycle: {} needs {}",
                names.join(" needs "),
                names[0]
            ),
        );
    }
    for cycle in prerequisite_cycles(c, &first_index, true) {
        let mut sorted = cycle.clone();
        sorted.sort_unstable();
        let real = must.iter().any(|m| {
            let mut m = m.clone();
            m.sort_unstable();
            m == sorted
        });
        if real {
            continue;
        }
        let names: Vec<&str> = cycle.iter().map(|&i| c.courses[i].code.as_str()).collect();
        out.push(Finding {
            anchor: Anchor::Course(cycle[0]),
            message: format!(
                "requisite cycle through alternatives: {} needs {}; another alternative must break it",
                names.join(" needs "),
                names[0]
            ),
            severity: Severity::Warning,
        });
    }
    let mut push = |anchor: Anchor, message: String| {
        out.push(Finding {
            message,
            anchor,
            severity: Severity::Error,
        })
    };

    for (g, group) in c.electives.iter().enumerate() {
        let mut group_credits = 0u64;
        for code in &group.courses {
            match first_index.get(code.as_str()) {
                None => push(
                    Anchor::Elective(g),
                    format!(
                        "elective group \"{}\" lists {code}, which is not a course",
                        group.name
                    ),
                ),
                Some(&i) => {
                    let course = &c.courses[i];
                    if course.required {
                        push(
                            Anchor::Elective(g),
                            format!(
                                "{code} is in elective group \"{}\" but is marked required; add `required: false`",
                                group.name
                            ),
                        );
                    }
                    group_credits += u64::from(course.credits);
                }
            }
        }
        if group.min_credits == 0 {
            push(
                Anchor::Elective(g),
                format!("elective group \"{}\" asks for 0 credits", group.name),
            );
        } else if group_credits < u64::from(group.min_credits) {
            push(
                Anchor::Elective(g),
                format!(
                    "elective group \"{}\" asks for {} credits but its courses give only {group_credits}",
                    group.name, group.min_credits
                ),
            );
        }
    }

    let required: u64 = c
        .courses
        .iter()
        .filter(|x| x.required)
        .map(|x| u64::from(x.credits))
        .sum();
    let optional: u64 = c
        .courses
        .iter()
        .filter(|x| !x.required)
        .map(|x| u64::from(x.credits))
        .sum();
    if required + optional < u64::from(c.degree_credits) && c.degree_credits <= MAX_DEGREE_CREDITS {
        push(
            Anchor::Field("degree_credits"),
            format!(
                "the degree total of {} cannot be reached: required courses give {required} credits and the optional ones at most {optional}",
                c.degree_credits
            ),
        );
    }
    out
}

/// The checks of the requirement language (issue 14): codes in `requires`, `excludes` and
/// `equivalent`, offerings, variable credits, grades, enrolment leaves, the published text,
/// and required courses that exclude each other.
fn course_facts(c: &Curriculum, index: &HashMap<&str, usize>, out: &mut Vec<Finding>) {
    let mut push = |anchor: Anchor, message: String, severity: Severity| {
        out.push(Finding {
            message,
            anchor,
            severity,
        })
    };
    let outside: HashSet<&str> = c.outside.iter().map(String::as_str).collect();
    let mut warned_outside = HashSet::new();
    let letters: Vec<&str> = c.grade_scale.iter().map(|(l, _)| l.as_str()).collect();
    let links = super::links::Links::new(
        c.courses.iter().map(|c| {
            (
                c.code.as_str(),
                c.equivalent.as_slice(),
                c.excludes.as_slice(),
            )
        }),
        &c.outside,
    );
    for (i, course) in c.courses.iter().enumerate() {
        let code = course.code.as_str();
        let mut named: Vec<(&'static str, &str, &str)> = Vec::new();
        if let Some(req) = &course.requires {
            for leaf in req.codes() {
                named.push(("requires", leaf, "needs"));
            }
        }
        for other in &course.excludes {
            named.push(("excludes", other, "excludes"));
        }
        for other in &course.equivalent {
            named.push(("equivalent", other, "is equivalent to"));
        }
        for (field, other, verb) in named {
            let anchor = Anchor::CourseCode(i, field, other.to_string());
            if index.contains_key(other) {
                if other == code {
                    push(anchor, format!("{code} {verb} itself"), Severity::Error);
                }
            } else if outside.contains(other) {
                if warned_outside.insert(other) {
                    push(
                        anchor,
                        format!("{code} {verb} {other}, which is outside this catalog"),
                        Severity::Warning,
                    );
                }
            } else {
                push(
                    anchor,
                    format!(
                        "{code} {verb} {other}, which is not a course; list it in `outside` if it exists elsewhere"
                    ),
                    Severity::Error,
                );
            }
        }
        if let Some(req) = &course.requires {
            check_leaves(c, i, req, &letters, &mut push);
        }
        for kind in &course.offered {
            if !c.term_kinds.contains(kind) {
                push(
                    Anchor::CourseField(i, "offered"),
                    format!(
                        "{code} is offered in \"{kind}\", which is not one of the program's term_kinds ({})",
                        if c.term_kinds.is_empty() {
                            "none are listed".to_string()
                        } else {
                            c.term_kinds.join(", ")
                        }
                    ),
                    Severity::Error,
                );
            }
        }
        if let Some(super::requisite::Years::Every { n: 0, .. }) = course.years {
            push(
                Anchor::CourseField(i, "years"),
                format!("{code} runs every 0 years; `n` must be at least 1"),
                Severity::Error,
            );
        }
        if course.years.is_some() && course.offered.is_empty() {
            push(
                Anchor::CourseField(i, "years"),
                format!("{code} gives `years` but no `offered` terms"),
                Severity::Error,
            );
        }
        if let Some(max) = course.max_credits
            && (max <= course.credits || max > MAX_COURSE_CREDITS)
        {
            push(
                Anchor::CourseField(i, "max_credits"),
                format!(
                    "{code} has max_credits {max}; it must be above its credits ({}) and at most {MAX_COURSE_CREDITS}",
                    course.credits
                ),
                Severity::Error,
            );
        }
        let text_chars = course.requisite_text.chars().count();
        if text_chars > MAX_REQUISITE_TEXT_CHARS {
            push(
                Anchor::CourseField(i, "requisite_text"),
                format!(
                    "{code}'s requisite_text is {text_chars} characters long; it holds at most {MAX_REQUISITE_TEXT_CHARS}"
                ),
                Severity::Error,
            );
        }
        if course.required {
            for other in links.excludes(code) {
                if let Some(&j) = index.get(other.as_str())
                    && c.courses[j].required
                    && j > i
                {
                    push(
                        Anchor::Course(j),
                        format!("{code} and {other} are both required, but one excludes the other"),
                        Severity::Error,
                    );
                }
            }
        }
    }
    for (letter, mark) in &c.grade_scale {
        if *mark > 100 {
            push(
                Anchor::Field("grade_scale"),
                format!("grade {letter} is given mark {mark}; marks run from 0 to 100"),
                Severity::Error,
            );
        }
    }
}

/// Grade bounds and enrolment leaves of one course's expression.
fn check_leaves(
    c: &Curriculum,
    i: usize,
    req: &Req,
    letters: &[&str],
    push: &mut impl FnMut(Anchor, String, Severity),
) {
    let code = &c.courses[i].code;
    match req {
        Req::All(parts) | Req::Any(parts) => {
            for part in parts {
                check_leaves(c, i, part, letters, push);
            }
        }
        Req::Coreq(inner) => check_leaves(c, i, inner, letters, push),
        Req::Grade(of, min) => {
            let ok = match min {
                MinGrade::Mark(m) => *m <= 100,
                MinGrade::Letter(l) => {
                    super::grade::parse(l).is_some()
                        || letters.iter().any(|x| x.eq_ignore_ascii_case(l))
                }
            };
            if !ok {
                push(
                    Anchor::CourseCode(i, "requires", of.clone()),
                    format!(
                        "{code} asks for grade {} in {of}; a grade is a mark from 0 to 100 or a letter of the scale",
                        min.describe()
                    ),
                    Severity::Error,
                );
            }
        }
        Req::Enrolled { .. } | Req::NotEnrolled { .. }
            if req.enrolment().is_some_and(|e| e.named() != 1) =>
        {
            push(
                Anchor::CourseField(i, "requires"),
                format!(
                    "{code} has an enrolment leaf that names not exactly one of program, family or stream"
                ),
                Severity::Error,
            );
        }
        _ => {}
    }
}

/// Each prerequisite cycle once, as course indices in order: through `prerequisites` and
/// the codes `requires` needs in every alternative, or (with `alternatives`) through any
/// code `requires` names outside a `coreq`.
fn prerequisite_cycles(
    c: &Curriculum,
    index: &HashMap<&str, usize>,
    alternatives: bool,
) -> Vec<Vec<usize>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    let edges: Vec<Vec<usize>> = c
        .courses
        .iter()
        .map(|course| {
            let mut named: Vec<&str> = course.prerequisites.iter().map(String::as_str).collect();
            if let Some(req) = &course.requires {
                if alternatives {
                    req.visit_codes(&mut |code, coreq| {
                        if !coreq {
                            named.push(code);
                        }
                    });
                } else {
                    named.extend(req.must_codes());
                }
            }
            let mut edges: Vec<usize> = named
                .into_iter()
                .filter(|p| *p != course.code)
                .filter_map(|p| index.get(p).copied())
                .collect();
            edges.dedup();
            edges
        })
        .collect();
    let mut marks = vec![Mark::New; c.courses.len()];
    let mut cycles = Vec::new();
    for start in 0..c.courses.len() {
        if marks[start] != Mark::New {
            continue;
        }
        // Iterative depth-first search; `stack` holds (node, next edge to follow).
        let mut stack = vec![(start, 0usize)];
        marks[start] = Mark::Active;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&to) = edges[node].get(*next) {
                *next += 1;
                match marks[to] {
                    Mark::New => {
                        marks[to] = Mark::Active;
                        stack.push((to, 0));
                    }
                    Mark::Active => {
                        let from = stack.iter().position(|&(n, _)| n == to).unwrap_or(0);
                        cycles.push(stack[from..].iter().map(|&(n, _)| n).collect());
                    }
                    Mark::Done => {}
                }
            } else {
                marks[node] = Mark::Done;
                stack.pop();
            }
        }
    }
    cycles
}
