//! The audit of one plan (`model::problems`, every rule) against synthetic catalogs of 1,000
//! to 20,000 courses with every construct of the requirement language, for plans of the same
//! size (the same seed gives the same number of terms and the same degree total): the cost
//! should follow the plan and the rules it touches, not the catalog.
//!
//! `cargo bench --bench audit`; figures in docs/performance.md.

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/synth.rs"]
mod synth;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use degree_planner::model;

use fixtures::Program;

/// Plans audited per iteration.
const PLANS: usize = 50;

fn audit(c: &mut Criterion) {
    let mut group = c.benchmark_group("audit");
    group.throughput(Throughput::Elements(PLANS as u64));
    for courses in fixtures::scale(vec![1000, 5000, 20_000], vec![100, 1000]) {
        let curriculum = Program::Synthetic(courses).curriculum();
        let plans = synth::plans(&curriculum, PLANS, fixtures::SEED);
        let placed: usize = plans
            .iter()
            .flat_map(|p| &p.terms)
            .map(|t| t.courses.len())
            .sum();
        // Plans of the same size at every catalog size: about 30 courses each.
        assert!(
            (20 * PLANS..=45 * PLANS).contains(&placed),
            "{placed} courses in {PLANS} plans"
        );
        group.bench_function(BenchmarkId::from_parameter(courses), |b| {
            b.iter(|| {
                plans
                    .iter()
                    .map(|plan| model::problems(&curriculum, plan).len())
                    .sum::<usize>()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, audit);
criterion_main!(benches);
