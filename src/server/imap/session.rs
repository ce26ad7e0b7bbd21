//! Command execution: states (RFC 3501 §3), dispatch, the selected-mailbox view and
//! the untagged updates other sessions' changes cause (RFC 3501 §7, §5.2, §5.5).

use std::fmt::Write as _;
use std::ops::RangeInclusive;
use std::sync::Arc;

use super::checks::mailbox_name;
pub(super) use super::checks::{syntax, CmdResult, Fail};
use super::parser::{tag_of, Args, SeqSet};
use super::response::capabilities;
use super::view::UidView;
use super::ImapSession;
use crate::protocol::sasl::{self, Mechanism, SaslError, ServerExchange, ServerStep};
use crate::protocol::{self, Protocol};
use crate::server::{auth, say, Output};
use crate::store::{canonical_name, Mailbox, Message, SYSTEM_FLAGS};

/// RFC 3501 §3 connection states (LOGOUT ends the session).
pub(super) enum State {
    NotAuthenticated,
    Authenticated(String),
    Selected(String, Box<Selected>),
}

/// How the next line is read.
pub(super) enum Mode {
    /// Ordinary tagged commands.
    Command,
    /// Between IDLE and DONE (RFC 2177).
    Idle { tag: String },
    /// Waiting for a SASL response line (RFC 3501 §6.2.2).
    Sasl {
        tag: String,
        exchange: ServerExchange,
    },
}

/// The session's picture of the selected mailbox.
pub(super) struct Selected {
    /// Store key (canonical name) and the name as the client will see it.
    pub(super) key: String,
    pub(super) uidvalidity: u32,
    pub(super) read_only: bool,
    pub(super) view: UidView,
    /// Highest UID announced to the client.
    pub(super) max_uid: u32,
    /// Mailbox modseq up to which flag changes were announced.
    pub(super) modseq: u64,
    /// How many keywords the last FLAGS response listed.
    pub(super) keywords: usize,
    /// UIDs that are `\Recent` for this session, ascending.
    pub(super) recent: Vec<u32>,
}

const N: u8 = 1;
const A: u8 = 2;
const S: u8 = 4;

type CmdInfo = protocol::CommandSpec;

/// A command this server implements, as the shared command table describes it (valid
/// states, syntax, RFC section): the one table that also feeds the REPL's completion,
/// hints and explanations. `DONE` ends IDLE and a bare `UID` needs a command after it,
/// so neither is a command on its own here.
fn info(name: &str) -> Option<&'static CmdInfo> {
    if matches!(name, "DONE" | "UID") {
        return None;
    }
    protocol::command(Protocol::Imap, name)
}

/// The syntax line and RFC section quoted in a BAD.
fn syntax_of(c: &CmdInfo) -> (String, String) {
    (c.syntax.clone(), c.rfc.clone())
}

/// The states a command is valid in, as the table names them.
fn states_of(c: &CmdInfo) -> String {
    c.states.join(", ")
}

/// The states a command is valid in, as bits.
fn allowed(c: &CmdInfo) -> u8 {
    let names = protocol::states(Protocol::Imap);
    [N, A, S]
        .iter()
        .zip(names)
        .filter(|(_, n)| c.states.iter().any(|s| s == *n))
        .fold(0, |acc, (bit, _)| acc | bit)
}

fn level_of(state: &State) -> u8 {
    match state {
        State::NotAuthenticated => N,
        State::Authenticated(_) => A,
        State::Selected(..) => S,
    }
}

/// Why a command is not allowed now, in words.
fn wrong_state(c: &CmdInfo, level: u8) -> String {
    let states = allowed(c);
    // The same reasons explain a refusal in the REPL (`imap.why.*` use them).
    let why = if states & (A | S) != 0 && level == N {
        if states & A != 0 {
            "server.imap.state_reason.needs_login"
        } else {
            "server.imap.state_reason.needs_login_and_select"
        }
    } else if states == S {
        "server.imap.state_reason.needs_select"
    } else if states == N {
        "server.imap.state_reason.before_login_only"
    } else if states == A {
        "server.imap.state_reason.no_mailbox_selected"
    } else {
        "server.imap.state_reason.not_in_this_state"
    };
    crate::tr_en!(
        "server.imap.wrong_state",
        command = c.name,
        why = crate::tr_en!(why),
        valid = states_of(c)
    )
}

/// What [`ImapSession`]'s literal pre-check needs to know about the session.
pub(super) struct PrecheckInfo {
    level: u8,
    login_disabled: bool,
    /// The store and the logged-in user, to refuse APPEND to a missing mailbox.
    user: Option<(crate::store::SharedStore, String)>,
}

/// A command whose answer waits for work the driver runs ([`crate::server::Work`]).
pub(super) struct Awaiting {
    pub(super) tag: String,
    /// UID SEARCH rather than SEARCH.
    pub(super) uid: bool,
}

