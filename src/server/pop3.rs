//! The mock POP3 server session (RFC 1939) with CAPA and response codes (RFC 2449),
//! SASL AUTH (RFC 5034), APOP and STLS (RFC 2595).
//!
//! The maildrop is the user's INBOX in the shared store. As RFC 1939 says, the message
//! list is fixed at login: mail arriving later shows at the next login, and a message
//! an IMAP session expunged meanwhile answers `-ERR` with the reason. DELE only marks;
//! QUIT in the TRANSACTION state removes the marked messages (IMAP sessions then see
//! EXPUNGE); a dropped connection or a timeout deletes nothing. One POP3 session at a
//! time holds a user's maildrop lock (`-ERR [IN-USE]` for the next, RFC 2449 §8.1.1).
//!
//! Sans-I/O like the SMTP session: bytes in any chunking, every complete command
//! answered in one [`Output`].

use std::fmt::Write as _;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};

use super::smtp::lines::{control_char, split_verb, Line, LineSplitter};
use super::{auth, say, Output, ServerConfig, Session};
use crate::protocol::sasl::{self, Credentials, Mechanism, SaslError, ServerExchange, ServerStep};
use crate::protocol::{self, Protocol};
use crate::store::SharedStore;

/// RFC 2449 §4: a command line is at most 255 octets including CRLF.
const MAX_COMMAND_LINE: usize = 255;
/// SASL responses can be longer than commands (RFC 5034 §4 sets no lower bound).
const MAX_AUTH_LINE: usize = 12288;
/// Bad commands tolerated before the server hangs up.
const MAX_ERRORS: u32 = 25;
/// Failed logins (PASS, APOP, AUTH) tolerated before the server hangs up; the driver
/// also slows each one down.
const MAX_AUTH_FAILURES: u32 = 5;
/// Output gathered in one call before the session stops and lets the driver write it
/// (see [`Session::has_pending_input`]): pipelined RETRs must not pile up in memory.
const OUTPUT_BUDGET: usize = 1 << 20;

/// The syntax line of a command, from the shared command table (the one that also
/// feeds the REPL's hints and `:help`).
fn syntax(name: &str) -> String {
    protocol::command(Protocol::Pop3, name)
        .map_or_else(|| name.to_string(), |spec| spec.syntax.clone())
}

/// One message of the maildrop as listed at login.
struct Entry {
    uid: u32,
    size: usize,
    deleted: bool,
}

/// The fixed message list of a logged-in session (RFC 1939 §5).
struct Maildrop {
    user: String,
    uidvalidity: u32,
    entries: Vec<Entry>,
}

impl Maildrop {
    fn live(&self) -> impl Iterator<Item = (usize, &Entry)> {
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.deleted)
            .map(|(i, e)| (i + 1, e))
    }
    fn totals(&self) -> (usize, usize) {
        self.live()
            .fold((0, 0), |(n, size), (_, e)| (n + 1, size + e.size))
    }
}

enum State {
    /// Before login; `user` is set after a USER command.
    Authorization {
        user: Option<String>,
    },
    /// A SASL exchange started by AUTH.
    Auth(ServerExchange),
    Transaction(Maildrop),
    /// STLS was accepted; nothing more is read in plain text.
    TlsPending,
}

/// Why a login could not take the maildrop.
enum LoginError {
    InUse,
    NoInbox,
}

/// One POP3 connection's state machine.
pub struct Pop3Session {
    store: SharedStore,
    config: ServerConfig,
    id: u64,
    /// The APOP timestamp of the greeting (RFC 1939 §7), `<id.time@host>`.
    timestamp: Option<String>,
    inbuf: Vec<u8>,
    lines: LineSplitter,
    state: State,
    errors: u32,
    auth_failures: u32,
    closed: bool,
    /// Stopped at the output budget with commands still in `inbuf`.
    paused: bool,
    /// QUIT was accepted in TRANSACTION: the UPDATE state (RFC 1939 §6).
    updated: bool,
}

impl Pop3Session {
    /// A session on `store` with `config`; call [`Session::greeting`] first.
    pub fn new(store: SharedStore, config: ServerConfig) -> Self {
        let id = store.new_session_id();
        Pop3Session {
            store,
            config,
            id,
            timestamp: None,
            inbuf: Vec::new(),
            lines: LineSplitter::default(),
            state: State::Authorization { user: None },
            errors: 0,
            auth_failures: 0,
            closed: false,
            paused: false,
            updated: false,
        }
    }

