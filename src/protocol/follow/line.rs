//! A client line parsed once: tag, command, arguments (with which of them are
//! secret), a literal announced at its end and whether a multi-line answer follows.
//!
//! Every part that needs to know what a client line is (the REPL's auto-tagger and
//! masker, the follower, the argument counter after a literal, `maillab explain`)
//! reads this value instead of splitting the line again. What a command is, which
//! arguments it takes and which of them are secret come from the command tables
//! ([`crate::protocol::command`], [`crate::protocol::ArgKind::is_secret`]).

use crate::protocol::{self, CommandSpec, Multiline, Protocol};

/// The mask put in place of a secret.
pub const MASK: &str = "****";

/// One argument of a client line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arg {
    /// The argument as typed (a quoted string keeps its quotes).
    pub text: String,
    /// Byte span of the argument in [`ClientLine::raw`].
    pub span: (usize, usize),
    /// The command table marks this argument as secret (password, APOP digest,
    /// SASL initial response): masked in transcripts and history.
    pub secret: bool,
}

/// A literal announced at the end of a client line: `{N}` (RFC 3501 §4.3) or
/// `{N+}` (RFC 7888).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Literal {
    /// Octets that follow.
    pub size: u64,
    /// `{N+}`: sent without waiting for the server's `+`.
    pub non_sync: bool,
    /// The literal holds a secret argument (`LOGIN alex {5}` then the password).
    pub secret: bool,
}

/// A client line, parsed once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientLine {
    pub protocol: Protocol,
    /// The line as sent, without CRLF.
    pub raw: String,
    /// The IMAP tag (`a1` in `a1 SELECT INBOX`); `None` for SMTP, POP3 and untagged
    /// lines (`DONE`).
    pub tag: Option<String>,
    /// The command in upper case: the table's name when known (`UID FETCH`, `MAIL`),
    /// else the word as sent in upper case. `None` for an empty line.
    pub command: Option<String>,
    /// The command table's entry, when the command is known.
    pub spec: Option<&'static CommandSpec>,
    /// Byte offset in [`ClientLine::raw`] where the arguments start.
    pub args_start: usize,
    /// The arguments: IMAP atoms, quoted strings, parenthesised lists; SMTP and POP3
    /// words. A secret last argument covers the rest of the line (a POP3 password may
    /// hold spaces). A literal marker is not an argument: see [`ClientLine::literal`].
    pub args: Vec<Arg>,
    /// The literal announced at the end of the line, if any (IMAP; SMTP `BDAT n`
    /// announces its chunk the same way).
    pub literal: Option<Literal>,
    /// POP3: a `+OK` answer is followed by data lines up to a lone `.` (RFC 1939 §3).
    /// SMTP replies mark their own continuation lines (`250-`), IMAP counts
    /// literals, so this is false for them.
    pub expects_multiline: bool,
    /// Arguments sent before this line (non-zero for the rest of an IMAP command
    /// after a literal): the index of [`ClientLine::args`]`[0]` in the command's
    /// argument list.
    pub args_before: usize,
}

