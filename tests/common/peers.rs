//! Dovecot and Postfix on loopback for tests, started by tests/peers/*.sh with a
//! test CA and a certificate it signed for `localhost` and `127.0.0.1`; stopped on
//! drop. With `CI=true` a missing peer fails the test; elsewhere it is skipped
//! with a message (tests/peers/install.sh installs them).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::ports::free_port;

pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Whether the peer can run here; in CI its absence is a failure.
pub fn peer_available(bin: &str) -> bool {
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

/// A private Dovecot (IMAP, IMAPS, POP3, POP3S) and Postfix (SMTP, submission,
/// SMTPS) in a temporary directory.
pub struct RealServers {
    pub dir: tempfile::TempDir,
    pub imap: u16,
    pub imaps: u16,
    pub pop3: u16,
    pub pop3s: u16,
    pub smtp: u16,
    pub submission: u16,
    pub smtps: u16,
    /// The test CA's certificate (DER), for TLS clients to trust.
    pub ca_der: Vec<u8>,
}

impl RealServers {
    /// Starts both peers; `postfix_extra` is added to Postfix's main.cf (later
    /// lines win there). `None` when a peer is not installed outside CI.
    pub fn start(postfix_extra: &str) -> Option<RealServers> {
        if !peer_available("dovecot") || !peer_available("postfix") {
            return None;
        }
        // Dovecot's mail processes must reach the directory: keep it under /tmp.
        let dir = tempfile::Builder::new()
            .prefix("maillab-peers")
            .tempdir_in("/tmp")
            .unwrap();
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
        let s = RealServers {
            imap: free_port(),
            imaps: free_port(),
            pop3: free_port(),
            pop3s: free_port(),
            smtp: free_port(),
            submission: free_port(),
            smtps: free_port(),
            ca_der: ca.der().to_vec(),
            dir,
        };
        let dv = s.dovecot_dir();
        std::fs::create_dir_all(&dv).unwrap();
        std::fs::write(dv.join("ca.pem"), ca.pem()).unwrap();
        std::fs::write(dv.join("cert.pem"), leaf.pem()).unwrap();
        std::fs::write(dv.join("key.pem"), key.serialize_pem()).unwrap();
        let run = |args: &[String]| {
            let out = Command::new("bash")
                .args(args)
                .env("POSTFIX_EXTRA", postfix_extra)
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
            s.smtp.to_string(),
            s.submission.to_string(),
            s.smtps.to_string(),
            dv.display().to_string(),
        ]);
        Some(s)
    }

    pub fn dovecot_dir(&self) -> PathBuf {
        self.dir.path().join("dovecot")
    }

    pub fn postfix_dir(&self) -> PathBuf {
        self.dir.path().join("postfix")
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
