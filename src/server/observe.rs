//! Watching a server session from outside it: [`Observed`] wraps any [`Session`],
//! feeds the client's bytes and the server's output to a protocol
//! [`Follower`], and reports what happened as the shared
//! [`Event`]s (the ones the REPL emits) to a [`Sink`], each tagged with the
//! session's id, protocol, listener, peer address and user (after login).
//!
//! The same events give per-session statistics ([`SessionStats`]): octets of
//! protocol text each way, lines, commands, round trips, time to first byte and to
//! completion, TLS handshake time. Octets on the wire (TLS records included) are
//! counted by whoever owns the socket ([`WireBytes`]); time comes from an injected
//! [`Ticker`], never read inside the session. No protocol knows it is watched.
//!
//! Secrets are not masked here: the events carry what was sent and say which parts
//! are secret ([`Sent::shown`] masks them), so a front end chooses.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;

use super::{Output, Session, Work};
use crate::protocol::follow::{
    ClientLine, Event, Follower, ImapState, Pop3State, Sent, SessionId, State, Step, StepKind,
};
use crate::protocol::sasl;
use crate::protocol::Protocol;
pub use crate::transport::counting::WireBytes;

/// Octets of literal and multi-line data kept per response in the reported steps.
pub const KEEP_DATA: usize = 2048;

/// Who a session is: fixed when the connection is accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionInfo {
    /// The session's number in this server, from 1.
    pub id: SessionId,
    pub protocol: Protocol,
    /// The listener's name (`imap`, `smtps`, `submission` …).
    pub listener: String,
    /// The client's address, when the connection has one.
    pub peer: Option<SocketAddr>,
}

/// Monotonic time since some origin (the server's start), injected so a test can
/// run a session on a clock it controls.
#[derive(Clone)]
pub struct Ticker(Arc<dyn Fn() -> Duration + Send + Sync>);

impl Ticker {
    /// Time since this call, from the machine's monotonic clock.
    pub fn system() -> Ticker {
        let origin = Instant::now();
        Ticker(Arc::new(move || origin.elapsed()))
    }
    /// A ticker that asks `f`.
    pub fn from_fn(f: impl Fn() -> Duration + Send + Sync + 'static) -> Ticker {
        Ticker(Arc::new(f))
    }
    /// The time now.
    pub fn now(&self) -> Duration {
        (self.0)()
    }
}

impl std::fmt::Debug for Ticker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Ticker({:?})", self.now())
    }
}

/// Why a connection was refused or failed before a session could run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Failure {
    /// Over the connection limits: the server said "try later" and closed.
    Busy,
    /// The TLS handshake failed or timed out (implicit TLS, STARTTLS, STLS).
    TlsHandshake,
}

impl Failure {
    /// The language-table id that says what happened.
    pub fn text_id(self) -> &'static str {
        match self {
            Failure::Busy => "lab.trace.refused_busy",
            Failure::TlsHandshake => "lab.trace.failed_tls",
        }
    }
}

/// What the lab server reports about a session: the shared [`Event`]s and what only
/// a server knows.
#[derive(Clone, Debug)]
pub enum LabEvent {
    /// The REPL's events: `SessionOpened`, `LineSent`, `Reply`, `TlsUp`, `SessionClosed`.
    Event(Event),
    /// A login succeeded: the session belongs to `user` (as the client named it).
    LoggedIn { user: String },
    /// The connection was refused or failed.
    Failed(Failure),
    /// The session ended: its statistics (sent just before `SessionClosed`).
    Stats(SessionStats),
}

/// One event of one session, tagged.
#[derive(Clone, Debug)]
pub struct Record {
    pub session: Arc<SessionInfo>,
    /// The user logged in, if any yet.
    pub user: Option<Arc<str>>,
    /// When, by the session's [`Ticker`].
    pub at: Duration,
    pub event: LabEvent,
}

