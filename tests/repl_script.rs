//! The REPL in script mode, driven as a user drives it: the real binary, commands on
//! stdin, the transcript on stdout. Servers are scripted fakes on loopback (each test
//! says exactly what the server answers) or the embedded mock server.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

mod common;

struct Run {
    stdout: String,
    stderr: String,
    code: Option<i32>,
}

/// Runs maillab with `args`, `stdin` as its input; fails if it runs past 60 s.
fn maillab(args: &[&str], stdin: &[u8]) -> Run {
    let out = common::bin::launch(args)
        .env_remove("NO_COLOR")
        .stdin(stdin)
        .output_in_time();
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code(),
    }
}

/// A scripted server: accepts one connection and runs `script` on it.
fn fake_server(
    script: impl FnOnce(&mut BufReader<TcpStream>, &mut TcpStream) + Send + 'static,
) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr").to_string();
    thread::spawn(move || {
        let Ok((stream, _)) = listener.accept() else {
            return;
        };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(20)));
        let mut writer = stream.try_clone().expect("clone");
        let mut reader = BufReader::new(stream);
        script(&mut reader, &mut writer);
    });
    addr
}

/// Reads one line (without CRLF); empty string on EOF.
fn line(r: &mut BufReader<TcpStream>, log: &Arc<Mutex<Vec<u8>>>) -> String {
    let mut s = Vec::new();
    let _ = r.read_until(b'\n', &mut s);
    if let Ok(mut l) = log.lock() {
        l.extend_from_slice(&s);
    }
    String::from_utf8_lossy(&s)
        .trim_end_matches(['\r', '\n'])
        .to_string()
}

fn send(w: &mut TcpStream, text: &str) {
    let _ = w.write_all(text.as_bytes());
    let _ = w.flush();
}

/// A fake IMAP server that answers every tagged command `OK`, except what `special`
/// handles (returns true when it answered).
fn imap_server(
    special: impl Fn(&str, &str, &mut BufReader<TcpStream>, &mut TcpStream, &Arc<Mutex<Vec<u8>>>) -> bool
        + Send
        + 'static,
) -> (String, Arc<Mutex<Vec<u8>>>) {
    let log = Arc::new(Mutex::new(Vec::new()));
    let log2 = log.clone();
    let addr = fake_server(move |r, w| {
        send(w, "* OK [CAPABILITY IMAP4rev1 LITERAL+] fake ready\r\n");
        loop {
            let l = line(r, &log2);
            if l.is_empty() {
                return;
            }
            let (tag, rest) = l.split_once(' ').unwrap_or((&l, ""));
            if special(tag, rest, r, w, &log2) {
                continue;
            }
            let cmd = rest.split(' ').next().unwrap_or("").to_ascii_uppercase();
            if cmd == "LOGOUT" {
                send(w, &format!("* BYE bye\r\n{tag} OK LOGOUT completed\r\n"));
                return;
            }
            send(w, &format!("{tag} OK {cmd} completed\r\n"));
        }
    });
    (addr, log)
}

fn url(addr: &str) -> String {
    format!("imap://{addr}")
}

fn seen(log: &Arc<Mutex<Vec<u8>>>) -> String {
    String::from_utf8_lossy(&log.lock().map(|l| l.clone()).unwrap_or_default()).into_owned()
}

