//! The grade scale: which grades a completed course may have, and what each is worth for the
//! career paths' strength score: A to F with + and - (no F+ or F-), and Pass or Fail. A
//! curriculum may also define its own scale ([`GradeScale`], its `grades` field), which decides
//! failing grades, repeats and the GPA (`model::gpa`).

use serde::{Deserialize, Serialize};

/// Every grade on the scale, as it is written.
pub const SCALE: [&str; 15] = [
    "A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "D-", "F", "Pass", "Fail",
];

/// `text` as a grade on the scale, written as the scale writes it ("b+" is "B+", "pass" is
/// "Pass"); `None` if it is not on the scale.
pub fn parse(text: &str) -> Option<&'static str> {
    let text = text.trim();
    SCALE.iter().find(|g| g.eq_ignore_ascii_case(text)).copied()
}

/// Whether the grade `have` is at least `min`, both on the scale (A+ highest, F lowest);
/// Fail meets nothing and Pass only Pass. `None` when either is off the scale or Pass is
/// compared with a letter.
pub fn at_least(have: &str, min: &str) -> Option<bool> {
    let (have, min) = (parse(have)?, parse(min)?);
    let rank = |g: &str| SCALE[..13].iter().position(|x| *x == g);
    match (have, min) {
        ("Fail", _) => Some(false),
        ("Pass", "Pass") | (_, "Fail") => Some(true),
        ("Pass", _) => None,
        (_, "Pass") => Some(rank(have)? < 12),
        _ => Some(rank(have)? <= rank(min)?),
    }
}

/// The scale in words, for messages.
pub fn describe() -> &'static str {
    "A to F with + or - (A+ … D-, F), Pass or Fail"
}

/// Points of a course completed without a grade, or with one this scale does not know (and of
/// a plain pass): the middle of the passing grades, a B.
pub const NEUTRAL_POINTS: f64 = 3.0;

/// Points from 0.0 to 4.0 for a grade, ignoring case and surrounding spaces:
/// A+ and A 4.0, A- 3.7, B+ 3.3, B 3.0, B- 2.7, C+ 2.3, C 2.0, C- 1.7, D+ 1.3, D 1.0,
/// D- 0.7, F 0.0; Pass 3.0 and Fail 0.0. No grade, or any other text, gives
/// [`NEUTRAL_POINTS`].
pub fn grade_points(grade: Option<&str>) -> f64 {
    let Some(grade) = grade.map(|g| g.trim().to_ascii_uppercase()) else {
        return NEUTRAL_POINTS;
    };
    match grade.as_str() {
        "A+" | "A" => 4.0,
        "A-" => 3.7,
        "B+" => 3.3,
        "B" => 3.0,
        "B-" => 2.7,
        "C+" => 2.3,
        "C" => 2.0,
        "C-" => 1.7,
        "D+" => 1.3,
        "D" => 1.0,
        "D-" => 0.7,
        "F" | "FAIL" => 0.0,
        _ => NEUTRAL_POINTS,
    }
}

// The curriculum's own scale (issue 15); what it means for credits and the GPA is
// `model::gpa`'s business.

/// What a grade means.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Mark {
    /// Passes, and counts these points in the GPA.
    Points(f64),
    /// Passes, without points.
    Pass,
    /// Fails (no credit), without points.
    Fail,
    /// Fails (no credit), and counts these points (usually 0.0) in the GPA.
    FailPoints(f64),
}

impl Mark {
    /// Whether the grade fails the course.
    pub fn fails(self) -> bool {
        matches!(self, Mark::Fail | Mark::FailPoints(_))
    }

    /// The points it counts in the GPA, if it counts.
    pub fn points(self) -> Option<f64> {
        match self {
            Mark::Points(p) | Mark::FailPoints(p) => Some(p),
            Mark::Pass | Mark::Fail => None,
        }
    }
}

/// Which attempt of a course taken more than once counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Repeat {
    /// The attempt with the most points (the last among equals).
    #[default]
    Best,
    /// The last attempt.
    Last,
}

/// A curriculum's grade scale: each grade as written and what it means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeScale {
    /// Grades and their meaning, e.g. `("HD", Points(4.0))`.
    pub scale: Vec<(String, Mark)>,
    /// Which attempt of a repeated course counts.
    #[serde(default)]
    pub repeat: Repeat,
}

impl GradeScale {
    /// The planner's default A-F scale, for a curriculum without `grades` (documented in
    /// `model::gpa`).
    pub fn default_scale() -> Self {
        let points = [
            ("A+", 4.0),
            ("A", 4.0),
            ("A-", 3.7),
            ("B+", 3.3),
            ("B", 3.0),
            ("B-", 2.7),
            ("C+", 2.3),
            ("C", 2.0),
            ("C-", 1.7),
            ("D+", 1.3),
            ("D", 1.0),
            ("D-", 0.7),
        ];
        let mut scale: Vec<(String, Mark)> = points
            .iter()
            .map(|(g, p)| (g.to_string(), Mark::Points(*p)))
            .collect();
        scale.push(("F".into(), Mark::FailPoints(0.0)));
        scale.push(("Pass".into(), Mark::Pass));
        scale.push(("Fail".into(), Mark::Fail));
        GradeScale {
            scale,
            repeat: Repeat::Best,
        }
    }

    /// What `grade` means on this scale (ignoring case and outer spaces), if it is on it.
    pub fn mark(&self, grade: &str) -> Option<Mark> {
        let grade = grade.trim();
        self.scale
            .iter()
            .find(|(g, _)| g.eq_ignore_ascii_case(grade))
            .map(|(_, m)| *m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_are_read_whatever_their_case() {
        assert_eq!(parse(" b+ "), Some("B+"));
        assert_eq!(parse("PASS"), Some("Pass"));
        assert_eq!(parse("F"), Some("F"));
        for bad in ["F+", "E", "A++", "excellent", "", "1.0"] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn grades_compare_along_the_scale() {
        assert_eq!(at_least("A", "B+"), Some(true));
        assert_eq!(at_least("b", "B"), Some(true));
        assert_eq!(at_least("C+", "B-"), Some(false));
        assert_eq!(at_least("F", "Pass"), Some(false));
        assert_eq!(at_least("D-", "Pass"), Some(true));
        assert_eq!(at_least("Fail", "F"), Some(false));
        assert_eq!(at_least("Pass", "C"), None);
        assert_eq!(at_least("HD", "C"), None);
    }

    #[test]
    fn every_grade_on_the_scale_has_points() {
        for g in SCALE {
            let p = grade_points(Some(g));
            assert!((0.0..=4.0).contains(&p), "{g}: {p}");
        }
        assert_eq!(grade_points(Some("Fail")), 0.0);
        assert_eq!(grade_points(Some("Pass")), NEUTRAL_POINTS);
    }
}
