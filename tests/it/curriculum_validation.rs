//! Curriculum files with one thing wrong each (tests/curricula/*.ron): every problem is
//! reported with its message, its line and column, and as `file:line:col: message`.

use std::path::{Path, PathBuf};

use degree_planner::store::{self, FileError, Located};

fn curriculum_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/curricula")
        .join(name)
}

fn load_error(name: &str) -> (PathBuf, FileError) {
    let path = curriculum_file(name);
    match store::load_curriculum(Some(&path)) {
        Ok(_) => panic!("{name} loaded, but it has a problem"),
        Err(e) => (path, e),
    }
}

/// Asserts that `name` fails with exactly these problems, in this order, and that the
/// error prints each as `file:line:col: message` on its own line.
fn assert_problems(name: &str, expected: &[((usize, usize), &str)]) {
    let (path, error) = load_error(name);
    assert_eq!(error.file, path.display().to_string());
    let actual: Vec<((usize, usize), &str)> = error
        .problems
        .iter()
        .map(|p| {
            let position = p.position.unwrap_or_else(|| panic!("no position: {p:?}"));
            (position, p.message.as_str())
        })
        .collect();
    assert_eq!(actual, expected);
    let printed: Vec<String> = expected
        .iter()
        .map(|((line, col), message)| format!("{}:{line}:{col}: {message}", path.display()))
        .collect();
    assert_eq!(error.to_string(), printed.join("\n"));
}

fn assert_problem(name: &str, position: (usize, usize), message: &str) {
    assert_problems(name, &[(position, message)]);
}

// ---- Errors RON itself reports -------------------------------------------------------------

#[test]
fn syntax_error_points_at_the_token_after_the_missing_comma() {
    assert_problem("syntax_error.ron", (8, 9), "Expected comma");
}

#[test]
fn type_error_points_at_the_value() {
    // `credits: "three"`: column 46 is the opening quote, not the blank before it.
    assert_problem("type_error.ron", (8, 46), "Expected integer");
}

#[test]
fn unknown_field_is_named() {
    assert_problem(
        "unknown_field.ron",
        (8, 49),
        "Unexpected field named `rank` in `Course`, expected one of `code`, `title`, \
         `credits`, `semester`, `required`, `prerequisites`, `careers`, `focus`, `requires`, \
         `requisite_text`, `offered`, `years`, `max_credits`, `excludes`, `equivalent`, \
         `attributes`, `subject`, or `level` instead",
    );
}

#[test]
fn missing_required_field_is_named_at_the_end_of_its_struct() {
    assert_problem(
        "missing_field.ron",
        (8, 45),
        "Unexpected missing field named `title` in `Course`",
    );
}

// ---- Findings of validation ----------------------------------------------------------------

#[test]
fn duplicate_code_points_at_the_second_course() {
    assert_problem(
        "duplicate_code.ron",
        (8, 10),
        "course code A1 is used twice (courses 1 and 2)",
    );
}

#[test]
fn prerequisite_naming_an_unknown_code() {
    assert_problem(
        "unknown_prerequisite.ron",
        (8, 84),
        "B1 needs ZZ9, which is not a course",
    );
}

#[test]
fn course_listing_itself_as_prerequisite() {
    assert_problem(
        "self_prerequisite.ron",
        (8, 78),
        "B1 lists itself as a prerequisite",
    );
}

#[test]
fn two_course_prerequisite_cycle_is_named() {
    assert_problem(
        "cycle_two.ron",
        (7, 10),
        "prerequisite cycle: A1 needs B1 needs A1",
    );
}

#[test]
fn three_course_prerequisite_cycle_is_named() {
    assert_problem(
        "cycle_three.ron",
        (8, 10),
        "prerequisite cycle: A1 needs B1 needs C1 needs A1",
    );
}

#[test]
fn zero_credits_are_allowed() {
    // Issue 14: industrial training and portfolios carry no credit; 0 stopped being an error.
    let loaded = store::load_curriculum(Some(&curriculum_file("credits_zero.ron")))
        .expect("credits_zero.ron loads");
    assert_eq!(loaded.curriculum.course("B1").unwrap().credits, 0);
}

#[test]
fn absurd_credits() {
    assert_problem(
        "credits_absurd.ron",
        (8, 37),
        "B1 has 500 credits; a course must have between 0 and 30",
    );
}

