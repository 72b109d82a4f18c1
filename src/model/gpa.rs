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
//! that support the path ([`path_gpas`]).
//!
//! **Calculator.** [`needed`] says what average the credits still ahead
//! ([`remaining_credits`]) need for the plan to finish at a target GPA, or that the target is
//! already certain, or not reachable and the best it can get.

use std::collections::{HashMap, HashSet};

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
    let mut attempts: HashMap<&str, Vec<(usize, usize, &Placement)>> = HashMap::new();
    for (t, term) in plan.terms.iter().enumerate() {
        for (i, p) in term.courses.iter().enumerate() {
            attempts.entry(p.code.as_str()).or_default().push((t, i, p));
        }
    }
    let mut out = HashSet::new();
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
struct Graded<'c> {
    /// Index into [`Plan::terms`].
    term: usize,
    /// The course.
    course: &'c super::curriculum::Course,
    /// The grade's points.
    points: f64,
    /// The credits it is weighted by.
    credits: u32,
    /// Whether it counts in the cumulative GPA (the attempt the `repeat` rule picks).
    counts: bool,
}

/// Every graded attempt in the plan, in plan order.
fn graded<'c>(c: &'c Curriculum, plan: &Plan) -> Vec<Graded<'c>> {
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
fn mean<'a>(attempts: impl Iterator<Item = &'a Graded<'a>>) -> (Option<f64>, u32) {
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

/// Each career path's GPA, by index into [`Curriculum::paths`]: the cumulative GPA over the
/// courses that support the path (weight above 0, the plan's project focus included), each
/// weighted by its credits, not its weight; `None` while none of them has a grade with
/// points. (The path's *results* are another figure: see `model::career`.)
pub fn path_gpas(c: &Curriculum, plan: &Plan) -> Vec<Option<f64>> {
    let all = graded(c, plan);
    c.paths
        .iter()
        .map(|path| {
            let supports = |g: &&Graded| super::career::weight(plan, g.course, &path.id) > 0;
            mean(all.iter().filter(|g| g.counts).filter(supports)).0
        })
        .collect()
}

/// What the courses still ahead need for the plan to finish with a target GPA
/// ([`needed`]). Averages are rounded up to hundredths and GPAs down, so each figure is
/// safe to quote.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Needed {
    /// The target takes an average of `average` points over the remaining credits.
    Reachable {
        /// The least average that reaches the target.
        average: f64,
        /// Credits still to be graded.
        remaining_credits: u32,
    },
    /// The target is met whatever the remaining courses get, as long as they pass.
    AlreadyAbove {
        /// The GPA the plan finishes with at the lowest passing grade in every remaining
        /// credit (the GPA now, when none remain).
        worst: f64,
        /// Credits still to be graded.
        remaining_credits: u32,
    },
    /// Not even the top grade in every remaining credit reaches the target.
    NotReachable {
        /// The GPA the plan finishes with at the top grade in every remaining credit;
        /// `None` when no course has, or can get, a grade with points.
        best: Option<f64>,
        /// Credits still to be graded.
        remaining_credits: u32,
    },
}

impl Needed {
    /// The answer as a sentence, e.g. "To finish with a GPA of 3.50 you need an average of
    /// 3.62 over the remaining 30 credits."
    pub fn sentence(&self, target: f64) -> String {
        let credits = |n: u32| match n {
            1 => "the remaining credit".to_string(),
            n => format!("the remaining {n} credits"),
        };
        match *self {
            Needed::Reachable {
                average,
                remaining_credits,
            } => format!(
                "To finish with a GPA of {target:.2} you need an average of {average:.2} over {}.",
                credits(remaining_credits)
            ),
            Needed::AlreadyAbove {
                worst,
                remaining_credits: 0,
            } => format!(
                "A GPA of {target:.2} is met: the GPA is {worst:.2} and no credits are left to grade."
            ),
            Needed::AlreadyAbove {
                worst,
                remaining_credits,
            } => format!(
                "A GPA of {target:.2} is already certain: passing {} at the lowest grade still gives {worst:.2}.",
                credits(remaining_credits)
            ),
            Needed::NotReachable { best: None, .. } => format!(
                "A GPA of {target:.2} is not reachable: no course has or can get a grade with points."
            ),
            Needed::NotReachable {
                best: Some(best),
                remaining_credits: 0,
            } => format!(
                "A GPA of {target:.2} is not reachable: the GPA is {best:.2} and no credits are left to grade."
            ),
            Needed::NotReachable {
                best: Some(best),
                remaining_credits,
            } => format!(
                "A GPA of {target:.2} is not reachable: at best {best:.2}, with the top grade in {}.",
                credits(remaining_credits)
            ),
        }
    }
}

