//! The lab server's rules met by Python's smtplib, imaplib and poplib through
//! `maillab serve` (`tests/clients/lab_rules.py`): note 003's Gmail 534, the login
//! forms, no open relay on port 25, sender ownership and the per-user quota.
//!
//! With `CI=true` a missing python3 fails the test; elsewhere it is skipped.

mod common;
use common::bin::{Lab, LISTENERS};
use common::peers::have;

use std::collections::BTreeMap;

/// Runs lab_rules.py against `lab`; returns each check's reported line.
fn rules(lab: &Lab, mode: &[&str]) -> BTreeMap<String, String> {
    lab.python_checks("lab_rules.py", mode)
}

#[test]
fn python_meets_gmail_534_relay_refusal_and_sender_checks() {
    if !have("python3") {
        return;
    }
    let lab = Lab::start_with(&LISTENERS, &[]);
    let got = rules(&lab, &[]);
    let want = |k: &str| {
        got.get(k)
            .map(String::as_str)
            .unwrap_or_else(|| panic!("no {k} in {got:?}"))
    };
    assert!(
        want("smtps-normal-password")
            .starts_with("534 5.7.9 Application-specific password required"),
        "{got:?}"
    );
    assert_eq!(want("smtps-app-password"), "logged in");
    assert_eq!(want("smtps-send"), "sent");
    assert!(
        want("smtps-forged-sender").starts_with(
            "553 5.7.1 <riley@maillab.test>: Sender address rejected: not owned by user sam"
        ),
        "{got:?}"
    );
    assert_eq!(want("smtp-local"), "sent");
    assert!(
        want("smtp-relay").starts_with("554 5.7.1 <bob@gmail.com>: Relay access denied"),
        "{got:?}"
    );
    assert_eq!(want("imaps-caps"), "AUTH=CRAM-MD5 AUTH=LOGIN AUTH=PLAIN");
    assert!(
        want("imaps-normal-password")
            .contains("[AUTHENTICATIONFAILED] Application-specific password required"),
        "{got:?}"
    );
    assert!(
        want("imaps-cram-md5").starts_with("OK [CAPABILITY"),
        "{got:?}"
    );
    assert!(
        want("imaps-cram-md5").ends_with("Logged in as alex"),
        "{got:?}"
    );
    // alex's two messages and sam's.
    assert_eq!(want("imaps-inbox"), "OK 3");
    assert!(
        want("pop3s-normal-password")
            .starts_with("-ERR [AUTH] Application-specific password required"),
        "{got:?}"
    );
    // riley's three messages and the one sent on port 25.
    assert!(
        want("pop3s-address-login").starts_with("+OK riley has 4 messages"),
        "{got:?}"
    );
}

#[test]
fn python_meets_the_per_user_quota() {
    if !have("python3") {
        return;
    }
    let lab = Lab::start_with(&LISTENERS, &["--quota", "1"]);
    let got = rules(&lab, &["quota"]);
    let want = |k: &str| {
        got.get(k)
            .map(String::as_str)
            .unwrap_or_else(|| panic!("no {k} in {got:?}"))
    };
    // riley holds a few kB; two 400 kB messages fit in 1 MiB, the third does not,
    // and a 300 kB APPEND would go over.
    assert_eq!(want("quota-send-1"), "sent", "{got:?}");
    assert_eq!(want("quota-send-2"), "sent", "{got:?}");
    assert!(
        want("quota-send-3").starts_with(
            "552 5.2.2 Message refused: riley would hold more than the quota of 1048576 octets"
        ),
        "{got:?}"
    );
    assert_eq!(want("quota-send-4"), want("quota-send-3"));
    assert!(
        want("quota-append").starts_with("NO [OVERQUOTA] riley would hold more than the quota"),
        "{got:?}"
    );
}
