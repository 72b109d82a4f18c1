//! The screen's frame around the panes: the header, the status line, and the message shown
//! when the terminal is too small.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::{MIN_HEIGHT, MIN_WIDTH, View, text};
use crate::action::{self, Action, Context};
use crate::app::{Message, Overlay, Tone};
use crate::keymap::Keymap;

/// The header: the program, the plan's file and student, its state, and the help key;
/// where there is room, the cumulative GPA and then the finish estimate (the estimate goes
/// first when the row is short, then the GPA, then the rest is cut at its end).
pub(super) fn render_header(frame: &mut Frame, area: Rect, view: &View) {
    let View { app, theme, facts } = *view;
    let file = app.file_name();
    let student = match app.keymap().key_for(Context::Normal, Action::EditStudent) {
        _ if !app.plan().student.is_empty() => app.plan().student.clone(),
        Some(key) => format!("(no name: {key} sets it)"),
        None => "(no name)".to_string(),
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
    if app.whatif().is_some() {
        state = format!(" WHAT-IF, not the plan │{state}");
    }
    let text = format!(
        " {} │ plan: {file} │ student: {student}{target}",
        app.curriculum().name
    );
    let width = usize::from(area.width);
    let finish = finish_estimate(facts.graduation);
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
    // A space between the plan's facts and the state or help, even when the facts are cut.
    let help = if help.is_empty() || help.starts_with(' ') {
        help
    } else {
        format!(" {help}")
    };
    let gpa = facts
        .gpa
        .cumulative
        .map(|g| format!(" │ GPA {}", crate::model::gpa::format(Some(g))))
        .unwrap_or_default();
    // The GPA and the estimate only when everything else is shown whole beside them.
    let fits = |extra: usize| text.width() + extra + help.width() <= width;
    let text = if fits(gpa.width() + finish.width()) {
        format!("{text}{gpa}{finish}")
    } else if fits(gpa.width()) {
        format!("{text}{gpa}")
    } else {
        text
    };
    let left = text::fit(&text, width.saturating_sub(help.width()));
    frame.render_widget(
        Paragraph::new(Line::from(vec![Span::raw(left), Span::raw(help)])).style(theme.header),
        area,
    );
}

/// " │ finish ≥ Semester IV · chain 3": the earliest term the plan can finish in at the
/// program's load limit (a lower bound) and how many courses its longest prerequisite chain
/// still has ahead; nothing when every course is done.
fn finish_estimate(estimate: &crate::model::graduation::Estimate) -> String {
    match estimate.credits_left {
        0 => String::new(),
        _ => format!(
            " │ finish ≥ {} · chain {}",
            estimate.term_name,
            estimate.critical_path.len()
        ),
    }
}

/// One message on its own row, red when it is an error.
pub(super) fn render_message(frame: &mut Frame, area: Rect, message: &Message, view: &View) {
    let theme = view.theme;
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

/// The status line: what is being typed (filter, prompt, help search), a yes/no question,
/// or the last message with why the plan is read-only and the active filter.
pub(super) fn render_status(frame: &mut Frame, area: Rect, view: &View) {
    let View { app, theme, .. } = *view;
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
                let clear = app.keymap().key_for(Context::Normal, Action::ClearFilter);
                let how = clear.map_or_else(String::new, |key| format!(" ({key} clears)"));
                spans.push(Span::raw(format!("{}{how}", app.cursor().filter)));
            }
            Line::from(spans)
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// What a terminal below [`MIN_WIDTH`] x [`MIN_HEIGHT`] shows instead of the planner.
pub(super) fn render_too_small(frame: &mut Frame, area: Rect, keymap: &Keymap) {
    let text = format!(
        "terminal too small: need at least {MIN_WIDTH}x{MIN_HEIGHT}, have {}x{}",
        area.width, area.height
    );
    let lines = vec![
        Line::raw(text),
        Line::raw(match keymap.key_for(Context::Normal, Action::Quit) {
            Some(key) => format!("Enlarge the window, or press {key} to quit."),
            None => "Enlarge the window.".to_string(),
        }),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}
