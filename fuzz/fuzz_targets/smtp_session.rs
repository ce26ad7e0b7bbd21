//! Feeds arbitrary bytes to a SMTP server session, split where the first byte says,
//! the way a network would chunk them. Any panic is a bug.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use maillab::protocol::Protocol;
use maillab::server::{new_session, ServerConfig};
use maillab::store::fixture;

fuzz_target!(|data: &[u8]| {
    let Some((&split, rest)) = data.split_first() else { return };
    let store = Arc::new(fixture::default_store());
    let config = ServerConfig { max_literal: 1 << 20, max_message: 1 << 20, ..ServerConfig::default() };
    let mut session = new_session(Protocol::Smtp, store, config);
    let _ = session.greeting();
    let chunk = usize::from(split).max(1);
    for piece in rest.chunks(chunk) {
        let out = session.receive(piece);
        if out.close {
            break;
        }
    }
    session.disconnected();
});
