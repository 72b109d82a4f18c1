//! Credits and problems: what the plan adds up to and what is wrong with it.
//!
//! Problems are shown, never enforced: every edit is allowed, and the audit says what it broke.

use std::collections::BTreeMap;
use std::fmt;

use super::curriculum::{Course, Curriculum};
use super::groups::{Need, Owner};
use super::plan::{Placement, Plan, Status};
use super::plan_facts::PlanFacts;
use super::requirements::{self, GroupProgress};
use super::requisite::{Leaf, Req, Value};

/// Credits of a plan toward the degree. Each course counts once, at its furthest status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Credits {
    /// Credits of completed courses.
    pub completed: u32,
    /// Credits of courses in progress.
    pub in_progress: u32,
    /// Credits of courses planned but not started.
    pub planned: u32,
    /// Credits the degree needs.
    pub degree: u32,
}

impl Credits {
    /// Completed plus in progress plus planned.
    pub fn total(&self) -> u32 {
        self.completed + self.in_progress + self.planned
    }

    /// Credits still to be placed in some term to reach the degree.
    pub fn remaining(&self) -> u32 {
        self.degree.saturating_sub(self.total())
    }
}

/// Each known course placed in the plan, with its furthest status.
/// A failed attempt (issue 15) is left out: it earns nothing.
pub fn course_statuses<'p>(
    curriculum: &Curriculum,
    plan: &'p Plan,
) -> foldhash::HashMap<&'p str, Status> {
    let scale = super::gpa::scale_of(curriculum);
    let mut statuses = foldhash::HashMap::default();
    for placement in plan.terms.iter().flat_map(|t| &t.courses) {
        if curriculum.course(&placement.code).is_some() && !super::gpa::failed(scale, placement) {
            let status = statuses
                .entry(placement.code.as_str())
                .or_insert(placement.status);
            *status = (*status).max(placement.status);
        }
    }
    statuses
}

/// Credits toward the degree.
pub fn credits(curriculum: &Curriculum, plan: &Plan) -> Credits {
    let mut credits = Credits {
        degree: curriculum.degree_credits,
        ..Credits::default()
    };
    let statuses = course_statuses(curriculum, plan);
    let scale = super::gpa::scale_of(curriculum);
    let mut counted = foldhash::HashSet::default();
    for placement in plan.terms.iter().flat_map(|t| &t.courses) {
        let Some(course) = curriculum.course(&placement.code) else {
            continue;
        };
        if super::gpa::failed(scale, placement) {
            continue;
        }
        if !counted.insert(placement.code.as_str()) {
            continue;
        }
        let value = placement.credits_of(course);
        match statuses[placement.code.as_str()] {
            Status::Completed => credits.completed += value,
            Status::InProgress => credits.in_progress += value,
            Status::Planned => credits.planned += value,
        }
    }
    // Prior credit counts as completed (issue 15).
    credits.completed += super::prior::credits(curriculum, plan);
    credits
}

/// Credits placed in one term (every known course in it, whatever its status).
pub fn term_credits(curriculum: &Curriculum, plan: &Plan, term: usize) -> u32 {
    plan.terms.get(term).map_or(0, |t| {
        t.courses
            .iter()
            .filter_map(|p| Some(p.credits_of(curriculum.course(&p.code)?)))
            .sum()
    })
}

