//! What an Arabic-speaking student sees, from the outside (the binary in script
//! mode and `maillab explain`): counts in the CLDR plural forms, sizes in words,
//! the servers' English teaching texts shown translated under the reply, and state
//! names glossed with their Latin name once per run and per `:help` page.

mod common;

use common::bin::{maillab, text};
use maillab::protocol::explain::{explain_line_in, size_words, Context};
use maillab::protocol::text::{self as lang_text, Arg, Language, ToArg};
use maillab::protocol::Protocol;

/// The text without the bidi controls the program adds.
fn plain(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}'
            )
        })
        .collect()
}

fn run(args: &[&str], input: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = maillab(args, input, dir.path());
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    plain(&stdout)
}

#[test]
fn message_counts_take_the_arabic_plural_forms() {
    let cases = [
        (1, "رسالة واحدة"),
        (2, "رسالتان"),
        (6, "6 رسائل"),
        (11, "11 رسالة"),
        (100, "100 رسالة"),
        (103, "103 رسائل"),
        (968, "968 رسالة"),
    ];
    for (n, form) in cases {
        let line = format!("* {n} EXISTS");
        let out = run(
            &["--lang", "ar", "explain", "--protocol", "imap", &line],
            "",
        );
        let note = out
            .lines()
            .find(|l| l.starts_with("   = "))
            .unwrap_or_else(|| panic!("no explanation:\n{out}"));
        assert!(note.contains(form), "{n}: {note:?} lacks {form:?}");
        // Only the right form: 11 is not "11 رسائل", 2 is not "2 رسالة".
        for (m, other) in cases.iter().filter(|(m, _)| *m != n) {
            if !form.contains(other) && *m != 1 {
                assert!(!note.contains(other), "{n}: {note:?} has {other:?}");
            }
        }
    }
}

/// A language whose counted texts say which plural category they were given.
fn probe() -> Language {
    let pick = |var: &str| {
        format!(
            "{{ ${var} ->\n        [zero] Z\n        [one] ONE\n        [two] TWO\n        [few] FEW\n        [many] MANY\n       *[other] OTHER\n    }}"
        )
    };
    let src = format!(
        "imap-data-exists = {}\nimap-status_item-messages = {} {{ $mailbox }}\npop3-after-stat-ok = {} {}\nimap-data-search = {} {{ $numbers }}\n",
        pick("n"),
        pick("value"),
        pick("first"),
        pick("second"),
        pick("count")
    );
    Language::from_ftl("ar", &src).unwrap()
}

#[test]
fn every_count_reaches_fluent_as_a_number() {
    let ar = probe();
    let first = |p, line: &str, ctx: &Context| plain(&explain_line_in(&ar, p, line, ctx)[0].text);
    assert_eq!(
        first(Protocol::Imap, "* 2 EXISTS", &Context::default()),
        "TWO"
    );
    assert_eq!(
        first(Protocol::Imap, "* 11 EXISTS", &Context::default()),
        "MANY"
    );
    let status = explain_line_in(
        &ar,
        Protocol::Imap,
        "* STATUS INBOX (MESSAGES 6)",
        &Context::answering("authenticated", "STATUS INBOX (MESSAGES)"),
    );
    assert!(
        status.iter().any(|e| plain(&e.text) == "FEW INBOX"),
        "{status:?}"
    );
    let stat = first(
        Protocol::Pop3,
        "+OK 1 20",
        &Context::answering("transaction", "STAT"),
    );
    assert_eq!(stat, "ONE MANY");
    let search = first(
        Protocol::Imap,
        "* SEARCH 1 2 3",
        &Context::answering("selected", "SEARCH ALL"),
    );
    assert_eq!(search, "FEW 1 2 3");
    // tr!'s values: a count is a number, a tag or a code stays text.
    assert_eq!(6u64.to_arg(), Arg::Num(6.0));
    assert_eq!(lang_text::Arg::guess("a001"), Arg::Str("a001".into()));
    assert_eq!(lang_text::Arg::guess("007"), Arg::Str("007".into()));
    assert_eq!(lang_text::Arg::guess("5.7.1"), Arg::Str("5.7.1".into()));
}

