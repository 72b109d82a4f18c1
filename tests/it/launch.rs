//! Start-up without a terminal: `launch::read` then `Start::open` on a temporary data
//! directory, as the binary does before it takes the terminal.

use std::path::Path;

use clap::Parser;
use degree_planner::cli::Cli;
use degree_planner::effects::Session;
use degree_planner::keymap::Keymap;
use degree_planner::launch::{self, Env, Failure};
use degree_planner::model::Plan;
use degree_planner::store::{self, lock};

use crate::common;

fn curriculum() -> degree_planner::model::Curriculum {
    common::bundled()
}

fn env(data_dir: &Path) -> Env {
    Env {
        data_dir: Some(data_dir.to_path_buf()),
        keymap: Keymap::default(),
        config_warning: None,
        today: || "2026-05-01".into(),
    }
}

fn cli(args: &[&str]) -> Cli {
    Cli::try_parse_from(std::iter::once("degree-planner").chain(args.iter().copied()))
        .expect("valid arguments")
}

fn open(args: &[&str], data_dir: &Path) -> (degree_planner::app::App, Session) {
    launch::read(&cli(args), env(data_dir))
        .expect("the plan can be read")
        .open()
}

#[test]
fn with_no_plan_yet_the_recommended_one_is_started_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (app, session) = open(&[], dir.path());
    assert_eq!(app.plan_path(), store::default_plan_path(dir.path()));
    assert!(!app.on_disk());
    assert_eq!(*app.plan(), Plan::recommended(&curriculum(), ""));
    assert_eq!(app.read_only(), None);
    assert!(!app.plan_path().exists(), "starting writes no plan");
    assert!(
        !store::plans_dir(dir.path()).exists(),
        "nor the folder: the first save makes it"
    );
    assert!(!session.holds_lock(), "the lock waits for the folder");
}

#[test]
fn an_existing_plan_is_opened_locked_and_remembered_as_the_last_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = store::plans_dir(dir.path()).join("ada.ron");
    let mut saved = Plan::recommended(&curriculum(), "Ada");
    saved.student = "Ada Lovelace".into();
    store::save_plan(&path, &saved).expect("save");
    let (app, session) = open(&[path.to_str().expect("utf-8 path")], dir.path());
    assert_eq!(app.plan_path(), path);
    assert!(app.on_disk());
    assert_eq!(app.plan().student, "Ada Lovelace");
    assert!(!app.is_dirty());
    assert_eq!(app.read_only(), None);
    assert!(session.holds_lock());
    assert_eq!(store::last_plan(dir.path()), Some(path.clone()));
    // Started again with no PLAN, the planner opens the plan used last.
    drop((app, session));
    let (again, _session) = open(&[], dir.path());
    assert_eq!(again.plan_path(), path);
}

#[test]
fn a_plan_another_planner_holds_opens_read_only_and_says_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = store::plans_dir(dir.path()).join("ada.ron");
    store::save_plan(&path, &Plan::recommended(&curriculum(), "Ada")).expect("save");
    let lock::Locked::Held(_held) = lock::lock(&path).expect("lock") else {
        panic!("the first lock must be held")
    };
    let (app, session) = open(&[path.to_str().expect("utf-8 path")], dir.path());
    let why = app.read_only().expect("read-only");
    assert!(
        why.contains(&format!("process {}", std::process::id())) && why.contains("read-only here"),
        "{why}"
    );
    assert!(!session.holds_lock());
}

#[test]
fn reviewing_a_plan_that_does_not_exist_is_refused_before_anything_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("nobody.ron");
    let failure = launch::read(
        &cli(&["review", missing.to_str().expect("utf-8 path")]),
        env(dir.path()),
    )
    .expect_err("no such plan");
    assert!(
        matches!(&failure, Failure::NoSuchPlan(p) if *p == missing),
        "{failure}"
    );
    assert!(
        failure.to_string().ends_with("no such plan to review"),
        "{failure}"
    );
}

#[test]
fn a_review_starts_as_the_reviewer_given() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = store::plans_dir(dir.path()).join("ada.ron");
    store::save_plan(&path, &Plan::recommended(&curriculum(), "Ada")).expect("save");
    let args = [
        "review",
        path.to_str().expect("utf-8 path"),
        "--reviewer",
        "Dr Grace",
    ];
    let (app, _session) = open(&args, dir.path());
    assert_eq!(
        *app.role(),
        degree_planner::model::review::Role::Reviewer {
            name: "Dr Grace".into()
        }
    );
}

#[test]
fn a_curriculum_warning_and_a_config_warning_both_show_at_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let program = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/curricula/stream_unknown_enrolment.ron");
    let args = ["--curriculum", program.to_str().expect("utf-8 path")];
    let config = "config ignored, using the default settings: config.ron:3:1: unknown key";
    let with_config = Env {
        config_warning: Some(config.into()),
        ..env(dir.path())
    };
    let (app, _session) = launch::read(&cli(&args), with_config)
        .expect("a warning does not stop the start")
        .open();
    let message = app.message().expect("a message at start");
    assert_eq!(message.tone, degree_planner::app::Tone::Error);
    assert!(
        message.text.contains("no stream of the program offers"),
        "{}",
        message.text
    );
    assert!(message.text.contains(config), "{}", message.text);
    // Either alone is shown alone.
    let (app, _session) = open(&args, dir.path());
    let text = &app.message().expect("the curriculum's warning").text;
    assert!(text.contains("no stream of the program offers") && !text.contains("config"));
}
