//! Drawing: reads the [`App`] and never changes it.

mod facts;
pub mod hit;
mod panels;
mod picker;
mod review;
mod terms;
mod text;

pub use panels::credits_summary;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::action::{self, Context};
use crate::app::{App, Focus, Help, Overlay, Tone};
use crate::theme::Theme;
use facts::Facts;
use unicode_width::UnicodeWidthStr;

/// Smallest terminal the planner draws in; below it, a message says so.
pub const MIN_WIDTH: u16 = 60;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 20;
/// From this width and height up, every pane is shown at full size.
const WIDE: (u16, u16) = (110, 34);
/// Rows the panes below the terms keep at least in the wide layout.
const MIN_BOTTOM: u16 = 12;

/// The screen for `app` at `width` x `height` as plain text, one line per row with trailing
/// blanks removed: what a person would see, without colours or styles.
pub fn screen_text(app: &App, theme: &Theme, width: u16, height: u16) -> String {
    let backend = ratatui::backend::TestBackend::new(width, height);
    let mut terminal = ratatui::Terminal::new(backend).expect("a test backend cannot fail");
    terminal
        .draw(|frame| draw(frame, app, theme))
        .expect("a test backend cannot fail");
    buffer_text(terminal.backend().buffer())
}

/// A drawn buffer as lines of text, each at most the buffer's width in display columns: a
/// double-width character fills two cells, the second of which is not written out again.
pub fn buffer_text(buffer: &ratatui::buffer::Buffer) -> String {
    use unicode_width::UnicodeWidthStr;
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut row = String::new();
        let mut x = area.left();
        while x < area.right() {
            let symbol = buffer[(x, y)].symbol();
            row.push_str(symbol);
            x += u16::try_from(symbol.width()).unwrap_or(1).max(1);
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

/// Draws the whole screen for `app`.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return;
    }
    let facts = Facts::new(app);
    let [header, body, status, hints] = rows(area);
    render_header(frame, header, app, theme);
    render_body(frame, &panes(app, &facts, theme, area), app, &facts, theme);
    render_status(frame, status, app, theme);
    match (app.overlay(), app.message()) {
        // A prompt takes the status line; a message about it (why it stays open) goes below.
        (Some(Overlay::Prompt(_)), Some(m)) => render_message(frame, hints, m, theme),
        _ => render_hints(frame, hints, app, theme),
    }
    match app.overlay() {
        Some(Overlay::Help(help)) => render_help(frame, body, app, help, theme),
        Some(Overlay::Unsaved(leave)) => render_confirm_leave(frame, body, app, *leave, theme),
        Some(Overlay::Notes(notes)) => {
            review::render_notes(frame, body, app, notes.selected, theme)
        }
        Some(Overlay::Picker(picker)) => picker::render_picker(frame, body, app, picker, theme),
        Some(Overlay::Recovery(r)) => render_recover(frame, body, app, &r.unsaved, theme),
        Some(Overlay::Compare(c)) => {
            picker::render_compare(frame, body, app, (&c.other, &c.label), c.scroll, theme)
        }
        _ => {}
    }
}

/// The screen's rows: the header, the body, the status line and the key hints.
fn rows(area: Rect) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// Where the body's panes are, worked out without drawing, so that the pointer finds what
/// was drawn where (see [`hit`]).
struct Panes {
    /// The credits line.
    credits: Rect,
    /// The one-row career paths (the compact layout, when the paths are not focused).
    paths_line: Option<Rect>,
    /// The terms, [`Panes::cols`] to a grid row.
    terms: Rect,
    cols: usize,
    /// The pool, review and problems, when shown.
    side: Option<Side>,
    /// The career paths pane, when shown.
    paths: Option<Rect>,
    /// The highlighted course, or the focused path's detail when the paths are focused.
    detail: Rect,
}

/// The stacked pool, review and problems.
struct Side {
    pool: Rect,
    review: Rect,
    problems: Rect,
}

