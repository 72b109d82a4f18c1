//! The student's plans in the data directory: listing them with a summary, duplicating,
//! renaming, moving to the trash (never destroying) and back out of it.

use std::fs;
use std::path::{Path, PathBuf};

use super::{FileError, display_path, load_plan, plans_dir};
use crate::model::{self, Curriculum, review};

/// One plan file as the picker shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanEntry {
    /// The file.
    pub path: PathBuf,
    /// The file name without `.ron`.
    pub name: String,
    /// When it was last saved, local time, "YYYY-MM-DD HH:MM".
    pub saved: String,
    /// The plan's summary, or why it could not be read.
    pub summary: Result<PlanSummary, String>,
}

/// What the picker says about a readable plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanSummary {
    /// The student's name.
    pub student: String,
    /// Credits placed, and the degree total.
    pub credits: (u32, u32),
    /// The verdict state, in words.
    pub verdict: String,
    /// How many errors and warnings the audit finds in it.
    pub problems: (usize, usize),
}

/// Whether a file name is a plan's: `*.ron`, not hidden (temporary files start with a dot).
/// The one rule for the picker and for `check` of a folder.
pub fn is_plan_name(name: &str) -> bool {
    !name.starts_with('.') && name.ends_with(".ron")
}

/// Whether `path` names a plan file: a plan's name ([`is_plan_name`]) and a regular file.
pub fn is_plan_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    is_plan_name(name) && path.is_file()
}

/// The plans in `data_dir/plans`, by name, with summaries against `curriculum`.
pub fn list(data_dir: &Path, curriculum: &Curriculum) -> Vec<PlanEntry> {
    list_in(&plans_dir(data_dir), curriculum)
}

/// The plans in the trash, `data_dir/trash`, by name (each name ends in when it was
/// trashed), with summaries against `curriculum`.
pub fn trashed(data_dir: &Path, curriculum: &Curriculum) -> Vec<PlanEntry> {
    list_in(&data_dir.join(TRASH), curriculum)
}

/// The trash folder's name in the data directory.
const TRASH: &str = "trash";

fn list_in(dir: &Path, curriculum: &Curriculum) -> Vec<PlanEntry> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut plans: Vec<PlanEntry> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| is_plan_file(p))
        .map(|path| entry(path, curriculum))
        .collect();
    plans.sort_by(|a, b| a.name.cmp(&b.name));
    plans
}

