//! A whole POP3 session replayed in chunks of 1 to 512 bytes gives byte-identical
//! replies and leaves the maildrop in the same state.

use std::sync::Arc;

use chrono::DateTime;
use maillab::protocol::sasl;
use maillab::server::pop3::Pop3Session;
use maillab::server::{ServerConfig, Session};
use maillab::store::{Flags, Message, Store};

fn script() -> Vec<u8> {
    let mut s = Vec::new();
    s.extend_from_slice(b"CAPA\r\nUSER alex\nPASS wrong\r\nAUTH LOGIN\r\nYWxleA==\r\n*\r\n");
    s.extend_from_slice(
        format!("AUTH PLAIN {}\r\n", sasl::plain_encode("", "alex", "drums")).as_bytes(),
    );
    s.extend_from_slice(b"STAT\r\nLIST\r\nUIDL\r\nRETR 1\r\nTOP 2 1\r\nRETR 3\r\n");
    s.extend_from_slice(format!("NOOP {}\r\n", "z".repeat(400)).as_bytes());
    s.extend_from_slice(
        b"DELE 2\r\nLIST 2\r\nRSET\r\nDELE 1\r\nNO\0OP\r\nNOOP\r\nQUIT\r\nSTAT\r\n",
    );
    s
}

fn replay(script: &[u8], chunk: usize) -> (Vec<u8>, Vec<u32>) {
    let st = Store::new();
    st.add_user("alex", "drums");
    let st = Arc::new(st);
    let t = DateTime::parse_from_rfc2822("Sun, 22 Nov 2026 10:00:00 +0000").unwrap();
    for raw in [
        "Subject: one\r\n\r\n.dot line\r\n..two dots\r\n.\r\nend\r\n",
        "Subject: two\r\nX-Long: yes\r\n\r\nbody 1\r\nbody 2\r\n",
        "Subject: three\n\nbare LF lines\n.\n",
    ] {
        st.append(
            "alex",
            "INBOX",
            Message::new(raw.as_bytes(), Flags::new(), t),
        )
        .unwrap();
    }
    let mut s = Pop3Session::new(st.clone(), ServerConfig::default()).with_time(t);
    let mut replies = s.greeting().bytes;
    for piece in script.chunks(chunk) {
        let out = s.receive(piece);
        replies.extend_from_slice(&out.bytes);
        if out.close {
            break;
        }
    }
    let uids = st.read(|i| {
        i.user("alex")
            .unwrap()
            .mailbox("INBOX")
            .unwrap()
            .messages
            .iter()
            .map(|m| m.uid)
            .collect()
    });
    (replies, uids)
}

#[test]
fn every_chunk_size_gives_identical_replies_and_maildrop() {
    let script = script();
    let (whole, uids) = replay(&script, script.len());
    let text = String::from_utf8_lossy(&whole);
    assert_eq!(uids, [2, 3], "QUIT removed message 1:\n{text}");
    assert!(
        text.contains("\r\n..dot line\r\n...two dots\r\n..\r\nend\r\n.\r\n"),
        "{text}"
    );
    assert!(
        text.contains("Subject: three\r\n\r\nbare LF lines\r\n..\r\n.\r\n"),
        "{text}"
    );
    assert!(text.contains("-ERR Line too long"), "{text}");
    assert!(
        text.ends_with("+OK maillab POP3 server signing off (1 message deleted, 2 left)\r\n"),
        "{text}"
    );
    for chunk in 1..=512 {
        let (replies, u) = replay(&script, chunk);
        assert!(
            replies == whole,
            "chunk size {chunk}:\n{}",
            String::from_utf8_lossy(&replies)
        );
        assert_eq!(u, uids, "chunk size {chunk}");
    }
}
