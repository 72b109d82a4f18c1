//! What a plan still needs, and the courses chosen to meet it: the selection half of the
//! auto-plan, kept apart from scheduling so that other requirements (groups, streams) plug in
//! through [`Needs`].

use std::cmp::Reverse;

use crate::model::curriculum::Curriculum;

/// One requirement a set of chosen courses does not meet yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Need {
    /// This course (an index into `courses`) must be taken.
    Course(usize),
    /// Taking `course` adds to the requirement `name` (a group that judges by assignment).
    Toward {
        /// The requirement's name.
        name: String,
        /// The course to take, an index into `courses`.
        course: usize,
    },
    /// `short` more credits from `from` (indices into `courses`; `None`: any course).
    Credits {
        /// The requirement's name, e.g. "Specialisation electives" or "the degree total".
        name: String,
        /// Credits still missing.
        short: u32,
        /// Courses that count toward it; `None` when every course does.
        from: Option<Vec<usize>>,
    },
}

/// Answers "what is still needed" for a choice of courses: `chosen[i]` is the credits course
/// `i` earns when chosen. The auto-plan adds courses until the answer is empty.
pub trait Needs {
    /// The needs not met by `chosen`, most specific first (the first is met first).
    fn still_needed(&self, curriculum: &Curriculum, chosen: &[Option<u32>]) -> Vec<Need>;
}

/// The program's own needs: every required course, each elective group's credits, then the
/// degree total.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProgramNeeds;

impl Needs for ProgramNeeds {
    fn still_needed(&self, c: &Curriculum, chosen: &[Option<u32>]) -> Vec<Need> {
        let mut needs: Vec<Need> = c
            .courses
            .iter()
            .enumerate()
            .filter(|(i, course)| course.required && chosen[*i].is_none())
            .map(|(i, _)| Need::Course(i))
            .collect();
        let mut group_credits = vec![0; c.electives.len()];
        for (i, _) in chosen.iter().enumerate().filter(|(_, x)| x.is_some()) {
            for &g in c.groups_of(i) {
                group_credits[g] += c.courses[i].credits;
            }
        }
        for (group, &have) in c.electives.iter().zip(&group_credits) {
            if have < group.min_credits {
                let mut from: Vec<usize> = group
                    .courses
                    .iter()
                    .filter_map(|code| c.course_index(code))
                    .collect();
                from.sort_unstable();
                from.dedup();
                needs.push(Need::Credits {
                    name: group.name.clone(),
                    short: group.min_credits - have,
                    from: Some(from),
                });
            }
        }
        let total: u32 = chosen.iter().flatten().sum();
        if total < c.degree_credits {
            needs.push(Need::Credits {
                name: "the degree total".into(),
                short: c.degree_credits - total,
                from: None,
            });
        }
        needs
    }
}

/// Why a course was chosen, for its explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// It was already in the plan.
    InPlan,
    /// The program requires it.
    Required,
    /// It counts toward the named requirement.
    CountsToward(String),
    /// Another chosen course needs it first (by index).
    NeededBy(usize),
}

/// The courses chosen to meet every need, with why each was chosen.
#[derive(Debug, Clone)]
pub struct Selection {
    /// Per course: the credits it earns when chosen.
    pub chosen: Vec<Option<u32>>,
    /// Per course: why it was chosen.
    pub why: Vec<Option<Why>>,
}

/// The course codes `course` needs placed in an earlier term in every alternative: its
/// `prerequisites` and the must-have codes of its `requires`.
pub fn must_before(c: &Curriculum, course: usize) -> Vec<&str> {
    let course = &c.courses[course];
    let mut codes: Vec<&str> = course.prerequisites.iter().map(String::as_str).collect();
    if let Some(req) = &course.requires {
        codes.extend(req.must_codes());
    }
    let mut seen = std::collections::BTreeSet::new();
    codes.retain(|code| seen.insert(*code));
    codes
}

/// Starting from `start` (courses already chosen, with why), chooses courses until `needs`
/// reports nothing: a required course is taken, a credit need takes its best candidate (fewest
/// prerequisites not yet chosen, then strongest for `target`, then earliest recommended
/// semester, then curriculum order), and every course chosen brings the courses it must have
/// first. Never chooses a course excluded by one already chosen. Deterministic.
pub fn select(
    c: &Curriculum,
    needs: &dyn Needs,
    start: Selection,
    target: Option<&str>,
) -> Result<Selection, String> {
    let mut s = start;
    let excluded = |s: &Selection, i: usize| {
        c.links()
            .excludes(&c.courses[i].code)
            .iter()
            .filter_map(|code| c.course_index(code))
            .find(|&j| s.chosen[j].is_some())
    };
    let mut pending: Vec<usize> = (0..c.courses.len())
        .filter(|&i| s.chosen[i].is_some())
        .collect();
    for _ in 0..=c.courses.len() {
        // The courses each chosen course must have first.
        while let Some(i) = pending.pop() {
            for code in must_before(c, i) {
                let Some(j) = c.course_index(code) else {
                    continue;
                };
                if s.chosen[j].is_none() {
                    if let Some(k) = excluded(&s, j) {
                        return Err(format!(
                            "{} needs {} first, which excludes {}, already in the plan",
                            c.courses[i].code, c.courses[j].code, c.courses[k].code
                        ));
                    }
                    s.chosen[j] = Some(c.courses[j].credits);
                    s.why[j] = Some(Why::NeededBy(i));
                    pending.push(j);
                }
            }
        }
        let Some(need) = needs.still_needed(c, &s.chosen).into_iter().next() else {
            return Ok(s);
        };
        let (pick, why) = match need {
            Need::Course(i) => {
                if let Some(k) = excluded(&s, i) {
                    return Err(format!(
                        "{} is required, but {} in the plan excludes it",
                        c.courses[i].code, c.courses[k].code
                    ));
                }
                (i, Why::Required)
            }
            Need::Toward { name, course } => {
                if let Some(k) = excluded(&s, course) {
                    return Err(format!(
                        "{name} needs {}, but {} in the plan excludes it",
                        c.courses[course].code, c.courses[k].code
                    ));
                }
                (course, Why::CountsToward(name))
            }
            Need::Credits { name, short, from } => {
                let rank = |i: usize| {
                    let course = &c.courses[i];
                    let missing = must_before(c, i)
                        .into_iter()
                        .filter(|code| c.course_index(code).is_none_or(|j| s.chosen[j].is_none()))
                        .count();
                    let weight = target.and_then(|t| course.careers.get(t)).copied();
                    (
                        missing,
                        Reverse(weight.unwrap_or(0)),
                        course.semester.unwrap_or(u32::MAX),
                        i,
                    )
                };
                let open = |i: &usize| s.chosen[*i].is_none() && excluded(&s, *i).is_none();
                let best = match &from {
                    Some(from) => from.iter().copied().filter(open).min_by_key(|&i| rank(i)),
                    None => (0..c.courses.len()).filter(open).min_by_key(|&i| rank(i)),
                };
                let Some(best) = best else {
                    return Err(format!(
                        "{name} needs {short} more credits, and no course left can give them"
                    ));
                };
                (best, Why::CountsToward(name))
            }
        };
        s.chosen[pick] = Some(c.courses[pick].credits);
        s.why[pick] = Some(why);
        pending.push(pick);
    }
    Err("the program's requirements could not all be met".into())
}
