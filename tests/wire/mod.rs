//! A small blocking line client for the lab server's limit and fairness tests: it
//! reads what a real client would, with a deadline on every wait.
#![allow(dead_code)]

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// One connection, with what was read but not yet consumed.
pub struct Conn {
    pub s: TcpStream,
    buf: Vec<u8>,
}

impl Conn {
    /// Connects to `addr` within 5 seconds.
    pub fn open(addr: &str) -> Conn {
        let a = addr.parse().expect("socket address");
        let s = TcpStream::connect_timeout(&a, Duration::from_secs(5)).expect("connect");
        s.set_nodelay(true).ok();
        Conn { s, buf: Vec::new() }
    }

    /// Sends `bytes` as they are.
    pub fn send(&mut self, bytes: &[u8]) {
        self.s.write_all(bytes).expect("send");
    }

    /// Reads until `done` holds for what was read, or `limit` passes (then None).
    /// Returns what was read up to and including the line `done` accepted.
    fn read_until(
        &mut self,
        limit: Duration,
        done: impl Fn(&[u8]) -> Option<usize>,
    ) -> Option<Vec<u8>> {
        let end = Instant::now() + limit;
        loop {
            if let Some(n) = done(&self.buf) {
                let rest = self.buf.split_off(n);
                return Some(std::mem::replace(&mut self.buf, rest));
            }
            let left = end.checked_duration_since(Instant::now())?;
            self.s
                .set_read_timeout(Some(left.max(Duration::from_millis(1))))
                .ok();
            let mut chunk = [0u8; 64 * 1024];
            match self.s.read(&mut chunk) {
                Ok(0) => return None,
                Ok(n) => self.buf.extend_from_slice(&chunk[..n]),
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                    return None
                }
                Err(_) => return None,
            }
        }
    }

    /// One line (CRLF included) within `limit`.
    pub fn line(&mut self, limit: Duration) -> Option<String> {
        self.read_until(limit, |b| {
            b.windows(2).position(|w| w == b"\r\n").map(|i| i + 2)
        })
        .map(|v| String::from_utf8_lossy(&v).into_owned())
    }

    /// Everything up to and including the line starting with `tag ` within `limit`.
    pub fn tagged(&mut self, tag: &str, limit: Duration) -> Option<String> {
        let want = format!("{tag} ");
        // Where the next unexamined line starts (reads only add at the end).
        let scan = std::cell::Cell::new(0usize);
        self.read_until(limit, |b| {
            let mut start = scan.get();
            while let Some(i) = memchr_crlf(&b[start..]) {
                if b[start..].starts_with(want.as_bytes()) {
                    return Some(start + i + 2);
                }
                start += i + 2;
            }
            scan.set(start);
            None
        })
        .map(|v| String::from_utf8_lossy(&v).into_owned())
    }

    /// Sends `line` CRLF and returns everything up to its tagged reply.
    pub fn cmd(&mut self, tag: &str, line: &str, limit: Duration) -> String {
        self.send(format!("{tag} {line}\r\n").as_bytes());
        self.tagged(tag, limit)
            .unwrap_or_else(|| panic!("no tagged reply to {tag} {line} within {limit:?}"))
    }

    /// Reads until the server closes; returns the octets read, or None when the
    /// connection was still open after `limit`.
    pub fn until_closed(&mut self, limit: Duration) -> Option<usize> {
        let end = Instant::now() + limit;
        let mut total = std::mem::take(&mut self.buf).len();
        let mut chunk = vec![0u8; 256 * 1024];
        loop {
            let left = end.checked_duration_since(Instant::now())?;
            self.s
                .set_read_timeout(Some(left.max(Duration::from_millis(1))))
                .ok();
            match self.s.read(&mut chunk) {
                Ok(0) => return Some(total),
                Ok(n) => total += n,
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                    return None
                }
                // A reset is a close too.
                Err(_) => return Some(total),
            }
        }
    }
}

/// An IMAP connection past the greeting, logged in as `user` with `pass`.
pub fn imap_login(addr: &str, user: &str, pass: &str) -> Conn {
    let mut c = Conn::open(addr);
    let g = c.line(Duration::from_secs(5)).expect("greeting");
    assert!(g.starts_with("* OK"), "greeting: {g}");
    let r = c.cmd(
        "l1",
        &format!("LOGIN {user} {pass}"),
        Duration::from_secs(5),
    );
    assert!(r.contains("l1 OK"), "login: {r}");
    c
}

/// Resident memory of a process in KiB (Linux /proc).
pub fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS line")
}

/// A message of about `size` octets without `~` in it.
pub fn big_message(size: usize) -> Vec<u8> {
    let mut m = b"From: big@maillab.test\r\nTo: alex@maillab.test\r\nSubject: big\r\n\r\n".to_vec();
    let line = b"the quick brown fox jumps over the lazy dog 0123456789 abcdefghijklmnopq\r\n";
    while m.len() + line.len() <= size {
        m.extend_from_slice(line);
    }
    m
}

/// Appends `msg` to `mailbox` with a non-synchronizing literal; panics unless OK.
pub fn append(c: &mut Conn, tag: &str, mailbox: &str, msg: &[u8]) {
    c.send(format!("{tag} APPEND {mailbox} {{{}+}}\r\n", msg.len()).as_bytes());
    c.send(msg);
    c.send(b"\r\n");
    let r = c
        .tagged(tag, Duration::from_secs(60))
        .expect("APPEND answered");
    assert!(r.contains(&format!("{tag} OK")), "APPEND: {r}");
}

/// Index of the first CRLF in `b`.
fn memchr_crlf(b: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = b[from..].iter().position(|&c| c == b'\r') {
        if b.get(from + i + 1) == Some(&b'\n') {
            return Some(from + i);
        }
        from += i + 1;
    }
    None
}