/// How serious a problem is; written `error` or `warning` in reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The plan cannot work as it stands.
    Error,
    /// Worth a look, but the plan can work.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// What kind of problem was found; each carries the facts its message names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// `course` is in a term no later than its prerequisite (or the prerequisite is unplanned).
    PrerequisiteOrder {
        course: String,
        prerequisite: String,
    },
    /// `course` is completed or in progress while its prerequisite, placed earlier, is not
    /// completed: an error, or a warning when both are in progress.
    PrerequisiteStatus {
        course: String,
        prerequisite: String,
    },
    /// A grade that is not on the grade scale.
    UnknownGrade { course: String, grade: String },
    /// A term carries more credits than the program's limit.
    OverLoad {
        term: usize,
        credits: u32,
        limit: u32,
    },
    /// The same course is placed more than once.
    PlacedTwice { course: String },
    /// A placed code that the curriculum does not know.
    UnknownCourse { course: String },
    /// A required course is in no term.
    RequiredUnplanned { course: String },
    /// An elective group has fewer credits placed than it needs.
    ElectivesShort {
        group: String,
        placed: u32,
        needed: u32,
    },
    /// All placed courses together fall short of the degree total.
    DegreeShort { placed: u32, needed: u32 },
    /// The plan was made for another version of the curriculum.
    CurriculumChanged,
    /// `course` is placed in a term whose kind is not among those it is offered in.
    NotOffered {
        course: String,
        kind: String,
        offered: Vec<String>,
    },
    /// `course` is placed in a year it does not run.
    NotOfferedThisYear { course: String, year: i32 },
    /// A requisite of `course` is not met; `missing` describes the unmet parts.
    RequisiteUnmet {
        course: String,
        missing: Vec<String>,
    },
    /// `course` needs `needed` credits (of some courses) first and has `have`.
    CreditsShort {
        course: String,
        needed: u32,
        have: u32,
    },
    /// `course` needs permission of `from` (a warning: an advisor may grant it).
    NeedsPermission { course: String, from: String },
    /// `course` needs a condition only a person can check (a warning).
    NeedsCheck { course: String, what: String },
    /// `course` needs a grade in `of` that is not recorded or cannot be compared (a warning).
    GradeUnknown { course: String, of: String },
    /// `course` needs `needed` in `of`, which has the lower `grade`.
    GradeLow {
        course: String,
        of: String,
        needed: String,
        grade: String,
    },
    /// `course` is restricted by enrolment (`needs` says how).
    Enrolment { course: String, needs: String },
    /// Both of two courses that exclude each other are placed.
    Excluded { course: String, other: String },
    /// Courses offered only in some terms are placed in `terms`, which have no kind, so
    /// their offerings are not checked there (a warning, given once).
    OfferingsUnchecked { terms: Vec<usize> },
    /// A requirement group is not complete: it has `have` of `need` (in `unit`: credits,
    /// courses, sub-groups or items).
    GroupShort {
        group: String,
        have: u32,
        need: u32,
        unit: &'static str,
    },
    /// A required stream has no choice in the plan (a warning; the default is used).
    StreamUnchosen { stream: String },
    /// The plan's `choices` name a stream or option the curriculum does not have.
    ChoiceUnknown { stream: String, choice: String },
    /// More credits of a capped group are placed than count toward it (a warning).
    OverCap {
        group: String,
        placed: u32,
        cap: u32,
    },
    /// More credits (or courses) fall under a program-wide limit than count (a warning).
    LimitOver {
        limit: String,
        placed: u32,
        max: u32,
    },
    /// A variable-credit choice outside the course's range.
    CreditsOutOfRange {
        course: String,
        credits: u32,
        min: u32,
        max: u32,
    },
    /// Prior credit stands for a code the curriculum does not have (issue 15).
    PriorUnknownCourse { course: String },
    /// Prior credit stands for a course the curriculum says must be taken here.
    PriorTakenHere { course: String },
    /// A course is prior credit and placed as well (a warning; it counts once).
    PriorAlsoPlaced { course: String },
    /// More prior credit than the program's cap.
    PriorOverCap { credits: u32, cap: u32 },
}

impl ProblemKind {
    /// The placed course this problem is about, the one to highlight when the student asks
    /// to go to it; `None` for problems about the plan, a term, a group or an unplanned course.
    pub fn placed_course(&self) -> Option<&str> {
        match self {
            ProblemKind::PrerequisiteOrder { course, .. }
            | ProblemKind::PrerequisiteStatus { course, .. }
            | ProblemKind::UnknownGrade { course, .. }
            | ProblemKind::PlacedTwice { course }
            | ProblemKind::UnknownCourse { course }
            | ProblemKind::NotOffered { course, .. }
            | ProblemKind::NotOfferedThisYear { course, .. }
            | ProblemKind::RequisiteUnmet { course, .. }
            | ProblemKind::CreditsShort { course, .. }
            | ProblemKind::NeedsPermission { course, .. }
            | ProblemKind::NeedsCheck { course, .. }
            | ProblemKind::GradeUnknown { course, .. }
            | ProblemKind::GradeLow { course, .. }
            | ProblemKind::Enrolment { course, .. }
            | ProblemKind::Excluded { course, .. }
            | ProblemKind::CreditsOutOfRange { course, .. }
            | ProblemKind::PriorAlsoPlaced { course } => Some(course),
            ProblemKind::OverLoad { .. }
            | ProblemKind::RequiredUnplanned { .. }
            | ProblemKind::ElectivesShort { .. }
            | ProblemKind::DegreeShort { .. }
            | ProblemKind::CurriculumChanged
            | ProblemKind::OfferingsUnchecked { .. }
            | ProblemKind::GroupShort { .. }
            | ProblemKind::StreamUnchosen { .. }
            | ProblemKind::ChoiceUnknown { .. }
            | ProblemKind::OverCap { .. }
            | ProblemKind::LimitOver { .. }
            | ProblemKind::PriorUnknownCourse { .. }
            | ProblemKind::PriorTakenHere { .. }
            | ProblemKind::PriorOverCap { .. } => None,
        }
    }
}

