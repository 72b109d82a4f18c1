//! The prior-credit form: recording an entry of transfer, exam or other credit earned before
//! the first term, or changing one, field by field; what saving it checks; and the edit itself,
//! which goes through [`crate::model::exceptions`] with the planner's role.

use super::Overlay;
use crate::action::Action;
use crate::app::{App, Effect};
use crate::field::{Field, InputRequest};
use crate::model::Curriculum;
use crate::model::exceptions;
use crate::model::plan::{Plan, PriorCredit, PriorSource, StandsFor};
use crate::model::prior::taken_here;

/// The sources in the order the form cycles through them.
const SOURCES: [PriorSource; 4] = [
    PriorSource::Transfer,
    PriorSource::Exam,
    PriorSource::Recognition,
    PriorSource::Other,
];

/// One field of the form, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriorField {
    /// Transfer, exam, recognition or other.
    Source,
    /// The course it stands for; empty for unassigned credits.
    Course,
    /// Credits; empty takes the course's.
    Credits,
    /// For unassigned credits: the group or attribute they count toward.
    Toward,
    /// The institution or exam.
    From,
    /// The result there.
    Result,
    /// Anything else.
    Note,
}

impl PriorField {
    /// Every field, in the order shown.
    pub const ALL: [PriorField; 7] = [
        PriorField::Source,
        PriorField::Course,
        PriorField::Credits,
        PriorField::Toward,
        PriorField::From,
        PriorField::Result,
        PriorField::Note,
    ];

    /// The field's label.
    pub fn label(self) -> &'static str {
        match self {
            PriorField::Source => "Source",
            PriorField::Course => "Course",
            PriorField::Credits => "Credits",
            PriorField::Toward => "Toward",
            PriorField::From => "From",
            PriorField::Result => "Result",
            PriorField::Note => "Note",
        }
    }

    /// What the field takes, shown beside it while it is empty.
    pub fn hint(self) -> &'static str {
        match self {
            PriorField::Source => "",
            PriorField::Course => "a course code; empty for unassigned credits",
            PriorField::Credits => "empty: the course's credits",
            PriorField::Toward => "unassigned credits: a group id or attribute",
            PriorField::From => "institution or exam, e.g. AP Calculus BC",
            PriorField::Result => "grade or score there",
            PriorField::Note => "anything else worth knowing",
        }
    }

    fn step(self, delta: isize) -> PriorField {
        let all = PriorField::ALL;
        let i = all.iter().position(|f| *f == self).unwrap_or(0) as isize;
        all[(i + delta).rem_euclid(all.len() as isize) as usize]
    }
}

/// The form being filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriorForm {
    /// The entry being changed (index into the plan's prior credit), or `None` for a new one.
    pub editing: Option<usize>,
    /// The field with the keyboard.
    pub field: PriorField,
    /// Where the credit comes from.
    pub source: PriorSource,
    /// The course code it stands for, as typed.
    pub course: Field,
    /// The credits, as typed.
    pub credits: Field,
    /// The group or attribute unassigned credits count toward, as typed.
    pub toward: Field,
    /// The institution or exam, as typed.
    pub from: Field,
    /// The result, as typed.
    pub result: Field,
    /// The note, as typed.
    pub note: Field,
}

impl PriorForm {
    /// A form for a new entry of transfer credit for `course` (empty: unassigned credits).
    pub fn new(course: &str) -> Self {
        PriorForm {
            editing: None,
            field: PriorField::Source,
            source: PriorSource::Transfer,
            course: Field::new(course),
            credits: Field::default(),
            toward: Field::default(),
            from: Field::default(),
            result: Field::default(),
            note: Field::default(),
        }
    }

    /// A form changing entry `index`, filled with what it holds now.
    pub fn edit(index: usize, entry: &PriorCredit) -> Self {
        let (course, toward) = match &entry.stands_for {
            StandsFor::Course(code) => (code.as_str(), ""),
            StandsFor::Credits { toward } => ("", toward.as_deref().unwrap_or_default()),
        };
        PriorForm {
            editing: Some(index),
            field: PriorField::Source,
            source: entry.source,
            course: Field::new(course),
            credits: Field::new(&entry.credits.to_string()),
            toward: Field::new(toward),
            from: Field::new(&entry.from),
            result: Field::new(&entry.result),
            note: Field::new(&entry.note),
        }
    }

