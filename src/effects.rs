//! The file work the app asks for through [`Effect`]s: saving, keeping unsaved edits aside,
//! remembering, listing, opening, creating, duplicating, renaming, trashing and exporting
//! plans. [`perform`] never touches the [`App`]: what happened goes back as a [`Msg`] for
//! [`App::update`]; [`dispatch`] runs the two in turn. Nothing here draws.

use std::path::{Path, PathBuf};

use crate::app::{App, Effect, Message, Msg, Purpose, Tone};
use crate::model::{Curriculum, Plan};
use crate::store::disk::DiskState;
use crate::store::{self, library, lock};

/// What the effects need beyond what they carry: the program, where plans live, and the open
/// plan's lock.
#[derive(Debug)]
pub struct Session {
    /// The program the plans are made for.
    curriculum: Curriculum,
    /// The data directory, if one could be found.
    data_dir: Option<PathBuf>,
    /// The open plan's file.
    open: PathBuf,
    /// The lock on the open plan, while this process holds it.
    lock: Option<lock::PlanLock>,
    /// What the plan file held when this planner last read or wrote it.
    seen: Option<DiskState>,
}

impl Session {
    /// A session on the plan at `open`, for `curriculum`, with plans in `data_dir`; holding
    /// no lock yet (see [`Session::lock_plan`]).
    pub fn new(curriculum: Curriculum, data_dir: Option<PathBuf>, open: PathBuf) -> Self {
        Session {
            curriculum,
            data_dir,
            open,
            lock: None,
            seen: None,
        }
    }

    /// Whether this session holds the open plan's lock.
    pub fn holds_lock(&self) -> bool {
        self.lock.is_some()
    }

    /// Makes the plan at `path` this session's: remembers what its file holds now (to notice
    /// another program's changes before saving over them) and locks it, dropping any lock
    /// held on a previous one. Returns why the plan is read-only here, if it is: another
    /// running planner holds the lock, or it cannot be locked.
    pub fn lock_plan(&mut self, path: &Path) -> Option<String> {
        self.open = path.to_path_buf();
        self.seen = Some(DiskState::of(path));
        self.take_lock()
    }

    /// Locks the open plan (see [`Session::lock_plan`]).
    fn take_lock(&mut self) -> Option<String> {
        self.lock = None;
        match lock::lock(&self.open) {
            Ok(lock::Locked::Held(held)) => {
                self.lock = Some(held);
                // Holding the lock, no other save of this plan can be under way: whatever
                // temporary files are left beside it are from a crash.
                store::remove_stale_temps(&self.open);
                None
            }
            Ok(lock::Locked::Busy { pid }) => {
                let who = pid.map_or_else(String::new, |pid| format!(" (process {pid})"));
                Some(format!(
                    "another degree-planner{who} has this plan open; it is read-only here"
                ))
            }
            // A new plan whose folder does not exist yet: the first save creates the folder
            // and takes the lock (see `save`).
            Ok(lock::Locked::NotYet) => None,
            Err(e) => Some(format!(
                "the plan cannot be locked ({e}); it is read-only here so that two \
                 planners never both write it"
            )),
        }
    }

    /// Takes the lock of a new plan whose folder does not exist yet, creating the folder:
    /// done at the first save or the first unsaved edit, never merely by starting. On
    /// failure, says why, with the lock state to report when the lock was tried.
    fn lock_creating_folder(&mut self) -> Result<(), (Option<Msg>, String)> {
        if self.lock.is_some() {
            return Ok(());
        }
        let path = self.open.clone();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                let why = format!(
                    "{}: cannot save (creating the folder): {e}",
                    store::display_path(&path)
                );
                (None, why)
            })?;
        }
        let read_only = self.take_lock();
        match (&self.lock, read_only) {
            (Some(_), _) => Ok(()),
            (None, Some(why)) => Err((Some(Msg::Locked(Some(why.clone()))), why)),
            (None, None) => Err((
                Some(Msg::Locked(None)),
                "the plan could not be locked".into(),
            )),
        }
    }
}

fn said(tone: Tone, text: String) -> Msg {
    Msg::Said(Message { tone, text })
}

fn info(text: String) -> Msg {
    said(Tone::Info, text)
}

fn error(text: String) -> Msg {
    said(Tone::Error, text)
}

