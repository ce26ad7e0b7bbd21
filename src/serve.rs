//! `maillab serve`: the mock servers on loopback TCP ports for real clients, with
//! STARTTLS / STLS on the plain ports and implicit TLS on the IMAPS, POP3S and SMTPS
//! analogues (RFC 8314).

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use tokio::net::TcpListener;

use crate::protocol::Protocol;
use crate::server::{self, ServerConfig};
use crate::store::SharedStore;
use crate::transport::tls::{self, LazyServerTls};
use crate::transport::AsyncStream;

/// How a listener uses TLS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TlsMode {
    /// Plain text; STARTTLS / STLS offered.
    StartTls,
    /// TLS from the first byte (RFC 8314 §3.3).
    Implicit,
}

/// One listener to open.
#[derive(Clone, Debug)]
pub struct Endpoint {
    /// Name used in the ports file and the banner (`imap`, `imaps`, `submission` …).
    pub name: String,
    pub protocol: Protocol,
    pub addr: SocketAddr,
    pub tls: TlsMode,
    pub config: ServerConfig,
}

/// What `maillab serve` was asked for.
pub struct ServeOptions {
    pub endpoints: Vec<Endpoint>,
    pub ports_file: Option<PathBuf>,
    /// Where the certificate comes from.
    pub tls: Arc<LazyServerTls>,
    /// Write the CA certificate (PEM) here for clients to trust.
    pub ca_out: Option<PathBuf>,
    /// Print nothing but errors.
    pub quiet: bool,
}

/// The standard endpoints on `bind` with `offset` added to the real ports
/// (SMTP 25, POP3 110, IMAP 143, SMTPS 465, submission 587, IMAPS 993, POP3S 995).
pub fn default_endpoints(
    bind: std::net::IpAddr,
    offset: u16,
    base: &ServerConfig,
) -> Vec<Endpoint> {
    let mk = |name: &str, protocol, port: u16, tls, submission| Endpoint {
        name: name.into(),
        protocol,
        addr: SocketAddr::new(bind, port.saturating_add(offset)),
        tls,
        config: ServerConfig {
            submission,
            ..base.clone()
        },
    };
    use TlsMode::*;
    vec![
        mk("smtp", Protocol::Smtp, 25, StartTls, false),
        mk("pop3", Protocol::Pop3, 110, StartTls, false),
        mk("imap", Protocol::Imap, 143, StartTls, false),
        mk("smtps", Protocol::Smtp, 465, Implicit, true),
        mk("submission", Protocol::Smtp, 587, StartTls, true),
        mk("imaps", Protocol::Imap, 993, Implicit, false),
        mk("pop3s", Protocol::Pop3, 995, Implicit, false),
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
                crate::tr!("serve.cannot_listen", addr = ep.addr, name = ep.name, e = e),
            )
        })?;
        let local = l.local_addr()?;
        bound.insert(ep.name.clone(), local.to_string());
        listeners.push((l, ep.clone()));
    }
    if let Some(path) = &opts.ca_out {
        let pem = opts.tls.ca_pem().map_err(std::io::Error::other)?;
        std::fs::write(path, pem)?;
    }
    if let Some(path) = &opts.ports_file {
        let json = serde_json::to_string_pretty(&bound).unwrap_or_default();
        // Write then rename, so a test polling for the file never reads half of it.
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, json)?;
        std::fs::rename(&tmp, path)?;
    }
    if !opts.quiet {
        println!("{}", crate::tr!("serve.maillab_lab_server_one"));
        for (l, ep) in &listeners {
            let how = match ep.tls {
                TlsMode::Implicit => "TLS",
                TlsMode::StartTls => match ep.protocol {
                    Protocol::Pop3 => "plain, STLS offered",
                    _ => "plain, STARTTLS offered",
                },
            };
            println!(
                "  {:<11} {:<22} {how}",
                ep.name,
                l.local_addr()?.to_string()
            );
        }
        let users = store.read(|i| {
            i.users
                .iter()
                .map(|(n, u)| format!("{n}/{}", u.password))
                .collect::<Vec<_>>()
        });
        println!("  accounts    {}", users.join(", "));
        if let Some(p) = &opts.ca_out {
            println!(
                "  {}",
                crate::tr!("serve.ca_give_clients_verify", p = p.display())
            );
        }
        println!("{}", crate::tr!("serve.ctrl_stops"));
    }
    for (l, ep) in listeners {
        let store = store.clone();
        let tls_source = opts.tls.clone();
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
                tokio::spawn(handle(
                    Box::new(sock),
                    ep.clone(),
                    store.clone(),
                    tls_source.clone(),
                ));
            }
        });
    }
    tokio::signal::ctrl_c().await?;
    Ok(())
}

async fn handle(
    stream: Box<dyn AsyncStream>,
    ep: Endpoint,
    store: SharedStore,
    tls_source: Arc<LazyServerTls>,
) {
    let mut config = ep.config.clone();
    let stream = match ep.tls {
        TlsMode::StartTls => {
            config.tls_available = tls_source.config().is_ok();
            stream
        }
        TlsMode::Implicit => {
            let Ok(cfg) = tls_source.config() else { return };
            let accepted =
                tokio::time::timeout(std::time::Duration::from_secs(30), tls::accept(stream, cfg))
                    .await;
            match accepted {
                Ok(Ok(s)) => {
                    config.tls_active = true;
                    s
                }
                _ => return,
            }
        }
    };
    let idle = config.idle_timeout;
    let session = server::new_session(ep.protocol, store.clone(), config);
    server::driver::run(stream, session, store, idle, Some(tls_source)).await;
}