    /// Uses `time` instead of the clock (APOP timestamp, CRAM-MD5 challenge), so a
    /// transcript can be replayed byte for byte.
    pub fn with_time(mut self, time: DateTime<FixedOffset>) -> Self {
        self.config.clock = super::Clock::fixed(time);
        self
    }

    /// The logged-in user, if any.
    pub fn user(&self) -> Option<&str> {
        match &self.state {
            State::Transaction(m) => Some(&m.user),
            _ => None,
        }
    }

    fn unix_time(&self) -> u64 {
        let t = self.config.clock.now();
        u64::try_from(t.timestamp()).unwrap_or(0)
    }

    fn apop_timestamp(&mut self) -> String {
        if self.timestamp.is_none() {
            let ts = sasl::cram_md5_challenge(self.id, self.unix_time(), &self.config.hostname);
            self.timestamp = Some(ts);
        }
        self.timestamp.clone().unwrap_or_default()
    }

    /// Plain-text credentials are refused until TLS when the config says so.
    fn plaintext_allowed(&self) -> bool {
        !self.config.require_tls || self.config.tls_active
    }

    // ------------------------------------------------------------------ replies

    fn ok(&mut self, out: &mut Output, text: &str) {
        push_fmt(out, format_args!("+OK {text}\r\n"));
    }

    fn err(&mut self, out: &mut Output, text: &str) {
        push_fmt(out, format_args!("-ERR {text}\r\n"));
    }

    /// A protocol error (unknown command, bad syntax, wrong state): counted, and too
    /// many end the session.
    fn bad(&mut self, out: &mut Output, text: &str) {
        self.err(out, text);
        self.errors += 1;
        if self.errors >= MAX_ERRORS && !self.closed {
            push_fmt(
                out,
                format_args!(
                    "-ERR {}\r\n",
                    crate::tr_en!("server.pop3.too_many_bad_commands", max_errors = MAX_ERRORS)
                ),
            );
            self.release_lock();
            self.close(out);
        }
    }

    /// A failed login: `-ERR` with the reason, counted as an error and as a failed
    /// login; too many end the session.
    fn login_failed(&mut self, out: &mut Output, refusal: auth::Refusal, user: &str, text: &str) {
        out.auth_failed = true;
        let text = match refusal {
            auth::Refusal::AppPasswordRequired => {
                say("server.pop3.auth.app_password", &[("user", user)])
            }
            auth::Refusal::Invalid | auth::Refusal::Authorization => text.to_string(),
            // RFC 3206: SYS/PERM when the server will make no more accounts.
            auth::Refusal::NewAccount(why) => format!(
                "{} {}",
                match why {
                    crate::store::accounts::NewAccountRefusal::Full(_) => "[SYS/PERM]",
                    _ => "[AUTH]",
                },
                auth::new_account_text(why, user)
            ),
        };
        self.auth_failures += 1;
        self.bad(out, &text);
        if self.auth_failures >= MAX_AUTH_FAILURES && !self.closed {
            let text = say(
                "server.pop3.auth.too_many",
                &[("count", &self.auth_failures.to_string())],
            );
            self.err(out, &text);
            self.release_lock();
            self.close(out);
        }
    }

    fn syntax_error(&mut self, name: &str, out: &mut Output) {
        let text = format!("Syntax: {}", syntax(name));
        self.bad(out, &text);
    }

    fn close(&mut self, out: &mut Output) {
        self.closed = true;
        out.close = true;
    }

    /// Frees the maildrop without deleting anything (timeout, disconnect).
    fn release_lock(&mut self) {
        if let State::Transaction(m) = &self.state {
            let user = m.user.clone();
            self.store.write(|i| i.pop3_locks.remove(&user));
        }
        self.state = State::Authorization { user: None };
    }

    // ------------------------------------------------------------------ input

