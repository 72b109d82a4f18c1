//! Synthetic programs and plans of any size, for benchmarks and scale tests.
//!
//! Deterministic: the same size and seed always give the same text. Shared by `benches/`,
//! `tests/` and `examples/synth.rs` through `#[path]`, so it is not part of the app.
//!
//! A curriculum of `n` courses has 8 to 12 semesters, four career paths, a required core of
//! about two courses a semester, four elective groups and free electives. About 40% of the
//! courses support each path, with weights 1 to 3; the top weight, which makes a course
//! part of a path's core, goes to required courses and to one elective in 50, so a path's
//! core at 5,000 courses is about 15 courses, as a program's would be. Every course sits
//! at a depth of 0 to 7 in the prerequisite graph and needs at least one course of the depth
//! just below it, so chains run up to eight courses long; courses with a recommended
//! semester are recommended later than their prerequisites, so the file is valid.
//!
//! With [`Constructs::All`] (the default of [`curriculum`]) the courses also use the
//! requirement language of issue 14 in the shares of the real UNSW catalog
//! (docs/design/requirement-language.md, section 6 step 7): as shares of all courses, 19%
//! have an OR, 8% a nested expression, 22% a credit threshold, 17% an enrolment condition,
//! 3% a corequisite, 70% are offered only in some terms, 9% have credits other than 6 and
//! 23% list exclusions; a few also have permission alternatives, equivalents, alternate
//! years, variable credits, attributes, alternatives outside the catalog, grades, WAM and
//! manual conditions, and every course with an expression has its published text. Every
//! code an expression names is of a lower depth (or in `outside`), so nothing can form a
//! cycle. [`Constructs::None`] writes the older shape, byte for byte.

#![allow(dead_code)] // Each includer uses part of it.

use std::fmt::Write as _;

use degree_planner::model::requisite::Req;
use degree_planner::model::{
    self, Curriculum, CurriculumRef, PLAN_VERSION, Placement, Plan, Status, Term,
};

/// Depth of the prerequisite graph: the longest chain has this many courses.
pub const DEPTH: usize = 8;

/// Career paths: id, name, mark.
const PATHS: [(&str, &str, char); 4] = [
    ("backend", "Senior Back-End Developer", 'S'),
    ("devops", "DevOps Engineer", 'D'),
    ("architect", "Technical Lead or Architect", 'A'),
    ("data", "Data Engineer", 'T'),
];

const DEPARTMENTS: [&str; 20] = [
    "CS", "SE", "DB", "NW", "OS", "SC", "MA", "ST", "EN", "PH", "EC", "DS", "AI", "HC", "CL", "PL",
    "TH", "WB", "MB", "QA",
];

const QUALIFIERS: [&str; 12] = [
    "Introduction to",
    "Applied",
    "Advanced",
    "Topics in",
    "Foundations of",
    "Practical",
    "Principles of",
    "Seminar in",
    "Projects in",
    "Theory of",
    "Design of",
    "Studio in",
];

const TOPICS: [&str; 24] = [
    "Backend Programming",
    "Distributed Systems",
    "Database Systems",
    "Computer Networks",
    "Operating Systems",
    "Software Testing",
    "Cloud Infrastructure",
    "Web Security",
    "Data Pipelines",
    "Message Queues",
    "API Design",
    "Container Orchestration",
    "Observability",
    "Performance Engineering",
    "Technical Writing",
    "Linear Algebra",
    "Probability",
    "Compilers",
    "Concurrency",
    "Storage Engines",
    "Search Systems",
    "Cryptography",
    "Software Architecture",
    "Team Leadership",
];

const REASONS: [&str; 6] = [
    "daily work of the role",
    "a tool the role relies on",
    "background the role builds on",
    "the role designs systems like these",
    "the role operates systems like these",
    "practice in the role's trade",
];

/// Degree credits per semester: 8 semesters make 120 credits.
const CREDITS_PER_SEMESTER: u32 = 15;
/// Elective groups and the credits each asks for.
const GROUPS: usize = 4;
const GROUP_CREDITS: u32 = 9;

/// Whether a synthetic curriculum uses the requirement language of issue 14.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Constructs {
    /// Every construct, in the shares of the real catalog.
    All,
    /// Only `prerequisites` lists, the shape from before issue 14.
    None,
}

