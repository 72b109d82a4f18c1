//! Prior credit on screen: its block before the first term (only when the plan has some),
//! the highlighted entry's facts in the detail pane, and the form that records or changes an
//! entry.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph, Wrap};

use super::View;
use super::text::{field_spans, fit, truncate};
use crate::action::{Action, Context};
use crate::app::{App, Focus, PriorField, PriorForm};
use crate::field::InputRequest;
use crate::model::plan::{PriorCredit, StandsFor};
use crate::model::{exceptions, prior, requirements};

/// Rows the block takes with at most `most` entries in view: none without prior credit.
pub(super) fn height(app: &App, most: u16) -> u16 {
    match app.plan().prior.len() {
        0 => 0,
        n => u16::try_from(n).unwrap_or(u16::MAX).min(most.max(1)) + 2,
    }
}

/// "6 cr", or "6 of 9 cr count" when some of it does not count (the cap, a course that
/// must be taken here, one also placed).
fn credits_title(app: &App) -> String {
    let (c, plan) = (app.curriculum(), app.plan());
    let recorded: u32 = plan.prior.iter().map(|e| e.credits).sum();
    let counted = prior::credits(c, plan);
    if counted == recorded {
        format!(" {counted} cr ")
    } else {
        format!(" {counted} of {recorded} cr count ")
    }
}

/// What an entry stands for in words: "BE101 Programming Basics", "6 unassigned credits →
/// Electives".
fn stands_for(app: &App, entry: &PriorCredit) -> String {
    let c = app.curriculum();
    match &entry.stands_for {
        StandsFor::Course(code) => match c.course(code) {
            Some(course) => format!("{code} {}", course.title),
            None => code.clone(),
        },
        StandsFor::Credits { toward: None } => format!("{} unassigned credits", entry.credits),
        StandsFor::Credits { toward: Some(t) } => {
            let name = exceptions::find_group(c, t).map_or(t.as_str(), |g| g.name.as_str());
            format!("{} unassigned credits → {name}", entry.credits)
        }
    }
}

