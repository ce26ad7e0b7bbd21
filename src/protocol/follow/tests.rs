//! The follower's semantics, one test per rule, each fed as a client and a server
//! would feed it.

use super::*;

/// A session driven line by line: `C:` lines to the client side, `S:` lines (with
/// CRLF) to the server side; returns every step.
fn run(p: Protocol, script: &str) -> (Follower, Vec<Step>) {
    let mut f = Follower::new(p);
    let mut steps = Vec::new();
    for l in script.lines() {
        if let Some(c) = l.strip_prefix("C: ") {
            f.client_line(&ClientLine::parse(p, c));
        } else if let Some(s) = l.strip_prefix("S: ") {
            steps.extend(f.server_bytes(format!("{s}\r\n").as_bytes()));
        }
    }
    (f, steps)
}

fn smtp(s: SmtpState) -> State {
    State::Smtp(s)
}
fn imap(s: ImapState) -> State {
    State::Imap(s)
}
fn pop3(s: Pop3State) -> State {
    State::Pop3(s)
}

#[test]
fn smtp_starttls_forgets_ehlo() {
    // RFC 3207 §4.2: after the handshake the client must send EHLO again.
    let (f, steps) = run(
        Protocol::Smtp,
        "S: 220 hi\nC: EHLO me\nS: 250-hi\nS: 250 STARTTLS\nC: STARTTLS\nS: 220 2.0.0 Ready",
    );
    let last = steps.last().unwrap();
    assert!(last.tls_start);
    assert_eq!(last.before, smtp(SmtpState::Greeted));
    assert_eq!(f.state(), smtp(SmtpState::Connected));
    assert!(f.tls());
    assert_eq!(steps.len(), 3);
    assert_eq!(steps[1].parts.len(), 2);
}

#[test]
fn smtp_rset_before_ehlo_stays_connected() {
    let (f, steps) = run(
        Protocol::Smtp,
        "S: 220 hi\nC: RSET\nS: 250 2.0.0 Ok\nC: MAIL FROM:<a@b>\nS: 503 5.5.1 Error: send HELO/EHLO first",
    );
    assert_eq!(f.state(), smtp(SmtpState::Connected));
    assert_eq!(steps[2].before, smtp(SmtpState::Connected));
    assert_eq!(steps[2].command_name(), Some("MAIL"));
}

#[test]
fn smtp_transaction_data_and_quit() {
    let (f, steps) = run(
        Protocol::Smtp,
        "S: 220 hi\nC: EHLO me\nS: 250 ok\nC: MAIL FROM:<a@b>\nS: 250 ok\nC: RCPT TO:<alex@maillab.test>\nS: 250 ok\nC: DATA\nS: 354 go",
    );
    assert_eq!(steps.last().unwrap().kind, StepKind::Continuation);
    assert_eq!(f.state(), smtp(SmtpState::Data));
    assert_eq!(f.expect(), &Expect::Body);
    let mut f = f;
    let sent = f.client_bytes(b"Subject: x\r\n\r\n..dot\r\n.\r\n");
    assert_eq!(sent.last(), Some(&Sent::BodyEnd));
    let s = f.server_bytes(b"250 2.0.0 queued\r\n");
    assert_eq!(s[0].command_name(), Some("DATA"));
    assert_eq!(s[0].before, smtp(SmtpState::Data));
    assert_eq!(f.state(), smtp(SmtpState::Greeted));
    f.client_line(&ClientLine::parse(Protocol::Smtp, "QUIT"));
    let s = f.server_bytes(b"221 2.0.0 Bye\r\n");
    assert_eq!(s[0].kind, StepKind::Bye);
    assert_eq!(f.state(), smtp(SmtpState::Closed));
}

