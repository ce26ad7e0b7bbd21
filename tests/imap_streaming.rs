//! FETCH bodies are written from the stored message as the socket drains: repeated
//! items never copy a message, memory stays bounded when a client does not read, and a
//! connection that accepts no byte for the write timeout is closed.

mod common;
mod wire;

use std::time::{Duration, Instant};

use common::bin::Lab;
use wire::{append, big_message, imap_login, rss_kib};

const S5: Duration = Duration::from_secs(5);

/// Growth of the server's RSS allowed while ten copies of a 50 MB body are pending
/// (docs/performance.md states the same bound).
const GROWTH_BOUND_KIB: u64 = 64 * 1024;

#[test]
fn ten_bodies_of_fifty_megabytes_to_a_client_that_never_reads() {
    let lab = Lab::start_with(&["imap"], &["--limit", "write-timeout=2"]);
    let addr = lab.addr("imap");
    let mut c = imap_login(addr, "alex", "drums");
    let msg = big_message(50 * 1000 * 1000);
    append(&mut c, "a", "INBOX", &msg);
    drop(msg);
    let r = c.cmd("s", "SELECT INBOX", S5);
    assert!(r.contains("* 3 EXISTS"), "{r}");
    std::thread::sleep(Duration::from_millis(500));
    let before = rss_kib(lab.pid());

    let items = ["BODY.PEEK[]"; 10].join(" ");
    c.send(format!("f FETCH 3 ({items})\r\n").as_bytes());
    let t = Instant::now();
    let mut peak = before;
    while t.elapsed() < Duration::from_millis(1500) {
        peak = peak.max(rss_kib(lab.pid()));
        std::thread::sleep(Duration::from_millis(50));
    }
    eprintln!("RSS before {before} KiB, peak while pending {peak} KiB");
    assert!(
        peak < before + GROWTH_BOUND_KIB,
        "RSS grew from {before} KiB to {peak} KiB"
    );
    // Nothing was read for longer than the write timeout: the server gave up. What
    // arrives now is only what the socket buffers held, far less than the reply.
    std::thread::sleep(Duration::from_secs(3));
    let got = c
        .until_closed(Duration::from_secs(10))
        .expect("the connection was closed");
    assert!(
        got < 50 * 1000 * 1000,
        "read {got} octets of a 500 MB reply"
    );
    // The server itself is fine.
    let mut d = imap_login(addr, "riley", "firefly");
    assert!(d.cmd("n", "NOOP", S5).contains("n OK"));
}

#[test]
fn repeated_and_partial_bodies_arrive_whole_to_a_reader() {
    let lab = Lab::start_with(&["imap"], &[]);
    let mut c = imap_login(lab.addr("imap"), "alex", "drums");
    let msg = big_message(3 * 1000 * 1000);
    append(&mut c, "a", "INBOX", &msg);
    c.cmd("s", "EXAMINE INBOX", S5);
    let head_len = msg.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    c.send(b"f FETCH 3 (BODY.PEEK[] BODY.PEEK[]<1000.50000> BODY.PEEK[TEXT] RFC822.SIZE BODY.PEEK[])\r\n");
    let mut want = format!("* 3 FETCH (BODY[] {{{}}}\r\n", msg.len()).into_bytes();
    want.extend_from_slice(&msg);
    want.extend_from_slice(b" BODY[]<1000> {50000}\r\n");
    want.extend_from_slice(&msg[1000..51000]);
    want.extend_from_slice(format!(" BODY[TEXT] {{{}}}\r\n", msg.len() - head_len).as_bytes());
    want.extend_from_slice(&msg[head_len..]);
    want.extend_from_slice(format!(" RFC822.SIZE {}", msg.len()).as_bytes());
    want.extend_from_slice(format!(" BODY[] {{{}}}\r\n", msg.len()).as_bytes());
    want.extend_from_slice(&msg);
    want.extend_from_slice(b")\r\nf OK FETCH completed\r\n");
    let r = c
        .tagged("f", Duration::from_secs(30))
        .expect("FETCH answered");
    assert_eq!(r.len(), want.len());
    assert!(
        r.as_bytes() == want.as_slice(),
        "the reply differs from the message"
    );
    // Every message of the mailbox, pipelined twice.
    c.send(b"g FETCH 1:* BODY.PEEK[]\r\nh FETCH 1:* (RFC822.SIZE)\r\n");
    let r = c.tagged("h", Duration::from_secs(30)).expect("answers");
    assert!(
        r.contains("g OK") && r.contains("h OK"),
        "{}",
        &r[r.len().saturating_sub(200)..]
    );
    assert!(r.contains(&format!("* 3 FETCH (BODY[] {{{}}}\r\n", msg.len())));
}
