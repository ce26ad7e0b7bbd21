//! `maillab serve`: the mock servers on loopback TCP ports for real clients, with
//! STARTTLS / STLS on the plain ports and implicit TLS on the IMAPS, POP3S and SMTPS
//! analogues (RFC 8314).

use std::collections::{BTreeMap, HashMap};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;

use crate::protocol::Protocol;
use crate::server::observe::{
    self, Failure, Observed, SessionInfo, Sink, Ticker, Watch, WireBytes,
};
use crate::server::{self, ServerConfig};
use crate::store::SharedStore;
use crate::transport::counting::Counting;
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
    /// How many connections the server holds at once.
    pub connections: ConnectionLimits,
    /// Where observed sessions report (`--trace`, `--transcripts`, `--stats-file`);
    /// `None`: sessions run unwrapped.
    pub watch: Option<Arc<dyn Sink>>,
    /// Faults to inject (`--faults`); `None`: sessions answer for themselves.
    pub faults: Option<Arc<crate::server::faults::FaultPlan>>,
    /// The control endpoint (`maillab ctl`, `maillab watch`), if opened.
    pub control: Option<Control>,
}

/// The control endpoint to open.
pub struct Control {
    pub addr: SocketAddr,
    /// The teacher's token.
    pub token: String,
    /// Where its statistics and watch feed come from.
    pub recorder: Arc<crate::lab::Recorder>,
}

/// What a connection needs to be observed: the sink, the server's clock, its number.
#[derive(Clone)]
struct Watching {
    sink: Arc<dyn Sink>,
    ticker: Ticker,
    id: usize,
}

/// Connections held at once: in all, and from one address. A connection over either
/// limit is answered with its protocol's "try later" (`* BYE [UNAVAILABLE]`,
/// `421 4.7.0`, `-ERR [SYS/TEMP]`) and closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConnectionLimits {
    /// In all (lowered at start-up to fit the process's descriptor limit).
    pub total: usize,
    /// From one IP address.
    pub per_address: usize,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        // A class of thirty, each with a mail client (about five connections) and a
        // few scripts, all possibly behind one address.
        ConnectionLimits {
            total: 1000,
            per_address: 200,
        }
    }
}

/// Sets one limit from `NAME=VALUE` (`--limit`); timers are in seconds.
pub fn apply_limit(
    spec: &str,
    config: &mut ServerConfig,
    conns: &mut ConnectionLimits,
) -> Result<(), String> {
    let (name, value) = spec
        .split_once('=')
        .ok_or_else(|| crate::tr!("serve.limit_expected"))?;
    let n: u64 = value
        .trim()
        .parse()
        .map_err(|_| crate::tr!("serve.limit_not_number", value = value))?;
    let secs = Duration::from_secs(n);
    match name.trim() {
        "idle-timeout" => config.idle_timeout = secs,
        "prelogin-timeout" => config.prelogin_timeout = secs,
        "write-timeout" => config.write_stall_timeout = secs,
        "tls-timeout" => config.tls_handshake_timeout = secs,
        "rate-window" => config.rate_window = secs,
        "min-data-rate" => config.min_data_rate = n,
        "auth-delay-ms" => config.auth_failure_delay = Duration::from_millis(n),
        "max-auth-failures" => config.max_auth_failures = n.max(1) as u32,
        "search-cost" => config.search_cost_limit = n,
        "max-keywords" => config.max_keywords = n as usize,
        "max-mailboxes" => config.max_mailboxes = n as usize,
        "prelogin-literal" => config.prelogin_literal = n as usize,
        "max-connections" => conns.total = n.max(1) as usize,
        "max-per-address" => conns.per_address = n.max(1) as usize,
        other => return Err(crate::tr!("serve.limit_unknown", name = other)),
    }
    Ok(())
}

/// Connections held now, in all and per address.
struct Slots {
    limits: ConnectionLimits,
    held: Mutex<(usize, HashMap<IpAddr, usize>)>,
}

/// One held connection; the slot is given back when it is dropped.
struct Slot {
    slots: Arc<Slots>,
    ip: IpAddr,
}

impl Slots {
    fn take(self: &Arc<Self>, ip: IpAddr) -> Option<Slot> {
        let mut held = self.held.lock().unwrap_or_else(|e| e.into_inner());
        let from_ip = held.1.get(&ip).copied().unwrap_or(0);
        if held.0 >= self.limits.total || from_ip >= self.limits.per_address {
            return None;
        }
        held.0 += 1;
        held.1.insert(ip, from_ip + 1);
        Some(Slot {
            slots: Arc::clone(self),
            ip,
        })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut held = self.slots.held.lock().unwrap_or_else(|e| e.into_inner());
        held.0 = held.0.saturating_sub(1);
        if let Some(n) = held.1.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                held.1.remove(&self.ip);
            }
        }
    }
}

