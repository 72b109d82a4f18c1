//! degree-planner: plan a degree semester by semester in the terminal.
//!
//! The library holds everything but the process edge (`main.rs`), so that tests and
//! benchmarks can drive the same code the binary runs.

pub mod action;
pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod effects;
pub mod field;
pub mod keymap;
pub mod launch;
pub mod model;
pub mod report;
pub mod store;
pub mod theme;
pub mod tui;
pub mod ui;
