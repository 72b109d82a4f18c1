//! Checks a curriculum for every problem at once, so a program office can fix a file in one go.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::audit::Severity;
use super::curriculum::Curriculum;
use super::groups::{Group, Item, Need};
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
    /// The `n`-th (from 0) group or stream written with this `id`.
    Id(String, usize),
    /// A field of the first group or stream with this id, e.g. `need`.
    IdField(String, &'static str),
    /// A code written in the first group or stream with this id.
    IdCode(String, String),
    /// The program-wide limit at this index.
    Limit(usize),
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

    requirement_findings(c, &first_index, &mut out);
    advising_findings(c, &first_index, &mut out);
    let mut push = |anchor: Anchor, message: String| {
        out.push(Finding {
            message,
            anchor,
            severity: Severity::Error,
        })
    };

    let required = c.required_credits();
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

/// Findings about the rules for prior credit and the grade scale (issue 15): a `taken_here`
/// entry naming no course or group, an empty scale, a grade written twice, points that are not
/// a finite number from 0 to 100.
fn advising_findings(c: &Curriculum, codes: &HashMap<&str, usize>, out: &mut Vec<Finding>) {
    let mut push = |field: &'static str, message: String| {
        out.push(Finding {
            message,
            anchor: Anchor::Field(field),
            severity: Severity::Error,
        })
    };
    for name in c.prior_credit.iter().flat_map(|r| &r.taken_here) {
        let known = codes.contains_key(name.as_str())
            || super::exceptions::find_group(c, name).is_some()
            || c.electives.iter().any(|g| &g.name == name);
        if !known {
            push(
                "prior_credit",
                format!(
                    "prior_credit.taken_here names {name}, which is neither a course nor a group"
                ),
            );
        }
    }
    let Some(scale) = &c.grades else {
        return;
    };
    if scale.scale.is_empty() {
        push("grades", "the grade scale lists no grades".into());
    }
    let mut seen = HashSet::new();
    for (grade, mark) in &scale.scale {
        if !seen.insert(grade.trim().to_lowercase()) {
            push("grades", format!("grade \"{grade}\" is on the scale twice"));
        }
        if let Some(p) = mark.points()
            && !(p.is_finite() && (0.0..=100.0).contains(&p))
        {
            push(
                "grades",
                format!("grade \"{grade}\" is worth {p} points; points run from 0 to 100"),
            );
        }
    }
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

/// The checks of requirement groups, limits and streams: unique ids, known codes, caps of
/// at least 1, no pattern under `need: all`, a `need` the catalog can reach, a stream's
/// `default` and `counts_toward`, and `enrolled(stream: ..)` naming a known option.
fn requirement_findings(c: &Curriculum, index: &HashMap<&str, usize>, out: &mut Vec<Finding>) {
    let mut push = |anchor: Anchor, message: String, severity: Severity| {
        out.push(Finding {
            message,
            anchor,
            severity,
        })
    };
    let outside: HashSet<&str> = c.outside.iter().map(String::as_str).collect();
    let mut groups: Vec<&Group> = Vec::new();
    fn walk<'g>(g: &'g Group, out: &mut Vec<&'g Group>) {
        out.push(g);
        g.groups.iter().for_each(|sub| walk(sub, out));
    }
    let options = c.streams.iter().flat_map(|s| &s.options);
    for g in c
        .requirements
        .iter()
        .chain(options.flat_map(|o| &o.requirements))
    {
        walk(g, &mut groups);
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let named = groups.iter().map(|g| (g.id.as_str(), "group"));
    for (id, what) in named.chain(c.streams.iter().map(|s| (s.id.as_str(), "stream"))) {
        let uses = seen.entry(id).or_insert(0);
        if *uses > 0 {
            push(
                Anchor::Id(id.to_string(), *uses),
                format!("{what} id \"{id}\" is used twice"),
                Severity::Error,
            );
        }
        *uses += 1;
    }
    for g in &groups {
        let id = &g.id;
        for code in g.from.iter().chain(&g.exclude).flat_map(Item::codes) {
            if !index.contains_key(code.as_str()) && !outside.contains(code.as_str()) {
                push(
                    Anchor::IdCode(id.clone(), code.clone()),
                    format!(
                        "group \"{id}\" lists {code}, which is not a course; list it in `outside` if it exists elsewhere"
                    ),
                    Severity::Error,
                );
            }
        }
        if g.need == Some(Need::All)
            && let Some(Item::Pattern(p)) = g.from.iter().find(|i| matches!(i, Item::Pattern(_)))
        {
            push(
                Anchor::IdField(id.clone(), "need"),
                format!(
                    "group \"{id}\" needs all of its items but lists the pattern {}; a pattern can only give credits or courses",
                    p.describe()
                ),
                Severity::Error,
            );
        }
        for (field, cap) in [
            ("max_credits", g.max_credits),
            ("max_courses", g.max_courses),
        ] {
            if cap == Some(0) {
                push(
                    Anchor::IdField(id.clone(), field),
                    format!("group \"{id}\" has {field} 0; a cap must be at least 1"),
                    Severity::Error,
                );
            }
        }
        let (credits, courses) = reach(c, index, g);
        let short = match g.need {
            Some(Need::Credits(n)) if credits < n => Some(format!(
                "needs {n} credits but its courses give at most {credits}"
            )),
            Some(Need::Courses(n)) if courses < n => {
                Some(format!("needs {n} courses but holds only {courses}"))
            }
            Some(Need::Groups(n)) if (g.groups.len() as u32) < n => {
                Some(format!("needs {n} sub-groups but has {}", g.groups.len()))
            }
            _ => None,
        };
        if let Some(short) = short {
            push(
                Anchor::IdField(id.clone(), "need"),
                format!("group \"{id}\" {short}"),
                Severity::Error,
            );
        }
    }
    for (l, limit) in c.limits.iter().enumerate() {
        if limit.max_credits == Some(0) || limit.max_courses == Some(0) {
            push(
                Anchor::Limit(l),
                format!("limit \"{}\" is 0; a cap must be at least 1", limit.name),
                Severity::Error,
            );
        }
    }
    let mut options: HashSet<&str> = HashSet::new();
    for s in &c.streams {
        let id = &s.id;
        for o in &s.options {
            if !options.insert(o.code.as_str()) {
                push(
                    Anchor::IdField(id.clone(), "options"),
                    format!("stream option {} is listed twice", o.code),
                    Severity::Error,
                );
            }
        }
        if let Some(d) = &s.default
            && s.options.iter().all(|o| o.code != *d)
        {
            push(
                Anchor::IdField(id.clone(), "default"),
                format!("stream \"{id}\" has the default {d}, which is not one of its options"),
                Severity::Error,
            );
        }
        if let Some(t) = &s.counts_toward
            && groups.iter().all(|g| g.id != *t)
        {
            push(
                Anchor::IdField(id.clone(), "counts_toward"),
                format!("stream \"{id}\" counts toward \"{t}\", which is not a group"),
                Severity::Error,
            );
        }
    }
    let mut warned = HashSet::new();
    for (i, course) in c.courses.iter().enumerate() {
        let Some(req) = &course.requires else {
            continue;
        };
        let mut leaves = Vec::new();
        stream_leaves(req, &mut leaves);
        for stream in leaves {
            if !options.contains(stream) && !outside.contains(stream) && warned.insert(stream) {
                push(
                    Anchor::CourseCode(i, "requires", stream.to_string()),
                    format!(
                        "{} needs enrolment in stream {stream}, which no stream of the program offers",
                        course.code
                    ),
                    Severity::Warning,
                );
            }
        }
    }
}

/// The streams named by `enrolled`/`not_enrolled` leaves of `req`.
fn stream_leaves<'r>(req: &'r Req, out: &mut Vec<&'r str>) {
    match req {
        Req::All(parts) | Req::Any(parts) => parts.iter().for_each(|p| stream_leaves(p, out)),
        Req::Coreq(inner) => stream_leaves(inner, out),
        _ => out.extend(req.enrolment().and_then(|e| e.stream)),
    }
}