impl ClientLine {
    /// Parses a line as it goes on the wire (or as a learner typed it).
    ///
    /// IMAP: the first word is the tag when the second word is a command, or when
    /// the first word is no command and can be a tag (`a7 FROB`); `UID` joins the
    /// word after it (`UID FETCH`). SMTP and POP3 lines have no tag.
    pub fn parse(p: Protocol, line: &str) -> ClientLine {
        let raw = line.trim_end_matches(['\r', '\n']).to_string();
        let mut out = ClientLine {
            protocol: p,
            raw,
            tag: None,
            command: None,
            spec: None,
            args_start: 0,
            args: Vec::new(),
            literal: None,
            expects_multiline: false,
            args_before: 0,
        };
        let raw = out.raw.as_str();
        let lead = raw.len() - raw.trim_start().len();
        let (first, after_first) = word_at(raw, lead);
        if first.is_empty() {
            out.args_start = raw.len();
            return out;
        }
        let mut name_at = lead;
        if p == Protocol::Imap {
            let (second, _) = word_at(raw, skip_spaces(raw, after_first));
            let first_cmd = protocol::is_known_command(p, first);
            let second_cmd = !second.is_empty() && protocol::is_known_command(p, second);
            // `UID FETCH` is one command, not a tag `UID` before FETCH.
            let uid_form = first.eq_ignore_ascii_case("UID");
            let tagged =
                !second.is_empty() && is_tag(first) && ((second_cmd && !uid_form) || !first_cmd);
            if tagged {
                out.tag = Some(first.to_string());
                name_at = skip_spaces(raw, after_first);
            }
        }
        let (name, mut after) = word_at(raw, name_at);
        let mut command = name.to_ascii_uppercase();
        let mut spec = protocol::command(p, name);
        if p == Protocol::Imap && command == "UID" {
            let (sub, after_sub) = word_at(raw, skip_spaces(raw, after));
            if let Some(s) = (!sub.is_empty())
                .then(|| protocol::command(p, &format!("UID {sub}")))
                .flatten()
            {
                spec = Some(s);
                command = s.name.clone();
                after = after_sub;
            } else if !sub.is_empty() {
                command = format!("UID {}", sub.to_ascii_uppercase());
                after = after_sub;
            }
        }
        if let Some(s) = spec {
            command = s.name.clone();
        }
        out.command = (!command.is_empty()).then_some(command);
        out.spec = spec;
        out.args_start = skip_spaces(raw, after);
        out.fill_args();
        out.expects_multiline = p == Protocol::Pop3
            && match spec.map(|s| s.multiline) {
                Some(Multiline::Always) => true,
                Some(Multiline::WithoutArgs) => out.args.is_empty(),
                _ => false,
            };
        out
    }

    /// The rest of an IMAP command after a literal (RFC 3501 §4.3): the line that
    /// follows the literal's octets. It belongs to `command`; `args_before` counts
    /// the arguments already sent (the literal included).
    pub fn rest(command: &ClientLine, args_before: usize, line: &str) -> ClientLine {
        let raw = line.trim_end_matches(['\r', '\n']).to_string();
        let mut out = ClientLine {
            protocol: command.protocol,
            raw,
            tag: None,
            command: command.command.clone(),
            spec: command.spec,
            args_start: 0,
            args: Vec::new(),
            literal: None,
            expects_multiline: false,
            args_before,
        };
        out.fill_args();
        out
    }

    fn fill_args(&mut self) {
        let p = self.protocol;
        let raw = self.raw.as_str();
        let kinds = self.spec.map(|s| s.args.as_slice()).unwrap_or(&[]);
        let last_secret = kinds.last().is_some_and(|k| k.is_secret());
        let spans = if p == Protocol::Imap {
            imap_spans(raw, self.args_start)
        } else {
            word_spans(raw, self.args_start)
        };
        let mut args = Vec::new();
        let mut literal = None;
        for (i, &(start, end)) in spans.iter().enumerate() {
            let text = &raw[start..end];
            let is_last = i + 1 == spans.len();
            let index = self.args_before + args.len();
            if is_last && text.starts_with('{') {
                if let Some((size, non_sync)) = literal_marker(text) {
                    let secret = secret_at(kinds, index, last_secret);
                    literal = Some(Literal {
                        size,
                        non_sync,
                        secret,
                    });
                    break;
                }
            }
            if secret_at(kinds, index, last_secret) && index + 1 >= kinds.len() && last_secret {
                // The secret last argument covers the rest of the line, up to a
                // literal marker that ends it.
                let mut end = raw.len();
                if let Some(&(ls, le)) = spans.last().filter(|_| !is_last) {
                    if raw[ls..le].starts_with('{') && literal_marker(&raw[ls..le]).is_some() {
                        end = raw[..ls].trim_end().len();
                        literal = literal_marker(&raw[ls..le]).map(|(size, non_sync)| Literal {
                            size,
                            non_sync,
                            secret: false,
                        });
                    }
                }
                args.push(Arg {
                    text: raw[start..end].to_string(),
                    span: (start, end),
                    secret: true,
                });
                break;
            }
            args.push(Arg {
                text: text.to_string(),
                span: (start, end),
                secret: secret_at(kinds, index, last_secret),
            });
        }
        // SMTP BDAT announces its octets as an argument (RFC 3030 §2).
        if p == Protocol::Smtp && self.command.as_deref() == Some("BDAT") {
            if let Some(size) = args.first().and_then(|a| a.text.parse::<u64>().ok()) {
                literal = Some(Literal {
                    size,
                    non_sync: true,
                    secret: false,
                });
            }
        }
        self.args = args;
        self.literal = literal;
    }

