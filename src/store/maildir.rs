//! Write-through persistence of the store as one Maildir++ tree per user
//! (`DIR/USER/Maildir`, the layout Dovecot and mutt read).
//!
//! Design: after every [`Store::write`](super::Store::write) closure, while the
//! store's lock is still held, [`Disk::sync`] compares each mailbox with what it
//! last wrote and records the difference: new messages (written to `tmp/`,
//! fsync-ed, renamed into `cur/`, directory fsync-ed), flag changes (a rename of
//! the file), expunges (an unlink), then `dovecot-uidlist` (version 3: UIDVALIDITY,
//! next UID, UID per file), `dovecot-keywords` and `subscriptions`, each replaced
//! atomically (temporary file, fsync, rename, directory fsync). So the write returns,
//! and a tagged OK or a 250 is sent, only once the change is on disk.
//!
//! Names: INBOX is the root Maildir, `A/B` is the folder `.A.B`; names stay in the
//! modified UTF-7 the store keeps them in (RFC 3501 §5.1.3), as Dovecot writes them. Flags in file names after `:2,`: `D F R S T`
//! for `\Draft \Flagged \Answered \Seen \Deleted`, then keyword letters `a`–`z`
//! (index into `dovecot-keywords`; keywords past the 26th are kept in memory only).
//! INTERNALDATE is the file's modification time.

use super::{Flags, Inner, Mailbox, Message, SpecialUse};
use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// What was last written for one mailbox.
#[derive(Default, Clone, PartialEq)]
struct Written {
    uidvalidity: u32,
    uidnext: u32,
    /// UID → (base name, info letters).
    files: BTreeMap<u32, (String, String)>,
    keywords: Vec<String>,
}

/// (user, mailbox) → what is on disk; user → subscriptions on disk.
type OnDisk = (
    BTreeMap<(String, String), Written>,
    BTreeMap<String, BTreeSet<String>>,
);

/// The on-disk side of a store kept with `--data DIR`.
pub struct Disk {
    root: PathBuf,
    state: Mutex<OnDisk>,
    /// The accounts made by logging in, as last written to `.open-accounts`.
    opened: Mutex<BTreeMap<String, String>>,
}

const SYSTEM: [(&str, char); 5] = [
    ("\\Draft", 'D'),
    ("\\Flagged", 'F'),
    ("\\Answered", 'R'),
    ("\\Seen", 'S'),
    ("\\Deleted", 'T'),
];

impl Disk {
    /// Opens `root`; [`Disk::load_into`] then [`Disk::sync`] make disk and store agree.
    pub fn new(root: &Path) -> io::Result<Disk> {
        fs::create_dir_all(root)?;
        Ok(Disk {
            root: root.to_path_buf(),
            state: Mutex::new(Default::default()),
            opened: Mutex::new(BTreeMap::new()),
        })
    }

