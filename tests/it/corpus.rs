//! "Nothing lost, nothing injected": every file is untrusted input.
//!
//! A corpus of bad and hostile curriculum and plan files (`tests/corpus/`, described row by
//! row in `tests/corpus/README.md`) is run through every command that reads files, and the
//! hostile-but-valid ones are also drawn on ratatui's `TestBackend` and, once, in a
//! pseudo-terminal. For every run the test asserts:
//!
//! - the exact exit code the table gives, and never a panic (exit 101 or "panicked");
//! - that an error names the file, with `:line:col` where the table says it has one;
//! - that no ESC, BEL, CSI, other control, bidi or zero-width character reaches stdout or
//!   stderr, not even as a `\u001b` escape inside JSON;
//! - that the input file, and the folder it is in, are exactly as before (bytes and mtime).
//!
//! Files that are huge or special (50 MiB, a 10 MB string, 10,000-deep nesting, non-UTF-8,
//! no read permission, a symlink loop, a directory, a named pipe) are generated into a temp
//! dir at run time so that the repository stays small.
//!
//! Cases this corpus caught as bugs (since fixed) are kept as their own tests at the end of
//! the file, so that they cannot come back.

#![cfg(unix)]

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

use degree_planner::action::Action;
use degree_planner::app::{App, Msg};
use degree_planner::model::{Curriculum, Plan};
use degree_planner::store;
use degree_planner::theme::Theme;
use degree_planner::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tempfile::TempDir;

use crate::common;

const BIN: &str = env!("CARGO_BIN_EXE_degree-planner");

/// Longer than any command should ever take; only a hang reaches it. Generous, because the
/// corpus runs twelve debug binaries at once and a loaded 2-core machine once took over 10 s.
const COMMAND_DEADLINE: Duration = Duration::from_secs(60);

/// Which kind of file a case is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Curriculum,
    Plan,
}

impl Kind {
    fn dir(self) -> &'static str {
        match self {
            Kind::Curriculum => "curriculum",
            Kind::Plan => "plan",
        }
    }
}

/// What the program must do with a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Every command refuses it: exit 2, the file named, with `:line:col` when `position`.
    Refused { position: bool },
    /// It loads (its text shown cleaned). `check` exits with `check` (0 or 1: the plan's
    /// problems); the other commands as documented.
    Loads { check: i32 },
}

/// Files made at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Generated {
    /// A valid file with one 0xFF byte in a string on line 3 (a position is expected).
    NonUtf8,
    /// A valid file padded with a comment to 50 MiB: refused by size before parsing.
    Huge50MiB,
    /// A valid file with one 10 MB string: a plan is refused by size, a curriculum (whose
    /// limit is 32 MiB) by the title's length.
    String10MB,
    /// A field whose value is 10,000 nested `[`.
    DeepBrackets,
    /// A valid file with a block comment nested 10,000 deep: loads.
    DeepComments,
    /// A directory where the file should be.
    Directory,
    /// A valid file with mode 000 (not observable as root: the case is then skipped).
    NoReadPermission,
    /// A symbolic link to a link to the first.
    SymlinkLoop,
    /// A named pipe with no writer.
    Fifo,
}

/// One corpus file and what must happen to it.
#[derive(Debug, Clone, Copy)]
struct Case {
    kind: Kind,
    /// File name inside `tests/corpus/<kind>/` (committed) or the temp dir (generated).
    name: &'static str,
    generated: Option<Generated>,
    /// What it exercises, for the README table.
    what: &'static str,
    expect: Expect,
}

const fn refused(kind: Kind, name: &'static str, what: &'static str, position: bool) -> Case {
    Case {
        kind,
        name,
        generated: None,
        what,
        expect: Expect::Refused { position },
    }
}

const fn loads(kind: Kind, name: &'static str, what: &'static str, check: i32) -> Case {
    Case {
        kind,
        name,
        generated: None,
        what,
        expect: Expect::Loads { check },
    }
}

const fn generated(
    kind: Kind,
    name: &'static str,
    g: Generated,
    what: &'static str,
    expect: Expect,
) -> Case {
    Case {
        kind,
        name,
        generated: Some(g),
        what,
        expect,
    }
}

use Kind::{Curriculum as C, Plan as P};

const POS: bool = true;
const NO_POS: bool = false;

