//! A stream that counts the octets going each way (TLS records included when it sits
//! under TLS): how the lab server measures what a protocol costs on the wire.

use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use super::AsyncStream;

/// Octets on the wire of one connection, TLS records included; counted by [`Counting`], read
/// when the session ends.
#[derive(Debug, Default)]
pub struct WireBytes {
    /// From the client.
    pub received: AtomicU64,
    /// To the client.
    pub sent: AtomicU64,
}

impl WireBytes {
    /// (received, sent) now.
    pub fn get(&self) -> (u64, u64) {
        (
            self.received.load(Ordering::Relaxed),
            self.sent.load(Ordering::Relaxed),
        )
    }
}

/// Wraps a stream; every octet read or written is added to `counts`.
pub struct Counting {
    inner: Box<dyn AsyncStream>,
    counts: Arc<WireBytes>,
}

impl Counting {
    pub fn new(inner: Box<dyn AsyncStream>, counts: Arc<WireBytes>) -> Counting {
        Counting { inner, counts }
    }
}

impl AsyncRead for Counting {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let r = Pin::new(&mut self.inner).poll_read(cx, buf);
        let n = buf.filled().len().saturating_sub(before);
        self.counts.received.fetch_add(n as u64, Ordering::Relaxed);
        r
    }
}

impl AsyncWrite for Counting {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let r = Pin::new(&mut self.inner).poll_write(cx, buf);
        if let Poll::Ready(Ok(n)) = &r {
            self.counts.sent.fetch_add(*n as u64, Ordering::Relaxed);
        }
        r
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
