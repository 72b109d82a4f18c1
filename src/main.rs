//! The process edge: parse the command line, run a headless command or the planner, and turn
//! the outcome into an exit status.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

use degree_planner::cli::{Cli, Command};
use degree_planner::keymap::Keymap;
use degree_planner::launch::{self, Failure};
use degree_planner::model::text;
use degree_planner::store::{self, FileError};
use degree_planner::theme::Theme;
use degree_planner::tui::{self, Exit};
use degree_planner::{commands, report};

/// Exit status for unusable input: a bad file, or no terminal.
const EXIT_BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    ignore_file_size_signal();
    let cli = Cli::try_parse().unwrap_or_else(|e| exit_clean(&e));
    if let Err(error) = cli.check_plan_argument() {
        exit_clean(&error);
    }
    if let (Some(plan), Some(_)) = (&cli.plan, &cli.command) {
        use clap::CommandFactory;
        let message = format!(
            "a plan ({}) cannot be given with a command",
            store::display_path(plan)
        );
        exit_clean(&Cli::command().error(clap::error::ErrorKind::ArgumentConflict, message));
    }
    let settings = store::load_config(store::resolve_config_path(
        cli.config_file.clone(),
        std::env::var_os(store::CONFIG_ENV),
    ));
    let headless = matches!(
        cli.command,
        Some(
            Command::Curriculum { .. }
                | Command::Check { .. }
                | Command::Diff { .. }
                | Command::Report { .. }
                | Command::Screen { .. }
                | Command::Autoplan { .. }
                | Command::Whatif { .. }
        )
    );
    if headless && let Some(e) = &settings.error {
        for line in e.to_string().lines() {
            eprintln!("warning: {line}");
        }
        eprintln!("warning: config ignored: using the default settings");
    }
    match cli.command {
        Some(Command::Config { default: true }) => {
            ExitCode::from(commands::emit(&degree_planner::config::default_file(), 0))
        }
        Some(Command::Config { default: false }) => config_status(&settings),
        Some(Command::Curriculum { ref file, .. }) => {
            let path = file.as_deref().or(cli.curriculum_file());
            match store::load_curriculum(path) {
                Ok(loaded) => {
                    for w in &loaded.warnings {
                        eprintln!("warning: {w}");
                    }
                    let summary = report::curriculum_summary(&loaded.curriculum);
                    ExitCode::from(commands::emit(&summary, 0))
                }
                Err(e) => fail(&e),
            }
        }
        Some(Command::Check {
            ref paths,
            format,
            target_gpa,
            ..
        }) => ExitCode::from(commands::check(
            paths,
            format,
            target_gpa,
            cli.curriculum_file(),
        )),
        Some(Command::Diff {
            ref before,
            ref after,
            ..
        }) => ExitCode::from(commands::diff(before, after, cli.curriculum_file())),
        Some(Command::Report {
            ref plan,
            format,
            ref output,
            target_gpa,
            ..
        }) => ExitCode::from(commands::report(
            plan,
            format,
            output.as_deref(),
            target_gpa,
            cli.curriculum_file(),
        )),
        Some(Command::Screen { ref plan, size, .. }) => {
            let data_dir =
                store::resolve_data_dir(cli.data_dir_flag(), std::env::var_os(store::DATA_DIR_ENV));
            let path = launch::plan_path(plan.as_deref(), data_dir.as_deref());
            match path {
                Some(path) => ExitCode::from(commands::screen(
                    &path,
                    size,
                    cli.curriculum_file(),
                    &Keymap::new(&settings.config.keys),
                )),
                None => {
                    eprintln!(
                        "degree-planner: no data directory could be found; pass --data-dir DIR or a PLAN file"
                    );
                    ExitCode::from(EXIT_BAD_INPUT)
                }
            }
        }
        Some(Command::Autoplan {
            ref plan,
            ref target,
            max_credits,
            min_credits,
            max_terms,
            ref output,
            ..
        }) => ExitCode::from(commands::autoplan(
            plan,
            &degree_planner::model::autoplan::Options {
                target: target.clone(),
                max_credits,
                min_credits,
                max_terms,
            },
            output.as_deref(),
            cli.curriculum_file(),
        )),
        Some(Command::Whatif {
            ref plan,
            ref other,
        }) => ExitCode::from(commands::whatif(plan, other, cli.curriculum_file())),
        Some(Command::Review { .. }) => planner(&cli, &settings),
        Some(Command::Completions { shell }) => {
            use clap::CommandFactory;
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "degree-planner", &mut script);
            ExitCode::from(commands::emit(&String::from_utf8_lossy(&script), 0))
        }
        Some(Command::Man) => {
            use clap::CommandFactory;
            let mut page = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut page) {
                Ok(()) => ExitCode::from(commands::emit(&String::from_utf8_lossy(&page), 0)),
                Err(e) => {
                    eprintln!("degree-planner: cannot write the manual page: {e}");
                    ExitCode::from(EXIT_BAD_INPUT)
                }
            }
        }
        None => planner(&cli, &settings),
    }
}

