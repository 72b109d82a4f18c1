//! The file work the app asks for through [`Effect`]s: saving, remembering, listing,
//! opening, creating, duplicating, renaming, trashing and exporting plans. Results go back
//! into the [`App`] as messages or new state; nothing here draws.

use std::path::{Path, PathBuf};

use crate::app::{App, Effect, Message, Tone};
use crate::model::Plan;
use crate::picker::Purpose;
use crate::store::{self, library, lock};

/// What the effects need beyond the app: where plans live, and the open plan's lock.
#[derive(Debug, Default)]
pub struct Session {
    /// The data directory, if one could be found.
    pub data_dir: Option<PathBuf>,
    /// The lock on the open plan, while this process holds it.
    pub lock: Option<lock::PlanLock>,
    /// The unsaved plan last written to the recovery file.
    recovery: Option<Plan>,
}

impl Session {
    /// A session for plans in `data_dir`, holding no lock yet.
    pub fn new(data_dir: Option<PathBuf>) -> Self {
        Session {
            data_dir,
            lock: None,
            recovery: None,
        }
    }

    /// Keeps the recovery file in step with the app after an update: the unsaved plan while
    /// there are unsaved edits, nothing once there are none. A read-only view writes nothing.
    pub fn sync_recovery(&mut self, app: &mut App) {
        if app.read_only.is_some() || self.lock.is_none() {
            return;
        }
        if app.is_dirty() {
            if self.recovery.as_ref() != Some(&app.plan) {
                if let Err(e) = store::recovery::write(&app.plan_path, &app.plan) {
                    say(
                        app,
                        Tone::Error,
                        format!("Unsaved edits cannot be kept aside ({e}); save soon"),
                    );
                }
                self.recovery = Some(app.plan.clone());
            }
        } else if self.recovery.take().is_some() {
            store::recovery::remove(&app.plan_path);
        }
    }

    /// Locks the app's plan, dropping any lock held on a previous one; marks the app
    /// read-only when another running planner holds the lock.
    pub fn lock_plan(&mut self, app: &mut App) {
        self.lock = None;
        app.read_only = None;
        match lock::lock(&app.plan_path) {
            Ok(lock::Locked::Held(held)) => {
                self.lock = Some(held);
                // Holding the lock, no other save of this plan can be under way: whatever
                // temporary files are left beside it are from a crash.
                store::remove_stale_temps(&app.plan_path);
            }
            Ok(lock::Locked::Busy { pid }) => {
                app.read_only = Some(format!(
                    "another degree-planner (process {pid}) has this plan open; it is read-only here"
                ));
            }
            Err(e) => {
                app.message = Some(Message {
                    tone: Tone::Error,
                    text: format!("Could not lock the plan ({e}); saving may fail"),
                });
            }
        }
    }
}

fn say(app: &mut App, tone: Tone, text: String) {
    app.message = Some(Message { tone, text });
}

/// Performs one effect.
pub fn perform(effect: Effect, app: &mut App, session: &mut Session) {
    let data_dir = session.data_dir.clone();
    match effect {
        Effect::Save => save(app, session),
        Effect::RememberReviewer(name) => {
            // A convenience: failing to remember only means asking again next time.
            if let Some(dir) = &data_dir {
                let _ = store::remember_reviewer(dir, &name);
            }
        }
        Effect::Export { overwrite } => export(app, overwrite),
        Effect::SaveAs(typed) => match library::save_as_path(data_dir.as_deref(), &typed) {
            Ok(path) => save_as(app, session, path),
            Err(why) => say(app, Tone::Error, format!("Not saved: {why}")),
        },
        Effect::DiscardRecovery => {
            store::recovery::remove(&app.plan_path);
            session.recovery = None;
        }
        Effect::ComparePlan(path) => match store::load_plan(&path) {
            Ok(other) => app.show_compare(other, store::display_path(&path)),
            Err(e) => say(app, Tone::Error, format!("Cannot compare: {e}")),
        },
        effect => {
            let Some(dir) = data_dir else {
                say(
                    app,
                    Tone::Error,
                    "There is no data directory: pass --data-dir DIR".into(),
                );
                return;
            };
            library_effect(effect, app, session, &dir);
        }
    }
}

