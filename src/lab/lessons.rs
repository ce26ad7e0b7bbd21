//! Lessons run against the lab server (`maillab lesson run NAME --server HOST`) and
//! the teacher's progress table (`maillab ctl progress`): the control endpoint's
//! lesson requests and the [`Board`] of every student's step results.
//!
//! Requests (one line each, answered like the other control requests):
//!
//! - `LESSON LOAD <lesson-id> [ACCOUNT]` (a student): the lesson's starting mailbox
//!   (the mailboxes of ACCOUNT in it, by default the account the lesson is written
//!   for, its first `accounts:`; `default` for the default mailbox) replaces the mail of the student's own account: a
//!   mailbox the account has keeps its UIDVALIDITY, its messages expunged and the
//!   lesson's given new UIDs; others are made or removed; `OK <mailboxes>`. Built-in lessons only: the
//!   server never reads a path a student names.
//! - `LESSON CHECK <check line>` (a student): a `store …` check line about the
//!   student's own account, run by the lessons' checker on the server's store;
//!   `OK pass <fact>` or `OK fail <fact>`, the fact in the check's words (`count 3`,
//!   `missing`, `flag \Seen`, `noflag \Seen`, `subscribed` …).
//! - `LESSON REPORT <lesson> <steps> <step-id> <result> <attempts> <hints> <shown>`
//!   (a student): one step's result of one run (`passed`, `failed`, `skipped`), its
//!   attempts and hints counted in that run, `shown` 1 when the model answer was
//!   shown; `OK`. Recorded under the student's own name only.
//! - `PROGRESS [JSON]`: `OK`, the table (or the versioned JSON, [`PROGRESS_VERSION`])
//!   then a lone `.`; a student sees their own row only.
//!
//! A student asking about another account gets `NO refused`; a client without a
//! student's login asking for a student's request gets `NO student-only`.
//!
//! The board is kept in memory and, with `serve --data DIR`, in
//! `DIR/.lesson-progress.json` (written whole and renamed on every report), loaded
//! on start.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::lessons::check::{self, StoreCheck};
use crate::store::{Mailbox, Message, SharedStore};

/// Version of the progress JSON (`PROGRESS JSON`, `ctl progress --json`, the file).
pub const PROGRESS_VERSION: u32 = 1;
/// The progress file's name in the data directory.
pub const PROGRESS_FILE: &str = ".lesson-progress.json";

/// Who asks (the control endpoint's role, as this module needs it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Who<'a> {
    /// Neither token nor login (an endpoint beyond loopback).
    Nobody,
    /// The teacher (or a loopback client reading).
    Teacher,
    /// A student logged in with their mail account.
    Student(&'a str),
}

/// One step of one lesson of one student.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepRow {
    pub id: String,
    /// `passed` (once passed, always), `skipped`, `failed` or `not-tried`.
    pub result: String,
    /// Lines typed for the step, over every run.
    pub attempts: u32,
    /// Hints revealed, over every run.
    pub hints: u32,
    /// The model answer was shown or run at least once.
    pub shown: bool,
    /// Last report, RFC 3339.
    pub last: String,
}

/// One lesson of one student.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonRow {
    /// Steps in the lesson (as the student's run counted them).
    pub total: usize,
    /// In the order first reported.
    pub steps: Vec<StepRow>,
    /// Last report, RFC 3339.
    pub last: String,
}

impl LessonRow {
    /// Steps passed.
    pub fn passed(&self) -> usize {
        self.steps.iter().filter(|s| s.result == "passed").count()
    }
}

/// The progress document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressDoc {
    pub version: u32,
    /// Student -> lesson id -> row.
    pub students: BTreeMap<String, BTreeMap<String, LessonRow>>,
}

impl Default for ProgressDoc {
    fn default() -> Self {
        ProgressDoc {
            version: PROGRESS_VERSION,
            students: BTreeMap::new(),
        }
    }
}

/// Every student's progress, shared by the control endpoint's clients.
#[derive(Default)]
pub struct Board {
    doc: Mutex<ProgressDoc>,
    /// Where it is kept (`serve --data`).
    file: Option<PathBuf>,
}

fn rank(result: &str) -> u8 {
    match result {
        "passed" => 3,
        "skipped" => 2,
        "failed" => 1,
        _ => 0,
    }
}

