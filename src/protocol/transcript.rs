//! Turning what a student pastes into a `C:`/`S:` transcript for `maillab explain`:
//! maillab's own transcripts (`--transcript`, script mode: explanation and note lines
//! dropped), and the debug output of Python's mail clients, which prints each line as
//! a Python literal:
//!
//! - imaplib with `imaplib.Debug = 4`: `  12:01.05 > b'a001 LOGIN ...'` (sent) and
//!   `  12:01.05 < b'* OK ...'` (received); literal contents are not printed, only
//!   `read literal size N`.
//! - smtplib with `set_debuglevel(1)` (or 2, with a time in front): `send: 'EHLO x\r\n'`
//!   (a str or, for the message, bytes holding many lines) and `reply: b'250 ...\r\n'`.
//! - poplib with `set_debuglevel(1)` or `(2)`: `*cmd* 'USER alex'`, `*resp* b'+OK'`, and
//!   at level 2 `*put*` (the same as `*cmd*`) and `*get*` (every line received, data
//!   lines included, where `*resp*` has only the first line of a reply).
//!
//! Pure: text in, text out; the protocol is recognised from the lines when it can be.

use super::Protocol;

/// Where a pasted text came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// `C:`/`S:` lines (maillab's transcripts, RFC examples).
    Transcript,
    /// Python's imaplib debug output.
    Imaplib,
    /// Python's smtplib debug output.
    Smtplib,
    /// Python's poplib debug output.
    Poplib,
    /// Anything else: server lines as they came.
    Raw,
}

impl Source {
    /// The protocol the source implies, if any.
    pub fn protocol(self) -> Option<Protocol> {
        match self {
            Source::Imaplib => Some(Protocol::Imap),
            Source::Smtplib => Some(Protocol::Smtp),
            Source::Poplib => Some(Protocol::Pop3),
            Source::Transcript | Source::Raw => None,
        }
    }
}

/// A pasted text made ready for the explainer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalised {
    pub source: Source,
    /// The protocol, when the source or the lines tell it.
    pub protocol: Option<Protocol>,
    /// `C: ` and `S: ` lines (the raw text unchanged for [`Source::Raw`]).
    pub text: String,
}

/// Recognises the form of `input` and rewrites it as a `C:`/`S:` transcript.
pub fn normalise(input: &str) -> Normalised {
    let source = detect(input);
    let text = match source {
        Source::Imaplib => from_imaplib(input),
        Source::Smtplib => from_smtplib(input),
        Source::Poplib => from_poplib(input),
        Source::Transcript => from_transcript(input),
        Source::Raw => input.to_string(),
    };
    let protocol = source.protocol().or_else(|| match source {
        Source::Transcript => transcript_protocol(&text),
        _ => None,
    });
    Normalised {
        source,
        protocol,
        text,
    }
}

/// Which form the text is in: the first line that is recognisably one decides.
pub fn detect(input: &str) -> Source {
    for line in input.lines() {
        if imaplib_line(line).is_some() {
            return Source::Imaplib;
        }
        if smtplib_line(line).is_some() {
            return Source::Smtplib;
        }
        if poplib_line(line).is_some() {
            return Source::Poplib;
        }
    }
    if input.lines().any(|l| side(l).is_some()) {
        Source::Transcript
    } else {
        Source::Raw
    }
}

/// `C: x` → (true, "x"), `S: x` → (false, "x").
fn side(line: &str) -> Option<(bool, &str)> {
    let (client, rest) = if let Some(r) = line.strip_prefix("C:") {
        (true, r)
    } else {
        (false, line.strip_prefix("S:")?)
    };
    Some((client, rest.strip_prefix(' ').unwrap_or(rest)))
}

/// Keeps the wire lines of a transcript; explanation (`   = `), note (`-- `),
/// warning (`!! `), meta (`M: `) and meta output lines go.
fn from_transcript(input: &str) -> String {
    let mut out = String::new();
    for line in input.lines() {
        if let Some((client, rest)) = side(line) {
            out.push_str(if client { "C: " } else { "S: " });
            out.push_str(rest);
            out.push('\n');
        }
    }
    out
}

/// The protocol of a transcript: the first server line that decides it (the
/// greeting, normally), else the first client line.
pub fn transcript_protocol(text: &str) -> Option<Protocol> {
    let mut client_guess = None;
    for line in text.lines() {
        let Some((client, rest)) = side(line) else {
            continue;
        };
        let rest = rest.trim();
        if rest.is_empty() {
            continue;
        }
        if client {
            if client_guess.is_none() {
                client_guess = Some(client_protocol(rest));
            }
            continue;
        }
        if let Some(p) = server_protocol(rest) {
            return Some(p);
        }
    }
    client_guess.flatten()
}