    fn process(&mut self, data: &[u8], out: &mut Output) -> usize {
        let mut pos = 0;
        loop {
            if self.closed || matches!(self.state, State::TlsPending) {
                // RFC 2595 §4 / CVE-2011-0411: nothing pipelined after STLS is acted on.
                return data.len();
            }
            if out.bytes.len() >= OUTPUT_BUDGET && pos < data.len() {
                self.paused = true;
                return pos;
            }
            let limit = if matches!(self.state, State::Auth(_)) {
                MAX_AUTH_LINE
            } else {
                MAX_COMMAND_LINE
            };
            let (n, line) = self.lines.next(&data[pos..], limit);
            pos += n;
            match line {
                None => return pos,
                Some(Line::TooLong) => {
                    if matches!(self.state, State::Auth(_)) {
                        self.state = State::Authorization { user: None };
                    }
                    self.bad(out, &crate::tr_en!("server.pop3.line_too_long_pop3"));
                }
                Some(Line::Text { text, .. }) => {
                    out.command_done = true;
                    if matches!(self.state, State::Auth(_)) {
                        self.auth_line(text, out);
                    } else {
                        self.command_line(text, out);
                    }
                }
            }
        }
    }

    fn command_line(&mut self, raw: &[u8], out: &mut Output) {
        if let Some(what) = control_char(raw) {
            let text = crate::tr_en!("server.pop3.line_contains_commands_printable", what = what);
            return self.bad(out, &text);
        }
        let Ok(line) = std::str::from_utf8(raw) else {
            return self.bad(out, &crate::tr_en!("server.pop3.line_not_valid_utf"));
        };
        if line.trim().is_empty() {
            return self.bad(out, &crate::tr_en!("server.pop3.empty_line_type_command"));
        }
        let (verb, _) = split_verb(line);
        let upper = verb.to_ascii_uppercase();
        // RFC 1939 §7: the password is the rest of the line and may contain spaces.
        if upper == "PASS" {
            let password = line.get(5..).unwrap_or("");
            return self.cmd_pass(password, out);
        }
        let (_, args) = split_verb(line.trim_end_matches([' ', '\t']));
        if !self.check_state(&upper, out) {
            return;
        }
        // A switched-off capability's command is one this server does not know.
        let needs = match upper.as_str() {
            "UIDL" | "TOP" | "USER" | "STLS" => Some(upper.as_str()),
            "AUTH" => Some("SASL"),
            _ => None,
        };
        let known = needs.is_none_or(|c| self.config.offers(c));
        match if known { upper.as_str() } else { "" } {
            "CAPA" => self.cmd_capa(out),
            "QUIT" => self.cmd_quit(out),
            "NOOP" => self.ok(out, &crate::tr_en!("server.pop3.still_here")),
            "USER" => self.cmd_user(args, out),
            "APOP" => self.cmd_apop(args, out),
            "AUTH" => self.cmd_auth(args, out),
            "STLS" => self.cmd_stls(args, out),
            "STAT" => self.cmd_stat(args, out),
            "LIST" => self.cmd_list(args, false, out),
            "UIDL" => self.cmd_list(args, true, out),
            "RETR" => self.cmd_retr(args, out),
            "TOP" => self.cmd_top(args, out),
            "DELE" => self.cmd_dele(args, out),
            "RSET" => self.cmd_rset(args, out),
            _ => {
                let shown: String = verb.chars().take(40).collect();
                let text = crate::tr_en!("server.pop3.unknown_command_capa_lists", shown = shown);
                self.bad(out, &text);
            }
        }
    }

    /// Whether `command` may come in this state, from the command table (the one the
    /// REPL and `maillab explain` read); answers the refusal when not. Unknown commands
    /// pass, to get their own answer.
    fn check_state(&mut self, command: &str, out: &mut Output) -> bool {
        let Some(spec) = protocol::command(Protocol::Pop3, command) else {
            return true;
        };
        let state = Session::state(self);
        if spec.valid_in(state.id()) {
            return true;
        }
        let user = self.user().unwrap_or_default().to_string();
        let text = match self.user() {
            None if spec.valid_in("transaction") => {
                say("server.pop3.state.needs_login", &[("command", command)])
            }
            Some(_) if command == "STLS" => say("server.pop3.state.stls_after_login", &[]),
            Some(_) if spec.valid_in("authorization") => say(
                "server.pop3.state.logged_in",
                &[("command", command), ("user", &user)],
            ),
            _ => say(
                "server.pop3.state.other",
                &[("command", command), ("states", &spec.states.join(", "))],
            ),
        };
        self.bad(out, &text);
        false
    }

