//! A client connection: a task that owns the byte stream, and a pure [`Framer`] that
//! cuts what the server sends into whole responses, the way each protocol frames them.
//!
//! - IMAP (RFC 3501 §2.2.2, §4.3): a response is a line; a line that ends in `{N}` is
//!   followed by exactly N octets of literal data (read by count, never by line) and
//!   then by the rest of the response.
//! - SMTP (RFC 5321 §4.2.1): a reply is one or more lines `ddd-text` ended by a line
//!   `ddd text` (or a bare `ddd`).
//! - POP3 (RFC 1939 §3): a status line; after some commands (LIST, RETR, TOP, UIDL,
//!   CAPA, AUTH without argument) a `+OK` is followed by data lines up to a lone `.`.
//!
//! Server input is bounded: a line longer than [`MAX_LINE`] is cut (the rest of it is
//! counted, not kept) and a literal or a data block keeps at most [`MAX_KEPT`] octets.

use std::collections::VecDeque;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::mpsc;

use crate::protocol::Protocol;
use crate::transport::AsyncStream;

/// Longest server line kept whole; beyond it the line is cut and marked.
pub const MAX_LINE: usize = 1024 * 1024;
/// Most octets of literals or multi-line data kept in memory for one response
/// (for `:more`); the rest is counted, not kept.
pub const MAX_KEPT: usize = 64 * 1024 * 1024;
/// Most parts (lines and literals) in one response; a longer one is handed over in
/// pieces.
pub const MAX_PARTS: usize = 100_000;

pub use crate::protocol::follow::Part;

/// One complete server response: an IMAP response (with its literals), an SMTP reply
/// (all its lines), or a POP3 status line (with its data lines).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Response {
    pub parts: Vec<Part>,
}

impl Response {
    /// The first wire line (the status line), lossily decoded, empty if there is none.
    pub fn first_line(&self) -> String {
        self.lines().next().unwrap_or_default()
    }

    /// Every wire line (not literal or block data), lossily decoded.
    pub fn lines(&self) -> impl Iterator<Item = String> + '_ {
        self.parts.iter().filter_map(|p| match p {
            Part::Line { text, .. } => Some(String::from_utf8_lossy(text).into_owned()),
            _ => None,
        })
    }

    /// The last wire line: for SMTP the one that carries the final status.
    pub fn last_line(&self) -> String {
        self.lines().last().unwrap_or_default()
    }
}

/// Cuts a server's byte stream into [`Response`]s.
pub struct Framer {
    protocol: Protocol,
    line: Vec<u8>,
    cut: usize,
    current: Vec<Part>,
    /// Octets of literal still to read, when inside one.
    literal_left: u64,
    /// POP3: inside a multi-line answer.
    in_block: bool,
    /// POP3: for each command sent and not yet answered, whether `+OK` opens a
    /// multi-line answer.
    pop3_expect: VecDeque<bool>,
    ready: VecDeque<Response>,
    /// Octets of literal or block data kept for the current response.
    kept: usize,
}

impl Framer {
    pub fn new(protocol: Protocol) -> Self {
        Framer {
            protocol,
            line: Vec::new(),
            cut: 0,
            current: Vec::new(),
            literal_left: 0,
            in_block: false,
            pop3_expect: VecDeque::new(),
            ready: VecDeque::new(),
            kept: 0,
        }
    }

    /// POP3: a command (or an AUTH continuation line) was sent; `multiline` says
    /// whether a positive answer to it carries data lines.
    pub fn expect_pop3(&mut self, multiline: bool) {
        if self.pop3_expect.len() < 4096 {
            self.pop3_expect.push_back(multiline);
        }
    }

    /// Whether a response has started but not ended (used to say so when the server
    /// closes in the middle of one).
    pub fn is_mid_response(&self) -> bool {
        !self.current.is_empty() || !self.line.is_empty() || self.literal_left > 0
    }

    /// Hands over whatever partial response there is (the connection closed).
    pub fn flush(&mut self) -> Option<Response> {
        if !self.line.is_empty() || self.cut > 0 {
            let text = std::mem::take(&mut self.line);
            let cut = std::mem::take(&mut self.cut);
            self.push_part(Part::Line { text, cut });
        }
        self.literal_left = 0;
        self.in_block = false;
        self.kept = 0;
        if self.current.is_empty() {
            None
        } else {
            Some(Response {
                parts: std::mem::take(&mut self.current),
            })
        }
    }

