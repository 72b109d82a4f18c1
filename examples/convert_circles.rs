//! Converts the UNSW 2022 handbook data of devsoc-unsw/circles into a curriculum file:
//! every course with its requisite, published text, offerings, exclusions, equivalents,
//! credits and attributes, as program 3778 Computer Science (issue 14).
//!
//! ```text
//! cargo run --example convert_circles -- /work/.mirror/devsoc-unsw+circles/repo a30c09d3
//! ```
//!
//! It reads the JSON with `git show COMMIT:PATH` from the mirror's git directory, parses
//! circles' condition tokens with the grammar and the six converter rules of
//! `tools/circles_survey.py` (docs/design/requirement-language.md, section 5), applies the
//! hand fixes in `tools/circles_fixes.ron`, turns 3778's structure (programsProcessed,
//! specialisationsProcessed) into requirement groups, streams and minors, and writes `tests/catalogs/unsw-3778-2022.ron`
//! and `tests/catalogs/README.md` (the faithful share by construct). `--out DIR` writes
//! them elsewhere. The output is deterministic: rerunning reproduces the files byte for byte.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

use anyhow::{Context, Result, bail};
use clap::Parser;
use degree_planner::model::Course;
use degree_planner::model::Curriculum;
use degree_planner::model::groups::{Group, Item, Limit, Need, Stream, StreamOption};
use degree_planner::model::requisite::{MinGrade, Pattern, Req, Years};
use regex::Regex;
use serde::Deserialize;
use serde_json::Value;

const BASE: &str = "backend/data/final_data/";
const PROGRAM: &str = "3778";
const CATALOG: &str = "unsw-3778-2022.ron";
const TERM_KINDS: [&str; 7] = ["T0", "T1", "T2", "T3", "S1", "S2", "SC"];

#[derive(Parser)]
#[command(about = "Convert circles' UNSW 2022 handbook data into a curriculum file")]
struct Args {
    /// The circles mirror's git directory.
    git_dir: PathBuf,
    /// The commit to read, e.g. a30c09d3.
    commit: String,
    /// Where to write the catalog and its README.
    #[arg(long, default_value = "tests/catalogs")]
    out: PathBuf,
    /// The hand fixes.
    #[arg(long, default_value = "tools/circles_fixes.ron")]
    fixes: PathBuf,
}

/// A hand fix for one course, from `tools/circles_fixes.ron`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fix {
    /// The requisite as the published text says it, replacing the converted one.
    #[serde(default)]
    requires: Option<Req>,
    /// Alternate-year offering stated in prose.
    #[serde(default)]
    years: Option<Years>,
    /// Why the fix is needed (kept in the fixes file only).
    #[allow(dead_code)]
    why: String,
}

fn rx(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid pattern")
}

macro_rules! patterns {
    ($($name:ident = $re:expr;)*) => {
        $(static $name: LazyLock<Regex> = LazyLock::new(|| rx($re));)*
    };
}

// The survey's patterns, letter for letter.
patterns! {
    COURSE = r"^[A-Z]{4}\d{4}$";
    UOC = r"^(\d+)UOC$";
    WAM = r"^(\d+)WAM$";
    GRADE = r"^(\d+)GRADE$";
    PROGRAM_CODE = r"^(\d{4}|[A-Z]{5}\d{5}|[A-Z]{6}\d{4})$";
    PROGRAM_TYPE = r"^[A-Z]{4}#$";
    SPEC = r"^[A-Z?]{5}[0-9H?]$";
    SUBJECT = r"^[A-Z]{4}$";
    LEVEL = r"^L(\d)$";
    CODE_IN_TEXT = r"\b([A-Z]{4}\d{4})\b";
    TAG = r"<[^>]+>";
    FOUR_DIGITS = r"\b(\d{4})\b";
    STARTS_FOUR_DIGITS = r"^\d{4}";
    PERMISSION = r"(?i)permission|approv|consent|discretion|at the discretion|by invitation|audition|interview";
    PERMISSION_ALT = r"(?i)\bor\b[^.;]{0,60}?(permission|approv|consent|discretion)";
    PERMISSION_WHO = r"(?i)(?:permission|approval|consent|discretion)\s+(?:of|from|by)\s+(?:the\s+)?([^.;,()]{3,60}?)(?:\s+to\b|\s+prior\b|\s+before\b|[.;,()]|$)";
    ENROL_WORDS = r"(?i)enrol|program|stream|major|minor|honours|degree|plan\b";
    ENROL_FALSE = r"(?i)(to|order to) enrol(l)?(ing)?( in this course)?|concurrently enrolled in [A-Z]{4}\d{4}";
    NOT_ENROLLED = r"(?i)not (be )?enrolled|non-[A-Z]{2,}|must not be|excluded from|are not allowed";
    MANUAL = r"(?i)good (academic )?standing|final (year|term)|core requirements|year core|first year core|by application|audition|interview|portfolio|recommended|assumed knowledge|progression check|co-?op scholar|course overview|selection criteria|approv|permission|waiver|agreement|consent";
    STRUCTURAL = r"(?i)^(enrol\w*|program\w*|plan|majors?|minors?|streams?|honours|degree\w*|level|lv\d?|uoc|core|years?|not|non-?\w*|excluded|must|permission|approv\w*|consent|concurrent\w*|wam\w*|mark|grade|pass(ed)?|credit|final|from|except|only|either|each|overall|\d{4},?|[a-z]{4}#\.?)$";
    UOC_WORDS = r"(?i)\buoc\b|\d\s*uoc|units? of credit";
    WAM_WORDS = r"(?i)\bwam\b|\d\s*wam|mark of|minimum mark|grade|credit average|\bCR\b|\bDN\b|\bHD\b";
    COREQ_WORDS = r"(?i)co-?req|concurrent|corequisite";
    LEVEL_WORDS = r"(?i)level\s*\d|\blv\s*\d";
    EXCL_SPLIT = r"(?i)(exclu\w*|equivalen\w*)\s*:";
    ENROL = r"(?i)enrol";
    SUBJECT_LEVEL = r"^([A-Z]{4})(\d)$";
    ANY_LEVEL = r"^\.+(\d)$";
    VIP_CAP = r"(?i)up to (\d+) UOC of VIP";
    DEFAULT_STREAM = r"\b([A-Z]{4}[A-Z0-9]{2}) is the default";
    ONLY_ONE = r"(?i)only count ONE [^(]*\(([^)]*)\)";
    ALNUM = r"[A-Za-z0-9]";
}

// ---------------------------------------------------------------- token parser

/// A parsed requisite, as in the survey: operators, leaves, and unparsed words.
#[derive(Debug, Clone)]
enum Node {
    All(Vec<Node>),
    Any(Vec<Node>),
    Course(String),
    Coreq(Box<Node>),
    /// `NUOC [in CAT]`, `NWAM [in CAT]`: the category kind (survey's name) and its patterns.
    Uoc(u32, Option<Category>),
    Wam(u32, Option<Category>),
    /// `NGRADE in CODE`: the mark and the codes of its category.
    Grade(u32, Vec<String>),
    Program(String),
    Family(String),
    Stream(String),
    Word,
}

