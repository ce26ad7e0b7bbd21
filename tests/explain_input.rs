//! `maillab explain` reading what a student has at hand: standard input (`-`), a file
//! (`--file`), a transcript written by `--transcript` (its protocol recognised), and
//! the debug output Python's own mail clients print (imaplib `Debug = 4`, smtplib
//! `set_debuglevel(1)`, poplib `set_debuglevel(2)`), captured here from the real
//! clients talking to `maillab serve`.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::bin::launch;

/// `maillab explain ARGS` with `stdin`; (stdout, exit code).
fn explain(args: &[&str], stdin: &str) -> (String, Option<i32>) {
    let out = launch(["explain"])
        .args_from(args)
        .env("NO_COLOR", "1")
        .stdin(stdin)
        .output_in_time();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code(),
    )
}

/// Every shown wire line has an explanation under it (a message body, shown line by
/// line, under its last line), and none is "unknown".
fn all_explained(out: &str) {
    let lines: Vec<&str> = out.lines().collect();
    assert!(!lines.is_empty(), "nothing explained");
    for (i, l) in lines.iter().enumerate() {
        let side = &l[..l.len().min(3)];
        if side == "S: " || side == "C: " {
            let next = lines[i + 1..].iter().find(|n| !n.starts_with(side));
            assert!(
                next.is_some_and(|n| n.starts_with("   = ")),
                "nothing under {l:?}:\n{out}"
            );
        }
    }
    assert!(!out.contains("no explanation known"), "{out}");
}

/// `maillab serve` (the shared harness) with the listeners Python's clients use here.
struct Lab(common::bin::Lab);

impl Lab {
    fn start() -> Lab {
        Lab(common::bin::Lab::start_with(
            &["imap", "pop3", "smtp"],
            &["--quiet"],
        ))
    }

    /// Runs a Python script with HOST and PORT of `name`; everything it printed.
    fn python(&self, name: &str, script: &str) -> String {
        let (host, port) = self.0.addr(name).rsplit_once(':').unwrap();
        let path = self.0.scratch("py").join(format!("{name}.py"));
        std::fs::write(&path, script).unwrap();
        let mut cmd = Command::new("python3");
        cmd.arg(&path).args([host, port]);
        let out = common::peers::run(&mut cmd, self.0.dir(), b"");
        assert!(out.status.success(), "{}", out.stderr);
        // poplib prints to stdout, imaplib and smtplib to stderr: a student pastes both.
        format!("{}{}", out.stdout, out.stderr)
    }
}

fn write_temp(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn stdin_dash_and_file_read_the_text() {
    let session = "a1 LOGIN alex drums\r\na1 OK Logged in\r\n";
    let (from_stdin, code) = explain(&["-"], session);
    assert_eq!(code, Some(0), "{from_stdin}");
    assert!(from_stdin.contains("C: a1 LOGIN alex ****"), "{from_stdin}");
    assert!(!from_stdin.contains("drums"), "{from_stdin}");
    let dir = tempfile::tempdir().unwrap();
    let f = write_temp(dir.path(), "s.txt", session);
    let (from_file, code) = explain(&["--file", f.to_str().unwrap()], "");
    assert_eq!(code, Some(0));
    assert_eq!(from_file, from_stdin);
    // A line starting with "-" is still a line, not standard input.
    let (out, _) = explain(&["-ERR [IN-USE] maildrop is locked"], "");
    assert!(out.contains("S: -ERR"), "{out}");
    // A missing file is an error that names it.
    let o = launch(["explain", "--file", "/nonexistent/x.txt"]).output_in_time();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("/nonexistent/x.txt"));
}

#[test]
fn an_smtp_transcript_is_explained_as_smtp() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("t.txt");
    let ran = launch(["smtp", "--transcript"])
        .arg(&t)
        .data_dir(dir.path())
        .stdin("EHLO lab\nAUTH PLAIN AGFsZXgAZHJ1bXM=\nMAIL FROM:<alex@maillab.test>\nQUIT\n")
        .output_in_time();
    assert!(ran.status.success());
    let (out, code) = explain(&["--file", t.to_str().unwrap()], "");
    assert_eq!(code, Some(0), "{out}");
    assert!(!out.contains("Not an IMAP"), "explained as IMAP:\n{out}");
    assert!(out.contains("RFC 5321"), "{out}");
    // The transcript's own explanation lines are not explained again.
    assert!(!out.contains("S:    ="), "{out}");
    all_explained(&out);
}

const IMAP: &str = r#"
import imaplib, sys
imaplib.Debug = 4
m = imaplib.IMAP4(sys.argv[1], int(sys.argv[2]))
m.login('alex', 'drums')
m.select('INBOX')
m.fetch('1', '(FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])')
m.logout()
"#;

const SMTP: &str = r#"
import smtplib, sys
s = smtplib.SMTP(sys.argv[1], int(sys.argv[2]))
s.set_debuglevel(1)
s.ehlo('client.test')
s.sendmail('alex@maillab.test', ['riley@maillab.test'], 'Subject: hi\r\n\r\nHello\r\n')
s.quit()
"#;

const POP3: &str = r#"
import poplib, sys
c = poplib.POP3(sys.argv[1], int(sys.argv[2]))
c.set_debuglevel(2)
c.user('alex')
c.pass_('drums')
c.stat()
c.list()
c.quit()
"#;

#[test]
fn python_debug_output_of_all_three_clients_is_explained() {
    let lab = Lab::start();

    let printed = lab.python("imap", IMAP);
    assert!(
        printed.contains("> b'"),
        "not imaplib debug output:\n{printed}"
    );
    let (out, code) = explain(&["-"], &printed);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains(" LOGIN alex ****"), "{out}");
    assert!(!out.contains("drums"), "password leaked:\n{out}");
    assert!(out.contains("S: * 2 EXISTS"), "{out}");
    assert!(out.contains("[READ-WRITE]"), "{out}");
    // The FETCH's literal, which imaplib does not print, does not swallow the lines
    // after it: the LOGOUT is still a client line.
    assert!(out.contains(" LOGOUT\n"), "{out}");
    assert!(!out.contains("imaplib version"), "{out}");
    all_explained(&out);

    let printed = lab.python("smtp", SMTP);
    assert!(printed.contains("send: "), "not smtplib output:\n{printed}");
    let dir = tempfile::tempdir().unwrap();
    let f = write_temp(dir.path(), "smtp.txt", &printed);
    let (out, code) = explain(&["--file", f.to_str().unwrap()], "");
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("C: ehlo client.test"), "{out}");
    assert!(out.contains("S: 250-PIPELINING"), "{out}");
    assert!(out.contains("S: 354 "), "{out}");
    assert!(!out.contains("retcode"), "{out}");
    assert!(!out.contains("Not an IMAP"), "{out}");
    all_explained(&out);

    let printed = lab.python("pop3", POP3);
    assert!(printed.contains("*cmd*"), "not poplib output:\n{printed}");
    let (out, code) = explain(&["-"], &printed);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("C: USER alex"), "{out}");
    assert!(out.contains("C: PASS ****"), "{out}");
    assert!(!out.contains("drums"), "password leaked:\n{out}");
    // Level 2's *get* lines carry the whole listing; *put* repeats *cmd*.
    assert!(out.contains("S: 1 "), "{out}");
    assert_eq!(out.matches("C: STAT").count(), 1, "{out}");
    all_explained(&out);
}
