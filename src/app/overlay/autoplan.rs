//! The auto-plan's preview: the proposal for the open plan, with its effect, before it
//! applies. The limits change here (a credit or a term more or less plans again); Enter
//! applies the proposal as one undoable edit, Esc discards it.

use crate::action::{Action, Context};
use crate::app::{App, Effect};
use crate::model::autoplan::{self, NoPlan, Options, Proposal};
use crate::model::diff::{self, Change};
use crate::model::whatif::{self, Standing};
use crate::model::{Curriculum, Plan, review};

use super::Overlay;

/// Terms the preview allows beyond the longer of the plan and the recommended schedule.
const EXTRA_TERMS: usize = 2;

/// The auto-plan's proposal for the open plan, as previewed.
#[derive(Debug, Clone, PartialEq)]
pub struct AutoPlan {
    /// The limits it was asked to keep.
    pub options: Options,
    /// The proposal, or why none exists within the limits.
    pub outcome: Result<Proposal, NoPlan>,
    /// How the open plan stands now.
    pub before: Standing,
    /// How the proposed plan would stand.
    pub after: Option<Standing>,
    /// What the proposal changes in the open plan.
    pub changes: Vec<Change>,
    /// The first line of the proposal shown.
    pub scroll: u16,
}

impl AutoPlan {
    /// The limits a preview of `plan` starts from: the plan's target path, the program's
    /// load limit, and `EXTRA_TERMS` terms more than the plan or the recommended schedule.
    pub fn default_options(c: &Curriculum, plan: &Plan) -> Options {
        Options {
            target: plan.target_path.clone(),
            max_credits: c.max_term_credits,
            min_credits: None,
            max_terms: Some(plan.terms.len().max(c.semesters.len()) + EXTRA_TERMS),
        }
    }

    /// Runs the auto-plan on `plan` with `options` and judges the proposal against `plan`.
    pub fn new(c: &Curriculum, plan: &Plan, options: Options) -> Self {
        let outcome = autoplan::autoplan(c, plan, &options);
        let (after, changes) = match &outcome {
            Ok(proposal) => (
                Some(whatif::standing(c, &proposal.plan)),
                diff::diff(&review::placement(plan), &review::placement(&proposal.plan)),
            ),
            Err(_) => (None, Vec::new()),
        };
        AutoPlan {
            options,
            outcome,
            before: whatif::standing(c, plan),
            after,
            changes,
            scroll: 0,
        }
    }

    /// How many courses the proposal adds to the plan and how many it moves.
    pub fn counts(&self) -> (usize, usize) {
        let added = self
            .changes
            .iter()
            .filter(|c| matches!(c, Change::Added { .. }))
            .count();
        let moved = self
            .changes
            .iter()
            .filter(|c| matches!(c, Change::Moved { .. }))
            .count();
        (added, moved)
    }

    /// The lines the proposal takes unwrapped: the legend, each term and its courses, the
    /// courses taken out under their heading; with no plan, a few.
    fn lines(&self) -> usize {
        let Ok(proposal) = &self.outcome else {
            return 1;
        };
        let removed = self
            .changes
            .iter()
            .filter(|c| matches!(c, Change::Removed { .. }))
            .count();
        let placed: usize = proposal
            .plan
            .terms
            .iter()
            .map(|t| 1 + t.courses.len())
            .sum();
        1 + placed + if removed > 0 { 1 + removed } else { 0 }
    }

