//! The default mock mailbox (replaying the course notes) and `--fixture` loading
//! (mbox, Maildir, a folder of .eml files).
//!
//! The default mail lives in `src/store/fixtures/*.eml` and is compiled into the
//! binary, so `maillab` works offline with nothing to install.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone};

use super::{mime::ParsedMessage, Flags, Inner, Message, Store};

/// The default accounts: (user, password). The course notes log in as `alex drums`;
/// `sam` is set up as note 003's Gmail account (see [`DEFAULT_APP_PASSWORDS`]).
pub const DEFAULT_USERS: [(&str, &str); 3] =
    [("alex", "drums"), ("riley", "firefly"), ("sam", "sam1234@")];

/// Application-specific passwords of the default accounts: (user, app password). Like
/// a Gmail account with 2-step verification, `sam` is refused with its normal password
/// (`534 5.7.9 Application-specific password required`, course note 003) and logs in
/// with this one, which Gmail would show as `abcd efgh ijkl mnop` (spaces are ignored).
pub const DEFAULT_APP_PASSWORDS: [(&str, &str); 1] = [("sam", "abcdefghijklmnop")];

/// Creates the default accounts, with their app passwords.
fn add_default_users(i: &mut Inner) {
    for (user, password) in DEFAULT_USERS {
        i.add_user(user, password);
    }
    for (user, app) in DEFAULT_APP_PASSWORDS {
        if let Some(u) = i.users.get_mut(user) {
            u.app_passwords.push(app.to_string());
        }
    }
}

/// `recent_owner` of mail that an earlier session already saw: SELECT reports
/// `* 0 RECENT` for it, as the course notes' sessions show (RFC 3501 §2.3.2).
const SEEN_BY_EARLIER_SESSION: Option<u64> = Some(0);

const ALEX_INBOX: [&[u8]; 2] = [
    include_bytes!("fixtures/alex-inbox-1.eml"),
    include_bytes!("fixtures/alex-inbox-2.eml"),
];

const ALEX_NEWBOX: [&[u8]; 6] = [
    include_bytes!("fixtures/alex-newbox-1.eml"),
    include_bytes!("fixtures/alex-newbox-2.eml"),
    include_bytes!("fixtures/alex-newbox-3.eml"),
    include_bytes!("fixtures/alex-newbox-4.eml"),
    include_bytes!("fixtures/alex-newbox-5.eml"),
    include_bytes!("fixtures/alex-newbox-6.eml"),
];

/// Oldest first: the multipart with a PDF, the Arabic message, the HTML newsletter.
const RILEY_INBOX: [&[u8]; 3] = [
    include_bytes!("fixtures/riley-inbox-1.eml"),
    include_bytes!("fixtures/riley-inbox-2.eml"),
    include_bytes!("fixtures/riley-inbox-3.eml"),
];

/// The default contents, chosen so the course notes' sessions replay:
///
/// - `alex` / `drums`: INBOX with two unseen messages, subjects `test` and
///   `another test`; `newbox` with six unseen messages; Sent, Drafts, Trash.
/// - `riley` / `firefly`: INBOX with three unseen messages, oldest first: a
///   multipart/mixed with text, HTML and a PDF attachment; a message whose Subject
///   and From are RFC 2047-encoded Arabic; an HTML newsletter.
/// - `sam`: empty mailboxes; the password `sam1234@` is refused, the app password
///   `abcdefghijklmnop` works (Gmail's 2-step verification, course note 003).
///
/// No message is `\Recent`: an earlier session saw them all.
pub fn default_store() -> Store {
    let s = Store::new();
    s.write(|i| {
        add_default_users(i);
        add_messages(i, "alex", "INBOX", &ALEX_INBOX);
        add_mailbox(i, "alex", "newbox");
        add_messages(i, "alex", "newbox", &ALEX_NEWBOX);
        add_messages(i, "riley", "INBOX", &RILEY_INBOX);
    });
    s
}

