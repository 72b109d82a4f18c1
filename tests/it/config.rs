//! The config file: parsing and validation with positions, where it is looked for, the
//! default file `config --default` prints, the themes it chooses, and that a bad file never
//! stops a command (headless ones warn on stderr).

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use degree_planner::action::{self, Action, Context};
use degree_planner::config::{Config, ThemeName, default_file};
use degree_planner::keymap::Keymap;
use degree_planner::store::{self, Located};
use degree_planner::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn problems(text: &str) -> Vec<Located> {
    store::parse_config(text, "config.ron")
        .expect_err("the text has problems")
        .problems
}

#[test]
fn the_default_file_loads_back_to_the_defaults() {
    let config = store::parse_config(&default_file(), "default").expect("valid");
    assert_eq!(config.theme, Config::default().theme);
    assert_eq!(config.mouse, Config::default().mouse);
    assert_eq!(config.colors, Config::default().colors);
    let loaded = Keymap::new(&config.keys);
    let defaults: Vec<String> = action::bindings(Context::Normal)
        .map(|b| format!("{:?} {}", b.action, b.keys_label()))
        .collect();
    let effective: Vec<String> = loaded
        .bindings(Context::Normal)
        .map(|b| format!("{:?} {}", b.action, b.keys_label()))
        .collect();
    assert_eq!(effective, defaults);
    assert_eq!(
        config.keys.normal.0.len(),
        defaults.len(),
        "every action is listed"
    );
    assert!(Config::default().mouse);
    assert_eq!(Config::default().theme, ThemeName::Dark);
}

#[test]
fn every_field_is_optional() {
    assert_eq!(store::parse_config("()", "c"), Ok(Config::default()));
    let config = store::parse_config("(mouse: false)", "c").expect("valid");
    assert_eq!(
        config,
        Config {
            mouse: false,
            ..Config::default()
        }
    );
}

#[test]
fn every_theme_is_named_by_its_string() {
    for (theme, name) in ThemeName::ALL {
        let config = store::parse_config(&format!("(theme: \"{name}\")"), "c").expect("valid");
        assert_eq!(config.theme, theme);
        assert_eq!(theme.name(), name);
    }
}

#[test]
fn an_unknown_field_is_reported_at_its_line_and_column() {
    let found = problems("(\n    theme: \"dark\",\n    colour: 1,\n)");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].position, Some((3, 5)), "{found:?}");
    assert!(found[0].message.contains("colour"), "{}", found[0].message);
}

#[test]
fn an_unknown_theme_names_the_themes_there_are() {
    let found = problems("(\n  mouse: true,\n  theme: \"blue\",\n)");
    assert_eq!(found[0].position.map(|p| p.0), Some(3), "{found:?}");
    let message = &found[0].message;
    assert!(message.contains("unknown theme \"blue\""), "{message}");
    assert!(message.contains("\"high-contrast\""), "{message}");
}

#[test]
fn a_value_of_the_wrong_type_is_reported_where_it_is() {
    let found = problems("(mouse: \"yes\")");
    assert_eq!(found[0].position, Some((1, 9)), "{found:?}");
    let error = store::parse_config("(mouse: \"yes\")", "my.ron").expect_err("bad");
    assert!(error.to_string().starts_with("my.ron:1:9: "), "{error}");
}

#[test]
fn the_flag_beats_the_environment_which_beats_the_platform_directory() {
    let flag = Some(PathBuf::from("flag.ron"));
    let env = Some("env.ron".into());
    assert_eq!(
        store::resolve_config_path(flag, env.clone()),
        Some((PathBuf::from("flag.ron"), true))
    );
    assert_eq!(
        store::resolve_config_path(None, env),
        Some((PathBuf::from("env.ron"), true))
    );
    if let Some((path, explicit)) = store::resolve_config_path(None, Some("".into())) {
        assert!(!explicit);
        assert!(path.ends_with("degree-planner/config.ron"), "{path:?}");
    }
}

#[test]
fn a_missing_default_file_is_no_problem_but_a_missing_named_one_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("config.ron");
    let quiet = store::load_config(Some((path.clone(), false)));
    assert_eq!(quiet.config, Config::default());
    assert_eq!(quiet.error, None);
    assert_eq!(quiet.warning(), None);

    let named = store::load_config_file(&path);
    assert_eq!(named.config, Config::default());
    let warning = named.warning().expect("a warning");
    assert!(warning.contains("no such file"), "{warning}");
    assert!(warning.contains("using the default settings"), "{warning}");
}

