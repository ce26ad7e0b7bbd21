//! Byte streams between a client and a server: TCP, and rustls on top of any stream
//! ([`tls`]). Everything above this module sees an [`AsyncStream`], so the REPL cannot
//! tell the embedded server (an in-process pipe, `server::embedded`) from a real one,
//! and a STARTTLS upgrade replaces the stream in place.

pub mod counting;
pub mod tls;

use tokio::io::{AsyncRead, AsyncWrite};

/// Any bidirectional byte stream.
pub trait AsyncStream: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> AsyncStream for T {}

/// Opens a TCP connection with a timeout.
pub async fn connect_tcp(
    addr: &str,
    timeout: std::time::Duration,
) -> std::io::Result<Box<dyn AsyncStream>> {
    let s = tokio::time::timeout(timeout, tokio::net::TcpStream::connect(addr))
        .await
        .map_err(|_| {
            std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                crate::tr!(
                    "transport.no_answer_from_within",
                    addr = addr,
                    timeout = format!("{:?}", timeout)
                ),
            )
        })??;
    s.set_nodelay(true)?;
    Ok(Box::new(s))
}
