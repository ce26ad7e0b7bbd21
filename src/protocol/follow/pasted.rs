//! A pasted transcript, split into the client's and the server's lines.
//!
//! Lines may carry `C:` / `S:` prefixes; an unprefixed line is given a side by the
//! grammar, following the session with a [`Follower`] as it goes: while a server
//! literal `{N}` or a POP3 multi-line answer or an SMTP `250-` reply is open, the
//! line is the server's; while a client literal or an SMTP message body (after 354)
//! is open, the client's; otherwise the server's forms (IMAP `*`, `+`, a tagged
//! status; SMTP `ddd`; POP3 `+OK`, `-ERR`, `+ `) are the server's and the rest the
//! client's. Literals are counted on both sides, each pasted line taken to end in
//! CRLF.

use super::{Expect, Follower, Step};
use crate::protocol::reply::{self, ImapKind, Pop3Line};
use crate::protocol::Protocol;

/// Who sent a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Client,
    Server,
}

/// One line of a pasted transcript, with its side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastedLine {
    pub side: Side,
    /// The line without prefix and line end.
    pub text: String,
    /// The side came from a `C:` / `S:` prefix.
    pub marked: bool,
    /// The line (or its start) is data: octets of a literal, a POP3 multi-line
    /// answer's data line, an SMTP body line (not the `.` that ends one).
    pub data: bool,
}

/// `S: x` -> (Some(Server), "x"); `C: x` -> (Some(Client), "x"); else (None, line).
pub fn strip_prefix(line: &str) -> (Option<Side>, &str) {
    if let Some(rest) = line.strip_prefix("C: ").or_else(|| line.strip_prefix("C:")) {
        (Some(Side::Client), rest)
    } else if let Some(rest) = line.strip_prefix("S: ").or_else(|| line.strip_prefix("S:")) {
        (Some(Side::Server), rest)
    } else {
        (None, line)
    }
}

/// Follows a pasted transcript line by line.
pub struct Pasted {
    follower: Follower,
    /// No line was taken yet.
    fresh: bool,
}

impl Pasted {
    /// A transcript of a `p` session from its start (the greeting first).
    pub fn new(p: Protocol) -> Pasted {
        Pasted {
            follower: Follower::new(p),
            fresh: true,
        }
    }

    /// The follower, as far as the lines so far took it.
    pub fn follower(&self) -> &Follower {
        &self.follower
    }

    /// The side of the next line (without its prefix), by the grammar.
    pub fn side_of(&self, text: &str) -> (Side, bool) {
        let f = &self.follower;
        if f.is_mid_response() {
            return (
                Side::Server,
                f.server_literal_left() > 0 || (f.in_block() && text != "."),
            );
        }
        match f.expect() {
            Expect::Literal { .. } => return (Side::Client, true),
            Expect::Body => return (Side::Client, text != "."),
            _ => {}
        }
        if looks_like_server(f.protocol(), text) {
            (Side::Server, false)
        } else {
            (Side::Client, false)
        }
    }

    /// Takes one pasted line: its side, and the steps of the server responses it
    /// completes.
    pub fn line(&mut self, raw: &str) -> (PastedLine, Vec<Step>) {
        let raw = raw.trim_end_matches(['\r', '\n']);
        let (marker, text) = strip_prefix(raw);
        let (guessed, data) = self.side_of(text);
        let side = marker.unwrap_or(guessed);
        let data = data && (marker.is_none() || marker == Some(guessed));
        if std::mem::take(&mut self.fresh) && side == Side::Client {
            // The transcript starts after the greeting.
            self.follower.skip_greeting();
        }
        let mut bytes = text.as_bytes().to_vec();
        bytes.extend_from_slice(b"\r\n");
        let steps = match side {
            Side::Client => {
                self.follower.client_bytes(&bytes);
                Vec::new()
            }
            Side::Server => self.follower.server_bytes(&bytes),
        };
        (
            PastedLine {
                side,
                text: text.to_string(),
                marked: marker.is_some(),
                data,
            },
            steps,
        )
    }
}

/// Whether a line has one of the server's forms in protocol `p`.
pub fn looks_like_server(p: Protocol, line: &str) -> bool {
    match p {
        Protocol::Smtp => reply::smtp(line).is_some(),
        Protocol::Pop3 => !matches!(reply::pop3(line), Pop3Line::Data(_) | Pop3Line::Terminator),
        Protocol::Imap => {
            let r = reply::imap(line);
            match r.kind {
                ImapKind::Untagged | ImapKind::Continuation => true,
                ImapKind::Tagged => r.status.is_some(),
                ImapKind::Other => false,
            }
        }
    }
}

/// Splits a whole pasted transcript into sided lines.
pub fn split(p: Protocol, text: &str) -> Vec<PastedLine> {
    let mut pasted = Pasted::new(p);
    let mut out = Vec::new();
    for l in text.lines() {
        // Blank lines are kept only inside data (a literal, a body).
        let inside = pasted.follower.is_mid_response()
            || matches!(
                pasted.follower.expect(),
                Expect::Literal { .. } | Expect::Body
            );
        if l.trim().is_empty() && !inside {
            continue;
        }
        out.push(pasted.line(l).0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sides(p: Protocol, text: &str) -> Vec<(Side, String)> {
        split(p, text)
            .into_iter()
            .map(|l| (l.side, l.text))
            .collect()
    }

    #[test]
    fn pop3_multiline_data_stays_the_servers() {
        let t = "+OK ready\nUSER alex\n+OK\nPASS drums\n+OK logged in\nRETR 1\n+OK 12 octets\nUSER looks like a command\n.\nLIST\n+OK 1 messages\n1 440\n.\nQUIT\n+OK bye\n";
        let s = sides(Protocol::Pop3, t);
        let client: Vec<&str> = s
            .iter()
            .filter(|(side, _)| *side == Side::Client)
            .map(|(_, t)| t.as_str())
            .collect();
        assert_eq!(
            client,
            ["USER alex", "PASS drums", "RETR 1", "LIST", "QUIT"]
        );
    }

    #[test]
    fn imap_literals_are_counted_on_both_sides() {
        let t = "* OK hi\na1 LOGIN alex {5}\n+ go on\ndrums\na1 OK done\na2 FETCH 1 BODY[]\n* 1 FETCH (BODY[] {9}\n* 2 x\n)\na2 OK done\n";
        let s = sides(Protocol::Imap, t);
        let want = [
            Side::Server,
            Side::Client,
            Side::Server,
            Side::Client,
            Side::Server,
            Side::Client,
            Side::Server,
            Side::Server,
            Side::Server,
            Side::Server,
        ];
        assert_eq!(s.iter().map(|x| x.0).collect::<Vec<_>>(), want);
    }

    #[test]
    fn smtp_body_is_the_clients_and_prefixes_win() {
        let t = "S: 220 hi\nEHLO me\n250-hi\n250 OK\nDATA\n354 go\n250 looks like a reply\n.\n250 queued\n";
        let s = sides(Protocol::Smtp, t);
        assert_eq!(s[0], (Side::Server, "220 hi".to_string()));
        assert_eq!(s[6], (Side::Client, "250 looks like a reply".to_string()));
        assert_eq!(s[7].0, Side::Client);
        assert_eq!(s[8].0, Side::Server);
    }
}
