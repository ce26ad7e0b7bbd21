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

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use serde::Deserialize;

use super::reply::{self, EnhancedCode, ImapKind, Pop3Line};
use super::text::{self, Language};
use super::{command, parse_command_line, CommandLine, CommandSpec, Protocol};

/// Where a line was received: the session state and the command it answers.
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
}

impl Context {
    /// The context of a fresh connection: the protocol's first state, no command.
    pub fn new(p: Protocol) -> Context {
        Context {
            state: super::states(p)[0].to_string(),
            command: None,
            tls: false,
        }
    }

    /// A context answering `command` sent in `state`.
    pub fn answering(state: &str, command: &str) -> Context {
        Context {
            state: state.to_string(),
            command: Some(command.to_string()),
            tls: false,
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
/// is one of `states` (when given) and TLS is `tls` (when given).
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

const RULES_TOML: &str = include_str!("data/explain.toml");

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
        match self.lang.text(id, args) {
            Some(text) => {
                self.list.push(Explanation {
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
        Protocol::Imap => imap(&mut out, line, ctx),
        Protocol::Smtp => smtp(&mut out, line, ctx),
        Protocol::Pop3 => pop3(&mut out, line, ctx),
    }
    out.list
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
        .text(&id, &[("octets", &n)])
        .unwrap_or_else(|| format!("{n} octets"));
    Explanation {
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
// IMAP

fn imap(out: &mut Out<'_>, line: &str, ctx: &Context) {
    let r = reply::imap(line);
    let answered = Answered::new(Protocol::Imap, ctx);
    match (r.kind, r.status.as_deref()) {
        (ImapKind::Continuation, _) => imap_continuation(out, &r, &answered),
        (ImapKind::Tagged, Some(status)) => {
            imap_tagged(out, &r, status, &answered, ctx);
            imap_code(out, &r);
            imap_warnings(out, status, &answered, ctx);
        }
        (ImapKind::Untagged, Some(status)) => {
            imap_untagged_status(out, &r, status, &answered, ctx);
            imap_code(out, &r);
        }
        (ImapKind::Untagged, None) => imap_data(out, &r),
        // The rest of a response after a literal's octets: ` FLAGS (\Seen))` or `)`.
        _ if line.starts_with([' ', ')']) => {
            out.push("imap.literal_rest", &[]);
            let items = format!("({}", line.trim_start());
            for (item, value) in fetch_items(&items) {
                let id = format!("imap.fetch.{}", id_segment(&item));
                out.push(&id, &[("item", item.as_str()), ("value", value.as_str())]);
            }
        }
        _ => {
            if !client_command(out, Protocol::Imap, line) {
                out.push("imap.other", &[]);
            }
        }
    }
}

fn imap_continuation(out: &mut Out<'_>, r: &reply::ImapLine<'_>, answered: &Answered<'_>) {
    let name = answered.name().unwrap_or_default();
    let pushed = match name.as_str() {
        "AUTHENTICATE" => match decoded_challenge(r.text) {
            Some(d) => out.push(
                "imap.cont.sasl_decoded",
                &[("decoded", &d), ("base64", r.text)],
            ),
            None => out.push("imap.cont.sasl", &[]),
        },
        "IDLE" => out.push("imap.cont.idle", &[]),
        _ if reply::literal_size(answered.args()).is_some() => out.push("imap.cont.literal", &[]),
        _ => false,
    };
    if !pushed {
        out.push("imap.cont.generic", &[]);
    }
}

fn imap_tagged(
    out: &mut Out<'_>,
    r: &reply::ImapLine<'_>,
    status: &str,
    answered: &Answered<'_>,
    ctx: &Context,
) {
    let command = answered.name().unwrap_or_default();
    let base = [
        ("tag", r.tag),
        ("command", command.as_str()),
        ("text", r.text),
    ];
    if let Some(id) = context_rule(Protocol::Imap, status, answered, ctx) {
        if out.push(id, &base) {
            return;
        }
    }
    if status != "OK" {
        if let Some((id, args)) = wrong_state_reason(Protocol::Imap, answered, ctx) {
            let mut a = as_args(&args);
            a.push(("status", status));
            if out.push(&id, &a) {
                return;
            }
        }
    }
    if let Some(id) = wording_rule(Protocol::Imap, status, r.text) {
        if out.push(id, &base) {
            return;
        }
    }
    if status == "BAD" {
        if let Some(spec) = answered.spec() {
            let args = [
                ("command", command.as_str()),
                ("syntax", spec.syntax.as_str()),
            ];
            if out.push_rfc("imap.why.syntax", &args, Some(spec.rfc.clone())) {
                return;
            }
        }
    }
    if let Some(spec) = answered.spec() {
        let id = format!(
            "imap.after.{}.{}",
            id_segment(&spec.name),
            id_segment(status)
        );
        if out.has(&id) {
            out.push_rfc(&id, &base, Some(spec.rfc.clone()));
            return;
        }
    }
    let id = format!("imap.status.{}_tagged", id_segment(status));
    if !out.push(&id, &base) {
        out.push("imap.other", &[]);
    }
}

fn imap_untagged_status(
    out: &mut Out<'_>,
    r: &reply::ImapLine<'_>,
    status: &str,
    answered: &Answered<'_>,
    ctx: &Context,
) {
    let base = [("text", r.text)];
    if let Some(id) = wording_rule(Protocol::Imap, &format!("* {status}"), r.text) {
        if out.push(id, &base) {
            return;
        }
    }
    let greeting_time = answered.line.is_none()
        && (ctx.state.is_empty() || ctx.state == "not-authenticated")
        && r.code.as_deref().is_none_or(|c| c == "CAPABILITY");
    let id = match status {
        "OK" if greeting_time => "imap.status.greeting",
        // The code's own explanation says it all for `* OK [UIDNEXT 5] ...`.
        "OK" if r
            .code
            .as_deref()
            .is_some_and(|c| out.has(&format!("imap.code.{}", id_segment(c)))) =>
        {
            return
        }
        "OK" => "imap.status.ok_untagged",
        "NO" => "imap.status.no_untagged",
        "BAD" => "imap.status.bad_untagged",
        "PREAUTH" => "imap.status.preauth",
        "BYE" if answered.name().as_deref() == Some("LOGOUT") => "imap.status.bye_logout",
        "BYE" => "imap.status.bye",
        _ => "imap.other",
    };
    out.push(id, &base);
}

fn imap_code(out: &mut Out<'_>, r: &reply::ImapLine<'_>) {
    let Some(code) = r.code.as_deref() else {
        return;
    };
    let args = r.code_args.unwrap_or("");
    let mut words = args.split_ascii_whitespace();
    let (a1, a2, a3) = (
        words.next().unwrap_or(""),
        words.next().unwrap_or(""),
        words.next().unwrap_or(""),
    );
    let id = format!("imap.code.{}", id_segment(code));
    let named: Vec<(&str, &str)> = vec![
        ("args", args),
        ("code", code),
        ("value", a1),
        ("uidvalidity", a1),
        ("uid", a2),
        ("source", a2),
        ("dest", a3),
    ];
    if !out.push(&id, &named) {
        out.push("imap.code.unknown", &named);
    }
    // Each atom is explained in the greeting and in `* CAPABILITY`; the list a
    // tagged reply repeats (after LOGIN) gets the code's one line only.
    if code == "CAPABILITY" && r.kind != ImapKind::Tagged {
        imap_capabilities(out, args);
    }
}

/// At most this many details (capability atoms, LIST attributes, FETCH items) are
/// explained one by one for a line; a real server stays far below it, and a
/// hostile one cannot make the explanation grow with its line.
const MAX_DETAILS: usize = 64;

fn imap_capabilities(out: &mut Out<'_>, atoms: &str) {
    let mut others: Vec<&str> = Vec::new();
    for atom in atoms.split_ascii_whitespace().take(MAX_DETAILS) {
        let full = format!("imap.cap.{}", id_segment(atom));
        let pushed = out.push(&full, &[("atom", atom)])
            || match atom.split_once('=') {
                Some((name, value)) => out.push(
                    &format!("imap.cap.{}", id_segment(name)),
                    &[("atom", atom), ("value", value)],
                ),
                None => false,
            };
        if !pushed {
            others.push(atom);
        }
    }
    if !others.is_empty() {
        out.push("imap.cap.others", &[("atoms", &others.join(" "))]);
    }
}

fn imap_data(out: &mut Out<'_>, r: &reply::ImapLine<'_>) {
    let keyword = r.keyword.as_deref().unwrap_or("");
    let n = r.number.map(|n| n.to_string()).unwrap_or_default();
    let kw_id = id_segment(keyword);
    match keyword {
        "CAPABILITY" => {
            out.push("imap.data.capability", &[]);
            imap_capabilities(out, r.text);
        }
        "SEARCH" | "SORT" => {
            let count = r
                .text
                .split_ascii_whitespace()
                .filter(|w| w.bytes().all(|b| b.is_ascii_digit()))
                .count();
            if count == 0 {
                out.push("imap.data.search_empty", &[]);
            } else {
                let c = count.to_string();
                out.push(
                    &format!("imap.data.{kw_id}"),
                    &[("count", &c), ("numbers", r.text)],
                );
            }
        }
        "LIST" | "LSUB" => {
            let (attrs, delim, name) = list_parts(r.text);
            let pushed = out.push(
                &format!("imap.data.{kw_id}"),
                &[("attributes", attrs), ("delimiter", delim), ("name", name)],
            );
            if pushed {
                for attr in attrs.split_ascii_whitespace().take(MAX_DETAILS) {
                    let id = format!("imap.attr.{}", id_segment(attr.trim_start_matches('\\')));
                    out.push(&id, &[]);
                }
            }
        }
        "STATUS" => {
            let (mailbox, items) = match r.text.find('(') {
                Some(i) => (r.text[..i].trim(), r.text[i..].trim()),
                None => (r.text.trim(), ""),
            };
            out.push(
                "imap.data.status",
                &[("mailbox", mailbox), ("items", items)],
            );
        }
        "FLAGS" => {
            out.push("imap.data.flags", &[("flags", r.text)]);
        }
        "FETCH" => {
            out.push("imap.data.fetch", &[("n", &n)]);
            for (item, value) in fetch_items(r.text) {
                let (base, section) = match item.find(['[', '<']) {
                    Some(i) => (&item[..i], &item[i..]),
                    None => (item.as_str(), ""),
                };
                let id = if section.is_empty() {
                    format!("imap.fetch.{}", id_segment(base))
                } else {
                    format!("imap.fetch.{}_section", id_segment(base))
                };
                let what = section_meaning(out.lang, section);
                let args = [
                    ("item", item.as_str()),
                    ("value", value.as_str()),
                    ("section", section),
                    ("what", what.as_str()),
                ];
                if !out.push(&id, &args) {
                    out.push("imap.fetch.unknown", &args);
                }
            }
        }
        _ => {
            let id = format!("imap.data.{kw_id}");
            if !out.push(&id, &[("n", &n), ("text", r.text)]) {
                out.push("imap.data.unknown", &[("keyword", keyword)]);
            }
        }
    }
}

/// Describes a FETCH section spec (`[1.2.HEADER]<0.100>`) in words, from the
/// language table's `imap.section.*` texts.
fn section_meaning(lang: &Language, section: &str) -> String {
    let (spec, partial) = match section.find(']') {
        Some(end) => (&section[..end], section[end + 1..].trim()),
        None => (section, ""),
    };
    let spec = spec.trim_start_matches('[');
    let get = |id: &str, args: &[(&str, &str)]| lang.text(id, args).unwrap_or_default();
    // Leading part numbers (`1.2.`), then an optional part name (HEADER, TEXT ...).
    let mut part = String::new();
    let mut rest = spec;
    loop {
        let (num, after) = match rest.split_once('.') {
            Some((n, a)) => (n, a),
            None => (rest, ""),
        };
        if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
            break;
        }
        if !part.is_empty() {
            part.push('.');
        }
        part.push_str(num);
        rest = after;
        if rest.is_empty() {
            break;
        }
    }
    let upper = rest.to_ascii_uppercase();
    let fields = rest
        .find('(')
        .and_then(|i| rest.get(i + 1..))
        .map(|f| f.trim_end_matches(')'))
        .unwrap_or("");
    let mut text = match upper.split(' ').next().unwrap_or("") {
        "" if part.is_empty() => get("imap.section.whole", &[]),
        "" => get("imap.section.part", &[("part", &part)]),
        "HEADER" => get("imap.section.header", &[]),
        "TEXT" => get("imap.section.text", &[]),
        "MIME" => get("imap.section.mime", &[]),
        "HEADER.FIELDS" => get("imap.section.header_fields", &[("fields", fields)]),
        "HEADER.FIELDS.NOT" => get("imap.section.header_fields_not", &[("fields", fields)]),
        _ => get("imap.section.other", &[("section", spec)]),
    };
    if !part.is_empty() && !rest.is_empty() {
        text = get("imap.section.of_part", &[("what", &text), ("part", &part)]);
    }
    if let Some(range) = partial.strip_prefix('<').and_then(|p| p.strip_suffix('>')) {
        let origin = range.split('.').next().unwrap_or("");
        text = get(
            "imap.section.partial",
            &[("what", &text), ("origin", origin)],
        );
    }
    text
}

/// Splits LIST data `(\HasNoChildren) "/" INBOX` into attributes, delimiter, name.
fn list_parts(s: &str) -> (&str, &str, &str) {
    let s = s.trim();
    let Some(rest) = s.strip_prefix('(') else {
        return ("", "", s);
    };
    let Some(close) = rest.find(')') else {
        return (rest, "", "");
    };
    let attrs = &rest[..close];
    let after = rest[close + 1..].trim_start();
    let (delim, name) = if let Some(q) = after.strip_prefix('"') {
        match q.find('"') {
            Some(e) => (&q[..e], q[e + 1..].trim_start()),
            None => (q, ""),
        }
    } else {
        match after.find(' ') {
            Some(i) => (&after[..i], after[i..].trim_start()),
            None => (after, ""),
        }
    };
    let name = name
        .strip_prefix('"')
        .and_then(|n| n.strip_suffix('"'))
        .unwrap_or(name);
    (attrs, delim, name)
}

/// The items of FETCH data `(FLAGS (\Seen) UID 4 BODY[] {342}`: (name, value)
/// pairs in order; a literal value shows as `{N}` and ends the list (its octets
/// are not on this line).
fn fetch_items(s: &str) -> Vec<(String, String)> {
    let b = s.trim().as_bytes();
    let s = s.trim();
    let mut items = Vec::new();
    let mut i = match b.first() {
        Some(b'(') => 1,
        _ => 0,
    };
    let skip_spaces = |i: &mut usize| {
        while *i < b.len() && b[*i] == b' ' {
            *i += 1;
        }
    };
    while items.len() < MAX_DETAILS {
        skip_spaces(&mut i);
        if i >= b.len() || b[i] == b')' {
            break;
        }
        // Item name: up to a space or `)` outside brackets; `BODY[HEADER.FIELDS (A B)]<0>`.
        let start = i;
        let mut depth = 0usize;
        while i < b.len() {
            match b[i] {
                b'[' => depth += 1,
                b']' => depth = depth.saturating_sub(1),
                b' ' | b')' | b'(' if depth == 0 => break,
                _ => {}
            }
            i += 1;
        }
        let name = s.get(start..i).unwrap_or("").to_ascii_uppercase();
        if name.is_empty() {
            break;
        }
        skip_spaces(&mut i);
        let vstart = i;
        let mut literal = false;
        match b.get(i) {
            Some(b'(') => {
                let mut depth = 0usize;
                let mut in_quote = false;
                while i < b.len() {
                    match b[i] {
                        b'\\' if in_quote => i += 1,
                        b'"' => in_quote = !in_quote,
                        b'(' if !in_quote => depth += 1,
                        b')' if !in_quote => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                i += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            Some(b'"') => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            Some(b'{') => {
                literal = true;
                i = b.len();
            }
            _ => {
                while i < b.len() && b[i] != b' ' && b[i] != b')' {
                    i += 1;
                }
            }
        }
        let i_clamped = i.min(b.len());
        let value = s.get(vstart..i_clamped).unwrap_or("").to_string();
        items.push((name, value));
        i = i_clamped;
        if literal {
            break;
        }
    }
    items
}

fn imap_warnings(out: &mut Out<'_>, status: &str, answered: &Answered<'_>, ctx: &Context) {
    let name = answered.name().unwrap_or_default();
    if status == "OK"
        && !ctx.tls
        && !ctx.state.is_empty()
        && (name == "LOGIN" || name == "AUTHENTICATE")
    {
        out.push("imap.warn.cleartext_login", &[]);
    }
}

// ---------------------------------------------------------------------------
// SMTP

fn smtp(out: &mut Out<'_>, line: &str, ctx: &Context) {
    let Some(r) = reply::smtp(line) else {
        if !client_command(out, Protocol::Smtp, line) {
            out.push("smtp.other", &[]);
        }
        return;
    };
    let answered = Answered::new(Protocol::Smtp, ctx);
    let code = r.code.to_string();
    let command = answered.name().unwrap_or_default();
    let (kw, kw_value) = match r.text.split_once(' ') {
        Some((k, v)) => (k, v),
        None => (r.text, ""),
    };

    // EHLO keyword lines: `250-SIZE 10240000`, `250 STARTTLS`.
    if r.code == 250 && r.enhanced.is_none() && (command.is_empty() || command == "EHLO") {
        let kw_id = format!("smtp.ehlo.{}", id_segment(kw));
        let looks_like_keyword = !kw.is_empty()
            && kw
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-' || b == b'=');
        if looks_like_keyword
            && out.push(
                &kw_id,
                &[
                    ("keyword", kw),
                    ("value", kw_value),
                    ("size", &human_size(kw_value)),
                ],
            )
        {
            return;
        }
        if looks_like_keyword && command == "EHLO" && !r.text.contains('.') {
            out.push("smtp.ehlo.unknown", &[("keyword", kw), ("value", kw_value)]);
            return;
        }
    }

    let decoded = if r.code == 334 {
        decoded_challenge(r.text).unwrap_or_default()
    } else {
        String::new()
    };
    let base = [
        ("code", code.as_str()),
        ("command", command.as_str()),
        ("text", r.text),
        ("decoded", decoded.as_str()),
    ];
    let mut done = false;
    if let Some(id) = context_rule(Protocol::Smtp, &code, &answered, ctx) {
        done = out.push(id, &base);
    }
    if !done && matches!(r.code, 500 | 502 | 503 | 504) {
        if let Some((id, args)) = wrong_state_reason(Protocol::Smtp, &answered, ctx) {
            let mut a = as_args(&args);
            a.push(("code", &code));
            done = out.push(&id, &a);
        }
    }
    if !done {
        if let Some(id) = wording_rule(Protocol::Smtp, &code, r.text) {
            done = out.push(id, &base);
        }
    }
    if !done && r.code == 501 {
        if let Some(spec) = answered.spec() {
            let args = [
                ("command", command.as_str()),
                ("syntax", spec.syntax.as_str()),
            ];
            done = out.push_rfc("smtp.why.syntax", &args, Some(spec.rfc.clone()));
        }
    }
    if !done {
        if let Some(spec) = answered.spec() {
            let id = format!("smtp.after.{}.{}", id_segment(&spec.name), code);
            if out.has(&id) {
                done = out.push_rfc(&id, &base, Some(spec.rfc.clone()));
            }
        }
    }
    if !done {
        if r.code == 334 && decoded.is_empty() {
            done = out.push("smtp.reply.334_raw", &base);
        }
        if !done {
            done = out.push(&format!("smtp.reply.{code}"), &base);
        }
    }
    if !done {
        let class = format!("smtp.reply.class_{}", r.code / 100);
        if !out.push(&class, &base) {
            out.push("smtp.other", &[]);
        }
    }
    if let Some(e) = r.enhanced {
        smtp_enhanced(out, e);
    }
    if r.code == 235 && !ctx.tls && !ctx.state.is_empty() {
        out.push("smtp.warn.cleartext_auth", &[]);
    }
}

/// `10240000` -> `about 10 MB`; empty when not a number.
fn human_size(s: &str) -> String {
    match s.trim().parse::<u64>() {
        Ok(0) => "no fixed limit".to_string(),
        Ok(n) if n >= 1_000_000 => format!("about {} MB", (n + 500_000) / 1_000_000),
        Ok(n) if n >= 1000 => format!("about {} kB", (n + 500) / 1000),
        Ok(n) => format!("{n} octets"),
        Err(_) => String::new(),
    }
}

/// Explains an RFC 3463 enhanced status code: its class, then its subject.detail.
fn smtp_enhanced(out: &mut Out<'_>, e: EnhancedCode) {
    let code = e.to_string();
    let class = out
        .lang
        .text(&format!("smtp.enh_class.{}", e.class), &[])
        .unwrap_or_default();
    let id = format!("smtp.enh.{}.{}", e.subject, e.detail);
    let detail_id = if out.has(&id) {
        id
    } else {
        // An unregistered detail: fall back to the subject's "other" code X.S.0.
        format!("smtp.enh.{}.0", e.subject)
    };
    let detail = match out.lang.text(&detail_id, &[]) {
        Some(t) => t,
        None => {
            out.push("smtp.enh.unknown", &[("code", &code), ("class", &class)]);
            return;
        }
    };
    let text = out
        .lang
        .text(
            "smtp.enh_template",
            &[("code", &code), ("class", &class), ("detail", &detail)],
        )
        .unwrap_or(detail);
    out.list.push(Explanation {
        rfc: rfc_of(&detail_id).map(str::to_string),
        id: detail_id,
        text,
    });
}

// ---------------------------------------------------------------------------
// POP3

fn pop3(out: &mut Out<'_>, line: &str, ctx: &Context) {
    let answered = Answered::new(Protocol::Pop3, ctx);
    let command = answered.name().unwrap_or_default();
    match reply::pop3(line) {
        Pop3Line::Terminator => {
            out.push("pop3.terminator", &[("command", &command)]);
        }
        Pop3Line::Continuation(b64) => {
            match decoded_challenge(b64) {
                Some(d) => out.push("pop3.cont.sasl_decoded", &[("decoded", &d)]),
                None => out.push("pop3.cont.sasl", &[]),
            };
        }
        Pop3Line::Ok { code, text } => {
            pop3_status(out, "+OK", code.as_deref(), text, &answered, ctx);
            if !ctx.tls && !ctx.state.is_empty() && (command == "PASS" || command == "AUTH") {
                out.push("pop3.warn.cleartext_login", &[]);
            }
        }
        Pop3Line::Err { code, text } => {
            pop3_status(out, "-ERR", code.as_deref(), text, &answered, ctx);
        }
        Pop3Line::Data(data) => pop3_data(out, line, data, &command),
    }
}

fn pop3_status(
    out: &mut Out<'_>,
    status: &str,
    code: Option<&str>,
    text: &str,
    answered: &Answered<'_>,
    ctx: &Context,
) {
    let command = answered.name().unwrap_or_default();
    let mut words = text.split_ascii_whitespace();
    let (w1, w2) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let base = [
        ("command", command.as_str()),
        ("text", text),
        ("first", w1),
        ("second", w2),
        ("arg", answered.args()),
    ];
    let ok = status == "+OK";
    let mut done = false;
    if let Some(id) = context_rule(Protocol::Pop3, status, answered, ctx) {
        done = out.push(id, &base);
    }
    if !done && !ok {
        if let Some((id, args)) = wrong_state_reason(Protocol::Pop3, answered, ctx) {
            done = out.push(&id, &as_args(&args));
        }
    }
    if !done {
        if let Some(id) = wording_rule(Protocol::Pop3, status, text) {
            done = out.push(id, &base);
        }
    }
    if !done
        && ok
        && answered.line.is_none()
        && (ctx.state.is_empty() || ctx.state == "authorization")
    {
        let id = if text.contains('<') && text.contains('@') {
            "pop3.greeting_apop"
        } else {
            "pop3.greeting"
        };
        done = out.push(id, &base);
    }
    if !done {
        if let Some(spec) = answered.spec() {
            let mut id = format!(
                "pop3.after.{}.{}",
                id_segment(&spec.name),
                if ok { "ok" } else { "err" }
            );
            if ok
                && spec.multiline == super::Multiline::WithoutArgs
                && answered.args().trim().is_empty()
            {
                id.push_str("_multi");
            }
            if out.has(&id) {
                done = out.push_rfc(&id, &base, Some(spec.rfc.clone()));
            }
        }
    }
    if !done {
        out.push(if ok { "pop3.ok" } else { "pop3.err" }, &base);
    }
    if let Some(c) = code {
        // RFC 2449 codes are hierarchical: `SYS/TEMP`; explain the most specific known.
        let id = format!("pop3.code.{}", id_segment(c));
        if !out.push(&id, &[("code", c)]) {
            let top = c.split('/').next().unwrap_or(c);
            if !out.push(&format!("pop3.code.{}", id_segment(top)), &[("code", c)]) {
                out.push("pop3.code.unknown", &[("code", c)]);
            }
        }
    }
}

fn pop3_data(out: &mut Out<'_>, raw: &str, data: &str, command: &str) {
    let mut words = data.split_ascii_whitespace();
    let (w1, w2) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let args = [("first", w1), ("second", w2), ("line", data)];
    match command {
        // Message content: explained once, as a whole (explain_body).
        "RETR" | "TOP" => {}
        "LIST" => {
            out.push("pop3.data.list", &args);
        }
        "UIDL" => {
            out.push("pop3.data.uidl", &args);
        }
        "CAPA" | "" if !w1.is_empty() => {
            let id = format!("pop3.capa.{}", id_segment(w1));
            let value = data.get(w1.len()..).unwrap_or("").trim();
            if !out.push(&id, &[("keyword", w1), ("value", value)]) {
                if command == "CAPA" {
                    out.push("pop3.capa.unknown", &[("keyword", w1)]);
                } else if !client_command(out, Protocol::Pop3, raw) {
                    out.push("pop3.other", &[]);
                }
            }
        }
        _ => {
            if !client_command(out, Protocol::Pop3, raw) {
                out.push("pop3.other", &[]);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Guessing and multi-line text

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

/// Explains a whole text (one or more lines, e.g. pasted from a session) for
/// `maillab explain`: each line with its explanations. Lines may carry `S:` /
/// `C:` transcript prefixes. Client lines set the command that the following
/// server lines answer, and successful replies advance the state, so a pasted
/// session is explained in context. A message body (an IMAP literal, the data of
/// RETR/TOP, the text after SMTP's 354) is given once, as one entry holding the
/// body, with the body explanation. When `p` is `None` the protocol is guessed
/// from the first line that decides it.
pub fn explain_text(p: Option<Protocol>, text: &str) -> Vec<(String, Vec<Explanation>)> {
    explain_text_in(text::current(), p, text)
}

/// [`explain_text`] in a given language.
pub fn explain_text_in(
    lang: &Language,
    p: Option<Protocol>,
    text: &str,
) -> Vec<(String, Vec<Explanation>)> {
    let lines: Vec<&str> = text.lines().collect();
    let p = p.unwrap_or_else(|| {
        lines
            .iter()
            .map(|l| strip_prefix(l).1)
            .find(|l| !l.trim().is_empty())
            .map_or(Protocol::Imap, guess_protocol)
    });
    let mut walker = Walker::new(lang, p);
    let mut result = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        i = walker.step(&lines, i, &mut result);
    }
    result
}

/// `S: x` -> (Some(false), "x"); `C: x` -> (Some(true), "x"); else (None, line).
fn strip_prefix(line: &str) -> (Option<bool>, &str) {
    if let Some(rest) = line.strip_prefix("C: ").or_else(|| line.strip_prefix("C:")) {
        (Some(true), rest)
    } else if let Some(rest) = line.strip_prefix("S: ").or_else(|| line.strip_prefix("S:")) {
        (Some(false), rest)
    } else {
        (None, line)
    }
}

/// Follows a pasted session line by line, keeping state and the answered command.
struct Walker<'l> {
    lang: &'l Language,
    p: Protocol,
    ctx: Context,
    /// Whether any line so far was a client line: then state tracking is trusted.
    seen_client: bool,
    /// A command was sent and its final reply has not come yet (so client lines
    /// that are not commands are answers within it: SASL, literals).
    pending: bool,
}

type Entries = Vec<(String, Vec<Explanation>)>;

impl<'l> Walker<'l> {
    fn new(lang: &'l Language, p: Protocol) -> Walker<'l> {
        Walker {
            lang,
            p,
            ctx: Context::default(),
            seen_client: false,
            pending: false,
        }
    }

    /// Explains the line at `i` (and a body that follows it); returns the next index.
    fn step(&mut self, lines: &[&str], i: usize, out: &mut Entries) -> usize {
        let (marker, line) = strip_prefix(lines[i]);
        if line.trim().is_empty() {
            return i + 1;
        }
        let is_client = marker == Some(true) || (marker.is_none() && self.looks_like_client(line));
        if is_client {
            return self.client(lines, i, line, out);
        }
        let ctx = self.effective_ctx();
        let explanations = explain_line_in(self.lang, self.p, line, &ctx);
        out.push((line.to_string(), explanations));
        self.advance(line);
        match self.p {
            // An IMAP literal announced at the end of a server line: its octets follow.
            Protocol::Imap => {
                if let Some(n) = reply::literal_size(line) {
                    return self.body(lines, i + 1, Some(n), out);
                }
            }
            Protocol::Pop3 => {
                let retr = matches!(reply::pop3(line), Pop3Line::Ok { .. })
                    && matches!(self.command_word().as_str(), "RETR" | "TOP");
                if retr {
                    return self.body(lines, i + 1, None, out);
                }
            }
            Protocol::Smtp => {
                if reply::smtp(line).is_some_and(|r| r.code == 354) {
                    return self.body(lines, i + 1, None, out);
                }
            }
        }
        i + 1
    }

    fn command_word(&self) -> String {
        self.ctx
            .command
            .as_deref()
            .map(first_word_upper)
            .unwrap_or_default()
    }

    fn effective_ctx(&self) -> Context {
        if self.seen_client {
            self.ctx.clone()
        } else {
            Context::default()
        }
    }

    /// Unmarked lines: is this one the client's?
    fn looks_like_client(&self, line: &str) -> bool {
        let is_command = || parse_command_line(self.p, line).is_some_and(|c| c.spec.is_some());
        match self.p {
            Protocol::Smtp => reply::smtp(line).is_none() && is_command(),
            Protocol::Pop3 => {
                // Inside a CAPA answer, `TOP` or `USER` are capabilities, not commands.
                matches!(reply::pop3(line), Pop3Line::Data(_))
                    && is_command()
                    && !matches!(self.command_word().as_str(), "CAPA" | "LIST" | "UIDL")
            }
            Protocol::Imap => {
                let r = reply::imap(line);
                r.status.is_none()
                    && r.kind != ImapKind::Untagged
                    && r.kind != ImapKind::Continuation
                    && is_command()
            }
        }
    }

    fn client(&mut self, lines: &[&str], i: usize, line: &str, out: &mut Entries) -> usize {
        if !self.seen_client {
            self.seen_client = true;
            self.ctx = Context::new(self.p);
        }
        let mut o = Out {
            lang: self.lang,
            list: Vec::new(),
        };
        client_command(&mut o, self.p, line);
        out.push((line.to_string(), o.list));
        let cl = parse_command_line(self.p, without_tag(self.p, line));
        let spec = cl.as_ref().and_then(|c| c.spec);
        let untagged = spec.is_some_and(|s| s.untagged);
        // A line that is no command, sent while a command is under way, answers
        // within it (a SASL response, IDLE's DONE): the command stays the same.
        if !untagged && (spec.is_some() || !self.pending) {
            self.ctx.command = cl.map(|c| {
                let start = (c.name.as_ptr() as usize).saturating_sub(line.as_ptr() as usize);
                line.get(start..).unwrap_or(line).to_string()
            });
            self.pending = true;
        }
        // IMAP client literal (APPEND ... {N}): the message follows, after the
        // server's `+` unless it is a non-synchronising `{N+}`.
        if self.p == Protocol::Imap {
            if let Some(n) = reply::literal_size(line) {
                let mut j = i + 1;
                if let Some(next) = lines.get(j) {
                    let (_, l) = strip_prefix(next);
                    if reply::imap(l).kind == ImapKind::Continuation {
                        let ctx = self.ctx.clone();
                        out.push((l.to_string(), explain_line_in(self.lang, self.p, l, &ctx)));
                        j += 1;
                    }
                }
                return self.body(lines, j, Some(n), out);
            }
        }
        i + 1
    }

    /// Collects a body: `Some(n)` octets (CRLF counted per line), or up to a lone
    /// `.` line (POP3 answers, SMTP DATA; dot-stuffing undone). Pushes one entry
    /// with the body and its explanation; SMTP's terminating `.` is the client's
    /// and is explained here too.
    fn body(
        &mut self,
        lines: &[&str],
        mut j: usize,
        octets: Option<u64>,
        out: &mut Entries,
    ) -> usize {
        let mut body = String::new();
        let mut size: u64 = 0;
        let mut ended_by_dot = false;
        while j < lines.len() {
            let (_, l) = strip_prefix(lines[j]);
            match octets {
                Some(n) => {
                    if size >= n {
                        break;
                    }
                    size += l.len() as u64 + 2;
                    body.push_str(l);
                    body.push('\n');
                }
                None => {
                    if l == "." {
                        ended_by_dot = true;
                        break;
                    }
                    let unstuffed = l.strip_prefix('.').unwrap_or(l);
                    size += unstuffed.len() as u64 + 2;
                    body.push_str(unstuffed);
                    body.push('\n');
                }
            }
            j += 1;
        }
        if !body.is_empty() || octets.is_some() {
            let shown = octets.unwrap_or(size);
            out.push((body, vec![explain_body_in(self.lang, self.p, shown)]));
        }
        if ended_by_dot && self.p == Protocol::Smtp {
            let mut o = Out {
                lang: self.lang,
                list: Vec::new(),
            };
            o.push("smtp.data_end", &[]);
            out.push((".".to_string(), o.list));
            j += 1;
        }
        j
    }

    /// Advances the state after a server line, as far as a pasted session allows.
    fn advance(&mut self, line: &str) {
        if !self.seen_client {
            return;
        }
        let cmd = self.command_word();
        let cmd_line = self
            .ctx
            .command
            .clone()
            .unwrap_or_default()
            .to_ascii_uppercase();
        let state = self.ctx.state.clone();
        match self.p {
            Protocol::Imap => {
                let r = reply::imap(line);
                match (r.kind, r.status.as_deref()) {
                    (ImapKind::Untagged, Some("PREAUTH")) => {
                        self.ctx.state = "authenticated".into()
                    }
                    (ImapKind::Untagged, Some("BYE")) => self.ctx.state = "logout".into(),
                    (ImapKind::Tagged, Some(status)) => {
                        self.ctx.state = match (cmd.as_str(), status) {
                            ("LOGIN" | "AUTHENTICATE", "OK") => "authenticated".into(),
                            ("SELECT" | "EXAMINE", "OK") => "selected".into(),
                            // A failed SELECT closes the mailbox that was open.
                            ("SELECT" | "EXAMINE", "NO") if state == "selected" => {
                                "authenticated".into()
                            }
                            ("CLOSE" | "UNSELECT", "OK") => "authenticated".into(),
                            ("LOGOUT", _) => "logout".into(),
                            _ => state,
                        };
                        if cmd == "STARTTLS" && status == "OK" {
                            self.ctx.tls = true;
                        }
                        self.ctx.command = None;
                        self.pending = false;
                    }
                    _ => {}
                }
            }
            Protocol::Smtp => {
                let Some(r) = reply::smtp(line) else { return };
                if !r.is_last {
                    return;
                }
                let ok = r.code / 100 == 2;
                self.pending = matches!(r.code, 334 | 354);
                self.ctx.state = match (cmd.as_str(), ok, r.code) {
                    // The reply to the message's end, in the data state.
                    (_, _, _) if state == "data" => "greeted".into(),
                    ("HELO" | "EHLO", true, _) => "greeted".into(),
                    ("MAIL", true, _) => "mail".into(),
                    ("RCPT", true, _) => "rcpt".into(),
                    ("DATA", _, 354) => "data".into(),
                    ("BDAT", true, _) if cmd_line.contains("LAST") => "greeted".into(),
                    ("RSET", true, _) => "greeted".into(),
                    ("STARTTLS", _, 220) => {
                        self.ctx.tls = true;
                        "connected".into()
                    }
                    _ => state,
                };
            }
            Protocol::Pop3 => match reply::pop3(line) {
                Pop3Line::Ok { .. } => {
                    self.ctx.state = match cmd.as_str() {
                        "PASS" | "APOP" | "AUTH" => "transaction".into(),
                        "QUIT" if state == "transaction" => "update".into(),
                        "STLS" => {
                            self.ctx.tls = true;
                            state
                        }
                        _ => state,
                    };
                    self.pending = false;
                }
                Pop3Line::Err { .. } | Pop3Line::Terminator => self.pending = false,
                _ => {}
            },
        }
    }
}

/// A transcript's IMAP client line carries a tag even before an unknown command
/// (`a7 FROB`): drop the first word when a second one follows and the first is
/// no command. Other protocols have no tags.
fn without_tag(p: Protocol, line: &str) -> &str {
    if p != Protocol::Imap {
        return line;
    }
    let trimmed = line.trim_start();
    match trimmed.split_once(' ') {
        Some((first, rest)) if !super::is_known_command(p, first) && !rest.trim().is_empty() => {
            rest.trim_start()
        }
        _ => line,
    }
}

fn first_word_upper(s: &str) -> String {
    s.split_ascii_whitespace()
        .next()
        .unwrap_or("")
        .to_ascii_uppercase()
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

    /// Ids that are pieces of other texts, or the program's own texts (`repl.*`),
    /// not explanations of protocol lines.
    fn is_fragment(id: &str) -> bool {
        !matches!(id.split('.').next(), Some("imap" | "smtp" | "pop3"))
            || id.starts_with("imap.section.")
            || id.starts_with("smtp.enh_class.")
            || id == "smtp.enh_template"
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

    #[test]
    fn sections_are_described() {
        let en = text::english();
        assert_eq!(
            section_meaning(en, "[]"),
            "the whole message, header and body"
        );
        assert_eq!(section_meaning(en, "[1.2]"), "MIME part 1.2");
        assert_eq!(
            section_meaning(en, "[2.HEADER]"),
            "the message header of part 2"
        );
        assert!(section_meaning(en, "[HEADER.FIELDS (FROM TO)]").contains("FROM TO"));
        assert!(section_meaning(en, "[TEXT]<0>").contains("from octet 0"));
        for junk in ["", "[", "]", "[.]", "[1..2]", "[((", "<>"] {
            let _ = section_meaning(en, junk);
        }
    }

    #[test]
    fn fetch_items_are_split() {
        let items = fetch_items("(FLAGS (\\Seen) UID 4 BODY[HEADER.FIELDS (SUBJECT)] {42}");
        let names: Vec<&str> = items.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["FLAGS", "UID", "BODY[HEADER.FIELDS (SUBJECT)]"]);
        assert_eq!(items[0].1, "(\\Seen)");
        assert_eq!(items[2].1, "{42}");
        assert!(fetch_items("").is_empty());
        // Garbage must not panic.
        for s in [
            "(",
            "((((",
            "(A \"unterminated",
            "(A (B",
            "(]]]] x",
            "(X {",
            "(\"\\",
        ] {
            let _ = fetch_items(s);
        }
    }

    #[test]
    fn list_parts_split() {
        assert_eq!(
            list_parts("(\\HasNoChildren) \"/\" \"INBOX\""),
            ("\\HasNoChildren", "/", "INBOX")
        );
        assert_eq!(list_parts("() NIL newbox"), ("", "NIL", "newbox"));
    }
}
