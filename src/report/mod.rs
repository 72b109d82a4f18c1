//! Output of the headless commands: the curriculum summary, `check` results, `diff` text and
//! plan reports in Markdown and JSON.
//!
//! Everything here is pure: it takes loaded values and returns strings or serializable
//! structs; reading files, writing output and exit statuses belong to [`crate::commands`].

mod autoplan;
mod check;
mod diff;
mod escape;
mod markdown;
mod plan;

use std::fmt::Write;

use crate::model::Curriculum;

pub use autoplan::{autoplan_text, whatif_text};
pub use check::{
    CheckReport, CheckedCareers, CheckedPlan, FileErrorReport, check_text, checked_plan,
    checked_plan_brief,
};
pub use diff::diff_text;
pub use escape::escape_markdown;
pub use markdown::{plan_markdown, report_markdown};
pub use plan::{
    CareerReport, CourseReport, CreditsReport, ExceptionReport, GpaReport, GroupReport,
    NextCourseReport, NoteOn, NoteReport, NoteTargetReport, PlanReport, PriorEntryReport,
    PriorReport, ProblemCode, ProblemReport, ProgramReport, RequirementsReport, StepKind,
    StreamReport, TargetGpaReport, TermReport, VerdictKey, VerdictReport, plan_json, plan_problems,
    plan_report,
};

/// The summary `degree-planner curriculum` prints for a valid curriculum.
pub fn curriculum_summary(c: &Curriculum) -> String {
    let mut out = String::new();
    let all: u32 = c.courses.iter().map(|x| x.credits).sum();
    let _ = writeln!(out, "{}: valid", c.name);
    let _ = writeln!(
        out,
        "{} credits for the degree; {} courses worth {all} credits{}",
        c.degree_credits,
        c.courses.len(),
        c.max_term_credits
            .map(|l| format!("; at most {l} credits per term"))
            .unwrap_or_default()
    );
    let _ = writeln!(out, "\nRecommended schedule");
    let slots = (1..=c.semesters.len() as u32).map(Some).chain([None]);
    for semester in slots {
        let courses: Vec<_> = c
            .courses
            .iter()
            .filter(|x| x.semester == semester)
            .collect();
        if courses.is_empty() && semester.is_none() {
            continue;
        }
        let credits: u32 = courses.iter().map(|x| x.credits).sum();
        let _ = writeln!(
            out,
            "  {:<16} {:>2} courses  {:>3} credits",
            c.semester_name(semester),
            courses.len(),
            credits
        );
    }
    if !c.electives.is_empty() {
        let _ = writeln!(out, "\nElective groups");
        for g in &c.electives {
            let _ = writeln!(
                out,
                "  {}: at least {} credits from {}",
                g.name,
                g.min_credits,
                g.courses.join(", ")
            );
        }
    }
    let _ = writeln!(out, "\nCareer paths");
    for p in &c.paths {
        let courses = c
            .courses
            .iter()
            .filter(|x| x.careers.get(&p.id).is_some_and(|w| *w > 0))
            .count();
        let weight: u32 = c.courses.iter().filter_map(|x| x.careers.get(&p.id)).sum();
        let _ = writeln!(
            out,
            "  {} {:<16} {:<28} {courses} courses, total weight {weight}",
            p.mark, p.id, p.name
        );
    }
    out
}