/// Every case of the corpus; those that were bugs when the corpus was written are in [`BUGS`].
const CASES: &[Case] = &[
    // ---- curricula: not RON, or not a curriculum ----
    refused(C, "empty.ron", "empty file (0 bytes)", POS),
    refused(
        C,
        "whitespace_only.ron",
        "spaces, tabs and newlines only",
        POS,
    ),
    refused(C, "comment_only.ron", "comments only, no value", POS),
    refused(
        C,
        "truncated_open_paren.ron",
        "truncated after the opening `(`",
        POS,
    ),
    refused(
        C,
        "truncated_mid_field.ron",
        "truncated inside the `semesters` list",
        POS,
    ),
    refused(
        C,
        "truncated_mid_string.ron",
        "truncated inside a title string",
        POS,
    ),
    refused(
        C,
        "truncated_before_close.ron",
        "truncated before the closing `)`",
        POS,
    ),
    refused(
        C,
        "wrong_top_list.ron",
        "wrong top-level type: a list of courses",
        POS,
    ),
    refused(
        C,
        "wrong_top_string.ron",
        "wrong top-level type: a string",
        POS,
    ),
    refused(
        C,
        "wrong_type_credits_string.ron",
        "wrong field type: `credits: \"three\"`",
        POS,
    ),
    refused(
        C,
        "wrong_type_semesters_string.ron",
        "wrong field type: `semesters` a string",
        POS,
    ),
    refused(
        C,
        "wrong_type_prerequisites_map.ron",
        "wrong field type: `prerequisites` a map",
        POS,
    ),
    refused(
        C,
        "wrong_type_name_struct.ron",
        "wrong field type: `name` a struct",
        POS,
    ),
    refused(
        C,
        "unknown_field_course.ron",
        "unknown field `rank` in a course",
        POS,
    ),
    refused(
        C,
        "unknown_field_top.ron",
        "unknown top-level field `accreditation`",
        POS,
    ),
    refused(C, "missing_name.ron", "missing required field `name`", POS),
    refused(
        C,
        "missing_courses.ron",
        "missing required field `courses`",
        POS,
    ),
    refused(
        C,
        "missing_course_credits.ron",
        "a course without `credits`",
        POS,
    ),
    refused(
        C,
        "duplicate_field_credits.ron",
        "`credits` twice in one course",
        POS,
    ),
    refused(C, "duplicate_field_top.ron", "`degree_credits` twice", POS),
    refused(
        C,
        "deep_nesting_200.ron",
        "`semesters` nested 200 `[` deep",
        POS,
    ),
    // ---- curricula: RON, but not a valid program ----
    refused(C, "duplicate_code.ron", "two courses with code TT101", POS),
    refused(
        C,
        "unknown_prerequisite.ron",
        "prerequisite ZZ999 is not a course",
        POS,
    ),
    refused(
        C,
        "self_prerequisite.ron",
        "a course is its own prerequisite",
        POS,
    ),
    refused(C, "cycle_two.ron", "prerequisite cycle of two courses", POS),
    refused(
        C,
        "cycle_long.ron",
        "prerequisite cycle of eight courses",
        POS,
    ),
    refused(C, "credits_negative.ron", "`credits: -3`", POS),
    refused(
        C,
        "credits_zero.ron",
        "`credits: 0` (allowed since issue 14), so the degree total is out of reach",
        POS,
    ),
    refused(C, "credits_enormous.ron", "`credits` beyond u64", POS),
    refused(
        C,
        "credits_u32_max_sum.ron",
        "three courses of u32::MAX credits (sum overflows)",
        POS,
    ),
    refused(
        C,
        "degree_credits_u32_max.ron",
        "`degree_credits: 4294967295`",
        POS,
    ),
    refused(
        C,
        "degree_unreachable.ron",
        "degree needs 60, the courses give 9",
        POS,
    ),
    refused(C, "max_term_credits_zero.ron", "`max_term_credits: 0`", POS),
    refused(
        C,
        "semester_out_of_range.ron",
        "`semester: 4000000000`",
        POS,
    ),
    refused(C, "weight_enormous.ron", "career weight u32::MAX", POS),
    refused(
        C,
        "escapes_in_error_message_raw.ron",
        "raw ESC/OSC/C1 bytes in an unknown prerequisite: the error text is cleaned",
        POS,
    ),
    // ---- curricula: hostile but valid ----
    loads(
        C,
        "hostile_escapes.ron",
        "`\\u{1b}` escapes (colour, title set, clear+home, OSC 52, C1 CSI), U+202E, U+200B in name, semesters, path, titles, reasons; cleaned, it is exactly the tiny program (same hash, no warning)",
        0,
    ),
    loads(
        C,
        "hostile_raw_bytes.ron",
        "the same as raw bytes, plus NUL, BS, DEL, CR in a title; cleaned, the tiny program",
        0,
    ),
    loads(
        C,
        "bidi_zero_width.ron",
        "U+202E, U+200B, U+200D, U+2067, U+FEFF in titles, a semester, a path (titles differ once cleaned: hash warning)",
        1,
    ),
    loads(
        C,
        "mark_control_char.ron",
        "a path `mark` that is ESC (shown as `?`, so the hash differs: warning)",
        1,
    ),
    loads(C, "bom.ron", "UTF-8 byte-order mark", 0),
    loads(C, "crlf.ron", "CRLF line endings", 0),
    loads(
        C,
        "bom_crlf_tabs.ron",
        "BOM, CRLF and tab indentation together",
        0,
    ),
    // ---- curricula: generated at run time ----
    generated(
        C,
        "non_utf8.ron",
        Generated::NonUtf8,
        "a 0xFF byte in the name on line 3",
        Expect::Refused { position: POS },
    ),
    generated(
        C,
        "huge_50mib.ron",
        Generated::Huge50MiB,
        "50 MiB file (valid start, then zeros)",
        Expect::Refused { position: NO_POS },
    ),
    generated(
        C,
        "string_10mb.ron",
        Generated::String10MB,
        "one 10 MB title (under the curriculum size limit; too long a title)",
        Expect::Refused { position: POS },
    ),
    generated(
        C,
        "deep_brackets.ron",
        Generated::DeepBrackets,
        "`semesters` nested 10,000 `[` deep",
        Expect::Refused { position: POS },
    ),
    generated(
        C,
        "deep_comments.ron",
        Generated::DeepComments,
        "valid, with a block comment nested 10,000 deep",
        Expect::Loads { check: 0 },
    ),
    generated(
        C,
        "directory.ron",
        Generated::Directory,
        "a directory",
        Expect::Refused { position: NO_POS },
    ),
    generated(
        C,
        "no_read_permission.ron",
        Generated::NoReadPermission,
        "mode 000 (skipped as root)",
        Expect::Refused { position: NO_POS },
    ),
    generated(
        C,
        "symlink_loop.ron",
        Generated::SymlinkLoop,
        "a symlink loop",
        Expect::Refused { position: NO_POS },
    ),
    // ---- plans: not RON, or not a plan ----
    refused(P, "empty.ron", "empty file (0 bytes)", POS),
    refused(
        P,
        "whitespace_only.ron",
        "spaces, tabs and newlines only",
        POS,
    ),
    refused(
        P,
        "truncated_after_version.ron",
        "truncated after `version: 2,`",
        POS,
    ),
    refused(
        P,
        "truncated_in_terms.ron",
        "truncated inside a term's course list",
        POS,
    ),
    refused(
        P,
        "truncated_in_string.ron",
        "truncated inside the student's name",
        POS,
    ),
    refused(
        P,
        "truncated_in_enum.ron",
        "truncated inside a status name",
        POS,
    ),
    refused(
        P,
        "wrong_top_list.ron",
        "wrong top-level type: a list holding a plan",
        POS,
    ),
    refused(
        P,
        "wrong_top_number.ron",
        "wrong top-level type: a number",
        POS,
    ),
    refused(
        P,
        "wrong_type_version_string.ron",
        "wrong field type: `version: \"2\"`",
        POS,
    ),
    refused(
        P,
        "wrong_type_status_string.ron",
        "wrong field type: a status in quotes",
        POS,
    ),
    refused(
        P,
        "wrong_type_terms_map.ron",
        "wrong field type: `terms` a map",
        POS,
    ),
    refused(
        P,
        "wrong_type_student_number.ron",
        "wrong field type: `student: 1815`",
        POS,
    ),
    refused(
        P,
        "unknown_status_variant.ron",
        "unknown status `Finished`",
        POS,
    ),
    refused(P, "unknown_field_top.ron", "unknown field `verdit`", POS),
    refused(
        P,
        "unknown_field_placement.ron",
        "unknown field `grde` in a placement",
        POS,
    ),
    refused(
        P,
        "missing_version.ron",
        "missing required field `version`",
        POS,
    ),
    refused(
        P,
        "missing_terms.ron",
        "missing required field `terms`",
        POS,
    ),
    refused(
        P,
        "missing_placement_status.ron",
        "a placement without `status`",
        POS,
    ),
    refused(P, "duplicate_field_student.ron", "`student` twice", POS),
    refused(P, "duplicate_field_version.ron", "`version` twice", POS),
    refused(P, "version_future.ron", "future format `version: 4`", POS),
    refused(P, "version_zero.ron", "`version: 0`", POS),
    refused(P, "version_negative.ron", "`version: -1`", POS),
    refused(P, "version_enormous.ron", "`version` beyond u64", POS),
    refused(
        P,
        "version1_with_notes.ron",
        "version 1 with a `notes` field (v2 only)",
        POS,
    ),
    refused(
        P,
        "deep_nesting_200.ron",
        "`terms` nested 200 `[` deep",
        POS,
    ),
    refused(
        P,
        "escapes_in_error_message.ron",
        "`version` a string of escapes: the error must not echo them",
        POS,
    ),
    refused(
        P,
        "escapes_in_error_message_raw.ron",
        "raw OSC title/OSC 52 bytes in a duplicate `student`",
        POS,
    ),
    // ---- plans: valid, with problems or hostile text ----
    loads(
        P,
        "duplicate_course.ron",
        "BE101 placed twice (plan problem)",
        1,
    ),
    loads(
        P,
        "unknown_course_code.ron",
        "unknown code ZZ999 in a term (plan problem)",
        1,
    ),
    loads(
        P,
        "unknown_code_in_note_and_verdict.ron",
        "notes on unknown course/term, unknown target path (kept, no problem)",
        0,
    ),
    loads(
        P,
        "hostile_escapes.ron",
        "`\\u{1b}` escapes (colour, title set, clear+home, OSC 52, C1 CSI), U+202E, U+200B, U+2066 in student, term names, grade, code, target path, notes (text, author, term target), verdict reviewer and comment; stamp over the cleaned text: approved",
        0,
    ),
    loads(
        P,
        "hostile_raw_bytes.ron",
        "the same as raw bytes in the file",
        0,
    ),
    loads(
        P,
        "bidi_zero_width.ron",
        "U+202E, U+202C, U+200B, U+200D, U+2066, U+2069, U+200F in student, term names, a note",
        0,
    ),
    loads(P, "bom.ron", "UTF-8 byte-order mark", 0),
    loads(P, "crlf.ron", "CRLF line endings", 0),
    loads(P, "bom_crlf.ron", "BOM and CRLF together", 0),
    // ---- plans: generated at run time ----
    generated(
        P,
        "non_utf8.ron",
        Generated::NonUtf8,
        "a 0xFF byte in the curriculum name on line 3",
        Expect::Refused { position: POS },
    ),
    generated(
        P,
        "huge_50mib.ron",
        Generated::Huge50MiB,
        "50 MiB file (valid start, then zeros)",
        Expect::Refused { position: NO_POS },
    ),
    generated(
        P,
        "string_10mb.ron",
        Generated::String10MB,
        "one 10 MB student name",
        Expect::Refused { position: NO_POS },
    ),
    generated(
        P,
        "deep_brackets.ron",
        Generated::DeepBrackets,
        "`terms` nested 10,000 `[` deep",
        Expect::Refused { position: POS },
    ),
    generated(
        P,
        "deep_comments.ron",
        Generated::DeepComments,
        "valid, with a block comment nested 10,000 deep",
        Expect::Loads { check: 0 },
    ),
    generated(
        P,
        "directory.ron",
        Generated::Directory,
        "a directory (for `check`: one with no plans in it)",
        Expect::Refused { position: NO_POS },
    ),
    generated(
        P,
        "no_read_permission.ron",
        Generated::NoReadPermission,
        "mode 000 (skipped as root)",
        Expect::Refused { position: NO_POS },
    ),
    generated(
        P,
        "symlink_loop.ron",
        Generated::SymlinkLoop,
        "a symlink loop",
        Expect::Refused { position: NO_POS },
    ),
];

