//! What every IMAP command shares and checks before it runs: how it fails, and the
//! argument checks more than one command group needs (mailbox names, flag lists).

use super::mutf7;
use crate::store::{Flags, SYSTEM_FLAGS};

/// A command's failure: BAD for syntax (with the command's syntax line), BAD or NO
/// with a reason.
pub(crate) enum Fail {
    Syntax(String),
    Bad(String),
    No(String),
}

/// `Ok(Some(text))`: tagged OK with that text; `Ok(None)`: the command answered itself.
pub(crate) type CmdResult = Result<Option<String>, Fail>;

/// A parse error becomes a BAD that quotes the command's syntax.
pub(crate) fn syntax<T>(r: Result<T, String>) -> Result<T, Fail> {
    r.map_err(Fail::Syntax)
}

/// Validates a mailbox name argument (RFC 3501 §5.1.3).
pub(crate) fn mailbox_name(raw: &[u8]) -> Result<String, Fail> {
    let Ok(s) = std::str::from_utf8(raw) else {
        return Err(Fail::Bad(crate::tr_en!(
            "server.imap.mailbox_name_not_valid"
        )));
    };
    if !s.is_ascii() {
        return Err(Fail::Bad(crate::tr_en!(
            "server.imap.mailbox_names_travel_bit",
            s = s,
            s2 = mutf7::encode(s)
        )));
    }
    if let Err(e) = mutf7::decode(s) {
        return Err(Fail::No(crate::tr_en!(
            "server.imap.cannot_not_valid_modified",
            s = s,
            error = e.0
        )));
    }
    Ok(s.to_string())
}

/// Checks flags a client wants to set: system flags must be known ones; `\Recent`
/// is dropped (only the server sets it, RFC 3501 §2.3.2).
pub(crate) fn check_flags(flags: &[String]) -> Result<Flags, Fail> {
    let mut out = Flags::new();
    for f in flags {
        if let Some(rest) = f.strip_prefix('\\') {
            if rest.eq_ignore_ascii_case("Recent") {
                continue;
            }
            if !SYSTEM_FLAGS.iter().any(|s| s.eq_ignore_ascii_case(f)) {
                return Err(Fail::Bad(crate::tr_en!(
                    "server.imap.not_system_flag_use",
                    flag = f
                )));
            }
        }
        out.insert(f);
    }
    Ok(out)
}

/// `NO [LIMIT]` (RFC 5530 §3) when `flags` would bring `mb` over `max` keywords: each
/// keyword is listed in every SELECT's FLAGS, so thousands make every SELECT slow.
pub(crate) fn check_keyword_room(
    mb: &crate::store::Mailbox,
    flags: &Flags,
    max: usize,
) -> Result<(), Fail> {
    let new = flags
        .iter()
        .filter(|f| !f.starts_with('\\') && !mb.keywords.contains(*f))
        .count();
    if new > 0 && mb.keywords.len() + new > max {
        let why = crate::tr_en!(
            "server.imap.keyword_limit",
            n = mb.keywords.len(),
            max = max
        );
        return Err(Fail::No(format!("[LIMIT] {why}")));
    }
    Ok(())
}