/// What follows `in`: the survey's kind name and the patterns it becomes (none: unparsed).
#[derive(Debug, Clone)]
struct Category {
    kind: String,
    patterns: Option<Vec<Pattern>>,
}

struct Parse<'t> {
    t: &'t [String],
    i: usize,
    mixed: bool,
    words: Vec<String>,
    word_at: Vec<usize>,
    adjacent: bool,
}

impl<'t> Parse<'t> {
    fn peek(&self, k: usize) -> Option<&'t str> {
        self.t.get(self.i + k).map(String::as_str)
    }

    /// Operands joined by `&&` and `||`; mixed at one level, `||` binds tighter (rule 3).
    fn group(&mut self, close: Option<&str>) -> Node {
        let mut segments: Vec<Vec<Node>> = vec![Vec::new()];
        let (mut and, mut or, mut need_op) = (false, false, false);
        while let Some(tok) = self.peek(0) {
            if Some(tok) == close {
                break;
            }
            if tok == "&&" || tok == "||" {
                if tok == "&&" {
                    and = true;
                    segments.push(Vec::new());
                } else {
                    or = true;
                }
                self.i += 1;
                need_op = false;
                continue;
            }
            let kid = self.atom();
            if !matches!(kid, Node::Word) {
                if need_op {
                    self.adjacent = true;
                }
                need_op = true;
            }
            segments.last_mut().expect("one segment").push(kid);
        }
        if close.is_some() && self.peek(0) == close {
            self.i += 1;
        }
        self.mixed |= and && or;
        if or && !and {
            Node::Any(segments.into_iter().flatten().collect())
        } else if and && or {
            Node::All(
                segments
                    .into_iter()
                    .map(|s| {
                        if s.len() == 1 {
                            s.into_iter().next().expect("one")
                        } else {
                            Node::Any(s)
                        }
                    })
                    .collect(),
            )
        } else {
            let mut kids: Vec<Node> = segments.into_iter().flatten().collect();
            if kids.len() == 1 && !and {
                kids.pop().expect("one kid")
            } else {
                Node::All(kids)
            }
        }
    }

    fn category(&mut self) -> Option<Category> {
        let tok = self.peek(0)?;
        let cat = |kind: &str, patterns: Vec<Pattern>| Category {
            kind: kind.into(),
            patterns: Some(patterns),
        };
        if tok == "(" {
            self.i += 1;
            let mut depth = 1;
            let mut parts = Vec::new();
            while let Some(x) = self.peek(0) {
                if depth == 0 {
                    break;
                }
                depth += i32::from(x == "(") - i32::from(x == ")");
                if depth > 0 {
                    parts.push(x);
                }
                self.i += 1;
            }
            let mut kinds = BTreeSet::new();
            let mut patterns = Vec::new();
            for x in parts {
                if SUBJECT.is_match(x) {
                    kinds.insert("subject");
                    patterns.push(Pattern {
                        subject: Some(x.into()),
                        ..Pattern::default()
                    });
                } else if let Some(m) = LEVEL.captures(x) {
                    kinds.insert("level");
                    patterns.push(Pattern {
                        level: m[1].parse().ok(),
                        ..Pattern::default()
                    });
                } else if COURSE.is_match(x) {
                    kinds.insert("course");
                    patterns.push(Pattern {
                        code: Some(x.into()),
                        ..Pattern::default()
                    });
                } else if x != "&&" && x != "||" {
                    kinds.insert("word");
                }
            }
            let kind = format!(
                "composite({})",
                kinds.iter().copied().collect::<Vec<_>>().join("+")
            );
            // A list of one kind is a list of alternatives; anything else is not a pattern.
            let patterns = (kinds.len() == 1 && !kinds.contains("word")).then_some(patterns);
            return Some(Category { kind, patterns });
        }
        if let Some(m) = LEVEL.captures(tok) {
            let level = m[1].parse().ok();
            self.i += 1;
            let subject = match (self.peek(0), self.peek(1)) {
                (Some("in"), Some(s)) if SUBJECT.is_match(s) => {
                    self.i += 2;
                    Some(s)
                }
                (Some(s), _) if SUBJECT.is_match(s) => {
                    self.i += 1;
                    Some(s)
                }
                _ => None,
            };
            let pattern = Pattern {
                subject: subject.map(Into::into),
                level,
                ..Pattern::default()
            };
            return Some(cat(
                if subject.is_some() {
                    "level+subject"
                } else {
                    "level"
                },
                vec![pattern],
            ));
        }
        if SUBJECT.is_match(tok) && tok != "UNSW" {
            self.i += 1;
            return Some(cat(
                "subject",
                vec![Pattern {
                    subject: Some(tok.into()),
                    ..Pattern::default()
                }],
            ));
        }
        if (tok == "F" || tok == "S") && self.peek(1).is_some() {
            let name = self.peek(1).expect("checked");
            self.i += 2;
            let (kind, key) = if tok == "F" {
                ("faculty", "faculty")
            } else {
                ("school", "school")
            };
            let attribute = format!("{key}:{name}");
            return Some(cat(
                kind,
                vec![Pattern {
                    attribute: Some(attribute),
                    ..Pattern::default()
                }],
            ));
        }
        if COURSE.is_match(tok) {
            self.i += 1;
            return Some(cat(
                "course",
                vec![Pattern {
                    code: Some(tok.into()),
                    ..Pattern::default()
                }],
            ));
        }
        if SPEC.is_match(tok) {
            self.i += 1;
            return Some(Category {
                kind: "specialisation".into(),
                patterns: None,
            });
        }
        if PROGRAM_CODE.is_match(tok) {
            self.i += 1;
            return Some(Category {
                kind: "program".into(),
                patterns: None,
            });
        }
        None
    }

    fn atom(&mut self) -> Node {
        let tok = self.peek(0).unwrap_or_default();
        self.i += 1;
        if tok == "(" {
            return self.group(Some(")"));
        }
        if tok == "[" {
            return Node::Coreq(Box::new(self.group(Some("]"))));
        }
        if COURSE.is_match(tok) {
            return Node::Course(tok.into());
        }
        for (re, op) in [(&UOC, 0), (&WAM, 1), (&GRADE, 2)] {
            if let Some(m) = re.captures(tok) {
                let n: u32 = m[1].parse().unwrap_or(0);
                let start = self.i;
                let mut cat = None;
                if self.peek(0) == Some("in") {
                    self.i += 1;
                    cat = Some(self.category().unwrap_or_else(|| {
                        self.words.push("in".into());
                        Category {
                            kind: "unparsed".into(),
                            patterns: None,
                        }
                    }));
                }
                return match op {
                    0 => Node::Uoc(n, cat),
                    1 => Node::Wam(n, cat),
                    _ => Node::Grade(
                        n,
                        self.t[start..self.i]
                            .iter()
                            .filter(|x| COURSE.is_match(x))
                            .cloned()
                            .collect(),
                    ),
                };
            }
        }
        if PROGRAM_CODE.is_match(tok) {
            return Node::Program(tok.into());
        }
        if PROGRAM_TYPE.is_match(tok) {
            return Node::Family(tok.into());
        }
        if SPEC.is_match(tok) {
            return Node::Stream(tok.into());
        }
        self.words.push(tok.into());
        self.word_at.push(self.i - 1);
        Node::Word
    }

    /// Every unparsed word is a course title before "(CODE)" or "courses" after a subject.
    fn words_are_titles(&self) -> bool {
        let t = self.t;
        let at: BTreeSet<usize> = self.word_at.iter().copied().collect();
        for &j in &self.word_at {
            let w = t[j].trim_matches(|c| ".,;:".contains(c));
            if STRUCTURAL.is_match(w) || LEVEL.is_match(w) {
                return false;
            }
            if w.eq_ignore_ascii_case("courses") && j > 0 && SUBJECT.is_match(&t[j - 1]) {
                continue;
            }
            let mut k = j;
            while k < t.len() && at.contains(&k) {
                k += 1;
            }
            let next_is_code =
                k + 1 < t.len() && t[k] == "(" && (COURSE.is_match(&t[k + 1]) || t[k + 1] == "(");
            if !next_is_code {
                return false;
            }
        }
        true
    }
}