/// What a protocol says to a connection it cannot take now (RFC 5530 UNAVAILABLE,
/// RFC 5321 §3.8 421 with RFC 3463 4.7.0, RFC 3206 SYS/TEMP).
fn busy_reply(protocol: Protocol, hostname: &str) -> Vec<u8> {
    let why = crate::tr_en!("serve.busy");
    match protocol {
        Protocol::Imap => format!("* BYE [UNAVAILABLE] {why}\r\n"),
        Protocol::Smtp => format!("421 4.7.0 {hostname} {why}\r\n"),
        Protocol::Pop3 => format!("-ERR [SYS/TEMP] {why}\r\n"),
    }
    .into_bytes()
}

/// Raises the soft limit on open descriptors to the hard limit (each connection is
/// one); returns the soft limit now in force.
pub fn raise_descriptor_limit() -> Option<u64> {
    #[cfg(unix)]
    {
        let mut lim = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit/setrlimit only read and write the struct passed.
        unsafe {
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) != 0 {
                return None;
            }
            if lim.rlim_cur < lim.rlim_max {
                let raised = libc::rlimit {
                    rlim_cur: lim.rlim_max,
                    rlim_max: lim.rlim_max,
                };
                if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                    lim = raised;
                }
            }
        }
        #[allow(clippy::unnecessary_cast)] // rlim_t is not u64 everywhere
        Some(lim.rlim_cur as u64)
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// The warning printed for a listener other machines can reach.
fn exposure_warning(addr: &SocketAddr) -> Option<String> {
    (!addr.ip().is_loopback()).then(|| {
        format!(
            "maillab: {}",
            crate::tr!("main.warning_listening_makes_lab", bind = addr.ip())
        )
    })
}