/// Where records go. Called on the server's I/O threads: must not block.
pub trait Sink: Send + Sync {
    fn record(&self, r: Record);
}

/// Per-session statistics.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SessionStats {
    /// Octets from the client on the wire (TLS records included), when counted.
    pub wire_in: Option<u64>,
    /// Octets to the client on the wire, when counted.
    pub wire_out: Option<u64>,
    /// Octets of protocol text from the client (inside TLS when it is on).
    pub text_in: u64,
    /// Octets of protocol text to the client.
    pub text_out: u64,
    /// Lines the client sent (commands, body lines, SASL answers; not literal octets).
    pub lines_in: u64,
    /// Lines the server sent (data lines of POP3 listings and messages included).
    pub lines_out: u64,
    /// Commands the client sent.
    pub commands: u64,
    /// Times the client waited on a reply: a flight of the client's bytes answered
    /// by the server (pipelined commands share one).
    pub round_trips: u64,
    /// From the connection being accepted to the first byte of the greeting.
    pub first_byte_ms: Option<f64>,
    /// From the connection being accepted to its end.
    pub duration_ms: f64,
    /// TLS handshakes (implicit TLS, or from the go-ahead to STARTTLS/STLS to the
    /// end of the handshake).
    pub tls_handshake_ms: Option<f64>,
    /// TLS was on when the session ended.
    pub tls: bool,
}

/// Milliseconds, to the microsecond.
fn ms(d: Duration) -> f64 {
    (d.as_secs_f64() * 1_000_000.0).round() / 1000.0
}

/// How an observed session starts.
pub struct Watch {
    pub info: SessionInfo,
    pub sink: Arc<dyn Sink>,
    pub ticker: Ticker,
    /// When the connection was accepted (by `ticker`).
    pub accepted: Duration,
    /// Octets on the wire, when the socket's owner counts them.
    pub wire: Option<Arc<WireBytes>>,
    /// An implicit-TLS handshake that ran before the session (its duration).
    pub implicit_tls: Option<Duration>,
}

/// A session that reports what happens in it. Implements [`Session`] by handing
/// every call to the wrapped session and watching the bytes go by.
pub struct Observed {
    inner: Box<dyn Session>,
    info: Arc<SessionInfo>,
    sink: Arc<dyn Sink>,
    ticker: Ticker,
    accepted: Duration,
    wire: Option<Arc<WireBytes>>,
    follower: Follower,
    user: Option<Arc<str>>,
    /// POP3: the name given with USER.
    pop3_user: Option<String>,
    /// SASL answers sent for the AUTH under way (kept for finding the user).
    sasl: Vec<String>,
    stats: SessionStats,
    /// When STARTTLS/STLS was accepted; cleared when the handshake finishes.
    tls_began: Option<Duration>,
    /// Client bytes arrived that no reply has answered yet.
    flight: bool,
    finished: bool,
}

impl Observed {
    /// Wraps `inner`; reports `SessionOpened` (and `TlsUp` after implicit TLS).
    pub fn new(inner: Box<dyn Session>, w: Watch) -> Observed {
        // POP3 listings are shown whole in a trace when this small.
        let mut follower = Follower::new(w.info.protocol).keep_data(KEEP_DATA);
        let mut stats = SessionStats::default();
        if let Some(d) = w.implicit_tls {
            follower.set_tls(true);
            stats.tls_handshake_ms = Some(ms(d));
        }
        let o = Observed {
            inner,
            info: Arc::new(w.info),
            sink: w.sink,
            ticker: w.ticker,
            accepted: w.accepted,
            wire: w.wire,
            follower,
            user: None,
            pop3_user: None,
            sasl: Vec::new(),
            stats,
            tls_began: None,
            flight: false,
            finished: false,
        };
        o.opened();
        if w.implicit_tls.is_some() {
            o.emit(LabEvent::Event(tls_up()));
        }
        o
    }

