//! Byte streams between a client and a server: TCP, an in-process pipe to the embedded
//! server, and rustls on top of either ([`tls`]). Everything above this module sees an
//! [`AsyncStream`], so the REPL cannot tell the embedded server from a real one, and a
//! STARTTLS upgrade replaces the stream in place.

pub mod tls;

use std::sync::Arc;

use tokio::io::{AsyncRead, AsyncWrite};

use crate::protocol::Protocol;
use crate::server::{self, ServerConfig};
use crate::store::SharedStore;

/// Any bidirectional byte stream.
pub trait AsyncStream: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> AsyncStream for T {}

/// Opens a session on the embedded server: no port, no network. Must be called inside
/// a tokio runtime; the server half runs as a task.
pub fn connect_embedded(
    protocol: Protocol,
    store: SharedStore,
    config: ServerConfig,
) -> Box<dyn AsyncStream> {
    connect_embedded_tls(protocol, store, config, None)
}

/// Like [`connect_embedded`]; with `tls` the embedded server offers STARTTLS / STLS
/// with that certificate.
pub fn connect_embedded_tls(
    protocol: Protocol,
    store: SharedStore,
    mut config: ServerConfig,
    tls: Option<Arc<tls::LazyServerTls>>,
) -> Box<dyn AsyncStream> {
    let (client, server_side) = tokio::io::duplex(256 * 1024);
    let limits = server::driver::Limits::from_config(&config);
    config.tls_available = tls.is_some();
    let session = server::new_session(protocol, store.clone(), config);
    tokio::spawn(server::driver::run(
        Box::new(server_side),
        session,
        store,
        limits,
        tls,
    ));
    Box::new(client)
}

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
                format!("no answer from {addr} within {timeout:?}"),
            )
        })??;
    s.set_nodelay(true)?;
    Ok(Box::new(s))
}
