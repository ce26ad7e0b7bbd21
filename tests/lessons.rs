//! Guided lessons from the outside: the binary's `lesson` subcommand on the built-in
//! lessons, in script mode, with `--json`, under a pseudo-terminal, and with progress
//! kept across runs.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

mod common;

use maillab::lessons::check::{self, Condition};
use maillab::lessons::{format, BUILTIN};
use maillab::protocol::{self, Protocol};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the binary with `MAILLAB_DATA_DIR` set to `data`, feeding `stdin`.
fn maillab(data: &Path, args: &[&str], stdin: &str) -> Run {
    let out = common::bin::launch(args)
        .data_dir(data)
        .env("NO_COLOR", "1")
        .stdin(stdin)
        .output_in_time();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn lesson_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("lessons"))
        .expect("lessons/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files
}

/// Translation files: `lessons/LANG/*.md`.
fn translation_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(repo().join("lessons"))
        .expect("lessons/")
        .flatten()
    {
        if entry.path().is_dir() {
            for f in std::fs::read_dir(entry.path()).unwrap().flatten() {
                if f.path().extension().is_some_and(|e| e == "md") {
                    out.push(f.path());
                }
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_translation_is_built_in_and_has_the_originals_step_ids() {
    let built_in: Vec<&str> = maillab::lessons::BUILTIN_TRANSLATIONS
        .iter()
        .map(|(f, _)| *f)
        .collect();
    let files = translation_files();
    for f in &files {
        let rel = f.strip_prefix(repo()).unwrap().display().to_string();
        assert!(
            built_in.contains(&rel.as_str()),
            "{rel} is not in lessons::BUILTIN_TRANSLATIONS"
        );
    }
    assert_eq!(
        built_in.len(),
        files.len(),
        "a built-in translation has no file"
    );
    if files.is_empty() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let mut args = vec!["lesson".to_string(), "check".to_string()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = maillab(data.path(), &args, "");
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
}

#[test]
fn every_lesson_file_is_built_in_and_its_model_answer_passes() {
    let files = lesson_files();
    assert!(files.len() >= 18, "{} lesson files", files.len());
    let built_in: Vec<&str> = BUILTIN.iter().map(|(f, _)| *f).collect();
    for f in &files {
        let rel = format!("lessons/{}", f.file_name().unwrap().to_string_lossy());
        assert!(
            built_in.contains(&rel.as_str()),
            "{rel} is not in lessons::BUILTIN"
        );
        let text = std::fs::read_to_string(f).unwrap();
        let lesson = format::parse_lesson(&rel, &text).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(
            (5..=12).contains(&lesson.steps.len()),
            "{rel}: {} steps (5-12 wanted)",
            lesson.steps.len()
        );
    }
    let data = tempfile::tempdir().unwrap();
    let mut args = vec!["lesson".to_string(), "check".to_string()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = maillab(data.path(), &args, "");
    assert_eq!(
        run.code, 0,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    assert_eq!(
        run.stdout.matches("model answer passes").count(),
        files.len(),
        "{}",
        run.stdout
    );
}

/// The protocol of each session a lesson opens: the first, then one per `meta :connect`.
fn commands_exercised() -> BTreeSet<(Protocol, String)> {
    let mut out = BTreeSet::new();
    for (file, text) in BUILTIN {
        let lesson = format::parse_lesson(file, text).unwrap();
        let mut sessions = vec![(1usize, lesson.protocol)];
        for step in &lesson.steps {
            for c in &step.checks {
                if let Condition::Meta { pattern, .. } = c {
                    if let Some(p) = pattern.strip_prefix(":connect ").and_then(Protocol::parse) {
                        sessions.push((sessions.len() + 1, p));
                    }
                }
            }
            for (p, name) in check::commands_named(lesson.protocol, &step.checks, &sessions) {
                out.insert((p, name));
            }
            // A `type` line that is a command of its session (IMAP's DONE).
            for c in &step.checks {
                if let Condition::Type {
                    session, pattern, ..
                } = c
                {
                    let p = session
                        .and_then(|s| sessions.iter().find(|(n, _)| *n == s).map(|(_, p)| *p))
                        .unwrap_or(lesson.protocol);
                    if let Some(spec) = protocol::command(p, pattern.trim()) {
                        out.insert((p, spec.name.clone()));
                    }
                }
            }
        }
    }
    out
}

/// Commands of the three tables that no lesson step exercises, each with the reason.
const NOT_IN_A_LESSON: &[(Protocol, &str, &str)] = &[
    (
        Protocol::Imap,
        "UID",
        "a prefix, not a command of its own: UID FETCH, UID SEARCH, UID STORE, UID COPY, UID MOVE and UID EXPUNGE are each exercised",
    ),
    (
        Protocol::Smtp,
        "BDAT",
        "CHUNKING's binary chunks need exact octet counts for every chunk; lesson 4 writes the message with DATA, which is what the course's smtplib sends",
    ),
    (
        Protocol::Pop3,
        "AUTH",
        "the same SASL exchange as SMTP's AUTH and IMAP's AUTHENTICATE, which lessons 3 and 17 do by hand; POP3's own lesson logs in with USER/PASS and APOP as RFC 1939 does",
    ),
];

#[test]
fn every_command_is_exercised_by_a_lesson_or_named_with_its_reason() {
    let done = commands_exercised();
    let mut unnamed = Vec::new();
    for p in [Protocol::Imap, Protocol::Smtp, Protocol::Pop3] {
        for spec in protocol::commands(p) {
            let covered = done.contains(&(p, spec.name.clone()));
            let named = NOT_IN_A_LESSON
                .iter()
                .any(|(np, n, _)| *np == p && *n == spec.name);
            assert!(
                !(covered && named),
                "{p} {} is exercised now: take it off NOT_IN_A_LESSON",
                spec.name
            );
            if !covered && !named {
                unnamed.push(format!("{p} {}", spec.name));
            }
        }
    }
    assert!(
        unnamed.is_empty(),
        "commands no lesson exercises and NOT_IN_A_LESSON does not name: {unnamed:?}"
    );
}

#[test]
fn script_mode_explains_a_wrong_attempt_gives_a_hint_and_passes_the_right_one() {
    let data = tempfile::tempdir().unwrap();
    let input = "a1 LOGIN alex drums\na2 SELECT newbox\na3 STORE 1 -FLAGS (\\Deleted)\n:hint\n:hint\n:hint\na4 store 1 +flags \\deleted\n";
    let run = maillab(
        data.path(),
        &["lesson", "run", "imap-flags-deletion"],
        input,
    );
    // Not every step passed: exit 1.
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    let out = &run.stdout;
    // The wrong attempt: which argument differed, what was wanted, what was written.
    let wrong = out
        .lines()
        .find(|l| l.starts_with("✗ "))
        .unwrap_or_else(|| panic!("no feedback line:\n{out}"));
    assert!(wrong.contains("argument 2"), "{wrong}");
    assert!(
        wrong.contains("+FLAGS") && wrong.contains("-FLAGS"),
        "{wrong}"
    );
    // ...and why, from the command table: the syntax and its RFC section.
    let why = out
        .split(wrong)
        .nth(1)
        .and_then(|r| r.lines().nth(1))
        .unwrap_or("");
    assert!(
        why.contains("syntax: STORE ") && why.contains("RFC 3501 §6.4.6"),
        "{why}"
    );
    // Hints one at a time, then none left.
    let h1 = out.find("Hint 1/2:").expect("first hint");
    let h2 = out.find("Hint 2/2:").expect("second hint");
    assert!(h1 < h2);
    assert!(out.contains("No more hints"), "{out}");
    // The right attempt in the notes' spelling passes the step, the next one starts.
    assert!(out.contains("✓ Step 2 passed"), "{out}");
    assert!(out.contains("-- Step 3/8"), "{out}");
    // Results per step at the end of input.
    let summary = out.split("Results of").nth(1).expect("summary");
    let marks: Vec<&str> = summary.lines().skip(1).take(8).collect();
    assert!(
        marks[0].contains("passed") && marks[0].contains("(select)"),
        "{marks:?}"
    );
    assert!(
        marks[1].contains("passed") && marks[1].contains("(store-1)"),
        "{marks:?}"
    );
    assert!(marks[2].contains("not-tried"), "{marks:?}");
    assert!(summary.contains("2 of 8 steps passed"), "{summary}");
}

#[test]
fn the_course_notes_own_spellings_pass() {
    // Note 001's newbox session as typed there (lower case, its own tags), then the
    // lesson's two extra steps.
    let data = tempfile::tempdir().unwrap();
    let input = "a1 LOGIN alex drums\na2 SELECT newbox\na3 store 1 +flags \\DELETED\na4 store 2 +flags \\DELETED\n\
                 a5 status newbox (messages unseen)\n:answer 6\nx1 check\na6 expunge\na7 status newbox (messages unseen)\n\
                 x2 store 1 +FLAGS \\Deleted\nx3 close\n";
    let run = maillab(data.path(), &["lesson", "run", "12"], input);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("8 of 8 steps passed"), "{}", run.stdout);
    assert!(!run.stdout.contains("✗ "), "{}", run.stdout);
    // Note 001's search session.
    let input = "a1 login alex drums\na2 select inbox\na3 search header subject test\na4 search header subject another\n\
                 :answer 2\na5 search unseen\na6 search from sam\na7 search since 1-mar-2026\n\
                 a8 store 1 +flags (\\seen)\na9 search or unseen header subject another\na10 search not unseen\nb1 uid search all\n";
    let run = maillab(data.path(), &["lesson", "run", "imap-search"], input);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
}

/// A small JSON Schema checker: type, const, enum, required, properties, items, minimum.
fn validate(schema: &serde_json::Value, v: &serde_json::Value, at: &str) -> Vec<String> {
    use serde_json::Value;
    let mut errs = Vec::new();
    if let Some(c) = schema.get("const") {
        if c != v {
            errs.push(format!("{at}: {v} is not {c}"));
        }
    }
    if let Some(Value::Array(options)) = schema.get("enum") {
        if !options.contains(v) {
            errs.push(format!("{at}: {v} not in {options:?}"));
        }
    }
    if let Some(Value::String(t)) = schema.get("type") {
        let ok = match t.as_str() {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "boolean" => v.is_boolean(),
            "integer" => v.is_u64() || v.is_i64(),
            other => panic!("schema type {other} unknown to this checker"),
        };
        if !ok {
            errs.push(format!("{at}: {v} is not {t}"));
            return errs;
        }
    }
    if let Some(min) = schema.get("minimum").and_then(Value::as_i64) {
        if v.as_i64().is_some_and(|n| n < min) {
            errs.push(format!("{at}: {v} < {min}"));
        }
    }
    if let Some(Value::Array(req)) = schema.get("required") {
        for r in req {
            let key = r.as_str().unwrap();
            if v.get(key).is_none() {
                errs.push(format!("{at}: missing {key}"));
            }
        }
    }
    if let Some(Value::Object(props)) = schema.get("properties") {
        for (k, s) in props {
            if let Some(x) = v.get(k) {
                errs.extend(validate(s, x, &format!("{at}.{k}")));
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), v.as_array()) {
        for (i, x) in arr.iter().enumerate() {
            errs.extend(validate(items, x, &format!("{at}[{i}]")));
        }
    }
    errs
}

/// The JSON Schema block of docs/writing-lessons.md.
fn documented_schema() -> serde_json::Value {
    let doc = std::fs::read_to_string(repo().join("docs/writing-lessons.md")).unwrap();
    let start = doc.find("```json\n").expect("a ```json block in the docs") + 8;
    let len = doc[start..].find("\n```").unwrap();
    serde_json::from_str(&doc[start..start + len]).expect("the documented schema is JSON")
}

#[test]
fn json_output_follows_the_documented_schema() {
    let schema = documented_schema();
    let data = tempfile::tempdir().unwrap();
    let input = "CAPA\nUSER alex\n:hint\nPASS wrong\n:show\n";
    let run = maillab(
        data.path(),
        &["lesson", "run", "pop3-basics", "--json"],
        input,
    );
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("stdout is one JSON document ({e}):\n{}", run.stdout));
    let errs = validate(&schema, &v, "$");
    assert!(errs.is_empty(), "{errs:?}\n{v:#}");
    assert_eq!(v["passed"], false);
    let steps = v["steps"].as_array().unwrap();
    assert_eq!(v["steps_total"].as_u64().unwrap() as usize, steps.len());
    // CAPA passed; the login was tried with a hint and the model answer shown; the
    // rest was not tried.
    assert_eq!(steps[0]["result"], "passed");
    assert_eq!(steps[1]["result"], "failed");
    assert_eq!(steps[1]["attempts"], 2);
    assert_eq!(steps[1]["hints"], 1);
    assert_eq!(steps[1]["shown"], true);
    assert_eq!(steps[2]["result"], "not-tried");
    // A complete run: passed, exit 0, every step passed.
    let lesson = format::parse_lesson(BUILTIN[4].0, BUILTIN[4].1).unwrap();
    let answers: String = lesson
        .steps
        .iter()
        .flat_map(|s| s.answer.iter().map(|l| format!("{l}\n")))
        .collect();
    let run = maillab(
        data.path(),
        &["lesson", "run", &lesson.id, "--json"],
        &answers,
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(validate(&schema, &v, "$").is_empty());
    assert_eq!(v["passed"], true);
    assert_eq!(v["steps_passed"], v["steps_total"]);
}

#[test]
fn progress_survives_a_restart_and_moves_with_export_and_import() {
    let data = tempfile::tempdir().unwrap();
    let list = |dir: &Path| maillab(dir, &["lesson", "list"], "");
    let before = list(data.path());
    assert_eq!(before.code, 0, "{}", before.stderr);
    assert!(
        before.stdout.contains("0 / 18 lessons, 0%"),
        "{}",
        before.stdout
    );
    // Two steps of lesson 8 in one run, then the whole of lesson 1 in another.
    let run = maillab(
        data.path(),
        &["lesson", "run", "imap-first-session"],
        "CAPABILITY\nt1 NOOP\n:answer t1\n",
    );
    assert_eq!(run.code, 1, "{}", run.stdout);
    let lesson = format::parse_lesson(BUILTIN[0].0, BUILTIN[0].1).unwrap();
    let answers: String = lesson
        .steps
        .iter()
        .flat_map(|s| s.answer.iter().map(|l| format!("{l}\n")))
        .collect();
    assert_eq!(
        maillab(data.path(), &["lesson", "run", "1"], &answers).code,
        0
    );
    // A new process reads what the earlier ones kept.
    let after = list(data.path());
    let line = after
        .stdout
        .lines()
        .find(|l| l.contains("imap-first-session"))
        .unwrap();
    assert!(line.contains("[2/8 steps]"), "{line}");
    let first = after
        .stdout
        .lines()
        .find(|l| l.contains("smtp-first-conversation"))
        .unwrap();
    assert!(
        first.starts_with('✓') && first.contains("[done]"),
        "{first}"
    );
    let total = after.stdout.lines().last().unwrap().to_string();
    let json = maillab(data.path(), &["lesson", "list", "--json"], "");
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("list --json");
    assert_eq!(v["version"], 1);
    assert_eq!(v["complete"], 1);
    assert_eq!(v["total"], 18);
    let l8 = v["lessons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == "imap-first-session")
        .unwrap();
    assert_eq!(
        (l8["passed"].as_u64(), l8["complete"].as_bool()),
        (Some(2), Some(false))
    );
    assert!(total.starts_with("1 / 18 lessons, "), "{total}");
    // Export, then import on "another machine" (another data directory).
    let file = data.path().join("export.json");
    let file_s = file.display().to_string();
    assert_eq!(
        maillab(data.path(), &["lesson", "export", &file_s], "").code,
        0
    );
    let other = tempfile::tempdir().unwrap();
    assert_eq!(
        maillab(other.path(), &["lesson", "import", &file_s], "").code,
        0
    );
    assert_eq!(list(other.path()).stdout, after.stdout);
    // Reset one lesson, then all.
    assert_eq!(maillab(other.path(), &["lesson", "reset", "1"], "").code, 0);
    assert!(list(other.path())
        .stdout
        .lines()
        .last()
        .unwrap()
        .starts_with("0 / 18"));
    assert_eq!(
        maillab(other.path(), &["lesson", "reset", "--all"], "").code,
        0
    );
    assert!(list(other.path()).stdout.contains("0 / 18 lessons, 0%"));
    // A broken import is refused with exit 2 and changes nothing.
    std::fs::write(&file, "{\"version\": 7, \"lessons\": {}}").unwrap();
    assert_eq!(
        maillab(data.path(), &["lesson", "import", &file_s], "").code,
        2
    );
    assert_eq!(list(data.path()).stdout, after.stdout);
}

#[test]
fn the_documented_example_and_a_filled_in_skeleton_pass_lesson_check() {
    let dir = tempfile::tempdir().unwrap();
    let doc = std::fs::read_to_string(repo().join("docs/writing-lessons.md")).unwrap();
    let start = doc.find("````markdown\n").expect("the example") + "````markdown\n".len();
    let len = doc[start..].find("\n````").unwrap();
    let example = dir.path().join("example.md");
    std::fs::write(&example, &doc[start..start + len + 1]).unwrap();
    let run = maillab(
        dir.path(),
        &["lesson", "check", &example.display().to_string()],
        "",
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    // `lesson new` writes a skeleton that fails while it has TODOs...
    let skel = dir.path().join("mine.md");
    let skel_s = skel.display().to_string();
    let run = maillab(dir.path(), &["lesson", "new", &skel_s], "");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = maillab(dir.path(), &["lesson", "check", &skel_s], "");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("mine.md:") && run.stderr.contains("TODO"),
        "{}",
        run.stderr
    );
    // ...and passes once they are filled in.
    let text = std::fs::read_to_string(&skel).unwrap().replace("TODO ", "");
    std::fs::write(&skel, text).unwrap();
    let run = maillab(dir.path(), &["lesson", "check", &skel_s], "");
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    // `--dir` adds it to the list and runs it by id.
    let dir_s = dir.path().display().to_string();
    let run = maillab(dir.path(), &["lesson", "list", "--dir", &dir_s], "");
    assert!(run.stdout.contains("example-pop3-peek"), "{}", run.stdout);
    assert!(run.stdout.contains(" / 20 lessons"), "{}", run.stdout);
    let run = maillab(
        dir.path(),
        &["lesson", "run", "example-pop3-peek", "--dir", &dir_s],
        "USER alex\nPASS drums\nSTAT\n:answer 2\nTOP 2 0\nQUIT\n",
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    // A broken lesson: file and line, exit 2.
    let bad = dir.path().join("bad.md");
    std::fs::write(
        &bad,
        doc[start..start + len].replace("send STAT", "sent STAT"),
    )
    .unwrap();
    let run = maillab(
        dir.path(),
        &["lesson", "check", &bad.display().to_string()],
        "",
    );
    assert_eq!(run.code, 2);
    let line = doc[start..start + len]
        .lines()
        .position(|l| l == "send STAT")
        .unwrap()
        + 1;
    assert!(
        run.stderr
            .contains(&format!("bad.md:{line}: unknown check")),
        "{}",
        run.stderr
    );
}

#[test]
fn a_translation_is_checked_for_missing_and_extra_step_ids() {
    let dir = tempfile::tempdir().unwrap();
    let ar = dir.path().join("ar");
    std::fs::create_dir_all(&ar).unwrap();
    let file = ar.join("pop3-deletion.md");
    std::fs::write(
        &file,
        "---\nid: pop3-deletion\nlang: ar\ntitle: الحذف\n---\n\n## التشفير أولا {#stls}\n\nنص.\n\n## خطوة زائدة {#extra}\n\nنص.\n",
    )
    .unwrap();
    let run = maillab(
        dir.path(),
        &["lesson", "check", &file.display().to_string()],
        "",
    );
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr
            .contains("missing from the translation: login, dele"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("lacks: extra"), "{}", run.stderr);
    // A translation may not carry checks or answers.
    std::fs::write(
        &file,
        "---\nid: pop3-deletion\nlang: ar\n---\n## x {#stls}\n```check\nsend STLS\n```\n",
    )
    .unwrap();
    let run = maillab(
        dir.path(),
        &["lesson", "check", &file.display().to_string()],
        "",
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("pop3-deletion.md:6:"), "{}", run.stderr);
}

#[test]
fn usage_errors_exit_2() {
    let data = tempfile::tempdir().unwrap();
    assert_eq!(
        maillab(data.path(), &["lesson", "run", "no-such-lesson"], "").code,
        2
    );
    assert_eq!(
        maillab(data.path(), &["lesson", "run", "1", "--step", "99"], "").code,
        2
    );
}

#[test]
fn step_skip_back_restart_and_show_move_around_a_lesson() {
    let data = tempfile::tempdir().unwrap();
    // --step 3: steps 1-2 ran quietly (marked skipped); :skip runs step 3's model
    // answer; :show at the UIDVALIDITY question of lesson 10 shows the real value.
    let run = maillab(
        data.path(),
        &["lesson", "run", "pop3-basics", "--step", "3"],
        ":skip\n:steps\nLIST 2\n:answer 513\n:back\n:answer 513\nLIST 2\n:answer 513\n",
    );
    let out = &run.stdout;
    assert_eq!(run.code, 1, "{out}");
    let steps: Vec<&str> = out
        .split("M: :steps")
        .nth(1)
        .unwrap()
        .lines()
        .skip(1)
        .take(9)
        .collect();
    assert!(
        steps[0].starts_with('↷') && steps[1].starts_with('↷') && steps[2].starts_with('↷'),
        "{steps:?}"
    );
    assert!(steps[3].starts_with('▸'), "{steps:?}");
    // LIST 2 and its answer passed step 4; :back returned to it, where the answer
    // alone does not pass (the step starts over) but the command and answer do.
    assert!(!out.contains("M: :steps\nS:"), "quiet steps printed: {out}");
    assert_eq!(out.matches("✓ Step 4 passed").count(), 2, "{out}");
    let after_back = out.split("M: :back").nth(1).unwrap();
    let first_answer = after_back.split("M: :answer 513").nth(1).unwrap();
    assert!(
        first_answer.starts_with("\n✗ ") || first_answer.contains("\n✗ "),
        "{after_back}"
    );
    let summary = out.split("Results of").nth(1).unwrap();
    assert!(
        summary.contains("skipped    What the server supports"),
        "{summary}"
    );
    assert!(summary.contains("passed     The sizes: LIST"), "{summary}");
    // :restart starts over on a fresh server: what was deleted is back.
    let run = maillab(
        data.path(),
        &["lesson", "run", "pop3-deletion"],
        "STLS\nUSER alex\nPASS drums\nDELE 1\nDELE 2\nQUIT\n:restart\nSTLS\nUSER alex\nPASS drums\nSTAT\n:answer 2\n",
    );
    assert!(run.stdout.contains("-- Step 1/7"), "{}", run.stdout);
    assert!(run.stdout.contains("S: +OK 2 968"), "{}", run.stdout);
    let run = maillab(
        data.path(),
        &["lesson", "run", "imap-select-examine", "--step", "6"],
        ":show\n",
    );
    let shown = run.stdout.split("M: :show").nth(1).unwrap();
    let uidvalidity = run
        .stdout
        .lines()
        .find_map(|l| {
            l.strip_prefix("S: * OK [UIDVALIDITY ")
                .and_then(|r| r.split(']').next())
        })
        .map(str::to_string);
    // The quiet steps printed nothing, so the value comes from a fresh session.
    let expected = uidvalidity.unwrap_or_else(|| {
        let r = maillab(
            data.path(),
            &["--no-explain", "imap"],
            "LOGIN alex drums\nEXAMINE newbox\n",
        );
        r.stdout
            .lines()
            .find_map(|l| {
                l.strip_prefix("S: * OK [UIDVALIDITY ")
                    .and_then(|r| r.split(']').next())
            })
            .unwrap()
            .to_string()
    });
    assert!(shown.contains(&format!(":answer {expected}")), "{shown}");
}

#[test]
fn a_translation_gives_the_prose_and_the_original_gives_the_checks() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("ar")).unwrap();
    std::fs::write(
        dir.path().join("ar").join("pop3-deletion.md"),
        "---\nid: pop3-deletion\nlang: ar\ntitle: الحذف في POP3\n---\n\nمقدمة.\n\n## التشفير أولا {#stls}\n\nأرسل STLS قبل تسجيل الدخول.\n\n```hint\nكلمة واحدة.\n```\n",
    )
    .unwrap();
    let dir_s = dir.path().display().to_string();
    let run = maillab(
        dir.path(),
        &[
            "--lang",
            "ar",
            "lesson",
            "run",
            "pop3-deletion",
            "--dir",
            &dir_s,
        ],
        ":hint\nSTLS\n",
    );
    let out = &run.stdout;
    assert!(
        out.contains("الحذف في POP3") && out.contains("أرسل STLS"),
        "{out}"
    );
    assert!(out.contains("كلمة واحدة."), "{out}");
    // The check is the original's: STLS passes the step; the next step, which the
    // translation lacks, keeps its English title (the frame around it is Arabic).
    assert!(
        out.lines()
            .any(|l| l.trim_start_matches('\u{200f}').starts_with("-- ")
                && l.contains('7')
                && l.contains("Log in")),
        "{out}"
    );
    let run = maillab(
        dir.path(),
        &["lesson", "run", "pop3-deletion", "--dir", &dir_s],
        "",
    );
    assert!(run.stdout.contains("Encrypt first: STLS"), "{}", run.stdout);
}

#[test]
fn a_lesson_can_start_from_a_fixture_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("one.mbox"),
        "From sam@maillab.test Mon Mar  2 09:00:00 2026\nFrom: Sam <sam@maillab.test>\nSubject: only one\n\nHello.\n",
    )
    .unwrap();
    let lesson = "---\nid: fixture-lesson\ntitle: From a fixture\nprotocol: pop3\nmailbox: one.mbox\naccounts: alex\n---\n\n\
                  ## Count {#count}\n\n```question\nHow many?\n```\n\n```check\nsend USER alex\nsend PASS {any}\nsend STAT\nreply +OK\nanswer +OK {n} {?}\nstore alex INBOX subject only one\n```\n\n\
                  ```answer\nUSER alex\nPASS drums\nSTAT\n:answer 1\n```\n";
    let file = dir.path().join("fixture-lesson.md");
    std::fs::write(&file, lesson).unwrap();
    let run = maillab(
        dir.path(),
        &["lesson", "check", &file.display().to_string()],
        "",
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    // The same lesson without its fixture cannot start: a lesson error, exit 2.
    std::fs::remove_file(dir.path().join("one.mbox")).unwrap();
    let dir_s = dir.path().display().to_string();
    let run = maillab(
        dir.path(),
        &["lesson", "run", "fixture-lesson", "--dir", &dir_s],
        "STAT\n",
    );
    assert_eq!(run.code, 2, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("one.mbox"), "{}", run.stderr);
}
