//! Prompts: one line of text typed in answer to a question (a term's name, a grade, a note,
//! a new plan's name...), and what each answer does.

use std::path::PathBuf;

use super::Overlay;
use crate::action::{Action, Context};
use crate::app::{App, Effect};
use crate::field::{Field, InputRequest};
use crate::model::plan::Grant;
use crate::model::review::{self, Decision, Note, NoteTarget};

/// What a text prompt is asking for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    /// Name of a new term, inserted after the current one.
    AddTerm,
    /// New name of the current term.
    RenameTerm,
    /// Grade of the highlighted completed course.
    Grade,
    /// The credits of the highlighted course of variable credits.
    Credits {
        /// Its code.
        code: String,
        /// The least credits it can give.
        least: u32,
        /// The most.
        most: u32,
    },
    /// A GPA to aim for, answered with what the courses ahead need for it.
    TargetGpa,
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
    /// The reason for requesting this exception.
    Reason(Grant),
    /// A new reason for the exception at `index`, which does `what`.
    EditReason {
        /// Index into the plan's exceptions.
        index: usize,
        /// What the exception does, in words.
        what: String,
    },
    /// The reviewer's reason for refusing the exception at `index` (may be empty).
    Refusal {
        /// Index into the plan's exceptions.
        index: usize,
        /// What the exception does, in words.
        what: String,
    },
    /// Where to keep the what-if as a plan of its own.
    KeepWhatIf,
    /// The curriculum file to judge the what-if under.
    WhatIfCurriculum,
}

impl PromptKind {
    /// The question shown before the input.
    pub fn question(&self) -> String {
        match self {
            PromptKind::AddTerm => "Name of the new term".into(),
            PromptKind::RenameTerm => "Rename term to".into(),
            PromptKind::Grade => "Grade: A+ … D-, F, Pass or Fail (empty clears it)".into(),
            PromptKind::Credits { code, least, most } => {
                format!("Credits for {code}: {least} to {most} (empty: {least})")
            }
            PromptKind::TargetGpa => "Target GPA (e.g. 3.5)".into(),
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
            PromptKind::Reason(grant) => format!("Why? ({}, required)", grant.describe()),
            PromptKind::EditReason { what, .. } => format!("New reason ({what})"),
            PromptKind::Refusal { what, .. } => {
                format!("Refuse {what}: a reason for the student (may be empty)")
            }
            PromptKind::KeepWhatIf => {
                "Keep the what-if as (a name in the plans folder, or a path)".into()
            }
            PromptKind::WhatIfCurriculum => {
                "What-if under the curriculum file (empty: the plan's own)".into()
            }
        }
    }
}

/// A prompt being answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What is asked.
    pub kind: PromptKind,
    /// What has been typed, with the cursor.
    pub input: Field,
}

impl Prompt {
    /// Asks `kind`, the answer prefilled with `prefill` and the cursor at its end.
    pub fn new(kind: PromptKind, prefill: &str) -> Self {
        Prompt {
            kind,
            input: Field::new(prefill),
        }
    }

    /// Edits the answer; Enter gives it, Esc withdraws the question.
    pub(super) fn handle(self, action: Action, app: &mut App) -> Option<Effect> {
        let Prompt { kind, mut input } = self;
        match action {
            Action::Input(c) => {
                if !crate::model::text::is_unsafe(c) {
                    input.edit(InputRequest::InsertChar(c));
                }
                app.overlay = Some(Overlay::Prompt(Prompt { kind, input }));
            }
            Action::Backspace => {
                input.edit(InputRequest::DeletePrevChar);
                app.overlay = Some(Overlay::Prompt(Prompt { kind, input }));
            }
            Action::Edit(request) => {
                input.edit(request);
                app.overlay = Some(Overlay::Prompt(Prompt { kind, input }));
            }
            Action::Cancel if kind == PromptKind::Reviewer => {
                let quit = app.keymap.key_for(Context::Typing, Action::Quit);
                let how = quit.map_or_else(String::new, |key| format!(" ({key} quits)"));
                app.error(format!("A review needs the reviewer's name{how}"));
                app.overlay = Some(Overlay::Prompt(Prompt { kind, input }));
            }
            Action::Cancel => {}
            Action::Submit => {
                app.overlay = None;
                return answer(app, kind, input.value().trim());
            }
            Action::Quit => {
                app.overlay = None;
                return app.normal(Action::Quit);
            }
            _ => app.overlay = Some(Overlay::Prompt(Prompt { kind, input })),
        }
        None
    }
}