/// One problem with a plan: its kind, severity, plain-language message and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What was found.
    pub kind: ProblemKind,
    /// How serious it is.
    pub severity: Severity,
    /// The sentence shown to the student.
    pub message: String,
    /// The term it is in, if it belongs to one.
    pub term: Option<usize>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{label}: {}", self.message)
    }
}

/// A course as a student knows it: its code and title ("BE105 Technical English I"), or
/// the code alone when the curriculum has no such course.
pub fn named(curriculum: &Curriculum, code: &str) -> String {
    match curriculum.course(code) {
        Some(course) => format!("{code} {}", course.title),
        None => code.to_string(),
    }
}

/// The problem, if any, with `placed` being started (in term `term`) while its
/// prerequisite `pre`, placed earlier, is not completed.
fn status_problem(
    curriculum: &Curriculum,
    placed: &Placement,
    pre: &str,
    statuses: &foldhash::HashMap<&str, Status>,
    term: usize,
) -> Option<Problem> {
    let before = statuses.get(pre).copied().unwrap_or(Status::Planned);
    if placed.status == Status::Planned || before == Status::Completed {
        return None;
    }
    let severity = if placed.status == Status::InProgress && before == Status::InProgress {
        Severity::Warning
    } else {
        Severity::Error
    };
    Some(Problem {
        kind: ProblemKind::PrerequisiteStatus {
            course: placed.code.clone(),
            prerequisite: pre.to_string(),
        },
        severity,
        message: format!(
            "{} is {}, but its prerequisite {} is only {}",
            named(curriculum, &placed.code),
            placed.status.label(),
            named(curriculum, pre),
            before.label()
        ),
        term: Some(term),
    })
}

