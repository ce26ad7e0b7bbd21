//! `maillab serve --faults FILE` beyond replies and drops, as Python's smtplib,
//! imaplib and poplib meet it (`tests/clients/lab_faults_more.py`): a delayed reply,
//! connections dropped after the 354, before the 250 and inside a FETCH literal (and
//! nothing stored), a mailbox over quota, rules for one user and one client address,
//! seeded random faults that repeat with the same seed; each fault marked in the trace.
//!
//! With `CI=true` a missing python3 fails the test; elsewhere it is skipped.

mod common;
use common::bin::{maillab, text, Lab};
use common::peers::have;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// Starts a lab with `plan` (and `extra` arguments), runs MODE of the script; returns
/// its checks and the lab (for its trace).
fn run(plan: &str, mode: &str, extra: &[&str]) -> (BTreeMap<String, String>, Lab) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("faults.txt");
    std::fs::write(&file, plan).unwrap();
    let mut args = vec!["--faults", file.to_str().unwrap(), "--trace"];
    args.extend_from_slice(extra);
    let lab = Lab::start_with(&["smtp", "imaps", "submission"], &args);
    let got = lab.python_checks("lab_faults_more.py", &[mode]);
    (got, lab)
}

fn want(got: &BTreeMap<String, String>, k: &str) -> String {
    got.get(k)
        .cloned()
        .unwrap_or_else(|| panic!("no {k} in {got:?}"))
}

/// Waits (bounded) until the trace holds every mark.
fn marked(lab: &Lab, marks: &[&str]) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let trace = lab.stdout();
        let missing: Vec<_> = marks.iter().filter(|m| !trace.contains(*m)).collect();
        if missing.is_empty() {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "not in the trace: {missing:?}\n{trace}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_delayed_reply_arrives_late_and_the_next_at_once() {
    if !have("python3") {
        return;
    }
    let (got, lab) = run("smtp NOOP 1 delay 1.5\n", "delay", &[]);
    assert_eq!(want(&got, "noop-1"), "250 slow");
    assert_eq!(want(&got, "noop-2"), "250 fast");
    marked(&lab, &["fault injected (NOOP #1: delay 1.5)"]);
}

#[test]
fn connections_dropped_inside_data_and_a_literal_store_nothing() {
    if !have("python3") {
        return;
    }
    let plan = "from=127.0.0.2 smtp DATA * drop-after-354\n\
                from=127.0.0.3 smtp DATA * drop-before-250\n\
                imaps FETCH 1 drop-mid-literal\n";
    let (got, lab) = run(plan, "drops", &[]);
    for k in ["after-354", "before-250"] {
        let v = want(&got, k);
        assert!(
            v.contains("Disconnected") || v.contains("Reset") || v.contains("Broken"),
            "{k}: {v}"
        );
    }
    // The dropped messages were never stored; the one from another address was.
    assert_eq!(want(&got, "stored"), "0 0 1");
    assert_eq!(want(&got, "fetch"), "abort");
    marked(
        &lab,
        &[
            "fault injected (DATA #1: drop-after-354)",
            "fault injected (DATA #1: drop-before-250)",
            "fault injected (FETCH #1: drop-mid-literal)",
        ],
    );
}

#[test]
fn a_mailbox_over_quota_refuses_append_copy_and_data() {
    if !have("python3") {
        return;
    }
    let plan = "imaps APPEND * overquota\nimaps COPY * overquota\nsmtp DATA * overquota\n";
    let (got, lab) = run(plan, "quota", &[]);
    assert_eq!(want(&got, "append"), "NO [OVERQUOTA] Mailbox over quota");
    assert_eq!(want(&got, "copy"), "NO [OVERQUOTA] Mailbox over quota");
    assert_eq!(want(&got, "after"), "OK");
    assert_eq!(want(&got, "data"), "552 5.2.2 Mailbox full, over quota");
    assert_eq!(want(&got, "stored"), "0 0");
    marked(
        &lab,
        &[
            "fault injected (APPEND #1: overquota)",
            "fault injected (COPY #1: overquota)",
            "fault injected (DATA #1: overquota)",
        ],
    );
}

