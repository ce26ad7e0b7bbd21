//! A whole SMTP session replayed in chunks of 1 to 512 bytes gives byte-identical
//! replies and stores byte-identical messages: the session never depends on how the
//! network cut the stream.

use std::sync::Arc;

use chrono::DateTime;
use maillab::protocol::sasl;
use maillab::server::smtp::SmtpSession;
use maillab::server::{ServerConfig, Session};
use maillab::store::Store;

fn script() -> Vec<u8> {
    let mut s = Vec::new();
    s.extend_from_slice(b"EHLO client.example\r\nNOOP\n");
    s.extend_from_slice(
        format!("AUTH PLAIN {}\r\n", sasl::plain_encode("", "alex", "drums")).as_bytes(),
    );
    s.extend_from_slice(b"AUTH LOGIN\r\n");
    s.extend_from_slice(b"MAIL FROM:<alex@maillab.test> SIZE=300 BODY=8BITMIME\r\n");
    s.extend_from_slice(b"RCPT TO:<riley@maillab.test>\r\nRCPT TO:<nobody@maillab.test>\r\n");
    s.extend_from_slice(b"RCPT TO:<prof@uni.example>\r\nDATA\r\n");
    s.extend_from_slice(b"Subject: dots\r\n\r\n..leading dot\r\n.\n\r\nbare\nlf\r\n..\r\n");
    s.extend_from_slice("\u{645}\u{631}\u{62d}\u{628}\u{627}\r\n".as_bytes());
    s.extend_from_slice(b".\r\n");
    s.extend_from_slice(format!("NOOP {}\r\n", "x".repeat(700)).as_bytes());
    s.extend_from_slice(b"NO\0OP\r\nRSET\r\n");
    s.extend_from_slice(b"MAIL FROM:<> \r\nRCPT TO:<alex@localhost>\r\n");
    s.extend_from_slice(b"BDAT 16\r\nSubject: chunk\r\n");
    s.extend_from_slice(b"BDAT 19 LAST\r\n\r\n.not stuffed\r\n.\r\n");
    s.extend_from_slice(
        b"MAIL FROM:<alex@maillab.test>\r\nRCPT TO:<alex@maillab.test>\r\nDATA\r\n",
    );
    s.extend_from_slice(format!("{}\r\n.\r\n", "L".repeat(1500)).as_bytes());
    s.extend_from_slice(b"HELP\r\nHELP RCPT\r\nVRFY riley\r\nQUIT\r\nNOOP\r\n");
    s
}

/// Runs the script in `chunk`-byte pieces; returns all replies and every stored message.
fn replay(script: &[u8], chunk: usize) -> (Vec<u8>, Vec<Vec<u8>>) {
    let st = Store::new();
    st.add_user("alex", "drums");
    st.add_user("riley", "firefly");
    let st = Arc::new(st);
    let t = DateTime::parse_from_rfc2822("Sun, 22 Nov 2026 10:00:00 +0000").unwrap();
    let mut s = SmtpSession::new(st.clone(), ServerConfig::default()).with_time(t);
    let mut replies = s.greeting().bytes;
    for piece in script.chunks(chunk) {
        // The driver stops reading once the session asks to close.
        let out = s.receive(piece);
        replies.extend_from_slice(&out.bytes);
        if out.close {
            break;
        }
    }
    let stored = st.read(|i| {
        let mut all: Vec<Vec<u8>> = i
            .users
            .values()
            .flat_map(|u| u.mailboxes.values())
            .flat_map(|m| m.messages.iter().map(|msg| msg.raw.to_vec()))
            .collect();
        all.extend(i.relayed.iter().map(|r| r.raw.to_vec()));
        all
    });
    (replies, stored)
}

#[test]
fn every_chunk_size_gives_identical_replies_and_messages() {
    let script = script();
    let (whole, stored) = replay(&script, script.len());
    let text = String::from_utf8_lossy(&whole);
    // The reference run itself did what the script means.
    assert_eq!(
        stored.len(),
        3,
        "alex via BDAT, riley, the relayed copy; the long-line message refused:\n{text}"
    );
    assert!(text.contains("354 Send the message"), "{text}");
    assert!(
        text.contains("550 5.6.0 Line 1 of the message is longer"),
        "{text}"
    );
    assert!(text.contains("500 5.5.2 Line too long"), "{text}");
    assert!(
        text.ends_with("221 2.0.0 maillab.test closing connection, goodbye\r\n"),
        "{text}"
    );
    let riley = String::from_utf8_lossy(&stored[1]);
    assert!(riley.ends_with("Subject: dots\r\n\r\n.leading dot\r\n\r\n\r\nbare\r\nlf\r\n.\r\n\u{645}\u{631}\u{62d}\u{628}\u{627}\r\n"), "{riley:?}");
    for chunk in 1..=512 {
        let (replies, msgs) = replay(&script, chunk);
        assert!(
            replies == whole,
            "chunk size {chunk}:\n{}",
            String::from_utf8_lossy(&replies)
        );
        assert!(msgs == stored, "chunk size {chunk}: stored messages differ");
    }
}
