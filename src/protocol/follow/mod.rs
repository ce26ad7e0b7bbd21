//! Following a conversation from both sides: the one follower the REPL, `maillab
//! explain`, the lessons and the lab server's trace share.
//!
//! A [`Follower`] is pure (no I/O, no clock). It is fed the client's lines
//! ([`Follower::client_line`], [`Follower::client_bytes`]) and the server's bytes in
//! any chunking ([`Follower::server_bytes`]); for each server response it yields a
//! [`Step`]: the command it answers, the state before and after, what kind of
//! response it is (complete, continuation, untagged, BYE), whether TLS starts, the
//! selected mailbox. Responses are cut the way each protocol frames them:
//!
//! - IMAP (RFC 3501 §2.2.2, §4.3): a line; a line ending in `{N}` is followed by
//!   exactly N octets (counted, never read as lines) and then the rest of the
//!   response.
//! - SMTP (RFC 5321 §4.2.1): `ddd-text` lines up to a `ddd text` line.
//! - POP3 (RFC 1939 §3): a status line; after LIST, RETR, TOP, UIDL, CAPA a `+OK` is
//!   followed by data lines up to a lone `.` (the command table says which).
//!
//! The client side is followed the same way: literals `{N}` counted, the SMTP body
//! after 354 up to its `.`, SASL answers after a continuation. The states are the
//! typed values of [`state`]; their ids are the command tables' state names.

pub mod event;
pub mod line;
pub mod pasted;
pub mod state;

use std::collections::{BTreeSet, VecDeque};
use std::sync::Arc;

pub use event::{Event, MetaResult, Observer, Sent, SessionId};
pub use line::{Arg, ClientLine, Literal};
pub use state::{ImapState, Pop3State, SmtpState, State};

use super::reply::{self, ImapKind, Pop3Line};
use super::Protocol;

/// Longest server line kept whole; beyond it the line is cut (the rest counted).
pub const MAX_LINE: usize = 1024 * 1024;
/// Most parts (lines and data) in one step; a longer response is handed over in
/// pieces ([`StepKind::Intermediate`]).
pub const MAX_PARTS: usize = 100_000;
/// Most commands remembered as awaiting an answer, and mailbox names kept.
const MAX_TRACKED: usize = 4096;

/// One piece of a server response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// One wire line without its CRLF. `cut` counts octets dropped past [`MAX_LINE`].
    Line { text: Vec<u8>, cut: usize },
    /// An IMAP literal: `size` octets announced, `data` the first of them kept.
    Literal { size: u64, data: Vec<u8> },
    /// POP3 multi-line data (dot-stuffing undone), without the terminating `.`;
    /// `size` counts every octet received, `data` the ones kept (CRLF line ends).
    Block {
        size: u64,
        lines: usize,
        data: Vec<u8>,
    },
}

/// What kind of response a step is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// The final answer to a command (IMAP tagged, SMTP last line, POP3 status or
    /// the `.` after its data), or the greeting.
    Complete,
    /// The server waits for more from the client (IMAP `+`, SMTP 334/354, POP3 `+ `).
    Continuation,
    /// IMAP untagged data or status (`* 3 EXISTS`), not ending a command.
    Untagged,
    /// The server says it will close: IMAP `* BYE`, SMTP 221/421, POP3 `+OK` to QUIT.
    Bye,
    /// The connection closed (no response; from [`Follower::closed`]).
    Close,
    /// Part of a response too long for one step (more of it follows).
    Intermediate,
}

/// One server response, followed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The command this response answers (IMAP: by tag for a tagged line, the
    /// oldest command awaiting an answer for untagged data); `None` for the
    /// greeting, for a tag no command carried, and for unsolicited lines.
    pub command: Option<Arc<ClientLine>>,
    /// The state before this response.
    pub before: State,
    /// The state after it.
    pub after: State,
    pub kind: StepKind,
    /// This response ends the command it answers.
    pub ends_command: bool,
    /// This is the server's greeting.
    pub greeting: bool,
    /// The server accepted STARTTLS/STLS: the next bytes are a TLS handshake.
    pub tls_start: bool,
    /// The connection was protected by TLS when the response arrived.
    pub tls: bool,
    /// IMAP: the mailbox selected after this response.
    pub mailbox: Option<String>,
    /// IMAP: the selected mailbox is read-only (EXAMINE, `[READ-ONLY]`).
    pub read_only: bool,
    /// The response's lines and data.
    pub parts: Vec<Part>,
}

