//! `maillab lesson …`: list, run, check, new, reset, export, import.

use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::format::{self, FormatError, Lesson};
use super::progress::{self, Progress};
use super::run::{self, Mode, Runner, StepResult};
use super::{tr, BUILTIN, BUILTIN_TRANSLATIONS};
use crate::repl::{use_color, ColorChoice, Options};

// What this module prints goes through the bidi layer (an RLM before each line of
// right-to-left text, `--bidi visual`); JSON is printed with `std::println!` as it is.
macro_rules! println {
    ($($t:tt)*) => {
        ::std::println!("{}", crate::protocol::bidi::display(&format!($($t)*)))
    };
}
macro_rules! eprintln {
    ($($t:tt)*) => {
        ::std::eprintln!("{}", crate::protocol::bidi::display(&format!($($t)*)))
    };
}

/// Version of the `--json` document.
pub const JSON_VERSION: u32 = 1;

/// One `maillab lesson` action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    List,
    Run { name: String, step: Option<usize> },
    Check { files: Vec<PathBuf> },
    New { name: String },
    Reset { name: Option<String> },
    Export { file: PathBuf },
    Import { file: PathBuf },
}

/// What every action may use.
#[derive(Clone)]
pub struct Settings {
    /// A teacher's own lessons, besides the built-in ones.
    pub dir: Option<PathBuf>,
    pub json: bool,
    pub color: ColorChoice,
    /// The REPL options (TLS, timeouts, explanations) the runs start from.
    pub base: Options,
    /// The progress file (default: [`progress::default_path`]).
    pub progress: PathBuf,
    /// `lesson run --server`: the lab server to run on, in the student's account.
    pub lab: Option<LabRun>,
}

/// A lesson run on a lab server (`maillab lesson run NAME --server HOST`).
#[derive(Clone, Debug)]
pub struct LabRun {
    /// Listener name -> `HOST:PORT` (see [`super::remote::addresses`]).
    pub ports: std::collections::BTreeMap<String, String>,
    pub user: String,
    pub password: String,
}

/// A lesson and the folder it came from (None: built in).
#[derive(Clone, Debug)]
pub struct Found {
    pub lesson: Lesson,
    pub dir: Option<PathBuf>,
}

/// Every lesson: the built-in ones, then those in `dir` (sorted by file name).
/// Errors are the files that do not parse.
pub fn load_all(dir: Option<&Path>) -> (Vec<Found>, Vec<FormatError>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (file, text) in BUILTIN {
        match format::parse_lesson(file, text) {
            Ok(l) => out.push(Found {
                lesson: l,
                dir: None,
            }),
            Err(e) => errors.extend(e),
        }
    }
    if let Some(dir) = dir {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "md"));
        files.sort();
        for f in files {
            let name = f.display().to_string();
            match std::fs::read_to_string(&f) {
                Ok(text) if is_translation(&text) => {}
                Ok(text) => match format::parse_lesson(&name, &text) {
                    Ok(l) => {
                        out.retain(|x: &Found| x.lesson.id != l.id);
                        out.push(Found {
                            lesson: l,
                            dir: Some(dir.to_path_buf()),
                        })
                    }
                    Err(e) => errors.extend(e),
                },
                Err(e) => errors.push(FormatError {
                    file: name,
                    line: 0,
                    message: e.to_string(),
                }),
            }
        }
    }
    (out, errors)
}

fn is_translation(text: &str) -> bool {
    let head: String = text
        .lines()
        .take_while(|l| !l.starts_with("## "))
        .collect::<Vec<_>>()
        .join("\n");
    head.lines().any(|l| l.trim_start().starts_with("lang:"))
}

/// Finds a lesson by id, number in the list (1-based) or file name.
pub fn find<'a>(all: &'a [Found], name: &str) -> Option<&'a Found> {
    if let Ok(n) = name.parse::<usize>() {
        return n.checked_sub(1).and_then(|i| all.get(i));
    }
    all.iter().find(|f| f.lesson.id == name).or_else(|| {
        all.iter().find(|f| {
            Path::new(&f.lesson.file).file_stem().is_some_and(|s| {
                s.to_string_lossy() == name
                    || s.to_string_lossy()
                        .split_once('-')
                        .is_some_and(|(_, r)| r == name)
            })
        })
    })
}