#[test]
fn smtp_pipelined_commands_are_answered_in_order() {
    let mut f = Follower::new(Protocol::Smtp);
    f.server_bytes(b"220 hi\r\n");
    f.client_bytes(b"EHLO me\r\nMAIL FROM:<a@b>\r\nRCPT TO:<x@y>\r\nDATA\r\n");
    let steps = f.server_bytes(
        b"250-hi\r\n250 PIPELINING\r\n250 ok\r\n550 no\r\n554 no valid recipients\r\n",
    );
    let names: Vec<_> = steps.iter().map(|s| s.command_name().unwrap()).collect();
    assert_eq!(names, ["EHLO", "MAIL", "RCPT", "DATA"]);
    assert_eq!(f.state(), smtp(SmtpState::Mail));
    assert!(!f.waiting());
}

#[test]
fn smtp_auth_continuations_and_success() {
    let (f, steps) = run(
        Protocol::Smtp,
        "S: 220 hi\nC: EHLO me\nS: 250 ok\nC: AUTH LOGIN\nS: 334 VXNlcm5hbWU6",
    );
    assert_eq!(f.expect(), &Expect::Answer { secret: true });
    assert_eq!(steps.last().unwrap().command_name(), Some("AUTH"));
    let mut f = f;
    let sent = f.client_bytes(b"YWxleA==\r\n");
    assert!(matches!(&sent[0], Sent::Answer { secret: true, .. }));
    f.server_bytes(b"334 UGFzc3dvcmQ6\r\n");
    f.client_bytes(b"ZHJ1bXM=\r\n");
    let s = f.server_bytes(b"235 2.7.0 Authentication successful\r\n");
    assert!(s[0].ends_command);
    assert!(f.authenticated());
    assert_eq!(f.state(), smtp(SmtpState::Greeted));
}

#[test]
fn pop3_quit_answered_err_stays() {
    let (f, steps) = run(
        Protocol::Pop3,
        "S: +OK ready\nC: USER alex\nS: +OK\nC: PASS drums\nS: +OK logged in\nC: QUIT\nS: -ERR some deleted messages not removed",
    );
    assert_eq!(f.state(), pop3(Pop3State::Transaction));
    assert_eq!(steps.last().unwrap().kind, StepKind::Complete);
    let (f, steps) = run(
        Protocol::Pop3,
        "S: +OK ready\nC: USER alex\nS: +OK\nC: PASS drums\nS: +OK logged in\nC: QUIT\nS: +OK bye",
    );
    assert_eq!(f.state(), pop3(Pop3State::Update));
    assert_eq!(steps.last().unwrap().kind, StepKind::Bye);
}

#[test]
fn pop3_multiline_answers() {
    let (f, steps) = run(
        Protocol::Pop3,
        "S: +OK ready\nC: CAPA\nS: +OK\nS: TOP\nS: USER\nS: .\nC: USER alex\nS: +OK\nC: PASS drums\nS: +OK\nC: LIST\nS: +OK 2 messages\nS: 1 440\nS: 2 300\nS: .\nC: LIST 1\nS: +OK 1 440\nC: RETR 1\nS: +OK 440 octets\nS: ..dot\nS: .\nC: UIDL\nS: +OK\nS: 1 abc\nS: .\nC: TOP 1 0\nS: -ERR no such message\nC: STAT\nS: +OK 2 740",
    );
    let names: Vec<_> = steps
        .iter()
        .map(|s| s.command_name().unwrap_or(""))
        .collect();
    assert_eq!(
        names,
        ["", "CAPA", "USER", "PASS", "LIST", "LIST", "RETR", "UIDL", "TOP", "STAT"]
    );
    match &steps[4].parts[1] {
        Part::Block { lines, .. } => assert_eq!(*lines, 2),
        other => panic!("{other:?}"),
    }
    assert_eq!(steps[6].parts.len(), 3);
    assert!(!f.waiting());
}

