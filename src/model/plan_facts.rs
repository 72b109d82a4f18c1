//! What a plan holds, indexed once per audit, and the three-valued value of a requisite
//! against it at any term.

use foldhash::HashMap;

use super::curriculum::Curriculum;
use super::grade;
use super::plan::Plan;
use super::requisite::{Enrolment, Leaf, MinGrade, Pattern, Req, Value};

/// What a plan holds, indexed once per audit, for evaluating requisites at any term.
pub struct PlanFacts<'a> {
    curriculum: &'a Curriculum,
    /// Each placed code: its earliest term and the grade recorded there.
    placed: HashMap<&'a str, (usize, Option<&'a str>)>,
    /// Per term: (course index, credits) of each known course first placed there.
    by_term: Vec<Vec<(usize, u32)>>,
    /// The plan's stream choices: stream id to option code.
    choices: &'a std::collections::BTreeMap<String, String>,
    /// Prior credit that counts: each course code with its result ("" when none), as if
    /// completed before the first term.
    prior: HashMap<&'a str, &'a str>,
    /// Prior credits that count toward credit requisites before any term: (course index,
    /// credits) for courses, (None, credits) for unassigned credits.
    prior_credits: Vec<(Option<usize>, u32)>,
}

impl<'a> PlanFacts<'a> {
    /// Indexes `plan` (linear in the plan).
    pub fn new(curriculum: &'a Curriculum, plan: &'a Plan) -> Self {
        let mut placed = HashMap::default();
        let mut by_term = vec![Vec::new(); plan.terms.len()];
        let scale = super::gpa::scale_of(curriculum);
        for (t, term) in plan.terms.iter().enumerate() {
            for p in &term.courses {
                // A failed attempt clears nothing (issue 15).
                if placed.contains_key(p.code.as_str()) || super::gpa::failed(scale, p) {
                    continue;
                }
                placed.insert(p.code.as_str(), (t, p.grade.as_deref()));
                if let Some(i) = curriculum.course_index(&p.code) {
                    by_term[t].push((i, p.credits_of(&curriculum.courses[i])));
                }
            }
        }
        let mut prior = HashMap::default();
        let mut prior_credits = Vec::new();
        for e in plan
            .prior
            .iter()
            .filter(|e| super::prior::allowed(curriculum, e))
        {
            let index = e.course().and_then(|code| curriculum.course_index(code));
            if let Some(code) = e.course() {
                prior.insert(code, e.result.as_str());
                if placed.contains_key(code) {
                    continue;
                }
            }
            prior_credits.push((index, e.credits));
        }
        PlanFacts {
            curriculum,
            placed,
            by_term,
            choices: &plan.choices,
            prior,
            prior_credits,
        }
    }

    /// Whether `code` (or an equivalent) is prior credit that counts.
    pub fn is_prior(&self, code: &str) -> bool {
        self.prior_result(code).is_some()
    }

