//! The mock SMTP server session (RFC 5321) with the extensions clients expect:
//! PIPELINING (RFC 2920), SIZE (RFC 1870), 8BITMIME (RFC 6152), SMTPUTF8 (RFC 6531),
//! ENHANCEDSTATUSCODES (RFC 2034, RFC 3463), STARTTLS (RFC 3207), AUTH (RFC 4954),
//! CHUNKING/BDAT (RFC 3030) and HELP.
//!
//! Sans-I/O: [`SmtpSession::receive`] takes bytes in any chunking and answers every
//! complete command in one [`Output`], so pipelined commands cost one write. Replies
//! teach: a refused command says what the server expected and why.
//!
//! Accepted mail gets `Return-Path` and `Received` headers and is delivered in one
//! store step to each local recipient's INBOX; mail for other domains is kept in the
//! store's relayed sink and never sent anywhere. A message is stored only when its
//! final `.` (or `BDAT … LAST`) arrives; a client that vanishes before stores nothing.

mod data;
pub(crate) mod lines;
mod parse;

use std::fmt::Write as _;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};

use self::data::{DataReader, MAX_TEXT_LINE};
use self::lines::{control_char, split_verb, Line, LineSplitter};
use self::parse::{check_mailbox, number, path_arg, PathArg, PathError};
use super::{auth, say, Output, ServerConfig, Session};
use crate::protocol::follow::SmtpState;
use crate::protocol::sasl::{self, Credentials, Mechanism, SaslError, ServerExchange, ServerStep};
use crate::protocol::{self, Protocol};
use crate::store::{Addition, NoRoom, RelayedMessage, SharedStore};

/// RFC 5321 §4.5.3.1.4: a command line is at most 512 octets including CRLF.
const MAX_COMMAND_LINE: usize = 512;
/// RFC 4954 §4: an AUTH command or response line may be up to 12288 octets.
const MAX_AUTH_LINE: usize = 12288;
/// RFC 5321 §4.5.3.1.8: at least 100 recipients must be accepted; we take no more.
const MAX_RECIPIENTS: usize = 100;
/// Protocol errors tolerated before the server hangs up (as Postfix's hard error limit).
const MAX_ERRORS: u32 = 25;
/// Failed AUTH attempts before the server hangs up. Python's smtplib tries every
/// offered mechanism once per `login()` (three here), so one wrong password costs three.
const MAX_AUTH_FAILURES: u32 = 5;

/// The syntax line of a command, from the shared command table (the one that also
/// feeds the REPL's hints and `:help`).
fn syntax(name: &str) -> String {
    protocol::command(Protocol::Smtp, name)
        .map_or_else(|| name.to_string(), |spec| spec.syntax.clone())
}

/// What the session is reading.
enum Phase {
    /// Command lines.
    Command,
    /// Lines of an AUTH exchange (RFC 4954 §4).
    Auth(ServerExchange),
    /// The message after `354`.
    Data(DataReader),
    /// The octets of a BDAT chunk; `refusal` is the reply to give instead of
    /// accepting it (the chunk is read and dropped first, RFC 3030 §2).
    Bdat {
        remaining: u64,
        last: bool,
        refusal: Option<(u16, &'static str, String)>,
    },
    /// STARTTLS was accepted; nothing more is read in plain text.
    TlsPending,
}

/// The client's HELO/EHLO.
struct Greeting {
    name: String,
    esmtp: bool,
}

/// An open mail transaction (after MAIL FROM).
struct Transaction {
    from: String,
    smtputf8: bool,
    /// The SIZE= the client announced, to size the buffer.
    size_hint: usize,
    /// Accepted recipient addresses, in order.
    recipients: Vec<String>,
    /// Local users to deliver to (each once).
    local: Vec<String>,
    /// Addresses in other domains.
    relayed: Vec<String>,
    /// A message being assembled from BDAT chunks.
    chunks: Option<Chunks>,
}

struct Chunks {
    message: Vec<u8>,
    size: usize,
    return_path_len: usize,
}

/// Whether the "use CRLF" note has been given.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LfNote {
    NotYet,
    Pending,
    Given,
}

/// One SMTP connection's state machine.
pub struct SmtpSession {
    store: SharedStore,
    config: ServerConfig,
    id: u64,
    inbuf: Vec<u8>,
    lines: LineSplitter,
    phase: Phase,
    greeting: Option<Greeting>,
    user: Option<String>,
    tx: Option<Transaction>,
    /// Return-Path length in the DATA message being read (it is left out for relayed copies).
    data_return_path_len: usize,
    messages: u64,
    errors: u32,
    auth_failures: u32,
    lf_note: LfNote,
    closed: bool,
}

impl SmtpSession {
    /// A session on `store` with `config`; call [`Session::greeting`] first.
    pub fn new(store: SharedStore, config: ServerConfig) -> Self {
        let id = store.new_session_id();
        SmtpSession {
            store,
            config,
            id,
            inbuf: Vec::new(),
            lines: LineSplitter::default(),
            phase: Phase::Command,
            greeting: None,
            user: None,
            tx: None,
            data_return_path_len: 0,
            messages: 0,
            errors: 0,
            auth_failures: 0,
            lf_note: LfNote::NotYet,
            closed: false,
        }
    }

    /// Uses `time` instead of the clock (Received headers, CRAM-MD5 challenges), so a
    /// transcript can be replayed byte for byte.
    pub fn with_time(mut self, time: DateTime<FixedOffset>) -> Self {
        self.config.clock = super::Clock::fixed(time);
        self
    }

    /// The user who authenticated with AUTH, if any.
    pub fn authenticated_user(&self) -> Option<&str> {
        self.user.as_deref()
    }

