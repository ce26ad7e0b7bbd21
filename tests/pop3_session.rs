//! The POP3 session driven from the outside, as a client would: bytes in, replies out,
//! and the shared store checked afterwards.

use std::sync::Arc;

use chrono::DateTime;
use maillab::protocol::sasl;
use maillab::server::pop3::Pop3Session;
use maillab::server::{ServerConfig, Session};
use maillab::store::{Flags, Message, SharedStore, Store};

const FIRST: &str = "From: riley@maillab.test\r\nSubject: first\r\n\r\nline one\r\n.starts with a dot\r\nline three\r\n";
const SECOND: &str = "Subject: second\r\n\r\nhello\r\n";

fn store() -> SharedStore {
    let s = Store::new();
    s.add_user("alex", "drums");
    s.add_user("riley", "firefly");
    let s = Arc::new(s);
    add(&s, FIRST);
    add(&s, SECOND);
    s
}

fn add(s: &SharedStore, raw: &str) -> u32 {
    let date = DateTime::parse_from_rfc2822("Sun, 22 Nov 2026 10:00:00 +0000").unwrap();
    s.append(
        "alex",
        "INBOX",
        Message::new(raw.as_bytes(), Flags::new(), date),
    )
    .unwrap()
    .1
}

fn session_with(store: &SharedStore, config: ServerConfig) -> (Pop3Session, String) {
    let t = DateTime::parse_from_rfc2822("Sun, 22 Nov 2026 10:00:00 +0000").unwrap();
    let mut s = Pop3Session::new(store.clone(), config).with_time(t);
    let g = String::from_utf8(s.greeting().bytes).unwrap();
    assert!(g.starts_with("+OK maillab mock POP3 server ready <"), "{g}");
    (s, g)
}

fn session(store: &SharedStore) -> Pop3Session {
    session_with(store, ServerConfig::default()).0
}

fn send(s: &mut Pop3Session, input: &str) -> String {
    String::from_utf8(s.receive(input.as_bytes()).bytes).unwrap()
}

fn inbox_uids(s: &SharedStore) -> Vec<u32> {
    s.read(|i| {
        i.user("alex")
            .unwrap()
            .mailbox("INBOX")
            .unwrap()
            .messages
            .iter()
            .map(|m| m.uid)
            .collect()
    })
}

#[test]
fn login_list_retrieve_and_delete_at_quit() {
    let st = store();
    let mut s = session(&st);
    assert_eq!(
        send(&mut s, "USER alex\r\nPASS drums\r\n"),
        format!(
            "+OK alex: now send PASS with the password\r\n+OK alex has 2 messages ({} octets)\r\n",
            FIRST.len() + SECOND.len()
        )
    );
    assert_eq!(
        send(&mut s, "STAT\r\n"),
        format!("+OK 2 {}\r\n", FIRST.len() + SECOND.len())
    );
    assert_eq!(
        send(&mut s, "LIST\r\n"),
        format!(
            "+OK 2 messages ({} octets)\r\n1 {}\r\n2 {}\r\n.\r\n",
            FIRST.len() + SECOND.len(),
            FIRST.len(),
            SECOND.len()
        )
    );
    let uidvalidity = st.read(|i| {
        i.user("alex")
            .unwrap()
            .mailbox("INBOX")
            .unwrap()
            .uidvalidity
    });
    assert_eq!(
        send(&mut s, "UIDL\r\n"),
        format!("+OK unique-id listing follows\r\n1 {uidvalidity}.1\r\n2 {uidvalidity}.2\r\n.\r\n")
    );
    // Multi-line answers are dot-stuffed (RFC 1939 §3).
    assert_eq!(
        send(&mut s, "RETR 1\r\n"),
        format!(
            "+OK {} octets follow\r\nFrom: riley@maillab.test\r\nSubject: first\r\n\r\nline one\r\n..starts with a dot\r\nline three\r\n.\r\n",
            FIRST.len()
        )
    );
    assert_eq!(
        send(&mut s, "TOP 1 1\r\n"),
        "+OK the header and the first 1 body lines follow\r\nFrom: riley@maillab.test\r\nSubject: first\r\n\r\nline one\r\n.\r\n"
    );
    assert_eq!(
        send(&mut s, "DELE 1\r\nLIST 1\r\nRETR 1\r\nSTAT\r\n"),
        format!(
            "+OK Message 1 marked deleted; it is removed at QUIT (RSET unmarks)\r\n\
             -ERR Message 1 is marked deleted; RSET unmarks it\r\n\
             -ERR Message 1 is marked deleted; RSET unmarks it\r\n+OK 1 {}\r\n",
            SECOND.len()
        )
    );
    assert_eq!(inbox_uids(&st), [1, 2], "DELE only marks");
    let r = send(&mut s, "QUIT\r\n");
    assert_eq!(
        r,
        "+OK maillab POP3 server signing off (1 message deleted, 1 left)\r\n"
    );
    assert_eq!(inbox_uids(&st), [2], "QUIT removes the marked message");
    assert!(st.read(|i| i.pop3_locks.is_empty()));
}

