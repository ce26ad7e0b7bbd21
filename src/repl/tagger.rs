//! IMAP auto-tagging (RFC 3501 §2.2.1) and client literals (RFC 3501 §4.3, RFC 7888).
//!
//! A learner types `LOGIN alex drums`; the wire gets `a001 LOGIN alex drums`. A line
//! the learner tagged already (first word not a command, second word a command) goes
//! out untouched. Whether a word is a command is the protocol table's answer
//! ([`crate::protocol::command`]), so there is one command list in the program.

use crate::protocol::{self, Protocol};

/// An IMAP line ready for the wire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tagged {
    /// The line as it goes on the wire (without CRLF).
    pub wire: String,
    pub tag: String,
    /// Upper-case command name; `UID FETCH` style for UID commands.
    pub command: String,
    /// What follows the command name.
    pub args: String,
    /// The tag was added by the REPL.
    pub added: bool,
}

/// A literal announced at the end of a client line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LiteralSpec {
    pub size: u64,
    /// `{N+}` (RFC 7888): sent without waiting for the server's `+`.
    pub non_sync: bool,
}

/// Hands out tags `a001`, `a002`, ...
#[derive(Clone, Debug, Default)]
pub struct Tagger {
    next: u32,
}

/// Whether `word` starts an IMAP command in the protocol table (`UID` counts).
pub fn is_imap_command(word: &str) -> bool {
    protocol::is_known_command(Protocol::Imap, word)
}

impl Tagger {
    pub fn new() -> Self {
        Tagger { next: 1 }
    }

    /// The next tag, without using it.
    pub fn peek(&self) -> String {
        format!("a{:03}", self.next.max(1))
    }

    /// Tags `line` if the learner did not.
    pub fn tag(&mut self, line: &str) -> Tagged {
        let mut words = line.split_whitespace();
        let first = words.next().unwrap_or("");
        let second = words.next().unwrap_or("");
        let own_tag = !is_imap_command(first) && is_imap_command(second) && valid_tag(first);
        if own_tag {
            let rest = line.trim_start()[first.len()..].trim_start();
            let (command, args) = split_command(rest);
            return Tagged {
                wire: line.to_string(),
                tag: first.to_string(),
                command,
                args,
                added: false,
            };
        }
        let tag = self.peek();
        self.next = self.next.saturating_add(1);
        let (command, args) = split_command(line.trim_start());
        Tagged {
            wire: format!("{tag} {}", line.trim_start()),
            tag,
            command,
            args,
            added: true,
        }
    }
}

/// A tag is any atom but `+` and `*` (RFC 3501 §9 `tag`).
fn valid_tag(word: &str) -> bool {
    !word.is_empty()
        && word.bytes().all(|b| {
            b.is_ascii_graphic()
                && !matches!(b, b'(' | b')' | b'{' | b'%' | b'*' | b'"' | b'\\' | b'+')
        })
}

/// Splits `UID FETCH 1:* FLAGS` into (`UID FETCH`, `1:* FLAGS`), `LOGIN a b` into
/// (`LOGIN`, `a b`).
pub fn split_command(rest: &str) -> (String, String) {
    let rest = rest.trim_start();
    let (cmd, args) = rest.split_once(' ').unwrap_or((rest, ""));
    let cmd = cmd.to_ascii_uppercase();
    if cmd == "UID" {
        let args = args.trim_start();
        let (sub, tail) = args.split_once(' ').unwrap_or((args, ""));
        if !sub.is_empty() {
            return (
                format!("UID {}", sub.to_ascii_uppercase()),
                tail.to_string(),
            );
        }
    }
    (cmd, args.to_string())
}

/// The literal a client line ends with: `{N}` or `{N+}` (also `~{N}` for binary).
pub fn client_literal(line: &str) -> Option<LiteralSpec> {
    let body = line.trim_end().strip_suffix('}')?;
    let open = body.rfind('{')?;
    let inner = &body[open + 1..];
    let (digits, non_sync) = match inner.strip_suffix('+') {
        Some(d) => (d, true),
        None => (inner, false),
    };
    if digits.is_empty() || digits.len() > 19 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(LiteralSpec {
        size: digits.parse().ok()?,
        non_sync,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_markers() {
        assert_eq!(
            client_literal("LOGIN alex {5}"),
            Some(LiteralSpec {
                size: 5,
                non_sync: false
            })
        );
        assert_eq!(
            client_literal("APPEND INBOX {310+}"),
            Some(LiteralSpec {
                size: 310,
                non_sync: true
            })
        );
        assert_eq!(client_literal("LOGIN alex drums"), None);
        assert_eq!(client_literal("x {}"), None);
    }

    #[test]
    fn uid_commands_split() {
        assert_eq!(
            split_command("uid fetch 1:* FLAGS"),
            ("UID FETCH".to_string(), "1:* FLAGS".to_string())
        );
        assert_eq!(split_command("NOOP"), ("NOOP".to_string(), String::new()));
    }
}