/// Every problem with the plan, errors first, then in term order.
pub fn problems(curriculum: &Curriculum, plan: &Plan) -> Vec<Problem> {
    let mut found = Vec::new();
    let term_name = |t: usize| plan.terms.get(t).map_or("?", |t| t.name.as_str());

    if plan.curriculum.hash != curriculum.content_hash() {
        found.push(Problem {
            kind: ProblemKind::CurriculumChanged,
            severity: Severity::Warning,
            message: if plan.curriculum.name == curriculum.name {
                format!(
                    "this plan was made for a different version of \"{}\"; check it against the current one",
                    plan.curriculum.name
                )
            } else {
                format!(
                    "this plan was made for \"{}\", not \"{}\"; open it with that program's curriculum (--curriculum FILE)",
                    plan.curriculum.name, curriculum.name
                )
            },
            term: None,
        });
    }

    // Where each code is placed, in term order.
    let mut places: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (t, term) in plan.terms.iter().enumerate() {
        for p in &term.courses {
            places.entry(&p.code).or_default().push(t);
        }
    }

    let statuses = course_statuses(curriculum, plan);
    let facts = PlanFacts::new(curriculum, plan);
    let mut unchecked = Vec::new();
    for (t, term) in plan.terms.iter().enumerate() {
        let mut seen_unknown = std::collections::HashSet::new();
        for p in &term.courses {
            let Some(course) = curriculum.course(&p.code) else {
                if !curriculum.links().is_outside(&p.code) && seen_unknown.insert(p.code.as_str()) {
                    found.push(Problem {
                        kind: ProblemKind::UnknownCourse {
                            course: p.code.clone(),
                        },
                        severity: Severity::Error,
                        message: format!(
                            "{} in {} is not a course of {}",
                            p.code, term.name, curriculum.name
                        ),
                        term: Some(t),
                    });
                }
                continue;
            };
            if let Some(grade) = p
                .grade
                .as_deref()
                .filter(|g| super::grade::parse(g).is_none() && !curriculum.on_own_scale(g))
            {
                found.push(Problem {
                    kind: ProblemKind::UnknownGrade {
                        course: p.code.clone(),
                        grade: grade.to_string(),
                    },
                    severity: Severity::Warning,
                    message: format!(
                        "{} has the grade \"{grade}\", which is not on the scale ({})",
                        named(curriculum, &p.code),
                        super::grade::describe()
                    ),
                    term: Some(t),
                });
            }
            course_facts(curriculum, &facts, plan, t, p, course, &mut found);
            if !course.offered.is_empty()
                && term.kind_in(curriculum).is_none()
                && unchecked.last() != Some(&t)
            {
                unchecked.push(t);
            }
            for pre in &course.prerequisites {
                if facts.is_prior(pre) {
                    continue;
                }
                let earliest = places.get(pre.as_str()).and_then(|ts| ts.first()).copied();
                if earliest.is_some_and(|pt| pt < t) {
                    found.extend(status_problem(curriculum, p, pre, &statuses, t));
                    continue;
                }
                let (course_name, pre_name) =
                    (named(curriculum, &course.code), named(curriculum, pre));
                let message = match earliest {
                    Some(pt) if pt == t => format!(
                        "{course_name} needs {pre_name} first, but both are in {}",
                        term.name
                    ),
                    Some(pt) => format!(
                        "{course_name} in {} needs {pre_name} first, which is later, in {}",
                        term.name,
                        term_name(pt)
                    ),
                    None => format!(
                        "{course_name} in {} needs {pre_name} first, which is not planned",
                        term.name
                    ),
                };
                found.push(Problem {
                    kind: ProblemKind::PrerequisiteOrder {
                        course: course.code.clone(),
                        prerequisite: pre.clone(),
                    },
                    severity: Severity::Error,
                    message,
                    term: Some(t),
                });
            }
        }
        if let Some(limit) = curriculum.max_term_credits {
            let credits = term_credits(curriculum, plan, t);
            if credits > limit {
                found.push(Problem {
                    kind: ProblemKind::OverLoad {
                        term: t,
                        credits,
                        limit,
                    },
                    severity: Severity::Warning,
                    message: format!(
                        "{} carries {credits} credits, over the limit of {limit}",
                        term.name
                    ),
                    term: Some(t),
                });
            }
        }
    }

    for (code, terms) in &places {
        if terms.len() > 1 && !super::gpa::is_repeat(super::gpa::scale_of(curriculum), plan, code) {
            let mut names: Vec<&str> = terms.iter().map(|&t| term_name(t)).collect();
            names.dedup();
            found.push(Problem {
                kind: ProblemKind::PlacedTwice {
                    course: code.to_string(),
                },
                severity: Severity::Error,
                message: match names.as_slice() {
                    [only] => format!(
                        "{} is placed {} times in {only}",
                        named(curriculum, code),
                        terms.len()
                    ),
                    _ => format!(
                        "{} is placed {} times: {}",
                        named(curriculum, code),
                        terms.len(),
                        names.join(", ")
                    ),
                },
                term: terms.get(1).copied(),
            });
        }
    }

    if !unchecked.is_empty() {
        let names: Vec<&str> = unchecked.iter().map(|&t| term_name(t)).collect();
        found.push(Problem {
            kind: ProblemKind::OfferingsUnchecked {
                terms: unchecked.clone(),
            },
            severity: Severity::Warning,
            message: format!(
                "offerings are not checked in {}: the term names hold no term kind ({}); give each term a `kind`",
                names.join(", "),
                curriculum.term_kinds.join(", ")
            ),
            term: None,
        });
    }

    for (code, terms) in &places {
        for other in curriculum.links().excludes(code) {
            if other.as_str() > *code
                && let Some(other_terms) = places.get(other.as_str())
            {
                // The problem belongs to the later of the two, where the student placed the
                // second.
                let (later, earlier) = if other_terms[0] >= terms[0] {
                    (other.as_str(), *code)
                } else {
                    (*code, other.as_str())
                };
                found.push(Problem {
                    kind: ProblemKind::Excluded {
                        course: later.to_string(),
                        other: earlier.to_string(),
                    },
                    severity: Severity::Error,
                    message: format!(
                        "both of two excluded courses are placed: {} and {} give no credit together",
                        named(curriculum, earlier),
                        named(curriculum, later)
                    ),
                    term: Some(terms[0].max(other_terms[0])),
                });
            }
        }
    }

    let prior = super::prior::courses(curriculum, plan);
    for course in curriculum
        .required_courses()
        .iter()
        .map(|&i| &curriculum.courses[i])
    {
        if !places.contains_key(course.code.as_str()) && !prior.contains(&course.code.as_str()) {
            found.push(Problem {
                kind: ProblemKind::RequiredUnplanned {
                    course: course.code.clone(),
                },
                severity: Severity::Error,
                message: format!(
                    "{} is required but in no term",
                    named(curriculum, &course.code)
                ),
                term: None,
            });
        }
    }

    // Credits toward each elective group, from the placed courses (not the groups' lists,
    // which in a catalog run to thousands of courses).
    let mut group_credits = vec![0; curriculum.electives.len()];
    let prior_only = prior.iter().copied().filter(|c| !places.contains_key(c));
    for code in places.keys().copied().chain(prior_only) {
        if let Some(i) = curriculum.course_index(code) {
            for &g in curriculum.groups_of(i) {
                group_credits[g] += curriculum.courses[i].credits;
            }
        }
    }
    for (group, &placed) in curriculum.electives.iter().zip(&group_credits) {
        if placed < group.min_credits {
            found.push(Problem {
                kind: ProblemKind::ElectivesShort {
                    group: group.name.clone(),
                    placed,
                    needed: group.min_credits,
                },
                severity: Severity::Error,
                message: format!(
                    "{} needs at least {} credits; {placed} are planned",
                    group.name, group.min_credits
                ),
                term: None,
            });
        }
    }

    requirement_problems(curriculum, plan, &mut found);
    found.extend(prior_problems(curriculum, plan));

    let placed = credits(curriculum, plan).total();
    if placed < curriculum.degree_credits {
        found.push(Problem {
            kind: ProblemKind::DegreeShort {
                placed,
                needed: curriculum.degree_credits,
            },
            severity: Severity::Error,
            message: format!(
                "the plan reaches {placed} of {} credits: {} short of the degree",
                curriculum.degree_credits,
                curriculum.degree_credits - placed
            ),
            term: None,
        });
    }

    found.sort_by_key(|p| (p.severity, p.term.unwrap_or(usize::MAX)));
    found
}

