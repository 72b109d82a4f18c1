//! The file work the app asks for through [`Effect`]s: saving, remembering, listing,
//! opening, creating, duplicating, renaming, trashing and exporting plans. Results go back
//! into the [`App`] as messages or new state; nothing here draws.

use std::path::{Path, PathBuf};

use crate::app::Purpose;
use crate::app::{App, Effect, Message, Tone};
use crate::model::Plan;
use crate::store::disk::DiskState;
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
    /// What the plan file held when this planner last read or wrote it.
    seen: Option<DiskState>,
}

impl Session {
    /// A session for plans in `data_dir`, holding no lock yet.
    pub fn new(data_dir: Option<PathBuf>) -> Self {
        Session {
            data_dir,
            lock: None,
            recovery: None,
            seen: None,
        }
    }

    /// Keeps the recovery file in step with the app after an update: the unsaved plan while
    /// there are unsaved edits, nothing once there are none. A read-only view writes nothing.
    pub fn sync_recovery(&mut self, app: &mut App) {
        if app.access.read_only.is_some() {
            return;
        }
        if app.is_dirty() {
            if self.recovery.as_ref() == Some(&app.doc.plan) {
                return;
            }
            // Tried once per unsaved state: a failure is said once, not on every key.
            self.recovery = Some(app.doc.plan.clone());
            let kept = self.lock_creating_folder(app).and_then(|()| {
                store::recovery::write(&app.doc.path, &app.doc.plan).map_err(|e| e.to_string())
            });
            if let Err(why) = kept {
                say(
                    app,
                    Tone::Error,
                    format!("Unsaved edits cannot be kept aside ({why}); save soon"),
                );
            }
        } else if self.recovery.take().is_some() {
            store::recovery::remove(&app.doc.path);
        }
    }

    /// Makes the app's plan this session's: remembers what its file holds now (to notice
    /// another program's changes before saving over them) and locks it, dropping any lock
    /// held on a previous one; marks the app read-only when another running planner holds
    /// the lock.
    pub fn lock_plan(&mut self, app: &mut App) {
        self.seen = Some(DiskState::of(&app.doc.path));
        self.take_lock(app);
    }

    /// Locks the app's plan (see [`Session::lock_plan`]).
    fn take_lock(&mut self, app: &mut App) {
        self.lock = None;
        app.access.read_only = None;
        match lock::lock(&app.doc.path) {
            Ok(lock::Locked::Held(held)) => {
                self.lock = Some(held);
                // Holding the lock, no other save of this plan can be under way: whatever
                // temporary files are left beside it are from a crash.
                store::remove_stale_temps(&app.doc.path);
            }
            Ok(lock::Locked::Busy { pid }) => {
                let who = pid.map_or_else(String::new, |pid| format!(" (process {pid})"));
                app.access.read_only = Some(format!(
                    "another degree-planner{who} has this plan open; it is read-only here"
                ));
            }
            // A new plan whose folder does not exist yet: the first save creates the folder
            // and takes the lock (see `save`).
            Ok(lock::Locked::NotYet) => {}
            Err(e) => {
                app.access.read_only = Some(format!(
                    "the plan cannot be locked ({e}); it is read-only here so that two \
                     planners never both write it"
                ));
            }
        }
    }

