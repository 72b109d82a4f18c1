//! Whole-process figures for docs/performance.md: time from start to the first complete
//! frame in a pseudo-terminal, and peak memory (maximum resident set), each the median of
//! many runs. Build first, then run it:
//!
//! ```text
//! cargo build --release --bins --examples
//! target/release/examples/measure startup [--runs 40]
//! target/release/examples/measure memory [--runs 5]
//! target/release/examples/measure window [--runs 3] [--size 10000x10000]
//! target/release/examples/measure instructions [--runs 3] [--keep DIR]
//! ```
//!
//! `startup` runs the planner on a saved plan and `examples/floor.rs` (the least a ratatui
//! program does before its first frame) alternately, at 200x60, and reports both medians and
//! their ratio. `memory` runs the planner on the bundled program and on synthetic catalogs of
//! 100 to 20,000 courses, scrolls the longest list, types a filter and quits, and reports the
//! peak resident set of each, read from `wait4`. `window` runs the planner on the bundled
//! program in a window of `--size` (and, for comparison, 200x60) and reports the peak
//! resident set of each: what the drawn area costs. `instructions` runs the same start-up as
//! `startup` under `valgrind --tool=callgrind` and reports the instructions each program
//! executes from exec to exit (quit as soon as the first frame shows): unlike time, the count
//! repeats to a few parts in a thousand on a busy machine. With `--keep` the callgrind files
//! stay in DIR, for `callgrind_annotate --inclusive=yes`.

#[path = "../benches/support/synth.rs"]
mod synth;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use degree_planner::store;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Whole-process start-up and memory figures.
#[derive(Parser)]
struct Args {
    #[command(subcommand)]
    figure: Figure,
}

#[derive(Subcommand)]
enum Figure {
    /// Start to first frame: the planner against the floor, side by side.
    Startup {
        /// Runs of each program.
        #[arg(long, default_value_t = 40)]
        runs: usize,
    },
    /// Instructions from exec to exit under callgrind: the planner against the floor.
    Instructions {
        /// Runs of each program.
        #[arg(long, default_value_t = 3)]
        runs: usize,
        /// Keep the callgrind output files in this directory.
        #[arg(long)]
        keep: Option<PathBuf>,
    },
    /// Peak resident memory of the planner, bundled program and synthetic catalogs.
    Memory {
        /// Runs per program.
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
    /// Peak resident memory of the planner in a very large window.
    Window {
        /// Runs per size.
        #[arg(long, default_value_t = 3)]
        runs: usize,
        /// Window size, COLUMNSxROWS.
        #[arg(long, default_value = "10000x10000", value_parser = parse_size)]
        size: (u16, u16),
    },
}

fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let (w, h) = text.split_once('x').ok_or("expected COLUMNSxROWS")?;
    Ok((
        w.parse().map_err(|e| format!("{e}"))?,
        h.parse().map_err(|e| format!("{e}"))?,
    ))
}

/// Screen size for every run.
const SIZE: (u16, u16) = (200, 60);
/// Longest any run may take before it is reported as hung.
const DEADLINE: Duration = Duration::from_secs(30);

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("measure: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Args) -> Result<()> {
    let bin = binaries()?;
    let work = tempfile::tempdir()?;
    match args.figure {
        Figure::Startup { runs } => startup(&bin, work.path(), runs),
        Figure::Instructions { runs, keep } => instructions(
            &bin,
            work.path(),
            runs,
            keep.as_deref().unwrap_or(work.path()),
        ),
        Figure::Memory { runs } => memory(&bin, work.path(), runs),
        Figure::Window { runs, size } => window(&bin, work.path(), runs, size),
    }
}

/// The planner and the floor, built beside this program.
struct Binaries {
    app: PathBuf,
    floor: PathBuf,
}

fn binaries() -> Result<Binaries> {
    let me = std::env::current_exe()?;
    let examples = me.parent().context("no directory")?;
    let bin = Binaries {
        app: examples
            .parent()
            .context("no directory")?
            .join("degree-planner"),
        floor: examples.join("floor"),
    };
    for path in [&bin.app, &bin.floor] {
        if !path.is_file() {
            bail!(
                "{} is missing: run `cargo build --release --bins --examples` first",
                path.display()
            );
        }
    }
    Ok(bin)
}

/// One run: the time until `expect` is on screen, and the peak resident set in KiB.
struct Run {
    first_frame: Duration,
    max_rss_kib: i64,
}

/// Starts `command` in a 200x60 pseudo-terminal, waits until `expect` is on the screen,
/// types `keys`, then `quit`, and reaps it.
fn run_once(command: CommandBuilder, expect: &str, keys: &[&str], quit: &str) -> Result<Run> {
    run_sized(SIZE, command, expect, keys, quit)
}

