//! Explanations of server lines: what a reply means, why the server gave it now
//! (using the session state and the command it answers), and the RFC section.
//!
//! The logic here only picks explanation *ids*; every text comes from a language
//! table ([`super::text`]), and the rules that depend on the state or on a real
//! server's wording are data too (`src/protocol/data/explain.toml`: context rules,
//! wording patterns and the RFC section of every id).
//!
//! Order of the explanations of one line: first the reply itself (a context rule,
//! else the reason for a refusal, else a known server wording, else the command's
//! own outcome text, else the generic meaning of the status or code), then its
//! response code / enhanced status code, then details (capabilities, FETCH items),
//! then warnings (a password sent without TLS).

//!
//! Layout: this file loads the rules and holds what every protocol shares (the
//! context, the collector of explanations, rule matching); `imap.rs`, `smtp.rs`
//! and `pop3.rs` explain one protocol's lines each; `readers.rs` reads the
//! structured data inside IMAP lines (FETCH items, LIST parts, section specs);
//! `walk.rs` follows a pasted session for [`explain_text`].

mod imap;
mod pop3;
mod readers;
pub mod server_text;
mod smtp;
mod walk;

use readers::MAX_DETAILS;

pub use walk::{explain_session_in, explain_text, explain_text_in, step_context, Explained};

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use serde::Deserialize;

use super::reply::{self, ImapKind};
use super::text::{self, Language};
use super::{command, parse_command_line, CommandLine, CommandSpec, Protocol};

/// Where a line was received: the session state, the command it answers, the
/// selected mailbox and whether TLS is on. In the REPL and for a pasted session
/// the protocol follower fills it; `maillab explain` of a single line leaves it
/// empty ([`Context::default`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// The session state the answered command was sent in (before this reply
    /// changes it), using the names of [`super::states`]. Empty when unknown
    /// (`maillab explain`): then no state-based reasons are given.
    pub state: String,
    /// The client line this reply answers, without tag, e.g. `SELECT INBOX`;
    /// `None` for the greeting and for lines that arrive unasked.
    pub command: Option<String>,
    /// True when the connection is protected by TLS.
    pub tls: bool,
    /// IMAP: the mailbox selected (or being selected) when the line arrived, as
    /// the client named it (`INBOX`, `newbox`); `None` when none is or it is unknown.
    pub mailbox: Option<String>,
    /// IMAP: the selected mailbox was opened read-only (EXAMINE, or `[READ-ONLY]`).
    pub read_only: bool,
}

impl Context {
    /// The context of a fresh connection: the protocol's first state, no command.
    pub fn new(p: Protocol) -> Context {
        Context {
            state: super::states(p)[0].to_string(),
            ..Context::default()
        }
    }

    /// A context answering `command` sent in `state`.
    pub fn answering(state: &str, command: &str) -> Context {
        Context {
            state: state.to_string(),
            command: Some(command.to_string()),
            ..Context::default()
        }
    }

    /// The same context with `mailbox` selected (`read_only` as EXAMINE opens it).
    pub fn in_mailbox(mut self, mailbox: &str, read_only: bool) -> Context {
        self.mailbox = Some(mailbox.to_string());
        self.read_only = read_only;
        self
    }
}

/// How specific an explanation is, from least to most. A line's level is the
/// highest of its explanations'; the explanation corpus test holds real servers'
/// lines to at least [`Specificity::Command`] when the command is known and
/// [`Specificity::Code`] when the line carries a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Specificity {
    /// Only what kind of line this is, or that it is not known.
    Generic,
    /// The meaning of the status (`OK`, `NO`, `BAD`, `+OK`, `-ERR`) or of the
    /// reply code's class (2xx … 5xx), whatever the command.
    ReplyClass,
    /// What the reply means as the answer to this command, in this state.
    Command,
    /// What this exact code or keyword means: an SMTP reply code, an enhanced
    /// status code, an IMAP or POP3 response code, an untagged data keyword, a
    /// capability, a FETCH item (also when it is specific to the command).
    Code,
    /// A known server's own wording, recognised by its code and its text.
    ServerWording,
}