fn entry(path: PathBuf, curriculum: &Curriculum) -> PlanEntry {
    let name = path
        .file_stem()
        .map(|s| display_path(Path::new(s)))
        .unwrap_or_default();
    let saved = fs::metadata(&path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| jiff::Timestamp::try_from(t).ok())
        .map(|t| {
            t.to_zoned(jiff::tz::TimeZone::system())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default();
    let summary = load_plan(&path)
        .map(|plan| PlanSummary {
            problems: {
                let found = model::problems(curriculum, &plan);
                let errors = found
                    .iter()
                    .filter(|p| p.severity == model::Severity::Error)
                    .count();
                (errors, found.len() - errors)
            },
            credits: (
                model::credits(curriculum, &plan).total(),
                curriculum.degree_credits,
            ),
            verdict: review::verdict_state(&plan).to_string(),
            student: plan.student,
        })
        .map_err(|e| e.to_string());
    PlanEntry {
        path,
        name,
        saved,
        summary,
    }
}

/// The path for a plan called `name` in the data directory, if the name is usable: not
/// empty, no path separators, not hidden.
pub fn path_for(data_dir: &Path, name: &str) -> Result<PathBuf, String> {
    Ok(plans_dir(data_dir).join(file_name(name)?))
}

/// Where "save as" writes what the user typed: a bare name is a plan in the plans folder
/// (`.ron` added); `~/…` is in `home`; another relative path is taken from the plans folder
/// (never from wherever the planner was started); an absolute path is itself.
pub fn save_as_path(
    data_dir: Option<&Path>,
    home: Option<&Path>,
    typed: &str,
) -> Result<PathBuf, String> {
    let typed = typed.trim();
    if typed == "~" || typed.starts_with("~/") {
        let home = home.ok_or("there is no home folder for ~: type the whole path")?;
        return Ok(home.join(typed.trim_start_matches('~').trim_start_matches('/')));
    }
    let path = Path::new(typed);
    if path.is_absolute() {
        return Ok(path.to_path_buf());
    }
    let Some(dir) = data_dir else {
        return Err("there is no data directory to save in: type an absolute path".into());
    };
    if typed.contains(std::path::is_separator) {
        return Ok(plans_dir(dir).join(path));
    }
    path_for(dir, typed)
}

/// `name` as a plan's file name, if usable: not empty, no path separators, not hidden.
fn file_name(name: &str) -> Result<String, String> {
    let name = name.trim().trim_end_matches(".ron");
    if name.is_empty() || name.starts_with('.') || name.contains(['/', '\\']) {
        return Err(format!(
            "\"{name}\" cannot be a plan name: use letters, digits, spaces, - or _"
        ));
    }
    Ok(format!("{name}.ron"))
}

/// A name like "ada copy", "ada copy 2", ... that no plan in `dir` has yet.
fn free_copy_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    (1..)
        .map(|n| {
            let suffix = if n == 1 {
                " copy".to_string()
            } else {
                format!(" copy {n}")
            };
            path.with_file_name(format!("{stem}{suffix}.ron"))
        })
        .find(|p| !super::target::occupied(p))
        .unwrap_or_else(|| path.with_extension("copy.ron"))
}

fn io_error(path: &Path, what: &str, e: &std::io::Error) -> FileError {
    FileError::single(path, format!("cannot {what}: {e}"))
}

/// Copies a plan beside itself under a free "… copy" name; returns the copy's path.
pub fn duplicate(path: &Path) -> Result<PathBuf, FileError> {
    let text = super::read_text(path, super::MAX_PLAN_BYTES)?;
    let copy = free_copy_path(path);
    super::write_atomic(&copy, &text)?;
    Ok(copy)
}

/// Renames a plan file to `new_name` in the same folder; refuses to replace another plan.
pub fn rename(path: &Path, new_name: &str) -> Result<PathBuf, FileError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let target = dir.join(file_name(new_name).map_err(|e| FileError::single(path, e))?);
    if !fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return Err(FileError::single(
            path,
            "is not a regular file: not renamed",
        ));
    }
    // Anything there, a link to nothing or a named pipe included, is never replaced.
    if super::target::occupied(&target) {
        return Err(FileError::single(
            &target,
            "a plan of that name exists already",
        ));
    }
    move_no_replace(path, &target).map_err(|e| io_error(path, "rename", &e))?;
    Ok(target)
}

