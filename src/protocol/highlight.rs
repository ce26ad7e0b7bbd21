//! Syntax highlighting of protocol lines: pure functions that return the line with
//! ANSI colour codes added (owo-colors). The visible characters are never changed,
//! only wrapped, so the coloured line has the same width as the plain one (the
//! REPL's live input highlighting relies on that). Callers decide whether colour is
//! wanted at all (`--color`, NO_COLOR, terminals).

use owo_colors::{OwoColorize, Style};

use super::reply::{self, Pop3Line};
use super::{is_known_command, parse_command_line, Protocol};

const TAG: Style = Style::new().blue().bold();
const UNTAGGED: Style = Style::new().yellow().bold();
const CONTINUATION: Style = Style::new().magenta().bold();
const OK: Style = Style::new().green().bold();
const NO: Style = Style::new().yellow().bold();
const BAD: Style = Style::new().red().bold();
const BYE: Style = Style::new().magenta().bold();
const CODE: Style = Style::new().cyan();
const FLAG: Style = Style::new().magenta();
const NUMBER: Style = Style::new().bright_blue();
const QUOTED: Style = Style::new().green();
const LITERAL: Style = Style::new().bright_magenta().bold();
const KEYWORD: Style = Style::new().bold();
const COMMAND: Style = Style::new().cyan().bold();
const UNKNOWN: Style = Style::new().yellow().bold().underline();
const DIM: Style = Style::new().dimmed();
/// The RFC reference at the end of an explanation; the text itself keeps the
/// terminal's own colour (no dim, no italic: explanations are the point).
const REFERENCE: Style = Style::new().cyan();
const SMTP_2: Style = Style::new().green().bold();
const SMTP_3: Style = Style::new().cyan().bold();
const SMTP_4: Style = Style::new().yellow().bold();
const SMTP_5: Style = Style::new().red().bold();

fn paint(out: &mut String, s: &str, style: Style) {
    if !s.is_empty() {
        out.push_str(&s.style(style).to_string());
    }
}

/// Paints a word that may carry trailing spaces: the spaces stay unstyled.
fn paint_word(out: &mut String, s: &str, style: Style) {
    let word = s.trim_end_matches(' ');
    paint(out, word, style);
    out.push_str(&s[word.len()..]);
}

/// Highlights one line received from the server.
///
/// IMAP: tag, `*`, `+`, OK/NO/BAD/BYE/PREAUTH, `[RESPONSE-CODE ...]`, data
/// keywords, flags (`\Seen`), numbers, quoted strings and literal markers `{N}`.
/// SMTP: the reply code coloured by class (2xx, 3xx, 4xx, 5xx) and the enhanced
/// status code. POP3: `+OK`, `-ERR`, response codes, `+` continuations, the `.`
/// terminator.
pub fn server_line(p: Protocol, line: &str) -> String {
    match p {
        Protocol::Imap => imap_server(line),
        Protocol::Smtp => smtp_server(line),
        Protocol::Pop3 => pop3_server(line),
    }
}

fn status_style(status: &str) -> Style {
    match status {
        "OK" | "PREAUTH" => OK,
        "NO" => NO,
        "BAD" => BAD,
        _ => BYE,
    }
}

fn imap_server(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 64);
    let (first, rest) = split_keep(line);
    match first.trim_end() {
        "*" => paint_word(&mut out, first, UNTAGGED),
        "+" => {
            paint_word(&mut out, first, CONTINUATION);
            paint(&mut out, rest, DIM);
            return out;
        }
        // A tag only when a status follows: `hello world` inside a body is no tagged line.
        t if !t.is_empty() && {
            let r = reply::imap(line);
            r.kind == reply::ImapKind::Tagged && r.status.is_some()
        } =>
        {
            paint_word(&mut out, first, TAG)
        }
        _ => {
            tokens(&mut out, line);
            return out;
        }
    }
    let (second, after) = split_keep(rest);
    let word = second.trim_end().to_ascii_uppercase();
    if ["OK", "NO", "BAD", "BYE", "PREAUTH"].contains(&word.as_str()) {
        paint_word(&mut out, second, status_style(&word));
        let mut text = after;
        if text.starts_with('[') {
            if let Some(end) = text.find(']') {
                paint(&mut out, &text[..=end], CODE);
                text = &text[end + 1..];
            }
        }
        out.push_str(text);
    } else if second.trim_end().bytes().all(|b| b.is_ascii_digit()) && !second.trim().is_empty() {
        paint_word(&mut out, second, NUMBER);
        let (kw, data) = split_keep(after);
        paint_word(&mut out, kw, KEYWORD);
        tokens(&mut out, data);
    } else {
        paint_word(&mut out, second, KEYWORD);
        tokens(&mut out, after);
    }
    out
}