/// Cases the program gets wrong today, each with the right expectation; run by the ignored
/// tests below (one per bug), listed in the README with the expected (right) outcome.
const BUGS: &[(Case, &str)] = &[
    (
        refused(
            C,
            "escapes_in_error_message.ron",
            "`\\u{1b}` escapes in an unknown prerequisite: the error text is cleaned",
            POS,
        ),
        "the error has no :line:col (the source map does not decode RON string escapes)",
    ),
    (
        refused(
            C,
            "zero_width_duplicate_code.ron",
            "codes TT101 and TT101+U+200B: the same code once cleaned",
            POS,
        ),
        "accepted as valid: strings are cleaned after validation, so the duplicate is missed",
    ),
    (
        refused(
            C,
            "blank_title_after_cleaning.ron",
            "a title made only of ESC, BEL, U+200B: blank once cleaned",
            POS,
        ),
        "accepted as valid with an empty title: cleaned after the blank-title check",
    ),
    (
        generated(
            C,
            "fifo.ron",
            Generated::Fifo,
            "a named pipe with no writer",
            Expect::Refused { position: NO_POS },
        ),
        "every command blocks forever opening the pipe",
    ),
    (
        generated(
            P,
            "fifo.ron",
            Generated::Fifo,
            "a named pipe with no writer",
            Expect::Refused { position: NO_POS },
        ),
        "every command blocks forever opening the pipe",
    ),
];

// ---------------------------------------------------------------------------------------
// Paths and fixtures

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn fixture(name: &str) -> String {
    fs::read_to_string(corpus_dir().join("fixtures").join(name)).expect("fixture")
}

/// The valid text a generated case of `kind` starts from.
fn base_text(kind: Kind) -> String {
    match kind {
        Kind::Curriculum => fixture("tiny.ron"),
        Kind::Plan => fixture("good.ron"),
    }
}

