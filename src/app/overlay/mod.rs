//! At most one overlay over the plan: a prompt, a dialog or a list that has the keyboard
//! until it closes. Each is a type in its own file with its own `handle`, which takes the
//! overlay out of the [`App`] and puts it back only if it stays open.

mod ask;
mod autoplan;
mod compare;
mod exceptions;
mod filter;
mod help;
mod notes;
mod picker;
mod prior;
mod prompt;
mod recovery;
mod remedies;
mod requirements;
mod unsaved;

pub use ask::{Ask, Question};
pub use autoplan::AutoPlan;
pub use compare::Compare;
pub use exceptions::Exceptions;
pub use filter::Filter;
pub use help::Help;
pub use notes::Notes;
pub use picker::{Picker, Purpose, Request, Row};
pub use prior::{PriorField, PriorForm, short as prior_short};
pub use prompt::{Prompt, PromptKind};
pub use recovery::Recovery;
pub use remedies::Remedies;
pub use requirements::{Entry, Requirements, entries};
pub use unsaved::Leave;

use super::{App, Effect};
use crate::action::{Action, Context};

/// What has the keyboard over the plan.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    /// Typing the course filter.
    Filter(Filter),
    /// The help overlay, with its search.
    Help(Help),
    /// Typing an answer to a prompt.
    Prompt(Prompt),
    /// The list of notes.
    Notes(Notes),
    /// The plan picker.
    Picker(Picker),
    /// The open plan beside another one.
    Compare(Compare),
    /// The requirement groups, streams and limits, with what is left.
    Requirements(Requirements),
    /// Asking what to do with unsaved changes before leaving the plan: save, discard, or
    /// keep editing.
    Unsaved(Leave),
    /// Unsaved edits from an earlier session were found: restore them?
    Recovery(Recovery),
    /// A yes/no question before an edit that is easy to regret.
    Ask(Ask),
    /// The auto-plan's proposal, previewed before it applies.
    AutoPlan(Box<AutoPlan>),
    /// The exceptions list.
    Exceptions(Exceptions),
    /// The exceptions offered for a problem, to choose one to request.
    Remedies(Remedies),
    /// Recording or changing an entry of prior credit.
    PriorForm(Box<PriorForm>),
}

impl Overlay {
    /// Which set of keys applies while this overlay is open.
    pub fn context(&self) -> Context {
        match self {
            Overlay::Filter(_) | Overlay::Prompt(_) | Overlay::PriorForm(_) => Context::Typing,
            Overlay::Help(help) if help.typing => Context::Typing,
            Overlay::Help(_) => Context::Help,
            Overlay::Unsaved(_) => Context::ConfirmQuit,
            Overlay::Notes(_) => Context::Notes,
            Overlay::Picker(p) if p.confirm_trash => Context::Confirm,
            Overlay::Picker(p) if p.typing => Context::Typing,
            Overlay::Picker(_) => Context::Picker,
            Overlay::Recovery(_) | Overlay::Ask(_) => Context::Confirm,
            Overlay::Compare(_) => Context::Compare,
            Overlay::Requirements(_) => Context::Requirements,
            Overlay::AutoPlan(_) => Context::AutoPlan,
            Overlay::Exceptions(_) | Overlay::Remedies(_) => Context::Exceptions,
        }
    }

    /// Applies `action` to this overlay, taken out of `app`.
    pub(super) fn handle(self, action: Action, app: &mut App) -> Option<Effect> {
        match self {
            Overlay::Filter(filter) => filter.handle(action, app),
            Overlay::Help(help) => help.handle(action, app),
            Overlay::Prompt(prompt) => prompt.handle(action, app),
            Overlay::Notes(notes) => notes.handle(action, app),
            Overlay::Picker(picker) => picker.handle(action, app),
            Overlay::Compare(compare) => compare.handle(action, app),
            Overlay::Requirements(pane) => pane.handle(action, app),
            Overlay::Unsaved(leave) => leave.handle(action, app),
            Overlay::Recovery(recovery) => recovery.handle(action, app),
            Overlay::Ask(ask) => ask.handle(action, app),
            Overlay::AutoPlan(preview) => preview.handle(action, app),
            Overlay::Exceptions(list) => list.handle(action, app),
            Overlay::Remedies(offers) => offers.handle(action, app),
            Overlay::PriorForm(form) => form.handle(action, app),
        }
    }
}