#[test]
fn degree_total_that_cannot_be_reached() {
    assert_problem(
        "degree_unreachable.ron",
        (3, 5),
        "the degree total of 60 cannot be reached: required courses give 3 credits and the \
         optional ones at most 4",
    );
}

#[test]
fn career_weight_for_an_unknown_path() {
    assert_problem(
        "unknown_path.ron",
        (9, 13),
        "A1 gives a weight to career path \"wizard\", which is not defined",
    );
}

#[test]
fn career_weight_too_large() {
    assert_problem(
        "weight_too_large.ron",
        (8, 72),
        "B1 gives \"ops\" weight 9; weights run from 0 to 5",
    );
}

#[test]
fn recommended_semester_out_of_range() {
    assert_problem(
        "semester_out_of_range.ron",
        (8, 49),
        "B1 is recommended for semester 3, but the program has 2 semesters",
    );
}

#[test]
fn prerequisite_recommended_in_the_same_or_a_later_semester() {
    assert_problems(
        "prerequisite_same_semester.ron",
        &[
            (
                (8, 78),
                "B1 is recommended for One but its prerequisite A1 for One",
            ),
            (
                (9, 79),
                "C1 is recommended for One but its prerequisite D1 for Two",
            ),
        ],
    );
}

#[test]
fn elective_group_naming_an_unknown_course() {
    assert_problem(
        "elective_unknown_course.ron",
        (11, 27),
        "elective group \"Options\" lists Q7, which is not a course",
    );
}

#[test]
fn elective_group_that_cannot_reach_its_minimum() {
    assert_problem(
        "elective_unreachable.ron",
        (12, 27),
        "elective group \"Options\" asks for 6 credits but its courses give only 5",
    );
}

#[test]
fn required_course_in_an_elective_group() {
    assert_problem(
        "elective_required.ron",
        (11, 27),
        "B1 is in elective group \"Options\" but is marked required; add `required: false`",
    );
}

#[test]
fn several_problems_are_reported_at_once_in_file_order() {
    assert_problems(
        "many_problems.ron",
        &[
            (
                (7, 38),
                "A1 has 31 credits; a course must have between 0 and 30",
            ),
            ((8, 10), "course code A1 is used twice (courses 1 and 2)"),
            (
                (8, 49),
                "A1 is recommended for semester 5, but the program has 2 semesters",
            ),
            ((9, 66), "C1 needs NOPE, which is not a course"),
            (
                (9, 85),
                "C1 gives \"ops\" weight 7; weights run from 0 to 5",
            ),
        ],
    );
}

#[test]
fn fields_may_come_in_any_order() {
    // A field written before `code` is located in its own course, and its reason kept there.
    let text = r#"(
    name: "P",
    degree_credits: 6,
    semesters: ["One"],
    paths: [(id: "dev", name: "Dev", mark: 'D')],
    courses: [
        (code: "A1", title: "Alpha", credits: 3),
        (title: "Beta", credits: 40, careers: {"dev": 2, // beta reason
        }, code: "B1"),
        (title: "Gamma", credits: 3, code: "C1"),
    ],
)"#;
    let error = store::parse_curriculum(text, "x.ron").unwrap_err();
    assert_eq!(
        error.to_string(),
        "x.ron:8:25: B1 has 40 credits; a course must have between 0 and 30"
    );
    let fixed = text.replace("credits: 40", "credits: 3");
    let loaded = store::parse_curriculum(&fixed, "x.ron").unwrap();
    let reasons: Vec<Vec<(&str, &str)>> = loaded
        .curriculum
        .courses
        .iter()
        .map(|c| {
            c.reasons
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect()
        })
        .collect();
    assert_eq!(reasons, [vec![], vec![("dev", "beta reason")], vec![]]);
}

// ---- Valid files ---------------------------------------------------------------------------

