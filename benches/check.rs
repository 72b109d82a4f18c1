//! `check` over a directory of plans, in process, against the floor of only listing,
//! reading and parsing the same files on the same number of threads.
//!
//! - `check/app/<plans>` and `check/floor/<plans>`: 10,000 plans of the bundled program.
//! - `check_catalog/<courses>`: 1,000 plans of synthetic catalogs of 100 to 20,000 courses
//!   with every construct of the requirement language, for how the per-plan cost grows with
//!   the size of the program; `check_catalog/plain-5000` is 5,000 courses without them.
//!
//! `cargo bench --bench check`; figures in docs/performance.md.

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/synth.rs"]
mod synth;

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use degree_planner::cli::CheckFormat;
use degree_planner::commands;
use degree_planner::model::Plan;

use fixtures::Program;

/// The floor: list the directory, read every file and parse it as a plan, on as many threads
/// as `check` uses. Returns how many parsed.
fn read_and_parse(dir: &Path) -> usize {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read the directory")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = files.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .filter(|path| {
                            let text = std::fs::read_to_string(path).expect("read a plan");
                            ron::from_str::<Plan>(&text).is_ok()
                        })
                        .count()
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().expect("worker")).sum()
    })
}

/// Runs `check` on `dir` and makes sure it read every plan.
fn check(curriculum: &degree_planner::model::Curriculum, dir: &Path, plans: usize) -> u8 {
    let (text, status) =
        commands::check_output(curriculum, &[dir.to_path_buf()], CheckFormat::Text, None);
    assert!(status < 2, "every plan is readable:\n{text}");
    // One summary line per plan comes first, then a blank line before the problems.
    assert_eq!(text.lines().take_while(|l| !l.is_empty()).count(), plans);
    status
}

fn check_plans(c: &mut Criterion) {
    let plans = fixtures::scale(10_000, 50);
    let dir = tempfile::tempdir().expect("temporary directory");
    let curriculum = Program::Bundled.curriculum();
    fixtures::write_plans(dir.path(), &curriculum, plans);
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Elements(plans as u64));
    group.bench_function(BenchmarkId::new("app", plans), |b| {
        b.iter(|| check(&curriculum, dir.path(), plans));
    });
    group.bench_function(BenchmarkId::new("floor", plans), |b| {
        b.iter(|| assert_eq!(read_and_parse(dir.path()), plans));
    });
    group.finish();
}

fn check_catalogs(c: &mut Criterion) {
    let plans = fixtures::scale(1000, 20);
    let mut group = c.benchmark_group("check_catalog");
    group.sample_size(10);
    group.throughput(Throughput::Elements(plans as u64));
    let mut programs: Vec<Program> = fixtures::sizes()
        .into_iter()
        .map(Program::Synthetic)
        .collect();
    programs.push(fixtures::plain());
    for program in programs {
        let dir = tempfile::tempdir().expect("temporary directory");
        let curriculum = program.curriculum();
        fixtures::write_plans(dir.path(), &curriculum, plans);
        group.bench_function(BenchmarkId::from_parameter(program.label()), |b| {
            b.iter(|| check(&curriculum, dir.path(), plans));
        });
    }
    group.finish();
}

criterion_group!(benches, check_plans, check_catalogs);
criterion_main!(benches);
