//! A lab session's records as the REPL shows a session: `C:` and `S:` lines with the
//! explanation under each reply (the REPL's renderer, [`crate::repl::render`]), notes
//! as `-- ` lines. Message data and client literals are replaced by their size;
//! secrets are masked (the trace may reveal them with `--show-secrets`).

use crate::protocol::explain;
use crate::protocol::follow::line::MASK;
use crate::protocol::follow::{Event, Sent, Step, StepKind};
use crate::protocol::text::Arg;
use crate::protocol::Protocol;
use crate::repl::render::{self, Note, Out, View};
use crate::server::observe::{LabEvent, Record, SessionInfo, SessionStats};

/// What rendering a session needs to remember between records.
#[derive(Debug)]
pub struct SessionView {
    protocol: Protocol,
    listener: String,
    /// Octets of the client literal under way.
    literal: u64,
    /// Lines and octets of the SMTP message body under way.
    body: (u64, u64),
}

/// The prefix of a session's trace lines: `[3 imap alex] `, `[3 imap] ` before login.
pub fn prefix(r: &Record) -> String {
    match &r.user {
        Some(u) => format!("[{} {} {u}] ", r.session.id, r.session.protocol.name()),
        None => format!("[{} {}] ", r.session.id, r.session.protocol.name()),
    }
}

/// The file name of a session's transcript: `00003-imap-alex.txt` (the user once
/// known), `00003-imap.txt` before.
pub fn transcript_name(info: &SessionInfo, user: Option<&str>) -> String {
    let safe = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '.' | '@' | '-' | '_') {
                    c
                } else {
                    '_'
                }
            })
            .collect()
    };
    match user {
        Some(u) => format!("{:05}-{}-{}.txt", info.id, safe(&info.listener), safe(u)),
        None => format!("{:05}-{}.txt", info.id, safe(&info.listener)),
    }
}

/// The explanations of one server line in its context.
fn notes(p: Protocol, line: &str, ctx: &explain::Context) -> Vec<Note> {
    explain::explain_line(p, line, ctx)
        .into_iter()
        .map(|e| Note {
            text: e.text,
            rfc: e.rfc.unwrap_or_default(),
        })
        .collect()
}

/// A server response: its lines with explanations; message data as its size only.
pub fn reply_lines(p: Protocol, step: &Step) -> Vec<Out> {
    let ctx = explain::step_context(step);
    // POP3 listings (LIST, UIDL, CAPA) are not message bodies: shown whole when kept.
    let message = p != Protocol::Pop3 || matches!(step.command_name(), Some("RETR" | "TOP"));
    let view = View {
        explain: true,
        full: false,
        prefix: String::new(),
    };
    render::response_with(
        p,
        step,
        &view,
        &mut |line| notes(p, line, &ctx),
        &mut |octets| {
            if !message {
                return Vec::new();
            }
            let e = explain::explain_body(p, octets);
            vec![Note {
                text: e.text,
                rfc: e.rfc.unwrap_or_default(),
            }]
        },
        &mut |data, size, _full, prefix| {
            if !message && data.len() as u64 == size {
                return render::data_lines(data, size, true, prefix);
            }
            let text = crate::tr!("lab.trace.data_elided", size = size);
            (vec![Out::same(format!("{prefix}S: {text}"))], None)
        },
    )
    .lines
}

/// The note that sums up a session's statistics.
pub fn stats_note(s: &SessionStats) -> String {
    let wire = match (s.wire_in, s.wire_out) {
        (Some(i), Some(o)) => crate::tr!("lab.trace.stats_wire", wire_in = i, wire_out = o),
        _ => String::new(),
    };
    crate::tr!(
        "lab.trace.stats",
        commands = Arg::Num(s.commands as f64),
        trips = Arg::Num(s.round_trips as f64),
        text_in = s.text_in,
        text_out = s.text_out,
        wire = wire,
        ms = format!("{:.1}", s.duration_ms)
    )
}

impl SessionView {
    /// A session that was just opened.
    pub fn new(info: &SessionInfo) -> SessionView {
        SessionView {
            protocol: info.protocol,
            listener: info.listener.clone(),
            literal: 0,
            body: (0, 0),
        }
    }

