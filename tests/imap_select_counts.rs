//! SELECT, EXAMINE and STATUS counts (EXISTS, RECENT, UNSEEN) stay right while other
//! sessions change flags, deliver and claim messages: the mailbox keeps these counts
//! between commands, so every change must show up in the next answer.

use std::sync::Arc;

use chrono::DateTime;
use maillab::server::imap::ImapSession;
use maillab::server::{ServerConfig, Session};
use maillab::store::{Flags, Message, Store};

fn msg(subject: &str, owner: Option<u64>) -> Message {
    let raw = format!(
        "From: Riley <riley@maillab.test>\r\nTo: alex@maillab.test\r\nSubject: {subject}\r\nDate: Mon, 7 Feb 1994 21:52:25 -0800\r\n\r\nbody\r\n"
    );
    let date = DateTime::parse_from_rfc2822("Mon, 7 Feb 1994 21:52:25 -0800").unwrap();
    let mut m = Message::new(raw.into_bytes(), Flags::new(), date);
    m.recent_owner = owner;
    m
}

/// alex/drums with `box` holding six messages an earlier session has already seen.
fn store() -> Arc<Store> {
    let s = Store::new();
    s.add_user("alex", "drums");
    s.write(|i| i.create_mailbox("alex", "box")).unwrap();
    for n in 1..=6 {
        s.append("alex", "box", msg(&format!("m{n}"), Some(0)))
            .unwrap();
    }
    Arc::new(s)
}

fn login(store: &Arc<Store>) -> ImapSession {
    let mut s = ImapSession::new(store.clone(), ServerConfig::default());
    s.greeting();
    let r = tx(&mut s, "a0 LOGIN alex drums");
    assert!(r.starts_with("a0 OK"), "{r}");
    s
}

fn tx(s: &mut ImapSession, line: &str) -> String {
    String::from_utf8_lossy(&s.receive(format!("{line}\r\n").as_bytes()).bytes).into_owned()
}

#[test]
fn unseen_follows_flag_changes_from_any_session() {
    let store = store();
    let mut a = login(&store);
    let r = tx(&mut a, "a1 SELECT box");
    assert!(r.starts_with("* 6 EXISTS\r\n* 0 RECENT\r\n"), "{r}");
    assert!(r.contains("* OK [UNSEEN 1] "), "{r}");
    tx(&mut a, "a2 STORE 1:2 +FLAGS.SILENT (\\Seen)");

    let mut b = login(&store);
    let r = tx(&mut b, "b1 EXAMINE box");
    assert!(r.contains("* OK [UNSEEN 3] "), "{r}");
    let r = tx(&mut b, "b2 STATUS box (MESSAGES UNSEEN RECENT)");
    assert!(
        r.starts_with("* STATUS box (MESSAGES 6 UNSEEN 4 RECENT 0)\r\n"),
        "{r}"
    );

    tx(&mut a, "a3 STORE 1:* +FLAGS.SILENT (\\Seen)");
    let r = tx(&mut b, "b3 EXAMINE box");
    assert!(!r.contains("[UNSEEN"), "every message is seen: {r}");
    tx(&mut a, "a4 STORE 5 -FLAGS.SILENT (\\Seen)");
    let r = tx(&mut b, "b4 EXAMINE box");
    assert!(r.contains("* OK [UNSEEN 5] "), "{r}");

    // Expunging shifts sequence numbers: message 5 becomes 4.
    tx(&mut a, "a5 STORE 1 +FLAGS.SILENT (\\Deleted)");
    tx(&mut a, "a6 EXPUNGE");
    let r = tx(&mut b, "b5 EXAMINE box");
    assert!(r.starts_with("* 5 EXISTS\r\n"), "{r}");
    assert!(r.contains("* OK [UNSEEN 4] "), "{r}");
}

#[test]
fn recent_goes_to_the_first_session_that_selects() {
    let store = store();
    store.append("alex", "box", msg("new", None)).unwrap();

    let mut watcher = login(&store);
    let r = tx(&mut watcher, "w1 EXAMINE box");
    assert!(r.starts_with("* 7 EXISTS\r\n* 1 RECENT\r\n"), "{r}");
    let r = tx(&mut watcher, "w2 STATUS box (RECENT)");
    assert!(
        r.starts_with("* STATUS box (RECENT 1)\r\n"),
        "EXAMINE claims nothing: {r}"
    );

    let mut first = login(&store);
    let r = tx(&mut first, "f1 SELECT box");
    assert!(r.starts_with("* 7 EXISTS\r\n* 1 RECENT\r\n"), "{r}");
    let r = tx(&mut first, "f2 FETCH 7 FLAGS");
    assert!(r.starts_with("* 7 FETCH (FLAGS (\\Recent))\r\n"), "{r}");

    let mut second = login(&store);
    let r = tx(&mut second, "s1 SELECT box");
    assert!(r.starts_with("* 7 EXISTS\r\n* 0 RECENT\r\n"), "{r}");
    let r = tx(&mut second, "s2 STATUS box (RECENT)");
    assert!(r.starts_with("* STATUS box (RECENT 0)\r\n"), "{r}");

    // The owner keeps its \Recent when it opens the mailbox again, read-only or not.
    let r = tx(&mut first, "f3 EXAMINE box");
    assert!(r.starts_with("* 7 EXISTS\r\n* 1 RECENT\r\n"), "{r}");
    let r = tx(&mut first, "f4 SELECT box");
    assert!(r.starts_with("* 7 EXISTS\r\n* 1 RECENT\r\n"), "{r}");

    // A message delivered while a session has the mailbox open is claimed by it.
    store.append("alex", "box", msg("newer", None)).unwrap();
    let r = tx(&mut watcher, "w3 STATUS box (RECENT)");
    assert!(r.starts_with("* STATUS box (RECENT 1)\r\n"), "{r}");
    let r = tx(&mut first, "f5 NOOP");
    assert!(r.starts_with("* 8 EXISTS\r\n* 2 RECENT\r\n"), "{r}");
    let r = tx(&mut watcher, "w4 STATUS box (RECENT)");
    assert!(
        r.contains("* STATUS box (RECENT 0)\r\n"),
        "claimed on NOOP: {r}"
    );
    let mut third = login(&store);
    let r = tx(&mut third, "t1 SELECT box");
    assert!(r.starts_with("* 8 EXISTS\r\n* 0 RECENT\r\n"), "{r}");
    let r = tx(&mut third, "t2 STATUS box (RECENT MESSAGES)");
    assert!(
        r.starts_with("* STATUS box (RECENT 0 MESSAGES 8)\r\n"),
        "{r}"
    );
}
