//! Real clients against `maillab serve`.
//!
//! Each test starts the lab server on free loopback ports (`--ports-file`), runs a
//! client that no one here wrote (Python's imaplib/smtplib/poplib running the
//! course notes' code from `tests/clients/`, curl, swaks) and checks what the
//! client printed and the files it wrote against the default mock mailbox
//! (`store::fixture::default_store`).
//!
//! The course scripts connect over TLS as the notes wrote them (`IMAP4_SSL`,
//! `SMTP_SSL`, `starttls()`). Where the notes pass `ssl.create_default_context()`
//! it reads the lab CA from `SSL_CERT_FILE`; `IMAP4_SSL()` and `starttls()` without
//! a context verify nothing (tests/clients_verified.rs shows both).
//!
//! With `CI=true` a missing client (python3, curl, swaks, mbsync) fails the test; elsewhere
//! the test prints why it is skipped. `tests/peers/install.sh` installs them.

mod common;
use common::peers::{have, run, Peers};

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use maillab::store::fixture::default_store;

// ---------------------------------------------------------------------------
// The lab server

/// The lab server (`common::bin::Lab`) with what the clients here need of it.
struct Lab(common::bin::Lab);

impl Lab {
    fn start() -> Lab {
        Lab::start_with(&[])
    }

    /// `maillab serve` with every listener on a free port, plus `extra` arguments.
    fn start_with(extra: &[&str]) -> Lab {
        let lab = common::bin::Lab::start_with(&common::bin::LISTENERS, extra);
        assert!(lab.ca.is_file(), "--ca-out wrote no CA certificate");
        Lab(lab)
    }

    /// A Python script from tests/clients/ with SSL_CERT_FILE naming the lab CA (read
    /// by `ssl.create_default_context()`; the notes' context-less calls verify nothing).
    fn py(&self, script: &str) -> Command {
        let mut c = python(script);
        c.env("SSL_CERT_FILE", &self.0.ca);
        c
    }

    /// curl trusting the lab CA.
    fn curl(&self, url: &str) -> Command {
        let mut c = curl(url);
        c.arg("--cacert").arg(&self.0.ca);
        c
    }

    /// `127.0.0.1:PORT` of a listener (`imap`, `pop3`, `smtp`, `submission`).
    fn addr(&self, name: &str) -> &str {
        self.0.addr(name)
    }

    /// The port of a listener, as text for command lines.
    fn port(&self, name: &str) -> String {
        self.0.port(name).to_string()
    }

    /// A fresh scratch directory inside the lab's temporary directory.
    fn scratch(&self, name: &str) -> PathBuf {
        self.0.scratch(name)
    }

    /// What the server printed on stderr so far (for failure messages).
    fn stderr(&self) -> String {
        self.0.stderr()
    }
}

// ---------------------------------------------------------------------------
// Running clients

/// A Python script from tests/clients/.
fn python(script: &str) -> Command {
    let mut c = Command::new("python3");
    c.arg(clients_dir().join(script));
    c
}

fn clients_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clients")
}

/// curl with a bounded run time, silent but for errors.
fn curl(lab_scheme_url: &str) -> Command {
    let mut c = Command::new("curl");
    c.args(["--silent", "--show-error", "--max-time", "30"])
        .arg(lab_scheme_url);
    c
}

// ---------------------------------------------------------------------------
// The default mailbox, independently of the servers

/// Raw octets of every message in a user's mailbox of the default store, in UID order.
fn fixture_messages(user: &str, mailbox: &str) -> Vec<(u32, Vec<u8>)> {
    let store = default_store();
    store.read(|inner| {
        let u = inner
            .users
            .get(user)
            .unwrap_or_else(|| panic!("default store has no user {user}"));
        let m = u
            .mailbox(mailbox)
            .unwrap_or_else(|| panic!("default store: {user} has no {mailbox}"));
        m.messages.iter().map(|m| (m.uid, m.raw.to_vec())).collect()
    })
}

/// One decoded MIME leaf part, as Python's email package sees it.
struct Part {
    content_type: String,
    name: String,
    data: Vec<u8>,
}

/// A message's decoded subject, sender and leaf parts (tests/clients/mime_parts.py).
struct Decoded {
    subject: String,
    from: String,
    parts: Vec<Part>,
}

fn decode_message(raw: &[u8], scratch: &Path) -> Decoded {
    static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = scratch.join(format!("decoded-{n}"));
    std::fs::create_dir_all(&dir).expect("decode directory");
    let file = dir.join("message.eml");
    std::fs::write(&file, raw).expect("message file");
    let parts_dir = dir.join("parts");
    let ran = run(
        python("mime_parts.py").arg(&file).arg(&parts_dir),
        &dir,
        b"",
    )
    .ok("mime_parts.py");
    let mut d = Decoded {
        subject: String::new(),
        from: String::new(),
        parts: Vec::new(),
    };
    for line in ran.stdout.lines() {
        if let Some(s) = line.strip_prefix("subject ") {
            d.subject = s.to_string();
        } else if let Some(s) = line.strip_prefix("from ") {
            d.from = s.to_string();
        } else if let Some(rest) = line.strip_prefix("part ") {
            let fields: Vec<&str> = rest.split(' ').collect();
            if fields.len() >= 4 {
                let name = fields[2..fields.len() - 1].join(" ");
                let data = std::fs::read(parts_dir.join(&name)).expect("decoded part");
                d.parts.push(Part {
                    content_type: fields[1].to_string(),
                    name,
                    data,
                });
            }
        }
    }
    d
}

/// Files under `dir` (recursively) whose name is `name`.
fn find_files(dir: &Path, name: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().is_some_and(|n| n == name) {
                found.push(p);
            }
        }
    }
    found
}

