//! The mock IMAP4rev1 server session (RFC 3501) with the extensions today's clients
//! expect: IDLE (RFC 2177), UIDPLUS (RFC 4315), MOVE (RFC 6851), NAMESPACE (RFC 2342),
//! ENABLE (RFC 5161), LITERAL+ (RFC 7888), SASL-IR (RFC 4959), SPECIAL-USE (RFC 6154),
//! ID (RFC 2971), UNSELECT (RFC 3691) and CHILDREN (RFC 3348).
//!
//! The session is sans-I/O: [`ImapSession::receive`] takes bytes in any chunking and
//! returns the bytes to send. [`parser::Framer`] assembles whole commands (with
//! literals); `session` holds the states, the dispatch and the per-session view of the
//! selected mailbox (so that other sessions' changes are announced at the moments
//! RFC 3501 §7 allows), `mailbox` the mailbox commands and `messages` the commands on
//! the selected mailbox's messages, with [`fetch`] and [`search`] for their data items
//! and criteria.

mod checks;
pub mod fetch;
mod mailbox;
mod messages;
pub mod mutf7;
pub mod parser;
mod quota;
pub mod response;
pub mod search;
mod session;
pub mod view;

use std::any::Any;

use super::{Output, ServerConfig, Session, Splice, Work};
use crate::store::SharedStore;
use parser::{Event, Framer};

/// One IMAP connection's state machine.
pub struct ImapSession {
    store: SharedStore,
    config: ServerConfig,
    framer: Framer,
    session_id: u64,
    state: session::State,
    mode: session::Mode,
    closed: bool,
    /// Input not yet handled because the output of one call reached
    /// [`OUTPUT_BUDGET`] or a command waits for its work; handled once the driver has
    /// written that output.
    pending: Vec<u8>,
    /// A driver runs long work and writes shared octets ([`Session::attach_driver`]).
    driven: bool,
    /// Work left for the driver ([`Session::take_work`]).
    work: Option<Work>,
    /// The command waiting for that work's result.
    awaiting: Option<session::Awaiting>,
    /// Stored octets the command being handled writes without copying, positioned in
    /// its reply body (moved into [`Output::spliced`] with the body).
    splices: Vec<Splice>,
}

/// Output gathered in one call before the session pauses and lets the driver write it
/// (see [`Session::has_pending_input`]): pipelined `FETCH 1:* BODY[]` commands must not
/// pile up in memory.
const OUTPUT_BUDGET: usize = 1 << 20;

impl ImapSession {
    /// A new session on `store`; nothing is sent until [`Session::greeting`].
    pub fn new(store: SharedStore, config: ServerConfig) -> Self {
        let session_id = store.new_session_id();
        ImapSession {
            framer: Framer::new(config.max_literal),
            store,
            config,
            session_id,
            state: session::State::NotAuthenticated,
            mode: session::Mode::Command,
            pending: Vec::new(),
            closed: false,
            driven: false,
            work: None,
            awaiting: None,
            splices: Vec::new(),
        }
    }

    /// Before login only small literals are read (RFC 7888 LITERAL-).
    fn literal_limit(&mut self) {
        if matches!(self.state, session::State::NotAuthenticated) {
            let n = self.config.prelogin_literal.min(self.config.max_literal);
            self.framer.set_limit(n, true);
        } else {
            self.framer.set_limit(self.config.max_literal, false);
        }
    }

    /// Handles `input` (pending input already put in front of it).
    fn receive_now(&mut self, input: &[u8]) -> Output {
        let mut out = Output::default();
        let mut pos = 0;
        while !self.closed && pos < input.len() {
            let literals = matches!(self.mode, session::Mode::Command);
            self.literal_limit();
            let snapshot = self.precheck_info();
            let mut precheck = |cmd: &[u8], sync: bool| snapshot.check(cmd, sync);
            let Some(ev) = self.framer.next(input, &mut pos, literals, &mut precheck) else {
                break;
            };
            match ev {
                Event::Command { bytes, has_nul, .. } => {
                    out.command_done = true;
                    self.handle_line(&bytes, has_nul, &mut out);
                    if self.awaiting.is_some() {
                        // The rest waits until the work's answer is written.
                        self.pending = input[pos..].to_vec();
                        break;
                    }
                    if out.start_tls {
                        // Anything pipelined after STARTTLS was sent in the clear and must
                        // not be trusted once TLS is up (CVE-2011-0411): drop it.
                        self.framer.reset();
                        break;
                    }
                    if out.len() >= OUTPUT_BUDGET && pos < input.len() && !out.close {
                        self.pending = input[pos..].to_vec();
                        break;
                    }
                }
                Event::LiteralReady => out.push(b"+ Ready for literal data\r\n"),
                Event::TooLong { tag } => out.push(
                    format!(
                        "{tag} BAD {}\r\n",
                        crate::tr_en!(
                            "server.imap.line_longer_than_kib",
                            max_line = parser::MAX_LINE / 1024
                        )
                    )
                    .as_bytes(),
                ),
                Event::BadLiteral { tag, size, fatal } => {
                    out.push(
                        format!(
                            "{tag} BAD {}\r\n",
                            crate::tr_en!("server.imap.literal_size_not_valid", size = size)
                        )
                        .as_bytes(),
                    );
                    if fatal {
                        out.push(b"* BYE cannot find the end of a non-synchronizing literal of that size, closing\r\n");
                        out.close = true;
                        self.closed = true;
                    }
                }
                Event::TooBig { tag, size, unread } => {
                    let before_login = matches!(self.state, session::State::NotAuthenticated);
                    if before_login {
                        let limit = self.config.prelogin_literal.min(self.config.max_literal);
                        let status = if unread { "BAD" } else { "NO" };
                        let why = crate::tr_en!(
                            "server.imap.prelogin_literal",
                            limit = limit,
                            size = size
                        );
                        out.push(format!("{tag} {status} [TOOBIG] {why}\r\n").as_bytes());
                    } else {
                        out.push(
                            format!(
                                "{tag} NO {}\r\n",
                                crate::tr_en!(
                                    "server.imap.toobig_literal_octets_over",
                                    size = size,
                                    max_literal = self.config.max_literal
                                )
                            )
                            .as_bytes(),
                        );
                    }
                    if unread {
                        let why = crate::tr_en!("server.imap.literal_not_skipped");
                        out.push(format!("* BYE {why}\r\n").as_bytes());
                        out.close = true;
                        self.closed = true;
                    }
                }
                Event::Rejected { reply } => out.push(&reply),
            }
            if out.close {
                self.closed = true;
            }
        }
        out
    }
}

