//! Running a lesson: the REPL engine on a fresh embedded server with the lesson's
//! mailbox, a step shown at a time, each reply checked against the step.
//!
//! The run registers a [`Recorder`] as an observer of the engine's events; after
//! each typed line the events become [`Exchange`]s (what was typed, which session,
//! the server lines, the state the follower reached) for the checker. Only the first
//! greeting, which arrives while the engine starts, is read from its output.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use owo_colors::OwoColorize;
use serde::Serialize;

use super::check::{self, Ctx, Exchange, InputKind, Miss};
use super::format::{Lesson, MailboxSource};
use super::observe::{self, Recorder, Sessions};
use super::tr;
use crate::repl::engine::{Engine, InputMode, Sink};
use crate::repl::render::Out;
use crate::repl::{Options, Target};
use crate::store::{fixture, SharedStore};

/// How the run shows itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Script mode: the transcript and the lesson's lines on stdout.
    Script,
    /// A terminal: typed lines are not echoed.
    Interactive,
    /// Nothing printed (`--json`, `lesson check`).
    Silent,
}

/// In a model answer, `:answer {from-server}` answers with the value the server
/// gave (for values that depend on the store, such as a UIDVALIDITY).
pub const FROM_SERVER: &str = "{from-server}";

/// The result of one step.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct StepResult {
    pub id: String,
    pub title: String,
    /// `passed`, `failed` (tried, not passed), `skipped` or `not-tried`.
    pub result: String,
    /// Lines typed while the step was current.
    pub attempts: u32,
    /// Hints revealed.
    pub hints: u32,
    /// The model answer was shown (`:show`) or run (`:skip`).
    pub shown: bool,
}

/// A line editor's printer: prints above the prompt while the learner types.
pub type Printer = Box<dyn FnMut(String) + Send>;

/// Where a run's lines go: stdout, or the line editor's printer while it reads (so
/// an IDLE push arriving at the prompt does not garble it).
#[derive(Default)]
pub struct Screen {
    printer: Mutex<Option<Printer>>,
    reading: AtomicBool,
}

impl Screen {
    /// Prints one line.
    pub fn print(&self, text: String) {
        let text = crate::protocol::bidi::display(&text).into_owned();
        if self.reading.load(Ordering::SeqCst) {
            if let Ok(mut p) = self.printer.lock() {
                if let Some(print) = p.as_mut() {
                    print(text);
                    return;
                }
            }
        }
        println!("{text}");
    }

    /// Uses `printer` while the line editor reads.
    pub fn set_printer(&self, printer: Printer) {
        if let Ok(mut p) = self.printer.lock() {
            *p = Some(printer);
        }
    }

    /// The line editor starts (true) or stops (false) reading.
    pub fn reading(&self, on: bool) {
        self.reading.store(on, Ordering::SeqCst);
    }
}

/// What the engine's sink shares with the runner.
struct Outputs<'a> {
    captured: &'a Arc<Mutex<Vec<String>>>,
    quiet: &'a Arc<AtomicBool>,
    screen: &'a Arc<Screen>,
}

struct Capture {
    lines: Arc<Mutex<Vec<String>>>,
    mode: Mode,
    color: bool,
    /// Set while steps run quietly (`--step N`).
    quiet: Arc<AtomicBool>,
    screen: Arc<Screen>,
}

impl Sink for Capture {
    fn line(&mut self, out: &Out, echo: bool) {
        if let Ok(mut l) = self.lines.lock() {
            l.push(out.plain.clone());
        }
        if self.quiet.load(Ordering::Relaxed) {
            return;
        }
        match self.mode {
            Mode::Silent => {}
            Mode::Interactive if echo => {}
            _ => self
                .screen
                .print(if self.color { &out.styled } else { &out.plain }.clone()),
        }
    }
}