#[test]
fn valid_curriculum_with_electives_limit_and_any_term_course_loads() {
    let loaded = store::load_curriculum(Some(&curriculum_file("valid_with_electives.ron")))
        .expect("valid_with_electives.ron must load");
    assert!(loaded.warnings.is_empty());
    let c = loaded.curriculum;
    assert_eq!(c.name, "Small Program");
    assert_eq!(c.degree_credits, 12);
    assert_eq!(c.max_term_credits, Some(8));
    assert_eq!(c.semesters, ["Autumn", "Spring"]);
    assert_eq!(c.paths.len(), 2);
    assert_eq!(c.paths[0].about, "Keeps things running.");
    assert_eq!(c.paths[1].about, "", "about defaults to empty");
    let summary: Vec<(&str, u32, Option<u32>, bool)> = c
        .courses
        .iter()
        .map(|x| (x.code.as_str(), x.credits, x.semester, x.required))
        .collect();
    assert_eq!(
        summary,
        [
            ("C1", 4, Some(1), true),
            ("C2", 4, Some(2), true),
            ("E1", 2, Some(2), false),
            ("E2", 2, None, false),
            ("E3", 3, None, false),
        ]
    );
    assert_eq!(c.course("C2").unwrap().prerequisites, ["C1"]);
    assert_eq!(c.electives.len(), 1);
    assert_eq!(c.electives[0].name, "Options");
    assert_eq!(c.electives[0].min_credits, 4);
    assert_eq!(c.electives[0].courses, ["E1", "E2", "E3"]);
    let c1 = c.course("C1").unwrap();
    assert_eq!(c1.careers.get("dev"), Some(&3));
    assert_eq!(c1.reasons["dev"], "the core of programming");
    assert_eq!(c1.reasons["ops"], "scripts are code");
    let e2 = c.course("E2").unwrap();
    assert_eq!(e2.careers.get("ops"), Some(&2));
    assert!(
        e2.reasons.is_empty(),
        "a weight without a comment has no reason"
    );
    assert_eq!(c.semester_name(e2.semester), "any term");
    assert_eq!(c.content_hash().len(), 16);
}

#[test]
fn file_with_a_byte_order_mark_loads() {
    let text = std::fs::read_to_string(curriculum_file("valid_with_electives.ron")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.ron");
    std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
    let loaded = store::load_curriculum(Some(&path)).expect("a BOM must not stop loading");
    assert_eq!(loaded.curriculum.name, "Small Program");
    assert_eq!(loaded.curriculum.courses.len(), 5);
}

// ---- Files that cannot be read -------------------------------------------------------------

#[test]
fn non_utf8_file_names_the_file_and_the_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.ron");
    std::fs::write(&path, b"(\n    name: \"Caf\xe9\",\n)").unwrap();
    let error = store::load_curriculum(Some(&path)).unwrap_err();
    let file = path.display().to_string();
    assert_eq!(error.file, file);
    assert_eq!(
        error.problems,
        [Located {
            position: Some((2, 15)),
            message: "is not valid UTF-8 text".into(),
        }]
    );
    assert_eq!(
        error.to_string(),
        format!("{file}:2:15: is not valid UTF-8 text")
    );
}

#[test]
fn directory_instead_of_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let error = store::load_curriculum(Some(dir.path())).unwrap_err();
    let file = dir.path().display().to_string();
    assert_eq!(error.file, file);
    assert_eq!(
        error.problems,
        [Located {
            position: None,
            message: "is a directory, not a file".into(),
        }]
    );
    assert_eq!(
        error.to_string(),
        format!("{file}: is a directory, not a file")
    );
}

#[test]
fn missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope.ron");
    let error = store::load_curriculum(Some(&path)).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("{}: cannot open: no such file", path.display())
    );
}

// ---- The format documentation ------------------------------------------------------------

/// The ```ron block under the "## Complete example" heading of docs/curriculum-format.md.
fn documented_example() -> String {
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/curriculum-format.md"),
    )
    .expect("docs/curriculum-format.md must exist");
    let section = doc
        .split_once("\n## Complete example\n")
        .expect("the doc has a \"## Complete example\" section")
        .1;
    let block = section
        .split_once("```ron\n")
        .expect("the example section has a ```ron block")
        .1;
    let (example, _) = block
        .split_once("\n```")
        .expect("the example block is closed");
    example.to_string()
}

