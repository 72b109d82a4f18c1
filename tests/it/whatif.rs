//! What-if in the planner: the plan set aside, edits on a scratch copy, the delta bar, and
//! the three ways out (apply as one undoable edit, discard, keep as a plan file of its own),
//! with another curriculum file and a stream choice.

use std::path::{Path, PathBuf};

use degree_planner::action::{Action, Context};
use degree_planner::app::{App, Effect, Focus, Msg, Overlay, PromptKind};
use degree_planner::effects::{self, Session};
use degree_planner::field::InputRequest;
use degree_planner::model::{Plan, Status};
use degree_planner::store;
use degree_planner::theme::Theme;
use degree_planner::ui;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::common::bundled;

fn app() -> App {
    let c = bundled();
    let plan = Plan::recommended(&c, "Ada");
    App::new(c, plan, PathBuf::from("plans/ada.ron"), true)
}

fn chr(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn esc() -> KeyEvent {
    KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)
}

/// Presses `event` as the event loop does: resolved by the app, then applied.
fn press(app: &mut App, event: KeyEvent) -> Option<Effect> {
    let action = app
        .resolve(&event)
        .unwrap_or_else(|| panic!("{event:?} is not bound in {:?}", app.context()));
    app.update(action)
}

/// Term index of `code` in `plan`.
fn term_of(plan: &Plan, code: &str) -> Option<usize> {
    plan.find(code).map(|s| s.term)
}

/// From a fresh app: the what-if open, BE201 (first course of Semester II) moved to
/// Semester III, which breaks the prerequisites of the courses after it.
fn moved_in_whatif() -> App {
    let mut app = app();
    press(&mut app, chr('W'));
    press(&mut app, chr('l'));
    press(&mut app, chr('>'));
    app
}

/// How the what-if of `app` stands, as the delta bar computes it from the frame's figures.
fn figures(app: &App) -> degree_planner::app::Figures {
    degree_planner::app::Figures::of(app.curriculum(), app.plan())
}

fn unknown(app: &App) -> Vec<String> {
    degree_planner::model::whatif::unknown(app.curriculum(), app.plan())
}

fn screen(app: &App) -> String {
    ui::screen_text(app, &Theme::color(), 120, 40)
}

#[test]
fn w_sets_the_plan_aside_and_edits_go_to_the_scratch_copy() {
    let mut app = app();
    let real = app.plan().clone();
    assert!(app.available(Context::Normal, Action::WhatIf));
    press(&mut app, chr('W'));
    let w = app.whatif().expect("a what-if is open");
    assert_eq!(w.real_plan(), &real);
    assert!(!app.available(Context::Normal, Action::WhatIf));
    assert!(app.available(Context::WhatIf, Action::ApplyWhatIf));
    press(&mut app, chr('l'));
    press(&mut app, chr('>'));
    assert_eq!(term_of(app.plan(), "BE201"), Some(2));
    let w = app.whatif().expect("still open");
    assert_eq!(
        term_of(w.real_plan(), "BE201"),
        Some(1),
        "the plan is untouched"
    );
    assert!(!app.is_dirty(), "the real plan has no unsaved change");
}

#[test]
fn the_deltas_follow_every_edit_of_the_what_if() {
    let mut app = moved_in_whatif();
    let w = app.whatif().expect("open");
    let (before, after) = (&w.before().standing, &figures(&app).standing);
    assert_eq!(before.errors, 0);
    let problems = degree_planner::model::problems(app.curriculum(), app.plan());
    let errors = problems
        .iter()
        .filter(|p| p.severity == degree_planner::model::Severity::Error)
        .count();
    assert!(errors > 0);
    assert_eq!(after.errors, errors, "the what-if's own problems");
    assert_eq!(after.credits, before.credits, "a move keeps the credits");
    let bar = screen(&app);
    assert!(
        bar.contains(&format!("errors 0 → {errors} (+{errors})")),
        "{bar}"
    );
    // Taking it out of the plan costs its credits.
    press(&mut app, chr(' '));
    let w = app.whatif().expect("open");
    assert_eq!(
        figures(&app).standing.credits.total() + 4,
        w.before().standing.credits.total()
    );
    // Undo walks back through the what-if's own edits.
    press(&mut app, chr('u'));
    press(&mut app, chr('u'));
    let w = app.whatif().expect("open");
    assert_eq!(&figures(&app), w.before());
}

