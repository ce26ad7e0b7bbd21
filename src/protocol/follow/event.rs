//! What happens in a session, as one event type every front end shares: the REPL
//! engine emits these to its observers (the renderer, the transcript writer, a
//! lesson checker), and a lab server's session wrapper can emit the same.
//!
//! Observers only watch; the one thing they may add is meta commands
//! ([`Observer::meta`]), so a lesson checker can offer `:check` without the engine
//! knowing about lessons.

use std::sync::Arc;

use super::{ClientLine, Step};
use crate::protocol::Protocol;

/// A session's number within one front end (the REPL's `[2]`), from 1.
pub type SessionId = usize;

/// A client line that is not a command: what it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sent {
    /// A command line (IMAP: tagged, as on the wire).
    Command(Arc<ClientLine>),
    /// The rest of an IMAP command after a literal (RFC 3501 §4.3).
    Rest(Arc<ClientLine>),
    /// Octets of a client literal or an SMTP BDAT chunk; `left` still to come.
    Literal {
        octets: u64,
        left: u64,
        secret: bool,
    },
    /// An answer to a continuation request: a SASL response (secret), `*` to cancel,
    /// IDLE's `DONE`.
    Answer { line: String, secret: bool },
    /// A line of an SMTP message body after 354 (as on the wire, dot-stuffed).
    Body(String),
    /// The lone `.` that ends an SMTP message body (RFC 5321 §4.1.1.4).
    BodyEnd,
}

impl Sent {
    /// The line as it may be shown or kept, secrets masked; `None` for literal
    /// octets (a front end says how many in its own words).
    pub fn shown(&self) -> Option<String> {
        Some(match self {
            Sent::Command(l) | Sent::Rest(l) => l.masked(),
            Sent::Literal { .. } => return None,
            Sent::Answer { secret: true, .. } => super::line::MASK.to_string(),
            Sent::Answer { line, .. } => line.clone(),
            Sent::Body(l) => l.clone(),
            Sent::BodyEnd => ".".to_string(),
        })
    }
}

/// An event of one session.
#[derive(Clone, Debug)]
pub enum Event {
    /// The client sent a line (or literal octets).
    LineSent(Sent),
    /// The server replied; the follower's step says what it answered and what changed.
    Reply(Arc<Step>),
    /// Something the front end says about the session (by language-table id).
    Note {
        id: String,
        args: Vec<(String, String)>,
    },
    /// A warning (by language-table id).
    Warning {
        id: String,
        args: Vec<(String, String)>,
    },
    /// A connection was opened: `label` says to what (`the embedded server`, a URL).
    SessionOpened {
        id: SessionId,
        protocol: Protocol,
        label: String,
    },
    /// The connection ended.
    SessionClosed { id: SessionId },
    /// A line the front end showed besides replies, notes and warnings: a typed
    /// line as it went out (`C: …`), a meta command (`M: …`) and what it printed,
    /// secrets masked, as plain text. A transcript is these lines, the rendered
    /// replies and the notes and warnings, in order. The lab server emits none.
    Shown { line: String },
    /// TLS is up on the connection.
    TlsUp {
        /// The certificate was verified.
        verified: bool,
        /// Negotiated protocol version and cipher suite, as the TLS layer names them.
        version: String,
        cipher: String,
    },
}

impl Event {
    /// A note or warning by id, its arguments as text.
    pub fn note(id: &str, args: &[(&str, String)]) -> Event {
        Event::Note {
            id: id.to_string(),
            args: own(args),
        }
    }

    /// A warning by id, its arguments as text.
    pub fn warning(id: &str, args: &[(&str, String)]) -> Event {
        Event::Warning {
            id: id.to_string(),
            args: own(args),
        }
    }

    /// The text of a note or warning in `lang` (an argument of digits only is a
    /// number, so it chooses plural forms); `None` for other events.
    pub fn text_in(&self, lang: &crate::protocol::text::Language) -> Option<String> {
        use crate::protocol::text::Arg;
        let (Event::Note { id, args } | Event::Warning { id, args }) = self else {
            return None;
        };
        let args: Vec<(&str, Arg<'_>)> = args
            .iter()
            .map(|(k, v)| {
                let number = !v.is_empty()
                    && v.bytes().all(|b| b.is_ascii_digit())
                    && (v == "0" || !v.starts_with('0'));
                let arg = match v.parse::<u64>() {
                    Ok(n) if number => Arg::from(n),
                    _ => Arg::from(v),
                };
                (k.as_str(), arg)
            })
            .collect();
        Some(lang.render(id, &args).unwrap_or_else(|| id.clone()))
    }
}

fn own(args: &[(&str, String)]) -> Vec<(String, String)> {
    args.iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

/// What a meta command an observer handled produced.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MetaResult {
    /// Lines to show, as output of the meta command.
    pub lines: Vec<String>,
    /// Lines to send to the server as if typed (a lesson's "show me").
    pub send: Vec<String>,
}

/// Watches a front end's sessions.
pub trait Observer: Send {
    /// One event of session `session`.
    fn event(&mut self, session: SessionId, ev: &Event);

    /// A meta command line (`:check`, `:hint`) the front end does not know: return
    /// `Some` to handle it. The default handles none.
    fn meta(&mut self, line: &str) -> Option<MetaResult> {
        let _ = line;
        None
    }

    /// Lines for `:help` describing the meta commands [`Observer::meta`] handles
    /// (`(syntax, what)`).
    fn meta_help(&self) -> Vec<(String, String)> {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Count(usize);
    impl Observer for Count {
        fn event(&mut self, _: SessionId, ev: &Event) {
            if matches!(ev, Event::LineSent(_)) {
                self.0 += 1;
            }
        }
    }

    #[test]
    fn observers_get_events_and_handle_no_meta_by_default() {
        let mut c = Count(0);
        let line = Arc::new(ClientLine::parse(Protocol::Pop3, "PASS drums"));
        c.event(1, &Event::LineSent(Sent::Command(line.clone())));
        assert_eq!(c.0, 1);
        assert!(c.meta(":check").is_none());
        assert_eq!(Sent::Command(line).shown().as_deref(), Some("PASS ****"));
        assert_eq!(
            Sent::Answer {
                line: "AGFsZXg=".into(),
                secret: true
            }
            .shown()
            .as_deref(),
            Some("****")
        );
    }
}
