//! The GPA calculator (issue 15): what average the credits still ahead need for a plan to
//! finish with a target GPA, or that the target is already certain, or not reachable and the
//! best the plan can get. The GPA itself is `model::gpa`'s.

use super::curriculum::Curriculum;
use super::gpa::{self, Mark};
use super::plan::Plan;

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
    let counted: Vec<gpa::Graded> = gpa::graded(c, plan)
        .into_iter()
        .filter(|g| g.counts)
        .collect();
    let points: f64 = counted
        .iter()
        .map(|g| g.points * f64::from(g.credits))
        .sum();
    let credits: u32 = counted.iter().map(|g| g.credits).sum();
    let passing: Vec<f64> = gpa::scale_of(c)
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
