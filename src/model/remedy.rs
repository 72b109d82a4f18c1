//! The exceptions a student may request for a problem (issue 15): its remedies. The kind
//! follows from the problem where it is obvious (a missing prerequisite: waive the course's
//! requisites; a course not offered or needing permission: acknowledge it); where several
//! fit (a term over its load, a group short, a required course in no term) each is offered,
//! one per course that could stand in or count. Every remedy answers its problem
//! ([`exceptions::answers`]), so a granted one counts it as met.

use super::audit::{Problem, ProblemKind};
use super::curriculum::Curriculum;
use super::exceptions;
use super::plan::{Grant, Plan, Warning};

/// The exceptions that would answer `problem` in `plan`, the obvious one first; none for a
/// problem no exception answers (a course placed twice, an unknown course...).
pub fn remedies(c: &Curriculum, plan: &Plan, problem: &Problem) -> Vec<Grant> {
    let placed = || {
        let mut codes: Vec<&str> = Vec::new();
        for p in plan.terms.iter().flat_map(|t| &t.courses) {
            if !codes.contains(&p.code.as_str()) {
                codes.push(&p.code);
            }
        }
        codes.into_iter().map(str::to_string)
    };
    let term_name = |t: usize| plan.terms.get(t).map(|t| t.name.clone());
    let offered: Vec<Grant> = match &problem.kind {
        ProblemKind::PrerequisiteOrder { course, .. }
        | ProblemKind::PrerequisiteStatus { course, .. }
        | ProblemKind::RequisiteUnmet { course, .. }
        | ProblemKind::CreditsShort { course, .. }
        | ProblemKind::GradeUnknown { course, .. }
        | ProblemKind::GradeLow { course, .. }
        | ProblemKind::Enrolment { course, .. } => vec![Grant::WaiveRequisite(course.clone())],
        ProblemKind::NotOffered { course, .. } | ProblemKind::NotOfferedThisYear { course, .. } => {
            vec![Grant::Acknowledge(Warning::NotOffered(course.clone()))]
        }
        ProblemKind::NeedsPermission { course, .. } => {
            vec![Grant::Acknowledge(Warning::Permission(course.clone()))]
        }
        ProblemKind::OverLoad { term, credits, .. } => term_name(*term)
            .map(|name| {
                vec![
                    Grant::Acknowledge(Warning::OverLoad(name.clone())),
                    Grant::TermLoad {
                        term: name,
                        to: *credits,
                    },
                ]
            })
            .unwrap_or_default(),
        ProblemKind::RequiredUnplanned { course } => placed()
            .filter(|by| by != course)
            .map(|by| Grant::Substitute {
                course: course.clone(),
                by,
            })
            .collect(),
        ProblemKind::ElectivesShort { group, .. } => vec![Grant::WaiveGroup(group.clone())],
        ProblemKind::GroupShort { group, have, .. } => match group_id(c, group) {
            Some(id) => {
                let mut out = vec![Grant::WaiveGroup(id.clone())];
                if *have > 0 {
                    out.push(Grant::GroupMinimum {
                        group: id.clone(),
                        to: *have,
                    });
                }
                out.extend(placed().map(|course| Grant::AlsoAllow {
                    course,
                    group: id.clone(),
                }));
                out
            }
            None => Vec::new(),
        },
        _ => Vec::new(),
    };
    offered
        .into_iter()
        .filter(|g| exceptions::answers(c, plan, g, &problem.kind))
        .collect()
}

/// The id of the requirement group named `name`: among the program's groups and every
/// stream option's, or an elective group (whose name is its id).
fn group_id(c: &Curriculum, name: &str) -> Option<String> {
    exceptions::find_group_where(c, |g| g.name == name)
        .map(|g| g.id.clone())
        .or_else(|| {
            c.electives
                .iter()
                .any(|g| g.name == name)
                .then(|| name.to_string())
        })
}
