//! What reaches [`App::update`]: a user's [`Action`], or the result of an [`Effect`] the
//! app asked for; and how each result changes the state.

use std::path::PathBuf;

use super::overlay::{
    Ask, Compare, Leave, Overlay, Picker, PromptKind, Purpose, Question, Recovery,
};
use super::{App, Effect, Message, Viewport};
use crate::action::{Action, Context};
use crate::model::Plan;
use crate::model::review::Role;
use crate::store::FileError;
use crate::store::library::PlanEntry;

/// A message for [`App::update`].
#[derive(Debug, Clone)]
pub enum Msg {
    /// The user asked for this.
    Action(Action),
    /// The input that came at once has been handled: time to keep unsaved edits aside.
    Settled,
    /// The plan was saved (or not, and why).
    Saved(Result<(), FileError>),
    /// The plan was saved as this file, which is now the open plan.
    SavedAs(PathBuf),
    /// Another program changed the plan file since it was read (how, in words): not saved.
    ChangedOnDisk(String),
    /// A report is there already (this file): not written.
    ReportExists(String),
    /// The plans found, for the picker, with the one to highlight.
    Listed {
        /// What the picker is for.
        purpose: Purpose,
        /// The plans.
        entries: Vec<PlanEntry>,
        /// The plan to highlight.
        select: Option<PathBuf>,
    },
    /// This plan was opened or started; it replaces the open one.
    Opened {
        /// The plan.
        plan: Box<Plan>,
        /// Its file.
        path: PathBuf,
        /// Whether the file exists yet.
        on_disk: bool,
    },
    /// The open plan's file was renamed to this.
    Moved(PathBuf),
    /// The plan to compare the open one with, and its file name.
    Compared {
        /// The other plan.
        other: Box<Plan>,
        /// Its file name.
        label: String,
    },
    /// An earlier session left these unsaved edits of the plan.
    Recovered(Box<Plan>),
    /// Whether the plan may be written here: `Some(why)` when it may not (another planner
    /// holds its lock).
    Locked(Option<String>),
    /// Review the plan as this reviewer (`None`: ask for the name).
    Review(Option<String>),
    /// The what-if was kept as this plan file.
    KeptWhatIf {
        /// The plan as written.
        plan: Box<Plan>,
        /// Its file.
        path: PathBuf,
    },
    /// A curriculum file was read (as typed), to judge the what-if under.
    CurriculumRead {
        /// The curriculum.
        curriculum: Box<crate::model::Curriculum>,
        /// The file, as typed.
        typed: String,
        /// How many warnings reading it gave.
        warnings: usize,
    },
    /// A message for the status bar.
    Said(Message),
    /// A frame was drawn, showing this much of each pane.
    Shown(Viewport),
    /// Several results, in order.
    Batch(Vec<Msg>),
}

impl From<Action> for Msg {
    fn from(action: Action) -> Self {
        Msg::Action(action)
    }
}

impl App {
    /// Applies the result of an effect (any message but an action).
    pub(super) fn receive(&mut self, msg: Msg) -> Option<Effect> {
        match msg {
            Msg::Action(action) => return self.act(action),
            Msg::Settled => return self.keep_aside(),
            Msg::Saved(result) => return self.finish_save(result),
            Msg::SavedAs(path) => {
                self.doc.path = path;
                // Save as is never on the way to another plan: nothing waits for it.
                let _ = self.finish_save(Ok(()));
            }
            Msg::ChangedOnDisk(what) => self.ask_save_over_changes(what),
            Msg::ReportExists(target) => self.ask_overwrite_report(target),
            Msg::Listed {
                purpose,
                entries,
                select,
            } => self.show_picker(purpose, entries, select.as_deref()),
            Msg::Opened {
                plan,
                path,
                on_disk,
            } => self.switch_plan(*plan, path, on_disk),
            Msg::Moved(path) => self.doc.path = path,
            Msg::Compared { other, label } => self.show_compare(*other, label),
            Msg::Recovered(unsaved) => self.offer_recovery(*unsaved),
            Msg::Locked(why) => self.access.read_only = why,
            Msg::Review(reviewer) => self.start_review(reviewer),
            Msg::KeptWhatIf { plan, path } => self.kept_whatif(*plan, path),
            Msg::CurriculumRead {
                curriculum,
                typed,
                warnings,
            } => self.whatif_under(*curriculum, typed, warnings),
            Msg::Said(message) => self.message = Some(message),
            Msg::Shown(viewport) => self.viewport = Some(viewport),
            Msg::Batch(msgs) => {
                // Each result asks for at most one more piece of work; the last one stands.
                return msgs
                    .into_iter()
                    .fold(None, |effect, msg| self.receive(msg).or(effect));
            }
        }
        None
    }

