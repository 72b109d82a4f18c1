//! What a key means: the [`Action`]s the app understands and the default keymap.
//!
//! The keymap is data. The same table resolves key presses, fills the help overlay and
//! provides the footer hints, so the three can never disagree.

use std::borrow::Cow;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_input::InputRequest;

use crate::app::Focus;

/// A place the pointer is on: a pane and, where the pane has them, a term and a row of its
/// list (a course in a term or the pool, a problem, a career path in the order drawn).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    /// The pane.
    pub pane: Focus,
    /// The term, in the terms pane.
    pub term: Option<usize>,
    /// The row of the pane's list, when the pointer is on one.
    pub row: Option<usize>,
}

/// Everything a user can ask the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// A click: focus the pane (and term) and highlight the row under the pointer; on a
    /// problem, go to it.
    Click(Spot),
    /// The wheel over a list: focus it and move its highlight `lines` rows.
    Scroll {
        /// Where the pointer is.
        at: Spot,
        /// Rows to move, negative upwards.
        lines: isize,
    },
    /// Move up in the focused list.
    Up,
    /// Move down in the focused list.
    Down,
    /// Move a page up in the focused list.
    PageUp,
    /// Move a page down in the focused list.
    PageDown,
    /// Go to the first row of the focused list.
    First,
    /// Go to the last row of the focused list.
    Last,
    /// Go to the previous term.
    PrevTerm,
    /// Go to the next term.
    NextTerm,
    /// Focus the next pane (terms, unplanned pool, career paths).
    NextFocus,
    /// Focus the previous pane.
    PrevFocus,
    /// In a term: move the course to the unplanned pool; in the pool: place it in the current
    /// term; on a career path: make it the plan's target.
    Toggle,
    /// Move the highlighted course to the previous term.
    MoveEarlier,
    /// Move the highlighted course to the next term.
    MoveLater,
    /// Cycle the highlighted course's status.
    CycleStatus,
    /// Set the grade of the highlighted completed course.
    EditGrade,
    /// Choose the credits of the highlighted placed course of variable credits.
    EditCredits,
    /// Ask for a target GPA and say what average the courses ahead need for it.
    TargetGpa,
    /// Pin the highlighted placed course where it is, so the auto-plan leaves it (or unpin it).
    TogglePin,
    /// Preview the auto-plan of the remaining terms, to apply or discard.
    AutoPlan,
    /// In the auto-plan preview: allow one credit less a term, and plan again.
    FewerCredits,
    /// In the auto-plan preview: allow one credit more a term (up to the program's limit).
    MoreCredits,
    /// In the auto-plan preview: allow one term less in all, and plan again.
    FewerTerms,
    /// In the auto-plan preview: allow one term more in all, and plan again.
    MoreTerms,
    /// Focus the next career path, in the order drawn (or none).
    NextPath,
    /// Give the highlighted project course the focused path as its focus (or take it away).
    SetFocus,
    /// Start typing a filter.
    StartFilter,
    /// Clear the filter.
    ClearFilter,
    /// Add a term after the current one.
    AddTerm,
    /// Rename the current term.
    RenameTerm,
    /// Delete the current term (asking first when it has courses).
    DeleteTerm,
    /// Give every course of the current term the next status (asks first).
    TermStatus,
    /// Set the student's name.
    EditStudent,
    /// Record prior credit (transfer, exam, recognition): a form, prefilled with the missing
    /// prerequisite of the highlighted problem or course, if any.
    AddPrior,
    /// Edit the highlighted prior-credit entry.
    EditPrior,
    /// Remove the highlighted prior-credit entry.
    RemovePrior,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Save the plan.
    Save,
    /// Show or hide the help overlay.
    Help,
    /// Quit, asking first if there are unsaved changes.
    Quit,
    /// Type a character into the prompt or filter.
    Input(char),
    /// Delete the character before the cursor (the filter: its last character).
    Backspace,
    /// Move the cursor or delete text in a prompt.
    Edit(InputRequest),
    /// Accept the prompt or filter.
    Submit,
    /// Cancel the prompt, filter or dialog.
    Cancel,
    /// In the quit dialog: save, then quit.
    SaveAndQuit,
    /// In the quit dialog: quit without saving.
    Discard,
    /// Show the advisor's notes.
    ShowNotes,
    /// Reviewer: add a note on the highlighted course.
    NoteCourse,
    /// Reviewer: add a note on the current term.
    NoteTerm,
    /// Reviewer: add a note on the whole plan.
    NotePlan,
    /// Reviewer: approve the plan as it stands.
    Approve,
    /// Reviewer: ask the student for changes.
    RequestChanges,
    /// In the notes list: delete the highlighted note (reviewers).
    DeleteNote,
    /// Open the plan picker.
    OpenPicker,
    /// Start a new plan.
    NewPlan,
    /// Compare the open plan with another.
    Compare,
    /// Write a markdown report next to the plan.
    Export,
    /// Show the requirement groups: progress per group, streams, what is left.
    ShowRequirements,
    /// Show every exception of the plan: requested, granted, refused, with what it answers.
    ShowExceptions,
    /// Request an exception for the highlighted problem or course (then asks for a reason).
    RequestException,
    /// In the exceptions list: grant the highlighted exception (reviewers).
    GrantException,
    /// In the exceptions list: refuse the highlighted exception (reviewers).
    RefuseException,
    /// In the exceptions list: change the highlighted exception's reason.
    EditReason,
    /// In the exceptions list: remove the highlighted exception.
    RemoveException,
    /// Start a what-if: set the plan aside and edit a scratch copy, with the deltas shown.
    WhatIf,
    /// In a what-if: put its changes into the plan, as one undoable edit.
    ApplyWhatIf,
    /// In a what-if: leave it, the plan as it was (asks when changes would be lost).
    DiscardWhatIf,
    /// In a what-if: save it as a plan file of its own; the plan stays as it is.
    KeepWhatIf,
    /// In a what-if: judge it under another curriculum file, courses mapped by code.
    WhatIfCurriculum,
    /// In the picker: copy the highlighted plan.
    DuplicatePlan,
    /// In the picker: rename the highlighted plan.
    RenamePlan,
    /// In the picker: move the highlighted plan to the trash.
    TrashPlan,
    /// In the picker: show the plans in the trash, to restore one (again: back to the plans).
    ShowTrash,
    /// Answer yes to a question.
    Confirm,
    /// Save the plan under another name.
    SaveAs,
    /// Give the terminal back to the shell and stop, as Ctrl-z does to a program that is not
    /// full-screen; `fg` resumes. The terminal edge does this; the app's state is untouched.
    Suspend,
}