impl PrecheckInfo {
    /// Refuses, before the continuation is sent, a command that cannot succeed anyway.
    /// For a non-synchronizing literal (`sync` false) only APPEND to a missing mailbox
    /// is refused early (its octets are then skipped, never stored).
    pub(super) fn check(&self, cmd: &[u8], sync: bool) -> Option<Vec<u8>> {
        if !sync {
            return self.check_append(cmd);
        }
        let tag = tag_of(cmd);
        if tag == "*" {
            return Some(b"* BAD a command must start with a tag, like a1\r\n".to_vec());
        }
        let mut a = Args::new(cmd);
        a.set_pos(tag.len());
        a.skip_sp();
        let name = a.atom("command").ok()?.to_ascii_uppercase();
        let full = if name == "UID" {
            a.skip_sp();
            format!("UID {}", a.atom("command").ok()?.to_ascii_uppercase())
        } else {
            name
        };
        let Some(c) = info(&full) else {
            return Some(
                format!(
                    "{tag} BAD {}\r\n",
                    crate::tr_en!("server.imap.unknown_command", full = full)
                )
                .into_bytes(),
            );
        };
        if allowed(c) & self.level == 0 {
            return Some(format!("{tag} BAD {}\r\n", wrong_state(c, self.level)).into_bytes());
        }
        if full == "LOGIN" && self.login_disabled {
            return Some(
                format!(
                    "{tag} NO {}\r\n",
                    crate::tr_en!("server.imap.privacyrequired_login_disabled_until")
                )
                .into_bytes(),
            );
        }
        self.check_append(cmd)
    }

    /// `APPEND name ... {n}` to a mailbox that does not exist: `NO [TRYCREATE]` before
    /// any octet of the message is accepted (RFC 3501 §6.3.11).
    fn check_append(&self, cmd: &[u8]) -> Option<Vec<u8>> {
        let (store, user) = self.user.as_ref()?;
        let tag = tag_of(cmd);
        let mut a = Args::new(cmd);
        a.set_pos(tag.len());
        a.skip_sp();
        if !a.atom("command").ok()?.eq_ignore_ascii_case("APPEND") {
            return None;
        }
        a.sp("mailbox").ok()?;
        if a.peek() == Some(b'{') {
            // The name itself is the literal being announced.
            return None;
        }
        let raw = a.astring("mailbox").ok()?;
        let name = mailbox_name(&raw).ok()?;
        let key = canonical_name(&name);
        let exists = store.read(|inner| {
            inner
                .users
                .get(user)
                .and_then(|u| u.mailboxes.get(&key))
                .is_some_and(|m| !m.noselect)
        });
        (!exists).then(|| {
            let why = crate::tr_en!("server.imap.append_trycreate", name = name);
            format!("{tag} NO [TRYCREATE] {why}\r\n").into_bytes()
        })
    }
}

/// `(\Seen \Recent)`.
pub(super) fn flags_string(m: &Message, recent: bool) -> String {
    let mut s = String::from("(");
    for f in m.flags.iter() {
        if s.len() > 1 {
            s.push(' ');
        }
        s.push_str(f);
    }
    if recent {
        if s.len() > 1 {
            s.push(' ');
        }
        s.push_str("\\Recent");
    }
    s.push(')');
    s
}

/// `* FLAGS` and `* OK [PERMANENTFLAGS]` for a mailbox (RFC 3501 §7.2.6, §7.1).
pub(super) fn push_flags(out: &mut Vec<u8>, mb: &Mailbox, read_only: bool) {
    let mut list = SYSTEM_FLAGS.join(" ");
    for k in &mb.keywords {
        list.push(' ');
        list.push_str(k);
    }
    out.extend_from_slice(format!("* FLAGS ({list})\r\n").as_bytes());
    if read_only {
        out.extend_from_slice(
            b"* OK [PERMANENTFLAGS ()] Read-only mailbox, no flags can be changed\r\n",
        );
    } else {
        out.extend_from_slice(
            format!(
                "* OK {}\r\n",
                crate::tr_en!(
                    "server.imap.permanentflags_flags_permitted_new",
                    list = list
                )
            )
            .as_bytes(),
        );
    }
}

/// Brings the view up to date with the mailbox and appends the untagged responses:
/// FLAGS when new keywords appeared, EXPUNGE (only when allowed), EXISTS/RECENT for
/// new messages, FETCH FLAGS for messages changed elsewhere (RFC 3501 §7.3, §7.4).
pub(super) fn sync_view(
    sel: &mut Selected,
    mb: Option<&mut Mailbox>,
    session_id: u64,
    allow_expunge: bool,
    out: &mut Vec<u8>,
) {
    let mut none: Vec<Arc<Message>> = Vec::new();
    let (msgs, modseq) = match mb {
        Some(mb) => {
            if mb.keywords.len() != sel.keywords {
                sel.keywords = mb.keywords.len();
                push_flags(out, mb, sel.read_only);
            }
            if !sel.read_only && mb.messages.last().is_some_and(|m| m.uid > sel.max_uid) {
                // New messages get claimed below, changing `recent_owner`.
                mb.forget_summary();
            }
            (&mut mb.messages, mb.modseq)
        }
        None => (&mut none, sel.modseq),
    };
    let old_count = msgs.partition_point(|m| m.uid <= sel.max_uid);
    if old_count < sel.view.len() && allow_expunge {
        let mut j = 0;
        let removed = sel.view.retain(|uid| {
            while j < old_count && msgs[j].uid < uid {
                j += 1;
            }
            j < old_count && msgs[j].uid == uid
        });
        for (k, idx) in removed.iter().enumerate() {
            out.extend_from_slice(format!("* {} EXPUNGE\r\n", idx - k + 1).as_bytes());
        }
        sel.recent
            .retain(|u| msgs[..old_count].binary_search_by_key(u, |m| m.uid).is_ok());
    }
    if old_count < msgs.len() {
        for m in &mut msgs[old_count..] {
            sel.view.push(m.uid);
            if !sel.read_only && m.recent_owner.is_none() {
                Arc::make_mut(m).recent_owner = Some(session_id);
            }
            if m.recent_owner == Some(session_id) {
                sel.recent.push(m.uid);
            }
        }
        sel.max_uid = msgs.last().map_or(sel.max_uid, |m| m.uid);
        out.extend_from_slice(format!("* {} EXISTS\r\n", sel.view.len()).as_bytes());
        out.extend_from_slice(format!("* {} RECENT\r\n", sel.recent.len()).as_bytes());
    }
    if modseq != sel.modseq {
        for m in msgs[..old_count].iter().filter(|m| m.modseq > sel.modseq) {
            if let Some(i) = sel.view.index_of(m.uid) {
                let recent = sel.recent.binary_search(&m.uid).is_ok();
                out.extend_from_slice(
                    format!("* {} FETCH (FLAGS {})\r\n", i + 1, flags_string(m, recent)).as_bytes(),
                );
            }
        }
        sel.modseq = modseq;
    }
}

