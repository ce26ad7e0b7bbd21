//! Waiting for replies: until the awaited tag (IMAP) or every answer (SMTP, POP3)
//! arrived, a continuation came, or the time limit passed.

use super::*;

impl Engine {
    pub(super) fn wait_done(&self) -> bool {
        let Some(s) = self.sessions.get(self.current) else {
            return true;
        };
        if s.tls_pending {
            return false;
        }
        if s.follower.is_closed() || s.got_continuation {
            return true;
        }
        if matches!(s.input, InputMode::Literal { .. }) {
            return true;
        }
        match (&s.wait_tag, s.protocol) {
            (Some(tag), Protocol::Imap) => {
                !s.follower.is_pending_tag(tag) && !s.follower.awaiting_greeting()
            }
            _ => !s.follower.waiting(),
        }
    }

    /// Handles events until the current session's reply is complete (or `limit`
    /// passes, which is said).
    pub async fn wait_reply(&mut self, limit: Option<Duration>) {
        if let Some(s) = self.sessions.get_mut(self.current) {
            s.got_continuation = false;
        }
        let deadline = limit.map(|d| tokio::time::Instant::now() + d);
        while !self.wait_done() {
            let ev = match deadline {
                Some(d) => match tokio::time::timeout_at(d, self.events_rx.recv()).await {
                    Ok(ev) => ev,
                    Err(_) => {
                        let secs = limit.map_or(0, |l| l.as_secs());
                        self.note(
                            "repl.no_complete_reply_within",
                            &[("secs", secs.to_string())],
                        );
                        // SMTP and POP3 answer in order: a reply that never came
                        // must not hold up every later command. (IMAP waits by tag.)
                        if let Some(s) = self.sessions.get_mut(self.current) {
                            if s.protocol != Protocol::Imap {
                                s.follower.forget_pending();
                            }
                        }
                        return;
                    }
                },
                None => self.events_rx.recv().await,
            };
            match ev {
                Some(ev) => self.process_event(ev),
                None => return,
            }
        }
    }

    /// `:wait`: shows whatever arrives during `secs` seconds; returns how many events
    /// (server data, closes) came.
    pub async fn pump(&mut self, secs: f64) -> usize {
        let deadline = tokio::time::Instant::now() + Duration::from_secs_f64(secs);
        let mut n = 0;
        while let Ok(Some(ev)) = tokio::time::timeout_at(deadline, self.events_rx.recv()).await {
            self.process_event(ev);
            n += 1;
        }
        n
    }

    /// Stops waiting (Ctrl-C): the pending replies will print when they come.
    pub fn cancel_wait(&mut self) {
        self.note("repl.stopped_waiting_reply_will", &[]);
    }

    pub(super) fn wait_done_after_append(&self, idx: usize) -> bool {
        let s = &self.sessions[idx];
        match &s.wait_tag {
            Some(tag) => !s.follower.is_pending_tag(tag),
            None => true,
        }
    }
}