#[test]
fn imap_select_bad_keeps_the_mailbox_and_failed_select_leaves_it() {
    let (f, _) = run(
        Protocol::Imap,
        "S: * OK hi\nC: a1 LOGIN alex drums\nS: a1 OK done\nC: a2 SELECT INBOX\nS: * 2 EXISTS\nS: a2 OK [READ-WRITE] done\nC: a3 SELECT\nS: a3 BAD SELECT expects: SELECT mailbox",
    );
    assert_eq!(f.state(), imap(ImapState::Selected));
    assert_eq!(f.mailbox(), Some("INBOX"));
    let mut f = f;
    f.client_line(&ClientLine::parse(Protocol::Imap, "a4 SELECT nosuch"));
    let s = f.server_bytes(b"a4 NO [NONEXISTENT] no such mailbox\r\n");
    // RFC 3501 §6.3.1: a failed SELECT leaves no mailbox selected.
    assert_eq!(s[0].before, imap(ImapState::Selected));
    assert_eq!(f.state(), imap(ImapState::Authenticated));
    assert_eq!(f.mailbox(), None);
}

#[test]
fn imap_examine_is_read_only() {
    let (f, steps) = run(
        Protocol::Imap,
        "S: * PREAUTH hi\nC: a1 EXAMINE \"Sent Items\"\nS: a1 OK [READ-ONLY] done",
    );
    assert_eq!(steps[0].after, imap(ImapState::Authenticated));
    assert!(f.read_only());
    assert_eq!(f.mailbox(), Some("Sent Items"));
    assert!(f.mailboxes().contains("Sent Items"));
}

#[test]
fn imap_idle_continuation_and_done() {
    let (mut f, steps) = run(
        Protocol::Imap,
        "S: * OK hi\nC: a1 LOGIN alex drums\nS: a1 OK\nC: a2 SELECT INBOX\nS: a2 OK\nC: a3 IDLE\nS: + idling",
    );
    let last = steps.last().unwrap();
    assert_eq!(last.kind, StepKind::Continuation);
    assert_eq!(last.command_name(), Some("IDLE"));
    assert_eq!(f.expect(), &Expect::IdleDone);
    let s = f.server_bytes(b"* 3 EXISTS\r\n");
    assert_eq!(s[0].kind, StepKind::Untagged);
    assert_eq!(s[0].mailbox.as_deref(), Some("INBOX"));
    let sent = f.client_line(&ClientLine::parse(Protocol::Imap, "DONE"));
    assert!(matches!(&sent[0], Sent::Answer { .. }));
    let s = f.server_bytes(b"a3 OK IDLE terminated\r\n");
    assert_eq!(s[0].command_name(), Some("IDLE"));
    assert!(!f.waiting());
}

#[test]
fn imap_unknown_tag_and_bye() {
    let (f, steps) = run(
        Protocol::Imap,
        "S: * OK hi\nS: zz9 OK what\nC: a1 LOGOUT\nS: * BYE logging out\nS: a1 OK done",
    );
    assert_eq!(steps[1].command, None);
    assert_eq!(steps[1].kind, StepKind::Complete);
    assert!(!steps[1].ends_command);
    assert_eq!(steps[2].kind, StepKind::Bye);
    assert_eq!(steps[2].command_name(), Some("LOGOUT"));
    assert_eq!(f.state(), imap(ImapState::Logout));
}

