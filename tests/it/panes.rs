//! The panes that scroll and take focus besides the lists (issue 17): the Course pane and the
//! Career paths pane. The app is driven as the event loop drives it: after each frame it is
//! told what the frame showed (`ui::viewport`, `Msg::Shown`), then it gets the next key or
//! mouse event; pages are as long as what the pane shows.

use std::time::Instant;

use degree_planner::action::{Action, Spot};
use degree_planner::app::{App, Focus, Msg};
use degree_planner::model::Plan;
use degree_planner::store;
use degree_planner::theme::Theme;
use degree_planner::tui::{self, Clicks};
use degree_planner::ui;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::common::bundled;

/// The UNSW 2022 catalog with its hand-checked valid plan, COMP3900 highlighted in its term.
fn unsw() -> App {
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
    app
}

/// The bundled program's recommended plan.
fn fresh() -> App {
    let c = bundled();
    let plan = Plan::recommended(&c, "Ada Lovelace");
    App::new(c, plan, "plans/ada.ron".into(), true)
}

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

fn click(app: &mut App, pane: Focus, term: Option<usize>, row: Option<usize>) {
    app.update(Action::Click(Spot { pane, term, row }));
}

/// What the event loop does after drawing a frame of `size`: tells the app what it showed.
fn drawn(app: &mut App, size: (u16, u16)) {
    let shown = ui::viewport(app, &Theme::mono(), size).expect("a screen big enough");
    app.update(Msg::Shown(shown));
}

/// A frame of `size` drawn, then `action`.
fn act(app: &mut App, size: (u16, u16), action: Action) {
    drawn(app, size);
    app.update(action);
}

/// A frame of `size` drawn, then the key `code` pressed.
fn press(app: &mut App, size: (u16, u16), code: KeyCode) {
    drawn(app, size);
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(action) = app.resolve(&key) {
        app.update(action);
    }
}

fn screen(app: &App, (width, height): (u16, u16)) -> String {
    ui::screen_text(app, &Theme::mono(), width, height)
}

/// Rows of the Course pane's text scrolled off its top.
fn course_scroll(app: &App) -> usize {
    app.cursor().course_scroll
}

#[test]
fn the_course_pane_takes_the_keyboard_and_scrolls_to_its_end_and_back() {
    let size = (120, 40);
    let mut app = unsw();
    drawn(&mut app, size);
    let shown = *app.viewport().expect("drawn");
    assert!(
        shown.course_lines > shown.course_rows,
        "COMP3900 overflows its pane at 120x40: {shown:?}"
    );
    let end = shown.course_lines - shown.course_rows;
    // Shift-Tab from the terms: the Course pane, on the same course.
    act(&mut app, size, Action::PrevFocus);
    assert_eq!(app.cursor().focus, Focus::Course);
    assert_eq!(app.selected_code().as_deref(), Some("COMP3900"));
    press(&mut app, size, KeyCode::Down);
    assert_eq!(course_scroll(&app), 1);
    press(&mut app, size, KeyCode::Up);
    press(&mut app, size, KeyCode::Up);
    assert_eq!(course_scroll(&app), 0, "nothing above the top");
    press(&mut app, size, KeyCode::End);
    assert_eq!(course_scroll(&app), end, "End: the last row at the bottom");
    press(&mut app, size, KeyCode::Down);
    assert_eq!(course_scroll(&app), end, "nothing below the end");
    press(&mut app, size, KeyCode::Char('g'));
    assert_eq!(course_scroll(&app), 0);
    press(&mut app, size, KeyCode::Char('G'));
    assert_eq!(course_scroll(&app), end);
    press(&mut app, size, KeyCode::Home);
    assert_eq!(course_scroll(&app), 0);
    // A page is the pane's height, up to the end.
    press(&mut app, size, KeyCode::PageDown);
    assert_eq!(course_scroll(&app), shown.course_rows.min(end));
    press(&mut app, size, KeyCode::PageUp);
    assert_eq!(course_scroll(&app), 0);
    assert!(!app.is_dirty(), "scrolling edits nothing");
    // Enter does nothing here, and the footer offers neither it nor the course's edits.
    press(&mut app, size, KeyCode::Enter);
    assert!(!app.is_dirty(), "Enter on the Course pane edits nothing");
    let shown = screen(&app, size);
    let footer = shown.lines().last().expect("a footer");
    assert!(footer.contains("scroll"), "{footer}");
    for word in ["unplan", "place", "status", "later"] {
        assert!(!footer.contains(word), "{word} in {footer}");
    }
}

