//! The shared in-memory mail store behind all three mock servers.
//!
//! One [`Store`] holds users, their mailbox trees and messages. IMAP, POP3 and SMTP
//! sessions share it through an `Arc<Store>`; every mutation goes through
//! [`Store::write`], which bumps a change counter that idle sessions watch
//! ([`Store::subscribe`]) so IDLE wakes when mail arrives.
//!
//! Mailbox names are kept in their IMAP wire form (modified UTF-7, RFC 3501 §5.1.3),
//! hierarchy delimiter `/`; `INBOX` is case-insensitive (RFC 3501 §5.1).
//! UIDs only ever grow (RFC 3501 §2.3.1.1).

pub mod accounts;
pub mod fixture;
pub mod maildir;
pub mod mime;

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use chrono::{DateTime, FixedOffset};
use tokio::sync::watch;

/// Hierarchy delimiter of every mailbox tree (RFC 3501 §5.1.1).
pub const DELIMITER: char = '/';

/// A store shared between sessions.
pub type SharedStore = Arc<Store>;

/// The in-memory mail store.
pub struct Store {
    inner: Mutex<Inner>,
    changes: watch::Sender<u64>,
    /// Where changes are recorded before a write returns (`serve --data`).
    disk: std::sync::OnceLock<maildir::Disk>,
    /// Bumped when a reset, restore or load replaced mail ([`Store::subscribe_resets`]).
    resets: watch::Sender<u64>,
}

/// Everything the store holds; reached through [`Store::read`] and [`Store::write`].
#[derive(Default)]
pub struct Inner {
    /// Users by login name (case-sensitive, as Dovecot's passwd-file is).
    pub users: BTreeMap<String, User>,
    /// Mail for non-local domains, kept for the teacher, never sent anywhere.
    pub relayed: Vec<RelayedMessage>,
    /// Domains whose addresses are local users (`alex@maillab.test`).
    pub domains: Vec<String>,
    /// Next UIDVALIDITY handed to a new mailbox (RFC 3501 §2.3.1.1).
    pub next_uidvalidity: u32,
    /// Users whose POP3 maildrop is locked by a session (RFC 1939 §8).
    pub pop3_locks: BTreeSet<String>,
    /// Monotonic counter for session ids (used for \Recent ownership).
    pub next_session_id: u64,
    /// Accounts beyond the demo users, reset baselines and snapshots ([`accounts`]).
    pub accounts: accounts::Accounts,
}

/// SPECIAL-USE attributes (RFC 6154).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpecialUse {
    Sent,
    Drafts,
    Trash,
    Junk,
    Archive,
}

impl SpecialUse {
    /// The LIST attribute, e.g. `\Sent`.
    pub fn attribute(self) -> &'static str {
        match self {
            SpecialUse::Sent => "\\Sent",
            SpecialUse::Drafts => "\\Drafts",
            SpecialUse::Trash => "\\Trash",
            SpecialUse::Junk => "\\Junk",
            SpecialUse::Archive => "\\Archive",
        }
    }
}

/// One account.
#[derive(Clone)]
pub struct User {
    pub name: String,
    pub password: String,
    /// Mailboxes by canonical name (see [`canonical_name`]).
    pub mailboxes: BTreeMap<String, Mailbox>,
    /// Subscribed names (RFC 3501 §6.3.6); may name mailboxes that no longer exist.
    pub subscriptions: BTreeSet<String>,
    /// Application-specific passwords. When there are any, the account behaves as a
    /// Gmail account with 2-step verification: mail protocols refuse `password` and take
    /// only these (see [`Store::authenticate`]).
    pub app_passwords: Vec<String>,
}

/// One mailbox with its messages in UID order. A clone copies the message pointers,
/// never the octets.
#[derive(Clone)]
pub struct Mailbox {
    /// Name as created (wire form); `INBOX` for the inbox.
    pub name: String,
    pub uidvalidity: u32,
    pub uidnext: u32,
    /// The messages, shared: a reader copies these pointers ([`Mailbox::snapshot`]) and
    /// leaves the lock; a flag change copies one message's metadata only if a snapshot
    /// still holds it (`Arc::make_mut`), never its octets.
    pub messages: Vec<Arc<Message>>,
    pub special_use: Option<SpecialUse>,
    /// Bumped on every change to this mailbox; messages carry the value of their last change.
    pub modseq: u64,
    /// Keywords ever used in this mailbox (for FLAGS / PERMANENTFLAGS).
    pub keywords: BTreeSet<String>,
    /// `\Noselect` mailboxes exist only as hierarchy parents.
    pub noselect: bool,
    /// [`MailboxSummary`] with the `(modseq, message count)` it was computed at.
    summary: Cell<Option<(u64, usize, MailboxSummary)>>,
    /// Octets of `messages`, kept as they come and go, so a quota check costs no pass.
    octets: u64,
}

/// Counts SELECT, EXAMINE and STATUS report, from one pass over the messages and kept
/// until the mailbox changes, so that opening a large mailbox again costs no pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MailboxSummary {
    /// 0-based index of the first message without `\Seen` (RFC 3501 §6.3.1 UNSEEN).
    pub first_unseen: Option<usize>,
    /// Messages without `\Seen` (STATUS UNSEEN).
    pub unseen: usize,
    /// Messages no session has seen yet, `\Recent` for whoever selects first.
    pub unclaimed: usize,
    /// Highest session id owning `\Recent` on any message: a session with a higher id
    /// (ids only grow) owns none.
    pub max_owner: Option<u64>,
}