/// Rows that PageUp and PageDown move in a list before the first frame says how many rows
/// it shows.
pub const PAGE: isize = 10;

impl Action {
    /// How many rows the action moves a list's highlight, if it is a list move: Up and Down
    /// one, PageUp and PageDown a `page` (what the list shows), First and Last as far as any
    /// list goes.
    pub fn list_step(self, page: isize) -> Option<isize> {
        const FAR: isize = isize::MAX / 2;
        match self {
            Action::Up => Some(-1),
            Action::Down => Some(1),
            Action::PageUp => Some(-page),
            Action::PageDown => Some(page),
            Action::First => Some(-FAR),
            Action::Last => Some(FAR),
            _ => None,
        }
    }
}

/// The row `delta` rows from `cursor` in a list of `len` rows, kept inside the list.
pub fn step_cursor(cursor: usize, len: usize, delta: isize) -> usize {
    let last = len.saturating_sub(1);
    if delta < 0 {
        cursor.saturating_sub(delta.unsigned_abs()).min(last)
    } else {
        cursor.saturating_add(delta.unsigned_abs()).min(last)
    }
}

/// Which set of keys is active.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Browsing and editing the plan.
    Normal,
    /// Typing into the filter or a prompt: printable keys are text.
    Typing,
    /// The help overlay is open.
    Help,
    /// The unsaved-changes dialog is open.
    ConfirmQuit,
    /// Reviewing: these keys come before the Normal ones.
    Review,
    /// The list of notes is open.
    Notes,
    /// The plan picker is open.
    Picker,
    /// A yes/no question is asked.
    Confirm,
    /// Two plans are shown side by side.
    Compare,
    /// The requirements pane is open.
    Requirements,
    /// The auto-plan's proposal is previewed.
    AutoPlan,
    /// The exceptions list, or the choice of an exception to request, is open.
    Exceptions,
    /// A what-if is open: these keys come before the Normal ones.
    WhatIf,
    /// Keys that mean the same in every other context, checked before them.
    Anywhere,
}

/// One key, with modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key code.
    pub code: KeyCode,
    /// Required modifiers (Shift is ignored for characters).
    pub modifiers: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    ctrl_key(KeyCode::Char(c))
}

const fn ctrl_key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::CONTROL,
    }
}

/// A binding: keys, the action they trigger, and how to describe it.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Where the binding applies.
    pub context: Context,
    /// The keys, the first one shown first (the default's, or the config's).
    pub keys: Cow<'static, [Key]>,
    /// What they do.
    pub action: Action,
    /// One line for the help overlay.
    pub description: &'static str,
    /// A short label for the footer, if the binding deserves a place there.
    pub hint: Option<&'static str>,
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    description: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        context,
        keys: Cow::Borrowed(keys),
        action,
        description,
        hint,
    }
}

use Context::{
    Anywhere, AutoPlan as AutoPlanCtx, Compare as CompareCtx, Confirm as ConfirmCtx, ConfirmQuit,
    Exceptions as ExceptionsCtx, Help as HelpCtx, Normal, Notes, Picker,
    Requirements as RequirementsCtx, Review, Typing, WhatIf as WhatIfCtx,
};

