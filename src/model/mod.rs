//! The domain: curricula, plans, and everything computed from them. No terminal code here.

pub mod advice;
pub mod audit;
pub mod career;
pub mod curriculum;
pub mod diff;
pub mod edits;
pub mod grade;
pub mod plan;
pub mod requirements;
pub mod requisite;
pub mod review;
pub mod text;
pub mod validate;

pub use audit::{Credits, Problem, ProblemKind, Severity, credits, problems, term_credits};
pub use career::{Readiness, Standing, Standings, Step, next_steps, readiness, standings};
pub use curriculum::{CareerPath, Course, Curriculum, ElectiveGroup};
pub use diff::Change;
pub use plan::{CurriculumRef, PLAN_VERSION, Placement, Plan, Slot, Status, Term};
pub use review::{Decision, Note, NoteTarget, Role, Verdict, VerdictState, verdict_state};
