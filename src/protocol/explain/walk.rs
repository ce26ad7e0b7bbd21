//! Following a pasted session for `maillab explain`: the protocol follower
//! ([`crate::protocol::follow`]) gives each line its side, the command it answers,
//! the state it was sent in, the selected mailbox and TLS, exactly as it does for
//! the REPL.

use crate::protocol::follow::pasted::{strip_prefix, Pasted, Side};
use crate::protocol::follow::{ClientLine, Expect, Follower, Step};

use super::*;

/// One line (or body) of a pasted session, explained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explained {
    /// Who sent it.
    pub side: Side,
    /// The line as pasted (without `C:`/`S:`), or a body's lines joined with `\n`.
    pub line: String,
    /// The line as it may be shown: as pasted (a body dot-stuffed as on the wire),
    /// client secrets (passwords, SASL answers, a literal holding a password) masked.
    pub shown: String,
    /// This entry is a message body or literal, given once.
    pub body: bool,
    pub explanations: Vec<Explanation>,
}

/// Explains a whole text (one or more lines, e.g. pasted from a session) for
/// `maillab explain`: each line with its explanations. Lines may carry `S:` /
/// `C:` transcript prefixes; unprefixed lines get their side from the grammar
/// ([`crate::protocol::follow::pasted`]). Each server line is explained in the
/// context the follower gives it (the command it answers, the state that command
/// was sent in). A message body (an IMAP literal, the data of RETR/TOP, the text
/// after SMTP's 354) is given once, as one entry holding the body, with the body
/// explanation. When `p` is `None` the protocol is guessed from the first line
/// that decides it.
pub fn explain_text(p: Option<Protocol>, text: &str) -> Vec<(String, Vec<Explanation>)> {
    explain_text_in(text::current(), p, text)
}

/// [`explain_text`] in a given language.
pub fn explain_text_in(
    lang: &Language,
    p: Option<Protocol>,
    text: &str,
) -> Vec<(String, Vec<Explanation>)> {
    explain_session_in(lang, p, text)
        .into_iter()
        .map(|e| (e.line, e.explanations))
        .collect()
}

/// [`explain_text_in`] with each entry's side and masked form.
pub fn explain_session_in(lang: &Language, p: Option<Protocol>, text: &str) -> Vec<Explained> {
    let p = p.unwrap_or_else(|| {
        text.lines()
            .map(|l| strip_prefix(l).1)
            .find(|l| !l.trim().is_empty())
            .map_or(Protocol::Imap, guess_protocol)
    });
    let mut w = Walk {
        lang,
        p,
        pasted: Pasted::new(p),
        seen_client: false,
        body: None,
        out: Vec::new(),
    };
    for raw in text.lines() {
        w.line(raw);
    }
    w.flush_body();
    w.out
}

/// A body being gathered.
struct Body {
    side: Side,
    text: String,
    /// The lines as pasted (dot-stuffing kept).
    raw: String,
    /// Octets counted from the lines (dot-stuffing undone).
    size: u64,
    /// The literal's announced size, when it is one.
    octets: Option<u64>,
    secret: bool,
}

/// What a line is, judged before it is taken.
enum Kind {
    /// Octets of a literal (either side): counted, kept raw.
    Literal { size: u64, secret: bool },
    /// A POP3 RETR/TOP data line or an SMTP body line: dot-stuffing undone.
    Dotted,
    /// SMTP's `.` ending the body.
    BodyEnd,
    /// Any other line.
    Line,
}

struct Walk<'l> {
    lang: &'l Language,
    p: Protocol,
    pasted: Pasted,
    /// Any line so far was the client's: before that the state is not known.
    seen_client: bool,
    body: Option<Body>,
    out: Vec<Explained>,
}