/// Credits still to be graded toward the degree: the credits placed and not yet completed
/// (in progress or planned, each course once, a retake of a failed course included), or,
/// when the plan places fewer than the degree needs, every credit the degree still needs
/// beyond those completed (courses not placed yet count as graded ones to come). Completed
/// courses without points (Pass, no grade yet) and prior credit are not remaining: they
/// count toward the degree and never toward the GPA.
pub fn remaining_credits(c: &Curriculum, plan: &Plan) -> u32 {
    let credits = super::audit::credits(c, plan);
    (credits.in_progress + credits.planned).max(credits.degree.saturating_sub(credits.completed))
}

/// What the plan's remaining credits ([`remaining_credits`]) need, on average, for the
/// cumulative GPA to end at `target` or above, assuming every remaining credit gets a grade
/// with points (a pass without points would leave the GPA as the graded credits make it).
/// The bounds are the scale's lowest and highest passing points; a scale without points
/// leaves nothing to gain.
pub fn needed(c: &Curriculum, plan: &Plan, target: f64) -> Needed {
    let counted: Vec<Graded> = graded(c, plan).into_iter().filter(|g| g.counts).collect();
    let points: f64 = counted
        .iter()
        .map(|g| g.points * f64::from(g.credits))
        .sum();
    let credits: u32 = counted.iter().map(|g| g.credits).sum();
    let passing: Vec<f64> = scale_of(c)
        .scale
        .iter()
        .filter_map(|(_, m)| match m {
            Mark::Points(p) => Some(*p),
            _ => None,
        })
        .collect();
    let bounds = passing
        .iter()
        .copied()
        .reduce(f64::min)
        .zip(passing.iter().copied().reduce(f64::max));
    let remaining = bounds.map_or(0, |_| remaining_credits(c, plan));
    outlook(
        points,
        credits,
        remaining,
        bounds.unwrap_or((0.0, 0.0)),
        target,
    )
}

/// [`needed`]'s arithmetic: `points` (the sum of points times credits) over `graded`
/// credits so far, `remaining` credits to come, each worth between `low` and `high` points.
fn outlook(
    points: f64,
    graded: u32,
    remaining: u32,
    (low, high): (f64, f64),
    target: f64,
) -> Needed {
    const EPSILON: f64 = 1e-9;
    let up = |x: f64| (x * 100.0 - EPSILON).ceil() / 100.0;
    let down = |x: f64| (x * 100.0 + EPSILON).floor() / 100.0;
    let total = f64::from(graded + remaining);
    let at = |each: f64| (points + each * f64::from(remaining)) / total;
    if graded + remaining == 0 {
        return Needed::NotReachable {
            best: None,
            remaining_credits: 0,
        };
    }
    if remaining == 0 {
        let now = at(0.0);
        return match now + EPSILON >= target {
            true => Needed::AlreadyAbove {
                worst: down(now),
                remaining_credits: 0,
            },
            false => Needed::NotReachable {
                best: Some(down(now)),
                remaining_credits: 0,
            },
        };
    }
    let average = (target * total - points) / f64::from(remaining);
    if average <= low + EPSILON {
        Needed::AlreadyAbove {
            worst: down(at(low)),
            remaining_credits: remaining,
        }
    } else if average > high + EPSILON {
        Needed::NotReachable {
            best: Some(down(at(high))),
            remaining_credits: remaining,
        }
    } else {
        Needed::Reachable {
            average: up(average).min(high),
            remaining_credits: remaining,
        }
    }
}