#[test]
fn rset_unmarks_and_a_dropped_connection_deletes_nothing() {
    let st = store();
    let mut s = session(&st);
    let r = send(
        &mut s,
        "USER alex\r\nPASS drums\r\nDELE 1\r\nDELE 2\r\nRSET\r\nDELE 2\r\n",
    );
    assert!(
        r.contains("+OK Deletion marks cleared; maildrop has 2 messages"),
        "{r}"
    );
    s.disconnected();
    assert_eq!(inbox_uids(&st), [1, 2]);
    assert!(
        st.read(|i| i.pop3_locks.is_empty()),
        "the lock is freed on disconnect"
    );

    let mut s = session(&st);
    send(&mut s, "USER alex\r\nPASS drums\r\nDELE 1\r\n");
    let out = s.timed_out();
    assert!(out.close);
    assert!(String::from_utf8_lossy(&out.bytes).starts_with("-ERR Autologout"));
    assert_eq!(inbox_uids(&st), [1, 2], "a timeout deletes nothing");
    assert!(
        st.read(|i| i.pop3_locks.is_empty()),
        "the lock is freed on timeout"
    );

    // Dropping a session without any goodbye frees the lock too.
    let mut s = session(&st);
    send(&mut s, "USER alex\r\nPASS drums\r\n");
    drop(s);
    assert!(st.read(|i| i.pop3_locks.is_empty()));
}

#[test]
fn a_second_session_finds_the_maildrop_in_use() {
    let st = store();
    let mut first = session(&st);
    send(&mut first, "USER alex\r\nPASS drums\r\n");
    let mut second = session(&st);
    let r = send(&mut second, "USER alex\r\nPASS drums\r\n");
    assert!(r.ends_with("-ERR [IN-USE] alex's maildrop is locked by another POP3 session; it is freed when that session QUITs or drops (RFC 1939 §8)\r\n"), "{r}");
    let r = send(&mut second, "STAT\r\n");
    assert!(r.starts_with("-ERR STAT is only valid after login"), "{r}");
    send(&mut first, "QUIT\r\n");
    let r = send(&mut second, "USER alex\r\nPASS drums\r\n");
    let want = format!(
        "+OK alex has 2 messages ({} octets)\r\n",
        FIRST.len() + SECOND.len()
    );
    assert!(r.ends_with(&want), "{r}");
}

#[test]
fn the_list_is_fixed_at_login_and_expunged_messages_say_why() {
    let st = store();
    let mut s = session(&st);
    send(&mut s, "USER alex\r\nPASS drums\r\n");
    let later = "Subject: later\r\n\r\nlate\r\n";
    let third = add(&st, later);
    assert!(
        send(&mut s, "STAT\r\n").starts_with("+OK 2 "),
        "mail arriving later shows at the next login"
    );
    // An IMAP session expunges message 2 meanwhile.
    st.write(|i| {
        i.user_mut("alex").unwrap().inbox_mut().remove_uids(&[2]);
    });
    let r = send(
        &mut s,
        "LIST 2\r\nRETR 2\r\nTOP 2 0\r\nDELE 1\r\nDELE 2\r\nQUIT\r\n",
    );
    assert!(r.starts_with(&format!("+OK 2 {}\r\n", SECOND.len())), "{r}");
    assert!(
        r.contains("-ERR Message 2 was expunged by another session (IMAP) after this POP3 login"),
        "{r}"
    );
    assert!(r.ends_with("+OK maillab POP3 server signing off (1 message deleted, 1 already expunged elsewhere, 1 left)\r\n"), "{r}");
    assert_eq!(inbox_uids(&st), [third]);
    let mut s = session(&st);
    let r = send(&mut s, "USER alex\r\nPASS drums\r\n");
    assert!(
        r.ends_with(&format!(
            "+OK alex has 1 message ({} octets)\r\n",
            later.len()
        )),
        "{r}"
    );
}

#[test]
fn uidls_are_stable_across_sessions() {
    let st = store();
    let mut s = session(&st);
    let a = send(
        &mut s,
        "USER alex\r\nPASS drums\r\nUIDL 2\r\nDELE 1\r\nQUIT\r\n",
    );
    let mut s = session(&st);
    let b = send(&mut s, "USER alex\r\nPASS drums\r\nUIDL 1\r\n");
    let id_a = a
        .lines()
        .find(|l| l.starts_with("+OK 2 "))
        .unwrap()
        .rsplit(' ')
        .next()
        .unwrap();
    let id_b = b.lines().last().unwrap().rsplit(' ').next().unwrap();
    assert_eq!(id_a, id_b, "message 2 became message 1 but kept its UIDL");
}