/// The most credits and courses the catalog can give `g`: its own courses, each sub-group's
/// (capped), and its own cap (patterns resolved once for the group).
fn reach(c: &Curriculum, index: &HashMap<&str, usize>, g: &Group) -> (u32, u32) {
    let mut held: HashSet<usize> = g
        .from
        .iter()
        .flat_map(Item::codes)
        .filter_map(|code| index.get(code.as_str()).copied())
        .collect();
    let patterns: Vec<&super::requisite::Pattern> = g
        .from
        .iter()
        .filter_map(|i| match i {
            Item::Pattern(p) => Some(p),
            _ => None,
        })
        .collect();
    if !patterns.is_empty() {
        held.extend(
            c.courses
                .iter()
                .enumerate()
                .filter(|(_, x)| g.include_required || !x.required)
                .filter(|(_, x)| patterns.iter().any(|p| x.matches(p)))
                .map(|(i, _)| i),
        );
    }
    let mut credits: u32 = held.iter().map(|&i| c.courses[i].credits).sum();
    let mut courses = held.len() as u32;
    for sub in &g.groups {
        let (sc, sn) = reach(c, index, sub);
        credits += sc;
        courses += sn;
    }
    (
        g.max_credits.map_or(credits, |m| credits.min(m)),
        g.max_courses.map_or(courses, |m| courses.min(m)),
    )
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