/// One stored message: its octets are immutable and shared (`Arc`),
/// UID, flags, modseq and `\Recent` owner are the small per-mailbox metadata. Mailboxes
/// hold `Arc<Message>`, so a copy of a mailbox's message list is pointer copies.
#[derive(Clone)]
pub struct Message {
    pub uid: u32,
    pub flags: Flags,
    pub internal_date: DateTime<FixedOffset>,
    /// The raw RFC 5322 octets, CRLF line ends.
    pub raw: Arc<[u8]>,
    /// modseq of the last change to this message (flags or arrival).
    pub modseq: u64,
    /// Session that saw this message first and so has it `\Recent` (RFC 3501 §2.3.2).
    pub recent_owner: Option<u64>,
    /// ENVELOPE's reply octets, made on first use and kept (a few hundred octets; the
    /// MIME tree they come from is not kept). Shared by every holder of this message.
    envelope: OnceLock<Box<[u8]>>,
}

/// Mail for another domain, accepted by the SMTP mock and never delivered.
#[derive(Clone, Debug)]
pub struct RelayedMessage {
    pub from: String,
    pub recipients: Vec<String>,
    pub raw: Arc<[u8]>,
    pub received: DateTime<FixedOffset>,
}

/// A message's flags: system flags (`\\Seen` …) and keywords. `\\Recent` is per session
/// and never stored here (RFC 3501 §2.3.2).
///
/// System flags are one bit each, so testing `\\Seen` or `\\Deleted` over a large
/// mailbox costs no allocation; keywords (rare) are kept sorted in a boxed slice. The
/// flags iterate in byte order of their spelling, system flags and keywords merged.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Flags {
    /// Bit `i` set: `SYSTEM_FLAGS[i]` is present.
    system: u8,
    /// Keywords (and any other non-system flag), sorted, no two equal ignoring case.
    keywords: Box<[Box<str>]>,
}

/// The system flags a client may set (RFC 3501 §2.3.2), in their canonical spelling.
pub const SYSTEM_FLAGS: [&str; 5] = ["\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft"];

/// Bit of `\\Deleted` in [`Flags`] (index in [`SYSTEM_FLAGS`]).
const DELETED: u8 = 1 << 2;
/// Bit of `\\Seen` in [`Flags`] (index in [`SYSTEM_FLAGS`]).
const SEEN: u8 = 1 << 3;
/// Indexes into [`SYSTEM_FLAGS`] in byte order of the spelling (iteration order).
const SYSTEM_SORTED: [usize; 5] = [0, 2, 4, 1, 3];

impl Flags {
    pub fn new() -> Self {
        Flags::default()
    }
    /// Canonical spelling of a flag: system flags matched case-insensitively.
    pub fn canonical(flag: &str) -> String {
        match Self::system_index(flag) {
            Some(i) => SYSTEM_FLAGS[i].to_string(),
            None => flag.to_string(),
        }
    }
    /// Index in [`SYSTEM_FLAGS`] of a system flag spelled in any case.
    fn system_index(flag: &str) -> Option<usize> {
        if !flag.starts_with('\\') {
            return None;
        }
        SYSTEM_FLAGS
            .iter()
            .position(|f| f.eq_ignore_ascii_case(flag))
    }
    /// Whether `flag` is set; system flags and keywords compare case-insensitively.
    pub fn contains(&self, flag: &str) -> bool {
        match Self::system_index(flag) {
            Some(i) => self.system & (1 << i) != 0,
            None => self.keywords.iter().any(|k| k.eq_ignore_ascii_case(flag)),
        }
    }
    /// `\\Seen` is set (RFC 3501 §2.3.2), without a string comparison.
    pub fn is_seen(&self) -> bool {
        self.system & SEEN != 0
    }
    /// `\\Deleted` is set (RFC 3501 §2.3.2), without a string comparison.
    pub fn is_deleted(&self) -> bool {
        self.system & DELETED != 0
    }
    /// Adds `flag` (system flags in their canonical spelling); false if already set.
    pub fn insert(&mut self, flag: &str) -> bool {
        if let Some(i) = Self::system_index(flag) {
            let had = self.system & (1 << i) != 0;
            self.system |= 1 << i;
            return !had;
        }
        if self.contains(flag) {
            return false;
        }
        let at = self.keywords.partition_point(|k| k.as_ref() < flag);
        let mut v = std::mem::take(&mut self.keywords).into_vec();
        v.insert(at, flag.into());
        self.keywords = v.into_boxed_slice();
        true
    }
    /// Removes `flag` in any case; false if it was not set.
    pub fn remove(&mut self, flag: &str) -> bool {
        if let Some(i) = Self::system_index(flag) {
            let had = self.system & (1 << i) != 0;
            self.system &= !(1 << i);
            return had;
        }
        if !self.contains(flag) {
            return false;
        }
        let mut v = std::mem::take(&mut self.keywords).into_vec();
        v.retain(|k| !k.eq_ignore_ascii_case(flag));
        self.keywords = v.into_boxed_slice();
        true
    }
    /// Every flag, in byte order of its spelling.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let mut system = SYSTEM_SORTED
            .iter()
            .filter(|&&i| self.system & (1 << i) != 0)
            .map(|&i| SYSTEM_FLAGS[i])
            .peekable();
        let mut keywords = self.keywords.iter().map(|k| k.as_ref()).peekable();
        std::iter::from_fn(move || match (system.peek(), keywords.peek()) {
            (Some(s), Some(k)) if k < s => keywords.next(),
            (Some(_), _) => system.next(),
            (None, _) => keywords.next(),
        })
    }
    pub fn len(&self) -> usize {
        self.system.count_ones() as usize + self.keywords.len()
    }
    pub fn is_empty(&self) -> bool {
        self.system == 0 && self.keywords.is_empty()
    }
}

impl std::fmt::Debug for Flags {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<S: AsRef<str>> FromIterator<S> for Flags {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        let mut f = Flags::new();
        for s in iter {
            f.insert(s.as_ref());
        }
        f
    }
}