fn add_messages(i: &mut Inner, user: &str, mailbox: &str, raws: &[&[u8]]) {
    for raw in raws {
        let mut msg = Message::new(to_crlf(raw), Flags::new(), date_of(raw, None));
        msg.recent_owner = SEEN_BY_EARLIER_SESSION;
        if let Some(mb) = i.users.get_mut(user).and_then(|u| u.mailbox_mut(mailbox)) {
            mb.push(msg);
        }
    }
}

/// Creates (and subscribes) a mailbox unless it exists.
fn add_mailbox(i: &mut Inner, user: &str, name: &str) {
    let exists = i
        .users
        .get(user)
        .and_then(|u| u.mailbox(name))
        .is_some_and(|m| !m.noselect);
    if !exists && i.create_mailbox(user, name).is_ok() {
        if let Some(u) = i.users.get_mut(user) {
            u.subscriptions.insert(name.to_string());
        }
    }
}

/// Converts bare LF line ends to CRLF (the store keeps CRLF, RFC 5322 §2.3).
pub(crate) fn to_crlf(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len() + raw.len() / 32);
    let mut prev = 0u8;
    for &b in raw {
        if b == b'\n' && prev != b'\r' {
            out.push(b'\r');
        }
        out.push(b);
        prev = b;
    }
    out
}

/// The internal date: the one given (an mbox From_ line), else the Date: header,
/// else a fixed date so loading stays deterministic.
fn date_of(raw: &[u8], given: Option<DateTime<FixedOffset>>) -> DateTime<FixedOffset> {
    given
        .or_else(|| ParsedMessage::parse(raw).sent_date(raw))
        .unwrap_or_else(fallback_date)
}

fn fallback_date() -> DateTime<FixedOffset> {
    FixedOffset::east_opt(0)
        .and_then(|tz| tz.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single())
        .unwrap_or_default()
}

/// One message read from disk, before it goes into a mailbox.
struct Loaded {
    raw: Vec<u8>,
    flags: Flags,
    date: DateTime<FixedOffset>,
    recent: bool,
}

/// Mail read from a path: (mailbox name, messages) in the order found.
type Tree = Vec<(String, Vec<Loaded>)>;

