//! Secrets: what is replaced by `****` before a line reaches the history file, a
//! transcript or script-mode output. The live terminal still shows what was typed.
//!
//! Masked: IMAP `LOGIN`'s password (atom, quoted string; a literal password is masked
//! by the caller, which knows where the literal goes), `AUTHENTICATE` initial
//! responses (RFC 4959), SMTP `AUTH` initial responses (RFC 4954), POP3 `PASS` and
//! `APOP` (RFC 1939 §7) and `AUTH` initial responses (RFC 5034), and the meta commands
//! `:plain`, `:b64`, `:unb64` and `:auth`.

use crate::protocol::Protocol;

/// The mask put in place of a secret.
pub const MASK: &str = "****";

/// Splits off the first word: (word, rest after the separating spaces).
fn word(s: &str) -> (&str, &str) {
    let s = s.trim_start();
    match s.find(' ') {
        Some(i) => (&s[..i], s[i..].trim_start()),
        None => (s, ""),
    }
}

/// Whether `rest` is nothing but a literal marker `{N}` / `{N+}`.
fn is_literal_marker(rest: &str) -> bool {
    super::tagger::client_literal(rest).is_some() && rest.trim_start().starts_with('{')
}

/// Length of the IMAP astring at the start of `s` (atom, quoted string or literal
/// marker), so the argument after it can be found.
fn astring_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    if bytes.first() == Some(&b'"') {
        let mut i = 1;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' => i += 2,
                b'"' => return (i + 1).min(s.len()),
                _ => i += 1,
            }
        }
        s.len()
    } else {
        s.find(' ').unwrap_or(s.len())
    }
}

/// Masks a protocol command line, tagged or not. Returns the line unchanged when it
/// carries no secret.
pub fn mask_command(protocol: Protocol, line: &str) -> String {
    let (first, rest) = word(line);
    match protocol {
        Protocol::Imap => {
            // Try the line as untagged, then as tagged.
            if let Some(m) = mask_imap(first, rest) {
                let prefix = &line[..line.len() - line.trim_start().len()];
                return format!("{prefix}{m}");
            }
            let (second, tail) = word(rest);
            if let Some(m) = mask_imap(second, tail) {
                return format!("{first} {m}");
            }
            line.to_string()
        }
        Protocol::Smtp => match first.to_ascii_uppercase().as_str() {
            "AUTH" => mask_after_mechanism(first, rest),
            _ => line.to_string(),
        },
        Protocol::Pop3 => match first.to_ascii_uppercase().as_str() {
            "PASS" if !rest.is_empty() => format!("{first} {MASK}"),
            "APOP" => {
                let (user, digest) = word(rest);
                if digest.is_empty() {
                    line.to_string()
                } else {
                    format!("{first} {user} {MASK}")
                }
            }
            "AUTH" => mask_after_mechanism(first, rest),
            _ => line.to_string(),
        },
    }
}

/// `AUTH PLAIN <initial>` → `AUTH PLAIN ****`.
fn mask_after_mechanism(cmd: &str, rest: &str) -> String {
    let (mech, initial) = word(rest);
    if initial.is_empty() {
        if mech.is_empty() {
            cmd.to_string()
        } else {
            format!("{cmd} {mech}")
        }
    } else {
        format!("{cmd} {mech} {MASK}")
    }
}

/// IMAP: `cmd rest` with `cmd` already split off; `None` if `cmd` carries no secret.
fn mask_imap(cmd: &str, rest: &str) -> Option<String> {
    match cmd.to_ascii_uppercase().as_str() {
        "LOGIN" => {
            let user_len = astring_len(rest);
            let user = &rest[..user_len];
            let pass = rest[user_len..].trim_start();
            if is_literal_marker(user) && pass.is_empty() {
                // `LOGIN {4}`: the user name comes as a literal, the password later.
                return Some(format!("{cmd} {user}"));
            }
            if pass.is_empty() || is_literal_marker(pass) {
                return Some(format!("{cmd} {rest}").trim_end().to_string());
            }
            Some(format!("{cmd} {user} {MASK}"))
        }
        "AUTHENTICATE" => Some(mask_after_mechanism(cmd, rest)),
        _ => None,
    }
}

/// Masks a meta command line (`:plain USER PASS`, `:b64 TEXT`, `:unb64 TEXT`,
/// `:auth MECH USER PASS`).
pub fn mask_meta(line: &str) -> String {
    let (cmd, rest) = word(line);
    match cmd.to_ascii_lowercase().as_str() {
        ":plain" => {
            let (user, pass) = word(rest);
            if pass.is_empty() {
                line.to_string()
            } else {
                format!("{cmd} {user} {MASK}")
            }
        }
        ":b64" | ":unb64" if !rest.is_empty() => format!("{cmd} {MASK}"),
        ":auth" => {
            let (mech, rest) = word(rest);
            let (user, pass) = word(rest);
            if pass.is_empty() {
                line.to_string()
            } else {
                format!("{cmd} {mech} {user} {MASK}")
            }
        }
        _ => line.to_string(),
    }
}

/// Masks any line a learner typed: meta commands and protocol commands.
pub fn mask_input(protocol: Protocol, line: &str) -> String {
    if line.trim_start().starts_with(':') {
        mask_meta(line.trim_start())
    } else {
        mask_command(protocol, line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imap_login_forms() {
        let m = |l| mask_command(Protocol::Imap, l);
        assert_eq!(m("LOGIN alex drums"), "LOGIN alex ****");
        assert_eq!(m("a001 LOGIN alex drums"), "a001 LOGIN alex ****");
        assert_eq!(m("login \"al ex\" \"dr ums\""), "login \"al ex\" ****");
        assert_eq!(m("a1 LOGIN alex {5}"), "a1 LOGIN alex {5}");
        assert_eq!(m("LOGIN {4}"), "LOGIN {4}");
        assert_eq!(
            m("a1 AUTHENTICATE PLAIN AGFsZXgAZHJ1bXM="),
            "a1 AUTHENTICATE PLAIN ****"
        );
        assert_eq!(m("a1 AUTHENTICATE PLAIN"), "a1 AUTHENTICATE PLAIN");
        assert_eq!(m("a1 SELECT INBOX"), "a1 SELECT INBOX");
    }

    #[test]
    fn smtp_and_pop3() {
        assert_eq!(
            mask_command(Protocol::Smtp, "AUTH PLAIN AGE="),
            "AUTH PLAIN ****"
        );
        assert_eq!(mask_command(Protocol::Smtp, "AUTH LOGIN"), "AUTH LOGIN");
        assert_eq!(mask_command(Protocol::Pop3, "PASS drums"), "PASS ****");
        assert_eq!(
            mask_command(Protocol::Pop3, "APOP alex c4c9334bac560ecc979e58001b3e22fb"),
            "APOP alex ****"
        );
        assert_eq!(mask_command(Protocol::Pop3, "USER alex"), "USER alex");
    }

    #[test]
    fn meta_commands() {
        assert_eq!(mask_meta(":plain alex drums"), ":plain alex ****");
        assert_eq!(mask_meta(":b64 secret"), ":b64 ****");
        assert_eq!(mask_meta(":auth login alex drums"), ":auth login alex ****");
        assert_eq!(mask_meta(":help LOGIN"), ":help LOGIN");
    }
}
