//! The real catalog in tests/catalogs/ (UNSW 2022 from devsoc-unsw/circles, converted by
//! examples/convert_circles.rs): it loads and validates, hand-checked plans against it give
//! exactly the problems the handbook text implies, and rerunning the converter reproduces it.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use degree_planner::model::{self, Curriculum, Severity};
use degree_planner::store;

fn catalogs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/catalogs")
}

/// The catalog, loaded once for every test of this module.
static CATALOG: LazyLock<store::LoadedCurriculum> = LazyLock::new(|| {
    store::load_curriculum(Some(&catalogs().join("unsw-3778-2022.ron")))
        .unwrap_or_else(|e| panic!("the converted catalog must load: {e}"))
});

fn catalog() -> &'static Curriculum {
    &CATALOG.curriculum
}

/// Every problem of the plan file, as (severity, message).
fn problems(plan: &str) -> Vec<(Severity, String)> {
    let plan = store::load_plan(&catalogs().join("plans").join(plan)).expect("plan loads");
    assert_eq!(
        plan.curriculum.hash,
        catalog().content_hash(),
        "the plan names the catalog's current hash"
    );
    model::problems(catalog(), &plan)
        .into_iter()
        .map(|p| (p.severity, p.message))
        .collect()
}

fn error(m: &str) -> (Severity, String) {
    (Severity::Error, m.to_string())
}

fn warning(m: &str) -> (Severity, String) {
    (Severity::Warning, m.to_string())
}

#[test]
fn the_catalog_loads_with_warnings_only_for_outside_codes_other_streams_and_alternative_cycles() {
    let c = catalog();
    assert_eq!(c.courses.len(), 2925);
    assert_eq!(c.code.as_deref(), Some("3778"));
    assert_eq!(c.degree_credits, 144);
    let outside = CATALOG
        .warnings
        .iter()
        .filter(|w| w.ends_with("which is outside this catalog"))
        .count();
    let cycles: Vec<&String> = CATALOG
        .warnings
        .iter()
        .filter(|w| w.contains("requisite cycle through alternatives"))
        .collect();
    let streams = CATALOG
        .warnings
        .iter()
        .filter(|w| w.ends_with("which no stream of the program offers"))
        .count();
    // One warning per outside code a requisite or exclusion names; the 4 that only the
    // streams' groups name (ACCT2507, COMP6449, FINS3775, MARK3090) are listed silently.
    assert_eq!(outside, 1135);
    assert_eq!(c.outside.len(), 1139);
    // Requisites naming other programs' streams (BINFAH, COMPAH, ...), which 3778 cannot offer.
    assert_eq!(streams, 76);
    assert_eq!(cycles.len(), 8, "{cycles:#?}");
    assert!(
        cycles.iter().all(|w| w.contains("ARTS")),
        "the survey's three cycles, all ARTS: {cycles:#?}"
    );
    assert_eq!(CATALOG.warnings.len(), outside + cycles.len() + streams);
}

#[test]
fn course_facts_come_through_as_the_handbook_gives_them() {
    let c = catalog();
    let comp3900 = c.course("COMP3900").unwrap();
    // Handbook: "Prerequisite: COMP1531, and COMP2521 or COMP1927, and enrolled in a BSc
    // Computer Science major with completion of 102 uoc."
    assert_eq!(
        ron::to_string(comp3900.requires.as_ref().unwrap()).unwrap(),
        r#"all([course("COMP1531"),any([course("COMP2521"),course("COMP1927")]),enrolled(family:Some("COMP#")),credits(min:102)])"#
    );
    assert_eq!(comp3900.offered, ["T1", "T2", "T3"]);
    assert!(
        comp3900
            .requisite_text
            .starts_with("Prerequisite: COMP1531, and COMP2521")
    );
    assert_eq!(c.course("COMP3511").unwrap().offered, ["T0", "T2"]);
    assert_eq!(
        c.course("COMP1511").unwrap().equivalent,
        ["COMP1917", "DPST1091"]
    );
    assert!(
        c.links()
            .excludes("COMP6441")
            .contains(&"COMP6841".to_string())
    );
    assert_eq!(c.course("COMM0999").unwrap().credits, 0);
    assert!(
        c.course("ARTS1690")
            .unwrap()
            .attributes
            .contains(&"gen-ed".to_string())
    );
    assert!(c.families.contains(&"COMP#".to_string()));
    let options = |id: &str| -> Vec<&str> {
        let stream = c.streams.iter().find(|s| s.id == id).unwrap();
        stream.options.iter().map(|o| o.code.as_str()).collect()
    };
    assert_eq!(
        options("major"),
        [
            "COMPA1", "COMPD1", "COMPE1", "COMPI1", "COMPJ1", "COMPN1", "COMPS1", "COMPY1"
        ]
    );
    assert_eq!(
        options("minor"),
        ["ACCTA2", "FINSA2", "INFSA2", "MARKA2", "MATHC2", "PSYCM2"]
    );
}

#[test]
fn a_valid_three_year_plan_has_no_problems() {
    assert_eq!(problems("valid.ron"), []);
}

#[test]
fn a_course_before_its_prerequisite() {
    // Handbook COMP2521: "Prerequisite: COMP1511 or DPST1091 or COMP1917 or COMP1921".
    assert_eq!(
        problems("before_prerequisite.ron"),
        [error(
            "COMP2521 Data Structures and Algorithms in Year 1 T1 needs one of: COMP1511 Programming Fundamentals; DPST1091 Introduction to Programming; COMP1917; COMP1921"
        )]
    );
}