/// Runs an action; returns the exit code (0 ok, 1 failed, 2 usage or lesson error).
pub fn execute(action: Action, settings: &Settings) -> i32 {
    match action {
        Action::List => list(settings),
        Action::Run { name, step } => run_lesson(&name, step, settings),
        Action::Check { files } => check_files(&files, settings),
        Action::New { name } => new_lesson(&name),
        Action::Reset { name } => reset(name.as_deref(), settings),
        Action::Export { file } => export(&file, settings),
        Action::Import { file } => import(&file, settings),
    }
}

fn report_errors(errors: &[FormatError]) {
    for e in errors {
        eprintln!("maillab: {e}");
    }
}

fn step_ids(l: &Lesson) -> Vec<String> {
    l.steps.iter().map(|s| s.id.clone()).collect()
}

#[derive(Serialize)]
struct ListEntry<'a> {
    n: usize,
    id: &'a str,
    title: &'a str,
    protocol: &'a str,
    steps: usize,
    passed: usize,
    complete: bool,
}

fn list(settings: &Settings) -> i32 {
    let (all, errors) = load_all(settings.dir.as_deref());
    report_errors(&errors);
    let progress = match Progress::load(&settings.progress) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("maillab: {e}");
            return 2;
        }
    };
    let color = use_color(settings.color, std::io::stdout().is_terminal());
    let mut entries = Vec::new();
    let (mut done, mut steps_total, mut steps_passed) = (0, 0, 0);
    for (i, f) in all.iter().enumerate() {
        let ids = step_ids(&f.lesson);
        let passed = progress.passed_in(&f.lesson.id, &ids);
        let complete = passed == ids.len();
        done += usize::from(complete);
        steps_total += ids.len();
        steps_passed += passed;
        entries.push(ListEntry {
            n: i + 1,
            id: &f.lesson.id,
            title: &f.lesson.title,
            protocol: f.lesson.protocol.name(),
            steps: ids.len(),
            passed,
            complete,
        });
    }
    let percent = (steps_passed * 100).checked_div(steps_total).unwrap_or(0);
    if settings.json {
        let doc = serde_json::json!({
            "version": JSON_VERSION,
            "lessons": entries,
            "complete": done,
            "total": all.len(),
            "percent": percent,
        });
        std::println!("{doc}");
        return if errors.is_empty() { 0 } else { 2 };
    }
    for e in &entries {
        let (mark, state) = if e.complete {
            ("✓", tr("lesson.state_done", &[]))
        } else if e.passed == 0 {
            ("·", tr("lesson.state_new", &[]))
        } else {
            (
                "▸",
                tr(
                    "lesson.state_part",
                    &[
                        ("passed", &e.passed.to_string()),
                        ("total", &e.steps.to_string()),
                    ],
                ),
            )
        };
        let line = format!(
            "{mark} {:>2}  {:<28} {:<5} {}  [{state}]",
            e.n, e.id, e.protocol, e.title
        );
        if color && e.complete {
            use owo_colors::OwoColorize;
            println!("{}", line.green());
        } else {
            println!("{line}");
        }
    }
    println!(
        "{}",
        tr(
            "lesson.list_total",
            &[
                ("done", &done.to_string()),
                ("total", &all.len().to_string()),
                ("percent", &percent.to_string())
            ]
        )
    );
    if errors.is_empty() {
        0
    } else {
        2
    }
}

fn runtime() -> Option<tokio::runtime::Runtime> {
    match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => Some(rt),
        Err(e) => {
            eprintln!(
                "maillab: {}",
                crate::tr!("repl.cannot_start_runtime", error = e)
            );
            None
        }
    }
}

/// The `--json` document of a run.
#[derive(Serialize)]
pub struct RunReport<'a> {
    pub version: u32,
    pub lesson: &'a str,
    pub title: &'a str,
    pub passed: bool,
    pub steps_passed: usize,
    pub steps_total: usize,
    pub steps: &'a [StepResult],
}