    /// Where the session stands (RFC 5321 §4.1.4; STARTTLS forgets EHLO, RFC 3207 §4.2).
    fn smtp_state(&self) -> SmtpState {
        if self.closed {
            return SmtpState::Closed;
        }
        match &self.phase {
            Phase::Data(_) | Phase::Bdat { .. } => return SmtpState::Data,
            Phase::TlsPending => return SmtpState::Connected,
            Phase::Command | Phase::Auth(_) => {}
        }
        match &self.tx {
            Some(t) if !t.recipients.is_empty() => SmtpState::Rcpt,
            Some(_) => SmtpState::Mail,
            None if self.greeting.is_some() => SmtpState::Greeted,
            None => SmtpState::Connected,
        }
    }

    fn now(&self) -> DateTime<FixedOffset> {
        self.config.clock.now()
    }

    // ------------------------------------------------------------------ replies

    /// Writes a one-line reply `code enhanced text` (RFC 5321 §4.2, RFC 2034 §4).
    fn reply(&mut self, out: &mut Output, code: u16, enhanced: &str, text: &str) {
        self.note_line(out, code);
        if enhanced.is_empty() {
            push_fmt(out, format_args!("{code} {text}\r\n"));
        } else {
            push_fmt(out, format_args!("{code} {enhanced} {text}\r\n"));
        }
        if (500..=504).contains(&code) {
            self.errors += 1;
            if self.errors >= MAX_ERRORS && !self.closed {
                push_fmt(
                    out,
                    format_args!(
                        "421 4.7.0 {} {}\r\n",
                        self.config.hostname,
                        crate::tr_en!(
                            "server.smtp.too_many_errors_session",
                            max_errors = MAX_ERRORS
                        )
                    ),
                );
                self.close(out);
            }
        }
    }

    /// The first reply after a command that ended in a bare LF carries a note line.
    fn note_line(&mut self, out: &mut Output, code: u16) {
        if self.lf_note == LfNote::Pending {
            self.lf_note = LfNote::Given;
            push_fmt(
                out,
                format_args!(
                    "{code}-{}\r\n",
                    crate::tr_en!("server.smtp.note_line_ended_bare_2")
                ),
            );
        }
    }

    fn close(&mut self, out: &mut Output) {
        self.closed = true;
        self.tx = None;
        self.phase = Phase::Command;
        out.close = true;
    }

    // ------------------------------------------------------------------ input

    /// Consumes what it can of `data`; returns the bytes consumed. Bytes after an
    /// accepted STARTTLS or after the session closed are consumed and dropped.
    fn process(&mut self, data: &[u8], out: &mut Output) -> usize {
        let mut pos = 0;
        loop {
            if self.closed || matches!(self.phase, Phase::TlsPending) {
                // RFC 3207 §4.2 / CVE-2011-0411: nothing pipelined after STARTTLS may
                // be acted on once TLS is up.
                return data.len();
            }
            let rest = &data[pos..];
            match &mut self.phase {
                Phase::Data(reader) => {
                    let (n, end) = reader.feed(rest);
                    pos += n;
                    if !end {
                        return pos;
                    }
                    let Phase::Data(reader) = std::mem::replace(&mut self.phase, Phase::Command)
                    else {
                        unreachable!("matched above")
                    };
                    self.end_of_data(reader, out);
                    out.command_done = true;
                }
                Phase::Bdat { remaining, .. } => {
                    if rest.is_empty() {
                        return pos;
                    }
                    let take = usize::try_from(*remaining)
                        .unwrap_or(usize::MAX)
                        .min(rest.len());
                    *remaining -= take as u64;
                    pos += take;
                    self.chunk_bytes(&rest[..take]);
                    self.maybe_end_chunk(out);
                    out.command_done |= !matches!(self.phase, Phase::Bdat { .. });
                }
                Phase::Command | Phase::Auth(_) => {
                    let limit = if matches!(self.phase, Phase::Auth(_)) {
                        MAX_AUTH_LINE
                    } else {
                        MAX_COMMAND_LINE
                    };
                    let (n, line) = self.lines.next(rest, limit);
                    pos += n;
                    match line {
                        None => return pos,
                        Some(Line::TooLong) => self.too_long(out),
                        Some(Line::Text { text, bare_lf }) => {
                            out.command_done = true;
                            if bare_lf && self.lf_note == LfNote::NotYet {
                                self.lf_note = LfNote::Pending;
                            }
                            if matches!(self.phase, Phase::Auth(_)) {
                                self.auth_line(text, out);
                            } else {
                                self.command_line(text, bare_lf, out);
                            }
                        }
                    }
                }
                Phase::TlsPending => unreachable!("handled at the top of the loop"),
            }
        }
    }

    fn too_long(&mut self, out: &mut Output) {
        if matches!(self.phase, Phase::Auth(_)) {
            self.phase = Phase::Command;
            self.reply(
                out,
                500,
                "5.5.6",
                &crate::tr_en!("server.smtp.authentication_exchange_line_too"),
            );
        } else {
            self.reply(
                out,
                500,
                "5.5.2",
                &crate::tr_en!("server.smtp.line_too_long_command"),
            );
        }
    }

