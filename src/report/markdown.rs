//! The Markdown report of a plan: meant to be read, printed or mailed.
//!
//! Every piece of text that comes from a file (the plan or the curriculum) goes through
//! [`escape_markdown`]; only the report's own words are written as Markdown.

use std::fmt::Write;

use super::escape::escape_markdown as esc;
use super::plan::{
    CourseReport, ExceptionReport, NoteOn, PlanReport, PriorReport, RequirementsReport, VerdictKey,
    plan_report,
};
use crate::model::{Curriculum, Plan, Status};

/// The complete Markdown report of `plan`, checked against `curriculum`; `file` names the plan
/// file in the report.
pub fn plan_markdown(curriculum: &Curriculum, plan: &Plan, file: &str) -> String {
    render(&plan_report(curriculum, plan, file))
}

/// The Markdown of a report already made (one with a target GPA's answer, say).
pub fn report_markdown(report: &PlanReport) -> String {
    render(report)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn status_label(status: Option<Status>) -> &'static str {
    status.map_or("not placed", Status::label)
}

fn course_title(c: &CourseReport) -> String {
    c.title
        .as_deref()
        .map_or_else(|| "*(not a course of this program)*".to_string(), esc)
}

fn render(r: &PlanReport) -> String {
    let mut out = String::new();
    let student = if r.student.trim().is_empty() {
        "(no name given)".to_string()
    } else {
        esc(&r.student)
    };
    let _ = writeln!(out, "# Degree plan: {student}\n");

    // Summary table.
    let target = match &r.target_path {
        None => "none".to_string(),
        Some(id) => r.careers.iter().find(|c| &c.id == id).map_or_else(
            || format!("{} (not a path of this program)", esc(id)),
            |c| esc(&c.name),
        ),
    };
    let program = if r.program.name == r.program.plan_name {
        esc(&r.program.name)
    } else {
        format!(
            "{} (the plan was made for {})",
            esc(&r.program.name),
            esc(&r.program.plan_name)
        )
    };
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(out, "| Student | {student} |");
    let _ = writeln!(out, "| Program | {program} |");
    let _ = writeln!(out, "| Plan file | {} |", esc(&r.file));
    let _ = writeln!(out, "| Target path | {target} |");
    let _ = writeln!(
        out,
        "| Credits | {} of {} |",
        r.credits.total, r.credits.degree
    );
    let open: Vec<_> = r.problems.iter().filter(|p| p.open()).collect();
    let errors = open
        .iter()
        .filter(|p| p.severity == crate::model::Severity::Error)
        .count();
    let warnings = open.len() - errors;
    let waived = match r.problems.len() - open.len() {
        0 => String::new(),
        n => format!(", {n} waived"),
    };
    let _ = writeln!(
        out,
        "| Problems | {}, {}{waived} |",
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings")
    );
    let _ = writeln!(out, "| Verdict | {} |", esc(&r.verdict.text));

    // Credits.
    let c = &r.credits;
    let _ = writeln!(out, "\n## Credits toward the degree\n");
    let _ = writeln!(out, "| | Credits |\n|---|---:|");
    let _ = writeln!(out, "| Completed | {} |", c.completed);
    let _ = writeln!(out, "| In progress | {} |", c.in_progress);
    let _ = writeln!(out, "| Planned | {} |", c.planned);
    let _ = writeln!(out, "| **Total** | **{} of {}** |", c.total, c.degree);
    if c.remaining > 0 {
        let _ = writeln!(
            out,
            "\n{} still to place.",
            plural(c.remaining as usize, "credit", "credits")
        );
    } else {
        let _ = writeln!(out, "\nThe plan reaches the degree total.");
    }
    if r.gpa.is_some() || r.target_gpa.is_some() {
        gpa_block(&mut out, r);
    }

    if let Some(prior) = &r.prior {
        prior_block(&mut out, prior);
    }

    // Terms.
    let _ = writeln!(out, "\n## Terms");
    if r.terms.is_empty() {
        let _ = writeln!(out, "\nThe plan has no terms.");
    }
    for t in &r.terms {
        let load = match t.limit {
            Some(limit) => format!("{} of at most {limit} credits", t.credits),
            None => plural(t.credits as usize, "credit", "credits"),
        };
        let _ = writeln!(out, "\n### {} ({load})\n", esc(&t.name));
        if t.courses.is_empty() {
            let _ = writeln!(out, "No courses.");
            continue;
        }
        let _ = writeln!(
            out,
            "| Code | Course | Credits | Status | Grade |\n|---|---|---:|---|---|"
        );
        for course in &t.courses {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                esc(&course.code),
                course_title(course),
                course
                    .credits
                    .map_or_else(|| "–".to_string(), |n| n.to_string()),
                status_label(course.status),
                match course.attempt {
                    Some(why) => format!(
                        "{} ({})",
                        course.grade.as_deref().map_or_else(String::new, esc),
                        if why == "failed" {
                            "failed, no credit"
                        } else {
                            "repeated, not counted"
                        }
                    ),
                    None => course.grade.as_deref().map_or_else(String::new, esc),
                },
            );
        }
    }
    if !r.unplanned.is_empty() {
        let _ = writeln!(out, "\n### Not placed in any term\n");
        let _ = writeln!(
            out,
            "| Code | Course | Credits | Required |\n|---|---|---:|---|"
        );
        for course in &r.unplanned {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                esc(&course.code),
                course_title(course),
                course.credits.unwrap_or(0),
                if course.required == Some(true) {
                    "yes"
                } else {
                    "no"
                },
            );
        }
    }

    // Career paths.
    let _ = writeln!(out, "\n## Career paths\n");
    if r.careers.is_empty() {
        let _ = writeln!(out, "The program defines no career paths.");
    } else {
        for line in &r.career_summary.text {
            let _ = writeln!(out, "{}\n", esc(line));
        }
        let _ = writeln!(
            out,
            "*Results* are the weight-averaged grade points (0 to 4) of the completed courses for the path; *core* counts the path's core courses completed; *done* and *planned* are shares of the path's weight.\n"
        );
        let _ = writeln!(
            out,
            "| Path | Results | Core done | Ready | Done | Planned |\n|---|---:|---:|---|---:|---:|"
        );
        for p in &r.careers {
            let done = p
                .core
                .iter()
                .filter(|c| c.status == Some(Status::Completed))
                .count();
            let _ = writeln!(
                out,
                "| {}{} | {} | {done}/{} | {} | {}% | {}% |",
                esc(&p.name),
                if p.target { " (target)" } else { "" },
                crate::model::advice::strength(p.strength),
                p.core.len(),
                p.ready_after.as_deref().map_or("-".to_string(), esc),
                p.done_percent,
                p.planned_percent
            );
        }
        for p in &r.careers {
            let _ = writeln!(out, "\n### {}\n", esc(&p.name));
            for line in &p.text {
                let _ = writeln!(out, "- {}", esc(&capitalized(line)));
            }
            let graded: Vec<String> = p
                .contributions
                .iter()
                .take(3)
                .map(|c| {
                    format!(
                        "{} (weight {}, {})",
                        esc(&c.code),
                        c.weight,
                        c.grade.as_deref().map_or("no grade".to_string(), esc)
                    )
                })
                .collect();
            if !graded.is_empty() {
                let _ = writeln!(out, "- Top results: {}", graded.join(", "));
            }
            if let Some(gpa) = p.gpa {
                let _ = writeln!(
                    out,
                    "- GPA in its courses: {gpa:.2} (weighted by credits, on the program's grade scale)"
                );
            }
            for step in &p.next_steps {
                let _ = writeln!(out, "- Next step: {}.", esc(&step.text));
            }
        }
    }

    if let Some(req) = &r.requirements {
        requirements(&mut out, req);
    }

    // Problems.
    let _ = writeln!(out, "\n## Problems\n");
    if r.problems.is_empty() {
        let _ = writeln!(out, "None.");
    }
    for p in &r.problems {
        let label = if p.severity == crate::model::Severity::Error {
            "Error"
        } else {
            "Warning"
        };
        let _ = writeln!(out, "- **{label}:** {}", esc(&p.message));
        if let Some(mark) = &p.exception {
            let _ = writeln!(out, "  - *{}*", esc(mark));
        }
    }
    if !r.exceptions.is_empty() {
        exceptions_block(&mut out, &r.exceptions);
    }

    // Notes, grouped by what they are on: the plan, then terms, then courses, in the order each
    // first appears.
    let _ = writeln!(out, "\n## Notes\n");
    if r.notes.is_empty() {
        let _ = writeln!(out, "None.");
    }
    let mut groups: Vec<(NoteOn, Option<&str>)> = Vec::new();
    for kind in [NoteOn::Plan, NoteOn::Term, NoteOn::Course] {
        for n in r.notes.iter().filter(|n| n.on.kind == kind) {
            let key = (kind, n.on.name.as_deref());
            if !groups.contains(&key) {
                groups.push(key);
            }
        }
    }
    for (i, (kind, name)) in groups.iter().enumerate() {
        let notes: Vec<_> = r
            .notes
            .iter()
            .filter(|n| n.on.kind == *kind && n.on.name.as_deref() == *name)
            .collect();
        let heading = match (*kind, name) {
            (NoteOn::Term, Some(name)) => format!("On term {}", esc(name)),
            (NoteOn::Course, Some(code)) => match notes.first().and_then(|n| n.on.title.as_deref())
            {
                Some(title) => format!("On {} {}", esc(code), esc(title)),
                None => format!("On {}", esc(code)),
            },
            _ => "On the plan".to_string(),
        };
        let _ = writeln!(out, "{}### {heading}\n", if i == 0 { "" } else { "\n" });
        for n in notes {
            let _ = writeln!(
                out,
                "- {}{} — {}, {}",
                if n.addressed { "*(addressed)* " } else { "" },
                esc(&n.text),
                esc(&n.author),
                esc(&n.date)
            );
        }
    }

    // Verdict.
    let v = &r.verdict;
    let _ = writeln!(out, "\n## Verdict\n");
    let decision = match v.decision {
        Some(crate::model::Decision::ChangesRequested) => "Changes requested",
        _ => "Approved",
    };
    let given = format!(
        "by {} on {}",
        esc(v.reviewer.as_deref().unwrap_or_default()),
        esc(v.date.as_deref().unwrap_or_default())
    );
    let comment = v
        .comment
        .as_deref()
        .filter(|c| !c.trim().is_empty())
        .map(|c| format!("\n> {}\n", esc(c)))
        .unwrap_or_default();
    match v.state {
        VerdictKey::Unreviewed => {
            let _ = writeln!(out, "Not reviewed yet.");
        }
        VerdictKey::Damaged => {
            let _ = writeln!(
                out,
                "**This verdict cannot be trusted:** its record was altered after it was given. Ask for a new review.\n"
            );
            let _ = writeln!(
                out,
                "The altered record reads: {} {given}.",
                decision.to_lowercase()
            );
            let _ = write!(out, "{comment}");
        }
        _ => {
            let _ = writeln!(out, "**{decision}** {given}.");
            let _ = writeln!(out, "{comment}");
            if v.state == VerdictKey::Changed {
                let _ = writeln!(
                    out,
                    "**The plan has changed since this verdict** ({}):\n",
                    plural(v.changes.len(), "change", "changes")
                );
                for change in &v.changes {
                    let _ = writeln!(out, "- {}", esc(&change.to_string()));
                }
            } else {
                let _ = writeln!(out, "The plan is unchanged since this verdict.");
            }
        }
    }
    out
}