/// A lesson being run.
pub struct Runner {
    pub lesson: Lesson,
    base: Options,
    dir: Option<std::path::PathBuf>,
    mode: Mode,
    color: bool,
    engine: Engine,
    store: SharedStore,
    captured: Arc<Mutex<Vec<String>>>,
    quiet: Arc<AtomicBool>,
    screen: Arc<Screen>,
    /// Every exchange so far.
    all: Vec<Exchange>,
    /// Index in `all` where the current step began.
    step_start: usize,
    /// Index in `all` where the step before began.
    prev_start: usize,
    /// The current step (0-based); `steps.len()` when done.
    pub step: usize,
    pub results: Vec<StepResult>,
    answer: Option<String>,
    /// Protocol and state of each session, from the engine's events.
    sessions: Sessions,
    /// Records the engine's events (registered once the first greeting is in).
    recorder: Recorder,
    current: usize,
    quit: bool,
    /// Where progress is kept as steps pass (None: not kept).
    progress: Option<std::path::PathBuf>,
    /// The lab server the lesson runs against (None: the embedded server).
    remote: Option<Arc<super::remote::Remote>>,
    /// Step results go to the lab server (from the learner's first step on).
    report: bool,
}

/// Makes the store a lesson starts from. `dir`: the folder of the lesson file.
pub fn lesson_store(lesson: &Lesson, dir: Option<&std::path::Path>) -> Result<SharedStore, String> {
    let store = match &lesson.mailbox {
        MailboxSource::Default => fixture::default_store(),
        MailboxSource::Fixture(p) => {
            let path = match dir {
                Some(d) if p.is_relative() => d.join(p),
                _ => p.clone(),
            };
            fixture::load_path(&path)
                .map_err(|e| format!("{}: fixture {}: {e}", lesson.file, path.display()))?
                .0
        }
    };
    for a in &lesson.accounts {
        if !store.read(|i| i.users.contains_key(a)) {
            return Err(tr(
                "lesson.no_account",
                &[("file", &lesson.file), ("user", a)],
            ));
        }
    }
    Ok(Arc::new(store))
}

impl Runner {
    /// Starts the lesson on a fresh embedded server.
    pub async fn start(
        lesson: Lesson,
        base: Options,
        dir: Option<&std::path::Path>,
        mode: Mode,
        color: bool,
    ) -> Result<Runner, String> {
        Self::start_on(lesson, base, dir, mode, color, None).await
    }

    /// Starts the lesson on the embedded server, or on a lab server (`remote`) whose
    /// control endpoint has loaded the lesson's mailbox into the learner's account.
    pub async fn start_on(
        lesson: Lesson,
        base: Options,
        dir: Option<&std::path::Path>,
        mode: Mode,
        color: bool,
        remote: Option<Arc<super::remote::Remote>>,
    ) -> Result<Runner, String> {
        let base = match &remote {
            Some(r) => Options {
                target: Target::Remote(r.url(lesson.protocol)?),
                ..base
            },
            None => base,
        };
        let store = match &remote {
            // Only the lab server's store counts; this one stays unused.
            Some(_) => Arc::new(fixture::default_store()),
            None => lesson_store(&lesson, dir)?,
        };
        let captured = Arc::new(Mutex::new(Vec::new()));
        let quiet = Arc::new(AtomicBool::new(false));
        let screen = Arc::new(Screen::default());
        let (engine, store) = Self::open(
            &lesson,
            &base,
            store,
            Outputs {
                captured: &captured,
                quiet: &quiet,
                screen: &screen,
            },
            mode,
            color,
        )
        .await?;
        let results = lesson
            .steps
            .iter()
            .map(|s| StepResult {
                id: s.id.clone(),
                title: s.title.clone(),
                result: "not-tried".into(),
                ..StepResult::default()
            })
            .collect();
        let p = lesson.protocol;
        let mut r = Runner {
            lesson,
            base,
            dir: dir.map(std::path::Path::to_path_buf),
            mode,
            color,
            engine,
            store,
            captured,
            quiet,
            screen,
            all: Vec::new(),
            step_start: 0,
            prev_start: 0,
            step: 0,
            results,
            answer: None,
            sessions: Sessions::default(),
            recorder: Recorder::default(),
            current: 1,
            quit: false,
            progress: None,
            remote,
            report: false,
        };
        r.first_greeting(p);
        r.step_start = r.all.len();
        Ok(r)
    }

