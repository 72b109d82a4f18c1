//! Faults: saves that fail (full disk, permission denied, file too large, a write cut off
//! half-way, a real `ulimit -f`, a read-only folder, a path that cannot exist), Save as after
//! a failed save, the recovery file after a kill, a signal or a panic, and the monochrome
//! theme that `NO_COLOR` selects.
//!
//! The terminal tests run the real binary in a pseudo-terminal (`common::pty`); their waits
//! have deadlines only so that a hang fails instead of blocking, never to measure speed.

#![cfg(unix)]

use std::ffi::OsString;
use std::io::{self, ErrorKind, Write};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use common::pty::{BIN, DEADLINE, Tui, keys};
use degree_planner::action::Action;
use degree_planner::app::{App, Msg, Overlay, Prompt, PromptKind, Tone};
use degree_planner::effects::{self, Session};
use degree_planner::model::{Plan, Status};
use degree_planner::store::{self, FileError, lock, recovery};
use tempfile::TempDir;

use crate::common::bundled as curriculum;
use crate::common::{self, saved_plan};

const COLS: u16 = 160;
const ROWS: u16 = 45;

/// Shown once the bundled plan has been drawn in full.
const READY: &str = "64 / 64 credits";

/// F12, which panics the planner when `DEGREE_PLANNER_CRASH_TEST` is set.
const F12: &str = "\x1b[24~";

/// Leaving the alternate screen (crossterm's `LeaveAlternateScreen`).
const LEAVE_ALTERNATE_SCREEN: &str = "\x1b[?1049l";

