//! The REPL's core, shared by interactive and script mode: the open sessions, what
//! a typed line turns into on the wire, waiting for replies, and the meta commands.
//!
//! A typed line goes through [`Engine::handle_line`], which sends it and (in the
//! ordinary case) waits until the reply is complete: IMAP its tagged line or a `+`
//! continuation, SMTP the last line of a reply, POP3 the status line or the `.` that
//! ends a multi-line answer. Lines that need no reply (literal octets, DATA body
//! lines) go out at once. Output goes to a [`Sink`] and, plain and masked, to the
//! transcript.

use std::collections::VecDeque;
use std::io::Write as _;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;

use super::conn::{Conn, ConnEvent, Part, Response, MAX_KEPT};
use super::mask::{self, MASK};
use super::meta::{self, Meta};
use super::render::{self, Note, Out, View};
use super::state::prompt_state;
use super::tagger::Tagger;
use super::tls::{self as repl_tls, Endpoint};
use super::{Options, Target};
pub use crate::protocol::follow::line::count_args;
use crate::protocol::follow::{
    ClientLine, Event, Expect, Follower, Literal, Observer, Sent, StepKind,
};
use crate::protocol::{self, sasl, Protocol};
use crate::server::ServerConfig;
use crate::transport;
use crate::transport::tls::LazyServerTls;

/// Where output lines go.
pub trait Sink: Send {
    /// Prints one line. `echo` marks a line that repeats what the learner typed
    /// (interactive mode skips it: the terminal shows it already).
    fn line(&mut self, out: &Out, echo: bool);
}

/// How long script mode waits for a reply before going on.
pub const REPLY_TIMEOUT: Duration = Duration::from_secs(30);
/// Lines of transcript kept in memory for `:save`.
const MAX_HISTORY: usize = 200_000;
/// Largest file `:append` sends.
const MAX_APPEND: u64 = 64 * 1024 * 1024;

/// What the next typed line is, for the current session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputMode {
    /// A command.
    Command,
    /// Octets of a client literal (RFC 3501 §4.3): `left` still to gather.
    Literal {
        left: u64,
        buf: Vec<u8>,
        secret: bool,
        /// The command the literal belongs to.
        command: Arc<ClientLine>,
        /// Arguments up to and with this literal, to know whether the next is secret.
        args_before: usize,
    },
    /// The rest of a command after a literal. On the wire it follows the literal's
    /// last octets on the same line, so it is shown after `shown` (that last piece).
    Rest {
        command: Arc<ClientLine>,
        args_before: usize,
        shown: String,
    },
    /// An answer to a continuation request (SASL data, IMAP `DONE`).
    Continuation { secret: bool, idle: bool },
    /// SMTP message body after 354, up to a lone `.` (RFC 5321 §4.1.1.4).
    DataBody,
}

/// A `:auth` exchange in progress.
struct AutoAuth {
    exchange: sasl::ClientExchange,
}

/// One session: a connection and everything the REPL knows about it.
struct ClientSession {
    id: usize,
    protocol: Protocol,
    label: String,
    conn: Conn,
    /// Follows the session from both sides: every byte written and read goes through it.
    follower: Follower,
    tagger: Tagger,
    input: InputMode,
    /// A literal announced in the last command, waiting for the server's `+`: the
    /// literal, its command, the arguments up to and with it.
    literal_wait: Option<(Literal, Arc<ClientLine>, usize)>,
    /// `:append` data to send at the server's `+`.
    append_data: Option<Vec<u8>>,
    auth: Option<AutoAuth>,
    /// The last elided literal or block and how much of it was shown.
    last_data: Option<(Vec<u8>, usize)>,
    /// The tag (IMAP) whose reply is awaited.
    wait_tag: Option<String>,
    /// A continuation request arrived while waiting.
    got_continuation: bool,
    /// The real server (None: the embedded one).
    endpoint: Option<Endpoint>,
    /// A STARTTLS / STLS handshake is under way.
    tls_pending: bool,
    /// TLS is on but the certificate was not verified (`--insecure`).
    unverified: bool,
}

/// The REPL's state.
pub struct Engine {
    opts: Options,
    sessions: Vec<ClientSession>,
    current: usize,
    events_tx: mpsc::Sender<ConnEvent>,
    events_rx: mpsc::Receiver<ConnEvent>,
    sink: Box<dyn Sink>,
    transcript: Option<std::fs::File>,
    history: VecDeque<String>,
    explain: bool,
    /// True in script mode: typed lines are echoed as `C:` lines.
    script: bool,
    reply_timeout: Option<Duration>,
    quit: bool,
    /// The embedded server's certificate (made on the first STARTTLS).
    lab_tls: std::sync::Arc<LazyServerTls>,
    /// Who watches the sessions' events (a lesson checker, a trace).
    observers: Vec<Box<dyn Observer>>,
}

/// What a notes lookup needs. `local`: the bytes never leave this machine (the
/// embedded server or loopback), which a clear-text warning then says too.
fn notes_for(p: Protocol, line: &str, ctx: &protocol::explain::Context, local: bool) -> Vec<Note> {
    let mut notes = Vec::new();
    for e in protocol::explain::explain_line(p, line, ctx) {
        let cleartext = e.id.contains(".warn.cleartext");
        notes.push(Note {
            text: e.text,
            rfc: e.rfc.unwrap_or_default(),
        });
        if cleartext && local {
            if let Some(t) = protocol::text::current().lookup("repl.local_only") {
                notes.push(Note {
                    text: t.to_string(),
                    rfc: "RFC 8314 §1".into(),
                });
            }
        }
    }
    notes
}

impl Engine {
    /// Creates the engine and opens the first session. `Err` when the first
    /// connection cannot be made.
    pub async fn start(opts: Options, sink: Box<dyn Sink>, script: bool) -> Result<Engine, String> {
        let (events_tx, events_rx) = mpsc::channel(64);
        let transcript = match &opts.transcript {
            Some(path) => Some(
                std::fs::File::create(path)
                    .map_err(|e| format!("cannot write transcript {}: {e}", path.display()))?,
            ),
            None => None,
        };
        let mut engine = Engine {
            explain: opts.explain,
            opts,
            sessions: Vec::new(),
            current: 0,
            events_tx,
            events_rx,
            sink,
            transcript,
            history: VecDeque::new(),
            script,
            reply_timeout: script.then_some(REPLY_TIMEOUT),
            quit: false,
            lab_tls: LazyServerTls::lab(LazyServerTls::default_dir()),
            observers: Vec::new(),
        };
        if script {
            engine.reply_timeout = Some(engine.opts.tls.reply_timeout);
        }
        let target = match &engine.opts.target {
            Target::Embedded => None,
            Target::Remote(addr) => Some(addr.clone()),
        };
        let protocol = engine.opts.protocol;
        engine.open_session(protocol, target).await?;
        Ok(engine)
    }

