//! No write path replaces what is not a regular file. Every target here is made inside a
//! temporary directory (named pipes with `mkfifo`, sockets bound there, links to files
//! beside them); nothing in a test touches the real `/dev`.
//!
//! - `report -o` writes straight into a pipe, a socket or a device, and `-` is stdout;
//! - every other write path (save, save as, rename, duplicate, export, trash, the recovery
//!   file, the state file) refuses them, and the sidecar files refuse links too;
//! - the property: for every write path and every kind of target, what was not a regular
//!   file before is exactly what it was after.
#![cfg(unix)]

use std::io::Read;
use std::os::unix::fs::{FileTypeExt, symlink};
use std::os::unix::net::UnixListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use degree_planner::app::{App, Effect, Msg, Tone};
use degree_planner::effects::{self, Session};
use degree_planner::model::Plan;
use degree_planner::store::{self, library};

use crate::common::bundled as curriculum;

const BIN: &str = env!("CARGO_BIN_EXE_degree-planner");
const PLAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/plans/good/grace.ron");

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(ok.success(), "mkfifo {}", path.display());
}

fn report_to(out: &Path) -> Output {
    Command::new(BIN)
        .arg("report")
        .arg(PLAN)
        .arg("-o")
        .arg(out)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn expected_report() -> Vec<u8> {
    let o = Command::new(BIN)
        .args(["report", PLAN])
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs");
    assert!(o.status.success());
    o.stdout
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Reads a named pipe to its end on another thread.
fn reader(fifo: &Path) -> std::thread::JoinHandle<Vec<u8>> {
    let fifo = fifo.to_path_buf();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        std::fs::File::open(&fifo)
            .expect("opening the pipe for reading")
            .read_to_end(&mut bytes)
            .expect("reading the pipe");
        bytes
    })
}

fn is_fifo(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

#[test]
fn report_into_a_named_pipe_reaches_its_reader_and_the_pipe_stays() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let read = reader(&fifo);
    let o = report_to(&fifo);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(read.join().unwrap(), expected_report());
    assert!(is_fifo(&fifo), "the named pipe is still a named pipe");
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "no temporary file was left: {names:?}");
}

#[test]
fn report_through_a_link_to_a_named_pipe_writes_into_the_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let link = dir.path().join("link");
    symlink("pipe", &link).unwrap();
    let read = reader(&fifo);
    let o = report_to(&link);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(read.join().unwrap(), expected_report());
    assert!(is_fifo(&fifo));
    assert_eq!(std::fs::read_link(&link).unwrap(), Path::new("pipe"));
}

#[test]
fn report_into_a_named_pipe_nobody_reads_gives_up_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let started = Instant::now();
    let o = report_to(&fifo);
    let waited = started.elapsed();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("pipe") && err.contains("reading"), "{err}");
    assert!(
        err.contains(&fifo.display().to_string()),
        "names the file: {err}"
    );
    assert!(
        waited < store::PIPE_READER_WAIT + Duration::from_secs(20),
        "gave up after {waited:?}"
    );
    assert!(is_fifo(&fifo));
}

#[test]
fn report_to_dash_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(BIN)
        .args(["report", PLAN, "-o", "-"])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(o.stdout, expected_report());
    assert!(!dir.path().join("-").exists(), "no file named -");
}

#[test]
fn report_into_a_socket_is_sent_to_whoever_listens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("socket");
    let listener = UnixListener::bind(&path).unwrap();
    let accept = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).unwrap();
        bytes
    });
    let o = report_to(&path);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(accept.join().unwrap(), expected_report());
    assert!(
        std::fs::symlink_metadata(&path)
            .unwrap()
            .file_type()
            .is_socket()
    );
}

/// A character device made in the temporary directory (the null device's numbers), where the
/// system lets a test make one; `/dev` itself is never named.
#[test]
fn report_into_a_character_device_writes_into_it_and_it_stays_a_device() {
    let dir = tempfile::tempdir().unwrap();
    let null = dir.path().join("null");
    let made = Command::new("mknod")
        .arg(&null)
        .args(["c", "1", "3"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("note: mknod is not permitted here; character-device case skipped");
        return;
    }
    let o = report_to(&null);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let meta = std::fs::symlink_metadata(&null).unwrap();
    assert!(meta.file_type().is_char_device(), "still a device");
}

#[test]
fn report_into_a_directory_or_onto_the_plan_itself_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    let o = report_to(&folder);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is a directory"), "{}", stderr(&o));
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

    let plan = dir.path().join("plan.md");
    std::fs::copy(PLAN, &plan).unwrap();
    let before = std::fs::read(&plan).unwrap();
    let link = dir.path().join("same.md");
    symlink(&plan, &link).unwrap();
    for out in [&plan, &link] {
        let o = Command::new(BIN)
            .arg("report")
            .arg(&plan)
            .arg("-o")
            .arg(out)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains("is the plan itself"), "{}", stderr(&o));
        assert_eq!(std::fs::read(&plan).unwrap(), before, "the plan is intact");
    }
}

