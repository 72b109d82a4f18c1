//! Requirement groups as a tree (issue 14): "N credits or N courses from a list, a pattern or
//! sub-groups", caps, program-wide limits, and streams (choose one major; an optional minor).
//!
//! The written shapes are here; [`Index`] resolves every pattern once against the catalog
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

use serde::{Deserialize, Serialize};

use super::curriculum::{Course, Curriculum};
use super::plan::Plan;
use super::requisite::Pattern;
use super::text::Clean;

/// How much of a group is needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Need {
    /// Every item and every sub-group.
    All,
    /// At least this many credits.
    Credits(u32),
    /// At least this many courses.
    Courses(u32),
    /// At least this many sub-groups complete.
    Groups(u32),
}

/// One entry of a group's `from` (or `exclude`) list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "ItemRon", into = "ItemRon")]
pub enum Item {
    /// One course.
    Course(String),
    /// One of these courses (any one fills the item).
    OneOf(Vec<String>),
    /// Every course the pattern matches.
    Pattern(Pattern),
}

/// [`Item`] as written: `pattern(subject: "COMP", level: 3)`, without a second pair of
/// parentheses around the pattern.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case", rename = "Item")]
enum ItemRon {
    Course(String),
    OneOf(Vec<String>),
    Pattern {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        subject: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        level: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        code: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        attribute: Option<String>,
    },
}

impl From<ItemRon> for Item {
    fn from(item: ItemRon) -> Self {
        match item {
            ItemRon::Course(c) => Item::Course(c),
            ItemRon::OneOf(cs) => Item::OneOf(cs),
            ItemRon::Pattern {
                subject,
                level,
                code,
                attribute,
            } => Item::Pattern(Pattern {
                subject,
                level,
                code,
                attribute,
            }),
        }
    }
}

impl From<Item> for ItemRon {
    fn from(item: Item) -> Self {
        match item {
            Item::Course(c) => ItemRon::Course(c),
            Item::OneOf(cs) => ItemRon::OneOf(cs),
            Item::Pattern(p) => ItemRon::Pattern {
                subject: p.subject,
                level: p.level,
                code: p.code,
                attribute: p.attribute,
            },
        }
    }
}

impl Item {
    /// The codes it names (none for a pattern).
    pub fn codes(&self) -> &[String] {
        match self {
            Item::Course(c) => std::slice::from_ref(c),
            Item::OneOf(cs) => cs,
            Item::Pattern(_) => &[],
        }
    }

    /// Whether `course` is one of it.
    fn holds(&self, course: &Course) -> bool {
        match self {
            Item::Pattern(p) => p.matches(course),
            _ => self.codes().contains(&course.code),
        }
    }

    /// In words: "COMP1511", "one of MATH1131 or MATH1141", "level-3 COMP".
    pub fn describe(&self) -> String {
        match self {
            Item::Course(c) => c.clone(),
            Item::OneOf(cs) => format!("one of {}", cs.join(" or ")),
            Item::Pattern(p) => p.describe(),
        }
    }
}

/// A requirement group: what it needs, from which courses, with its sub-groups and caps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Unique in the file, e.g. "computing"; `counts_toward` names groups by it.
    pub id: String,
    /// Shown in problems and reports, e.g. "Computing Electives".
    pub name: String,
    /// How much is needed; none for a sub-group that only caps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need: Option<Need>,
    /// The courses that count toward it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<Item>,
    /// Sub-groups; what fills them counts toward this group too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    /// At most this many credits of its courses (sub-groups included) count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_credits: Option<u32>,
    /// At most this many of its courses count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_courses: Option<u32>,
    /// Courses that never count toward it (or its sub-groups).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<Item>,
    /// Whether a course counted here may count toward other groups too.
    #[serde(default, skip_serializing_if = "is_false")]
    pub shared: bool,
    /// Whether required courses its patterns match count toward it as well.
    #[serde(default, skip_serializing_if = "is_false")]
    pub include_required: bool,
}

