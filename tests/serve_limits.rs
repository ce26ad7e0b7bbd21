//! The lab server's limits and timers, from the outside: `maillab serve` with short
//! timers (`--limit NAME=SECONDS`) and plain sockets doing what a careless or curious
//! student's script does.

mod common;
mod wire;

use std::time::{Duration, Instant};

use common::bin::{maillab_cmd, Lab};
use wire::{imap_login, Conn};

const S5: Duration = Duration::from_secs(5);

fn greeted(addr: &str) -> (Conn, String) {
    let mut c = Conn::open(addr);
    let g = c.line(S5).expect("greeting");
    (c, g)
}

#[test]
fn before_login_literals_are_small_and_literal_minus_is_advertised() {
    let lab = Lab::start_with(&["imap"], &[]);
    let addr = lab.addr("imap");
    let (mut c, g) = greeted(addr);
    assert!(g.contains(" LITERAL- "), "{g}");
    assert!(!g.contains("LITERAL+"), "{g}");
    // A synchronizing literal over 4096 octets: refused, no continuation, still open.
    for (tag, cmd) in [
        ("a1", "LOGIN {67108864}"),
        ("x", "CAPABILITY {60000000}"),
        ("i", "ID ({50000000}"),
    ] {
        c.send(format!("{tag} {cmd}\r\n").as_bytes());
        let r = c.line(S5).expect("answer");
        assert!(r.starts_with(&format!("{tag} NO [TOOBIG]")), "{r}");
    }
    let r = c.cmd("n", "NOOP", S5);
    assert!(r.starts_with("n OK"), "{r}");
    // Small literals work as before.
    c.send(b"l LOGIN {4}\r\n");
    assert!(c.line(S5).expect("continuation").starts_with('+'));
    c.send(b"alex {5+}\r\ndrums\r\n");
    let r = c.tagged("l", S5).expect("login answered");
    assert!(r.contains("l OK"), "{r}");
    assert!(r.contains("LITERAL+"), "after login any literal size: {r}");

    // An oversized non-synchronizing literal cannot be skipped safely: BAD, BYE, closed.
    let (mut c, _) = greeted(addr);
    c.send(b"b LOGIN {5000+}\r\n");
    let r = c.line(S5).expect("answer");
    assert!(r.starts_with("b BAD [TOOBIG]"), "{r}");
    assert!(c.line(S5).expect("bye").starts_with("* BYE"));
    assert!(c.until_closed(S5).is_some(), "closed after the BYE");
}

#[test]
fn append_to_a_missing_mailbox_says_trycreate_before_any_octet() {
    let lab = Lab::start_with(&["imap"], &[]);
    let mut c = imap_login(lab.addr("imap"), "alex", "drums");
    c.send(b"a APPEND nosuchbox {10000000}\r\n");
    let r = c.line(S5).expect("answer");
    assert!(
        r.starts_with("a NO [TRYCREATE]"),
        "no continuation first: {r}"
    );
    // Non-synchronizing: the octets are skipped, never stored, and the next command runs.
    c.send(b"b APPEND nosuchbox {10+}\r\n0123456789\r\nc NOOP\r\n");
    let r = c.tagged("c", S5).expect("answers");
    assert!(r.contains("b NO [TRYCREATE]"), "{r}");
    assert!(r.contains("c OK"), "{r}");
    let r = c.cmd("d", "APPEND INBOX {5+}\r\nhello", S5);
    assert!(r.contains("d OK [APPENDUID"), "{r}");
}

