//! `maillab serve`: the mock servers on loopback TCP ports for real clients.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;

use tokio::net::TcpListener;

use crate::protocol::Protocol;
use crate::server::{self, ServerConfig};
use crate::store::SharedStore;

/// One listener to open.
#[derive(Clone, Debug)]
pub struct Endpoint {
    /// Name used in the ports file and the banner (`imap`, `pop3`, `smtp`, `submission`).
    pub name: String,
    pub protocol: Protocol,
    pub addr: SocketAddr,
    pub config: ServerConfig,
}

/// What `maillab serve` was asked for.
pub struct ServeOptions {
    pub endpoints: Vec<Endpoint>,
    pub ports_file: Option<PathBuf>,
    /// Print a warning when listening beyond loopback.
    pub quiet: bool,
}

/// The standard endpoints on `bind` with `offset` added to the real ports.
pub fn default_endpoints(
    bind: std::net::IpAddr,
    offset: u16,
    base: &ServerConfig,
) -> Vec<Endpoint> {
    let mk = |name: &str, protocol, port: u16, submission| Endpoint {
        name: name.into(),
        protocol,
        addr: SocketAddr::new(bind, port.saturating_add(offset)),
        config: ServerConfig {
            submission,
            ..base.clone()
        },
    };
    vec![
        mk("smtp", Protocol::Smtp, 25, false),
        mk("pop3", Protocol::Pop3, 110, false),
        mk("imap", Protocol::Imap, 143, false),
        mk("submission", Protocol::Smtp, 587, true),
    ]
}

/// Binds every endpoint, prints where they are, and serves until Ctrl-C.
pub async fn serve(store: SharedStore, opts: ServeOptions) -> std::io::Result<()> {
    let mut bound = BTreeMap::new();
    let mut listeners = Vec::new();
    for ep in &opts.endpoints {
        let l = TcpListener::bind(ep.addr).await.map_err(|e| {
            std::io::Error::new(
                e.kind(),
                format!("cannot listen on {} for {}: {e}", ep.addr, ep.name),
            )
        })?;
        let local = l.local_addr()?;
        bound.insert(ep.name.clone(), local.to_string());
        listeners.push((l, ep.clone()));
    }
    if let Some(path) = &opts.ports_file {
        let json = serde_json::to_string_pretty(&bound).unwrap_or_default();
        // Write then rename, so a test polling for the file never reads half of it.
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, json)?;
        std::fs::rename(&tmp, path)?;
    }
    if !opts.quiet {
        println!("maillab lab server: in-memory store, nothing is sent anywhere");
        for (l, ep) in &listeners {
            println!("  {:<11} {}", ep.name, l.local_addr()?);
        }
        let users = store.read(|i| {
            i.users
                .iter()
                .map(|(n, u)| format!("{n}/{}", u.password))
                .collect::<Vec<_>>()
        });
        println!("  accounts    {}", users.join(", "));
        println!("Ctrl-C stops it.");
    }
    for (l, ep) in listeners {
        let store = store.clone();
        tokio::spawn(async move {
            loop {
                let sock = match l.accept().await {
                    Ok((sock, _)) => sock,
                    Err(_) => {
                        // Out of file descriptors, say: back off instead of spinning.
                        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let _ = sock.set_nodelay(true);
                let session = server::new_session(ep.protocol, store.clone(), ep.config.clone());
                let idle = ep.config.idle_timeout;
                tokio::spawn(server::driver::run(
                    Box::new(sock),
                    session,
                    store.clone(),
                    idle,
                ));
            }
        });
    }
    tokio::signal::ctrl_c().await?;
    Ok(())
}
