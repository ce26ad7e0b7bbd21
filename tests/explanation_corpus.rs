//! A corpus of real servers' lines, explained line by line.
//!
//! `tests/corpus/*.txt` holds every server line of scripted sessions with Dovecot
//! (IMAP, POP3) and Postfix (SMTP, submission, SMTPS), each with the context it
//! arrived in: the state the answered command was sent in, TLS, the selected
//! mailbox and the command. [`the_corpus_is_explained_specifically`] explains each
//! line with that context and fails where an explanation is vaguer than the line
//! allows (below "command" when the command is known, below "code" when the line
//! carries a code), shows an empty `()`, or states a reply code, enhanced code or
//! server name the line does not carry.
//!
//! [`real_sessions_are_captured_and_explained`] runs the sessions again against
//! Dovecot and Postfix started on loopback (tests/peers/*.sh) and holds the fresh
//! lines to the same bar. With `MAILLAB_WRITE_CORPUS=1` it rewrites the corpus
//! files from that capture (run it after changing the sessions below).

mod common;
use common::peers::Peers;

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use base64::Engine as _;
use maillab::protocol::explain::{explain_line, Context, Explanation, Specificity};
use maillab::protocol::{parse_command_line, reply, Protocol};

// ---------------------------------------------------------------------------
// Corpus entries and the checks

/// One server line and the context it arrived in.
#[derive(Clone, Debug)]
struct Entry {
    state: String,
    tls: bool,
    mailbox: Option<String>,
    read_only: bool,
    command: Option<String>,
    line: String,
}

impl Entry {
    fn context(&self) -> Context {
        let mut c = Context {
            state: self.state.clone(),
            command: self.command.clone(),
            tls: self.tls,
            ..Context::default()
        };
        if let Some(m) = &self.mailbox {
            c = c.in_mailbox(m, self.read_only);
        }
        c
    }

    /// `state TAB plain|tls TAB mailbox|- TAB rw|ro|- TAB command|- TAB line`.
    fn to_record(&self) -> String {
        format!(
            "{}\t{}\t{}\t{}\t{}\t{}",
            self.state,
            if self.tls { "tls" } else { "plain" },
            self.mailbox.as_deref().unwrap_or("-"),
            match (&self.mailbox, self.read_only) {
                (None, _) => "-",
                (Some(_), false) => "rw",
                (Some(_), true) => "ro",
            },
            self.command.as_deref().unwrap_or("-"),
            self.line
        )
    }

    fn from_record(rec: &str) -> Entry {
        let f: Vec<&str> = rec.splitn(6, '\t').collect();
        assert_eq!(f.len(), 6, "malformed corpus record {rec:?}");
        let opt = |s: &str| (s != "-").then(|| s.to_string());
        Entry {
            state: f[0].to_string(),
            tls: f[1] == "tls",
            mailbox: opt(f[2]),
            read_only: f[3] == "ro",
            command: opt(f[4]),
            line: f[5].to_string(),
        }
    }
}

/// A corpus file: the server, the protocol, the lines.
struct Corpus {
    name: &'static str,
    server: &'static str,
    protocol: Protocol,
    entries: Vec<Entry>,
}

const FILES: [(&str, &str, Protocol); 3] = [
    ("dovecot-imap", "Dovecot", Protocol::Imap),
    ("dovecot-pop3", "Dovecot", Protocol::Pop3),
    ("postfix-smtp", "Postfix", Protocol::Smtp),
];

/// Servers an explanation may name only when it recognised that server's wording.
const SERVER_NAMES: [&str; 6] = ["Postfix", "Dovecot", "Gmail", "Exim", "Exchange", "Cyrus"];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn read_corpus() -> Vec<Corpus> {
    FILES
        .iter()
        .map(|&(name, server, protocol)| {
            let path = corpus_dir().join(format!("{name}.txt"));
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let entries = text
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .map(Entry::from_record)
                .collect();
            Corpus {
                name,
                server,
                protocol,
                entries,
            }
        })
        .collect()
}

/// Tokens of `text` that look like SMTP reply codes (`550`) or enhanced status
/// codes (`5.1.1`).
fn smtp_codes_in(text: &str) -> Vec<String> {
    // A port ("port 587") is not a reply code.
    let text = text.replace("port ", "port:");
    text.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ':'))
        .filter(|w| !w.starts_with("port:") && !w.contains(':'))
        .map(|w| w.trim_matches('.'))
        .filter(|w| {
            let is_reply = w.len() == 3
                && w.bytes().all(|b| b.is_ascii_digit())
                && (b'2'..=b'5').contains(&w.as_bytes()[0]);
            let is_enhanced = reply::EnhancedCode::parse(w).is_some();
            is_reply || is_enhanced
        })
        .map(str::to_string)
        .collect()
}

/// Response codes named in a text: `[TRYCREATE]`, `[UIDNEXT 7]`, `[SYS/TEMP]`
/// (an upper-case atom right after `[`; section specs like `BODY[HEADER]` follow
/// a letter and are not codes).
fn bracket_codes(text: &str) -> Vec<String> {
    let mut codes = Vec::new();
    let b = text.as_bytes();
    for (i, _) in text.match_indices('[') {
        if i > 0 && b[i - 1].is_ascii_alphanumeric() {
            continue;
        }
        let atom: String = text[i + 1..]
            .chars()
            .take_while(|c| c.is_ascii_uppercase() || *c == '-' || *c == '/')
            .collect();
        if atom.len() > 1 {
            codes.push(atom);
        }
    }
    codes
}

