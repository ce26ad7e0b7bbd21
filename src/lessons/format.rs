//! The lesson file format: Markdown that GitHub renders as it is.
//!
//! ````text
//! ---
//! id: smtp-first
//! title: A first SMTP conversation
//! protocol: smtp
//! mailbox: default
//! accounts: alex, riley
//! ---
//!
//! Prose before the first step is the lesson's introduction.
//!
//! ## Say hello {#ehlo}
//!
//! Prose: why, and what to try.
//!
//! ```check
//! send EHLO {any}
//! reply 250
//! ```
//!
//! ```hint
//! One hint per block, revealed one at a time.
//! ```
//!
//! ```answer
//! EHLO student.example
//! ```
//! ````
//!
//! One `## ` section per step; its id is `{#id}` when given, else a slug of the
//! heading. A ```` ```question ```` block asks something the session answers (the
//! learner replies with `:answer VALUE`). Every other fenced block is prose. The check
//! language is described in [`super::check`] and `docs/writing-lessons.md`.

use std::fmt;
use std::path::PathBuf;

use super::check::{self, Condition};
use crate::protocol::Protocol;

/// Where a lesson's mail store comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MailboxSource {
    /// The default store (alex, riley and the course notes' mail).
    Default,
    /// A fixture path as `--fixture` takes it, relative to the lesson file.
    Fixture(PathBuf),
}

/// One parsed lesson.
#[derive(Clone, Debug)]
pub struct Lesson {
    pub id: String,
    pub title: String,
    /// The protocol of the first session.
    pub protocol: Protocol,
    pub mailbox: MailboxSource,
    /// Accounts the lesson logs in as (must exist in the store).
    pub accounts: Vec<String>,
    /// Prose before the first step.
    pub intro: String,
    pub steps: Vec<Step>,
    /// The file it came from (for messages), e.g. `lessons/01-smtp-first.md`.
    pub file: String,
}

/// One step of a lesson.
#[derive(Clone, Debug)]
pub struct Step {
    pub id: String,
    pub title: String,
    /// The why and the task (Markdown, fenced prose blocks included).
    pub prose: String,
    /// The parsed ```` ```check ```` block.
    pub checks: Vec<Condition>,
    /// Hints in the order they are revealed.
    pub hints: Vec<String>,
    /// The model answer: lines typed in order (meta commands included).
    pub answer: Vec<String>,
    /// A question the session answers (`:answer VALUE`).
    pub question: Option<String>,
    /// 1-based line of the step's heading.
    pub line: usize,
}

/// A translated lesson: prose only, keyed by step id.
#[derive(Clone, Debug)]
pub struct Translation {
    pub id: String,
    pub lang: String,
    pub title: String,
    pub intro: String,
    /// (step id, title, prose, hints, question).
    pub steps: Vec<TranslatedStep>,
    pub file: String,
}

/// The prose of one translated step.
#[derive(Clone, Debug)]
pub struct TranslatedStep {
    pub id: String,
    pub title: String,
    pub prose: String,
    pub hints: Vec<String>,
    pub question: Option<String>,
    pub line: usize,
}

/// A problem in a lesson file, with its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    pub file: String,
    /// 1-based line.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Largest number of steps a lesson may have.
pub const MAX_STEPS: usize = 40;

/// Turns a heading into a step id: lower case, ASCII letters and digits, dashes.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out.truncate(40);
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A valid id: ASCII letters, digits, `-` and `_`, 1-64 characters.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The common structure of lesson and translation files.
struct Raw {
    front: Vec<(String, String, usize)>,
    intro: String,
    sections: Vec<RawSection>,
}

struct RawSection {
    id: String,
    title: String,
    line: usize,
    prose: String,
    blocks: Vec<(String, String, usize, usize)>,
}

fn split_heading(text: &str) -> (String, Option<String>) {
    let text = text.trim();
    if let Some(open) = text.rfind("{#") {
        if text.ends_with('}') {
            let id = text[open + 2..text.len() - 1].trim().to_string();
            return (text[..open].trim().to_string(), Some(id));
        }
    }
    (text.to_string(), None)
}

