//! The README must not drift from the program: its key table is the keymap, and its screen
//! capture is what the app draws.

use degree_planner::action::{Context, bindings};

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md")
}

/// The text between `<!-- begin NAME -->` and `<!-- end NAME -->`.
fn section(text: &str, name: &str) -> String {
    let begin = format!("<!-- begin {name} -->\n");
    let end = format!("<!-- end {name} -->");
    let start = text
        .find(&begin)
        .unwrap_or_else(|| panic!("README lacks {begin:?}"))
        + begin.len();
    let stop = text[start..]
        .find(&end)
        .unwrap_or_else(|| panic!("README lacks {end:?}"))
        + start;
    text[start..stop].to_string()
}

fn key_table() -> String {
    let mut out = String::from("| Key | Action |\n|---|---|\n");
    for (context, label) in [
        (Context::Normal, ""),
        (Context::Review, "reviewing: "),
        (Context::Notes, "notes list: "),
        (Context::Picker, "plans list: "),
        (Context::Confirm, "question: "),
        (Context::Compare, "comparison: "),
        (Context::Typing, "while typing: "),
        (Context::Help, "in help: "),
        (Context::ConfirmQuit, "quit dialog: "),
    ] {
        for b in bindings(context) {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("`{}`", k.label())).collect();
            out.push_str(&format!(
                "| {} | {label}{} |\n",
                keys.join(" "),
                b.description
            ));
        }
    }
    out
}

#[test]
fn readme_key_table_is_the_keymap() {
    let expected = key_table();
    let actual = section(&readme(), "keys");
    assert_eq!(
        actual, expected,
        "README key table differs from the keymap; expected:\n{expected}"
    );
}

#[test]
fn readme_screen_capture_is_the_main_screen_snapshot() {
    let snapshot = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/snapshots/screen__main_screen_120x40.snap"
    ))
    .expect("main screen snapshot");
    let screen: String = snapshot
        .splitn(3, "---\n")
        .nth(2)
        .expect("snapshot body")
        .to_string();
    let capture = section(&readme(), "screen");
    assert_eq!(capture, format!("```text\n{screen}```\n"));
}

#[test]
fn readme_plan_example_parses() {
    let text = readme();
    let start = text.find("```ron\n").expect("a ron block") + "```ron\n".len();
    let end = text[start..].find("```").expect("end of the ron block") + start;
    let plan = degree_planner::store::parse_plan(&text[start..end], "README.md").expect("parses");
    assert_eq!(plan.student, "Ada Lovelace");
    assert_eq!(plan.terms[0].courses.len(), 3);
}