/// Whether the line carries a code: an SMTP reply code (always), an IMAP
/// response code `[...]`, a POP3 extended response code `[...]`.
fn code_of(p: Protocol, line: &str) -> Option<String> {
    match p {
        Protocol::Smtp => reply::smtp(line).map(|r| r.code.to_string()),
        Protocol::Imap => reply::imap(line).code.map(|c| c.to_string()),
        Protocol::Pop3 => match reply::pop3(line) {
            reply::Pop3Line::Ok { code, .. } | reply::Pop3Line::Err { code, .. } => {
                code.map(|c| c.to_string())
            }
            _ => None,
        },
    }
}

/// What is wrong with the explanations of one corpus line (empty when nothing).
fn faults(c: &Corpus, e: &Entry, list: &[Explanation]) -> Vec<String> {
    let mut bad = Vec::new();
    let Some(first) = list.first() else {
        return vec!["no explanation".into()];
    };
    let known_command = e
        .command
        .as_deref()
        .and_then(|cmd| parse_command_line(c.protocol, cmd))
        .is_some_and(|cl| cl.spec.is_some());
    // Lines inside a multi-line answer are explained on their own (a capability,
    // a LIST entry): their level is their own, the command is context only.
    let data_line = match c.protocol {
        Protocol::Pop3 => matches!(
            reply::pop3(&e.line),
            reply::Pop3Line::Data(_) | reply::Pop3Line::Terminator
        ),
        Protocol::Smtp => false,
        Protocol::Imap => {
            let r = reply::imap(&e.line);
            r.kind != reply::ImapKind::Tagged && r.status.is_none()
        }
    };
    if known_command && !data_line && first.specificity < Specificity::Command {
        bad.push(format!(
            "{} is {:?}, below Command though the command is known",
            first.id, first.specificity
        ));
    }
    if let Some(code) = code_of(c.protocol, &e.line) {
        let level = match c.protocol {
            // The reply code is the line's subject: the reply's own explanation.
            Protocol::Smtp => first.specificity,
            // A response code gets its own explanation next to the reply's.
            _ => list
                .iter()
                .filter(|x| x.id.contains(".code."))
                .map(|x| x.specificity)
                .max()
                .unwrap_or(Specificity::Generic),
        };
        if level < Specificity::Code {
            bad.push(format!("code {code} explained only at {level:?}"));
        }
    }
    for x in list {
        if x.specificity == Specificity::Generic {
            bad.push(format!("{} is Generic", x.id));
        }
        if x.text.contains("()") && !e.line.contains("()") {
            bad.push(format!("{}: empty () in {:?}", x.id, x.text));
        }
        // A status reply's explanation names in brackets only the line's own
        // response code (a capability's may say which codes the server uses).
        if c.protocol != Protocol::Smtp && !data_line {
            for code in bracket_codes(&x.text) {
                if !e.line.contains(&format!("[{code}")) {
                    bad.push(format!("{}: names [{code}], not in the line", x.id));
                }
            }
        }
        if c.protocol == Protocol::Smtp {
            for code in smtp_codes_in(&x.text) {
                if !e.line.contains(&code) {
                    bad.push(format!(
                        "{}: states {code}, not in the line: {:?}",
                        x.id, x.text
                    ));
                }
            }
        }
        for name in SERVER_NAMES {
            // Quoting the line is fine; otherwise only a recognised wording of
            // that very server may name it.
            if x.text.contains(name)
                && !e.line.contains(name)
                && (name != c.server || x.specificity != Specificity::ServerWording)
            {
                bad.push(format!("{}: names {name} in {:?}", x.id, x.text));
            }
        }
    }
    bad
}

/// Explains every entry; panics listing every line at fault.
fn check(corpora: &[Corpus]) {
    let mut report = String::new();
    let mut n = 0;
    for c in corpora {
        assert!(!c.entries.is_empty(), "{}: empty corpus", c.name);
        for e in &c.entries {
            n += 1;
            let list = explain_line(c.protocol, &e.line, &e.context());
            for f in faults(c, e, &list) {
                let _ = writeln!(
                    report,
                    "{}: {:?} (state {}, command {:?}): {f}",
                    c.name, e.line, e.state, e.command
                );
            }
        }
    }
    assert!(n > 100, "only {n} corpus lines");
    assert!(report.is_empty(), "explanations at fault:\n{report}");
}

#[test]
fn the_corpus_is_explained_specifically() {
    let corpora = read_corpus();
    // `MAILLAB_DUMP_CORPUS=1`: print every line with what a student reads under it.
    if std::env::var("MAILLAB_DUMP_CORPUS").is_ok_and(|v| v == "1") {
        for c in &corpora {
            for e in &c.entries {
                println!("{} [{}] {:?} S: {}", c.name, e.state, e.command, e.line);
                for x in explain_line(c.protocol, &e.line, &e.context()) {
                    println!("    = {x} <{} {:?}>", x.id, x.specificity);
                }
            }
        }
    }
    check(&corpora);
}

