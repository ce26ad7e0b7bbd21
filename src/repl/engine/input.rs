//! Input: what a typed line becomes on the wire (auto-tagged commands, literals
//! and the rest after them, SMTP body lines, answers to continuations). Every byte
//! written goes through the session's follower first.

use super::*;

impl Engine {
    /// Handles one typed line: a meta command, a command for the server, or the
    /// next piece of a literal, DATA body or SASL exchange. Waits for the reply
    /// when one is due.
    pub async fn handle_line(&mut self, line: &str) {
        let line = line.trim_end_matches(['\r', '\n']);
        self.drain_events();
        let mode = self.input_mode();
        let trimmed = line.trim_start();
        if trimmed.starts_with(':') {
            let parsed = meta::parse(trimmed);
            let data_mode = matches!(mode, InputMode::Literal { .. } | InputMode::DataBody);
            match parsed {
                Ok(m) => {
                    self.emit_echo(Out::same(format!("M: {}", mask::mask_meta(trimmed))));
                    self.run_meta(m).await;
                    return;
                }
                Err(e) if !data_mode => {
                    self.emit_echo(Out::same(format!("M: {}", mask::mask_meta(trimmed))));
                    match self.observers.iter_mut().find_map(|o| o.meta(trimmed)) {
                        Some(res) => {
                            for l in &res.lines {
                                self.emit(Out::meta(l));
                            }
                            for l in res.send {
                                Box::pin(self.handle_line(&l)).await;
                            }
                        }
                        None => self.warn_text(&e),
                    }
                    return;
                }
                Err(_) => {}
            }
        }
        let Some(s) = self.sessions.get(self.current) else {
            return;
        };
        if s.follower.is_closed() {
            self.warn("repl.session_closed_connect_opens", &[]);
            return;
        }
        match mode {
            InputMode::Command => self.send_command(line).await,
            InputMode::Literal { .. } => self.literal_line(line).await,
            InputMode::Rest {
                command,
                args_before,
                shown,
            } => {
                let rest = ClientLine::rest(&command, args_before, line);
                self.send_line(rest, command, &shown).await
            }
            InputMode::Continuation { secret, .. } => {
                let idx = self.current;
                self.sessions[idx].input = InputMode::Command;
                self.send_raw(idx, line, secret);
                self.wait_reply(self.reply_timeout).await;
            }
            InputMode::DataBody => self.data_line(line).await,
        }
    }

    /// Writes bytes to session `idx`'s server; the follower sees them first.
    pub(super) fn write(&mut self, idx: usize, bytes: Vec<u8>) {
        let s = &mut self.sessions[idx];
        let sent = s.follower.client_bytes(&bytes);
        s.conn.write(bytes);
        self.sent(idx, sent);
    }

    /// Tells the observers what the client sent.
    pub(super) fn sent(&mut self, idx: usize, sent: Vec<Sent>) {
        if self.observers.is_empty() {
            return;
        }
        for x in sent {
            self.notify(idx, &Event::LineSent(x));
        }
    }

    /// Writes a parsed command line (plus CRLF) to session `idx`'s server.
    pub(super) fn write_command(&mut self, idx: usize, line: &ClientLine) {
        let s = &mut self.sessions[idx];
        let sent = s.follower.client_line(line);
        let mut bytes = line.raw.as_bytes().to_vec();
        bytes.extend_from_slice(b"\r\n");
        s.conn.write(bytes);
        self.sent(idx, sent);
    }

    /// Sends a line maillab wrote itself (a `:auth` answer): shown in interactive
    /// mode too, where typed lines are not repeated.
    pub(super) fn send_generated(&mut self, idx: usize, line: &str, secret: bool) {
        let mut bytes = line.as_bytes().to_vec();
        bytes.extend_from_slice(b"\r\n");
        self.write(idx, bytes);
        let p = self.sessions[idx].protocol;
        let shown = if secret { MASK } else { line };
        self.emit(render::client_line(p, shown, ""));
    }

    /// Sends a line as typed (plus CRLF), showing it masked when `secret`.
    pub(super) fn send_raw(&mut self, idx: usize, line: &str, secret: bool) {
        let mut bytes = line.as_bytes().to_vec();
        bytes.extend_from_slice(b"\r\n");
        self.write(idx, bytes);
        let p = self.sessions[idx].protocol;
        let shown = if secret { MASK } else { line };
        self.emit_echo(render::client_line(p, shown, ""));
    }

    pub(super) async fn send_command(&mut self, line: &str) {
        if line.trim().is_empty() {
            return;
        }
        let idx = self.current;
        let p = self.sessions[idx].protocol;
        match p {
            Protocol::Imap => {
                let tagged = self.sessions[idx].tagger.tag(line);
                let masked = tagged.line.masked();
                let s = &mut self.sessions[idx];
                s.wait_tag = Some(tagged.tag().to_string());
                // Interactive mode shows the wire line when it differs from what
                // was typed (the tag the REPL added).
                if tagged.added {
                    self.emit(render::client_line(p, &masked, ""));
                } else {
                    self.emit_echo(render::client_line(p, &masked, ""));
                }
                let line = Arc::new(tagged.line);
                self.write_command(idx, &line);
                self.after_line(idx, &line.clone(), &line).await;
            }
            Protocol::Smtp | Protocol::Pop3 => {
                let cl = ClientLine::parse(p, line);
                self.sessions[idx].wait_tag = None;
                self.emit_echo(render::client_line(p, &cl.masked(), ""));
                self.write_command(idx, &cl);
                if p == Protocol::Smtp && cl.command.as_deref() == Some("BDAT") {
                    // RFC 3030: BDAT's octets follow the command without a reply in
                    // between: gather them like a literal.
                    if let Some(lit) = cl.literal {
                        if lit.size > 0 {
                            self.sessions[idx].input = InputMode::Literal {
                                left: lit.size,
                                buf: Vec::new(),
                                secret: false,
                                command: Arc::new(cl),
                                args_before: 0,
                            };
                            return;
                        }
                    }
                }
                self.wait_reply(self.reply_timeout).await;
            }
        }
    }

