//! Session states per protocol, one enum each, with a stable id per state.
//!
//! The ids are the state names the command tables use (`src/protocol/data/*.toml`,
//! [`crate::protocol::states`]) and the keys of the state names in the language
//! tables, so a prompt, a "valid in" message and a lesson check all say the same.

use super::super::Protocol;

/// IMAP connection states (RFC 3501 §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImapState {
    /// §3.1: before LOGIN or AUTHENTICATE succeeds.
    NotAuthenticated,
    /// §3.2: logged in, no mailbox selected.
    Authenticated,
    /// §3.3: a mailbox is selected (SELECT or EXAMINE succeeded).
    Selected,
    /// §3.4: the connection is being ended (BYE seen).
    Logout,
}

/// Where an SMTP session stands (RFC 5321 §3.3, §4.1.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SmtpState {
    /// Greeting received, no HELO/EHLO accepted yet (also after STARTTLS, RFC 3207 §4.2).
    Connected,
    /// HELO/EHLO accepted, no mail transaction open.
    Greeted,
    /// MAIL FROM accepted.
    Mail,
    /// At least one RCPT TO accepted.
    Rcpt,
    /// 354 received: the message body is being sent.
    Data,
    /// QUIT answered, or the server closed the connection.
    Closed,
}

/// POP3 session states (RFC 1939 §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pop3State {
    /// Before USER/PASS, APOP or AUTH succeeds.
    Authorization,
    /// The maildrop is locked and open.
    Transaction,
    /// QUIT was accepted in TRANSACTION: deletions are carried out.
    Update,
}

/// The state of a session of any protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum State {
    Imap(ImapState),
    Smtp(SmtpState),
    Pop3(Pop3State),
}

impl ImapState {
    /// The stable id (`not-authenticated`, `authenticated`, `selected`, `logout`).
    pub fn id(self) -> &'static str {
        match self {
            ImapState::NotAuthenticated => "not-authenticated",
            ImapState::Authenticated => "authenticated",
            ImapState::Selected => "selected",
            ImapState::Logout => "logout",
        }
    }
}

impl SmtpState {
    /// The stable id (`connected`, `greeted`, `mail`, `rcpt`, `data`, `closed`).
    pub fn id(self) -> &'static str {
        match self {
            SmtpState::Connected => "connected",
            SmtpState::Greeted => "greeted",
            SmtpState::Mail => "mail",
            SmtpState::Rcpt => "rcpt",
            SmtpState::Data => "data",
            SmtpState::Closed => "closed",
        }
    }
}

impl Pop3State {
    /// The stable id (`authorization`, `transaction`, `update`).
    pub fn id(self) -> &'static str {
        match self {
            Pop3State::Authorization => "authorization",
            Pop3State::Transaction => "transaction",
            Pop3State::Update => "update",
        }
    }
}

impl State {
    /// The first state of a fresh connection of `p`.
    pub fn initial(p: Protocol) -> State {
        match p {
            Protocol::Imap => State::Imap(ImapState::NotAuthenticated),
            Protocol::Smtp => State::Smtp(SmtpState::Connected),
            Protocol::Pop3 => State::Pop3(Pop3State::Authorization),
        }
    }

    /// The protocol this state belongs to.
    pub fn protocol(self) -> Protocol {
        match self {
            State::Imap(_) => Protocol::Imap,
            State::Smtp(_) => Protocol::Smtp,
            State::Pop3(_) => Protocol::Pop3,
        }
    }

    /// The stable id, as the command tables name states.
    pub fn id(self) -> &'static str {
        match self {
            State::Imap(s) => s.id(),
            State::Smtp(s) => s.id(),
            State::Pop3(s) => s.id(),
        }
    }

    /// The id of the state's display name in the language tables
    /// (`state.imap.selected`, `state.imap.not_authenticated`: `-` becomes `_`, as
    /// language ids spell words).
    pub fn text_id(self) -> String {
        format!(
            "state.{}.{}",
            self.protocol().name(),
            self.id().replace('-', "_")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_command_tables_state_names() {
        for p in [Protocol::Imap, Protocol::Smtp, Protocol::Pop3] {
            let all: Vec<State> = match p {
                Protocol::Imap => [
                    ImapState::NotAuthenticated,
                    ImapState::Authenticated,
                    ImapState::Selected,
                    ImapState::Logout,
                ]
                .map(State::Imap)
                .to_vec(),
                Protocol::Smtp => [
                    SmtpState::Connected,
                    SmtpState::Greeted,
                    SmtpState::Mail,
                    SmtpState::Rcpt,
                    SmtpState::Data,
                ]
                .map(State::Smtp)
                .to_vec(),
                Protocol::Pop3 => [
                    Pop3State::Authorization,
                    Pop3State::Transaction,
                    Pop3State::Update,
                ]
                .map(State::Pop3)
                .to_vec(),
            };
            let ids: Vec<&str> = all.iter().map(|s| s.id()).collect();
            assert_eq!(ids, crate::protocol::states(p), "{p}");
            assert_eq!(State::initial(p).id(), crate::protocol::states(p)[0]);
        }
    }
}
