//! The lab server's control endpoint (port offset + 80, loopback by default) and its
//! clients, `maillab ctl stats` and `maillab watch`.
//!
//! A line protocol. The server greets with `maillab-control 1`; each request is one
//! line, answered by `OK …` or `NO <reason>` (`auth-required`, `refused`,
//! `unknown-command`):
//!
//! - `TOKEN <token>`: the teacher's role, everything;
//! - `LOGIN <user> <password>`: a student's role (a mail account): only the
//!   sessions that user logged in to;
//! - `STATS [JSON]`: the statistics (table or versioned JSON), then a lone `.`;
//! - `WATCH [user=U] [protocol=P] [session=N]`: `OK`, then trace lines as they come
//!   (secrets masked) until the client goes;
//! - `USERS`: `OK`, then `USER KIND MAILBOXES MESSAGES BYTES` lines (a student: their
//!   own), then a lone `.`;
//! - the teacher's (token only) changes, each announced to the sessions it affects
//!   (see [`crate::store::accounts`]): `RESET [USER]` and `RESTORE NAME` (`OK
//!   <mailboxes changed>`), `SNAPSHOT NAME` (`OK <accounts>`), `LOAD PATH` (`OK
//!   <mailboxes changed>`, the fixture's problems, a lone `.`), `DELIVER USER OCTETS`
//!   followed by exactly that many octets of message (`OK <user> <uid>`). Refusals:
//!   `NO teacher-only`, `NO no-such-user`, `NO no-such-snapshot`, `NO bad-name`,
//!   `NO failed <why>`.
//! - `LESSON …` and `PROGRESS [JSON]`: lessons run against the lab server and the
//!   progress table ([`super::lessons`]).
//!
//! - `FAULTS ADD <rule>` (a line of a `--faults` plan; `NO failed <why>` if it does
//!   not parse), `FAULTS CLEAR`: the teacher's; `FAULTS LIST`: `OK`, the rules, a lone
//!   `.` (see [`crate::server::faults`]).
//! - `CLIENT-CONFIG`: `OK`, a `LISTENER <name> <protocol> <addr> <tls|starttls>` line
//!   per listener, the lab CA's PEM lines (if any), a lone `.`.
//!
//! Without `TOKEN` or `LOGIN`, a control endpoint bound to loopback treats its
//! clients as the teacher for reading (statistics, watching, users) but not for
//! changes; bound elsewhere, it answers `NO auth-required`.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader as AsyncBufReader};
use tokio::net::TcpListener;

use super::{Filter, Recorder};
use crate::protocol::Protocol;
use crate::server::faults::FaultPlan;
use crate::store::SharedStore;

/// The greeting, with the protocol's version.
pub const GREETING: &str = "maillab-control 1";
/// Longest request line.
const MAX_LINE: usize = 4096;
/// Largest message `DELIVER` takes.
const MAX_DELIVER: u64 = 64 << 20;

/// Who a control client is.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Role {
    Nobody,
    /// An unauthenticated client of a loopback endpoint: reads like the teacher.
    Local,
    Teacher,
    Student(String),
}

/// Serves the control endpoint until the process ends. `token` is the teacher's.
pub async fn serve(
    listener: TcpListener,
    recorder: Arc<Recorder>,
    store: SharedStore,
    token: String,
    served: Arc<Served>,
) {
    let open = listener.local_addr().is_ok_and(|a| a.ip().is_loopback());
    loop {
        let Ok((sock, _)) = listener.accept().await else {
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            continue;
        };
        let recorder = recorder.clone();
        let store = store.clone();
        let token = token.clone();
        let served = served.clone();
        tokio::spawn(async move {
            let _ = client(sock, recorder, (store, served), token, open).await;
        });
    }
}