impl Step {
    /// Every wire line (not literal or block data), lossily decoded.
    pub fn lines(&self) -> impl Iterator<Item = String> + '_ {
        self.parts.iter().filter_map(|p| match p {
            Part::Line { text, .. } => Some(String::from_utf8_lossy(text).into_owned()),
            _ => None,
        })
    }

    /// The first wire line (the status line), empty if there is none.
    pub fn first_line(&self) -> String {
        self.lines().next().unwrap_or_default()
    }

    /// The last wire line: for SMTP the one that carries the final status.
    pub fn last_line(&self) -> String {
        self.lines().last().unwrap_or_default()
    }

    /// The answered command's name (`SELECT`, `UID FETCH`), if known.
    pub fn command_name(&self) -> Option<&str> {
        self.command.as_ref().and_then(|c| c.command.as_deref())
    }
}

/// What the client's next line is, by what the conversation has reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expect {
    /// A new command.
    Command,
    /// A synchronising literal was announced: the server's `+` comes first.
    LiteralContinuation { size: u64, secret: bool },
    /// Octets of a literal (or an SMTP BDAT chunk): `left` still to send.
    Literal { left: u64, secret: bool },
    /// The rest of an IMAP command after a literal.
    Rest,
    /// An answer to a continuation request (SASL: secret).
    Answer { secret: bool },
    /// IMAP IDLE is on: `DONE` ends it (RFC 2177).
    IdleDone,
    /// SMTP message body after 354, up to a lone `.`.
    Body,
}

/// What a command awaiting its answer is.
#[derive(Clone, Debug)]
struct Pending {
    /// `None`: the greeting.
    line: Option<Arc<ClientLine>>,
}

/// Follows one session of one protocol from both sides.
#[derive(Clone, Debug)]
pub struct Follower {
    protocol: Protocol,
    state: State,
    mailbox: Option<String>,
    read_only: bool,
    tls: bool,
    closed: bool,
    /// SMTP/POP3: a successful AUTH was seen (SMTP: forgotten after STARTTLS).
    authenticated: bool,
    pending: VecDeque<Pending>,
    mailboxes: BTreeSet<String>,
    /// Octets of literal or block data kept per response.
    keep: usize,
    // Server side framing.
    line: Vec<u8>,
    cut: usize,
    current: Vec<Part>,
    literal_left: u64,
    in_block: bool,
    kept: usize,
    // Client side.
    cbuf: Vec<u8>,
    expect: Expect,
    /// The command a literal, a rest line or an answer belongs to.
    open: Option<(Arc<ClientLine>, usize)>,
}

impl Follower {
    /// A fresh connection of `protocol`: the greeting is awaited first. Literal and
    /// block data are counted, not kept (see [`Follower::keep_data`]).
    pub fn new(protocol: Protocol) -> Follower {
        let mut pending = VecDeque::new();
        pending.push_back(Pending { line: None });
        Follower {
            protocol,
            state: State::initial(protocol),
            mailbox: None,
            read_only: false,
            tls: false,
            closed: false,
            authenticated: false,
            pending,
            mailboxes: BTreeSet::new(),
            keep: 0,
            line: Vec::new(),
            cut: 0,
            current: Vec::new(),
            literal_left: 0,
            in_block: false,
            kept: 0,
            cbuf: Vec::new(),
            expect: Expect::Command,
            open: None,
        }
    }

    /// Keeps up to `max` octets of literal and block data per response in the
    /// steps' parts (a front end that shows message bodies).
    pub fn keep_data(mut self, max: usize) -> Follower {
        self.keep = max;
        self
    }

    /// The protocol followed.
    pub fn protocol(&self) -> Protocol {
        self.protocol
    }

    /// The session's state now.
    pub fn state(&self) -> State {
        self.state
    }

    /// IMAP: the selected mailbox.
    pub fn mailbox(&self) -> Option<&str> {
        self.mailbox.as_deref()
    }

    /// IMAP: the selected mailbox is read-only.
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// The connection is protected by TLS (implicit TLS, or after STARTTLS/STLS).
    pub fn tls(&self) -> bool {
        self.tls
    }

