//! The application state and the only way it changes: [`App::update`] with an [`Action`].
//!
//! The state is split by idea: the [`Document`] (the plan, its program, its file and its
//! history), the [`Cursor`] (what is highlighted), the [`Access`] (who may change what), and
//! at most one [`Overlay`] (a prompt, dialog or list with the keyboard). Nothing here
//! touches the terminal or the file system: file work is asked for by returning an
//! [`Effect`], and its result comes back through [`App::update`].

mod access;
mod cursor;
mod document;
pub mod overlay;
mod planning;

use std::path::PathBuf;

pub use access::Access;
pub use cursor::{Cursor, Focus};
pub use document::Document;
pub use overlay::{
    Ask, Compare, Filter, Help, Leave, Notes, Overlay, Picker, Prompt, PromptKind, Purpose,
    Question, Recovery, Request, Row,
};

use crate::action::{Action, Context};
use crate::keymap::Keymap;
use crate::model::review::{Note, NoteTarget, Role};
use crate::model::{Curriculum, Plan};
use crate::store::FileError;

/// Work the caller must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save the plan to [`App::plan_path`], then call [`App::finish_save`]; if another
    /// program changed the file since it was read, ask first ([`App::ask_save_over_changes`]).
    Save,
    /// Save the plan even though another program changed the file: the user said yes.
    SaveOverChanges,
    /// Remember the reviewer's name for later reviews.
    RememberReviewer(String),
    /// List the plans and call [`App::show_picker`].
    ListPlans(Purpose),
    /// Open this plan and call [`App::switch_plan`].
    OpenPlan(PathBuf),
    /// Start a plan of this name and call [`App::switch_plan`].
    NewPlan {
        /// The name the user gave.
        name: String,
        /// Whether it starts with no courses placed.
        empty: bool,
    },
    /// Read this plan and call [`App::show_compare`].
    ComparePlan(PathBuf),
    /// Copy this plan, then list the plans again.
    DuplicatePlan(PathBuf),
    /// Rename this plan, then list the plans again.
    RenamePlan {
        /// The plan file.
        from: PathBuf,
        /// The new name.
        to: String,
    },
    /// Move this plan to the trash, then list the plans again.
    TrashPlan(PathBuf),
    /// Move this plan out of the trash, then list the plans again.
    RestorePlan(PathBuf),
    /// Write the markdown report next to the plan; over an earlier one only if `overwrite`.
    Export {
        /// Whether the user agreed to replace an earlier report.
        overwrite: bool,
    },
    /// Save the plan as this (a bare name in the plans folder, or a path) and make it the
    /// open plan.
    SaveAs(String),
    /// Forget the unsaved edits of an earlier session.
    DiscardRecovery,
}

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
    pub(crate) doc: Document,
    cursor: Cursor,
    pub(crate) access: Access,
    overlay: Option<Overlay>,
    /// The last message for the status bar.
    pub(crate) message: Option<Message>,
    /// Where to go once the save under way succeeds.
    after_save: Option<Leave>,
    /// Set when the app should exit.
    should_quit: bool,
    /// The clock: today's date, YYYY-MM-DD, read only when a note or verdict is written.
    today: fn() -> String,
    /// The keys in effect: the defaults with the config file's changes.
    keymap: Keymap,
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
        App {
            doc: Document::new(curriculum, plan, plan_path, on_disk),
            cursor: Cursor::new(path),
            access: Access::student(),
            overlay: None,
            message: None,
            after_save: None,
            should_quit: false,
            today: local_today,
            keymap: Keymap::default(),
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

    /// This planner on a plan it may not change, for the reason `why`.
    pub fn with_read_only(mut self, why: String) -> Self {
        self.access.read_only = Some(why);
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

    /// Whether the plan differs from the file.
    pub fn is_dirty(&self) -> bool {
        self.doc.is_dirty()
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

    /// The action a key press means now: a reviewer's own keys first, then the mode's. Over
    /// the help overlay, a key the help does not use means what it means when planning (the
    /// help closes, then the command acts), and any other key closes the help.
    pub fn resolve(&self, key: &ratatui::crossterm::event::KeyEvent) -> Option<Action> {
        let planning = |context| {
            self.access
                .role
                .may_review()
                .then(|| self.keymap.resolve(Context::Review, key))
                .flatten()
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

    /// Opens the plan for review by `reviewer`, or asks for the reviewer's name first.
    pub fn start_review(&mut self, reviewer: Option<String>) {
        match reviewer.filter(|n| !n.trim().is_empty()) {
            Some(name) => {
                self.info(format!("Reviewing as {name}: courses are read-only; n, t, P add notes; A approves, R requests changes"));
                self.access.role = Role::Reviewer { name };
            }
            None => {
                self.access.role = Role::Reviewer {
                    name: String::new(),
                };
                self.ask(PromptKind::Reviewer, "");
            }
        }
    }

    /// Notes on `target`, in the order they were written.
    pub fn notes_on<'a>(&'a self, target: &'a NoteTarget) -> impl Iterator<Item = &'a Note> + 'a {
        self.doc.plan.notes.iter().filter(move |n| &n.on == target)
    }

    /// Applies one action. Returns work for the caller to do, if any.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        let effect = match self.overlay.take() {
            None => self.normal(action),
            Some(overlay) => overlay.handle(action, self),
        };
        self.clamp();
        effect
    }

    /// Reports the result of an [`Effect::Save`]; returns the work that was waiting for it
    /// (listing the plans, when the save was asked for on the way to another plan).
    pub fn finish_save(&mut self, result: Result<(), FileError>) -> Option<Effect> {
        match result {
            Ok(()) => {
                self.doc.saved = self.doc.plan.clone();
                self.doc.on_disk = true;
                self.info(format!(
                    "Saved {}",
                    crate::store::display_path(&self.doc.path)
                ));
                match self.after_save.take() {
                    Some(Leave::Quit) => self.should_quit = true,
                    Some(Leave::ToPlans) => return Some(Effect::ListPlans(Purpose::Open)),
                    None => {}
                }
            }
            Err(e) => {
                self.after_save = None;
                self.error(format!("Not saved: {e}"));
            }
        }
        None
    }

    /// Shows the picker over `entries`, highlighting `select` if given.
    pub fn show_picker(
        &mut self,
        purpose: Purpose,
        entries: Vec<crate::store::library::PlanEntry>,
        select: Option<&std::path::Path>,
    ) {
        if purpose == Purpose::Compare && entries.is_empty() {
            self.info("There is no other plan in the data directory to compare with".into());
            return;
        }
        self.overlay = Some(Overlay::Picker(Picker::new(purpose, entries, select)));
    }

    /// Replaces the open plan with `plan` from `path`, as if the app had started on it.
    pub fn switch_plan(&mut self, plan: Plan, path: PathBuf, on_disk: bool) {
        let mut fresh = App::new(self.doc.curriculum.clone(), plan, path, on_disk);
        fresh.access.role = self.access.role.clone();
        fresh.today = self.today;
        fresh.keymap = self.keymap.clone();
        let save = fresh.keymap.key_for(Context::Normal, Action::Save);
        let new = match save.filter(|_| !on_disk) {
            Some(key) => format!(" (new: {key} saves it)"),
            None => String::new(),
        };
        fresh.info(format!(
            "Opened {}{new}",
            crate::store::display_path(&fresh.doc.path)
        ));
        *self = fresh;
    }

    /// Asks whether to save over the plan file, which another program changed (`what` says
    /// how) since the planner read it. A yes saves (and goes on to what waited for the save);
    /// a no keeps both versions, and nothing waits any more.
    pub fn ask_save_over_changes(&mut self, what: String) {
        let text = format!(
            "{what} since the planner read it: save over it? (n keeps it; S saves yours elsewhere)"
        );
        self.overlay = Some(Overlay::Ask(Ask::new(Question::SaveOverChanges, text)));
    }

    /// Asks whether to write the report over the earlier one at `target`.
    pub fn ask_overwrite_report(&mut self, target: String) {
        let text = format!("{target} exists already: write the report over it?");
        self.overlay = Some(Overlay::Ask(Ask::new(Question::OverwriteReport, text)));
    }

    /// Offers to restore `unsaved`, the edits an earlier session did not save.
    pub fn offer_recovery(&mut self, unsaved: Plan) {
        self.overlay = Some(Overlay::Recovery(Recovery::new(unsaved)));
    }

    /// Shows the open plan beside `other`, whose file is `label`.
    pub fn show_compare(&mut self, other: Plan, label: String) {
        self.overlay = Some(Overlay::Compare(Compare::new(other, label)));
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
