//! The application state and the only way it changes: [`App::update`] with an [`Action`].
//!
//! Nothing here touches the terminal or the file system. Saving is requested by returning
//! [`Effect::Save`]; the caller does the I/O and reports back with [`App::finish_save`].

use std::path::PathBuf;

use crate::action::{Action, Context, Spot};
use crate::field::{Field, InputRequest};
use crate::model::review::{self, Decision, Note, NoteTarget, Role};
use crate::model::{Course, Curriculum, CurriculumRef, Plan, Slot, Status};
use crate::picker::{Picker, Purpose, Request};
use crate::question::{Ask, Question};
use crate::store::FileError;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The terms and their courses.
    Terms,
    /// Courses placed in no term.
    Pool,
    /// The career paths.
    Paths,
    /// The problems with the plan, which scroll when they do not fit.
    Problems,
}

/// What a text prompt is asking for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    /// Name of a new term, inserted after the current one.
    AddTerm,
    /// New name of the current term.
    RenameTerm,
    /// Grade of the highlighted completed course.
    Grade,
    /// The student's name.
    Student,
    /// A reviewer's note on this target.
    Note(NoteTarget),
    /// The comment for a verdict.
    Verdict(Decision),
    /// The reviewer's own name, asked once.
    Reviewer,
    /// The name of a new plan.
    NewPlan {
        /// Whether it starts with no courses placed.
        empty: bool,
    },
    /// A new name for this plan file.
    RenamePlan(PathBuf),
    /// Where to save the plan instead.
    SaveAs,
}

impl PromptKind {
    /// The question shown before the input.
    pub fn question(&self) -> String {
        match self {
            PromptKind::AddTerm => "Name of the new term".into(),
            PromptKind::RenameTerm => "Rename term to".into(),
            PromptKind::Grade => "Grade: A+ … D-, F, Pass or Fail (empty clears it)".into(),
            PromptKind::Student => "Student name".into(),
            PromptKind::Note(NoteTarget::Plan) => "Note on the plan".into(),
            PromptKind::Note(NoteTarget::Term(t)) => format!("Note on {t}"),
            PromptKind::Note(NoteTarget::Course(c)) => format!("Note on {c}"),
            PromptKind::Verdict(Decision::Approved) => "Approve: comment".into(),
            PromptKind::Verdict(Decision::ChangesRequested) => {
                "Changes requested: what to change".into()
            }
            PromptKind::Reviewer => "Your name, as the reviewer".into(),
            PromptKind::NewPlan { empty: false } => {
                "Name of the new plan (recommended schedule)".into()
            }
            PromptKind::NewPlan { empty: true } => "Name of the new plan (empty)".into(),
            PromptKind::RenamePlan(path) => {
                format!("Rename {} to", crate::store::display_path(path))
            }
            PromptKind::SaveAs => "Save as (a name in the plans folder, or a path)".into(),
        }
    }
}

/// What the app is doing with the keyboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Browsing and editing.
    Normal,
    /// Typing the filter.
    Filter,
    /// Typing an answer to a prompt.
    Prompt {
        /// What is asked.
        kind: PromptKind,
        /// What has been typed, with the cursor.
        input: Field,
    },
    /// The help overlay.
    Help,
    /// Typing the help overlay's search ([`App::help_search`]).
    HelpSearch,
    /// Asking what to do with unsaved changes before leaving the plan: save, discard, or
    /// keep editing.
    Unsaved(Leave),
    /// The list of notes, with the highlighted one.
    Notes {
        /// Index into [`Plan::notes`].
        selected: usize,
    },
    /// The plan picker.
    Picker(Picker),
    /// Unsaved edits from an earlier session were found: restore them?
    Recover(Box<Plan>),
    /// A yes/no question before an edit that is easy to regret.
    Ask(Ask),
    /// The open plan beside another one.
    Compare {
        /// The other plan.
        other: Box<Plan>,
        /// Its file name.
        label: String,
        /// The first difference shown in the list of differences.
        scroll: u16,
    },
}

/// Where the user is going when the plan has unsaved changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    /// Quitting the planner.
    Quit,
    /// To the list of plans, to open or start another.
    ToPlans,
}

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

/// An edit that can be undone: the plan before it, and what it was.
#[derive(Debug, Clone)]
struct Snapshot {
    plan: Plan,
    label: String,
}

/// The whole state of a running planner.
#[derive(Debug, Clone)]
pub struct App {
    /// The program the plan is made for.
    pub curriculum: Curriculum,
    /// The plan being edited.
    pub plan: Plan,
    /// Where the plan is saved.
    pub plan_path: PathBuf,
    /// The plan as it was last loaded or saved.
    saved: Plan,
    /// Whether the plan exists on disk yet.
    pub on_disk: bool,
    /// Which pane has the keyboard.
    pub focus: Focus,
    /// The current term.
    pub term: usize,
    /// Highlighted row among the visible courses of the current term.
    pub row: usize,
    /// Highlighted row of the unplanned pool.
    pub pool_row: usize,
    /// Highlighted problem, in the order the problems pane lists them (most serious first).
    pub problem_row: usize,
    /// The focused career path, whose courses light up.
    pub path: Option<usize>,
    /// Courses shown must contain this text in their code or title (case-insensitive).
    pub filter: String,
    /// What the keyboard is doing.
    pub mode: Mode,
    /// The last message for the status bar.
    pub message: Option<Message>,
    /// First line of the help overlay shown.
    pub help_scroll: u16,
    /// The help overlay shows only the keys whose description or keys contain this text
    /// (case-insensitive).
    pub help_search: String,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// Where to go once the save under way succeeds.
    after_save: Option<Leave>,
    /// Set when the app should exit.
    pub should_quit: bool,
    /// Student or reviewer.
    pub role: Role,
    /// Why the plan cannot be changed here at all (e.g. another instance has it open).
    pub read_only: Option<String>,
    /// The clock: today's date, YYYY-MM-DD, read only when a note or verdict is written
    /// (tests set a fixed one).
    pub today: fn() -> String,
    /// The keys in effect: the defaults with the config file's changes.
    pub keymap: crate::keymap::Keymap,
}

/// Today's local date, YYYY-MM-DD. Read only when a note or verdict needs it: the time zone
/// database it consults costs a few milliseconds, which start-up need not pay.
pub fn local_today() -> String {
    jiff::Zoned::now().strftime("%Y-%m-%d").to_string()
}

