//! Prerequisite chains among the courses still to take: how many terms each course needs
//! after it (its height) and before it (its depth), for scheduling priority, lower bounds and
//! the critical path.

use crate::model::curriculum::Curriculum;

use super::needs::must_before;

/// Chains among a set of courses still to take.
#[derive(Debug, Clone)]
pub struct Chains {
    /// Per course: the terms from its own to the end of the longest chain of courses that
    /// need it (1 for a course nothing needs); 0 for courses not in the set.
    pub height: Vec<usize>,
    /// Per course: the terms from the start of the longest chain it needs to its own
    /// (1 for a course that needs nothing in the set); 0 for courses not in the set.
    pub depth: Vec<usize>,
    /// Per course: the courses of the set it must have first.
    pub before: Vec<Vec<usize>>,
    /// Per course: the courses of the set that must have it first.
    after: Vec<Vec<usize>>,
}

impl Chains {
    /// The chains among `todo[i] == true` courses (linear in the set and its prerequisites;
    /// a cycle counts each course on it once).
    pub fn new(c: &Curriculum, todo: &[bool]) -> Self {
        let n = c.courses.len();
        let mut before = vec![Vec::new(); n];
        let mut after = vec![Vec::new(); n];
        for i in (0..n).filter(|&i| todo[i]) {
            for code in must_before(c, i) {
                if let Some(j) = c.course_index(code).filter(|&j| todo[j] && j != i) {
                    before[i].push(j);
                    after[j].push(i);
                }
            }
        }
        let height = longest(&after, todo);
        let depth = longest(&before, todo);
        Chains {
            height,
            depth,
            before,
            after,
        }
    }

    /// The longest chain, as course indices from its first course to its last; the first of
    /// the tallest courses in curriculum order starts it.
    pub fn critical_path(&self) -> Vec<usize> {
        let Some(start) = (0..self.height.len())
            .filter(|&i| self.height[i] > 0)
            .max_by_key(|&i| (self.height[i], std::cmp::Reverse(i)))
        else {
            return Vec::new();
        };
        let mut path = vec![start];
        let mut at = start;
        while self.height[at] > 1 {
            // The first course, in curriculum order, that needs it and carries the chain on.
            let next = self.after[at]
                .iter()
                .copied()
                .filter(|&j| self.height[j] + 1 == self.height[at])
                .min();
            match next {
                Some(j) => {
                    path.push(j);
                    at = j;
                }
                None => break,
            }
        }
        path
    }
}

/// The longest path (in courses) from each node along `edges`, by an iterative depth-first
/// walk; a node met again on the current path (a cycle) adds nothing.
fn longest(edges: &[Vec<usize>], todo: &[bool]) -> Vec<usize> {
    const NEW: u8 = 0;
    const OPEN: u8 = 1;
    const DONE: u8 = 2;
    let n = edges.len();
    let mut value = vec![0; n];
    let mut state = vec![NEW; n];
    for root in (0..n).filter(|&i| todo[i]) {
        if state[root] != NEW {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        state[root] = OPEN;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&child) = edges[node].get(*next) {
                *next += 1;
                if state[child] == NEW {
                    state[child] = OPEN;
                    stack.push((child, 0));
                }
            } else {
                value[node] = 1 + edges[node]
                    .iter()
                    .filter(|&&c| state[c] == DONE)
                    .map(|&c| value[c])
                    .max()
                    .unwrap_or(0);
                state[node] = DONE;
                stack.pop();
            }
        }
    }
    value
}
