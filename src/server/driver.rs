//! The only code that moves a session's bytes over a stream: it reads what the client
//! sends, feeds the session, writes its output, wakes IDLE sessions when the store
//! changes, and enforces the idle timeout.

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::Session;
use crate::store::SharedStore;
use crate::transport::AsyncStream;

/// Runs one session until either side closes. Errors on the stream end the session
/// quietly: a vanished client is normal, and the session drops unfinished work.
pub async fn run(
    mut stream: Box<dyn AsyncStream>,
    mut session: Box<dyn Session>,
    store: SharedStore,
    idle: std::time::Duration,
) {
    let mut changes = store.subscribe();
    changes.mark_unchanged();
    let mut buf = vec![0u8; 64 * 1024];
    let out = session.greeting();
    if write_out(&mut stream, &out.bytes).await.is_err() || out.close {
        let _ = stream.shutdown().await;
        return;
    }
    loop {
        let want_events = session.wants_store_events();
        let out = tokio::select! {
            r = tokio::time::timeout(idle, stream.read(&mut buf)) => match r {
                Err(_) => {
                    let mut out = session.timed_out();
                    out.close = true;
                    out
                }
                Ok(Ok(0)) | Ok(Err(_)) => {
                    session.disconnected();
                    return;
                }
                Ok(Ok(n)) => session.receive(&buf[..n]),
            },
            r = changes.changed(), if want_events => {
                if r.is_err() {
                    continue;
                }
                session.store_changed()
            }
        };
        if !out.bytes.is_empty() && write_out(&mut stream, &out.bytes).await.is_err() {
            session.disconnected();
            return;
        }
        if out.close {
            let _ = stream.shutdown().await;
            return;
        }
        if out.start_tls {
            // The TLS upgrade is added with the transport's server-side TLS; until then
            // sessions never ask for it (they answer STARTTLS as unavailable).
            session.disconnected();
            return;
        }
    }
}

async fn write_out(stream: &mut Box<dyn AsyncStream>, bytes: &[u8]) -> std::io::Result<()> {
    stream.write_all(bytes).await?;
    stream.flush().await
}
