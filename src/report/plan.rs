//! A complete report of one plan, as a serializable value: the JSON of `report --format json`
//! and the facts the Markdown report is written from. The shape is documented in
//! `docs/plan-format.md`; fields are only ever added, never renamed or removed.

use serde::Serialize;

use crate::model::career::{Standing, Standings, Step};
use crate::model::exceptions;
use crate::model::plan::{ExceptionState, StandsFor};
use crate::model::review::{self, Decision, NoteTarget, VerdictState};
use crate::model::{
    self, Change, Credits, Curriculum, Plan, ProblemKind, Severity, Status, advice,
};

/// Everything about one plan, in the order the Markdown report shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanReport {
    /// The plan file, as given on the command line.
    pub file: String,
    /// The student's name ("" when none is set).
    pub student: String,
    /// The program the plan was checked against, and the one it says it was made for.
    pub program: ProgramReport,
    /// The career path the student aims for, by id, if one is set.
    pub target_path: Option<String>,
    /// Terms in plan order.
    pub terms: Vec<TermReport>,
    /// Courses of the program placed in no term, in curriculum order.
    pub unplanned: Vec<CourseReport>,
    /// Credits toward the degree.
    pub credits: CreditsReport,
    /// The GPA; absent while no completed course has a grade with points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gpa: Option<GpaReport>,
    /// What the courses still ahead need for a target GPA (`--target-gpa`); absent when
    /// none was asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_gpa: Option<TargetGpaReport>,
    /// Every career path, in the order the planner shows them (ranked when
    /// `careers_ranked`).
    pub careers: Vec<CareerReport>,
    /// What the paths mean for this student, in the sentences the planner shows.
    pub career_summary: CareerSummary,
    /// The course that would help the target path most now, if a target is set and one exists.
    pub next_course: Option<NextCourseReport>,
    /// The requirement groups and streams, with the courses that filled each group; absent
    /// when the program has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requirements: Option<RequirementsReport>,
    /// Every problem, errors first.
    pub problems: Vec<ProblemReport>,
    /// Prior credit, before the first term; absent when the plan has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prior: Option<PriorReport>,
    /// Every exception, in file order, with the problems it answers; absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub exceptions: Vec<ExceptionReport>,
    /// Advisors' notes, in file order.
    pub notes: Vec<NoteReport>,
    /// The verdict and whether the plan changed since.
    pub verdict: VerdictReport,
}

/// The program a plan is checked against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProgramReport {
    /// The curriculum's name.
    pub name: String,
    /// Its content hash.
    pub hash: String,
    /// The curriculum name recorded in the plan.
    pub plan_name: String,
    /// The curriculum hash recorded in the plan; differs from `hash` when the plan was made for
    /// another version (also reported as a problem).
    pub plan_hash: String,
}

/// One term and its courses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermReport {
    /// The term's name.
    pub name: String,
    /// Credits of the known courses in the term, whatever their status.
    pub credits: u32,
    /// The most credits a term should carry, if the program sets a limit.
    pub limit: Option<u32>,
    /// Courses in the order the student arranged them.
    pub courses: Vec<CourseReport>,
}

/// A course, placed or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CourseReport {
    /// The course code as written in the plan.
    pub code: String,
    /// Its title; `null` when the program has no such course.
    pub title: Option<String>,
    /// Its credits; `null` when the program has no such course.
    pub credits: Option<u32>,
    /// `Planned`, `InProgress` or `Completed` (as in the plan file); `null` for unplanned
    /// courses.
    pub status: Option<Status>,
    /// The grade, for completed courses that have one.
    pub grade: Option<String>,
    /// Whether every student must take it; `null` when the program has no such course.
    pub required: Option<bool>,
    /// For an attempt that earns nothing or does not count: `failed` (no credit), or
    /// `repeated` (another attempt counts in the GPA); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attempt: Option<&'static str>,
}

/// The plan's GPA on the program's grade scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GpaReport {
    /// Each course once, at the attempt that counts, rounded to two decimals.
    pub cumulative: f64,
    /// Credits it is weighted over.
    pub credits: u32,
    /// Per term in plan order: the term's GPA, `null` for a term without graded courses.
    pub terms: Vec<Option<f64>>,
}

impl GpaReport {
    /// The plan's GPA; `None` while no completed course has a grade with points.
    pub fn of(curriculum: &Curriculum, plan: &Plan) -> Option<Self> {
        let g = model::gpa::gpa(curriculum, plan);
        let round = |x: f64| (x * 100.0).round() / 100.0;
        Some(GpaReport {
            cumulative: round(g.cumulative?),
            credits: g.credits,
            terms: g.terms.into_iter().map(|t| t.map(round)).collect(),
        })
    }
}