#[test]
fn the_documented_example_loads_without_errors() {
    let example = documented_example();
    let loaded = store::parse_curriculum(&example, "docs/curriculum-format.md")
        .unwrap_or_else(|e| panic!("the documented example does not load:\n{e}"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let c = loaded.curriculum;
    // What the doc says the example shows.
    assert_eq!(c.courses.len(), 6);
    assert_eq!(c.semesters.len(), 2);
    assert_eq!(c.paths.len(), 2);
    assert_eq!(c.electives.len(), 1);
    assert_eq!(c.max_term_credits, Some(12));
    assert_eq!(c.courses.iter().filter(|x| x.semester.is_none()).count(), 1);
    assert_eq!(c.courses.iter().filter(|x| !x.required).count(), 2);
    let required: u32 = c
        .courses
        .iter()
        .filter(|x| x.required)
        .map(|x| x.credits)
        .sum();
    assert_eq!((required, c.degree_credits), (15, 17));
    // Every weight carries its reason.
    for course in &c.courses {
        assert_eq!(
            course.reasons.keys().collect::<Vec<_>>(),
            course.careers.keys().collect::<Vec<_>>(),
            "{}",
            course.code
        );
    }
    // And the recommended plan is problem-free, with WB203 left in the pool.
    let plan = degree_planner::model::Plan::recommended(&c, "Ada");
    assert_eq!(degree_planner::model::problems(&c, &plan), vec![]);
    let pool: Vec<&str> = plan.unplanned(&c).iter().map(|x| x.code.as_str()).collect();
    assert_eq!(pool, ["WB203"]);
}

#[test]
fn documented_example_with_a_mistake_is_rejected() {
    // Guards the extraction above: the test is reading the real example, which validation sees.
    let broken = documented_example().replace(
        "credits: 4,\n            semester: 1,",
        "credits: 40,\n            semester: 1,",
    );
    let error = store::parse_curriculum(&broken, "doc.ron").unwrap_err();
    let messages: Vec<&str> = error.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "WB101 has 40 credits; a course must have between 0 and 30",
            "WB102 has 40 credits; a course must have between 0 and 30",
        ]
    );
}

#[test]
fn reasons_are_read_only_from_comments_after_the_weight_on_its_line() {
    let text = r#"(
    name: "P",
    degree_credits: 3,
    semesters: ["One"],
    paths: [
        (id: "a", name: "A", mark: 'A'),
        (id: "b", name: "B", mark: 'B'),
        (id: "c", name: "C", mark: 'C'),
    ],
    courses: [
        (code: "X", title: "X", credits: 3, careers: {
            // a comment on its own line is not a reason
            "a": 1,
            "b": 2, // with a comma
            "c": 3 // without one
        }),
    ],
)"#;
    let c = store::parse_curriculum(text, "x.ron").unwrap().curriculum;
    let reasons: Vec<(&str, &str)> = c.courses[0]
        .reasons
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(reasons, [("b", "with a comma"), ("c", "without one")]);
}

#[test]
fn rarer_rules_are_all_reported() {
    let text = r#"(
    name: " ",
    degree_credits: 0,
    max_term_credits: 0,
    semesters: [],
    paths: [
        (id: "", name: "Empty", mark: 'E'),
        (id: "p", name: "P", mark: 'P'),
        (id: "p", name: "P again", mark: 'Q'),
    ],
    courses: [
        (code: "", title: "No code", credits: 2),
        (code: "T", title: "", credits: 2, required: false),
    ],
    electives: [(name: "None", min_credits: 0, courses: ["T"])],
)"#;
    let error = store::parse_curriculum(text, "rare.ron").unwrap_err();
    assert_eq!(
        error.to_string(),
        [
            "rare.ron:2:5: the program has no name",
            "rare.ron:3:5: degree_credits is 0; it must be between 1 and 1000",
            "rare.ron:4:5: max_term_credits is 0: no course would fit",
            "rare.ron:5:5: the program lists no semesters",
            "rare.ron:7:33: career path 1 has an empty id",
            "rare.ron:9:36: career path id \"p\" is used twice",
            "rare.ron:12:10: course 1 has an empty code",
            "rare.ron:13:10: T has no title",
            "rare.ron:15:32: elective group \"None\" asks for 0 credits",
        ]
        .join("\n")
    );
    let no_courses = store::parse_curriculum(
        "(name: \"P\", degree_credits: 1, semesters: [\"S\"], paths: [], courses: [])",
        "empty.ron",
    )
    .unwrap_err();
    assert_eq!(
        no_courses.to_string(),
        "empty.ron:1:13: the degree total of 1 cannot be reached: required courses give 0 \
         credits and the optional ones at most 0\n\
         empty.ron:1:61: the program lists no courses"
    );
}

