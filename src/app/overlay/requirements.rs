//! The requirements pane: each group's progress, the streams with the option in force and
//! the limits gone over; the highlighted stream's option is chosen here, as a plan edit.

use crate::action::Action;
use crate::app::{App, Effect};
use crate::model::groups::Owner;
use crate::model::requirements::Progress;

use super::Overlay;

/// The requirements pane, with the highlighted entry.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Requirements {
    /// Index into [`entries`].
    pub selected: usize,
}

/// One entry of the pane, in the order drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A group, as an index into [`Progress::groups`].
    Group(usize),
    /// A stream, as an index into [`Progress::streams`].
    Stream(usize),
    /// A limit gone over, as an index into [`Progress::limits`].
    Limit(usize),
}

/// The pane's entries: the program's groups, then each stream followed by the groups of its
/// option in force, then the limits gone over.
pub fn entries(progress: &Progress) -> Vec<Entry> {
    let of = |owner: &dyn Fn(Owner) -> bool| {
        progress
            .groups
            .iter()
            .enumerate()
            .filter(move |(_, g)| owner(g.owner))
            .map(|(i, _)| Entry::Group(i))
            .collect::<Vec<_>>()
    };
    let mut out = of(&|o| o == Owner::Program);
    for s in 0..progress.streams.len() {
        out.push(Entry::Stream(s));
        out.extend(of(
            &|o| matches!(o, Owner::Stream { stream, .. } if stream == s),
        ));
    }
    out.extend((0..progress.limits.len()).map(Entry::Limit));
    out
}

impl Requirements {
    /// Moves through the entries; Enter on a stream chooses its next option; Esc closes.
    pub(super) fn handle(self, action: Action, app: &mut App) -> Option<Effect> {
        let progress = crate::model::requirements::progress(&app.doc.curriculum, &app.doc.plan);
        let entries = entries(&progress);
        let mut pane = self;
        if let Some(delta) = action.list_step(app.overlay_page()) {
            pane.selected = crate::action::step_cursor(self.selected, entries.len(), delta);
        }
        let stream = match entries.get(pane.selected) {
            Some(Entry::Stream(s)) => Some(*s),
            _ => None,
        };
        drop(progress);
        match action {
            Action::Cancel => return None,
            Action::Toggle => match stream {
                Some(s) => app.choose_next_option(s),
                None => app.info("Highlight a stream to choose its option".into()),
            },
            Action::Undo => app.undo(),
            _ => {}
        }
        app.overlay = Some(Overlay::Requirements(pane));
        None
    }
}

impl App {
    /// Gives the stream `s` its next option, in the order written, then no choice: one
    /// undoable edit of the plan's `choices`.
    fn choose_next_option(&mut self, s: usize) {
        if let Err(why) = self.access.may_edit_placement() {
            self.error(why);
            return;
        }
        let stream = &self.doc.curriculum.streams[s];
        let current = self.doc.plan.choices.get(&stream.id);
        let at = current.and_then(|code| stream.options.iter().position(|o| &o.code == code));
        let next = match at {
            Some(i) => stream.options.get(i + 1),
            None if current.is_some() => None,
            None => stream.options.first(),
        };
        let id = stream.id.clone();
        let (label, next) = match next {
            Some(o) => (
                format!("{}: {} chosen", stream.name, o.name),
                Some(o.code.clone()),
            ),
            None => (format!("{}: no choice", stream.name), None),
        };
        self.edit(&label, |plan| {
            match next {
                Some(code) => plan.choices.insert(id, code),
                None => plan.choices.remove(&id),
            };
            true
        });
    }
}