/// The translation of lesson `id` into `lang`: from `DIR/LANG/*.md`, else built in.
pub fn translation_for(id: &str, lang: &str, dir: Option<&Path>) -> Option<format::Translation> {
    let from_dir = dir.and_then(|d| {
        let mut files: Vec<PathBuf> = std::fs::read_dir(d.join(lang))
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        files.into_iter().find_map(|f| {
            let text = std::fs::read_to_string(&f).ok()?;
            format::parse_translation(&f.display().to_string(), &text)
                .ok()
                .filter(|t| t.id == id && t.lang == lang)
        })
    });
    from_dir.or_else(|| {
        BUILTIN_TRANSLATIONS.iter().find_map(|(f, t)| {
            format::parse_translation(f, t)
                .ok()
                .filter(|t| t.id == id && t.lang == lang)
        })
    })
}

fn run_lesson(name: &str, step: Option<usize>, settings: &Settings) -> i32 {
    let (all, errors) = load_all(settings.dir.as_deref());
    let Some(found) = find(&all, name) else {
        report_errors(&errors);
        eprintln!("maillab: {}", tr("lesson.unknown", &[("name", name)]));
        return 2;
    };
    // Prose in the chosen language when a translation exists; checks and model
    // answers always come from the original.
    let lang = crate::protocol::text::current().code();
    let lesson = match translation_for(&found.lesson.id, lang, settings.dir.as_deref()) {
        Some(t) if lang != "en" => found.lesson.translated(&t),
        _ => found.lesson.clone(),
    };
    // On a lab server: the student's account in alex's place, the lesson's mailbox
    // loaded into it.
    let (lesson, remote) = match &settings.lab {
        Some(lab) => match connect_lab(lab, found) {
            Ok(r) => (
                super::remote::for_account(&lesson, &lab.user, &lab.password),
                Some(std::sync::Arc::new(r)),
            ),
            Err(e) => {
                eprintln!("maillab: {e}");
                return 2;
            }
        },
        None => (lesson, None),
    };
    if let Some(n) = step {
        if n == 0 || n > lesson.steps.len() {
            eprintln!(
                "maillab: {}",
                crate::tr!("lesson.step_range", n = n, max = lesson.steps.len())
            );
            return 2;
        }
    }
    let interactive =
        !settings.json && std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let mode = if settings.json {
        Mode::Silent
    } else if interactive {
        Mode::Interactive
    } else {
        Mode::Script
    };
    let color = match settings.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => interactive && use_color(ColorChoice::Auto, true),
    };
    // A terminal needs worker threads: the connections and the checks go on while
    // the main thread waits in the line editor (an IDLE push shows at once).
    let rt = if interactive {
        match tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
        {
            Ok(rt) => rt,
            Err(e) => {
                eprintln!(
                    "maillab: {}",
                    crate::tr!("repl.cannot_start_runtime", error = e)
                );
                return 2;
            }
        }
    } else {
        let Some(rt) = runtime() else {
            return 2;
        };
        rt
    };
    let lab_user = remote.as_ref().map(|r| r.user.clone());
    let mut runner = match rt.block_on(Runner::start_on(
        lesson,
        settings.base.clone(),
        found.dir.as_deref(),
        mode,
        color,
        remote,
    )) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("maillab: {e}");
            return 2;
        }
    };
    if let Some(n) = step {
        if let Err(e) = rt.block_on(runner.fast_forward(n - 1)) {
            eprintln!("maillab: {e}");
            return 2;
        }
    }
    // Steps run quietly for --step are not the learner's: progress counts from here.
    runner.keep_progress(settings.progress.clone());
    runner.show_intro();
    let written_for = super::remote::lesson_account(&found.lesson).to_string();
    if let Some(u) = lab_user.filter(|u| *u != written_for) {
        if mode != Mode::Silent {
            println!(
                "{}",
                crate::tr!(
                    "lab.lessons.your_account",
                    user = u,
                    lesson_user = written_for
                )
            );
        }
    }
    runner.show_step();
    if interactive {
        runner = match interactive_loop(&rt, runner) {
            Some(r) => r,
            None => return 2,
        };
    } else {
        let stdin = std::io::stdin();
        for line in stdin.lock().lines() {
            let Ok(line) = line else { break };
            rt.block_on(runner.handle_line(&line));
            if runner.quitting() {
                break;
            }
        }
    }
    runner.report_unfinished();
    runner.shutdown();
    let passed = runner.passed_count();
    let total = runner.results.len();
    save_progress(&runner);
    if settings.json {
        let report = RunReport {
            version: JSON_VERSION,
            lesson: &runner.lesson.id,
            title: &runner.lesson.title,
            passed: passed == total,
            steps_passed: passed,
            steps_total: total,
            steps: &runner.results,
        };
        match serde_json::to_string_pretty(&report) {
            Ok(s) => std::println!("{s}"),
            Err(e) => eprintln!("maillab: {e}"),
        }
    } else {
        runner.print_summary();
    }
    rt.shutdown_background();
    if passed == total {
        0
    } else {
        1
    }
}