/// [`run_once`] in a pseudo-terminal of `size`. The screen read back is at most 200x60 (its
/// top-left corner), so that a huge window costs this program nothing.
fn run_sized(
    size: (u16, u16),
    command: CommandBuilder,
    expect: &str,
    keys: &[&str],
    quit: &str,
) -> Result<Run> {
    let pty = native_pty_system().openpty(PtySize {
        rows: size.1,
        cols: size.0,
        pixel_width: 0,
        pixel_height: 0,
    })?;
    let mut reader = pty.master.try_clone_reader()?;
    let mut writer = pty.master.take_writer()?;
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let nonzero = |n: u16| std::num::NonZeroU16::new(n).context("zero size");
    let mut screen = vt100::Parser::new(
        nonzero(size.1.min(SIZE.1))?,
        nonzero(size.0.min(SIZE.0))?,
        0,
    );
    let started = Instant::now();
    let child = pty.slave.spawn_command(command)?;
    drop(pty.slave);
    let pid = child.process_id().context("no process id")? as libc::pid_t;
    let wait_for = |screen: &mut vt100::Parser, text: &str| -> Result<Duration> {
        loop {
            if screen.screen().contents().contains(text) {
                return Ok(started.elapsed());
            }
            let left = DEADLINE.saturating_sub(started.elapsed());
            match rx.recv_timeout(left) {
                Ok(bytes) => screen.process(&bytes),
                Err(_) => bail!(
                    "\"{text}\" never appeared; the screen:\n{}",
                    screen.screen().contents()
                ),
            }
        }
    };
    let first_frame = wait_for(&mut screen, expect)?;
    for key in keys {
        writer.write_all(key.as_bytes())?;
    }
    writer.flush()?;
    // A pause before quitting, so that an Esc at the end of `keys` is read alone rather
    // than as Alt with the quit key.
    std::thread::sleep(Duration::from_millis(100));
    writer.write_all(quit.as_bytes())?;
    writer.flush()?;
    // Keep reading so the program never blocks on a full pty, until it exits.
    let drain = std::thread::spawn(move || while rx.recv().is_ok() {});
    let mut status = 0;
    // SAFETY: `rusage` is plain data that `wait4` fills in; `pid` is our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if reaped != pid {
        bail!("wait4 failed: {}", std::io::Error::last_os_error());
    }
    drop(child);
    drop(writer);
    drop(pty.master);
    let _ = drain.join();
    if !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) != 0 {
        bail!("the program did not exit cleanly (wait status {status})");
    }
    Ok(Run {
        first_frame,
        max_rss_kib: usage.ru_maxrss,
    })
}

fn command(program: &Path, args: &[&Path]) -> CommandBuilder {
    let mut c = CommandBuilder::new(program);
    for a in args {
        c.arg(a);
    }
    c.env("TERM", "xterm-256color");
    c.env_remove("NO_COLOR");
    c
}

/// A fresh data directory holding `plan` as `plans/<name>`; returns the plan's path.
fn data_dir_with(work: &Path, run: usize, name: &str, plan: &str) -> Result<(PathBuf, PathBuf)> {
    let data = work.join(format!("data-{run}-{name}"));
    std::fs::create_dir_all(data.join("plans"))?;
    let path = data.join("plans").join(name);
    std::fs::write(&path, plan)?;
    Ok((data, path))
}

fn startup(bin: &Binaries, work: &Path, runs: usize) -> Result<()> {
    let plan = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/ada.ron"),
    )?;
    let (mut app, mut floor) = (Vec::new(), Vec::new());
    // One data directory for every run: a start as the student makes it every day, with the
    // plan already the one the planner remembers.
    let (data, path) = data_dir_with(work, 0, "ada.ron", &plan)?;
    // Alternate, so that anything else the machine does falls on both alike.
    for run in 0..runs + 2 {
        let a = run_once(
            command(&bin.app, &[Path::new("--data-dir"), &data, &path]),
            "q quit",
            &[],
            "q",
        )?;
        let f = run_once(command(&bin.floor, &[]), "q quits", &[], "q")?;
        // The first two of each warm the file cache.
        if run >= 2 {
            app.push(a.first_frame);
            floor.push(f.first_frame);
        }
    }
    let (a, f) = (median(&mut app), median(&mut floor));
    println!("start to first frame at 200x60, median of {runs} runs each, alternating:");
    println!(
        "  planner (bundled program, docs/examples/ada.ron): {}",
        ms(a)
    );
    println!(
        "  floor (examples/floor.rs):                        {}",
        ms(f)
    );
    println!("  ratio: {:.2}x", a.as_secs_f64() / f.as_secs_f64());
    Ok(())
}