/// The bytes of every Python bytes literal (`b'...'`, `b"..."`) in `text`, joined:
/// what `pprint.pprint(some_bytes)` printed, as the original bytes.
fn python_bytes_literals(text: &str) -> Vec<u8> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < b.len() {
        if b[i] == b'b' && (b[i + 1] == b'\'' || b[i + 1] == b'"') {
            let quote = b[i + 1];
            i += 2;
            while i < b.len() && b[i] != quote {
                if b[i] == b'\\' && i + 1 < b.len() {
                    let e = b[i + 1];
                    i += 2;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'x' if i + 1 < b.len() => {
                            let hex = std::str::from_utf8(&b[i..i + 2]).unwrap_or("");
                            out.push(u8::from_str_radix(hex, 16).unwrap_or(b'?'));
                            i += 2;
                        }
                        other => out.push(other),
                    }
                } else {
                    out.push(b[i]);
                    i += 1;
                }
            }
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Where a message's header ends and its body starts (after the first blank line).
fn body_of(raw: &[u8]) -> &[u8] {
    raw.windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| &raw[p + 4..])
        .unwrap_or(b"")
}

// ---------------------------------------------------------------------------
// Python imaplib: the course notes' Code 1 and Code 2

#[test]
fn course_code1_prints_the_first_inbox_message() {
    if !have("python3") {
        return;
    }
    let expected = fixture_messages("alex", "INBOX");
    assert!(!expected.is_empty(), "alex's INBOX should not be empty");
    let lab = Lab::start();
    let cwd = lab.scratch("code1");
    let ran = run(
        lab.py("imap_code1.py")
            .arg("127.0.0.1")
            .arg(lab.port("imaps")),
        &cwd,
        b"",
    )
    .ok("imap_code1.py");
    let rest = ran
        .stdout
        .strip_prefix("Message: b'1'\n\n")
        .unwrap_or_else(|| panic!("Code 1 should print `Message: b'1'` first:\n{}", ran.stdout));
    assert_eq!(
        python_bytes_literals(rest),
        expected[0].1,
        "Code 1 printed another message than alex's first:\n{}",
        ran.stdout
    );
}

#[test]
fn course_code2_decodes_subjects_and_saves_attachment_and_html() {
    if !have("python3") {
        return;
    }
    let lab = Lab::start();
    let cwd = lab.scratch("code2");
    let fixtures = fixture_messages("riley", "INBOX");
    assert_eq!(
        fixtures.len(),
        3,
        "riley's INBOX holds the three messages Code 2 reads"
    );
    let decoded: Vec<Decoded> = fixtures
        .iter()
        .map(|(_, raw)| decode_message(raw, &lab.scratch("fixture")))
        .collect();

    let ran = run(
        lab.py("imap_code2.py")
            .arg("127.0.0.1")
            .arg(lab.port("imaps")),
        &cwd,
        b"",
    )
    .ok("imap_code2.py");
    let out = &ran.stdout;

    // Newest first: one "Subject:" and one "=" * 100 line per message.
    let subjects: Vec<&str> = out
        .lines()
        .filter_map(|l| l.strip_prefix("Subject: "))
        .collect();
    let wanted: Vec<&str> = decoded.iter().rev().map(|d| d.subject.as_str()).collect();
    assert_eq!(subjects, wanted, "Code 2's subjects, newest first:\n{out}");
    assert_eq!(
        out.lines().filter(|l| *l == "=".repeat(100)).count(),
        3,
        "one separator per message:\n{out}"
    );

    // The RFC 2047 Arabic subject and sender name are decoded, not left as =?UTF-8?...
    let arabic = |s: &str| s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    assert!(
        subjects.iter().any(|s| arabic(s)),
        "an Arabic subject, decoded:\n{out}"
    );
    assert!(
        out.lines().any(|l| l.starts_with("From: ") && arabic(l)),
        "an Arabic sender name, decoded:\n{out}"
    );
    assert!(
        !out.contains("=?"),
        "no encoded word left undecoded:\n{out}"
    );

    // Text parts are printed.
    for d in &decoded {
        for p in d.parts.iter().filter(|p| p.content_type == "text/plain") {
            let text = String::from_utf8_lossy(&p.data);
            let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            assert!(
                out.contains(first),
                "Code 2 should print the text part {first:?}:\n{out}"
            );
        }
    }

    // Attachments are saved byte for byte, in a folder named after the subject.
    let attachments: Vec<&Part> = decoded
        .iter()
        .flat_map(|d| d.parts.iter())
        .filter(|p| p.content_type == "application/pdf")
        .collect();
    assert!(!attachments.is_empty(), "the fixture has a PDF attachment");
    for p in attachments {
        let saved = find_files(&cwd, &p.name);
        assert_eq!(saved.len(), 1, "Code 2 saved {} once: {saved:?}", p.name);
        let bytes = std::fs::read(&saved[0]).expect("saved attachment");
        assert!(bytes.starts_with(b"%PDF-"), "the attachment is a PDF");
        assert!(
            bytes == p.data,
            "{} differs from the fixture's decoded attachment ({} vs {} bytes)",
            saved[0].display(),
            bytes.len(),
            p.data.len()
        );
    }

    // The single-part HTML newsletter is written to index.html.
    let html: Vec<&Part> = decoded
        .iter()
        .filter(|d| d.parts.len() == 1)
        .flat_map(|d| d.parts.iter())
        .filter(|p| p.content_type == "text/html")
        .collect();
    assert_eq!(html.len(), 1, "the fixture has one HTML newsletter");
    let written = find_files(&cwd, "index.html");
    assert_eq!(
        written.len(),
        1,
        "Code 2 wrote index.html once: {written:?}"
    );
    let bytes = std::fs::read(&written[0]).expect("index.html");
    assert!(
        bytes == html[0].data,
        "index.html differs from the newsletter's decoded HTML"
    );
}

