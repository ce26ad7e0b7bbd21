//! The meta commands (`:help`, `:auth`, `:append`, `:more`, `:connect`, ...); a
//! meta command the REPL does not know is offered to the observers in `input.rs`.

use super::*;
use crate::repl::gloss;

impl Engine {
    pub(super) async fn run_meta(&mut self, m: Meta) {
        match m {
            Meta::Quit => {
                for s in &self.sessions {
                    s.conn.close();
                }
                self.quit = true;
            }
            Meta::Help(None) => self.help_overview(),
            Meta::Help(Some(cmd)) => self.help_command(&cmd),
            Meta::ExplainLevel(level) => {
                for r in self.renderers() {
                    r.explain = level;
                }
                self.note(
                    match level {
                        render::Explain::Brief => "repl.explanations_brief",
                        render::Explain::Full => "repl.explanations_full",
                        render::Explain::Off => "repl.explanations_off_explain_brings",
                    },
                    &[],
                );
            }
            Meta::Why => match self.renderer.why() {
                Some(lines) => {
                    for out in lines {
                        self.emit(out);
                    }
                }
                None => self.note("repl.why_nothing", &[]),
            },
            Meta::Pipeline(lines) => self.pipeline(lines).await,
            Meta::ExplainText(text) => {
                let p = protocol::explain::guess_protocol(&text);
                // The current session's state is context only for its own protocol.
                let ctx = protocol::explain::Context {
                    state: if p == self.protocol() {
                        self.state_id().to_string()
                    } else {
                        String::new()
                    },
                    ..Default::default()
                };
                let notes = notes_for(p, &text, &ctx, repl_tls::Reach::Network);
                if notes.is_empty() {
                    self.emit(Out::meta(&crate::tr!("repl.no_explanation_line")));
                }
                for out in render::explanation_lines(&notes, "") {
                    self.emit(out);
                }
            }
            Meta::B64(text) => {
                let enc = sasl::encode_base64(text.as_bytes());
                self.emit_secret(Out::meta(&enc), Out::meta(MASK));
            }
            Meta::Unb64(text) => match sasl::decode_base64(&text) {
                Ok(bytes) => {
                    let shown = show_nul(&bytes);
                    self.emit_secret(Out::meta(&shown), Out::meta(MASK));
                }
                Err(e) => self.warn_text(&e.to_string()),
            },
            Meta::Plain { user, pass } => {
                let enc = sasl::plain_encode("", &user, &pass);
                let what = crate::tr!("repl.plain_is_base64_of", user = user, mask = MASK);
                self.emit_secret(
                    Out::meta(&format!("{enc}   ({what})")),
                    Out::meta(&format!("{MASK}   ({what})")),
                );
            }
            Meta::Auth {
                mechanism,
                user,
                pass,
            } => self.auth(&mechanism, &user, &pass).await,
            Meta::Append { mailbox, file } => self.append(&mailbox, &file).await,
            Meta::More => self.more(),
            Meta::Save(path) => {
                let text: String = lock(&self.record)
                    .history
                    .iter()
                    .map(|l| format!("{l}\n"))
                    .collect();
                match std::fs::write(&path, text) {
                    Ok(()) => self.note(
                        "repl.transcript_written",
                        &[("path", path.display().to_string())],
                    ),
                    Err(e) => self.warn(
                        "repl.cannot_write",
                        &[
                            ("path", path.display().to_string()),
                            ("error", e.to_string()),
                        ],
                    ),
                }
            }
            Meta::Connect(what) => {
                let target = match Protocol::parse(&what) {
                    Some(p) => Ok((p, None)),
                    None => crate::repl::parse_url(&what).map(|(p, a)| (p, Some(a))),
                };
                match target {
                    Ok((p, addr)) => {
                        if let Err(e) = self.open_session(p, addr).await {
                            self.warn_text(&e);
                        }
                    }
                    Err(e) => self.warn_text(&e),
                }
            }
            Meta::Sessions => {
                let lines: Vec<String> = self
                    .sessions
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        format!(
                            "{} {}  {}  {}  {}",
                            if i == self.current { "*" } else { " " },
                            s.id,
                            s.protocol,
                            s.label,
                            crate::repl::state::prompt_state_shown(&s.follower)
                        )
                    })
                    .collect();
                for l in lines {
                    self.emit(Out::meta(&l));
                }
            }
            Meta::Switch(n) => {
                if n >= 1 && n <= self.sessions.len() {
                    self.set_current(n - 1);
                    let prompt = self.prompt_shown();
                    self.note(
                        "repl.now_session",
                        &[
                            ("n", n.to_string()),
                            ("prompt", prompt.trim_end().to_string()),
                        ],
                    );
                } else {
                    self.warn(
                        "repl.no_session_there_sessions",
                        &[
                            ("n", n.to_string()),
                            ("len", self.sessions.len().to_string()),
                        ],
                    );
                }
            }
            Meta::Wait(secs) => {
                if self.pump(secs).await == 0 {
                    self.note("repl.wait_nothing", &[("secs", secs.to_string())]);
                }
            }
        }
    }

    pub(super) fn help_overview(&mut self) {
        let p = self.protocol();
        let state = self.state_id();
        // Each help page glosses its terms once (state names, the tag term).
        let mut page = gloss::Page::new();
        let lang = crate::protocol::text::current();
        let words = self
            .sessions
            .get(self.current)
            .map(|s| gloss::state(lang, p, s.follower.state().id(), "", Some(&mut page)))
            .unwrap_or_else(|| state.to_string());
        self.emit(Out::meta(&crate::tr!(
            "repl.commands_valid_now_help",
            protocol = p,
            state = words
        )));
        let names: Vec<String> = protocol::commands_in(p, state)
            .map(|c| c.name.clone())
            .collect();
        for chunk in names.chunks(8) {
            self.emit(Out::meta(&format!("  {}", chunk.join(" "))));
        }
        let others: Vec<String> = protocol::commands(p)
            .iter()
            .filter(|c| !c.valid_in(state))
            .map(|c| c.name.clone())
            .collect();
        if !others.is_empty() {
            self.emit(Out::meta(&crate::tr!("repl.valid_other_states")));
            for chunk in others.chunks(8) {
                self.emit(Out::meta(&format!("  {}", chunk.join(" "))));
            }
        }
        if p == Protocol::Imap {
            let line = crate::tr!("repl.type_commands_without_tag");
            self.emit(Out::meta(&gloss::tag_term(lang, &line, Some(&mut page))));
        }
        self.emit(Out::meta(&crate::tr!("repl.meta_commands_never_sent")));
        for (syntax, what) in meta::META_HELP
            .iter()
            .filter(|(s, _)| meta::applies_to(s, p))
        {
            self.emit(Out::meta(&format!("  {syntax:<38} {}", crate::tr!(what))));
        }
        let extra: Vec<(String, String)> =
            self.observers.iter().flat_map(|o| o.meta_help()).collect();
        for (syntax, what) in extra {
            self.emit(Out::meta(&format!("  {syntax:<38} {what}")));
        }
    }

    pub(super) fn help_command(&mut self, name: &str) {
        if name.starts_with(':') {
            let found: Vec<_> = meta::META_HELP
                .iter()
                .filter(|(s, _)| {
                    s.split(' ')
                        .next()
                        .is_some_and(|n| n.eq_ignore_ascii_case(name))
                })
                .collect();
            if found.is_empty() {
                self.warn("repl.no_meta_command_help", &[("name", name.to_string())]);
            }
            for (syntax, what) in found {
                self.emit(Out::meta(&format!("{syntax}: {what}")));
            }
            return;
        }
        let p = self.protocol();
        let spec = protocol::command(p, name).or_else(|| {
            [Protocol::Imap, Protocol::Smtp, Protocol::Pop3]
                .into_iter()
                .find_map(|q| protocol::command(q, name))
        });
        match spec {
            Some(c) => {
                let mut page = gloss::Page::new();
                let lang = crate::protocol::text::current();
                let lines = [
                    format!("{}  ({})", c.syntax, c.rfc),
                    c.summary.clone(),
                    crate::tr!(
                        "repl.valid_in",
                        states = c
                            .states
                            .iter()
                            .map(|st| gloss::state(lang, p, st, "", Some(&mut page)))
                            .collect::<Vec<_>>()
                            .join("; ")
                    ),
                    crate::tr!("repl.example", example = c.example),
                ];
                for l in lines {
                    self.emit(Out::meta(&l));
                }
            }
            None => self.warn(
                "repl.not_a_command",
                &[
                    ("name", name.to_string()),
                    ("protocol", p.name().to_ascii_uppercase()),
                ],
            ),
        }
    }

    pub(super) async fn auth(&mut self, mechanism: &str, user: &str, pass: &str) {
        let Some(mech) = sasl::ClientMechanism::parse(mechanism) else {
            self.warn("repl.auth_mechanisms", &[]);
            return;
        };
        let idx = self.current;
        let p = self.protocol();
        if self.sessions[idx].follower.is_closed() {
            self.warn("repl.session_closed_connect_opens_2", &[]);
            return;
        }
        let endpoint = self.sessions[idx].endpoint.as_ref().map(|e| {
            let port = e.addr.rsplit(':').next().and_then(|p| p.parse().ok());
            (e.host.clone(), port.unwrap_or(0))
        });
        let exchange = sasl::ClientExchange::start(
            mech,
            user,
            pass,
            endpoint.as_ref().map(|(h, p)| (h.as_str(), *p)),
        );
        let initial = if p == Protocol::Imap {
            None
        } else {
            exchange.initial_response()
        };
        self.emit(Out::meta(&format!(
            "{} ({}): {}",
            mech.name(),
            mech.rfc(),
            crate::tr!(match mech {
                sasl::ClientMechanism::Sasl(sasl::Mechanism::Plain) => "repl.auth_how.plain",
                sasl::ClientMechanism::Sasl(sasl::Mechanism::Login) => "repl.auth_how.login",
                sasl::ClientMechanism::Sasl(sasl::Mechanism::CramMd5) => "repl.auth_how.cram_md5",
                sasl::ClientMechanism::XOAuth2 => "repl.auth_how.xoauth2",
                sasl::ClientMechanism::OAuthBearer => "repl.auth_how.oauthbearer",
            })
        )));
        self.sessions[idx].auth = Some(AutoAuth { exchange });
        let line = match (p, &initial) {
            (Protocol::Imap, _) => format!("AUTHENTICATE {}", mech.name()),
            (_, Some(resp)) => {
                self.emit(Out::meta(&crate::tr!(
                    "repl.initial_response_base64",
                    response = render::escape(resp.shown.as_bytes())
                )));
                format!("AUTH {} {}", mech.name(), resp.base64)
            }
            (_, None) => format!("AUTH {}", mech.name()),
        };
        if p != Protocol::Imap {
            // Not typed, so not on the screen yet (IMAP's shows with its added tag).
            self.show_unechoed(&render::client_line(p, &mask::mask_command(p, &line), ""));
        }
        self.send_command(&line).await;
        if let Some(s) = self.sessions.get_mut(idx) {
            s.auth = None;
            if matches!(s.input, InputMode::Continuation { .. }) && !s.follower.waiting() {
                s.input = InputMode::Command;
            }
        }
    }

    pub(super) async fn append(&mut self, mailbox: &str, file: &std::path::Path) {
        if self.protocol() != Protocol::Imap {
            self.warn("repl.append_imap_sessions", &[]);
            return;
        }
        let meta_ok = std::fs::metadata(file).map(|m| m.len() <= MAX_APPEND);
        let data = match meta_ok {
            Ok(true) => std::fs::read(file),
            Ok(false) => {
                self.warn(
                    "repl.larger_than_octets",
                    &[
                        ("file", file.display().to_string()),
                        ("max_append", MAX_APPEND.to_string()),
                    ],
                );
                return;
            }
            Err(e) => Err(e),
        };
        let data = match data {
            Ok(d) => to_crlf(&d),
            Err(e) => {
                self.warn(
                    "repl.cannot_read",
                    &[
                        ("file", file.display().to_string()),
                        ("error", e.to_string()),
                    ],
                );
                return;
            }
        };
        self.emit(Out::meta(&crate::tr!(
            "repl.octets_crlf_line_ends",
            file = file.display(),
            len = data.len()
        )));
        let idx = self.current;
        let mb = if mailbox.contains([' ', '"', '\\']) {
            format!("\"{}\"", mailbox.replace('\\', "\\\\").replace('"', "\\\""))
        } else {
            mailbox.to_string()
        };
        self.sessions[idx].append_data = Some(data.clone());
        let line = format!("APPEND {mb} {{{}}}", data.len());
        let tagged = self.sessions[idx].tagger.tag(&line);
        self.sessions[idx].wait_tag = Some(tagged.tag().to_string());
        self.write_command(idx, &tagged.line);
        self.emit(render::client_line(Protocol::Imap, &tagged.line.raw, ""));
        // The `+` makes handle_response send the data; then the tagged reply ends it.
        self.wait_reply(self.reply_timeout).await;
        if self.sessions[idx].append_data.is_none() && !self.wait_done_after_append(idx) {
            self.wait_reply(self.reply_timeout).await;
        }
        self.sessions[idx].append_data = None;
    }

    pub(super) fn more(&mut self) {
        let Some(id) = self.sessions.get(self.current).map(|s| s.id) else {
            return;
        };
        let Some(lines) = self.renderer.more(id) else {
            self.note("repl.nothing_elided_show", &[]);
            return;
        };
        for out in lines {
            self.emit(out);
        }
    }
}

