//! The floor for start-up time and memory: the smallest ratatui program that does what the
//! planner does before its first frame is complete (raw mode, the alternate screen, one
//! frame with a paragraph whose last row is the bottom border), then waits for `q`.
//!
//! `examples/measure.rs` starts it and the planner side by side (docs/performance.md).

use ratatui::crossterm::event::{self, Event, KeyCode};
use ratatui::widgets::{Block, Paragraph};

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let result = run(&mut terminal);
    ratatui::restore();
    result
}

fn run(terminal: &mut ratatui::DefaultTerminal) -> std::io::Result<()> {
    terminal.draw(|frame| {
        let block = Block::bordered().title(" floor ").title_bottom(" q quits ");
        frame.render_widget(
            Paragraph::new("The terminal stack alone: one paragraph.").block(block),
            frame.area(),
        );
    })?;
    loop {
        if let Event::Key(key) = event::read()?
            && key.code == KeyCode::Char('q')
        {
            return Ok(());
        }
    }
}