async fn client(
    sock: tokio::net::TcpStream,
    recorder: Arc<Recorder>,
    (store, served): (SharedStore, Arc<Served>),
    token: String,
    open: bool,
) -> std::io::Result<()> {
    let (r, mut w) = sock.into_split();
    let mut lines = AsyncBufReader::new(r.take(1 << 20)).lines();
    w.write_all(format!("{GREETING}\r\n").as_bytes()).await?;
    let mut role = if open { Role::Local } else { Role::Nobody };
    while let Some(line) = lines.next_line().await? {
        if line.len() > MAX_LINE {
            break;
        }
        let mut words = line.split_whitespace();
        let cmd = words.next().unwrap_or("").to_ascii_uppercase();
        let args: Vec<&str> = words.collect();
        let reply = match cmd.as_str() {
            "TOKEN" => {
                if args.first().is_some_and(|t| secret_eq(t, &token)) {
                    role = Role::Teacher;
                    "OK teacher".to_string()
                } else {
                    "NO refused".to_string()
                }
            }
            // The password is the rest of the line: it may hold spaces.
            "LOGIN" => match (
                args.first(),
                args.first().and_then(|u| {
                    let after = line.trim_start()[cmd.len()..].trim_start();
                    after
                        .strip_prefix(*u)
                        .map(|p| p.trim_start())
                        .filter(|p| !p.is_empty())
                }),
            ) {
                (Some(u), Some(p)) => match crate::server::auth::password(&store, u, p) {
                    Ok(name) => {
                        let reply = format!("OK student {name}");
                        role = Role::Student(name);
                        reply
                    }
                    Err(_) => "NO refused".to_string(),
                },
                _ => "NO refused".to_string(),
            },
            "STATS" => {
                let only = match &role {
                    Role::Nobody => {
                        w.write_all(b"NO auth-required\r\n").await?;
                        continue;
                    }
                    Role::Teacher | Role::Local => None,
                    Role::Student(u) => Some(u.as_str()),
                };
                let json = args.first().is_some_and(|a| a.eq_ignore_ascii_case("JSON"));
                let body = if json {
                    recorder.stats_json(only)
                } else {
                    recorder.stats_table(only)
                };
                super::dot_stuffed(&body)
            }
            "WATCH" => {
                let mut filter = Filter::default();
                for a in &args {
                    match a.split_once('=') {
                        Some(("user", v)) => filter.user = Some(v.to_string()),
                        Some(("protocol", v)) => filter.protocol = Protocol::parse(v),
                        Some(("session", v)) => filter.session = v.parse().ok(),
                        _ => {}
                    }
                }
                match &role {
                    Role::Nobody => {
                        w.write_all(b"NO auth-required\r\n").await?;
                        continue;
                    }
                    Role::Teacher | Role::Local => {}
                    // A student sees their own sessions whatever they ask.
                    Role::Student(u) => filter.user = Some(u.clone()),
                }
                // Registered before the OK: nothing after the OK is missed.
                let mut rx = recorder.watch(filter);
                w.write_all(b"OK\r\n").await?;
                loop {
                    tokio::select! {
                        l = rx.recv() => match l {
                            Some(l) => w.write_all(format!("{l}\r\n").as_bytes()).await?,
                            None => return Ok(()),
                        },
                        // The client closing (or sending anything) ends the watch.
                        _ = lines.next_line() => return Ok(()),
                    }
                }
            }
            "USERS" => {
                let only = match &role {
                    Role::Nobody => {
                        w.write_all(b"NO auth-required\r\n").await?;
                        continue;
                    }
                    Role::Teacher | Role::Local => None,
                    Role::Student(u) => Some(u.clone()),
                };
                let mut out = String::from("OK\r\n");
                for a in store.read(|i| i.account_summaries()) {
                    if only.as_ref().is_some_and(|u| *u != a.name) {
                        continue;
                    }
                    out.push_str(&format!(
                        "{} {} {} {} {}\r\n",
                        a.name,
                        a.kind.word(),
                        a.mailboxes,
                        a.messages,
                        a.bytes
                    ));
                }
                out.push_str(".\r\n");
                out
            }
            "RESET" | "SNAPSHOT" | "RESTORE" | "LOAD" | "DELIVER" => {
                match &role {
                    Role::Nobody => {
                        w.write_all(b"NO auth-required\r\n").await?;
                        continue;
                    }
                    Role::Teacher => {}
                    Role::Local | Role::Student(_) => {
                        w.write_all(b"NO teacher-only\r\n").await?;
                        continue;
                    }
                }
                // The rest of the line: a fixture's path may hold spaces.
                let rest = line.trim_start()[cmd.len()..].trim().to_string();
                let raw = if cmd == "DELIVER" {
                    let size = args.get(1).and_then(|n| n.parse::<u64>().ok());
                    let Some(size) = size.filter(|n| *n <= MAX_DELIVER) else {
                        w.write_all(b"NO failed size\r\n").await?;
                        return Ok(());
                    };
                    let reader = lines.get_mut();
                    let limit = reader.get_ref().limit();
                    reader.get_mut().set_limit(limit + size);
                    let mut raw = vec![0u8; size as usize];
                    reader.read_exact(&mut raw).await?;
                    raw
                } else {
                    Vec::new()
                };
                let store = store.clone();
                let cmd2 = cmd.clone();
                let args2: Vec<String> = args.iter().map(|a| a.to_string()).collect();
                tokio::task::spawn_blocking(move || change(&store, &cmd2, &args2, &rest, &raw))
                    .await
                    .unwrap_or_else(|_| "NO failed\r\n".to_string())
            }
            "FAULTS" => fault_request(&served.faults, &role, &line),
            "CLIENT-CONFIG" => {
                let mut out = String::from("OK\r\n");
                for (name, protocol, addr, implicit) in &served.listeners {
                    let tls = if *implicit { "tls" } else { "starttls" };
                    out.push_str(&format!(
                        "LISTENER {name} {} {addr} {tls}\r\n",
                        protocol.name()
                    ));
                }
                for l in served.ca_pem.iter().flat_map(|p| p.lines()) {
                    out.push_str(&format!("{l}\r\n"));
                }
                out + ".\r\n"
            }
            "QUIT" => return Ok(()),
            // Lessons on the lab server and the progress table (`super::lessons`).
            _ => {
                let who = match &role {
                    Role::Nobody => super::lessons::Who::Nobody,
                    Role::Student(u) => super::lessons::Who::Student(u),
                    _ => super::lessons::Who::Teacher,
                };
                super::lessons::request(&cmd, &args, who, &store, &recorder.lessons)
                    .unwrap_or_else(|| "NO unknown-command".to_string())
            }
        };
        let reply = if reply.ends_with("\r\n") {
            reply
        } else {
            format!("{reply}\r\n")
        };
        w.write_all(reply.as_bytes()).await?;
    }
    Ok(())
}