/// Term kinds of a curriculum with constructs: three terms a year, named "2027 T1" and so on.
pub const TERM_KINDS: [&str; 3] = ["T1", "T2", "T3"];
/// The calendar year of the first term.
pub const FIRST_YEAR: i32 = 2027;
/// The program's code and family, which most enrolment conditions name.
const PROGRAM: &str = "3778";
const FAMILY: &str = "SYNTH";
/// A program the student is not in: courses restricted to it are never met.
const OTHER_PROGRAM: &str = "9999";
/// Retired codes some alternatives still name, listed in `outside`.
const OUTSIDE: [&str; 6] = [
    "OLD10001", "OLD10002", "OLD20001", "OLD20002", "OLD30001", "OLD30002",
];

/// The calendar year and term kind of term `t` (0-based) of a curriculum with constructs.
pub fn term_of(t: usize) -> (i32, &'static str) {
    (FIRST_YEAR + (t / 3) as i32, TERM_KINDS[t % 3])
}

/// One synthetic course before it is written out.
struct Course {
    code: String,
    title: String,
    credits: u32,
    depth: usize,
    semester: Option<usize>,
    required: bool,
    prerequisites: Vec<usize>,
    careers: Vec<(usize, u32)>,
    facts: Facts,
}

/// The requirement-language facts of one course (all empty without constructs).
#[derive(Default)]
struct Facts {
    /// Parts that must all hold: written as `all([..])` when there is more than one.
    requires: Vec<Part>,
    /// Indices into [`TERM_KINDS`].
    offered: Vec<usize>,
    /// "odd" or "even".
    years: Option<&'static str>,
    max_credits: Option<u32>,
    excludes: Vec<usize>,
    equivalent: Vec<usize>,
    attributes: Vec<&'static str>,
}

