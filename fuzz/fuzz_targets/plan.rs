//! Plan loader: any bytes in, `Ok` or `Err` out, never a panic. A plan that loads is audited
//! against the bundled curriculum, and saving it and reading it back gives the same plan.

#![no_main]

use std::sync::OnceLock;

use degree_planner::model::{self, Curriculum, review};
use degree_planner::store;
use libfuzzer_sys::fuzz_target;

mod strings;

fn bundled() -> &'static Curriculum {
    static C: OnceLock<Curriculum> = OnceLock::new();
    C.get_or_init(|| {
        store::bundled_curriculum()
            .expect("the bundled curriculum loads")
            .curriculum
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match store::parse_plan(text, "fuzz.ron") {
        Ok(plan) => {
            strings::assert_clean(&strings::plan(&plan));
            let c = bundled();
            let _ = model::problems(c, &plan);
            let _ = model::credits(c, &plan);
            let _ = model::ranked(c, &plan);
            let _ = review::verdict_state(&plan).to_string();
            let saved = store::plan_to_ron(&plan);
            let again = store::parse_plan(&saved, "saved.ron")
                .unwrap_or_else(|e| panic!("a saved plan does not load: {e}\n{saved}"));
            assert_eq!(again, plan, "a saved plan loads back different\n{saved}");
        }
        Err(e) => {
            assert!(!e.problems.is_empty(), "an error with no problems");
            assert!(
                e.to_string().contains("fuzz.ron"),
                "error without the file name"
            );
        }
    }
});