fn parse_raw(file: &str, text: &str) -> Result<Raw, Vec<FormatError>> {
    let mut errors = Vec::new();
    let err = |line: usize, message: String| FormatError {
        file: file.to_string(),
        line,
        message,
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    let mut front = Vec::new();
    if lines.first().map(|l| l.trim_end()) == Some("---") {
        i = 1;
        let mut closed = false;
        while i < lines.len() {
            let l = lines[i].trim_end();
            i += 1;
            if l == "---" {
                closed = true;
                break;
            }
            if l.trim().is_empty() || l.trim_start().starts_with('#') {
                continue;
            }
            match l.split_once(':') {
                Some((k, v)) => {
                    let v = v.split(" #").next().unwrap_or("").trim();
                    front.push((k.trim().to_string(), v.to_string(), i));
                }
                None => errors.push(err(i, crate::tr!("lesson.fmt.front_line", line = l))),
            }
        }
        if !closed {
            errors.push(err(1, crate::tr!("lesson.fmt.front_open")));
        }
    } else {
        errors.push(err(1, crate::tr!("lesson.fmt.front_missing")));
    }
    let mut intro = String::new();
    let mut sections: Vec<RawSection> = Vec::new();
    while i < lines.len() {
        let line_no = i + 1;
        let l = lines[i];
        i += 1;
        if let Some(h) = l.strip_prefix("## ") {
            let (title, id) = split_heading(h);
            let id = id.unwrap_or_else(|| slug(&title));
            if !valid_id(&id) {
                errors.push(err(line_no, crate::tr!("lesson.fmt.bad_step_id", id = id)));
            }
            if let Some(prev) = sections.iter().find(|s| s.id == id) {
                errors.push(err(
                    line_no,
                    crate::tr!("lesson.fmt.step_id_twice", id = id, first = prev.line),
                ));
            }
            sections.push(RawSection {
                id,
                title,
                line: line_no,
                prose: String::new(),
                blocks: Vec::new(),
            });
            continue;
        }
        let fence = l.trim_start();
        if let Some(info) = fence.strip_prefix("```") {
            let kind = info.trim().to_string();
            let mut body = Vec::new();
            let mut closed = false;
            while i < lines.len() {
                let b = lines[i];
                i += 1;
                if b.trim() == "```" {
                    closed = true;
                    break;
                }
                body.push(b);
            }
            if !closed {
                errors.push(err(
                    line_no,
                    crate::tr!("lesson.fmt.block_open", kind = kind),
                ));
            }
            let count = body.len();
            let body = body.join("\n");
            if matches!(kind.as_str(), "check" | "hint" | "answer" | "question") {
                match sections.last_mut() {
                    Some(s) => s.blocks.push((kind, body, line_no, count)),
                    None => errors.push(err(
                        line_no,
                        crate::tr!("lesson.fmt.block_before_step", kind = kind),
                    )),
                }
            } else {
                let target = match sections.last_mut() {
                    Some(s) => &mut s.prose,
                    None => &mut intro,
                };
                target.push_str(l);
                target.push('\n');
                target.push_str(&body);
                if !body.is_empty() {
                    target.push('\n');
                }
                target.push_str("```\n");
            }
            continue;
        }
        let target = match sections.last_mut() {
            Some(s) => &mut s.prose,
            None => &mut intro,
        };
        target.push_str(l);
        target.push('\n');
    }
    if errors.is_empty() {
        Ok(Raw {
            front,
            intro: intro.trim().to_string(),
            sections,
        })
    } else {
        Err(errors)
    }
}

fn front_get<'a>(front: &'a [(String, String, usize)], key: &str) -> Option<(&'a str, usize)> {
    front
        .iter()
        .find(|(k, _, _)| k == key)
        .map(|(_, v, l)| (v.as_str(), *l))
}

