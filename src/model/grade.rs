//! The grade scale: what a completed course's grade may be. Until curricula carry their own
//! scale, it is the bundled program's: A to F with + and - (no F+ or F-), and Pass or Fail.

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

/// The scale in words, for messages.
pub fn describe() -> &'static str {
    "A to F with + or - (A+ … D-, F), Pass or Fail"
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
}