#[test]
fn the_checks_catch_what_they_are_for() {
    let c = Corpus {
        name: "t",
        server: "Postfix",
        protocol: Protocol::Smtp,
        entries: Vec::new(),
    };
    let e = |cmd: Option<&str>, line: &str| Entry {
        state: "greeted".into(),
        tls: false,
        mailbox: None,
        read_only: false,
        command: cmd.map(str::to_string),
        line: line.into(),
    };
    let fake = |id: &str, text: &str, s: Specificity| Explanation {
        id: id.into(),
        text: text.into(),
        rfc: None,
        specificity: s,
    };
    let entry = e(Some("RCPT TO:<a@b>"), "250 2.1.5 Ok");
    // A code the line does not carry, a server it does not name, a vague level.
    let f = faults(
        &c,
        &entry,
        &[fake(
            "x",
            "502 5.5.2 means Exim said so",
            Specificity::ReplyClass,
        )],
    );
    assert!(f.iter().any(|f| f.contains("502")), "{f:?}");
    assert!(f.iter().any(|f| f.contains("5.5.2")), "{f:?}");
    assert!(f.iter().any(|f| f.contains("Exim")), "{f:?}");
    assert!(f.iter().any(|f| f.contains("below Command")), "{f:?}");
    assert!(f.iter().any(|f| f.contains("code 250")), "{f:?}");
    // A port number is not a code.
    let f = faults(
        &c,
        &entry,
        &[fake("x", "Use port 587 or port 465", Specificity::Code)],
    );
    assert!(f.iter().all(|f| !f.contains("states")), "{f:?}");
    let imap = Corpus {
        protocol: Protocol::Imap,
        server: "Dovecot",
        ..c
    };
    let f = faults(
        &imap,
        &e(Some("FROB"), "a1 OK done"),
        &[fake("y", "OK: command a1 () worked", Specificity::Command)],
    );
    assert!(f.iter().any(|f| f.contains("empty ()")), "{f:?}");
    let f = faults(
        &imap,
        &e(Some("COPY 1 x"), "a1 NO no such mailbox"),
        &[fake(
            "z",
            "with [TRYCREATE] CREATE it; BODY[HEADER]",
            Specificity::Command,
        )],
    );
    assert!(f.iter().any(|f| f.contains("[TRYCREATE]")), "{f:?}");
    assert!(f.iter().all(|f| !f.contains("[HEADER")), "{f:?}");
    // And a right explanation passes.
    let ok = explain_line(
        Protocol::Smtp,
        &entry.line,
        &Context::answering("mail", "RCPT TO:<a@b>"),
    );
    let postfix = Corpus {
        protocol: Protocol::Smtp,
        server: "Postfix",
        ..imap
    };
    assert_eq!(faults(&postfix, &entry, &ok), Vec::<String>::new());
}

// ---------------------------------------------------------------------------
// Capturing: a small client that speaks to the peers and records every line

enum Stream {
    Plain(TcpStream),
    Tls(Box<rustls::StreamOwned<rustls::ClientConnection, TcpStream>>),
    Gone,
}

impl Read for Stream {
    fn read(&mut self, b: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Stream::Plain(s) => s.read(b),
            Stream::Tls(s) => s.read(b),
            Stream::Gone => Ok(0),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        match self {
            Stream::Plain(s) => s.write(b),
            Stream::Tls(s) => s.write(b),
            Stream::Gone => Ok(0),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Stream::Plain(s) => s.flush(),
            Stream::Tls(s) => s.flush(),
            Stream::Gone => Ok(()),
        }
    }
}

/// A connection that reads lines and counted octets, and can start TLS.
struct Wire {
    s: Stream,
    buf: Vec<u8>,
    ca: Vec<u8>,
}

const READ_TIMEOUT: Duration = Duration::from_secs(15);

impl Wire {
    fn connect(port: u16, ca: &[u8], tls: bool) -> Wire {
        let tcp = TcpStream::connect(("127.0.0.1", port)).unwrap();
        tcp.set_read_timeout(Some(READ_TIMEOUT)).unwrap();
        let mut w = Wire {
            s: Stream::Plain(tcp),
            buf: Vec::new(),
            ca: ca.to_vec(),
        };
        if tls {
            w.start_tls();
        }
        w
    }

    fn start_tls(&mut self) {
        assert!(self.buf.is_empty(), "bytes after the TLS go-ahead");
        let Stream::Plain(tcp) = std::mem::replace(&mut self.s, Stream::Gone) else {
            panic!("TLS twice");
        };
        let mut roots = rustls::RootCertStore::empty();
        roots
            .add(rustls_pki_types::CertificateDer::from(self.ca.clone()))
            .unwrap();
        let config = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
        let name = rustls_pki_types::ServerName::try_from("localhost").unwrap();
        let conn = rustls::ClientConnection::new(Arc::new(config), name).unwrap();
        self.s = Stream::Tls(Box::new(rustls::StreamOwned::new(conn, tcp)));
    }

    /// Sends bytes; a peer that has closed shows as the end of the stream on
    /// the next read.
    fn send(&mut self, bytes: &[u8]) {
        let _ = self.s.write_all(bytes).and_then(|()| self.s.flush());
    }

    fn send_line(&mut self, line: &str) {
        self.send(format!("{line}\r\n").as_bytes());
    }

    /// Reads more bytes; false on end of stream or time-out.
    fn fill(&mut self) -> bool {
        let mut chunk = [0u8; 8192];
        match self.s.read(&mut chunk) {
            Ok(0) | Err(_) => false,
            Ok(n) => {
                self.buf.extend_from_slice(&chunk[..n]);
                true
            }
        }
    }

