//! `maillab connect` in script mode against real servers nobody here wrote: Dovecot
//! (IMAP and POP3, STARTTLS/STLS and implicit TLS) and Postfix (submission with
//! STARTTLS and AUTH, SMTPS), started on loopback by tests/peers/*.sh with a test
//! certificate the client trusts through `--ca-file`. Then the certificate checks:
//! `maillab serve --cert/--key` with deliberately bad certificates, each refused with
//! its own explanation and each passed only by the way the explanation names.
//!
//! With `CI=true` a missing Dovecot or Postfix fails the test; elsewhere it is skipped
//! with a message (tests/peers/install.sh installs them).

#[path = "common/ports.rs"]
mod ports;
use ports::free_port;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Whether the peer can run here; in CI its absence is a failure.
fn peer_available(bin: &str) -> bool {
    let found = ["/usr/sbin", "/usr/bin", "/sbin", "/bin"]
        .iter()
        .any(|d| Path::new(d).join(bin).exists());
    if !found {
        assert!(
            !in_ci(),
            "{bin} is missing: tests/peers/install.sh must install it in CI"
        );
        eprintln!("skipping: {bin} is not installed (run tests/peers/install.sh as root)");
    }
    found
}

fn peers_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/peers")
}

/// Dovecot and Postfix in a temporary directory; stopped on drop.
struct RealServers {
    dir: tempfile::TempDir,
    imap: u16,
    imaps: u16,
    pop3: u16,
    pop3s: u16,
    submission: u16,
    smtps: u16,
}