/// Parses a lesson file. `file` names it in errors.
pub fn parse_lesson(file: &str, text: &str) -> Result<Lesson, Vec<FormatError>> {
    let raw = parse_raw(file, text)?;
    let mut errors = Vec::new();
    let err = |line: usize, message: String| FormatError {
        file: file.to_string(),
        line,
        message,
    };
    for (k, _, l) in &raw.front {
        if !matches!(
            k.as_str(),
            "id" | "title" | "protocol" | "mailbox" | "accounts" | "lang"
        ) {
            errors.push(err(*l, crate::tr!("lesson.fmt.front_key", key = k)));
        }
    }
    let id = match front_get(&raw.front, "id") {
        Some((v, l)) if !valid_id(v) => {
            errors.push(err(l, crate::tr!("lesson.fmt.bad_lesson_id", id = v)));
            String::new()
        }
        Some((v, _)) => v.to_string(),
        None => {
            errors.push(err(1, crate::tr!("lesson.fmt.front_lacks", key = "id")));
            String::new()
        }
    };
    let title = match front_get(&raw.front, "title") {
        Some((v, _)) if !v.is_empty() => v.to_string(),
        _ => {
            errors.push(err(1, crate::tr!("lesson.fmt.front_lacks", key = "title")));
            String::new()
        }
    };
    let protocol = match front_get(&raw.front, "protocol") {
        Some((v, l)) => Protocol::parse(v).unwrap_or_else(|| {
            errors.push(err(l, crate::tr!("lesson.fmt.protocol", protocol = v)));
            Protocol::Imap
        }),
        None => {
            errors.push(err(
                1,
                crate::tr!("lesson.fmt.front_lacks", key = "protocol"),
            ));
            Protocol::Imap
        }
    };
    let mailbox = match front_get(&raw.front, "mailbox") {
        None | Some(("default", _)) | Some(("", _)) => MailboxSource::Default,
        Some((v, _)) => MailboxSource::Fixture(PathBuf::from(
            v.strip_prefix("fixture ").unwrap_or(v).trim(),
        )),
    };
    let accounts = front_get(&raw.front, "accounts")
        .map(|(v, _)| {
            v.split(',')
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty())
                .collect()
        })
        .unwrap_or_default();
    if raw.sections.is_empty() {
        errors.push(err(1, crate::tr!("lesson.fmt.no_steps")));
    }
    if raw.sections.len() > MAX_STEPS {
        errors.push(err(
            1,
            crate::tr!("lesson.fmt.too_many_steps", max = MAX_STEPS),
        ));
    }
    let mut steps = Vec::new();
    for s in raw.sections {
        let mut checks = Vec::new();
        let mut hints = Vec::new();
        let mut answer = Vec::new();
        let mut question = None;
        let mut check_seen = false;
        let mut check_failed = false;
        let mut answer_seen = false;
        for (kind, body, line, count) in s.blocks {
            match kind.as_str() {
                "check" => {
                    if check_seen {
                        errors.push(err(
                            line,
                            crate::tr!("lesson.fmt.second_block", kind = "check"),
                        ));
                    }
                    check_seen = true;
                    match check::parse_block(&body) {
                        Ok(c) => checks = c,
                        Err(es) => {
                            check_failed = true;
                            for (off, m) in es {
                                errors.push(err(line + off, m));
                            }
                        }
                    }
                }
                "hint" => hints.push(body.trim().to_string()),
                "answer" => {
                    if answer_seen {
                        errors.push(err(
                            line,
                            crate::tr!("lesson.fmt.second_block", kind = "answer"),
                        ));
                    }
                    answer_seen = true;
                    // Every line counts, an empty last one too (it ends an IMAP
                    // command after a literal).
                    answer = if count == 0 {
                        Vec::new()
                    } else {
                        body.split('\n').map(|l| l.trim_end().to_string()).collect()
                    };
                }
                _ => question = Some(body.trim().to_string()),
            }
        }
        if !check_seen {
            errors.push(err(
                s.line,
                crate::tr!("lesson.fmt.no_block", id = s.id, kind = "check"),
            ));
        } else if checks.is_empty() && !check_failed {
            errors.push(err(s.line, crate::tr!("lesson.fmt.empty_check", id = s.id)));
        }
        if !answer_seen {
            errors.push(err(
                s.line,
                crate::tr!("lesson.fmt.no_block", id = s.id, kind = "answer"),
            ));
        }
        let asks = checks.iter().any(|c| matches!(c, Condition::Answer { .. }));
        if asks && question.is_none() {
            errors.push(err(
                s.line,
                crate::tr!("lesson.fmt.answer_without_question", id = s.id),
            ));
        }
        if question.is_some() && !asks {
            errors.push(err(
                s.line,
                crate::tr!("lesson.fmt.question_without_answer", id = s.id),
            ));
        }
        if prose_has_todo(&s.prose) || answer.iter().any(|a| a.contains("TODO")) {
            errors.push(err(s.line, crate::tr!("lesson.fmt.step_todo", id = s.id)));
        }
        steps.push(Step {
            id: s.id,
            title: s.title,
            prose: s.prose.trim().to_string(),
            checks,
            hints,
            answer,
            question,
            line: s.line,
        });
    }
    if title.contains("TODO") || prose_has_todo(&raw.intro) {
        errors.push(err(1, crate::tr!("lesson.fmt.lesson_todo")));
    }
    if errors.is_empty() {
        Ok(Lesson {
            id,
            title,
            protocol,
            mailbox,
            accounts,
            intro: raw.intro,
            steps,
            file: file.to_string(),
        })
    } else {
        Err(errors)
    }
}