/// The panes of the body of a `screen`. From [`WIDE`] up, every pane at once: the credits and the
/// terms across the full width on top; below them the pool and problems, the career paths,
/// and the highlighted course, side by side. The terms take the rows their courses need, in
/// as few columns as show titles whole, and leave the panes below at least [`MIN_BOTTOM`]
/// rows. Smaller: one row each for credits and career paths, then the terms that fit, then
/// the course (or the paths, when they have focus), the pool and the problems.
fn panes(app: &App, facts: &Facts, theme: &Theme, screen: Rect) -> Panes {
    let [_, area, _, _] = rows(screen);
    if screen.width >= WIDE.0 && screen.height >= WIDE.1 {
        let budget = area.height.saturating_sub(1 + MIN_BOTTOM).max(3);
        let cols = terms::columns(app, area.width, budget);
        let terms_height = terms::height(app, cols, budget);
        let [credits, terms, bottom] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(terms_height),
            Constraint::Fill(1),
        ])
        .areas(area);
        let [left, middle, right] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Fill(1),
            Constraint::Fill(1),
        ])
        .areas(bottom);
        return Panes {
            credits,
            paths_line: None,
            terms,
            cols,
            side: Some(side_stack(app, facts, theme, left)),
            paths: Some(middle),
            detail: right,
        };
    }
    let [credits, paths_line, terms, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Percentage(45),
        Constraint::Fill(1),
    ])
    .areas(area);
    let cols = terms::columns(app, terms.width, terms.height);
    let [left, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(bottom);
    let (side, paths, detail) = match app.cursor().focus {
        Focus::Paths => (None, Some(left), right),
        _ => (Some(side_stack(app, facts, theme, right)), None, left),
    };
    Panes {
        credits,
        paths_line: Some(paths_line),
        terms,
        cols,
        side,
        paths,
        detail,
    }
}

/// Draws the panes where [`panes`] put them.
fn render_body(frame: &mut Frame, panes: &Panes, app: &App, facts: &Facts, theme: &Theme) {
    panels::render_credits(frame, panes.credits, facts, theme);
    if let Some(area) = panes.paths_line {
        panels::render_paths_line(frame, area, app, facts, theme);
    }
    terms::render_terms(frame, panes.terms, app, panes.cols, facts, theme);
    if let Some(area) = panes.paths {
        panels::render_paths(frame, area, app, facts, theme);
    }
    match app.cursor().focus {
        Focus::Paths => panels::render_path_detail(frame, panes.detail, app, facts, theme),
        _ => panels::render_detail(frame, panes.detail, app, facts, theme),
    }
    if let Some(side) = &panes.side {
        terms::render_pool(frame, side.pool, app, facts, theme);
        if side.review.height > 0 {
            review::render_review(frame, side.review, app, theme);
        }
        panels::render_problems(frame, side.problems, app, facts, theme);
    }
}

/// The unplanned pool, the review (when there is one) and the problems, stacked: the review
/// takes what it needs up to a share of the height; the pool and the problems share the rest
/// by what they hold, each getting all it needs when both fit and at least half otherwise.
fn side_stack(app: &App, facts: &Facts, theme: &Theme, area: Rect) -> Side {
    let review_height = if review::has_review(app) {
        let inner = area.width.saturating_sub(2);
        let rows: usize = review::review_lines(app, theme)
            .iter()
            .map(|l| text::wrapped_rows(l, inner))
            .sum();
        let wanted = u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(2);
        wanted.clamp(3, (area.height * 2 / 5).max(3))
    } else {
        0
    };
    let rest = area.height.saturating_sub(review_height);
    let pool_wants = u16::try_from(app.pool().len())
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .max(3);
    let problems_wants = problems_rows(facts, area.width.saturating_sub(2), rest)
        .saturating_add(2)
        .max(3);
    let pool_height = if pool_wants.saturating_add(problems_wants) <= rest {
        pool_wants
    } else {
        let half = rest / 2;
        pool_wants.min(rest.saturating_sub(problems_wants.min(half)))
    };
    let [pool, review, problems] = Layout::vertical([
        Constraint::Length(pool_height),
        Constraint::Length(review_height),
        Constraint::Fill(1),
    ])
    .areas(area);
    Side {
        pool,
        review,
        problems,
    }
}