impl RealServers {
    fn start() -> Option<RealServers> {
        if !peer_available("dovecot") || !peer_available("postfix") {
            return None;
        }
        // Dovecot's mail processes must reach the directory: keep it under /tmp, not a
        // private home.
        let dir = tempfile::Builder::new()
            .prefix("maillab-peers")
            .tempdir_in("/tmp")
            .unwrap();
        let s = RealServers {
            imap: free_port(),
            imaps: free_port(),
            pop3: free_port(),
            pop3s: free_port(),
            submission: free_port(),
            smtps: free_port(),
            dir,
        };
        let dv = s.dovecot_dir();
        // A test CA and a certificate it signed for localhost and 127.0.0.1: the peer
        // scripts keep a certificate they find instead of making a self-signed one.
        std::fs::create_dir_all(&dv).unwrap();
        let ca_key = rcgen::KeyPair::generate().unwrap();
        let mut cap = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        cap.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        cap.distinguished_name
            .push(rcgen::DnType::CommonName, "peer test CA");
        let ca = cap.self_signed(&ca_key).unwrap();
        let key = rcgen::KeyPair::generate().unwrap();
        let mut lp =
            rcgen::CertificateParams::new(vec!["localhost".to_string(), "127.0.0.1".to_string()])
                .unwrap();
        lp.distinguished_name
            .push(rcgen::DnType::CommonName, "localhost");
        let leaf = lp
            .signed_by(&key, &rcgen::Issuer::from_params(&cap, &ca_key))
            .unwrap();
        std::fs::write(dv.join("ca.pem"), ca.pem()).unwrap();
        std::fs::write(dv.join("cert.pem"), leaf.pem()).unwrap();
        std::fs::write(dv.join("key.pem"), key.serialize_pem()).unwrap();
        let run = |args: &[String]| {
            let out = Command::new("bash")
                .args(args)
                .stdin(Stdio::null())
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{args:?} failed:\n{}\n{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        };
        let script = |name: &str| peers_dir().join(name).display().to_string();
        run(&[
            script("dovecot.sh"),
            "start".into(),
            dv.display().to_string(),
            s.imap.to_string(),
            s.imaps.to_string(),
            s.pop3.to_string(),
            s.pop3s.to_string(),
        ]);
        run(&[
            script("postfix.sh"),
            "start".into(),
            s.postfix_dir().display().to_string(),
            free_port().to_string(),
            s.submission.to_string(),
            s.smtps.to_string(),
            dv.display().to_string(),
        ]);
        Some(s)
    }
    fn dovecot_dir(&self) -> PathBuf {
        self.dir.path().join("dovecot")
    }
    fn postfix_dir(&self) -> PathBuf {
        self.dir.path().join("postfix")
    }
    fn ca(&self) -> String {
        self.dovecot_dir().join("ca.pem").display().to_string()
    }
}

impl Drop for RealServers {
    fn drop(&mut self) {
        for (script, dir) in [
            ("postfix.sh", self.postfix_dir()),
            ("dovecot.sh", self.dovecot_dir()),
        ] {
            let _ = Command::new("bash")
                .arg(peers_dir().join(script))
                .arg("stop")
                .arg(dir)
                .stdin(Stdio::null())
                .output();
        }
    }
}

/// Runs `maillab ARGS` with `input` on stdin (script mode); bounded by a timeout.
fn maillab(args: &[&str], input: &str, data_dir: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_maillab"))
        .args(args)
        .env("MAILLAB_DATA_DIR", data_dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(input.as_bytes()).unwrap();
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// A transcript line `S: <tag> OK ...` for an auto-tag number.
fn has_reply(out: &str, prefix: &str) -> bool {
    out.lines().any(|l| l.starts_with(&format!("S: {prefix}")))
}

#[test]
fn dovecot_imap_starttls_and_imaps_login() {
    let Some(srv) = RealServers::start() else {
        return;
    };
    let data = srv.dir.path().join("maillab-data");
    let url = format!("imap://127.0.0.1:{}", srv.imap);
    let o = maillab(
        &["connect", &url, "--starttls", "--ca-file", &srv.ca()],
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
        &["connect", &url, "--ca-file", &srv.ca()],
        "LOGIN alex drums\nLOGOUT\n",
        &data,
    );
    let (out, err) = text(&o);
    assert!(out.contains("TLS is on"), "{out}\n{err}");
    assert!(out.contains("Logged in"), "{out}");
}

#[test]
fn dovecot_pop3_stls_and_pop3s() {
    let Some(srv) = RealServers::start() else {
        return;
    };
    let data = srv.dir.path().join("maillab-data");
    let url = format!("pop3://127.0.0.1:{}", srv.pop3);
    let o = maillab(
        &["connect", &url, "--ca-file", &srv.ca()],
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
        &["connect", &url, "--ca-file", &srv.ca()],
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

fn submission_session(url: &str, extra: &[&str], srv: &RealServers, subject: &str) {
    let data = srv.dir.path().join("maillab-data");
    let ca = srv.ca();
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
    let Some(srv) = RealServers::start() else {
        return;
    };
    let url = format!("smtp://127.0.0.1:{}", srv.submission);
    submission_session(&url, &["--starttls"], &srv, "over submission");
}

#[test]
fn postfix_smtps_with_auth() {
    let Some(srv) = RealServers::start() else {
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
struct Lab(std::process::Child, u16, tempfile::TempDir);

impl Drop for Lab {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn lab_with(cert: &str, key: &str) -> Lab {
    let dir = tempfile::tempdir().unwrap();
    let ports = dir.path().join("ports.json");
    let child = Command::new(env!("CARGO_BIN_EXE_maillab"))
        .args([
            "serve",
            "--quiet",
            "--imaps",
            "127.0.0.1:0",
            "--cert",
            cert,
            "--key",
            key,
            "--ports-file",
        ])
        .arg(&ports)
        .stdin(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while !ports.exists() {
        assert!(Instant::now() < deadline, "no ports file");
        std::thread::sleep(Duration::from_millis(20));
    }
    let map: std::collections::HashMap<String, String> =
        serde_json::from_str(&std::fs::read_to_string(&ports).unwrap()).unwrap();
    let port = map["imaps"].rsplit_once(':').unwrap().1.parse().unwrap();
    Lab(child, port, dir)
}

/// Connects with `extra` flags; returns (succeeded, stdout, stderr).
fn connect(lab: &Lab, extra: &[&str]) -> (bool, String, String) {
    let url = format!("imaps://localhost:{}", lab.1);
    let mut args = vec!["connect", url.as_str(), "--no-explain"];
    args.extend_from_slice(extra);
    let o = maillab(&args, "LOGIN alex drums\nLOGOUT\n", lab.2.path());
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