    /// The next complete response, if any.
    pub fn next_response(&mut self) -> Option<Response> {
        self.ready.pop_front()
    }

    /// Feeds bytes from the server.
    pub fn push(&mut self, mut input: &[u8]) {
        while !input.is_empty() {
            if self.literal_left > 0 {
                let take = usize::try_from(self.literal_left)
                    .unwrap_or(usize::MAX)
                    .min(input.len());
                if let Some(Part::Literal { data, .. }) = self.current.last_mut() {
                    let room = MAX_KEPT.saturating_sub(self.kept).min(take);
                    data.extend_from_slice(&input[..room]);
                    self.kept += room;
                }
                self.literal_left -= take as u64;
                input = &input[take..];
                continue;
            }
            match input.iter().position(|&b| b == b'\n') {
                Some(nl) => {
                    self.append_line(&input[..nl]);
                    input = &input[nl + 1..];
                    let mut text = std::mem::take(&mut self.line);
                    let cut = std::mem::take(&mut self.cut);
                    if text.last() == Some(&b'\r') {
                        text.pop();
                    }
                    self.complete_line(text, cut);
                }
                None => {
                    self.append_line(input);
                    input = &[];
                }
            }
        }
    }

    fn append_line(&mut self, bytes: &[u8]) {
        let room = MAX_LINE.saturating_sub(self.line.len()).min(bytes.len());
        self.line.extend_from_slice(&bytes[..room]);
        self.cut += bytes.len() - room;
    }

    fn push_part(&mut self, part: Part) {
        if self.current.len() >= MAX_PARTS {
            // Hand over what there is; the response goes on as a new unit.
            let parts = std::mem::take(&mut self.current);
            self.ready.push_back(Response { parts });
        }
        self.current.push(part);
    }

    fn finish(&mut self) {
        self.kept = 0;
        let parts = std::mem::take(&mut self.current);
        if !parts.is_empty() {
            self.ready.push_back(Response { parts });
        }
    }

    fn complete_line(&mut self, text: Vec<u8>, cut: usize) {
        match self.protocol {
            Protocol::Imap => {
                let literal = if cut == 0 { literal_size(&text) } else { None };
                self.push_part(Part::Line { text, cut });
                match literal {
                    Some(size) if size > 0 => {
                        self.literal_left = size;
                        let keep = usize::try_from(size)
                            .unwrap_or(usize::MAX)
                            .min(MAX_KEPT.saturating_sub(self.kept));
                        self.push_part(Part::Literal {
                            size,
                            data: Vec::with_capacity(keep.min(16 * 1024 * 1024)),
                        });
                    }
                    Some(_) => self.push_part(Part::Literal {
                        size: 0,
                        data: Vec::new(),
                    }),
                    None => self.finish(),
                }
            }
            Protocol::Smtp => {
                let last = smtp_is_last(&text);
                self.push_part(Part::Line { text, cut });
                if last {
                    self.finish();
                }
            }
            Protocol::Pop3 => {
                if self.in_block {
                    if text == b"." {
                        self.in_block = false;
                        self.push_part(Part::Line { text, cut });
                        self.finish();
                        return;
                    }
                    // RFC 1939 §3: a data line starting with "." was byte-stuffed.
                    let unstuffed = if text.first() == Some(&b'.') {
                        &text[1..]
                    } else {
                        &text[..]
                    };
                    if let Some(Part::Block { size, lines, data }) = self.current.last_mut() {
                        *size += unstuffed.len() as u64 + cut as u64 + 2;
                        *lines += 1;
                        if self.kept < MAX_KEPT {
                            data.extend_from_slice(unstuffed);
                            data.extend_from_slice(b"\r\n");
                            self.kept += unstuffed.len() + 2;
                        }
                    }
                    return;
                }
                let multiline = self.pop3_expect.pop_front().unwrap_or(false);
                let ok = text.starts_with(b"+OK");
                self.push_part(Part::Line { text, cut });
                if multiline && ok {
                    self.in_block = true;
                    self.push_part(Part::Block {
                        size: 0,
                        lines: 0,
                        data: Vec::new(),
                    });
                } else {
                    self.finish();
                }
            }
        }
    }
}

