//! The REPL: type raw IMAP, POP3 or SMTP and see every reply highlighted and
//! explained. Interactive (rustyline) when stdin is a terminal, script mode otherwise.
//!
//! - [`engine`]: sessions, what a typed line becomes on the wire, waiting for replies,
//!   meta commands. Shared by both modes.
//! - [`conn`]: the connection task and the [`conn::Framer`] that cuts server bytes
//!   into responses (IMAP literals by octet count).
//! - [`tagger`]: IMAP auto-tagging and client literals; [`state`]: the client-side
//!   session state (prompt, explanation context); [`mask`]: secrets.
//! - [`render`]: pure, wire line → plain and styled output + explanation lines.
//! - [`meta`]: `:` commands; [`complete`]: completion, hints and live highlighting.
//! - [`script`] and [`interactive`]: the two front ends.

pub mod complete;
pub mod conn;
pub mod engine;
pub mod gloss;
pub mod interactive;
pub mod mask;
pub mod meta;
pub mod render;
pub mod script;
pub mod state;
pub mod tagger;
pub mod tls;

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::protocol::{self, Protocol};
use crate::store::SharedStore;

/// When to colour output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Where the first session connects.
#[derive(Clone, Debug)]
pub enum Target {
    /// The embedded mock server on `store`.
    Embedded,
    /// A real server: a URL as [`tls::parse_endpoint`] takes it (`imaps://host:993`).
    Remote(String),
}

/// Everything the REPL needs from the command line.
#[derive(Clone)]
pub struct Options {
    pub protocol: Protocol,
    pub target: Target,
    pub store: SharedStore,
    pub color: ColorChoice,
    /// How much is explained; `None`: `brief` on a terminal, `full` in script mode.
    pub explain: Option<render::Explain>,
    pub transcript: Option<PathBuf>,
    /// Script mode prints large literals whole instead of eliding them.
    pub full: bool,
    /// TLS and timeouts for real servers.
    pub tls: tls::TlsSettings,
}

/// Whether to colour, given the choice and whether the output is a terminal.
/// `auto` honours `NO_COLOR` (any non-empty value) and non-terminals.
pub fn use_color(choice: ColorChoice, terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

/// Runs the REPL; returns the process exit code.
pub fn run(opts: Options) -> i32 {
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    // Script mode drives everything from one thread (no cross-thread wake-ups per
    // chunk of server data); interactive mode needs worker threads because the
    // main thread sits in rustyline's blocking readline().
    let rt = if interactive {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
    } else {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
    };
    let rt = match rt {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!(
                "maillab: {}",
                crate::tr!("repl.cannot_start_runtime", error = e)
            );
            return 1;
        }
    };
    let code = if interactive {
        interactive::run(&rt, opts)
    } else {
        rt.block_on(script::run(opts))
    };
    // Connection tasks may still be winding down; do not wait for them.
    rt.shutdown_background();
    code
}

/// `maillab explain`: explains one line; returns the exit code.
pub fn explain_command(
    protocol: Option<Protocol>,
    text: &str,
    color: ColorChoice,
    _forced: bool,
) -> i32 {
    use std::io::Write as _;
    let color = use_color(color, std::io::stdout().is_terminal());
    // A transcript or Python's debug output becomes C:/S: lines first; its form often
    // tells the protocol too.
    // Bidi controls copied from right-to-left output are not part of the lines.
    let text = protocol::bidi::strip_controls(text);
    let pasted = protocol::transcript::normalise(&text);
    let text = pasted.text.as_str();
    let p = protocol
        .or(pasted.protocol)
        .unwrap_or_else(|| protocol::explain::guess_protocol(text));
    // A pasted session (several lines) is followed line by line: which command each
    // reply answers, the state, literals and message bodies as one unit each.
    let explained = protocol::explain::explain_session_in(protocol::text::current(), Some(p), text);
    let mut unknown = 0;
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) ends the output quietly.
    macro_rules! println {
        ($($t:tt)*) => {
            if writeln!(stdout, "{}", protocol::bidi::display(&format!($($t)*))).is_err() {
                return 0;
            }
        };
    }
    for e in &explained {
        let exps = &e.explanations;
        // A body is shown line by line, then explained once.
        let lines: Vec<&str> = if e.body {
            e.shown.lines().collect()
        } else {
            vec![e.shown.as_str()]
        };
        for l in lines {
            let shown = match e.side {
                protocol::follow::pasted::Side::Client => render::client_line(p, l, ""),
                protocol::follow::pasted::Side::Server => {
                    render::server_line(p, l.as_bytes(), 0, "")
                }
            };
            println!("{}", if color { &shown.styled } else { &shown.plain });
        }
        let notes: Vec<render::Note> = exps
            .iter()
            .map(|e| render::Note {
                text: e.text.clone(),
                rfc: e.rfc.clone().unwrap_or_default(),
            })
            .collect();
        if notes.is_empty() {
            unknown += 1;
            println!(
                "   = {}",
                crate::tr!("repl.no_explanation_known_line", protocol = p)
            );
            continue;
        }
        let width = std::io::stdout()
            .is_terminal()
            .then(interactive::terminal_width)
            .flatten();
        for out in render::explanation_lines(&notes, "") {
            match width {
                Some(w) => {
                    // Already through the bidi layer, line by line.
                    for l in render::terminal_lines(&out, w, color) {
                        if writeln!(stdout, "{l}").is_err() {
                            return 0;
                        }
                    }
                }
                None => println!("{}", if color { &out.styled } else { &out.plain }),
            }
        }
    }
    if explained.is_empty() || unknown == explained.len() {
        1
    } else {
        0
    }
}

/// `imaps://host` → (IMAP, `imaps://host:993`): the protocol and the normalised URL
/// (ports default by scheme). Also takes `HOST:PORT` when `protocol` is given.
pub fn parse_url_with(url: &str, protocol: Option<&str>) -> Result<(Protocol, String), String> {
    let ep = tls::parse_endpoint(url, protocol, false)?;
    Ok((ep.protocol, ep.url))
}

/// `:connect URL`.
pub(crate) fn parse_url(url: &str) -> Result<(Protocol, String), String> {
    parse_url_with(url, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(
            parse_url("imap://127.0.0.1:1143"),
            Ok((Protocol::Imap, "imap://127.0.0.1:1143".into()))
        );
        assert_eq!(
            parse_url("smtp://localhost"),
            Ok((Protocol::Smtp, "smtp://localhost:25".into()))
        );
        assert_eq!(
            parse_url("pop3://[::1]"),
            Ok((Protocol::Pop3, "pop3://[::1]:110".into()))
        );
        assert_eq!(
            parse_url("imaps://x"),
            Ok((Protocol::Imap, "imaps://x:993".into()))
        );
        assert!(parse_url("imap://").is_err());
        assert!(parse_url("127.0.0.1:143").is_err());
        assert_eq!(
            parse_url_with("127.0.0.1:143", Some("imap")),
            Ok((Protocol::Imap, "imap://127.0.0.1:143".into()))
        );
    }

    #[test]
    fn color_choice() {
        assert!(use_color(ColorChoice::Always, false));
        assert!(!use_color(ColorChoice::Never, true));
        assert!(!use_color(ColorChoice::Auto, false));
    }
}