/// The calculator's answer for a target GPA.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetGpaReport {
    /// The GPA asked for.
    pub target: f64,
    /// `outcome`: `reachable` with the `average` needed, `already_above` with the `worst`
    /// the plan can finish with, or `not_reachable` with the `best` (`null` when no course
    /// has or can get points); each with the `remaining_credits` still to be graded.
    #[serde(flatten)]
    pub needed: model::gpa_target::Needed,
    /// The answer as a sentence.
    pub text: String,
}

impl TargetGpaReport {
    /// The answer for `target`, if one was asked for.
    pub fn of(curriculum: &Curriculum, plan: &Plan, target: Option<f64>) -> Option<Self> {
        let target = target?;
        let needed = model::gpa_target::needed(curriculum, plan, target);
        Some(TargetGpaReport {
            target,
            needed,
            text: needed.sentence(target),
        })
    }
}

/// Credits toward the degree; each course counts once, at its furthest status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CreditsReport {
    /// Credits of completed courses.
    pub completed: u32,
    /// Credits of courses in progress.
    pub in_progress: u32,
    /// Credits of planned courses.
    pub planned: u32,
    /// Completed plus in progress plus planned.
    pub total: u32,
    /// Credits the degree needs.
    pub degree: u32,
    /// Credits still to place to reach the degree.
    pub remaining: u32,
}

impl From<Credits> for CreditsReport {
    fn from(c: Credits) -> Self {
        CreditsReport {
            completed: c.completed,
            in_progress: c.in_progress,
            planned: c.planned,
            total: c.total(),
            degree: c.degree,
            remaining: c.remaining(),
        }
    }
}

/// What the career paths say as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CareerSummary {
    /// Whether the paths are ranked (not while a required course is in no term).
    pub ranked: bool,
    /// Whether every course of the program is required.
    pub all_required: bool,
    /// The id of the path the results favour, if one is ahead of the others.
    pub strongest: Option<String>,
    /// The sentences: the program note, why the paths are not ranked, what the results say.
    pub text: Vec<String>,
}

/// One of a path's core courses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoreReport {
    /// The course's code.
    pub code: String,
    /// Its weight for the path, with the plan's focus.
    pub weight: u32,
    /// `Planned`, `InProgress` or `Completed`; `null` when it is in no term.
    pub status: Option<Status>,
    /// The name of the term it is in; `null` when in none.
    pub term: Option<String>,
}

/// A completed course behind a path's strength.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContributionReport {
    /// The course's code.
    pub code: String,
    /// Its weight for the path, with the plan's focus.
    pub weight: u32,
    /// The grade recorded, if any.
    pub grade: Option<String>,
    /// The grade's points, 0 to 4 (3 without a grade).
    pub points: f64,
}

/// Something to do for a path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepReport {
    /// `place`, `take` or `focus`.
    pub kind: StepKind,
    /// The course's code.
    pub code: String,
    /// The sentence the planner shows.
    pub text: String,
}

/// What a step asks for; written `place`, `take` or `focus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    /// Put an unplanned course into a term.
    Place,
    /// Take (pass) a planned course.
    Take,
    /// Make a course the project focus.
    Focus,
}

/// Where the plan stands in one career path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CareerReport {
    /// The path's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The one letter that marks it.
    pub mark: char,
    /// Whether it is the plan's target path.
    pub target: bool,
    /// Weight of completed courses over the path's total weight, in whole percent.
    pub done_percent: u32,
    /// Weight of every placed course over the path's total weight, in whole percent.
    pub planned_percent: u32,
    /// Sum of the weights of completed courses.
    pub done_weight: u32,
    /// Sum of the weights of placed courses, whatever their status.
    pub planned_weight: u32,
    /// Sum of the weights of all the program's courses for the path, with the plan's focus.
    pub total_weight: u32,
    /// Sum of the weights of courses in progress.
    pub in_progress_weight: u32,
    /// Strength by results: the weight-averaged grade points (0 to 4) of the
    /// completed courses for the path, to one decimal as the planner shows it; `null` before
    /// any is completed.
    pub strength: Option<f64>,
    /// The GPA over the path's courses (those that give it weight), weighted by credits and
    /// rounded to two decimals as the plan's GPA is; absent while none has a grade with
    /// points. Unlike `strength`, it uses the program's grade scale and leaves ungraded
    /// courses out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gpa: Option<f64>,
    /// The completed courses behind `strength`, most weight times points first.
    pub contributions: Vec<ContributionReport>,
    /// The path's core courses, in plan order.
    pub core: Vec<CoreReport>,
    /// The term by whose end every core course is completed as planned; `null` while one is in
    /// no term.
    pub ready_after: Option<String>,
    /// Weight of the electives placed and of all electives for the path; `null` when the
    /// program's electives give it nothing.
    pub electives: Option<[u32; 2]>,
    /// When the path is ready and where its core stands, as sentences.
    pub text: Vec<String>,
    /// What to do next for the path.
    pub next_steps: Vec<StepReport>,
}

