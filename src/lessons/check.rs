//! The check language of a lesson step and the checker that runs it.
//!
//! A ```` ```check ```` block holds one condition per line (`#` starts a comment).
//! A line may start with `[N]` to mean session N (the first is 1; `:connect` opens
//! the next). Conditions:
//!
//! | line | holds when |
//! |---|---|
//! | `send STORE 1 +FLAGS (\Deleted)` | the learner sent this command, compared by meaning: no tag, any case, quotes and flag-list parentheses optional |
//! | `send exact AHRlc3Q=` | … byte for byte (after an IMAP tag) |
//! | `type .` / `type exact TEXT` | a line that is not a command (a DATA body line, a literal's line, an answer to `+`) |
//! | `meta :connect smtp` | the learner typed this meta command |
//! | `reply OK [READ-WRITE]`, `reply 5.7.9`, `reply 2xx`, `reply -ERR`, `reply +` | the reply to the `send`/`type`/`meta` line above has this status, code, class, enhanced code, response code, or is a continuation |
//! | `server * {n} EXISTS` | some server line during the step (or pushed during the step before) contains these words (`{n}` a number, `{any}` a word, `{?}` a word not captured, `{...}` the rest) |
//! | `state selected` | the session's state (the command tables' state ids) |
//! | `store alex Sent count 1` | the mail store holds this (see [`StoreCheck`]) |
//! | `answer [UIDVALIDITY {n}]` | the learner's `:answer` equals what the last `{n}` (or `{any}`) captured from the last matching server line |
//!
//! `send`, `type` and `meta` lines match in order, each after the one before, so a
//! wrong attempt followed by a right one passes. The `reply` lines under a `send`
//! must hold for the same attempt.

use crate::protocol::{parse_command_line, reply, Protocol};
use crate::store::{canonical_name, Inner};

/// One line of a check block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Condition {
    /// A command line the learner sent.
    Send {
        session: Option<usize>,
        pattern: String,
        exact: bool,
        replies: Vec<ReplyWant>,
    },
    /// A line that is not a command (DATA body, literal, continuation answer).
    Type {
        session: Option<usize>,
        pattern: String,
        exact: bool,
        replies: Vec<ReplyWant>,
    },
    /// A meta command the learner typed (`:connect smtp`).
    Meta {
        pattern: String,
        replies: Vec<ReplyWant>,
    },
    /// A server line seen during the step.
    Server {
        session: Option<usize>,
        pattern: String,
    },
    /// The state a session is in.
    State {
        session: Option<usize>,
        state: String,
    },
    /// A fact about the mail store.
    Store(StoreCheck),
    /// The learner's `:answer` equals a value the server gave.
    Answer { pattern: String },
}

/// What a `reply` line wants.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReplyWant {
    /// IMAP `OK`/`NO`/`BAD`/`BYE`, POP3 `+OK`/`-ERR`.
    Status(String),
    /// `+`: a continuation request (IMAP `+`, SMTP 334/354, POP3 `+ `).
    Continuation,
    /// An SMTP reply code (`250`) or class (`2xx`).
    Code(String),
    /// An enhanced status code (`5.7.9`, RFC 3463).
    Enhanced(String),
    /// A response code in brackets (`[READ-WRITE]`, `[UIDVALIDITY]`, `[IN-USE]`).
    RespCode(String),
}

/// A store check: `store USER MAILBOX WHAT …`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoreCheck {
    pub user: String,
    pub mailbox: String,
    pub what: StoreWhat,
}

/// The part of a store check after user and mailbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreWhat {
    /// `exists`: the mailbox exists (and is selectable).
    Exists,
    /// `missing`: no such mailbox.
    Missing,
    /// `count N`: it holds N messages.
    Count(usize),
    /// `flag SEQ FLAG` / `noflag SEQ FLAG`: message SEQ (1-based; `last` is -1) has / lacks FLAG.
    Flag { seq: i64, flag: String, set: bool },
    /// `subject TEXT`: some message's Subject contains TEXT (any case).
    Subject(String),
    /// `contains TEXT`: some message's raw octets contain TEXT.
    Contains(String),
    /// `subscribed` / `unsubscribed`.
    Subscribed(bool),
}

/// What kind of line the learner typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// A protocol command.
    Command,
    /// A line that is not a command: DATA body, literal, continuation answer.
    Line,
    /// A meta command (`:connect smtp`).
    Meta,
    /// Nothing typed: server lines that arrived on their own (greeting, IDLE push).
    Push,
}

/// One thing the learner typed and what the server said in answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exchange {
    /// Session number (1 for the first).
    pub session: usize,
    pub protocol: Protocol,
    pub kind: InputKind,
    /// The line as typed (empty for [`InputKind::Push`]).
    pub input: String,
    /// Server lines of this session that arrived for it, in order.
    pub lines: Vec<String>,
    /// The session's state id afterwards.
    pub state: String,
}

/// What the checker sees.
pub struct Ctx<'a> {
    /// Exchanges since the step started.
    pub step: &'a [Exchange],
    /// Exchanges of the step before: lines a server pushed there (an IDLE update
    /// that came with the reply that finished it) count for a `server` line too.
    pub before: &'a [Exchange],
    /// Every exchange of the run (answers may quote earlier replies).
    pub all: &'a [Exchange],
    /// The learner's last `:answer`.
    pub answer: Option<&'a str>,
    /// The store's facts, when store checks can run: the store itself, or a lab
    /// server answering for the learner's account.
    pub store: Option<&'a dyn StoreFacts>,
    /// The state of each session now, by number (index 0 is session 1).
    pub states: &'a [String],
    /// The current session's number.
    pub current: usize,
}

