//! One set of sessions, followed three ways, must agree at every line:
//!
//! 1. the REPL in script mode (the binary, on its embedded server), asked for its
//!    state with `:sessions` after every line;
//! 2. `maillab explain` of the REPL's transcript pasted without `C:`/`S:` prefixes:
//!    it must give every line the side the REPL printed, and the protocol follower
//!    walking the same pasted text must reach the same states;
//! 3. the embedded server itself, fed the same client lines through the `Session`
//!    trait (`Session::state`).
//!
//! The sessions are the course notes' (LOGIN alex drums, SELECT newbox, STORE,
//! EXPUNGE, STATUS, SEARCH), each protocol's error paths, STARTTLS and AUTH, IDLE,
//! an APPEND literal and POP3's multi-line answers.

mod common;

use std::sync::Arc;

use maillab::protocol::follow::pasted::{Pasted, Side};
use maillab::protocol::follow::{Expect, ImapState, Pop3State, SmtpState, State};
use maillab::protocol::text;
use maillab::protocol::Protocol;
use maillab::server::{new_session, ServerConfig};

struct Case {
    name: &'static str,
    protocol: Protocol,
    /// What a learner types, one line each (IMAP lines tagged, so the wire is the same).
    lines: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        name: "course notes: STORE, STATUS and EXPUNGE in newbox",
        protocol: Protocol::Imap,
        lines: &[
            "a1 LOGIN alex drums",
            "a2 SELECT newbox",
            "a3 STORE 1 +FLAGS \\Deleted",
            "a4 STORE 2 +FLAGS \\Deleted",
            "a5 STATUS newbox (MESSAGES UNSEEN)",
            "a6 EXPUNGE",
            "a7 STATUS newbox (MESSAGES UNSEEN)",
            "a8 LOGOUT",
        ],
    },
    Case {
        name: "course notes: SEARCH in INBOX",
        protocol: Protocol::Imap,
        lines: &[
            "a1 LOGIN alex drums",
            "a2 SELECT INBOX",
            "a3 SEARCH HEADER SUBJECT test",
            "a4 SEARCH HEADER SUBJECT another",
            "a5 SEARCH UNSEEN",
            "a6 LOGOUT",
        ],
    },
    Case {
        name: "IMAP error paths",
        protocol: Protocol::Imap,
        lines: &[
            "a1 SELECT INBOX",
            "a2 LOGIN alex wrong",
            "a3 LOGIN alex drums",
            "a4 SELECT",
            "a5 SELECT INBOX",
            "a6 SELECT",
            "a7 FETCH 1 BODDY[]",
            "a8 FROB",
            "a9 SELECT nosuch",
            "a10 EXAMINE INBOX",
            "a11 STORE 1 +FLAGS \\Seen",
            "a12 CLOSE",
            "a13 FETCH 1 FLAGS",
            "a14 LOGOUT",
        ],
    },
    Case {
        name: "IMAP AUTHENTICATE, IDLE and an APPEND literal",
        protocol: Protocol::Imap,
        lines: &[
            "a1 AUTHENTICATE PLAIN",
            "AGFsZXgAZHJ1bXM=",
            "a2 SELECT INBOX",
            "a3 IDLE",
            "DONE",
            "a4 APPEND INBOX {26}",
            "Subject: hello",
            "",
            "hi there",
            "",
            "a5 STATUS INBOX (MESSAGES)",
            "a6 LOGOUT",
        ],
    },
    Case {
        name: "IMAP STARTTLS",
        protocol: Protocol::Imap,
        lines: &[
            "a1 STARTTLS",
            "a2 LOGIN alex drums",
            "a3 SELECT INBOX",
            "a4 LOGOUT",
        ],
    },
    Case {
        name: "SMTP STARTTLS, AUTH and a message",
        protocol: Protocol::Smtp,
        lines: &[
            "EHLO client.example",
            "STARTTLS",
            "MAIL FROM:<alex@maillab.test>",
            "EHLO client.example",
            "AUTH PLAIN AGFsZXgAZHJ1bXM=",
            "MAIL FROM:<alex@maillab.test>",
            "RCPT TO:<riley@maillab.test>",
            "DATA",
            "Subject: hi",
            "",
            ".hidden dot",
            ".",
            "RSET",
            "QUIT",
        ],
    },
    Case {
        name: "SMTP error paths",
        protocol: Protocol::Smtp,
        lines: &[
            "RSET",
            "MAIL FROM:<a@b.example>",
            "EHLO client.example",
            "RCPT TO:<riley@maillab.test>",
            "MAIL FROM:<a@b.example>",
            "RCPT TO:<nobody@maillab.test>",
            "DATA",
            "FROB",
            "AUTH LOGIN",
            "YWxleA==",
            "d3Jvbmc=",
            "QUIT",
        ],
    },
    Case {
        name: "POP3 multi-line answers",
        protocol: Protocol::Pop3,
        lines: &[
            "CAPA",
            "USER alex",
            "PASS drums",
            "STAT",
            "LIST",
            "LIST 1",
            "RETR 1",
            "TOP 1 0",
            "UIDL",
            "DELE 1",
            "RSET",
            "QUIT",
        ],
    },
    Case {
        name: "POP3 error paths, STLS and AUTH",
        protocol: Protocol::Pop3,
        lines: &[
            "PASS drums",
            "STAT",
            "USER alex",
            "PASS wrong",
            "STLS",
            "AUTH PLAIN AGFsZXgAZHJ1bXM=",
            "RETR 99",
            "FROB",
            "QUIT",
        ],
    },
];

