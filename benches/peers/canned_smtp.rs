//! A trivial SMTP responder for the ingest benchmark: canned replies, stores
//! nothing. It is the loopback ceiling the other servers are compared with.
//!
//! Built outside Cargo (std only): `rustc -O --edition 2021 canned_smtp.rs`.
//! Usage: `canned_smtp PORT` (listens on 127.0.0.1 only; one thread per
//! connection; runs until killed).

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};

/// The end-of-data marker, matched across reads; starts as if a CRLF was seen.
const EOD: &[u8] = b"\r\n.\r\n";

fn serve(mut sock: TcpStream) -> std::io::Result<()> {
    sock.set_nodelay(true)?;
    sock.write_all(b"220 canned.example ESMTP canned responder\r\n")?;
    let mut buf = vec![0u8; 64 * 1024];
    let mut line: Vec<u8> = Vec::with_capacity(512);
    let mut in_data = false;
    let mut matched = 0usize;
    let mut out: Vec<u8> = Vec::with_capacity(512);
    loop {
        let n = sock.read(&mut buf)?;
        if n == 0 {
            return Ok(());
        }
        let mut close = false;
        for &b in &buf[..n] {
            if in_data {
                // Advance the "\r\n.\r\n" matcher.
                matched = if b == EOD[matched] {
                    matched + 1
                } else if b == b'\r' {
                    1
                } else {
                    0
                };
                if matched == EOD.len() {
                    in_data = false;
                    matched = 0;
                    out.extend_from_slice(b"250 2.0.0 Ok: queued nowhere\r\n");
                }
                continue;
            }
            if line.len() < 4096 {
                line.push(b);
            }
            if b != b'\n' {
                continue;
            }
            let verb: Vec<u8> = line
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .map(|c| c.to_ascii_uppercase())
                .collect();
            match verb.as_slice() {
                b"EHLO" => out.extend_from_slice(
                    b"250-canned.example\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 104857600\r\n",
                ),
                b"DATA" => {
                    out.extend_from_slice(b"354 End data with <CR><LF>.<CR><LF>\r\n");
                    in_data = true;
                    matched = 2;
                }
                b"QUIT" => {
                    out.extend_from_slice(b"221 2.0.0 Bye\r\n");
                    close = true;
                }
                _ => out.extend_from_slice(b"250 2.0.0 Ok\r\n"),
            }
            line.clear();
            if close {
                break;
            }
        }
        if !out.is_empty() {
            sock.write_all(&out)?;
            out.clear();
        }
        if close {
            return Ok(());
        }
    }
}

fn main() {
    let port: u16 = match std::env::args().nth(1).and_then(|p| p.parse().ok()) {
        Some(p) => p,
        None => {
            eprintln!("usage: canned_smtp PORT");
            std::process::exit(2);
        }
    };
    let listener = match TcpListener::bind(("127.0.0.1", port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("canned_smtp: cannot listen on 127.0.0.1:{port}: {e}");
            std::process::exit(1);
        }
    };
    for sock in listener.incoming().flatten() {
        std::thread::spawn(move || {
            let _ = serve(sock);
        });
    }
}
