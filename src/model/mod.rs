//! The domain: curricula, plans, and everything computed from them. No terminal code here.

pub mod advice;
pub mod audit;
pub mod autoplan;
pub mod career;
pub mod course;
pub mod curriculum;
pub mod diff;
pub mod edits;
pub mod exceptions;
pub mod gpa;
pub mod gpa_target;
pub mod grade;
pub mod graduation;
pub mod groups;
pub mod links;
pub mod plan;
pub mod plan_facts;
pub mod prior;
pub mod remedy;
pub mod requirements;
pub mod requisite;
pub mod review;
pub mod text;
pub mod validate;
pub mod whatif;

pub use audit::{Credits, Problem, ProblemKind, Severity, credits, problems, term_credits};
pub use career::{Readiness, Standing, Standings, Step, next_steps, readiness, standings};
pub use curriculum::{CareerPath, Course, Curriculum, ElectiveGroup};
pub use diff::Change;
pub use plan::{
    CurriculumRef, Decision, Note, NoteTarget, PLAN_VERSION, Placement, Plan, Slot, Status, Term,
    Verdict,
};
pub use review::{Role, VerdictState, verdict_state};
