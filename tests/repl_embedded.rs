//! The REPL in script mode against the embedded mock servers: the course notes'
//! IMAP session typed untagged, an SMTP submission retrieved over POP3 and IMAP in
//! one REPL, and `:auth` exchanges. Every server line must carry an explanation.

use std::time::{Duration, Instant};

mod common;
use common::bin::launch;

/// Runs maillab with `args` and `stdin`; returns stdout (killed after 60 s).
fn maillab(args: &[&str], stdin: &str) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = launch(args).stdin(stdin).data_dir(dir.path()).output();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Asserts that every `S:` line is followed by an explanation, except data lines
/// inside a literal or multi-line answer (the unit's explanation follows the unit).
fn assert_explained(out: &str) {
    let lines: Vec<&str> = out.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].starts_with("S: ") || lines[i].starts_with("[") && lines[i].contains("] S: ") {
            // Skip the rest of the unit: following S: lines without an explanation
            // between them belong to it.
            let mut j = i + 1;
            while j < lines.len() && (lines[j].starts_with("S: ") || lines[j].contains("] S: ")) {
                j += 1;
            }
            let next = lines.get(j).copied().unwrap_or("");
            assert!(
                next.trim_start().starts_with("= ") || next.contains("]    = "),
                "no explanation after {:?} (line {}):\n{out}",
                lines[j - 1],
                j
            );
            i = j;
        } else {
            i += 1;
        }
    }
}

fn count(out: &str, prefix: &str) -> usize {
    out.lines().filter(|l| l.starts_with(prefix)).count()
}

#[test]
fn the_course_notes_imap_session_runs_untagged_with_every_reply_explained() {
    let out = maillab(
        &[],
        "LOGIN alex drums\nSELECT newbox\nSTORE 1 +FLAGS \\Deleted\nSTORE 2 +FLAGS \\Deleted\n\
         STATUS newbox (MESSAGES UNSEEN)\nEXPUNGE\nSTATUS newbox (MESSAGES UNSEEN)\n\
         SELECT INBOX\nSEARCH HEADER SUBJECT test\nSEARCH HEADER SUBJECT another\nSEARCH UNSEEN\nLOGOUT\n",
    );
    for l in [
        "C: a001 LOGIN alex ****",
        "C: a002 SELECT newbox",
        "S: * 6 EXISTS",
        "C: a003 STORE 1 +FLAGS \\Deleted",
        "S: * 1 FETCH (FLAGS (\\Deleted))",
        "S: * STATUS newbox (MESSAGES 6 UNSEEN 6)",
        "C: a006 EXPUNGE",
        "S: * 1 EXPUNGE",
        "S: * 4 EXISTS",
        "S: * STATUS newbox (MESSAGES 4 UNSEEN 4)",
        "C: a008 SELECT INBOX",
        "S: * SEARCH 1 2",
        "S: * SEARCH 2",
        "C: a012 LOGOUT",
    ] {
        assert!(out.lines().any(|x| x == l), "missing {l:?} in\n{out}");
    }
    assert!(out.contains("S: a012 OK"), "{out}");
    assert!(!out.contains("drums"), "{out}");
    assert_explained(&out);
    // Every tagged reply's explanation names the RFC section it rests on.
    let lines: Vec<&str> = out.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        if l.starts_with("S: a0") {
            let next = lines.get(i + 1).copied().unwrap_or("");
            assert!(next.contains("(RFC "), "{l:?} -> {next:?}");
        }
    }
    assert!(count(&out, "   = ") >= count(&out, "S: "), "{out}");
}

#[test]
fn smtp_submission_is_retrieved_over_pop3_and_imap_in_one_repl() {
    let out = maillab(
        &["smtp"],
        "EHLO lab\nMAIL FROM:<sam@maillab.test>\nRCPT TO:<alex@maillab.test>\nDATA\n\
         Subject: loop test\n\n.starts with a dot\nsecond line\n.\nQUIT\n\
         :connect pop3\nUSER alex\nPASS drums\nLIST\nRETR 3\nQUIT\n\
         :connect imap\nLOGIN alex drums\nSELECT INBOX\nSEARCH HEADER SUBJECT \"loop test\"\nLOGOUT\n:sessions\n",
    );
    // SMTP: the multi-line EHLO reply is one unit, DATA body dot-stuffed.
    assert!(out.contains("S: 250-PIPELINING"), "{out}");
    assert!(out.contains("C: ..starts with a dot"), "{out}");
    assert!(out.contains("dot-stuffed"), "{out}");
    assert!(out.contains("S: 354 "), "{out}");
    // POP3 sees the message, dot-stuffing undone for display.
    assert!(out.contains("S: Subject: loop test"), "{out}");
    assert!(out.contains("S: .starts with a dot"), "{out}");
    assert!(out.contains("C: PASS ****"), "{out}");
    // IMAP finds it.
    assert!(out.contains("S: * SEARCH 3"), "{out}");
    assert!(out.contains("M: :sessions"), "{out}");
    assert!(!out.contains("drums"), "{out}");
    assert_explained(&out);
}

