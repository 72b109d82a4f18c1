//! The user's settings, read from `config.ron`: which built-in theme to draw with and its
//! colours, whether the mouse is used, and the normal mode's key bindings. Every field has a default, so an empty `()` is a complete file; unknown
//! fields are problems, reported with their position like a curriculum's.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::action::{self, Action, Context, Key};
use crate::keymap::Keymap;
use crate::theme::Theme;
use ratatui::style::Color;

/// The settings from the config file, or the defaults.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The built-in theme to draw with (`NO_COLOR` still forces monochrome).
    pub theme: ThemeName,
    /// Whether the planner takes mouse clicks and the wheel.
    pub mouse: bool,
    /// Text colours that replace the theme's, by style.
    pub colors: Colors,
    /// Key bindings that differ from the defaults.
    pub keys: Keys,
}

/// Style names and the text colour each gets instead of the theme's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(from = "BTreeMap<StyleName, ColorName>")]
pub struct Colors(pub Vec<(String, Color)>);

impl From<BTreeMap<StyleName, ColorName>> for Colors {
    fn from(map: BTreeMap<StyleName, ColorName>) -> Self {
        Colors(map.into_iter().map(|(s, c)| (s.0, c.0)).collect())
    }
}

/// The name of one of the theme's styles, e.g. "warning" or "border-focus".
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(try_from = "String")]
struct StyleName(String);

impl TryFrom<String> for StyleName {
    type Error = String;

    fn try_from(name: String) -> Result<Self, Self::Error> {
        if Theme::STYLE_NAMES.contains(&name.as_str()) {
            Ok(StyleName(name))
        } else {
            Err(format!(
                "unknown style \"{name}\"; the styles are {}",
                Theme::STYLE_NAMES.join(", ")
            ))
        }
    }
}

/// A colour as written in the file: a name ("light-cyan"), "#rrggbb" or an index ("208").
#[derive(Debug, Deserialize)]
#[serde(try_from = "String")]
struct ColorName(Color);

impl TryFrom<String> for ColorName {
    type Error = String;

    fn try_from(name: String) -> Result<Self, Self::Error> {
        name.parse().map(ColorName).map_err(|_| {
            format!(
                "unknown colour \"{name}\"; write a name (\"red\", \"light-cyan\"), \"#rrggbb\" or an index (\"208\")"
            )
        })
    }
}

/// Key bindings the file changes, per mode (the planner's normal mode, for now).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Keys {
    /// Browsing and editing the plan.
    pub normal: Remap,
}

/// Actions of the normal mode and the keys they get instead of their defaults (none:
/// unbound). Checked when read: every action and key must exist, and no key may end up
/// bound to two actions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(try_from = "BTreeMap<ActionName, Vec<KeyName>>")]
pub struct Remap(pub Vec<(Action, Vec<Key>)>);

impl TryFrom<BTreeMap<ActionName, Vec<KeyName>>> for Remap {
    type Error = String;

    fn try_from(map: BTreeMap<ActionName, Vec<KeyName>>) -> Result<Self, Self::Error> {
        let remap = Remap(
            map.into_iter()
                .map(|(a, keys)| (a.1, keys.into_iter().map(|k| k.0).collect()))
                .collect(),
        );
        let conflicts = Keymap::new(&remap).conflicts();
        if conflicts.is_empty() {
            Ok(remap)
        } else {
            Err(format!(
                "a key is bound to two actions: {}",
                conflicts.join("; ")
            ))
        }
    }
}

/// The name of an action of the normal mode, e.g. "save" or "next-term".
#[derive(Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
struct ActionName(String, Action);

impl Ord for ActionName {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.cmp(&other.0)
    }
}

impl PartialOrd for ActionName {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl TryFrom<String> for ActionName {
    type Error = String;

    fn try_from(name: String) -> Result<Self, Self::Error> {
        action::bindings(Context::Normal)
            .find(|b| b.action.name() == name)
            .map(|b| ActionName(name.clone(), b.action))
            .ok_or_else(|| {
                format!(
                    "unknown action \"{name}\" (`degree-planner config --default` lists them all)"
                )
            })
    }
}

/// A key as written in the file, e.g. "s", "Ctrl-s", "Enter", "Up".
#[derive(Debug, Deserialize)]
#[serde(try_from = "String")]
struct KeyName(Key);

impl TryFrom<String> for KeyName {
    type Error = String;

    fn try_from(name: String) -> Result<Self, Self::Error> {
        Key::parse(&name).map(KeyName).ok_or_else(|| {
            format!(
                "unknown key \"{name}\"; write keys like \"s\", \"Ctrl-s\", \"Enter\", \"Space\", \"Up\""
            )
        })
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: ThemeName::Dark,
            mouse: true,
            colors: Colors::default(),
            keys: Keys::default(),
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
pub fn default_file() -> String {
    let mut text = String::from(DEFAULT_HEAD);
    for b in action::bindings(Context::Normal) {
        let keys: Vec<String> = b.keys.iter().map(|k| format!("{:?}", k.label())).collect();
        text.push_str(&format!(
            "            // {}\n            \"{}\": [{}],\n",
            b.description,
            b.action.name(),
            keys.join(", ")
        ));
    }
    text.push_str("        },\n    ),\n)\n");
    text
}

/// The settings part of [`default_file`], before the key bindings.
const DEFAULT_HEAD: &str = r##"// degree-planner settings (RON). Every field is optional: a missing one keeps its default.
// Put this file at the path `degree-planner config` prints, or name another with
// --config FILE or the DEGREE_PLANNER_CONFIG environment variable.
(
    // The colours: "dark" (for a dark terminal), "light" (for a light one),
    // "high-contrast" or "monochrome". NO_COLOR in the environment always means monochrome.
    theme: "dark",
    // Whether the planner uses the mouse (clicks and the wheel); false leaves the mouse to
    // the terminal, for selecting and copying text.
    mouse: true,
    // Text colours that replace the theme's, by style: a name ("red", "light-cyan"),
    // "#rrggbb" or a palette index ("208"), e.g. { "warning": "#d08000", "key": "blue" }.
    // The styles: header, border, border-focus, selected, path-highlight, path-faint, muted,
    // good, active, warning, error, key, bar-completed, bar-in-progress, bar-planned.
    colors: {},
    // Key bindings. Give an action other keys ("save": ["Ctrl-s"]), or none to unbind it
    // ("save": []); actions left out keep their keys. Keys are written "s", "S", "Ctrl-s",
    // "Enter", "Esc", "Tab", "Shift-Tab", "Space", "Backspace", "Up", "Down", "Left",
    // "Right", "Home", "End", "PageUp", "PageDown". A key bound to two actions is an error.
    keys: (
        // Browsing and editing the plan.
        normal: {
"##;