#[test]
fn a_bad_file_falls_back_to_the_defaults_with_its_first_problem() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("config.ron");
    std::fs::write(&path, "(\n  mouse: false,\n  theme: \"neon\",\n)").expect("write");
    let loaded = store::load_config_file(&path);
    assert_eq!(
        loaded.config,
        Config::default(),
        "nothing of a bad file is used"
    );
    let warning = loaded.warning().expect("a warning");
    assert!(warning.contains("config.ron:3:"), "{warning}");
    assert!(warning.contains("unknown theme \"neon\""), "{warning}");
}

#[test]
fn themes_differ_and_no_color_forces_monochrome() {
    let themes: Vec<Theme> = ThemeName::ALL
        .iter()
        .map(|(t, _)| Theme::named(*t))
        .collect();
    for (i, a) in themes.iter().enumerate() {
        for b in &themes[i + 1..] {
            assert_ne!(a, b);
        }
    }
    assert_eq!(Theme::named(ThemeName::Monochrome), Theme::mono());
    assert_eq!(Theme::named(ThemeName::Dark), Theme::color());
    let no_color = std::ffi::OsString::from("1");
    let high = Config {
        theme: ThemeName::HighContrast,
        ..Config::default()
    };
    assert_eq!(Theme::for_env(Some(&no_color), &high), Theme::mono());
    let light = Config {
        theme: ThemeName::Light,
        ..Config::default()
    };
    assert_eq!(
        Theme::for_env(Some(std::ffi::OsStr::new("")), &light),
        Theme::light()
    );
}

/// Runs the binary with `args`, HOME in a fresh temporary directory and no config named by
/// the environment unless `config` is given.
fn run(home: &std::path::Path, config: Option<&std::path::Path>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_degree-planner"));
    cmd.args(args)
        .current_dir(home)
        .env("HOME", home)
        .env_remove("XDG_CONFIG_HOME")
        .env_remove(store::CONFIG_ENV)
        .stdin(Stdio::null());
    if let Some(config) = config {
        cmd.env(store::CONFIG_ENV, config);
    }
    cmd.output().expect("the binary runs")
}

#[test]
fn config_default_prints_the_default_file() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = run(home.path(), None, &["config", "--default"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), default_file());
}

#[test]
fn config_checks_the_file_in_effect() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = run(home.path(), None, &["config"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("config.ron: no such file"), "{text}");

    let path = home.path().join("mine.ron");
    std::fs::write(&path, "(theme: \"light\", mouse: false)").expect("write");
    let flag = path.to_str().expect("UTF-8");
    let out = run(home.path(), None, &["config", "--config", flag]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.ends_with("mine.ron: ok (theme light, mouse off)\n"),
        "{text}"
    );

    std::fs::write(&path, "(theme: \"light\",\n mice: false)").expect("write");
    let out = run(home.path(), Some(&path), &["config"]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("mine.ron:2:2: "), "{text}");
    assert!(text.contains("1 problem found"), "{text}");
}

#[test]
fn a_headless_command_warns_about_a_bad_config_and_goes_on() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = home.path().join("broken.ron");
    std::fs::write(&path, "(theme: dark)").expect("write");
    let out = run(home.path(), Some(&path), &["curriculum"]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: ") && err.contains("broken.ron:1:"),
        "{err}"
    );
    assert!(err.contains("using the default settings"), "{err}");
    assert!(!out.stdout.is_empty());
}

#[test]
fn an_unknown_action_or_key_is_reported_where_it_is() {
    let found = problems("(keys: (normal: {\n    \"sve\": [\"s\"],\n}))");
    assert_eq!(found[0].position.map(|p| p.0), Some(2), "{found:?}");
    assert!(
        found[0].message.contains("unknown action \"sve\""),
        "{found:?}"
    );

    let found = problems("(keys: (normal: {\n    \"save\": [\"Ctrl-\", \"Hyper-s\"],\n}))");
    assert_eq!(found[0].position.map(|p| p.0), Some(2), "{found:?}");
    assert!(
        found[0].message.contains("unknown key \"Ctrl-\""),
        "{found:?}"
    );
}

#[test]
fn a_key_bound_to_two_actions_is_a_problem() {
    // j is still `down`'s; Ctrl-z suspends anywhere.
    let found = problems("(keys: (normal: {\n  \"save\": [\"j\", \"Ctrl-z\"],\n}))");
    assert_eq!(found.len(), 1);
    assert!(found[0].position.is_some(), "{found:?}");
    let message = &found[0].message;
    assert!(message.contains("j: down and save"), "{message}");
    assert!(message.contains("Ctrl-z: suspend and save"), "{message}");
    // Moving j away first frees it.
    let ok = "(keys: (normal: { \"down\": [\"↓\"], \"save\": [\"j\", \"Ctrl-s\"], \"undo\": [] }))";
    let config = store::parse_config(ok, "c").expect("no conflict");
    assert_eq!(config.keys.normal.0.len(), 3);
}