/// What the lab server serves, for `FAULTS` and `CLIENT-CONFIG`.
#[derive(Default)]
pub struct Served {
    /// The fault plan (rules change at run time).
    pub faults: Arc<FaultPlan>,
    /// Each listener: name, protocol, bound address, implicit TLS (else STARTTLS).
    pub listeners: Vec<(String, Protocol, SocketAddr, bool)>,
    /// The certificate clients should trust, PEM.
    pub ca_pem: Option<String>,
}

/// `maillab ctl client-config`: the servers, ports, security and CA a mail client
/// needs, as text, or (`thunderbird`) as Thunderbird's autoconfig XML
/// (clientConfig/emailProvider/incomingServer/outgoingServer).
pub fn ctl_client_config(
    addr: &str,
    creds: &Credentials,
    thunderbird: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut c = Client::connect(addr, creds)?;
    c.writer.write_all(b"CLIENT-CONFIG\r\n")?;
    let reply = c.line()?;
    if !reply.starts_with("OK") {
        return Err(refusal(&reply));
    }
    let mut listeners = Vec::new();
    let mut ca = String::new();
    loop {
        let l = c.line()?;
        if l == "." {
            break;
        }
        let w: Vec<&str> = l.split_whitespace().collect();
        match w.as_slice() {
            ["LISTENER", name, protocol, at, tls] => listeners.push((
                name.to_string(),
                protocol.to_string(),
                at.parse::<SocketAddr>().ok(),
                *tls == "tls",
            )),
            _ => ca.push_str(&format!("{l}\n")),
        }
    }
    // An address bound to every interface: the host this client reached.
    let asked = addr
        .rsplit_once(':')
        .map_or(addr, |(h, _)| h)
        .trim_matches(['[', ']']);
    let host = |a: &Option<SocketAddr>| match a {
        Some(a) if !a.ip().is_unspecified() => a.ip().to_string(),
        _ => asked.to_string(),
    };
    let port = |a: &Option<SocketAddr>| a.map_or(0, |a| a.port());
    if !thunderbird {
        for (name, protocol, at, tls) in &listeners {
            let security = if *tls {
                crate::tr!("lab.ctl.config_tls")
            } else {
                crate::tr!("lab.ctl.config_starttls")
            };
            writeln!(
                out,
                "{name:<11} {:<5} {}:{} {security}",
                protocol.to_ascii_uppercase(),
                host(at),
                port(at)
            )?;
        }
        if !ca.is_empty() {
            writeln!(out, "{}", crate::tr!("lab.ctl.config_ca"))?;
            write!(out, "{ca}")?;
        }
        return Ok(());
    }
    let domain = "maillab.test";
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(out, "<clientConfig version=\"1.1\">")?;
    writeln!(out, "  <emailProvider id=\"{domain}\">")?;
    writeln!(out, "    <domain>{domain}</domain>")?;
    writeln!(out, "    <displayName>maillab</displayName>")?;
    // Incoming first (implicit TLS before STARTTLS), then outgoing (submission first).
    let mut order: Vec<_> = listeners.iter().collect();
    order.sort_by_key(|(name, protocol, _, tls)| (protocol == "smtp", name != "submission", !tls));
    for (_, protocol, at, tls) in order {
        let (element, kind) = match protocol.as_str() {
            "smtp" => ("outgoingServer", "smtp"),
            "pop3" => ("incomingServer", "pop3"),
            _ => ("incomingServer", "imap"),
        };
        let socket = if *tls { "SSL" } else { "STARTTLS" };
        writeln!(out, "    <{element} type=\"{kind}\">")?;
        writeln!(out, "      <hostname>{}</hostname>", host(at))?;
        writeln!(out, "      <port>{}</port>", port(at))?;
        writeln!(out, "      <socketType>{socket}</socketType>")?;
        writeln!(
            out,
            "      <authentication>password-cleartext</authentication>"
        )?;
        writeln!(out, "      <username>%EMAILLOCALPART%</username>")?;
        writeln!(out, "    </{element}>")?;
    }
    writeln!(out, "  </emailProvider>")?;
    writeln!(out, "</clientConfig>")?;
    Ok(())
}

