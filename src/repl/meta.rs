//! Meta commands: lines starting with `:` are the REPL's own and never go on the wire.

use std::path::PathBuf;

/// A parsed meta command.
#[derive(Clone, Debug, PartialEq)]
pub enum Meta {
    /// `:help [COMMAND]`
    Help(Option<String>),
    /// `:explain brief|full|off` sets how much is explained (`on` is `full`);
    /// `:explain TEXT` explains a line.
    ExplainLevel(crate::repl::render::Explain),
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
    /// `:why`: the full explanation of the last reply.
    Why,
    /// `:pipeline LINE ; LINE ; ...`: the lines sent at once, without waiting.
    Pipeline(Vec<String>),
    /// `:quit`
    Quit,
}

/// Every meta command with its syntax and the id of the text that says what it does
/// (for `:help` and completion; `tr!(id)` gives the text).
pub const META_HELP: &[(&str, &str)] = &[
    (":help [COMMAND]", "repl.meta.help.help"),
    (":explain brief|full|off", "repl.meta.help.explain_toggle"),
    (":why", "repl.meta.help.why"),
    (":pipeline LINE ; LINE ; ...", "repl.meta.help.pipeline"),
    (":explain TEXT", "repl.meta.help.explain_text"),
    (":b64 TEXT", "repl.meta.help.b64"),
    (":unb64 BASE64", "repl.meta.help.unb64"),
    (":plain USER PASS", "repl.meta.help.plain"),
    (
        ":auth plain|login|cram-md5 USER PASS",
        "repl.meta.help.auth",
    ),
    (
        ":auth xoauth2|oauthbearer USER TOKEN",
        "repl.meta.help.auth_token",
    ),
    (":append MAILBOX FILE", "repl.meta.help.append"),
    (":more", "repl.meta.help.more"),
    (":save FILE", "repl.meta.help.save"),
    (":connect imap|pop3|smtp", "repl.meta.help.connect_embedded"),
    (":connect URL", "repl.meta.help.connect_url"),
    (":sessions", "repl.meta.help.sessions"),
    (":switch N", "repl.meta.help.switch"),
    (":wait SECONDS", "repl.meta.help.wait"),
    (":quit", "repl.meta.help.quit"),
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
    let usage = |u: &str| Err(crate::tr!("repl.meta.usage", usage = u));
    match cmd.to_ascii_lowercase().as_str() {
        ":help" | ":h" | ":?" => Ok(Meta::Help((!rest.is_empty()).then(|| rest.to_string()))),
        ":explain" => match crate::repl::render::Explain::parse(rest) {
            Some(level) => Ok(Meta::ExplainLevel(level)),
            None if rest.is_empty() => usage(&crate::tr!("repl.meta.usage_explain")),
            None => Ok(Meta::ExplainText(rest.to_string())),
        },
        ":why" => Ok(Meta::Why),
        ":pipeline" => {
            let lines: Vec<String> = rest
                .split(" ; ")
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect();
            if lines.is_empty() {
                usage(&crate::tr!("repl.meta.usage_pipeline"))
            } else {
                Ok(Meta::Pipeline(lines))
            }
        }
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
        ":connect" => usage(&crate::tr!("repl.meta.usage_connect")),
        ":sessions" => Ok(Meta::Sessions),
        ":switch" => match rest.parse::<usize>() {
            Ok(n) => Ok(Meta::Switch(n)),
            Err(_) => usage(&crate::tr!("repl.meta.usage_switch")),
        },
        ":wait" => match rest.parse::<f64>() {
            Ok(s) if s.is_finite() && (0.0..=3600.0).contains(&s) => Ok(Meta::Wait(s)),
            _ => usage(&crate::tr!("repl.meta.usage_wait")),
        },
        ":quit" | ":q" | ":exit" => Ok(Meta::Quit),
        _ => Err(crate::tr!("repl.meta.unknown", command = cmd)),
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
        use crate::repl::render::Explain;
        assert_eq!(parse(":explain off"), Ok(Meta::ExplainLevel(Explain::Off)));
        assert_eq!(
            parse(":explain Brief"),
            Ok(Meta::ExplainLevel(Explain::Brief))
        );
        assert_eq!(parse(":why"), Ok(Meta::Why));
        assert_eq!(
            parse(":pipeline MAIL FROM:<a@b> ; RCPT TO:<c@d>;x ; DATA"),
            Ok(Meta::Pipeline(vec![
                "MAIL FROM:<a@b>".into(),
                "RCPT TO:<c@d>;x".into(),
                "DATA".into()
            ]))
        );
        assert_eq!(
            parse(":explain 550 5.1.1 no"),
            Ok(Meta::ExplainText("550 5.1.1 no".into()))
        );
        assert!(parse(":plain alex").is_err());
        assert!(parse(":frobnicate").is_err());
        assert!(names().any(|n| n == ":connect"));
    }
}
