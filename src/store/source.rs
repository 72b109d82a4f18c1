//! A light scan of RON source text, used to point validation findings at a line and column
//! and to read the one-line reasons written as comments after career weights.
//!
//! Serde gives positions only for syntax and type errors; findings about meaning (a duplicate
//! code, an unknown prerequisite) are found on the parsed value and located here afterwards.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::model::validate::Anchor;

#[derive(Debug, Clone, PartialEq)]
enum Tok<'a> {
    Ident(&'a str),
    /// A string's value, decoded and cleaned as the loader cleans it; borrowed from the text
    /// when it needs neither (nearly every string of a real catalog).
    Str(Cow<'a, str>),
    Punct(char),
    Number,
    Comment(&'a str),
}

impl Tok<'_> {
    /// Whether this is a string token with value `value`.
    fn is_str(&self, value: &str) -> bool {
        matches!(self, Tok::Str(s) if s == value)
    }
}

#[derive(Debug, Clone)]
struct Token<'a> {
    tok: Tok<'a>,
    offset: usize,
}

/// Token positions of one RON source, for locating findings.
pub struct SourceMap<'a> {
    text: &'a str,
    tokens: Vec<Token<'a>>,
    /// Token index of each course's `code: "..."`.
    courses: Vec<usize>,
    /// Token range of each course: from its opening parenthesis to its closing one, so that
    /// fields written before `code` belong to their own course.
    ranges: Vec<(usize, usize)>,
    /// Byte offset where each line starts, so locating a finding is a binary search rather
    /// than a scan from the top (a real catalog has a thousand warnings in a 1 MiB file).
    lines: Vec<usize>,
}

impl<'a> SourceMap<'a> {
    /// Scans `text`; never fails, only finds less in text it cannot follow.
    pub fn new(text: &'a str) -> Self {
        let tokens = tokenize(text);
        // Nesting depth before each token: a course's `code` is at depth 3 (the file, the
        // `courses` list, the course; 2 in a bare list of courses), unlike the program's own
        // `code` (1) or a pattern's in a requisite (5 and deeper).
        let mut depth = 0usize;
        let depths: Vec<usize> = tokens
            .iter()
            .map(|t| {
                let before = depth;
                match t.tok {
                    Tok::Punct('(' | '[' | '{') => depth += 1,
                    Tok::Punct(')' | ']' | '}') => depth = depth.saturating_sub(1),
                    _ => {}
                }
                before
            })
            .collect();
        let courses = (0..tokens.len())
            .filter(|&i| {
                (2..=3).contains(&depths[i])
                    && is_field(&tokens, i, "code")
                    && matches!(
                        tokens.get(i + 2),
                        Some(Token {
                            tok: Tok::Str(_),
                            ..
                        })
                    )
            })
            .collect::<Vec<usize>>();
        let ranges = courses.iter().map(|&c| enclosing(&tokens, c)).collect();
        let lines = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        SourceMap {
            text,
            tokens,
            courses,
            ranges,
            lines,
        }
    }

    /// 1-based line and column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.lines.partition_point(|&start| start <= offset);
        let start = self.lines[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }

