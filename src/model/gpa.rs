//! Grades as the program counts them (issue 15): the curriculum's grade scale (or the
//! planner's default A-F scale), which completed courses failed (no credit, no requisite
//! cleared), which attempt of a repeated course counts, and the GPA per term and overall.
//!
//! **Default scale**, the planner's choice for a curriculum without `grades`: A+ and A 4.0,
//! A- 3.7, B+ 3.3, B 3.0, B- 2.7, C+ 2.3, C 2.0, C- 1.7, D+ 1.3, D 1.0, D- 0.7 (all passing and
//! counted in the GPA); F fails and counts 0.0 in the GPA; Pass passes without points; Fail
//! fails without points; the best attempt of a repeated course counts.
//!
//! **GPA.** A term's GPA is the credit-weighted mean of the points of every graded attempt
//! completed in it; the cumulative GPA counts each course once, at the attempt the scale's
//! `repeat` rule picks. Grades without points (Pass, Fail, unknown text) and courses without a
//! grade are left out of both. A career path's GPA is the cumulative GPA over the courses
//! that support the path (`model::career::path_gpas`).
//! What a target GPA needs of the courses ahead is `model::gpa_target`'s business.

use foldhash::{HashMap, HashSet};

use super::curriculum::Curriculum;
pub use super::grade::{GradeScale, Mark, Repeat};
use super::plan::{Placement, Plan, Status};

/// The default scale, built once.
static DEFAULT: std::sync::LazyLock<GradeScale> =
    std::sync::LazyLock::new(GradeScale::default_scale);

/// The curriculum's grade scale, or the default one.
pub fn scale_of(c: &Curriculum) -> &GradeScale {
    c.grades.as_ref().unwrap_or(&DEFAULT)
}

/// Whether the placement is a completed course with a failing grade: it earns no credit and
/// clears no requisite.
pub fn failed(scale: &GradeScale, p: &Placement) -> bool {
    p.status == Status::Completed
        && p.grade
            .as_deref()
            .and_then(|g| scale.mark(g))
            .is_some_and(Mark::fails)
}

/// Every placement (term, index) of a course placed more than once that does not count in
/// the cumulative GPA: a graded attempt the `repeat` rule passes over, and a failed attempt
/// the course is placed again after.
pub fn superseded(scale: &GradeScale, plan: &Plan) -> HashSet<(usize, usize)> {
    let mut attempts: HashMap<&str, Vec<(usize, usize, &Placement)>> = HashMap::default();
    for (t, term) in plan.terms.iter().enumerate() {
        for (i, p) in term.courses.iter().enumerate() {
            attempts.entry(p.code.as_str()).or_default().push((t, i, p));
        }
    }
    let mut out = HashSet::default();
    for list in attempts.values().filter(|l| l.len() > 1) {
        let graded: Vec<_> = list
            .iter()
            .filter(|(_, _, p)| p.status == Status::Completed && p.grade.is_some())
            .collect();
        let points = |p: &Placement| {
            p.grade
                .as_deref()
                .and_then(|g| scale.mark(g))
                .and_then(Mark::points)
                .unwrap_or(0.0)
        };
        let keep = match scale.repeat {
            Repeat::Last => graded.last().copied(),
            Repeat::Best => graded
                .iter()
                .copied()
                .filter(|(_, _, p)| !failed(scale, p))
                .max_by(|a, b| points(a.2).total_cmp(&points(b.2)))
                .or(graded.last().copied()),
        };
        let last = list.last().map(|(t, i, _)| (*t, *i));
        for (t, i, p) in list {
            let graded = p.status == Status::Completed && p.grade.is_some();
            let replaced = graded && keep.is_some_and(|(kt, ki, _)| (kt, ki) != (t, i));
            let retaken = failed(scale, p) && last != Some((*t, *i));
            if replaced || retaken {
                out.insert((*t, *i));
            }
        }
    }
    out
}

/// Whether `code` is a repeated course, not one placed twice by mistake: every placement but
/// the last is a completed, graded attempt, and either the last is one too or every earlier
/// one failed (a retake still to come).
pub fn is_repeat(scale: &GradeScale, plan: &Plan, code: &str) -> bool {
    let all: Vec<&Placement> = plan
        .terms
        .iter()
        .flat_map(|t| &t.courses)
        .filter(|p| p.code == code)
        .collect();
    let graded = |p: &&Placement| p.status == Status::Completed && p.grade.is_some();
    let Some((last, earlier)) = all.split_last() else {
        return false;
    };
    !earlier.is_empty()
        && earlier.iter().all(graded)
        && (graded(last) || earlier.iter().all(|p| failed(scale, p)))
}

/// The GPA of a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Gpa {
    /// Per term: the GPA of the graded attempts completed in it, `None` when there are none.
    pub terms: Vec<Option<f64>>,
    /// Over the whole plan, each course once; `None` without any graded course.
    pub cumulative: Option<f64>,
    /// Credits the cumulative GPA is weighted over.
    pub credits: u32,
}

/// One graded attempt: a completed placement of a known course whose grade has points.
pub(super) struct Graded<'c> {
    /// Index into [`Plan::terms`].
    pub(super) term: usize,
    /// The course.
    pub(super) course: &'c super::curriculum::Course,
    /// The grade's points.
    pub(super) points: f64,
    /// The credits it is weighted by.
    pub(super) credits: u32,
    /// Whether it counts in the cumulative GPA (the attempt the `repeat` rule picks).
    pub(super) counts: bool,
}

/// Every graded attempt in the plan, in plan order.
pub(super) fn graded<'c>(c: &'c Curriculum, plan: &Plan) -> Vec<Graded<'c>> {
    let scale = scale_of(c);
    let skip = superseded(scale, plan);
    let mut out = Vec::new();
    for (t, term) in plan.terms.iter().enumerate() {
        for (i, p) in term.courses.iter().enumerate() {
            let Some(course) = c.course(&p.code) else {
                continue;
            };
            if p.status != Status::Completed {
                continue;
            }
            let Some(points) = p
                .grade
                .as_deref()
                .and_then(|g| scale.mark(g))
                .and_then(Mark::points)
            else {
                continue;
            };
            out.push(Graded {
                term: t,
                course,
                points,
                credits: p.credits_of(course),
                counts: !skip.contains(&(t, i)),
            });
        }
    }
    out
}

/// The credit-weighted mean of `attempts`, with the credits it is weighted over.
pub(super) fn mean<'a>(attempts: impl Iterator<Item = &'a Graded<'a>>) -> (Option<f64>, u32) {
    let (mut points, mut credits) = (0.0, 0u32);
    for g in attempts {
        points += g.points * f64::from(g.credits);
        credits += g.credits;
    }
    ((credits > 0).then(|| points / f64::from(credits)), credits)
}

/// The plan's GPA (see the module documentation for what counts).
pub fn gpa(c: &Curriculum, plan: &Plan) -> Gpa {
    let all = graded(c, plan);
    let terms = (0..plan.terms.len())
        .map(|t| mean(all.iter().filter(|g| g.term == t)).0)
        .collect();
    let (cumulative, credits) = mean(all.iter().filter(|g| g.counts));
    Gpa {
        terms,
        cumulative,
        credits,
    }
}

/// The GPA written with two decimals, "–" for none.
pub fn format(gpa: Option<f64>) -> String {
    gpa.map_or_else(|| "–".to_string(), |g| format!("{g:.2}"))
}