    async fn open(
        lesson: &Lesson,
        base: &Options,
        store: SharedStore,
        out: Outputs<'_>,
        mode: Mode,
        color: bool,
    ) -> Result<(Engine, SharedStore), String> {
        let opts = Options {
            protocol: lesson.protocol,
            // The embedded server, or the lab server `start_on` named.
            target: base.target.clone(),
            store: store.clone(),
            ..base.clone()
        };
        let sink = Box::new(Capture {
            lines: out.captured.clone(),
            mode,
            color,
            quiet: out.quiet.clone(),
            screen: out.screen.clone(),
        });
        let engine = Engine::start(opts, sink, mode != Mode::Interactive).await?;
        Ok((engine, store))
    }

    /// Keeps progress in `path` each time a step passes (and at the end); on a lab
    /// server, step results are reported from now on too.
    pub fn keep_progress(&mut self, path: std::path::PathBuf) {
        self.progress = Some(path);
        self.report = self.remote.is_some();
    }

    /// Reports step `i`'s result to the lab server (when running on one).
    fn report_step(&self, i: usize) {
        if let (true, Some(remote), Some(r)) = (self.report, &self.remote, self.results.get(i)) {
            let report = super::remote::StepReport {
                id: &r.id,
                result: &r.result,
                attempts: r.attempts,
                hints: r.hints,
                shown: r.shown,
            };
            remote.report(&self.lesson.id, self.lesson.steps.len(), &report);
        }
    }

    /// Reports the steps tried but not passed (the end of a run on a lab server).
    pub fn report_unfinished(&self) {
        for (i, r) in self.results.iter().enumerate() {
            if r.result == "failed" {
                self.report_step(i);
            }
        }
    }

    /// The lab server's address of `:connect PROTOCOL` (the embedded server's
    /// protocols are the lab's listeners); other lines unchanged.
    fn for_engine(&self, line: &str) -> String {
        let Some(remote) = &self.remote else {
            return line.to_string();
        };
        let t = line.trim();
        match t.strip_prefix(":connect ").map(str::trim) {
            Some(what) => match crate::protocol::Protocol::parse(what).map(|p| remote.url(p)) {
                Some(Ok(url)) => format!(":connect {url}"),
                _ => line.to_string(),
            },
            None => line.to_string(),
        }
    }

    /// Records the steps passed so far in the progress file, if one is kept.
    pub fn save_progress(&self) -> Result<(), String> {
        let Some(path) = &self.progress else {
            return Ok(());
        };
        let ids: Vec<String> = self.lesson.steps.iter().map(|s| s.id.clone()).collect();
        let passed: Vec<String> = self
            .results
            .iter()
            .filter(|r| r.result == "passed")
            .map(|r| r.id.clone())
            .collect();
        let mut p = super::progress::Progress::load(path).unwrap_or_default();
        p.record(&self.lesson.id, &ids, &passed);
        p.save(path)
    }

    /// Whether every step is done.
    pub fn finished(&self) -> bool {
        self.step >= self.lesson.steps.len()
    }

    /// `:quit` was typed.
    pub fn quitting(&self) -> bool {
        self.quit || self.engine.quitting()
    }

    /// The prompt of the engine, as shown.
    pub fn prompt(&self) -> String {
        self.engine.prompt_shown()
    }

    /// The mail store of this run.
    pub fn store(&self) -> &SharedStore {
        &self.store
    }

    fn say(&self, plain: &str, styled: Option<String>) {
        if self.mode == Mode::Silent {
            return;
        }
        match (self.color, styled) {
            (true, Some(s)) => self.screen.print(s),
            _ => self.screen.print(plain.to_string()),
        }
    }

    /// Prints the lesson's title and introduction.
    pub fn show_intro(&self) {
        let head = format!("== {} ==", self.lesson.title);
        self.say(&head, Some(head.bold().to_string()));
        if !self.lesson.intro.is_empty() {
            self.say(&self.lesson.intro, None);
        }
    }