/// A part of a requisite expression, naming courses by index.
enum Part {
    Course(usize),
    Outside(&'static str),
    Any(Vec<Part>),
    All(Vec<Part>),
    Coreq(Box<Part>),
    Grade(usize, &'static str),
    Credits { min: u32, of: Option<Of> },
    Enrolled(Enrol),
    Permission,
    Wam(u32),
    Manual,
}

/// What a credit threshold counts.
enum Of {
    Subject(&'static str),
    Level(u32),
    Attribute(&'static str),
}

/// What an enrolment condition names.
enum Enrol {
    Program,
    Family,
    NotOther,
    Other,
}

/// A valid curriculum of `n` courses (at least 20) as RON text, like a program office
/// would write it, with a reason comment after each career weight, using every construct.
pub fn curriculum(n: usize, seed: u64) -> String {
    curriculum_with(n, seed, Constructs::All)
}

/// [`curriculum`], with or without the constructs of issue 14.
pub fn curriculum_with(n: usize, seed: u64, constructs: Constructs) -> String {
    assert!(n >= 20, "a synthetic curriculum needs at least 20 courses");
    let mut rng = fastrand::Rng::with_seed(seed);
    let semesters = 8 + rng.usize(0..=4);
    // Depth d is recommended in the semester that spreads the depths over all semesters, so
    // a prerequisite (one depth lower) is always recommended earlier.
    let semester_of = |depth: usize| depth * semesters / DEPTH + 1;
    let core = (semesters * 2).min(n / 2);
    let mut by_depth: Vec<Vec<usize>> = vec![Vec::new(); DEPTH];
    let mut core_by_depth: Vec<Vec<usize>> = vec![Vec::new(); DEPTH];
    let mut courses = Vec::with_capacity(n);
    for i in 0..n {
        let required = i < core;
        // The core spreads evenly over the depths; electives thin out with depth.
        let depth = if required {
            i * DEPTH / core
        } else {
            [0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 7][rng.usize(0..15)]
        };
        let semester = (required || rng.u8(0..10) < 3).then(|| semester_of(depth));
        let department = DEPARTMENTS[i % DEPARTMENTS.len()];
        let code = format!("{department}{}{:04}", depth + 1, i / DEPARTMENTS.len());
        let mut title = format!(
            "{} {}",
            QUALIFIERS[rng.usize(0..QUALIFIERS.len())],
            TOPICS[rng.usize(0..TOPICS.len())]
        );
        if rng.u8(0..4) == 0 {
            title.push_str([" I", " II", " III"][rng.usize(0..3)]);
        }
        let mut careers = Vec::new();
        for path in 0..PATHS.len() {
            if rng.u8(0..10) < 4 {
                // A path's core (its courses of the top weight) is a program's handful, not
                // a third of the catalog: an elective keeps the top weight one time in 50.
                let weight = match rng.u32(1..=3) {
                    3 if !required && i % 50 != 0 => 2,
                    w => w,
                };
                careers.push((path, weight));
            }
        }
        by_depth[depth].push(i);
        if required {
            core_by_depth[depth].push(i);
        }
        courses.push(Course {
            code,
            title,
            credits: [2, 3, 3, 4, 4, 4, 5, 6][rng.usize(0..8)],
            depth,
            semester,
            required,
            prerequisites: Vec::new(),
            careers,
            facts: Facts::default(),
        });
    }
    // Prerequisites: one course of the depth just below (a required course needs required
    // ones), and sometimes a second from any lower depth.
    for course in &mut courses {
        if course.depth == 0 {
            continue;
        }
        let pool = if course.required {
            &core_by_depth
        } else {
            &by_depth
        };
        let below = &pool[course.depth - 1];
        if below.is_empty() {
            continue;
        }
        let first = below[rng.usize(0..below.len())];
        course.prerequisites.push(first);
        if rng.u8(0..10) < 4 {
            let lower = &pool[rng.usize(0..course.depth)];
            if let Some(&second) = lower.get(rng.usize(0..lower.len().max(1)))
                && second != first
            {
                course.prerequisites.push(second);
            }
        }
    }
    if constructs == Constructs::All {
        // A stream of its own, so that the older shape stays the same for the same seed.
        let mut rng = fastrand::Rng::with_seed(seed ^ 0x5eed_c0de_0014_0014);
        add_constructs(&mut courses, &by_depth, &core_by_depth, &mut rng);
    }
    // Elective groups: every fifth elective is free, the rest go round the groups.
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); GROUPS];
    for (k, i) in (core..n).enumerate() {
        if k % (GROUPS + 1) < GROUPS {
            groups[k % (GROUPS + 1)].push(i);
        }
    }
    let total: u32 = courses.iter().map(|c| c.credits).sum();
    let degree = (semesters as u32 * CREDITS_PER_SEMESTER)
        .min(total)
        .min(1000);
    write_curriculum(&courses, &groups, semesters, degree, seed, constructs)
}

/// A course of a depth below `depth` from `pool` (by depth), if there is one.
fn lower(rng: &mut fastrand::Rng, pool: &[Vec<usize>], depth: usize) -> Option<usize> {
    if depth == 0 {
        return None;
    }
    let at = &pool[rng.usize(0..depth)];
    (!at.is_empty()).then(|| at[rng.usize(0..at.len())])
}

/// Gives each course its requirement-language facts, in the shares of the real catalog.
/// A required course gets only what the recommended core placement meets: alternatives
/// and corequisites among required courses of lower depths, its own program, an offering
/// that includes its recommended term.
fn add_constructs(
    courses: &mut [Course],
    by_depth: &[Vec<usize>],
    core_by_depth: &[Vec<usize>],
    rng: &mut fastrand::Rng,
) {
    // Shares of all courses; a course-naming construct needs a depth above 0, which about
    // 73% of the courses have, so its share among those is scaled up.
    let deep = |share: f64| share / 0.73;
    for i in 0..courses.len() {
        let (depth, required) = (courses[i].depth, courses[i].required);
        let pool = if required { core_by_depth } else { by_depth };
        let mut parts = Vec::new();
        if rng.f64() < deep(0.19)
            && let (Some(a), Some(b)) = (lower(rng, pool, depth), lower(rng, pool, depth))
            && a != b
        {
            let roll = rng.f64();
            let c = lower(rng, pool, depth).filter(|&c| c != a && c != b);
            parts.push(match c {
                // Nested: (a and b) or c.
                Some(c) if roll < 0.42 => Part::Any(vec![
                    Part::All(vec![Part::Course(a), Part::Course(b)]),
                    Part::Course(c),
                ]),
                _ if roll < 0.58 && !required => Part::Any(vec![Part::Course(a), Part::Permission]),
                _ if roll < 0.66 && !required => Part::Any(vec![
                    Part::Course(a),
                    Part::Outside(OUTSIDE[rng.usize(0..OUTSIDE.len())]),
                ]),
                _ => Part::Any(vec![Part::Course(a), Part::Course(b)]),
            });
        }
        if rng.f64() < deep(0.03)
            && let Some(a) = lower(rng, pool, depth)
        {
            parts.push(Part::Coreq(Box::new(Part::Course(a))));
        }
        if !required {
            if rng.f64() < deep(0.05)
                && let Some(a) = lower(rng, pool, depth)
            {
                parts.push(Part::Grade(a, if rng.bool() { "C" } else { "B" }));
            }
            if rng.f64() < 0.22 {
                let department = DEPARTMENTS[i % DEPARTMENTS.len()];
                parts.push(match rng.u8(0..10) {
                    0..5 => Part::Credits {
                        min: [12, 24, 36, 48][rng.usize(0..4)],
                        of: None,
                    },
                    5..8 => Part::Credits {
                        min: 6,
                        of: Some(Of::Subject(department)),
                    },
                    8 => Part::Credits {
                        min: 12,
                        of: Some(Of::Level(1)),
                    },
                    _ => Part::Credits {
                        min: 6,
                        of: Some(Of::Attribute("gen-ed")),
                    },
                });
            }
            if rng.f64() < 0.01 {
                parts.push(Part::Wam(65));
            }
            if rng.f64() < 0.01 {
                parts.push(Part::Manual);
            }
        }
        if rng.f64() < 0.17 {
            parts.push(Part::Enrolled(if required {
                Enrol::Program
            } else {
                match rng.u8(0..20) {
                    0..14 => Enrol::Program,
                    14..17 => Enrol::Family,
                    17..19 => Enrol::NotOther,
                    _ => Enrol::Other,
                }
            }));
        }
        let facts = &mut courses[i].facts;
        facts.requires = parts;
        if rng.f64() < 0.70 {
            let mut kinds: Vec<usize> = match courses[i].semester.filter(|_| required) {
                Some(s) => vec![(s - 1) % TERM_KINDS.len()],
                None => vec![rng.usize(0..TERM_KINDS.len())],
            };
            if rng.bool() {
                kinds.push((kinds[0] + 1 + rng.usize(0..2)) % TERM_KINDS.len());
            }
            kinds.sort_unstable();
            facts.offered = kinds;
            if !required && rng.f64() < 0.04 {
                facts.years = Some(if rng.bool() { "odd" } else { "even" });
            }
        }
        let course = &mut courses[i];
        // A required course keeps 6, so the recommended core stays under the load limit.
        course.credits = if required || rng.f64() < 0.91 {
            6
        } else {
            [2, 3, 4, 12][rng.usize(0..4)]
        };
        if !required && rng.f64() < 0.01 {
            course.credits = 2;
            course.facts.max_credits = Some(12);
        }
        if rng.f64() < 0.10 {
            course.facts.attributes.push("gen-ed");
        }
        if rng.f64() < 0.03 {
            course.facts.attributes.push("capstone");
        }
        // Exclusions and equivalents between electives of one depth.
        let peers = &by_depth[depth];
        if !required && peers.len() > 1 {
            let other = peers[rng.usize(0..peers.len())];
            if other != i && !courses[other].required {
                if rng.f64() < 0.23 {
                    courses[i].facts.excludes.push(other);
                } else if rng.f64() < 0.02 {
                    courses[i].facts.equivalent.push(other);
                }
            }
        }
    }
}

fn write_curriculum(
    courses: &[Course],
    groups: &[Vec<usize>],
    semesters: usize,
    degree: u32,
    seed: u64,
    constructs: Constructs,
) -> String {
    let mut out = String::with_capacity(courses.len() * 400);
    let _ = writeln!(
        out,
        "// Synthetic program of {} courses (seed {seed}), written by examples/synth.rs.",
        courses.len()
    );
    out.push_str("(\n");
    let _ = writeln!(
        out,
        "    name: \"Synthetic Engineering {}\",",
        courses.len()
    );
    let _ = writeln!(out, "    degree_credits: {degree},");
    out.push_str("    max_term_credits: 21,\n    semesters: [");
    for s in 1..=semesters {
        match constructs {
            Constructs::All => {
                let (year, kind) = term_of(s - 1);
                let _ = write!(out, "\"{year} {kind}\", ");
            }
            Constructs::None => {
                let _ = write!(out, "\"Term {s}\", ");
            }
        }
    }
    if constructs == Constructs::All {
        let _ = write!(
            out,
            "],\n    code: \"{PROGRAM}\",\n    families: [\"{FAMILY}\"],\n    term_kinds: ["
        );
        for kind in TERM_KINDS {
            let _ = write!(out, "\"{kind}\", ");
        }
        out.push_str("],\n    outside: [");
        for code in OUTSIDE {
            let _ = write!(out, "\"{code}\", ");
        }
    }
    out.push_str("],\n    paths: [\n");
    for (id, name, mark) in PATHS {
        let _ = writeln!(
            out,
            "        (id: \"{id}\", name: \"{name}\", mark: '{mark}', about: \"A synthetic career path.\"),"
        );
    }
    out.push_str("    ],\n    courses: [\n");
    for course in courses {
        out.push_str("        (\n");
        let _ = writeln!(out, "            code: \"{}\",", course.code);
        let _ = writeln!(out, "            title: \"{}\",", course.title);
        let _ = writeln!(out, "            credits: {},", course.credits);
        if let Some(s) = course.semester {
            let _ = writeln!(out, "            semester: {s},");
        }
        if !course.required {
            out.push_str("            required: false,\n");
        }
        if !course.prerequisites.is_empty() {
            out.push_str("            prerequisites: [");
            for &p in &course.prerequisites {
                let _ = write!(out, "\"{}\", ", courses[p].code);
            }
            out.push_str("],\n");
        }
        write_facts(&mut out, courses, &course.facts);
        if !course.careers.is_empty() {
            out.push_str("            careers: {\n");
            for &(path, weight) in &course.careers {
                let reason = REASONS[(course.depth + path) % REASONS.len()];
                let _ = writeln!(
                    out,
                    "                \"{}\": {weight}, // {reason}",
                    PATHS[path].0
                );
            }
            out.push_str("            },\n");
        }
        out.push_str("        ),\n");
    }
    out.push_str("    ],\n    electives: [\n");
    for (g, members) in groups.iter().enumerate() {
        if members.is_empty() {
            continue;
        }
        let reachable: u32 = members.iter().map(|&i| courses[i].credits).sum();
        let _ = writeln!(
            out,
            "        (\n            name: \"Elective group {}\",\n            min_credits: {},\n            courses: [",
            g + 1,
            GROUP_CREDITS.min(reachable)
        );
        for &i in members {
            let _ = writeln!(out, "                \"{}\",", courses[i].code);
        }
        out.push_str("            ],\n        ),\n");
    }
    out.push_str("    ],\n)\n");
    out
}

/// The requirement-language fields of one course.
fn write_facts(out: &mut String, courses: &[Course], facts: &Facts) {
    let codes = |list: &[usize]| -> String {
        list.iter()
            .map(|&i| format!("\"{}\"", courses[i].code))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let requires = match facts.requires.as_slice() {
        [] => None,
        [one] => Some((ron(one, courses), text(one, courses))),
        parts => Some((
            format!(
                "all([{}])",
                parts
                    .iter()
                    .map(|p| ron(p, courses))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            parts
                .iter()
                .map(|p| text(p, courses))
                .collect::<Vec<_>>()
                .join("; and "),
        )),
    };
    if let Some((expression, words)) = requires {
        let _ = writeln!(out, "            requires: {expression},");
        let _ = writeln!(
            out,
            "            requisite_text: \"Prerequisite: {words}.\","
        );
    }
    if !facts.offered.is_empty() {
        let kinds: Vec<String> = facts
            .offered
            .iter()
            .map(|&k| format!("\"{}\"", TERM_KINDS[k]))
            .collect();
        let _ = writeln!(out, "            offered: [{}],", kinds.join(", "));
    }
    if let Some(years) = facts.years {
        let _ = writeln!(out, "            years: {years},");
    }
    if let Some(max) = facts.max_credits {
        let _ = writeln!(out, "            max_credits: {max},");
    }
    if !facts.excludes.is_empty() {
        let _ = writeln!(out, "            excludes: [{}],", codes(&facts.excludes));
    }
    if !facts.equivalent.is_empty() {
        let _ = writeln!(
            out,
            "            equivalent: [{}],",
            codes(&facts.equivalent)
        );
    }
    if !facts.attributes.is_empty() {
        let list: Vec<String> = facts
            .attributes
            .iter()
            .map(|a| format!("\"{a}\""))
            .collect();
        let _ = writeln!(out, "            attributes: [{}],", list.join(", "));
    }
}

/// A part as a RON requisite expression.
fn ron(part: &Part, courses: &[Course]) -> String {
    let list = |parts: &[Part]| {
        parts
            .iter()
            .map(|p| ron(p, courses))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match part {
        Part::Course(i) => format!("course(\"{}\")", courses[*i].code),
        Part::Outside(code) => format!("course(\"{code}\")"),
        Part::Any(parts) => format!("any([{}])", list(parts)),
        Part::All(parts) => format!("all([{}])", list(parts)),
        Part::Coreq(inner) => format!("coreq({})", ron(inner, courses)),
        Part::Grade(i, min) => format!("grade(\"{}\", \"{min}\")", courses[*i].code),
        Part::Credits { min, of } => match of {
            None => format!("credits(min: {min})"),
            Some(Of::Subject(s)) => format!("credits(min: {min}, of: [(subject: \"{s}\")])"),
            Some(Of::Level(l)) => format!("credits(min: {min}, of: [(level: {l})])"),
            Some(Of::Attribute(a)) => format!("credits(min: {min}, of: [(attribute: \"{a}\")])"),
        },
        Part::Enrolled(e) => match e {
            Enrol::Program => format!("enrolled(program: \"{PROGRAM}\")"),
            Enrol::Family => format!("enrolled(family: \"{FAMILY}\")"),
            Enrol::NotOther => format!("not_enrolled(program: \"{OTHER_PROGRAM}\")"),
            Enrol::Other => format!("enrolled(program: \"{OTHER_PROGRAM}\")"),
        },
        Part::Permission => "permission(\"the Head of School\")".into(),
        Part::Wam(min) => format!("wam(min: {min})"),
        Part::Manual => "manual(\"good academic standing\")".into(),
    }
}

/// A part as a handbook would publish it.
fn text(part: &Part, courses: &[Course]) -> String {
    let list = |parts: &[Part], word: &str| {
        parts
            .iter()
            .map(|p| text(p, courses))
            .collect::<Vec<_>>()
            .join(word)
    };
    match part {
        Part::Course(i) => courses[*i].code.clone(),
        Part::Outside(code) => (*code).to_string(),
        Part::Any(parts) => format!("({})", list(parts, " or ")),
        Part::All(parts) => format!("({})", list(parts, " and ")),
        Part::Coreq(inner) => format!("{} (may be taken concurrently)", text(inner, courses)),
        Part::Grade(i, min) => format!("a grade of {min} or better in {}", courses[*i].code),
        Part::Credits { min, of } => match of {
            None => format!("completion of {min} UOC"),
            Some(Of::Subject(s)) => format!("{min} UOC of {s} courses"),
            Some(Of::Level(l)) => format!("{min} UOC at level {l}"),
            Some(Of::Attribute(a)) => format!("{min} UOC of {a} courses"),
        },
        Part::Enrolled(e) => match e {
            Enrol::Program => format!("enrolment in program {PROGRAM}"),
            Enrol::Family => format!("enrolment in a {FAMILY} program"),
            Enrol::NotOther => format!("not enrolled in program {OTHER_PROGRAM}"),
            Enrol::Other => format!("enrolment in program {OTHER_PROGRAM}"),
        },
        Part::Permission => "permission of the Head of School".into(),
        Part::Wam(min) => format!("a WAM of {min}"),
        Part::Manual => "good academic standing".into(),
    }
}

/// `count` plans against `curriculum` (which must come from [`curriculum_with`]): students at
/// every stage, with completed, in-progress and planned terms, grades, the core placed as
/// recommended, elective groups filled and free electives up to the degree total, each after
/// its prerequisites and where its requisites, offerings and exclusions allow. About one plan
/// in eight has a problem: a course before its prerequisite, a required course left out, or
/// an overloaded term; with constructs, about one in four, adding a course together with one
/// it excludes, a course in a term it is not offered in, a course restricted to another
/// program, and a course before its credit threshold.
pub fn plans(curriculum: &Curriculum, count: usize, seed: u64) -> Vec<Plan> {
    let mut rng = fastrand::Rng::with_seed(seed ^ 0x9e37_79b9_7f4a_7c15);
    let constructs = !curriculum.term_kinds.is_empty();
    let electives: Vec<usize> = (0..curriculum.courses.len())
        .filter(|&i| !curriculum.courses[i].required)
        .collect();
    let restricted: Vec<usize> = (0..curriculum.courses.len())
        .filter(|&i| {
            curriculum.courses[i].requires.as_ref().is_some_and(|r| {
                r.conjuncts().iter().any(
                    |p| matches!(p, Req::Enrolled { program: Some(p), .. } if p == OTHER_PROGRAM),
                )
            })
        })
        .collect();
    let grades = ["A", "A-", "B+", "B", "B-", "C"];
    (0..count)
        .map(|m| {
            let terms = curriculum.semesters.len();
            let mut draft = Draft::new(curriculum);
            for (i, c) in curriculum.courses.iter().enumerate() {
                if let Some(s) = c.semester.filter(|_| c.required) {
                    draft.place(i, s as usize - 1);
                }
            }
            // Fill each elective group, then free electives up to the degree.
            for group in &curriculum.electives {
                let mut got = 0;
                for _ in 0..200 {
                    if got >= group.min_credits {
                        break;
                    }
                    let code = &group.courses[rng.usize(0..group.courses.len())];
                    if let Some(i) = curriculum.course_index(code) {
                        got += draft.try_add(i);
                    }
                }
            }
            for _ in 0..2000 {
                if draft.credits >= curriculum.degree_credits || electives.is_empty() {
                    break;
                }
                draft.try_add(electives[rng.usize(0..electives.len())]);
            }
            let mut placed = draft.placed;
            let placed_where = |placed: &[Vec<usize>], want: &dyn Fn(usize) -> bool| {
                (0..terms).find_map(|t| placed[t].iter().position(|&i| want(i)).map(|k| (t, k)))
            };
            // Some plans have a problem, as real ones do.
            match rng.u8(0..25) {
                0 => {
                    // A course moved before its prerequisite.
                    if let Some(t) = (1..terms).rev().find(|&t| !placed[t].is_empty()) {
                        let i = placed[t].remove(0);
                        placed[0].push(i);
                    }
                }
                1 => {
                    // A required course left out.
                    if let Some(t) = (0..terms).find(|&t| !placed[t].is_empty()) {
                        placed[t].remove(0);
                    }
                }
                // Everything of the last term crammed into the one before.
                2 if terms > 1 => {
                    let last = std::mem::take(&mut placed[terms - 1]);
                    placed[terms - 2].extend(last);
                }
                // A course taken together with one it excludes.
                3 if constructs => {
                    let partner = |i: usize| {
                        curriculum
                            .links()
                            .excludes(&curriculum.courses[i].code)
                            .iter()
                            .find_map(|code| curriculum.course_index(code))
                    };
                    if let Some((t, k)) = placed_where(&placed, &|i| partner(i).is_some()) {
                        let other = partner(placed[t][k]).expect("found above");
                        if !placed.iter().flatten().any(|&i| i == other) {
                            placed[terms - 1].push(other);
                        }
                    }
                }
                // A course moved to a term it is not offered in.
                4 if constructs => {
                    let offered = |i: usize| !curriculum.courses[i].offered.is_empty();
                    if let Some((t, k)) = placed_where(&placed, &offered) {
                        let i = placed[t][k];
                        let course = &curriculum.courses[i];
                        if let Some(to) = (0..terms)
                            .rev()
                            .find(|&to| !course.offered.iter().any(|o| o == term_of(to).1))
                        {
                            placed[t].remove(k);
                            placed[to].push(i);
                        }
                    }
                }
                // A course restricted to another program.
                5 if constructs && !restricted.is_empty() => {
                    let i = restricted[rng.usize(0..restricted.len())];
                    if !placed.iter().flatten().any(|&p| p == i) {
                        placed[terms - 1].push(i);
                    }
                }
                // A course moved before the credits it needs.
                6 if constructs => {
                    let threshold = |i: usize| {
                        curriculum.courses[i].requires.as_ref().is_some_and(|r| {
                            r.conjuncts()
                                .iter()
                                .any(|p| matches!(p, Req::Credits { min, .. } if *min >= 12))
                        })
                    };
                    if let Some((t, k)) = placed_where(&placed, &threshold)
                        && t > 0
                    {
                        let i = placed[t].remove(k);
                        placed[0].push(i);
                    }
                }
                _ => {}
            }
            let progress = rng.usize(0..=terms);
            let term_list = placed
                .into_iter()
                .enumerate()
                .map(|(t, codes)| Term {
                    name: curriculum.semesters[t].clone(),
                    courses: codes
                        .into_iter()
                        .map(|i| {
                            let (status, grade) = match t.cmp(&progress) {
                                std::cmp::Ordering::Less => (
                                    Status::Completed,
                                    Some(grades[rng.usize(0..grades.len())].to_string()),
                                ),
                                std::cmp::Ordering::Equal => (Status::InProgress, None),
                                std::cmp::Ordering::Greater => (Status::Planned, None),
                            };
                            Placement {
                                code: curriculum.courses[i].code.clone(),
                                status,
                                grade,
                                credits: None,
                                pinned: false,
                            }
                        })
                        .collect(),
                    kind: None,
                    year: constructs.then(|| term_of(t).0),
                })
                .collect();
            Plan {
                version: PLAN_VERSION,
                curriculum: CurriculumRef {
                    name: curriculum.name.clone(),
                    hash: curriculum.content_hash().to_string(),
                },
                student: format!("Student {m:05}"),
                target_path: Some(
                    curriculum.paths[rng.usize(0..curriculum.paths.len())]
                        .id
                        .clone(),
                ),
                terms: term_list,
                focus: Default::default(),
                notes: Vec::new(),
                verdict: None,
                set_aside: Vec::new(),
                choices: Default::default(),
                prior: Vec::new(),
                exceptions: Vec::new(),
            }
        })
        .collect()
}

/// A plan being drawn up: course indices per term.
struct Draft<'c> {
    curriculum: &'c Curriculum,
    placed: Vec<Vec<usize>>,
    term_of: Vec<Option<usize>>,
    load: Vec<u32>,
    credits: u32,
}

impl<'c> Draft<'c> {
    fn new(curriculum: &'c Curriculum) -> Self {
        let terms = curriculum.semesters.len();
        Draft {
            curriculum,
            placed: vec![Vec::new(); terms],
            term_of: vec![None; curriculum.courses.len()],
            load: vec![0; terms],
            credits: 0,
        }
    }

    fn place(&mut self, course: usize, term: usize) {
        let credits = self.curriculum.courses[course].credits;
        self.placed[term].push(course);
        self.term_of[course] = Some(term);
        self.load[term] += credits;
        self.credits += credits;
    }

    /// Places the course in the lightest term after all its prerequisites where it is
    /// offered, fits under the load limit and its requisite is not unmet, when it is not placed yet, nothing placed
    /// excludes it, and every prerequisite is placed; returns the credits added.
    fn try_add(&mut self, course: usize) -> u32 {
        let c = &self.curriculum.courses[course];
        if self.term_of[course].is_some()
            || self
                .curriculum
                .links()
                .excludes(&c.code)
                .iter()
                .any(|code| self.placed_by(code, usize::MAX, false))
        {
            return 0;
        }
        let mut earliest = 0;
        for code in &c.prerequisites {
            match self
                .curriculum
                .course_index(code)
                .and_then(|p| self.term_of[p])
            {
                Some(t) => earliest = earliest.max(t + 1),
                None => return 0,
            }
        }
        let limit = self.curriculum.max_term_credits.unwrap_or(u32::MAX);
        let Some(term) = (earliest..self.load.len())
            .filter(|&t| self.load[t] + c.credits <= limit && self.fits(c, t))
            .min_by_key(|&t| self.load[t])
        else {
            return 0;
        };
        self.place(course, term);
        c.credits
    }

    /// Whether `course` may go in term `t`: offered there, in that year, and its requisite
    /// met or left to a person.
    fn fits(&self, course: &model::Course, t: usize) -> bool {
        let (year, kind) = term_of(t);
        let constructs = !self.curriculum.term_kinds.is_empty();
        (course.offered.is_empty() || course.offered.iter().any(|k| k == kind))
            && (!constructs || course.years.as_ref().is_none_or(|y| y.includes(year)))
            && course
                .requires
                .as_ref()
                .is_none_or(|r| self.holds(r, t, false))
    }

    /// Whether `code` (or an equivalent) is placed before term `t` (or in it, with `same`).
    fn placed_by(&self, code: &str, t: usize, same: bool) -> bool {
        let in_time = |code: &str| {
            self.curriculum
                .course_index(code)
                .and_then(|i| self.term_of[i])
                .is_some_and(|p| p < t || (same && p == t))
        };
        match self.curriculum.links().equivalents(code) {
            Some(class) => class.iter().any(|c| in_time(c)),
            None => in_time(code),
        }
    }

    /// Whether `req` is met at term `t`, or only a person can tell.
    fn holds(&self, req: &Req, t: usize, same: bool) -> bool {
        let c = self.curriculum;
        match req {
            Req::All(parts) => parts.iter().all(|p| self.holds(p, t, same)),
            Req::Any(parts) => parts.iter().any(|p| self.holds(p, t, same)),
            Req::Coreq(inner) => self.holds(inner, t, true),
            Req::Course(code) | Req::Grade(code, _) => self.placed_by(code, t, same),
            Req::Credits { min, of } => {
                let end = if same { t + 1 } else { t }.min(self.placed.len());
                let got: u32 = self.placed[..end]
                    .iter()
                    .flatten()
                    .filter(|&&i| of.is_empty() || of.iter().any(|p| c.courses[i].matches(p)))
                    .map(|&i| c.courses[i].credits)
                    .sum();
                got >= *min
            }
            Req::Enrolled { .. } | Req::NotEnrolled { .. } => {
                let e = req.enrolment().expect("an enrolment leaf");
                let inside = match (e.program, e.family) {
                    (Some(p), _) => c.code.as_deref() == Some(p),
                    (_, Some(f)) => c.families.iter().any(|x| x == f),
                    _ => return true,
                };
                inside == matches!(req, Req::Enrolled { .. })
            }
            Req::Wam { .. } | Req::Permission(_) | Req::Manual(_) => true,
        }
    }
}
