//! Accounts beyond the demo users, and the teacher's whole-store operations.
//!
//! - `--users FILE`: `user:password` lines, each account starting with the mail a new
//!   account gets (the *template*: the first demo user's mailboxes as the fixture
//!   loaded them, so every student can replay the course notes on their own copy).
//! - `--open-accounts[=CAP]`: a login with an unknown, well-formed name and a
//!   password creates that account (lower case) with that password and the template's
//!   mail, until CAP accounts were made this way. `alex@maillab.test` and `alex` are
//!   one account; mail between students works by address.
//! - `reset [USER]`, `snapshot NAME`, `restore NAME`, `load FIXTURE`: a mailbox whose
//!   contents change this way gets a new UIDVALIDITY (RFC 3501 §2.3.1.1), which the
//!   sessions that have it selected learn through [`Store::subscribe_resets`]
//!   (IMAP answers `* BYE`, POP3 `-ERR` and closes).
//!
//! Messages are shared `Arc`s, so a snapshot or a reset baseline copies pointers, not
//! octets. With `--data DIR`, what these operations change is recorded like any other
//! write; snapshots are also written to `DIR/.snapshots/NAME/USER/Maildir`, and the
//! accounts made by logging in to `DIR/.open-accounts` by [`super::maildir`] (user
//! names cannot start with a dot, so neither can be a user's directory).

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{
    Flags, Inner, LoginRefused, Mailbox, Message, RelayedMessage, Store, StoreError, User,
};

/// Accounts a login may create when `--open-accounts` is given without a number.
pub const DEFAULT_OPEN_CAP: usize = 200;

/// Names no student may take: mail for them is the site's (RFC 5321 §4.5.1, RFC 2142).
const RESERVED: [&str; 4] = ["postmaster", "abuse", "mailer-daemon", "root"];

/// Longest account or snapshot name.
const MAX_NAME: usize = 64;

/// Why a login could not create an account (`--open-accounts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewAccountRefusal {
    /// The name has characters other than letters, digits, `.`, `_`, `-`, or is reserved.
    Name,
    /// An empty password.
    Password,
    /// The cap of accounts made by logging in is reached: the cap.
    Full(usize),
}

/// One user's mail: what a reset, snapshot or load puts back.
#[derive(Clone, Default)]
pub struct UserMail {
    pub mailboxes: BTreeMap<String, Mailbox>,
    pub subscriptions: BTreeSet<String>,
}

/// A copy of every user's mail and the relayed sink (pointers only).
#[derive(Clone, Default)]
struct Snapshot {
    users: BTreeMap<String, UserMail>,
    relayed: Vec<RelayedMessage>,
}

/// How an account came to be, for `ctl users`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountKind {
    /// One of the built-in demo users.
    Demo,
    /// From `--users FILE`.
    File,
    /// Made by logging in (`--open-accounts`).
    Open,
}

impl AccountKind {
    /// The word `ctl users` shows.
    pub fn word(self) -> &'static str {
        match self {
            AccountKind::Demo => "demo",
            AccountKind::File => "file",
            AccountKind::Open => "open",
        }
    }
}

/// One line of `ctl users`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountSummary {
    pub name: String,
    pub kind: AccountKind,
    pub mailboxes: usize,
    pub messages: usize,
    pub bytes: u64,
}

/// The store's account settings and the teacher's saved states (in [`Inner`]).
#[derive(Default)]
pub struct Accounts {
    /// `--open-accounts`: the most accounts logging in may create; `None`: closed.
    pub open_cap: Option<usize>,
    /// Accounts made by logging in: name → password (kept in `DIR/.open-accounts`).
    pub opened: BTreeMap<String, String>,
    /// Accounts from `--users FILE`.
    pub listed: BTreeSet<String>,
    /// The mail a new account starts with.
    template: UserMail,
    /// What `reset` gives back, per user (a user without one gets the template).
    baseline: BTreeMap<String, UserMail>,
    /// Snapshots kept in memory (also on disk with `--data`).
    snapshots: BTreeMap<String, Snapshot>,
}

