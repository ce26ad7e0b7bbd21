//! The lab server's statistics: every session's [`SessionStats`] with who it was,
//! and totals per protocol, as a versioned JSON document (`--stats-file`) and a
//! table.
//!
//! Document (version 1):
//! ```json
//! { "version": 1,
//!   "sessions": [ { "id": 3, "protocol": "imap", "listener": "imaps", "peer": "127.0.0.1:50312",
//!                   "user": "alex", "failure": null, "wire_in": 812, "wire_out": 4410,
//!                   "text_in": 120, "text_out": 1830, "lines_in": 6, "lines_out": 21,
//!                   "commands": 5, "round_trips": 5, "first_byte_ms": 0.4,
//!                   "duration_ms": 38.2, "tls_handshake_ms": 3.1, "tls": true } ],
//!   "protocols": { "imap": { "sessions": 1, "commands": 5, "round_trips": 5,
//!                            "text_in": 120, "text_out": 1830, "wire_in": 812, "wire_out": 4410 } } }
//! ```
//! `sessions` keeps the most recent [`MAX_SESSIONS`]; `protocols` counts them all.

use std::collections::{BTreeMap, VecDeque};

use serde::Serialize;

use crate::server::observe::{Failure, LabEvent, Record, SessionStats};

/// The version of the JSON document.
pub const VERSION: u32 = 1;
/// Sessions listed one by one (the oldest are dropped from the list, not the totals).
pub const MAX_SESSIONS: usize = 10_000;

/// One session's line in the document.
#[derive(Clone, Debug, Serialize)]
pub struct SessionEntry {
    pub id: usize,
    pub protocol: &'static str,
    pub listener: String,
    pub peer: Option<String>,
    pub user: Option<String>,
    pub failure: Option<Failure>,
    #[serde(flatten)]
    pub stats: SessionStats,
}

/// Totals of one protocol.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Totals {
    pub sessions: u64,
    pub commands: u64,
    pub round_trips: u64,
    pub text_in: u64,
    pub text_out: u64,
    pub wire_in: u64,
    pub wire_out: u64,
}

/// Gathers the statistics of ended sessions.
#[derive(Debug, Default)]
pub struct Collector {
    sessions: VecDeque<SessionEntry>,
    protocols: BTreeMap<&'static str, Totals>,
    /// Failures seen per session still open (reported before its statistics).
    failures: BTreeMap<usize, Failure>,
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    sessions: &'a VecDeque<SessionEntry>,
    protocols: &'a BTreeMap<&'static str, Totals>,
}

impl Collector {
    /// Notes a failure record; adds a statistics record.
    pub fn add(&mut self, r: &Record, stats: SessionStats) {
        let t = self.protocols.entry(r.session.protocol.name()).or_default();
        t.sessions += 1;
        t.commands += stats.commands;
        t.round_trips += stats.round_trips;
        t.text_in += stats.text_in;
        t.text_out += stats.text_out;
        t.wire_in += stats.wire_in.unwrap_or(0);
        t.wire_out += stats.wire_out.unwrap_or(0);
        if self.sessions.len() >= MAX_SESSIONS {
            self.sessions.pop_front();
        }
        self.sessions.push_back(SessionEntry {
            id: r.session.id,
            protocol: r.session.protocol.name(),
            listener: r.session.listener.clone(),
            peer: r.session.peer.map(|p| p.to_string()),
            user: r.user.as_deref().map(str::to_string),
            failure: self.failures.remove(&r.session.id),
            stats,
        });
    }

    /// Any record: failures are remembered for the session's entry.
    pub fn saw(&mut self, r: &Record) {
        if let LabEvent::Failed(f) = r.event {
            if self.failures.len() < MAX_SESSIONS {
                self.failures.insert(r.session.id, f);
            }
        }
    }

    /// Totals per protocol.
    pub fn totals(&self) -> &BTreeMap<&'static str, Totals> {
        &self.protocols
    }

    /// The JSON document.
    pub fn json(&self) -> String {
        self.json_for(None)
    }

    /// The sessions of `user` only, with their own totals.
    fn only(&self, user: &str) -> Collector {
        let mut c = Collector::default();
        for e in &self.sessions {
            if e.user.as_deref().is_some_and(|u| super::same_user(u, user)) {
                let t = c.protocols.entry(e.protocol).or_default();
                t.sessions += 1;
                t.commands += e.stats.commands;
                t.round_trips += e.stats.round_trips;
                t.text_in += e.stats.text_in;
                t.text_out += e.stats.text_out;
                t.wire_in += e.stats.wire_in.unwrap_or(0);
                t.wire_out += e.stats.wire_out.unwrap_or(0);
                c.sessions.push_back(e.clone());
            }
        }
        c
    }

    /// The JSON document, of one user's sessions when `user` is given.
    pub fn json_for(&self, user: Option<&str>) -> String {
        if let Some(u) = user {
            return self.only(u).json_for(None);
        }
        serde_json::to_string_pretty(&Document {
            version: VERSION,
            sessions: &self.sessions,
            protocols: &self.protocols,
        })
        .unwrap_or_default()
    }

    /// The totals as a text table.
    pub fn table(&self) -> String {
        self.table_for(None)
    }

    /// The totals as a text table, of one user's sessions when `user` is given.
    pub fn table_for(&self, user: Option<&str>) -> String {
        if let Some(u) = user {
            return self.only(u).table_for(None);
        }
        let mut s = crate::tr!("lab.stats.table_head");
        s.push('\n');
        for (p, t) in &self.protocols {
            s.push_str(&format!(
                "{p:<9} {:>9} {:>9} {:>12} {:>8} {:>9} {:>8} {:>9}\n",
                t.sessions, t.commands, t.round_trips, t.text_in, t.text_out, t.wire_in, t.wire_out
            ));
        }
        s
    }
}