    // ------------------------------------------------------------------ AUTHORIZATION

    fn cmd_capa(&mut self, out: &mut Output) {
        let before_login = !matches!(self.state, State::Transaction(_));
        let mut caps = vec!["TOP", "UIDL"];
        if self.plaintext_allowed() {
            caps.extend(["USER", "SASL PLAIN LOGIN CRAM-MD5"]);
        }
        caps.extend(["RESP-CODES", "AUTH-RESP-CODE", "PIPELINING"]);
        if before_login && self.config.tls_available && !self.config.tls_active {
            caps.push("STLS");
        }
        caps.push("IMPLEMENTATION maillab");
        out.push(b"+OK Capability list follows\r\n");
        // A capability switched off (`--pop3-caps -UIDL`) is not listed.
        for cap in caps {
            if self.config.offers(cap.split(' ').next().unwrap_or(cap)) {
                out.push(cap.as_bytes());
                out.push(b"\r\n");
            }
        }
        out.push(b".\r\n");
    }

    fn refuse_plaintext(&mut self, out: &mut Output) -> bool {
        if self.plaintext_allowed() {
            return false;
        }
        self.err(out, &crate::tr_en!("server.pop3.auth_plain_text_login"));
        true
    }

    fn cmd_user(&mut self, args: &str, out: &mut Output) {
        if self.refuse_plaintext(out) {
            return;
        }
        if args.is_empty() || args.contains(' ') {
            return self.syntax_error("USER", out);
        }
        // Every name gets +OK: whether a user exists is only told after PASS.
        self.state = State::Authorization {
            user: Some(args.to_string()),
        };
        let text = crate::tr_en!("server.pop3.now_send_pass_password", args = args);
        self.ok(out, &text);
    }

    fn cmd_pass(&mut self, password: &str, out: &mut Output) {
        if !self.check_state("PASS", out) {
            return;
        }
        if self.refuse_plaintext(out) {
            return;
        }
        let State::Authorization { user: Some(user) } = &mut self.state else {
            return self.bad(out, &crate::tr_en!("server.pop3.pass_must_follow_user"));
        };
        let user = std::mem::take(user);
        self.state = State::Authorization { user: None };
        if password.is_empty() {
            return self.syntax_error("PASS", out);
        }
        match auth::password(&self.store, &user, password) {
            Ok(name) => self.login(&name, out),
            Err(r) => self.login_failed(
                out,
                r,
                &user,
                &crate::tr_en!("server.pop3.auth_invalid_user_name"),
            ),
        }
    }

    fn cmd_apop(&mut self, args: &str, out: &mut Output) {
        let mut parts = args.split(' ').filter(|p| !p.is_empty());
        let (Some(user), Some(digest), None) = (parts.next(), parts.next(), parts.next()) else {
            return self.syntax_error("APOP", out);
        };
        if digest.len() != 32 || !digest.bytes().all(|b| b.is_ascii_hexdigit()) {
            return self.bad(
                out,
                &crate::tr_en!("server.pop3.apop_digest_must_hexadecimal"),
            );
        }
        let timestamp = self.apop_timestamp();
        match auth::apop(&self.store, user, &timestamp, digest) {
            Ok(name) => self.login(&name, out),
            Err(r) => self.login_failed(
                out,
                r,
                user,
                &crate::tr_en!("server.pop3.auth_apop_digest_does"),
            ),
        }
    }

    fn cmd_auth(&mut self, args: &str, out: &mut Output) {
        if self.refuse_plaintext(out) {
            return;
        }
        let mut parts = args.split(' ').filter(|p| !p.is_empty());
        let (Some(name), initial, None) = (parts.next(), parts.next(), parts.next()) else {
            let text = crate::tr_en!(
                "server.pop3.syntax_capa_lists_mechanisms",
                auth = syntax("AUTH")
            );
            return self.bad(out, &text);
        };
        let Some(mechanism) = Mechanism::parse(name) else {
            let shown: String = name.chars().take(40).collect();
            let text = crate::tr_en!(
                "server.pop3.unrecognized_authentication_mechanism_server",
                shown = shown
            );
            return self.err(out, &text);
        };
        let challenge = sasl::cram_md5_challenge(self.id, self.unix_time(), &self.config.hostname);
        let (exchange, step) = ServerExchange::start(mechanism, initial, &challenge);
        self.state = State::Auth(exchange);
        self.auth_step(step, out);
    }

