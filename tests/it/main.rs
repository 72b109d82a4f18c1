//! Every integration test in one binary, so the crate is linked once: one module per concern
//! (docs/testing.md lists them), the fixtures they share in `common`.
//!
//! `cargo test --test it` runs them all; `cargo test --test it screen::` one module.

mod common;

mod advising;
mod app;
mod autoplan;
mod autoplan_preview;
mod bundled_curriculum;
mod catalogs;
mod commands;
mod config;
mod corpus;
mod crash_consistency;
mod curriculum_validation;
mod e2e;
mod exceptions;
mod faults;
mod fuzz_props;
mod gpa;
mod graduation_header;
mod launch;
mod model;
mod model_props;
mod panes;
mod pins;
mod plans_library;
mod prior_tui;
mod readme;
mod report;
mod review;
mod screen;
mod special_files;
mod synth;
mod whatif;