    /// The next line without CR LF; `None` at end of stream or after a time-out.
    fn line(&mut self) -> Option<String> {
        loop {
            if let Some(i) = self.buf.iter().position(|&b| b == b'\n') {
                let raw: Vec<u8> = self.buf.drain(..=i).collect();
                let s = String::from_utf8_lossy(&raw);
                return Some(s.trim_end_matches(['\r', '\n']).to_string());
            }
            if self.buf.len() > 1 << 20 || !self.fill() {
                return None;
            }
        }
    }

    /// Skips `n` octets (a literal's contents).
    fn skip(&mut self, n: usize) {
        while self.buf.len() < n {
            assert!(self.fill(), "stream ended inside a literal");
        }
        self.buf.drain(..n);
    }
}

/// Records lines with the context the session is in.
struct Recorder {
    entries: Vec<Entry>,
    state: &'static str,
    tls: bool,
    mailbox: Option<String>,
    read_only: bool,
}

impl Recorder {
    fn new(state: &'static str, tls: bool) -> Recorder {
        Recorder {
            entries: Vec::new(),
            state,
            tls,
            mailbox: None,
            read_only: false,
        }
    }

    fn record(&mut self, command: Option<&str>, state: &'static str, line: &str) {
        self.entries.push(Entry {
            state: state.to_string(),
            tls: self.tls,
            mailbox: self.mailbox.clone(),
            read_only: self.read_only,
            command: command.map(str::to_string),
            line: line.to_string(),
        });
    }
}

fn b64(s: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(s)
}

// ---- IMAP

struct Imap {
    w: Wire,
    r: Recorder,
    n: u32,
    /// The mailbox and mode before the command under way (a SELECT that fails
    /// to parse changes nothing).
    before: (Option<String>, bool),
    /// The server said `[CLOSED]` during the command under way.
    closed: bool,
}

/// How an IMAP exchange ended.
#[derive(Debug, PartialEq)]
enum Ended {
    Tagged(String),
    Continuation,
    Closed,
}

impl Imap {
    fn connect(port: u16, ca: &[u8], tls: bool) -> Imap {
        let mut s = Imap {
            w: Wire::connect(port, ca, tls),
            r: Recorder::new("not-authenticated", tls),
            n: 0,
            before: (None, false),
            closed: false,
        };
        let g = s.w.line().expect("no IMAP greeting");
        s.r.record(None, "not-authenticated", &g);
        s
    }

    /// Sends a tagged command and reads to its tagged reply (or a continuation).
    fn cmd(&mut self, command: &str) -> Ended {
        self.n += 1;
        let tag = format!("c{}", self.n);
        self.w.send_line(&format!("{tag} {command}"));
        let word = command
            .split_ascii_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        let state = self.r.state;
        self.before = (self.r.mailbox.clone(), self.r.read_only);
        if matches!(word.as_str(), "SELECT" | "EXAMINE") {
            // The lines of a SELECT describe the mailbox being opened.
            if let Some(name) = command.split_ascii_whitespace().nth(1) {
                self.r.mailbox = Some(name.trim_matches('"').to_string());
                self.r.read_only = word == "EXAMINE";
            }
        }
        self.read_to_end(&tag, command, state)
    }

    /// Sends a line inside the command under way (a literal, a SASL answer, DONE).
    fn more(&mut self, data: &str, command: &str, tag_n: u32, state: &'static str) -> Ended {
        self.w.send(data.as_bytes());
        self.read_to_end(&format!("c{tag_n}"), command, state)
    }

    fn read_to_end(&mut self, tag: &str, command: &str, state: &'static str) -> Ended {
        loop {
            let Some(line) = self.w.line() else {
                return Ended::Closed;
            };
            self.r.record(Some(command), state, &line);
            self.closed |= line.starts_with("* OK [CLOSED]");
            if let Some(n) = reply::literal_size(&line) {
                self.w.skip(n as usize);
                continue;
            }
            if line.starts_with("+ ") || line == "+" {
                return Ended::Continuation;
            }
            if let Some(rest) = line.strip_prefix(&format!("{tag} ")) {
                let status = rest.split(' ').next().unwrap_or("").to_string();
                self.after(command, &status, &line);
                return Ended::Tagged(status);
            }
        }
    }

    fn after(&mut self, command: &str, status: &str, line: &str) {
        let word = command
            .split_ascii_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        match (word.as_str(), status) {
            ("LOGIN" | "AUTHENTICATE", "OK") => self.r.state = "authenticated",
            ("SELECT" | "EXAMINE", "OK") => {
                self.r.state = "selected";
                self.r.read_only |= line.contains("[READ-ONLY]");
            }
            // RFC 3501 §6.3.1: a failed SELECT closes the mailbox that was open.
            ("SELECT" | "EXAMINE", "NO") => {
                self.r.state = "authenticated";
                self.r.mailbox = None;
                self.r.read_only = false;
            }
            ("SELECT" | "EXAMINE", _) if self.closed => {
                // RFC 7162 §3.2.11: the open mailbox was closed, none replaced it.
                self.r.state = "authenticated";
                self.r.mailbox = None;
                self.r.read_only = false;
            }
            ("SELECT" | "EXAMINE", _) => {
                (self.r.mailbox, self.r.read_only) = self.before.clone();
            }
            ("CLOSE" | "UNSELECT", "OK") => {
                self.r.state = "authenticated";
                self.r.mailbox = None;
                self.r.read_only = false;
            }
            ("LOGOUT", _) => self.r.state = "logout",
            ("STARTTLS", "OK") => {
                self.w.start_tls();
                self.r.tls = true;
            }
            _ => {}
        }
        self.closed = false;
    }