/// The size of the literal announced at the end of an IMAP line (`{N}`, or `~{N}` for
/// RFC 3516 binary), if there is one.
pub fn literal_size(line: &[u8]) -> Option<u64> {
    let body = line.strip_suffix(b"}")?;
    let open = body.iter().rposition(|&b| b == b'{')?;
    let digits = &body[open + 1..];
    let digits = digits.strip_suffix(b"+").unwrap_or(digits);
    if digits.is_empty() || digits.len() > 19 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(digits).ok()?.parse().ok()
}

/// Whether an SMTP reply line is the last of its reply (RFC 5321 §4.2.1): anything but
/// `ddd-...` ends the reply, so a server that breaks the format cannot stall us.
pub fn smtp_is_last(line: &[u8]) -> bool {
    !(line.len() >= 4 && line[..3].iter().all(u8::is_ascii_digit) && line[3] == b'-')
}

/// Size of one read from a server.
const CHUNK: usize = 256 * 1024;
/// Read buffers kept for reuse.
const POOL_SIZE: usize = 16;

/// Read buffers handed back by the engine: reusing them spares an allocation, a
/// copy and fresh page faults for every chunk a large literal arrives in.
static POOL: std::sync::Mutex<Vec<Vec<u8>>> = std::sync::Mutex::new(Vec::new());

/// An empty read buffer with room for one chunk.
fn take_buf() -> Vec<u8> {
    let reused = POOL.lock().ok().and_then(|mut p| p.pop());
    reused.unwrap_or_else(|| Vec::with_capacity(CHUNK))
}

/// Gives a chunk's buffer back once its bytes were framed.
pub fn recycle(mut buf: Vec<u8>) {
    if buf.capacity() != CHUNK {
        return;
    }
    buf.clear();
    if let Ok(mut p) = POOL.lock() {
        if p.len() < POOL_SIZE {
            p.push(buf);
        }
    }
}

/// What the connection task reports.
#[derive(Debug)]
pub enum ConnEvent {
    /// Bytes from the server.
    Data(usize, Vec<u8>),
    /// The server closed the connection (or it failed: the reason).
    Closed(usize, Option<String>),
    /// The TLS handshake after STARTTLS / STLS finished.
    TlsUp(usize, Box<crate::transport::tls::TlsSummary>),
    /// The TLS handshake failed (explained); the connection is gone.
    TlsFailed(usize, String),
}

/// What the connection task is asked to do.
#[derive(Debug)]
pub enum ConnCmd {
    Write(Vec<u8>),
    /// Run a TLS handshake on the stream and go on over TLS.
    StartTls {
        host: String,
        opts: crate::transport::tls::ClientTlsOptions,
    },
    Close,
}

/// The handle to a connection task.
pub struct Conn {
    tx: mpsc::UnboundedSender<ConnCmd>,
}

impl Conn {
    /// Starts the task that owns `stream` (kept whole, as one `Box<dyn AsyncStream>`,
    /// so a TLS upgrade can replace it in place); its events go to `events` marked
    /// with `id`. Must be called inside a tokio runtime.
    pub fn spawn(
        id: usize,
        mut stream: Box<dyn AsyncStream>,
        events: mpsc::Sender<ConnEvent>,
    ) -> Conn {
        let (tx, mut rx) = mpsc::unbounded_channel::<ConnCmd>();
        tokio::spawn(async move {
            let mut buf = take_buf();
            loop {
                tokio::select! {
                    r = stream.read_buf(&mut buf) => match r {
                        Ok(0) => {
                            let _ = events.send(ConnEvent::Closed(id, None)).await;
                            return;
                        }
                        Ok(_) => {
                            // A bounded channel: a server that sends faster than the
                            // REPL shows waits in its socket, not in our memory.
                            let chunk = std::mem::replace(&mut buf, take_buf());
                            if events.send(ConnEvent::Data(id, chunk)).await.is_err() {
                                return;
                            }
                        }
                        Err(e) => {
                            let _ = events.send(ConnEvent::Closed(id, Some(e.to_string()))).await;
                            return;
                        }
                    },
                    cmd = rx.recv() => match cmd {
                        Some(ConnCmd::Write(bytes)) => {
                            let r = async {
                                stream.write_all(&bytes).await?;
                                stream.flush().await
                            }.await;
                            if let Err(e) = r {
                                let _ = events.send(ConnEvent::Closed(id, Some(e.to_string()))).await;
                                return;
                            }
                        }
                        Some(ConnCmd::StartTls { host, opts }) => {
                            match crate::transport::tls::connect(stream, &host, &opts).await {
                                Ok((tls, summary)) => {
                                    stream = tls;
                                    let _ = events.send(ConnEvent::TlsUp(id, Box::new(summary))).await;
                                }
                                Err(e) => {
                                    let _ = events.send(ConnEvent::TlsFailed(id, e.to_string())).await;
                                    return;
                                }
                            }
                        }
                        Some(ConnCmd::Close) | None => {
                            let _ = stream.shutdown().await;
                            return;
                        }
                    },
                }
            }
        });
        Conn { tx }
    }

