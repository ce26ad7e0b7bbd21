//! The lab servers' rules, typed at them through the `Session` trait as a student
//! would: the same login forms everywhere, note 003's Gmail account, failed logins
//! flagged and limited, no open relay on port 25, senders must be who they logged in
//! as, quotas and the relayed-mail sink.

use std::sync::Arc;

use maillab::protocol::sasl;
use maillab::protocol::Protocol;
use maillab::server::{new_session, Output, ServerConfig, Session};
use maillab::store::{fixture, Limits, SharedStore};

fn store() -> SharedStore {
    Arc::new(fixture::default_store())
}

fn open(st: &SharedStore, p: Protocol, config: ServerConfig) -> Box<dyn Session> {
    let mut s = new_session(p, st.clone(), config);
    s.greeting();
    s
}

fn send(s: &mut dyn Session, text: &str) -> (String, Output) {
    let out = s.receive(text.as_bytes());
    (String::from_utf8_lossy(&out.bytes).into_owned(), out)
}

fn line(s: &mut dyn Session, text: &str) -> String {
    send(s, &format!("{text}\r\n")).0
}

fn submission() -> ServerConfig {
    ServerConfig {
        submission: true,
        ..ServerConfig::default()
    }
}

// ---------------------------------------------------------------- logins

#[test]
fn every_protocol_takes_the_name_and_the_address() {
    let st = store();
    for login in ["alex", "alex@maillab.test", "ALEX@localhost"] {
        let mut imap = open(&st, Protocol::Imap, ServerConfig::default());
        let r = line(imap.as_mut(), &format!("a1 LOGIN {login} drums"));
        assert!(r.starts_with("a1 OK"), "IMAP {login}: {r}");
        assert!(r.contains("Logged in as alex"), "{r}");
        line(imap.as_mut(), "a2 LOGOUT");

        let mut pop = open(&st, Protocol::Pop3, ServerConfig::default());
        line(pop.as_mut(), &format!("USER {login}"));
        let r = line(pop.as_mut(), "PASS drums");
        assert!(r.starts_with("+OK alex has"), "POP3 {login}: {r}");
        line(pop.as_mut(), "QUIT");

        let mut smtp = open(&st, Protocol::Smtp, submission());
        let plain = sasl::plain_encode("", login, "drums");
        let r = line(smtp.as_mut(), &format!("EHLO pc\r\nAUTH PLAIN {plain}"));
        assert!(r.contains("235 2.7.0"), "SMTP {login}: {r}");
    }
}

#[test]
fn imap_offers_and_accepts_cram_md5() {
    let st = store();
    let mut s = open(&st, Protocol::Imap, ServerConfig::default());
    let r = line(s.as_mut(), "a1 CAPABILITY");
    assert!(r.contains("AUTH=CRAM-MD5"), "{r}");
    let r = line(s.as_mut(), "a2 AUTHENTICATE CRAM-MD5");
    let challenge = r
        .strip_prefix("+ ")
        .and_then(|c| c.strip_suffix("\r\n"))
        .unwrap_or_else(|| panic!("{r}"));
    let decoded = sasl::decode_base64(challenge).unwrap();
    assert!(decoded.starts_with(b"<") && decoded.ends_with(b"@maillab.test>"));
    // The address works as the CRAM-MD5 user name too.
    let answer = sasl::cram_md5_response("riley@maillab.test", "firefly", &decoded);
    let r = line(s.as_mut(), &sasl::encode_base64(answer.as_bytes()));
    assert!(r.starts_with("a2 OK [CAPABILITY"), "{r}");
    assert!(r.contains("Logged in as riley"), "{r}");
}

