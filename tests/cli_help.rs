//! The command line as a new user meets it: help pages with examples, a mistyped
//! subcommand, `serve --help` with only the server's options, shell completions and
//! the manual page generated from the same definitions, and the config file.

use std::process::{Command, Output};

mod common;
use common::bin::launch;

fn maillab(args: &[&str], config_home: &std::path::Path) -> Output {
    launch(args)
        .env("XDG_CONFIG_HOME", config_home)
        .data_dir(&config_home.join("data"))
        .env_remove("NO_COLOR")
        .output_in_time()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const SUBCOMMANDS: [&str; 9] = [
    "lesson",
    "imap",
    "pop3",
    "smtp",
    "connect",
    "explain",
    "serve",
    "completions",
    "man",
];

#[test]
fn every_help_page_has_examples() {
    let dir = tempfile::tempdir().unwrap();
    let top = maillab(&["--help"], dir.path());
    assert!(out(&top).contains("Examples:"), "{}", out(&top));
    for sc in SUBCOMMANDS {
        let o = maillab(&[sc, "--help"], dir.path());
        assert_eq!(o.status.code(), Some(0), "{sc}: {}", err(&o));
        let text = out(&o);
        assert!(
            text.contains("Examples:"),
            "{sc} --help has no examples:\n{text}"
        );
        assert!(text.contains(&format!("maillab {sc}")), "{sc}: {text}");
    }
}

#[test]
fn a_mistyped_subcommand_lists_the_real_ones() {
    let dir = tempfile::tempdir().unwrap();
    let o = maillab(&["conect", "imap://x"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    assert!(e.contains("conect"), "{e}");
    for sc in SUBCOMMANDS {
        assert!(e.contains(sc), "{sc} not listed:\n{e}");
    }
}

#[test]
fn serve_help_shows_server_options_and_ports_only() {
    let dir = tempfile::tempdir().unwrap();
    let o = maillab(&["serve", "--help"], dir.path());
    let text = out(&o);
    for flag in [
        "--port-offset",
        "--only",
        "--ca-out",
        "--require-tls",
        "--fixture",
    ] {
        assert!(text.contains(flag), "{flag} missing:\n{text}");
    }
    for flag in [
        "--transcript",
        "--insecure",
        "--no-explain",
        "--reply-timeout",
        "--ca-file",
    ] {
        // The whole flag: serve's own `--transcripts DIR` is not the client's `--transcript`.
        assert!(
            !text.contains(&format!("{flag} ")),
            "client option {flag} listed:\n{text}"
        );
    }
    for port in ["1025", "1110", "1143", "1465", "1587", "1993", "1995"] {
        assert!(text.contains(port), "port {port} missing:\n{text}");
    }
    // The client options are still accepted by serve (only not listed).
    let o = maillab(
        &["serve", "--only", "nothing", "--color", "never"],
        dir.path(),
    );
    assert!(err(&o).contains("nothing"), "{}", err(&o));
}

#[test]
fn completions_and_man_page_are_generated() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let o = maillab(&["completions", shell], dir.path());
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", err(&o));
        let script = out(&o);
        for sc in ["connect", "explain", "serve"] {
            assert!(script.contains(sc), "{shell} script lacks {sc}");
        }
        assert!(script.contains("ca-file"), "{shell}");
    }
    // bash can read its script.
    let o = maillab(&["completions", "bash"], dir.path());
    let path = dir.path().join("maillab.bash");
    std::fs::write(&path, &o.stdout).unwrap();
    let check = Command::new("bash").arg("-n").arg(&path).output().unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let o = maillab(&["man"], dir.path());
    let page = out(&o);
    assert!(page.contains(".TH maillab 1"), "{page}");
    assert!(
        page.contains(".SH SUBCOMMANDS") || page.contains("serve"),
        "{page}"
    );
    assert!(
        page.contains("ca\\-file") || page.contains("ca-file"),
        "{page}"
    );
}

#[test]
fn the_config_file_sets_defaults_and_flags_win() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("maillab")).unwrap();
    let cfg = dir.path().join("maillab/config.toml");
    std::fs::write(
        &cfg,
        "lang = \"ar\"\nexplain = \"off\"\ncolor = \"always\"\n",
    )
    .unwrap();
    // A line whose explanation the Arabic table has.
    let o = maillab(&["explain", "-ERR no such message"], dir.path());
    let text = out(&o);
    assert!(
        text.contains('\u{1b}'),
        "color = always not applied:\n{text:?}"
    );
    assert!(
        text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "lang = ar not applied:\n{text}"
    );
    let o = maillab(
        &["--lang", "en", "--color", "never", "explain", "+OK"],
        dir.path(),
    );
    let text = out(&o);
    assert!(
        !text.contains('\u{1b}'),
        "--color never lost to the file:\n{text:?}"
    );
    assert!(
        !text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "--lang en lost to the file:\n{text}"
    );
    // explain = off takes the explanations away from the REPL.
    let o = launch(["--lang", "en", "pop3"])
        .env("XDG_CONFIG_HOME", dir.path())
        .data_dir(&dir.path().join("data"))
        .stdin("QUIT\n")
        .output_in_time();
    assert!(!out(&o).contains("   = "), "{}", out(&o));
    // A wrong value names the file and the key.
    std::fs::write(&cfg, "color = \"purple\"\n").unwrap();
    let o = maillab(&["explain", "+OK"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("config.toml") && err(&o).contains("purple"),
        "{}",
        err(&o)
    );
}