    /// Prints the current step.
    pub fn show_step(&self) {
        let Some(s) = self.lesson.steps.get(self.step) else {
            return;
        };
        let n = self.step + 1;
        let total = self.lesson.steps.len();
        let head = tr(
            "lesson.step_head",
            &[
                ("n", &n.to_string()),
                ("total", &total.to_string()),
                ("title", &s.title),
            ],
        );
        self.say("", None);
        self.say(&head, Some(head.bold().cyan().to_string()));
        if !s.prose.is_empty() {
            self.say(&s.prose, None);
        }
        if let Some(q) = &s.question {
            let q = format!("? {q}");
            self.say(&q, Some(q.yellow().to_string()));
        }
        let help = tr("lesson.step_help", &[]);
        self.say(&help, Some(help.dimmed().to_string()));
    }

    /// Handles one typed line: a lesson meta command, or a line for the REPL; then
    /// checks the step.
    pub async fn handle_line(&mut self, line: &str) {
        // Bidi controls copied from right-to-left output are not part of an answer.
        let line = &*crate::protocol::bidi::strip_controls(line);
        let trimmed = line.trim();
        if let Some(rest) = trimmed.strip_prefix(':') {
            let (cmd, arg) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
            let arg = arg.trim();
            if matches!(
                cmd,
                "hint" | "show" | "skip" | "back" | "restart" | "steps" | "step"
            ) {
                self.echo(trimmed);
            }
            let handled = match cmd {
                "hint" => {
                    self.hint();
                    true
                }
                "show" => {
                    self.show_answer();
                    true
                }
                "skip" => {
                    self.skip().await;
                    true
                }
                "back" => {
                    self.back();
                    true
                }
                "restart" => {
                    if let Err(e) = self.restart().await {
                        self.say(&format!("!! {e}"), None);
                    }
                    true
                }
                "steps" => {
                    self.list_steps();
                    true
                }
                "step" => {
                    self.show_step();
                    true
                }
                "answer" => {
                    self.echo(trimmed);
                    let value = if arg == FROM_SERVER {
                        // A model answer whose value depends on the store (a
                        // UIDVALIDITY): the value the server gave.
                        self.server_value().unwrap_or_default()
                    } else {
                        arg.to_string()
                    };
                    self.answer = Some(value);
                    self.count_attempt();
                    if !self.after_input(true) && self.answer_needs_command() {
                        let text = tr("lesson.miss.answer_first", &[]);
                        self.say(
                            &format!("✗ {text}"),
                            Some(format!("✗ {text}").red().to_string()),
                        );
                    }
                    true
                }
                "apop" => {
                    let user = arg.split_whitespace().next().unwrap_or("");
                    self.echo(&format!(":apop {user} ****"));
                    self.apop(arg).await;
                    true
                }
                "quit" => {
                    self.engine.handle_line(line).await;
                    self.quit = true;
                    true
                }
                _ => false,
            };
            if handled {
                return;
            }
        }
        if self.finished() && trimmed.is_empty() {
            return;
        }
        let kind = if trimmed.starts_with(':') {
            InputKind::Meta
        } else if matches!(self.engine.input_mode(), InputMode::Command) {
            InputKind::Command
        } else {
            InputKind::Line
        };
        let engine_line = self.for_engine(line);
        self.engine.handle_line(&engine_line).await;
        self.collect(Some(line.trim_end_matches(['\r', '\n'])), kind);
        if !self.finished() && !trimmed.is_empty() {
            self.count_attempt();
        }
        self.after_input(kind != InputKind::Push);
    }

    /// The value the current step's `answer` pattern captures from the session.
    fn server_value(&self) -> Option<String> {
        let step = self.lesson.steps.get(self.step)?;
        step.checks.iter().find_map(|c| match c {
            check::Condition::Answer { pattern } => check::answer_value(pattern, &self.all),
            _ => None,
        })
    }

    /// The exchanges of the step before the current one.
    fn before_step(&self) -> &[Exchange] {
        let end = self.step_start.min(self.all.len());
        &self.all[self.prev_start.min(end)..end]
    }

    /// Where this run prints (to give it a line editor's printer).
    pub fn screen(&self) -> Arc<Screen> {
        self.screen.clone()
    }

    /// Waits for the next event of any session (a push while the learner types),
    /// shows it and checks the step. False when no connection can send any more.
    pub async fn next_event(&mut self) -> bool {
        let alive = self.engine.next_event().await;
        self.collect(None, InputKind::Push);
        self.after_input(false);
        alive
    }

