//! The GPA where a student sees it (issue 15): per path, in the header and the term titles,
//! in `diff`, and the target-GPA calculator in the model, the planner (`M`) and the
//! commands (`--target-gpa`).

use std::process::{Command, Output, Stdio};

use degree_planner::action::Action;
use degree_planner::app::{App, Msg};
use degree_planner::model::gpa::{GradeScale, Mark, Repeat};
use degree_planner::model::gpa_target::{self, Needed};
use degree_planner::model::{self, Curriculum, Placement, Plan, Status};
use degree_planner::theme::Theme;
use degree_planner::{store, ui};
use serde_json::Value;

use crate::common::bundled;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The recommended plan with Semester I (17 credits) completed, graded from `grades` in
/// course order (`None`: no grade).
fn graded(c: &Curriculum, grades: &[Option<&str>]) -> Plan {
    let mut plan = Plan::recommended(c, "Ada Lovelace");
    for (p, g) in plan.terms[0].courses.iter_mut().zip(grades) {
        p.status = Status::Completed;
        p.grade = g.map(str::to_string);
    }
    plan
}

/// Every Semester I course completed with an A.
fn straight_a(c: &Curriculum) -> Plan {
    graded(c, &[Some("A"); 6])
}

// ---- The calculator in the model ----

#[test]
fn the_credits_ahead_are_the_placed_ones_or_the_degree_still_needed() {
    let c = bundled();
    let plan = straight_a(&c);
    assert_eq!(gpa_target::remaining_credits(&c, &plan), 64 - 17);
    // A course taken out of the plan still has to be taken: the degree needs its credits.
    let mut short = plan.clone();
    let freelancing = short.find("BE405").expect("BE405 planned");
    short.remove(freelancing);
    assert_eq!(model::credits(&c, &short).total(), 62);
    assert_eq!(gpa_target::remaining_credits(&c, &short), 47);
    // A pass without points counts toward the degree, never the GPA: it is not ahead.
    let pass = graded(
        &c,
        &[
            Some("Pass"),
            Some("A"),
            Some("A"),
            Some("A"),
            Some("A"),
            None,
        ],
    );
    assert_eq!(gpa_target::remaining_credits(&c, &pass), 47);
    assert_eq!(model::gpa::gpa(&c, &pass).credits, 17 - 4 - 2);
}

#[test]
fn the_calculator_answers_from_the_gpa_now_and_the_credits_ahead() {
    let c = bundled();
    let plan = straight_a(&c);
    // 17 credits at 4.0, 47 ahead: 3.5 over 64 needs (224 - 68) / 47 = 3.3191...
    assert_eq!(
        gpa_target::needed(&c, &plan, 3.5),
        Needed::Reachable {
            average: 3.32,
            remaining_credits: 47
        }
    );
    // D- (0.7) everywhere ahead still gives (68 + 32.9) / 64 = 1.576...
    assert_eq!(
        gpa_target::needed(&c, &plan, 1.5),
        Needed::AlreadyAbove {
            worst: 1.57,
            remaining_credits: 47
        }
    );
    assert_eq!(
        gpa_target::needed(&c, &plan, 4.5),
        Needed::NotReachable {
            best: Some(4.0),
            remaining_credits: 47
        }
    );
    // Nothing graded yet: the target itself is the average to aim for.
    let fresh = Plan::recommended(&c, "Ada");
    assert_eq!(
        gpa_target::needed(&c, &fresh, 3.0),
        Needed::Reachable {
            average: 3.0,
            remaining_credits: 64
        }
    );
}

#[test]
fn a_failed_course_retaken_is_credit_ahead_and_not_retaken_stays_in_the_gpa() {
    let c = bundled();
    let mut plan = graded(
        &c,
        &[
            Some("F"),
            Some("A"),
            Some("A"),
            Some("A"),
            Some("A"),
            Some("A"),
        ],
    );
    // Not retaken: the F counts 0.0 over 4 credits, and BE101's 4 credits are still needed.
    assert_eq!(
        gpa_target::needed(&c, &plan, 3.5),
        Needed::Reachable {
            average: 3.65,
            remaining_credits: 51
        }
    );
    // Retaken in Semester II: the F no longer counts (the best attempt does) and the retake
    // is the same 4 credits ahead.
    plan.terms[1].courses.push(Placement::planned("BE101"));
    assert_eq!(model::gpa::gpa(&c, &plan).credits, 13);
    assert_eq!(gpa_target::remaining_credits(&c, &plan), 51);
    assert_eq!(
        gpa_target::needed(&c, &plan, 3.5),
        Needed::Reachable {
            average: 3.38,
            remaining_credits: 51
        }
    );
}