/// The next course for the target path: the first course to place or take from its next
/// steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NextCourseReport {
    /// The path's id.
    pub path: String,
    /// The course's code.
    pub code: String,
    /// Its title.
    pub title: String,
    /// Its credits.
    pub credits: u32,
    /// The share of the path's weight it gives, in whole percent.
    pub gain_percent: u32,
}

/// Where the plan stands in the program's requirement groups and streams.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequirementsReport {
    /// Every stream, in file order.
    pub streams: Vec<StreamReport>,
    /// Every group in force (the program's, then the chosen options'), parents before their
    /// sub-groups.
    pub groups: Vec<GroupReport>,
}

/// One stream and the option in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StreamReport {
    /// The stream's id (the key in the plan's `choices`).
    pub id: String,
    /// Its name.
    pub name: String,
    /// The code of the option in force: the plan's choice, or a required stream's default;
    /// `null` when none.
    pub option: Option<String>,
    /// Whether the plan chose it (false when the default is used).
    pub chosen: bool,
}

/// One requirement group: progress, what is left, and what filled it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupReport {
    /// The group's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The stream option it belongs to, by code; `null` for the program's own.
    pub option: Option<String>,
    /// Its depth in its tree (0 for a top-level group).
    pub depth: usize,
    /// What `have` and `need` count: `credits`, `courses`, `sub-groups` or `items`.
    pub unit: &'static str,
    /// How much the plan gives it, caps applied.
    pub have: u32,
    /// How much it needs (0 for a sub-group that only caps).
    pub need: u32,
    /// Whether it and its sub-groups are complete.
    pub met: bool,
    /// Credits placed toward it that its cap kept from counting.
    pub over_cap: u32,
    /// What is left, in words.
    pub left: Vec<String>,
    /// The codes of the placed courses that filled it, in plan order.
    pub filled_by: Vec<String>,
}

impl RequirementsReport {
    /// The groups and streams of `plan`; `None` when the program has neither.
    pub fn of(curriculum: &Curriculum, plan: &Plan) -> Option<Self> {
        let progress = model::requirements::progress(curriculum, plan);
        if progress.is_empty() {
            return None;
        }
        Some(RequirementsReport {
            streams: progress
                .streams
                .iter()
                .map(|s| StreamReport {
                    id: s.stream.id.clone(),
                    name: s.stream.name.clone(),
                    option: s.option.map(|o| o.code.clone()),
                    chosen: s.chosen,
                })
                .collect(),
            groups: progress
                .groups
                .iter()
                .map(|g| GroupReport {
                    id: g.group.id.clone(),
                    name: g.group.name.clone(),
                    option: match g.owner {
                        model::groups::Owner::Program => None,
                        model::groups::Owner::Stream { stream, option } => {
                            Some(curriculum.streams[stream].options[option].code.clone())
                        }
                    },
                    depth: g.depth,
                    unit: g.unit.noun(),
                    have: g.have,
                    need: g.need,
                    met: g.met,
                    over_cap: g.over_cap,
                    left: g.left.clone(),
                    filled_by: g.filled_by.clone(),
                })
                .collect(),
        })
    }
}

/// One problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProblemReport {
    /// `error` or `warning`.
    pub severity: Severity,
    /// A stable name for the kind of problem, e.g. `prerequisite_order`.
    pub kind: ProblemCode,
    /// The sentence shown to the student.
    pub message: String,
    /// The name of the term it is in, if it belongs to one.
    pub term: Option<String>,
    /// The exception that answers it, as marked ("waived: reason (by, date)"); absent when
    /// none does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exception: Option<String>,
    /// Whether a granted exception answers it: it is shown but counts as met.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub waived: bool,
}

impl ProblemReport {
    /// Whether it still counts: not answered by a granted exception.
    pub fn open(&self) -> bool {
        !self.waived
    }
}

