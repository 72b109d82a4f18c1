//! Career paths: which path a student's record and choices support, and why.
//!
//! Every figure is defined in the README ("What the planner computes") and computed here:
//!
//! - the **weight** of a course for a path is the curriculum's, raised by [`FOCUS_BONUS`] (to
//!   at most [`MAX_CAREER_WEIGHT`]) when the plan sets that path as the course's project focus;
//! - **readiness**: the share of the path's total weight completed, and placed in any term;
//! - **strength by results**: the weight-averaged grade points of the completed courses that
//!   support the path (see [`super::grade::grade_points`]);
//! - the path's **GPA**: the cumulative GPA over the courses that support it, weighted by
//!   credits on the program's grade scale ([`path_gpas`]);
//! - the path's **core**: the courses whose weight reaches the path's top weight in the
//!   curriculum, with where each stands; the path is **ready after** the term that holds the
//!   last of them;
//! - **next steps**: what to place, take next or give a focus, for each path.

use foldhash::HashMap;

use super::curriculum::{Course, Curriculum};
use super::grade::grade_points;
use super::plan::{Plan, Status};
use super::validate::MAX_CAREER_WEIGHT;

/// Points a project focus adds to the focused path's weight for that course.
pub const FOCUS_BONUS: u32 = 2;

/// Readiness for one career path.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Readiness {
    /// Index into [`Curriculum::paths`].
    pub path: usize,
    /// Sum of all course weights for the path, with the plan's focus.
    pub total: u32,
    /// Sum of weights of completed courses.
    pub completed: u32,
    /// Sum of weights of courses in progress.
    pub in_progress: u32,
    /// Sum of weights of courses placed in any term (completed, in progress or planned).
    pub committed: u32,
}

impl Readiness {
    /// Completed share, 0.0 to 1.0.
    pub fn completed_share(&self) -> f64 {
        share(self.completed, self.total)
    }

    /// Completed-plus-planned share, 0.0 to 1.0.
    pub fn committed_share(&self) -> f64 {
        share(self.committed, self.total)
    }
}

fn share(part: u32, total: u32) -> f64 {
    if total == 0 {
        0.0
    } else {
        (f64::from(part) / f64::from(total)).clamp(0.0, 1.0)
    }
}

/// Where one course stands in a plan: its furthest status, the term of that placement and
/// its grade.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Record<'p> {
    /// How far along it is.
    pub status: Status,
    /// Index into [`Plan::terms`].
    pub term: usize,
    /// The grade, for a completed course that has one.
    pub grade: Option<&'p str>,
}

/// Each placed course's record, by code; a course placed twice counts at its furthest status.
pub fn records(plan: &Plan) -> HashMap<&str, Record<'_>> {
    let mut out: HashMap<&str, Record> = HashMap::default();
    for (term, t) in plan.terms.iter().enumerate() {
        for p in &t.courses {
            let record = Record {
                status: p.status,
                term,
                grade: p.grade.as_deref().filter(|_| p.status == Status::Completed),
            };
            out.entry(p.code.as_str())
                .and_modify(|r| {
                    if record.status > r.status {
                        *r = record;
                    }
                })
                .or_insert(record);
        }
    }
    out
}

/// The path id a plan sets as the project focus of `course`, if the course takes one.
pub fn focus_of<'p>(plan: &'p Plan, course: &Course) -> Option<&'p str> {
    if !course.focus {
        return None;
    }
    plan.focus.get(&course.code).map(String::as_str)
}

/// The weight `course` gives the path `path_id` in `plan`: the curriculum's weight, plus
/// [`FOCUS_BONUS`] (at most [`MAX_CAREER_WEIGHT`]) when the plan focuses the course on it.
pub fn weight(plan: &Plan, course: &Course, path_id: &str) -> u32 {
    let base = course.careers.get(path_id).copied().unwrap_or(0);
    if focus_of(plan, course) == Some(path_id) {
        (base + FOCUS_BONUS).min(MAX_CAREER_WEIGHT)
    } else {
        base
    }
}

