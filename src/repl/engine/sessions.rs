//! Sessions: opening connections (embedded, TCP, implicit TLS, `--starttls`), the
//! TLS upgrade, connection events, and each server response handed to the observers
//! (the renderer first) and then acted on (continuations, SASL answers, STARTTLS).

use super::*;

impl Engine {
    pub(super) async fn open_session(
        &mut self,
        protocol: Protocol,
        remote: Option<String>,
    ) -> Result<(), String> {
        let settings = self.opts.tls.clone();
        let mut summary = None;
        let (stream, label, endpoint) = match &remote {
            None => (
                crate::server::embedded::connect_embedded_tls(
                    protocol,
                    self.opts.store.clone(),
                    ServerConfig::default(),
                    Some(self.lab_tls.clone()),
                ),
                crate::tr!("repl.embedded_server"),
                None,
            ),
            Some(url) => {
                let ep = repl_tls::parse_endpoint(url, Some(protocol.name()), settings.submission)?;
                let tcp = transport::connect_tcp(&ep.addr, settings.connect_timeout)
                    .await
                    .map_err(|e| repl_tls::connect_error(&ep.addr, &e))?;
                let stream = if ep.implicit {
                    let opts = settings.client_options(None)?;
                    let (s, sum) = transport::tls::connect(tcp, &ep.host, &opts)
                        .await
                        .map_err(|e| format!("{}: {e}", ep.addr))?;
                    summary = Some(sum);
                    s
                } else {
                    tcp
                };
                (stream, ep.url.clone(), Some(ep))
            }
        };
        let id = self.sessions.len() + 1;
        let conn = Conn::spawn(id, stream, self.events_tx.clone());
        self.sessions.push(ClientSession {
            id,
            protocol,
            label,
            conn,
            follower: Follower::new(protocol).keep_data(MAX_KEPT),
            tagger: Tagger::new(),
            input: InputMode::Command,
            literal_wait: None,
            append_data: None,
            auth: None,
            wait_tag: None,
            got_continuation: false,
            endpoint,
            tls_pending: false,
            unverified: false,
        });
        // Whether the bytes stay on this machine (for the clear-text warnings).
        let reach = repl_tls::Reach::of(
            self.sessions[id - 1]
                .endpoint
                .as_ref()
                .map(|e| e.host.as_str()),
        );
        for r in self.renderers() {
            r.sessions.insert(id, (protocol, reach));
        }
        let opened = Event::SessionOpened {
            id,
            protocol,
            label: self.sessions[id - 1].label.clone(),
        };
        self.notify(id - 1, &opened);
        if let Some(sum) = summary {
            self.tls_up(id - 1, &sum);
        }
        self.set_current(id - 1);
        if self.sessions.len() > 1 {
            let target = self.sessions[id - 1].label.clone();
            self.note(
                "repl.session_opened",
                &[
                    ("id", id.to_string()),
                    ("protocol", protocol.to_string()),
                    ("target", target),
                ],
            );
        }
        self.wait_reply(Some(Duration::from_secs(10))).await;
        let s = &self.sessions[id - 1];
        if settings.starttls
            && s.endpoint.as_ref().is_some_and(|e| !e.implicit)
            && !s.follower.is_closed()
        {
            if protocol == Protocol::Smtp {
                self.send_command("EHLO maillab.localdomain").await;
            }
            let upgrade = if protocol == Protocol::Pop3 {
                "STLS"
            } else {
                "STARTTLS"
            };
            self.send_command(upgrade).await;
            let s = &self.sessions[id - 1];
            if !s.follower.tls() || s.follower.is_closed() {
                return Err(crate::tr!("repl.starttls_server_did_not", id = id));
            }
            if protocol == Protocol::Smtp {
                self.send_command("EHLO maillab.localdomain").await;
            }
        }
        Ok(())
    }

    /// The handshake on session `idx` finished: say what was negotiated.
    pub(super) fn tls_up(&mut self, idx: usize, sum: &transport::tls::TlsSummary) {
        let s = &mut self.sessions[idx];
        s.follower.set_tls(true);
        s.tls_pending = false;
        s.unverified = !sum.verified;
        let ev = Event::TlsUp {
            verified: sum.verified,
            version: sum.version.clone(),
            cipher: sum.cipher_suite.clone(),
        };
        self.notify(idx, &ev);
        for line in repl_tls::summary_lines(sum) {
            self.emit(Out::meta(&line));
        }
    }

    /// The server accepted STARTTLS / STLS on session `idx`: hand the stream to TLS.
    pub(super) fn begin_upgrade(&mut self, idx: usize) {
        let (host, extra) = match &self.sessions[idx].endpoint {
            Some(ep) => (ep.host.clone(), None),
            // The embedded server's certificate is the lab CA's: trust it.
            None => (
                "localhost".to_string(),
                self.lab_tls.ca_pem().ok().and_then(|pem| {
                    use rustls::pki_types::pem::PemObject;
                    rustls::pki_types::CertificateDer::from_pem_slice(pem.as_bytes()).ok()
                }),
            ),
        };
        match self.opts.tls.client_options(extra) {
            Ok(opts) => {
                let s = &mut self.sessions[idx];
                s.tls_pending = s.conn.start_tls(host, opts);
            }
            Err(e) => self.warn_text(&e),
        }
    }

    /// Takes every event already queued, without waiting (interactive mode calls it
    /// when a line arrives).
    pub fn drain_events(&mut self) {
        while let Ok(ev) = self.events_rx.try_recv() {
            self.process_event(ev);
        }
    }

