//! The command line.

use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Plan a degree semester by semester in the terminal.
///
/// With no command, opens the planner on PLAN (default: the plan used last, else
/// plans/default.ron in the data directory).
#[derive(Debug, Parser)]
#[command(
    name = "degree-planner",
    version,
    subcommand_precedence_over_arg = true,
    override_usage = "degree-planner [OPTIONS] [PLAN]\n       degree-planner [OPTIONS] <COMMAND>",
    after_help = TOP_HELP
)]
pub struct Cli {
    /// The program to plan against.
    #[command(flatten)]
    pub program: Program,

    /// Where plans are kept.
    #[command(flatten)]
    pub data: DataDir,

    /// Read settings from this file instead of $DEGREE_PLANNER_CONFIG or config.ron in the
    /// platform config directory.
    #[arg(long = "config", value_name = "FILE", global = true)]
    pub config_file: Option<PathBuf>,

    /// The plan file to open (created on first save if it does not exist).
    #[arg(value_name = "PLAN")]
    pub plan: Option<PathBuf>,

    /// A command: `review` opens the planner for an advisor; the others run without a terminal.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What the top-level `--help` adds after the options.
const TOP_HELP: &str = "\
In the planner, press ? for every key, by mode.

Environment:
  DEGREE_PLANNER_DATA_DIR  where plans are kept (else the platform data directory)
  DEGREE_PLANNER_CONFIG    the settings file (else config.ron in the platform config directory)
  NO_COLOR                 any value: no colours, a monochrome theme

Examples:
  degree-planner                          open the plan used last
  degree-planner plans/ada.ron            open (or start) this plan
  degree-planner review ada.ron --reviewer \"Dr Grace\"
  degree-planner check ~/.local/share/degree-planner/plans
  degree-planner completions bash > ~/.local/share/bash-completion/completions/degree-planner";

impl Cli {
    /// `--curriculum`, given after the command or before it.
    pub fn curriculum_file(&self) -> Option<&Path> {
        let after = match &self.command {
            Some(
                Command::Review { program, .. }
                | Command::Check { program, .. }
                | Command::Diff { program, .. }
                | Command::Report { program, .. }
                | Command::Screen { program, .. }
                | Command::Autoplan { program, .. }
                | Command::Curriculum { program, .. },
            ) => program.curriculum.as_deref(),
            // `whatif --curriculum FILE` is the other program, not the plan's.
            Some(
                Command::Completions { .. }
                | Command::Man
                | Command::Config { .. }
                | Command::Whatif { .. },
            )
            | None => None,
        };
        after.or(self.program.curriculum.as_deref())
    }