/// Why a store operation failed; the servers turn these into their protocol's replies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    NoSuchUser(String),
    NoSuchMailbox(String),
    AlreadyExists(String),
    /// The operation is not allowed on this mailbox (deleting INBOX, a `\Noselect` parent …).
    Cannot(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::NoSuchUser(u) => write!(f, "{}", crate::tr_en!("store.no_user", user = u)),
            StoreError::NoSuchMailbox(m) => write!(
                f,
                "{}",
                crate::tr_en!("store.mailbox_does_not_exist", mailbox = m)
            ),
            StoreError::AlreadyExists(m) => write!(
                f,
                "{}",
                crate::tr_en!("store.mailbox_already_exists", mailbox = m)
            ),
            StoreError::Cannot(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for StoreError {}

/// The key a mailbox is stored under: `INBOX` in any case (and its children's prefix)
/// is folded to upper case, other names are kept as given.
pub fn canonical_name(name: &str) -> String {
    let name = name.trim_end_matches(DELIMITER);
    if name
        .get(..5)
        .is_some_and(|p| p.eq_ignore_ascii_case("INBOX"))
    {
        let rest = &name[5..];
        if rest.is_empty() || rest.starts_with(DELIMITER) {
            return format!("INBOX{rest}");
        }
    }
    name.to_string()
}

impl Message {
    /// A new message; `uid` and `modseq` are set when it is added to a mailbox.
    pub fn new(
        raw: impl Into<Arc<[u8]>>,
        flags: Flags,
        internal_date: DateTime<FixedOffset>,
    ) -> Self {
        Message {
            uid: 0,
            flags,
            internal_date,
            raw: raw.into(),
            modseq: 0,
            recent_owner: None,
            envelope: OnceLock::new(),
        }
    }
    /// RFC822.SIZE: the octet count of the raw message.
    pub fn size(&self) -> usize {
        self.raw.len()
    }
    /// The parsed form (BODYSTRUCTURE, sections, SEARCH), built from the raw octets on
    /// each call and not kept: it costs one pass over the headers, and keeping it for
    /// every message made the store twice the size of the mail.
    pub fn parsed(&self) -> mime::ParsedMessage {
        mime::ParsedMessage::parse(&self.raw)
    }
    /// Decoded body text for SEARCH BODY / TEXT (see [`mime::body_text_of`]).
    pub fn body_text(&self) -> String {
        mime::body_text_of(&self.raw)
    }
    /// ENVELOPE (RFC 3501 §7.4.2) as reply octets, made once and kept.
    pub fn envelope(&self) -> &[u8] {
        self.envelope
            .get_or_init(|| mime::envelope_octets(&self.raw))
    }
}

impl Mailbox {
    pub fn new(name: &str, uidvalidity: u32) -> Self {
        Mailbox {
            name: name.to_string(),
            uidvalidity,
            uidnext: 1,
            messages: Vec::new(),
            special_use: None,
            modseq: 1,
            keywords: BTreeSet::new(),
            noselect: false,
            summary: Cell::new(None),
            octets: 0,
        }
    }
    /// Adds a message at the end, giving it the next UID; returns that UID.
    pub fn push(&mut self, mut msg: Message) -> u32 {
        self.modseq += 1;
        msg.uid = self.uidnext;
        msg.modseq = self.modseq;
        self.uidnext += 1;
        for k in msg.flags.iter() {
            if !k.starts_with('\\') {
                self.keywords.insert(k.to_string());
            }
        }
        let uid = msg.uid;
        self.octets += msg.raw.len() as u64;
        self.messages.push(Arc::new(msg));
        uid
    }
    /// The messages as they are now, for work done after the lock is released (SEARCH,
    /// FETCH of large bodies): one pointer copy per message, no octets copied. Later
    /// changes to the mailbox do not show in it.
    pub fn snapshot(&self) -> Vec<Arc<Message>> {
        self.messages.clone()
    }
    /// Tells the CPU that message `i` (if any) is about to be read. Messages are each
    /// behind their own pointer, so a pass over a large mailbox that reads a few fields of
    /// every message (FETCH FLAGS) waits on a cache miss per message unless it asks for
    /// the ones a few steps ahead first. Only a hint: it changes no result.
    #[inline]
    pub fn prefetch(&self, i: usize) {
        #[cfg(target_arch = "x86_64")]
        if let Some(m) = self.messages.get(i) {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            let p = Arc::as_ptr(m).cast::<i8>();
            // SAFETY: a prefetch never faults and reads nothing the program sees; `p`
            // points into a live allocation (the message, at least 64 octets long),
            // and `wrapping_add` makes no claim about the second address.
            unsafe {
                _mm_prefetch(p, _MM_HINT_T0);
                _mm_prefetch(p.wrapping_add(64), _MM_HINT_T0);
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = i;
    }
    /// Index of the message with this UID.
    pub fn position(&self, uid: u32) -> Option<usize> {
        self.messages.binary_search_by_key(&uid, |m| m.uid).ok()
    }
    pub fn get(&self, uid: u32) -> Option<&Message> {
        self.position(uid).map(|i| &*self.messages[i])
    }
    /// Changes a message's flags; bumps modseq when anything changed. Returns whether it did.
    pub fn set_flags(&mut self, uid: u32, flags: Flags) -> bool {
        let Some(i) = self.position(uid) else {
            return false;
        };
        if self.messages[i].flags == flags {
            return false;
        }
        for k in flags.iter() {
            if !k.starts_with('\\') {
                self.keywords.insert(k.to_string());
            }
        }
        self.modseq += 1;
        let m = Arc::make_mut(&mut self.messages[i]);
        m.flags = flags;
        m.modseq = self.modseq;
        true
    }
    /// Removes messages flagged `\Deleted` (optionally only those whose UID passes `only`);
    /// returns the removed UIDs in ascending order (RFC 3501 §6.4.3, RFC 4315 §2.1).
    pub fn expunge(&mut self, only: impl Fn(u32) -> bool) -> Vec<u32> {
        let mut removed = Vec::new();
        let mut freed = 0;
        self.messages.retain(|m| {
            let gone = m.flags.is_deleted() && only(m.uid);
            if gone {
                removed.push(m.uid);
                freed += m.raw.len() as u64;
            }
            !gone
        });
        self.octets -= freed;
        if !removed.is_empty() {
            self.modseq += 1;
        }
        removed
    }
    /// Removes exactly these UIDs (POP3 QUIT, MOVE); returns those that were present.
    pub fn remove_uids(&mut self, uids: &[u32]) -> Vec<u32> {
        let set: BTreeSet<u32> = uids.iter().copied().collect();
        let mut removed = Vec::new();
        let mut freed = 0;
        self.messages.retain(|m| {
            let gone = set.contains(&m.uid);
            if gone {
                removed.push(m.uid);
                freed += m.raw.len() as u64;
            }
            !gone
        });
        self.octets -= freed;
        if !removed.is_empty() {
            self.modseq += 1;
        }
        removed
    }
    pub fn unseen_count(&self) -> usize {
        self.summary().unseen
    }
    /// Messages no session has seen yet count as recent in STATUS.
    pub fn recent_count(&self) -> usize {
        self.summary().unclaimed
    }
    /// The SELECT/STATUS counts, computed again only after the mailbox changed. Every
    /// change to messages or flags bumps `modseq`; code that sets `recent_owner` directly
    /// on stored messages calls [`Mailbox::forget_summary`].
    pub fn summary(&self) -> MailboxSummary {
        if let Some((modseq, len, s)) = self.summary.get() {
            if modseq == self.modseq && len == self.messages.len() {
                return s;
            }
        }
        let mut s = MailboxSummary {
            first_unseen: None,
            unseen: 0,
            unclaimed: 0,
            max_owner: None,
        };
        for (i, m) in self.messages.iter().enumerate() {
            if !m.flags.is_seen() {
                s.unseen += 1;
                s.first_unseen.get_or_insert(i);
            }
            match m.recent_owner {
                None => s.unclaimed += 1,
                Some(o) => s.max_owner = s.max_owner.max(Some(o)),
            }
        }
        self.summary
            .set(Some((self.modseq, self.messages.len(), s)));
        s
    }
    /// Drops the kept [`MailboxSummary`] (after `recent_owner` changed on stored messages).
    pub fn forget_summary(&mut self) {
        self.summary.set(None);
    }
}

impl User {
    pub fn new(name: &str, password: &str) -> Self {
        User {
            name: name.to_string(),
            password: password.to_string(),
            mailboxes: BTreeMap::new(),
            subscriptions: BTreeSet::new(),
            app_passwords: Vec::new(),
        }
    }
    pub fn mailbox(&self, name: &str) -> Option<&Mailbox> {
        self.mailboxes.get(&canonical_name(name))
    }
    pub fn mailbox_mut(&mut self, name: &str) -> Option<&mut Mailbox> {
        self.mailboxes.get_mut(&canonical_name(name))
    }
    pub fn inbox_mut(&mut self) -> &mut Mailbox {
        self.mailboxes
            .get_mut("INBOX")
            .expect("every user has an INBOX (created with the user)")
    }
}

impl Inner {
    pub fn user(&self, name: &str) -> Result<&User, StoreError> {
        self.users
            .get(name)
            .ok_or_else(|| StoreError::NoSuchUser(name.to_string()))
    }
    pub fn user_mut(&mut self, name: &str) -> Result<&mut User, StoreError> {
        self.users
            .get_mut(name)
            .ok_or_else(|| StoreError::NoSuchUser(name.to_string()))
    }
    /// Creates a user with an empty INBOX, Sent, Drafts and Trash (RFC 6154 attributes).
    pub fn add_user(&mut self, name: &str, password: &str) {
        let mut user = User::new(name, password);
        for (mb, su) in [
            ("INBOX", None),
            ("Sent", Some(SpecialUse::Sent)),
            ("Drafts", Some(SpecialUse::Drafts)),
            ("Trash", Some(SpecialUse::Trash)),
        ] {
            let mut m = Mailbox::new(mb, self.take_uidvalidity());
            m.special_use = su;
            user.subscriptions.insert(mb.to_string());
            user.mailboxes.insert(mb.to_string(), m);
        }
        self.users.insert(name.to_string(), user);
    }
    /// A fresh UIDVALIDITY, never handed out twice by this store.
    pub fn take_uidvalidity(&mut self) -> u32 {
        let v = self.next_uidvalidity;
        self.next_uidvalidity += 1;
        v
    }
    /// Creates a mailbox (and missing parents as plain mailboxes, RFC 3501 §6.3.3).
    pub fn create_mailbox(&mut self, user: &str, name: &str) -> Result<(), StoreError> {
        let key = canonical_name(name);
        if key.is_empty() {
            return Err(StoreError::Cannot(crate::tr_en!(
                "store.mailbox_name_cannot_empty"
            )));
        }
        let exists = self.user(user)?.mailboxes.get(&key).map(|m| !m.noselect);
        match exists {
            Some(true) => return Err(StoreError::AlreadyExists(name.to_string())),
            Some(false) => {
                let u = self.user_mut(user)?;
                if let Some(m) = u.mailboxes.get_mut(&key) {
                    m.noselect = false;
                }
                return Ok(());
            }
            None => {}
        }
        let mut prefix = String::new();
        let parts: Vec<&str> = key.split(DELIMITER).collect();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                prefix.push(DELIMITER);
            }
            prefix.push_str(part);
            if !self.user(user)?.mailboxes.contains_key(&prefix) {
                let uv = self.take_uidvalidity();
                let u = self.user_mut(user)?;
                u.mailboxes
                    .insert(prefix.clone(), Mailbox::new(&prefix, uv));
            }
        }
        Ok(())
    }
    /// Deletes a mailbox (RFC 3501 §6.3.4): one with children becomes `\Noselect`
    /// and loses its messages; INBOX cannot be deleted.
    pub fn delete_mailbox(&mut self, user: &str, name: &str) -> Result<(), StoreError> {
        let key = canonical_name(name);
        if key == "INBOX" {
            return Err(StoreError::Cannot(crate::tr_en!(
                "store.inbox_cannot_deleted"
            )));
        }
        let u = self.user_mut(user)?;
        let Some(mb) = u.mailboxes.get(&key) else {
            return Err(StoreError::NoSuchMailbox(name.to_string()));
        };
        let child_prefix = format!("{key}{DELIMITER}");
        let has_children = u.mailboxes.keys().any(|k| k.starts_with(&child_prefix));
        if has_children {
            if mb.noselect {
                return Err(StoreError::Cannot(crate::tr_en!(
                    "store.has_child_mailboxes_already",
                    name = name
                )));
            }
            let mb = u.mailboxes.get_mut(&key).expect("checked above");
            mb.messages.clear();
            mb.octets = 0;
            mb.noselect = true;
            mb.modseq += 1;
        } else {
            u.mailboxes.remove(&key);
        }
        Ok(())
    }
    /// Renames a mailbox and its children (RFC 3501 §6.3.5). Renaming INBOX moves its
    /// messages to the new mailbox and leaves INBOX empty.
    pub fn rename_mailbox(&mut self, user: &str, from: &str, to: &str) -> Result<(), StoreError> {
        let from_key = canonical_name(from);
        let to_key = canonical_name(to);
        if !self.user(user)?.mailboxes.contains_key(&from_key) {
            return Err(StoreError::NoSuchMailbox(from.to_string()));
        }
        if self
            .user(user)?
            .mailboxes
            .get(&to_key)
            .is_some_and(|m| !m.noselect)
        {
            return Err(StoreError::AlreadyExists(to.to_string()));
        }
        if to_key.starts_with(&format!("{from_key}{DELIMITER}")) {
            return Err(StoreError::Cannot(crate::tr_en!(
                "store.mailbox_cannot_renamed_into"
            )));
        }
        if from_key == "INBOX" {
            self.create_mailbox(user, to)?;
            let u = self.user_mut(user)?;
            let inbox = u.inbox_mut();
            let msgs = std::mem::take(&mut inbox.messages);
            inbox.octets = 0;
            inbox.modseq += 1;
            let target = u.mailboxes.get_mut(&to_key).expect("just created");
            for m in msgs {
                let mut m = Arc::unwrap_or_clone(m);
                m.recent_owner = None;
                target.push(m);
            }
            return Ok(());
        }
        // Parents of the new name must exist.
        if let Some((parent, _)) = to_key.rsplit_once(DELIMITER) {
            if !self.user(user)?.mailboxes.contains_key(parent) {
                self.create_mailbox(user, parent)?;
            }
        }
        let u = self.user_mut(user)?;
        u.mailboxes.remove(&to_key);
        let child_prefix = format!("{from_key}{DELIMITER}");
        let keys: Vec<String> = u
            .mailboxes
            .keys()
            .filter(|k| **k == from_key || k.starts_with(&child_prefix))
            .cloned()
            .collect();
        for k in keys {
            let mut mb = u.mailboxes.remove(&k).expect("key listed above");
            let new_key = format!("{to_key}{}", &k[from_key.len()..]);
            mb.name = new_key.clone();
            u.mailboxes.insert(canonical_name(&new_key), mb);
        }
        Ok(())
    }
    /// Whether `addr`'s domain is one of ours (case-insensitive).
    pub fn is_local_domain(&self, domain: &str) -> bool {
        self.domains.iter().any(|d| d.eq_ignore_ascii_case(domain))
    }
    /// The local user an address (`alex@maillab.test`, or a bare `alex`) delivers to.
    pub fn local_user_for(&self, address: &str) -> Option<String> {
        let (local, domain) = match address.rsplit_once('@') {
            Some((l, d)) => (l, Some(d)),
            None => (address, None),
        };
        if let Some(d) = domain {
            if !self.is_local_domain(d) {
                return None;
            }
        }
        let user = self
            .users
            .keys()
            .find(|u| u.eq_ignore_ascii_case(local))
            .cloned();
        // RFC 5321 §4.5.1: every domain must accept mail for its postmaster. Without
        // such an account, the first user reads it (alex in the default store).
        user.or_else(|| {
            local
                .eq_ignore_ascii_case("postmaster")
                .then(|| self.users.keys().next().cloned())
                .flatten()
        })
    }
}

/// Why the store refused a login ([`Store::authenticate`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginRefused {
    /// No such account, or the secret matches none of its passwords.
    Invalid,
    /// The account's normal password, where the account takes only application-specific
    /// passwords (Gmail's `534 5.7.9 Application-specific password required`).
    AppPasswordRequired,
    /// No such account, and logging in could not create it (`--open-accounts`).
    NewAccount(accounts::NewAccountRefusal),
}

/// What a client presented to prove who it is.
pub enum Proof<'a> {
    /// A password in clear (IMAP LOGIN, POP3 PASS, SASL PLAIN and LOGIN). Spaces in it
    /// are ignored when it is compared with an application-specific password, as Gmail
    /// does (it shows them in groups of four).
    Password(&'a str),
    /// A challenge-response answer (CRAM-MD5, APOP): true when it was computed from
    /// the secret given.
    Digest(&'a dyn Fn(&str) -> bool),
}

/// Octets of mail held, for quotas and usage figures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    /// Per user, every mailbox counted.
    pub users: BTreeMap<String, u64>,
    /// The relayed-mail sink.
    pub sink: u64,
}

impl Usage {
    /// Everything the store holds.
    pub fn total(&self) -> u64 {
        self.users.values().sum::<u64>() + self.sink
    }
}

/// The store's size limits (octets): a class of thirty shares one server, so one
/// student's loop must not fill its memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Mail one user may hold, all mailboxes together.
    pub user_quota: u64,
    /// Mail kept in the relayed-mail sink, all senders together.
    pub sink: u64,
    /// Everything the store holds: every user's mail and the sink.
    pub total: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            user_quota: 64 << 20,
            sink: 64 << 20,
            total: 1 << 30,
        }
    }
}

