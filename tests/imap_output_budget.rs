//! Pipelined commands whose answers are large are answered part by part: the session
//! stops at its output budget and says it has input left, so the driver writes what is
//! ready before the next part is built (memory stays bounded), and every command is
//! still answered, in order.

use std::sync::Arc;

use maillab::protocol::Protocol;
use maillab::server::{new_session, ServerConfig};
use maillab::store::{Flags, Message, Store};

#[test]
fn pipelined_big_fetches_are_answered_piece_by_piece() {
    let store = Arc::new(Store::new());
    store.add_user("alex", "drums");
    let body = "x".repeat(76) + "\r\n";
    let raw = format!("Subject: big\r\n\r\n{}", body.repeat(4000)); // about 312 KB
    let date = chrono::DateTime::parse_from_rfc2822("Mon, 2 Mar 2026 09:20:03 +0000").unwrap();
    store
        .append(
            "alex",
            "INBOX",
            Message::new(raw.as_bytes().to_vec(), Flags::new(), date),
        )
        .unwrap();

    let mut s = new_session(Protocol::Imap, store, ServerConfig::default());
    s.greeting();
    let out = s.receive(b"a LOGIN alex drums\r\nb SELECT INBOX\r\n");
    assert!(String::from_utf8_lossy(&out.bytes).contains("b OK"));

    let n = 40;
    let pipelined: String = (0..n)
        .map(|i| format!("f{i} FETCH 1 BODY.PEEK[]\r\n"))
        .collect();
    let first = s.receive(pipelined.as_bytes());
    assert!(
        first.bytes.len() < 8 * raw.len(),
        "one call built {} bytes for {n} pipelined fetches",
        first.bytes.len()
    );
    assert!(s.has_pending_input(), "the rest must wait for the driver");

    let mut all = first.bytes;
    let mut rounds = 0;
    while s.has_pending_input() {
        let part = s.receive(&[]);
        assert!(part.bytes.len() < 8 * raw.len());
        all.extend_from_slice(&part.bytes);
        rounds += 1;
        assert!(rounds < 1000, "never drained");
    }
    let text = String::from_utf8_lossy(&all);
    for i in 0..n {
        assert!(
            text.contains(&format!("\r\nf{i} OK")),
            "f{i} was not answered"
        );
    }
    // In order.
    let positions: Vec<usize> = (0..n)
        .map(|i| text.find(&format!("\r\nf{i} OK")).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]));
}