/// Whether `name` may be an account or snapshot name: 1–64 of ASCII letters, digits,
/// `.`, `_`, `-`, starting with a letter or digit, not a reserved name.
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_NAME
        && name.as_bytes()[0].is_ascii_alphanumeric()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
        && !RESERVED.iter().any(|r| r.eq_ignore_ascii_case(name))
}

/// Reads a `--users` file: `user:password` lines (the password is everything after
/// the first colon); blank lines and lines starting with `#` are skipped. Errors name
/// the line.
pub fn parse_users_file(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        match line.split_once(':') {
            Some((u, p)) if valid_name(u.trim()) && !p.is_empty() => {
                out.push((u.trim().to_string(), p.to_string()))
            }
            _ => return Err(crate::tr!("accounts.users_file_line", line = n + 1)),
        }
    }
    Ok(out)
}

impl Mailbox {
    /// Whether two mailboxes hold the same mail under the same UIDVALIDITY: same UIDs,
    /// flags and octets (shared octets compare by pointer first).
    fn same_mail(&self, other: &Mailbox) -> bool {
        self.uidvalidity == other.uidvalidity
            && self.uidnext == other.uidnext
            && self.noselect == other.noselect
            && self.messages.len() == other.messages.len()
            && self.messages.iter().zip(&other.messages).all(|(a, b)| {
                a.uid == b.uid
                    && a.flags == b.flags
                    && (Arc::ptr_eq(&a.raw, &b.raw) || a.raw == b.raw)
            })
    }
}

impl User {
    fn mail(&self) -> UserMail {
        UserMail {
            mailboxes: self.mailboxes.clone(),
            subscriptions: self.subscriptions.clone(),
        }
    }
}

impl Inner {
    /// The kind of an account (see [`AccountKind`]).
    pub fn account_kind(&self, name: &str) -> AccountKind {
        if self.accounts.opened.contains_key(name) {
            AccountKind::Open
        } else if self.accounts.listed.contains(name) {
            AccountKind::File
        } else {
            AccountKind::Demo
        }
    }

    /// Keeps every user's mail as what `reset` returns to, and the first demo user's
    /// (else the first user's) as the template of new accounts.
    fn capture_baseline(&mut self) {
        let first = crate::store::fixture::DEFAULT_USERS[0].0;
        let template = self
            .users
            .get(first)
            .or_else(|| self.users.values().next())
            .map(User::mail)
            .unwrap_or_default();
        self.accounts.template = template;
        self.accounts.baseline = self
            .users
            .iter()
            .map(|(n, u)| (n.clone(), u.mail()))
            .collect();
    }

    /// The template's mail with a fresh UIDVALIDITY per mailbox, for a new account.
    fn seeded_mail(&mut self) -> UserMail {
        let mut mail = self.accounts.template.clone();
        for mb in mail.mailboxes.values_mut() {
            mb.uidvalidity = self.take_uidvalidity();
        }
        if !mail.mailboxes.contains_key("INBOX") {
            let v = self.take_uidvalidity();
            mail.mailboxes
                .insert("INBOX".into(), Mailbox::new("INBOX", v));
        }
        mail
    }

    /// Creates an account with the template's mail (it is also what `reset` gives it).
    pub fn add_seeded_user(&mut self, name: &str, password: &str) {
        let mail = self.seeded_mail();
        let mut user = User::new(name, password);
        user.mailboxes = mail.mailboxes.clone();
        user.subscriptions = mail.subscriptions.clone();
        self.users.insert(name.to_string(), user);
        self.accounts.baseline.insert(name.to_string(), mail);
    }

    /// The account `login` names when open accounts are on and it matches an existing
    /// account only ignoring case (`Bob` for `bob`).
    pub(super) fn open_account_for(&self, login: &str) -> Option<String> {
        self.accounts.open_cap?;
        let local = self.open_local_part(login)?;
        self.users
            .keys()
            .find(|u| u.eq_ignore_ascii_case(&local))
            .cloned()
    }

    /// The name a login would create: the login or its local part at a local domain.
    fn open_local_part(&self, login: &str) -> Option<String> {
        let local = match login.rsplit_once('@') {
            Some((l, d)) if self.is_local_domain(d) => l,
            Some(_) => return None,
            None => login,
        };
        Some(local.to_ascii_lowercase())
    }