/// The default keymap.
pub const KEYMAP: &[Binding] = &[
    bind(
        Anywhere,
        &[ctrl('z')],
        Action::Suspend,
        "suspend to the shell (fg resumes)",
        None,
    ),
    bind(
        Review,
        &[ch('n')],
        Action::NoteCourse,
        "add a note on the highlighted course",
        Some("note"),
    ),
    bind(
        Review,
        &[ch('t')],
        Action::NoteTerm,
        "add a note on the current term",
        Some("term note"),
    ),
    bind(
        Review,
        &[ch('P')],
        Action::NotePlan,
        "add a note on the whole plan",
        Some("plan note"),
    ),
    bind(
        Review,
        &[ch('A')],
        Action::Approve,
        "approve the plan as it stands (asks for a comment)",
        Some("approve"),
    ),
    bind(
        Review,
        &[ch('R')],
        Action::RequestChanges,
        "request changes (asks for a comment)",
        Some("request changes"),
    ),
    bind(
        Notes,
        &[key(KeyCode::Up), ch('k')],
        Action::Up,
        "previous note",
        None,
    ),
    bind(
        Notes,
        &[key(KeyCode::Down), ch('j')],
        Action::Down,
        "next note",
        Some("move"),
    ),
    bind(
        Notes,
        &[key(KeyCode::PageUp)],
        Action::PageUp,
        "10 notes up",
        None,
    ),
    bind(
        Notes,
        &[key(KeyCode::PageDown)],
        Action::PageDown,
        "10 notes down",
        None,
    ),
    bind(
        Notes,
        &[key(KeyCode::Home), ch('g')],
        Action::First,
        "first note",
        None,
    ),
    bind(
        Notes,
        &[key(KeyCode::End), ch('G')],
        Action::Last,
        "last note",
        None,
    ),
    bind(
        Notes,
        &[key(KeyCode::Enter), ch(' ')],
        Action::Toggle,
        "mark the note addressed, or not (students)",
        Some("addressed"),
    ),
    bind(
        Notes,
        &[ch('x')],
        Action::DeleteNote,
        "delete the note (reviewers)",
        Some("delete"),
    ),
    bind(
        Notes,
        &[key(KeyCode::Esc), ch('v'), ch('q')],
        Action::Cancel,
        "close the notes",
        Some("close"),
    ),
    bind(
        Picker,
        &[key(KeyCode::Up), ch('k')],
        Action::Up,
        "previous plan",
        None,
    ),
    bind(
        Picker,
        &[key(KeyCode::Down), ch('j')],
        Action::Down,
        "next plan",
        Some("move"),
    ),
    bind(
        Picker,
        &[key(KeyCode::PageUp)],
        Action::PageUp,
        "a page up",
        None,
    ),
    bind(
        Picker,
        &[key(KeyCode::PageDown)],
        Action::PageDown,
        "a page down",
        None,
    ),
    bind(
        Picker,
        &[key(KeyCode::Home), ch('g')],
        Action::First,
        "first row (a new plan)",
        None,
    ),
    bind(
        Picker,
        &[key(KeyCode::End), ch('G')],
        Action::Last,
        "last plan",
        None,
    ),
    bind(
        Picker,
        &[key(KeyCode::Enter)],
        Action::Toggle,
        "open the plan, start the new one, or compare with it",
        Some("choose"),
    ),
    bind(
        Picker,
        &[ch('t')],
        Action::ShowTrash,
        "show the trash, where Enter restores a plan (t again: back to the plans)",
        Some("trash"),
    ),
    bind(
        Picker,
        &[ch('/')],
        Action::StartFilter,
        "filter the plans by name or student as you type (Esc clears)",
        Some("filter"),
    ),
    bind(
        Picker,
        &[ch('n')],
        Action::NewPlan,
        "start a new plan from the recommended schedule",
        Some("new"),
    ),
    bind(
        Picker,
        &[ch('y')],
        Action::DuplicatePlan,
        "duplicate the plan",
        Some("duplicate"),
    ),
    bind(
        Picker,
        &[ch('r')],
        Action::RenamePlan,
        "rename the plan",
        Some("rename"),
    ),
    bind(
        Picker,
        &[ch('d')],
        Action::TrashPlan,
        "delete the plan (moved to the trash folder)",
        Some("delete"),
    ),
    bind(
        Picker,
        &[key(KeyCode::Esc), ch('o'), ch('q')],
        Action::Cancel,
        "close the picker",
        Some("close"),
    ),
    bind(ConfirmCtx, &[ch('y')], Action::Confirm, "yes", Some("yes")),
    bind(
        ConfirmCtx,
        &[ch('n'), key(KeyCode::Esc)],
        Action::Cancel,
        "no",
        Some("no"),
    ),
    bind(
        CompareCtx,
        &[key(KeyCode::Up), ch('k')],
        Action::Up,
        "scroll the differences up",
        None,
    ),
    bind(
        CompareCtx,
        &[key(KeyCode::Down), ch('j')],
        Action::Down,
        "scroll the differences down",
        Some("scroll"),
    ),
    bind(
        CompareCtx,
        &[key(KeyCode::PageUp)],
        Action::PageUp,
        "scroll a page up",
        None,
    ),
    bind(
        CompareCtx,
        &[key(KeyCode::PageDown)],
        Action::PageDown,
        "scroll a page down",
        None,
    ),
    bind(
        CompareCtx,
        &[key(KeyCode::Home), ch('g')],
        Action::First,
        "back to the first difference",
        None,
    ),
    bind(
        CompareCtx,
        &[key(KeyCode::End), ch('G')],
        Action::Last,
        "on to the last difference",
        None,
    ),
    bind(
        CompareCtx,
        &[key(KeyCode::Esc), ch('='), ch('q')],
        Action::Cancel,
        "close the comparison",
        Some("close"),
    ),
    bind(
        Normal,
        &[ch('o')],
        Action::OpenPicker,
        "open another plan, or start a new one",
        None,
    ),
    bind(
        Normal,
        &[ch('n')],
        Action::NewPlan,
        "start a new plan",
        None,
    ),
    bind(
        Normal,
        &[ch('=')],
        Action::Compare,
        "compare this plan with another, side by side",
        None,
    ),
    bind(
        Normal,
        &[ch('e')],
        Action::Export,
        "write a markdown report next to the plan",
        None,
    ),
    bind(
        Normal,
        &[ch('w')],
        Action::ShowRequirements,
        "show the requirements and what is left",
        None,
    ),
    bind(
        Normal,
        &[ch('E')],
        Action::RequestException,
        "request an exception for the highlighted problem or course (asks for a reason)",
        None,
    ),
    bind(
        Normal,
        &[ch('X')],
        Action::ShowExceptions,
        "show the exceptions: what each answers, requested, granted or refused",
        None,
    ),
    bind(
        Normal,
        &[ch('W')],
        Action::WhatIf,
        "what-if: try edits on a copy, see the deltas",
        None,
    ),
    bind(
        RequirementsCtx,
        &[key(KeyCode::Up), ch('k')],
        Action::Up,
        "previous entry",
        None,
    ),
    bind(
        RequirementsCtx,
        &[key(KeyCode::Down), ch('j')],
        Action::Down,
        "next entry",
        Some("move"),
    ),
    bind(
        RequirementsCtx,
        &[key(KeyCode::PageUp)],
        Action::PageUp,
        "10 entries up",
        None,
    ),
    bind(
        RequirementsCtx,
        &[key(KeyCode::PageDown)],
        Action::PageDown,
        "10 entries down",
        None,
    ),
    bind(
        RequirementsCtx,
        &[key(KeyCode::Home), ch('g')],
        Action::First,
        "first entry",
        None,
    ),
    bind(
        RequirementsCtx,
        &[key(KeyCode::End), ch('G')],
        Action::Last,
        "last entry",
        None,
    ),
    bind(
        RequirementsCtx,
        &[key(KeyCode::Enter), ch(' ')],
        Action::Toggle,
        "choose the highlighted stream's next option (then none)",
        Some("choose"),
    ),
    bind(
        RequirementsCtx,
        &[ch('u')],
        Action::Undo,
        "undo the last edit",
        Some("undo"),
    ),
    bind(
        RequirementsCtx,
        &[key(KeyCode::Esc), ch('w'), ch('q')],
        Action::Cancel,
        "close the requirements",
        Some("close"),
    ),
    bind(
        AutoPlanCtx,
        &[key(KeyCode::Enter)],
        Action::Confirm,
        "apply the proposal as one edit (one undo takes all of it back)",
        Some("apply"),
    ),
    bind(
        AutoPlanCtx,
        &[key(KeyCode::Esc), ch('q')],
        Action::Cancel,
        "discard the proposal: the plan stays as it was",
        Some("discard"),
    ),
    bind(
        AutoPlanCtx,
        &[key(KeyCode::Up), ch('k')],
        Action::Up,
        "scroll the proposal up",
        None,
    ),
    bind(
        AutoPlanCtx,
        &[key(KeyCode::Down), ch('j')],
        Action::Down,
        "scroll the proposal down",
        Some("scroll"),
    ),
    bind(
        AutoPlanCtx,
        &[key(KeyCode::PageUp)],
        Action::PageUp,
        "scroll a page up",
        None,
    ),
    bind(
        AutoPlanCtx,
        &[key(KeyCode::PageDown)],
        Action::PageDown,
        "scroll a page down",
        None,
    ),
    bind(
        AutoPlanCtx,
        &[ch('-')],
        Action::FewerCredits,
        "one credit less a term, and plan again",
        Some("fewer credits"),
    ),
    bind(
        AutoPlanCtx,
        &[ch('+')],
        Action::MoreCredits,
        "one credit more a term (up to the program's limit), and plan again",
        Some("more credits"),
    ),
    bind(
        AutoPlanCtx,
        &[ch('[')],
        Action::FewerTerms,
        "one term less in all, and plan again",
        Some("fewer terms"),
    ),
    bind(
        AutoPlanCtx,
        &[ch(']')],
        Action::MoreTerms,
        "one term more in all, and plan again",
        Some("more terms"),
    ),
    bind(
        ExceptionsCtx,
        &[key(KeyCode::Up), ch('k')],
        Action::Up,
        "previous row",
        None,
    ),
    bind(
        ExceptionsCtx,
        &[key(KeyCode::Down), ch('j')],
        Action::Down,
        "next row",
        Some("move"),
    ),
    bind(
        ExceptionsCtx,
        &[key(KeyCode::PageUp)],
        Action::PageUp,
        "a page up",
        None,
    ),
    bind(
        ExceptionsCtx,
        &[key(KeyCode::PageDown)],
        Action::PageDown,
        "a page down",
        None,
    ),
    bind(
        ExceptionsCtx,
        &[key(KeyCode::Home), ch('g')],
        Action::First,
        "first row",
        None,
    ),
    bind(
        ExceptionsCtx,
        &[key(KeyCode::End), ch('G')],
        Action::Last,
        "last row",
        None,
    ),
    bind(
        ExceptionsCtx,
        &[key(KeyCode::Enter), ch(' ')],
        Action::Toggle,
        "request the highlighted exception (when choosing one), then give the reason",
        Some("choose"),
    ),
    bind(
        ExceptionsCtx,
        &[ch('A')],
        Action::GrantException,
        "grant the exception (reviewers)",
        Some("grant"),
    ),
    bind(
        ExceptionsCtx,
        &[ch('R')],
        Action::RefuseException,
        "refuse the exception, with a reason for the student if you like (reviewers)",
        Some("refuse"),
    ),
    bind(
        ExceptionsCtx,
        &[ch('e')],
        Action::EditReason,
        "edit the reason (the exception is requested again)",
        Some("reason"),
    ),
    bind(
        ExceptionsCtx,
        &[ch('d')],
        Action::RemoveException,
        "remove the exception (a student: one not granted)",
        Some("remove"),
    ),
    bind(
        ExceptionsCtx,
        &[ch('u')],
        Action::Undo,
        "undo the last edit",
        Some("undo"),
    ),
    bind(
        ExceptionsCtx,
        &[key(KeyCode::Esc), ch('X'), ch('q')],
        Action::Cancel,
        "close",
        Some("close"),
    ),
    bind(
        WhatIfCtx,
        &[ch('W')],
        Action::ApplyWhatIf,
        "apply the what-if to the plan, as one undoable edit",
        Some("apply"),
    ),
    bind(
        WhatIfCtx,
        &[key(KeyCode::Esc)],
        Action::DiscardWhatIf,
        "discard the what-if (a filter is cleared first; asks if changes would be lost)",
        Some("discard"),
    ),
    bind(
        WhatIfCtx,
        &[ch('K')],
        Action::KeepWhatIf,
        "keep the what-if as a plan file of its own (asks the name)",
        Some("keep as plan"),
    ),
    bind(
        WhatIfCtx,
        &[ch('L')],
        Action::WhatIfCurriculum,
        "judge the what-if under another curriculum file (asks the path; empty: the plan's own)",
        Some("curriculum"),
    ),
    bind(
        Normal,
        &[key(KeyCode::Up), ch('k')],
        Action::Up,
        "move up in the focused list or pane",
        None,
    ),
    bind(
        Normal,
        &[key(KeyCode::Down), ch('j')],
        Action::Down,
        "move down in the focused list or pane",
        Some("move"),
    ),
    bind(
        Normal,
        &[key(KeyCode::PageUp)],
        Action::PageUp,
        "move a page up in the focused list or pane",
        None,
    ),
    bind(
        Normal,
        &[key(KeyCode::PageDown)],
        Action::PageDown,
        "move a page down in the focused list or pane",
        None,
    ),
    bind(
        Normal,
        &[key(KeyCode::Home), ch('g')],
        Action::First,
        "go to the first row of the focused list or pane",
        None,
    ),
    bind(
        Normal,
        &[key(KeyCode::End), ch('G')],
        Action::Last,
        "go to the last row of the focused list or pane",
        None,
    ),
    bind(
        Normal,
        &[key(KeyCode::Left), ch('h')],
        Action::PrevTerm,
        "go to the previous term",
        None,
    ),
    bind(
        Normal,
        &[key(KeyCode::Right), ch('l')],
        Action::NextTerm,
        "go to the next term",
        Some("term"),
    ),
    bind(
        Normal,
        &[key(KeyCode::Tab)],
        Action::NextFocus,
        "focus next pane: terms, unplanned pool, career paths, problems, course",
        Some("pane"),
    ),
    bind(
        Normal,
        &[key(KeyCode::BackTab)],
        Action::PrevFocus,
        "focus previous pane",
        None,
    ),
    bind(
        Normal,
        &[key(KeyCode::Enter), ch(' ')],
        Action::Toggle,
        "unplan the course (term), place it in the current term (pool), set the target (path)",
        Some("unplan/place"),
    ),
    bind(
        Normal,
        &[ch('<'), ch(',')],
        Action::MoveEarlier,
        "move the course to the previous term",
        None,
    ),
    bind(
        Normal,
        &[ch('>'), ch('.')],
        Action::MoveLater,
        "move the course to the next term",
        Some("move course"),
    ),
    bind(
        Normal,
        &[ch('c')],
        Action::CycleStatus,
        "cycle status: planned, in progress, completed",
        Some("status"),
    ),
    bind(
        Normal,
        &[ch('C')],
        Action::TermStatus,
        "move the whole term to the next status (asks)",
        None,
    ),
    bind(
        Normal,
        &[ch('m')],
        Action::EditGrade,
        "set the mark (grade) of a completed course",
        None,
    ),
    bind(
        Normal,
        &[ch('V')],
        Action::EditCredits,
        "choose the credits of a course of variable credits",
        None,
    ),
    bind(
        Normal,
        &[ch('M')],
        Action::TargetGpa,
        "ask for a target GPA: the average the courses ahead need for it",
        None,
    ),
    bind(
        Normal,
        &[ch('b')],
        Action::TogglePin,
        "pin the course to its term, so the auto-plan leaves it (again: unpin)",
        None,
    ),
    bind(
        Normal,
        &[ch('F')],
        Action::AutoPlan,
        "fill the remaining terms with the auto-plan (previewed first, to apply or discard)",
        None,
    ),
    bind(
        Normal,
        &[ch('p')],
        Action::NextPath,
        "focus the next career path (its courses light up)",
        Some("path"),
    ),
    bind(
        Normal,
        &[ch('f')],
        Action::SetFocus,
        "focus the project course on the focused path (again: no focus)",
        None,
    ),
    bind(
        Normal,
        &[ch('/')],
        Action::StartFilter,
        "filter courses by code or title",
        Some("filter"),
    ),
    bind(
        Normal,
        &[key(KeyCode::Esc)],
        Action::ClearFilter,
        "clear the filter",
        None,
    ),
    bind(
        Normal,
        &[ch('a')],
        Action::AddTerm,
        "add a term after the current one",
        None,
    ),
    bind(
        Normal,
        &[ch('r')],
        Action::RenameTerm,
        "rename the current term",
        None,
    ),
    bind(
        Normal,
        &[ch('d')],
        Action::DeleteTerm,
        "delete the current term (asks if it has courses)",
        None,
    ),
    bind(
        Normal,
        &[ch('N')],
        Action::EditStudent,
        "set the student's name",
        None,
    ),
    bind(
        Normal,
        &[ch('T')],
        Action::AddPrior,
        "record prior credit (transfer, exam); on a missing prerequisite, for that course",
        None,
    ),
    bind(
        Normal,
        &[ch('U')],
        Action::EditPrior,
        "update (edit) the highlighted prior-credit entry (Enter on it too)",
        Some("edit"),
    ),
    bind(
        Normal,
        &[key(KeyCode::Delete), ch('D')],
        Action::RemovePrior,
        "remove the highlighted prior-credit entry",
        Some("remove"),
    ),
    bind(
        Normal,
        &[ch('u')],
        Action::Undo,
        "undo the last edit",
        Some("undo"),
    ),
    bind(Normal, &[ctrl('r')], Action::Redo, "redo", None),
    bind(
        Normal,
        &[ch('s')],
        Action::Save,
        "save the plan",
        Some("save"),
    ),
    bind(
        Normal,
        &[ch('S')],
        Action::SaveAs,
        "save the plan under another file name",
        None,
    ),
    bind(
        Normal,
        &[ch('v')],
        Action::ShowNotes,
        "show the advisor's notes and the verdict",
        Some("notes"),
    ),
    bind(
        Normal,
        &[ch('?')],
        Action::Help,
        "show all keys",
        Some("help"),
    ),
    bind(
        Normal,
        &[ch('q'), ctrl('c')],
        Action::Quit,
        "quit (asks to save unsaved changes)",
        Some("quit"),
    ),
    bind(
        Typing,
        &[key(KeyCode::Enter)],
        Action::Submit,
        "accept",
        Some("accept"),
    ),
    bind(
        Typing,
        &[key(KeyCode::Esc)],
        Action::Cancel,
        "cancel (the filter: clear it)",
        Some("cancel"),
    ),
    bind(
        Typing,
        &[key(KeyCode::Backspace)],
        Action::Backspace,
        "delete a character",
        None,
    ),
    bind(
        Typing,
        &[key(KeyCode::Delete)],
        Action::Edit(InputRequest::DeleteNextChar),
        "delete the character under the cursor",
        None,
    ),
    bind(
        Typing,
        &[key(KeyCode::Left)],
        Action::Edit(InputRequest::GoToPrevChar),
        "move the cursor left",
        None,
    ),
    bind(
        Typing,
        &[key(KeyCode::Right)],
        Action::Edit(InputRequest::GoToNextChar),
        "move the cursor right",
        None,
    ),
    bind(
        Typing,
        &[ctrl_key(KeyCode::Left)],
        Action::Edit(InputRequest::GoToPrevWord),
        "move the cursor a word left",
        None,
    ),
    bind(
        Typing,
        &[ctrl_key(KeyCode::Right)],
        Action::Edit(InputRequest::GoToNextWord),
        "move the cursor a word right",
        None,
    ),
    bind(
        Typing,
        &[key(KeyCode::Home), ctrl('a')],
        Action::Edit(InputRequest::GoToStart),
        "move the cursor to the start",
        None,
    ),
    bind(
        Typing,
        &[key(KeyCode::End), ctrl('e')],
        Action::Edit(InputRequest::GoToEnd),
        "move the cursor to the end",
        None,
    ),
    bind(
        Typing,
        &[ctrl('u')],
        Action::Edit(InputRequest::DeleteFromStart),
        "delete everything before the cursor",
        Some("clear"),
    ),
    bind(
        Typing,
        &[ctrl('w')],
        Action::Edit(InputRequest::DeletePrevWord),
        "delete the word before the cursor",
        None,
    ),
    bind(
        Typing,
        &[key(KeyCode::Up)],
        Action::Up,
        "move up while filtering",
        None,
    ),
    bind(
        Typing,
        &[key(KeyCode::Down)],
        Action::Down,
        "move down while filtering",
        None,
    ),
    bind(
        Typing,
        &[key(KeyCode::Tab)],
        Action::NextFocus,
        "next field of a form",
        Some("next field"),
    ),
    bind(
        Typing,
        &[key(KeyCode::BackTab)],
        Action::PrevFocus,
        "previous field of a form",
        None,
    ),
    bind(
        Typing,
        &[ctrl('c')],
        Action::Quit,
        "quit (asks to save unsaved changes)",
        None,
    ),
    bind(
        HelpCtx,
        &[key(KeyCode::Up), ch('k')],
        Action::Up,
        "scroll up",
        None,
    ),
    bind(
        HelpCtx,
        &[key(KeyCode::Down), ch('j')],
        Action::Down,
        "scroll down",
        Some("scroll"),
    ),
    bind(
        HelpCtx,
        &[key(KeyCode::PageUp)],
        Action::PageUp,
        "scroll a page up",
        None,
    ),
    bind(
        HelpCtx,
        &[key(KeyCode::PageDown)],
        Action::PageDown,
        "scroll a page down",
        None,
    ),
    bind(
        HelpCtx,
        &[key(KeyCode::Home), ch('g')],
        Action::First,
        "scroll to the top",
        None,
    ),
    bind(
        HelpCtx,
        &[key(KeyCode::End), ch('G')],
        Action::Last,
        "scroll to the bottom",
        None,
    ),
    bind(
        HelpCtx,
        &[ch('/')],
        Action::StartFilter,
        "search the keys (Enter keeps the search, Esc clears it)",
        Some("search"),
    ),
    bind(
        HelpCtx,
        &[key(KeyCode::Esc), ch('?'), ch('q')],
        Action::Help,
        "close help; a planning key closes it and acts, any other key just closes it",
        Some("close"),
    ),
    bind(
        ConfirmQuit,
        &[ch('y'), ch('s')],
        Action::SaveAndQuit,
        "save, then go on",
        Some("save"),
    ),
    bind(
        ConfirmQuit,
        &[ch('n'), ch('d')],
        Action::Discard,
        "discard the changes and go on",
        Some("discard"),
    ),
    bind(
        ConfirmQuit,
        &[key(KeyCode::Esc), ch('c')],
        Action::Cancel,
        "keep editing",
        Some("keep editing"),
    ),
];

