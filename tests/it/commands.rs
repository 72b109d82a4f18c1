//! The headless plan commands, run as the real binary on the fixture plans in `tests/plans/`:
//! `check`, `diff` and `report`, their output and exit statuses, and that none of them ever
//! writes to a plan.
//!
//! Fixtures (all against the bundled curriculum, with fixed dates):
//! - `good/grace.ron`: the recommended schedule, Semester I completed; no problems.
//! - `good/approved.ron`: approved by Dr Grace and unchanged since.
//! - `good/changed.ron`: approved, then BE201 completed and BE303 moved; notes of every kind,
//!   with text that looks like Markdown. The rich plan of the report snapshots.
//! - `good/.hidden.ron`, `good/trash/old.ron`, `good/grace.ron.lock`, `good/notes.txt`: not
//!   plans, and skipped when `good/` is checked.
//! - `problems/ada.ron`: BE405 unplanned and BE204 in the same term as BE301 (3 errors).
//! - `problems/damaged.ron`: a verdict whose record was edited after it was given.
//! - `broken/syntax.ron`: a missing comma; `broken/unknown_field.ron`: a misspelt field.
//! - `v1.ron`: a version 1 plan.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Runs the binary in the crate root with `args`, no standard input.
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_degree-planner"))
        .args(args)
        .current_dir(ROOT)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 output")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exit status")
}

/// Every file under `tests/plans`, with its bytes.
fn fixture_bytes() -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).expect("fixture dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.insert(path.clone(), std::fs::read(&path).expect("fixture"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&Path::new(ROOT).join("tests/plans"), &mut out);
    out
}

// ---- check ----

#[test]
fn check_good_plans_exits_0_with_one_aligned_line_each() {
    let o = run(&[
        "check",
        "tests/plans/good/grace.ron",
        "tests/plans/good/approved.ron",
    ]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert_eq!(
        stdout(&o),
        "tests/plans/good/grace.ron     Grace Hopper  64/64 credits  no problems  not reviewed\n\
         tests/plans/good/approved.ron  Alan Turing   64/64 credits  no problems  approved by Dr Grace on 2026-11-20\n"
    );
}

#[test]
fn check_directory_expands_to_sorted_plans_and_skips_the_rest() {
    // good/ also holds a hidden file, a lock file, a text file and trash/old.ron, all of
    // which would be unreadable as plans.
    let o = run(&["check", "tests/plans/good"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    let files: Vec<String> = stdout(&o)
        .lines()
        .take_while(|l| !l.is_empty())
        .map(|l| l.split_whitespace().next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        files,
        [
            "tests/plans/good/approved.ron",
            "tests/plans/good/changed.ron",
            "tests/plans/good/grace.ron",
        ]
    );
}

#[test]
fn a_plan_changed_since_its_verdict_is_not_a_problem() {
    let o = run(&["check", "tests/plans/good/changed.ron"]);
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o),
        "tests/plans/good/changed.ron  Ada *Countess* Lovelace  64/64 credits  no problems  \
         changed since Dr Grace approved it on 2026-11-20 (2 changes)\n\
         \n\
         tests/plans/good/changed.ron:\n  \
         changed since the verdict: BE201 RESTful API Development changed from in progress to completed\n  \
         changed since the verdict: BE303 Advanced Database Management moved from Semester III to Semester IV\n",
        "issue 12 item 15: what changed is listed, not only counted"
    );
}

#[test]
fn check_problems_exits_1_and_lists_them_under_the_plan() {
    let o = run(&[
        "check",
        "tests/plans/good/grace.ron",
        "tests/plans/problems",
    ]);
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    insta::assert_snapshot!("check_problems_text", stdout(&o));
    let out = stdout(&o);
    assert!(out.contains(
        "tests/plans/problems/ada.ron      Ada Lovelace     62/64 credits  3 problems   not reviewed\n"
    ));
    assert!(out.contains(
        "\ntests/plans/problems/ada.ron:\n  \
         error: BE301 Microservice Architecture and Docker needs BE204 Linux Basics and CLI Usage first, but both are in Semester III\n  \
         error: BE405 Freelancing and Career Management is required but in no term\n  \
         error: the plan reaches 62 of 64 credits: 2 short of the degree\n"
    ));
    // A verdict altered by hand is a problem.
    assert!(out.contains(
        "\ntests/plans/problems/damaged.ron:\n  error: the verdict was altered after it was \
         given and cannot be trusted; ask for a new review\n"
    ));
}

#[test]
fn check_unreadable_file_exits_2_and_names_line_and_column() {
    let o = run(&[
        "check",
        "tests/plans/broken/syntax.ron",
        "tests/plans/problems/ada.ron",
        "tests/plans/broken/unknown_field.ron",
    ]);
    assert_eq!(code(&o), 2, "unreadable wins over problems");
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0]
            .starts_with("tests/plans/problems/ada.ron  Ada Lovelace  62/64 credits  3 problems")
    );
    assert!(out.ends_with(
        "\ntests/plans/broken/syntax.ron:13:17: Expected comma\n\
         tests/plans/broken/unknown_field.ron:6:5: Unexpected field named `verdit` in `Plan`, \
         expected one of `version`, `curriculum`, `student`, `target_path`, `terms`, `focus`, \
         `notes`, `verdict`, `set_aside`, `choices`, `prior`, or `exceptions` instead\n"
    ));
}