/// Why a condition failed, in terms a learner reads (ids and values; the runner
/// turns them into text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Miss {
    /// Nothing sent yet that looks like the wanted command.
    NotSent { want: String },
    /// The command name differs.
    Command { want: String, got: String },
    /// Argument `index` (1-based) differs.
    Arg {
        index: usize,
        want: String,
        got: String,
    },
    /// Argument `index` is missing.
    MissingArg { index: usize, want: String },
    /// An argument more than wanted.
    ExtraArg { index: usize, got: String },
    /// Not byte for byte the same.
    Exact { want: String, got: String },
    /// The right line, but the reply differs.
    Reply { want: String, got: String },
    /// Sent on another session.
    Session { want: usize, got: usize },
    /// No server line like this yet.
    Server { want: String },
    /// The session is in another state.
    State { want: String, got: String },
    /// The store does not hold this yet.
    Store { want: String },
    /// No `:answer` given yet.
    NoAnswer,
    /// The answer differs from what the server said.
    WrongAnswer { got: String },
    /// The server never said what the answer comes from.
    AnswerSource { want: String },
}

/// Parses a check block. Errors are (1-based line within the block, message).
pub fn parse_block(body: &str) -> Result<Vec<Condition>, Vec<(usize, String)>> {
    let mut out: Vec<Condition> = Vec::new();
    let mut errors = Vec::new();
    for (i, raw) in body.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (session, line) = match line.strip_prefix('[').and_then(|r| r.split_once(']')) {
            Some((num, rest)) => match num.trim().parse::<usize>() {
                Ok(s) if s >= 1 => (Some(s), rest.trim()),
                _ => {
                    errors.push((n, crate::tr!("lesson.fmt.session_number", num = num)));
                    continue;
                }
            },
            None => (None, line),
        };
        let (kw, rest) = match line.split_once(char::is_whitespace) {
            Some((k, r)) => (k, r.trim()),
            None => (line, ""),
        };
        let exact_rest = |rest: &str| match rest.strip_prefix("exact") {
            Some(r) if r.is_empty() || r.starts_with(' ') => (true, r.trim().to_string()),
            _ => (false, rest.to_string()),
        };
        let cond = match kw {
            "send" if rest.is_empty() => {
                errors.push((n, crate::tr!("lesson.fmt.needs_line", kw = kw)));
                continue;
            }
            "send" => {
                let (exact, pattern) = exact_rest(rest);
                Condition::Send {
                    session,
                    pattern,
                    exact,
                    replies: Vec::new(),
                }
            }
            "type" => {
                // `type exact` alone wants an empty line.
                let (exact, pattern) = exact_rest(rest);
                if pattern.is_empty() && !exact {
                    errors.push((n, crate::tr!("lesson.fmt.type_needs_line")));
                    continue;
                }
                Condition::Type {
                    session,
                    pattern,
                    exact,
                    replies: Vec::new(),
                }
            }
            "meta" if rest.starts_with(':') => Condition::Meta {
                pattern: rest.to_string(),
                replies: Vec::new(),
            },
            "meta" => {
                errors.push((n, crate::tr!("lesson.fmt.meta_needs_colon")));
                continue;
            }
            "reply" => {
                let wants = match parse_reply(rest) {
                    Ok(w) => w,
                    Err(e) => {
                        errors.push((n, e));
                        continue;
                    }
                };
                match out.last_mut() {
                    Some(
                        Condition::Send { replies, .. }
                        | Condition::Type { replies, .. }
                        | Condition::Meta { replies, .. },
                    ) => {
                        replies.extend(wants);
                        continue;
                    }
                    _ => {
                        errors.push((n, crate::tr!("lesson.fmt.reply_follows")));
                        continue;
                    }
                }
            }
            "server" if !rest.is_empty() => Condition::Server {
                session,
                pattern: rest.to_string(),
            },
            "state" if !rest.is_empty() => Condition::State {
                session,
                state: rest.to_ascii_lowercase(),
            },
            "store" => match parse_store(rest) {
                Ok(s) => Condition::Store(s),
                Err(e) => {
                    errors.push((n, e));
                    continue;
                }
            },
            "answer" if !rest.is_empty() => {
                if !rest.contains("{n}") && !rest.contains("{any}") {
                    errors.push((n, crate::tr!("lesson.fmt.answer_needs_capture")));
                    continue;
                }
                Condition::Answer {
                    pattern: rest.to_string(),
                }
            }
            "server" | "state" | "answer" => {
                errors.push((n, crate::tr!("lesson.fmt.needs_value", kw = kw)));
                continue;
            }
            other => {
                errors.push((n, crate::tr!("lesson.fmt.unknown_check", check = other)));
                continue;
            }
        };
        out.push(cond);
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn parse_reply(rest: &str) -> Result<Vec<ReplyWant>, String> {
    let mut out = Vec::new();
    if rest.is_empty() {
        return Err(crate::tr!("lesson.fmt.reply_empty"));
    }
    for w in rest.split_whitespace() {
        let up = w.to_ascii_uppercase();
        let want = if matches!(
            up.as_str(),
            "OK" | "NO" | "BAD" | "BYE" | "PREAUTH" | "+OK" | "-ERR"
        ) {
            ReplyWant::Status(up)
        } else if w == "+" {
            ReplyWant::Continuation
        } else if up.len() == 3
            && up.as_bytes()[0].is_ascii_digit()
            && (up[1..].bytes().all(|b| b.is_ascii_digit()) || &up[1..] == "XX")
        {
            ReplyWant::Code(up)
        } else if reply::EnhancedCode::parse(w).is_some() {
            ReplyWant::Enhanced(w.to_string())
        } else if let Some(code) = w.strip_prefix('[').and_then(|c| c.strip_suffix(']')) {
            ReplyWant::RespCode(code.to_ascii_uppercase())
        } else {
            return Err(crate::tr!("lesson.fmt.reply_word", word = w));
        };
        out.push(want);
    }
    Ok(out)
}

/// Parses the words after `store` in a check line (`alex INBOX count 2`).
pub fn parse_store(rest: &str) -> Result<StoreCheck, String> {
    let usage = || crate::tr!("lesson.fmt.store_usage");
    let mut words = rest.splitn(4, char::is_whitespace);
    let (Some(user), Some(mailbox), Some(what)) = (words.next(), words.next(), words.next()) else {
        return Err(usage());
    };
    let tail = words.next().unwrap_or("").trim();
    let what = match what {
        "exists" => StoreWhat::Exists,
        "missing" => StoreWhat::Missing,
        "subscribed" => StoreWhat::Subscribed(true),
        "unsubscribed" => StoreWhat::Subscribed(false),
        "count" => StoreWhat::Count(tail.parse().map_err(|_| usage())?),
        "flag" | "noflag" => {
            let (seq, flag) = tail.split_once(' ').ok_or_else(usage)?;
            let seq = if seq == "last" {
                -1
            } else {
                seq.parse()
                    .map_err(|_| crate::tr!("lesson.fmt.store_seq", seq = seq))?
            };
            StoreWhat::Flag {
                seq,
                flag: flag.trim().to_string(),
                set: what == "flag",
            }
        }
        "subject" if !tail.is_empty() => StoreWhat::Subject(unquote(tail)),
        "contains" if !tail.is_empty() => StoreWhat::Contains(unquote(tail)),
        _ => return Err(usage()),
    };
    Ok(StoreCheck {
        user: user.to_string(),
        mailbox: mailbox.to_string(),
        what,
    })
}

fn unquote(s: &str) -> String {
    let s = s.trim();
    s.strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .unwrap_or(s)
        .to_string()
}

// ------------------------------------------------------------------ matching

/// Matches one pattern word against one word; `{n}`, `{any}` capture, `{...}` is
/// handled by the caller. Case-insensitive.
fn glob(pattern: &str, word: &str, caps: &mut Vec<String>) -> bool {
    // A whole word `{any}` is any argument, the empty string `""` too.
    if pattern == "{any}" {
        caps.push(word.to_string());
        return true;
    }
    let Some(open) = pattern.find('{') else {
        return pattern.eq_ignore_ascii_case(word);
    };
    let Some(close) = pattern[open..].find('}').map(|c| open + c) else {
        return pattern.eq_ignore_ascii_case(word);
    };
    let (lit, ph, rest) = (
        &pattern[..open],
        &pattern[open + 1..close],
        &pattern[close + 1..],
    );
    if word.len() < lit.len()
        || !word.is_char_boundary(lit.len())
        || !word[..lit.len()].eq_ignore_ascii_case(lit)
    {
        return false;
    }
    let w = &word[lit.len()..];
    if !matches!(ph, "n" | "any" | "..." | "?") {
        return glob_literal(&pattern[open..], w, caps);
    }
    // Try every split point, shortest capture first.
    for end in (0..=w.len()).filter(|&e| w.is_char_boundary(e)) {
        let cap = &w[..end];
        let ok = match ph {
            "n" => !cap.is_empty() && cap.bytes().all(|b| b.is_ascii_digit()),
            _ => !cap.is_empty() || ph == "...",
        };
        if !ok {
            continue;
        }
        let mark = caps.len();
        if ph != "?" {
            caps.push(cap.to_string());
        }
        if glob(rest, &w[end..], caps) {
            return true;
        }
        caps.truncate(mark);
    }
    false
}

fn glob_literal(pattern: &str, word: &str, caps: &mut Vec<String>) -> bool {
    // A `{` that is not a placeholder (an IMAP literal `{12}`): match it literally.
    let first = pattern.chars().next().map_or(0, char::len_utf8);
    match word.chars().next() {
        Some(c) if pattern[..first].eq_ignore_ascii_case(&word[..c.len_utf8()]) => {
            glob(&pattern[first..], &word[c.len_utf8()..], caps)
        }
        _ => pattern.is_empty() && word.is_empty(),
    }
}

/// Matches pattern words against words; captures go to `caps`.
fn match_words(pattern: &[String], words: &[String], caps: &mut Vec<String>) -> bool {
    match pattern.split_first() {
        None => words.is_empty(),
        Some((p, _)) if p == "{...}" => {
            caps.push(words.join(" "));
            true
        }
        // The implicit tail of a server pattern: anything, not captured.
        Some((p, _)) if p == REST => true,
        Some((p, rest)) => match words.split_first() {
            Some((w, wrest)) => {
                let mark = caps.len();
                if glob(p, w, caps) && match_words(rest, wrest, caps) {
                    return true;
                }
                caps.truncate(mark);
                false
            }
            None => false,
        },
    }
}

/// The tail a server pattern implicitly ends with (matches anything, captures nothing).
const REST: &str = "{\u{0}rest}";

/// Splits a server line (or pattern) into words.
fn words(line: &str) -> Vec<String> {
    line.split_whitespace().map(str::to_string).collect()
}

/// A server line contains the words of a `server`/`answer` pattern (at any word
/// position, anything after them allowed); returns the captures.
pub fn match_server_line(pattern: &str, line: &str) -> Option<Vec<String>> {
    let mut pat = words(pattern);
    if pat.last().map(String::as_str) != Some("{...}") {
        pat.push(REST.into());
    }
    let w = words(line);
    (0..w.len().max(1)).find_map(|start| {
        let mut caps = Vec::new();
        match_words(&pat, w.get(start..).unwrap_or(&[]), &mut caps).then_some(caps)
    })
}

/// Arguments of a command as compared by meaning: quoted strings unquoted,
/// parentheses dropped, SMTP `FROM: <a>` joined to `FROM:<a>`.
pub fn arg_words(p: Protocol, args: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut had_quote = false;
    let mut chars = args.chars().peekable();
    let push = |cur: &mut String, out: &mut Vec<String>, had_quote: &mut bool| {
        if !cur.is_empty() || *had_quote {
            out.push(std::mem::take(cur));
        }
        *had_quote = false;
    };
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '\\' => {
                    if let Some(n) = chars.next() {
                        cur.push(n);
                    }
                }
                '"' => quoted = false,
                _ => cur.push(c),
            }
            continue;
        }
        match c {
            '"' if p == Protocol::Imap => {
                quoted = true;
                had_quote = true;
            }
            '(' | ')' if p == Protocol::Imap => push(&mut cur, &mut out, &mut had_quote),
            c if c.is_whitespace() => push(&mut cur, &mut out, &mut had_quote),
            _ => cur.push(c),
        }
    }
    push(&mut cur, &mut out, &mut had_quote);
    if p == Protocol::Smtp {
        let mut joined: Vec<String> = Vec::new();
        for w in out {
            match joined.last_mut() {
                Some(last) if last.ends_with(':') => last.push_str(&w),
                _ => joined.push(w),
            }
        }
        return joined;
    }
    out
}

