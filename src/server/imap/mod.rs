//! The mock IMAP4rev1 server session (RFC 3501 and the extensions clients expect).

use super::{Output, ServerConfig, Session};
use crate::store::SharedStore;

/// One IMAP connection's state machine.
pub struct ImapSession {
    _store: SharedStore,
    _config: ServerConfig,
}

impl ImapSession {
    pub fn new(store: SharedStore, config: ServerConfig) -> Self {
        ImapSession {
            _store: store,
            _config: config,
        }
    }
}

impl Session for ImapSession {
    fn greeting(&mut self) -> Output {
        Output {
            bytes: b"* OK maillab mock IMAP server ready\r\n".to_vec(),
            ..Output::default()
        }
    }
    fn receive(&mut self, _input: &[u8]) -> Output {
        Output::default()
    }
    fn timed_out(&mut self) -> Output {
        Output {
            bytes: b"* BYE idle for too long, closing\r\n".to_vec(),
            close: true,
            ..Output::default()
        }
    }
}
