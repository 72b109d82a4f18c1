//! Synthetic programs and plans of any size, for benchmarks and scale tests.
//!
//! Deterministic: the same size and seed always give the same text. Shared by `benches/`,
//! `tests/` and `examples/synth.rs` through `#[path]`, so it is not part of the app.
//!
//! A curriculum of `n` courses has 8 to 12 semesters, four career paths, a required core of
//! about two courses a semester, four elective groups and free electives. Every course sits
//! at a depth of 0 to 7 in the prerequisite graph and needs at least one course of the depth
//! just below it, so chains run up to eight courses long; courses with a recommended
//! semester are recommended later than their prerequisites, so the file is valid.

#![allow(dead_code)] // Each includer uses part of it.

use std::fmt::Write as _;

use degree_planner::model::{
    Curriculum, CurriculumRef, PLAN_VERSION, Placement, Plan, Status, Term,
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
}

/// A valid curriculum of `n` courses (at least 20) as RON text, like a program office
/// would write it, with a reason comment after each career weight.
pub fn curriculum(n: usize, seed: u64) -> String {
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
                careers.push((path, rng.u32(1..=3)));
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
    write_curriculum(&courses, &groups, semesters, degree, seed)
}

fn write_curriculum(
    courses: &[Course],
    groups: &[Vec<usize>],
    semesters: usize,
    degree: u32,
    seed: u64,
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
        let _ = write!(out, "\"Term {s}\", ");
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

/// `count` plans against `curriculum` (which must come from [`curriculum`]): students at
/// every stage, with completed, in-progress and planned terms, grades, the core placed as
/// recommended, elective groups filled and free electives up to the degree total, each after
/// its prerequisites. About one plan in five has a problem: a course before its prerequisite,
/// a required course left out, or an overloaded term.
pub fn plans(curriculum: &Curriculum, count: usize, seed: u64) -> Vec<Plan> {
    let mut rng = fastrand::Rng::with_seed(seed ^ 0x9e37_79b9_7f4a_7c15);
    let electives: Vec<usize> = (0..curriculum.courses.len())
        .filter(|&i| !curriculum.courses[i].required)
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
            // Some plans have a problem, as real ones do.
            match rng.u8(0..15) {
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
                            }
                        })
                        .collect(),
                    kind: None,
                    year: None,
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

    /// Places the course in the lightest term after all its prerequisites, when it is not
    /// placed yet and every prerequisite is; returns the credits added.
    fn try_add(&mut self, course: usize) -> u32 {
        let c = &self.curriculum.courses[course];
        if self.term_of[course].is_some() {
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
        let Some(term) = (earliest..self.load.len()).min_by_key(|&t| self.load[t]) else {
            return 0;
        };
        self.place(course, term);
        c.credits
    }
}
