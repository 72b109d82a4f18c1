//! Crash consistency of saving: a process that saves two plans alternately (the
//! `save_loop` example) is killed with SIGKILL at random moments, many times over. After
//! every kill the plan file must be exactly one of the two plans, never empty, torn or
//! half-written; a temporary file may be left beside it, and `remove_stale_temps` removes
//! it and nothing else.
//!
//! `CRASH_KILLS` sets how many kills (default 200). The kill delays come from a small
//! xorshift generator seeded by the iteration number, so a run is repeatable.
//!
//! The example is built by `cargo test` (which builds every example) or by
//! `cargo build --example save_loop`; `cargo test --test it crash_consistency` alone does not
//! build it, and the test then says so.

#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use degree_planner::model::Plan;
use degree_planner::store;

/// How long to wait for the example to say `ready`: only a hang should reach this.
const READY_DEADLINE: Duration = Duration::from_secs(30);

/// The longest delay between `ready` and the kill, in microseconds.
const MAX_DELAY_MICROS: u64 = 15_000;

/// The two plans the example saves, built the same way it builds them.
fn plans() -> (Plan, Plan) {
    let c = store::bundled_curriculum().expect("bundled").curriculum;
    let a = Plan::recommended(&c, "A");
    let mut b = Plan::recommended(&c, "B");
    let slot = b.find("BE201").expect("BE201 placed");
    b.move_to(slot, 2).expect("a third term");
    (a, b)
}

/// `target/<profile>/examples/save_loop`, beside the `deps` folder this test runs from.
fn example() -> PathBuf {
    let exe = std::env::current_exe().expect("current exe");
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("the test binary lives in target/<profile>/deps");
    let path = profile_dir
        .join("examples")
        .join(format!("save_loop{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.is_file(),
        "the save_loop example is not built at {}: run `cargo test` (which builds every \
         example) or `cargo build --example save_loop` first; \
         `cargo test --test it crash_consistency` alone does not build it",
        path.display()
    );
    path
}

/// xorshift64: enough randomness for kill delays, with no dependency and a fixed seed.
fn xorshift(mut x: u64) -> u64 {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    x
}

/// The kill delay of iteration `i`, in microseconds: 0 to 15 ms.
fn delay_micros(i: u64) -> u64 {
    // Mix the seed so that neighbouring iterations do not get neighbouring delays.
    let mut x = i.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for _ in 0..4 {
        x = xorshift(x);
    }
    x % (MAX_DELAY_MICROS + 1)
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("listing the directory")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn is_temp(name: &str) -> bool {
    name.starts_with(".plan.ron.") && name.ends_with(".tmp") && name.len() > ".plan.ron..tmp".len()
}

/// Files beside the plan that the clean-up must leave alone: names close to a temporary
/// file's, the temporary file of another plan, and the plan's own lock and recovery files.
const DECOYS: &[&str] = &[
    ".plan.ron..tmp",
    ".plan.ron.keep",
    ".plan.ronX.abc123.tmp",
    ".other.ron.abc123.tmp",
    "plan.ron.abc123.tmp",
    "plan.ron.lock",
    "plan.ron.recovery",
    "other.ron",
];

#[test]
fn sigkill_during_saves_leaves_the_old_or_the_new_plan() {
    let kills: u64 = std::env::var("CRASH_KILLS")
        .ok()
        .map(|v| v.parse().expect("CRASH_KILLS must be a number"))
        .unwrap_or(200);
    let example = example();
    let (a, b) = plans();
    let (text_a, text_b) = (store::plan_to_ron(&a), store::plan_to_ron(&b));
    assert_ne!(text_a, text_b, "the two plans must differ");

    let dir = tempfile::Builder::new()
        .prefix("dp-crash-")
        .tempdir()
        .expect("temp dir");
    let path = dir.path().join("plan.ron");
    for name in DECOYS {
        std::fs::write(dir.path().join(name), format!("decoy {name}\n")).expect("decoy");
    }
    store::save_plan(&path, &a).expect("writing A first");
    let expected_names = names(dir.path());

    let start = Instant::now();
    let (mut seen_a, mut seen_b, mut in_flight, mut cleaned) = (0u64, 0u64, 0u64, 0usize);
    for i in 0..kills {
        let mut child = Command::new(&example)
            .arg(&path)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("starting save_loop");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = match rx.recv_timeout(READY_DEADLINE) {
            Ok(line) => line,
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("save_loop did not say ready within {READY_DEADLINE:?} (iteration {i})");
            }
        };
        if line.trim() != "ready" {
            let status = child.wait().expect("waiting");
            panic!("save_loop stopped before it was ready ({status}): {line:?}");
        }
        std::thread::sleep(Duration::from_micros(delay_micros(i)));
        child.kill().expect("SIGKILL");
        let status = child.wait().expect("waiting for the killed process");
        reader.join().expect("reader thread");
        assert!(
            std::os::unix::process::ExitStatusExt::signal(&status) == Some(libc::SIGKILL),
            "save_loop ended on its own ({status}) instead of being killed (iteration {i})"
        );

        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("iteration {i}: the plan file cannot be read: {e}"));
        let loaded = store::load_plan(&path)
            .unwrap_or_else(|e| panic!("iteration {i}: the plan file does not parse: {e}"));
        let as_ron = store::plan_to_ron(&loaded);
        assert!(
            text == text_a || text == text_b,
            "iteration {i}: the plan file is neither A nor B ({} bytes):\n{text}",
            text.len()
        );
        if as_ron == text_a {
            assert_eq!(loaded, a);
            seen_a += 1;
        } else {
            assert_eq!(
                as_ron, text_b,
                "iteration {i}: parsed plan is neither A nor B"
            );
            assert_eq!(loaded, b);
            seen_b += 1;
        }

        let temps = names(dir.path()).into_iter().filter(|n| is_temp(n)).count();
        if temps > 0 {
            in_flight += 1;
        }
        let removed = store::remove_stale_temps(&path);
        assert_eq!(
            removed, temps,
            "iteration {i}: remove_stale_temps removed {removed} of {temps} temporary files"
        );
        cleaned += removed;
        let left = names(dir.path());
        assert!(
            !left.iter().any(|n| is_temp(n)),
            "iteration {i}: temporary files remain after clean-up: {left:?}"
        );
        assert_eq!(
            left, expected_names,
            "iteration {i}: the clean-up removed or left something it should not have"
        );
        // The decoys must be untouched, not only present.
        for name in DECOYS {
            let got = std::fs::read_to_string(dir.path().join(name)).expect("decoy");
            assert_eq!(got, format!("decoy {name}\n"), "{name} was changed");
        }
    }
    println!(
        "crash consistency: {kills} kills survived in {:.1?}; final file A {seen_a} times, \
         B {seen_b} times; {in_flight} kills landed mid-save and left {cleaned} temporary \
         file(s), all cleaned",
        start.elapsed()
    );
}

#[test]
fn delays_are_spread_over_the_range() {
    let delays: Vec<u64> = (0..200).map(delay_micros).collect();
    assert!(delays.iter().all(|&d| d <= MAX_DELAY_MICROS));
    let low = delays.iter().filter(|&&d| d < MAX_DELAY_MICROS / 3).count();
    let high = delays
        .iter()
        .filter(|&&d| d > 2 * MAX_DELAY_MICROS / 3)
        .count();
    assert!(low > 30 && high > 30, "low {low}, high {high}: {delays:?}");
    // Deterministic: the same iteration gets the same delay.
    assert_eq!(delay_micros(7), delay_micros(7));
}