// ---------------------------------------------------------------------------
// Python smtplib (notes 002, 003), then imaplib and poplib fetch what it sent

#[test]
fn course_note002_attachment_arrives_byte_identical_over_imap_and_pop3() {
    if !have("python3") {
        return;
    }
    let lab = Lab::start();
    let cwd = lab.scratch("note002");
    let pdf = std::fs::read(clients_dir().join("data/invoice.pdf")).expect("test PDF");
    std::fs::write(cwd.join("invoice.pdf"), &pdf).expect("copy the PDF");

    let ran = run(
        lab.py("smtp_note002.py")
            .arg("127.0.0.1")
            .arg(lab.port("submission")),
        &cwd,
        b"alex@maillab.test\ninvoice.pdf\n",
    )
    .ok("smtp_note002.py");
    assert!(ran.stdout.contains("Mail Sent"), "{}", ran.stdout);

    let before = fixture_messages("alex", "INBOX").len();

    // imaplib over STARTTLS: the new message is the last one in alex's INBOX.
    let imap_dir = lab.scratch("note002-imap");
    let ran = run(
        lab.py("imap_save.py").args([
            "127.0.0.1",
            &lab.port("imap"),
            "alex",
            "drums",
            imap_dir.to_str().expect("utf-8 path"),
            "--tls",
            "starttls",
        ]),
        &cwd,
        b"",
    )
    .ok("imap_save.py");
    assert!(
        ran.stdout.contains("starttls OK\ntls TLSv1."),
        "{}",
        ran.stdout
    );
    assert!(
        ran.stdout.contains(&format!("exists {}", before + 1)),
        "one new message in alex's INBOX:\n{}",
        ran.stdout
    );
    let raw = std::fs::read(imap_dir.join(format!("{}.eml", before + 1))).expect("saved message");
    let d = decode_message(&raw, &lab.scratch("decode"));
    assert_eq!(d.subject, "Invoice");
    let att = d
        .parts
        .iter()
        .find(|p| p.name == "invoice.pdf")
        .unwrap_or_else(|| panic!("no invoice.pdf part in what imaplib fetched"));
    assert_eq!(att.content_type, "application/octet-stream");
    assert!(
        att.data == pdf,
        "the attachment fetched by imaplib differs from the PDF sent"
    );
    let text = d
        .parts
        .iter()
        .find(|p| p.content_type == "text/plain")
        .expect("a text part");
    assert_eq!(
        text.data,
        b"Hello from network programming. Have a great day ;)"
    );

    // poplib over implicit TLS (POP3S): the same message, the same attachment.
    let pop_dir = lab.scratch("note002-pop3");
    let ran = run(
        lab.py("pop3_client.py").args([
            "127.0.0.1",
            &lab.port("pop3s"),
            "alex",
            "drums",
            pop_dir.to_str().expect("utf-8 path"),
            "--tls",
            "ssl",
        ]),
        &cwd,
        b"",
    )
    .ok("pop3_client.py");
    assert!(ran.stdout.contains("\ntls TLSv1."), "{}", ran.stdout);
    assert!(
        ran.stdout.contains(&format!("stat {} ", before + 1)),
        "{}",
        ran.stdout
    );
    let raw_pop = std::fs::read(pop_dir.join(format!("{}.eml", before + 1))).expect("RETR saved");
    assert_eq!(
        raw_pop, raw,
        "POP3 RETR and IMAP RFC822 give the same octets for one message"
    );
    let d = decode_message(&raw_pop, &lab.scratch("decode"));
    let att = d
        .parts
        .iter()
        .find(|p| p.name == "invoice.pdf")
        .expect("invoice.pdf over POP3");
    assert!(att.data == pdf, "the attachment fetched by poplib differs");
}

#[test]
fn course_note003_sendmail_over_smtps_is_delivered() {
    if !have("python3") {
        return;
    }
    let lab = Lab::start();
    let cwd = lab.scratch("note003");
    let ran = run(
        lab.py("smtp_note003.py")
            .arg("127.0.0.1")
            .arg(lab.port("smtps")),
        &cwd,
        b"drums\n",
    )
    .ok("smtp_note003.py");
    assert!(
        ran.stdout.contains("Type your password and press enter:"),
        "{}",
        ran.stdout
    );
    let before = fixture_messages("alex", "INBOX").len();
    let dir = lab.scratch("note003-imap");
    run(
        lab.py("imap_save.py").args([
            "127.0.0.1",
            &lab.port("imaps"),
            "alex",
            "drums",
            dir.to_str().expect("utf-8 path"),
            "--tls",
            "ssl",
        ]),
        &cwd,
        b"",
    )
    .ok("imap_save.py");
    let raw = std::fs::read(dir.join(format!("{}.eml", before + 1))).expect("the new message");
    let d = decode_message(&raw, &lab.scratch("decode"));
    assert_eq!(d.subject, "programming network");
    assert_eq!(d.parts.len(), 1);
    assert_eq!(
        String::from_utf8_lossy(&d.parts[0].data).trim_end(),
        "welcome to my project"
    );
    // smtplib sent bare LFs as CRLF; the stored message uses CRLF throughout.
    let bare_lf = raw
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b'\n' && (i == 0 || raw[i - 1] != b'\r'));
    assert!(!bare_lf, "the stored message has a bare LF");
}

// ---------------------------------------------------------------------------
// Python poplib on the default mailbox