// ---------------------------------------------------------------------------------------
// The property, over every write path and every kind of target.
// ---------------------------------------------------------------------------------------

/// What can be found where a file is to be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plant {
    Fifo,
    LinkToFifo,
    LinkToNothing,
    LinkToFile,
    Folder,
    LinkToFolder,
    Socket,
}

const PLANTS: [Plant; 7] = [
    Plant::Fifo,
    Plant::LinkToFifo,
    Plant::LinkToNothing,
    Plant::LinkToFile,
    Plant::Folder,
    Plant::LinkToFolder,
    Plant::Socket,
];

/// What a path is, not following links, and where a link points.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shape {
    kind: &'static str,
    link: Option<PathBuf>,
}

fn shape(path: &Path) -> Shape {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Shape {
            kind: "nothing",
            link: None,
        };
    };
    let t = meta.file_type();
    let kind = if t.is_symlink() {
        "link"
    } else if t.is_file() {
        "file"
    } else if t.is_dir() {
        "folder"
    } else if t.is_fifo() {
        "fifo"
    } else if t.is_socket() {
        "socket"
    } else {
        "other"
    };
    Shape {
        kind,
        link: std::fs::read_link(path).ok(),
    }
}

/// Puts `plant` at `path`; `outside` is a folder elsewhere for links to point into. The
/// returned listener keeps a socket alive.
fn plant(plant: Plant, path: &Path, outside: &Path) -> Option<UnixListener> {
    match plant {
        Plant::Fifo => mkfifo(path),
        Plant::LinkToFifo => {
            let fifo = outside.join(format!("fifo-{}", unique()));
            mkfifo(&fifo);
            symlink(&fifo, path).unwrap();
        }
        Plant::LinkToNothing => symlink(outside.join(format!("none-{}", unique())), path).unwrap(),
        Plant::LinkToFile => {
            let file = outside.join(format!("file-{}", unique()));
            std::fs::write(&file, "not a plan\n").unwrap();
            symlink(&file, path).unwrap();
        }
        Plant::Folder => std::fs::create_dir(path).unwrap(),
        Plant::LinkToFolder => {
            let folder = outside.join(format!("folder-{}", unique()));
            std::fs::create_dir(&folder).unwrap();
            symlink(&folder, path).unwrap();
        }
        Plant::Socket => return Some(UnixListener::bind(path).unwrap()),
    }
    None
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A data directory with `plans/ada.ron` open and locked, and a folder outside it.
struct World {
    _dir: tempfile::TempDir,
    data: PathBuf,
    outside: PathBuf,
    app: App,
    session: Session,
}

impl World {
    fn new() -> World {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let outside = dir.path().join("outside");
        std::fs::create_dir_all(&outside).unwrap();
        let path = store::plans_dir(&data).join("ada.ron");
        let c = curriculum();
        store::save_plan(&path, &Plan::recommended(&c, "Ada")).unwrap();
        let mut session = Session::new(c.clone(), Some(data.clone()), path.clone());
        let read_only = session.lock_plan(&path);
        let mut app = App::new(c, store::load_plan(&path).unwrap(), path, true);
        app.update(Msg::Locked(read_only));
        assert!(session.holds_lock());
        World {
            _dir: dir,
            data,
            outside,
            app,
            session,
        }
    }

    fn plans(&self) -> PathBuf {
        store::plans_dir(&self.data)
    }

    /// Performs `effect` and gives the app what happened, as the event loop does.
    fn perform(&mut self, effect: Effect) {
        if let Some(result) = effects::perform(effect, &mut self.session) {
            effects::dispatch(&mut self.app, &mut self.session, result);
        }
    }

    /// Saving the open plan as it is now.
    fn save(&self) -> Effect {
        Effect::Save {
            path: self.app.plan_path().to_path_buf(),
            plan: Box::new(self.app.plan().clone()),
            over_changes: false,
        }
    }
}

/// One way the planner writes a file: where the target is, how to make the write, and
/// which plants it may rightly write through or beside.
struct WritePath {
    name: &'static str,
    /// Where the write goes, in this world.
    target: fn(&World) -> PathBuf,
    /// Does the write, the plant already in place; `Err` with the message when refused.
    write: fn(&mut World) -> Result<(), String>,
    /// Whether the write succeeds with this plant in place (and leaves the plant as it
    /// was all the same).
    accepts: fn(Plant) -> bool,
}

/// The app's answer to the last effect: an error message means refused, and so does a
/// question (nothing is written until it is answered).
fn outcome(w: &World) -> Result<(), String> {
    if let Some(degree_planner::app::Overlay::Ask(ask)) = w.app.overlay() {
        return Err(ask.text.clone());
    }
    match &w.app.message() {
        Some(m) if m.tone == Tone::Error => Err(m.text.clone()),
        _ => Ok(()),
    }
}

fn edit(w: &mut World) {
    w.app.update(degree_planner::action::Action::CycleStatus);
}

fn never(_: Plant) -> bool {
    false
}

fn write_paths() -> Vec<WritePath> {
    vec![
        WritePath {
            name: "save (s)",
            target: |w| w.app.plan_path().to_path_buf(),
            write: |w| {
                edit(w);
                w.perform(w.save());
                outcome(w)
            },
            // Whatever took the open plan's place is another program's doing: refused, even
            // a link (a plan opened through a link is saved where it leads: see
            // `saving_a_plan_that_is_a_link_says_where_the_plan_really_lives`).
            accepts: never,
        },
        WritePath {
            name: "save as (S)",
            target: |w| w.plans().join("other.ron"),
            write: |w| {
                let typed = w.plans().join("other.ron").display().to_string();
                w.perform(Effect::SaveAs {
                    typed,
                    plan: Box::new(w.app.plan().clone()),
                    from: w.app.plan_path().to_path_buf(),
                });
                outcome(w)
            },
            accepts: never,
        },
        WritePath {
            name: "rename (picker r)",
            target: |w| w.plans().join("renamed.ron"),
            write: |w| {
                let from = w.app.plan_path().to_path_buf();
                w.perform(Effect::RenamePlan {
                    from,
                    to: "renamed".into(),
                });
                outcome(w)
            },
            accepts: never,
        },
        WritePath {
            name: "duplicate (picker y)",
            target: |w| w.plans().join("ada copy.ron"),
            write: |w| {
                let from = w.app.plan_path().to_path_buf();
                w.perform(Effect::DuplicatePlan(from));
                outcome(w)?;
                assert!(
                    w.plans().join("ada copy 2.ron").is_file(),
                    "the next free name"
                );
                Ok(())
            },
            // The copy takes the next free name; what holds this one is left alone.
            accepts: |_| true,
        },
        WritePath {
            name: "export (e)",
            target: |w| w.app.plan_path().with_extension("md"),
            write: |w| {
                // A link or pipe where the report goes is refused, not asked about.
                w.perform(Effect::Export {
                    overwrite: false,
                    path: w.app.plan_path().to_path_buf(),
                    plan: Box::new(w.app.plan().clone()),
                    unsaved: w.app.is_dirty(),
                });
                outcome(w)
            },
            accepts: never,
        },
        WritePath {
            name: "trash (picker d)",
            target: |w| w.data.join("trash"),
            write: |w| {
                let victim = w.plans().join("victim.ron");
                store::save_plan(&victim, &Plan::recommended(&curriculum(), "V")).unwrap();
                w.perform(Effect::TrashPlan(victim.clone()));
                let result = outcome(w);
                assert_eq!(victim.is_file(), result.is_err(), "kept when refused");
                result
            },
            // The trash is a folder: a real one is used, a link to one is not.
            accepts: |p| p == Plant::Folder,
        },
        WritePath {
            name: "recovery file",
            target: |w| store::recovery::path_for(w.app.plan_path()),
            write: |w| {
                edit(w);
                effects::dispatch(&mut w.app, &mut w.session, Msg::Settled);
                outcome(w)
            },
            accepts: never,
        },
        WritePath {
            name: "state file",
            target: |w| w.data.join("state.ron"),
            write: |w| store::remember_reviewer(&w.data, "Dr Grace").map_err(|e| e.to_string()),
            accepts: never,
        },
    ]
}

#[test]
fn no_write_path_turns_what_is_not_a_regular_file_into_one() {
    for path in write_paths() {
        for &kind in &PLANTS {
            let mut w = World::new();
            let target = (path.target)(&w);
            let what = format!("{} onto {kind:?}", path.name);
            let plan_before = std::fs::read(w.app.plan_path()).unwrap();
            if target == w.app.plan_path() {
                std::fs::remove_file(&target).unwrap();
            }
            let _socket = plant(kind, &target, &w.outside);
            let before = shape(&target);
            let behind_before = before.link.as_ref().map(|l| shape(l));
            let result = (path.write)(&mut w);
            assert_eq!(result.is_ok(), (path.accepts)(kind), "{what}: {result:?}");
            if let Err(message) = &result {
                assert!(
                    message.contains(&target.file_name().unwrap().to_string_lossy().to_string()),
                    "{what}: the message names the file: {message}"
                );
            }
            assert_eq!(shape(&target), before, "{what}: the target changed");
            if let (Some(link), Some(behind_before)) = (&before.link, behind_before)
                && result.is_err()
            {
                assert_eq!(
                    shape(link),
                    behind_before,
                    "{what}: what the link names changed"
                );
            }
            if target != w.app.plan_path() {
                assert_eq!(
                    std::fs::read(w.app.plan_path()).unwrap(),
                    plan_before,
                    "{what}: the plan is intact"
                );
            }
        }
    }
}

#[test]
fn sidecar_files_are_never_written_through_a_link() {
    let w = World::new();
    let target = store::recovery::path_for(w.app.plan_path());
    let file = w.outside.join("elsewhere");
    symlink(&file, &target).unwrap();
    let err = store::recovery::write(w.app.plan_path(), w.app.plan()).unwrap_err();
    assert!(err.to_string().contains("symbolic link"), "{err}");
    assert!(!file.exists(), "nothing was written outside");

    let state = w.data.join("state.ron");
    let file = w.outside.join("state elsewhere");
    symlink(&file, &state).unwrap();
    assert!(store::remember_plan(&w.data, w.app.plan_path()).is_err());
    assert!(!file.exists());
}

#[test]
fn saving_a_plan_that_is_a_link_says_where_the_plan_really_lives() {
    let mut w = World::new();
    let real = w.outside.join("real.ron");
    std::fs::rename(w.app.plan_path(), &real).unwrap();
    symlink(&real, w.app.plan_path()).unwrap();
    w.app.update(degree_planner::action::Action::CycleStatus);
    w.perform(w.save());
    let m = w.app.message().cloned().expect("a message");
    assert_eq!(m.tone, Tone::Info, "{}", m.text);
    assert!(
        m.text.contains("a link") && m.text.contains(&real.display().to_string()),
        "{}",
        m.text
    );
    assert!(w.app.plan_path().is_symlink(), "the link is kept");
    assert_eq!(&store::load_plan(&real).unwrap(), w.app.plan());
}

#[test]
fn duplicate_skips_a_name_taken_by_anything_and_rename_never_replaces() {
    let w = World::new();
    let plan = w.app.plan_path().to_path_buf();
    let taken = w.plans().join("ada copy.ron");
    symlink(w.outside.join("nothing yet"), &taken).unwrap();
    let copy = library::duplicate(&plan).unwrap();
    assert_eq!(copy, w.plans().join("ada copy 2.ron"));
    assert!(taken.is_symlink() && !w.outside.join("nothing yet").exists());

    let fifo = w.plans().join("bo.ron");
    mkfifo(&fifo);
    assert!(library::rename(&copy, "bo").is_err());
    assert!(is_fifo(&fifo) && copy.is_file());
    assert!(
        library::rename(&fifo, "cy").is_err(),
        "a pipe is not renamed"
    );
    assert!(is_fifo(&fifo));
}

#[test]
fn export_never_writes_over_the_plan_itself() {
    let w = World::new();
    let plan = w.plans().join("plan.md");
    std::fs::copy(w.app.plan_path(), &plan).unwrap();
    let before = std::fs::read(&plan).unwrap();
    let c = curriculum();
    let mut app = App::new(
        c.clone(),
        store::load_plan(&plan).unwrap(),
        plan.clone(),
        true,
    );
    let mut session = Session::new(c, Some(w.data.clone()), plan.clone());
    let read_only = session.lock_plan(&plan);
    app.update(Msg::Locked(read_only));
    let export = Effect::Export {
        overwrite: true,
        path: plan.clone(),
        plan: Box::new(app.plan().clone()),
        unsaved: false,
    };
    if let Some(result) = effects::perform(export, &mut session) {
        effects::dispatch(&mut app, &mut session, result);
    }
    let m = app.message().cloned().expect("a message");
    assert_eq!(m.tone, Tone::Error, "{}", m.text);
    assert!(m.text.contains("is the plan itself"), "{}", m.text);
    assert_eq!(std::fs::read(&plan).unwrap(), before, "the plan is intact");
}