impl Specificity {
    /// The level of an explanation id. The id says where the text sits in the
    /// language table, and that says how it was chosen: `*.unknown`, `*.other`
    /// and `imap.cont.generic` are fallbacks, `*.status.*` and the code classes
    /// mean only the status, `*.after.*` and `*.why.*` depend on the command,
    /// `*.code.*`, `*.data.*`, `smtp.reply.NNN` on the code, and a server's name
    /// as the second segment (`smtp.postfix.*`) on its wording.
    pub fn of_id(id: &str) -> Specificity {
        let mut parts = id.split('.');
        let (_proto, second) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        let last = id.rsplit('.').next().unwrap_or("");
        if matches!(last, "unknown" | "others")
            || matches!(
                id,
                "imap.other" | "smtp.other" | "pop3.other" | "imap.cont.generic"
            )
        {
            return Specificity::Generic;
        }
        match second {
            "dovecot" | "postfix" | "gmail" => Specificity::ServerWording,
            "status" => match last {
                "greeting" | "preauth" | "bye_logout" => Specificity::Command,
                _ => Specificity::ReplyClass,
            },
            "ok" | "err" => Specificity::ReplyClass,
            "shape" => Specificity::ReplyClass,
            "reply" if last.starts_with("class_") => Specificity::ReplyClass,
            "after" | "why" if id.starts_with("smtp.") => Specificity::Code,
            "after" | "why" | "cont" | "cmd" | "warn" | "greeting" | "greeting_apop" | "body"
            | "terminator" | "literal_rest" | "data_end" => Specificity::Command,
            _ => Specificity::Code,
        }
    }
}

/// One explanation of a server line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// Stable id of the text, e.g. `imap.code.trycreate` (the key in the language tables).
    pub id: String,
    /// The explanation in the chosen language, placeholders filled, without the RFC section.
    pub text: String,
    /// The RFC section it rests on, e.g. `RFC 3501 §7.1`.
    pub rfc: Option<String>,
    /// How specific it is ([`Specificity::of_id`]).
    pub specificity: Specificity,
}

/// The level of a line's explanations: the highest among them (`Generic` for none).
pub fn specificity(list: &[Explanation]) -> Specificity {
    list.iter()
        .map(|e| e.specificity)
        .max()
        .unwrap_or(Specificity::Generic)
}

impl fmt::Display for Explanation {
    /// `text (RFC …)`: the form shown under a server line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.rfc {
            Some(rfc) => write!(f, "{} ({rfc})", self.text),
            None => f.write_str(&self.text),
        }
    }
}

// ---------------------------------------------------------------------------
// Rule data

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    rfc: toml::Table,
    #[serde(default)]
    context: Vec<ContextRule>,
    #[serde(default)]
    wording: Vec<WordingRule>,
}

/// A state- or command-specific explanation: applies when the reply matches
/// `reply` (IMAP status `OK`/`NO`/`BAD`/`BYE`, SMTP code `503` or class `5xx`,
/// POP3 `+OK`/`-ERR`), the answered command is `command` (when given), the state
/// is one of `states` (when given), TLS is `tls` (when given) and the selected
/// mailbox is open read-only or not (`read_only`, when given).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContextRule {
    protocol: String,
    reply: String,
    #[serde(default)]
    command: Option<String>,
    #[serde(default)]
    states: Vec<String>,
    #[serde(default)]
    tls: Option<bool>,
    #[serde(default)]
    read_only: Option<bool>,
    id: String,
}

/// A real server's wording: `pattern` (a case-insensitive glob, `*` matches any
/// run of characters) is matched against the text after status, code and
/// enhanced code.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordingRule {
    protocol: String,
    #[serde(default)]
    reply: Option<String>,
    pattern: String,
    id: String,
}

struct Rules {
    rfc: HashMap<String, String>,
    context: Vec<ContextRule>,
    wording: Vec<WordingRule>,
}

const RULES_TOML: &str = include_str!("../data/explain.toml");

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let file: RulesFile = match toml::from_str(RULES_TOML) {
            Ok(f) => f,
            // Compiled in and checked by the unit tests: a defect of the build.
            Err(e) => panic!("built-in explanation rules are invalid: {e}"),
        };
        let mut rfc = HashMap::new();
        flatten_rfc("", file.rfc, &mut rfc);
        Rules {
            rfc,
            context: file.context,
            wording: file.wording,
        }
    })
}

