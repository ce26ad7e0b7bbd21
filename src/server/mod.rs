//! The mock servers. Each protocol is a sans-I/O session: it is fed the bytes a client
//! sent and returns an [`Output`] (bytes to send, close, start TLS). Only
//! [`driver`] touches sockets, so the same session serves the REPL in-process,
//! `maillab serve` over TCP, tests fed in chunks and fuzz targets.

pub mod auth;
pub mod driver;
pub mod embedded;
pub mod faults;
pub mod imap;
pub mod observe;
pub mod pop3;
pub mod smtp;

use std::any::Any;
use std::ops::Range;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use crate::protocol::follow::State;
use crate::protocol::Protocol;
use crate::store::{Limits, SharedStore};

/// What a session wants done after handling input.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Output {
    /// Bytes to write to the client, in order (with [`Output::spliced`] inserted).
    pub bytes: Vec<u8>,
    /// Stored octets to write in the middle of `bytes` without copying them (a FETCH
    /// body), ascending by position. Only sessions told [`Session::attach_driver`] use
    /// them; [`Output::flatten`] turns them into plain bytes.
    pub spliced: Vec<Splice>,
    /// Close the connection after writing `bytes`.
    pub close: bool,
    /// Start a TLS handshake (server side) after writing `bytes` (STARTTLS / STLS).
    pub start_tls: bool,
    /// A complete command was handled (not just some bytes of one): the driver restarts
    /// its idle timer on this (RFC 3501 §5.4), so a client trickling bytes cannot keep
    /// a connection open.
    pub command_done: bool,
    /// A login attempt failed in this call; the driver delays the answer and counts.
    pub auth_failed: bool,
    /// Write `bytes` this much later (an injected `delay` fault); the driver waits
    /// on its timer.
    pub delay: Option<Duration>,
}

/// Octets `data[range]` to write at offset `at` of [`Output::bytes`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Splice {
    pub at: usize,
    pub data: Arc<[u8]>,
    pub range: Range<usize>,
}

impl Output {
    pub fn push(&mut self, bytes: &[u8]) {
        self.bytes.extend_from_slice(bytes);
    }
    /// Appends another output (its flags are or-ed in).
    pub fn extend(&mut self, other: Output) {
        let base = self.bytes.len();
        self.bytes.extend_from_slice(&other.bytes);
        self.spliced.extend(other.spliced.into_iter().map(|mut s| {
            s.at += base;
            s
        }));
        self.close |= other.close;
        self.start_tls |= other.start_tls;
        self.command_done |= other.command_done;
        self.auth_failed |= other.auth_failed;
        self.delay = self.delay.max(other.delay);
    }
    /// Octets to write in all (`bytes` and the spliced ranges).
    pub fn len(&self) -> usize {
        self.bytes.len() + self.spliced.iter().map(|s| s.range.len()).sum::<usize>()
    }
    /// Nothing to write.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Moves the spliced octets into `bytes`.
    pub fn flatten(&mut self) {
        if self.spliced.is_empty() {
            return;
        }
        let mut all = Vec::with_capacity(self.len());
        let mut from = 0;
        for s in std::mem::take(&mut self.spliced) {
            all.extend_from_slice(&self.bytes[from..s.at]);
            all.extend_from_slice(&s.data[s.range]);
            from = s.at;
        }
        all.extend_from_slice(&self.bytes[from..]);
        self.bytes = all;
    }
    /// The pieces to write, in order, borrowing the shared octets.
    pub fn pieces(&self) -> impl Iterator<Item = &[u8]> {
        let mut from = 0;
        let mut parts = Vec::with_capacity(self.spliced.len() * 2 + 1);
        for s in &self.spliced {
            parts.push(&self.bytes[from..s.at]);
            parts.push(&s.data[s.range.clone()]);
            from = s.at;
        }
        parts.push(&self.bytes[from..]);
        parts.into_iter().filter(|p| !p.is_empty())
    }
}

/// Work a session leaves for the driver to run away from the I/O threads (a SEARCH over
/// a snapshot of a mailbox); its result goes back through [`Session::work_done`].
pub struct Work(pub Box<dyn FnOnce() -> Box<dyn Any + Send> + Send>);

impl std::fmt::Debug for Work {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Work")
    }
}

/// Where sessions read the time (IMAP APPEND's INTERNALDATE, SMTP `Received:`, the
/// POP3 APOP and CRAM-MD5 timestamps): the system clock in a server, a fixed instant in
/// tests and replays, so a transcript comes out byte for byte the same.
#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> DateTime<FixedOffset> + Send + Sync>);