/// Drops unparsed words; an operator left with one operand becomes that operand.
fn strip_words(node: Node) -> Option<Node> {
    match node {
        Node::All(kids) | Node::Any(kids) if kids.is_empty() => None,
        Node::All(kids) => collapse(kids, Node::All),
        Node::Any(kids) => collapse(kids, Node::Any),
        Node::Coreq(inner) => strip_words(*inner).map(|n| Node::Coreq(Box::new(n))),
        Node::Word => None,
        other => Some(other),
    }
}

fn collapse(kids: Vec<Node>, op: fn(Vec<Node>) -> Node) -> Option<Node> {
    let mut kids: Vec<Node> = kids.into_iter().filter_map(strip_words).collect();
    match kids.len() {
        0 => None,
        1 => kids.pop(),
        _ => Some(op(kids)),
    }
}

fn walk<'n>(node: &'n Node, out: &mut Vec<&'n Node>) {
    out.push(node);
    match node {
        Node::All(kids) | Node::Any(kids) => kids.iter().for_each(|k| walk(k, out)),
        Node::Coreq(inner) => walk(inner, out),
        _ => {}
    }
}

/// Operator levels after merging same-operator nesting: A = 0, A && B = 1, A && (B || C) = 2.
fn logic_depth(node: &Node) -> usize {
    match node {
        Node::All(kids) | Node::Any(kids) => {
            let same = |k: &Node| {
                matches!(
                    (node, k),
                    (Node::All(_), Node::All(_)) | (Node::Any(_), Node::Any(_))
                )
            };
            1 + kids
                .iter()
                .map(|k| logic_depth(k).saturating_sub(usize::from(same(k))))
                .max()
                .unwrap_or(0)
        }
        Node::Coreq(inner) => logic_depth(inner),
        _ => 0,
    }
}

fn is_plain_list(node: &Node) -> bool {
    match node {
        Node::Course(_) => true,
        Node::All(kids) | Node::Any(kids) => kids.iter().all(|k| matches!(k, Node::Course(_))),
        _ => false,
    }
}

// ---------------------------------------------------------------- to the format

struct Scope<'d> {
    code: &'d str,
    /// Specialisation codes, to expand `COMP?H`.
    specs: &'d BTreeSet<String>,
    /// Faculty and school names by a word of them, for `F Business`.
    units: &'d BTreeMap<String, BTreeSet<String>>,
}

fn to_req(node: &Node, cx: &Scope) -> Option<Req> {
    let list = |kids: &[Node], op: fn(Vec<Req>) -> Req| {
        let mut parts: Vec<Req> = kids.iter().filter_map(|k| to_req(k, cx)).collect();
        match parts.len() {
            0 => None,
            1 => parts.pop(),
            _ => Some(op(parts)),
        }
    };
    match node {
        Node::All(kids) => list(kids, Req::All),
        Node::Any(kids) => list(kids, Req::Any),
        Node::Course(c) if c == cx.code => None,
        Node::Course(c) => Some(Req::Course(c.clone())),
        Node::Coreq(inner) => to_req(inner, cx).map(|r| Req::Coreq(Box::new(r))),
        Node::Uoc(min, cat) => Some(Req::Credits {
            min: *min,
            of: patterns_of(cat.as_ref(), cx),
        }),
        Node::Wam(min, cat) => Some(Req::Wam {
            min: *min,
            of: patterns_of(cat.as_ref(), cx),
        }),
        Node::Grade(min, codes) => {
            let mut parts: Vec<Req> = codes
                .iter()
                .filter(|c| *c != cx.code)
                .map(|c| Req::Grade(c.clone(), MinGrade::Mark(*min)))
                .collect();
            match parts.len() {
                0 => None,
                1 => parts.pop(),
                _ => Some(Req::Any(parts)),
            }
        }
        Node::Program(p) => Some(enrolled(Some(p), None, None)),
        Node::Family(f) => Some(enrolled(None, Some(f), None)),
        Node::Stream(s) if s.contains('?') => {
            let like = |x: &String| {
                x.len() == s.len() && s.chars().zip(x.chars()).all(|(a, b)| a == '?' || a == b)
            };
            let mut parts: Vec<Req> = cx
                .specs
                .iter()
                .filter(|x| like(x))
                .map(|x| enrolled(None, None, Some(x)))
                .collect();
            match parts.len() {
                0 => Some(enrolled(None, None, Some(s))),
                1 => parts.pop(),
                _ => Some(Req::Any(parts)),
            }
        }
        Node::Stream(s) => Some(enrolled(None, None, Some(s))),
        Node::Word => None,
    }
}

fn enrolled(program: Option<&str>, family: Option<&str>, stream: Option<&str>) -> Req {
    Req::Enrolled {
        program: program.map(Into::into),
        family: family.map(Into::into),
        stream: stream.map(Into::into),
    }
}

/// The category's patterns; a faculty or school word becomes the full name's attribute.
fn patterns_of(cat: Option<&Category>, cx: &Scope) -> Vec<Pattern> {
    let Some(patterns) = cat.and_then(|c| c.patterns.as_ref()) else {
        return Vec::new();
    };
    patterns
        .iter()
        .flat_map(
            |p| match p.attribute.as_deref().and_then(|a| a.split_once(':')) {
                Some((key, word)) => {
                    let names = cx
                        .units
                        .get(&format!("{key}:{word}"))
                        .cloned()
                        .unwrap_or_default();
                    names
                        .into_iter()
                        .map(|name| Pattern {
                            attribute: Some(format!("{key}:{name}")),
                            ..Pattern::default()
                        })
                        .collect()
                }
                None => vec![p.clone()],
            },
        )
        .collect()
}