/// The state after each line, as the embedded server's `Session::state` says.
fn server_states(case: &Case) -> Vec<State> {
    let store = Arc::new(maillab::store::fixture::default_store());
    // As in the REPL's embedded server: STARTTLS / STLS are offered.
    let config = ServerConfig {
        tls_available: true,
        ..ServerConfig::default()
    };
    let mut s = new_session(case.protocol, store, config);
    s.greeting();
    let mut out = Vec::new();
    for line in case.lines {
        let o = s.receive(format!("{line}\r\n").as_bytes());
        if o.start_tls {
            // The handshake is the driver's; the session only hears that it finished.
            s.tls_started();
        }
        out.push(s.state());
    }
    out
}

/// A state's words on the REPL's prompt, back to the state.
fn state_of_words(p: Protocol, words: &str) -> Option<State> {
    let words = words.strip_suffix(", authenticated").unwrap_or(words);
    let all: Vec<State> = match p {
        Protocol::Imap => [
            ImapState::NotAuthenticated,
            ImapState::Authenticated,
            ImapState::Selected,
            ImapState::Logout,
        ]
        .map(State::Imap)
        .to_vec(),
        Protocol::Smtp => [
            SmtpState::Connected,
            SmtpState::Greeted,
            SmtpState::Mail,
            SmtpState::Rcpt,
            SmtpState::Data,
            SmtpState::Closed,
        ]
        .map(State::Smtp)
        .to_vec(),
        Protocol::Pop3 => [
            Pop3State::Authorization,
            Pop3State::Transaction,
            Pop3State::Update,
        ]
        .map(State::Pop3)
        .to_vec(),
    };
    let en = text::english();
    all.into_iter().find(|s| {
        let shown = en
            .text(&s.text_id(), &[("mailbox", "")])
            .unwrap_or_default();
        let shown = shown.trim_end();
        words == shown || words.starts_with(&format!("{shown} "))
    })
}

/// What the REPL printed: its `C:`/`S:` lines, and the state words `:sessions`
/// gave after each input line (`None` once the connection is closed).
struct ReplRun {
    wire: Vec<(Side, String)>,
    states: Vec<Option<State>>,
}