#[test]
fn the_course_scroll_starts_over_on_another_course_and_stays_within_the_text() {
    let size = (120, 40);
    let mut app = unsw();
    act(&mut app, size, Action::PrevFocus);
    press(&mut app, size, KeyCode::End);
    assert!(course_scroll(&app) > 0);
    // Back to the terms and the next course: its text starts at the top.
    act(&mut app, size, Action::NextFocus);
    assert_eq!(app.cursor().focus, Focus::Terms);
    assert!(course_scroll(&app) > 0, "the same course keeps its place");
    act(&mut app, size, Action::Down);
    assert_ne!(app.selected_code().as_deref(), Some("COMP3900"));
    assert_eq!(course_scroll(&app), 0, "another course starts at the top");
    // On a taller screen the end is nearer: the scroll comes back to it.
    let mut app = unsw();
    act(&mut app, size, Action::PrevFocus);
    press(&mut app, size, KeyCode::End);
    drawn(&mut app, (200, 60));
    let tall = *app.viewport().expect("drawn");
    assert_eq!(course_scroll(&app), tall.course_end());
}

#[test]
fn the_course_pane_shows_the_course_of_the_list_that_had_the_keyboard() {
    let size = (120, 40);
    let mut app = fresh();
    // Every Semester I course to the pool: the pool is a list to pick from.
    for _ in 0..3 {
        act(&mut app, size, Action::Toggle);
    }
    click(&mut app, Focus::Pool, None, Some(2));
    let pool_course = app.selected_code().expect("a pool course");
    click(&mut app, Focus::Course, None, None);
    assert_eq!(app.cursor().focus, Focus::Course);
    assert_eq!(app.selected_code(), Some(pool_course.clone()));
    let shown = screen(&app, size);
    let title = app
        .curriculum()
        .course(&pool_course)
        .expect("a course")
        .title
        .clone();
    assert!(shown.contains(&title), "{title} not shown:\n{shown}");
    // Through the other panes and back, it is still the pool's course.
    for _ in 0..3 {
        act(&mut app, size, Action::PrevFocus);
    }
    assert_eq!(app.cursor().focus, Focus::Pool);
    for _ in 0..3 {
        act(&mut app, size, Action::NextFocus);
    }
    assert_eq!(app.cursor().focus, Focus::Course);
    assert_eq!(app.selected_code(), Some(pool_course));
    // From the terms, it is the term's.
    click(&mut app, Focus::Terms, Some(1), Some(0));
    let term_course = app.selected_code();
    click(&mut app, Focus::Course, None, None);
    assert_eq!(app.selected_code(), term_course);
}

#[test]
fn page_keys_move_by_the_rows_the_list_shows() {
    // Every course unplanned: the pool is a long list.
    let mut plan = Plan::recommended(&bundled(), "Ada");
    plan.terms.iter_mut().for_each(|t| t.courses.clear());
    for size in [(120, 40), (80, 24)] {
        let mut app = App::new(bundled(), plan.clone(), "plans/ada.ron".into(), true);
        click(&mut app, Focus::Pool, None, Some(0));
        drawn(&mut app, size);
        let rows = app.viewport().expect("drawn").pool_rows;
        assert!(rows > 1 && rows < app.pool().len(), "{rows} at {size:?}");
        press(&mut app, size, KeyCode::PageDown);
        assert_eq!(app.cursor().pool_row, rows, "{size:?}");
        press(&mut app, size, KeyCode::PageDown);
        assert_eq!(app.cursor().pool_row, (2 * rows).min(app.pool().len() - 1));
        press(&mut app, size, KeyCode::PageUp);
        press(&mut app, size, KeyCode::PageUp);
        assert_eq!(app.cursor().pool_row, 0, "{size:?}");
    }
    // A term's list: the rows its box shows. Semester II's courses in Semester I too.
    let mut plan = Plan::recommended(&bundled(), "Ada");
    let moved = std::mem::take(&mut plan.terms[1].courses);
    plan.terms[0].courses.extend(moved);
    let mut app = App::new(bundled(), plan, "plans/ada.ron".into(), true);
    let size = (80, 24);
    drawn(&mut app, size);
    let rows = app.viewport().expect("drawn").term_rows;
    let len = app.visible_rows(0).len();
    assert!(rows < len, "Semester I overflows at 80x24: {rows} of {len}");
    press(&mut app, size, KeyCode::PageDown);
    assert_eq!(app.cursor().row, rows);
    // The problems: as many as the pane shows. Forty courses of no program in Semester I.
    let mut plan = Plan::recommended(&bundled(), "Ada");
    plan.terms[0]
        .courses
        .extend((0..40).map(|i| degree_planner::model::Placement::planned(&format!("Z{i}"))));
    let mut app = App::new(bundled(), plan, "plans/ada.ron".into(), true);
    let size = (120, 40);
    click(&mut app, Focus::Problems, None, None);
    drawn(&mut app, size);
    let shown = app.viewport().expect("drawn").problems;
    let all = degree_planner::model::problems(app.curriculum(), app.plan()).len();
    assert!(shown > 1 && shown < all, "{shown} of {all}");
    press(&mut app, size, KeyCode::PageDown);
    assert_eq!(app.cursor().problem_row, shown);
}