/// `text` with its first letter in upper case.
/// The requirements section: each stream's option, then each group's progress, what is
/// left and what filled it, sub-groups indented under their parents.
/// The GPA, cumulative and per term, and the answer for a target GPA.
fn gpa_block(out: &mut String, r: &PlanReport) {
    let _ = writeln!(out, "\n## Grades\n");
    if let Some(gpa) = &r.gpa {
        let _ = writeln!(
            out,
            "GPA **{:.2}** over {}.\n",
            gpa.cumulative,
            plural(gpa.credits as usize, "credit", "credits")
        );
        let _ = writeln!(out, "| Term | GPA |\n|---|---:|");
        for (t, g) in r.terms.iter().zip(&gpa.terms) {
            if let Some(g) = g {
                let _ = writeln!(out, "| {} | {g:.2} |", esc(&t.name));
            }
        }
    } else {
        let _ = writeln!(out, "No completed course has a grade with points yet.");
    }
    if let Some(t) = &r.target_gpa {
        let _ = writeln!(out, "\n**Target GPA {:.2}.** {}", t.target, t.text);
    }
}

/// Prior credit, as its own block before the terms.
fn prior_block(out: &mut String, prior: &PriorReport) {
    let _ = writeln!(out, "\n## Prior credit\n");
    let _ = writeln!(
        out,
        "| Source | Stands for | Credits | From | Result | Note |\n|---|---|---:|---|---|---|"
    );
    for e in &prior.entries {
        let what = match (&e.course, &e.title, &e.toward) {
            (Some(code), Some(title), _) => format!("{} {}", esc(code), esc(title)),
            (Some(code), None, _) => esc(code),
            (None, _, Some(toward)) => format!("unassigned, toward {}", esc(toward)),
            (None, _, None) => "unassigned".to_string(),
        };
        let counts = if e.counts { "" } else { " (does not count)" };
        let _ = writeln!(
            out,
            "| {} | {what}{counts} | {} | {} | {} | {} |",
            e.source,
            e.credits,
            esc(&e.from),
            esc(&e.result),
            esc(&e.note)
        );
    }
    let _ = writeln!(
        out,
        "\n{} of prior credit count toward the degree.",
        plural(prior.credits as usize, "credit", "credits")
    );
}

