//! The requirement groups and streams as auto-plan needs: what the assignment of the audit
//! (`requirements::progress`) still finds short, turned into courses to take.

use crate::model::curriculum::Curriculum;
use crate::model::groups;
use crate::model::plan::{Placement, Plan, Term};
use crate::model::requirements::{self, Unit};

use super::needs::{Need, Needs, ProgramNeeds};

/// The program's needs ([`ProgramNeeds`]) and those of its requirement groups and streams,
/// judged with the plan's stream choices.
#[derive(Debug, Clone, Copy)]
pub struct GroupNeeds<'p> {
    /// The plan whose choices (streams, minors) the groups follow.
    pub plan: &'p Plan,
}

impl Needs for GroupNeeds<'_> {
    fn still_needed(&self, c: &Curriculum, chosen: &[Option<u32>]) -> Vec<Need> {
        let mut needs = ProgramNeeds.still_needed(c, chosen);
        if c.requirements.is_empty() && c.streams.is_empty() {
            return needs;
        }
        let scratch = |extra: Option<usize>| {
            let mut term = Term::named("all");
            for (i, credits) in chosen.iter().enumerate() {
                if credits.is_some() || extra == Some(i) {
                    term.courses.push(Placement::planned(&c.courses[i].code));
                }
            }
            Plan {
                terms: vec![term],
                notes: Vec::new(),
                verdict: None,
                set_aside: Vec::new(),
                ..self.plan.clone()
            }
        };
        let plan = scratch(None);
        let progress = requirements::progress(c, &plan);
        let index = c.requirement_index();
        let mut found = Vec::new();
        for (g, group) in progress.groups.iter().enumerate() {
            let alternative = group.parent.is_some_and(|p| {
                matches!(progress.groups[p].group.need, Some(groups::Need::Groups(_)))
            });
            let short = group.unit == Unit::Items || group.have < group.need;
            if group.met || group.need == 0 || alternative || !short {
                continue;
            }
            let name = group.group.name.clone();
            let item = group
                .left
                .iter()
                .filter_map(|code| c.course_index(code))
                .find(|&i| chosen[i].is_none());
            let pick = item.or_else(|| {
                // The first course (in curriculum order) that adds to this group.
                (0..c.courses.len())
                    .filter(|&i| chosen[i].is_none() && !index.eligible[i].is_empty())
                    .find(|&i| {
                        let trial = requirements::progress(c, &scratch(Some(i)));
                        trial
                            .groups
                            .get(g)
                            .is_some_and(|t| t.have > group.have || t.met)
                    })
            });
            found.push(match pick {
                Some(course) => Need::Toward { name, course },
                None => Need::Credits {
                    name,
                    short: group.need.saturating_sub(group.have),
                    from: Some(Vec::new()),
                },
            });
        }
        // Groups before the degree total, which any course meets.
        let total = needs
            .iter()
            .position(|n| matches!(n, Need::Credits { from: None, .. }))
            .unwrap_or(needs.len());
        needs.splice(total..total, found);
        needs
    }
}
