//! The auto-plan and the graduation estimate.
//!
//! - `autoplan/bundled/empty` and `autoplan/bundled/started`: the bundled program from an
//!   empty plan and from one with Semester I completed (target: under 5 ms).
//! - `autoplan/5000/empty`: a synthetic catalog of 5,000 courses (benches/support/synth.rs)
//!   planned from an empty plan into three years of three terms (at most 9 terms);
//!   `autoplan/5000/started`: a synthetic student's plan with its first year begun, within
//!   the default maximum of terms (target for both: under 200 ms median).
//! - `estimate/<program>`: the graduation estimate the header recomputes on every key.
//! - `preview/<program>/<from>`: what the planner's auto-plan key (and each change of a
//!   limit in its preview) costs: the proposal at the preview's default limits, the diff, and
//!   the plan's standing before and after (it runs synchronously if under 100 ms).
//!
//! `cargo bench --bench autoplan`; figures in docs/performance.md.

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/synth.rs"]
mod synth;

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use degree_planner::app::AutoPlan;
use degree_planner::model::autoplan::{Options, autoplan};
use degree_planner::model::graduation::estimate;
use degree_planner::model::{Curriculum, Plan, Status};

use fixtures::Program;

/// The recommended terms of `c` with nothing in them.
fn empty(c: &Curriculum) -> Plan {
    let mut plan = Plan::recommended(c, "Bench");
    for t in &mut plan.terms {
        t.courses.clear();
    }
    plan
}

fn bench(c: &mut Criterion) {
    let n = fixtures::scale(5000, 200);
    let bundled = Program::Bundled.curriculum();
    let mut started = Plan::recommended(&bundled, "Bench");
    started.set_term_status(0, Status::Completed);
    let synthetic = Program::Synthetic(n).curriculum();
    // A synthetic student in the first year: a term or two completed or in progress.
    let student = synth::plans(&synthetic, 200, fixtures::SEED)
        .into_iter()
        .find(|p| {
            let started = |t: usize| {
                p.terms[t]
                    .courses
                    .iter()
                    .any(|c| c.status != Status::Planned)
            };
            started(0) && (2..p.terms.len()).all(|t| !started(t))
        })
        .expect("a synthetic student in the first year");
    // Three years where the catalog fits in them; the small catalog `cargo test` builds does
    // not, and takes the default limit.
    let three_years = Some(Options {
        max_terms: Some(9),
        ..Options::default()
    })
    .filter(|o| autoplan(&synthetic, &empty(&synthetic), o).is_ok())
    .unwrap_or_default();
    let cases = [
        (
            "bundled",
            "empty",
            &bundled,
            empty(&bundled),
            Options::default(),
        ),
        ("bundled", "started", &bundled, started, Options::default()),
        (
            &*n.to_string().leak(),
            "empty",
            &synthetic,
            empty(&synthetic),
            three_years.clone(),
        ),
        (
            &*n.to_string().leak(),
            "started",
            &synthetic,
            student,
            Options::default(),
        ),
    ];
    let mut group = c.benchmark_group("autoplan");
    group.sample_size(20);
    group.warm_up_time(Duration::from_secs(1));
    for (program, from, curriculum, plan, options) in &cases {
        // The benchmark measures plans the auto-plan finds.
        let found = autoplan(curriculum, plan, options);
        assert!(found.is_ok(), "{program}/{from}: {found:?}");
        group.bench_function(BenchmarkId::new(*program, from), |b| {
            b.iter(|| autoplan(curriculum, plan, options));
        });
    }
    group.finish();
    let mut group = c.benchmark_group("estimate");
    group.warm_up_time(Duration::from_secs(1));
    for (program, from, curriculum, plan, _) in cases.iter().filter(|c| c.1 == "started") {
        group.bench_function(BenchmarkId::new(*program, from), |b| {
            b.iter(|| estimate(curriculum, plan, None));
        });
    }
    group.finish();
    let mut group = c.benchmark_group("preview");
    group.sample_size(20);
    group.warm_up_time(Duration::from_secs(1));
    for (program, from, curriculum, plan, _) in &cases {
        let options = AutoPlan::default_options(curriculum, plan);
        group.bench_function(BenchmarkId::new(*program, from), |b| {
            b.iter(|| AutoPlan::new(curriculum, plan, options.clone()));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
