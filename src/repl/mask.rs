//! Secrets: what is replaced by `****` before a line reaches the history file, a
//! transcript or script-mode output. The live terminal still shows what was typed.
//!
//! Masked: IMAP `LOGIN`'s password (atom, quoted string; a literal password is masked
//! by the caller, which knows where the literal goes), `AUTHENTICATE` initial
//! responses (RFC 4959), SMTP `AUTH` initial responses (RFC 4954), POP3 `PASS` and
//! `APOP` (RFC 1939 §7) and `AUTH` initial responses (RFC 5034), and the meta commands
//! `:plain`, `:b64`, `:unb64` and `:auth`.

pub use crate::protocol::follow::line::MASK;
use crate::protocol::follow::ClientLine;
use crate::protocol::Protocol;

/// Splits off the first word: (word, rest after the separating spaces).
fn word(s: &str) -> (&str, &str) {
    let s = s.trim_start();
    match s.find(' ') {
        Some(i) => (&s[..i], s[i..].trim_start()),
        None => (s, ""),
    }
}

/// Masks a protocol command line, tagged or not: every argument the command table
/// marks as secret (password, APOP digest, SASL initial response) becomes `****`;
/// when the last argument is secret it covers the rest of the line (a POP3 password
/// may contain spaces). A literal marker (`{5}`) stays visible: its octets are masked
/// by the caller when they are sent. The line is read by [`ClientLine::parse`].
pub fn mask_command(protocol: Protocol, line: &str) -> String {
    ClientLine::parse(protocol, line).masked()
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

/// Masks any line a learner typed: meta commands and protocol commands; each line of
/// `:pipeline LINE ; LINE` is masked as the command it is.
pub fn mask_input(protocol: Protocol, line: &str) -> String {
    let trimmed = line.trim_start();
    let (cmd, rest) = word(trimmed);
    if cmd.eq_ignore_ascii_case(":pipeline") && !rest.is_empty() {
        let lines: Vec<String> = rest
            .split(" ; ")
            .map(|l| mask_command(protocol, l))
            .collect();
        return format!("{cmd} {}", lines.join(" ; "));
    }
    if trimmed.starts_with(':') {
        mask_meta(trimmed)
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
        assert_eq!(m("LOGIN"), "LOGIN");
        assert_eq!(m("a1 LOGIN "), "a1 LOGIN ");
        assert_eq!(m("x1 login alex drums"), "x1 login alex ****");
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
        assert_eq!(
            mask_command(Protocol::Pop3, "PASS my long pass"),
            "PASS ****"
        );
    }

    #[test]
    fn meta_commands() {
        assert_eq!(mask_meta(":plain alex drums"), ":plain alex ****");
        assert_eq!(mask_meta(":b64 secret"), ":b64 ****");
        assert_eq!(mask_meta(":auth login alex drums"), ":auth login alex ****");
        assert_eq!(mask_meta(":help LOGIN"), ":help LOGIN");
    }

    #[test]
    fn pipeline_lines_masked_one_by_one() {
        assert_eq!(
            mask_input(Protocol::Imap, ":pipeline LOGIN alex drums ; SELECT INBOX"),
            ":pipeline LOGIN alex **** ; SELECT INBOX"
        );
        assert_eq!(
            mask_input(Protocol::Pop3, ":pipeline USER alex ; PASS drums ; STAT"),
            ":pipeline USER alex ; PASS **** ; STAT"
        );
    }
}