/// The selected mailbox in the store, if it still is the one the session opened.
pub(super) fn selected_mailbox<'a>(
    inner: &'a mut crate::store::Inner,
    user: &str,
    sel: &Selected,
) -> Option<&'a mut Mailbox> {
    inner
        .users
        .get_mut(user)?
        .mailboxes
        .get_mut(&sel.key)
        .filter(|m| m.uidvalidity == sel.uidvalidity && !m.noselect)
}

/// Index in `mb.messages` of the message at view index `idx` (None: expunged elsewhere).
pub(super) fn position(mb: &Mailbox, view: &UidView, idx: usize) -> Option<usize> {
    let uid = view.uid_at(idx)?;
    if mb.messages.get(idx).is_some_and(|m| m.uid == uid) {
        return Some(idx);
    }
    mb.position(uid)
}

impl Selected {
    /// View index ranges named by a sequence set or UID set.
    pub(super) fn resolve(
        &self,
        set: &SeqSet,
        uid: bool,
    ) -> Result<Vec<RangeInclusive<usize>>, Fail> {
        let len = self.view.len();
        if uid {
            let Some(last) = self.view.last_uid() else {
                return Ok(Vec::new());
            };
            let mut out: Vec<RangeInclusive<usize>> = Vec::new();
            for r in set.resolve(last) {
                let lo = self.view.rank(r.start().saturating_sub(1));
                let hi = self.view.rank(*r.end());
                if lo < hi {
                    out.push(lo..=hi - 1);
                }
            }
            return Ok(out);
        }
        if len == 0 {
            return Err(Fail::Bad(crate::tr_en!("server.imap.mailbox_empty_so_no")));
        }
        let mut out = Vec::new();
        for r in set.resolve(len as u32) {
            if *r.end() as usize > len {
                return Err(Fail::Bad(crate::tr_en!(
                    "server.imap.there_no_message_mailbox",
                    number = r.end(),
                    count = crate::protocol::text::Arg::from(len)
                )));
            }
            out.push((*r.start() as usize - 1)..=(*r.end() as usize - 1));
        }
        Ok(out)
    }

    /// Whether `uid` is `\Recent` for this session (RFC 3501 §2.3.2).
    pub(super) fn is_recent(&self, uid: u32) -> bool {
        self.recent.binary_search(&uid).is_ok()
    }
}

impl ImapSession {
    /// The capabilities for the current state and TLS settings (RFC 3501 §7.2.1).
    pub(super) fn capability_string(&self) -> String {
        self.config.offered(&capabilities(
            self.config.tls_available,
            self.config.tls_active,
            self.config.require_tls,
            !matches!(self.state, State::NotAuthenticated),
        ))
    }

    fn login_disabled(&self) -> bool {
        self.config.require_tls && !self.config.tls_active
    }

    /// What the framer's literal pre-check needs.
    pub(super) fn precheck_info(&self) -> PrecheckInfo {
        PrecheckInfo {
            level: level_of(&self.state),
            login_disabled: self.login_disabled(),
            user: self
                .user()
                .map(|u| (Arc::clone(&self.store), u.to_string())),
        }
    }

    /// Syncs the selected mailbox (if any) and appends the untagged updates.
    pub(super) fn sync(&mut self, allow_expunge: bool, out: &mut Vec<u8>) {
        let store = Arc::clone(&self.store);
        let id = self.session_id;
        if let State::Selected(user, sel) = &mut self.state {
            // Skip the write lock (and waking every idler) when nothing changed.
            let changed = store.read(|inner| {
                inner
                    .users
                    .get(user.as_str())
                    .and_then(|u| u.mailboxes.get(&sel.key))
                    .filter(|m| m.uidvalidity == sel.uidvalidity && !m.noselect)
                    .map_or(!sel.view.is_empty(), |m| {
                        m.modseq != sel.modseq
                            || m.keywords.len() != sel.keywords
                            || m.messages.last().map_or(0, |l| l.uid) != sel.max_uid
                            || m.messages.len() != sel.view.len()
                    })
            });
            if !changed {
                return;
            }
            store.write(|inner| {
                let mb = selected_mailbox(inner, user, sel);
                sync_view(sel, mb, id, allow_expunge, out);
            });
        }
    }

