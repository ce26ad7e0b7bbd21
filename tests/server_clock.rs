//! Sessions read the time from `ServerConfig::clock`, never from the system clock:
//! with a fixed clock, INTERNALDATE, `Received:` and the APOP timestamp are the same
//! on every run.

use std::sync::Arc;

use chrono::DateTime;
use maillab::protocol::Protocol;
use maillab::server::{new_session, Clock, ServerConfig, Session};
use maillab::store::{SharedStore, Store};

const AT: &str = "Tue, 1 Dec 2026 09:30:00 +0200";

fn store() -> SharedStore {
    let s = Store::new();
    s.add_user("alex", "drums");
    Arc::new(s)
}

fn config() -> ServerConfig {
    ServerConfig {
        clock: Clock::fixed(DateTime::parse_from_rfc2822(AT).unwrap()),
        ..ServerConfig::default()
    }
}

fn send(s: &mut dyn Session, text: &str) -> String {
    String::from_utf8_lossy(&s.receive(text.as_bytes()).bytes).into_owned()
}

#[test]
fn imap_append_without_a_date_takes_the_clocks() {
    let st = store();
    let mut s = new_session(Protocol::Imap, st, config());
    s.greeting();
    send(s.as_mut(), "a1 LOGIN alex drums\r\n");
    let r = send(s.as_mut(), "a2 APPEND INBOX {9}\r\n");
    assert!(r.starts_with('+'), "{r}");
    let r = send(s.as_mut(), "Subject:\r\n\r\n");
    assert!(r.contains("a2 OK"), "{r}");
    send(s.as_mut(), "a3 SELECT INBOX\r\n");
    let r = send(s.as_mut(), "a4 FETCH 1 INTERNALDATE\r\n");
    assert!(
        r.contains("INTERNALDATE \"01-Dec-2026 09:30:00 +0200\""),
        "{r}"
    );
}

#[test]
fn smtp_received_header_takes_the_clocks() {
    let st = store();
    let mut s = new_session(Protocol::Smtp, st.clone(), config());
    s.greeting();
    let r = send(
        s.as_mut(),
        "EHLO pc\r\nMAIL FROM:<x@maillab.test>\r\nRCPT TO:<alex@maillab.test>\r\nDATA\r\nSubject: t\r\n\r\nhi\r\n.\r\n",
    );
    assert!(r.contains("250 2.0.0"), "{r}");
    let raw = st.read(|i| {
        i.user("alex").unwrap().mailbox("INBOX").unwrap().messages[0]
            .raw
            .clone()
    });
    let text = String::from_utf8_lossy(&raw);
    assert!(
        text.contains(";\r\n\tTue, 1 Dec 2026 09:30:00 +0200\r\n"),
        "{text}"
    );
}

#[test]
fn pop3_apop_timestamp_takes_the_clocks() {
    let st = store();
    let mut s = new_session(Protocol::Pop3, st, config());
    let g = String::from_utf8(s.greeting().bytes).unwrap();
    let unix = DateTime::parse_from_rfc2822(AT).unwrap().timestamp();
    assert!(g.contains(&format!(".{unix}@maillab.test>")), "{g}");
}