/// Why mail cannot be added ([`Inner::room_for`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoRoom {
    /// The user is (or would be) over their quota: (user, quota).
    UserQuota(String, u64),
    /// The relayed-mail sink is full: its limit.
    Sink(u64),
    /// The whole store is at its budget: the budget.
    Total(u64),
}

/// What an operation would add to the store, for [`Inner::room_for`].
#[derive(Debug, Clone, Default)]
pub struct Addition<'a> {
    /// Local users who get a copy, each once.
    pub users: &'a [String],
    /// Octets each of them gets (0: only asks whether they are over quota already).
    pub per_user: u64,
    /// Octets the sink gets (0 with `relay` set: only asks whether it is full).
    pub sink: u64,
    /// Whether anything goes to the sink.
    pub relay: bool,
    /// Octets the same operation frees for each of `users` (MOVE within a user).
    pub freed: u64,
}

impl Mailbox {
    /// Octets of the messages in this mailbox (kept as messages come and go).
    pub fn bytes(&self) -> u64 {
        self.octets
    }
}

impl User {
    /// Octets of mail in all of this user's mailboxes.
    pub fn bytes(&self) -> u64 {
        self.mailboxes.values().map(Mailbox::bytes).sum()
    }
}

impl Inner {
    /// The account a login name means: the name itself, or the address of a local user
    /// (`alex@maillab.test`, local part in any case), as mail providers let people log
    /// in with their address. IMAP, POP3 and SMTP all log in through this.
    pub fn login_name(&self, login: &str) -> Option<String> {
        if self.users.contains_key(login) {
            return Some(login.to_string());
        }
        let (local, domain) = login.rsplit_once('@')?;
        if !self.is_local_domain(domain) {
            return None;
        }
        self.users
            .keys()
            .find(|u| u.eq_ignore_ascii_case(local))
            .cloned()
    }