    /// One complete line from the client.
    pub(super) fn handle_line(&mut self, bytes: &[u8], has_nul: bool, out: &mut Output) {
        match &self.mode {
            Mode::Idle { .. } => return self.idle_line(bytes, out),
            Mode::Sasl { .. } => return self.sasl_line(bytes, out),
            Mode::Command => {}
        }
        if bytes.iter().all(|&b| b == b' ' || b == b'\t') {
            return;
        }
        let tag = tag_of(bytes);
        if tag == "*" || bytes.get(tag.len()) != Some(&b' ') {
            let hint = if tag == "*" {
                crate::tr_en!("server.imap.every_command_starts_tag")
            } else if info(&tag.to_ascii_uppercase()).is_some() {
                crate::tr_en!("server.imap.tag_missing_type_tag", tag = tag)
            } else {
                crate::tr_en!("server.imap.has_no_command_after", tag = tag)
            };
            let t = if tag == "*" {
                "*".to_string()
            } else {
                tag.clone()
            };
            out.push(format!("{t} BAD {hint}\r\n").as_bytes());
            return;
        }
        if has_nul {
            out.push(
                format!(
                    "{tag} BAD {}\r\n",
                    crate::tr_en!("server.imap.command_contains_nul_byte")
                )
                .as_bytes(),
            );
            return;
        }
        let mut a = Args::new(bytes);
        a.set_pos(tag.len());
        a.skip_sp();
        let name = match a.atom("command") {
            Ok(n) => n.to_ascii_uppercase(),
            Err(_) => {
                out.push(
                    format!(
                        "{tag} BAD {}\r\n",
                        crate::tr_en!("server.imap.command_name_missing_after")
                    )
                    .as_bytes(),
                );
                return;
            }
        };
        let full = if name == "UID" {
            a.skip_sp();
            match a.atom(&crate::tr_en!("server.imap.command_after_uid")) {
                Ok(sub) => format!("UID {}", sub.to_ascii_uppercase()),
                Err(_) => {
                    out.push(
                        format!(
                            "{tag} BAD {}\r\n",
                            crate::tr_en!("server.imap.uid_needs_command_after")
                        )
                        .as_bytes(),
                    );
                    return;
                }
            }
        } else {
            name
        };
        let Some(c) = info(&full) else {
            let hint = if info(&tag.to_ascii_uppercase()).is_some() {
                format!(
                    " {}",
                    crate::tr_en!("server.imap.looks_like_tag_missing", tag = tag)
                )
            } else {
                String::new()
            };
            out.push(
                format!(
                    "{tag} BAD {}\r\n",
                    crate::tr_en!(
                        "server.imap.not_imap_command_server",
                        full = full,
                        hint = hint
                    )
                )
                .as_bytes(),
            );
            return;
        };
        let level = level_of(&self.state);
        if allowed(c) & level == 0 {
            out.push(format!("{tag} BAD {}\r\n", wrong_state(c, level)).as_bytes());
            return;
        }
        let mut body = Vec::new();
        self.splices.clear();
        let result = self.dispatch(&c.name, &tag, &mut a, &mut body, out);
        self.push_body(out, body);
        if self.awaiting.is_some() {
            // The answer comes with the work's result (`finish_work`).
            return;
        }
        if self.closed || out.start_tls || !matches!(self.mode, Mode::Command) {
            if let Err(f) = result {
                // A failed command never leaves IDLE/SASL mode entered.
                self.mode = Mode::Command;
                self.push_fail(&tag, c, f, out);
            }
            return;
        }
        // Announce other sessions' changes before the tagged reply (RFC 3501 §5.2);
        // never EXPUNGE during FETCH, STORE or SEARCH (§7.4.1).
        let allow_expunge = !matches!(c.name.as_str(), "FETCH" | "STORE" | "SEARCH");
        let mut updates = Vec::new();
        if !matches!(result, Err(Fail::Syntax(_))) {
            self.sync(allow_expunge, &mut updates);
        }
        out.push(&updates);
        match result {
            Ok(Some(text)) => out.push(format!("{tag} OK {text}\r\n").as_bytes()),
            Ok(None) => {}
            Err(f) => self.push_fail(&tag, c, f, out),
        }
    }

    /// Appends a command's reply body and the stored octets it splices in.
    fn push_body(&mut self, out: &mut Output, body: Vec<u8>) {
        let base = out.bytes.len();
        if base == 0 {
            // Usually the first thing in the output: moved, not copied (a FETCH of a
            // large mailbox is tens of megabytes).
            out.bytes = body;
        } else {
            out.push(&body);
        }
        out.spliced.extend(self.splices.drain(..).map(|mut s| {
            s.at += base;
            s
        }));
    }

    /// Answers the command that waited for work (SEARCH), then the updates and the
    /// tagged reply, as [`ImapSession::handle_line`] would have.
    pub(super) fn finish_work(
        &mut self,
        awaiting: Awaiting,
        result: Box<dyn std::any::Any + Send>,
        out: &mut Output,
    ) {
        let outcome = result
            .downcast::<super::search::Outcome>()
            .map(|b| *b)
            .unwrap_or(super::search::Outcome::OverLimit);
        let mut body = Vec::new();
        let result = super::search::answer(outcome, awaiting.uid, &mut body);
        out.push(&body);
        let mut updates = Vec::new();
        self.sync(false, &mut updates);
        out.push(&updates);
        let tag = awaiting.tag;
        match result {
            Ok(Some(text)) => out.push(format!("{tag} OK {text}\r\n").as_bytes()),
            Ok(None) => {}
            Err(Fail::No(t)) => out.push(format!("{tag} NO {t}\r\n").as_bytes()),
            Err(Fail::Bad(t)) | Err(Fail::Syntax(t)) => {
                out.push(format!("{tag} BAD {t}\r\n").as_bytes())
            }
        }
        out.command_done = true;
    }