/// Where it was earned: "Uni Elsewhere, B+".
fn earned(entry: &PriorCredit) -> String {
    [entry.from.as_str(), entry.result.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Draws the block: one row per entry (source, what it stands for, where it was earned,
/// credits), marked when it does not count, scrolled to keep the highlighted entry in view.
pub(super) fn render_prior(frame: &mut Frame, area: Rect, view: &View) {
    let View { app, theme, .. } = *view;
    let (c, plan) = (app.curriculum(), app.plan());
    let current = app.in_prior();
    let focused = current && app.cursor().focus == Focus::Terms;
    let marker = if current { "▸ " } else { " " };
    let block = Block::bordered()
        .border_style(if focused {
            theme.border_focus
        } else {
            theme.border
        })
        .title(format!("{marker}Prior credit "))
        .title(Line::from(credits_title(app)).right_aligned());
    let inner = block.inner(area);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height).max(1);
    let selected = app.selected_prior().filter(|_| focused);
    let first = selected.map_or(0, |s| (s + 1).saturating_sub(rows));
    let shown = first..(first + rows).min(plan.prior.len());
    let placed = plan.placed_codes();
    // Marker, flag, glyph and the spaces around the source and credits.
    let rest = width.saturating_sub(3 + 12 + 1 + 1 + 2);
    let what_width = rest * 3 / 5;
    let from_width = rest.saturating_sub(what_width + 1);
    let items: Vec<ListItem> = shown
        .clone()
        .map(|i| {
            let entry = &plan.prior[i];
            let is_selected = selected == Some(i);
            let allowed = prior::allowed(c, entry);
            let also_placed = entry.course().is_some_and(|code| placed.contains(code));
            let flag = match (allowed, also_placed) {
                (false, _) => Span::styled("!", theme.error),
                (true, true) => Span::styled("!", theme.warning),
                (true, false) => Span::raw(" "),
            };
            let glyph = match allowed {
                true => Span::styled("✓", theme.good),
                false => Span::styled("✗", theme.error),
            };
            let line = Line::from(vec![
                Span::raw(if is_selected { ">" } else { " " }),
                flag,
                glyph,
                Span::raw(" "),
                Span::styled(fit(entry.source.label(), 11), theme.muted),
                Span::raw(" "),
                Span::raw(fit(&stands_for(app, entry), what_width)),
                Span::raw(" "),
                Span::styled(fit(&earned(entry), from_width), theme.muted),
                Span::raw(" "),
                Span::styled(format!("{:>2}", entry.credits), theme.muted),
            ]);
            ListItem::new(if is_selected {
                line.style(theme.selected)
            } else {
                line
            })
        })
        .collect();
    let mut block = block;
    if shown.start > 0 || shown.end < plan.prior.len() {
        let text = format!(
            " {}-{} of {} ",
            shown.start + 1,
            shown.end,
            plan.prior.len()
        );
        block = block.title_bottom(Line::styled(text, theme.muted).right_aligned());
    }
    let mut state = ListState::default().with_selected(selected.map(|s| s - shown.start));
    frame.render_stateful_widget(List::new(items).block(block), area, &mut state);
}

/// "T records BE101 as prior credit" under a course that lacks a prerequisite, when the
/// student may record it.
pub(super) fn offer(view: &View) -> Option<Line<'static>> {
    let View { app, facts, theme } = *view;
    if !app.available(Context::Normal, Action::AddPrior) {
        return None;
    }
    let key = app.keymap().key_for(Context::Normal, Action::AddPrior)?;
    let code = app.missing_course(facts.problems)?;
    Some(Line::styled(
        format!("{key} records {code} as prior credit"),
        theme.muted,
    ))
}

/// Draws the highlighted entry's facts where the course detail goes: what it stands for,
/// where it was earned, the note, what it counts toward, and why it does not count when it
/// does not.
pub(super) fn render_prior_detail(frame: &mut Frame, area: Rect, view: &View, index: usize) {
    let View { app, theme, .. } = *view;
    let (c, plan) = (app.curriculum(), app.plan());
    let block = Block::bordered()
        .border_style(theme.border)
        .title(" Prior credit ");
    let Some(entry) = plan.prior.get(index) else {
        let text = Span::styled("No prior credit highlighted.", theme.muted);
        frame.render_widget(Paragraph::new(text).block(block), area);
        return;
    };
    let mut lines = vec![
        Line::styled(stands_for(app, entry), theme.key),
        Line::raw(format!(
            "{} · {} credits{}",
            entry.source.label(),
            entry.credits,
            entry
                .course()
                .and_then(|code| c.course(code))
                .filter(|course| course.credits != entry.credits)
                .map(|course| format!(" (the course has {})", course.credits))
                .unwrap_or_default()
        )),
    ];
    if !entry.from.is_empty() {
        lines.push(Line::raw(format!("From {}", entry.from)));
    }
    if !entry.result.is_empty() {
        lines.push(Line::raw(format!("Result {}", entry.result)));
    }
    if !entry.note.is_empty() {
        lines.push(Line::styled(format!("Note: {}", entry.note), theme.muted));
    }
    lines.extend(counts(app, entry, theme));
    let keys = app.keymap();
    if app.available(Context::Normal, Action::EditPrior) {
        let hint = keys.hints(
            Context::Normal,
            &[
                (&[Action::EditPrior], "edits"),
                (&[Action::RemovePrior], "removes"),
            ],
        );
        lines.push(Line::styled(hint, theme.muted));
    }
    if let Some(code) = entry.course() {
        let target = crate::model::NoteTarget::Course(code.to_string());
        let notes: Vec<_> = app.notes_on(&target).collect();
        if !notes.is_empty() {
            lines.push(Line::styled("Advisor's notes", theme.muted));
            for note in notes {
                lines.push(super::review::note_line(note, theme));
            }
        }
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// What the entry counts for, or why it does not.
fn counts(app: &App, entry: &PriorCredit, theme: &crate::theme::Theme) -> Vec<Line<'static>> {
    let (c, plan) = (app.curriculum(), app.plan());
    let mut lines = Vec::new();
    match &entry.stands_for {
        StandsFor::Course(code) if c.course(code).is_none() => lines.push(Line::styled(
            format!(
                "✗ {code} is not a course of {}: it counts for nothing",
                c.name
            ),
            theme.error,
        )),
        StandsFor::Course(code) if prior::taken_here(c, code) => lines.push(Line::styled(
            format!(
                "✗ {code} must be taken here: {} gives no prior credit for it",
                c.name
            ),
            theme.error,
        )),
        StandsFor::Course(code) if plan.find(code).is_some() => lines.push(Line::styled(
            format!("! {code} is placed in a term too: it counts once, there"),
            theme.warning,
        )),
        StandsFor::Course(code) => {
            lines.push(Line::styled(
                "✓ Counts as completed before the first term: clears requisites",
                theme.good,
            ));
            let progress = requirements::progress(c, plan);
            let groups: Vec<&str> = progress
                .filled_by(code)
                .iter()
                .map(|&g| progress.groups[g].group.name.as_str())
                .collect();
            if !groups.is_empty() {
                lines.push(Line::raw(format!("Counts toward {}", groups.join(", "))));
            }
        }
        StandsFor::Credits { toward } => {
            lines.push(Line::styled(
                "✓ Counts toward the degree's credits and credit requisites",
                theme.good,
            ));
            if let Some(t) = toward {
                let name = exceptions::find_group(c, t).map_or(t.as_str(), |g| g.name.as_str());
                let line = match prior::taken_here(c, t) {
                    true => Line::styled(
                        format!("✗ {name} must be taken here: these credits do not fill it"),
                        theme.error,
                    ),
                    false => Line::raw(format!("Recorded toward {name}")),
                };
                lines.push(line);
            }
        }
    }
    if let Some(cap) = c.prior_credit.as_ref().and_then(|r| r.max_credits) {
        let all = prior::uncapped_credits(c, plan);
        let style = if all > cap {
            theme.warning
        } else {
            theme.muted
        };
        let text = match all > cap {
            true => format!(
                "! {} counts at most {cap} credits of prior credit; the plan has {all}",
                c.name
            ),
            false => format!("{} counts at most {cap} credits of prior credit", c.name),
        };
        lines.push(Line::styled(text, style));
    }
    lines
}

/// Draws the form over the body: a row per field, the highlighted one being typed in; below
/// them what Enter would record, or why it would not yet; then the keys.
pub(super) fn render_form(frame: &mut Frame, area: Rect, view: &View, form: &PriorForm) {
    let View { app, theme, .. } = *view;
    let title = match form.editing {
        Some(_) => " Change prior credit ",
        None => " Record prior credit ",
    };
    let popup = super::centered(area, 76, 14);
    let block = Block::bordered()
        .border_style(theme.border_focus)
        .title(title);
    let inner = block.inner(popup);
    let label_width = 9;
    let room = usize::from(inner.width).saturating_sub(label_width + 2);
    let typed = form.course.value().trim();
    let course = app
        .curriculum()
        .courses
        .iter()
        .find(|x| !typed.is_empty() && x.code.eq_ignore_ascii_case(typed));
    let mut lines: Vec<Line> = Vec::new();
    for field in PriorField::ALL {
        let here = form.field == field;
        let mut spans = vec![
            Span::raw(if here { "> " } else { "  " }),
            Span::styled(fit(field.label(), label_width), theme.key),
        ];
        match form.text(field) {
            None => {
                let source = format!("‹ {} ›", form.source.label());
                spans.push(Span::styled(
                    source,
                    if here { theme.selected } else { Style::new() },
                ));
                if here {
                    let arrows = app.keymap().keys_for(
                        Context::Typing,
                        &[
                            Action::Edit(InputRequest::GoToPrevChar),
                            Action::Edit(InputRequest::GoToNextChar),
                        ],
                    );
                    let how = arrows.map_or_else(String::new, |keys| format!("{keys} or "));
                    let text = format!("  {how}a first letter chooses");
                    spans.push(Span::styled(text, theme.muted));
                }
            }
            Some(text) if here => spans.extend(field_spans(text, room, theme.key)),
            Some(text) if text.is_empty() => {
                let hint = match (field, course) {
                    (PriorField::Credits, Some(course)) => {
                        format!("empty: {}, as {} has", course.credits, course.code)
                    }
                    _ => field.hint().to_string(),
                };
                spans.push(Span::styled(truncate(&hint, room), theme.muted))
            }
            Some(text) => spans.push(Span::raw(truncate(text.value(), room))),
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    let preview = match form.entry(app.curriculum(), app.plan()) {
        Ok(entry) => Line::styled(
            format!(
                "✓ {}, {} credits{}",
                stands_for(app, &entry),
                entry.credits,
                match earned(&entry) {
                    e if e.is_empty() => String::new(),
                    e => format!(", {e}"),
                }
            ),
            theme.good,
        ),
        Err((field, why)) => Line::styled(format!("✗ {}: {why}", field.label()), theme.warning),
    };
    lines.push(preview);
    lines.push(Line::raw(""));
    let hints = app.keymap().hints(
        Context::Typing,
        &[
            (&[Action::NextFocus], "next field"),
            (&[Action::Submit], "record"),
            (&[Action::Cancel], "cancel"),
        ],
    );
    lines.push(Line::styled(hints, theme.muted));
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        popup,
    );
}
