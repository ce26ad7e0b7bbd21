//! A lesson run against a lab server (`maillab lesson run NAME --server HOST`): the
//! REPL connects to the lab's IMAP, POP3 and SMTP listeners, and a control
//! connection logged in as the student loads the lesson's mailbox into the
//! student's own account, answers the store checks and takes each step's result
//! (the requests are in [`crate::lab::lessons`]).
//!
//! The student's account stands in for the lesson's `alex`: [`for_account`]
//! rewrites the checks and model answers (names, addresses, the password `drums`,
//! and base64 tokens that carry them, as AUTH PLAIN's).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

use base64::Engine as _;

use super::check::{self, Condition, StoreCheck, StoreFacts};
use super::format::Lesson;
use crate::protocol::Protocol;

/// The account a lesson is written for when it names none.
pub const LESSON_USER: &str = "alex";

/// The account a lesson is written for: the first of its `accounts:`, else `alex`.
pub fn lesson_account(lesson: &Lesson) -> &str {
    lesson.accounts.first().map_or(LESSON_USER, String::as_str)
}

/// The default password of a default account (`drums` for alex), if it is one.
pub fn default_password(user: &str) -> Option<&'static str> {
    crate::store::fixture::DEFAULT_USERS
        .iter()
        .find(|(u, _)| *u == user)
        .map(|(_, p)| *p)
}

/// The lab server's standard ports before the offset (`maillab serve`'s scheme;
/// the control endpoint is offset + 80).
const STANDARD: [(&str, u16); 8] = [
    ("smtp", 25),
    ("control", 80),
    ("pop3", 110),
    ("imap", 143),
    ("smtps", 465),
    ("submission", 587),
    ("imaps", 993),
    ("pop3s", 995),
];

/// Where the lab server listens: listener name -> `HOST:PORT`. From a ports file
/// (`serve --ports-file`), else from `server` (HOST, or HOST:PORT of the control
/// endpoint) and the port offset (given, else the control port minus 80, else 1000).
pub fn addresses(
    server: &str,
    offset: Option<u16>,
    ports_file: Option<&Path>,
) -> Result<BTreeMap<String, String>, String> {
    if let Some(f) = ports_file {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        return serde_json::from_str(&text).map_err(|e| format!("{}: {e}", f.display()));
    }
    let (host, port) = match server.parse::<SocketAddr>() {
        Ok(a) => (a.ip().to_string(), Some(a.port())),
        Err(_) => match server.rsplit_once(':') {
            Some((h, p)) if !h.contains(':') => (h.to_string(), p.parse::<u16>().ok()),
            _ => (server.trim_matches(['[', ']']).to_string(), None),
        },
    };
    let offset = offset
        .or_else(|| port.map(|p| p.saturating_sub(80)))
        .unwrap_or(1000);
    let host = if host.contains(':') {
        format!("[{host}]")
    } else {
        host
    };
    Ok(STANDARD
        .iter()
        .map(|(n, p)| {
            (
                n.to_string(),
                format!("{host}:{}", p.saturating_add(offset)),
            )
        })
        .collect())
}

/// A line client of the control endpoint.
pub struct Control {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

fn refused(reply: &str) -> String {
    crate::tr!("lab.lessons.refused", reply = reply.trim())
}

impl Control {
    /// Connects, checks the greeting, and proves who it is (token and/or login).
    pub fn connect(
        addr: &str,
        token: Option<&str>,
        login: Option<(&str, &str)>,
    ) -> Result<Control, String> {
        let err = |e: std::io::Error| format!("{addr}: {e}");
        let a = std::net::ToSocketAddrs::to_socket_addrs(addr)
            .map_err(err)?
            .next()
            .ok_or_else(|| addr.to_string())?;
        let s = TcpStream::connect_timeout(&a, Duration::from_secs(10)).map_err(err)?;
        // A lab server that stops answering must not hang a lesson.
        let _ = s.set_read_timeout(Some(Duration::from_secs(30)));
        let mut c = Control {
            reader: BufReader::new(s.try_clone().map_err(err)?),
            writer: s,
        };
        let greeting = c.line()?;
        if !greeting.starts_with("maillab-control ") {
            return Err(refused(&greeting));
        }
        if let Some(t) = token {
            c.ask(&format!("TOKEN {t}"))?;
        }
        if let Some((u, p)) = login {
            c.ask(&format!("LOGIN {u} {p}"))?;
        }
        Ok(c)
    }

