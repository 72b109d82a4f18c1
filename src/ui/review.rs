//! The advisor's side of the planning view: the verdict and plan notes panel.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::View;
use crate::action::{Action, Context};
use crate::app::App;
use crate::model::review::{self, Decision, Note, NoteTarget, VerdictState};
use crate::theme::Theme;

/// " (v)": the key that lists the notes, when one does.
fn notes_key(app: &App) -> String {
    app.keymap()
        .key_for(Context::Normal, Action::ShowNotes)
        .map_or_else(String::new, |key| format!(" ({key})"))
}

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
pub(super) fn verdict_header(app: &App, state: &VerdictState, theme: &Theme) -> Vec<Line<'static>> {
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
                format!("  … and {} more{}", changes.len() - 3, notes_key(app)),
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
                "  {elsewhere} open note{} on terms and courses{}",
                if elsewhere == 1 { "" } else { "s" },
                notes_key(app)
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
pub fn render_review(frame: &mut Frame, area: Rect, view: &View) {
    let View { app, theme, .. } = *view;
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
