//! Feeds arbitrary text to the client-side protocol knowledge: reply splitting,
//! explanations (with arbitrary state and command), pasted-session explanations,
//! protocol guessing and highlighting. Any panic is a bug, and highlighting must
//! never change the visible text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use maillab::protocol::explain::{explain_line, explain_text, guess_protocol, Context};
use maillab::protocol::{highlight, parse_command_line, reply, states, Protocol};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    // The first line is the answered command, the rest are server lines.
    let (command, lines) = match text.split_once('\n') {
        Some((c, l)) => (Some(c.to_string()), l),
        None => (None, text.as_ref()),
    };
    let p = Protocol::ALL[usize::from(selector) % 3];
    let state_names = states(p);
    let ctx = Context {
        state: state_names[usize::from(selector >> 2) % state_names.len()].to_string(),
        command,
        tls: selector & 0x80 != 0,
        ..Default::default()
    };
    for line in lines.lines() {
        let _ = explain_line(p, line, &ctx);
        let _ = reply::imap(line);
        let _ = reply::smtp(line);
        let _ = reply::pop3(line);
        let _ = parse_command_line(p, line);
        let _ = guess_protocol(line);
        let server = highlight::server_line(p, line);
        let client = highlight::client_line(p, line);
        // Lines holding escape sequences of their own are shown escaped by the REPL
        // before highlighting; for the rest, only colour codes may be added.
        if !line.contains('\u{1b}') {
            assert_eq!(highlight::strip_ansi(&server), line);
            assert_eq!(highlight::strip_ansi(&client), line);
        }
    }
    let guessed = if selector & 0x40 != 0 { None } else { Some(p) };
    let _ = explain_text(guessed, lines);
});
