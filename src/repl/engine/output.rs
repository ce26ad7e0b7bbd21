//! Output: the screen (a [`Sink`]), the transcript (the `--transcript` file and the
//! lines `:save` writes), and the two observers that fill them from the engine's
//! events: the reply renderer (replies, notes and warnings on the screen) and the
//! transcript writer (the same renderer, its lines plain and masked, plus the lines
//! the engine showed, which it learns from [`Event::Shown`]).

use super::*;

/// The screen every shown line goes to. The engine and its renderer share it.
pub(super) struct Screen {
    pub(super) sink: Box<dyn Sink>,
    /// Script mode: typed lines are echoed as `C:` lines.
    pub(super) script: bool,
}

pub(super) type SharedScreen = Arc<std::sync::Mutex<Screen>>;

/// The transcript: every line shown, plain with secrets masked, in the
/// `--transcript` file and in memory for `:save`. Only the transcript writer adds
/// to it.
#[derive(Default)]
pub(super) struct Transcript {
    pub(super) file: Option<std::fs::File>,
    pub(super) history: VecDeque<String>,
}

impl Transcript {
    fn record(&mut self, plain: &str) {
        if let Some(f) = &mut self.file {
            // Files get right-to-left lines in logical order, with their RLM.
            if writeln!(f, "{}", crate::protocol::bidi::logical(plain)).is_err() {
                self.file = None;
            }
        }
        if self.history.len() >= MAX_HISTORY {
            self.history.pop_front();
        }
        self.history.push_back(plain.to_string());
    }
}

pub(super) type SharedTranscript = Arc<std::sync::Mutex<Transcript>>;

pub(super) fn lock<T>(shared: &Arc<std::sync::Mutex<T>>) -> std::sync::MutexGuard<'_, T> {
    shared.lock().unwrap_or_else(|e| e.into_inner())
}

/// Where a renderer's lines go.
pub(super) enum Dest {
    /// The screen: the reply renderer.
    Screen(SharedScreen),
    /// The transcript: the transcript writer.
    Transcript(SharedTranscript),
}

/// The REPL's renderer, an observer like any other: every reply of every session
/// becomes `S:` lines with their explanations, every note and warning its `--` or
/// `!!` line; on the screen an elided literal or message is kept for `:more`. The
/// transcript writer is a second one whose lines go to the transcript.
pub(super) struct ReplyRenderer {
    pub(super) dest: Dest,
    /// How much is explained under replies (`:explain brief|full|off`).
    pub(super) explain: render::Explain,
    /// Per session: the lines `:pipeline` sent whose replies have not come yet (the
    /// wire line and how it is shown); each is shown just above its reply.
    pub(super) pipelined:
        std::collections::HashMap<SessionId, std::collections::VecDeque<(String, Out)>>,
    /// The last reply of any session (every response to its command), for `:why`.
    pub(super) last: Option<(SessionId, Vec<Arc<Response>>)>,
    /// Print literals and messages whole (`--full`).
    pub(super) full: bool,
    /// The session the learner is on; others' lines get a `[N] ` prefix.
    pub(super) current: SessionId,
    /// Per session: its protocol and how far its bytes travel (the engine fills it
    /// when it opens the session).
    pub(super) sessions: std::collections::HashMap<SessionId, (Protocol, repl_tls::Reach)>,
    /// Per session: the last elided data (its step, the part, octets shown).
    pub(super) elided: std::collections::HashMap<SessionId, (Arc<Response>, usize, usize)>,
    /// The screen's last rendering of a reply (plain lines), which the transcript
    /// writer takes instead of rendering the same reply again when its settings
    /// match; shared by the two renderers of one engine.
    pub(super) memo: Arc<std::sync::Mutex<Option<Memo>>>,
}

/// A rendered reply: the reply, the level, whether it was another session's, the
/// plain lines.
pub(super) type Memo = (Arc<Response>, render::Explain, bool, Vec<Out>);

impl Observer for ReplyRenderer {
    fn event(&mut self, session: SessionId, ev: &Event) {
        match ev {
            Event::Reply(step) => self.reply(session, step),
            Event::Note { .. } | Event::Warning { .. } => {
                let text = ev.text_in(protocol::text::current()).unwrap_or_default();
                let out = if matches!(ev, Event::Warning { .. }) {
                    Out::warn(&text)
                } else {
                    Out::note(&text)
                };
                self.put(vec![out]);
            }
            Event::Shown { line } => {
                // The engine put it on the screen itself (styled, or a secret shown live).
                if let Dest::Transcript(t) = &self.dest {
                    lock(t).record(line);
                }
            }
            _ => {}
        }
    }
}

