//! The auto-plan, the graduation estimate and what-if: model properties on the bundled
//! program and on small curricula with offerings, corequisites and alternate years, and the
//! `autoplan` and `whatif` commands.

use degree_planner::model::autoplan::{Options, autoplan};
use degree_planner::model::graduation::estimate;
use degree_planner::model::{self, Curriculum, Plan, Severity, Slot, Status};
use degree_planner::store;

use crate::common::bundled;

/// An empty plan for `c`: its recommended terms with nothing in them.
fn empty(c: &Curriculum) -> Plan {
    let mut plan = Plan::recommended(c, "Ada");
    for t in &mut plan.terms {
        t.courses.clear();
    }
    plan
}

/// The first terms of the recommended plan completed, the rest planned.
fn completed_through(c: &Curriculum, terms: usize) -> Plan {
    let mut plan = Plan::recommended(c, "Ada");
    for t in 0..terms {
        plan.set_term_status(t, Status::Completed);
    }
    plan
}

fn errors(c: &Curriculum, plan: &Plan) -> Vec<String> {
    model::problems(c, plan)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.message)
        .collect()
}

/// Every (term, code, status) placement that is not planned-and-unpinned.
fn fixed(plan: &Plan) -> Vec<(usize, String, Status)> {
    plan.terms
        .iter()
        .enumerate()
        .flat_map(|(t, term)| {
            term.courses
                .iter()
                .filter(|p| p.status != Status::Planned || p.pinned)
                .map(move |p| (t, p.code.clone(), p.status))
        })
        .collect()
}

fn fixed_in(before: &Plan, after: &Plan) -> bool {
    let after: Vec<(usize, String, Status)> = after
        .terms
        .iter()
        .enumerate()
        .flat_map(|(t, term)| {
            term.courses
                .iter()
                .map(move |p| (t, p.code.clone(), p.status))
        })
        .collect();
    fixed(before).iter().all(|f| after.contains(f))
}

#[test]
fn from_an_empty_plan_the_bundled_program_fits_in_four_terms_with_no_error() {
    let c = bundled();
    let plan = empty(&c);
    let proposal = autoplan(&c, &plan, &Options::default()).expect("a plan");
    assert_eq!(errors(&c, &proposal.plan), Vec::<String>::new());
    // 64 credits at 18 a term need 4 terms; the chain BE101 → BE206 → BE305 → BE404 too.
    assert_eq!(proposal.plan.terms.len(), 4);
    let placed: usize = proposal.plan.terms.iter().map(|t| t.courses.len()).sum();
    assert_eq!(placed, c.courses.len());
    assert_eq!(proposal.explanations.len(), c.courses.len());
}

#[test]
fn the_same_input_gives_the_same_plan() {
    let c = bundled();
    let plan = completed_through(&c, 1);
    let options = Options {
        target: Some("devops".into()),
        max_credits: Some(15),
        ..Options::default()
    };
    let a = autoplan(&c, &plan, &options).expect("a plan");
    let b = autoplan(&c, &plan, &options).expect("a plan");
    assert_eq!(a, b);
}

#[test]
fn completed_in_progress_and_pinned_courses_never_move() {
    let c = bundled();
    let mut plan = completed_through(&c, 1);
    plan.set_term_status(1, Status::InProgress);
    // Pin a planned course in a later term than recommended.
    let slot = plan.find("BE403").expect("placed");
    let moved = plan.move_to(slot, 3).expect("moved");
    assert_eq!(plan.toggle_pin(moved), Some(true));
    let proposal = autoplan(&c, &plan, &Options::default()).expect("a plan");
    assert!(fixed_in(&plan, &proposal.plan), "{:#?}", proposal.plan);
    assert_eq!(errors(&c, &proposal.plan), Vec::<String>::new());
    assert!(
        proposal.plan.terms[3]
            .courses
            .iter()
            .any(|p| p.code == "BE403" && p.pinned)
    );
}

#[test]
fn toggle_pin_pins_and_unpins_and_a_pin_is_saved_only_when_set() {
    let c = bundled();
    let mut plan = Plan::recommended(&c, "Ada");
    let slot = Slot { term: 0, index: 0 };
    let unpinned = ron::to_string(&plan).expect("serialises");
    assert!(!unpinned.contains("pinned"));
    assert_eq!(plan.toggle_pin(slot), Some(true));
    assert!(
        ron::to_string(&plan)
            .expect("serialises")
            .contains("pinned:true")
    );
    assert_eq!(plan.toggle_pin(slot), Some(false));
    assert_eq!(ron::to_string(&plan).expect("serialises"), unpinned);
    assert_eq!(plan.toggle_pin(Slot { term: 9, index: 0 }), None);
}

