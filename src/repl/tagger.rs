//! IMAP auto-tagging (RFC 3501 §2.2.1).
//!
//! A learner types `LOGIN alex drums`; the wire gets `a001 LOGIN alex drums`. A line
//! the learner tagged already (first word a tag, second word a command) goes out
//! untouched. The line is parsed once, by [`ClientLine::parse`], whose idea of a
//! command is the protocol table's.

use crate::protocol::follow::ClientLine;
use crate::protocol::Protocol;

/// An IMAP line ready for the wire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tagged {
    /// The line as it goes on the wire (without CRLF), parsed.
    pub line: ClientLine,
    /// The tag was added by the REPL.
    pub added: bool,
}

impl Tagged {
    /// The tag on the wire.
    pub fn tag(&self) -> &str {
        self.line.tag.as_deref().unwrap_or_default()
    }
}

/// Hands out tags `a001`, `a002`, ...
#[derive(Clone, Debug, Default)]
pub struct Tagger {
    next: u32,
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
        let typed = ClientLine::parse(Protocol::Imap, line);
        if typed.tag.is_some() && typed.spec.is_some() {
            return Tagged {
                line: typed,
                added: false,
            };
        }
        let tag = self.peek();
        self.next = self.next.saturating_add(1);
        let wire = format!("{tag} {}", line.trim_start());
        let mut parsed = ClientLine::parse(Protocol::Imap, &wire);
        if parsed.tag.as_deref() != Some(tag.as_str()) {
            // A first word that is a command and no tag (`DONE x`): the tag is ours.
            parsed.tag = Some(tag);
        }
        Tagged {
            line: parsed,
            added: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_added_unless_typed() {
        let mut t = Tagger::new();
        let a = t.tag("login alex drums");
        assert_eq!(a.line.raw, "a001 login alex drums");
        assert_eq!(a.line.command.as_deref(), Some("LOGIN"));
        assert!(a.added);
        let b = t.tag("x9 SELECT INBOX");
        assert_eq!((b.tag(), b.added), ("x9", false));
        let c = t.tag("FROB it");
        assert_eq!(c.line.raw, "a002 FROB it");
        assert_eq!(c.line.command.as_deref(), Some("FROB"));
        let d = t.tag("uid fetch 1:* FLAGS");
        assert_eq!(d.line.command.as_deref(), Some("UID FETCH"));
        assert_eq!(d.tag(), "a003");
    }
}
