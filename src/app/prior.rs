//! The prior-credit block in the planning view: the cursor going into it (left of the first
//! term) and out of it, and the keys that record, change and remove entries. The block is not
//! a term: no course moves into it, and it cannot be renamed, deleted or reordered.

use super::overlay::{Overlay, PriorForm};
use super::{App, Focus};
use crate::action::{Action, Context};
use crate::model::exceptions;
use crate::model::{Plan, ProblemKind};

impl App {
    /// Whether the cursor is in the prior-credit block.
    pub fn in_prior(&self) -> bool {
        self.cursor.prior.is_some()
    }

    /// The highlighted prior-credit entry, when the cursor is in the block.
    pub fn selected_prior(&self) -> Option<usize> {
        self.cursor.prior.filter(|&i| i < self.doc.plan.prior.len())
    }

    /// Puts the cursor on prior-credit entry `row` (none: out of the block, to the first
    /// term), with the terms focused.
    pub(super) fn show_prior(&mut self, row: Option<usize>) {
        self.cursor.focus = Focus::Terms;
        self.cursor.prior = row.filter(|_| !self.doc.plan.prior.is_empty());
        if self.cursor.prior.is_none() {
            self.cursor.term = 0;
            self.cursor.row = 0;
        }
    }

    /// The previous term; from the first term, the prior-credit block when the plan has one.
    pub(super) fn prev_term(&mut self) {
        if self.cursor.prior.is_some() {
            return;
        }
        if self.cursor.term == 0 && !self.doc.plan.prior.is_empty() {
            self.cursor.prior = Some(0);
        } else {
            self.go_to_term(self.cursor.term.saturating_sub(1));
        }
    }

    /// The next term; from the prior-credit block, the first term.
    pub(super) fn next_term(&mut self) {
        if self.cursor.prior.take().is_some() {
            self.cursor.term = 0;
            self.cursor.row = 0;
        } else {
            self.go_to_term(self.cursor.term + 1);
        }
    }

    /// What a course or term key says in the prior-credit block, which holds neither.
    pub(super) fn not_a_term(&mut self) {
        let keys = &self.keymap;
        let edit = keys.key_for(Context::Normal, Action::EditPrior);
        let remove = keys.key_for(Context::Normal, Action::RemovePrior);
        let next = keys.key_for(Context::Normal, Action::NextTerm);
        let mut text = "Prior credit is not a term".to_string();
        if let (Some(e), Some(x)) = (edit, remove) {
            text.push_str(&format!(": {e} edits the entry, {x} removes it"));
        }
        if let Some(n) = next {
            text.push_str(&format!("; {n} goes to the first term"));
        }
        self.info(text);
    }

    /// Whether prior credit may be changed here, and if not, why: the model's role rule.
    fn may_record_prior(&self) -> Result<(), String> {
        if let Some(why) = &self.access.read_only {
            return Err(format!("Read-only: {why}"));
        }
        exceptions::may_record_prior(&self.access.role).map_err(|r| capitalised(&r.to_string()))
    }

    /// Opens the form for a new entry, for the course the highlighted problem or course is
    /// missing, if any.
    pub(super) fn start_add_prior(&mut self) {
        if let Err(why) = self.may_record_prior() {
            self.error(why);
            return;
        }
        let (c, plan) = (&self.doc.curriculum, &self.doc.plan);
        let problems = crate::model::problems(c, plan);
        let course = self.missing_course(&problems).unwrap_or_default();
        if !course.is_empty() {
            self.info(format!(
                "Recording {course} as prior credit: fill in where it was earned"
            ));
        }
        self.overlay = Some(Overlay::PriorForm(Box::new(PriorForm::new(&course))));
    }

    /// Opens the form on the highlighted entry.
    pub(super) fn start_edit_prior(&mut self) {
        let Some(i) = self.selected_prior() else {
            self.outside_prior("edit");
            return;
        };
        if let Err(why) = self.may_record_prior() {
            self.error(why);
            return;
        }
        let form = PriorForm::edit(i, &self.doc.plan.prior[i]);
        self.overlay = Some(Overlay::PriorForm(Box::new(form)));
    }

