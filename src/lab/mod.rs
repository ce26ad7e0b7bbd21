//! The lab server's watch and measure side: what `maillab serve --trace`,
//! `--transcripts DIR` and `--stats-file FILE` do with the records of observed
//! sessions ([`crate::server::observe`]).
//!
//! A [`Recorder`] is the [`Sink`] every observed session reports to. It never blocks
//! a server thread: records go through a bounded queue to one thread that renders
//! them ([`trace`], with the REPL's renderer and explanations), writes the trace to
//! its output and each session's transcript to a file, and keeps the statistics
//! ([`stats`]), written as versioned JSON when sessions end and summed up when the
//! server stops.

pub mod control;
pub mod lessons;
pub mod stats;
pub mod trace;

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::protocol::follow::{Event, SessionId};
use crate::protocol::Protocol;
use crate::server::observe::{LabEvent, Record, Sink};

/// Records waiting to be rendered before new ones are dropped (and counted).
const QUEUE: usize = 8192;
/// The statistics file is rewritten at most this often.
const STATS_EVERY: Duration = Duration::from_millis(200);

/// What the recorder does with the records.
#[derive(Clone, Debug, Default)]
pub struct LabOptions {
    /// Print every session's lines live (`--trace`).
    pub trace: bool,
    /// Show secrets in the trace (`--show-secrets`); transcripts always mask them.
    pub show_secrets: bool,
    /// Colour the trace (a terminal).
    pub styled: bool,
    /// One transcript file per session in this directory (`--transcripts`).
    pub transcripts: Option<PathBuf>,
    /// Statistics as JSON here (`--stats-file`).
    pub stats_file: Option<PathBuf>,
    /// Lesson progress kept here (`--data DIR`: [`lessons::PROGRESS_FILE`] in it).
    pub progress_file: Option<PathBuf>,
}

impl LabOptions {
    /// Whether sessions need watching at all.
    pub fn any(&self) -> bool {
        self.trace || self.transcripts.is_some() || self.stats_file.is_some()
    }
}

/// Which sessions a watcher follows (`maillab watch` filters and a student's role).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this user's sessions (as named at login; `alex` and `alex@…` match).
    pub user: Option<String>,
    pub protocol: Option<Protocol>,
    pub session: Option<SessionId>,
}

/// Whether two login names are the same account: a name and its address are.
pub fn same_user(a: &str, b: &str) -> bool {
    let local = |s: &str| s.split('@').next().unwrap_or("").to_ascii_lowercase();
    local(a) == local(b)
}

impl Filter {
    /// Whether a session's record passes (a user filter needs the login first).
    pub fn passes(&self, r: &Record) -> bool {
        self.protocol.is_none_or(|p| p == r.session.protocol)
            && self.session.is_none_or(|s| s == r.session.id)
            && self
                .user
                .as_deref()
                .is_none_or(|u| r.user.as_deref().is_some_and(|v| same_user(u, v)))
    }
}

struct Watcher {
    filter: Filter,
    tx: tokio::sync::mpsc::Sender<String>,
}

/// What the recorder's thread shares with queries (the control endpoint).
#[derive(Default)]
struct Shared {
    stats: Mutex<stats::Collector>,
    /// The statistics changed since the file was written.
    dirty: std::sync::atomic::AtomicBool,
    watchers: Mutex<Vec<Watcher>>,
}

enum Msg {
    Record(Record),
    /// Write everything out, then acknowledge.
    Finish(mpsc::Sender<()>),
}

/// The sink of the lab server's observed sessions: a queue to one rendering thread.
pub struct Recorder {
    tx: SyncSender<Msg>,
    shared: Arc<Shared>,
    dropped: Arc<AtomicU64>,
    finished: Mutex<bool>,
    /// Every student's lesson progress (the control endpoint's `PROGRESS`).
    pub lessons: lessons::Board,
}

