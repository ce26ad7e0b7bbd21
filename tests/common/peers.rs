//! Real peers nobody here wrote: Dovecot and Postfix started on loopback by
//! `tests/peers/*.sh`, and client programs (python3, curl, swaks, mbsync) run with a
//! time limit. With `CI=true` a missing one fails the test; elsewhere it is skipped.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use super::ports::free_port;

/// Longest a client may run before the test kills it and fails.
pub const CLIENT_TIMEOUT: Duration = Duration::from_secs(60);

/// True when the test runs in CI, where every peer is required.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Skips (returns false) outside CI, fails in CI: `what` is missing and `how` fixes it.
fn missing(what: &str, how: &str) -> bool {
    assert!(!in_ci(), "{what}, and CI=true requires it ({how})");
    eprintln!("skipping: {what} ({how})");
    false
}

/// True when `tool` is an executable on PATH (or in /usr/sbin, /sbin).
pub fn have(tool: &str) -> bool {
    let on_path = std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path)
            .chain(["/usr/sbin", "/sbin"].map(PathBuf::from))
            .any(|dir| {
                let p = dir.join(tool);
                p.is_file()
                    && std::fs::metadata(&p).is_ok_and(|m| {
                        use std::os::unix::fs::PermissionsExt;
                        m.permissions().mode() & 0o111 != 0
                    })
            })
    });
    on_path
        || missing(
            &format!("{tool} is not installed"),
            "tests/peers/install.sh",
        )
}

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Uid:"))
                .and_then(|l| l.split_whitespace().next().map(|u| u == "0"))
        })
        .unwrap_or(false)
}

/// What a finished client did.
pub struct Ran {
    pub status: ExitStatus,
    pub stdout: String,
    pub stdout_bytes: Vec<u8>,
    pub stderr: String,
}

impl Ran {
    /// Panics with everything the client said unless it exited with 0.
    pub fn ok(self, what: &str) -> Ran {
        assert!(
            self.status.success(),
            "{what} failed ({}):\n--- stdout\n{}\n--- stderr\n{}",
            self.status,
            self.stdout,
            self.stderr
        );
        self
    }
}

/// Runs `cmd` in `cwd` with `stdin` as its input, bounded by [`CLIENT_TIMEOUT`].
/// Output goes through files, so a chatty client cannot block on a full pipe.
pub fn run(cmd: &mut Command, cwd: &Path, stdin: &[u8]) -> Ran {
    let io = tempfile::tempdir().expect("temporary directory");
    let in_path = io.path().join("stdin");
    std::fs::write(&in_path, stdin).expect("stdin file");
    let out_path = io.path().join("stdout");
    let err_path = io.path().join("stderr");
    let mut child = cmd
        .current_dir(cwd)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONUTF8", "1")
        .env("PYTHONIOENCODING", "utf-8")
        .env("BROWSER", "true")
        .stdin(File::open(&in_path).expect("stdin"))
        .stdout(File::create(&out_path).expect("stdout"))
        .stderr(File::create(&err_path).expect("stderr"))
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
    let deadline = Instant::now() + CLIENT_TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for client") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            let out = std::fs::read_to_string(&out_path).unwrap_or_default();
            let err = std::fs::read_to_string(&err_path).unwrap_or_default();
            panic!("{cmd:?} still running after {CLIENT_TIMEOUT:?}:\n--- stdout\n{out}\n--- stderr\n{err}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stdout_bytes = std::fs::read(&out_path).unwrap_or_default();
    Ran {
        status,
        stdout: String::from_utf8_lossy(&stdout_bytes).into_owned(),
        stdout_bytes,
        stderr: std::fs::read_to_string(&err_path).unwrap_or_default(),
    }
}

fn peers_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/peers")
}

/// Which certificate the peers present.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeerCert {
    /// A leaf for localhost and 127.0.0.1 signed by a test CA (`Peers::ca`).
    SignedByTestCa,
    /// The self-signed certificate `tests/peers/common.sh` makes (a small Dovecot's
    /// usual set-up); `Peers::ca` is then that certificate itself.
    SelfSigned,
}

