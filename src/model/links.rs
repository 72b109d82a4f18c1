//! Equivalences and exclusions between course codes, built once per curriculum: what an
//! equivalent satisfies and which two courses may not both be placed.

use std::collections::HashMap;

/// The curriculum-wide links requisites read, built once by `Curriculum::prepare`:
/// equivalence classes and the symmetric exclusion map, keyed by code (outside codes too).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Links {
    /// Code to its equivalence class (only codes with an equivalent are here).
    class_of: HashMap<String, usize>,
    /// Each class's codes, sorted.
    classes: Vec<Vec<String>>,
    /// Code to the codes it excludes (equivalents included), sorted, both ways.
    excludes: HashMap<String, Vec<String>>,
    /// The codes known to exist outside the catalog.
    outside: std::collections::HashSet<String>,
}

impl Links {
    /// Builds the links of the courses given as (code, equivalents, exclusions), with the
    /// `outside` codes (linear in the links written).
    pub fn new<'c>(
        courses: impl IntoIterator<Item = (&'c str, &'c [String], &'c [String])>,
        outside: &[String],
    ) -> Self {
        // Union-find over the codes named by `equivalent`.
        let mut id: HashMap<String, usize> = HashMap::new();
        let mut parent: Vec<usize> = Vec::new();
        let mut intern = |code: &str, parent: &mut Vec<usize>| {
            *id.entry(code.to_string()).or_insert_with(|| {
                parent.push(parent.len());
                parent.len() - 1
            })
        };
        fn root(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        let mut excludes: HashMap<String, Vec<String>> = HashMap::new();
        for (code, equivalent, excluded) in courses {
            for other in equivalent {
                let (a, b) = (intern(code, &mut parent), intern(other, &mut parent));
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra] = rb;
            }
            for other in excluded.iter().chain(equivalent) {
                if other == code {
                    continue;
                }
                excludes
                    .entry(code.to_string())
                    .or_default()
                    .push(other.clone());
                excludes
                    .entry(other.clone())
                    .or_default()
                    .push(code.to_string());
            }
        }
        for list in excludes.values_mut() {
            list.sort();
            list.dedup();
        }
        let mut class_ids: HashMap<usize, usize> = HashMap::new();
        let mut classes: Vec<Vec<String>> = Vec::new();
        let mut class_of = HashMap::new();
        let mut codes: Vec<(String, usize)> = id.into_iter().collect();
        codes.sort();
        for (code, x) in codes {
            let r = root(&mut parent, x);
            let class = *class_ids.entry(r).or_insert_with(|| {
                classes.push(Vec::new());
                classes.len() - 1
            });
            classes[class].push(code.clone());
            class_of.insert(code, class);
        }
        Links {
            class_of,
            classes,
            excludes,
            outside: outside.iter().cloned().collect(),
        }
    }

    /// The codes equivalent to `code`, itself included; `None` when it has no equivalent.
    pub fn equivalents(&self, code: &str) -> Option<&[String]> {
        self.class_of.get(code).map(|&c| self.classes[c].as_slice())
    }

    /// Whether `code` is listed as existing outside the catalog.
    pub fn is_outside(&self, code: &str) -> bool {
        self.outside.contains(code)
    }

    /// The codes `code` excludes (both ways, equivalents included), sorted.
    pub fn excludes(&self, code: &str) -> &[String] {
        self.excludes.get(code).map_or(&[], Vec::as_slice)
    }
}
