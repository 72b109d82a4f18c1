//! Reading and writing files: curricula, plans and the small state file, with size caps,
//! errors that name file, line and column, and atomic saves. All file I/O lives here.

pub mod library;
pub mod lock;
mod migrate;
pub mod recovery;
pub mod source;

use std::fmt;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::text::{self, Clean};
use crate::model::{Curriculum, PLAN_VERSION, Plan, validate};
use source::SourceMap;

/// The curriculum compiled into the binary.
pub const BUNDLED_CURRICULUM: &str = include_str!("../../data/curriculum.ron");
/// Name shown for the bundled curriculum where a file name would be.
pub const BUNDLED_NAME: &str = "<bundled curriculum>";
/// Largest plan (or state file) the app reads; anything bigger is refused before parsing.
pub const MAX_PLAN_BYTES: u64 = 4 * 1024 * 1024;
/// Largest curriculum the app reads: room for a whole university catalog (20,000 courses
/// take about 7 MiB), still refused before parsing when bigger.
pub const MAX_CURRICULUM_BYTES: u64 = 32 * 1024 * 1024;

/// One problem in a file, with its position where known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// 1-based line and column.
    pub position: Option<(usize, usize)>,
    /// What is wrong, in plain language.
    pub message: String,
}

/// A file that could not be used, with every problem found in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The file, as the user named it.
    pub file: String,
    /// Every problem, in file order where positions are known.
    pub problems: Vec<Located>,
}

impl FileError {
    fn single(file: &Path, message: impl Into<String>) -> Self {
        FileError {
            file: display_path(file),
            problems: vec![Located {
                position: None,
                message: message.into(),
            }],
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            match p.position {
                Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.file, p.message)?,
                None => write!(f, "{}: {}", self.file, p.message)?,
            }
        }
        Ok(())
    }
}

impl std::error::Error for FileError {}

/// A path as shown to the user, with unsafe characters removed.
pub fn display_path(path: &Path) -> String {
    let mut s = path.display().to_string();
    text::clean(&mut s);
    s
}

/// Reads a UTF-8 text file of at most `limit` bytes.
pub fn read_text(path: &Path, limit: u64) -> Result<String, FileError> {
    let fail = |m: String| FileError::single(path, m);
    // Look before opening: opening a named pipe or a device could block forever.
    let meta = fs::metadata(path).map_err(|e| fail(format!("cannot open: {}", io_reason(&e))))?;
    if meta.is_dir() {
        return Err(fail("is a directory, not a file".into()));
    }
    if !meta.is_file() {
        return Err(fail(
            "is not a regular file (a pipe, socket or device?)".into(),
        ));
    }
    let file = fs::File::open(path).map_err(|e| fail(format!("cannot open: {}", io_reason(&e))))?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))?;
    if bytes.len() as u64 > limit {
        return Err(fail(format!(
            "is larger than {} MiB; refusing to read it",
            limit / (1024 * 1024)
        )));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let prefix = String::from_utf8_lossy(good);
        FileError {
            file: display_path(path),
            problems: vec![Located {
                position: Some(source::line_col(&prefix, prefix.len())),
                message: "is not valid UTF-8 text".into(),
            }],
        }
    })?;
    Ok(text)
}

/// `text` without a leading UTF-8 byte-order mark, which some editors write.
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn io_reason(e: &std::io::Error) -> String {
    let mut s = match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    };
    text::clean(&mut s);
    s
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

fn ron_error(e: &ron::error::SpannedError, source: &str) -> Located {
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

/// Parses and validates curriculum text; `file` names it in errors.
pub fn parse_curriculum(text: &str, file: &str) -> Result<LoadedCurriculum, FileError> {
    let text = without_bom(text);
    let error = |problems| FileError {
        file: file.to_string(),
        problems,
    };
    let mut curriculum: Curriculum = ron_options()
        .from_str(text)
        .map_err(|e| error(vec![ron_error(&e, text)]))?;
    // Clean first, so that validation sees what will be shown: two codes that differ only
    // by a zero-width character are duplicates, a title of only escapes is blank.
    let cleaned = curriculum.clean_strings();
    let map = SourceMap::new(text);
    let mut findings: Vec<Located> = validate::validate(&curriculum)
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
        return Err(error(findings));
    }
    let mut warnings = Vec::new();
    if cleaned > 0 {
        warnings.push(format!(
            "{file}: removed control or bidi characters from {cleaned} text field(s)"
        ));
    }
    for (course, mut reasons) in curriculum.courses.iter_mut().zip(map.career_reasons()) {
        for reason in reasons.values_mut() {
            text::clean(reason);
        }
        course.reasons = reasons;
    }
    curriculum.prepare();
    Ok(LoadedCurriculum {
        curriculum,
        warnings,
    })
}

/// The bundled Backend Engineering curriculum.
pub fn bundled_curriculum() -> Result<LoadedCurriculum, FileError> {
    parse_curriculum(BUNDLED_CURRICULUM, BUNDLED_NAME)
}