impl Key {
    fn matches(&self, event: &KeyEvent) -> bool {
        let mods = event.modifiers - KeyModifiers::SHIFT;
        match (self.code, event.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => {
                let b = if mods.contains(KeyModifiers::CONTROL) {
                    b.to_ascii_lowercase()
                } else {
                    b
                };
                a == b && mods == self.modifiers
            }
            (a, b) => a == b && mods == self.modifiers,
        }
    }

    /// How the key is written in help and hints, e.g. "Ctrl-r", "↑", "Enter".
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

impl Key {
    /// The key a config file names, as [`Key::label`] writes it or by an arrow's name:
    /// "s", "Ctrl-s", "Enter", "Space", "Up", "↑", "Shift-Tab".
    pub fn parse(text: &str) -> Option<Key> {
        let (ctrl, name) = match text.strip_prefix("Ctrl-") {
            Some(rest) if !rest.is_empty() => (true, rest),
            _ => (false, text),
        };
        let code = match name {
            "↑" | "Up" => KeyCode::Up,
            "↓" | "Down" => KeyCode::Down,
            "←" | "Left" => KeyCode::Left,
            "→" | "Right" => KeyCode::Right,
            "Tab" => KeyCode::Tab,
            "Shift-Tab" => KeyCode::BackTab,
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Backspace" => KeyCode::Backspace,
            "Home" => KeyCode::Home,
            "Delete" => KeyCode::Delete,
            "End" => KeyCode::End,
            "PageUp" => KeyCode::PageUp,
            "PageDown" => KeyCode::PageDown,
            "Space" => KeyCode::Char(' '),
            _ => {
                let mut chars = name.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_control() && c != ' ' => KeyCode::Char(c),
                    _ => return None,
                }
            }
        };
        Some(if ctrl { ctrl_key(code) } else { key(code) })
    }
}

