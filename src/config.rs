//! The user's settings, read from `config.ron`: which built-in theme to draw with and whether
//! the mouse is used. Every field has a default, so an empty `()` is a complete file; unknown
//! fields are problems, reported with their position like a curriculum's.

use serde::Deserialize;

/// The settings from the config file, or the defaults.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The built-in theme to draw with (`NO_COLOR` still forces monochrome).
    pub theme: ThemeName,
    /// Whether the planner takes mouse clicks and the wheel.
    pub mouse: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: ThemeName::Dark,
            mouse: true,
        }
    }
}

/// One of the built-in themes, named in the file by a string: `"dark"`, `"light"`,
/// `"high-contrast"` or `"monochrome"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub enum ThemeName {
    /// Colours for a dark terminal background (the default).
    Dark,
    /// Colours for a light terminal background.
    Light,
    /// Bright, bold colours on black, for low vision or a washed-out screen.
    HighContrast,
    /// No colours: bold, reversed and underlined only.
    Monochrome,
}

impl ThemeName {
    /// Every theme with the name the file uses for it.
    pub const ALL: [(ThemeName, &'static str); 4] = [
        (ThemeName::Dark, "dark"),
        (ThemeName::Light, "light"),
        (ThemeName::HighContrast, "high-contrast"),
        (ThemeName::Monochrome, "monochrome"),
    ];
}

impl ThemeName {
    /// The name the file uses for this theme.
    pub fn name(self) -> &'static str {
        ThemeName::ALL
            .iter()
            .find(|(t, _)| *t == self)
            .map_or("dark", |(_, n)| n)
    }
}

impl TryFrom<String> for ThemeName {
    type Error = String;

    fn try_from(name: String) -> Result<Self, Self::Error> {
        ThemeName::ALL
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(theme, _)| *theme)
            .ok_or_else(|| {
                let names: Vec<String> = ThemeName::ALL
                    .iter()
                    .map(|(_, n)| format!("\"{n}\""))
                    .collect();
                format!(
                    "unknown theme \"{name}\"; the themes are {}",
                    names.join(", ")
                )
            })
    }
}

/// A complete config file with every setting at its default and a comment on each, as
/// `degree-planner config --default` prints it.
pub const DEFAULT_FILE: &str = r#"// degree-planner settings (RON). Every field is optional: a missing one keeps its default.
// Put this file at the path `degree-planner config` prints, or name another with
// --config FILE or the DEGREE_PLANNER_CONFIG environment variable.
(
    // The colours: "dark" (for a dark terminal), "light" (for a light one),
    // "high-contrast" or "monochrome". NO_COLOR in the environment always means monochrome.
    theme: "dark",
    // Whether the planner uses the mouse (clicks and the wheel); false leaves the mouse to
    // the terminal, for selecting and copying text.
    mouse: true,
)
"#;