fn repl_run(case: &Case, data_dir: &std::path::Path) -> ReplRun {
    let mut input = String::new();
    for l in case.lines {
        input.push_str(l);
        input.push_str("\n:sessions\n");
    }
    let out = common::bin::maillab(
        &[case.protocol.name(), "--no-explain", "--color", "never"],
        &input,
        data_dir,
    );
    let (stdout, stderr) = common::bin::text(&out);
    assert!(out.status.success(), "{}: {stderr}\n{stdout}", case.name);
    let mut wire = Vec::new();
    let mut states = Vec::new();
    let mut lines = stdout.lines();
    while let Some(l) = lines.next() {
        if let Some(c) = l.strip_prefix("C: ") {
            wire.push((Side::Client, c.to_string()));
        } else if l == "C:" {
            wire.push((Side::Client, String::new()));
        } else if let Some(s) = l.strip_prefix("S: ") {
            wire.push((Side::Server, s.to_string()));
        } else if l == "M: :sessions" {
            let row = lines.next().unwrap_or_default();
            let words = row
                .split_once("the embedded server")
                .map(|(_, w)| w.trim())
                .unwrap_or_else(|| panic!("{}: no state in {row:?}", case.name));
            let state = if words == "closed" {
                None
            } else {
                Some(
                    state_of_words(case.protocol, words)
                        .unwrap_or_else(|| panic!("{}: unknown state words {words:?}", case.name)),
                )
            };
            states.push(state);
        }
    }
    assert_eq!(
        states.len(),
        case.lines.len(),
        "{}: one :sessions answer per line\n{stdout}",
        case.name
    );
    ReplRun { wire, states }
}

/// The pasted transcript (no prefixes) walked by the follower: the state after each
/// client line's answers, i.e. just before the next client line.
fn pasted_states(p: Protocol, text: &str) -> Vec<State> {
    let mut pasted = Pasted::new(p);
    let mut states = Vec::new();
    let mut seen_client = false;
    for l in text.lines() {
        let (side, _) = pasted.side_of(l);
        if side == Side::Client && seen_client {
            states.push(pasted.follower().state());
        }
        // A line that ends a literal also carries the rest of the command: on the
        // wire they are one line, typed as two.
        if let Expect::Literal { left, .. } = pasted.follower().expect() {
            if side == Side::Client && *left <= l.len() as u64 {
                states.push(pasted.follower().state());
            }
        }
        seen_client |= side == Side::Client;
        pasted.line(l);
    }
    states.push(pasted.follower().state());
    states
}

/// The `C:`/`S:` lines `maillab explain` printed for a pasted transcript.
fn explain_wire(p: Protocol, text: &str, data_dir: &std::path::Path) -> Vec<(Side, String)> {
    let out = common::bin::maillab(
        &["explain", "--protocol", p.name(), "--color", "never", text],
        "",
        data_dir,
    );
    let (stdout, _) = common::bin::text(&out);
    stdout
        .lines()
        .filter_map(|l| {
            if let Some(c) = l.strip_prefix("C: ") {
                Some((Side::Client, c.to_string()))
            } else if l == "C:" {
                Some((Side::Client, String::new()))
            } else {
                l.strip_prefix("S: ").map(|s| (Side::Server, s.to_string()))
            }
        })
        .collect()
}

