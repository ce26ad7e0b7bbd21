//! The default mock mailbox and `--fixture` loading (mbox, Maildir, .eml folders).

use std::fs;
use std::path::Path;

use maillab::store::fixture::{default_store, load_path};
use maillab::store::mime::{ParsedMessage, SectionText};
use maillab::store::Store;

/// (subject, flags, recent) of every message in a mailbox, in UID order.
fn summary(store: &Store, user: &str, mailbox: &str) -> Vec<(String, Vec<String>, bool)> {
    store.read(|i| {
        let mb = i
            .user(user)
            .unwrap()
            .mailbox(mailbox)
            .unwrap_or_else(|| panic!("{user} has no mailbox {mailbox}"));
        mb.messages
            .iter()
            .map(|m| {
                let subject = m
                    .parsed()
                    .header_values(&m.raw, "subject")
                    .first()
                    .cloned()
                    .unwrap_or_default();
                let flags = m.flags.iter().map(str::to_string).collect();
                (subject, flags, m.recent_owner.is_none())
            })
            .collect()
    })
}

fn subjects(store: &Store, user: &str, mailbox: &str) -> Vec<String> {
    summary(store, user, mailbox)
        .into_iter()
        .map(|s| s.0)
        .collect()
}

#[test]
fn default_alex_replays_the_course_sessions() {
    let s = default_store();
    assert!(s.check_login("alex", "drums"));
    assert!(s.check_login("riley", "firefly"));
    let inbox = summary(&s, "alex", "INBOX");
    assert_eq!(
        inbox,
        vec![
            ("test".into(), vec![], false),
            ("another test".into(), vec![], false),
        ],
        "two unseen messages that no session has as \\Recent"
    );
    // SEARCH HEADER SUBJECT test -> 1 2; ... another -> 2 (substring, case-insensitive).
    let matching = |word: &str| -> Vec<usize> {
        subjects(&s, "alex", "INBOX")
            .iter()
            .enumerate()
            .filter(|(_, subj)| subj.to_lowercase().contains(word))
            .map(|(n, _)| n + 1)
            .collect()
    };
    assert_eq!(matching("test"), vec![1, 2]);
    assert_eq!(matching("another"), vec![2]);
    let newbox = summary(&s, "alex", "newbox");
    assert_eq!(newbox.len(), 6);
    assert!(newbox
        .iter()
        .all(|(_, flags, recent)| flags.is_empty() && !recent));
    s.read(|i| {
        let u = i.user("alex").unwrap();
        for name in ["Sent", "Drafts", "Trash"] {
            let mb = u.mailbox(name).unwrap();
            assert!(mb.special_use.is_some() && mb.messages.is_empty());
        }
        assert!(u.subscriptions.contains("newbox"));
        assert_eq!(u.mailbox("newbox").unwrap().recent_count(), 0);
    });
}

#[test]
fn default_messages_have_crlf_and_realistic_headers() {
    let s = default_store();
    s.read(|i| {
        for u in i.users.values() {
            for mb in u.mailboxes.values() {
                for m in &mb.messages {
                    let raw = &m.raw[..];
                    for (n, b) in raw.iter().enumerate() {
                        if *b == b'\n' {
                            assert_eq!(raw.get(n.wrapping_sub(1)), Some(&b'\r'), "bare LF");
                        }
                    }
                    let p = m.parsed();
                    for field in [
                        "date",
                        "from",
                        "to",
                        "message-id",
                        "mime-version",
                        "subject",
                    ] {
                        assert_eq!(p.header_values(raw, field).len(), 1, "{field}");
                    }
                    assert_eq!(Some(m.internal_date), p.sent_date(raw));
                }
            }
        }
    });
}