    fn line(&mut self) -> Result<String, String> {
        let mut l = String::new();
        match self.reader.read_line(&mut l) {
            Ok(0) => Err(refused("")),
            Ok(_) => Ok(l.trim_end_matches(['\r', '\n']).to_string()),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Sends a request; the reply after `OK` (trimmed), or why it was refused.
    pub fn ask(&mut self, line: &str) -> Result<String, String> {
        self.writer
            .write_all(format!("{line}\r\n").as_bytes())
            .map_err(|e| e.to_string())?;
        let reply = self.line()?;
        match reply.strip_prefix("OK") {
            Some(rest) => Ok(rest.trim().to_string()),
            None => Err(refused(&reply)),
        }
    }

    /// The lines of a multi-line answer, up to the lone `.` (dots unstuffed).
    pub fn body(&mut self) -> Result<String, String> {
        let mut out = String::new();
        loop {
            let l = self.line()?;
            if l == "." {
                return Ok(out);
            }
            out.push_str(l.strip_prefix('.').unwrap_or(&l));
            out.push('\n');
        }
    }
}

impl Drop for Control {
    fn drop(&mut self) {
        let _ = self.writer.write_all(b"QUIT\r\n");
    }
}

/// One step's result of a run, as reported (see [`crate::lab::lessons`]).
pub struct StepReport<'a> {
    pub id: &'a str,
    /// `passed`, `failed` or `skipped`.
    pub result: &'a str,
    pub attempts: u32,
    pub hints: u32,
    pub shown: bool,
}

/// A lab server a lesson runs against, logged in as the student.
pub struct Remote {
    control: Mutex<Control>,
    /// The student's account.
    pub user: String,
    /// Listener name -> `HOST:PORT`.
    pub ports: BTreeMap<String, String>,
    /// What [`Remote::load`] loaded last (for `:restart`).
    loaded: Mutex<Option<String>>,
}

impl Remote {
    /// Connects the control endpoint as `user`.
    pub fn connect(
        ports: BTreeMap<String, String>,
        user: &str,
        password: &str,
    ) -> Result<Remote, String> {
        let addr = ports
            .get("control")
            .ok_or_else(|| crate::tr!("lab.lessons.no_listener", name = "control"))?;
        let control = Control::connect(addr, None, Some((user, password)))?;
        Ok(Remote {
            control: Mutex::new(control),
            user: user.to_string(),
            ports,
            loaded: Mutex::new(None),
        })
    }

    fn ask(&self, line: &str) -> Result<String, String> {
        self.control
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .ask(line)
    }

    /// Loads the lesson's starting mailbox into the student's account: a built-in
    /// lesson's by its id, else the default mailbox (`default`).
    pub fn load(&self, lesson: &str) -> Result<(), String> {
        self.ask(&format!("LESSON LOAD {lesson}"))?;
        *self.loaded.lock().unwrap_or_else(|e| e.into_inner()) = Some(lesson.to_string());
        Ok(())
    }

    /// Loads again what was loaded last (a restarted lesson).
    pub fn reload(&self) -> Result<(), String> {
        let last = self
            .loaded
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        match last {
            Some(l) => self.load(&l),
            None => Ok(()),
        }
    }

    /// Reports one step's result of this run.
    pub fn report(&self, lesson: &str, total: usize, r: &StepReport<'_>) {
        let _ = self.ask(&format!(
            "LESSON REPORT {lesson} {total} {} {} {} {} {}",
            r.id,
            r.result,
            r.attempts,
            r.hints,
            u8::from(r.shown)
        ));
    }

    /// The URL of the listener the REPL opens for `p` (`pop3://127.0.0.1:1110`).
    pub fn url(&self, p: Protocol) -> Result<String, String> {
        let name = p.name();
        self.ports
            .get(name)
            .map(|a| format!("{name}://{a}"))
            .ok_or_else(|| crate::tr!("lab.lessons.no_listener", name = name))
    }
}

impl StoreFacts for Remote {
    fn holds(&self, s: &StoreCheck) -> bool {
        self.ask(&format!("LESSON CHECK store {}", check::store_text(s)))
            .is_ok_and(|r| r.starts_with("pass"))
    }
}

/// Asks for the password on the terminal (`/dev/tty`), not echoing it; refused when
/// standard input is not a terminal (script mode needs `--password`).
pub fn prompt_password(user: &str) -> Result<String, String> {
    use std::io::{IsTerminal as _, Read as _};
    // Script mode (lines piped in) has no one to ask.
    if !std::io::stdin().is_terminal() {
        return Err(crate::tr!("lab.lessons.password_needed"));
    }
    let mut tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .map_err(|_| crate::tr!("lab.lessons.password_needed"))?;
    let prompt = crate::tr!("lab.lessons.password_prompt", user = user);
    let _ = write!(tty, "{prompt} ");
    let _ = tty.flush();
    #[cfg(unix)]
    let saved = {
        use std::os::fd::AsRawFd;
        let fd = tty.as_raw_fd();
        // SAFETY: termios is plain data; tcgetattr fills it for a valid descriptor.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        (unsafe { libc::tcgetattr(fd, &mut t) } == 0).then(|| {
            let mut quiet = t;
            quiet.c_lflag &= !libc::ECHO;
            // SAFETY: a valid descriptor and a termios read from it.
            unsafe { libc::tcsetattr(fd, libc::TCSANOW, &quiet) };
            (fd, t)
        })
    };
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    while tty.read(&mut byte).map_err(|e| e.to_string())? == 1 && byte[0] != b'\n' {
        line.push(byte[0]);
    }
    #[cfg(unix)]
    if let Some((fd, t)) = saved {
        // SAFETY: restores what tcgetattr read.
        unsafe { libc::tcsetattr(fd, libc::TCSANOW, &t) };
    }
    let _ = writeln!(tty);
    Ok(String::from_utf8_lossy(&line)
        .trim_end_matches('\r')
        .to_string())
}

