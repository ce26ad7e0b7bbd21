//! Scripted faults for the lab server: [`Faulty`] wraps any [`Session`] and, where a
//! rule of the [`FaultPlan`] matches, answers in the session's place: a greeting that
//! refuses (`421`, `* BYE`), a chosen reply to the k-th or every command of a name,
//! or a dropped connection. An injected reply replaces the command: the wrapped
//! session never sees it, so a refused `MAIL`/`RCPT`/`APPEND` changes nothing.
//!
//! The plan is a small text file (`maillab serve --faults FILE`), one rule a line:
//!
//! ```text
//! # LISTENER  COMMAND   WHEN  ACTION
//! smtp        RCPT      2     reply 550 5.1.1 No such user here
//! *           MAIL      *     reply 451 4.7.1 Greylisted, try again later
//! imap        greeting  *     reply * BYE Server closed for maintenance
//! pop3        RETR      1     drop
//! smtp        RCPT      *     greylist 60 450 4.7.1 Greylisted, come back later
//! ```
//!
//! `LISTENER` is a listener's name (`smtp`, `submission`, `imaps` …) or `*`;
//! `COMMAND` a command name (`UID FETCH` is written `UID-FETCH`) or `greeting`;
//! `WHEN` is `*` (every time) or `K` (the K-th time on a connection, from 1).
//! `reply TEXT` sends TEXT as one line (IMAP: after the command's tag, unless TEXT
//! starts with `*`); a reply of `421`, `* BYE` or `-ERR` to a greeting, and any
//! `421`/`* BYE` reply, closes the connection. `drop` closes it without a word.
//! `greylist T TEXT` answers TEXT to the first try of a command line (the same
//! arguments, on any connection) and lets it through from T seconds later, by the
//! server's clock.
//! Decisions depend only on the rules and the lines, so a run repeats exactly.

use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, FixedOffset};

use super::{Output, Session, Work};
use crate::protocol::follow::line::trailing_literal;
use crate::protocol::follow::{ClientLine, State};
use crate::protocol::Protocol;

/// When a rule fires, counted per connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum When {
    /// Every time.
    Every,
    /// The k-th time (from 1).
    Nth(u32),
}

/// What an injected fault does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Answer with this line instead of the session.
    Reply(String),
    /// Close the connection without a reply.
    Drop,
    /// Greylisting: answer this line to the first try of a command line (the same
    /// arguments, on any connection), and let it through from `seconds` after that
    /// first try (time from the server's clock).
    Greylist { seconds: i64, reply: String },
}

/// One rule of a [`FaultPlan`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Listener name; `None`: every listener.
    pub listener: Option<String>,
    /// Command name in upper case; `None`: the greeting.
    pub command: Option<String>,
    pub when: When,
    pub action: Action,
}

/// The faults to inject, read from `--faults FILE`.
#[derive(Debug, Default)]
pub struct FaultPlan {
    pub rules: Vec<Rule>,
    /// Greylisting: when each command line was first tried (shared by connections).
    first_tries: Mutex<HashMap<String, DateTime<FixedOffset>>>,
}

impl FaultPlan {
    /// Parses the plan's text (see the module's documentation); an error names the line.
    pub fn parse(text: &str) -> Result<FaultPlan, String> {
        let mut rules = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || crate::tr!("serve.faults_bad_line", line = n + 1, text = line);
            // Three words, then the action (its reply text keeps its spaces).
            let mut rest = line;
            let mut word = || {
                let w = rest.split_whitespace().next()?;
                rest = rest.trim_start()[w.len()..].trim_start();
                Some(w)
            };
            let (Some(listener), Some(command), Some(when)) = (word(), word(), word()) else {
                return Err(bad());
            };
            let action = rest.trim();
            let action = if action.eq_ignore_ascii_case("drop") {
                Action::Drop
            } else if let Some(t) = action.strip_prefix("greylist ") {
                let (secs, text) = t.trim().split_once(' ').ok_or_else(bad)?;
                let seconds = secs.parse::<i64>().map_err(|_| bad())?;
                let text = text.trim();
                if text.is_empty() || !text.is_ascii() || seconds < 0 {
                    return Err(bad());
                }
                Action::Greylist {
                    seconds,
                    reply: text.to_string(),
                }
            } else if let Some(t) = action.strip_prefix("reply").filter(|t| t.starts_with(' ')) {
                let t = t.trim();
                if t.is_empty() || !t.is_ascii() {
                    return Err(bad());
                }
                Action::Reply(t.to_string())
            } else {
                return Err(bad());
            };
            let when = match when {
                "*" => When::Every,
                k => match k.parse::<u32>() {
                    Ok(k) if k > 0 => When::Nth(k),
                    _ => return Err(bad()),
                },
            };
            rules.push(Rule {
                listener: (listener != "*").then(|| listener.to_string()),
                command: (!command.eq_ignore_ascii_case("greeting"))
                    .then(|| command.replace('-', " ").to_ascii_uppercase()),
                when,
                action,
            });
        }
        Ok(FaultPlan {
            rules,
            first_tries: Mutex::default(),
        })
    }

    /// Greylisting: whether `line` (under rule `key`) is still refused at `now`;
    /// its first try starts the wait.
    fn greylisted(&self, key: String, seconds: i64, now: DateTime<FixedOffset>) -> bool {
        let mut tries = self.first_tries.lock().unwrap_or_else(|e| e.into_inner());
        let first = *tries.entry(key).or_insert(now);
        now < first + chrono::Duration::seconds(seconds)
    }

    /// The rules for one listener.
    pub fn for_listener(&self, listener: &str) -> Vec<Rule> {
        self.rules
            .iter()
            .filter(|r| r.listener.as_deref().is_none_or(|l| l == listener))
            .cloned()
            .collect()
    }
}