    /// Creates the account `login` names with `password` (`--open-accounts`), unless
    /// open accounts are off or the account exists (`None`), or the name, password
    /// (empty, or with control characters) or cap forbids it.
    pub(super) fn open_account(
        &mut self,
        login: &str,
        password: &str,
    ) -> Option<Result<String, LoginRefused>> {
        let cap = self.accounts.open_cap?;
        let Some(name) = self.open_local_part(login) else {
            return Some(Err(LoginRefused::Invalid));
        };
        if self.open_account_for(login).is_some() {
            // Made in the meantime: an ordinary login.
            return None;
        }
        if !valid_name(&name) {
            return Some(Err(LoginRefused::NewAccount(NewAccountRefusal::Name)));
        }
        if password.is_empty() || password.chars().any(char::is_control) {
            return Some(Err(LoginRefused::NewAccount(NewAccountRefusal::Password)));
        }
        if self.accounts.opened.len() >= cap {
            return Some(Err(LoginRefused::NewAccount(NewAccountRefusal::Full(cap))));
        }
        self.add_seeded_user(&name, password);
        self.accounts
            .opened
            .insert(name.clone(), password.to_string());
        Some(Ok(name))
    }

    /// Puts `mail` in place of `user`'s mail. A mailbox whose contents stay the same
    /// is kept as it is; every other one gets a new UIDVALIDITY (RFC 3501 §2.3.1.1).
    /// Returns how many mailboxes changed (new, gone or different).
    pub fn put_mail(&mut self, user: &str, mail: UserMail) -> usize {
        let Some(u) = self.users.get(user) else {
            return 0;
        };
        let mut mailboxes = mail.mailboxes;
        let mut fresh = Vec::new();
        for (key, mb) in mailboxes.iter_mut() {
            match u.mailboxes.get(key) {
                Some(cur) if cur.same_mail(mb) => *mb = cur.clone(),
                _ => fresh.push(key.clone()),
            }
        }
        let mut changed = u
            .mailboxes
            .keys()
            .filter(|k| !mailboxes.contains_key(*k))
            .count();
        if !mailboxes.contains_key("INBOX") {
            mailboxes.insert("INBOX".into(), Mailbox::new("INBOX", 0));
            if u.mailboxes.contains_key("INBOX") {
                fresh.push("INBOX".into());
            }
        }
        for key in fresh {
            let v = self.take_uidvalidity();
            if let Some(mb) = mailboxes.get_mut(&key) {
                mb.uidvalidity = v;
                mb.forget_summary();
            }
            changed += 1;
        }
        if let Some(u) = self.users.get_mut(user) {
            u.mailboxes = mailboxes;
            u.subscriptions = mail.subscriptions;
        }
        changed
    }

    /// The user's mail as it is now becomes what `reset` gives back (after a reset
    /// renumbered it, so that a second reset finds nothing to change).
    fn keep_as_baseline(&mut self, user: &str) {
        if let Some(u) = self.users.get(user) {
            let mail = u.mail();
            self.accounts.baseline.insert(user.to_string(), mail);
        }
    }

    /// What `reset` gives `user` back.
    fn baseline_of(&self, user: &str) -> UserMail {
        self.accounts
            .baseline
            .get(user)
            .cloned()
            .unwrap_or_else(|| self.accounts.template.clone())
    }

    /// Every account with its mail's size, in name order.
    pub fn account_summaries(&self) -> Vec<AccountSummary> {
        self.users
            .iter()
            .map(|(name, u)| AccountSummary {
                name: name.clone(),
                kind: self.account_kind(name),
                mailboxes: u.mailboxes.values().filter(|m| !m.noselect).count(),
                messages: u.mailboxes.values().map(|m| m.messages.len()).sum(),
                bytes: u.bytes(),
            })
            .collect()
    }
}

/// Why a teacher's operation failed.
#[derive(Debug)]
pub enum OpError {
    NoSuchUser(String),
    NoSuchSnapshot(String),
    BadName(String),
    Io(io::Error),
}

