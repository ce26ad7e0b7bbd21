//! The only code that moves a session's bytes over a stream: it reads what the client
//! sends, feeds the session, writes its output, wakes IDLE sessions when the store
//! changes, runs the work sessions leave (SEARCH) on a blocking thread, and enforces
//! the timers and limits that keep one client from holding the server:
//!
//! - the idle timer restarts on complete commands only ([`Output::command_done`]),
//!   not on bytes: short before login, long after (RFC 3501 §5.4: at least 30
//!   minutes); a session in IDLE is never dropped for idling;
//! - while a literal or a message is being received, a minimum throughput;
//! - pending output that the client does not accept for a while closes the connection;
//! - a TLS handshake has a deadline;
//! - a failed authentication is answered after a delay that doubles, and a few
//!   failures close the connection (no per-account lockout: a classmate could lock
//!   anyone out).

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::Semaphore;
use tokio::time::Instant;

use super::{Output, ServerConfig, Session};
use crate::store::SharedStore;
use crate::transport::tls::{self, LazyServerTls};
use crate::transport::AsyncStream;

/// The timers and limits the driver enforces on one connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Silence allowed between complete commands after login.
    pub idle: Duration,
    /// The same before login.
    pub prelogin: Duration,
    /// Pending output the client accepts no byte of for this long closes the connection.
    pub write_stall: Duration,
    /// While a literal or message arrives: at least this many octets per `rate_window`.
    pub min_data_octets: u64,
    /// The window the minimum throughput is measured over.
    pub rate_window: Duration,
    /// Deadline of a STARTTLS / STLS handshake.
    pub tls_handshake: Duration,
    /// Delay before the answer to the first failed authentication; doubled for each
    /// further one.
    pub auth_delay: Duration,
    /// Failed authentications after which the connection is closed.
    pub max_auth_failures: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits::from_config(&ServerConfig::default())
    }
}

impl Limits {
    /// The limits a [`ServerConfig`] asks for.
    pub fn from_config(c: &ServerConfig) -> Self {
        Limits {
            idle: c.idle_timeout,
            prelogin: c.prelogin_timeout.min(c.idle_timeout),
            write_stall: c.write_stall_timeout,
            min_data_octets: c
                .min_data_rate
                .saturating_mul(c.rate_window.as_secs().max(1)),
            rate_window: c.rate_window,
            tls_handshake: c.tls_handshake_timeout,
            auth_delay: c.auth_failure_delay,
            max_auth_failures: c.max_auth_failures,
        }
    }
}

/// Longest single delay after a failed authentication.
const MAX_AUTH_DELAY: Duration = Duration::from_secs(15);
/// Octets written per call, so the write-stall deadline sees progress.
const WRITE_CHUNK: usize = 64 * 1024;

/// Blocking work (SEARCH) running at once in the whole process: leave the other core(s)
/// to the I/O threads.
fn work_slots() -> &'static Semaphore {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    SLOTS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Semaphore::new(cores.saturating_sub(1).max(1))
    })
}

/// Why a connection ends.
enum End {
    /// The client went away or the stream failed.
    Gone,
    /// Close after writing what is pending.
    Close,
    /// Read the next input.
    Continue,
}