    /// Octets of mail `user` holds (0 for an unknown user).
    pub fn user_bytes(&self, user: &str) -> u64 {
        self.users.get(user).map_or(0, User::bytes)
    }

    /// Octets in the relayed-mail sink.
    pub fn sink_bytes(&self) -> u64 {
        self.relayed.iter().map(|m| m.raw.len() as u64).sum()
    }

    /// Octets of everything the store holds: every user's mail and the sink.
    pub fn total_bytes(&self) -> u64 {
        self.users.values().map(User::bytes).sum::<u64>() + self.sink_bytes()
    }

    /// What every user and the sink hold.
    pub fn usage(&self) -> Usage {
        Usage {
            users: self
                .users
                .iter()
                .map(|(name, u)| (name.clone(), u.bytes()))
                .collect(),
            sink: self.sink_bytes(),
        }
    }

    /// Whether `add` fits within `limits`: a user already over quota, or who would be
    /// after it, is refused first, then a full sink, then the whole store's budget.
    /// With nothing to add (0 octets) it asks whether any limit is already reached.
    pub fn room_for(&self, add: &Addition<'_>, limits: &Limits) -> Result<(), NoRoom> {
        let mut total = self.total_bytes();
        for u in add.users {
            let have = self.user_bytes(u).saturating_sub(add.freed);
            let after = have + add.per_user;
            if (add.per_user == 0 && have >= limits.user_quota) || after > limits.user_quota {
                return Err(NoRoom::UserQuota(u.clone(), limits.user_quota));
            }
        }
        if add.relay {
            let sink = self.sink_bytes();
            if sink >= limits.sink || sink + add.sink > limits.sink {
                return Err(NoRoom::Sink(limits.sink));
            }
        }
        let added = add.per_user * add.users.len() as u64 + add.sink;
        let freed = add.freed * add.users.len() as u64;
        total = total.saturating_sub(freed);
        if (added == 0 && total >= limits.total) || total + added > limits.total {
            return Err(NoRoom::Total(limits.total));
        }
        Ok(())
    }
}

