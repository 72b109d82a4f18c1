//! The plan picker and the file work behind it: App asks through Effects, `effects::perform`
//! does the work in a real (temporary) data directory, and the app shows the result.

use std::path::{Path, PathBuf};

use degree_planner::action::{Action, Context};
use degree_planner::app::Purpose;
use degree_planner::app::{App, Compare, Effect, Leave, Msg, Overlay, Prompt, PromptKind, Tone};
use degree_planner::effects::{self, Session};
use degree_planner::field::Field;
use degree_planner::model::{Plan, Status};
use degree_planner::store::{self, library};

use crate::common::bundled as curriculum;

/// A data directory with plans `ada` (open in the app) and `bo`.
fn setup() -> (tempfile::TempDir, App, Session) {
    let dir = tempfile::tempdir().expect("temp dir");
    let c = curriculum();
    let plans = store::plans_dir(dir.path());
    store::save_plan(&plans.join("ada.ron"), &Plan::recommended(&c, "Ada")).unwrap();
    store::save_plan(&plans.join("bo.ron"), &Plan::recommended(&c, "Bo")).unwrap();
    let plan = store::load_plan(&plans.join("ada.ron")).unwrap();
    let path = plans.join("ada.ron");
    let mut session = Session::new(c.clone(), Some(dir.path().to_path_buf()), path.clone());
    let read_only = session.lock_plan(&path);
    let mut app = App::new(c, plan, path, true);
    app.update(Msg::Locked(read_only));
    (dir, app, session)
}

/// Sends actions, performing any effect as the event loop would.
fn run(app: &mut App, session: &mut Session, actions: &[Action]) {
    for &a in actions {
        effects::dispatch(app, session, a);
    }
}

fn type_text(app: &mut App, session: &mut Session, text: &str) {
    for c in text.chars() {
        run(app, session, &[Action::Input(c)]);
    }
}

fn clear_prompt(app: &mut App, session: &mut Session) {
    for _ in 0..40 {
        run(app, session, &[Action::Backspace]);
    }
}

fn picker_names(app: &App) -> Vec<String> {
    match app.overlay() {
        Some(Overlay::Picker(p)) => p.entries.iter().map(|e| e.name.clone()).collect(),
        other => panic!("picker not open: {other:?}"),
    }
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn picker_lists_plans_and_highlights_the_open_one() {
    let (_dir, mut app, mut s) = setup();
    run(&mut app, &mut s, &[Action::OpenPicker]);
    assert_eq!(picker_names(&app), ["ada", "bo"]);
    let Some(Overlay::Picker(p)) = app.overlay() else {
        unreachable!()
    };
    assert_eq!(p.selected, 2, "two 'new plan' rows, then ada");
    assert_eq!(app.context(), Context::Picker);
    run(&mut app, &mut s, &[Action::Cancel]);
    assert_eq!(app.overlay().cloned(), None);
}

#[test]
fn opening_another_plan_switches_plan_lock_and_last_used() {
    let (dir, mut app, mut s) = setup();
    let ada_lock = store::lock::lock_path(&std::fs::canonicalize(app.plan_path()).unwrap());
    assert!(ada_lock.exists());
    run(
        &mut app,
        &mut s,
        &[Action::OpenPicker, Action::Down, Action::Toggle],
    );
    assert_eq!(app.plan().student, "Bo");
    assert!(app.plan_path().ends_with("bo.ron"));
    assert_eq!(app.overlay().cloned(), None);
    assert!(!ada_lock.exists(), "the old plan's lock is released");
    assert!(store::lock::lock_path(&std::fs::canonicalize(app.plan_path()).unwrap()).exists());
    let last = store::last_plan(dir.path()).unwrap();
    assert_eq!(last, std::fs::canonicalize(app.plan_path()).unwrap());
}

// Issue 12 item 8: o and n with unsaved edits offer save / discard / keep editing, as quit
// does, instead of refusing.
#[test]
fn unsaved_changes_are_saved_discarded_or_kept_before_another_plan() {
    let (dir, mut app, mut s) = setup();
    run(&mut app, &mut s, &[Action::CycleStatus, Action::OpenPicker]);
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Unsaved(Leave::ToPlans))
    );
    assert_eq!(app.context(), Context::ConfirmQuit);
    // Keep editing: nothing happens.
    run(&mut app, &mut s, &[Action::Cancel]);
    assert_eq!(app.overlay().cloned(), None);
    assert!(app.is_dirty());
    // Discard: the picker opens on the plan as saved; undo brings the edits back.
    run(&mut app, &mut s, &[Action::NewPlan, Action::Discard]);
    assert!(
        matches!(app.overlay().cloned(), Some(Overlay::Picker(_))),
        "{:?}",
        app.overlay().cloned()
    );
    assert!(!app.is_dirty());
    run(&mut app, &mut s, &[Action::Cancel, Action::Undo]);
    assert!(app.is_dirty(), "the discard is undoable");
    // Save: the edits are in the file, then the picker opens.
    run(&mut app, &mut s, &[Action::OpenPicker, Action::SaveAndQuit]);
    assert!(
        matches!(app.overlay().cloned(), Some(Overlay::Picker(_))),
        "{:?}",
        app.overlay().cloned()
    );
    assert!(!app.is_dirty());
    assert!(!app.should_quit());
    let saved = store::load_plan(&store::plans_dir(dir.path()).join("ada.ron")).unwrap();
    assert_eq!(saved.terms[0].courses[0].status, Status::InProgress);
    run(&mut app, &mut s, &[Action::Cancel, Action::NewPlan]);
    assert!(
        matches!(app.overlay().cloned(), Some(Overlay::Picker(_))),
        "nothing unsaved: straight to the picker"
    );
    run(&mut app, &mut s, &[Action::Cancel]);
    app.update(Msg::Review(Some("Dr Grace".into())));
    run(&mut app, &mut s, &[Action::OpenPicker]);
    assert_eq!(app.overlay().cloned(), None);
}