#[test]
fn check_missing_file_and_empty_directory_exit_2() {
    let empty = tempfile::tempdir().expect("temp dir");
    let empty_path = empty.path().to_str().expect("UTF-8 temp path");
    let o = run(&["check", "tests/plans/no-such-plan.ron", empty_path]);
    assert_eq!(code(&o), 2);
    let out = stdout(&o);
    assert!(
        out.contains("tests/plans/no-such-plan.ron: cannot open: no such file\n"),
        "{out}"
    );
    assert!(
        out.contains("is a directory with no plans (*.ron files) in it"),
        "{out}"
    );
}

#[test]
fn check_directory_reports_a_plan_whose_name_is_not_utf8_and_exits_2() {
    use std::os::unix::ffi::OsStrExt as _;
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        Path::new(ROOT).join("tests/plans/good/grace.ron"),
        dir.path().join("grace.ron"),
    )
    .expect("copy");
    let bad = dir.path().join(std::ffi::OsStr::from_bytes(b"caf\xe9.ron"));
    std::fs::copy(Path::new(ROOT).join("tests/plans/good/grace.ron"), &bad).expect("copy");
    let o = run(&["check", dir.path().to_str().expect("UTF-8 temp path")]);
    assert_eq!(code(&o), 2, "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("caf\u{FFFD}.ron: has a name that is not valid UTF-8; rename it to check it"),
        "{out}"
    );
    assert!(out.contains("grace.ron"), "{out}");
}