impl Default for Store {
    fn default() -> Self {
        Store::new()
    }
}

impl Store {
    /// An empty store with the default local domains (`maillab.test`, `localhost`).
    pub fn new() -> Self {
        let inner = Inner {
            domains: vec!["maillab.test".into(), "localhost".into()],
            next_uidvalidity: 1,
            next_session_id: 1,
            ..Inner::default()
        };
        Store {
            inner: Mutex::new(inner),
            changes: watch::channel(0).0,
            disk: std::sync::OnceLock::new(),
            resets: watch::channel(0).0,
        }
    }

    /// Read access to everything.
    pub fn read<R>(&self, f: impl FnOnce(&Inner) -> R) -> R {
        f(&self.lock())
    }

    /// Write access; wakes every watcher (IDLE sessions) afterwards.
    /// With a data directory attached, the change is on disk (written and fsync-ed)
    /// before this returns; if it cannot be recorded the process exits (status 74)
    /// rather than let a reply acknowledge it.
    pub fn write<R>(&self, f: impl FnOnce(&mut Inner) -> R) -> R {
        let mut g = self.lock();
        let r = f(&mut g);
        if let Some(disk) = self.disk.get() {
            if let Err(e) = disk.sync(&g) {
                eprintln!(
                    "maillab: {}",
                    crate::tr!("store.disk_write_failed", error = e)
                );
                // Fail-stop: returning would let a reply acknowledge what is not on
                // disk. A restart loads the last state that was recorded.
                std::process::exit(74);
            }
        }
        drop(g);
        self.changes.send_modify(|v| *v += 1);
        r
    }

    /// Keeps the store in `dir` as Maildir++ (see [`maildir`]): loads what is there
    /// for the store's users, writes the rest, and records every later write.
    pub fn attach_disk(&self, dir: &std::path::Path) -> std::io::Result<()> {
        let disk = maildir::Disk::new(dir)?;
        let mut g = self.lock();
        // Accounts made by logging in on an earlier run, before their Maildirs load.
        for (name, password) in maildir::read_open_accounts(dir)? {
            if !g.users.contains_key(&name) {
                g.add_seeded_user(&name, &password);
            }
            g.accounts.opened.insert(name, password);
        }
        disk.load_into(&mut g)?;
        disk.sync(&g)?;
        drop(g);
        let _ = self.disk.set(disk);
        Ok(())
    }