#[test]
fn gmail_account_refuses_its_normal_password_everywhere() {
    let st = store();
    // SMTP: every mechanism smtplib tries gets Gmail's 534 5.7.9.
    let mut smtp = open(&st, Protocol::Smtp, submission());
    line(smtp.as_mut(), "EHLO pc");
    let plain = sasl::plain_encode("", "sam@maillab.test", "sam1234@");
    let (r, out) = send(smtp.as_mut(), &format!("AUTH PLAIN {plain}\r\n"));
    assert!(
        r.starts_with("534 5.7.9 Application-specific password required"),
        "{r}"
    );
    assert!(out.auth_failed);
    let r = line(smtp.as_mut(), "AUTH CRAM-MD5");
    let challenge = sasl::decode_base64(r.trim_end().strip_prefix("334 ").unwrap()).unwrap();
    let answer = sasl::cram_md5_response("sam", "sam1234@", &challenge);
    let r = line(smtp.as_mut(), &sasl::encode_base64(answer.as_bytes()));
    assert!(r.starts_with("534 5.7.9"), "{r}");
    // A wrong password is just wrong.
    let plain = sasl::plain_encode("", "sam", "nope");
    let r = line(smtp.as_mut(), &format!("AUTH PLAIN {plain}"));
    assert!(r.starts_with("535 5.7.8"), "{r}");
    // The app password works, typed with Gmail's spaces or without.
    let plain = sasl::plain_encode("", "sam@maillab.test", "abcd efgh ijkl mnop");
    let (r, out) = send(smtp.as_mut(), &format!("AUTH PLAIN {plain}\r\n"));
    assert!(r.starts_with("235 2.7.0"), "{r}");
    assert!(!out.auth_failed);

    let mut imap = open(&st, Protocol::Imap, ServerConfig::default());
    let (r, out) = send(imap.as_mut(), "a1 LOGIN sam sam1234@\r\n");
    assert!(
        r.starts_with("a1 NO [AUTHENTICATIONFAILED] Application-specific password required"),
        "{r}"
    );
    assert!(out.auth_failed);
    let r = line(imap.as_mut(), "a2 LOGIN sam abcdefghijklmnop");
    assert!(r.starts_with("a2 OK"), "{r}");

    let mut pop = open(&st, Protocol::Pop3, ServerConfig::default());
    line(pop.as_mut(), "USER sam");
    let (r, out) = send(pop.as_mut(), "PASS sam1234@\r\n");
    assert!(
        r.starts_with("-ERR [AUTH] Application-specific password required"),
        "{r}"
    );
    assert!(out.auth_failed);
    line(pop.as_mut(), "USER sam");
    let r = line(pop.as_mut(), "PASS abcd efgh ijkl mnop");
    assert!(r.starts_with("+OK sam has 0 messages"), "{r}");
}

#[test]
fn failed_logins_are_flagged_and_end_the_session_after_a_few() {
    let st = store();
    // SMTP: five failed AUTHs, then 421.
    let mut smtp = open(&st, Protocol::Smtp, ServerConfig::default());
    line(smtp.as_mut(), "EHLO pc");
    let bad = sasl::plain_encode("", "alex", "wrong");
    for n in 1..=5 {
        let (r, out) = send(smtp.as_mut(), &format!("AUTH PLAIN {bad}\r\n"));
        assert!(out.auth_failed, "attempt {n}: {r}");
        assert!(r.starts_with("535 5.7.8"), "attempt {n}: {r}");
        assert_eq!(out.close, n == 5, "attempt {n}: {r}");
        if n == 5 {
            assert!(r.contains("\r\n421 4.7.0 "), "{r}");
        }
    }
    // POP3: five failed PASS, then -ERR and close.
    let mut pop = open(&st, Protocol::Pop3, ServerConfig::default());
    for n in 1..=5 {
        line(pop.as_mut(), "USER alex");
        let (r, out) = send(pop.as_mut(), "PASS wrong\r\n");
        assert!(out.auth_failed && r.starts_with("-ERR [AUTH]"), "{r}");
        assert_eq!(out.close, n == 5, "attempt {n}: {r}");
    }
    // Successful logins and other errors are not flagged.
    let mut imap = open(&st, Protocol::Imap, ServerConfig::default());
    let (_, out) = send(imap.as_mut(), "a1 NOOP\r\na2 LOGIN alex drums\r\n");
    assert!(!out.auth_failed);
    let mut imap = open(&st, Protocol::Imap, ServerConfig::default());
    let (r, out) = send(imap.as_mut(), "a1 AUTHENTICATE PLAIN\r\n*\r\n");
    assert!(r.contains("a1 BAD"), "{r}");
    assert!(!out.auth_failed, "a cancelled exchange is no failed login");
    let (_, out) = send(imap.as_mut(), "a2 LOGIN alex drumz\r\n");
    assert!(out.auth_failed);
}

// ---------------------------------------------------------------- states