/// The plan's prior credit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PriorReport {
    /// Credits of prior credit that count toward the degree (within the program's cap).
    pub credits: u32,
    /// Each entry, in file order.
    pub entries: Vec<PriorEntryReport>,
}

/// One entry of prior credit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PriorEntryReport {
    /// `transfer`, `exam`, `recognition` or `other`.
    pub source: String,
    /// The course it stands for, if any.
    pub course: Option<String>,
    /// The course's title, when the program has that course.
    pub title: Option<String>,
    /// The group id or attribute unassigned credits count toward, if any.
    pub toward: Option<String>,
    /// Credits it is worth.
    pub credits: u32,
    /// The institution or exam.
    pub from: String,
    /// The result there.
    pub result: String,
    /// The note.
    pub note: String,
    /// Whether the program lets it count (not for a course that must be taken here).
    pub counts: bool,
}

/// One exception.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExceptionReport {
    /// `waive`, `substitute`, `also-allow`, `acknowledge` or `change-limit`.
    pub kind: String,
    /// What it does, in words.
    pub what: String,
    /// Why.
    pub reason: String,
    /// Who asked for it, and when.
    pub author: String,
    /// When it was asked for.
    pub date: String,
    /// `requested`, `granted` or `refused`.
    pub state: String,
    /// The reviewer who decided, and when, once decided.
    pub decided: Option<[String; 2]>,
    /// The messages of the problems it answers now.
    pub answers: Vec<String>,
    /// `orphaned` or `stale` when `check` warns about it.
    pub trouble: Option<String>,
}

/// The stable name of a kind of problem, written in snake case (`prerequisite_order`): the
/// audit's kinds and a verdict whose record was altered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    /// [`ProblemKind::PrerequisiteOrder`].
    PrerequisiteOrder,
    /// [`ProblemKind::PrerequisiteStatus`].
    PrerequisiteStatus,
    /// [`ProblemKind::UnknownGrade`].
    UnknownGrade,
    /// [`ProblemKind::OverLoad`].
    OverLoad,
    /// [`ProblemKind::PlacedTwice`].
    PlacedTwice,
    /// [`ProblemKind::UnknownCourse`].
    UnknownCourse,
    /// [`ProblemKind::RequiredUnplanned`].
    RequiredUnplanned,
    /// [`ProblemKind::ElectivesShort`].
    ElectivesShort,
    /// [`ProblemKind::DegreeShort`].
    DegreeShort,
    /// [`ProblemKind::CurriculumChanged`].
    CurriculumChanged,
    /// [`ProblemKind::NotOffered`].
    NotOffered,
    /// [`ProblemKind::NotOfferedThisYear`].
    NotOfferedThisYear,
    /// [`ProblemKind::RequisiteUnmet`].
    RequisiteUnmet,
    /// [`ProblemKind::CreditsShort`].
    CreditsShort,
    /// [`ProblemKind::NeedsPermission`].
    NeedsPermission,
    /// [`ProblemKind::NeedsCheck`].
    NeedsCheck,
    /// [`ProblemKind::GradeUnknown`].
    GradeUnknown,
    /// [`ProblemKind::GradeLow`].
    GradeLow,
    /// [`ProblemKind::Enrolment`].
    Enrolment,
    /// [`ProblemKind::Excluded`].
    Excluded,
    /// [`ProblemKind::CreditsOutOfRange`].
    CreditsOutOfRange,
    /// [`ProblemKind::OfferingsUnchecked`].
    OfferingsUnchecked,
    /// [`ProblemKind::GroupShort`].
    GroupShort,
    /// [`ProblemKind::StreamUnchosen`].
    StreamUnchosen,
    /// [`ProblemKind::ChoiceUnknown`].
    ChoiceUnknown,
    /// [`ProblemKind::OverCap`].
    OverCap,
    /// [`ProblemKind::LimitOver`].
    LimitOver,
    /// [`ProblemKind::PriorUnknownCourse`].
    PriorUnknownCourse,
    /// [`ProblemKind::PriorTakenHere`].
    PriorTakenHere,
    /// [`ProblemKind::PriorAlsoPlaced`].
    PriorAlsoPlaced,
    /// [`ProblemKind::PriorOverCap`].
    PriorOverCap,
    /// The verdict's record does not match its stamp.
    VerdictDamaged,
    /// An exception whose target no longer exists.
    ExceptionOrphaned,
    /// An exception whose premise changed.
    ExceptionStale,
}