#[test]
fn commands_are_tagged_and_their_tagged_reply_ends_them() {
    let (addr, log) = imap_server(|_, _, _, _, _| false);
    let run = maillab(
        &["connect", &url(&addr)],
        b"CAPABILITY\nnoop\nx1 SELECT INBOX\nFROBNICATE now\nLOGOUT\n",
    );
    let wire = seen(&log);
    assert!(wire.contains("a001 CAPABILITY\r\n"), "{wire}");
    assert!(wire.contains("a002 noop\r\n"), "{wire}");
    assert!(wire.contains("x1 SELECT INBOX\r\n"), "own tag kept: {wire}");
    assert!(
        wire.contains("a003 FROBNICATE now\r\n"),
        "unknown command sent tagged: {wire}"
    );
    let out = &run.stdout;
    for l in [
        "C: a001 CAPABILITY",
        "S: a001 OK CAPABILITY completed",
        "C: x1 SELECT INBOX",
        "S: x1 OK SELECT completed",
        "C: a004 LOGOUT",
        "S: * BYE bye",
    ] {
        assert!(out.lines().any(|x| x == l), "missing {l:?} in\n{out}");
    }
    // Order: each command's reply comes before the next command.
    let c2 = out.find("C: a002 noop").expect("a002");
    let s1 = out.find("S: a001 OK").expect("a001 reply");
    assert!(s1 < c2, "{out}");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn every_server_line_gets_an_explanation_under_it() {
    let (addr, _) = imap_server(|tag, rest, _, w, _| {
        if rest.starts_with("SELECT") {
            send(
                w,
                &format!(
                    "* 6 EXISTS\r\n* 0 RECENT\r\n* OK [UIDVALIDITY 3857529045] UIDs valid\r\n\
                     * FLAGS (\\Answered \\Flagged \\Deleted \\Draft \\Seen)\r\n\
                     {tag} OK [READ-WRITE] SELECT completed\r\n"
                ),
            );
            return true;
        }
        false
    });
    let run = maillab(&["connect", &url(&addr)], b"SELECT newbox\n");
    let lines: Vec<&str> = run.stdout.lines().collect();
    let mut server_lines = 0;
    for (i, l) in lines.iter().enumerate() {
        if l.starts_with("S: ") {
            server_lines += 1;
            let next = lines.get(i + 1).copied().unwrap_or("");
            assert!(
                next.starts_with("   = "),
                "no explanation under {l:?}:\n{}",
                run.stdout
            );
        }
    }
    assert_eq!(server_lines, 6, "{}", run.stdout);
    assert!(run.stdout.contains("RFC 3501"), "{}", run.stdout);
}

#[test]
fn no_explain_hides_explanations() {
    let (addr, _) = imap_server(|_, _, _, _, _| false);
    let run = maillab(
        &["--no-explain", "connect", &url(&addr)],
        b"NOOP\n:explain on\nNOOP\n",
    );
    let before = run.stdout.split("M: :explain on").next().unwrap_or("");
    assert!(!before.contains("   = "), "{}", run.stdout);
    let after = run.stdout.split("M: :explain on").nth(1).unwrap_or("");
    assert!(after.contains("   = "), "{}", run.stdout);
}

#[test]
fn login_password_as_a_literal_is_sent_after_the_continuation_and_masked() {
    let (addr, log) = imap_server(|tag, rest, r, w, log| {
        if rest.starts_with("LOGIN") && rest.ends_with("{5}") {
            send(w, "+ Ready for literal data\r\n");
            let pass = line(r, log);
            send(w, &format!("{tag} OK [{pass}] LOGIN completed\r\n"));
            return true;
        }
        false
    });
    let transcript = tempfile::NamedTempFile::new().expect("temp");
    let tpath = transcript.path().to_string_lossy().into_owned();
    let run = maillab(
        &["--transcript", &tpath, "connect", &url(&addr)],
        b"LOGIN alex {5}\ndrums\n\nNOOP\n",
    );
    let wire = seen(&log);
    assert!(
        wire.contains("a001 LOGIN alex {5}\r\ndrums\r\n"),
        "{wire:?}"
    );
    assert!(wire.contains("a002 NOOP\r\n"), "{wire:?}");
    let out = &run.stdout;
    assert!(out.contains("C: a001 LOGIN alex {5}"), "{out}");
    assert!(out.contains("S: + Ready for literal data"), "{out}");
    assert!(out.lines().any(|l| l == "C: ****"), "{out}");
    // The fake server echoes the password in its reply; everything the REPL
    // itself printed must not contain it.
    let own: String = out
        .lines()
        .filter(|l| !l.starts_with("S: ") && !l.starts_with("   ="))
        .collect();
    assert!(!own.contains("drums"), "{out}");
    let saved = std::fs::read_to_string(transcript.path()).expect("transcript");
    assert!(saved.contains("C: ****"), "{saved}");
    assert!(
        !saved
            .lines()
            .filter(|l| l.starts_with("C:"))
            .any(|l| l.contains("drums")),
        "{saved}"
    );
}

#[test]
fn a_literal_line_that_overshoots_is_refused_with_the_count() {
    let (addr, log) = imap_server(|tag, rest, r, w, log| {
        if rest.starts_with("APPEND") {
            send(w, "+ go\r\n");
            let mut got = String::new();
            // Read exactly 7 octets + the rest line.
            while got.len() < 7 {
                let l = line(r, log);
                got.push_str(&l);
                got.push_str("\r\n");
            }
            send(w, &format!("{tag} OK APPEND completed\r\n"));
            return true;
        }
        false
    });
    let run = maillab(
        &["connect", &url(&addr)],
        b"APPEND INBOX {7}\nthis line is far too long\nab\nc\n\nNOOP\n",
    );
    assert!(
        run.stdout.contains("needs exactly 7 more"),
        "{}",
        run.stdout
    );
    let wire = seen(&log);
    assert!(wire.contains("{7}\r\nab\r\nc\r\n"), "{wire:?}");
    assert!(!wire.contains("far too long"), "{wire:?}");
    assert!(
        run.stdout.contains("S: a001 OK APPEND completed"),
        "{}",
        run.stdout
    );
}

#[test]
fn non_synchronising_literal_does_not_wait() {
    let (addr, log) = imap_server(|tag, rest, r, w, log| {
        if rest.starts_with("LOGIN") {
            let pass = line(r, log);
            let _ = pass;
            send(w, &format!("{tag} OK LOGIN completed\r\n"));
            return true;
        }
        false
    });
    let run = maillab(&["connect", &url(&addr)], b"LOGIN alex {5+}\ndrums\n\n");
    let wire = seen(&log);
    assert!(
        wire.contains("a001 LOGIN alex {5+}\r\ndrums\r\n"),
        "{wire:?}"
    );
    assert!(
        run.stdout.contains("S: a001 OK LOGIN completed"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("drums"), "{}", run.stdout);
}

#[test]
fn secrets_are_masked_in_every_form() {
    let (addr, _) = imap_server(|tag, rest, r, w, log| {
        if rest.starts_with("AUTHENTICATE PLAIN") && rest.len() > "AUTHENTICATE PLAIN".len() {
            send(w, &format!("{tag} OK done\r\n"));
            return true;
        }
        if rest == "AUTHENTICATE PLAIN" {
            send(w, "+ \r\n");
            let _ = line(r, log);
            send(w, &format!("{tag} OK done\r\n"));
            return true;
        }
        false
    });
    let transcript = tempfile::NamedTempFile::new().expect("temp");
    let tpath = transcript.path().to_string_lossy().into_owned();
    let save = tempfile::NamedTempFile::new().expect("temp");
    let spath = save.path().to_string_lossy().into_owned();
    let input = format!(
        "LOGIN alex s3cretpw\nLOGIN \"alex\" \"s3cret pw\"\nAUTHENTICATE PLAIN AGFsZXgAczNjcmV0cHc=\n\
         AUTHENTICATE PLAIN\nAGFsZXgAczNjcmV0cHc=\n:plain alex s3cretpw\n:b64 s3cretpw\n\
         :auth plain alex s3cretpw\n:save {spath}\n"
    );
    let run = maillab(
        &["--transcript", &tpath, "connect", &url(&addr)],
        input.as_bytes(),
    );
    let saved = std::fs::read_to_string(transcript.path()).expect("transcript");
    let saved2 = std::fs::read_to_string(save.path()).expect("save");
    for text in [&run.stdout, &saved, &saved2] {
        assert!(!text.contains("s3cret"), "secret leaked:\n{text}");
        assert!(
            !text.contains("AGFsZXgAczNjcmV0cHc"),
            "base64 secret leaked:\n{text}"
        );
        assert!(text.contains("C: a001 LOGIN alex ****"), "{text}");
        assert!(text.contains("C: a002 LOGIN \"alex\" ****"), "{text}");
        assert!(text.contains("C: a003 AUTHENTICATE PLAIN ****"), "{text}");
        assert!(text.contains("M: :plain alex ****"), "{text}");
        assert!(text.contains("M: :auth plain alex ****"), "{text}");
    }
    assert!(run.stdout.contains("\\0alex\\0****"), "{}", run.stdout);
}

#[test]
fn a_server_that_closes_is_reported_and_the_repl_goes_on() {
    let addr = fake_server(|r, w| {
        send(w, "* OK hello\r\n");
        let mut l = String::new();
        let _ = r.read_line(&mut l);
        send(w, "* BYE going away\r\n");
    });
    let run = maillab(&["connect", &url(&addr)], b"NOOP\nNOOP\n:sessions\n:quit\n");
    let out = &run.stdout;
    assert!(out.contains("S: * BYE going away"), "{out}");
    assert!(out.contains("the server closed the connection"), "{out}");
    assert!(out.contains("this session is closed"), "{out}");
    assert!(out.contains("M: :sessions"), "{out}");
    assert_eq!(run.code, Some(0));
}

#[test]
fn incoming_literal_is_read_by_count_and_elided_unless_full() {
    let body: String = (0..5000)
        .map(|i| format!("line {i} of the body\r\n"))
        .collect();
    let len = body.len();
    let make = move || {
        let body = body.clone();
        imap_server(move |tag, rest, _, w, _| {
            if rest.starts_with("FETCH") {
                send(
                    w,
                    &format!(
                        "* 1 FETCH (BODY[] {{{len}}}\r\n{body})\r\n{tag} OK FETCH completed\r\n"
                    ),
                );
                return true;
            }
            false
        })
    };
    let (addr, _) = make();
    let run = maillab(&["connect", &url(&addr)], b"FETCH 1 BODY[]\n:more\n");
    let out = &run.stdout;
    assert!(
        out.contains(&format!("S: * 1 FETCH (BODY[] {{{len}}}")),
        "{out}"
    );
    assert!(out.contains(&format!("of {len} elided")), "{out}");
    assert!(out.contains("S: line 0 of the body"), "{out}");
    assert!(out.contains("S: )"), "{out}");
    assert!(out.contains("S: a001 OK FETCH completed"), "{out}");
    let elided_part = out.split("M: :more").next().unwrap_or("");
    assert!(!elided_part.contains("line 4999 of the body"), "{out}");
    assert!(
        out.contains("line 4999 of the body"),
        ":more shows the rest: {out}"
    );

    let (addr, _) = make();
    let run = maillab(&["--full", "connect", &url(&addr)], b"FETCH 1 BODY[]\n");
    assert!(
        run.stdout.contains("S: line 4999 of the body"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("elided"), "{}", run.stdout);
}

#[test]
fn control_bytes_and_invalid_utf8_from_a_server_are_escaped() {
    let addr = fake_server(|r, w| {
        let _ = w.write_all(b"* OK \x1b[31mred\xff\xfe ready\r\n");
        let mut l = String::new();
        let _ = r.read_line(&mut l);
        let _ = w.write_all(b"a001 OK \x00\x07 done\r\n");
    });
    let run = maillab(&["connect", &url(&addr)], b"NOOP\n");
    assert!(
        run.stdout.contains("S: * OK \\x1b[31mred\\xff\\xfe ready"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("S: a001 OK \\x00\\x07 done"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains('\x1b'), "raw escape passed through");
}

/// A deterministic stream of arbitrary bytes with a newline now and then.
fn garbage(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed;
    let mut input = Vec::with_capacity(len + 8);
    for _ in 0..len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let b = (x & 0xff) as u8;
        input.push(if b % 23 == 0 { b'\n' } else { b });
    }
    input.extend_from_slice(b"\n:quit\n");
    input
}

#[test]
fn garbage_on_stdin_never_panics() {
    let (addr, _) = imap_server(|_, _, _, _, _| false);
    let run = maillab(
        &["connect", &url(&addr)],
        &garbage(0x9e37_79b9_7f4a_7c15, 20_000),
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    // And against the embedded servers, which answer every line.
    for (i, proto) in ["imap", "smtp", "pop3"].into_iter().enumerate() {
        let run = maillab(&[proto], &garbage(0x1234_5678 + i as u64, 8_000));
        assert!(!run.stderr.contains("panicked"), "{proto}: {}", run.stderr);
        assert_eq!(run.code, Some(0), "{proto}: {}", run.stderr);
        assert!(run.stdout.starts_with("S: "), "{proto}: {}", run.stdout);
    }
}

#[test]
fn unknown_meta_commands_and_bad_usage_are_explained() {
    let (addr, log) = imap_server(|_, _, _, _, _| false);
    let run = maillab(
        &["connect", &url(&addr)],
        b":frob\n:wait x\n:switch 9\n\n:explain 550 5.1.1 User unknown\n",
    );
    assert!(
        run.stdout.contains("unknown meta command :frob"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("usage: :wait SECONDS"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("no session 9"), "{}", run.stdout);
    assert!(
        run.stdout.contains("RFC 3463") || run.stdout.contains("RFC 5321"),
        "{}",
        run.stdout
    );
    // Meta commands never reach the wire.
    assert!(!seen(&log).contains(':'), "{}", seen(&log));
}

#[test]
fn connect_url_opens_a_second_session_and_switch_returns() {
    let (addr, log) = imap_server(|_, _, _, _, _| false);
    let input =
        format!(":connect imap://{addr}\nNOOP\n:sessions\n:switch 1\nNOOP\n:connect gopher://x\n");
    let run = maillab(&["--no-explain"], input.as_bytes());
    let out = &run.stdout;
    assert!(
        out.contains(&format!("-- session 2: imap on imap://{addr}")),
        "{out}"
    );
    assert!(
        out.contains("S: * OK [CAPABILITY IMAP4rev1 LITERAL+] fake ready"),
        "{out}"
    );
    // The remote session got the first NOOP, the embedded one the second.
    assert!(seen(&log).contains("a001 NOOP\r\n"), "{}", seen(&log));
    assert!(!seen(&log).contains("a002"), "{}", seen(&log));
    assert!(out.contains(&format!("* 2  imap  imap://{addr}")), "{out}");
    assert!(out.contains("  1  imap  the embedded server"), "{out}");
    assert!(out.contains("now on session 1"), "{out}");
    assert!(out.contains("unknown scheme"), "{out}");
    assert_eq!(run.code, Some(0));
}

#[test]
fn unreachable_server_is_an_error_not_a_panic() {
    // Bind and drop a listener: nothing listens on that port any more.
    let addr = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("addr")
        .to_string();
    let run = maillab(&["connect", &url(&addr)], b"NOOP\n");
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert!(
        run.stderr.contains(&addr) && run.stderr.contains("refused the connection"),
        "says which address failed and why: {}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}