#[test]
fn new_plans_from_the_schedule_or_empty_never_replace_a_plan() {
    let (dir, mut app, mut s) = setup();
    // n opens the picker on "new from the recommended schedule".
    run(
        &mut app,
        &mut s,
        &[Action::NewPlan, Action::Up, Action::Up, Action::Toggle],
    );
    assert_eq!(
        app.overlay().cloned(),
        Some(Overlay::Prompt(Prompt {
            kind: PromptKind::NewPlan { empty: false },
            input: Field::default()
        }))
    );
    type_text(&mut app, &mut s, "bo");
    run(&mut app, &mut s, &[Action::Submit]);
    assert_eq!(app.message().unwrap().tone, Tone::Error, "bo exists");
    assert_eq!(app.plan().student, "Ada");
    run(
        &mut app,
        &mut s,
        &[
            Action::NewPlan,
            Action::Up,
            Action::Up,
            Action::Down,
            Action::Toggle,
        ],
    );
    type_text(&mut app, &mut s, "fresh");
    run(&mut app, &mut s, &[Action::Submit]);
    assert!(app.plan_path().ends_with("fresh.ron"));
    assert!(!app.on_disk() && !app.is_dirty());
    assert!(
        app.plan().terms.iter().all(|t| t.courses.is_empty()),
        "empty plan"
    );
    assert_eq!(app.plan().terms.len(), 4, "the program's semesters");
    assert_eq!(app.plan().student, "Ada", "the student carries over");
    assert!(
        !store::plans_dir(dir.path()).join("fresh.ron").exists(),
        "written on first save"
    );
    run(&mut app, &mut s, &[Action::Save]);
    assert!(store::plans_dir(dir.path()).join("fresh.ron").exists());
}

#[test]
fn duplicate_rename_and_delete_to_trash() {
    let (dir, mut app, mut s) = setup();
    let plans = store::plans_dir(dir.path());
    // Duplicate bo: the copy is listed and highlighted.
    run(
        &mut app,
        &mut s,
        &[Action::OpenPicker, Action::Down, Action::DuplicatePlan],
    );
    assert_eq!(picker_names(&app), ["ada", "bo", "bo copy"]);
    // Rename the copy: the prompt starts from its name.
    run(&mut app, &mut s, &[Action::RenamePlan]);
    let Some(Overlay::Prompt(Prompt {
        kind: PromptKind::RenamePlan(from),
        input,
    })) = app.overlay()
    else {
        panic!("rename prompt, got {:?}", app.overlay().cloned())
    };
    assert!(from.ends_with("bo copy.ron"));
    assert_eq!(input, "bo copy");
    clear_prompt(&mut app, &mut s);
    type_text(&mut app, &mut s, "bo-2027");
    run(&mut app, &mut s, &[Action::Submit]);
    assert_eq!(picker_names(&app), ["ada", "bo", "bo-2027"]);
    // Delete asks first; n keeps it.
    run(&mut app, &mut s, &[Action::TrashPlan]);
    assert_eq!(app.context(), Context::Confirm);
    run(&mut app, &mut s, &[Action::Cancel]);
    assert_eq!(picker_names(&app), ["ada", "bo", "bo-2027"]);
    // y moves it to trash/, never destroying it.
    run(&mut app, &mut s, &[Action::TrashPlan, Action::Confirm]);
    assert_eq!(picker_names(&app), ["ada", "bo"]);
    let trash = files(&dir.path().join("trash"));
    assert_eq!(trash.len(), 1);
    assert!(trash[0].starts_with("bo-2027-") && trash[0].ends_with(".ron"));
    assert!(!plans.join("bo-2027.ron").exists());
}

