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

/// Byte spans of the arguments in `args`: atoms, quoted strings, parenthesised
/// lists and literal markers (`{5}`), each one argument.
fn arg_spans(args: &str) -> Vec<(usize, usize)> {
    let bytes = args.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        let start = i;
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(bytes.len());
            }
            b'(' => {
                let mut depth = 0usize;
                while i < bytes.len() {
                    match bytes[i] {
                        b'(' => depth += 1,
                        b')' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                i += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            _ => {
                while i < bytes.len() && bytes[i] != b' ' {
                    i += 1;
                }
            }
        }
        spans.push((start, i.min(bytes.len())));
    }
    spans
}

/// Masks a protocol command line, tagged or not: every argument the command table
/// marks as secret (password, APOP digest, SASL initial response) becomes `****`;
/// when the last argument is secret it covers the rest of the line (a POP3 password
/// may contain spaces). A literal marker (`{5}`) stays visible: its octets are masked
/// by the caller when they are sent.
pub fn mask_command(protocol: Protocol, line: &str) -> String {
    let Some(cl) = crate::protocol::parse_command_line(protocol, line) else {
        return line.to_string();
    };
    let Some(spec) = cl.spec else {
        return line.to_string();
    };
    // No arguments typed yet (`args` may then not even point into `line`).
    if !spec.args.iter().any(|k| k.is_secret()) || cl.args.trim().is_empty() {
        return line.to_string();
    }
    // `cl.args` is a slice of `line`: find where it starts.
    let offset = (cl.args.as_ptr() as usize).saturating_sub(line.as_ptr() as usize);
    let Some(head) = line.get(..offset) else {
        return line.to_string();
    };
    let args = cl.args;
    let last_secret = spec.args.last().is_some_and(|k| k.is_secret());
    let mut out = String::from(head);
    let mut pos = 0;
    for (i, (start, end)) in arg_spans(args).into_iter().enumerate() {
        let token = &args[start..end];
        let is_marker = super::tagger::client_literal(token).is_some() && token.starts_with('{');
        let rest_is_marker = {
            let rest = &args[start..];
            super::tagger::client_literal(rest).is_some() && rest.starts_with('{')
        };
        let covers_rest = last_secret && i + 1 >= spec.args.len();
        let secret = spec.args.get(i).is_some_and(|k| k.is_secret()) || covers_rest;
        if secret && !is_marker && !rest_is_marker {
            out.push_str(&args[pos..start]);
            out.push_str(MASK);
            if covers_rest {
                // A trailing literal marker after the secret stays visible.
                return out;
            }
            pos = end;
        }
    }
    out.push_str(&args[pos..]);
    out
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
}
