//! `maillab serve --open-accounts`, `--users` and the teacher's `maillab ctl` changes
//! (users, reset, snapshot, restore, load, deliver), as Python's imaplib, smtplib and
//! poplib and `maillab ctl` meet them (tests/clients/lab_accounts.py).

mod common;

use common::bin::Lab;
use std::collections::BTreeMap;

const TOKEN: &str = "sesame";

/// A lab with the control endpoint and `extra` arguments.
fn lab(extra: &[&str]) -> Lab {
    let mut args = vec!["--control", "127.0.0.1:0", "--teacher-token", TOKEN];
    args.extend_from_slice(extra);
    Lab::start_with(&["imap", "pop3", "smtp"], &args)
}

/// Runs lab_accounts.py in `mode` (with an optional argument).
fn checks(lab: &Lab, mode: &str, arg: Option<&str>) -> BTreeMap<String, String> {
    let mut args = vec![mode, common::bin::path(), TOKEN];
    args.extend(arg);
    lab.python_checks("lab_accounts.py", &args)
}

fn get<'a>(c: &'a BTreeMap<String, String>, key: &str) -> &'a str {
    c.get(key)
        .unwrap_or_else(|| panic!("no {key:?} in {c:#?}"))
        .as_str()
}

#[test]
fn thirty_open_accounts_each_see_only_their_own_mail() {
    let lab = lab(&["--open-accounts=40"]);
    let c = checks(&lab, "thirty", None);
    // Not yet an account: refused by address (RFC 5321 §4.2.2 / RFC 3463 5.1.1).
    assert_eq!(get(&c, "rcpt-before"), "550 5.1.1", "{c:#?}");
    assert_eq!(get(&c, "students-errors"), "0", "{c:#?}");
    assert!(get(&c, "wrong-password").starts_with("NO"), "{c:#?}");
    assert_eq!(get(&c, "same-password"), "OK", "case of a name: {c:#?}");
    assert!(get(&c, "demo-other-password").starts_with("NO"), "{c:#?}");
    assert_eq!(get(&c, "demo-by-address"), "OK");
    assert_eq!(get(&c, "rcpt-after"), "250");
    // Thirty students and the three demo users.
    assert_eq!(get(&c, "users-count"), "33", "{c:#?}");
    let s05: Vec<&str> = get(&c, "users-s05").split(' ').collect();
    assert_eq!(s05[0], "open", "{s05:?}");
    // Their own copy of the demo mail (INBOX 2, newbox 6) and one from a classmate.
    assert_eq!(s05[2], "9", "{s05:?}");
}

#[test]
fn open_accounts_stop_at_the_cap_with_the_protocols_own_refusal() {
    let lab = lab(&["--open-accounts=2"]);
    let c = checks(&lab, "cap", None);
    assert_eq!(get(&c, "first"), "OK");
    assert_eq!(get(&c, "second"), "OK");
    let over = get(&c, "over-cap");
    assert!(
        over.contains("[LIMIT]") && over.contains("2 accounts"),
        "{over}"
    );
    assert!(
        get(&c, "bad-name").contains("[AUTHENTICATIONFAILED]"),
        "{c:#?}"
    );
    assert!(
        get(&c, "reserved-name").contains("[AUTHENTICATIONFAILED]"),
        "{c:#?}"
    );
    assert!(
        get(&c, "pop3-over-cap").starts_with("-ERR [SYS/PERM]"),
        "{c:#?}"
    );
    assert_eq!(get(&c, "existing-still"), "OK");
}

#[test]
fn users_file_accounts_and_ctl_users() {
    let conf = tempfile::tempdir().expect("temporary directory");
    let file = conf.path().join("users");
    std::fs::write(&file, "# the class\nkim:secret word\n\nriley:newpass\n").unwrap();
    let lab = lab(&["--users", file.to_str().unwrap()]);
    let c = checks(&lab, "users-file", None);
    assert_eq!(get(&c, "kim"), "OK");
    assert!(get(&c, "kim-wrong").starts_with("NO"));
    assert!(
        get(&c, "stranger").starts_with("NO"),
        "open accounts are off"
    );
    assert_eq!(get(&c, "riley-new-password"), "OK");
    assert_eq!(get(&c, "kim-inbox"), "test | another test");
    // kind, mailboxes (INBOX Sent Drafts Trash newbox), messages; bytes after.
    let kim: Vec<&str> = get(&c, "users-kim").split(' ').collect();
    assert_eq!(&kim[..3], ["file", "5", "8"], "{kim:?}");
    assert!(kim[3].parse::<u64>().unwrap() > 1000, "{kim:?}");
    assert_eq!(
        get(&c, "users-as-kim"),
        "kim",
        "a student sees only their own line"
    );
    assert!(
        !lab.stdout().contains("secret word"),
        "--users passwords printed"
    );
}

