//! `:auth xoauth2` and `:auth oauthbearer` against scripted servers on loopback: the
//! server checks the exact bytes it receives (the token message decoded), the REPL
//! shows each client line with the token masked, and the token never reaches stdout.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

mod common;

const TOKEN: &str = "ya29.SecretAccessTokenForTests";

fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn unb64(text: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .unwrap_or_default()
}

/// A scripted server; what it received is sent back through the channel.
fn fake_server(
    script: impl FnOnce(&mut BufReader<TcpStream>, &mut TcpStream) -> Vec<String> + Send + 'static,
) -> (u16, mpsc::Receiver<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let Ok((stream, _)) = listener.accept() else {
            return;
        };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(20)));
        let mut w = stream.try_clone().unwrap();
        let mut r = BufReader::new(stream);
        let _ = tx.send(script(&mut r, &mut w));
    });
    (port, rx)
}

fn line(r: &mut BufReader<TcpStream>) -> String {
    let mut l = String::new();
    let _ = r.read_line(&mut l);
    l.trim_end().to_string()
}

fn send(w: &mut TcpStream, s: &str) {
    let _ = w.write_all(s.as_bytes());
}

/// Runs maillab in script mode; killed after 30 s.
fn maillab(args: &[&str], input: &str) -> String {
    let out = common::bin::launch(args)
        .stdin(input)
        .timeout(Duration::from_secs(30))
        .output();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn smtp_xoauth2_sends_the_token_message_masked_on_screen() {
    let (port, rx) = fake_server(|r, w| {
        send(w, "220 mx.test ESMTP\r\n");
        let ehlo = line(r);
        send(w, "250-mx.test\r\n250 AUTH PLAIN XOAUTH2\r\n");
        let auth = line(r);
        send(w, "235 2.7.0 Accepted\r\n");
        let quit = line(r);
        send(w, "221 bye\r\n");
        vec![ehlo, auth, quit]
    });
    let url = format!("smtp://127.0.0.1:{port}");
    let out = maillab(
        &["connect", &url],
        &format!("EHLO me\n:auth xoauth2 alex@example.com {TOKEN}\nQUIT\n"),
    );
    let got = rx.recv_timeout(Duration::from_secs(30)).unwrap();
    let auth = got[1].strip_prefix("AUTH XOAUTH2 ").expect(&got[1]);
    assert_eq!(
        unb64(auth),
        format!("user=alex@example.com\x01auth=Bearer {TOKEN}\x01\x01").into_bytes()
    );
    assert!(!out.contains(TOKEN), "token leaked:\n{out}");
    assert!(!out.contains(auth), "encoded token leaked:\n{out}");
    assert!(
        out.contains("user=alex@example.com^Aauth=Bearer ****^A^A"),
        "{out}"
    );
    assert!(out.contains("C: AUTH XOAUTH2 ****"), "{out}");
}

#[test]
fn imap_oauthbearer_names_host_and_port_and_acknowledges_an_error() {
    let (port, rx) = fake_server(|r, w| {
        send(w, "* OK IMAP4rev1 ready\r\n");
        let cmd = line(r);
        let tag = cmd.split(' ').next().unwrap_or("").to_string();
        send(w, "+ \r\n");
        let msg = line(r);
        // RFC 7628 §3.2.2: the error comes as base64 JSON in a continuation.
        send(
            w,
            &format!(
                "+ {}\r\n",
                b64(br#"{"status":"invalid_token","scope":"mail"}"#)
            ),
        );
        let ack = line(r);
        send(
            w,
            &format!("{tag} NO [AUTHENTICATIONFAILED] token expired\r\n"),
        );
        vec![cmd, msg, ack]
    });
    let url = format!("imap://127.0.0.1:{port}");
    let out = maillab(
        &["connect", &url],
        &format!(":auth oauthbearer alex@example.com {TOKEN}\n"),
    );
    let got = rx.recv_timeout(Duration::from_secs(30)).unwrap();
    assert!(got[0].ends_with("AUTHENTICATE OAUTHBEARER"), "{got:?}");
    assert_eq!(
        unb64(&got[1]),
        format!(
            "n,a=alex@example.com,\x01host=127.0.0.1\x01port={port}\x01auth=Bearer {TOKEN}\x01\x01"
        )
        .into_bytes()
    );
    assert_eq!(unb64(&got[2]), b"\x01", "the error is acknowledged with ^A");
    assert!(!out.contains(TOKEN), "token leaked:\n{out}");
    assert!(
        out.contains("invalid_token"),
        "the decoded error is shown:\n{out}"
    );
    assert!(out.contains("AUTHENTICATIONFAILED"), "{out}");
}