    fn auth_line(&mut self, raw: &[u8], out: &mut Output) {
        let State::Auth(exchange) = &mut self.state else {
            return;
        };
        let step = match std::str::from_utf8(raw) {
            Ok(line) => exchange.step(line),
            Err(_) => ServerStep::Failed(SaslError::Base64),
        };
        self.auth_step(step, out);
    }

    fn auth_step(&mut self, step: ServerStep, out: &mut Output) {
        match step {
            // RFC 5034 §4: a continuation is "+" SP base64.
            ServerStep::Challenge(c) => push_fmt(out, format_args!("+ {c}\r\n")),
            ServerStep::Done(creds) => {
                self.state = State::Authorization { user: None };
                self.finish_auth(creds, out);
            }
            ServerStep::Failed(e) => {
                self.state = State::Authorization { user: None };
                let text = match &e {
                    SaslError::Cancelled => {
                        crate::tr_en!("server.pop3.authentication_cancelled_client")
                    }
                    SaslError::Base64 => {
                        crate::tr_en!("server.pop3.cannot_decode_response_must")
                    }
                    SaslError::Malformed(why) => format!("Authentication failed: {why}"),
                };
                if e == SaslError::Cancelled {
                    self.err(out, &text);
                } else {
                    self.login_failed(out, auth::Refusal::Invalid, "", &text);
                }
            }
        }
    }

    fn finish_auth(&mut self, creds: Credentials, out: &mut Output) {
        match auth::credentials(&self.store, &creds) {
            Ok(name) => self.login(&name, out),
            Err(r) => self.login_failed(
                out,
                r,
                creds.user(),
                &crate::tr_en!("server.pop3.auth_authentication_failed_wrong"),
            ),
        }
    }

    /// Takes the maildrop lock and snapshots the INBOX (RFC 1939 §8: the list is fixed
    /// for the session).
    fn login(&mut self, user: &str, out: &mut Output) {
        let taken = self.store.write(|i| {
            if i.pop3_locks.contains(user) {
                return Err(LoginError::InUse);
            }
            let inbox = i
                .user(user)
                .ok()
                .and_then(|u| u.mailbox("INBOX"))
                .ok_or(LoginError::NoInbox)?;
            let entries: Vec<Entry> = inbox
                .messages
                .iter()
                .map(|m| Entry {
                    uid: m.uid,
                    size: m.size(),
                    deleted: false,
                })
                .collect();
            let uidvalidity = inbox.uidvalidity;
            i.pop3_locks.insert(user.to_string());
            Ok((uidvalidity, entries))
        });
        match taken {
            Ok((uidvalidity, entries)) => {
                let drop = Maildrop {
                    user: user.to_string(),
                    uidvalidity,
                    entries,
                };
                let (n, size) = drop.totals();
                self.state = State::Transaction(drop);
                let text = crate::tr_en!(
                    "server.pop3.maildrop_has",
                    user = user,
                    messages = count(n),
                    size = size
                );
                self.ok(out, &text);
            }
            Err(LoginError::InUse) => {
                let text = crate::tr_en!("server.pop3.use_maildrop_locked_another", user = user);
                self.err(out, &text);
            }
            Err(LoginError::NoInbox) => {
                let text = crate::tr_en!("server.pop3.sys_perm_has_no", user = user);
                self.err(out, &text);
            }
        }
    }

    fn cmd_stls(&mut self, args: &str, out: &mut Output) {
        if !args.is_empty() {
            return self.syntax_error("STLS", out);
        }
        if self.config.tls_active {
            return self.bad(
                out,
                &crate::tr_en!("server.pop3.tls_already_active_connection"),
            );
        }
        if !self.config.tls_available {
            return self.err(out, &crate::tr_en!("server.pop3.stls_not_available_server"));
        }
        self.ok(out, "Begin TLS negotiation");
        self.state = State::TlsPending;
        out.start_tls = true;
    }