/// Moves a plan into `data_dir/trash/`, under a name that replaces nothing there; returns
/// where it went.
pub fn trash(path: &Path, data_dir: &Path) -> Result<PathBuf, FileError> {
    let bin = data_dir.join(TRASH);
    fs::create_dir_all(&bin).map_err(|e| io_error(&bin, "create the trash folder", &e))?;
    // A link planted in place of the trash would carry plans out of the data directory.
    if !fs::symlink_metadata(&bin).is_ok_and(|m| m.is_dir()) {
        return Err(FileError::single(
            &bin,
            "is not a folder (a link?): nothing moved to the trash",
        ));
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stamp = jiff::Timestamp::now().strftime("%Y%m%d-%H%M%S").to_string();
    let target = (1..)
        .map(|n| {
            let n = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            bin.join(format!("{stem}-{stamp}{n}.ron"))
        })
        .find(|p| !super::target::occupied(p))
        .unwrap_or_else(|| bin.join(format!("{stem}.ron")));
    move_no_replace(path, &target).map_err(|e| io_error(path, "move to the trash", &e))?;
    Ok(target)
}

/// Moves a plan out of the trash back into `data_dir/plans`, under the name it had before
/// it was trashed, or, when a plan has that name now, "NAME restored" ("NAME restored 2", …):
/// restoring never replaces a plan. Returns where it went.
pub fn restore(path: &Path, data_dir: &Path) -> Result<PathBuf, FileError> {
    let plans = plans_dir(data_dir);
    fs::create_dir_all(&plans).map_err(|e| io_error(&plans, "create the plans folder", &e))?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = untrashed_name(&stem);
    let target = (1..)
        .map(|n| match n {
            1 => plans.join(format!("{name}.ron")),
            2 => plans.join(format!("{name} restored.ron")),
            n => plans.join(format!("{name} restored {}.ron", n - 1)),
        })
        .find(|p| !super::target::occupied(p))
        .unwrap_or_else(|| plans.join(format!("{stem}.ron")));
    move_no_replace(path, &target).map_err(|e| io_error(path, "restore", &e))?;
    Ok(target)
}

/// The name a trashed plan had: its trash name without the "-YYYYMMDD-HHMMSS" (and "-N")
/// that [`trash`] added; a name without them is kept as it is.
fn untrashed_name(stem: &str) -> &str {
    let is_digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    // Without a counter, then with one.
    let strip = |s: &str| -> Option<usize> {
        let (rest, time) = s.rsplit_once('-')?;
        let (rest, date) = rest.rsplit_once('-')?;
        (is_digits(date, 8) && is_digits(time, 6) && !rest.is_empty()).then_some(rest.len())
    };
    if let Some(end) = strip(stem) {
        return &stem[..end];
    }
    match stem.rsplit_once('-') {
        Some((rest, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            strip(rest).map_or(stem, |end| &stem[..end])
        }
        _ => stem,
    }
}

/// Moves `from` to `to`, failing rather than replacing anything that appears at `to`
/// between the caller's look and the move: a hard link cannot be made over an existing
/// name. Where hard links are not possible (another file system, some platforms), falls
/// back to a rename after one more look.
fn move_no_replace(from: &Path, to: &Path) -> std::io::Result<()> {
    match fs::hard_link(from, to) {
        Ok(()) => fs::remove_file(from),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
        Err(_) if super::target::occupied(to) => Err(std::io::ErrorKind::AlreadyExists.into()),
        Err(_) => fs::rename(from, to),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Plan;

    fn setup() -> (tempfile::TempDir, Curriculum) {
        let dir = tempfile::tempdir().unwrap();
        let c = crate::store::bundled_curriculum().unwrap().curriculum;
        (dir, c)
    }

    #[test]
    fn lists_plans_with_summaries_and_unreadable_ones_with_reasons() {
        let (dir, c) = setup();
        let plans = plans_dir(dir.path());
        crate::store::save_plan(&plans.join("b.ron"), &Plan::recommended(&c, "Bo")).unwrap();
        fs::write(plans.join("a.ron"), "(version: 2,").unwrap();
        fs::write(plans.join(".hidden.ron"), "").unwrap();
        fs::write(plans.join("b.ron.lock"), "1").unwrap();
        let list = list(dir.path(), &c);
        let names: Vec<&str> = list.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["a", "b"]);
        assert!(list[0].summary.as_ref().unwrap_err().contains("a.ron:1:"));
        let b = list[1].summary.as_ref().unwrap();
        assert_eq!(
            (b.student.as_str(), b.credits, b.verdict.as_str()),
            ("Bo", (64, 64), "not reviewed")
        );
        assert_eq!(list[1].saved.len(), "2026-11-23 10:00".len());
        assert_eq!(b.problems, (0, 0), "the recommended schedule is sound");
    }

    #[test]
    fn a_trashed_plan_is_restored_under_its_name_or_a_free_restored_one() {
        let (dir, c) = setup();
        let plan = plans_dir(dir.path()).join("ada.ron");
        crate::store::save_plan(&plan, &Plan::recommended(&c, "Ada")).unwrap();
        let first = trash(&plan, dir.path()).unwrap();
        let listed: Vec<PathBuf> = trashed(dir.path(), &c)
            .into_iter()
            .map(|e| e.path)
            .collect();
        assert_eq!(listed, std::slice::from_ref(&first));
        assert_eq!(
            restore(&first, dir.path()).unwrap(),
            plan,
            "its own name, when free"
        );
        assert!(trashed(dir.path(), &c).is_empty());

        // Trashed again, and a new ada.ron made meanwhile: that one is never replaced.
        let again = trash(&plan, dir.path()).unwrap();
        crate::store::save_plan(&plan, &Plan::recommended(&c, "Ada II")).unwrap();
        let restored = restore(&again, dir.path()).unwrap();
        assert_eq!(restored, plans_dir(dir.path()).join("ada restored.ron"));
        assert_eq!(crate::store::load_plan(&plan).unwrap().student, "Ada II");
        assert_eq!(crate::store::load_plan(&restored).unwrap().student, "Ada");
        let third = trash(&restored, dir.path()).unwrap();
        fs::copy(&plan, plans_dir(dir.path()).join("ada restored.ron")).unwrap();
        let name = restore(&third, dir.path()).unwrap();
        assert_eq!(
            name,
            plans_dir(dir.path()).join("ada restored restored.ron")
        );
    }

    #[test]
    fn the_name_before_the_trash_is_the_trash_name_without_its_stamp() {
        assert_eq!(untrashed_name("ada-20261202-025800"), "ada");
        assert_eq!(untrashed_name("ada-20261202-025800-3"), "ada");
        assert_eq!(untrashed_name("my-plan-20261202-025800"), "my-plan");
        assert_eq!(untrashed_name("plan-2"), "plan-2");
        assert_eq!(untrashed_name("-20261202-025800"), "-20261202-025800");
        assert_eq!(untrashed_name("ada"), "ada");
    }

    #[test]
    fn a_summary_counts_the_problems_the_audit_finds() {
        let (dir, c) = setup();
        let mut plan = Plan::recommended(&c, "Bo");
        plan.terms.iter_mut().for_each(|t| t.courses.clear());
        let expected = crate::model::problems(&c, &plan);
        let errors = expected
            .iter()
            .filter(|p| p.severity == crate::model::Severity::Error)
            .count();
        assert!(errors > 0, "an empty plan misses required courses");
        crate::store::save_plan(&plans_dir(dir.path()).join("empty.ron"), &plan).unwrap();
        let list = list(dir.path(), &c);
        let summary = list[0].summary.as_ref().unwrap();
        assert_eq!(summary.problems, (errors, expected.len() - errors));
    }

    #[test]
    fn duplicate_rename_and_trash_never_lose_a_file() {
        let (dir, c) = setup();
        let plan = plans_dir(dir.path()).join("ada.ron");
        crate::store::save_plan(&plan, &Plan::recommended(&c, "Ada")).unwrap();
        let copy = duplicate(&plan).unwrap();
        assert_eq!(copy.file_name().unwrap(), "ada copy.ron");
        assert_eq!(
            duplicate(&plan).unwrap().file_name().unwrap(),
            "ada copy 2.ron"
        );
        assert_eq!(fs::read(&copy).unwrap(), fs::read(&plan).unwrap());
        assert!(
            rename(&copy, "ada copy 2").is_err(),
            "refuses to replace a plan"
        );
        assert!(rename(&copy, "../escape").is_err());
        let renamed = rename(&copy, "plan B").unwrap();
        assert!(renamed.ends_with("plan B.ron") && !copy.exists());
        let trashed = trash(&renamed, dir.path()).unwrap();
        assert!(trashed.starts_with(dir.path().join("trash")) && trashed.exists());
        assert!(!renamed.exists());
        let again = duplicate(&plan).unwrap();
        let again = rename(&again, "plan B").unwrap();
        let second = trash(&again, dir.path()).unwrap();
        assert_ne!(second, trashed, "a second trashing replaces nothing");
    }

    #[test]
    fn save_as_paths_are_taken_from_the_plans_folder_and_home() {
        let (data, home) = (Path::new("/data"), Path::new("/home/ada"));
        let at = |typed: &str| save_as_path(Some(data), Some(home), typed);
        assert_eq!(at("mine").unwrap(), Path::new("/data/plans/mine.ron"));
        assert_eq!(at(" mine.ron ").unwrap(), Path::new("/data/plans/mine.ron"));
        // Relative to the plans folder, not the process's working directory.
        assert_eq!(
            at("archive/old.ron").unwrap(),
            Path::new("/data/plans/archive/old.ron")
        );
        assert_eq!(
            at("../../x.ron").unwrap(),
            Path::new("/data/plans/../../x.ron")
        );
        // `~` is the home folder, never a folder named `~`.
        assert_eq!(at("~/x.ron").unwrap(), Path::new("/home/ada/x.ron"));
        assert_eq!(at("/tmp/x.ron").unwrap(), Path::new("/tmp/x.ron"));
        assert!(save_as_path(Some(data), None, "~/x.ron").is_err());
        assert!(save_as_path(None, Some(home), "x/y.ron").is_err());
        assert_eq!(
            save_as_path(None, Some(home), "/tmp/y.ron").unwrap(),
            Path::new("/tmp/y.ron")
        );
    }

    #[test]
    fn plan_names_are_checked() {
        let dir = Path::new("/data");
        assert_eq!(
            path_for(dir, "ada").unwrap(),
            Path::new("/data/plans/ada.ron")
        );
        assert_eq!(
            path_for(dir, "ada.ron").unwrap(),
            Path::new("/data/plans/ada.ron")
        );
        assert!(path_for(dir, " ").is_err());
        assert!(path_for(dir, "a/b").is_err());
        assert!(path_for(dir, ".hidden").is_err());
    }
}