/// A command line split for comparison: (upper-case name, argument words).
pub fn command_words(p: Protocol, line: &str) -> Option<(String, Vec<String>)> {
    let cl = parse_command_line(p, line)?;
    let name = match cl.spec {
        Some(spec) => spec.name.clone(),
        // A placeholder (`{any}`) keeps its spelling.
        None if cl.name.contains('{') => cl.name.to_string(),
        None => cl.name.to_ascii_uppercase(),
    };
    Some((name, arg_words(p, cl.args)))
}

/// Compares a typed command with a `send` pattern by meaning; `Ok` or the first difference.
pub fn compare_command(p: Protocol, pattern: &str, typed: &str) -> Result<(), Miss> {
    let (want_name, want_args) = command_words(p, pattern).unwrap_or_default();
    let Some((got_name, got_args)) = command_words(p, typed) else {
        return Err(Miss::NotSent {
            want: pattern.to_string(),
        });
    };
    if !glob(&want_name, &got_name, &mut Vec::new()) {
        return Err(Miss::Command {
            want: want_name,
            got: got_name,
        });
    }
    let mut caps = Vec::new();
    if match_words(&want_args, &got_args, &mut caps) {
        return Ok(());
    }
    // Name the first argument that differs.
    for (i, want) in want_args.iter().enumerate() {
        if want == "{...}" {
            break;
        }
        match got_args.get(i) {
            None => {
                return Err(Miss::MissingArg {
                    index: i + 1,
                    want: want.clone(),
                })
            }
            Some(got) if !glob(want, got, &mut Vec::new()) => {
                return Err(Miss::Arg {
                    index: i + 1,
                    want: want.clone(),
                    got: got.clone(),
                })
            }
            _ => {}
        }
    }
    let i = want_args.len();
    Err(Miss::ExtraArg {
        index: i + 1,
        got: got_args.get(i).cloned().unwrap_or_default(),
    })
}

