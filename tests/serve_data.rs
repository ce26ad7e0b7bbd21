//! `maillab serve --data DIR`: what real clients were told is stored survives a
//! kill -9 and a restart on the same directory (UIDs, UIDVALIDITY, flags, keywords).

mod common;

use common::bin::Lab;
use std::path::Path;
use std::process::Command;

/// Runs tests/clients/data_state.py in `mode` against `lab`; its JSON dump of the store.
fn state(lab: &Lab, mode: &str) -> serde_json::Value {
    let mut cmd = Command::new("python3");
    cmd.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clients/data_state.py"))
        .args([mode, "127.0.0.1"])
        .arg(lab.port("imap").to_string())
        .arg(lab.port("smtp").to_string());
    let out = common::peers::run(&mut cmd, lab.dir(), b"");
    assert!(
        out.status.success(),
        "data_state.py {mode} failed:\n{}\nserver stderr:\n{}",
        out.stderr,
        lab.stderr()
    );
    serde_json::from_slice(&out.stdout_bytes).expect("JSON from data_state.py")
}

fn messages<'a>(s: &'a serde_json::Value, user: &str, mailbox: &str) -> &'a Vec<serde_json::Value> {
    s[user][mailbox][2]
        .as_array()
        .unwrap_or_else(|| panic!("no mailbox {user}/{mailbox} in {s}"))
}

#[test]
fn acknowledged_changes_survive_kill_and_restart() {
    let data = tempfile::tempdir().expect("temporary directory");
    let dir = data.path().to_str().expect("UTF-8 path");
    let lab = Lab::start_with(&["imap", "smtp"], &["--data", dir]);
    let before = state(&lab, "change");
    drop(lab); // SIGKILL: nothing gets a chance to flush.

    // What the clients saw is what was meant to happen.
    let inbox = messages(&before, "alex", "INBOX");
    assert!(
        inbox.iter().all(|m| m[0] != 2),
        "UID 2 was expunged: {inbox:?}"
    );
    assert!(inbox
        .iter()
        .any(|m| m[1] == serde_json::json!(["$Lab", "\\Flagged"])));
    assert_eq!(messages(&before, "alex", "Renamed").len(), 1);
    assert!(before["alex"].get("Old").is_none());

    // On disk, in the layout Dovecot reads.
    let md = data.path().join("alex/Maildir");
    for f in [
        "dovecot-uidlist",
        "dovecot-keywords",
        "subscriptions",
        "cur",
    ] {
        assert!(md.join(f).exists(), "{f} missing in {md:?}");
    }
    assert!(md.join(".Lab.Entw&APw-rfe/cur").is_dir());
    assert!(md.join(".Renamed/cur").is_dir() && !md.join(".Old").exists());
    let uidlist = std::fs::read_to_string(md.join("dovecot-uidlist")).unwrap();
    assert!(uidlist.starts_with("3 V"), "{uidlist}");

    let lab = Lab::start_with(&["imap", "smtp"], &["--data", dir]);
    let after = state(&lab, "dump");
    assert_eq!(before, after, "the store after a restart differs");
    let riley = messages(&after, "riley", "INBOX");
    assert!(!riley.is_empty(), "SMTP delivery to riley lost");
}

#[test]
fn new_mailboxes_after_restart_get_fresh_uidvalidity() {
    let data = tempfile::tempdir().expect("temporary directory");
    let dir = data.path().to_str().expect("UTF-8 path");
    let lab = Lab::start_with(&["imap", "smtp"], &["--data", dir]);
    let before = state(&lab, "dump");
    drop(lab);
    let lab = Lab::start_with(&["imap", "smtp"], &["--data", dir]);
    let after = state(&lab, "change");
    let old: Vec<u64> = before["alex"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v[0].as_u64().unwrap())
        .collect();
    let renamed = after["alex"]["Renamed"][0].as_u64().unwrap();
    assert!(
        !old.contains(&renamed),
        "UIDVALIDITY {renamed} reused: {old:?}"
    );
}

/// Stops the Dovecot started in `dir` when dropped.
struct Dovecot(std::path::PathBuf);

impl Drop for Dovecot {
    fn drop(&mut self) {
        let _ = Command::new("bash")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/peers/dovecot.sh"))
            .arg("stop")
            .arg(&self.0)
            .output();
    }
}

/// Dovecot opened on the Maildir tree `--data` wrote reports the same mailboxes,
/// messages, flags, keywords, UIDs, UIDNEXT and UIDVALIDITY as maillab did.
#[test]
fn dovecot_reads_the_same_store() {
    if !common::peers::have("dovecot") {
        return;
    }
    // Dovecot's mail processes may run as another user: keep the tree reachable.
    let data = tempfile::Builder::new()
        .prefix("maillab-data")
        .tempdir_in("/tmp")
        .expect("temporary directory");
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(data.path(), std::fs::Permissions::from_mode(0o755))
            .expect("chmod");
    }
    // dovecot.sh keeps its users' mail in DIR/home/USER/Maildir.
    let home = data.path().join("home");
    let lab = Lab::start_with(&["imap", "smtp"], &["--data", home.to_str().unwrap()]);
    let ours = state(&lab, "change");
    drop(lab);

    let ports: Vec<String> = (0..4)
        .map(|_| common::ports::free_port().to_string())
        .collect();
    let started = Command::new("bash")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/peers/dovecot.sh"))
        .arg("start")
        .arg(data.path())
        .args(&ports)
        .output()
        .expect("bash");
    let _stop = Dovecot(data.path().to_path_buf());
    assert!(
        started.status.success(),
        "dovecot.sh start failed:\n{}",
        String::from_utf8_lossy(&started.stderr)
    );
    let mut cmd = Command::new("python3");
    cmd.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clients/data_state.py"))
        .args(["dump", "127.0.0.1", &ports[0], "1"]);
    let out = common::peers::run(&mut cmd, data.path(), b"");
    assert!(
        out.status.success(),
        "data_state.py against Dovecot failed:\n{}",
        out.stderr
    );
    let theirs: serde_json::Value = serde_json::from_slice(&out.stdout_bytes).expect("JSON");
    assert_eq!(ours, theirs, "Dovecot reads the Maildir differently");
}