/// Joins `extra` to `req` under `all` (or `any`, for an alternative).
fn join(req: Option<Req>, extra: Req, alternative: bool) -> Req {
    match (req, alternative) {
        (None, _) => extra,
        (Some(Req::Any(mut parts)), true) => {
            parts.push(extra);
            Req::Any(parts)
        }
        (Some(r), true) => Req::Any(vec![r, extra]),
        (Some(Req::All(mut parts)), false) => {
            parts.push(extra);
            Req::All(parts)
        }
        (Some(r), false) => Req::All(vec![r, extra]),
    }
}

/// Who grants a permission named in `text`: "the School of ...", else "the School".
fn permission_of(text: &str) -> String {
    match PERMISSION_WHO.captures(text) {
        Some(m) => format!("the {}", m[1].trim().trim_start_matches("the ")),
        None => "the School".into(),
    }
}

/// One sentence, trimmed, for a manual leaf.
fn sentence(text: &str) -> String {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let t = t.trim_start_matches("Prerequisite:").trim();
    t.chars().take(200).collect()
}

// ---------------------------------------------------------------- classification

/// How a course's requisite came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    None,
    Tokens,
    Rule,
    Fix,
    Approximated,
}

impl Class {
    fn label(self) -> &'static str {
        match self {
            Class::None => "no requisite",
            Class::Tokens => "faithful from circles' tokens",
            Class::Rule => "faithful by a converter rule",
            Class::Fix => "faithful by a hand fix (tools/circles_fixes.ron)",
            Class::Approximated => "approximated",
        }
    }

    fn faithful(self) -> bool {
        matches!(self, Class::Tokens | Class::Rule | Class::Fix)
    }
}

struct Converted {
    requires: Option<Req>,
    class: Class,
    rules: Vec<&'static str>,
    lost: Vec<&'static str>,
    uses: BTreeSet<&'static str>,
}

fn convert_requisite(
    cx: &Scope,
    req_text: &str,
    tokens: &[String],
    in_errors: bool,
    hand: &str,
) -> Converted {
    let mut p = Parse {
        t: tokens,
        i: 0,
        mixed: false,
        words: Vec::new(),
        word_at: Vec::new(),
        adjacent: false,
    };
    let root = if tokens.is_empty() {
        Node::All(Vec::new())
    } else {
        p.group(None)
    };
    let tree = strip_words(root);
    let mut nodes = Vec::new();
    if let Some(t) = &tree {
        walk(t, &mut nodes);
    }
    let has = |f: fn(&Node) -> bool| nodes.iter().any(|n| f(n));
    let has_req = has(|n| !matches!(n, Node::All(_) | Node::Any(_)));
    let enrol_leaf = has(|n| matches!(n, Node::Program(_) | Node::Family(_) | Node::Stream(_)));
    let uoc = has(|n| matches!(n, Node::Uoc(..)));
    let wam = has(|n| matches!(n, Node::Wam(..)));
    let grade = has(|n| matches!(n, Node::Grade(..)));
    let coreq = has(|n| matches!(n, Node::Coreq(_)));
    let mut refs: BTreeSet<&str> = BTreeSet::new();
    for n in &nodes {
        match n {
            Node::Course(c) => {
                refs.insert(c);
            }
            Node::Grade(_, codes) => refs.extend(codes.iter().map(String::as_str)),
            _ => {}
        }
    }
    let upper = req_text.to_uppercase();
    let text_codes: BTreeSet<&str> = CODE_IN_TEXT
        .captures_iter(&upper)
        .map(|m| m.get(1).expect("group").as_str())
        .filter(|c| *c != cx.code)
        .collect();
    let enrol_text = ENROL_FALSE.replace_all(req_text, "");

    let mut requires = tree.as_ref().and_then(|t| to_req(t, cx));
    let (mut lost, mut rules) = (Vec::new(), Vec::new());
    let class = if req_text.trim().is_empty() || !ALNUM.is_match(req_text) {
        requires = None;
        Class::None
    } else {
        if in_errors || !p.words.is_empty() {
            let structural: Vec<String> = p
                .words
                .iter()
                .map(|w| w.trim_matches(|c| ".,;:()".contains(c)).to_string())
                .filter(|w| STRUCTURAL.is_match(w))
                .collect();
            let enrol_only = structural.iter().all(|w| {
                let w = w.trim_matches(|c| ".,".contains(c)).to_lowercase();
                ["enrolment", "enrolled", "program", "programs", "in"].contains(&w.as_str())
                    || STARTS_FOUR_DIGITS.is_match(&w)
            });
            if structural.is_empty()
                && text_codes.iter().all(|c| refs.contains(c))
                && p.words_are_titles()
                && has_req
            {
                rules.push("strip course titles and filler words");
            } else if ENROL.is_match(req_text) && FOUR_DIGITS.is_match(req_text) && enrol_only {
                rules.push("enrolment in listed program codes");
                let programs: BTreeSet<&str> = FOUR_DIGITS
                    .captures_iter(req_text)
                    .map(|m| m.get(1).expect("group").as_str())
                    .collect();
                let rest = tree.as_ref().and_then(|t| to_req(&without_programs(t), cx));
                let alternatives: Vec<Req> = programs
                    .iter()
                    .map(|p| enrolled(Some(p), None, None))
                    .collect();
                let any = if alternatives.len() == 1 {
                    alternatives.into_iter().next().expect("one")
                } else {
                    Req::Any(alternatives)
                };
                requires = Some(join(rest, any, false));
            } else {
                lost.push("unparsed text");
            }
        }
        if p.adjacent {
            lost.push("operands with no and/or between");
        }
        if p.mixed {
            if req_text.contains(',') {
                lost.push("ambiguous and/or (commas)");
            } else {
                rules.push("'or' binds tighter than 'and'");
            }
        }
        if !hand.is_empty() {
            if MANUAL.is_match(hand) {
                rules.push("permission / manual leaf from the hand note");
                let leaf = if PERMISSION.is_match(hand) {
                    Req::Permission(permission_of(hand))
                } else {
                    Req::Manual(sentence(hand))
                };
                requires = Some(join(requires, leaf, PERMISSION.is_match(hand)));
            } else {
                lost.push("hand note");
            }
        }
        if text_codes.iter().any(|c| !refs.contains(c)) {
            lost.push("course named in text missing");
        }
        if ENROL_WORDS.is_match(&enrol_text) && !enrol_leaf {
            if NOT_ENROLLED.is_match(&enrol_text) {
                rules.push("not enrolled in");
                let programs: Vec<Req> = FOUR_DIGITS
                    .captures_iter(&enrol_text)
                    .map(|m| Req::NotEnrolled {
                        program: Some(m[1].into()),
                        family: None,
                        stream: None,
                    })
                    .collect();
                let leaf = if programs.is_empty() {
                    Req::Manual(sentence(&enrol_text))
                } else if programs.len() == 1 {
                    programs.into_iter().next().expect("one")
                } else {
                    Req::All(programs)
                };
                requires = Some(join(requires, leaf, false));
            } else if !rules.iter().any(|r| r.contains("enrolment")) {
                lost.push("enrolment in text missing");
            }
        }
        if UOC_WORDS.is_match(req_text) && !uoc {
            lost.push("credits in text missing");
        }
        if WAM_WORDS.is_match(req_text) && !(wam || grade) {
            lost.push("mark in text missing");
        }
        if COREQ_WORDS.is_match(req_text) && !coreq {
            lost.push("corequisite in text missing");
        }
        let level_leaf = nodes.iter().any(|n| match n {
            Node::Uoc(_, Some(c)) | Node::Wam(_, Some(c)) => c.kind.contains("level"),
            _ => false,
        });
        if LEVEL_WORDS.is_match(req_text) && !level_leaf {
            lost.push("level in text missing");
        }
        if PERMISSION.is_match(req_text)
            && !rules.contains(&"permission / manual leaf from the hand note")
        {
            rules.push("permission alternative from the text");
            let leaf = Req::Permission(permission_of(req_text));
            requires = Some(join(requires, leaf, PERMISSION_ALT.is_match(req_text)));
        } else if PERMISSION.is_match(req_text) {
            rules.push("permission alternative from the text");
        }
        if !has_req && lost.is_empty() && rules.is_empty() {
            if MANUAL.is_match(req_text) {
                rules.push("permission / manual leaf from the text");
                requires = Some(Req::Manual(sentence(req_text)));
            } else {
                lost.push("text but nothing parsed");
            }
        }
        if !lost.is_empty() {
            Class::Approximated
        } else if !rules.is_empty() {
            Class::Rule
        } else {
            Class::Tokens
        }
    };

    let mut uses = BTreeSet::new();
    if has_req && let Some(t) = &tree {
        uses.insert(if is_plain_list(t) {
            "plain course list"
        } else {
            "other expression"
        });
        if logic_depth(t) >= 2 || p.mixed {
            uses.insert("AND/OR nesting");
        }
        if uoc {
            uses.insert("credit threshold");
        }
        if wam {
            uses.insert("minimum WAM");
        }
        if grade {
            uses.insert("minimum grade");
        }
        if coreq {
            uses.insert("corequisite");
        }
        if nodes.iter().any(|n| matches!(n, Node::Uoc(_, Some(_)))) {
            uses.insert("credits within subject/level");
        }
        if enrol_leaf {
            uses.insert("program/stream enrolment");
        }
    }
    if PERMISSION.is_match(req_text) {
        uses.insert("permission/approval");
    }
    if in_errors || !p.words.is_empty() {
        uses.insert("text circles could not tokenise");
    }
    Converted {
        requires,
        class,
        rules,
        lost,
        uses,
    }
}