impl Action {
    /// The name a config file uses for the action: its variant in kebab case ("next-term");
    /// an edit of the typed text with what it does ("edit-delete-from-start").
    pub fn name(&self) -> String {
        let debug = format!("{self:?}");
        let variant = match self {
            Action::Edit(_) => debug.replace(['(', ')'], ""),
            _ => debug.split('(').next().unwrap_or_default().to_string(),
        };
        let mut name = String::new();
        for (i, c) in variant.chars().enumerate() {
            if c.is_uppercase() && i > 0 {
                name.push('-');
            }
            name.extend(c.to_lowercase());
        }
        name
    }
}

impl Binding {
    /// All keys of the binding, e.g. "↑/k".
    pub fn keys_label(&self) -> String {
        self.keys
            .iter()
            .map(Key::label)
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// The action a key press means in `context`, if any: a key of [`Context::Anywhere`] first,
/// then the context's own. While typing, printable characters without Ctrl or Alt are text.
pub fn resolve(context: Context, event: &KeyEvent) -> Option<Action> {
    resolve_in(KEYMAP, context, event)
}

/// [`resolve`] in another keymap than the default one.
pub fn resolve_in(keymap: &[Binding], context: Context, event: &KeyEvent) -> Option<Action> {
    let binding = keymap
        .iter()
        .filter(|b| b.context == Context::Anywhere || b.context == context)
        .find(|b| b.keys.iter().any(|k| k.matches(event)));
    if let Some(b) = binding {
        return Some(b.action);
    }
    match (context, event.code) {
        (Context::Typing, KeyCode::Char(c))
            if !event
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::Input(c))
        }
        _ => None,
    }
}