    /// Marks the connection as protected by TLS (implicit TLS, or a finished
    /// handshake the front end ran).
    pub fn set_tls(&mut self, on: bool) {
        self.tls = on;
    }

    /// SMTP/POP3: a successful AUTH was seen (SMTP: since the last STARTTLS).
    pub fn authenticated(&self) -> bool {
        self.authenticated
    }

    /// The connection is closed.
    pub fn is_closed(&self) -> bool {
        self.closed
    }

    /// What the client's next line is.
    pub fn expect(&self) -> &Expect {
        &self.expect
    }

    /// Mailbox names seen in LIST/LSUB/STATUS responses and SELECT/EXAMINE commands.
    pub fn mailboxes(&self) -> &BTreeSet<String> {
        &self.mailboxes
    }

    /// Whether any answer is still awaited (the greeting counts).
    pub fn waiting(&self) -> bool {
        !self.closed && !self.pending.is_empty()
    }

    /// Whether the greeting has not arrived yet.
    pub fn awaiting_greeting(&self) -> bool {
        !self.closed && self.pending.front().is_some_and(|p| p.line.is_none())
    }

    /// IMAP: whether the command tagged `tag` still awaits its tagged answer.
    pub fn is_pending_tag(&self, tag: &str) -> bool {
        self.pending.iter().any(|p| {
            p.line
                .as_ref()
                .and_then(|l| l.tag.as_deref())
                .is_some_and(|t| t == tag)
        })
    }

    /// The command whose answer is awaited first (`None` while the greeting is).
    pub fn awaited(&self) -> Option<&Arc<ClientLine>> {
        self.pending.front().and_then(|p| p.line.as_ref())
    }

    /// Forgets every awaited answer (a front end gave up waiting: SMTP and POP3
    /// answer in order, so a reply that never came must not shift later ones).
    pub fn forget_pending(&mut self) {
        self.pending.clear();
    }

    /// Octets of a server literal still to come (IMAP), 0 outside one.
    pub fn server_literal_left(&self) -> u64 {
        self.literal_left
    }

    /// POP3: inside a multi-line answer's data lines (before its `.`).
    pub fn in_block(&self) -> bool {
        self.in_block
    }

    /// Stops waiting for the greeting (a transcript that starts after it).
    pub fn skip_greeting(&mut self) {
        if self.pending.front().is_some_and(|p| p.line.is_none()) {
            self.pending.pop_front();
        }
    }

    /// Whether a server response has started and not ended.
    pub fn is_mid_response(&self) -> bool {
        !self.current.is_empty() || !self.line.is_empty() || self.literal_left > 0
    }

    // ------------------------------------------------------------------ client

    /// A command line the client sent (already parsed). When the conversation
    /// expects something else (literal octets, a body line, a SASL answer) the
    /// line is taken as that instead.
    pub fn client_line(&mut self, line: &ClientLine) -> Vec<Sent> {
        if self.expect == Expect::Command && self.cbuf.is_empty() {
            return vec![self.command(Arc::new(line.clone()))];
        }
        let mut bytes = line.raw.as_bytes().to_vec();
        bytes.extend_from_slice(b"\r\n");
        self.client_bytes(&bytes)
    }

    /// Bytes the client sent, in any chunking: command lines, literal octets, body
    /// lines, SASL answers.
    pub fn client_bytes(&mut self, mut input: &[u8]) -> Vec<Sent> {
        let mut out = Vec::new();
        while !input.is_empty() {
            if let Expect::Literal { left, secret } = self.expect {
                let take = usize::try_from(left).unwrap_or(usize::MAX).min(input.len());
                input = &input[take..];
                let left = left - take as u64;
                out.push(Sent::Literal {
                    octets: take as u64,
                    left,
                    secret,
                });
                if left == 0 {
                    self.literal_done();
                } else {
                    self.expect = Expect::Literal { left, secret };
                }
                continue;
            }
            match input.iter().position(|&b| b == b'\n') {
                Some(nl) => {
                    let room = MAX_LINE.saturating_sub(self.cbuf.len()).min(nl);
                    self.cbuf.extend_from_slice(&input[..room]);
                    input = &input[nl + 1..];
                    let mut text = std::mem::take(&mut self.cbuf);
                    if text.last() == Some(&b'\r') {
                        text.pop();
                    }
                    let text = String::from_utf8_lossy(&text).into_owned();
                    out.push(self.client_text_line(&text));
                }
                None => {
                    let room = MAX_LINE.saturating_sub(self.cbuf.len()).min(input.len());
                    self.cbuf.extend_from_slice(&input[..room]);
                    input = &[];
                }
            }
        }
        out
    }

