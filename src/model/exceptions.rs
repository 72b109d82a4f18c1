//! Exceptions and prior credit as advisors handle them (issue 15): who may change them (the
//! role rule, like the verdict's), which problem each exception answers, what the audit
//! counts once one is granted, and which exceptions lost their target (orphaned) or their
//! premise (stale).
//!
//! **Counting rule.** A problem an exception answers stays in the audit, with its severity, and
//! is shown with the exception ("waived: reason (by, date)"). Only a *granted* exception makes it
//! count as met: such a problem is left out of the error total ([`open_errors`]). A requested or
//! refused exception changes nothing but the mark.

use std::fmt;

use super::audit::{Problem, ProblemKind, Severity};
use super::curriculum::Curriculum;
use super::groups::Group;
use super::plan::{Exception, ExceptionState, Grant, Plan, PriorCredit, Status, Warning};
use super::review::Role;

/// Why an edit of exceptions or prior credit was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The role may not make this change.
    NotAllowed(&'static str),
    /// An exception needs a reason.
    NoReason,
    /// There is no entry at that index.
    NoSuchEntry,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NotAllowed(why) => f.write_str(why),
            Refusal::NoReason => f.write_str("an exception needs a reason"),
            Refusal::NoSuchEntry => f.write_str("there is no such entry"),
        }
    }
}

/// Adds prior credit; only the student records it. Returns its index.
pub fn add_prior(plan: &mut Plan, role: &Role, entry: PriorCredit) -> Result<usize, Refusal> {
    student_only(role)?;
    plan.prior.push(entry);
    Ok(plan.prior.len() - 1)
}

/// Replaces the prior credit at `index`; only the student.
pub fn edit_prior(
    plan: &mut Plan,
    role: &Role,
    index: usize,
    entry: PriorCredit,
) -> Result<(), Refusal> {
    student_only(role)?;
    let slot = plan.prior.get_mut(index).ok_or(Refusal::NoSuchEntry)?;
    *slot = entry;
    Ok(())
}

/// Removes the prior credit at `index`; only the student.
pub fn remove_prior(plan: &mut Plan, role: &Role, index: usize) -> Result<PriorCredit, Refusal> {
    student_only(role)?;
    if index >= plan.prior.len() {
        return Err(Refusal::NoSuchEntry);
    }
    Ok(plan.prior.remove(index))
}

/// Whether `role` may record, change or remove prior credit at all (only the student may),
/// asked before a form is opened; each edit checks it again.
pub fn may_record_prior(role: &Role) -> Result<(), Refusal> {
    student_only(role)
}

fn student_only(role: &Role) -> Result<(), Refusal> {
    if role.may_edit_placement() {
        Ok(())
    } else {
        Err(Refusal::NotAllowed(
            "prior credit is the student's to record; a reviewer reads it",
        ))
    }
}

/// Requests an exception, by the student or a reviewer (`author`, `date` YYYY-MM-DD); it
/// starts requested whoever asks. Returns its index.
pub fn request(
    plan: &mut Plan,
    grant: Grant,
    reason: &str,
    author: &str,
    date: &str,
) -> Result<usize, Refusal> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Refusal::NoReason);
    }
    plan.exceptions.push(Exception {
        grant,
        reason: reason.to_string(),
        author: author.to_string(),
        date: date.to_string(),
        state: ExceptionState::Requested,
    });
    Ok(plan.exceptions.len() - 1)
}

/// Changes an exception's reason; it goes back to requested, to be decided again.
pub fn edit_reason(plan: &mut Plan, index: usize, reason: &str, date: &str) -> Result<(), Refusal> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Refusal::NoReason);
    }
    let e = plan.exceptions.get_mut(index).ok_or(Refusal::NoSuchEntry)?;
    e.reason = reason.to_string();
    e.date = date.to_string();
    e.state = ExceptionState::Requested;
    Ok(())
}

/// Grants (`true`) or refuses the exception at `index`; only a reviewer, who is recorded.
pub fn decide(
    plan: &mut Plan,
    role: &Role,
    index: usize,
    grant: bool,
    date: &str,
) -> Result<(), Refusal> {
    let Role::Reviewer { name } = role else {
        return Err(Refusal::NotAllowed(
            "only a reviewer grants or refuses an exception; a student may request one",
        ));
    };
    let e = plan.exceptions.get_mut(index).ok_or(Refusal::NoSuchEntry)?;
    let (by, date) = (name.clone(), date.to_string());
    e.state = if grant {
        ExceptionState::Granted { by, date }
    } else {
        ExceptionState::Refused { by, date }
    };
    Ok(())
}

