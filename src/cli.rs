//! The command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Plan a degree semester by semester in the terminal.
///
/// With no command, opens the planner on PLAN (default: the plan used last, else
/// plans/default.ron in the data directory).
#[derive(Debug, Parser)]
#[command(
    name = "degree-planner",
    version,
    subcommand_precedence_over_arg = true,
    override_usage = "degree-planner [OPTIONS] [PLAN]\n       degree-planner [OPTIONS] curriculum [FILE]"
)]
pub struct Cli {
    /// Use this curriculum file instead of the bundled Backend Engineering program.
    #[arg(long, value_name = "FILE", global = true)]
    pub curriculum: Option<PathBuf>,

    /// Keep plans here instead of $DEGREE_PLANNER_DATA_DIR or the platform data directory.
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,

    /// The plan file to open (created on first save if it does not exist).
    #[arg(value_name = "PLAN")]
    pub plan: Option<PathBuf>,

    /// A command that runs without a terminal.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a curriculum file (the bundled one by default) and print a summary.
    ///
    /// Exits 0 when it is valid, 2 with every problem listed when not.
    Curriculum {
        /// The curriculum file to check.
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
    },
}