    /// Takes the lock of a new plan whose folder does not exist yet, creating the folder:
    /// done at the first save or the first unsaved edit, never merely by starting. Fails
    /// (the app then read-only, or the folder impossible) with the reason.
    fn lock_creating_folder(&mut self, app: &mut App) -> Result<(), String> {
        if self.lock.is_some() {
            return Ok(());
        }
        let path = app.doc.path.clone();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                format!(
                    "{}: cannot save (creating the folder): {e}",
                    store::display_path(&path)
                )
            })?;
        }
        self.take_lock(app);
        match (&self.lock, &app.access.read_only) {
            (Some(_), _) => Ok(()),
            (None, Some(why)) => Err(why.clone()),
            (None, None) => Err("the plan could not be locked".into()),
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
        Effect::Save => save(app, session, false),
        Effect::SaveOverChanges => save(app, session, true),
        Effect::RememberReviewer(name) => {
            // A convenience: failing to remember only means asking again next time.
            if let Some(dir) = &data_dir {
                let _ = store::remember_reviewer(dir, &name);
            }
        }
        Effect::Export { overwrite } => export(app, overwrite),
        Effect::SaveAs(typed) => match library::save_as_path(
            data_dir.as_deref(),
            directories::BaseDirs::new().as_ref().map(|b| b.home_dir()),
            &typed,
        ) {
            Ok(path) => save_as(app, session, path),
            Err(why) => say(app, Tone::Error, format!("Not saved: {why}")),
        },
        Effect::DiscardRecovery => {
            store::recovery::remove(&app.doc.path);
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
        let entries = library::list(dir, &app.doc.curriculum);
        app.show_picker(Purpose::Open, entries, select);
    };
    match effect {
        Effect::ListPlans(Purpose::Trash) => {
            let entries = library::trashed(dir, &app.doc.curriculum);
            app.show_picker(Purpose::Trash, entries, None);
        }
        Effect::ListPlans(purpose) => {
            let mut entries = library::list(dir, &app.doc.curriculum);
            if purpose == Purpose::Compare {
                let open = std::fs::canonicalize(&app.doc.path).ok();
                entries.retain(|e| std::fs::canonicalize(&e.path).ok() != open);
            }
            let current = app.doc.path.clone();
            app.show_picker(purpose, entries, Some(&current));
        }
        Effect::OpenPlan(path) => match store::load_plan(&path) {
            Ok(plan) => {
                app.switch_plan(plan, path, true);
                session.lock_plan(app);
                let _ = store::remember_plan(dir, &app.doc.path);
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
                let student = app.doc.plan.student.clone();
                let mut plan = Plan::recommended(&app.doc.curriculum, &student);
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
            let is_open = from == app.doc.path;
            match library::rename(&from, &to) {
                Ok(new) => {
                    if is_open {
                        app.doc.path = new.clone();
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
        Effect::RestorePlan(path) => match library::restore(&path, dir) {
            Ok(to) => {
                relist(app, Some(&to));
                say(
                    app,
                    Tone::Info,
                    format!("Restored as {}", store::display_path(&to)),
                );
            }
            Err(e) => say(app, Tone::Error, format!("Not restored: {e}")),
        },
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
        | Effect::SaveOverChanges
        | Effect::RememberReviewer(_)
        | Effect::Export { .. }
        | Effect::ComparePlan(_)
        | Effect::SaveAs(_)
        | Effect::DiscardRecovery => {}
    }
}

/// Saves the plan and records it as the one used last. Unless `over_changes`, a file that
/// another program changed since the planner read it is not saved over: the user is asked.
pub fn save(app: &mut App, session: &mut Session, over_changes: bool) {
    if let Err(why) = session.lock_creating_folder(app) {
        say(app, Tone::Error, format!("Not saved: {why}"));
        return;
    }
    // What is not a regular file now is refused by the save itself, with its own reason.
    let now = DiskState::of(&app.doc.path);
    if let Some(seen) = &session.seen
        && !over_changes
        && *seen != now
        && now != DiskState::Other
    {
        let what = match (seen, now) {
            (DiskState::Absent, _) => "appeared",
            (_, DiskState::Absent) => "was removed by another program",
            _ => "was changed by another program",
        };
        app.ask_save_over_changes(format!("{} {what}", store::display_path(&app.doc.path)));
        return;
    }
    let result = store::save_plan_seen(&app.doc.path, &app.doc.plan).map(|seen| {
        session.seen = Some(seen);
    });
    let saved = result.is_ok();
    let then = app.finish_save(result);
    if saved {
        say_where_a_linked_plan_lives(app);
        store::recovery::remove(&app.doc.path);
        session.recovery = None;
    }
    let data_dir = session.data_dir.clone();
    let data_dir = data_dir.as_deref();
    if saved && let Some(dir) = data_dir {
        // Remembering the last plan is a convenience; a failure here must not hide the save.
        let _ = store::remember_plan(dir, &app.doc.path);
    }
    if let Some(effect) = then {
        perform(effect, app, session);
    }
}

/// After a save through a symbolic link, says where the plan really lives, so that a plan
/// kept outside the data directory is never written there silently.
fn say_where_a_linked_plan_lives(app: &mut App) {
    if let Ok(t) = store::target::inspect(&app.doc.path)
        && t.is_link
    {
        say(
            app,
            Tone::Info,
            format!(
                "Saved {}: a link, so the plan itself is {}",
                store::display_path(&app.doc.path),
                store::display_path(&t.real)
            ),
        );
    }
}

/// Saves the plan to `path`, which becomes the open plan (its lock, and the plan used last).
/// A file that exists there is not replaced: save as is for a new name.
fn save_as(app: &mut App, session: &mut Session, path: PathBuf) {
    // Anything at all there, a link to nothing or a named pipe included, is never replaced.
    if store::target::occupied(&path) {
        say(
            app,
            Tone::Error,
            format!("Not saved: {} exists already", store::display_path(&path)),
        );
        return;
    }
    match store::save_plan(&path, &app.doc.plan) {
        Ok(()) => {
            let old = std::mem::replace(&mut app.doc.path, path);
            store::recovery::remove(&old);
            session.recovery = None;
            // Save as is never on the way to another plan: nothing waits for it.
            let _ = app.finish_save(Ok(()));
            session.lock_plan(app);
            if let Some(dir) = &session.data_dir {
                let _ = store::remember_plan(dir, &app.doc.path);
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
    let target = app.doc.path.with_extension("md");
    // The report is for mailing: it names the plan by its file name, not where it is kept.
    let label = app
        .doc
        .path
        .file_name()
        .map_or_else(String::new, |n| store::display_path(Path::new(n)));
    if store::target::same_file(&target, &app.doc.path) || target == app.doc.path {
        say(
            app,
            Tone::Error,
            format!("Report not written: {label} is the plan itself"),
        );
        return;
    }
    // Only an earlier report (a regular file) is worth the question; a link or a pipe
    // there is refused by the write itself, with the reason.
    let earlier = std::fs::symlink_metadata(&target).is_ok_and(|m| m.is_file());
    if !overwrite && earlier {
        app.ask_overwrite_report(store::display_path(&target));
        return;
    }
    let text = crate::report::plan_markdown(&app.doc.curriculum, &app.doc.plan, &label);
    match store::write_sidecar(&target, &text) {
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
