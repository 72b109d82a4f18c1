//! Plan reports through the library: Markdown that stays safe whatever the file says, JSON with
//! the documented shape, and `docs/plan-format.md` kept true (its RON example parses and its
//! JSON examples have the fields the commands print).

use degree_planner::model::Severity;
use std::collections::BTreeSet;

use degree_planner::model::review::{self, verdict_for};
use degree_planner::model::{
    Curriculum, Decision, Note, NoteTarget, Placement, Plan, Status, VerdictState,
};
use degree_planner::report::{
    self, CheckReport, checked_plan, checked_plan_brief, escape_markdown, plan_json, plan_markdown,
    plan_problems,
};
use degree_planner::store;
use serde_json::Value;

use crate::common::bundled;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn fixture(name: &str) -> Plan {
    store::load_plan(&std::path::Path::new(ROOT).join("tests/plans").join(name)).expect("fixture")
}

fn doc() -> String {
    std::fs::read_to_string(format!("{ROOT}/docs/plan-format.md")).expect("docs/plan-format.md")
}

/// The fenced blocks of `lang` in `text`, in order.
fn blocks(text: &str, lang: &str) -> Vec<String> {
    let open = format!("```{lang}\n");
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(&open) {
        let body = &rest[start + open.len()..];
        let end = body.find("```").expect("closed block");
        out.push(body[..end].to_string());
        rest = &body[end..][3..];
    }
    out
}

// ---- the format document ----

#[test]
fn doc_example_parses_and_its_verdict_is_current() {
    let example = blocks(&doc(), "ron")
        .into_iter()
        .next()
        .expect("a ```ron example");
    let plan = store::parse_plan(&example, "docs/plan-format.md").expect("the example parses");
    assert_eq!(plan.version, 3);
    assert_eq!(plan.student, "Ada Lovelace");
    assert_eq!(plan.terms.len(), 2);
    assert_eq!(plan.notes.len(), 3);
    assert!(plan.notes[2].addressed);
    assert_eq!(plan.notes[1].on, NoteTarget::Term("Semester II".into()));
    match review::verdict_state(&plan) {
        VerdictState::Current(v) => assert_eq!(v.decision, Decision::ChangesRequested),
        other => panic!("the example's verdict should be intact and current, is {other}"),
    }
    // The hash is the bundled curriculum's, so the example is for the program that ships.
    assert_eq!(plan.curriculum.hash, bundled().content_hash());
    // The example is exactly what the planner writes.
    assert_eq!(store::plan_to_ron(&plan), example);
}

#[test]
fn doc_stamp_text_is_what_is_hashed() {
    let example = blocks(&doc(), "ron").into_iter().next().expect("example");
    let plan = store::parse_plan(&example, "doc").expect("parses");
    let v = plan.verdict.as_ref().expect("the example has a verdict");
    let text = blocks(&doc(), "text")
        .into_iter()
        .find(|b| b.starts_with("degree-planner verdict 1"))
        .expect("the stamped text");
    assert_eq!(
        text,
        degree_planner::model::plan::stamp_text(
            v.decision,
            &v.reviewer,
            &v.date,
            &v.comment,
            &v.reviewed
        )
    );
    assert_eq!(v.stamp, v.expected_stamp());
}