    /// `APPEND mailbox {N}` with its message.
    fn append(&mut self, mailbox: &str, flags: &str, message: &str) -> Ended {
        let cmd = format!("APPEND {mailbox} {flags}{{{}}}", message.len());
        let state = self.r.state;
        match self.cmd(&cmd) {
            Ended::Continuation => {
                let n = self.n;
                self.more(&format!("{message}\r\n"), &cmd, n, state)
            }
            other => other,
        }
    }
}

fn message(subject: &str, body: &str) -> String {
    format!(
        "From: Riley <riley@maillab.test>\r\nTo: Alex <alex@maillab.test>\r\nSubject: {subject}\r\nDate: Mon, 7 Sep 2026 10:00:00 +0000\r\nMessage-ID: <{}@maillab.test>\r\n\r\n{body}\r\n",
        subject.replace(' ', "-")
    )
}

fn capture_imap(srv: &Srv) -> Vec<Entry> {
    let ca = &srv.ca_der;
    let mut all = Vec::new();

    // Before login, logging in, mailboxes, messages, the selected state's errors.
    let mut s = Imap::connect(srv.imap, ca, false);
    s.cmd("CAPABILITY");
    s.cmd("NOOP");
    s.cmd("FROB");
    s.cmd("SELECT INBOX");
    s.cmd("LOGIN alex wrongpassword");
    s.cmd("LOGIN alex drums");
    s.cmd("CAPABILITY");
    s.cmd("STARTTLS");
    s.cmd("LOGIN alex drums");
    s.cmd("ENABLE CONDSTORE");
    s.cmd("ID NIL");
    s.cmd("NAMESPACE");
    s.cmd("LIST \"\" \"*\"");
    s.cmd("LIST \"\" \"%\" RETURN (SPECIAL-USE)");
    s.cmd("LSUB \"\" \"*\"");
    s.cmd("STATUS INBOX (MESSAGES RECENT UIDNEXT UIDVALIDITY UNSEEN)");
    s.cmd("STATUS INBOX (SIZE)");
    s.cmd("STATUS nosuchbox (MESSAGES)");
    s.cmd("LIST \"\" \"nosuch*\"");
    s.cmd("GETQUOTAROOT INBOX");
    s.cmd("CREATE newbox");
    s.cmd("CREATE newbox");
    s.cmd("SUBSCRIBE newbox");
    s.cmd("UNSUBSCRIBE newbox");
    s.append(
        "newbox",
        "(\\Seen) ",
        &message("first note", "Read already."),
    );
    s.append("newbox", "", &message("second note", "Not read yet."));
    s.append("nosuchbox", "", &message("lost", "Nowhere to go."));
    s.cmd("FETCH 1 FLAGS");
    s.cmd("SELECT newbox");
    s.cmd("FETCH 1:* (FLAGS UID RFC822.SIZE INTERNALDATE)");
    s.cmd("FETCH 1 (ENVELOPE BODYSTRUCTURE)");
    s.cmd("FETCH 2 (BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)])");
    s.cmd("FETCH 2 BODY[]");
    s.cmd("FETCH 1 BODDY[]");
    s.cmd("FETCH 99 FLAGS");
    s.cmd("UID FETCH 1:* (FLAGS)");
    s.cmd("SEARCH ALL");
    s.cmd("SEARCH UNSEEN");
    s.cmd("SEARCH SUBJECT nothing-matches-this");
    s.cmd("SEARCH FROBKEY");
    s.cmd("FETCH 1 (BODY[1.2])");
    s.cmd("CHECK");
    s.cmd("UID SEARCH ALL");
    s.cmd("STORE 1 +FLAGS (\\Deleted)");
    s.cmd("STORE 2 +FLAGS.SILENT (\\Flagged)");
    s.cmd("STORE 2 -FLAGS (\\Flagged \\Seen)");
    s.cmd("COPY 2 INBOX");
    s.cmd("COPY 2 nosuchbox");
    s.cmd("EXPUNGE");
    s.cmd("NOOP");
    // IDLE while another session delivers: the news arrives untagged.
    let mut helper = Vec::new();
    let state = s.r.state;
    if s.cmd("IDLE") == Ended::Continuation {
        let idle_n = s.n;
        let mut other = Imap::connect(srv.imap, ca, false);
        other.cmd("LOGIN alex drums");
        other.append("newbox", "", &message("third note", "Arrived during IDLE."));
        other.cmd("LOGOUT");
        helper = other.r.entries;
        // Wait (bounded) for the server's news, then end IDLE.
        let deadline = Instant::now() + Duration::from_secs(10);
        if let Stream::Plain(tcp) = &s.w.s {
            tcp.set_read_timeout(Some(Duration::from_secs(1))).unwrap();
        }
        while Instant::now() < deadline {
            match s.w.line() {
                Some(l) => {
                    s.r.record(Some("IDLE"), state, &l);
                    if l.contains("EXISTS") {
                        break;
                    }
                }
                None => continue,
            }
        }
        if let Stream::Plain(tcp) = &s.w.s {
            tcp.set_read_timeout(Some(READ_TIMEOUT)).unwrap();
        }
        s.more("DONE\r\n", "IDLE", idle_n, state);
    }
    s.cmd("MOVE 1 INBOX");
    s.cmd("UID STORE 3 +FLAGS (\\Deleted)");
    s.cmd("UID EXPUNGE 3");
    s.cmd("SELECT");
    s.cmd("FETCH 1 FLAGS");
    s.cmd("SELECT nosuchbox");
    s.cmd("FETCH 1 FLAGS");
    s.cmd("EXAMINE newbox");
    s.cmd("STORE 1 +FLAGS (\\Seen)");
    s.cmd("FETCH 1 (FLAGS)");
    s.cmd("EXPUNGE");
    s.cmd("CLOSE");
    s.cmd("SELECT INBOX");
    s.cmd("UNSELECT");
    s.cmd("CLOSE");
    s.cmd("RENAME newbox oldbox");
    s.cmd("DELETE oldbox");
    s.cmd("DELETE oldbox");
    s.cmd("DELETE INBOX");
    s.cmd("LOGOUT");
    all.extend(s.r.entries);
    all.extend(helper);

    // SASL: PLAIN with a continuation, then LOGIN with its two prompts.
    let mut s = Imap::connect(srv.imap, ca, false);
    let state = s.r.state;
    if s.cmd("AUTHENTICATE PLAIN") == Ended::Continuation {
        let n = s.n;
        s.more(
            &format!("{}\r\n", b64("\0alex\0drums")),
            "AUTHENTICATE PLAIN",
            n,
            state,
        );
    }
    s.cmd("LOGOUT");
    all.extend(s.r.entries);
    let mut s = Imap::connect(srv.imap, ca, false);
    let state = s.r.state;
    if s.cmd("AUTHENTICATE LOGIN") == Ended::Continuation {
        let n = s.n;
        if s.more(
            &format!("{}\r\n", b64("alex")),
            "AUTHENTICATE LOGIN",
            n,
            state,
        ) == Ended::Continuation
        {
            s.more(
                &format!("{}\r\n", b64("drums")),
                "AUTHENTICATE LOGIN",
                n,
                state,
            );
        }
    }
    s.cmd("LOGOUT");
    all.extend(s.r.entries);
    let mut s = Imap::connect(srv.imap, ca, false);
    let state = s.r.state;
    if s.cmd("AUTHENTICATE PLAIN") == Ended::Continuation {
        let n = s.n;
        s.more("*\r\n", "AUTHENTICATE PLAIN", n, state);
    }
    s.cmd("LOGOUT");
    all.extend(s.r.entries);

    // Missing arguments, then too many errors before login: the server gives up.
    let mut s = Imap::connect(srv.imap, ca, false);
    s.cmd("LOGIN");
    for _ in 0..3 {
        if s.cmd("FROB") == Ended::Closed {
            break;
        }
    }
    all.extend(s.r.entries);

    // STARTTLS on the plain port, then implicit TLS.
    let mut s = Imap::connect(srv.imap, ca, false);
    s.cmd("STARTTLS");
    s.cmd("CAPABILITY");
    s.cmd("LOGIN alex drums");
    s.cmd("SELECT INBOX");
    s.cmd("LOGOUT");
    all.extend(s.r.entries);
    let mut s = Imap::connect(srv.imaps, ca, true);
    s.cmd("LOGIN alex drums");
    s.cmd("EXAMINE INBOX");
    s.cmd("LOGOUT");
    all.extend(s.r.entries);
    all
}