/// The tree with its program leaves removed (they come back from the text's codes).
fn without_programs(node: &Node) -> Node {
    match node {
        Node::All(kids) => Node::All(kids.iter().map(without_programs).collect()),
        Node::Any(kids) => Node::Any(kids.iter().map(without_programs).collect()),
        Node::Program(_) => Node::Word,
        other => other.clone(),
    }
}

// ---------------------------------------------------------------- the program's structure

/// The VIP courses a computing-electives note caps ("up to 6 UOC of VIP courses").
const VIP: [&str; 3] = ["ENGG2600", "ENGG3600", "ENGG4600"];

/// What the structure holds: groups and streams, the codes they name, and what had to be
/// left out (for the README).
struct Structure {
    requirements: Vec<Group>,
    limits: Vec<Limit>,
    streams: Vec<Stream>,
    named: BTreeSet<String>,
    left_out: Vec<String>,
}

fn group(id: String, name: &str, need: Option<Need>, from: Vec<Item>) -> Group {
    Group {
        id,
        name: name.to_string(),
        need,
        from,
        groups: Vec::new(),
        max_credits: None,
        max_courses: None,
        exclude: Vec::new(),
        shared: false,
        include_required: false,
    }
}

fn slug(title: &str) -> String {
    let s: String = title
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    s.split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// One key of a circles group's `courses`: "A", "A or B", "COMP3" (level-3 COMP), "....1".
fn item(key: &str) -> Option<Item> {
    if key.contains(" or ") {
        let codes: Vec<String> = key.split(" or ").map(|c| c.trim().to_string()).collect();
        return codes
            .iter()
            .all(|c| COURSE.is_match(c))
            .then_some(Item::OneOf(codes));
    }
    if COURSE.is_match(key) {
        return Some(Item::Course(key.into()));
    }
    if let Some(m) = SUBJECT_LEVEL.captures(key) {
        return Some(Item::Pattern(Pattern {
            subject: Some(m[1].into()),
            level: m[2].parse().ok(),
            ..Pattern::default()
        }));
    }
    ANY_LEVEL.captures(key).map(|m| {
        Item::Pattern(Pattern {
            level: m[1].parse().ok(),
            ..Pattern::default()
        })
    })
}

/// A specialisation's curriculum groups, with the caps its notes state.
fn spec_groups(
    code: &str,
    spec: &Value,
    credits: &BTreeMap<String, u32>,
    out: &mut Structure,
) -> Vec<Group> {
    let mut groups = Vec::new();
    for g in spec
        .get("curriculum")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let title = str_of(g, "title");
        let need_credits = g
            .get("credits_to_complete")
            .and_then(Value::as_u64)
            .unwrap_or(0) as u32;
        let notes = str_of(g, "notes");
        let mut from = Vec::new();
        for key in keys(g, "courses") {
            match item(&key) {
                Some(i) => {
                    match &i {
                        Item::Course(c) => {
                            out.named.insert(c.clone());
                        }
                        Item::OneOf(cs) => out.named.extend(cs.iter().cloned()),
                        Item::Pattern(_) => {}
                    }
                    from.push(i);
                }
                None => out
                    .left_out
                    .push(format!("{code} \"{title}\": the item \"{key}\"")),
            }
        }
        from.sort_by_key(|i| format!("{i:?}"));
        let core = g.get("core").and_then(Value::as_bool).unwrap_or(false);
        let listed: Option<u32> = from
            .iter()
            .map(|i| match i {
                Item::Course(c) => credits.get(c).copied(),
                Item::OneOf(cs) => cs.first().and_then(|c| credits.get(c).copied()),
                Item::Pattern(_) => None,
            })
            .sum();
        let need = if core && listed == Some(need_credits) {
            Some(Need::All)
        } else if need_credits > 0 {
            Some(Need::Credits(need_credits))
        } else {
            None
        };
        let id = format!("{code}-{}", slug(title));
        let mut built = group(id.clone(), title, need, from);
        if let Some(m) = VIP_CAP.captures(notes) {
            let vip: Vec<Item> = VIP.iter().map(|c| Item::Course(c.to_string())).collect();
            built.from.retain(|i| !vip.contains(i));
            let mut cap = group(format!("{id}-vip"), "VIP courses", None, vip);
            cap.max_credits = m[1].parse().ok();
            built.groups.push(cap);
        } else if let Some(m) = ONLY_ONE.captures(notes) {
            let listed: Vec<Item> = CODE_IN_TEXT
                .captures_iter(&m[1])
                .map(|c| Item::Course(c[1].to_string()))
                .filter(|i| built.from.contains(i))
                .collect();
            built.from.retain(|i| !listed.contains(i));
            let mut cap = group(
                format!("{id}-one"),
                "Financial Technology courses",
                None,
                listed,
            );
            cap.max_courses = Some(1);
            built.groups.push(cap);
        } else if !notes.trim().is_empty() {
            out.left_out.push(format!(
                "{code} \"{title}\": the note \"{}\"",
                sentence(notes)
            ));
        }
        groups.push(built);
    }
    for c in spec
        .get("course_constraints")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        out.left_out.push(format!(
            "{code}: the constraint \"{}\"",
            sentence(str_of(c, "description"))
        ));
    }
    groups
}