#[test]
fn wrong_state_replies_teach_what_comes_first() {
    let st = store();
    let mut s = open(&st, Protocol::Smtp, ServerConfig::default());
    let r = line(s.as_mut(), "RCPT TO:<alex@maillab.test>");
    assert!(
        r.starts_with("503 5.5.1 Say EHLO (or HELO) first: RCPT"),
        "{r}"
    );
    let r = line(
        s.as_mut(),
        "EHLO pc\r\nMAIL FROM:<a@maillab.test>\r\nSTARTTLS",
    );
    assert!(
        r.ends_with("503 5.5.1 STARTTLS is not allowed during a mail transaction; RSET first, then STARTTLS (RFC 5321 section 4.1.4)\r\n"),
        "{r}"
    );
    let r = line(s.as_mut(), "AUTH PLAIN");
    assert!(
        r.starts_with("503 5.5.1 AUTH is not allowed during a mail"),
        "{r}"
    );
    let r = line(s.as_mut(), "BDAT 3 LAST\r\nabc");
    assert!(
        r.starts_with("503 5.5.1 BDAT needs at least one accepted RCPT TO"),
        "{r}"
    );
    // The chunk was skipped, so the session still reads commands.
    let r = line(s.as_mut(), "NOOP");
    assert!(r.starts_with("250"), "{r}");

    let mut p = open(&st, Protocol::Pop3, ServerConfig::default());
    let r = line(p.as_mut(), "RETR 1");
    assert!(r.starts_with("-ERR RETR is only valid after login"), "{r}");
    line(p.as_mut(), "USER alex");
    line(p.as_mut(), "PASS drums");
    let r = line(p.as_mut(), "STLS");
    assert!(
        r.starts_with("-ERR STLS is only allowed before login"),
        "{r}"
    );
    let r = line(p.as_mut(), "APOP alex 0123456789abcdef0123456789abcdef");
    assert!(r.starts_with("-ERR Already logged in as alex: APOP"), "{r}");
    let r = line(p.as_mut(), "NOOP");
    assert!(r.starts_with("+OK"), "{r}");
}

// ---------------------------------------------------------------- relaying and senders

#[test]
fn port_25_takes_local_mail_only_and_relays_for_no_one() {
    let st = store();
    st.write(|i| i.domains.push("class.example".into()));
    let mut s = open(&st, Protocol::Smtp, ServerConfig::default());
    let r = line(
        s.as_mut(),
        "EHLO pc\r\nMAIL FROM:<bob@gmail.com>\r\nRCPT TO:<bob@gmail.com>",
    );
    assert!(
        r.ends_with("554 5.7.1 <bob@gmail.com>: Relay access denied: this port takes mail for maillab.test, localhost, class.example only; to send elsewhere, log in with AUTH on the submission port (587) or SMTPS (465) (RFC 6409)\r\n"),
        "{r}"
    );
    for local in [
        "alex@maillab.test",
        "riley@localhost",
        "sam@class.example",
        "postmaster",
    ] {
        let r = line(s.as_mut(), &format!("RCPT TO:<{local}>"));
        assert!(r.starts_with("250 2.1.5"), "{local}: {r}");
    }
    assert_eq!(st.read(|i| i.relayed.len()), 0);
    // After AUTH the same session may relay (to the sink, never outward).
    let mut s = open(&st, Protocol::Smtp, ServerConfig::default());
    let plain = sasl::plain_encode("", "alex", "drums");
    let r = line(
        s.as_mut(),
        &format!(
            "EHLO pc\r\nAUTH PLAIN {plain}\r\nMAIL FROM:<alex@maillab.test>\r\nRCPT TO:<bob@gmail.com>\r\nDATA\r\nSubject: hi\r\n\r\nhello\r\n."
        ),
    );
    assert!(r.contains("kept in the relayed sink"), "{r}");
    assert_eq!(st.read(|i| i.relayed.len()), 1);
}

#[test]
fn an_authenticated_sender_must_use_its_own_address() {
    let st = store();
    let mut s = open(&st, Protocol::Smtp, submission());
    let plain = sasl::plain_encode("", "alex", "drums");
    line(s.as_mut(), &format!("EHLO pc\r\nAUTH PLAIN {plain}"));
    let r = line(s.as_mut(), "MAIL FROM:<riley@maillab.test>");
    assert!(
        r.starts_with(
            "553 5.7.1 <riley@maillab.test>: Sender address rejected: not owned by user alex;"
        ),
        "{r}"
    );
    assert!(r.contains("like <alex@maillab.test>"), "{r}");
    let r = line(s.as_mut(), "MAIL FROM:<president@gov.example>");
    assert!(r.starts_with("553 5.7.1"), "{r}");
    for own in ["alex@maillab.test", "Alex@localhost", ""] {
        let r = line(s.as_mut(), &format!("MAIL FROM:<{own}>\r\nRSET"));
        assert!(r.starts_with("250 2.1.0"), "{own}: {r}");
    }
}