// ---- POP3

struct Pop3 {
    w: Wire,
    r: Recorder,
}

impl Pop3 {
    fn connect(port: u16, ca: &[u8], tls: bool) -> Pop3 {
        let mut s = Pop3 {
            w: Wire::connect(port, ca, tls),
            r: Recorder::new("authorization", tls),
        };
        let g = s.w.line().expect("no POP3 greeting");
        s.r.record(None, "authorization", &g);
        s
    }

    /// Sends a command, reads its status line and, after `+OK` to a multi-line
    /// command, the data up to the lone `.` (message contents are not recorded:
    /// they are explained once, as a body). Returns the status line.
    fn cmd(&mut self, command: &str) -> String {
        self.send(command, command)
    }

    fn send(&mut self, data: &str, command: &str) -> String {
        let state = self.r.state;
        self.w.send_line(data);
        let status = self.w.line().expect("no POP3 reply");
        self.r.record(Some(command), state, &status);
        let upper = command.to_ascii_uppercase();
        let word = upper.split_ascii_whitespace().next().unwrap_or("");
        let ok = status.starts_with("+OK");
        if ok && reply::pop3_is_multiline(command) {
            let content = matches!(word, "RETR" | "TOP");
            while let Some(l) = self.w.line() {
                if l == "." || !content {
                    self.r.record(Some(command), state, &l);
                }
                if l == "." {
                    break;
                }
            }
        }
        if ok {
            match word {
                "PASS" | "APOP" | "AUTH" => self.r.state = "transaction",
                "QUIT" if state == "transaction" => self.r.state = "update",
                "STLS" => {
                    self.w.start_tls();
                    self.r.tls = true;
                }
                _ => {}
            }
        }
        status
    }
}