fn temp_dir() -> TempDir {
    tempfile::Builder::new()
        .prefix("dp-faults-")
        .tempdir()
        .expect("temp dir")
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

fn load(path: &Path) -> Plan {
    store::load_plan(path).unwrap_or_else(|e| panic!("{e}"))
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("listing {}: {e}", dir.display()))
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Temporary files of a save (`.NAME.XXXXXX.tmp`) in `dir`.
fn temps(dir: &Path) -> Vec<String> {
    names(dir)
        .into_iter()
        .filter(|n| n.starts_with('.') && n.ends_with(".tmp"))
        .collect()
}

/// Where `code` is in `plan`: term index and status.
fn find(plan: &Plan, code: &str) -> Option<(usize, Status)> {
    plan.terms.iter().enumerate().find_map(|(i, t)| {
        t.courses
            .iter()
            .find(|p| p.code == code)
            .map(|p| (i, p.status))
    })
}

/// Polls until `pred` holds for `path`; panics after the deadline (a hang, not a timing).
fn wait_file(path: &Path, what: &str, pred: impl Fn(&Path) -> bool) {
    let start = Instant::now();
    while !pred(path) {
        assert!(
            start.elapsed() < DEADLINE,
            "timed out waiting for {} to be {what}",
            path.display()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

// ---------------------------------------------------------------------------------------
// 1. Injected write failures: the error names the file, the old file stays, no temp left.
// ---------------------------------------------------------------------------------------

/// Saves new text over an existing plan with `writer` as the write step and checks that
/// it fails as a save should: a `FileError` naming the file and saying "cannot save
/// (writing): REASON", the previous file byte for byte, and no temporary file.
fn assert_failed_write(
    reason: &str,
    writer: impl FnOnce(&mut std::fs::File, &[u8]) -> io::Result<()>,
) {
    let dir = temp_dir();
    let path = saved_plan(&dir, "ada.ron");
    let before = read(&path);
    let plans = path.parent().unwrap().to_path_buf();
    let listing = names(&plans);
    let new_text = store::plan_to_ron(&Plan::recommended(&curriculum(), "Somebody Else"));
    assert_ne!(new_text.as_bytes(), before.as_slice());

    let err: FileError = store::write_atomic_with(&path, &new_text, writer)
        .expect_err("the write step failed, so the save must fail");
    let shown = store::display_path(&path);
    assert_eq!(err.file, shown, "the error names the plan file");
    assert_eq!(err.problems.len(), 1, "{err:?}");
    assert_eq!(
        err.to_string(),
        format!("{shown}: cannot save (writing): {reason}"),
    );
    assert_eq!(read(&path), before, "the previous file must be intact");
    assert_eq!(names(&plans), listing, "no temporary file may remain");
    assert!(temps(&plans).is_empty());
}

#[test]
fn full_disk_fails_the_save_and_keeps_the_old_file() {
    let e = io::Error::from(ErrorKind::StorageFull);
    assert_failed_write(&e.to_string(), |_, _| Err(e));
}

#[test]
fn raw_enospc_fails_the_save_and_keeps_the_old_file() {
    let reason = io::Error::from_raw_os_error(libc::ENOSPC).to_string();
    assert_failed_write(&reason, |_, _| {
        Err(io::Error::from_raw_os_error(libc::ENOSPC))
    });
}

#[test]
fn permission_denied_fails_the_save_and_keeps_the_old_file() {
    assert_failed_write("permission denied", |_, _| {
        Err(io::Error::from(ErrorKind::PermissionDenied))
    });
}

#[test]
fn file_too_large_fails_the_save_and_keeps_the_old_file() {
    let e = io::Error::from(ErrorKind::FileTooLarge);
    assert_failed_write(&e.to_string(), |_, _| Err(e));
    // The same as the kernel reports it past `ulimit -f` (with SIGXFSZ ignored).
    let reason = io::Error::from_raw_os_error(libc::EFBIG).to_string();
    assert_failed_write(&reason, |_, _| {
        Err(io::Error::from_raw_os_error(libc::EFBIG))
    });
}

#[test]
fn a_write_cut_off_half_way_keeps_the_old_file() {
    let reason = io::Error::from_raw_os_error(libc::ENOSPC).to_string();
    assert_failed_write(&reason, |file, bytes| {
        file.write_all(&bytes[..bytes.len() / 2])?;
        file.flush()?;
        Err(io::Error::from_raw_os_error(libc::ENOSPC))
    });
}

#[test]
fn a_failed_first_save_creates_no_file() {
    let dir = temp_dir();
    let path = dir.path().join("new.ron");
    let err = store::write_atomic_with(&path, "text\n", |file, bytes| {
        file.write_all(&bytes[..2])?;
        Err(io::Error::from(ErrorKind::StorageFull))
    })
    .expect_err("must fail");
    assert!(err.to_string().contains("cannot save (writing)"), "{err}");
    assert!(
        !path.exists(),
        "a failed save must not leave a (partial) plan"
    );
    assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
}

/// The control for the tests above: with a writer that works, the new text is saved.
#[test]
fn a_working_write_step_replaces_the_file() {
    let dir = temp_dir();
    let path = saved_plan(&dir, "ada.ron");
    store::write_atomic_with(&path, "new text\n", |file, bytes| file.write_all(bytes))
        .expect("saving");
    assert_eq!(read(&path), b"new text\n");
    assert!(temps(path.parent().unwrap()).is_empty());
}

// ---------------------------------------------------------------------------------------
// 2. A real file-size limit (`ulimit -f`): the save fails, the planner lives on.
// ---------------------------------------------------------------------------------------

/// Whether `/bin/sh` can lower its file-size limit here.
fn ulimit_works() -> bool {
    Command::new("/bin/sh")
        .args(["-c", "ulimit -f 1 && test \"$(ulimit -f)\" = 1"])
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn file_size_limit_fails_the_save_without_killing_the_planner() {
    if !ulimit_works() {
        println!("note: `ulimit -f 1` cannot be set here; file-size limit test skipped");
        return;
    }
    let dir = temp_dir();
    let path = saved_plan(&dir, "ada.ron");
    let before = read(&path);
    assert!(
        before.len() > 1024,
        "the plan ({} bytes) must be larger than the limit",
        before.len()
    );
    let plans = path.parent().unwrap().to_path_buf();
    // $0, $1 and $2 keep the paths out of the script's quoting.
    let script = "ulimit -f 1 || exit 99; exec \"$0\" --data-dir \"$1\" \"$2\"";
    let args: Vec<OsString> = vec![
        "-c".into(),
        script.into(),
        BIN.into(),
        dir.path().into(),
        path.clone().into(),
    ];
    let mut t = Tui::spawn_program("/bin/sh", &args, &[], dir.path(), COLS, ROWS);
    t.wait_for(READY);
    t.send("c");
    // The limit stops the recovery file too, and the planner says so instead of the usual
    // "BE101 is now in progress".
    t.wait_for("Unsaved edits cannot be kept aside");
    t.wait_for("modified");

    t.send("s");
    t.wait_for("Not saved");
    t.wait_for("cannot save (writing): File too large");
    // Still running (a SIGXFSZ death would end the wait with a failure), still modified,
    // the edit still there.
    t.wait_for("modified");
    t.wait_for("◐ BE101");
    assert_eq!(read(&path), before, "the old plan must be intact");
    assert!(temps(&plans).is_empty(), "{:?}", names(&plans));

    // Save as elsewhere: the limit applies there too; nothing is written.
    t.send("S");
    t.wait_for("Save as");
    let other = dir.path().join("elsewhere");
    let copy = other.join("copy.ron");
    t.send(&keys::BACKSPACE.repeat(path.display().to_string().len() + 10));
    t.wait_until("an empty save-as prompt", |s| {
        s.lines()
            .filter(|l| l.contains("Save as (file path)"))
            .all(|l| !l.contains("ada.ron"))
    });
    t.send(&copy.display().to_string());
    t.wait_for("copy.ron");
    t.send(keys::ENTER);
    t.wait_for("Not saved");
    t.wait_for("modified");
    assert!(!copy.exists(), "a failed save as must not create the file");
    if other.is_dir() {
        assert!(names(&other).is_empty(), "{:?}", names(&other));
    }

    // Save and quit fails too, and must not quit.
    t.send("q");
    t.wait_for("unsaved changes");
    t.send("y");
    t.wait_for("Not saved");
    t.wait_for("◐ BE101");
    t.wait_for("modified");

    // Quitting still asks; discarding quits normally.
    t.send("q");
    t.wait_for("unsaved changes");
    t.send("n");
    t.expect_exit_code(0);
    t.assert_terminal_restored();
    assert_eq!(read(&path), before, "the old plan must be intact");
    assert!(temps(&plans).is_empty(), "{:?}", names(&plans));
}

// ---------------------------------------------------------------------------------------
// 3. A read-only folder.
// ---------------------------------------------------------------------------------------

fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// Whether permission bits stop this process (they do not for root).
fn permission_bits_apply(dir: &TempDir) -> bool {
    let probe = dir.path().join("probe");
    std::fs::create_dir(&probe).expect("probe dir");
    chmod(&probe, 0o555);
    let blocked = std::fs::File::create(probe.join("file")).is_err();
    chmod(&probe, 0o755);
    std::fs::remove_dir_all(&probe).expect("removing the probe");
    blocked
}

#[test]
fn read_only_folder_fails_the_save_and_keeps_the_old_file() {
    let dir = temp_dir();
    if !permission_bits_apply(&dir) {
        println!(
            "note: permission bits do not apply to this user (root?); read-only folder test skipped"
        );
        return;
    }
    let path = saved_plan(&dir, "ada.ron");
    let before = read(&path);
    let plans = path.parent().unwrap().to_path_buf();
    let listing = names(&plans);
    chmod(&plans, 0o555);
    let result = store::save_plan(&path, &Plan::recommended(&curriculum(), "Bo"));
    chmod(&plans, 0o755);
    let err = result.expect_err("a read-only folder must fail the save");
    let shown = store::display_path(&path);
    assert_eq!(
        err.to_string(),
        format!("{shown}: cannot save (creating a temporary file): permission denied")
    );
    assert_eq!(read(&path), before);
    assert_eq!(names(&plans), listing);
}

// ---------------------------------------------------------------------------------------
// 4. Save as, through the app and its effects.
// ---------------------------------------------------------------------------------------

/// Sends actions, performing effects and keeping the recovery file as the event loop does.
fn run(app: &mut App, session: &mut Session, actions: &[Action]) {
    for &a in actions {
        effects::dispatch(app, session, a);
        effects::dispatch(app, session, Msg::Settled);
    }
}

/// `S`, the prompt cleared, `path` typed, Enter.
fn save_as(app: &mut App, session: &mut Session, path: &Path) {
    run(app, session, &[Action::SaveAs]);
    let Some(Overlay::Prompt(Prompt { kind, input })) = app.overlay() else {
        panic!(
            "S should open the save-as prompt: {:?}",
            app.overlay().cloned()
        );
    };
    assert_eq!(*kind, PromptKind::SaveAs);
    let stem = app
        .plan_path()
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert_eq!(
        **input,
        format!("{stem} copy"),
        "the prompt suggests a new name in the plans folder"
    );
    run(
        app,
        session,
        &[Action::Edit(
            degree_planner::field::InputRequest::DeleteFromStart,
        )],
    );
    assert!(
        matches!(app.overlay(), Some(Overlay::Prompt(Prompt { input, .. })) if input.is_empty())
    );
    for c in path.display().to_string().chars() {
        run(app, session, &[Action::Input(c)]);
    }
    run(app, session, &[Action::Submit]);
}

fn message(app: &App) -> (Tone, String) {
    let m = app.message().expect("a message");
    (m.tone, m.text.clone())
}

/// A plan in `plans/ada.ron`, open and locked as the planner opens it.
fn open_ada(dir: &TempDir) -> (App, Session) {
    let path = saved_plan(dir, "ada.ron");
    let mut app = App::new(curriculum(), load(&path), path.clone(), true);
    let mut session = Session::new(curriculum(), Some(dir.path().to_path_buf()), path.clone());
    let read_only = session.lock_plan(&path);
    app.update(Msg::Locked(read_only));
    assert!(session.holds_lock(), "the plan should be locked");
    (app, session)
}

#[test]
fn after_a_failed_save_save_as_moves_the_plan_to_the_new_file() {
    let dir = temp_dir();
    let (mut app, mut s) = open_ada(&dir);
    let old = app.plan_path().to_path_buf();
    let old_recovery = recovery::path_for(&old);
    let old_lock = lock::lock_path(&std::fs::canonicalize(&old).unwrap());
    assert!(old_lock.is_file());

    run(&mut app, &mut s, &[Action::CycleStatus]);
    assert!(app.is_dirty());
    assert_eq!(
        load(&old_recovery),
        *app.plan(),
        "the recovery file holds the edit"
    );

    // Something takes the plan's place: a folder, which a save cannot replace.
    std::fs::remove_file(&old).unwrap();
    std::fs::create_dir(&old).unwrap();
    std::fs::write(old.join("inside"), "x").unwrap();
    run(&mut app, &mut s, &[Action::Save]);
    let (tone, text) = message(&app);
    assert_eq!(tone, Tone::Error);
    assert!(text.starts_with("Not saved: "), "{text}");
    assert!(text.contains("cannot save"), "{text}");
    assert!(app.is_dirty(), "a failed save leaves the plan modified");
    assert_eq!(app.plan_path(), old);
    assert_eq!(
        load(&old_recovery),
        *app.plan(),
        "the recovery file still holds the edit"
    );
    assert!(temps(old.parent().unwrap()).is_empty());

    let new = store::plans_dir(dir.path()).join("copy.ron");
    save_as(&mut app, &mut s, &new);
    let (tone, text) = message(&app);
    assert_eq!(tone, Tone::Info, "{text}");
    assert!(text.starts_with("Saved "), "{text}");
    assert_eq!(app.plan_path(), new, "the open plan is now the new file");
    assert!(!app.is_dirty(), "saved: nothing unsaved");
    assert_eq!(
        load(&new),
        *app.plan(),
        "the new file holds the plan with the edit"
    );
    assert_eq!(find(app.plan(), "BE101"), Some((0, Status::InProgress)));
    assert!(
        !old_recovery.exists(),
        "the old recovery file must be removed"
    );
    assert!(!recovery::path_for(&new).exists());
    assert!(!old_lock.exists(), "the old plan's lock is released");
    assert!(
        lock::lock_path(&std::fs::canonicalize(&new).unwrap()).is_file(),
        "the new file is locked"
    );
    assert_eq!(
        store::last_plan(dir.path()),
        Some(std::fs::canonicalize(&new).unwrap()),
        "the new file is the plan used last"
    );
    assert!(old.is_dir(), "what took the old path's place is left alone");
    assert_eq!(read(&old.join("inside")), b"x");

    // Later edits go to the new file and its recovery file.
    run(&mut app, &mut s, &[Action::CycleStatus]);
    assert_eq!(load(&recovery::path_for(&new)), *app.plan());
    run(&mut app, &mut s, &[Action::Save]);
    assert_eq!(load(&new), *app.plan());
    assert!(!recovery::path_for(&new).exists());
}

#[test]
fn a_plan_inside_a_file_cannot_be_saved_but_save_as_rescues_it() {
    let dir = temp_dir();
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, "not a folder\n").unwrap();
    let path = blocker.join("plan.ron");
    let c = curriculum();
    let mut app = App::new(c.clone(), Plan::recommended(&c, "Ada"), path.clone(), false);
    let mut s = Session::new(c.clone(), Some(dir.path().to_path_buf()), path.clone());
    let read_only = s.lock_plan(&path);
    app.update(Msg::Locked(read_only));

    run(&mut app, &mut s, &[Action::CycleStatus, Action::Save]);
    let (tone, text) = message(&app);
    assert_eq!(tone, Tone::Error);
    assert!(
        text.starts_with("Not saved: ") && text.contains("cannot save"),
        "{text}"
    );
    assert!(
        text.contains("plan.ron"),
        "the message names the file: {text}"
    );
    assert!(app.is_dirty());
    assert_eq!(read(&blocker), b"not a folder\n");

    let new = dir.path().join("rescued.ron");
    save_as(&mut app, &mut s, &new);
    assert_eq!(message(&app).0, Tone::Info, "{:?}", app.message());
    assert_eq!(app.plan_path(), new);
    assert!(!app.is_dirty());
    assert_eq!(find(&load(&new), "BE101"), Some((0, Status::InProgress)));
    assert!(s.holds_lock(), "the new file is locked");
    assert_eq!(read(&blocker), b"not a folder\n");
}

#[test]
fn save_as_onto_an_existing_file_is_refused_and_writes_nothing() {
    let dir = temp_dir();
    let (mut app, mut s) = open_ada(&dir);
    let ada = app.plan_path().to_path_buf();
    let bo = store::plans_dir(dir.path()).join("bo.ron");
    store::save_plan(&bo, &Plan::recommended(&curriculum(), "Bo")).unwrap();
    let (ada_before, bo_before) = (read(&ada), read(&bo));
    let plans = store::plans_dir(dir.path());

    run(&mut app, &mut s, &[Action::CycleStatus]);
    let listing = names(&plans);
    for target in [&bo, &ada] {
        save_as(&mut app, &mut s, target);
        let (tone, text) = message(&app);
        assert_eq!(tone, Tone::Error, "{text}");
        assert!(text.contains("exists already"), "{text}");
        assert_eq!(app.plan_path(), ada, "the open plan stays the same");
        assert!(app.is_dirty(), "nothing was saved");
        assert_eq!(read(&bo), bo_before, "bo.ron must be untouched");
        assert_eq!(read(&ada), ada_before, "ada.ron must be untouched");
        assert_eq!(names(&plans), listing, "nothing new was written");
    }
    assert!(
        recovery::path_for(&ada).is_file(),
        "the edit is still kept aside"
    );
}

// ---------------------------------------------------------------------------------------
// 5. Recovery after a kill, end to end.
// ---------------------------------------------------------------------------------------

/// The planner on `plan` in `dir`, with `env`, once drawn (or once `first` is shown).
fn planner_on(dir: &TempDir, plan: &Path, env: &[(&str, &str)], first: &str) -> Tui {
    let args: Vec<OsString> = vec!["--data-dir".into(), dir.path().into(), plan.into()];
    let mut t = Tui::spawn(&args, env, dir.path(), COLS, ROWS);
    t.wait_for(first);
    t
}

/// Two edits: BE101 to in progress, BE201 moved to Semester III.
fn two_edits(t: &mut Tui) {
    t.send("c");
    t.wait_for("BE101 is now in progress");
    t.send("l");
    t.wait_for("BE201 · 4 credits");
    t.send(">");
    t.wait_for("Moved BE201 to Semester III");
    t.wait_for("modified");
}

/// The plan with [`two_edits`] applied, as the test expects it.
fn has_two_edits(plan: &Plan) -> bool {
    find(plan, "BE101") == Some((0, Status::InProgress))
        && find(plan, "BE201") == Some((2, Status::Planned))
}

fn send_signal(t: &Tui, signal: i32) {
    let pid = libc::pid_t::try_from(t.pid()).expect("pid");
    // SAFETY: sending a signal to our own child process.
    let r = unsafe { libc::kill(pid, signal) };
    assert_eq!(r, 0, "kill({pid}, {signal}) failed");
}

fn sigkill(t: &mut Tui) {
    send_signal(t, libc::SIGKILL);
    let status = t.wait_exit();
    assert!(
        status.signal().is_some(),
        "the planner should have died of SIGKILL: {status:?}"
    );
}

const RECOVER_TITLE: &str = "Restore unsaved edits?";

/// Edits and a SIGKILL leave a recovery file with both edits; returns the plan's bytes.
fn edit_and_kill(dir: &TempDir, path: &Path) -> Vec<u8> {
    let before = read(path);
    let rec = recovery::path_for(path);
    let mut t = planner_on(dir, path, &[], READY);
    two_edits(&mut t);
    wait_file(&rec, "a recovery file with both edits", |p| {
        store::load_plan(p).is_ok_and(|plan| has_two_edits(&plan))
    });
    sigkill(&mut t);
    assert_eq!(read(path), before, "the plan itself was never saved");
    assert!(has_two_edits(&load(&rec)));
    before
}

/// Waits for the recovery dialog with both changes listed.
fn wait_for_offer(t: &mut Tui) {
    t.wait_for(RECOVER_TITLE);
    t.wait_for("BE101 changed from planned to in progress");
    t.wait_for("BE201 moved from Semester II to Semester III");
}

#[test]
fn edits_of_a_killed_session_are_offered_back_and_restored() {
    let dir = temp_dir();
    let path = saved_plan(&dir, "ada.ron");
    let rec = recovery::path_for(&path);
    edit_and_kill(&dir, &path);

    let mut t = planner_on(&dir, &path, &[], RECOVER_TITLE);
    wait_for_offer(&mut t);
    t.send("y");
    t.wait_gone(RECOVER_TITLE);
    t.wait_for("Restored the unsaved edits");
    t.wait_for("modified");
    t.wait_for("◐ BE101");
    t.send("s");
    t.wait_for("Saved");
    t.wait_gone("modified");
    assert!(!rec.exists(), "saving removes the recovery file");
    let saved = load(&path);
    assert!(has_two_edits(&saved), "the saved file has the edits");
    assert_eq!(saved.student, "Ada");
    t.send("q");
    t.expect_exit_code(0);
    t.assert_terminal_restored();
    assert!(!rec.exists());
    assert!(has_two_edits(&load(&path)));
}

#[test]
fn edits_of_a_killed_session_can_be_discarded() {
    let dir = temp_dir();
    let path = saved_plan(&dir, "ada.ron");
    let rec = recovery::path_for(&path);
    let before = edit_and_kill(&dir, &path);

    let mut t = planner_on(&dir, &path, &[], RECOVER_TITLE);
    wait_for_offer(&mut t);
    t.send("n");
    t.wait_gone(RECOVER_TITLE);
    t.wait_for("Discarded the unsaved edits");
    wait_file(&rec, "removed", |p| !p.exists());
    t.assert_absent("modified");
    t.wait_for("○ BE101");
    // Nothing unsaved: q quits without asking.
    t.send("q");
    t.expect_exit_code(0);
    t.assert_terminal_restored();
    assert_eq!(read(&path), before, "the plan is unchanged");
    assert!(!rec.exists());

    // And the next start offers nothing.
    let mut t = planner_on(&dir, &path, &[], READY);
    t.assert_absent(RECOVER_TITLE);
    t.send("q");
    t.expect_exit_code(0);
}

#[test]
fn quitting_and_discarding_leaves_no_recovery_file() {
    let dir = temp_dir();
    let path = saved_plan(&dir, "ada.ron");
    let before = read(&path);
    let rec = recovery::path_for(&path);
    let mut t = planner_on(&dir, &path, &[], READY);
    two_edits(&mut t);
    wait_file(&rec, "written", Path::exists);
    t.send("q");
    t.wait_for("unsaved changes");
    t.send("n");
    t.expect_exit_code(0);
    t.assert_terminal_restored();
    assert!(!rec.exists(), "a normal quit must remove the recovery file");
    assert_eq!(read(&path), before);
}

#[test]
fn a_recovery_file_identical_to_the_plan_is_not_offered() {
    let dir = temp_dir();
    let path = saved_plan(&dir, "ada.ron");
    let rec = recovery::path_for(&path);
    std::fs::copy(&path, &rec).unwrap();
    // The dialog would be in the very first frame, with the plan behind it.
    let mut t = planner_on(&dir, &path, &[], READY);
    t.wait_for("Semester IV");
    t.assert_absent(RECOVER_TITLE);
    t.assert_absent("modified");
    t.send("q");
    t.expect_exit_code(0);
    t.assert_terminal_restored();
}

// ---------------------------------------------------------------------------------------
// 6. A panic in the event loop.
// ---------------------------------------------------------------------------------------

#[test]
fn a_panic_restores_the_terminal_reports_and_keeps_the_edits() {
    let dir = temp_dir();
    let path = saved_plan(&dir, "ada.ron");
    let before = read(&path);
    let rec = recovery::path_for(&path);
    let lock_file = lock::lock_path(&std::fs::canonicalize(&path).unwrap());
    let crash = [("DEGREE_PLANNER_CRASH_TEST", "1")];
    let mut t = planner_on(&dir, &path, &crash, READY);
    t.wait_terminal_taken();
    assert!(lock_file.is_file(), "the planner holds the lock");
    t.send("c");
    t.wait_for("BE101 is now in progress");
    wait_file(&rec, "written", Path::exists);

    t.send(F12);
    t.expect_exit_code(101);
    t.assert_terminal_restored();
    let raw = t.raw_output();
    let after = raw
        .rfind(LEAVE_ALTERNATE_SCREEN)
        .map(|i| &raw[i..])
        .expect("the planner should leave the alternate screen");
    assert!(
        after.contains("stopped on an internal error"),
        "no crash report after the terminal was restored:\n{after:?}"
    );
    assert!(after.contains("RUST_BACKTRACE=1"), "{after:?}");
    assert!(
        after.contains("unsaved edits are kept"),
        "the report should say the edits are safe: {after:?}"
    );
    assert_eq!(
        find(&load(&rec), "BE101"),
        Some((0, Status::InProgress)),
        "the recovery file holds the edit"
    );
    assert_eq!(read(&path), before, "the plan itself is unchanged");
    assert!(!lock_file.exists(), "the lock must be released on a panic");

    let mut t = planner_on(&dir, &path, &[], RECOVER_TITLE);
    t.wait_for("BE101 changed from planned to in progress");
    t.send("y");
    t.wait_for("modified");
    t.wait_for("◐ BE101");
    t.send("q");
    t.wait_for("unsaved changes");
    t.send("n");
    t.expect_exit_code(0);
}

// ---------------------------------------------------------------------------------------
// 7. SIGTERM with unsaved edits.
// ---------------------------------------------------------------------------------------

#[test]
fn sigterm_keeps_unsaved_edits_for_the_next_start() {
    let dir = temp_dir();
    let path = saved_plan(&dir, "ada.ron");
    let before = read(&path);
    let rec = recovery::path_for(&path);
    let mut t = planner_on(&dir, &path, &[], READY);
    two_edits(&mut t);
    send_signal(&t, libc::SIGTERM);
    t.expect_exit_code(143);
    t.assert_terminal_restored();
    assert!(
        has_two_edits(&load(&rec)),
        "the recovery file holds the edits"
    );
    assert_eq!(read(&path), before);

    let mut t = planner_on(&dir, &path, &[], RECOVER_TITLE);
    wait_for_offer(&mut t);
    t.send("y");
    t.wait_for("modified");
    t.send("q");
    t.wait_for("unsaved changes");
    t.send("n");
    t.expect_exit_code(0);
    assert!(!rec.exists());
    assert_eq!(read(&path), before);
}

// ---------------------------------------------------------------------------------------
// 8. NO_COLOR.
// ---------------------------------------------------------------------------------------

/// The parameters of every SGR sequence (`ESC [ params m`) in `raw`, each split on `;`
/// and `:`; an empty parameter list is `[0]`.
fn sgr_sequences(raw: &[u8]) -> Vec<Vec<u16>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < raw.len() {
        if raw[i] != 0x1b || raw[i + 1] != b'[' {
            i += 1;
            continue;
        }
        // CSI: parameter bytes 0x30-0x3f, intermediate bytes 0x20-0x2f, a final byte.
        let start = i + 2;
        let mut j = start;
        while j < raw.len() && (0x30..=0x3f).contains(&raw[j]) {
            j += 1;
        }
        let params_end = j;
        while j < raw.len() && (0x20..=0x2f).contains(&raw[j]) {
            j += 1;
        }
        if j >= raw.len() {
            break;
        }
        let is_sgr = raw[j] == b'm' && params_end == j;
        let params = &raw[start..params_end];
        // Private sequences (`ESC [ ? ...`, `ESC [ > ...`) are not SGR.
        let private = params.first().is_some_and(|b| (0x3c..=0x3f).contains(b));
        if is_sgr && !private {
            let text = std::str::from_utf8(params).expect("ASCII");
            let values: Vec<u16> = if text.is_empty() {
                vec![0]
            } else {
                text.split([';', ':'])
                    .map(|p| {
                        if p.is_empty() {
                            0
                        } else {
                            p.parse()
                                .unwrap_or_else(|_| panic!("a malformed SGR sequence: {text:?}"))
                        }
                    })
                    .collect()
            };
            out.push(values);
        }
        i = j + 1;
    }
    out
}

/// What the SGR sequences in `raw` do: whether any sets a colour, and the attributes set.
fn sgr_summary(raw: &[u8]) -> (Vec<String>, Vec<u16>) {
    let mut colours = Vec::new();
    let mut attributes = Vec::new();
    for seq in sgr_sequences(raw) {
        let mut k = 0;
        while k < seq.len() {
            let p = seq[k];
            match p {
                38 | 48 | 58 => {
                    colours.push(format!("{seq:?}"));
                    // 38;5;N or 38;2;R;G;B: skip the colour's own numbers.
                    k += match seq.get(k + 1) {
                        Some(5) => 2,
                        Some(2) => 4,
                        _ => 0,
                    };
                }
                30..=37 | 40..=47 | 90..=97 | 100..=107 => colours.push(format!("{seq:?}")),
                _ => attributes.push(p),
            }
            k += 1;
        }
    }
    (colours, attributes)
}

#[test]
fn sgr_parsing_sees_colours_and_attributes() {
    let raw = b"a\x1b[1;7mb\x1b[38;5;7mc\x1b[m\x1b[?1049h\x1b[93m\x1b[48;2;1;31;2m\x1b[22;27m";
    let (colours, attributes) = sgr_summary(raw);
    assert_eq!(colours.len(), 3, "{colours:?}");
    assert_eq!(attributes, [1, 7, 0, 22, 27]);
    let (colours, attributes) = sgr_summary(b"\x1b[1m\x1b[7m\x1b[0m\x1b[39;49m");
    assert!(colours.is_empty(), "{colours:?}");
    assert_eq!(attributes, [1, 7, 0, 39, 49]);
}

/// Runs the planner with `env`, presses `c` on BE101; returns the raw output and the
/// screen text.
fn themed_run(env: &[(&str, &str)]) -> (Vec<u8>, String) {
    let dir = temp_dir();
    let path = saved_plan(&dir, "ada.ron");
    let mut t = planner_on(&dir, &path, env, READY);
    t.wait_for("> ○ BE101");
    t.send("c");
    t.wait_for("> ◐ BE101");
    let raw = t.raw_output().into_bytes();
    let screen = t.screen_text();
    t.send("q");
    t.wait_for("unsaved changes");
    t.send("n");
    t.expect_exit_code(0);
    (raw, screen)
}

/// Where `text` starts on `screen`: row and column, in cells.
fn position(screen: &vt100::Screen, text: &str) -> (u16, u16) {
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    for row in 0..rows {
        let line: String = (0..cols)
            .map(|c| {
                screen
                    .cell(row, c)
                    .map_or(" ", |cell| cell.contents())
                    .to_string()
            })
            .map(|s| if s.is_empty() { " ".into() } else { s })
            .collect();
        if let Some(byte) = line.find(text) {
            let col = line[..byte].chars().count();
            return (row, u16::try_from(col).unwrap());
        }
    }
    panic!("{text:?} is not on the screen:\n{}", screen.contents());
}

/// crossterm honours `NO_COLOR` by itself: it drops the colour parameters and writes what is
/// left, `ESC [ m`, a full reset. So under `NO_COLOR` the raw output has no colours whatever
/// the theme; what shows that the app chose its monochrome theme is that the selection keeps
/// its reverse video (a colour theme's colour changes would reset it mid-row).
#[test]
fn no_color_draws_without_colours_but_with_reverse_and_bold() {
    let (raw, screen_text) = themed_run(&[("NO_COLOR", "1")]);
    let (colours, attributes) = sgr_summary(&raw);
    assert!(
        colours.is_empty(),
        "NO_COLOR output sets colours: {:?}",
        &colours[..colours.len().min(10)]
    );
    assert!(attributes.contains(&7), "no reverse video: {attributes:?}");
    assert!(attributes.contains(&1), "no bold: {attributes:?}");
    assert!(screen_text.contains("○ BE102"), "planned glyph missing");
    assert!(
        screen_text.contains("> ◐ BE101"),
        "marker or in-progress glyph missing"
    );

    // The selection is reverse video: on the highlighted row, not on the one below.
    let mut parser = vt100::Parser::new(
        std::num::NonZeroU16::new(ROWS).unwrap(),
        std::num::NonZeroU16::new(COLS).unwrap(),
        0,
    );
    parser.process(&raw);
    let screen = parser.screen();
    assert_eq!(screen.contents(), screen_text, "replaying the output");
    let (row, col) = position(screen, "BE101");
    assert!(
        screen.cell(row, col).unwrap().inverse(),
        "the selected row is not reverse video"
    );
    let (row, col) = position(screen, "BE102");
    assert!(
        !screen.cell(row, col).unwrap().inverse(),
        "an unselected row is reverse video"
    );
}

#[test]
fn without_no_color_the_planner_uses_colours() {
    for env in [&[][..], &[("NO_COLOR", "")][..]] {
        let (raw, _) = themed_run(env);
        let (colours, attributes) = sgr_summary(&raw);
        assert!(!colours.is_empty(), "{env:?}: no colour in the output");
        assert!(attributes.contains(&7), "{env:?}: no reverse video");
    }
}

// ---------------------------------------------------------------------------------------
// Another program's changes on disk are never saved over silently.
// ---------------------------------------------------------------------------------------

#[test]
fn a_plan_changed_on_disk_by_another_program_is_not_saved_over() {
    let dir = temp_dir();
    let (mut app, mut s) = open_ada(&dir);
    let path = app.plan_path().to_path_buf();
    run(&mut app, &mut s, &[Action::CycleStatus]);
    // git checkout, an editor: the file now holds someone else's work.
    let mut theirs = load(&path);
    theirs.student = "Ada, as edited in vim".into();
    store::save_plan(&path, &theirs).unwrap();
    let on_disk = read(&path);

    run(&mut app, &mut s, &[Action::Save]);
    let text = question(&app);
    assert!(text.contains("changed by another program"), "{text}");
    assert!(text.contains("ada.ron"), "names the plan: {text}");
    assert_eq!(read(&path), on_disk, "asking writes nothing");
    // No: their version stays, our edits stay in the planner.
    run(&mut app, &mut s, &[Action::Cancel]);
    assert_eq!(app.overlay().cloned(), None);
    assert_eq!(read(&path), on_disk, "their version is untouched");
    assert!(app.is_dirty(), "our edits are still in the planner");

    // Quitting with a save that meets the question, then no: the planner does not quit.
    run(&mut app, &mut s, &[Action::Quit, Action::SaveAndQuit]);
    question(&app);
    run(&mut app, &mut s, &[Action::Cancel, Action::Save]);
    question(&app);
    run(&mut app, &mut s, &[Action::Cancel]);
    assert!(
        !app.should_quit(),
        "a declined save is not followed by the quit"
    );

    // Save as keeps both.
    let mine = store::plans_dir(dir.path()).join("mine.ron");
    save_as(&mut app, &mut s, &mine);
    assert_eq!(message(&app).0, Tone::Info, "{:?}", app.message());
    assert_eq!(find(&load(&mine), "BE101"), Some((0, Status::InProgress)));
    assert_eq!(read(&path), on_disk);
}

#[test]
fn yes_saves_over_the_other_programs_changes_and_goes_on_to_quit() {
    let dir = temp_dir();
    let (mut app, mut s) = open_ada(&dir);
    let path = app.plan_path().to_path_buf();
    run(&mut app, &mut s, &[Action::CycleStatus]);
    let mut theirs = load(&path);
    theirs.student = "Someone else".into();
    store::save_plan(&path, &theirs).unwrap();
    run(&mut app, &mut s, &[Action::Quit, Action::SaveAndQuit]);
    question(&app);
    run(&mut app, &mut s, &[Action::Confirm]);
    assert!(app.should_quit(), "the save was on the way to quitting");
    assert_eq!(load(&path), *app.plan(), "ours replaced theirs, as asked");
}

/// The question asked, failing when none is.
fn question(app: &App) -> String {
    match app.overlay() {
        Some(Overlay::Ask(ask)) => ask.text.clone(),
        other => panic!("expected a question, got {other:?} ({:?})", app.message()),
    }
}

#[test]
fn a_rewrite_with_the_same_bytes_is_not_a_change_and_saves_go_on() {
    let dir = temp_dir();
    let (mut app, mut s) = open_ada(&dir);
    let path = app.plan_path().to_path_buf();
    let same = read(&path);
    std::fs::write(&path, &same).unwrap();
    run(&mut app, &mut s, &[Action::CycleStatus, Action::Save]);
    assert_eq!(message(&app).0, Tone::Info, "{:?}", app.message());
    // Our own save is what is on disk now: the next save is not a conflict.
    run(&mut app, &mut s, &[Action::CycleStatus, Action::Save]);
    assert_eq!(message(&app).0, Tone::Info, "{:?}", app.message());
    assert_eq!(find(&load(&path), "BE101"), Some((0, Status::Completed)));
}

#[test]
fn a_file_that_appears_where_a_new_plan_will_go_is_not_saved_over() {
    let dir = temp_dir();
    let c = curriculum();
    let path = store::plans_dir(dir.path()).join("new.ron");
    let mut app = App::new(c.clone(), Plan::recommended(&c, "Ada"), path.clone(), false);
    let mut s = Session::new(c.clone(), Some(dir.path().to_path_buf()), path.clone());
    let read_only = s.lock_plan(&path);
    app.update(Msg::Locked(read_only));
    run(&mut app, &mut s, &[Action::CycleStatus]);
    store::save_plan(&path, &Plan::recommended(&c, "Someone else")).unwrap();
    let theirs = read(&path);
    run(&mut app, &mut s, &[Action::Save]);
    let text = question(&app);
    assert!(text.contains("appeared"), "{text}");
    run(&mut app, &mut s, &[Action::Cancel]);
    assert_eq!(read(&path), theirs);
}