impl ImapSession {
    /// Whether the selected mailbox is no longer the one opened (a new UIDVALIDITY
    /// after the teacher replaced its mail, or gone).
    fn selected_replaced(&self) -> bool {
        let session::State::Selected(user, sel) = &self.state else {
            return false;
        };
        !self.closed
            && !self.store.read(|i| {
                i.users
                    .get(user.as_str())
                    .and_then(|u| u.mailboxes.get(&sel.key))
                    .is_some_and(|m| m.uidvalidity == sel.uidvalidity && !m.noselect)
            })
    }
}

impl Session for ImapSession {
    fn greeting(&mut self) -> Output {
        let caps = self.capability_string();
        Output {
            bytes: format!(
                "* OK {}\r\n",
                crate::tr_en!("server.imap.capability_maillab_mock_imap", caps = caps)
            )
            .into_bytes(),
            ..Output::default()
        }
    }

    fn receive(&mut self, input: &[u8]) -> Output {
        if self.awaiting.is_some() {
            // Not expected from a driver (it waits for the work); keep the order anyway.
            self.pending.extend_from_slice(input);
            return Output::default();
        }
        if self.pending.is_empty() {
            return self.receive_now(input);
        }
        let mut all = std::mem::take(&mut self.pending);
        all.extend_from_slice(input);
        self.receive_now(&all)
    }

    fn has_pending_input(&self) -> bool {
        !self.pending.is_empty() && !self.closed && self.awaiting.is_none()
    }

    fn attach_driver(&mut self) {
        self.driven = true;
    }

    fn take_work(&mut self) -> Option<Work> {
        self.work.take()
    }

    fn work_done(&mut self, result: Box<dyn Any + Send>) -> Output {
        let mut out = Output::default();
        if let Some(awaiting) = self.awaiting.take() {
            self.finish_work(awaiting, result, &mut out);
        }
        out
    }

    fn authenticated(&self) -> bool {
        !matches!(self.state, session::State::NotAuthenticated)
    }

    fn receiving_data(&self) -> bool {
        self.framer.in_literal()
    }

    fn wants_store_events(&self) -> bool {
        matches!(self.mode, session::Mode::Idle { .. }) && !self.closed
    }

    fn store_changed(&mut self) -> Output {
        let mut out = Output::default();
        if self.selected_replaced() {
            // No EXPUNGEs for mail the teacher replaced: the BYE says it.
            return self.store_replaced();
        }
        if self.wants_store_events() {
            self.sync(true, &mut out.bytes);
        }
        out
    }

    fn store_replaced(&mut self) -> Output {
        let mut out = Output::default();
        if !self.selected_replaced() {
            return out;
        }
        if let session::State::Selected(_, sel) = &self.state {
            let text = super::say("server.accounts.reset_bye", &[("mailbox", &sel.key)]);
            out.bytes = format!("* BYE {text}\r\n").into_bytes();
        }
        out.close = true;
        self.closed = true;
        out
    }

    fn state(&self) -> crate::protocol::follow::State {
        use crate::protocol::follow::{ImapState, State};
        State::Imap(if self.closed {
            ImapState::Logout
        } else {
            match self.state {
                session::State::NotAuthenticated => ImapState::NotAuthenticated,
                session::State::Authenticated(_) => ImapState::Authenticated,
                session::State::Selected(..) => ImapState::Selected,
            }
        })
    }

    fn timed_out(&mut self) -> Output {
        self.closed = true;
        Output {
            bytes: format!(
                "* BYE {}\r\n",
                super::idle_goodbye(if matches!(self.state, session::State::NotAuthenticated) {
                    self.config.prelogin_timeout.min(self.config.idle_timeout)
                } else {
                    self.config.idle_timeout
                })
            )
            .into_bytes(),
            close: true,
            ..Output::default()
        }
    }

    fn tls_started(&mut self) {
        self.config.tls_active = true;
    }

    fn disconnected(&mut self) {
        // A half-received APPEND is simply dropped: nothing was stored yet.
        self.framer.reset();
        self.closed = true;
    }
}