    /// One record's lines with secrets masked, and (when `show_secrets` and the
    /// record holds one) the same lines with the secret shown.
    pub fn render(&mut self, r: &Record, show_secrets: bool) -> (Vec<Out>, Option<Vec<Out>>) {
        let p = self.protocol;
        let c = |text: &str| render::client_line(p, text, "");
        let one = |o: Out| (vec![o], None);
        match &r.event {
            LabEvent::Event(ev) => match ev {
                Event::SessionOpened { label, .. } => {
                    let peer = if label.is_empty() { "-" } else { label };
                    one(Out::note(&crate::tr!(
                        "lab.trace.opened",
                        protocol = p.name(),
                        listener = self.listener,
                        peer = peer
                    )))
                }
                Event::LineSent(sent) => match sent {
                    Sent::Command(l) | Sent::Rest(l) => {
                        let secret = l.args.iter().any(|a| a.secret);
                        let shown = (show_secrets && secret).then(|| vec![c(&l.raw)]);
                        (vec![c(&l.masked())], shown)
                    }
                    Sent::Literal {
                        octets,
                        left,
                        secret,
                    } => {
                        self.literal += octets;
                        if *left > 0 {
                            return (Vec::new(), None);
                        }
                        let size = std::mem::take(&mut self.literal);
                        if *secret {
                            one(c(MASK))
                        } else {
                            one(c(&crate::tr!("lab.trace.literal_sent", size = size)))
                        }
                    }
                    Sent::Answer { line, secret } => {
                        let shown = (show_secrets && *secret).then(|| vec![c(line)]);
                        let masked = if *secret { MASK } else { line.as_str() };
                        (vec![c(masked)], shown)
                    }
                    Sent::Body(l) => {
                        self.body.0 += 1;
                        self.body.1 += l.len() as u64 + 2;
                        (Vec::new(), None)
                    }
                    Sent::BodyEnd => {
                        let (lines, size) = std::mem::take(&mut self.body);
                        let text = crate::tr!(
                            "lab.trace.body_sent",
                            lines = Arg::Num(lines as f64),
                            size = size
                        );
                        (vec![c(&text), c(".")], None)
                    }
                },
                Event::Reply(step) => {
                    if step.kind == StepKind::Close {
                        return (Vec::new(), None);
                    }
                    let mut lines = reply_lines(p, step);
                    if step.tls_start {
                        lines.push(Out::note(&crate::tr!("lab.trace.tls_starts")));
                    }
                    (lines, None)
                }
                Event::TlsUp { .. } => one(Out::note(&crate::tr!("lab.trace.tls_up"))),
                Event::Note { id, args } | Event::Warning { id, args } => {
                    let args: Vec<(&str, &str)> =
                        args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                    let text = crate::protocol::text::current()
                        .text(id, &args)
                        .unwrap_or_else(|| id.clone());
                    if matches!(ev, Event::Warning { .. }) {
                        one(Out::warn(&text))
                    } else {
                        one(Out::note(&text))
                    }
                }
                Event::SessionClosed { .. } => one(Out::note(&crate::tr!("lab.trace.closed"))),
                // The lab server shows no lines of its own.
                Event::Shown { .. } => (Vec::new(), None),
            },
            LabEvent::LoggedIn { user } => {
                one(Out::note(&crate::tr!("lab.trace.logged_in", user = user)))
            }
            LabEvent::Failed(f) => one(Out::warn(&crate::tr!(f.text_id()))),
            LabEvent::Stats(s) => one(Out::note(&stats_note(s))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::follow::{ClientLine, Follower};
    use std::sync::Arc;
    use std::time::Duration;

    fn rec(info: &Arc<SessionInfo>, event: LabEvent) -> Record {
        Record {
            session: info.clone(),
            user: None,
            at: Duration::ZERO,
            event,
        }
    }

    #[test]
    fn fetch_bodies_are_elided_with_their_size_and_replies_explained() {
        let info = Arc::new(SessionInfo {
            id: 1,
            protocol: Protocol::Imap,
            listener: "imap".into(),
            peer: None,
        });
        let mut v = SessionView::new(&info);
        let mut f = Follower::new(Protocol::Imap).keep_data(4096);
        f.server_bytes(b"* OK ready\r\n");
        f.client_line(&ClientLine::parse(Protocol::Imap, "a1 FETCH 1 BODY[]"));
        let steps = f.server_bytes(b"* 1 FETCH (BODY[] {11}\r\nhello world)\r\na1 OK done\r\n");
        let mut all = Vec::new();
        for s in steps {
            let (lines, _) = v.render(
                &rec(&info, LabEvent::Event(Event::Reply(Arc::new(s)))),
                false,
            );
            all.extend(lines.into_iter().map(|o| o.plain));
        }
        assert!(!all.iter().any(|l| l.contains("hello world")), "{all:#?}");
        assert!(all.iter().any(|l| l.contains("[11 octets")), "{all:#?}");
        assert!(all.iter().any(|l| l.starts_with("   = ")), "{all:#?}");
    }

    #[test]
    fn secrets_are_masked_and_shown_only_when_asked() {
        let info = Arc::new(SessionInfo {
            id: 2,
            protocol: Protocol::Pop3,
            listener: "pop3".into(),
            peer: None,
        });
        let mut v = SessionView::new(&info);
        let line = Arc::new(ClientLine::parse(Protocol::Pop3, "PASS drums"));
        let ev = LabEvent::Event(Event::LineSent(Sent::Command(line)));
        let (masked, shown) = v.render(&rec(&info, ev.clone()), false);
        assert_eq!(masked[0].plain, "C: PASS ****");
        assert!(shown.is_none());
        let (masked, shown) = v.render(&rec(&info, ev), true);
        assert_eq!(masked[0].plain, "C: PASS ****");
        assert_eq!(shown.unwrap()[0].plain, "C: PASS drums");
    }
}
