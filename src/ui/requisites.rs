//! The detail pane's facts of a course beyond its prerequisite list: its offerings,
//! exclusions and equivalents, the groups it counts toward, its requisite as a tree with a
//! mark on every part, and the published requisite text as written (short facts first, so
//! a small pane still shows them).

use ratatui::text::{Line, Span};

use super::View;
use crate::model::Course;
use crate::model::plan_facts::PlanFacts;
use crate::model::requisite::{Pattern, Req, Value};
use crate::theme::Theme;

/// The lines the detail pane shows for `course` placed (or to be placed) in `term`: none
/// when the course has none of these facts.
pub fn course_facts(view: &View, course: &Course, term: usize) -> Vec<Line<'static>> {
    let View { app, theme, .. } = *view;
    let c = app.curriculum();
    let mut lines = Vec::new();
    let mut offered = Vec::new();
    if !course.offered.is_empty() {
        offered.push(course.offered.join(", "));
    }
    if let Some(years) = &course.years {
        offered.push(years.describe());
    }
    if !offered.is_empty() {
        lines.push(Line::raw(format!("Offered {}", offered.join("; "))));
    }
    let named = |codes: &[String]| {
        codes
            .iter()
            .map(|code| match c.course(code) {
                Some(x) => format!("{code} {}", x.title),
                None => code.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !course.excludes.is_empty() {
        lines.push(Line::raw(format!(
            "No credit together with {}",
            named(&course.excludes)
        )));
    }
    if !course.equivalent.is_empty() {
        lines.push(Line::raw(format!(
            "Equivalent to {}",
            named(&course.equivalent)
        )));
    }
    let progress = crate::model::requirements::progress(c, app.plan());
    let groups: Vec<&str> = progress
        .filled_by(&course.code)
        .iter()
        .map(|&g| progress.groups[g].group.name.as_str())
        .collect();
    if !groups.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("Counts toward: ", theme.muted),
            Span::raw(groups.join(", ")),
        ]));
    }
    if let Some(req) = &course.requires {
        let facts = PlanFacts::new(c, app.plan());
        lines.push(Line::styled("Requires", theme.muted));
        let tree = Tree {
            view,
            facts: &facts,
            term,
        };
        tree.node(req, 1, false, &mut lines);
    }
    if !course.requisite_text.is_empty() {
        lines.push(Line::styled("As published", theme.muted));
        lines.push(Line::raw(format!("  {}", course.requisite_text)));
    }
    lines
}

/// A requisite drawn as a tree, each part marked by its value at `term`.
struct Tree<'v, 'a> {
    view: &'v View<'a>,
    facts: &'v PlanFacts<'a>,
    term: usize,
}

impl Tree<'_, '_> {
    /// The value of `req`, inside a `coreq` when `same` (the same term counts).
    fn value(&self, req: &Req, same: bool) -> Value {
        if same && !matches!(req, Req::Coreq(_)) {
            let wrapped = Req::Coreq(Box::new(req.clone()));
            self.facts.eval(&wrapped, self.term).0
        } else {
            self.facts.eval(req, self.term).0
        }
    }

    /// Pushes `req` at `depth`, then its parts one level deeper.
    fn node(&self, req: &Req, depth: usize, same: bool, lines: &mut Vec<Line<'static>>) {
        let theme = self.view.theme;
        let (glyph, style) = mark(self.value(req, same), theme);
        let text = match req {
            Req::All(_) => "all of".to_string(),
            Req::Any(_) => "one of".to_string(),
            Req::Coreq(_) => "taken in the same term or earlier".to_string(),
            leaf => self.leaf(leaf, same),
        };
        lines.push(Line::from(vec![
            Span::raw("  ".repeat(depth)),
            Span::styled(format!("{glyph} "), style),
            Span::raw(text),
        ]));
        match req {
            Req::All(parts) | Req::Any(parts) => {
                for part in parts {
                    self.node(part, depth + 1, same, lines);
                }
            }
            Req::Coreq(inner) => self.node(inner, depth + 1, true, lines),
            _ => {}
        }
    }

    /// A leaf in words, courses by code and title.
    fn leaf(&self, req: &Req, same: bool) -> String {
        let c = self.view.app.curriculum();
        let course = |code: &str| match c.course(code) {
            Some(x) => format!("{code} {}", x.title),
            None => format!("{code} (not in this program)"),
        };
        match req {
            Req::Course(code) => course(code),
            Req::Grade(code, min) => {
                format!("{}, grade {} or better", course(code), min.describe())
            }
            Req::Credits { min, of } => format!(
                "{min} credits{} completed ({} by then)",
                of_patterns(of),
                self.facts.credits_before(self.term, same, of)
            ),
            Req::Wam { min, of } => format!("an average mark of {min}{}", of_patterns(of)),
            Req::Enrolled { .. } => format!(
                "enrolled in {}",
                req.enrolment().map_or_else(String::new, |e| e.describe())
            ),
            Req::NotEnrolled { .. } => format!(
                "not enrolled in {}",
                req.enrolment().map_or_else(String::new, |e| e.describe())
            ),
            Req::Permission(who) => format!("permission of {who}"),
            Req::Manual(text) => text.clone(),
            Req::All(_) | Req::Any(_) | Req::Coreq(_) => String::new(),
        }
    }
}

/// " of level-2 MATH or COMP", or nothing for every course.
fn of_patterns(of: &[Pattern]) -> String {
    if of.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = of.iter().map(Pattern::describe).collect();
        format!(" of {}", names.join(" or "))
    }
}

/// The mark of a value: ✓ met, ✗ unmet, ? a person decides.
fn mark(value: Value, theme: &Theme) -> (&'static str, ratatui::style::Style) {
    match value {
        Value::Met => ("✓", theme.good),
        Value::Unmet => ("✗", theme.error),
        Value::Unknown => ("?", theme.warning),
    }
}
