//! Every style in one place: the built-in themes (dark, light, high-contrast) and a
//! monochrome one for `NO_COLOR`; the config file chooses among them.
//!
//! Nothing relies on colour alone: statuses, marks, selection and problems also carry a glyph
//! or text, so the monochrome theme only needs bold, reversed and underlined.

use ratatui::style::{Color, Modifier, Style};

use crate::config::{Config, ThemeName};

/// The styles the views use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Header bar.
    pub header: Style,
    /// Borders of panes without focus.
    pub border: Style,
    /// Border of the pane with focus.
    pub border_focus: Style,
    /// The highlighted row.
    pub selected: Style,
    /// Core courses of the focused career path.
    pub path_highlight: Style,
    /// Courses that only touch the focused career path.
    pub path_faint: Style,
    /// Text of lesser importance.
    pub muted: Style,
    /// Completed courses and met prerequisites.
    pub good: Style,
    /// In-progress courses.
    pub active: Style,
    /// Warnings.
    pub warning: Style,
    /// Errors and unmet prerequisites.
    pub error: Style,
    /// Key names in the footer and help.
    pub key: Style,
    /// Gauge: completed part.
    pub bar_completed: Style,
    /// Gauge: in-progress part.
    pub bar_in_progress: Style,
    /// Gauge: planned part.
    pub bar_planned: Style,
}

impl Theme {
    /// The default colour theme.
    pub fn color() -> Self {
        Theme {
            header: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            border_focus: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            path_highlight: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            path_faint: Style::new().fg(Color::Magenta),
            muted: Style::new().fg(Color::DarkGray),
            good: Style::new().fg(Color::Green),
            active: Style::new().fg(Color::Yellow),
            warning: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            bar_completed: Style::new().fg(Color::Green),
            bar_in_progress: Style::new().fg(Color::Yellow),
            bar_planned: Style::new().fg(Color::Blue),
        }
    }

    /// A theme without colours, for `NO_COLOR` and monochrome terminals.
    pub fn mono() -> Self {
        let plain = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            header: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            border: plain,
            border_focus: bold,
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            path_highlight: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            path_faint: Style::new().add_modifier(Modifier::UNDERLINED),
            muted: plain,
            good: plain,
            active: plain,
            warning: bold,
            error: bold,
            key: bold,
            bar_completed: plain,
            bar_in_progress: plain,
            bar_planned: plain,
        }
    }

    /// Colours for a light terminal background: dark text colours, no grey that fades out.
    pub fn light() -> Self {
        Theme {
            header: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::Gray),
            border_focus: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            muted: Style::new().fg(Color::DarkGray),
            active: Style::new().fg(Color::Rgb(0x8a, 0x5a, 0x00)),
            warning: Style::new()
                .fg(Color::Rgb(0x8a, 0x5a, 0x00))
                .add_modifier(Modifier::BOLD),
            key: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            bar_in_progress: Style::new().fg(Color::Rgb(0x8a, 0x5a, 0x00)),
            ..Theme::color()
        }
    }

    /// Bright, bold colours that stand apart on a black background.
    pub fn high_contrast() -> Self {
        let bold = |c: Color| Style::new().fg(c).add_modifier(Modifier::BOLD);
        Theme {
            header: Style::new()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::White),
            border_focus: bold(Color::LightYellow),
            path_highlight: bold(Color::LightMagenta).add_modifier(Modifier::UNDERLINED),
            path_faint: bold(Color::LightMagenta),
            muted: Style::new().fg(Color::White),
            good: bold(Color::LightGreen),
            active: bold(Color::LightYellow),
            warning: bold(Color::LightYellow),
            error: bold(Color::LightRed),
            key: bold(Color::LightCyan),
            bar_completed: Style::new().fg(Color::LightGreen),
            bar_in_progress: Style::new().fg(Color::LightYellow),
            bar_planned: Style::new().fg(Color::LightBlue),
            ..Theme::color()
        }
    }

    /// The names a config file gives the styles, in the order of the fields.
    pub const STYLE_NAMES: [&'static str; 15] = [
        "header",
        "border",
        "border-focus",
        "selected",
        "path-highlight",
        "path-faint",
        "muted",
        "good",
        "active",
        "warning",
        "error",
        "key",
        "bar-completed",
        "bar-in-progress",
        "bar-planned",
    ];

    /// The style a config file calls `name` (one of [`Theme::STYLE_NAMES`]).
    fn style_mut(&mut self, name: &str) -> Option<&mut Style> {
        Some(match name {
            "header" => &mut self.header,
            "border" => &mut self.border,
            "border-focus" => &mut self.border_focus,
            "selected" => &mut self.selected,
            "path-highlight" => &mut self.path_highlight,
            "path-faint" => &mut self.path_faint,
            "muted" => &mut self.muted,
            "good" => &mut self.good,
            "active" => &mut self.active,
            "warning" => &mut self.warning,
            "error" => &mut self.error,
            "key" => &mut self.key,
            "bar-completed" => &mut self.bar_completed,
            "bar-in-progress" => &mut self.bar_in_progress,
            "bar-planned" => &mut self.bar_planned,
            _ => return None,
        })
    }

    /// The theme with the text colour of the named styles replaced (names that are not
    /// styles are left out; the config file has checked them).
    pub fn with_colors(mut self, colors: &[(String, Color)]) -> Self {
        for (name, color) in colors {
            if let Some(style) = self.style_mut(name) {
                *style = style.fg(*color);
            }
        }
        self
    }

    /// The built-in theme called `name`.
    pub fn named(name: ThemeName) -> Self {
        match name {
            ThemeName::Dark => Theme::color(),
            ThemeName::Light => Theme::light(),
            ThemeName::HighContrast => Theme::high_contrast(),
            ThemeName::Monochrome => Theme::mono(),
        }
    }

    /// The monochrome theme when `no_color` is set (the `NO_COLOR` convention: present and not
    /// empty), else the theme the config names, with its colours.
    pub fn for_env(no_color: Option<&std::ffi::OsStr>, config: &Config) -> Self {
        if no_color.is_some_and(|v| !v.is_empty()) {
            Theme::mono()
        } else {
            Theme::named(config.theme).with_colors(&config.colors.0)
        }
    }
}