    fn push_fail(&self, tag: &str, c: &CmdInfo, f: Fail, out: &mut Output) {
        let line = match f {
            Fail::Syntax(detail) => {
                let (syn, rfc) = syntax_of(c);
                format!("{tag} BAD {} expects: {syn} ({detail}; {rfc})", c.name)
            }
            Fail::Bad(t) => format!("{tag} BAD {t}"),
            Fail::No(t) => format!("{tag} NO {t}"),
        };
        out.push(line.as_bytes());
        out.push(b"\r\n");
    }

    fn dispatch(
        &mut self,
        name: &str,
        tag: &str,
        a: &mut Args,
        body: &mut Vec<u8>,
        out: &mut Output,
    ) -> CmdResult {
        // A switched-off extension's command is one this server does not know.
        let needs = match name {
            "IDLE" | "NAMESPACE" | "UNSELECT" | "ID" | "ENABLE" | "STARTTLS" => Some(name),
            "MOVE" | "UID MOVE" => Some("MOVE"),
            "UID EXPUNGE" => Some("UIDPLUS"),
            _ => None,
        };
        if needs.is_some_and(|c| !self.config.offers(c)) {
            return Err(Fail::Bad(crate::tr_en!(
                "server.imap.unknown_command",
                full = name
            )));
        }
        match name {
            "CAPABILITY" => {
                syntax(a.end())?;
                body.extend_from_slice(
                    format!("* CAPABILITY {}\r\n", self.capability_string()).as_bytes(),
                );
                Ok(Some("CAPABILITY completed".into()))
            }
            "NOOP" => {
                syntax(a.end())?;
                Ok(Some("NOOP completed".into()))
            }
            "CHECK" => {
                syntax(a.end())?;
                Ok(Some(crate::tr_en!(
                    "server.imap.check_completed_store_memory"
                )))
            }
            "LOGOUT" => {
                syntax(a.end())?;
                body.extend_from_slice(
                    format!(
                        "* BYE {} {}\r\n",
                        self.config.hostname,
                        crate::tr_en!("server.imap.imap4rev1_server_logging_out")
                    )
                    .as_bytes(),
                );
                body.extend_from_slice(format!("{tag} OK LOGOUT completed\r\n").as_bytes());
                out.close = true;
                self.closed = true;
                Ok(None)
            }
            "ID" => self.cmd_id(a, body),
            "STARTTLS" => self.cmd_starttls(a, tag, body, out),
            "LOGIN" => self.cmd_login(a, out),
            "AUTHENTICATE" => self.cmd_authenticate(a, tag, body, out),
            "SELECT" | "EXAMINE" => self.cmd_select(a, name == "EXAMINE", body),
            "CREATE" => self.cmd_create(a),
            "DELETE" => self.cmd_delete(a),
            "RENAME" => self.cmd_rename(a),
            "SUBSCRIBE" | "UNSUBSCRIBE" => self.cmd_subscribe(a, name == "SUBSCRIBE"),
            "LIST" | "LSUB" => self.cmd_list(a, name == "LSUB", body),
            "STATUS" => self.cmd_status(a, body),
            "APPEND" => self.cmd_append(a),
            "NAMESPACE" => {
                syntax(a.end())?;
                body.extend_from_slice(b"* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n");
                Ok(Some("NAMESPACE completed".into()))
            }
            "ENABLE" => {
                syntax(a.sp(&crate::tr_en!("server.imap.capability_enable")))?;
                while !a.at_end() {
                    syntax(a.atom(&crate::tr_en!("server.imap.capability_name")))?;
                    a.skip_sp();
                }
                // None of this server's extensions needs enabling (RFC 5161 §3.2).
                body.extend_from_slice(b"* ENABLED\r\n");
                Ok(Some(crate::tr_en!(
                    "server.imap.enable_completed_nothing_here"
                )))
            }
            "IDLE" => {
                syntax(a.end())?;
                out.push(&std::mem::take(body));
                out.push(b"+ idling, send DONE to stop\r\n");
                self.mode = Mode::Idle {
                    tag: tag.to_string(),
                };
                let mut updates = Vec::new();
                self.sync(true, &mut updates);
                out.push(&updates);
                Ok(None)
            }
            "CLOSE" | "UNSELECT" => {
                syntax(a.end())?;
                self.deselect(name == "CLOSE");
                Ok(Some(crate::tr_en!(
                    "server.imap.completed_no_mailbox_selected",
                    name = name
                )))
            }
            "EXPUNGE" => {
                syntax(a.end())?;
                self.cmd_expunge(None, body)
            }
            "UID EXPUNGE" => {
                syntax(a.sp("the UID set"))?;
                let set = syntax(a.seq_set("UID set"))?;
                syntax(a.end())?;
                self.cmd_expunge(Some(set), body)
            }
            "SEARCH" | "UID SEARCH" => self.cmd_search(a, tag, name == "UID SEARCH", body),
            "FETCH" | "UID FETCH" => self.cmd_fetch(a, name == "UID FETCH", body),
            "STORE" | "UID STORE" => self.cmd_store(a, name == "UID STORE", body),
            "COPY" | "UID COPY" => self.cmd_copy(a, name == "UID COPY", false, body),
            "MOVE" | "UID MOVE" => self.cmd_copy(a, name == "UID MOVE", true, body),
            _ => Err(Fail::Bad(crate::tr_en!(
                "server.imap.not_implemented",
                name = name
            ))),
        }
    }