/// `FAULTS ADD <rule> | LIST | CLEAR`: the whole reply. Listing is reading (the
/// teacher, or anyone on a loopback endpoint); changing is the teacher's.
fn fault_request(faults: &FaultPlan, role: &Role, line: &str) -> String {
    let rest = line.trim_start()["FAULTS".len()..].trim_start();
    let (op, rule) = rest.split_once(' ').unwrap_or((rest, ""));
    let op = op.to_ascii_uppercase();
    match (role, op.as_str()) {
        (Role::Nobody, _) => "NO auth-required".into(),
        (Role::Teacher | Role::Local, "LIST") => {
            let mut out = String::from("OK\r\n");
            for r in faults.rules() {
                out.push_str(&format!("{r}\r\n"));
            }
            out + ".\r\n"
        }
        (Role::Teacher, "ADD") => match faults.add(rule) {
            Ok(()) => "OK".into(),
            Err(e) => format!("NO failed {e}"),
        },
        (Role::Teacher, "CLEAR") => {
            faults.clear();
            "OK".into()
        }
        (_, "LIST" | "ADD" | "CLEAR") => "NO teacher-only".into(),
        _ => "NO unknown-command".into(),
    }
}

/// `maillab ctl faults add RULE | list | clear`: `request` is `ADD <rule>`, `LIST` or
/// `CLEAR`; writes the rules (list) or what was done to `out`.
pub fn ctl_faults(
    addr: &str,
    creds: &Credentials,
    request: &str,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut c = Client::connect(addr, creds)?;
    c.writer
        .write_all(format!("FAULTS {request}\r\n").as_bytes())?;
    let reply = c.line()?;
    if !reply.starts_with("OK") {
        return Err(refusal(&reply));
    }
    if request.eq_ignore_ascii_case("LIST") {
        loop {
            let l = c.line()?;
            if l == "." {
                break;
            }
            writeln!(out, "{l}")?;
        }
    } else {
        writeln!(out, "{}", crate::tr!("lab.ctl.faults_done"))?;
    }
    Ok(())
}

