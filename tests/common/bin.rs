//! Running the `maillab` binary the way users do: script mode with input on stdin,
//! and the lab server on free loopback ports.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Longest one script-mode run of the binary may take before it is killed.
pub const RUN_TIMEOUT: Duration = Duration::from_secs(60);
/// Longest the lab server may take to write its ports file.
pub const START_TIMEOUT: Duration = Duration::from_secs(20);

/// The binary under test, for a helper that starts it itself (a pseudo-terminal).
pub fn path() -> &'static str {
    env!("CARGO_BIN_EXE_maillab")
}

/// The binary under test as a [`Command`] (for a test that holds the process
/// itself, e.g. a lab server it kills).
pub fn maillab_cmd() -> Command {
    let mut cmd = Command::new(path());
    // The language follows the locale: tests start from none (English) whatever the
    // runner's, and a test that wants one sets it after this.
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(var);
    }
    cmd
}

/// One run of `maillab`: arguments, environment, what stdin gets, a time limit. Run
/// it to its end with [`Run::output`] (stdin written and stdout/stderr read at the
/// same time, so a long output never blocks it) or start it with [`Run::spawn`].
pub struct Run {
    cmd: Command,
    input: Vec<u8>,
    timeout: Duration,
}

/// `maillab ARGS`, stdin empty, [`RUN_TIMEOUT`] to finish.
pub fn launch<S: AsRef<std::ffi::OsStr>>(args: impl IntoIterator<Item = S>) -> Run {
    let mut cmd = maillab_cmd();
    cmd.args(args);
    Run {
        cmd,
        input: Vec::new(),
        timeout: RUN_TIMEOUT,
    }
}

impl Run {
    /// One more argument.
    pub fn arg(mut self, a: impl AsRef<std::ffi::OsStr>) -> Run {
        self.cmd.arg(a);
        self
    }

    /// More arguments.
    pub fn args_from<S: AsRef<std::ffi::OsStr>>(
        mut self,
        args: impl IntoIterator<Item = S>,
    ) -> Run {
        self.cmd.args(args);
        self
    }

    /// An environment variable.
    pub fn env(mut self, k: &str, v: impl AsRef<std::ffi::OsStr>) -> Run {
        self.cmd.env(k, v);
        self
    }

    /// An environment variable removed.
    pub fn env_remove(mut self, k: &str) -> Run {
        self.cmd.env_remove(k);
        self
    }

    /// Its data directory (`MAILLAB_DATA_DIR`: the lab CA, lesson progress).
    pub fn data_dir(self, dir: &Path) -> Run {
        self.env("MAILLAB_DATA_DIR", dir)
    }

    /// The working directory.
    pub fn current_dir(mut self, dir: &Path) -> Run {
        self.cmd.current_dir(dir);
        self
    }

    /// What stdin gets (then it is closed).
    pub fn stdin(mut self, input: impl AsRef<[u8]>) -> Run {
        self.input = input.as_ref().to_vec();
        self
    }

    /// The time limit (after it the process is killed and what it wrote returned).
    pub fn timeout(mut self, d: Duration) -> Run {
        self.timeout = d;
        self
    }

    /// Runs it to its end (or the time limit).
    pub fn output(self) -> Output {
        self.finish().0
    }

    /// Runs it to its end; panics if it had to be killed at the time limit.
    pub fn output_in_time(self) -> Output {
        let limit = self.timeout;
        let (out, killed) = self.finish();
        assert!(
            !killed,
            "maillab did not finish within {limit:?}:\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
        out
    }

    /// The output, and whether the process was killed at the time limit.
    fn finish(mut self) -> (Output, bool) {
        let mut child = self
            .cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start maillab");
        let mut stdin = child.stdin.take().expect("stdin");
        let input = std::mem::take(&mut self.input);
        // The binary may exit before reading everything (e.g. after QUIT).
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        let read = |mut r: Box<dyn std::io::Read + Send>| {
            std::thread::spawn(move || {
                let mut v = Vec::new();
                let _ = r.read_to_end(&mut v);
                v
            })
        };
        let out = read(Box::new(child.stdout.take().expect("stdout")));
        let err = read(Box::new(child.stderr.take().expect("stderr")));
        let deadline = Instant::now() + self.timeout;
        let mut killed = false;
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break status;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                killed = true;
                break child.wait().expect("wait");
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        let _ = writer.join();
        let out = Output {
            status,
            stdout: out.join().unwrap_or_default(),
            stderr: err.join().unwrap_or_default(),
        };
        (out, killed)
    }

    /// Starts it with stdin, stdout and stderr piped (the caller writes, reads and
    /// waits; the input given with [`Run::stdin`] is written first).
    pub fn spawn(mut self) -> Child {
        let mut child = self
            .cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start maillab");
        if !self.input.is_empty() {
            let _ = child.stdin.as_mut().expect("stdin").write_all(&self.input);
        }
        child
    }

    /// The command as built, for a test that must set up the process itself.
    pub fn command(self) -> Command {
        self.cmd
    }
}

/// Runs `maillab ARGS` with `input` on stdin (script mode), its data directory in
/// `data_dir` (so the lab CA and progress files stay out of the user's home).
/// Bounded by [`RUN_TIMEOUT`]: a hung run is killed and its output returned.
pub fn maillab(args: &[&str], input: &str, data_dir: &Path) -> Output {
    launch(args).stdin(input).data_dir(data_dir).output()
}

/// [`maillab`] with extra environment variables.
pub fn maillab_with(args: &[&str], input: &str, env: &[(&str, &std::ffi::OsStr)]) -> Output {
    let mut run = launch(args).stdin(input);
    for (k, v) in env {
        run = run.env(k, v);
    }
    run.output()
}

/// Stdout and stderr as text.
pub fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// A running `maillab serve` on free loopback ports (`--ports-file`); killed when dropped.
pub struct Lab {
    child: Child,
    dir: tempfile::TempDir,
    /// Listener name (`imap`, `smtps`, …) -> `127.0.0.1:PORT`.
    pub ports: BTreeMap<String, String>,
    /// The lab CA's certificate (`--ca-out`): what clients trust.
    pub ca: PathBuf,
}

/// Every listener of the lab server.
pub const LISTENERS: [&str; 7] = [
    "imap",
    "imaps",
    "pop3",
    "pop3s",
    "smtp",
    "smtps",
    "submission",
];

impl Lab {
    /// `maillab serve` with every listener on a free port.
    pub fn start() -> Lab {
        Lab::start_with(&LISTENERS, &[])
    }