    /// The logged-in user, if any.
    pub(super) fn user(&self) -> Option<&str> {
        match &self.state {
            State::NotAuthenticated => None,
            State::Authenticated(u) | State::Selected(u, _) => Some(u),
        }
    }

    fn cmd_id(&mut self, a: &mut Args, body: &mut Vec<u8>) -> CmdResult {
        syntax(a.sp(&crate::tr_en!("server.imap.parameter_list_nil")))?;
        if a.eat(b'(') {
            let mut n = 0;
            loop {
                a.skip_sp();
                if a.eat(b')') {
                    break;
                }
                if a.peek().is_none() {
                    return Err(Fail::Syntax(crate::tr_en!(
                        "server.imap.list_has_no_closing"
                    )));
                }
                syntax(a.string(&crate::tr_en!("server.imap.field_name")))?;
                syntax(a.sp(&crate::tr_en!("server.imap.field_value")))?;
                if !matches!(a.peek(), Some(b'"') | Some(b'{')) {
                    let v = syntax(a.atom(&crate::tr_en!("server.imap.field_value_2")))?;
                    if !v.eq_ignore_ascii_case("NIL") {
                        return Err(Fail::Syntax(crate::tr_en!(
                            "server.imap.value_quoted_string_nil"
                        )));
                    }
                } else {
                    syntax(a.string(&crate::tr_en!("server.imap.field_value_2")))?;
                }
                n += 1;
                if n > 30 {
                    return Err(Fail::Bad(crate::tr_en!("server.imap.id_allows_most_field")));
                }
            }
        } else {
            let v = syntax(a.atom("NIL"))?;
            if !v.eq_ignore_ascii_case("NIL") {
                return Err(Fail::Syntax(crate::tr_en!(
                    "server.imap.argument_parenthesized_list_nil"
                )));
            }
        }
        syntax(a.end())?;
        body.extend_from_slice(
            format!(
                "* ID (\"name\" \"maillab\" \"version\" \"{}\" \"vendor\" \"maillab\")\r\n",
                env!("CARGO_PKG_VERSION")
            )
            .as_bytes(),
        );
        Ok(Some("ID completed".into()))
    }

    fn cmd_starttls(
        &mut self,
        a: &mut Args,
        tag: &str,
        body: &mut Vec<u8>,
        out: &mut Output,
    ) -> CmdResult {
        syntax(a.end())?;
        if self.config.tls_active {
            return Err(Fail::Bad(crate::tr_en!(
                "server.imap.connection_already_encrypted_tls"
            )));
        }
        if !self.config.tls_available {
            return Err(Fail::No(crate::tr_en!(
                "server.imap.starttls_not_available_server"
            )));
        }
        body.extend_from_slice(
            format!(
                "{tag} OK {}\r\n",
                crate::tr_en!("server.imap.begin_tls_negotiation_now")
            )
            .as_bytes(),
        );
        out.start_tls = true;
        Ok(None)
    }

    /// The tagged answer to a login that the store checked ([`auth`]): the same login
    /// forms and refusals as POP3 and SMTP.
    fn finish_login(
        &mut self,
        result: Result<String, auth::Refusal>,
        login: &str,
        authzid: &str,
        out: &mut Output,
    ) -> CmdResult {
        match result {
            Ok(user) => {
                self.state = State::Authenticated(user.clone());
                Ok(Some(format!(
                    "[CAPABILITY {}] Logged in as {user}",
                    self.capability_string()
                )))
            }
            Err(refusal) => {
                out.auth_failed = true;
                let text = match refusal {
                    auth::Refusal::Invalid => say("server.imap.auth.invalid", &[]),
                    auth::Refusal::AppPasswordRequired => {
                        say("server.imap.auth.app_password", &[("user", login)])
                    }
                    auth::Refusal::Authorization => say(
                        "server.imap.auth.authorization",
                        &[("user", login), ("authzid", authzid)],
                    ),
                    // RFC 5530: LIMIT for the cap of open accounts.
                    auth::Refusal::NewAccount(why) => format!(
                        "{} {}",
                        match why {
                            crate::store::accounts::NewAccountRefusal::Full(_) => "[LIMIT]",
                            _ => "[AUTHENTICATIONFAILED]",
                        },
                        auth::new_account_text(why, login)
                    ),
                };
                Err(Fail::No(text))
            }
        }
    }

    fn cmd_login(&mut self, a: &mut Args, out: &mut Output) -> CmdResult {
        syntax(a.sp(&crate::tr_en!("server.imap.user_name")))?;
        let user = syntax(a.astring(&crate::tr_en!("server.imap.user_name_2")))?;
        syntax(a.sp(&crate::tr_en!("server.imap.password")))?;
        let pass = syntax(a.astring(&crate::tr_en!("server.imap.what.password")))?;
        syntax(a.end())?;
        if self.login_disabled() {
            return Err(Fail::No(crate::tr_en!(
                "server.imap.privacyrequired_login_disabled_until_2"
            )));
        }
        let user = String::from_utf8_lossy(&user).into_owned();
        let pass = String::from_utf8_lossy(&pass).into_owned();
        let result = auth::password(&self.store, &user, &pass);
        self.finish_login(result, &user, "", out)
    }