    /// Everything after the command name (arguments as typed).
    pub fn args_text(&self) -> &str {
        self.raw.get(self.args_start..).unwrap_or("")
    }

    /// The line without its tag: `SELECT INBOX` for `a1 SELECT INBOX`.
    pub fn without_tag(&self) -> &str {
        match &self.tag {
            Some(t) => {
                let trimmed = self.raw.trim_start();
                trimmed
                    .get(t.len()..)
                    .map(str::trim_start)
                    .unwrap_or(trimmed)
            }
            None => self.raw.trim_start(),
        }
    }

    /// The command and its arguments, canonical (`SELECT INBOX`, `UID FETCH 1:* FLAGS`).
    pub fn command_line(&self) -> String {
        let cmd = self.command.clone().unwrap_or_default();
        let args = self.args_text();
        if args.is_empty() {
            cmd
        } else {
            format!("{cmd} {args}")
        }
    }

    /// The first argument unquoted (a mailbox name, a user), if it is an atom or a
    /// quoted string.
    pub fn first_arg(&self) -> Option<String> {
        self.arg_value(0)
    }

    /// Argument `i` unquoted (quoted strings lose their quotes and escapes).
    pub fn arg_value(&self, i: usize) -> Option<String> {
        let a = self.args.get(i)?;
        unquote(&a.text)
    }

    /// Whether argument `index` of the whole command (counting from the first, across
    /// literals) is secret by the command table.
    pub fn is_secret_arg(&self, index: usize) -> bool {
        let kinds = self.spec.map(|s| s.args.as_slice()).unwrap_or(&[]);
        secret_at(kinds, index, kinds.last().is_some_and(|k| k.is_secret()))
    }

    /// Arguments of the command sent up to the end of this line (a literal counts
    /// as one when announced).
    pub fn args_through(&self) -> usize {
        self.args_before + self.args.len() + usize::from(self.literal.is_some())
    }

    /// The line with every secret argument replaced by [`MASK`]; a literal marker
    /// stays visible (its octets are masked where they are sent).
    pub fn masked(&self) -> String {
        if !self.args.iter().any(|a| a.secret) {
            return self.raw.clone();
        }
        let mut out = String::with_capacity(self.raw.len());
        let mut pos = 0;
        for a in self.args.iter().filter(|a| a.secret) {
            out.push_str(&self.raw[pos..a.span.0]);
            out.push_str(MASK);
            pos = a.span.1;
        }
        out.push_str(&self.raw[pos..]);
        out
    }

    /// True when the line is empty (nothing but spaces).
    pub fn is_empty(&self) -> bool {
        self.raw.trim().is_empty()
    }
}

/// Counts the IMAP arguments in `text` (atoms, quoted strings, parenthesised lists),
/// not counting a literal marker at the end (completion uses it on a partial line).
pub fn count_args(text: &str) -> usize {
    let spans = imap_spans(text, 0);
    let marker = spans
        .last()
        .is_some_and(|&(s, e)| literal_marker(&text[s..e]).is_some());
    spans.len() - usize::from(marker)
}

/// Whether argument `index` is secret given the table's kinds; the last kind, when
/// secret, covers every later argument.
fn secret_at(kinds: &[protocol::ArgKind], index: usize, last_secret: bool) -> bool {
    match kinds.get(index) {
        Some(k) => k.is_secret(),
        None => last_secret && !kinds.is_empty(),
    }
}

/// A tag is any atom but `+` and `*` (RFC 3501 §9 `tag`).
pub fn is_tag(word: &str) -> bool {
    !word.is_empty()
        && word.bytes().all(|b| {
            b.is_ascii_graphic()
                && !matches!(b, b'(' | b')' | b'{' | b'%' | b'*' | b'"' | b'\\' | b'+')
        })
}

/// `{N}` / `{N+}` / `~{N}` as a whole token: (size, non-sync).
fn literal_marker(token: &str) -> Option<(u64, bool)> {
    let token = token.strip_prefix('~').unwrap_or(token);
    let inner = token.strip_prefix('{')?.strip_suffix('}')?;
    let (digits, non_sync) = match inner.strip_suffix('+') {
        Some(d) => (d, true),
        None => (inner, false),
    };
    if digits.is_empty() || digits.len() > 19 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((digits.parse().ok()?, non_sync))
}

