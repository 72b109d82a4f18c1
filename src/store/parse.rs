//! RON text to curricula and plans, and plans back to RON: every problem with its position,
//! strings cleaned before validation, and older plan versions migrated forward.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::error::{FileError, Located};
use super::migrate;
use super::read::without_bom;
use super::source::SourceMap;
use crate::model::text::{self, Clean};
use crate::model::{Curriculum, PLAN_VERSION, Plan, validate};

pub(super) fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

pub(super) fn ron_error(e: &ron::error::SpannedError, source: &str) -> Located {
    let mut message = match &e.code {
        // The name RON found is the first word of whatever file this is (`root` for a copy
        // of /etc/passwd): say what was expected, and quote nothing of the file.
        ron::Error::ExpectedDifferentStructName { expected, .. } => {
            format!("Expected struct `{expected}` but found another name")
        }
        code => code.to_string(),
    };
    text::clean(&mut message);
    Located {
        position: Some(skip_blanks(source, &e.span)),
        message,
    }
}

/// The start of `span`, moved past any whitespace it begins with: for a value of the wrong
/// type RON reports the cursor before the blanks that precede the value, not the value itself.
fn skip_blanks(text: &str, span: &ron::error::Span) -> (usize, usize) {
    let start = (span.start.line, span.start.col);
    let end = (span.end.line, span.end.col);
    let (mut line, mut col) = (1, 1);
    let mut moved = start;
    for c in text.chars() {
        if (line, col) >= end {
            break;
        }
        if (line, col) >= start {
            if !c.is_whitespace() {
                break;
            }
            moved = if c == '\n' {
                (line + 1, 1)
            } else {
                (line, col + 1)
            };
        }
        (line, col) = if c == '\n' {
            (line + 1, 1)
        } else {
            (line, col + 1)
        };
    }
    moved
}

/// A curriculum ready to use, with warnings worth showing (e.g. removed control characters).
#[derive(Debug, Clone)]
pub struct LoadedCurriculum {
    /// The validated curriculum.
    pub curriculum: Curriculum,
    /// Non-fatal notes about the file.
    pub warnings: Vec<String>,
}

/// Text from this size on is parsed with its source map and content hash built on a second
/// thread (a catalog of thousands of courses); below it a thread costs more than it saves.
const PARALLEL_FROM: usize = 64 * 1024;

/// Parses and validates curriculum text; `file` names it in errors.
///
/// On a big catalog the three costly steps that only read run side by side: the source
/// map (which needs only the text) while serde parses, and the content hash while the
/// curriculum is validated.
pub fn parse_curriculum(text: &str, file: &str) -> Result<LoadedCurriculum, FileError> {
    let text = without_bom(text);
    let error = |problems| FileError {
        file: file.to_string(),
        problems,
    };
    let parallel = text.len() >= PARALLEL_FROM;
    std::thread::scope(|scope| {
        let map = Pending::start(scope, parallel, || SourceMap::new(text));
        let mut curriculum: Curriculum = ron_options()
            .from_str(text)
            .map_err(|e| error(vec![ron_error(&e, text)]))?;
        // Clean first, so that validation sees what will be shown: two codes that differ
        // only by a zero-width character are duplicates, a title of only escapes is blank.
        let cleaned = curriculum.clean_strings();
        let map = map.finish();
        // The hash reads the cleaned curriculum; everything up to storing the reasons reads
        // it too, so both run side by side.
        let (hash, checked) = std::thread::scope(|inner| {
            let hash = Pending::start(inner, parallel, || curriculum.content_hash_now());
            let checked = check(&curriculum, &map, file, cleaned);
            (hash.finish(), checked)
        });
        let Checked { warnings, reasons } = checked.map_err(error)?;
        for (course, reasons) in curriculum.courses.iter_mut().zip(reasons) {
            course.reasons = reasons;
        }
        curriculum.prepare_with_hash(hash);
        Ok(LoadedCurriculum {
            curriculum,
            warnings,
        })
    })
}

/// What [`check`] found in a curriculum with no errors.
struct Checked {
    /// The warnings, each with its position.
    warnings: Vec<String>,
    /// Each course's career reasons, cleaned, in course order.
    reasons: Vec<BTreeMap<String, String>>,
}

