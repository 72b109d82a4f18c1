//! Render tests: what a person sees, drawn on ratatui's TestBackend and compared with
//! reviewed insta snapshots; styles are checked on the buffer, where the snapshot is blind.

use degree_planner::action::{Action, Spot};
use degree_planner::app::{App, Focus, Msg};
use degree_planner::model::{Plan, Slot};
use degree_planner::store;
use degree_planner::theme::Theme;
use degree_planner::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

use crate::common::{bundled, synth};

fn fresh() -> App {
    let c = bundled();
    let plan = Plan::recommended(&c, "Ada Lovelace");
    App::new(c, plan, "plans/ada.ron".into(), true)
}

/// `app` with its plan changed by `change` and not saved: the planner reopened on the saved
/// plan, with the change restored as an earlier session's unsaved edits. The cursor starts
/// over; the message the restoring leaves is cleared.
fn replan(app: &App, change: impl FnOnce(&mut Plan)) -> App {
    let mut plan = app.plan().clone();
    change(&mut plan);
    let path = app.plan_path().to_path_buf();
    let saved = app.plan().clone();
    let mut app = App::new(app.curriculum().clone(), saved, path, app.on_disk());
    app.update(Msg::Recovered(Box::new(plan)));
    app.update(Action::Confirm);
    click(&mut app, Focus::Terms, None, None);
    app
}

/// Clicks `pane` (in `term`, on `row`): the way to move the cursor from outside.
fn click(app: &mut App, pane: Focus, term: Option<usize>, row: Option<usize>) {
    app.update(Action::Click(Spot { pane, term, row }));
}

/// Focuses the career path `index` (into the curriculum's paths) with `p`.
fn focus_path(app: &mut App, index: usize) {
    for _ in 0..=app.curriculum().paths.len() {
        if app.cursor().path == Some(index) {
            return;
        }
        app.update(Action::NextPath);
    }
    panic!("path {index} cannot be focused");
}

/// A plan part-way through: Semester I completed (two graded), Semester II in progress,
/// Freelancing taken out of the plan, the DevOps path focused and targeted.
fn midway() -> App {
    let mut app = replan(&fresh(), |plan| {
        for i in 0..6 {
            let slot = Slot { term: 0, index: i };
            plan.cycle_status(slot);
            plan.cycle_status(slot);
        }
        plan.set_grade(Slot { term: 0, index: 0 }, Some("A".into()));
        plan.set_grade(Slot { term: 0, index: 1 }, Some("B+".into()));
        for i in 0..6 {
            plan.cycle_status(Slot { term: 1, index: i });
        }
        let freelancing = plan.find("BE405").expect("BE405 planned");
        plan.remove(freelancing);
        plan.target_path = Some("devops".into());
    });
    focus_path(&mut app, 1);
    click(&mut app, Focus::Terms, Some(1), Some(3));
    app
}

fn render(app: &App, theme: &Theme, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| ui::draw(frame, app, theme))
        .expect("draw");
    terminal.backend().buffer().clone()
}

fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        for x in 0..area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn screen(app: &App, width: u16, height: u16) -> String {
    text(&render(app, &Theme::color(), width, height))
}

/// Row `y` of the buffer as text.
fn row(buffer: &Buffer, y: u16) -> String {
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect()
}

/// The first row containing `needle`.
fn find_row(buffer: &Buffer, needle: &str) -> u16 {
    (0..buffer.area.height)
        .find(|&y| row(buffer, y).contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{}", text(buffer)))
}

fn column_of(buffer: &Buffer, y: u16, needle: &str) -> u16 {
    let line = row(buffer, y);
    let byte = line.find(needle).expect("needle in row");
    line[..byte].chars().count() as u16
}

#[test]
fn main_screen_120x40() {
    insta::assert_snapshot!(screen(&midway(), 120, 40));
}

#[test]
fn main_screen_80x24() {
    insta::assert_snapshot!(screen(&midway(), 80, 24));
}

/// A student two semesters in with strong DevOps grades and both first projects focused on
/// DevOps (docs/examples/linus.ron), with the Career paths pane focused.
fn linus() -> App {
    let c = bundled();
    let text = include_str!("../../docs/examples/linus.ron");
    let plan = store::parse_plan(text, "linus.ron").expect("linus.ron parses");
    let mut app = App::new(c, plan, "plans/linus.ron".into(), true);
    app.update(Action::NextFocus);
    app.update(Action::NextFocus);
    app
}

#[test]
fn career_paths_pane_120x40() {
    let app = linus();
    assert_eq!(app.cursor().focus, Focus::Paths);
    insta::assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn career_paths_pane_80x24() {
    insta::assert_snapshot!(screen(&linus(), 80, 24));
}

/// Focusing a path lights its core courses strongly and the courses that only touch it
/// faintly; courses that give it nothing stay plain.
#[test]
fn focus_highlights_core_strongly_and_touching_courses_faintly() {
    let mut app = fresh();
    app.update(Action::NextPath);
    app.update(Action::NextPath);
    assert_eq!(app.cursor().path, Some(1), "DevOps");
    let theme = Theme::color();
    let buffer = render(&app, &theme, 120, 40);
    let style_at = |needle: &str, offset: u16| {
        let y = find_row(&buffer, needle);
        let x = column_of(&buffer, y, needle) + offset;
        buffer[(x, y)].style()
    };
    // BE106 (Git) is DevOps core (weight 3): its code is highlighted.
    assert_eq!(style_at("BE106", 0).fg, theme.path_highlight.fg);
    assert!(style_at("BE106", 0).add_modifier.contains(Modifier::BOLD));
    // BE103 touches DevOps (weight 1): its code is plain, its D mark faint.
    assert_ne!(style_at("BE103", 0).fg, theme.path_highlight.fg);
    let y = find_row(&buffer, "BE103");
    let line = row(&buffer, y);
    let marks = line[..line.find("SDA").expect("marks")].chars().count() as u16;
    let d = buffer[(marks + 1, y)].style();
    assert_eq!(d.fg, theme.path_faint.fg);
    assert!(!d.add_modifier.contains(Modifier::BOLD));
}

/// Where a program has electives, the pane shows what the chosen ones give each path, and does
/// not claim every course is required.
#[test]
fn an_elective_program_shows_what_the_chosen_electives_give_each_path() {
    let text = include_str!("../curricula/valid_with_electives.ron");
    let c = store::parse_curriculum(text, "valid_with_electives.ron")
        .expect("valid")
        .curriculum;
    let plan = Plan::recommended(&c, "Ada");
    let mut app = App::new(c, plan, "plans/ada.ron".into(), true);
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("O Ops Engineer · electives 0/2"), "{shown}");
    assert!(!shown.contains("All courses are required"));
    // Place E2 (ops 2) from the pool into the first term.
    app.update(Action::NextFocus);
    assert_eq!(app.selected_code().as_deref(), Some("E2"));
    app.update(Action::Toggle);
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("O Ops Engineer · electives 2/2"), "{shown}");
}

