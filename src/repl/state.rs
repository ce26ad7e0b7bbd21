//! The client-side picture of a session: which state the server is in (for the
//! prompt and for the explanation context), which commands wait for their answer,
//! and which mailbox names the session has seen (for completion).
//!
//! States follow RFC 3501 §3 (IMAP), RFC 1939 §3 (POP3) and the SMTP transaction of
//! RFC 5321 §3.3. The tracker only follows what it sees on the wire; the server stays
//! the judge (a refused LOGIN leaves the state alone).

use std::collections::{BTreeSet, VecDeque};

use super::conn::{Part, Response};
use crate::protocol::Protocol;

/// IMAP connection states (RFC 3501 §3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImapState {
    NotAuthenticated,
    Authenticated,
    Selected(String),
    Logout,
}

/// Where an SMTP session stands in the mail transaction (RFC 5321 §3.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpState {
    /// Greeting seen, no HELO/EHLO yet.
    Connected,
    /// HELO/EHLO accepted, no transaction open.
    Greeted,
    /// MAIL FROM accepted.
    Mail,
    /// At least one RCPT TO accepted.
    Rcpt,
    /// 354 received: the message body is being sent.
    Data,
    /// QUIT sent and answered.
    Closed,
}

/// POP3 states (RFC 1939 §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pop3State {
    Authorization,
    Transaction,
    Update,
}

/// One command sent and not yet answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    /// IMAP tag; `None` for SMTP, POP3, the greeting and continuation lines.
    pub tag: Option<String>,
    /// Upper-case command name (`UID FETCH` for UID commands); `""` for the greeting,
    /// `"+"` for a line answering a continuation request.
    pub command: String,
    /// The arguments as typed (after the command name).
    pub args: String,
}

impl Pending {
    /// The client line without tag: `SELECT INBOX`; empty for the greeting.
    pub fn line(&self) -> String {
        if self.args.is_empty() {
            self.command.clone()
        } else {
            format!("{} {}", self.command, self.args)
        }
    }
}

/// What a server response meant for the command being waited on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The command this response ends, if it ends one.
    pub completed: Option<Pending>,
    /// The command this response belongs to: its name (`SELECT`).
    pub command: Option<String>,
    /// The client line it answers, without tag (`SELECT INBOX`), for the
    /// explanation context.
    pub line: Option<String>,
    /// A continuation request (IMAP `+`, SMTP 334/354, POP3 `+ `): the server waits
    /// for more from the client.
    pub continuation: bool,
    /// The server said goodbye (`* BYE`, SMTP 221/421).
    pub bye: bool,
}

/// The tracker of one session.
#[derive(Clone, Debug)]
pub struct Tracker {
    pub protocol: Protocol,
    pub imap: ImapState,
    pub smtp: SmtpState,
    pub pop3: Pop3State,
    /// SMTP/POP3: a successful AUTH was seen.
    pub authenticated: bool,
    /// Commands waiting for their answer, oldest first.
    pub pending: VecDeque<Pending>,
    /// Mailbox names seen in LIST/LSUB/STATUS replies and SELECT commands.
    pub mailboxes: BTreeSet<String>,
    /// The connection is encrypted.
    pub tls: bool,
    /// The connection is closed.
    pub closed: bool,
    /// IMAP: a SELECT/EXAMINE waiting for its tagged reply (tag, mailbox).
    selecting: Option<(String, String)>,
    /// The last command sent (continuation lines belong to it).
    last_command: String,
}

/// How many pending entries and mailbox names are kept at most.
const MAX_TRACKED: usize = 4096;

impl Tracker {
    /// A fresh session: the greeting is the first thing awaited.
    pub fn new(protocol: Protocol) -> Self {
        let mut pending = VecDeque::new();
        pending.push_back(Pending {
            tag: None,
            command: String::new(),
            args: String::new(),
        });
        Tracker {
            protocol,
            imap: ImapState::NotAuthenticated,
            smtp: SmtpState::Connected,
            pop3: Pop3State::Authorization,
            authenticated: false,
            pending,
            mailboxes: BTreeSet::new(),
            tls: false,
            closed: false,
            selecting: None,
            last_command: String::new(),
        }
    }