    /// Where the finding's anchor is, as 1-based line and column.
    pub fn locate(&self, anchor: &Anchor) -> Option<(usize, usize)> {
        let token = match anchor {
            Anchor::Field(name) => {
                (0..self.tokens.len()).find(|&i| is_field(&self.tokens, i, name))
            }
            Anchor::Course(i) => self.courses.get(*i).copied(),
            Anchor::CourseField(i, name) => {
                let (start, end) = self.course_range(*i)?;
                (start..end).find(|&t| is_field(&self.tokens, t, name))
            }
            Anchor::Prerequisite(i, code) => {
                let (start, end) = self.course_range(*i)?;
                let list = (start..end).find(|&t| is_field(&self.tokens, t, "prerequisites"))?;
                (list..end).find(|&t| self.tokens[t].tok.is_str(code))
            }
            Anchor::CourseCode(i, field, code) => {
                let (start, end) = self.course_range(*i)?;
                let list = (start..end).find(|&t| is_field(&self.tokens, t, field))?;
                (list..end).find(|&t| self.tokens[t].tok.is_str(code))
            }
            Anchor::CareerWeight(i, path) => self.career_weight(*i, path),
            Anchor::Path(i) => (0..self.tokens.len())
                .filter(|&t| is_field(&self.tokens, t, "mark"))
                .nth(*i),
            Anchor::Elective(i) => (0..self.tokens.len())
                .filter(|&t| is_field(&self.tokens, t, "min_credits"))
                .nth(*i),
            Anchor::Id(id, n) => self.ids(id).nth(*n),
            Anchor::IdField(id, name) => {
                let (start, end) = enclosing(&self.tokens, self.ids(id).next()?);
                (start..end).find(|&t| is_field(&self.tokens, t, name))
            }
            Anchor::IdCode(id, code) => {
                let (start, end) = enclosing(&self.tokens, self.ids(id).next()?);
                (start..end).find(|&t| self.tokens[t].tok.is_str(code))
            }
            Anchor::Limit(i) => {
                let list = (0..self.tokens.len()).find(|&t| is_field(&self.tokens, t, "limits"))?;
                (list..self.tokens.len())
                    .filter(|&t| is_field(&self.tokens, t, "name"))
                    .nth(*i)
            }
        }?;
        Some(self.line_col(self.tokens[token].offset))
    }

    /// The `// reason` comments after each career weight of each course, by course index.
    pub fn career_reasons(&self) -> Vec<BTreeMap<String, String>> {
        (0..self.courses.len())
            .map(|i| {
                let Some((start, end)) = self.course_range(i) else {
                    return BTreeMap::new();
                };
                let mut reasons = BTreeMap::new();
                let Some(list) = (start..end).find(|&t| is_field(&self.tokens, t, "careers"))
                else {
                    return reasons;
                };
                for t in list..end {
                    let (Tok::Str(path), Some(Tok::Punct(':')), Some(Tok::Number)) = (
                        &self.tokens[t].tok,
                        self.tokens.get(t + 1).map(|x| &x.tok),
                        self.tokens.get(t + 2).map(|x| &x.tok),
                    ) else {
                        continue;
                    };
                    let mut after = t + 3;
                    if self.tokens.get(after).map(|x| &x.tok) == Some(&Tok::Punct(',')) {
                        after += 1;
                    }
                    if let Some(Token {
                        tok: Tok::Comment(text),
                        offset,
                    }) = self.tokens.get(after)
                        && !self.text[self.tokens[t + 2].offset..*offset].contains('\n')
                    {
                        reasons.insert(path.to_string(), text.trim().to_string());
                    }
                }
                reasons
            })
            .collect()
    }

    /// Token indices of each `id: "<id>"` field, in file order.
    fn ids<'s>(&'s self, id: &'s str) -> impl Iterator<Item = usize> + 's {
        (0..self.tokens.len()).filter(move |&t| {
            is_field(&self.tokens, t, "id")
                && self.tokens.get(t + 2).is_some_and(|x| x.tok.is_str(id))
        })
    }

    fn course_range(&self, i: usize) -> Option<(usize, usize)> {
        self.ranges.get(i).copied()
    }

