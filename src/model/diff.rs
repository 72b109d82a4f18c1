//! What changed between two versions of a plan's placement: courses added, removed, moved
//! between terms, and status changes.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::Serialize;

use super::curriculum::Curriculum;
use super::plan::Status;

/// A plan's placement reduced to what matters for comparing: terms in order, each with its
/// courses and their statuses.
pub type Placement<'a> = Vec<(&'a str, Vec<(&'a str, Status)>)>;

/// One difference between an older and a newer placement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// The course is placed now but was not before.
    Added { course: String, term: String },
    /// The course was placed before but is not now.
    Removed { course: String, term: String },
    /// The course is in another term now.
    Moved {
        course: String,
        from: String,
        to: String,
    },
    /// The course has another status now.
    Status {
        course: String,
        from: Status,
        to: Status,
    },
    /// A term exists now that did not before.
    TermAdded { term: String },
    /// A term that existed before is gone.
    TermRemoved { term: String },
    /// The same terms are in another order.
    TermsReordered,
    /// A prior-credit entry or an exception exists now that did not before (an edited one
    /// shows as removed, then added).
    EntryAdded { entry: String },
    /// A prior-credit entry or an exception that existed before is gone.
    EntryRemoved { entry: String },
}

impl Change {
    /// The change as a sentence that names its course by code and title, as a student
    /// knows it ("BE201 Backend Basics moved from ... to ...").
    pub fn named(&self, curriculum: &Curriculum) -> String {
        let mut change = self.clone();
        if let Change::Added { course, .. }
        | Change::Removed { course, .. }
        | Change::Moved { course, .. }
        | Change::Status { course, .. } = &mut change
        {
            *course = super::audit::named(curriculum, course);
        }
        change.to_string()
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Added { course, term } => write!(f, "{course} added to {term}"),
            Change::Removed { course, term } => write!(f, "{course} removed from {term}"),
            Change::Moved { course, from, to } => write!(f, "{course} moved from {from} to {to}"),
            Change::Status { course, from, to } => {
                write!(
                    f,
                    "{course} changed from {} to {}",
                    from.label(),
                    to.label()
                )
            }
            Change::TermAdded { term } => write!(f, "term {term} added"),
            Change::TermRemoved { term } => write!(f, "term {term} removed"),
            Change::TermsReordered => f.write_str("terms reordered"),
            Change::EntryAdded { entry } => write!(f, "{entry} added"),
            Change::EntryRemoved { entry } => write!(f, "{entry} removed"),
        }
    }
}

/// The entries (prior credit, exceptions, one line each) removed from `before` and added in
/// `after`, removed first, each in its list's order.
pub fn entry_diff(before: &[String], after: &[String]) -> Vec<Change> {
    let removed = before.iter().filter(|l| !after.contains(l));
    let added = after.iter().filter(|l| !before.contains(l));
    removed
        .map(|entry| Change::EntryRemoved {
            entry: entry.clone(),
        })
        .chain(added.map(|entry| Change::EntryAdded {
            entry: entry.clone(),
        }))
        .collect()
}

/// Every placement (term and status) of each course code, in term order.
fn index<'a>(placement: &Placement<'a>) -> BTreeMap<&'a str, Vec<(&'a str, Status)>> {
    let mut out: BTreeMap<&str, Vec<(&str, Status)>> = BTreeMap::new();
    for (term, courses) in placement {
        for (code, status) in courses {
            out.entry(*code).or_default().push((*term, *status));
        }
    }
    out
}

/// Every change from `before` to `after`: terms added and removed, then courses by code.
/// The order of courses within a term is not a change.
pub fn diff(before: &Placement<'_>, after: &Placement<'_>) -> Vec<Change> {
    let (old, new) = (index(before), index(after));
    let mut changes = Vec::new();
    let names = |p: &Placement<'_>| {
        p.iter()
            .map(|(name, _)| name.to_string())
            .collect::<Vec<_>>()
    };
    let (old_terms, new_terms) = (names(before), names(after));
    // Looked up in sets, so that plans of many terms compare in linear time.
    let (old_set, new_set): (HashSet<&String>, HashSet<&String>) =
        (old_terms.iter().collect(), new_terms.iter().collect());
    for term in new_terms.iter().filter(|t| !old_set.contains(t)) {
        changes.push(Change::TermAdded { term: term.clone() });
    }
    for term in old_terms.iter().filter(|t| !new_set.contains(t)) {
        changes.push(Change::TermRemoved { term: term.clone() });
    }
    if changes.is_empty() && old_terms != new_terms {
        changes.push(Change::TermsReordered);
    }
    // Placements of a code are paired in term order; a course placed twice on one side
    // and once on the other shows as an added or removed placement.
    let codes: std::collections::BTreeSet<&str> = old.keys().chain(new.keys()).copied().collect();
    let none = Vec::new();
    for code in codes {
        let (was, is) = (
            old.get(code).unwrap_or(&none),
            new.get(code).unwrap_or(&none),
        );
        for i in 0..was.len().max(is.len()) {
            let course = code.to_string();
            match (was.get(i), is.get(i)) {
                (None, Some((term, _))) => changes.push(Change::Added {
                    course,
                    term: term.to_string(),
                }),
                (Some((term, _)), None) => changes.push(Change::Removed {
                    course,
                    term: term.to_string(),
                }),
                (Some((from, old_status)), Some((to, status))) => {
                    if from != to {
                        changes.push(Change::Moved {
                            course: course.clone(),
                            from: from.to_string(),
                            to: to.to_string(),
                        });
                    }
                    if old_status != status {
                        changes.push(Change::Status {
                            course,
                            from: *old_status,
                            to: *status,
                        });
                    }
                }
                (None, None) => {}
            }
        }
    }
    changes
}