impl std::fmt::Display for OpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpError::NoSuchUser(u) => f.write_str(&crate::tr!("store.no_user", user = u)),
            OpError::NoSuchSnapshot(n) => {
                f.write_str(&crate::tr!("accounts.no_snapshot", name = n))
            }
            OpError::BadName(n) => f.write_str(&crate::tr!("accounts.bad_name", name = n)),
            OpError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl From<io::Error> for OpError {
    fn from(e: io::Error) -> Self {
        OpError::Io(e)
    }
}

impl Store {
    /// Sets up the accounts before serving: keeps the loaded mail as what `reset`
    /// returns to (and the first demo user's as the template), then adds the `users`
    /// (from `--users`; a demo user's name changes that user's password) and turns
    /// open accounts on with `open_cap`. Call before [`Store::attach_disk`].
    pub fn setup_accounts(&self, users: &[(String, String)], open_cap: Option<usize>) {
        self.write(|i| {
            i.capture_baseline();
            i.accounts.open_cap = open_cap;
            for (name, password) in users {
                match i.users.get_mut(name) {
                    Some(u) => u.password = password.clone(),
                    None => {
                        i.add_seeded_user(name, password);
                        i.accounts.listed.insert(name.clone());
                    }
                }
            }
        });
    }

    /// A receiver that changes whenever a reset, restore or load replaced mail
    /// (sessions then check whether their selected mailbox is still the same).
    pub fn subscribe_resets(&self) -> tokio::sync::watch::Receiver<u64> {
        self.resets.subscribe()
    }

    fn replaced(&self) {
        self.resets.send_modify(|v| *v += 1);
    }

    /// `ctl reset [USER]`: the user's (or every user's) mail back to its baseline; a
    /// reset of everyone also empties the relayed sink. Returns the mailboxes changed.
    pub fn reset(&self, user: Option<&str>) -> Result<usize, OpError> {
        let changed = self.write(|i| {
            let names: Vec<String> = match user {
                Some(u) => {
                    let name = i
                        .login_name(u)
                        .ok_or_else(|| OpError::NoSuchUser(u.to_string()))?;
                    vec![name]
                }
                None => {
                    i.relayed.clear();
                    i.users.keys().cloned().collect()
                }
            };
            let mut changed = 0;
            for n in names {
                let mail = i.baseline_of(&n);
                changed += i.put_mail(&n, mail);
                i.keep_as_baseline(&n);
            }
            Ok::<usize, OpError>(changed)
        })?;
        self.replaced();
        Ok(changed)
    }

    /// `ctl snapshot NAME`: keeps every user's mail and the sink under `name` (in
    /// memory, and under `DIR/.snapshots/NAME` with a data directory).
    pub fn snapshot(&self, name: &str) -> Result<usize, OpError> {
        if !valid_name(name) {
            return Err(OpError::BadName(name.to_string()));
        }
        let snap = self.read(|i| Snapshot {
            users: i.users.iter().map(|(n, u)| (n.clone(), u.mail())).collect(),
            relayed: i.relayed.clone(),
        });
        if let Some(dir) = self.snapshot_dir(name) {
            // Written outside the lock: the snapshot shares the octets, not the lock.
            if dir.exists() {
                std::fs::remove_dir_all(&dir)?;
            }
            let disk = super::maildir::Disk::new(&dir)?;
            let mut inner = Inner::default();
            for (n, mail) in &snap.users {
                let mut u = User::new(n, "");
                u.mailboxes = mail.mailboxes.clone();
                u.subscriptions = mail.subscriptions.clone();
                inner.users.insert(n.clone(), u);
            }
            disk.sync(&inner)?;
        }
        let users = snap.users.len();
        self.write(|i| i.accounts.snapshots.insert(name.to_string(), snap));
        Ok(users)
    }

    /// Where snapshot `name` is kept on disk (with a data directory).
    fn snapshot_dir(&self, name: &str) -> Option<PathBuf> {
        self.disk
            .get()
            .map(|d| d.root().join(".snapshots").join(name))
    }