    /// The text field `field`, or `None` for the source, which is chosen, not typed.
    pub fn text(&self, field: PriorField) -> Option<&Field> {
        match field {
            PriorField::Source => None,
            PriorField::Course => Some(&self.course),
            PriorField::Credits => Some(&self.credits),
            PriorField::Toward => Some(&self.toward),
            PriorField::From => Some(&self.from),
            PriorField::Result => Some(&self.result),
            PriorField::Note => Some(&self.note),
        }
    }

    fn text_mut(&mut self, field: PriorField) -> Option<&mut Field> {
        match field {
            PriorField::Source => None,
            PriorField::Course => Some(&mut self.course),
            PriorField::Credits => Some(&mut self.credits),
            PriorField::Toward => Some(&mut self.toward),
            PriorField::From => Some(&mut self.from),
            PriorField::Result => Some(&mut self.result),
            PriorField::Note => Some(&mut self.note),
        }
    }

    /// The entry the form describes for `plan` and its program, or the field that is wrong
    /// and why: a course must be the curriculum's and may not be one that must be taken
    /// here, nor be recorded twice; credits are a whole number above 0 (empty: the course's);
    /// only unassigned credits count toward a group or attribute, which must exist and may
    /// not be one that must be taken here.
    pub fn entry(&self, c: &Curriculum, plan: &Plan) -> Result<PriorCredit, (PriorField, String)> {
        let typed = self.course.value().trim();
        let course = match typed {
            "" => None,
            code => Some(
                c.courses
                    .iter()
                    .find(|x| x.code.eq_ignore_ascii_case(code))
                    .ok_or_else(|| {
                        (
                            PriorField::Course,
                            format!(
                                "{code} is not a course of {}: give its code, or leave it empty for unassigned credits",
                                c.name
                            ),
                        )
                    })?,
            ),
        };
        if let Some(course) = course {
            if taken_here(c, &course.code) {
                return Err((
                    PriorField::Course,
                    format!(
                        "{} {} must be taken here: {} gives no prior credit for it",
                        course.code, course.title, c.name
                    ),
                ));
            }
            let twice =
                plan.prior.iter().enumerate().any(|(i, e)| {
                    Some(i) != self.editing && e.course() == Some(course.code.as_str())
                });
            if twice {
                return Err((
                    PriorField::Course,
                    format!("{} is prior credit already", course.code),
                ));
            }
        }
        let credits = match (self.credits.value().trim(), course) {
            ("", Some(course)) => course.credits,
            ("", None) => {
                return Err((
                    PriorField::Credits,
                    "Unassigned prior credit needs a number of credits".into(),
                ));
            }
            (text, _) => match text.parse::<u32>() {
                Ok(n) if n > 0 => n,
                _ => {
                    return Err((
                        PriorField::Credits,
                        format!("Credits are a whole number above 0, not \"{text}\""),
                    ));
                }
            },
        };
        let toward = self.toward.value().trim();
        let stands_for = match course {
            Some(_) if !toward.is_empty() => {
                return Err((
                    PriorField::Toward,
                    "A course counts toward its own groups: Toward is for unassigned credits"
                        .into(),
                ));
            }
            Some(course) => StandsFor::Course(course.code.clone()),
            None if toward.is_empty() => StandsFor::Credits { toward: None },
            None => {
                let known = exceptions::find_group(c, toward).is_some()
                    || c.electives.iter().any(|g| g.name == toward)
                    || c.courses
                        .iter()
                        .any(|x| x.attributes.iter().any(|a| a == toward));
                if !known {
                    return Err((
                        PriorField::Toward,
                        format!(
                            "{toward} is neither a requirement group nor a course attribute of {}",
                            c.name
                        ),
                    ));
                }
                if taken_here(c, toward) {
                    return Err((
                        PriorField::Toward,
                        format!("{toward} must be taken here: prior credit does not fill it"),
                    ));
                }
                StandsFor::Credits {
                    toward: Some(toward.to_string()),
                }
            }
        };
        Ok(PriorCredit {
            source: self.source,
            stands_for,
            credits,
            from: self.from.value().trim().to_string(),
            result: self.result.value().trim().to_string(),
            note: self.note.value().trim().to_string(),
        })
    }