#[test]
fn applying_is_one_undoable_edit_of_the_plan() {
    let mut app = moved_in_whatif();
    let real = app.whatif().expect("open").real_plan().clone();
    // A second edit: BE202 moved back to Semester I.
    press(&mut app, chr('j'));
    let code = app.selected_code().expect("a course");
    press(&mut app, chr('<'));
    press(&mut app, chr('<'));
    let scratch = app.plan().clone();
    press(&mut app, chr('W'));
    assert!(app.whatif().is_none());
    assert_eq!(app.plan(), &scratch, "both edits are in the plan");
    assert!(app.is_dirty());
    assert!(
        app.message()
            .is_some_and(|m| m.text.contains("Applied the what-if")),
        "{:?}",
        app.message()
    );
    press(&mut app, chr('u'));
    assert_eq!(app.plan(), &real, "one undo takes the whole what-if back");
    assert_eq!(term_of(app.plan(), &code), Some(1));
    app.update(Action::Redo);
    assert_eq!(app.plan(), &scratch);
}

#[test]
fn esc_asks_before_losing_changes_and_a_yes_discards_them() {
    let mut app = moved_in_whatif();
    let real = app.whatif().expect("open").real_plan().clone();
    press(&mut app, esc());
    assert!(matches!(app.overlay(), Some(Overlay::Ask(_))));
    assert!(app.whatif().is_some(), "only asked");
    press(&mut app, chr('n'));
    assert!(app.whatif().is_some(), "no keeps the what-if");
    press(&mut app, esc());
    press(&mut app, chr('y'));
    assert!(app.whatif().is_none());
    assert_eq!(app.plan(), &real);
    assert!(!app.is_dirty());
    // With no change, Esc leaves at once.
    press(&mut app, chr('W'));
    press(&mut app, esc());
    assert!(app.whatif().is_none());
    assert!(app.overlay().is_none());
}

#[test]
fn esc_clears_a_filter_before_it_leaves_the_what_if() {
    let mut app = app();
    press(&mut app, chr('W'));
    press(&mut app, chr('/'));
    press(&mut app, chr('x'));
    app.update(Action::Submit);
    assert_eq!(app.cursor().filter, "x");
    press(&mut app, esc());
    assert!(app.cursor().filter.is_empty());
    assert!(app.whatif().is_some());
    press(&mut app, esc());
    assert!(app.whatif().is_none());
}

#[test]
fn saving_exporting_and_leaving_the_plan_are_refused_during_a_what_if() {
    let mut app = moved_in_whatif();
    for key in ['s', 'S', 'e', 'o', 'n'] {
        let effect = press(&mut app, chr(key));
        assert_eq!(effect, None, "{key}");
        assert!(app.overlay().is_none(), "{key}");
        let message = app.message().expect("says why").text.clone();
        assert!(message.contains("K keeps it as a plan"), "{key}: {message}");
    }
    assert!(!app.available(Context::Normal, Action::Save));
    assert!(app.whatif().is_some());
}

#[test]
fn quitting_with_a_what_if_asks_then_asks_about_the_plan() {
    let mut app = moved_in_whatif();
    press(&mut app, chr('q'));
    assert!(matches!(app.overlay(), Some(Overlay::Ask(_))));
    assert!(!app.should_quit());
    press(&mut app, chr('y'));
    assert!(app.should_quit(), "the plan itself had no unsaved change");

    // With unsaved changes of the plan, the usual question follows.
    let mut app = self::app();
    press(&mut app, chr('c'));
    press(&mut app, chr('W'));
    press(&mut app, chr('c'));
    press(&mut app, chr('q'));
    press(&mut app, chr('y'));
    assert!(matches!(app.overlay(), Some(Overlay::Unsaved(_))));
    assert!(app.whatif().is_none());
    let be101 = app.plan().find("BE101").expect("placed");
    assert_eq!(
        app.plan().placement(be101).expect("placed").status,
        Status::InProgress,
        "the plan's own edit is still there"
    );
}

#[test]
fn unsaved_edits_kept_aside_are_the_plans_never_the_what_ifs() {
    let mut app = app();
    press(&mut app, chr('c'));
    let real = app.plan().clone();
    press(&mut app, chr('W'));
    press(&mut app, chr('c'));
    match app.update(Msg::Settled) {
        Some(Effect::KeepAside { plan, .. }) => assert_eq!(*plan, real),
        other => panic!("expected the plan kept aside, got {other:?}"),
    }
}

/// A data directory with the plan `ada` saved and open in the app.
fn saved() -> (tempfile::TempDir, App, Session, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let c = bundled();
    let path = store::plans_dir(dir.path()).join("ada.ron");
    store::save_plan(&path, &Plan::recommended(&c, "Ada")).expect("save");
    let plan = store::load_plan(&path).expect("load");
    let mut session = Session::new(c.clone(), Some(dir.path().to_path_buf()), path.clone());
    let read_only = session.lock_plan(&path);
    let mut app = App::new(c, plan, path.clone(), true);
    app.update(Msg::Locked(read_only));
    (dir, app, session, path)
}

