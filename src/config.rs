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

/// The contexts whose keys the file may change, by the index a [`Remap`] carries: the
/// context, the field of `keys` that changes it, and what it is.
pub const SECTIONS: [(Context, &str, &str); 13] = [
    (Context::Normal, "normal", "Browsing and editing the plan."),
    (
        Context::Review,
        "review",
        "Reviewing (degree-planner review PLAN): checked before the normal keys.",
    ),
    (Context::Notes, "notes", "The list of notes."),
    (Context::Picker, "picker", "The list of plans."),
    (Context::Compare, "compare", "Two plans side by side."),
    (Context::Help, "help", "The help overlay."),
    (
        Context::ConfirmQuit,
        "unsaved",
        "Unsaved changes (quitting, opening another plan).",
    ),
    (Context::Confirm, "confirm", "Yes/no questions."),
    (
        Context::Typing,
        "typing",
        "Typing a filter or a prompt: other printable keys are text.",
    ),
    (
        Context::Requirements,
        "requirements",
        "The requirements: groups, streams and what is left.",
    ),
    (Context::AutoPlan, "autoplan", "The auto-plan's preview."),
    (
        Context::Exceptions,
        "exceptions",
        "The exceptions list, and choosing an exception to request.",
    ),
    (
        Context::WhatIf,
        "whatif",
        "A what-if is open: checked before the normal keys.",
    ),
];

/// Key bindings the file changes, per context (see [`SECTIONS`]). Checked when read: no key
/// may be bound to two actions of one context (or to one and to a key that acts anywhere).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(try_from = "KeysFile")]
pub struct Keys {
    /// Browsing and editing the plan.
    pub normal: Remap<0>,
    /// Reviewing.
    pub review: Remap<1>,
    /// The notes list.
    pub notes: Remap<2>,
    /// The plans list.
    pub picker: Remap<3>,
    /// The comparison.
    pub compare: Remap<4>,
    /// The help overlay.
    pub help: Remap<5>,
    /// The unsaved-changes question.
    pub unsaved: Remap<6>,
    /// Yes/no questions.
    pub confirm: Remap<7>,
    /// Typing a filter or a prompt.
    pub typing: Remap<8>,
    /// The requirements pane.
    pub requirements: Remap<9>,
    /// The auto-plan's preview.
    pub autoplan: Remap<10>,
    /// The exceptions list.
    pub exceptions: Remap<11>,
    /// A what-if.
    pub whatif: Remap<12>,
}

/// [`Keys`] as written, before the keys of all contexts are checked together.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct KeysFile {
    normal: Remap<0>,
    review: Remap<1>,
    notes: Remap<2>,
    picker: Remap<3>,
    compare: Remap<4>,
    help: Remap<5>,
    unsaved: Remap<6>,
    confirm: Remap<7>,
    typing: Remap<8>,
    requirements: Remap<9>,
    autoplan: Remap<10>,
    exceptions: Remap<11>,
    whatif: Remap<12>,
}

impl Keys {
    /// Every context's remapping, with the context.
    pub fn sections(&self) -> [(Context, &[Rebinding]); 13] {
        [
            (SECTIONS[0].0, &self.normal.0),
            (SECTIONS[1].0, &self.review.0),
            (SECTIONS[2].0, &self.notes.0),
            (SECTIONS[3].0, &self.picker.0),
            (SECTIONS[4].0, &self.compare.0),
            (SECTIONS[5].0, &self.help.0),
            (SECTIONS[6].0, &self.unsaved.0),
            (SECTIONS[7].0, &self.confirm.0),
            (SECTIONS[8].0, &self.typing.0),
            (SECTIONS[9].0, &self.requirements.0),
            (SECTIONS[10].0, &self.autoplan.0),
            (SECTIONS[11].0, &self.exceptions.0),
            (SECTIONS[12].0, &self.whatif.0),
        ]
    }
}

impl TryFrom<KeysFile> for Keys {
    type Error = String;

    fn try_from(f: KeysFile) -> Result<Self, Self::Error> {
        let keys = Keys {
            normal: f.normal,
            review: f.review,
            notes: f.notes,
            picker: f.picker,
            compare: f.compare,
            help: f.help,
            unsaved: f.unsaved,
            confirm: f.confirm,
            typing: f.typing,
            requirements: f.requirements,
            autoplan: f.autoplan,
            exceptions: f.exceptions,
            whatif: f.whatif,
        };
        let conflicts = Keymap::new(&keys).conflicts();
        if conflicts.is_empty() {
            Ok(keys)
        } else {
            Err(format!(
                "a key is bound to two actions: {}",
                conflicts.join("; ")
            ))
        }
    }
}

/// Actions of the context `SECTIONS[S]` and the keys they get instead of their defaults
/// (none: unbound). Checked when read: every action and key must exist.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(try_from = "BTreeMap<ActionName<S>, Vec<KeyName>>")]
pub struct Remap<const S: usize>(pub Vec<Rebinding>);

/// An action and the keys the file gives it.
pub type Rebinding = (Action, Vec<Key>);

impl<const S: usize> TryFrom<BTreeMap<ActionName<S>, Vec<KeyName>>> for Remap<S> {
    type Error = String;

    fn try_from(map: BTreeMap<ActionName<S>, Vec<KeyName>>) -> Result<Self, Self::Error> {
        Ok(Remap(
            map.into_iter()
                .map(|(a, keys)| (a.1, keys.into_iter().map(|k| k.0).collect()))
                .collect(),
        ))
    }
}

/// The name of an action of the context `SECTIONS[S]`, e.g. "save" or "next-term".
#[derive(Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
struct ActionName<const S: usize>(String, Action);

impl<const S: usize> Ord for ActionName<S> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.cmp(&other.0)
    }
}

impl<const S: usize> PartialOrd for ActionName<S> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<const S: usize> TryFrom<String> for ActionName<S> {
    type Error = String;

    fn try_from(name: String) -> Result<Self, Self::Error> {
        let (context, section, _) = SECTIONS[S];
        action::bindings(context)
            .find(|b| b.action.name() == name)
            .map(|b| ActionName(name.clone(), b.action))
            .ok_or_else(|| {
                format!(
                    "unknown action \"{name}\" in keys.{section} (`degree-planner config --default` lists them all)"
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
    for (context, section, what) in SECTIONS {
        text.push_str(&format!("        // {what}\n        {section}: {{\n"));
        for b in action::bindings(context) {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("{:?}", k.label())).collect();
            text.push_str(&format!(
                "            // {}\n            \"{}\": [{}],\n",
                b.description,
                b.action.name(),
                keys.join(", ")
            ));
        }
        text.push_str("        },\n");
    }
    text.push_str("    ),\n)\n");
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
    // "Right", "Home", "End", "PageUp", "PageDown". A key bound to two actions of one context
    // is an error.
    // Each context has its own keys: one key may mean different things in the notes list
    // and on the plan, and the keys of `review` come before the normal ones. The keys that
    // act anywhere (Ctrl-z) keep theirs.
    keys: (
"##;