fn capture_pop3(srv: &Srv) -> Vec<Entry> {
    let ca = &srv.ca_der;
    let mut all = Vec::new();
    let mut s = Pop3::connect(srv.pop3, ca, false);
    s.cmd("CAPA");
    s.cmd("STAT");
    s.cmd("FROB");
    s.cmd("PASS drums");
    s.cmd("APOP alex 0123456789abcdef0123456789abcdef");
    s.cmd("USER alex");
    s.cmd("PASS wrongpassword");
    s.cmd("USER alex");
    s.cmd("PASS drums");
    s.cmd("STAT");
    s.cmd("LIST");
    s.cmd("LIST 1");
    s.cmd("LIST 99");
    s.cmd("UIDL");
    s.cmd("UIDL 1");
    s.cmd("UIDL 99");
    s.cmd("TOP 99 1");
    s.cmd("TOP 1 0");
    s.cmd("TOP 1");
    s.cmd("RETR 1");
    s.cmd("DELE 1");
    s.cmd("DELE 1");
    s.cmd("RETR 1");
    s.cmd("STAT");
    s.cmd("RSET");
    s.cmd("NOOP");
    s.cmd("USER alex");
    s.cmd("QUIT");
    all.extend(s.r.entries);

    let mut s = Pop3::connect(srv.pop3, ca, false);
    let st = s.cmd("AUTH PLAIN");
    if st.starts_with('+') && !st.starts_with("+OK") {
        s.send(&b64("\0alex\0drums"), "AUTH PLAIN");
    }
    s.cmd("STAT");
    s.cmd("QUIT");
    all.extend(s.r.entries);

    let mut s = Pop3::connect(srv.pop3, ca, false);
    s.cmd("STLS");
    s.cmd("CAPA");
    s.cmd("USER alex");
    s.cmd("PASS drums");
    s.cmd("LIST");
    s.cmd("QUIT");
    all.extend(s.r.entries);

    let mut s = Pop3::connect(srv.pop3s, ca, true);
    s.cmd("QUIT");
    all.extend(s.r.entries);
    all
}

// ---- SMTP

struct Smtp {
    w: Wire,
    r: Recorder,
}

impl Smtp {
    fn connect(port: u16, ca: &[u8], tls: bool) -> Smtp {
        let mut s = Smtp {
            w: Wire::connect(port, ca, tls),
            r: Recorder::new("connected", tls),
        };
        s.reply(None, "connected");
        s
    }

    /// Reads one reply (all its lines); returns its code.
    fn reply(&mut self, command: Option<&str>, state: &'static str) -> u16 {
        loop {
            let line = self.w.line().expect("no SMTP reply");
            self.r.record(command, state, &line);
            let r = reply::smtp(&line).expect("not an SMTP reply");
            if r.is_last {
                return r.code;
            }
        }
    }

    fn cmd(&mut self, command: &str) -> u16 {
        self.send(command.as_bytes(), command, true)
    }

    fn send(&mut self, data: &[u8], command: &str, line: bool) -> u16 {
        let state = self.r.state;
        if line {
            self.w.send_line(std::str::from_utf8(data).unwrap());
        } else {
            self.w.send(data);
        }
        let code = self.reply(Some(command), state);
        let word = command
            .split([' ', ':'])
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        let ok = code / 100 == 2;
        self.r.state = match (word.as_str(), code) {
            _ if state == "data" => "greeted",
            ("EHLO" | "HELO", _) if ok => "greeted",
            ("MAIL", _) if ok => "mail",
            ("RCPT", _) if ok => "rcpt",
            ("DATA", 354) => "data",
            ("BDAT", _) if ok && command.to_ascii_uppercase().contains("LAST") => "greeted",
            ("RSET", _) if ok && state != "connected" => "greeted",
            ("STARTTLS", 220) => {
                self.w.start_tls();
                self.r.tls = true;
                "connected"
            }
            ("QUIT", 221) => "closed",
            _ => state,
        };
        code
    }

    /// DATA, and on 354 the message and its end.
    fn data(&mut self, msg: &str) {
        if self.cmd("DATA") == 354 {
            let mut body = msg.to_string();
            body.push_str(".\r\n");
            self.send(body.as_bytes(), "DATA", false);
        }
    }
}