#[test]
fn poplib_stat_list_retr_dele_quit() {
    if !have("python3") {
        return;
    }
    let lab = Lab::start();
    let fixtures = fixture_messages("alex", "INBOX");
    assert!(fixtures.len() >= 2, "alex has at least two messages");
    let total: usize = fixtures.iter().map(|(_, r)| r.len()).sum();
    let cwd = lab.scratch("pop3");
    let dir = lab.scratch("pop3-first");
    let ran = run(
        lab.py("pop3_client.py").args([
            "127.0.0.1",
            &lab.port("pop3"),
            "alex",
            "drums",
            dir.to_str().expect("utf-8 path"),
            "--dele",
            "1",
        ]),
        &cwd,
        b"",
    )
    .ok("pop3_client.py");
    let out = &ran.stdout;
    assert!(out.contains("greeting +OK"), "{out}");
    assert!(out.contains("pass +OK"), "{out}");
    assert!(
        out.contains(&format!("stat {} {total}\n", fixtures.len())),
        "STAT counts the maildrop (RFC 1939 §5):\n{out}"
    );
    for (i, (_, raw)) in fixtures.iter().enumerate() {
        assert!(
            out.contains(&format!("list {} {}\n", i + 1, raw.len())),
            "LIST gives each size:\n{out}"
        );
        let got = std::fs::read(dir.join(format!("{}.eml", i + 1))).expect("RETR saved");
        assert!(got == *raw, "RETR {} gives the stored octets", i + 1);
    }
    assert!(out.contains("dele 1 +OK"), "{out}");
    assert!(out.contains("quit +OK"), "{out}");

    // The deletion took effect at QUIT: POP3 and IMAP now see one message fewer.
    // The second session upgrades with STLS first (RFC 2595).
    let dir2 = lab.scratch("pop3-second");
    let ran = run(
        lab.py("pop3_client.py").args([
            "127.0.0.1",
            &lab.port("pop3"),
            "alex",
            "drums",
            dir2.to_str().expect("utf-8 path"),
            "--tls",
            "stls",
        ]),
        &cwd,
        b"",
    )
    .ok("pop3_client.py (second)");
    assert!(ran.stdout.contains("stls +OK"), "{}", ran.stdout);
    let rest: usize = fixtures[1..].iter().map(|(_, r)| r.len()).sum();
    assert!(
        ran.stdout
            .contains(&format!("stat {} {rest}\n", fixtures.len() - 1)),
        "{}",
        ran.stdout
    );
    let dir3 = lab.scratch("pop3-imap");
    let ran = run(
        lab.py("imap_save.py").args([
            "127.0.0.1",
            &lab.port("imap"),
            "alex",
            "drums",
            dir3.to_str().expect("utf-8 path"),
        ]),
        &cwd,
        b"",
    )
    .ok("imap_save.py");
    assert!(
        ran.stdout
            .contains(&format!("exists {}\n", fixtures.len() - 1)),
        "IMAP sees the POP3 deletion:\n{}",
        ran.stdout
    );
}

// ---------------------------------------------------------------------------
// curl imap://, pop3://, smtp://

#[test]
fn curl_imap_list_examine_fetch_search() {
    if !have("curl") {
        return;
    }
    let lab = Lab::start();
    let cwd = lab.scratch("curl-imap");
    let base = format!("imap://{}", lab.addr("imap"));
    let user = ["--user", "alex:drums"];

    // LIST "" * (curl's request for a URL without a mailbox).
    let list = run(curl(&format!("{base}/")).args(user), &cwd, b"").ok("curl LIST");
    // The last word of each `* LIST (attributes) "/" name` line, quoted or not.
    let names: Vec<&str> = list
        .stdout
        .lines()
        .filter(|l| l.starts_with("* LIST "))
        .filter_map(|l| l.trim_end().rsplit(' ').next())
        .map(|n| n.trim_matches('"'))
        .collect();
    for name in ["INBOX", "newbox", "Sent", "Drafts", "Trash"] {
        assert!(names.contains(&name), "LIST shows {name}:\n{}", list.stdout);
    }

    // EXAMINE: the untagged data of a read-only select.
    let fixtures = fixture_messages("alex", "INBOX");
    let ex = run(
        curl(&format!("{base}/"))
            .args(user)
            .args(["-X", "EXAMINE INBOX"]),
        &cwd,
        b"",
    )
    .ok("curl EXAMINE");
    assert!(
        ex.stdout.contains(&format!("* {} EXISTS", fixtures.len())),
        "EXAMINE INBOX:\n{}",
        ex.stdout
    );
    assert!(ex.stdout.contains("UIDVALIDITY"), "{}", ex.stdout);

    // A message by UID: curl selects INBOX and fetches BODY[].
    let (uid, raw) = &fixtures[0];
    let msg = run(
        curl(&format!("{base}/INBOX;UID={uid}")).args(user),
        &cwd,
        b"",
    )
    .ok("curl FETCH by UID");
    assert!(
        msg.stdout_bytes == *raw,
        "curl's message differs from the stored one:\n{}",
        msg.stdout
    );

    // FETCH and SEARCH as custom requests on the selected INBOX.
    let flags = run(
        curl(&format!("{base}/INBOX"))
            .args(user)
            .args(["-X", "FETCH 1:* (FLAGS)"]),
        &cwd,
        b"",
    )
    .ok("curl FETCH FLAGS");
    for n in 1..=fixtures.len() {
        assert!(
            flags.stdout.contains(&format!("* {n} FETCH (")),
            "FETCH 1:* (FLAGS):\n{}",
            flags.stdout
        );
    }
    let search = run(
        curl(&format!("{base}/INBOX"))
            .args(user)
            .args(["-X", "SEARCH HEADER SUBJECT test"]),
        &cwd,
        b"",
    )
    .ok("curl SEARCH");
    assert!(
        search
            .stdout
            .lines()
            .any(|l| l.trim_end() == "* SEARCH 1 2"),
        "the course notes' SEARCH HEADER SUBJECT test:\n{}",
        search.stdout
    );
    let search = run(
        curl(&format!("{base}/INBOX?SUBJECT%20another")).args(user),
        &cwd,
        b"",
    )
    .ok("curl URL SEARCH");
    assert!(
        search.stdout.lines().any(|l| l.trim_end() == "* SEARCH 2"),
        "SUBJECT another:\n{}",
        search.stdout
    );

    // A wrong password is refused (curl exit 67: login denied).
    let bad = run(
        curl(&format!("{base}/")).args(["--user", "alex:wrong"]),
        &cwd,
        b"",
    );
    assert_eq!(bad.status.code(), Some(67), "{}", bad.stderr);
}