#[test]
fn reset_bumps_uidvalidity_and_closes_sessions_in_the_changed_mailbox() {
    let lab = lab(&[]);
    let c = checks(&lab, "reset", None);
    assert!(get(&c, "student-reset").starts_with("1 True"), "{c:#?}");
    assert!(get(&c, "anonymous-reset").starts_with("1 True"), "{c:#?}");
    assert_eq!(get(&c, "wrong-token-reset"), "1");
    assert_eq!(get(&c, "teacher-reset"), "0", "{c:#?}");
    assert_eq!(get(&c, "selected-session"), "* BYE [ALERT]", "{c:#?}");
    assert_eq!(
        get(&c, "newbox-session"),
        "OK",
        "an unchanged mailbox stays open"
    );
    assert_eq!(get(&c, "other-user-session"), "OK");
    assert_eq!(get(&c, "pop3-session"), "-ERR [SYS/TEMP]", "{c:#?}");
    assert_eq!(get(&c, "uidvalidity-bumped"), "True");
    assert_eq!(get(&c, "inbox-after"), "test | another test");
}

#[test]
fn snapshot_change_restore_round_trips() {
    let lab = lab(&[]);
    let c = checks(&lab, "snapshot", None);
    assert_eq!(get(&c, "snapshot"), "0");
    assert_eq!(get(&c, "restore"), "0");
    assert_eq!(get(&c, "restore-unknown"), "1");
    assert_eq!(get(&c, "round-trip"), "True", "{c:#?}");
    assert_eq!(get(&c, "uidvalidity-inbox-bumped"), "True");
    assert_eq!(get(&c, "uidvalidity-sent-kept"), "True");
}

#[test]
fn load_replaces_the_mail_and_becomes_what_reset_returns_to() {
    let lab = lab(&[]);
    let fixture = lab.scratch("fixture");
    for (name, subject) in [("a.eml", "loaded one"), ("b.eml", "loaded two")] {
        std::fs::write(
            fixture.join(name),
            format!("From: t@maillab.test\r\nSubject: {subject}\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nbody\r\n"),
        )
        .unwrap();
    }
    let c = checks(&lab, "load", fixture.to_str());
    assert_eq!(get(&c, "load"), "0", "{c:#?}");
    assert_eq!(get(&c, "alex-inbox"), "loaded one | loaded two");
    assert_eq!(get(&c, "riley-inbox"), "loaded one | loaded two");
    assert_eq!(get(&c, "alex-after-reset"), "loaded one | loaded two");
}

#[test]
fn deliver_reaches_an_idle_client() {
    let lab = lab(&[]);
    let file = lab.scratch("mail").join("note.eml");
    std::fs::write(
        &file,
        "From: t@maillab.test\nSubject: from the teacher\n\nread me\n",
    )
    .unwrap();
    let c = checks(&lab, "deliver", file.to_str());
    assert_eq!(get(&c, "idle"), "+");
    assert_eq!(get(&c, "deliver"), "0", "{c:#?}");
    assert_eq!(get(&c, "idle-saw"), "* 3 EXISTS", "{c:#?}");
    assert_eq!(get(&c, "flags"), "\\Recent");
    assert_eq!(get(&c, "received"), "True");
    assert_eq!(get(&c, "subject"), "from the teacher");
    assert_eq!(get(&c, "deliver-unknown"), "1");
}

#[test]
fn with_data_restore_and_open_accounts_survive_a_restart() {
    let data = tempfile::tempdir().expect("temporary directory");
    let dir = data.path().to_str().expect("UTF-8 path");
    let lab1 = lab(&["--data", dir, "--open-accounts"]);
    let before = checks(&lab1, "persist-before", None);
    assert_eq!(get(&before, "snapshot"), "0");
    assert_eq!(get(&before, "restore"), "0", "{before:#?}");
    drop(lab1); // SIGKILL
    assert!(data
        .path()
        .join(".snapshots/start/alex/Maildir/cur")
        .is_dir());
    let accounts = data.path().join(".open-accounts");
    assert!(std::fs::read_to_string(&accounts).unwrap().contains("s01:"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&accounts).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "{mode:o}");
    }
    let lab2 = lab(&["--data", dir, "--open-accounts"]);
    let after = checks(&lab2, "persist-after", None);
    assert_eq!(get(&after, "s01-login"), "OK");
    assert!(get(&after, "s01-wrong").starts_with("NO"));
    assert_eq!(get(&after, "s01-flags"), "\\Answered");
    let taken: serde_json::Value = serde_json::from_str(get(&before, "state")).unwrap();
    let restarted: serde_json::Value = serde_json::from_str(get(&after, "restarted")).unwrap();
    let restored: serde_json::Value = serde_json::from_str(get(&after, "state")).unwrap();
    let messages = |v: &serde_json::Value| -> BTreeMap<String, serde_json::Value> {
        v.as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v[1].clone()))
            .collect()
    };
    assert_eq!(
        messages(&taken),
        messages(&restarted),
        "restore lost in restart"
    );
    assert_eq!(get(&after, "restore-from-disk"), "0", "{after:#?}");
    assert_eq!(
        messages(&taken),
        messages(&restored),
        "snapshot from disk differs"
    );
}
