//! Script mode: stdin is not a terminal. Lines are read one by one; each is sent once
//! the previous reply is complete, and a plain transcript (`C:` / `S:` lines,
//! explanations indented under their server line, secrets masked) goes to stdout.
//! Colour only with `--color always`.

use std::io::{BufRead, Write};

use tokio::sync::mpsc;

use super::engine::{Engine, Sink};
use super::render::Out;
use super::{use_color, ColorChoice, Options};

/// Longest input line taken whole; the rest of a longer line is dropped (and said).
const MAX_INPUT_LINE: usize = 1024 * 1024;

struct StdoutSink {
    color: bool,
}

impl Sink for StdoutSink {
    fn line(&mut self, out: &Out, _echo: bool) {
        let mut stdout = std::io::stdout().lock();
        let text = crate::protocol::bidi::line(if self.color { &out.styled } else { &out.plain });
        // A closed stdout (e.g. piped into `head`) is not worth a panic.
        let _ = writeln!(stdout, "{text}");
    }
}

/// One input line as read: its text (lossy UTF-8) and how many octets were dropped.
struct InputLine {
    text: String,
    dropped: usize,
}

/// Reads stdin on its own thread (reads block), handing lines over a channel.
fn spawn_reader() -> mpsc::Receiver<InputLine> {
    let (tx, rx) = mpsc::channel(64);
    std::thread::spawn(move || {
        let stdin = std::io::stdin();
        let mut input = stdin.lock();
        loop {
            let mut line = Vec::new();
            let mut dropped = 0usize;
            let mut eof = false;
            loop {
                let buf = match input.fill_buf() {
                    Ok(b) => b,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(_) => {
                        eof = true;
                        break;
                    }
                };
                if buf.is_empty() {
                    eof = true;
                    break;
                }
                let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
                    Some(i) => (&buf[..i], Some(i + 1)),
                    None => (buf, None),
                };
                let room = MAX_INPUT_LINE.saturating_sub(line.len()).min(chunk.len());
                line.extend_from_slice(&chunk[..room]);
                dropped += chunk.len() - room;
                let used = done.unwrap_or(buf.len());
                input.consume(used);
                if done.is_some() {
                    break;
                }
            }
            if eof && line.is_empty() && dropped == 0 {
                return;
            }
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            let text = String::from_utf8_lossy(&line).into_owned();
            if tx.blocking_send(InputLine { text, dropped }).is_err() || eof {
                return;
            }
        }
    });
    rx
}

/// Runs script mode; returns the exit code.
pub async fn run(opts: Options) -> i32 {
    let color = use_color(opts.color, false) && opts.color == ColorChoice::Always;
    let sink = Box::new(StdoutSink { color });
    let mut engine = match Engine::start(opts, sink, true).await {
        Ok(e) => e,
        Err(e) => {
            eprintln!("maillab: {e}");
            return 1;
        }
    };
    let mut lines = spawn_reader();
    while let Some(line) = lines.recv().await {
        if line.dropped > 0 {
            let text = crate::tr!(
                "repl.input_line_was_longer",
                max_input_line = MAX_INPUT_LINE,
                dropped = line.dropped
            );
            eprintln!(
                "{}",
                crate::protocol::bidi::display(&format!("maillab: {text}"))
            );
        }
        // Bidi controls (from a line copied out of right-to-left output) never reach the wire.
        let text = crate::protocol::bidi::strip_controls(&line.text);
        engine.handle_line(&text).await;
        if engine.quitting() {
            break;
        }
    }
    engine.shutdown();
    0
}