impl Engine {
    /// `:pipeline`: every line goes out at once (IMAP lines tagged as usual), then
    /// the replies are awaited; each command is shown above its first reply
    /// (RFC 2920 PIPELINING, RFC 3501 §5.5).
    async fn pipeline(&mut self, lines: Vec<String>) {
        let Some(s) = self.sessions.get(self.current) else {
            return;
        };
        if s.follower.is_closed() {
            self.warn("repl.session_closed_connect_opens", &[]);
            return;
        }
        let idx = self.current;
        let (p, id) = (s.protocol, s.id);
        let mut tags = Vec::new();
        for line in &lines {
            let cl = match p {
                Protocol::Imap => {
                    let tagged = self.sessions[idx].tagger.tag(line);
                    tags.push(tagged.tag().to_string());
                    tagged.line
                }
                _ => ClientLine::parse(p, line),
            };
            let shown = render::client_line(p, &cl.masked(), "");
            for r in self.renderers() {
                r.pipelined
                    .entry(id)
                    .or_default()
                    .push_back((cl.raw.clone(), shown.clone()));
            }
            self.write_command(idx, &cl);
        }
        for tag in tags {
            self.sessions[idx].wait_tag = Some(tag);
            self.wait_reply(self.reply_timeout).await;
        }
        if p != Protocol::Imap {
            self.sessions[idx].wait_tag = None;
            self.wait_reply(self.reply_timeout).await;
        }
        // Lines whose replies never came are shown now, not above a later reply.
        self.transcript.pipelined.remove(&id);
        for (_, out) in self.renderer.pipelined.remove(&id).unwrap_or_default() {
            self.emit(out);
        }
    }
}
