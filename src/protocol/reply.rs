//! Client-side reply classifiers: split a server line into its parts, the way a
//! client reads it. Pure and total: any input, including garbage, gives an answer.

pub use super::is_known_command;
use super::{command, parse_command_line, Multiline, Protocol};

/// The kind of an IMAP response line (RFC 3501 §2.2.2, §7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImapKind {
    /// `a1 OK ...`: the tagged completion of a command.
    Tagged,
    /// `* ...`: untagged data or status.
    Untagged,
    /// `+ ...`: command continuation request.
    Continuation,
    /// Anything else (part of a literal, garbage).
    Other,
}

/// An IMAP response line split into parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImapLine<'a> {
    pub kind: ImapKind,
    /// The tag of a tagged line (`a1`), `*` or `+` otherwise, empty for [`ImapKind::Other`].
    pub tag: &'a str,
    /// `OK`, `NO`, `BAD`, `BYE` or `PREAUTH` in upper case when the line is a status response.
    pub status: Option<String>,
    /// For untagged data: the message number of `* 3 FETCH`, `* 4 EXISTS`.
    pub number: Option<u32>,
    /// For untagged data: the data keyword in upper case (`FETCH`, `CAPABILITY`, `LIST`).
    pub keyword: Option<String>,
    /// The response code atom in upper case (`TRYCREATE`, `UIDNEXT`), without brackets.
    pub code: Option<String>,
    /// The response code's arguments (`4392` of `[UIDNEXT 4392]`).
    pub code_args: Option<&'a str>,
    /// The human-readable text after status and code, or the data after the keyword.
    pub text: &'a str,
    /// `Some(N)` when the line ends with a literal announcement `{N}` or `{N+}`.
    pub literal: Option<u64>,
}

const IMAP_STATUSES: [&str; 5] = ["OK", "NO", "BAD", "BYE", "PREAUTH"];

/// Splits an IMAP response line into tag / status / response code / text.
pub fn imap(line: &str) -> ImapLine<'_> {
    let line = line.trim_end_matches(['\r', '\n']);
    let literal = literal_size(line);
    let (first, rest) = word(line);
    let mut out = ImapLine {
        kind: ImapKind::Other,
        tag: "",
        status: None,
        number: None,
        keyword: None,
        code: None,
        code_args: None,
        text: line,
        literal,
    };
    if first.is_empty() {
        return out;
    }
    match first {
        "+" => {
            out.kind = ImapKind::Continuation;
            out.tag = "+";
            let (code, args, text) = response_code(rest);
            out.code = code;
            out.code_args = args;
            out.text = text;
            return out;
        }
        "*" => {
            out.kind = ImapKind::Untagged;
            out.tag = "*";
        }
        t if is_tag(t) => {
            out.kind = ImapKind::Tagged;
            out.tag = t;
        }
        _ => return out,
    }
    let (second, after) = word(rest);
    let upper = second.to_ascii_uppercase();
    if IMAP_STATUSES.contains(&upper.as_str()) {
        out.status = Some(upper);
        let (code, args, text) = response_code(after);
        out.code = code;
        out.code_args = args;
        out.text = text;
    } else if out.kind == ImapKind::Untagged {
        if let Ok(n) = second.parse::<u32>() {
            out.number = Some(n);
            let (kw, data) = word(after);
            out.keyword = Some(kw.to_ascii_uppercase());
            out.text = data;
        } else {
            out.keyword = Some(upper);
            out.text = after;
        }
    } else {
        // A tagged line without a status is not valid IMAP; keep the words as text.
        out.text = rest;
    }
    out
}

/// True when `s` can be an IMAP tag (RFC 3501 §9 `tag`: ASTRING-CHAR except `+`).
fn is_tag(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|b| {
            b.is_ascii_graphic()
                && !matches!(b, b'(' | b')' | b'{' | b'%' | b'*' | b'"' | b'\\' | b'+')
        })
}

/// Splits `[CODE args] text` into code, args and text.
fn response_code(s: &str) -> (Option<String>, Option<&str>, &str) {
    let Some(inner) = s.strip_prefix('[') else {
        return (None, None, s);
    };
    // The code ends at the matching `]`; codes such as BADCHARSET (UTF-8) or
    // PERMANENTFLAGS (\Seen \*) hold parentheses but no brackets.
    let Some(end) = inner.find(']') else {
        return (None, None, s);
    };
    let body = &inner[..end];
    let text = inner[end + 1..].trim_start_matches(' ');
    let (atom, args) = word(body);
    let args = if args.is_empty() { None } else { Some(args) };
    (Some(atom.to_ascii_uppercase()), args, text)
}