#[test]
fn new_plan_120x40() {
    let app = fresh();
    let path = app.plan_path().to_path_buf();
    let app = App::new(app.curriculum().clone(), app.plan().clone(), path, false);
    insta::assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn problems_and_pool_120x40() {
    let mut app = midway();
    // Move RESTful API Development to Semester III, next to the courses that need it,
    // and take Linux out of the plan: prerequisite errors, an over-full term, missing credits.
    app.update(Action::Up);
    app.update(Action::Up);
    app.update(Action::Up);
    app.update(Action::MoveLater);
    app.update(Action::PrevTerm);
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::Toggle);
    app.update(Action::Confirm);
    app.update(Action::NextFocus);
    insta::assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn help_overlay_120x40() {
    let mut app = midway();
    app.update(Action::Help);
    insta::assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn help_overlay_80x24_scrolls() {
    let mut app = midway();
    app.update(Action::Help);
    let top = screen(&app, 80, 24);
    assert!(top.contains("↑↓ scroll"), "{top}");
    insta::assert_snapshot!("help_overlay_80x24_top", top);
    for _ in 0..200 {
        app.update(Action::Down);
    }
    insta::assert_snapshot!("help_overlay_80x24_bottom", screen(&app, 80, 24));
}

#[test]
fn help_search_shows_the_matching_keys_of_each_mode_under_its_title() {
    let mut app = midway();
    app.update(Action::Help);
    app.update(Action::StartFilter);
    for c in "target".chars() {
        app.update(Action::Input(c));
    }
    let typing = screen(&app, 80, 24);
    assert!(typing.contains("Search keys: target"), "{typing}");
    app.update(Action::Submit);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains(r#"Keys matching "target""#), "{shown}");
    assert!(!shown.contains("save the plan"), "only matches: {shown}");
    // A description too long for one row goes on under the description column.
    let wrapped = shown
        .lines()
        .skip_while(|l| !l.contains("unplan the course (term)"))
        .nth(1)
        .unwrap_or_default();
    assert!(
        wrapped.starts_with(&format!("│{}set the target", " ".repeat(14))),
        "{wrapped:?}"
    );
    insta::assert_snapshot!(shown);
}

#[test]
fn confirm_quit_dialog() {
    let mut app = midway();
    app.update(Action::CycleStatus);
    app.update(Action::Quit);
    insta::assert_snapshot!(screen(&app, 100, 30));
}

#[test]
fn filter_narrows_every_list() {
    let mut app = midway();
    app.update(Action::StartFilter);
    for c in "data".chars() {
        app.update(Action::Input(c));
    }
    insta::assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn too_small_message() {
    let app = midway();
    let shown = screen(&app, 59, 19);
    assert!(
        shown.contains("terminal too small: need at least 60x20, have 59x19"),
        "{shown}"
    );
    insta::assert_snapshot!(shown);
}

#[test]
fn every_size_renders_without_panic() {
    let mut app = midway();
    app.update(Action::Help);
    let help = app.clone();
    let plain = midway();
    let widths = (1..=24).chain((25..=200).step_by(9));
    for width in widths {
        for height in [1, 2, 3, 5, 8, 13, 19, 20, 21, 24, 33, 34, 40, 55, 70] {
            render(&plain, &Theme::color(), width, height);
            render(&help, &Theme::mono(), width, height);
        }
    }
}

#[test]
fn selected_row_is_reversed_and_marked_in_both_themes() {
    let app = midway();
    for theme in [Theme::color(), Theme::mono()] {
        let buffer = render(&app, &theme, 120, 40);
        let y = find_row(&buffer, "BE204");
        let x = column_of(&buffer, y, "BE204");
        assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED));
        assert!(row(&buffer, y).contains(">"), "selection marker");
        let other = find_row(&buffer, "BE203");
        let x = column_of(&buffer, other, "BE203");
        assert!(!buffer[(x, other)].modifier.contains(Modifier::REVERSED));
    }
}

#[test]
fn focused_path_courses_light_up() {
    let app = midway();
    let buffer = render(&app, &Theme::mono(), 120, 40);
    // Linux supports DevOps; Technical English II does not.
    let highlighted = |code: &str| {
        let y = find_row(&buffer, code);
        buffer[(column_of(&buffer, y, code), y)]
            .modifier
            .contains(Modifier::UNDERLINED)
    };
    assert!(highlighted("BE401"));
    assert!(highlighted("BE106"));
    assert!(!highlighted("BE205"));
    assert!(!highlighted("BE102"));
}

#[test]
fn statuses_show_as_glyphs_not_only_colour() {
    let buffer = render(&midway(), &Theme::mono(), 120, 40);
    assert!(row(&buffer, find_row(&buffer, "BE101")).contains("✓ BE101"));
    assert!(row(&buffer, find_row(&buffer, "BE201")).contains("◐ BE201"));
    assert!(row(&buffer, find_row(&buffer, "BE301")).contains("○ BE301"));
}

#[test]
fn credits_gauge_reads_like_the_issue_says() {
    let shown = screen(&midway(), 120, 40);
    assert!(
        shown.contains("62 / 64 credits: 17 completed, 17 in progress, 28 planned"),
        "{shown}"
    );
}

#[test]
fn pool_focus_shows_place_hint() {
    let mut app = midway();
    click(&mut app, Focus::Pool, None, None);
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("Enter place"), "{shown}");
    assert!(shown.contains("BE405 Freelancing"), "{shown}");
}

#[test]
fn completed_course_detail_names_status_and_grade() {
    let mut app = midway();
    click(&mut app, Focus::Terms, Some(0), Some(1));
    let shown = screen(&app, 120, 40);
    assert!(
        shown.contains("completed in Semester I, grade B+"),
        "{shown}"
    );
}

/// `midway` reviewed by Dr Grace: approved, then BE204 taken out by the student; notes on a
/// course, a term and the plan, one of them addressed.
fn reviewed() -> App {
    use degree_planner::model::review::{Decision, Note, NoteTarget, verdict_for};
    let app = midway();
    let note = |on: NoteTarget, text: &str, addressed: bool| Note {
        on,
        text: text.into(),
        author: "Dr Grace".into(),
        date: "2026-11-20".into(),
        addressed,
    };
    let mut app = replan(&app, |plan| {
        plan.notes = vec![
            note(
                NoteTarget::Course("BE204".into()),
                "Take Linux before Docker",
                false,
            ),
            note(NoteTarget::Term("Semester II".into()), "A heavy term", true),
            note(NoteTarget::Plan, "Solid plan; keep Freelancing", false),
        ];
        plan.verdict = Some(verdict_for(
            plan,
            Decision::Approved,
            "Dr Grace",
            "2026-11-20",
            "Good",
        ));
        let linux = plan.find("BE204").expect("BE204");
        plan.remove(linux);
    });
    focus_path(&mut app, 1);
    click(&mut app, Focus::Terms, Some(1), Some(0));
    app
}

#[test]
fn student_sees_notes_and_changed_verdict() {
    let shown = screen(&reviewed(), 120, 40);
    assert!(
        shown.contains("changed since Dr Grace approved it"),
        "{shown}"
    );
    assert!(shown.contains("(1 change)"), "{shown}");
    assert!(shown.contains("BE204 removed from Semester II"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn reviewer_sees_review_keys() {
    let mut app = reviewed();
    app.update(Msg::Review(Some("Dr Grace".into())));
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("REVIEW by Dr Grace"), "{shown}");
    assert!(shown.contains("A approve"), "{shown}");
}

/// The last row (the footer) of a drawn screen.
fn footer(shown: &str) -> &str {
    shown.lines().last().unwrap_or_default()
}

#[test]
fn read_only_says_why_at_open_and_offers_no_edit_or_save_keys() {
    const WHY: &str =
        "another degree-planner (process 4242) has this plan open; it is read-only here";
    let mut app = midway();
    let writable = screen(&app, 120, 40);
    for key in ["s save", "u undo", "c status"] {
        assert!(footer(&writable).contains(key), "{key}: {writable}");
    }
    app.update(Msg::Locked(Some(WHY.into())));
    let shown = screen(&app, 120, 40);
    assert!(shown.contains(&format!("Read-only: {WHY}")), "{shown}");
    for key in ["s save", "u undo", "c status", "unplan", "move course"] {
        assert!(!footer(&shown).contains(key), "{key} is offered: {shown}");
    }
    assert!(footer(&shown).contains("? help"), "{shown}");
    insta::assert_snapshot!(shown);

    // A reviewer is offered the notes and the verdict, unless the plan is read-only here.
    let mut review = reviewed();
    review.update(Msg::Review(Some("Dr Grace".into())));
    let shown = screen(&review, 120, 40);
    for key in ["n note", "A approve", "R request changes"] {
        assert!(footer(&shown).contains(key), "{key}: {shown}");
    }
    assert!(!footer(&shown).contains("unplan"), "{shown}");
    review.update(Msg::Locked(Some(WHY.into())));
    let shown = screen(&review, 120, 40);
    for key in ["n note", "A approve", "s save"] {
        assert!(!footer(&shown).contains(key), "{key} is offered: {shown}");
    }
    // Opened for review while another planner holds it, as `launch` does: locked first.
    // The opening message gives the reason and names no key that would not act.
    let mut locked = reviewed();
    locked.update(Msg::Locked(Some(WHY.into())));
    locked.update(Msg::Review(Some("Dr Grace".into())));
    let said = &locked.message().expect("the opening message").text;
    assert_eq!(said, &format!("Reviewing as Dr Grace, read-only: {WHY}"));
    let mut free = reviewed();
    free.update(Msg::Review(Some("Dr Grace".into())));
    let said = &free.message().expect("the opening message").text;
    assert!(
        said.contains("add notes") && said.contains("approves"),
        "{said}"
    );
}

#[test]
fn notes_list() {
    let mut app = reviewed();
    app.update(Action::ShowNotes);
    app.update(Action::Down);
    insta::assert_snapshot!(screen(&app, 120, 40));
}

/// After a note that wraps over many rows, the highlighted note is still on screen, whole,
/// and so is a long highlighted note's first row.
#[test]
fn notes_list_keeps_the_highlight_visible_after_a_long_note() {
    let mut app = replan(&reviewed(), |plan| {
        plan.notes[0].text = "Take Linux before Docker. ".repeat(120);
        plan.notes[2].text = "Solid plan; keep Freelancing. ".repeat(120);
    });
    app.update(Action::ShowNotes);
    app.update(Action::Down);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("> Term Semester II"), "{shown}");
    assert!(shown.contains("A heavy term"), "{shown}");
    app.update(Action::Down);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("> Plan"), "{shown}");
    assert!(shown.contains("Solid plan; keep Freelancing."), "{shown}");
    // Back up to the long first note: its target line shows, not only its tail.
    app.update(Action::Up);
    app.update(Action::Up);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("> BE204"), "{shown}");
}

