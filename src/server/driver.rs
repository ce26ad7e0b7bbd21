//! The only code that moves a session's bytes over a stream: it reads what the client
//! sends, feeds the session, writes its output, wakes IDLE sessions when the store
//! changes, and enforces the idle timeout.

use std::sync::Arc;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::Session;
use crate::store::SharedStore;
use crate::transport::tls::{self, LazyServerTls};
use crate::transport::AsyncStream;

/// Runs one session until either side closes. Errors on the stream end the session
/// quietly: a vanished client is normal, and the session drops unfinished work.
/// `tls` is what a STARTTLS / STLS upgrade uses.
pub async fn run(
    mut stream: Box<dyn AsyncStream>,
    mut session: Box<dyn Session>,
    store: SharedStore,
    idle: std::time::Duration,
    tls: Option<Arc<LazyServerTls>>,
) {
    let mut changes = store.subscribe();
    changes.mark_unchanged();
    // Small: an idle connection holds this buffer, and 1,000 of them must stay cheap.
    let mut buf = vec![0u8; 8 * 1024];
    let out = session.greeting();
    if write_out(&mut stream, &out.bytes).await.is_err() || out.close {
        let _ = stream.shutdown().await;
        return;
    }
    loop {
        let want_events = session.wants_store_events();
        let mut out = tokio::select! {
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
        // A session that stopped at its output budget answers the rest of the input
        // once this part is written.
        while session.has_pending_input() && !out.close && !out.start_tls {
            if !out.bytes.is_empty() && write_out(&mut stream, &out.bytes).await.is_err() {
                session.disconnected();
                return;
            }
            out = session.receive(&[]);
        }
        if !out.bytes.is_empty() && write_out(&mut stream, &out.bytes).await.is_err() {
            session.disconnected();
            return;
        }
        if out.close {
            let _ = stream.shutdown().await;
            return;
        }
        if out.start_tls {
            // The session said OK/220/+OK and dropped anything pipelined after the
            // command (CVE-2011-0411); bytes still unread in the socket belong to the
            // handshake.
            let Some(cfg) = tls.as_ref().and_then(|t| t.config().ok()) else {
                session.disconnected();
                return;
            };
            match tls::accept(stream, cfg).await {
                Ok(s) => {
                    stream = s;
                    session.tls_started();
                }
                Err(_) => {
                    session.disconnected();
                    return;
                }
            }
        }
    }
}

async fn write_out(stream: &mut Box<dyn AsyncStream>, bytes: &[u8]) -> std::io::Result<()> {
    stream.write_all(bytes).await?;
    stream.flush().await
}
