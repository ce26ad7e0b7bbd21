//! SEARCH criteria (RFC 3501 §6.4.4): parsing into a tree and matching one message.

use std::cell::{Cell, OnceCell};
use std::sync::Arc;

use chrono::NaiveDate;

use super::checks::{CmdResult, Fail};
use super::parser::{Args, PResult, SeqSet};
use crate::store::Message;

/// Deepest nesting of parentheses, NOT and OR accepted (keeps the stack bounded).
const MAX_DEPTH: usize = 64;

/// One search key.
#[derive(Clone, Debug)]
pub enum Key {
    All,
    And(Vec<Key>),
    Or(Box<Key>, Box<Key>),
    Not(Box<Key>),
    Seq(SeqSet),
    Uid(SeqSet),
    Flag(&'static str, bool),
    Keyword(String, bool),
    New,
    Old,
    Recent,
    Header(String, String),
    /// FROM/TO/CC/BCC: matched against the parsed addresses and the raw field.
    Address(&'static str, usize, String),
    Body(String),
    Text(String),
    Before(NaiveDate),
    On(NaiveDate),
    Since(NaiveDate),
    SentBefore(NaiveDate),
    SentOn(NaiveDate),
    SentSince(NaiveDate),
    Larger(u32),
    Smaller(u32),
}

/// Parses `[CHARSET x] key...` (everything after SEARCH); returns the charset given.
pub fn parse_program(a: &mut Args) -> PResult<(Option<String>, Key)> {
    let mut charset = None;
    let save = a.pos();
    if let Ok(word) = a.atom(&crate::tr_en!("server.imap.search_key")) {
        if word.eq_ignore_ascii_case("CHARSET") {
            a.sp(&crate::tr_en!("server.imap.charset_name_after_charset"))?;
            let cs = a.astring(&crate::tr_en!("server.imap.charset_name"))?;
            charset = Some(String::from_utf8_lossy(&cs).into_owned());
            a.sp(&crate::tr_en!("server.imap.search_key_after_charset"))?;
        } else {
            a.set_pos(save);
        }
    } else {
        a.set_pos(save);
    }
    let mut keys = Vec::new();
    loop {
        keys.push(parse_key(a, 0)?);
        if !a.skip_sp() || a.at_end() {
            break;
        }
    }
    a.end()?;
    Ok((
        charset,
        if keys.len() == 1 {
            keys.remove(0)
        } else {
            Key::And(keys)
        },
    ))
}

fn text(a: &mut Args, what: &str) -> PResult<String> {
    a.sp(what)?;
    let s = a.astring(what)?;
    Ok(String::from_utf8_lossy(&s).into_owned())
}

fn date(a: &mut Args, what: &str) -> PResult<NaiveDate> {
    a.sp(what)?;
    a.date(what)
}

fn parse_key(a: &mut Args, depth: usize) -> PResult<Key> {
    if depth > MAX_DEPTH {
        return Err(crate::tr_en!("server.imap.search_criteria_nested_too"));
    }
    if a.eat(b'(') {
        let mut keys = Vec::new();
        loop {
            a.skip_sp();
            if a.eat(b')') {
                break;
            }
            if a.peek().is_none() {
                return Err(crate::tr_en!("server.imap.search_criteria_has_no"));
            }
            keys.push(parse_key(a, depth + 1)?);
        }
        if keys.is_empty() {
            return Err(crate::tr_en!("server.imap.empty_parentheses_not_search"));
        }
        return Ok(Key::And(keys));
    }
    if a.peek().is_some_and(|b| b.is_ascii_digit() || b == b'*') {
        return Ok(Key::Seq(
            a.seq_set(&crate::tr_en!("server.imap.message_set"))?,
        ));
    }
    let word = a
        .atom(&crate::tr_en!("server.imap.search_key"))?
        .to_ascii_uppercase();
    let flag = |name: &'static str, set: bool| Ok(Key::Flag(name, set));
    match word.as_str() {
        "ALL" => Ok(Key::All),
        "ANSWERED" => flag("\\Answered", true),
        "DELETED" => flag("\\Deleted", true),
        "DRAFT" => flag("\\Draft", true),
        "FLAGGED" => flag("\\Flagged", true),
        "SEEN" => flag("\\Seen", true),
        "UNANSWERED" => flag("\\Answered", false),
        "UNDELETED" => flag("\\Deleted", false),
        "UNDRAFT" => flag("\\Draft", false),
        "UNFLAGGED" => flag("\\Flagged", false),
        "UNSEEN" => flag("\\Seen", false),
        "NEW" => Ok(Key::New),
        "OLD" => Ok(Key::Old),
        "RECENT" => Ok(Key::Recent),
        "KEYWORD" | "UNKEYWORD" => {
            a.sp(&crate::tr_en!("server.imap.keyword"))?;
            let k = a
                .atom(&crate::tr_en!("server.imap.what.keyword"))?
                .to_string();
            Ok(Key::Keyword(k, word == "KEYWORD"))
        }
        "BCC" | "CC" | "FROM" | "SUBJECT" | "TO" => {
            let v = text(a, &crate::tr_en!("server.imap.string_look", word = word))?;
            // ENVELOPE field index of each address list (RFC 3501 §7.4.2).
            Ok(match word.as_str() {
                "BCC" => Key::Address("Bcc", 7, v),
                "CC" => Key::Address("Cc", 6, v),
                "FROM" => Key::Address("From", 2, v),
                "TO" => Key::Address("To", 5, v),
                _ => Key::Header("Subject".into(), v),
            })
        }
        "HEADER" => {
            let f = text(a, &crate::tr_en!("server.imap.header_field_name_after"))?;
            let v = text(a, &crate::tr_en!("server.imap.string_look_after_header"))?;
            Ok(Key::Header(f, v))
        }
        "BODY" => Ok(Key::Body(text(
            a,
            &crate::tr_en!("server.imap.string_look_after_body"),
        )?)),
        "TEXT" => Ok(Key::Text(text(
            a,
            &crate::tr_en!("server.imap.string_look_after_text"),
        )?)),
        "BEFORE" => Ok(Key::Before(date(
            a,
            &crate::tr_en!("server.imap.what.key_date", key = "BEFORE"),
        )?)),
        "ON" => Ok(Key::On(date(
            a,
            &crate::tr_en!("server.imap.what.key_date", key = "ON"),
        )?)),
        "SINCE" => Ok(Key::Since(date(
            a,
            &crate::tr_en!("server.imap.what.key_date", key = "SINCE"),
        )?)),
        "SENTBEFORE" => Ok(Key::SentBefore(date(
            a,
            &crate::tr_en!("server.imap.what.key_date", key = "SENTBEFORE"),
        )?)),
        "SENTON" => Ok(Key::SentOn(date(
            a,
            &crate::tr_en!("server.imap.what.key_date", key = "SENTON"),
        )?)),
        "SENTSINCE" => Ok(Key::SentSince(date(
            a,
            &crate::tr_en!("server.imap.what.key_date", key = "SENTSINCE"),
        )?)),
        "LARGER" | "SMALLER" => {
            a.sp(&crate::tr_en!("server.imap.size_after", word = word))?;
            let n = a.number(&crate::tr_en!("server.imap.word_size", word = word))?;
            Ok(if word == "LARGER" {
                Key::Larger(n)
            } else {
                Key::Smaller(n)
            })
        }
        "UID" => {
            a.sp(&crate::tr_en!("server.imap.uid_set_after_uid"))?;
            Ok(Key::Uid(a.seq_set("UID set")?))
        }
        "NOT" => {
            a.sp(&crate::tr_en!("server.imap.search_key_after_not"))?;
            Ok(Key::Not(Box::new(parse_key(a, depth + 1)?)))
        }
        "OR" => {
            a.sp(&crate::tr_en!("server.imap.two_search_keys_after"))?;
            let x = parse_key(a, depth + 1)?;
            a.sp(&crate::tr_en!("server.imap.second_search_key"))?;
            let y = parse_key(a, depth + 1)?;
            Ok(Key::Or(Box::new(x), Box::new(y)))
        }
        _ => Err(crate::tr_en!("server.imap.not_search_key_rfc", word = word)),
    }
}

/// Default cost limit of one SEARCH, in units of about one octet examined (plus a few
/// per key and message): enough for 200 keys over 50,000 class-sized messages, small
/// enough that one command cannot keep a core busy for more than a few seconds.
pub const DEFAULT_COST_LIMIT: u64 = 4 << 30;

/// Units charged for evaluating one key on one message, before any octet is examined.
const KEY_COST: u64 = 32;

/// What a search may still spend; shared by every message of one command.
pub struct Budget {
    left: Cell<u64>,
    over: Cell<bool>,
}

impl Budget {
    /// A budget of `limit` units.
    pub fn new(limit: u64) -> Self {
        Budget {
            left: Cell::new(limit),
            over: Cell::new(false),
        }
    }
    /// Spends `n` units; false (and [`Budget::exceeded`] from then on) when there were
    /// not that many left.
    fn charge(&self, n: u64) -> bool {
        match self.left.get().checked_sub(n) {
            Some(left) if !self.over.get() => {
                self.left.set(left);
                true
            }
            _ => {
                self.over.set(true);
                false
            }
        }
    }
    /// The limit was reached: the result is incomplete and must not be reported.
    pub fn exceeded(&self) -> bool {
        self.over.get()
    }
}

/// What a key is matched against: one message, and what was worked out about it so
/// far (its decoded body text is computed once, whatever the number of BODY keys).
pub struct Ctx<'a> {
    pub msg: &'a Message,
    /// 1-based sequence number.
    pub seq: u32,
    pub recent: bool,
    /// The number `*` stands for in sequence sets and UID sets.
    pub largest_seq: u32,
    pub largest_uid: u32,
    budget: &'a Budget,
    /// Decoded body text (see `ParsedMessage::body_text`).
    text: OnceCell<String>,
    /// The same, ASCII letters folded to lower case, for ASCII needles.
    folded: OnceCell<Vec<u8>>,
}

impl<'a> Ctx<'a> {
    /// A context for one message, spending from `budget`.
    pub fn new(
        msg: &'a Message,
        seq: u32,
        recent: bool,
        largest_seq: u32,
        largest_uid: u32,
        budget: &'a Budget,
    ) -> Self {
        Ctx {
            msg,
            seq,
            recent,
            largest_seq,
            largest_uid,
            budget,
            text: OnceCell::new(),
            folded: OnceCell::new(),
        }
    }