/// Loads `path`, or the bundled curriculum when `None`.
pub fn load_curriculum(path: Option<&Path>) -> Result<LoadedCurriculum, FileError> {
    match path {
        None => bundled_curriculum(),
        Some(path) => {
            parse_curriculum(&read_text(path, MAX_CURRICULUM_BYTES)?, &display_path(path))
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
        && plan.version == PLAN_VERSION
    {
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
    plan.clean_strings();
    Ok(plan)
}

/// Reads and parses a plan file.
pub fn load_plan(path: &Path) -> Result<Plan, FileError> {
    parse_plan(&read_text(path, MAX_PLAN_BYTES)?, &display_path(path))
}

/// The plan as the RON text that [`save_plan`] writes.
pub fn plan_to_ron(plan: &Plan) -> String {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(4)
        .indentor("    ".to_string());
    let mut text = ron::ser::to_string_pretty(plan, config).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes `text` to `path` atomically: a temporary file in the same directory is written,
/// synced and renamed over the target, then the directory is synced. On any failure the
/// previous file is untouched and the temporary file removed.
pub fn write_atomic(path: &Path, text: &str) -> Result<(), FileError> {
    write_atomic_with(path, text, |file, bytes| file.write_all(bytes))
}

/// [`write_atomic`] with the writing step supplied, so that tests can make it fail the way a
/// full disk or a file-size limit does.
pub fn write_atomic_with(
    path: &Path,
    text: &str,
    write: impl FnOnce(&mut fs::File, &[u8]) -> std::io::Result<()>,
) -> Result<(), FileError> {
    // Through a symbolic link, replace the file it points to, not the link.
    let resolved = path
        .is_symlink()
        .then(|| fs::canonicalize(path).ok())
        .flatten();
    let path = resolved.as_deref().unwrap_or(path);
    let fail = |what: &str, e: std::io::Error| {
        FileError::single(path, format!("cannot save ({what}): {}", io_reason(&e)))
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir).map_err(|e| fail("creating the folder", e))?;
    let prefix = temp_prefix(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    // Keep the file's permissions across saves; a new file gets the usual rw-r--r--
    // rather than the temporary file's private default.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        builder.permissions(fs::Permissions::from_mode(mode));
    }
    let mut tmp = builder
        .tempfile_in(&dir)
        .map_err(|e| fail("creating a temporary file", e))?;
    write(tmp.as_file_mut(), text.as_bytes()).map_err(|e| fail("writing", e))?;
    tmp.as_file().sync_all().map_err(|e| fail("syncing", e))?;
    tmp.persist(path)
        .map_err(|e| fail("replacing the file", e.error))?;
    if let Ok(d) = fs::File::open(&dir) {
        // Not every platform can sync a directory; the rename itself has happened.
        let _ = d.sync_all();
    }
    Ok(())
}

const TEMP_SUFFIX: &str = ".tmp";

/// Temporary files for `path` are hidden and named after it: `.ada.ron.XXXXXX.tmp`.
fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}.")
}

/// Removes temporary files a crash mid-save left beside `path`. Call only while holding the
/// plan's lock, so that no other save of it can be under way. Returns how many were removed.
pub fn remove_stale_temps(path: &Path) -> usize {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(&prefix)
                && name.ends_with(TEMP_SUFFIX)
                && name.len() > prefix.len() + TEMP_SUFFIX.len()
        })
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}

/// Saves a plan atomically.
pub fn save_plan(path: &Path, plan: &Plan) -> Result<(), FileError> {
    write_atomic(path, &plan_to_ron(plan))
}

/// Environment variable naming the data directory.
pub const DATA_DIR_ENV: &str = "DEGREE_PLANNER_DATA_DIR";

/// The data directory: the `--data-dir` flag, else [`DATA_DIR_ENV`], else the platform's.
/// The environment value is passed in so that tests never touch the process environment.
pub fn resolve_data_dir(flag: Option<PathBuf>, env: Option<std::ffi::OsString>) -> Option<PathBuf> {
    flag.or_else(|| env.filter(|v| !v.is_empty()).map(PathBuf::from))
        .or_else(|| {
            directories::ProjectDirs::from("", "", "degree-planner")
                .map(|d| d.data_dir().to_path_buf())
        })
}

/// Where plans live inside the data directory.
pub fn plans_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("plans")
}

/// The plan opened when none is named and none was used before.
pub fn default_plan_path(data_dir: &Path) -> PathBuf {
    plans_dir(data_dir).join("default.ron")
}

/// Small state kept between runs.
#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    #[serde(default)]
    last_plan: Option<PathBuf>,
    #[serde(default)]
    reviewer: Option<String>,
}

fn read_state(data_dir: &Path) -> State {
    read_text(&state_path(data_dir), MAX_PLAN_BYTES)
        .ok()
        .and_then(|text| ron_options().from_str(&text).ok())
        .unwrap_or_default()
}

fn write_state(data_dir: &Path, state: &State) -> Result<(), FileError> {
    let text = ron::ser::to_string_pretty(state, ron::ser::PrettyConfig::new()).unwrap_or_default();
    write_atomic(&state_path(data_dir), &text)
}

/// The reviewer name remembered from an earlier review.
pub fn known_reviewer(data_dir: &Path) -> Option<String> {
    let mut name = read_state(data_dir).reviewer?;
    text::clean(&mut name);
    Some(name).filter(|n| !n.trim().is_empty())
}

/// Remembers the reviewer's name for later reviews.
pub fn remember_reviewer(data_dir: &Path, name: &str) -> Result<(), FileError> {
    let mut state = read_state(data_dir);
    state.reviewer = Some(name.to_string());
    write_state(data_dir, &state)
}

fn state_path(data_dir: &Path) -> PathBuf {
    data_dir.join("state.ron")
}

/// The plan used last, if it was recorded and still exists.
pub fn last_plan(data_dir: &Path) -> Option<PathBuf> {
    read_state(data_dir).last_plan.filter(|p| p.is_file())
}

/// Records the plan used last.
pub fn remember_plan(data_dir: &Path, plan: &Path) -> Result<(), FileError> {
    let mut state = read_state(data_dir);
    let plan = Some(fs::canonicalize(plan).unwrap_or_else(|_| plan.to_path_buf()));
    // Reopening the same plan, the usual case, writes (and syncs) nothing.
    if state.last_plan == plan {
        return Ok(());
    }
    state.last_plan = plan;
    write_state(data_dir, &state)
}
