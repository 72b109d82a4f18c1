//! Requesting an exception: for the highlighted problem, or the problems of the highlighted
//! course, the exceptions that would answer them ([`remedy::remedies`]). One is asked for
//! straight away; several are offered in a small list first. Then a reason is required.

use crate::action::{Action, Context};
use crate::app::{App, Effect, Focus};
use crate::model::exceptions::{self, Refusal};
use crate::model::plan::{ExceptionState, Grant};
use crate::model::{Problem, ProblemKind, remedy};

use super::exceptions::sentence;
use super::{Overlay, PromptKind};

/// The exceptions offered for a problem, with the highlighted one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remedies {
    /// What they answer, in words: the problem, or the course's problems.
    pub about: String,
    /// The exceptions offered, the obvious one first.
    pub grants: Vec<Grant>,
    /// Index into `grants`.
    pub selected: usize,
}

impl Remedies {
    /// Moves through the offers; Enter asks the reason for the highlighted one; Esc cancels.
    pub(super) fn handle(self, action: Action, app: &mut App) -> Option<Effect> {
        let mut offers = self;
        if let Some(delta) = action.list_step(app.overlay_page()) {
            offers.selected =
                crate::action::step_cursor(offers.selected, offers.grants.len(), delta);
        }
        match action {
            Action::Cancel => {}
            Action::Toggle => match offers.grants.get(offers.selected) {
                Some(grant) => app.ask(PromptKind::Reason(grant.clone()), ""),
                None => app.overlay = Some(Overlay::Remedies(offers)),
            },
            _ => app.overlay = Some(Overlay::Remedies(offers)),
        }
        None
    }
}

impl App {
    /// Starts a request for the highlighted problem, or for the problems of the highlighted
    /// course (and of its term's load), or says why there is nothing to request.
    pub(in crate::app) fn request_exception(&mut self) {
        if !self.writable() {
            return;
        }
        let (c, plan) = (&self.doc.curriculum, &self.doc.plan);
        let problems = crate::model::problems(c, plan);
        let (about, chosen): (String, Vec<&Problem>) = match self.cursor.focus {
            Focus::Problems => match problems.get(self.cursor.problem_row) {
                Some(p) => (p.message.clone(), vec![p]),
                None => {
                    self.info("There is no problem to request an exception for".into());
                    return;
                }
            },
            _ => {
                let Some(code) = self.selected_code() else {
                    self.info("Highlight a problem or a course to request an exception".into());
                    return;
                };
                let term = (self.cursor.focus == Focus::Terms).then_some(self.cursor.term);
                let about = |p: &&Problem| match &p.kind {
                    ProblemKind::RequiredUnplanned { course } => course == &code,
                    ProblemKind::OverLoad { term: t, .. } => Some(*t) == term,
                    kind => kind.placed_course() == Some(code.as_str()),
                };
                let chosen: Vec<&Problem> = problems.iter().filter(about).collect();
                if chosen.is_empty() {
                    self.info(format!("{code} has no problem to request an exception for"));
                    return;
                }
                let title = c.course(&code).map_or("", |c| c.title.as_str());
                (format!("{code} {title}"), chosen)
            }
        };
        // A problem that has an exception requested or granted already is not asked again.
        let open: Vec<&Problem> = chosen
            .into_iter()
            .filter(|p| {
                !exceptions::answer_of(c, plan, p)
                    .is_some_and(|(_, e)| !matches!(e.state, ExceptionState::Refused { .. }))
            })
            .collect();
        if open.is_empty() {
            let list = self
                .keymap
                .key_for(Context::Normal, Action::ShowExceptions)
                .map(|k| format!(" ({k} lists the exceptions)"))
                .unwrap_or_default();
            self.info(format!("An exception is requested for this already{list}"));
            return;
        }
        let mut grants: Vec<Grant> = Vec::new();
        for p in open {
            for g in remedy::remedies(c, plan, p) {
                if !grants.contains(&g) {
                    grants.push(g);
                }
            }
        }
        match grants.len() {
            0 => self.info("No exception answers this: it is for the plan to fix".into()),
            1 => {
                let grant = grants.remove(0);
                self.ask(PromptKind::Reason(grant), "");
            }
            _ => {
                self.overlay = Some(Overlay::Remedies(Remedies {
                    about,
                    grants,
                    selected: 0,
                }))
            }
        }
    }

    /// Requests `grant` with `reason`, by the student (or the reviewer, who is named), or asks
    /// again when the reason is empty.
    pub(super) fn request_with_reason(&mut self, grant: Grant, reason: &str) {
        if reason.is_empty() {
            self.error(format!("Not requested: {}", Refusal::NoReason));
            self.ask(PromptKind::Reason(grant), "");
            return;
        }
        let author = match self.access.reviewer_name() {
            name if !name.is_empty() => name,
            _ if !self.doc.plan.student.trim().is_empty() => self.doc.plan.student.clone(),
            _ => "the student".to_string(),
        };
        let today = (self.today)();
        let label = format!("Exception requested: {}", grant.describe());
        let mut refusal = None;
        self.edit(&label, |plan| {
            match exceptions::request(plan, grant, reason, &author, &today) {
                Ok(_) => true,
                Err(why) => {
                    refusal = Some(why);
                    false
                }
            }
        });
        if let Some(why) = refusal {
            self.error(sentence(&why));
        }
    }
}