#[test]
fn rules_for_one_user_and_one_address_spare_the_others() {
    if !have("python3") {
        return;
    }
    let plan = "user=alex imaps SELECT * reply NO [ALERT] Not today, alex\n\
                user=alex submission MAIL * reply 550 5.7.1 alex may not send now\n\
                from=127.0.0.2 smtp greeting * reply 421 4.3.2 Not from this address\n";
    let (got, lab) = run(plan, "selectors", &[]);
    assert_eq!(want(&got, "select-alex"), "NO [ALERT] Not today, alex");
    assert!(want(&got, "select-riley").starts_with("OK"), "{got:?}");
    for n in 1..=2 {
        assert_eq!(
            want(&got, &format!("mail-alex-{n}")),
            "550 5.7.1 alex may not send now"
        );
        assert_eq!(want(&got, &format!("mail-riley-{n}")), "sent");
    }
    assert_eq!(
        want(&got, "greeting-127.0.0.2"),
        "421 4.3.2 Not from this address"
    );
    assert_eq!(want(&got, "greeting-127.0.0.1"), "accepted");
    marked(
        &lab,
        &[
            "fault injected (SELECT #1: reply NO [ALERT] Not today, alex)",
            "fault injected (MAIL #2: reply 550 5.7.1",
            "fault injected (greeting: reply 421 4.3.2",
        ],
    );
}

#[test]
fn random_faults_repeat_with_the_same_seed() {
    if !have("python3") {
        return;
    }
    let plan = "imaps NOOP * random 50% reply NO Random refusal\n";
    let pattern = |seed: &str| {
        let (got, lab) = run(plan, "random", &["--fault-seed", seed]);
        let p = (want(&got, "pattern-1"), want(&got, "pattern-2"));
        if p.0.contains('x') {
            marked(&lab, &["reply NO Random refusal)"]);
        }
        p
    };
    let first = pattern("42");
    // Some NOOPs refused, some not; the two sessions differ (their ordinals do).
    assert!(first.0.contains('x') && first.0.contains('.'), "{first:?}");
    assert_ne!(first.0, first.1);
    assert_eq!(pattern("42"), first, "the same seed, the same faults");
    assert_ne!(pattern("43"), first, "another seed, other faults");
}

#[test]
fn the_teacher_adds_lists_and_clears_faults_at_run_time() {
    if !have("python3") {
        return;
    }
    let lab = Lab::start_with(
        &["imaps"],
        &["--control", "127.0.0.1:0", "--teacher-token", "sesame"],
    );
    let ctl = |token: &str, args: &[&str]| {
        let mut all = vec![
            "ctl",
            "--server",
            lab.addr("control"),
            "--token",
            token,
            "faults",
        ];
        all.extend_from_slice(args);
        let out = maillab(&all, "", lab.dir());
        let (o, e) = text(&out);
        (out.status.success(), o, e)
    };
    let noop = |n: &str| lab.python_checks("lab_faults_more.py", &["ctl", n]);
    assert_eq!(
        noop("1").get("noop-1").map(String::as_str),
        Some("OK NOOP completed")
    );
    let rule = [
        "add",
        "imaps",
        "NOOP",
        "*",
        "reply",
        "NO",
        "[ALERT]",
        "Teacher says no",
    ];
    // Not the teacher: refused, nothing added.
    let (ok, _, err) = ctl("wrong", &rule);
    assert!(!ok, "{err}");
    let (ok, _, err) = ctl("sesame", &["add", "imaps", "NOOP", "twice", "drop"]);
    assert!(!ok && err.contains("twice"), "{err}");
    let (ok, _, err) = ctl("sesame", &rule);
    assert!(ok, "{err}");
    let (ok, listed, _) = ctl("sesame", &["list"]);
    assert!(ok);
    assert_eq!(
        listed.trim(),
        "imaps NOOP * reply NO [ALERT] Teacher says no"
    );
    let got = noop("2");
    assert_eq!(
        got.get("noop-2").map(String::as_str),
        Some("NO [ALERT] Teacher says no"),
        "{got:?}"
    );
    let (ok, _, _) = ctl("sesame", &["clear"]);
    assert!(ok);
    let (_, listed, _) = ctl("sesame", &["list"]);
    assert_eq!(listed.trim(), "");
    assert_eq!(
        noop("3").get("noop-3").map(String::as_str),
        Some("OK NOOP completed")
    );
}
