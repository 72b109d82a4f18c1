//! The application state and the only way it changes: [`App::update`] with a [`Msg`].
//!
//! The state is split by idea: the document (the plan, its program, its file and its
//! history), the [`Cursor`] (what is highlighted), the access (who may change what), and
//! at most one [`Overlay`] (a prompt, dialog or list with the keyboard). Nothing here
//! touches the terminal or the file system: file work is asked for by returning an
//! [`Effect`], and its result comes back through [`App::update`].

mod access;
mod cursor;
mod derived;
mod document;
mod effect;
mod explained;
mod msg;
mod overlay;
mod planning;
mod prior;
mod viewport;
mod whatif;

use std::path::PathBuf;

use access::Access;
pub use cursor::{Cursor, Focus};
pub use derived::Derived;
use document::Document;
pub use effect::Effect;
pub use msg::Msg;
pub use overlay::{
    Ask, AutoPlan, Compare, Entry, Exceptions, Filter, Help, Leave, Notes, Overlay, Picker,
    PriorField, PriorForm, Prompt, PromptKind, Purpose, Question, Recovery, Remedies, Request,
    Requirements, Row, entries,
};
pub use viewport::Viewport;
pub use whatif::{Figures, WhatIf};

use crate::action::{Action, Context};
use crate::keymap::Keymap;
use crate::model::review::{Note, NoteTarget, Role};
use crate::model::{Curriculum, Plan};

/// Whether a status message reports success or trouble.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Something happened as asked.
    Info,
    /// Something could not be done.
    Error,
}

/// A one-line message in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// Success or trouble.
    pub tone: Tone,
    /// The text.
    pub text: String,
}

/// The whole state of a running planner.
#[derive(Debug, Clone)]
pub struct App {
    doc: Document,
    cursor: Cursor,
    access: Access,
    overlay: Option<Overlay>,
    /// The last message for the status bar.
    message: Option<Message>,
    /// The unsaved plan last kept aside (see [`Effect::KeepAside`]).
    aside: Option<Plan>,
    /// Where to go once the save under way succeeds.
    after_save: Option<Leave>,
    /// The what-if, while one is open: the real plan set aside, `doc` its scratch copy.
    whatif: Option<Box<WhatIf>>,
    /// Set when the app should exit.
    should_quit: bool,
    /// The clock: today's date, YYYY-MM-DD, read only when a note or verdict is written.
    today: fn() -> String,
    /// The keys in effect: the defaults with the config file's changes.
    keymap: Keymap,
    /// Why the auto-plan put the courses it placed where they are.
    explained: explained::Explained,
    /// What the last frame showed of each pane, once one was drawn.
    viewport: Option<Viewport>,
    /// The plan's figures as of the last update.
    derived: Derived,
}

/// Today's local date, YYYY-MM-DD. Read only when a note or verdict needs it: the time zone
/// database it consults costs a few milliseconds, which start-up need not pay.
pub fn local_today() -> String {
    jiff::Zoned::now().strftime("%Y-%m-%d").to_string()
}

impl App {
    /// A planner on `plan`, which is saved at `plan_path`; `on_disk` says whether that file
    /// exists already. A student's, with the default keys and the local clock.
    pub fn new(curriculum: Curriculum, plan: Plan, plan_path: PathBuf, on_disk: bool) -> Self {
        let path = plan
            .target_path
            .as_deref()
            .and_then(|id| curriculum.paths.iter().position(|p| p.id == id));
        let derived = Derived::new(&curriculum, &plan);
        App {
            doc: Document::new(curriculum, plan, plan_path, on_disk),
            cursor: Cursor::new(path),
            access: Access::student(),
            overlay: None,
            message: None,
            aside: None,
            after_save: None,
            whatif: None,
            should_quit: false,
            today: local_today,
            keymap: Keymap::default(),
            explained: explained::Explained::default(),
            viewport: None,
            derived,
        }
    }

    /// This planner with the keys `keymap`.
    pub fn with_keymap(mut self, keymap: Keymap) -> Self {
        self.keymap = keymap;
        self
    }

    /// This planner with `today` as its clock (tests give a fixed date).
    pub fn with_today(mut self, today: fn() -> String) -> Self {
        self.today = today;
        self
    }

    /// This planner showing `message` in the status bar.
    pub fn with_message(mut self, message: Message) -> Self {
        self.message = Some(message);
        self
    }

    /// The program the plan is made for.
    pub fn curriculum(&self) -> &Curriculum {
        &self.doc.curriculum
    }

    /// The plan being edited.
    pub fn plan(&self) -> &Plan {
        &self.doc.plan
    }