    fn career_weight(&self, i: usize, path: &str) -> Option<usize> {
        let (start, end) = self.course_range(i)?;
        let list = (start..end).find(|&t| is_field(&self.tokens, t, "careers"))?;
        (list..end).find(|&t| {
            self.tokens[t].tok.is_str(path)
                && self.tokens.get(t + 1).map(|x| &x.tok) == Some(&Tok::Punct(':'))
        })
    }
}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The tokens of the innermost bracketed group around token `at`: from its opening
/// bracket to one past its closing one (or the ends of the text, if unbalanced).
fn enclosing(tokens: &[Token<'_>], at: usize) -> (usize, usize) {
    let mut depth = 0usize;
    let mut start = 0;
    for t in (0..at).rev() {
        match tokens[t].tok {
            Tok::Punct(')' | ']' | '}') => depth += 1,
            Tok::Punct('(' | '[' | '{') if depth == 0 => {
                start = t;
                break;
            }
            Tok::Punct('(' | '[' | '{') => depth -= 1,
            _ => {}
        }
    }
    let mut depth = 0usize;
    let mut end = tokens.len();
    for (t, token) in tokens.iter().enumerate().skip(at) {
        match token.tok {
            Tok::Punct('(' | '[' | '{') => depth += 1,
            Tok::Punct(')' | ']' | '}') if depth == 0 => {
                end = t + 1;
                break;
            }
            Tok::Punct(')' | ']' | '}') => depth -= 1,
            _ => {}
        }
    }
    (start, end)
}

fn is_field(tokens: &[Token<'_>], i: usize, name: &str) -> bool {
    tokens[i].tok == Tok::Ident(name) && tokens.get(i + 1).map(|t| &t.tok) == Some(&Tok::Punct(':'))
}

fn tokenize(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let start = i;
        if b.is_ascii_whitespace() {
            i += 1;
        } else if bytes[i..].starts_with(b"//") {
            let end = memchr::memchr(b'\n', &bytes[i..]).map_or(text.len(), |n| i + n);
            tokens.push(Token {
                tok: Tok::Comment(&text[i + 2..end]),
                offset: start,
            });
            i = end;
        } else if bytes[i..].starts_with(b"/*") {
            let mut depth = 0usize;
            while i < bytes.len() {
                if bytes[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if bytes[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if b == b'"' {
            let (value, end) = string_at(text, i + 1);
            tokens.push(Token {
                tok: Tok::Str(value),
                offset: start,
            });
            i = end;
        } else if b.is_ascii_alphabetic() || b == b'_' {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            tokens.push(Token {
                tok: Tok::Ident(&text[start..i]),
                offset: start,
            });
        } else if b.is_ascii_digit() || b == b'-' || b == b'+' {
            i += 1;
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'.' | b'_'))
            {
                i += 1;
            }
            tokens.push(Token {
                tok: Tok::Number,
                offset: start,
            });
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            tokens.push(Token {
                tok: Tok::Punct(c),
                offset: start,
            });
            i += c.len_utf8();
        }
    }
    tokens
}

/// The value of the string whose text starts at byte `from` (just after its opening quote),
/// and the offset just past its closing quote (the end of the text if it has none).
fn string_at(text: &str, from: usize) -> (Cow<'_, str>, usize) {
    // Fast path: printable ASCII up to the closing quote needs no decoding and no cleaning.
    let bytes = &text.as_bytes()[from..];
    if let Some(n) = memchr::memchr2(b'"', b'\\', bytes)
        && bytes[n] == b'"'
        && bytes[..n].iter().all(|b| (b' '..=b'~').contains(b))
    {
        return (Cow::Borrowed(&text[from..from + n]), from + n + 1);
    }
    let mut value = String::new();
    let mut chars = text[from..].char_indices();
    let mut end = text.len();
    while let Some((n, c)) = chars.next() {
        match c {
            '"' => {
                end = from + n + 1;
                break;
            }
            '\\' => match chars.next().map(|(_, e)| e) {
                Some('n') => value.push('\n'),
                Some('t') => value.push('\t'),
                Some('r') => value.push('\r'),
                Some('0') => value.push('\0'),
                Some('x') => {
                    let hex: String = chars.by_ref().take(2).map(|(_, h)| h).collect();
                    value.extend(u8::from_str_radix(&hex, 16).ok().map(char::from));
                }
                Some('u') => {
                    // \u{XXXX}: the digits up to the closing brace.
                    let mut hex = String::new();
                    for (_, h) in chars.by_ref() {
                        match h {
                            '{' => {}
                            '}' => break,
                            h => hex.push(h),
                        }
                    }
                    value.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
                }
                Some(e) => value.push(e),
                None => {}
            },
            c => value.push(c),
        }
    }
    // Compare as the loader does: strings are cleaned before they are checked.
    crate::model::text::clean(&mut value);
    (Cow::Owned(value), end)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r#"(
    courses: [
        (code: "A1", title: "x // not a comment", credits: 3, careers: {
            "devops": 2, // runs pipelines
            "architect": 1,
        }),
        /* a /* nested */ comment */
        (code: "B2", prerequisites: ["A1", "ZZ"], credits: 0),
    ],
)"#;

    #[test]
    fn locates_courses_fields_and_prerequisites() {
        let map = SourceMap::new(SRC);
        assert_eq!(map.locate(&Anchor::Course(1)), Some((8, 10)));
        assert_eq!(
            map.locate(&Anchor::CourseField(1, "credits")),
            Some((8, 51))
        );
        assert_eq!(
            map.locate(&Anchor::Prerequisite(1, "ZZ".into())),
            Some((8, 44))
        );
        assert_eq!(
            map.locate(&Anchor::CareerWeight(0, "architect".into())),
            Some((5, 13))
        );
        assert_eq!(map.locate(&Anchor::Course(2)), None);
    }

    #[test]
    fn reads_reasons_from_trailing_comments_only() {
        let reasons = SourceMap::new(SRC).career_reasons();
        assert_eq!(
            reasons[0].get("devops").map(String::as_str),
            Some("runs pipelines")
        );
        assert_eq!(reasons[0].get("architect"), None);
        assert!(reasons[1].is_empty());
    }

    #[test]
    fn fields_written_before_code_belong_to_their_own_course() {
        let src = "[\n  (code: \"A1\", credits: 3),\n  (credits: 0, careers: {\"ops\": 2, // why\n  }, code: \"B1\"),\n]";
        let map = SourceMap::new(src);
        assert_eq!(map.locate(&Anchor::Course(1)), Some((4, 6)));
        assert_eq!(map.locate(&Anchor::CourseField(1, "credits")), Some((3, 4)));
        assert_eq!(
            map.locate(&Anchor::CareerWeight(1, "ops".into())),
            Some((3, 26))
        );
        let reasons = map.career_reasons();
        assert!(reasons[0].is_empty());
        assert_eq!(reasons[1].get("ops").map(String::as_str), Some("why"));
    }

    #[test]
    fn strings_are_read_whole_with_their_escapes_and_cleaned() {
        let text = r#""plain" "a\"b" "\u{e9}t\x41" "café" "bell\u{7}" "open"#;
        let values: Vec<String> = tokenize(text)
            .into_iter()
            .filter_map(|t| match t.tok {
                Tok::Str(s) => Some(s.into_owned()),
                _ => None,
            })
            .collect();
        assert_eq!(values, ["plain", "a\"b", "étA", "café", "bell", "open"]);
        // Plain ASCII is borrowed from the text; the rest is decoded.
        assert!(matches!(string_at(text, 1), (Cow::Borrowed("plain"), 7)));
        assert!(matches!(string_at(text, 9).0, Cow::Owned(_)));
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        // Byte 5 is the `b`, the second character of line 2 (byte counting would say 3).
        assert_eq!(line_col("é\nàb", 5), (2, 2));
    }

    #[test]
    fn the_line_index_agrees_with_counting_from_the_top() {
        let text = "(\n  é: 1,\n\n  b: \"x\"\n)\n";
        let map = SourceMap::new(text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(
                map.line_col(offset),
                line_col(text, offset),
                "offset {offset}"
            );
        }
    }
}