fn flatten_rfc(prefix: &str, table: toml::Table, out: &mut HashMap<String, String>) {
    for (k, v) in table {
        let key = if prefix.is_empty() {
            k
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::String(s) => {
                out.insert(key, s);
            }
            toml::Value::Table(t) => flatten_rfc(&key, t, out),
            _ => {}
        }
    }
}

/// The RFC section an explanation id rests on: the id's own entry, else the
/// nearest enclosing `*` default (`imap.code.*`, then `imap.*`).
pub fn rfc_of(id: &str) -> Option<&'static str> {
    let rfc = &rules().rfc;
    if let Some(r) = rfc.get(id) {
        return Some(r);
    }
    // `imap.after.select.ok`: the outcome of a command rests on the command's section.
    let mut parts = id.split('.');
    if let (Some(proto), Some("after"), Some(cmd)) = (parts.next(), parts.next(), parts.next()) {
        if let Some(p) = Protocol::parse(proto) {
            let summary = format!("{proto}.cmd.{cmd}");
            if let Some(spec) = super::commands(p).iter().find(|c| c.summary_id == summary) {
                return Some(&spec.rfc);
            }
        }
    }
    let mut prefix = id;
    while let Some(dot) = prefix.rfind('.') {
        prefix = &prefix[..dot];
        if let Some(r) = rfc.get(&format!("{prefix}.*")) {
            return Some(r);
        }
    }
    None
}

/// The first `max` bytes of `s`, cut at a character boundary.
fn head(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Case-insensitive glob match where `*` matches any run of characters.
fn glob(pattern: &str, text: &str) -> bool {
    let p = pattern.as_bytes();
    let t = text.as_bytes();
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && p[pi] == b'*' {
            star = Some((pi, ti));
            pi += 1;
        } else if pi < p.len() && p[pi].eq_ignore_ascii_case(&t[ti]) {
            pi += 1;
            ti += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

fn reply_matches(rule_reply: &str, actual: &str) -> bool {
    if rule_reply.eq_ignore_ascii_case(actual) {
        return true;
    }
    // SMTP classes: `5xx`, `55x`.
    rule_reply.len() == actual.len()
        && rule_reply
            .bytes()
            .zip(actual.bytes())
            .all(|(r, a)| r == b'x' || r == a)
}

// ---------------------------------------------------------------------------
// Building explanations

/// Collects explanations for one line, in one language.
struct Out<'l> {
    lang: &'l Language,
    list: Vec<Explanation>,
}

impl Out<'_> {
    /// Adds `id` when the language (or English) has a text for it; returns
    /// whether it did, so fallbacks chain with `||`.
    fn push(&mut self, id: &str, args: &[(&str, &str)]) -> bool {
        self.push_rfc(id, args, rfc_of(id).map(str::to_string))
    }

    fn push_rfc(&mut self, id: &str, args: &[(&str, &str)], rfc: Option<String>) -> bool {
        // Whole numbers pass as numbers, so a language picks its plural forms
        // (`1 message`, `2 messages`); anything else, leading zeros included, as text.
        let args: Vec<(&str, text::Arg<'_>)> = args
            .iter()
            .map(|&(k, v)| (k, text::Arg::guess(v)))
            .collect();
        match self.lang.render(id, &args) {
            Some(text) => {
                self.list.push(Explanation {
                    specificity: Specificity::of_id(id),
                    id: id.to_string(),
                    text,
                    rfc,
                });
                true
            }
            None => false,
        }
    }

    fn has(&self, id: &str) -> bool {
        self.lang.lookup(id).is_some()
    }

    /// `id_in` (the text that names the mailbox) when the context knows the
    /// mailbox and the language has that text, else `id`.
    fn in_mailbox(&self, id: &str, ctx: &Context) -> String {
        let named = format!("{id}_in");
        if ctx.mailbox.is_some() && self.has(&named) {
            named
        } else {
            id.to_string()
        }
    }
}

/// Turns a name into an id segment: lower case, `+` as `_plus`, other
/// non-alphanumerics as `_` (`LITERAL+` -> `literal_plus`, `SYS/TEMP` -> `sys_temp`).
pub fn id_segment(name: &str) -> String {
    let mut s = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        match c {
            'a'..='z' | '0'..='9' => s.push(c),
            'A'..='Z' => s.push(c.to_ascii_lowercase()),
            '+' => s.push_str("_plus"),
            _ => s.push('_'),
        }
    }
    s
}

/// The answered command, as read from the context.
struct Answered<'a> {
    line: Option<CommandLine<'a>>,
}