/// Effects on the plans in the data directory.
fn library_effect(effect: Effect, app: &mut App, session: &mut Session, dir: &Path) {
    let relist = |app: &mut App, select: Option<&Path>| {
        let entries = library::list(dir, &app.curriculum);
        app.show_picker(Purpose::Open, entries, select);
    };
    match effect {
        Effect::ListPlans(purpose) => {
            let mut entries = library::list(dir, &app.curriculum);
            if purpose == Purpose::Compare {
                let open = std::fs::canonicalize(&app.plan_path).ok();
                entries.retain(|e| std::fs::canonicalize(&e.path).ok() != open);
            }
            let current = app.plan_path.clone();
            app.show_picker(purpose, entries, Some(&current));
        }
        Effect::OpenPlan(path) => match store::load_plan(&path) {
            Ok(plan) => {
                app.switch_plan(plan, path, true);
                session.lock_plan(app);
                let _ = store::remember_plan(dir, &app.plan_path);
            }
            Err(e) => say(app, Tone::Error, format!("Cannot open: {e}")),
        },
        Effect::NewPlan { name, empty } => match library::path_for(dir, &name) {
            Ok(path) if path.exists() => {
                say(
                    app,
                    Tone::Error,
                    format!("A plan called {name} exists already"),
                );
            }
            Ok(path) => {
                let student = app.plan.student.clone();
                let mut plan = Plan::recommended(&app.curriculum, &student);
                if empty {
                    plan.terms.iter_mut().for_each(|t| t.courses.clear());
                }
                app.switch_plan(plan, path, false);
                session.lock_plan(app);
            }
            Err(why) => say(app, Tone::Error, why),
        },
        Effect::DuplicatePlan(path) => match library::duplicate(&path) {
            Ok(copy) => {
                relist(app, Some(&copy));
                say(
                    app,
                    Tone::Info,
                    format!("Copied to {}", store::display_path(&copy)),
                );
            }
            Err(e) => say(app, Tone::Error, format!("Not copied: {e}")),
        },
        Effect::RenamePlan { from, to } => {
            let is_open = from == app.plan_path;
            match library::rename(&from, &to) {
                Ok(new) => {
                    if is_open {
                        app.plan_path = new.clone();
                        session.lock_plan(app);
                        let _ = store::remember_plan(dir, &new);
                    }
                    relist(app, Some(&new));
                    say(
                        app,
                        Tone::Info,
                        format!("Renamed to {}", store::display_path(&new)),
                    );
                }
                Err(e) => {
                    relist(app, Some(&from));
                    say(app, Tone::Error, format!("Not renamed: {e}"));
                }
            }
        }
        Effect::TrashPlan(path) => match library::trash(&path, dir) {
            Ok(to) => {
                relist(app, None);
                say(
                    app,
                    Tone::Info,
                    format!("Moved to the trash: {}", store::display_path(&to)),
                );
            }
            Err(e) => say(app, Tone::Error, format!("Not deleted: {e}")),
        },
        Effect::Save
        | Effect::RememberReviewer(_)
        | Effect::Export { .. }
        | Effect::ComparePlan(_)
        | Effect::SaveAs(_)
        | Effect::DiscardRecovery => {}
    }
}

/// Saves the plan and records it as the one used last.
pub fn save(app: &mut App, session: &mut Session) {
    let result = store::save_plan(&app.plan_path, &app.plan);
    let saved = result.is_ok();
    let then = app.finish_save(result);
    if saved {
        store::recovery::remove(&app.plan_path);
        session.recovery = None;
    }
    let data_dir = session.data_dir.clone();
    let data_dir = data_dir.as_deref();
    if saved && let Some(dir) = data_dir {
        // Remembering the last plan is a convenience; a failure here must not hide the save.
        let _ = store::remember_plan(dir, &app.plan_path);
    }
    if let Some(effect) = then {
        perform(effect, app, session);
    }
}

/// Saves the plan to `path`, which becomes the open plan (its lock, and the plan used last).
/// A file that exists there is not replaced: save as is for a new name.
fn save_as(app: &mut App, session: &mut Session, path: PathBuf) {
    if path.exists() {
        say(
            app,
            Tone::Error,
            format!("Not saved: {} exists already", store::display_path(&path)),
        );
        return;
    }
    match store::save_plan(&path, &app.plan) {
        Ok(()) => {
            let old = std::mem::replace(&mut app.plan_path, path);
            store::recovery::remove(&old);
            session.recovery = None;
            // Save as is never on the way to another plan: nothing waits for it.
            let _ = app.finish_save(Ok(()));
            session.lock_plan(app);
            if let Some(dir) = &session.data_dir {
                let _ = store::remember_plan(dir, &app.plan_path);
            }
        }
        Err(e) => {
            let _ = app.finish_save(Err(e));
        }
    }
}

/// Writes the markdown report of the plan, as it is now, next to the plan file; asks first
/// when a report is there already, unless `overwrite`.
fn export(app: &mut App, overwrite: bool) {
    let target = app.plan_path.with_extension("md");
    if !overwrite && target.exists() {
        app.ask_overwrite_report(store::display_path(&target));
        return;
    }
    // The report is for mailing: it names the plan by its file name, not where it is kept.
    let label = app
        .plan_path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let text = crate::report::plan_markdown(&app.curriculum, &app.plan, &label);
    match store::write_atomic(&target, &text) {
        Ok(()) => {
            let unsaved = if app.is_dirty() {
                " (of the plan as shown, not yet saved)"
            } else {
                ""
            };
            say(
                app,
                Tone::Info,
                format!(
                    "Report written to {}{unsaved}",
                    store::display_path(&target)
                ),
            );
        }
        Err(e) => say(app, Tone::Error, format!("Report not written: {e}")),
    }
}