    fn text(&self) -> &str {
        self.text.get_or_init(|| {
            self.budget.charge(self.msg.raw.len() as u64);
            self.msg.body_text()
        })
    }

    fn folded(&self) -> &[u8] {
        self.folded.get_or_init(|| {
            let t = self.text();
            self.budget.charge(t.len() as u64);
            t.as_bytes().to_ascii_lowercase()
        })
    }
}

/// One message a search looks at, taken from the mailbox under the lock.
pub struct Candidate {
    pub seq: u32,
    pub msg: Arc<Message>,
    pub recent: bool,
}

/// A SEARCH to run on a snapshot of the mailbox, away from the store's lock (and, in
/// the lab server, away from the threads that serve the sockets).
pub struct Job {
    pub key: Key,
    pub candidates: Vec<Candidate>,
    /// Answer UIDs (UID SEARCH) instead of sequence numbers.
    pub uid: bool,
    pub largest_seq: u32,
    pub largest_uid: u32,
    pub cost_limit: u64,
}

/// What a [`Job`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The matching numbers, ascending.
    Found(Vec<u32>),
    /// The cost limit was reached before the end (RFC 5530 `[LIMIT]`).
    OverLimit,
}

/// Keys that look at a message's text (and so cost about its size each).
fn text_keys(key: &Key) -> u64 {
    match key {
        Key::And(ks) => ks.iter().map(text_keys).sum(),
        Key::Or(x, y) => text_keys(x) + text_keys(y),
        Key::Not(k) => text_keys(k),
        Key::Header(..) | Key::Address(..) | Key::Body(_) | Key::Text(_) => 1,
        Key::SentBefore(_) | Key::SentOn(_) | Key::SentSince(_) => 1,
        _ => 0,
    }
}