impl<'a> Answered<'a> {
    fn new(p: Protocol, ctx: &'a Context) -> Answered<'a> {
        Answered {
            line: ctx
                .command
                .as_deref()
                .and_then(|c| parse_command_line(p, c)),
        }
    }
    fn spec(&self) -> Option<&'static CommandSpec> {
        self.line.as_ref().and_then(|l| l.spec)
    }
    /// The command's name in upper case (`SELECT`, `UID FETCH`), also for unknown words.
    fn name(&self) -> Option<String> {
        match (&self.line, self.spec()) {
            (_, Some(s)) => Some(s.name.clone()),
            (Some(l), None) => Some(l.name.to_ascii_uppercase()),
            _ => None,
        }
    }
    fn args(&self) -> &str {
        self.line.as_ref().map_or("", |l| l.args)
    }
    /// True when a command was given but the table does not know it.
    fn unknown(&self) -> bool {
        self.line.is_some() && self.spec().is_none()
    }
}

fn context_rule(
    p: Protocol,
    reply: &str,
    answered: &Answered<'_>,
    ctx: &Context,
) -> Option<&'static str> {
    let name = answered.name();
    rules()
        .context
        .iter()
        .find(|r| {
            r.protocol == p.name()
                && reply_matches(&r.reply, reply)
                && r.command
                    .as_deref()
                    .is_none_or(|c| name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(c)))
                && (r.states.is_empty() || r.states.contains(&ctx.state))
                // TLS is only known together with the state (in a session).
                && r.tls.is_none_or(|t| t == ctx.tls && !ctx.state.is_empty())
                && r.read_only.is_none_or(|ro| ro == ctx.read_only)
        })
        .map(|r| r.id.as_str())
}

fn wording_rule(p: Protocol, reply: &str, text: &str) -> Option<&'static str> {
    // Servers' phrases sit at the start of the text: matching a bounded head keeps
    // a huge line cheap.
    let text = head(text, 1024);
    rules()
        .wording
        .iter()
        .find(|r| {
            r.protocol == p.name()
                && r.reply.as_deref().is_none_or(|rr| reply_matches(rr, reply))
                && glob(&r.pattern, text)
        })
        .map(|r| r.id.as_str())
}