    fn command_line(&mut self, raw: &[u8], bare_lf: bool, out: &mut Output) {
        if let Some(what) = control_char(raw) {
            let text = crate::tr_en!("server.smtp.line_contains_commands_printable", what = what);
            return self.reply(out, 500, "5.5.2", &text);
        }
        let Ok(line) = std::str::from_utf8(raw) else {
            return self.reply(
                out,
                500,
                "5.5.2",
                &crate::tr_en!("server.smtp.line_not_valid_utf"),
            );
        };
        if line.trim().is_empty() {
            return self.reply(
                out,
                500,
                "5.5.2",
                &crate::tr_en!("server.smtp.empty_line_type_command"),
            );
        }
        let (verb, args) = split_verb(line.trim_end_matches([' ', '\t']));
        let upper = verb.to_ascii_uppercase();
        // Whether the command may come now is the command table's answer (its `states`),
        // the same table the REPL and `maillab explain` read. BDAT decides later: its
        // chunk must be read (and dropped) first, RFC 3030 §2.
        if let Some(spec) = protocol::command(Protocol::Smtp, &upper) {
            if upper != "BDAT" && !spec.valid_in(self.smtp_state().id()) {
                let text = self.wrong_state(spec);
                return self.reply(out, 503, "5.5.1", &text);
            }
        }
        // A switched-off extension's command is one this server does not know.
        let needs = match upper.as_str() {
            "STARTTLS" => Some("STARTTLS"),
            "AUTH" => Some("AUTH"),
            _ => None,
        };
        if needs.is_some_and(|c| !self.config.offers(c)) {
            let shown: String = verb.chars().take(40).collect();
            let text = crate::tr_en!("server.smtp.command_not_recognised_help", shown = shown);
            return self.reply(out, 502, "5.5.1", &text);
        }
        match upper.as_str() {
            "EHLO" | "HELO" => self.cmd_hello(&upper, args, out),
            "MAIL" => self.cmd_mail(args, out),
            "RCPT" => self.cmd_rcpt(args, out),
            "DATA" => self.cmd_data(args, bare_lf, out),
            "BDAT" => self.cmd_bdat(args, out),
            "RSET" => {
                if !args.is_empty() {
                    return self.syntax_error("RSET", out);
                }
                self.tx = None;
                self.reply(
                    out,
                    250,
                    "2.0.0",
                    &crate::tr_en!("server.smtp.reset_mail_transaction_cleared"),
                );
            }
            "NOOP" => self.reply(
                out,
                250,
                "2.0.0",
                &crate::tr_en!("server.smtp.ok_nothing_done"),
            ),
            "VRFY" => {
                if args.is_empty() {
                    return self.syntax_error("VRFY", out);
                }
                let text = crate::tr_en!("server.smtp.cannot_vrfy_but_mail", args = args);
                self.reply(out, 252, "2.1.5", &text);
            }
            "EXPN" => self.reply(
                out,
                502,
                "5.5.1",
                &crate::tr_en!("server.smtp.expn_disabled_here_mailing"),
            ),
            "HELP" => self.cmd_help(args, out),
            "QUIT" => {
                let text = crate::tr_en!(
                    "server.smtp.closing_connection_goodbye",
                    hostname = self.config.hostname
                );
                self.reply(out, 221, "2.0.0", &text);
                self.close(out);
            }
            "AUTH" => self.cmd_auth(args, out),
            "STARTTLS" => self.cmd_starttls(args, out),
            _ => {
                let shown: String = verb.chars().take(40).collect();
                let text = crate::tr_en!("server.smtp.command_not_recognised_help", shown = shown);
                self.reply(out, 500, "5.5.2", &text);
            }
        }
    }

    /// Why `spec` cannot come in this state, in a student's words.
    fn wrong_state(&self, spec: &protocol::CommandSpec) -> String {
        let state = self.smtp_state();
        let id = match state {
            SmtpState::Connected => "greet_first",
            SmtpState::Greeted if spec.valid_in("mail") => "needs_mail",
            SmtpState::Greeted if spec.valid_in("rcpt") => "needs_mail_rcpt",
            SmtpState::Mail if spec.valid_in("rcpt") => "needs_rcpt",
            SmtpState::Mail | SmtpState::Rcpt if spec.name == "MAIL" => "nested_mail",
            SmtpState::Mail | SmtpState::Rcpt if spec.valid_in("greeted") => "in_transaction",
            _ => "other",
        };
        say(
            &format!("server.smtp.state.{id}"),
            &[("command", &spec.name), ("states", &spec.states.join(", "))],
        )
    }

    fn syntax_error(&mut self, name: &str, out: &mut Output) {
        let text = format!("Syntax: {}", syntax(name));
        self.reply(out, 501, "5.5.4", &text);
    }

    // ------------------------------------------------------------------ commands

    fn cmd_hello(&mut self, verb: &str, args: &str, out: &mut Output) {
        let name = args.trim();
        if name.is_empty() || name.contains(' ') || name.len() > 255 {
            return self.syntax_error(verb, out);
        }
        // RFC 5321 §4.1.4: EHLO/HELO also clears any transaction.
        self.tx = None;
        let esmtp = verb == "EHLO";
        self.greeting = Some(Greeting {
            name: name.to_string(),
            esmtp,
        });
        let host = self.config.hostname.clone();
        let note = if self.lf_note == LfNote::Pending {
            self.lf_note = LfNote::Given;
            format!(" {}", crate::tr_en!("server.smtp.note_line_ended_bare"))
        } else {
            String::new()
        };
        if !esmtp {
            push_fmt(out, format_args!("250 {host} greets {name}{note}\r\n"));
            return;
        }
        push_fmt(out, format_args!("250-{host} greets {name}{note}\r\n"));
        let size = format!("SIZE {}", self.config.max_message);
        let mut ext = vec![
            "PIPELINING",
            &size,
            "8BITMIME",
            "SMTPUTF8",
            "ENHANCEDSTATUSCODES",
        ];
        if self.config.tls_available && !self.config.tls_active {
            ext.push("STARTTLS");
        }
        if self.auth_allowed() {
            ext.push("AUTH PLAIN LOGIN CRAM-MD5");
        }
        ext.push("CHUNKING");
        // An extension switched off (`--smtp-caps -STARTTLS`) is not listed.
        for e in ext {
            if self.config.offers(e.split(' ').next().unwrap_or(e)) {
                push_fmt(out, format_args!("250-{e}\r\n"));
            }
        }
        out.push(b"250 HELP\r\n");
    }