#[test]
fn imap_literals_both_sides() {
    let mut f = Follower::new(Protocol::Imap).keep_data(1024);
    f.server_bytes(b"* OK hi\r\n");
    f.client_line(&ClientLine::parse(Protocol::Imap, "a1 LOGIN alex {5}"));
    assert_eq!(
        f.expect(),
        &Expect::LiteralContinuation {
            size: 5,
            secret: true
        }
    );
    let s = f.server_bytes(b"+ go on\r\n");
    assert_eq!(s[0].command_name(), Some("LOGIN"));
    let sent = f.client_bytes(b"drums\r\n");
    assert!(matches!(
        sent[0],
        Sent::Literal {
            octets: 5,
            left: 0,
            secret: true
        }
    ));
    assert!(matches!(&sent[1], Sent::Rest(r) if r.raw.is_empty()));
    f.server_bytes(b"a1 OK done\r\n");
    assert_eq!(f.state(), imap(ImapState::Authenticated));
    f.client_line(&ClientLine::parse(Protocol::Imap, "a2 FETCH 1 BODY[]"));
    let s = f.server_bytes(b"* 1 FETCH (BODY[] {13}\r\nab\r\n\r\n{3}\r\nxy)\r\na2 OK done\r\n");
    assert_eq!(s.len(), 2);
    assert_eq!(
        s[0].parts[1],
        Part::Literal {
            size: 13,
            data: b"ab\r\n\r\n{3}\r\nxy".to_vec()
        }
    );
    assert_eq!(s[0].command_name(), Some("FETCH"));
}

#[test]
fn imap_list_names_and_status_are_remembered() {
    let (f, _) = run(
        Protocol::Imap,
        "S: * PREAUTH hi\nC: a1 LIST \"\" *\nS: * LIST (\\HasNoChildren) \"/\" \"Sent Items\"\nS: * LIST () \"/\" newbox\nS: a1 OK\nC: a2 STATUS Drafts (MESSAGES)\nS: * STATUS Drafts (MESSAGES 0)\nS: a2 OK",
    );
    for n in ["Sent Items", "newbox", "Drafts"] {
        assert!(f.mailboxes().contains(n), "{n}");
    }
}

#[test]
fn closed_connection_is_a_close_step() {
    let (mut f, _) = run(Protocol::Smtp, "S: 220 hi\nC: EHLO me");
    f.server_bytes(b"250-partial\r\n");
    let s = f.closed();
    assert_eq!(s.len(), 2);
    assert_eq!(s[1].kind, StepKind::Close);
    assert_eq!(f.state(), smtp(SmtpState::Closed));
    assert!(!f.waiting());
    assert!(f.closed().is_empty());
}

/// Every chunking of a server's bytes gives the same steps.
#[test]
fn chunking_gives_byte_identical_steps() {
    let cases: [(Protocol, &[&str], &[u8]); 3] = [
        (
            Protocol::Imap,
            &["a1 LOGIN alex drums", "a2 SELECT INBOX", "a3 FETCH 1 BODY[]", "a4 LOGOUT"],
            b"* OK hi\r\na1 OK\r\n* 2 EXISTS\r\na2 OK [READ-WRITE] x\r\n* 1 FETCH (BODY[] {12}\r\nab\r\n.\r\n{3}\r\n)\r\na3 OK\r\n* BYE\r\na4 OK\r\n",
        ),
        (
            Protocol::Smtp,
            &["EHLO me", "MAIL FROM:<a@b>", "QUIT"],
            b"220 hi\r\n250-a\r\n250-b\r\n250 c\r\n250 ok\r\n221 bye\r\n",
        ),
        (
            Protocol::Pop3,
            &["USER alex", "PASS drums", "RETR 1", "LIST 1", "QUIT"],
            b"+OK hi\r\n+OK\r\n+OK\r\n+OK 9\r\n..a\r\nb\r\n.\r\n+OK 1 9\r\n+OK bye\r\n",
        ),
    ];
    for (p, client, wire) in cases {
        let feed = |chunk: usize| {
            let mut f = Follower::new(p).keep_data(1 << 20);
            for c in client {
                f.client_line(&ClientLine::parse(p, c));
            }
            let mut steps = Vec::new();
            for c in wire.chunks(chunk) {
                steps.extend(f.server_bytes(c));
            }
            steps
        };
        let whole = feed(wire.len());
        assert!(whole.len() >= 4, "{p}");
        for chunk in 1..wire.len() {
            assert_eq!(feed(chunk), whole, "{p} chunk {chunk}");
        }
    }
}