impl Board {
    /// A board kept in `file` (loaded now when it exists), or in memory only.
    pub fn open(file: Option<PathBuf>) -> std::io::Result<Board> {
        let doc = match &file {
            Some(f) => match std::fs::read_to_string(f) {
                Ok(text) => serde_json::from_str::<ProgressDoc>(&text)
                    .map_err(|e| std::io::Error::other(format!("{}: {e}", f.display())))?,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => ProgressDoc::default(),
                Err(e) => return Err(e),
            },
            None => ProgressDoc::default(),
        };
        Ok(Board {
            doc: Mutex::new(doc),
            file,
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, ProgressDoc> {
        self.doc.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Records one step result of `student`'s run (see the module doc).
    pub fn report(&self, student: &str, lesson: &str, total: usize, step: StepRow) {
        let mut doc = self.lock();
        let row = doc
            .students
            .entry(student.to_string())
            .or_default()
            .entry(lesson.to_string())
            .or_default();
        row.total = total;
        row.last.clone_from(&step.last);
        match row.steps.iter_mut().find(|s| s.id == step.id) {
            Some(s) => {
                if rank(&step.result) > rank(&s.result) {
                    s.result.clone_from(&step.result);
                }
                s.attempts = s.attempts.saturating_add(step.attempts);
                s.hints = s.hints.saturating_add(step.hints);
                s.shown |= step.shown;
                s.last = step.last;
            }
            None => row.steps.push(step),
        }
        if let Some(f) = &self.file {
            // Written under the lock, so two reports never interleave their files.
            let tmp = f.with_extension("json.tmp");
            let text = serde_json::to_string_pretty(&*doc).unwrap_or_default();
            if std::fs::write(&tmp, text).is_ok() {
                let _ = std::fs::rename(&tmp, f);
            }
        }
    }

    /// The document, of one student only when `only` is given.
    pub fn doc(&self, only: Option<&str>) -> ProgressDoc {
        let doc = self.lock();
        let mut out = ProgressDoc::default();
        for (s, lessons) in &doc.students {
            if only.is_none_or(|u| super::same_user(u, s)) {
                out.students.insert(s.clone(), lessons.clone());
            }
        }
        out
    }

    /// The table: a row per student and lesson.
    pub fn table(&self, only: Option<&str>) -> String {
        table(&self.doc(only))
    }
}

/// The progress table of a document: student, lesson, steps passed/total, attempts,
/// hints, last activity.
pub fn table(doc: &ProgressDoc) -> String {
    let header: Vec<String> = crate::tr!("lab.lessons.progress_header")
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let mut rows = vec![header];
    for (student, lessons) in &doc.students {
        for (id, row) in lessons {
            let attempts: u32 = row.steps.iter().map(|s| s.attempts).sum();
            let hints: u32 = row.steps.iter().map(|s| s.hints).sum();
            rows.push(vec![
                student.clone(),
                id.clone(),
                format!("{}/{}", row.passed(), row.total),
                attempts.to_string(),
                hints.to_string(),
                row.last.clone(),
            ]);
        }
    }
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; cols];
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let mut out = String::new();
    for r in &rows {
        let mut line = String::new();
        for (i, c) in r.iter().enumerate() {
            line.push_str(c);
            line.push_str(&" ".repeat(widths[i].saturating_sub(c.chars().count()) + 2));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if doc.students.is_empty() {
        out.push_str(&crate::tr!("lab.lessons.no_progress"));
        out.push('\n');
    }
    out
}

/// `maillab ctl progress [--json]`: the table (or the JSON) written to `out`.
pub fn ctl_progress(
    addr: &str,
    token: Option<&str>,
    login: Option<(&str, &str)>,
    json: bool,
    out: &mut dyn std::io::Write,
) -> Result<(), String> {
    let mut c = crate::lessons::remote::Control::connect(addr, token, login)?;
    c.ask(if json { "PROGRESS JSON" } else { "PROGRESS" })?;
    let body = c.body()?;
    out.write_all(body.as_bytes()).map_err(|e| e.to_string())
}

/// Answers a lesson or progress request; `None` when `cmd` is not one of them.
pub fn request(
    cmd: &str,
    args: &[&str],
    who: Who<'_>,
    store: &SharedStore,
    board: &Board,
) -> Option<String> {
    match cmd {
        "PROGRESS" => Some(match who {
            Who::Nobody => "NO auth-required\r\n".to_string(),
            Who::Teacher | Who::Student(_) => {
                let only = match who {
                    Who::Student(u) => Some(u),
                    _ => None,
                };
                let json = args.first().is_some_and(|a| a.eq_ignore_ascii_case("JSON"));
                let body = if json {
                    serde_json::to_string_pretty(&board.doc(only)).unwrap_or_default()
                } else {
                    board.table(only)
                };
                super::dot_stuffed(&body)
            }
        }),
        "LESSON" => Some(match who {
            Who::Nobody => "NO auth-required\r\n".to_string(),
            Who::Teacher => "NO student-only\r\n".to_string(),
            Who::Student(user) => lesson(args, user, store, board),
        }),
        _ => None,
    }
}

fn lesson(args: &[&str], user: &str, store: &SharedStore, board: &Board) -> String {
    let sub = args
        .first()
        .map(|s| s.to_ascii_uppercase())
        .unwrap_or_default();
    let reply = match sub.as_str() {
        "LOAD" => match args.get(1) {
            Some(id) => load(id, args.get(2).copied(), user, store),
            None => "NO usage".to_string(),
        },
        "CHECK" => {
            // `store alex INBOX count 1`: the words after `store`.
            let rest: Vec<&str> = args[1..]
                .iter()
                .copied()
                .skip_while(|w| w.eq_ignore_ascii_case("store"))
                .collect();
            match check::parse_store(&rest.join(" ")) {
                Ok(c) if super::same_user(&c.user, user) => {
                    let c = StoreCheck {
                        user: user.to_string(),
                        ..c
                    };
                    let (holds, fact) = store.read(|i| check::store_report(&c, i));
                    format!("OK {} {fact}", if holds { "pass" } else { "fail" })
                }
                Ok(_) => "NO refused".to_string(),
                Err(_) => "NO usage".to_string(),
            }
        }
        "REPORT" => {
            let num = |i: usize| args.get(i).and_then(|n| n.parse::<u32>().ok());
            match (
                args.get(1),
                num(2),
                args.get(3),
                args.get(4),
                num(5),
                num(6),
                num(7),
            ) {
                (
                    Some(lesson),
                    Some(total),
                    Some(step),
                    Some(result),
                    Some(a),
                    Some(h),
                    Some(s),
                ) if rank(result) > 0 => {
                    board.report(
                        user,
                        lesson,
                        total as usize,
                        StepRow {
                            id: step.to_string(),
                            result: result.to_string(),
                            attempts: a,
                            hints: h,
                            shown: s != 0,
                            last: chrono::Local::now()
                                .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
                        },
                    );
                    "OK".to_string()
                }
                _ => "NO usage".to_string(),
            }
        }
        _ => "NO unknown-command".to_string(),
    };
    reply + "\r\n"
}

/// Puts the starting mailbox of built-in lesson `id` (or of the default mailbox,
/// `default`) into `user`'s account: the mail of `account` there (default: the
/// account the lesson is written for).
fn load(id: &str, account: Option<&str>, user: &str, store: &SharedStore) -> String {
    let mut written_for = crate::lessons::remote::LESSON_USER.to_string();
    let start = if id == "default" {
        // A teacher's lesson on the default mailbox.
        Arc::new(crate::store::fixture::default_store())
    } else {
        let (all, _) = crate::lessons::command::load_all(None);
        let Some(found) = crate::lessons::command::find(&all, id) else {
            return "NO no-such-lesson".to_string();
        };
        written_for = crate::lessons::remote::lesson_account(&found.lesson).to_string();
        match crate::lessons::run::lesson_store(&found.lesson, None) {
            Ok(s) => s,
            Err(_) => return "NO failed".to_string(),
        }
    };
    let account = account.unwrap_or(&written_for);
    // The lesson's mail, copied out of its own store (pointers to the octets).
    type Lessonbox = (String, Mailbox, Vec<Message>);
    let Some((boxes, subs)) = start.read(|i| {
        i.users.get(account).map(|u| {
            let boxes: Vec<Lessonbox> = u
                .mailboxes
                .iter()
                .map(|(k, m)| {
                    let mut shell = Mailbox::new(&m.name, 0);
                    shell.special_use = m.special_use;
                    shell.noselect = m.noselect;
                    let msgs = m
                        .messages
                        .iter()
                        .map(|msg| {
                            // As the lesson has it, `\Recent` too (the fixture's mail was
                            // seen by an earlier session).
                            let mut copy =
                                Message::new(msg.raw.clone(), msg.flags.clone(), msg.internal_date);
                            copy.recent_owner = msg.recent_owner;
                            copy
                        })
                        .collect();
                    (k.clone(), shell, msgs)
                })
                .collect();
            (boxes, u.subscriptions.clone())
        })
    }) else {
        return "NO failed".to_string();
    };
    let n = boxes.len();
    let done = store.write(|i| {
        let name = i.login_name(user)?;
        let had: Vec<String> = i.users.get(&name)?.mailboxes.keys().cloned().collect();
        let mut boxes = boxes;
        for (k, shell, _) in &mut boxes {
            if !had.contains(k) {
                shell.uidvalidity = i.take_uidvalidity();
            }
        }
        let u = i.users.get_mut(&name)?;
        u.mailboxes
            .retain(|k, _| boxes.iter().any(|(b, _, _)| b == k));
        for (k, shell, msgs) in boxes {
            // A mailbox the account has keeps its UIDVALIDITY: its messages are
            // expunged and the lesson's arrive with new UIDs, as a client would see.
            let mb = u.mailboxes.entry(k).or_insert(shell);
            let old: Vec<u32> = mb.messages.iter().map(|m| m.uid).collect();
            mb.remove_uids(&old);
            for m in msgs {
                mb.push(m);
            }
        }
        u.subscriptions = subs;
        Some(())
    });
    match done {
        Some(()) => format!("OK {n}"),
        None => "NO refused".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> SharedStore {
        Arc::new(crate::store::fixture::default_store())
    }

    #[test]
    fn a_student_loads_checks_and_reports_only_for_themselves() {
        let s = store();
        let b = Board::open(None).unwrap();
        let me = Who::Student("riley");
        let ask = |line: &str, who: Who<'_>| {
            let words: Vec<&str> = line.split_whitespace().collect();
            request(words[0], &words[1..], who, &s, &b).unwrap()
        };
        // riley's own three messages give way to the lesson's (alex's) two.
        assert_eq!(
            ask("LESSON CHECK store riley INBOX count 2", me.clone()),
            "OK fail count 3\r\n"
        );
        assert_eq!(ask("LESSON LOAD pop3-basics", me.clone()), "OK 5\r\n");
        assert_eq!(
            ask("LESSON CHECK store riley INBOX count 2", me.clone()),
            "OK pass count 2\r\n"
        );
        assert_eq!(
            ask("LESSON CHECK store riley Nope exists", me.clone()),
            "OK fail missing\r\n"
        );
        assert_eq!(
            ask("LESSON CHECK store alex INBOX count 2", me.clone()),
            "NO refused\r\n"
        );
        assert_eq!(
            ask("LESSON LOAD pop3-basics", Who::Teacher),
            "NO student-only\r\n"
        );
        assert_eq!(
            ask("LESSON LOAD no-such", me.clone()),
            "NO no-such-lesson\r\n"
        );
        assert_eq!(
            ask("LESSON REPORT pop3-basics 9 login passed 2 1 0", me.clone()),
            "OK\r\n"
        );
        assert_eq!(
            ask("LESSON REPORT pop3-basics 9 login failed 1 0 1", me.clone()),
            "OK\r\n"
        );
        let doc = b.doc(None);
        let step = &doc.students["riley"]["pop3-basics"].steps[0];
        assert_eq!(
            (step.result.as_str(), step.attempts, step.hints, step.shown),
            ("passed", 3, 1, true)
        );
        assert!(!ask("PROGRESS", Who::Student("alex")).contains("riley"));
        assert!(ask("PROGRESS", Who::Student("riley")).contains("riley"));
        assert!(ask("PROGRESS JSON", Who::Teacher).contains("\"riley\""));
        assert_eq!(ask("PROGRESS", Who::Nobody), "NO auth-required\r\n");
        assert_eq!(request("STATS", &[], Who::Teacher, &s, &b), None);
    }
}
