//! `save_loop PLAN_PATH`: saves two different plans, A and B, alternately to `PLAN_PATH` with
//! `store::save_plan`, forever. Prints `ready` once the first save (of A) is done.
//!
//! `tests/it/crash_consistency.rs` kills it with SIGKILL at random moments and checks that the
//! file is always exactly A or exactly B: never empty, torn or half-written.
//!
//! A is the recommended plan for student "A"; B is the recommended plan for student "B" with
//! BE201 moved from Semester II to Semester III. The test builds the same two plans.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use degree_planner::model::Plan;
use degree_planner::store;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(path), None) = (args.next(), args.next()) else {
        eprintln!("usage: save_loop PLAN_PATH");
        return ExitCode::from(2);
    };
    let path = PathBuf::from(path);
    let curriculum = match store::bundled_curriculum() {
        Ok(loaded) => loaded.curriculum,
        Err(e) => {
            eprintln!("save_loop: {e}");
            return ExitCode::FAILURE;
        }
    };
    let a = Plan::recommended(&curriculum, "A");
    let mut b = Plan::recommended(&curriculum, "B");
    let slot = b.find("BE201").expect("BE201 is in the recommended plan");
    b.move_to(slot, 2)
        .expect("the recommended plan has a third term");

    let mut stdout = std::io::stdout();
    let mut first = true;
    for plan in [&a, &b].into_iter().cycle() {
        if let Err(e) = store::save_plan(&path, plan) {
            eprintln!("save_loop: {e}");
            return ExitCode::FAILURE;
        }
        if first {
            first = false;
            // The test waits for this line before it starts the clock on its kill.
            let _ = writeln!(stdout, "ready");
            let _ = stdout.flush();
        }
    }
    ExitCode::SUCCESS
}
