//! The command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Plan a degree semester by semester in the terminal.
///
/// With no command, opens the planner on PLAN (default: the plan used last, else
/// plans/default.ron in the data directory).
#[derive(Debug, Parser)]
#[command(
    name = "degree-planner",
    version,
    subcommand_precedence_over_arg = true,
    override_usage = "degree-planner [OPTIONS] [PLAN]\n       degree-planner [OPTIONS] <COMMAND>"
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

    /// A command: `review` opens the planner for an advisor; the others run without a terminal.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Plain text, for people.
    Text,
    /// JSON, for other tools.
    Json,
}

/// Output format of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown, to read, print or mail.
    Markdown,
    /// JSON, for other tools.
    Json,
}

/// Commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open a plan as an advisor: add notes and a verdict; courses and statuses are read-only.
    Review {
        /// The plan file to review.
        #[arg(value_name = "PLAN")]
        plan: PathBuf,
        /// Your name, recorded on notes and the verdict (else asked once and remembered).
        #[arg(long, value_name = "NAME")]
        reviewer: Option<String>,
    },
    /// Check plans (files, or every .ron plan in a directory) against their curriculum.
    ///
    /// Prints one line per plan, then the problems. Exits 0 when every plan is readable and
    /// has no problems, 1 when any has problems, 2 when any file could not be read or parsed.
    /// Never writes to the plans.
    Check {
        /// Plan files or directories.
        #[arg(value_name = "PLAN_OR_DIR", required = true)]
        paths: Vec<PathBuf>,
        /// Output format: text or json.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
    },
    /// Show what differs between two plans: courses added, removed, moved, status changes,
    /// credits and career readiness before and after.
    Diff {
        /// The older plan.
        #[arg(value_name = "A")]
        before: PathBuf,
        /// The newer plan.
        #[arg(value_name = "B")]
        after: PathBuf,
    },
    /// Write a complete report of a plan: terms, credits, readiness, problems, notes, verdict.
    Report {
        /// The plan file.
        #[arg(value_name = "PLAN")]
        plan: PathBuf,
        /// Output format: markdown or json.
        #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
        format: ReportFormat,
        /// Write the report to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print, as plain text, exactly what the planner shows on its first frame; no terminal
    /// needed.
    Screen {
        /// The plan file (default: the plan used last, else plans/default.ron).
        #[arg(value_name = "PLAN")]
        plan: Option<PathBuf>,
        /// Screen size, WIDTHxHEIGHT.
        #[arg(long, value_name = "WxH", default_value = "120x40", value_parser = parse_size)]
        size: (u16, u16),
    },
    /// Check a curriculum file (the bundled one by default) and print a summary.
    ///
    /// Exits 0 when it is valid, 2 with every problem listed when not.
    Curriculum {
        /// The curriculum file to check.
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
    },
}

/// Parses "120x40" into (120, 40).
impl Cli {
    /// Refuses a PLAN that is more likely a mistyped command than a plan: a file that does
    /// not exist, without the `.ron` extension and without a path separator (`chek` is not a
    /// new plan called chek). The error is clap's for an unknown subcommand, with the closest
    /// one suggested; it exits 2.
    pub fn check_plan_argument(&self) -> Result<(), clap::Error> {
        use clap::CommandFactory;
        use clap::error::{ContextKind, ContextValue, ErrorKind};
        let Some(plan) = self.plan.as_deref().filter(|_| self.command.is_none()) else {
            return Ok(());
        };
        let text = plan.to_string_lossy();
        let has_separator = text.contains(std::path::is_separator);
        let is_ron = plan.extension().is_some_and(|e| e == "ron");
        if plan.exists() || has_separator || is_ron {
            return Ok(());
        }
        let mut cmd = Cli::command();
        cmd.build();
        let closest = cmd
            .get_subcommands()
            .map(|c| c.get_name())
            .map(|name| (strsim::jaro(&text, name), name))
            .filter(|(score, _)| *score > 0.7)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, name)| name.to_string());
        let usage = cmd.render_usage();
        let mut error = clap::Error::new(ErrorKind::InvalidSubcommand).with_cmd(&cmd);
        error.insert(
            ContextKind::InvalidSubcommand,
            ContextValue::String(text.into_owned()),
        );
        if let Some(name) = closest {
            error.insert(
                ContextKind::SuggestedSubcommand,
                ContextValue::Strings(vec![name]),
            );
        }
        error.insert(
            ContextKind::Suggested,
            ContextValue::StyledStrs(vec![
                format!("a new plan is named by its file: '{}.ron'", plan.display()).into(),
            ]),
        );
        error.insert(ContextKind::Usage, ContextValue::StyledStr(usage));
        Err(error)
    }
}

fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or("expected WIDTHxHEIGHT, e.g. 120x40")?;
    let number = |s: &str| {
        s.trim()
            .parse::<u16>()
            .ok()
            .filter(|n| (1..=1000).contains(n))
    };
    match (number(w), number(h)) {
        (Some(w), Some(h)) => Ok((w, h)),
        _ => Err("width and height must be whole numbers from 1 to 1000".into()),
    }
}