    /// The statistics so far.
    pub fn stats(&self) -> &SessionStats {
        &self.stats
    }

    fn opened(&self) {
        let label = match self.info.peer {
            Some(p) => p.to_string(),
            None => String::new(),
        };
        self.emit(LabEvent::Event(Event::SessionOpened {
            id: self.info.id,
            protocol: self.info.protocol,
            label,
        }));
    }

    fn emit(&self, event: LabEvent) {
        self.sink.record(Record {
            session: self.info.clone(),
            user: self.user.clone(),
            at: self.ticker.now(),
            event,
        });
    }

    /// Bytes the client sent.
    fn client(&mut self, input: &[u8]) {
        self.stats.text_in += input.len() as u64;
        self.flight = true;
        for sent in self.follower.client_bytes(input) {
            match &sent {
                Sent::Command(l) => {
                    if !l.is_empty() {
                        self.stats.commands += 1;
                    }
                    self.stats.lines_in += 1;
                    self.command_sent(l);
                }
                Sent::Literal { .. } => {}
                Sent::Answer { line, secret } => {
                    self.stats.lines_in += 1;
                    if *secret && self.sasl.len() < 4 {
                        self.sasl.push(line.clone());
                    }
                }
                Sent::Rest(_) | Sent::Body(_) | Sent::BodyEnd => self.stats.lines_in += 1,
            }
            self.emit(LabEvent::Event(Event::LineSent(sent)));
        }
    }

    fn command_sent(&mut self, l: &ClientLine) {
        match l.command.as_deref() {
            Some("USER") if self.info.protocol == Protocol::Pop3 => {
                self.pop3_user = l.first_arg();
            }
            Some("AUTH" | "AUTHENTICATE") => self.sasl.clear(),
            _ => {}
        }
    }

    /// Output the server is about to write.
    fn server(&mut self, out: &Output) {
        if out.is_empty() {
            return;
        }
        if self.stats.first_byte_ms.is_none() {
            self.stats.first_byte_ms = Some(ms(self.ticker.now().saturating_sub(self.accepted)));
        }
        self.stats.text_out += out.len() as u64;
        let mut steps = Vec::new();
        for piece in out.pieces() {
            steps.extend(self.follower.server_bytes(piece));
        }
        for step in steps {
            self.step(step);
        }
        if out.start_tls {
            self.tls_began = Some(self.ticker.now());
        }
    }

    fn step(&mut self, step: Step) {
        for p in &step.parts {
            match p {
                crate::protocol::follow::Part::Line { .. } => self.stats.lines_out += 1,
                crate::protocol::follow::Part::Block { lines, .. } => {
                    self.stats.lines_out += *lines as u64
                }
                crate::protocol::follow::Part::Literal { .. } => {}
            }
        }
        let answers = step.command.is_some()
            && matches!(
                step.kind,
                StepKind::Complete | StepKind::Continuation | StepKind::Bye
            );
        if answers && self.flight {
            self.flight = false;
            self.stats.round_trips += 1;
        }
        let login = self.user.is_none() && step.ends_command && self.logged_in(&step);
        let step = Arc::new(step);
        self.emit(LabEvent::Event(Event::Reply(step.clone())));
        if login {
            if let Some(user) = self.login_name(&step) {
                self.user = Some(Arc::from(user.as_str()));
                self.emit(LabEvent::LoggedIn { user });
            }
        }
    }

    /// Whether this step completed a login.
    fn logged_in(&self, step: &Step) -> bool {
        match step.after {
            State::Imap(s) => {
                step.before == State::Imap(ImapState::NotAuthenticated)
                    && matches!(s, ImapState::Authenticated | ImapState::Selected)
            }
            State::Pop3(s) => {
                step.before == State::Pop3(Pop3State::Authorization) && s == Pop3State::Transaction
            }
            State::Smtp(_) => {
                step.command_name() == Some("AUTH") && step.last_line().starts_with("235")
            }
        }
    }

