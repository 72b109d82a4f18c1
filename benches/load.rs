//! Curriculum load and validation: a curriculum file read, parsed, cleaned, validated
//! (every rule, the prerequisite graph included), its reasons read from the comments, and
//! its indexes built; the bundled program, synthetic catalogs of 100 to 20,000 courses with
//! every construct of the requirement language, 5,000 courses without them (`plain-5000`),
//! and the real UNSW 2022 catalog of 2,925 courses (tests/catalogs/).
//!
//! `cargo bench --bench load`; figures in docs/performance.md.

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/synth.rs"]
mod synth;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use degree_planner::store;

use fixtures::Program;

fn load(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut programs = vec![Program::Bundled];
    programs.extend(fixtures::sizes().into_iter().map(Program::Synthetic));
    programs.push(fixtures::plain());
    let mut group = c.benchmark_group("curriculum_load");
    for program in programs {
        let path = dir.path().join(format!("{}.ron", program.label()));
        let text = program.text();
        std::fs::write(&path, &text).expect("write the curriculum");
        let courses = program.curriculum().courses.len();
        group.throughput(Throughput::Elements(courses as u64));
        group.bench_function(BenchmarkId::from_parameter(program.label()), |b| {
            b.iter(|| {
                let loaded = store::load_curriculum(Some(&path)).expect("valid curriculum");
                assert_eq!(loaded.curriculum.courses.len(), courses);
                loaded
            });
        });
    }
    group.finish();
}

/// The real catalog converted from circles (tests/catalogs/README.md).
fn real_catalog(c: &mut Criterion) {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/catalogs/unsw-3778-2022.ron");
    let mut group = c.benchmark_group("curriculum_load");
    group.throughput(Throughput::Elements(2925));
    group.bench_function("unsw-3778-2022", |b| {
        b.iter(|| store::load_curriculum(Some(&path)).expect("the real catalog loads"));
    });
    group.finish();
}

criterion_group!(benches, load, real_catalog);
criterion_main!(benches);
