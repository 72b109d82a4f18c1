//! The plan picker: the plans in the library (or the trash), with their state.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph};

use super::View;
use super::text::fit;
use crate::action::{Action, Context};
use crate::app::{Picker, Purpose, Row};
use crate::theme::Theme;

/// Draws the picker over `area`: each plan with its student, when it was saved, its credits,
/// its problems and its verdict; the open plan marked; where the highlight is in the list.
/// Returns the rows of plans it shows, what a page of them is.
pub fn render_picker(frame: &mut Frame, area: Rect, view: &View, picker: &Picker) -> usize {
    let View { app, theme, .. } = *view;
    let keymap = app.keymap();
    let popup = area.centered(
        Constraint::Length(area.width.min(110)),
        Constraint::Length(area.height.min(picker.rows().len() as u16 + 5).max(8)),
    );
    frame.render_widget(Clear, popup);
    let title = match picker.purpose {
        Purpose::Open => " Plans (● the open one) ".to_string(),
        Purpose::Compare => " Compare with which plan? ".to_string(),
        Purpose::Trash => match keymap.key_for(Context::Picker, Action::Toggle) {
            Some(key) => format!(" Trash: {key} restores a plan "),
            None => " Trash ".to_string(),
        },
    };
    let title = match picker.filter.as_str() {
        "" => title,
        filter => format!("{title}matching \"{filter}\" "),
    };
    let rows = picker.rows().len();
    let position = match rows {
        0 => String::new(),
        n => format!(" {} of {n} ", (picker.selected + 1).min(n)),
    };
    let block = Block::bordered()
        .border_style(theme.border_focus)
        .title(title)
        .title(Line::from(position).right_aligned());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [list_area, footer] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    let width = usize::from(list_area.width);
    let name_width = (width / 4).clamp(8, 28);
    let student_width = (width / 4).clamp(8, 24);
    let items: Vec<ListItem> = picker
        .rows()
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let marker = if i == picker.selected { "> " } else { "  " };
            let line = match row {
                Row::New { empty: false } => Line::styled(
                    format!("{marker}+ New plan from the recommended schedule"),
                    theme.key,
                ),
                Row::New { empty: true } => {
                    Line::styled(format!("{marker}+ New empty plan"), theme.key)
                }
                Row::Plan(entry) => {
                    let open = entry.path == app.plan_path();
                    let mut spans = vec![
                        Span::raw(marker),
                        Span::raw(if open { "● " } else { "  " }),
                        Span::raw(fit(&entry.name, name_width)),
                        Span::raw(" "),
                    ];
                    match &entry.summary {
                        Ok(s) => {
                            let student = if s.student.is_empty() {
                                "(no name)"
                            } else {
                                &s.student
                            };
                            spans.push(Span::raw(fit(student, student_width)));
                            spans.push(Span::styled(format!(" {} ", entry.saved), theme.muted));
                            spans.push(Span::raw(format!(
                                "{:>3}/{} cr  ",
                                s.credits.0, s.credits.1
                            )));
                            spans.push(problems(s.problems, theme));
                            spans.push(Span::raw(s.verdict.clone()));
                        }
                        Err(why) => {
                            spans.push(Span::styled(format!("cannot read: {why}"), theme.error))
                        }
                    }
                    Line::from(spans)
                }
            };
            ListItem::new(if i == picker.selected {
                line.style(theme.selected)
            } else {
                line
            })
        })
        .collect();
    let empty = picker.rows().is_empty();
    let mut state = ListState::default().with_selected(Some(picker.selected));
    frame.render_stateful_widget(List::new(items), list_area, &mut state);
    let footer_text = if picker.typing {
        Line::from(vec![
            Span::styled("Filter: ", theme.key),
            Span::raw(picker.filter.clone()),
            Span::styled("█", theme.key),
            Span::styled(
                format!(
                    "  {}",
                    keymap.hints(
                        Context::Typing,
                        &[
                            (&[Action::Submit], "keeps it"),
                            (&[Action::Cancel], "clears it")
                        ]
                    )
                ),
                theme.muted,
            ),
        ])
    } else if picker.confirm_trash {
        Line::styled(
            format!(
                "Delete {}? It is moved to the trash folder, not destroyed.  {}",
                picker
                    .selected_entry()
                    .map_or("this plan", |e| e.name.as_str()),
                keymap.hints(
                    Context::Confirm,
                    &[(&[Action::Confirm], "yes"), (&[Action::Cancel], "no")]
                )
            ),
            theme.warning,
        )
    } else if empty && !picker.filter.is_empty() {
        let filter = keymap.key_for(Context::Picker, Action::StartFilter);
        let clear = keymap.key_for(Context::Typing, Action::Cancel);
        let how = match (filter, clear) {
            (Some(f), Some(c)) => format!(": {f} changes it, {f} then {c} clears it."),
            _ => ".".to_string(),
        };
        Line::styled(format!("No plan matches the filter{how}"), theme.muted)
    } else if empty && picker.purpose == Purpose::Trash {
        let hints = keymap.hints(
            Context::Picker,
            &[
                (&[Action::ShowTrash], "back to the plans"),
                (&[Action::Cancel], "close"),
            ],
        );
        Line::styled(format!("The trash is empty.  {hints}"), theme.muted)
    } else if empty {
        Line::styled("No plans yet.", theme.muted)
    } else {
        let hints: &[(&[Action], &str)] = match picker.purpose {
            Purpose::Open => &[
                (&[Action::Toggle], "open"),
                (&[Action::StartFilter], "filter"),
                (&[Action::NewPlan], "new"),
                (&[Action::DuplicatePlan], "duplicate"),
                (&[Action::RenamePlan], "rename"),
                (&[Action::TrashPlan], "delete"),
                (&[Action::ShowTrash], "trash"),
                (&[Action::Cancel], "close"),
            ],
            Purpose::Compare => &[
                (&[Action::Toggle], "compare"),
                (&[Action::StartFilter], "filter"),
                (&[Action::Cancel], "close"),
            ],
            Purpose::Trash => &[
                (&[Action::Toggle], "restore"),
                (&[Action::StartFilter], "filter"),
                (&[Action::ShowTrash], "back to the plans"),
                (&[Action::Cancel], "close"),
            ],
        };
        Line::styled(keymap.hints(Context::Picker, hints), theme.muted)
    };
    frame.render_widget(Paragraph::new(footer_text), footer);
    usize::from(list_area.height)
}

/// A plan's problems in a few columns: "no problems", or its errors and warnings counted.
fn problems((errors, warnings): (usize, usize), theme: &Theme) -> Span<'static> {
    let count = |n: usize, what: &str| format!("{n} {what}{}", plural(n));
    match (errors, warnings) {
        (0, 0) => Span::styled("no problems  ", theme.muted),
        (0, w) => Span::styled(format!("{}  ", count(w, "warning")), theme.warning),
        (e, 0) => Span::styled(format!("{}  ", count(e, "error")), theme.error),
        (e, w) => Span::styled(
            format!("{}, {}  ", count(e, "error"), count(w, "warning")),
            theme.error,
        ),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