/// A private Dovecot (IMAP, IMAPS, POP3, POP3S) and Postfix (SMTP, submission with
/// STARTTLS and AUTH, SMTPS) on free loopback ports, sharing maildirs and users
/// alex/drums and riley/firefly; stopped when dropped.
pub struct Peers {
    dir: tempfile::TempDir,
    pub imap: u16,
    pub imaps: u16,
    pub pop3: u16,
    pub pop3s: u16,
    pub smtp: u16,
    pub submission: u16,
    pub smtps: u16,
    cert: PeerCert,
}

impl Peers {
    /// Starts both peers, or returns `None` (outside CI) when they cannot run here:
    /// Postfix needs root, both need Debian's packages.
    pub fn start() -> Option<Peers> {
        Peers::start_with(PeerCert::SignedByTestCa)
    }

    /// [`Peers::start`] with the certificate of choice.
    pub fn start_with(cert: PeerCert) -> Option<Peers> {
        if !is_root() {
            missing("starting Postfix needs root", "run the tests as root");
            return None;
        }
        if !have("dovecot") || !have("postfix") {
            return None;
        }
        // Dovecot's mail processes run as other users: keep the directory where they
        // can reach it.
        let dir = tempfile::Builder::new()
            .prefix("maillab-peers")
            .tempdir_in("/tmp")
            .expect("temporary directory");
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))
                .expect("chmod");
        }
        let p = Peers {
            imap: free_port(),
            imaps: free_port(),
            pop3: free_port(),
            pop3s: free_port(),
            smtp: free_port(),
            submission: free_port(),
            smtps: free_port(),
            dir,
            cert,
        };
        let dv = p.dovecot_dir();
        std::fs::create_dir_all(&dv).expect("dovecot directory");
        if cert == PeerCert::SignedByTestCa {
            // The peer scripts keep a certificate they find instead of making one.
            let ca_key = rcgen::KeyPair::generate().unwrap();
            let mut cap = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
            cap.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
            cap.distinguished_name
                .push(rcgen::DnType::CommonName, "peer test CA");
            let ca = cap.self_signed(&ca_key).unwrap();
            let key = rcgen::KeyPair::generate().unwrap();
            let mut lp = rcgen::CertificateParams::new(vec![
                "localhost".to_string(),
                "127.0.0.1".to_string(),
            ])
            .unwrap();
            lp.distinguished_name
                .push(rcgen::DnType::CommonName, "localhost");
            let leaf = lp
                .signed_by(&key, &rcgen::Issuer::from_params(&cap, &ca_key))
                .unwrap();
            std::fs::write(dv.join("ca.pem"), ca.pem()).unwrap();
            std::fs::write(dv.join("cert.pem"), leaf.pem()).unwrap();
            std::fs::write(dv.join("key.pem"), key.serialize_pem()).unwrap();
        }
        let cwd = p.dir.path().to_path_buf();
        run(
            Command::new("bash")
                .arg(peers_dir().join("dovecot.sh"))
                .arg("start")
                .arg(&dv)
                .args([p.imap, p.imaps, p.pop3, p.pop3s].map(|n| n.to_string()))
                .stdin(Stdio::null()),
            &cwd,
            b"",
        )
        .ok("tests/peers/dovecot.sh start");
        run(
            Command::new("bash")
                .arg(peers_dir().join("postfix.sh"))
                .arg("start")
                .arg(p.postfix_dir())
                .args([p.smtp, p.submission, p.smtps].map(|n| n.to_string()))
                .arg(&dv),
            &cwd,
            b"",
        )
        .ok("tests/peers/postfix.sh start");
        Some(p)
    }

    /// Dovecot's directory: config, users, certificate, `home/USER/Maildir`.
    pub fn dovecot_dir(&self) -> PathBuf {
        self.dir.path().join("dovecot")
    }

    /// Postfix's directory.
    pub fn postfix_dir(&self) -> PathBuf {
        self.dir.path().join("postfix")
    }

    /// The certificate clients trust: the test CA, or the self-signed leaf itself.
    pub fn ca(&self) -> PathBuf {
        match self.cert {
            PeerCert::SignedByTestCa => self.dovecot_dir().join("ca.pem"),
            PeerCert::SelfSigned => self.dovecot_dir().join("cert.pem"),
        }
    }

    /// The peers' temporary directory.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Peers {
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
