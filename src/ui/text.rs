//! Fitting text into cells: truncation with an ellipsis and padding, by display width.

use ratatui::text::{Line, Span};
use unicode_truncate::UnicodeTruncateStr;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `s` cut to at most `width` columns, ending in "…" when cut; whole graphemes only, so an
/// accent or an emoji sequence is never split.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let (kept, _) = s.unicode_truncate(width - 1);
    format!("{kept}…")
}

/// `s` truncated or padded with spaces to exactly `width` columns.
pub fn fit(s: &str, width: usize) -> String {
    let mut out = truncate(s, width);
    let w = out.width();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

/// A text field in `width` columns: scrolled so that the cursor shows, the cursor drawn as
/// the character under it in `cursor` style reversed (a block past the end).
pub fn field_spans(
    field: &crate::field::Field,
    width: usize,
    cursor: ratatui::style::Style,
) -> Vec<ratatui::text::Span<'static>> {
    use ratatui::style::Modifier;
    use ratatui::text::Span;
    // One column is kept for the block cursor past the end.
    let scroll = field.visual_scroll(width.saturating_sub(1));
    let (mut before, mut at, mut after) = (String::new(), None, String::new());
    let mut column = 0;
    for (i, c) in field.value().chars().enumerate() {
        let w = c.width().unwrap_or(0);
        column += w;
        if column <= scroll {
            continue;
        }
        match i.cmp(&field.cursor()) {
            std::cmp::Ordering::Less => before.push(c),
            std::cmp::Ordering::Equal => at = Some(c),
            std::cmp::Ordering::Greater => after.push(c),
        }
    }
    let mut spans = vec![Span::raw(before)];
    match at {
        Some(c) => spans.push(Span::styled(
            c.to_string(),
            cursor.add_modifier(Modifier::REVERSED),
        )),
        None => spans.push(Span::styled("█", cursor)),
    }
    spans.push(Span::raw(after));
    spans
}

/// Puts the selection marker ("> " or "  ") before an entry's first line, and the selected
/// style on it when it is the highlighted one.
pub fn mark_entry(entry: &mut [Line<'static>], selected: bool, style: ratatui::style::Style) {
    let Some(first) = entry.first_mut() else {
        return;
    };
    first
        .spans
        .insert(0, Span::raw(if selected { "> " } else { "  " }));
    if selected {
        *first = first.clone().style(style);
    }
}

/// Rows `lines` take wrapped at `width` columns, as a wrapping paragraph draws them.
pub fn rows(lines: &[Line], width: u16) -> usize {
    lines.iter().map(|line| wrapped_rows(line, width)).sum()
}

/// The wrapped row at `width` where each of `lines` starts, and one past the last row.
pub fn line_starts(lines: &[Line], width: u16) -> Vec<usize> {
    let mut starts = Vec::with_capacity(lines.len() + 1);
    let mut total = 0usize;
    for line in lines {
        starts.push(total);
        total += wrapped_rows(line, width);
    }
    starts.push(total);
    starts
}

/// The scroll offset that shows entry `selected` (each entry the line range in `spans`, the
/// rows from [`line_starts`]) in `visible` rows: its end at the bottom, or its start at the
/// top when it is taller than the view.
pub fn scroll_to_entry(
    starts: &[usize],
    spans: &[std::ops::Range<usize>],
    selected: usize,
    visible: usize,
) -> usize {
    spans.get(selected).map_or(0, |span| {
        let (top, bottom) = (starts[span.start], starts[span.end]);
        top.min(bottom.saturating_sub(visible))
    })
}

/// The entries (each the line range in `spans`, the rows from [`line_starts`]) whose first
/// row is among the `visible` rows from `scroll`: what a list of entries shows, and so what
/// a page of it is.
pub fn entries_shown(
    starts: &[usize],
    spans: &[std::ops::Range<usize>],
    scroll: usize,
    visible: usize,
) -> Vec<usize> {
    (0..spans.len())
        .filter(|&i| (scroll..scroll + visible).contains(&starts[spans[i].start]))
        .collect()
}

/// Rows one line takes wrapped at `width` columns, as the panels wrap it (whole words,
/// leading spaces kept). A line that fits is one row, found without wrapping it: most
/// lines fit, and wrapping walks every grapheme.
pub fn wrapped_rows(line: &ratatui::text::Line, width: u16) -> usize {
    if line.width() <= usize::from(width.max(1)) {
        return 1;
    }
    ratatui::widgets::Paragraph::new(line.clone())
        .wrap(ratatui::widgets::Wrap { trim: false })
        .line_count(width.max(1))
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("Algorithms", 6), "Algor…");
        assert_eq!(truncate("Algorithms", 10), "Algorithms");
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(fit("abcdef", 4), "abc…");
    }

    #[test]
    fn truncation_keeps_whole_graphemes() {
        let family = "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        let s = format!("{family}abc");
        assert_eq!(s.width(), 5);
        assert_eq!(truncate(&s, 4), format!("{family}a…"));
        assert_eq!(truncate(&s, 2), "…");
        assert_eq!(fit("e\u{301}xyz", 3), "e\u{301}x…");
        assert_eq!(fit("ab", 4), "ab  ");
    }

    #[test]
    fn wrapped_rows_count_what_word_wrapping_draws() {
        let line = ratatui::text::Line::raw("aaa bbbbbbb ccccccc");
        assert_eq!(wrapped_rows(&line, 10), 3);
        assert_eq!(wrapped_rows(&line, 19), 1);
        assert_eq!(wrapped_rows(&ratatui::text::Line::raw(""), 10), 1);
    }

    #[test]
    fn rows_are_what_a_wrapping_paragraph_counts() {
        use ratatui::widgets::{Paragraph, Wrap};
        let lines: Vec<Line> = [
            "",
            "exactly ten",
            "0123456789",
            "01234567890",
            "  leading spaces kept when it wraps",
            "日本語のテキストは二列ずつ",
            "e\u{301}e\u{301}e\u{301} combining marks take no column",
            "a-very-long-word-that-cannot-break-anywhere-at-all",
        ]
        .into_iter()
        .map(Line::raw)
        .collect();
        for width in 1..=40 {
            let paragraph = Paragraph::new(lines.clone()).wrap(Wrap { trim: false });
            assert_eq!(rows(&lines, width), paragraph.line_count(width), "{width}");
        }
    }
}