/// A server line that can only be one protocol's.
fn server_protocol(line: &str) -> Option<Protocol> {
    let b = line.as_bytes();
    if b.len() >= 3
        && b[..3].iter().all(u8::is_ascii_digit)
        && matches!(b.get(3), None | Some(b' ' | b'-'))
    {
        return Some(Protocol::Smtp);
    }
    let upper = line.to_ascii_uppercase();
    if upper.starts_with("+OK") || upper.starts_with("-ERR") {
        return Some(Protocol::Pop3);
    }
    if line.starts_with("* ") {
        return Some(Protocol::Imap);
    }
    let mut words = upper.split_ascii_whitespace();
    let (tag, status) = (words.next()?, words.next()?);
    (tag != "+" && matches!(status, "OK" | "NO" | "BAD" | "BYE" | "PREAUTH"))
        .then_some(Protocol::Imap)
}

/// A client line's protocol: tagged commands are IMAP; otherwise by the verb.
fn client_protocol(line: &str) -> Option<Protocol> {
    let upper = line.to_ascii_uppercase();
    let mut words = upper.split_ascii_whitespace();
    let first = words.next()?;
    const SMTP: [&str; 10] = [
        "HELO", "EHLO", "MAIL", "RCPT", "DATA", "BDAT", "RSET", "VRFY", "EXPN", "STARTTLS",
    ];
    const POP3: [&str; 10] = [
        "USER", "PASS", "APOP", "STAT", "RETR", "DELE", "TOP", "UIDL", "CAPA", "STLS",
    ];
    if SMTP.contains(&first) {
        return Some(Protocol::Smtp);
    }
    if POP3.contains(&first) {
        return Some(Protocol::Pop3);
    }
    let second = words.next();
    second
        .filter(|w| super::command(Protocol::Imap, w).is_some())
        .map(|_| Protocol::Imap)
}