    /// The data directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn maildir(&self, user: &str) -> PathBuf {
        self.root.join(user).join("Maildir")
    }

    fn folder(&self, user: &str, mailbox: &str) -> PathBuf {
        let base = self.maildir(user);
        if mailbox.eq_ignore_ascii_case("INBOX") {
            return base;
        }
        base.join(format!(".{}", mailbox.replace('/', ".")))
    }

    /// Replaces the mailboxes and subscriptions of every user of `inner` that has a
    /// Maildir under the data directory with what is on disk (UIDs, UIDVALIDITY,
    /// flags, keywords kept), and remembers it as written.
    pub fn load_into(&self, inner: &mut Inner) -> io::Result<()> {
        let mut st = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let names: Vec<String> = inner.users.keys().cloned().collect();
        for name in names {
            let md = self.maildir(&name);
            if !md.is_dir() {
                continue;
            }
            let user = inner.users.get_mut(&name).expect("listed above");
            user.mailboxes.clear();
            let mut folders = vec![("INBOX".to_string(), md.clone())];
            for e in fs::read_dir(&md)? {
                let e = e?;
                let f = e.file_name().to_string_lossy().into_owned();
                if let Some(rest) = f.strip_prefix('.') {
                    if !rest.is_empty() && e.path().join("cur").is_dir() {
                        folders.push((rest.replace('.', "/"), e.path()));
                    }
                }
            }
            for (mname, dir) in folders {
                let (mb, w) = load_mailbox(&mname, &dir)?;
                inner.next_uidvalidity = inner.next_uidvalidity.max(mb.uidvalidity + 1);
                st.0.insert((name.clone(), mname.clone()), w);
                user.mailboxes.insert(mname, mb);
            }
            if let Ok(s) = fs::read_to_string(md.join("subscriptions")) {
                user.subscriptions = s
                    .lines()
                    .filter(|l| !l.is_empty() && *l != "V\t2")
                    .map(|l| l.replace('\t', "/"))
                    .collect();
                st.1.insert(name.clone(), user.subscriptions.clone());
            }
        }
        Ok(())
    }

    /// Records on disk every difference between `inner` and what was last written.
    pub fn sync(&self, inner: &Inner) -> io::Result<()> {
        {
            // First the account, then its mail: a restart must know whose Maildir it is.
            let mut opened = self.opened.lock().unwrap_or_else(|e| e.into_inner());
            if *opened != inner.accounts.opened {
                let text = open_accounts_text(&inner.accounts.opened);
                replace_file(&self.root, OPEN_ACCOUNTS_FILE, text.as_bytes())?;
                opened.clone_from(&inner.accounts.opened);
            }
        }
        let mut st = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let mut seen = BTreeSet::new();
        for (uname, user) in &inner.users {
            for (mname, mb) in &user.mailboxes {
                if mb.noselect {
                    continue;
                }
                let key = (uname.clone(), mname.clone());
                let old = st.0.get(&key).cloned().unwrap_or_default();
                let new = self.sync_mailbox(uname, mname, mb, &old)?;
                st.0.insert(key.clone(), new);
                seen.insert(key);
            }
            if st.1.get(uname) != Some(&user.subscriptions) {
                let mut text = String::from("V\t2\n\n");
                for s in &user.subscriptions {
                    text.push_str(&s.replace('/', "\t"));
                    text.push('\n');
                }
                replace_file(&self.maildir(uname), "subscriptions", text.as_bytes())?;
                st.1.insert(uname.clone(), user.subscriptions.clone());
            }
        }
        let gone: Vec<(String, String)> =
            st.0.keys()
                .filter(|k| !seen.contains(*k))
                .cloned()
                .collect();
        for (u, m) in gone {
            if !m.eq_ignore_ascii_case("INBOX") {
                let dir = self.folder(&u, &m);
                if dir.is_dir() {
                    fs::remove_dir_all(&dir)?;
                    sync_dir(&self.maildir(&u))?;
                }
            }
            st.0.remove(&(u, m));
        }
        Ok(())
    }

    fn sync_mailbox(
        &self,
        user: &str,
        name: &str,
        mb: &Mailbox,
        old: &Written,
    ) -> io::Result<Written> {
        let dir = self.folder(user, name);
        let mut old = old.clone();
        // The uidlist names base names only: a flag rename leaves it as it is.
        let old_uids: Vec<u32> = old.files.keys().copied().collect();
        if old.uidvalidity != mb.uidvalidity && !old.files.is_empty() {
            // A new mailbox under an old name: start its folder afresh.
            fs::remove_dir_all(&dir)?;
            old = Written::default();
        }
        if old.uidvalidity != mb.uidvalidity {
            for sub in ["cur", "new", "tmp"] {
                fs::create_dir_all(dir.join(sub))?;
            }
            sync_dir(&dir)?;
            // The new folder's entry in its parent (for INBOX, the user's directory).
            if let Some(parent) = dir.parent() {
                sync_dir(parent)?;
            }
        }
        let mut keywords = old.keywords.clone();
        for m in &mb.messages {
            for f in m.flags.iter() {
                if !f.starts_with('\\') && keywords.len() < 26 && !keywords.iter().any(|k| k == f) {
                    keywords.push(f.to_string());
                }
            }
        }
        if keywords != old.keywords {
            let mut text = String::new();
            for (i, k) in keywords.iter().enumerate() {
                text.push_str(&format!("{i} {k}\n"));
            }
            replace_file(&dir, "dovecot-keywords", text.as_bytes())?;
        }
        let cur = dir.join("cur");
        let mut files = BTreeMap::new();
        let mut cur_changed = false;
        for m in &mb.messages {
            let info = info_letters(&m.flags, &keywords);
            match old.files.remove(&m.uid) {
                Some((base, was)) => {
                    if was != info {
                        fs::rename(
                            cur.join(format!("{base}:2,{was}")),
                            cur.join(format!("{base}:2,{info}")),
                        )?;
                        cur_changed = true;
                    }
                    files.insert(m.uid, (base, info));
                }
                None => {
                    let base = format!(
                        "{}.M{}V{}.maillab,S={}",
                        m.internal_date.timestamp(),
                        m.uid,
                        mb.uidvalidity,
                        m.raw.len()
                    );
                    let tmp = dir.join("tmp").join(&base);
                    let mut f = File::create(&tmp)?;
                    f.write_all(&m.raw)?;
                    let t = std::time::UNIX_EPOCH
                        + std::time::Duration::from_secs(m.internal_date.timestamp().max(0) as u64);
                    f.set_modified(t)?;
                    f.sync_all()?;
                    fs::rename(&tmp, cur.join(format!("{base}:2,{info}")))?;
                    cur_changed = true;
                    files.insert(m.uid, (base, info));
                }
            }
        }
        for (base, info) in old.files.values() {
            fs::remove_file(cur.join(format!("{base}:2,{info}")))?;
            cur_changed = true;
        }
        if cur_changed {
            sync_dir(&cur)?;
        }
        let new = Written {
            uidvalidity: mb.uidvalidity,
            uidnext: mb.uidnext,
            files,
            keywords,
        };
        if new.uidvalidity != old.uidvalidity
            || new.uidnext != old.uidnext
            || new.files.keys().ne(old_uids.iter())
        {
            let mut text = format!("3 V{} N{}\n", new.uidvalidity, new.uidnext);
            for (uid, (base, _)) in &new.files {
                text.push_str(&format!("{uid} :{base}\n"));
            }
            replace_file(&dir, "dovecot-uidlist", text.as_bytes())?;
        }
        Ok(new)
    }
}

