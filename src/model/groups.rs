//! Requirement groups as written (a tree of groups, program-wide limits, streams) and
//! resolved once against the catalog ([`Index`]); `requirements` assigns a plan's courses.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::course::Course;
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
    pub fn holds(&self, course: &Course) -> bool {
        match self {
            Item::Pattern(p) => course.matches(p),
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
pub(super) struct Node {
    /// Its parent node, for a sub-group.
    pub(super) parent: Option<usize>,
    /// The root node of its tree.
    pub(super) root: usize,
    /// How deep it is (0 for a top-level group).
    pub(super) depth: usize,
    /// Whose group it is.
    pub(super) owner: Owner,
    /// Assignment order: (kind, file order).
    pub(super) rank: (u8, usize),
}

/// The catalog a group tree is resolved against: its courses, and where each code sits.
pub struct Catalog<'a> {
    /// The courses, in file order.
    pub courses: &'a [Course],
    /// Each code's index in `courses`.
    pub position: &'a foldhash::HashMap<String, usize>,
}

/// The groups of a curriculum flattened in file order (program, then each stream option),
/// with each course's eligible groups resolved once against the catalog.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    pub(super) nodes: Vec<Node>,
    /// Per course index: the nodes it may fill, in assignment order.
    pub(super) eligible: Vec<Vec<usize>>,
    /// Per course index: the limits it falls under.
    pub(super) limits: Vec<Vec<usize>>,
    /// Per node: its sub-groups' nodes.
    pub(super) children: Vec<Vec<usize>>,
    /// Group id to node.
    pub(super) by_id: HashMap<String, usize>,
}

impl Index {
    /// Resolves a program's groups, its streams' groups and its limits against `c` (once
    /// per pattern and course).
    pub fn new(c: &Catalog, requirements: &[Group], streams: &[Stream], limits: &[Limit]) -> Self {
        let mut index = Index {
            eligible: vec![Vec::new(); c.courses.len()],
            limits: vec![Vec::new(); c.courses.len()],
            ..Index::default()
        };
        let mut order = 0;
        for g in requirements {
            index.add(c, g, None, Owner::Program, &[], &mut order);
        }
        for (s, stream) in streams.iter().enumerate() {
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
        for (l, limit) in limits.iter().enumerate() {
            for i in resolve(c, &limit.from, true) {
                index.limits[i].push(l);
            }
        }
        index
    }

    fn add(
        &mut self,
        c: &Catalog,
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
pub fn resolve(c: &Catalog, items: &[Item], include_required: bool) -> Vec<usize> {
    let mut out: Vec<usize> = items
        .iter()
        .flat_map(Item::codes)
        .filter_map(|code| c.position.get(code).copied())
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
                .filter(|(_, x)| patterns.iter().any(|p| x.matches(p)))
                .map(|(i, _)| i),
        );
    }
    out.sort_unstable();
    out.dedup();
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