    fn cmd_quit(&mut self, out: &mut Output) {
        let State::Transaction(drop) = &self.state else {
            self.ok(
                out,
                &crate::tr_en!("server.pop3.maillab_pop3_server_signing"),
            );
            return self.close(out);
        };
        // RFC 1939 §6: the UPDATE state removes the marked messages and frees the lock.
        let user = drop.user.clone();
        let uidvalidity = drop.uidvalidity;
        let marked: Vec<u32> = drop
            .entries
            .iter()
            .filter(|e| e.deleted)
            .map(|e| e.uid)
            .collect();
        let (removed, left) = self.store.write(|i| {
            let result = match i.user_mut(&user).ok().and_then(|u| u.mailbox_mut("INBOX")) {
                Some(inbox) => {
                    // UIDs under another UIDVALIDITY name other mail: delete nothing.
                    let removed = if marked.is_empty() || inbox.uidvalidity != uidvalidity {
                        0
                    } else {
                        inbox.remove_uids(&marked).len()
                    };
                    (removed, inbox.messages.len())
                }
                None => (0, 0),
            };
            i.pop3_locks.remove(&user);
            result
        });
        self.state = State::Authorization { user: None };
        self.updated = true;
        let gone = marked.len() - removed.min(marked.len());
        let text = if gone > 0 {
            crate::tr_en!(
                "server.pop3.maillab_pop3_server_signing_2",
                message = count(removed),
                gone = gone,
                left = left
            )
        } else {
            crate::tr_en!(
                "server.pop3.maillab_pop3_server_signing_3",
                message = count(removed),
                left = left
            )
        };
        self.ok(out, &text);
        self.close(out);
    }

    // ------------------------------------------------------------------ TRANSACTION

    fn maildrop(&self) -> Option<&Maildrop> {
        match &self.state {
            State::Transaction(m) => Some(m),
            _ => None,
        }
    }

    /// Resolves a message-number argument to an index into the list, or says why not.
    fn message_number(&self, arg: &str) -> Result<usize, String> {
        let Some(drop) = self.maildrop() else {
            return Err(crate::tr_en!("server.pop3.not_logged"));
        };
        let n = arg
            .parse::<usize>()
            .ok()
            .filter(|_| arg.bytes().all(|b| b.is_ascii_digit()));
        let Some(n) = n.filter(|&n| n > 0) else {
            let shown: String = arg.chars().take(40).collect();
            return Err(crate::tr_en!(
                "server.pop3.not_message_number_messages",
                shown = shown
            ));
        };
        let Some(entry) = drop.entries.get(n - 1) else {
            return Err(crate::tr_en!(
                "server.pop3.no_message_maildrop_listed",
                n = n,
                len = drop.entries.len()
            ));
        };
        if entry.deleted {
            return Err(crate::tr_en!(
                "server.pop3.message_marked_deleted_rset",
                n = n
            ));
        }
        Ok(n - 1)
    }

    fn cmd_stat(&mut self, args: &str, out: &mut Output) {
        if !args.is_empty() {
            return self.syntax_error("STAT", out);
        }
        let (n, size) = self.maildrop().map_or((0, 0), Maildrop::totals);
        push_fmt(out, format_args!("+OK {n} {size}\r\n"));
    }

    /// LIST (sizes) or UIDL (unique ids, RFC 1939 §7) for one message or all.
    fn cmd_list(&mut self, args: &str, uidl: bool, out: &mut Output) {
        let name = if uidl { "UIDL" } else { "LIST" };
        if args.contains(' ') {
            return self.syntax_error(name, out);
        }
        if !args.is_empty() {
            let i = match self.message_number(args) {
                Ok(i) => i,
                Err(why) => return self.err(out, &why),
            };
            let Some(drop) = self.maildrop() else { return };
            let e = &drop.entries[i];
            if uidl {
                push_fmt(
                    out,
                    format_args!("+OK {} {}.{}\r\n", i + 1, drop.uidvalidity, e.uid),
                );
            } else {
                push_fmt(out, format_args!("+OK {} {}\r\n", i + 1, e.size));
            }
            return;
        }
        let Some(drop) = self.maildrop() else { return };
        let (n, size) = drop.totals();
        let mut text = Vec::with_capacity(32 + n * 16);
        if uidl {
            let _ = write!(
                WriteVec(&mut text),
                "+OK {}\r\n",
                crate::tr_en!("server.pop3.unique_id_listing_follows")
            );
            for (i, e) in drop.live() {
                let _ = write!(
                    WriteVec(&mut text),
                    "{i} {}.{}\r\n",
                    drop.uidvalidity,
                    e.uid
                );
            }
        } else {
            let _ = write!(WriteVec(&mut text), "+OK {} ({size} octets)\r\n", count(n));
            for (i, e) in drop.live() {
                let _ = write!(WriteVec(&mut text), "{i} {}\r\n", e.size);
            }
        }
        text.extend_from_slice(b".\r\n");
        out.push(&text);
    }

