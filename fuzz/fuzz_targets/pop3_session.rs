//! Arbitrary bytes, in arbitrary chunks, into a POP3 server session.
#![no_main]

#[path = "session_common.rs"]
mod session_common;

use libfuzzer_sys::fuzz_target;
use maillab::protocol::Protocol;

fuzz_target!(|data: &[u8]| session_common::feed(Protocol::Pop3, data));
