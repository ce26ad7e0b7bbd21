//! `--lang`: explanations come from the chosen language table, falling back to English
//! per text; an unknown language is refused before anything connects.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], input: &str) -> (String, String, Option<i32>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_maillab"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn maillab");
    // maillab may exit before reading (an unknown language): a closed pipe is fine.
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes());
    let out = child.wait_with_output().expect("wait");
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
        greeting_note.starts_with("   = ") && has_arabic(greeting_note),
        "{out}"
    );
    // Texts the partial table lacks still come, in English.
    assert!(
        out.lines()
            .any(|l| l.starts_with("   = ") && !has_arabic(l)),
        "{out}"
    );
    let (en, _, _) = run(&[], "LOGOUT\n");
    assert!(!has_arabic(&en), "English is the default:\n{en}");
}

#[test]
fn unknown_language_is_refused() {
    let (_, err, code) = run(&["--lang", "xx"], "LOGOUT\n");
    assert_eq!(code, Some(1));
    assert!(err.contains("unknown language"), "{err}");
}