/// The part of a typed IMAP line after its tag (what `exact` compares).
fn untagged(p: Protocol, line: &str) -> String {
    match parse_command_line(p, line) {
        Some(cl) if cl.tag.is_some() => {
            let start = line.find(cl.name).unwrap_or(0);
            line[start..].to_string()
        }
        _ => line.to_string(),
    }
}

/// A short summary of the reply in an exchange: `NO [TRYCREATE]`, `550 5.1.1`, `+OK`.
pub fn reply_summary(x: &Exchange) -> String {
    let (status, code, enhanced, cont) = reply_parts(x);
    let mut out = Vec::new();
    if cont {
        out.push("+".to_string());
    }
    out.extend(status);
    out.extend(code.map(|c| format!("[{c}]")));
    out.extend(enhanced);
    if out.is_empty() {
        crate::tr!("lesson.no_reply")
    } else {
        out.join(" ")
    }
}

/// (status or SMTP code, response code, enhanced code, continuation) of the reply in `x`.
fn reply_parts(x: &Exchange) -> (Option<String>, Option<String>, Option<String>, bool) {
    match x.protocol {
        Protocol::Imap => {
            let mut cont = false;
            for l in x.lines.iter().rev() {
                let r = reply::imap(l);
                match r.kind {
                    reply::ImapKind::Tagged => return (r.status, r.code, None, false),
                    reply::ImapKind::Continuation => cont = true,
                    _ => {}
                }
            }
            // No tagged line: a BYE-only answer (LOGOUT cut short) or the greeting.
            for l in x.lines.iter().rev() {
                let r = reply::imap(l);
                if r.kind == reply::ImapKind::Untagged
                    && r.status.is_some()
                    && x.kind == InputKind::Push
                {
                    return (r.status, r.code, None, false);
                }
            }
            (None, None, None, cont)
        }
        Protocol::Smtp => {
            for l in x.lines.iter().rev() {
                if let Some(r) = reply::smtp(l) {
                    if r.is_last {
                        let cont = r.code == 334 || r.code == 354;
                        return (
                            Some(r.code.to_string()),
                            None,
                            r.enhanced.map(|e| e.to_string()),
                            cont,
                        );
                    }
                }
            }
            (None, None, None, false)
        }
        Protocol::Pop3 => {
            for l in &x.lines {
                match reply::pop3(l) {
                    reply::Pop3Line::Ok { code, .. } => {
                        return (Some("+OK".into()), code, None, false)
                    }
                    reply::Pop3Line::Err { code, .. } => {
                        return (Some("-ERR".into()), code, None, false)
                    }
                    reply::Pop3Line::Continuation(_) => return (None, None, None, true),
                    _ => {}
                }
            }
            (None, None, None, false)
        }
    }
}