impl Recorder {
    /// Starts the rendering thread; the trace goes to `out`.
    pub fn start(opts: LabOptions, out: Box<dyn Write + Send>) -> std::io::Result<Arc<Recorder>> {
        if let Some(dir) = &opts.transcripts {
            std::fs::create_dir_all(dir)?;
        }
        let board = lessons::Board::open(opts.progress_file.clone())?;
        let (tx, rx) = mpsc::sync_channel(QUEUE);
        let dropped = Arc::new(AtomicU64::new(0));
        let shared = Arc::new(Shared::default());
        let worker = Worker {
            opts,
            out,
            sessions: HashMap::new(),
            shared: shared.clone(),
            written: Instant::now(),
            dropped: dropped.clone(),
            reported_drops: 0,
        };
        std::thread::Builder::new()
            .name("maillab-trace".into())
            .spawn(move || worker.run(rx))?;
        Ok(Arc::new(Recorder {
            tx,
            shared,
            dropped,
            finished: Mutex::new(false),
            lessons: board,
        }))
    }

    /// Follows the sessions `filter` passes: their trace lines (secrets masked), each
    /// with its `[id protocol user]` prefix. A watcher that does not keep up misses
    /// lines; dropping the receiver ends the watch.
    pub fn watch(&self, filter: Filter) -> tokio::sync::mpsc::Receiver<String> {
        let (tx, rx) = tokio::sync::mpsc::channel(4096);
        lock(&self.shared.watchers).push(Watcher { filter, tx });
        rx
    }

    /// The statistics document (JSON), of one user's sessions only when `user` is given.
    pub fn stats_json(&self, user: Option<&str>) -> String {
        lock(&self.shared.stats).json_for(user)
    }

    /// The per-protocol totals as a table, of one user's sessions when `user` is given.
    pub fn stats_table(&self, user: Option<&str>) -> String {
        lock(&self.shared.stats).table_for(user)
    }

    /// Writes out everything queued (trace, transcripts, statistics file) and prints
    /// the per-protocol totals; later records are ignored. Waits at most 10 s.
    pub fn finish(&self) {
        let mut done = self.finished.lock().unwrap_or_else(|e| e.into_inner());
        if *done {
            return;
        }
        *done = true;
        let (ack, wait) = mpsc::channel();
        if self.tx.send(Msg::Finish(ack)).is_ok() {
            let _ = wait.recv_timeout(Duration::from_secs(10));
        }
    }
}