#[test]
fn curl_pop3_list_retr_uidl() {
    if !have("curl") {
        return;
    }
    let lab = Lab::start();
    let cwd = lab.scratch("curl-pop3");
    let base = format!("pop3://{}", lab.addr("pop3"));
    let user = ["--user", "alex:drums"];
    let fixtures = fixture_messages("alex", "INBOX");

    let list = run(curl(&format!("{base}/")).args(user), &cwd, b"").ok("curl pop3 LIST");
    let lines: Vec<&str> = list.stdout.lines().map(str::trim_end).collect();
    let wanted: Vec<String> = fixtures
        .iter()
        .enumerate()
        .map(|(i, (_, r))| format!("{} {}", i + 1, r.len()))
        .collect();
    assert_eq!(lines, wanted, "LIST scan listings (RFC 1939 §5)");

    let retr = run(curl(&format!("{base}/1")).args(user), &cwd, b"").ok("curl pop3 RETR");
    assert!(
        retr.stdout_bytes == fixtures[0].1,
        "RETR 1 gives the stored message:\n{}",
        retr.stdout
    );

    let uidl = run(
        curl(&format!("{base}/")).args(user).args(["-X", "UIDL"]),
        &cwd,
        b"",
    )
    .ok("curl pop3 UIDL");
    let ids: Vec<&str> = uidl
        .stdout
        .lines()
        .filter_map(|l| l.split_whitespace().nth(1))
        .collect();
    assert_eq!(ids.len(), fixtures.len(), "UIDL:\n{}", uidl.stdout);
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "UIDL ids are unique");

    let bad = run(
        curl(&format!("{base}/")).args(["--user", "alex:wrong"]),
        &cwd,
        b"",
    );
    assert_eq!(bad.status.code(), Some(67), "{}", bad.stderr);
}

#[test]
fn curl_smtp_upload_is_delivered_with_dot_stuffing_undone() {
    if !have("curl") {
        return;
    }
    let lab = Lab::start();
    let cwd = lab.scratch("curl-smtp");
    let body = "Hello from curl.\r\n.a line that starts with a dot\r\n..two dots\r\n.\r\nafter a lone dot\r\n";
    let message = format!(
        "From: Teacher <teacher@example.org>\r\nTo: alex@maillab.test\r\n\
         Subject: curl upload\r\nMessage-ID: <curl-1@example.org>\r\n\r\n{body}"
    );
    std::fs::write(cwd.join("message.eml"), &message).expect("message file");
    run(
        curl(&format!("smtp://{}/client.example", lab.addr("smtp"))).args([
            "--mail-from",
            "teacher@example.org",
            "--mail-rcpt",
            "alex@maillab.test",
            "--upload-file",
            "message.eml",
        ]),
        &cwd,
        b"",
    )
    .ok("curl smtp upload");

    let before = fixture_messages("alex", "INBOX").len();
    let n = before + 1;
    let retr = run(
        curl(&format!("pop3://{}/{n}", lab.addr("pop3"))).args(["--user", "alex:drums"]),
        &cwd,
        b"",
    )
    .ok("curl pop3 RETR of the new message");
    let got = &retr.stdout_bytes;
    assert!(
        body_of(got) == body.as_bytes(),
        "the body arrives as sent, dots and all:\n{}",
        retr.stdout
    );
    assert!(
        retr.stdout.contains("Subject: curl upload\r\n"),
        "{}",
        retr.stdout
    );

    // A recipient at an unknown local user is refused; curl reports the failure.
    let refused = run(
        curl(&format!("smtp://{}/client.example", lab.addr("smtp"))).args([
            "--mail-from",
            "teacher@example.org",
            "--mail-rcpt",
            "nobody@maillab.test",
            "--upload-file",
            "message.eml",
        ]),
        &cwd,
        b"",
    );
    assert!(
        !refused.status.success(),
        "mail to an unknown local user must be refused"
    );
}

// ---------------------------------------------------------------------------
// swaks