/// All keys, for the per-key cost.
fn all_keys(key: &Key) -> u64 {
    match key {
        Key::And(ks) => 1 + ks.iter().map(all_keys).sum::<u64>(),
        Key::Or(x, y) => 1 + all_keys(x) + all_keys(y),
        Key::Not(k) => 1 + all_keys(k),
        _ => 1,
    }
}

/// Below this estimated cost a search is run at once (a few milliseconds): handing it
/// to another thread would cost more than it saves.
pub const INLINE_COST: u64 = 4 << 20;

impl Job {
    /// An upper estimate of what [`Job::run`] costs, in the units of the cost limit.
    pub fn estimate(&self) -> u64 {
        let n = self.candidates.len() as u64;
        let per_key = n
            .saturating_mul(all_keys(&self.key))
            .saturating_mul(KEY_COST);
        let text = text_keys(&self.key);
        if text == 0 {
            return per_key;
        }
        let octets: u64 = self.candidates.iter().map(|c| c.msg.raw.len() as u64).sum();
        per_key.saturating_add(octets.saturating_mul(text + 2))
    }

    /// Runs the search. Each message is matched on its own, so the time any one step
    /// takes is bounded by one message's size times the number of distinct keys.
    pub fn run(self) -> Outcome {
        let budget = Budget::new(self.cost_limit);
        let mut found = Vec::new();
        for c in &self.candidates {
            let ctx = Ctx::new(
                &c.msg,
                c.seq,
                c.recent,
                self.largest_seq,
                self.largest_uid,
                &budget,
            );
            let hit = matches(&self.key, &ctx);
            if budget.exceeded() {
                return Outcome::OverLimit;
            }
            if hit {
                found.push(if self.uid { c.msg.uid } else { c.seq });
            }
        }
        Outcome::Found(found)
    }
}

