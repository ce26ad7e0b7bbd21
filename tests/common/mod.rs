//! What the integration tests share: one way to start the binary (script mode or
//! `maillab serve`), one way to start the real peers (Dovecot and Postfix on
//! loopback, through `tests/peers/*.sh`), and one rule for missing tools: with
//! `CI=true` a missing peer or client fails the test, elsewhere it is skipped with
//! a message.
//!
//! Each test file that needs it says `mod common;`; not every file uses every part.
#![allow(dead_code)]

pub mod bin;
pub mod peers;
pub mod ports;