/// The path's total weight in `plan`: the curriculum's, plus what the plan's focus adds.
pub fn path_total(curriculum: &Curriculum, plan: &Plan, path: usize) -> u32 {
    let Some(id) = curriculum.paths.get(path).map(|p| p.id.as_str()) else {
        return 0;
    };
    let bonus: u32 = plan
        .focus
        .iter()
        .filter(|(_, p)| p.as_str() == id)
        .filter_map(|(code, _)| curriculum.course(code))
        .map(|c| weight(plan, c, id) - c.careers.get(id).copied().unwrap_or(0))
        .sum();
    curriculum.path_total(path) + bonus
}

/// Readiness for every path, in curriculum order. Walks the plan, not the curriculum: each
/// path's total is computed once when the curriculum is loaded.
pub fn readiness(curriculum: &Curriculum, plan: &Plan) -> Vec<Readiness> {
    let mut all: Vec<Readiness> = (0..curriculum.paths.len())
        .map(|path| Readiness {
            path,
            total: path_total(curriculum, plan, path),
            completed: 0,
            in_progress: 0,
            committed: 0,
        })
        .collect();
    let records = records(plan);
    let statuses = records.iter().map(|(code, r)| (*code, r.status));
    let prior = prior_only(curriculum, plan, &records)
        .into_iter()
        .map(|code| (code, Status::Completed));
    for (code, status) in statuses.chain(prior) {
        let Some(course) = curriculum.course(code) else {
            continue;
        };
        for r in &mut all {
            let w = weight(plan, course, &curriculum.paths[r.path].id);
            r.committed += w;
            match status {
                Status::Completed => r.completed += w,
                Status::InProgress => r.in_progress += w,
                Status::Planned => {}
            }
        }
    }
    all
}

/// The courses prior credit stands for that the plan does not also place: they count as
/// completed before the first term (a placed course counts where it is placed, as in the
/// audit). They carry no grade, so they add to readiness and the core, not to results.
fn prior_only<'p>(
    curriculum: &Curriculum,
    plan: &'p Plan,
    records: &HashMap<&str, Record<'p>>,
) -> Vec<&'p str> {
    let mut out: Vec<&str> = Vec::new();
    for code in super::prior::courses(curriculum, plan) {
        if !records.contains_key(code) && !out.contains(&code) {
            out.push(code);
        }
    }
    out
}

/// One of a path's core courses and where it stands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CoreCourse<'c> {
    /// The course.
    pub course: &'c Course,
    /// Its weight for the path, with the plan's focus.
    pub weight: u32,
    /// Its status, or none when it is in no term. Prior credit for it counts as completed.
    pub status: Option<Status>,
    /// The term it is in (index into [`Plan::terms`]); none for a course in no term, or
    /// done by prior credit before the first term.
    pub term: Option<usize>,
}

impl CoreCourse<'_> {
    /// Whether prior credit, not a term of the plan, covers the course.
    pub fn by_prior_credit(&self) -> bool {
        self.term.is_none() && self.status == Some(Status::Completed)
    }
}

/// A completed course's part in a path's strength.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Contribution<'c, 'p> {
    /// The course.
    pub course: &'c Course,
    /// Its weight for the path, with the plan's focus.
    pub weight: u32,
    /// The grade recorded, if any.
    pub grade: Option<&'p str>,
    /// The grade's points ([`grade_points`]).
    pub points: f64,
}

/// Everything the planner says about one path for one plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing<'c, 'p> {
    /// Index into [`Curriculum::paths`].
    pub path: usize,
    /// Completed, in-progress and placed weight against the path's total.
    pub readiness: Readiness,
    /// Weight-averaged grade points (0 to 4) of the completed courses that support the
    /// path; none before any is completed.
    pub strength: Option<f64>,
    /// The completed courses behind `strength`, most weight times points first.
    pub contributions: Vec<Contribution<'c, 'p>>,
    /// The path's core courses, in plan order: prior credit first, courses in no term last.
    pub core: Vec<CoreCourse<'c>>,
    /// The term by whose end every core course is completed, as the plan stands; none
    /// while a core course is in no term.
    pub ready_after: Option<usize>,
    /// Weight of the electives placed, of the most the degree's elective credits can hold
    /// ([`Curriculum::elective_best`], or what is placed when a plan goes past it); none when
    /// the program's electives give the path nothing.
    pub electives: Option<(u32, u32)>,
}