/// The "why" of a refusal based on the command table: the command is unknown,
/// or not valid in the state it was sent in. Returns the id and its arguments.
fn wrong_state_reason(
    p: Protocol,
    answered: &Answered<'_>,
    ctx: &Context,
) -> Option<(String, Vec<(&'static str, String)>)> {
    let name = answered.name()?;
    if answered.unknown() {
        return Some((
            format!("{}.why.unknown_command", p.name()),
            vec![("command", name)],
        ));
    }
    let spec = answered.spec()?;
    if ctx.state.is_empty() || spec.valid_in(&ctx.state) {
        return None;
    }
    let valid = spec.states.join(", ");
    let needs = |s: &str| spec.states.iter().any(|x| x == s);
    let id = match (p, ctx.state.as_str()) {
        (Protocol::Imap, "logout") => "imap.why.logged_out",
        (Protocol::Imap, "not-authenticated") if needs("authenticated") || needs("selected") => {
            "imap.why.needs_login"
        }
        (Protocol::Imap, "authenticated") if needs("selected") => "imap.why.needs_select",
        (Protocol::Imap, _) if needs("not-authenticated") => "imap.why.already_logged_in",
        (Protocol::Pop3, "authorization") if needs("transaction") => "pop3.why.needs_login",
        (Protocol::Pop3, "transaction") if needs("authorization") => "pop3.why.already_logged_in",
        (Protocol::Smtp, "connected") if needs("greeted") => "smtp.why.needs_ehlo",
        _ => "",
    };
    let id = if id.is_empty() {
        format!("{}.why.wrong_state", p.name())
    } else {
        id.to_string()
    };
    Some((
        id,
        vec![
            ("command", name),
            ("state", ctx.state.clone()),
            ("valid", valid),
        ],
    ))
}

fn as_args<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'a str, &'a str)> {
    v.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// Explains each SASL mechanism a server offers (`PLAIN LOGIN CRAM-MD5`, from
/// SMTP's `AUTH` keyword or POP3's `SASL` capability) that has a text
/// (`sasl.mech.*`); the standard ones cite their RFC, the others say they are not
/// standards.
fn sasl_mechanisms(out: &mut Out<'_>, list: &str) {
    for mech in list.split_ascii_whitespace().take(MAX_DETAILS) {
        out.push(
            &format!("sasl.mech.{}", id_segment(mech)),
            &[("mech", mech)],
        );
    }
}

/// Decodes a base64 SASL challenge for display; `None` unless it decodes to printable text.
fn decoded_challenge(b64: &str) -> Option<String> {
    let b64 = b64.trim();
    if b64.is_empty() {
        return None;
    }
    let bytes = BASE64.decode(b64).ok()?;
    let s = String::from_utf8(bytes).ok()?;
    (!s.chars().any(|c| c.is_control())).then_some(s)
}

/// Explains one server line in the current language ([`text::current`], English
/// by default). See [`explain_line_in`].
pub fn explain_line(p: Protocol, line: &str, ctx: &Context) -> Vec<Explanation> {
    explain_line_in(text::current(), p, line, ctx)
}

/// Explains one server line: usually one explanation, more when the line also
/// carries a response code, an enhanced status code, capabilities or FETCH items.
/// A client command line (`SELECT INBOX`) is explained by its command summary.
/// Lines that belong to a message body (the data lines of a RETR or TOP answer)
/// give no explanations: explain the body once with [`explain_body_in`].
pub fn explain_line_in(
    lang: &Language,
    p: Protocol,
    line: &str,
    ctx: &Context,
) -> Vec<Explanation> {
    let line = line.trim_end_matches(['\r', '\n']);
    let mut out = Out {
        lang,
        list: Vec::new(),
    };
    match p {
        Protocol::Imap => imap::explain(&mut out, line, ctx),
        Protocol::Smtp => smtp::explain(&mut out, line, ctx),
        Protocol::Pop3 => pop3::explain(&mut out, line, ctx),
    }
    // Outside English, the server's own English words in the language shown,
    // just under the line's main explanation.
    if let Some(e) = server_text::translate_line(lang, p, line) {
        let at = out.list.len().min(1);
        out.list.insert(at, e);
    }
    out.list
}

/// A size in words in `lang`: `26214400` -> "about 26 MB", `2048` -> "about 2 kB",
/// `320` -> "320 octets" (decimal units, as RFC 1870's SIZE values are usually
/// read; "about" only when the figure is rounded). Every word comes from the
/// `size.*` texts, the number passes as a number so the unit takes its plural form.
pub fn size_words(lang: &Language, octets: u64) -> String {
    const UNITS: [(u64, &str); 3] = [
        (1_000_000_000, "size.gb"),
        (1_000_000, "size.mb"),
        (1_000, "size.kb"),
    ];
    let Some(&(unit, id)) = UNITS.iter().find(|(u, _)| octets >= *u) else {
        return lang
            .render("size.octets", &[("n", text::Arg::from(octets))])
            .unwrap_or_default();
    };
    let n = (octets + unit / 2) / unit;
    let size = lang
        .render(id, &[("n", text::Arg::from(n))])
        .unwrap_or_default();
    if octets % unit == 0 {
        return size;
    }
    lang.render("size.about", &[("size", text::Arg::from(size))])
        .unwrap_or_default()
}

/// Explains a message body received or sent as one unit (a FETCH literal, the data
/// lines of RETR/TOP, the DATA of SMTP): "message body of N octets".
pub fn explain_body(p: Protocol, octets: u64) -> Explanation {
    explain_body_in(text::current(), p, octets)
}

/// [`explain_body`] in a given language.
pub fn explain_body_in(lang: &Language, p: Protocol, octets: u64) -> Explanation {
    let id = format!("{}.body", p.name());
    let n = octets.to_string();
    let text = lang
        .render(&id, &[("octets", text::Arg::from(octets))])
        .unwrap_or(n);
    Explanation {
        specificity: Specificity::of_id(&id),
        rfc: rfc_of(&id).map(str::to_string),
        id,
        text,
    }
}

/// Explains a client command line by its command-table summary; false when the
/// line is not a known command.
fn client_command(out: &mut Out<'_>, p: Protocol, line: &str) -> bool {
    let Some(cl) = parse_command_line(p, line) else {
        return false;
    };
    let Some(spec) = cl.spec else {
        return false;
    };
    out.push_rfc(&spec.summary_id, &[], Some(spec.rfc.clone()))
}

// ---------------------------------------------------------------------------
// Guessing the protocol

/// Guesses the protocol of a line for `maillab explain` without `--protocol`:
/// a three-digit reply code is SMTP, `+OK`/`-ERR` is POP3, `*`, `+` and tagged
/// status lines are IMAP; client commands are recognised by their command word
/// (`EHLO` is SMTP, `RETR` is POP3, `a1 SELECT` is IMAP). IMAP when nothing decides.
pub fn guess_protocol(line: &str) -> Protocol {
    let line = line.trim();
    let upper = line.to_ascii_uppercase();
    if reply::smtp(line).is_some() {
        return Protocol::Smtp;
    }
    if upper.starts_with("+OK") || upper.starts_with("-ERR") {
        return Protocol::Pop3;
    }
    let r = reply::imap(line);
    if r.kind != ImapKind::Other && (r.status.is_some() || r.kind != ImapKind::Tagged) {
        return Protocol::Imap;
    }
    let first = upper.split_ascii_whitespace().next().unwrap_or("");
    let smtp_only = [
        "HELO", "EHLO", "MAIL", "RCPT", "DATA", "BDAT", "RSET", "VRFY", "EXPN", "HELP", "AUTH",
        "QUIT",
    ];
    let pop3_only = [
        "USER", "PASS", "APOP", "STAT", "RETR", "DELE", "TOP", "UIDL", "CAPA", "STLS",
    ];
    if smtp_only.contains(&first) && command(Protocol::Imap, first).is_none() {
        return Protocol::Smtp;
    }
    if pop3_only.contains(&first) {
        return Protocol::Pop3;
    }
    // Bare `LIST` (no arguments) is POP3; IMAP's LIST always has two.
    if first == "LIST" && upper.split_ascii_whitespace().count() <= 2 && !line.contains('"') {
        return Protocol::Pop3;
    }
    Protocol::Imap
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_matches_case_insensitively() {
        assert!(glob("*relay access denied", "<a@b>: Relay access denied"));
        assert!(glob(
            "* ESMTP Postfix*",
            "mail.example ESMTP Postfix (Debian/GNU)"
        ));
        assert!(!glob("Bye", "Bye now"));
        assert!(glob("a*b*c", "aXXbYYc"));
        assert!(!glob("a*b*c", "aXXbYY"));
    }

    #[test]
    fn huge_lines_stay_cheap() {
        let started = std::time::Instant::now();
        let junk = "{é *[(\\\"".repeat(100_000);
        for prefix in [
            "a1 NO ",
            "* 1 FETCH (",
            "* CAPABILITY ",
            "* LIST (",
            "250-",
            "+OK ",
        ] {
            let big = format!("{prefix}{junk}");
            for p in Protocol::ALL {
                let _ = explain_line(p, &big, &Context::default());
                let _ = super::super::highlight::server_line(p, &big);
                let _ = super::super::highlight::client_line(p, &big);
            }
        }
        assert_eq!(head("ééé", 3), "é");
        // Linear work: far below a second even in a debug build.
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
    }

    #[test]
    fn rules_load_and_rfc_defaults_apply() {
        assert!(!rules().context.is_empty());
        assert!(rfc_of("imap.code.alert").is_some());
        assert!(rfc_of("no.such.id").is_none());
    }

    #[test]
    fn specificity_follows_how_the_text_was_chosen() {
        use Specificity::*;
        for (id, level) in [
            ("imap.other", Generic),
            ("imap.code.unknown", Generic),
            ("smtp.ehlo.unknown", Generic),
            ("imap.cont.generic", Generic),
            ("imap.status.ok_tagged", ReplyClass),
            ("smtp.reply.class_5", ReplyClass),
            ("pop3.ok", ReplyClass),
            ("imap.after.select.ok", Command),
            ("imap.why.needs_select", Command),
            ("pop3.after.stat.ok", Command),
            ("imap.status.greeting", Command),
            ("smtp.reply.550", Code),
            ("smtp.after.rcpt.250", Code),
            ("smtp.why.rcpt_before_mail", Code),
            ("imap.code.trycreate", Code),
            ("imap.data.exists", Code),
            ("pop3.code.in_use", Code),
            ("smtp.postfix.relay_denied", ServerWording),
            ("imap.dovecot.logged_in", ServerWording),
        ] {
            assert_eq!(Specificity::of_id(id), level, "{id}");
        }
        assert!(Generic < ReplyClass && ReplyClass < Command);
        assert!(Command < Code && Code < ServerWording);
        let list = explain_line(
            Protocol::Smtp,
            "550 5.1.1 <x@y>: Recipient address rejected",
            &Context::answering("rcpt", "RCPT TO:<x@y>"),
        );
        assert_eq!(specificity(&list), ServerWording);
        assert_eq!(specificity(&[]), Generic);
    }

    #[test]
    fn a_server_is_named_only_when_its_code_and_wording_match() {
        // Every rule that recognises a server's wording also names the reply it
        // comes with, so the same words under another code name no server.
        for r in &rules().wording {
            assert!(r.reply.is_some(), "wording rule {} has no reply", r.id);
        }
    }

    #[test]
    fn smtp_texts_state_no_reply_code_but_their_own() {
        // A text may name the code it explains (`smtp.reply.550`, a wording rule
        // for 220) and nothing else: "never a code the line does not carry".
        let en = text::english();
        for id in en
            .ids()
            .filter(|id| id.starts_with("smtp.") && !is_fragment(id))
        {
            let text = en.text(id, &[]).unwrap_or_default();
            let own: Vec<String> = id
                .rsplit('.')
                .next()
                .and_then(|last| last.get(..3))
                .filter(|c| c.bytes().all(|b| b.is_ascii_digit()))
                .map(str::to_string)
                .into_iter()
                .chain(
                    rules()
                        .wording
                        .iter()
                        .filter(|r| r.id == id)
                        .filter_map(|r| r.reply.clone()),
                )
                .collect();
            let words: Vec<&str> = text.split(|c: char| !c.is_ascii_alphanumeric()).collect();
            for (i, w) in words.iter().enumerate() {
                let code = w.len() == 3
                    && w.bytes().all(|b| b.is_ascii_digit())
                    && (b'2'..=b'5').contains(&w.as_bytes()[0]);
                let port = i > 0 && words[i - 1] == "port";
                assert!(
                    !code || port || own.iter().any(|o| o == w),
                    "{id} states {w}: {text}"
                );
            }
        }
    }

    /// Ids that are pieces of other texts, or the program's own texts (`repl.*`),
    /// not explanations of protocol lines.
    fn is_fragment(id: &str) -> bool {
        let explanation = matches!(id.split('.').next(), Some("imap" | "smtp" | "pop3"))
            || id.starts_with("sasl.mech.");
        !explanation
            || id.starts_with("imap.section.")
            || id.starts_with("smtp.enh_class.")
            || id == "smtp.enh_template"
            || id.starts_with("smtp.size.")
            || id.split('.').nth(1) == Some("cmd")
    }

    #[test]
    fn every_english_explanation_has_an_rfc_and_every_rule_a_text() {
        let en = text::english();
        let mut missing: Vec<&str> = en
            .ids()
            .filter(|id| !is_fragment(id) && rfc_of(id).is_none())
            .collect();
        missing.sort_unstable();
        assert!(
            missing.is_empty(),
            "ids without an RFC section: {missing:?}"
        );
        for key in rules().rfc.keys() {
            let id = key.trim_end_matches(".*");
            let known = en.contains(id) || en.ids().any(|i| i.starts_with(&format!("{id}.")));
            assert!(known, "RFC entry {key} names no text");
        }
        for r in &rules().context {
            assert!(en.contains(&r.id), "context rule id {} has no text", r.id);
        }
        for r in &rules().wording {
            assert!(en.contains(&r.id), "wording rule id {} has no text", r.id);
        }
    }
}
