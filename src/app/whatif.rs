//! What-if: the plan is set aside and every ordinary edit (moving, statuses, placing, the
//! target path, a stream) goes to a scratch copy, judged under the plan's curriculum or
//! another curriculum file, while the screen shows the deltas from the real plan.
//!
//! Leaving it: apply puts the scratch plan into the real one as one undoable edit; discard
//! drops it; keep saves it as a plan file of its own and stays in the what-if. Saving,
//! exporting and opening another plan are refused while a what-if is open, so the scratch
//! copy never lands in the real plan's file by accident.

use std::path::PathBuf;

use super::document::Document;
use super::overlay::{Ask, Overlay, PromptKind, Question};
use super::{App, Effect};
use crate::action::{Action, Context};
use crate::model::whatif::{self, Standing};
use crate::model::{Curriculum, Plan, gpa};

/// How a plan stands: the figures the delta bar compares.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    /// Credits, problems, readiness and the earliest finish.
    pub standing: Standing,
    /// The cumulative GPA; `None` when no course has a grade.
    pub gpa: Option<f64>,
}

impl Figures {
    /// How `plan` stands under `c`.
    pub fn of(c: &Curriculum, plan: &Plan) -> Self {
        Figures {
            standing: whatif::standing(c, plan),
            gpa: gpa::gpa(c, plan).cumulative,
        }
    }
}

/// An open what-if: the real document set aside, and how it stands. How the scratch plan
/// stands is the screen's to compute, from the figures it derives every frame anyway.
#[derive(Debug, Clone)]
pub struct WhatIf {
    /// The real plan, its program, file and history, untouched until the what-if is applied.
    real: Document,
    /// How the real plan stands: computed once, as it cannot change during the what-if.
    before: Figures,
    /// The other curriculum file the what-if is judged under, as typed; `None`: the plan's.
    curriculum_file: Option<String>,
    /// The scratch plan as last kept as a plan file, and where.
    kept: Option<(Plan, PathBuf)>,
}

impl WhatIf {
    /// How the real plan stands.
    pub fn before(&self) -> &Figures {
        &self.before
    }

    /// The real plan, set aside.
    pub fn real_plan(&self) -> &Plan {
        &self.real.plan
    }

    /// The program the real plan is judged under.
    pub fn real_curriculum(&self) -> &Curriculum {
        &self.real.curriculum
    }

    /// The other curriculum file the what-if is judged under; `None` when it is the plan's.
    pub fn curriculum_file(&self) -> Option<&str> {
        self.curriculum_file.as_deref()
    }

    /// Where the what-if was last kept as a plan file, if it was.
    pub fn kept_at(&self) -> Option<&std::path::Path> {
        self.kept.as_ref().map(|(_, path)| path.as_path())
    }
}

impl App {
    /// The open what-if, if any.
    pub fn whatif(&self) -> Option<&WhatIf> {
        self.whatif.as_deref()
    }

    /// The real document: set aside during a what-if, the open one otherwise.
    pub(super) fn real_doc(&self) -> &Document {
        self.whatif.as_ref().map_or(&self.doc, |w| &w.real)
    }

    /// Starts a what-if on a scratch copy of the plan.
    pub(super) fn start_whatif(&mut self) {
        if self.whatif.is_some() {
            return;
        }
        if let Err(why) = self.access.may_edit_placement() {
            self.error(why);
            return;
        }
        let scratch = Document::new(
            self.doc.curriculum.clone(),
            self.doc.plan.clone(),
            self.doc.path.clone(),
            self.doc.on_disk,
        );
        let real = std::mem::replace(&mut self.doc, scratch);
        let before = Figures::of(&real.curriculum, &real.plan);
        self.whatif = Some(Box::new(WhatIf {
            before,
            real,
            curriculum_file: None,
            kept: None,
        }));
        let keys = |action| self.keymap.key_for(Context::WhatIf, action);
        let mut text = "What-if: edits go to a scratch copy; the plan is set aside".to_string();
        for (action, what) in [
            (Action::ApplyWhatIf, "applies"),
            (Action::DiscardWhatIf, "discards"),
            (Action::KeepWhatIf, "keeps it as a plan"),
        ] {
            if let Some(key) = keys(action) {
                text.push_str(&format!("; {key} {what}"));
            }
        }
        self.info(text);
    }

