//! Yes/no questions the planner asks before an edit that is easy to regret.

use super::Overlay;
use crate::action::Action;
use crate::app::{App, Effect};
use crate::model::review::Decision;
use crate::model::{Slot, Status};

/// What `y` does once the question is answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// Take a completed or in-progress course out of the plan.
    Unplan(Slot),
    /// Approve a plan that has errors: ask for the comment next.
    ApproveWithErrors,
    /// Delete a term, unplanning its courses.
    DeleteTerm(usize),
    /// Give every course of a term this status.
    TermStatus {
        /// The term.
        term: usize,
        /// The status.
        status: Status,
    },
    /// Write the report over the one written before.
    OverwriteReport,
    /// Save over a plan file another program changed since the planner read it.
    SaveOverChanges,
    /// Leave the what-if, losing its changes.
    DiscardWhatIf,
    /// Leave the what-if, losing its changes, and quit (asking about the plan's own).
    QuitWhatIf,
}

/// A question and how it is put to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ask {
    /// What a yes does.
    pub question: Question,
    /// The question, in full, e.g. "BE101 is completed (grade A): unplan it?".
    pub text: String,
}

impl Ask {
    /// Asks `text`; a yes does `question`.
    pub fn new(question: Question, text: String) -> Self {
        Ask { question, text }
    }
    /// Applies one answer: yes does what the question is about, no changes nothing, and any
    /// other key leaves the question open.
    pub(super) fn handle(self, action: Action, app: &mut App) -> Option<Effect> {
        match action {
            Action::Confirm => self.answer_yes(app),
            Action::Cancel => {
                if self.question == Question::SaveOverChanges {
                    // Not saved: a quit or a switch that waited for the save is off.
                    app.after_save = None;
                }
                app.info("Nothing changed".into());
                None
            }
            _ => {
                app.overlay = Some(Overlay::Ask(self));
                None
            }
        }
    }

    /// Does what a yes to the question means.
    fn answer_yes(self, app: &mut App) -> Option<Effect> {
        match self.question {
            Question::Unplan(slot) => app.unplan(slot),
            Question::ApproveWithErrors => app.ask_comment(Decision::Approved),
            Question::DeleteTerm(term) => {
                let name = app.doc.plan.terms.get(term).map(|t| t.name.clone());
                let label = format!("Deleted term {}", name.unwrap_or_default());
                app.edit(&label, |plan| plan.remove_term_unplanning(term));
            }
            Question::TermStatus { term, status } => {
                let name = app.doc.plan.terms.get(term).map(|t| t.name.clone());
                let label = format!(
                    "Every course of {} is now {}",
                    name.unwrap_or_default(),
                    status.label()
                );
                app.edit(&label, |plan| plan.set_term_status(term, status));
            }
            Question::OverwriteReport => return Some(app.export(true)),
            Question::SaveOverChanges => return Some(app.save(true)),
            Question::DiscardWhatIf => {
                app.leave_whatif();
                app.info("Discarded the what-if: the plan is as it was".into());
            }
            Question::QuitWhatIf => {
                app.leave_whatif();
                return app.normal(Action::Quit);
            }
        }
        None
    }
}