    /// The user a successful login named.
    fn login_name(&self, step: &Step) -> Option<String> {
        let cmd = step.command.as_ref()?;
        let name = match cmd.command.as_deref()? {
            "LOGIN" | "APOP" => cmd.first_arg(),
            "PASS" => self.pop3_user.clone(),
            "AUTH" | "AUTHENTICATE" => {
                let mech = cmd.first_arg()?.to_ascii_uppercase();
                let initial = cmd.args.get(1).map(|a| a.text.clone());
                let mut answers = initial.into_iter().chain(self.sasl.iter().cloned());
                sasl_user(&mech, &mut answers)
            }
            _ => None,
        }?;
        let name = name.trim().to_string();
        (!name.is_empty()).then_some(name)
    }

    /// The session is over: the last steps, the statistics, `SessionClosed`.
    fn finish(&mut self) {
        if self.finished {
            return;
        }
        self.finished = true;
        if self.tls_began.take().is_some() {
            self.emit(LabEvent::Failed(Failure::TlsHandshake));
        }
        for step in self.follower.closed() {
            self.step(step);
        }
        let now = self.ticker.now();
        self.stats.duration_ms = ms(now.saturating_sub(self.accepted));
        self.stats.tls = self.follower.tls();
        if let Some(w) = &self.wire {
            let (i, o) = w.get();
            self.stats.wire_in = Some(i);
            self.stats.wire_out = Some(o);
        }
        self.emit(LabEvent::Stats(self.stats.clone()));
        self.emit(LabEvent::Event(Event::SessionClosed { id: self.info.id }));
    }
}

/// The `TlsUp` event of a server-side handshake (the server verifies no certificate;
/// the TLS layer does not report the suite to the session).
fn tls_up() -> Event {
    Event::TlsUp {
        verified: false,
        version: String::new(),
        cipher: String::new(),
    }
}

/// The user named by a SASL exchange (RFC 4616 PLAIN, LOGIN, RFC 2195 CRAM-MD5);
/// `answers` are the client's base64 answers, the initial response first.
pub(crate) fn sasl_user(mech: &str, answers: &mut dyn Iterator<Item = String>) -> Option<String> {
    let decoded = |s: String| {
        sasl::decode_base64(s.trim())
            .ok()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    };
    match mech {
        "PLAIN" => {
            let mut first = answers.next()?;
            if first == "=" {
                first = answers.next()?;
            }
            match sasl::plain_decode(first.trim()).ok()? {
                sasl::Credentials::Password { user, .. }
                | sasl::Credentials::CramMd5 { user, .. } => Some(user),
            }
        }
        "LOGIN" => decoded(answers.next()?),
        "CRAM-MD5" => decoded(answers.next()?)?
            .split(' ')
            .next()
            .map(str::to_string),
        _ => None,
    }
}

impl Drop for Observed {
    fn drop(&mut self) {
        self.finish();
    }
}

impl Session for Observed {
    fn greeting(&mut self) -> Output {
        let out = self.inner.greeting();
        self.server(&out);
        out
    }

    fn receive(&mut self, input: &[u8]) -> Output {
        if !input.is_empty() {
            self.client(input);
        }
        let out = self.inner.receive(input);
        self.server(&out);
        out
    }

    fn wants_store_events(&self) -> bool {
        self.inner.wants_store_events()
    }

    fn store_changed(&mut self) -> Output {
        let out = self.inner.store_changed();
        self.server(&out);
        out
    }

    fn store_replaced(&mut self) -> Output {
        let out = self.inner.store_replaced();
        self.server(&out);
        out
    }

    fn has_pending_input(&self) -> bool {
        self.inner.has_pending_input()
    }

    fn state(&self) -> State {
        self.inner.state()
    }

    fn timed_out(&mut self) -> Output {
        let out = self.inner.timed_out();
        self.server(&out);
        out
    }

