//! The exceptions list: every exception of the plan, with what it answers. A student edits a
//! reason or withdraws a request not yet granted; a reviewer grants or refuses, as
//! [`exceptions::decide`] enforces. Each change is one undoable edit of the plan.

use crate::action::Action;
use crate::app::{App, Effect};
use crate::model::exceptions::{self, Refusal};
use crate::model::plan::{Grant, Warning};
use crate::model::review::{Note, NoteTarget};

use super::{Overlay, PromptKind};

/// The exceptions list, with the highlighted exception.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Exceptions {
    /// Index into [`crate::model::Plan::exceptions`].
    pub selected: usize,
}

impl Exceptions {
    /// Moves through the exceptions; the edit keys act on the highlighted one; Esc closes.
    pub(super) fn handle(self, action: Action, app: &mut App) -> Option<Effect> {
        let count = app.doc.plan.exceptions.len();
        let mut list = self;
        if let Some(delta) = action.list_step(app.overlay_page()) {
            list.selected = crate::action::step_cursor(self.selected, count, delta);
        }
        app.overlay = Some(Overlay::Exceptions(list));
        let i = list.selected;
        if i >= count
            && matches!(
                action,
                Action::GrantException
                    | Action::RefuseException
                    | Action::EditReason
                    | Action::RemoveException
            )
        {
            app.info("There is no exception here yet".into());
            return None;
        }
        match action {
            Action::Cancel | Action::ShowExceptions => app.overlay = None,
            Action::Undo => app.undo(),
            Action::GrantException => app.decide_exception(i, true, ""),
            Action::RefuseException => app.ask_refusal(i),
            Action::EditReason => app.ask_new_reason(i),
            Action::RemoveException => app.remove_exception(i),
            _ => {}
        }
        None
    }
}

impl App {
    /// Whether the plan may change here; if not, the status line says why.
    pub(super) fn writable(&mut self) -> bool {
        match self.access.read_only.clone() {
            Some(why) => {
                self.error(format!("Read-only: {why}"));
                false
            }
            None => true,
        }
    }

    /// Grants (`grant`) or refuses the exception at `index` as the reviewer, with an optional
    /// reason for a refusal, which reaches the student as a note; then shows the list again.
    pub(super) fn decide_exception(&mut self, index: usize, grant: bool, reason: &str) {
        self.overlay = Some(Overlay::Exceptions(Exceptions { selected: index }));
        if !self.writable() {
            return;
        }
        let Some(e) = self.doc.plan.exceptions.get(index) else {
            return;
        };
        if grant && e.granted() {
            self.info("That exception is granted already".into());
            return;
        }
        let what = e.grant.describe();
        let on = note_target(&e.grant);
        let (role, today) = (self.access.role.clone(), (self.today)());
        let author = self.access.reviewer_name();
        let label = match grant {
            true => format!("Granted: {what}"),
            false => format!("Refused: {what}"),
        };
        let mut refusal = None;
        self.edit(&label, |plan| {
            if let Err(why) = exceptions::decide(plan, &role, index, grant, &today) {
                refusal = Some(why);
                return false;
            }
            if !reason.is_empty() {
                plan.notes.push(Note {
                    on,
                    text: format!("Exception refused ({what}): {reason}"),
                    author,
                    date: today.clone(),
                    addressed: false,
                });
            }
            true
        });
        if let Some(why) = refusal {
            self.error(sentence(&why));
        }
    }

    /// Asks the reviewer why the exception at `index` is refused; a student is told by the
    /// model why not.
    fn ask_refusal(&mut self, index: usize) {
        if !self.access.role.may_review() {
            self.decide_exception(index, false, "");
        } else if self.writable() {
            let what = self.doc.plan.exceptions[index].grant.describe();
            self.ask(PromptKind::Refusal { index, what }, "");
        }
    }

    /// Asks for a new reason for the exception at `index`, prefilled with the old one.
    fn ask_new_reason(&mut self, index: usize) {
        if !self.writable() {
            return;
        }
        let e = &self.doc.plan.exceptions[index];
        if e.granted() && !self.access.role.may_review() {
            self.error("A granted exception is changed by a reviewer; ask yours".into());
            return;
        }
        let (what, reason) = (e.grant.describe(), e.reason.clone());
        self.ask(PromptKind::EditReason { index, what }, &reason);
    }

    /// Gives the exception at `index` the reason `reason` (it is requested again), or asks
    /// again when the reason is empty; then shows the list again.
    pub(super) fn change_reason(&mut self, index: usize, what: String, reason: &str) {
        if reason.is_empty() {
            self.error(sentence(&Refusal::NoReason));
            self.ask(PromptKind::EditReason { index, what }, "");
            return;
        }
        let today = (self.today)();
        self.edit(&format!("Reason changed: {what}"), |plan| {
            exceptions::edit_reason(plan, index, reason, &today).is_ok()
        });
        self.overlay = Some(Overlay::Exceptions(Exceptions { selected: index }));
    }

    /// Removes the exception at `index`, as the role may.
    fn remove_exception(&mut self, index: usize) {
        if !self.writable() {
            return;
        }
        let what = self.doc.plan.exceptions[index].grant.describe();
        let role = self.access.role.clone();
        let mut refusal = None;
        self.edit(
            &format!("Removed the exception: {what}"),
            |plan| match exceptions::remove(plan, &role, index) {
                Ok(_) => true,
                Err(why) => {
                    refusal = Some(why);
                    false
                }
            },
        );
        if let Some(why) = refusal {
            self.error(sentence(&why));
        }
        let left = self.doc.plan.exceptions.len();
        self.overlay = Some(Overlay::Exceptions(Exceptions {
            selected: index.min(left.saturating_sub(1)),
        }));
    }
}

/// What a note about the exception `grant` is on: its course, its term, or the plan.
fn note_target(grant: &Grant) -> NoteTarget {
    match grant {
        Grant::WaiveRequisite(code)
        | Grant::Substitute { course: code, .. }
        | Grant::AlsoAllow { course: code, .. }
        | Grant::Acknowledge(Warning::NotOffered(code) | Warning::Permission(code)) => {
            NoteTarget::Course(code.clone())
        }
        Grant::Acknowledge(Warning::OverLoad(term)) | Grant::TermLoad { term, .. } => {
            NoteTarget::Term(term.clone())
        }
        Grant::WaiveGroup(_) | Grant::GroupMinimum { .. } => NoteTarget::Plan,
    }
}

/// A refusal as the status line says it: a sentence with a capital letter.
pub(super) fn sentence(why: &Refusal) -> String {
    let text = why.to_string();
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
