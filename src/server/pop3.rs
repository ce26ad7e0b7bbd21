//! The mock POP3 server session.

use super::{Output, ServerConfig, Session};
use crate::store::SharedStore;

/// One POP3 connection's state machine.
pub struct Pop3Session {
    _store: SharedStore,
    _config: ServerConfig,
}

impl Pop3Session {
    pub fn new(store: SharedStore, config: ServerConfig) -> Self {
        Pop3Session {
            _store: store,
            _config: config,
        }
    }
}

impl Session for Pop3Session {
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