impl From<&ProblemKind> for ProblemCode {
    fn from(kind: &ProblemKind) -> Self {
        match kind {
            ProblemKind::PrerequisiteOrder { .. } => ProblemCode::PrerequisiteOrder,
            ProblemKind::PrerequisiteStatus { .. } => ProblemCode::PrerequisiteStatus,
            ProblemKind::UnknownGrade { .. } => ProblemCode::UnknownGrade,
            ProblemKind::OverLoad { .. } => ProblemCode::OverLoad,
            ProblemKind::PlacedTwice { .. } => ProblemCode::PlacedTwice,
            ProblemKind::UnknownCourse { .. } => ProblemCode::UnknownCourse,
            ProblemKind::RequiredUnplanned { .. } => ProblemCode::RequiredUnplanned,
            ProblemKind::ElectivesShort { .. } => ProblemCode::ElectivesShort,
            ProblemKind::DegreeShort { .. } => ProblemCode::DegreeShort,
            ProblemKind::CurriculumChanged => ProblemCode::CurriculumChanged,
            ProblemKind::NotOffered { .. } => ProblemCode::NotOffered,
            ProblemKind::NotOfferedThisYear { .. } => ProblemCode::NotOfferedThisYear,
            ProblemKind::RequisiteUnmet { .. } => ProblemCode::RequisiteUnmet,
            ProblemKind::CreditsShort { .. } => ProblemCode::CreditsShort,
            ProblemKind::NeedsPermission { .. } => ProblemCode::NeedsPermission,
            ProblemKind::NeedsCheck { .. } => ProblemCode::NeedsCheck,
            ProblemKind::GradeUnknown { .. } => ProblemCode::GradeUnknown,
            ProblemKind::GradeLow { .. } => ProblemCode::GradeLow,
            ProblemKind::Enrolment { .. } => ProblemCode::Enrolment,
            ProblemKind::Excluded { .. } => ProblemCode::Excluded,
            ProblemKind::CreditsOutOfRange { .. } => ProblemCode::CreditsOutOfRange,
            ProblemKind::OfferingsUnchecked { .. } => ProblemCode::OfferingsUnchecked,
            ProblemKind::GroupShort { .. } => ProblemCode::GroupShort,
            ProblemKind::StreamUnchosen { .. } => ProblemCode::StreamUnchosen,
            ProblemKind::ChoiceUnknown { .. } => ProblemCode::ChoiceUnknown,
            ProblemKind::OverCap { .. } => ProblemCode::OverCap,
            ProblemKind::LimitOver { .. } => ProblemCode::LimitOver,
            ProblemKind::PriorUnknownCourse { .. } => ProblemCode::PriorUnknownCourse,
            ProblemKind::PriorTakenHere { .. } => ProblemCode::PriorTakenHere,
            ProblemKind::PriorAlsoPlaced { .. } => ProblemCode::PriorAlsoPlaced,
            ProblemKind::PriorOverCap { .. } => ProblemCode::PriorOverCap,
        }
    }
}

/// What a note is on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteTargetReport {
    /// `plan`, `term` or `course`.
    pub kind: NoteOn,
    /// The term's name or the course's code; `null` for the plan.
    pub name: Option<String>,
    /// The course's title, for a note on a course the program knows.
    pub title: Option<String>,
}

/// The kind of thing a note is on; written `plan`, `term` or `course`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteOn {
    /// The plan as a whole.
    Plan,
    /// A term.
    Term,
    /// A course.
    Course,
}

/// An advisor's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteReport {
    /// What it is on.
    pub on: NoteTargetReport,
    /// The note.
    pub text: String,
    /// Who wrote it.
    pub author: String,
    /// When, as written in the file (YYYY-MM-DD).
    pub date: String,
    /// Whether the student marked it dealt with.
    pub addressed: bool,
}

/// The verdict and where the plan stands against it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerdictReport {
    /// `unreviewed`, `approved`, `changes-requested`, `changed` or `damaged`.
    pub state: VerdictKey,
    /// One sentence, e.g. "approved by Dr Grace on 2026-11-20".
    pub text: String,
    /// `Approved` or `ChangesRequested` (as in the plan file); absent when unreviewed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    /// Who gave the verdict; absent when unreviewed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewer: Option<String>,
    /// When; absent when unreviewed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The reviewer's comment; absent when unreviewed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// What changed since the verdict (empty unless `state` is `changed`).
    pub changes: Vec<Change>,
}

/// Where a plan stands against its verdict, by name: [`VerdictState::key`] as a type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VerdictKey {
    /// No verdict yet.
    Unreviewed,
    /// Approved, and the plan is as reviewed.
    Approved,
    /// Changes requested, and the plan is as reviewed.
    ChangesRequested,
    /// The plan changed since the verdict.
    Changed,
    /// The verdict's record was altered by hand.
    Damaged,
}

