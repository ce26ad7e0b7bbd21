//! REPL benchmark (plain harness: median of N runs, figures printed).
//!
//! 1. Start-up: the binary in script mode on the embedded IMAP server, from spawn
//!    to the greeting on stdout (the moment the first command would be read, i.e.
//!    the first prompt), and to exit after `:quit`. Target: ≤ 20 ms median.
//! 2. A 10 MB FETCH literal, in process: framing it by octet count and rendering
//!    the elided view with explanations (target ≤ 50 ms), so the whole reply is
//!    consumed at ≥ 200 MB/s; the full (`--full`) rendering is shown for comparison.
//! 3. The same 10 MB reply end to end: the binary against a loopback server that
//!    sends it, minus the same run with a 100-octet literal.
//!
//! Run with `cargo bench --bench repl_render`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use maillab::protocol::follow::Follower;
use maillab::protocol::{self, Protocol};
use maillab::repl::conn::MAX_KEPT;
use maillab::repl::render::{self, Note, View};

const LITERAL: usize = 10 * 1024 * 1024;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(name: &str, runs: Vec<Duration>) -> Duration {
    let min = runs.iter().min().copied().unwrap_or_default();
    let max = runs.iter().max().copied().unwrap_or_default();
    let n = runs.len();
    let med = median(runs);
    println!(
        "{name:<52} median {:>8.2} ms   min {:>8.2}   max {:>8.2}   (n={n})",
        ms(med),
        ms(min),
        ms(max)
    );
    med
}

fn startup(runs: usize) -> Duration {
    let exe = env!("CARGO_BIN_EXE_maillab");
    let mut to_greeting = Vec::new();
    let mut to_exit = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let mut child = Command::new(exe)
            .arg("--no-explain")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn maillab");
        let mut stdin = child.stdin.take().expect("stdin");
        let mut out = BufReader::new(child.stdout.take().expect("stdout"));
        let mut first = String::new();
        out.read_line(&mut first).expect("greeting");
        to_greeting.push(start.elapsed());
        assert!(
            first.starts_with("S: * OK"),
            "unexpected first line {first:?}"
        );
        stdin.write_all(b":quit\n").expect("quit");
        drop(stdin);
        let mut rest = Vec::new();
        let _ = out.read_to_end(&mut rest);
        let _ = child.wait();
        to_exit.push(start.elapsed());
    }
    let med = report("start-up: spawn to greeting (first prompt)", to_greeting);
    report("start-up: spawn to exit after :quit", to_exit);
    med
}

fn fetch_reply(size: usize) -> Vec<u8> {
    let mut body = Vec::with_capacity(size);
    let line =
        b"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\r\n";
    while body.len() + line.len() <= size {
        body.extend_from_slice(line);
    }
    body.resize(size, b'x');
    let mut wire = format!("* 1 FETCH (BODY[] {{{size}}}\r\n").into_bytes();
    wire.extend_from_slice(&body);
    wire.extend_from_slice(b")\r\na001 OK FETCH completed\r\n");
    wire
}

fn in_process(runs: usize, full: bool) -> Duration {
    let wire = fetch_reply(LITERAL);
    let mut times = Vec::new();
    let mut printed = 0usize;
    for _ in 0..runs {
        let start = Instant::now();
        let mut follower = Follower::new(Protocol::Imap).keep_data(MAX_KEPT);
        let mut lines = 0usize;
        for chunk in wire.chunks(64 * 1024) {
            for r in follower.server_bytes(chunk) {
                let view = View {
                    explain: true,
                    full,
                    prefix: String::new(),
                };
                let ctx = protocol::explain::Context::answering("selected", "FETCH 1 BODY[]");
                let out = render::response(
                    Protocol::Imap,
                    &r,
                    &view,
                    &mut |l| {
                        protocol::explain::explain_line(Protocol::Imap, l, &ctx)
                            .into_iter()
                            .map(|e| Note {
                                text: e.text,
                                rfc: e.rfc.unwrap_or_default(),
                            })
                            .collect()
                    },
                    &mut |n| {
                        let e = protocol::explain::explain_body(Protocol::Imap, n);
                        vec![Note {
                            text: e.text,
                            rfc: e.rfc.unwrap_or_default(),
                        }]
                    },
                );
                // Touch every line as a terminal would receive it.
                lines += out
                    .lines
                    .iter()
                    .map(|o| o.styled.len().min(1))
                    .sum::<usize>();
            }
        }
        times.push(start.elapsed());
        printed = lines;
    }
    let name = if full {
        "10 MB FETCH literal, framed + full view (--full)"
    } else {
        "10 MB FETCH literal, framed + elided view"
    };
    let med = report(name, times);
    println!(
        "{:<52} {:>8.0} MB/s   ({printed} lines rendered)",
        "  whole reply consumed at",
        wire.len() as f64 / 1e6 / med.as_secs_f64()
    );
    med
}

/// The binary against a loopback server answering FETCH with a `size`-octet literal;
/// returns the median time of the whole run.
fn end_to_end(runs: usize, size: usize, name: &str) -> Duration {
    let wire = fetch_reply(size);
    let exe = env!("CARGO_BIN_EXE_maillab");
    let mut times = Vec::new();
    for _ in 0..runs {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("addr");
        let reply = wire.clone();
        let server = std::thread::spawn(move || {
            let (mut s, _) = listener.accept().expect("accept");
            // No Nagle delay on the bench server's small writes.
            let _ = s.set_nodelay(true);
            s.write_all(b"* OK bench server ready\r\n").expect("greet");
            let mut r = BufReader::new(s.try_clone().expect("clone"));
            let mut l = String::new();
            let _ = r.read_line(&mut l);
            s.write_all(&reply).expect("reply");
            let mut l = String::new();
            let _ = r.read_line(&mut l);
        });
        let start = Instant::now();
        let mut child = Command::new(exe)
            .args(["--no-explain", "connect", &format!("imap://{addr}")])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(b"FETCH 1 BODY[]\n:quit\n").expect("write");
        drop(stdin);
        let mut out = Vec::new();
        child
            .stdout
            .take()
            .expect("stdout")
            .read_to_end(&mut out)
            .expect("read");
        let _ = child.wait();
        times.push(start.elapsed());
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains("S: a001 OK FETCH completed"), "{text}");
        let _ = server.join();
    }
    report(name, times)
}

fn main() {
    // `cargo bench` passes --bench; nothing to parse.
    println!("maillab REPL benchmark (median of N runs)");
    startup(31);
    in_process(11, false);
    in_process(5, true);
    let small = end_to_end(11, 100, "FETCH of 100 octets end to end (baseline run)");
    let big = end_to_end(
        11,
        LITERAL,
        "10 MB FETCH end to end via loopback (whole run)",
    );
    let extra = big.saturating_sub(small);
    println!(
        "{:<52} {:>8.2} ms   {:>8.0} MB/s",
        "  10 MB minus the baseline run",
        ms(extra),
        LITERAL as f64 / 1e6 / extra.as_secs_f64().max(1e-9)
    );
}