    /// The state name the protocol tables use (see [`crate::protocol::states`]).
    pub fn state_id(&self) -> &'static str {
        match self.protocol {
            Protocol::Imap => match self.imap {
                ImapState::NotAuthenticated => "not-authenticated",
                ImapState::Authenticated => "authenticated",
                ImapState::Selected(_) => "selected",
                ImapState::Logout => "logout",
            },
            Protocol::Pop3 => match self.pop3 {
                Pop3State::Authorization => "authorization",
                Pop3State::Transaction => "transaction",
                Pop3State::Update => "update",
            },
            Protocol::Smtp => match self.smtp {
                SmtpState::Connected | SmtpState::Closed => "connected",
                SmtpState::Greeted => "greeted",
                SmtpState::Mail => "mail",
                SmtpState::Rcpt => "rcpt",
                SmtpState::Data => "data",
            },
        }
    }

    /// The state as the prompt shows it: `not authenticated`, `selected INBOX`,
    /// `in DATA`, `transaction`.
    pub fn prompt_state(&self) -> String {
        use crate::tr;
        if self.closed {
            return tr!("repl.state.closed");
        }
        match self.protocol {
            Protocol::Imap => match &self.imap {
                ImapState::NotAuthenticated => tr!("repl.state.not_authenticated"),
                ImapState::Authenticated => tr!("repl.state.authenticated"),
                ImapState::Selected(m) => tr!("repl.state.selected", mailbox = m),
                ImapState::Logout => tr!("repl.state.logout"),
            },
            Protocol::Pop3 => match self.pop3 {
                Pop3State::Authorization => tr!("repl.state.authorization"),
                Pop3State::Transaction => tr!("repl.state.transaction"),
                Pop3State::Update => tr!("repl.state.update"),
            },
            Protocol::Smtp => {
                let s = match self.smtp {
                    SmtpState::Connected => tr!("repl.state.connected"),
                    SmtpState::Greeted => tr!("repl.state.greeted"),
                    SmtpState::Mail => tr!("repl.state.transaction_mail"),
                    SmtpState::Rcpt => tr!("repl.state.transaction_rcpt"),
                    SmtpState::Data => tr!("repl.state.data"),
                    SmtpState::Closed => tr!("repl.state.closed"),
                };
                if self.authenticated && self.smtp != SmtpState::Data {
                    tr!("repl.state.and_authenticated", state = s)
                } else {
                    s
                }
            }
        }
    }

    /// The command whose answer is awaited first.
    pub fn awaited(&self) -> Option<&Pending> {
        self.pending.front()
    }

    /// Whether anything is still awaited.
    pub fn waiting(&self) -> bool {
        !self.closed && !self.pending.is_empty()
    }

    /// Records a command line sent to the server (`tag` for IMAP).
    pub fn sent_command(&mut self, tag: Option<String>, command: &str, args: &str) {
        let command = command.to_ascii_uppercase();
        self.last_command = command.clone();
        if self.protocol == Protocol::Imap && matches!(command.as_str(), "SELECT" | "EXAMINE") {
            if let (Some(t), Some(mb)) = (&tag, first_arg(args)) {
                self.selecting = Some((t.clone(), mb));
            }
        }
        if self.pending.len() < MAX_TRACKED {
            self.pending.push_back(Pending {
                tag,
                command,
                args: args.to_string(),
            });
        }
    }

    /// Records a line sent in answer to a continuation request (SASL data, a
    /// literal's octets, IMAP `DONE`): SMTP and POP3 answer it with one more reply.
    pub fn sent_continuation(&mut self) {
        if self.protocol != Protocol::Imap && self.pending.len() < MAX_TRACKED {
            let command = self.last_command.clone();
            self.pending.push_back(Pending {
                tag: None,
                command,
                args: String::new(),
            });
        }
    }

    /// The connection closed: nothing more will be answered.
    pub fn connection_closed(&mut self) {
        self.closed = true;
        self.pending.clear();
    }

    /// Follows one server response; says what it meant.
    pub fn on_response(&mut self, r: &Response) -> Outcome {
        match self.protocol {
            Protocol::Imap => self.imap_response(r),
            Protocol::Smtp => self.smtp_response(r),
            Protocol::Pop3 => self.pop3_response(r),
        }
    }

    fn imap_response(&mut self, r: &Response) -> Outcome {
        let line = r.first_line();
        let mut words = line.split(' ');
        let tag = words.next().unwrap_or("");
        let status = words.next().unwrap_or("").to_ascii_uppercase();
        let mut out = Outcome::default();
        if tag == "+" {
            out.continuation = true;
            out.command = self.pending.front().map(|p| p.command.clone());
            out.line = self.pending.front().map(Pending::line);
            return out;
        }
        if tag == "*" {
            // The greeting is the one untagged response that answers something.
            if self.pending.front().is_some_and(|p| p.command.is_empty()) {
                let greeting = self.pending.pop_front();
                if status == "PREAUTH" {
                    self.imap = ImapState::Authenticated;
                }
                if status == "BYE" {
                    out.bye = true;
                    self.imap = ImapState::Logout;
                }
                out.completed = greeting;
                out.command = Some(String::new());
                return out;
            }
            match status.as_str() {
                "BYE" => {
                    out.bye = true;
                    self.imap = ImapState::Logout;
                }
                "LIST" | "LSUB" | "XLIST" => {
                    if let Some(name) = list_mailbox_name(r) {
                        self.remember_mailbox(name);
                    }
                }
                "STATUS" => {
                    let rest: Vec<&str> = line.splitn(3, ' ').collect();
                    if let Some(name) = rest.get(2).and_then(|s| first_arg(s)) {
                        self.remember_mailbox(name);
                    }
                }
                _ => {}
            }
            out.command = self.pending.front().map(|p| p.command.clone());
            out.line = self.pending.front().map(Pending::line);
            return out;
        }
        // A tagged response ends the command with that tag.
        let idx = self
            .pending
            .iter()
            .position(|p| p.tag.as_deref().is_some_and(|t| t == tag));
        let Some(idx) = idx else {
            return out;
        };
        let Some(done) = self.pending.remove(idx) else {
            return out;
        };
        let ok = status == "OK";
        match done.command.as_str() {
            "LOGIN" | "AUTHENTICATE" if ok => self.imap = ImapState::Authenticated,
            "SELECT" | "EXAMINE" => {
                let selecting = self.selecting.take();
                if ok {
                    if let Some((t, mb)) = selecting.filter(|(t, _)| t == tag) {
                        let _ = t;
                        self.remember_mailbox(mb.clone());
                        self.imap = ImapState::Selected(mb);
                    }
                } else if matches!(self.imap, ImapState::Selected(_)) {
                    // RFC 3501 §6.3.1: a failed SELECT leaves no mailbox selected.
                    self.imap = ImapState::Authenticated;
                }
            }
            "CLOSE" | "UNSELECT" if ok => self.imap = ImapState::Authenticated,
            "LOGOUT" if ok => self.imap = ImapState::Logout,
            _ => {}
        }
        out.command = Some(done.command.clone());
        out.line = Some(done.line());
        out.completed = Some(done);
        out
    }

    fn smtp_response(&mut self, r: &Response) -> Outcome {
        let line = r.last_line();
        let code = line.get(..3).unwrap_or("");
        let mut out = Outcome::default();
        let done = self.pending.pop_front();
        let command = done.as_ref().map(|p| p.command.clone()).unwrap_or_default();
        let positive = code.starts_with('2');
        match (command.as_str(), code) {
            ("", "220") => self.smtp = SmtpState::Connected,
            ("HELO" | "EHLO", _) if positive => self.smtp = SmtpState::Greeted,
            ("MAIL", _) if positive => self.smtp = SmtpState::Mail,
            ("RCPT", _) if positive => self.smtp = SmtpState::Rcpt,
            ("DATA", "354") => {
                self.smtp = SmtpState::Data;
                out.continuation = true;
            }
            ("DATA", _) if self.smtp == SmtpState::Data => self.smtp = SmtpState::Greeted,
            ("BDAT", _) if positive && done.as_ref().is_some_and(|p| bdat_last(&p.args)) => {
                self.smtp = SmtpState::Greeted
            }
            ("RSET", _) if positive && self.smtp != SmtpState::Connected => {
                self.smtp = SmtpState::Greeted;
            }
            ("AUTH", "334") => out.continuation = true,
            ("AUTH", "235") => self.authenticated = true,
            ("QUIT", "221") => {
                self.smtp = SmtpState::Closed;
                out.bye = true;
            }
            _ => {}
        }
        if code == "421" {
            out.bye = true;
        }
        out.command = Some(command);
        out.line = done.as_ref().map(Pending::line);
        out.completed = done;
        out
    }

    fn pop3_response(&mut self, r: &Response) -> Outcome {
        let line = r.first_line();
        let mut out = Outcome::default();
        let done = self.pending.pop_front();
        let command = done.as_ref().map(|p| p.command.clone()).unwrap_or_default();
        let ok = line.starts_with("+OK");
        if line.starts_with("+ ") || line == "+" {
            out.continuation = true;
        }
        match command.as_str() {
            "PASS" | "APOP" | "AUTH" if ok => self.pop3 = Pop3State::Transaction,
            "QUIT" => {
                if self.pop3 == Pop3State::Transaction {
                    self.pop3 = Pop3State::Update;
                }
                out.bye = true;
            }
            _ => {}
        }
        out.command = Some(command);
        out.line = done.as_ref().map(Pending::line);
        out.completed = done;
        out
    }

    fn remember_mailbox(&mut self, name: String) {
        if self.mailboxes.len() < MAX_TRACKED && !name.is_empty() {
            self.mailboxes.insert(name);
        }
    }
}