    /// Where the plan is saved.
    pub fn plan_path(&self) -> &std::path::Path {
        &self.doc.path
    }

    /// Whether the plan's file exists yet.
    pub fn on_disk(&self) -> bool {
        self.doc.on_disk
    }

    /// The plan's file name (its whole path when it has none), cleaned for display.
    pub fn file_name(&self) -> String {
        self.doc.file_name()
    }

    /// Whether the plan differs from the file (the real plan's, during a what-if).
    pub fn is_dirty(&self) -> bool {
        self.real_doc().is_dirty()
    }

    /// What is highlighted, and the filter.
    pub fn cursor(&self) -> &Cursor {
        &self.cursor
    }

    /// The overlay with the keyboard, if any.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    /// The message for the status bar.
    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    /// Student or reviewer.
    pub fn role(&self) -> &Role {
        &self.access.role
    }

    /// Why the plan cannot be changed here at all, if it cannot.
    pub fn read_only(&self) -> Option<&str> {
        self.access.read_only.as_deref()
    }

    /// The keys in effect.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// Why the auto-plan put `code` where it is, while it is still there.
    pub fn explanation(&self, code: &str) -> Option<&str> {
        self.explained.of(code)
    }

    /// The plan's figures (problems, credits, GPA, graduation estimate) as the plan stood at
    /// the end of the last update, for the view.
    pub fn derived(&self) -> &Derived {
        &self.derived
    }

    /// What the last frame showed of each pane (see [`Msg::Shown`]), once one was drawn.
    pub fn viewport(&self) -> Option<&Viewport> {
        self.viewport.as_ref()
    }

    /// Whether `action`, bound in `context`, acts here: what the role may do, what the open
    /// picker is for, nothing that edits or saves while the plan is read-only here. The
    /// footer and the overlays' own hints offer only these keys.
    pub fn available(&self, context: Context, action: Action) -> bool {
        let reviewing = self.overlay().is_none() && self.role().may_review();
        let writable = self.read_only().is_none();
        let purpose = match self.overlay() {
            Some(Overlay::Picker(p)) => Some(p.purpose),
            _ => None,
        };
        let comparing = purpose == Some(Purpose::Compare);
        let opening = purpose == Some(Purpose::Open);
        let listing = matches!(self.overlay(), Some(Overlay::Exceptions(_)));
        let in_prior = self.in_prior() && self.cursor().focus == Focus::Terms;
        let records_prior = writable && self.role().may_edit_placement();
        let whatif = self.whatif.is_some();
        match (context, action) {
            (Context::WhatIf, _) => whatif,
            (Context::Normal, Action::WhatIf) => {
                !whatif && self.access.may_edit_placement().is_ok()
            }
            // Nothing saves or leaves the plan during a what-if.
            (
                Context::Normal,
                Action::Save
                | Action::SaveAs
                | Action::Export
                | Action::OpenPicker
                | Action::NewPlan,
            ) if whatif => false,
            // The prior-credit block holds no courses of a term; its own keys act there.
            (
                Context::Normal,
                Action::Toggle | Action::MoveLater | Action::CycleStatus | Action::TogglePin,
            ) if in_prior => false,
            (Context::Normal, Action::AddPrior) => records_prior,
            (Context::Normal, Action::EditPrior | Action::RemovePrior) => records_prior && in_prior,
            (Context::Typing, Action::NextFocus | Action::PrevFocus) => {
                matches!(self.overlay(), Some(Overlay::PriorForm(_)))
            }
            (Context::Review, _) => writable,
            (Context::Normal, Action::Save | Action::Undo) => writable,
            (Context::Normal, Action::Toggle) => {
                !reviewing && writable && self.cursor().focus != Focus::Course
            }
            (Context::Normal, Action::AutoPlan) => !reviewing && writable,
            (Context::AutoPlan, Action::Confirm) => {
                matches!(self.overlay(), Some(Overlay::AutoPlan(p)) if p.outcome.is_ok())
            }
            // Moving and statuses are for courses in a term.
            (Context::Normal, Action::MoveLater | Action::CycleStatus | Action::TogglePin) => {
                !reviewing && writable && self.cursor().focus == Focus::Terms
            }
            (Context::Normal, Action::NextPath) => !self.curriculum().paths.is_empty(),
            (Context::Normal, Action::ShowNotes) => {
                self.plan().verdict.is_some() || !self.plan().notes.is_empty()
            }
            (Context::Notes, Action::Toggle) => self.role().may_mark_addressed() && writable,
            (Context::Notes, Action::DeleteNote) => self.role().may_review() && writable,
            (
                Context::Picker,
                Action::NewPlan | Action::DuplicatePlan | Action::RenamePlan | Action::TrashPlan,
            ) => opening,
            (Context::Picker, Action::ShowTrash) => !comparing,
            // Choosing a stream is a plan edit.
            (Context::Requirements, Action::Toggle) => {
                writable
                    && self.role().may_edit_placement()
                    && !self.curriculum().streams.is_empty()
            }
            (Context::Requirements, Action::Undo) => writable,
            (Context::Normal, Action::RequestException) => writable,
            (Context::Exceptions, Action::Toggle) => {
                matches!(self.overlay(), Some(Overlay::Remedies(_)))
            }
            (Context::Exceptions, Action::GrantException | Action::RefuseException) => {
                listing && writable && self.role().may_review()
            }
            (Context::Exceptions, Action::EditReason | Action::RemoveException | Action::Undo) => {
                listing && writable
            }
            _ => true,
        }
    }

