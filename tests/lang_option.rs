//! `--lang`: explanations come from the chosen language file (English per text
//! where a file lacks one), with values isolated for bidi text outside English; an unknown language
//! is refused before anything connects.

mod common;

fn run(args: &[&str], input: &str) -> (String, String, Option<i32>) {
    // A refused start may exit before reading: the launcher ignores a broken pipe.
    let out = common::bin::launch(args).stdin(input).output_in_time();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

fn has_arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

#[test]
fn arabic_explanations_with_english_fallback() {
    let (out, err, code) = run(&["--lang", "ar"], "LOGIN alex drums\nLOGOUT\n");
    assert_eq!(code, Some(0), "{err}");
    let greeting_note = out.lines().nth(1).unwrap_or_default();
    assert!(
        // An Arabic line begins with RLM: a right-to-left paragraph.
        greeting_note.starts_with("\u{200f}   = ") && has_arabic(greeting_note),
        "{out}"
    );
    // The Arabic table is complete: no explanation falls back to English.
    assert!(
        out.lines()
            .filter(|l| l.trim_start_matches('\u{200f}').starts_with("   = "))
            .all(has_arabic),
        "{out}"
    );
    let (en, _, _) = run(&[], "LOGOUT\n");
    assert!(!has_arabic(&en), "English is the default:\n{en}");

    // A number inside Arabic text sits in an isolate (FSI ... PDI), so it keeps its
    // place; English output carries no bidi controls at all.
    let (out, err, code) = run(
        &["--lang", "ar"],
        "LOGIN alex drums\nSELECT INBOX\nLOGOUT\n",
    );
    assert_eq!(code, Some(0), "{err}");
    let uidnext = out
        .lines()
        .find(|l| l.starts_with("\u{200f}   = ") && has_arabic(l) && l.contains("UIDNEXT"))
        .unwrap_or_else(|| panic!("no Arabic UIDNEXT note:\n{out}"));
    // The number sits in an isolate (alone, or with the Latin words next to it).
    let isolated = uidnext
        .split('\u{2068}')
        .skip(1)
        .any(|seg| seg.split('\u{2069}').next().unwrap_or("").contains('3'));
    assert!(isolated, "{uidnext:?}");
    let (en, _, _) = run(&[], "LOGIN alex drums\nSELECT INBOX\nLOGOUT\n");
    assert!(en.contains("[UIDNEXT 3]"), "{en}");
    assert!(
        !en.chars()
            .any(|c| matches!(c, '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')),
        "{en:?}"
    );
}

#[test]
fn unknown_language_is_refused() {
    let (_, err, code) = run(&["--lang", "xx"], "LOGOUT\n");
    assert_eq!(code, Some(1));
    assert!(err.contains("unknown language"), "{err}");
}