// ---------------------------------------------------------------- quotas

fn small_limits(user_quota: u64, sink: u64, total: u64) -> ServerConfig {
    ServerConfig {
        limits: Limits {
            user_quota,
            sink,
            total,
        },
        ..ServerConfig::default()
    }
}

/// A message of about `size` octets in lines of 100, ending with the lone dot (the
/// caller adds its CRLF).
fn message(size: usize) -> String {
    let line = format!("{}\r\n", "x".repeat(98));
    format!("Subject: big\r\n\r\n{}.", line.repeat(size / 100))
}

#[test]
fn user_quota_refuses_at_rcpt_when_full_and_at_the_end_of_data() {
    let st = store();
    let used = st.read(|i| i.user_bytes("riley"));
    let config = small_limits(used + 3000, 1 << 20, 1 << 30);
    let mut s = open(&st, Protocol::Smtp, config.clone());
    line(s.as_mut(), "EHLO pc");
    // Too big for what is left: refused at the end of DATA, nothing stored.
    let r = line(
        s.as_mut(),
        &format!(
            "MAIL FROM:<>\r\nRCPT TO:<riley@maillab.test>\r\nDATA\r\n{}",
            message(4000)
        ),
    );
    assert!(
        r.contains("\r\n552 5.2.2 Message refused: riley would hold more than the quota of "),
        "{r}"
    );
    assert_eq!(st.read(|i| i.user_bytes("riley")), used);
    // A message that fits is delivered; then riley is over, and RCPT says so.
    let r = line(
        s.as_mut(),
        &format!(
            "MAIL FROM:<>\r\nRCPT TO:<riley@maillab.test>\r\nDATA\r\n{}",
            message(2000)
        ),
    );
    assert!(r.contains("250 2.0.0"), "{r}");
    // Fill riley up past the quota (as a quota lowered by the teacher would).
    st.write(|i| {
        let mb = i.user_mut("riley").unwrap().inbox_mut();
        let date = chrono::DateTime::parse_from_rfc2822("Sun, 22 Nov 2026 10:00:00 +0000").unwrap();
        mb.push(maillab::store::Message::new(
            vec![b'x'; 4000],
            maillab::store::Flags::new(),
            date,
        ));
    });
    let r = line(s.as_mut(), "MAIL FROM:<>\r\nRCPT TO:<riley@maillab.test>");
    assert!(
        r.contains(
            "\r\n452 4.2.2 <riley@maillab.test>: Mailbox full: riley holds more than the quota of "
        ),
        "{r}"
    );
    // Others still get mail.
    let r = line(s.as_mut(), "RCPT TO:<alex@maillab.test>");
    assert!(r.starts_with("250 2.1.5"), "{r}");

    // IMAP: APPEND and COPY answer NO [OVERQUOTA]; MOVE within the account frees
    // what it adds, but riley is already over, so it is refused too.
    let mut imap = open(&st, Protocol::Imap, config);
    line(imap.as_mut(), "a1 LOGIN riley firefly");
    let r = line(imap.as_mut(), "a2 APPEND Drafts {5+}\r\nhello");
    assert!(
        r.starts_with("a2 NO [OVERQUOTA] riley would hold more"),
        "{r}"
    );
    line(imap.as_mut(), "a3 SELECT INBOX");
    let r = line(imap.as_mut(), "a4 COPY 1 Trash");
    assert!(r.starts_with("a4 NO [OVERQUOTA]"), "{r}");
    let r = line(imap.as_mut(), "a5 MOVE 1 Trash");
    assert!(r.contains("a5 NO [OVERQUOTA]"), "{r}");
    // Deleting mail makes room again.
    line(imap.as_mut(), "a6 STORE 1:* +FLAGS.SILENT (\\Deleted)");
    line(imap.as_mut(), "a7 EXPUNGE");
    let r = line(imap.as_mut(), "a8 APPEND Drafts {5+}\r\nhello");
    assert!(r.starts_with("a8 OK [APPENDUID"), "{r}");
}