/// A session with faults injected (see the module's documentation).
pub struct Faulty {
    inner: Box<dyn Session>,
    protocol: Protocol,
    rules: Vec<Rule>,
    /// Times each command was seen on this connection.
    seen: HashMap<String, u32>,
    /// Client bytes not yet a whole line.
    buf: Vec<u8>,
    /// Octets of an IMAP literal still to pass through untouched.
    literal: u64,
    closed: bool,
    /// Told of each injected fault (for the trace); `None`: nobody watches.
    marker: Option<Marker>,
    /// The plan (greylisting memory) and the server's clock.
    plan: Arc<FaultPlan>,
    clock: super::Clock,
}

/// Called with a description of each injected fault (`RCPT #2: reply 550 …`).
pub type Marker = Box<dyn Fn(String) + Send>;

impl Faulty {
    /// Wraps `inner` with `rules` (already chosen for its listener).
    pub fn new(
        inner: Box<dyn Session>,
        protocol: Protocol,
        plan: Arc<FaultPlan>,
        listener: &str,
        clock: super::Clock,
    ) -> Faulty {
        let rules = plan.for_listener(listener);
        Faulty {
            plan,
            clock,
            inner,
            protocol,
            rules,
            seen: HashMap::new(),
            buf: Vec::new(),
            literal: 0,
            closed: false,
            marker: None,
        }
    }

    /// Reports each injected fault to `marker`.
    pub fn marked(mut self, marker: Option<Marker>) -> Faulty {
        self.marker = marker;
        self
    }

    fn matching(&self, command: Option<&str>, count: u32) -> Option<Action> {
        self.rules
            .iter()
            .find(|r| {
                r.command.as_deref() == command
                    && match r.when {
                        When::Every => true,
                        When::Nth(k) => k == count,
                    }
            })
            .map(|r| r.action.clone())
    }

    /// The reply for an injected action; closes the session where the reply says so.
    fn inject(&mut self, action: Action, what: &str, tag: Option<&str>, greeting: bool) -> Output {
        if let Some(mark) = &self.marker {
            mark(match &action {
                Action::Drop => format!("{what}: drop"),
                Action::Reply(t) => format!("{what}: reply {t}"),
                Action::Greylist { reply, .. } => format!("{what}: greylist {reply}"),
            });
        }
        let mut out = Output::default();
        match action {
            Action::Drop => out.close = true,
            Action::Reply(text) | Action::Greylist { reply: text, .. } => {
                let line = match (self.protocol, tag) {
                    (Protocol::Imap, Some(tag)) if !text.starts_with('*') => {
                        format!("{tag} {text}\r\n")
                    }
                    _ => format!("{text}\r\n"),
                };
                out.push(line.as_bytes());
                out.close = text.starts_with("421")
                    || text.to_ascii_uppercase().starts_with("* BYE")
                    || (greeting && text.starts_with("-ERR"));
                out.command_done = true;
            }
        }
        self.closed = out.close;
        out
    }

    /// Bytes the session itself must read (message data, literals): passed through.
    fn pass_through(&mut self, out: &mut Output) -> bool {
        if self.literal > 0 && !self.buf.is_empty() {
            let n = (self.literal as usize).min(self.buf.len());
            let chunk: Vec<u8> = self.buf.drain(..n).collect();
            self.literal -= n as u64;
            out.extend(self.inner.receive(&chunk));
            return true;
        }
        if self.inner.receiving_data() && !self.buf.is_empty() {
            let chunk = std::mem::take(&mut self.buf);
            out.extend(self.inner.receive(&chunk));
            return true;
        }
        false
    }
}

