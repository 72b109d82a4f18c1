//! The planning view's commands: moving, placing and unplanning courses, statuses, grades,
//! terms, career-path targets and focuses, notes and verdicts. Keys reach here when no
//! overlay is open.

use super::overlay::{
    Ask, Exceptions, Filter, Help, Leave, Notes, Overlay, PromptKind, Purpose, Question,
    Requirements,
};
use super::{App, Effect, Focus};
use crate::action::{Action, Context, Spot};
use crate::model::review::{Decision, NoteTarget};
use crate::model::{Slot, Status};

impl App {
    pub(super) fn normal(&mut self, action: Action) -> Option<Effect> {
        self.message = None;
        // In the prior-credit block, Enter edits the entry; term and course keys say why not.
        if self.in_prior() && self.cursor.focus == Focus::Terms && is_term_edit(action) {
            if action == Action::Toggle {
                self.start_edit_prior();
            } else {
                self.not_a_term();
            }
            return None;
        }
        if let Some(effect) = self.whatif_guard(action) {
            return effect;
        }
        // Enter on a problem only goes to it, which any role may do; on the Course pane it
        // does nothing.
        let edits_nothing = action == Action::Toggle
            && matches!(self.cursor.focus, Focus::Problems | Focus::Course);
        if is_placement_edit(action)
            && !edits_nothing
            && let Err(why) = self.access.may_edit_placement()
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
            | Action::Last => self.step(action.list_step(self.page()).unwrap_or(0)),
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
            Action::PrevTerm => self.prev_term(),
            Action::NextTerm => self.next_term(),
            Action::NextFocus => self.cycle_focus(1),
            Action::PrevFocus => self.cycle_focus(-1),
            Action::Toggle => self.toggle(),
            Action::MoveEarlier => self.move_selected(-1),
            Action::MoveLater => self.move_selected(1),
            Action::CycleStatus => self.cycle_status(),
            Action::EditGrade => self.start_grade(),
            Action::EditCredits => self.start_credits(),
            Action::TargetGpa => self.ask(PromptKind::TargetGpa, ""),
            Action::TogglePin => self.toggle_pin(),
            Action::AutoPlan => self.preview_autoplan(),
            Action::NextPath => {
                // In the order the paths are drawn, then none.
                let order = self.path_order();
                let at = self.cursor.path.and_then(|p| order.iter().position(|&x| x == p));
                self.cursor.path = match at {
                    None => order.first().copied(),
                    Some(i) => order.get(i + 1).copied(),
                };
            }
            Action::SetFocus => self.set_project_focus(),
            Action::StartFilter => self.overlay = Some(Overlay::Filter(Filter)),
            Action::ClearFilter => self.refilter(String::clear),
            Action::AddTerm => {
                let input = match self.doc.plan.terms.is_empty() {
                    true => self.doc.plan.fresh_term_name(),
                    false => self.doc.plan.term_name_after(self.cursor.term),
                };
                self.ask(PromptKind::AddTerm, &input);
            }
            Action::RenameTerm => match self.doc.plan.terms.get(self.cursor.term) {
                Some(t) => {
                    let input = t.name.clone();
                    self.ask(PromptKind::RenameTerm, &input);
                }
                None => self.error("There is no term to rename".into()),
            },
            Action::DeleteTerm => self.delete_term(),
            Action::TermStatus => self.ask_term_status(),
            Action::EditStudent => {
                let input = self.doc.plan.student.clone();
                self.ask(PromptKind::Student, &input);
            }
            Action::AddPrior => self.start_add_prior(),
            Action::EditPrior => self.start_edit_prior(),
            Action::RemovePrior => self.remove_selected_prior(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Save => {
                if let Some(why) = &self.access.read_only {
                    self.error(format!("Not saved: {why}"));
                    return None;
                }
                self.doc.stamp_curriculum();
                return Some(self.save(false));
            }
            Action::Help => {
                self.overlay = Some(Overlay::Help(Help::default()));
            }
            Action::Quit => {
                if self.is_dirty() && self.access.read_only.is_none() {
                    self.overlay = Some(Overlay::Unsaved(Leave::Quit));
                } else {
                    self.should_quit = true;
                }
            }
            Action::ShowNotes => {
                if self.doc.plan.notes.is_empty() && self.doc.plan.verdict.is_none() {
                    self.info("No notes and no verdict yet".into());
                } else {
                    self.overlay = Some(Overlay::Notes(Notes { selected: 0 }));
                }
            }
            Action::NoteCourse => match self.selected_code() {
                Some(code) => self.ask_note(NoteTarget::Course(code)),
                None => self.error("Highlight a course first (in a term or the pool)".into()),
            },
            Action::NoteTerm => match self.doc.plan.terms.get(self.cursor.term) {
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
                let stem = self.doc.stem();
                self.ask(PromptKind::SaveAs, &format!("{stem} copy"));
            }
            Action::Export => return Some(self.export(false)),
            Action::ShowRequirements => {
                self.overlay = Some(Overlay::Requirements(Requirements::default()));
            }
            Action::ShowExceptions => {
                self.overlay = Some(Overlay::Exceptions(Exceptions::default()));
            }
            Action::RequestException => self.request_exception(),
            Action::WhatIf
            | Action::ApplyWhatIf
            | Action::DiscardWhatIf
            | Action::KeepWhatIf
            | Action::WhatIfCurriculum => return self.whatif_action(action),
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
            | Action::FewerCredits
            | Action::MoreCredits
            | Action::FewerTerms
            | Action::MoreTerms
            | Action::GrantException
            | Action::RefuseException
            | Action::EditReason
            | Action::RemoveException
            // The terminal edge suspends before the app sees the key.
            | Action::Suspend => {}
        }
        None
    }