/// The literal a client line ends with (`{N}`, `{N+}`, `~{N}`), whatever comes before.
pub fn trailing_literal(line: &str) -> Option<(u64, bool)> {
    let body = line.trim_end_matches(['\r', '\n']).trim_end();
    let open = body.rfind('{')?;
    let open = if open > 0 && body.as_bytes()[open - 1] == b'~' {
        open - 1
    } else {
        open
    };
    literal_marker(&body[open..])
}

/// Unquotes an IMAP quoted string; an atom stays as it is; a literal marker or a
/// list gives `None`.
pub fn unquote(text: &str) -> Option<String> {
    if let Some(rest) = text.strip_prefix('"') {
        let mut out = String::new();
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => out.push(chars.next()?),
                '"' => return Some(out),
                c => out.push(c),
            }
        }
        None
    } else if text.starts_with(['{', '(']) || text.is_empty() {
        None
    } else {
        Some(text.to_string())
    }
}

fn skip_spaces(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    while i < b.len() && b[i] == b' ' {
        i += 1;
    }
    i
}

/// The word starting at `i` (up to a space) and the index just after it.
fn word_at(s: &str, i: usize) -> (&str, usize) {
    let i = i.min(s.len());
    let end = s[i..].find(' ').map_or(s.len(), |e| i + e);
    (&s[i..end], end)
}

/// Space-separated words from `start`.
fn word_spans(s: &str, start: usize) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = skip_spaces(s, start);
    while i < s.len() {
        let (w, end) = word_at(s, i);
        if !w.is_empty() {
            spans.push((i, end));
        }
        i = skip_spaces(s, end.max(i + 1));
    }
    spans
}

