//! The terms side by side (wrapping into rows, or one per row when narrow) and the
//! unplanned pool.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph};

use super::View;
use super::text::{fit, truncate};
use crate::action::{Action, Context};
use crate::app::{App, Focus};
use crate::model::validate::NO_WEIGHT_MARK;
use crate::model::{Course, Slot, Status};
use crate::theme::Theme;
use unicode_width::UnicodeWidthStr;

/// Narrowest a term column may get before terms stack in fewer columns.
pub const MIN_TERM_WIDTH: u16 = 34;

/// Most path marks a course row shows. With more paths than this, the row shows the first
/// `MAX_MARKS - 1`, then one column for the rest: the focused path's mark when it is among
/// them, else [`MORE_MARKS`] when the course supports any of them.
pub const MAX_MARKS: usize = 10;
/// The last mark of a row whose course supports a path that has no column of its own.
pub const MORE_MARKS: char = '+';

/// The paths a course row marks, in column order: every path when they fit in
/// [`MAX_MARKS`]; else the first `MAX_MARKS - 1`, then the focused path if it is not among
/// them, or `None` for the [`MORE_MARKS`] column.
fn marked_paths(count: usize, focused: Option<usize>) -> Vec<Option<usize>> {
    if count <= MAX_MARKS {
        return (0..count).map(Some).collect();
    }
    let shown = MAX_MARKS - 1;
    let last = focused.filter(|&p| p >= shown && p < count);
    (0..shown).map(Some).chain([last]).collect()
}

/// Glyph for a status, so that statuses never rely on colour.
pub fn status_glyph(status: Status) -> &'static str {
    match status {
        Status::Planned => "○",
        Status::InProgress => "◐",
        Status::Completed => "✓",
    }
}

fn status_style(status: Status, theme: &Theme) -> Style {
    match status {
        Status::Planned => Style::new(),
        Status::InProgress => theme.active,
        Status::Completed => theme.good,
    }
}

/// Draws the terms into `area`, `cols` to a grid row (see [`columns`]), keeping the current
/// term in view; when some grid rows do not fit, the bottom border says which terms show
/// ("terms 1-9 of 12") at its left, leaving the right to each list's own position.
pub fn render_terms(frame: &mut Frame, area: Rect, view: &View, cols: usize) {
    let View { app, theme, .. } = *view;
    let n = app.plan().terms.len();
    if n == 0 {
        let add = app.keymap().key_for(Context::Normal, Action::AddTerm);
        let text = add.map_or_else(
            || "No terms.".to_string(),
            |key| format!("No terms. Press {key} to add one."),
        );
        let msg = Paragraph::new(text).block(
            Block::bordered()
                .border_style(theme.border)
                .title(" Terms "),
        );
        frame.render_widget(msg, area);
        return;
    }
    for (term, term_area) in term_areas(app, area, cols) {
        render_term(frame, term_area, view, term);
    }
    let grid = grid(app, cols);
    let (first, last, _) = shown_rows(app, &grid, cols, area.height);
    if first > 0 || last + 1 < grid.len() {
        let shown = (grid[first][0] + 1, grid[last].last().map_or(n, |t| t + 1));
        let keys = app
            .keymap()
            .keys_for(Context::Normal, &[Action::PrevTerm, Action::NextTerm])
            .map_or_else(String::new, |keys| format!(" · {keys} for the rest"));
        let text = format!(" terms {}-{} of {n}{keys} ", shown.0, shown.1);
        let width = u16::try_from(text.width()).unwrap_or(u16::MAX);
        let at = Rect {
            x: area.x + 1,
            y: area.bottom().saturating_sub(1),
            width: width.min(area.width),
            height: 1,
        };
        frame.render_widget(Paragraph::new(Span::styled(text, theme.warning)), at);
    }
}