/// Splits off the first word, keeping the spaces after it with the word.
fn split_keep(s: &str) -> (&str, &str) {
    match s.find(' ') {
        Some(i) => {
            let end = s[i..].find(|c| c != ' ').map_or(s.len(), |j| i + j);
            (&s[..end], &s[end..])
        }
        None => (s, ""),
    }
}

/// Colours the argument tokens of an IMAP line: quoted strings, flags, numbers,
/// literal markers; everything else unchanged.
fn tokens(out: &mut String, s: &str) {
    let mut i = 0;
    let bytes = s.as_bytes();
    let mut plain_start = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let at_word_start = i == 0 || matches!(bytes[i - 1], b' ' | b'(' | b')' | b'[' | b']');
        let span: Option<(usize, Style)> = if b == b'"' {
            // Quoted string with backslash escapes; an unterminated one runs to the end.
            let mut j = i + 1;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            Some(((j + 1).min(bytes.len()), QUOTED))
        } else if b == b'\\' && at_word_start {
            let j = i + 1 + atom_len(&bytes[i + 1..]);
            Some((j, FLAG))
        } else if b == b'{' {
            // `{N}` / `{N+}` is short: look a few bytes ahead only, so a line full
            // of `{` stays linear.
            let j = bytes[i..]
                .iter()
                .take(24)
                .position(|&c| c == b'}')
                .map(|k| i + k + 1);
            match j {
                Some(j) if reply::literal_size(&s[i..j]).is_some() => Some((j, LITERAL)),
                _ => None,
            }
        } else if b.is_ascii_digit() && at_word_start {
            let n = bytes[i..]
                .iter()
                .take_while(|c| c.is_ascii_digit() || matches!(c, b':' | b',' | b'*'))
                .count();
            let end = i + n;
            let ends_word =
                end == bytes.len() || matches!(bytes[end], b' ' | b')' | b']' | b'(' | b'>');
            ends_word.then_some((end, NUMBER))
        } else {
            None
        };
        match span {
            Some((end, style)) => {
                out.push_str(&s[plain_start..i]);
                paint(out, &s[i..end], style);
                i = end;
                plain_start = end;
            }
            None => i += 1,
        }
    }
    out.push_str(&s[plain_start.min(s.len())..]);
}

/// Length of an IMAP atom (flag name) at the start of `b`; `*` counts (`\*`).
fn atom_len(b: &[u8]) -> usize {
    b.iter()
        .take_while(|&&c| {
            c.is_ascii_graphic() && !matches!(c, b'(' | b')' | b'{' | b'"' | b'\\' | b']' | b'[')
        })
        .count()
}

fn smtp_server(line: &str) -> String {
    let Some(r) = reply::smtp(line) else {
        return line.to_string();
    };
    let style = match r.code / 100 {
        2 => SMTP_2,
        3 => SMTP_3,
        4 => SMTP_4,
        _ => SMTP_5,
    };
    let mut out = String::with_capacity(line.len() + 32);
    // The first four bytes are the code and its separator (checked by reply::smtp).
    let head = line.get(..4).unwrap_or(line);
    paint_word(&mut out, head, style);
    let rest = line.get(head.len()..).unwrap_or("");
    if r.enhanced.is_some() {
        let (enh, after) = split_keep(rest);
        paint_word(&mut out, enh, style.remove_effect(owo_colors::Effect::Bold));
        out.push_str(after);
    } else {
        out.push_str(rest);
    }
    out
}

