//! The REPL's core, shared by interactive and script mode: the open sessions, what
//! a typed line turns into on the wire, waiting for replies, and the meta commands.
//!
//! A typed line goes through [`Engine::handle_line`], which sends it and (in the
//! ordinary case) waits until the reply is complete: IMAP its tagged line or a `+`
//! continuation, SMTP the last line of a reply, POP3 the status line or the `.` that
//! ends a multi-line answer. Lines that need no reply (literal octets, DATA body
//! lines) go out at once.
//!
//! Everything the engine knows of a session reaches its observers as an [`Event`]:
//! what was sent, each reply with the follower's step, notes and warnings (by id),
//! the lines it showed itself (`C:` echoes, meta commands and their output), opening,
//! closing, TLS. Two observers come first: the reply renderer, which draws replies,
//! notes and warnings on the [`Sink`], and the transcript writer, which writes every
//! line shown, plain and masked, to the `--transcript` file and the `:save` history.
//!
//! Layout: this file holds the engine's state and what every part shares;
//! `sessions.rs` opens connections and handles what they report, `input.rs` turns
//! typed lines into wire bytes, `waiting.rs` waits for replies, `meta_cmds.rs` runs
//! the `:` commands, `output.rs` holds the screen, the transcript and the two
//! renderers (each an [`Observer`] of the engine's events, like a lesson checker).

mod input;
mod meta_cmds;
mod output;
mod sessions;
mod waiting;

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
    ClientLine, Event, Expect, Follower, Literal, Observer, Sent, SessionId, StepKind,
};
use crate::protocol::{self, sasl, Protocol};
use crate::server::ServerConfig;
use crate::transport;
use crate::transport::tls::LazyServerTls;
use output::{
    lock, notes_for, Dest, ReplyRenderer, Screen, SharedScreen, SharedTranscript, Transcript,
};

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
    screen: SharedScreen,
    reply_timeout: Option<Duration>,
    quit: bool,
    /// The embedded server's certificate (made on the first STARTTLS).
    lab_tls: std::sync::Arc<LazyServerTls>,
    /// Renders replies, notes and warnings on the screen; the first observer of
    /// every event.
    renderer: ReplyRenderer,
    /// The transcript writer: the second observer of every event, filling `record`.
    transcript: ReplyRenderer,
    /// The transcript's lines (`:save` writes them; only the writer adds to them).
    record: SharedTranscript,
    /// Who else watches the sessions' events (a lesson checker, a trace).
    observers: Vec<Box<dyn Observer>>,
}

impl Engine {
    /// Creates the engine and opens the first session. `Err` when the first
    /// connection cannot be made.
    pub async fn start(opts: Options, sink: Box<dyn Sink>, script: bool) -> Result<Engine, String> {
        Engine::start_observed(opts, sink, script, Vec::new()).await
    }