impl App {
    /// A planner on `plan`, which is saved at `plan_path`; `on_disk` says whether that file
    /// exists already.
    pub fn new(curriculum: Curriculum, plan: Plan, plan_path: PathBuf, on_disk: bool) -> Self {
        let path = plan
            .target_path
            .as_deref()
            .and_then(|id| curriculum.paths.iter().position(|p| p.id == id));
        App {
            saved: plan.clone(),
            curriculum,
            plan,
            plan_path,
            on_disk,
            focus: Focus::Terms,
            term: 0,
            row: 0,
            pool_row: 0,
            problem_row: 0,
            path,
            filter: String::new(),
            mode: Mode::Normal,
            message: None,
            help_scroll: 0,
            help_search: String::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            after_save: None,
            should_quit: false,
            role: Role::Student,
            read_only: None,
            today: local_today,
            keymap: crate::keymap::Keymap::default(),
        }
    }

    /// The plan's file name (its whole path when it has none), cleaned for display.
    pub fn file_name(&self) -> String {
        self.plan_path.file_name().map_or_else(
            || crate::store::display_path(&self.plan_path),
            |n| crate::store::display_path(std::path::Path::new(n)),
        )
    }

    /// Whether the plan differs from the file.
    pub fn is_dirty(&self) -> bool {
        self.plan != self.saved
    }

