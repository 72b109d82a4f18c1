//! Where the user is in the plan: the pane with the keyboard, the highlighted rows, the
//! focused career path and the course filter; and the moves between them.

use memchr::memmem::Finder;

use super::App;
use crate::action::Spot;
use crate::model::{Course, Plan, Slot};

/// The planning cursor: what is highlighted in each pane, and what the filter shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    /// Which pane has the keyboard.
    pub focus: Focus,
    /// The current term.
    pub term: usize,
    /// Highlighted row among the visible courses of the current term.
    pub row: usize,
    /// Highlighted entry of the prior-credit block, when the cursor is in that block (left
    /// of the first term) rather than in a term.
    pub prior: Option<usize>,
    /// Highlighted row of the unplanned pool.
    pub pool_row: usize,
    /// Highlighted problem, in the order the problems pane lists them (most serious first).
    pub problem_row: usize,
    /// The focused career path, whose courses light up.
    pub path: Option<usize>,
    /// Courses shown must contain this text in their code or title (case-insensitive).
    pub filter: String,
    /// The list whose highlighted course the Course pane shows while it has the keyboard:
    /// the terms or the pool, whichever had the keyboard last.
    pub course_list: Focus,
    /// Rows of the Course pane's text scrolled off its top; back to 0 whenever another
    /// course is shown.
    pub course_scroll: usize,
}

impl Cursor {
    /// At the first row of the first term, on the career path `path`.
    pub(super) fn new(path: Option<usize>) -> Self {
        Cursor {
            focus: Focus::Terms,
            term: 0,
            row: 0,
            prior: None,
            pool_row: 0,
            problem_row: 0,
            path,
            filter: String::new(),
            course_list: Focus::Terms,
            course_scroll: 0,
        }
    }
}

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The terms and their courses.
    Terms,
    /// Courses placed in no term.
    Pool,
    /// The career paths.
    Paths,
    /// The problems with the plan, which scroll when they do not fit.
    Problems,
    /// The highlighted course's detail, which scrolls when it does not fit.
    Course,
}

impl App {
    /// Whether a course matches the filter.
    pub fn matches_filter(&self, code: &str) -> bool {
        self.passes(code, self.needle().as_ref())
    }

