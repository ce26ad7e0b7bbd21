//! `--help` in Arabic, as a student with an Arabic locale meets it: every page's
//! about and option texts come from ar.ftl (compared by id), clap's headings and
//! notes too, while option names, metavariables and values stay as typed.

mod common;

use common::bin::{maillab_with, text};
use maillab::protocol::text::{arabic, english};

/// Bidi controls the program adds around Latin runs; the texts are compared without them.
fn plain(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

/// `maillab ARGS` with `env`, a fresh config home and data directory; its stdout
/// without bidi controls.
fn help(args: &[&str], env: &[(&str, &str)]) -> String {
    plain(&help_raw(args, env))
}

/// [`help`] as printed.
fn help_raw(args: &[&str], env: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut vars: Vec<(&str, &std::ffi::OsStr)> = vec![
        ("XDG_CONFIG_HOME", dir.path().as_os_str()),
        ("MAILLAB_DATA_DIR", dir.path().as_os_str()),
    ];
    for (k, v) in env {
        vars.push((k, std::ffi::OsStr::new(v)));
    }
    let o = maillab_with(args, "", &vars);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {err}");
    out
}

fn ar(id: &str) -> String {
    plain(
        arabic()
            .get(id)
            .unwrap_or_else(|| panic!("ar.ftl lacks {id}")),
    )
}

/// The command words of a help path: `main` is none, `lesson.run` is `lesson run`.
fn words(path: &str) -> Vec<&str> {
    if path == "main" {
        Vec::new()
    } else {
        path.split('.').collect()
    }
}

#[test]
fn every_help_page_shows_the_arabic_texts_and_keeps_the_option_names() {
    let abouts: Vec<String> = english()
        .ids()
        .filter_map(|id| id.strip_prefix("cli.about.").map(str::to_string))
        .collect();
    assert!(abouts.len() > 20, "{abouts:?}");
    for path in &abouts {
        let mut args = vec!["--lang", "ar", "--bidi", "logical"];
        args.extend(words(path));
        args.push("--help");
        let page = help(&args, &[]);
        let about = ar(&format!("cli.about.{path}"));
        assert!(page.contains(&about), "{path}: no «{about}» in\n{page}");
        let prefix = format!("cli.help.{path}.");
        let own = |id: &&str| id.strip_prefix(&prefix).is_some_and(|a| !a.contains('.'));
        for id in english().ids().filter(own) {
            let t = ar(id);
            assert!(page.contains(&t), "{id}: no «{t}» in\n{page}");
            let en = english().get(id).unwrap();
            assert!(!page.contains(en), "{id} still in English:\n{page}");
        }
        for heading in ["cli.heading.usage", "cli.flag.help"] {
            assert!(page.contains(&ar(heading)), "{path}: no {heading}:\n{page}");
        }
        if page.contains("  help ") {
            assert!(
                page.contains(&ar("cli.generated.help_subcommand")),
                "{page}"
            );
        }
        for english_word in [
            "Usage:",
            "Options:",
            "Arguments:",
            "[default:",
            "[possible values:",
            "Print help",
            "Print this message",
        ] {
            assert!(
                !page.contains(english_word),
                "{path}: {english_word} in\n{page}"
            );
        }
        assert!(page.contains("-h, --help"), "{path}: {page}");
    }
}

#[test]
fn the_top_page_in_arabic_keeps_options_values_and_defaults() {
    let page = help(&["--lang", "ar", "--bidi", "logical", "--help"], &[]);
    for opt in [
        "--color <COLOR>",
        "--explain <LEVEL>",
        "--lang <CODE>",
        "--connect-timeout <SECS>",
        "-V, --version",
    ] {
        assert!(page.contains(opt), "{opt}: {page}");
    }
    assert!(page.contains("auto, always, never"), "{page}");
    assert!(page.contains(&ar("cli.heading.commands")), "{page}");
    assert!(page.contains(&ar("cli.heading.options")), "{page}");
    let default = ar("cli.note.default").replace("{value}", "10");
    assert!(page.contains(&default), "{default}: {page}");
}

#[test]
fn serve_help_follows_an_arabic_locale() {
    let page = help(&["serve", "--help"], &[("LANG", "ar_EG.UTF-8")]);
    for id in english()
        .ids()
        .filter(|id| id.starts_with("cli.help.serve."))
    {
        let t = ar(id);
        assert!(page.contains(&t), "{id}: no «{t}» in\n{page}");
    }
    assert!(page.contains(&ar("cli.about.serve")), "{page}");
    assert!(page.contains(&ar("cli.help.main.lang")), "{page}");
    for opt in [
        "--port-offset <PORT_OFFSET>",
        "--imap-caps <-CAP,...>",
        "--open-accounts[=<CAP>]",
        "--lang <CODE>",
    ] {
        assert!(page.contains(opt), "{opt}: {page}");
    }
    assert!(!page.contains("Options:"), "{page}");
    // Printed through the bidi layer: every line with Arabic letters carries the
    // right-to-left mark it adds, and English lines none.
    let raw = help_raw(
        &["serve", "--help", "--bidi", "logical"],
        &[("LANG", "ar_EG.UTF-8")],
    );
    let arabic_lines: Vec<&str> = raw
        .lines()
        .filter(|l| l.chars().any(|c| ('\u{0600}'..='\u{06ff}').contains(&c)))
        .collect();
    assert!(arabic_lines.len() > 30, "{raw}");
    for l in arabic_lines {
        assert!(l.starts_with('\u{200f}'), "no RLM: {l:?}");
    }
}

#[test]
fn a_missing_subcommand_shows_the_arabic_page_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let vars = [
        ("XDG_CONFIG_HOME", dir.path().as_os_str()),
        ("MAILLAB_DATA_DIR", dir.path().as_os_str()),
    ];
    let o = maillab_with(&["--lang", "ar", "ctl"], "", &vars);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(plain(&err).contains(&ar("cli.about.ctl")), "{err}");
}
