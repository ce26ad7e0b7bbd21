//! Scripted faults for the lab server: [`Faulty`] wraps any [`Session`] and, where a
//! rule of the [`FaultPlan`] matches, answers in the session's place: a greeting that
//! refuses (`421`, `* BYE`), a chosen reply to the k-th or every command of a name,
//! a dropped connection, a delay, a mailbox over quota. An injected reply replaces
//! the command: the wrapped session never sees it, so a refused `MAIL`/`RCPT`/`APPEND`
//! changes nothing.
//!
//! The plan is a small text file (`maillab serve --faults FILE`), one rule a line:
//!
//! ```text
//! # [SELECTORS] LISTENER  COMMAND   WHEN  ACTION
//! smtp        RCPT      2     reply 550 5.1.1 No such user here
//! *           MAIL      *     reply 451 4.7.1 Greylisted, try again later
//! imap        greeting  *     reply * BYE Server closed for maintenance
//! pop3        RETR      1     drop
//! smtp        RCPT      *     greylist 60 450 4.7.1 Greylisted, come back later
//! user=alex   submission MAIL *  reply 550 5.7.1 Not today, alex
//! from=127.0.0.2 *      greeting * reply 421 4.3.2 Not from there
//! smtp        DATA      1     drop-before-250
//! imap        FETCH     *     random 30% drop-mid-literal
//! ```
//!
//! Selectors come first and all must hold: `user=NAME` (the user logged in on the
//! connection, as the client named it; no rule with it matches before login) and
//! `from=IP` (the client's address).
//! `LISTENER` is a listener's name (`smtp`, `submission`, `imaps` …) or `*`;
//! `COMMAND` a command name (`UID FETCH` is written `UID-FETCH`) or `greeting`;
//! `WHEN` is `*` (every time) or `K` (the K-th time on a connection, from 1).
//!
//! Actions:
//! - `reply TEXT` sends TEXT as one line (IMAP: after the command's tag, unless TEXT
//!   starts with `*`); a reply of `421`, `* BYE` or `-ERR` to a greeting, and any
//!   `421`/`* BYE` reply, closes the connection. `drop` closes it without a word.
//! - `greylist T TEXT` answers TEXT to the first try of a command line (the same
//!   arguments, on any connection) and lets it through from T seconds later, by the
//!   server's clock.
//! - `delay T`: the command runs, its reply is written T seconds (fractions allowed,
//!   at most 600) later; the driver waits on its timer, no thread is blocked.
//! - `drop-after-354`: the command runs and its reply is written (for `DATA`, the
//!   `354`), then the connection closes: no message is stored.
//! - `drop-before-250`: `DATA` is accepted, the message is read up to its final dot,
//!   then the connection closes before the `250`: nothing is stored.
//! - `drop-mid-literal`: the reply to `FETCH` is cut in the middle of its first
//!   literal and the connection closes.
//! - `overquota`: the protocol's quota refusal: IMAP `NO [OVERQUOTA]` (RFC 9208 §4.3,
//!   for `APPEND`, `COPY`, `MOVE` …); SMTP `552 5.2.2` (RFC 5321 §4.2.3, RFC 3463):
//!   for `DATA` after the message (a `354`, the data read and discarded, then `552`);
//!   POP3 `-ERR`.
//! - `random P% ACTION`: ACTION (any but another `random`) with probability P. Each
//!   decision is a hash of (seed, user, session ordinal, command index), so a run
//!   with the same `--fault-seed` and the same client steps repeats exactly:
//!   [`decide`] documents the hash.
//!
//! Without `random`, decisions depend only on the rules and the lines.

use std::any::Any;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use super::{Output, Session, Work};
use crate::protocol::follow::line::trailing_literal;
use crate::protocol::follow::{ClientLine, SmtpState, State};
use crate::protocol::Protocol;

/// When a rule fires, counted per connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum When {
    /// Every time.
    Every,
    /// The k-th time (from 1).
    Nth(u32),
}

