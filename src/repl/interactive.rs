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
use crate::protocol::bidi;

/// Entries kept in the history file.
const HISTORY_SIZE: usize = 1000;

/// What the readline side sends.
enum Input {
    Line(String),
    /// A note of the front end's own, for the engine to show and its observers to see.
    Note(crate::protocol::follow::Event),
    Eof,
}

/// What the engine side sends back before each prompt.
struct Ready {
    prompt: String,
    /// The masked form of the last line for the history, `None` to keep it out.
    history: Option<String>,
    quit: bool,
    /// The current session's connection is closed.
    closed: bool,
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
        let lines = match terminal_width() {
            Some(w) => super::render::terminal_lines(out, w, self.color),
            None => {
                let text = if self.color { &out.styled } else { &out.plain };
                vec![bidi::line(text).into_owned()]
            }
        };
        for text in lines {
            match (&mut self.printer, self.reading.load(Ordering::SeqCst)) {
                (Some(print), true) => print(text),
                _ => println!("{text}"),
            }
        }
    }
}

/// The terminal's width in columns (asked each time: the window may be resized).
pub(crate) fn terminal_width() -> Option<usize> {
    #[cfg(unix)]
    {
        // SAFETY: TIOCGWINSZ only writes a `winsize` into the struct we pass.
        let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
        let r = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut ws) };
        if r == 0 && ws.ws_col > 0 {
            return Some(usize::from(ws.ws_col));
        }
    }
    None
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
    // Wrapped at spaces to the terminal's width, as explanations are: a student's
    // first screen should not cut a word in two.
    let fit = |text: &str| -> Vec<String> {
        match terminal_width() {
            Some(w) if w > 20 => bidi::wrapped(text, super::render::wrap_words(text, w - 1, w - 1)),
            _ => vec![bidi::line(text).into_owned()],
        }
    };
    for l in fit(&banner) {
        if color {
            println!("{}", l.bold());
        } else {
            println!("{l}");
        }
    }
    for l in fit(&tips) {
        if color {
            println!("{}", l.dimmed());
        } else {
            println!("{l}");
        }
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
        helper_state.clone(),
    ));

    let mut code = 0;
    let mut secrets = Secrets::default();
    let mut pending: Option<Ready> = None;
    let mut queued: std::collections::VecDeque<String> = std::collections::VecDeque::new();
    loop {
        let ready = match pending.take() {
            Some(r) => r,
            None => {
                let Ok(ready) = ready_rx.recv() else {
                    code = 1;
                    break;
                };
                if let Some(entry) = &ready.history {
                    let _ = editor.add_history_entry(entry.clone());
                }
                ready
            }
        };
        if ready.quit {
            if !queued.is_empty() {
                print_text(
                    color,
                    &crate::tr!(
                        "repl.queued_not_sent",
                        n = crate::protocol::text::Arg::from(queued.len() as u64)
                    ),
                );
            }
            break;
        }
        if ready.closed && !queued.is_empty() {
            let n = queued.len().to_string();
            let note = crate::protocol::follow::Event::note("repl.queued_not_sent", &[("n", n)]);
            let _ = line_tx.send(Input::Note(note));
            queued.clear();
        }
        let read = match queued.pop_front() {
            // A pasted or typed-ahead line: handled as if typed now, after the reply.
            Some(line) => {
                let shown = match helper_state.lock() {
                    Ok(st) => super::complete::masked_live(&st, &line),
                    Err(_) => Some(mask::MASK.to_string()),
                };
                let echo = format!("{}{}", ready.prompt, shown.as_deref().unwrap_or(&line));
                println!("{}", bidi::line_as(&echo, false, bidi::mode()));
                Ok(line)
            }
            None => loop {
                reading.store(true, Ordering::SeqCst);
                // The prompt leads what the learner types, left to right: it is laid
                // out as a left-to-right line (its Arabic state word sits in an
                // isolate), never given an RLM that would pull the typing into an
                // Arabic paragraph.
                let prompt = bidi::line_as(&ready.prompt, false, bidi::mode());
                let r = editor.readline(&*prompt);
                reading.store(false, Ordering::SeqCst);
                match r {
                    // Ctrl-C at the prompt cancels the line.
                    Err(ReadlineError::Interrupted) => continue,
                    other => break other,
                }
            },
        };
        // A pasted block (bracketed paste) arrives as one text: its first line now,
        // the others one by one after each reply. Lines typed ahead need nothing: the
        // terminal keeps them, and rustyline (with buffer-redux) keeps what it read
        // past one line for the next prompt, in order.
        let read = read.map(|text| {
            // Bidi controls copied from right-to-left output never reach the wire.
            let text = bidi::strip_controls(&text);
            let mut lines = text.split(['\n', '\r']).filter(|l| !l.is_empty());
            let first = lines.next().unwrap_or_default().to_string();
            for (i, l) in lines.enumerate() {
                queued.insert(i, l.to_string());
            }
            first
        });
        let msg = match read {
            Ok(line) => {
                let (protocol, command) = match helper_state.lock() {
                    Ok(st) => (st.protocol, matches!(st.mode, InputMode::Command)),
                    Err(p) => (p.get_ref().protocol, false),
                };
                if !command && !line.trim_start().starts_with(':') {
                    Input::Line(line)
                } else {
                    match secrets.recall(protocol, &line) {
                        Recall::AsTyped => Input::Line(line),
                        Recall::Restored(full) => {
                            print_note(color, "history_restored");
                            Input::Line(full)
                        }
                        Recall::Refused => {
                            print_note(color, "history_masked");
                            pending = Some(Ready {
                                history: None,
                                ..ready
                            });
                            continue;
                        }
                    }
                }
            }
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
                closed: true,
            });
            return;
        }
    };
    let mut history = None;
    loop {
        update_helper(&engine, &helper);
        if ready
            .send(Ready {
                prompt: engine.prompt_shown(),
                history: history.take(),
                quit: false,
                closed: engine.current_closed(),
            })
            .is_err()
        {
            break;
        }
        // Wait for a line, showing whatever the servers say meanwhile.
        let input = loop {
            tokio::select! {
                input = lines.recv() => match input {
                    Some(Input::Note(ev)) => engine.say(&ev),
                    other => break other,
                },
                alive = engine.next_event() => {
                    if !alive {
                        break lines.recv().await;
                    }
                }
            }
        };
        let line = match input {
            Some(Input::Line(l)) => l,
            Some(Input::Eof | Input::Note(_)) | None => break,
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
        closed: true,
    });
}