    /// AUTHENTICATE (RFC 3501 §6.2.2) with PLAIN, LOGIN or CRAM-MD5 through the SASL
    /// exchange the other servers use, and an initial response (SASL-IR, RFC 4959).
    fn cmd_authenticate(
        &mut self,
        a: &mut Args,
        tag: &str,
        body: &mut Vec<u8>,
        out: &mut Output,
    ) -> CmdResult {
        syntax(a.sp(&crate::tr_en!("server.imap.sasl_mechanism_name")))?;
        let name =
            syntax(a.atom(&crate::tr_en!("server.imap.what.mechanism")))?.to_ascii_uppercase();
        let ir = if a.skip_sp() && !a.at_end() {
            let r = a.rest();
            let end = r.iter().position(|&b| b == b' ').unwrap_or(r.len());
            let v = String::from_utf8_lossy(&r[..end]).into_owned();
            a.set_pos(a.pos() + end);
            Some(v)
        } else {
            None
        };
        syntax(a.end())?;
        let Some(mechanism) = Mechanism::parse(&name) else {
            return Err(Fail::No(say(
                "server.imap.auth.mechanism",
                &[("mechanism", &name)],
            )));
        };
        if self.login_disabled() {
            return Err(Fail::No(crate::tr_en!(
                "server.imap.privacyrequired_authentication_disabled_until"
            )));
        }
        let timestamp = u64::try_from(self.config.clock.now().timestamp()).unwrap_or(0);
        let challenge = sasl::cram_md5_challenge(self.session_id, timestamp, &self.config.hostname);
        let (exchange, step) = ServerExchange::start(mechanism, ir.as_deref(), &challenge);
        out.push(&std::mem::take(body));
        self.mode = Mode::Sasl {
            tag: tag.to_string(),
            exchange,
        };
        self.sasl_step(step, out);
        Ok(None)
    }

    /// One SASL response line (RFC 3501 §6.2.2).
    fn sasl_line(&mut self, line: &[u8], out: &mut Output) {
        let Mode::Sasl { exchange, .. } = &mut self.mode else {
            return;
        };
        let step = match std::str::from_utf8(line.trim_ascii()) {
            Ok(text) => exchange.step(text),
            Err(_) => ServerStep::Failed(SaslError::Base64),
        };
        self.sasl_step(step, out);
    }

    /// Sends the next challenge, or ends the exchange with its tagged answer.
    fn sasl_step(&mut self, step: ServerStep, out: &mut Output) {
        if let ServerStep::Challenge(c) = &step {
            // RFC 3501 §7.5: the challenge is base64 after "+ ".
            out.push(format!("+ {c}\r\n").as_bytes());
            return;
        }
        let Mode::Sasl { tag, .. } = std::mem::replace(&mut self.mode, Mode::Command) else {
            return;
        };
        let result = match step {
            ServerStep::Challenge(_) => return,
            ServerStep::Done(creds) => {
                let authzid = match &creds {
                    sasl::Credentials::Password { authzid, .. } => authzid.clone(),
                    sasl::Credentials::CramMd5 { .. } => String::new(),
                };
                let result = auth::credentials(&self.store, &creds);
                self.finish_login(result, creds.user(), &authzid, out)
            }
            ServerStep::Failed(SaslError::Cancelled) => {
                Err(Fail::Bad(say("server.imap.auth.cancelled", &[])))
            }
            ServerStep::Failed(SaslError::Base64) => {
                out.auth_failed = true;
                Err(Fail::Bad(say("server.imap.auth.base64", &[])))
            }
            ServerStep::Failed(SaslError::Malformed(why)) => {
                out.auth_failed = true;
                Err(Fail::Bad(say(
                    "server.imap.auth.malformed",
                    &[("why", &why)],
                )))
            }
        };
        match result {
            Ok(Some(text)) => out.push(format!("{tag} OK {text}\r\n").as_bytes()),
            Ok(None) => {}
            Err(Fail::No(t)) => out.push(format!("{tag} NO {t}\r\n").as_bytes()),
            Err(Fail::Bad(t)) | Err(Fail::Syntax(t)) => {
                out.push(format!("{tag} BAD {t}\r\n").as_bytes())
            }
        }
    }

    fn idle_line(&mut self, line: &[u8], out: &mut Output) {
        let Mode::Idle { tag } = std::mem::replace(&mut self.mode, Mode::Command) else {
            return;
        };
        if line.trim_ascii().eq_ignore_ascii_case(b"DONE") {
            out.push(format!("{tag} OK IDLE terminated\r\n").as_bytes());
        } else {
            out.push(
                format!(
                    "{tag} BAD {}\r\n",
                    crate::tr_en!("server.imap.idle_ends_line_saying")
                )
                .as_bytes(),
            );
        }
    }

    /// Leaves the selected state; CLOSE also expunges silently (RFC 3501 §6.4.2).
    fn deselect(&mut self, expunge: bool) {
        let state = std::mem::replace(&mut self.state, State::NotAuthenticated);
        let State::Selected(user, sel) = state else {
            self.state = state;
            return;
        };
        if expunge && !sel.read_only {
            self.store.write(|inner| {
                if let Some(mb) = selected_mailbox(inner, &user, &sel) {
                    mb.expunge(|_| true);
                }
            });
        }
        self.state = State::Authenticated(user);
    }