impl Walk<'_> {
    fn line(&mut self, raw: &str) {
        let raw = raw.trim_end_matches(['\r', '\n']);
        let (marker, text) = strip_prefix(raw);
        let f = self.pasted.follower();
        let in_data =
            f.is_mid_response() || matches!(f.expect(), Expect::Literal { .. } | Expect::Body);
        if text.trim().is_empty() && !in_data {
            return;
        }
        let (guessed, _) = self.pasted.side_of(text);
        let side = marker.unwrap_or(guessed);
        let kind = self.kind(side, text);
        let before = Before::of(f);
        let answer_secret = side == Side::Client
            && matches!(f.expect(), Expect::Answer { secret: true })
            && text != "*";
        let (_, steps) = self.pasted.line(raw);
        match kind {
            Kind::Literal { size, secret } => {
                self.add_body(side, text, false, Some(size), secret);
                return;
            }
            Kind::Dotted => {
                self.add_body(side, text, true, None, false);
                return;
            }
            Kind::BodyEnd => {
                self.flush_body();
                let mut o = Out {
                    lang: self.lang,
                    list: Vec::new(),
                };
                o.push("smtp.data_end", &[]);
                self.push(Side::Client, text, text.to_string(), o.list);
                return;
            }
            Kind::Line => self.flush_body(),
        }
        if side == Side::Client {
            self.seen_client = true;
            let mut o = Out {
                lang: self.lang,
                list: Vec::new(),
            };
            client_command(&mut o, self.p, text);
            let shown = if answer_secret {
                crate::protocol::follow::line::MASK.to_string()
            } else {
                ClientLine::parse(self.p, text).masked()
            };
            self.push(Side::Client, text, shown, o.list);
            return;
        }
        let ctx = if self.seen_client {
            context(&before, steps.last())
        } else {
            Context::default()
        };
        let explanations = explain_line_in(self.lang, self.p, text, &ctx);
        self.push(Side::Server, text, text.to_string(), explanations);
    }

    fn kind(&self, side: Side, text: &str) -> Kind {
        let f = self.pasted.follower();
        match side {
            Side::Server => {
                if f.server_literal_left() > 0 {
                    Kind::Literal {
                        size: self
                            .body
                            .as_ref()
                            .and_then(|b| b.octets)
                            .unwrap_or_else(|| f.server_literal_left()),
                        secret: false,
                    }
                } else if f.in_block()
                    && text != "."
                    && matches!(
                        f.awaited().and_then(|c| c.command.as_deref()),
                        Some("RETR" | "TOP")
                    )
                {
                    Kind::Dotted
                } else {
                    Kind::Line
                }
            }
            Side::Client => match f.expect() {
                Expect::Literal { left, secret } => Kind::Literal {
                    size: self.body.as_ref().and_then(|b| b.octets).unwrap_or(*left),
                    secret: *secret,
                },
                Expect::Body if text == "." => Kind::BodyEnd,
                Expect::Body => Kind::Dotted,
                _ => Kind::Line,
            },
        }
    }

    fn add_body(
        &mut self,
        side: Side,
        text: &str,
        dotted: bool,
        octets: Option<u64>,
        secret: bool,
    ) {
        if self.body.as_ref().is_some_and(|b| b.side != side) {
            self.flush_body();
        }
        let b = self.body.get_or_insert_with(|| Body {
            side,
            text: String::new(),
            raw: String::new(),
            size: 0,
            octets,
            secret,
        });
        let l = if dotted {
            text.strip_prefix('.').unwrap_or(text)
        } else {
            text
        };
        b.size += l.len() as u64 + 2;
        b.text.push_str(l);
        b.text.push('\n');
        b.raw.push_str(text);
        b.raw.push('\n');
    }

    fn flush_body(&mut self) {
        let Some(b) = self.body.take() else { return };
        let size = b.octets.unwrap_or(b.size);
        let shown = if b.secret {
            crate::protocol::follow::line::MASK.to_string()
        } else {
            b.raw
        };
        self.out.push(Explained {
            side: b.side,
            line: b.text,
            shown,
            body: true,
            explanations: vec![explain_body_in(self.lang, self.p, size)],
        });
    }

    fn push(&mut self, side: Side, line: &str, shown: String, explanations: Vec<Explanation>) {
        self.out.push(Explained {
            side,
            line: line.to_string(),
            shown,
            body: false,
            explanations,
        });
    }
}

/// What the follower knew before a server line was taken.
struct Before {
    state: State,
    command: Option<std::sync::Arc<ClientLine>>,
    tls: bool,
    mailbox: Option<String>,
    read_only: bool,
}

use crate::protocol::follow::State;

impl Before {
    fn of(f: &Follower) -> Before {
        Before {
            state: f.state(),
            command: f.awaited().cloned(),
            tls: f.tls(),
            mailbox: f.mailbox().map(str::to_string),
            read_only: f.read_only(),
        }
    }
}

/// The explanation context of a server line: from the response it completes when it
/// completes one, else from what was awaited when it arrived.
fn context(before: &Before, step: Option<&Step>) -> Context {
    if let Some(s) = step {
        return step_context(s);
    }
    let mut ctx = Context {
        state: before.state.id().to_string(),
        command: before.command.as_ref().map(|c| c.command_line()),
        tls: before.tls,
        mailbox: before.mailbox.clone(),
        read_only: before.read_only,
    };
    opening(&mut ctx, before.command.as_deref());
    ctx
}