#[test]
fn before_a_frame_is_drawn_a_page_is_ten_rows() {
    let mut plan = Plan::recommended(&bundled(), "Ada");
    plan.terms.iter_mut().for_each(|t| t.courses.clear());
    let mut app = App::new(bundled(), plan, "plans/ada.ron".into(), true);
    click(&mut app, Focus::Pool, None, Some(0));
    assert!(app.viewport().is_none());
    app.update(Action::PageDown);
    assert_eq!(app.cursor().pool_row, 10);
}

/// Twelve career paths: more than the Career paths pane shows at 120x40.
fn many_paths() -> App {
    program("many_paths_long_codes.ron")
}

#[test]
fn the_career_paths_pane_follows_the_highlighted_path_and_says_which_it_shows() {
    let size = (120, 40);
    let mut app = many_paths();
    let n = app.curriculum().paths.len();
    let before = screen(&app, size);
    assert!(before.contains(&format!(" of {n} ┘")), "{before}");
    act(&mut app, size, Action::NextFocus);
    act(&mut app, size, Action::NextFocus);
    assert_eq!(app.cursor().focus, Focus::Paths);
    press(&mut app, size, KeyCode::End);
    let order = degree_planner::model::career::display_order(app.curriculum(), app.plan());
    let last = *order.last().expect("paths");
    assert_eq!(app.cursor().path, Some(last));
    let shown = screen(&app, size);
    let name = &app.curriculum().paths[last].name;
    assert!(
        shown.contains(&format!(">{} {name}", app.curriculum().paths[last].mark)),
        "the last path is on screen:\n{shown}"
    );
    assert!(shown.contains(&format!(" of {n} ┘")), "{shown}");
    insta::assert_snapshot!("many_paths_last_highlighted_120x40", shown);
    // A page is the paths the pane shows; from the first, it stops at the last.
    press(&mut app, size, KeyCode::Home);
    assert_eq!(app.cursor().path, order.first().copied());
    drawn(&mut app, size);
    let page = app.viewport().expect("drawn").paths;
    assert!(page > 1 && page < n, "{page} of {n}");
    press(&mut app, size, KeyCode::PageDown);
    assert_eq!(app.cursor().path, Some(order[page]));
}

fn mouse(kind: MouseEventKind, (column, row): (u16, u16)) -> MouseEvent {
    MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }
}

/// Feeds a mouse event to the app after a frame of `size`, as the event loop does.
fn point(app: &mut App, size: (u16, u16), event: MouseEvent) {
    drawn(app, size);
    let mut clicks = Clicks::default();
    let actions = tui::mouse_actions(
        app,
        &Theme::mono(),
        size,
        &event,
        &mut clicks,
        Instant::now(),
    );
    for action in actions {
        app.update(action);
    }
}

/// Where `text` is first drawn on the screen of `size`, after column `from`.
fn cell_of(app: &App, size: (u16, u16), text: &str, from: usize) -> (u16, u16) {
    screen(app, size)
        .lines()
        .enumerate()
        .find_map(|(y, line)| {
            let skip: String = line.chars().take(from).collect();
            let x = line[skip.len()..].find(text)? + skip.len();
            Some((line[..x].chars().count() as u16, y as u16))
        })
        .unwrap_or_else(|| panic!("{text} not drawn:\n{}", screen(app, size)))
}

