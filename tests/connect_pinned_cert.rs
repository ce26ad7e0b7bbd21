//! `maillab connect --ca-file` against a Dovecot presenting a self-signed certificate
//! (how a small or home server is usually set up): the very certificate given with
//! `--ca-file` is accepted as pinned, and still refused when it has expired or names
//! another host. Dovecot is started on loopback by tests/peers/dovecot.sh.
//!
//! With `CI=true` a missing Dovecot fails the test; elsewhere it is skipped with a
//! message (tests/peers/install.sh installs it).

mod common;
use common::ports::free_port;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn dovecot_available() -> bool {
    let found = Path::new("/usr/sbin/dovecot").exists() || Path::new("/usr/bin/dovecot").exists();
    if !found {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "dovecot is missing: tests/peers/install.sh must install it in CI"
        );
        eprintln!("skipping: dovecot is not installed (run tests/peers/install.sh as root)");
    }
    found
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/peers/dovecot.sh")
}

/// A Dovecot serving a self-signed (CA:TRUE, as `openssl req -x509` makes) certificate
/// for `names`, valid from `from` to `to` days from now; stopped on drop.
struct Dovecot {
    dir: tempfile::TempDir,
    imaps: u16,
}

impl Dovecot {
    fn start(names: &[&str], from: i64, to: i64) -> Dovecot {
        let dir = tempfile::Builder::new()
            .prefix("maillab-pin")
            .tempdir_in("/tmp")
            .unwrap();
        let key = rcgen::KeyPair::generate().unwrap();
        let mut p =
            rcgen::CertificateParams::new(names.iter().map(|s| s.to_string()).collect::<Vec<_>>())
                .unwrap();
        p.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        p.distinguished_name
            .push(rcgen::DnType::CommonName, names[0]);
        let now = time::OffsetDateTime::now_utc();
        p.not_before = now + time::Duration::days(from);
        p.not_after = now + time::Duration::days(to);
        let cert = p.self_signed(&key).unwrap();
        let dv = dir.path().join("dovecot");
        std::fs::create_dir_all(&dv).unwrap();
        std::fs::write(dv.join("cert.pem"), cert.pem()).unwrap();
        std::fs::write(dv.join("key.pem"), key.serialize_pem()).unwrap();
        let ports = [free_port(), free_port(), free_port(), free_port()];
        let out = Command::new("bash")
            .arg(script())
            .arg("start")
            .arg(&dv)
            .args(ports.iter().map(u16::to_string))
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "dovecot.sh failed:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        Dovecot {
            dir,
            imaps: ports[1],
        }
    }
    fn cert(&self) -> String {
        self.dir
            .path()
            .join("dovecot/cert.pem")
            .display()
            .to_string()
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        let _ = Command::new("bash")
            .arg(script())
            .arg("stop")
            .arg(self.dir.path().join("dovecot"))
            .stdin(Stdio::null())
            .output();
    }
}

/// `maillab ARGS` in script mode with `input`, bounded by a timeout.
fn maillab(args: &[&str], input: &str, data_dir: &Path) -> (String, String) {
    let o = common::bin::launch(args)
        .data_dir(data_dir)
        .env("XDG_CONFIG_HOME", data_dir)
        .stdin(input)
        .output();
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn dovecot_self_signed_certificate_is_pinned_or_refused() {
    if !dovecot_available() {
        return;
    }
    let data = tempfile::tempdir().unwrap();

    let good = Dovecot::start(&["localhost", "127.0.0.1"], -1, 30);
    let url = format!("imaps://localhost:{}", good.imaps);
    // Without the certificate it is refused as self-signed, and the advice names --ca-file.
    let (out, err) = maillab(&["connect", &url], "LOGOUT\n", data.path());
    let all = format!("{out}{err}");
    assert!(all.contains("self-signed"), "{all}");
    assert!(all.contains("--ca-file"), "{all}");
    assert!(!out.contains("Dovecot ready"), "{all}");
    // With it, the session runs and the summary says it was pinned.
    let (out, err) = maillab(
        &["connect", &url, "--ca-file", &good.cert()],
        "LOGIN alex drums\nLOGOUT\n",
        data.path(),
    );
    assert!(out.contains("verified by pinning"), "{out}\n{err}");
    assert!(out.contains("Logged in"), "{out}\n{err}");
    let url_ip = format!("imaps://127.0.0.1:{}", good.imaps);
    let (out, err) = maillab(
        &["connect", &url_ip, "--ca-file", &good.cert()],
        "LOGOUT\n",
        data.path(),
    );
    assert!(out.contains("verified by pinning"), "{out}\n{err}");
    drop(good);

    let expired = Dovecot::start(&["localhost", "127.0.0.1"], -30, -1);
    let url = format!("imaps://localhost:{}", expired.imaps);
    let (out, err) = maillab(
        &["connect", &url, "--ca-file", &expired.cert()],
        "LOGOUT\n",
        data.path(),
    );
    let all = format!("{out}{err}");
    assert!(all.contains("has expired"), "{all}");
    assert!(!all.contains("verified by pinning"), "{all}");
    drop(expired);

    let other = Dovecot::start(&["mail.example.org"], -1, 30);
    let url = format!("imaps://localhost:{}", other.imaps);
    let (out, err) = maillab(
        &["connect", &url, "--ca-file", &other.cert()],
        "LOGOUT\n",
        data.path(),
    );
    let all = format!("{out}{err}");
    assert!(all.contains("for another name"), "{all}");
    assert!(!all.contains("verified by pinning"), "{all}");
}