/// Logs in to the lab server's control endpoint and loads the lesson's mailbox into
/// the student's account.
fn connect_lab(lab: &LabRun, found: &Found) -> Result<super::remote::Remote, String> {
    let remote = super::remote::Remote::connect(lab.ports.clone(), &lab.user, &lab.password)?;
    let account = super::remote::lesson_account(&found.lesson);
    let load = match (&found.dir, &found.lesson.mailbox) {
        (None, _) => format!("{} {account}", found.lesson.id),
        (Some(_), format::MailboxSource::Default) => format!("default {account}"),
        (Some(_), format::MailboxSource::Fixture(p)) => {
            return Err(crate::tr!(
                "lab.lessons.fixture_not_on_server",
                lesson = found.lesson.id,
                fixture = p.display()
            ))
        }
    };
    remote.load(&load)?;
    Ok(remote)
}

fn save_progress(runner: &Runner) {
    if let Err(e) = runner.save_progress() {
        eprintln!(
            "maillab: {}",
            crate::tr!("lesson.cannot_keep_progress", e = e)
        );
    }
}

/// What the runner's task tells the line editor before each line.
struct Ready {
    prompt: String,
    protocol: crate::protocol::Protocol,
    quit: bool,
}

/// A lesson on a terminal: the line editor reads on this thread while the runner
/// runs as a task, showing pushes through the editor's printer as they arrive.
/// Gives the runner back at the end (None if its task failed).
fn interactive_loop(rt: &tokio::runtime::Runtime, runner: Runner) -> Option<Runner> {
    let mut editor = match rustyline::DefaultEditor::new() {
        Ok(e) => e,
        Err(e) => {
            eprintln!(
                "maillab: {}",
                crate::tr!("repl.cannot_start_line_editor", error = e)
            );
            return Some(runner);
        }
    };
    let screen = runner.screen();
    if let Ok(mut p) = editor.create_external_printer() {
        use rustyline::ExternalPrinter as _;
        screen.set_printer(Box::new(move |s: String| {
            let _ = p.print(s);
        }));
    }
    let (line_tx, mut line_rx) = tokio::sync::mpsc::unbounded_channel::<Option<String>>();
    let (ready_tx, ready_rx) = std::sync::mpsc::channel::<Ready>();
    let task = rt.spawn(async move {
        let mut runner = runner;
        loop {
            let mark = if runner.finished() { "★" } else { "▸" };
            let prompt = format!(
                "{mark} {}/{} {}",
                (runner.step + 1).min(runner.lesson.steps.len()),
                runner.lesson.steps.len(),
                runner.prompt()
            );
            let ready = Ready {
                prompt,
                protocol: runner.lesson.protocol,
                quit: false,
            };
            if ready_tx.send(ready).is_err() {
                break;
            }
            // Wait for a line, showing whatever the servers push meanwhile.
            let line = loop {
                tokio::select! {
                    line = line_rx.recv() => break line.flatten(),
                    alive = runner.next_event() => {
                        if !alive {
                            break line_rx.recv().await.flatten();
                        }
                    }
                }
            };
            let Some(line) = line else { break };
            runner.handle_line(&line).await;
            if runner.quitting() {
                break;
            }
        }
        let _ = ready_tx.send(Ready {
            prompt: String::new(),
            protocol: runner.lesson.protocol,
            quit: true,
        });
        runner
    });
    while let Ok(ready) = ready_rx.recv() {
        if ready.quit {
            break;
        }
        screen.reading(true);
        let read = editor.readline(&*crate::protocol::bidi::line(&ready.prompt));
        screen.reading(false);
        match read {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let masked = crate::repl::mask::mask_input(ready.protocol, &line);
                    let _ = editor.add_history_entry(masked.as_str());
                }
                if line_tx.send(Some(line)).is_err() {
                    break;
                }
            }
            Err(_) => {
                let _ = line_tx.send(None);
                break;
            }
        }
    }
    drop(line_tx);
    rt.block_on(task).ok()
}