/// The problems of the requirement groups, streams and limits (none without them).
fn requirement_problems(c: &Curriculum, plan: &Plan, found: &mut Vec<Problem>) {
    if c.requirements.is_empty() && c.streams.is_empty() && c.limits.is_empty() {
        if !plan.choices.is_empty() {
            unknown_choices(c, plan, found);
        }
        return;
    }
    let progress = requirements::progress(c, plan);
    let mut push = |kind: ProblemKind, severity: Severity, message: String| {
        found.push(Problem {
            kind,
            severity,
            message,
            term: None,
        });
    };
    for s in &progress.streams {
        if s.option.is_some() && s.chosen || s.unknown_choice.is_some() || !s.stream.required {
            continue;
        }
        let codes: Vec<String> = s
            .stream
            .options
            .iter()
            .map(|o| format!("{} {}", o.code, o.name))
            .collect();
        push(
            ProblemKind::StreamUnchosen {
                stream: s.stream.id.clone(),
            },
            Severity::Warning,
            match s.option {
                Some(o) => format!(
                    "no {} is chosen; the audit uses {} {} until one is",
                    s.stream.name, o.code, o.name
                ),
                None => format!(
                    "no {} is chosen; choose one of: {}",
                    s.stream.name,
                    codes.join(", ")
                ),
            },
        );
    }
    unknown_choices(c, plan, found);
    let mut push = |kind: ProblemKind, severity: Severity, message: String| {
        found.push(Problem {
            kind,
            severity,
            message,
            term: None,
        });
    };
    for g in &progress.groups {
        let name = group_name(c, g);
        if g.over_cap > 0 {
            let (cap, unit) = match (g.group.max_credits, g.group.max_courses) {
                (Some(n), _) => (n, "credits"),
                (None, n) => (n.unwrap_or(0), "courses"),
            };
            let parent = g.parent.map(|p| group_name(c, &progress.groups[p]));
            push(
                ProblemKind::OverCap {
                    group: g.group.name.clone(),
                    placed: g.credits + g.over_cap,
                    cap,
                },
                Severity::Warning,
                match parent {
                    Some(parent) => format!(
                        "{name} has {} credits placed; at most {cap} {unit} count toward {parent}",
                        g.credits + g.over_cap
                    ),
                    None => format!(
                        "group {name} has {} credits placed; at most {cap} {unit} count",
                        g.credits + g.over_cap
                    ),
                },
            );
        }
        let one_of_several = g
            .parent
            .is_some_and(|p| matches!(progress.groups[p].group.need, Some(Need::Groups(_))));
        if g.met
            || g.need == 0
            || one_of_several
            || g.have >= g.need && g.unit != requirements::Unit::Items
        {
            // Complete, a cap only, an alternative its parent counts, or short only through
            // a sub-group (which says so).
            continue;
        }
        if g.unit == requirements::Unit::Items && g.left.is_empty() {
            continue;
        }
        let message = if g.unit == requirements::Unit::Items {
            let left: Vec<String> = g
                .left
                .iter()
                .map(|item| match c.course(item) {
                    Some(_) => named(c, item),
                    None => item.clone(),
                })
                .collect();
            format!("group {name} is missing {}", left.join(", "))
        } else {
            let caps: Vec<String> = g
                .group
                .groups
                .iter()
                .filter_map(|sub| {
                    let cap = sub.max_credits.map(|n| format!("{n} credits"));
                    let cap = cap.or_else(|| sub.max_courses.map(|n| format!("{n} courses")));
                    cap.map(|cap| format!("at most {cap} from {}", sub.name))
                })
                .collect();
            let caps = if caps.is_empty() {
                String::new()
            } else {
                format!(", {}", caps.join(", "))
            };
            format!(
                "group {name} has {} of {} {}{caps}",
                g.have,
                g.need,
                g.unit.noun()
            )
        };
        push(
            ProblemKind::GroupShort {
                group: g.group.name.clone(),
                have: g.have,
                need: g.need,
                unit: g.unit.noun(),
            },
            Severity::Error,
            message,
        );
    }
    for l in &progress.limits {
        push(
            ProblemKind::LimitOver {
                limit: l.limit.name.clone(),
                placed: l.placed,
                max: l.max,
            },
            Severity::Warning,
            format!(
                "{}: {} {} placed, at most {} count",
                l.limit.name,
                l.placed,
                l.unit.noun(),
                l.max
            ),
        );
    }
}

