//! `synth --courses N [--plans M] [--seed S] [--plain] --out DIR`: writes a valid synthetic
//! curriculum of N courses to `DIR/curriculum.ron` and M plans against it to `DIR/plans/`, the
//! same files for the same arguments. The curriculum uses every construct of the requirement
//! language in the shares of a real catalog; `--plain` writes the older shape, with only
//! prerequisite lists, for comparison. For trying the planner at scale and for the whole-process
//! figures in docs/performance.md:
//!
//! ```text
//! cargo run --release --example synth -- --courses 5000 --plans 10 --out /tmp/synth5000
//! cargo run --release -- --curriculum /tmp/synth5000/curriculum.ron /tmp/synth5000/plans/plan-00001.ron
//! ```

#[path = "../benches/support/synth.rs"]
mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use degree_planner::store;

/// Writes a synthetic curriculum and plans.
#[derive(Parser)]
struct Args {
    /// Courses in the curriculum (at least 20).
    #[arg(long, value_parser = clap::value_parser!(u32).range(20..))]
    courses: u32,
    /// Plans to write against it.
    #[arg(long, default_value_t = 0)]
    plans: usize,
    /// Seed: the same seed gives the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Only prerequisite lists: none of the requirement language (the shape before issue 14).
    #[arg(long)]
    plain: bool,
    /// Directory to write into (created if missing).
    #[arg(long)]
    out: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> anyhow::Result<()> {
    let constructs = if args.plain {
        synth::Constructs::None
    } else {
        synth::Constructs::All
    };
    let text = synth::curriculum_with(args.courses as usize, args.seed, constructs);
    let curriculum = store::parse_curriculum(&text, "synthetic curriculum")?.curriculum;
    std::fs::create_dir_all(args.out.join("plans"))?;
    let path = args.out.join("curriculum.ron");
    store::write_atomic(&path, &text)?;
    for (i, plan) in synth::plans(&curriculum, args.plans, args.seed)
        .iter()
        .enumerate()
    {
        let file = args
            .out
            .join("plans")
            .join(format!("plan-{:05}.ron", i + 1));
        store::save_plan(&file, plan)?;
    }
    eprintln!(
        "wrote {} ({} courses) and {} plans",
        path.display(),
        curriculum.courses.len(),
        args.plans
    );
    Ok(())
}
