//! The SMTP session driven from the outside, as a client would: bytes in, replies out,
//! and the shared store checked afterwards.

use std::sync::Arc;

use chrono::DateTime;
use maillab::protocol::sasl;
use maillab::server::smtp::SmtpSession;
use maillab::server::{Output, ServerConfig, Session};
use maillab::store::{SharedStore, Store};

fn store() -> SharedStore {
    let s = Store::new();
    s.add_user("alex", "drums");
    s.add_user("riley", "firefly");
    Arc::new(s)
}

fn session_with(store: &SharedStore, config: ServerConfig) -> SmtpSession {
    let t = DateTime::parse_from_rfc2822("Sun, 22 Nov 2026 10:00:00 +0000").unwrap();
    let mut s = SmtpSession::new(store.clone(), config).with_time(t);
    let g = s.greeting();
    assert!(g.bytes.starts_with(b"220 maillab.test ESMTP"), "{g:?}");
    s
}

fn session(store: &SharedStore) -> SmtpSession {
    session_with(store, ServerConfig::default())
}

fn send(s: &mut SmtpSession, input: &str) -> String {
    String::from_utf8(s.receive(input.as_bytes()).bytes).unwrap()
}

/// The reply lines' codes, in order (multi-line replies give one code per line).
fn codes(replies: &str) -> Vec<&str> {
    replies.lines().map(|l| l.get(..3).unwrap_or(l)).collect()
}

fn inbox(store: &SharedStore, user: &str) -> Vec<Vec<u8>> {
    store.read(|i| {
        i.user(user)
            .unwrap()
            .mailbox("INBOX")
            .unwrap()
            .messages
            .iter()
            .map(|m| m.raw.to_vec())
            .collect()
    })
}

fn text(raw: &[u8]) -> String {
    String::from_utf8_lossy(raw).into_owned()
}

#[test]
fn ehlo_advertises_the_extensions() {
    let st = store();
    let mut s = session(&st);
    let r = send(&mut s, "EHLO client.example\r\n");
    for ext in [
        "250-maillab.test greets client.example",
        "250-PIPELINING",
        "250-SIZE 26214400",
        "250-8BITMIME",
        "250-SMTPUTF8",
        "250-ENHANCEDSTATUSCODES",
        "250-AUTH PLAIN LOGIN CRAM-MD5",
        "250-CHUNKING",
        "250 HELP",
    ] {
        assert!(r.contains(ext), "missing {ext} in\n{r}");
    }
    assert!(!r.contains("STARTTLS"), "no certificate, no STARTTLS:\n{r}");
}

#[test]
fn a_message_reaches_local_inboxes_once_and_other_domains_the_sink() {
    let st = store();
    let mut s = session(&st);
    let plain = sasl::plain_encode("", "riley", "firefly");
    let r = send(
        &mut s,
        &format!("EHLO laptop\r\nAUTH PLAIN {plain}\r\nMAIL FROM:<riley@maillab.test>\r\nRCPT TO:<alex@maillab.test>\r\n\
         RCPT TO:<ALEX@localhost>\r\nRCPT TO:<riley@maillab.test>\r\nRCPT TO:<prof@uni.example>\r\nDATA\r\n"),
    );
    assert!(
        r.ends_with("354 Send the message; end with <CRLF>.<CRLF>\r\n"),
        "{r}"
    );
    let r = send(
        &mut s,
        "Subject: hello\r\n\r\n..a line that starts with a dot\r\nbody\r\n.\r\n",
    );
    assert!(r.starts_with("250 2.0.0 Ok: queued as"), "{r}");
    assert!(r.contains("delivered to alex, riley"), "{r}");
    let alex = inbox(&st, "alex");
    assert_eq!(alex.len(), 1, "two addresses of alex deliver once");
    assert_eq!(inbox(&st, "riley").len(), 1);
    let m = text(&alex[0]);
    assert!(m.starts_with("Return-Path: <riley@maillab.test>\r\nReceived: from laptop by maillab.test (maillab)\r\n\twith ESMTPA id "), "{m}");
    assert!(
        m.ends_with("Subject: hello\r\n\r\n.a line that starts with a dot\r\nbody\r\n"),
        "{m}"
    );
    let relayed = st.read(|i| i.relayed.clone());
    assert_eq!(relayed.len(), 1);
    assert_eq!(relayed[0].recipients, vec!["prof@uni.example".to_string()]);
    assert_eq!(relayed[0].from, "riley@maillab.test");
    assert!(text(&relayed[0].raw).starts_with("Received: from laptop"));
    // The transaction is over: a new one can start.
    let r = send(&mut s, "MAIL FROM:<>\r\nQUIT\r\n");
    assert_eq!(codes(&r), ["250", "221"]);
}