    /// A snapshot written by an earlier run of the server.
    fn snapshot_from_disk(&self, name: &str) -> io::Result<Option<Snapshot>> {
        let Some(dir) = self.snapshot_dir(name) else {
            return Ok(None);
        };
        if !dir.is_dir() {
            return Ok(None);
        }
        let mut inner = Inner::default();
        for e in std::fs::read_dir(&dir)? {
            let n = e?.file_name().to_string_lossy().into_owned();
            if valid_name(&n) {
                inner.users.insert(n.clone(), User::new(&n, ""));
            }
        }
        super::maildir::Disk::new(&dir)?.load_into(&mut inner)?;
        Ok(Some(Snapshot {
            users: inner
                .users
                .iter()
                .map(|(n, u)| (n.clone(), u.mail()))
                .collect(),
            relayed: Vec::new(),
        }))
    }

    /// `ctl restore NAME`: every user's mail as snapshot `name` kept it (UIDs and
    /// flags too; changed mailboxes under a new UIDVALIDITY). Accounts made after the
    /// snapshot get their baseline. Returns the mailboxes changed.
    pub fn restore(&self, name: &str) -> Result<usize, OpError> {
        if !valid_name(name) {
            return Err(OpError::BadName(name.to_string()));
        }
        let snap = match self.read(|i| i.accounts.snapshots.get(name).cloned()) {
            Some(s) => Some(s),
            None => self.snapshot_from_disk(name)?,
        };
        let snap = snap.ok_or_else(|| OpError::NoSuchSnapshot(name.to_string()))?;
        let changed = self.write(|i| {
            let names: Vec<String> = i.users.keys().cloned().collect();
            let mut changed = 0;
            for n in names {
                let mail = match snap.users.get(&n) {
                    Some(m) => m.clone(),
                    None => i.baseline_of(&n),
                };
                changed += i.put_mail(&n, mail);
            }
            i.relayed = snap.relayed.clone();
            i.accounts.snapshots.insert(name.to_string(), snap);
            changed
        });
        self.replaced();
        Ok(changed)
    }

    /// `ctl load FIXTURE` (the forms of `--fixture`): the demo users get their part of
    /// the fixture, every other account the fixture's template; it becomes what `reset`
    /// returns to. Returns the mailboxes changed and the fixture's problems.
    pub fn load(&self, path: &Path) -> Result<(usize, Vec<String>), OpError> {
        let (fixture, problems) = super::fixture::load_path(path)?;
        let (per_user, template) = fixture.read(|f| {
            let first = super::fixture::DEFAULT_USERS[0].0;
            (
                f.users
                    .iter()
                    .map(|(n, u)| (n.clone(), u.mail()))
                    .collect::<BTreeMap<_, _>>(),
                f.users.get(first).map(User::mail).unwrap_or_default(),
            )
        });
        let changed = self.write(|i| {
            i.accounts.template = template.clone();
            let names: Vec<String> = i.users.keys().cloned().collect();
            let mut changed = 0;
            for n in names {
                let mut mail = per_user
                    .get(&n)
                    .cloned()
                    .unwrap_or_else(|| template.clone());
                // The fixture's store numbered its mailboxes from 1: renumber them
                // so no UIDVALIDITY of this store is handed out twice.
                for mb in mail.mailboxes.values_mut() {
                    mb.uidvalidity = i.take_uidvalidity();
                }
                changed += i.put_mail(&n, mail);
                i.keep_as_baseline(&n);
            }
            changed
        });
        self.replaced();
        Ok((changed, problems))
    }

