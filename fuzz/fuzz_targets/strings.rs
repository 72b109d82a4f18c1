//! Every string a loaded curriculum or plan holds, to check that none carries an unsafe
//! character (control, escape, bidi, zero-width) past the loader.

#![allow(dead_code)] // each target uses one half

use degree_planner::model::text::is_unsafe;
use degree_planner::model::{Curriculum, NoteTarget, Plan};

/// Every string of the curriculum, including the career reasons taken from comments.
pub fn curriculum(c: &Curriculum) -> Vec<String> {
    let mut out = vec![c.name.clone()];
    out.extend(c.semesters.iter().cloned());
    for p in &c.paths {
        out.extend([
            p.id.clone(),
            p.name.clone(),
            p.mark.to_string(),
            p.about.clone(),
        ]);
    }
    for course in &c.courses {
        out.extend([course.code.clone(), course.title.clone()]);
        out.extend(course.prerequisites.iter().cloned());
        out.extend(course.careers.keys().cloned());
        out.extend(
            course
                .reasons
                .iter()
                .flat_map(|(k, v)| [k.clone(), v.clone()]),
        );
    }
    for g in &c.electives {
        out.push(g.name.clone());
        out.extend(g.courses.iter().cloned());
    }
    out
}

/// Every string of the plan.
pub fn plan(p: &Plan) -> Vec<String> {
    let mut out = vec![
        p.curriculum.name.clone(),
        p.curriculum.hash.clone(),
        p.student.clone(),
    ];
    out.extend(p.target_path.iter().cloned());
    for t in &p.terms {
        out.push(t.name.clone());
        for pl in &t.courses {
            out.push(pl.code.clone());
            out.extend(pl.grade.iter().cloned());
        }
    }
    for n in &p.notes {
        if let NoteTarget::Term(s) | NoteTarget::Course(s) = &n.on {
            out.push(s.clone());
        }
        out.extend([n.text.clone(), n.author.clone(), n.date.clone()]);
    }
    if let Some(v) = &p.verdict {
        out.extend([
            v.reviewer.clone(),
            v.date.clone(),
            v.comment.clone(),
            v.stamp.clone(),
        ]);
        for t in &v.reviewed {
            out.push(t.name.clone());
            out.extend(t.courses.iter().map(|(c, _)| c.clone()));
        }
    }
    out
}

/// Panics if any string holds an unsafe character.
pub fn assert_clean(strings: &[String]) {
    for s in strings {
        assert!(
            !s.chars().any(is_unsafe),
            "unsafe character survived loading: {s:?}"
        );
    }
}