#[test]
fn the_screen_command_shows_the_keys_the_config_gives() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = home.path().join("keys.ron");
    let keys = r#"(keys: (normal: { "cycle-status": ["x"], "help": ["H"] }))"#;
    std::fs::write(&path, keys).expect("write");
    let plan = home.path().join("plan.ron");
    let plan = plan.to_str().expect("UTF-8");
    let out = run(
        home.path(),
        Some(&path),
        &["screen", plan, "--size", "160x40"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let screen = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = screen.lines().collect();
    assert!(lines[0].ends_with("│ H help"), "{}", lines[0]);
    let footer = lines.last().expect("a footer");
    assert!(
        footer.contains("x status") && footer.contains("H help"),
        "{footer}"
    );

    let out = run(home.path(), None, &["screen", plan, "--size", "160x40"]);
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(
        screen.lines().next().unwrap_or("").ends_with("│ ? help"),
        "{screen}"
    );
}

#[test]
fn colours_replace_the_themes_text_colours_unless_no_color() {
    use ratatui::style::{Color, Modifier};
    let text = r##"(theme: "light", colors: { "warning": "#d08000", "key": "light-cyan" })"##;
    let config = store::parse_config(text, "c").expect("valid");
    let theme = Theme::for_env(None, &config);
    assert_eq!(theme.warning.fg, Some(Color::Rgb(0xd0, 0x80, 0x00)));
    assert!(
        theme.warning.add_modifier.contains(Modifier::BOLD),
        "the rest of the style stays"
    );
    assert_eq!(theme.key.fg, Some(Color::LightCyan));
    assert_eq!(theme.error, Theme::light().error);
    let no_color = std::ffi::OsString::from("1");
    assert_eq!(Theme::for_env(Some(&no_color), &config), Theme::mono());
}

#[test]
fn an_unknown_style_or_colour_is_reported_where_it_is() {
    let found = problems("(colors: {\n  \"warn\": \"red\",\n})");
    assert_eq!(found[0].position.map(|p| p.0), Some(2), "{found:?}");
    assert!(
        found[0].message.contains("unknown style \"warn\""),
        "{found:?}"
    );
    assert!(found[0].message.contains("bar-planned"), "{found:?}");

    let found = problems("(colors: {\n  \"warning\": \"redish\",\n})");
    assert_eq!(found[0].position.map(|p| p.0), Some(2), "{found:?}");
    assert!(
        found[0].message.contains("unknown colour \"redish\""),
        "{found:?}"
    );
}

/// Issue 13 item 3: every context's keys can be changed; a clash is checked within each
/// context (the review keys too), and an action is looked up among its own context's.
#[test]
fn each_context_has_its_own_keys_and_clashes() {
    let found = problems("(keys: (picker: {\n  \"new-plan\": [\"t\"],\n}))");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].position.is_some(), "{found:?}");
    assert!(
        found[0].message.contains("t: show-trash and new-plan"),
        "{found:?}"
    );
    let found = problems("(keys: (review: {\n  \"approve\": [\"n\"],\n}))");
    assert!(
        found[0].message.contains("n: note-course and approve"),
        "{found:?}"
    );
    // "save" is a planning action, not one of the plans list.
    let found = problems("(keys: (picker: {\n  \"save\": [\"s\"],\n}))");
    assert_eq!(found[0].position.map(|p| p.0), Some(2), "{found:?}");
    assert!(
        found[0]
            .message
            .contains("unknown action \"save\" in keys.picker"),
        "{found:?}"
    );
    // The same key in two contexts is no clash; the remapped key acts in its context.
    let config = store::parse_config(
        "(keys: (picker: { \"new-plan\": [\"N\"] }, notes: { \"delete-note\": [\"N\"] }))",
        "c",
    )
    .expect("no clash");
    let keymap = Keymap::new(&config.keys);
    let press = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT);
    assert_eq!(
        keymap.resolve(Context::Picker, &press('N')),
        Some(Action::NewPlan)
    );
    assert_eq!(
        keymap.resolve(Context::Notes, &press('N')),
        Some(Action::DeleteNote)
    );
    assert_eq!(
        keymap.key_for(Context::Picker, Action::NewPlan).as_deref(),
        Some("N")
    );
}