/// Rows the problems take wrapped at `width`, counted no further than `most`.
fn problems_rows(facts: &Facts, width: u16, most: u16) -> u16 {
    if facts.problems.is_empty() {
        let ok = Line::raw(panels::NO_PROBLEMS);
        return u16::try_from(text::wrapped_rows(&ok, width)).unwrap_or(1);
    }
    let mut rows = 0u16;
    for p in &facts.problems {
        if rows >= most {
            break;
        }
        let line = Line::raw(format!("✗ {}", p.message));
        rows = rows.saturating_add(u16::try_from(text::wrapped_rows(&line, width)).unwrap_or(1));
    }
    rows.max(1)
}

fn render_header(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let file = app.file_name();
    let student = if app.plan().student.is_empty() {
        "(no name: N sets it)"
    } else {
        &app.plan().student
    };
    let target = app
        .plan()
        .target_path
        .as_deref()
        .and_then(|id| app.curriculum().path(id))
        .map(|p| format!(" │ target: {}", p.name))
        .unwrap_or_default();
    let mut state = match (app.is_dirty(), app.on_disk()) {
        (true, _) => " ● modified ".to_string(),
        (false, false) => " ○ new, not saved yet ".to_string(),
        (false, true) => String::new(),
    };
    if let crate::model::Role::Reviewer { name } = &app.role() {
        state = format!(
            " REVIEW by {} │{state}",
            if name.is_empty() { "?" } else { name }
        );
    }
    if app.read_only().is_some() {
        state = format!(" READ-ONLY │{state}");
    }
    let text = format!(
        " {} │ plan: {file} │ student: {student}{target}",
        app.curriculum().name
    );
    let width = usize::from(area.width);
    // The help key as the keymap has it; none when help is unbound.
    let help_key = app
        .keymap()
        .bindings(Context::Normal)
        .find(|b| b.action == action::Action::Help)
        .and_then(|b| b.keys.first().map(action::Key::label));
    let help = match help_key {
        Some(key) => format!("{state}│ {key} help "),
        None => state,
    };
    let help = help.replace("││", "│");
    let left = text::fit(&text, width.saturating_sub(help.width()));
    frame.render_widget(
        Paragraph::new(Line::from(vec![Span::raw(left), Span::raw(help)])).style(theme.header),
        area,
    );
}

fn render_message(frame: &mut Frame, area: Rect, message: &crate::app::Message, theme: &Theme) {
    let style = if message.tone == Tone::Error {
        theme.error
    } else {
        Style::new()
    };
    frame.render_widget(
        Paragraph::new(Line::styled(message.text.clone(), style)),
        area,
    );
}

