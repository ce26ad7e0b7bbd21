//! Lessons run against the lab server, from the outside: `maillab serve` (the shared
//! `Lab`), `maillab lesson run NAME --server … --user U --password P` in script mode,
//! and the teacher's `maillab ctl progress [--json]`; a student's control login
//! limited to their own account; store checks answered by the server; progress kept
//! across a restart with `--data`.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};

use common::bin::{maillab, text, Lab};
use maillab::lessons::{format, BUILTIN};

const TOKEN: &str = "sesame";

fn lab(extra: &[&str]) -> Lab {
    let mut args = vec!["--control", "127.0.0.1:0", "--teacher-token", TOKEN];
    args.extend_from_slice(extra);
    Lab::start_with(&["imap", "pop3", "smtp"], &args)
}

/// Every model answer line of a built-in lesson, in order.
fn model_answer(id: &str) -> Vec<String> {
    BUILTIN
        .iter()
        .filter_map(|(f, t)| format::parse_lesson(f, t).ok())
        .find(|l| l.id == id)
        .expect("built-in lesson")
        .steps
        .iter()
        .flat_map(|s| s.answer.clone())
        .collect()
}

/// `maillab lesson run NAME --server … --json` as `user`; the run's JSON report.
fn run_on_lab(
    lab: &Lab,
    data: &Path,
    name: &str,
    user: &str,
    password: &str,
    input: &str,
    dir: Option<&Path>,
) -> serde_json::Value {
    let ports = lab.dir().join("ports.json");
    let mut args = vec![
        "--color",
        "never",
        "lesson",
        "--json",
        "run",
        name,
        "--server",
        lab.addr("control"),
        "--ports-file",
        ports.to_str().unwrap(),
        "--user",
        user,
        "--password",
        password,
    ];
    let d;
    if let Some(dir) = dir {
        d = dir.display().to_string();
        args.extend(["--dir", &d]);
    }
    let out = maillab(&args, input, data);
    let (stdout, stderr) = text(&out);
    serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "no JSON report ({e}):\n{stdout}\n{stderr}\nserver:\n{}",
            lab.stderr()
        )
    })
}