    /// Lets server lines arrive for `secs` seconds (`:wait`), then checks.
    pub async fn pump(&mut self, secs: f64) {
        self.engine.pump(secs).await;
        self.collect(None, InputKind::Push);
        self.after_input(false);
    }

    /// `:apop USER PASS`: computes the APOP digest from the greeting's timestamp
    /// (RFC 1939 §7), shows how, and sends the APOP command.
    async fn apop(&mut self, arg: &str) {
        let (user, pass) = arg.split_once(char::is_whitespace).unwrap_or((arg, ""));
        let greeting = self
            .all
            .iter()
            .filter(|x| x.session == self.current)
            .flat_map(|x| x.lines.iter())
            .find_map(|l| {
                let open = l.find('<')?;
                let close = l[open..].find('>')? + open;
                Some(l[open..=close].to_string())
            });
        let Some(ts) = greeting else {
            self.say(&tr("lesson.apop_no_timestamp", &[]), None);
            return;
        };
        let digest = crate::protocol::sasl::apop_digest(&ts, pass.trim());
        let text = tr(
            "lesson.apop_digest",
            &[("timestamp", &ts), ("digest", &digest)],
        );
        self.say(&format!("   {text}"), None);
        Box::pin(self.handle_line(&format!("APOP {user} {digest}"))).await;
    }

    fn echo(&self, line: &str) {
        if self.mode == Mode::Script {
            println!("M: {line}");
        }
    }

    fn count_attempt(&mut self) {
        if let Some(r) = self.results.get_mut(self.step) {
            r.attempts += 1;
            if r.result == "not-tried" {
                r.result = "failed".into();
            }
        }
    }

    /// The first session's greeting arrived before the recorder could be registered
    /// (the engine waits for it while starting): take it from the engine's output,
    /// then follow everything through the events.
    fn first_greeting(&mut self, p: crate::protocol::Protocol) {
        let lines: Vec<String> = match self.captured.lock() {
            Ok(mut l) => std::mem::take(&mut *l),
            Err(_) => Vec::new(),
        };
        self.sessions = Sessions::default();
        self.sessions.ensure(1, p);
        self.sessions.states[0] = self.engine.state_id().to_string();
        self.current = 1;
        let greeting: Vec<String> = lines
            .iter()
            .filter_map(|l| l.strip_prefix("S: "))
            .map(str::to_string)
            .collect();
        if !greeting.is_empty() {
            self.all.push(Exchange {
                session: 1,
                protocol: p,
                kind: InputKind::Push,
                input: String::new(),
                lines: greeting,
                state: self.sessions.states[0].clone(),
            });
        }
        self.recorder = Recorder::default();
        self.engine.add_observer(Box::new(self.recorder.clone()));
    }

    /// Turns the events of one typed line (or of lines that came on their own) into
    /// exchanges.
    fn collect(&mut self, input: Option<&str>, kind: InputKind) {
        // The output lines were shown already; the events carry what is checked.
        if let Ok(mut l) = self.captured.lock() {
            l.clear();
        }
        let events = self.recorder.take();
        // The current session after the line (from the prompt: `[2] …`).
        let current = self
            .engine
            .prompt()
            .strip_prefix('[')
            .and_then(|r| r.split_once(']'))
            .and_then(|(n, _)| n.parse().ok())
            .unwrap_or(1usize);
        self.current = current;
        let typed = input.map(|l| (l, kind));
        let xs = observe::exchanges(&events, typed, current, &mut self.sessions);
        self.sessions.ensure(current, self.engine.protocol());
        self.all.extend(xs);
    }

    /// Checks the current step; passes and moves on, or says what differed.
    /// Whether the current step still misses a command before its answer counts.
    fn answer_needs_command(&self) -> bool {
        matches!(self.current_miss(), Some(Miss::NotSent { .. }))
    }