#[test]
fn auth_meta_command_walks_the_sasl_exchange() {
    let out = maillab(&["smtp"], "EHLO lab\n:auth login alex drums\nQUIT\n");
    assert!(out.contains("C: AUTH LOGIN"), "{out}");
    assert!(out.contains("base64 for \"Username:\""), "{out}");
    assert!(out.contains("C: YWxleA=="), "{out}");
    assert!(out.contains("base64 for \"Password:\""), "{out}");
    assert!(out.contains("S: 235 "), "{out}");
    assert!(!out.contains("ZHJ1bXM="), "password base64 leaked: {out}");
    assert!(!out.contains("drums"), "{out}");

    let out = maillab(&["smtp"], "EHLO lab\n:auth cram-md5 alex drums\nQUIT\n");
    assert!(out.contains("C: AUTH CRAM-MD5"), "{out}");
    assert!(out.contains("S: 334 "), "{out}");
    assert!(out.contains("answer: \"alex "), "{out}");
    assert!(out.contains("S: 235 "), "{out}");

    let out = maillab(&["pop3"], ":auth plain alex drums\nSTAT\nQUIT\n");
    assert!(out.contains("\\0alex\\0****"), "{out}");
    assert!(out.contains("C: AUTH PLAIN ****"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("S: +OK") && l.contains("3")),
        "{out}"
    );

    let out = maillab(&[], ":auth plain alex drums\nSELECT INBOX\nLOGOUT\n");
    assert!(out.contains("C: a001 AUTHENTICATE PLAIN"), "{out}");
    assert!(out.contains("S: a001 OK"), "{out}");
    assert!(out.contains("S: a002 OK"), "{out}");
}

#[test]
fn pop3_multiline_answers_end_at_the_dot_and_single_line_ones_do_not_wait() {
    let out = maillab(
        &["pop3"],
        "CAPA\nUSER alex\nPASS drums\nLIST\nLIST 1\nUIDL\nUIDL 2\nTOP 1 0\nRETR 99\nQUIT\n",
    );
    assert!(out.contains("C: LIST 1"), "{out}");
    assert!(
        out.lines()
            .any(|l| l == "S: 1 455" || l.starts_with("S: +OK 1 ")),
        "{out}"
    );
    assert!(out.contains("S: -ERR"), "RETR 99 fails: {out}");
    assert!(out.contains("C: QUIT"), "{out}");
    // Every command got its answer before the next one went out.
    let c = count(&out, "C: ");
    assert_eq!(c, 10, "{out}");
    assert_explained(&out);
}

#[test]
fn two_imap_sessions_watch_each_other() {
    let out = maillab(
        &[],
        "LOGIN alex drums\nSELECT INBOX\nIDLE\n:connect smtp\nEHLO lab\nMAIL FROM:<sam@maillab.test>\n\
         RCPT TO:<alex@maillab.test>\nDATA\nSubject: wake up\n\nhello\n.\n:switch 1\n:wait 0.5\nDONE\nLOGOUT\n",
    );
    // The IDLE session, in the background, is woken by the delivery.
    assert!(
        out.contains("[1] S: * 3 EXISTS") || out.contains("S: * 3 EXISTS"),
        "{out}"
    );
    assert!(out.contains("C: DONE"), "{out}");
    assert!(out.contains("OK IDLE"), "{out}");
}

#[test]
fn append_meta_counts_the_literal_and_the_message_arrives() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("note.eml");
    // Unix line ends: :append converts them to CRLF and counts those octets.
    let message = "From: sam@maillab.test\nSubject: appended\n\nhello\n";
    std::fs::write(&file, message).expect("write");
    let octets = message.len() + message.matches('\n').count();
    let out = maillab(
        &[],
        &format!(
            "LOGIN alex drums\n:append INBOX {}\nSELECT INBOX\nSEARCH HEADER SUBJECT appended\nLOGOUT\n",
            file.display()
        ),
    );
    assert!(
        out.contains(&format!("C: a002 APPEND INBOX {{{octets}}}")),
        "{out}"
    );
    assert!(
        out.contains(&format!("is {octets} octets with CRLF")),
        "{out}"
    );
    assert!(out.lines().any(|l| l.starts_with("S: a002 OK")), "{out}");
    assert!(out.contains("S: * SEARCH 3"), "{out}");
}