    /// [`Engine::start`] with observers registered before the first session opens,
    /// so they see its opening and the greeting too.
    pub async fn start_observed(
        opts: Options,
        sink: Box<dyn Sink>,
        script: bool,
        observers: Vec<Box<dyn Observer>>,
    ) -> Result<Engine, String> {
        let (events_tx, events_rx) = mpsc::channel(64);
        let file = match &opts.transcript {
            Some(path) => Some(std::fs::File::create(path).map_err(|e| {
                crate::tr!(
                    "repl.cannot_write_transcript",
                    path = path.display(),
                    error = e
                )
            })?),
            None => None,
        };
        let screen = Arc::new(std::sync::Mutex::new(Screen { sink, script }));
        let record = Arc::new(std::sync::Mutex::new(Transcript {
            file,
            history: VecDeque::new(),
        }));
        // Script mode keeps the full transcript graders parse; a terminal starts brief.
        let explain = opts.explain.unwrap_or(if script {
            render::Explain::Full
        } else {
            render::Explain::Brief
        });
        let renderer = ReplyRenderer::new(Dest::Screen(screen.clone()), explain, opts.full);
        let mut transcript =
            ReplyRenderer::new(Dest::Transcript(record.clone()), explain, opts.full);
        transcript.memo = renderer.memo.clone();
        let mut engine = Engine {
            opts,
            sessions: Vec::new(),
            current: 0,
            events_tx,
            events_rx,
            screen,
            renderer,
            transcript,
            record,
            reply_timeout: script.then_some(REPLY_TIMEOUT),
            quit: false,
            lab_tls: LazyServerTls::lab(LazyServerTls::default_dir()),
            observers,
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
        self.notify_id(id, ev);
    }

    /// Hands an event of the current session to every observer (session 0 before
    /// the first one opens).
    fn notify_current(&mut self, ev: &Event) {
        let id = self.sessions.get(self.current).map_or(0, |s| s.id);
        self.notify_id(id, ev);
    }

    fn notify_id(&mut self, id: SessionId, ev: &Event) {
        self.renderer.event(id, ev);
        self.transcript.event(id, ev);
        for o in &mut self.observers {
            o.event(id, ev);
        }
    }

    /// A front end's own note or warning (lines it queued and could not send): shown
    /// and seen by the observers like the engine's, but not in the transcript, which
    /// records the sessions.
    pub fn say(&mut self, ev: &Event) {
        let id = self.sessions.get(self.current).map_or(0, |s| s.id);
        self.renderer.event(id, ev);
        for o in &mut self.observers {
            o.event(id, ev);
        }
    }

    /// Both renderers (the screen's and the transcript writer), for a setting
    /// that changes what they draw.
    fn renderers(&mut self) -> [&mut ReplyRenderer; 2] {
        [&mut self.renderer, &mut self.transcript]
    }

    /// Whether `:quit` was given.
    pub fn quitting(&self) -> bool {
        self.quit
    }

    /// Whether the current session is over: its connection closed, or the server
    /// said goodbye (IMAP BYE, SMTP 221, POP3's answer to QUIT).
    pub fn current_closed(&self) -> bool {
        self.sessions.get(self.current).is_none_or(|s| {
            s.follower.is_closed()
                || matches!(s.follower.state().id(), "logout" | "update" | "closed")
        })
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
        self.prompt_with(false)
    }

    /// [`Engine::prompt`] as it is shown: outside English the state carries its
    /// Latin name the first time in the run ([`crate::repl::gloss`]). Call it only
    /// for a prompt that is printed.
    pub fn prompt_shown(&self) -> String {
        self.prompt_with(true)
    }

    fn prompt_with(&self, shown: bool) -> String {
        let Some(s) = self.sessions.get(self.current) else {
            return "maillab> ".into();
        };
        let prefix = if self.sessions.len() > 1 {
            format!("[{}] ", s.id)
        } else {
            String::new()
        };
        let what = match &s.input {
            InputMode::Command | InputMode::DataBody if shown => {
                super::state::prompt_state_shown(&s.follower)
            }
            InputMode::Command | InputMode::DataBody => prompt_state(&s.follower),
            InputMode::Literal { left, .. } => crate::tr!("repl.literal_octets_go", left = left),
            InputMode::Rest { .. } => crate::tr!("repl.rest_command_enter_ends"),
            InputMode::Continuation { idle: true, .. } => crate::tr!("repl.idling_done_ends"),
            InputMode::Continuation { .. } => crate::tr!("repl.answer_server_base64_cancels"),
        };
        let lock = match (s.follower.tls() && !s.tls_pending, s.unverified) {
            (true, false) => "🔒 ".to_string(),
            (true, true) => format!("{} ", crate::tr!("repl.insecure_certificate_not_verified")),
            _ => String::new(),
        };
        format!("{prefix}{lock}{} · {what}> ", s.protocol)
    }

    // ------------------------------------------------------------------ output

    /// Shows a line and tells the observers ([`Event::Shown`]).
    fn emit(&mut self, out: Out) {
        lock(&self.screen).sink.line(&out, false);
        self.notify_current(&Event::Shown { line: out.plain });
    }

    /// A line that repeats input: in the transcript always, on screen in script mode.
    fn emit_echo(&mut self, out: Out) {
        {
            let mut screen = lock(&self.screen);
            let echo = !screen.script;
            screen.sink.line(&out, echo);
        }
        self.notify_current(&Event::Shown { line: out.plain });
    }

    /// Output shown on screen but masked in transcripts and script output.
    fn emit_secret(&mut self, live: Out, masked: Out) {
        {
            let mut screen = lock(&self.screen);
            let out = if screen.script { &masked } else { &live };
            screen.sink.line(out, false);
        }
        self.notify_current(&Event::Shown { line: masked.plain });
    }

    /// A line maillab wrote for the learner (a `:auth` step) that the terminal would
    /// otherwise not show, as it shows no echo of typed lines: on screen in
    /// interactive mode only, for the transcript records it when it is sent.
    fn show_unechoed(&mut self, out: &Out) {
        let mut screen = lock(&self.screen);
        if !screen.script {
            screen.sink.line(out, false);
        }
    }

    /// Makes session `idx` the current one.
    fn set_current(&mut self, idx: usize) {
        self.current = idx;
        if let Some(id) = self.sessions.get(idx).map(|s| s.id) {
            for r in self.renderers() {
                r.current = id;
            }
        }
    }

    /// A note by id (`-- text`), as an event: the renderers show it.
    fn note(&mut self, id: &str, args: &[(&str, String)]) {
        self.notify_current(&Event::note(id, args));
    }

    /// A warning by id (`!! text`), as an event.
    fn warn(&mut self, id: &str, args: &[(&str, String)]) {
        self.notify_current(&Event::warning(id, args));
    }

    /// A warning whose text was made elsewhere (an error already in words).
    fn warn_text(&mut self, text: &str) {
        self.warn("repl.said", &[("text", text.to_string())]);
    }

    /// Closes every connection (Ctrl-D, end of script).
    pub fn shutdown(&mut self) {
        for s in &self.sessions {
            s.conn.close();
        }
        if let Some(f) = &mut lock(&self.record).file {
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
                explain: Some(render::Explain::Off),
                transcript: None,
                full: false,
                tls: Default::default(),
            };
            let mut e = Engine::start_observed(
                opts,
                Box::new(Quiet(printed.clone())),
                true,
                vec![Box::new(Recorder(events.clone()))],
            )
            .await
            .unwrap();
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
            "1 opened imap",
            "1 reply - not-authenticated->not-authenticated",
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

    /// Keeps every event as it came.
    struct Keep(Arc<Mutex<Vec<(SessionId, Event)>>>);
    impl Observer for Keep {
        fn event(&mut self, session: SessionId, ev: &Event) {
            self.0.lock().unwrap().push((session, ev.clone()));
        }
    }

    /// The transcript file holds exactly what a renderer makes of the events the
    /// other observers saw: no line reaches it any other way, none is missing.
    #[test]
    fn the_transcript_is_the_events_rendered() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.txt");
        let events = Arc::new(Mutex::new(Vec::new()));
        let printed = Arc::new(Mutex::new(Vec::new()));
        rt.block_on(async {
            let opts = Options {
                protocol: Protocol::Imap,
                target: Target::Embedded,
                store: Arc::new(crate::store::fixture::default_store()),
                color: super::super::ColorChoice::Never,
                explain: None,
                transcript: Some(path.clone()),
                full: false,
                tls: Default::default(),
            };
            let mut e = Engine::start_observed(
                opts,
                Box::new(Quiet(printed.clone())),
                true,
                vec![Box::new(Keep(events.clone()))],
            )
            .await
            .unwrap();
            for line in [
                "LOGIN alex drums",
                ":switch 9",
                ":wait 0.05",
                ":b64 secret",
                "SELECT INBOX",
                "FETCH 1 BODY[]",
                ":unknown",
                ":connect pop3",
                "USER alex",
                "PASS drums",
                ":switch 1",
                "LOGOUT",
                "NOOP",
            ] {
                e.handle_line(line).await;
            }
            e.pump(0.2).await;
            e.shutdown();
        });
        let events = events.lock().unwrap().clone();
        let written = std::fs::read_to_string(&path).unwrap();
        // The events rendered by a fresh transcript writer set as the engine sets
        // its own: script mode's full explanations, each session's protocol, the
        // current session.
        let record = Arc::new(Mutex::new(Transcript::default()));
        let mut writer = ReplyRenderer::new(
            Dest::Transcript(record.clone()),
            render::Explain::Full,
            false,
        );
        for (id, ev) in &events {
            match ev {
                Event::SessionOpened { protocol, .. } => {
                    writer
                        .sessions
                        .insert(*id, (*protocol, repl_tls::Reach::Process));
                }
                Event::Note { id: text, args } if text == "repl.now_session" => {
                    writer.current = args[0].1.parse().unwrap();
                }
                _ => {}
            }
            if matches!(ev, Event::SessionOpened { .. }) {
                writer.current = *id;
            }
            writer.event(*id, ev);
        }
        let rendered: String = lock(&record)
            .history
            .iter()
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(written, rendered);
        // What the screen showed in script mode is the transcript too.
        let printed: String = printed
            .lock()
            .unwrap()
            .iter()
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(written, printed);
        // The transcript has every kind of line, secrets masked.
        for want in [
            "C: a001 LOGIN alex ****",
            "S: a001 OK",
            "!! no session 9",
            "-- Nothing arrived in 0.05 s",
            "M: :b64 ****",
            "   ****",
            "-- session 2: pop3",
            "C: PASS ****",
            "!! this session is closed",
        ] {
            assert!(written.contains(want), "{want:?} missing from:\n{written}");
        }
        assert!(!written.contains("drums"), "{written}");
        assert!(events
            .iter()
            .any(|(_, e)| matches!(e, Event::Warning { id, .. } if id == "repl.no_session_there_sessions")));
    }

    #[test]
    fn a_closed_session_note_reads_as_its_parts() {
        let en = crate::protocol::text::english();
        let t = |id: &str| en.render(id, &[]).unwrap();
        let note = Event::note(
            "repl.ended.failed_mid",
            &[("id", "2".into()), ("error", "reset".into())],
        );
        assert_eq!(
            note.text_in(en).unwrap(),
            format!(
                "the connection of session 2 failed: reset {}{}",
                t("repl.middle_response"),
                t("repl.connect_opens_new_session")
            )
        );
        let note = Event::note("repl.ended.closed", &[("id", "1".into())]);
        assert_eq!(
            note.text_in(en).unwrap(),
            format!(
                "the server closed the connection (session 1){}",
                t("repl.connect_opens_new_session")
            )
        );
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