    fn client_text_line(&mut self, text: &str) -> Sent {
        match std::mem::replace(&mut self.expect, Expect::Command) {
            Expect::Command | Expect::LiteralContinuation { .. } | Expect::Literal { .. } => {
                self.command(Arc::new(ClientLine::parse(self.protocol, text)))
            }
            Expect::Rest => {
                let (cmd, before) = self
                    .open
                    .clone()
                    .unwrap_or_else(|| (Arc::new(ClientLine::parse(self.protocol, "")), 0));
                let rest = Arc::new(ClientLine::rest(&cmd, before, text));
                self.after_line(&cmd, &rest);
                Sent::Rest(rest)
            }
            Expect::Answer { secret } => Sent::Answer {
                line: text.to_string(),
                secret: secret && text != "*",
            },
            Expect::IdleDone => Sent::Answer {
                line: text.to_string(),
                secret: false,
            },
            Expect::Body => {
                if text == "." {
                    Sent::BodyEnd
                } else {
                    self.expect = Expect::Body;
                    Sent::Body(text.to_string())
                }
            }
        }
    }

    /// A new command line.
    fn command(&mut self, line: Arc<ClientLine>) -> Sent {
        if line.is_empty() {
            return Sent::Command(line);
        }
        // IDLE's DONE (an untagged command line) answers the IDLE under way.
        if line.spec.is_some_and(|s| s.untagged) && line.tag.is_none() {
            return Sent::Answer {
                line: line.raw.clone(),
                secret: false,
            };
        }
        if self.pending.len() < MAX_TRACKED {
            self.pending.push_back(Pending {
                line: Some(line.clone()),
            });
        }
        if self.protocol == Protocol::Imap
            && matches!(line.command.as_deref(), Some("SELECT" | "EXAMINE"))
        {
            if let Some(mb) = line.first_arg() {
                self.remember_mailbox(mb);
            }
        }
        self.after_line(&line, &line);
        Sent::Command(line)
    }

    /// After a command line or a rest line `part` of `cmd`: a literal to come?
    fn after_line(&mut self, cmd: &Arc<ClientLine>, part: &ClientLine) {
        self.expect = Expect::Command;
        let Some(lit) = part.literal else {
            self.open = None;
            return;
        };
        self.open = Some((cmd.clone(), part.args_through()));
        if lit.non_sync {
            if lit.size == 0 {
                self.literal_done();
            } else {
                self.expect = Expect::Literal {
                    left: lit.size,
                    secret: lit.secret,
                };
            }
        } else {
            self.expect = Expect::LiteralContinuation {
                size: lit.size,
                secret: lit.secret,
            };
        }
    }

    fn literal_done(&mut self) {
        self.expect = if self.protocol == Protocol::Imap {
            Expect::Rest
        } else {
            self.open = None;
            Expect::Command
        };
    }

    // ------------------------------------------------------------------ server

    /// Bytes from the server, in any chunking: the steps of every response they
    /// complete.
    pub fn server_bytes(&mut self, mut input: &[u8]) -> Vec<Step> {
        let mut steps = Vec::new();
        while !input.is_empty() {
            if self.literal_left > 0 {
                let take = usize::try_from(self.literal_left)
                    .unwrap_or(usize::MAX)
                    .min(input.len());
                if let Some(Part::Literal { data, .. }) = self.current.last_mut() {
                    let room = self.keep.saturating_sub(self.kept).min(take);
                    data.extend_from_slice(&input[..room]);
                    self.kept += room;
                }
                self.literal_left -= take as u64;
                input = &input[take..];
                continue;
            }
            match input.iter().position(|&b| b == b'\n') {
                Some(nl) => {
                    self.append_line(&input[..nl]);
                    input = &input[nl + 1..];
                    let mut text = std::mem::take(&mut self.line);
                    let cut = std::mem::take(&mut self.cut);
                    if text.last() == Some(&b'\r') {
                        text.pop();
                    }
                    self.complete_line(text, cut, &mut steps);
                }
                None => {
                    self.append_line(input);
                    input = &[];
                }
            }
        }
        steps
    }

