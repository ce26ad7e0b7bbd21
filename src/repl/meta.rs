//! Meta commands: lines starting with `:` are the REPL's own and never go on the wire.

use std::path::PathBuf;

/// A parsed meta command.
#[derive(Clone, Debug, PartialEq)]
pub enum Meta {
    /// `:help [COMMAND]`
    Help(Option<String>),
    /// `:explain on|off` toggles explanations; `:explain TEXT` explains a line.
    ExplainToggle(bool),
    ExplainText(String),
    /// `:b64 TEXT`
    B64(String),
    /// `:unb64 BASE64`
    Unb64(String),
    /// `:plain USER PASS`: the AUTH PLAIN string (RFC 4616).
    Plain {
        user: String,
        pass: String,
    },
    /// `:auth plain|login|cram-md5 USER PASS` or `:auth xoauth2|oauthbearer USER TOKEN`:
    /// runs the SASL exchange.
    Auth {
        mechanism: String,
        user: String,
        pass: String,
    },
    /// `:append MAILBOX FILE`
    Append {
        mailbox: String,
        file: PathBuf,
    },
    /// `:more`
    More,
    /// `:save FILE`
    Save(PathBuf),
    /// `:connect imap|pop3|smtp|URL`
    Connect(String),
    /// `:sessions`
    Sessions,
    /// `:switch N`
    Switch(usize),
    /// `:wait SECONDS`
    Wait(f64),
    /// `:quit`
    Quit,
}

/// Every meta command with its syntax and what it does (for `:help` and completion).
pub const META_HELP: &[(&str, &str)] = &[
    (
        ":help [COMMAND]",
        "list commands, or show one command's syntax, states, RFC section and example",
    ),
    (
        ":explain on|off",
        "show or hide the explanations under server replies",
    ),
    (
        ":explain TEXT",
        "explain any server line, e.g. :explain 550 5.1.1 User unknown",
    ),
    (":b64 TEXT", "base64-encode TEXT (masked in transcripts)"),
    (":unb64 BASE64", "decode base64 (NUL bytes shown as \\0)"),
    (
        ":plain USER PASS",
        "the base64 string for AUTH PLAIN / AUTHENTICATE PLAIN (RFC 4616)",
    ),
    (
        ":auth plain|login|cram-md5 USER PASS",
        "run a SASL login step by step, showing each base64 string decoded",
    ),
    (
        ":auth xoauth2|oauthbearer USER TOKEN",
        "log in with an OAuth 2.0 access token you already have (Gmail, Outlook; RFC 7628)",
    ),
    (
        ":append MAILBOX FILE",
        "IMAP APPEND of a message file, with the literal counted for you",
    ),
    (
        ":more",
        "show the rest of the last elided literal or message",
    ),
    (":save FILE", "write the transcript so far (secrets masked)"),
    (
        ":connect imap|pop3|smtp",
        "open another session on the embedded server (same mail store)",
    ),
    (
        ":connect URL",
        "open a session on a real server: imap://HOST:PORT, pop3://, smtp://",
    ),
    (":sessions", "list the open sessions"),
    (":switch N", "make session N the current one"),
    (
        ":wait SECONDS",
        "let unasked server lines arrive (e.g. during IDLE)",
    ),
    (":quit", "leave (Ctrl-D does the same)"),
];

/// Whether a meta command (its syntax line in [`META_HELP`]) applies to protocol `p`:
/// `:append` is IMAP's alone.
pub fn applies_to(syntax: &str, p: crate::protocol::Protocol) -> bool {
    !syntax.starts_with(":append") || p == crate::protocol::Protocol::Imap
}

/// A state id of the command tables in words, from the language table
/// (`state.smtp.rcpt` → "after RCPT TO (at least one recipient)").
pub fn state_words(p: crate::protocol::Protocol, id: &str) -> String {
    let key = format!("state.{}.{}", p.name(), id.replace('-', "_"));
    crate::protocol::text::current()
        .text(&key, &[("mailbox", "")])
        .map(|t| t.trim().to_string())
        .unwrap_or_else(|| id.replace('-', " "))
}

/// "an IMAP", "an SMTP", "a POP3": the protocol's name with its article.
pub fn with_article(p: crate::protocol::Protocol) -> String {
    let name = p.name().to_ascii_uppercase();
    match p {
        crate::protocol::Protocol::Pop3 => format!("a {name}"),
        _ => format!("an {name}"),
    }
}