/// With more problems than rows, the pane shows the first ones whole and says which
/// ("1-N of TOTAL" on its border); focused, it scrolls to the last problem and says so.
#[test]
fn problems_pane_shows_what_fits_and_says_which() {
    use degree_planner::model::Placement;
    let mut app = replan(&fresh(), |plan| {
        plan.terms[0]
            .courses
            .extend((0..3000).map(|i| Placement::planned(&format!("Z{i}"))));
    });
    let total = degree_planner::model::problems(app.curriculum(), app.plan()).len();
    let position = |shown: &str| -> (usize, usize) {
        let (range, _) = shown
            .split(&format!(" of {total} "))
            .next()
            .and_then(|before| before.rsplit(' ').next())
            .and_then(|r| r.split_once('-'))
            .unwrap_or_else(|| panic!("no \"A-B of {total}\":\n{shown}"));
        let first: usize = range.parse().expect("first");
        let last: usize = shown
            .split(&format!(" of {total} "))
            .next()
            .and_then(|before| before.rsplit('-').next())
            .and_then(|n| n.parse().ok())
            .expect("last");
        (first, last)
    };
    let shown = screen(&app, 200, 60);
    let (first, last) = position(&shown);
    // Each problem shown starts with its mark; the other panes use neither mark here.
    let marks = shown.matches('✗').count() + shown.matches('⚠').count();
    assert_eq!((first, last), (1, marks), "{shown}");
    // Focused and moved to the end, the window ends at the last problem.
    while app.cursor().focus != Focus::Problems {
        app.update(Action::NextFocus);
    }
    let problems = Spot {
        pane: Focus::Problems,
        term: None,
        row: None,
    };
    app.update(Action::Scroll {
        at: problems,
        lines: total as isize - 3,
    });
    for _ in 0..5 {
        app.update(Action::Down);
    }
    assert_eq!(app.cursor().problem_row, total - 1);
    let shown = screen(&app, 200, 60);
    let (first, last) = position(&shown);
    let marks = shown.matches('✗').count() + shown.matches('⚠').count();
    assert_eq!(last, total, "{shown}");
    assert_eq!(last - first + 1, marks, "{shown}");
    assert_eq!(
        shown.matches("> ✗").count(),
        1,
        "one highlighted problem:\n{shown}"
    );
}