    /// Checks the step; true when it passed.
    fn after_input(&mut self, feedback: bool) -> bool {
        let Some(step) = self.lesson.steps.get(self.step) else {
            return false;
        };
        let verdict = {
            let all = &self.all;
            let step_x = &all[self.step_start.min(all.len())..];
            let eval = |facts: &dyn check::StoreFacts| {
                check::evaluate(
                    &step.checks,
                    &Ctx {
                        step: step_x,
                        before: self.before_step(),
                        all,
                        answer: self.answer.as_deref(),
                        store: Some(facts),
                        states: &self.sessions.states,
                        current: self.current,
                    },
                )
            };
            match &self.remote {
                Some(r) => eval(r.as_ref()),
                None => self.store.read(|inner| eval(inner)),
            }
        };
        if verdict.passed {
            if let Some(r) = self.results.get_mut(self.step) {
                if r.result != "skipped" {
                    r.result = "passed".into();
                }
            }
            let n = self.step + 1;
            let msg = tr(
                "lesson.passed",
                &[("n", &n.to_string()), ("title", &step.title)],
            );
            if let Err(e) = self.save_progress() {
                self.say(&format!("!! {e}"), None);
            }
            self.report_step(self.step);
            self.say(
                &format!("✓ {msg}"),
                Some(format!("✓ {msg}").green().bold().to_string()),
            );
            self.next_step();
            return true;
        }
        if !feedback {
            return false;
        }
        let Some(miss) = verdict.miss.as_ref() else {
            return false;
        };
        // A body or literal line that is not the one the step waits for is no
        // mistake: messages have many lines.
        let last_kind = self.all.last().map(|x| x.kind);
        if matches!(miss, Miss::Exact { .. }) && last_kind == Some(InputKind::Line) {
            return false;
        }
        if let Some(text) = miss_text(miss) {
            // A question still open is no mistake: ask, do not mark.
            let mark = if *miss == Miss::NoAnswer { "?" } else { "✗" };
            let line = format!("{mark} {text}");
            let styled = if mark == "?" {
                line.yellow().to_string()
            } else {
                line.red().to_string()
            };
            self.say(&line, Some(styled));
            if let Some(why) = self.why(miss) {
                self.say(
                    &format!("  {why}"),
                    Some(format!("  {why}").dimmed().to_string()),
                );
            }
        }
        false
    }

    /// The command table's word on a wrong attempt: the syntax when an argument
    /// differed, what the wanted command does when another was sent.
    fn why(&self, miss: &Miss) -> Option<String> {
        let x = self
            .all
            .iter()
            .rev()
            .find(|x| x.kind == InputKind::Command)?;
        let p = x.protocol;
        match miss {
            Miss::Arg { .. } | Miss::MissingArg { .. } | Miss::ExtraArg { .. } => {
                let spec = crate::protocol::parse_command_line(p, &x.input)?.spec?;
                Some(tr(
                    "lesson.miss.syntax",
                    &[("syntax", &spec.syntax), ("rfc", &spec.rfc)],
                ))
            }
            Miss::Command { want, .. } => {
                let spec = crate::protocol::command(p, want)?;
                Some(tr(
                    "lesson.miss.wanted_does",
                    &[
                        ("command", &spec.name),
                        ("summary", spec.summary_current()),
                        ("rfc", &spec.rfc),
                    ],
                ))
            }
            _ => None,
        }
    }

    fn next_step(&mut self) {
        self.step += 1;
        self.prev_start = self.step_start;
        self.step_start = self.all.len();
        self.answer = None;
        if self.finished() {
            let msg = tr("lesson.complete", &[("title", &self.lesson.title)]);
            self.say(
                &format!("★ {msg}"),
                Some(format!("★ {msg}").green().bold().to_string()),
            );
        } else {
            self.show_step();
        }
    }

    fn hint(&mut self) {
        let Some(step) = self.lesson.steps.get(self.step) else {
            return;
        };
        let Some(r) = self.results.get_mut(self.step) else {
            return;
        };
        let n = r.hints as usize;
        match step.hints.get(n) {
            Some(h) => {
                r.hints += 1;
                let head = tr(
                    "lesson.hint",
                    &[
                        ("n", &(n + 1).to_string()),
                        ("of", &step.hints.len().to_string()),
                    ],
                );
                let text = format!("{head} {h}");
                self.say(&text, Some(text.yellow().to_string()));
            }
            None => self.say(&tr("lesson.no_more_hints", &[]), None),
        }
    }