    /// Keys while the form is open: Tab, Shift-Tab and the arrows up and down go from field to
    /// field; on the source, Space, the arrows left and right or a source's first letter choose
    /// it; elsewhere keys edit the text. Enter records the entry, Esc drops the form.
    pub(super) fn handle(mut self: Box<Self>, action: Action, app: &mut App) -> Option<Effect> {
        match action {
            Action::NextFocus | Action::Down => self.field = self.field.step(1),
            Action::PrevFocus | Action::Up => self.field = self.field.step(-1),
            Action::Cancel => return None,
            Action::Quit => return app.normal(Action::Quit),
            Action::Submit => match self.entry(&app.doc.curriculum, &app.doc.plan) {
                Ok(entry) => {
                    record(app, self.editing, entry);
                    return None;
                }
                Err((field, why)) => {
                    self.field = field;
                    app.error(why);
                }
            },
            _ if self.field == PriorField::Source => self.choose_source(action),
            Action::Input(c) if !crate::model::text::is_unsafe(c) => {
                self.edit_text(InputRequest::InsertChar(c));
            }
            Action::Backspace => self.edit_text(InputRequest::DeletePrevChar),
            Action::Edit(request) => self.edit_text(request),
            _ => {}
        }
        app.overlay = Some(Overlay::PriorForm(self));
        None
    }

    fn choose_source(&mut self, action: Action) {
        let at = SOURCES.iter().position(|s| *s == self.source).unwrap_or(0);
        let step = |delta: isize| SOURCES[(at as isize + delta).rem_euclid(4) as usize];
        self.source = match action {
            Action::Input(' ') | Action::Edit(InputRequest::GoToNextChar) => step(1),
            Action::Edit(InputRequest::GoToPrevChar) => step(-1),
            Action::Input(c) => SOURCES
                .into_iter()
                .find(|s| s.label().starts_with(c.to_ascii_lowercase()))
                .unwrap_or(self.source),
            _ => self.source,
        };
    }

    fn edit_text(&mut self, request: InputRequest) {
        if let Some(field) = self.text_mut(self.field) {
            field.edit(request);
        }
    }
}

/// Records `entry`, as a new entry or in place of entry `editing`, as one undoable edit, if
/// the role may: the model decides, and its refusal is the message.
fn record(app: &mut App, editing: Option<usize>, entry: PriorCredit) {
    if let Some(why) = &app.access.read_only {
        app.error(format!("Read-only: {why}"));
        return;
    }
    let role = app.access.role.clone();
    let what = short(&entry);
    let mut refused = None;
    let mut at = editing;
    let label = match editing {
        Some(_) => format!("Prior credit changed: {what}"),
        None => format!("Prior credit recorded: {what}"),
    };
    app.edit(&label, |plan| {
        let done = match editing {
            Some(i) => exceptions::edit_prior(plan, &role, i, entry),
            None => exceptions::add_prior(plan, &role, entry).map(|i| at = Some(i)),
        };
        done.map_err(|r| refused = Some(r)).is_ok()
    });
    match refused {
        Some(why) => app.error(format!("Not recorded: {why}")),
        None => app.show_prior(at),
    }
}

/// An entry in a few words, for messages: "BE101 (transfer, 5 credits)", "6 unassigned
/// credits (exam)".
pub fn short(entry: &PriorCredit) -> String {
    let source = entry.source.label();
    match &entry.stands_for {
        StandsFor::Course(code) => format!("{code} ({source}, {} credits)", entry.credits),
        StandsFor::Credits { .. } => format!("{} unassigned credits ({source})", entry.credits),
    }
}