    /// Queues bytes for the server; false if the connection is gone.
    pub fn write(&self, bytes: Vec<u8>) -> bool {
        self.tx.send(ConnCmd::Write(bytes)).is_ok()
    }

    /// Asks the task to upgrade the connection to TLS (after the server said yes to
    /// STARTTLS / STLS). Writes queued after this go over TLS.
    pub fn start_tls(&self, host: String, opts: crate::transport::tls::ClientTlsOptions) -> bool {
        self.tx.send(ConnCmd::StartTls { host, opts }).is_ok()
    }

    /// Asks the task to close the connection.
    pub fn close(&self) {
        let _ = self.tx.send(ConnCmd::Close);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(f: &mut Framer) -> Vec<Response> {
        std::iter::from_fn(|| f.next_response()).collect()
    }

    #[test]
    fn imap_literal_is_read_by_count_in_any_chunking() {
        let wire = b"* 1 FETCH (BODY[] {13}\r\nab\r\n\r\n{3}\r\nxy)\r\na1 OK done\r\n";
        for chunk in 1..wire.len() {
            let mut f = Framer::new(Protocol::Imap);
            for c in wire.chunks(chunk) {
                f.push(c);
            }
            let r = all(&mut f);
            assert_eq!(r.len(), 2, "chunk {chunk}");
            assert_eq!(
                r[0].parts[1],
                Part::Literal {
                    size: 13,
                    data: b"ab\r\n\r\n{3}\r\nxy".to_vec()
                }
            );
            assert_eq!(r[1].first_line(), "a1 OK done");
        }
    }

    #[test]
    fn smtp_multiline_reply_ends_on_space_line() {
        let mut f = Framer::new(Protocol::Smtp);
        f.push(b"250-maillab.test\r\n250-SIZE 100\r\n");
        assert!(f.next_response().is_none());
        f.push(b"250 HELP\r\n");
        let r = f.next_response().expect("reply");
        assert_eq!(r.parts.len(), 3);
        assert_eq!(r.last_line(), "250 HELP");
    }

    #[test]
    fn pop3_block_undoes_dot_stuffing() {
        let mut f = Framer::new(Protocol::Pop3);
        f.push(b"+OK ready\r\n");
        f.expect_pop3(true);
        f.push(b"+OK 2 lines\r\nhello\r\n..dot\r\n.\r\n");
        let r = all(&mut f);
        assert_eq!(r.len(), 2);
        match &r[1].parts[1] {
            Part::Block { lines, data, .. } => {
                assert_eq!(*lines, 2);
                assert_eq!(data, b"hello\r\n.dot\r\n");
            }
            other => panic!("not a block: {other:?}"),
        }
    }

    #[test]
    fn pop3_error_to_multiline_command_is_one_line() {
        let mut f = Framer::new(Protocol::Pop3);
        f.expect_pop3(true);
        f.push(b"-ERR no such message\r\n");
        assert_eq!(all(&mut f).len(), 1);
    }

    #[test]
    fn overlong_line_is_cut_not_kept() {
        let mut f = Framer::new(Protocol::Imap);
        let big = vec![b'x'; MAX_LINE + 10];
        f.push(&big);
        f.push(b"\r\n");
        match &f.next_response().expect("line").parts[0] {
            Part::Line { text, cut } => {
                assert_eq!(text.len(), MAX_LINE);
                assert_eq!(*cut, 11);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn literal_size_parsing() {
        assert_eq!(literal_size(b"* 1 FETCH (BODY[] {10}"), Some(10));
        assert_eq!(literal_size(b"a LOGIN x {5+}"), Some(5));
        assert_eq!(literal_size(b"* OK {x}"), None);
        assert_eq!(literal_size(b"{99999999999999999999999}"), None);
    }
}
