//! Cleaning text that comes from files before it is shown anywhere.
//!
//! Titles, names and notes are read from files other people wrote. A terminal interprets
//! control characters and escape sequences, and bidi overrides can make text read differently
//! from what it is, so every string loaded from a file passes through [`clean`].

/// True for characters that must never reach a terminal or a report: C0 and C1 controls
/// (including ESC), DEL, bidi embeddings, overrides and isolates, and zero-width characters.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// Removes unsafe characters in place and reports whether anything was removed.
pub fn clean(s: &mut String) -> bool {
    if !s.chars().any(is_unsafe) {
        return false;
    }
    s.retain(|c| !is_unsafe(c));
    true
}

/// Types whose strings can be cleaned in place.
pub trait Clean {
    /// Cleans every string field; returns how many fields changed.
    fn clean_strings(&mut self) -> usize;
}

impl Clean for String {
    fn clean_strings(&mut self) -> usize {
        usize::from(clean(self))
    }
}

impl<T: Clean> Clean for Vec<T> {
    fn clean_strings(&mut self) -> usize {
        self.iter_mut().map(Clean::clean_strings).sum()
    }
}

impl<T: Clean> Clean for Option<T> {
    fn clean_strings(&mut self) -> usize {
        self.as_mut().map_or(0, Clean::clean_strings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_escape_sequences_controls_and_bidi() {
        let mut s = String::from("Intro\u{1b}[31m to\u{7} \u{202E}Go\u{200B}\r\n");
        assert!(clean(&mut s));
        assert_eq!(s, "Intro[31m to Go");
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        let mut s = String::from("Introducción à l'API (Node.js) — 4 cr");
        assert!(!clean(&mut s));
        assert_eq!(s, "Introducción à l'API (Node.js) — 4 cr");
    }
}
