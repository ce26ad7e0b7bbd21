//! The session state as the REPL's prompt and `:sessions` show it. What the state is
//! comes from the protocol follower ([`crate::protocol::follow::Follower`]); the
//! words come from the language table by [`State::text_id`].

use crate::protocol::follow::{Follower, SmtpState, State};
use crate::protocol::text::{self, Language};

/// The state as the prompt shows it: `not authenticated`, `selected INBOX`,
/// `in DATA`, `transaction`, `greeted, authenticated`, `closed`.
pub fn prompt_state(f: &Follower) -> String {
    prompt_state_in(text::current(), f)
}

/// [`prompt_state`] as shown to the learner: outside English the state's words
/// carry its Latin name the first time in the run ([`super::gloss`]).
pub fn prompt_state_shown(f: &Follower) -> String {
    state_words(text::current(), f, true)
}

/// [`prompt_state`] in a given language.
pub fn prompt_state_in(lang: &Language, f: &Follower) -> String {
    state_words(lang, f, false)
}

fn state_words(lang: &Language, f: &Follower, glossed: bool) -> String {
    let state = if f.is_closed() {
        // Every protocol's connection ends the same way on screen.
        State::Smtp(SmtpState::Closed)
    } else {
        f.state()
    };
    let mailbox = f.mailbox().unwrap_or_default();
    let name = if glossed {
        super::gloss::state(lang, state.protocol(), state.id(), mailbox, None)
    } else {
        lang.text(&state.text_id(), &[("mailbox", mailbox)])
            .unwrap_or_else(|| state.id().to_string())
    };
    let authenticated = matches!(state, State::Smtp(s) if s != SmtpState::Data && s != SmtpState::Closed)
        && f.authenticated();
    if authenticated {
        lang.text("repl.state.and_authenticated", &[("state", &name)])
            .unwrap_or(name)
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::follow::ClientLine;
    use crate::protocol::Protocol;

    fn feed(p: Protocol, client: &[&str], server: &str) -> Follower {
        let mut f = Follower::new(p);
        for c in client {
            f.client_line(&ClientLine::parse(p, c));
        }
        f.server_bytes(server.as_bytes());
        f
    }

    #[test]
    fn every_state_has_its_words() {
        let en = text::english();
        let f = feed(
            Protocol::Imap,
            &["a1 LOGIN alex drums", "a2 SELECT INBOX"],
            "* OK\r\na1 OK\r\na2 OK\r\n",
        );
        assert_eq!(prompt_state_in(en, &f), "selected INBOX");
        let f = feed(
            Protocol::Smtp,
            &["EHLO me", "AUTH PLAIN AGFsZXgAZHJ1bXM=", "MAIL FROM:<a@b>"],
            "220 hi\r\n250 ok\r\n235 2.7.0 ok\r\n250 ok\r\n",
        );
        assert_eq!(
            prompt_state_in(en, &f),
            "in transaction (MAIL), authenticated"
        );
        let mut f = feed(Protocol::Pop3, &[], "+OK\r\n");
        assert_eq!(prompt_state_in(en, &f), "authorization");
        f.closed();
        assert_eq!(prompt_state_in(en, &f), "closed");
    }
}