impl From<&VerdictState<'_>> for VerdictKey {
    fn from(state: &VerdictState<'_>) -> Self {
        match state {
            VerdictState::Unreviewed => VerdictKey::Unreviewed,
            VerdictState::Current(v) => match v.decision {
                Decision::Approved => VerdictKey::Approved,
                Decision::ChangesRequested => VerdictKey::ChangesRequested,
            },
            VerdictState::Changed(..) => VerdictKey::Changed,
            VerdictState::Damaged(_) => VerdictKey::Damaged,
        }
    }
}

impl VerdictReport {
    /// The verdict of `plan`.
    pub fn of(plan: &Plan) -> Self {
        let state = review::verdict_state(plan);
        let verdict = match &state {
            VerdictState::Unreviewed => None,
            VerdictState::Current(v) | VerdictState::Changed(v, _) | VerdictState::Damaged(v) => {
                Some(*v)
            }
        };
        VerdictReport {
            state: VerdictKey::from(&state),
            text: state.to_string(),
            decision: verdict.map(|v| v.decision),
            reviewer: verdict.map(|v| v.reviewer.clone()),
            date: verdict.map(|v| v.date.clone()),
            comment: verdict.map(|v| v.comment.clone()),
            changes: match state {
                VerdictState::Changed(_, changes) => changes,
                _ => Vec::new(),
            },
        }
    }
}

/// Whole percent of a share from 0.0 to 1.0.
pub(crate) fn percent(share: f64) -> u32 {
    (share * 100.0).round().clamp(0.0, 100.0) as u32
}

/// Every problem with the plan, errors first: the audit's problems, and a verdict whose record
/// was altered after it was given (an error: the verdict cannot be trusted). A plan that merely
/// changed since its verdict has no problem for that.
pub fn plan_problems(curriculum: &Curriculum, plan: &Plan) -> Vec<ProblemReport> {
    let problems = model::problems(curriculum, plan);
    let issues = exceptions::issues(curriculum, plan, &problems);
    let mut out: Vec<ProblemReport> = problems
        .into_iter()
        .map(|p| {
            let answer = exceptions::answer_of(curriculum, plan, &p).map(|(_, e)| e);
            ProblemReport {
                severity: p.severity,
                kind: ProblemCode::from(&p.kind),
                exception: answer.map(exceptions::mark),
                waived: answer.is_some_and(|e| e.granted()),
                message: p.message,
                term: p
                    .term
                    .and_then(|t| plan.terms.get(t))
                    .map(|t| t.name.clone()),
            }
        })
        .collect();
    out.extend(issues.into_iter().map(|i| ProblemReport {
        severity: Severity::Warning,
        kind: match i.trouble {
            exceptions::Trouble::Orphaned => ProblemCode::ExceptionOrphaned,
            exceptions::Trouble::Stale => ProblemCode::ExceptionStale,
        },
        message: i.message,
        term: None,
        exception: None,
        waived: false,
    }));
    let state = review::verdict_state(plan);
    if let VerdictState::Damaged(_) = state {
        let errors = out.iter().filter(|p| p.severity == Severity::Error).count();
        out.insert(
            errors,
            ProblemReport {
                severity: Severity::Error,
                kind: ProblemCode::VerdictDamaged,
                message: state.to_string(),
                term: None,
                exception: None,
                waived: false,
            },
        );
    }
    out
}

fn course_report(
    curriculum: &Curriculum,
    code: &str,
    status: Option<Status>,
    grade: Option<&String>,
) -> CourseReport {
    let course = curriculum.course(code);
    CourseReport {
        code: code.to_string(),
        title: course.map(|c| c.title.clone()),
        credits: course.map(|c| c.credits),
        status,
        grade: grade.cloned(),
        required: course.map(|c| c.required),
        attempt: None,
    }
}