impl Standing<'_, '_> {
    /// Core courses completed, in progress, and still ahead (planned or in no term).
    pub fn core_counts(&self) -> (usize, usize, usize) {
        let count = |s: Option<Status>| self.core.iter().filter(|c| c.status == s).count();
        let done = count(Some(Status::Completed));
        let doing = count(Some(Status::InProgress));
        (done, doing, self.core.len() - done - doing)
    }

    /// The core courses not yet completed nor in progress.
    pub fn core_ahead(&self) -> impl Iterator<Item = &CoreCourse<'_>> {
        self.core
            .iter()
            .filter(|c| !matches!(c.status, Some(Status::Completed | Status::InProgress)))
    }
}

/// Every path's standing, in the order the planner shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct Standings<'c, 'p> {
    /// One per path: ranked when `ranked`, else in curriculum order.
    pub paths: Vec<Standing<'c, 'p>>,
    /// Whether the paths are ranked. They are not while a required course is in no term:
    /// a plan that drops required courses is never shown as supporting a path better.
    pub ranked: bool,
    /// Required courses in no term, in curriculum order.
    pub missing_required: Vec<&'c Course>,
}

impl Standings<'_, '_> {
    /// The path the results favour: the first ranked path, when its strength is above every
    /// other path's.
    pub fn strongest(&self) -> Option<&Standing<'_, '_>> {
        let first = self.paths.first().filter(|_| self.ranked)?;
        let top = first.strength?;
        let next = self.paths.get(1).and_then(|s| s.strength).unwrap_or(0.0);
        (top - next > 1e-9).then_some(first)
    }

    /// Indices into [`Curriculum::paths`] in the order shown.
    pub fn order(&self) -> Vec<usize> {
        self.paths.iter().map(|s| s.path).collect()
    }
}