#[test]
fn the_open_plan_cannot_be_deleted_but_can_be_renamed() {
    let (dir, mut app, mut s) = setup();
    // Issue 12 item 8: checked before asking, and the plan is named.
    run(&mut app, &mut s, &[Action::OpenPicker, Action::TrashPlan]);
    let Some(Overlay::Picker(p)) = app.overlay() else {
        panic!("the picker stays open: {:?}", app.overlay().cloned())
    };
    assert!(
        !p.confirm_trash,
        "no question for a delete that cannot happen"
    );
    assert_eq!(
        app.message().unwrap().text,
        "ada is the open plan: open another one before deleting it"
    );
    assert_eq!(picker_names(&app), ["ada", "bo"]);
    // Another plan: the question names it.
    run(&mut app, &mut s, &[Action::Down, Action::TrashPlan]);
    assert_eq!(app.context(), Context::Confirm);
    let theme = degree_planner::theme::Theme::mono();
    let screen = degree_planner::ui::screen_text(&app, &theme, 120, 40);
    assert!(
        screen.contains("Delete bo? It is moved to the trash"),
        "{screen}"
    );
    run(&mut app, &mut s, &[Action::Cancel, Action::Up]);
    run(&mut app, &mut s, &[Action::RenamePlan]);
    clear_prompt(&mut app, &mut s);
    type_text(&mut app, &mut s, "ada-final");
    run(&mut app, &mut s, &[Action::Submit]);
    assert!(
        app.plan_path().ends_with("ada-final.ron"),
        "the app follows its plan"
    );
    assert!(store::lock::lock_path(&std::fs::canonicalize(app.plan_path()).unwrap()).exists());
    assert!(!store::plans_dir(dir.path()).join("ada.ron.lock").exists());
    run(
        &mut app,
        &mut s,
        &[Action::Cancel, Action::CycleStatus, Action::Save],
    );
    let saved = store::load_plan(&store::plans_dir(dir.path()).join("ada-final.ron")).unwrap();
    assert_eq!(saved.terms[0].courses[0].status, Status::InProgress);
}

#[test]
fn compare_picks_another_plan_and_esc_closes() {
    let (dir, mut app, mut s) = setup();
    let mut bo = store::load_plan(&store::plans_dir(dir.path()).join("bo.ron")).unwrap();
    let slot = bo.find("BE101").unwrap();
    bo.cycle_status(slot);
    store::save_plan(&store::plans_dir(dir.path()).join("bo.ron"), &bo).unwrap();
    run(&mut app, &mut s, &[Action::Compare]);
    assert_eq!(picker_names(&app), ["bo"], "the open plan is not offered");
    run(&mut app, &mut s, &[Action::Toggle]);
    let Some(Overlay::Compare(Compare { other, label, .. })) = app.overlay() else {
        panic!("compare, got {:?}", app.overlay().cloned())
    };
    assert_eq!(other.student, "Bo");
    assert!(label.ends_with("bo.ron"));
    assert_eq!(app.context(), Context::Compare);
    // Issue 12 item 16: a key that means nothing here no longer closes it.
    run(&mut app, &mut s, &[Action::Down, Action::Toggle]);
    assert!(
        matches!(
            app.overlay().cloned(),
            Some(Overlay::Compare(Compare { .. }))
        ),
        "{:?}",
        app.overlay().cloned()
    );
    run(&mut app, &mut s, &[Action::Cancel]);
    assert_eq!(app.overlay().cloned(), None);
}

