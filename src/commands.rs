//! The headless plan commands: `check`, `diff`, `report`, `autoplan`, `whatif` and `screen`. Each returns its exit
//! status.
//!
//! None of them ever writes to a plan. Output formats are in `crate::report`; this module
//! finds files, reads them, and turns outcomes into exit statuses.

use std::fs;
use std::path::{Path, PathBuf};

use crate::cli::{CheckFormat, ReportFormat};
use crate::model::{Curriculum, Plan};
use crate::report::{self, CheckReport, CheckedPlan};
use crate::store::{self, FileError};

/// Exit status for files that could not be read, parsed or written.
const EXIT_BAD_INPUT: u8 = 2;

/// `degree-planner check`: 0 all readable and problem-free, 1 problems, 2 unreadable files.
pub fn check(
    paths: &[PathBuf],
    format: CheckFormat,
    target_gpa: Option<f64>,
    curriculum: Option<&Path>,
) -> u8 {
    let Some(curriculum) = curriculum_or_report(curriculum) else {
        return EXIT_BAD_INPUT;
    };
    let (text, status) = check_output(&curriculum, paths, format, target_gpa);
    emit(&text, status)
}

/// Writes `text` to standard output and returns `status`. A reader that stopped reading (a
/// closed pipe, `| head`) ends the output quietly, as `git log | head` does, with the
/// command's own status; any other failure to write is reported, with status 2.
pub fn emit(text: &str, status: u8) -> u8 {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => status,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => status,
        Err(e) => {
            eprintln!("degree-planner: cannot write the output: {e}");
            EXIT_BAD_INPUT
        }
    }
}

/// What `check` prints for `paths` against `curriculum` (with the answer for `target_gpa`,
/// if asked), and its exit status: 2 when any file could not be read, else 1 when any plan
/// has a problem, else 0.
pub fn check_output(
    curriculum: &Curriculum,
    paths: &[PathBuf],
    format: CheckFormat,
    target_gpa: Option<f64>,
) -> (String, u8) {
    let files = expand(paths);
    let results = check_all(curriculum, &files, format, target_gpa);
    let mut plans = Vec::new();
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(plan) => plans.push(plan),
            Err(e) => errors.push(e),
        }
    }
    let report = CheckReport::new(plans, &errors);
    let text = match format {
        CheckFormat::Text => report::check_text(curriculum, &report, &errors),
        CheckFormat::Json => report.to_json(),
    };
    (text, report.exit_code())
}

/// `degree-planner diff A B`: 0 when the plans are the same, 1 when they differ, 2 when either
/// could not be read.
pub fn diff(before: &Path, after: &Path, curriculum: Option<&Path>) -> u8 {
    let Some(curriculum) = curriculum_or_report(curriculum) else {
        return EXIT_BAD_INPUT;
    };
    let (a, b) = (store::load_plan(before), store::load_plan(after));
    match (a, b) {
        (Ok(a), Ok(b)) => {
            let text = report::diff_text(
                &curriculum,
                &a,
                &store::display_path(before),
                &b,
                &store::display_path(after),
            );
            // As diff(1): 1 when they differ.
            emit(
                &text,
                u8::from(!crate::model::edits::edits(&curriculum, &a, &b).is_empty()),
            )
        }
        (a, b) => {
            for e in [a.err(), b.err()].into_iter().flatten() {
                eprintln!("{e}");
            }
            EXIT_BAD_INPUT
        }
    }
}

/// `degree-planner report PLAN`: 0 when written, 2 when the plan could not be read or the
/// output not written.
pub fn report(
    plan: &Path,
    format: ReportFormat,
    output: Option<&Path>,
    target_gpa: Option<f64>,
    curriculum: Option<&Path>,
) -> u8 {
    let Some(curriculum) = curriculum_or_report(curriculum) else {
        return EXIT_BAD_INPUT;
    };
    let Some(loaded) = plan_or_report(plan) else {
        return EXIT_BAD_INPUT;
    };
    let label = store::display_path(plan);
    let made = report::plan_report(&curriculum, &loaded, &label).with_target_gpa(
        &curriculum,
        &loaded,
        target_gpa,
    );
    let text = match format {
        ReportFormat::Markdown => report::report_markdown(&made),
        ReportFormat::Json => made.to_json(),
    };
    let Some(out) = output else {
        return emit(&text, 0);
    };
    if store::target::same_file(out, plan) {
        eprintln!(
            "{}: is the plan itself; a report there would replace it: nothing written",
            store::display_path(out)
        );
        return EXIT_BAD_INPUT;
    }
    write_or_report(out, &text)
}