    /// AUTH is offered unless credentials must wait for TLS.
    fn auth_allowed(&self) -> bool {
        !self.config.require_tls || self.config.tls_active
    }

    fn cmd_mail(&mut self, args: &str, out: &mut Output) {
        if self.config.submission && self.user.is_none() {
            return self.reply(
                out,
                530,
                "5.7.0",
                &crate::tr_en!("server.smtp.authentication_required_submission_port"),
            );
        }
        let arg = match path_arg(args, "FROM") {
            Ok(a) => a,
            Err(e) => return self.path_error("MAIL", e, out),
        };
        let PathArg { address, params } = arg;
        let mut size_hint = 0usize;
        let mut smtputf8 = false;
        for (key, value) in params {
            match (key.to_ascii_uppercase().as_str(), value) {
                ("SIZE", Some(v)) => match number(v) {
                    Some(n) if n > self.config.max_message as u64 => {
                        let text = crate::tr_en!(
                            "server.smtp.message_size_exceeds_fixed",
                            n = n,
                            max_message = self.config.max_message
                        );
                        return self.reply(out, 552, "5.3.4", &text);
                    }
                    Some(n) => size_hint = usize::try_from(n).unwrap_or(0),
                    None => {
                        return self.reply(
                            out,
                            501,
                            "5.5.4",
                            &crate::tr_en!("server.smtp.size_needs_number_octets"),
                        )
                    }
                },
                ("BODY", Some(v))
                    if v.eq_ignore_ascii_case("7BIT") || v.eq_ignore_ascii_case("8BITMIME") => {}
                ("BODY", Some(v)) if v.eq_ignore_ascii_case("BINARYMIME") => {
                    return self.reply(
                        out,
                        555,
                        "5.5.4",
                        &crate::tr_en!("server.smtp.body_binarymime_needs_binarymime"),
                    )
                }
                ("BODY", _) => {
                    return self.reply(out, 501, "5.5.4", "BODY= takes 7BIT or 8BITMIME (RFC 6152)")
                }
                ("SMTPUTF8", None) => smtputf8 = true,
                // RFC 4954 §5: the AUTH= parameter is accepted and not used.
                ("AUTH", Some(_)) => {}
                _ => {
                    let shown: String = key.chars().take(40).collect();
                    let text = crate::tr_en!("server.smtp.mail_from_parameter_not", shown = shown);
                    return self.reply(out, 555, "5.5.4", &text);
                }
            }
        }
        if !address.is_empty() {
            if let Err(e) = check_mailbox(address, smtputf8) {
                return self.path_error("MAIL", e, out);
            }
        }
        if let Some(user) = self.user.clone() {
            // RFC 6409 §6.1: a submission server may check that an authenticated
            // sender uses an address of their own (Postfix's
            // reject_sender_login_mismatch). The null sender <> names nobody.
            let owner = self.store.read(|i| i.login_name(address));
            if !address.is_empty() && owner.as_deref() != Some(user.as_str()) {
                let own = format!("{user}@{}", self.config.hostname);
                let text = say(
                    "server.smtp.relay.not_yours",
                    &[("address", address), ("user", &user), ("own", &own)],
                );
                return self.reply(out, 553, "5.7.1", &text);
            }
        }
        self.tx = Some(Transaction {
            from: address.to_string(),
            smtputf8,
            size_hint,
            recipients: Vec::new(),
            local: Vec::new(),
            relayed: Vec::new(),
            chunks: None,
        });
        let text = if address.is_empty() {
            crate::tr_en!("server.smtp.sender_ok_null_reverse")
        } else {
            format!("Sender <{address}> OK")
        };
        self.reply(out, 250, "2.1.0", &text);
    }

    fn path_error(&mut self, name: &str, e: PathError, out: &mut Output) {
        match e {
            PathError::Keyword | PathError::Brackets => {
                let text = crate::tr_en!(
                    "server.smtp.syntax_angle_brackets_required",
                    name = syntax(name)
                );
                self.reply(out, 501, "5.5.4", &text);
            }
            PathError::Address(why) => {
                let (code, enh) = if why.contains("SMTPUTF8") {
                    (553, "5.6.7")
                } else {
                    (501, "5.1.3")
                };
                let text = crate::tr_en!("server.smtp.bad_address_syntax", why = why);
                self.reply(out, code, enh, &text);
            }
            PathError::Param(why) => self.reply(out, 501, "5.5.4", &why),
        }
    }