fn capture_smtp(srv: &Srv) -> Vec<Entry> {
    let ca = &srv.ca_der;
    let mut all = Vec::new();
    let note = message("hello", "A note from the corpus capture.");

    // Port 25's rules: order of commands, recipients, relaying, STARTTLS.
    let mut s = Smtp::connect(srv.smtp, ca, false);
    s.cmd("FROB");
    s.cmd("MAIL FROM:<riley@maillab.test>");
    s.cmd("RSET");
    s.cmd("HELO");
    s.cmd("HELO client.test");
    s.cmd("EHLO client.test");
    s.cmd("RCPT TO:<alex@maillab.test>");
    s.cmd("DATA");
    s.cmd("MAIL FROM:riley at maillab");
    s.cmd("MAIL FROM:<riley@maillab.test>");
    s.cmd("MAIL FROM:<riley@maillab.test>");
    s.cmd("RCPT TO:<nobody@maillab.test>");
    s.cmd("RCPT TO:<someone@elsewhere.example>");
    s.cmd("RCPT TO:<alex@maillab.test>");
    s.data(&note);
    // Every recipient refused: DATA has nobody to deliver to.
    s.cmd("MAIL FROM:<riley@maillab.test>");
    s.cmd("RCPT TO:<nobody@maillab.test>");
    s.cmd("DATA");
    s.cmd("RSET");
    s.cmd("MAIL FROM:<riley@maillab.test> SIZE=999999999");
    s.cmd("MAIL FROM:<riley@maillab.test>");
    s.cmd("RCPT TO:<not an address>");
    s.cmd("RSET");
    s.cmd("EXPN staff");
    s.cmd("VRFY alex");
    s.cmd("NOOP");
    s.cmd("HELP");
    s.cmd("AUTH PLAIN");
    s.cmd("MAIL FROM:<riley@maillab.test>");
    s.cmd("RCPT TO:<alex@maillab.test>");
    let chunk = message("chunked", "Sent with BDAT.");
    s.send(
        format!("BDAT {} LAST\r\n{chunk}", chunk.len()).as_bytes(),
        &format!("BDAT {} LAST", chunk.len()),
        false,
    );
    s.cmd("RSET");
    s.cmd("STARTTLS");
    s.cmd("EHLO client.test");
    s.cmd("QUIT");
    all.extend(s.r.entries);

    // Submission: TLS required, then AUTH.
    let mut s = Smtp::connect(srv.submission, ca, false);
    s.cmd("EHLO client.test");
    s.cmd("AUTH PLAIN");
    s.cmd("MAIL FROM:<alex@maillab.test>");
    s.cmd("STARTTLS");
    s.cmd("EHLO client.test");
    s.cmd("MAIL FROM:<alex@maillab.test>");
    s.cmd("RCPT TO:<riley@maillab.test>");
    s.cmd("RSET");
    s.cmd(&format!("AUTH PLAIN {}", b64("\0alex\0wrongpassword")));
    if s.cmd("AUTH LOGIN") == 334 && s.send(b64("alex").as_bytes(), "AUTH LOGIN", true) == 334 {
        s.send(b64("drums").as_bytes(), "AUTH LOGIN", true);
    }
    s.cmd(&format!("AUTH PLAIN {}", b64("\0alex\0drums")));
    s.cmd("MAIL FROM:<alex@maillab.test>");
    s.cmd("RCPT TO:<riley@maillab.test>");
    s.cmd("RCPT TO:<someone@elsewhere.example>");
    s.data(&note);
    s.cmd("QUIT");
    all.extend(s.r.entries);

    // SMTPS: TLS from the first byte; AUTH with the answer after 334.
    let mut s = Smtp::connect(srv.smtps, ca, true);
    s.cmd("EHLO client.test");
    if s.cmd("AUTH PLAIN") == 334 {
        s.send(b64("\0alex\0drums").as_bytes(), "AUTH PLAIN", true);
    }
    s.cmd("QUIT");
    all.extend(s.r.entries);
    all
}

/// The peers and the DER of the certificate their clients trust.
struct Srv {
    p: Peers,
    ca_der: Vec<u8>,
}

impl std::ops::Deref for Srv {
    type Target = Peers;
    fn deref(&self) -> &Peers {
        &self.p
    }
}

/// The first certificate of a PEM file, as DER.
fn pem_to_der(pem: &str) -> Vec<u8> {
    let b64: String = pem
        .lines()
        .skip_while(|l| !l.starts_with("-----BEGIN"))
        .skip(1)
        .take_while(|l| !l.starts_with("-----END"))
        .collect();
    base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .expect("PEM")
}

fn write_corpus(c: &Corpus) {
    let mut text = format!(
        "# {} {} lines captured by tests/explanation_corpus.rs (MAILLAB_WRITE_CORPUS=1).\n\
         # Fields, tab-separated: state the command was sent in, plain|tls, selected mailbox,\n\
         # rw|ro, the command answered (- for none), the server line.\n",
        c.server,
        c.protocol.name().to_ascii_uppercase()
    );
    for e in &c.entries {
        text.push_str(&e.to_record());
        text.push('\n');
    }
    std::fs::create_dir_all(corpus_dir()).unwrap();
    std::fs::write(corpus_dir().join(format!("{}.txt", c.name)), text).unwrap();
}

#[test]
fn real_sessions_are_captured_and_explained() {
    // Port 25 refuses relaying for loopback too (later main.cf lines win), so
    // relay denial is in the corpus. Only this test in this file starts peers.
    std::env::set_var("POSTFIX_EXTRA", "mynetworks = 127.0.0.2/32");
    let Some(p) = Peers::start() else {
        return;
    };
    let ca_der = pem_to_der(&std::fs::read_to_string(p.ca()).expect("CA"));
    let srv = Srv { p, ca_der };
    let corpora = vec![
        Corpus {
            name: FILES[0].0,
            server: FILES[0].1,
            protocol: FILES[0].2,
            entries: capture_imap(&srv),
        },
        Corpus {
            name: FILES[1].0,
            server: FILES[1].1,
            protocol: FILES[1].2,
            entries: capture_pop3(&srv),
        },
        Corpus {
            name: FILES[2].0,
            server: FILES[2].1,
            protocol: FILES[2].2,
            entries: capture_smtp(&srv),
        },
    ];
    // The sessions did what they were written for.
    let has = |i: usize, needle: &str| corpora[i].entries.iter().any(|e| e.line.contains(needle));
    assert!(has(0, "Dovecot") && has(0, "[READ-ONLY]") && has(0, "Logged in"));
    assert!(has(1, "+OK Logged in.") && has(1, "octets"));
    assert!(has(2, "Postfix") && has(2, "235 2.7.0") && has(2, "Relay access denied"));
    if std::env::var("MAILLAB_WRITE_CORPUS").is_ok_and(|v| v == "1") {
        for c in &corpora {
            write_corpus(c);
        }
    }
    check(&corpora);
}