#[test]
fn apop_uses_the_greeting_timestamp() {
    let st = store();
    let (mut s, greeting) = session_with(&st, ServerConfig::default());
    let ts = &greeting[greeting.find('<').unwrap()..=greeting.find('>').unwrap()];
    let r = send(
        &mut s,
        &format!("APOP alex {}\r\n", sasl::apop_digest(ts, "wrong")),
    );
    assert!(
        r.starts_with("-ERR [AUTH] APOP digest does not match"),
        "{r}"
    );
    let r = send(
        &mut s,
        &format!("APOP alex {}\r\n", sasl::apop_digest(ts, "drums")),
    );
    assert!(r.starts_with("+OK alex has 2 messages"), "{r}");
    let r = send(&mut s, "APOP alex x\r\nPASS drums\r\n");
    assert!(r.starts_with("-ERR Already logged in as alex"), "{r}");
}

#[test]
fn sasl_auth_plain_login_and_cram_md5() {
    let st = store();
    let mut s = session(&st);
    let r = send(
        &mut s,
        &format!(
            "AUTH PLAIN {}\r\n",
            sasl::plain_encode("", "riley", "firefly")
        ),
    );
    assert_eq!(r, "+OK riley has 0 messages (0 octets)\r\n");

    let mut s = session(&st);
    assert_eq!(send(&mut s, "AUTH LOGIN\r\n"), "+ VXNlcm5hbWU6\r\n");
    assert_eq!(send(&mut s, "YWxleA==\r\n"), "+ UGFzc3dvcmQ6\r\n");
    assert_eq!(
        send(&mut s, "Z3VpdGFy\r\n"),
        "-ERR [AUTH] Authentication failed: wrong user name or password\r\n"
    );
    let r = send(&mut s, "AUTH CRAM-MD5\r\n");
    let mut client = sasl::ClientExchange::new(sasl::Mechanism::CramMd5, "alex", "drums");
    let (_, answer) = client
        .respond(r.strip_prefix("+ ").unwrap().trim_end())
        .unwrap();
    assert!(send(&mut s, &format!("{}\r\n", answer.base64)).starts_with("+OK alex has 2 messages"));

    let mut s = session(&st);
    let r = send(&mut s, "AUTH PLAIN\r\n*\r\nAUTH KERBEROS_V4\r\n");
    assert_eq!(
        r,
        "+ \r\n-ERR Authentication cancelled by the client (\"*\")\r\n\
         -ERR Unrecognized authentication mechanism KERBEROS_V4; this server offers PLAIN LOGIN CRAM-MD5\r\n"
    );
}

#[test]
fn bad_input_gets_reasons_and_the_session_survives() {
    let st = store();
    let mut s = session(&st);
    let r = send(&mut s, "PASS drums\r\nRETR 1\r\nFROB\r\nNO\0OP\r\n\r\n");
    let lines: Vec<&str> = r.lines().collect();
    assert_eq!(lines[0], "-ERR PASS must follow USER name (RFC 1939 §7)");
    assert!(
        lines[1].starts_with("-ERR RETR is only valid after login"),
        "{r}"
    );
    assert!(lines[2].starts_with("-ERR Unknown command \"FROB\""), "{r}");
    assert!(
        lines[3].starts_with("-ERR This line contains a NUL byte"),
        "{r}"
    );
    assert!(lines[4].starts_with("-ERR Empty line"), "{r}");
    let r = send(
        &mut s,
        &format!("USER {}\r\nUSER alex\r\nPASS wrong\r\n", "a".repeat(300)),
    );
    assert!(r.starts_with("-ERR Line too long"), "{r}");
    assert!(
        r.ends_with("-ERR [AUTH] Invalid user name or password; start again with USER\r\n"),
        "{r}"
    );
    let r = send(
        &mut s,
        "USER alex\r\nPASS drums\r\nRETR 0\r\nRETR x\r\nRETR 9\r\nTOP 1\r\nTOP 1 -1\r\n",
    );
    assert!(
        r.contains("-ERR \"0\" is not a message number: messages are numbered from 1"),
        "{r}"
    );
    assert!(r.contains("-ERR \"x\" is not a message number"), "{r}");
    assert!(
        r.contains("-ERR No message 9: the maildrop listed 2 at login"),
        "{r}"
    );
    assert!(r.contains("-ERR Syntax: TOP msg n"), "{r}");
    assert!(
        r.ends_with(
            "-ERR TOP needs a number of body lines (0 or more) after the message number\r\n"
        ),
        "{r}"
    );
    let out = s.receive("FROB\r\n".repeat(30).as_bytes());
    assert!(out.close, "too many bad commands end the session");
    assert!(st.read(|i| i.pop3_locks.is_empty()), "and free the lock");
}