    /// Waits for the next event from any connection and handles it. Returns false
    /// when no connection can send anything any more.
    pub async fn next_event(&mut self) -> bool {
        match self.events_rx.recv().await {
            Some(ev) => {
                self.process_event(ev);
                true
            }
            None => false,
        }
    }

    pub(super) fn process_event(&mut self, ev: ConnEvent) {
        match ev {
            ConnEvent::Data(id, bytes) => {
                let Some(idx) = self.sessions.iter().position(|s| s.id == id) else {
                    return;
                };
                let steps = self.sessions[idx].follower.server_bytes(&bytes);
                crate::repl::conn::recycle(bytes);
                for r in steps {
                    self.handle_response(idx, r);
                }
            }
            ConnEvent::TlsUp(id, sum) => {
                let Some(idx) = self.sessions.iter().position(|s| s.id == id) else {
                    return;
                };
                self.tls_up(idx, &sum);
                let p = self.sessions[idx].protocol;
                self.emit(Out::meta(&repl_tls::after_upgrade_note(p)));
            }
            ConnEvent::TlsFailed(id, why) => {
                if let Some(s) = self.sessions.iter_mut().find(|s| s.id == id) {
                    s.tls_pending = false;
                }
                self.warn_text(&why);
                self.process_event(ConnEvent::Closed(id, None));
            }
            ConnEvent::Closed(id, err) => {
                let Some(idx) = self.sessions.iter().position(|s| s.id == id) else {
                    return;
                };
                if self.sessions[idx].follower.is_closed() {
                    return;
                }
                let mid = self.sessions[idx].follower.is_mid_response();
                for r in self.sessions[idx].follower.closed() {
                    if r.kind != StepKind::Close {
                        self.handle_response(idx, r);
                    }
                }
                self.notify(idx, &Event::SessionClosed { id });
                let s = &mut self.sessions[idx];
                s.input = InputMode::Command;
                s.literal_wait = None;
                s.auth = None;
                s.append_data = None;
                let mut args = vec![("id", id.to_string())];
                let failed = err.is_some();
                if let Some(e) = err {
                    args.push(("error", e.to_string()));
                }
                let id = match (failed, mid) {
                    (true, true) => "repl.ended.failed_mid",
                    (true, false) => "repl.ended.failed",
                    (false, true) => "repl.ended.closed_mid",
                    (false, false) => "repl.ended.closed",
                };
                self.note(id, &args);
            }
        }
    }

    pub(super) fn handle_response(&mut self, idx: usize, r: Response) {
        let p = self.sessions[idx].protocol;
        // The renderer (the first observer) prints it; then the others see it.
        let r = Arc::new(r);
        self.notify(idx, &Event::Reply(r.clone()));
        let s = &mut self.sessions[idx];
        if r.kind == StepKind::Continuation {
            let challenge = continuation_text(p, &r);
            if let Some(mut auth) = s.auth.take() {
                match auth.exchange.respond(&challenge) {
                    Ok((decoded, resp)) => {
                        let masked = resp.shown.contains(MASK);
                        s.auth = Some(auth);
                        let wire = resp.base64.clone();
                        self.emit(Out::meta(&crate::tr!(
                            "repl.challenge_base64",
                            challenge = challenge,
                            decoded = render::escape(decoded.as_bytes())
                        )));
                        self.emit(Out::meta(&crate::tr!(
                            "repl.answer_base64",
                            answer = render::escape(resp.shown.as_bytes())
                        )));
                        self.send_generated(idx, &wire, masked);
                    }
                    Err(e) => {
                        self.warn(
                            "repl.cannot_answer_challenge_cancelling",
                            &[("error", e.to_string())],
                        );
                        self.send_generated(idx, "*", false);
                    }
                }
                return;
            }
            if let Some(data) = s.append_data.take() {
                let len = data.len();
                let mut bytes = data;
                bytes.extend_from_slice(b"\r\n");
                self.write(idx, bytes);
                self.emit(render::client_line(
                    p,
                    &crate::tr!("repl.octets_message_then_crlf", len = len),
                    "",
                ));
                return;
            }
            if let Some((lit, command, args_before)) = s.literal_wait.take() {
                s.input = InputMode::Literal {
                    left: lit.size,
                    buf: Vec::new(),
                    secret: lit.secret,
                    command,
                    args_before,
                };
            } else {
                s.input = match s.follower.expect() {
                    Expect::Body => InputMode::DataBody,
                    Expect::IdleDone => InputMode::Continuation {
                        secret: false,
                        idle: true,
                    },
                    Expect::Answer { secret } => InputMode::Continuation {
                        secret: *secret,
                        idle: false,
                    },
                    _ => InputMode::Continuation {
                        secret: false,
                        idle: false,
                    },
                };
            }
            s.got_continuation = true;
            return;
        }
        if r.tls_start && !r.tls && !s.tls_pending {
            self.begin_upgrade(idx);
        }
        let s = &mut self.sessions[idx];
        if r.ends_command {
            let done_tag = r.command.as_ref().and_then(|c| c.tag.clone());
            let ends_wait = match (&s.wait_tag, &done_tag) {
                (Some(w), Some(t)) => w == t,
                _ => true,
            };
            if ends_wait {
                s.literal_wait = None;
                s.append_data = None;
                if !s.follower.waiting() {
                    s.auth = None;
                }
                if matches!(
                    s.input,
                    InputMode::Continuation { .. }
                        | InputMode::DataBody
                        | InputMode::Literal { .. }
                ) && (p != Protocol::Imap || done_tag.is_some())
                {
                    if matches!(s.input, InputMode::Literal { .. }) {
                        s.input = InputMode::Command;
                        self.note("repl.server_answered_before_literal", &[]);
                    } else {
                        s.input = InputMode::Command;
                    }
                }
            }
        }
    }
}