impl ReplyRenderer {
    /// A renderer writing to `dest`, starting at `explain`.
    pub(super) fn new(dest: Dest, explain: render::Explain, full: bool) -> ReplyRenderer {
        ReplyRenderer {
            dest,
            explain,
            pipelined: Default::default(),
            last: None,
            full,
            current: 1,
            sessions: Default::default(),
            elided: Default::default(),
            memo: Default::default(),
        }
    }

    /// Whether this one draws the screen (and so keeps what `:why` and `:more` need).
    fn on_screen(&self) -> bool {
        matches!(self.dest, Dest::Screen(_))
    }

    fn put(&mut self, lines: Vec<Out>) {
        match &self.dest {
            Dest::Screen(s) => {
                let mut screen = lock(s);
                for out in &lines {
                    screen.sink.line(out, false);
                }
            }
            Dest::Transcript(t) => {
                let mut t = lock(t);
                for out in &lines {
                    t.record(&out.plain);
                }
            }
        }
    }
}

impl ReplyRenderer {
    pub(super) fn reply(&mut self, session: SessionId, r: &Arc<Response>) {
        // Responses to the same command (IMAP's untagged lines, then the tagged one)
        // make one reply.
        let same = |a: &Arc<Response>| match (&a.command, &r.command) {
            (Some(x), Some(y)) => Arc::ptr_eq(x, y),
            _ => false,
        };
        let on_screen = self.on_screen();
        match &mut self.last {
            _ if !on_screen => {}
            Some((s, steps))
                if *s == session && steps.last().is_some_and(|l| same(l) && !l.ends_command) =>
            {
                steps.push(r.clone())
            }
            _ => self.last = Some((session, vec![r.clone()])),
        }
        let level = self.explain;
        let mut lines = Vec::new();
        if let (Some(c), Some(queue)) = (&r.command, self.pipelined.get_mut(&session)) {
            // A pipelined command is shown when its first reply comes.
            if queue.front().is_some_and(|(raw, _)| *raw == c.raw) {
                lines.extend(queue.pop_front().map(|(_, out)| out));
            }
        }
        lines.extend(self.render(session, r, level));
        self.put(lines);
    }

    /// `:why`: the last reply again with every explanation of every line; `None`
    /// before the first reply.
    pub(super) fn why(&mut self) -> Option<Vec<Out>> {
        let (session, steps) = self.last.clone()?;
        Some(
            steps
                .iter()
                .flat_map(|r| self.render(session, r, render::Explain::Full))
                .collect(),
        )
    }

    /// `r` rendered at `level` (the transcript writer takes the screen's rendering when
    /// it is of the same reply at the same settings).
    fn render(
        &mut self,
        session: SessionId,
        r: &Arc<Response>,
        level: render::Explain,
    ) -> Vec<Out> {
        let other = session != self.current;
        let same = |m: &Memo| Arc::ptr_eq(&m.0, r) && m.1 == level && m.2 == other;
        if !self.on_screen() {
            // The screen's renderer, set alike, drew this reply just before.
            let memo = lock(&self.memo).take();
            if let Some(m) = memo.filter(same) {
                return m.3;
            }
            return self.render_fresh(session, r, level);
        }
        let lines = self.render_fresh(session, r, level);
        let plain = lines
            .iter()
            .map(|o| Out {
                plain: o.plain.clone(),
                styled: String::new(),
            })
            .collect();
        *lock(&self.memo) = Some((r.clone(), level, other, plain));
        lines
    }