#[test]
fn default_riley_mail_for_the_course_python_script() {
    let s = default_store();
    s.read(|i| {
        let inbox = i.user("riley").unwrap().mailbox("INBOX").unwrap();
        assert_eq!(inbox.messages.len(), 3);
        assert!(inbox
            .messages
            .iter()
            .all(|m| m.flags.is_empty() && m.recent_owner.is_some()));
        let dates: Vec<_> = inbox.messages.iter().map(|m| m.internal_date).collect();
        assert!(dates.windows(2).all(|w| w[0] < w[1]), "oldest first");

        // 1: multipart/mixed (multipart/alternative text + html) + a PDF attachment.
        let m = &inbox.messages[0];
        let p = ParsedMessage::parse(&m.raw);
        let bs = p.body_structure(&m.raw, true);
        assert!(bs.starts_with("(((\"TEXT\" \"PLAIN\""), "{bs}");
        assert!(bs.contains("(\"TEXT\" \"HTML\""), "{bs}");
        assert!(bs.contains("\"ALTERNATIVE\""), "{bs}");
        assert!(
            bs.contains(
                "(\"APPLICATION\" \"PDF\" (\"NAME\" \"lab3-schedule.pdf\") NIL NIL \"BASE64\""
            ),
            "{bs}"
        );
        assert!(
            bs.contains("(\"ATTACHMENT\" (\"FILENAME\" \"lab3-schedule.pdf\"))"),
            "{bs}"
        );
        assert!(
            bs.ends_with("\"MIXED\" (\"BOUNDARY\" \"=_mixed_7f3a1c\") NIL NIL NIL)"),
            "{bs}"
        );
        let pdf_b64 = p.section(&m.raw, &[2], &SectionText::Full).unwrap();
        let pdf = base64_decode(&pdf_b64);
        assert!(pdf.starts_with(b"%PDF-1."), "a PDF file");
        assert!(pdf.ends_with(b"%%EOF\n"));
        check_pdf_xref(&pdf);
        let plain = p.section(&m.raw, &[1, 1], &SectionText::Full).unwrap();
        assert!(String::from_utf8(plain)
            .unwrap()
            .starts_with("Hello Riley,"));

        // 2: Arabic Subject and From name in RFC 2047, Arabic UTF-8 text body.
        let m = &inbox.messages[1];
        let p = ParsedMessage::parse(&m.raw);
        assert_eq!(
            p.header_values(&m.raw, "subject"),
            vec!["مرحبا بكم في مختبر البريد الإلكتروني"]
        );
        assert_eq!(
            p.header_values(&m.raw, "from"),
            vec!["نور الهدى <noor@maillab.test>"]
        );
        assert!(
            p.envelope(&m.raw).contains("=?UTF-8?B?"),
            "ENVELOPE keeps encoded words"
        );
        assert!(p.body_text(&m.raw).contains("أهلاً بك في مختبر البريد"));
        assert!(p
            .body_structure(&m.raw, false)
            .starts_with("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"UTF-8\") NIL NIL \"BASE64\""));

        // 3: a single-part HTML newsletter.
        let m = &inbox.messages[2];
        let p = ParsedMessage::parse(&m.raw);
        assert!(p.body_structure(&m.raw, false).starts_with(
            "(\"TEXT\" \"HTML\" (\"CHARSET\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\""
        ));
        assert!(p.body_text(&m.raw).contains("the moment new mail lands"));
    });
}

fn base64_decode(text: &[u8]) -> Vec<u8> {
    use base64::Engine;
    let clean: Vec<u8> = text
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    base64::engine::general_purpose::STANDARD
        .decode(clean)
        .expect("valid base64")
}

/// The cross-reference table points at each object (what makes the PDF valid).
fn check_pdf_xref(pdf: &[u8]) {
    let text = String::from_utf8_lossy(pdf);
    let start: usize = text
        .rsplit("startxref\n")
        .next()
        .and_then(|t| t.lines().next())
        .and_then(|n| n.trim().parse().ok())
        .expect("startxref");
    assert!(text[start..].starts_with("xref\n0 "));
    let entries: Vec<usize> = text[start..]
        .lines()
        .filter(|l| l.ends_with(" 00000 n "))
        .map(|l| l[..10].parse().unwrap())
        .collect();
    assert!(!entries.is_empty());
    for (n, off) in entries.iter().enumerate() {
        assert!(
            text[*off..].starts_with(&format!("{} 0 obj", n + 1)),
            "object {}",
            n + 1
        );
    }
}

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).unwrap();
    }
    fs::write(path, text).unwrap();
}

fn msg(subject: &str) -> String {
    format!(
        "From: Sam <sam@maillab.test>\nTo: alex@maillab.test\nSubject: {subject}\n\
         Date: Mon, 2 Mar 2026 09:00:00 +0000\n\nbody of {subject}\n"
    )
}

#[test]
fn missing_path_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    assert!(load_path(&dir.path().join("nope")).is_err());
}

#[test]
fn mbox_file_with_from_quoting_and_status_flags() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mail.mbox");
    write(
        &path,
        "From sam@maillab.test Mon Mar  2 09:12:44 2026\n\
         From: Sam <sam@maillab.test>\nSubject: first\nStatus: RO\nX-Status: AF\n\n\
         >From the start, a quoted line.\n>>From stays quoted once.\n\n\
         From sam@maillab.test Tue Mar  3 10:00:00 2026\n\
         not a header line\n\n\
         From sam@maillab.test Wed Mar  4 11:00:00 2026\n\
         Subject: third\n\nlast\n",
    );
    let (store, problems) = load_path(&path).unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("mail.mbox") && problems[0].contains("message 2"));
    for user in ["alex", "riley"] {
        let got = summary(&store, user, "INBOX");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, "first");
        assert_eq!(got[0].1, vec!["\\Answered", "\\Flagged", "\\Seen"]);
        assert_eq!(got[1].0, "third");
        assert!(got[1].1.is_empty());
    }
    store.read(|i| {
        let m = &i.user("alex").unwrap().mailbox("INBOX").unwrap().messages[0];
        let body = String::from_utf8(m.raw.to_vec()).unwrap();
        assert!(
            body.ends_with(
                "\r\n\r\nFrom the start, a quoted line.\r\n>From stays quoted once.\r\n"
            ),
            "{body:?}"
        );
        assert_eq!(m.internal_date.to_rfc3339(), "2026-03-02T09:12:44+00:00");
    });
}

