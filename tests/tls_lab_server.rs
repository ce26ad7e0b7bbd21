//! The lab server's TLS endpoints seen from a client that verifies them against the
//! CA written by `--ca-out`: implicit TLS, STARTTLS / STLS upgrades, and the defence
//! against plaintext pipelined behind STARTTLS (CVE-2011-0411).

use std::path::Path;
use std::time::{Duration, Instant};

use maillab::transport::tls::{self, ClientTlsOptions};
use maillab::transport::AsyncStream;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

mod common;
use common::bin::{Lab, LISTENERS};

/// `maillab serve --quiet` with every listener on a free port.
fn start() -> Lab {
    Lab::start_with(&LISTENERS, &["--quiet"])
}

fn trust(ca: &Path) -> ClientTlsOptions {
    let mut o = ClientTlsOptions::default();
    o.add_ca_file(ca).unwrap();
    o
}

async fn tcp(addr: &str) -> Box<dyn AsyncStream> {
    Box::new(tokio::net::TcpStream::connect(addr).await.unwrap())
}

/// Reads until `want` has been seen (bounded by time); returns everything read.
async fn read_until(s: &mut Box<dyn AsyncStream>, want: &str) -> String {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    let deadline = Instant::now() + Duration::from_secs(10);
    while !String::from_utf8_lossy(&got).contains(want) {
        let left = deadline.saturating_duration_since(Instant::now());
        let n = tokio::time::timeout(left, s.read(&mut buf))
            .await
            .unwrap_or_else(|_| {
                panic!(
                    "waited for {want:?}, got {:?}",
                    String::from_utf8_lossy(&got)
                )
            })
            .unwrap();
        assert!(
            n > 0,
            "closed while waiting for {want:?}; got {:?}",
            String::from_utf8_lossy(&got)
        );
        got.extend_from_slice(&buf[..n]);
    }
    String::from_utf8_lossy(&got).into_owned()
}

async fn send(s: &mut Box<dyn AsyncStream>, line: &str) {
    s.write_all(line.as_bytes()).await.unwrap();
    s.flush().await.unwrap();
}

#[tokio::test]
async fn implicit_tls_endpoints_verify_by_name_and_by_address() {
    let srv = start();
    for (name, greeting) in [("imaps", "* OK"), ("pop3s", "+OK"), ("smtps", "220 ")] {
        let addr = &srv.ports[name];
        for host in ["localhost", "127.0.0.1"] {
            let (mut s, summary) = tls::connect(tcp(addr).await, host, &trust(&srv.ca))
                .await
                .unwrap_or_else(|e| panic!("{name} as {host}: {e}"));
            assert!(summary.verified, "{name} {host}");
            let g = read_until(&mut s, "\r\n").await;
            assert!(g.starts_with(greeting), "{name}: {g}");
        }
    }
}

#[tokio::test]
async fn imap_starttls_drops_pipelined_plaintext() {
    let srv = start();
    let mut s = tcp(&srv.ports["imap"]).await;
    let g = read_until(&mut s, "\r\n").await;
    assert!(g.contains("STARTTLS"), "STARTTLS must be advertised: {g}");
    // The attacker's injection: a command in the same packet as STARTTLS.
    send(&mut s, "a STARTTLS\r\nb NOOP\r\n").await;
    read_until(&mut s, "a OK").await;
    let (mut s, _) = tls::connect(s, "localhost", &trust(&srv.ca)).await.unwrap();
    send(&mut s, "c CAPABILITY\r\n").await;
    let after = read_until(&mut s, "c OK").await;
    assert!(
        !after.contains("b OK") && !after.contains("b NO"),
        "pipelined NOOP was run: {after}"
    );
    assert!(
        !after.contains("STARTTLS"),
        "STARTTLS is not offered twice: {after}"
    );
    send(&mut s, "d LOGIN alex drums\r\n").await;
    read_until(&mut s, "d OK").await;
}

#[tokio::test]
async fn smtp_starttls_drops_pipelined_plaintext_and_forgets_ehlo() {
    let srv = start();
    let mut s = tcp(&srv.ports["smtp"]).await;
    read_until(&mut s, "220 ").await;
    send(&mut s, "EHLO client.test\r\n").await;
    let ehlo = read_until(&mut s, "250 ").await;
    assert!(ehlo.contains("STARTTLS"), "{ehlo}");
    send(&mut s, "STARTTLS\r\nNOOP\r\n").await;
    read_until(&mut s, "220 ").await;
    let (mut s, _) = tls::connect(s, "127.0.0.1", &trust(&srv.ca)).await.unwrap();
    // RFC 3207 §4.2: the session starts over; MAIL before a new EHLO is refused.
    send(&mut s, "MAIL FROM:<alex@maillab.test>\r\n").await;
    let r = read_until(&mut s, "\r\n").await;
    assert!(
        r.starts_with("503"),
        "the pipelined NOOP's reply or a session that did not reset: {r}"
    );
}

#[tokio::test]
async fn pop3_stls_upgrades() {
    let srv = start();
    let mut s = tcp(&srv.ports["pop3"]).await;
    read_until(&mut s, "+OK").await;
    send(&mut s, "CAPA\r\n").await;
    let capa = read_until(&mut s, "\r\n.\r\n").await;
    assert!(capa.contains("STLS"), "{capa}");
    send(&mut s, "STLS\r\nNOOP\r\n").await;
    read_until(&mut s, "+OK").await;
    let (mut s, _) = tls::connect(s, "localhost", &trust(&srv.ca)).await.unwrap();
    send(&mut s, "USER alex\r\n").await;
    let r = read_until(&mut s, "\r\n").await;
    assert!(
        r.starts_with("+OK"),
        "first reply after STLS must answer USER: {r}"
    );
    send(&mut s, "PASS drums\r\n").await;
    read_until(&mut s, "+OK").await;
}

#[tokio::test]
async fn a_client_without_the_ca_is_told_the_issuer_is_unknown() {
    let srv = start();
    let err = match tls::connect(
        tcp(&srv.ports["imaps"]).await,
        "localhost",
        &ClientTlsOptions::default(),
    )
    .await
    {
        Ok(_) => panic!("the lab CA is not a system root; verification must fail"),
        Err(e) => e,
    };
    assert_eq!(err.problem, Some(tls::CertProblem::UnknownIssuer), "{err}");
}