/// Runs one session until either side closes. Errors on the stream end the session
/// quietly: a vanished client is normal, and the session drops unfinished work.
/// `tls` is what a STARTTLS / STLS upgrade uses.
pub async fn run(
    mut stream: Box<dyn AsyncStream>,
    mut session: Box<dyn Session>,
    store: SharedStore,
    limits: Limits,
    tls: Option<Arc<LazyServerTls>>,
) {
    session.attach_driver();
    let mut changes = store.subscribe();
    changes.mark_unchanged();
    let mut resets = store.subscribe_resets();
    resets.mark_unchanged();
    // Small: an idle connection holds this buffer, and 1,000 of them must stay cheap.
    let mut buf = vec![0u8; 8 * 1024];
    let out = session.greeting();
    if write_out(&mut stream, &out, limits.write_stall)
        .await
        .is_err()
        || out.close
    {
        let _ = stream.shutdown().await;
        return;
    }
    let mut last_command = Instant::now();
    // Start of the current throughput window and octets received in it.
    let mut window: Option<(Instant, u64)> = None;
    let mut auth_failures = 0u32;
    loop {
        let want_events = session.wants_store_events();
        let timer = if session.authenticated() {
            limits.idle
        } else {
            limits.prelogin
        };
        // An IDLE client is never dropped for idling (RFC 2177 asks clients to renew
        // within 29 minutes; dropping them teaches the wrong lesson).
        let idle_deadline = (!want_events).then(|| last_command + timer);
        if !session.receiving_data() {
            window = None;
        }
        let rate_deadline = window.map(|(start, _)| start + limits.rate_window);
        let mut out = tokio::select! {
            r = stream.read(&mut buf) => match r {
                Ok(0) | Err(_) => {
                    session.disconnected();
                    return;
                }
                Ok(n) => {
                    let out = session.receive(&buf[..n]);
                    if session.receiving_data() {
                        let w = window.get_or_insert((Instant::now(), 0));
                        w.1 += n as u64;
                    }
                    out
                }
            },
            _ = sleep_until(idle_deadline), if idle_deadline.is_some() => {
                let mut out = session.timed_out();
                out.close = true;
                out
            }
            _ = sleep_until(rate_deadline), if rate_deadline.is_some() => {
                let (_, got) = window.take().unwrap_or((Instant::now(), 0));
                if got >= limits.min_data_octets {
                    // Fast enough: measure the next window.
                    window = Some((Instant::now(), 0));
                    continue;
                }
                let mut out = session.timed_out();
                out.close = true;
                out
            }
            r = changes.changed(), if want_events => {
                if r.is_err() {
                    continue;
                }
                session.store_changed()
            }
            r = resets.changed() => {
                if r.is_err() {
                    continue;
                }
                session.store_replaced()
            }
        };
        // Write this part, run any work the session left, and answer input the session
        // kept back at its output budget, until nothing is left.
        let end = loop {
            if let Some(d) = out.delay.take() {
                tokio::time::sleep(d).await;
            }
            if out.command_done {
                last_command = Instant::now();
            }
            if out.auth_failed {
                auth_failures += 1;
                let shift = auth_failures.saturating_sub(1).min(8);
                let delay = limits.auth_delay.saturating_mul(1 << shift);
                tokio::time::sleep(delay.min(MAX_AUTH_DELAY)).await;
                if auth_failures >= limits.max_auth_failures {
                    out.close = true;
                }
            }
            if let Some(work) = session.take_work() {
                if write_out(&mut stream, &out, limits.write_stall)
                    .await
                    .is_err()
                {
                    break End::Gone;
                }
                let result = run_work(work).await;
                out = session.work_done(result);
                continue;
            }
            if session.has_pending_input() && !out.close && !out.start_tls {
                if write_out(&mut stream, &out, limits.write_stall)
                    .await
                    .is_err()
                {
                    break End::Gone;
                }
                out = session.receive(&[]);
                continue;
            }
            if write_out(&mut stream, &out, limits.write_stall)
                .await
                .is_err()
            {
                break End::Gone;
            }
            if out.close {
                break End::Close;
            }
            if out.start_tls {
                // The session said OK/220/+OK and dropped anything pipelined after the
                // command (CVE-2011-0411); bytes still unread in the socket belong to
                // the handshake.
                let Some(cfg) = tls.as_ref().and_then(|t| t.config().ok()) else {
                    break End::Gone;
                };
                match tokio::time::timeout(limits.tls_handshake, tls::accept(stream, cfg)).await {
                    Ok(Ok(s)) => {
                        stream = s;
                        session.tls_started();
                        last_command = Instant::now();
                    }
                    _ => {
                        session.disconnected();
                        return;
                    }
                }
            }
            break End::Continue;
        };
        match end {
            End::Gone => {
                session.disconnected();
                return;
            }
            End::Close => {
                let _ = stream.shutdown().await;
                return;
            }
            End::Continue => {}
        }
    }
}

async fn sleep_until(deadline: Option<Instant>) {
    match deadline {
        Some(d) => tokio::time::sleep_until(d).await,
        None => std::future::pending().await,
    }
}

/// Runs a session's work on the blocking pool, a bounded number at a time.
async fn run_work(work: super::Work) -> Box<dyn std::any::Any + Send> {
    let _permit = work_slots().acquire().await;
    let job = work.0;
    let run = move || {
        lower_priority();
        job()
    };
    match tokio::task::spawn_blocking(run).await {
        Ok(r) => r,
        // A panic in the work: the session reports a failure of its own kind.
        Err(_) => Box::new(()),
    }
}

/// Lowers the calling thread's scheduling priority (nice 10): the blocking pool's
/// threads run long work, which should yield the CPU to the threads serving sockets
/// when the machine is busy. Only this thread changes (Linux: per-thread nice).
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: gettid has no preconditions; setpriority only changes this thread's nice
    // value (failing harmlessly, e.g. when not permitted).
    unsafe {
        let tid = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, 10);
    }
}

/// Writes an output, its spliced stored octets in place, in chunks; a client that
/// accepts no byte for `stall` ends the connection (error).
async fn write_out(
    stream: &mut Box<dyn AsyncStream>,
    out: &Output,
    stall: Duration,
) -> std::io::Result<()> {
    if out.is_empty() {
        return Ok(());
    }
    for piece in out.pieces() {
        for chunk in piece.chunks(WRITE_CHUNK) {
            let mut rest = chunk;
            while !rest.is_empty() {
                let n = tokio::time::timeout(stall, stream.write(rest))
                    .await
                    .map_err(|_| std::io::Error::from(std::io::ErrorKind::TimedOut))??;
                if n == 0 {
                    return Err(std::io::ErrorKind::WriteZero.into());
                }
                rest = &rest[n..];
            }
        }
    }
    tokio::time::timeout(stall, stream.flush())
        .await
        .map_err(|_| std::io::Error::from(std::io::ErrorKind::TimedOut))?
}