/// Every exception with the problems it answers.
fn exceptions_block(out: &mut String, exceptions: &[ExceptionReport]) {
    let _ = writeln!(out, "\n## Exceptions\n");
    for e in exceptions {
        let decided = match &e.decided {
            Some([by, date]) => format!(" by {} on {}", esc(by), esc(date)),
            None => String::new(),
        };
        let trouble = e
            .trouble
            .as_deref()
            .map_or_else(String::new, |t| format!(" **({t})**"));
        let _ = writeln!(
            out,
            "- **{}** ({}{decided}){trouble}: {}. Reason: {} (asked by {}, {})",
            e.kind,
            e.state,
            esc(&e.what),
            esc(&e.reason),
            esc(&e.author),
            esc(&e.date)
        );
        if e.answers.is_empty() {
            let _ = writeln!(out, "  - answers no problem now");
        }
        for a in &e.answers {
            let _ = writeln!(out, "  - answers: {}", esc(a));
        }
    }
}

fn requirements(out: &mut String, r: &RequirementsReport) {
    let _ = writeln!(out, "\n## Requirements\n");
    for s in &r.streams {
        let option = match (&s.option, s.chosen) {
            (Some(code), true) => esc(code),
            (Some(code), false) => format!("{} (the default; none chosen)", esc(code)),
            (None, _) => "none chosen".to_string(),
        };
        let _ = writeln!(out, "- {}: {option}", esc(&s.name));
    }
    for g in &r.groups {
        let indent = "  ".repeat(g.depth);
        let option = g
            .option
            .as_ref()
            .map_or(String::new(), |o| format!(" ({})", esc(o)));
        let progress = if g.need == 0 {
            format!("{} {} count", g.have, g.unit)
        } else {
            format!("{} of {} {}", g.have, g.need, g.unit)
        };
        let state = if g.met { "complete" } else { "not complete" };
        let mut line = format!(
            "{indent}- **{}**{option}: {progress}, {state}",
            esc(&g.name)
        );
        if !g.left.is_empty() {
            let left: Vec<String> = g.left.iter().map(|x| esc(x)).collect();
            let _ = write!(line, "; left: {}", left.join(", "));
        }
        if g.over_cap > 0 {
            let _ = write!(line, "; {} credits over its cap", g.over_cap);
        }
        if !g.filled_by.is_empty() {
            let by: Vec<String> = g.filled_by.iter().map(|x| esc(x)).collect();
            let _ = write!(line, "; filled by {}", by.join(", "));
        }
        let _ = writeln!(out, "{line}");
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