#[test]
fn export_writes_the_markdown_report_beside_the_plan() {
    let (dir, mut app, mut s) = setup();
    run(&mut app, &mut s, &[Action::Export]);
    let report = std::fs::read_to_string(store::plans_dir(dir.path()).join("ada.md")).unwrap();
    assert!(report.starts_with("# Degree plan: Ada"), "{report}");
    assert!(
        app.message()
            .as_ref()
            .unwrap()
            .text
            .starts_with("Report written to")
    );
    // Issue 12 item 8: the report, meant for mailing, names the plan file, not its folder.
    let folder = store::plans_dir(dir.path()).display().to_string();
    assert!(!report.contains(&folder), "{report}");
    assert!(report.contains("ada.ron"), "{report}");
    // An earlier report is replaced only after a question; no keeps it.
    run(&mut app, &mut s, &[Action::CycleStatus, Action::Export]);
    let Some(Overlay::Ask(ask)) = app.overlay() else {
        panic!(
            "an earlier report: a question, got {:?}",
            app.overlay().cloned()
        )
    };
    assert!(
        ask.text
            .ends_with("ada.md exists already: write the report over it?"),
        "{}",
        ask.text
    );
    run(&mut app, &mut s, &[Action::Cancel]);
    let kept = std::fs::read_to_string(store::plans_dir(dir.path()).join("ada.md")).unwrap();
    assert_eq!(kept, report);
    // Yes writes the unsaved plan as shown, and says so.
    run(&mut app, &mut s, &[Action::Export]);
    run(&mut app, &mut s, &[Action::Confirm]);
    assert!(app.message().unwrap().text.contains("not yet saved"));
    let now = std::fs::read_to_string(store::plans_dir(dir.path()).join("ada.md")).unwrap();
    assert_ne!(now, report);
}

#[test]
fn no_data_directory_is_an_error_not_a_crash() {
    let (_dir, mut app, _) = setup();
    let mut s = Session::new(
        app.curriculum().clone(),
        None,
        app.plan_path().to_path_buf(),
    );
    let effect = app.update(Action::OpenPicker).expect("asks for the list");
    assert_eq!(effect, Effect::ListPlans(Purpose::Open));
    let result = effects::perform(effect, &mut s).expect("a result");
    app.update(result);
    assert!(
        app.message()
            .as_ref()
            .unwrap()
            .text
            .contains("no data directory")
    );
}

#[test]
fn listing_survives_unreadable_plans() {
    let (dir, app, _) = setup();
    std::fs::write(
        store::plans_dir(dir.path()).join("broken.ron"),
        "(version: 2,",
    )
    .unwrap();
    let entries = library::list(dir.path(), app.curriculum());
    let broken: Vec<&PathBuf> = entries
        .iter()
        .filter(|e| e.summary.is_err())
        .map(|e| &e.path)
        .collect();
    assert_eq!(broken.len(), 1);
    assert!(broken[0].ends_with("broken.ron"));
}

// Issue 12 item 5: save as takes a bare name as a plan in the plans folder (the prompt
// starts from one, and its cursor edits it), a path as a path; the result is in the list.
#[test]
fn save_as_a_bare_name_writes_a_plan_in_the_plans_folder() {
    let (dir, mut app, mut s) = setup();
    run(
        &mut app,
        &mut s,
        &[Action::EditStudent, Action::Input('!'), Action::Submit],
    );
    run(&mut app, &mut s, &[Action::SaveAs]);
    assert!(
        matches!(app.overlay(), Some(Overlay::Prompt(Prompt { input, .. })) if **input == *"ada copy")
    );
    // The prefill is editable where the cursor is, not only at the end.
    run(
        &mut app,
        &mut s,
        &[Action::Backspace, Action::Backspace, Action::Backspace],
    );
    run(&mut app, &mut s, &[Action::Backspace, Action::Backspace]);
    type_text(&mut app, &mut s, "-2027");
    run(&mut app, &mut s, &[Action::Submit]);
    let plans = store::plans_dir(dir.path());
    assert_eq!(app.plan_path(), plans.join("ada-2027.ron"));
    assert!(!app.is_dirty());
    let text = &app.message().expect("a message").text;
    assert!(text.contains("ada-2027.ron"), "{text}");
    let written: Vec<String> = files(&plans)
        .into_iter()
        .filter(|f| f.ends_with(".ron"))
        .collect();
    assert_eq!(written, ["ada-2027.ron", "ada.ron", "bo.ron"]);
    assert_eq!(
        store::load_plan(&plans.join("ada-2027.ron"))
            .unwrap()
            .student,
        "Ada!"
    );
    run(&mut app, &mut s, &[Action::OpenPicker]);
    assert_eq!(picker_names(&app), ["ada", "ada-2027", "bo"]);
    run(&mut app, &mut s, &[Action::Cancel]);

    // A path (it has a separator) is taken as it is.
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let target = elsewhere.path().join("kept.plan");
    run(&mut app, &mut s, &[Action::SaveAs]);
    clear_prompt(&mut app, &mut s);
    type_text(&mut app, &mut s, &target.display().to_string());
    run(&mut app, &mut s, &[Action::Submit]);
    assert_eq!(app.plan_path(), target);
    assert!(target.is_file());
}

