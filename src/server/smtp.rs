//! The mock SMTP server session.

use super::{Output, ServerConfig, Session};
use crate::store::SharedStore;

/// One SMTP connection's state machine.
pub struct SmtpSession {
    _store: SharedStore,
    _config: ServerConfig,
}

impl SmtpSession {
    pub fn new(store: SharedStore, config: ServerConfig) -> Self {
        SmtpSession {
            _store: store,
            _config: config,
        }
    }
}

impl Session for SmtpSession {
    fn greeting(&mut self) -> Output {
        Output {
            bytes: b"-ERR not available yet\r\n".to_vec(),
            close: true,
            ..Output::default()
        }
    }
    fn receive(&mut self, _input: &[u8]) -> Output {
        Output::default()
    }
    fn timed_out(&mut self) -> Output {
        Output {
            close: true,
            ..Output::default()
        }
    }
}
