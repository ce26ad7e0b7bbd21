//! `maillab explain`: one line, or a pasted session followed line by line, with the
//! client's lines told apart (and their passwords masked).

use std::process::Command;

fn explain(args: &[&str]) -> (String, Option<i32>) {
    let out = Command::new(env!("CARGO_BIN_EXE_maillab"))
        .arg("explain")
        .args(args)
        .output()
        .expect("run");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code(),
    )
}

#[test]
fn one_line_gets_its_own_explanation() {
    let (out, code) = explain(&["534 5.7.9 Application-specific password required"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("app password") || out.contains("application-specific"),
        "{out}"
    );
    assert!(out.contains("RFC 4954"), "{out}");
}

#[test]
fn a_pasted_session_is_followed_line_by_line() {
    let session = "a1 LOGIN alex drums\r\na1 OK Logged in\r\na2 SELECT INBOX\r\n* 2 EXISTS\r\na2 OK [READ-WRITE] SELECT completed\r\n";
    let (out, code) = explain(&[session]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("C: a1 LOGIN alex ****"), "{out}");
    assert!(!out.contains("drums"), "{out}");
    assert!(out.contains("S: * 2 EXISTS"), "{out}");
    // Every shown line has at least one explanation under it.
    let lines: Vec<&str> = out.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        if l.starts_with("S: ") || l.starts_with("C: ") {
            assert!(
                lines.get(i + 1).is_some_and(|n| n.starts_with("   = ")),
                "nothing under {l:?}:\n{out}"
            );
        }
    }
}

#[test]
fn the_protocol_is_guessed_or_given() {
    let (out, _) = explain(&["--protocol", "pop3", "-ERR [IN-USE] maildrop is locked"]);
    assert!(out.contains("IN-USE") || out.contains("locked"), "{out}");
}