#[test]
fn plan_picker() {
    use degree_planner::app::Purpose;
    use degree_planner::store::library::{PlanEntry, PlanSummary};
    let mut app = midway();
    let entry = |name: &str, summary: Result<PlanSummary, String>| PlanEntry {
        path: format!("plans/{name}.ron").into(),
        name: name.into(),
        saved: "2026-11-20 09:30".into(),
        summary,
    };
    let entries = vec![
        entry(
            "ada",
            Ok(PlanSummary {
                student: "Ada Lovelace".into(),
                credits: (62, 64),
                verdict: "approved by Dr Grace on 2026-11-20".into(),
                problems: (0, 0),
            }),
        ),
        entry(
            "broken",
            Err("plans/broken.ron:3:1: Expected closing `)`".into()),
        ),
        entry(
            "zoe",
            Ok(PlanSummary {
                student: "Zoe".into(),
                credits: (58, 64),
                verdict: "not reviewed".into(),
                problems: (2, 1),
            }),
        ),
    ];
    assert_eq!(app.plan_path(), std::path::Path::new("plans/ada.ron"));
    app.update(Msg::Listed {
        purpose: Purpose::Open,
        entries,
        select: Some(std::path::Path::new("plans/ada.ron").into()),
    });
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("3 of 5"), "position: {shown}");
    assert!(
        shown.contains("> ● ada"),
        "the open plan is marked: {shown}"
    );
    assert!(shown.contains("    zoe"), "no other is: {shown}");
    assert!(shown.contains("2 errors, 1 warning"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn plan_picker_with_a_long_list_shows_where_the_highlight_is() {
    use degree_planner::app::Purpose;
    use degree_planner::store::library::PlanEntry;
    let mut app = midway();
    let entries = (1..=41)
        .map(|i| PlanEntry {
            path: format!("plans/plan {i:02}.ron").into(),
            name: format!("plan {i:02}"),
            saved: "2026-11-20 09:30".into(),
            summary: Err("not read".into()),
        })
        .collect();
    app.update(Msg::Listed {
        purpose: Purpose::Open,
        entries,
        select: Some(std::path::Path::new("plans/plan 39.ron").into()),
    });
    let shown = screen(&app, 80, 24);
    assert!(shown.contains(" 41 of 43 "), "{shown}");
    assert!(shown.contains(">   plan 39"), "in view: {shown}");
    insta::assert_snapshot!(shown);
    // Typing a filter keeps only the matches, and says so.
    app.update(Action::StartFilter);
    app.update(Action::Input('4'));
    let filtered = screen(&app, 80, 24);
    assert!(filtered.contains(r#"matching "4""#), "{filtered}");
    assert!(filtered.contains("Filter: 4█"), "{filtered}");
    assert!(
        filtered.contains(" 1 of 6 "),
        "plans 04, 14, 24, 34, 40, 41: {filtered}"
    );
    insta::assert_snapshot!("plan_picker_filtered", filtered);
}

#[test]
fn plan_picker_over_the_trash() {
    use degree_planner::app::Purpose;
    use degree_planner::store::library::PlanEntry;
    let mut app = midway();
    let entries = vec![PlanEntry {
        path: "trash/bo-20261120-093000.ron".into(),
        name: "bo-20261120-093000".into(),
        saved: "2026-11-20 09:30".into(),
        summary: Err("not read".into()),
    }];
    app.update(Msg::Listed {
        purpose: Purpose::Trash,
        entries,
        select: None,
    });
    let shown = screen(&app, 80, 24);
    assert!(shown.contains(" Trash: Enter restores a plan "), "{shown}");
    assert!(!shown.contains("New plan"), "{shown}");
    assert!(
        !shown.contains("y duplicate"),
        "the trash only restores: {shown}"
    );
    insta::assert_snapshot!(shown);
}

#[test]
fn compare_side_by_side() {
    let mut app = midway();
    let mut other = app.plan().clone();
    let slot = other.find("BE301").expect("BE301");
    other.move_to(slot, 3);
    app.update(Msg::Compared {
        other: Box::new(other),
        label: "plans/ada-alt.ron".into(),
    });
    let shown = screen(&app, 120, 40);
    assert!(
        shown.contains("BE301 moved from Semester IV to Semester III"),
        "{shown}"
    );
    insta::assert_snapshot!(shown);
}

// Issue 12 item 16: more differences than fit: the list says how many it shows and
// scrolls.
#[test]
fn compare_scrolls_through_many_differences() {
    let mut app = midway();
    let mut other = app.plan().clone();
    for term in &mut other.terms {
        for p in &mut term.courses {
            p.status = degree_planner::model::Status::Planned;
        }
    }
    app.update(Msg::Compared {
        other: Box::new(other),
        label: "plans/ada-alt.ron".into(),
    });
    let first = screen(&app, 120, 40);
    assert!(
        first.contains("9 of 12 differences shown, from the 1st"),
        "{first}"
    );
    assert!(
        first.contains("BE101 changed from planned to completed"),
        "{first}"
    );
    app.update(Action::Down);
    app.update(Action::Down);
    let later = screen(&app, 120, 40);
    assert!(
        later.contains("9 of 12 differences shown, from the 3rd"),
        "{later}"
    );
    assert!(!later.contains("BE101 changed"), "{later}");
    for _ in 0..50 {
        app.update(Action::Down);
    }
    let last = screen(&app, 120, 40);
    assert!(
        last.contains("9 of 12 differences shown, from the 4th"),
        "{last}"
    );
}

// ---------------------------------------------------------------------------------------------
// A whole catalog: 5,000 synthetic courses
// ---------------------------------------------------------------------------------------------

/// The planner on a synthetic 5,000-course catalog with the unplanned pool focused.
fn catalog() -> App {
    // The older shape (courses of 2 to 6 credits, terms "Term N"): its terms hold more
    // courses than a screen shows, which the layout tests need.
    let text = synth::curriculum_with(5000, 3, synth::Constructs::None);
    let c = store::parse_curriculum(&text, "synthetic")
        .expect("valid")
        .curriculum;
    let plan = synth::plans(&c, 1, 3).remove(0);
    let mut app = App::new(c, plan, "plans/catalog.ron".into(), true);
    click(&mut app, Focus::Pool, None, None);
    app
}

/// The pool's rows on screen: lines of the pool pane, from its title to its bottom border.
fn pool_rows(screen: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let top = lines
        .iter()
        .position(|l| l.contains("Unplanned ("))
        .expect("pool title");
    lines[top + 1..]
        .iter()
        .take_while(|l| !l.starts_with('└'))
        .map(|l| l.split('│').nth(1).unwrap_or("").to_string())
        .collect()
}

#[test]
fn a_long_pool_scrolls_to_keep_the_highlight_on_screen() {
    let mut app = catalog();
    let total = app.pool().len();
    assert!(total > 4900, "{total} unplanned");
    for row in [0, 1, 17, total / 2, total - 2, total - 1] {
        click(&mut app, Focus::Pool, None, Some(row));
        let screen = text(&render(&app, &Theme::mono(), 200, 60));
        assert!(screen.contains(&format!("Unplanned ({total})")), "{screen}");
        let rows = pool_rows(&screen);
        let code = &app.pool()[row].code;
        let highlighted: Vec<&String> = rows.iter().filter(|r| r.starts_with('>')).collect();
        assert_eq!(
            highlighted.len(),
            1,
            "one highlight at row {row}:\n{screen}"
        );
        assert!(
            highlighted[0].contains(code.as_str()),
            "row {row}:\n{screen}"
        );
        // The rows shown are consecutive courses of the pool, ending at the highlight once
        // it is past the first screenful.
        let at = rows
            .iter()
            .position(|r| r.starts_with('>'))
            .expect("highlight");
        let first = row - at;
        for (i, r) in rows.iter().enumerate() {
            let expected = &app.pool()[first + i].code;
            assert!(r.contains(expected.as_str()), "row {}: {r}", first + i);
        }
        if row >= rows.len() {
            assert_eq!(at, rows.len() - 1, "scrolled only as far as needed");
        }
    }
}

#[test]
fn typing_a_filter_narrows_a_catalog_as_you_type() {
    let mut app = catalog();
    let all = app.pool().len();
    let mut counts = vec![all];
    app.update(Action::StartFilter);
    for c in "advanced sto".chars() {
        app.update(Action::Input(c));
        let shown = app.pool().len();
        let screen = text(&render(&app, &Theme::mono(), 200, 60));
        assert!(
            screen.contains(&format!("Unplanned ({shown} of {all})")),
            "{screen}"
        );
        counts.push(shown);
    }
    assert!(counts.windows(2).all(|w| w[1] <= w[0]), "{counts:?}");
    let last = *counts.last().expect("counts");
    assert!(last > 0 && last < all / 20, "{counts:?}");
    for course in app.pool() {
        assert!(
            course.title.to_lowercase().contains("advanced sto"),
            "{}",
            course.title
        );
    }
}

/// `screen` output is never wider than the size asked, in display columns: a double-width
/// character (CJK, most emoji) takes two cells and is written once; combining marks add none.
#[test]
fn screen_text_lines_fit_the_width_with_wide_and_combining_characters() {
    use unicode_width::UnicodeWidthStr;
    for name in [
        "王小明 (Wáng Xiǎomíng)",
        "🎓👩‍💻 Zoë",
        "e\u{301}e\u{301} Ame\u{301}lie 日本語",
    ] {
        let app = replan(&fresh(), |plan| plan.student = name.into());
        for (w, h) in [(120, 40), (80, 24), (200, 60)] {
            let text = ui::screen_text(&app, &Theme::mono(), w, h);
            assert_eq!(text.lines().count(), usize::from(h));
            for line in text.lines() {
                assert!(
                    line.width() <= usize::from(w),
                    "{w}x{h} {name}: {line:?} is {} wide",
                    line.width()
                );
            }
            let header = text.lines().next().unwrap_or_default();
            assert!(
                header.contains(name.split(' ').next().unwrap_or(name)),
                "{header}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Course rows: every path's mark, whole codes; a program without paths
// ---------------------------------------------------------------------------------------------

/// The planner on a test curriculum from tests/curricula with its recommended plan.
fn program(file: &str) -> App {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/curricula")
        .join(file);
    let c = store::load_curriculum(Some(&path))
        .expect("valid curriculum")
        .curriculum;
    let plan = Plan::recommended(&c, "Kim");
    App::new(c, plan, "plans/kim.ron".into(), true)
}

/// The line of `screen` showing the course `code`, from the code to the end of its pane.
fn course_row<'s>(screen: &'s str, code: &str) -> &'s str {
    let line = screen
        .lines()
        .find(|l| l.contains(code))
        .unwrap_or_else(|| panic!("{code} on screen:\n{screen}"));
    let start = line.find(code).expect("code");
    let rest = &line[start..];
    &rest[..rest.find('│').unwrap_or(rest.len())]
}

#[test]
fn a_course_row_marks_a_seventh_path_and_says_when_more_paths_do_not_fit() {
    let mut app = program("many_paths_long_codes.ron");
    let shown = screen(&app, 120, 40);
    assert!(
        course_row(&shown, "COMPSCI 2521").ends_with(" 3 ·········+"),
        "{shown}"
    );
    // Twelve paths: the first nine columns, then one that says '+' when the course
    // supports any of the three that have no column.
    assert!(
        course_row(&shown, "COMPSCI 1511").ends_with(" 3 A·····G···"),
        "{shown}"
    );
    assert!(
        course_row(&shown, "COMPSCI 1521").ends_with(" 3 ·········+"),
        "{shown}"
    );
    insta::assert_snapshot!(shown);
    // With a path past the ninth focused, its mark takes the last column.
    focus_path(&mut app, 11);
    let shown = screen(&app, 120, 40);
    assert!(
        course_row(&shown, "COMPSCI 1521").ends_with(" 3 ·········L"),
        "{shown}"
    );
    assert!(
        course_row(&shown, "COMPSCI 1511").ends_with(" 3 A·····G···"),
        "{shown}"
    );
}

#[test]
fn codes_longer_than_eight_characters_show_whole_and_distinct() {
    let app = program("many_paths_long_codes.ron");
    for (width, height) in [(80, 24), (120, 40), (200, 60)] {
        let shown = screen(&app, width, height);
        for code in ["COMPSCI 1511", "COMPSCI 1521", "COMPSCI 2521"] {
            assert!(
                course_row(&shown, code).starts_with(code),
                "{width}x{height}:\n{shown}"
            );
        }
        assert!(!shown.contains("COMPSCI…"), "{width}x{height}:\n{shown}");
    }
    insta::assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn a_program_without_paths_says_so_and_offers_no_path_key() {
    let app = program("no_paths.ron");
    for (width, height) in [(80, 24), (120, 40)] {
        let shown = screen(&app, width, height);
        assert!(!shown.contains("p focuses a path"), "{shown}");
        assert!(
            shown.contains("This program defines no career paths."),
            "{width}x{height}:\n{shown}"
        );
        let footer = shown.lines().last().expect("footer");
        assert!(!footer.contains("p path"), "{footer}");
    }
    insta::assert_snapshot!(screen(&app, 120, 40));
}

// ---------------------------------------------------------------------------------------------
// Layout by content: a catalog's terms, pool and problems at three sizes
// ---------------------------------------------------------------------------------------------

/// Rows of the pane whose top border holds `title`, not counting its borders.
fn pane_rows(screen: &str, title: &str) -> usize {
    let lines: Vec<&str> = screen.lines().collect();
    let (top, column) = lines
        .iter()
        .enumerate()
        .find_map(|(i, l)| l.find(title).map(|c| (i, c)))
        .unwrap_or_else(|| panic!("{title} on screen:\n{screen}"));
    let prefix = lines[top][..column].chars().count();
    lines[top + 1..]
        .iter()
        .take_while(|l| l.chars().nth(prefix.saturating_sub(2)) != Some('└'))
        .count()
}

#[test]
fn a_catalog_gives_the_pool_room_and_says_which_terms_are_off_screen() {
    let mut app = catalog();
    // Twelve terms, as a real catalog's plan has.
    while app.plan().terms.len() < 12 {
        let codes: Vec<String> = app.pool().iter().take(6).map(|c| c.code.clone()).collect();
        app = replan(&app, |plan| {
            let term = plan.terms.len();
            let name = plan.fresh_term_name();
            plan.add_term(term, &name);
            for code in codes {
                plan.place_unplanned(term, &code);
            }
        });
    }
    let terms = app.plan().terms.len();
    let small = screen(&app, 120, 40);
    assert!(
        small.contains(&format!(" of {terms} · ←→ for the rest ")),
        "{small}"
    );
    // The pool and the problems share the rows below the terms, half each at least when
    // both have more than fits; the problems say which of them show.
    assert!(pane_rows(&small, "Unplanned (") >= 4, "{small}");
    let problems = degree_planner::model::problems(app.curriculum(), app.plan()).len();
    assert!(small.contains(&format!(" of {problems} ┘")), "{small}");
    // The pool says which of its courses show.
    let pool = app.pool().len();
    assert!(small.contains(&format!("─ 1-7 of {pool} ┘")), "{small}");
    insta::assert_snapshot!("catalog_120x40", small);
    // At 200x60 every term shows and every placed title is whole.
    let wide = screen(&app, 200, 60);
    assert!(!wide.contains("←→ for the rest"), "{wide}");
    for term in &app.plan().terms {
        for p in &term.courses {
            let title = &app.curriculum().course(&p.code).expect("course").title;
            assert!(
                wide.contains(&format!("{} {title}", p.code)),
                "{title}:\n{wide}"
            );
        }
    }
    insta::assert_snapshot!("catalog_200x60", wide);
    insta::assert_snapshot!("catalog_80x24", screen(&app, 80, 24));
}

#[test]
fn the_bundled_program_at_200x60_shows_every_title_whole() {
    let app = midway();
    let shown = screen(&app, 200, 60);
    for term in &app.plan().terms {
        for p in &term.courses {
            let title = &app.curriculum().course(&p.code).expect("course").title;
            assert!(
                shown.contains(&format!("{} {title}", p.code)),
                "{title}:\n{shown}"
            );
        }
    }
    insta::assert_snapshot!(shown);
}

/// Where `needle` is written in `buffer`, one character a cell: the cell of its first one.
fn find_all(buffer: &Buffer, needle: &str) -> Vec<(u16, u16)> {
    let chars: Vec<String> = needle.chars().map(String::from).collect();
    let area = buffer.area;
    let mut found = Vec::new();
    for y in 0..area.height {
        for x in 0..area.width.saturating_sub(chars.len() as u16 - 1) {
            let here = chars
                .iter()
                .enumerate()
                .all(|(i, c)| buffer[(x + i as u16, y)].symbol() == c);
            if here {
                found.push((x, y));
            }
        }
    }
    found
}

/// Midway, with BE301 pulled back into Semester II (problems name it) and Freelancing in
/// the pool: every kind of pane has rows to click.
fn with_every_pane() -> App {
    let mut app = replan(&midway(), |plan| {
        let from = plan.find("BE301").expect("BE301 planned");
        let placement = plan.terms[from.term].courses.remove(from.index);
        plan.place(1, placement);
    });
    focus_path(&mut app, 1);
    click(&mut app, Focus::Terms, Some(1), Some(3));
    app
}

#[test]
fn the_pointer_finds_the_course_term_and_pane_drawn_under_it() {
    use degree_planner::action::Spot;
    let theme = Theme::mono();
    for (width, height) in [(120, 40), (80, 24)] {
        for (focus, long) in [
            (Focus::Terms, false),
            (Focus::Terms, true),
            (Focus::Pool, true),
            (Focus::Problems, false),
        ] {
            let mut app = with_every_pane();
            if long {
                // Semester III's courses in Semester II too: a list longer than its pane.
                app = replan(&app, |plan| {
                    let moved = std::mem::take(&mut plan.terms[2].courses);
                    plan.terms[1].courses.extend(moved);
                });
                focus_path(&mut app, 1);
            }
            // The current term's last course highlighted: when focused, its list scrolls.
            let last = app.visible_rows(1).len() - 1;
            click(&mut app, Focus::Terms, Some(1), Some(last));
            click(&mut app, focus, None, None);
            let buffer = render(&app, &theme, width, height);
            let at = |cell| ui::hit::spot(&app, &theme, (width, height), cell);
            // Every course code drawn in a term is that term's row of that course.
            let mut courses = 0;
            for (t, term) in app.plan().terms.iter().enumerate() {
                for (r, &i) in app.visible_rows(t).iter().enumerate() {
                    let code = &term.courses[i].code;
                    // (The course pane and the problems name courses too.)
                    for cell in find_all(&buffer, code) {
                        if let Some(spot) = at(cell).filter(|s| s.pane == Focus::Terms) {
                            assert_eq!(spot.term, Some(t), "{code} at {cell:?} {width}x{height}");
                            assert_eq!(spot.row, Some(r), "{code} at {cell:?} {width}x{height}");
                            courses += 1;
                        }
                    }
                }
            }
            assert!(courses >= 6, "{courses} courses hit at {width}x{height}");
            // The pool's course is its first row.
            let pool = find_all(&buffer, "BE405");
            let spots: Vec<Option<Spot>> = pool.iter().map(|&c| at(c)).collect();
            assert!(
                spots.contains(&Some(Spot {
                    pane: Focus::Pool,
                    term: None,
                    row: Some(0)
                })),
                "{spots:?} at {width}x{height}"
            );
            // A term's title is its border: the term, on no row.
            let title = find_all(&buffer, "Semester II ")[0];
            assert_eq!(
                at(title),
                Some(Spot {
                    pane: Focus::Terms,
                    term: Some(1),
                    row: None
                })
            );
            // Each problem's mark is that problem.
            let problems = degree_planner::model::problems(app.curriculum(), app.plan());
            let marks: Vec<Option<usize>> = find_all(&buffer, "✗ ")
                .into_iter()
                .chain(find_all(&buffer, "⚠ "))
                .filter_map(&at)
                .filter(|s| s.pane == Focus::Problems)
                .map(|s| s.row)
                .collect();
            assert!(!marks.is_empty(), "no problem drawn at {width}x{height}");
            for (i, row) in marks.iter().enumerate() {
                let row = row.expect("a mark is on a problem's row");
                assert!(row < problems.len(), "{marks:?}");
                assert!(!marks[..i].contains(&Some(row)), "{marks:?} twice");
            }
            // The header, status line and hints are on no pane.
            assert_eq!(at((0, 0)), None);
            assert_eq!(at((0, height - 1)), None);
        }
    }
    // The career paths: their pane at full size, their row otherwise.
    let app = with_every_pane();
    for (width, height) in [(120, 40), (80, 24)] {
        let buffer = render(&app, &theme, width, height);
        let paths = find_all(&buffer, "aths")
            .into_iter()
            .filter_map(|c| ui::hit::spot(&app, &theme, (width, height), c))
            .find(|s| s.pane == Focus::Paths);
        assert!(paths.is_some(), "no career paths at {width}x{height}");
    }
}

/// A problem of the requirement language (issue 14) shows in the problems pane like any
/// other, and its course is flagged in the terms pane.
#[test]
fn a_course_placed_in_a_term_it_is_not_offered_shows_in_the_problems_pane() {
    let text = r#"(name: "Req", degree_credits: 3, semesters: ["2024 T1", "2024 T2"],
        term_kinds: ["T1", "T2"], paths: [],
        courses: [(code: "A1", title: "Alpha", credits: 3, semester: 2, offered: ["T1"])])"#;
    let c = store::parse_curriculum(text, "req.ron")
        .expect("valid")
        .curriculum;
    let plan = Plan::recommended(&c, "Ada");
    let app = App::new(c, plan, "plans/ada.ron".into(), true);
    let buffer = render(&app, &Theme::color(), 120, 40);
    find_row(&buffer, "Problems: 1 error, 0 warnings");
    let first = find_row(&buffer, "✗ A1 Alpha is placed in 2024 T2 but");
    assert!(row(&buffer, first + 1).contains("offered only in T1"));
    find_row(&buffer, "!○ A1 Alpha");
    let recommended = Plan::recommended(app.curriculum(), "Ada");
    let moved = {
        let mut p = recommended;
        p.move_to(Slot { term: 1, index: 0 }, 0);
        p
    };
    let fine = App::new(
        app.curriculum().clone(),
        moved,
        "plans/ada.ron".into(),
        true,
    );
    let shown = screen(&fine, 120, 40);
    assert!(!shown.contains("offered only"), "{shown}");
    assert!(shown.contains("○ A1 Alpha") && !shown.contains("!○ A1 Alpha"));
}

/// Every action of every context the config file remaps, moved to a key no default uses:
/// Greek letters, one per action of a context.
fn remapped() -> degree_planner::keymap::Keymap {
    use degree_planner::config::SECTIONS;
    let mut text = String::from("(keys: (");
    for (context, section, _) in SECTIONS {
        text.push_str(&format!("{section}: {{"));
        for (i, b) in degree_planner::action::bindings(context).enumerate() {
            let key = char::from_u32(0x3b1 + u32::try_from(i).expect("few")).expect("a letter");
            text.push_str(&format!("\"{}\": [\"{key}\"], ", b.action.name()));
        }
        text.push_str("}, ");
    }
    text.push_str("))");
    let config = store::parse_config(&text, "remap.ron").expect("every context remapped");
    degree_planner::keymap::Keymap::new(&config.keys)
}

/// The default keys' labels of the contexts the config file remaps ("s", "Esc", "↑"...).
fn default_labels() -> std::collections::HashSet<String> {
    degree_planner::config::SECTIONS
        .iter()
        .flat_map(|(context, _, _)| degree_planner::action::bindings(*context))
        .flat_map(|b| b.keys.iter().map(|k| k.label()))
        .collect()
}

/// The words of `shown` that are a default key's label, but for "a", which is a word too,
/// ">", which marks the highlighted row, "/" between numbers ("62 / 64"), "→" between a
/// value and what it became, "-" for a value not there yet ("results -"), "+" that marks a
/// new plan or a course added, and the career paths' marks ("S", "D", "A").
fn default_keys_in(shown: &str) -> Vec<String> {
    let mut labels = default_labels();
    for path in &bundled().paths {
        labels.remove(&path.mark.to_string());
    }
    labels.remove("/");
    labels.remove("→");
    labels.remove("-");
    labels.remove("+");
    let mut found: Vec<String> = shown
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| "()[],.;:\"'".contains(c)))
        .filter(|w| labels.contains(*w) && !["a", ">"].contains(w))
        .map(str::to_string)
        .collect();
    found.extend(
        ['↑', '↓', '←']
            .into_iter()
            .filter(|c| shown.contains(*c))
            .map(String::from),
    );
    found
}

/// Issue 13 item 3: with every key moved, no footer, overlay, dialog or message names a
/// default key, and each names the keys in effect (a Greek letter here).
#[test]
fn every_key_on_screen_comes_from_the_keymap() {
    use degree_planner::app::Purpose;
    use degree_planner::store::library::PlanEntry;
    let keys = remapped;
    let greek = |s: &str| s.chars().any(|c| ('\u{3b1}'..='\u{3e0}').contains(&c));
    let mut screens: Vec<(&str, String)> = Vec::new();
    let mut shot = |name, app: &App, w, h| screens.push((name, screen(app, w, h)));

    let app = midway().with_keymap(keys());
    shot("planning", &app, 120, 40);
    shot("planning small", &app, 80, 24);
    shot("too small", &app, 50, 10);
    let mut pool = app.clone();
    click(&mut pool, Focus::Pool, None, Some(0));
    shot("pool detail", &pool, 120, 40);
    pool.update(Action::MoveLater);
    shot("move outside the terms", &pool, 120, 40);
    let mut path = fresh().with_keymap(keys());
    click(&mut path, Focus::Terms, Some(3), Some(3));
    path.update(Action::SetFocus);
    shot("focus without a path", &path, 120, 40);
    let mut filtered = app.clone();
    filtered.update(Action::StartFilter);
    filtered.update(Action::Input('B'));
    filtered.update(Action::Submit);
    shot("filter", &filtered, 120, 40);
    let mut unnamed = replan(&fresh(), |plan| plan.student.clear()).with_keymap(keys());
    shot("no name", &unnamed, 120, 40);
    unnamed.update(Action::Quit);
    shot("unsaved", &unnamed, 120, 40);
    let empty = replan(&fresh(), |plan| plan.terms.clear()).with_keymap(keys());
    shot("no terms", &empty, 120, 40);
    let mut placing = empty.clone();
    click(&mut placing, Focus::Pool, None, Some(0));
    placing.update(Action::Toggle);
    shot("no term to place in", &placing, 120, 40);
    let mut recovering =
        App::new(bundled(), app.plan().clone(), "plans/ada.ron".into(), true).with_keymap(keys());
    let mut edited = app.plan().clone();
    edited.student = "Bo".into();
    recovering.update(Msg::Recovered(Box::new(edited)));
    shot("recovery", &recovering, 120, 40);

    let mut help = app.clone();
    help.update(Action::Help);
    let help_screens = [screen(&help, 120, 40), screen(&help, 80, 24)];

    let mut notes = reviewed().with_keymap(keys());
    notes.update(Action::ShowNotes);
    shot("notes", &notes, 120, 40);
    shot("review panel", &reviewed().with_keymap(keys()), 120, 40);

    let entry = |name: &str| PlanEntry {
        path: format!("plans/{name}.ron").into(),
        name: name.into(),
        saved: "2026-11-20 09:30".into(),
        summary: Err("not read".into()),
    };
    for purpose in [Purpose::Open, Purpose::Compare, Purpose::Trash] {
        let mut picker = app.clone();
        picker.update(Msg::Listed {
            purpose,
            entries: vec![entry("ada"), entry("bo")],
            select: None,
        });
        shot("picker", &picker, 120, 40);
        if purpose == Purpose::Open {
            let mut deleting = picker.clone();
            deleting.update(Action::Down);
            deleting.update(Action::TrashPlan);
            shot("picker delete", &deleting, 120, 40);
        }
        picker.update(Action::StartFilter);
        shot("picker typing", &picker, 120, 40);
        picker.update(Action::Input('z'));
        picker.update(Action::Submit);
        shot("picker no match", &picker, 120, 40);
    }
    let mut trash = app.clone();
    trash.update(Msg::Listed {
        purpose: Purpose::Trash,
        entries: Vec::new(),
        select: None,
    });
    shot("empty trash", &trash, 120, 40);
    let mut compare = app.clone();
    let mut other = app.plan().clone();
    other.terms.reverse();
    compare.update(Msg::Compared {
        other: Box::new(other),
        label: "plans/ada-alt.ron".into(),
    });
    shot("compare", &compare, 120, 24);
    let mut autoplan = app.clone();
    autoplan.update(Action::AutoPlan);
    shot("auto-plan preview", &autoplan, 120, 40);
    for _ in 0..4 {
        autoplan.update(Action::FewerTerms);
    }
    autoplan.update(Action::Confirm);
    shot("auto-plan without a plan", &autoplan, 120, 40);

    for (name, shown) in &screens {
        assert_eq!(
            default_keys_in(shown),
            Vec::<String>::new(),
            "{name}:\n{shown}"
        );
        assert!(greek(shown), "{name} names no key:\n{shown}");
    }
    // The help lists the keys of typing and of every context, which keep theirs: its
    // section titles and its border name the remapped ones.
    for shown in &help_screens {
        let frame: Vec<&str> = shown
            .lines()
            .filter(|l| l.contains('┘') || l.contains("Notes list") || l.contains("This help"))
            .collect();
        let frame = frame.join("\n");
        assert_eq!(default_keys_in(&frame), Vec::<String>::new(), "{shown}");
        assert!(greek(&frame), "{shown}");
    }
}

/// Issue 13 item 3: no string literal in the drawing or the app names a key: every key on
/// screen is asked of the keymap. Looks for key names ("Esc", "Enter", arrows), a key in
/// parentheses ("(v)"), and a lone key before or after a verb ("press q", "N sets it",
/// "· t trash").
#[test]
fn no_key_name_is_written_as_a_literal_outside_the_keymap() {
    fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("source folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    files(&root.join("src/ui"), &mut sources);
    files(&root.join("src/app"), &mut sources);
    let names = [
        "Esc",
        "Enter",
        "Space",
        "Tab",
        "Backspace",
        "PgUp",
        "PgDn",
        "PageUp",
    ];
    let verbs = ["press", "Press", "with", "then"];
    let looks_like_key = |literal: &str| {
        let words: Vec<&str> = literal.split_whitespace().collect();
        // One letter or sign alone, but for the words "a", "A" and "I".
        let lone = |w: &str| {
            w.len() == 1
                && (w.chars().all(|c| c.is_ascii_alphanumeric()) || "?/=".contains(w))
                && !["a", "A", "I"].contains(&w)
        };
        literal.contains(['↑', '↓', '←'])
            || words.iter().any(|w| names.contains(w))
            || words.windows(2).any(|p| {
                (verbs.contains(&p[0]) && lone(p[1]))
                    || (lone(p[0])
                        && p[1].chars().all(|c| c.is_ascii_lowercase())
                        && p[1].len() > 2)
            })
            || literal.as_bytes().windows(3).any(|w| {
                w[0] == b'('
                    && w[2] == b')'
                    && (w[1].is_ascii_alphabetic() || b"?/=".contains(&w[1]))
            })
    };
    let mut found = Vec::new();
    for path in sources {
        let text = std::fs::read_to_string(&path).expect("source");
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            // The string literals of the line, between unescaped double quotes.
            for literal in code.split('"').skip(1).step_by(2) {
                if looks_like_key(literal) {
                    found.push(format!("{}:{}: \"{literal}\"", path.display(), n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "key names written as literals:\n{}",
        found.join("\n")
    );
}

/// The hand-written computing program of `tests/curricula/screen_program.ron` (requisite
/// expressions, offerings, nested groups, a stream), on its recommended plan with the first
/// year's courses completed.
fn computing() -> App {
    let text = include_str!("../curricula/screen_program.ron");
    let c = store::parse_curriculum(text, "screen_program.ron")
        .expect("the screen program is valid")
        .curriculum;
    let mut plan = Plan::recommended(&c, "Ada Lovelace");
    for term in 0..2 {
        for index in 0..plan.terms[term].courses.len() {
            let slot = Slot { term, index };
            plan.cycle_status(slot);
            plan.cycle_status(slot);
        }
    }
    App::new(c, plan, "plans/ada.ron".into(), true)
}

#[test]
fn detail_pane_shows_a_requisite_tree_120x40() {
    let mut app = computing();
    click(&mut app, Focus::Terms, Some(2), Some(0));
    assert_eq!(app.selected_code().as_deref(), Some("COMP3900"));
    insta::assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn requirements_pane_120x40() {
    let mut app = computing();
    app.update(Action::ShowRequirements);
    app.update(Action::Last);
    app.update(Action::Up);
    insta::assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn requirements_pane_of_a_program_without_groups_120x40() {
    // The bundled program has no groups: the pane says what is left of its required
    // courses and credits (Freelancing is out of the plan in `midway`).
    let mut app = midway();
    app.update(Action::ShowRequirements);
    let shown = screen(&app, 120, 40);
    assert!(
        shown.contains("BE405 Freelancing and Career Management"),
        "{shown}"
    );
    insta::assert_snapshot!(shown);
}

#[test]
fn requirements_pane_says_which_entries_show_when_they_do_not_fit() {
    let mut app = computing();
    app.update(Action::ShowRequirements);
    let top = screen(&app, 80, 20);
    assert!(top.contains(" 1-"), "{top}");
    app.update(Action::Last);
    let bottom = screen(&app, 80, 20);
    let entries = {
        let p = degree_planner::model::requirements::progress(app.curriculum(), app.plan());
        degree_planner::app::entries(&p).len()
    };
    assert!(
        bottom.contains(&format!("-{entries} of {entries} ")),
        "{bottom}"
    );
    assert!(bottom.contains("Computer Science major"), "{bottom}");
}

#[test]
fn detail_pane_of_a_real_course_120x40() {
    // COMP3900 of the converted UNSW catalog, in the hand-checked valid plan.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/catalogs");
    let c = store::load_curriculum(Some(&dir.join("unsw-3778-2022.ron")))
        .expect("the catalog loads")
        .curriculum;
    let plan = store::load_plan(&dir.join("plans/valid.ron")).expect("the plan loads");
    let slot = plan.find("COMP3900").expect("COMP3900 is planned");
    let mut app = App::new(c, plan, "plans/valid.ron".into(), true);
    let row = app
        .visible_rows(slot.term)
        .iter()
        .position(|&i| i == slot.index);
    click(&mut app, Focus::Terms, Some(slot.term), row);
    assert_eq!(app.selected_code().as_deref(), Some("COMP3900"));
    insta::assert_snapshot!(screen(&app, 120, 40));
}