/// Undoes Python's `repr` of a str or bytes: `b'..'`, `b".."`, `'..'`, `".."` with
/// the escapes `\\ \' \" \r \n \t \xNN` (and `\uNNNN` in a str). `None` if it is not one.
pub fn python_literal(s: &str) -> Option<Vec<u8>> {
    let s = s.trim();
    let body = s.strip_prefix('b').unwrap_or(s);
    let quote = body.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let inner = body.strip_prefix(quote)?.strip_suffix(quote)?;
    let mut out = Vec::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            continue;
        }
        match chars.next()? {
            'n' => out.push(b'\n'),
            'r' => out.push(b'\r'),
            't' => out.push(b'\t'),
            '0' => out.push(0),
            '\\' => out.push(b'\\'),
            '\'' => out.push(b'\''),
            '"' => out.push(b'"'),
            'x' => {
                let hex: String = chars.by_ref().take(2).collect();
                out.push(u8::from_str_radix(&hex, 16).ok()?);
            }
            'u' => {
                let hex: String = chars.by_ref().take(4).collect();
                let c = char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?;
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
            other => {
                out.push(b'\\');
                let mut buf = [0u8; 4];
                out.extend_from_slice(other.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    Some(out)
}

/// Splits wire bytes into lines without their CRLF (a trailing CRLF ends the last).
fn wire_lines(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let text = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix('\n'))
        .unwrap_or(&text);
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
        .collect()
}

fn push(out: &mut String, client: bool, line: &str) {
    out.push_str(if client { "C: " } else { "S: " });
    out.push_str(line);
    out.push('\n');
}

/// An imaplib debug line: (sent by the client, the literal) or `ReadLiteral(n)`.
enum ImaplibLine<'a> {
    Wire(bool, &'a str),
    ReadLiteral(u64),
}

fn imaplib_line(line: &str) -> Option<ImaplibLine<'_>> {
    // "  12:01.05 > b'...'": a time as MM:SS.hh, then the direction.
    let rest = line.trim_start();
    let (time, rest) = rest.split_once(' ')?;
    let t = time.as_bytes();
    if t.len() != 8 || t[2] != b':' || t[5] != b'.' {
        return None;
    }
    if let Some(n) = rest.strip_prefix("read literal size ") {
        return n.trim().parse().ok().map(ImaplibLine::ReadLiteral);
    }
    let (dir, lit) = rest.split_at_checked(2)?;
    let client = match dir {
        "> " => true,
        "< " => false,
        _ => return None,
    };
    (lit.starts_with("b'") || lit.starts_with("b\"")).then_some(ImaplibLine::Wire(client, lit))
}

fn from_imaplib(input: &str) -> String {
    let mut out = String::new();
    // A server line ending in a literal marker, kept until imaplib says it read the
    // literal (whose octets it never prints) and the rest of the line arrives.
    let mut open: Option<(String, u64)> = None;
    for line in input.lines() {
        match imaplib_line(line) {
            Some(ImaplibLine::ReadLiteral(n)) => {
                if let Some((_, size)) = open.as_mut() {
                    *size = n;
                }
            }
            Some(ImaplibLine::Wire(client, lit)) => {
                let Some(bytes) = python_literal(lit) else {
                    continue;
                };
                let text = wire_lines(&bytes).join(" ");
                if client {
                    for l in wire_lines(&bytes) {
                        push(&mut out, true, &l);
                    }
                    continue;
                }
                if let Some((head, size)) = open.take() {
                    // Stand in for the unprinted literal with a quoted string saying so.
                    let head = strip_literal_marker(&head);
                    let note = crate::tr!("transcript.literal_not_printed", size = size);
                    let joined = format!("{head}\"[{note}]\"{text}");
                    if literal_marker(&joined).is_some() {
                        open = Some((joined, 0));
                    } else {
                        push(&mut out, false, &joined);
                    }
                    continue;
                }
                if literal_marker(&text).is_some() {
                    open = Some((text, 0));
                } else {
                    push(&mut out, false, &text);
                }
            }
            None => {}
        }
    }
    if let Some((head, _)) = open {
        push(&mut out, false, &head);
    }
    out
}

/// The size of a literal marker `{N}` ending a line.
fn literal_marker(line: &str) -> Option<u64> {
    let inner = line.strip_suffix('}')?;
    let open = inner.rfind('{')?;
    inner[open + 1..].trim_end_matches('+').parse().ok()
}

fn strip_literal_marker(line: &str) -> &str {
    line.rfind('{').map_or(line, |i| &line[..i])
}

fn smtplib_line(line: &str) -> Option<(bool, &str)> {
    // At debug level 2 a time comes first: "12:01:05.123456 send: ...".
    let line = match line.split_once(' ') {
        Some((t, rest)) if t.len() >= 8 && t.as_bytes()[2] == b':' && t.as_bytes()[5] == b':' => {
            rest
        }
        _ => line,
    };
    if let Some(lit) = line.strip_prefix("send: ") {
        return python_literal(lit).is_some().then_some((true, lit));
    }
    let lit = line.strip_prefix("reply: ")?;
    // "reply: retcode (250); Msg: ..." repeats the reply: not a wire line.
    (lit.starts_with("b'") || lit.starts_with("b\"")).then_some((false, lit))
}

fn from_smtplib(input: &str) -> String {
    let mut out = String::new();
    for line in input.lines() {
        if let Some((client, lit)) = smtplib_line(line) {
            if let Some(bytes) = python_literal(lit) {
                for l in wire_lines(&bytes) {
                    push(&mut out, client, &l);
                }
            }
        }
    }
    out
}

fn poplib_line(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix('*')?;
    let (kind, lit) = rest.split_once("* ")?;
    matches!(kind, "cmd" | "put" | "get" | "resp")
        .then_some(())
        .and_then(|_| python_literal(lit).map(|_| (kind, lit)))
}

fn from_poplib(input: &str) -> String {
    let lines: Vec<(&str, &str)> = input.lines().filter_map(poplib_line).collect();
    // Level 2 prints every received line as *get*; level 1 only the first as *resp*.
    let has_get = lines.iter().any(|(k, _)| *k == "get");
    let has_cmd = lines.iter().any(|(k, _)| *k == "cmd");
    let mut out = String::new();
    for (kind, lit) in lines {
        let client = match kind {
            "cmd" => true,
            "put" if !has_cmd => true,
            "get" if has_get => false,
            "resp" if !has_get => false,
            _ => continue,
        };
        if let Some(bytes) = python_literal(lit) {
            for l in wire_lines(&bytes) {
                push(&mut out, client, &l);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_literals_are_undone() {
        assert_eq!(python_literal(r"b'a\r\n'").unwrap(), b"a\r\n");
        assert_eq!(python_literal(r#"b"it's""#).unwrap(), b"it's");
        assert_eq!(python_literal(r"'x\\y\x01'").unwrap(), b"x\\y\x01");
        assert_eq!(python_literal(r"b'\\Seen'").unwrap(), b"\\Seen");
        assert!(python_literal("plain words").is_none());
    }

    #[test]
    fn transcripts_keep_wire_lines_and_find_their_protocol() {
        let t = "S: 220 mx ESMTP\n   = 220: greeting (RFC 5321)\nC: EHLO x\n-- a note\nS: 250 mx\n";
        let n = normalise(t);
        assert_eq!(n.source, Source::Transcript);
        assert_eq!(n.protocol, Some(Protocol::Smtp));
        assert_eq!(n.text, "S: 220 mx ESMTP\nC: EHLO x\nS: 250 mx\n");
        assert_eq!(
            transcript_protocol("S: +OK ready\nC: USER a\n"),
            Some(Protocol::Pop3)
        );
        assert_eq!(
            transcript_protocol("S: * OK ready\nC: a1 LOGIN a b\n"),
            Some(Protocol::Imap)
        );
        assert_eq!(
            transcript_protocol("C: a1 SELECT INBOX\n"),
            Some(Protocol::Imap)
        );
        assert_eq!(
            transcript_protocol("C: MAIL FROM:<a@b>\n"),
            Some(Protocol::Smtp)
        );
        assert_eq!(normalise("250 OK").source, Source::Raw);
    }
}