#[test]
fn the_wheel_scrolls_the_course_pane_under_the_pointer_and_a_click_picks_a_path() {
    let size = (120, 40);
    let mut app = unsw();
    // The Course pane is the right third of the lower half.
    let title = cell_of(&app, size, " Course ", 80);
    let inside = (title.0 + 4, title.1 + 3);
    point(&mut app, size, mouse(MouseEventKind::ScrollDown, inside));
    assert_eq!(app.cursor().focus, Focus::Course);
    assert_eq!(app.selected_code().as_deref(), Some("COMP3900"));
    assert_eq!(course_scroll(&app), tui::WHEEL_ROWS as usize);
    point(&mut app, size, mouse(MouseEventKind::ScrollUp, inside));
    assert_eq!(course_scroll(&app), 0);
    assert!(!app.is_dirty());

    // A click on a path's name in the Career paths pane focuses it; on its bar line too.
    let mut app = many_paths();
    for k in [3, 1] {
        let path = &app.curriculum().paths[k];
        let label = format!("{} {}", path.mark, path.name);
        let cell = cell_of(&app, size, &label, 40);
        point(
            &mut app,
            size,
            mouse(MouseEventKind::Down(MouseButton::Left), cell),
        );
        assert_eq!(app.cursor().focus, Focus::Paths);
        assert_eq!(app.cursor().path, Some(k), "clicked {label}");
    }
    let path = &app.curriculum().paths[2];
    let label = format!("{} {}", path.mark, path.name);
    let (x, y) = cell_of(&app, size, &label, 40);
    point(
        &mut app,
        size,
        mouse(MouseEventKind::Down(MouseButton::Left), (x, y + 1)),
    );
    assert_eq!(
        app.cursor().path,
        Some(2),
        "the line under a path's name is that path"
    );
    // The wheel over the paths moves the highlight.
    point(&mut app, size, mouse(MouseEventKind::ScrollDown, (x, y)));
    let order = degree_planner::model::career::display_order(app.curriculum(), app.plan());
    let at = order.iter().position(|&p| p == 2).expect("drawn");
    assert_eq!(
        app.cursor().path,
        Some(order[at + tui::WHEEL_ROWS as usize])
    );
}

/// The highlighted course's text scrolled a page down in the Course pane, clicked to give
/// it the keyboard.
fn scrolled(mut app: App, size: (u16, u16)) -> String {
    let course = app.selected_code();
    click(&mut app, Focus::Course, None, None);
    assert_eq!(app.cursor().focus, Focus::Course);
    assert_eq!(app.selected_code(), course, "the same course");
    press(&mut app, size, KeyCode::PageDown);
    assert!(course_scroll(&app) > 0, "scrolled at {size:?}");
    screen(&app, size)
}

#[test]
fn a_scrolled_course_pane_of_a_real_catalog_80x24() {
    insta::assert_snapshot!(scrolled(unsw(), (80, 24)));
}