/// What an injected fault does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Answer with this line instead of the session.
    Reply(String),
    /// Close the connection without a reply.
    Drop,
    /// Greylisting: answer this line to the first try of a command line (the same
    /// arguments, on any connection), and let it through from `seconds` after that
    /// first try (time from the server's clock).
    Greylist { seconds: i64, reply: String },
    /// The command runs; its reply is written this much later.
    Delay(Duration),
    /// The command runs, its reply (a `354`) is written, then the connection closes.
    DropAfter354,
    /// `DATA`: the message is read to its final dot, then the connection closes.
    DropBefore250,
    /// `FETCH`: the reply is cut in the middle of its first literal.
    DropMidLiteral,
    /// The protocol's "mailbox over quota" refusal.
    OverQuota,
    /// The action, with probability `per_10k` / 10000 (see [`decide`]).
    Random { per_10k: u32, action: Box<Action> },
}

impl std::fmt::Display for Action {
    /// The action as written in a plan.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Action::Reply(t) => write!(f, "reply {t}"),
            Action::Drop => f.write_str("drop"),
            Action::Greylist { seconds, reply } => write!(f, "greylist {seconds} {reply}"),
            Action::Delay(d) => write!(f, "delay {}", d.as_secs_f64()),
            Action::DropAfter354 => f.write_str("drop-after-354"),
            Action::DropBefore250 => f.write_str("drop-before-250"),
            Action::DropMidLiteral => f.write_str("drop-mid-literal"),
            Action::OverQuota => f.write_str("overquota"),
            Action::Random { per_10k, action } => {
                write!(f, "random {}% {action}", *per_10k as f64 / 100.0)
            }
        }
    }
}

/// One rule of a [`FaultPlan`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Listener name; `None`: every listener.
    pub listener: Option<String>,
    /// Command name in upper case; `None`: the greeting.
    pub command: Option<String>,
    pub when: When,
    pub action: Action,
    /// `user=NAME`: only once this user has logged in (compared without case).
    pub user: Option<String>,
    /// `from=IP`: only for clients from this address.
    pub from: Option<IpAddr>,
}

impl std::fmt::Display for Rule {
    /// The rule as a plan line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(u) = &self.user {
            write!(f, "user={u} ")?;
        }
        if let Some(a) = &self.from {
            write!(f, "from={a} ")?;
        }
        let when = match self.when {
            When::Every => "*".to_string(),
            When::Nth(k) => k.to_string(),
        };
        write!(
            f,
            "{} {} {when} {}",
            self.listener.as_deref().unwrap_or("*"),
            self.command
                .as_deref()
                .map(|c| c.replace(' ', "-"))
                .unwrap_or_else(|| "greeting".into()),
            self.action
        )
    }
}

/// Parses an action as written in a plan; `random` may not nest.
fn parse_action(action: &str, nested: bool) -> Option<Action> {
    let action = action.trim();
    let (verb, rest) = action.split_once(' ').unwrap_or((action, ""));
    let rest = rest.trim();
    let plain = |a: Action| rest.is_empty().then_some(a);
    match verb.to_ascii_lowercase().as_str() {
        "drop" => plain(Action::Drop),
        "drop-after-354" => plain(Action::DropAfter354),
        "drop-before-250" => plain(Action::DropBefore250),
        "drop-mid-literal" => plain(Action::DropMidLiteral),
        "overquota" => plain(Action::OverQuota),
        "delay" => {
            let secs = rest.parse::<f64>().ok()?;
            (0.0..=600.0)
                .contains(&secs)
                .then(|| Action::Delay(Duration::from_secs_f64(secs)))
        }
        "greylist" => {
            let (secs, text) = rest.split_once(' ')?;
            let seconds = secs.parse::<i64>().ok()?;
            let text = text.trim();
            (!text.is_empty() && text.is_ascii() && seconds >= 0).then(|| Action::Greylist {
                seconds,
                reply: text.to_string(),
            })
        }
        "reply" => (!rest.is_empty() && rest.is_ascii()).then(|| Action::Reply(rest.to_string())),
        "random" if !nested => {
            let (p, inner) = rest.split_once(' ')?;
            let p = p.strip_suffix('%')?.parse::<f64>().ok()?;
            if !(0.0..=100.0).contains(&p) {
                return None;
            }
            Some(Action::Random {
                per_10k: (p * 100.0).round() as u32,
                action: Box::new(parse_action(inner, true)?),
            })
        }
        _ => None,
    }
}

