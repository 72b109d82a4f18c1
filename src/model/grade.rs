//! What a grade is worth for the career paths' strength score.
//!
//! Grades are free text in a plan. This one function reads them on the A–F scale with `+`/`-`
//! (4.0 for A down to 0.0 for F) and pass/fail, so that a curriculum-defined
//! scale can later replace it in one place.

/// Points of a course completed without a grade, or with one this scale does not know (and of
/// a plain pass): the middle of the passing grades, a B.
pub const NEUTRAL_POINTS: f64 = 3.0;

/// Points from 0.0 to 4.0 for a grade, ignoring case and surrounding spaces:
/// A+ and A 4.0, A- 3.7, B+ 3.3, B 3.0, B- 2.7, C+ 2.3, C 2.0, C- 1.7, D+ 1.3, D 1.0,
/// D- 0.7, F 0.0; "pass"/"P" 3.0 and "fail" 0.0. No grade, or any other text, gives
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