    fn cmd_rcpt(&mut self, args: &str, out: &mut Output) {
        let Some(smtputf8) = self.tx.as_ref().map(|t| t.smtputf8) else {
            return;
        };
        let arg = match path_arg(args, "TO") {
            Ok(a) => a,
            Err(e) => return self.path_error("RCPT", e, out),
        };
        if let Some((key, _)) = arg.params.first() {
            let shown: String = key.chars().take(40).collect();
            let text = crate::tr_en!("server.smtp.rcpt_parameter_not_supported", shown = shown);
            return self.reply(out, 555, "5.5.4", &text);
        }
        let address = arg.address;
        if address.is_empty() {
            return self.reply(
                out,
                501,
                "5.1.3",
                &crate::tr_en!("server.smtp.rcpt_not_allowed_recipient"),
            );
        }
        // RFC 5321 §4.5.1: <postmaster> without a domain names the local postmaster.
        let domain = if address.eq_ignore_ascii_case("postmaster") {
            self.config.hostname.clone()
        } else {
            match check_mailbox(address, smtputf8) {
                Ok(d) => d.to_string(),
                Err(e) => return self.path_error("RCPT", e, out),
            }
        };
        if self
            .tx
            .as_ref()
            .is_some_and(|t| t.recipients.len() >= MAX_RECIPIENTS)
        {
            let text = crate::tr_en!(
                "server.smtp.too_many_recipients_most",
                max_recipients = MAX_RECIPIENTS
            );
            return self.reply(out, 452, "4.5.3", &text);
        }
        let limits = self.config.limits;
        let (local_domain, user, known, room, domains) = self.store.read(|i| {
            let local_domain =
                i.is_local_domain(&domain) || domain.eq_ignore_ascii_case(&self.config.hostname);
            let local = address.rsplit_once('@').map_or(address, |(l, _)| l);
            let user = if local_domain {
                i.local_user_for(local)
            } else {
                None
            };
            // Only a refusal lists who does exist.
            let known: Vec<String> = if local_domain && user.is_none() {
                i.users.keys().take(5).cloned().collect()
            } else {
                Vec::new()
            };
            // Already over a limit? (The message's own size is checked at its end.)
            let users: Vec<String> = user.iter().cloned().collect();
            let add = Addition {
                users: &users,
                relay: !local_domain,
                ..Addition::default()
            };
            let room = i.room_for(&add, &limits);
            let mut domains = i.domains.clone();
            if !domains
                .iter()
                .any(|d| d.eq_ignore_ascii_case(&self.config.hostname))
            {
                domains.insert(0, self.config.hostname.clone());
            }
            (local_domain, user, known, room, domains)
        });
        if !local_domain && self.user.is_none() {
            // Port 25 takes mail for its own domains from anyone, and relays for no one
            // (an open relay is a spammer's gift): relaying needs a login.
            let text = say(
                "server.smtp.relay.denied",
                &[("address", address), ("domains", &domains.join(", "))],
            );
            return self.reply(out, 554, "5.7.1", &text);
        }
        if let Err(full) = room {
            if local_domain && user.is_none() {
                // Unknown users get their 550 below.
            } else {
                let (enh, text) = self.no_room_text(full, address);
                return self.reply(out, 452, enh, &text);
            }
        }
        let Some(tx) = self.tx.as_mut() else {
            return;
        };
        if local_domain {
            let Some(user) = user else {
                let text = crate::tr_en!(
                    "server.smtp.no_such_user_here",
                    address = address,
                    join = known.join(", ")
                );
                return self.reply(out, 550, "5.1.1", &text);
            };
            tx.recipients.push(address.to_string());
            if !tx.local.contains(&user) {
                tx.local.push(user.clone());
            }
            let text = crate::tr_en!(
                "server.smtp.recipient_ok_delivers_inbox",
                address = address,
                user = user
            );
            self.reply(out, 250, "2.1.5", &text);
        } else {
            tx.recipients.push(address.to_string());
            tx.relayed.push(address.to_string());
            let text = crate::tr_en!("server.smtp.recipient_ok_another_domain", address = address);
            self.reply(out, 250, "2.1.5", &text);
        }
    }

    /// Why no message may start now, if so (shared by DATA and BDAT).
    fn message_refusal(&self, verb: &str) -> Option<(u16, &'static str, String)> {
        let spec = protocol::command(Protocol::Smtp, verb)?;
        if spec.valid_in(self.smtp_state().id()) {
            return None;
        }
        Some((503, "5.5.1", self.wrong_state(spec)))
    }

    /// The reply text (and enhanced code) for a limit that was reached.
    fn no_room_text(&self, full: NoRoom, address: &str) -> (&'static str, String) {
        match full {
            NoRoom::UserQuota(user, quota) => (
                "4.2.2",
                say(
                    "server.smtp.quota.user_full",
                    &[
                        ("address", address),
                        ("user", &user),
                        ("quota", &quota.to_string()),
                    ],
                ),
            ),
            NoRoom::Sink(limit) => (
                "4.3.1",
                say(
                    "server.smtp.quota.sink_full",
                    &[("limit", &limit.to_string())],
                ),
            ),
            NoRoom::Total(limit) => (
                "4.3.1",
                say(
                    "server.smtp.quota.store_full",
                    &[("limit", &limit.to_string())],
                ),
            ),
        }
    }

    fn cmd_data(&mut self, args: &str, bare_lf: bool, out: &mut Output) {
        if !args.is_empty() {
            return self.syntax_error("DATA", out);
        }
        if let Some((code, enh, text)) = self.message_refusal("DATA") {
            return self.reply(out, code, enh, &text);
        }
        if self.tx.as_ref().is_some_and(|t| t.chunks.is_some()) {
            return self.reply(
                out,
                503,
                "5.5.1",
                &crate::tr_en!("server.smtp.data_cannot_follow_bdat"),
            );
        }
        let (message, return_path_len) = self.trace_headers();
        self.data_return_path_len = return_path_len;
        self.phase = Phase::Data(DataReader::new(message, self.config.max_message, !bare_lf));
        if bare_lf {
            // The 354 text below says it all; no separate note.
            self.lf_note = LfNote::Given;
        }
        self.note_line(out, 354);
        if bare_lf {
            out.push(b"354 Send the message; end with <CRLF>.<CRLF>. A \".\" line ended by a bare LF does not count (that was the SMTP-smuggling hole): with netcat use nc -C\r\n");
        } else {
            out.push(b"354 Send the message; end with <CRLF>.<CRLF>\r\n");
        }
    }