#[test]
fn swaks_sends_plain_and_authenticated() {
    if !have("swaks") || !have("curl") {
        return;
    }
    let lab = Lab::start();
    let cwd = lab.scratch("swaks");
    let smtp = lab.port("smtp");
    let sub = lab.port("submission");

    // Port 25's analogue: no AUTH needed for local recipients.
    let ran = run(
        Command::new("swaks").args([
            "--server",
            "127.0.0.1",
            "--port",
            &smtp,
            "--from",
            "teacher@example.org",
            "--to",
            "alex@maillab.test",
            "--header",
            "Subject: swaks plain",
            "--body",
            "sent by swaks",
            "--timeout",
            "20",
        ]),
        &cwd,
        b"",
    )
    .ok("swaks plain");
    assert!(ran.stdout.contains("<-  250"), "{}", ran.stdout);

    // Submission: AUTH with each mechanism swaks speaks, then send (RFC 6409, RFC 4954;
    // CRAM-MD5 is RFC 2195's challenge and keyed digest).
    for mech in ["PLAIN", "LOGIN", "CRAM-MD5"] {
        let subject = format!("Subject: swaks submission {mech}");
        let ran = run(
            Command::new("swaks").args([
                "--server",
                "127.0.0.1",
                "--port",
                &sub,
                "--auth",
                mech,
                "--auth-user",
                "alex",
                "--auth-password",
                "drums",
                "--from",
                "alex@maillab.test",
                "--to",
                "riley@maillab.test",
                "--header",
                &subject,
                "--body",
                "sent by swaks after AUTH",
                "--timeout",
                "20",
            ]),
            &cwd,
            b"",
        )
        .ok(&format!("swaks submission with AUTH {mech}"));
        assert!(
            ran.stdout.contains("<-  235"),
            "AUTH {mech} succeeded:\n{}",
            ran.stdout
        );
    }

    // Submission without AUTH is refused (530), a wrong password too (535).
    let ran = run(
        Command::new("swaks").args([
            "--server",
            "127.0.0.1",
            "--port",
            &sub,
            "--from",
            "alex@maillab.test",
            "--to",
            "riley@maillab.test",
            "--timeout",
            "20",
        ]),
        &cwd,
        b"",
    );
    assert!(!ran.status.success(), "submission without AUTH must fail");
    assert!(ran.stdout.contains("<** 530"), "{}", ran.stdout);
    let ran = run(
        Command::new("swaks").args([
            "--server",
            "127.0.0.1",
            "--port",
            &sub,
            "--auth",
            "PLAIN",
            "--auth-user",
            "alex",
            "--auth-password",
            "wrong",
            "--from",
            "alex@maillab.test",
            "--to",
            "riley@maillab.test",
            "--timeout",
            "20",
        ]),
        &cwd,
        b"",
    );
    assert!(!ran.status.success(), "a wrong password must fail");
    assert!(ran.stdout.contains("<** 535"), "{}", ran.stdout);

    // Every accepted message is in its INBOX, once.
    for (user, subject, count) in [
        ("alex:drums", "swaks plain", 1),
        ("riley:firefly", "swaks submission", 3),
    ] {
        let found = run(
            curl(&format!(
                "imap://{}/INBOX?SUBJECT%20%22{}%22",
                lab.addr("imap"),
                subject.replace(' ', "%20")
            ))
            .args(["--user", user]),
            &cwd,
            b"",
        )
        .ok("curl SEARCH");
        let hits = found
            .stdout
            .lines()
            .find_map(|l| l.trim_end().strip_prefix("* SEARCH"))
            .unwrap_or("");
        assert_eq!(
            hits.split_whitespace().count(),
            count,
            "{subject:?} delivered {count} times to {user}:\n{}\n{}",
            found.stdout,
            lab.stderr()
        );
    }
}

// ---------------------------------------------------------------------------
// TLS: implicit TLS and STARTTLS verified against the lab CA (`--ca-out`)

#[test]
fn curl_over_tls_verifies_the_lab_ca() {
    if !have("curl") {
        return;
    }
    let lab = Lab::start();
    let cwd = lab.scratch("curl-tls");
    let user = ["--user", "alex:drums"];

    // IMAPS: LIST over implicit TLS, the certificate checked for 127.0.0.1.
    let list = run(
        lab.curl(&format!("imaps://{}/", lab.addr("imaps")))
            .args(user),
        &cwd,
        b"",
    )
    .ok("curl imaps LIST");
    assert!(list.stdout.contains("* LIST"), "{}", list.stdout);

    // Without the lab CA (the system's roots only) verification fails: curl exit 60.
    let untrusted = run(
        curl(&format!("imaps://{}/", lab.addr("imaps"))).args(user),
        &cwd,
        b"",
    );
    assert_eq!(
        untrusted.status.code(),
        Some(60),
        "an unknown CA must not verify:\n{}",
        untrusted.stderr
    );

    // STARTTLS on the plain IMAP port (--ssl-reqd makes curl insist on the upgrade).
    let fetch = run(
        lab.curl(&format!("imap://{}/INBOX;UID=1", lab.addr("imap")))
            .args(user)
            .arg("--ssl-reqd"),
        &cwd,
        b"",
    )
    .ok("curl imap STARTTLS");
    let fixtures = fixture_messages("alex", "INBOX");
    assert!(fetch.stdout_bytes == fixtures[0].1, "{}", fetch.stdout);

    // POP3S and POP3 with STLS.
    let pop = run(
        lab.curl(&format!("pop3s://{}/", lab.addr("pop3s")))
            .args(user),
        &cwd,
        b"",
    )
    .ok("curl pop3s LIST");
    assert_eq!(pop.stdout.lines().count(), fixtures.len(), "{}", pop.stdout);
    run(
        lab.curl(&format!("pop3://{}/1", lab.addr("pop3")))
            .args(user)
            .arg("--ssl-reqd"),
        &cwd,
        b"",
    )
    .ok("curl pop3 STLS RETR");

    // SMTPS with AUTH, and submission with STARTTLS and AUTH.
    let message = "From: alex@maillab.test\r\nTo: riley@maillab.test\r\n\
                   Subject: over tls\r\n\r\nsent by curl over TLS\r\n";
    std::fs::write(cwd.join("tls.eml"), message).expect("message file");
    for (url, starttls) in [
        (
            format!("smtps://{}/client.example", lab.addr("smtps")),
            false,
        ),
        (
            format!("smtp://{}/client.example", lab.addr("submission")),
            true,
        ),
    ] {
        let mut c = lab.curl(&url);
        c.args(user).args([
            "--mail-from",
            "alex@maillab.test",
            "--mail-rcpt",
            "riley@maillab.test",
            "--upload-file",
            "tls.eml",
        ]);
        if starttls {
            c.arg("--ssl-reqd");
        }
        run(&mut c, &cwd, b"").ok(&format!("curl {url}"));
    }
    let found = run(
        lab.curl(&format!(
            "imaps://{}/INBOX?SUBJECT%20%22over%20tls%22",
            lab.addr("imaps")
        ))
        .args(["--user", "riley:firefly"]),
        &cwd,
        b"",
    )
    .ok("curl imaps SEARCH");
    let hits = found
        .stdout
        .lines()
        .find_map(|l| l.trim_end().strip_prefix("* SEARCH"))
        .unwrap_or("");
    assert_eq!(
        hits.split_whitespace().count(),
        2,
        "both TLS submissions reached riley:\n{}",
        found.stdout
    );
}