/// Runs one of the teacher's changes on the store; the whole reply.
fn change(
    store: &crate::store::Store,
    cmd: &str,
    args: &[String],
    rest: &str,
    raw: &[u8],
) -> String {
    use crate::store::accounts::OpError;
    let refuse = |e: OpError| match e {
        OpError::NoSuchUser(u) => format!("NO no-such-user {u}\r\n"),
        OpError::NoSuchSnapshot(n) => format!("NO no-such-snapshot {n}\r\n"),
        OpError::BadName(n) => format!("NO bad-name {n}\r\n"),
        OpError::Io(e) => format!("NO failed {}\r\n", one_line(&e.to_string())),
    };
    let name = args.first().map(String::as_str).unwrap_or("");
    match cmd {
        "RESET" => match store.reset(args.first().map(String::as_str)) {
            Ok(n) => format!("OK {n}\r\n"),
            Err(e) => refuse(e),
        },
        "SNAPSHOT" => match store.snapshot(name) {
            Ok(n) => format!("OK {n}\r\n"),
            Err(e) => refuse(e),
        },
        "RESTORE" => match store.restore(name) {
            Ok(n) => format!("OK {n}\r\n"),
            Err(e) => refuse(e),
        },
        "LOAD" => match store.load(std::path::Path::new(rest)) {
            Ok((n, problems)) => {
                let mut out = format!("OK {n}\r\n");
                for p in problems {
                    let p = one_line(&p);
                    if p.starts_with('.') {
                        out.push('.');
                    }
                    out.push_str(&p);
                    out.push_str("\r\n");
                }
                out.push_str(".\r\n");
                out
            }
            Err(e) => refuse(e),
        },
        "DELIVER" => match store.deliver_local(name, raw, chrono::Local::now().fixed_offset()) {
            Ok((user, uid)) => format!("OK {user} {uid}\r\n"),
            Err(_) => format!("NO no-such-user {name}\r\n"),
        },
        _ => "NO unknown-command\r\n".to_string(),
    }
}

/// A text made safe for one reply line.
fn one_line(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}

/// Compares secrets in time independent of where they differ.
fn secret_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A fresh teacher token: 16 random octets in hex.
pub fn new_token() -> String {
    let mut buf = [0u8; 16];
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf))
        .is_ok();
    if !ok {
        // No random device: the clock and the process id, still unguessable enough
        // for a classroom on loopback.
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        buf[..16].copy_from_slice(&(t ^ u128::from(std::process::id())).to_le_bytes());
    }
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// How a control client proves who it is.
#[derive(Clone, Debug, Default)]
pub struct Credentials {
    pub token: Option<String>,
    /// A mail account: (user, password).
    pub login: Option<(String, String)>,
}

/// A connected, authenticated control client.
struct Client {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

/// Why a control request failed, as a language-table id.
fn refusal(reply: &str) -> std::io::Error {
    let reply = reply.trim();
    let (word, detail) = reply
        .strip_prefix("NO ")
        .map(|r| r.split_once(' ').unwrap_or((r, "")))
        .unwrap_or(("", ""));
    let text = match word {
        "auth-required" => crate::tr!("lab.ctl.auth_required"),
        "refused" => crate::tr!("lab.ctl.refused"),
        "teacher-only" => crate::tr!("lab.ctl.teacher_only"),
        "no-such-user" => crate::tr!("lab.ctl.no_such_user", user = detail),
        "no-such-snapshot" => crate::tr!("lab.ctl.no_snapshot", name = detail),
        "bad-name" => crate::tr!("lab.ctl.bad_name", name = detail),
        "failed" => crate::tr!("lab.ctl.failed", reason = detail),
        _ => crate::tr!("lab.ctl.unexpected", reply = reply),
    };
    std::io::Error::other(text)
}

impl Client {
    fn connect(addr: &str, creds: &Credentials) -> std::io::Result<Client> {
        let addrs: Vec<SocketAddr> = std::net::ToSocketAddrs::to_socket_addrs(addr)?.collect();
        let s = TcpStream::connect_timeout(
            addrs
                .first()
                .ok_or_else(|| std::io::Error::other(addr.to_string()))?,
            std::time::Duration::from_secs(10),
        )?;
        let mut c = Client {
            reader: BufReader::new(s.try_clone()?),
            writer: s,
        };
        let greeting = c.line()?;
        if greeting.trim() != GREETING {
            return Err(refusal(&greeting));
        }
        if let Some(t) = &creds.token {
            c.request(&format!("TOKEN {t}"))?;
        }
        if let Some((u, p)) = &creds.login {
            c.request(&format!("LOGIN {u} {p}"))?;
        }
        Ok(c)
    }