#[test]
fn command_order_is_enforced_with_reasons() {
    let st = store();
    let mut s = session(&st);
    let r = send(&mut s, "MAIL FROM:<a@b.c>\r\n");
    assert!(r.starts_with("503 5.5.1 Say EHLO"), "{r}");
    let r = send(&mut s, "HELO pc\r\nRCPT TO:<alex@maillab.test>\r\n");
    assert_eq!(
        r,
        "250 maillab.test greets pc\r\n503 5.5.1 RCPT first needs MAIL FROM:<address>\r\n"
    );
    let r = send(&mut s, "DATA\r\n");
    assert!(r.starts_with("503 5.5.1 DATA needs MAIL FROM"), "{r}");
    let r = send(&mut s, "MAIL FROM:<a@b.c>\r\nMAIL FROM:<a@b.c>\r\n");
    assert!(r.contains("503 5.5.1 Nested MAIL"), "{r}");
    let r = send(&mut s, "RCPT TO:<nobody@maillab.test>\r\nDATA\r\n");
    assert!(
        r.starts_with("550 5.1.1 <nobody@maillab.test>: no such user here"),
        "{r}"
    );
    assert!(
        r.contains("503 5.5.1 DATA needs at least one accepted RCPT"),
        "{r}"
    );
    let r = send(&mut s, "RSET\r\nRCPT TO:<alex@maillab.test>\r\n");
    assert_eq!(codes(&r), ["250", "503"]);
}

#[test]
fn syntax_errors_teach_the_syntax() {
    let st = store();
    let mut s = session(&st);
    let r = send(
        &mut s,
        "EHLO\r\nEHLO pc\r\nMAIL FROM: alex@maillab.test\r\n",
    );
    assert!(r.starts_with("501 5.5.4 Syntax: EHLO"), "{r}");
    assert!(r.contains("501 5.5.4 Syntax: MAIL FROM:<"), "{r}");
    assert!(r.contains("angle brackets are required"), "{r}");
    let r = send(&mut s, "MAIL FROM:<alex>\r\n");
    assert!(r.starts_with("501 5.1.3 Bad address syntax"), "{r}");
    let r = send(&mut s, "MAIL FROM:<a@b.c> FOO=1\r\n");
    assert!(r.starts_with("555 5.5.4 MAIL FROM parameter FOO"), "{r}");
    let r = send(&mut s, "FROB\r\n\r\n");
    assert!(
        r.starts_with("500 5.5.2 Command \"FROB\" not recognised"),
        "{r}"
    );
    assert!(r.contains("500 5.5.2 Empty line"), "{r}");
    let r = send(&mut s, "VRFY alex\r\nEXPN staff\r\nNOOP\r\nHELP MAIL\r\n");
    let c = codes(&r);
    assert_eq!(c[..3], ["252", "502", "250"]);
    // HELP MAIL is a multi-line 214 reply (its lines come from the command table).
    assert!(c.len() >= 4 && c[3..].iter().all(|x| *x == "214"), "{c:?}");
    assert!(r.contains("MAIL FROM:<"), "{r}");
}

#[test]
fn lf_dot_lf_does_not_end_data_and_bare_lf_is_explained() {
    let st = store();
    let mut s = session(&st);
    let r = send(&mut s, "EHLO pc\n");
    assert!(
        r.starts_with("250-maillab.test greets pc (note: your line ended in a bare LF"),
        "{r}"
    );
    let r = send(
        &mut s,
        "MAIL FROM:<a@b.c>\nRCPT TO:<alex@maillab.test>\nDATA\n",
    );
    assert!(
        r.contains("354 Send the message") && r.contains("nc -C"),
        "{r}"
    );
    // A netcat user without -C: "." then LF is content, not the end.
    let r = send(&mut s, "Subject: smuggle\n\nhi\n.\nMAIL FROM:<evil@x.y>\n");
    assert_eq!(r, "", "LF.LF must not end DATA");
    assert!(inbox(&st, "alex").is_empty());
    let r = send(&mut s, "\r\n.\r\n");
    assert!(r.starts_with("250 2.0.0"), "{r}");
    let m = text(&inbox(&st, "alex")[0]);
    assert!(
        m.ends_with("Subject: smuggle\r\n\r\nhi\r\n\r\nMAIL FROM:<evil@x.y>\r\n\r\n"),
        "bare LF lines are stored as CRLF lines, the \".\" unstuffed: {m:?}"
    );
}

