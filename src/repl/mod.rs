//! The REPL: interactive (rustyline) and script mode (stdin not a terminal), on the
//! embedded server or a real one.

use std::path::PathBuf;

use crate::protocol::Protocol;
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
    /// A real server: `HOST:PORT` (plain TCP).
    Remote(String),
}

/// Everything the REPL needs from the command line.
#[derive(Clone)]
pub struct Options {
    pub protocol: Protocol,
    pub target: Target,
    pub store: SharedStore,
    pub color: ColorChoice,
    pub explain: bool,
    pub transcript: Option<PathBuf>,
    /// Script mode prints large literals whole instead of eliding them.
    pub full: bool,
}

/// Runs the REPL; returns the process exit code.
pub fn run(opts: Options) -> i32 {
    let _ = opts;
    eprintln!("the REPL is not built yet");
    2
}

/// `maillab explain`: explains one line; returns the exit code.
pub fn explain_command(
    protocol: Option<Protocol>,
    text: &str,
    color: ColorChoice,
    _forced: bool,
) -> i32 {
    let _ = (protocol, text, color);
    eprintln!("explanations are not built yet");
    2
}
