//! The advisor's side of the screen: the verdict and plan notes panel, and the notes list.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::App;
use crate::model::review::{self, Decision, Note, NoteTarget, VerdictState};
use crate::theme::Theme;

/// Whether the review panel has anything to say.
pub fn has_review(app: &App) -> bool {
    app.plan().verdict.is_some() || !app.plan().notes.is_empty() || app.role().may_review()
}

/// One line naming the verdict state, styled by how good it is.
pub fn verdict_line(state: &VerdictState, theme: &Theme) -> Line<'static> {
    let (mark, style) = match state {
        VerdictState::Unreviewed => ("○", theme.muted),
        VerdictState::Current(v) if v.decision == Decision::Approved => ("✓", theme.good),
        VerdictState::Current(_) => ("⚠", theme.warning),
        VerdictState::Changed(..) => ("⚠", theme.warning),
        VerdictState::Damaged(_) => ("✗", theme.error),
    };
    Line::from(vec![
        Span::styled(format!("{mark} "), style),
        Span::styled(state.to_string(), style),
    ])
}

/// The verdict state, and the reviewer's comment if there is one.
fn verdict_header(app: &App, state: &VerdictState, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![verdict_line(state, theme)];
    if let Some(v) = &app.plan().verdict
        && !v.comment.is_empty()
    {
        lines.push(Line::styled(format!("  \"{}\"", v.comment), theme.muted));
    }
    lines
}

/// Lines for the review panel: verdict, its comment, what changed since, plan notes.
pub fn review_lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let state = review::verdict_state(app.plan());
    let mut lines = verdict_header(app, &state, theme);
    if let VerdictState::Changed(_, changes) = &state {
        for change in changes.iter().take(3) {
            lines.push(Line::raw(format!("  • {change}")));
        }
        if changes.len() > 3 {
            lines.push(Line::styled(
                format!("  … and {} more (v)", changes.len() - 3),
                theme.muted,
            ));
        }
    }
    for note in app.notes_on(&NoteTarget::Plan) {
        lines.push(note_line(note, theme));
    }
    let elsewhere = app
        .plan()
        .notes
        .iter()
        .filter(|n| n.on != NoteTarget::Plan && !n.addressed)
        .count();
    if elsewhere > 0 {
        lines.push(Line::styled(
            format!(
                "  {elsewhere} open note{} on terms and courses (v)",
                if elsewhere == 1 { "" } else { "s" }
            ),
            theme.muted,
        ));
    }
    lines
}

/// A note as one line: addressed mark, text, author and date.
pub fn note_line(note: &Note, theme: &Theme) -> Line<'static> {
    let (mark, style) = if note.addressed {
        ("✓ ", theme.muted)
    } else {
        ("¶ ", theme.warning)
    };
    Line::from(vec![
        Span::styled(mark, style),
        Span::raw(note.text.clone()),
        Span::styled(format!(" — {}, {}", note.author, note.date), theme.muted),
    ])
}

/// Draws the review panel.
pub fn render_review(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block = Block::bordered()
        .border_style(theme.border)
        .title(" Review ");
    let lines = review_lines(app, theme);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

fn target_label(app: &App, target: &NoteTarget) -> String {
    match target {
        NoteTarget::Plan => "Plan".to_string(),
        NoteTarget::Term(name) => {
            let gone = if app.plan().terms.iter().any(|t| &t.name == name) {
                ""
            } else {
                " (no longer in the plan)"
            };
            format!("Term {name}{gone}")
        }
        NoteTarget::Course(code) => {
            let title = app
                .curriculum()
                .course(code)
                .map_or("", |c| c.title.as_str());
            format!("{code} {title}")
        }
    }
}

/// Draws the list of every note, with the verdict and its changes above it.
pub fn render_notes(frame: &mut Frame, area: Rect, app: &App, selected: usize, theme: &Theme) {
    let state = review::verdict_state(app.plan());
    let mut lines = verdict_header(app, &state, theme);
    if let VerdictState::Changed(_, changes) = &state {
        lines.push(Line::styled("Changed since the verdict:", theme.muted));
        for change in changes {
            lines.push(Line::raw(format!("  • {change}")));
        }
    }
    lines.push(Line::raw(""));
    if app.plan().notes.is_empty() {
        lines.push(Line::styled("No notes.", theme.muted));
    }
    // Where the highlighted note starts and ends among the lines.
    let mut highlight = 0..0;
    for (i, note) in app.plan().notes.iter().enumerate() {
        let style = if i == selected {
            theme.selected
        } else {
            Style::new()
        };
        let marker = if i == selected { "> " } else { "  " };
        let start = lines.len();
        lines.push(Line::from(vec![
            Span::raw(marker),
            Span::styled(target_label(app, &note.on), theme.key),
        ]));
        let mut line = note_line(note, theme);
        line.spans.insert(0, Span::raw("  "));
        lines.push(line.style(style));
        if i == selected {
            highlight = start..lines.len();
        }
    }
    let popup = area.centered(
        Constraint::Length(area.width.min(100)),
        Constraint::Length(area.height.saturating_sub(2).max(3)),
    );
    // Scroll by wrapped rows, as the paragraph draws them: the highlighted note's end at the
    // bottom, or its start at the top when it is taller than the list.
    let visible = usize::from(popup.height.saturating_sub(2));
    let rows = |lines: &[Line]| {
        Paragraph::new(lines.to_vec())
            .wrap(Wrap { trim: false })
            .line_count(popup.width.saturating_sub(2))
    };
    let (start, end) = (
        rows(&lines[..highlight.start]),
        rows(&lines[..highlight.end]),
    );
    let scroll = start.min(end.saturating_sub(visible));
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .border_style(theme.border_focus)
        .title(format!(" Notes ({}) ", app.plan().notes.len()))
        .title_bottom(
            Line::from(if app.role().may_review() {
                " ↑↓ move · x delete · Esc close "
            } else {
                " ↑↓ move · Space addressed · Esc close "
            })
            .right_aligned(),
        );
    let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        popup,
    );
}