#[test]
fn maildir_with_flags_new_mail_and_subfolders() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path();
    write(
        &md.join("cur/1700000001.1.host:2,FRS"),
        &msg("read and answered"),
    );
    write(&md.join("cur/1700000002.2.host:2,"), &msg("plain"));
    write(&md.join("cur/1700000003.3.host:2,T"), "");
    write(&md.join("new/1700000004.4.host"), &msg("just arrived"));
    fs::create_dir_all(md.join("tmp")).unwrap();
    write(
        &md.join(".Lists.rust/cur/1700000005.5.host:2,S"),
        &msg("in a subfolder"),
    );
    write(
        &md.join(".Sent/cur/1700000006.6.host:2,S"),
        &msg("sent one"),
    );
    let (store, problems) = load_path(md).unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("1700000003.3.host"));
    let inbox = summary(&store, "riley", "INBOX");
    assert_eq!(
        inbox,
        vec![
            (
                "read and answered".into(),
                vec!["\\Answered".into(), "\\Flagged".into(), "\\Seen".into()],
                false
            ),
            ("plain".into(), vec![], false),
            ("just arrived".into(), vec![], true),
        ]
    );
    assert_eq!(
        subjects(&store, "alex", "Lists/rust"),
        vec!["in a subfolder"]
    );
    assert_eq!(subjects(&store, "alex", "Sent"), vec!["sent one"]);
    store.read(|i| {
        let u = i.user("alex").unwrap();
        assert!(u.mailbox("Sent").unwrap().special_use.is_some());
        assert!(
            u.mailbox("newbox").is_none(),
            "no default mail in a loaded store"
        );
    });
}

#[test]
fn folder_of_eml_files_mbox_files_and_subfolders() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(&d.join("b.eml"), &msg("second by name"));
    write(&d.join("a.eml"), &msg("first by name"));
    write(&d.join("broken.eml"), "this is not a message at all\n");
    write(&d.join("notes.txt"), "ignored: not mail");
    write(
        &d.join("Archive.mbox"),
        &format!("From x Mon Mar  2 09:12:44 2026\n{}", msg("archived")),
    );
    write(&d.join("Projects/x.eml"), &msg("in projects"));
    let (store, problems) = load_path(d).unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("broken.eml"));
    assert_eq!(
        subjects(&store, "alex", "INBOX"),
        vec!["first by name", "second by name"]
    );
    assert_eq!(subjects(&store, "alex", "Archive"), vec!["archived"]);
    assert_eq!(subjects(&store, "riley", "Projects"), vec!["in projects"]);
    // Loaded mail is stored with CRLF line ends.
    store.read(|i| {
        let m = &i.user("alex").unwrap().mailbox("INBOX").unwrap().messages[0];
        assert!(m.raw.windows(2).any(|w| w == b"\r\n"));
        assert!(!m
            .raw
            .iter()
            .enumerate()
            .any(|(n, &b)| b == b'\n' && (n == 0 || m.raw[n - 1] != b'\r')));
    });
}

#[test]
fn per_user_subfolders() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(&d.join("alex/cur/1.host:2,S"), &msg("for alex"));
    write(&d.join("riley/one.eml"), &msg("for riley"));
    let (store, problems) = load_path(d).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(subjects(&store, "alex", "INBOX"), vec!["for alex"]);
    assert_eq!(subjects(&store, "riley", "INBOX"), vec!["for riley"]);
}

#[test]
fn spool_files_named_after_users() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        &d.join("alex"),
        &format!("From sam Mon Mar  2 09:12:44 2026\n{}", msg("spooled")),
    );
    write(
        &d.join("riley.mbox"),
        &format!("From sam Mon Mar  2 09:12:44 2026\n{}", msg("riley's")),
    );
    let (store, problems) = load_path(d).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(subjects(&store, "alex", "INBOX"), vec!["spooled"]);
    assert_eq!(subjects(&store, "riley", "INBOX"), vec!["riley's"]);
}

#[test]
fn single_message_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one.eml");
    write(&path, &msg("alone"));
    let (store, problems) = load_path(&path).unwrap();
    assert!(problems.is_empty());
    assert_eq!(subjects(&store, "alex", "INBOX"), vec!["alone"]);
    let bad = dir.path().join("bad.eml");
    write(&bad, "");
    let (store, problems) = load_path(&bad).unwrap();
    assert_eq!(problems.len(), 1);
    assert!(subjects(&store, "alex", "INBOX").is_empty());
}
