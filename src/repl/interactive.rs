//! Interactive mode: rustyline's `readline()` blocks, so it runs on this (the main)
//! thread while the engine runs as a task on the tokio runtime. They talk over two
//! channels: the readline side sends typed lines, the engine side answers with the
//! next prompt once the reply is complete. Server lines that arrive while the
//! learner is typing (IDLE pushes, BYE) go through rustyline's external printer, so
//! they print above the prompt without garbling it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc as std_mpsc, Arc, Mutex};

use owo_colors::OwoColorize;
use rustyline::error::ReadlineError;
use rustyline::{CompletionType, Config, Editor, ExternalPrinter as _};
use tokio::sync::mpsc;

use super::complete::{HelperState, MailHelper};
use super::engine::{Engine, InputMode, Sink};
use super::mask;
use super::render::Out;
use super::{use_color, Options, Target};

/// Entries kept in the history file.
const HISTORY_SIZE: usize = 1000;

/// What the readline side sends.
enum Input {
    Line(String),
    Eof,
}

/// What the engine side sends back before each prompt.
struct Ready {
    prompt: String,
    /// The masked form of the last line for the history, `None` to keep it out.
    history: Option<String>,
    quit: bool,
}

type Printer = Box<dyn FnMut(String) + Send>;

struct TermSink {
    color: bool,
    /// True while `readline()` is running: print through the external printer.
    reading: Arc<AtomicBool>,
    printer: Option<Printer>,
}

impl Sink for TermSink {
    fn line(&mut self, out: &Out, echo: bool) {
        if echo {
            return;
        }
        let text = if self.color { &out.styled } else { &out.plain };
        match (&mut self.printer, self.reading.load(Ordering::SeqCst)) {
            (Some(print), true) => print(text.clone()),
            _ => println!("{text}"),
        }
    }
}

fn history_path() -> Option<std::path::PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".local/state"))
        })?;
    Some(base.join("maillab").join("history"))
}

/// Runs the interactive REPL on `rt`; returns the exit code.
pub fn run(rt: &tokio::runtime::Runtime, opts: Options) -> i32 {
    let color = use_color(opts.color, true);
    let helper_state = Arc::new(Mutex::new(HelperState::new(opts.protocol, color)));
    // List completion (as in bash): Tab completes the common prefix, a second Tab
    // lists the candidates, so LOG<Tab> does not guess between LOGIN and LOGOUT.
    let config = Config::builder()
        .max_history_size(HISTORY_SIZE)
        .map(|b| {
            b.auto_add_history(false)
                .completion_type(CompletionType::List)
                .build()
        })
        .unwrap_or_default();
    let mut editor: Editor<MailHelper, rustyline::history::DefaultHistory> =
        match Editor::with_config(config) {
            Ok(e) => e,
            Err(e) => {
                eprintln!(
                    "maillab: {}",
                    crate::tr!("repl.cannot_start_line_editor", error = e)
                );
                return 1;
            }
        };
    editor.set_helper(Some(MailHelper {
        state: helper_state.clone(),
    }));
    let history = history_path();
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    let reading = Arc::new(AtomicBool::new(false));
    let printer: Option<Printer> = match editor.create_external_printer() {
        Ok(mut p) => Some(Box::new(move |s: String| {
            let _ = p.print(s);
        })),
        Err(_) => None,
    };

    let where_ = match &opts.target {
        Target::Embedded => {
            crate::tr!("repl.embedded_mock_server_offline")
        }
        Target::Remote(a) => a.clone(),
    };
    let banner = crate::tr!(
        "repl.banner",
        version = env!("CARGO_PKG_VERSION"),
        protocol = opts.protocol.name().to_uppercase(),
        target = where_
    );
    let tips = match &opts.target {
        Target::Embedded => embedded_tips(&opts.store),
        Target::Remote(_) => crate::tr!("repl.help_lists_commands_tab"),
    };
    if color {
        println!("{}\n{}", banner.bold(), tips.dimmed());
    } else {
        println!("{banner}\n{tips}");
    }

    let (line_tx, line_rx) = mpsc::unbounded_channel::<Input>();
    let (ready_tx, ready_rx) = std_mpsc::channel::<Ready>();
    let sink = TermSink {
        color,
        reading: reading.clone(),
        printer,
    };
    let engine_task = rt.spawn(engine_loop(
        opts,
        Box::new(sink),
        line_rx,
        ready_tx,
        helper_state,
    ));

    let mut code = 0;
    loop {
        let Ok(ready) = ready_rx.recv() else {
            code = 1;
            break;
        };
        if let Some(entry) = ready.history {
            let _ = editor.add_history_entry(entry);
        }
        if ready.quit {
            break;
        }
        let read = loop {
            reading.store(true, Ordering::SeqCst);
            let r = editor.readline(&ready.prompt);
            reading.store(false, Ordering::SeqCst);
            match r {
                // Ctrl-C at the prompt cancels the line.
                Err(ReadlineError::Interrupted) => continue,
                other => break other,
            }
        };
        let msg = match read {
            Ok(line) => Input::Line(line),
            Err(_) => Input::Eof,
        };
        let eof = matches!(msg, Input::Eof);
        if line_tx.send(msg).is_err() || eof {
            break;
        }
    }
    drop(line_tx);
    let _ = rt.block_on(engine_task);
    if let Some(h) = &history {
        if let Some(dir) = h.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = editor.save_history(h);
    }
    code
}

