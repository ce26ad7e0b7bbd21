//! The lesson checker as an observer of the REPL's events
//! ([`crate::protocol::follow::Observer`]): it records each session's replies and
//! states as the follower reports them, and [`exchanges`] turns what one typed line
//! produced into [`Exchange`]s for the checker. The runner knows what was typed;
//! the events say which session answered what, and the state each reply left.

use std::sync::{Arc, Mutex};

use super::check::{Exchange, InputKind};
use crate::protocol::follow::{Event, Observer, Part, SessionId, Step};
use crate::protocol::Protocol;

/// Events recorded since the last [`Recorder::take`].
#[derive(Clone, Default)]
pub struct Recorder {
    events: Arc<Mutex<Vec<(SessionId, Event)>>>,
}

impl Recorder {
    /// The events recorded so far, leaving none.
    pub fn take(&self) -> Vec<(SessionId, Event)> {
        self.events
            .lock()
            .map(|mut e| std::mem::take(&mut *e))
            .unwrap_or_default()
    }
}

impl Observer for Recorder {
    fn event(&mut self, session: SessionId, ev: &Event) {
        if let Ok(mut e) = self.events.lock() {
            e.push((session, ev.clone()));
        }
    }

    /// The lesson's meta commands, for `:help` (the runner reads them before a
    /// line reaches the engine).
    fn meta_help(&self) -> Vec<(String, String)> {
        [
            (":hint", "hint"),
            (":show", "show"),
            (":skip", "skip"),
            (":back", "back"),
            (":restart", "restart"),
            (":steps", "steps"),
            (":step", "step"),
            (":answer VALUE", "answer"),
            (":apop USER PASS", "apop"),
        ]
        .iter()
        .map(|(syntax, id)| {
            (
                syntax.to_string(),
                super::tr(&format!("lesson.meta.{id}"), &[]),
            )
        })
        .collect()
    }
}

/// Every line of a step as the learner saw it: wire lines, and the lines of IMAP
/// literals and POP3 data blocks (a header asked for, a message retrieved).
pub fn step_lines(step: &Step) -> Vec<String> {
    let mut out = Vec::new();
    for p in &step.parts {
        match p {
            Part::Line { text, .. } => out.push(String::from_utf8_lossy(text).into_owned()),
            Part::Literal { data, .. } | Part::Block { data, .. } => {
                let text = String::from_utf8_lossy(data);
                out.extend(
                    text.split("\r\n")
                        .map(|l| l.trim_end_matches('\n').to_string())
                        .filter(|l| !l.is_empty()),
                );
            }
        }
    }
    out
}

/// What the runner keeps about the sessions of a run.
#[derive(Clone, Debug, Default)]
pub struct Sessions {
    /// Protocol of each session (index 0 = session 1).
    pub protocols: Vec<Protocol>,
    /// State id of each session after the last reply.
    pub states: Vec<String>,
}

impl Sessions {
    /// Makes room for session `id` (a new session starts in `p`'s first state).
    pub fn ensure(&mut self, id: SessionId, p: Protocol) {
        while self.protocols.len() < id {
            self.protocols.push(p);
            self.states
                .push(crate::protocol::follow::State::initial(p).id().to_string());
        }
    }
}

/// The exchanges one typed line (`typed`: the line and its kind, `None` for
/// server lines that came on their own) produced, given the events it caused and
/// the session current after it.
pub fn exchanges(
    events: &[(SessionId, Event)],
    typed: Option<(&str, InputKind)>,
    current: SessionId,
    sessions: &mut Sessions,
) -> Vec<Exchange> {
    let mut lines: Vec<(SessionId, Vec<String>)> = Vec::new();
    for (id, ev) in events {
        match ev {
            Event::SessionOpened { id, protocol, .. } => sessions.ensure(*id, *protocol),
            Event::Reply(step) => {
                let p = step.after.protocol();
                sessions.ensure(*id, p);
                sessions.states[id - 1] = step.after.id().to_string();
                let new = step_lines(step);
                match lines.iter_mut().find(|(s, _)| s == id) {
                    Some((_, l)) => l.extend(new),
                    None => lines.push((*id, new)),
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    let exchange =
        |session: SessionId, kind, input: &str, lines: Vec<String>, s: &Sessions| Exchange {
            session,
            protocol: s
                .protocols
                .get(session - 1)
                .copied()
                .unwrap_or(Protocol::Imap),
            kind,
            input: input.to_string(),
            lines,
            state: s.states.get(session - 1).cloned().unwrap_or_default(),
        };
    let mut mine = Vec::new();
    for (id, l) in lines {
        if id == current {
            mine = l;
        } else {
            out.push(exchange(id, InputKind::Push, "", l, sessions));
        }
    }
    match typed {
        Some((line, kind)) => out.push(exchange(current, kind, line, mine, sessions)),
        None if !mine.is_empty() => {
            out.push(exchange(current, InputKind::Push, "", mine, sessions))
        }
        None => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::follow::{Follower, ImapState, State};

    /// Steps a follower makes of a greeting, a LOGIN and its reply.
    fn steps() -> Vec<Event> {
        let mut f = Follower::new(Protocol::Imap);
        let mut out: Vec<Event> = f
            .server_bytes(b"* OK ready\r\n")
            .into_iter()
            .map(|s| Event::Reply(Arc::new(s)))
            .collect();
        f.client_line(&crate::protocol::follow::ClientLine::parse(
            Protocol::Imap,
            "a1 LOGIN alex drums",
        ));
        out.extend(
            f.server_bytes(b"a1 OK logged in\r\n")
                .into_iter()
                .map(|s| Event::Reply(Arc::new(s))),
        );
        out
    }

    #[test]
    fn replies_and_states_become_exchanges_per_session() {
        let mut sessions = Sessions::default();
        let mut events: Vec<(SessionId, Event)> = vec![(
            1,
            Event::SessionOpened {
                id: 1,
                protocol: Protocol::Imap,
                label: String::new(),
            },
        )];
        events.extend(steps().into_iter().map(|e| (1, e)));
        let xs = exchanges(
            &events,
            Some(("LOGIN alex drums", InputKind::Command)),
            1,
            &mut sessions,
        );
        assert_eq!(xs.len(), 1);
        assert_eq!(xs[0].lines, vec!["* OK ready", "a1 OK logged in"]);
        assert_eq!(xs[0].state, State::Imap(ImapState::Authenticated).id());
        // Lines of another session are a push of that session.
        let events: Vec<(SessionId, Event)> = steps().into_iter().map(|e| (1, e)).collect();
        let xs = exchanges(
            &events,
            Some(("EHLO x", InputKind::Command)),
            2,
            &mut sessions,
        );
        assert_eq!(xs[0].kind, InputKind::Push);
        assert_eq!(xs[0].session, 1);
        assert_eq!(xs[1].session, 2);
        assert!(xs[1].lines.is_empty());
    }

    #[test]
    fn the_recorder_keeps_events_until_taken() {
        let r = Recorder::default();
        let mut o: Box<dyn Observer> = Box::new(r.clone());
        o.event(3, &Event::SessionClosed { id: 3 });
        assert_eq!(r.take().len(), 1);
        assert!(r.take().is_empty());
    }
}