/// Loads mail from disk into a store with the default users and their usual
/// mailboxes (Sent, Drafts, Trash), instead of the default mail.
///
/// What `path` may be:
///
/// - **an mbox file** (starts with a `From ` line): messages split at `From ` lines,
///   `>From ` lines unquoted (mboxrd), `Status:`/`X-Status:` read as flags
///   (`R` → `\Seen`, `A` → `\Answered`, `F` → `\Flagged`, `D` → `\Deleted`);
/// - **one message file** (anything else that is a file);
/// - **a Maildir** (has `cur/` or `new/`): flags from the `:2,` suffix (`D` draft,
///   `F` flagged, `R` answered, `S` seen, `T` deleted); mail in `new/` is `\Recent`;
///   Maildir++ subfolders `.Name.Sub` become mailboxes `Name/Sub`;
/// - **a folder**: its `.eml` files go to INBOX, each `NAME.mbox` file (or other file
///   starting with `From `) to mailbox `NAME`, each subfolder (a Maildir or a folder
///   of .eml files) to the mailbox of the subfolder's name.
///
/// When a folder has entries named after default users (subfolders `alex/`,
/// `riley/`, or spool files `alex` / `alex.mbox` as in `/var/mail`), each of those is
/// loaded as above into that user's mailboxes and the other users stay empty.
/// Otherwise every default user gets the same loaded mail.
///
/// A file that cannot be read or is not a message is reported in the returned
/// problems (with its path) and the rest still loads; a path that does not exist is
/// an `io::Error`. Mail from a file without `\Recent` counts as seen by an earlier
/// session, like the default mail.
pub fn load_path(path: &Path) -> io::Result<(Store, Vec<String>)> {
    let meta = fs::metadata(path)?;
    let mut problems = Vec::new();
    let mut per_user: Vec<(String, Tree)> = Vec::new();
    if meta.is_dir() {
        // Per-user layout: a folder `alex/`, or a spool file `alex` / `alex.mbox`.
        let user_paths: Vec<(String, PathBuf)> = DEFAULT_USERS
            .iter()
            .filter_map(|(u, _)| {
                [path.join(u), path.join(format!("{u}.mbox"))]
                    .into_iter()
                    .find(|p| p.exists())
                    .map(|p| (u.to_string(), p))
            })
            .collect();
        if user_paths.is_empty() {
            let tree = load_dir(path, &mut problems)?;
            for (u, _) in DEFAULT_USERS {
                per_user.push((u.to_string(), clone_tree(&tree)));
            }
        } else {
            for (u, p) in user_paths {
                let tree = if p.is_dir() {
                    load_dir(&p, &mut problems)
                } else {
                    load_file(&p, &mut problems).map(|msgs| vec![("INBOX".to_string(), msgs)])
                };
                match tree {
                    Ok(t) => per_user.push((u, t)),
                    Err(e) => problems.push(format!("{}: {e}", p.display())),
                }
            }
        }
    } else {
        let mut tree = Tree::new();
        tree.push(("INBOX".into(), load_file(path, &mut problems)?));
        for (u, _) in DEFAULT_USERS {
            per_user.push((u.to_string(), clone_tree(&tree)));
        }
    }

    let s = Store::new();
    s.write(|i| {
        add_default_users(i);
        for (user, tree) in per_user {
            for (mailbox, messages) in tree {
                add_mailbox(i, &user, &mailbox);
                let Some(mb) = i.users.get_mut(&user).and_then(|u| u.mailbox_mut(&mailbox)) else {
                    problems.push(crate::tr!(
                        "fixture.cannot_create_mailbox",
                        user = user,
                        mailbox = mailbox
                    ));
                    continue;
                };
                for l in messages {
                    let mut msg = Message::new(l.raw, l.flags, l.date);
                    if !l.recent {
                        msg.recent_owner = SEEN_BY_EARLIER_SESSION;
                    }
                    mb.push(msg);
                }
            }
        }
    });
    Ok((s, problems))
}

fn clone_tree(tree: &Tree) -> Tree {
    tree.iter()
        .map(|(name, msgs)| {
            let msgs = msgs
                .iter()
                .map(|l| Loaded {
                    raw: l.raw.clone(),
                    flags: l.flags.clone(),
                    date: l.date,
                    recent: l.recent,
                })
                .collect();
            (name.clone(), msgs)
        })
        .collect()
}

/// Sorted directory entries; an unreadable directory is an error for the top level
/// only (callers below report it as a problem).
fn entries(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    v.sort();
    Ok(v)
}

fn is_maildir(dir: &Path) -> bool {
    dir.join("cur").is_dir() || dir.join("new").is_dir()
}