    fn end_of_data(&mut self, reader: DataReader, out: &mut Output) {
        if reader.too_big() {
            self.tx = None;
            let text = crate::tr_en!(
                "server.smtp.message_too_big_octets",
                size = reader.size,
                max_message = self.config.max_message
            );
            return self.reply(out, 552, "5.3.4", &text);
        }
        if let Some(line) = reader.long_line {
            self.tx = None;
            let text = crate::tr_en!(
                "server.smtp.line_message_longer_than",
                line = line,
                max_text_line = MAX_TEXT_LINE
            );
            return self.reply(out, 550, "5.6.0", &text);
        }
        let return_path_len = self.data_return_path_len;
        self.deliver(reader.message, return_path_len, out);
    }

    fn cmd_bdat(&mut self, args: &str, out: &mut Output) {
        let mut parts = args.split(' ').filter(|p| !p.is_empty());
        let size = parts.next().and_then(number);
        let last = match parts.next() {
            None => false,
            Some(l) if l.eq_ignore_ascii_case("LAST") => true,
            Some(_) => return self.syntax_error("BDAT", out),
        };
        let (Some(size), None) = (size, parts.next()) else {
            // Without a valid size the chunk cannot be skipped: the bytes that follow
            // will be read as commands.
            return self.syntax_error("BDAT", out);
        };
        let refusal = self.message_refusal("BDAT");
        if refusal.is_none() && self.tx.as_ref().is_some_and(|t| t.chunks.is_none()) {
            // The first chunk of a message: start it with the trace headers.
            let (message, return_path_len) = self.trace_headers();
            if let Some(tx) = self.tx.as_mut() {
                tx.chunks = Some(Chunks {
                    message,
                    size: 0,
                    return_path_len,
                });
            }
        }
        self.phase = Phase::Bdat {
            remaining: size,
            last,
            refusal,
        };
        self.maybe_end_chunk(out);
    }

    /// Keeps the octets of an accepted BDAT chunk, up to the size limit.
    fn chunk_bytes(&mut self, bytes: &[u8]) {
        if !matches!(self.phase, Phase::Bdat { refusal: None, .. }) {
            return;
        }
        let max = self.config.max_message;
        if let Some(c) = self.tx.as_mut().and_then(|t| t.chunks.as_mut()) {
            c.size = c.size.saturating_add(bytes.len());
            if c.size > max {
                c.message = Vec::new();
            } else {
                c.message.extend_from_slice(bytes);
            }
        }
    }

    /// Answers a BDAT chunk once all its octets are in.
    fn maybe_end_chunk(&mut self, out: &mut Output) {
        let Phase::Bdat {
            remaining: 0, last, ..
        } = self.phase
        else {
            return;
        };
        let Phase::Bdat { refusal, .. } = std::mem::replace(&mut self.phase, Phase::Command) else {
            return;
        };
        if let Some((code, enh, text)) = refusal {
            return self.reply(out, code, enh, &text);
        }
        let max = self.config.max_message;
        let Some(size) = self
            .tx
            .as_ref()
            .and_then(|t| t.chunks.as_ref())
            .map(|c| c.size)
        else {
            return;
        };
        if size > max {
            // RFC 3030 §4: after a failed chunk the transaction is over.
            self.tx = None;
            let text = crate::tr_en!("server.smtp.message_too_big_over", max = max);
            return self.reply(out, 552, "5.3.4", &text);
        }
        if !last {
            let text = crate::tr_en!("server.smtp.octets_received_so_far", size = size);
            return self.reply(out, 250, "2.0.0", &text);
        }
        let Some(chunks) = self.tx.as_mut().and_then(|t| t.chunks.take()) else {
            return;
        };
        let message = normalize_line_ends(chunks.message);
        self.deliver(message, chunks.return_path_len, out);
    }

    /// `Return-Path` and `Received` (RFC 5321 §4.4) for the open transaction; returns
    /// the buffer that the message will be appended to and the Return-Path length.
    fn trace_headers(&mut self) -> (Vec<u8>, usize) {
        let Some(tx) = self.tx.as_ref() else {
            return (Vec::new(), 0);
        };
        // The message is built in this buffer once; size it from SIZE= when given.
        let capacity = 512 + tx.size_hint.clamp(8192, self.config.max_message.max(8192));
        let mut m = Vec::with_capacity(capacity);
        let _ = write!(WriteVec(&mut m), "Return-Path: <{}>\r\n", tx.from);
        let return_path_len = m.len();
        let helo = self
            .greeting
            .as_ref()
            .map_or("unknown", |g| g.name.as_str());
        // RFC 3848 protocol types.
        let mut proto = String::from(if self.greeting.as_ref().is_some_and(|g| g.esmtp) {
            "ESMTP"
        } else {
            "SMTP"
        });
        if self.config.tls_active {
            proto.push('S');
        }
        if self.user.is_some() {
            proto.push('A');
        }
        self.messages += 1;
        let for_clause = match tx.recipients.as_slice() {
            [one] => format!("\r\n\tfor <{one}>"),
            _ => String::new(),
        };
        let date = self.now().to_rfc2822();
        let _ = write!(
            WriteVec(&mut m),
            "Received: from {helo} by {} (maillab)\r\n\twith {proto} id {}.{}{for_clause};\r\n\t{date}\r\n",
            self.config.hostname,
            self.id,
            self.messages
        );
        (m, return_path_len)
    }

