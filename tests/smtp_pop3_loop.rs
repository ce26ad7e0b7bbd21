//! The course's mail loop through the real driver on the in-process transport: SMTP
//! submits to alex, POP3 retrieves and deletes it, and the store shows the removal.
//! Also a slow client: the idle timeout ends a half-sent DATA and stores nothing.

use std::sync::Arc;
use std::time::Duration;

use maillab::protocol::Protocol;
use maillab::server::embedded::connect_embedded;
use maillab::server::ServerConfig;
use maillab::store::{SharedStore, Store};
use maillab::transport::AsyncStream;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn store() -> SharedStore {
    let s = Store::new();
    s.add_user("alex", "drums");
    s.add_user("riley", "firefly");
    Arc::new(s)
}

/// Reads until the text read so far ends with `end` (bounded by a timeout).
async fn read_until(stream: &mut Box<dyn AsyncStream>, end: &str) -> String {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&got).ends_with(end) {
        let n = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buf))
            .await
            .expect("server answered in time")
            .expect("read");
        if n == 0 {
            break;
        }
        got.extend_from_slice(&buf[..n]);
    }
    String::from_utf8_lossy(&got).into_owned()
}

async fn say(stream: &mut Box<dyn AsyncStream>, line: &str, end: &str) -> String {
    stream.write_all(line.as_bytes()).await.unwrap();
    read_until(stream, end).await
}

#[tokio::test]
async fn smtp_then_pop3_on_one_store() {
    let st = store();
    let mut smtp = connect_embedded(Protocol::Smtp, st.clone(), ServerConfig::default());
    assert!(read_until(&mut smtp, "\r\n").await.starts_with("220 "));
    // Pipelined: all replies arrive, in order.
    let r = say(
        &mut smtp,
        "EHLO lab\r\nMAIL FROM:<riley@maillab.test>\r\nRCPT TO:<alex@maillab.test>\r\nDATA\r\n",
        "354 Send the message; end with <CRLF>.<CRLF>\r\n",
    )
    .await;
    assert!(r.contains("250 2.1.5"), "{r}");
    let r = say(
        &mut smtp,
        "Subject: loop\r\n\r\n..hidden\r\n.\r\nQUIT\r\n",
        "closing connection, goodbye\r\n",
    )
    .await;
    assert!(r.starts_with("250 2.0.0 Ok"), "{r}");

    let mut pop = connect_embedded(Protocol::Pop3, st.clone(), ServerConfig::default());
    assert!(read_until(&mut pop, "\r\n").await.starts_with("+OK "));
    let r = say(&mut pop, "USER alex\r\nPASS drums\r\n", "octets)\r\n").await;
    assert!(r.contains("\r\n+OK alex has 1 message ("), "{r}");
    let r = say(&mut pop, "RETR 1\r\n", "\r\n.\r\n").await;
    assert!(r.ends_with("Subject: loop\r\n\r\n..hidden\r\n.\r\n"), "{r}");
    let r = say(&mut pop, "DELE 1\r\nQUIT\r\n", "left)\r\n").await;
    assert!(r.ends_with("(1 message deleted, 0 left)\r\n"), "{r}");
    let mut rest = Vec::new();
    let n = tokio::time::timeout(Duration::from_secs(10), pop.read_to_end(&mut rest))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(n, 0, "the server closes after QUIT");
    let left = st.read(|i| {
        i.user("alex")
            .unwrap()
            .mailbox("INBOX")
            .unwrap()
            .messages
            .len()
    });
    assert_eq!(left, 0);
}

#[tokio::test]
async fn a_slow_client_mid_data_times_out_and_nothing_is_stored() {
    let st = store();
    let config = ServerConfig {
        idle_timeout: Duration::from_millis(300),
        ..ServerConfig::default()
    };
    let mut smtp = connect_embedded(Protocol::Smtp, st.clone(), config.clone());
    read_until(&mut smtp, "\r\n").await;
    say(
        &mut smtp,
        "HELO lab\r\nMAIL FROM:<a@b.c>\r\nRCPT TO:<alex@maillab.test>\r\nDATA\r\n",
        "<CRLF>.<CRLF>\r\n",
    )
    .await;
    smtp.write_all(b"Subject: slow\r\n\r\nhalf").await.unwrap();
    let r = read_until(&mut smtp, "(nothing half-sent was stored)\r\n").await;
    assert!(
        r.starts_with("421 4.4.2 maillab.test Error: timeout exceeded"),
        "{r}"
    );
    let stored = st.read(|i| {
        i.user("alex")
            .unwrap()
            .mailbox("INBOX")
            .unwrap()
            .messages
            .len()
    });
    assert_eq!(stored, 0);

    // POP3: the timeout frees the maildrop lock without deleting anything.
    st.deliver(
        &["alex".into()],
        Arc::from(&b"Subject: x\r\n\r\ny\r\n"[..]),
        chrono::Local::now().fixed_offset(),
    )
    .unwrap();
    let mut pop = connect_embedded(Protocol::Pop3, st.clone(), config);
    read_until(&mut pop, "\r\n").await;
    say(
        &mut pop,
        "USER alex\r\nPASS drums\r\nDELE 1\r\n",
        "RSET unmarks)\r\n",
    )
    .await;
    let r = read_until(&mut pop, "not deleted\r\n").await;
    assert!(r.starts_with("-ERR Autologout"), "{r}");
    assert!(st.read(|i| i.pop3_locks.is_empty()));
    let stored = st.read(|i| {
        i.user("alex")
            .unwrap()
            .mailbox("INBOX")
            .unwrap()
            .messages
            .len()
    });
    assert_eq!(stored, 1);
}

#[tokio::test]
async fn pipelined_retrs_of_a_big_message_all_arrive() {
    let st = store();
    let big = format!(
        "Subject: big\r\n\r\n{}",
        "0123456789abcdef\r\n".repeat(12_000)
    );
    st.deliver(
        &["alex".into()],
        Arc::from(big.as_bytes()),
        chrono::Local::now().fixed_offset(),
    )
    .unwrap();
    let mut pop = connect_embedded(Protocol::Pop3, st.clone(), ServerConfig::default());
    read_until(&mut pop, "\r\n").await;
    say(&mut pop, "USER alex\r\nPASS drums\r\n", "octets)\r\n").await;
    let mut script = "RETR 1\r\n".repeat(30);
    script.push_str("QUIT\r\n");
    pop.write_all(script.as_bytes()).await.unwrap();
    let mut got = Vec::new();
    tokio::time::timeout(Duration::from_secs(60), pop.read_to_end(&mut got))
        .await
        .expect("all answers in time")
        .unwrap();
    let text = String::from_utf8(got).unwrap();
    assert_eq!(
        text.matches("+OK 216016 octets follow\r\n").count(),
        30,
        "{}",
        text.len()
    );
    assert!(text.ends_with("+OK maillab POP3 server signing off (0 messages deleted, 1 left)\r\n"));
}
