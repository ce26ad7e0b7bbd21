//! The lab certificate's names and faults as Python's ssl meets them
//! (`tests/clients/lab_certs.py`), trusting only the lab CA written by `--ca-out`:
//! `--tls-name` adds a host name and an IP address the client can verify;
//! `--tls-fault expired` and `wrong-host` give the client's own verification error;
//! `maillab ctl client-config` names the ports the server listens on (its XML read by
//! Python's parser) and a CA that verifies the server.
//!
//! With `CI=true` a missing python3 fails the test; elsewhere it is skipped.

mod common;
use common::bin::{maillab, text, Lab};
use common::peers::have;

fn verify(extra: &[&str], names: &[&str]) -> std::collections::BTreeMap<String, String> {
    let lab = Lab::start_with(&["imaps"], extra);
    lab.python_checks("lab_certs.py", names)
}

#[test]
fn added_names_verify_and_others_do_not() {
    if !have("python3") {
        return;
    }
    let got = verify(
        &["--tls-name", "mail.lab.test", "--tls-name", "10.1.2.3"],
        &["mail.lab.test", "10.1.2.3", "localhost", "other.lab.test"],
    );
    assert_eq!(got["mail.lab.test"], "ok * OK", "{got:?}");
    assert_eq!(got["10.1.2.3"], "ok * OK", "{got:?}");
    assert_eq!(got["localhost"], "ok * OK", "{got:?}");
    assert!(got["other.lab.test"].contains("mismatch"), "{got:?}");
}

#[test]
fn certificate_faults_give_the_clients_error() {
    if !have("python3") {
        return;
    }
    let got = verify(&["--tls-fault", "expired"], &["localhost"]);
    assert_eq!(got["localhost"], "certificate has expired", "{got:?}");
    let got = verify(
        &["--tls-fault", "wrong-host"],
        &["localhost", "wrong-host.maillab.test"],
    );
    assert!(got["localhost"].contains("mismatch"), "{got:?}");
    // Signed by the same CA: only the name is wrong.
    assert_eq!(got["wrong-host.maillab.test"], "ok * OK", "{got:?}");
}

#[test]
fn client_config_names_the_real_ports_and_a_ca_that_verifies() {
    if !have("python3") {
        return;
    }
    let lab = Lab::start_with(
        &["imaps", "imap", "submission", "pop3s"],
        &["--control", "127.0.0.1:0"],
    );
    let ctl = |extra: &[&str]| {
        let mut args = vec!["ctl", "--server", lab.addr("control"), "client-config"];
        args.extend_from_slice(extra);
        let out = maillab(&args, "", lab.dir());
        let (o, e) = text(&out);
        assert!(out.status.success(), "{e}");
        o
    };
    let dir = lab.scratch("config");
    std::fs::write(dir.join("tb.xml"), ctl(&["--thunderbird"])).unwrap();
    std::fs::write(dir.join("config.txt"), ctl(&[])).unwrap();
    let got = lab.python_checks(
        "lab_client_config.py",
        &[
            dir.join("tb.xml").to_str().unwrap(),
            dir.join("config.txt").to_str().unwrap(),
        ],
    );
    let at = |kind: &str, name: &str| {
        got.get(&format!("{kind}-{}", lab.port(name)))
            .cloned()
            .unwrap_or_else(|| panic!("no {kind} {name} in {got:?}"))
    };
    assert_eq!(at("imap", "imaps"), "SSL 127.0.0.1");
    assert_eq!(at("imap", "imap"), "STARTTLS 127.0.0.1");
    assert_eq!(at("pop3", "pop3s"), "SSL 127.0.0.1");
    assert_eq!(at("smtp", "submission"), "STARTTLS 127.0.0.1");
    assert_eq!(got.len(), 5, "{got:?}");
    assert_eq!(got["ca-verifies"], "* OK");
}