#[test]
fn capa_stls_and_plaintext_refusal() {
    let st = store();
    let mut s = session(&st);
    let r = send(&mut s, "CAPA\r\nSTLS\r\n");
    assert_eq!(
        r,
        "+OK Capability list follows\r\nTOP\r\nUIDL\r\nUSER\r\nSASL PLAIN LOGIN CRAM-MD5\r\nRESP-CODES\r\n\
         AUTH-RESP-CODE\r\nPIPELINING\r\nIMPLEMENTATION maillab\r\n.\r\n\
         -ERR STLS not available: this server has no certificate, so CAPA does not offer STLS\r\n"
    );
    let config = ServerConfig {
        tls_available: true,
        require_tls: true,
        ..ServerConfig::default()
    };
    let (mut s, _) = session_with(&st, config);
    let r = send(&mut s, "CAPA\r\nUSER alex\r\n");
    assert!(
        r.contains("\r\nSTLS\r\n") && !r.contains("\r\nUSER\r\n"),
        "{r}"
    );
    assert!(r.ends_with("-ERR [AUTH] Plain-text login is disabled until STLS: the password would cross the network in clear\r\n"), "{r}");
    let out = s.receive(b"STLS\r\nUSER evil\r\n");
    assert_eq!(out.bytes, b"+OK Begin TLS negotiation\r\n");
    assert!(out.start_tls);
    s.tls_started();
    let r = send(&mut s, "PASS drums\r\nCAPA\r\nUSER alex\r\nPASS drums\r\n");
    assert!(
        r.starts_with("-ERR PASS must follow USER"),
        "the USER pipelined before TLS was dropped: {r}"
    );
    assert!(!r.contains("STLS"), "{r}");
    let want = format!(
        "+OK alex has 2 messages ({} octets)\r\n",
        FIRST.len() + SECOND.len()
    );
    assert!(r.ends_with(&want), "{r}");
}

#[test]
fn quit_before_login_and_pass_with_spaces() {
    let st = store();
    st.add_user("sam", "two words");
    let mut s = session(&st);
    let r = send(&mut s, "USER sam\r\nPASS two words\r\n");
    assert!(r.ends_with("+OK sam has 0 messages (0 octets)\r\n"), "{r}");
    let mut s = session(&st);
    let r = send(
        &mut s,
        "USER riley@maillab.test\r\nPASS firefly\r\nQUIT\r\n",
    );
    assert!(
        r.contains("\r\n+OK riley has 0 messages (0 octets)\r\n"),
        "{r}"
    );
    let mut s = session(&st);
    let r = send(&mut s, "USER riley@elsewhere.example\r\nPASS firefly\r\n");
    assert!(
        r.ends_with("-ERR [AUTH] Invalid user name or password; start again with USER\r\n"),
        "{r}"
    );
    let mut s = session(&st);
    let out = s.receive(b"QUIT\r\n");
    assert!(out.close);
    assert_eq!(out.bytes, b"+OK maillab POP3 server signing off\r\n");
}

#[test]
fn pipelined_retrs_of_big_messages_are_answered_in_bounded_pieces() {
    let st = store();
    let big = format!(
        "Subject: big\r\n\r\n{}",
        "0123456789abcdef\r\n".repeat(12_000)
    );
    add(&st, &big);
    let mut s = session(&st);
    send(&mut s, "USER alex\r\nPASS drums\r\n");
    let out = s.receive("RETR 3\r\n".repeat(40).as_bytes());
    assert!(
        s.has_pending_input(),
        "the session stops at its output budget"
    );
    assert!(
        out.bytes.len() < (1 << 20) + 2 * big.len(),
        "{}",
        out.bytes.len()
    );
    let mut all = out.bytes;
    for _ in 0..100 {
        if !s.has_pending_input() {
            break;
        }
        all.extend_from_slice(&s.receive(&[]).bytes);
    }
    assert!(!s.has_pending_input());
    let text = String::from_utf8(all).unwrap();
    assert_eq!(
        text.matches(&format!("+OK {} octets follow\r\n", big.len()))
            .count(),
        40
    );
    assert_eq!(
        text.len(),
        40 * (format!("+OK {} octets follow\r\n", big.len()).len() + big.len() + 3)
    );
}