#[test]
fn with_every_credit_graded_the_gpa_now_decides() {
    let c = bundled();
    let mut plan = Plan::recommended(&c, "Ada");
    for p in plan.terms.iter_mut().flat_map(|t| &mut t.courses) {
        p.status = Status::Completed;
        p.grade = Some("B".into());
    }
    assert_eq!(gpa_target::remaining_credits(&c, &plan), 0);
    assert_eq!(
        gpa_target::needed(&c, &plan, 3.0),
        Needed::AlreadyAbove {
            worst: 3.0,
            remaining_credits: 0
        }
    );
    assert_eq!(
        gpa_target::needed(&c, &plan, 3.01),
        Needed::NotReachable {
            best: Some(3.0),
            remaining_credits: 0
        }
    );
}

#[test]
fn a_scale_without_points_leaves_no_gpa_to_aim_for() {
    let mut c = bundled();
    c.grades = Some(GradeScale {
        scale: vec![("P".into(), Mark::Pass), ("N".into(), Mark::Fail)],
        repeat: Repeat::Best,
    });
    let plan = graded(&c, &[Some("P"); 6]);
    let answer = gpa_target::needed(&c, &plan, 2.0);
    assert_eq!(
        answer,
        Needed::NotReachable {
            best: None,
            remaining_credits: 0
        }
    );
    assert_eq!(
        answer.sentence(2.0),
        "A GPA of 2.00 is not reachable: no course has or can get a grade with points."
    );
}

#[test]
fn a_paths_gpa_weighs_its_graded_courses_by_credits_not_weight() {
    let c = bundled();
    let mut plan = Plan::recommended(&c, "Ada");
    // BE101 (4 credits) supports every path; BE402 (3 credits) all but the senior path.
    for (code, grade) in [("BE101", "A"), ("BE402", "C")] {
        let slot = plan.find(code).expect("placed");
        let p = &mut plan.terms[slot.term].courses[slot.index];
        p.status = Status::Completed;
        p.grade = Some(grade.into());
    }
    let index = |id: &str| c.path_index(id).expect("path");
    let gpas = model::career::path_gpas(&c, &plan);
    assert_eq!(gpas[index("senior-backend")], Some(4.0));
    let devops = gpas[index("devops")].expect("graded");
    assert!((devops - 22.0 / 7.0).abs() < 1e-9, "{devops}");
    // No grade with points anywhere: no path has a GPA.
    let fresh = Plan::recommended(&c, "Ada");
    assert!(
        model::career::path_gpas(&c, &fresh)
            .iter()
            .all(Option::is_none)
    );
}

// ---- On screen ----

fn app_on(plan: Plan) -> App {
    App::new(bundled(), plan, "plans/ada.ron".into(), false)
}

fn screen(app: &App, width: u16, height: u16) -> String {
    ui::screen_text(app, &Theme::color(), width, height)
}

/// Semester I completed with a mix of grades, the rest as recommended.
fn mixed() -> Plan {
    let c = bundled();
    graded(
        &c,
        &[
            Some("A"),
            Some("B+"),
            Some("A-"),
            Some("B"),
            Some("Pass"),
            None,
        ],
    )
}

#[test]
fn the_header_drops_the_finish_estimate_first_then_the_gpa() {
    let app = app_on(mixed());
    let header = |width| screen(&app, width, 40).lines().next().unwrap().to_string();
    let wide = header(200);
    assert!(
        wide.contains("│ GPA 3.54 │ finish ≥"),
        "the GPA before the estimate: {wide}"
    );
    let middle = header(120);
    assert!(middle.contains("│ GPA 3.54"), "{middle}");
    assert!(!middle.contains("finish"), "{middle}");
    let narrow = header(80);
    assert!(!narrow.contains("GPA"), "{narrow}");
    // No grade with points: no GPA at any width.
    let fresh = app_on(Plan::recommended(&bundled(), "Ada"));
    assert!(
        !screen(&fresh, 200, 40)
            .lines()
            .next()
            .unwrap()
            .contains("GPA")
    );
}

#[test]
fn a_term_title_shows_its_gpa_only_while_its_name_shows_whole() {
    let mut plan = mixed();
    let text = screen(&app_on(plan.clone()), 120, 40);
    assert!(
        text.contains("Semester I ──") && text.contains("GPA 3.54 · 17/18 cr"),
        "{text}"
    );
    assert_eq!(
        text.matches("GPA 3.54 ·").count(),
        1,
        "only the graded term: {text}"
    );
    plan.terms[0].name = "Autumn semester, first year, main campus".into();
    let text = screen(&app_on(plan), 120, 40);
    assert!(
        text.contains("Autumn semester, first year, main campus"),
        "{text}"
    );
    assert!(!text.contains("GPA 3.54 ·"), "{text}");
}