#[test]
fn title_longer_than_a_title_holds() {
    assert_problem(
        "title_too_long.ron",
        (8, 22),
        "course 2's title is 301 characters long; a title holds at most 300",
    );
}

#[test]
fn code_longer_than_a_code_holds() {
    assert_problem(
        "code_too_long.ron",
        (8, 10),
        "course 2's code is 21 characters long; a code holds at most 20",
    );
}

#[test]
fn a_path_mark_must_be_one_visible_character() {
    let curriculum = |mark: &str| {
        format!(
            r#"(
    name: "P",
    degree_credits: 3,
    semesters: ["One"],
    paths: [(id: "dev", name: "Dev", mark: '{mark}')],
    courses: [(code: "A1", title: "Alpha", credits: 3)],
)"#
        )
    };
    for bad in [" ", "\u{301}", "·", "漢", "\u{3000}"] {
        let error = store::parse_curriculum(&curriculum(bad), "m.ron").unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "m.ron:5:38: career path \"dev\" has mark {:?}; a mark must be one visible character, not a space, a combining accent, a wide character or `·`",
                bad.chars().next().unwrap()
            ),
            "mark {bad:?}"
        );
    }
    for good in ["D", "é", "★"] {
        assert!(
            store::parse_curriculum(&curriculum(good), "m.ron").is_ok(),
            "mark {good:?}"
        );
    }
}

/// The content hash of every curriculum that loads today, pinned before the requirement
/// language (issue 14) added fields: a new field must be skipped when it is empty, or every
/// existing plan would report "made for a different version".
#[test]
fn content_hashes_of_existing_curricula_are_pinned() {
    let bundled = store::load_curriculum(None).expect("bundled curriculum loads");
    assert_eq!(bundled.curriculum.content_hash(), "9c2d3e4f9e533a40");
    for (name, hash) in [
        ("many_paths_long_codes.ron", "89a09f20b01aec78"),
        ("no_paths.ron", "ae49f119dc54aac4"),
        ("valid_with_electives.ron", "5acf1f78db8caaa0"),
    ] {
        let loaded = store::load_curriculum(Some(&curriculum_file(name)))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(loaded.curriculum.content_hash(), hash, "{name}");
    }
}

// ---- The requirement language (issue 14) --------------------------------------------------

#[test]
fn requires_naming_an_unknown_code() {
    assert_problem(
        "requires_unknown_code.ron",
        (8, 85),
        "B1 needs ZZ9, which is not a course; list it in `outside` if it exists elsewhere",
    );
}

#[test]
fn requires_cycle_through_courses_needed_in_every_alternative_is_named() {
    assert_problem(
        "requires_cycle.ron",
        (7, 10),
        "prerequisite cycle: A1 needs B1 needs A1",
    );
}

#[test]
fn offered_in_a_kind_the_program_does_not_have() {
    assert_problem(
        "offered_unknown_kind.ron",
        (9, 49),
        "B1 is offered in \"T4\", which is not one of the program's term_kinds (T1, T2)",
    );
}

#[test]
fn years_without_offered_terms() {
    assert_problem(
        "years_without_offered.ron",
        (8, 49),
        "B1 gives `years` but no `offered` terms",
    );
}

#[test]
fn years_every_zero() {
    assert_problem(
        "years_every_zero.ron",
        (9, 66),
        "B1 runs every 0 years; `n` must be at least 1",
    );
}

#[test]
fn max_credits_must_be_above_credits() {
    assert_problem(
        "max_credits_not_above_credits.ron",
        (8, 49),
        "B1 has max_credits 3; it must be above its credits (3) and at most 30",
    );
}

#[test]
fn grade_mark_out_of_range() {
    assert_problem(
        "grade_out_of_range.ron",
        (8, 65),
        "B1 asks for grade 120 in A1; a grade is a mark from 0 to 100 or a letter of the scale",
    );
}

#[test]
fn requisite_text_too_long() {
    assert_problem(
        "requisite_text_too_long.ron",
        (8, 49),
        "B1's requisite_text is 2001 characters long; it holds at most 2000",
    );
}