    /// The result recorded for the prior credit that stands for `code` or an equivalent.
    fn prior_result(&self, code: &str) -> Option<&'a str> {
        match self.curriculum.links().equivalents(code) {
            Some(class) => class
                .iter()
                .find_map(|c| self.prior.get(c.as_str()).copied()),
            None => self.prior.get(code).copied(),
        }
    }

    /// The placed code (the code itself or an equivalent) that is earliest, with its term
    /// and grade.
    fn earliest(&self, code: &str) -> Option<(usize, Option<&'a str>)> {
        match self.curriculum.links().equivalents(code) {
            Some(class) => class
                .iter()
                .filter_map(|c| self.placed.get(c.as_str()).copied())
                .min_by_key(|(t, _)| *t),
            None => self.placed.get(code).copied(),
        }
    }

    /// Credits placed before `term` (or up to it, with `same_term`) of courses that match
    /// any of `of` (all courses when `of` is empty).
    pub fn credits_before(&self, term: usize, same_term: bool, of: &[Pattern]) -> u32 {
        let end = if same_term { term + 1 } else { term };
        let prior: u32 = self
            .prior_credits
            .iter()
            .filter(|(i, _)| match i {
                Some(i) => {
                    of.is_empty() || of.iter().any(|p| self.curriculum.courses[*i].matches(p))
                }
                None => of.is_empty(),
            })
            .map(|(_, credits)| credits)
            .sum();
        prior
            + self.by_term[..end.min(self.by_term.len())]
                .iter()
                .flatten()
                .filter(|(i, _)| {
                    of.is_empty() || of.iter().any(|p| self.curriculum.courses[*i].matches(p))
                })
                .map(|(_, credits)| credits)
                .sum::<u32>()
    }

    /// The value of `req` for a course placed in `term`, with the leaves that decided it
    /// (the unmet ones when unmet, the unknown ones when unknown, none when met).
    pub fn eval<'r>(&self, req: &'r Req, term: usize) -> (Value, Vec<Leaf<'r>>) {
        self.eval_in(req, term, false)
    }

    fn eval_in<'r>(&self, req: &'r Req, term: usize, same: bool) -> (Value, Vec<Leaf<'r>>) {
        let combine = |parts: &'r [Req], all: bool| {
            let results: Vec<_> = parts.iter().map(|p| self.eval_in(p, term, same)).collect();
            let values = results.iter().map(|(v, _)| *v);
            let value = if all {
                values.min().unwrap_or(Value::Met)
            } else {
                values.max().unwrap_or(Value::Unmet)
            };
            let leaves = if value == Value::Met {
                Vec::new()
            } else {
                results
                    .into_iter()
                    .filter(|(v, _)| *v == value)
                    .flat_map(|(_, l)| l)
                    .collect()
            };
            (value, leaves)
        };
        match req {
            Req::All(parts) => combine(parts, true),
            Req::Any(parts) => combine(parts, false),
            Req::Coreq(inner) => self.eval_in(inner, term, true),
            leaf => {
                let value = self.leaf(leaf, term, same);
                let leaves = if value == Value::Met {
                    Vec::new()
                } else {
                    vec![Leaf {
                        req: leaf,
                        same_term: same,
                    }]
                };
                (value, leaves)
            }
        }
    }

    /// The grade recorded for `code` (or its earliest placed equivalent), if it is placed
    /// in time.
    pub fn grade_in_time(&self, code: &str, term: usize, same: bool) -> Option<Option<&'a str>> {
        if let Some(result) = self.prior_result(code) {
            return Some(Some(result).filter(|r| !r.is_empty()));
        }
        self.earliest(code)
            .filter(|(t, _)| *t < term || (same && *t == term))
            .map(|(_, g)| g)
    }

    fn leaf(&self, req: &Req, term: usize, same: bool) -> Value {
        let c = self.curriculum;
        let met = |b: bool| if b { Value::Met } else { Value::Unmet };
        match req {
            Req::Course(code) => met(self.grade_in_time(code, term, same).is_some()),
            Req::Grade(code, min) => match self.grade_in_time(code, term, same) {
                None => Value::Unmet,
                Some(None) => Value::Unknown,
                Some(Some(have)) => match meets_grade(c, have, min) {
                    Some(ok) => met(ok),
                    None => Value::Unknown,
                },
            },
            Req::Credits { min, of } => met(self.credits_before(term, same, of) >= *min),
            Req::Enrolled { .. } | Req::NotEnrolled { .. } => {
                let negated = matches!(req, Req::NotEnrolled { .. });
                req.enrolment()
                    .and_then(|e| match e.stream {
                        Some(code) => self.in_stream(code),
                        None => enrolled(c, &e),
                    })
                    .map_or(Value::Unknown, |b| met(b != negated))
            }
            Req::Wam { .. } | Req::Permission(_) | Req::Manual(_) => Value::Unknown,
            Req::All(_) | Req::Any(_) | Req::Coreq(_) => self.eval_in(req, term, same).0,
        }
    }
}

impl PlanFacts<'_> {
    /// Whether the plan is enrolled in the stream option `code`: chosen in `choices`; not,
    /// when the stream that offers it (or, for a code no stream offers, any stream) has
    /// another choice; `None` (a person checks) while that choice is not made.
    pub fn in_stream(&self, code: &str) -> Option<bool> {
        if self.choices.values().any(|v| v == code) {
            return Some(true);
        }
        let offering = self
            .curriculum
            .streams
            .iter()
            .find(|s| s.options.iter().any(|o| o.code == code));
        match offering {
            Some(stream) => self.choices.contains_key(&stream.id).then_some(false),
            None => (!self.choices.is_empty()).then_some(false),
        }
    }
}

/// Whether the program's enrolment matches `e` (a program or family; streams are the
/// plan's choices, see [`PlanFacts::in_stream`]).
fn enrolled(c: &Curriculum, e: &Enrolment) -> Option<bool> {
    if let Some(p) = e.program {
        Some(c.code.as_deref() == Some(p))
    } else {
        e.family.map(|f| c.families.iter().any(|x| x == f))
    }
}

/// Whether the grade `have` meets `min`; `None` when the scales cannot compare them (a mark
/// asked of a letter the curriculum's `grade_scale` does not know, Pass against a letter).
pub fn meets_grade(c: &Curriculum, have: &str, min: &MinGrade) -> Option<bool> {
    let mark = |g: &str| {
        c.grade_scale
            .iter()
            .find(|(letter, _)| letter.eq_ignore_ascii_case(g.trim()))
            .map(|(_, m)| *m)
    };
    match min {
        MinGrade::Mark(m) => mark(have).map(|h| h >= *m),
        MinGrade::Letter(l) => match (mark(have), mark(l)) {
            (Some(h), Some(m)) => Some(h >= m),
            _ => grade::at_least(have, l),
        },
    }
}