#[test]
fn require_tls_refuses_plain_logins_until_the_upgrade() {
    if !have("python3") {
        return;
    }
    let lab = Lab::start_with(&["--require-tls"]);
    let cwd = lab.scratch("require-tls");
    let out = |name: &str| lab.scratch(name).to_str().expect("utf-8 path").to_string();

    // IMAP: LOGIN in clear is refused (LOGINDISABLED, RFC 3501 §6.2.3); after STARTTLS it works.
    let plain = run(
        lab.py("imap_save.py").args([
            "127.0.0.1",
            &lab.port("imap"),
            "alex",
            "drums",
            &out("rt-imap-plain"),
        ]),
        &cwd,
        b"",
    );
    assert!(
        !plain.status.success(),
        "a clear-text IMAP LOGIN must be refused:\n{}",
        plain.stdout
    );
    run(
        lab.py("imap_save.py").args([
            "127.0.0.1",
            &lab.port("imap"),
            "alex",
            "drums",
            &out("rt-imap-tls"),
            "--tls",
            "starttls",
        ]),
        &cwd,
        b"",
    )
    .ok("imap_save.py with STARTTLS");

    // POP3: USER/PASS in clear refused; after STLS they work.
    let plain = run(
        lab.py("pop3_client.py").args([
            "127.0.0.1",
            &lab.port("pop3"),
            "alex",
            "drums",
            &out("rt-pop3-plain"),
        ]),
        &cwd,
        b"",
    );
    assert!(
        !plain.status.success(),
        "clear-text POP3 USER/PASS must be refused:\n{}",
        plain.stdout
    );
    run(
        lab.py("pop3_client.py").args([
            "127.0.0.1",
            &lab.port("pop3"),
            "alex",
            "drums",
            &out("rt-pop3-tls"),
            "--tls",
            "stls",
        ]),
        &cwd,
        b"",
    )
    .ok("pop3_client.py with STLS");

    // The course note 002 code does STARTTLS before login, so it still works.
    std::fs::write(
        cwd.join("invoice.pdf"),
        std::fs::read(clients_dir().join("data/invoice.pdf")).expect("test PDF"),
    )
    .expect("copy the PDF");
    run(
        lab.py("smtp_note002.py")
            .arg("127.0.0.1")
            .arg(lab.port("submission")),
        &cwd,
        b"alex@maillab.test\ninvoice.pdf\n",
    )
    .ok("smtp_note002.py under --require-tls");
}

// ---------------------------------------------------------------------------
// The same course code against real servers: tests/peers/dovecot.sh and
// postfix.sh, the peers that TLS tests and benchmarks start.

#[test]
fn course_code_runs_the_same_against_dovecot_and_postfix() {
    if !have("python3") {
        return;
    }
    let Some(peers) = Peers::start() else {
        return;
    };
    let cwd = peers.dir().join("client");
    std::fs::create_dir_all(&cwd).expect("client directory");
    let py = |script: &str| {
        let mut c = python(script);
        c.env("SSL_CERT_FILE", peers.ca());
        c
    };
    let pdf = std::fs::read(clients_dir().join("data/invoice.pdf")).expect("test PDF");
    std::fs::write(cwd.join("invoice.pdf"), &pdf).expect("copy the PDF");

    // Note 002 on Postfix's submission port: STARTTLS, AUTH (Dovecot's), send.
    run(
        py("smtp_note002.py")
            .arg("127.0.0.1")
            .arg(peers.submission.to_string()),
        &cwd,
        b"alex@maillab.test\ninvoice.pdf\n",
    )
    .ok("smtp_note002.py against Postfix");
    // Note 003 on Postfix's SMTPS port.
    run(
        py("smtp_note003.py")
            .arg("127.0.0.1")
            .arg(peers.smtps.to_string()),
        &cwd,
        b"drums\n",
    )
    .ok("smtp_note003.py against Postfix");

    // Postfix delivers in the background: wait (bounded) for both in Dovecot.
    let out = cwd.join("imap");
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let ran = run(
            py("imap_save.py").args([
                "127.0.0.1",
                &peers.imaps.to_string(),
                "alex",
                "drums",
                out.to_str().expect("utf-8 path"),
                "--tls",
                "ssl",
            ]),
            &cwd,
            b"",
        )
        .ok("imap_save.py against Dovecot");
        if ran.stdout.contains("exists 2\n") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "Postfix did not deliver both messages to Dovecot:\n{}",
            ran.stdout
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let subjects: Vec<String> = (1..=2)
        .map(|n| {
            let raw = std::fs::read(out.join(format!("{n}.eml"))).expect("saved message");
            let d = decode_message(&raw, &cwd);
            if d.subject == "Invoice" {
                let att = d
                    .parts
                    .iter()
                    .find(|p| p.name == "invoice.pdf")
                    .expect("invoice.pdf part");
                assert!(
                    att.data == pdf,
                    "the PDF went through Postfix and Dovecot intact"
                );
            }
            d.subject
        })
        .collect();
    assert!(subjects.contains(&"Invoice".to_string()), "{subjects:?}");
    assert!(
        subjects.contains(&"programming network".to_string()),
        "{subjects:?}"
    );

    // POP3 with STLS and plain IMAP with STARTTLS reach the same mail.
    let ran = run(
        py("pop3_client.py").args([
            "127.0.0.1",
            &peers.pop3.to_string(),
            "alex",
            "drums",
            cwd.join("pop3").to_str().expect("utf-8 path"),
            "--tls",
            "stls",
        ]),
        &cwd,
        b"",
    )
    .ok("pop3_client.py against Dovecot");
    assert!(ran.stdout.contains("stat 2 "), "{}", ran.stdout);
    let ran = run(
        py("imap_save.py").args([
            "127.0.0.1",
            &peers.imap.to_string(),
            "alex",
            "drums",
            cwd.join("imap2").to_str().expect("utf-8 path"),
            "--tls",
            "starttls",
        ]),
        &cwd,
        b"",
    )
    .ok("imap_save.py with STARTTLS against Dovecot");
    assert!(ran.stdout.contains("exists 2\n"), "{}", ran.stdout);
}