#[test]
fn required_course_excluded_by_another_required_course() {
    assert_problem(
        "required_excluded.ron",
        (8, 10),
        "A1 and B1 are both required, but one excludes the other",
    );
}

#[test]
fn enrolment_naming_two_targets() {
    assert_problem(
        "enrolled_two_targets.ron",
        (8, 49),
        "B1 has an enrolment leaf that names not exactly one of program, family or stream",
    );
}

#[test]
fn every_construct_loads_with_warnings_for_outside_codes_and_cycles_through_alternatives() {
    let path = curriculum_file("valid_with_requisites.ron");
    let loaded = store::load_curriculum(Some(&path)).expect("valid_with_requisites.ron loads");
    let file = path.display().to_string();
    let warnings: Vec<String> = loaded
        .warnings
        .iter()
        .map(|w| w.replace(&file, "FILE"))
        .collect();
    assert_eq!(
        warnings,
        [
            "FILE:12:86: warning: A1 needs OLD1, which is outside this catalog",
            "FILE:12:10: warning: requisite cycle through alternatives: A1 needs B1 needs A1; \
             another alternative must break it",
        ],
        "one warning per outside code; the coreq cycle of C1 and D1 is fine"
    );
    let c = loaded.curriculum;
    let d1 = c.course("D1").unwrap();
    assert_eq!((d1.credits, d1.max_credits), (2, Some(6)));
    assert_eq!(c.course("C1").unwrap().credits, 0);
    assert_eq!(c.course("B1").unwrap().requisite_text, "A1 or permission");
    assert_eq!(
        c.links().excludes("B1"),
        ["OLD1"],
        "an equivalent is excluded too"
    );
}

#[test]
fn the_documented_example_of_every_construct_is_the_tested_fixture() {
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/curriculum-format.md"),
    )
    .unwrap();
    let section = doc
        .split_once("\n### Example with every construct\n")
        .expect("the doc has the example")
        .1;
    let block = section.split_once("```ron\n").unwrap().1;
    let (example, _) = block.split_once("\n```").unwrap();
    let fixture = std::fs::read_to_string(curriculum_file("valid_with_requisites.ron")).unwrap();
    assert_eq!(format!("{example}\n"), fixture);
}

// ---- Requirement groups, limits and streams (issue 14) -------------------------------------

#[test]
fn group_id_used_twice() {
    assert_problem(
        "group_id_twice.ron",
        (12, 10),
        "group id \"core\" is used twice",
    );
}

#[test]
fn group_listing_an_unknown_code() {
    assert_problem(
        "group_unknown_code.ron",
        (11, 82),
        "group \"core\" lists Z9, which is not a course; list it in `outside` if it exists elsewhere",
    );
}

#[test]
fn group_whose_need_the_catalog_cannot_reach() {
    assert_problem(
        "group_need_unreachable.ron",
        (11, 42),
        "group \"options\" needs 9 credits but its courses give at most 6",
    );
}

#[test]
fn group_needing_all_of_a_pattern() {
    assert_problem(
        "group_all_with_pattern.ron",
        (11, 36),
        "group \"core\" needs all of its items but lists the pattern B; a pattern can only give credits or courses",
    );
}

#[test]
fn caps_of_zero() {
    assert_problems(
        "group_cap_zero.ron",
        &[
            (
                (12, 50),
                "group \"capped\" has max_credits 0; a cap must be at least 1",
            ),
            ((14, 15), "limit \"Level 1\" is 0; a cap must be at least 1"),
        ],
    );
}

#[test]
fn stream_default_and_counts_toward_must_exist() {
    assert_problems(
        "stream_default_unknown.ron",
        &[
            (
                (11, 54),
                "stream \"major\" has the default M9, which is not one of its options",
            ),
            (
                (11, 69),
                "stream \"major\" counts toward \"free\", which is not a group",
            ),
        ],
    );
}

#[test]
fn enrolment_in_a_stream_no_option_offers_is_a_warning() {
    let path = curriculum_file("stream_unknown_enrolment.ron");
    let loaded = store::load_curriculum(Some(&path)).expect("a warning does not stop loading");
    assert_eq!(
        loaded.warnings,
        [format!(
            "{}:8:93: warning: B1 needs enrolment in stream M7, which no stream of the program offers",
            path.display()
        )]
    );
}
