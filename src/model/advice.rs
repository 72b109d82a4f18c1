//! The sentences the planner says about career paths, shared by the screen and the reports,
//! so that both tell a student the same thing.

use super::career::{Standing, Standings, Step};
use super::curriculum::Curriculum;
use super::grade::NEUTRAL_POINTS;
use super::plan::{Plan, Status};

/// What the program leaves to choose, when every course is required.
pub const ALL_REQUIRED: &str =
    "All courses are required: these bars show where you stand in each path, not a choice.";

/// A strength by results rounded to one decimal, as every screen and report shows it.
pub fn rounded(strength: f64) -> f64 {
    (strength * 10.0).round() / 10.0
}

/// A strength by results as text: "3.7", or "-" before any.
pub fn strength(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{:.1}", rounded(v)))
}

/// Why the paths are not ranked, when required courses are in no term.
pub fn unranked(standings: &Standings) -> Option<String> {
    if standings.ranked {
        return None;
    }
    let codes: Vec<&str> = standings
        .missing_required
        .iter()
        .map(|c| c.code.as_str())
        .collect();
    Some(format!(
        "Not ranked: {} {} required but in no term.",
        list_some(&codes),
        if codes.len() == 1 { "is" } else { "are" }
    ))
}

/// What the results say: the strongest path and the grades behind it, or why there is none.
/// Meant for ranked standings (see [`unranked`] for the others).
pub fn results(curriculum: &Curriculum, standings: &Standings) -> String {
    if let Some(best) = standings.strongest() {
        let name = &curriculum.paths[best.path].name;
        let graded: Vec<_> = best
            .contributions
            .iter()
            .filter(|c| c.points > NEUTRAL_POINTS)
            .filter_map(|c| Some((c.grade?, c.course.code.as_str())))
            .take(2)
            .collect();
        let graded = match graded.as_slice() {
            [(g, a), (h, b)] if g == h => vec![format!("{g} in {a} and {b}")],
            _ => graded.iter().map(|(g, c)| format!("{g} in {c}")).collect(),
        };
        return if graded.is_empty() {
            format!("Your strongest path by results: {name}.")
        } else {
            format!(
                "Your strongest path by results: {name}, from {}.",
                list(&graded)
            )
        };
    }
    let any_completed = standings.paths.iter().any(|s| s.strength.is_some());
    let any_graded = standings
        .paths
        .iter()
        .any(|s| s.contributions.iter().any(|c| c.grade.is_some()));
    if !any_completed {
        "No results yet: strength by results starts with your first completed course.".into()
    } else if !any_graded {
        "No grades yet: your results favour no path (a course without a grade counts as a B)."
            .into()
    } else {
        "Your results are even across the paths.".into()
    }
}

/// Where the path's core stands: "DevOps Engineer is built mostly in Semester III to
/// Semester IV: BE301, BE401, BE402", or that the core is done.
pub fn core(curriculum: &Curriculum, plan: &Plan, standing: &Standing) -> String {
    let name = &curriculum.paths[standing.path].name;
    let ahead: Vec<_> = standing.core_ahead().collect();
    if standing.core.is_empty() {
        return format!("{name} has no core courses in this program.");
    }
    if ahead.is_empty() {
        let (_, doing, _) = standing.core_counts();
        return if doing == 0 {
            format!("Every core course of {name} is completed.")
        } else {
            format!("The rest of {name}'s core is under way.")
        };
    }
    let codes: Vec<&str> = ahead.iter().map(|c| c.course.code.as_str()).collect();
    let terms: Vec<usize> = ahead.iter().filter_map(|c| c.term).collect();
    let when = match (terms.iter().min(), terms.iter().max()) {
        (Some(&a), Some(&b)) if a == b => plan.terms[a].name.clone(),
        (Some(&a), Some(&b)) => format!("{} to {}", plan.terms[a].name, plan.terms[b].name),
        _ => "no term yet".to_string(),
    };
    if ahead.len() * 2 > standing.core.len() {
        format!("{name} is built mostly in {when}: {}.", list_some(&codes))
    } else {
        format!("{name}'s core still ahead, {when}: {}.", list_some(&codes))
    }
}

/// How [`ready`] begins for a path whose core courses are not all placed.
const NOT_READY: &str = "not ready as planned: ";

/// Codes of the path's core courses in no term and not stood for by prior credit.
fn unplaced<'c>(standing: &Standing<'c, '_>) -> Vec<&'c str> {
    standing
        .core
        .iter()
        .filter(|c| c.term.is_none() && !c.by_prior_credit())
        .map(|c| c.course.code.as_str())
        .collect()
}