fn instructions(bin: &Binaries, work: &Path, runs: usize, out: &Path) -> Result<()> {
    let plan = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/ada.ron"),
    )?;
    let (data, path) = data_dir_with(work, 0, "ada.ron", &plan)?;
    std::fs::create_dir_all(out)?;
    // Under callgrind the program runs in `valgrind`; the counts come from its output file.
    let counted = |name: &str, run: usize, args: &[&Path], expect: &str| -> Result<u64> {
        let file = out.join(format!("{name}.{run}.callgrind"));
        let tool = PathBuf::from("--tool=callgrind");
        let output = PathBuf::from(format!("--callgrind-out-file={}", file.display()));
        let mut all: Vec<&Path> = vec![&tool, &output];
        all.extend(args);
        run_once(command(Path::new("valgrind"), &all), expect, &[], "q")?;
        let text = std::fs::read_to_string(&file).context("reading callgrind's output")?;
        text.lines()
            .find_map(|l| l.strip_prefix("totals: "))
            .and_then(|t| t.trim().parse().ok())
            .context("no totals line in callgrind's output")
    };
    let (mut app, mut floor) = (Vec::new(), Vec::new());
    for run in 0..runs {
        app.push(counted(
            "planner",
            run,
            &[&bin.app, Path::new("--data-dir"), &data, &path],
            "q quit",
        )?);
        floor.push(counted("floor", run, &[&bin.floor], "q quits")?);
    }
    app.sort_unstable();
    floor.sort_unstable();
    let (a, f) = (app[app.len() / 2], floor[floor.len() / 2]);
    println!("instructions from exec to exit at 200x60, median of {runs} runs each (callgrind):");
    println!("  planner (bundled program, docs/examples/ada.ron): {a}");
    println!("  floor (examples/floor.rs):                        {f}");
    println!("  ratio: {:.2}x", a as f64 / f as f64);
    Ok(())
}

fn memory(bin: &Binaries, work: &Path, runs: usize) -> Result<()> {
    // Scroll the unplanned pool a long way, filter it, clear the filter, quit.
    let mut keys = vec!["\t"];
    keys.extend(std::iter::repeat_n("\x1b[B", 300));
    keys.extend(["/", "s", "y", "s", "\x1b"]);
    println!("peak resident set (maximum RSS), median of {runs} runs each:");
    let report = |label: &str, curriculum: Option<&Path>, plan: &str| -> Result<()> {
        let mut peaks = Vec::new();
        for run in 0..runs {
            let (data, path) = data_dir_with(work, run, "plan.ron", plan)?;
            let mut args: Vec<&Path> = vec![Path::new("--data-dir"), &data];
            if let Some(c) = curriculum {
                args.extend([Path::new("--curriculum"), c]);
            }
            args.push(&path);
            let r = run_once(command(&bin.app, &args), "q quit", &keys, "q")?;
            peaks.push(r.max_rss_kib);
        }
        peaks.sort_unstable();
        let kib = peaks[peaks.len() / 2];
        println!("  {label:>8}: {:6.1} MiB", kib as f64 / 1024.0);
        Ok(())
    };
    let bundled = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/ada.ron"),
    )?;
    report("bundled", None, &bundled)?;
    let floor = {
        let mut peaks = Vec::new();
        for _ in 0..runs {
            peaks.push(run_once(command(&bin.floor, &[]), "q quits", &[], "q")?.max_rss_kib);
        }
        peaks.sort_unstable();
        peaks[peaks.len() / 2]
    };
    for n in [100, 1000, 5000, 20_000] {
        let text = synth::curriculum(n, 2026);
        let curriculum = store::parse_curriculum(&text, "synthetic")?.curriculum;
        let path = work.join(format!("synth-{n}.ron"));
        std::fs::write(&path, &text)?;
        let plan = store::plan_to_ron(&synth::plans(&curriculum, 1, 2026)[0]);
        report(&n.to_string(), Some(&path), &plan)?;
    }
    println!("  {:>8}: {:6.1} MiB", "floor", floor as f64 / 1024.0);
    Ok(())
}

fn window(bin: &Binaries, work: &Path, runs: usize, size: (u16, u16)) -> Result<()> {
    let plan = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/ada.ron"),
    )?;
    println!("peak resident set (maximum RSS) by window size, median of {runs} runs each:");
    for size in [SIZE, size] {
        let mut peaks = Vec::new();
        for run in 0..runs {
            let (data, path) = data_dir_with(work, run, "ada.ron", &plan)?;
            let command = command(&bin.app, &[Path::new("--data-dir"), &data, &path]);
            // The title bar, at the top left: seen whatever the size of the window.
            peaks.push(run_sized(size, command, "Backend Engineering", &[], "q")?.max_rss_kib);
        }
        peaks.sort_unstable();
        let kib = peaks[peaks.len() / 2];
        println!(
            "  {:>11}: {:8.1} MiB",
            format!("{}x{}", size.0, size.1),
            kib as f64 / 1024.0
        );
    }
    Ok(())
}

fn median(values: &mut [Duration]) -> Duration {
    values.sort_unstable();
    values[values.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}