/// A folder: a Maildir, or .eml files + mbox files + subfolders.
fn load_dir(dir: &Path, problems: &mut Vec<String>) -> io::Result<Tree> {
    let mut tree = Tree::new();
    if is_maildir(dir) {
        tree.push(("INBOX".into(), load_maildir(dir, problems)));
        for p in entries(dir)? {
            let Some(name) = file_name(&p) else { continue };
            if let Some(folder) = name.strip_prefix('.') {
                if p.is_dir() && !folder.is_empty() && is_maildir(&p) {
                    let mailbox = folder.replace('.', "/");
                    tree.push((mailbox, load_maildir(&p, problems)));
                }
            }
        }
        return Ok(tree);
    }
    let mut inbox = Vec::new();
    for p in entries(dir)? {
        let Some(name) = file_name(&p) else { continue };
        if name.starts_with('.') {
            continue;
        }
        if p.is_dir() {
            let sub = match load_dir(&p, problems) {
                Ok(t) => t,
                Err(e) => {
                    problems.push(format!("{}: {e}", p.display()));
                    continue;
                }
            };
            for (mb, msgs) in sub {
                let full = if mb == "INBOX" {
                    name.clone()
                } else {
                    format!("{name}/{mb}")
                };
                tree.push((full, msgs));
            }
        } else if has_ext(&p, "mbox") || starts_with_from_line(&p) {
            let stem = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let msgs = match load_file(&p, problems) {
                Ok(m) => m,
                Err(e) => {
                    problems.push(format!("{}: {e}", p.display()));
                    continue;
                }
            };
            if stem.eq_ignore_ascii_case("inbox") || stem.is_empty() {
                inbox.extend(msgs);
            } else {
                tree.push((stem, msgs));
            }
        } else if has_ext(&p, "eml") {
            match fs::read(&p) {
                Ok(raw) => match check_message(&raw) {
                    Ok(()) => inbox.push(loaded(&raw, None, Flags::new(), false)),
                    Err(why) => problems.push(format!("{}: {why}", p.display())),
                },
                Err(e) => problems.push(format!("{}: {e}", p.display())),
            }
        }
    }
    tree.insert(0, ("INBOX".into(), inbox));
    Ok(tree)
}

fn file_name(p: &Path) -> Option<String> {
    p.file_name().map(|n| n.to_string_lossy().into_owned())
}

fn has_ext(p: &Path, ext: &str) -> bool {
    p.extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(ext))
}

fn starts_with_from_line(p: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 5];
    fs::File::open(p)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && &head == b"From "
}

/// A message ready for the store: CRLF line ends, a date.
fn loaded(raw: &[u8], date: Option<DateTime<FixedOffset>>, flags: Flags, recent: bool) -> Loaded {
    let raw = to_crlf(raw);
    let date = date_of(&raw, date);
    Loaded {
        raw,
        flags,
        date,
        recent,
    }
}

/// Whether octets look like a message: not empty, and the first line is a header
/// field (`Name: value`).
fn check_message(raw: &[u8]) -> Result<(), String> {
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Err(crate::tr!("fixture.empty_file_not_message"));
    }
    let first = raw.split(|&b| b == b'\n').next().unwrap_or_default();
    let Some(colon) = first.iter().position(|&b| b == b':') else {
        return Err(crate::tr!("fixture.not_message_first_line"));
    };
    let name = &first[..colon];
    if name.is_empty() || name.iter().any(|&b| b <= b' ' || b >= 127) {
        return Err(crate::tr!("fixture.not_message_first_line"));
    }
    Ok(())
}

/// One file: an mbox when it starts with `From `, else a single message.
fn load_file(path: &Path, problems: &mut Vec<String>) -> io::Result<Vec<Loaded>> {
    let data = fs::read(path)?;
    if data.starts_with(b"From ") {
        return Ok(parse_mbox(&data, path, problems));
    }
    match check_message(&data) {
        Ok(()) => Ok(vec![loaded(&data, None, Flags::new(), false)]),
        Err(why) => {
            problems.push(format!("{}: {why}", path.display()));
            Ok(Vec::new())
        }
    }
}