/// The explanation context of a follower's step: the state the answered command
/// was sent in, the command line, TLS and the mailbox (for SELECT/EXAMINE the one
/// being opened). The REPL and `maillab explain` both use it.
pub fn step_context(step: &Step) -> Context {
    let mut ctx = Context {
        state: step.before.id().to_string(),
        command: step.command.as_ref().map(|c| c.command_line()),
        tls: step.tls,
        mailbox: step.mailbox.clone(),
        read_only: step.read_only,
    };
    opening(&mut ctx, step.command.as_deref());
    ctx
}

/// The answer to SELECT/EXAMINE is about the mailbox being opened.
fn opening(ctx: &mut Context, command: Option<&ClientLine>) {
    if let Some(c) = command {
        if matches!(c.command.as_deref(), Some("SELECT" | "EXAMINE")) {
            ctx.mailbox = c.first_arg();
            ctx.read_only = c.command.as_deref() == Some("EXAMINE");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(p: Protocol, text: &str) -> Vec<Explained> {
        explain_session_in(text::english(), Some(p), text)
    }

    fn ids(e: &Explained) -> Vec<&str> {
        e.explanations.iter().map(|x| x.id.as_str()).collect()
    }

    #[test]
    fn rset_before_ehlo_leaves_the_session_ungreeted() {
        let out = session(
            Protocol::Smtp,
            "220 mx ESMTP\nRSET\n250 2.0.0 Ok\nMAIL FROM:<a@b>\n503 5.5.1 Error: send HELO/EHLO first",
        );
        let last = out.last().unwrap();
        assert!(
            ids(last).iter().any(|id| id.starts_with("smtp.why.")),
            "{:?}",
            ids(last)
        );
    }

    #[test]
    fn pop3_unprefixed_body_lines_are_the_servers_and_one_unit() {
        let out = session(
            Protocol::Pop3,
            "+OK ready\nUSER alex\n+OK\nPASS drums\n+OK in\nRETR 1\n+OK 40 octets\nRETR is a word here\nUSER too\n.\nSTAT\n+OK 1 40",
        );
        let body = out.iter().find(|e| e.body).expect("a body");
        assert_eq!(body.side, Side::Server);
        assert_eq!(body.line, "RETR is a word here\nUSER too\n");
        let stat = out.iter().find(|e| e.line == "STAT").expect("STAT");
        assert_eq!(stat.side, Side::Client);
        // The answer to STAT is read as STAT's, not as a greeting.
        let last = out.last().unwrap();
        assert!(
            ids(last).iter().all(|id| !id.contains("greeting")),
            "{:?}",
            ids(last)
        );
    }

    #[test]
    fn sasl_answers_are_client_lines_and_masked() {
        let out = session(
            Protocol::Smtp,
            "220 mx\nEHLO me\n250 mx\nAUTH LOGIN\n334 VXNlcm5hbWU6\nYWxleA==\n334 UGFzc3dvcmQ6\nZHJ1bXM=\n235 2.7.0 ok",
        );
        let answers: Vec<&Explained> = out
            .iter()
            .filter(|e| e.line == "YWxleA==" || e.line == "ZHJ1bXM=")
            .collect();
        assert_eq!(answers.len(), 2);
        for a in answers {
            assert_eq!((a.side, a.shown.as_str()), (Side::Client, "****"));
        }
    }

    #[test]
    fn select_answered_bad_keeps_the_mailbox_for_what_follows() {
        let out = session(
            Protocol::Imap,
            "* OK hi\na1 LOGIN alex drums\na1 OK\na2 SELECT INBOX\na2 OK [READ-WRITE] done\na3 SELECT\na3 BAD SELECT expects: SELECT mailbox\na4 FETCH 1 BODDY[]\na4 BAD bad item",
        );
        let last = out.last().unwrap();
        // Not "select a mailbox first": one is selected.
        assert!(
            ids(last).iter().all(|id| !id.contains("wrong_state")),
            "{:?}",
            ids(last)
        );
        let ctx = {
            let mut f = Follower::new(Protocol::Imap);
            for (c, s) in [
                ("a1 LOGIN alex drums", "a1 OK\r\n"),
                ("a2 SELECT INBOX", "a2 OK\r\n"),
                ("a3 SELECT", "a3 BAD no\r\n"),
                ("a4 FETCH 1 BODDY[]", ""),
            ] {
                f.client_line(&ClientLine::parse(Protocol::Imap, c));
                f.server_bytes(s.as_bytes());
            }
            let step = f.server_bytes(b"a4 BAD bad item\r\n").pop().unwrap();
            step_context(&step)
        };
        assert_eq!(ctx.state, "selected");
        assert_eq!(ctx.mailbox.as_deref(), Some("INBOX"));
        assert_eq!(ctx.command.as_deref(), Some("FETCH 1 BODDY[]"));
    }
}