fn render_status(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let line = match app.overlay() {
        Some(Overlay::Filter(_)) => Line::from(vec![
            Span::styled("Filter: ", theme.key),
            Span::raw(app.cursor().filter.clone()),
            Span::styled("█", theme.key),
        ]),
        Some(Overlay::Prompt(crate::app::Prompt { kind, input })) => {
            let question = format!("{}: ", kind.question());
            let room = usize::from(area.width).saturating_sub(question.width());
            let mut spans = vec![Span::styled(question, theme.key)];
            spans.extend(text::field_spans(input, room, theme.key));
            Line::from(spans)
        }
        Some(Overlay::Ask(ask)) => Line::styled(ask.text.clone(), theme.warning),
        Some(Overlay::Help(help)) if help.typing => Line::from(vec![
            Span::styled("Search keys: ", theme.key),
            Span::raw(help.search.clone()),
            Span::styled("█", theme.key),
        ]),
        _ => {
            // An active filter stays in sight until it is cleared, after any message; so
            // does why the plan is read-only here, from the moment it opens.
            let mut spans = Vec::new();
            if let Some(m) = &app.message() {
                let style = if m.tone == Tone::Error {
                    theme.error
                } else {
                    Style::new()
                };
                spans.push(Span::styled(m.text.clone(), style));
            }
            if let Some(why) = app.read_only()
                && !app.message().is_some_and(|m| m.text.contains(why))
            {
                if !spans.is_empty() {
                    spans.push(Span::raw("  ·  "));
                }
                spans.push(Span::styled(format!("Read-only: {why}"), theme.warning));
            }
            if !app.cursor().filter.is_empty() {
                if !spans.is_empty() {
                    spans.push(Span::raw("  ·  "));
                }
                spans.push(Span::styled("Filter: ", theme.key));
                spans.push(Span::raw(format!("{} (Esc clears)", app.cursor().filter)));
            }
            Line::from(spans)
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// The footer: the hinted keys of the current context, most useful first. Help and quit
/// always stay at the end; what does not fit before them is left out (all keys are in `?`).
fn render_hints(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    use action::Action;
    // A reviewer sees the review keys first, then the ones that still apply.
    let reviewing = app.overlay().is_none() && app.role().may_review();
    let review = reviewing
        .then(|| app.keymap().bindings(Context::Review))
        .into_iter()
        .flatten();
    // Only keys that act here: what the role may do, what this picker is for; nothing that
    // edits or saves when the plan is read-only here.
    let writable = app.read_only().is_none();
    let purpose = match app.overlay() {
        Some(Overlay::Picker(p)) => Some(p.purpose),
        _ => None,
    };
    let comparing = purpose == Some(crate::app::Purpose::Compare);
    let opening = purpose == Some(crate::app::Purpose::Open);
    let shown = |b: &action::Binding| match (b.context, b.action) {
        (Context::Review, _) => writable,
        (Context::Normal, Action::Save | Action::Undo) => writable,
        (Context::Normal, Action::Toggle) => !reviewing && writable,
        // Moving and statuses are for courses in a term.
        (Context::Normal, Action::MoveLater | Action::CycleStatus) => {
            !reviewing && writable && app.cursor().focus == Focus::Terms
        }
        (Context::Normal, Action::NextPath) => !app.curriculum().paths.is_empty(),
        (Context::Normal, Action::ShowNotes) => {
            app.plan().verdict.is_some() || !app.plan().notes.is_empty()
        }
        (Context::Notes, Action::Toggle) => app.role().may_mark_addressed() && writable,
        (Context::Notes, Action::DeleteNote) => app.role().may_review() && writable,
        (
            Context::Picker,
            Action::NewPlan | Action::DuplicatePlan | Action::RenamePlan | Action::TrashPlan,
        ) => opening,
        (Context::Picker, Action::ShowTrash) => !comparing,
        _ => true,
    };
    // At a narrow width the rarer keys go first; the basic ones stay.
    let rank = |a: Action| match a {
        Action::Save
        | Action::Undo
        | Action::CycleStatus
        | Action::StartFilter
        | Action::NextPath
        | Action::NoteCourse
        | Action::Approve
        | Action::RequestChanges => 0,
        Action::Toggle | Action::MoveLater => 1,
        _ => 2,
    };
    let hints: Vec<(String, &str, Action)> = review
        .chain(app.keymap().bindings(app.context()))
        .filter(|b| b.hint.is_some() && shown(b))
        .map(|b| {
            let key = b.keys.first().map(action::Key::label).unwrap_or_default();
            let hint = match (b.context, b.action, app.cursor().focus) {
                (Context::Normal, Action::Toggle, Focus::Terms) => "unplan",
                (Context::Normal, Action::Toggle, Focus::Pool) => "place",
                (Context::Normal, Action::Toggle, Focus::Paths) => "target",
                (Context::Picker, Action::ShowTrash, _)
                    if purpose == Some(crate::app::Purpose::Trash) =>
                {
                    "plans"
                }
                (Context::Normal, Action::Toggle, Focus::Problems) => "go to",
                _ => b.hint.unwrap_or_default(),
            };
            (key, hint, b.action)
        })
        .collect();
    let is_last = |a: Action| matches!(a, Action::Help | Action::Quit);
    let width = |items: &[&(String, &str, Action)]| -> usize {
        items
            .iter()
            .map(|(k, h, _)| k.width() + h.width() + 3)
            .sum()
    };
    let tail: Vec<_> = hints.iter().filter(|h| is_last(h.2)).collect();
    let mut head: Vec<_> = hints.iter().filter(|h| !is_last(h.2)).collect();
    while !head.is_empty() && width(&head) + width(&tail) > usize::from(area.width) {
        // The last of the least needed keys goes.
        let drop = (0..head.len())
            .rev()
            .max_by_key(|&i| (rank(head[i].2), i))
            .unwrap_or(0);
        head.remove(drop);
    }
    let spans: Vec<Span> = head
        .into_iter()
        .chain(tail)
        .flat_map(|(key, hint, _)| {
            [
                Span::styled(key.clone(), theme.key),
                Span::raw(format!(" {hint}  ")),
            ]
        })
        .collect();
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A rectangle of at most `width` x `height` centred in `area`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    )
}

/// Display columns before a help description: two of margin, then the keys.
const HELP_KEYS: usize = 14;

/// The help lines of `sections` at `width` columns: each section's title, then its keys and
/// descriptions, a wrapped description continuing under the description column. Only the
/// bindings whose keys or description contain `search` (lower case) are shown, and only the
/// sections that keep one.
fn help_lines(
    keymap: &crate::keymap::Keymap,
    sections: &[(Context, &'static str)],
    search: &str,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let width = usize::from(width);
    let mut lines = Vec::new();
    for (context, title) in sections {
        let found: Vec<_> = keymap
            .bindings(*context)
            .filter(|b| {
                search.is_empty()
                    || b.description.to_lowercase().contains(search)
                    || b.keys_label().to_lowercase().contains(search)
            })
            .collect();
        if found.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(*title, theme.muted));
        for b in found {
            let keys = format!("  {} ", b.keys_label());
            let indent = keys.width().max(HELP_KEYS);
            let rows = wrap_words(b.description, width.saturating_sub(indent).max(1));
            for (i, row) in rows.into_iter().enumerate() {
                let lead = match i {
                    0 => Span::styled(
                        format!("{keys}{}", " ".repeat(indent - keys.width())),
                        theme.key,
                    ),
                    _ => Span::raw(" ".repeat(HELP_KEYS)),
                };
                lines.push(Line::from(vec![lead, Span::raw(row)]));
            }
        }
    }
    lines
}

/// `text` broken at spaces into rows of at most `width` display columns (a longer word has a
/// row to itself).
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match rows.last_mut() {
            Some(row) if row.width() + 1 + word.width() <= width => {
                row.push(' ');
                row.push_str(word);
            }
            _ => rows.push(word.to_string()),
        }
    }
    rows
}

/// Columns between the help overlay's two columns.
const HELP_GUTTER: u16 = 2;

/// The help overlay, generated from the keymap: two columns when there is room, else one
/// column that scrolls.
fn render_help(frame: &mut Frame, area: Rect, app: &App, help: &Help, theme: &Theme) {
    const PLANNING: &[(Context, &str)] = &[(Context::Normal, "Planning (the plan's screen)")];
    const OTHER: &[(Context, &str)] = &[
        (Context::Review, "Reviewing (degree-planner review PLAN)"),
        (Context::Notes, "Notes list (v)"),
        (Context::Picker, "Plans list (o)"),
        (Context::Confirm, "Yes/no questions"),
        (Context::Compare, "Comparison (=)"),
        (Context::Typing, "Typing a filter or a prompt (/, a, r, …)"),
        (Context::Help, "This help (?)"),
        (
            Context::ConfirmQuit,
            "Unsaved changes (quitting, opening another plan)",
        ),
        (Context::Anywhere, "Anywhere (every mode)"),
    ];
    let search = help.search.to_lowercase();
    let width = area.width.min(140);
    let two = width >= 100;
    // Two columns keep a gutter between them, so text never runs into the next.
    let gutter = if two { HELP_GUTTER } else { 0 };
    let count = if two { 2 } else { 1 };
    let column_width = (width.saturating_sub(2 + gutter) / count).max(1);
    let lines = |sections| help_lines(app.keymap(), sections, &search, column_width, theme);
    let mut columns: Vec<Vec<Line>> = if two {
        vec![lines(PLANNING), lines(OTHER)]
    } else {
        let all: Vec<_> = PLANNING.iter().chain(OTHER).copied().collect();
        vec![lines(&all)]
    };
    if columns.iter().all(Vec::is_empty) {
        columns = vec![vec![Line::styled(
            format!("No key or description contains \"{}\"", help.search),
            theme.muted,
        )]];
    }
    let rows = columns.iter().map(Vec::len).max().unwrap_or(0);
    let rows = u16::try_from(rows).unwrap_or(u16::MAX);
    let popup = centered(area, width, rows.saturating_add(2));
    let visible = popup.height.saturating_sub(2);
    let scroll = help.scroll.min(rows.saturating_sub(visible));
    let footer = if rows <= visible {
        " / search · Esc closes "
    } else {
        " ↑↓ scroll · PgUp PgDn g G · / search · Esc closes "
    };
    let title = match (help.search.is_empty(), help.typing) {
        (true, true) => " Keys matching: (type to search) ".to_string(),
        (true, _) => " Keys ".to_string(),
        (false, _) => format!(" Keys matching \"{}\" ", help.search),
    };
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .border_style(theme.border_focus)
        .title(title)
        .title_bottom(Line::from(footer).right_aligned());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let constraints = vec![Constraint::Fill(1); columns.len()];
    for (lines, column) in columns.into_iter().zip(
        Layout::horizontal(constraints)
            .spacing(gutter)
            .split(inner)
            .iter(),
    ) {
        frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), *column);
    }
}