    /// The connection closed: a partial response (if any) and a [`StepKind::Close`]
    /// step. Nothing more is awaited.
    pub fn closed(&mut self) -> Vec<Step> {
        let mut steps = Vec::new();
        if self.closed {
            return steps;
        }
        if !self.line.is_empty() || self.cut > 0 {
            let text = std::mem::take(&mut self.line);
            let cut = std::mem::take(&mut self.cut);
            self.current.push(Part::Line { text, cut });
        }
        self.literal_left = 0;
        self.in_block = false;
        if !self.current.is_empty() {
            let step = self.respond();
            steps.push(step);
        }
        let before = self.state;
        self.state = match self.state {
            State::Imap(_) => State::Imap(ImapState::Logout),
            State::Smtp(_) => State::Smtp(SmtpState::Closed),
            s => s,
        };
        self.closed = true;
        self.pending.clear();
        self.expect = Expect::Command;
        steps.push(Step {
            command: None,
            before,
            after: self.state,
            kind: StepKind::Close,
            ends_command: false,
            greeting: false,
            tls_start: false,
            tls: self.tls,
            mailbox: self.mailbox.clone(),
            read_only: self.read_only,
            parts: Vec::new(),
        });
        steps
    }

    fn append_line(&mut self, bytes: &[u8]) {
        let room = MAX_LINE.saturating_sub(self.line.len()).min(bytes.len());
        self.line.extend_from_slice(&bytes[..room]);
        self.cut += bytes.len() - room;
    }

    fn push_part(&mut self, part: Part, steps: &mut Vec<Step>) {
        if self.current.len() >= MAX_PARTS {
            let parts = std::mem::take(&mut self.current);
            steps.push(Step {
                command: self.awaited().cloned(),
                before: self.state,
                after: self.state,
                kind: StepKind::Intermediate,
                ends_command: false,
                greeting: false,
                tls_start: false,
                tls: self.tls,
                mailbox: self.mailbox.clone(),
                read_only: self.read_only,
                parts,
            });
        }
        self.current.push(part);
    }

    fn complete_line(&mut self, text: Vec<u8>, cut: usize, steps: &mut Vec<Step>) {
        match self.protocol {
            Protocol::Imap => {
                let literal = if cut == 0 {
                    std::str::from_utf8(&text)
                        .ok()
                        .and_then(reply::literal_size)
                } else {
                    None
                };
                self.push_part(Part::Line { text, cut }, steps);
                match literal {
                    Some(size) => {
                        self.literal_left = size;
                        let keep = usize::try_from(size)
                            .unwrap_or(usize::MAX)
                            .min(self.keep.saturating_sub(self.kept))
                            .min(16 * 1024 * 1024);
                        self.push_part(
                            Part::Literal {
                                size,
                                data: Vec::with_capacity(keep),
                            },
                            steps,
                        );
                    }
                    None => steps.push(self.respond()),
                }
            }
            Protocol::Smtp => {
                let last = smtp_is_last(&text);
                self.push_part(Part::Line { text, cut }, steps);
                if last {
                    steps.push(self.respond());
                }
            }
            Protocol::Pop3 => {
                if self.in_block {
                    if text == b"." {
                        self.in_block = false;
                        self.push_part(Part::Line { text, cut }, steps);
                        steps.push(self.respond());
                        return;
                    }
                    // RFC 1939 §3: a data line starting with "." was byte-stuffed.
                    let unstuffed = text.strip_prefix(b".").unwrap_or(&text);
                    let keep = self.keep;
                    if let Some(Part::Block { size, lines, data }) = self.current.last_mut() {
                        *size += unstuffed.len() as u64 + cut as u64 + 2;
                        *lines += 1;
                        if self.kept < keep {
                            data.extend_from_slice(unstuffed);
                            data.extend_from_slice(b"\r\n");
                            self.kept += unstuffed.len() + 2;
                        }
                    }
                    return;
                }
                let ok = text.starts_with(b"+OK");
                let multiline = ok
                    && self
                        .pending
                        .front()
                        .and_then(|p| p.line.as_ref())
                        .is_some_and(|l| l.expects_multiline);
                self.push_part(Part::Line { text, cut }, steps);
                if multiline {
                    self.in_block = true;
                    self.push_part(
                        Part::Block {
                            size: 0,
                            lines: 0,
                            data: Vec::new(),
                        },
                        steps,
                    );
                } else {
                    steps.push(self.respond());
                }
            }
        }
    }

