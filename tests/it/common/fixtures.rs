//! Inputs many test modules start from.

use std::path::PathBuf;
use std::sync::OnceLock;

use degree_planner::model::{Curriculum, Plan};
use degree_planner::store;
use tempfile::TempDir;

/// The bundled curriculum (`data/curriculum.ron`), parsed once and cloned for each caller.
pub fn bundled() -> Curriculum {
    static BUNDLED: OnceLock<Curriculum> = OnceLock::new();
    BUNDLED
        .get_or_init(|| {
            store::bundled_curriculum()
                .expect("the bundled curriculum loads")
                .curriculum
        })
        .clone()
}

/// `plans/NAME` in the data directory `dir`, saved with the recommended plan for Ada.
pub fn saved_plan(dir: &TempDir, name: &str) -> PathBuf {
    let path = store::plans_dir(dir.path()).join(name);
    store::save_plan(&path, &Plan::recommended(&bundled(), "Ada")).expect("saving a plan");
    path
}