    fn cmd_select(&mut self, a: &mut Args, read_only: bool, body: &mut Vec<u8>) -> CmdResult {
        syntax(a.sp(&crate::tr_en!("server.imap.mailbox_name_2")))?;
        let raw = syntax(a.astring(&crate::tr_en!("server.imap.mailbox_name")))?;
        syntax(a.end())?;
        let name = mailbox_name(&raw)?;
        self.deselect(false);
        let Some(user) = self.user().map(str::to_string) else {
            return Err(Fail::Bad(crate::tr_en!("server.imap.log_first")));
        };
        let key = canonical_name(&name);
        let id = self.session_id;
        // Most SELECTs claim nothing (every message already has its \Recent owner), and
        // EXAMINE never does: answer those from a read, which wakes no other session, and
        // take the write lock only to claim new messages.
        let looked = self
            .store
            .read(|inner| -> Result<Option<(Selected, Vec<u8>)>, Fail> {
                let mb = selectable(inner, &user, &key, &name)?;
                let scan = SelectScan::of(mb, id);
                if scan.unclaimed > 0 && !read_only {
                    return Ok(None);
                }
                let mut out = Vec::with_capacity(512);
                Ok(Some((scan.respond(mb, &key, read_only, &mut out), out)))
            })?;
        let sel = match looked {
            Some((sel, out)) => {
                body.extend_from_slice(&out);
                sel
            }
            None => self.store.write(|inner| -> Result<Selected, Fail> {
                if let Some(mb) = inner
                    .users
                    .get_mut(&user)
                    .and_then(|u| u.mailboxes.get_mut(&key))
                    .filter(|mb| !mb.noselect)
                {
                    for m in mb.messages.iter_mut().filter(|m| m.recent_owner.is_none()) {
                        Arc::make_mut(m).recent_owner = Some(id);
                    }
                    mb.forget_summary();
                }
                let mb = selectable(inner, &user, &key, &name)?;
                Ok(SelectScan::of(mb, id).respond(mb, &key, read_only, body))
            })?,
        };
        self.state = State::Selected(user, Box::new(sel));
        Ok(Some(if read_only {
            "[READ-ONLY] EXAMINE completed".into()
        } else {
            "[READ-WRITE] SELECT completed".into()
        }))
    }
}

/// The mailbox SELECT/EXAMINE opens, or why it cannot (RFC 3501 §6.3.1).
fn selectable<'a>(
    inner: &'a crate::store::Inner,
    user: &str,
    key: &str,
    name: &str,
) -> Result<&'a Mailbox, Fail> {
    let mb = inner
        .users
        .get(user)
        .and_then(|u| u.mailboxes.get(key))
        .ok_or_else(|| {
            Fail::No(crate::tr_en!(
                "server.imap.nonexistent_mailbox_does_not_4",
                name = name
            ))
        })?;
    if mb.noselect {
        return Err(Fail::No(crate::tr_en!(
            "server.imap.cannot_only_hierarchy_level",
            name = name
        )));
    }
    Ok(mb)
}

/// What SELECT and EXAMINE report, from the mailbox's kept summary.
struct SelectScan {
    /// UIDs whose `\Recent` this session owns, ascending (RFC 3501 §2.3.2).
    recent: Vec<u32>,
    /// Messages no session has seen yet (`\Recent` for whoever selects first).
    unclaimed: usize,
    /// 0-based index of the first message without `\Seen`.
    first_unseen: Option<usize>,
}

impl SelectScan {
    fn of(mb: &Mailbox, id: u64) -> Self {
        let summary = mb.summary();
        // Only a session that claimed messages here before can own any: skip the pass
        // over the messages for every other one.
        let recent = if summary.max_owner.is_some_and(|o| o >= id) {
            mb.messages
                .iter()
                .filter(|m| m.recent_owner == Some(id))
                .map(|m| m.uid)
                .collect()
        } else {
            Vec::new()
        };
        SelectScan {
            recent,
            unclaimed: summary.unclaimed,
            first_unseen: summary.first_unseen,
        }
    }

    /// Appends the untagged SELECT/EXAMINE responses (RFC 3501 §6.3.1) and gives the
    /// session's view. EXAMINE reports unclaimed messages as recent without claiming them.
    fn respond(self, mb: &Mailbox, key: &str, read_only: bool, body: &mut Vec<u8>) -> Selected {
        let recent_count = if read_only {
            self.unclaimed + self.recent.len()
        } else {
            self.recent.len()
        };
        // The order the course notes' server used (RFC 3501 §6.3.1 allows any).
        let mut text = String::with_capacity(160);
        let _ = write!(text, "* {} EXISTS\r\n", mb.messages.len());
        let _ = write!(text, "* {recent_count} RECENT\r\n");
        let _ = write!(text, "* OK [UIDVALIDITY {}] UIDs valid\r\n", mb.uidvalidity);
        let _ = write!(text, "* OK [UIDNEXT {}] Predicted next UID\r\n", mb.uidnext);
        body.extend_from_slice(text.as_bytes());
        push_flags(body, mb, read_only);
        if let Some(i) = self.first_unseen {
            let n = i + 1;
            body.extend_from_slice(
                format!(
                    "* OK {}\r\n",
                    crate::tr_en!("server.imap.unseen_message_first_unseen", n = n)
                )
                .as_bytes(),
            );
        }
        Selected {
            key: key.to_string(),
            uidvalidity: mb.uidvalidity,
            read_only,
            view: UidView::from_ascending(&mb.messages),
            max_uid: mb.messages.last().map_or(0, |m| m.uid),
            modseq: mb.modseq,
            keywords: mb.keywords.len(),
            recent: self.recent,
        }
    }
}