/// IMAP arguments from `start`: atoms, quoted strings, parenthesised lists (and
/// bracketed sections inside an atom: `BODY[HEADER.FIELDS (TO)]`), literal markers.
fn imap_spans(s: &str, start: usize) -> Vec<(usize, usize)> {
    let bytes = s.as_bytes();
    let mut spans = Vec::new();
    let mut i = start;
    while i < bytes.len() {
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        let begin = i;
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(bytes.len());
            }
            b'(' => {
                let mut depth = 0usize;
                let mut in_quote = false;
                while i < bytes.len() {
                    match bytes[i] {
                        b'"' => in_quote = !in_quote,
                        b'\\' if in_quote => i += 1,
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
            _ => {
                let mut bracket = 0usize;
                while i < bytes.len() && (bytes[i] != b' ' || bracket > 0) {
                    match bytes[i] {
                        b'[' => bracket += 1,
                        b']' => bracket = bracket.saturating_sub(1),
                        _ => {}
                    }
                    i += 1;
                }
            }
        }
        spans.push((begin, i.min(bytes.len())));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn imap(l: &str) -> ClientLine {
        ClientLine::parse(Protocol::Imap, l)
    }

    #[test]
    fn imap_tags_commands_and_uid_forms() {
        let l = imap("a1 SELECT INBOX");
        assert_eq!(l.tag.as_deref(), Some("a1"));
        assert_eq!(l.command.as_deref(), Some("SELECT"));
        assert_eq!(l.first_arg().as_deref(), Some("INBOX"));
        let l = imap("uid fetch 1:* FLAGS");
        assert_eq!(
            (l.tag.as_deref(), l.command.as_deref()),
            (None, Some("UID FETCH"))
        );
        assert_eq!(l.args_text(), "1:* FLAGS");
        let l = imap("a7 FROB it");
        assert_eq!(
            (l.tag.as_deref(), l.command.as_deref()),
            (Some("a7"), Some("FROB"))
        );
        assert!(l.spec.is_none());
        let l = imap("DONE");
        assert_eq!((l.tag, l.command.as_deref()), (None, Some("DONE")));
        let l = imap("LOGIN alex drums");
        assert_eq!((l.tag, l.command.as_deref()), (None, Some("LOGIN")));
        let l = imap("a2 SELECT");
        assert_eq!(l.args.len(), 0);
        assert!(imap("   ").command.is_none());
        assert_eq!(
            imap("a1 SELECT \"Sent Items\"").first_arg().as_deref(),
            Some("Sent Items")
        );
        assert_eq!(imap("a1 select inbox").without_tag(), "select inbox");
    }

    #[test]
    fn imap_arguments_and_literals() {
        let l = imap("a3 FETCH 1 (BODY[HEADER.FIELDS (TO FROM)] FLAGS)");
        assert_eq!(l.args.len(), 2);
        let l = imap("a4 FETCH 1 BODY.PEEK[HEADER.FIELDS (TO)]");
        assert_eq!(l.args[1].text, "BODY.PEEK[HEADER.FIELDS (TO)]");
        let l = imap("a5 APPEND INBOX (\\Seen) {310+}");
        assert_eq!(l.args.len(), 2);
        assert_eq!(
            l.literal,
            Some(Literal {
                size: 310,
                non_sync: true,
                secret: false
            })
        );
        let l = imap("a6 LOGIN alex {5}");
        assert_eq!(l.literal.map(|x| (x.size, x.secret)), Some((5, true)));
        assert_eq!(l.args_through(), 2);
        let rest = ClientLine::rest(&l, 2, "");
        assert!(rest.args.is_empty());
        let l = imap("a7 LOGIN {4}");
        assert_eq!(l.literal.map(|x| x.secret), Some(false));
        let rest = ClientLine::rest(&l, 1, " drums");
        assert!(rest.args[0].secret);
        assert_eq!(rest.masked(), " ****");
    }

    #[test]
    fn secrets_are_masked_from_the_table() {
        let m = |p, l| ClientLine::parse(p, l).masked();
        assert_eq!(
            m(Protocol::Imap, "a001 LOGIN alex drums"),
            "a001 LOGIN alex ****"
        );
        assert_eq!(
            m(Protocol::Imap, "login \"al ex\" \"dr ums\""),
            "login \"al ex\" ****"
        );
        assert_eq!(m(Protocol::Imap, "a1 LOGIN alex {5}"), "a1 LOGIN alex {5}");
        assert_eq!(
            m(Protocol::Imap, "a1 AUTHENTICATE PLAIN AGFsZXgAZHJ1bXM="),
            "a1 AUTHENTICATE PLAIN ****"
        );
        assert_eq!(
            m(Protocol::Imap, "a1 AUTHENTICATE PLAIN"),
            "a1 AUTHENTICATE PLAIN"
        );
        assert_eq!(m(Protocol::Smtp, "AUTH PLAIN AGE="), "AUTH PLAIN ****");
        assert_eq!(m(Protocol::Pop3, "PASS my long pass"), "PASS ****");
        assert_eq!(m(Protocol::Pop3, "APOP alex c4c9334b"), "APOP alex ****");
        assert_eq!(m(Protocol::Pop3, "USER alex"), "USER alex");
    }

    #[test]
    fn pop3_multiline_and_smtp_bdat() {
        let p = |l| ClientLine::parse(Protocol::Pop3, l).expects_multiline;
        assert!(p("LIST"));
        assert!(!p("list 1"));
        assert!(p("RETR 1"));
        assert!(p("TOP 1 0"));
        assert!(p("CAPA"));
        assert!(p("uidl"));
        assert!(!p("STAT"));
        let b = ClientLine::parse(Protocol::Smtp, "BDAT 12 LAST");
        assert_eq!(b.literal.map(|l| l.size), Some(12));
        let m = ClientLine::parse(Protocol::Smtp, "mail FROM:<a@b> SIZE=10");
        assert_eq!(m.command.as_deref(), Some("MAIL"));
        assert_eq!(m.args.len(), 2);
    }

    #[test]
    fn counting_arguments() {
        assert_eq!(count_args("alex {5}"), 1);
        assert_eq!(count_args("\"a b\" (\\Seen \\Draft) {10}"), 2);
        assert_eq!(count_args(""), 0);
        assert_eq!(count_args("INBOX (MESSAGES UNSEEN)"), 2);
    }

    #[test]
    fn trailing_literals() {
        assert_eq!(trailing_literal("APPEND x {12}"), Some((12, false)));
        assert_eq!(trailing_literal("x ~{3+}"), Some((3, true)));
        assert_eq!(trailing_literal("x {a}"), None);
    }
}
