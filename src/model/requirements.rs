//! Requirement groups as a tree (issue 14): "N credits or N courses from a list, a pattern or
//! sub-groups", caps, program-wide limits, and streams (choose one major; an optional minor).
//!
//! The written shapes are in [`super::groups`], whose `Index` resolves every pattern once against the catalog
//! (in [`Curriculum::prepare`]), and [`progress`] assigns a plan's courses to the groups in a
//! fixed order, linear in the plan and the groups its courses touch.
//!
//! **Assignment rule.** Each placed course, in plan order, is given to one group among those
//! that do not share, tried in this order: `need: all` groups, then groups with only explicit
//! lists, then pattern groups, then catch-all groups (`pattern()`), each kind in file order (a
//! sub-group before a later group). It takes the first that still needs it and whose caps
//! (its own and its parents') it fits; if none needs it, the first whose caps it fits; if
//! every one is capped, the first, where the cap keeps it from counting (an over-cap note).
//! Besides, each `shared` tree, and each `include_required` group for a required course,
//! counts it by the same rule. Then one repair step: each short credits or courses group
//! takes, at most once, a course another group holds but stays complete without. Required
//! courses count only toward groups that name them (`course`, `one_of`) or that set
//! `include_required`.

use std::collections::{BTreeMap, HashMap};

use super::course::Course;
use super::curriculum::Curriculum;
use super::groups::{Group, Index, Limit, Need, Owner, Stream, StreamOption};
use super::plan::Plan;

/// How a group's progress is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Credits.
    Credits,
    /// Courses.
    Courses,
    /// Complete sub-groups.
    Groups,
    /// Items (and sub-groups) of a `need: all` group.
    Items,
}

impl Unit {
    /// The unit's plural noun: "credits", "courses", "sub-groups", "items".
    pub fn noun(self) -> &'static str {
        match self {
            Unit::Credits => "credits",
            Unit::Courses => "courses",
            Unit::Groups => "sub-groups",
            Unit::Items => "items",
        }
    }
}

impl Unit {
    /// `n` of the unit in words: "1 course", "12 credits".
    pub fn count(self, n: u32) -> String {
        let noun = self.noun();
        if n == 1 {
            format!("1 {}", &noun[..noun.len() - 1])
        } else {
            format!("{n} {noun}")
        }
    }
}

/// Where the plan stands in one group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupProgress<'c> {
    /// The group as written.
    pub group: &'c Group,
    /// Its depth in its tree (0 for a top-level group).
    pub depth: usize,
    /// Its parent group, as an index into [`Progress::groups`].
    pub parent: Option<usize>,
    /// Whose group it is.
    pub owner: Owner,
    /// What `have` and `need` count.
    pub unit: Unit,
    /// How much the plan gives it (caps applied).
    pub have: u32,
    /// How much it needs (0 for a cap-only sub-group).
    pub need: u32,
    /// Whether it and its sub-groups are complete.
    pub met: bool,
    /// Credits of its courses that count (caps applied).
    pub credits: u32,
    /// Credits placed toward it that its own cap kept from counting (0 when none).
    pub over_cap: u32,
    /// Codes of the placed courses that filled it directly, in plan order.
    pub filled_by: Vec<String>,
    /// What is left, in words: unfilled items of a `need: all` group, or "12 credits".
    pub left: Vec<String>,
}

/// Where the plan stands in one stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamProgress<'c> {
    /// The stream as written.
    pub stream: &'c Stream,
    /// The option in force, if any (the plan's choice, else a required stream's default).
    pub option: Option<&'c StreamOption>,
    /// Whether the plan chose it (false when the default is used, or nothing).
    pub chosen: bool,
    /// The plan's choice when it names no option of the stream.
    pub unknown_choice: Option<String>,
}

/// A program-wide limit the plan goes over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitOver<'c> {
    /// The limit.
    pub limit: &'c Limit,
    /// Credits (or courses, for `max_courses`) placed under it.
    pub placed: u32,
    /// What it allows.
    pub max: u32,
    /// What is counted: credits or courses.
    pub unit: Unit,
}