    /// A receiver that changes whenever the store does.
    pub fn subscribe(&self) -> watch::Receiver<u64> {
        self.changes.subscribe()
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock would be a bug; keep serving the data anyway.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A new id for a session (used for `\Recent` ownership).
    pub fn new_session_id(&self) -> u64 {
        let mut g = self.lock();
        let id = g.next_session_id;
        g.next_session_id += 1;
        id
    }

    pub fn add_user(&self, name: &str, password: &str) {
        self.write(|i| i.add_user(name, password));
    }

    /// Checks a user's password.
    pub fn check_login(&self, user: &str, password: &str) -> bool {
        self.read(|i| i.users.get(user).is_some_and(|u| u.password == password))
    }

    /// Checks a login in any of its forms ([`Inner::login_name`]) against the account's
    /// secrets; returns the account's name. An account with application-specific
    /// passwords takes only those and refuses its normal password with
    /// [`LoginRefused::AppPasswordRequired`], as Gmail does for IMAP, POP3 and SMTP.
    ///
    /// With open accounts on ([`accounts`]), a password login with a name no account
    /// has creates that account.
    pub fn authenticate(&self, login: &str, proof: Proof<'_>) -> Result<String, LoginRefused> {
        let known = self.read(|i| i.login_name(login).or_else(|| i.open_account_for(login)));
        if known.is_none() {
            if let Proof::Password(p) = &proof {
                if let Some(made) = self.write(|i| i.open_account(login, p)) {
                    return made;
                }
            }
        }
        self.read(|i| {
            let name = i
                .login_name(login)
                .or_else(|| i.open_account_for(login))
                .ok_or(LoginRefused::Invalid)?;
            let user = i.users.get(&name).ok_or(LoginRefused::Invalid)?;
            let normal = match &proof {
                Proof::Password(p) => secret_eq(p.as_bytes(), user.password.as_bytes()),
                Proof::Digest(f) => f(&user.password),
            };
            if user.app_passwords.is_empty() {
                return if normal {
                    Ok(name)
                } else {
                    Err(LoginRefused::Invalid)
                };
            }
            let app = user.app_passwords.iter().any(|app| match &proof {
                Proof::Password(p) => {
                    let given: String = p.chars().filter(|c| *c != ' ').collect();
                    secret_eq(given.as_bytes(), app.as_bytes())
                }
                Proof::Digest(f) => f(app),
            });
            if app {
                Ok(name)
            } else if normal {
                Err(LoginRefused::AppPasswordRequired)
            } else {
                Err(LoginRefused::Invalid)
            }
        })
    }

    /// Gives `user` an application-specific password (see [`User::app_passwords`]).
    pub fn add_app_password(&self, user: &str, password: &str) -> Result<(), StoreError> {
        self.write(|i| {
            i.user_mut(user)?.app_passwords.push(password.to_string());
            Ok(())
        })
    }

    /// The stored password, for challenge-response mechanisms (CRAM-MD5, APOP).
    pub fn password(&self, user: &str) -> Option<String> {
        self.read(|i| i.users.get(user).map(|u| u.password.clone()))
    }

    /// Appends a message to a mailbox; returns (UIDVALIDITY, UID) for APPENDUID (RFC 4315).
    pub fn append(
        &self,
        user: &str,
        mailbox: &str,
        msg: Message,
    ) -> Result<(u32, u32), StoreError> {
        self.write(|i| {
            let u = i.user_mut(user)?;
            let mb = u
                .mailbox_mut(mailbox)
                .filter(|m| !m.noselect)
                .ok_or_else(|| StoreError::NoSuchMailbox(mailbox.to_string()))?;
            let uid = mb.push(msg);
            Ok((mb.uidvalidity, uid))
        })
    }

    /// Delivers one message to several local users' INBOXes in one step: either all
    /// get it or none does.
    pub fn deliver(
        &self,
        users: &[String],
        raw: Arc<[u8]>,
        date: DateTime<FixedOffset>,
    ) -> Result<(), StoreError> {
        self.write(|i| {
            for u in users {
                i.user(u)?;
            }
            for u in users {
                let msg = Message::new(raw.clone(), Flags::new(), date);
                i.user_mut(u)?.inbox_mut().push(msg);
            }
            Ok(())
        })
    }

    /// Keeps mail for another domain in the relayed sink.
    pub fn relay(&self, msg: RelayedMessage) {
        self.write(|i| i.relayed.push(msg));
    }
}

/// Compares two secrets without stopping at the first difference.
fn secret_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc2822("Mon, 7 Feb 1994 21:52:25 -0800").unwrap()
    }

    #[test]
    fn flags_keep_set_semantics_and_byte_order() {
        let mut f: Flags = ["\\seen", "Zeta", "$Junk", "\\ANSWERED", "work", "\\Draft"]
            .into_iter()
            .collect();
        // Byte order of the spelling, as a sorted set of strings would give.
        let expected: Vec<&str> = {
            let mut v = vec!["\\Seen", "Zeta", "$Junk", "\\Answered", "work", "\\Draft"];
            v.sort_unstable();
            v
        };
        assert_eq!(f.iter().collect::<Vec<_>>(), expected);
        assert_eq!(f.len(), 6);
        assert!(f.is_seen() && f.contains("\\SEEN") && f.contains("zeta"));
        assert!(!f.is_deleted() && !f.contains("\\Deleted") && !f.contains("\\Recent"));
        assert!(!f.insert("ZETA"), "keywords are compared ignoring case");
        assert!(!f.insert("\\draft"));
        assert!(f.insert("\\deleted") && f.is_deleted());
        assert!(f.remove("\\SEEN") && !f.is_seen() && !f.remove("\\Seen"));
        assert!(f.remove("WORK") && !f.contains("work"));
        assert_eq!(f.len(), 5);
        let same: Flags = ["zeta", "\\Answered", "$Junk", "\\Deleted", "\\Draft"]
            .into_iter()
            .collect();
        assert_ne!(f, same, "keyword spelling is kept as first given");
        let same: Flags = ["Zeta", "\\Answered", "$Junk", "\\Deleted", "\\Draft"]
            .into_iter()
            .rev()
            .collect();
        assert_eq!(f, same);
        assert_eq!(Flags::canonical("\\fLaGgEd"), "\\Flagged");
        assert_eq!(Flags::canonical("\\Custom"), "\\Custom");
        assert!(Flags::new().is_empty() && Flags::new().iter().next().is_none());
    }

    #[test]
    fn inbox_is_case_insensitive_and_uids_grow() {
        let s = Store::new();
        s.add_user("alex", "drums");
        let (_, a) = s
            .append(
                "alex",
                "inbox",
                Message::new(&b"a"[..], Flags::new(), date()),
            )
            .unwrap();
        let (_, b) = s
            .append(
                "alex",
                "InBoX",
                Message::new(&b"b"[..], Flags::new(), date()),
            )
            .unwrap();
        assert!(b > a);
        s.write(|i| {
            let mb = i.user_mut("alex").unwrap().inbox_mut();
            let mut f = Flags::new();
            f.insert("\\deleted");
            mb.set_flags(b, f);
            assert_eq!(mb.expunge(|_| true), vec![b]);
        });
        let (_, c) = s
            .append(
                "alex",
                "INBOX",
                Message::new(&b"c"[..], Flags::new(), date()),
            )
            .unwrap();
        assert!(c > b, "a UID is never reused after expunge");
    }

    #[test]
    fn mailbox_octets_follow_every_change() {
        let s = Store::new();
        s.add_user("alex", "drums");
        for (i, body) in [&b"one"[..], b"three", b"seventeen"]
            .into_iter()
            .enumerate()
        {
            let mut flags = Flags::new();
            if i != 1 {
                flags.insert("\\Deleted");
            }
            s.append("alex", "INBOX", Message::new(body, flags, date()))
                .unwrap();
        }
        let counted = |s: &Store, name: &str| {
            s.read(|i| {
                let mb = i.user("alex").unwrap().mailbox(name).unwrap();
                let sum: u64 = mb.messages.iter().map(|m| m.raw.len() as u64).sum();
                (mb.bytes(), sum)
            })
        };
        assert_eq!(counted(&s, "INBOX"), (17, 17));
        s.write(|i| {
            i.user_mut("alex")
                .unwrap()
                .inbox_mut()
                .expunge(|uid| uid == 1)
        });
        assert_eq!(counted(&s, "INBOX"), (14, 14));
        s.write(|i| i.user_mut("alex").unwrap().inbox_mut().remove_uids(&[2]));
        assert_eq!(counted(&s, "INBOX"), (9, 9));
        s.write(|i| i.rename_mailbox("alex", "INBOX", "old"))
            .unwrap();
        assert_eq!(counted(&s, "INBOX"), (0, 0));
        assert_eq!(counted(&s, "old"), (9, 9));
        assert_eq!(s.read(|i| i.user("alex").unwrap().bytes()), 9);
    }

    #[test]
    fn rename_inbox_moves_messages_and_keeps_inbox() {
        let s = Store::new();
        s.add_user("alex", "drums");
        s.append(
            "alex",
            "INBOX",
            Message::new(&b"a"[..], Flags::new(), date()),
        )
        .unwrap();
        s.write(|i| i.rename_mailbox("alex", "INBOX", "old/inbox"))
            .unwrap();
        s.read(|i| {
            let u = i.user("alex").unwrap();
            assert_eq!(u.mailbox("INBOX").unwrap().messages.len(), 0);
            assert_eq!(u.mailbox("old/inbox").unwrap().messages.len(), 1);
            assert!(u.mailbox("old").is_some());
        });
    }

    #[test]
    fn delete_with_children_leaves_noselect_parent() {
        let s = Store::new();
        s.add_user("alex", "drums");
        s.write(|i| i.create_mailbox("alex", "a/b")).unwrap();
        s.write(|i| i.delete_mailbox("alex", "a")).unwrap();
        assert!(s.read(|i| i.user("alex").unwrap().mailbox("a").unwrap().noselect));
        assert!(s.write(|i| i.delete_mailbox("alex", "INBOX")).is_err());
    }

    #[test]
    fn postmaster_always_has_a_reader() {
        let s = Store::new();
        s.add_user("alex", "drums");
        s.add_user("riley", "firefly");
        s.read(|i| {
            assert_eq!(i.local_user_for("Postmaster").as_deref(), Some("alex"));
            assert_eq!(
                i.local_user_for("postmaster@maillab.test").as_deref(),
                Some("alex")
            );
            assert_eq!(i.local_user_for("postmaster@example.org"), None);
            assert_eq!(
                i.local_user_for("riley@localhost").as_deref(),
                Some("riley")
            );
        });
    }

    #[test]
    fn canonical_names_of_any_text() {
        assert_eq!(canonical_name("inbox/Sub"), "INBOX/Sub");
        assert_eq!(canonical_name("inboxes"), "inboxes");
        // Byte 5 inside a character must not panic.
        assert_eq!(canonical_name("صندوق"), "صندوق");
        assert_eq!(canonical_name("abcdé"), "abcdé");
    }

    #[test]
    fn delivery_is_all_or_nothing() {
        let s = Store::new();
        s.add_user("alex", "drums");
        let r = s.deliver(
            &["alex".into(), "nobody".into()],
            Arc::from(&b"x"[..]),
            date(),
        );
        assert!(r.is_err());
        assert_eq!(
            s.read(|i| i
                .user("alex")
                .unwrap()
                .mailbox("INBOX")
                .unwrap()
                .messages
                .len()),
            0
        );
    }
}