#[test]
fn a_client_vanishing_mid_data_stores_nothing() {
    let st = store();
    let mut s = session(&st);
    send(
        &mut s,
        "EHLO pc\r\nMAIL FROM:<a@b.c>\r\nRCPT TO:<alex@maillab.test>\r\nRCPT TO:<x@far.example>\r\nDATA\r\nSubject: half\r\n\r\nhalf a mess",
    );
    s.disconnected();
    assert!(inbox(&st, "alex").is_empty());
    assert!(st.read(|i| i.relayed.is_empty()));

    let mut s = session(&st);
    send(
        &mut s,
        "EHLO pc\r\nMAIL FROM:<a@b.c>\r\nRCPT TO:<alex@maillab.test>\r\nDATA\r\nhalf\r\n",
    );
    let out = s.timed_out();
    assert!(out.close);
    assert!(
        text(&out.bytes).starts_with("421 4.4.2 maillab.test"),
        "{out:?}"
    );
    assert!(inbox(&st, "alex").is_empty());
}

#[test]
fn overlong_lines_nul_bytes_and_too_many_errors() {
    let st = store();
    let mut s = session(&st);
    let long = format!("NOOP {}\r\nNOOP\r\n", "x".repeat(600));
    let r = send(&mut s, &long);
    assert!(r.starts_with("500 5.5.2 Line too long"), "{r}");
    assert!(r.ends_with("250 2.0.0 OK, nothing done\r\n"), "{r}");
    let out = s.receive(b"NO\0OP\r\n");
    assert!(text(&out.bytes).starts_with("500 5.5.2 This line contains a NUL byte"));
    // A line of a megabyte in small pieces: one reply, bounded memory.
    let mut s = session(&st);
    let piece = vec![b'A'; 4096];
    for _ in 0..256 {
        assert!(s.receive(&piece).bytes.is_empty());
    }
    assert!(text(&s.receive(b"\r\n").bytes).starts_with("500 5.5.2 Line too long"));
    let mut s = session(&st);
    let junk = "BOGUS\r\n".repeat(40);
    let out = s.receive(junk.as_bytes());
    assert!(out.close);
    let r = text(&out.bytes);
    assert_eq!(r.matches("500 5.5.2").count(), 25, "{r}");
    assert!(r.ends_with(
        "421 4.7.0 maillab.test Too many errors in this session (25), closing connection\r\n"
    ));
}

#[test]
fn text_lines_over_1000_octets_refuse_the_message() {
    let st = store();
    let mut s = session(&st);
    let msg = format!(
        "EHLO pc\r\nMAIL FROM:<a@b.c>\r\nRCPT TO:<alex@maillab.test>\r\nDATA\r\nSubject: x\r\n\r\n{}\r\n.\r\nNOOP\r\n",
        "y".repeat(1200)
    );
    let r = send(&mut s, &msg);
    assert!(
        r.contains("550 5.6.0 Line 3 of the message is longer than 1000 octets"),
        "{r}"
    );
    assert!(r.ends_with("250 2.0.0 OK, nothing done\r\n"));
    assert!(inbox(&st, "alex").is_empty());
}

#[test]
fn size_limit_is_announced_and_enforced() {
    let st = store();
    let config = ServerConfig {
        max_message: 1000,
        ..ServerConfig::default()
    };
    let mut s = session_with(&st, config);
    let r = send(&mut s, "EHLO pc\r\nMAIL FROM:<a@b.c> SIZE=5000\r\n");
    assert!(r.contains("250-SIZE 1000"), "{r}");
    assert!(
        r.contains("552 5.3.4 Message size 5000 exceeds the fixed maximum of 1000"),
        "{r}"
    );
    let body = "z".repeat(99) + "\r\n";
    let msg = format!(
        "MAIL FROM:<a@b.c> SIZE=900\r\nRCPT TO:<alex@maillab.test>\r\nDATA\r\n{}.\r\n",
        body.repeat(20)
    );
    let r = send(&mut s, &msg);
    assert!(r.ends_with("552 5.3.4 Message too big: 2020 octets is over the fixed maximum of 1000 (RFC 1870); nothing was stored\r\n"), "{r}");
    assert!(inbox(&st, "alex").is_empty());
}