/// `maillab ctl … progress --json` with these credentials.
fn progress_json(lab: &Lab, creds: &[&str]) -> serde_json::Value {
    let mut args = vec!["ctl", "--server", lab.addr("control")];
    args.extend_from_slice(creds);
    args.extend(["progress", "--json"]);
    let out = maillab(&args, "", &lab.dir().join("data"));
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "ctl progress failed: {stderr}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

/// One control connection: the greeting, then each request's first reply line.
fn control(lab: &Lab, requests: &[&str]) -> Vec<String> {
    let s = TcpStream::connect(lab.addr("control")).expect("control endpoint");
    s.set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let mut r = BufReader::new(s.try_clone().unwrap());
    let mut w = s;
    let mut line = String::new();
    r.read_line(&mut line).unwrap();
    let mut out = Vec::new();
    for req in requests {
        w.write_all(format!("{req}\r\n").as_bytes()).unwrap();
        line.clear();
        r.read_line(&mut line).unwrap();
        out.push(line.trim_end().to_string());
        // Multi-line answers end with a lone dot.
        if line.trim_end() == "OK" && req.starts_with("PROGRESS") {
            loop {
                line.clear();
                if r.read_line(&mut line).unwrap() == 0 || line.trim_end() == "." {
                    break;
                }
            }
        }
    }
    out
}

fn steps_of(doc: &serde_json::Value, user: &str, lesson: &str) -> Vec<(String, String)> {
    doc["students"][user][lesson]["steps"]
        .as_array()
        .unwrap_or_else(|| panic!("no {user}/{lesson} in {doc}"))
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().to_string(),
                s["result"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_lesson_runs_on_the_lab_server_and_appears_in_ctl_progress() {
    let lab = lab(&[]);
    let data = lab.scratch("student");
    let answers = model_answer("pop3-basics").join("\n") + "\n";
    let report = run_on_lab(&lab, &data, "pop3-basics", "alex", "drums", &answers, None);
    let total = report["steps_total"].as_u64().unwrap();
    assert_eq!(report["steps_passed"], total, "{report}");

    let doc = progress_json(&lab, &["--token", TOKEN]);
    assert_eq!(doc["version"], 1);
    let row = &doc["students"]["alex"]["pop3-basics"];
    assert_eq!(row["total"], total, "{doc}");
    let steps = steps_of(&doc, "alex", "pop3-basics");
    assert_eq!(steps.len() as u64, total, "{doc}");
    assert!(steps.iter().all(|(_, r)| r == "passed"), "{doc}");
    assert!(
        row["last"].as_str().is_some_and(|t| t.contains('T')),
        "{doc}"
    );

    // The table: one row, every step passed.
    let out = maillab(
        &[
            "ctl",
            "--server",
            lab.addr("control"),
            "--token",
            TOKEN,
            "progress",
        ],
        "",
        &data,
    );
    let (table, _) = text(&out);
    let row = table
        .lines()
        .find(|l| l.starts_with("alex"))
        .unwrap_or_else(|| panic!("no row for alex:\n{table}"));
    assert!(
        row.contains("pop3-basics") && row.contains(&format!("{total}/{total}")),
        "{table}"
    );

    // The run kept local progress as well.
    let local = std::fs::read_to_string(data.join("lessons-progress.json")).unwrap();
    assert!(local.contains("pop3-basics"), "{local}");
}

#[test]
fn another_students_account_stands_in_for_alex_and_sees_only_itself() {
    let lab = lab(&[]);
    let data = lab.scratch("riley");
    // riley types their own name and password where the lesson says alex and drums.
    let answers: String = model_answer("pop3-basics")
        .iter()
        .map(|l| l.replace("alex", "riley").replace("drums", "firefly") + "\n")
        .collect();
    let report = run_on_lab(
        &lab,
        &data,
        "pop3-basics",
        "riley",
        "firefly",
        &answers,
        None,
    );
    assert_eq!(report["steps_passed"], report["steps_total"], "{report}");
    // alex's way does not pass for riley: the login step waits for riley.
    let alex_way = model_answer("pop3-basics").join("\n") + "\n";
    let report = run_on_lab(
        &lab,
        &data,
        "pop3-basics",
        "riley",
        "firefly",
        &alex_way,
        None,
    );
    assert_eq!(report["steps"][1]["result"], "failed", "{report}");

    // The teacher sees riley; riley's own login sees riley only, never alex.
    let _ = run_on_lab(&lab, &data, "pop3-basics", "alex", "drums", "CAPA\n", None);
    let teacher = progress_json(&lab, &["--token", TOKEN]);
    assert!(teacher["students"]["alex"].is_object(), "{teacher}");
    assert!(teacher["students"]["riley"].is_object(), "{teacher}");
    let own = progress_json(&lab, &["--login", "riley", "--password", "firefly"]);
    assert!(own["students"]["riley"].is_object(), "{own}");
    assert!(own["students"].get("alex").is_none(), "{own}");

    // A student's control login cannot ask about, load into or report for another
    // account; the teacher's token is not a student.
    let answers = control(
        &lab,
        &[
            "LOGIN riley firefly",
            "LESSON CHECK store alex INBOX count 2",
            "LESSON CHECK store riley INBOX count 2",
            "LESSON CHECK store riley INBOX count 99",
        ],
    );
    assert_eq!(answers[0], "OK student riley");
    assert_eq!(answers[1], "NO refused");
    assert!(answers[2].starts_with("OK pass"), "{answers:?}");
    assert_eq!(answers[3], "OK fail count 2");
    let answers = control(
        &lab,
        &[&format!("TOKEN {TOKEN}"), "LESSON LOAD pop3-basics"],
    );
    assert_eq!(answers[1], "NO student-only");
}

/// A teacher's lesson whose only check is about the store: it passes when the
/// server's store holds it, not before.
const STORE_LESSON: &str = "---
id: seen-on-fetch
title: Reading marks a message seen
protocol: imap
mailbox: default
accounts: alex
---

Reading a message with FETCH BODY[] sets its \\Seen flag.

## Log in {#login}

```check
send LOGIN alex drums
reply OK
```

```answer
a LOGIN alex drums
```

## Read message 1 {#read}

Select the INBOX and read message 1 whole.

```check
store alex INBOX flag 1 \\Seen
```

```answer
a SELECT INBOX
a FETCH 1 BODY[]
```
";

#[test]
fn store_checks_pass_and_fail_through_the_server() {
    let lab = lab(&[]);
    let data = lab.scratch("student");
    let dir = lab.scratch("lessons");
    std::fs::write(dir.join("seen-on-fetch.md"), STORE_LESSON).unwrap();
    // SELECT and NOOP leave message 1 unseen; only the FETCH passes the step.
    let input = "a LOGIN riley firefly\na SELECT INBOX\na NOOP\na FETCH 1 BODY[]\n";
    let report = run_on_lab(
        &lab,
        &data,
        "seen-on-fetch",
        "riley",
        "firefly",
        input,
        Some(&dir),
    );
    assert_eq!(report["steps_passed"], 2, "{report}");
    assert_eq!(report["steps"][1]["attempts"], 3, "{report}");
    // The server's own word: riley's INBOX message 1 is seen now.
    let answers = control(
        &lab,
        &[
            "LOGIN riley firefly",
            "LESSON CHECK store riley INBOX flag 1 \\Seen",
        ],
    );
    assert_eq!(answers[1], "OK pass flag \\Seen");
}

fn data_lab(dir: &Path) -> Lab {
    lab(&["--data", dir.to_str().unwrap()])
}

#[test]
fn progress_survives_a_restart_with_data() {
    let keep = tempfile::tempdir().unwrap();
    let store: PathBuf = keep.path().join("lab-data");
    let data = keep.path().join("student");
    {
        let lab = data_lab(&store);
        let report = run_on_lab(&lab, &data, "pop3-basics", "alex", "drums", "CAPA\n", None);
        assert_eq!(report["steps_passed"], 1, "{report}");
    }
    let lab = data_lab(&store);
    let doc = progress_json(&lab, &["--token", TOKEN]);
    assert_eq!(
        steps_of(&doc, "alex", "pop3-basics"),
        [("capa".to_string(), "passed".to_string())],
        "{doc}"
    );
}

#[test]
fn a_lesson_written_for_riley_runs_in_alexs_account() {
    // imap-fetch is written for riley (accounts: riley): alex stands in, with riley's
    // mail loaded into alex's account and riley's own left alone.
    let lab = lab(&[]);
    let data = lab.scratch("alex");
    let answers: String = model_answer("imap-fetch")
        .iter()
        .map(|l| l.replace("riley", "alex").replace("firefly", "drums") + "\n")
        .collect();
    let report = run_on_lab(&lab, &data, "imap-fetch", "alex", "drums", &answers, None);
    assert_eq!(report["steps_passed"], report["steps_total"], "{report}");
    // The store checks were about alex's INBOX (the server's word), not riley's.
    let answers = control(
        &lab,
        &[
            "LOGIN alex drums",
            "LESSON CHECK store alex INBOX flag 1 \\Seen",
            "LOGIN riley firefly",
            "LESSON CHECK store riley INBOX noflag 1 \\Seen",
        ],
    );
    assert_eq!(answers[1], "OK pass flag \\Seen", "{answers:?}");
    assert_eq!(answers[3], "OK pass noflag \\Seen", "{answers:?}");
}

#[test]
fn starttls_in_a_lesson_on_the_lab_verifies_with_ca_file() {
    let lab = lab(&[]);
    let data = lab.scratch("student");
    let ports = lab.dir().join("ports.json");
    let run = |ca: Option<&Path>| {
        let mut args = vec![
            "--color",
            "never",
            "lesson",
            "--json",
            "run",
            "pop3-deletion",
            "--server",
            lab.addr("control"),
            "--ports-file",
            ports.to_str().unwrap(),
            "--user",
            "alex",
            "--password",
            "drums",
        ];
        let c;
        if let Some(ca) = ca {
            c = ca.display().to_string();
            args.extend(["--ca-file", &c]);
        }
        let out = maillab(&args, "STLS\nUSER alex\nPASS drums\n", &data);
        let (stdout, stderr) = text(&out);
        let doc: serde_json::Value =
            serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}\n{stderr}"));
        // The login after the handshake.
        doc["steps"][1]["result"].as_str().unwrap().to_string()
    };
    // The lab's CA trusted: the handshake verifies and the login goes on under TLS.
    assert_eq!(run(Some(&lab.ca)), "passed");
    // Without it the lab's certificate is refused and the session is over: no login.
    assert_ne!(run(None), "passed");
}

#[test]
fn script_mode_without_a_password_is_a_usage_error() {
    let lab = lab(&[]);
    let data = lab.scratch("student");
    let out = maillab(
        &[
            "lesson",
            "run",
            "pop3-basics",
            "--server",
            lab.addr("control"),
            "--user",
            "alex",
        ],
        "CAPA\n",
        &data,
    );
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--password"), "{stderr}");
}