/// Checks lesson files: structure, then each step's model answer on a fresh server.
fn check_files(files: &[PathBuf], settings: &Settings) -> i32 {
    if files.is_empty() {
        eprintln!("maillab: {}", crate::tr!("lesson.check_needs_file"));
        return 2;
    }
    let Some(rt) = runtime() else {
        return 2;
    };
    let mut failed = false;
    for f in files {
        let name = f.display().to_string();
        let text = match std::fs::read_to_string(f) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("maillab: {name}: {e}");
                failed = true;
                continue;
            }
        };
        let problems = if is_translation(&text) {
            check_translation(&name, &text, settings)
        } else {
            match format::parse_lesson(&name, &text) {
                Ok(lesson) => {
                    let dir = f.parent().map(Path::to_path_buf);
                    rt.block_on(check_model_answer(lesson, settings.base.clone(), dir))
                }
                Err(errors) => errors.iter().map(ToString::to_string).collect(),
            }
        };
        match problems {
            p if p.is_empty() => {}
            p => {
                failed = true;
                for line in p {
                    eprintln!("maillab: {line}");
                }
                continue;
            }
        }
    }
    rt.shutdown_background();
    i32::from(failed) * 2
}

fn check_translation(name: &str, text: &str, settings: &Settings) -> Vec<String> {
    let tr_file = match format::parse_translation(name, text) {
        Ok(t) => t,
        Err(errors) => return errors.iter().map(ToString::to_string).collect(),
    };
    let (all, _) = load_all(settings.dir.as_deref());
    // The original: a built-in lesson, or one beside the translation's folder.
    let parent = Path::new(name)
        .parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf);
    let (beside, _) = load_all(parent.as_deref());
    let Some(orig) = all
        .iter()
        .chain(&beside)
        .find(|f| f.lesson.id == tr_file.id)
    else {
        return vec![tr(
            "lesson.check_no_original",
            &[("file", name), ("id", &tr_file.id)],
        )];
    };
    let (missing, extra) = format::compare_steps(&orig.lesson, &tr_file);
    let mut out = Vec::new();
    if !missing.is_empty() {
        out.push(tr(
            "lesson.check_missing",
            &[("file", name), ("ids", &missing.join(", "))],
        ));
    }
    if !extra.is_empty() {
        out.push(tr(
            "lesson.check_extra",
            &[
                ("file", name),
                ("id", &tr_file.id),
                ("ids", &extra.join(", ")),
            ],
        ));
    }
    if out.is_empty() {
        println!(
            "{}",
            tr(
                "lesson.check_tr_ok",
                &[("file", name), ("lang", &tr_file.lang), ("id", &tr_file.id)]
            )
        );
    }
    out
}