/// Makes `case`'s file in `dir`; returns its path, or `None` when the case cannot be observed
/// here (no read permission, as root).
fn materialize(case: &Case, dir: &Path) -> Option<PathBuf> {
    let path = dir.join(case.name);
    let Some(g) = case.generated else {
        let src = corpus_dir().join(case.kind.dir()).join(case.name);
        fs::copy(&src, &path).unwrap_or_else(|e| panic!("copying {}: {e}", src.display()));
        return Some(path);
    };
    let base = base_text(case.kind);
    match g {
        Generated::NonUtf8 => {
            // Break the first string from line 3 on with a lone 0xFF.
            let mut lines: Vec<Vec<u8>> = base.lines().map(|l| l.as_bytes().to_vec()).collect();
            let (n, quote) = (2..lines.len())
                .find_map(|n| Some((n, lines[n].iter().position(|&b| b == b'"')?)))
                .expect("a string");
            lines[n].insert(quote + 2, 0xFF);
            fs::write(&path, lines.join(&b"\n"[..])).expect("write");
        }
        Generated::Huge50MiB => {
            // A valid start, then zeros to 50 MiB (sparse: quick to make and to read back).
            fs::write(&path, base).expect("write");
            let file = fs::OpenOptions::new()
                .write(true)
                .open(&path)
                .expect("open");
            file.set_len(50 * 1024 * 1024).expect("set_len");
        }
        Generated::String10MB => {
            let big = "A".repeat(10_000_000);
            let text = match case.kind {
                Kind::Curriculum => base.replacen("Zebra Studies", &big, 1),
                Kind::Plan => base.replacen("Grace Hopper", &big, 1),
            };
            assert!(text.len() > 10_000_000);
            fs::write(&path, text).expect("write");
        }
        Generated::DeepBrackets => {
            let deep = "[".repeat(10_000);
            let text = match case.kind {
                Kind::Curriculum => base.replacen("semesters: [", &format!("semesters: {deep}"), 1),
                Kind::Plan => base.replacen("terms: [", &format!("terms: {deep}"), 1),
            };
            fs::write(&path, text).expect("write");
        }
        Generated::DeepComments => {
            let comment = format!("{} deep {}", "/*".repeat(10_000), "*/".repeat(10_000));
            let text = base.replacen("(\n", &format!("(\n{comment}\n"), 1);
            fs::write(&path, text).expect("write");
        }
        Generated::Directory => fs::create_dir(&path).expect("mkdir"),
        Generated::NoReadPermission => {
            fs::write(&path, base).expect("write");
            fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).expect("chmod");
            if fs::read(&path).is_ok() {
                eprintln!(
                    "note: skipping {}/{}: the file is readable with mode 000 (running as root?)",
                    case.kind.dir(),
                    case.name
                );
                return None;
            }
        }
        Generated::SymlinkLoop => {
            let other = dir.join(format!("{}.other", case.name));
            std::os::unix::fs::symlink(&other, &path).expect("symlink");
            std::os::unix::fs::symlink(&path, &other).expect("symlink");
        }
        Generated::Fifo => {
            let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("path");
            // SAFETY: `c` is a valid NUL-terminated path.
            let rc = unsafe { libc::mkfifo(c.as_ptr(), 0o644) };
            assert_eq!(rc, 0, "mkfifo");
        }
    }
    Some(path)
}

// ---------------------------------------------------------------------------------------
// Snapshots: nothing lost

/// What can be observed of a path without reading through a pipe or following a loop.
/// `ctime` and the inode change with any write, rename-over or chmod, so comparing them
/// catches a change even where the bytes are not compared.
#[derive(Debug, PartialEq, Eq)]
struct Snapshot {
    kind: String,
    mtime: Option<SystemTime>,
    ctime: (i64, i64),
    ino: u64,
    len: u64,
    mode: u32,
    bytes: Option<Vec<u8>>,
    entries: Option<BTreeSet<String>>,
}

/// Files above this are compared byte for byte once, after all commands, rather than after
/// each one (reading 50 MiB back nine times is slow on some machines).
const COMPARE_EACH_TIME: u64 = 8 * 1024 * 1024;

fn snapshot(path: &Path) -> Snapshot {
    snapshot_with(path, false)
}

fn snapshot_with(path: &Path, full: bool) -> Snapshot {
    use std::os::unix::fs::MetadataExt;
    let meta = fs::symlink_metadata(path).expect("the input still exists");
    let ft = meta.file_type();
    let bytes = (ft.is_file()
        && meta.permissions().mode() & 0o444 != 0
        && (full || meta.len() <= COMPARE_EACH_TIME))
        .then(|| fs::read(path).ok())
        .flatten();
    Snapshot {
        kind: format!("{ft:?}"),
        mtime: meta.modified().ok(),
        ctime: (meta.ctime(), meta.ctime_nsec()),
        ino: meta.ino(),
        len: meta.len(),
        mode: meta.permissions().mode(),
        bytes,
        entries: ft.is_dir().then(|| listing(path)),
    }
}

fn listing(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect()
}

// ---------------------------------------------------------------------------------------
// Running the binary

struct Outcome {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// Runs the binary with stdin null, a clean environment and a deadline.
fn run(args: &[String], home: &Path) -> Result<Outcome, String> {
    let mut child = Command::new(BIN)
        .args(args)
        .env_clear()
        .env("HOME", home)
        .env("TERM", "xterm-256color")
        .current_dir(home)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("spawning: {e}"))?;
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out_thread = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let err_thread = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    // Wait on another thread, so that a hang can be cut short without polling.
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait());
    });
    let status = match rx.recv_timeout(COMMAND_DEADLINE) {
        Ok(status) => status.map_err(|e| e.to_string())?,
        Err(_) => {
            // SAFETY: kill(2) on the process this function started, which has not been
            // reaped yet (the waiting thread has not returned).
            unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
            let _ = rx.recv();
            return Err(format!(
                "did not finish within {COMMAND_DEADLINE:?} (killed)"
            ));
        }
    };
    Ok(Outcome {
        code: status.code(),
        stdout: out_thread.join().expect("stdout reader"),
        stderr: err_thread.join().expect("stderr reader"),
    })
}

/// How a command's outcome is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A headless command; `json` when its stdout is JSON (when not empty).
    Headless { json: bool },
    /// The planner or review without a terminal: for a good file, "needs a terminal".
    Planner,
}

struct Run {
    label: String,
    args: Vec<String>,
    code: i32,
    shape: Shape,
    /// The file under test appears in the arguments (always) and must be named in errors.
    names_file: bool,
}

fn s(p: &Path) -> String {
    p.to_str().expect("utf-8 temp path").to_string()
}