/// Whether the reply in `x` is what `want` says; `Err` gives the reply's summary.
pub fn reply_matches(x: &Exchange, want: &ReplyWant) -> bool {
    let (status, code, enhanced, cont) = reply_parts(x);
    match want {
        ReplyWant::Continuation => cont,
        ReplyWant::Status(s) => status.as_deref() == Some(s.as_str()),
        ReplyWant::Code(c) => match &status {
            Some(got) if c.ends_with("XX") => got.starts_with(&c[..1]) && got.len() == 3,
            Some(got) => got == c,
            None => false,
        },
        ReplyWant::Enhanced(e) => enhanced.as_deref() == Some(e.as_str()),
        ReplyWant::RespCode(rc) => {
            code.as_deref().is_some_and(|c| c.eq_ignore_ascii_case(rc))
                // A response code on an untagged line (SELECT's [UIDVALIDITY n]).
                || x.lines.iter().any(|l| {
                    reply::imap(l).code.as_deref().is_some_and(|c| c.eq_ignore_ascii_case(rc))
                })
        }
    }
}

fn want_text(w: &ReplyWant) -> String {
    match w {
        ReplyWant::Status(s) | ReplyWant::Code(s) | ReplyWant::Enhanced(s) => s.clone(),
        ReplyWant::Continuation => "+".into(),
        ReplyWant::RespCode(c) => format!("[{c}]"),
    }
}

/// One input condition (send/type/meta) against one exchange.
fn input_matches(c: &Condition, x: &Exchange) -> Result<(), Miss> {
    let (session, kind, pattern, exact, replies) = match c {
        Condition::Send {
            session,
            pattern,
            exact,
            replies,
        } => (*session, InputKind::Command, pattern, *exact, replies),
        Condition::Type {
            session,
            pattern,
            exact,
            replies,
        } => (*session, InputKind::Line, pattern, *exact, replies),
        Condition::Meta { pattern, replies } => (None, InputKind::Meta, pattern, false, replies),
        _ => return Ok(()),
    };
    if x.kind != kind {
        return Err(Miss::NotSent {
            want: pattern.clone(),
        });
    }
    if let Some(s) = session {
        if s != x.session {
            return Err(Miss::Session {
                want: s,
                got: x.session,
            });
        }
    }
    match kind {
        InputKind::Command if exact => {
            let got = untagged(x.protocol, &x.input);
            if got != *pattern {
                return Err(Miss::Exact {
                    want: pattern.clone(),
                    got,
                });
            }
        }
        InputKind::Command => compare_command(x.protocol, pattern, &x.input)?,
        _ if exact => {
            if x.input != *pattern {
                return Err(Miss::Exact {
                    want: pattern.clone(),
                    got: x.input.clone(),
                });
            }
        }
        _ => {
            let mut caps = Vec::new();
            if !match_words(&words(pattern), &words(&x.input), &mut caps) {
                return Err(Miss::Exact {
                    want: pattern.clone(),
                    got: x.input.clone(),
                });
            }
        }
    }
    for w in replies {
        if !reply_matches(x, w) {
            return Err(Miss::Reply {
                want: want_text(w),
                got: reply_summary(x),
            });
        }
    }
    Ok(())
}

/// The value an `answer` pattern captures (its last placeholder) from the last
/// matching server line.
pub fn answer_value(pattern: &str, all: &[Exchange]) -> Option<String> {
    for x in all.iter().rev() {
        for l in x.lines.iter().rev() {
            if let Some(caps) = match_server_line(pattern, l) {
                return caps.into_iter().last();
            }
        }
    }
    None
}

/// Where store checks are answered: a store in this process ([`Inner`]) or a lab
/// server that runs [`store_report`] on its own store.
pub trait StoreFacts {
    /// Whether the store holds what `s` asks.
    fn holds(&self, s: &StoreCheck) -> bool;
}

impl StoreFacts for Inner {
    fn holds(&self, s: &StoreCheck) -> bool {
        store_holds(s, self)
    }
}

/// A store check's result with what the store holds there, for a learner who does
/// not see the store (a lab server's answer): `(holds, fact)`, the fact in the
/// check's own words (`count 3`, `missing`, `flag 1 \Seen`, …).
pub fn store_report(s: &StoreCheck, inner: &Inner) -> (bool, String) {
    let holds = store_holds(s, inner);
    let fact = match inner.users.get(&s.user) {
        None => "no-account".to_string(),
        Some(user) => {
            let mb = user.mailbox(&s.mailbox).filter(|m| !m.noselect);
            match (&s.what, mb) {
                (StoreWhat::Subscribed(_), _) => {
                    let name = canonical_name(&s.mailbox);
                    let on = user.subscriptions.iter().any(|m| canonical_name(m) == name);
                    if on { "subscribed" } else { "unsubscribed" }.to_string()
                }
                (_, None) => "missing".to_string(),
                (StoreWhat::Flag { seq, flag, .. }, Some(m)) => {
                    let msg = if *seq < 0 {
                        m.messages.last()
                    } else {
                        m.messages.get((*seq as usize).wrapping_sub(1))
                    };
                    match msg {
                        None => format!("count {}", m.messages.len()),
                        Some(msg) if msg.flags.contains(flag) => format!("flag {flag}"),
                        Some(_) => format!("noflag {flag}"),
                    }
                }
                (_, Some(m)) => format!("count {}", m.messages.len()),
            }
        }
    };
    (holds, fact)
}