/// Object keys at every depth, as `a.b.c` paths; arrays are looked into (an empty array adds
/// nothing).
fn keys(v: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                let path = format!("{prefix}.{k}");
                out.insert(path.clone());
                keys(v, &path, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                keys(item, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

fn key_set(v: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    keys(v, "", &mut out);
    out
}

#[test]
fn doc_json_examples_match_what_the_commands_print() {
    let examples: Vec<Value> = blocks(&doc(), "json")
        .iter()
        .map(|b| serde_json::from_str(b).expect("doc JSON example parses"))
        .collect();
    assert_eq!(examples.len(), 2, "one example for check, one for report");
    let c = bundled();

    // check: a changed plan (every verdict field) with a problem, and an unreadable file.
    let mut plan = fixture("good/changed.ron");
    plan.terms[3].courses.retain(|p| p.code != "BE405");
    let checked = checked_plan(&c, &plan, "plans/ada.ron");
    assert!(!checked.problems.is_empty());
    let error = store::parse_plan("(version: 2,", "plans/broken.ron").expect_err("broken");
    let actual: Value =
        serde_json::from_str(&CheckReport::new(vec![checked], &[error]).to_json()).expect("JSON");
    assert_eq!(key_set(&examples[0]), key_set(&actual));

    // report: a plan with problems, unplanned courses, a target and notes; unreviewed.
    let mut plan = fixture("problems/ada.ron");
    plan.notes.push(Note {
        on: NoteTarget::Course("BE203".into()),
        text: "Needs BE103 completed first.".into(),
        author: "Dr Grace".into(),
        date: "2026-11-20".into(),
        addressed: true,
    });
    let actual: Value = serde_json::from_str(&plan_json(&c, &plan, "plans/ada.ron")).expect("JSON");
    assert_eq!(key_set(&examples[1]), key_set(&actual));
}

// ---- Markdown safety ----

/// A plan whose every string is Markdown (or HTML) trying to get out.
fn hostile_plan(c: &Curriculum) -> Plan {
    let mut plan = Plan::recommended(c, "| # *Eve* <img src=x> |");
    plan.terms[0].name = "# Term | with [link](http://x)".into();
    plan.terms[1].name = "- list".into();
    plan.terms[0].courses[0].status = Status::Completed;
    plan.terms[0].courses[0].grade = Some("A|B".into());
    plan.terms[0].courses.push(Placement::planned("X|`1`"));
    plan.target_path = Some("**bold**".into());
    plan.notes = vec![
        Note {
            on: NoteTarget::Plan,
            text: "1. `code` > quote | pipe ![img](x)".into(),
            author: "_Mallory_".into(),
            date: "2026-11-20 <script>".into(),
            addressed: false,
        },
        Note {
            on: NoteTarget::Term("# Term | with [link](http://x)".into()),
            text: "+ plus".into(),
            author: "A".into(),
            date: "D".into(),
            addressed: true,
        },
        Note {
            on: NoteTarget::Course("X|`1`".into()),
            text: "~~strike~~ &amp;".into(),
            author: "A".into(),
            date: "D".into(),
            addressed: false,
        },
    ];
    plan.verdict = Some(verdict_for(
        &plan,
        Decision::ChangesRequested,
        "Dr <b>Evil</b>",
        "2026-11-20",
        "> not | a quote",
    ));
    plan.terms[0].courses.pop();
    plan
}

/// The number of `|` not preceded by a backslash.
fn bare_pipes(line: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => count += 1,
            _ => escaped = false,
        }
    }
    count
}

#[test]
fn markdown_escapes_every_string_from_the_file() {
    let c = bundled();
    let plan = hostile_plan(&c);
    let md = plan_markdown(&c, &plan, "plans/[eve].ron");
    // Table rows keep their column count: only the report's own pipes are bare.
    let mut table_columns: Option<usize> = None;
    for line in md.lines() {
        if line.starts_with('|') {
            let n = bare_pipes(line);
            match table_columns {
                None => table_columns = Some(n),
                Some(expected) => assert_eq!(n, expected, "row split or merged: {line}"),
            }
        } else {
            table_columns = None;
            assert_eq!(bare_pipes(line), 0, "bare pipe outside a table: {line}");
        }
    }
    // Headings are the report's own; nothing from the file starts one.
    for line in md.lines().filter(|l| l.starts_with('#')) {
        assert!(
            ["# Degree plan: ", "## ", "### "]
                .iter()
                .any(|p| line.starts_with(p)),
            "{line}"
        );
    }
    for raw in [
        "<img",
        "<script>",
        "<b>",
        "[link]",
        "`code`",
        "*Eve*",
        "_Mallory_",
        "~~strike",
        "**bold**",
    ] {
        // Each may only appear with its first character escaped.
        for (i, _) in md.match_indices(raw) {
            assert!(md[..i].ends_with('\\'), "unescaped {raw:?} in\n{md}");
        }
    }
    assert!(
        md.contains(r"# Degree plan: \| \# \*Eve\* \<img src=x\> \|"),
        "{md}"
    );
    assert!(
        md.contains(r"### \# Term \| with \[link\](http\://x) ("),
        "{md}"
    );
    assert!(md.contains(r"### \- list ("), "{md}");
    assert!(
        md.contains(
            r"- 1\. \`code\` \> quote \| pipe !\[img\](x) — \_Mallory\_, 2026-11-20 \<script\>"
        ),
        "{md}"
    );
    assert!(md.contains(r"- *(addressed)* \+ plus — A, D"), "{md}");
    assert!(md.contains(r"### On X\|\`1\`"), "{md}");
    assert!(md.contains(r"\~\~strike\~\~ \&amp;"), "{md}");
    // The course taken out after the verdict: the change line is escaped too.
    assert!(
        md.contains(r"- X\|\`1\` removed from \# Term \| with \[link\](http\://x)"),
        "{md}"
    );
    assert!(md.contains(r"> \> not \| a quote"), "{md}");
    assert!(md.contains(r"| Plan file | plans/\[eve\].ron |"), "{md}");
    assert!(
        md.contains(r"\*\*bold\*\* (not a path of this program)"),
        "{md}"
    );
}

#[test]
fn markdown_shows_notes_grouped_and_addressed_ones_marked() {
    let c = bundled();
    let md = plan_markdown(&c, &fixture("good/changed.ron"), "changed.ron");
    let notes = &md[md.find("## Notes").expect("notes")..md.find("## Verdict").expect("verdict")];
    let headings: Vec<&str> = notes.lines().filter(|l| l.starts_with("### ")).collect();
    assert_eq!(
        headings,
        [
            "### On the plan",
            "### On term Semester IV",
            "### On BE303 Advanced Database Management",
            "### On BE204 Linux Basics and CLI Usage",
        ]
    );
    assert_eq!(notes.matches("*(addressed)*").count(), 2);
}

#[test]
fn empty_plan_reads_well() {
    let c = bundled();
    let mut plan = Plan::recommended(&c, "");
    plan.terms.clear();
    let md = plan_markdown(&c, &plan, "empty.ron");
    assert!(md.starts_with("# Degree plan: (no name given)\n"));
    assert!(md.contains("\nThe plan has no terms.\n"));
    assert!(md.contains("\n64 credits still to place.\n"));
    assert!(md.contains("\n## Notes\n\nNone.\n"));
    assert!(md.contains("\n## Verdict\n\nNot reviewed yet.\n"));
}

// ---- JSON and problems ----

#[test]
fn report_json_has_every_section() {
    let c = bundled();
    let v: Value =
        serde_json::from_str(&plan_json(&c, &fixture("good/changed.ron"), "changed.ron"))
            .expect("JSON");
    assert_eq!(v["student"], "Ada *Countess* Lovelace");
    assert_eq!(v["program"]["name"], "Backend Engineering");
    assert_eq!(v["target_path"], "devops");
    assert_eq!(v["terms"].as_array().expect("terms").len(), 4);
    assert_eq!(v["terms"][0]["courses"][0]["status"], "Completed");
    assert_eq!(v["terms"][0]["courses"][1]["grade"], "B+");
    assert_eq!(v["unplanned"], Value::Array(vec![]));
    assert_eq!(v["credits"]["total"], 64);
    let careers = v["careers"].as_array().expect("careers");
    assert_eq!(careers.len(), 3);
    assert_eq!(careers.iter().filter(|p| p["target"] == true).count(), 1);
    assert_eq!(v["next_course"]["path"], "devops");
    assert_eq!(v["notes"][1]["on"]["kind"], "course");
    assert_eq!(v["notes"][1]["on"]["name"], "BE303");
    assert_eq!(v["notes"][1]["addressed"], true);
    assert_eq!(v["verdict"]["state"], "changed");
    assert_eq!(
        v["verdict"]["changes"].as_array().expect("changes").len(),
        2
    );
}

#[test]
fn damaged_verdict_is_an_error_and_changed_is_not() {
    let c = bundled();
    let damaged = plan_problems(&c, &fixture("problems/damaged.ron"));
    assert_eq!(damaged.len(), 1);
    assert_eq!(damaged[0].severity, Severity::Error);
    assert_eq!(damaged[0].kind, report::ProblemCode::VerdictDamaged);
    assert!(plan_problems(&c, &fixture("good/changed.ron")).is_empty());

    // Errors stay before warnings when the verdict error is added.
    let mut plan = fixture("problems/damaged.ron");
    plan.curriculum.hash = "0000000000000000".into();
    let problems = plan_problems(&c, &plan);
    let severities: Vec<Severity> = problems.iter().map(|p| p.severity).collect();
    assert_eq!(severities, [Severity::Error, Severity::Warning]);
}

#[test]
fn check_exit_codes() {
    let c = bundled();
    let good = checked_plan(&c, &fixture("good/grace.ron"), "g");
    let bad = checked_plan(&c, &fixture("problems/ada.ron"), "a");
    let error = store::parse_plan("(", "x.ron").expect_err("broken");
    assert_eq!(CheckReport::new(vec![good.clone()], &[]).exit_code(), 0);
    assert_eq!(
        CheckReport::new(vec![good.clone(), bad.clone()], &[]).exit_code(),
        1
    );
    assert_eq!(CheckReport::new(vec![good, bad], &[error]).exit_code(), 2);
    assert_eq!(CheckReport::new(vec![], &[]).exit_code(), 0);
}

#[test]
fn escape_markdown_is_public_and_idempotent_on_plain_text() {
    assert_eq!(escape_markdown("Semester I"), "Semester I");
    assert_eq!(escape_markdown("a|b"), r"a\|b");
    // The text module's report summary is untouched by the split into modules.
    assert!(report::curriculum_summary(&bundled()).starts_with("Backend Engineering: valid\n"));
}

/// The requirement language's problems (issue 14) reach every report: JSON with their own
/// kinds, Markdown, the `check` table and the `diff` counts.
#[test]
fn requisite_problems_reach_json_markdown_check_and_diff() {
    let text = r#"(name: "Req", degree_credits: 3, semesters: ["2024 T1", "2024 T2"],
        term_kinds: ["T1", "T2"], paths: [],
        courses: [
            (code: "A1", title: "Alpha", credits: 3, offered: ["T1"]),
            (code: "B1", title: "Beta", credits: 3, required: false,
             requires: any([course("A1"), permission("the School")])),
        ])"#;
    let c = store::parse_curriculum(text, "req.ron").unwrap().curriculum;
    let plan_text = |terms: &str| {
        format!(
            r#"(version: 2, curriculum: (name: "Req", hash: "{}"), terms: [{terms}])"#,
            c.content_hash()
        )
    };
    let good = store::parse_plan(
        &plan_text(
            r#"(name: "2024 T1", courses: [(code: "A1", status: Planned)]), (name: "2024 T2")"#,
        ),
        "good.ron",
    )
    .unwrap();
    let bad = store::parse_plan(
        &plan_text(r#"(name: "2024 T1", courses: [(code: "B1", status: Planned)]), (name: "2024 T2", courses: [(code: "A1", status: Planned)])"#),
        "bad.ron",
    )
    .unwrap();
    let v: Value = serde_json::from_str(&plan_json(&c, &bad, "bad.ron")).unwrap();
    let kinds: Vec<(&str, &str, &str)> = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["kind"].as_str().unwrap(),
                p["severity"].as_str().unwrap(),
                p["term"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("not_offered", "error", "2024 T2"),
            ("needs_permission", "warning", "2024 T1")
        ]
    );
    let markdown = plan_markdown(&c, &bad, "bad.ron");
    assert!(
        markdown.contains("A1 Alpha is placed in 2024 T2 but offered only in T1"),
        "{markdown}"
    );
    assert!(markdown.contains("B1 Beta in 2024 T1 needs permission of the School"));
    let checked = checked_plan(&c, &bad, "bad.ron");
    let check = CheckReport::new(vec![checked], &[]);
    assert_eq!(check.exit_code(), 1);
    let table = report::check_text(&c, &check, &[]);
    assert!(table.contains("bad.ron"), "{table}");
    let diff = report::diff_text(&c, &good, "good.ron", &bad, "bad.ron");
    assert!(
        diff.contains("Problems: 0 → 2  (errors 0 → 1, warnings 0 → 1)"),
        "{diff}"
    );
}