/// The terms on screen when the terms are drawn in `area`, `cols` to a grid row, each with
/// where it is drawn.
pub fn term_areas(app: &App, area: Rect, cols: usize) -> Vec<(usize, Rect)> {
    if app.plan().terms.is_empty() {
        return Vec::new();
    }
    let grid = grid(app, cols);
    let natural = |row: &Vec<usize>| row_height(app, row);
    let (first, last, _) = shown_rows(app, &grid, cols, area.height);
    let constraints: Vec<Constraint> = (first..=last)
        .map(|r| {
            if r == last {
                Constraint::Fill(1)
            } else {
                Constraint::Length(natural(&grid[r]))
            }
        })
        .collect();
    let rows = Layout::vertical(constraints).split(area);
    let mut areas = Vec::new();
    for (row_area, terms) in rows.iter().zip(&grid[first..=last]) {
        let columns =
            Layout::horizontal(vec![Constraint::Ratio(1, cols as u32); cols]).split(*row_area);
        areas.extend(terms.iter().copied().zip(columns.iter().copied()));
    }
    areas
}

/// The rows of term `term`'s list on screen when it is drawn in `area`.
pub fn shown_term_rows(app: &App, term: usize, area: Rect) -> std::ops::Range<usize> {
    let focused = term == app.cursor().term && app.cursor().focus == Focus::Terms;
    let selected = (focused && !app.in_prior()).then_some(app.cursor().row);
    window(app.visible_rows(term).len(), selected, inner(area).height)
}

/// The rows of the pool on screen when it is drawn in `area`.
pub(super) fn shown_pool_rows(view: &View, area: Rect) -> std::ops::Range<usize> {
    let app = view.app;
    let selected = (app.cursor().focus == Focus::Pool).then_some(app.cursor().pool_row);
    window(view.facts.pool.len(), selected, inner(area).height)
}

/// Inside a list's border.
pub fn inner(area: Rect) -> Rect {
    Block::bordered().inner(area)
}

/// Terms per grid row at `width` when the terms may take `height` rows: as few columns as
/// show every placed course's title whole (but at least [`MIN_TERM_WIDTH`] wide), more only
/// when the terms would not fit `height` otherwise. Rows are balanced: four terms that fit
/// three to a row are shown two and two.
pub fn columns(app: &App, width: u16, height: u16) -> usize {
    let n = app.plan().terms.len().max(1);
    let most = usize::from((width / MIN_TERM_WIDTH).max(1)).min(n);
    let longest_title = app
        .plan()
        .terms
        .iter()
        .flat_map(|t| &t.courses)
        .filter_map(|p| app.curriculum().course(&p.code))
        .map(|c| unicode_width::UnicodeWidthStr::width(c.title.as_str()))
        .max()
        .unwrap_or(0);
    let whole = fixed_width(app) + longest_title + 2;
    let mut cols = (usize::from(width) / whole.max(1)).clamp(1, most);
    while cols < most && natural_height(app, cols) > height {
        cols += 1;
    }
    n.div_ceil(n.div_ceil(cols))
}

/// The grid rows on screen when the terms have `height` rows: the row of the current term,
/// then as many after and before it as fit. Returns the first and last row shown and the
/// rows they take.
fn shown_rows(app: &App, grid: &[Vec<usize>], cols: usize, height: u16) -> (usize, usize, u16) {
    let natural = |row: &Vec<usize>| row_height(app, row);
    let current = (app
        .cursor()
        .term
        .min(app.plan().terms.len().saturating_sub(1))
        / cols.max(1))
    .min(grid.len().saturating_sub(1));
    let (mut first, mut last) = (current, current);
    let mut used = natural(&grid[current]);
    while last + 1 < grid.len() && used + natural(&grid[last + 1]) <= height {
        last += 1;
        used += natural(&grid[last]);
    }
    while first > 0 && used + natural(&grid[first - 1]) <= height {
        first -= 1;
        used += natural(&grid[first]);
    }
    (first, last, used)
}

