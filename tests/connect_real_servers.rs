//! `maillab connect` in script mode against real servers nobody here wrote: Dovecot
//! (IMAP and POP3, STARTTLS/STLS and implicit TLS) and Postfix (submission with
//! STARTTLS and AUTH, SMTPS), started on loopback by tests/peers/*.sh with a test
//! certificate the client trusts through `--ca-file`. Then the certificate checks:
//! `maillab serve --cert/--key` with deliberately bad certificates, each refused with
//! its own explanation and each passed only by the way the explanation names.
//!
//! With `CI=true` a missing Dovecot or Postfix fails the test; elsewhere it is skipped
//! with a message (tests/peers/install.sh installs them).

mod common;
use common::bin::{maillab, text, Lab};
use common::peers::Peers;

use std::time::{Duration, Instant};

/// A transcript line `S: <tag> OK ...` for an auto-tag number.
fn has_reply(out: &str, prefix: &str) -> bool {
    out.lines().any(|l| l.starts_with(&format!("S: {prefix}")))
}

#[test]
fn dovecot_imap_starttls_and_imaps_login() {
    let Some(srv) = Peers::start() else {
        return;
    };
    let data = srv.dir().join("maillab-data");
    let url = format!("imap://127.0.0.1:{}", srv.imap);
    let o = maillab(
        &[
            "connect",
            &url,
            "--starttls",
            "--ca-file",
            &srv.ca().display().to_string(),
        ],
        "LOGIN alex drums\nSELECT INBOX\nLOGOUT\n",
        &data,
    );
    let (out, err) = text(&o);
    assert!(
        out.contains("verified: the chain"),
        "no verified TLS summary:\n{out}\n{err}"
    );
    assert!(out.contains("Dovecot"), "not Dovecot's greeting:\n{out}");
    assert!(
        has_reply(&out, "a003 OK") || out.contains("OK Logged in"),
        "LOGIN failed:\n{out}"
    );
    assert!(
        out.contains("C: a00") && out.contains("LOGIN alex ****"),
        "password not masked:\n{out}"
    );
    assert!(!out.contains("drums"), "password leaked:\n{out}");
    assert!(out.contains("[READ-WRITE]"), "SELECT failed:\n{out}");
    // Every server line has an explanation under it.
    let lines: Vec<&str> = out.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        if l.starts_with("S: ") {
            let next = lines.get(i + 1).copied().unwrap_or("");
            assert!(
                next.starts_with("   "),
                "no explanation under {l:?}:\n{out}"
            );
        }
    }

    let url = format!("imaps://localhost:{}", srv.imaps);
    let o = maillab(
        &[
            "connect",
            &url,
            "--ca-file",
            &srv.ca().display().to_string(),
        ],
        "LOGIN alex drums\nLOGOUT\n",
        &data,
    );
    let (out, err) = text(&o);
    assert!(out.contains("TLS is on"), "{out}\n{err}");
    assert!(out.contains("Logged in"), "{out}");
}

#[test]
fn dovecot_pop3_stls_and_pop3s() {
    let Some(srv) = Peers::start() else {
        return;
    };
    let data = srv.dir().join("maillab-data");
    let url = format!("pop3://127.0.0.1:{}", srv.pop3);
    let o = maillab(
        &[
            "connect",
            &url,
            "--ca-file",
            &srv.ca().display().to_string(),
        ],
        "CAPA\nSTLS\nCAPA\nUSER alex\nPASS drums\nSTAT\nQUIT\n",
        &data,
    );
    let (out, err) = text(&o);
    assert!(
        out.contains("TLS is on"),
        "STLS did not upgrade:\n{out}\n{err}"
    );
    assert!(
        out.contains("capabilities seen before STLS are forgotten"),
        "{out}"
    );
    assert!(
        out.contains("C: PASS ****") && !out.contains("drums"),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("S: +OK 0 0") || l.starts_with("S: +OK ")),
        "{out}"
    );

    let url = format!("pop3s://127.0.0.1:{}", srv.pop3s);
    let o = maillab(
        &[
            "connect",
            &url,
            "--ca-file",
            &srv.ca().display().to_string(),
        ],
        "USER riley\nPASS firefly\nQUIT\n",
        &data,
    );
    let (out, err) = text(&o);
    assert!(out.contains("verified: the chain"), "{out}\n{err}");
    assert!(
        out.contains("Logged in") || out.lines().filter(|l| l.starts_with("S: +OK")).count() >= 3,
        "{out}"
    );
}