async fn engine_loop(
    opts: Options,
    sink: Box<dyn Sink>,
    mut lines: mpsc::UnboundedReceiver<Input>,
    ready: std_mpsc::Sender<Ready>,
    helper: Arc<Mutex<HelperState>>,
) {
    // From here on Ctrl-C while waiting for a reply stops the wait instead of
    // killing the program (at the prompt rustyline turns it into Interrupted).
    #[cfg(unix)]
    let mut sigint = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt()).ok();
    let mut engine = match Engine::start(opts, sink, false).await {
        Ok(e) => e,
        Err(e) => {
            eprintln!("maillab: {e}");
            let _ = ready.send(Ready {
                prompt: String::new(),
                history: None,
                quit: true,
            });
            return;
        }
    };
    let mut history = None;
    loop {
        update_helper(&engine, &helper);
        if ready
            .send(Ready {
                prompt: engine.prompt(),
                history: history.take(),
                quit: false,
            })
            .is_err()
        {
            break;
        }
        // Wait for a line, showing whatever the servers say meanwhile.
        let input = loop {
            tokio::select! {
                input = lines.recv() => break input,
                alive = engine.next_event() => {
                    if !alive {
                        break lines.recv().await;
                    }
                }
            }
        };
        let line = match input {
            Some(Input::Line(l)) => l,
            Some(Input::Eof) | None => break,
        };
        history = history_entry(&engine, &line);
        #[cfg(unix)]
        {
            if let Some(sig) = sigint.as_mut() {
                tokio::select! {
                    _ = engine.handle_line(&line) => {}
                    _ = sig.recv() => engine.cancel_wait(),
                }
            } else {
                engine.handle_line(&line).await;
            }
        }
        #[cfg(not(unix))]
        {
            tokio::select! {
                _ = engine.handle_line(&line) => {}
                _ = tokio::signal::ctrl_c() => engine.cancel_wait(),
            }
        }
        if engine.quitting() {
            break;
        }
    }
    engine.shutdown();
    let _ = ready.send(Ready {
        prompt: String::new(),
        history: history.take(),
        quit: true,
    });
}

/// What the history keeps of a line: masked; nothing for secret literal octets,
/// SASL answers and DATA body lines.
fn history_entry(engine: &Engine, line: &str) -> Option<String> {
    if line.trim().is_empty() {
        return None;
    }
    let trimmed = line.trim_start();
    match engine.input_mode() {
        InputMode::Command => Some(mask::mask_input(engine.protocol(), line)),
        _ if trimmed.starts_with(':') => Some(mask::mask_meta(trimmed)),
        _ => None,
    }
}

fn update_helper(engine: &Engine, helper: &Arc<Mutex<HelperState>>) {
    let mut st = match helper.lock() {
        Ok(s) => s,
        Err(p) => p.into_inner(),
    };
    st.protocol = engine.protocol();
    st.state = engine.state_id().to_string();
    st.mailboxes = engine.mailboxes();
    st.mode = engine.input_mode();
}

/// The first-line tips for the embedded server, naming the accounts the store really
/// has (the default ones, or those of `--fixture`).
fn embedded_tips(store: &crate::store::Store) -> String {
    let lang = crate::protocol::text::current();
    let accounts: Vec<String> = store.read(|i| {
        i.users
            .values()
            .map(|u| match u.app_passwords.first() {
                Some(app) => lang.text(
                    "repl.account_app",
                    &[
                        ("user", &u.name),
                        ("password", app),
                        ("normal", &u.password),
                    ],
                ),
                None => lang.text(
                    "repl.account",
                    &[("user", &u.name), ("password", &u.password)],
                ),
            })
            .map(Option::unwrap_or_default)
            .collect()
    });
    lang.text("repl.tips_embedded", &[("accounts", &accounts.join(", "))])
        .unwrap_or_default()
}
