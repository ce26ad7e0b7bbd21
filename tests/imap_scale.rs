//! A large mailbox: commands over every message stay linear (a quadratic step would
//! make this test take minutes), per-session state stays small, and the replies are
//! right at the edges of the sequence and UID ranges.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::DateTime;
use maillab::server::imap::ImapSession;
use maillab::server::{ServerConfig, Session};
use maillab::store::{Flags, Message, Store};

const N: u32 = 20_000;

fn big_store() -> Arc<Store> {
    let s = Store::new();
    s.add_user("alex", "drums");
    let date = DateTime::parse_from_rfc2822("Mon, 7 Feb 1994 21:52:25 -0800").unwrap();
    s.write(|i| {
        let mb = i.user_mut("alex").unwrap().inbox_mut();
        for n in 1..=N {
            let raw = format!(
                "From: sender{n}@maillab.test\r\nSubject: message {n}\r\n\r\nbody {n} {}\r\n",
                if n % 1000 == 0 { "needle" } else { "hay" }
            );
            let mut m = Message::new(raw.into_bytes(), Flags::new(), date);
            m.recent_owner = Some(0);
            mb.push(m);
        }
    });
    Arc::new(s)
}

fn tx(s: &mut ImapSession, line: &str) -> String {
    String::from_utf8_lossy(&s.receive(format!("{line}\r\n").as_bytes()).bytes).into_owned()
}

#[test]
fn whole_mailbox_commands_stay_linear() {
    let store = big_store();
    let mut a = ImapSession::new(store.clone(), ServerConfig::default());
    let mut b = ImapSession::new(store.clone(), ServerConfig::default());
    a.greeting();
    b.greeting();
    tx(&mut a, "a LOGIN alex drums");
    tx(&mut b, "b LOGIN alex drums");
    let started = Instant::now();
    let r = tx(&mut a, "a1 SELECT INBOX");
    assert!(r.contains(&format!("* {N} EXISTS\r\n")), "{r}");
    tx(&mut b, "b1 SELECT INBOX");

    let r = tx(&mut a, "a2 UID FETCH 1:* (FLAGS)");
    assert_eq!(r.matches(" FETCH (UID ").count(), N as usize);
    assert!(r.contains(&format!("* {N} FETCH (UID {N} FLAGS ())\r\n")));

    let r = tx(&mut a, "a3 SEARCH TEXT needle");
    let want: Vec<String> = (1..=N / 1000).map(|k| (k * 1000).to_string()).collect();
    assert!(
        r.starts_with(&format!("* SEARCH {}\r\n", want.join(" "))),
        "{r}"
    );

    // Another session deletes every other message; this one hears every EXPUNGE.
    tx(&mut b, "b2 STORE 1:* +FLAGS.SILENT (\\Deleted)");
    tx(&mut b, "b3 STORE 2:* -FLAGS.SILENT (\\Deleted)");
    let mut set = String::new();
    for n in (1..=N).step_by(2) {
        if !set.is_empty() {
            set.push(',');
        }
        set.push_str(&n.to_string());
    }
    let r = tx(&mut b, &format!("b4 STORE {set} +FLAGS.SILENT (\\Deleted)"));
    assert!(
        r.ends_with("b4 OK STORE completed\r\n"),
        "{}",
        &r[r.len().saturating_sub(200)..]
    );
    let r = tx(&mut b, "b5 EXPUNGE");
    assert_eq!(r.matches(" EXPUNGE\r\n").count(), (N / 2) as usize);
    let r = tx(&mut a, "a4 NOOP");
    assert_eq!(r.matches(" EXPUNGE\r\n").count(), (N / 2) as usize);
    assert!(r.ends_with("a4 OK NOOP completed\r\n"));
    let r = tx(&mut a, &format!("a5 FETCH {} UID", N / 2));
    assert_eq!(
        r,
        format!("* {} FETCH (UID {N})\r\na5 OK FETCH completed\r\n", N / 2)
    );
    let r = tx(&mut a, "a6 UID FETCH 3:6 UID");
    assert_eq!(
        r,
        "* 2 FETCH (UID 4)\r\n* 3 FETCH (UID 6)\r\na6 OK UID FETCH completed\r\n"
    );
    // Generous even for an unoptimized build on a busy machine; quadratic work on
    // 20,000 messages would take far longer.
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "took {:?}",
        started.elapsed()
    );
}