#[test]
fn the_verdict_state_in_json_is_the_verdicts_key_for_every_state() {
    let mut seen = BTreeSet::new();
    let mut plans = vec![fixture("good/changed.ron"), fixture("problems/damaged.ron")];
    for decision in [Decision::Approved, Decision::ChangesRequested] {
        let mut plan = fixture("good/changed.ron");
        plan.verdict = Some(verdict_for(&plan, decision, "R", "2026-01-01", ""));
        plans.push(plan);
    }
    let mut unreviewed = fixture("good/changed.ron");
    unreviewed.verdict = None;
    plans.push(unreviewed);
    for plan in &plans {
        let json = serde_json::to_value(report::VerdictReport::of(plan)).expect("json");
        let key = review::verdict_state(plan).key();
        assert_eq!(json["state"], key);
        seen.insert(key);
    }
    assert_eq!(seen.len(), 5, "every state once: {seen:?}");
}

#[test]
fn requirement_groups_reach_json_and_markdown_with_what_filled_them() {
    let text = r#"(name: "Groups", degree_credits: 6, semesters: ["S1"], paths: [],
        courses: [
            (code: "A1", title: "Alpha", credits: 3),
            (code: "B1", title: "Beta", credits: 3, required: false),
            (code: "B2", title: "Beta 2", credits: 3, required: false),
            (code: "C1", title: "Gamma", credits: 3, required: false),
        ],
        requirements: [
            (id: "core", name: "Core", need: all, from: [course("A1")]),
            (id: "options", name: "Options", need: credits(6), from: [pattern(subject: "B")],
             groups: [(id: "cap", name: "One B", max_credits: 3, from: [course("B2")])]),
        ],
        streams: [(id: "major", name: "Major", required: true, default: "M1", options: [
            (code: "M1", name: "Gamma major", requirements: [
                (id: "m1", name: "Gamma core", need: courses(1), from: [course("C1")])]),
        ])])"#;
    let c = store::parse_curriculum(text, "groups.ron")
        .unwrap()
        .curriculum;
    let plan = store::parse_plan(
        &format!(
            r#"(version: 2, curriculum: (name: "Groups", hash: "{}"), terms: [(name: "S1",
                courses: [(code: "A1", status: Planned), (code: "B2", status: Planned)])])"#,
            c.content_hash()
        ),
        "plan.ron",
    )
    .unwrap();
    let v: Value = serde_json::from_str(&plan_json(&c, &plan, "plan.ron")).unwrap();
    let req = &v["requirements"];
    assert_eq!(req["streams"][0]["option"], "M1");
    assert_eq!(req["streams"][0]["chosen"], false);
    let groups: Vec<(&str, u64, u64, &str, Value)> = req["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["id"].as_str().unwrap(),
                g["have"].as_u64().unwrap(),
                g["need"].as_u64().unwrap(),
                g["unit"].as_str().unwrap(),
                g["filled_by"].clone(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            ("core", 1, 1, "items", serde_json::json!(["A1"])),
            ("options", 3, 6, "credits", serde_json::json!([])),
            ("cap", 3, 0, "credits", serde_json::json!(["B2"])),
            ("m1", 0, 1, "courses", serde_json::json!([])),
        ]
    );
    assert_eq!(req["groups"][3]["option"], "M1");
    assert_eq!(req["groups"][1]["left"], serde_json::json!(["3 credits"]));
    let kinds: Vec<&str> = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["group_short", "group_short", "stream_unchosen"]);
    let markdown = plan_markdown(&c, &plan, "plan.ron");
    let section = markdown
        .split_once("\n## Requirements\n\n")
        .expect("a requirements section")
        .1
        .split_once("\n\n")
        .unwrap()
        .0;
    assert_eq!(
        section,
        "- Major: M1 (the default; none chosen)\n\
         - **Core**: 1 of 1 items, complete; filled by A1\n\
         - **Options**: 3 of 6 credits, not complete; left: 3 credits\n  \
         - **One B**: 3 credits count, complete; filled by B2\n\
         - **Gamma core** (M1): 0 of 1 courses, not complete; left: 1 course"
    );
    assert!(markdown.contains("group Options has 3 of 6 credits, at most 3 credits from One B"));
    let bundled_json = plan_json(&bundled(), &fixture("good/changed.ron"), "changed.ron");
    assert!(
        !bundled_json.contains("\"requirements\""),
        "a program without groups keeps its JSON"
    );
}