/// Parses one plan line (not blank, not a comment).
fn parse_rule(line: &str) -> Option<Rule> {
    // Selectors, three words, then the action (its reply text keeps its spaces).
    let mut rest = line;
    let mut word = || {
        let w = rest.split_whitespace().next()?;
        rest = rest.trim_start()[w.len()..].trim_start();
        Some(w)
    };
    let (mut user, mut from) = (None, None);
    let listener = loop {
        let w = word()?;
        match w.split_once('=') {
            Some(("user", u)) if !u.is_empty() => user = Some(u.to_string()),
            Some(("from", a)) => from = Some(a.parse::<IpAddr>().ok()?),
            Some(_) => return None,
            None => break w,
        }
    };
    let (command, when) = (word()?, word()?);
    let action = parse_action(rest, false)?;
    let when = match when {
        "*" => When::Every,
        k => match k.parse::<u32>() {
            Ok(k) if k > 0 => When::Nth(k),
            _ => return None,
        },
    };
    Some(Rule {
        listener: (listener != "*").then(|| listener.to_string()),
        command: (!command.eq_ignore_ascii_case("greeting"))
            .then(|| command.replace('-', " ").to_ascii_uppercase()),
        when,
        action,
        user,
        from,
    })
}

/// The faults to inject, read from `--faults FILE` and changed at run time over the
/// control endpoint.
#[derive(Debug, Default)]
pub struct FaultPlan {
    /// The rules, in order: the first that matches a command is applied.
    rules: Mutex<Vec<Rule>>,
    /// `--fault-seed`: the seed of `random` decisions.
    seed: u64,
    /// Sessions wrapped so far: each session's ordinal for `random` decisions.
    sessions: AtomicU64,
    /// Greylisting: when each command line was first tried (shared by connections).
    first_tries: Mutex<HashMap<String, DateTime<FixedOffset>>>,
}