/// Every command that reads `file`, with the exit code each must give.
fn runs(case: &Case, file: &Path, data: &Path, fixtures: &Fixtures) -> Vec<Run> {
    let f = s(file);
    let d = s(data);
    let dd = |rest: &[&str]| -> Vec<String> {
        let mut v = vec!["--data-dir".to_string(), d.clone()];
        v.extend(rest.iter().map(|x| x.to_string()));
        v
    };
    let (check, ok) = match case.expect {
        Expect::Refused { .. } => (2, 2),
        Expect::Loads { check } => (check, 0),
    };
    let text = Shape::Headless { json: false };
    let json = Shape::Headless { json: true };
    let mut v = Vec::new();
    let mut add = |label: &str, args: Vec<String>, code: i32, shape: Shape| {
        v.push(Run {
            label: label.to_string(),
            args,
            code,
            shape,
            names_file: true,
        })
    };
    match case.kind {
        Kind::Curriculum => {
            let plan = s(&fixtures.tiny_plan);
            add("curriculum FILE", dd(&["curriculum", &f]), ok, text);
            add(
                "--curriculum FILE check PLAN",
                dd(&["--curriculum", &f, "check", &plan]),
                check,
                text,
            );
            add(
                "--curriculum FILE check --format json PLAN",
                dd(&["--curriculum", &f, "check", "--format", "json", &plan]),
                check,
                json,
            );
            add(
                "--curriculum FILE report PLAN",
                dd(&["--curriculum", &f, "report", &plan]),
                ok,
                text,
            );
            add(
                "--curriculum FILE report --format json PLAN",
                dd(&["--curriculum", &f, "report", "--format", "json", &plan]),
                ok,
                json,
            );
            add(
                "--curriculum FILE (planner)",
                dd(&["--curriculum", &f]),
                2,
                Shape::Planner,
            );
        }
        Kind::Plan => {
            let good = s(&fixtures.good_plan);
            add("check FILE", dd(&["check", &f]), check, text);
            add(
                "check --format json FILE",
                dd(&["check", "--format", "json", &f]),
                check,
                json,
            );
            add("report FILE", dd(&["report", &f]), ok, text);
            add(
                "report --format json FILE",
                dd(&["report", "--format", "json", &f]),
                ok,
                json,
            );
            // As diff(1): 1 when the plans differ.
            let differ = match case.expect {
                Expect::Refused { .. } => 2,
                Expect::Loads { .. } => {
                    let c = store::bundled_curriculum().expect("bundled").curriculum;
                    let a = store::load_plan(file).expect("it loads");
                    let b = store::load_plan(&fixtures.good_plan).expect("it loads");
                    i32::from(!degree_planner::model::edits::edits(&c, &a, &b).is_empty())
                }
            };
            add("diff FILE good", dd(&["diff", &f, &good]), differ, text);
            add("diff good FILE", dd(&["diff", &good, &f]), differ, text);
            // 1 when no plan exists within the default limits.
            let planned = match case.expect {
                Expect::Refused { .. } => 2,
                Expect::Loads { .. } => {
                    let c = store::bundled_curriculum().expect("bundled").curriculum;
                    let a = store::load_plan(file).expect("it loads");
                    let options = degree_planner::model::autoplan::Options::default();
                    i32::from(degree_planner::model::autoplan::autoplan(&c, &a, &options).is_err())
                }
            };
            add("autoplan FILE", dd(&["autoplan", &f]), planned, text);
            add("review FILE", dd(&["review", &f]), 2, Shape::Planner);
            add("FILE (planner)", dd(&[&f]), 2, Shape::Planner);
        }
    }
    v
}

/// Good inputs shared by every case, in their own temp dir (checked unchanged at the end).
struct Fixtures {
    _dir: TempDir,
    tiny_plan: PathBuf,
    good_plan: PathBuf,
}

fn fixtures() -> Fixtures {
    let dir = temp("dp-corpus-fixtures-");
    let tiny_plan = dir.path().join("tiny_plan.ron");
    let good_plan = dir.path().join("good.ron");
    fs::write(&tiny_plan, fixture("tiny_plan.ron")).expect("write");
    fs::write(&good_plan, fixture("good.ron")).expect("write");
    Fixtures {
        _dir: dir,
        tiny_plan,
        good_plan,
    }
}

fn temp(prefix: &str) -> TempDir {
    tempfile::Builder::new()
        .prefix(prefix)
        .tempdir()
        .expect("temp dir")
}

// ---------------------------------------------------------------------------------------
// Nothing injected

/// Characters that must never reach a terminal or a report: controls other than newline and
/// tab (ESC, BEL, C1 CSI U+009B, ...), bidi embeddings, overrides and isolates, zero-width
/// characters and the BOM.
fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
        )
}

/// Problems with `text`, as messages (empty when clean).
fn injected(text: &str) -> Vec<String> {
    text.char_indices()
        .filter(|(_, c)| forbidden(*c))
        .take(5)
        .map(|(i, c)| {
            let context: String = text[i..].chars().take(30).collect();
            format!("U+{:04X} at byte {i}, before {context:?}", c as u32)
        })
        .collect()
}

/// Every string (keys included) in a JSON value.
fn json_strings<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    match v {
        serde_json::Value::String(s) => out.push(s),
        serde_json::Value::Array(a) => a.iter().for_each(|x| json_strings(x, out)),
        serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| {
            out.push(k);
            json_strings(x, out)
        }),
        _ => {}
    }
}