    /// A complete response is in `current`: follow it.
    fn respond(&mut self) -> Step {
        self.kept = 0;
        let parts = std::mem::take(&mut self.current);
        let before = self.state;
        let tls = self.tls;
        let mut step = Step {
            command: None,
            before,
            after: before,
            kind: StepKind::Complete,
            ends_command: false,
            greeting: false,
            tls_start: false,
            tls,
            mailbox: None,
            read_only: false,
            parts,
        };
        match self.protocol {
            Protocol::Imap => self.imap_step(&mut step),
            Protocol::Smtp => self.smtp_step(&mut step),
            Protocol::Pop3 => self.pop3_step(&mut step),
        }
        step.after = self.state;
        step.mailbox = self.mailbox.clone();
        step.read_only = self.read_only;
        step
    }

    /// Takes the greeting off the queue when it is what is awaited.
    fn take_greeting(&mut self, step: &mut Step) -> bool {
        if self.pending.front().is_some_and(|p| p.line.is_none()) {
            self.pending.pop_front();
            step.greeting = true;
            step.ends_command = true;
            true
        } else {
            false
        }
    }

    /// The command a continuation request belongs to: the one a literal is open
    /// for; else IMAP's newest command (the client waits for the `+` before it
    /// sends more), SMTP's and POP3's oldest (they answer in order).
    fn continuing(&self) -> Option<Arc<ClientLine>> {
        if let Some((c, _)) = &self.open {
            return Some(c.clone());
        }
        let p = if self.protocol == Protocol::Imap {
            self.pending.back()
        } else {
            self.pending.front()
        };
        p.and_then(|p| p.line.clone())
    }

    /// A continuation request: what the client sends next.
    fn on_continuation(&mut self, step: &mut Step) {
        step.kind = StepKind::Continuation;
        step.command = self.continuing();
        if let Expect::LiteralContinuation { size, secret } = self.expect {
            self.expect = if size == 0 {
                if self.protocol == Protocol::Imap {
                    Expect::Rest
                } else {
                    Expect::Command
                }
            } else {
                Expect::Literal { left: size, secret }
            };
            return;
        }
        let name = step.command_name().unwrap_or("").to_string();
        self.expect = match (self.protocol, name.as_str()) {
            (Protocol::Imap, "IDLE") => Expect::IdleDone,
            (Protocol::Smtp, "DATA") => Expect::Body,
            (Protocol::Imap, "AUTHENTICATE") | (Protocol::Smtp | Protocol::Pop3, "AUTH") => {
                Expect::Answer { secret: true }
            }
            _ => Expect::Answer { secret: false },
        };
    }

    fn imap_step(&mut self, step: &mut Step) {
        let first = step.first_line();
        let r = reply::imap(&first);
        let status = r.status.as_deref().unwrap_or("");
        match r.kind {
            ImapKind::Continuation => self.on_continuation(step),
            ImapKind::Untagged => {
                if self.take_greeting(step) {
                    match status {
                        "PREAUTH" => self.state = State::Imap(ImapState::Authenticated),
                        "BYE" => {
                            self.state = State::Imap(ImapState::Logout);
                            step.kind = StepKind::Bye;
                        }
                        _ => {}
                    }
                    return;
                }
                step.command = self.awaited().cloned();
                step.kind = StepKind::Untagged;
                if status == "BYE" {
                    self.state = State::Imap(ImapState::Logout);
                    step.kind = StepKind::Bye;
                    return;
                }
                match r.keyword.as_deref() {
                    Some("LIST" | "LSUB" | "XLIST") => {
                        if let Some(name) = list_mailbox_name(step) {
                            self.remember_mailbox(name);
                        }
                    }
                    Some("STATUS") => {
                        if let Some(name) = first_astring(r.text) {
                            self.remember_mailbox(name);
                        }
                    }
                    _ => {}
                }
            }
            ImapKind::Tagged => {
                let idx = self.pending.iter().position(|p| {
                    p.line
                        .as_ref()
                        .and_then(|l| l.tag.as_deref())
                        .is_some_and(|t| t == r.tag)
                });
                let Some(done) = idx.and_then(|i| self.pending.remove(i)) else {
                    // A tag no command we saw carried: nothing to follow.
                    return;
                };
                let Some(cmd) = done.line else { return };
                step.ends_command = true;
                if self
                    .open
                    .as_ref()
                    .is_some_and(|(c, _)| Arc::ptr_eq(c, &cmd))
                    || matches!(self.expect, Expect::IdleDone | Expect::Answer { .. })
                {
                    // The command is over, whatever was still to come from the client.
                    self.open = None;
                    self.expect = Expect::Command;
                }
                self.imap_tagged(&cmd, status, r.code.as_deref(), step);
                step.command = Some(cmd);
            }
            ImapKind::Other => {
                step.command = self.awaited().cloned();
                step.kind = StepKind::Untagged;
            }
        }
    }

