//! Following a pasted session for `maillab explain`: which command each server
//! line answers, and the state it was sent in.

use super::reply::Pop3Line;
use super::*;

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