/// `Some(N)` when the line ends with `{N}` or `{N+}` (RFC 3501 §4.3, RFC 7888).
pub fn literal_size(line: &str) -> Option<u64> {
    let line = line.trim_end_matches(['\r', '\n']);
    let inner = line.strip_suffix('}')?;
    let open = inner.rfind('{')?;
    let digits = &inner[open + 1..];
    let digits = digits.strip_suffix('+').unwrap_or(digits);
    if digits.is_empty() || digits.len() > 19 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// An SMTP reply line split into parts (RFC 5321 §4.2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SmtpLine<'a> {
    /// The three-digit reply code.
    pub code: u16,
    /// True for the last line of a reply (`250 ` or a bare `250`), false for `250-`.
    pub is_last: bool,
    /// The enhanced status code (`5.7.1`, RFC 3463) when the text starts with one.
    pub enhanced: Option<EnhancedCode>,
    /// The text after code and enhanced code.
    pub text: &'a str,
}

/// An RFC 3463 enhanced status code `class.subject.detail`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EnhancedCode {
    pub class: u8,
    pub subject: u16,
    pub detail: u16,
}

impl std::fmt::Display for EnhancedCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.class, self.subject, self.detail)
    }
}

impl EnhancedCode {
    /// Parses `5.7.1` (RFC 3463 §2: class 2, 4 or 5; subject and detail 1-3 digits).
    pub fn parse(s: &str) -> Option<EnhancedCode> {
        let mut parts = s.split('.');
        let class = parts.next()?;
        let subject = parts.next()?;
        let detail = parts.next()?;
        if parts.next().is_some() {
            return None;
        }
        let num = |p: &str, max: usize| -> Option<u16> {
            if p.is_empty() || p.len() > max || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            p.parse().ok()
        };
        let class = num(class, 1)? as u8;
        if !matches!(class, 2 | 4 | 5) {
            return None;
        }
        Some(EnhancedCode {
            class,
            subject: num(subject, 3)?,
            detail: num(detail, 3)?,
        })
    }
}

/// Parses an SMTP reply line; `None` when it does not start with a three-digit code
/// followed by a space, a dash or the end of the line.
pub fn smtp(line: &str) -> Option<SmtpLine<'_>> {
    let line = line.trim_end_matches(['\r', '\n']);
    let digits = line.get(..3)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !(b'2'..=b'5').contains(&digits.as_bytes()[0])
    {
        return None;
    }
    let code: u16 = digits.parse().ok()?;
    let rest = &line[3..];
    let (is_last, text) = match rest.as_bytes().first() {
        None => (true, ""),
        Some(b' ') => (true, &rest[1..]),
        Some(b'-') => (false, &rest[1..]),
        Some(_) => return None,
    };
    let (first, after) = word(text);
    let (enhanced, text) = match EnhancedCode::parse(first) {
        Some(e) => (Some(e), after),
        None => (None, text),
    };
    Some(SmtpLine {
        code,
        is_last,
        enhanced,
        text,
    })
}