impl Sink for Recorder {
    fn record(&self, r: Record) {
        // Statistics are kept here, not behind the queue: a trace that cannot keep up
        // loses lines, never counts.
        if matches!(r.event, LabEvent::Failed(_) | LabEvent::Stats(_)) {
            let mut stats = lock(&self.shared.stats);
            stats.saw(&r);
            if let LabEvent::Stats(s) = &r.event {
                stats.add(&r, s.clone());
                self.shared.dirty.store(true, Ordering::Relaxed);
            }
        }
        match self.tx.try_send(Msg::Record(r)) {
            Ok(()) | Err(TrySendError::Disconnected(_)) => {}
            Err(TrySendError::Full(_)) => {
                self.dropped.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
}

/// One session as the rendering thread follows it.
struct Open {
    view: trace::SessionView,
    transcript: Option<(PathBuf, std::io::BufWriter<std::fs::File>)>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

struct Worker {
    opts: LabOptions,
    out: Box<dyn Write + Send>,
    sessions: HashMap<SessionId, Open>,
    shared: Arc<Shared>,
    written: Instant,
    dropped: Arc<AtomicU64>,
    reported_drops: u64,
}

impl Worker {
    fn run(mut self, rx: Receiver<Msg>) {
        loop {
            match rx.recv_timeout(STATS_EVERY) {
                Ok(Msg::Record(r)) => self.record(r),
                Ok(Msg::Finish(ack)) => {
                    while let Ok(Msg::Record(r)) = rx.try_recv() {
                        self.record(r);
                    }
                    self.finish();
                    let _ = ack.send(());
                    return;
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    self.finish();
                    return;
                }
            }
            if self.shared.dirty.load(Ordering::Relaxed) && self.written.elapsed() >= STATS_EVERY {
                self.write_stats();
            }
        }
    }

    fn record(&mut self, r: Record) {
        let id = r.session.id;
        if matches!(r.event, LabEvent::Event(Event::SessionOpened { .. })) {
            let transcript = self.opts.transcripts.as_ref().and_then(|dir| {
                let path = dir.join(trace::transcript_name(&r.session, None));
                let f = std::fs::File::create(&path).ok()?;
                Some((path, std::io::BufWriter::new(f)))
            });
            self.sessions.insert(
                id,
                Open {
                    view: trace::SessionView::new(&r.session),
                    transcript,
                },
            );
        }
        let Some(open) = self.sessions.get_mut(&id) else {
            return;
        };
        // Explaining replies is the costly part: only when someone reads them.
        let wanted =
            self.opts.trace || open.transcript.is_some() || !lock(&self.shared.watchers).is_empty();
        let (masked, revealed) = if wanted || !matches!(r.event, LabEvent::Event(Event::Reply(_))) {
            open.view.render(&r, self.opts.show_secrets)
        } else {
            (Vec::new(), None)
        };
        // The transcript first: once a line is in the trace, its session's file has it.
        if let Some((_, f)) = &mut open.transcript {
            for l in &masked {
                let _ = writeln!(f, "{}", crate::protocol::bidi::logical(&l.plain));
            }
        }
        if matches!(r.event, LabEvent::Event(Event::SessionClosed { .. })) {
            if let Some((path, mut f)) = open.transcript.take() {
                let _ = f.flush();
                drop(f);
                if let Some(user) = &r.user {
                    let named = path
                        .with_file_name(trace::transcript_name(&r.session, Some(user.as_ref())));
                    let _ = std::fs::rename(&path, named);
                }
            }
        }
        if !masked.is_empty() {
            let mut watchers = lock(&self.shared.watchers);
            watchers.retain(|w| !w.tx.is_closed());
            if watchers.iter().any(|w| w.filter.passes(&r)) {
                let prefix = trace::prefix(&r);
                for w in watchers.iter().filter(|w| w.filter.passes(&r)) {
                    for l in &masked {
                        let _ = w.tx.try_send(format!("{prefix}{}", l.plain));
                    }
                }
            }
        }
        if self.opts.trace && !masked.is_empty() {
            let prefix = trace::prefix(&r);
            let mut text = String::new();
            for l in revealed.as_ref().unwrap_or(&masked) {
                let line = if self.opts.styled {
                    &l.styled
                } else {
                    &l.plain
                };
                let whole = format!("{prefix}{line}");
                text.push_str(&crate::protocol::bidi::line(&whole));
                text.push('\n');
            }
            let _ = self.out.write_all(text.as_bytes());
            let _ = self.out.flush();
        }
        if matches!(r.event, LabEvent::Event(Event::SessionClosed { .. })) {
            self.sessions.remove(&id);
        }
        let dropped = self.dropped.load(Ordering::Relaxed);
        if self.opts.trace && dropped > self.reported_drops {
            let n = dropped - self.reported_drops;
            self.reported_drops = dropped;
            let text = format!("!! {}", crate::tr!("lab.trace.dropped", n = n));
            let _ = writeln!(self.out, "{}", crate::protocol::bidi::line(&text));
        }
    }

    fn write_stats(&mut self) {
        self.shared.dirty.store(false, Ordering::Relaxed);
        self.written = Instant::now();
        if let Some(path) = &self.opts.stats_file {
            let json = lock(&self.shared.stats).json();
            let tmp = path.with_extension("tmp");
            if std::fs::write(&tmp, json).is_ok() {
                let _ = std::fs::rename(&tmp, path);
            }
        }
    }

    fn finish(&mut self) {
        for (_, open) in self.sessions.iter_mut() {
            if let Some((_, f)) = &mut open.transcript {
                let _ = f.flush();
            }
        }
        self.write_stats();
        if self.opts.trace || self.opts.stats_file.is_some() {
            let table = lock(&self.shared.stats).table();
            let _ = self
                .out
                .write_all(crate::protocol::bidi::display(&table).as_bytes());
        }
        let _ = self.out.flush();
    }
}

/// A control answer with a body: `OK`, the body's lines (a line starting with `.`
/// doubled, so none can end the answer early), a lone `.`.
pub(crate) fn dot_stuffed(body: &str) -> String {
    let mut out = String::from("OK\r\n");
    for l in body.lines() {
        if l.starts_with('.') {
            out.push('.');
        }
        out.push_str(l);
        out.push_str("\r\n");
    }
    out.push_str(".\r\n");
    out
}
