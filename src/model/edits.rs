//! Everything that differs between two versions of a plan, as sentences: the student, the
//! target path, terms, courses and statuses (from [`super::diff`]), grades, notes and the
//! verdict. What the recovery offer and `diff` list, so that no change goes unmentioned.

use super::curriculum::Curriculum;
use super::plan::Plan;
use super::review::{self, Note, NoteTarget};

/// Grade changes of courses placed in both versions, in the order of `after`.
pub fn grade_changes(before: &Plan, after: &Plan) -> Vec<String> {
    let grade = |plan: &Plan, code: &str| {
        plan.find(code)
            .and_then(|s| plan.placement(s))
            .and_then(|p| p.grade.clone())
    };
    let mut out = Vec::new();
    for p in after.terms.iter().flat_map(|t| &t.courses) {
        if before.find(&p.code).is_none() {
            continue;
        }
        let (was, is) = (grade(before, &p.code), grade(after, &p.code));
        if was != is && !out.iter().any(|line: &String| line.starts_with(&p.code)) {
            out.push(match (was, is) {
                (None, Some(g)) => format!("{} graded {g}", p.code),
                (Some(g), None) => format!("{} grade {g} cleared", p.code),
                (Some(a), Some(b)) => format!("{} grade {a} → {b}", p.code),
                (None, None) => continue,
            });
        }
    }
    out
}

fn target(note: &Note) -> String {
    match &note.on {
        NoteTarget::Plan => "the plan".to_string(),
        NoteTarget::Term(t) => t.clone(),
        NoteTarget::Course(c) => c.clone(),
    }
}

/// Notes added, removed, and marked addressed or not.
pub fn note_changes(before: &Plan, after: &Plan) -> Vec<String> {
    let same = |a: &Note, b: &Note| a.on == b.on && a.text == b.text && a.author == b.author;
    let mut out = Vec::new();
    for n in &after.notes {
        match before.notes.iter().find(|o| same(o, n)) {
            None => out.push(format!("note on {} added: \"{}\"", target(n), n.text)),
            Some(o) if o.addressed != n.addressed => out.push(format!(
                "note on {} marked {}: \"{}\"",
                target(n),
                if n.addressed {
                    "addressed"
                } else {
                    "not addressed"
                },
                n.text
            )),
            Some(_) => {}
        }
    }
    for o in &before.notes {
        if !after.notes.iter().any(|n| same(o, n)) {
            out.push(format!("note on {} removed: \"{}\"", target(o), o.text));
        }
    }
    out
}

/// Every difference from `before` to `after`, one sentence each.
pub fn edits(curriculum: &Curriculum, before: &Plan, after: &Plan) -> Vec<String> {
    let mut out = Vec::new();
    if before.student != after.student {
        out.push(format!(
            "student name {:?} → {:?}",
            before.student, after.student
        ));
    }
    if before.target_path != after.target_path {
        let name = |p: &Option<String>| curriculum.target_name(p.as_deref());
        out.push(format!(
            "target path {} → {}",
            name(&before.target_path),
            name(&after.target_path)
        ));
    }
    out.extend(
        super::diff::diff(&review::placement(before), &review::placement(after))
            .iter()
            .map(ToString::to_string),
    );
    out.extend(grade_changes(before, after));
    out.extend(note_changes(before, after));
    out.extend(
        super::diff::entry_diff(
            &review::advising_content(before),
            &review::advising_content(after),
        )
        .iter()
        .map(ToString::to_string),
    );
    if before.verdict != after.verdict {
        out.push(format!(
            "verdict: {} → {}",
            review::verdict_state(before),
            review::verdict_state(after)
        ));
    }
    out
}