impl Session for Faulty {
    fn greeting(&mut self) -> Output {
        match self.matching(None, 1) {
            Some(a) => self.inject(a, "greeting", None, true),
            None => self.inner.greeting(),
        }
    }

    fn receive(&mut self, input: &[u8]) -> Output {
        let mut out = Output::default();
        if self.closed {
            return out;
        }
        self.buf.extend_from_slice(input);
        loop {
            if self.closed || out.close {
                break;
            }
            if self.pass_through(&mut out) {
                continue;
            }
            let Some(end) = self.buf.iter().position(|&b| b == b'\n') else {
                break;
            };
            let line: Vec<u8> = self.buf.drain(..=end).collect();
            let text = String::from_utf8_lossy(&line);
            let parsed = ClientLine::parse(self.protocol, &text);
            let fault = parsed.command.as_ref().and_then(|c| {
                let n = self.seen.entry(c.clone()).or_default();
                *n += 1;
                let n = *n;
                self.matching(Some(c), n).map(|a| (a, format!("{c} #{n}")))
            });
            // A greylisted line goes through once its wait is over.
            let fault = fault.filter(|(a, _)| match a {
                Action::Greylist { seconds, .. } => {
                    let key = parsed.without_tag().to_ascii_uppercase();
                    self.plan.greylisted(key, *seconds, self.clock.now())
                }
                _ => true,
            });
            match fault {
                // A refused command announcing a literal: the literal is not sent
                // (synchronizing) or is discarded, as a server refusing early would.
                Some((a, what)) => {
                    out.extend(self.inject(a, &what, parsed.tag.as_deref(), false));
                    if let Some((n, true)) = trailing_literal(&text) {
                        let n = (n as usize).min(self.buf.len());
                        self.buf.drain(..n);
                    }
                }
                None => {
                    if self.protocol == Protocol::Imap {
                        if let Some((n, _)) = trailing_literal(&text) {
                            self.literal = n;
                        }
                    }
                    out.extend(self.inner.receive(&line));
                }
            }
        }
        out
    }

    fn wants_store_events(&self) -> bool {
        self.inner.wants_store_events()
    }
    fn store_changed(&mut self) -> Output {
        self.inner.store_changed()
    }
    fn store_replaced(&mut self) -> Output {
        self.inner.store_replaced()
    }
    fn has_pending_input(&self) -> bool {
        self.inner.has_pending_input()
    }
    fn state(&self) -> State {
        self.inner.state()
    }
    fn timed_out(&mut self) -> Output {
        self.inner.timed_out()
    }
    fn tls_started(&mut self) {
        self.inner.tls_started()
    }
    fn disconnected(&mut self) {
        self.inner.disconnected()
    }
    fn attach_driver(&mut self) {
        self.inner.attach_driver()
    }
    fn take_work(&mut self) -> Option<Work> {
        self.inner.take_work()
    }
    fn work_done(&mut self, result: Box<dyn Any + Send>) -> Output {
        self.inner.work_done(result)
    }
    fn authenticated(&self) -> bool {
        self.inner.authenticated()
    }
    fn receiving_data(&self) -> bool {
        self.inner.receiving_data()
    }
}

/// Wraps `session` when `plan` has rules for `listener`; `marker` hears of each fault.
pub fn wrap(
    session: Box<dyn Session>,
    protocol: Protocol,
    listener: &str,
    plan: Option<&Arc<FaultPlan>>,
    marker: Option<Marker>,
    clock: super::Clock,
) -> Box<dyn Session> {
    match plan {
        Some(p) if !p.for_listener(listener).is_empty() => {
            Box::new(Faulty::new(session, protocol, p.clone(), listener, clock).marked(marker))
        }
        _ => session,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_parses_rules_and_names_a_bad_line() {
        let p = FaultPlan::parse("# c\nsmtp  RCPT 2   reply 550 5.1.1  no\n* greeting * drop\n")
            .unwrap();
        assert_eq!(p.rules.len(), 2);
        assert_eq!(p.rules[0].command.as_deref(), Some("RCPT"));
        assert_eq!(p.rules[0].when, When::Nth(2));
        assert_eq!(p.rules[0].action, Action::Reply("550 5.1.1  no".into()));
        assert_eq!(p.rules[1].command, None);
        assert_eq!(p.rules[1].action, Action::Drop);
        assert!(FaultPlan::parse("smtp RCPT 0 drop").is_err());
        assert!(FaultPlan::parse("smtp RCPT 1 shout").is_err());
        let g = FaultPlan::parse("smtp RCPT * greylist 60 450 4.7.1 later").unwrap();
        assert_eq!(
            g.rules[0].action,
            Action::Greylist {
                seconds: 60,
                reply: "450 4.7.1 later".into()
            }
        );
    }
}
