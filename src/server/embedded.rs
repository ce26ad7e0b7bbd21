//! The embedded server: a session on the other end of an in-process pipe, run by the
//! same driver as a TCP connection, so the REPL talks to it exactly as to a real server.

use std::sync::Arc;

use super::{driver, new_session, ServerConfig};
use crate::protocol::Protocol;
use crate::store::SharedStore;
use crate::transport::{tls, AsyncStream};

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
    let limits = driver::Limits::from_config(&config);
    config.tls_available = tls.is_some();
    let session = new_session(protocol, store.clone(), config);
    tokio::spawn(driver::run(
        Box::new(server_side),
        session,
        store,
        limits,
        tls,
    ));
    Box::new(client)
}