/// `degree-planner autoplan PLAN`: 0 when a plan was found (and written to `output` if
/// given), 1 when none exists within the limits, 2 when a file could not be read or written.
pub fn autoplan(
    plan: &Path,
    options: &crate::model::autoplan::Options,
    output: Option<&Path>,
    curriculum: Option<&Path>,
) -> u8 {
    let Some(curriculum) = curriculum_or_report(curriculum) else {
        return EXIT_BAD_INPUT;
    };
    let Some(loaded) = plan_or_report(plan) else {
        return EXIT_BAD_INPUT;
    };
    if let Some(path) = &options.target
        && curriculum.path(path).is_none()
    {
        let ids: Vec<&str> = curriculum.paths.iter().map(|p| p.id.as_str()).collect();
        eprintln!(
            "degree-planner: no career path \"{path}\" in {} (paths: {})",
            curriculum.name,
            ids.join(", ")
        );
        return EXIT_BAD_INPUT;
    }
    let proposal = match crate::model::autoplan::autoplan(&curriculum, &loaded, options) {
        Ok(p) => p,
        Err(no) => {
            eprintln!("no plan: {no}");
            return 1;
        }
    };
    let label = store::display_path(plan);
    let text = report::autoplan_text(&curriculum, &loaded, &label, &proposal);
    let Some(out) = output else {
        return emit(&text, 0);
    };
    if store::target::same_file(out, plan) {
        eprintln!(
            "{}: is the plan itself; the auto-plan never replaces it: nothing written",
            store::display_path(out)
        );
        return EXIT_BAD_INPUT;
    }
    let status = emit_unless_stdout(out, &text);
    match write_or_report(out, &store::plan_to_ron(&proposal.plan)) {
        0 => status,
        failed => failed,
    }
}

/// The plan at `plan`, or `None` after saying on stderr why it could not be read.
fn plan_or_report(plan: &Path) -> Option<crate::model::Plan> {
    store::load_plan(plan).map_err(|e| eprintln!("{e}")).ok()
}

/// Writes `text` to `out` by the output policy and says on stderr where it went (through a
/// link: where the file really is): 0, or 2 after saying why it could not.
fn write_or_report(out: &Path, text: &str) -> u8 {
    match store::write_output(out, text) {
        Ok(store::Written::File { through_link }) => {
            match through_link {
                Some(real) => eprintln!(
                    "wrote {} (a link: the file is {})",
                    store::display_path(out),
                    store::display_path(&real)
                ),
                None => eprintln!("wrote {}", store::display_path(out)),
            }
            0
        }
        Ok(store::Written::Stream) => 0,
        Err(e) => {
            eprintln!("{e}");
            EXIT_BAD_INPUT
        }
    }
}

/// Prints `text` unless `out` is standard output (which then carries the plan itself).
fn emit_unless_stdout(out: &Path, text: &str) -> u8 {
    if out == Path::new("-") {
        0
    } else {
        emit(text, 0)
    }
}

/// `degree-planner whatif PLAN --curriculum FILE`: 0 when compared, 2 when a file could not
/// be read.
pub fn whatif(plan: &Path, other: &Path, curriculum: Option<&Path>) -> u8 {
    let Some(before) = curriculum_or_report(curriculum) else {
        return EXIT_BAD_INPUT;
    };
    let Some(after) = curriculum_or_report(Some(other)) else {
        return EXIT_BAD_INPUT;
    };
    let Some(loaded) = plan_or_report(plan) else {
        return EXIT_BAD_INPUT;
    };
    let comparison = crate::model::whatif::compare(&before, &after, &loaded);
    emit(
        &report::whatif_text(
            &before,
            &after,
            &store::display_path(plan),
            &store::display_path(other),
            &comparison,
        ),
        0,
    )
}

/// The curriculum to check against, or `None` after printing why it cannot be used.
fn curriculum_or_report(path: Option<&Path>) -> Option<Curriculum> {
    match store::load_curriculum(path) {
        Ok(loaded) => {
            for w in &loaded.warnings {
                eprintln!("warning: {w}");
            }
            Some(loaded.curriculum)
        }
        Err(e) => {
            eprintln!("{e}");
            None
        }
    }
}

