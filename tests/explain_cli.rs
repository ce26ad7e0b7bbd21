//! `maillab explain`: one line, or a pasted session followed line by line, with the
//! client's lines told apart (and their passwords masked).

mod common;

fn explain(args: &[&str]) -> (String, Option<i32>) {
    let out = common::bin::launch(["explain"])
        .args_from(args)
        .output_in_time();
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

#[test]
fn pop3_lines_without_their_command_say_what_each_command_would_mean() {
    let cases: [(&str, &[&str]); 5] = [
        (
            "+OK 36 57057",
            &["STAT", "36 messages hold 57057 octets", "LIST 36"],
        ),
        ("+OK 36 messages:", &["LIST", "36 messages"]),
        ("+OK 1 440", &["STAT", "LIST 1", "message 1 is 440 octets"]),
        ("+OK 440 octets", &["RETR", "TOP", "440 octets"]),
        ("+OK Marked to be deleted.", &["DELE", "QUIT"]),
    ];
    for (line, needles) in cases {
        let (out, code) = explain(&["--protocol", "pop3", line]);
        assert_eq!(code, Some(0), "{out}");
        assert!(
            !out.contains("greeting"),
            "{line} called a greeting:\n{out}"
        );
        for n in needles {
            assert!(out.contains(n), "{line}: no {n:?} in\n{out}");
        }
    }
}

#[test]
fn a_tagged_reply_without_its_command_shows_no_empty_parentheses() {
    for line in [
        "a1 OK done",
        "x7 NO [TRYCREATE] no such mailbox",
        "a2 BAD what",
    ] {
        let (out, _) = explain(&[line]);
        let tag = line.split(' ').next().unwrap();
        assert!(out.contains(&format!("command {tag}")), "{out}");
        assert!(!out.contains("()"), "{line}:\n{out}");
    }
}

#[test]
fn smtp_codes_are_the_lines_own() {
    let (out, _) = explain(&["500 5.5.2 Error: command not recognized"]);
    assert!(out.contains("500") && !out.contains("502"), "{out}");
    let (out, _) = explain(&["221 Bye"]);
    assert!(!out.contains("2.0.0") && !out.contains("Postfix"), "{out}");
    let (out, _) = explain(&["235 2.7.0 Authentication successful"]);
    assert!(out.contains("authentication succeeded"), "{out}");
    assert!(out.contains("RFC 4954 §6"), "{out}");
}