#[test]
fn explain_subcommand_and_meta_explain_any_line() {
    let out = launch(["explain", "550 5.1.1 User unknown"]).output();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.starts_with("S: 550 5.1.1 User unknown"), "{text}");
    assert!(
        text.contains("   = ") && text.contains("RFC 3463"),
        "{text}"
    );

    let out = launch([
        "explain",
        "--protocol",
        "pop3",
        "-ERR [IN-USE] maildrop locked",
    ])
    .output();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("RFC 2449") || text.contains("RFC 3206"),
        "{text}"
    );

    let out = maillab(
        &["pop3"],
        ":explain 534 5.7.9 Application-specific password required\nQUIT\n",
    );
    assert!(out.contains("M: :explain 534 5.7.9"), "{out}");
    assert!(
        out.contains("RFC 4954") || out.contains("RFC 3463"),
        "{out}"
    );
}

#[test]
fn smtp_commands_out_of_order_are_explained_with_the_state() {
    let out = maillab(
        &["smtp"],
        "EHLO lab\nRCPT TO:<alex@maillab.test>\nDATA\nQUIT\n",
    );
    assert!(out.lines().any(|l| l.starts_with("S: 503")), "{out}");
    assert_explained(&out);
    let prompt_states = maillab(
        &["smtp"],
        "HELO lab\nMAIL FROM:<a@maillab.test>\n:sessions\nQUIT\n",
    );
    assert!(
        prompt_states.contains("in transaction (MAIL)"),
        "{prompt_states}"
    );
}

#[test]
fn save_writes_the_transcript_so_far() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("t.txt");
    let out = maillab(
        &[],
        &format!("LOGIN alex drums\n:save {}\nLOGOUT\n", file.display()),
    );
    let saved = std::fs::read_to_string(&file).expect("saved");
    assert!(saved.contains("C: a001 LOGIN alex ****"), "{saved}");
    assert!(saved.contains("S: a001 OK"), "{saved}");
    assert!(
        !saved.contains("LOGOUT"),
        "only the transcript so far: {saved}"
    );
    assert!(out.contains("transcript written"), "{out}");
}

/// A warning and a note of the REPL's own reach the transcript file
/// (`--transcript`) and what `:save` writes, as script mode printed them.
#[test]
fn warnings_and_notes_are_in_the_transcript_file_and_the_saved_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("t.txt");
    let saved = dir.path().join("s.txt");
    let out = maillab(
        &["--transcript", file.to_str().expect("path")],
        &format!(
            "LOGIN alex drums\n:switch 4\n:wait 0.1\n:save {}\nLOGOUT\n",
            saved.display()
        ),
    );
    let written = std::fs::read_to_string(&file).expect("transcript");
    let saved = std::fs::read_to_string(&saved).expect("saved");
    let warning = "!! no session 4: there are 1 (:sessions lists them)";
    let note = "-- Nothing arrived in 0.1 s";
    for text in [&written, &saved] {
        assert!(text.lines().any(|l| l == warning), "{text}");
        assert!(text.lines().any(|l| l.starts_with(note)), "{text}");
        assert!(!text.contains("drums"), "{text}");
    }
    // The file is what script mode printed, line for line; the saved copy is the
    // part before :save's own note.
    assert_eq!(written, out, "the transcript file differs from stdout");
    assert!(written.starts_with(&saved), "{saved}\n---\n{written}");
}

#[test]
fn starttls_upgrades_the_session_in_place_and_the_reply_wait_ends() {
    let dir = tempfile::tempdir().expect("tempdir");
    let started = Instant::now();
    let out = launch(["--no-explain"])
        .data_dir(dir.path())
        .stdin("STARTTLS\nLOGIN alex drums\nLOGOUT\n")
        .output();
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(out.contains("TLS is on"), "{out}");
    assert!(out.contains("S: a002 OK"), "LOGIN works over TLS: {out}");
    assert!(!out.contains("no complete reply"), "{out}");
    assert!(started.elapsed() < Duration::from_secs(20), "{out}");
}