#[test]
fn repl_explain_and_servers_agree_at_every_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut failures = Vec::new();
    for case in CASES {
        let p = case.protocol;
        let server = server_states(case);
        let repl = repl_run(case, dir.path());
        let pasted: String = repl.wire.iter().map(|(_, l)| format!("{l}\n")).collect();
        let explained = explain_wire(p, &pasted, dir.path());
        let wire: Vec<&(Side, String)> = repl.wire.iter().collect();
        if explained.iter().collect::<Vec<_>>() != wire {
            failures.push(format!(
                "{}: explain's sides differ from the REPL's\nREPL:    {:?}\nexplain: {:?}",
                case.name, repl.wire, explained
            ));
        }
        let walked = pasted_states(p, &pasted);
        for (i, line) in case.lines.iter().enumerate() {
            let s = server[i];
            if let Some(r) = repl.states[i] {
                if r != s {
                    failures.push(format!(
                        "{}: after {line:?} the REPL says {} but the server {}",
                        case.name,
                        r.id(),
                        s.id()
                    ));
                }
            }
            match walked.get(i) {
                Some(w) if *w == s => {}
                Some(w) => failures.push(format!(
                    "{}: after {line:?} explain's follower says {} but the server {}",
                    case.name,
                    w.id(),
                    s.id()
                )),
                None => failures.push(format!(
                    "{}: explain's follower saw fewer client lines than were typed",
                    case.name
                )),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Pipelined commands (RFC 2920 for SMTP; IMAP allows it always; POP3 with
/// PIPELINING, RFC 2449): sent to the server in one write, answered in order. The
/// REPL waits for each reply, so here the server's own transcript is pasted into
/// `maillab explain` and walked by the follower: same sides, same final state.
#[test]
fn pipelined_sessions_agree_with_the_server() {
    let cases: [(Protocol, &[&str], &[&str]); 3] = [
        (
            Protocol::Smtp,
            &["EHLO client.example"],
            &[
                "MAIL FROM:<alex@maillab.test>",
                "RCPT TO:<riley@maillab.test>",
                "RCPT TO:<nobody@maillab.test>",
                "DATA",
            ],
        ),
        (
            Protocol::Imap,
            &["a1 LOGIN alex drums"],
            &[
                "a2 SELECT INBOX",
                "a3 FETCH 1:* FLAGS",
                "a4 SEARCH UNSEEN",
                "a5 CLOSE",
            ],
        ),
        (
            Protocol::Pop3,
            &["USER alex", "PASS drums"],
            &["STAT", "LIST", "UIDL", "RETR 1", "QUIT"],
        ),
    ];
    let dir = tempfile::tempdir().expect("temp dir");
    for (p, first, piped) in cases {
        let store = Arc::new(maillab::store::fixture::default_store());
        let mut s = new_session(p, store, ServerConfig::default());
        let mut transcript = String::new();
        let add = |bytes: &[u8], t: &mut String| {
            for l in String::from_utf8_lossy(bytes).split_terminator("\r\n") {
                t.push_str(l);
                t.push('\n');
            }
        };
        add(&s.greeting().bytes, &mut transcript);
        for l in first {
            add(format!("{l}\r\n").as_bytes(), &mut transcript);
            add(
                &s.receive(format!("{l}\r\n").as_bytes()).bytes,
                &mut transcript,
            );
        }
        let batch: String = piped.iter().map(|l| format!("{l}\r\n")).collect();
        add(batch.as_bytes(), &mut transcript);
        let mut out = s.receive(batch.as_bytes()).bytes;
        // Back-pressure: a session may stop after a budget and go on when asked.
        for _ in 0..100 {
            if !s.has_pending_input() {
                break;
            }
            out.extend(s.receive(b"").bytes);
        }
        add(&out, &mut transcript);

        let mut pasted = Pasted::new(p);
        let mut sides = Vec::new();
        for l in transcript.lines() {
            sides.push((pasted.line(l).0.side, l.to_string()));
        }
        assert_eq!(
            pasted.follower().state(),
            s.state(),
            "{p}: the follower and the server disagree after\n{transcript}"
        );
        // Only a DATA accepted with 354 is still open (its body comes next).
        let open = pasted.follower().state() == State::Smtp(SmtpState::Data);
        assert_eq!(
            pasted.follower().waiting(),
            open,
            "{p}: awaiting answers\n{transcript}"
        );
        let client: Vec<&str> = sides
            .iter()
            .filter(|(side, _)| *side == Side::Client)
            .map(|(_, l)| l.as_str())
            .collect();
        let typed: Vec<&str> = first.iter().chain(piped.iter()).copied().collect();
        assert_eq!(client, typed, "{p}: sides\n{transcript}");
        let explained = explain_wire(p, &transcript, dir.path());
        let ours: Vec<(Side, String)> = sides
            .into_iter()
            .map(|(side, l)| {
                let shown = if side == Side::Client {
                    maillab::protocol::follow::ClientLine::parse(p, &l).masked()
                } else {
                    l
                };
                (side, shown)
            })
            .collect();
        assert_eq!(explained, ours, "{p}: maillab explain's sides");
    }
}