    /// Stores a complete message: local recipients in one store step, other domains in
    /// the relayed sink.
    fn deliver(&mut self, message: Vec<u8>, return_path_len: usize, out: &mut Output) {
        let Some(tx) = self.tx.take() else {
            return;
        };
        let date = self.now();
        let size = message.len() as u64;
        let relayed_size = if tx.relayed.is_empty() {
            0
        } else {
            size.saturating_sub(return_path_len as u64)
        };
        let limits = self.config.limits;
        let room = self.store.read(|i| {
            i.room_for(
                &Addition {
                    users: &tx.local,
                    per_user: size,
                    sink: relayed_size,
                    relay: !tx.relayed.is_empty(),
                    freed: 0,
                },
                &limits,
            )
        });
        match room {
            Ok(()) => {}
            Err(NoRoom::UserQuota(user, quota)) => {
                let text = say(
                    "server.smtp.quota.user_over",
                    &[("user", &user), ("quota", &quota.to_string())],
                );
                return self.reply(out, 552, "5.2.2", &text);
            }
            Err(full) => {
                let (enh, text) = self.no_room_text(full, "");
                return self.reply(out, 452, enh, &text);
            }
        }
        let raw: Arc<[u8]> = Arc::from(message);
        let mut parts = Vec::new();
        if !tx.local.is_empty() {
            if let Err(e) = self.store.deliver(&tx.local, raw.clone(), date) {
                let text = crate::tr_en!("server.smtp.local_delivery_failed_nothing", error = e);
                return self.reply(out, 451, "4.3.0", &text);
            }
            parts.push(crate::tr_en!(
                "server.smtp.delivered",
                join = tx.local.join(", ")
            ));
        }
        if !tx.relayed.is_empty() {
            let relayed_raw: Arc<[u8]> = Arc::from(raw.get(return_path_len..).unwrap_or(&raw[..]));
            parts.push(crate::tr_en!(
                "server.smtp.kept_relayed_sink",
                len = tx.relayed.len()
            ));
            self.store.relay(RelayedMessage {
                from: tx.from,
                recipients: tx.relayed,
                raw: relayed_raw,
                received: date,
            });
        }
        let text = crate::tr_en!(
            "server.smtp.ok_queued",
            id = self.id,
            messages = self.messages,
            join = parts.join("; ")
        );
        self.reply(out, 250, "2.0.0", &text);
    }

    fn cmd_help(&mut self, args: &str, out: &mut Output) {
        let topic = args.trim();
        if topic.is_empty() {
            let names: Vec<&str> = protocol::commands(Protocol::Smtp)
                .iter()
                .map(|c| c.name.as_str())
                .collect();
            self.note_line(out, 214);
            push_fmt(out, format_args!("214-Commands: {}\r\n", names.join(" ")));
            push_fmt(
                out,
                format_args!(
                    "214 2.0.0 {}\r\n",
                    crate::tr_en!("server.smtp.help_command_explains_one")
                ),
            );
            return;
        }
        let upper = topic.to_ascii_uppercase();
        let Some(spec) = protocol::command(Protocol::Smtp, &upper) else {
            let shown: String = topic.chars().take(40).collect();
            let text = crate::tr_en!("server.smtp.no_help_help_alone", shown = shown);
            return self.reply(out, 504, "5.5.1", &text);
        };
        let rfc = spec.rfc.as_str();
        self.note_line(out, 214);
        push_fmt(out, format_args!("214-{}\r\n", spec.syntax));
        if let Some(summary) = Some(spec.summary.trim()).filter(|s| !s.is_empty()) {
            // One reply line per table line: a summary never breaks the reply.
            for line in summary.lines().filter(|l| !l.trim().is_empty()) {
                push_fmt(out, format_args!("214-{}\r\n", line.trim()));
            }
        }
        push_fmt(out, format_args!("214 2.0.0 {rfc}\r\n"));
    }

    fn cmd_auth(&mut self, args: &str, out: &mut Output) {
        if !self.greeting.as_ref().is_some_and(|g| g.esmtp) {
            let text = say("server.smtp.auth.needs_ehlo", &[]);
            return self.reply(out, 503, "5.5.1", &text);
        }
        if self.user.is_some() {
            return self.reply(
                out,
                503,
                "5.5.1",
                &crate::tr_en!("server.smtp.already_authenticated_auth_may"),
            );
        }
        if !self.auth_allowed() {
            return self.reply(
                out,
                538,
                "5.7.11",
                &crate::tr_en!("server.smtp.encryption_required_issue_starttls"),
            );
        }
        let mut parts = args.split(' ').filter(|p| !p.is_empty());
        let (Some(name), initial, None) = (parts.next(), parts.next(), parts.next()) else {
            return self.syntax_error("AUTH", out);
        };
        let Some(mechanism) = Mechanism::parse(name) else {
            let shown: String = name.chars().take(40).collect();
            let text = crate::tr_en!(
                "server.smtp.unrecognized_authentication_type_server",
                shown = shown
            );
            return self.reply(out, 504, "5.5.4", &text);
        };
        let timestamp = u64::try_from(self.now().timestamp()).unwrap_or(0);
        let challenge = sasl::cram_md5_challenge(self.id, timestamp, &self.config.hostname);
        let (exchange, step) = ServerExchange::start(mechanism, initial, &challenge);
        self.phase = Phase::Auth(exchange);
        self.auth_step(step, out);
    }