    fn imap_tagged(&mut self, cmd: &ClientLine, status: &str, code: Option<&str>, step: &mut Step) {
        let ok = status == "OK";
        match cmd.command.as_deref().unwrap_or("") {
            "LOGIN" | "AUTHENTICATE" if ok => self.state = State::Imap(ImapState::Authenticated),
            "SELECT" | "EXAMINE" => match status {
                "OK" => {
                    self.state = State::Imap(ImapState::Selected);
                    self.mailbox = Some(cmd.first_arg().unwrap_or_default());
                    self.read_only = match code {
                        Some("READ-ONLY") => true,
                        Some("READ-WRITE") => false,
                        _ => cmd.command.as_deref() == Some("EXAMINE"),
                    };
                }
                // RFC 3501 §6.3.1: a failed SELECT leaves no mailbox selected. A BAD
                // (no argument, bad syntax) was never carried out: nothing changes.
                "NO" if self.state == State::Imap(ImapState::Selected) => {
                    self.state = State::Imap(ImapState::Authenticated);
                    self.mailbox = None;
                    self.read_only = false;
                }
                _ => {}
            },
            "CLOSE" | "UNSELECT" if ok => {
                self.state = State::Imap(ImapState::Authenticated);
                self.mailbox = None;
                self.read_only = false;
            }
            "LOGOUT" if ok => self.state = State::Imap(ImapState::Logout),
            "STARTTLS" if ok => {
                step.tls_start = true;
                self.tls = true;
            }
            _ => {}
        }
    }

    fn smtp_step(&mut self, step: &mut Step) {
        let last = step.last_line();
        let code = reply::smtp(&last).map_or(0, |r| r.code);
        if code == 421 {
            // RFC 5321 §3.8: the server closes, whatever was asked.
            self.take_greeting(step);
            if !step.greeting {
                step.command = self.pending.pop_front().and_then(|p| p.line);
                step.ends_command = step.command.is_some();
            }
            self.state = State::Smtp(SmtpState::Closed);
            step.kind = StepKind::Bye;
            return;
        }
        if self.take_greeting(step) {
            return;
        }
        if matches!(code, 334 | 354) && self.awaited().is_some() {
            self.on_continuation(step);
            if code == 354 {
                self.state = State::Smtp(SmtpState::Data);
            }
            return;
        }
        let Some(cmd) = self.pending.pop_front().and_then(|p| p.line) else {
            return;
        };
        step.ends_command = true;
        let positive = code / 100 == 2;
        let state = match self.state {
            State::Smtp(s) => s,
            _ => SmtpState::Connected,
        };
        let name = cmd.command.clone().unwrap_or_default();
        let next = match name.as_str() {
            // The answer to the message's end: the transaction is over either way
            // (RFC 5321 §4.1.1.4, §3.3).
            "DATA" if state == SmtpState::Data => SmtpState::Greeted,
            "HELO" | "EHLO" if positive => SmtpState::Greeted,
            "MAIL" if positive => SmtpState::Mail,
            "RCPT" if positive => SmtpState::Rcpt,
            "BDAT" if positive && bdat_last(&cmd) => SmtpState::Greeted,
            // RSET ends a transaction; before EHLO there is none to end.
            "RSET" if positive && state != SmtpState::Connected => SmtpState::Greeted,
            // RFC 3207 §4.2: after the handshake the client starts again with EHLO;
            // an AUTH before it is forgotten too.
            "STARTTLS" if code == 220 => {
                step.tls_start = true;
                self.tls = true;
                self.authenticated = false;
                SmtpState::Connected
            }
            "AUTH" if code == 235 => {
                self.authenticated = true;
                state
            }
            "QUIT" if code == 221 => {
                step.kind = StepKind::Bye;
                SmtpState::Closed
            }
            _ => state,
        };
        if matches!(self.expect, Expect::Answer { .. } | Expect::Body) {
            self.expect = Expect::Command;
        }
        self.state = State::Smtp(next);
        step.command = Some(cmd);
    }