    fn show_answer(&mut self) {
        let Some(step) = self.lesson.steps.get(self.step) else {
            return;
        };
        if let Some(r) = self.results.get_mut(self.step) {
            r.shown = true;
        }
        self.say(&tr("lesson.model_answer", &[]), None);
        let value = self.server_value();
        for l in &step.answer {
            let l = match (&value, l.strip_prefix(":answer ")) {
                (Some(v), Some(FROM_SERVER)) => format!(":answer {v}"),
                _ => l.clone(),
            };
            let text = format!("   {l}");
            self.say(&text, Some(text.cyan().to_string()));
        }
    }

    /// `:skip`: runs the model answer (so later steps find the server as they
    /// expect) and marks the step skipped.
    async fn skip(&mut self) {
        let Some(step) = self.lesson.steps.get(self.step).cloned() else {
            return;
        };
        if let Some(r) = self.results.get_mut(self.step) {
            r.result = "skipped".into();
            r.shown = true;
        }
        let here = self.step;
        self.say(&tr("lesson.skipping", &[]), None);
        for l in &step.answer {
            if self.step != here {
                break;
            }
            Box::pin(self.handle_line(l)).await;
        }
        if self.step == here {
            // The model answer did not pass here (the session is elsewhere): move on anyway.
            self.report_step(here);
            self.next_step();
        }
    }

    fn back(&mut self) {
        if self.step == 0 {
            return;
        }
        self.step -= 1;
        self.step_start = self.all.len();
        self.prev_start = self.step_start;
        self.answer = None;
        if let Some(r) = self.results.get_mut(self.step) {
            r.result = "not-tried".into();
        }
        self.show_step();
    }

    async fn restart(&mut self) -> Result<(), String> {
        self.engine.shutdown();
        let store = match &self.remote {
            // The lab server's account starts over from the lesson's mailbox.
            Some(r) => {
                r.reload()?;
                self.store.clone()
            }
            None => lesson_store(&self.lesson, self.dir.as_deref())?,
        };
        let (engine, store) = Self::open(
            &self.lesson,
            &self.base,
            store,
            Outputs {
                captured: &self.captured,
                quiet: &self.quiet,
                screen: &self.screen,
            },
            self.mode,
            self.color,
        )
        .await?;
        self.engine = engine;
        self.store = store;
        self.all.clear();
        self.sessions = Sessions::default();
        self.current = 1;
        for r in &mut self.results {
            *r = StepResult {
                id: r.id.clone(),
                title: r.title.clone(),
                result: "not-tried".into(),
                ..StepResult::default()
            };
        }
        self.step = 0;
        self.first_greeting(self.lesson.protocol);
        self.step_start = self.all.len();
        self.prev_start = 0;
        self.show_step();
        Ok(())
    }

    /// Jumps to step `n` (0-based) by running the model answers of the steps before
    /// it quietly (`--step N`).
    pub async fn fast_forward(&mut self, n: usize) -> Result<(), String> {
        let mode = self.mode;
        self.mode = Mode::Silent;
        self.quiet.store(true, Ordering::Relaxed);
        let result = self.run_answers_until(n).await;
        self.quiet.store(false, Ordering::Relaxed);
        self.mode = mode;
        result
    }

    async fn run_answers_until(&mut self, n: usize) -> Result<(), String> {
        while self.step < n && !self.finished() {
            let here = self.step;
            let answer = self.lesson.steps[here].answer.clone();
            for l in &answer {
                self.handle_line(l).await;
            }
            if self.step == here {
                return Err(tr(
                    "lesson.fast_forward_failed",
                    &[("n", &(here + 1).to_string())],
                ));
            }
            if let Some(r) = self.results.get_mut(here) {
                r.result = "skipped".into();
                r.attempts = 0;
            }
        }
        Ok(())
    }

    /// Prints every step with its mark.
    pub fn list_steps(&self) {
        for (i, (s, r)) in self.lesson.steps.iter().zip(&self.results).enumerate() {
            let mark = if i == self.step {
                "▸"
            } else {
                mark(&r.result)
            };
            let text = format!("{mark} {:>2}. {} ({})", i + 1, s.title, s.id);
            let styled = match mark {
                "✓" => text.green().to_string(),
                "✗" => text.red().to_string(),
                "▸" => text.bold().to_string(),
                _ => text.dimmed().to_string(),
            };
            self.say(&text, Some(styled));
        }
    }

