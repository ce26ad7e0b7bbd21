//! Every server session reports its state (`Session::state`) as the shared
//! `protocol::follow::State`, after every command of a conversation typed at it.

use std::sync::Arc;

use maillab::protocol::follow::{ImapState, Pop3State, SmtpState, State};
use maillab::protocol::Protocol;
use maillab::server::{new_session, ServerConfig, Session};
use maillab::store::{Flags, Message, SharedStore, Store};

fn store() -> SharedStore {
    let s = Store::new();
    s.add_user("alex", "drums");
    s.add_user("riley", "firefly");
    let date = chrono::DateTime::parse_from_rfc2822("Sun, 22 Nov 2026 10:00:00 +0000").unwrap();
    s.append(
        "alex",
        "INBOX",
        Message::new(&b"Subject: hi\r\n\r\nbody\r\n"[..], Flags::new(), date),
    )
    .unwrap();
    Arc::new(s)
}

/// Sends each line and checks the state after its reply, and that the reply starts as
/// expected (so a state is never checked after a refused command by accident).
fn walk(session: &mut dyn Session, steps: &[(&str, &str, State)]) {
    for (line, reply, want) in steps {
        let out = session.receive(format!("{line}\r\n").as_bytes());
        let text = String::from_utf8_lossy(&out.bytes);
        assert!(text.starts_with(reply), "{line:?} answered {text:?}");
        assert_eq!(session.state(), *want, "after {line:?} ({text:?})");
    }
}

#[test]
fn smtp_states_follow_the_transaction() {
    let st = store();
    let mut s = new_session(Protocol::Smtp, st, ServerConfig::default());
    s.greeting();
    let c = |x| State::Smtp(x);
    assert_eq!(s.state(), c(SmtpState::Connected));
    walk(
        s.as_mut(),
        &[
            ("RSET", "250", c(SmtpState::Connected)),
            ("MAIL FROM:<a@maillab.test>", "503", c(SmtpState::Connected)),
            ("EHLO pc", "250", c(SmtpState::Greeted)),
            ("MAIL FROM:<a@maillab.test>", "250", c(SmtpState::Mail)),
            ("RCPT TO:<nobody@maillab.test>", "550", c(SmtpState::Mail)),
            ("RCPT TO:<alex@maillab.test>", "250", c(SmtpState::Rcpt)),
            ("DATA", "354", c(SmtpState::Data)),
            ("Subject: x", "", c(SmtpState::Data)),
            (".", "250", c(SmtpState::Greeted)),
            ("MAIL FROM:<a@maillab.test>", "250", c(SmtpState::Mail)),
            ("RSET", "250", c(SmtpState::Greeted)),
            ("QUIT", "221", c(SmtpState::Closed)),
        ],
    );
}

#[test]
fn smtp_starttls_forgets_the_greeting() {
    let st = store();
    let config = ServerConfig {
        tls_available: true,
        ..ServerConfig::default()
    };
    let mut s = new_session(Protocol::Smtp, st, config);
    s.greeting();
    walk(
        s.as_mut(),
        &[
            ("EHLO pc", "250", State::Smtp(SmtpState::Greeted)),
            ("STARTTLS", "220", State::Smtp(SmtpState::Connected)),
        ],
    );
    s.tls_started();
    assert_eq!(s.state(), State::Smtp(SmtpState::Connected));
}

#[test]
fn pop3_states_from_authorization_to_update() {
    let st = store();
    let mut s = new_session(Protocol::Pop3, st, ServerConfig::default());
    s.greeting();
    let p = |x| State::Pop3(x);
    assert_eq!(s.state(), p(Pop3State::Authorization));
    walk(
        s.as_mut(),
        &[
            ("STAT", "-ERR", p(Pop3State::Authorization)),
            ("USER alex", "+OK", p(Pop3State::Authorization)),
            ("PASS wrong", "-ERR", p(Pop3State::Authorization)),
            ("USER alex", "+OK", p(Pop3State::Authorization)),
            ("PASS drums", "+OK", p(Pop3State::Transaction)),
            ("DELE 1", "+OK", p(Pop3State::Transaction)),
            ("QUIT", "+OK", p(Pop3State::Update)),
        ],
    );
}

#[test]
fn pop3_quit_before_login_is_no_update() {
    let st = store();
    let mut s = new_session(Protocol::Pop3, st, ServerConfig::default());
    s.greeting();
    walk(
        s.as_mut(),
        &[("QUIT", "+OK", State::Pop3(Pop3State::Authorization))],
    );
}

#[test]
fn imap_states_follow_login_select_and_logout() {
    let st = store();
    let mut s = new_session(Protocol::Imap, st, ServerConfig::default());
    s.greeting();
    let i = |x| State::Imap(x);
    assert_eq!(s.state(), i(ImapState::NotAuthenticated));
    walk(
        s.as_mut(),
        &[
            ("a1 SELECT INBOX", "a1 BAD", i(ImapState::NotAuthenticated)),
            ("a2 LOGIN alex drums", "a2 OK", i(ImapState::Authenticated)),
            ("a3 SELECT INBOX", "* ", i(ImapState::Selected)),
            // A SELECT without its argument is a BAD and keeps the mailbox open.
            ("a4 SELECT", "a4 BAD", i(ImapState::Selected)),
            // A failed SELECT of another mailbox leaves none selected (RFC 3501 §6.3.1).
            ("a5 SELECT nosuch", "a5 NO", i(ImapState::Authenticated)),
            ("a6 EXAMINE INBOX", "* ", i(ImapState::Selected)),
            ("a7 CLOSE", "a7 OK", i(ImapState::Authenticated)),
            ("a8 LOGOUT", "* BYE", i(ImapState::Logout)),
        ],
    );
}
