//! The text `degree-planner diff A B` prints: what changed from one plan to another.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use super::plan::plan_problems;
use crate::model::review::{self, placement};
use crate::model::{self, Change, Curriculum, Plan, diff};

fn pad(s: &str, width: usize) -> String {
    format!(
        "{s}{}",
        " ".repeat(width.saturating_sub(UnicodeWidthStr::width(s)))
    )
}

fn arrow<T: std::fmt::Display>(before: T, after: T) -> String {
    format!("{before} → {after}")
}

/// The GPA before and after, when either plan has one: cumulative, then each term whose GPA
/// changed (terms matched by name; "–" for a term without graded courses or not in a plan).
fn gpa_lines(out: &mut String, curriculum: &Curriculum, before: &Plan, after: &Plan) {
    use model::gpa::{format, gpa};
    let (a, b) = (gpa(curriculum, before), gpa(curriculum, after));
    if a.cumulative.is_none() && b.cumulative.is_none() {
        return;
    }
    let of = |plan: &Plan, g: &model::gpa::Gpa, name: &str| {
        plan.terms
            .iter()
            .position(|t| t.name == name)
            .and_then(|i| g.terms[i])
    };
    let mut names: Vec<&str> = after.terms.iter().map(|t| t.name.as_str()).collect();
    let gone = before.terms.iter().map(|t| t.name.as_str());
    names.extend(gone.filter(|n| !after.terms.iter().any(|t| t.name == *n)));
    let changed: Vec<(&str, String, String)> = names
        .into_iter()
        .map(|n| (n, format(of(before, &a, n)), format(of(after, &b, n))))
        .filter(|(_, x, y)| x != y)
        .collect();
    let width = changed
        .iter()
        .map(|(n, ..)| UnicodeWidthStr::width(*n))
        .max()
        .unwrap_or(0)
        .max("cumulative".len());
    let _ = writeln!(out, "\nGPA");
    let _ = writeln!(
        out,
        "  {}   {}",
        pad("cumulative", width),
        arrow(format(a.cumulative), format(b.cumulative))
    );
    for (name, x, y) in changed {
        let _ = writeln!(out, "  {}   {}", pad(name, width), arrow(x, y));
    }
}

/// What changed from `before` (read from `before_file`) to `after`, both checked against
/// `curriculum`: terms and courses, the student and target, grades, notes, credits, the
/// GPA, career readiness per path, problems and verdict.
pub fn diff_text(
    curriculum: &Curriculum,
    before: &Plan,
    before_file: &str,
    after: &Plan,
    after_file: &str,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "From {before_file} to {after_file}");

    if before.student != after.student || before.target_path != after.target_path {
        out.push('\n');
    }
    if before.student != after.student {
        let _ = writeln!(out, "Student: {:?} → {:?}", before.student, after.student);
    }
    if before.target_path != after.target_path {
        let name = |p: &Option<String>| curriculum.target_name(p.as_deref());
        let _ = writeln!(
            out,
            "Target path: {} → {}",
            name(&before.target_path),
            name(&after.target_path)
        );
    }

    let mut changes = diff::diff(&placement(before), &placement(after));
    let entries = diff::entry_diff(
        &model::review::advising_content(before),
        &model::review::advising_content(after),
    );
    if changes.is_empty() {
        let _ = writeln!(out, "\nNo changes to terms, courses or statuses.");
    }
    changes.extend(entries);
    let group = |c: &Change| match c {
        Change::TermAdded { .. } | Change::TermRemoved { .. } | Change::TermsReordered => 0,
        Change::Added { .. } => 1,
        Change::Removed { .. } => 2,
        Change::Moved { .. } => 3,
        Change::Status { .. } => 4,
        Change::EntryAdded { .. } | Change::EntryRemoved { .. } => 5,
    };
    let titles = [
        "Terms",
        "Courses added",
        "Courses removed",
        "Courses moved",
        "Status changes",
        "Prior credit and exceptions",
    ];
    for (i, title) in titles.iter().enumerate() {
        let lines: Vec<&Change> = changes.iter().filter(|c| group(c) == i).collect();
        if lines.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{title}");
        for c in lines {
            let _ = writeln!(out, "  {}", c.named(curriculum));
        }
    }

    for (title, lines) in [
        ("Grades", model::edits::grade_changes(before, after)),
        ("Notes", model::edits::note_changes(before, after)),
    ] {
        if !lines.is_empty() {
            let _ = writeln!(out, "\n{title}");
            for line in lines {
                let _ = writeln!(out, "  {line}");
            }
        }
    }

    let (a, b) = (
        model::credits(curriculum, before),
        model::credits(curriculum, after),
    );
    let _ = writeln!(out, "\nCredits (of {} for the degree)", b.degree);
    for (label, x, y) in [
        ("completed", a.completed, b.completed),
        ("in progress", a.in_progress, b.in_progress),
        ("planned", a.planned, b.planned),
        ("total", a.total(), b.total()),
    ] {
        let _ = writeln!(out, "  {label:<12} {x:>3} → {y}");
    }

    gpa_lines(&mut out, curriculum, before, after);

    if !curriculum.paths.is_empty() {
        let _ = writeln!(out, "\nCareer paths (results, core done, ready as planned)");
        let (sa, sb) = (
            model::standings(curriculum, before),
            model::standings(curriculum, after),
        );
        let width = curriculum
            .paths
            .iter()
            .map(|p| UnicodeWidthStr::width(p.name.as_str()))
            .max()
            .unwrap_or(0);
        let of = |s: &model::Standings, plan: &Plan, path: usize| -> (String, String, String) {
            let Some(x) = s.paths.iter().find(|x| x.path == path) else {
                return Default::default();
            };
            let (done, _, _) = x.core_counts();
            (
                model::advice::strength(x.strength),
                format!("{done}/{}", x.core.len()),
                x.ready_after
                    .map_or("-".to_string(), |t| plan.terms[t].name.clone()),
            )
        };
        for (i, path) in curriculum.paths.iter().enumerate() {
            let ((ra, ca, wa), (rb, cb, wb)) = (of(&sa, before, i), of(&sb, after, i));
            let _ = writeln!(
                out,
                "  {}  results {}  core {}  ready {}",
                pad(&path.name, width),
                pad(&arrow(ra, rb), 10),
                pad(&arrow(ca, cb), 10),
                arrow(wa, wb)
            );
        }
        let order = |s: &model::Standings| {
            if s.ranked {
                s.paths
                    .iter()
                    .map(|x| curriculum.paths[x.path].mark.to_string())
                    .collect::<Vec<_>>()
                    .join(" > ")
            } else {
                "not ranked".to_string()
            }
        };
        let _ = writeln!(out, "  ranking      {}", arrow(order(&sa), order(&sb)));
    }

    let count = |plan: &Plan| {
        let problems = plan_problems(curriculum, plan);
        let errors = problems
            .iter()
            .filter(|p| p.severity == crate::model::Severity::Error)
            .count();
        (problems.len(), errors, problems.len() - errors)
    };
    let ((n, ea, wa), (m, eb, wb)) = (count(before), count(after));
    let _ = writeln!(
        out,
        "\nProblems: {}  (errors {}, warnings {})",
        arrow(n, m),
        arrow(ea, eb),
        arrow(wa, wb)
    );

    let (va, vb) = (review::verdict_state(before), review::verdict_state(after));
    let (ta, tb) = (va.to_string(), vb.to_string());
    if ta == tb {
        let _ = writeln!(out, "Verdict: {tb}");
    } else {
        let _ = writeln!(out, "Verdict: {ta} → {tb}");
    }
    out
}