impl FaultPlan {
    /// Parses the plan's text (see the module's documentation); an error names the line.
    pub fn parse(text: &str) -> Result<FaultPlan, String> {
        let mut rules = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let rule = parse_rule(line)
                .ok_or_else(|| crate::tr!("serve.faults_bad_line", line = n + 1, text = line))?;
            rules.push(rule);
        }
        Ok(FaultPlan {
            rules: Mutex::new(rules),
            ..FaultPlan::default()
        })
    }

    /// The same plan with `seed` for its `random` decisions (`--fault-seed`).
    pub fn with_seed(mut self, seed: u64) -> FaultPlan {
        self.seed = seed;
        self
    }

    /// Adds one rule (a plan line) at the end, as `maillab ctl faults add` does;
    /// sessions already open see it from their next command.
    pub fn add(&self, line: &str) -> Result<(), String> {
        let rule = parse_rule(line.trim())
            .ok_or_else(|| crate::tr!("serve.faults_bad_line", line = 1, text = line.trim()))?;
        self.lock().push(rule);
        Ok(())
    }

    /// Removes every rule.
    pub fn clear(&self) {
        self.lock().clear();
    }

    /// The rules, in order.
    pub fn rules(&self) -> Vec<Rule> {
        self.lock().clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Rule>> {
        self.rules.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Greylisting: whether `line` (under rule `key`) is still refused at `now`;
    /// its first try starts the wait.
    fn greylisted(&self, key: String, seconds: i64, now: DateTime<FixedOffset>) -> bool {
        let mut tries = self.first_tries.lock().unwrap_or_else(|e| e.into_inner());
        let first = *tries.entry(key).or_insert(now);
        now < first + chrono::Duration::seconds(seconds)
    }

    /// The rules for one listener.
    pub fn for_listener(&self, listener: &str) -> Vec<Rule> {
        self.lock()
            .iter()
            .filter(|r| r.listener.as_deref().is_none_or(|l| l == listener))
            .cloned()
            .collect()
    }
}

/// Whether a `random` rule with probability `per_10k` / 10000 fires: the 64-bit
/// FNV-1a hash (offset basis 0xcbf29ce484222325, prime 0x100000001b3) of the seed
/// (8 octets, little-endian), the user name in lower case (empty before login), one
/// 0xff octet, the session ordinal (8 octets LE, the first session is 1) and the
/// command index (8 octets LE, the greeting 0, then each command line from 1),
/// taken modulo 10000, is below `per_10k`.
pub fn decide(seed: u64, user: &str, session: u64, index: u64, per_10k: u32) -> bool {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    eat(&seed.to_le_bytes());
    eat(user.to_ascii_lowercase().as_bytes());
    eat(&[0xff]);
    eat(&session.to_le_bytes());
    eat(&index.to_le_bytes());
    h % 10_000 < u64::from(per_10k)
}

/// How the message being absorbed (`DATA` under a fault) ends.
#[derive(Clone, Debug)]
enum DataEnd {
    /// Close the connection (`drop-before-250`).
    Drop(String),
    /// Answer this line, and reset the session's transaction (`overquota`).
    Reply(String, String),
}

/// A session with faults injected (see the module's documentation).
pub struct Faulty {
    inner: Box<dyn Session>,
    protocol: Protocol,
    listener: String,
    /// Times each command was seen on this connection.
    seen: HashMap<String, u32>,
    /// Command lines seen on this connection.
    commands: u64,
    /// This session's ordinal among the plan's sessions (from 1).
    ordinal: u64,
    /// The client's address.
    peer: Option<IpAddr>,
    /// The user logged in, once the session says so.
    user: Option<String>,
    /// The name the last login attempt gave (or SASL answers to find it in).
    login: Option<String>,
    sasl: Option<(String, Vec<String>)>,
    /// Client bytes not yet a whole line.
    buf: Vec<u8>,
    /// Octets of an IMAP literal still to pass through untouched.
    literal: u64,
    /// A message read and discarded under a fault, until its final dot; the last
    /// octets read (to find "CRLF.CRLF" across reads).
    absorbing: Option<(DataEnd, Vec<u8>)>,
    /// `drop-mid-literal` armed: the next literal in the session's output is cut.
    cut_literal: Option<String>,
    closed: bool,
    /// Told of each injected fault (for the trace); `None`: nobody watches.
    marker: Option<Marker>,
    /// The plan (rules, greylisting memory, seed) and the server's clock.
    plan: Arc<FaultPlan>,
    clock: super::Clock,
}

/// Called with a description of each injected fault (`RCPT #2: reply 550 …`).
pub type Marker = Box<dyn Fn(String) + Send>;

impl Faulty {
    /// Wraps `inner` with the plan's rules for `listener`.
    pub fn new(
        inner: Box<dyn Session>,
        protocol: Protocol,
        plan: Arc<FaultPlan>,
        listener: &str,
        clock: super::Clock,
    ) -> Faulty {
        let ordinal = plan.sessions.fetch_add(1, Ordering::Relaxed) + 1;
        Faulty {
            plan,
            clock,
            inner,
            protocol,
            listener: listener.to_string(),
            seen: HashMap::new(),
            commands: 0,
            ordinal,
            peer: None,
            user: None,
            login: None,
            sasl: None,
            buf: Vec::new(),
            literal: 0,
            absorbing: None,
            cut_literal: None,
            closed: false,
            marker: None,
        }
    }

    /// Reports each injected fault to `marker`.
    pub fn marked(mut self, marker: Option<Marker>) -> Faulty {
        self.marker = marker;
        self
    }

    /// The client's address, for `from=` selectors.
    pub fn from(mut self, peer: Option<IpAddr>) -> Faulty {
        self.peer = peer;
        self
    }

    fn matching(&self, command: Option<&str>, count: u32) -> Option<Action> {
        let user = self.user.as_deref().unwrap_or("");
        self.plan
            .for_listener(&self.listener)
            .into_iter()
            .find_map(|r| {
                let applies = r.command.as_deref() == command
                    && match r.when {
                        When::Every => true,
                        When::Nth(k) => k == count,
                    }
                    && r.user.as_deref().is_none_or(|u| {
                        self.user
                            .as_deref()
                            .is_some_and(|v| v.eq_ignore_ascii_case(u))
                    })
                    && r.from.is_none_or(|a| self.peer == Some(a));
                if !applies {
                    return None;
                }
                match r.action {
                    Action::Random { per_10k, action } => {
                        decide(self.plan.seed, user, self.ordinal, self.commands, per_10k)
                            .then_some(*action)
                    }
                    a => Some(a),
                }
            })
    }

    fn mark(&self, what: String) {
        if let Some(mark) = &self.marker {
            mark(what);
        }
    }

    /// The reply for an injected action; closes the session where the reply says so.
    fn inject(&mut self, action: Action, what: &str, tag: Option<&str>, greeting: bool) -> Output {
        self.mark(format!("{what}: {action}"));
        self.answer(action, tag, greeting)
    }

    /// The reply for an action that answers in the session's place.
    fn answer(&mut self, action: Action, tag: Option<&str>, greeting: bool) -> Output {
        let mut out = Output::default();
        match action {
            Action::Reply(text) | Action::Greylist { reply: text, .. } => {
                let line = match (self.protocol, tag) {
                    (Protocol::Imap, Some(tag)) if !text.starts_with('*') => {
                        format!("{tag} {text}\r\n")
                    }
                    _ => format!("{text}\r\n"),
                };
                out.push(line.as_bytes());
                out.close = text.starts_with("421")
                    || text.to_ascii_uppercase().starts_with("* BYE")
                    || (greeting && text.starts_with("-ERR"));
                out.command_done = true;
            }
            _ => out.close = true,
        }
        self.closed = out.close;
        out
    }

    /// The protocol's quota refusal, as one reply line's text.
    fn over_quota(&self) -> String {
        match self.protocol {
            Protocol::Imap => crate::tr_en!("faults.quota_imap"),
            Protocol::Smtp => crate::tr_en!("faults.quota_smtp"),
            Protocol::Pop3 => crate::tr_en!("faults.quota_pop3"),
        }
    }

    /// Bytes the session itself must read (message data, literals): passed through.
    fn pass_through(&mut self, out: &mut Output) -> bool {
        if self.literal > 0 && !self.buf.is_empty() {
            let n = (self.literal as usize).min(self.buf.len());
            let chunk: Vec<u8> = self.buf.drain(..n).collect();
            self.literal -= n as u64;
            out.extend(self.inner.receive(&chunk));
            return true;
        }
        if self.inner.receiving_data() && self.absorbing.is_none() && !self.buf.is_empty() {
            let chunk = std::mem::take(&mut self.buf);
            out.extend(self.inner.receive(&chunk));
            return true;
        }
        false
    }

    /// A message under a fault: read up to its final dot and discarded; then the end.
    fn absorb(&mut self, out: &mut Output) {
        let Some((end, tail)) = self.absorbing.as_mut() else {
            return;
        };
        let mut seen = std::mem::take(tail);
        let before = seen.len();
        seen.extend_from_slice(&self.buf);
        let Some(at) = seen.windows(5).position(|w| w == b"\r\n.\r\n") else {
            self.buf.clear();
            *tail = seen[seen.len().saturating_sub(4)..].to_vec();
            return;
        };
        self.buf.drain(..at + 5 - before);
        let end = end.clone();
        self.absorbing = None;
        match end {
            DataEnd::Drop(what) => {
                self.mark(what);
                out.close = true;
                self.closed = true;
            }
            DataEnd::Reply(what, text) => {
                self.mark(what);
                // The session is still in its transaction (it never saw the data).
                let _ = self.inner.receive(b"RSET\r\n");
                out.push(format!("{text}\r\n").as_bytes());
                out.command_done = true;
            }
        }
    }

    /// `drop-mid-literal`: cuts `out` in the middle of its first literal, if any.
    fn cut(&mut self, out: &mut Output) {
        if self.cut_literal.is_none() || out.is_empty() {
            return;
        }
        out.flatten();
        let b = &out.bytes;
        let found = (0..b.len()).find_map(|i| {
            if b[i] != b'{' {
                return None;
            }
            let close = b[i..].iter().position(|&c| c == b'}')? + i;
            let n: usize = std::str::from_utf8(&b[i + 1..close]).ok()?.parse().ok()?;
            (b.get(close + 1..close + 3) == Some(b"\r\n") && n > 0).then_some(close + 3 + n / 2)
        });
        if let Some(at) = found.filter(|&at| at < b.len()) {
            out.bytes.truncate(at);
            out.close = true;
            self.closed = true;
            if let Some(what) = self.cut_literal.take() {
                self.mark(what);
            }
        } else if out.command_done {
            // The reply had no literal: nothing to cut.
            self.cut_literal = None;
        }
    }

    /// Notes the name a login command gives (or the SASL answers to find it in).
    fn note_login(&mut self, parsed: &ClientLine, raw: &str, reply: &Output) {
        if self.user.is_some() {
            return;
        }
        match parsed.command.as_deref() {
            Some("LOGIN" | "USER" | "APOP") => self.login = parsed.first_arg(),
            Some("AUTH" | "AUTHENTICATE") => {
                let mech = parsed.first_arg().unwrap_or_default().to_ascii_uppercase();
                let initial = parsed.args.get(1).map(|a| a.text.clone());
                self.sasl = Some((mech, initial.into_iter().collect()));
            }
            _ => {
                if let Some((_, answers)) = self.sasl.as_mut() {
                    answers.push(raw.trim().to_string());
                }
            }
        }
        // SMTP AUTH succeeded (RFC 4954 §6): 235.
        let smtp_in = self.protocol == Protocol::Smtp && reply.bytes.starts_with(b"235");
        self.settle_user(smtp_in);
    }

    /// Once the session is authenticated (perhaps after its work), the user is the
    /// name the login gave.
    fn settle_user(&mut self, smtp_in: bool) {
        if self.user.is_none() && (smtp_in || self.inner.authenticated()) {
            self.user = match self.sasl.take() {
                Some((mech, answers)) => super::observe::sasl_user(&mech, &mut answers.into_iter()),
                None => self.login.take(),
            };
        }
    }

    /// Applies a fault's action to the command `line`.
    fn apply(&mut self, action: Action, what: String, parsed: &ClientLine, line: &[u8]) -> Output {
        let text = String::from_utf8_lossy(line);
        let command = parsed.command.as_deref().unwrap_or("");
        let mut out = Output::default();
        match action {
            Action::Delay(d) => {
                self.mark(format!("{what}: {action}"));
                out = self.run(line);
                out.delay = Some(out.delay.map_or(d, |e| e.max(d)));
            }
            Action::DropAfter354 => {
                self.mark(format!("{what}: {action}"));
                out = self.run(line);
                out.close = true;
                self.closed = true;
            }
            Action::DropBefore250 => {
                out = self.run(line);
                if self.inner.receiving_data() {
                    self.absorbing =
                        Some((DataEnd::Drop(format!("{what}: {action}")), b"\r\n".to_vec()));
                }
            }
            Action::DropMidLiteral => {
                self.cut_literal = Some(format!("{what}: {action}"));
                out = self.run(line);
            }
            Action::OverQuota if self.protocol == Protocol::Smtp && command == "DATA" => {
                if self.inner.state() == State::Smtp(SmtpState::Rcpt) {
                    out.push(format!("{}\r\n", crate::tr_en!("faults.data_go_ahead")).as_bytes());
                    out.command_done = true;
                    self.absorbing = Some((
                        DataEnd::Reply(format!("{what}: {action}"), self.over_quota()),
                        b"\r\n".to_vec(),
                    ));
                } else {
                    out = self.run(line);
                }
            }
            Action::OverQuota => {
                self.mark(format!("{what}: {action}"));
                out = self.answer(
                    Action::Reply(self.over_quota()),
                    parsed.tag.as_deref(),
                    false,
                );
                self.skip_literal(&text);
            }
            a => {
                out = self.inject(a, &what, parsed.tag.as_deref(), false);
                self.skip_literal(&text);
            }
        }
        out
    }

    /// A refused command announcing a literal: the literal is not sent
    /// (synchronizing) or is discarded, as a server refusing early would.
    fn skip_literal(&mut self, text: &str) {
        if let Some((n, true)) = trailing_literal(text) {
            let n = (n as usize).min(self.buf.len());
            self.buf.drain(..n);
        }
    }

    /// The session runs the command `line` (its literal, if any, passes through next).
    fn run(&mut self, line: &[u8]) -> Output {
        if self.protocol == Protocol::Imap {
            if let Some((n, _)) = trailing_literal(&String::from_utf8_lossy(line)) {
                self.literal = n;
            }
        }
        self.inner.receive(line)
    }
}

impl Session for Faulty {
    fn greeting(&mut self) -> Output {
        match self.matching(None, 1) {
            Some(a) => self.inject(a, "greeting", None, true),
            None => self.inner.greeting(),
        }
    }

    fn receive(&mut self, input: &[u8]) -> Output {
        let mut out = Output::default();
        if self.closed {
            return out;
        }
        self.buf.extend_from_slice(input);
        loop {
            if self.closed || out.close {
                break;
            }
            if self.absorbing.is_some() {
                self.absorb(&mut out);
                if self.absorbing.is_some() {
                    break;
                }
                continue;
            }
            if self.pass_through(&mut out) {
                continue;
            }
            let Some(end) = self.buf.iter().position(|&b| b == b'\n') else {
                break;
            };
            let line: Vec<u8> = self.buf.drain(..=end).collect();
            let text = String::from_utf8_lossy(&line).into_owned();
            let parsed = ClientLine::parse(self.protocol, &text);
            self.settle_user(false);
            if parsed.command.is_some() {
                self.commands += 1;
            }
            let fault = parsed.command.as_ref().and_then(|c| {
                let n = self.seen.entry(c.clone()).or_default();
                *n += 1;
                let n = *n;
                self.matching(Some(c), n).map(|a| (a, format!("{c} #{n}")))
            });
            // A greylisted line goes through once its wait is over.
            let fault = fault.filter(|(a, _)| match a {
                Action::Greylist { seconds, .. } => {
                    let key = parsed.without_tag().to_ascii_uppercase();
                    self.plan.greylisted(key, *seconds, self.clock.now())
                }
                _ => true,
            });
            let mut part = match fault {
                Some((a, what)) => self.apply(a, what, &parsed, &line),
                None => self.run(&line),
            };
            self.cut(&mut part);
            self.note_login(&parsed, &text, &part);
            out.extend(part);
        }
        out
    }

    fn wants_store_events(&self) -> bool {
        self.inner.wants_store_events()
    }
    fn store_changed(&mut self) -> Output {
        self.inner.store_changed()
    }
    fn store_replaced(&mut self) -> Output {
        self.inner.store_replaced()
    }
    fn has_pending_input(&self) -> bool {
        self.inner.has_pending_input()
    }
    fn state(&self) -> State {
        self.inner.state()
    }
    fn timed_out(&mut self) -> Output {
        self.inner.timed_out()
    }
    fn tls_started(&mut self) {
        self.inner.tls_started()
    }
    fn disconnected(&mut self) {
        self.inner.disconnected()
    }
    fn attach_driver(&mut self) {
        self.inner.attach_driver()
    }
    fn take_work(&mut self) -> Option<Work> {
        self.inner.take_work()
    }
    fn work_done(&mut self, result: Box<dyn Any + Send>) -> Output {
        let mut out = self.inner.work_done(result);
        self.cut(&mut out);
        out
    }
    fn authenticated(&self) -> bool {
        self.inner.authenticated()
    }
    fn receiving_data(&self) -> bool {
        self.inner.receiving_data() || self.absorbing.is_some()
    }
}

/// Wraps `session` when there is a plan (its rules may change at run time);
/// `marker` hears of each fault; `peer` is the client's address.
pub fn wrap(
    session: Box<dyn Session>,
    protocol: Protocol,
    (listener, peer): (&str, Option<IpAddr>),
    plan: Option<&Arc<FaultPlan>>,
    marker: Option<Marker>,
    clock: super::Clock,
) -> Box<dyn Session> {
    match plan {
        Some(p) => Box::new(
            Faulty::new(session, protocol, p.clone(), listener, clock)
                .marked(marker)
                .from(peer),
        ),
        None => session,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_parses_rules_and_names_a_bad_line() {
        let p = FaultPlan::parse("# c\nsmtp  RCPT 2   reply 550 5.1.1  no\n* greeting * drop\n")
            .unwrap();
        let rules = p.rules();
        assert_eq!(rules.len(), 2);
        assert_eq!(rules[0].command.as_deref(), Some("RCPT"));
        assert_eq!(rules[0].when, When::Nth(2));
        assert_eq!(rules[0].action, Action::Reply("550 5.1.1  no".into()));
        assert_eq!(rules[1].command, None);
        assert_eq!(rules[1].action, Action::Drop);
        assert!(FaultPlan::parse("smtp RCPT 0 drop").is_err());
        assert!(FaultPlan::parse("smtp RCPT 1 shout").is_err());
        let g = FaultPlan::parse("smtp RCPT * greylist 60 450 4.7.1 later").unwrap();
        assert_eq!(
            g.rules()[0].action,
            Action::Greylist {
                seconds: 60,
                reply: "450 4.7.1 later".into()
            }
        );
    }

    #[test]
    fn selectors_and_new_actions_parse_and_print_back() {
        let text = "user=alex from=127.0.0.2 submission MAIL * random 12.5% delay 1.5\n\
                    imap UID-FETCH 1 drop-mid-literal\n\
                    smtp DATA * overquota\n";
        let p = FaultPlan::parse(text).unwrap();
        let rules = p.rules();
        assert_eq!(rules[0].user.as_deref(), Some("alex"));
        assert_eq!(rules[0].from, Some("127.0.0.2".parse().unwrap()));
        assert_eq!(
            rules[0].action,
            Action::Random {
                per_10k: 1250,
                action: Box::new(Action::Delay(Duration::from_millis(1500)))
            }
        );
        assert_eq!(rules[1].command.as_deref(), Some("UID FETCH"));
        let printed: Vec<String> = rules.iter().map(|r| r.to_string()).collect();
        assert_eq!(printed[1], "imap UID-FETCH 1 drop-mid-literal");
        // What is printed parses back to the same rule.
        for (r, line) in rules.iter().zip(&printed) {
            assert_eq!(&parse_rule(line).unwrap(), r);
        }
        for bad in [
            "mode=x smtp RCPT * drop",
            "from=nowhere smtp RCPT * drop",
            "smtp RCPT * random 20% random 5% drop",
            "smtp RCPT * random 120% drop",
            "smtp RCPT * delay soon",
            "smtp RCPT * drop-before-250 now",
        ] {
            assert!(FaultPlan::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn random_decisions_follow_the_documented_hash() {
        // The same inputs decide the same; about P% of commands fire.
        let fired = (1..=10_000u64)
            .filter(|i| decide(7, "alex", 1, *i, 3000))
            .count();
        assert!((2700..3300).contains(&fired), "{fired}");
        let a: Vec<bool> = (1..50).map(|i| decide(7, "Alex", 2, i, 5000)).collect();
        let b: Vec<bool> = (1..50).map(|i| decide(7, "alex", 2, i, 5000)).collect();
        assert_eq!(a, b);
        let c: Vec<bool> = (1..50).map(|i| decide(8, "alex", 2, i, 5000)).collect();
        assert_ne!(a, c);
        assert!(!decide(1, "", 1, 1, 0) && decide(1, "", 1, 1, 10_000));
    }
}
