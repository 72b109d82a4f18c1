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
        (Context::Requirements, "requirements: "),
        (Context::AutoPlan, "auto-plan preview: "),
        (Context::Exceptions, "exceptions: "),
        (Context::WhatIf, "what-if: "),
        (Context::Typing, "while typing: "),
        (Context::Help, "in help: "),
        (Context::ConfirmQuit, "unsaved changes (quit, o, n): "),
        (Context::Anywhere, "anywhere: "),
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

/// Every README example of the form "$ degree-planner ARGS" followed by its output.
fn command_examples(text: &str) -> Vec<(Vec<String>, String)> {
    let mut examples = Vec::new();
    for block in text.split("```text\n").skip(1) {
        let block = &block[..block.find("```").expect("closed block")];
        if let Some(rest) = block.strip_prefix("$ degree-planner ") {
            let (command, output) = rest.split_once('\n').expect("a command line");
            let args = command.split_whitespace().map(str::to_string).collect();
            examples.push((args, output.to_string()));
        }
    }
    examples
}

#[test]
fn readme_command_examples_show_real_output() {
    let examples = command_examples(&readme());
    assert!(
        examples.len() >= 4,
        "the README shows its commands with output"
    );
    for (args, expected) in examples {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_degree-planner"))
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(std::process::Stdio::null())
            .output()
            .expect("runs");
        let actual = String::from_utf8(out.stdout).expect("UTF-8");
        assert_eq!(
            actual,
            expected,
            "README example `degree-planner {}` is out of date",
            args.join(" ")
        );
    }
}
