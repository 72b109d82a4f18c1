//! Career-path readiness: how strongly a plan's courses support each path.
//!
//! For a path with course weights `w`, let `W` be the sum of all weights for that path.
//! `completed = Σ w(completed courses) / W` and
//! `committed = Σ w(courses in any term, whatever their status) / W`.
//! Paths are ranked by committed share, then completed share, then curriculum order.

use super::audit::course_statuses;
use super::curriculum::{Course, Curriculum};
use super::plan::{Plan, Status};

/// Readiness for one career path.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Readiness {
    /// Index into [`Curriculum::paths`].
    pub path: usize,
    /// Sum of all course weights for the path.
    pub total: u32,
    /// Sum of weights of completed courses.
    pub completed: u32,
    /// Sum of weights of courses placed in any term (completed, in progress or planned).
    pub committed: u32,
}

impl Readiness {
    /// Completed share, 0.0 to 1.0.
    pub fn completed_share(&self) -> f64 {
        share(self.completed, self.total)
    }

    /// Completed-plus-planned share, 0.0 to 1.0.
    pub fn committed_share(&self) -> f64 {
        share(self.committed, self.total)
    }
}

fn share(part: u32, total: u32) -> f64 {
    if total == 0 {
        0.0
    } else {
        (f64::from(part) / f64::from(total)).clamp(0.0, 1.0)
    }
}

/// Readiness for every path, in curriculum order. Walks the plan, not the curriculum: each
/// path's total is computed once when the curriculum is loaded.
pub fn readiness(curriculum: &Curriculum, plan: &Plan) -> Vec<Readiness> {
    let mut all: Vec<Readiness> = (0..curriculum.paths.len())
        .map(|path| Readiness {
            path,
            total: curriculum.path_total(path),
            completed: 0,
            committed: 0,
        })
        .collect();
    for (code, status) in course_statuses(curriculum, plan) {
        let Some(course) = curriculum.course(code) else {
            continue;
        };
        for (id, &weight) in &course.careers {
            if let Some(r) = curriculum.path_index(id).and_then(|p| all.get_mut(p)) {
                r.committed += weight;
                if status == Status::Completed {
                    r.completed += weight;
                }
            }
        }
    }
    all
}

/// Readiness for every path, strongest first.
pub fn ranked(curriculum: &Curriculum, plan: &Plan) -> Vec<Readiness> {
    let mut all = readiness(curriculum, plan);
    all.sort_by(|a, b| {
        b.committed_share()
            .total_cmp(&a.committed_share())
            .then(b.completed_share().total_cmp(&a.completed_share()))
            .then(a.path.cmp(&b.path))
    });
    all
}

/// The course that would raise the completed share of `path_id` most and can be taken now:
/// not completed nor in progress, every prerequisite completed. Ties go to the earlier recommended semester,
/// then curriculum order. Returns the course and the share it would add.
pub fn next_course<'c>(
    curriculum: &'c Curriculum,
    plan: &Plan,
    path_id: &str,
) -> Option<(&'c Course, f64)> {
    let path = curriculum.path_index(path_id)?;
    let statuses = course_statuses(curriculum, plan);
    let completed = |code: &str| statuses.get(code) == Some(&Status::Completed);
    let started = |code: &str| statuses.get(code) >= Some(&Status::InProgress);
    // Candidates come strongest first, so the first that can be taken is the answer.
    curriculum
        .strongest_for(path)
        .iter()
        .map(|&i| &curriculum.courses[i])
        .find(|c| !started(&c.code) && c.prerequisites.iter().all(|p| completed(p)))
        .map(|c| {
            let weight = c.careers.get(path_id).copied().unwrap_or(0);
            (c, share(weight, curriculum.path_total(path)))
        })
}