    /// What the planning keys do differently while a what-if is open: nothing saves, exports
    /// or leaves the plan, and quitting asks when the what-if would be lost. `None`: the key
    /// acts as usual.
    pub(super) fn whatif_guard(&mut self, action: Action) -> Option<Option<Effect>> {
        self.whatif.as_ref()?;
        let refused = match action {
            Action::Save | Action::SaveAs => "saving",
            Action::Export => "a report",
            Action::OpenPicker | Action::NewPlan => "another plan",
            Action::Quit if self.whatif_would_lose() => {
                let text = format!(
                    "The what-if has changes that are neither applied nor kept: quit and lose them?{}",
                    self.keep_hint()
                );
                self.overlay = Some(Overlay::Ask(Ask::new(Question::QuitWhatIf, text)));
                return Some(None);
            }
            Action::Quit => {
                self.leave_whatif();
                return Some(self.normal(Action::Quit));
            }
            _ => return None,
        };
        let keys = |action| self.keymap.key_for(Context::WhatIf, action);
        let mut how: Vec<String> = Vec::new();
        for (action, what) in [
            (Action::KeepWhatIf, "keeps it as a plan of its own"),
            (Action::ApplyWhatIf, "applies it to the plan"),
            (Action::DiscardWhatIf, "discards it"),
        ] {
            if let Some(key) = keys(action) {
                how.push(format!("{key} {what}"));
            }
        }
        self.error(format!(
            "No {refused} during a what-if, so the scratch copy never replaces the plan: {}",
            how.join(", ")
        ));
        Some(None)
    }