/// Rows the terms take, `cols` to a row, when they may take at most `budget`: every grid
/// row when they fit, else just the rows [`render_terms`] shows, so no row is left blank.
pub fn height(app: &App, cols: usize, budget: u16) -> u16 {
    let natural = natural_height(app, cols);
    if natural <= budget || app.plan().terms.is_empty() {
        return natural.min(budget);
    }
    shown_rows(app, &grid(app, cols), cols, budget)
        .2
        .min(budget)
}

/// The term indices of each grid row, `cols` to a row.
fn grid(app: &App, cols: usize) -> Vec<Vec<usize>> {
    let indices: Vec<usize> = (0..app.plan().terms.len()).collect();
    indices.chunks(cols.max(1)).map(<[usize]>::to_vec).collect()
}

/// Height of a grid row: its longest term plus borders.
fn row_height(app: &App, row: &[usize]) -> u16 {
    let longest = row
        .iter()
        .map(|&t| app.visible_rows(t).len())
        .max()
        .unwrap_or(0);
    u16::try_from(longest.max(1))
        .unwrap_or(u16::MAX)
        .saturating_add(2)
}

/// Height the terms need, `cols` to a row, to show every course of every term.
pub fn natural_height(app: &App, cols: usize) -> u16 {
    let grid = grid(app, cols);
    if grid.is_empty() {
        return 3;
    }
    grid.iter()
        .map(|row| row_height(app, row))
        .fold(0, u16::saturating_add)
}

fn render_term(frame: &mut Frame, area: Rect, view: &View, term: usize) {
    let View { app, facts, theme } = *view;
    let t = &app.plan().terms[term];
    let gpa = facts.gpa.terms.get(term).copied().flatten();
    // In the prior-credit block, no term is the current one.
    let is_current = term == app.cursor().term && !app.in_prior();
    let focused = is_current && app.cursor().focus == Focus::Terms;
    let credits = crate::model::term_credits(app.curriculum(), app.plan(), term);
    let over = app
        .curriculum()
        .max_term_credits
        .is_some_and(|l| credits > l);
    let load = match app.curriculum().max_term_credits {
        Some(limit) => format!(" {credits}/{limit} cr{} ", if over { " over!" } else { "" }),
        None => format!(" {credits} cr "),
    };
    let marker = if is_current { "▸ " } else { " " };
    let target = crate::model::NoteTarget::Term(t.name.clone());
    let open_notes = app.notes_on(&target).filter(|n| !n.addressed).count();
    let marker = if open_notes > 0 {
        format!("{marker}¶{open_notes} ")
    } else {
        marker.to_string()
    };
    // The term's GPA beside its load, only where the name still shows whole.
    let gpa = gpa
        .map(|g| format!(" GPA {} ·", crate::model::gpa::format(Some(g))))
        .filter(|g| {
            t.name.width() + marker.width() + g.width() + load.width() + 3
                <= usize::from(area.width)
        })
        .unwrap_or_default();
    let name_width = usize::from(area.width).saturating_sub(load.width() + gpa.width() + 4);
    let block = Block::bordered()
        .border_style(if focused {
            theme.border_focus
        } else {
            theme.border
        })
        .title(Line::from(format!(
            "{marker}{} ",
            truncate(&t.name, name_width)
        )))
        .title(
            Line::from(vec![
                Span::raw(gpa),
                Span::styled(load, if over { theme.warning } else { Style::new() }),
            ])
            .right_aligned(),
        );
    let inner = block.inner(area);
    let inner_width = usize::from(inner.width);
    let visible = app.visible_rows(term);
    let selected = focused.then_some(app.cursor().row);
    let shown = shown_term_rows(app, term, area);
    let items: Vec<ListItem> = visible[shown.clone()]
        .iter()
        .zip(shown.clone())
        .map(|(&index, row)| {
            let slot = Slot { term, index };
            let placement = &t.courses[index];
            let selected = focused && row == app.cursor().row;
            let note_target = crate::model::NoteTarget::Course(placement.code.clone());
            let row = Row {
                selected,
                flagged: facts.is_flagged(app, slot),
                noted: app.notes_on(&note_target).any(|n| !n.addressed),
                changed: facts.changed.contains(&placement.code),
                status: Some(placement.status),
                pinned: placement.pinned,
                code: &placement.code,
                course: app.curriculum().course(&placement.code),
            };
            ListItem::new(row.line(app, theme, inner_width))
        })
        .collect();
    if items.is_empty() {
        let text = if app.cursor().filter.is_empty() {
            "(empty)"
        } else {
            "(no match)"
        };
        placeholder(frame, area, block, text, theme);
        return;
    }
    let block = with_position(block, &shown, visible.len(), theme);
    let mut state = ListState::default().with_selected(selected.map(|r| r - shown.start));
    frame.render_stateful_widget(List::new(items).block(block), area, &mut state);
}