fn pop3_server(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 32);
    match reply::pop3(line) {
        Pop3Line::Ok { .. } | Pop3Line::Err { .. } => {
            let ok = line.get(..1) == Some("+");
            let len = if ok { 3 } else { 4 };
            paint(
                &mut out,
                line.get(..len).unwrap_or(line),
                if ok { OK } else { BAD },
            );
            let rest = line.get(len..).unwrap_or("");
            let trimmed = rest.trim_start_matches(' ');
            out.push_str(&rest[..rest.len() - trimmed.len()]);
            if trimmed.starts_with('[') {
                if let Some(end) = trimmed.find(']') {
                    paint(&mut out, &trimmed[..=end], CODE);
                    out.push_str(&trimmed[end + 1..]);
                    return out;
                }
            }
            out.push_str(trimmed);
        }
        Pop3Line::Continuation(_) => {
            paint(&mut out, line.get(..1).unwrap_or(line), CONTINUATION);
            paint(&mut out, line.get(1..).unwrap_or(""), DIM);
        }
        Pop3Line::Terminator => paint(&mut out, line, DIM),
        Pop3Line::Data(_) => out.push_str(line),
    }
    out
}

/// Highlights a line the learner typed: the tag (IMAP), the command word (an
/// unknown command in a warning colour) and the arguments (quoted strings, flags,
/// numbers, literal markers).
pub fn client_line(p: Protocol, line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 48);
    let lead = line.len() - line.trim_start().len();
    out.push_str(&line[..lead]);
    let body = &line[lead..];
    let Some(cl) = parse_command_line(p, body) else {
        out.push_str(body);
        return out;
    };
    let mut rest = body;
    if let Some(tag) = cl.tag {
        let (t, after) = split_keep(rest);
        debug_assert!(t.starts_with(tag));
        paint_word(&mut out, t, TAG);
        rest = after;
    }
    // The command name may be two words (UID FETCH); it is a prefix of `rest`.
    let name_len = cl.name.len().min(rest.len());
    let (name, after) = rest.split_at(name_len);
    let known = cl.spec.is_some() || is_known_command(p, name);
    paint(&mut out, name, if known { COMMAND } else { UNKNOWN });
    tokens(&mut out, after);
    out
}

/// Styles an explanation, as shown under a server line: the text in the terminal's
/// default colour, a trailing `(RFC … §…)` reference in cyan. Only the 16 basic
/// colours are used, never SGR 2 (dim) or 3 (italic).
pub fn explanation(text: &str) -> String {
    match reference_start(text) {
        Some(i) => format!("{}{}", &text[..i], (&text[i..]).style(REFERENCE)),
        None => text.to_string(),
    }
}

/// Where a trailing `(RFC …)` reference starts, if the text ends with one.
fn reference_start(text: &str) -> Option<usize> {
    let i = text.rfind("(RFC ")?;
    text.ends_with(')').then_some(i)
}

