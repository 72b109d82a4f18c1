//! Making text read from files safe to put into Markdown.

/// Characters that Markdown (CommonMark plus GitHub's tables, strikethrough, autolinks, math
/// and mentions) may read as markup anywhere in a line. Each is ASCII punctuation, so a
/// backslash before it always means "this character, literally".
const SPECIAL: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '&', '$', '@',
];

/// `text` as Markdown that shows exactly `text`, wherever it is put: a table cell, a heading,
/// a list item or the start of a paragraph.
///
/// Escapes `\` `` ` `` `*` `_` `[` `]` `<` `>` `#` `|` `~` `&` everywhere, `$` (math) and `@`
/// (mentions, e-mail autolinks) too, and at the start a `-`, `+` or `=` (list items, setext
/// underlines) and the `.` or `)` after leading digits (ordered lists). Bare URLs are not
/// turned into links: the `:` of `://` and the `.` of a word-initial `www.` are escaped.
/// Surrounding whitespace is trimmed: leading spaces would start a code block and trailing
/// ones a line break. Line breaks cannot occur: every string read from a file has its control
/// characters removed when it is loaded, and this function drops any that remain.
pub fn escape_markdown(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_control() {
            continue;
        }
        let leading = i == 0 && matches!(c, '-' | '+' | '=');
        let list_number = digits > 0 && i == digits && matches!(c, '.' | ')');
        let url_scheme = c == ':' && chars[i + 1..].starts_with(&['/', '/']);
        let www = c == '.' && is_word_initial_www(&chars, i);
        if SPECIAL.contains(&c) || leading || list_number || url_scheme || www {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether the three characters before `dot` are `www` (in any case) starting a word.
fn is_word_initial_www(chars: &[char], dot: usize) -> bool {
    dot >= 3
        && chars[dot - 3..dot]
            .iter()
            .all(|c| c.eq_ignore_ascii_case(&'w'))
        && (dot == 3 || !chars[dot - 4].is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::escape_markdown;

    #[test]
    fn plain_text_is_unchanged() {
        for s in [
            "Ada Lovelace",
            "Introduction to Backend Programming (Node.js)",
            "Semester II",
            "Introducción à l'API — 4 cr",
            "C-3PO's plan: 62/64 (97%)",
            "",
        ] {
            assert_eq!(escape_markdown(s), s);
        }
    }

    #[test]
    fn inline_markup_is_escaped() {
        assert_eq!(escape_markdown("*bold* _it_"), r"\*bold\* \_it\_");
        assert_eq!(escape_markdown("`code`"), r"\`code\`");
        assert_eq!(escape_markdown("[link](http://x)"), r"\[link\](http\://x)");
        assert_eq!(escape_markdown("![img](x.png)"), r"!\[img\](x.png)");
        assert_eq!(escape_markdown("<script>"), r"\<script\>");
        assert_eq!(escape_markdown("~~gone~~"), r"\~\~gone\~\~");
        assert_eq!(escape_markdown("&copy;"), r"\&copy;");
        assert_eq!(escape_markdown(r"back\slash"), r"back\\slash");
    }

    #[test]
    fn table_cells_cannot_be_split() {
        assert_eq!(escape_markdown("a | b"), r"a \| b");
        assert_eq!(escape_markdown("|"), r"\|");
    }

    #[test]
    fn headings_and_quotes_cannot_start() {
        assert_eq!(escape_markdown("# Title"), r"\# Title");
        assert_eq!(escape_markdown("> quoted"), r"\> quoted");
        assert_eq!(escape_markdown("C# and F#"), r"C\# and F\#");
    }

    #[test]
    fn list_markers_at_the_start_are_escaped() {
        assert_eq!(escape_markdown("- item"), r"\- item");
        assert_eq!(escape_markdown("+ item"), r"\+ item");
        assert_eq!(escape_markdown("==="), r"\===");
        assert_eq!(escape_markdown("1. first"), r"1\. first");
        assert_eq!(escape_markdown("2026) year"), r"2026\) year");
        // Only at the start: a hyphen or a number inside text is left alone.
        assert_eq!(escape_markdown("Back-End 2.0"), "Back-End 2.0");
        assert_eq!(escape_markdown("12 credits"), "12 credits");
        assert_eq!(escape_markdown("3.5"), r"3\.5");
    }

    #[test]
    fn surrounding_whitespace_and_controls_are_dropped() {
        assert_eq!(escape_markdown("    indented code?"), "indented code?");
        assert_eq!(escape_markdown("  - list  "), r"\- list");
        assert_eq!(escape_markdown("one\ntwo\r"), "onetwo");
    }

    #[test]
    fn every_special_character_is_escaped() {
        let all = r"\`*_[]<>#|~&$@";
        let escaped = escape_markdown(all);
        assert_eq!(escaped, r"\\\`\*\_\[\]\<\>\#\|\~\&\$\@");
        assert_eq!(escaped.len(), all.len() * 2);
    }

    #[test]
    fn urls_math_and_mentions_stay_text() {
        assert_eq!(
            escape_markdown("see https://evil.example/x"),
            r"see https\://evil.example/x"
        );
        assert_eq!(escape_markdown("www.evil.example"), r"www\.evil.example");
        assert_eq!(
            escape_markdown("(WWW.evil.example)"),
            r"(WWW\.evil.example)"
        );
        assert_eq!(escape_markdown("awww.no"), "awww.no");
        assert_eq!(escape_markdown("$x^2$ costs $5"), r"\$x^2\$ costs \$5");
        assert_eq!(escape_markdown("ask @octocat"), r"ask \@octocat");
        assert_eq!(escape_markdown("ada@example.com"), r"ada\@example.com");
        // A colon that starts no URL is left alone.
        assert_eq!(escape_markdown("Note: ok"), "Note: ok");
    }
}