fn store_holds(s: &StoreCheck, inner: &Inner) -> bool {
    let Some(user) = inner.users.get(&s.user) else {
        return false;
    };
    if let StoreWhat::Subscribed(want) = s.what {
        let name = canonical_name(&s.mailbox);
        return user.subscriptions.iter().any(|m| canonical_name(m) == name) == want;
    }
    let mb = user.mailbox(&s.mailbox).filter(|m| !m.noselect);
    match (&s.what, mb) {
        (StoreWhat::Missing, m) => m.is_none(),
        (_, None) => false,
        (StoreWhat::Exists, Some(_)) => true,
        (StoreWhat::Count(n), Some(m)) => m.messages.len() == *n,
        (StoreWhat::Flag { seq, flag, set }, Some(m)) => {
            let msg = if *seq < 0 {
                m.messages.last()
            } else {
                m.messages.get((*seq as usize).wrapping_sub(1))
            };
            msg.is_some_and(|msg| msg.flags.contains(flag) == *set)
        }
        (StoreWhat::Subject(t), Some(m)) => m.messages.iter().any(|msg| {
            let t = t.to_lowercase();
            msg.parsed()
                .header_values(&msg.raw, "Subject")
                .iter()
                .any(|s| s.to_lowercase().contains(&t))
        }),
        (StoreWhat::Contains(t), Some(m)) => m
            .messages
            .iter()
            .any(|msg| msg.raw.windows(t.len().max(1)).any(|w| w == t.as_bytes())),
        (StoreWhat::Subscribed(_), _) => false,
    }
}

/// The outcome of checking a step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// Every condition holds.
    pub passed: bool,
    /// The first condition that does not, and why.
    pub miss: Option<Miss>,
}

/// Checks a step's conditions against what happened.
pub fn evaluate(conds: &[Condition], ctx: &Ctx<'_>) -> Verdict {
    let mut from = 0usize;
    for c in conds {
        let miss = match c {
            Condition::Send { .. } | Condition::Type { .. } | Condition::Meta { .. } => {
                match ctx.step[from.min(ctx.step.len())..]
                    .iter()
                    .position(|x| input_matches(c, x).is_ok())
                {
                    Some(i) => {
                        from += i + 1;
                        None
                    }
                    None => Some(closest_miss(c, &ctx.step[from.min(ctx.step.len())..])),
                }
            }
            Condition::Server { session, pattern } => {
                let pushed = ctx.before.iter().filter(|x| x.kind == InputKind::Push);
                let seen = ctx.step.iter().chain(pushed).any(|x| {
                    session.is_none_or(|s| s == x.session)
                        && x.lines
                            .iter()
                            .any(|l| match_server_line(pattern, l).is_some())
                });
                (!seen).then(|| Miss::Server {
                    want: pattern.clone(),
                })
            }
            Condition::State { session, state } => {
                let s = session.unwrap_or(ctx.current);
                let got = ctx
                    .states
                    .get(s.wrapping_sub(1))
                    .cloned()
                    .unwrap_or_default();
                (got != *state).then(|| Miss::State {
                    want: state.clone(),
                    got,
                })
            }
            Condition::Store(s) => match ctx.store {
                Some(facts) if facts.holds(s) => None,
                _ => Some(Miss::Store {
                    want: store_text(s),
                }),
            },
            Condition::Answer { pattern } => match (answer_value(pattern, ctx.all), ctx.answer) {
                (None, _) => Some(Miss::AnswerSource {
                    want: pattern.clone(),
                }),
                (_, None) => Some(Miss::NoAnswer),
                (Some(v), Some(a)) if same_answer(&v, a) => None,
                (Some(_), Some(a)) => Some(Miss::WrongAnswer { got: a.to_string() }),
            },
        };
        if let Some(m) = miss {
            return Verdict {
                passed: false,
                miss: Some(m),
            };
        }
    }
    Verdict {
        passed: true,
        miss: None,
    }
}

fn same_answer(want: &str, got: &str) -> bool {
    let clean = |s: &str| {
        s.trim()
            .trim_matches(['"', '[', ']', '.'])
            .to_ascii_lowercase()
    };
    clean(want) == clean(got)
}

/// For feedback: why the latest attempt of the right kind does not match `c`.
fn closest_miss(c: &Condition, tried: &[Exchange]) -> Miss {
    let want = match c {
        Condition::Send { pattern, .. }
        | Condition::Type { pattern, .. }
        | Condition::Meta { pattern, .. } => pattern.clone(),
        _ => String::new(),
    };
    let kind = match c {
        Condition::Send { .. } => InputKind::Command,
        Condition::Type { .. } => InputKind::Line,
        _ => InputKind::Meta,
    };
    match tried.iter().rev().find(|x| x.kind == kind) {
        Some(x) => input_matches(c, x).err().unwrap_or(Miss::NotSent { want }),
        None => Miss::NotSent { want },
    }
}

/// A store check written back as it reads in the lesson.
pub fn store_text(s: &StoreCheck) -> String {
    let what = match &s.what {
        StoreWhat::Exists => "exists".to_string(),
        StoreWhat::Missing => "missing".to_string(),
        StoreWhat::Count(n) => format!("count {n}"),
        StoreWhat::Flag { seq, flag, set } => {
            let seq = if *seq < 0 {
                "last".to_string()
            } else {
                seq.to_string()
            };
            format!("{} {seq} {flag}", if *set { "flag" } else { "noflag" })
        }
        StoreWhat::Subject(t) => format!("subject {t}"),
        StoreWhat::Contains(t) => format!("contains {t}"),
        StoreWhat::Subscribed(true) => "subscribed".into(),
        StoreWhat::Subscribed(false) => "unsubscribed".into(),
    };
    format!("{} {} {what}", s.user, s.mailbox)
}

