//! The unsaved-changes overlay, before quitting or opening another plan.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{View, centered};
use crate::action::Context;
use crate::app::Leave;

/// The question before leaving a plan with unsaved changes, and the keys that answer it.
pub(super) fn render_unsaved(frame: &mut Frame, area: Rect, view: &View, leave: Leave) {
    let View { app, theme, .. } = *view;
    let file = crate::store::display_path(app.plan_path());
    let (title, going) = match leave {
        Leave::Quit => (" Quit? ", "quitting"),
        Leave::ToPlans => (" Another plan? ", "opening another plan"),
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