#[test]
fn a_lower_load_limit_takes_more_terms_and_stays_within_it() {
    let c = bundled();
    let proposal = autoplan(
        &c,
        &empty(&c),
        &Options {
            max_credits: Some(12),
            max_terms: Some(8),
            ..Options::default()
        },
    )
    .expect("a plan");
    // 64 credits at 12 a term: at least 6 terms.
    assert_eq!(proposal.plan.terms.len(), 6);
    for t in 0..proposal.plan.terms.len() {
        assert!(model::term_credits(&c, &proposal.plan, t) <= 12);
    }
    assert_eq!(errors(&c, &proposal.plan), Vec::<String>::new());
}

#[test]
fn an_impossible_limit_says_which_course_binds() {
    let c = bundled();
    let no = autoplan(
        &c,
        &empty(&c),
        &Options {
            max_credits: Some(12),
            max_terms: Some(4),
            ..Options::default()
        },
    )
    .expect_err("no plan");
    assert!(
        no.reason
            .contains("at 12 credits a term that takes at least")
            && no.reason.ends_with("you allowed 4"),
        "{}",
        no.reason
    );
    let chain = autoplan(
        &c,
        &empty(&c),
        &Options {
            max_terms: Some(3),
            ..Options::default()
        },
    )
    .expect_err("no plan");
    assert!(
        chain
            .reason
            .contains("a chain of 4 courses, one a term, takes at least 4 terms")
            && chain.reason.ends_with("you allowed 3"),
        "{}",
        chain.reason
    );
}

#[test]
fn the_graduation_estimate_follows_the_load_and_the_chain() {
    let c = bundled();
    let e = estimate(&c, &empty(&c), None);
    assert_eq!(e.term, 3);
    assert_eq!(e.term_name, "Semester IV");
    assert_eq!(e.critical_path.len(), 4);
    assert!(
        e.critical_path[0].starts_with("BE1"),
        "{:?}",
        e.critical_path
    );
    assert!(
        e.critical_path[3].starts_with("BE4"),
        "{:?}",
        e.critical_path
    );
    let slow = estimate(&c, &completed_through(&c, 2), Some(8));
    // 30 credits left at 8 a term: 4 more terms after the two completed.
    assert_eq!(slow.term, 5);
    assert_eq!(slow.term_name, "Semester VI");
    assert_eq!(slow.credits_left, 30);
}

/// Terms of two kinds with years; C needs A; D is a corequisite of C; E runs in odd years
/// in autumn only; F needs permission.
const SMALL: &str = r#"(
    name: "Small", degree_credits: 18, max_term_credits: 6,
    semesters: ["Autumn 2025", "Spring 2026"], term_kinds: ["spring", "autumn"], paths: [],
    courses: [
        (code: "A", title: "Alpha", credits: 3, offered: ["autumn"]),
        (code: "C", title: "Gamma", credits: 3, offered: ["spring"], requires: all([course("A"), coreq(course("D"))])),
        (code: "D", title: "Delta", credits: 3),
        (code: "E", title: "Epsilon", credits: 3, offered: ["autumn"], years: odd),
        (code: "F", title: "Phi", credits: 3, requires: permission("the dean")),
        (code: "G", title: "Gee", credits: 3, required: false),
    ],
)"#;

fn small() -> (Curriculum, Plan) {
    let c = store::parse_curriculum(SMALL, "small.ron")
        .unwrap_or_else(|e| panic!("{e}"))
        .curriculum;
    let text = format!(
        r#"(version: 2, curriculum: (name: "Small", hash: "{}"), terms: [
            (name: "Autumn 2025", kind: "autumn", year: 2025, courses: []),
        ])"#,
        c.content_hash()
    );
    let plan = store::parse_plan(&text, "small-plan.ron").unwrap_or_else(|e| panic!("{e}"));
    (c, plan)
}

#[test]
fn offerings_corequisites_and_alternate_years_are_respected() {
    let (c, plan) = small();
    let proposal = autoplan(&c, &plan, &Options::default()).expect("a plan");
    let p = &proposal.plan;
    assert_eq!(errors(&c, p), Vec::<String>::new());
    let term_of = |code: &str| p.find(code).expect("placed").term;
    let kind_of = |code: &str| p.terms[term_of(code)].kind.clone().unwrap_or_default();
    assert_eq!(kind_of("A"), "autumn");
    assert_eq!(kind_of("C"), "spring");
    assert!(term_of("D") <= term_of("C"));
    assert!(term_of("A") < term_of("C"));
    let e = &p.terms[term_of("E")];
    assert_eq!(
        (e.kind.as_deref(), e.year.map(|y| y % 2)),
        (Some("autumn"), Some(1))
    );
    // New terms carry on the kinds and years.
    assert_eq!(p.terms[1].kind.as_deref(), Some("spring"));
    assert_eq!(p.terms[1].year, Some(2026));
    // The permission is allowed, and reported.
    assert!(
        proposal
            .warnings
            .iter()
            .any(|w| w.message.contains("permission of the dean")),
        "{:?}",
        proposal.warnings
    );
    let c_why = proposal.explanation("C").expect("explained");
    assert!(
        c_why.text.contains("it is offered in spring"),
        "{}",
        c_why.text
    );
    assert!(c_why.text.contains("corequisites (D)"), "{}", c_why.text);
}