/// The same criteria with repeated keys of an AND removed and nested ANDs flattened
/// (`a a` matches what `a` matches), so that a command repeating one key a million
/// times costs what one costs.
pub fn simplify(key: Key) -> Key {
    match key {
        Key::And(keys) => {
            let mut seen = std::collections::HashSet::new();
            let mut out = Vec::new();
            let mut stack: Vec<Key> = keys.into_iter().rev().collect();
            while let Some(k) = stack.pop() {
                match k {
                    Key::And(inner) => stack.extend(inner.into_iter().rev()),
                    k => {
                        let k = simplify(k);
                        if seen.insert(format!("{k:?}")) {
                            out.push(k);
                        }
                    }
                }
            }
            if out.len() == 1 {
                out.remove(0)
            } else {
                Key::And(out)
            }
        }
        Key::Or(x, y) => Key::Or(Box::new(simplify(*x)), Box::new(simplify(*y))),
        Key::Not(k) => Key::Not(Box::new(simplify(*k))),
        k => k,
    }
}

fn in_set(set: &SeqSet, n: u32, largest: u32) -> bool {
    use super::parser::SeqNum;
    set.0.iter().any(|&(a, b)| {
        let f = |x: SeqNum| match x {
            SeqNum::Num(v) => v,
            SeqNum::Star => largest,
        };
        let (a, b) = (f(a), f(b));
        (a.min(b)..=a.max(b)).contains(&n)
    })
}

/// Case-insensitive substring test (ASCII fast path, Unicode lower-casing otherwise).
pub fn contains_ci(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    if needle.is_ascii() {
        return contains_ci_bytes(hay.as_bytes(), needle.as_bytes());
    }
    hay.to_lowercase().contains(&needle.to_lowercase())
}