fn career_report(
    curriculum: &Curriculum,
    plan: &Plan,
    s: &Standing,
    gpa: Option<f64>,
) -> CareerReport {
    let path = &curriculum.paths[s.path];
    let r = &s.readiness;
    CareerReport {
        id: path.id.clone(),
        name: path.name.clone(),
        mark: path.mark,
        target: plan.target_path.as_deref() == Some(path.id.as_str()),
        done_percent: percent(r.completed_share()),
        planned_percent: percent(r.committed_share()),
        done_weight: r.completed,
        planned_weight: r.committed,
        total_weight: r.total,
        in_progress_weight: r.in_progress,
        strength: s.strength.map(advice::rounded),
        gpa: gpa.map(|g| (g * 100.0).round() / 100.0),
        contributions: s
            .contributions
            .iter()
            .map(|x| ContributionReport {
                code: x.course.code.clone(),
                weight: x.weight,
                grade: x.grade.map(str::to_string),
                points: x.points,
            })
            .collect(),
        core: s
            .core
            .iter()
            .map(|x| CoreReport {
                code: x.course.code.clone(),
                weight: x.weight,
                status: x.status,
                term: x.term.map(|t| plan.terms[t].name.clone()),
            })
            .collect(),
        ready_after: s.ready_after.map(|t| plan.terms[t].name.clone()),
        electives: s.electives.map(|(a, b)| [a, b]),
        text: vec![advice::ready(plan, s), advice::core(curriculum, plan, s)],
        next_steps: model::next_steps(curriculum, plan, &path.id)
            .iter()
            .map(|step| StepReport {
                kind: match step {
                    Step::Place(_) => StepKind::Place,
                    Step::Take(..) => StepKind::Take,
                    Step::Focus(_) => StepKind::Focus,
                },
                code: step.course().code.clone(),
                text: advice::step(plan, step),
            })
            .collect(),
    }
}

/// Every career path of `plan`, in the order the planner shows them, and what they say.
pub fn careers(curriculum: &Curriculum, plan: &Plan) -> (Vec<CareerReport>, CareerSummary) {
    let standings: Standings = model::standings(curriculum, plan);
    let mut text = Vec::new();
    if curriculum.all_required() && !curriculum.paths.is_empty() {
        text.push(advice::ALL_REQUIRED.to_string());
    }
    text.extend(advice::unranked(&standings));
    if standings.ranked && !curriculum.paths.is_empty() {
        text.push(advice::results(curriculum, &standings));
    }
    let summary = CareerSummary {
        ranked: standings.ranked,
        all_required: curriculum.all_required(),
        strongest: standings
            .strongest()
            .map(|s| curriculum.paths[s.path].id.clone()),
        text,
    };
    let gpas = model::career::path_gpas(curriculum, plan);
    let reports = standings
        .paths
        .iter()
        .map(|s| career_report(curriculum, plan, s, gpas[s.path]))
        .collect();
    (reports, summary)
}

impl PriorReport {
    /// The plan's prior credit; `None` when it has none.
    pub fn of(curriculum: &Curriculum, plan: &Plan) -> Option<Self> {
        if plan.prior.is_empty() {
            return None;
        }
        let entries = plan
            .prior
            .iter()
            .map(|e| PriorEntryReport {
                source: e.source.label().to_string(),
                course: e.course().map(str::to_string),
                title: e
                    .course()
                    .and_then(|c| curriculum.course(c))
                    .map(|c| c.title.clone()),
                toward: match &e.stands_for {
                    StandsFor::Credits { toward } => toward.clone(),
                    StandsFor::Course(_) => None,
                },
                credits: e.credits,
                from: e.from.clone(),
                result: e.result.clone(),
                note: e.note.clone(),
                counts: model::prior::allowed(curriculum, e),
            })
            .collect();
        Some(PriorReport {
            credits: model::prior::credits(curriculum, plan),
            entries,
        })
    }
}

impl ExceptionReport {
    /// Every exception of the plan, with the problems it answers and what `check` says.
    pub fn all(curriculum: &Curriculum, plan: &Plan) -> Vec<Self> {
        if plan.exceptions.is_empty() {
            return Vec::new();
        }
        let problems = model::problems(curriculum, plan);
        let issues = exceptions::issues(curriculum, plan, &problems);
        plan.exceptions
            .iter()
            .enumerate()
            .map(|(i, e)| ExceptionReport {
                kind: e.grant.kind().to_string(),
                what: e.grant.describe(),
                reason: e.reason.clone(),
                author: e.author.clone(),
                date: e.date.clone(),
                state: e.state.label().to_string(),
                decided: match &e.state {
                    ExceptionState::Requested => None,
                    ExceptionState::Granted { by, date } | ExceptionState::Refused { by, date } => {
                        Some([by.clone(), date.clone()])
                    }
                },
                answers: problems
                    .iter()
                    .filter(|p| exceptions::answers(curriculum, plan, &e.grant, &p.kind))
                    .map(|p| p.message.clone())
                    .collect(),
                trouble: issues.iter().find(|x| x.index == i).map(|x| {
                    match x.trouble {
                        exceptions::Trouble::Orphaned => "orphaned",
                        exceptions::Trouble::Stale => "stale",
                    }
                    .to_string()
                }),
            })
            .collect()
    }
}