fn prose_has_todo(s: &str) -> bool {
    s.contains("TODO")
}

/// Parses a translation file: front matter `id`, `lang`, `title`; `## ` steps with
/// prose, ```` ```hint ```` and ```` ```question ```` blocks only.
pub fn parse_translation(file: &str, text: &str) -> Result<Translation, Vec<FormatError>> {
    let raw = parse_raw(file, text)?;
    let mut errors = Vec::new();
    let err = |line: usize, message: String| FormatError {
        file: file.to_string(),
        line,
        message,
    };
    let id = front_get(&raw.front, "id").map(|(v, _)| v.to_string());
    let lang = front_get(&raw.front, "lang").map(|(v, _)| v.to_string());
    if id.is_none() {
        errors.push(err(1, crate::tr!("lesson.fmt.front_lacks", key = "id")));
    }
    if lang.is_none() {
        errors.push(err(1, crate::tr!("lesson.fmt.front_lacks", key = "lang")));
    }
    let mut steps = Vec::new();
    for s in raw.sections {
        let mut hints = Vec::new();
        let mut question = None;
        for (kind, body, line, _) in s.blocks {
            match kind.as_str() {
                "hint" => hints.push(body.trim().to_string()),
                "question" => question = Some(body.trim().to_string()),
                other => errors.push(err(
                    line,
                    crate::tr!("lesson.fmt.translation_block", kind = other),
                )),
            }
        }
        steps.push(TranslatedStep {
            id: s.id,
            title: s.title,
            prose: s.prose.trim().to_string(),
            hints,
            question,
            line: s.line,
        });
    }
    if errors.is_empty() {
        Ok(Translation {
            id: id.unwrap_or_default(),
            lang: lang.unwrap_or_default(),
            title: front_get(&raw.front, "title")
                .map(|(v, _)| v.to_string())
                .unwrap_or_default(),
            intro: raw.intro,
            steps,
            file: file.to_string(),
        })
    } else {
        Err(errors)
    }
}

/// Step ids a translation lacks or has beyond the original: (missing, extra).
pub fn compare_steps(lesson: &Lesson, tr: &Translation) -> (Vec<String>, Vec<String>) {
    let missing = lesson
        .steps
        .iter()
        .filter(|s| !tr.steps.iter().any(|t| t.id == s.id))
        .map(|s| s.id.clone())
        .collect();
    let extra = tr
        .steps
        .iter()
        .filter(|t| !lesson.steps.iter().any(|s| s.id == t.id))
        .map(|t| t.id.clone())
        .collect();
    (missing, extra)
}

