//! `maillab serve --faults FILE` as Python's smtplib, imaplib and poplib meet it
//! (`tests/clients/lab_faults.py`): a chosen reply to the k-th RCPT and MAIL FROM of
//! a connection (and the refused recipient's mailbox stays empty), a greeting that
//! refuses, an `[ALERT]` NO to SELECT, a connection dropped at RETR.
//!
//! With `CI=true` a missing python3 fails the test; elsewhere it is skipped.

mod common;
use common::bin::{maillab, text, Lab};
use common::peers::have;

use std::collections::BTreeMap;

const PLAN: &str = "\
# LISTENER COMMAND  WHEN ACTION
smtp       RCPT     2    reply 550 5.1.1 <riley@maillab.test>: Recipient address rejected
smtp       MAIL     2    reply 451 4.7.1 Greylisted, try again later
imap       greeting *    reply * BYE Server closed for maintenance
imaps      SELECT   *    reply NO [ALERT] INBOX is being moved, try EXAMINE
pop3       RETR     1    drop
";

/// Runs lab_faults.py against `lab`; returns each check's reported line.
fn faults(lab: &Lab, mode: &[&str]) -> BTreeMap<String, String> {
    lab.python_checks("lab_faults.py", mode)
}

#[test]
fn greylisting_refuses_the_first_try_and_accepts_after_the_wait() {
    if !have("python3") {
        return;
    }
    let plan_dir = tempfile::tempdir().unwrap();
    let plan = plan_dir.path().join("faults.txt");
    std::fs::write(
        &plan,
        "smtp RCPT * greylist 1 450 4.7.1 Greylisted, try again in a second\n",
    )
    .unwrap();
    let lab = Lab::start_with(&["smtp", "imaps"], &["--faults", plan.to_str().unwrap()]);
    let got = faults(&lab, &["grey"]);
    assert_eq!(
        got.get("grey-1").map(String::as_str),
        Some("450 4.7.1 Greylisted, try again in a second"),
        "{got:?}"
    );
    assert_eq!(
        got.get("grey-2").map(String::as_str),
        Some("sent"),
        "{got:?}"
    );
    // The refused try stored nothing.
    assert_eq!(
        got.get("grey-stored").map(String::as_str),
        Some("1"),
        "{got:?}"
    );
}

#[test]
fn python_meets_each_injected_fault() {
    if !have("python3") {
        return;
    }
    let plan_dir = tempfile::tempdir().unwrap();
    let plan = plan_dir.path().join("faults.txt");
    std::fs::write(&plan, PLAN).unwrap();
    let lab = Lab::start_with(
        &["smtp", "imap", "imaps", "pop3"],
        &["--faults", plan.to_str().unwrap(), "--trace"],
    );
    let got = faults(&lab, &[]);
    let want = |k: &str| {
        got.get(k)
            .cloned()
            .unwrap_or_else(|| panic!("no {k} in {got:?}"))
    };
    assert_eq!(
        want("rcpt-refused"),
        "riley@maillab.test 550 5.1.1 <riley@maillab.test>: Recipient address rejected"
    );
    assert_eq!(want("mail-2"), "451 4.7.1 Greylisted, try again later");
    // Only the 2nd MAIL FROM is refused.
    assert_eq!(want("mail-3"), "sent");
    // The refused RCPT and MAIL never reached the session: nothing stored for them.
    assert_eq!(want("alex-has"), "fault-one");
    assert_eq!(want("riley-has"), "fault-three");
    let greeting = want("imap-greeting");
    assert!(
        greeting.contains("Server closed for maintenance") && !greeting.starts_with("accepted"),
        "{greeting}"
    );
    assert_eq!(
        want("imap-select"),
        "NO [ALERT] INBOX is being moved, try EXAMINE"
    );
    assert!(want("imap-examine").starts_with("OK"), "{got:?}");
    let retr = want("pop3-retr");
    assert_ne!(retr, "retrieved");
    // Each fault is marked in the trace (which is written as sessions go).
    let marks = [
        "fault injected (RCPT #2: reply 550 5.1.1",
        "fault injected (MAIL #2: reply 451 4.7.1",
        "fault injected (greeting: reply * BYE",
        "fault injected (SELECT #1: reply NO [ALERT]",
        "fault injected (RETR #1: drop)",
    ];
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let trace = lab.stdout();
        let missing: Vec<_> = marks.iter().filter(|m| !trace.contains(*m)).collect();
        if missing.is_empty() {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "not in the trace: {missing:?}\n{trace}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn a_bad_faults_file_stops_the_server_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("faults.txt");
    std::fs::write(&plan, "# ok\nsmtp RCPT twice reply 550 no\n").unwrap();
    let out = maillab(
        &[
            "serve",
            "--smtp",
            "127.0.0.1:0",
            "--faults",
            plan.to_str().unwrap(),
        ],
        "",
        dir.path(),
    );
    let (_, err) = text(&out);
    assert!(!out.status.success());
    assert!(err.contains("line 2") && err.contains("twice"), "{err}");
}