/// Does what the answer `input` to `kind` asks for, or says why not (asking again where a
/// retyped answer can fix it).
fn answer(app: &mut App, kind: PromptKind, input: &str) -> Option<Effect> {
    match kind {
        PromptKind::Reviewer if input.is_empty() => {
            app.error("A review needs the reviewer's name".into());
            app.ask(kind, "");
        }
        PromptKind::Reviewer => {
            app.start_review(Some(input.to_string()));
            return Some(Effect::RememberReviewer(input.to_string()));
        }
        PromptKind::NewPlan { empty } => {
            return Some(Effect::NewPlan {
                name: input.to_string(),
                empty,
                student: app.doc.plan.student.clone(),
            });
        }
        PromptKind::RenamePlan(from) => {
            return Some(Effect::RenamePlan {
                from,
                to: input.to_string(),
            });
        }
        PromptKind::SaveAs if input.is_empty() => app.error("Not saved: no file name".into()),
        PromptKind::SaveAs => {
            app.doc.stamp_curriculum();
            return Some(Effect::SaveAs {
                typed: input.to_string(),
                plan: Box::new(app.doc.plan.clone()),
                from: app.doc.path.clone(),
            });
        }
        PromptKind::KeepWhatIf => return app.keep_whatif(input),
        PromptKind::WhatIfCurriculum => return app.choose_whatif_curriculum(input),
        PromptKind::Note(_) if input.is_empty() => app.error("An empty note was not added".into()),
        PromptKind::Note(on) => {
            let note = Note {
                on,
                text: input.to_string(),
                author: app.access.reviewer_name(),
                date: (app.today)(),
                addressed: false,
            };
            app.edit("Note added", |plan| {
                plan.notes.push(note);
                true
            });
        }
        PromptKind::Verdict(decision) => {
            let errors = match decision {
                Decision::Approved => app.errors() as u32,
                Decision::ChangesRequested => 0,
            };
            let verdict = review::verdict_for(
                &app.doc.plan,
                decision,
                &app.access.reviewer_name(),
                &(app.today)(),
                input,
            )
            .with_errors(errors);
            let label = format!("Verdict: {}", decision.label());
            app.edit(&label, |plan| {
                plan.verdict = Some(verdict);
                true
            });
        }
        PromptKind::AddTerm | PromptKind::RenameTerm if input.is_empty() => {
            app.error("A term needs a name".into());
        }
        PromptKind::AddTerm | PromptKind::RenameTerm
            if app.doc.plan.has_term_named(
                input,
                (kind == PromptKind::RenameTerm).then_some(app.cursor.term),
            ) =>
        {
            app.error(format!(
                "There is a term called {input} already: choose another name"
            ));
            app.ask(kind, input);
        }
        PromptKind::AddTerm => {
            let at = if app.doc.plan.terms.is_empty() {
                0
            } else {
                app.cursor.term + 1
            };
            let label = format!("Added term {input}");
            app.edit(&label, |plan| {
                plan.add_term(at, input);
                true
            });
            app.cursor.term = at;
            app.cursor.row = 0;
        }
        PromptKind::RenameTerm => {
            let term = app.cursor.term;
            let label = format!("Renamed term to {input}");
            app.edit(&label, |plan| plan.rename_term(term, input));
        }
        PromptKind::Grade if !input.is_empty() && crate::model::grade::parse(input).is_none() => {
            app.error(format!(
                "{input} is not a grade: {}",
                crate::model::grade::describe()
            ));
            app.ask(kind, input);
        }
        PromptKind::Grade => {
            if let Some(slot) = app.selected_slot() {
                let grade = crate::model::grade::parse(input).map(str::to_string);
                let label = match &grade {
                    Some(g) => format!("Grade set to {g}"),
                    None => "Grade cleared".to_string(),
                };
                app.edit(&label, |plan| plan.set_grade(slot, grade));
            }
        }
        PromptKind::Credits {
            ref code,
            least,
            most,
        } => {
            let chosen = match input.trim() {
                "" => Ok(None),
                text => match text.parse::<u32>() {
                    Ok(n) if (least..=most).contains(&n) => Ok(Some(n)),
                    _ => Err(()),
                },
            };
            match (chosen, app.selected_slot()) {
                (Err(()), _) => {
                    app.error(format!(
                        "{input} is not a number of credits from {least} to {most}"
                    ));
                    app.ask(kind.clone(), input);
                }
                (Ok(credits), Some(slot)) => {
                    let label = format!("{code} gives {} credits", credits.unwrap_or(least));
                    app.edit(&label, |plan| plan.set_credits(slot, credits));
                }
                (Ok(_), None) => {}
            }
        }
        PromptKind::Reason(grant) => app.request_with_reason(grant, input),
        PromptKind::EditReason { index, what } => app.change_reason(index, what, input),
        PromptKind::Refusal { index, .. } => app.decide_exception(index, false, input),
        PromptKind::TargetGpa => match crate::model::gpa_target::parse_target(input) {
            Ok(target) => {
                let needed =
                    crate::model::gpa_target::needed(&app.doc.curriculum, &app.doc.plan, target);
                app.info(needed.sentence(target));
            }
            Err(why) => {
                app.error(why);
                app.ask(kind, input);
            }
        },
        PromptKind::Student => {
            let label = format!("Student set to {input}");
            app.edit(&label, |plan| {
                plan.student = input.to_string();
                true
            });
        }
    }
    None
}