#[test]
fn check_reads_version_1_plans() {
    let o = run(&["check", "tests/plans/v1.ron"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert_eq!(
        stdout(&o),
        "tests/plans/v1.ron  Edsger Dijkstra  64/64 credits  no problems  not reviewed\n"
    );
}

#[test]
fn check_against_another_curriculum_warns_and_exits_1() {
    let o = run(&[
        "check",
        "--curriculum",
        "tests/curricula/valid_with_electives.ron",
        "tests/plans/good/grace.ron",
    ]);
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    let json = run(&[
        "check",
        "--format",
        "json",
        "--curriculum",
        "tests/curricula/valid_with_electives.ron",
        "tests/plans/good/grace.ron",
    ]);
    let v: Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let kinds: Vec<&str> = v["plans"][0]["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| p["kind"].as_str().expect("kind"))
        .collect();
    assert!(kinds.contains(&"curriculum_changed"), "{kinds:?}");
}

#[test]
fn check_with_an_invalid_curriculum_exits_2() {
    let o = run(&[
        "check",
        "--curriculum",
        "tests/curricula/syntax_error.ron",
        "tests/plans/good/grace.ron",
    ]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("tests/curricula/syntax_error.ron:"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn check_json_has_the_documented_fields() {
    let o = run(&[
        "check",
        "--format",
        "json",
        "tests/plans/good/changed.ron",
        "tests/plans/problems",
        "tests/plans/broken/syntax.ron",
    ]);
    assert_eq!(code(&o), 2);
    let v: Value = serde_json::from_slice(&o.stdout).expect("check prints JSON");
    let plans = v["plans"].as_array().expect("plans");
    assert_eq!(plans.len(), 3);

    let changed = &plans[0];
    assert_eq!(changed["file"], "tests/plans/good/changed.ron");
    assert_eq!(changed["student"], "Ada *Countess* Lovelace");
    assert_eq!(changed["credits"]["completed"], 21);
    assert_eq!(changed["credits"]["in_progress"], 13);
    assert_eq!(changed["credits"]["planned"], 30);
    assert_eq!(changed["credits"]["degree"], 64);
    assert_eq!(changed["problems"], Value::Array(vec![]));
    let verdict = &changed["verdict"];
    assert_eq!(verdict["state"], "changed");
    assert_eq!(
        verdict["text"],
        "changed since Dr Grace approved it on 2026-11-20 (2 changes)"
    );
    assert_eq!(verdict["reviewer"], "Dr Grace");
    assert_eq!(verdict["date"], "2026-11-20");
    assert_eq!(verdict["decision"], "Approved");
    assert_eq!(
        verdict["changes"],
        serde_json::json!([
            {"change": "status", "course": "BE201", "from": "InProgress", "to": "Completed"},
            {"change": "moved", "course": "BE303", "from": "Semester III", "to": "Semester IV"},
        ])
    );

    let ada = &plans[1];
    assert_eq!(ada["file"], "tests/plans/problems/ada.ron");
    assert_eq!(ada["verdict"]["state"], "unreviewed");
    assert!(ada["verdict"].get("reviewer").is_none());
    let problems = ada["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), 3);
    assert_eq!(problems[0]["severity"], "error");
    assert_eq!(problems[0]["kind"], "prerequisite_order");
    assert_eq!(problems[0]["term"], "Semester III");
    assert_eq!(
        problems[0]["message"],
        "BE301 Microservice Architecture and Docker needs BE204 Linux Basics and CLI Usage first, but both are in Semester III"
    );

    let damaged = &plans[2];
    assert_eq!(damaged["verdict"]["state"], "damaged");
    assert_eq!(damaged["problems"][0]["kind"], "verdict_damaged");

    assert_eq!(
        v["errors"],
        serde_json::json!([{
            "file": "tests/plans/broken/syntax.ron",
            "line": 13,
            "column": 17,
            "message": "Expected comma",
        }])
    );
}

#[test]
fn check_json_error_without_position_has_no_line() {
    let o = run(&["check", "--format", "json", "tests/plans/missing.ron"]);
    assert_eq!(code(&o), 2);
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["plans"], Value::Array(vec![]));
    assert_eq!(
        v["errors"],
        serde_json::json!([{"file": "tests/plans/missing.ron", "message": "cannot open: no such file"}])
    );
}

#[test]
fn many_plans_are_checked_in_order() {
    // More files than cores, to exercise the chunks; the order of the output is the order of
    // the arguments.
    let files = [
        "tests/plans/v1.ron",
        "tests/plans/good/grace.ron",
        "tests/plans/problems/ada.ron",
        "tests/plans/good/approved.ron",
    ];
    let args: Vec<&str> = std::iter::once("check")
        .chain(files.iter().copied().cycle().take(64))
        .collect();
    let o = run(&args);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    let firsts: Vec<&str> = out
        .lines()
        .take(64)
        .map(|l| l.split_whitespace().next().unwrap_or_default())
        .collect();
    let expected: Vec<&str> = files.iter().copied().cycle().take(64).collect();
    assert_eq!(firsts, expected);
}

#[test]
fn commands_never_modify_plans() {
    let before = fixture_bytes();
    let out = tempfile::tempdir().expect("temp dir");
    let report = out.path().join("report.md");
    let report = report.to_str().expect("UTF-8 path");
    for args in [
        vec!["check", "tests/plans"],
        vec!["check", "--format", "json", "tests/plans"],
        vec!["diff", "tests/plans/v1.ron", "tests/plans/good/changed.ron"],
        vec!["report", "tests/plans/v1.ron"],
        vec!["report", "--format", "json", "tests/plans/good/changed.ron"],
        vec!["report", "-o", report, "tests/plans/problems/damaged.ron"],
    ] {
        run(&args);
    }
    assert_eq!(fixture_bytes(), before);
}

// ---- diff ----

#[test]
fn diff_lists_changes_credits_readiness_and_problems() {
    let o = run(&[
        "diff",
        "tests/plans/good/approved.ron",
        "tests/plans/good/changed.ron",
    ]);
    assert_eq!(
        code(&o),
        1,
        "as diff(1): 1 when they differ; {}",
        stderr(&o)
    );
    insta::assert_snapshot!("diff_approved_to_changed", stdout(&o));
    let out = stdout(&o);
    assert!(out.contains("\nCourses moved\n  BE303 Advanced Database Management moved from Semester III to Semester IV\n"));
    assert!(out.contains(
        "\nStatus changes\n  BE201 RESTful API Development changed from in progress to completed\n"
    ));
    assert!(out.contains("  completed     17 → 21\n"));
    assert!(out.contains("  total         64 → 64\n"));
    assert!(out.contains("  Senior Back-End Developer    results 3.8 → 3.8   core 3/7 → 4/7"));
    assert!(out.contains("  DevOps Engineer              results 3.8 → 4.0"));
    assert!(out.contains("\nProblems: 0 → 0"));
}

#[test]
fn diff_counts_problems_and_removed_courses() {
    let o = run(&[
        "diff",
        "tests/plans/good/grace.ron",
        "tests/plans/problems/ada.ron",
    ]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert!(
        out.contains("\nCourses removed\n  BE405 Freelancing and Career Management removed from Semester IV\n"),
        "{out}"
    );
    assert!(out.contains("\nCourses moved\n  BE204 Linux Basics and CLI Usage moved from Semester II to Semester III\n"));
    assert!(out.contains("  total         64 → 62\n"));
    assert!(out.contains("\nProblems: 0 → 3  (errors 0 → 3, warnings 0 → 0)\n"));
}

#[test]
fn diff_of_a_plan_with_itself_has_no_changes() {
    let o = run(&[
        "diff",
        "tests/plans/good/grace.ron",
        "tests/plans/good/grace.ron",
    ]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains("\nNo changes to terms, courses or statuses.\n"));
}

#[test]
fn diff_with_an_unreadable_plan_exits_2_and_names_it() {
    let o = run(&[
        "diff",
        "tests/plans/good/grace.ron",
        "tests/plans/broken/syntax.ron",
    ]);
    assert_eq!(code(&o), 2);
    assert_eq!(stdout(&o), "");
    assert_eq!(
        stderr(&o),
        "tests/plans/broken/syntax.ron:13:17: Expected comma\n"
    );
    let o = run(&["diff", "tests/plans/nope.ron", "tests/plans/good/grace.ron"]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        stderr(&o),
        "tests/plans/nope.ron: cannot open: no such file\n"
    );
}

// ---- report ----

#[test]
fn report_markdown_of_the_rich_plan() {
    let o = run(&["report", "tests/plans/good/changed.ron"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    insta::assert_snapshot!("report_markdown_changed", stdout(&o));
}

#[test]
fn report_json_of_the_rich_plan() {
    let o = run(&["report", "--format", "json", "tests/plans/good/changed.ron"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).expect("report prints JSON");
    for field in [
        "file",
        "student",
        "program",
        "target_path",
        "terms",
        "unplanned",
        "credits",
        "careers",
        "next_course",
        "problems",
        "notes",
        "verdict",
    ] {
        assert!(v.get(field).is_some(), "no {field}");
    }
    insta::assert_snapshot!("report_json_changed", stdout(&o));
}

#[test]
fn report_markdown_of_plans_with_problems_and_a_damaged_verdict() {
    let o = run(&["report", "tests/plans/problems/ada.ron"]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert!(out.contains(
        "\n- **Error:** BE405 Freelancing and Career Management is required but in no term\n"
    ));
    assert!(out.contains("\n### Not placed in any term\n"));
    assert!(out.contains("| BE405 | Freelancing and Career Management | 2 | yes |\n"));
    assert!(
        out.contains(
            "\n- Next step: take BE204 Linux Basics and CLI Usage next, in Semester III.\n"
        )
    );
    assert!(out.contains("\nNot ranked: BE405 is required but in no term.\n"));

    let o = run(&["report", "tests/plans/problems/damaged.ron"]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert!(out.contains("**This verdict cannot be trusted:**"), "{out}");
    assert!(
        !out.contains("**Approved**"),
        "a damaged verdict is not shown as approved"
    );
}

#[test]
fn report_output_file_is_written_and_nothing_printed() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (format, name) in [("markdown", "report.md"), ("json", "report.json")] {
        let path = dir.path().join("sub").join(name);
        let path_str = path.to_str().expect("UTF-8 path");
        let o = run(&[
            "report",
            "--format",
            format,
            "-o",
            path_str,
            "tests/plans/good/changed.ron",
        ]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        assert_eq!(stdout(&o), "");
        assert_eq!(stderr(&o), format!("wrote {path_str}\n"));
        let written = std::fs::read_to_string(&path).expect("report written");
        let printed = stdout(&run(&[
            "report",
            "--format",
            format,
            "tests/plans/good/changed.ron",
        ]));
        assert_eq!(written, printed);
    }
    // Writing again replaces the file.
    let path = dir.path().join("sub/report.md");
    std::fs::write(&path, "old").expect("write");
    let o = run(&[
        "report",
        "-o",
        path.to_str().expect("UTF-8"),
        "tests/plans/v1.ron",
    ]);
    assert_eq!(code(&o), 0);
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .starts_with("# Degree plan: Edsger Dijkstra\n")
    );
}

#[test]
fn report_exits_2_on_unreadable_plan_or_unwritable_output() {
    let o = run(&["report", "tests/plans/broken/unknown_field.ron"]);
    assert_eq!(code(&o), 2);
    assert_eq!(stdout(&o), "");
    assert!(
        stderr(&o).starts_with(
            "tests/plans/broken/unknown_field.ron:6:5: Unexpected field named `verdit`"
        )
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "not a directory").expect("write");
    let target = blocker.join("report.md");
    let o = run(&[
        "report",
        "-o",
        target.to_str().expect("UTF-8"),
        "tests/plans/v1.ron",
    ]);
    assert_eq!(code(&o), 2);
    assert_eq!(stdout(&o), "");
    assert!(stderr(&o).contains("cannot save"), "{}", stderr(&o));
}

#[test]
fn screen_prints_the_first_frame_at_the_asked_size() {
    let o = run(&["screen", "docs/examples/ada.ron", "--size", "80x24"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 24);
    assert!(out.lines().all(|l| l.chars().count() <= 80));
    assert!(
        out.contains("62 / 64 credits: 17 completed, 17 in progress, 28 planned"),
        "{out}"
    );
    assert!(!out.contains('\u{1b}'), "plain text, no escape codes");
}

#[test]
fn screen_of_a_missing_plan_shows_the_new_plan_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("new.ron");
    let o = run(&["screen", plan.to_str().unwrap(), "--size", "120x40"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("new, not saved yet"));
    assert!(
        std::fs::read_dir(dir.path()).unwrap().next().is_none(),
        "nothing written"
    );
}

#[test]
fn screen_refuses_bad_plans_and_sizes() {
    let o = run(&["screen", "tests/plans/broken/syntax.ron"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("tests/plans/broken/syntax.ron:"));
    for size in ["0x10", "120", "axb", "2000x10"] {
        let o = run(&["screen", "docs/examples/ada.ron", "--size", size]);
        assert_eq!(o.status.code(), Some(2), "{size}");
    }
}

/// Every headless command ends quietly when the reader of its output has gone (`| head`):
/// no panic, no backtrace, the command's own exit status.
#[test]
fn every_command_ends_quietly_on_a_closed_pipe() {
    let cases: [(&[&str], i32); 7] = [
        (&["check", "tests/plans/good"], 0),
        (&["check", "--format", "json", "tests/plans/problems"], 1),
        (
            &[
                "diff",
                "tests/plans/good/grace.ron",
                "tests/plans/good/changed.ron",
            ],
            1,
        ),
        (&["report", "tests/plans/good/changed.ron"], 0),
        (&["report", "tests/plans/good/changed.ron", "-o", "-"], 0),
        (
            &["screen", "tests/plans/good/changed.ron", "--size", "200x60"],
            0,
        ),
        (&["curriculum"], 0),
    ];
    for (args, expected) in cases {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        // The reader is gone before the command starts.
        drop(reader);
        let o = Command::new(env!("CARGO_BIN_EXE_degree-planner"))
            .args(args)
            .current_dir(ROOT)
            .stdin(Stdio::null())
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .expect("the binary runs");
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(expected), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(!err.contains("Broken pipe"), "{args:?}: {err}");
    }
}

#[test]
fn completions_for_every_shell_name_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = run(&["completions", shell]);
        assert_eq!(code(&o), 0, "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        for command in [
            "review",
            "check",
            "diff",
            "report",
            "screen",
            "curriculum",
            "man",
        ] {
            assert!(script.contains(command), "{shell} completes {command}");
        }
    }
    // The bash script is valid bash.
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("degree-planner.bash");
    std::fs::write(&file, stdout(&run(&["completions", "bash"]))).expect("write");
    let ok = Command::new("bash")
        .arg("-n")
        .arg(&file)
        .status()
        .expect("bash runs");
    assert!(ok.success(), "bash -n rejects the completion script");
    assert_eq!(
        code(&run(&["completions", "tcsh"])),
        2,
        "an unknown shell is an error"
    );
}

#[test]
fn the_manual_page_is_roff_with_every_command() {
    let o = run(&["man"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let page = stdout(&o);
    assert!(page.contains(".TH degree-planner 1"), "{page}");
    assert!(
        page.contains(".SH NAME") && page.contains(".SH SYNOPSIS"),
        "{page}"
    );
    for command in [
        "review",
        "check",
        "diff",
        "report",
        "screen",
        "curriculum",
        "completions",
    ] {
        assert!(page.contains(command), "the page names {command}");
    }
    assert!(page.contains("NO_COLOR"), "the page names NO_COLOR");
}

#[test]
fn every_help_has_an_example_and_only_the_options_that_act() {
    let top = stdout(&run(&["--help"]));
    for needed in [
        "press ?",
        "NO_COLOR",
        "DEGREE_PLANNER_DATA_DIR",
        "Examples:",
    ] {
        assert!(top.contains(needed), "--help names {needed}:\n{top}");
    }
    for (command, data_dir, curriculum) in [
        ("review", true, true),
        ("screen", true, true),
        ("check", false, true),
        ("diff", false, true),
        ("report", false, true),
        ("curriculum", false, true),
        ("completions", false, false),
        ("man", false, false),
    ] {
        let help = stdout(&run(&[command, "--help"]));
        assert!(
            help.contains("Example"),
            "{command} --help has an example:\n{help}"
        );
        assert_eq!(
            help.contains("--data-dir"),
            data_dir,
            "{command} --help offers --data-dir only where it acts:\n{help}"
        );
        assert_eq!(
            help.contains("--curriculum"),
            curriculum,
            "{command} --help offers --curriculum only where it acts:\n{help}"
        );
    }
    // --curriculum, before or after the command, is the program checked against.
    for args in [
        vec![
            "--curriculum",
            "tests/curricula/cycle_two.ron",
            "check",
            "tests/plans/good",
        ],
        vec![
            "check",
            "tests/plans/good",
            "--curriculum",
            "tests/curricula/cycle_two.ron",
        ],
    ] {
        assert_eq!(
            code(&run(&args)),
            2,
            "{args:?}: an invalid curriculum is refused"
        );
    }
    // Given before or after the command, --data-dir reaches screen.
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path().to_str().expect("UTF-8");
    for args in [
        vec!["--data-dir", d, "screen", "--size", "80x24"],
        vec!["screen", "--size", "80x24", "--data-dir", d],
    ] {
        let o = run(&args);
        assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).contains("plan: default.ron"), "{}", stdout(&o));
    }
}
// ---- command-line errors ----

#[test]
fn command_line_errors_quote_arguments_without_their_escape_sequences() {
    // `check *` in a folder holding a file named like this passes it as an option; a bad
    // `--format` value is echoed too. CLICOLOR_FORCE makes clap write as it would to a
    // terminal, where the sequences would act.
    for args in [
        vec![
            "check",
            "--\u{1b}]2;OWNED\u{7}.ron",
            "tests/plans/good/grace.ron",
        ],
        vec!["check", "--format", "\u{1b}[41mred\u{1b}[0m", "x.ron"],
        vec!["help", "\u{1b}]52;c;aGk=\u{7}"],
    ] {
        let o = Command::new(env!("CARGO_BIN_EXE_degree-planner"))
            .args(&args)
            .current_dir(ROOT)
            .env("CLICOLOR_FORCE", "1")
            .stdin(Stdio::null())
            .output()
            .expect("the binary runs");
        assert_eq!(code(&o), 2, "{args:?}");
        let err = stderr(&o);
        assert!(err.starts_with("error: "), "{args:?}: {err:?}");
        assert!(
            !err.contains(['\u{1b}', '\u{7}', '\u{9b}']),
            "{args:?}: {err:?}"
        );
    }
}

#[test]
fn a_file_that_is_not_a_plan_is_refused_without_quoting_its_first_word() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("passwd.ron");
    std::fs::write(&path, "hunter2:x:0:0:hunter2:/home:/bin/sh\n").expect("write");
    let o = run(&["check", path.to_str().expect("UTF-8 temp path")]);
    assert_eq!(code(&o), 2);
    let out = stdout(&o);
    assert!(
        out.contains("passwd.ron:1:1: Expected struct `Plan` but found another name"),
        "{out}"
    );
    assert!(!out.contains("hunter2"), "{out}");
}

// Issue 12 item 15: `diff` reports grades and notes; `check` of a data directory reads its
// plans, not the planner's state.ron.
#[test]
fn diff_reports_grades_and_notes_and_check_skips_the_state_file() {
    use degree_planner::model::{Note, NoteTarget, Plan};
    use degree_planner::store;
    let dir = tempfile::tempdir().expect("temp dir");
    let c = store::bundled_curriculum().unwrap().curriculum;
    let plans = store::plans_dir(dir.path());
    let mut before = Plan::recommended(&c, "Ada");
    before.terms[0].courses[0].status = degree_planner::model::Status::Completed;
    let mut after = before.clone();
    after.terms[0].courses[0].grade = Some("A-".into());
    after.notes.push(Note {
        on: NoteTarget::Plan,
        text: "see me".into(),
        author: "Dr Grace".into(),
        date: "2026-11-20".into(),
        addressed: false,
    });
    store::save_plan(&plans.join("a.ron"), &before).unwrap();
    store::save_plan(&plans.join("b.ron"), &after).unwrap();
    store::remember_plan(dir.path(), &plans.join("a.ron")).unwrap();
    assert!(dir.path().join("state.ron").is_file());
    let (a, b) = (plans.join("a.ron"), plans.join("b.ron"));
    let o = run(&["diff", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert!(out.contains("\nGrades\n  BE101 graded A-\n"), "{out}");
    assert!(
        out.contains("\nNotes\n  note on the plan added: \"see me\"\n"),
        "{out}"
    );
    let o = run(&["diff", a.to_str().unwrap(), a.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "the same plan: no difference");

    let o = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(!stdout(&o).contains("state.ron"), "{}", stdout(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().take_while(|l| !l.is_empty()).count(), 2);
}

#[test]
fn report_and_check_of_a_plan_with_prior_credit_and_exceptions() {
    let o = run(&["report", "tests/advising/ada.ron"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let md = stdout(&o);
    let prior = md
        .find("\n## Prior credit\n")
        .expect("a prior-credit block");
    assert!(prior < md.find("\n## Terms").expect("terms"), "{md}");
    assert!(
        md.contains("| transfer | BE105 Technical English I | 2 | City College | A |  |"),
        "{md}"
    );
    assert!(md.contains("\n## Exceptions\n"), "{md}");
    assert!(
        md.contains(
            "  - *waived: runs Linux servers at work; BE204 alongside (Dr Grace, 2026-11-20)*"
        ),
        "{md}"
    );
    assert!(
        md.contains("| Problems | 1 error, 1 warning, 1 waived |"),
        "{md}"
    );

    let o = run(&["check", "--format", "json", "tests/advising/ada.ron"]);
    assert_eq!(code(&o), 1, "an open error remains");
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let kinds: Vec<&str> = v["plans"][0]["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| p["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(
        kinds,
        [
            "prerequisite_order",
            "required_unplanned",
            "exception_orphaned"
        ]
    );
    assert_eq!(v["plans"][0]["problems"][0]["waived"], true);
    assert_eq!(v["plans"][0]["credits"]["total"], 64);
}