    /// Scrolls, changes a limit (planning again), applies or discards.
    pub(super) fn handle(mut self, action: Action, app: &mut App) -> Option<Effect> {
        if let Some(delta) = action.list_step(app.overlay_page()) {
            // The view clamps the scroll further, to what fits.
            let at = crate::action::step_cursor(usize::from(self.scroll), self.lines(), delta);
            self.scroll = u16::try_from(at).unwrap_or(u16::MAX);
        }
        match action {
            Action::Cancel => {
                app.info("Auto-plan discarded: the plan is as it was".into());
                return None;
            }
            Action::Confirm => match &self.outcome {
                Ok(proposal) => {
                    app.apply_autoplan(proposal, self.counts());
                    return None;
                }
                Err(_) => {
                    let close = app.keymap.key_for(Context::AutoPlan, Action::Cancel);
                    let how = close.map_or_else(String::new, |k| format!(", or {k} to close"));
                    app.error(format!(
                        "No plan to apply within these limits: change them{how}"
                    ));
                }
            },
            Action::FewerCredits | Action::MoreCredits | Action::FewerTerms | Action::MoreTerms => {
                match self.limits_after(action, app.curriculum()) {
                    Ok(options) => {
                        let scroll = self.scroll;
                        self = AutoPlan::new(&app.doc.curriculum, &app.doc.plan, options);
                        self.scroll = scroll;
                        app.message = None;
                    }
                    Err(why) => app.info(why),
                }
            }
            _ => {}
        }
        app.overlay = Some(Overlay::AutoPlan(Box::new(self)));
        None
    }

    /// The options with the limit `action` changes, or why that limit cannot go further.
    fn limits_after(&self, action: Action, c: &Curriculum) -> Result<Options, String> {
        let mut options = self.options.clone();
        match action {
            Action::FewerCredits => {
                let now = options.max_credits.unwrap_or_else(|| self.heaviest_term(c));
                if now <= 1 {
                    return Err("A term must allow at least one credit".into());
                }
                options.max_credits = Some(now - 1);
            }
            Action::MoreCredits => match (options.max_credits, c.max_term_credits) {
                (None, _) => return Err("There is no credit limit a term to raise".into()),
                (Some(now), Some(limit)) if now >= limit => {
                    return Err(format!(
                        "{limit} credits a term is the program's limit: no term may carry more"
                    ));
                }
                (Some(now), _) => options.max_credits = Some(now + 1),
            },
            Action::FewerTerms => {
                let now = options.max_terms.unwrap_or(1);
                if now <= 1 {
                    return Err("The plan needs at least one term".into());
                }
                options.max_terms = Some(now - 1);
            }
            Action::MoreTerms => {
                options.max_terms = Some(options.max_terms.unwrap_or(0) + 1);
            }
            _ => {}
        }
        Ok(options)
    }

    /// The most credits a term of the proposal (or, with none, of the open plan) carries:
    /// where a lower limit starts when the program has none.
    fn heaviest_term(&self, c: &Curriculum) -> u32 {
        let plan = match &self.outcome {
            Ok(proposal) => &proposal.plan,
            Err(_) => return 1,
        };
        (0..plan.terms.len())
            .map(|t| crate::model::audit::term_credits(c, plan, t))
            .max()
            .unwrap_or(1)
    }
}

impl App {
    /// Opens the preview of the auto-plan of the open plan, at the default limits.
    pub(in crate::app) fn preview_autoplan(&mut self) {
        let options = AutoPlan::default_options(&self.doc.curriculum, &self.doc.plan);
        let preview = AutoPlan::new(&self.doc.curriculum, &self.doc.plan, options);
        self.overlay = Some(Overlay::AutoPlan(Box::new(preview)));
    }

    /// Replaces the plan with `proposal` as one undoable edit, and keeps the reason for each
    /// course it placed for the detail pane. `counts`: courses added and moved.
    fn apply_autoplan(&mut self, proposal: &Proposal, (added, moved): (usize, usize)) {
        let before = self.doc.plan.clone();
        let label = format!(
            "Applied the auto-plan: {added} course{} added, {moved} moved",
            if added == 1 { "" } else { "s" }
        );
        self.edit(&label, |plan| {
            *plan = proposal.plan.clone();
            true
        });
        if self.doc.plan == before {
            self.info("The plan is already what the auto-plan proposes: nothing changed".into());
        } else {
            self.explained.record(before, proposal);
        }
    }
}