    /// Prints the per-step results (end of a script run).
    pub fn print_summary(&self) {
        self.say("", None);
        self.say(
            &tr("lesson.summary", &[("title", &self.lesson.title)]),
            None,
        );
        for (i, r) in self.results.iter().enumerate() {
            let text = format!(
                "{} {:>2}. {:<10} {} ({})",
                mark(&r.result),
                i + 1,
                r.result,
                r.title,
                r.id
            );
            let styled = if r.result == "passed" {
                text.green().to_string()
            } else {
                text.red().to_string()
            };
            self.say(&text, Some(styled));
        }
        let passed = self.passed_count();
        let msg = tr(
            "lesson.total",
            &[
                ("passed", &passed.to_string()),
                ("total", &self.results.len().to_string()),
            ],
        );
        self.say(&msg, None);
    }

    /// Steps passed (skipped ones do not count).
    pub fn passed_count(&self) -> usize {
        self.results.iter().filter(|r| r.result == "passed").count()
    }

    /// Closes the sessions.
    pub fn shutdown(&mut self) {
        self.engine.shutdown();
    }

    /// The exchanges so far (for tests and `lesson check`).
    pub fn exchanges(&self) -> &[Exchange] {
        &self.all
    }

    /// Why the current step does not pass yet (for `lesson check`).
    pub fn current_miss(&self) -> Option<Miss> {
        let step = self.lesson.steps.get(self.step)?;
        let all = &self.all;
        let eval = |facts: &dyn check::StoreFacts| {
            check::evaluate(
                &step.checks,
                &Ctx {
                    step: &all[self.step_start.min(all.len())..],
                    before: self.before_step(),
                    all,
                    answer: self.answer.as_deref(),
                    store: Some(facts),
                    states: &self.sessions.states,
                    current: self.current,
                },
            )
            .miss
        };
        match &self.remote {
            Some(r) => eval(r.as_ref()),
            None => self.store.read(|inner| eval(inner)),
        }
    }
}

/// The mark of a step result.
pub fn mark(result: &str) -> &'static str {
    match result {
        "passed" => "✓",
        "failed" => "✗",
        "skipped" => "↷",
        _ => "·",
    }
}

/// A learner-facing sentence for a miss; `None` when there is nothing to say yet.
pub fn miss_text(m: &Miss) -> Option<String> {
    let s = |v: &str| v.to_string();
    Some(match m {
        Miss::NotSent { .. } => return None,
        Miss::Command { want, got } => tr("lesson.miss.command", &[("want", want), ("got", got)]),
        Miss::Arg { index, want, got } => tr(
            "lesson.miss.arg",
            &[("n", &index.to_string()), ("want", want), ("got", got)],
        ),
        Miss::MissingArg { index, want } => tr(
            "lesson.miss.missing_arg",
            &[("n", &index.to_string()), ("want", want)],
        ),
        Miss::ExtraArg { index, got } => tr(
            "lesson.miss.extra_arg",
            &[("n", &index.to_string()), ("got", got)],
        ),
        Miss::Exact { want, got } => tr("lesson.miss.exact", &[("want", want), ("got", got)]),
        Miss::Reply { want, got } => tr("lesson.miss.reply", &[("want", want), ("got", got)]),
        Miss::Session { want, got } => tr(
            "lesson.miss.session",
            &[("want", &want.to_string()), ("got", &got.to_string())],
        ),
        Miss::Server { want } => tr("lesson.miss.server", &[("want", want)]),
        Miss::State { want, got } => tr("lesson.miss.state", &[("want", want), ("got", got)]),
        Miss::Store { want } => tr("lesson.miss.store", &[("want", &s(want))]),
        Miss::NoAnswer => tr("lesson.miss.no_answer", &[]),
        Miss::WrongAnswer { got } => tr("lesson.miss.wrong_answer", &[("got", got)]),
        Miss::AnswerSource { want } => tr("lesson.miss.answer_source", &[("want", want)]),
    })
}
