//! The mock servers. Each protocol is a sans-I/O session: it is fed the bytes a client
//! sent and returns an [`Output`] (bytes to send, close, start TLS). Only
//! [`driver`] touches sockets, so the same session serves the REPL in-process,
//! `maillab serve` over TCP, tests fed in chunks and fuzz targets.

pub mod driver;
pub mod embedded;
pub mod imap;
pub mod pop3;
pub mod smtp;

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use crate::protocol::follow::State;
use crate::protocol::Protocol;
use crate::store::SharedStore;

/// What a session wants done after handling input.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Output {
    /// Bytes to write to the client, in order.
    pub bytes: Vec<u8>,
    /// Close the connection after writing `bytes`.
    pub close: bool,
    /// Start a TLS handshake (server side) after writing `bytes` (STARTTLS / STLS).
    pub start_tls: bool,
    /// A login attempt failed in this call; the driver delays the answer and counts.
    pub auth_failed: bool,
}

impl Output {
    pub fn push(&mut self, bytes: &[u8]) {
        self.bytes.extend_from_slice(bytes);
    }
    /// Appends another output (its flags are or-ed in).
    pub fn extend(&mut self, other: Output) {
        self.bytes.extend_from_slice(&other.bytes);
        self.close |= other.close;
        self.start_tls |= other.start_tls;
        self.auth_failed |= other.auth_failed;
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
    /// Idle time before the server says BYE / 421 and closes.
    pub idle_timeout: Duration,
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
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            hostname: "maillab.test".into(),
            max_literal: 64 * 1024 * 1024,
            max_message: 25 * 1024 * 1024,
            idle_timeout: Duration::from_secs(30 * 60),
            tls_available: false,
            tls_active: false,
            require_tls: false,
            submission: false,
            clock: Clock::system(),
        }
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