/// Prints a command-line error and exits with clap's status. Clap's messages quote the
/// arguments given, and an argument can be a file name holding escape sequences (`check *`
/// in a folder with a file named `--<ESC>]2;title<BEL>.ron`): errors are printed without
/// colour and cleaned line by line, as text from files is. Help and version go out as clap
/// writes them: they quote nothing the user typed.
fn exit_clean(e: &clap::Error) -> ! {
    if !e.use_stderr() {
        e.exit();
    }
    for line in e.render().to_string().lines() {
        let mut line = line.to_string();
        text::clean(&mut line);
        eprintln!("{line}");
    }
    std::process::exit(e.exit_code())
}

fn fail(e: &FileError) -> ExitCode {
    let count = e.problems.len();
    eprintln!("{e}");
    eprintln!(
        "{count} problem{} found; nothing was changed.",
        if count == 1 { "" } else { "s" }
    );
    ExitCode::from(EXIT_BAD_INPUT)
}

/// `degree-planner config`: where the settings file is and whether it is usable.
fn config_status(settings: &store::LoadedConfig) -> ExitCode {
    let Some(path) = &settings.path else {
        return ExitCode::from(commands::emit(
            "no config directory could be found; the default settings apply\n",
            0,
        ));
    };
    let shown = store::display_path(path);
    if let Some(e) = &settings.error {
        let count = e.problems.len();
        eprintln!("{e}");
        eprintln!(
            "{count} problem{} found; the planner would use the default settings.",
            if count == 1 { "" } else { "s" }
        );
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let text = if path.exists() {
        let config = &settings.config;
        let theme = config.theme.name();
        let mouse = if config.mouse { "on" } else { "off" };
        format!("{shown}: ok (theme {theme}, mouse {mouse})\n")
    } else {
        format!("{shown}: no such file; the default settings apply\n")
    };
    ExitCode::from(commands::emit(&text, 0))
}

/// Runs the planner on the plan the command line names (else the plan used last, else the
/// default plan), or `review` on one, once [`launch::read`] has read it and there is a
/// terminal to draw on.
fn planner(cli: &Cli, settings: &store::LoadedConfig) -> ExitCode {
    let env = launch::Env {
        data_dir: store::resolve_data_dir(
            cli.data_dir_flag(),
            std::env::var_os(store::DATA_DIR_ENV),
        ),
        keymap: Keymap::new(&settings.config.keys),
        config_warning: settings.warning(),
        today: degree_planner::app::local_today,
    };
    let start = match launch::read(cli, env) {
        Ok(start) => start,
        Err(Failure::File(e)) => return fail(&e),
        Err(failure) => {
            eprintln!("{failure}");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let no_terminal = !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal();
    // A dumb terminal (Emacs' shell, some CI logs) cannot move the cursor or switch screens:
    // the planner would print its frames as scrolling junk.
    let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    if no_terminal || dumb {
        let why = if no_terminal {
            "the planner needs a terminal on stdin and stdout"
        } else {
            "the planner cannot draw on a dumb terminal (TERM=dumb): it needs cursor movement \
             and an alternate screen"
        };
        eprintln!(
            "degree-planner: {why}.\n\
             Use a headless command instead:\n  \
             degree-planner curriculum [FILE]     check a curriculum and print a summary\n  \
             degree-planner check PLAN_OR_DIR...  check plans\n  \
             degree-planner report PLAN           write a report of a plan\n  \
             degree-planner diff A B              compare two plans\n  \
             degree-planner screen [PLAN]         print the planner's first frame as text\n  \
             degree-planner completions SHELL     print a shell completion script\n  \
             degree-planner man                   print the manual page\n\
             See degree-planner --help."
        );
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    // Hold the plan's lock while the planner runs; another instance makes this one read-only.
    let (mut app, mut session) = start.open();
    let theme = Theme::for_env(std::env::var_os("NO_COLOR").as_deref(), &settings.config);
    install_crash_report();
    // The planner takes the mouse unless the config says `mouse: false`; without it the
    // terminal selects text.
    match tui::run(&mut app, &theme, &mut session, settings.config.mouse) {
        Ok(Exit::Quit) => {
            // Quitting saves or knowingly discards; only a crash or a signal keeps edits aside.
            if app.read_only().is_none() {
                store::recovery::remove(app.plan_path());
            }
            ExitCode::SUCCESS
        }
        Ok(Exit::Signal(sig)) => ExitCode::from((128 + sig).clamp(0, 255) as u8),
        Err(e) => {
            eprintln!("degree-planner: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// A write past the file-size limit (`ulimit -f`) should fail with an error the app reports,
/// not kill the process with SIGXFSZ and lose the edits.
fn ignore_file_size_signal() {
    // A handler that does nothing, so the signal's default action (ending the process)
    // never runs and the write fails with EFBIG instead. If it cannot be installed, the
    // default stays: nothing else to do.
    #[cfg(unix)]
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
}

/// On a panic, after the terminal is restored (the hook `tui::run` installs runs first and
/// then calls this one), says what happened, that saved work is safe, and how to get a backtrace.
fn install_crash_report() {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!(
            "degree-planner stopped on an internal error{location}: {what}\n\
             Your last save is intact, and unsaved edits are kept beside the plan: the next start \
             offers them back.\n\
             Please report this; run with RUST_BACKTRACE=1 to include a backtrace."
        );
        if std::env::var_os("RUST_BACKTRACE").is_some() {
            eprintln!("{}", std::backtrace::Backtrace::force_capture());
        }
    }));
}