#[test]
fn a_course_offered_in_no_allowed_term_is_named() {
    let (c, plan) = small();
    let no = autoplan(
        &c,
        &plan,
        &Options {
            max_terms: Some(1),
            ..Options::default()
        },
    )
    .expect_err("no plan");
    assert!(no.reason.contains("you allowed 1"), "{}", no.reason);
}

#[test]
fn a_minimum_load_that_cannot_be_met_says_which_term() {
    let (c, plan) = small();
    // Every term carries at most 6 credits; asking for 7 leaves the first term short.
    let no = autoplan(
        &c,
        &plan,
        &Options {
            min_credits: Some(7),
            max_terms: Some(6),
            ..Options::default()
        },
    )
    .expect_err("no plan");
    assert!(
        no.reason.starts_with("Autumn 2025 can hold only 6 credits")
            && no.reason.ends_with("below the minimum of 7 a term"),
        "{}",
        no.reason
    );
}

mod headless {
    use std::path::Path;
    use std::process::{Command, Output, Stdio};

    const ROOT: &str = env!("CARGO_MANIFEST_DIR");

    fn run(args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_degree-planner"))
            .args(args)
            .current_dir(ROOT)
            .stdin(Stdio::null())
            .output()
            .expect("the binary runs")
    }

    fn text(bytes: &[u8]) -> String {
        String::from_utf8(bytes.to_vec()).expect("UTF-8")
    }

    /// A copy of a plan of the bundled program in a fresh directory.
    fn plan_copy(dir: &Path) -> std::path::PathBuf {
        let plan = dir.join("ada.ron");
        std::fs::copy(Path::new(ROOT).join("tests/plans/problems/ada.ron"), &plan).expect("copied");
        plan
    }