/// Judges one run; returns every failure found.
fn judge(case: &Case, run: &Run, file: &Path, out: &Outcome) -> Vec<String> {
    let mut failures = Vec::new();
    let mut fail = |m: String| failures.push(m);
    let stdout = String::from_utf8(out.stdout.clone());
    let stderr = String::from_utf8(out.stderr.clone());
    let (Ok(stdout), Ok(stderr)) = (stdout, stderr) else {
        fail("stdout or stderr is not valid UTF-8".into());
        return failures;
    };
    if out.code == Some(101) || stderr.contains("panicked") {
        fail(format!("PANIC (exit {:?}): {stderr}", out.code));
    }
    if out.code != Some(run.code) {
        fail(format!(
            "exit code {:?}, expected {}; stderr: {}",
            out.code,
            run.code,
            stderr.chars().take(600).collect::<String>()
        ));
    }
    for (stream, text) in [("stdout", &stdout), ("stderr", &stderr)] {
        for m in injected(text) {
            fail(format!("{stream}: {m}"));
        }
    }
    let mut json: Option<serde_json::Value> = None;
    if run.shape == (Shape::Headless { json: true }) && !stdout.trim().is_empty() {
        let lower = stdout.to_ascii_lowercase();
        for esc in [
            "\\u001b", "\\u0007", "\\u009b", "\\u0000", "\\u200b", "\\u200e", "\\u200f", "\\u202a",
            "\\u202b", "\\u202c", "\\u202d", "\\u202e", "\\u2066", "\\u2067", "\\u2068", "\\u2069",
            "\\ufeff",
        ] {
            if lower.contains(esc) {
                fail(format!("stdout JSON contains the escape {esc}"));
            }
        }
        match serde_json::from_str::<serde_json::Value>(&stdout) {
            Ok(v) => {
                let mut strings = Vec::new();
                json_strings(&v, &mut strings);
                for s in strings {
                    for m in injected(s) {
                        fail(format!("a JSON string: {m}"));
                    }
                }
                json = Some(v);
            }
            Err(e) => fail(format!("stdout is not JSON: {e}")),
        }
    }
    let name = s(file);
    match case.expect {
        Expect::Refused { position } if run.names_file => {
            // Text on stderr (or stdout for `check`), or the `errors` of `check`'s JSON.
            let from_json: Vec<(String, Option<u64>, Option<u64>)> = json
                .as_ref()
                .and_then(|v| v.get("errors"))
                .and_then(|e| e.as_array())
                .map(|errors| {
                    errors
                        .iter()
                        .map(|e| {
                            (
                                e["file"].as_str().unwrap_or("").to_string(),
                                e.get("line").and_then(|x| x.as_u64()),
                                e.get("column").and_then(|x| x.as_u64()),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            let all = format!("{stdout}\n{stderr}");
            let text_named = all.lines().any(|l| l.starts_with(&format!("{name}:")));
            let json_named = from_json.iter().any(|(f, _, _)| *f == name);
            if !text_named && !json_named {
                fail(format!("no error names the file {name}; output:\n{all}"));
            }
            if position {
                let max_line = snapshot_lines(file);
                let text_pos = all
                    .lines()
                    .filter_map(|l| position_of(l, &name))
                    .any(|(l, c)| l >= 1 && c >= 1 && max_line.is_none_or(|m| l <= m + 1));
                let json_pos = from_json
                    .iter()
                    .any(|(f, l, c)| *f == name && l.is_some() && c.is_some());
                if !text_pos && !json_pos {
                    fail(format!(
                        "the error has no {name}:LINE:COL position; output:\n{all}"
                    ));
                }
            }
        }
        Expect::Loads { .. }
            if run.shape == Shape::Planner && !stderr.contains("needs a terminal") =>
        {
            fail(format!(
                "the planner should load the file and say it needs a terminal; stderr:\n{stderr}"
            ));
        }
        _ => {}
    }
    failures
}

/// The number of lines of a readable file, to sanity-check reported positions.
fn snapshot_lines(file: &Path) -> Option<usize> {
    let meta = fs::metadata(file).ok()?;
    if !meta.is_file() || meta.len() > 64 * 1024 * 1024 {
        return None;
    }
    let bytes = fs::read(file).ok()?;
    Some(bytes.iter().filter(|&&b| b == b'\n').count() + 1)
}

/// `(line, col)` of a `NAME:LINE:COL: message` line.
fn position_of(line: &str, name: &str) -> Option<(usize, usize)> {
    let rest = line.strip_prefix(name)?.strip_prefix(':')?;
    let mut parts = rest.splitn(3, ':');
    let l = parts.next()?.parse().ok()?;
    let c = parts.next()?.parse().ok()?;
    parts.next()?.starts_with(' ').then_some((l, c))
}

/// Runs every command on `case`; returns the failures and the number of runs.
fn check_case(case: &Case, fixtures: &Fixtures) -> (Vec<String>, usize) {
    let dir = temp("dp-corpus-case-");
    let data = temp("dp-corpus-data-");
    let Some(file) = materialize(case, dir.path()) else {
        return (Vec::new(), 0);
    };
    let full_before = snapshot_with(&file, true);
    let before = snapshot(&file);
    let listing_before = listing(dir.path());
    let mut failures = Vec::new();
    let all = runs(case, &file, data.path(), fixtures);
    let count = all.len();
    for r in &all {
        let tag = format!("{}/{} `{}`", case.kind.dir(), case.name, r.label);
        match run(&r.args, data.path()) {
            Err(e) => {
                // A hang: the other commands would hang too.
                failures.push(format!("{tag}: {e}"));
                break;
            }
            Ok(out) => {
                for m in judge(case, r, &file, &out) {
                    failures.push(format!("{tag}: {m}"));
                }
            }
        }
        let after = snapshot(&file);
        if after != before {
            failures.push(format!(
                "{tag}: the input changed (kind {} -> {}, len {} -> {}, mtime {:?} -> {:?}, mode {:o} -> {:o}, bytes equal: {})",
                before.kind,
                after.kind,
                before.len,
                after.len,
                before.mtime,
                after.mtime,
                before.mode,
                after.mode,
                before.bytes == after.bytes
            ));
        }
        let listing_after = listing(dir.path());
        if listing_after != listing_before {
            failures.push(format!(
                "{tag}: files appeared or vanished beside the input: {listing_before:?} -> {listing_after:?}"
            ));
        }
    }
    if snapshot_with(&file, true) != full_before {
        failures.push(format!(
            "{}/{}: the input is not byte-for-byte the same after all commands",
            case.kind.dir(),
            case.name
        ));
    }
    if let Some(Generated::NoReadPermission) = case.generated {
        // Let the temp dir be removed.
        let _ = fs::set_permissions(&file, fs::Permissions::from_mode(0o644));
    }
    (failures, count)
}

/// Runs `cases` on a few threads; panics with every failure.
fn check_cases(cases: &[Case]) -> usize {
    let fixtures = fixtures();
    let fixtures_before: Vec<Snapshot> = [&fixtures.tiny_plan, &fixtures.good_plan]
        .iter()
        .map(|p| snapshot(p))
        .collect();
    // The big generated files first, so that they do not trail at the end.
    let mut order: Vec<&Case> = cases.iter().collect();
    order.sort_by_key(|c| c.generated.is_none());
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let runs = AtomicUsize::new(0);
    // The runs mostly wait on process start-up, so more threads than cores pay off.
    let threads = 12;
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(case) = order.get(i) else { break };
                    let (f, n) = check_case(case, &fixtures);
                    runs.fetch_add(n, Ordering::SeqCst);
                    failures.lock().unwrap_or_else(|e| e.into_inner()).extend(f);
                }
            });
        }
    });
    let fixtures_after: Vec<Snapshot> = [&fixtures.tiny_plan, &fixtures.good_plan]
        .iter()
        .map(|p| snapshot(p))
        .collect();
    let mut failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    if fixtures_after != fixtures_before {
        failures.push("a good fixture plan changed".into());
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
    runs.into_inner()
}

// ---------------------------------------------------------------------------------------
// The tests