    fn tls_started(&mut self) {
        self.inner.tls_started();
        self.follower.set_tls(true);
        if let Some(began) = self.tls_began.take() {
            let d = ms(self.ticker.now().saturating_sub(began));
            *self.stats.tls_handshake_ms.get_or_insert(0.0) += d;
        }
        self.emit(LabEvent::Event(tls_up()));
    }

    fn disconnected(&mut self) {
        self.inner.disconnected();
        self.finish();
    }

    fn attach_driver(&mut self) {
        self.inner.attach_driver();
    }

    fn take_work(&mut self) -> Option<Work> {
        self.inner.take_work()
    }

    fn work_done(&mut self, result: Box<dyn std::any::Any + Send>) -> Output {
        let out = self.inner.work_done(result);
        self.server(&out);
        out
    }

    fn authenticated(&self) -> bool {
        self.inner.authenticated()
    }

    fn receiving_data(&self) -> bool {
        self.inner.receiving_data()
    }
}

/// Reports a connection that was refused or failed before a session ran: opened,
/// the reply the server sent (if any, followed like any reply), the failure,
/// statistics, closed.
pub fn failed(w: Watch, failure: Failure, reply: &[u8]) {
    let info = Arc::new(w.info);
    let emit = |event| {
        w.sink.record(Record {
            session: info.clone(),
            user: None,
            at: w.ticker.now(),
            event,
        })
    };
    emit(LabEvent::Event(Event::SessionOpened {
        id: info.id,
        protocol: info.protocol,
        label: info.peer.map(|p| p.to_string()).unwrap_or_default(),
    }));
    let mut f = Follower::new(info.protocol);
    f.set_tls(w.implicit_tls.is_some());
    let mut steps = f.server_bytes(reply);
    emit(LabEvent::Failed(failure));
    steps.extend(f.closed());
    let mut stats = SessionStats {
        text_out: reply.len() as u64,
        tls: f.tls(),
        ..SessionStats::default()
    };
    for s in steps {
        stats.lines_out += s.lines().count() as u64;
        emit(LabEvent::Event(Event::Reply(Arc::new(s))));
    }
    if !reply.is_empty() {
        stats.first_byte_ms = Some(ms(w.ticker.now().saturating_sub(w.accepted)));
    }
    stats.duration_ms = ms(w.ticker.now().saturating_sub(w.accepted));
    if let Some(wire) = &w.wire {
        let (i, o) = wire.get();
        stats.wire_in = Some(i);
        stats.wire_out = Some(o);
    }
    emit(LabEvent::Stats(stats));
    emit(LabEvent::Event(Event::SessionClosed { id: info.id }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::{new_session, ServerConfig};
    use crate::store::fixture::default_store;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::Mutex;

    #[derive(Default)]
    struct Keep(Mutex<Vec<Record>>);
    impl Sink for Keep {
        fn record(&self, r: Record) {
            self.0.lock().unwrap().push(r);
        }
    }

    fn watch(p: Protocol, sink: Arc<Keep>, t: Arc<AtomicU64>) -> Watch {
        Watch {
            info: SessionInfo {
                id: 7,
                protocol: p,
                listener: "test".into(),
                peer: None,
            },
            sink,
            ticker: Ticker::from_fn(move || Duration::from_millis(t.load(Ordering::Relaxed))),
            accepted: Duration::ZERO,
            wire: None,
            implicit_tls: None,
        }
    }

    #[test]
    fn pop3_login_lines_stats_and_user() {
        let sink = Arc::new(Keep::default());
        let t = Arc::new(AtomicU64::new(0));
        let store = Arc::new(default_store());
        let inner = new_session(Protocol::Pop3, store, ServerConfig::default());
        let mut s = Observed::new(inner, watch(Protocol::Pop3, sink.clone(), t.clone()));
        t.store(3, Ordering::Relaxed);
        let mut seen_out = s.greeting().len();
        let input = b"USER alex\r\nPASS drums\r\nSTAT\r\nQUIT\r\n";
        t.store(10, Ordering::Relaxed);
        // One flight per line: the client waits for each answer.
        for line in input.split_inclusive(|&b| b == b'\n') {
            seen_out += s.receive(line).len();
        }
        t.store(25, Ordering::Relaxed);
        let stats = s.stats().clone();
        drop(s);
        let recs = sink.0.lock().unwrap();
        let users: Vec<_> = recs
            .iter()
            .filter_map(|r| match &r.event {
                LabEvent::LoggedIn { user } => Some(user.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(users, ["alex"]);
        // Records after the login carry the user.
        let last = recs.last().unwrap();
        assert_eq!(last.user.as_deref(), Some("alex"));
        assert!(matches!(
            last.event,
            LabEvent::Event(Event::SessionClosed { id: 7 })
        ));
        assert_eq!(stats.text_in, input.len() as u64);
        assert_eq!(stats.text_out, seen_out as u64);
        assert_eq!(stats.commands, 4);
        assert_eq!(stats.lines_in, 4);
        assert_eq!(stats.round_trips, 4);
        assert_eq!(stats.first_byte_ms, Some(3.0));
        let end = recs
            .iter()
            .find_map(|r| match &r.event {
                LabEvent::Stats(s) => Some(s.clone()),
                _ => None,
            })
            .unwrap();
        assert_eq!(end.duration_ms, 25.0);
        // The password is in the event, marked secret: a front end masks it.
        let pass = recs
            .iter()
            .find_map(|r| match &r.event {
                LabEvent::Event(Event::LineSent(s @ Sent::Command(l)))
                    if l.command.as_deref() == Some("PASS") =>
                {
                    s.shown()
                }
                _ => None,
            })
            .unwrap();
        assert_eq!(pass, "PASS ****");
    }

    #[test]
    fn pipelined_smtp_is_one_round_trip_and_sasl_names_the_user() {
        let sink = Arc::new(Keep::default());
        let t = Arc::new(AtomicU64::new(0));
        let store = Arc::new(default_store());
        let inner = new_session(Protocol::Smtp, store, ServerConfig::default());
        let mut s = Observed::new(inner, watch(Protocol::Smtp, sink.clone(), t));
        s.greeting();
        s.receive(b"EHLO me\r\n");
        let plain = sasl::plain_encode("", "riley", "firefly");
        s.receive(format!("AUTH PLAIN {plain}\r\n").as_bytes());
        s.receive(b"MAIL FROM:<x@example.org>\r\nRSET\r\nNOOP\r\n");
        assert_eq!(s.stats().round_trips, 3);
        assert_eq!(s.stats().commands, 5);
        drop(s);
        let recs = sink.0.lock().unwrap();
        let login = recs
            .iter()
            .find_map(|r| match &r.event {
                LabEvent::LoggedIn { user } => Some(user.clone()),
                _ => None,
            })
            .expect("a login");
        assert_eq!(login, "riley");
    }

    #[test]
    fn a_failed_connection_reports_its_reply_and_failure() {
        let sink = Arc::new(Keep::default());
        let t = Arc::new(AtomicU64::new(0));
        failed(
            watch(Protocol::Imap, sink.clone(), t),
            Failure::Busy,
            b"* BYE [UNAVAILABLE] later\r\n",
        );
        let recs = sink.0.lock().unwrap();
        assert!(recs
            .iter()
            .any(|r| matches!(r.event, LabEvent::Failed(Failure::Busy))));
        let replies: Vec<String> = recs
            .iter()
            .filter_map(|r| match &r.event {
                LabEvent::Event(Event::Reply(s)) if s.kind != StepKind::Close => {
                    Some(s.first_line())
                }
                _ => None,
            })
            .collect();
        assert_eq!(replies, ["* BYE [UNAVAILABLE] later"]);
    }
}