#[test]
fn imap_move_within_the_account_needs_no_extra_room() {
    let st = store();
    let used = st.read(|i| i.user_bytes("alex"));
    let mut imap = open(&st, Protocol::Imap, small_limits(used, 1 << 20, 1 << 30));
    line(imap.as_mut(), "a1 LOGIN alex drums");
    line(imap.as_mut(), "a2 SELECT newbox");
    let r = line(imap.as_mut(), "a3 COPY 1 Trash");
    assert!(r.starts_with("a3 NO [OVERQUOTA]"), "{r}");
    let r = line(imap.as_mut(), "a4 MOVE 1 Trash");
    assert!(r.contains("a4 OK"), "{r}");
}

#[test]
fn the_relayed_sink_and_the_store_budget_are_bounded() {
    let st = store();
    let plain = sasl::plain_encode("", "alex", "drums");
    let config = small_limits(1 << 30, 5000, 1 << 30);
    let mut s = open(&st, Protocol::Smtp, config);
    line(s.as_mut(), &format!("EHLO pc\r\nAUTH PLAIN {plain}"));
    let relay = |s: &mut dyn Session, size: usize| {
        line(
            s,
            &format!(
                "MAIL FROM:<alex@maillab.test>\r\nRCPT TO:<bob@gmail.com>\r\nDATA\r\n{}",
                message(size)
            ),
        )
    };
    let r = relay(s.as_mut(), 3000);
    assert!(r.contains("250 2.0.0"), "{r}");
    // The next one would overflow the sink: refused whole, the first one kept.
    let r = relay(s.as_mut(), 3000);
    assert!(
        r.contains("452 4.3.1 The relayed-mail sink is full (5000 octets)"),
        "{r}"
    );
    assert_eq!(st.read(|i| i.relayed.len()), 1);
    // A sink that is full refuses at RCPT already.
    let full = st.read(|i| i.sink_bytes());
    let mut s = open(&st, Protocol::Smtp, small_limits(1 << 30, full, 1 << 30));
    line(s.as_mut(), &format!("EHLO pc\r\nAUTH PLAIN {plain}"));
    let r = line(
        s.as_mut(),
        "MAIL FROM:<alex@maillab.test>\r\nRCPT TO:<bob@gmail.com>",
    );
    assert!(r.ends_with(" octets): this lab server keeps mail for other domains and cannot take more now; nothing was stored\r\n"), "{r}");
    assert!(r.contains("452 4.3.1 The relayed-mail sink is full"), "{r}");
    assert_eq!(
        st.read(|i| i.relayed.len()),
        1,
        "nothing accepted was dropped"
    );

    // The whole store's budget.
    let st = store();
    let total = st.read(|i| i.usage().total());
    let mut s = open(
        &st,
        Protocol::Smtp,
        small_limits(1 << 30, 1 << 30, total + 100),
    );
    let r = line(
        s.as_mut(),
        &format!(
            "EHLO pc\r\nMAIL FROM:<>\r\nRCPT TO:<alex@maillab.test>\r\nDATA\r\n{}",
            message(500)
        ),
    );
    assert!(
        r.contains("452 4.3.1 The lab server's store is full"),
        "{r}"
    );
    assert_eq!(st.read(|i| i.usage().total()), total);
}

// ---------------------------------------------------------------- texts

/// Every teaching text a server names by id exists in the English table, so no reply
/// ever shows a bare id.
#[test]
fn every_server_text_id_is_in_the_language_table() {
    use maillab::protocol::text::english;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/server");
    let mut files = vec![root];
    let mut ids = Vec::new();
    while let Some(p) = files.pop() {
        if p.is_dir() {
            files.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        for (i, _) in text.match_indices("say(") {
            let rest = text[i + 4..].trim_start();
            if let Some(lit) = rest.strip_prefix('"') {
                let id = &lit[..lit.find('"').unwrap()];
                ids.push((p.display().to_string(), id.to_string()));
            }
        }
    }
    // Built with format!: the SMTP wrong-state reasons.
    for id in [
        "greet_first",
        "needs_mail",
        "needs_mail_rcpt",
        "needs_rcpt",
        "nested_mail",
        "in_transaction",
        "other",
    ] {
        ids.push(("smtp/mod.rs".into(), format!("server.smtp.state.{id}")));
    }
    assert!(ids.len() > 20, "found only {ids:?}");
    let missing: Vec<_> = ids
        .iter()
        .filter(|(_, id)| !english().contains(id))
        .collect();
    assert!(
        missing.is_empty(),
        "ids missing from the table: {missing:?}"
    );
}