#[test]
fn every_command_on_every_corpus_file() {
    let start = Instant::now();
    let n = check_cases(CASES);
    eprintln!(
        "corpus: {} cases ({} committed, {} generated), {n} command runs in {:?}",
        CASES.len(),
        CASES.iter().filter(|c| c.generated.is_none()).count(),
        CASES.iter().filter(|c| c.generated.is_some()).count(),
        start.elapsed()
    );
    assert!(CASES.len() >= 40);
}

/// The README's table lists every case with the outcome the test asserts, and every
/// committed corpus file is a case (so nothing is added without a row, and no row is stale).
#[test]
fn readme_table_matches_the_cases() {
    let readme = fs::read_to_string(corpus_dir().join("README.md")).expect("README");
    let mut missing = Vec::new();
    for (case, bug) in CASES
        .iter()
        .map(|c| (c, None))
        .chain(BUGS.iter().map(|(c, b)| (c, Some(*b))))
    {
        let row = readme_row(case, bug);
        if !readme.contains(&row) {
            missing.push(row);
        }
    }
    assert!(
        missing.is_empty(),
        "tests/corpus/README.md lacks these rows (or has them differently):\n{}",
        missing.join("\n")
    );
    let known: BTreeSet<String> = CASES
        .iter()
        .chain(BUGS.iter().map(|(c, _)| c))
        .filter(|c| c.generated.is_none())
        .map(|c| format!("{}/{}", c.kind.dir(), c.name))
        .collect();
    for kind in [Kind::Curriculum, Kind::Plan] {
        for name in listing(&corpus_dir().join(kind.dir())) {
            let rel = format!("{}/{name}", kind.dir());
            assert!(
                known.contains(&rel),
                "{rel} is in the corpus but not in the table"
            );
        }
    }
}

/// The README row of a case.
fn readme_row(case: &Case, bug: Option<&str>) -> String {
    let source = if case.generated.is_some() {
        "generated"
    } else {
        "committed"
    };
    let outcome = match case.expect {
        Expect::Refused { position: true } => {
            "refused: exit 2, `file:line:col: message`".to_string()
        }
        Expect::Refused { position: false } => {
            "refused: exit 2, `file: message` (no position)".to_string()
        }
        Expect::Loads { check } => {
            format!(
                "loads, text shown cleaned: `check` exits {check}, report 0, diff 0 or 1 (1 when it differs), planner 2 (needs a terminal)"
            )
        }
    };
    let bug = bug.map_or(String::new(), |b| format!(" **BUG (ignored test): {b}**"));
    format!(
        "| `{}/{}` | {source} | {} | {outcome}{bug} |",
        case.kind.dir(),
        case.name,
        case.what
    )
}

/// Prints the README table rows (run with `--ignored --nocapture` after editing the table).
#[test]
#[ignore = "helper: prints the README rows"]
fn print_readme_rows() {
    for case in CASES {
        println!("{}", readme_row(case, None));
    }
    for (case, bug) in BUGS {
        println!("{}", readme_row(case, Some(bug)));
    }
}

// ---------------------------------------------------------------------------------------
// The screen: hostile-but-valid files drawn on a TestBackend

fn draw_text(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| ui::draw(frame, app, &Theme::color()))
        .expect("draw");
    let buffer = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Draws `app` in several states and sizes; returns every injected character found.
fn screens_of(mut app: App, label: &str) -> Vec<String> {
    let mut failures = Vec::new();
    let mut look = |app: &App, state: &str| {
        for (w, h) in [(120, 40), (80, 24)] {
            let screen = draw_text(app, w, h);
            for m in injected(&screen) {
                failures.push(format!("{label} [{state}, {w}x{h}]: {m}"));
            }
        }
    };
    app.update(Action::NextPath);
    app.update(Action::NextTerm);
    look(&app, "main, path focused");
    app.update(Action::ShowNotes);
    look(&app, "notes");
    app.update(Action::Cancel);
    app.update(Msg::Review(Some("Dr\u{1b}[31m Mallory\u{202e}".into())));
    look(&app, "review");
    failures
}

fn loaded_curriculum(path: &Path) -> Curriculum {
    store::load_curriculum(Some(path))
        .unwrap_or_else(|e| panic!("{e}"))
        .curriculum
}

fn loaded_plan(path: &Path) -> Plan {
    store::load_plan(path).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn hostile_but_valid_files_draw_clean_screens() {
    let bundled = store::bundled_curriculum().expect("bundled").curriculum;
    let tiny_plan_path = corpus_dir().join("fixtures/tiny_plan.ron");
    let mut failures = Vec::new();
    let mut drawn = 0;
    for case in CASES {
        let Expect::Loads { .. } = case.expect else {
            continue;
        };
        let dir = temp("dp-corpus-screen-");
        let Some(file) = materialize(case, dir.path()) else {
            continue;
        };
        let label = format!("{}/{}", case.kind.dir(), case.name);
        match case.kind {
            Kind::Curriculum => {
                let c = loaded_curriculum(&file);
                for plan in [loaded_plan(&tiny_plan_path), Plan::recommended(&c, "")] {
                    let app = App::new(c.clone(), plan, "plans/x.ron".into(), true);
                    failures.extend(screens_of(app, &label));
                }
            }
            Kind::Plan => {
                let app = App::new(bundled.clone(), loaded_plan(&file), file.clone(), true);
                failures.extend(screens_of(app, &label));
            }
        }
        drawn += 1;
    }
    assert!(drawn >= 10, "only {drawn} files drawn");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------------------
// The real terminal: a pseudo-terminal run on the hostile files

/// Records what the program asked the terminal to do that a file must never trigger.
#[derive(Default)]
struct Spy {
    titles: Vec<Vec<u8>>,
    clipboard: Vec<Vec<u8>>,
}

impl vt100::Callbacks for Spy {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(name.to_vec());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8], data: &[u8]) {
        self.clipboard.push(data.to_vec());
    }
}

/// Drives the planner in a pty over `args`, waits for `ready`, opens the notes, focuses a
/// path, quits; returns everything it wrote.
fn pty_session(args: &[String], cwd: &Path, ready: &str) -> String {
    use common::pty::{Tui, keys};
    let mut t = Tui::spawn(args, &[], cwd, 120, 40);
    t.wait_for(ready);
    t.send("v");
    std::thread::sleep(Duration::from_millis(300));
    t.send_esc();
    t.send("p");
    std::thread::sleep(Duration::from_millis(200));
    t.send(keys::RIGHT);
    std::thread::sleep(Duration::from_millis(200));
    t.send("q");
    std::thread::sleep(Duration::from_millis(200));
    // If the planner asks about unsaved changes, quit without saving.
    if t.screen_text().contains("Save") {
        t.send("n");
    }
    t.expect_exit_code(0);
    t.assert_terminal_restored();
    t.raw_output()
}