/// Splits an mbox (mboxrd, RFC 4155): every line starting with `From ` begins a
/// message; `>From `, `>>From ` … lose one `>`.
fn parse_mbox(data: &[u8], path: &Path, problems: &mut Vec<String>) -> Vec<Loaded> {
    let mut out = Vec::new();
    let mut current: Option<(Option<DateTime<FixedOffset>>, Vec<u8>)> = None;
    let mut number = 0usize;
    let mut finish = |cur: Option<(Option<DateTime<FixedOffset>>, Vec<u8>)>,
                      number: usize,
                      out: &mut Vec<Loaded>| {
        let Some((date, mut body)) = cur else { return };
        // The empty line before the next From_ line belongs to the mbox, not the message.
        if body.ends_with(b"\r\n\r\n") {
            body.truncate(body.len() - 2);
        } else if body.ends_with(b"\n\n") {
            body.truncate(body.len() - 1);
        }
        match check_message(&body) {
            Ok(()) => {
                let flags = mbox_flags(&body);
                out.push(loaded(&body, date, flags, false));
            }
            Err(why) => problems.push(format!("{} (message {number}): {why}", path.display())),
        }
    };
    for line in data.split_inclusive(|&b| b == b'\n') {
        if line.starts_with(b"From ") {
            finish(current.take(), number, &mut out);
            number += 1;
            current = Some((from_line_date(line), Vec::new()));
            continue;
        }
        let Some((_, body)) = current.as_mut() else {
            continue;
        };
        let gt = line.iter().take_while(|&&b| b == b'>').count();
        if gt > 0 && line[gt..].starts_with(b"From ") {
            body.extend_from_slice(&line[1..]);
        } else {
            body.extend_from_slice(line);
        }
    }
    finish(current.take(), number, &mut out);
    out
}

/// The date on an mbox `From sender Mon Mar  2 09:12:44 2026` line (UTC).
fn from_line_date(line: &[u8]) -> Option<DateTime<FixedOffset>> {
    let text = String::from_utf8_lossy(line);
    let words: Vec<&str> = text.split_whitespace().collect();
    // From, sender, then weekday month day time year.
    let tail = words.get(2..7)?.join(" ");
    let naive = NaiveDateTime::parse_from_str(&tail, "%a %b %d %H:%M:%S %Y").ok()?;
    let utc = FixedOffset::east_opt(0)?;
    utc.from_local_datetime(&naive).single()
}

/// Flags from the `Status:` and `X-Status:` fields mbox writers leave.
fn mbox_flags(raw: &[u8]) -> Flags {
    let parsed = ParsedMessage::parse(raw);
    let mut flags = Flags::new();
    let status: String = parsed.header_values(raw, "status").concat();
    let x_status: String = parsed.header_values(raw, "x-status").concat();
    if status.contains('R') {
        flags.insert("\\Seen");
    }
    for (c, flag) in [
        ('A', "\\Answered"),
        ('F', "\\Flagged"),
        ('D', "\\Deleted"),
        ('T', "\\Draft"),
    ] {
        if x_status.contains(c) {
            flags.insert(flag);
        }
    }
    flags
}

/// The messages of one Maildir: `cur/` then `new/`, each in file-name order.
fn load_maildir(dir: &Path, problems: &mut Vec<String>) -> Vec<Loaded> {
    let mut out = Vec::new();
    for (sub, recent) in [("cur", false), ("new", true)] {
        let d = dir.join(sub);
        if !d.is_dir() {
            continue;
        }
        let files = match entries(&d) {
            Ok(f) => f,
            Err(e) => {
                problems.push(format!("{}: {e}", d.display()));
                continue;
            }
        };
        for p in files {
            let Some(name) = file_name(&p) else { continue };
            if name.starts_with('.') || !p.is_file() {
                continue;
            }
            let raw = match fs::read(&p) {
                Ok(r) => r,
                Err(e) => {
                    problems.push(format!("{}: {e}", p.display()));
                    continue;
                }
            };
            if let Err(why) = check_message(&raw) {
                problems.push(format!("{}: {why}", p.display()));
                continue;
            }
            out.push(loaded(&raw, None, maildir_flags(&name), recent));
        }
    }
    out
}

/// Flags from a Maildir file name's info suffix `:2,DFRST`.
fn maildir_flags(name: &str) -> Flags {
    let mut flags = Flags::new();
    let Some((_, info)) = name.rsplit_once(":2,") else {
        return flags;
    };
    for c in info.chars() {
        let flag = match c {
            'D' => "\\Draft",
            'F' => "\\Flagged",
            'R' => "\\Answered",
            'S' => "\\Seen",
            'T' => "\\Deleted",
            _ => continue,
        };
        flags.insert(flag);
    }
    flags
}