/// What a paste means in `context`: its characters typed, one by one, into the prompt or
/// filter, line breaks and tabs as spaces (a prompt is one line). Anywhere else a paste is
/// ignored: pasted text is never taken for keys.
pub fn paste(context: Context, text: &str) -> Vec<Action> {
    if context != Context::Typing {
        return Vec::new();
    }
    text.replace("\r\n", "\n")
        .chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => Action::Input(' '),
            c => Action::Input(c),
        })
        .collect()
}

/// The bindings of one context, in keymap order.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| b.context == context)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn normal_keys_resolve_to_their_actions() {
        let table = [
            (KeyCode::Char('j'), KeyModifiers::NONE, Action::Down),
            (KeyCode::Down, KeyModifiers::NONE, Action::Down),
            (KeyCode::Char('l'), KeyModifiers::NONE, Action::NextTerm),
            (KeyCode::BackTab, KeyModifiers::SHIFT, Action::PrevFocus),
            (KeyCode::Char(' '), KeyModifiers::NONE, Action::Toggle),
            (KeyCode::Char('>'), KeyModifiers::SHIFT, Action::MoveLater),
            (KeyCode::Char('<'), KeyModifiers::SHIFT, Action::MoveEarlier),
            (KeyCode::Char('r'), KeyModifiers::CONTROL, Action::Redo),
            (KeyCode::Char('r'), KeyModifiers::NONE, Action::RenameTerm),
            (KeyCode::Char('N'), KeyModifiers::SHIFT, Action::EditStudent),
            (KeyCode::Char('c'), KeyModifiers::CONTROL, Action::Quit),
            (KeyCode::Char('?'), KeyModifiers::SHIFT, Action::Help),
        ];
        for (code, mods, action) in table {
            assert_eq!(
                resolve(Context::Normal, &press(code, mods)),
                Some(action),
                "{code:?} {mods:?}"
            );
        }
        assert_eq!(
            resolve(
                Context::Normal,
                &press(KeyCode::Char('z'), KeyModifiers::NONE)
            ),
            None
        );
        assert_eq!(
            resolve(
                Context::Normal,
                &press(KeyCode::Char('s'), KeyModifiers::ALT)
            ),
            None
        );
    }

    #[test]
    fn typing_turns_printable_keys_into_text() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(resolve(Context::Typing, &q), Some(Action::Input('q')));
        let enter = press(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(resolve(Context::Typing, &enter), Some(Action::Submit));
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(resolve(Context::Typing, &ctrl_c), Some(Action::Quit));
    }

    #[test]
    fn ctrl_z_suspends_in_every_context() {
        let ctrl_z = press(KeyCode::Char('z'), KeyModifiers::CONTROL);
        for context in [
            Context::Normal,
            Context::Typing,
            Context::Help,
            Context::ConfirmQuit,
            Context::Review,
            Context::Notes,
            Context::Picker,
            Context::Confirm,
            Context::Compare,
            Context::Requirements,
            Context::AutoPlan,
            Context::Exceptions,
            Context::WhatIf,
        ] {
            assert_eq!(
                resolve(context, &ctrl_z),
                Some(Action::Suspend),
                "{context:?}"
            );
        }
    }

    #[test]
    fn every_key_is_bound_once_per_context() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for b in &KEYMAP[i + 1..] {
                // A key of Anywhere would hide the same key bound anywhere else.
                if a.context == b.context
                    || a.context == Context::Anywhere
                    || b.context == Context::Anywhere
                {
                    for k in a.keys.iter() {
                        assert!(!b.keys.contains(k), "{k:?} bound twice in {:?}", a.context);
                    }
                }
            }
        }
    }
}