/// Asserts that the raw output drove no title but the planner's own for `plan_file` (see
/// `tui.rs`), no clipboard or other OSC, and that the screen shows no injected character.
fn assert_terminal_untouched(raw: &str, what: &str, plan_file: &str) {
    let own = format!("\x1b]0;degree-planner: {plan_file}\x07");
    assert!(
        raw.contains(&own),
        "{what}: the planner's own title {own:?} is missing"
    );
    let raw = &raw.replace(&own, "");
    let mut parser = vt100::Parser::new_with_callbacks(
        std::num::NonZeroU16::new(40).expect("rows"),
        std::num::NonZeroU16::new(120).expect("cols"),
        0,
        Spy::default(),
    );
    parser.process(raw.as_bytes());
    let spy = parser.callbacks();
    assert!(
        spy.titles.is_empty(),
        "{what}: the window title was set: {:?}",
        spy.titles
            .iter()
            .map(|t| String::from_utf8_lossy(t).into_owned())
            .collect::<Vec<_>>()
    );
    assert!(
        spy.clipboard.is_empty(),
        "{what}: the clipboard was written: {:?}",
        spy.clipboard
    );
    for needle in [
        "\x1b]0;", "\x1b]2;", "\x1b]52;", "\u{9d}", "\u{9b}", "\x07", "\u{202e}", "\u{200b}",
    ] {
        assert!(
            !raw.contains(needle),
            "{what}: the raw output contains {needle:?}"
        );
    }
    let screen = injected(&parser.screen().contents());
    assert!(
        screen.is_empty(),
        "{what}: the screen shows {}",
        screen.join("; ")
    );
}

#[test]
fn hostile_files_in_a_real_terminal_set_no_title_and_no_clipboard() {
    let (raw_plan, raw_curriculum) = hostile_pty_runs();
    assert_terminal_untouched(&raw_plan, "hostile plan", "hostile.ron");
    assert_terminal_untouched(&raw_curriculum, "hostile curriculum", "tiny_plan.ron");
}

/// The two pty runs: the hostile plan on the bundled program, then the hostile curriculum
/// with the tiny plan; each input must be unchanged afterwards.
fn hostile_pty_runs() -> (String, String) {
    let dir = temp("dp-corpus-pty-");
    let plan = dir.path().join("hostile.ron");
    let curriculum = dir.path().join("hostile_curriculum.ron");
    let tiny_plan = dir.path().join("tiny_plan.ron");
    fs::copy(corpus_dir().join("plan/hostile_escapes.ron"), &plan).expect("copy");
    fs::copy(
        corpus_dir().join("curriculum/hostile_escapes.ron"),
        &curriculum,
    )
    .expect("copy");
    fs::write(&tiny_plan, fixture("tiny_plan.ron")).expect("write");
    let inputs = [&plan, &curriculum, &tiny_plan];
    let before: Vec<Snapshot> = inputs.iter().map(|p| snapshot(p)).collect();
    let data = s(&dir.path().join("data"));
    let raw_plan = pty_session(
        &["--data-dir".into(), data.clone(), s(&plan)],
        dir.path(),
        "64 / 64 credits",
    );
    let raw_curriculum = pty_session(
        &[
            "--data-dir".into(),
            data,
            "--curriculum".into(),
            s(&curriculum),
            s(&tiny_plan),
        ],
        dir.path(),
        "9 / 9 credits",
    );
    let after: Vec<Snapshot> = inputs.iter().map(|p| snapshot(p)).collect();
    assert!(
        before == after,
        "an input file changed during the terminal runs"
    );
    (raw_plan, raw_curriculum)
}

/// Not even the printable rest of an escape sequence (`]0;pwned`, `]52;`) reaches the
/// terminal: `model::text::clean` removes whole sequences, not just their control characters.
#[test]
fn whole_escape_sequences_are_removed_not_just_esc() {
    let (raw_plan, raw_curriculum) = hostile_pty_runs();
    for (raw, what) in [(raw_plan, "plan"), (raw_curriculum, "curriculum")] {
        for needle in ["]0;pwned", "]52;", "[31m", "[2J"] {
            assert!(
                !raw.contains(needle),
                "hostile {what}: the raw output contains {needle:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Bugs this corpus found, fixed: each case stays as a test of its own.

fn fixed_bug_case(name: &str, kind: Kind) {
    let (case, _) = BUGS
        .iter()
        .find(|(c, _)| c.name == name && c.kind == kind)
        .expect("a known bug");
    check_cases(&[*case]);
}

#[test]
fn escaped_prerequisite_error_has_a_position() {
    fixed_bug_case("escapes_in_error_message.ron", Kind::Curriculum);
}

#[test]
fn codes_equal_once_cleaned_are_duplicates() {
    fixed_bug_case("zero_width_duplicate_code.ron", Kind::Curriculum);
}

#[test]
fn title_blank_once_cleaned_is_refused() {
    fixed_bug_case("blank_title_after_cleaning.ron", Kind::Curriculum);
}

#[test]
fn named_pipe_curriculum_is_refused_at_once() {
    fixed_bug_case("fifo.ron", Kind::Curriculum);
}

#[test]
fn named_pipe_plan_is_refused_at_once() {
    fixed_bug_case("fifo.ron", Kind::Plan);
}

/// The checks themselves catch what they look for, so a green run means something.
#[test]
fn the_checks_catch_injected_text() {
    for bad in [
        "a\x1b[31mb",
        "\x07",
        "\u{9b}2J",
        "x\u{202e}y",
        "z\u{200b}",
        "\u{2066}",
    ] {
        assert!(!injected(bad).is_empty(), "{bad:?} not caught");
    }
    assert!(injected("Ada Lovelace — 64/64 ✓ ◐ █\n\tok").is_empty());
    let case = loads(P, "x.ron", "", 0);
    let run = Run {
        label: "check --format json FILE".into(),
        args: Vec::new(),
        code: 0,
        shape: Shape::Headless { json: true },
        names_file: true,
    };
    let out = Outcome {
        code: Some(0),
        stdout: br#"{"plans": [{"student": "Ada\u001b]0;pwned\u0007"}], "errors": []}"#.to_vec(),
        stderr: Vec::new(),
    };
    let failures = judge(&case, &run, Path::new("x.ron"), &out);
    assert!(
        failures.iter().any(|f| f.contains("\\u001b")),
        "{failures:?}"
    );
    assert!(
        failures.iter().any(|f| f.contains("a JSON string")),
        "{failures:?}"
    );
}
