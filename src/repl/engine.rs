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
use std::time::Duration;

use tokio::sync::mpsc;

use super::conn::{Conn, ConnEvent, Framer, Part, Response};
use super::mask::{self, MASK};
use super::meta::{self, Meta};
use super::render::{self, Note, Out, View};
use super::state::{self, Tracker};
use super::tagger::{self, LiteralSpec, Tagger};
use super::tls::{self as repl_tls, Endpoint};
use super::{Options, Target};
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
        command: String,
        /// Arguments before this literal, to know whether the next is secret.
        args_before: usize,
    },
    /// The rest of a command after a literal.
    Rest { command: String, args_before: usize },
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
    framer: Framer,
    tracker: Tracker,
    tagger: Tagger,
    input: InputMode,
    /// A literal announced in the last command, waiting for the server's `+`.
    literal_wait: Option<(LiteralSpec, bool, String, usize)>,
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
}

/// What a notes lookup needs. `local`: the bytes never leave this machine (the
/// embedded server or loopback), which a clear-text warning then says too.
fn notes_for(
    p: Protocol,
    line: &str,
    state: &str,
    command: Option<&str>,
    tls: bool,
    local: bool,
) -> Vec<Note> {
    let ctx = protocol::explain::Context {
        state: state.to_string(),
        command: command.filter(|c| !c.is_empty()).map(str::to_string),
        tls,
        ..Default::default()
    };
    let mut notes = Vec::new();
    for e in protocol::explain::explain_line(p, line, &ctx) {
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
            .map_or("", |s| s.tracker.state_id())
    }

    /// Mailbox names the current session has seen.
    pub fn mailboxes(&self) -> Vec<String> {
        self.sessions
            .get(self.current)
            .map(|s| s.tracker.mailboxes.iter().cloned().collect())
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
            InputMode::Command | InputMode::DataBody => s.tracker.prompt_state(),
            InputMode::Literal { left, .. } => format!("literal, {left} octets to go"),
            InputMode::Rest { .. } => "rest of the command (Enter ends it)".into(),
            InputMode::Continuation { idle: true, .. } => "idling (DONE ends it)".into(),
            InputMode::Continuation { .. } => "answer the server (base64, * cancels)".into(),
        };
        let lock = match (s.tracker.tls, s.unverified) {
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
            framer: Framer::new(protocol),
            tracker: Tracker::new(protocol),
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
            && !s.tracker.closed
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
            if !self.sessions[id - 1].tracker.tls {
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
        s.tracker.tls = true;
        s.tls_pending = false;
        s.unverified = !sum.verified;
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
                self.sessions[idx].framer.push(&bytes);
                super::conn::recycle(bytes);
                while let Some(r) = self.sessions[idx].framer.next_response() {
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
                if self.sessions[idx].tracker.closed {
                    return;
                }
                let mid = self.sessions[idx].framer.is_mid_response();
                if let Some(r) = self.sessions[idx].framer.flush() {
                    self.handle_response(idx, r);
                }
                let s = &mut self.sessions[idx];
                s.tracker.connection_closed();
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
        let state_before = s.tracker.state_id();
        let tls = s.tracker.tls;
        let local = s
            .endpoint
            .as_ref()
            .is_none_or(|e| repl_tls::is_loopback(&e.host));
        let outcome = s.tracker.on_response(&r);
        // POP3 listings (LIST, UIDL, CAPA) are not message bodies: never elided.
        let message =
            p != Protocol::Pop3 || matches!(outcome.command.as_deref(), Some("RETR" | "TOP"));
        let view = View {
            explain: self.explain,
            full: self.opts.full || !message,
            prefix: if background {
                format!("[{}] ", s.id)
            } else {
                String::new()
            },
        };
        let command = outcome.line.clone();
        let rendered = render::response(
            p,
            &r,
            &view,
            &mut |line| notes_for(p, line, state_before, command.as_deref(), tls, local),
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
        let s = &mut self.sessions[idx];
        if outcome.continuation {
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
                        self.sessions[idx].tracker.sent_continuation();
                    }
                    Err(e) => {
                        self.warn(&format!(
                            "cannot answer the challenge: {e}; cancelling with *"
                        ));
                        self.send_raw(idx, "*", false);
                        self.sessions[idx].tracker.sent_continuation();
                    }
                }
                return;
            }
            if let Some(data) = s.append_data.take() {
                let len = data.len();
                let mut bytes = data;
                bytes.extend_from_slice(b"\r\n");
                s.conn.write(bytes);
                self.emit(render::client_line(
                    p,
                    &format!("[{len} octets of the message, then CRLF]"),
                    "",
                ));
                return;
            }
            if let Some((lit, secret, command, args_before)) = s.literal_wait.take() {
                s.input = InputMode::Literal {
                    left: lit.size,
                    buf: Vec::new(),
                    secret,
                    command,
                    args_before,
                };
            } else {
                s.input = match (p, s.tracker.awaited().map(|a| a.command.as_str())) {
                    (Protocol::Smtp, Some("DATA")) => InputMode::DataBody,
                    (Protocol::Imap, Some("IDLE")) => InputMode::Continuation {
                        secret: false,
                        idle: true,
                    },
                    (Protocol::Imap, Some("AUTHENTICATE"))
                    | (Protocol::Smtp | Protocol::Pop3, _) => InputMode::Continuation {
                        secret: true,
                        idle: false,
                    },
                    _ => InputMode::Continuation {
                        secret: false,
                        idle: false,
                    },
                };
                // An SMTP 354 answers DATA: the tracker already moved on, so look at
                // its state instead.
                if p == Protocol::Smtp && s.tracker.smtp == state::SmtpState::Data {
                    s.input = InputMode::DataBody;
                }
            }
            s.got_continuation = true;
            return;
        }
        if outcome.completed.is_some()
            && outcome
                .command
                .as_deref()
                .is_some_and(|c| repl_tls::is_upgrade_command(p, c))
            && repl_tls::upgrade_accepted(p, &r.last_line())
            && !s.tracker.tls
        {
            self.begin_upgrade(idx);
        }
        let s = &mut self.sessions[idx];
        if let Some(done) = &outcome.completed {
            let ends_wait = match (&s.wait_tag, &done.tag) {
                (Some(w), Some(t)) => w == t,
                _ => true,
            };
            if ends_wait {
                s.literal_wait = None;
                s.append_data = None;
                if !s.tracker.waiting() {
                    s.auth = None;
                }
                if matches!(
                    s.input,
                    InputMode::Continuation { .. }
                        | InputMode::DataBody
                        | InputMode::Literal { .. }
                ) && (p != Protocol::Imap || done.tag.is_some())
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
                    self.warn(&e);
                    return;
                }
                Err(_) => {}
            }
        }
        let Some(s) = self.sessions.get(self.current) else {
            return;
        };
        if s.tracker.closed {
            self.warn("this session is closed: :connect opens a new one, :sessions lists them, :quit leaves");
            return;
        }
        match mode {
            InputMode::Command => self.send_command(line).await,
            InputMode::Literal { .. } => self.literal_line(line).await,
            InputMode::Rest {
                command,
                args_before,
            } => {
                let masked = mask_rest(self.protocol(), &command, args_before, line);
                self.send_line(line, &masked, &command, args_before + count_args(line))
                    .await
            }
            InputMode::Continuation { secret, .. } => {
                let idx = self.current;
                self.sessions[idx].input = InputMode::Command;
                self.send_raw(idx, line, secret);
                self.sessions[idx].tracker.sent_continuation();
                self.wait_reply(self.reply_timeout).await;
            }
            InputMode::DataBody => self.data_line(line).await,
        }
    }

    /// Sends a line as typed (plus CRLF), showing it masked when `secret`.
    fn send_raw(&mut self, idx: usize, line: &str, secret: bool) {
        let s = &mut self.sessions[idx];
        let mut bytes = line.as_bytes().to_vec();
        bytes.extend_from_slice(b"\r\n");
        if s.protocol == Protocol::Pop3 {
            s.framer.expect_pop3(false);
        }
        s.conn.write(bytes);
        let p = s.protocol;
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
                let masked = mask::mask_command(p, &tagged.wire);
                let added = tagged.added;
                let s = &mut self.sessions[idx];
                s.tracker
                    .sent_command(Some(tagged.tag.clone()), &tagged.command, &tagged.args);
                s.wait_tag = Some(tagged.tag.clone());
                let wire = tagged.wire.clone();
                let command = tagged.command.clone();
                // Interactive mode shows the wire line when it differs from what
                // was typed (the tag the REPL added).
                if added {
                    self.emit(render::client_line(p, &masked, ""));
                } else {
                    self.emit_echo(render::client_line(p, &masked, ""));
                }
                let args_before = count_args(&tagged.args);
                self.finish_line(idx, &wire, &command, args_before).await;
            }
            Protocol::Smtp | Protocol::Pop3 => {
                let (command, args) = tagger::split_command(line.trim_start());
                let masked = mask::mask_command(p, line);
                let s = &mut self.sessions[idx];
                s.tracker.sent_command(None, &command, &args);
                if p == Protocol::Pop3 {
                    s.framer
                        .expect_pop3(protocol::reply::pop3_is_multiline(line));
                }
                s.wait_tag = None;
                self.emit_echo(render::client_line(p, &masked, ""));
                if p == Protocol::Smtp && command == "BDAT" {
                    // RFC 3030: BDAT's octets follow the command without a reply in
                    // between: gather them like a literal.
                    if let Some(size) = args
                        .split_whitespace()
                        .next()
                        .and_then(|n| n.parse::<u64>().ok())
                    {
                        let mut bytes = line.as_bytes().to_vec();
                        bytes.extend_from_slice(b"\r\n");
                        self.sessions[idx].conn.write(bytes);
                        if size > 0 {
                            self.sessions[idx].input = InputMode::Literal {
                                left: size,
                                buf: Vec::new(),
                                secret: false,
                                command,
                                args_before: 0,
                            };
                            return;
                        }
                        self.wait_reply(self.reply_timeout).await;
                        return;
                    }
                }
                let mut bytes = line.as_bytes().to_vec();
                bytes.extend_from_slice(b"\r\n");
                self.sessions[idx].conn.write(bytes);
                self.wait_reply(self.reply_timeout).await;
            }
        }
    }

    /// Sends an IMAP line (first line or rest after a literal) and sets up what
    /// follows: a literal to gather, or the wait for the reply.
    async fn finish_line(&mut self, idx: usize, wire: &str, command: &str, args_before: usize) {
        let mut bytes = wire.as_bytes().to_vec();
        bytes.extend_from_slice(b"\r\n");
        let s = &mut self.sessions[idx];
        s.conn.write(bytes);
        s.got_continuation = false;
        if let Some(lit) = tagger::client_literal(wire) {
            let secret = arg_is_secret(Protocol::Imap, command, args_before);
            if lit.non_sync {
                s.input = InputMode::Literal {
                    left: lit.size,
                    buf: Vec::new(),
                    secret,
                    command: command.to_string(),
                    args_before,
                };
                if lit.size == 0 {
                    self.finish_literal(idx).await;
                }
                return;
            }
            s.literal_wait = Some((lit, secret, command.to_string(), args_before));
        }
        self.wait_reply(self.reply_timeout).await;
        let s = &mut self.sessions[idx];
        if let InputMode::Literal { left: 0, .. } = s.input {
            self.finish_literal(idx).await;
        }
    }

    /// A rest-of-command line after a literal.
    async fn send_line(&mut self, line: &str, masked: &str, command: &str, args_before: usize) {
        let idx = self.current;
        let p = self.protocol();
        self.emit_echo(render::client_line(p, masked, ""));
        self.sessions[idx].input = InputMode::Command;
        self.finish_line(idx, line, command, args_before).await;
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
        s.conn.write(buf.clone());
        if p == Protocol::Smtp {
            // BDAT: the chunk is complete; its reply follows.
            let shown = format!("[{} octets of BDAT data]", buf.len());
            self.emit_echo(render::client_line(p, &shown, ""));
            self.sessions[idx].tracker.sent_continuation();
            // The BDAT reply answers the BDAT command itself, not a continuation.
            self.sessions[idx].tracker.pending.pop_back();
            self.wait_reply(self.reply_timeout).await;
            return;
        }
        if secret {
            self.emit_echo(render::client_line(p, MASK, ""));
        } else {
            for l in String::from_utf8_lossy(&buf).split("\r\n") {
                self.emit_echo(render::client_line(p, l, ""));
            }
        }
        self.sessions[idx].input = InputMode::Rest {
            command,
            args_before: args_before + 1,
        };
    }

    async fn data_line(&mut self, line: &str) {
        let idx = self.current;
        let p = self.protocol();
        if line == "." {
            self.sessions[idx].input = InputMode::Command;
            self.send_raw(idx, ".", false);
            self.sessions[idx].tracker.sent_continuation();
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
        self.sessions[idx].conn.write(bytes);
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
        if s.tracker.closed || s.got_continuation {
            return true;
        }
        if matches!(s.input, InputMode::Literal { .. }) {
            return true;
        }
        match (&s.wait_tag, s.protocol) {
            (Some(tag), Protocol::Imap) => !s
                .tracker
                .pending
                .iter()
                .any(|p| p.tag.as_deref() == Some(tag.as_str()) || p.command.is_empty()),
            _ => !s.tracker.waiting(),
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
                                s.tracker.pending.clear();
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
                let notes = notes_for(p, &text, self.state_id(), None, false, false);
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
                            s.tracker.prompt_state()
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
        if self.sessions[idx].tracker.closed {
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
            if matches!(s.input, InputMode::Continuation { .. }) && !s.tracker.waiting() {
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
        let s = &mut self.sessions[idx];
        s.tracker
            .sent_command(Some(tagged.tag.clone()), &tagged.command, &tagged.args);
        s.wait_tag = Some(tagged.tag.clone());
        let mut bytes = tagged.wire.as_bytes().to_vec();
        bytes.extend_from_slice(b"\r\n");
        s.conn.write(bytes);
        self.emit(render::client_line(Protocol::Imap, &tagged.wire, ""));
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
            Some(tag) => !s
                .tracker
                .pending
                .iter()
                .any(|p| p.tag.as_deref() == Some(tag)),
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

/// Counts the IMAP arguments in `text` (atoms, quoted strings, parenthesised lists),
/// not counting a literal marker at the end.
pub fn count_args(text: &str) -> usize {
    let mut n = 0;
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            ' ' => {
                chars.next();
            }
            '"' => {
                chars.next();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
                n += 1;
            }
            '(' => {
                let mut depth = 0i32;
                for c in chars.by_ref() {
                    match c {
                        '(' => depth += 1,
                        ')' => {
                            depth -= 1;
                            if depth <= 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                n += 1;
            }
            '{' => {
                // A literal marker: the literal is counted when it is sent.
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                }
            }
            _ => {
                while chars.peek().is_some_and(|&c| c != ' ') {
                    chars.next();
                }
                n += 1;
            }
        }
    }
    n
}

/// Whether argument number `index` (0-based) of `command` is a secret, by the
/// command table's argument kinds (the last kind covers the rest of the line).
fn arg_is_secret(p: Protocol, command: &str, index: usize) -> bool {
    protocol::command(p, command).is_some_and(|spec| {
        spec.args
            .get(index)
            .or_else(|| spec.args.last().filter(|k| k.is_secret()))
            .is_some_and(|k| k.is_secret())
    })
}

/// Masks a rest-of-command line: the part holding a secret argument becomes `****`
/// (a literal marker at its end stays visible).
fn mask_rest(p: Protocol, command: &str, args_before: usize, line: &str) -> String {
    if !arg_is_secret(p, command, args_before) && !arg_is_secret(p, command, args_before + 1) {
        return line.to_string();
    }
    if !arg_is_secret(p, command, args_before) {
        // The secret is later in the line: keep the first argument.
        let trimmed = line.trim_start();
        let lead = &line[..line.len() - trimmed.len()];
        return match trimmed.split_once(' ') {
            Some((first, rest)) => {
                match tagger::client_literal(rest).filter(|_| rest.trim_start().starts_with('{')) {
                    Some(_) => line.to_string(),
                    None => format!("{lead}{first} {MASK}"),
                }
            }
            None => line.to_string(),
        };
    }
    match line
        .rfind('{')
        .filter(|_| tagger::client_literal(line).is_some())
    {
        Some(i) => format!("{MASK} {}", &line[i..]),
        None if line.trim().is_empty() => line.to_string(),
        None => MASK.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_arguments() {
        assert_eq!(count_args("alex {5}"), 1);
        assert_eq!(count_args("\"a b\" (\\Seen \\Draft) {10}"), 2);
        assert_eq!(count_args(""), 0);
        assert_eq!(count_args("INBOX (MESSAGES UNSEEN)"), 2);
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