    fn line(&mut self) -> std::io::Result<String> {
        let mut l = String::new();
        if self.reader.read_line(&mut l)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        Ok(l.trim_end_matches(['\r', '\n']).to_string())
    }

    /// Sends a request; `Err` unless the answer is `OK …`.
    fn request(&mut self, line: &str) -> std::io::Result<String> {
        self.writer.write_all(format!("{line}\r\n").as_bytes())?;
        let reply = self.line()?;
        if reply.starts_with("OK") {
            Ok(reply)
        } else {
            Err(refusal(&reply))
        }
    }
}

/// `maillab ctl stats [--json]`: writes the statistics to `out`.
pub fn ctl_stats(
    addr: &str,
    creds: &Credentials,
    json: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut c = Client::connect(addr, creds)?;
    c.request(if json { "STATS JSON" } else { "STATS" })?;
    loop {
        let l = c.line()?;
        if l == "." {
            break;
        }
        let l = l.strip_prefix('.').unwrap_or(&l);
        writeln!(out, "{}", crate::protocol::bidi::line(l))?;
    }
    let _ = c.writer.write_all(b"QUIT\r\n");
    Ok(())
}

/// `maillab ctl users`: every account (a student: their own) with its mail's size.
pub fn ctl_users(addr: &str, creds: &Credentials, out: &mut dyn Write) -> std::io::Result<()> {
    let mut c = Client::connect(addr, creds)?;
    c.request("USERS")?;
    let mut rows = Vec::new();
    loop {
        let l = c.line()?;
        if l == "." {
            break;
        }
        rows.push(l.split(' ').map(str::to_string).collect::<Vec<_>>());
    }
    let _ = c.writer.write_all(b"QUIT\r\n");
    let header: Vec<String> = crate::tr!("lab.ctl.users_header")
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let mut widths = vec![0usize; header.len()];
    for r in std::iter::once(&header).chain(&rows) {
        for (i, cell) in r.iter().enumerate().take(widths.len()) {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    for r in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (i, cell) in r.iter().enumerate().take(widths.len()) {
            let pad = widths[i].saturating_sub(cell.chars().count());
            if i >= 2 {
                // Numbers to the right.
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            }
            line.push_str("  ");
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// One of the teacher's changes through `maillab ctl`.
#[derive(Clone, Debug)]
pub enum Change {
    /// Every user's (or one user's) mail back to what the server started with.
    Reset(Option<String>),
    Snapshot(String),
    Restore(String),
    /// A fixture path as `--fixture` takes it (read by the server).
    Load(std::path::PathBuf),
    /// A message file (read here) for a user's INBOX.
    Deliver {
        file: std::path::PathBuf,
        to: String,
    },
}

/// `maillab ctl reset | snapshot | restore | load | deliver`: asks for the change and
/// writes what was done to `out`.
pub fn ctl_change(
    addr: &str,
    creds: &Credentials,
    change: &Change,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let read_err = |p: &std::path::Path, e: std::io::Error| {
        std::io::Error::new(
            e.kind(),
            crate::tr!("lab.ctl.reading", path = p.display(), error = e),
        )
    };
    // Read before connecting: a missing file is the user's mistake, not the server's.
    let (request, body) = match change {
        Change::Reset(None) => ("RESET".to_string(), Vec::new()),
        Change::Reset(Some(u)) => (format!("RESET {u}"), Vec::new()),
        Change::Snapshot(n) => (format!("SNAPSHOT {n}"), Vec::new()),
        Change::Restore(n) => (format!("RESTORE {n}"), Vec::new()),
        Change::Load(p) => {
            let abs = std::fs::canonicalize(p).map_err(|e| read_err(p, e))?;
            (format!("LOAD {}", abs.display()), Vec::new())
        }
        Change::Deliver { file, to } => {
            let raw = std::fs::read(file).map_err(|e| read_err(file, e))?;
            (format!("DELIVER {to} {}", raw.len()), raw)
        }
    };
    let mut c = Client::connect(addr, creds)?;
    c.writer.write_all(format!("{request}\r\n").as_bytes())?;
    c.writer.write_all(&body)?;
    let reply = c.line()?;
    let Some(rest) = reply.strip_prefix("OK") else {
        return Err(refusal(&reply));
    };
    let mut words = rest.split_whitespace();
    let first = words.next().unwrap_or("0");
    let text = match change {
        Change::Reset(_) => crate::tr!("lab.ctl.reset_done", changed = first),
        Change::Snapshot(n) => crate::tr!("lab.ctl.snapshot_done", name = n, users = first),
        Change::Restore(n) => crate::tr!("lab.ctl.restore_done", name = n, changed = first),
        Change::Load(p) => {
            loop {
                let l = c.line()?;
                if l == "." {
                    break;
                }
                let l = l.strip_prefix('.').unwrap_or(&l).to_string();
                eprintln!(
                    "maillab: {}",
                    crate::tr!("main.fixture_problem", problem = l)
                );
            }
            crate::tr!("lab.ctl.load_done", path = p.display(), changed = first)
        }
        Change::Deliver { .. } => crate::tr!(
            "lab.ctl.deliver_done",
            user = first,
            uid = words.next().unwrap_or("?")
        ),
    };
    let _ = c.writer.write_all(b"QUIT\r\n");
    writeln!(out, "{text}")
}

/// `maillab watch`: writes the trace lines of the sessions `filter` passes to `out`
/// until the server goes away.
pub fn watch(
    addr: &str,
    creds: &Credentials,
    filter: &Filter,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut c = Client::connect(addr, creds)?;
    let mut req = String::from("WATCH");
    if let Some(u) = &filter.user {
        req.push_str(&format!(" user={u}"));
    }
    if let Some(p) = filter.protocol {
        req.push_str(&format!(" protocol={}", p.name()));
    }
    if let Some(s) = filter.session {
        req.push_str(&format!(" session={s}"));
    }
    c.request(&req)?;
    let started = format!("-- {}", crate::tr!("lab.watch.started", server = addr));
    eprintln!("{}", crate::protocol::bidi::line(&started));
    loop {
        let l = match c.line() {
            Ok(l) => l,
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(()),
            Err(e) => return Err(e),
        };
        writeln!(out, "{}", crate::protocol::bidi::line(&l))?;
        out.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lab::LabOptions;
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt};

    /// An endpoint that is not "open" (as when bound beyond loopback) wants the
    /// token or a login before anything; a student's login is checked by the store.
    #[test]
    fn a_closed_endpoint_wants_a_token_or_a_login() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let recorder =
                Recorder::start(LabOptions::default(), Box::new(std::io::sink())).unwrap();
            let store = Arc::new(crate::store::fixture::default_store());
            let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
            let addr = l.local_addr().unwrap();
            tokio::spawn(async move {
                let (sock, _) = l.accept().await.unwrap();
                let _ = client(
                    sock,
                    recorder,
                    (store, Arc::default()),
                    "sesame".into(),
                    false,
                )
                .await;
            });
            let s = tokio::net::TcpStream::connect(addr).await.unwrap();
            let (r, mut w) = s.into_split();
            let mut lines = tokio::io::BufReader::new(r).lines();
            assert_eq!(lines.next_line().await.unwrap().unwrap(), GREETING);
            let mut answers = Vec::new();
            for line in [
                "STATS",
                "WATCH",
                "TOKEN wrong",
                "LOGIN alex wrong",
                "LOGIN alex drums",
                "STATS JSON",
            ] {
                w.write_all(format!("{line}\r\n").as_bytes()).await.unwrap();
                answers.push(lines.next_line().await.unwrap().unwrap());
            }
            assert_eq!(
                answers,
                [
                    "NO auth-required",
                    "NO auth-required",
                    "NO refused",
                    "NO refused",
                    "OK student alex",
                    "OK"
                ]
            );
        });
    }
}