// ---------------------------------------------------------------------------
// mbsync (isync): a real synchronising client over IMAPS, both ways

#[test]
fn mbsync_pulls_every_mailbox_and_pushes_new_mail_and_flags() {
    if !have("mbsync") || !have("curl") {
        return;
    }
    let lab = Lab::start();
    let cwd = lab.scratch("mbsync");
    let local = lab.scratch("mbsync-mail");
    // mbsync refuses certificates for IP addresses, so it connects to localhost
    // (the lab certificate names localhost, 127.0.0.1 and ::1).
    let config = format!(
        "IMAPAccount lab\nHost localhost\nPort {port}\nUser alex\nPass drums\n\
         SSLType IMAPS\nCertificateFile {ca}\n\n\
         IMAPStore lab-remote\nAccount lab\n\n\
         MaildirStore lab-local\nPath {local}/\nInbox {local}/INBOX\nSubFolders Verbatim\n\n\
         Channel lab\nFar :lab-remote:\nNear :lab-local:\nPatterns *\nCreate Both\nSyncState *\n",
        port = lab.port("imaps"),
        ca = lab.0.ca.display(),
        local = local.display(),
    );
    let rc = cwd.join("mbsyncrc");
    std::fs::write(&rc, config).expect("mbsyncrc");
    let sync = || {
        run(
            Command::new("mbsync").arg("-c").arg(&rc).arg("lab"),
            &cwd,
            b"",
        )
        .ok("mbsync")
    };

    // Pull: every message of INBOX and newbox arrives, octets intact (mbsync
    // stores LF line ends and adds an X-TUID header).
    sync();
    for (mailbox, dir) in [("INBOX", "INBOX"), ("newbox", "newbox")] {
        let mut want: Vec<Vec<u8>> = fixture_messages("alex", mailbox)
            .into_iter()
            .map(|(_, raw)| {
                String::from_utf8_lossy(&raw)
                    .replace("\r\n", "\n")
                    .into_bytes()
            })
            .collect();
        let mut got: Vec<Vec<u8>> = ["new", "cur"]
            .iter()
            .flat_map(|sub| {
                std::fs::read_dir(local.join(dir).join(sub))
                    .into_iter()
                    .flatten()
            })
            .flatten()
            .map(|e| {
                let bytes = std::fs::read(e.path()).expect("synced message");
                let text = String::from_utf8_lossy(&bytes);
                // mbsync adds its own tracking header (X-TUID) to what it stores.
                text.split_inclusive('\n')
                    .filter(|l| !l.starts_with("X-TUID: "))
                    .collect::<String>()
                    .into_bytes()
            })
            .collect();
        want.sort();
        got.sort();
        assert_eq!(
            got.len(),
            want.len(),
            "{mailbox}: message count after the pull"
        );
        assert!(
            got == want,
            "{mailbox}: synced messages differ from the store's"
        );
    }

    // Push: a new local message is APPENDed, a local \Seen becomes the server's.
    let new_msg = "From: Alex <alex@maillab.test>\nTo: alex@maillab.test\n\
                   Subject: written offline\n\nsynced up by mbsync\n";
    std::fs::write(local.join("INBOX/new/1800000000.offline.maillab"), new_msg)
        .expect("local message");
    let inbox_new = local.join("INBOX/new");
    let first = std::fs::read_dir(&inbox_new)
        .expect("INBOX/new")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains(",U=1:"))
        .expect("the message with UID 1");
    let name = first
        .file_name()
        .and_then(|n| n.to_str())
        .expect("file name")
        .to_string();
    std::fs::rename(&first, local.join("INBOX/cur").join(format!("{name}S"))).expect("mark seen");
    sync();

    let base = format!("imap://{}", lab.addr("imap"));
    let flags = run(
        curl(&format!("{base}/INBOX")).args([
            "--user",
            "alex:drums",
            "-X",
            "UID FETCH 1:* (FLAGS)",
        ]),
        &cwd,
        b"",
    )
    .ok("curl UID FETCH FLAGS");
    let fetch_lines: Vec<&str> = flags
        .stdout
        .lines()
        .filter(|l| l.contains(" FETCH "))
        .collect();
    assert_eq!(
        fetch_lines.len(),
        3,
        "the pushed message is there:\n{}",
        flags.stdout
    );
    assert!(
        fetch_lines
            .iter()
            .any(|l| l.contains("UID 1 ") && l.contains("\\Seen")),
        "the local \\Seen reached UID 1:\n{}",
        flags.stdout
    );
    let found = run(
        curl(&format!("{base}/INBOX?SUBJECT%20%22written%20offline%22"))
            .args(["--user", "alex:drums"]),
        &cwd,
        b"",
    )
    .ok("curl SEARCH");
    assert!(
        found.stdout.lines().any(|l| l.trim_end() == "* SEARCH 3"),
        "{}",
        found.stdout
    );
}