    #[test]
    fn a_plan_found_prints_the_diff_writes_only_out_and_out_passes_check() {
        let dir = tempfile::tempdir().expect("tempdir");
        let plan = plan_copy(dir.path());
        let before = std::fs::read(&plan).expect("read");
        let out = dir.path().join("auto.ron");
        let o = run(&[
            "autoplan",
            plan.to_str().expect("UTF-8"),
            "-o",
            out.to_str().expect("UTF-8"),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let stdout = text(&o.stdout);
        assert!(stdout.contains("to the auto-plan"), "{stdout}");
        assert!(
            stdout.contains("Why each course goes where it does:"),
            "{stdout}"
        );
        assert_eq!(
            std::fs::read(&plan).expect("read"),
            before,
            "PLAN untouched"
        );
        let check = run(&["check", out.to_str().expect("UTF-8")]);
        let report = text(&check.stdout);
        assert!(!report.contains("error:"), "{report}");
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["ada.ron", "auto.ron"]);
    }

    #[test]
    fn no_plan_within_the_limits_exits_1_with_the_reason() {
        let dir = tempfile::tempdir().expect("tempdir");
        let plan = plan_copy(dir.path());
        let before = std::fs::read(&plan).expect("read");
        let o = run(&[
            "autoplan",
            plan.to_str().expect("UTF-8"),
            "--max-credits",
            "6",
            "--max-terms",
            "4",
        ]);
        assert_eq!(o.status.code(), Some(1));
        let stderr = text(&o.stderr);
        assert!(
            stderr.contains("at 6 credits a term that takes at least")
                && stderr.contains("you allowed 4"),
            "{stderr}"
        );
        assert_eq!(std::fs::read(&plan).expect("read"), before);
    }

    #[test]
    fn a_bad_file_or_out_being_plan_exits_2() {
        let dir = tempfile::tempdir().expect("tempdir");
        let bad = dir.path().join("bad.ron");
        std::fs::write(&bad, "(version: 2, oops").expect("written");
        assert_eq!(
            run(&["autoplan", bad.to_str().expect("UTF-8")])
                .status
                .code(),
            Some(2)
        );
        let plan = plan_copy(dir.path());
        let before = std::fs::read(&plan).expect("read");
        let p = plan.to_str().expect("UTF-8");
        assert_eq!(run(&["autoplan", p, "-o", p]).status.code(), Some(2));
        assert_eq!(std::fs::read(&plan).expect("read"), before);
        assert_eq!(
            run(&["autoplan", p, "--target", "astronaut"]).status.code(),
            Some(2)
        );
    }

    #[test]
    fn whatif_compares_under_another_curriculum_and_lists_unknown_codes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let plan = plan_copy(dir.path());
        let bundled =
            std::fs::read_to_string(Path::new(ROOT).join("data/curriculum.ron")).expect("bundled");
        let other = dir.path().join("next.ron");
        std::fs::write(
            &other,
            bundled.replace("code: \"BE403\"", "code: \"BE499\""),
        )
        .expect("written");
        let o = run(&[
            "whatif",
            plan.to_str().expect("UTF-8"),
            "--curriculum",
            other.to_str().expect("UTF-8"),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let stdout = text(&o.stdout);
        assert!(stdout.contains("Not courses of"), "{stdout}");
        assert!(stdout.contains("BE403"), "{stdout}");
        // BE403 (2 credits) is unknown there, so its credits no longer count.
        assert!(stdout.contains("62 of 64 → 60 of 64"), "{stdout}");
        let missing = run(&[
            "whatif",
            plan.to_str().expect("UTF-8"),
            "--curriculum",
            dir.path().join("none.ron").to_str().expect("UTF-8"),
        ]);
        assert_eq!(missing.status.code(), Some(2));
    }
}

#[test]
fn on_synthetic_students_a_found_plan_has_no_error_and_keeps_what_is_fixed() {
    let c = store::parse_curriculum(&crate::common::synth::curriculum(300, 7), "synth.ron")
        .unwrap_or_else(|e| panic!("{e}"))
        .curriculum;
    let mut found = 0;
    for mut plan in crate::common::synth::plans(&c, 12, 7) {
        // Pin the first planned course, wherever it is.
        if let Some(slot) = (0..plan.terms.len()).find_map(|term| {
            let index = plan.terms[term]
                .courses
                .iter()
                .position(|p| p.status == Status::Planned)?;
            Some(Slot { term, index })
        }) {
            plan.toggle_pin(slot);
        }
        let Ok(proposal) = autoplan(&c, &plan, &Options::default()) else {
            continue;
        };
        found += 1;
        assert_eq!(errors(&c, &proposal.plan), Vec::<String>::new());
        assert!(fixed_in(&plan, &proposal.plan));
        assert_eq!(autoplan(&c, &plan, &Options::default()), Ok(proposal));
    }
    assert!(
        found >= 6,
        "the auto-plan found plans for {found} of 12 students"
    );
}

/// Requirement groups: a core of A and one of B or C, and 6 credits of level-2 EL courses;
/// no course is required by itself, so only the groups (and the total) choose them.
const GROUPED: &str = r#"(
    name: "Grouped", degree_credits: 15, max_term_credits: 6, semesters: ["S1", "S2"], paths: [],
    courses: [
        (code: "A", title: "Alpha", credits: 3, required: false),
        (code: "B", title: "Beta", credits: 3, required: false, prerequisites: ["A"]),
        (code: "C", title: "Gamma", credits: 3, required: false),
        (code: "EL100", title: "Elective 100", credits: 3, required: false),
        (code: "EL200", title: "Elective 200", credits: 3, required: false),
        (code: "EL201", title: "Elective 201", credits: 3, required: false, prerequisites: ["EL100"]),
    ],
    requirements: [
        (id: "core", name: "Core", need: all, from: [course("A"), one_of(["B", "C"])]),
        (id: "el", name: "Level-2 electives", need: credits(6), from: [pattern(subject: "EL", level: 2)]),
    ],
)"#;

#[test]
fn requirement_groups_are_filled_and_say_why() {
    let c = store::parse_curriculum(GROUPED, "grouped.ron")
        .unwrap_or_else(|e| panic!("{e}"))
        .curriculum;
    let plan = empty(&c);
    let proposal = autoplan(&c, &plan, &Options::default()).expect("a plan");
    assert_eq!(errors(&c, &proposal.plan), Vec::<String>::new());
    let placed = |code: &str| proposal.plan.find(code).is_some();
    assert!(placed("A") && placed("EL200") && placed("EL201") && placed("EL100"));
    assert!(placed("B") || placed("C"));
    let why = proposal.explanation("EL200").expect("explained");
    assert!(
        why.text.contains("counts toward Level-2 electives"),
        "{}",
        why.text
    );
}