/// The standing of `readiness.path` in `plan`, from the plan's `records`.
fn standing<'c, 'p>(
    curriculum: &'c Curriculum,
    plan: &'p Plan,
    records: &HashMap<&str, Record<'p>>,
    readiness: Readiness,
) -> Standing<'c, 'p> {
    let path = readiness.path;
    let id = curriculum.paths[path].id.as_str();
    let mut contributions: Vec<Contribution> = records
        .iter()
        .filter(|(_, r)| r.status == Status::Completed)
        .filter_map(|(code, r)| {
            let course = curriculum.course(code)?;
            let weight = weight(plan, course, id);
            (weight > 0).then(|| Contribution {
                course,
                weight,
                grade: r.grade,
                points: grade_points(r.grade),
            })
        })
        .collect();
    contributions.sort_by(|a, b| {
        (f64::from(b.weight) * b.points)
            .total_cmp(&(f64::from(a.weight) * a.points))
            .then(a.course.code.cmp(&b.course.code))
    });
    let weights: u32 = contributions.iter().map(|c| c.weight).sum();
    let strength = (weights > 0).then(|| {
        contributions
            .iter()
            .map(|c| f64::from(c.weight) * c.points)
            .sum::<f64>()
            / f64::from(weights)
    });
    let top = curriculum.top_weight(path);
    let prior = prior_only(curriculum, plan, records);
    let mut core: Vec<CoreCourse> = Vec::new();
    let mut add = |i: usize, weight: u32| {
        let record = records.get(curriculum.courses[i].code.as_str()).copied();
        let course = &curriculum.courses[i];
        let by_prior = record.is_none() && prior.contains(&course.code.as_str());
        core.push(CoreCourse {
            course,
            weight,
            status: record
                .map(|r| r.status)
                .or(by_prior.then_some(Status::Completed)),
            term: record.map(|r| r.term),
        });
    };
    if top > 0 {
        // Courses come strongest first, so the curriculum's core is a prefix; a focus only
        // adds weight, so the focused courses that reach the top weight join it.
        for &i in curriculum.strongest_for(path) {
            let course = &curriculum.courses[i];
            let base = course.careers.get(id).copied().unwrap_or(0);
            if base < top {
                break;
            }
            let w = if course.focus {
                weight(plan, course, id)
            } else {
                base
            };
            add(i, w);
        }
        for code in plan.focus.keys() {
            let Some(i) = curriculum.course_index(code) else {
                continue;
            };
            let course = &curriculum.courses[i];
            let w = weight(plan, course, id);
            if course.careers.get(id).copied().unwrap_or(0) < top && w >= top {
                add(i, w);
            }
        }
    }
    // Prior credit first (before the first term), courses in no term last.
    core.sort_by_key(|c| match c.term {
        Some(t) => t + 1,
        None if c.by_prior_credit() => 0,
        None => usize::MAX,
    });
    let ready_after = core
        .iter()
        .filter(|c| !c.by_prior_credit())
        .map(|c| c.term)
        .collect::<Option<Vec<_>>>()
        .and_then(|terms| terms.into_iter().max());
    let electives = (curriculum.elective_best(path) > 0).then(|| {
        let placed = records
            .keys()
            .filter_map(|code| curriculum.course(code))
            .filter(|c| !c.required)
            .map(|c| weight(plan, c, id))
            .sum();
        (placed, curriculum.elective_best(path).max(placed))
    });
    Standing {
        path,
        readiness,
        strength,
        contributions,
        core,
        ready_after,
        electives,
    }
}

/// Every path's standing. Ranked by strength (paths without one last), then the earlier
/// readiness term (none last), then the larger completed share, then curriculum order; not
/// ranked while a required course is in no term.
pub fn standings<'c, 'p>(curriculum: &'c Curriculum, plan: &'p Plan) -> Standings<'c, 'p> {
    let records = records(plan);
    let mut paths: Vec<Standing> = readiness(curriculum, plan)
        .into_iter()
        .map(|r| standing(curriculum, plan, &records, r))
        .collect();
    // A required course that prior credit stands for is done, as the audit counts it.
    let missing_required: Vec<&Course> = super::prior::left_to_place(curriculum, plan)
        .map(|i| &curriculum.courses[i])
        .filter(|c| c.required)
        .collect();
    let ranked = missing_required.is_empty();
    if ranked {
        paths.sort_by(|a, b| {
            let strength = |s: &Standing| s.strength.unwrap_or(-1.0);
            strength(b)
                .total_cmp(&strength(a))
                .then(
                    a.ready_after
                        .unwrap_or(usize::MAX)
                        .cmp(&b.ready_after.unwrap_or(usize::MAX)),
                )
                .then(
                    b.readiness
                        .completed_share()
                        .total_cmp(&a.readiness.completed_share()),
                )
                .then(a.path.cmp(&b.path))
        });
    }
    Standings {
        paths,
        ranked,
        missing_required,
    }
}

/// The order in which the planner shows the paths (indices into [`Curriculum::paths`]).
pub fn display_order(curriculum: &Curriculum, plan: &Plan) -> Vec<usize> {
    standings(curriculum, plan).order()
}

/// Each career path's GPA, by index into [`Curriculum::paths`]: the cumulative GPA over the
/// courses that support the path (weight above 0, the plan's project focus included), each
/// weighted by its credits, not its weight; `None` while none of them has a grade with
/// points. (Another figure than the path's results, [`Standing::strength`].)
pub fn path_gpas(c: &Curriculum, plan: &Plan) -> Vec<Option<f64>> {
    let all = super::gpa::graded(c, plan);
    c.paths
        .iter()
        .map(|path| {
            let supports = |g: &&super::gpa::Graded| weight(plan, g.course, &path.id) > 0;
            super::gpa::mean(all.iter().filter(|g| g.counts).filter(supports)).0
        })
        .collect()
}