/// A program-wide cap: at most so many credits (or courses) of the matching courses count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    /// Shown in notes, e.g. "Maximum Level 1".
    pub name: String,
    /// At most this many credits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_credits: Option<u32>,
    /// At most this many courses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_courses: Option<u32>,
    /// The courses it caps.
    pub from: Vec<Item>,
}

/// A choice the plan makes: one major, an optional minor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stream {
    /// The key in the plan's `choices`, e.g. "major".
    pub id: String,
    /// Shown to the student, e.g. "Computer Science major".
    pub name: String,
    /// Whether every student must choose one.
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// The option the audit uses (with a warning) while none is chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    /// A group (by id) that the chosen option's courses also fill.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts_toward: Option<String>,
    /// The options.
    pub options: Vec<StreamOption>,
}

/// One option of a stream: a major, a minor, a specialisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StreamOption {
    /// What `choices` and `enrolled(stream: ..)` name, e.g. "COMPA1".
    pub code: String,
    /// Its name, e.g. "Computer Science".
    pub name: String,
    /// Its groups, which apply with the program's own when it is chosen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<Group>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Group {
    /// Whether any item of `from` is a pattern.
    pub fn has_pattern(&self) -> bool {
        self.from.iter().any(|i| matches!(i, Item::Pattern(_)))
    }
}

/// Where a group of the tree sits: the program's own, or a stream option's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// The program's `requirements`.
    Program,
    /// The option `option` of the stream `stream` (indices into `streams` and `options`).
    Stream { stream: usize, option: usize },
}

/// One group of the flattened tree.
#[derive(Debug, Clone, PartialEq)]
struct Node {
    /// Its parent node, for a sub-group.
    parent: Option<usize>,
    /// The root node of its tree.
    root: usize,
    /// How deep it is (0 for a top-level group).
    depth: usize,
    owner: Owner,
    /// Assignment order: (kind, file order).
    rank: (u8, usize),
}

/// The groups of a curriculum flattened in file order (program, then each stream option),
/// with each course's eligible groups resolved once against the catalog.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    nodes: Vec<Node>,
    /// Per course index: the nodes it may fill, in assignment order.
    eligible: Vec<Vec<usize>>,
    /// Per course index: the limits it falls under.
    limits: Vec<Vec<usize>>,
    /// Per node: its sub-groups' nodes.
    children: Vec<Vec<usize>>,
    /// Group id to node.
    by_id: HashMap<String, usize>,
}

impl Index {
    /// Resolves `c`'s groups and limits (once per pattern and course).
    pub fn new(c: &Curriculum) -> Self {
        let mut index = Index {
            eligible: vec![Vec::new(); c.courses.len()],
            limits: vec![Vec::new(); c.courses.len()],
            ..Index::default()
        };
        let mut order = 0;
        for g in &c.requirements {
            index.add(c, g, None, Owner::Program, &[], &mut order);
        }
        for (s, stream) in c.streams.iter().enumerate() {
            for (o, option) in stream.options.iter().enumerate() {
                for g in &option.requirements {
                    let owner = Owner::Stream {
                        stream: s,
                        option: o,
                    };
                    index.add(c, g, None, owner, &[], &mut order);
                }
            }
        }
        // A course a sub-group holds counts toward its parents only through it, so their own
        // patterns cannot carry it past the sub-group's cap.
        for list in &mut index.eligible {
            let nodes = &index.nodes;
            let held: Vec<usize> = list.clone();
            list.retain(|&n| {
                !held.iter().any(|&m| {
                    std::iter::successors(nodes[m].parent, |&a| nodes[a].parent).any(|a| a == n)
                })
            });
            list.sort_by_key(|&n| nodes[n].rank);
        }
        for (l, limit) in c.limits.iter().enumerate() {
            for i in resolve(c, &limit.from, true) {
                index.limits[i].push(l);
            }
        }
        index
    }

