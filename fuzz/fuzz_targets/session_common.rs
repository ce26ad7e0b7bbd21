//! What every server-session fuzz target does: feed arbitrary bytes to a session of
//! one protocol, split where the first byte says, the way a network would chunk them.
//! Any panic is a bug.

use std::sync::Arc;

use maillab::protocol::Protocol;
use maillab::server::{new_session, ServerConfig};
use maillab::store::fixture;

pub fn feed(protocol: Protocol, data: &[u8]) {
    let Some((&split, rest)) = data.split_first() else { return };
    let store = Arc::new(fixture::default_store());
    let config = ServerConfig { max_literal: 1 << 20, max_message: 1 << 20, ..ServerConfig::default() };
    let mut session = new_session(protocol, store, config);
    let _ = session.greeting();
    let chunk = usize::from(split).max(1);
    for piece in rest.chunks(chunk) {
        let out = session.receive(piece);
        if out.close {
            break;
        }
        // Let a session that stopped at its output budget finish, as the driver does.
        let mut rounds = 0;
        while session.has_pending_input() && rounds < 10_000 {
            if session.receive(&[]).close {
                break;
            }
            rounds += 1;
        }
    }
    session.disconnected();
}