/// Program 3778's own rules, its majors (a required stream) and its optional minors.
fn structure(program: &Value, specs: &Value, credits: &BTreeMap<String, u32>) -> Result<Structure> {
    let mut out = Structure {
        requirements: Vec::new(),
        limits: Vec::new(),
        streams: Vec::new(),
        named: BTreeSet::new(),
        left_out: Vec::new(),
    };
    let components = program.get("components").context("3778 has components")?;
    for rule in components
        .get("non_spec_data")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let n = rule
            .get("credits_to_complete")
            .and_then(Value::as_u64)
            .unwrap_or(0) as u32;
        match str_of(rule, "type") {
            "gened" => out.requirements.push(group(
                "gen-ed".into(),
                "General Education",
                Some(Need::Credits(n)),
                vec![Item::Pattern(Pattern {
                    attribute: Some("gen-ed".into()),
                    ..Pattern::default()
                })],
            )),
            "limit_rule" => out.limits.push(Limit {
                name: str_of(rule, "title").into(),
                max_credits: Some(n),
                max_courses: None,
                from: keys(rule, "courses")
                    .iter()
                    .filter_map(|k| item(k))
                    .collect(),
            }),
            other => out.left_out.push(format!("3778: the rule of type {other}")),
        }
    }
    // "36 UOC of Free Electives" is only in the structure summary's prose.
    out.requirements.push(group(
        "free".into(),
        "Free Electives",
        Some(Need::Credits(36)),
        vec![Item::Pattern(Pattern::default())],
    ));
    let spec_data = components
        .get("spec_data")
        .context("3778 has majors and minors")?;
    for (role, id, name) in [
        ("majors", "major", "Computer Science major"),
        ("minors", "minor", "Optional minor"),
    ] {
        for choice in spec_data
            .get(role)
            .and_then(Value::as_object)
            .into_iter()
            .flat_map(|m| m.values())
        {
            let optional = choice
                .get("is_optional")
                .and_then(Value::as_bool)
                .unwrap_or(true);
            let mut options = Vec::new();
            for (code, title) in choice
                .get("specs")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                let Some(spec) = specs.get(code) else {
                    out.left_out
                        .push(format!("{code}: not in specialisationsProcessed"));
                    continue;
                };
                let requirements = spec_groups(code, spec, credits, &mut out);
                options.push(StreamOption {
                    code: code.clone(),
                    name: title.as_str().unwrap_or_default().to_string(),
                    requirements,
                });
            }
            options.sort_by(|a, b| a.code.cmp(&b.code));
            let default = DEFAULT_STREAM
                .captures(str_of(choice, "notes"))
                .map(|m| m[1].to_string());
            out.streams.push(Stream {
                id: id.into(),
                name: name.into(),
                required: !optional,
                default,
                counts_toward: optional.then(|| "free".to_string()),
                options,
            });
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------- the catalog

fn git_show(git_dir: &Path, commit: &str, path: &str) -> Result<Value> {
    let out = Command::new("git")
        .arg("--git-dir")
        .arg(git_dir)
        .args(["show", &format!("{commit}:{path}")])
        .output()
        .context("running git")?;
    if !out.status.success() {
        bail!(
            "git show {commit}:{path}: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    serde_json::from_slice(&out.stdout).with_context(|| format!("reading {path}"))
}

fn full_commit(git_dir: &Path, commit: &str) -> Result<String> {
    let out = Command::new("git")
        .arg("--git-dir")
        .arg(git_dir)
        .args(["rev-parse", commit])
        .output()?;
    if !out.status.success() {
        bail!("no commit {commit} in {}", git_dir.display());
    }
    Ok(String::from_utf8(out.stdout)?.trim().to_string())
}

fn str_of<'v>(v: &'v Value, key: &str) -> &'v str {
    v.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn keys(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

/// Counts for the README, by construct and by reason.
#[derive(Default)]
struct Tally {
    classes: BTreeMap<Class, usize>,
    rules: BTreeMap<&'static str, usize>,
    lost: BTreeMap<&'static str, usize>,
    by_construct: BTreeMap<&'static str, (usize, usize)>,
    facts: BTreeMap<&'static str, usize>,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let commit = full_commit(&args.git_dir, &args.commit)?;
    let read = |f: &str| git_show(&args.git_dir, &commit, &format!("{BASE}{f}"));
    let courses = read("coursesProcessed.json")?;
    let conditions = read("conditionsProcessed.json")?;
    let tokens = read("conditionsTokens.json")?;
    let errors = read("errors.json")?;
    let programs = read("programsProcessed.json")?;
    let specs = read("specialisationsProcessed.json")?;
    let mappings = git_show(
        &args.git_dir,
        &commit,
        "backend/algorithms/cache/programMappings.json",
    )?;
    let fixes: BTreeMap<String, Fix> = match std::fs::read_to_string(&args.fixes) {
        Ok(text) => ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(&text)
            .with_context(|| format!("reading {}", args.fixes.display()))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
        Err(e) => return Err(e).with_context(|| format!("reading {}", args.fixes.display())),
    };

    let courses = courses.as_object().context("courses are a map")?;
    let spec_codes: BTreeSet<String> = specs
        .as_object()
        .context("specs are a map")?
        .keys()
        .cloned()
        .collect();
    // "F Business" names the faculty "UNSW Business School": every name holding the word.
    let mut units: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for c in courses.values() {
        for key in ["faculty", "school"] {
            let name = str_of(c, key);
            for word in name.split_whitespace() {
                units
                    .entry(format!("{key}:{word}"))
                    .or_default()
                    .insert(name.to_string());
            }
        }
    }

    let mut tally = Tally::default();
    let mut out_courses = Vec::new();
    let mut named: BTreeSet<String> = BTreeSet::new();
    for (code, c) in courses {
        let cx = Scope {
            code,
            specs: &spec_codes,
            units: &units,
        };
        let cond = conditions.get(code);
        let original = TAG.replace_all(cond.map_or("", |v| str_of(v, "original")), " ");
        let req_text = EXCL_SPLIT
            .split(&original)
            .next()
            .unwrap_or_default()
            .to_string();
        let toks: Vec<String> = tokens
            .get(code)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|t| t.as_str().map(Into::into))
                    .collect()
            })
            .unwrap_or_default();
        let hand = cond
            .map(|v| {
                let note = str_of(v, "handbook_note");
                if note.is_empty() {
                    str_of(v, "warning")
                } else {
                    note
                }
            })
            .unwrap_or_default();
        let mut conv = convert_requisite(&cx, &req_text, &toks, errors.get(code).is_some(), hand);
        let fix = fixes.get(code);
        if let Some(req) = fix.and_then(|f| f.requires.clone()) {
            conv.requires = Some(req);
            conv.class = Class::Fix;
        }

        let mut excludes: BTreeSet<String> = BTreeSet::new();
        let mut equivalent: BTreeSet<String> = BTreeSet::new();
        for x in keys(c, "equivalents") {
            if COURSE.is_match(&x) && &x != code {
                equivalent.insert(x);
            }
        }
        let mut not_in = Vec::new();
        for x in keys(c, "exclusions") {
            if COURSE.is_match(&x) {
                if &x != code && !equivalent.contains(&x) {
                    excludes.insert(x);
                }
            } else if PROGRAM_CODE.is_match(&x) {
                not_in.push(Req::NotEnrolled {
                    program: Some(x),
                    family: None,
                    stream: None,
                });
            }
        }
        *tally
            .facts
            .entry("exclusion records naming a program, written as not_enrolled")
            .or_default() += not_in.len();
        for leaf in not_in {
            conv.requires = Some(join(conv.requires, leaf, false));
        }

        *tally.classes.entry(conv.class).or_default() += 1;
        if conv.class == Class::Rule {
            for r in conv.rules.iter().collect::<BTreeSet<_>>() {
                *tally.rules.entry(r).or_default() += 1;
            }
        }
        if conv.class == Class::Approximated {
            for r in conv.lost.iter().collect::<BTreeSet<_>>() {
                *tally.lost.entry(r).or_default() += 1;
            }
        }
        for u in &conv.uses {
            let e = tally.by_construct.entry(u).or_default();
            e.0 += usize::from(conv.class.faithful());
            e.1 += 1;
        }

        let mut attributes = Vec::new();
        if c.get("gen_ed").and_then(Value::as_i64).unwrap_or(0) != 0 {
            attributes.push("gen-ed".to_string());
        }
        for key in ["faculty", "school"] {
            let name = str_of(c, key);
            if !name.is_empty() {
                attributes.push(format!("{key}:{name}"));
            }
        }
        let terms: Vec<String> = c
            .get("terms")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(normal_term)
                    .collect::<BTreeSet<_>>()
            })
            .unwrap_or_default()
            .into_iter()
            .filter(|t| TERM_KINDS.contains(&t.as_str()))
            .collect();
        if terms.is_empty() {
            attributes.push("not-offered-2022".into());
            *tally
                .facts
                .entry("courses with no 2022 term (offered left open)")
                .or_default() += 1;
        } else if !["T1", "T2", "T3"]
            .iter()
            .all(|t| terms.iter().any(|x| x == t))
            && !["S1", "S2"].iter().all(|t| terms.iter().any(|x| x == t))
        {
            *tally
                .facts
                .entry("courses offered only in some terms")
                .or_default() += 1;
        }
        if conv.class == Class::Approximated {
            attributes.push("requisite-approximated".into());
        }
        let years = fix.and_then(|f| f.years.clone());
        if years.is_some() {
            *tally
                .facts
                .entry("alternate-year courses (hand fixes)")
                .or_default() += 1;
        }
        *tally.facts.entry("exclusion codes").or_default() += excludes.len();
        *tally.facts.entry("equivalent codes").or_default() += equivalent.len();
        let credits = c.get("UOC").and_then(Value::as_u64).unwrap_or(0) as u32;
        if credits == 0 {
            *tally.facts.entry("zero-credit courses").or_default() += 1;
        }
        if let Some(r) = &conv.requires {
            named.extend(r.codes().into_iter().map(String::from));
        }
        named.extend(excludes.iter().cloned());
        named.extend(equivalent.iter().cloned());
        out_courses.push(Course {
            code: code.clone(),
            title: str_of(c, "title").trim().to_string(),
            credits,
            semester: None,
            required: false,
            prerequisites: Vec::new(),
            careers: BTreeMap::new(),
            focus: false,
            reasons: BTreeMap::new(),
            requires: conv.requires,
            requisite_text: str_of(c, "raw_requirements")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            offered: if terms.is_empty() { Vec::new() } else { terms },
            years,
            max_credits: None,
            excludes: excludes.into_iter().collect(),
            equivalent: equivalent.into_iter().collect(),
            attributes,
            subject_override: None,
            level_override: None,
        });
    }
    let program = programs.get(PROGRAM).context("program 3778")?;
    let credits: BTreeMap<String, u32> = out_courses
        .iter()
        .map(|c| (c.code.clone(), c.credits))
        .collect();
    let structure = structure(program, &specs, &credits)?;
    named.extend(structure.named.iter().cloned());
    let outside: Vec<String> = named
        .into_iter()
        .filter(|c| !courses.contains_key(c))
        .collect();
    tally
        .facts
        .insert("outside codes named (the outside list)", outside.len());

    let families: Vec<String> = mappings
        .as_object()
        .context("program mappings are a map")?
        .iter()
        .filter(|(_, progs)| progs.get(PROGRAM).is_some())
        .map(|(family, _)| family.clone())
        .collect();
    let years = program.get("duration").and_then(Value::as_u64).unwrap_or(3);
    let mut curriculum: Curriculum =
        ron::from_str("(name: \"\", degree_credits: 1, semesters: [], paths: [], courses: [])")?;
    curriculum.name = format!("{} {}", PROGRAM, str_of(program, "title"));
    curriculum.code = Some(PROGRAM.into());
    curriculum.families = families;
    curriculum.degree_credits = program.get("UOC").and_then(Value::as_u64).unwrap_or(144) as u32;
    curriculum.semesters = (1..=years)
        .flat_map(|y| ["T1", "T2", "T3"].map(|t| format!("Year {y} {t}")))
        .collect();
    curriculum.term_kinds = TERM_KINDS.map(String::from).to_vec();
    curriculum.grade_scale = [("HD", 85), ("DN", 75), ("CR", 65), ("PS", 50)]
        .map(|(l, m)| (l.to_string(), m))
        .to_vec();
    curriculum.outside = outside;
    curriculum.courses = out_courses;
    curriculum.requirements = structure.requirements;
    curriculum.limits = structure.limits;
    curriculum.streams = structure.streams;

    let pretty = ron::ser::PrettyConfig::new()
        .depth_limit(3)
        .struct_names(false)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let body = ron::ser::to_string_pretty(&curriculum, pretty)?;
    let short = &commit[..8];
    let text = format!(
        "// UNSW 2022 handbook as program {PROGRAM}, converted from devsoc-unsw/circles {short}\n\
         // (backend/data/final_data) by examples/convert_circles.rs with tools/circles_fixes.ron.\n\
         // Generated: edit the converter or the fixes and rerun, never this file.\n{body}\n"
    );
    std::fs::create_dir_all(&args.out)?;
    std::fs::write(args.out.join(CATALOG), text)?;
    std::fs::write(
        args.out.join("README.md"),
        readme(
            &tally,
            &commit,
            courses.len(),
            fixes.len(),
            &curriculum,
            &structure.left_out,
        ),
    )?;
    let faithful: usize = tally
        .classes
        .iter()
        .filter(|(c, _)| c.faithful() || **c == Class::None)
        .map(|(_, n)| n)
        .sum();
    println!(
        "wrote {} ({} courses; faithful {faithful}/{} = {:.1}%)",
        args.out.join(CATALOG).display(),
        courses.len(),
        courses.len(),
        100.0 * faithful as f64 / courses.len() as f64
    );
    Ok(())
}