/// `text` with every `from` that is a word of its own (not inside a longer name)
/// replaced by `to`.
fn swap_word(text: &str, from: &str, to: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(from) {
        let before = rest[..i].chars().next_back();
        let after = rest[i + from.len()..].chars().next();
        let inner = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        out.push_str(&rest[..i]);
        out.push_str(if inner(before) || inner(after) {
            from
        } else {
            to
        });
        rest = &rest[i + from.len()..];
    }
    out.push_str(rest);
    out
}

/// Who a lesson is written for and who runs it: (user, password) each.
#[derive(Clone, Copy, Debug)]
pub struct Stand<'a> {
    pub from: (&'a str, Option<&'a str>),
    pub to: (&'a str, &'a str),
}

/// Rewrites one line of a check or model answer: `stand.from`'s account and
/// password become `stand.to`'s.
fn rewrite(line: &str, stand: Stand<'_>) -> String {
    let plain = |t: &str| {
        let t = swap_word(t, stand.from.0, stand.to.0);
        match stand.from.1 {
            Some(p) => swap_word(&t, p, stand.to.1),
            None => t,
        }
    };
    let words: Vec<String> = line
        .split(' ')
        .map(|w| {
            let b64 = base64::engine::general_purpose::STANDARD;
            match b64.decode(w).ok().and_then(|b| String::from_utf8(b).ok()) {
                // A base64 token carrying the account (AUTH PLAIN, AUTH LOGIN).
                Some(d) if w.len() >= 8 && plain(&d) != d => b64.encode(plain(&d)),
                _ => plain(w),
            }
        })
        .collect();
    words.join(" ")
}

/// The lesson for a student whose account is `user` (password `password`): where
/// checks and model answers name the lesson's account ([`lesson_account`], and its
/// default password), they name the student's. Prose and hints are left as written.
pub fn for_account(lesson: &Lesson, user: &str, password: &str) -> Lesson {
    let from = lesson_account(lesson);
    let stand = Stand {
        from: (from, default_password(from)),
        to: (user, password),
    };
    let mut l = lesson.clone();
    let rw = |t: &mut String| *t = rewrite(t, stand);
    for s in &mut l.steps {
        s.answer.iter_mut().for_each(rw);
        for c in &mut s.checks {
            match c {
                Condition::Send { pattern, .. }
                | Condition::Type { pattern, .. }
                | Condition::Meta { pattern, .. }
                | Condition::Server { pattern, .. }
                | Condition::Answer { pattern } => rw(pattern),
                Condition::Store(sc) => rw(&mut sc.user),
                Condition::State { .. } => {}
            }
        }
    }
    l.accounts = l.accounts.iter().map(|a| rewrite(a, stand)).collect();
    l
}

#[cfg(test)]
mod tests {
    use super::*;

    const R: Stand<'static> = Stand {
        from: ("alex", Some("drums")),
        to: ("riley", "pw1"),
    };

    #[test]
    fn the_students_account_replaces_alex_in_words_addresses_and_base64() {
        assert_eq!(rewrite("LOGIN alex drums", R), "LOGIN riley pw1");
        assert_eq!(
            rewrite("MAIL FROM:<alex@maillab.test>", R),
            "MAIL FROM:<riley@maillab.test>"
        );
        // AUTH PLAIN's \0alex\0drums.
        let b64 = base64::engine::general_purpose::STANDARD;
        let got = rewrite(&format!("AUTH PLAIN {}", b64.encode("\0alex\0drums")), R);
        assert_eq!(got, format!("AUTH PLAIN {}", b64.encode("\0riley\0pw1")));
        // Not inside longer names.
        assert_eq!(rewrite("alexandra drumsticks", R), "alexandra drumsticks");
    }

    #[test]
    fn addresses_follow_the_serve_port_scheme() {
        let a = addresses("127.0.0.1", None, None).unwrap();
        assert_eq!(a["imap"], "127.0.0.1:1143");
        assert_eq!(a["control"], "127.0.0.1:1080");
        let b = addresses("10.0.0.2:2080", None, None).unwrap();
        assert_eq!(b["pop3"], "10.0.0.2:2110");
        let c = addresses("lab.example", Some(0), None).unwrap();
        assert_eq!(c["smtp"], "lab.example:25");
    }
}