/// The capabilities a `--imap-caps`/`--smtp-caps`/`--pop3-caps` list switches off
/// (`-IDLE,-MOVE`), in upper case; only removals are accepted.
pub fn disabled_caps(spec: &str) -> Result<Vec<String>, String> {
    spec.split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| match c.strip_prefix('-') {
            Some(name) if !name.is_empty() => Ok(name.to_ascii_uppercase()),
            _ => Err(crate::tr!("serve.caps_expected_minus", cap = c)),
        })
        .collect()
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
    let mut warned = std::collections::BTreeSet::new();
    for ep in &opts.endpoints {
        if let Some(w) = exposure_warning(&ep.addr) {
            if warned.insert(ep.addr.ip()) {
                eprintln!("{}", crate::protocol::bidi::display(&w));
            }
        }
    }
    let mut limits = opts.connections;
    if let Some(fds) = raise_descriptor_limit() {
        // Keep descriptors for listeners, the CA files and the process itself.
        let room = (fds as usize)
            .saturating_sub(32 + opts.endpoints.len())
            .max(1);
        limits.total = limits.total.min(room);
    }
    let slots = Arc::new(Slots {
        limits,
        held: Mutex::new((0, HashMap::new())),
    });
    let mut bound = BTreeMap::new();
    let mut listeners = Vec::new();
    for ep in &opts.endpoints {
        let l = TcpListener::bind(ep.addr).await.map_err(|e| {
            std::io::Error::new(
                e.kind(),
                crate::tr!(
                    "serve.cannot_listen",
                    addr = ep.addr,
                    name = ep.name,
                    error = e
                ),
            )
        })?;
        let local = l.local_addr()?;
        bound.insert(ep.name.clone(), local.to_string());
        listeners.push((l, ep.clone()));
    }
    let control = match &opts.control {
        Some(c) => {
            let l = TcpListener::bind(c.addr).await.map_err(|e| {
                std::io::Error::new(
                    e.kind(),
                    crate::tr!(
                        "serve.cannot_listen",
                        addr = c.addr,
                        name = "control",
                        error = e
                    ),
                )
            })?;
            bound.insert("control".to_string(), l.local_addr()?.to_string());
            Some((l, c))
        }
        None => None,
    };
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
        let say = |t: String| println!("{}", crate::protocol::bidi::display(&t));
        say(crate::tr!("serve.maillab_lab_server_one"));
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
        // The demo users' passwords are public; those of --users and of students are not.
        let (users, listed, open_cap) = store.read(|i| {
            (
                i.users
                    .iter()
                    .filter(|(n, _)| i.account_kind(n) == crate::store::accounts::AccountKind::Demo)
                    .map(|(n, u)| format!("{n}/{}", u.password))
                    .collect::<Vec<_>>(),
                i.accounts.listed.len(),
                i.accounts.open_cap,
            )
        });
        println!("  accounts    {}", users.join(", "));
        if listed > 0 {
            println!(
                "              {}",
                crate::tr!("accounts.users_banner", count = listed)
            );
        }
        if let Some(cap) = open_cap {
            println!(
                "              {}",
                crate::tr!("accounts.open_banner", cap = cap)
            );
        }
        if let Some(p) = &opts.ca_out {
            say(format!(
                "  {}",
                crate::tr!("serve.ca_give_clients_verify", path = p.display())
            ));
        }
        if let Some((l, c)) = &control {
            say(format!(
                "  {}",
                crate::tr!("lab.ctl.listening", addr = l.local_addr()?, token = c.token)
            ));
        }
        say(crate::tr!("serve.ctrl_stops"));
    }
    // Always a plan (perhaps empty), so the control endpoint can add rules at run time.
    let faults: Arc<crate::server::faults::FaultPlan> = opts.faults.clone().unwrap_or_default();
    if let Some((l, c)) = control {
        tokio::spawn(crate::lab::control::serve(
            l,
            c.recorder.clone(),
            store.clone(),
            c.token.clone(),
            Arc::new(crate::lab::control::Served {
                faults: faults.clone(),
                listeners: listeners
                    .iter()
                    .filter_map(|(l, ep)| {
                        let at = l.local_addr().ok()?;
                        let implicit = matches!(ep.tls, TlsMode::Implicit);
                        Some((ep.name.clone(), ep.protocol, at, implicit))
                    })
                    .collect(),
                ca_pem: opts.tls.ca_pem().ok(),
            }),
        ));
    }
    let ticker = Ticker::system();
    let next_id = Arc::new(std::sync::atomic::AtomicUsize::new(1));
    for (l, ep) in listeners {
        let store = store.clone();
        let watch = opts.watch.clone();
        let ticker = ticker.clone();
        let next_id = next_id.clone();
        let tls_source = opts.tls.clone();
        let slots = Arc::clone(&slots);
        let faults = Some(faults.clone());
        tokio::spawn(async move {
            loop {
                let (sock, peer) = match l.accept().await {
                    Ok(x) => x,
                    Err(_) => {
                        // Out of file descriptors, say: back off instead of spinning.
                        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let _ = sock.set_nodelay(true);
                let slot = slots.take(peer.ip());
                let watching = watch.as_ref().map(|sink| Watching {
                    sink: sink.clone(),
                    ticker: ticker.clone(),
                    id: next_id.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
                });
                tokio::spawn(handle(
                    Box::new(sock),
                    ep.clone(),
                    store.clone(),
                    tls_source.clone(),
                    slot,
                    (peer, watching),
                    faults.clone(),
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
    slot: Option<Slot>,
    (peer, watching): (SocketAddr, Option<Watching>),
    faults: Option<Arc<crate::server::faults::FaultPlan>>,
) {
    let mut config = ep.config.clone();
    let limits = server::driver::Limits::from_config(&config);
    // Observed: octets counted under TLS, times from the server's clock.
    let accepted = watching.as_ref().map(|w| w.ticker.now());
    let wire = watching.as_ref().map(|_| Arc::new(WireBytes::default()));
    let stream: Box<dyn AsyncStream> = match &wire {
        Some(w) => Box::new(Counting::new(stream, w.clone())),
        None => stream,
    };
    let watch = |implicit_tls: Option<std::time::Duration>| {
        watching.clone().map(|w| Watch {
            info: SessionInfo {
                id: w.id,
                protocol: ep.protocol,
                listener: ep.name.clone(),
                peer: Some(peer),
            },
            sink: w.sink,
            accepted: accepted.unwrap_or_default(),
            ticker: w.ticker,
            wire: wire.clone(),
            implicit_tls,
        })
    };
    let mut handshake = None;
    let stream = match ep.tls {
        TlsMode::StartTls => {
            config.tls_available = tls_source.config().is_ok();
            stream
        }
        TlsMode::Implicit => {
            let Ok(cfg) = tls_source.config() else { return };
            let result = tokio::time::timeout(limits.tls_handshake, tls::accept(stream, cfg)).await;
            match result {
                Ok(Ok(s)) => {
                    config.tls_active = true;
                    handshake = accepted
                        .zip(watching.as_ref())
                        .map(|(at, w)| w.ticker.now().saturating_sub(at));
                    s
                }
                _ => {
                    if let Some(w) = watch(None) {
                        observe::failed(w, Failure::TlsHandshake, b"");
                    }
                    return;
                }
            }
        }
    };
    let Some(_slot) = slot else {
        let mut stream = stream;
        let reply = busy_reply(ep.protocol, &config.hostname);
        let _ = tokio::time::timeout(limits.write_stall, async {
            stream.write_all(&reply).await?;
            stream.shutdown().await
        })
        .await;
        if let Some(w) = watch(handshake) {
            observe::failed(w, Failure::Busy, &reply);
        }
        return;
    };
    let clock = config.clock.clone();
    let mut session = server::new_session(ep.protocol, store.clone(), config);
    // Faults inside the observer, so the trace shows what the client received.
    // Each injected fault is marked in the trace, before the line it answers.
    let marker = watch(handshake).map(|w| -> server::faults::Marker {
        let info = Arc::new(w.info);
        Box::new(move |what: String| {
            w.sink.record(observe::Record {
                session: info.clone(),
                user: None,
                at: w.ticker.now(),
                event: observe::LabEvent::Event(crate::protocol::follow::Event::Warning {
                    id: "lab.trace.fault".into(),
                    args: vec![("fault".into(), what)],
                }),
            })
        })
    });
    session = server::faults::wrap(
        session,
        ep.protocol,
        (&ep.name, Some(peer.ip())),
        faults.as_ref(),
        marker,
        clock,
    );
    if let Some(w) = watch(handshake) {
        session = Box::new(Observed::new(session, w));
    }
    server::driver::run(stream, session, store, limits, Some(tls_source)).await;
}