    /// The stored message behind list index `i`, or why it is gone.
    fn message(&self, i: usize) -> Result<Arc<[u8]>, String> {
        let Some(drop) = self.maildrop() else {
            return Err(crate::tr_en!("server.pop3.not_logged"));
        };
        let uid = drop.entries[i].uid;
        let raw = self.store.read(|inner| {
            inner
                .user(&drop.user)
                .ok()
                .and_then(|u| u.mailbox("INBOX"))
                .and_then(|m| m.get(uid))
                .map(|m| m.raw.clone())
        });
        raw.ok_or_else(|| crate::tr_en!("server.pop3.message_was_expunged_another", number = i + 1))
    }

    fn cmd_retr(&mut self, args: &str, out: &mut Output) {
        if args.is_empty() || args.contains(' ') {
            return self.syntax_error("RETR", out);
        }
        let raw = match self.message_number(args).and_then(|i| self.message(i)) {
            Ok(raw) => raw,
            Err(why) => return self.err(out, &why),
        };
        out.bytes.reserve(raw.len() + raw.len() / 50 + 64);
        push_fmt(
            out,
            format_args!(
                "+OK {} {}\r\n",
                raw.len(),
                crate::tr_en!("server.pop3.octets_follow")
            ),
        );
        push_dot_stuffed(&mut out.bytes, &raw, None);
    }

    fn cmd_top(&mut self, args: &str, out: &mut Output) {
        let mut parts = args.split(' ').filter(|p| !p.is_empty());
        let (Some(msg), Some(lines), None) = (parts.next(), parts.next(), parts.next()) else {
            return self.syntax_error("TOP", out);
        };
        let Some(lines) = lines
            .parse::<usize>()
            .ok()
            .filter(|_| lines.bytes().all(|b| b.is_ascii_digit()))
        else {
            return self.bad(out, &crate::tr_en!("server.pop3.top_needs_number_body"));
        };
        let raw = match self.message_number(msg).and_then(|i| self.message(i)) {
            Ok(raw) => raw,
            Err(why) => return self.err(out, &why),
        };
        push_fmt(
            out,
            format_args!(
                "+OK {}\r\n",
                crate::tr_en!("server.pop3.header_first_body_lines", lines = lines)
            ),
        );
        push_dot_stuffed(&mut out.bytes, &raw, Some(lines));
    }

    fn cmd_dele(&mut self, args: &str, out: &mut Output) {
        if args.is_empty() || args.contains(' ') {
            return self.syntax_error("DELE", out);
        }
        let i = match self.message_number(args) {
            Ok(i) => i,
            Err(why) => return self.err(out, &why),
        };
        if let State::Transaction(drop) = &mut self.state {
            drop.entries[i].deleted = true;
        }
        let text = crate::tr_en!("server.pop3.message_marked_deleted_removed", number = i + 1);
        self.ok(out, &text);
    }

    fn cmd_rset(&mut self, args: &str, out: &mut Output) {
        if !args.is_empty() {
            return self.syntax_error("RSET", out);
        }
        if let State::Transaction(drop) = &mut self.state {
            for e in &mut drop.entries {
                e.deleted = false;
            }
        }
        let (n, size) = self.maildrop().map_or((0, 0), Maildrop::totals);
        let text = crate::tr_en!(
            "server.pop3.deletion_marks_cleared_maildrop",
            message = count(n),
            size = size
        );
        self.ok(out, &text);
    }
}