/// One thing a student can do for a path.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step<'c> {
    /// A course that supports the path is in no term: place it.
    Place(&'c Course),
    /// The course for the path to take next: not started, every prerequisite completed or in
    /// progress; with the term it is planned in.
    Take(&'c Course, usize),
    /// A project course not yet completed whose focus could be this path.
    Focus(&'c Course),
}

impl<'c> Step<'c> {
    /// The course the step is about.
    pub fn course(&self) -> &'c Course {
        match self {
            Step::Place(c) | Step::Take(c, _) | Step::Focus(c) => c,
        }
    }
}

/// What to do next for `path_id`, most useful first: place the strongest course for it that
/// is in no term; take the course it gains most from that can start next term; set a
/// project's focus on it. Courses to take are ordered by weight for the path, then by how
/// much more they give this path than any other, then by term, then curriculum order.
pub fn next_steps<'c>(curriculum: &'c Curriculum, plan: &Plan, path_id: &str) -> Vec<Step<'c>> {
    let Some(path) = curriculum.path_index(path_id) else {
        return Vec::new();
    };
    let records = records(plan);
    let prior = prior_only(curriculum, plan, &records);
    let status = |code: &str| records.get(code).map(|r| r.status);
    let mut steps = Vec::new();
    let unplaced = |i: usize| {
        let code = curriculum.courses[i].code.as_str();
        !records.contains_key(code) && !prior.contains(&code)
    };
    if let Some(&i) = curriculum
        .strongest_for(path)
        .iter()
        .find(|&&i| unplaced(i))
    {
        steps.push(Step::Place(&curriculum.courses[i]));
    }
    let distinct = |c: &Course| {
        let own = weight(plan, c, path_id) as i64;
        let other = curriculum
            .paths
            .iter()
            .filter(|p| p.id != path_id)
            .map(|p| weight(plan, c, &p.id) as i64)
            .max()
            .unwrap_or(0);
        own - other
    };
    let eligible = |c: &Course| {
        status(&c.code) == Some(Status::Planned)
            && c.prerequisites
                .iter()
                .all(|p| status(p) >= Some(Status::InProgress))
    };
    // The course to take next is one of the plan's, so the plan's courses are walked, not
    // the catalog's thousands that support the path: the most weight (a focus included),
    // then the most distinct to the path, then the earliest term; ties go as the path's
    // ranking orders its courses (curriculum weight, recommended semester, curriculum order).
    type Key = (
        std::cmp::Reverse<u32>,
        std::cmp::Reverse<i64>,
        usize,
        (std::cmp::Reverse<u32>, u32, usize),
    );
    let mut best: Option<(Key, &Course, usize)> = None;
    for (code, record) in &records {
        let Some(i) = curriculum.course_index(code) else {
            continue;
        };
        let c = &curriculum.courses[i];
        let base = c.careers.get(path_id).copied().unwrap_or(0);
        if base == 0 || !eligible(c) {
            continue;
        }
        let rank = (std::cmp::Reverse(base), c.semester.unwrap_or(u32::MAX), i);
        let key = (
            std::cmp::Reverse(weight(plan, c, path_id)),
            std::cmp::Reverse(distinct(c)),
            record.term,
            rank,
        );
        if best.as_ref().is_none_or(|(k, ..)| key < *k) {
            best = Some((key, c, record.term));
        }
    }
    let take = best.map(|(_, c, term)| (c, term));
    if let Some((course, term)) = take {
        steps.push(Step::Take(course, term));
    }
    let focus = curriculum
        .focus_courses()
        .iter()
        .map(|&i| &curriculum.courses[i])
        .find(|c| {
            c.focus
                && status(&c.code) != Some(Status::Completed)
                && focus_of(plan, c) != Some(path_id)
        });
    if let Some(course) = focus {
        steps.push(Step::Focus(course));
    }
    steps
}