impl Lesson {
    /// This lesson with a translation's prose laid over it (checks and answers stay).
    pub fn translated(&self, tr: &Translation) -> Lesson {
        let mut out = self.clone();
        if !tr.title.is_empty() {
            out.title = tr.title.clone();
        }
        if !tr.intro.is_empty() {
            out.intro = tr.intro.clone();
        }
        for s in &mut out.steps {
            if let Some(t) = tr.steps.iter().find(|t| t.id == s.id) {
                s.title = t.title.clone();
                s.prose = t.prose.clone();
                if !t.hints.is_empty() {
                    s.hints = t.hints.clone();
                }
                if t.question.is_some() {
                    s.question = t.question.clone();
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "---\nid: demo\ntitle: Demo\nprotocol: imap\naccounts: alex\n---\n\nIntro.\n\n## Log in {#login}\n\nWhy.\n\n```check\nsend LOGIN alex {any}\nreply OK\n```\n\n```hint\nfirst\n```\n\n```hint\nsecond\n```\n\n```answer\nLOGIN alex drums\n```\n\n## Pick a mailbox\n\n```text\nexample\n```\n\n```check\nsend SELECT INBOX\n```\n\n```answer\nSELECT INBOX\n```\n";

    #[test]
    fn parses_steps_hints_and_ids() {
        let l = parse_lesson("demo.md", GOOD).unwrap();
        assert_eq!(l.id, "demo");
        assert_eq!(l.protocol, Protocol::Imap);
        assert_eq!(l.accounts, vec!["alex"]);
        assert_eq!(l.intro, "Intro.");
        assert_eq!(l.steps.len(), 2);
        assert_eq!(l.steps[0].id, "login");
        assert_eq!(l.steps[0].hints, vec!["first", "second"]);
        assert_eq!(l.steps[1].id, "pick-a-mailbox");
        assert!(l.steps[1].prose.contains("```text\nexample\n```"));
        assert_eq!(l.steps[1].line, 31);
    }

    #[test]
    fn errors_name_file_and_line() {
        let bad = GOOD.replace("send SELECT INBOX", "sned SELECT INBOX");
        let e = parse_lesson("x.md", &bad).unwrap_err();
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].file, "x.md");
        // The check block opens at line 37; its first line is 38.
        assert_eq!(e[0].line, 38, "{e:?}");
        assert!(e[0].message.contains("sned"), "{}", e[0]);
        let no_answer = GOOD.replace("```answer\nSELECT INBOX\n```\n", "");
        let e = parse_lesson("x.md", &no_answer).unwrap_err();
        assert!(e[0].to_string().starts_with("x.md:31: "), "{}", e[0]);
        let dup = GOOD.replace("## Pick a mailbox", "## Again {#login}");
        let e = parse_lesson("x.md", &dup).unwrap_err();
        assert!(e[0].message.contains("used twice"), "{}", e[0]);
    }

    #[test]
    fn translations_report_missing_and_extra_ids() {
        let l = parse_lesson("demo.md", GOOD).unwrap();
        let tr = parse_translation(
            "ar/demo.md",
            "---\nid: demo\nlang: ar\ntitle: تجربة\n---\n\n## الدخول {#login}\n\nلماذا.\n\n## زائد {#extra}\n\nx\n",
        )
        .unwrap();
        let (missing, extra) = compare_steps(&l, &tr);
        assert_eq!(missing, vec!["pick-a-mailbox"]);
        assert_eq!(extra, vec!["extra"]);
        let t = l.translated(&tr);
        assert_eq!(t.steps[0].prose, "لماذا.");
        assert_eq!(t.steps[0].checks, l.steps[0].checks);
        let bad = parse_translation(
            "ar/x.md",
            "---\nid: demo\nlang: ar\n---\n## a {#login}\n```check\nsend X\n```\n",
        )
        .unwrap_err();
        assert_eq!(bad[0].line, 6);
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Say hello: EHLO!"), "say-hello-ehlo");
        assert_eq!(slug("  --x--  "), "x");
    }
}