impl Clock {
    /// The machine's clock, in its local time zone.
    pub fn system() -> Clock {
        Clock(Arc::new(|| chrono::Local::now().fixed_offset()))
    }
    /// A clock that always says `at`.
    pub fn fixed(at: DateTime<FixedOffset>) -> Clock {
        Clock(Arc::new(move || at))
    }
    /// A clock that asks `f` each time.
    pub fn from_fn(f: impl Fn() -> DateTime<FixedOffset> + Send + Sync + 'static) -> Clock {
        Clock(Arc::new(f))
    }
    /// The time now.
    pub fn now(&self) -> DateTime<FixedOffset> {
        (self.0)()
    }
}

impl Default for Clock {
    fn default() -> Self {
        Clock::system()
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Clock({})", self.now().to_rfc3339())
    }
}

/// Settings every session reads.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    /// Host name used in greetings and Received headers.
    pub hostname: String,
    /// Largest IMAP literal accepted (RFC 7889 `[TOOBIG]` above it).
    pub max_literal: usize,
    /// Largest SMTP message (RFC 1870 SIZE, 552 5.3.4 above it).
    pub max_message: usize,
    /// Idle time after login before the server says BYE / 421 and closes.
    pub idle_timeout: Duration,
    /// Idle time before login (a short timer: an unauthenticated connection costs a
    /// slot of the connection limit).
    pub prelogin_timeout: Duration,
    /// A TLS upgrade can be offered (STARTTLS / STLS).
    pub tls_available: bool,
    /// The connection is already encrypted (implicit TLS or after STARTTLS).
    pub tls_active: bool,
    /// Credentials are refused until TLS is active (LOGINDISABLED, RFC 3501 §6.2.3).
    pub require_tls: bool,
    /// SMTP: this is the submission port, AUTH is required before MAIL (RFC 6409).
    pub submission: bool,
    /// Where the session reads the time.
    pub clock: Clock,
    /// Per-user quota, relayed-mail sink and whole-store budget (octets).
    pub limits: Limits,
    /// Pending output the client accepts no byte of for this long closes the connection.
    pub write_stall_timeout: Duration,
    /// While a literal or message arrives: at least this many octets per second,
    /// measured over `rate_window`.
    pub min_data_rate: u64,
    /// Window of the minimum-throughput check.
    pub rate_window: Duration,
    /// Deadline of a TLS handshake (implicit TLS and STARTTLS / STLS).
    pub tls_handshake_timeout: Duration,
    /// Delay before answering the first failed authentication (doubled for each next).
    pub auth_failure_delay: Duration,
    /// Failed authentications after which a connection is closed.
    pub max_auth_failures: u32,
    /// IMAP: largest literal before authentication (RFC 7888 LITERAL-: 4096).
    pub prelogin_literal: usize,
    /// IMAP: what one SEARCH may cost before it answers `NO [LIMIT]` (RFC 5530), in
    /// about one unit per octet examined.
    pub search_cost_limit: u64,
    /// IMAP: most keywords one mailbox may hold (RFC 5530 `[LIMIT]` above it).
    pub max_keywords: usize,
    /// IMAP: most mailboxes one user may have (RFC 5530 `[LIMIT]` above it).
    pub max_mailboxes: usize,
    /// Capabilities switched off (`--imap-caps -IDLE,-MOVE` …), in upper case: not
    /// advertised, and their commands answered as by a server without them.
    pub disabled: Vec<String>,
}

impl ServerConfig {
    /// Whether the capability `name` (`IDLE`, `STARTTLS`, `UIDL` …) is switched on.
    pub fn offers(&self, name: &str) -> bool {
        !self.disabled.iter().any(|d| d.eq_ignore_ascii_case(name))
    }

    /// A space-separated capability list without the switched-off ones (a word
    /// `AUTH=PLAIN` is switched off by `AUTH=PLAIN`).
    pub fn offered(&self, caps: &str) -> String {
        caps.split(' ')
            .filter(|c| self.offers(c))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            hostname: "maillab.test".into(),
            max_literal: 64 * 1024 * 1024,
            max_message: 25 * 1024 * 1024,
            idle_timeout: Duration::from_secs(30 * 60),
            prelogin_timeout: Duration::from_secs(3 * 60),
            tls_available: false,
            tls_active: false,
            require_tls: false,
            submission: false,
            clock: Clock::system(),
            limits: Limits::default(),
            write_stall_timeout: Duration::from_secs(60),
            min_data_rate: 1024,
            rate_window: Duration::from_secs(30),
            tls_handshake_timeout: Duration::from_secs(20),
            auth_failure_delay: Duration::from_millis(500),
            max_auth_failures: 5,
            prelogin_literal: 4096,
            search_cost_limit: imap::search::DEFAULT_COST_LIMIT,
            max_keywords: 256,
            max_mailboxes: 1000,
            disabled: Vec::new(),
        }
    }
}