    fn add(
        &mut self,
        c: &Curriculum,
        g: &Group,
        parent: Option<usize>,
        owner: Owner,
        excluded: &[&Item],
        order: &mut usize,
    ) {
        let n = self.nodes.len();
        let kind = match g.need {
            Some(Need::All) => 0,
            _ if g
                .from
                .iter()
                .any(|i| *i == Item::Pattern(Pattern::default())) =>
            {
                3
            }
            _ if g.has_pattern() => 2,
            _ => 1,
        };
        self.children.push(Vec::new());
        if let Some(p) = parent {
            self.children[p].push(n);
        }
        self.nodes.push(Node {
            parent,
            root: parent.map_or(n, |p| self.nodes[p].root),
            depth: parent.map_or(0, |p| self.nodes[p].depth + 1),
            owner,
            rank: (kind, *order),
        });
        *order += 1;
        self.by_id.entry(g.id.clone()).or_insert(n);
        let excluded: Vec<&Item> = excluded.iter().copied().chain(&g.exclude).collect();
        for i in resolve(c, &g.from, g.include_required) {
            let course = &c.courses[i];
            if !excluded.iter().any(|x| x.holds(course)) && !self.eligible[i].contains(&n) {
                self.eligible[i].push(n);
            }
        }
        for sub in &g.groups {
            self.add(c, sub, Some(n), owner, &excluded, order);
        }
    }
}

/// The course indices `items` hold: the codes they name, and the courses their patterns
/// match (required courses only with `include_required`).
fn resolve(c: &Curriculum, items: &[Item], include_required: bool) -> Vec<usize> {
    let mut out: Vec<usize> = items
        .iter()
        .flat_map(Item::codes)
        .filter_map(|code| c.course_index(code))
        .collect();
    let patterns: Vec<&Pattern> = items
        .iter()
        .filter_map(|i| match i {
            Item::Pattern(p) => Some(p),
            _ => None,
        })
        .collect();
    if !patterns.is_empty() {
        out.extend(
            c.courses
                .iter()
                .enumerate()
                .filter(|(_, x)| include_required || !x.required)
                .filter(|(_, x)| patterns.iter().any(|p| p.matches(x)))
                .map(|(i, _)| i),
        );
    }
    out.sort_unstable();
    out.dedup();
    out
}

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
        fresh = Index::new(c);
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
    for p in plan.terms.iter().flat_map(|t| &t.courses) {
        let Some(i) = c.course_index(&p.code) else {
            continue;
        };
        if !seen.insert(p.code.as_str()) {
            continue;
        }
        let course = &c.courses[i];
        let credits = c.placed_credits(course, p);
        credits_of.insert(p.code.as_str(), credits);
        for &l in &index.limits[i] {
            limit_totals[l].0 += credits;
            limit_totals[l].1 += 1;
        }
        let eligible: Vec<usize> = index.eligible[i]
            .iter()
            .copied()
            .filter(|&n| in_force(n))
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
                    code: p.code.clone(),
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
            tally[chosen].filled_by.push(p.code.clone());
            filled.entry(p.code.clone()).or_default().push(chosen);
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

impl Clean for Item {
    fn clean_strings(&mut self) -> usize {
        match self {
            Item::Course(c) => c.clean_strings(),
            Item::OneOf(cs) => cs.clean_strings(),
            Item::Pattern(p) => p.clean_strings(),
        }
    }
}

impl Clean for Group {
    fn clean_strings(&mut self) -> usize {
        self.id.clean_strings()
            + self.name.clean_strings()
            + self.from.clean_strings()
            + self.groups.clean_strings()
            + self.exclude.clean_strings()
    }
}

impl Clean for Limit {
    fn clean_strings(&mut self) -> usize {
        self.name.clean_strings() + self.from.clean_strings()
    }
}

impl Clean for Stream {
    fn clean_strings(&mut self) -> usize {
        self.id.clean_strings()
            + self.name.clean_strings()
            + self.default.clean_strings()
            + self.counts_toward.clean_strings()
            + self.options.clean_strings()
    }
}

impl Clean for StreamOption {
    fn clean_strings(&mut self) -> usize {
        self.code.clean_strings() + self.name.clean_strings() + self.requirements.clean_strings()
    }
}