/// Writes a message as a multi-line response body (RFC 1939 §3): CRLF line ends, a dot
/// doubled at the start of a line, then the `.` line. With `body_lines`, only the
/// header, the blank line and that many body lines (TOP).
fn push_dot_stuffed(out: &mut Vec<u8>, raw: &[u8], body_lines: Option<usize>) {
    let mut in_body = false;
    let mut body_count = 0usize;
    let mut rest = raw;
    while !rest.is_empty() {
        let (line, next) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, &rest[rest.len()..]),
        };
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if in_body {
            if body_lines.is_some_and(|max| body_count >= max) {
                break;
            }
            body_count += 1;
        }
        if line.first() == Some(&b'.') {
            out.push(b'.');
        }
        out.extend_from_slice(line);
        out.extend_from_slice(b"\r\n");
        if line.is_empty() {
            in_body = true;
        }
        rest = next;
    }
    out.extend_from_slice(b".\r\n");
}

/// `1 message`, `2 messages` (the language's plural form).
fn count(n: usize) -> String {
    crate::tr_en!(
        "server.pop3.messages",
        n = crate::protocol::text::Arg::from(n)
    )
}

/// `write!` into a `Vec<u8>` without a temporary `String`.
struct WriteVec<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for WriteVec<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

fn push_fmt(out: &mut Output, args: std::fmt::Arguments<'_>) {
    let _ = WriteVec(&mut out.bytes).write_fmt(args);
}

impl Session for Pop3Session {
    fn store_replaced(&mut self) -> Output {
        let mut out = Output::default();
        let State::Transaction(drop) = &self.state else {
            return out;
        };
        let same = self.store.read(|i| {
            i.users
                .get(&drop.user)
                .and_then(|u| u.mailbox("INBOX"))
                .is_some_and(|m| m.uidvalidity == drop.uidvalidity)
        });
        if !same {
            // No UPDATE state: the marks were for mail that is gone (RFC 3206 SYS/TEMP).
            let text = say("server.accounts.reset_pop3", &[]);
            self.err(&mut out, &format!("[SYS/TEMP] {text}"));
            self.release_lock();
            self.close(&mut out);
        }
        out
    }

    fn greeting(&mut self) -> Output {
        let mut out = Output::default();
        let ts = self.apop_timestamp();
        push_fmt(
            &mut out,
            format_args!(
                "+OK {}\r\n",
                crate::tr_en!("server.pop3.maillab_mock_pop3_server", ts = ts)
            ),
        );
        out
    }

    fn receive(&mut self, input: &[u8]) -> Output {
        let mut out = Output::default();
        self.paused = false;
        let mut pending = std::mem::take(&mut self.inbuf);
        if pending.is_empty() {
            let used = self.process(input, &mut out);
            pending.extend_from_slice(&input[used..]);
        } else {
            pending.extend_from_slice(input);
            let used = self.process(&pending, &mut out);
            pending.drain(..used);
        }
        self.inbuf = pending;
        out
    }

    fn has_pending_input(&self) -> bool {
        self.paused
    }

    fn authenticated(&self) -> bool {
        matches!(self.state, State::Transaction(_))
    }

    fn state(&self) -> crate::protocol::follow::State {
        use crate::protocol::follow::{Pop3State, State as S};
        S::Pop3(if self.updated {
            Pop3State::Update
        } else if matches!(self.state, State::Transaction(_)) {
            Pop3State::Transaction
        } else {
            Pop3State::Authorization
        })
    }

    fn timed_out(&mut self) -> Output {
        let mut out = Output::default();
        if !self.closed {
            // RFC 1939 §3: an autologout timer ends the session without UPDATE.
            self.err(
                &mut out,
                &crate::tr_en!("server.pop3.autologout_idle_too_long"),
            );
        }
        self.release_lock();
        self.close(&mut out);
        out
    }

    fn tls_started(&mut self) {
        // RFC 2595 §4: still AUTHORIZATION; anything said before TLS is forgotten.
        self.config.tls_active = true;
        self.state = State::Authorization { user: None };
        self.inbuf.clear();
        self.lines.reset();
    }

    fn disconnected(&mut self) {
        // RFC 1939 §6: without QUIT there is no UPDATE state: nothing is deleted.
        self.release_lock();
        self.closed = true;
        self.inbuf = Vec::new();
    }
}

impl Drop for Pop3Session {
    fn drop(&mut self) {
        // A session dropped without disconnected() must not keep the maildrop locked.
        self.release_lock();
    }
}