/// `block` with "8-16 of 21" on its bottom border when the list of `len` rows shows only
/// the rows `shown`.
fn with_position<'a>(
    block: Block<'a>,
    shown: &std::ops::Range<usize>,
    len: usize,
    theme: &Theme,
) -> Block<'a> {
    if shown.start == 0 && shown.end >= len {
        return block;
    }
    let text = format!(" {}-{} of {len} ", shown.start + 1, shown.end);
    block.title_bottom(Line::styled(text, theme.muted).right_aligned())
}

/// The rows of a list of `len` rows, `height` high, that are on screen when `selected` is
/// in view: the list scrolls only as far as it must, as ratatui's `List` does from the top.
/// Only these rows are built, so a list of 20,000 courses costs what a screenful does.
fn window(len: usize, selected: Option<usize>, height: u16) -> std::ops::Range<usize> {
    let height = usize::from(height).max(1);
    let first = selected.map_or(0, |s| {
        (s.min(len.saturating_sub(1)) + 1).saturating_sub(height)
    });
    first..(first + height).min(len)
}

/// An empty list: its block with a muted line saying why.
fn placeholder(frame: &mut Frame, area: Rect, block: Block, text: &str, theme: &Theme) {
    frame.render_widget(
        Paragraph::new(Span::styled(text, theme.muted)).block(block),
        area,
    );
}

/// Draws the unplanned pool.
pub fn render_pool(frame: &mut Frame, area: Rect, view: &View) {
    let View { app, facts, theme } = *view;
    let focused = app.cursor().focus == Focus::Pool;
    let c = app.curriculum();
    let pool = &facts.pool;
    let total = app.unplanned_pool().count();
    let count = if pool.len() == total {
        format!("{total}")
    } else {
        format!("{} of {total}", pool.len())
    };
    let block = Block::bordered()
        .border_style(if focused {
            theme.border_focus
        } else {
            theme.border
        })
        .title(format!(" Unplanned ({count}) "));
    if pool.is_empty() {
        let text = if total == 0 {
            "Every course is placed in a term."
        } else {
            "(no match)"
        };
        placeholder(frame, area, block, text, theme);
        return;
    }
    let inner = block.inner(area);
    let inner_width = usize::from(inner.width);
    let selected = focused.then_some(app.cursor().pool_row);
    let shown = shown_pool_rows(view, area);
    let items: Vec<ListItem> = pool[shown.clone()]
        .iter()
        .zip(shown.clone())
        .map(|(&index, i)| {
            let course = &c.courses[index];
            let note_target = crate::model::NoteTarget::Course(course.code.clone());
            let row = Row {
                selected: focused && i == app.cursor().pool_row,
                flagged: false,
                noted: app.notes_on(&note_target).any(|n| !n.addressed),
                changed: facts.changed.contains(&course.code),
                status: app.plan().set_aside_as(&course.code).map(|p| p.status),
                pinned: false,
                code: &course.code,
                course: Some(course),
            };
            ListItem::new(row.line(app, theme, inner_width))
        })
        .collect();
    let block = with_position(block, &shown, pool.len(), theme);
    let mut state = ListState::default().with_selected(selected.map(|r| r - shown.start));
    frame.render_stateful_widget(List::new(items).block(block), area, &mut state);
}