#[test]
fn connection_limits_answer_in_each_protocol() {
    let lab = Lab::start_with(&["imap", "pop3", "smtp"], &["--limit", "max-per-address=3"]);
    let held: Vec<(Conn, String)> = (0..3).map(|_| greeted(lab.addr("imap"))).collect();
    for (_, g) in &held {
        assert!(g.starts_with("* OK"), "{g}");
    }
    let (mut c, g) = greeted(lab.addr("imap"));
    assert!(g.starts_with("* BYE [UNAVAILABLE]"), "{g}");
    assert!(c.until_closed(S5).is_some());
    let (mut c, g) = greeted(lab.addr("smtp"));
    assert!(g.starts_with("421 4.7.0"), "{g}");
    assert!(c.until_closed(S5).is_some());
    let (mut c, g) = greeted(lab.addr("pop3"));
    assert!(g.starts_with("-ERR [SYS/TEMP]"), "{g}");
    assert!(c.until_closed(S5).is_some());
    // A closed connection gives its slot back.
    drop(held);
    let deadline = Instant::now() + S5;
    loop {
        let (_c, g) = greeted(lab.addr("imap"));
        if g.starts_with("* OK") {
            break;
        }
        assert!(Instant::now() < deadline, "no slot came back: {g}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_timer_restarts_on_commands_not_bytes() {
    let lab = Lab::start_with(
        &["imap"],
        &["--limit", "prelogin-timeout=2", "--idle-timeout", "3"],
    );
    let addr = lab.addr("imap");
    // A trickle: one byte every 300 ms, never a whole line.
    let (mut c, _) = greeted(addr);
    let t = Instant::now();
    let mut bye = None;
    for b in b"a NOOP and more and more and more and more and more".iter() {
        if c.s.set_nonblocking(false).is_err() {
            break;
        }
        use std::io::Write;
        if c.s.write_all(&[*b]).is_err() {
            break;
        }
        if let Some(l) = c.line(Duration::from_millis(300)) {
            bye = Some(l);
            break;
        }
    }
    let bye = bye.expect("the trickling client was told goodbye");
    assert!(bye.starts_with("* BYE idle for 2 seconds"), "{bye}");
    assert!(t.elapsed() < Duration::from_secs(4), "{:?}", t.elapsed());

    // Whole commands keep a connection open past the timer.
    let (mut c, _) = greeted(addr);
    for i in 0..6 {
        let r = c.cmd(&format!("n{i}"), "NOOP", S5);
        assert!(r.contains("OK"), "{r}");
        std::thread::sleep(Duration::from_millis(700));
    }

    // IDLE is never dropped for idling, even past the idle timer.
    let mut c = imap_login(addr, "alex", "drums");
    c.cmd("s", "SELECT INBOX", S5);
    c.send(b"i IDLE\r\n");
    assert!(c.line(S5).expect("continuation").starts_with('+'));
    assert!(
        c.line(Duration::from_secs(5)).is_none(),
        "nothing, not a BYE"
    );
    c.send(b"DONE\r\n");
    let r = c.tagged("i", S5).expect("IDLE ends");
    assert!(r.contains("i OK"), "{r}");
    // Out of IDLE the timer runs again (3 seconds after login).
    let bye = c
        .line(Duration::from_secs(6))
        .expect("goodbye after idling");
    assert!(bye.starts_with("* BYE idle for 3 seconds"), "{bye}");
}

#[test]
fn a_stalled_starttls_and_a_slow_literal_are_closed() {
    let lab = Lab::start_with(
        &["imap", "smtp"],
        &[
            "--limit",
            "tls-timeout=2",
            "--limit",
            "rate-window=1",
            "--limit",
            "min-data-rate=2000",
        ],
    );
    let (mut c, _) = greeted(lab.addr("imap"));
    let r = c.cmd("t", "STARTTLS", S5);
    assert!(r.contains("t OK"), "{r}");
    // No ClientHello ever comes.
    let t = Instant::now();
    assert!(c.until_closed(Duration::from_secs(6)).is_some(), "closed");
    assert!(
        t.elapsed() >= Duration::from_millis(1500),
        "{:?}",
        t.elapsed()
    );

    // A literal arriving at 20 octets a second, far under 2000.
    let mut c = imap_login(lab.addr("imap"), "alex", "drums");
    c.send(b"a APPEND INBOX {100000}\r\n");
    assert!(c.line(S5).expect("continuation").starts_with('+'));
    let t = Instant::now();
    let mut closed = false;
    while t.elapsed() < Duration::from_secs(6) {
        use std::io::Write;
        if c.s.write_all(b"0123456789").is_err() {
            closed = true;
            break;
        }
        if c.line(Duration::from_millis(500))
            .is_some_and(|l| l.starts_with("* BYE"))
        {
            closed = true;
            break;
        }
    }
    assert!(closed, "a slow literal keeps no connection open");

    // SMTP DATA likewise.
    let (mut c, g) = greeted(lab.addr("smtp"));
    assert!(g.starts_with("220"), "{g}");
    for (cmd, code) in [
        ("EHLO student", "250"),
        ("MAIL FROM:<alex@maillab.test>", "250"),
        ("RCPT TO:<riley@maillab.test>", "250"),
        ("DATA", "354"),
    ] {
        c.send(format!("{cmd}\r\n").as_bytes());
        let mut last = c.line(S5).expect("reply");
        while last.as_bytes().get(3) == Some(&b'-') {
            last = c.line(S5).expect("reply");
        }
        assert!(last.starts_with(code), "{cmd}: {last}");
    }
    let t = Instant::now();
    let mut reply = None;
    while t.elapsed() < Duration::from_secs(6) {
        use std::io::Write;
        if c.s.write_all(b"slow\r\n").is_err() {
            break;
        }
        if let Some(l) = c.line(Duration::from_millis(500)) {
            reply = Some(l);
            break;
        }
    }
    let reply = reply.expect("a goodbye for the slow DATA");
    assert!(reply.starts_with("421"), "{reply}");
}

#[test]
fn failed_logins_are_answered_slowly_and_close_the_connection() {
    let lab = Lab::start_with(
        &["imap"],
        &[
            "--limit",
            "auth-delay-ms=300",
            "--limit",
            "max-auth-failures=3",
        ],
    );
    let addr = lab.addr("imap");
    let (mut c, _) = greeted(addr);
    let t = Instant::now();
    let r = c.cmd("a", "LOGIN alex wrong", S5);
    assert!(r.contains("a NO"), "{r}");
    let first = t.elapsed();
    let t = Instant::now();
    let r = c.cmd("b", "LOGIN alex wrong2", S5);
    assert!(r.contains("b NO"), "{r}");
    let second = t.elapsed();
    assert!(first >= Duration::from_millis(300), "{first:?}");
    assert!(
        second >= Duration::from_millis(600),
        "the delay grows: {second:?}"
    );
    let r = c.cmd("c", "LOGIN alex wrong3", S5);
    assert!(r.contains("c NO"), "{r}");
    assert!(c.until_closed(S5).is_some(), "closed after three failures");
    // No lockout: the right password works at once on a new connection.
    let t = Instant::now();
    imap_login(addr, "alex", "drums");
    assert!(
        t.elapsed() < Duration::from_millis(300),
        "{:?}",
        t.elapsed()
    );
}

#[test]
fn keyword_and_mailbox_limits_answer_limit() {
    let lab = Lab::start_with(
        &["imap"],
        &["--limit", "max-keywords=3", "--limit", "max-mailboxes=6"],
    );
    let mut c = imap_login(lab.addr("imap"), "alex", "drums");
    c.cmd("s", "SELECT INBOX", S5);
    let r = c.cmd("k1", "STORE 1 +FLAGS (one two three)", S5);
    assert!(r.contains("k1 OK"), "{r}");
    let r = c.cmd("k2", "STORE 1 +FLAGS (four)", S5);
    assert!(r.contains("k2 NO [LIMIT]"), "{r}");
    let r = c.cmd("k3", "STORE 2 +FLAGS (two \\Seen)", S5);
    assert!(r.contains("k3 OK"), "known keywords are fine: {r}");
    let r = c.cmd("k4", "APPEND INBOX (five) {1+}\r\nx", S5);
    assert!(r.contains("k4 NO [LIMIT]"), "{r}");
    // alex has INBOX, Sent, Drafts, Trash and newbox: one more fits.
    let r = c.cmd("m1", "CREATE one", S5);
    assert!(r.contains("m1 OK"), "{r}");
    let r = c.cmd("m2", "CREATE two", S5);
    assert!(r.contains("m2 NO [LIMIT]"), "{r}");
}

#[test]
fn loopback_listeners_print_no_warning() {
    let lab = Lab::start_with(&["imap"], &[]);
    assert!(!lab.stderr().contains("warning"), "{}", lab.stderr());
    // Any other address warns, whether given with --bind or one listener's flag; the
    // check is made before anything is bound (so this test binds nothing outside
    // loopback: the port is taken by a listener of our own first).
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port();
    let out = maillab_cmd()
        .args(["serve", "--imap", &format!("0.0.0.0:{port}"), "--pop3"])
        .arg(format!("127.0.0.1:{port}"))
        .env("MAILLAB_DATA_DIR", lab.dir().join("data2"))
        .output()
        .expect("run maillab serve");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: listening on 0.0.0.0 makes the lab server reachable"),
        "{err}"
    );
    assert!(!out.status.success(), "the taken port stops it: {err}");
}

#[cfg(unix)]
#[test]
fn the_lab_ca_key_is_private_from_the_start() {
    use std::os::unix::fs::PermissionsExt;
    let lab = Lab::start_with(&["imaps"], &[]);
    // A TLS handshake makes the lab CA and certificate.
    let data = lab.dir().join("data");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !data.join("ca-key.pem").exists() {
        assert!(Instant::now() < deadline, "no CA key in {}", data.display());
        std::thread::sleep(Duration::from_millis(50));
    }
    let dir_mode = std::fs::metadata(&data).expect("dir").permissions().mode() & 0o777;
    assert_eq!(dir_mode, 0o700, "the data directory");
    for entry in std::fs::read_dir(&data).expect("list") {
        let p = entry.expect("entry").path();
        if p.to_string_lossy().ends_with("key.pem") {
            let mode = std::fs::metadata(&p).expect("key").permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", p.display());
        }
    }
}