    /// After an IMAP line (first line or rest after a literal) went out: a literal
    /// to gather, or the wait for the reply.
    pub(super) async fn after_line(
        &mut self,
        idx: usize,
        command: &Arc<ClientLine>,
        part: &ClientLine,
    ) {
        let s = &mut self.sessions[idx];
        s.got_continuation = false;
        if let Some(lit) = part.literal {
            let args_before = part.args_through();
            if lit.non_sync {
                s.input = InputMode::Literal {
                    left: lit.size,
                    buf: Vec::new(),
                    secret: lit.secret,
                    command: command.clone(),
                    args_before,
                };
                if lit.size == 0 {
                    self.finish_literal(idx).await;
                }
                return;
            }
            s.literal_wait = Some((lit, command.clone(), args_before));
        }
        self.wait_reply(self.reply_timeout).await;
        let s = &mut self.sessions[idx];
        if let InputMode::Literal { left: 0, .. } = s.input {
            self.finish_literal(idx).await;
        }
    }

    /// A rest-of-command line after a literal, shown after the literal's last piece.
    pub(super) async fn send_line(
        &mut self,
        rest: ClientLine,
        command: Arc<ClientLine>,
        shown: &str,
    ) {
        let idx = self.current;
        let p = self.protocol();
        let line = format!("{shown}{}", rest.masked());
        self.emit_echo(render::client_line(p, &line, ""));
        self.sessions[idx].input = InputMode::Command;
        let mut bytes = rest.raw.as_bytes().to_vec();
        bytes.extend_from_slice(b"\r\n");
        self.write(idx, bytes);
        self.after_line(idx, &command, &rest).await;
    }

    pub(super) async fn literal_line(&mut self, line: &str) {
        let idx = self.current;
        let InputMode::Literal { left, buf, .. } = &mut self.sessions[idx].input else {
            return;
        };
        let len = line.len() as u64;
        if len == *left {
            buf.extend_from_slice(line.as_bytes());
            *left = 0;
        } else if len + 2 <= *left {
            buf.extend_from_slice(line.as_bytes());
            buf.extend_from_slice(b"\r\n");
            *left -= len + 2;
        } else {
            let need = *left;
            self.warn(
                "repl.line_octets_crlf_but",
                &[
                    ("len", len.to_string()),
                    ("with_crlf", (len + 2).to_string()),
                    ("need", need.to_string()),
                    ("at_most", need.saturating_sub(2).to_string()),
                ],
            );
            return;
        }
        if let InputMode::Literal { left: 0, .. } = self.sessions[idx].input {
            self.finish_literal(idx).await;
        }
    }

    /// Sends a gathered literal; the next line is the rest of the command.
    pub(super) async fn finish_literal(&mut self, idx: usize) {
        let s = &mut self.sessions[idx];
        let InputMode::Literal {
            buf,
            secret,
            command,
            args_before,
            ..
        } = std::mem::replace(&mut s.input, InputMode::Command)
        else {
            return;
        };
        let p = s.protocol;
        self.write(idx, buf.clone());
        if p == Protocol::Smtp {
            // BDAT: the chunk is complete; its reply follows.
            let shown = crate::tr!("repl.octets_bdat_data", len = buf.len());
            self.emit_echo(render::client_line(p, &shown, ""));
            self.wait_reply(self.reply_timeout).await;
            return;
        }
        // Every line of the literal but the last: the last shares its wire line
        // with the rest of the command, shown when that is typed.
        let shown = if secret {
            MASK.to_string()
        } else {
            let text = String::from_utf8_lossy(&buf).into_owned();
            let mut pieces: Vec<&str> = text.split("\r\n").collect();
            let last = pieces.pop().unwrap_or_default().to_string();
            for l in pieces {
                self.emit_echo(render::client_line(p, l, ""));
            }
            last
        };
        self.sessions[idx].input = InputMode::Rest {
            command,
            args_before,
            shown,
        };
    }

    pub(super) async fn data_line(&mut self, line: &str) {
        let idx = self.current;
        let p = self.protocol();
        if line == "." {
            self.sessions[idx].input = InputMode::Command;
            self.send_raw(idx, ".", false);
            self.wait_reply(self.reply_timeout).await;
            return;
        }
        let wire = if line.starts_with('.') {
            format!(".{line}")
        } else {
            line.to_string()
        };
        let mut bytes = wire.as_bytes().to_vec();
        bytes.extend_from_slice(b"\r\n");
        self.write(idx, bytes);
        if wire.len() != line.len() {
            self.emit(render::client_line(p, &wire, ""));
            self.note("repl.dot_stuffed_body_line", &[]);
        } else {
            self.emit_echo(render::client_line(p, &wire, ""));
        }
    }
}