/// The mark after the status of a course pinned to its term.
const PIN_MARK: &str = "•";

/// One course row: selection marker, problem flag (or note, or change since the verdict),
/// status, pin mark, code, title, credits, path marks.
struct Row<'a> {
    selected: bool,
    flagged: bool,
    /// The course has an advisor's note not yet addressed.
    noted: bool,
    /// The course changed since the verdict.
    changed: bool,
    status: Option<Status>,
    /// The placement is pinned to its term (the auto-plan leaves it).
    pinned: bool,
    code: &'a str,
    course: Option<&'a Course>,
}

/// Columns of a course row other than the title: marker, flag, status, code, credits and
/// path marks, with the spaces between them.
fn fixed_width(app: &App) -> usize {
    4 + code_width(app) + 1 + 1 + 2 + 1 + app.curriculum().paths.len().min(MAX_MARKS)
}

/// The code column: the whole of the curriculum's longest code (validation caps codes at
/// `MAX_CODE_CHARS`).
fn code_width(app: &App) -> usize {
    app.curriculum()
        .code_width()
        .clamp(1, crate::model::validate::MAX_CODE_CHARS)
}

impl Row<'_> {
    fn line(&self, app: &App, theme: &Theme, width: usize) -> Line<'static> {
        let c = app.curriculum();
        let code_width = code_width(app);
        let paths = marked_paths(c.paths.len(), app.cursor().path);
        let weight = |path: &str| {
            self.course
                .map_or(0, |x| crate::model::career::weight(app.plan(), x, path))
        };
        // The focused path lights up its core strongly, and its other courses only faintly.
        let core = app
            .cursor()
            .path
            .and_then(|p| Some((p, c.paths.get(p)?)))
            .is_some_and(|(p, path)| weight(&path.id) >= c.top_weight(p).max(1));
        let mut spans = vec![
            Span::raw(if self.selected { ">" } else { " " }),
            match (self.flagged, self.noted, self.changed) {
                (true, _, _) => Span::styled("!", theme.error),
                (false, true, _) => Span::styled("¶", theme.warning),
                (false, false, true) => Span::styled("Δ", theme.warning),
                (false, false, false) => Span::raw(" "),
            },
        ];
        match self.status {
            Some(s) => spans.push(Span::styled(status_glyph(s), status_style(s, theme))),
            None => spans.push(Span::raw(" ")),
        }
        spans.push(match self.pinned {
            true => Span::styled(PIN_MARK, theme.warning),
            false => Span::raw(" "),
        });
        let code = fit(self.code, code_width);
        let (title, credits) = match self.course {
            Some(course) => (course.title.clone(), format!("{:>2}", course.credits)),
            None => ("(not in this curriculum)".to_string(), " ?".to_string()),
        };
        let title = fit(&title, width.saturating_sub(fixed_width(app)));
        let text_style = if core {
            theme.path_highlight
        } else {
            Style::new()
        };
        spans.push(Span::styled(code, text_style));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(title, text_style));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(credits, theme.muted));
        spans.push(Span::raw(" "));
        for column in &paths {
            let Some((i, path)) = column.and_then(|i| Some((i, c.paths.get(i)?))) else {
                let more = c.paths[MAX_MARKS - 1..].iter().any(|p| weight(&p.id) > 0);
                let mark = if more { MORE_MARKS } else { NO_WEIGHT_MARK };
                spans.push(Span::styled(mark.to_string(), theme.muted));
                continue;
            };
            let (text, style) = if weight(&path.id) == 0 {
                (NO_WEIGHT_MARK.to_string(), theme.muted)
            } else if app.cursor().path == Some(i) {
                let style = if core {
                    theme.path_highlight
                } else {
                    theme.path_faint
                };
                (path.mark.to_string(), style)
            } else {
                (path.mark.to_string(), Style::new())
            };
            spans.push(Span::styled(text, style));
        }
        let line = Line::from(spans);
        if self.selected {
            line.style(theme.selected)
        } else {
            line
        }
    }
}
