//! The work the app asks for and cannot do itself: file I/O, carried out by
//! `effects::perform` (the edge that does the work), whose result comes back as a [`super::Msg`].

use std::path::PathBuf;

use super::Purpose;
use crate::model::Plan;

/// Work the caller must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save `plan` to `path`; unless `over_changes`, a file another program changed since the
    /// planner read it is not saved over (the user is asked first).
    Save {
        /// Where.
        path: PathBuf,
        /// What.
        plan: Box<Plan>,
        /// Whether the user said yes to saving over another program's changes.
        over_changes: bool,
    },
    /// Remember the reviewer's name for later reviews.
    RememberReviewer(String),
    /// List the plans, for this purpose.
    ListPlans(Purpose),
    /// Open this plan.
    OpenPlan(PathBuf),
    /// Start a plan of this name.
    NewPlan {
        /// The name the user gave.
        name: String,
        /// Whether it starts with no courses placed.
        empty: bool,
        /// The student it is for.
        student: String,
    },
    /// Read this plan to compare the open one with.
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
    /// Write the markdown report of `plan` next to `path`; over an earlier one only if
    /// `overwrite`.
    Export {
        /// Whether the user agreed to replace an earlier report.
        overwrite: bool,
        /// The plan's file.
        path: PathBuf,
        /// The plan as shown.
        plan: Box<Plan>,
        /// Whether it has unsaved changes.
        unsaved: bool,
    },
    /// Save `plan` as `typed` (a bare name in the plans folder, or a path), which becomes the
    /// open plan in place of `from`.
    SaveAs {
        /// What the user typed.
        typed: String,
        /// The plan.
        plan: Box<Plan>,
        /// The file it was open from.
        from: PathBuf,
    },
    /// Keep `plan`, which has unsaved edits, aside beside `path`, for a crash to lose nothing.
    KeepAside {
        /// The plan's file.
        path: PathBuf,
        /// The unsaved plan.
        plan: Box<Plan>,
    },
    /// Remove the unsaved edits kept aside beside this plan file.
    DropAside(PathBuf),
    /// Save the what-if `plan` as the new plan file `typed` (as [`Effect::SaveAs`] takes it);
    /// the open plan stays the open one.
    KeepWhatIf {
        /// What the user typed.
        typed: String,
        /// The what-if's plan.
        plan: Box<Plan>,
    },
    /// Read the curriculum file `typed` (`~/` is the home folder, a relative path is from the
    /// folder the planner was started in) to judge the what-if under.
    ReadCurriculum(String),
}