/// When the plan makes the student ready for the path: "ready after Semester IV".
pub fn ready(plan: &Plan, standing: &Standing) -> String {
    let unplaced = unplaced(standing);
    if !unplaced.is_empty() {
        return format!("{NOT_READY}{} in no term", list_some(&unplaced));
    }
    let Some(term) = standing.ready_after.and_then(|t| plan.terms.get(t)) else {
        return if standing.core.is_empty() {
            "no core courses".to_string()
        } else {
            "ready already, by prior credit".to_string()
        };
    };
    if standing
        .core
        .iter()
        .all(|c| c.status == Some(Status::Completed))
    {
        format!("ready since {}", term.name)
    } else {
        format!("ready after {}", term.name)
    }
}

/// When each path is ready as planned, paths with the same answer together, the ready ones
/// first: "Ready as planned: S after Semester III; D and A after Semester IV." Paths that are
/// not ready get a sentence of their own: "Not ready as planned: T: BE405 in no term." When
/// several answers are not ready, only the target path's names its courses; the others
/// count theirs ("D: 3 core courses in no term"), so that a catalog's paths do not fill the
/// pane with codes.
pub fn ready_summary(curriculum: &Curriculum, plan: &Plan, standings: &Standings) -> String {
    // Per answer: the marks of its paths, whether the target is one, and the core courses
    // in no term.
    let mut groups: Vec<(String, Vec<String>, bool, usize)> = Vec::new();
    for s in &standings.paths {
        let when = ready(plan, s);
        let path = &curriculum.paths[s.path];
        let target = plan.target_path.as_deref() == Some(path.id.as_str());
        match groups.iter_mut().find(|(w, ..)| *w == when) {
            Some((_, marks, has_target, _)) => {
                marks.push(path.mark.to_string());
                *has_target |= target;
            }
            None => groups.push((when, vec![path.mark.to_string()], target, unplaced(s).len())),
        }
    }
    let not_ready_groups = groups
        .iter()
        .filter(|(w, ..)| w.starts_with(NOT_READY))
        .count();
    let (mut ready_parts, mut not_ready, mut other) = (Vec::new(), Vec::new(), Vec::new());
    for (when, marks, target, count) in &groups {
        let marks = list(marks);
        if let Some(why) = when.strip_prefix(NOT_READY) {
            if not_ready_groups == 1 || *target {
                not_ready.insert(0, format!("{marks}: {why}"));
            } else {
                let courses = if *count == 1 { "course" } else { "courses" };
                not_ready.push(format!("{marks}: {count} core {courses} in no term"));
            }
        } else if let Some(after) = when.strip_prefix("ready ") {
            ready_parts.push(format!("{marks} {after}"));
        } else {
            other.push(format!("{marks}: {when}."));
        }
    }
    let mut sentences = Vec::new();
    if !ready_parts.is_empty() {
        sentences.push(format!("Ready as planned: {}.", ready_parts.join("; ")));
    }
    if !not_ready.is_empty() {
        sentences.push(format!("Not ready as planned: {}.", not_ready.join("; ")));
    }
    sentences.extend(other);
    sentences.join(" ")
}

/// One next step as a phrase, e.g. "take BE301 Microservice Architecture and Docker next,
/// in Semester III".
pub fn step(plan: &Plan, step: &Step) -> String {
    let c = step.course();
    match step {
        Step::Place(_) => format!("place {} {}: it is in no term", c.code, c.title),
        Step::Take(_, term) => format!(
            "take {} {} next, in {}",
            c.code,
            c.title,
            plan.terms.get(*term).map_or("", |t| t.name.as_str())
        ),
        Step::Focus(_) => format!("focus project {} on this path", c.code),
    }
}

/// Codes to name in one sentence, at most; the rest are counted ("and 12 more").
const NAMED: usize = 5;

/// [`list`] of the first [`NAMED`] items, then how many more there are.
fn list_some(items: &[&str]) -> String {
    if items.len() <= NAMED {
        return list(items);
    }
    let mut shown: Vec<String> = items[..NAMED].iter().map(|s| s.to_string()).collect();
    shown.push(format!("{} more", items.len() - NAMED));
    list(&shown)
}

/// "A", "A and B", "A, B and C".
pub fn list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => format!(
            "{} and {}",
            init.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}
