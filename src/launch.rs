//! Start-up, without the terminal: which plan to open, reading it (or starting the
//! recommended one), then opening it as the planner does: its lock, the unsaved edits an
//! earlier session left, the review. The binary adds only the process edge around it.

use std::path::{Path, PathBuf};

use crate::app::{App, Message, Msg, Tone};
use crate::cli::{Cli, Command};
use crate::effects::Session;
use crate::keymap::Keymap;
use crate::model::{Curriculum, Plan};
use crate::store::{self, FileError};

/// What start-up takes from outside the command line, resolved by the caller.
#[derive(Debug, Clone)]
pub struct Env {
    /// The data directory (`--data-dir`, the environment, or the platform's), if any.
    pub data_dir: Option<PathBuf>,
    /// The keys in effect.
    pub keymap: Keymap,
    /// Why the config file was not used, if it was not.
    pub config_warning: Option<String>,
    /// The clock for notes and verdicts.
    pub today: fn() -> String,
}

/// Why the planner cannot start.
#[derive(Debug)]
pub enum Failure {
    /// The curriculum or the plan cannot be read.
    File(FileError),
    /// No plan was given and there is no data directory to find one in.
    NoDataDir,
    /// The plan to review does not exist.
    NoSuchPlan(PathBuf),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::File(e) => write!(f, "{e}"),
            Failure::NoDataDir => write!(
                f,
                "degree-planner: no data directory could be found; pass --data-dir DIR or a PLAN file"
            ),
            Failure::NoSuchPlan(path) => {
                write!(f, "{}: no such plan to review", store::display_path(path))
            }
        }
    }
}

/// A plan read and ready to open; nothing is locked or written yet.
#[derive(Debug)]
pub struct Start {
    curriculum: Curriculum,
    plan: Plan,
    path: PathBuf,
    on_disk: bool,
    /// `Some` for a review: the reviewer's name, if given.
    review: Option<Option<String>>,
    /// The warnings about the curriculum and the config, in one line for the status bar.
    warning: Option<String>,
    env: Env,
}

/// The plan file to open: the one given, else the plan used last in `data_dir`, else its
/// default plan; `None` with neither.
pub fn plan_path(given: Option<&Path>, data_dir: Option<&Path>) -> Option<PathBuf> {
    given.map(Path::to_path_buf).or_else(|| {
        data_dir.map(|d| store::last_plan(d).unwrap_or_else(|| store::default_plan_path(d)))
    })
}

/// The plan at `path` and whether its file exists, or a new one from the recommended
/// schedule if there is no file yet. A file that exists but cannot be read is an error,
/// never replaced.
pub fn plan_at(path: &Path, curriculum: &Curriculum) -> Result<(Plan, bool), FileError> {
    if path.exists() || path.is_symlink() {
        store::load_plan(path).map(|p| (p, true))
    } else {
        Ok((Plan::recommended(curriculum, ""), false))
    }
}

/// Reads what the planner (or `review`) given by `cli` starts on.
pub fn read(cli: &Cli, env: Env) -> Result<Start, Failure> {
    let loaded = store::load_curriculum(cli.curriculum_file()).map_err(Failure::File)?;
    let (given, review) = match &cli.command {
        Some(Command::Review { plan, reviewer, .. }) => (Some(plan), Some(reviewer.clone())),
        _ => (cli.plan.as_ref(), None),
    };
    let path = plan_path(given.map(PathBuf::as_path), env.data_dir.as_deref())
        .ok_or(Failure::NoDataDir)?;
    if review.is_some() && !path.exists() {
        return Err(Failure::NoSuchPlan(path));
    }
    let (plan, on_disk) = plan_at(&path, &loaded.curriculum).map_err(Failure::File)?;
    let warning = startup_warning(&loaded.warnings, env.config_warning.as_deref());
    Ok(Start {
        curriculum: loaded.curriculum,
        plan,
        path,
        on_disk,
        review,
        warning,
        env,
    })
}

/// One status line for the curriculum's warnings and the config's: the first curriculum
/// warning (with how many more there are) and the config's, each shown
/// when there is one.
fn startup_warning(curriculum: &[String], config: Option<&str>) -> Option<String> {
    let curriculum = curriculum.first().map(|first| match curriculum.len() {
        1 => first.clone(),
        n => format!("{first} (and {} more)", n - 1),
    });
    let both: Vec<String> = curriculum
        .into_iter()
        .chain(config.map(str::to_string))
        .collect();
    (!both.is_empty()).then(|| both.join("  ·  "))
}

impl Start {
    /// Opens the plan: takes its lock (read-only when another planner holds it), offers
    /// back the unsaved edits an earlier session left, starts the review, and remembers the
    /// plan as the one used last.
    pub fn open(self) -> (App, Session) {
        let Start {
            curriculum,
            plan,
            path,
            on_disk,
            review,
            warning,
            env,
        } = self;
        let mut session = Session::new(curriculum.clone(), env.data_dir.clone(), path.clone());
        let read_only = session.lock_plan(&path);
        let mut app = App::new(curriculum, plan, path, on_disk)
            .with_keymap(env.keymap)
            .with_today(env.today);
        if let Some(text) = warning {
            app = app.with_message(Message {
                tone: Tone::Error,
                text,
            });
        }
        app.update(Msg::Locked(read_only));
        if app.read_only().is_none()
            && let Some(unsaved) = store::recovery::find(app.plan_path(), app.plan())
        {
            app.update(Msg::Recovered(Box::new(unsaved)));
        }
        if let Some(flag) = review {
            let known = flag.or_else(|| env.data_dir.as_deref().and_then(store::known_reviewer));
            app.update(Msg::Review(known));
        }
        if on_disk && let Some(dir) = &env.data_dir {
            let _ = store::remember_plan(dir, app.plan_path());
        }
        (app, session)
    }
}