    /// Whether the planner should exit.
    pub fn should_quit(&self) -> bool {
        self.should_quit
    }

    /// Which set of keys applies now.
    pub fn context(&self) -> Context {
        self.overlay
            .as_ref()
            .map_or(Context::Normal, Overlay::context)
    }

    /// The action a key press means now: a reviewer's own keys first, then the what-if's
    /// while one is open, then the mode's. Over
    /// the help overlay, a key the help does not use means what it means when planning (the
    /// help closes, then the command acts), and any other key closes the help.
    pub fn resolve(&self, key: &ratatui::crossterm::event::KeyEvent) -> Option<Action> {
        let planning = |context| {
            self.access
                .role
                .may_review()
                .then(|| self.keymap.resolve(Context::Review, key))
                .flatten()
                .or_else(|| {
                    self.whatif
                        .is_some()
                        .then(|| self.keymap.resolve(Context::WhatIf, key))
                        .flatten()
                })
                .or_else(|| self.keymap.resolve(context, key))
        };
        match &self.overlay {
            None => planning(Context::Normal),
            Some(Overlay::Help(help)) if !help.typing => self
                .keymap
                .resolve(Context::Help, key)
                .or_else(|| planning(Context::Normal))
                .or(Some(Action::Help)),
            Some(_) => self.keymap.resolve(self.context(), key),
        }
    }

    /// Notes on `target`, in the order they were written.
    pub fn notes_on<'a>(&'a self, target: &'a NoteTarget) -> impl Iterator<Item = &'a Note> + 'a {
        self.doc.plan.notes.iter().filter(move |n| &n.on == target)
    }

    /// Applies one message: an action, or the result of an effect. Returns work for the
    /// caller to do, if any; its result comes back here.
    pub fn update(&mut self, msg: impl Into<Msg>) -> Option<Effect> {
        let shown = self.shown_course();
        let effect = self.receive(msg.into());
        self.derived.refresh(&self.doc.curriculum, &self.doc.plan);
        // Another course starts at the top of its text.
        if self.shown_course() != shown {
            self.cursor.course_scroll = 0;
        }
        self.clamp();
        self.explained.keep_current(&self.doc.plan);
        effect
    }

    /// The course the Course pane shows, if any: none while it shows a career path.
    fn shown_course(&self) -> Option<String> {
        (self.cursor.focus != Focus::Paths)
            .then(|| self.selected_code())
            .flatten()
    }

    /// Routes an action to the open overlay, or to the planning view when none is open.
    fn act(&mut self, action: Action) -> Option<Effect> {
        match self.overlay.take() {
            None => self.normal(action),
            Some(overlay) => overlay.handle(action, self),
        }
    }

    /// Saving the plan as it is now (see [`Effect::Save`]).
    pub(super) fn save(&self, over_changes: bool) -> Effect {
        Effect::Save {
            path: self.doc.path.clone(),
            plan: Box::new(self.doc.plan.clone()),
            over_changes,
        }
    }

    /// Writing the report of the plan as it is now (see [`Effect::Export`]).
    pub(super) fn export(&self, overwrite: bool) -> Effect {
        Effect::Export {
            overwrite,
            path: self.doc.path.clone(),
            plan: Box::new(self.doc.plan.clone()),
            unsaved: self.doc.is_dirty(),
        }
    }

    /// Asks `kind`, the answer prefilled with `prefill` and the cursor at its end.
    pub(super) fn ask(&mut self, kind: PromptKind, prefill: &str) {
        self.overlay = Some(Overlay::Prompt(Prompt::new(kind, prefill)));
    }

    pub(super) fn info(&mut self, text: String) {
        self.message = Some(Message {
            tone: Tone::Info,
            text,
        });
    }

    pub(super) fn error(&mut self, text: String) {
        self.message = Some(Message {
            tone: Tone::Error,
            text,
        });
    }
}