/// The plan files named by `paths`, in order: a file as itself (whatever its name), a
/// directory as its `*.ron` files, sorted by name, and those of its subdirectories, except
/// hidden entries (names starting with `.`), lock files, `trash/` folders and a data
/// directory's `state.ron`. A directory that
/// cannot be read, or that holds no plan, is an error.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<PathBuf, FileError>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let before = out.len();
            walk(path, &mut out);
            if out.len() == before {
                out.push(Err(file_error(
                    path,
                    "is a directory with no plans (*.ron files) in it",
                )));
            }
        } else {
            out.push(Ok(path.clone()));
        }
    }
    out
}

fn file_error(path: &Path, message: &str) -> FileError {
    FileError {
        file: store::display_path(path),
        problems: vec![store::Located {
            position: None,
            message: message.to_string(),
        }],
    }
}

fn walk(dir: &Path, out: &mut Vec<Result<PathBuf, FileError>>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push(Err(file_error(
                dir,
                &format!("cannot read the directory: {e}"),
            )));
            return;
        }
    };
    let mut entries: Vec<(String, PathBuf, bool, bool)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let raw = entry.file_name();
            let name = raw.to_string_lossy().into_owned();
            // `file_type` does not follow symbolic links, so a linked directory is never
            // walked (no loops); a linked file is read like any other.
            let is_dir = entry.file_type().ok()?.is_dir();
            Some((name, entry.path(), is_dir, raw.to_str().is_some()))
        })
        .filter(|(name, _, _, _)| !name.starts_with('.'))
        .collect();
    entries.sort();
    // A data directory (it has plans/) keeps the planner's own state.ron beside them.
    let data_dir = dir.join("plans").is_dir();
    for (name, path, is_dir, utf8) in entries {
        if data_dir && name == "state.ron" {
            continue;
        }
        let plan_like = is_dir && name != "trash" || name.ends_with(".ron");
        if !utf8 && plan_like {
            // Skipping it would report a clean folder that is not: say so, and count it as
            // unreadable.
            out.push(Err(file_error(
                &path,
                "has a name that is not valid UTF-8; rename it to check it",
            )));
        } else if is_dir {
            if name != "trash" {
                walk(&path, out);
            }
        } else if store::library::is_plan_name(&name) {
            out.push(Ok(path));
        }
    }
}

/// Reads and checks every file, in parallel, keeping the order of `files`. Career paths are
/// worked out only for `CheckFormat::Json`, the one format that prints them.
///
/// Plans are small and independent, so scoped threads over equal chunks (one per core) are
/// enough; a work-stealing pool such as rayon would add a dependency for no gain here.
fn check_all(
    curriculum: &Curriculum,
    files: &[Result<PathBuf, FileError>],
    format: CheckFormat,
    target_gpa: Option<f64>,
) -> Vec<Result<CheckedPlan, FileError>> {
    let checked = match format {
        CheckFormat::Text => report::checked_plan_brief,
        CheckFormat::Json => report::checked_plan,
    };
    let one = |item: &Result<PathBuf, FileError>| -> Result<CheckedPlan, FileError> {
        let path = item.as_ref().map_err(Clone::clone)?;
        let plan: Plan = store::load_plan(path)?;
        Ok(checked(curriculum, &plan, &store::display_path(path))
            .with_target_gpa(curriculum, &plan, target_gpa))
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, files.len().max(1));
    if threads <= 1 {
        return files.iter().map(one).collect();
    }
    let chunk = files.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(one).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// `degree-planner screen`: prints the planner's first frame for `plan` at `size`, as text, with
/// the keys in effect (`keymap`) in its header and footer.
/// A plan file that does not exist yet shows as the new plan the planner would start.
pub fn screen(
    plan: &Path,
    size: (u16, u16),
    curriculum: Option<&Path>,
    keymap: &crate::keymap::Keymap,
) -> u8 {
    let Some(curriculum) = curriculum_or_report(curriculum) else {
        return EXIT_BAD_INPUT;
    };
    let (loaded, on_disk) = match crate::launch::plan_at(plan, &curriculum) {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("{e}");
            return EXIT_BAD_INPUT;
        }
    };
    let app = crate::app::App::new(curriculum, loaded, plan.to_path_buf(), on_disk)
        .with_keymap(keymap.clone());
    let text = crate::ui::screen_text(&app, &crate::theme::Theme::mono(), size.0, size.1);
    emit(&text, 0)
}