fn contains_ci_bytes(hay: &[u8], needle: &[u8]) -> bool {
    if needle.is_empty() {
        return true;
    }
    if needle.len() > hay.len() {
        return false;
    }
    let first = needle[0];
    let starts = &hay[..=hay.len() - needle.len()];
    memchr::memchr2_iter(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        starts,
    )
    .any(|i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// The raw header section of a message (up to the first empty line).
pub fn header_bytes(raw: &[u8]) -> &[u8] {
    // No header fields at all: the first line is already the empty one.
    if raw.starts_with(b"\r\n") {
        return &raw[..2];
    }
    if raw.starts_with(b"\n") {
        return &raw[..1];
    }
    let mut from = 0;
    while let Some(off) = raw[from..].iter().position(|&b| b == b'\n') {
        let i = from + off;
        let next = raw.get(i + 1..).unwrap_or(&[]);
        if next.starts_with(b"\n") {
            return &raw[..i + 2];
        }
        if next.starts_with(b"\r\n") {
            return &raw[..i + 3];
        }
        from = i + 1;
    }
    raw
}

/// Whether the message matches.
pub fn matches(key: &Key, c: &Ctx) -> bool {
    let m = c.msg;
    if !c.budget.charge(KEY_COST) {
        return false;
    }
    match key {
        Key::All => true,
        Key::And(ks) => ks.iter().all(|k| matches(k, c)),
        Key::Or(x, y) => matches(x, c) || matches(y, c),
        Key::Not(k) => !matches(k, c),
        Key::Seq(s) => in_set(s, c.seq, c.largest_seq),
        Key::Uid(s) => in_set(s, m.uid, c.largest_uid),
        Key::Flag(f, set) => m.flags.contains(f) == *set,
        Key::Keyword(k, set) => m.flags.contains(k) == *set,
        Key::New => c.recent && !m.flags.is_seen(),
        Key::Old => !c.recent,
        Key::Recent => c.recent,
        Key::Header(field, value) => {
            c.budget.charge(header_bytes(&m.raw).len() as u64);
            let parsed = m.parsed();
            let values = parsed.header_values(&m.raw, field);
            if values.is_empty() {
                // Fall back to the raw header when decoding found nothing.
                return raw_header_has(&m.raw, field, value);
            }
            values.iter().any(|v| contains_ci(v, value)) || raw_header_has(&m.raw, field, value)
        }
        Key::Address(field, index, value) => {
            c.budget.charge(header_bytes(&m.raw).len() as u64);
            raw_header_has(&m.raw, field, value)
                || envelope_addresses(&m.parsed().envelope(&m.raw), *index)
                    .iter()
                    .any(|a| contains_ci(a, value))
        }
        Key::Body(s) => body_has(c, s),
        Key::Text(s) => {
            let head = header_bytes(&m.raw);
            c.budget.charge(head.len() as u64);
            (s.is_ascii() && contains_ci_bytes(head, s.as_bytes()))
                || (!s.is_ascii() && contains_ci(&String::from_utf8_lossy(head), s))
                // Encoded words (RFC 2047) only need decoding when there are any.
                || (contains_ci_bytes(head, b"=?")
                    && ["Subject", "From", "To", "Cc"].iter().any(|f| {
                        m.parsed()
                            .header_values(&m.raw, f)
                            .iter()
                            .any(|v| contains_ci(v, s))
                    }))
                || body_has(c, s)
        }
        Key::Before(d) => m.internal_date.date_naive() < *d,
        Key::On(d) => m.internal_date.date_naive() == *d,
        Key::Since(d) => m.internal_date.date_naive() >= *d,
        Key::SentBefore(d) => sent(m).is_some_and(|s| s < *d),
        Key::SentOn(d) => sent(m).is_some_and(|s| s == *d),
        Key::SentSince(d) => sent(m).is_some_and(|s| s >= *d),
        Key::Larger(n) => m.size() > *n as usize,
        Key::Smaller(n) => m.size() < *n as usize,
    }
}

/// A parsed IMAP value: NIL, a string, or a list.
enum Value {
    Nil,
    Str(String),
    List(Vec<Value>),
}

fn value(a: &mut Args, depth: usize) -> Option<Value> {
    if depth > 8 {
        return None;
    }
    a.skip_sp();
    if a.eat(b'(') {
        let mut items = Vec::new();
        loop {
            a.skip_sp();
            if a.eat(b')') {
                return Some(Value::List(items));
            }
            a.peek()?;
            items.push(value(a, depth + 1)?);
        }
    }
    match a.peek()? {
        b'"' | b'{' => Some(Value::Str(
            String::from_utf8_lossy(&a.string("value").ok()?).into_owned(),
        )),
        _ => {
            a.atom("NIL").ok()?;
            Some(Value::Nil)
        }
    }
}

/// The addresses of one ENVELOPE address list as `name <mailbox@host>` (or the bare
/// address when there is no name).
fn envelope_addresses(envelope: &str, index: usize) -> Vec<String> {
    let mut a = Args::new(envelope.as_bytes());
    let Some(Value::List(fields)) = value(&mut a, 0) else {
        return Vec::new();
    };
    let Some(Value::List(addrs)) = fields.get(index) else {
        return Vec::new();
    };
    let text = |v: Option<&Value>| match v {
        Some(Value::Str(s)) => s.clone(),
        _ => String::new(),
    };
    addrs
        .iter()
        .filter_map(|addr| match addr {
            Value::List(parts) => {
                let name = text(parts.first());
                let mailbox = text(parts.get(2));
                let host = text(parts.get(3));
                let email = if host.is_empty() {
                    mailbox
                } else {
                    format!("{mailbox}@{host}")
                };
                Some(if name.is_empty() {
                    email
                } else {
                    format!("{name} <{email}>")
                })
            }
            _ => None,
        })
        .collect()
}

fn sent(m: &Message) -> Option<NaiveDate> {
    m.parsed().sent_date(&m.raw).map(|d| d.date_naive())
}

fn body_has(c: &Ctx, s: &str) -> bool {
    let m = c.msg;
    let found = if s.is_ascii() {
        let folded = c.folded();
        c.budget.charge(folded.len() as u64);
        memchr::memmem::find(folded, s.to_ascii_lowercase().as_bytes()).is_some()
    } else {
        let text = c.text();
        c.budget.charge(2 * text.len() as u64);
        contains_ci(text, s)
    };
    if found {
        return true;
    }
    // Undecodable bodies: look at the raw octets after the header.
    if !s.is_ascii() || !c.text().is_empty() {
        return false;
    }
    let head = header_bytes(&m.raw).len();
    let body = m.raw.get(head..).unwrap_or(&[]);
    c.budget.charge(body.len() as u64);
    contains_ci_bytes(body, s.as_bytes())
}

/// Unfolded raw header lines named `field` contain `value` (ASCII case-insensitive);
/// an empty value matches any message that has the field (RFC 3501 §6.4.4 HEADER).
fn raw_header_has(raw: &[u8], field: &str, value: &str) -> bool {
    let head = header_bytes(raw);
    let mut found = false;
    let mut current: Option<Vec<u8>> = None;
    let check = |line: &[u8]| -> Option<bool> {
        let colon = line.iter().position(|&b| b == b':')?;
        let name = &line[..colon];
        if !name.trim_ascii().eq_ignore_ascii_case(field.as_bytes()) {
            return None;
        }
        let v = &line[colon + 1..];
        Some(if value.is_ascii() {
            contains_ci_bytes(v, value.as_bytes()) || value.is_empty()
        } else {
            contains_ci(&String::from_utf8_lossy(v), value)
        })
    };
    for line in head.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.first().is_some_and(|&b| b == b' ' || b == b'\t') {
            if let Some(cur) = current.as_mut() {
                cur.extend_from_slice(line);
            }
            continue;
        }
        if let Some(cur) = current.take() {
            found |= check(&cur) == Some(true);
        }
        if !line.is_empty() {
            current = Some(line.to_vec());
        }
    }
    if let Some(cur) = current.take() {
        found |= check(&cur) == Some(true);
    }
    found
}

/// The `* SEARCH` line of a finished search, or `NO [LIMIT]` (RFC 5530 §3).
pub(super) fn answer(outcome: Outcome, uid: bool, body: &mut Vec<u8>) -> CmdResult {
    let found = match outcome {
        Outcome::Found(found) => found,
        Outcome::OverLimit => {
            let why = crate::tr_en!("server.imap.search_limit");
            return Err(Fail::No(format!("[LIMIT] {why}")));
        }
    };
    let mut line = String::with_capacity(9 + found.len() * 6);
    line.push_str("* SEARCH");
    for n in found {
        line.push(' ');
        line.push_str(&n.to_string());
    }
    line.push_str("\r\n");
    body.extend_from_slice(line.as_bytes());
    Ok(Some(format!(
        "{}SEARCH completed",
        if uid { "UID " } else { "" }
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_header_match_unfolds_and_ignores_case() {
        let raw = b"Subject: another\r\n test\r\nFrom: a@b\r\n\r\nbody";
        assert!(raw_header_has(raw, "subject", "ANOTHER TEST"));
        assert!(raw_header_has(raw, "From", ""));
        assert!(!raw_header_has(raw, "Cc", ""));
        assert!(!raw_header_has(raw, "Subject", "body"));
    }

    #[test]
    fn envelope_address_lists() {
        let env = r#"("d" "s" (("Real From" NIL "user-from" "domain.org")) NIL NIL ((NIL NIL "a" "b")(NIL NIL "c" "d")) NIL NIL NIL NIL)"#;
        assert_eq!(
            envelope_addresses(env, 2),
            vec!["Real From <user-from@domain.org>"]
        );
        assert_eq!(envelope_addresses(env, 5), vec!["a@b", "c@d"]);
        assert!(envelope_addresses(env, 6).is_empty());
        assert!(envelope_addresses("(broken", 2).is_empty());
    }

    #[test]
    fn header_ends_at_the_first_empty_line() {
        assert_eq!(header_bytes(b"A: b\r\n\r\nbody"), b"A: b\r\n\r\n");
        assert_eq!(header_bytes(b"A: b\n\nbody"), b"A: b\n\n");
        assert_eq!(header_bytes(b"A: b\r\n"), b"A: b\r\n");
        assert_eq!(header_bytes(b"\r\nbody"), b"\r\n");
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = "NOT ".repeat(200) + "ALL";
        assert!(parse_program(&mut Args::new(deep.as_bytes())).is_err());
        let ok = "OR (SEEN FLAGGED) NOT UID 1:* SINCE 1-Jan-2020";
        assert!(parse_program(&mut Args::new(ok.as_bytes())).is_ok());
    }
}
