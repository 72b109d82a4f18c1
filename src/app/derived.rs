//! The figures that follow from the plan and its program alone, kept with the app and worked
//! out again only when either changed. A cursor move changes neither, and the audit and the
//! graduation estimate walk every course of a catalog: on 5,000 courses they are about a
//! tenth of a keystroke.

use crate::model::gpa::{self, Gpa};
use crate::model::graduation::{self, Estimate};
use crate::model::{self, Credits, Curriculum, Plan, Problem};

/// The plan's figures, and the plan and program they were worked out for.
#[derive(Debug, Clone)]
pub struct Derived {
    plan: Plan,
    program: String,
    /// Every problem, most serious first.
    pub problems: Vec<Problem>,
    /// Credits toward the degree.
    pub credits: Credits,
    /// The GPA, per term and cumulative.
    pub gpa: Gpa,
    /// Each career path's GPA, by index into the curriculum's paths.
    pub path_gpas: Vec<Option<f64>>,
    /// The earliest finish at the program's load limit.
    pub graduation: Estimate,
}

impl Derived {
    /// The figures of `plan` under `c`.
    pub(super) fn new(c: &Curriculum, plan: &Plan) -> Self {
        Derived {
            plan: plan.clone(),
            program: c.content_hash().to_string(),
            problems: model::problems(c, plan),
            credits: model::credits(c, plan),
            gpa: gpa::gpa(c, plan),
            path_gpas: model::career::path_gpas(c, plan),
            graduation: graduation::estimate(c, plan, None),
        }
    }

    /// Works the figures out again when `plan` or `c` is not what they were worked out for.
    pub(super) fn refresh(&mut self, c: &Curriculum, plan: &Plan) {
        if self.plan != *plan || self.program != c.content_hash() {
            *self = Derived::new(c, plan);
        }
    }
}
