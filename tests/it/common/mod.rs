//! Shared helpers for the integration tests.

pub mod fixtures;
pub mod pty;
/// The synthetic catalog generator the benchmarks use too.
#[path = "../../../benches/support/synth.rs"]
pub mod synth;

pub use fixtures::{bundled, saved_plan};