/// Messages in order, as one.
fn batch(msgs: impl IntoIterator<Item = Option<Msg>>) -> Msg {
    Msg::Batch(msgs.into_iter().flatten().collect())
}

/// Applies `msg` to `app`, then performs the work it asks for and applies the result, until
/// no work is left.
pub fn dispatch(app: &mut App, session: &mut Session, msg: impl Into<Msg>) {
    let mut next = Some(msg.into());
    while let Some(msg) = next.take() {
        next = app.update(msg).and_then(|effect| perform(effect, session));
    }
}

/// Performs one effect; returns what happened, for [`App::update`].
pub fn perform(effect: Effect, session: &mut Session) -> Option<Msg> {
    let data_dir = session.data_dir.clone();
    match effect {
        Effect::Save {
            path,
            plan,
            over_changes,
        } => Some(save(session, &path, &plan, over_changes)),
        Effect::KeepAside { path, plan } => keep_aside(session, &path, &plan),
        Effect::DropAside(path) => {
            store::recovery::remove(&path);
            None
        }
        Effect::RememberReviewer(name) => {
            // A convenience: failing to remember only means asking again next time.
            if let Some(dir) = &data_dir {
                let _ = store::remember_reviewer(dir, &name);
            }
            None
        }
        Effect::Export {
            overwrite,
            path,
            plan,
            unsaved,
        } => Some(export(
            &session.curriculum,
            &path,
            &plan,
            unsaved,
            overwrite,
        )),
        Effect::SaveAs { typed, plan, from } => Some(
            match library::save_as_path(
                data_dir.as_deref(),
                directories::BaseDirs::new().as_ref().map(|b| b.home_dir()),
                &typed,
            ) {
                Ok(path) => save_as(session, path, &plan, &from),
                Err(why) => error(format!("Not saved: {why}")),
            },
        ),
        Effect::KeepWhatIf { typed, plan } => Some(
            match library::save_as_path(
                data_dir.as_deref(),
                directories::BaseDirs::new().as_ref().map(|b| b.home_dir()),
                &typed,
            ) {
                Ok(path) => keep_whatif(path, *plan),
                Err(why) => error(format!("Not kept: {why}")),
            },
        ),
        Effect::ReadCurriculum(typed) => Some(read_curriculum(typed)),
        Effect::ComparePlan(path) => Some(match store::load_plan(&path) {
            Ok(other) => Msg::Compared {
                other: Box::new(other),
                label: store::display_path(&path),
            },
            Err(e) => error(format!("Cannot compare: {e}")),
        }),
        effect => Some(match data_dir {
            Some(dir) => library_effect(effect, session, &dir),
            None => error("There is no data directory: pass --data-dir DIR".into()),
        }),
    }
}