/// The commands a step's `send` lines name (for the coverage test).
pub fn commands_named(
    p: Protocol,
    conds: &[Condition],
    sessions: &[(usize, Protocol)],
) -> Vec<(Protocol, String)> {
    let mut out = Vec::new();
    for c in conds {
        if let Condition::Send {
            session, pattern, ..
        } = c
        {
            let proto = session
                .and_then(|s| sessions.iter().find(|(n, _)| *n == s).map(|(_, p)| *p))
                .unwrap_or(p);
            if let Some((name, _)) = command_words(proto, pattern) {
                out.push((proto, name));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn x(p: Protocol, input: &str, lines: &[&str]) -> Exchange {
        Exchange {
            session: 1,
            protocol: p,
            kind: InputKind::Command,
            input: input.into(),
            lines: lines.iter().map(|s| s.to_string()).collect(),
            state: "selected".into(),
        }
    }

    fn run(block: &str, xs: &[Exchange]) -> Verdict {
        let conds = parse_block(block).unwrap();
        let states = vec!["selected".to_string()];
        evaluate(
            &conds,
            &Ctx {
                step: xs,
                before: &[],
                all: xs,
                answer: None,
                store: None,
                states: &states,
                current: 1,
            },
        )
    }

    #[test]
    fn store_flags_by_meaning() {
        let block = "send STORE 1 +FLAGS (\\Deleted)\nreply OK";
        let ok = x(
            Protocol::Imap,
            "a3 store 1 +flags \\DELETED",
            &["* 1 FETCH (FLAGS (\\Deleted))", "a3 OK STORE completed"],
        );
        assert!(run(block, std::slice::from_ref(&ok)).passed);
        let quoted = x(
            Protocol::Imap,
            "STORE \"1\" +FLAGS (\\Deleted)",
            &["a1 OK done"],
        );
        assert!(run(block, &[quoted]).passed);
        // The same words with a NO fail on the reply, naming what came back.
        let no = x(
            Protocol::Imap,
            "a3 STORE 1 +FLAGS \\Deleted",
            &["a3 NO [READ-ONLY] mailbox is read-only"],
        );
        let v = run(block, std::slice::from_ref(&no));
        assert_eq!(
            v.miss,
            Some(Miss::Reply {
                want: "OK".into(),
                got: "NO [READ-ONLY]".into()
            })
        );
        // A wrong attempt then a right one passes.
        assert!(run(block, &[no, ok]).passed);
    }

    #[test]
    fn wrong_attempts_say_which_part_differs() {
        let block = "send STORE 1 +FLAGS (\\Deleted)";
        let v = run(
            block,
            &[x(
                Protocol::Imap,
                "a3 STORE 1 -FLAGS (\\Deleted)",
                &["a3 OK"],
            )],
        );
        assert_eq!(
            v.miss,
            Some(Miss::Arg {
                index: 2,
                want: "+FLAGS".into(),
                got: "-FLAGS".into()
            })
        );
        let v = run(block, &[x(Protocol::Imap, "a3 FETCH 1 FLAGS", &["a3 OK"])]);
        assert_eq!(
            v.miss,
            Some(Miss::Command {
                want: "STORE".into(),
                got: "FETCH".into()
            })
        );
        let v = run(block, &[x(Protocol::Imap, "STORE 1 +FLAGS", &["a3 BAD"])]);
        assert_eq!(
            v.miss,
            Some(Miss::MissingArg {
                index: 3,
                want: "\\Deleted".into()
            })
        );
        let v = run(
            block,
            &[x(
                Protocol::Imap,
                "STORE 1 +FLAGS \\Deleted \\Seen",
                &["a3 OK"],
            )],
        );
        assert_eq!(
            v.miss,
            Some(Miss::ExtraArg {
                index: 4,
                got: "\\Seen".into()
            })
        );
        let v = run(block, &[]);
        assert!(matches!(v.miss, Some(Miss::NotSent { .. })));
    }

    #[test]
    fn smtp_codes_classes_and_enhanced_codes() {
        let x1 = x(
            Protocol::Smtp,
            "mail from: <alex@maillab.test>",
            &["250 2.1.0 Ok"],
        );
        assert!(
            run(
                "send MAIL FROM:<alex@maillab.test>\nreply 250 2xx 2.1.0",
                std::slice::from_ref(&x1)
            )
            .passed
        );
        assert!(run("send MAIL FROM:<{any}>", std::slice::from_ref(&x1)).passed);
        assert!(!run("send MAIL FROM:<riley@maillab.test>", &[x1]).passed);
        let x2 = x(
            Protocol::Smtp,
            "AUTH PLAIN AGFsZXgAZHJ1bXM=",
            &["534 5.7.9 Application-specific password required"],
        );
        assert!(
            run(
                "send AUTH PLAIN {any}\nreply 534 5.7.9",
                std::slice::from_ref(&x2)
            )
            .passed
        );
        assert!(
            run(
                "send exact AUTH PLAIN AGFsZXgAZHJ1bXM=",
                std::slice::from_ref(&x2)
            )
            .passed
        );
        let v = run(
            "send exact AUTH PLAIN AGFsZXgAZHJ1bXM=",
            &[x(Protocol::Smtp, "auth plain AGFsZXgAZHJ1bXM=", &[])],
        );
        assert!(matches!(v.miss, Some(Miss::Exact { .. })));
    }

    #[test]
    fn pop3_and_untagged_data_and_answers() {
        let xs = [x(Protocol::Pop3, "LIST 2", &["+OK 2 1733"])];
        assert!(run("send LIST 2\nreply +OK", &xs).passed);
        let conds = parse_block("answer +OK 2 {n}").unwrap();
        let states = vec![String::new()];
        let ctx = |a| Ctx {
            step: &xs,
            before: &[],
            all: &xs,
            answer: a,
            store: None,
            states: &states,
            current: 1,
        };
        assert!(evaluate(&conds, &ctx(Some(" 1733 "))).passed);
        let first = parse_block("answer +OK {n} {?}").unwrap();
        assert!(evaluate(&first, &ctx(Some("2"))).passed);
        assert_eq!(
            evaluate(&conds, &ctx(Some("1700"))).miss,
            Some(Miss::WrongAnswer { got: "1700".into() })
        );
        assert_eq!(evaluate(&conds, &ctx(None)).miss, Some(Miss::NoAnswer));
        let sel = [x(
            Protocol::Imap,
            "select newbox",
            &[
                "* 6 EXISTS",
                "* OK [UIDVALIDITY 3857529045] UIDs valid",
                "a2 OK [READ-WRITE] SELECT completed",
            ],
        )];
        assert!(run("send SELECT newbox\nreply OK [READ-WRITE] [UIDVALIDITY]\nserver * {n} EXISTS\nstate selected", &sel).passed);
        assert!(!run("server * 7 EXISTS", &sel).passed);
        assert!(!run("server * 16 EXISTS", &sel).passed);
        assert!(run("server [UIDVALIDITY {n}]", &sel).passed);
        assert_eq!(
            answer_value("[UIDVALIDITY {n}]", &sel),
            Some("3857529045".into())
        );
    }

    #[test]
    fn sessions_and_parse_errors() {
        let mut two = x(Protocol::Smtp, "QUIT", &["221 2.0.0 Bye"]);
        two.session = 2;
        assert!(run("[2] send QUIT\nreply 221", &[two.clone()]).passed);
        assert_eq!(
            run("[1] send QUIT", &[two]).miss,
            Some(Miss::Session { want: 1, got: 2 })
        );
        let e = parse_block("send X\nreplly OK\nreply FOO\nstore alex").unwrap_err();
        assert_eq!(e.iter().map(|(l, _)| *l).collect::<Vec<_>>(), vec![2, 3, 4]);
        assert!(parse_block("reply OK").is_err());
    }

    #[test]
    fn store_checks_read_the_store() {
        let store = crate::store::fixture::default_store();
        let conds = parse_block(
            "store alex INBOX count 2\nstore alex INBOX subject another test\nstore alex newbox exists\n\
             store alex Nope missing\nstore alex INBOX noflag 1 \\Seen\nstore alex INBOX contains Sam Carter\n\
             store alex newbox subscribed",
        )
        .unwrap();
        let states = vec![String::new()];
        let verdict = store.read(|inner| {
            evaluate(
                &conds,
                &Ctx {
                    step: &[],
                    before: &[],
                    all: &[],
                    answer: None,
                    store: Some(inner),
                    states: &states,
                    current: 1,
                },
            )
        });
        assert!(verdict.passed, "{verdict:?}");
        for wrong in [
            "store alex INBOX count 3",
            "store alex INBOX flag 1 \\Seen",
            "store alex Work exists",
            "store nobody INBOX count 0",
            "store alex INBOX subject nothing like it",
        ] {
            let conds = parse_block(wrong).unwrap();
            let v = store.read(|inner| {
                evaluate(
                    &conds,
                    &Ctx {
                        step: &[],
                        before: &[],
                        all: &[],
                        answer: None,
                        store: Some(inner),
                        states: &states,
                        current: 1,
                    },
                )
            });
            assert!(matches!(v.miss, Some(Miss::Store { .. })), "{wrong}: {v:?}");
        }
    }

    #[test]
    fn placeholders_inside_words_and_meta_lines() {
        let mut caps = Vec::new();
        assert!(glob("{n}54", "354", &mut caps) && caps == ["3"]);
        assert!(!glob("{n}54", "250", &mut Vec::new()));
        assert!(glob("{any}", "", &mut Vec::new()));
        assert!(glob("{{n}}", "{58}", &mut Vec::new()));
        assert!(!glob("{{n}}", "{x}", &mut Vec::new()));
        let meta = Exchange {
            kind: InputKind::Meta,
            ..x(Protocol::Smtp, ":explain 451 4.7.1 try later", &[])
        };
        assert!(run("meta :explain 4{any} {...}", std::slice::from_ref(&meta)).passed);
        assert!(!run("meta :explain 5{any} {...}", &[meta]).passed);
        // A `type` line does not match a command, nor a `send` a body line.
        let body = Exchange {
            kind: InputKind::Line,
            ..x(Protocol::Smtp, ".", &["250 2.0.0 Ok"])
        };
        assert!(run("type .\nreply 250", std::slice::from_ref(&body)).passed);
        assert!(!run("send .", &[body]).passed);
    }

    #[test]
    fn arg_words_normalise() {
        assert_eq!(
            arg_words(Protocol::Imap, "1 (FLAGS \"a b\")"),
            vec!["1", "FLAGS", "a b"]
        );
        assert_eq!(arg_words(Protocol::Smtp, "TO: <a@b>"), vec!["TO:<a@b>"]);
        assert_eq!(arg_words(Protocol::Imap, "\"\" *"), vec!["", "*"]);
    }
}