/// The names of the meta commands (for completion).
pub fn names() -> impl Iterator<Item = &'static str> {
    META_HELP
        .iter()
        .filter_map(|(syntax, _)| syntax.split(' ').next())
        .fold(Vec::new(), |mut v, n| {
            if !v.contains(&n) {
                v.push(n);
            }
            v
        })
        .into_iter()
}

/// Parses a line starting with `:`; `Err` says what is wrong and how to write it.
pub fn parse(line: &str) -> Result<Meta, String> {
    let line = line.trim();
    let (cmd, rest) = match line.find(char::is_whitespace) {
        Some(i) => (&line[..i], line[i..].trim()),
        None => (line, ""),
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    let usage = |u: &str| Err(format!("usage: {u}"));
    match cmd.to_ascii_lowercase().as_str() {
        ":help" | ":h" | ":?" => Ok(Meta::Help((!rest.is_empty()).then(|| rest.to_string()))),
        ":explain" => match rest.to_ascii_lowercase().as_str() {
            "on" => Ok(Meta::ExplainToggle(true)),
            "off" => Ok(Meta::ExplainToggle(false)),
            "" => usage(":explain on|off, or :explain TEXT"),
            _ => Ok(Meta::ExplainText(rest.to_string())),
        },
        ":b64" if !rest.is_empty() => Ok(Meta::B64(rest.to_string())),
        ":b64" => usage(":b64 TEXT"),
        ":unb64" if !rest.is_empty() => Ok(Meta::Unb64(rest.to_string())),
        ":unb64" => usage(":unb64 BASE64"),
        ":plain" => match words.as_slice() {
            [user, pass] => Ok(Meta::Plain {
                user: user.to_string(),
                pass: pass.to_string(),
            }),
            _ => usage(":plain USER PASS"),
        },
        ":auth" => match words.as_slice() {
            [mech, user, pass] => Ok(Meta::Auth {
                mechanism: mech.to_string(),
                user: user.to_string(),
                pass: pass.to_string(),
            }),
            _ => usage(":auth plain|login|cram-md5|xoauth2|oauthbearer USER PASS|TOKEN"),
        },
        ":append" => match words.as_slice() {
            [mailbox, file] => Ok(Meta::Append {
                mailbox: mailbox.to_string(),
                file: PathBuf::from(file),
            }),
            _ => usage(":append MAILBOX FILE"),
        },
        ":more" => Ok(Meta::More),
        ":save" if !rest.is_empty() => Ok(Meta::Save(PathBuf::from(rest))),
        ":save" => usage(":save FILE"),
        ":connect" if words.len() == 1 => Ok(Meta::Connect(rest.to_string())),
        ":connect" => usage(":connect imap|pop3|smtp, or :connect imap://HOST:PORT"),
        ":sessions" => Ok(Meta::Sessions),
        ":switch" => match rest.parse::<usize>() {
            Ok(n) => Ok(Meta::Switch(n)),
            Err(_) => usage(":switch N (see :sessions)"),
        },
        ":wait" => match rest.parse::<f64>() {
            Ok(s) if s.is_finite() && (0.0..=3600.0).contains(&s) => Ok(Meta::Wait(s)),
            _ => usage(":wait SECONDS (0 to 3600)"),
        },
        ":quit" | ":q" | ":exit" => Ok(Meta::Quit),
        _ => Err(format!("unknown meta command {cmd}; :help lists them")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_refuses() {
        assert_eq!(parse(":quit"), Ok(Meta::Quit));
        assert_eq!(parse(":wait 1.5"), Ok(Meta::Wait(1.5)));
        assert!(parse(":wait -1").is_err());
        assert!(parse(":wait NaN").is_err());
        assert_eq!(parse(":explain off"), Ok(Meta::ExplainToggle(false)));
        assert_eq!(
            parse(":explain 550 5.1.1 no"),
            Ok(Meta::ExplainText("550 5.1.1 no".into()))
        );
        assert!(parse(":plain alex").is_err());
        assert!(parse(":frobnicate").is_err());
        assert!(names().any(|n| n == ":connect"));
    }
}