    /// Registers an observer: it gets every event of every session from now on, and
    /// may handle meta commands the REPL does not know ([`Observer::meta`]).
    pub fn add_observer(&mut self, o: Box<dyn Observer>) {
        self.observers.push(o);
    }

    /// Hands an event of session `idx` to every observer.
    fn notify(&mut self, idx: usize, ev: &Event) {
        let Some(id) = self.sessions.get(idx).map(|s| s.id) else {
            return;
        };
        for o in &mut self.observers {
            o.event(id, ev);
        }
    }

    /// Whether `:quit` was given.
    pub fn quitting(&self) -> bool {
        self.quit
    }

    /// The protocol of the current session.
    pub fn protocol(&self) -> Protocol {
        self.sessions
            .get(self.current)
            .map_or(self.opts.protocol, |s| s.protocol)
    }

    /// The input mode of the current session.
    pub fn input_mode(&self) -> InputMode {
        self.sessions
            .get(self.current)
            .map_or(InputMode::Command, |s| s.input.clone())
    }

    /// The current session's state id (see [`protocol::states`]).
    pub fn state_id(&self) -> &'static str {
        self.sessions
            .get(self.current)
            .map_or("", |s| s.follower.state().id())
    }

    /// Mailbox names the current session has seen.
    pub fn mailboxes(&self) -> Vec<String> {
        self.sessions
            .get(self.current)
            .map(|s| s.follower.mailboxes().iter().cloned().collect())
            .unwrap_or_default()
    }

    /// The prompt: `imap · selected INBOX> `, `[2] smtp · in DATA> `.
    pub fn prompt(&self) -> String {
        let Some(s) = self.sessions.get(self.current) else {
            return "maillab> ".into();
        };
        let prefix = if self.sessions.len() > 1 {
            format!("[{}] ", s.id)
        } else {
            String::new()
        };
        let what = match &s.input {
            InputMode::Command | InputMode::DataBody => prompt_state(&s.follower),
            InputMode::Literal { left, .. } => format!("literal, {left} octets to go"),
            InputMode::Rest { .. } => "rest of the command (Enter ends it)".into(),
            InputMode::Continuation { idle: true, .. } => "idling (DONE ends it)".into(),
            InputMode::Continuation { .. } => "answer the server (base64, * cancels)".into(),
        };
        let lock = match (s.follower.tls() && !s.tls_pending, s.unverified) {
            (true, false) => "🔒 ",
            (true, true) => "🔓 INSECURE (certificate not verified) ",
            _ => "",
        };
        format!("{prefix}{lock}{} · {what}> ", s.protocol)
    }

    // ------------------------------------------------------------------ output

    fn record(&mut self, plain: &str) {
        if let Some(f) = &mut self.transcript {
            if writeln!(f, "{plain}").is_err() {
                self.transcript = None;
            }
        }
        if self.history.len() >= MAX_HISTORY {
            self.history.pop_front();
        }
        self.history.push_back(plain.to_string());
    }

    fn emit(&mut self, out: Out) {
        self.record(&out.plain);
        self.sink.line(&out, false);
    }

    /// A line that repeats input: in the transcript always, on screen in script mode.
    fn emit_echo(&mut self, out: Out) {
        self.record(&out.plain);
        self.sink.line(&out, !self.script);
    }

    /// Output shown on screen but masked in transcripts and script output.
    fn emit_secret(&mut self, live: Out, masked: Out) {
        self.record(&masked.plain);
        if self.script {
            self.sink.line(&masked, false);
        } else {
            self.sink.line(&live, false);
        }
    }

    fn note(&mut self, text: &str) {
        self.emit(Out::note(text));
    }

    fn warn(&mut self, text: &str) {
        self.emit(Out::warn(text));
    }

    // ---------------------------------------------------------------- sessions

    async fn open_session(
        &mut self,
        protocol: Protocol,
        remote: Option<String>,
    ) -> Result<(), String> {
        let settings = self.opts.tls.clone();
        let mut summary = None;
        let (stream, label, endpoint) = match &remote {
            None => (
                crate::server::embedded::connect_embedded_tls(
                    protocol,
                    self.opts.store.clone(),
                    ServerConfig::default(),
                    Some(self.lab_tls.clone()),
                ),
                "the embedded server".to_string(),
                None,
            ),
            Some(url) => {
                let ep = repl_tls::parse_endpoint(url, Some(protocol.name()), settings.submission)?;
                let tcp = transport::connect_tcp(&ep.addr, settings.connect_timeout)
                    .await
                    .map_err(|e| repl_tls::connect_error(&ep.addr, &e))?;
                let stream = if ep.implicit {
                    let opts = settings.client_options(None)?;
                    let (s, sum) = transport::tls::connect(tcp, &ep.host, &opts)
                        .await
                        .map_err(|e| format!("{}: {e}", ep.addr))?;
                    summary = Some(sum);
                    s
                } else {
                    tcp
                };
                (stream, ep.url.clone(), Some(ep))
            }
        };
        let id = self.sessions.len() + 1;
        let conn = Conn::spawn(id, stream, self.events_tx.clone());
        self.sessions.push(ClientSession {
            id,
            protocol,
            label,
            conn,
            follower: Follower::new(protocol).keep_data(MAX_KEPT),
            tagger: Tagger::new(),
            input: InputMode::Command,
            literal_wait: None,
            append_data: None,
            auth: None,
            last_data: None,
            wait_tag: None,
            got_continuation: false,
            endpoint,
            tls_pending: false,
            unverified: false,
        });
        let opened = Event::SessionOpened {
            id,
            protocol,
            label: self.sessions[id - 1].label.clone(),
        };
        self.notify(id - 1, &opened);
        if let Some(sum) = summary {
            self.tls_up(id - 1, &sum);
        }
        self.current = id - 1;
        if self.sessions.len() > 1 {
            self.note(&format!(
                "session {id}: {protocol} on {}",
                self.sessions[id - 1].label
            ));
        }
        self.wait_reply(Some(Duration::from_secs(10))).await;
        let s = &self.sessions[id - 1];
        if settings.starttls
            && s.endpoint.as_ref().is_some_and(|e| !e.implicit)
            && !s.follower.is_closed()
        {
            if protocol == Protocol::Smtp {
                self.send_command("EHLO maillab.localdomain").await;
            }
            let upgrade = if protocol == Protocol::Pop3 {
                "STLS"
            } else {
                "STARTTLS"
            };
            self.send_command(upgrade).await;
            let s = &self.sessions[id - 1];
            if !s.follower.tls() || s.follower.is_closed() {
                return Err(format!(
                    "--starttls: the server did not upgrade session {id} to TLS"
                ));
            }
            if protocol == Protocol::Smtp {
                self.send_command("EHLO maillab.localdomain").await;
            }
        }
        Ok(())
    }

    /// The handshake on session `idx` finished: say what was negotiated.
    fn tls_up(&mut self, idx: usize, sum: &transport::tls::TlsSummary) {
        let s = &mut self.sessions[idx];
        s.follower.set_tls(true);
        s.tls_pending = false;
        s.unverified = !sum.verified;
        let ev = Event::TlsUp {
            verified: sum.verified,
            version: sum.version.clone(),
            cipher: sum.cipher_suite.clone(),
        };
        self.notify(idx, &ev);
        for line in repl_tls::summary_lines(sum) {
            self.emit(Out::meta(&line));
        }
    }

    /// The server accepted STARTTLS / STLS on session `idx`: hand the stream to TLS.
    fn begin_upgrade(&mut self, idx: usize) {
        let (host, extra) = match &self.sessions[idx].endpoint {
            Some(ep) => (ep.host.clone(), None),
            // The embedded server's certificate is the lab CA's: trust it.
            None => (
                "localhost".to_string(),
                self.lab_tls.ca_pem().ok().and_then(|pem| {
                    use rustls::pki_types::pem::PemObject;
                    rustls::pki_types::CertificateDer::from_pem_slice(pem.as_bytes()).ok()
                }),
            ),
        };
        match self.opts.tls.client_options(extra) {
            Ok(opts) => {
                let s = &mut self.sessions[idx];
                s.tls_pending = s.conn.start_tls(host, opts);
            }
            Err(e) => self.warn(&e),
        }
    }

    /// Takes every event already queued, without waiting (interactive mode calls it
    /// when a line arrives).
    pub fn drain_events(&mut self) {
        while let Ok(ev) = self.events_rx.try_recv() {
            self.process_event(ev);
        }
    }

    /// Waits for the next event from any connection and handles it. Returns false
    /// when no connection can send anything any more.
    pub async fn next_event(&mut self) -> bool {
        match self.events_rx.recv().await {
            Some(ev) => {
                self.process_event(ev);
                true
            }
            None => false,
        }
    }

    fn process_event(&mut self, ev: ConnEvent) {
        match ev {
            ConnEvent::Data(id, bytes) => {
                let Some(idx) = self.sessions.iter().position(|s| s.id == id) else {
                    return;
                };
                let steps = self.sessions[idx].follower.server_bytes(&bytes);
                super::conn::recycle(bytes);
                for r in steps {
                    self.handle_response(idx, r);
                }
            }
            ConnEvent::TlsUp(id, sum) => {
                let Some(idx) = self.sessions.iter().position(|s| s.id == id) else {
                    return;
                };
                self.tls_up(idx, &sum);
                let p = self.sessions[idx].protocol;
                self.emit(Out::meta(&repl_tls::after_upgrade_note(p)));
            }
            ConnEvent::TlsFailed(id, why) => {
                if let Some(s) = self.sessions.iter_mut().find(|s| s.id == id) {
                    s.tls_pending = false;
                }
                self.warn(&why);
                self.process_event(ConnEvent::Closed(id, None));
            }
            ConnEvent::Closed(id, err) => {
                let Some(idx) = self.sessions.iter().position(|s| s.id == id) else {
                    return;
                };
                if self.sessions[idx].follower.is_closed() {
                    return;
                }
                let mid = self.sessions[idx].follower.is_mid_response();
                for r in self.sessions[idx].follower.closed() {
                    if r.kind != StepKind::Close {
                        self.handle_response(idx, r);
                    }
                }
                self.notify(idx, &Event::SessionClosed { id });
                let s = &mut self.sessions[idx];
                s.input = InputMode::Command;
                s.literal_wait = None;
                s.auth = None;
                s.append_data = None;
                let mut text = match err {
                    Some(e) => format!("the connection of session {id} failed: {e}"),
                    None => format!("the server closed the connection (session {id})"),
                };
                if mid {
                    text.push_str(" in the middle of a response");
                }
                text.push_str("; :connect opens a new session, :quit leaves");
                self.note(&text);
            }
        }
    }

    fn handle_response(&mut self, idx: usize, mut r: Response) {
        let background = idx != self.current;
        let s = &mut self.sessions[idx];
        let p = s.protocol;
        let ctx = protocol::explain::step_context(&r);
        let local = s
            .endpoint
            .as_ref()
            .is_none_or(|e| repl_tls::is_loopback(&e.host));
        // POP3 listings (LIST, UIDL, CAPA) are not message bodies: never elided.
        let message = p != Protocol::Pop3 || matches!(r.command_name(), Some("RETR" | "TOP"));
        let view = View {
            explain: self.explain,
            full: self.opts.full || !message,
            prefix: if background {
                format!("[{}] ", s.id)
            } else {
                String::new()
            },
        };
        let rendered = render::response(
            p,
            &r,
            &view,
            &mut |line| notes_for(p, line, &ctx, local),
            &mut |octets| {
                if !message {
                    return Vec::new();
                }
                let e = protocol::explain::explain_body(p, octets);
                vec![Note {
                    text: e.text,
                    rfc: e.rfc.unwrap_or_default(),
                }]
            },
        );
        if let Some((part, shown)) = rendered.elided {
            // Kept for :more; moved, not copied (a literal can be megabytes).
            let data = match r.parts.get_mut(part) {
                Some(Part::Literal { data, .. }) | Some(Part::Block { data, .. }) => {
                    std::mem::take(data)
                }
                _ => Vec::new(),
            };
            s.last_data = Some((data, shown));
        }
        for out in rendered.lines {
            self.emit(out);
        }
        // Observers see the step as rendered (data kept for :more is moved out).
        let r = if self.observers.is_empty() {
            r
        } else {
            let shared = std::sync::Arc::new(r);
            self.notify(idx, &Event::Reply(shared.clone()));
            std::sync::Arc::unwrap_or_clone(shared)
        };
        let s = &mut self.sessions[idx];
        if r.kind == StepKind::Continuation {
            let challenge = continuation_text(p, &r);
            if let Some(mut auth) = s.auth.take() {
                match auth.exchange.respond(&challenge) {
                    Ok((decoded, resp)) => {
                        let masked = resp.shown.contains(MASK);
                        s.auth = Some(auth);
                        let wire = resp.base64.clone();
                        self.emit(Out::meta(&format!(
                            "the challenge \"{challenge}\" is base64 for \"{}\"",
                            render::escape(decoded.as_bytes())
                        )));
                        self.emit(Out::meta(&format!(
                            "answer: \"{}\" in base64",
                            render::escape(resp.shown.as_bytes())
                        )));
                        self.send_raw(idx, &wire, masked);
                    }
                    Err(e) => {
                        self.warn(&format!(
                            "cannot answer the challenge: {e}; cancelling with *"
                        ));
                        self.send_raw(idx, "*", false);
                    }
                }
                return;
            }
            if let Some(data) = s.append_data.take() {
                let len = data.len();
                let mut bytes = data;
                bytes.extend_from_slice(b"\r\n");
                self.write(idx, bytes);
                self.emit(render::client_line(
                    p,
                    &format!("[{len} octets of the message, then CRLF]"),
                    "",
                ));
                return;
            }
            if let Some((lit, command, args_before)) = s.literal_wait.take() {
                s.input = InputMode::Literal {
                    left: lit.size,
                    buf: Vec::new(),
                    secret: lit.secret,
                    command,
                    args_before,
                };
            } else {
                s.input = match s.follower.expect() {
                    Expect::Body => InputMode::DataBody,
                    Expect::IdleDone => InputMode::Continuation {
                        secret: false,
                        idle: true,
                    },
                    Expect::Answer { secret } => InputMode::Continuation {
                        secret: *secret,
                        idle: false,
                    },
                    _ => InputMode::Continuation {
                        secret: false,
                        idle: false,
                    },
                };
            }
            s.got_continuation = true;
            return;
        }
        if r.tls_start && !r.tls && !s.tls_pending {
            self.begin_upgrade(idx);
        }
        let s = &mut self.sessions[idx];
        if r.ends_command {
            let done_tag = r.command.as_ref().and_then(|c| c.tag.clone());
            let ends_wait = match (&s.wait_tag, &done_tag) {
                (Some(w), Some(t)) => w == t,
                _ => true,
            };
            if ends_wait {
                s.literal_wait = None;
                s.append_data = None;
                if !s.follower.waiting() {
                    s.auth = None;
                }
                if matches!(
                    s.input,
                    InputMode::Continuation { .. }
                        | InputMode::DataBody
                        | InputMode::Literal { .. }
                ) && (p != Protocol::Imap || done_tag.is_some())
                {
                    if matches!(s.input, InputMode::Literal { .. }) {
                        s.input = InputMode::Command;
                        self.note("the server answered before the literal was complete: the command is over");
                    } else {
                        s.input = InputMode::Command;
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------- input

    /// Handles one typed line: a meta command, a command for the server, or the
    /// next piece of a literal, DATA body or SASL exchange. Waits for the reply
    /// when one is due.
    pub async fn handle_line(&mut self, line: &str) {
        let line = line.trim_end_matches(['\r', '\n']);
        self.drain_events();
        let mode = self.input_mode();
        let trimmed = line.trim_start();
        if trimmed.starts_with(':') {
            let parsed = meta::parse(trimmed);
            let data_mode = matches!(mode, InputMode::Literal { .. } | InputMode::DataBody);
            match parsed {
                Ok(m) => {
                    self.emit_echo(Out::same(format!("M: {}", mask::mask_meta(trimmed))));
                    self.run_meta(m).await;
                    return;
                }
                Err(e) if !data_mode => {
                    self.emit_echo(Out::same(format!("M: {}", mask::mask_meta(trimmed))));
                    match self.observers.iter_mut().find_map(|o| o.meta(trimmed)) {
                        Some(res) => {
                            for l in &res.lines {
                                self.emit(Out::meta(l));
                            }
                            for l in res.send {
                                Box::pin(self.handle_line(&l)).await;
                            }
                        }
                        None => self.warn(&e),
                    }
                    return;
                }
                Err(_) => {}
            }
        }
        let Some(s) = self.sessions.get(self.current) else {
            return;
        };
        if s.follower.is_closed() {
            self.warn("this session is closed: :connect opens a new one, :sessions lists them, :quit leaves");
            return;
        }
        match mode {
            InputMode::Command => self.send_command(line).await,
            InputMode::Literal { .. } => self.literal_line(line).await,
            InputMode::Rest {
                command,
                args_before,
                shown,
            } => {
                let rest = ClientLine::rest(&command, args_before, line);
                self.send_line(rest, command, &shown).await
            }
            InputMode::Continuation { secret, .. } => {
                let idx = self.current;
                self.sessions[idx].input = InputMode::Command;
                self.send_raw(idx, line, secret);
                self.wait_reply(self.reply_timeout).await;
            }
            InputMode::DataBody => self.data_line(line).await,
        }
    }

    /// Writes bytes to session `idx`'s server; the follower sees them first.
    fn write(&mut self, idx: usize, bytes: Vec<u8>) {
        let s = &mut self.sessions[idx];
        let sent = s.follower.client_bytes(&bytes);
        s.conn.write(bytes);
        self.sent(idx, sent);
    }

    /// Tells the observers what the client sent.
    fn sent(&mut self, idx: usize, sent: Vec<Sent>) {
        if self.observers.is_empty() {
            return;
        }
        for x in sent {
            self.notify(idx, &Event::LineSent(x));
        }
    }

    /// Writes a parsed command line (plus CRLF) to session `idx`'s server.
    fn write_command(&mut self, idx: usize, line: &ClientLine) {
        let s = &mut self.sessions[idx];
        let sent = s.follower.client_line(line);
        let mut bytes = line.raw.as_bytes().to_vec();
        bytes.extend_from_slice(b"\r\n");
        s.conn.write(bytes);
        self.sent(idx, sent);
    }

    /// Sends a line as typed (plus CRLF), showing it masked when `secret`.
    fn send_raw(&mut self, idx: usize, line: &str, secret: bool) {
        let mut bytes = line.as_bytes().to_vec();
        bytes.extend_from_slice(b"\r\n");
        self.write(idx, bytes);
        let p = self.sessions[idx].protocol;
        let shown = if secret { MASK } else { line };
        self.emit_echo(render::client_line(p, shown, ""));
    }

    async fn send_command(&mut self, line: &str) {
        if line.trim().is_empty() {
            return;
        }
        let idx = self.current;
        let p = self.sessions[idx].protocol;
        match p {
            Protocol::Imap => {
                let tagged = self.sessions[idx].tagger.tag(line);
                let masked = tagged.line.masked();
                let s = &mut self.sessions[idx];
                s.wait_tag = Some(tagged.tag().to_string());
                // Interactive mode shows the wire line when it differs from what
                // was typed (the tag the REPL added).
                if tagged.added {
                    self.emit(render::client_line(p, &masked, ""));
                } else {
                    self.emit_echo(render::client_line(p, &masked, ""));
                }
                let line = Arc::new(tagged.line);
                self.write_command(idx, &line);
                self.after_line(idx, &line.clone(), &line).await;
            }
            Protocol::Smtp | Protocol::Pop3 => {
                let cl = ClientLine::parse(p, line);
                self.sessions[idx].wait_tag = None;
                self.emit_echo(render::client_line(p, &cl.masked(), ""));
                self.write_command(idx, &cl);
                if p == Protocol::Smtp && cl.command.as_deref() == Some("BDAT") {
                    // RFC 3030: BDAT's octets follow the command without a reply in
                    // between: gather them like a literal.
                    if let Some(lit) = cl.literal {
                        if lit.size > 0 {
                            self.sessions[idx].input = InputMode::Literal {
                                left: lit.size,
                                buf: Vec::new(),
                                secret: false,
                                command: Arc::new(cl),
                                args_before: 0,
                            };
                            return;
                        }
                    }
                }
                self.wait_reply(self.reply_timeout).await;
            }
        }
    }

    /// After an IMAP line (first line or rest after a literal) went out: a literal
    /// to gather, or the wait for the reply.
    async fn after_line(&mut self, idx: usize, command: &Arc<ClientLine>, part: &ClientLine) {
        let s = &mut self.sessions[idx];
        s.got_continuation = false;
        if let Some(lit) = part.literal {
            let args_before = part.args_through();
            if lit.non_sync {
                s.input = InputMode::Literal {
                    left: lit.size,
                    buf: Vec::new(),
                    secret: lit.secret,
                    command: command.clone(),
                    args_before,
                };
                if lit.size == 0 {
                    self.finish_literal(idx).await;
                }
                return;
            }
            s.literal_wait = Some((lit, command.clone(), args_before));
        }
        self.wait_reply(self.reply_timeout).await;
        let s = &mut self.sessions[idx];
        if let InputMode::Literal { left: 0, .. } = s.input {
            self.finish_literal(idx).await;
        }
    }

    /// A rest-of-command line after a literal, shown after the literal's last piece.
    async fn send_line(&mut self, rest: ClientLine, command: Arc<ClientLine>, shown: &str) {
        let idx = self.current;
        let p = self.protocol();
        let line = format!("{shown}{}", rest.masked());
        self.emit_echo(render::client_line(p, &line, ""));
        self.sessions[idx].input = InputMode::Command;
        let mut bytes = rest.raw.as_bytes().to_vec();
        bytes.extend_from_slice(b"\r\n");
        self.write(idx, bytes);
        self.after_line(idx, &command, &rest).await;
    }

    async fn literal_line(&mut self, line: &str) {
        let idx = self.current;
        let InputMode::Literal { left, buf, .. } = &mut self.sessions[idx].input else {
            return;
        };
        let len = line.len() as u64;
        if len == *left {
            buf.extend_from_slice(line.as_bytes());
            *left = 0;
        } else if len + 2 <= *left {
            buf.extend_from_slice(line.as_bytes());
            buf.extend_from_slice(b"\r\n");
            *left -= len + 2;
        } else {
            let need = *left;
            self.warn(&format!(
                "this line is {len} octets ({} with its CRLF) but the literal needs exactly {need} more: \
                 type a line of {need} octets to end it, or of at most {} to go on",
                len + 2,
                need.saturating_sub(2)
            ));
            return;
        }
        if let InputMode::Literal { left: 0, .. } = self.sessions[idx].input {
            self.finish_literal(idx).await;
        }
    }

    /// Sends a gathered literal; the next line is the rest of the command.
    async fn finish_literal(&mut self, idx: usize) {
        let s = &mut self.sessions[idx];
        let InputMode::Literal {
            buf,
            secret,
            command,
            args_before,
            ..
        } = std::mem::replace(&mut s.input, InputMode::Command)
        else {
            return;
        };
        let p = s.protocol;
        self.write(idx, buf.clone());
        if p == Protocol::Smtp {
            // BDAT: the chunk is complete; its reply follows.
            let shown = format!("[{} octets of BDAT data]", buf.len());
            self.emit_echo(render::client_line(p, &shown, ""));
            self.wait_reply(self.reply_timeout).await;
            return;
        }
        // Every line of the literal but the last: the last shares its wire line
        // with the rest of the command, shown when that is typed.
        let shown = if secret {
            MASK.to_string()
        } else {
            let text = String::from_utf8_lossy(&buf).into_owned();
            let mut pieces: Vec<&str> = text.split("\r\n").collect();
            let last = pieces.pop().unwrap_or_default().to_string();
            for l in pieces {
                self.emit_echo(render::client_line(p, l, ""));
            }
            last
        };
        self.sessions[idx].input = InputMode::Rest {
            command,
            args_before,
            shown,
        };
    }

    async fn data_line(&mut self, line: &str) {
        let idx = self.current;
        let p = self.protocol();
        if line == "." {
            self.sessions[idx].input = InputMode::Command;
            self.send_raw(idx, ".", false);
            self.wait_reply(self.reply_timeout).await;
            return;
        }
        let wire = if line.starts_with('.') {
            format!(".{line}")
        } else {
            line.to_string()
        };
        let mut bytes = wire.as_bytes().to_vec();
        bytes.extend_from_slice(b"\r\n");
        self.write(idx, bytes);
        if wire.len() != line.len() {
            self.emit(render::client_line(p, &wire, ""));
            self.note(
                "dot-stuffed: a body line that starts with \".\" gets one more \".\" so it cannot \
                 end the message; the server removes it (RFC 5321 §4.5.2)",
            );
        } else {
            self.emit_echo(render::client_line(p, &wire, ""));
        }
    }

    // ----------------------------------------------------------------- waiting

    fn wait_done(&self) -> bool {
        let Some(s) = self.sessions.get(self.current) else {
            return true;
        };
        if s.tls_pending {
            return false;
        }
        if s.follower.is_closed() || s.got_continuation {
            return true;
        }
        if matches!(s.input, InputMode::Literal { .. }) {
            return true;
        }
        match (&s.wait_tag, s.protocol) {
            (Some(tag), Protocol::Imap) => {
                !s.follower.is_pending_tag(tag) && !s.follower.awaiting_greeting()
            }
            _ => !s.follower.waiting(),
        }
    }

    /// Handles events until the current session's reply is complete (or `limit`
    /// passes, which is said).
    pub async fn wait_reply(&mut self, limit: Option<Duration>) {
        if let Some(s) = self.sessions.get_mut(self.current) {
            s.got_continuation = false;
        }
        let deadline = limit.map(|d| tokio::time::Instant::now() + d);
        while !self.wait_done() {
            let ev = match deadline {
                Some(d) => match tokio::time::timeout_at(d, self.events_rx.recv()).await {
                    Ok(ev) => ev,
                    Err(_) => {
                        let secs = limit.map_or(0, |l| l.as_secs());
                        self.note(&format!("no complete reply within {secs} s; going on"));
                        // SMTP and POP3 answer in order: a reply that never came
                        // must not hold up every later command. (IMAP waits by tag.)
                        if let Some(s) = self.sessions.get_mut(self.current) {
                            if s.protocol != Protocol::Imap {
                                s.follower.forget_pending();
                            }
                        }
                        return;
                    }
                },
                None => self.events_rx.recv().await,
            };
            match ev {
                Some(ev) => self.process_event(ev),
                None => return,
            }
        }
    }

    /// `:wait`: shows whatever arrives during `secs` seconds.
    pub async fn pump(&mut self, secs: f64) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs_f64(secs);
        while let Ok(Some(ev)) = tokio::time::timeout_at(deadline, self.events_rx.recv()).await {
            self.process_event(ev);
        }
    }

    /// Stops waiting (Ctrl-C): the pending replies will print when they come.
    pub fn cancel_wait(&mut self) {
        self.note("stopped waiting; the reply will show when it arrives");
    }

    // ------------------------------------------------------------- meta commands

    async fn run_meta(&mut self, m: Meta) {
        match m {
            Meta::Quit => {
                for s in &self.sessions {
                    s.conn.close();
                }
                self.quit = true;
            }
            Meta::Help(None) => self.help_overview(),
            Meta::Help(Some(cmd)) => self.help_command(&cmd),
            Meta::ExplainToggle(on) => {
                self.explain = on;
                self.note(if on {
                    "explanations on"
                } else {
                    "explanations off (:explain on brings them back)"
                });
            }
            Meta::ExplainText(text) => {
                let p = protocol::explain::guess_protocol(&text);
                // The current session's state is context only for its own protocol.
                let ctx = protocol::explain::Context {
                    state: if p == self.protocol() {
                        self.state_id().to_string()
                    } else {
                        String::new()
                    },
                    ..Default::default()
                };
                let notes = notes_for(p, &text, &ctx, false);
                if notes.is_empty() {
                    self.emit(Out::meta("no explanation for this line"));
                }
                for out in render::explanation_lines(&notes, "") {
                    self.emit(out);
                }
            }
            Meta::B64(text) => {
                let enc = sasl::encode_base64(text.as_bytes());
                self.emit_secret(Out::meta(&enc), Out::meta(MASK));
            }
            Meta::Unb64(text) => match sasl::decode_base64(&text) {
                Ok(bytes) => {
                    let shown = show_nul(&bytes);
                    self.emit_secret(Out::meta(&shown), Out::meta(MASK));
                }
                Err(e) => self.warn(&e.to_string()),
            },
            Meta::Plain { user, pass } => {
                let enc = sasl::plain_encode("", &user, &pass);
                self.emit_secret(
                    Out::meta(&format!("{enc}   (base64 of \\0{user}\\0{MASK}, RFC 4616)")),
                    Out::meta(&format!(
                        "{MASK}   (base64 of \\0{user}\\0{MASK}, RFC 4616)"
                    )),
                );
            }
            Meta::Auth {
                mechanism,
                user,
                pass,
            } => self.auth(&mechanism, &user, &pass).await,
            Meta::Append { mailbox, file } => self.append(&mailbox, &file).await,
            Meta::More => self.more(),
            Meta::Save(path) => {
                let text: String = self.history.iter().map(|l| format!("{l}\n")).collect();
                match std::fs::write(&path, text) {
                    Ok(()) => self.note(&format!("transcript written to {}", path.display())),
                    Err(e) => self.warn(&format!("cannot write {}: {e}", path.display())),
                }
            }
            Meta::Connect(what) => {
                let target = match Protocol::parse(&what) {
                    Some(p) => Ok((p, None)),
                    None => super::parse_url(&what).map(|(p, a)| (p, Some(a))),
                };
                match target {
                    Ok((p, addr)) => {
                        if let Err(e) = self.open_session(p, addr).await {
                            self.warn(&e);
                        }
                    }
                    Err(e) => self.warn(&e),
                }
            }
            Meta::Sessions => {
                let lines: Vec<String> = self
                    .sessions
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        format!(
                            "{} {}  {}  {}  {}",
                            if i == self.current { "*" } else { " " },
                            s.id,
                            s.protocol,
                            s.label,
                            prompt_state(&s.follower)
                        )
                    })
                    .collect();
                for l in lines {
                    self.emit(Out::meta(&l));
                }
            }
            Meta::Switch(n) => {
                if n >= 1 && n <= self.sessions.len() {
                    self.current = n - 1;
                    let prompt = self.prompt();
                    self.note(&format!("now on session {n}: {}", prompt.trim_end()));
                } else {
                    self.warn(&format!(
                        "no session {n}: there are {} (:sessions lists them)",
                        self.sessions.len()
                    ));
                }
            }
            Meta::Wait(secs) => self.pump(secs).await,
        }
    }

    fn help_overview(&mut self) {
        let p = self.protocol();
        let state = self.state_id();
        self.emit(Out::meta(&format!(
            "{p} commands valid now ({}); :help COMMAND shows one:",
            state
        )));
        let names: Vec<String> = protocol::commands_in(p, state)
            .map(|c| c.name.clone())
            .collect();
        for chunk in names.chunks(8) {
            self.emit(Out::meta(&format!("  {}", chunk.join(" "))));
        }
        let others: Vec<String> = protocol::commands(p)
            .iter()
            .filter(|c| !c.valid_in(state))
            .map(|c| c.name.clone())
            .collect();
        if !others.is_empty() {
            self.emit(Out::meta("valid in other states:"));
            for chunk in others.chunks(8) {
                self.emit(Out::meta(&format!("  {}", chunk.join(" "))));
            }
        }
        if p == Protocol::Imap {
            self.emit(Out::meta(
                "type commands without a tag: LOGIN alex drums goes out as a001 LOGIN alex drums",
            ));
        }
        self.emit(Out::meta("meta commands (never sent):"));
        for (syntax, what) in meta::META_HELP {
            self.emit(Out::meta(&format!("  {syntax:<38} {what}")));
        }
        let extra: Vec<(String, String)> =
            self.observers.iter().flat_map(|o| o.meta_help()).collect();
        for (syntax, what) in extra {
            self.emit(Out::meta(&format!("  {syntax:<38} {what}")));
        }
    }

    fn help_command(&mut self, name: &str) {
        if name.starts_with(':') {
            let found: Vec<_> = meta::META_HELP
                .iter()
                .filter(|(s, _)| {
                    s.split(' ')
                        .next()
                        .is_some_and(|n| n.eq_ignore_ascii_case(name))
                })
                .collect();
            if found.is_empty() {
                self.warn(&format!("no meta command {name}; :help lists them"));
            }
            for (syntax, what) in found {
                self.emit(Out::meta(&format!("{syntax}: {what}")));
            }
            return;
        }
        let p = self.protocol();
        let spec = protocol::command(p, name).or_else(|| {
            [Protocol::Imap, Protocol::Smtp, Protocol::Pop3]
                .into_iter()
                .find_map(|q| protocol::command(q, name))
        });
        match spec {
            Some(c) => {
                let lines = [
                    format!("{}  ({})", c.syntax, c.rfc),
                    c.summary.clone(),
                    format!("valid in: {}", c.states.join(", ")),
                    format!("example: {}", c.example),
                ];
                for l in lines {
                    self.emit(Out::meta(&l));
                }
            }
            None => self.warn(&format!("{name} is not a {p} command; :help lists them")),
        }
    }

    async fn auth(&mut self, mechanism: &str, user: &str, pass: &str) {
        let Some(mech) = sasl::Mechanism::parse(mechanism) else {
            self.warn("mechanisms: plain, login, cram-md5");
            return;
        };
        let idx = self.current;
        let p = self.protocol();
        if self.sessions[idx].follower.is_closed() {
            self.warn("this session is closed: :connect opens a new one");
            return;
        }
        let exchange = sasl::ClientExchange::new(mech, user, pass);
        let initial = if p == Protocol::Imap {
            None
        } else {
            exchange.initial_response()
        };
        self.emit(Out::meta(&format!(
            "{} ({}): {}",
            mech.name(),
            mech.rfc(),
            match mech {
                sasl::Mechanism::Plain => "one base64 string holding \\0user\\0password",
                sasl::Mechanism::Login => "the server asks Username: then Password:, each answered in base64",
                sasl::Mechanism::CramMd5 =>
                    "the server sends a challenge; the answer is the user and HMAC-MD5(password, challenge), so the password never crosses the wire",
            }
        )));
        self.sessions[idx].auth = Some(AutoAuth { exchange });
        let line = match (p, &initial) {
            (Protocol::Imap, _) => format!("AUTHENTICATE {}", mech.name()),
            (_, Some(resp)) => {
                self.emit(Out::meta(&format!(
                    "initial response: \"{}\" in base64",
                    render::escape(resp.shown.as_bytes())
                )));
                format!("AUTH {} {}", mech.name(), resp.base64)
            }
            (_, None) => format!("AUTH {}", mech.name()),
        };
        self.send_command(&line).await;
        if let Some(s) = self.sessions.get_mut(idx) {
            s.auth = None;
            if matches!(s.input, InputMode::Continuation { .. }) && !s.follower.waiting() {
                s.input = InputMode::Command;
            }
        }
    }

    async fn append(&mut self, mailbox: &str, file: &std::path::Path) {
        if self.protocol() != Protocol::Imap {
            self.warn(":append is for IMAP sessions");
            return;
        }
        let meta_ok = std::fs::metadata(file).map(|m| m.len() <= MAX_APPEND);
        let data = match meta_ok {
            Ok(true) => std::fs::read(file),
            Ok(false) => {
                self.warn(&format!(
                    "{} is larger than {MAX_APPEND} octets",
                    file.display()
                ));
                return;
            }
            Err(e) => Err(e),
        };
        let data = match data {
            Ok(d) => to_crlf(&d),
            Err(e) => {
                self.warn(&format!("cannot read {}: {e}", file.display()));
                return;
            }
        };
        self.emit(Out::meta(&format!(
            "{} is {} octets with CRLF line ends (RFC 5322 §2.1): that is the literal's count",
            file.display(),
            data.len()
        )));
        let idx = self.current;
        let mb = if mailbox.contains([' ', '"', '\\']) {
            format!("\"{}\"", mailbox.replace('\\', "\\\\").replace('"', "\\\""))
        } else {
            mailbox.to_string()
        };
        self.sessions[idx].append_data = Some(data.clone());
        let line = format!("APPEND {mb} {{{}}}", data.len());
        let tagged = self.sessions[idx].tagger.tag(&line);
        self.sessions[idx].wait_tag = Some(tagged.tag().to_string());
        self.write_command(idx, &tagged.line);
        self.emit(render::client_line(Protocol::Imap, &tagged.line.raw, ""));
        // The `+` makes handle_response send the data; then the tagged reply ends it.
        self.wait_reply(self.reply_timeout).await;
        if self.sessions[idx].append_data.is_none() && !self.wait_done_after_append(idx) {
            self.wait_reply(self.reply_timeout).await;
        }
        self.sessions[idx].append_data = None;
    }

    fn wait_done_after_append(&self, idx: usize) -> bool {
        let s = &self.sessions[idx];
        match &s.wait_tag {
            Some(tag) => !s.follower.is_pending_tag(tag),
            None => true,
        }
    }

    fn more(&mut self) {
        let idx = self.current;
        let Some((data, shown)) = self.sessions[idx].last_data.take() else {
            self.note("nothing elided to show");
            return;
        };
        let rest = data.get(shown..).unwrap_or_default();
        let (lines, _) = render::data_lines(rest, rest.len() as u64, true, "");
        for out in lines {
            self.emit(out);
        }
    }

    /// Closes every connection (Ctrl-D, end of script).
    pub fn shutdown(&mut self) {
        for s in &self.sessions {
            s.conn.close();
        }
        if let Some(f) = &mut self.transcript {
            let _ = f.flush();
        }
    }
}

/// The text a server put after its continuation marker: `+ TEXT`, `334 TEXT`.
fn continuation_text(p: Protocol, r: &Response) -> String {
    let line = r.last_line();
    let rest = match p {
        Protocol::Smtp => line.get(3..).unwrap_or(""),
        _ => line.strip_prefix('+').unwrap_or(&line),
    };
    rest.trim().to_string()
}

/// Bytes with NUL shown as `\0` and other unprintables escaped.
fn show_nul(bytes: &[u8]) -> String {
    bytes
        .split(|&b| b == 0)
        .map(render::escape)
        .collect::<Vec<_>>()
        .join("\\0")
}

/// Converts bare LF line ends to CRLF (a message file written on Unix).
fn to_crlf(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + data.len() / 40);
    let mut prev = 0u8;
    for &b in data {
        if b == b'\n' && prev != b'\r' {
            out.push(b'\r');
        }
        out.push(b);
        prev = b;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::protocol::follow::{MetaResult, SessionId, State};
    use std::sync::Mutex;

    /// Records events and answers `:check` as a lesson checker would.
    struct Recorder(Arc<Mutex<Vec<String>>>);

    impl Observer for Recorder {
        fn event(&mut self, session: SessionId, ev: &Event) {
            let what = match ev {
                Event::SessionOpened { protocol, .. } => format!("{session} opened {protocol}"),
                Event::LineSent(s) => format!("{session} sent {}", s.shown().unwrap_or_default()),
                Event::Reply(step) => format!(
                    "{session} reply {} {}->{}",
                    step.command_name().unwrap_or("-"),
                    step.before.id(),
                    step.after.id()
                ),
                Event::SessionClosed { .. } => format!("{session} closed"),
                other => format!("{session} {other:?}"),
            };
            self.0.lock().unwrap().push(what);
        }

        fn meta(&mut self, line: &str) -> Option<MetaResult> {
            (line == ":check").then(|| MetaResult {
                lines: vec!["checked".into()],
                send: vec!["a9 NOOP".into()],
            })
        }
    }

    struct Quiet(Arc<Mutex<Vec<String>>>);
    impl Sink for Quiet {
        fn line(&mut self, out: &Out, _echo: bool) {
            self.0.lock().unwrap().push(out.plain.clone());
        }
    }

    #[test]
    fn observers_see_every_event_and_add_meta_commands() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let events = Arc::new(Mutex::new(Vec::new()));
        let printed = Arc::new(Mutex::new(Vec::new()));
        rt.block_on(async {
            let opts = Options {
                protocol: Protocol::Imap,
                target: Target::Embedded,
                store: Arc::new(crate::store::fixture::default_store()),
                color: super::super::ColorChoice::Never,
                explain: false,
                transcript: None,
                full: false,
                tls: Default::default(),
            };
            let mut e = Engine::start(opts, Box::new(Quiet(printed.clone())), true)
                .await
                .unwrap();
            e.add_observer(Box::new(Recorder(events.clone())));
            e.handle_line("LOGIN alex drums").await;
            e.handle_line(":check").await;
            e.handle_line("LOGOUT").await;
            e.pump(0.2).await;
            assert_eq!(
                e.sessions[0].follower.state(),
                State::Imap(crate::protocol::follow::ImapState::Logout)
            );
            e.shutdown();
        });
        let ev = events.lock().unwrap().clone();
        let want = [
            "1 sent a001 LOGIN alex ****",
            "1 reply LOGIN not-authenticated->authenticated",
            "1 sent a9 NOOP",
            "1 reply NOOP authenticated->authenticated",
            "1 sent a002 LOGOUT",
            "1 reply LOGOUT authenticated->logout",
            "1 closed",
        ];
        let mut at = 0;
        for w in want {
            match ev[at..].iter().position(|e| e == w) {
                Some(i) => at += i + 1,
                None => panic!("{w:?} missing (in order) from {ev:#?}"),
            }
        }
        let printed = printed.lock().unwrap();
        assert!(printed.iter().any(|l| l == "   checked"), "{printed:#?}");
    }

    #[test]
    fn crlf_conversion() {
        assert_eq!(to_crlf(b"a\nb\r\nc\n"), b"a\r\nb\r\nc\r\n");
    }

    #[test]
    fn nul_shown() {
        assert_eq!(show_nul(b"\0alex\0drums"), "\\0alex\\0drums");
    }
}