/// `BDAT size LAST` ends the message (RFC 3030 §2).
fn bdat_last(args: &str) -> bool {
    args.split_whitespace()
        .nth(1)
        .is_some_and(|w| w.eq_ignore_ascii_case("LAST"))
}

/// The first IMAP argument of `args`: an atom or a quoted string (unquoted).
pub fn first_arg(args: &str) -> Option<String> {
    let args = args.trim_start();
    if let Some(rest) = args.strip_prefix('"') {
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
    } else {
        let word = args.split_whitespace().next()?;
        if word.starts_with('{') {
            return None;
        }
        Some(word.to_string())
    }
}

/// The mailbox name at the end of a `* LIST (attrs) "/" name` response.
fn list_mailbox_name(r: &Response) -> Option<String> {
    let line = r.first_line();
    let close = line.find(')')?;
    let rest = line.get(close + 1..)?.trim_start();
    // Skip the delimiter: a quoted string or NIL.
    let rest = if let Some(r) = rest.strip_prefix("NIL") {
        r
    } else {
        let r = rest.strip_prefix('"')?;
        let end = r.find('"')?;
        r.get(end + 1..)?
    };
    let rest = rest.trim_start();
    if rest.ends_with('}') {
        // The name came as a literal.
        return r.parts.iter().find_map(|p| match p {
            Part::Literal { data, .. } => Some(String::from_utf8_lossy(data).into_owned()),
            _ => None,
        });
    }
    first_arg(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resp(lines: &[&str]) -> Response {
        Response {
            parts: lines
                .iter()
                .map(|l| Part::Line {
                    text: l.as_bytes().to_vec(),
                    cut: 0,
                })
                .collect(),
        }
    }

    #[test]
    fn imap_states_follow_the_tagged_replies() {
        let mut t = Tracker::new(Protocol::Imap);
        t.on_response(&resp(&["* OK ready"]));
        assert!(!t.waiting());
        t.sent_command(Some("a001".into()), "LOGIN", "alex drums");
        assert!(t.waiting());
        let o = t.on_response(&resp(&["a001 OK LOGIN completed"]));
        assert_eq!(o.completed.map(|p| p.command), Some("LOGIN".into()));
        assert_eq!(t.prompt_state(), "authenticated");
        t.sent_command(Some("a002".into()), "SELECT", "\"INBOX\"");
        t.on_response(&resp(&["* 2 EXISTS"]));
        assert!(t.waiting());
        t.on_response(&resp(&["a002 OK [READ-WRITE] SELECT completed"]));
        assert_eq!(t.prompt_state(), "selected INBOX");
        t.sent_command(Some("a003".into()), "SELECT", "nosuch");
        t.on_response(&resp(&["a003 NO no such mailbox"]));
        assert_eq!(t.prompt_state(), "authenticated");
    }

    #[test]
    fn smtp_transaction_states() {
        let mut t = Tracker::new(Protocol::Smtp);
        t.on_response(&resp(&["220 hi"]));
        t.sent_command(None, "EHLO", "me");
        t.on_response(&resp(&["250-hi", "250 SIZE"]));
        assert_eq!(t.state_id(), "greeted");
        t.sent_command(None, "MAIL", "FROM:<a@b>");
        t.on_response(&resp(&["250 2.1.0 ok"]));
        t.sent_command(None, "RCPT", "TO:<alex@maillab.test>");
        t.on_response(&resp(&["250 2.1.5 ok"]));
        t.sent_command(None, "DATA", "");
        let o = t.on_response(&resp(&["354 go ahead"]));
        assert!(o.continuation);
        assert_eq!(t.prompt_state(), "in DATA");
        t.sent_continuation();
        t.on_response(&resp(&["250 2.0.0 queued"]));
        assert_eq!(t.state_id(), "greeted");
        assert!(!t.waiting());
    }

    #[test]
    fn pop3_login() {
        let mut t = Tracker::new(Protocol::Pop3);
        t.on_response(&resp(&["+OK ready"]));
        t.sent_command(None, "USER", "alex");
        t.on_response(&resp(&["+OK"]));
        t.sent_command(None, "PASS", "drums");
        t.on_response(&resp(&["+OK logged in"]));
        assert_eq!(t.prompt_state(), "transaction");
    }

    #[test]
    fn list_names_are_remembered() {
        let mut t = Tracker::new(Protocol::Imap);
        t.on_response(&resp(&["* OK"]));
        t.on_response(&resp(&["* LIST (\\HasNoChildren) \"/\" \"Sent Items\""]));
        t.on_response(&resp(&["* LIST () \"/\" newbox"]));
        assert!(t.mailboxes.contains("Sent Items"));
        assert!(t.mailboxes.contains("newbox"));
    }
}