    /// `ctl deliver FILE --to USER`: delivers `raw` to the user's INBOX as the SMTP
    /// server would (a `Received` line first, `\Recent` for the next session, IDLE
    /// sessions told). Returns the account and the message's UID.
    pub fn deliver_local(
        &self,
        user: &str,
        raw: &[u8],
        now: chrono::DateTime<chrono::FixedOffset>,
    ) -> Result<(String, u32), StoreError> {
        // RFC 5321 §4.4 trace line; RFC 3848 has no type for a local drop: LOCAL.
        let (host, proto, date) = ("maillab.test", "LOCAL", now.to_rfc2822());
        let mut msg =
            format!("Received: from {host} by {host} (maillab)\r\n\twith {proto};\r\n\t{date}\r\n")
                .into_bytes();
        msg.extend_from_slice(&super::fixture::to_crlf(raw));
        self.write(|i| {
            let name = i
                .login_name(user)
                .ok_or_else(|| StoreError::NoSuchUser(user.to_string()))?;
            let m = Message::new(msg, Flags::new(), now);
            let uid = i.user_mut(&name)?.inbox_mut().push(m);
            Ok((name, uid))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{fixture, Proof};

    #[test]
    fn names_and_users_files() {
        for ok in ["s01", "kim.lee", "a_b-c", "Bob"] {
            assert!(valid_name(ok), "{ok}");
        }
        for bad in ["", ".hidden", "-x", "a b", "a/b", "postmaster", "ROOT", "é"] {
            assert!(!valid_name(bad), "{bad}");
        }
        assert!(!valid_name(&"x".repeat(MAX_NAME + 1)));
        let parsed = parse_users_file("# class\n\nkim:pass:with colon\r\nlee: x\n").unwrap();
        assert_eq!(
            parsed,
            [
                ("kim".to_string(), "pass:with colon".to_string()),
                ("lee".to_string(), " x".to_string())
            ]
        );
        assert!(parse_users_file("ok:1\nno password:\n").is_err());
    }

    #[test]
    fn open_accounts_are_made_once_up_to_the_cap() {
        let s = fixture::default_store();
        s.setup_accounts(&[], Some(1));
        assert_eq!(
            s.authenticate("Kim@maillab.test", Proof::Password("pw")),
            Ok("kim".to_string())
        );
        // Same account, by name in any case; its password stays.
        assert_eq!(
            s.authenticate("KIM", Proof::Password("pw")),
            Ok("kim".into())
        );
        assert_eq!(
            s.authenticate("kim", Proof::Password("other")),
            Err(LoginRefused::Invalid)
        );
        assert_eq!(
            s.authenticate("lee", Proof::Password("pw")),
            Err(LoginRefused::NewAccount(NewAccountRefusal::Full(1)))
        );
        // A challenge-response cannot make an account: the server would not know the secret.
        let never = |_: &str| true;
        let s2 = fixture::default_store();
        s2.setup_accounts(&[], Some(5));
        assert_eq!(
            s2.authenticate("lee", Proof::Digest(&never)),
            Err(LoginRefused::Invalid)
        );
        // kim has alex's starting mail, under mailboxes of its own.
        s.read(|i| {
            let kim = i.user("kim").unwrap();
            let alex = i.user("alex").unwrap();
            assert_eq!(kim.mailboxes.len(), alex.mailboxes.len());
            let (k, a) = (
                kim.mailbox("newbox").unwrap(),
                alex.mailbox("newbox").unwrap(),
            );
            assert_eq!(k.messages.len(), 6);
            assert_ne!(k.uidvalidity, a.uidvalidity);
            assert!(
                Arc::ptr_eq(&k.messages[0].raw, &a.messages[0].raw),
                "octets shared"
            );
        });
    }

    #[test]
    fn put_mail_keeps_unchanged_mailboxes_and_renumbers_the_rest() {
        let s = fixture::default_store();
        s.setup_accounts(&[], None);
        let before = s.read(|i| i.user("alex").unwrap().mail());
        s.write(|i| {
            let mb = i.user_mut("alex").unwrap().inbox_mut();
            let mut f = Flags::new();
            f.insert("\\Seen");
            mb.set_flags(1, f);
        });
        assert_eq!(s.reset(Some("alex@maillab.test")).unwrap(), 1);
        s.read(|i| {
            let u = i.user("alex").unwrap();
            let inbox = u.mailbox("INBOX").unwrap();
            assert!(inbox.uidvalidity > before.mailboxes["INBOX"].uidvalidity);
            assert!(!inbox.messages[0].flags.is_seen());
            assert_eq!(
                u.mailbox("newbox").unwrap().uidvalidity,
                before.mailboxes["newbox"].uidvalidity
            );
        });
        assert_eq!(s.reset(None).unwrap(), 0, "nothing changed since");
        assert!(matches!(
            s.reset(Some("nobody")),
            Err(OpError::NoSuchUser(_))
        ));
    }
}
