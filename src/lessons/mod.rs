//! Guided lessons: Markdown files with one step at a time, each checked against
//! what the learner sent and what the server answered.
//!
//! - [`format`]: the lesson file format and its parser (and translations).
//! - [`check`]: the check language and the checker (pure: exchanges in, verdict out).
//! - [`run`]: a lesson run on the REPL engine and a fresh embedded server.
//! - [`observe`]: the checker as an observer of the REPL's events.
//! - [`progress`]: progress per user in the data directory.
//! - [`remote`]: a run against a lab server (`--server`): its control client and
//!   the learner's account in the lesson's place.
//! - [`command`]: `maillab lesson list|run|check|new|reset|export|import`.
//!
//! The built-in lessons (`lessons/*.md`) are compiled into the binary.

pub mod check;
pub mod command;
pub mod format;
pub mod observe;
pub mod progress;
pub mod remote;
pub mod run;

/// A lesson text by id from the current language file, placeables filled.
pub fn tr(id: &str, args: &[(&str, &str)]) -> String {
    use crate::protocol::text::Arg;
    let args: Vec<(&str, Arg<'_>)> = args
        .iter()
        .map(|(k, v)| (*k, Arg::Str(std::borrow::Cow::Borrowed(*v))))
        .collect();
    crate::protocol::text::tr(id, &args)
}

/// The built-in lessons: (file name, text), in course order.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "lessons/01-smtp-first-conversation.md",
        include_str!("../../lessons/01-smtp-first-conversation.md"),
    ),
    (
        "lessons/02-smtp-errors.md",
        include_str!("../../lessons/02-smtp-errors.md"),
    ),
    (
        "lessons/03-smtp-starttls-auth.md",
        include_str!("../../lessons/03-smtp-starttls-auth.md"),
    ),
    (
        "lessons/04-smtp-mime-attachment.md",
        include_str!("../../lessons/04-smtp-mime-attachment.md"),
    ),
    (
        "lessons/05-pop3-basics.md",
        include_str!("../../lessons/05-pop3-basics.md"),
    ),
    (
        "lessons/06-pop3-deletion.md",
        include_str!("../../lessons/06-pop3-deletion.md"),
    ),
    (
        "lessons/07-pop3-vs-imap.md",
        include_str!("../../lessons/07-pop3-vs-imap.md"),
    ),
    (
        "lessons/08-imap-first-session.md",
        include_str!("../../lessons/08-imap-first-session.md"),
    ),
    (
        "lessons/09-imap-mailboxes.md",
        include_str!("../../lessons/09-imap-mailboxes.md"),
    ),
    (
        "lessons/10-imap-select-examine.md",
        include_str!("../../lessons/10-imap-select-examine.md"),
    ),
    (
        "lessons/11-imap-fetch.md",
        include_str!("../../lessons/11-imap-fetch.md"),
    ),
    (
        "lessons/12-imap-flags-deletion.md",
        include_str!("../../lessons/12-imap-flags-deletion.md"),
    ),
    (
        "lessons/13-imap-search.md",
        include_str!("../../lessons/13-imap-search.md"),
    ),
    (
        "lessons/14-imap-copy-move-uid.md",
        include_str!("../../lessons/14-imap-copy-move-uid.md"),
    ),
    (
        "lessons/15-imap-append.md",
        include_str!("../../lessons/15-imap-append.md"),
    ),
    (
        "lessons/16-imap-idle.md",
        include_str!("../../lessons/16-imap-idle.md"),
    ),
    (
        "lessons/17-imap-auth-starttls.md",
        include_str!("../../lessons/17-imap-auth-starttls.md"),
    ),
    (
        "lessons/18-python-to-wire.md",
        include_str!("../../lessons/18-python-to-wire.md"),
    ),
];

/// Built-in translations: (file name, text). Translations carry prose only.
pub const BUILTIN_TRANSLATIONS: &[(&str, &str)] = &[
    (
        "lessons/ar/01-smtp-first-conversation.md",
        include_str!("../../lessons/ar/01-smtp-first-conversation.md"),
    ),
    (
        "lessons/ar/02-smtp-errors.md",
        include_str!("../../lessons/ar/02-smtp-errors.md"),
    ),
    (
        "lessons/ar/03-smtp-starttls-auth.md",
        include_str!("../../lessons/ar/03-smtp-starttls-auth.md"),
    ),
    (
        "lessons/ar/04-smtp-mime-attachment.md",
        include_str!("../../lessons/ar/04-smtp-mime-attachment.md"),
    ),
    (
        "lessons/ar/05-pop3-basics.md",
        include_str!("../../lessons/ar/05-pop3-basics.md"),
    ),
    (
        "lessons/ar/06-pop3-deletion.md",
        include_str!("../../lessons/ar/06-pop3-deletion.md"),
    ),
    (
        "lessons/ar/07-pop3-vs-imap.md",
        include_str!("../../lessons/ar/07-pop3-vs-imap.md"),
    ),
    (
        "lessons/ar/08-imap-first-session.md",
        include_str!("../../lessons/ar/08-imap-first-session.md"),
    ),
    (
        "lessons/ar/09-imap-mailboxes.md",
        include_str!("../../lessons/ar/09-imap-mailboxes.md"),
    ),
    (
        "lessons/ar/10-imap-select-examine.md",
        include_str!("../../lessons/ar/10-imap-select-examine.md"),
    ),
    (
        "lessons/ar/11-imap-fetch.md",
        include_str!("../../lessons/ar/11-imap-fetch.md"),
    ),
    (
        "lessons/ar/12-imap-flags-deletion.md",
        include_str!("../../lessons/ar/12-imap-flags-deletion.md"),
    ),
    (
        "lessons/ar/13-imap-search.md",
        include_str!("../../lessons/ar/13-imap-search.md"),
    ),
    (
        "lessons/ar/14-imap-copy-move-uid.md",
        include_str!("../../lessons/ar/14-imap-copy-move-uid.md"),
    ),
    (
        "lessons/ar/15-imap-append.md",
        include_str!("../../lessons/ar/15-imap-append.md"),
    ),
    (
        "lessons/ar/16-imap-idle.md",
        include_str!("../../lessons/ar/16-imap-idle.md"),
    ),
    (
        "lessons/ar/17-imap-auth-starttls.md",
        include_str!("../../lessons/ar/17-imap-auth-starttls.md"),
    ),
    (
        "lessons/ar/18-python-to-wire.md",
        include_str!("../../lessons/ar/18-python-to-wire.md"),
    ),
];
