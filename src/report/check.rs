//! The results of `degree-planner check`: one entry per plan read, one per problem with a file
//! that could not be read, as text for people or as JSON (shape documented in
//! `docs/plan-format.md`).

use std::fmt::Write;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::plan::{
    CareerReport, CareerSummary, CreditsReport, GpaReport, ProblemReport, TargetGpaReport,
    VerdictReport, careers, plan_problems, to_json,
};
use crate::model::{self, Curriculum, Plan};
use crate::store::FileError;

/// Everything `check` found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    /// Each plan that was read, in the order the files were named (directories sorted).
    pub plans: Vec<CheckedPlan>,
    /// One entry per problem with a file that could not be read or parsed.
    pub errors: Vec<FileErrorReport>,
}

/// One plan that was read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckedPlan {
    /// The plan file.
    pub file: String,
    /// The student's name ("" when none is set).
    pub student: String,
    /// Credits toward the degree.
    pub credits: CreditsReport,
    /// The GPA, as in `report --format json`; absent while no course has points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gpa: Option<GpaReport>,
    /// What the courses still ahead need for a target GPA, as in `report` (`--target-gpa`);
    /// absent when none was asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_gpa: Option<TargetGpaReport>,
    /// Every problem, errors first.
    pub problems: Vec<ProblemReport>,
    /// The verdict and whether the plan changed since.
    pub verdict: VerdictReport,
    /// The career paths, which only the JSON carries; `None` in a check for the text table,
    /// which never prints them (they cost most of a plan's check, and grow with the catalog).
    #[serde(flatten)]
    pub careers: Option<CheckedCareers>,
}

/// The career part of a checked plan, as in `report --format json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckedCareers {
    /// Every career path, in the order the planner shows them.
    pub careers: Vec<CareerReport>,
    /// What the paths say as a whole.
    pub career_summary: CareerSummary,
}

/// A problem with a file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileErrorReport {
    /// The file.
    pub file: String,
    /// 1-based line, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
}

/// The check of one plan, career paths included: what `check --format json` prints.
pub fn checked_plan(curriculum: &Curriculum, plan: &Plan, file: &str) -> CheckedPlan {
    let (careers, career_summary) = careers(curriculum, plan);
    CheckedPlan {
        careers: Some(CheckedCareers {
            careers,
            career_summary,
        }),
        ..checked_plan_brief(curriculum, plan, file)
    }
}

/// The check of one plan without its career paths: all that the text table of `check`
/// prints (file, student, credits, problems, verdict).
pub fn checked_plan_brief(curriculum: &Curriculum, plan: &Plan, file: &str) -> CheckedPlan {
    CheckedPlan {
        file: file.to_string(),
        student: plan.student.clone(),
        credits: model::credits(curriculum, plan).into(),
        gpa: GpaReport::of(curriculum, plan),
        target_gpa: None,
        problems: plan_problems(curriculum, plan),
        verdict: VerdictReport::of(plan),
        careers: None,
    }
}

impl CheckedPlan {
    /// The checked plan with the calculator's answer for `target` (none: no answer).
    pub fn with_target_gpa(
        self,
        curriculum: &Curriculum,
        plan: &Plan,
        target: Option<f64>,
    ) -> Self {
        CheckedPlan {
            target_gpa: TargetGpaReport::of(curriculum, plan, target),
            ..self
        }
    }
}

impl CheckReport {
    /// The report of plans read and files that could not be.
    pub fn new(plans: Vec<CheckedPlan>, errors: &[FileError]) -> Self {
        let errors = errors
            .iter()
            .flat_map(|e| {
                e.problems.iter().map(|p| FileErrorReport {
                    file: e.file.clone(),
                    line: p.position.map(|(l, _)| l),
                    column: p.position.map(|(_, c)| c),
                    message: p.message.clone(),
                })
            })
            .collect();
        CheckReport { plans, errors }
    }

    /// The exit status: 2 when any file could not be read, else 1 when any plan has a
    /// problem, else 0.
    pub fn exit_code(&self) -> u8 {
        if !self.errors.is_empty() {
            2
        } else if self
            .plans
            .iter()
            .any(|p| p.problems.iter().any(ProblemReport::open))
        {
            1
        } else {
            0
        }
    }

    /// The report as pretty-printed JSON, ending in a newline.
    pub fn to_json(&self) -> String {
        to_json(self)
    }
}

fn pad(s: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "no problems", "3 problems", or with granted exceptions "2 problems, 1 waived": waived
/// problems are shown but do not count.
fn problem_count(problems: &[ProblemReport]) -> String {
    let open = problems.iter().filter(|p| p.open()).count();
    let waived = problems.len() - open;
    let count = match open {
        0 => "no problems".to_string(),
        n => plural(n, "problem", "problems"),
    };
    match waived {
        0 => count,
        n => format!("{count}, {n} waived"),
    }
}

/// The text `check` prints: one aligned line per plan, then each plan's problems, what
/// changed since its verdict and the answer for a target GPA, then every
/// problem with an unreadable file as `file:line:col: message`.
pub fn check_text(curriculum: &Curriculum, report: &CheckReport, errors: &[FileError]) -> String {
    let rows: Vec<[String; 5]> = report
        .plans
        .iter()
        .map(|p| {
            [
                p.file.clone(),
                if p.student.trim().is_empty() {
                    "(no name)".to_string()
                } else {
                    p.student.clone()
                },
                format!("{}/{} credits", p.credits.total, p.credits.degree),
                problem_count(&p.problems),
                p.verdict.text.clone(),
            ]
        })
        .collect();
    let mut widths = [0usize; 5];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(UnicodeWidthStr::width(cell.as_str()));
        }
    }
    let mut out = String::new();
    for row in &rows {
        let credits = format!(
            "{}{}",
            " ".repeat(widths[2].saturating_sub(row[2].len())),
            row[2]
        );
        let line = format!(
            "{}  {}  {credits}  {}  {}",
            pad(&row[0], widths[0]),
            pad(&row[1], widths[1]),
            pad(&row[3], widths[3]),
            row[4]
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    for p in report.plans.iter().filter(|p| {
        !p.problems.is_empty() || !p.verdict.changes.is_empty() || p.target_gpa.is_some()
    }) {
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(out, "{}:", p.file);
        for problem in &p.problems {
            let _ = writeln!(out, "  {}: {}", problem.severity, problem.message);
            if let Some(mark) = &problem.exception {
                let _ = writeln!(out, "    {mark}");
            }
        }
        for change in &p.verdict.changes {
            let _ = writeln!(
                out,
                "  changed since the verdict: {}",
                change.named(curriculum)
            );
        }
        if let Some(t) = &p.target_gpa {
            let _ = writeln!(out, "  target GPA: {}", t.text);
        }
    }
    if !errors.is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        for e in errors {
            let _ = writeln!(out, "{e}");
        }
    }
    out
}