/// Removes the exception at `index`: the student may withdraw one not yet granted; a
/// reviewer may remove any.
pub fn remove(plan: &mut Plan, role: &Role, index: usize) -> Result<Exception, Refusal> {
    let e = plan.exceptions.get(index).ok_or(Refusal::NoSuchEntry)?;
    if !role.may_review() && e.granted() {
        return Err(Refusal::NotAllowed(
            "a granted exception is removed by a reviewer",
        ));
    }
    Ok(plan.exceptions.remove(index))
}

/// The group with this id, among the program's and every stream option's groups.
pub fn find_group<'c>(c: &'c Curriculum, id: &str) -> Option<&'c Group> {
    find_group_where(c, |g| g.id == id)
}

/// The first group, sub-groups included, among the program's and every stream option's,
/// for which `found` holds.
pub fn find_group_where(c: &Curriculum, found: impl Fn(&Group) -> bool) -> Option<&Group> {
    fn walk<'g>(g: &'g Group, found: &dyn Fn(&Group) -> bool) -> Option<&'g Group> {
        if found(g) {
            return Some(g);
        }
        g.groups.iter().find_map(|sub| walk(sub, found))
    }
    let options = c.streams.iter().flat_map(|s| &s.options);
    c.requirements
        .iter()
        .chain(options.flat_map(|o| &o.requirements))
        .find_map(|g| walk(g, &found))
}

fn group_named(c: &Curriculum, id: &str, name: &str) -> bool {
    find_group(c, id).is_some_and(|g| g.name == name)
        || c.electives.iter().any(|g| g.name == name && g.name == id)
}

fn term_index(plan: &Plan, name: &str) -> Option<usize> {
    plan.terms.iter().position(|t| t.name == name)
}

/// The credits `code` earns where the plan places it, if placed and not failed.
fn placed_credits(c: &Curriculum, plan: &Plan, code: &str) -> Option<u32> {
    let course = c.course(code)?;
    plan.terms
        .iter()
        .flat_map(|t| &t.courses)
        .find(|p| p.code == code && !failed(p.status, p.grade.as_deref()))
        .map(|p| p.credits_of(course))
}

fn failed(status: Status, grade: Option<&str>) -> bool {
    status == Status::Completed
        && grade.is_some_and(|g| matches!(super::grade::parse(g), Some("F" | "Fail")))
}

/// Whether `grant` answers the problem `kind` in `plan`.
pub fn answers(c: &Curriculum, plan: &Plan, grant: &Grant, kind: &ProblemKind) -> bool {
    match (grant, kind) {
        (Grant::WaiveGroup(id), ProblemKind::GroupShort { group, .. })
        | (Grant::WaiveGroup(id), ProblemKind::ElectivesShort { group, .. }) => {
            group_named(c, id, group)
        }
        (
            Grant::WaiveRequisite(code),
            ProblemKind::PrerequisiteOrder { course, .. }
            | ProblemKind::PrerequisiteStatus { course, .. }
            | ProblemKind::RequisiteUnmet { course, .. }
            | ProblemKind::CreditsShort { course, .. }
            | ProblemKind::GradeUnknown { course, .. }
            | ProblemKind::GradeLow { course, .. }
            | ProblemKind::Enrolment { course, .. },
        ) => code == course,
        (Grant::Substitute { course, by }, ProblemKind::RequiredUnplanned { course: c2 })
        | (
            Grant::Substitute { course, by },
            ProblemKind::PrerequisiteOrder {
                prerequisite: c2, ..
            },
        ) => course == c2 && placed_credits(c, plan, by).is_some(),
        (
            Grant::AlsoAllow { course, group: id },
            ProblemKind::GroupShort {
                group,
                have,
                need,
                unit,
            },
        ) => {
            let short = need.saturating_sub(*have);
            group_named(c, id, group)
                && placed_credits(c, plan, course).is_some_and(|credits| match *unit {
                    "credits" => credits >= short,
                    _ => short <= 1,
                })
        }
        (Grant::Acknowledge(Warning::OverLoad(name)), ProblemKind::OverLoad { term, .. }) => {
            term_index(plan, name) == Some(*term)
        }
        (
            Grant::Acknowledge(Warning::NotOffered(code)),
            ProblemKind::NotOffered { course, .. } | ProblemKind::NotOfferedThisYear { course, .. },
        )
        | (
            Grant::Acknowledge(Warning::Permission(code)),
            ProblemKind::NeedsPermission { course, .. },
        ) => code == course,
        (Grant::GroupMinimum { group: id, to }, ProblemKind::GroupShort { group, have, .. }) => {
            group_named(c, id, group) && have >= to
        }
        (Grant::TermLoad { term: name, to }, ProblemKind::OverLoad { term, credits, .. }) => {
            term_index(plan, name) == Some(*term) && credits <= to
        }
        _ => false,
    }
}