    /// Which set of keys applies now.
    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Normal => Context::Normal,
            Mode::Filter | Mode::Prompt { .. } | Mode::HelpSearch => Context::Typing,
            Mode::Help => Context::Help,
            Mode::Unsaved(_) => Context::ConfirmQuit,
            Mode::Notes { .. } => Context::Notes,
            Mode::Picker(ref p) if p.confirm_trash => Context::Confirm,
            Mode::Picker(ref p) if p.typing => Context::Typing,
            Mode::Recover(_) | Mode::Ask(_) => Context::Confirm,
            Mode::Picker(_) => Context::Picker,
            Mode::Compare { .. } => Context::Compare,
        }
    }

    /// The action a key press means now: a reviewer's own keys first, then the mode's. Over
    /// the help overlay, a key the help does not use means what it means when planning (the
    /// help closes, then the command acts), and any other key closes the help.
    pub fn resolve(&self, key: &ratatui::crossterm::event::KeyEvent) -> Option<Action> {
        let planning = |context| {
            self.role
                .may_review()
                .then(|| self.keymap.resolve(Context::Review, key))
                .flatten()
                .or_else(|| self.keymap.resolve(context, key))
        };
        match self.mode {
            Mode::Normal => planning(Context::Normal),
            Mode::Help => self
                .keymap
                .resolve(Context::Help, key)
                .or_else(|| planning(Context::Normal))
                .or(Some(Action::Help)),
            _ => self.keymap.resolve(self.context(), key),
        }
    }

    /// Opens the plan for review by `reviewer`, or asks for the reviewer's name first.
    pub fn start_review(&mut self, reviewer: Option<String>) {
        match reviewer.filter(|n| !n.trim().is_empty()) {
            Some(name) => {
                self.info(format!("Reviewing as {name}: courses are read-only; n, t, P add notes; A approves, R requests changes"));
                self.role = Role::Reviewer { name };
            }
            None => {
                self.role = Role::Reviewer {
                    name: String::new(),
                };
                self.ask(PromptKind::Reviewer, "");
            }
        }
    }

    /// Notes on `target`, in the order they were written.
    pub fn notes_on<'a>(&'a self, target: &'a NoteTarget) -> impl Iterator<Item = &'a Note> + 'a {
        self.plan.notes.iter().filter(move |n| &n.on == target)
    }

    /// Whether a course matches the filter.
    pub fn matches_filter(&self, code: &str) -> bool {
        self.passes(code, self.needle().as_deref())
    }

    /// The filter in lower case, or `None` when there is none.
    fn needle(&self) -> Option<String> {
        (!self.filter.is_empty()).then(|| self.filter.to_lowercase())
    }

    /// Whether `code` passes the filter `needle` (from [`App::needle`]).
    fn passes(&self, code: &str, needle: Option<&str>) -> bool {
        let Some(needle) = needle else {
            return true;
        };
        match self.curriculum.course_index(code) {
            Some(i) => self.curriculum.course_matches(i, needle),
            None => code.to_lowercase().contains(needle),
        }
    }

    /// Indices (into the term's courses) of the courses of `term` that pass the filter.
    pub fn visible_rows(&self, term: usize) -> Vec<usize> {
        let needle = self.needle();
        self.plan.terms.get(term).map_or_else(Vec::new, |t| {
            t.courses
                .iter()
                .enumerate()
                .filter(|(_, p)| self.passes(&p.code, needle.as_deref()))
                .map(|(i, _)| i)
                .collect()
        })
    }

    /// The unplanned courses that pass the filter.
    pub fn pool(&self) -> Vec<&Course> {
        let needle = self.needle();
        self.plan
            .unplanned_indices(&self.curriculum)
            .filter(|&i| {
                needle
                    .as_deref()
                    .is_none_or(|n| self.curriculum.course_matches(i, n))
            })
            .map(|i| &self.curriculum.courses[i])
            .collect()
    }

    /// The highlighted course in the current term, when the terms have focus.
    pub fn selected_slot(&self) -> Option<Slot> {
        let index = *self.visible_rows(self.term).get(self.row)?;
        Some(Slot {
            term: self.term,
            index,
        })
    }

    /// The code of the highlighted course, in a term or in the pool.
    pub fn selected_code(&self) -> Option<String> {
        match self.focus {
            Focus::Pool => self.pool().get(self.pool_row).map(|c| c.code.clone()),
            _ => self
                .selected_slot()
                .and_then(|s| self.plan.placement(s))
                .map(|p| p.code.clone()),
        }
    }

    /// Applies one action. Returns work for the caller to do, if any.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        let effect = match self.mode.clone() {
            Mode::Normal => self.normal(action),
            Mode::Filter => {
                self.filter_key(action);
                None
            }
            Mode::Prompt { kind, input } => self.prompt_key(kind, input, action),
            Mode::Help => return self.help_key(action),
            Mode::HelpSearch => return self.help_search_key(action),
            Mode::Unsaved(leave) => self.confirm_leave(leave, action),
            Mode::Notes { selected } => {
                self.notes_key(selected, action);
                None
            }
            Mode::Picker(picker) => self.picker_key(picker, action),
            Mode::Compare {
                other,
                label,
                scroll,
            } => {
                // The view clamps the scroll to what there is to show.
                let scroll = match action.list_step() {
                    Some(delta) => {
                        let count = crate::model::diff::diff(
                            &review::placement(&other),
                            &review::placement(&self.plan),
                        )
                        .len();
                        let at = crate::action::step_cursor(usize::from(scroll), count, delta);
                        Some(u16::try_from(at).unwrap_or(u16::MAX))
                    }
                    None if action == Action::Cancel => None,
                    None => Some(scroll),
                };
                self.mode = match scroll {
                    Some(scroll) => Mode::Compare {
                        other,
                        label,
                        scroll,
                    },
                    None => Mode::Normal,
                };
                None
            }
            Mode::Ask(ask) => {
                self.mode = Mode::Normal;
                match action {
                    Action::Confirm => self.answer_yes(ask.question),
                    Action::Cancel => {
                        if ask.question == Question::SaveOverChanges {
                            // Not saved: a quit or a switch that waited for the save is off.
                            self.after_save = None;
                        }
                        self.info("Nothing changed".into());
                        None
                    }
                    // Any other key leaves the question open.
                    _ => {
                        self.mode = Mode::Ask(ask);
                        None
                    }
                }
            }
            Mode::Recover(recovered) => {
                self.mode = Mode::Normal;
                match action {
                    Action::Confirm => {
                        self.edit("Restored the unsaved edits of an earlier session", |plan| {
                            *plan = *recovered;
                            true
                        });
                        None
                    }
                    _ => {
                        self.info("Discarded the unsaved edits of an earlier session".into());
                        Some(Effect::DiscardRecovery)
                    }
                }
            }
        };
        self.clamp();
        effect
    }

    /// Reports the result of an [`Effect::Save`]; returns the work that was waiting for it
    /// (listing the plans, when the save was asked for on the way to another plan).
    pub fn finish_save(&mut self, result: Result<(), FileError>) -> Option<Effect> {
        match result {
            Ok(()) => {
                self.saved = self.plan.clone();
                self.on_disk = true;
                self.info(format!(
                    "Saved {}",
                    crate::store::display_path(&self.plan_path)
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

    fn normal(&mut self, action: Action) -> Option<Effect> {
        self.message = None;
        // Enter on a problem only goes to it, which any role may do.
        let goes_to_problem = action == Action::Toggle && self.focus == Focus::Problems;
        if is_placement_edit(action)
            && !goes_to_problem
            && let Err(why) = self.may_edit_placement()
        {
            self.error(why);
            return None;
        }
        match action {
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::First
            | Action::Last => self.step(action.list_step().unwrap_or(0)),
            Action::Click(spot) => {
                self.point_at(spot);
                if spot.pane == Focus::Problems && spot.row.is_some() {
                    self.go_to_problem();
                }
            }
            Action::Scroll { at, lines } => {
                self.point_at(Spot { row: None, ..at });
                self.step(lines);
            }
            Action::PrevTerm => self.go_to_term(self.term.saturating_sub(1)),
            Action::NextTerm => self.go_to_term(self.term + 1),
            Action::NextFocus => self.cycle_focus(1),
            Action::PrevFocus => self.cycle_focus(-1),
            Action::Toggle => self.toggle(),
            Action::MoveEarlier => self.move_selected(-1),
            Action::MoveLater => self.move_selected(1),
            Action::CycleStatus => self.cycle_status(),
            Action::EditGrade => self.start_grade(),
            Action::NextPath => {
                // In the order the paths are drawn, then none.
                let order = self.path_order();
                let at = self.path.and_then(|p| order.iter().position(|&x| x == p));
                self.path = match at {
                    None => order.first().copied(),
                    Some(i) => order.get(i + 1).copied(),
                };
            }
            Action::SetFocus => self.set_project_focus(),
            Action::StartFilter => self.mode = Mode::Filter,
            Action::ClearFilter => self.refilter(String::clear),
            Action::AddTerm => {
                let input = match self.plan.terms.is_empty() {
                    true => self.plan.fresh_term_name(),
                    false => self.plan.term_name_after(self.term),
                };
                self.ask(PromptKind::AddTerm, &input);
            }
            Action::RenameTerm => match self.plan.terms.get(self.term) {
                Some(t) => {
                    let input = t.name.clone();
                    self.ask(PromptKind::RenameTerm, &input);
                }
                None => self.error("There is no term to rename".into()),
            },
            Action::DeleteTerm => self.delete_term(),
            Action::TermStatus => self.ask_term_status(),
            Action::EditStudent => {
                let input = self.plan.student.clone();
                self.ask(PromptKind::Student, &input);
            }
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Save => {
                if let Some(why) = &self.read_only {
                    self.error(format!("Not saved: {why}"));
                    return None;
                }
                self.stamp_curriculum();
                return Some(Effect::Save);
            }
            Action::Help => {
                self.help_scroll = 0;
                self.help_search.clear();
                self.mode = Mode::Help;
            }
            Action::Quit => {
                if self.is_dirty() && self.read_only.is_none() {
                    self.mode = Mode::Unsaved(Leave::Quit);
                } else {
                    self.should_quit = true;
                }
            }
            Action::ShowNotes => {
                if self.plan.notes.is_empty() && self.plan.verdict.is_none() {
                    self.info("No notes and no verdict yet".into());
                } else {
                    self.mode = Mode::Notes { selected: 0 };
                }
            }
            Action::NoteCourse => match self.selected_code() {
                Some(code) => self.ask_note(NoteTarget::Course(code)),
                None => self.error("Highlight a course first (in a term or the pool)".into()),
            },
            Action::NoteTerm => match self.plan.terms.get(self.term) {
                Some(t) => self.ask_note(NoteTarget::Term(t.name.clone())),
                None => self.error("There is no term to note on".into()),
            },
            Action::NotePlan => self.ask_note(NoteTarget::Plan),
            Action::Approve => self.ask_verdict(Decision::Approved),
            Action::RequestChanges => self.ask_verdict(Decision::ChangesRequested),
            Action::OpenPicker | Action::NewPlan => return self.go_to_plans(),
            Action::Compare => return Some(Effect::ListPlans(Purpose::Compare)),
            Action::SaveAs => {
                // Save as never replaces a file, so suggest a new name in the plans folder.
                let stem = self
                    .plan_path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                self.ask(PromptKind::SaveAs, &format!("{stem} copy"));
            }
            Action::Export => return Some(Effect::Export { overwrite: false }),
            Action::Input(_)
            | Action::Backspace
            | Action::Edit(_)
            | Action::Submit
            | Action::Cancel
            | Action::SaveAndQuit
            | Action::Discard
            | Action::DeleteNote
            | Action::DuplicatePlan
            | Action::RenamePlan
            | Action::TrashPlan
            | Action::ShowTrash
            | Action::Confirm
            // The terminal edge suspends before the app sees the key.
            | Action::Suspend => {}
        }
        None
    }

    /// Goes to the list of plans, first asking what to do with unsaved changes.
    fn go_to_plans(&mut self) -> Option<Effect> {
        if self.role.may_review() {
            self.error("A review is of one plan: quit and review the next one".into());
            None
        } else if self.is_dirty() && self.read_only.is_none() {
            self.mode = Mode::Unsaved(Leave::ToPlans);
            None
        } else {
            Some(Effect::ListPlans(Purpose::Open))
        }
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
        self.mode = Mode::Picker(Picker::new(purpose, entries, select));
    }

    /// Replaces the open plan with `plan` from `path`, as if the app had started on it.
    pub fn switch_plan(&mut self, plan: Plan, path: PathBuf, on_disk: bool) {
        let mut fresh = App::new(self.curriculum.clone(), plan, path, on_disk);
        fresh.role = self.role.clone();
        fresh.today = self.today;
        fresh.keymap = self.keymap.clone();
        let save = fresh.keymap.key_for(Context::Normal, Action::Save);
        let new = match save.filter(|_| !on_disk) {
            Some(key) => format!(" (new: {key} saves it)"),
            None => String::new(),
        };
        fresh.info(format!(
            "Opened {}{new}",
            crate::store::display_path(&fresh.plan_path)
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
        self.mode = Mode::Ask(Ask::new(Question::SaveOverChanges, text));
    }

    /// Asks whether to write the report over the earlier one at `target`.
    pub fn ask_overwrite_report(&mut self, target: String) {
        let text = format!("{target} exists already: write the report over it?");
        self.mode = Mode::Ask(Ask::new(Question::OverwriteReport, text));
    }

    /// Offers to restore `unsaved`, the edits an earlier session did not save.
    pub fn offer_recovery(&mut self, unsaved: Plan) {
        self.mode = Mode::Recover(Box::new(unsaved));
    }

    /// Shows the open plan beside `other`, whose file is `label`.
    pub fn show_compare(&mut self, other: Plan, label: String) {
        self.mode = Mode::Compare {
            other: Box::new(other),
            label,
            scroll: 0,
        };
    }

    fn picker_key(&mut self, mut picker: Picker, action: Action) -> Option<Effect> {
        // The open plan cannot go to the trash: say so before asking, not after.
        if action == Action::TrashPlan
            && !picker.confirm_trash
            && let Some(entry) = picker.selected_entry()
            && entry.path == self.plan_path
        {
            self.error(format!(
                "{} is the open plan: open another one before deleting it",
                entry.name
            ));
            self.mode = Mode::Picker(picker);
            return None;
        }
        let request = picker.update(action);
        self.mode = Mode::Picker(picker);
        match request {
            Request::None => None,
            Request::Close => {
                self.mode = Mode::Normal;
                None
            }
            Request::New { empty } => {
                let input = String::new();
                self.ask(PromptKind::NewPlan { empty }, &input);
                None
            }
            Request::Open(path) if path == self.plan_path => {
                self.mode = Mode::Normal;
                None
            }
            Request::Open(path) => Some(Effect::OpenPlan(path)),
            Request::Compare(path) => Some(Effect::ComparePlan(path)),
            Request::Duplicate(path) => Some(Effect::DuplicatePlan(path)),
            Request::Rename(path) => {
                let input = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                self.ask(PromptKind::RenamePlan(path), &input);
                None
            }
            Request::Trash(path) => Some(Effect::TrashPlan(path)),
            Request::ShowTrash => Some(Effect::ListPlans(Purpose::Trash)),
            Request::ShowPlans => Some(Effect::ListPlans(Purpose::Open)),
            Request::Restore(path) => Some(Effect::RestorePlan(path)),
        }
    }

    /// Whether placement, statuses and terms may change here, and if not, why.
    fn may_edit_placement(&self) -> Result<(), String> {
        if let Some(why) = &self.read_only {
            return Err(format!("Read-only: {why}"));
        }
        if !self.role.may_edit_placement() {
            return Err("Courses and statuses are read-only in review: add notes (n, t, P) or a verdict (A, R)".into());
        }
        Ok(())
    }

    fn may_review(&self) -> Result<(), String> {
        if let Some(why) = &self.read_only {
            return Err(format!("Read-only: {why}"));
        }
        if !self.role.may_review() {
            return Err("Only a reviewer can do that (degree-planner review PLAN)".into());
        }
        Ok(())
    }

    fn ask_note(&mut self, target: NoteTarget) {
        match self.may_review() {
            Ok(()) => self.ask(PromptKind::Note(target), ""),
            Err(why) => self.error(why),
        }
    }

    /// How many errors the plan has now.
    fn errors(&self) -> usize {
        crate::model::problems(&self.curriculum, &self.plan)
            .iter()
            .filter(|p| p.severity == crate::model::Severity::Error)
            .count()
    }

    fn ask_verdict(&mut self, decision: Decision) {
        let errors = self.errors();
        match self.may_review() {
            Ok(()) if decision == Decision::Approved && errors > 0 => {
                let text = format!(
                    "This plan has {errors} error{}; approve anyway?",
                    if errors == 1 { "" } else { "s" }
                );
                self.mode = Mode::Ask(Ask::new(Question::ApproveWithErrors, text));
            }
            Ok(()) => self.ask_comment(decision),
            Err(why) => self.error(why),
        }
    }

    /// Asks for the comment of a verdict, prefilled with the comment of the same decision.
    fn ask_comment(&mut self, decision: Decision) {
        let input = self
            .plan
            .verdict
            .as_ref()
            .filter(|v| v.decision == decision)
            .map(|v| v.comment.clone())
            .unwrap_or_default();
        self.ask(PromptKind::Verdict(decision), &input);
    }

    /// Asks `kind`, the answer prefilled with `prefill` and the cursor at its end.
    fn ask(&mut self, kind: PromptKind, prefill: &str) {
        self.mode = Mode::Prompt {
            kind,
            input: Field::new(prefill),
        };
    }

    fn reviewer_name(&self) -> String {
        match &self.role {
            Role::Reviewer { name } => name.clone(),
            Role::Student => String::new(),
        }
    }

    fn notes_key(&mut self, selected: usize, action: Action) {
        let count = self.plan.notes.len();
        if let Some(delta) = action.list_step() {
            self.mode = Mode::Notes {
                selected: crate::action::step_cursor(selected, count, delta),
            };
            return;
        }
        match action {
            Action::Toggle => {
                if selected >= count {
                    return;
                }
                if let Some(why) = &self.read_only {
                    self.error(format!("Read-only: {why}"));
                } else if !self.role.may_mark_addressed() {
                    self.error("Only the student marks notes addressed".into());
                } else {
                    let now = !self.plan.notes[selected].addressed;
                    let label = if now {
                        "Note marked addressed"
                    } else {
                        "Note marked not addressed"
                    };
                    self.edit(label, |plan| {
                        plan.notes[selected].addressed = now;
                        true
                    });
                }
            }
            Action::DeleteNote => {
                if selected >= count {
                    return;
                }
                match self.may_review() {
                    Ok(()) => {
                        self.edit("Note deleted", |plan| {
                            plan.notes.remove(selected);
                            true
                        });
                        let left = self.plan.notes.len();
                        self.mode = Mode::Notes {
                            selected: selected.min(left.saturating_sub(1)),
                        };
                    }
                    Err(why) => self.error(why),
                }
            }
            Action::Cancel | Action::ShowNotes | Action::Quit => self.mode = Mode::Normal,
            _ => {}
        }
    }

    fn filter_key(&mut self, action: Action) {
        match action {
            Action::Input(c) if !crate::model::text::is_unsafe(c) => {
                self.refilter(|filter| filter.push(c));
            }
            Action::Backspace => self.refilter(|filter| {
                filter.pop();
            }),
            // The filter's cursor stays at its end: what deletes before it applies.
            Action::Edit(InputRequest::DeleteFromStart) => self.refilter(String::clear),
            Action::Edit(InputRequest::DeletePrevWord) => self.refilter(|filter| {
                let kept = filter.trim_end().rfind(' ').map_or(0, |i| i + 1);
                filter.truncate(kept);
            }),
            Action::Submit => self.mode = Mode::Normal,
            Action::Cancel => {
                self.refilter(String::clear);
                self.mode = Mode::Normal;
            }
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::Quit => {
                self.mode = Mode::Normal;
                self.normal(Action::Quit);
            }
            _ => {}
        }
    }

    fn prompt_key(&mut self, kind: PromptKind, mut input: Field, action: Action) -> Option<Effect> {
        match action {
            Action::Input(c) => {
                if !crate::model::text::is_unsafe(c) {
                    input.edit(InputRequest::InsertChar(c));
                }
                self.mode = Mode::Prompt { kind, input };
            }
            Action::Backspace => {
                input.edit(InputRequest::DeletePrevChar);
                self.mode = Mode::Prompt { kind, input };
            }
            Action::Edit(request) => {
                input.edit(request);
                self.mode = Mode::Prompt { kind, input };
            }
            Action::Cancel if kind == PromptKind::Reviewer => {
                self.error("A review needs the reviewer's name (Ctrl-c quits)".into());
                self.mode = Mode::Prompt { kind, input };
            }
            Action::Cancel => self.mode = Mode::Normal,
            Action::Submit => {
                self.mode = Mode::Normal;
                return self.answer(kind, input.value().trim());
            }
            Action::Quit => {
                self.mode = Mode::Normal;
                return self.normal(Action::Quit);
            }
            _ => {}
        }
        None
    }

    fn answer(&mut self, kind: PromptKind, input: &str) -> Option<Effect> {
        match kind {
            PromptKind::Reviewer if input.is_empty() => {
                self.error("A review needs the reviewer's name".into());
                self.ask(kind, "");
            }
            PromptKind::Reviewer => {
                self.start_review(Some(input.to_string()));
                return Some(Effect::RememberReviewer(input.to_string()));
            }
            PromptKind::NewPlan { empty } => {
                return Some(Effect::NewPlan {
                    name: input.to_string(),
                    empty,
                });
            }
            PromptKind::RenamePlan(from) => {
                return Some(Effect::RenamePlan {
                    from,
                    to: input.to_string(),
                });
            }
            PromptKind::SaveAs if input.is_empty() => self.error("Not saved: no file name".into()),
            PromptKind::SaveAs => {
                self.stamp_curriculum();
                return Some(Effect::SaveAs(input.to_string()));
            }
            PromptKind::Note(_) if input.is_empty() => {
                self.error("An empty note was not added".into())
            }
            PromptKind::Note(on) => {
                let note = Note {
                    on,
                    text: input.to_string(),
                    author: self.reviewer_name(),
                    date: (self.today)(),
                    addressed: false,
                };
                self.edit("Note added", |plan| {
                    plan.notes.push(note);
                    true
                });
            }
            PromptKind::Verdict(decision) => {
                let errors = match decision {
                    Decision::Approved => self.errors() as u32,
                    Decision::ChangesRequested => 0,
                };
                let verdict = review::verdict_for(
                    &self.plan,
                    decision,
                    &self.reviewer_name(),
                    &(self.today)(),
                    input,
                )
                .with_errors(errors);
                let label = format!("Verdict: {}", decision.label());
                self.edit(&label, |plan| {
                    plan.verdict = Some(verdict);
                    true
                });
            }
            PromptKind::AddTerm | PromptKind::RenameTerm if input.is_empty() => {
                self.error("A term needs a name".into());
            }
            PromptKind::AddTerm | PromptKind::RenameTerm
                if self.plan.has_term_named(
                    input,
                    (kind == PromptKind::RenameTerm).then_some(self.term),
                ) =>
            {
                self.error(format!(
                    "There is a term called {input} already: choose another name"
                ));
                self.ask(kind, input);
            }
            PromptKind::AddTerm => {
                let at = if self.plan.terms.is_empty() {
                    0
                } else {
                    self.term + 1
                };
                let label = format!("Added term {input}");
                self.edit(&label, |plan| {
                    plan.add_term(at, input);
                    true
                });
                self.term = at;
                self.row = 0;
            }
            PromptKind::RenameTerm => {
                let term = self.term;
                let label = format!("Renamed term to {input}");
                self.edit(&label, |plan| plan.rename_term(term, input));
            }
            PromptKind::Grade
                if !input.is_empty() && crate::model::grade::parse(input).is_none() =>
            {
                self.error(format!(
                    "{input} is not a grade: {}",
                    crate::model::grade::describe()
                ));
                self.ask(kind, input);
            }
            PromptKind::Grade => {
                if let Some(slot) = self.selected_slot() {
                    let grade = crate::model::grade::parse(input).map(str::to_string);
                    let label = match &grade {
                        Some(g) => format!("Grade set to {g}"),
                        None => "Grade cleared".to_string(),
                    };
                    self.edit(&label, |plan| plan.set_grade(slot, grade));
                }
            }
            PromptKind::Student => {
                let label = format!("Student set to {input}");
                self.edit(&label, |plan| {
                    plan.student = input.to_string();
                    true
                });
            }
        }
        None
    }

    fn confirm_leave(&mut self, leave: Leave, action: Action) -> Option<Effect> {
        match action {
            Action::SaveAndQuit => {
                self.mode = Mode::Normal;
                if let Some(why) = &self.read_only {
                    self.error(format!("Not saved: {why}"));
                    return None;
                }
                self.stamp_curriculum();
                self.after_save = Some(leave);
                Some(Effect::Save)
            }
            Action::Discard => {
                self.mode = Mode::Normal;
                match leave {
                    Leave::Quit => self.should_quit = true,
                    Leave::ToPlans => {
                        // Undoable while this plan stays open.
                        let saved = self.saved.clone();
                        self.edit("Discarded the unsaved changes", |plan| {
                            *plan = saved;
                            true
                        });
                        return Some(Effect::ListPlans(Purpose::Open));
                    }
                }
                None
            }
            Action::Cancel => {
                self.mode = Mode::Normal;
                None
            }
            _ => None,
        }
    }

    /// Applies `change` to the plan as one undoable edit named `label`. `change` returns
    /// whether it did anything; an edit that changes nothing leaves no history.
    fn edit(&mut self, label: &str, change: impl FnOnce(&mut Plan) -> bool) {
        let before = self.plan.clone();
        if change(&mut self.plan) && self.plan != before {
            self.undo.push(Snapshot {
                plan: before,
                label: label.to_string(),
            });
            self.redo.clear();
            // The first change to an approved plan says what it costs.
            let before = &self.undo.last().expect("just pushed").plan;
            let approved_by = match review::verdict_state(before) {
                review::VerdictState::Current(v) if v.decision == Decision::Approved => {
                    Some(v.reviewer.clone())
                }
                _ => None,
            }
            .filter(|_| {
                matches!(
                    review::verdict_state(&self.plan),
                    review::VerdictState::Changed(..)
                )
            });
            let undo = self
                .keymap
                .key_for(Context::Normal, Action::Undo)
                .map(|key| format!(" ({key} to undo)"))
                .unwrap_or_default();
            match approved_by {
                Some(reviewer) => self.info(format!(
                    "{label}: approved by {reviewer}; changing it will need a new review{undo}"
                )),
                None => self.info(format!("{label}{undo}")),
            }
        }
    }

    fn undo(&mut self) {
        match self.undo.pop() {
            Some(snapshot) => {
                let current = std::mem::replace(&mut self.plan, snapshot.plan);
                self.follow_change(&current);
                self.info(format!("Undone: {}", snapshot.label));
                self.redo.push(Snapshot {
                    plan: current,
                    label: snapshot.label,
                });
            }
            None => self.info("Nothing to undo".into()),
        }
    }

    fn redo(&mut self) {
        match self.redo.pop() {
            Some(snapshot) => {
                let current = std::mem::replace(&mut self.plan, snapshot.plan);
                self.follow_change(&current);
                self.info(format!("Redone: {}", snapshot.label));
                self.undo.push(Snapshot {
                    plan: current,
                    label: snapshot.label,
                });
            }
            None => self.info("Nothing to redo".into()),
        }
    }

    /// Puts the cursor on what changed from `other` to the plan now (after an undo or redo):
    /// the first course whose term, status or grade differs, in its term or in the pool;
    /// else the first term whose name differs.
    fn follow_change(&mut self, other: &Plan) {
        let state = |plan: &Plan, code: &str| {
            plan.find(code).map(|slot| {
                let p = plan.placement(slot).cloned();
                (slot.term, p.map(|p| (p.status, p.grade)))
            })
        };
        let codes = self
            .plan
            .terms
            .iter()
            .chain(&other.terms)
            .flat_map(|t| &t.courses)
            .map(|p| p.code.clone());
        let changed = codes
            .into_iter()
            .find(|code| state(&self.plan, code) != state(other, code));
        if let Some(code) = changed {
            // The course must show: a filter that hides it is cleared.
            if !self.matches_filter(&code) {
                self.filter.clear();
            }
            match self.plan.find(&code) {
                Some(slot) => {
                    self.focus = Focus::Terms;
                    self.term = slot.term;
                    self.row = self
                        .visible_rows(slot.term)
                        .iter()
                        .position(|&i| i == slot.index)
                        .unwrap_or(0);
                }
                None => {
                    if let Some(row) = self.pool().iter().position(|c| c.code == code) {
                        self.focus = Focus::Pool;
                        self.pool_row = row;
                    }
                }
            }
            return;
        }
        let names = |plan: &Plan| {
            plan.terms
                .iter()
                .map(|t| t.name.clone())
                .collect::<Vec<_>>()
        };
        let (now, then) = (names(&self.plan), names(other));
        if let Some(term) = (0..now.len()).find(|&i| then.get(i) != now.get(i)) {
            self.focus = Focus::Terms;
            self.term = term;
            self.row = 0;
        }
    }

    /// Keys over the help overlay: scrolling, searching, closing; any other command closes
    /// the help and then acts.
    fn help_key(&mut self, action: Action) -> Option<Effect> {
        if let Some(delta) = action.list_step() {
            // The overlay clamps to what it can scroll; this bounds the count.
            let lines = crate::action::KEYMAP.len() * 3;
            let at = crate::action::step_cursor(usize::from(self.help_scroll), lines, delta);
            self.help_scroll = u16::try_from(at).unwrap_or(u16::MAX);
            return None;
        }
        match action {
            Action::StartFilter => {
                self.help_scroll = 0;
                self.mode = Mode::HelpSearch;
                None
            }
            Action::Help | Action::Cancel => {
                self.mode = Mode::Normal;
                None
            }
            command => {
                self.mode = Mode::Normal;
                self.update(command)
            }
        }
    }

    /// Keys while typing the help overlay's search.
    fn help_search_key(&mut self, action: Action) -> Option<Effect> {
        if crate::field::type_into_search(&mut self.help_search, action) {
            self.help_scroll = 0;
            return None;
        }
        match action {
            Action::Submit => self.mode = Mode::Help,
            Action::Cancel => {
                self.help_search.clear();
                self.mode = Mode::Help;
            }
            Action::Up | Action::Down => return self.help_key(action),
            Action::Quit => {
                self.mode = Mode::Normal;
                return self.update(Action::Quit);
            }
            _ => {}
        }
        None
    }

    fn step(&mut self, delta: isize) {
        let step = |cursor: usize, len: usize| crate::action::step_cursor(cursor, len, delta);
        match self.focus {
            Focus::Terms => self.row = step(self.row, self.visible_rows(self.term).len()),
            Focus::Pool => self.pool_row = step(self.pool_row, self.pool().len()),
            Focus::Problems => {
                let count = crate::model::problems(&self.curriculum, &self.plan).len();
                self.problem_row = step(self.problem_row, count);
            }
            Focus::Paths => {
                // The cursor moves in the order the paths are drawn.
                let order = self.path_order();
                let n = order.len() as isize;
                if n > 0 {
                    // From no focused path, Down starts at the first and Up at the last.
                    let at = self.path.and_then(|p| order.iter().position(|&x| x == p));
                    // One step wraps around; a page, the first and the last stop at the ends.
                    let next = match at {
                        Some(current) if delta.abs() == 1 => {
                            (current as isize + delta).rem_euclid(n) as usize
                        }
                        Some(current) => step(current, order.len()),
                        None if delta > 0 => 0,
                        None => order.len() - 1,
                    };
                    self.path = Some(order[next]);
                }
            }
        }
    }

    /// Changes the filter, keeping the highlighted course highlighted while it stays visible.
    fn refilter(&mut self, change: impl FnOnce(&mut String)) {
        let term_course = self.selected_slot().map(|s| s.index);
        let pool_course = self.pool().get(self.pool_row).map(|c| c.code.clone());
        change(&mut self.filter);
        if let Some(index) = term_course
            && let Some(row) = self
                .visible_rows(self.term)
                .iter()
                .position(|&i| i == index)
        {
            self.row = row;
        }
        if let Some(code) = pool_course
            && let Some(row) = self.pool().iter().position(|c| c.code == code)
        {
            self.pool_row = row;
        }
    }

    /// Gives `spot`'s pane (and term) the keyboard and highlights its row, if any.
    fn point_at(&mut self, spot: Spot) {
        if let Some(term) = spot.term {
            self.go_to_term(term);
        }
        self.focus = spot.pane;
        match (spot.pane, spot.row) {
            (Focus::Terms, Some(row)) => {
                self.row = row.min(self.visible_rows(self.term).len().saturating_sub(1));
            }
            (Focus::Pool, Some(row)) => {
                self.pool_row = row.min(self.pool().len().saturating_sub(1))
            }
            (Focus::Problems, Some(row)) => self.problem_row = row,
            (Focus::Paths, _) if self.path.is_none() => {
                self.path = self.path_order().first().copied();
            }
            _ => {}
        }
    }

    fn go_to_term(&mut self, term: usize) {
        let last = self.plan.terms.len().saturating_sub(1);
        if term != self.term && term <= last {
            self.term = term;
            self.row = 0;
        }
    }

    fn cycle_focus(&mut self, steps: isize) {
        const ORDER: [Focus; 4] = [Focus::Terms, Focus::Pool, Focus::Paths, Focus::Problems];
        let i = ORDER.iter().position(|f| *f == self.focus).unwrap_or(0);
        self.focus = ORDER[(i as isize + steps).rem_euclid(ORDER.len() as isize) as usize];
        if self.focus == Focus::Paths && self.path.is_none() {
            self.path = self.path_order().first().copied();
        }
    }

    /// Indices of the career paths in the order the Career paths pane draws them.
    fn path_order(&self) -> Vec<usize> {
        crate::model::career::display_order(&self.curriculum, &self.plan)
    }

    /// Gives the highlighted project course the focused path as its focus, or takes it away
    /// when it already has that focus.
    fn set_project_focus(&mut self) {
        let slot = self.selected_slot().filter(|_| self.focus == Focus::Terms);
        let Some(code) = slot
            .and_then(|s| self.plan.placement(s))
            .map(|p| p.code.clone())
        else {
            self.info("Highlight a project course in a term to set its focus".into());
            return;
        };
        if !self.curriculum.course(&code).is_some_and(|c| c.focus) {
            self.info(format!("{code} has no chosen focus; project courses do"));
            return;
        }
        let Some(path) = self.path.and_then(|p| self.curriculum.paths.get(p)) else {
            self.info("Focus a path first (p), then f gives this project that focus".into());
            return;
        };
        let (id, name) = (path.id.clone(), path.name.clone());
        if self.plan.focus.get(&code) == Some(&id) {
            self.edit(&format!("{code} has no focus"), |plan| {
                plan.focus.remove(&code).is_some()
            });
        } else {
            let label = format!("{code} focuses on {name}");
            self.edit(&label, |plan| {
                plan.focus.insert(code, id);
                true
            });
        }
    }

    /// Goes to the term of the highlighted problem, highlighting the course it names, and
    /// gives the terms the keyboard. A problem with no term (a course in no term, credits
    /// short) changes nothing.
    fn go_to_problem(&mut self) {
        use crate::model::ProblemKind as K;
        let problems = crate::model::problems(&self.curriculum, &self.plan);
        let Some(problem) = problems.get(self.problem_row) else {
            return;
        };
        let Some(term) = problem.term.filter(|&t| t < self.plan.terms.len()) else {
            return;
        };
        let code = match &problem.kind {
            K::PrerequisiteOrder { course, .. }
            | K::PrerequisiteStatus { course, .. }
            | K::PlacedTwice { course }
            | K::UnknownCourse { course }
            | K::UnknownGrade { course, .. } => Some(course.clone()),
            _ => None,
        };
        self.term = term;
        self.focus = Focus::Terms;
        let index = code.and_then(|code| {
            self.plan.terms[term]
                .courses
                .iter()
                .position(|c| c.code == code)
        });
        self.row = index
            .and_then(|i| self.visible_rows(term).iter().position(|&v| v == i))
            .unwrap_or(0);
    }

    fn toggle(&mut self) {
        match self.focus {
            Focus::Problems => self.go_to_problem(),
            Focus::Terms => {
                if let Some(slot) = self.selected_slot() {
                    let code = self
                        .plan
                        .placement(slot)
                        .map(|p| p.code.clone())
                        .unwrap_or_default();
                    match self.plan.placement(slot) {
                        Some(p) if p.status != Status::Planned => {
                            let grade = p
                                .grade
                                .as_ref()
                                .map(|g| format!(", grade {g}"))
                                .unwrap_or_default();
                            let text = format!(
                                "{code} is {}{grade}: take it out of the plan? (it keeps both in the pool)",
                                p.status.label()
                            );
                            self.mode = Mode::Ask(Ask::new(Question::Unplan(slot), text));
                        }
                        _ => self.unplan(slot),
                    }
                }
            }
            Focus::Pool => {
                let Some(code) = self.pool().get(self.pool_row).map(|c| c.code.clone()) else {
                    return;
                };
                let term = self.term;
                let Some(name) = self.plan.terms.get(term).map(|t| t.name.clone()) else {
                    self.error("There is no term to place it in: add one with a".into());
                    return;
                };
                let kept = self
                    .plan
                    .set_aside_as(&code)
                    .map(|p| format!(" (again {})", p.status.label()))
                    .unwrap_or_default();
                self.edit(&format!("Placed {code} in {name}{kept}"), |plan| {
                    plan.place_unplanned(term, &code).is_some()
                });
            }
            Focus::Paths => {
                let Some(i) = self.path else { return };
                let Some(path) = self.curriculum.paths.get(i) else {
                    return;
                };
                let (id, name) = (path.id.clone(), path.name.clone());
                if self.plan.target_path.as_deref() == Some(id.as_str()) {
                    self.edit(&format!("{name} is no longer the target"), |plan| {
                        plan.target_path = None;
                        true
                    });
                } else {
                    self.edit(&format!("Target path: {name}"), |plan| {
                        plan.target_path = Some(id);
                        true
                    });
                }
            }
        }
    }

    /// Takes the course at `slot` out of the plan, into the pool.
    fn unplan(&mut self, slot: Slot) {
        let code = self
            .plan
            .placement(slot)
            .map(|p| p.code.clone())
            .unwrap_or_default();
        self.edit(&format!("Moved {code} to the unplanned pool"), |plan| {
            plan.unplan(slot).is_some()
        });
    }

    /// Does what a yes to `question` means.
    fn answer_yes(&mut self, question: Question) -> Option<Effect> {
        match question {
            Question::Unplan(slot) => self.unplan(slot),
            Question::ApproveWithErrors => self.ask_comment(Decision::Approved),
            Question::DeleteTerm(term) => {
                let name = self.plan.terms.get(term).map(|t| t.name.clone());
                let label = format!("Deleted term {}", name.unwrap_or_default());
                self.edit(&label, |plan| plan.remove_term_unplanning(term));
            }
            Question::TermStatus { term, status } => {
                let name = self.plan.terms.get(term).map(|t| t.name.clone());
                let label = format!(
                    "Every course of {} is now {}",
                    name.unwrap_or_default(),
                    status.label()
                );
                self.edit(&label, |plan| plan.set_term_status(term, status));
            }
            Question::OverwriteReport => return Some(Effect::Export { overwrite: true }),
            Question::SaveOverChanges => return Some(Effect::SaveOverChanges),
        }
        None
    }

    fn move_selected(&mut self, delta: isize) {
        if self.focus != Focus::Terms {
            self.info("Select a course in a term to move it (Tab to the terms)".into());
            return;
        }
        let Some(slot) = self.selected_slot() else {
            return;
        };
        let to = slot.term as isize + delta;
        if to < 0 || to as usize >= self.plan.terms.len() {
            let edge = if delta < 0 { "first" } else { "last" };
            self.info(format!("Already in the {edge} term"));
            return;
        }
        let to = to as usize;
        let code = self
            .plan
            .placement(slot)
            .map(|p| p.code.clone())
            .unwrap_or_default();
        let name = self.plan.terms[to].name.clone();
        self.edit(&format!("Moved {code} to {name}"), |plan| {
            plan.move_to(slot, to).is_some()
        });
        // Follow the course, so that pressing the key again keeps moving it.
        if let Some(new) = self.plan.terms[to].courses.len().checked_sub(1) {
            self.term = to;
            self.row = self
                .visible_rows(to)
                .iter()
                .position(|&i| i == new)
                .unwrap_or(0);
        }
    }

    fn cycle_status(&mut self) {
        let Some(slot) = self.selected_slot().filter(|_| self.focus == Focus::Terms) else {
            self.info("Place the course in a term first; only placed courses have a status".into());
            return;
        };
        let Some(placement) = self.plan.placement(slot) else {
            return;
        };
        let (code, next) = (placement.code.clone(), placement.status.next());
        self.edit(&format!("{code} is now {}", next.label()), |plan| {
            plan.cycle_status(slot).is_some()
        });
    }

    fn start_grade(&mut self) {
        let slot = self.selected_slot().filter(|_| self.focus == Focus::Terms);
        match slot.and_then(|s| self.plan.placement(s)) {
            Some(p) if p.status == Status::Completed => {
                let input = p.grade.clone().unwrap_or_default();
                self.ask(PromptKind::Grade, &input);
            }
            Some(_) => {
                self.info("Only completed courses have a grade (c cycles the status)".into())
            }
            None => {}
        }
    }

    fn delete_term(&mut self) {
        let term = self.term;
        let Some(t) = self.plan.terms.get(term) else {
            return;
        };
        let name = t.name.clone();
        match t.courses.len() {
            0 => self.edit(&format!("Deleted term {name}"), |plan| {
                plan.remove_term(term)
            }),
            n => {
                let text = format!(
                    "{name} has {n} course{}: delete it and unplan {}?",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "it" } else { "them" }
                );
                self.mode = Mode::Ask(Ask::new(Question::DeleteTerm(term), text));
            }
        }
    }

    /// Asks to give every course of the current term the status after the least advanced
    /// one's: planned -> in progress -> completed -> planned.
    fn ask_term_status(&mut self) {
        let term = self.term;
        let Some(t) = self.plan.terms.get(term) else {
            return;
        };
        let Some(least) = t.courses.iter().map(|p| p.status).min() else {
            self.info(format!("{} has no courses", t.name));
            return;
        };
        let status = least.next();
        let n = t.courses.len();
        let text = format!(
            "Mark {} of {} {}?",
            if n == 1 {
                "the course".to_string()
            } else {
                format!("all {n} courses")
            },
            t.name,
            status.label()
        );
        self.mode = Mode::Ask(Ask::new(Question::TermStatus { term, status }, text));
    }

    /// Records the current curriculum in the plan before a save: saving after the
    /// "different version" warning means the student has checked the plan against it.
    fn stamp_curriculum(&mut self) {
        self.plan.curriculum = CurriculumRef {
            name: self.curriculum.name.clone(),
            hash: self.curriculum.content_hash().to_string(),
        };
    }

    fn clamp(&mut self) {
        self.term = self.term.min(self.plan.terms.len().saturating_sub(1));
        self.row = self
            .row
            .min(self.visible_rows(self.term).len().saturating_sub(1));
        self.pool_row = self.pool_row.min(self.pool().len().saturating_sub(1));
        self.path = self.path.filter(|&p| p < self.curriculum.paths.len());
    }

    fn info(&mut self, text: String) {
        self.message = Some(Message {
            tone: Tone::Info,
            text,
        });
    }

    fn error(&mut self, text: String) {
        self.message = Some(Message {
            tone: Tone::Error,
            text,
        });
    }
}

/// Actions that change courses, statuses, terms or the student's details.
fn is_placement_edit(action: Action) -> bool {
    matches!(
        action,
        Action::Toggle
            | Action::MoveEarlier
            | Action::MoveLater
            | Action::CycleStatus
            | Action::EditGrade
            | Action::SetFocus
            | Action::AddTerm
            | Action::RenameTerm
            | Action::DeleteTerm
            | Action::TermStatus
            | Action::EditStudent
    )
}