    /// `r` rendered at `level`; an elided part is kept for `:more`.
    fn render_fresh(
        &mut self,
        session: SessionId,
        r: &Arc<Response>,
        level: render::Explain,
    ) -> Vec<Out> {
        let (p, reach) = self
            .sessions
            .get(&session)
            .copied()
            .unwrap_or((r.before.protocol(), repl_tls::Reach::Process));
        let ctx = protocol::explain::step_context(r);
        // POP3 listings (LIST, UIDL, CAPA) are not message bodies: never elided.
        let message = p != Protocol::Pop3 || matches!(r.command_name(), Some("RETR" | "TOP"));
        let width = crate::repl::interactive::terminal_width().unwrap_or(80);
        // At the brief level an SMTP multi-line reply (EHLO) keeps its first line's
        // explanation and sums up the lines after it under its last line.
        let lines = r
            .parts
            .iter()
            .filter(|part| matches!(part, Part::Line { .. }))
            .count();
        let mut seen = 0usize;
        let mut rest: Vec<Note> = Vec::new();
        let view = View {
            explain: level != render::Explain::Off,
            full: self.full || !message,
            prefix: if session != self.current {
                format!("[{session}] ")
            } else {
                String::new()
            },
        };
        let mut pick = |line: &str| {
            if level != render::Explain::Brief {
                return notes_for(p, line, &ctx, reach);
            }
            seen += 1;
            let tagged = tagged_notes_for(p, line, &ctx, reach);
            if p != Protocol::Smtp || lines < 3 {
                return render::brief_notes(tagged, width);
            }
            if seen == 1 {
                return render::brief_notes(tagged, width);
            }
            // Warnings stay where they are; the rest waits for the summary.
            let mut out = Vec::new();
            for (i, (n, keep)) in tagged.into_iter().enumerate() {
                if keep && i > 0 {
                    out.push(n);
                } else if i == 0 {
                    rest.push(n);
                }
            }
            if seen == lines && rest.len() >= 3 {
                out.push(render::brief_summary(&rest, width));
            }
            out
        };
        let lang = protocol::text::current();
        let rendered = render::response(
            p,
            r,
            &view,
            &mut |line| {
                // Glossed once shown, not before: the brief level drops some notes.
                let mut notes = pick(line);
                for n in &mut notes {
                    n.text = crate::repl::gloss::tag_term(lang, &n.text, None);
                }
                notes
            },
            &mut |octets| {
                if !message {
                    return Vec::new();
                }
                let e = protocol::explain::explain_body(p, octets);
                vec![Note {
                    text: e.text,
                    rfc: e.rfc.unwrap_or_default(),
                }]
            },
        );
        if let (Some((part, shown)), true) = (rendered.elided, self.on_screen()) {
            // Kept for :more: the step is shared, its data not copied.
            self.elided.insert(session, (r.clone(), part, shown));
        }
        rendered.lines
    }

    /// `:more`: the rest of `session`'s last elided data.
    pub(super) fn more(&mut self, session: SessionId) -> Option<Vec<Out>> {
        let (step, part, shown) = self.elided.remove(&session)?;
        let data = match step.parts.get(part) {
            Some(Part::Literal { data, .. }) | Some(Part::Block { data, .. }) => data,
            _ => return None,
        };
        let rest = data.get(shown..).unwrap_or_default();
        Some(render::data_lines(rest, rest.len() as u64, true, "").0)
    }
}

/// What a notes lookup needs. A clear-text warning is said as what was sent
/// (`ctx.command`) exposes it, with where the bytes went.
pub(super) fn notes_for(
    p: Protocol,
    line: &str,
    ctx: &protocol::explain::Context,
    reach: repl_tls::Reach,
) -> Vec<Note> {
    tagged_notes_for(p, line, ctx, reach)
        .into_iter()
        .map(|(n, _)| n)
        .collect()
}

/// [`notes_for`], each note marked when the brief level keeps it: the first (the
/// line's main explanation) and every warning.
pub(super) fn tagged_notes_for(
    p: Protocol,
    line: &str,
    ctx: &protocol::explain::Context,
    reach: repl_tls::Reach,
) -> Vec<(Note, bool)> {
    let exposure = ctx
        .command
        .as_deref()
        .and_then(|c| repl_tls::login_exposure(p, c));
    let mut notes = Vec::new();
    let mut warned = false;
    for e in protocol::explain::explain_line(p, line, ctx) {
        match &exposure {
            Some((what, method)) if e.id.contains(".warn.cleartext") => {
                warned = true;
                for text in repl_tls::cleartext_notes(p, *what, method, reach) {
                    notes.push((
                        Note {
                            text,
                            rfc: e.rfc.clone().unwrap_or_default(),
                        },
                        true,
                    ));
                }
            }
            _ => {
                // The server's words in the language shown stay at the brief level.
                let keep =
                    notes.is_empty() || e.id.contains(".warn.") || e.id.starts_with("server.");
                notes.push((
                    Note {
                        text: e.text,
                        rfc: e.rfc.unwrap_or_default(),
                    },
                    keep,
                ))
            }
        }
    }
    // APOP's success gets no warning from the explainer, but the digest still crossed.
    if let Some((what @ repl_tls::Exposure::UserAndDigest, method)) = &exposure {
        if !warned && !ctx.tls && p == Protocol::Pop3 && line.starts_with("+OK") {
            for text in repl_tls::cleartext_notes(p, *what, method, reach) {
                notes.push((
                    Note {
                        text,
                        rfc: "RFC 1939 §7".into(),
                    },
                    true,
                ));
            }
        }
    }
    notes
}