/// Removes ANSI escape sequences (CSI `ESC [ ... letter`), e.g. to measure or
/// compare highlighted text.
pub fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLES: &[(Protocol, &str)] = &[
        (Protocol::Imap, "a1 OK [READ-WRITE] SELECT completed"),
        (Protocol::Imap, "* 1 FETCH (FLAGS (\\Seen \\*) BODY[] {342}"),
        (Protocol::Imap, "* LIST (\\HasNoChildren) \"/\" \"INBOX\""),
        (Protocol::Imap, "+ Ready"),
        (Protocol::Imap, "* SEARCH 1 2 3"),
        (Protocol::Imap, "garbage \"unterminated \\"),
        (Protocol::Imap, "{"),
        (Protocol::Smtp, "250-PIPELINING"),
        (Protocol::Smtp, "554 5.7.1 <x>: Relay access denied"),
        (Protocol::Smtp, "nonsense"),
        (Protocol::Pop3, "+OK 2 320"),
        (Protocol::Pop3, "-ERR [AUTH] Authentication failed."),
        (Protocol::Pop3, "+ "),
        (Protocol::Pop3, "."),
        (Protocol::Pop3, "ünïcödé"),
    ];

    #[test]
    fn highlighting_never_changes_the_visible_text() {
        for (p, line) in SAMPLES {
            assert_eq!(strip_ansi(&server_line(*p, line)), *line, "{p}: {line}");
            assert_eq!(strip_ansi(&client_line(*p, line)), *line, "{p}: {line}");
        }
        for line in [
            "a1 select INBOX",
            "  LOGIN alex \"dr ums\"",
            "UID FETCH 1:* (FLAGS)",
            "frob",
        ] {
            assert_eq!(strip_ansi(&client_line(Protocol::Imap, line)), line);
        }
    }

    #[test]
    fn parts_get_their_colours() {
        let s = server_line(Protocol::Imap, "a1 BAD [CLIENTBUG] nope");
        assert!(s.contains(&"BAD".style(BAD).to_string()));
        assert!(s.contains(&"[CLIENTBUG]".style(CODE).to_string()));
        let s = server_line(Protocol::Imap, "* 1 FETCH (FLAGS (\\Seen) BODY[] {342}");
        assert!(s.contains(&"\\Seen".style(FLAG).to_string()));
        assert!(s.contains(&"{342}".style(LITERAL).to_string()));
        let s = server_line(Protocol::Smtp, "550 5.1.1 unknown");
        assert!(s.contains(&"550".style(SMTP_5).to_string()));
        let s = server_line(Protocol::Imap, "a7 OK [APPENDUID 1 2] \"quoted\" 42");
        assert!(s.contains(&"a7".style(TAG).to_string()));
        assert!(s.contains(&"OK".style(OK).to_string()));
        assert!(s.contains(&"[APPENDUID 1 2]".style(CODE).to_string()));
        let s = server_line(Protocol::Imap, "* LIST (\\HasNoChildren) \"/\" INBOX");
        assert!(s.contains(&"*".style(UNTAGGED).to_string()));
        assert!(s.contains(&"\"/\"".style(QUOTED).to_string()));
        let s = server_line(Protocol::Imap, "* 3 EXISTS");
        assert!(s.contains(&"3".style(NUMBER).to_string()));
        let s = server_line(Protocol::Imap, "+ idling");
        assert!(s.contains(&"+".style(CONTINUATION).to_string()));
        // Message text is not mistaken for a tagged reply.
        assert_eq!(server_line(Protocol::Imap, "hello world"), "hello world");
        let s = server_line(Protocol::Smtp, "250-2.1.0 Ok");
        assert!(s.contains(&"250-".style(SMTP_2).to_string()));
        let s = server_line(Protocol::Smtp, "451 4.3.0 later");
        assert!(s.contains(&"451".style(SMTP_4).to_string()));
        assert!(s.contains(
            &"4.3.0"
                .style(SMTP_4.remove_effect(owo_colors::Effect::Bold))
                .to_string()
        ));
        let s = server_line(Protocol::Smtp, "354 go");
        assert!(s.contains(&"354".style(SMTP_3).to_string()));
        let s = server_line(Protocol::Pop3, "-ERR [IN-USE] locked");
        assert!(s.contains(&"-ERR".style(BAD).to_string()));
        assert!(s.contains(&"[IN-USE]".style(CODE).to_string()));
        let s = server_line(Protocol::Pop3, "+OK 2 320");
        assert!(s.contains(&"+OK".style(OK).to_string()));
        let s = client_line(Protocol::Imap, "x1 SELECT \"Sent Items\"");
        assert!(s.contains(&"x1".style(TAG).to_string()));
        assert!(s.contains(&"SELECT".style(COMMAND).to_string()));
        assert!(s.contains(&"\"Sent Items\"".style(QUOTED).to_string()));
        let s = client_line(Protocol::Imap, "STORE 1:* +FLAGS (\\Deleted)");
        assert!(s.contains(&"1:*".style(NUMBER).to_string()));
        assert!(s.contains(&"\\Deleted".style(FLAG).to_string()));
        let s = client_line(Protocol::Smtp, "RCPT TO:<a@b>");
        assert!(s.contains(&"RCPT".style(COMMAND).to_string()));
        let s = client_line(Protocol::Pop3, "SELECT 1");
        assert!(s.contains(&"SELECT".style(UNKNOWN).to_string()));
        let s = client_line(Protocol::Imap, "FROB x");
        assert!(s.contains(&"FROB".style(UNKNOWN).to_string()));
        let s = client_line(Protocol::Imap, "select INBOX");
        assert!(s.contains(&"select".style(COMMAND).to_string()));
        assert!(explanation("x").contains('x'));
    }
}