    fn pop3_step(&mut self, step: &mut Step) {
        let first = step.first_line();
        let line = reply::pop3(&first);
        let ok = matches!(line, Pop3Line::Ok { .. });
        if self.take_greeting(step) {
            if matches!(line, Pop3Line::Err { .. }) {
                step.kind = StepKind::Bye;
            }
            return;
        }
        if matches!(line, Pop3Line::Continuation(_)) && self.awaited().is_some() {
            self.on_continuation(step);
            return;
        }
        let Some(cmd) = self.pending.pop_front().and_then(|p| p.line) else {
            return;
        };
        step.ends_command = true;
        if matches!(self.expect, Expect::Answer { .. }) {
            self.expect = Expect::Command;
        }
        let state = match self.state {
            State::Pop3(s) => s,
            _ => Pop3State::Authorization,
        };
        let next = match cmd.command.as_deref().unwrap_or("") {
            "PASS" | "APOP" | "AUTH" if ok => {
                self.authenticated = true;
                Pop3State::Transaction
            }
            // RFC 1939 §6: QUIT in TRANSACTION enters UPDATE; a -ERR (the deletions
            // failed) changes nothing the client can rely on.
            "QUIT" if ok => {
                step.kind = StepKind::Bye;
                if state == Pop3State::Transaction {
                    Pop3State::Update
                } else {
                    state
                }
            }
            "STLS" if ok => {
                step.tls_start = true;
                self.tls = true;
                state
            }
            _ => state,
        };
        self.state = State::Pop3(next);
        step.command = Some(cmd);
    }

    fn remember_mailbox(&mut self, name: String) {
        if self.mailboxes.len() < MAX_TRACKED && !name.is_empty() {
            self.mailboxes.insert(name);
        }
    }
}

/// Whether an SMTP reply line is the last of its reply (RFC 5321 §4.2.1): anything
/// but `ddd-...` ends the reply, so a server that breaks the format cannot stall us.
pub fn smtp_is_last(line: &[u8]) -> bool {
    !(line.len() >= 4 && line[..3].iter().all(u8::is_ascii_digit) && line[3] == b'-')
}

/// `BDAT size LAST` ends the message (RFC 3030 §2).
fn bdat_last(cmd: &ClientLine) -> bool {
    cmd.args
        .get(1)
        .is_some_and(|a| a.text.eq_ignore_ascii_case("LAST"))
}

/// The first IMAP astring of `s`: an atom or a quoted string (unquoted).
fn first_astring(s: &str) -> Option<String> {
    let s = s.trim_start();
    if s.starts_with('"') {
        line::unquote(s)
    } else {
        line::unquote(s.split(' ').next()?)
    }
}

/// The mailbox name at the end of a `* LIST (attrs) "/" name` response.
fn list_mailbox_name(step: &Step) -> Option<String> {
    let line = step.first_line();
    let close = line.find(')')?;
    let rest = line.get(close + 1..)?.trim_start();
    // Skip the delimiter: a quoted string or NIL.
    let rest = if let Some(r) = rest.strip_prefix("NIL") {
        r
    } else {
        let r = rest.strip_prefix('"')?;
        let r = r.strip_prefix('\\').map_or(r, |x| x.get(1..).unwrap_or(""));
        let end = r.find('"')?;
        r.get(end + 1..)?
    };
    let rest = rest.trim_start();
    if rest.ends_with('}') {
        // The name came as a literal.
        return step.parts.iter().find_map(|p| match p {
            Part::Literal { data, .. } if !data.is_empty() => {
                Some(String::from_utf8_lossy(data).into_owned())
            }
            _ => None,
        });
    }
    first_astring(rest)
}

#[cfg(test)]
mod tests;
