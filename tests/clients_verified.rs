//! The course notes' TLS clients, verbatim and verifying. Python's `IMAP4_SSL()` and
//! `starttls()` without a context verify nothing (an unverified context in every
//! Python 3): the verbatim copies connect even when told to trust an unrelated CA.
//! The `*_verified.py` variants (`ssl.create_default_context(cafile=...)`) connect
//! with the lab server's CA and refuse a server their CA did not sign.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::peers::Ran;

fn clients() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clients")
}

/// Runs `python3 tests/clients/SCRIPT HOST PORT` in `cwd` with `env` and `stdin`
/// (through the shared client runner, time-limited).
fn run(script: &str, port: u16, cwd: &Path, env: &[(&str, &Path)], stdin: &[u8]) -> Ran {
    let mut c = Command::new("python3");
    c.arg(clients().join(script))
        .arg("127.0.0.1")
        .arg(port.to_string())
        .env_remove("SSL_CERT_FILE");
    for (k, v) in env {
        c.env(k, v);
    }
    common::peers::run(&mut c, cwd, stdin)
}

fn show(o: &Ran) -> String {
    format!("{}\n{}", o.stdout, o.stderr)
}

/// A CA that signed nothing the lab server presents.
fn stranger_ca(dir: &Path) -> PathBuf {
    let key = rcgen::KeyPair::generate().unwrap();
    let mut p = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    p.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    p.distinguished_name
        .push(rcgen::DnType::CommonName, "a stranger's CA");
    let path = dir.join("stranger.pem");
    std::fs::write(&path, p.self_signed(&key).unwrap().pem()).unwrap();
    path
}

#[test]
fn verbatim_clients_verify_nothing_and_verified_variants_do() {
    let lab = common::bin::Lab::start();
    let cwd = lab.scratch("clients");
    let stranger = stranger_ca(&cwd);
    let imaps = lab.port("imaps");

    // The notes' code connects although it was told to trust only a stranger's CA.
    let o = run(
        "imap_code1.py",
        imaps,
        &cwd,
        &[("SSL_CERT_FILE", &stranger)],
        b"",
    );
    assert!(o.status.success(), "{}", show(&o));
    assert!(o.stdout.contains("Message:"), "{}", show(&o));

    // The verified variant connects with the lab CA ...
    let o = run(
        "imap_code1_verified.py",
        imaps,
        &cwd,
        &[("MAILLAB_CA", &lab.ca)],
        b"",
    );
    assert!(o.status.success(), "{}", show(&o));
    assert!(o.stdout.contains("Message:"), "{}", show(&o));
    // ... and refuses the server with another CA.
    let o = run(
        "imap_code1_verified.py",
        imaps,
        &cwd,
        &[("MAILLAB_CA", &stranger)],
        b"",
    );
    assert!(!o.status.success(), "{}", show(&o));
    assert!(
        show(&o).contains("CERTIFICATE_VERIFY_FAILED"),
        "{}",
        show(&o)
    );

    // SMTP with STARTTLS: the same, with the notes' Invoice and its PDF.
    std::fs::copy(clients().join("data/invoice.pdf"), cwd.join("invoice.pdf")).unwrap();
    let sub = lab.port("submission");
    let input = b"alex@maillab.test\ninvoice.pdf\n";
    let o = run(
        "smtp_note002.py",
        sub,
        &cwd,
        &[("SSL_CERT_FILE", &stranger)],
        input,
    );
    assert!(o.status.success(), "{}", show(&o));
    let o = run(
        "smtp_note002_verified.py",
        sub,
        &cwd,
        &[("MAILLAB_CA", &lab.ca)],
        input,
    );
    assert!(o.status.success(), "{}", show(&o));
    assert!(o.stdout.contains("Mail Sent"), "{}", show(&o));
    let o = run(
        "smtp_note002_verified.py",
        sub,
        &cwd,
        &[("MAILLAB_CA", &stranger)],
        input,
    );
    assert!(!o.status.success(), "{}", show(&o));
    assert!(
        show(&o).contains("CERTIFICATE_VERIFY_FAILED"),
        "{}",
        show(&o)
    );
}