// Issue 12 item 12: the compare picker picks a plan; it neither offers nor does new,
// duplicate, rename or delete.
#[test]
fn the_compare_picker_only_compares() {
    let (dir, mut app, mut s) = setup();
    run(&mut app, &mut s, &[Action::Compare]);
    assert_eq!(picker_names(&app), ["bo"]);
    let theme = degree_planner::theme::Theme::mono();
    let screen = degree_planner::ui::screen_text(&app, &theme, 120, 40);
    let footer = screen.lines().last().unwrap_or_default();
    for absent in ["new", "duplicate", "rename", "delete"] {
        assert!(!footer.contains(absent), "{absent:?} offered: {footer}");
    }
    let before = files(&store::plans_dir(dir.path()));
    run(
        &mut app,
        &mut s,
        &[
            Action::DuplicatePlan,
            Action::TrashPlan,
            Action::Confirm,
            Action::NewPlan,
        ],
    );
    assert!(
        matches!(app.overlay().cloned(), Some(Overlay::Picker(_))),
        "{:?}",
        app.overlay().cloned()
    );
    assert_eq!(files(&store::plans_dir(dir.path())), before);
}

#[test]
fn a_plan_in_the_trash_is_restored_and_never_over_another() {
    let (dir, mut app, mut s) = setup();
    let plans = store::plans_dir(dir.path());
    let c = curriculum();
    // Trash bo, look in the trash (t), restore it (Enter): back under its own name.
    run(
        &mut app,
        &mut s,
        &[
            Action::OpenPicker,
            Action::Down,
            Action::TrashPlan,
            Action::Confirm,
        ],
    );
    assert_eq!(picker_names(&app), ["ada"]);
    run(&mut app, &mut s, &[Action::ShowTrash]);
    let Some(Overlay::Picker(p)) = app.overlay() else {
        panic!("{:?}", app.overlay().cloned())
    };
    assert_eq!(p.purpose, Purpose::Trash);
    assert_eq!(p.entries.len(), 1);
    assert!(
        p.entries[0].name.starts_with("bo-"),
        "{:?}",
        p.entries[0].name
    );
    // The trash restores; it makes, copies, renames and deletes nothing.
    run(
        &mut app,
        &mut s,
        &[Action::DuplicatePlan, Action::TrashPlan, Action::NewPlan],
    );
    assert_eq!(files(&dir.path().join("trash")).len(), 1);
    run(&mut app, &mut s, &[Action::Toggle]);
    assert_eq!(picker_names(&app), ["ada", "bo"]);
    assert_eq!(
        app.message().map(|m| m.text.as_str()),
        Some(format!("Restored as {}", store::display_path(&plans.join("bo.ron"))).as_str())
    );
    assert!(files(&dir.path().join("trash")).is_empty());
    assert_eq!(
        store::load_plan(&plans.join("bo.ron")).unwrap().student,
        "Bo"
    );

    // Trashed again while a new bo is made: restoring gives the old one a free name.
    run(
        &mut app,
        &mut s,
        &[Action::Down, Action::TrashPlan, Action::Confirm],
    );
    store::save_plan(&plans.join("bo.ron"), &Plan::recommended(&c, "Bo II")).unwrap();
    run(&mut app, &mut s, &[Action::ShowTrash, Action::Toggle]);
    assert_eq!(picker_names(&app), ["ada", "bo", "bo restored"]);
    assert_eq!(
        store::load_plan(&plans.join("bo.ron")).unwrap().student,
        "Bo II"
    );
    assert_eq!(
        store::load_plan(&plans.join("bo restored.ron"))
            .unwrap()
            .student,
        "Bo"
    );

    // t in the trash goes back to the plans; an empty trash says so.
    run(&mut app, &mut s, &[Action::ShowTrash]);
    let Some(Overlay::Picker(p)) = app.overlay() else {
        panic!("{:?}", app.overlay().cloned())
    };
    assert!(p.entries.is_empty());
    run(&mut app, &mut s, &[Action::ShowTrash]);
    let Some(Overlay::Picker(p)) = app.overlay() else {
        panic!("{:?}", app.overlay().cloned())
    };
    assert_eq!(p.purpose, Purpose::Open);
}