    /// `--data-dir`, given after the command or before it.
    pub fn data_dir_flag(&self) -> Option<PathBuf> {
        let after = match &self.command {
            Some(Command::Review { data, .. } | Command::Screen { data, .. }) => {
                data.data_dir.clone()
            }
            _ => None,
        };
        after.or_else(|| self.data.data_dir.clone())
    }
}

/// `--curriculum`, for the commands that read plans against a program.
#[derive(Debug, Clone, Default, Args)]
pub struct Program {
    /// Use this curriculum file instead of the bundled Backend Engineering program.
    #[arg(long, value_name = "FILE")]
    pub curriculum: Option<PathBuf>,
}

/// `--data-dir`, for the commands that use the data directory.
#[derive(Debug, Clone, Default, Args)]
pub struct DataDir {
    /// Keep plans here instead of $DEGREE_PLANNER_DATA_DIR or the platform data directory.
    #[arg(long = "data-dir", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
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
    #[command(
        after_help = "Example:\n  degree-planner review plans/ada.ron --reviewer \"Dr Grace\""
    )]
    Review {
        /// The plan file to review.
        #[arg(value_name = "PLAN")]
        plan: PathBuf,
        /// Your name, recorded on notes and the verdict (else asked once and remembered).
        #[arg(long, value_name = "NAME", value_parser = clean_name)]
        reviewer: Option<String>,
        /// The program to plan against.
        #[command(flatten)]
        program: Program,
        /// Where plans are kept.
        #[command(flatten)]
        data: DataDir,
    },
    /// Check plans (files, or every .ron plan in a directory) against their curriculum.
    ///
    /// Prints one line per plan, then the problems. Exits 0 when every plan is readable and
    /// has no problems, 1 when any has problems, 2 when any file could not be read or parsed.
    /// Never writes to the plans.
    #[command(
        after_help = "Examples:\n  degree-planner check plans/ada.ron\n  degree-planner check --format json ~/.local/share/degree-planner/plans\n  degree-planner check plans/ada.ron --target-gpa 3.5"
    )]
    Check {
        /// Plan files or directories.
        #[arg(value_name = "PLAN_OR_DIR", required = true)]
        paths: Vec<PathBuf>,
        /// Output format: text or json.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Also say, per plan, what average the credits still ahead need for the plan to
        /// finish with this GPA (or that it is certain, or not reachable).
        #[arg(long, value_name = "GPA", value_parser = target_gpa)]
        target_gpa: Option<f64>,
        /// The program to plan against.
        #[command(flatten)]
        program: Program,
    },
    /// Show what differs between two plans: courses added, removed, moved, status changes,
    /// credits and career readiness before and after.
    #[command(after_help = "Example:\n  degree-planner diff plans/ada.ron \"plans/ada copy.ron\"")]
    Diff {
        /// The older plan.
        #[arg(value_name = "A")]
        before: PathBuf,
        /// The newer plan.
        #[arg(value_name = "B")]
        after: PathBuf,
        /// The program to plan against.
        #[command(flatten)]
        program: Program,
    },
    /// Write a complete report of a plan: terms, credits, readiness, problems, notes, verdict.
    #[command(
        after_help = "Examples:\n  degree-planner report plans/ada.ron -o ada.md\n  degree-planner report plans/ada.ron --format json | jq .credits\n  degree-planner report plans/ada.ron --target-gpa 3.5 --format json | jq .target_gpa"
    )]
    Report {
        /// The plan file.
        #[arg(value_name = "PLAN")]
        plan: PathBuf,
        /// Output format: markdown or json.
        #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
        format: ReportFormat,
        /// Also say what average the credits still ahead need for the plan to finish with
        /// this GPA (or that it is certain, or not reachable).
        #[arg(long, value_name = "GPA", value_parser = target_gpa)]
        target_gpa: Option<f64>,
        /// Write the report to this file instead of standard output (`-` is standard output;
        /// a device or named pipe is written into directly, never replaced).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The program to plan against.
        #[command(flatten)]
        program: Program,
    },
    /// Fill the remaining terms of a plan so that it has no error: every requisite, offering
    /// and load limit holds and every requirement is met. Prints what would change.
    ///
    /// Completed, in-progress and pinned courses never move. Exits 0 when a plan was found,
    /// 1 when none exists within the limits (with the reason), 2 when a file could not be
    /// read or written. Writes only OUT, never PLAN.
    #[command(
        after_help = "Examples:\n  degree-planner autoplan plans/ada.ron\n  degree-planner autoplan plans/ada.ron --max-credits 12 --max-terms 6 -o plans/ada-auto.ron"
    )]
    Autoplan {
        /// The plan file.
        #[arg(value_name = "PLAN")]
        plan: PathBuf,
        /// The career path whose strongest courses go first (default: the plan's target).
        #[arg(long, value_name = "PATH")]
        target: Option<String>,
        /// Most credits a term (at most the program's limit).
        #[arg(long, value_name = "N")]
        max_credits: Option<u32>,
        /// Least credits in every filled term but the last.
        #[arg(long, value_name = "N")]
        min_credits: Option<u32>,
        /// Most terms the plan may have in all.
        #[arg(long, value_name = "N")]
        max_terms: Option<usize>,
        /// Write the proposed plan to this file (never PLAN itself; `-` is standard output).
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// The program to plan against.
        #[command(flatten)]
        program: Program,
    },
    /// Compare a plan under its curriculum with the same plan under another curriculum file
    /// (courses mapped by code): credits, problems, readiness and the earliest finish.
    ///
    /// The plan's own curriculum is the bundled one, or `--curriculum` given before the
    /// command. Exits 0 when compared, 2 when a file could not be read.
    #[command(
        after_help = "Example:\n  degree-planner whatif plans/ada.ron --curriculum next-year.ron"
    )]
    Whatif {
        /// The plan file.
        #[arg(value_name = "PLAN")]
        plan: PathBuf,
        /// The other curriculum file.
        #[arg(long = "curriculum", value_name = "FILE")]
        other: PathBuf,
    },
    /// Print, as plain text, exactly what the planner shows on its first frame; no terminal
    /// needed.
    #[command(after_help = "Example:\n  degree-planner screen plans/ada.ron --size 200x60")]
    Screen {
        /// The plan file (default: the plan used last, else plans/default.ron).
        #[arg(value_name = "PLAN")]
        plan: Option<PathBuf>,
        /// Screen size, WIDTHxHEIGHT.
        #[arg(long, value_name = "WxH", default_value = "120x40", value_parser = parse_size)]
        size: (u16, u16),
        /// The program to plan against.
        #[command(flatten)]
        program: Program,
        /// Where plans are kept.
        #[command(flatten)]
        data: DataDir,
    },
    /// Check a curriculum file (the bundled one by default) and print a summary.
    ///
    /// Exits 0 when it is valid, 2 with every problem listed when not.
    #[command(
        after_help = "Examples:\n  degree-planner curriculum\n  degree-planner curriculum my-program.ron"
    )]
    Curriculum {
        /// The curriculum file to check.
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// The program to plan against.
        #[command(flatten)]
        program: Program,
    },
    /// Check the settings file in effect and print where it is, or print a default one.
    ///
    /// Exits 0 when the file is usable (or there is none: the defaults apply), 2 with every
    /// problem listed when not. The planner itself never refuses to start on a bad file: it
    /// uses the defaults and says so.
    #[command(
        after_help = "Examples:\n  degree-planner config\n  degree-planner config --default > ~/.config/degree-planner/config.ron"
    )]
    Config {
        /// Print a complete, commented file with every setting at its default.
        #[arg(long)]
        default: bool,
    },
    /// Print a shell completion script.
    #[command(
        after_help = "Example (bash):\n  degree-planner completions bash > ~/.local/share/bash-completion/completions/degree-planner\nzsh: write `_degree-planner` into a folder on $fpath; fish: ~/.config/fish/completions/degree-planner.fish"
    )]
    Completions {
        /// The shell.
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man -l -` or a man1 folder.
    #[command(
        after_help = "Examples:\n  degree-planner man | man -l -\n  degree-planner man > ~/.local/share/man/man1/degree-planner.1"
    )]
    Man,
}

/// A name from the command line, cleaned as every string from a file is: the verdict it
/// signs is checked against the cleaned text when the plan is read back.
fn clean_name(text: &str) -> Result<String, std::convert::Infallible> {
    let mut name = text.to_string();
    crate::model::text::clean(&mut name);
    Ok(name)
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

/// A target GPA from the command line: a number of at least 0.
fn target_gpa(text: &str) -> Result<f64, String> {
    crate::model::gpa_target::parse_target(text)
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