/// Effects on the plans in the data directory.
fn library_effect(effect: Effect, session: &mut Session, dir: &Path) -> Msg {
    let relist = |session: &Session, select: Option<&Path>| Msg::Listed {
        purpose: Purpose::Open,
        entries: library::list(dir, &session.curriculum),
        select: select.map(Path::to_path_buf),
    };
    match effect {
        Effect::ListPlans(Purpose::Trash) => Msg::Listed {
            purpose: Purpose::Trash,
            entries: library::trashed(dir, &session.curriculum),
            select: None,
        },
        Effect::ListPlans(purpose) => {
            let mut entries = library::list(dir, &session.curriculum);
            if purpose == Purpose::Compare {
                let open = std::fs::canonicalize(&session.open).ok();
                entries.retain(|e| std::fs::canonicalize(&e.path).ok() != open);
            }
            Msg::Listed {
                purpose,
                entries,
                select: Some(session.open.clone()),
            }
        }
        Effect::OpenPlan(path) => match store::load_plan(&path) {
            Ok(plan) => {
                let opened = Msg::Opened {
                    plan: Box::new(plan),
                    path: path.clone(),
                    on_disk: true,
                };
                let locked = Msg::Locked(session.lock_plan(&path));
                let _ = store::remember_plan(dir, &path);
                batch([Some(opened), Some(locked)])
            }
            Err(e) => error(format!("Cannot open: {e}")),
        },
        Effect::NewPlan {
            name,
            empty,
            student,
        } => match library::path_for(dir, &name) {
            Ok(path) if path.exists() => error(format!("A plan called {name} exists already")),
            Ok(path) => {
                let mut plan = Plan::recommended(&session.curriculum, &student);
                if empty {
                    plan.terms.iter_mut().for_each(|t| t.courses.clear());
                }
                let opened = Msg::Opened {
                    plan: Box::new(plan),
                    path: path.clone(),
                    on_disk: false,
                };
                batch([Some(opened), Some(Msg::Locked(session.lock_plan(&path)))])
            }
            Err(why) => error(why),
        },
        Effect::DuplicatePlan(path) => match library::duplicate(&path) {
            Ok(copy) => batch([
                Some(relist(session, Some(&copy))),
                Some(info(format!("Copied to {}", store::display_path(&copy)))),
            ]),
            Err(e) => error(format!("Not copied: {e}")),
        },
        Effect::RenamePlan { from, to } => {
            let is_open = from == session.open;
            match library::rename(&from, &to) {
                Ok(new) => {
                    let moved = is_open.then(|| {
                        let locked = Msg::Locked(session.lock_plan(&new));
                        let _ = store::remember_plan(dir, &new);
                        batch([Some(Msg::Moved(new.clone())), Some(locked)])
                    });
                    batch([
                        moved,
                        Some(relist(session, Some(&new))),
                        Some(info(format!("Renamed to {}", store::display_path(&new)))),
                    ])
                }
                Err(e) => batch([
                    Some(relist(session, Some(&from))),
                    Some(error(format!("Not renamed: {e}"))),
                ]),
            }
        }
        Effect::RestorePlan(path) => match library::restore(&path, dir) {
            Ok(to) => batch([
                Some(relist(session, Some(&to))),
                Some(info(format!("Restored as {}", store::display_path(&to)))),
            ]),
            Err(e) => error(format!("Not restored: {e}")),
        },
        Effect::TrashPlan(path) => match library::trash(&path, dir) {
            Ok(to) => batch([
                Some(relist(session, None)),
                Some(info(format!(
                    "Moved to the trash: {}",
                    store::display_path(&to)
                ))),
            ]),
            Err(e) => error(format!("Not deleted: {e}")),
        },
        Effect::Save { .. }
        | Effect::KeepAside { .. }
        | Effect::DropAside(_)
        | Effect::RememberReviewer(_)
        | Effect::Export { .. }
        | Effect::ComparePlan(_)
        | Effect::SaveAs { .. }
        | Effect::KeepWhatIf { .. }
        | Effect::ReadCurriculum(_) => Msg::Batch(Vec::new()),
    }
}

/// Keeps `plan`, unsaved, aside beside `path`; says so when it cannot.
fn keep_aside(session: &mut Session, path: &Path, plan: &Plan) -> Option<Msg> {
    let (locked, kept) = match session.lock_creating_folder() {
        Ok(()) => (
            None,
            store::recovery::write(path, plan).map_err(|e| e.to_string()),
        ),
        Err((locked, why)) => (locked, Err(why)),
    };
    let failed = kept.err().map(|why| {
        error(format!(
            "Unsaved edits cannot be kept aside ({why}); save soon"
        ))
    });
    (locked.is_some() || failed.is_some()).then(|| batch([locked, failed]))
}

/// Saves `plan` to `path` and records it as the one used last. Unless `over_changes`, a file
/// that another program changed since the planner read it is not saved over: the user is
/// asked.
fn save(session: &mut Session, path: &Path, plan: &Plan, over_changes: bool) -> Msg {
    if let Err((locked, why)) = session.lock_creating_folder() {
        return batch([locked, Some(error(format!("Not saved: {why}")))]);
    }
    // What is not a regular file now is refused by the save itself, with its own reason.
    let now = DiskState::of(path);
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
        return Msg::ChangedOnDisk(format!("{} {what}", store::display_path(path)));
    }
    let result = store::save_plan_seen(path, plan).map(|seen| {
        session.seen = Some(seen);
    });
    if result.is_err() {
        return Msg::Saved(result);
    }
    store::recovery::remove(path);
    if let Some(dir) = &session.data_dir {
        // Remembering the last plan is a convenience; a failure here must not hide the save.
        let _ = store::remember_plan(dir, path);
    }
    batch([Some(Msg::Saved(result)), where_a_linked_plan_lives(path)])
}