#[test]
fn bdat_chunks_make_one_message_and_refused_chunks_are_skipped() {
    let st = store();
    let mut s = session(&st);
    // A refused chunk is still read, so its bytes are not taken as commands.
    let r = send(&mut s, "EHLO pc\r\nBDAT 6\r\nQUIT\r\nNOOP\r\n");
    assert!(r.contains("503 5.5.1 BDAT needs MAIL FROM"), "{r}");
    assert!(r.ends_with("250 2.0.0 OK, nothing done\r\n"), "{r}");
    let r = send(
        &mut s,
        "MAIL FROM:<a@b.c>\r\nRCPT TO:<riley@maillab.test>\r\nBDAT 12\r\nSubject: x\r\nBDAT 8 LAST\r\n\r\n.dot\r\n",
    );
    assert_eq!(codes(&r), ["250", "250", "250", "250"], "{r}");
    assert!(r.contains("250 2.0.0 12 octets received so far"), "{r}");
    let m = text(&inbox(&st, "riley")[0]);
    assert!(
        m.ends_with("\r\n\tSun, 22 Nov 2026 10:00:00 +0000\r\nSubject: x\r\n\r\n.dot\r\n"),
        "BDAT is not dot-stuffed: {m:?}"
    );
    let r = send(
        &mut s,
        "MAIL FROM:<a@b.c>\r\nRCPT TO:<riley@maillab.test>\r\nBDAT 0 LAST\r\nBDAT x\r\n",
    );
    assert_eq!(codes(&r), ["250", "250", "250", "501"], "{r}");
}

#[test]
fn auth_mechanisms_against_the_store() {
    let st = store();
    let mut s = session(&st);
    send(&mut s, "EHLO pc\r\n");
    let r = send(
        &mut s,
        &format!("AUTH PLAIN {}\r\n", sasl::plain_encode("", "alex", "wrong")),
    );
    assert_eq!(
        r,
        "535 5.7.8 Authentication credentials invalid: wrong user name or password\r\n"
    );
    let r = send(&mut s, "AUTH LOGIN\r\n");
    assert_eq!(r, "334 VXNlcm5hbWU6\r\n");
    let r = send(&mut s, "YWxleA==\r\n");
    assert_eq!(r, "334 UGFzc3dvcmQ6\r\n");
    let r = send(&mut s, "ZHJ1bXM=\r\n");
    assert_eq!(r, "235 2.7.0 Authentication successful: you are alex\r\n");
    let r = send(&mut s, "AUTH PLAIN\r\n");
    assert!(r.starts_with("503 5.5.1 Already authenticated"), "{r}");

    // The course's code logs in with the full address, as mail providers allow.
    let mut s = session(&st);
    send(&mut s, "EHLO pc\r\n");
    let r = send(
        &mut s,
        &format!(
            "AUTH PLAIN {}\r\n",
            sasl::plain_encode("", "alex@maillab.test", "drums")
        ),
    );
    assert_eq!(r, "235 2.7.0 Authentication successful: you are alex\r\n");

    let mut s = session(&st);
    send(&mut s, "EHLO pc\r\n");
    let r = send(&mut s, "AUTH CRAM-MD5\r\n");
    let challenge = r.strip_prefix("334 ").unwrap().trim_end();
    let mut client = sasl::ClientExchange::new(sasl::Mechanism::CramMd5, "riley", "firefly");
    let (decoded, answer) = client.respond(challenge).unwrap();
    assert!(decoded.ends_with("@maillab.test>"), "{decoded}");
    let r = send(&mut s, &format!("{}\r\n", answer.base64));
    assert_eq!(r, "235 2.7.0 Authentication successful: you are riley\r\n");

    let mut s = session(&st);
    let r = send(
        &mut s,
        "EHLO pc\r\nAUTH PLAIN\r\n*\r\nAUTH GSSAPI\r\nAUTH PLAIN\r\n!!!\r\n",
    );
    assert!(
        r.contains("334 \r\n501 5.7.0 Authentication cancelled"),
        "{r}"
    );
    assert!(
        r.contains("504 5.5.4 Unrecognized authentication type GSSAPI"),
        "{r}"
    );
    assert!(
        r.ends_with("501 5.5.2 Cannot decode the response: it must be base64 (RFC 4954 §4)\r\n"),
        "{r}"
    );
}

