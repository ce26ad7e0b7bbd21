//! Following a conversation from both sides: which state each protocol's session is
//! in. The state types here are the one vocabulary the REPL, `maillab explain`, the
//! servers, the lessons and the lab server's trace share.

pub mod state;

pub use state::{ImapState, Pop3State, SmtpState, State};