    /// Removes the highlighted entry, as one undoable edit, if the role may.
    pub(super) fn remove_selected_prior(&mut self) {
        let Some(i) = self.selected_prior() else {
            self.outside_prior("remove");
            return;
        };
        if let Some(why) = &self.access.read_only {
            self.error(format!("Read-only: {why}"));
            return;
        }
        let role = self.access.role.clone();
        let what = super::overlay::prior_short(&self.doc.plan.prior[i]);
        let mut refused = None;
        self.edit(&format!("Prior credit removed: {what}"), |plan| {
            exceptions::remove_prior(plan, &role, i)
                .map_err(|r| refused = Some(r))
                .is_ok()
        });
        match refused {
            Some(why) => self.error(capitalised(&why.to_string())),
            None => {
                let left = self.doc.plan.prior.len();
                self.show_prior((left > 0).then(|| i.min(left - 1)));
            }
        }
    }

    fn outside_prior(&mut self, what: &str) {
        let key = self.keymap.key_for(Context::Normal, Action::PrevTerm);
        let text = match (self.doc.plan.prior.is_empty(), key) {
            (true, _) => {
                let add = self.keymap.key_for(Context::Normal, Action::AddPrior);
                let how = add.map_or_else(String::new, |k| format!(" ({k} records some)"));
                format!("The plan has no prior credit to {what}{how}")
            }
            (false, Some(k)) => {
                format!("Highlight a prior-credit entry to {what} it ({k} from the first term)")
            }
            (false, None) => format!("Highlight a prior-credit entry to {what} it"),
        };
        self.info(text);
    }

    /// The course that prior credit could stand for here, given the plan's `problems`: the
    /// one the highlighted problem says is missing (a prerequisite not met, a required course
    /// in no term), or the first prerequisite the highlighted course lacks.
    pub fn missing_course(&self, problems: &[crate::model::Problem]) -> Option<String> {
        let (c, plan) = (&self.doc.curriculum, &self.doc.plan);
        let missing = |kind: &ProblemKind| -> Option<String> {
            match kind {
                ProblemKind::PrerequisiteOrder { prerequisite, .. }
                | ProblemKind::PrerequisiteStatus { prerequisite, .. } => {
                    Some(prerequisite.clone())
                }
                ProblemKind::RequiredUnplanned { course } => Some(course.clone()),
                ProblemKind::RequisiteUnmet { missing, .. } => missing
                    .iter()
                    .flat_map(|m| m.split_whitespace())
                    .find(|w| c.course(w).is_some())
                    .map(str::to_string),
                _ => None,
            }
        };
        if self.cursor.focus == Focus::Problems {
            return problems
                .get(self.cursor.problem_row)
                .and_then(|p| missing(&p.kind));
        }
        let code = self.selected_code().filter(|_| !self.in_prior())?;
        let named = |p: &&crate::model::Problem| match &p.kind {
            ProblemKind::PrerequisiteOrder { course, .. }
            | ProblemKind::RequisiteUnmet { course, .. } => *course == code,
            _ => false,
        };
        if let Some(found) = problems.iter().filter(named).find_map(|p| missing(&p.kind)) {
            return Some(found);
        }
        // An unplanned course has no problems: its first prerequisite in no term and not
        // prior credit already.
        let course = c.course(&code)?;
        course
            .prerequisites
            .iter()
            .find(|pre| plan.find(pre).is_none() && !is_prior(plan, pre))
            .cloned()
    }
}

fn is_prior(plan: &Plan, code: &str) -> bool {
    plan.prior.iter().any(|e| e.course() == Some(code))
}

/// The entry a prior-credit problem is about: the one for its course; the first for the cap.
pub(super) fn problem_row(plan: &Plan, kind: &ProblemKind) -> Option<usize> {
    match kind {
        ProblemKind::PriorUnknownCourse { course }
        | ProblemKind::PriorTakenHere { course }
        | ProblemKind::PriorAlsoPlaced { course } => {
            plan.prior.iter().position(|e| e.course() == Some(course))
        }
        ProblemKind::PriorOverCap { .. } => (!plan.prior.is_empty()).then_some(0),
        _ => None,
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
