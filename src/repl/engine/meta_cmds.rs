//! The meta commands (`:help`, `:auth`, `:append`, `:more`, `:connect`, ...); a
//! meta command the REPL does not know is offered to the observers in `input.rs`.

use super::*;

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
            Meta::ExplainToggle(on) => {
                self.renderer.explain = on;
                self.note(if on {
                    "explanations on"
                } else {
                    "explanations off (:explain on brings them back)"
                });
            }
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
                let notes = notes_for(p, &text, &ctx, false);
                if notes.is_empty() {
                    self.emit(Out::meta("no explanation for this line"));
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
                Err(e) => self.warn(&e.to_string()),
            },
            Meta::Plain { user, pass } => {
                let enc = sasl::plain_encode("", &user, &pass);
                self.emit_secret(
                    Out::meta(&format!("{enc}   (base64 of \\0{user}\\0{MASK}, RFC 4616)")),
                    Out::meta(&format!(
                        "{MASK}   (base64 of \\0{user}\\0{MASK}, RFC 4616)"
                    )),
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
                let text: String = lock(&self.screen)
                    .history
                    .iter()
                    .map(|l| format!("{l}\n"))
                    .collect();
                match std::fs::write(&path, text) {
                    Ok(()) => self.note(&format!("transcript written to {}", path.display())),
                    Err(e) => self.warn(&format!("cannot write {}: {e}", path.display())),
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
                            self.warn(&e);
                        }
                    }
                    Err(e) => self.warn(&e),
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
                            prompt_state(&s.follower)
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
                    let prompt = self.prompt();
                    self.note(&format!("now on session {n}: {}", prompt.trim_end()));
                } else {
                    self.warn(&format!(
                        "no session {n}: there are {} (:sessions lists them)",
                        self.sessions.len()
                    ));
                }
            }
            Meta::Wait(secs) => self.pump(secs).await,
        }
    }

    pub(super) fn help_overview(&mut self) {
        let p = self.protocol();
        let state = self.state_id();
        self.emit(Out::meta(&format!(
            "{p} commands valid now ({}); :help COMMAND shows one:",
            state
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
            self.emit(Out::meta("valid in other states:"));
            for chunk in others.chunks(8) {
                self.emit(Out::meta(&format!("  {}", chunk.join(" "))));
            }
        }
        if p == Protocol::Imap {
            self.emit(Out::meta(
                "type commands without a tag: LOGIN alex drums goes out as a001 LOGIN alex drums",
            ));
        }
        self.emit(Out::meta("meta commands (never sent):"));
        for (syntax, what) in meta::META_HELP {
            self.emit(Out::meta(&format!("  {syntax:<38} {what}")));
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
                self.warn(&format!("no meta command {name}; :help lists them"));
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
                let lines = [
                    format!("{}  ({})", c.syntax, c.rfc),
                    c.summary.clone(),
                    format!("valid in: {}", c.states.join(", ")),
                    format!("example: {}", c.example),
                ];
                for l in lines {
                    self.emit(Out::meta(&l));
                }
            }
            None => self.warn(&format!("{name} is not a {p} command; :help lists them")),
        }
    }

    pub(super) async fn auth(&mut self, mechanism: &str, user: &str, pass: &str) {
        let Some(mech) = sasl::Mechanism::parse(mechanism) else {
            self.warn("mechanisms: plain, login, cram-md5");
            return;
        };
        let idx = self.current;
        let p = self.protocol();
        if self.sessions[idx].follower.is_closed() {
            self.warn("this session is closed: :connect opens a new one");
            return;
        }
        let exchange = sasl::ClientExchange::new(mech, user, pass);
        let initial = if p == Protocol::Imap {
            None
        } else {
            exchange.initial_response()
        };
        self.emit(Out::meta(&format!(
            "{} ({}): {}",
            mech.name(),
            mech.rfc(),
            match mech {
                sasl::Mechanism::Plain => "one base64 string holding \\0user\\0password",
                sasl::Mechanism::Login => "the server asks Username: then Password:, each answered in base64",
                sasl::Mechanism::CramMd5 =>
                    "the server sends a challenge; the answer is the user and HMAC-MD5(password, challenge), so the password never crosses the wire",
            }
        )));
        self.sessions[idx].auth = Some(AutoAuth { exchange });
        let line = match (p, &initial) {
            (Protocol::Imap, _) => format!("AUTHENTICATE {}", mech.name()),
            (_, Some(resp)) => {
                self.emit(Out::meta(&format!(
                    "initial response: \"{}\" in base64",
                    render::escape(resp.shown.as_bytes())
                )));
                format!("AUTH {} {}", mech.name(), resp.base64)
            }
            (_, None) => format!("AUTH {}", mech.name()),
        };
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
            self.warn(":append is for IMAP sessions");
            return;
        }
        let meta_ok = std::fs::metadata(file).map(|m| m.len() <= MAX_APPEND);
        let data = match meta_ok {
            Ok(true) => std::fs::read(file),
            Ok(false) => {
                self.warn(&format!(
                    "{} is larger than {MAX_APPEND} octets",
                    file.display()
                ));
                return;
            }
            Err(e) => Err(e),
        };
        let data = match data {
            Ok(d) => to_crlf(&d),
            Err(e) => {
                self.warn(&format!("cannot read {}: {e}", file.display()));
                return;
            }
        };
        self.emit(Out::meta(&format!(
            "{} is {} octets with CRLF line ends (RFC 5322 §2.1): that is the literal's count",
            file.display(),
            data.len()
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
            self.note("nothing elided to show");
            return;
        };
        for out in lines {
            self.emit(out);
        }
    }
}
