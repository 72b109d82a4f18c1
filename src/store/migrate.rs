//! Older plan formats, read and brought forward to the current [`Plan`]. A migrated plan is
//! written in the current format on its next save.

use serde::Deserialize;

use crate::model::{CurriculumRef, PLAN_VERSION, Plan, Term};

/// The first version read with the current [`Plan`] struct. Version 3 only added optional
/// fields (project focus, set-aside courses, stream choices, prior credit, exceptions, term
/// kinds and years, chosen credits, pins), so a version 2 file is a version 3 plan without
/// them; files that builds before version 3 wrote with some of them under version 2 are read
/// the same way.
pub const CURRENT_SHAPE_FROM: u32 = 2;

/// Version 1: a plan without notes or verdict.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Plan")]
pub struct PlanV1 {
    #[allow(
        dead_code,
        reason = "read to check the file, replaced by the current version"
    )]
    version: u32,
    curriculum: CurriculumRef,
    #[serde(default)]
    student: String,
    #[serde(default)]
    target_path: Option<String>,
    terms: Vec<Term>,
}

impl From<PlanV1> for Plan {
    fn from(v1: PlanV1) -> Self {
        Plan {
            version: PLAN_VERSION,
            curriculum: v1.curriculum,
            student: v1.student,
            target_path: v1.target_path,
            terms: v1.terms,
            focus: Default::default(),
            notes: Vec::new(),
            verdict: None,
            set_aside: Vec::new(),
            choices: Default::default(),
            prior: Vec::new(),
            exceptions: Vec::new(),
        }
    }
}