/// Prints a note of the REPL's own (`-- text`).
fn print_text(color: bool, text: &str) {
    let out = Out::note(text);
    println!(
        "{}",
        bidi::line(if color { &out.styled } else { &out.plain })
    );
}

/// Prints a note of the REPL's own (`-- text`) from the language table.
fn print_note(color: bool, id: &str) {
    let text = crate::protocol::text::current()
        .text(&format!("repl.{id}"), &[])
        .unwrap_or_else(|| id.to_string());
    let out = Out::note(&text);
    println!(
        "{}",
        bidi::line(if color { &out.styled } else { &out.plain })
    );
}

/// What to do with an entered line that may be a masked history entry.
#[derive(Debug, PartialEq, Eq)]
enum Recall {
    /// Send it as it is.
    AsTyped,
    /// A masked line recalled from this run's history: its secret put back.
    Restored(String),
    /// A masked line whose secret is not known (from an earlier run): do not send.
    Refused,
}

/// Secrets of the lines entered in this run, by their masked form (what the history
/// shows). Only in memory: the history file never holds them.
#[derive(Default)]
struct Secrets {
    by_masked: std::collections::HashMap<String, String>,
}

impl Secrets {
    fn recall(&mut self, p: crate::protocol::Protocol, line: &str) -> Recall {
        let masked = mask::mask_input(p, line);
        if masked != line {
            // A real secret was typed: remember it under what the history shows.
            self.by_masked.insert(masked, line.to_string());
            return Recall::AsTyped;
        }
        // Is the mask itself in a secret's place? Then it came from the history.
        let probe = line.replace(mask::MASK, "\u{1}");
        if !line.contains(mask::MASK) || mask::mask_input(p, &probe) == probe {
            return Recall::AsTyped;
        }
        match self.by_masked.get(line) {
            Some(full) => Recall::Restored(full.clone()),
            None => Recall::Refused,
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::Protocol;

    #[test]
    fn masked_history_lines_get_their_secret_back_or_are_refused() {
        let mut s = Secrets::default();
        let p = Protocol::Imap;
        // After a restart nothing is known: the mask is not sent as a password.
        assert_eq!(s.recall(p, "LOGIN alex ****"), Recall::Refused);
        assert_eq!(s.recall(p, "LOGIN alex drums"), Recall::AsTyped);
        assert_eq!(
            s.recall(p, "LOGIN alex ****"),
            Recall::Restored("LOGIN alex drums".into())
        );
        // Another line's secret is not reused.
        assert_eq!(s.recall(p, ":auth plain alex ****"), Recall::Refused);
        assert_eq!(s.recall(p, ":auth plain alex drums"), Recall::AsTyped);
        assert_eq!(
            s.recall(p, ":auth plain alex ****"),
            Recall::Restored(":auth plain alex drums".into())
        );
        // **** elsewhere than in a secret's place is ordinary text.
        assert_eq!(s.recall(p, "SEARCH TEXT ****"), Recall::AsTyped);
        assert_eq!(s.recall(Protocol::Pop3, "PASS ****"), Recall::Refused);
    }
}