fn run(app: &mut App, session: &mut Session, actions: &[Action]) {
    for &a in actions {
        effects::dispatch(app, session, a);
    }
}

/// Answers the open prompt with `text`, replacing what it was prefilled with.
fn answer(app: &mut App, session: &mut Session, text: &str) {
    run(app, session, &[Action::Edit(InputRequest::DeleteLine)]);
    for c in text.chars() {
        run(app, session, &[Action::Input(c)]);
    }
    run(app, session, &[Action::Submit]);
}

#[test]
fn keep_as_plan_writes_a_new_file_and_leaves_the_plan_byte_identical() {
    let (dir, mut app, mut s, path) = saved();
    let bytes = std::fs::read(&path).expect("read");
    run(
        &mut app,
        &mut s,
        &[Action::WhatIf, Action::NextTerm, Action::MoveLater],
    );
    run(&mut app, &mut s, &[Action::KeepWhatIf]);
    assert!(matches!(
        app.overlay(),
        Some(Overlay::Prompt(p)) if p.kind == PromptKind::KeepWhatIf && p.input.value() == "ada what-if"
    ));
    answer(&mut app, &mut s, "try");
    let kept = store::plans_dir(dir.path()).join("try.ron");
    let plan = store::load_plan(&kept).expect("the what-if is a plan file");
    assert_eq!(term_of(&plan, "BE201"), Some(2));
    assert_eq!(
        std::fs::read(&path).expect("read"),
        bytes,
        "the plan's file is untouched"
    );
    assert!(app.whatif().is_some(), "still in the what-if");
    assert_eq!(app.plan_path(), path, "the plan is still the open one");
    assert_eq!(app.whatif().and_then(|w| w.kept_at()), Some(kept.as_path()));
    assert!(store::recovery::find(&path, app.plan()).is_none());
    // A plan file like any: the diff against the real one names the move.
    let diff = degree_planner::model::diff::diff(
        &degree_planner::model::review::placement(&store::load_plan(&path).unwrap()),
        &degree_planner::model::review::placement(&plan),
    );
    assert_eq!(diff.len(), 1, "{diff:?}");
    // Kept: Esc leaves without asking; keeping over a file is refused.
    run(&mut app, &mut s, &[Action::KeepWhatIf]);
    answer(&mut app, &mut s, "try");
    assert!(
        app.message()
            .is_some_and(|m| m.text.contains("exists already")),
        "{:?}",
        app.message()
    );
    run(&mut app, &mut s, &[Action::DiscardWhatIf]);
    assert!(app.whatif().is_none());
    assert!(app.overlay().is_none());
    assert_eq!(std::fs::read(&path).expect("read"), bytes);
}

const TINY: &str = r#"(
    name: "Tiny Program",
    degree_credits: 6,
    semesters: ["Autumn", "Spring"],
    paths: [(id: "dev", name: "Developer", mark: 'V', about: "Writes code.")],
    courses: [
        (code: "BE101", title: "Intro", credits: 3, semester: 1, careers: {"dev": 2}),
        (code: "TT102", title: "Yak Shaving", credits: 3, semester: 1),
    ],
)
"#;

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path.to_string_lossy().into_owned()
}

#[test]
fn another_curriculum_maps_courses_by_code_and_lists_the_unknown_ones() {
    let (dir, mut app, mut s, _) = saved();
    let file = write(dir.path(), "tiny.ron", TINY);
    run(
        &mut app,
        &mut s,
        &[Action::WhatIf, Action::WhatIfCurriculum],
    );
    answer(&mut app, &mut s, &file);
    let w = app.whatif().expect("open");
    assert_eq!(
        w.curriculum_file(),
        Some(file.as_str()),
        "{:?}",
        app.message()
    );
    assert_eq!(app.curriculum().name, "Tiny Program");
    assert!(
        !unknown(&app).contains(&"BE101".to_string()),
        "mapped by code"
    );
    assert!(unknown(&app).contains(&"BE102".to_string()));
    assert!(figures(&app).standing.errors > 0);
    assert_eq!(
        w.before().standing.errors,
        0,
        "the plan is judged as before"
    );
    let message = app.message().expect("said").text.clone();
    assert!(message.contains("not in it: BE102"), "{message}");
    // Under another program nothing is applied; an empty answer goes back.
    run(&mut app, &mut s, &[Action::ApplyWhatIf]);
    assert!(app.whatif().is_some());
    run(&mut app, &mut s, &[Action::WhatIfCurriculum]);
    answer(&mut app, &mut s, "");
    let w = app.whatif().expect("open");
    assert_eq!(w.curriculum_file(), None);
    assert_eq!(app.curriculum().name, bundled().name);
    assert_eq!(&figures(&app), w.before());
    assert_eq!(
        app.plan(),
        w.real_plan(),
        "the stamp of the other program is gone"
    );
}