/// Runs every step's model answer in order on a fresh server; the problems found.
pub async fn check_model_answer(
    lesson: Lesson,
    base: Options,
    dir: Option<PathBuf>,
) -> Vec<String> {
    let file = lesson.file.clone();
    let steps = lesson.steps.clone();
    let mut runner = match Runner::start(lesson, base, dir.as_deref(), Mode::Silent, false).await {
        Ok(r) => r,
        Err(e) => return vec![e],
    };
    let mut out = Vec::new();
    for (i, s) in steps.iter().enumerate() {
        let mut left = s.answer.len();
        for l in &s.answer {
            if runner.step != i {
                break;
            }
            left -= 1;
            runner.handle_line(l).await;
        }
        if runner.step == i {
            let why = runner
                .current_miss()
                .and_then(|m| run::miss_text(&m).or_else(|| Some(format!("{m:?}"))))
                .unwrap_or_default();
            out.push(tr(
                "lesson.check_fail",
                &[
                    ("file", &file),
                    ("line", &s.line.to_string()),
                    ("id", &s.id),
                    ("why", &why),
                ],
            ));
            break;
        }
        if left > 0 {
            out.push(tr(
                "lesson.check_early",
                &[
                    ("file", &file),
                    ("line", &s.line.to_string()),
                    ("id", &s.id),
                    ("left", &left.to_string()),
                ],
            ));
            break;
        }
    }
    runner.shutdown();
    if out.is_empty() {
        println!(
            "{}",
            tr(
                "lesson.check_ok",
                &[("file", &file), ("steps", &steps.len().to_string())]
            )
        );
    }
    out
}

/// The skeleton `lesson new` writes.
pub const SKELETON: &str = include_str!("skeleton.md");

fn new_lesson(name: &str) -> i32 {
    let file = if name.ends_with(".md") {
        PathBuf::from(name)
    } else {
        PathBuf::from(format!("{name}.md"))
    };
    let shown = file.display().to_string();
    if file.exists() {
        eprintln!("maillab: {}", tr("lesson.new_exists", &[("file", &shown)]));
        return 2;
    }
    let id = format::slug(
        &file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    );
    let text = SKELETON.replace("{{id}}", if id.is_empty() { "my-lesson" } else { &id });
    if let Err(e) = std::fs::write(&file, text) {
        eprintln!("maillab: {shown}: {e}");
        return 2;
    }
    println!("{}", tr("lesson.new_written", &[("file", &shown)]));
    0
}

fn reset(name: Option<&str>, settings: &Settings) -> i32 {
    let mut p = match Progress::load(&settings.progress) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("maillab: {e}");
            return 2;
        }
    };
    match name {
        None => {
            p = Progress::default();
            println!("{}", tr("lesson.reset_all", &[]));
        }
        Some(n) => {
            let (all, _) = load_all(settings.dir.as_deref());
            let id = find(&all, n).map_or(n.to_string(), |f| f.lesson.id.clone());
            p.reset(&id);
            println!("{}", tr("lesson.reset_done", &[("name", &id)]));
        }
    }
    match p.save(&settings.progress) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("maillab: {e}");
            2
        }
    }
}

fn export(file: &Path, settings: &Settings) -> i32 {
    let p = match Progress::load(&settings.progress) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("maillab: {e}");
            return 2;
        }
    };
    match p.save(file) {
        Ok(()) => {
            println!(
                "{}",
                tr("lesson.exported", &[("file", &file.display().to_string())])
            );
            0
        }
        Err(e) => {
            eprintln!("maillab: {e}");
            2
        }
    }
}

fn import(file: &Path, settings: &Settings) -> i32 {
    let theirs = match std::fs::read_to_string(file)
        .map_err(|e| e.to_string())
        .and_then(|t| Progress::from_json(&t))
    {
        Ok(p) => p,
        Err(e) => {
            eprintln!("maillab: {}: {e}", file.display());
            return 2;
        }
    };
    let mut p = Progress::load(&settings.progress).unwrap_or_default();
    p.merge(&theirs);
    match p.save(&settings.progress) {
        Ok(()) => {
            println!(
                "{}",
                tr("lesson.imported", &[("file", &file.display().to_string())])
            );
            0
        }
        Err(e) => {
            eprintln!("maillab: {e}");
            2
        }
    }
}

/// Translations built in, for `lesson check` of the built-in lessons.
pub fn builtin_translations() -> Vec<Result<format::Translation, Vec<FormatError>>> {
    BUILTIN_TRANSLATIONS
        .iter()
        .map(|(f, t)| format::parse_translation(f, t))
        .collect()
}

/// The data directory progress lives in (for messages and tests).
pub fn progress_path() -> PathBuf {
    progress::default_path()
}