/// The problems with the plan's prior credit (none without any).
fn prior_problems(c: &Curriculum, plan: &Plan) -> Vec<Problem> {
    use super::plan::PriorCredit;
    use super::prior::{taken_here, uncapped_credits};
    let mut found = Vec::new();
    let placed = plan.placed_codes();
    for code in plan.prior.iter().filter_map(PriorCredit::course) {
        let (kind, severity, message) = if c.course(code).is_none() {
            (
                ProblemKind::PriorUnknownCourse {
                    course: code.to_string(),
                },
                Severity::Error,
                format!(
                    "prior credit stands for {code}, which is not a course of {}",
                    c.name
                ),
            )
        } else if taken_here(c, code) {
            (
                ProblemKind::PriorTakenHere {
                    course: code.to_string(),
                },
                Severity::Error,
                format!(
                    "{} must be taken here: prior credit for it does not count",
                    named(c, code)
                ),
            )
        } else if placed.contains(code) {
            (
                ProblemKind::PriorAlsoPlaced {
                    course: code.to_string(),
                },
                Severity::Warning,
                format!(
                    "{} is prior credit and also placed in a term; it counts once",
                    named(c, code)
                ),
            )
        } else {
            continue;
        };
        found.push(Problem {
            kind,
            severity,
            message,
            term: None,
        });
    }
    if let Some(cap) = c.prior_credit.as_ref().and_then(|r| r.max_credits) {
        let all = uncapped_credits(c, plan);
        if all > cap {
            found.push(Problem {
                kind: ProblemKind::PriorOverCap { credits: all, cap },
                severity: Severity::Error,
                message: format!(
                    "the plan holds {all} credits of prior credit; at most {cap} count toward the degree"
                ),
                term: None,
            });
        }
    }
    found
}

/// A group as problems name it: its name, with the stream option it belongs to.
pub fn group_name(c: &Curriculum, g: &GroupProgress) -> String {
    match g.owner {
        Owner::Program => g.group.name.clone(),
        Owner::Stream { stream, option } => format!(
            "{} ({})",
            g.group.name, c.streams[stream].options[option].name
        ),
    }
}

