//! What this planner may change: the role (student or reviewer), and whether the plan is
//! read-only here at all.

use crate::model::review::Role;

/// The rights over the open plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    /// Student or reviewer.
    pub role: Role,
    /// Why the plan cannot be changed here at all (e.g. another instance has it open).
    pub read_only: Option<String>,
}

impl Access {
    /// A student's, on a plan that may be changed.
    pub(super) fn student() -> Self {
        Access {
            role: Role::Student,
            read_only: None,
        }
    }

    /// Whether placement, statuses and terms may change here, and if not, why.
    pub(super) fn may_edit_placement(&self) -> Result<(), String> {
        if let Some(why) = &self.read_only {
            return Err(format!("Read-only: {why}"));
        }
        if !self.role.may_edit_placement() {
            return Err("Courses and statuses are read-only in review: add notes (n, t, P) or a verdict (A, R)".into());
        }
        Ok(())
    }

    /// Whether notes and verdicts may be written here, and if not, why.
    pub(super) fn may_review(&self) -> Result<(), String> {
        if let Some(why) = &self.read_only {
            return Err(format!("Read-only: {why}"));
        }
        if !self.role.may_review() {
            return Err("Only a reviewer can do that (degree-planner review PLAN)".into());
        }
        Ok(())
    }

    /// The reviewer's name, or nothing for a student.
    pub(super) fn reviewer_name(&self) -> String {
        match &self.role {
            Role::Reviewer { name } => name.clone(),
            Role::Student => String::new(),
        }
    }
}