/// The exception (index and entry) that answers `problem`: a granted one first, else a
/// requested one, else a refused one; `None` when none does.
pub fn answer_of<'p>(
    c: &Curriculum,
    plan: &'p Plan,
    problem: &Problem,
) -> Option<(usize, &'p Exception)> {
    let answering = || {
        plan.exceptions
            .iter()
            .enumerate()
            .filter(|(_, e)| answers(c, plan, &e.grant, &problem.kind))
    };
    let rank = |e: &Exception| match e.state {
        ExceptionState::Granted { .. } => 0,
        ExceptionState::Requested => 1,
        ExceptionState::Refused { .. } => 2,
    };
    answering().min_by_key(|(i, e)| (rank(e), *i))
}

/// How the problem an exception answers is marked: "waived: reason (by, date)" once granted,
/// "exception requested: reason (author, date)", "exception refused: reason (by, date)".
pub fn mark(e: &Exception) -> String {
    match &e.state {
        ExceptionState::Granted { by, date } => format!("waived: {} ({by}, {date})", e.reason),
        ExceptionState::Requested => format!(
            "exception requested: {} ({}, {})",
            e.reason, e.author, e.date
        ),
        ExceptionState::Refused { by, date } => {
            format!("exception refused: {} ({by}, {date})", e.reason)
        }
    }
}

/// Errors no granted exception answers: what the plan still has to fix.
pub fn open_errors(c: &Curriculum, plan: &Plan, problems: &[Problem]) -> usize {
    problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .filter(|p| !answer_of(c, plan, p).is_some_and(|(_, e)| e.granted()))
        .count()
}

/// What `check` says about an exception that no longer fits the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    /// Its target no longer exists: the course, group or term is gone.
    Orphaned,
    /// Its premise changed: the substitute or allowed course is not placed or failed, or it
    /// answers no problem any more.
    Stale,
}

/// One exception `check` warns about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExceptionIssue {
    /// Index into the plan's exceptions.
    pub index: usize,
    /// Orphaned or stale.
    pub trouble: Trouble,
    /// The warning in words.
    pub message: String,
}

/// Orphaned and stale exceptions among the plan's (refused ones are left alone).
pub fn issues(c: &Curriculum, plan: &Plan, problems: &[Problem]) -> Vec<ExceptionIssue> {
    let course_gone = |code: &str| c.course(code).is_none();
    let group_gone =
        |id: &str| find_group(c, id).is_none() && c.electives.iter().all(|g| g.name != id);
    let term_gone = |name: &str| term_index(plan, name).is_none();
    let mut out = Vec::new();
    for (index, e) in plan.exceptions.iter().enumerate() {
        if matches!(e.state, ExceptionState::Refused { .. }) {
            continue;
        }
        let gone: Option<String> = match &e.grant {
            Grant::WaiveGroup(id) | Grant::GroupMinimum { group: id, .. } => {
                group_gone(id).then(|| format!("group {id}"))
            }
            Grant::WaiveRequisite(code)
            | Grant::Acknowledge(Warning::NotOffered(code) | Warning::Permission(code)) => {
                course_gone(code).then(|| format!("course {code}"))
            }
            Grant::Substitute { course, by } => [course, by]
                .into_iter()
                .find(|x| course_gone(x))
                .map(|x| format!("course {x}")),
            Grant::AlsoAllow { course, group } => {
                if course_gone(course) {
                    Some(format!("course {course}"))
                } else {
                    group_gone(group).then(|| format!("group {group}"))
                }
            }
            Grant::Acknowledge(Warning::OverLoad(term)) | Grant::TermLoad { term, .. } => {
                term_gone(term).then(|| format!("term {term}"))
            }
        };
        let what = e.grant.describe();
        let (trouble, message) = if let Some(gone) = gone {
            (
                Trouble::Orphaned,
                format!("exception \"{what}\" is orphaned: {gone} no longer exists"),
            )
        } else if let Grant::Substitute { by: x, .. } | Grant::AlsoAllow { course: x, .. } =
            &e.grant
            && placed_credits(c, plan, x).is_none()
        {
            (
                Trouble::Stale,
                format!("exception \"{what}\" is stale: {x} is not placed, or failed"),
            )
        } else if !problems.iter().any(|p| answers(c, plan, &e.grant, &p.kind)) {
            (
                Trouble::Stale,
                format!("exception \"{what}\" is stale: it answers no problem of the plan now"),
            )
        } else {
            continue;
        };
        out.push(ExceptionIssue {
            index,
            trouble,
            message,
        });
    }
    out
}