/// Errors for choices that name no stream of the curriculum, or no option of their stream.
fn unknown_choices(c: &Curriculum, plan: &Plan, found: &mut Vec<Problem>) {
    for (id, choice) in &plan.choices {
        let message = match c.streams.iter().find(|s| s.id == *id) {
            None => format!(
                "the plan chooses {choice} for \"{id}\", which is not a stream of {}",
                c.name
            ),
            Some(s) if s.options.iter().all(|o| o.code != *choice) => {
                let codes: Vec<&str> = s.options.iter().map(|o| o.code.as_str()).collect();
                format!(
                    "the plan chooses {choice} for {}, which is not one of its options ({})",
                    s.name,
                    codes.join(", ")
                )
            }
            Some(_) => continue,
        };
        found.push(Problem {
            kind: ProblemKind::ChoiceUnknown {
                stream: id.clone(),
                choice: choice.clone(),
            },
            severity: Severity::Error,
            message,
            term: None,
        });
    }
}

/// The problems of the requirement language with one placement: offerings, the credits
/// chosen, and the `requires` expression, part by part.
fn course_facts(
    c: &Curriculum,
    facts: &PlanFacts,
    plan: &Plan,
    t: usize,
    p: &Placement,
    course: &Course,
    found: &mut Vec<Problem>,
) {
    let term = &plan.terms[t];
    let name = named(c, &course.code);
    let mut push = |kind: ProblemKind, severity: Severity, message: String| {
        found.push(Problem {
            kind,
            severity,
            message,
            term: Some(t),
        });
    };
    if !course.offered.is_empty()
        && let Some(kind) = term.kind_in(c)
        && !course.offered.iter().any(|k| k == kind)
    {
        push(
            ProblemKind::NotOffered {
                course: course.code.clone(),
                kind: kind.to_string(),
                offered: course.offered.clone(),
            },
            Severity::Error,
            format!(
                "{name} is placed in {} but offered only in {}",
                term.name,
                course.offered.join(", ")
            ),
        );
    }
    if let (Some(years), Some(year)) = (&course.years, term.year)
        && !years.includes(year)
    {
        push(
            ProblemKind::NotOfferedThisYear {
                course: course.code.clone(),
                year,
            },
            Severity::Error,
            format!(
                "{name} is placed in {} ({year}) but runs only in {}",
                term.name,
                years.describe()
            ),
        );
    }
    if let Some(chosen) = p.credits {
        let max = course.max_credits.unwrap_or(course.credits);
        if chosen < course.credits || chosen > max {
            push(
                ProblemKind::CreditsOutOfRange {
                    course: course.code.clone(),
                    credits: chosen,
                    min: course.credits,
                    max,
                },
                Severity::Error,
                if max == course.credits {
                    format!("{name} is taken for {chosen} credits, but it carries {max}",)
                } else {
                    format!(
                        "{name} is taken for {chosen} credits, outside its range of {} to {max}",
                        course.credits
                    )
                },
            );
        }
    }
    let Some(req) = &course.requires else {
        return;
    };
    for part in req.conjuncts() {
        let (value, leaves) = facts.eval(part, t);
        match value {
            Value::Met => {}
            Value::Unmet => {
                let (kind, message) = unmet(c, facts, &course.code, &term.name, t, part, &leaves);
                push(kind, Severity::Error, message);
            }
            Value::Unknown => {
                for leaf in leaves {
                    let (kind, message) = unknown(c, facts, &course.code, &term.name, t, leaf);
                    push(kind, Severity::Warning, message);
                }
            }
        }
    }
}

/// A requisite leaf in words: "BE101 Intro", "65 in BE101 Intro", "48 credits of level-2 MATH".
pub fn describe_leaf(c: &Curriculum, leaf: &Leaf) -> String {
    let text = match leaf.req {
        Req::Course(code) => named(c, code),
        Req::Grade(code, min) => format!("{} in {}", min.describe(), named(c, code)),
        Req::Credits { min, of } => format!("{min} credits{}", of_patterns(of)),
        Req::Wam { min, of } => format!("a WAM of {min}{}", of_patterns(of)),
        Req::Enrolled { .. } => match leaf.req.enrolment() {
            Some(e) => format!("enrolment in {}", e.describe()),
            None => String::new(),
        },
        Req::NotEnrolled { .. } => match leaf.req.enrolment() {
            Some(e) => format!("not being enrolled in {}", e.describe()),
            None => String::new(),
        },
        Req::Permission(from) => format!("permission of {from}"),
        Req::Manual(what) => what.clone(),
        Req::All(_) | Req::Any(_) | Req::Coreq(_) => String::new(),
    };
    if leaf.same_term {
        format!("{text} (same term or earlier)")
    } else {
        text
    }
}