/// The requirement groups, streams and limits of one plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress<'c> {
    /// Every group in force, in file order (program, then the options in force), parents
    /// before their sub-groups.
    pub groups: Vec<GroupProgress<'c>>,
    /// Every stream, in file order.
    pub streams: Vec<StreamProgress<'c>>,
    /// The limits the plan goes over.
    pub limits: Vec<LimitOver<'c>>,
    /// Placed code to the indices into `groups` it filled (one per tree).
    filled: BTreeMap<String, Vec<usize>>,
}

impl<'c> Progress<'c> {
    /// The groups (indices into `groups`) the course `code` filled: why it counts.
    pub fn filled_by(&self, code: &str) -> &[usize] {
        self.filled.get(code).map_or(&[], Vec::as_slice)
    }

    /// Whether the curriculum has any group or stream to show.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty() && self.streams.is_empty()
    }
}

/// Running totals of one node during assignment.
#[derive(Debug, Clone, Default)]
struct Tally {
    credits: u32,
    courses: u32,
    /// Credits its own cap kept from counting.
    over_cap: u32,
    /// Items of `from` filled (for `need: all`).
    items: Vec<bool>,
    filled_by: Vec<String>,
}

/// Every group's progress in `plan`: the option in force of each stream, the assignment of
/// each placed course (see the module's rule), caps, and limits.
pub fn progress<'c>(c: &'c Curriculum, plan: &Plan) -> Progress<'c> {
    let streams: Vec<StreamProgress> = c
        .streams
        .iter()
        .map(|s| {
            let choice = plan.choices.get(&s.id);
            let picked = choice.and_then(|code| s.options.iter().find(|o| o.code == *code));
            let option = picked.or_else(|| {
                (choice.is_none() && s.required)
                    .then(|| {
                        let d = s.default.as_ref()?;
                        s.options.iter().find(|o| o.code == *d)
                    })
                    .flatten()
            });
            StreamProgress {
                stream: s,
                option,
                chosen: picked.is_some(),
                unknown_choice: choice.filter(|_| picked.is_none()).cloned(),
            }
        })
        .collect();
    let groups = all_groups(c);
    // A curriculum edited without `prepare` again has a stale index: build a fresh one.
    let fresh;
    let prepared = c.requirement_index();
    let index = if prepared.nodes.len() == groups.len()
        && prepared.eligible.len() == c.courses.len()
        && prepared.limits.len() == c.courses.len()
    {
        prepared
    } else {
        fresh = c.resolve_groups();
        &fresh
    };
    let in_force = |n: usize| match index.nodes[n].owner {
        Owner::Program => true,
        Owner::Stream { stream, option } => streams[stream]
            .option
            .is_some_and(|o| std::ptr::eq(o, &c.streams[stream].options[option])),
    };
    let mut tally: Vec<Tally> = groups
        .iter()
        .map(|g| Tally {
            items: vec![false; g.from.len()],
            ..Tally::default()
        })
        .collect();
    let shared_root = |n: usize| groups[index.nodes[n].root].shared;
    let ancestors = |n: usize| std::iter::successors(Some(n), |&m| index.nodes[m].parent);

    // Each placed known course once, in plan order.
    let mut seen = std::collections::HashSet::new();
    let mut limit_totals = vec![(0u32, 0u32); c.limits.len()];
    let mut filled: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut credits_of: HashMap<&str, u32> = HashMap::new();
    let mut counted: Vec<Placed> = Vec::new();
    // Prior credit first, as completed before the first term (issue 15): (code, credits,
    // whether it is prior credit).
    let prior = plan
        .prior
        .iter()
        .filter(|e| super::prior::allowed(c, e))
        .filter_map(|e| Some((e.course()?, e.credits, true)));
    let scale = super::gpa::scale_of(c);
    let placed = plan.terms.iter().flat_map(|t| &t.courses).filter_map(|p| {
        if super::gpa::failed(scale, p) {
            return None;
        }
        let credits = p.credits_of(c.course(&p.code)?);
        Some((p.code.as_str(), credits, false))
    });
    for (code, credits, is_prior) in prior.chain(placed) {
        let Some(i) = c.course_index(code) else {
            continue;
        };
        if !seen.insert(code) {
            continue;
        }
        let course = &c.courses[i];
        credits_of.insert(code, credits);
        for &l in &index.limits[i] {
            limit_totals[l].0 += credits;
            limit_totals[l].1 += 1;
        }
        let eligible: Vec<usize> = index.eligible[i]
            .iter()
            .copied()
            .filter(|&n| in_force(n))
            .filter(|&n| !(is_prior && super::prior::taken_here(c, &groups[n].id)))
            .collect();
        // One pick among the groups that do not share (all of them, across trees), then one
        // in each tree that counts it besides: shared trees, and include_required groups for
        // a required course.
        let extra = |n: usize| shared_root(n) || (course.required && groups[n].include_required);
        let exclusive: Vec<usize> = eligible.iter().copied().filter(|&n| !extra(n)).collect();
        let mut picks: Vec<Vec<usize>> = vec![exclusive];
        for &n in &eligible {
            let root = index.nodes[n].root;
            if extra(n) && !picks.iter().flatten().any(|&m| index.nodes[m].root == root) {
                picks.push(
                    eligible
                        .iter()
                        .copied()
                        .filter(|&m| extra(m) && index.nodes[m].root == root)
                        .collect(),
                );
            }
        }
        for (k, candidates) in picks.into_iter().enumerate() {
            let fits = |m: usize| {
                ancestors(m).all(|a| {
                    let g = groups[a];
                    g.max_credits
                        .is_none_or(|cap| tally[a].credits + credits <= cap)
                        && g.max_courses.is_none_or(|cap| tally[a].courses < cap)
                })
            };
            let needs = |m: usize| ancestors(m).any(|a| wants(groups[a], &tally[a], course));
            let Some(chosen) = candidates
                .iter()
                .copied()
                .find(|&m| fits(m) && needs(m))
                .or_else(|| candidates.iter().copied().find(|&m| fits(m)))
                .or_else(|| candidates.first().copied())
            else {
                continue;
            };
            if k == 0 && fits(chosen) {
                counted.push(Placed {
                    code: code.to_string(),
                    credits,
                    node: chosen,
                    eligible: candidates.clone(),
                });
            }
            let g = groups[chosen];
            if matches!(g.need, Some(Need::All))
                && let Some(k) =
                    (0..g.from.len()).find(|&k| !tally[chosen].items[k] && g.from[k].holds(course))
            {
                tally[chosen].items[k] = true;
            }
            tally[chosen].filled_by.push(code.to_string());
            filled.entry(code.to_string()).or_default().push(chosen);
            // It counts up the tree until a cap it would exceed, which notes the excess.
            for a in ancestors(chosen) {
                let cap = groups[a];
                let t = &mut tally[a];
                if cap.max_credits.is_some_and(|m| t.credits + credits > m)
                    || cap.max_courses.is_some_and(|m| t.courses >= m)
                {
                    t.over_cap += credits;
                    break;
                }
                t.credits += credits;
                t.courses += 1;
            }
        }
    }

    repair(
        &groups,
        index,
        &mut tally,
        &mut filled,
        &mut counted,
        &in_force,
    );

    // A stream's courses also fill the group it counts toward.
    for (s, sp) in streams.iter().enumerate() {
        let (Some(target), Some(_)) = (&c.streams[s].counts_toward, sp.option) else {
            continue;
        };
        let Some(&t) = index.by_id.get(target) else {
            continue;
        };
        let from_stream: Vec<(String, u32)> = filled
            .iter()
            .filter(|(_, ns)| {
                ns.iter().any(
                    |&n| matches!(index.nodes[n].owner, Owner::Stream { stream, .. } if stream == s),
                )
            })
            .map(|(code, _)| (code.clone(), credits_of[code.as_str()]))
            .collect();
        for (code, credits) in from_stream {
            if filled[&code].contains(&t) {
                continue;
            }
            tally[t].filled_by.push(code.clone());
            filled.entry(code).or_default().push(t);
            for a in ancestors(t) {
                tally[a].credits += credits;
                tally[a].courses += 1;
            }
        }
    }

    // Complete, bottom up (sub-groups come after their parents).
    let mut met = vec![false; groups.len()];
    for n in (0..groups.len()).rev() {
        let g = groups[n];
        let subs = &index.children[n];
        let subs_done = subs.iter().filter(|&&m| met[m]).count() as u32;
        met[n] = match g.need {
            None => true,
            Some(Need::All) => tally[n].items.iter().all(|&b| b) && subs_done == subs.len() as u32,
            Some(Need::Groups(k)) => subs_done >= k,
            Some(Need::Credits(k)) => tally[n].credits >= k && subs.iter().all(|&m| met[m]),
            Some(Need::Courses(k)) => tally[n].courses >= k && subs.iter().all(|&m| met[m]),
        };
    }

    let mut out = Vec::new();
    for (n, g) in groups.iter().copied().enumerate() {
        if !in_force(n) {
            continue;
        }
        let t = &tally[n];
        let subs = &index.children[n];
        let (unit, have, need) = match g.need {
            None if g.max_courses.is_some() && g.max_credits.is_none() => {
                (Unit::Courses, t.courses, 0)
            }
            None => (Unit::Credits, t.credits, 0),
            Some(Need::Credits(k)) => (Unit::Credits, t.credits, k),
            Some(Need::Courses(k)) => (Unit::Courses, t.courses, k),
            Some(Need::Groups(k)) => (
                Unit::Groups,
                subs.iter().filter(|&&m| met[m]).count() as u32,
                k,
            ),
            Some(Need::All) => (
                Unit::Items,
                t.items.iter().filter(|&&b| b).count() as u32
                    + subs.iter().filter(|&&m| met[m]).count() as u32,
                (g.from.len() + subs.len()) as u32,
            ),
        };
        let left = match g.need {
            Some(Need::All) => g
                .from
                .iter()
                .zip(&t.items)
                .filter(|(_, done)| !**done)
                .map(|(item, _)| item.describe())
                .collect(),
            Some(_) if have < need => vec![unit.count(need - have)],
            _ => Vec::new(),
        };
        out.push((
            n,
            GroupProgress {
                group: g,
                depth: index.nodes[n].depth,
                parent: index.nodes[n].parent,
                owner: index.nodes[n].owner,
                unit,
                have,
                need,
                met: met[n],
                credits: t.credits,
                over_cap: t.over_cap,
                filled_by: t.filled_by.clone(),
                left,
            },
        ));
    }
    let position: HashMap<usize, usize> =
        out.iter().enumerate().map(|(k, (n, _))| (*n, k)).collect();
    for (_, g) in &mut out {
        g.parent = g.parent.and_then(|n| position.get(&n).copied());
    }
    let filled = filled
        .into_iter()
        .map(|(code, ns)| {
            (
                code,
                ns.iter().filter_map(|n| position.get(n).copied()).collect(),
            )
        })
        .collect();
    let limits = c
        .limits
        .iter()
        .zip(&limit_totals)
        .filter_map(|(limit, &(credits, courses))| {
            if let Some(max) = limit.max_credits.filter(|&m| credits > m) {
                Some(LimitOver {
                    limit,
                    placed: credits,
                    max,
                    unit: Unit::Credits,
                })
            } else {
                limit
                    .max_courses
                    .filter(|&m| courses > m)
                    .map(|max| LimitOver {
                        limit,
                        placed: courses,
                        max,
                        unit: Unit::Courses,
                    })
            }
        })
        .collect();
    Progress {
        groups: out.into_iter().map(|(_, g)| g).collect(),
        streams,
        limits,
        filled,
    }
}

