//! `maillab serve --trace --transcripts DIR --stats-file FILE` watched from outside:
//! the course notes' Python clients and raw socket clients talk to the lab server,
//! and the test reads what the server printed, the transcript files it wrote and
//! its statistics.
//!
//! - the trace shows every session's lines with the session id, protocol and user,
//!   an explanation under replies, message data elided with its size, the TLS
//!   boundary, and never a password (unless `--show-secrets`);
//! - each transcript holds exactly the trace's lines of its session;
//! - the statistics count the octets a client counted on its own socket, on the
//!   wire (TLS records included) and inside TLS, and the round trips it waited;
//! - refused connections and failed handshakes are traced and counted too.

mod common;
use common::bin::{Lab, LISTENERS};
use common::peers::{have, run};

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Longest a trace or statistics record may take to appear.
const SETTLE: Duration = Duration::from_secs(20);

fn clients_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clients")
}

/// A course script that trusts the lab CA.
fn py(lab: &Lab, script: &str) -> Command {
    let mut c = Command::new("python3");
    c.arg(clients_dir().join(script));
    c.env("SSL_CERT_FILE", &lab.ca);
    c
}

/// Waits until `f` holds, or panics with `what` after [`SETTLE`].
fn wait_until(what: &str, mut f: impl FnMut() -> bool, lab: &Lab) {
    let deadline = Instant::now() + SETTLE;
    while !f() {
        if Instant::now() > deadline {
            panic!(
                "{what} did not happen within {SETTLE:?}\n--- stdout\n{}\n--- stderr\n{}",
                lab.stdout(),
                lab.stderr()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The statistics document, if it is there.
fn stats(path: &Path) -> Option<serde_json::Value> {
    serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

/// The sessions the statistics list.
fn stat_sessions(path: &Path) -> Vec<serde_json::Value> {
    stats(path)
        .and_then(|v| v["sessions"].as_array().cloned())
        .unwrap_or_default()
}

/// A trace line split into (session id, protocol, user, the rest).
fn split(line: &str) -> Option<(usize, String, Option<String>, String)> {
    let inner = line.strip_prefix('[')?;
    let (head, rest) = inner.split_once("] ")?;
    let mut words = head.split(' ');
    let id = words.next()?.parse().ok()?;
    let proto = words.next()?.to_string();
    let user = words.next().map(str::to_string);
    Some((id, proto, user, rest.to_string()))
}

/// The trace's lines per session id, prefixes removed.
fn by_session(stdout: &str) -> BTreeMap<usize, Vec<(Option<String>, String)>> {
    let mut m: BTreeMap<usize, Vec<_>> = BTreeMap::new();
    for l in stdout.lines() {
        if let Some((id, _, user, rest)) = split(l) {
            m.entry(id).or_default().push((user, rest));
        }
    }
    m
}

/// The session whose trace has a line containing `needle`.
fn session_with<'a>(
    sessions: &'a BTreeMap<usize, Vec<(Option<String>, String)>>,
    needle: &str,
) -> (usize, &'a Vec<(Option<String>, String)>) {
    sessions
        .iter()
        .find(|(_, lines)| lines.iter().any(|(_, l)| l.contains(needle)))
        .map(|(id, l)| (*id, l))
        .unwrap_or_else(|| panic!("no traced session shows {needle:?}:\n{sessions:#?}"))
}

#[test]
fn course_clients_are_traced_with_user_explanations_and_masked_secrets() {
    if !have("python3") {
        return;
    }
    let work = tempfile::tempdir().expect("temporary directory");
    let transcripts = work.path().join("transcripts");
    let stats_file = work.path().join("stats.json");
    let lab = Lab::start_with(
        &LISTENERS,
        &[
            "--trace",
            "--transcripts",
            transcripts.to_str().unwrap(),
            "--stats-file",
            stats_file.to_str().unwrap(),
        ],
    );
    let cwd = lab.scratch("clients");
    // Note 000's Code 1 over IMAPS, note 002's program over submission + STARTTLS,
    // poplib over STLS.
    run(
        py(&lab, "imap_code1.py")
            .arg("127.0.0.1")
            .arg(lab.port("imaps").to_string()),
        &cwd,
        b"",
    )
    .ok("imap_code1.py");
    std::fs::copy(
        clients_dir().join("data/invoice.pdf"),
        cwd.join("invoice.pdf"),
    )
    .expect("invoice.pdf");
    run(
        py(&lab, "smtp_note002.py")
            .arg("127.0.0.1")
            .arg(lab.port("submission").to_string()),
        &cwd,
        b"riley@maillab.test\ninvoice.pdf\n",
    )
    .ok("smtp_note002.py");
    run(
        py(&lab, "pop3_client.py").args([
            "127.0.0.1",
            &lab.port("pop3").to_string(),
            "riley",
            "firefly",
            cwd.join("pop").to_str().unwrap(),
            "--tls",
            "stls",
        ]),
        &cwd,
        b"",
    )
    .ok("pop3_client.py");
    wait_until(
        "three ended sessions in the statistics",
        || stat_sessions(&stats_file).len() >= 3,
        &lab,
    );
    wait_until(
        "three closed sessions in the trace",
        || lab.stdout().matches("-- session closed").count() >= 3,
        &lab,
    );
    let out = lab.stdout();
    let sessions = by_session(&out);

    // No password and no SASL PLAIN answer ever shows in the trace (the banner
    // before it lists the demo accounts).
    let traced: String = out
        .lines()
        .filter(|l| split(l).is_some())
        .collect::<Vec<_>>()
        .join("\n");
    let plain = maillab::protocol::sasl::plain_encode("", "alex", "drums");
    for secret in ["drums", "firefly", plain.as_str()] {
        assert!(
            !traced.contains(secret),
            "the trace shows {secret:?}:\n{out}"
        );
    }

    // IMAP (note 000): the login masked, the user on every line after it, the
    // message data elided with its size, replies explained.
    let (_, imap) = session_with(&sessions, "LOGIN alex ****");
    let after_login = imap
        .iter()
        .position(|(_, l)| l.contains("logged in as alex"))
        .expect("a login note");
    assert!(imap[..after_login].iter().all(|(u, _)| u.is_none()));
    assert!(imap[after_login..]
        .iter()
        .all(|(u, _)| u.as_deref() == Some("alex")));
    assert!(imap
        .iter()
        .any(|(_, l)| l.starts_with("C: ") && l.contains("SELECT")));
    assert!(
        imap.iter()
            .any(|(_, l)| l.starts_with("S: [") && l.contains("octets of message data")),
        "{imap:#?}"
    );
    let explained = |lines: &Vec<(Option<String>, String)>| {
        lines
            .windows(2)
            .filter(|w| w[0].1.starts_with("S: ") && w[1].1.starts_with("   = "))
            .count()
    };
    assert!(explained(imap) >= 5, "{imap:#?}");
    assert!(
        imap.iter()
            .any(|(_, l)| l.starts_with("   = ") && l.contains("(RFC 3501")),
        "{imap:#?}"
    );

    // SMTP (note 002): STARTTLS marked where it happens, the login's SASL answer
    // masked, the body elided with its size, the user named by the SASL answer.
    let (_, smtp) = session_with(&sessions, "C: [message body:");
    assert!(
        smtp.iter()
            .any(|(_, l)| l.starts_with("C: AUTH ") && (l.ends_with("****") || l.len() < 20)),
        "{smtp:#?}"
    );
    assert!(smtp.iter().any(|(_, l)| l == "C: ****"), "{smtp:#?}");
    let tls_at = smtp
        .iter()
        .position(|(_, l)| l.starts_with("-- TLS starts here"))
        .expect("the TLS boundary");
    assert!(smtp[tls_at - 1].1.starts_with("   = ") || smtp[tls_at - 1].1.starts_with("S: 220"));
    assert!(smtp
        .iter()
        .any(|(u, l)| u.as_deref() == Some("alex") && l.starts_with("C: [message body:")));
    assert!(explained(smtp) >= 5, "{smtp:#?}");

    // POP3 over STLS: riley, PASS masked, RETR data elided, LIST shown.
    let (_, pop) = session_with(&sessions, "PASS ****");
    assert!(pop.iter().any(|(u, _)| u.as_deref() == Some("riley")));
    assert!(pop.iter().any(|(_, l)| l.starts_with("-- TLS is up")));
    assert!(pop
        .iter()
        .any(|(_, l)| l.starts_with("S: [") && l.contains("octets of message data")));

    // Each transcript is its session's trace, lines for lines, and names its user.
    let mut files: Vec<PathBuf> = std::fs::read_dir(&transcripts)
        .expect("transcripts directory")
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), sessions.len(), "{files:?}");
    for (id, lines) in &sessions {
        let file = files
            .iter()
            .find(|f| {
                f.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(&format!("{id:05}-"))
            })
            .unwrap_or_else(|| panic!("no transcript for session {id}: {files:?}"));
        let text = std::fs::read_to_string(file).unwrap();
        let traced: Vec<&str> = lines.iter().map(|(_, l)| l.as_str()).collect();
        let kept: Vec<&str> = text.lines().collect();
        assert_eq!(kept, traced, "transcript {file:?} differs from the trace");
        if let Some(user) = lines.last().and_then(|(u, _)| u.as_deref()) {
            assert!(
                file.to_string_lossy().ends_with(&format!("-{user}.txt")),
                "{file:?}"
            );
        }
        for secret in ["drums", "firefly"] {
            assert!(!text.contains(secret), "{file:?} shows {secret:?}");
        }
    }

    // The statistics name the users and protocols, with TLS handshakes timed.
    let doc = stats(&stats_file).unwrap();
    assert_eq!(doc["version"], 1);
    let users: Vec<(String, String)> = stat_sessions(&stats_file)
        .iter()
        .map(|s| {
            (
                s["listener"].as_str().unwrap_or("").to_string(),
                s["user"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    for want in [("imaps", "alex"), ("submission", "alex"), ("pop3", "riley")] {
        assert!(
            users.iter().any(|(l, u)| l == want.0 && u == want.1),
            "{want:?} not in {users:?}"
        );
    }
    for s in stat_sessions(&stats_file) {
        assert_eq!(s["tls"], true, "{s}");
        assert!(
            s["tls_handshake_ms"].as_f64().is_some_and(|ms| ms > 0.0),
            "{s}"
        );
        // TLS records cost more octets on the wire than the text inside them.
        assert!(s["wire_out"].as_u64() > s["text_out"].as_u64(), "{s}");
    }
}

/// A raw client that counts every octet it sends and receives.
struct Raw {
    s: TcpStream,
    buf: Vec<u8>,
    sent: u64,
    got: u64,
}

impl Raw {
    fn connect(addr: &str) -> Raw {
        let s = TcpStream::connect(addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        Raw {
            s,
            buf: Vec::new(),
            sent: 0,
            got: 0,
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.s.write_all(bytes).expect("write");
        self.sent += bytes.len() as u64;
    }

    /// Reads until `done(received so far)`; returns what came.
    fn until(&mut self, done: impl Fn(&[u8]) -> bool) -> String {
        let mut chunk = [0u8; 4096];
        while !done(&self.buf) {
            let n = self.s.read(&mut chunk).expect("read");
            assert!(
                n > 0,
                "closed early after {:?}",
                String::from_utf8_lossy(&self.buf)
            );
            self.got += n as u64;
            self.buf.extend_from_slice(&chunk[..n]);
        }
        String::from_utf8_lossy(&std::mem::take(&mut self.buf)).into_owned()
    }

    fn line(&mut self) -> String {
        self.until(|b| b.ends_with(b"\r\n"))
    }

    /// Reads SMTP replies until `n` final lines came.
    fn smtp(&mut self, n: usize) -> String {
        self.until(|b| {
            b.ends_with(b"\r\n")
                && String::from_utf8_lossy(b)
                    .lines()
                    .filter(|l| l.as_bytes().get(3) == Some(&b' '))
                    .count()
                    >= n
        })
    }

    /// Reads to the end of the connection.
    fn rest(&mut self) {
        let mut chunk = [0u8; 4096];
        loop {
            match self.s.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => self.got += n as u64,
            }
        }
    }
}

/// The statistics entry of the session on `listener` whose user is `user`.
fn entry(file: &Path, listener: &str, user: Option<&str>) -> serde_json::Value {
    stat_sessions(file)
        .into_iter()
        .find(|s| s["listener"] == listener && s["user"].as_str() == user)
        .unwrap_or_else(|| panic!("no {listener} session of {user:?} in {:?}", stats(file)))
}

#[test]
fn statistics_match_the_octets_and_round_trips_a_raw_client_counted() {
    let work = tempfile::tempdir().expect("temporary directory");
    let stats_file = work.path().join("stats.json");
    let lab = Lab::start_with(
        &["pop3", "smtp"],
        &["--stats-file", stats_file.to_str().unwrap()],
    );

    // POP3: six commands, each waited for.
    let mut c = Raw::connect(lab.addr("pop3"));
    assert!(c.line().starts_with("+OK"));
    c.send(b"USER alex\r\n");
    c.line();
    c.send(b"PASS drums\r\n");
    assert!(c.line().starts_with("+OK"));
    c.send(b"STAT\r\n");
    c.line();
    c.send(b"LIST\r\n");
    c.until(|b| b.ends_with(b"\r\n.\r\n"));
    c.send(b"RETR 1\r\n");
    c.until(|b| b.ends_with(b"\r\n.\r\n"));
    c.send(b"QUIT\r\n");
    c.line();
    c.rest();
    let (pop_sent, pop_got) = (c.sent, c.got);

    // SMTP with PIPELINING: MAIL, RCPT and DATA in one flight (RFC 2920).
    let mut c = Raw::connect(lab.addr("smtp"));
    c.smtp(1);
    c.send(b"EHLO raw.example\r\n");
    assert!(c.smtp(1).contains("PIPELINING"));
    c.send(b"MAIL FROM:<raw@example.org>\r\nRCPT TO:<alex@maillab.test>\r\nDATA\r\n");
    let replies = c.smtp(3);
    assert!(replies.contains("354"), "{replies}");
    c.send(b"Subject: counted\r\n\r\none line\r\n.\r\n");
    assert!(c.smtp(1).starts_with("250"));
    c.send(b"QUIT\r\n");
    c.smtp(1);
    c.rest();
    let (smtp_sent, smtp_got) = (c.sent, c.got);

    wait_until(
        "both sessions in the statistics",
        || stat_sessions(&stats_file).len() >= 2,
        &lab,
    );
    let pop = entry(&stats_file, "pop3", Some("alex"));
    assert_eq!(pop["wire_in"], pop_sent, "{pop}");
    assert_eq!(pop["wire_out"], pop_got, "{pop}");
    // No TLS: the text is the wire.
    assert_eq!(pop["text_in"], pop_sent, "{pop}");
    assert_eq!(pop["text_out"], pop_got, "{pop}");
    assert_eq!(pop["commands"], 6, "{pop}");
    assert_eq!(pop["round_trips"], 6, "{pop}");
    assert_eq!(pop["tls"], false);
    assert!(pop["first_byte_ms"].as_f64().is_some());
    assert!(pop["duration_ms"].as_f64() >= pop["first_byte_ms"].as_f64());

    let smtp = entry(&stats_file, "smtp", None);
    assert_eq!(smtp["wire_in"], smtp_sent, "{smtp}");
    assert_eq!(smtp["wire_out"], smtp_got, "{smtp}");
    assert_eq!(smtp["commands"], 5, "{smtp}");
    // EHLO, the pipelined group, the message, QUIT.
    assert_eq!(smtp["round_trips"], 4, "{smtp}");
    let totals = &stats(&stats_file).unwrap()["protocols"];
    assert_eq!(totals["smtp"]["wire_in"], smtp_sent);
    assert_eq!(totals["pop3"]["sessions"], 1);
}

/// Python's TLS over a memory BIO: the client counts the octets on its socket
/// (TLS records) and the protocol text inside, on its own.
const TLS_COUNTER: &str = r#"
import socket, ssl, sys
host, port, ca = sys.argv[1], int(sys.argv[2]), sys.argv[3]
ctx = ssl.create_default_context(cafile=ca)
inc, out = ssl.MemoryBIO(), ssl.MemoryBIO()
tls = ctx.wrap_bio(inc, out, server_hostname="localhost")
s = socket.create_connection((host, port), timeout=20)
raw = {"in": 0, "out": 0}
text = {"in": 0, "out": 0}
def flush():
    data = out.read()
    if data:
        s.sendall(data)
        raw["out"] += len(data)
def pump():
    data = s.recv(65536)
    raw["in"] += len(data)
    if data:
        inc.write(data)
    else:
        inc.write_eof()
    return data
while True:
    try:
        tls.do_handshake()
        break
    except ssl.SSLWantReadError:
        flush()
        pump()
flush()
def line():
    got = b""
    while not got.endswith(b"\r\n"):
        try:
            chunk = tls.read(65536)
            text["in"] += len(chunk)
            got += chunk
        except ssl.SSLWantReadError:
            flush()
            pump()
    return got
def send(cmd):
    tls.write(cmd)
    text["out"] += len(cmd)
    flush()
    return line()
assert line().startswith(b"+OK")
send(b"USER sam\r\n")
assert send(b"PASS abcdefghijklmnop\r\n").startswith(b"+OK")
send(b"STAT\r\n")
send(b"QUIT\r\n")
while pump():
    pass
print(raw["out"], raw["in"], text["out"], text["in"])
"#;

#[test]
fn tls_statistics_match_the_records_and_text_a_client_counted() {
    if !have("python3") {
        return;
    }
    let work = tempfile::tempdir().expect("temporary directory");
    let stats_file = work.path().join("stats.json");
    let lab = Lab::start_with(&["pop3s"], &["--stats-file", stats_file.to_str().unwrap()]);
    let ran = run(
        Command::new("python3").args([
            "-c",
            TLS_COUNTER,
            "127.0.0.1",
            &lab.port("pop3s").to_string(),
            lab.ca.to_str().unwrap(),
        ]),
        work.path(),
        b"",
    )
    .ok("the TLS counting client");
    let n: Vec<u64> = ran
        .stdout
        .split_whitespace()
        .map(|w| w.parse().unwrap())
        .collect();
    let [raw_out, raw_in, text_out, text_in] = n[..] else {
        panic!("four counts expected: {}", ran.stdout)
    };
    wait_until(
        "the session in the statistics",
        || !stat_sessions(&stats_file).is_empty(),
        &lab,
    );
    let s = entry(&stats_file, "pop3s", Some("sam"));
    assert_eq!(s["wire_in"], raw_out, "{s}");
    assert_eq!(s["wire_out"], raw_in, "{s}");
    assert_eq!(s["text_in"], text_out, "{s}");
    assert_eq!(s["text_out"], text_in, "{s}");
    assert_eq!(s["tls"], true);
    assert!(s["tls_handshake_ms"].as_f64().is_some(), "{s}");
}

#[test]
fn refused_and_failed_connections_are_traced_and_counted() {
    let work = tempfile::tempdir().expect("temporary directory");
    let stats_file = work.path().join("stats.json");
    let lab = Lab::start_with(
        &["pop3", "pop3s"],
        &[
            "--trace",
            "--stats-file",
            stats_file.to_str().unwrap(),
            "--limit",
            "max-connections=1",
            "--limit",
            "tls-timeout=5",
        ],
    );
    // One connection holds the only slot; the next is told to try later.
    let mut first = Raw::connect(lab.addr("pop3"));
    assert!(first.line().starts_with("+OK"));
    let mut second = Raw::connect(lab.addr("pop3"));
    let busy = second.line();
    assert!(busy.starts_with("-ERR [SYS/TEMP]"), "{busy}");
    second.rest();
    first.send(b"QUIT\r\n");
    first.line();
    first.rest();
    // Not TLS at all on the implicit-TLS port.
    let mut junk = Raw::connect(lab.addr("pop3s"));
    junk.send(b"USER alex\r\n");
    junk.rest();

    wait_until(
        "three sessions in the statistics",
        || stat_sessions(&stats_file).len() >= 3,
        &lab,
    );
    let failures: Vec<String> = stat_sessions(&stats_file)
        .iter()
        .map(|s| s["failure"].as_str().unwrap_or("none").to_string())
        .collect();
    assert!(failures.contains(&"busy".to_string()), "{failures:?}");
    assert!(
        failures.contains(&"tls-handshake".to_string()),
        "{failures:?}"
    );
    let busy_entry = stat_sessions(&stats_file)
        .into_iter()
        .find(|s| s["failure"] == "busy")
        .unwrap();
    assert_eq!(busy_entry["wire_out"], second.got, "{busy_entry}");

    wait_until(
        "the refusal in the trace",
        || lab.stdout().contains("!! refused"),
        &lab,
    );
    let out = lab.stdout();
    let sessions = by_session(&out);
    let (_, refused) = session_with(&sessions, "!! refused");
    let at = refused
        .iter()
        .position(|(_, l)| l.starts_with("S: -ERR [SYS/TEMP]"))
        .expect("the busy reply in the trace");
    assert!(refused[at + 1].1.starts_with("   = "), "{refused:#?}");
    session_with(&sessions, "!! the TLS handshake failed");
}

#[test]
fn show_secrets_reveals_them_in_the_trace_only() {
    let work = tempfile::tempdir().expect("temporary directory");
    let transcripts = work.path().join("t");
    let lab = Lab::start_with(
        &["pop3"],
        &[
            "--trace",
            "--show-secrets",
            "--transcripts",
            transcripts.to_str().unwrap(),
        ],
    );
    let mut c = Raw::connect(lab.addr("pop3"));
    c.line();
    c.send(b"USER alex\r\n");
    c.line();
    c.send(b"PASS drums\r\n");
    c.line();
    c.send(b"QUIT\r\n");
    c.line();
    c.rest();
    wait_until(
        "the session closed in the trace",
        || lab.stdout().contains("-- session closed"),
        &lab,
    );
    assert!(
        lab.stdout().contains("[1 pop3] C: PASS drums"),
        "{}",
        lab.stdout()
    );
    let file = transcripts.join("00001-pop3-alex.txt");
    wait_until("the transcript", || file.is_file(), &lab);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("C: PASS ****"), "{text}");
    assert!(!text.contains("drums"), "{text}");
}

/// A background `maillab` (watch) whose output goes to files; killed when dropped.
struct Bg {
    child: std::process::Child,
    out: PathBuf,
    err: PathBuf,
}

impl Bg {
    fn start(args: &[&str], dir: &Path, name: &str) -> Bg {
        let out = dir.join(format!("{name}.out"));
        let err = dir.join(format!("{name}.err"));
        let child = common::bin::maillab_cmd()
            .args(args)
            .stdin(std::process::Stdio::null())
            .stdout(std::fs::File::create(&out).unwrap())
            .stderr(std::fs::File::create(&err).unwrap())
            .spawn()
            .expect("start maillab watch");
        Bg { child, out, err }
    }
    fn out(&self) -> String {
        std::fs::read_to_string(&self.out).unwrap_or_default()
    }
    fn err(&self) -> String {
        std::fs::read_to_string(&self.err).unwrap_or_default()
    }
}

impl Drop for Bg {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A POP3 login, STAT and QUIT by a raw client.
fn pop3_visit(addr: &str, user: &str, password: &str) {
    let mut c = Raw::connect(addr);
    c.line();
    c.send(format!("USER {user}\r\n").as_bytes());
    c.line();
    c.send(format!("PASS {password}\r\n").as_bytes());
    assert!(c.line().starts_with("+OK"));
    c.send(b"STAT\r\nQUIT\r\n");
    c.until(|b| b.matches_lines(2));
    c.rest();
}

trait Lines {
    fn matches_lines(&self, n: usize) -> bool;
}
impl Lines for [u8] {
    fn matches_lines(&self, n: usize) -> bool {
        self.iter().filter(|&&b| b == b'\n').count() >= n
    }
}

#[test]
fn watch_and_ctl_stats_show_a_student_only_their_own_sessions() {
    let lab = Lab::start_with(
        &["pop3"],
        &["--control", "127.0.0.1:0", "--teacher-token", "sesame"],
    );
    let control = lab.addr("control").to_string();
    let dir = lab.scratch("watch");
    let teacher = Bg::start(
        &["watch", "--server", &control, "--token", "sesame"],
        &dir,
        "teacher",
    );
    let student = Bg::start(
        &[
            "watch",
            "--server",
            &control,
            "--login",
            "alex",
            "--password",
            "drums",
        ],
        &dir,
        "student",
    );
    for w in [&teacher, &student] {
        wait_until("the watch to start", || w.err().contains("-- "), &lab);
    }
    pop3_visit(lab.addr("pop3"), "alex", "drums");
    pop3_visit(lab.addr("pop3"), "riley", "firefly");
    wait_until(
        "both sessions in the teacher's watch",
        || teacher.out().matches("-- session closed").count() >= 2,
        &lab,
    );
    wait_until(
        "alex's session in alex's watch",
        || student.out().contains("-- session closed"),
        &lab,
    );
    let t = teacher.out();
    assert!(t.contains("[2 pop3 riley] -- logged in as riley"), "{t}");
    assert!(t.contains("[1 pop3] C: PASS ****"), "{t}");
    let s = student.out();
    assert!(s.contains("[1 pop3 alex] C: STAT"), "{s}");
    assert!(
        !s.contains("riley"),
        "a student sees another's session:\n{s}"
    );
    assert!(s.lines().all(|l| l.starts_with("[1 pop3 alex] ")), "{s}");

    // ctl stats: a student's JSON lists their own sessions; the teacher's all.
    let (json, err) = common::bin::text(&common::bin::maillab(
        &[
            "ctl",
            "--server",
            &control,
            "--login",
            "riley",
            "--password",
            "firefly",
            "stats",
            "--json",
        ],
        "",
        lab.dir(),
    ));
    let doc: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}{err}"));
    assert_eq!(doc["version"], 1);
    let users: Vec<&str> = doc["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["user"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(users, ["riley"]);
    let (table, _) = common::bin::text(&common::bin::maillab(
        &["ctl", "--server", &control, "--token", "sesame", "stats"],
        "",
        lab.dir(),
    ));
    let pop3_row = table
        .lines()
        .find(|l| l.starts_with("pop3 "))
        .unwrap_or_else(|| panic!("{table}"));
    assert_eq!(pop3_row.split_whitespace().nth(1), Some("2"), "{table}");
    // A wrong token is refused.
    let wrong = common::bin::maillab(
        &["ctl", "--server", &control, "--token", "nope", "stats"],
        "",
        lab.dir(),
    );
    assert!(!wrong.status.success());
    assert!(common::bin::text(&wrong).1.contains("refused"));
}