    /// A searcher for the filter in lower case, or `None` when there is none.
    pub(super) fn needle(&self) -> Option<Finder<'static>> {
        (!self.cursor.filter.is_empty())
            .then(|| Finder::new(&self.cursor.filter.to_lowercase()).into_owned())
    }

    /// Whether `code` passes the filter `needle` (from [`App::needle`]).
    pub(super) fn passes(&self, code: &str, needle: Option<&Finder>) -> bool {
        let Some(needle) = needle else {
            return true;
        };
        match self.doc.curriculum.course_index(code) {
            Some(i) => self.doc.curriculum.course_matches(i, needle),
            None => needle.find(code.to_lowercase().as_bytes()).is_some(),
        }
    }

    /// Indices (into the term's courses) of the courses of `term` that pass the filter.
    pub fn visible_rows(&self, term: usize) -> Vec<usize> {
        let needle = self.needle();
        self.doc.plan.terms.get(term).map_or_else(Vec::new, |t| {
            t.courses
                .iter()
                .enumerate()
                .filter(|(_, p)| self.passes(&p.code, needle.as_ref()))
                .map(|(i, _)| i)
                .collect()
        })
    }

    /// Indices of the courses left to place: in no term, and not stood for by prior credit
    /// (those are done), before the filter.
    pub fn unplanned_pool(&self) -> impl Iterator<Item = usize> + '_ {
        crate::model::prior::left_to_place(&self.doc.curriculum, &self.doc.plan)
    }

    /// Indices of the courses of the unplanned pool that pass the filter, in pool order.
    pub fn pool_indices(&self) -> impl Iterator<Item = usize> + '_ {
        let needle = self.needle();
        self.unplanned_pool().filter(move |&i| {
            needle
                .as_ref()
                .is_none_or(|n| self.doc.curriculum.course_matches(i, n))
        })
    }

    /// The unplanned courses that pass the filter.
    pub fn pool(&self) -> Vec<&Course> {
        self.pool_indices()
            .map(|i| &self.doc.curriculum.courses[i])
            .collect()
    }

    /// How many courses [`App::pool`] has, without collecting them.
    pub fn pool_len(&self) -> usize {
        self.pool_indices().count()
    }

    /// The course on `row` of [`App::pool`].
    pub fn pool_course(&self, row: usize) -> Option<&Course> {
        self.pool_indices()
            .nth(row)
            .map(|i| &self.doc.curriculum.courses[i])
    }

    /// The row of [`App::pool`] that holds the course `code`, if it is there.
    fn pool_row_of(&self, code: &str) -> Option<usize> {
        self.pool_indices()
            .position(|i| self.doc.curriculum.courses[i].code == code)
    }

    /// The highlighted course in the current term, when the terms have focus.
    pub fn selected_slot(&self) -> Option<Slot> {
        if self.cursor.prior.is_some() {
            return None;
        }
        let index = *self.visible_rows(self.cursor.term).get(self.cursor.row)?;
        Some(Slot {
            term: self.cursor.term,
            index,
        })
    }

    /// Whether the highlighted course is the pool's: the pool has the keyboard, or the
    /// Course pane has it and shows the pool's course.
    pub fn course_from_pool(&self) -> bool {
        match self.cursor.focus {
            Focus::Pool => true,
            Focus::Course => self.cursor.course_list == Focus::Pool,
            _ => false,
        }
    }

    /// The code of the highlighted course, in a term, the pool or the prior credit.
    pub fn selected_code(&self) -> Option<String> {
        match self.course_from_pool() {
            true => self
                .pool_course(self.cursor.pool_row)
                .map(|c| c.code.clone()),
            _ if self.cursor.prior.is_some() => self
                .selected_prior()
                .and_then(|i| self.doc.plan.prior[i].course())
                .map(str::to_string),
            _ => self
                .selected_slot()
                .and_then(|s| self.doc.plan.placement(s))
                .map(|p| p.code.clone()),
        }
    }

    pub(super) fn step(&mut self, delta: isize) {
        let step = |cursor: usize, len: usize| crate::action::step_cursor(cursor, len, delta);
        match self.cursor.focus {
            Focus::Terms => match self.cursor.prior {
                Some(row) => self.cursor.prior = Some(step(row, self.doc.plan.prior.len())),
                None => {
                    self.cursor.row =
                        step(self.cursor.row, self.visible_rows(self.cursor.term).len())
                }
            },
            Focus::Pool => self.cursor.pool_row = step(self.cursor.pool_row, self.pool_len()),
            Focus::Course => {
                // Nothing measured yet, nothing to scroll.
                let end = self.viewport.map_or(0, |v| v.course_end());
                self.cursor.course_scroll = step(self.cursor.course_scroll, end + 1);
            }
            Focus::Problems => {
                let count = crate::model::problems(&self.doc.curriculum, &self.doc.plan).len();
                self.cursor.problem_row = step(self.cursor.problem_row, count);
            }
            Focus::Paths => {
                // The cursor moves in the order the paths are drawn.
                let order = self.path_order();
                let n = order.len() as isize;
                if n > 0 {
                    // From no focused path, Down starts at the first and Up at the last.
                    let at = self
                        .cursor
                        .path
                        .and_then(|p| order.iter().position(|&x| x == p));
                    // One step wraps around; a page, the first and the last stop at the ends.
                    let next = match at {
                        Some(current) if delta.abs() == 1 => {
                            (current as isize + delta).rem_euclid(n) as usize
                        }
                        Some(current) => step(current, order.len()),
                        None if delta > 0 => 0,
                        None => order.len() - 1,
                    };
                    self.cursor.path = Some(order[next]);
                }
            }
        }
    }

    /// Changes the filter, keeping the highlighted course highlighted while it stays visible.
    pub(super) fn refilter(&mut self, change: impl FnOnce(&mut String)) {
        let term_course = self.selected_slot().map(|s| s.index);
        let pool_course = self
            .pool_course(self.cursor.pool_row)
            .map(|c| c.code.clone());
        change(&mut self.cursor.filter);
        if let Some(index) = term_course
            && let Some(row) = self
                .visible_rows(self.cursor.term)
                .iter()
                .position(|&i| i == index)
        {
            self.cursor.row = row;
        }
        if let Some(code) = pool_course
            && let Some(row) = self.pool_row_of(&code)
        {
            self.cursor.pool_row = row;
        }
    }

    /// Gives `spot`'s pane (and term) the keyboard and highlights its row, if any.
    pub(super) fn point_at(&mut self, spot: Spot) {
        if let Some(term) = spot.term {
            self.cursor.prior = None;
            self.go_to_term(term);
        }
        self.cursor.focus = spot.pane;
        match (spot.pane, spot.row) {
            (Focus::Terms, Some(row)) => {
                self.cursor.row =
                    row.min(self.visible_rows(self.cursor.term).len().saturating_sub(1));
            }
            (Focus::Pool, Some(row)) => {
                self.cursor.pool_row = row.min(self.pool_len().saturating_sub(1))
            }
            (Focus::Problems, Some(row)) => self.cursor.problem_row = row,
            (Focus::Paths, Some(row)) => {
                if let Some(&path) = self.path_order().get(row) {
                    self.cursor.path = Some(path);
                }
            }
            (Focus::Paths, None) if self.cursor.path.is_none() => {
                self.cursor.path = self.path_order().first().copied();
            }
            _ => {}
        }
    }

    pub(super) fn go_to_term(&mut self, term: usize) {
        let last = self.doc.plan.terms.len().saturating_sub(1);
        if term != self.cursor.term && term <= last {
            self.cursor.term = term;
            self.cursor.row = 0;
        }
    }

    pub(super) fn cycle_focus(&mut self, steps: isize) {
        const ORDER: [Focus; 5] = [
            Focus::Terms,
            Focus::Pool,
            Focus::Paths,
            Focus::Problems,
            Focus::Course,
        ];
        let i = ORDER
            .iter()
            .position(|f| *f == self.cursor.focus)
            .unwrap_or(0);
        self.cursor.focus = ORDER[(i as isize + steps).rem_euclid(ORDER.len() as isize) as usize];
        if self.cursor.focus == Focus::Paths && self.cursor.path.is_none() {
            self.cursor.path = self.path_order().first().copied();
        }
    }

    /// Indices of the career paths in the order the Career paths pane draws them.
    pub(super) fn path_order(&self) -> Vec<usize> {
        crate::model::career::display_order(&self.doc.curriculum, &self.doc.plan)
    }

    /// Goes to the term of the highlighted problem, highlighting the course it names, and
    /// gives the terms the keyboard. A problem with no term (a course in no term, credits
    /// short) changes nothing.
    pub(super) fn go_to_problem(&mut self) {
        let problems = crate::model::problems(&self.doc.curriculum, &self.doc.plan);
        let Some(problem) = problems.get(self.cursor.problem_row) else {
            return;
        };
        if let Some(row) = super::prior::problem_row(&self.doc.plan, &problem.kind) {
            self.show_prior(Some(row));
            return;
        }
        let Some(term) = problem.term.filter(|&t| t < self.doc.plan.terms.len()) else {
            return;
        };
        let code = problem.kind.placed_course().map(str::to_string);
        self.cursor.prior = None;
        self.cursor.term = term;
        self.cursor.focus = Focus::Terms;
        let index = code.and_then(|code| {
            self.doc.plan.terms[term]
                .courses
                .iter()
                .position(|c| c.code == code)
        });
        self.cursor.row = index
            .and_then(|i| self.visible_rows(term).iter().position(|&v| v == i))
            .unwrap_or(0);
    }

    /// Puts the cursor on what changed from `other` to the plan now (after an undo or redo):
    /// the first prior-credit entry that differs; else the first course whose term, status or
    /// grade differs, in its term or in the pool; else the first term whose name differs.
    pub(super) fn follow_change(&mut self, other: &Plan) {
        let (now, then) = (&self.doc.plan.prior, &other.prior);
        if now != then {
            let first = (0..now.len().max(then.len())).find(|&i| now.get(i) != then.get(i));
            let row = first.map(|i| i.min(now.len().saturating_sub(1)));
            self.show_prior(row);
            return;
        }
        let state = |plan: &Plan, code: &str| {
            plan.find(code).map(|slot| {
                let p = plan.placement(slot).cloned();
                (slot.term, p.map(|p| (p.status, p.grade)))
            })
        };
        let codes = self
            .doc
            .plan
            .terms
            .iter()
            .chain(&other.terms)
            .flat_map(|t| &t.courses)
            .map(|p| p.code.clone());
        let changed = codes
            .into_iter()
            .find(|code| state(&self.doc.plan, code) != state(other, code));
        if let Some(code) = changed {
            // The course must show: a filter that hides it is cleared.
            if !self.matches_filter(&code) {
                self.cursor.filter.clear();
            }
            match self.doc.plan.find(&code) {
                Some(slot) => {
                    self.cursor.prior = None;
                    self.cursor.focus = Focus::Terms;
                    self.cursor.term = slot.term;
                    self.cursor.row = self
                        .visible_rows(slot.term)
                        .iter()
                        .position(|&i| i == slot.index)
                        .unwrap_or(0);
                }
                None => {
                    if let Some(row) = self.pool_row_of(&code) {
                        self.cursor.focus = Focus::Pool;
                        self.cursor.pool_row = row;
                    }
                }
            }
            return;
        }
        let names = |plan: &Plan| {
            plan.terms
                .iter()
                .map(|t| t.name.clone())
                .collect::<Vec<_>>()
        };
        let (now, then) = (names(&self.doc.plan), names(other));
        if let Some(term) = (0..now.len()).find(|&i| then.get(i) != now.get(i)) {
            self.cursor.prior = None;
            self.cursor.focus = Focus::Terms;
            self.cursor.term = term;
            self.cursor.row = 0;
        }
    }

    pub(super) fn clamp(&mut self) {
        self.cursor.term = self
            .cursor
            .term
            .min(self.doc.plan.terms.len().saturating_sub(1));
        self.cursor.row = self
            .cursor
            .row
            .min(self.visible_rows(self.cursor.term).len().saturating_sub(1));
        self.cursor.pool_row = self.cursor.pool_row.min(self.pool_len().saturating_sub(1));
        self.cursor.path = self
            .cursor
            .path
            .filter(|&p| p < self.doc.curriculum.paths.len());
        let entries = self.doc.plan.prior.len();
        self.cursor.prior = self
            .cursor
            .prior
            .filter(|_| entries > 0)
            .map(|row| row.min(entries - 1));
        if let Some(v) = self.viewport {
            self.cursor.course_scroll = self.cursor.course_scroll.min(v.course_end());
        }
        if matches!(self.cursor.focus, Focus::Terms | Focus::Pool) {
            self.cursor.course_list = self.cursor.focus;
        }
    }

    /// Rows a page moves in the focused list or pane: as many as the last frame showed of
    /// it (at least one), or [`crate::action::PAGE`] before anything was drawn.
    pub(super) fn page(&self) -> isize {
        let Some(v) = self.viewport else {
            return crate::action::PAGE;
        };
        let rows = match self.cursor.focus {
            Focus::Terms => v.term_rows,
            Focus::Pool => v.pool_rows,
            Focus::Paths => v.paths,
            Focus::Problems => v.problems,
            Focus::Course => v.course_rows,
        };
        isize::try_from(rows.max(1)).unwrap_or(isize::MAX)
    }

    /// Rows (or entries) a page moves in the open overlay: as many as the last frame showed
    /// of it (at least one), or [`crate::action::PAGE`] before it was drawn.
    pub(super) fn overlay_page(&self) -> isize {
        match self.viewport.map(|v| v.overlay_page) {
            None | Some(0) => crate::action::PAGE,
            Some(rows) => isize::try_from(rows).unwrap_or(isize::MAX),
        }
    }
}
