//! POP3 explanations: +OK/-ERR by command and state, RFC 2449 response codes,
//! CAPA lines and the data lines of LIST and UIDL.

use super::{
    as_args, client_command, context_rule, decoded_challenge, id_segment, sasl_mechanisms,
    wording_rule, wrong_state_reason, Answered, Context, Out,
};
use crate::protocol::reply::{self, Pop3Line};
use crate::protocol::{Multiline, Protocol};

pub(super) fn explain(out: &mut Out<'_>, line: &str, ctx: &Context) {
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
    // Outside a session (`maillab explain` of one line) the shape of the line
    // tells which commands answer this way; say what it means after each.
    if !done && ok && answered.line.is_none() && ctx.state.is_empty() {
        if let Some(id) = shape(text) {
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
            if ok && spec.multiline == Multiline::WithoutArgs && answered.args().trim().is_empty() {
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
            if out.push(&id, &[("keyword", w1), ("value", value)]) {
                if w1 == "SASL" {
                    sasl_mechanisms(out, value);
                }
            } else {
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

/// The kind of `+OK` line its words suggest when the command is unknown:
/// `36 57057` (STAT, or LIST n), `36 messages:` (LIST), `440 octets` (RETR,
/// TOP), `1 QhdPYR:00WBw1Ph7x` (UIDL n), a bare `+OK`, a deletion, or other
/// text. `None` for a greeting.
fn shape(text: &str) -> Option<&'static str> {
    let words: Vec<&str> = text.split_ascii_whitespace().take(3).collect();
    let number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    match words.as_slice() {
        [a, b] if number(a) && number(b) => Some("pop3.shape.two_numbers"),
        [a, b, ..] if number(a) && b.to_ascii_lowercase().starts_with("message") => {
            Some("pop3.shape.listing")
        }
        [a, b, ..] if number(a) && b.to_ascii_lowercase().starts_with("octet") => {
            Some("pop3.shape.octets")
        }
        // RFC 1939 §7: a unique-id is 1 to 70 characters from 0x21 to 0x7E.
        [a, b] if number(a) && b.len() <= 70 && b.bytes().all(|c| (0x21..=0x7e).contains(&c)) => {
            Some("pop3.shape.unique_id")
        }
        [] => Some("pop3.shape.bare"),
        // RFC 1939's own answers to PASS and APOP: "maildrop locked and ready",
        // "mrose's maildrop has 2 messages (320 octets)".
        _ if text.to_ascii_lowercase().contains("maildrop") => Some("pop3.shape.maildrop"),
        _ if text.to_ascii_lowercase().contains("delete") => Some("pop3.shape.deleted"),
        _ if !looks_like_greeting(text) => Some("pop3.shape.text"),
        _ => None,
    }
}

/// Whether `+OK` text reads like a greeting: a server announcing itself, or an
/// APOP timestamp `<...@...>`.
fn looks_like_greeting(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    (text.contains('<') && text.contains('@'))
        || [
            "ready", "pop3", "pop ", "welcome", "hello", "server", "service",
        ]
        .iter()
        .any(|w| lower.contains(w))
}