/// A target GPA as typed: a number of at least 0 ("3.5", "3,5"); a target above the
/// scale's top is a fair question whose answer is "not reachable".
pub fn parse_target(text: &str) -> Result<f64, String> {
    let text = text.trim();
    match text.replace(',', ".").parse::<f64>() {
        Ok(t) if t.is_finite() && t >= 0.0 => Ok(t),
        _ => Err(format!("{text:?} is not a GPA: give a number such as 3.5")),
    }
}

/// The GPA written with two decimals, "–" for none.
pub fn format(gpa: Option<f64>) -> String {
    gpa.map_or_else(|| "–".to_string(), |g| format!("{g:.2}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCALE: (f64, f64) = (0.7, 4.0);

    #[test]
    fn the_average_needed_is_rounded_up() {
        // 20 credits at 3.0 so far, 10 to come: 3.5 needs (3.5 * 30 - 60) / 10 = 4.5, too
        // high; 3.2 needs 3.6.
        assert_eq!(
            outlook(60.0, 20, 10, SCALE, 3.2),
            Needed::Reachable {
                average: 3.6,
                remaining_credits: 10
            }
        );
        // 3.115 needs 3.345, quoted as 3.35: a 3.34 average would fall short.
        assert_eq!(
            outlook(60.0, 20, 10, SCALE, 3.115),
            Needed::Reachable {
                average: 3.35,
                remaining_credits: 10
            }
        );
    }

    #[test]
    fn a_target_above_the_top_grade_is_not_reachable() {
        assert_eq!(
            outlook(60.0, 20, 10, SCALE, 3.5),
            Needed::NotReachable {
                best: Some(3.33),
                remaining_credits: 10
            }
        );
        assert!(matches!(
            outlook(0.0, 0, 64, SCALE, 4.01),
            Needed::NotReachable {
                best: Some(4.0),
                ..
            }
        ));
        // Exactly the top grade everywhere is still reachable.
        assert_eq!(
            outlook(0.0, 0, 64, SCALE, 4.0),
            Needed::Reachable {
                average: 4.0,
                remaining_credits: 64
            }
        );
    }

    #[test]
    fn a_target_the_lowest_pass_keeps_is_already_certain() {
        // 30 credits at 3.8, 3 to come: even a D- leaves (114 + 2.1) / 33 = 3.518...
        assert_eq!(
            outlook(114.0, 30, 3, SCALE, 3.5),
            Needed::AlreadyAbove {
                worst: 3.51,
                remaining_credits: 3
            }
        );
        assert!(matches!(
            outlook(0.0, 0, 10, SCALE, 0.0),
            Needed::AlreadyAbove { .. }
        ));
    }

    #[test]
    fn with_no_credits_left_the_gpa_now_decides() {
        assert_eq!(
            outlook(99.0, 30, 0, SCALE, 3.3),
            Needed::AlreadyAbove {
                worst: 3.3,
                remaining_credits: 0
            }
        );
        assert_eq!(
            outlook(99.0, 30, 0, SCALE, 3.31),
            Needed::NotReachable {
                best: Some(3.3),
                remaining_credits: 0
            }
        );
        assert_eq!(
            outlook(0.0, 0, 0, SCALE, 2.0),
            Needed::NotReachable {
                best: None,
                remaining_credits: 0
            }
        );
    }

    #[test]
    fn targets_are_non_negative_numbers() {
        assert_eq!(parse_target(" 3.5 "), Ok(3.5));
        assert_eq!(parse_target("3,25"), Ok(3.25));
        assert_eq!(parse_target("0"), Ok(0.0));
        for bad in ["", "-1", "abc", "NaN", "inf", "3.5.1"] {
            assert!(parse_target(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_sentences_say_what_to_aim_for() {
        let reachable = Needed::Reachable {
            average: 3.62,
            remaining_credits: 30,
        };
        assert_eq!(
            reachable.sentence(3.5),
            "To finish with a GPA of 3.50 you need an average of 3.62 over the remaining 30 credits."
        );
        let not = Needed::NotReachable {
            best: Some(3.41),
            remaining_credits: 1,
        };
        assert_eq!(
            not.sentence(3.9),
            "A GPA of 3.90 is not reachable: at best 3.41, with the top grade in the remaining credit."
        );
    }
}