/// The report of `plan` checked against `curriculum`; `file` names the plan file.
pub fn plan_report(curriculum: &Curriculum, plan: &Plan, file: &str) -> PlanReport {
    let scale = model::gpa::scale_of(curriculum);
    let superseded = model::gpa::superseded(scale, plan);
    let terms = plan
        .terms
        .iter()
        .enumerate()
        .map(|(i, t)| TermReport {
            name: t.name.clone(),
            credits: model::term_credits(curriculum, plan, i),
            limit: curriculum.max_term_credits,
            courses: t
                .courses
                .iter()
                .enumerate()
                .map(|(k, p)| CourseReport {
                    attempt: if model::gpa::failed(scale, p) {
                        Some("failed")
                    } else if superseded.contains(&(i, k)) {
                        Some("repeated")
                    } else {
                        None
                    },
                    ..course_report(curriculum, &p.code, Some(p.status), p.grade.as_ref())
                })
                .collect(),
        })
        .collect();
    let unplanned = plan
        .unplanned(curriculum)
        .into_iter()
        .map(|c| course_report(curriculum, &c.code, None, None))
        .collect();
    let (careers, career_summary) = careers(curriculum, plan);
    let next_course = plan.target_path.as_deref().and_then(|id| {
        let path = curriculum.path_index(id)?;
        let course = model::next_steps(curriculum, plan, id)
            .into_iter()
            .find(|s| !matches!(s, Step::Focus(_)))?
            .course()
            .clone();
        let gain = f64::from(model::career::weight(plan, &course, id))
            / f64::from(model::career::path_total(curriculum, plan, path).max(1));
        Some(NextCourseReport {
            path: id.to_string(),
            code: course.code,
            title: course.title,
            credits: course.credits,
            gain_percent: percent(gain),
        })
    });
    let notes = plan
        .notes
        .iter()
        .map(|n| NoteReport {
            on: match &n.on {
                NoteTarget::Plan => NoteTargetReport {
                    kind: NoteOn::Plan,
                    name: None,
                    title: None,
                },
                NoteTarget::Term(name) => NoteTargetReport {
                    kind: NoteOn::Term,
                    name: Some(name.clone()),
                    title: None,
                },
                NoteTarget::Course(code) => NoteTargetReport {
                    kind: NoteOn::Course,
                    name: Some(code.clone()),
                    title: curriculum.course(code).map(|c| c.title.clone()),
                },
            },
            text: n.text.clone(),
            author: n.author.clone(),
            date: n.date.clone(),
            addressed: n.addressed,
        })
        .collect();
    PlanReport {
        file: file.to_string(),
        student: plan.student.clone(),
        program: ProgramReport {
            name: curriculum.name.clone(),
            hash: curriculum.content_hash().to_string(),
            plan_name: plan.curriculum.name.clone(),
            plan_hash: plan.curriculum.hash.clone(),
        },
        target_path: plan.target_path.clone(),
        terms,
        unplanned,
        credits: model::credits(curriculum, plan).into(),
        gpa: GpaReport::of(curriculum, plan),
        target_gpa: None,
        careers,
        career_summary,
        next_course,
        requirements: RequirementsReport::of(curriculum, plan),
        problems: plan_problems(curriculum, plan),
        prior: PriorReport::of(curriculum, plan),
        exceptions: ExceptionReport::all(curriculum, plan),
        notes,
        verdict: VerdictReport::of(plan),
    }
}

impl PlanReport {
    /// The report with the calculator's answer for `target` (none: no answer).
    pub fn with_target_gpa(
        self,
        curriculum: &Curriculum,
        plan: &Plan,
        target: Option<f64>,
    ) -> Self {
        PlanReport {
            target_gpa: TargetGpaReport::of(curriculum, plan, target),
            ..self
        }
    }

    /// The report as pretty-printed JSON, ending in a newline.
    pub fn to_json(&self) -> String {
        to_json(self)
    }
}

/// The report as pretty-printed JSON, ending in a newline.
pub fn plan_json(curriculum: &Curriculum, plan: &Plan, file: &str) -> String {
    plan_report(curriculum, plan, file).to_json()
}

/// Pretty-printed JSON of a report value, ending in a newline.
pub(crate) fn to_json<T: Serialize>(value: &T) -> String {
    // Serializing these plain structs cannot fail: every map key is a string.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}