fn of_patterns(of: &[super::requisite::Pattern]) -> String {
    if of.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = of.iter().map(|p| p.describe()).collect();
        format!(" of {}", names.join(" or "))
    }
}

/// The problem of one unmet part of a requisite: the specific kind when the part is one
/// leaf, else the unmet leaves listed.
fn unmet(
    c: &Curriculum,
    facts: &PlanFacts,
    course: &str,
    term_name: &str,
    t: usize,
    part: &Req,
    leaves: &[Leaf],
) -> (ProblemKind, String) {
    let name = named(c, course);
    let compound = matches!(part, Req::All(_) | Req::Any(_))
        || matches!(part, Req::Coreq(inner) if matches!(**inner, Req::All(_) | Req::Any(_)));
    if let ([leaf], false) = (leaves, compound) {
        let course = course.to_string();
        match leaf.req {
            Req::Credits { min, of } => {
                let have = facts.credits_before(t, leaf.same_term, of);
                return (
                    ProblemKind::CreditsShort {
                        course,
                        needed: *min,
                        have,
                    },
                    format!(
                        "{name} in {term_name} needs {min} credits{} first and has {have} by then",
                        of_patterns(of)
                    ),
                );
            }
            Req::Grade(of, min) => {
                if let Some(Some(grade)) = facts.grade_in_time(of, t, leaf.same_term) {
                    return (
                        ProblemKind::GradeLow {
                            course,
                            of: of.clone(),
                            needed: min.describe(),
                            grade: grade.to_string(),
                        },
                        format!(
                            "{name} needs at least {} in {}, which has {grade}",
                            min.describe(),
                            named(c, of)
                        ),
                    );
                }
            }
            Req::Enrolled { .. } | Req::NotEnrolled { .. } => {
                let needs = describe_leaf(c, leaf);
                return (
                    ProblemKind::Enrolment {
                        course,
                        needs: needs.clone(),
                    },
                    format!("{name} in {term_name} needs {needs}"),
                );
            }
            _ => {}
        }
    }
    let missing: Vec<String> = leaves.iter().map(|l| describe_leaf(c, l)).collect();
    // A corequisite's alternatives are still alternatives: look through the `coreq`.
    let shape = match part {
        Req::Coreq(inner) => inner.as_ref(),
        other => other,
    };
    let message = match (shape, missing.as_slice()) {
        (_, [one]) if leaves[0].same_term => format!("{name} in {term_name} needs {one}"),
        (_, [one]) => format!("{name} in {term_name} needs {one} first, in an earlier term"),
        (Req::Any(_), _) => format!("{name} in {term_name} needs one of: {}", missing.join("; ")),
        _ => format!("{name} in {term_name} needs all of: {}", missing.join("; ")),
    };
    (
        ProblemKind::RequisiteUnmet {
            course: course.to_string(),
            missing,
        },
        message,
    )
}

/// The warning of one leaf only a person can decide.
fn unknown(
    c: &Curriculum,
    facts: &PlanFacts,
    course: &str,
    term_name: &str,
    t: usize,
    leaf: Leaf,
) -> (ProblemKind, String) {
    let name = named(c, course);
    let course = course.to_string();
    match leaf.req {
        Req::Permission(from) => (
            ProblemKind::NeedsPermission {
                course,
                from: from.clone(),
            },
            format!("{name} in {term_name} needs permission of {from}"),
        ),
        Req::Grade(of, min) => {
            let why = match facts.grade_in_time(of, t, leaf.same_term) {
                Some(Some(grade)) => format!("its grade {grade} does not compare"),
                _ => "no grade yet".to_string(),
            };
            (
                ProblemKind::GradeUnknown {
                    course,
                    of: of.clone(),
                },
                format!("{name} needs {} in {}: {why}", min.describe(), named(c, of)),
            )
        }
        _ => {
            let mut what = describe_leaf(c, &leaf);
            if leaf.req.enrolment().is_some_and(|e| e.stream.is_some()) {
                what.push_str(" (the plan chooses no stream yet)");
            }
            (
                ProblemKind::NeedsCheck {
                    course,
                    what: what.clone(),
                },
                format!("{name} in {term_name} needs a check: {what}"),
            )
        }
    }
}