#[test]
fn sizes_are_said_in_words_in_each_language() {
    let en = lang_text::english();
    let ar = lang_text::arabic();
    assert_eq!(size_words(en, 26_214_400), "about 26 MB");
    assert_eq!(size_words(en, 10_000_000), "10 MB");
    assert_eq!(size_words(en, 2048), "about 2 kB");
    assert_eq!(size_words(en, 1), "1 octet");
    assert_eq!(size_words(en, 3_500_000_000), "about 4 GB");
    assert_eq!(plain(&size_words(ar, 26_214_400)), "حوالي 26 ميغابايت");
    assert_eq!(plain(&size_words(ar, 1_000_000)), "ميغابايت واحد");
    assert_eq!(plain(&size_words(ar, 2_100)), "حوالي 2 كيلوبايت");
    assert_eq!(plain(&size_words(ar, 1)), "بايت واحد");
    assert_eq!(plain(&size_words(ar, 2)), "بايتان");
    assert_eq!(plain(&size_words(ar, 320)), "320 بايت");
    assert_eq!(plain(&size_words(ar, 5_000_000_000)), "5 غيغابايت");
    // As the student meets it: EHLO's SIZE keyword.
    let out = run(
        &[
            "--lang",
            "ar",
            "explain",
            "--protocol",
            "smtp",
            "250-SIZE 26214400",
        ],
        "",
    );
    assert!(out.contains("حوالي 26 ميغابايت"), "{out}");
    let out = run(&["explain", "--protocol", "smtp", "250-SIZE 26214400"], "");
    assert!(out.contains("about 26 MB"), "{out}");
}

/// The English server text id whose text, every placeable `value`, is `wire`.
fn server_id_of(wire: &str, value: &str) -> (String, Vec<String>) {
    let en = lang_text::english();
    for id in en.ids().filter(|id| id.starts_with("server.")) {
        let vars: Vec<String> = en.variables(id).unwrap().into_iter().collect();
        let args: Vec<(&str, &str)> = vars.iter().map(|v| (v.as_str(), value)).collect();
        if en.text(id, &args).as_deref() == Some(wire) {
            return (id.to_string(), vars);
        }
    }
    panic!("no server text reads {wire:?}");
}

#[test]
fn the_servers_english_text_is_shown_in_arabic_under_the_reply() {
    let input = "LOGIN alex drums\nSELECT nosuchbox\nLOGOUT\n";
    let out = run(&["--lang", "ar"], input);
    let lines: Vec<&str> = out.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("S: a002 NO "))
        .unwrap_or_else(|| panic!("no refusal:\n{out}"));
    let wire = lines[at].trim_start_matches("S: a002 NO ");
    assert!(wire.contains("[NONEXISTENT]"), "{wire}");
    let (id, vars) = server_id_of(wire, "nosuchbox");
    let ar = lang_text::arabic();
    assert!(ar.contains(&id), "ar.ftl has no text for {id}");
    let args: Vec<(&str, &str)> = vars.iter().map(|v| (v.as_str(), "nosuchbox")).collect();
    let expected = format!(
        "   = {} {}",
        plain(&ar.text("explain.server_words", &[]).unwrap()),
        plain(&ar.text(&id, &args).unwrap())
    );
    let notes: Vec<&str> = lines[at + 1..]
        .iter()
        .take_while(|l| l.starts_with("   = "))
        .copied()
        .collect();
    assert!(
        notes.contains(&expected.as_str()),
        "{expected:?} not in {notes:#?}"
    );
    assert!(expected.contains("nosuchbox"));

    // English shows the wire text once, untranslated.
    let en = run(&[], input);
    let label = lang_text::english()
        .text("explain.server_words", &[])
        .unwrap();
    assert!(!en.contains(&label), "{en}");
}

#[test]
fn state_names_are_glossed_once_per_run_and_on_each_help_page() {
    let ar = lang_text::arabic();
    let words = plain(&ar.text("state.imap.authenticated", &[]).unwrap());
    let glossed = format!("{words} (authenticated)");
    let input = "LOGIN alex drums\n:sessions\n:sessions\n:help\n:help\nLOGOUT\n";
    let out = run(&["--lang", "ar"], input);
    let sessions: Vec<&str> = out.lines().filter(|l| l.starts_with("   * 1 ")).collect();
    assert_eq!(sessions.len(), 2, "{out}");
    assert!(sessions[0].ends_with(&glossed), "{:?}", sessions[0]);
    assert!(
        sessions[1].ends_with(&words) && !sessions[1].contains("(authenticated)"),
        "{:?}",
        sessions[1]
    );
    // Each :help page glosses again.
    let pages = out.split("M: :help").skip(1).count();
    assert_eq!(pages, 2, "{out}");
    for page in out.split("M: :help").skip(1) {
        assert!(page.contains(&glossed), "{page}");
    }
    // English shows no glosses.
    let en = run(&[], input);
    assert!(!en.contains("authenticated (authenticated)"), "{en}");
    assert!(en.contains("  authenticated\n"), "{en}");
}