fn info_letters(flags: &Flags, keywords: &[String]) -> String {
    let mut s: String = SYSTEM
        .iter()
        .filter(|(f, _)| flags.contains(f))
        .map(|(_, c)| *c)
        .collect();
    for (i, k) in keywords.iter().enumerate() {
        if flags.contains(k) {
            s.push((b'a' + i as u8) as char);
        }
    }
    s
}

fn load_mailbox(name: &str, dir: &Path) -> io::Result<(Mailbox, Written)> {
    let keywords: Vec<String> = fs::read_to_string(dir.join("dovecot-keywords"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_once(' ').map(|(_, k)| k.to_string()))
        .collect();
    let uidlist = fs::read_to_string(dir.join("dovecot-uidlist")).unwrap_or_default();
    let mut lines = uidlist.lines();
    let (mut uidvalidity, mut uidnext) = (1u32, 1u32);
    for field in lines.next().unwrap_or("").split(' ').skip(1) {
        if let Some(v) = field.strip_prefix('V') {
            uidvalidity = v.parse().unwrap_or(1);
        } else if let Some(n) = field.strip_prefix('N') {
            uidnext = n.parse().unwrap_or(1);
        }
    }
    let mut uid_of = BTreeMap::new();
    for l in lines {
        if let (Some(uid), Some((_, base))) = (l.split(' ').next(), l.split_once(':')) {
            if let Ok(uid) = uid.parse::<u32>() {
                uid_of.insert(base.split(":2,").next().unwrap_or(base).to_string(), uid);
            }
        }
    }
    let mut found = Vec::new();
    for sub in ["cur", "new"] {
        let Ok(rd) = fs::read_dir(dir.join(sub)) else {
            continue;
        };
        for e in rd {
            let e = e?;
            let fname = e.file_name().to_string_lossy().into_owned();
            let (base, info) = fname.split_once(":2,").unwrap_or((&fname, ""));
            let uid = uid_of.get(base).copied();
            found.push((uid, base.to_string(), info.to_string(), e.path()));
        }
    }
    // Files without a UID (delivered by another program) get new UIDs after the known ones.
    found.sort_by_key(|(uid, base, _, _)| (uid.is_none(), uid.unwrap_or(0), base.clone()));
    let mut mb = Mailbox::new(name, uidvalidity);
    mb.special_use = match name {
        "Sent" => Some(SpecialUse::Sent),
        "Drafts" => Some(SpecialUse::Drafts),
        "Trash" => Some(SpecialUse::Trash),
        "Junk" => Some(SpecialUse::Junk),
        "Archive" => Some(SpecialUse::Archive),
        _ => None,
    };
    let mut w = Written {
        uidvalidity,
        uidnext: 0,
        files: BTreeMap::new(),
        keywords: keywords.clone(),
    };
    for (uid, base, info, path) in found {
        let raw = fs::read(&path)?;
        let mtime = fs::metadata(&path)?.modified()?;
        let secs = mtime
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        let date: DateTime<FixedOffset> = Utc
            .timestamp_opt(secs, 0)
            .single()
            .unwrap_or_default()
            .fixed_offset();
        let mut flags = Flags::new();
        for c in info.chars() {
            if let Some((f, _)) = SYSTEM.iter().find(|(_, l)| *l == c) {
                flags.insert(f);
            } else if c.is_ascii_lowercase() {
                if let Some(k) = keywords.get((c as u8 - b'a') as usize) {
                    flags.insert(k);
                }
            }
        }
        let mut msg = Message::new(raw, flags, date);
        // UIDs come from the uidlist; `push` hands out `uidnext`.
        mb.uidnext = mb.uidnext.max(uid.unwrap_or(uidnext));
        msg.recent_owner = Some(0);
        let uid = mb.push(msg);
        if path.parent().and_then(|p| p.file_name()) == Some("new".as_ref()) {
            fs::rename(&path, dir.join("cur").join(format!("{base}:2,{info}")))?;
        }
        w.files.insert(uid, (base, info));
    }
    mb.uidnext = mb.uidnext.max(uidnext);
    w.uidnext = mb.uidnext;
    Ok((mb, w))
}

/// Replaces `dir/name` atomically and durably.
fn replace_file(dir: &Path, name: &str, data: &[u8]) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".{name}.tmp"));
    let mut opts = fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    // Only the server's user reads these (`.open-accounts` holds passwords).
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut f = opts.open(&tmp)?;
    f.write_all(data)?;
    f.sync_all()?;
    fs::rename(&tmp, dir.join(name))?;
    sync_dir(dir)
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// The file, in the data directory, of the accounts made by logging in
/// (`user:password` lines, mode 0600).
const OPEN_ACCOUNTS_FILE: &str = ".open-accounts";

/// The text of `DIR/.open-accounts`.
fn open_accounts_text(opened: &BTreeMap<String, String>) -> String {
    opened.iter().map(|(u, p)| format!("{u}:{p}\n")).collect()
}

/// Reads `DIR/.open-accounts` written by an earlier run: (user, password) pairs.
pub fn read_open_accounts(root: &Path) -> io::Result<Vec<(String, String)>> {
    match fs::read_to_string(root.join(OPEN_ACCOUNTS_FILE)) {
        Ok(text) => Ok(text
            .lines()
            .filter_map(|l| l.split_once(':'))
            .map(|(u, p)| (u.to_string(), p.to_string()))
            .collect()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}