/// A course counted in a group that does not share, with the groups it could have filled.
struct Placed {
    code: String,
    credits: u32,
    node: usize,
    eligible: Vec<usize>,
}

/// One repair step: each short credits or courses group takes, at most once, a course from
/// another group that stays complete without it (and whose parents do), if its caps allow.
fn repair(
    groups: &[&Group],
    index: &Index,
    tally: &mut [Tally],
    filled: &mut BTreeMap<String, Vec<usize>>,
    placed: &mut [Placed],
    in_force: &dyn Fn(usize) -> bool,
) {
    let path = |n: usize| -> Vec<usize> {
        std::iter::successors(Some(n), |&m| index.nodes[m].parent).collect()
    };
    let short = |g: &Group, t: &Tally| match g.need {
        Some(Need::Credits(k)) => t.credits < k,
        Some(Need::Courses(k)) => t.courses < k,
        _ => false,
    };
    for to in (0..groups.len()).filter(|&n| in_force(n)) {
        if !short(groups[to], &tally[to]) {
            continue;
        }
        let to_path = path(to);
        let movable = placed.iter().position(|x| {
            let from_path = path(x.node);
            if from_path.contains(&to) || to_path.contains(&x.node) || !x.eligible.contains(&to) {
                return false;
            }
            let fits = to_path.iter().filter(|a| !from_path.contains(a)).all(|&a| {
                let (g, t) = (groups[a], &tally[a]);
                g.max_credits.is_none_or(|m| t.credits + x.credits <= m)
                    && g.max_courses.is_none_or(|m| t.courses < m)
            });
            let stays = from_path.iter().filter(|a| !to_path.contains(a)).all(|&a| {
                let (g, t) = (groups[a], &tally[a]);
                match g.need {
                    None => true,
                    Some(Need::Credits(k)) => t.credits >= k + x.credits,
                    Some(Need::Courses(k)) => t.courses > k,
                    Some(Need::All | Need::Groups(_)) => false,
                }
            });
            fits && stays
        });
        let Some(m) = movable else {
            continue;
        };
        let x = &mut placed[m];
        let (from_path, from) = (path(x.node), x.node);
        for &a in from_path.iter().filter(|a| !to_path.contains(a)) {
            tally[a].credits -= x.credits;
            tally[a].courses -= 1;
        }
        for &a in to_path.iter().filter(|a| !from_path.contains(a)) {
            tally[a].credits += x.credits;
            tally[a].courses += 1;
        }
        tally[from].filled_by.retain(|c| *c != x.code);
        tally[to].filled_by.push(x.code.clone());
        if let Some(nodes) = filled.get_mut(&x.code) {
            for n in nodes.iter_mut().filter(|n| **n == from) {
                *n = to;
            }
        }
        x.node = to;
    }
}

/// Whether the group still wants `course` for itself: an unfilled item of a `need: all`
/// group that holds it, or credits or courses short of its need.
fn wants(g: &Group, t: &Tally, course: &Course) -> bool {
    match g.need {
        None | Some(Need::Groups(_)) => false,
        Some(Need::All) => g
            .from
            .iter()
            .zip(&t.items)
            .any(|(item, done)| !done && item.holds(course)),
        Some(Need::Credits(k)) => t.credits < k,
        Some(Need::Courses(k)) => t.courses < k,
    }
}

/// Every group of `c` in the order [`Index`] numbers them: the program's, then each stream
/// option's, each tree in pre-order.
fn all_groups(c: &Curriculum) -> Vec<&Group> {
    fn walk<'g>(g: &'g Group, out: &mut Vec<&'g Group>) {
        out.push(g);
        for sub in &g.groups {
            walk(sub, out);
        }
    }
    let mut out = Vec::new();
    let options = c.streams.iter().flat_map(|s| &s.options);
    for g in c
        .requirements
        .iter()
        .chain(options.flat_map(|o| &o.requirements))
    {
        walk(g, &mut out);
    }
    out
}