#[test]
fn a_course_in_a_term_it_is_not_offered() {
    // Handbook COMP3141: terms ["T2"] in 2022.
    assert_eq!(
        problems("not_offered.ron"),
        [error(
            "COMP3141 Software System Design and Implementation is placed in Year 2 T3 but offered only in T2"
        )]
    );
}

#[test]
fn two_excluded_courses() {
    // Handbook COMP6441 and COMP6841: each lists the other among its exclusions.
    assert_eq!(
        problems("excluded_pair.ron"),
        [error(
            "both of two excluded courses are placed: COMP6441 Security Engineering and Cyber Security and COMP6841 Extended Security Engineering and Cyber Security give no credit together"
        )]
    );
}

#[test]
fn too_few_credits_before_a_course() {
    // Handbook COMP4920: "Prerequisite: (COMP2511 or COMP2911) and completion of 96 UOC in
    // Computer Science." The plan has 15 courses of 6 UOC before Year 2 T3.
    assert_eq!(
        problems("credits_short.ron"),
        [error(
            "COMP4920 Professional Issues and Ethics in Information Technology in Year 2 T3 needs 96 credits first and has 90 by then"
        )]
    );
}

#[test]
fn a_corequisite_in_a_later_term() {
    // Handbook MATH1081: "Corequisite: MATH1131 or DPST1013 or MATH1141 or MATH1151".
    assert_eq!(
        problems("corequisite_later.ron"),
        [error(
            "MATH1081 Discrete Mathematics in Year 1 T1 needs one of: MATH1131 Mathematics 1A (same term or earlier); DPST1013 Mathematics 1A (same term or earlier); MATH1141 Higher Mathematics 1A (same term or earlier); MATH1151 Mathematics for Actuarial Studies and Finance 1A (same term or earlier)"
        )]
    );
}

#[test]
fn a_corequisite_in_the_same_term_is_met() {
    assert_eq!(problems("corequisite_same_term.ron"), []);
}

#[test]
fn an_alternative_of_permission_is_a_warning() {
    // Handbook ACCT3708: "Prerequisite: ACCT2542 or approval from the School".
    assert_eq!(
        problems("permission.ron"),
        [warning(
            "ACCT3708 Auditing and Assurance Services in Year 3 T3 needs permission of the School of Accounting"
        )]
    );
}

#[test]
fn enrolment_in_another_program() {
    // Handbook COMP4961: "Prerequisite: Students enrolled in program 4515 Bachelor of Computer
    // Science (Hons) or program 3648."; the plan is for 3778.
    assert_eq!(
        problems("enrolment.ron"),
        [error(
            "COMP4961 Computer Science Thesis A in Year 3 T3 needs one of: enrolment in program 4515; enrolment in program 3648"
        )]
    );
}

#[test]
fn a_minimum_grade_with_no_grade_yet() {
    // Handbook COMP3821: "Prerequisite: A mark of at least 65 in COMP1927 or COMP2521"; the
    // plan records no grades, and COMP1927 (retired, outside) is not placed.
    assert_eq!(
        problems("grade_unknown.ron"),
        [warning(
            "COMP3821 Extended Algorithms and Programming Techniques needs 65 in COMP2521 Data Structures and Algorithms: no grade yet"
        )]
    );
}

#[test]
fn an_alternate_year_course_in_a_year_it_does_not_run() {
    // Handbook MATH3531: "Note: Offered in even numbered years only" (a hand fix); its
    // prerequisite, 12 UOC of level-2 MATH including MATH2069, is met.
    assert_eq!(
        problems("alternate_years.ron"),
        [error(
            "MATH3531 Topology and Differential Geometry is placed in Year 3 T3 (2025) but runs only in even years"
        )]
    );
}

#[test]
fn a_core_course_of_the_major_missing() {
    // COMPA1 "Core Courses" (66 UOC, every item) lists COMP4920.
    assert_eq!(
        problems("core_missing.ron"),
        [error(
            "group Core Courses (Computer Science) is missing COMP4920 Professional Issues and Ethics in Information Technology"
        )]
    );
}

#[test]
fn no_major_chosen_uses_the_default() {
    // 3778: "COMPA1 is the default stream, and will be used if no other stream is selected."
    assert_eq!(
        problems("no_major.ron"),
        [warning(
            "no Computer Science major is chosen; the audit uses COMPA1 Computer Science until one is"
        )]
    );
}

/// The circles mirror, where the lead's machine keeps it; CI's clean clone has none.
const MIRROR: &str = "/work/.mirror/devsoc-unsw+circles/repo";

#[test]
fn rerunning_the_converter_reproduces_the_committed_files() {
    if !Path::new(MIRROR).exists() {
        println!("note: {MIRROR} is absent, so the converter is not rerun here");
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let run = std::process::Command::new(cargo)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "run",
            "--quiet",
            "--example",
            "convert_circles",
            "--",
            MIRROR,
            "a30c09d3",
            "--out",
        ])
        .arg(out.path())
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    for file in ["unsw-3778-2022.ron", "README.md"] {
        let fresh = std::fs::read(out.path().join(file)).unwrap();
        let committed = std::fs::read(catalogs().join(file)).unwrap();
        assert!(
            fresh == committed,
            "{file} differs from a fresh conversion; rerun the converter"
        );
    }
}