/// The validation findings of a parsed curriculum, located in its source: the errors, or
/// the warnings and each course's career reasons when there are none.
fn check(
    curriculum: &Curriculum,
    map: &SourceMap<'_>,
    file: &str,
    cleaned: usize,
) -> Result<Checked, Vec<Located>> {
    let (errors, notes): (Vec<_>, Vec<_>) = validate::validate(curriculum)
        .into_iter()
        .partition(|f| f.severity == crate::model::Severity::Error);
    let mut findings: Vec<Located> = errors
        .into_iter()
        .map(|f| Located {
            position: map.locate(&f.anchor),
            message: f.message,
        })
        .collect();
    for f in &mut findings {
        text::clean(&mut f.message);
    }
    if !findings.is_empty() {
        findings.sort_by_key(|f| f.position.unwrap_or((usize::MAX, 0)));
        return Err(findings);
    }
    let mut warnings: Vec<String> = notes
        .into_iter()
        .map(|f| {
            let mut message = match map.locate(&f.anchor) {
                Some((line, col)) => format!("{file}:{line}:{col}: warning: {}", f.message),
                None => format!("{file}: warning: {}", f.message),
            };
            text::clean(&mut message);
            message
        })
        .collect();
    if cleaned > 0 {
        warnings.push(format!(
            "{file}: removed control or bidi characters from {cleaned} text field(s)"
        ));
    }
    let mut reasons = map.career_reasons();
    for reason in reasons.iter_mut().flat_map(|r| r.values_mut()) {
        text::clean(reason);
    }
    Ok(Checked { warnings, reasons })
}

/// A value being computed on a scoped thread, or already computed on this one.
enum Pending<'scope, T> {
    Running(std::thread::ScopedJoinHandle<'scope, T>),
    Done(T),
}

impl<'scope, T: Send + 'scope> Pending<'scope, T> {
    /// Starts `work` on a thread of `scope` when `parallel`, else does it now.
    fn start<'env, F>(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        parallel: bool,
        work: F,
    ) -> Self
    where
        F: FnOnce() -> T + Send + 'scope,
    {
        if parallel {
            Pending::Running(scope.spawn(work))
        } else {
            Pending::Done(work())
        }
    }

    /// The value, waiting for its thread; a panic there goes on here.
    fn finish(self) -> T {
        match self {
            Pending::Running(handle) => handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Pending::Done(value) => value,
        }
    }
}

/// Just enough of a plan to read its version before choosing how to parse the rest.
#[derive(Deserialize)]
#[serde(rename = "Plan")]
struct VersionProbe {
    version: u32,
}

/// Parses plan text of any supported version into the current [`Plan`].
pub fn parse_plan(text: &str, file: &str) -> Result<Plan, FileError> {
    let text = without_bom(text);
    let error = |problems| FileError {
        file: file.to_string(),
        problems,
    };
    // Nearly every plan is current: parse it once. Anything else (an older or newer
    // version, or an error) takes the careful path, which reads the version first.
    if let Ok(mut plan) = ron_options().from_str::<Plan>(text)
        && (migrate::CURRENT_SHAPE_FROM..=PLAN_VERSION).contains(&plan.version)
    {
        plan.version = PLAN_VERSION;
        plan.clean_strings();
        return Ok(plan);
    }
    let probe: VersionProbe = ron_options()
        .from_str(text)
        .map_err(|e| error(vec![ron_error(&e, text)]))?;
    if probe.version == 0 || probe.version > PLAN_VERSION {
        let map = SourceMap::new(text);
        return Err(error(vec![Located {
            position: map.locate(&validate::Anchor::Field("version")),
            message: format!(
                "plan format version {} is not one this program reads (it reads 1 to {PLAN_VERSION}); a newer degree-planner may open it",
                probe.version
            ),
        }]));
    }
    let parsed = match probe.version {
        1 => ron_options()
            .from_str::<migrate::PlanV1>(text)
            .map(Plan::from),
        _ => ron_options().from_str::<Plan>(text),
    };
    let mut plan = parsed.map_err(|e| error(vec![ron_error(&e, text)]))?;
    plan.version = PLAN_VERSION;
    plan.clean_strings();
    Ok(plan)
}

/// The plan as the RON text that [`super::save_plan`] writes.
pub fn plan_to_ron(plan: &Plan) -> String {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(4)
        .indentor("    ".to_string());
    let mut text = ron::ser::to_string_pretty(plan, config).unwrap_or_default();
    text.push('\n');
    text
}
