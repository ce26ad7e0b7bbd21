//! The lab certificate's names and faults as Python's ssl meets them
//! (`tests/clients/lab_certs.py`), trusting only the lab CA written by `--ca-out`:
//! `--tls-name` adds a host name and an IP address the client can verify;
//! `--tls-fault expired` and `wrong-host` give the client's own verification error.
//!
//! With `CI=true` a missing python3 fails the test; elsewhere it is skipped.

mod common;
use common::bin::Lab;
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