    /// `maillab serve` with `listeners` on free ports, plus `extra` arguments.
    pub fn start_with(listeners: &[&str], extra: &[&str]) -> Lab {
        let dir = tempfile::tempdir().expect("temporary directory");
        let ports_file = dir.path().join("ports.json");
        let ca = dir.path().join("ca.pem");
        let out = File::create(dir.path().join("serve.out")).expect("serve.out");
        let err = File::create(dir.path().join("serve.err")).expect("serve.err");
        let mut cmd = maillab_cmd();
        cmd.arg("serve");
        for name in listeners {
            cmd.arg(format!("--{name}")).arg("127.0.0.1:0");
        }
        let mut child = cmd
            .arg("--ports-file")
            .arg(&ports_file)
            .arg("--ca-out")
            .arg(&ca)
            .args(extra)
            // The lab CA is made on first use; keep it out of the user's data directory.
            .env("MAILLAB_DATA_DIR", dir.path().join("data"))
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .expect("start maillab serve");
        let deadline = Instant::now() + START_TIMEOUT;
        let ports = loop {
            if let Ok(text) = std::fs::read_to_string(&ports_file) {
                if let Ok(map) = serde_json::from_str::<BTreeMap<String, String>>(&text) {
                    break map;
                }
            }
            if let Ok(Some(status)) = child.try_wait() {
                let err = std::fs::read_to_string(dir.path().join("serve.err")).unwrap_or_default();
                panic!("maillab serve exited ({status}) before writing its ports file:\n{err}");
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!("maillab serve wrote no ports file within {START_TIMEOUT:?}");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        for name in listeners {
            assert!(
                ports.contains_key(*name),
                "ports file has no {name:?} entry: {ports:?}"
            );
        }
        Lab {
            child,
            dir,
            ports,
            ca,
        }
    }

    /// `127.0.0.1:PORT` of a listener (`imap`, `pop3`, `smtp`, `submission` …).
    pub fn addr(&self, name: &str) -> &str {
        &self.ports[name]
    }

    /// The port of a listener.
    pub fn port(&self, name: &str) -> u16 {
        let addr = self.addr(name);
        addr.rsplit_once(':')
            .and_then(|(_, p)| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {addr:?}"))
    }

    /// The server's process id (to read its memory use in /proc).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The lab's temporary directory (its data directory is `data/` inside).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// A fresh scratch directory inside the lab's temporary directory.
    pub fn scratch(&self, name: &str) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::create_dir_all(&p).expect("scratch directory");
        p
    }

    /// What the server printed on stderr so far (for failure messages).
    pub fn stderr(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("serve.err")).unwrap_or_default()
    }

    /// What the server printed on stdout so far.
    pub fn stdout(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("serve.out")).unwrap_or_default()
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Lab {
    /// Runs `tests/clients/SCRIPT` with python3 against this lab (its ports file and
    /// `mode` as arguments, the lab CA trusted) and returns the `check: result` lines
    /// the script printed. Panics with everything the script and the server said if
    /// the script fails.
    pub fn python_checks(&self, script: &str, mode: &[&str]) -> BTreeMap<String, String> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/clients")
            .join(script);
        let mut cmd = Command::new("python3");
        cmd.arg(path)
            .arg(self.dir().join("ports.json"))
            .args(mode)
            .env("SSL_CERT_FILE", &self.ca);
        let ran = super::peers::run(&mut cmd, self.dir(), b"");
        assert!(
            ran.status.success(),
            "{script} failed:\n{}\n{}\n--- server\n{}",
            ran.stdout,
            ran.stderr,
            self.stderr()
        );
        ran.stdout
            .lines()
            .filter_map(|l| l.split_once(": "))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }
}
