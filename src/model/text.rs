//! Cleaning text that comes from files before it is shown anywhere.
//!
//! Titles, names and notes are read from files other people wrote. A terminal interprets
//! control characters and escape sequences, and bidi overrides can make text read differently
//! from what it is, so every string loaded from a file passes through [`clean`].

/// True for characters that must never reach a terminal or a report: C0 and C1 controls
/// (including ESC), DEL, bidi marks, embeddings, overrides and isolates (the Arabic letter
/// mark too), line and paragraph separators, and invisible characters: zero-width ones, the
/// soft hyphen, Hangul fillers, the Mongolian vowel separator and tag characters.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{3164}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

/// Removes unsafe characters in place, and whole terminal escape sequences with them (so that
/// `ESC ] 0 ; title BEL` leaves nothing behind, not `]0;title`). Reports whether anything was
/// removed.
pub fn clean(s: &mut String) -> bool {
    // Printable ASCII, which nearly every code and title is, holds nothing unsafe: checked a
    // byte at a time, loading a catalog of thousands of courses skips decoding each string.
    if s.bytes().all(|b| (b' '..=b'~').contains(&b)) || !s.chars().any(is_unsafe) {
        return false;
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // CSI: ESC [ or C1 CSI, parameters, then one final byte from @ to ~.
            '\u{1b}' if chars.peek() == Some(&'[') => {
                chars.next();
                skip_csi(&mut chars);
            }
            '\u{9b}' => skip_csi(&mut chars),
            // OSC, DCS, SOS, PM, APC: a string ended by BEL or ST (ESC \ or C1 ST).
            '\u{1b}' if matches!(chars.peek(), Some(']' | 'P' | 'X' | '^' | '_')) => {
                chars.next();
                skip_string(&mut chars);
            }
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            // Any other escape: ESC and the one character after it.
            '\u{1b}' => {
                chars.next();
            }
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    *s = out;
    true
}

fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
    }
}

fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' if chars.peek() == Some(&'\\') => {
                chars.next();
                break;
            }
            _ => {}
        }
    }
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
        assert_eq!(s, "Intro to Go");
        let mut s = String::from(
            "a\u{1b}]0;pwned\u{7}b\u{1b}]52;c;aGk=\u{1b}\\c\u{1b}[2J\u{1b}[Hd\u{9b}1mé\u{1b}7f",
        );
        assert!(clean(&mut s));
        assert_eq!(s, "abcdéf");
        let mut s = String::from("unterminated \u{1b}]0;title");
        clean(&mut s);
        assert_eq!(s, "unterminated ");
    }

    #[test]
    fn strips_invisible_and_separator_characters() {
        let mut s = String::from(
            "a\u{061C}b\u{2028}c\u{2029}d\u{E0041}\u{E007F}e\u{3164}\u{115F}\u{1160}\u{FFA0}f\u{00AD}g\u{180E}h",
        );
        assert!(clean(&mut s));
        assert_eq!(s, "abcdefgh");
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        let mut s = String::from("Introducción à l'API (Node.js) — 4 cr");
        assert!(!clean(&mut s));
        assert_eq!(s, "Introducción à l'API (Node.js) — 4 cr");
    }
}