    /// Goes to the list of plans, first asking what to do with unsaved changes.
    pub(super) fn go_to_plans(&mut self) -> Option<Effect> {
        if self.access.role.may_review() {
            self.error("A review is of one plan: quit and review the next one".into());
            None
        } else if self.is_dirty() && self.access.read_only.is_none() {
            self.overlay = Some(Overlay::Unsaved(Leave::ToPlans));
            None
        } else {
            Some(Effect::ListPlans(Purpose::Open))
        }
    }

    pub(super) fn toggle(&mut self) {
        match self.cursor.focus {
            Focus::Problems => self.go_to_problem(),
            // The Course pane only shows: the course is changed from its list.
            Focus::Course => {}
            Focus::Terms => {
                if let Some(slot) = self.selected_slot() {
                    let code = self
                        .doc
                        .plan
                        .placement(slot)
                        .map(|p| p.code.clone())
                        .unwrap_or_default();
                    match self.doc.plan.placement(slot) {
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
                            self.overlay =
                                Some(Overlay::Ask(Ask::new(Question::Unplan(slot), text)));
                        }
                        _ => self.unplan(slot),
                    }
                }
            }
            Focus::Pool => {
                let Some(code) = self
                    .pool_course(self.cursor.pool_row)
                    .map(|c| c.code.clone())
                else {
                    return;
                };
                let term = self.cursor.term;
                let Some(name) = self.doc.plan.terms.get(term).map(|t| t.name.clone()) else {
                    let add = self.keymap.key_for(Context::Normal, Action::AddTerm);
                    let how = add.map_or_else(String::new, |key| format!(": add one with {key}"));
                    self.error(format!("There is no term to place it in{how}"));
                    return;
                };
                let kept = self
                    .doc
                    .plan
                    .set_aside_as(&code)
                    .map(|p| format!(" (again {})", p.status.label()))
                    .unwrap_or_default();
                self.edit(&format!("Placed {code} in {name}{kept}"), |plan| {
                    plan.place_unplanned(term, &code).is_some()
                });
            }
            Focus::Paths => {
                let Some(i) = self.cursor.path else { return };
                let Some(path) = self.doc.curriculum.paths.get(i) else {
                    return;
                };
                let (id, name) = (path.id.clone(), path.name.clone());
                if self.doc.plan.target_path.as_deref() == Some(id.as_str()) {
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
    pub(super) fn unplan(&mut self, slot: Slot) {
        let code = self
            .doc
            .plan
            .placement(slot)
            .map(|p| p.code.clone())
            .unwrap_or_default();
        self.edit(&format!("Moved {code} to the unplanned pool"), |plan| {
            plan.unplan(slot).is_some()
        });
    }

    pub(super) fn move_selected(&mut self, delta: isize) {
        if self.cursor.focus != Focus::Terms {
            let tab = self.keymap.key_for(Context::Normal, Action::NextFocus);
            let how = tab.map_or_else(String::new, |k| format!(" ({k} to the terms)"));
            self.info(format!("Select a course in a term to move it{how}"));
            return;
        }
        let Some(slot) = self.selected_slot() else {
            return;
        };
        let to = slot.term as isize + delta;
        if to < 0 || to as usize >= self.doc.plan.terms.len() {
            let edge = if delta < 0 { "first" } else { "last" };
            self.info(format!("Already in the {edge} term"));
            return;
        }
        let to = to as usize;
        let code = self
            .doc
            .plan
            .placement(slot)
            .map(|p| p.code.clone())
            .unwrap_or_default();
        let name = self.doc.plan.terms[to].name.clone();
        self.edit(&format!("Moved {code} to {name}"), |plan| {
            plan.move_to(slot, to).is_some()
        });
        // Follow the course, so that pressing the key again keeps moving it.
        if let Some(new) = self.doc.plan.terms[to].courses.len().checked_sub(1) {
            self.cursor.term = to;
            self.cursor.row = self
                .visible_rows(to)
                .iter()
                .position(|&i| i == new)
                .unwrap_or(0);
        }
    }

    pub(super) fn cycle_status(&mut self) {
        let Some(slot) = self
            .selected_slot()
            .filter(|_| self.cursor.focus == Focus::Terms)
        else {
            self.info("Place the course in a term first; only placed courses have a status".into());
            return;
        };
        let Some(placement) = self.doc.plan.placement(slot) else {
            return;
        };
        let (code, next) = (placement.code.clone(), placement.status.next());
        self.edit(&format!("{code} is now {}", next.label()), |plan| {
            plan.cycle_status(slot).is_some()
        });
    }

    pub(super) fn toggle_pin(&mut self) {
        let Some(slot) = self
            .selected_slot()
            .filter(|_| self.cursor.focus == Focus::Terms)
        else {
            self.info("Place the course in a term first; only placed courses are pinned".into());
            return;
        };
        let Some(placement) = self.doc.plan.placement(slot) else {
            return;
        };
        let message = match placement.pinned {
            true => format!("{} is unpinned", placement.code),
            false => format!("{} is pinned to its term", placement.code),
        };
        self.edit(&message, |plan| plan.toggle_pin(slot).is_some());
    }

    pub(super) fn start_grade(&mut self) {
        let slot = self
            .selected_slot()
            .filter(|_| self.cursor.focus == Focus::Terms);
        match slot.and_then(|s| self.doc.plan.placement(s)) {
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

    /// Asks for the credits of the highlighted placed course, when it has a range of them.
    pub(super) fn start_credits(&mut self) {
        let slot = self
            .selected_slot()
            .filter(|_| self.cursor.focus == Focus::Terms);
        let Some(p) = slot.and_then(|s| self.doc.plan.placement(s)) else {
            return;
        };
        let Some(course) = self.doc.curriculum.course(&p.code) else {
            return;
        };
        match course.max_credits {
            Some(max) => {
                let kind = PromptKind::Credits {
                    code: course.code.clone(),
                    least: course.credits,
                    most: max,
                };
                let input = p.credits.map(|n| n.to_string()).unwrap_or_default();
                self.ask(kind, &input);
            }
            None => self.info(format!(
                "{} always gives {} credits",
                course.code, course.credits
            )),
        }
    }

    pub(super) fn delete_term(&mut self) {
        let term = self.cursor.term;
        let Some(t) = self.doc.plan.terms.get(term) else {
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
                self.overlay = Some(Overlay::Ask(Ask::new(Question::DeleteTerm(term), text)));
            }
        }
    }

    /// Asks to give every course of the current term the status after the least advanced
    /// one's: planned -> in progress -> completed -> planned.
    pub(super) fn ask_term_status(&mut self) {
        let term = self.cursor.term;
        let Some(t) = self.doc.plan.terms.get(term) else {
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
        self.overlay = Some(Overlay::Ask(Ask::new(
            Question::TermStatus { term, status },
            text,
        )));
    }

    /// Gives the highlighted project course the focused path as its focus, or takes it away
    /// when it already has that focus.
    pub(super) fn set_project_focus(&mut self) {
        let slot = self
            .selected_slot()
            .filter(|_| self.cursor.focus == Focus::Terms);
        let Some(code) = slot
            .and_then(|s| self.doc.plan.placement(s))
            .map(|p| p.code.clone())
        else {
            self.info("Highlight a project course in a term to set its focus".into());
            return;
        };
        if !self.doc.curriculum.course(&code).is_some_and(|c| c.focus) {
            self.info(format!("{code} has no chosen focus; project courses do"));
            return;
        }
        let Some(path) = self
            .cursor
            .path
            .and_then(|p| self.doc.curriculum.paths.get(p))
        else {
            let keymap = &self.keymap;
            let path = keymap.key_for(Context::Normal, Action::NextPath);
            let focus = keymap.key_for(Context::Normal, Action::SetFocus);
            let text = match (path, focus) {
                (Some(p), Some(f)) => {
                    format!("Focus a path first ({p}), then {f} gives this project that focus")
                }
                _ => "Focus a path first, then give this project that focus".to_string(),
            };
            self.info(text);
            return;
        };
        let (id, name) = (path.id.clone(), path.name.clone());
        if self.doc.plan.focus.get(&code) == Some(&id) {
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

    pub(super) fn ask_note(&mut self, target: NoteTarget) {
        match self.access.may_review() {
            Ok(()) => self.ask(PromptKind::Note(target), ""),
            Err(why) => self.error(why),
        }
    }

    /// How many errors the plan has now that no granted exception answers.
    pub(super) fn errors(&self) -> usize {
        let (c, plan) = (&self.doc.curriculum, &self.doc.plan);
        crate::model::exceptions::open_errors(c, plan, &crate::model::problems(c, plan))
    }

    pub(super) fn ask_verdict(&mut self, decision: Decision) {
        let errors = self.errors();
        match self.access.may_review() {
            Ok(()) if decision == Decision::Approved && errors > 0 => {
                let text = format!(
                    "This plan has {errors} error{}; approve anyway?",
                    if errors == 1 { "" } else { "s" }
                );
                self.overlay = Some(Overlay::Ask(Ask::new(Question::ApproveWithErrors, text)));
            }
            Ok(()) => self.ask_comment(decision),
            Err(why) => self.error(why),
        }
    }

    /// Asks for the comment of a verdict, prefilled with the comment of the same decision.
    pub(super) fn ask_comment(&mut self, decision: Decision) {
        let input = self
            .doc
            .plan
            .verdict
            .as_ref()
            .filter(|v| v.decision == decision)
            .map(|v| v.comment.clone())
            .unwrap_or_default();
        self.ask(PromptKind::Verdict(decision), &input);
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
            | Action::EditCredits
            | Action::TogglePin
            | Action::AutoPlan
            | Action::SetFocus
            | Action::AddTerm
            | Action::RenameTerm
            | Action::DeleteTerm
            | Action::TermStatus
            | Action::EditStudent
    )
}

/// Actions on a term or its courses, which the prior-credit block does not take.
fn is_term_edit(action: Action) -> bool {
    matches!(
        action,
        Action::Toggle
            | Action::MoveEarlier
            | Action::MoveLater
            | Action::CycleStatus
            | Action::EditGrade
            | Action::EditCredits
            | Action::TogglePin
            | Action::SetFocus
            | Action::AddTerm
            | Action::RenameTerm
            | Action::DeleteTerm
            | Action::TermStatus
            | Action::NoteTerm
    )
}