/// circles' two stray spellings ("Term 2") as kinds.
fn normal_term(t: &str) -> String {
    match t.strip_prefix("Term ") {
        Some(n) => format!("T{n}"),
        None => t.to_string(),
    }
}

fn pct(a: usize, b: usize) -> String {
    format!("{:.1}%", 100.0 * a as f64 / b.max(1) as f64)
}

fn readme(
    t: &Tally,
    commit: &str,
    total: usize,
    fixes: usize,
    c: &Curriculum,
    left_out: &[String],
) -> String {
    let n = |c: Class| t.classes.get(&c).copied().unwrap_or(0);
    let with_req = total - n(Class::None);
    let faithful = n(Class::Tokens) + n(Class::Rule) + n(Class::Fix);
    let mut s = String::new();
    s += "# Real catalogs\n\n";
    s += "Generated by `examples/convert_circles.rs`; do not edit by hand. Rerun with\n\n";
    s += "```sh\ncargo run --example convert_circles -- /work/.mirror/devsoc-unsw+circles/repo a30c09d3\n```\n\n";
    s += &format!(
        "`{CATALOG}`: the UNSW 2022 handbook from devsoc-unsw/circles at `{commit}`\n\
         (`backend/data/final_data`), as program {PROGRAM} Computer Science: {total} courses, all\n\
         optional, with `requires`, `requisite_text`, `offered`, `excludes`, `equivalent`,\n\
         credits and attributes (`gen-ed`, `faculty:..`, `school:..`, `not-offered-2022`,\n\
         `requisite-approximated`). {fixes} hand fixes come from `tools/circles_fixes.ron`.\n\n"
    );
    s += "## Faithful share\n\n";
    s += "A requisite is *faithful* when its expression says what the published text says\n";
    s += "(checked as in `tools/circles_survey.py`: no English left in the tokens, no ambiguous\n";
    s += "and/or, every course code of the text kept, and a leaf for every enrolment, credit,\n";
    s += "mark, level and corequisite word). Leaves a plan cannot decide (`permission`,\n";
    s += "`manual`, `wam`) count as faithful: they are written, not dropped.\n\n";
    s += "| requisite | courses |\n|---|---|\n";
    for c in [
        Class::None,
        Class::Tokens,
        Class::Rule,
        Class::Fix,
        Class::Approximated,
    ] {
        s += &format!("| {} | {} |\n", c.label(), n(c));
    }
    s += &format!(
        "\n**Faithful: {} of {total} courses ({})**, counting those with no requisite;\n\
         {faithful} of the {with_req} with a requisite ({}). Today's format before issue 14: 43.7%.\n\n",
        faithful + n(Class::None),
        pct(faithful + n(Class::None), total),
        pct(faithful, with_req),
    );
    s += "### By construct (courses using it)\n\n| construct | faithful / using | share |\n|---|---|---|\n";
    for (k, (f, u)) in &t.by_construct {
        s += &format!("| {k} | {f} / {u} | {} |\n", pct(*f, *u));
    }
    s += "\n### Converter rules (courses made faithful by each)\n\n| rule | courses |\n|---|---|\n";
    for (k, v) in &t.rules {
        s += &format!("| {k} | {v} |\n");
    }
    s += "\n### Why the rest is approximated (a course may have several reasons)\n\n| reason | courses |\n|---|---|\n";
    for (k, v) in &t.lost {
        s += &format!("| {k} | {v} |\n");
    }
    s += "\nAn approximated course keeps what was parsed as its `requires` (the English circles\n";
    s += "could not rewrite is dropped), its full `requisite_text`, and the attribute\n";
    s += "`requisite-approximated`, so a reader knows to check the published text.\n\n";
    s += "### Course facts\n\n| fact | count |\n|---|---|\n";
    for (k, v) in &t.facts {
        s += &format!("| {k} | {v} |\n");
    }
    s += "\n## Program 3778\n\n";
    s += &format!(
        "Requirement groups: {}; the limit {}. Streams:\n\n",
        c.requirements
            .iter()
            .map(|g| format!("{} (`{}`)", g.name, g.id))
            .collect::<Vec<_>>()
            .join(", "),
        c.limits
            .iter()
            .map(|l| format!("\"{}\"", l.name))
            .collect::<Vec<_>>()
            .join(", "),
    );
    for st in &c.streams {
        s += &format!(
            "- {} (`{}`, {}{}): {}\n",
            st.name,
            st.id,
            if st.required { "required" } else { "optional" },
            st.default
                .as_ref()
                .map(|d| format!(", default {d}"))
                .unwrap_or_default(),
            st.options
                .iter()
                .map(|o| format!("{} {} ({} groups)", o.code, o.name, o.requirements.len()))
                .collect::<Vec<_>>()
                .join("; "),
        );
    }
    s +=
        "\nCaps written from the groups' notes: \"up to 6 UOC of VIP courses\" (a sub-group with\n";
    s += "`max_credits: 6`) and FINSA2's \"only count ONE Financial Technology course\"\n";
    s += "(`max_courses: 1`). The 36 UOC of free electives exist only in the structure summary's\n";
    s += "prose and are written by the converter. Left out (notes and free-text constraints a\n";
    s += "group cannot say, or items that are not courses or patterns):\n\n";
    for l in left_out {
        s += &format!("- {l}\n");
    }
    s += "\n## Still approximated, and why\n\n";
    s += "- English circles could not tokenise (\"48 UOC overall, including 6 UOC at level 2 in one\n";
    s +=
        "  of the following streams, Film Studies or Media\"; \"Enrolment in a Media program\"):\n";
    s += "  needs a table from stream and program names to attributes and codes, or a hand fix.\n";
    s += "- Ambiguous and/or joined by commas (\"A, B or C\"): only a person can read them; each\n";
    s += "  needs a hand fix in `tools/circles_fixes.ron`.\n";
    s +=
        "- Courses with no 2022 offering: the data cannot tell \"not offered\" from \"unknown\",\n";
    s += "  so `offered` is left open (any term) and the course carries `not-offered-2022`.\n";
    s += "- WAM: written as `wam(..)`, which a plan can never decide (always a warning).\n";
    s += "- Variable credits: circles gives one integer per course, so no `max_credits`.\n";
    s
}
