//! Curriculum loader: any bytes in, `Ok` or `Err` out, never a panic. A curriculum that loads
//! is then validated again, turned into the recommended plan and audited.

#![no_main]

use degree_planner::model::{self, Plan, validate};
use degree_planner::store;
use libfuzzer_sys::fuzz_target;

mod strings;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match store::parse_curriculum(text, "fuzz.ron") {
        Ok(loaded) => {
            let c = &loaded.curriculum;
            strings::assert_clean(&strings::curriculum(c));
            strings::assert_clean(&loaded.warnings);
            // The loader validates the cleaned curriculum, so what it returns is valid.
            let findings = validate::validate(c);
            assert!(findings.is_empty(), "loaded, but invalid: {findings:?}");
            let plan = Plan::recommended(c, "Fuzz");
            let _ = model::problems(c, &plan);
            let _ = model::credits(c, &plan);
            let _ = model::ranked(c, &plan);
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