    /// The what-if's own keys.
    pub(super) fn whatif_action(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::WhatIf => self.start_whatif(),
            Action::ApplyWhatIf => self.apply_whatif(),
            Action::DiscardWhatIf => self.discard_whatif(),
            Action::KeepWhatIf => {
                let stem = self.doc.stem();
                self.ask(PromptKind::KeepWhatIf, &format!("{stem} what-if"));
            }
            Action::WhatIfCurriculum => {
                let typed = self
                    .whatif()
                    .and_then(WhatIf::curriculum_file)
                    .unwrap_or_default()
                    .to_string();
                self.ask(PromptKind::WhatIfCurriculum, &typed);
            }
            _ => {}
        }
        None
    }

    /// Puts the what-if into the plan as one undoable edit, and leaves it.
    fn apply_whatif(&mut self) {
        let Some(w) = self.whatif() else { return };
        if let Some(file) = w.curriculum_file() {
            let back = self
                .keymap
                .key_for(Context::WhatIf, Action::WhatIfCurriculum)
                .map(|key| format!(", or {key} with an empty answer goes back to it"))
                .unwrap_or_default();
            self.error(format!(
                "Not applied: the what-if is judged under {file}, and the plan stays with its own program{}{back}",
                self.keep_hint()
            ));
            return;
        }
        if let Err(why) = self.access.may_edit_placement() {
            self.error(why);
            return;
        }
        let scratch = self.leave_whatif();
        if scratch == self.doc.plan {
            self.info("The what-if changed nothing: the plan is as it was".into());
            return;
        }
        self.edit("Applied the what-if", |plan| {
            *plan = scratch;
            true
        });
    }

    /// Clears the filter if there is one; else leaves the what-if, asking first when its
    /// changes would be lost.
    fn discard_whatif(&mut self) {
        if !self.cursor.filter.is_empty() {
            self.refilter(String::clear);
        } else if self.whatif_would_lose() {
            let text = format!(
                "Discard the what-if? Its changes are neither applied nor kept{}",
                self.keep_hint()
            );
            self.overlay = Some(Overlay::Ask(Ask::new(Question::DiscardWhatIf, text)));
        } else {
            self.leave_whatif();
            self.info("Left the what-if: the plan is as it was".into());
        }
    }

    /// " (K keeps it as a plan)", or nothing when keeping is unbound.
    fn keep_hint(&self) -> String {
        self.keymap
            .key_for(Context::WhatIf, Action::KeepWhatIf)
            .map(|key| format!(" ({key} keeps it as a plan)"))
            .unwrap_or_default()
    }

    /// Whether leaving now would lose changes: the what-if differs from the plan and from
    /// what was last kept of it.
    fn whatif_would_lose(&self) -> bool {
        let Some(w) = self.whatif() else {
            return false;
        };
        // Judged under another program, the scratch plan is stamped with it: that alone is
        // no change to lose.
        let mut scratch = self.doc.plan.clone();
        scratch.curriculum = w.real.plan.curriculum.clone();
        let stamped = whatif::made_for(&self.doc.curriculum, &self.doc.plan);
        scratch != w.real.plan && w.kept.as_ref().is_none_or(|(kept, _)| *kept != stamped)
    }

    /// Leaves the what-if: the real document is back. Returns the scratch plan.
    pub(super) fn leave_whatif(&mut self) -> Plan {
        match self.whatif.take() {
            Some(w) => std::mem::replace(&mut self.doc, w.real).plan,
            None => self.doc.plan.clone(),
        }
    }

    /// Keeping the what-if as the plan file `typed` (a name in the plans folder, or a path,
    /// as save-as takes it), stamped with the curriculum it is judged under.
    pub(super) fn keep_whatif(&mut self, typed: &str) -> Option<Effect> {
        if typed.is_empty() {
            self.error("Not kept: no file name".into());
            return None;
        }
        Some(Effect::KeepWhatIf {
            typed: typed.to_string(),
            plan: Box::new(whatif::made_for(&self.doc.curriculum, &self.doc.plan)),
        })
    }

    /// The what-if was kept as `plan` at `path`.
    pub(super) fn kept_whatif(&mut self, plan: Plan, path: PathBuf) {
        let Some(w) = self.whatif.as_deref_mut() else {
            return;
        };
        let shown = crate::store::display_path(&path);
        w.kept = Some((plan, path));
        let compare = self
            .keymap
            .key_for(Context::Normal, Action::Compare)
            .map(|key| format!("; back in the plan, {key} compares it with this one"))
            .unwrap_or_default();
        self.info(format!(
            "Kept the what-if as {shown}; the plan is unchanged{compare}"
        ));
    }

    /// Reading the curriculum file `typed` to judge the what-if under; an empty answer goes
    /// back to the plan's own curriculum.
    pub(super) fn choose_whatif_curriculum(&mut self, typed: &str) -> Option<Effect> {
        let w = self.whatif.as_deref_mut()?;
        if !typed.is_empty() {
            return Some(Effect::ReadCurriculum(typed.to_string()));
        }
        if w.curriculum_file.take().is_some() {
            let (c, made_for) = (w.real.curriculum.clone(), w.real.plan.curriculum.clone());
            self.doc.switch_curriculum(c, made_for);
            self.info("The what-if is judged under the plan's own curriculum again".into());
        }
        None
    }

    /// Judges the what-if under `curriculum`, read from `typed` with `warnings` warnings; the
    /// plan's courses are mapped by code, and those it does not know are listed.
    pub(super) fn whatif_under(&mut self, curriculum: Curriculum, typed: String, warnings: usize) {
        if self.whatif.is_none() {
            return;
        }
        let made_for = whatif::made_for(&curriculum, &self.doc.plan).curriculum;
        let name = curriculum.name.clone();
        self.doc.switch_curriculum(curriculum, made_for);
        let Some(w) = self.whatif.as_deref_mut() else {
            return;
        };
        w.curriculum_file = Some(typed.clone());
        let unknown = whatif::unknown(&self.doc.curriculum, &self.doc.plan);
        let unknown = match unknown.len() {
            0 => "every course of the plan is in it".to_string(),
            n => format!(
                "{n} course{} of the plan {} not in it: {}",
                if n == 1 { "" } else { "s" },
                if n == 1 { "is" } else { "are" },
                unknown.join(", ")
            ),
        };
        let warned = match warnings {
            0 => String::new(),
            n => format!(
                " ({n} warning{} about the file: degree-planner curriculum {typed} lists them)",
                if n == 1 { "" } else { "s" }
            ),
        };
        self.info(format!(
            "What-if under {typed} \"{name}\": {unknown}{warned}"
        ));
    }
}