    fn auth_line(&mut self, raw: &[u8], out: &mut Output) {
        let Phase::Auth(exchange) = &mut self.phase else {
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
            ServerStep::Challenge(c) => {
                // RFC 4954 §4: the challenge is bare base64 after "334 ".
                push_fmt(out, format_args!("334 {c}\r\n"));
            }
            ServerStep::Done(creds) => {
                self.phase = Phase::Command;
                self.finish_auth(creds, out);
            }
            ServerStep::Failed(e) => {
                self.phase = Phase::Command;
                if e != SaslError::Cancelled {
                    out.auth_failed = true;
                    self.auth_failures += 1;
                }
                match e {
                    SaslError::Cancelled => self.reply(
                        out,
                        501,
                        "5.7.0",
                        &crate::tr_en!("server.smtp.authentication_cancelled_client"),
                    ),
                    SaslError::Base64 => self.reply(
                        out,
                        501,
                        "5.5.2",
                        &crate::tr_en!("server.smtp.cannot_decode_response_must"),
                    ),
                    SaslError::Malformed(why) => {
                        let text = format!("Authentication failed: {why}");
                        self.reply(out, 501, "5.5.2", &text);
                    }
                }
                self.auth_limit(out);
            }
        }
    }

    /// Hangs up after too many failed AUTH attempts (the driver also slows each one).
    fn auth_limit(&mut self, out: &mut Output) {
        if self.auth_failures >= MAX_AUTH_FAILURES && !self.closed {
            let text = say(
                "server.smtp.auth.too_many",
                &[
                    ("host", &self.config.hostname),
                    ("count", &self.auth_failures.to_string()),
                ],
            );
            push_fmt(out, format_args!("421 4.7.0 {text}\r\n"));
            self.close(out);
        }
    }

    fn finish_auth(&mut self, creds: Credentials, out: &mut Output) {
        let refusal = match auth::credentials(&self.store, &creds) {
            Ok(user) => {
                let text = crate::tr_en!("server.smtp.authentication_successful", user = user);
                self.user = Some(user);
                return self.reply(out, 235, "2.7.0", &text);
            }
            Err(r) => r,
        };
        out.auth_failed = true;
        self.auth_failures += 1;
        // Failed logins count toward the session's error limit too.
        self.errors += 1;
        match refusal {
            auth::Refusal::AppPasswordRequired => {
                // Gmail's answer to an account password where an app password is needed.
                let text = say("server.smtp.auth.app_password", &[("user", creds.user())]);
                self.reply(out, 534, "5.7.9", &text);
            }
            auth::Refusal::NewAccount(why) => {
                let text = auth::new_account_text(why, creds.user());
                self.reply(out, 535, "5.7.8", &text);
            }
            auth::Refusal::Invalid | auth::Refusal::Authorization => self.reply(
                out,
                535,
                "5.7.8",
                &crate::tr_en!("server.smtp.authentication_credentials_invalid_wrong"),
            ),
        }
        self.auth_limit(out);
    }

    fn cmd_starttls(&mut self, args: &str, out: &mut Output) {
        if !args.is_empty() {
            return self.syntax_error("STARTTLS", out);
        }
        if self.config.tls_active {
            return self.reply(
                out,
                503,
                "5.5.1",
                &crate::tr_en!("server.smtp.tls_already_active_connection"),
            );
        }
        if !self.config.tls_available {
            return self.reply(
                out,
                454,
                "4.7.0",
                &crate::tr_en!("server.smtp.tls_not_available_server"),
            );
        }
        self.reply(
            out,
            220,
            "2.0.0",
            &crate::tr_en!("server.smtp.ready_start_tls"),
        );
        self.phase = Phase::TlsPending;
        out.start_tls = true;
    }
}

/// Replaces bare LF line ends with CRLF (BDAT content is taken as sent, RFC 3030 §3;
/// the store holds CRLF text). Leaves the buffer untouched when there are none.
fn normalize_line_ends(message: Vec<u8>) -> Vec<u8> {
    let has_bare = message
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b'\n' && (i == 0 || message[i - 1] != b'\r'));
    if !has_bare {
        return message;
    }
    let mut out = Vec::with_capacity(message.len() + message.len() / 32);
    for (i, &b) in message.iter().enumerate() {
        if b == b'\n' && (i == 0 || message[i - 1] != b'\r') {
            out.push(b'\r');
        }
        out.push(b);
    }
    out
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

impl Session for SmtpSession {
    fn greeting(&mut self) -> Output {
        let mut out = Output::default();
        push_fmt(
            &mut out,
            format_args!(
                "220 {} {}\r\n",
                self.config.hostname,
                crate::tr_en!("server.smtp.esmtp_maillab_mock_server")
            ),
        );
        out
    }

    fn receive(&mut self, input: &[u8]) -> Output {
        let mut out = Output::default();
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

    fn receiving_data(&self) -> bool {
        matches!(self.phase, Phase::Data(_) | Phase::Bdat { .. })
    }

    fn state(&self) -> crate::protocol::follow::State {
        crate::protocol::follow::State::Smtp(self.smtp_state())
    }

    fn timed_out(&mut self) -> Output {
        let mut out = Output::default();
        if self.closed {
            out.close = true;
            return out;
        }
        push_fmt(
            &mut out,
            format_args!(
                "421 4.4.2 {} {}\r\n",
                self.config.hostname,
                crate::tr_en!("server.smtp.error_timeout_exceeded_closing")
            ),
        );
        self.close(&mut out);
        out
    }

    fn tls_started(&mut self) {
        // RFC 3207 §4.2: forget everything learned before TLS, including EHLO and AUTH.
        self.config.tls_active = true;
        self.phase = Phase::Command;
        self.greeting = None;
        self.user = None;
        self.tx = None;
        self.inbuf.clear();
        self.lines.reset();
    }

    fn disconnected(&mut self) {
        // A half-sent DATA or BDAT message is dropped: nothing was stored yet.
        self.closed = true;
        self.tx = None;
        self.phase = Phase::Command;
        self.inbuf = Vec::new();
    }
}
