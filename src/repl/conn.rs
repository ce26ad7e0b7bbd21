//! A client connection: a task that owns the byte stream and reports what the server
//! sends. Cutting the bytes into responses is the protocol follower's work
//! ([`crate::protocol::follow::Follower`]): one framer for the REPL, `maillab
//! explain` and the lessons.

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::mpsc;

use crate::transport::AsyncStream;

/// Most octets of literals or multi-line data kept in memory for one response
/// (for `:more`); the rest is counted, not kept.
pub const MAX_KEPT: usize = 64 * 1024 * 1024;

pub use crate::protocol::follow::{Part, Step as Response};

/// Size of one read from a server.
const CHUNK: usize = 256 * 1024;
/// Read buffers kept for reuse.
const POOL_SIZE: usize = 16;

/// Read buffers handed back by the engine: reusing them spares an allocation, a
/// copy and fresh page faults for every chunk a large literal arrives in.
static POOL: std::sync::Mutex<Vec<Vec<u8>>> = std::sync::Mutex::new(Vec::new());

/// An empty read buffer with room for one chunk.
fn take_buf() -> Vec<u8> {
    let reused = POOL.lock().ok().and_then(|mut p| p.pop());
    reused.unwrap_or_else(|| Vec::with_capacity(CHUNK))
}

/// Gives a chunk's buffer back once its bytes were framed.
pub fn recycle(mut buf: Vec<u8>) {
    if buf.capacity() != CHUNK {
        return;
    }
    buf.clear();
    if let Ok(mut p) = POOL.lock() {
        if p.len() < POOL_SIZE {
            p.push(buf);
        }
    }
}

/// What the connection task reports.
#[derive(Debug)]
pub enum ConnEvent {
    /// Bytes from the server.
    Data(usize, Vec<u8>),
    /// The server closed the connection (or it failed: the reason).
    Closed(usize, Option<String>),
    /// The TLS handshake after STARTTLS / STLS finished.
    TlsUp(usize, Box<crate::transport::tls::TlsSummary>),
    /// The TLS handshake failed (explained); the connection is gone.
    TlsFailed(usize, String),
}

/// What the connection task is asked to do.
#[derive(Debug)]
pub enum ConnCmd {
    Write(Vec<u8>),
    /// Run a TLS handshake on the stream and go on over TLS.
    StartTls {
        host: String,
        opts: crate::transport::tls::ClientTlsOptions,
    },
    Close,
}

/// The handle to a connection task.
pub struct Conn {
    tx: mpsc::UnboundedSender<ConnCmd>,
}

impl Conn {
    /// Starts the task that owns `stream` (kept whole, as one `Box<dyn AsyncStream>`,
    /// so a TLS upgrade can replace it in place); its events go to `events` marked
    /// with `id`. Must be called inside a tokio runtime.
    pub fn spawn(
        id: usize,
        mut stream: Box<dyn AsyncStream>,
        events: mpsc::Sender<ConnEvent>,
    ) -> Conn {
        let (tx, mut rx) = mpsc::unbounded_channel::<ConnCmd>();
        tokio::spawn(async move {
            let mut buf = take_buf();
            loop {
                tokio::select! {
                    r = stream.read_buf(&mut buf) => match r {
                        Ok(0) => {
                            let _ = events.send(ConnEvent::Closed(id, None)).await;
                            return;
                        }
                        Ok(_) => {
                            // A bounded channel: a server that sends faster than the
                            // REPL shows waits in its socket, not in our memory.
                            let chunk = std::mem::replace(&mut buf, take_buf());
                            if events.send(ConnEvent::Data(id, chunk)).await.is_err() {
                                return;
                            }
                        }
                        Err(e) => {
                            let _ = events.send(ConnEvent::Closed(id, Some(e.to_string()))).await;
                            return;
                        }
                    },
                    cmd = rx.recv() => match cmd {
                        Some(ConnCmd::Write(bytes)) => {
                            let r = async {
                                stream.write_all(&bytes).await?;
                                stream.flush().await
                            }.await;
                            if let Err(e) = r {
                                let _ = events.send(ConnEvent::Closed(id, Some(e.to_string()))).await;
                                return;
                            }
                        }
                        Some(ConnCmd::StartTls { host, opts }) => {
                            match crate::transport::tls::connect(stream, &host, &opts).await {
                                Ok((tls, summary)) => {
                                    stream = tls;
                                    let _ = events.send(ConnEvent::TlsUp(id, Box::new(summary))).await;
                                }
                                Err(e) => {
                                    let _ = events.send(ConnEvent::TlsFailed(id, e.to_string())).await;
                                    return;
                                }
                            }
                        }
                        Some(ConnCmd::Close) | None => {
                            let _ = stream.shutdown().await;
                            return;
                        }
                    },
                }
            }
        });
        Conn { tx }
    }

    /// Queues bytes for the server; false if the connection is gone.
    pub fn write(&self, bytes: Vec<u8>) -> bool {
        self.tx.send(ConnCmd::Write(bytes)).is_ok()
    }

    /// Asks the task to upgrade the connection to TLS (after the server said yes to
    /// STARTTLS / STLS). Writes queued after this go over TLS.
    pub fn start_tls(&self, host: String, opts: crate::transport::tls::ClientTlsOptions) -> bool {
        self.tx.send(ConnCmd::StartTls { host, opts }).is_ok()
    }

    /// Asks the task to close the connection.
    pub fn close(&self) {
        let _ = self.tx.send(ConnCmd::Close);
    }
}
