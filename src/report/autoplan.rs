//! The text `degree-planner autoplan` and `degree-planner whatif` print.

use std::fmt::Write;

use super::diff::diff_text;
use crate::model::autoplan::Proposal;
use crate::model::whatif::{Comparison, Standing};
use crate::model::{Curriculum, Plan};

/// What `autoplan` prints for a proposal: the diff from the plan (read from `file`), then
/// why each course placed goes where it does, then the warnings left to look at.
pub fn autoplan_text(c: &Curriculum, plan: &Plan, file: &str, proposal: &Proposal) -> String {
    let mut out = diff_text(c, plan, file, &proposal.plan, "the auto-plan");
    if !proposal.explanations.is_empty() {
        let _ = writeln!(out, "\nWhy each course goes where it does:");
        for e in &proposal.explanations {
            let _ = writeln!(out, "  {} — {}", e.code, e.text);
        }
    }
    if !proposal.warnings.is_empty() {
        let _ = writeln!(out, "\nTo check (allowed, but a person decides):");
        for w in &proposal.warnings {
            let _ = writeln!(out, "  {}", w.message);
        }
    }
    out
}

/// What `whatif` prints: the plan (`file`) under its curriculum `before` and under `after`
/// (read from `after_file`), with the change of each figure, and the plan's codes `after`
/// does not know.
pub fn whatif_text(
    before: &Curriculum,
    after: &Curriculum,
    file: &str,
    after_file: &str,
    cmp: &Comparison,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{file} under its curriculum \"{}\" → under {after_file} \"{}\"\n",
        before.name, after.name
    );
    let width = cmp
        .before
        .readiness
        .iter()
        .chain(&cmp.after.readiness)
        .map(|(_, name, _)| name.chars().count())
        .chain([17])
        .max()
        .unwrap_or(17);
    let row = |out: &mut String, label: &str, a: String, b: String, delta: String| {
        let _ = writeln!(out, "  {label:<width$}  {a:>12} → {b:<12} {delta}");
    };
    let (a, b) = (&cmp.before, &cmp.after);
    let signed = |x: i64| match x {
        0 => "same".to_string(),
        x if x > 0 => format!("+{x}"),
        x => x.to_string(),
    };
    let total = |s: &Standing| i64::from(s.credits.total());
    row(
        &mut out,
        "credits placed",
        format!("{} of {}", a.credits.total(), a.credits.degree),
        format!("{} of {}", b.credits.total(), b.credits.degree),
        signed(total(b) - total(a)),
    );
    row(
        &mut out,
        "credits completed",
        a.credits.completed.to_string(),
        b.credits.completed.to_string(),
        signed(i64::from(b.credits.completed) - i64::from(a.credits.completed)),
    );
    row(
        &mut out,
        "errors",
        a.errors.to_string(),
        b.errors.to_string(),
        signed(b.errors as i64 - a.errors as i64),
    );
    row(
        &mut out,
        "warnings",
        a.warnings.to_string(),
        b.warnings.to_string(),
        signed(b.warnings as i64 - a.warnings as i64),
    );
    row(
        &mut out,
        "earliest finish",
        a.graduation.term_name.clone(),
        b.graduation.term_name.clone(),
        match b.graduation.term as i64 - a.graduation.term as i64 {
            0 => "same".into(),
            d => format!("{d:+} terms"),
        },
    );
    let _ = writeln!(out, "\nReadiness (placed share of each path):");
    let percent = |x: f64| format!("{:.0}%", x * 100.0);
    let mut ids: Vec<(&str, &str)> = a
        .readiness
        .iter()
        .map(|(id, name, _)| (id.as_str(), name.as_str()))
        .collect();
    for (id, name, _) in &b.readiness {
        if !ids.iter().any(|(i, _)| i == id) {
            ids.push((id, name));
        }
    }
    let share = |s: &Standing, id: &str| {
        s.readiness
            .iter()
            .find(|(i, _, _)| i == id)
            .map(|(_, _, x)| *x)
    };
    for (id, name) in ids {
        let (x, y) = (share(a, id), share(b, id));
        let show = |v: Option<f64>| v.map_or("—".to_string(), percent);
        let delta = match (x, y) {
            (Some(x), Some(y)) => {
                let d = ((y - x) * 100.0).round() as i64;
                if d == 0 {
                    "same".into()
                } else {
                    format!("{d:+} points")
                }
            }
            (None, _) => "new path".into(),
            (_, None) => "path gone".into(),
        };
        row(&mut out, name, show(x), show(y), delta);
    }
    if cmp.unknown.is_empty() {
        let _ = writeln!(out, "\nEvery course of the plan is in \"{}\".", after.name);
    } else {
        let _ = writeln!(
            out,
            "\nNot courses of \"{}\" ({}): {}",
            after.name,
            cmp.unknown.len(),
            cmp.unknown.join(", ")
        );
    }
    out
}