#[test]
fn a_scrolled_course_pane_of_a_real_catalog_120x40() {
    let shown = scrolled(unsw(), (120, 40));
    assert!(shown.contains(" lines ┘"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn a_scrolled_course_pane_of_a_real_catalog_200x60() {
    // DESN2000, in the pool, supports many courses and fills more than the tall pane.
    let mut app = unsw();
    let row = app.pool().iter().position(|c| c.code == "DESN2000");
    click(&mut app, Focus::Pool, None, row);
    assert_eq!(app.selected_code().as_deref(), Some("DESN2000"));
    insta::assert_snapshot!(scrolled(app, (200, 60)));
}

#[test]
fn a_scrolled_course_pane_of_the_bundled_program_80x24() {
    insta::assert_snapshot!(scrolled(fresh(), (80, 24)));
}

#[test]
fn a_scrolled_course_pane_of_the_bundled_program_120x40() {
    // BE206 names the most prerequisites and paths of the program's courses.
    let mut app = fresh();
    click(&mut app, Focus::Terms, Some(1), Some(5));
    assert_eq!(app.selected_code().as_deref(), Some("BE206"));
    insta::assert_snapshot!(scrolled(app, (120, 40)));
}

/// Rows inside the popup whose top border holds `title`, counted on the screen.
fn popup_rows(app: &App, size: (u16, u16), title: &str) -> usize {
    let text = screen(app, size);
    let lines: Vec<&str> = text.lines().collect();
    let top = lines
        .iter()
        .position(|l| l.contains(title))
        .unwrap_or_else(|| panic!("{title} not drawn:\n{text}"));
    let column = lines[top]
        .chars()
        .position(|c| c == '┌')
        .expect("a top border");
    let bottom = (top + 1..lines.len())
        .find(|&y| lines[y].chars().nth(column) == Some('└'))
        .expect("a bottom border");
    bottom - top - 1
}

#[test]
fn a_page_of_the_help_is_the_rows_it_shows() {
    for size in [(80, 24), (120, 40)] {
        let mut app = fresh();
        app.update(Action::Help);
        let rows = popup_rows(&app, size, " Keys ");
        press(&mut app, size, KeyCode::PageDown);
        let Some(degree_planner::app::Overlay::Help(help)) = app.overlay() else {
            panic!("the help stays open");
        };
        assert_eq!(usize::from(help.scroll), rows, "{size:?}");
        assert_ne!(rows, 10, "{size:?}: a page is not the old fixed ten");
        press(&mut app, size, KeyCode::PageUp);
        let Some(degree_planner::app::Overlay::Help(help)) = app.overlay() else {
            panic!("the help stays open");
        };
        assert_eq!(help.scroll, 0, "{size:?}");
    }
}

#[test]
fn a_page_of_the_plan_picker_is_the_plans_it_shows() {
    let entries: Vec<_> = (0..200)
        .map(|i| degree_planner::store::library::PlanEntry {
            path: format!("plans/plan-{i:03}.ron").into(),
            name: format!("plan-{i:03}"),
            saved: "2026-11-20 09:30".into(),
            summary: Err("not read".into()),
        })
        .collect();
    for size in [(80, 24), (120, 40)] {
        let mut app = fresh();
        app.update(Msg::Listed {
            purpose: degree_planner::app::Purpose::Open,
            entries: entries.clone(),
            select: None,
        });
        let picked = |app: &App| match app.overlay() {
            Some(degree_planner::app::Overlay::Picker(p)) => p.selected,
            _ => panic!("the picker stays open"),
        };
        let before = picked(&app);
        // The popup's inside less its footer row is the list.
        let rows = popup_rows(&app, size, " Plans ") - 1;
        press(&mut app, size, KeyCode::PageDown);
        assert_eq!(picked(&app), before + rows, "{size:?}");
        press(&mut app, size, KeyCode::PageDown);
        assert_eq!(picked(&app), before + 2 * rows, "{size:?}");
        // The highlight stays in view, and the border says where it is.
        let text = screen(&app, size);
        assert!(
            text.lines()
                .any(|l| l.contains("> ") && l.contains("plan-")),
            "{text}"
        );
        assert!(
            text.contains(&format!(" {} of ", picked(&app) + 1)),
            "{text}"
        );
    }
}

#[test]
fn a_page_of_the_notes_is_the_notes_they_show() {
    use degree_planner::model::review::{Note, NoteTarget};
    let c = bundled();
    let mut plan = Plan::recommended(&c, "Ada Lovelace");
    for i in 0..40 {
        plan.notes.push(Note {
            on: NoteTarget::Plan,
            text: format!("note {i:02}"),
            author: "Dr Grace".into(),
            date: "2026-11-20".into(),
            addressed: false,
        });
    }
    let selected = |app: &App| match app.overlay() {
        Some(degree_planner::app::Overlay::Notes(n)) => n.selected,
        _ => panic!("the notes stay open"),
    };
    for size in [(80, 24), (120, 40)] {
        let mut app = App::new(c.clone(), plan.clone(), "plans/ada.ron".into(), true);
        app.update(Action::ShowNotes);
        // Each note starts with its target's line: count those on the screen.
        let text = screen(&app, size);
        let shown = text
            .lines()
            .filter(|l| l.contains("│> Plan") || l.contains("│  Plan"))
            .count();
        assert!(shown > 1 && shown < 40, "{shown} notes shown:\n{text}");
        press(&mut app, size, KeyCode::PageDown);
        assert_eq!(selected(&app), shown, "{size:?}");
        // The highlighted note is in view, whole.
        let text = screen(&app, size);
        assert!(text.contains(&format!("note {shown:02}")), "{text}");
    }
}