#[test]
fn target_gpa_answer_120x40() {
    let mut app = app_on(mixed());
    app.update(Action::TargetGpa);
    for c in "3.5".chars() {
        app.update(Action::Input(c));
    }
    let prompt = screen(&app, 120, 40);
    assert!(prompt.contains("Target GPA (e.g. 3.5): 3.5"), "{prompt}");
    app.update(Action::Submit);
    assert!(app.overlay().is_none());
    insta::assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn a_target_that_is_not_a_number_is_asked_again() {
    let mut app = app_on(mixed());
    app.update(Action::TargetGpa);
    for c in "abc".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit);
    assert!(app.overlay().is_some(), "the prompt stays open");
    let message = app.message().expect("an error").text.clone();
    assert_eq!(message, "\"abc\" is not a GPA: give a number such as 3.5");
}

#[test]
fn a_reviewer_may_ask_the_calculator_too() {
    let mut app = app_on(mixed());
    app.update(Msg::Review(Some("Dr Grace".into())));
    assert!(app.role().may_review());
    app.update(Action::TargetGpa);
    for c in "4".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit);
    let message = app.message().expect("the answer").text.clone();
    assert_eq!(
        message,
        "A GPA of 4.00 is not reachable: at best 3.90, with the top grade in the remaining 47 credits."
    );
}

// ---- The commands ----

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_degree-planner"))
        .args(args)
        .current_dir(ROOT)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8")
}

#[test]
fn report_target_gpa_answers_in_markdown_and_json() {
    let plan = "tests/plans/good/grace.ron";
    let md = run(&["report", plan, "--target-gpa", "3.5"]);
    assert_eq!(md.status.code(), Some(0));
    assert!(
        stdout(&md).contains(
            "**Target GPA 3.50.** To finish with a GPA of 3.50 you need an average of 3.43 over the remaining 47 credits."
        ),
        "{}",
        stdout(&md)
    );
    let json = run(&["report", plan, "--target-gpa", "4.5", "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout(&json)).expect("JSON");
    let t = &v["target_gpa"];
    assert_eq!(t["target"], 4.5);
    assert_eq!(t["outcome"], "not_reachable");
    assert_eq!(t["remaining_credits"], 47);
    assert!(t["best"].as_f64().is_some_and(|b| b < 4.0), "{t}");
    assert!(
        t["text"]
            .as_str()
            .unwrap()
            .starts_with("A GPA of 4.50 is not reachable")
    );
    // Without the option the report has no answer.
    let plain = run(&["report", plan, "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout(&plain)).expect("JSON");
    assert!(v.get("target_gpa").is_none());
    assert!(
        v["careers"][0]["gpa"].is_number(),
        "each graded path has its GPA"
    );
}

#[test]
fn check_target_gpa_answers_per_plan_and_refuses_what_is_not_a_gpa() {
    let plan = "tests/plans/good/grace.ron";
    let text = run(&["check", plan, "--target-gpa", "2"]);
    assert_eq!(text.status.code(), Some(0), "the answer is no problem");
    assert!(
        stdout(&text).contains("  target GPA: To finish with a GPA of 2.00 you need an average of 1.39 over the remaining 47 credits.\n"),
        "{}",
        stdout(&text)
    );
    let json = run(&["check", plan, "--target-gpa", "3.9", "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout(&json)).expect("JSON");
    assert_eq!(v["plans"][0]["target_gpa"]["outcome"], "reachable");
    assert_eq!(v["plans"][0]["target_gpa"]["average"], 3.98);
    for bad in ["abc", "-1", "NaN"] {
        let o = run(&["check", plan, &format!("--target-gpa={bad}")]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&o.stderr).to_string();
        assert!(err.contains("is not a GPA"), "{err}");
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn diff_shows_the_gpa_before_and_after_and_the_terms_that_changed() {
    let o = run(&[
        "diff",
        "tests/plans/good/approved.ron",
        "tests/plans/good/changed.ron",
    ]);
    let text = stdout(&o);
    assert!(
        text.contains("\nGPA\n  cumulative    3.71 → 3.76\n  Semester II   – → 4.00\n\n"),
        "{text}"
    );
    // Without any grade on either side there is no GPA block.
    let dir = tempfile::tempdir().expect("temp dir");
    let c = bundled();
    let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    store::save_plan(&a, &Plan::recommended(&c, "Ada")).expect("saved");
    let mut moved = Plan::recommended(&c, "Ada");
    moved.terms[0].courses[0].status = Status::Completed;
    store::save_plan(&b, &moved).expect("saved");
    let o = run(&["diff", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(!stdout(&o).contains("GPA"), "{}", stdout(&o));
    // A grade on one side only: "–" on the other.
    moved.terms[0].courses[0].grade = Some("B".into());
    store::save_plan(&b, &moved).expect("saved");
    let o = run(&["diff", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(
        stdout(&o).contains("\nGPA\n  cumulative   – → 3.00\n  Semester I   – → 3.00\n"),
        "{}",
        stdout(&o)
    );
}