#[test]
fn check_text_needs_no_careers_and_json_keeps_them_last() {
    let c = bundled();
    for name in ["good/grace.ron", "good/changed.ron", "problems/ada.ron"] {
        let plan = fixture(name);
        let full = checked_plan(&c, &plan, name);
        let brief = checked_plan_brief(&c, &plan, name);
        assert!(brief.careers.is_none(), "{name}");
        let careers = full
            .careers
            .clone()
            .expect("the JSON check has the careers");
        let whole = report::plan_report(&c, &plan, name);
        assert_eq!(careers.careers, whole.careers, "{name}");
        assert_eq!(careers.career_summary, whole.career_summary, "{name}");
        // The text table is the same whether or not the careers were worked out.
        let text = |p: &degree_planner::report::CheckedPlan| {
            report::check_text(&c, &CheckReport::new(vec![p.clone()], &[]), &[])
        };
        assert_eq!(text(&brief), text(&full), "{name}");
        // The JSON of a plan ends with the careers and their summary, as before they were
        // made optional.
        let json = CheckReport::new(vec![full], &[]).to_json();
        let at = |key: &str| json.find(&format!("\"{key}\":")).expect(key);
        assert!(at("verdict") < at("careers"), "{json}");
        assert!(at("careers") < at("career_summary"), "{json}");
        let brief_json = CheckReport::new(vec![brief], &[]).to_json();
        assert!(!brief_json.contains("\"careers\":"), "{brief_json}");
    }
}
