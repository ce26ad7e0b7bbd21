//! Client-side protocol knowledge, pure data and functions (no I/O, no printing):
//! the command tables, the explanation tables and the reply classifiers that feed
//! completion, hints, `:help`, `:explain`, the servers' error texts and the lessons.

pub mod sasl;

use std::fmt;

/// The three mail protocols maillab speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Protocol {
    Imap,
    Pop3,
    Smtp,
}

impl Protocol {
    /// Lower-case name, as in `maillab imap`.
    pub fn name(self) -> &'static str {
        match self {
            Protocol::Imap => "imap",
            Protocol::Pop3 => "pop3",
            Protocol::Smtp => "smtp",
        }
    }
    /// Parses `imap`, `pop3`/`pop`, `smtp` (any case).
    pub fn parse(s: &str) -> Option<Protocol> {
        match s.to_ascii_lowercase().as_str() {
            "imap" => Some(Protocol::Imap),
            "pop3" | "pop" => Some(Protocol::Pop3),
            "smtp" => Some(Protocol::Smtp),
            _ => None,
        }
    }
    /// The standard plaintext port (RFC 3501, RFC 1939, RFC 5321).
    pub fn default_port(self) -> u16 {
        match self {
            Protocol::Imap => 143,
            Protocol::Pop3 => 110,
            Protocol::Smtp => 25,
        }
    }
}

impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One command of a protocol's command table.
#[derive(Clone, Debug)]
pub struct CommandSpec {
    /// Upper-case command name, e.g. `SELECT`, `UID FETCH`, `MAIL`.
    pub name: String,
    /// Syntax line, e.g. `SELECT mailbox`.
    pub syntax: String,
    /// Session states the command is valid in (protocol-specific names, see
    /// [`states`]).
    pub states: Vec<String>,
    /// RFC and section, e.g. `RFC 3501 §6.3.1`.
    pub rfc: String,
    /// One-line summary in the current language.
    pub summary: String,
    /// An example line a learner can type.
    pub example: String,
}

/// The state names a protocol's command table uses.
pub fn states(p: Protocol) -> &'static [&'static str] {
    match p {
        Protocol::Imap => &["not-authenticated", "authenticated", "selected", "logout"],
        Protocol::Pop3 => &["authorization", "transaction", "update"],
        Protocol::Smtp => &["connected", "greeted", "mail", "rcpt", "data"],
    }
}

/// Every command of a protocol.
pub fn commands(p: Protocol) -> &'static [CommandSpec] {
    let _ = p;
    &[]
}

/// Looks a command up by name (case-insensitive).
pub fn command(p: Protocol, name: &str) -> Option<&'static CommandSpec> {
    commands(p)
        .iter()
        .find(|c| c.name.eq_ignore_ascii_case(name))
}
