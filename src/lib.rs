//! # maillab
//!
//! Learn SMTP, IMAP and POP3 by speaking them. The crate is one library and one binary.
//!
//! ## Layout
//!
//! - [`protocol`]: what a client knows about each protocol, as data: command tables
//!   (syntax, states, RFC section), explanation tables keyed by id, reply classifiers.
//!   Pure: no I/O.
//! - [`store`]: the shared in-memory mail store (users, mailboxes, messages, flags,
//!   UIDs) and the one module that parses MIME (`store::mime`), plus fixtures.
//! - [`server`]: the mock IMAP, POP3 and SMTP servers as sans-I/O sessions fed bytes;
//!   `server::driver` is the only code that moves their bytes over a stream.
//! - [`transport`]: byte streams: TCP, the in-process pipe to the embedded server,
//!   and TLS on top.
//! - [`repl`]: the interactive and script-mode front end.
//! - [`serve`]: `maillab serve`, the lab server on loopback.
//! - [`lessons`]: guided lessons (`maillab lesson`), run on the REPL engine.

pub mod lab;
pub mod lessons;
pub mod protocol;
pub mod repl;
pub mod serve;
pub mod server;
pub mod store;
pub mod transport;