    /// Keeps the unsaved plan aside while there are unsaved edits, and drops it once there
    /// are none. Asked once per unsaved state, so that a failure is said once, not on every
    /// key; a read-only view keeps nothing. During a what-if, the real plan is kept, never
    /// the scratch copy.
    fn keep_aside(&mut self) -> Option<Effect> {
        if self.access.read_only.is_some() {
            return None;
        }
        let doc = self.real_doc();
        if doc.is_dirty() {
            if self.aside.as_ref() == Some(&doc.plan) {
                return None;
            }
            let (path, plan) = (doc.path.clone(), doc.plan.clone());
            self.aside = Some(plan.clone());
            Some(Effect::KeepAside {
                path,
                plan: Box::new(plan),
            })
        } else {
            let path = doc.path.clone();
            self.aside.take().map(|_| Effect::DropAside(path))
        }
    }

    /// Opens the plan for review by `reviewer`, or asks for the reviewer's name first.
    pub(super) fn start_review(&mut self, reviewer: Option<String>) {
        match reviewer.filter(|n| !n.trim().is_empty()) {
            Some(name) => {
                self.access.role = Role::Reviewer { name: name.clone() };
                // Only the keys that act: none of them while the plan is read-only here.
                let key = |a: Action| {
                    self.keymap
                        .key_for(Context::Review, a)
                        .filter(|_| self.available(Context::Review, a))
                };
                let notes: Vec<String> = [Action::NoteCourse, Action::NoteTerm, Action::NotePlan]
                    .into_iter()
                    .filter_map(key)
                    .collect();
                let mut text = format!("Reviewing as {name}: courses are read-only");
                if let Some(why) = self.access.read_only.clone() {
                    text = format!("Reviewing as {name}, read-only: {why}");
                }
                if !notes.is_empty() {
                    text.push_str(&format!("; {} add notes", notes.join(", ")));
                }
                if let Some(key) = key(Action::Approve) {
                    text.push_str(&format!("; {key} approves"));
                }
                if let Some(key) = key(Action::RequestChanges) {
                    text.push_str(&format!(", {key} requests changes"));
                }
                self.info(text);
            }
            None => {
                self.access.role = Role::Reviewer {
                    name: String::new(),
                };
                self.ask(PromptKind::Reviewer, "");
            }
        }
    }

    /// Reports the result of an [`Effect::Save`]; returns the work that was waiting for it
    /// (listing the plans, when the save was asked for on the way to another plan).
    fn finish_save(&mut self, result: Result<(), FileError>) -> Option<Effect> {
        match result {
            Ok(()) => {
                self.aside = None;
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
    fn show_picker(
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
    fn switch_plan(&mut self, plan: Plan, path: PathBuf, on_disk: bool) {
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
        fresh.aside = self.aside.take();
        *self = fresh;
    }

    /// Asks whether to save over the plan file, which another program changed (`what` says
    /// how) since the planner read it. A yes saves (and goes on to what waited for the save);
    /// a no keeps both versions, and nothing waits any more.
    fn ask_save_over_changes(&mut self, what: String) {
        let keep = self.keymap.key_for(Context::Confirm, Action::Cancel);
        let elsewhere = self.keymap.key_for(Context::Normal, Action::SaveAs);
        let how = match (keep, elsewhere) {
            (Some(n), Some(s)) => format!(" ({n} keeps it; {s} saves yours elsewhere)"),
            (Some(n), None) => format!(" ({n} keeps it)"),
            (None, Some(s)) => format!(" ({s} saves yours elsewhere)"),
            (None, None) => String::new(),
        };
        let text = format!("{what} since the planner read it: save over it?{how}");
        self.overlay = Some(Overlay::Ask(Ask::new(Question::SaveOverChanges, text)));
    }

    /// Asks whether to write the report over the earlier one at `target`.
    fn ask_overwrite_report(&mut self, target: String) {
        let text = format!("{target} exists already: write the report over it?");
        self.overlay = Some(Overlay::Ask(Ask::new(Question::OverwriteReport, text)));
    }

    /// Offers to restore `unsaved`, the edits an earlier session did not save.
    fn offer_recovery(&mut self, unsaved: Plan) {
        self.overlay = Some(Overlay::Recovery(Recovery::new(unsaved)));
    }

    /// Shows the open plan beside `other`, whose file is `label`.
    fn show_compare(&mut self, other: Plan, label: String) {
        self.overlay = Some(Overlay::Compare(Compare::new(other, label)));
    }
}
