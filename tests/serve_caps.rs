//! `maillab serve --imap-caps/--smtp-caps/--pop3-caps` as Python's imaplib, smtplib and
//! poplib meet it (`tests/clients/lab_caps.py`): each switched-off capability is gone
//! from the list and its command gets the reply of a server without it; without the
//! switches the same script sees them work.
//!
//! With `CI=true` a missing python3 fails the test; elsewhere it is skipped.

mod common;
use common::bin::Lab;
use common::peers::have;

use std::collections::BTreeMap;

fn caps(extra: &[&str]) -> BTreeMap<String, String> {
    let lab = Lab::start_with(&["smtp", "imaps", "pop3"], extra);
    lab.python_checks("lab_caps.py", &[])
}

fn words(s: &str) -> Vec<&str> {
    s.split(' ').collect()
}

#[test]
fn each_switch_removes_the_capability_and_its_behaviour() {
    if !have("python3") {
        return;
    }
    let on = caps(&[]);
    let off = caps(&[
        "--imap-caps",
        "-IDLE,-MOVE",
        "--smtp-caps",
        "-STARTTLS",
        "--pop3-caps",
        "-UIDL",
    ]);
    let get = |m: &BTreeMap<String, String>, k: &str| {
        m.get(k)
            .cloned()
            .unwrap_or_else(|| panic!("no {k} in {m:?}"))
    };
    // IMAP: listed and served when on; neither when off.
    for cap in ["IDLE", "MOVE"] {
        assert!(words(&get(&on, "imap-caps")).contains(&cap), "{on:?}");
        assert!(!words(&get(&off, "imap-caps")).contains(&cap), "{off:?}");
    }
    assert!(
        words(&get(&off, "imap-caps")).contains(&"UIDPLUS"),
        "{off:?}"
    );
    assert!(get(&on, "imap-move").starts_with("OK"), "{on:?}");
    let moved = get(&off, "imap-move");
    assert!(
        moved.starts_with("error") && moved.contains("BAD"),
        "{moved}"
    );
    assert!(get(&on, "imap-idle").starts_with('+'), "{on:?}");
    assert!(get(&off, "imap-idle").starts_with("i1 BAD"), "{off:?}");
    // SMTP: STARTTLS gone from EHLO, the verb 502, the library refuses to upgrade.
    assert!(
        words(&get(&on, "smtp-ehlo")).contains(&"starttls"),
        "{on:?}"
    );
    assert!(
        !words(&get(&off, "smtp-ehlo")).contains(&"starttls"),
        "{off:?}"
    );
    assert!(
        words(&get(&off, "smtp-ehlo")).contains(&"pipelining"),
        "{off:?}"
    );
    assert!(
        get(&off, "smtp-starttls").starts_with("502 5.5.1"),
        "{off:?}"
    );
    assert_eq!(get(&on, "smtp-starttls-lib"), "upgraded");
    assert_eq!(get(&off, "smtp-starttls-lib"), "not supported");
    assert!(get(&on, "smtp-starttls").starts_with("220"), "{on:?}");
    // POP3: UIDL gone from CAPA and answered -ERR.
    assert!(words(&get(&on, "pop3-capa")).contains(&"UIDL"), "{on:?}");
    assert!(!words(&get(&off, "pop3-capa")).contains(&"UIDL"), "{off:?}");
    assert!(words(&get(&off, "pop3-capa")).contains(&"TOP"), "{off:?}");
    assert!(get(&on, "pop3-uidl").starts_with("+OK"), "{on:?}");
    let uidl = get(&off, "pop3-uidl");
    assert!(uidl.starts_with("error") && uidl.contains("-ERR"), "{uidl}");
}