fn render_confirm_leave(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    leave: crate::app::Leave,
    theme: &Theme,
) {
    let file = crate::store::display_path(app.plan_path());
    let (title, going) = match leave {
        crate::app::Leave::Quit => (" Quit? ", "quitting"),
        crate::app::Leave::ToPlans => (" Another plan? ", "opening another plan"),
    };
    let mut lines = vec![
        Line::raw(format!("The plan has unsaved changes ({file}).")),
        Line::raw(format!("What happens to them before {going}?")),
        Line::raw(""),
    ];
    for b in app.keymap().bindings(Context::ConfirmQuit) {
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<8}", b.keys_label()), theme.key),
            Span::raw(b.description),
        ]));
    }
    let popup = centered(area, 60, lines.len() as u16 + 2);
    frame.render_widget(Clear, popup);
    let block = Block::bordered().border_style(theme.warning).title(title);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        popup,
    );
}

fn render_recover(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    unsaved: &crate::model::Plan,
    theme: &Theme,
) {
    let changes = crate::model::edits::edits(app.curriculum(), app.plan(), unsaved);
    let mut lines = vec![
        Line::raw("This plan has unsaved edits from an earlier session that did not end"),
        Line::raw("normally (a crash, a closed terminal, a signal)."),
        Line::raw(""),
    ];
    // Every change, as many as the screen holds (the popup has 7 more rows).
    let room = usize::from(area.height.saturating_sub(9)).max(1);
    let shown = if changes.len() > room { room - 1 } else { room };
    lines.extend(
        changes
            .iter()
            .take(shown)
            .map(|c| Line::raw(format!("  • {c}"))),
    );
    if changes.len() > shown {
        lines.push(Line::styled(
            format!("  … and {} more", changes.len() - shown),
            theme.muted,
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled("  y ", theme.key),
        Span::raw(
            match app.keymap().key_for(Context::Normal, action::Action::Save) {
                Some(key) => format!("restore them (then {key} saves)    "),
                None => "restore them    ".to_string(),
            },
        ),
        Span::styled("n ", theme.key),
        Span::raw("discard them"),
    ]));
    let popup = centered(area, 76, lines.len() as u16 + 2);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .border_style(theme.warning)
        .title(" Restore unsaved edits? ");
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        popup,
    );
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = format!(
        "terminal too small: need at least {MIN_WIDTH}x{MIN_HEIGHT}, have {}x{}",
        area.width, area.height
    );
    let lines = vec![
        Line::raw(text),
        Line::raw("Enlarge the window, or press q to quit."),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}