fn submission_session(url: &str, extra: &[&str], srv: &Peers, subject: &str) {
    let data = srv.dir().join("maillab-data");
    let ca = srv.ca().display().to_string();
    let mut args = vec!["connect", url, "--ca-file", &ca];
    args.extend_from_slice(extra);
    let input = format!(
        "EHLO client.test\n:auth plain alex drums\nMAIL FROM:<alex@maillab.test>\nRCPT TO:<riley@maillab.test>\nDATA\n\
         Subject: {subject}\nFrom: alex@maillab.test\nTo: riley@maillab.test\n\n.a line that starts with a dot\nbye\n.\nQUIT\n"
    );
    let o = maillab(&args, &input, &data);
    let (out, err) = text(&o);
    assert!(out.contains("TLS is on"), "{out}\n{err}");
    assert!(
        out.lines().any(|l| l.starts_with("S: 235")),
        "AUTH failed:\n{out}"
    );
    assert!(!out.contains("drums"), "password leaked:\n{out}");
    assert!(out.lines().any(|l| l.starts_with("S: 354")), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("S: 250 2.0.0 Ok: queued")),
        "not queued:\n{out}"
    );
    // Postfix delivers into Dovecot's maildir for riley.
    let new = srv.dovecot_dir().join("home/riley/Maildir/new");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let found = std::fs::read_dir(&new)
            .into_iter()
            .flatten()
            .flatten()
            .any(|e| {
                std::fs::read_to_string(e.path())
                    .is_ok_and(|m| m.contains(subject) && m.contains("\n.a line that starts"))
            });
        if found {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "Postfix did not deliver {subject:?} to riley"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn postfix_submission_with_starttls_and_auth() {
    let Some(srv) = Peers::start() else {
        return;
    };
    let url = format!("smtp://127.0.0.1:{}", srv.submission);
    submission_session(&url, &["--starttls"], &srv, "over submission");
}

#[test]
fn postfix_smtps_with_auth() {
    let Some(srv) = Peers::start() else {
        return;
    };
    let url = format!("smtps://localhost:{}", srv.smtps);
    submission_session(&url, &[], &srv, "over smtps");
}

// ---------------------------------------------------------------- bad certificates

struct Pki {
    dir: tempfile::TempDir,
    ca_params: rcgen::CertificateParams,
    ca_key: rcgen::KeyPair,
}

impl Pki {
    fn new() -> Pki {
        let dir = tempfile::tempdir().unwrap();
        let ca_key = rcgen::KeyPair::generate().unwrap();
        let mut p = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        p.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        p.distinguished_name
            .push(rcgen::DnType::CommonName, "course test CA");
        let ca = p.self_signed(&ca_key).unwrap();
        std::fs::write(dir.path().join("ca.pem"), ca.pem()).unwrap();
        Pki {
            dir,
            ca_params: p,
            ca_key,
        }
    }
    fn ca(&self) -> String {
        self.dir.path().join("ca.pem").display().to_string()
    }
    /// Writes NAME.pem / NAME-key.pem; `self_signed` ignores the CA.
    fn leaf(
        &self,
        name: &str,
        dns: &str,
        from_days: i64,
        to_days: i64,
        self_signed: bool,
    ) -> (String, String) {
        let key = rcgen::KeyPair::generate().unwrap();
        let mut p = rcgen::CertificateParams::new(vec![dns.to_string()]).unwrap();
        p.distinguished_name.push(rcgen::DnType::CommonName, dns);
        let now = time::OffsetDateTime::now_utc();
        p.not_before = now + time::Duration::days(from_days);
        p.not_after = now + time::Duration::days(to_days);
        let cert = if self_signed {
            p.self_signed(&key).unwrap()
        } else {
            p.signed_by(
                &key,
                &rcgen::Issuer::from_params(&self.ca_params, &self.ca_key),
            )
            .unwrap()
        };
        let c = self.dir.path().join(format!("{name}.pem"));
        let k = self.dir.path().join(format!("{name}-key.pem"));
        std::fs::write(&c, cert.pem()).unwrap();
        std::fs::write(&k, key.serialize_pem()).unwrap();
        (c.display().to_string(), k.display().to_string())
    }
}

/// `maillab serve` with this certificate on an IMAPS port; killed on drop.
fn lab_with(cert: &str, key: &str) -> Lab {
    Lab::start_with(&["imaps"], &["--quiet", "--cert", cert, "--key", key])
}

/// Connects with `extra` flags; returns (succeeded, stdout, stderr).
fn connect(lab: &Lab, extra: &[&str]) -> (bool, String, String) {
    let url = format!("imaps://localhost:{}", lab.port("imaps"));
    let mut args = vec!["connect", url.as_str(), "--no-explain"];
    args.extend_from_slice(extra);
    let o = maillab(&args, "LOGIN alex drums\nLOGOUT\n", lab.dir());
    let (out, err) = text(&o);
    let ok = o.status.success() && out.contains("Logged in");
    (ok, out, err)
}

#[test]
fn each_bad_certificate_fails_with_its_own_explanation_and_its_own_way_out() {
    let pki = Pki::new();
    let ca = pki.ca();
    // (name, cert, what the refusal must say, does --ca-file fix it)
    let cases = [
        (
            "expired",
            pki.leaf("expired", "localhost", -30, -1, false),
            "has expired",
            false,
        ),
        (
            "not-yet-valid",
            pki.leaf("future", "localhost", 2, 30, false),
            "not valid yet",
            false,
        ),
        (
            "wrong-name",
            pki.leaf("wrong", "mail.example.org", -1, 30, false),
            "another name",
            false,
        ),
        (
            "unknown-issuer",
            pki.leaf("good", "localhost", -1, 30, false),
            "CA this machine does not trust",
            true,
        ),
        (
            "self-signed",
            pki.leaf("self", "localhost", -1, 30, true),
            "self-signed",
            false,
        ),
    ];
    for (name, (cert, key), says, ca_fixes) in cases {
        let lab = lab_with(&cert, &key);
        // Trust the course CA for every case but the unknown issuer, so only the
        // defect under test can fail.
        let trust: Vec<&str> = if name == "unknown-issuer" {
            vec![]
        } else {
            vec!["--ca-file", &ca]
        };
        let (ok, out, err) = connect(&lab, &trust);
        assert!(
            !ok,
            "{name}: connected although the certificate is bad:\n{out}"
        );
        assert!(
            err.contains(says),
            "{name}: the refusal does not say {says:?}:\n{err}"
        );
        let with_ca = connect(&lab, &["--ca-file", &ca]);
        assert_eq!(
            with_ca.0,
            ca_fixes,
            "{name}: --ca-file should {}fix it:\n{}\n{}",
            if ca_fixes { "" } else { "not " },
            with_ca.1,
            with_ca.2
        );
        if ca_fixes {
            assert!(
                err.contains("--ca-file"),
                "{name}: advice should name --ca-file:\n{err}"
            );
        } else {
            assert!(
                err.contains("--insecure"),
                "{name}: advice should name --insecure:\n{err}"
            );
            let (ok, out, err) = connect(&lab, &["--insecure"]);
            assert!(ok, "{name}: --insecure should get through:\n{out}\n{err}");
            assert!(
                out.contains("NOT verified"),
                "{name}: the summary must say it was not verified:\n{out}"
            );
        }
    }
}