/// After a save through a symbolic link, says where the plan really lives, so that a plan
/// kept outside the data directory is never written there silently.
fn where_a_linked_plan_lives(path: &Path) -> Option<Msg> {
    let t = store::target::inspect(path).ok().filter(|t| t.is_link)?;
    Some(info(format!(
        "Saved {}: a link, so the plan itself is {}",
        store::display_path(path),
        store::display_path(&t.real)
    )))
}

/// Saves `plan` to `path`, which becomes the open plan in place of `from` (its lock, and the
/// plan used last). A file that exists there is not replaced: save as is for a new name.
fn save_as(session: &mut Session, path: PathBuf, plan: &Plan, from: &Path) -> Msg {
    // Anything at all there, a link to nothing or a named pipe included, is never replaced.
    if store::target::occupied(&path) {
        return error(format!(
            "Not saved: {} exists already",
            store::display_path(&path)
        ));
    }
    match store::save_plan(&path, plan) {
        Ok(()) => {
            store::recovery::remove(from);
            let locked = Msg::Locked(session.lock_plan(&path));
            if let Some(dir) = &session.data_dir {
                let _ = store::remember_plan(dir, &path);
            }
            batch([Some(Msg::SavedAs(path)), Some(locked)])
        }
        Err(e) => Msg::Saved(Err(e)),
    }
}

/// Writes the what-if `plan` as a new plan file at `path`, never over anything there; the
/// open plan, its lock and the plan remembered as the last one stay as they are.
fn keep_whatif(path: PathBuf, plan: Plan) -> Msg {
    if store::target::occupied(&path) {
        return error(format!(
            "Not kept: {} exists already",
            store::display_path(&path)
        ));
    }
    match store::save_plan(&path, &plan) {
        Ok(()) => Msg::KeptWhatIf {
            plan: Box::new(plan),
            path,
        },
        Err(e) => error(format!("Not kept: {e}")),
    }
}

/// Reads the curriculum file `typed` for the what-if: `~/` is the home folder, a relative
/// path is from where the planner was started. Its warnings are counted; an error says where (file:line:col).
fn read_curriculum(typed: String) -> Msg {
    let path = match typed.strip_prefix("~/") {
        Some(rest) => match directories::BaseDirs::new() {
            Some(b) => b.home_dir().join(rest),
            None => {
                return error(
                    "Not read: there is no home folder for ~: type the whole path".into(),
                );
            }
        },
        None => PathBuf::from(&typed),
    };
    match store::load_curriculum(Some(&path)) {
        Ok(loaded) => Msg::CurriculumRead {
            curriculum: Box::new(loaded.curriculum),
            typed,
            warnings: loaded.warnings.len(),
        },
        Err(e) => error(format!("The what-if stays as it was: {e}")),
    }
}

/// Writes the markdown report of `plan`, as it is now (`unsaved` if it has unsaved changes),
/// next to its file `path`; asks first when a report is there already, unless `overwrite`.
fn export(
    curriculum: &Curriculum,
    path: &Path,
    plan: &Plan,
    unsaved: bool,
    overwrite: bool,
) -> Msg {
    let target = path.with_extension("md");
    // The report is for mailing: it names the plan by its file name, not where it is kept.
    let label = path
        .file_name()
        .map_or_else(String::new, |n| store::display_path(Path::new(n)));
    if store::target::same_file(&target, path) || target == path {
        return error(format!("Report not written: {label} is the plan itself"));
    }
    // Only an earlier report (a regular file) is worth the question; a link or a pipe
    // there is refused by the write itself, with the reason.
    let earlier = std::fs::symlink_metadata(&target).is_ok_and(|m| m.is_file());
    if !overwrite && earlier {
        return Msg::ReportExists(store::display_path(&target));
    }
    let text = crate::report::plan_markdown(curriculum, plan, &label);
    match store::write_sidecar(&target, &text) {
        Ok(()) => {
            let unsaved = if unsaved {
                " (of the plan as shown, not yet saved)"
            } else {
                ""
            };
            info(format!(
                "Report written to {}{unsaved}",
                store::display_path(&target)
            ))
        }
        Err(e) => error(format!("Report not written: {e}")),
    }
}