#[test]
fn a_curriculum_that_does_not_parse_says_where_and_changes_nothing() {
    let (dir, mut app, mut s, _) = saved();
    let file = write(
        dir.path(),
        "bad.ron",
        "(\n  name: \"Bad\",\n  degree_credits: ,\n)\n",
    );
    run(&mut app, &mut s, &[Action::WhatIf, Action::MoveLater]);
    let scratch = app.plan().clone();
    run(&mut app, &mut s, &[Action::WhatIfCurriculum]);
    answer(&mut app, &mut s, &file);
    let message = app.message().expect("said").text.clone();
    assert!(message.contains(&format!("{file}:3:")), "{message}");
    assert_eq!(app.plan(), &scratch);
    assert_eq!(app.whatif().and_then(|w| w.curriculum_file()), None);
    assert_eq!(app.curriculum().name, bundled().name);
}

#[test]
fn a_stream_choice_is_a_what_if_edit() {
    let text = include_str!("../curricula/screen_program.ron");
    let c = store::parse_curriculum(text, "screen_program.ron")
        .expect("valid")
        .curriculum;
    let plan = Plan::recommended(&c, "Ada");
    let mut app = App::new(c, plan, "plans/ada.ron".into(), true);
    press(&mut app, chr('W'));
    app.update(Action::ShowRequirements);
    let progress = degree_planner::model::requirements::progress(app.curriculum(), app.plan());
    let at = degree_planner::app::entries(&progress)
        .iter()
        .position(|e| *e == degree_planner::app::Entry::Stream(0))
        .expect("a stream");
    for _ in 0..at {
        app.update(Action::Down);
    }
    app.update(Action::Toggle);
    app.update(Action::Cancel);
    assert!(app.plan().choices.contains_key("major"));
    let w = app.whatif().expect("open");
    assert!(w.real_plan().choices.is_empty(), "the plan chose nothing");
}

#[test]
fn the_target_path_is_a_what_if_edit_and_its_readiness_is_shown() {
    let mut app = app();
    press(&mut app, chr('W'));
    for _ in 0..4 {
        if app.cursor().focus == Focus::Paths {
            break;
        }
        app.update(Action::NextFocus);
    }
    assert_eq!(app.cursor().focus, Focus::Paths);
    if app.cursor().path.is_none() {
        app.update(Action::NextPath);
    }
    app.update(Action::Toggle);
    let target = app.plan().target_path.clone().expect("a target");
    let w = app.whatif().expect("open");
    assert!(
        w.real_plan().target_path.is_none(),
        "the plan has no target"
    );
    let name = &app.curriculum().path(&target).expect("a path").name;
    let shown = screen(&app);
    let bar = shown.lines().nth(37).expect("the bar's second row");
    assert!(bar.contains(name.as_str()), "{bar}");
}

#[test]
fn the_gpa_delta_shows_where_grades_exist() {
    let mut app = app();
    // BE101 completed with an A, then the what-if lowers it to a C.
    press(&mut app, chr('c'));
    press(&mut app, chr('c'));
    app.update(Action::EditGrade);
    for c in "A".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit);
    press(&mut app, chr('W'));
    app.update(Action::EditGrade);
    app.update(Action::Edit(InputRequest::DeleteLine));
    app.update(Action::Input('C'));
    app.update(Action::Submit);
    let w = app.whatif().expect("open");
    let (a, b) = (
        w.before().gpa.expect("graded"),
        figures(&app).gpa.expect("graded"),
    );
    assert!(b < a, "{a} → {b}");
    let shown = screen(&app);
    assert!(shown.contains("GPA 4.00 → 2.00 (-2.00)"), "{shown}");
}

#[test]
fn the_delta_bar_at_120x40() {
    let app = moved_in_whatif();
    let shown = screen(&app);
    assert!(shown.lines().next().unwrap().contains("WHAT-IF"));
    insta::assert_snapshot!(shown);
}

#[test]
fn the_delta_bar_under_another_curriculum_at_120x40() {
    let (dir, mut app, mut s, _) = saved();
    let file = write(dir.path(), "tiny.ron", TINY);
    run(
        &mut app,
        &mut s,
        &[Action::WhatIf, Action::WhatIfCurriculum],
    );
    answer(&mut app, &mut s, &file);
    let shown = screen(&app).replace(&file, "tiny.ron");
    let bar: Vec<&str> = shown.lines().skip(36).take(2).collect();
    insta::assert_snapshot!(bar.join("\n"));
}