/// A POP3 reply line (RFC 1939 §3, RFC 2449 §8 response codes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pop3Line<'a> {
    /// `+OK text`.
    Ok { code: Option<String>, text: &'a str },
    /// `-ERR [CODE] text`.
    Err { code: Option<String>, text: &'a str },
    /// `+ base64` SASL continuation (RFC 5034 §4).
    Continuation(&'a str),
    /// `.` alone: the end of a multi-line answer.
    Terminator,
    /// A line of a multi-line answer (dot-stuffing undone: `..x` is `.x`).
    Data(&'a str),
}

/// Classifies a POP3 line.
pub fn pop3(line: &str) -> Pop3Line<'_> {
    let line = line.trim_end_matches(['\r', '\n']);
    if line == "." {
        return Pop3Line::Terminator;
    }
    if let Some(rest) = strip_prefix_ci(line, "+OK") {
        if rest.is_empty() || rest.starts_with(' ') {
            let (code, _, text) = response_code(rest.trim_start_matches(' '));
            return Pop3Line::Ok { code, text };
        }
    }
    if let Some(rest) = strip_prefix_ci(line, "-ERR") {
        if rest.is_empty() || rest.starts_with(' ') {
            let (code, _, text) = response_code(rest.trim_start_matches(' '));
            return Pop3Line::Err { code, text };
        }
    }
    if line == "+" {
        return Pop3Line::Continuation("");
    }
    if let Some(rest) = line.strip_prefix("+ ") {
        return Pop3Line::Continuation(rest);
    }
    Pop3Line::Data(line.strip_prefix('.').unwrap_or(line))
}

/// True when a successful POP3 answer to `command_line` (e.g. `LIST`, `RETR 1`)
/// is multi-line, i.e. ends with a lone `.` (RFC 1939 §3).
pub fn pop3_is_multiline(command_line: &str) -> bool {
    let Some(cl) = parse_command_line(Protocol::Pop3, command_line) else {
        return false;
    };
    match cl.spec.map(|s| s.multiline) {
        Some(Multiline::Always) => true,
        Some(Multiline::WithoutArgs) => cl.args.trim().is_empty(),
        _ => false,
    }
}

/// True when `word` is a POP3 command whose answer can be multi-line.
pub fn pop3_may_be_multiline(word: &str) -> bool {
    command(Protocol::Pop3, word).is_some_and(|c| c.multiline != Multiline::Never)
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        Some(&s[prefix.len()..])
    } else {
        None
    }
}

/// First space-separated word and the rest (leading spaces removed).
fn word(s: &str) -> (&str, &str) {
    match s.find(' ') {
        Some(i) => (&s[..i], s[i..].trim_start_matches(' ')),
        None => (s, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imap_lines_split() {
        let l = imap("a1 OK [READ-WRITE] SELECT completed\r\n");
        assert_eq!(l.kind, ImapKind::Tagged);
        assert_eq!((l.tag, l.status.as_deref()), ("a1", Some("OK")));
        assert_eq!(
            (l.code.as_deref(), l.code_args, l.text),
            (Some("READ-WRITE"), None, "SELECT completed")
        );
        let l = imap("* OK [UIDNEXT 4392] Predicted next UID");
        assert_eq!(
            (l.code.as_deref(), l.code_args),
            (Some("UIDNEXT"), Some("4392"))
        );
        let l = imap("* 12 FETCH (FLAGS (\\Seen) BODY[] {342}");
        assert_eq!(
            (l.number, l.keyword.as_deref(), l.literal),
            (Some(12), Some("FETCH"), Some(342))
        );
        let l = imap("* CAPABILITY IMAP4rev1 IDLE");
        assert_eq!(
            (l.keyword.as_deref(), l.text),
            (Some("CAPABILITY"), "IMAP4rev1 IDLE")
        );
        let l = imap("+ Ready for literal data");
        assert_eq!(l.kind, ImapKind::Continuation);
        let l = imap("* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited");
        assert_eq!(l.code_args, Some("(\\Deleted \\Seen \\*)"));
        assert_eq!(imap("").kind, ImapKind::Other);
        assert_eq!(imap("(garbage").kind, ImapKind::Other);
        assert_eq!(imap("* OK [unterminated").code, None);
    }

    #[test]
    fn smtp_lines_split() {
        let l = smtp("250-PIPELINING").unwrap();
        assert_eq!((l.code, l.is_last, l.text), (250, false, "PIPELINING"));
        let l = smtp("554 5.7.1 <x@y>: Relay access denied").unwrap();
        assert_eq!(
            l.enhanced,
            Some(EnhancedCode {
                class: 5,
                subject: 7,
                detail: 1
            })
        );
        assert_eq!(l.text, "<x@y>: Relay access denied");
        assert!(smtp("250").unwrap().is_last);
        assert!(smtp("25").is_none());
        assert!(smtp("2500 x").is_none());
        assert!(smtp("hello").is_none());
        assert!(smtp("699 x").is_none());
        assert_eq!(smtp("220 1.2.3 x").unwrap().enhanced, None);
        assert_eq!(EnhancedCode::parse("4.7.30").unwrap().detail, 30);
        assert!(EnhancedCode::parse("5.7").is_none());
        assert!(EnhancedCode::parse("5.7.1234").is_none());
    }

    #[test]
    fn pop3_lines_classify() {
        assert_eq!(
            pop3("+OK 2 320"),
            Pop3Line::Ok {
                code: None,
                text: "2 320"
            }
        );
        assert_eq!(
            pop3("-ERR [AUTH] Authentication failed."),
            Pop3Line::Err {
                code: Some("AUTH".into()),
                text: "Authentication failed."
            }
        );
        assert_eq!(
            pop3("-ERR [SYS/TEMP] x"),
            Pop3Line::Err {
                code: Some("SYS/TEMP".into()),
                text: "x"
            }
        );
        assert_eq!(pop3("+ "), Pop3Line::Continuation(""));
        assert_eq!(pop3(".\r\n"), Pop3Line::Terminator);
        assert_eq!(pop3("..hidden"), Pop3Line::Data(".hidden"));
        assert_eq!(pop3("+OKAY"), Pop3Line::Data("+OKAY"));
        assert!(pop3_is_multiline("LIST"));
        assert!(!pop3_is_multiline("list 1"));
        assert!(pop3_is_multiline("RETR 1"));
        assert!(!pop3_is_multiline("STAT"));
        assert!(pop3_may_be_multiline("uidl"));
    }
}