#[test]
fn submission_port_requires_auth_and_require_tls_refuses_it() {
    let st = store();
    let config = ServerConfig {
        submission: true,
        ..ServerConfig::default()
    };
    let mut s = session_with(&st, config);
    let r = send(&mut s, "EHLO pc\r\nMAIL FROM:<alex@maillab.test>\r\n");
    assert!(r.ends_with("530 5.7.0 Authentication required: this is the submission port (RFC 6409 §4.3); AUTH first\r\n"), "{r}");
    let r = send(
        &mut s,
        &format!(
            "AUTH PLAIN {}\r\nMAIL FROM:<alex@maillab.test>\r\nRCPT TO:<riley@maillab.test>\r\nDATA\r\nhi\r\n.\r\n",
            sasl::plain_encode("", "alex", "drums")
        ),
    );
    assert_eq!(codes(&r), ["235", "250", "250", "354", "250"], "{r}");
    assert!(text(&inbox(&st, "riley")[0]).contains("with ESMTPA id"));

    let config = ServerConfig {
        require_tls: true,
        tls_available: true,
        ..ServerConfig::default()
    };
    let mut s = session_with(&st, config);
    let r = send(&mut s, "EHLO pc\r\nAUTH PLAIN AGFsZXgAZHJ1bXM=\r\n");
    assert!(
        !r.contains("AUTH PLAIN LOGIN"),
        "AUTH is not offered before TLS: {r}"
    );
    assert!(r.ends_with("538 5.7.11 Encryption required: issue STARTTLS before AUTH so the password is not sent in clear (RFC 4954 §6)\r\n"), "{r}");
    let out = s.receive(b"STARTTLS\r\n");
    assert!(out.start_tls);
    s.tls_started();
    let r = send(&mut s, "EHLO pc\r\nAUTH PLAIN AGFsZXgAZHJ1bXM=\r\n");
    assert!(
        r.contains("250-AUTH PLAIN LOGIN CRAM-MD5"),
        "AUTH is offered once TLS is up: {r}"
    );
    assert!(
        r.ends_with("235 2.7.0 Authentication successful: you are alex\r\n"),
        "{r}"
    );
}

#[test]
fn starttls_unavailable_or_accepted_and_pipelined_bytes_dropped() {
    let st = store();
    let mut s = session(&st);
    let r = send(&mut s, "EHLO pc\r\nSTARTTLS\r\n");
    assert!(r.ends_with("454 4.7.0 TLS not available: this server has no certificate, so STARTTLS is not offered in EHLO\r\n"), "{r}");

    let config = ServerConfig {
        tls_available: true,
        ..ServerConfig::default()
    };
    let mut s = session_with(&st, config);
    let r = send(&mut s, "EHLO pc\r\n");
    assert!(r.contains("250-STARTTLS\r\n"), "{r}");
    // CVE-2011-0411: a command injected after STARTTLS in the same packet is dropped.
    let out: Output = s.receive(b"STARTTLS\r\nMAIL FROM:<evil@x.y>\r\n");
    assert_eq!(text(&out.bytes), "220 2.0.0 Ready to start TLS\r\n");
    assert!(out.start_tls);
    assert!(
        s.receive(b"RSET\r\n").bytes.is_empty(),
        "no plain text after STARTTLS"
    );
    s.tls_started();
    let r = send(&mut s, "MAIL FROM:<a@b.c>\r\nEHLO pc\r\n");
    assert!(
        r.starts_with("503 5.5.1 Say EHLO"),
        "the session starts over after TLS: {r}"
    );
    assert!(!r.contains("STARTTLS"), "{r}");
    assert!(r.contains("250-AUTH PLAIN LOGIN CRAM-MD5"), "{r}");
    let r = send(&mut s, "STARTTLS\r\n");
    assert!(r.starts_with("503 5.5.1 TLS is already active"), "{r}");
}

#[test]
fn pipelined_commands_are_answered_in_one_output_in_order() {
    let st = store();
    let mut s = session(&st);
    let mut script = String::from("EHLO pc\r\n");
    for i in 0..50 {
        script.push_str(&format!(
            "MAIL FROM:<s{i}@uni.example>\r\nRCPT TO:<alex@maillab.test>\r\nBDAT 7 LAST\r\nmsg {i:02}\n"
        ));
    }
    let r = send(&mut s, &script);
    assert_eq!(r.matches("Ok: queued as").count(), 50, "{r}");
    let alex = inbox(&st, "alex");
    assert_eq!(alex.len(), 50);
    assert!(
        text(&alex[49]).ends_with("msg 49\r\n"),
        "bare LF in BDAT stored as CRLF"
    );
}