/// The goodbye after `d` without a command, the duration as a person says it ("idle
/// for 30 seconds", "idle for 30 minutes").
pub fn idle_goodbye(d: Duration) -> String {
    let secs = d.as_secs();
    if secs < 60 || secs % 60 != 0 {
        crate::tr_en!(
            "server.idle_seconds",
            n = crate::protocol::text::Arg::from(secs)
        )
    } else {
        crate::tr_en!(
            "server.idle_minutes",
            n = crate::protocol::text::Arg::from(secs / 60)
        )
    }
}

/// A sans-I/O server session.
pub trait Session: Send {
    /// What the server says when the connection opens.
    fn greeting(&mut self) -> Output;
    /// Bytes the client sent, in whatever chunks they arrived.
    fn receive(&mut self, input: &[u8]) -> Output;
    /// Whether the session wants to hear of store changes now (IMAP IDLE).
    fn wants_store_events(&self) -> bool {
        false
    }
    /// The store changed while [`Session::wants_store_events`] was true.
    fn store_changed(&mut self) -> Output {
        Output::default()
    }
    /// The teacher replaced mail (`maillab ctl reset`, `restore`, `load`): a session
    /// whose selected mailbox or maildrop changed says so in its protocol and closes
    /// (RFC 3501 §2.3.1.1: a new UIDVALIDITY). Called whatever the session's state.
    fn store_replaced(&mut self) -> Output {
        Output::default()
    }
    /// Input is buffered that the session has not answered yet because one call's
    /// output was already large (pipelined RETRs of big messages): the driver writes
    /// that output, then calls `receive(&[])` again. Keeps memory bounded.
    fn has_pending_input(&self) -> bool {
        false
    }
    /// The session's state as the command tables name it (RFC 3501 §3, RFC 5321 §4.1.4,
    /// RFC 1939 §3): the one vocabulary the REPL, `maillab explain` and the lessons share.
    fn state(&self) -> State;
    /// The client was silent for the idle timeout: say goodbye (the driver then closes).
    fn timed_out(&mut self) -> Output;
    /// The TLS handshake after `start_tls` finished.
    fn tls_started(&mut self) {}
    /// The client went away; unfinished work (a half-sent APPEND or DATA) is dropped.
    fn disconnected(&mut self) {}
    /// A driver moves this session's bytes: the session may leave long work to it
    /// ([`Session::take_work`]) and answer with shared octets ([`Output::spliced`]).
    /// Without this call (tests feeding bytes, fuzzing) everything is done inline.
    fn attach_driver(&mut self) {}
    /// Work the last call left to do before the session can answer; the driver runs
    /// it on a blocking thread and hands the result to [`Session::work_done`]. No input
    /// is handled meanwhile.
    fn take_work(&mut self) -> Option<Work> {
        None
    }
    /// The result of the work taken with [`Session::take_work`].
    fn work_done(&mut self, _result: Box<dyn Any + Send>) -> Output {
        Output::default()
    }
    /// The client has logged in: the driver uses the longer idle timer (RFC 3501 §5.4)
    /// instead of the short one for unauthenticated connections.
    fn authenticated(&self) -> bool {
        false
    }
    /// The session is in the middle of receiving a literal, a message (DATA, BDAT) or
    /// another long input: the driver asks for a minimum throughput.
    fn receiving_data(&self) -> bool {
        false
    }
}

/// A teaching text for a server reply, by id, always from the English table: replies on
/// the wire stay ASCII whatever language the REPL explains in.
pub(crate) fn say(id: &str, args: &[(&str, &str)]) -> String {
    crate::protocol::text::english()
        .text(id, args)
        .unwrap_or_else(|| id.to_string())
}

/// A new session for `protocol` on `store`.
pub fn new_session(
    protocol: Protocol,
    store: SharedStore,
    config: ServerConfig,
) -> Box<dyn Session> {
    match protocol {
        Protocol::Imap => Box::new(imap::ImapSession::new(store, config)),
        Protocol::Pop3 => Box::new(pop3::Pop3Session::new(store, config)),
        Protocol::Smtp => Box::new(smtp::SmtpSession::new(store, config)),
    }
}
