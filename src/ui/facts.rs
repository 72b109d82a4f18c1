//! Everything the screen shows that is computed from the plan, gathered once per frame: what
//! follows from the plan alone comes from the app's [`crate::app::Derived`], worked out
//! when the plan changed; what also depends on the cursor is worked out here.

use std::collections::HashSet;

use crate::app::App;
use crate::model::plan::Exception;
use crate::model::{self, Credits, Problem, ProblemKind, Slot, Standings, Step};

/// Derived facts for one frame.
pub struct Facts<'a> {
    /// Credits toward the degree.
    pub credits: Credits,
    /// Every problem, most serious first.
    pub problems: &'a [Problem],
    /// For each problem, the exception that answers it, if one does (see
    /// [`model::exceptions::answer_of`]).
    pub answers: Vec<Option<&'a Exception>>,
    /// Every path's standing, in the order shown.
    pub standings: Standings<'a, 'a>,
    /// For the focused path: what to do next.
    pub steps: Vec<Step<'a>>,
    /// (term, code) of placed courses that a problem names.
    pub flagged: HashSet<(usize, String)>,
    /// Codes of courses added, moved or changed in status since the verdict.
    pub changed: HashSet<String>,
    /// The largest career weight in the curriculum, for drawing weight dots.
    pub max_weight: u32,
    /// The GPA, per term and cumulative.
    pub gpa: &'a model::gpa::Gpa,
    /// Each career path's GPA, by index into the curriculum's paths.
    pub path_gpas: &'a [Option<f64>],
    /// The earliest finish at the program's load limit.
    pub graduation: &'a model::graduation::Estimate,
    /// The unplanned pool after the filter, as indices into the curriculum's courses: the
    /// filter matches every title of a catalog, so the frame does it once.
    pub pool: Vec<usize>,
}

impl<'a> Facts<'a> {
    /// Computes the facts for `app`'s current plan.
    pub fn new(app: &'a App) -> Self {
        let c = app.curriculum();
        let derived = app.derived();
        let problems = &derived.problems;
        let mut flagged = HashSet::new();
        for p in problems {
            let code = match &p.kind {
                ProblemKind::PrerequisiteOrder { course, .. }
                | ProblemKind::PrerequisiteStatus { course, .. }
                | ProblemKind::PlacedTwice { course }
                | ProblemKind::UnknownCourse { course }
                | ProblemKind::NotOffered { course, .. }
                | ProblemKind::NotOfferedThisYear { course, .. }
                | ProblemKind::RequisiteUnmet { course, .. }
                | ProblemKind::CreditsShort { course, .. }
                | ProblemKind::GradeLow { course, .. }
                | ProblemKind::Enrolment { course, .. }
                | ProblemKind::Excluded { course, .. }
                | ProblemKind::CreditsOutOfRange { course, .. } => course,
                _ => continue,
            };
            if let Some(term) = p.term {
                flagged.insert((term, code.clone()));
            }
        }
        let answers = problems
            .iter()
            .map(|p| model::exceptions::answer_of(c, app.plan(), p).map(|(_, e)| e))
            .collect();
        let steps = app
            .cursor()
            .path
            .and_then(|i| c.paths.get(i))
            .map(|path| model::next_steps(c, app.plan(), &path.id))
            .unwrap_or_default();
        let changed = match model::verdict_state(app.plan()) {
            model::VerdictState::Changed(_, changes) => changes
                .into_iter()
                .filter_map(|change| match change {
                    model::Change::Added { course, .. }
                    | model::Change::Removed { course, .. }
                    | model::Change::Moved { course, .. }
                    | model::Change::Status { course, .. } => Some(course),
                    _ => None,
                })
                .collect(),
            _ => HashSet::new(),
        };
        Facts {
            credits: derived.credits,
            changed,
            problems,
            answers,
            standings: model::standings(c, app.plan()),
            steps,
            flagged,
            max_weight: c.max_weight(),
            gpa: &derived.gpa,
            path_gpas: &derived.path_gpas,
            graduation: &derived.graduation,
            pool: app.pool_indices().collect(),
        }
    }

    /// How many errors no granted exception answers, and how many problems one does.
    pub fn open_and_waived(&self) -> (usize, usize) {
        let waived = |i: usize| self.answers[i].is_some_and(Exception::granted);
        let open = (0..self.problems.len())
            .filter(|&i| self.problems[i].severity == model::Severity::Error && !waived(i))
            .count();
        (
            open,
            (0..self.problems.len()).filter(|&i| waived(i)).count(),
        )
    }

    /// The focused path's standing, if a path is focused.
    pub fn focused(&self, app: &App) -> Option<&model::Standing<'a, 'a>> {
        let path = app.cursor().path?;
        self.standings.paths.iter().find(|s| s.path == path)
    }

    /// Whether a problem names the course at `slot`.
    pub fn is_flagged(&self, app: &App, slot: Slot) -> bool {
        app.plan()
            .placement(slot)
            .is_some_and(|p| self.flagged.contains(&(slot.term, p.code.clone())))
    }
}
