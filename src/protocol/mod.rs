//! Client-side protocol knowledge, pure data and functions (no I/O, no printing):
//! the command tables, the explanation tables and the reply classifiers that feed
//! completion, hints, `:help`, `:explain`, the servers' error texts and the lessons.
//!
//! The command tables are data files (`src/protocol/data/{imap,smtp,pop3}.toml`),
//! embedded in the binary and parsed once. Every human-readable text (command
//! summaries, explanations) lives in a Fluent language file keyed by id
//! (`src/protocol/lang/en.ftl`, see [`text`]).

pub mod bidi;
pub mod explain;
pub mod follow;
pub mod highlight;
pub mod reply;
pub mod sasl;
pub mod text;
pub mod transcript;

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use serde::Deserialize;

/// The three mail protocols maillab speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Protocol {
    Imap,
    Pop3,
    Smtp,
}

impl Protocol {
    /// Every protocol, in a fixed order.
    pub const ALL: [Protocol; 3] = [Protocol::Imap, Protocol::Pop3, Protocol::Smtp];

    /// Lower-case name, as in `maillab imap`.
    pub fn name(self) -> &'static str {
        match self {
            Protocol::Imap => "imap",
            Protocol::Pop3 => "pop3",
            Protocol::Smtp => "smtp",
        }
    }
    /// Parses `imap`, `pop3`/`pop`, `smtp` (any case).
    pub fn parse(s: &str) -> Option<Protocol> {
        match s.to_ascii_lowercase().as_str() {
            "imap" => Some(Protocol::Imap),
            "pop3" | "pop" => Some(Protocol::Pop3),
            "smtp" => Some(Protocol::Smtp),
            _ => None,
        }
    }
    /// The standard plaintext port (RFC 3501, RFC 1939, RFC 5321).
    pub fn default_port(self) -> u16 {
        match self {
            Protocol::Imap => 143,
            Protocol::Pop3 => 110,
            Protocol::Smtp => 25,
        }
    }
}

impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What kind of value an argument position takes; drives completion and hints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArgKind {
    /// An existing mailbox name (complete with the names the session has seen).
    Mailbox,
    /// A mailbox name that does not exist yet (CREATE, RENAME's target).
    NewMailbox,
    /// LIST/LSUB reference name (usually `""`).
    Reference,
    /// LIST/LSUB mailbox pattern with `*` and `%` wildcards.
    Pattern,
    /// A user name.
    User,
    /// A password: secret, masked in transcripts and history.
    Password,
    /// APOP digest: secret.
    Digest,
    /// A SASL mechanism name (`PLAIN`, `LOGIN`, `CRAM-MD5`).
    Mechanism,
    /// A SASL initial response in base64: secret.
    InitialResponse,
    /// IMAP sequence set or UID set (`1`, `1:*`, `2,4:7`).
    SequenceSet,
    /// IMAP FETCH data items or macros.
    FetchItems,
    /// IMAP STORE action (`+FLAGS`, `-FLAGS.SILENT` ...).
    StoreAction,
    /// A parenthesised flag list (`(\Seen \Deleted)`).
    Flags,
    /// IMAP SEARCH keys.
    SearchKeys,
    /// IMAP STATUS data items.
    StatusItems,
    /// IMAP date-time string (`"17-Jul-1996 02:44:25 -0700"`).
    DateTime,
    /// A literal announced by `{N}` (APPEND's message).
    Literal,
    /// A capability name (ENABLE).
    Capability,
    /// ID parameter list.
    IdParams,
    /// The command word after `UID`.
    UidCommand,
    /// SMTP HELO/EHLO domain or address literal.
    Domain,
    /// SMTP `FROM:<address>`.
    ReversePath,
    /// SMTP `TO:<address>`.
    ForwardPath,
    /// SMTP MAIL FROM parameters (`SIZE=`, `BODY=`).
    MailParam,
    /// SMTP RCPT TO parameters (`NOTIFY=`, `ORCPT=`).
    RcptParam,
    /// A number (POP3 message number, line count, BDAT chunk size).
    Number,
    /// BDAT's `LAST` keyword.
    Last,
    /// A command name (SMTP HELP's argument).
    Command,
    /// Free text.
    Text,
}

impl ArgKind {
    /// True for arguments that must be masked (`****`) in transcripts and history.
    pub fn is_secret(self) -> bool {
        matches!(
            self,
            ArgKind::Password | ArgKind::Digest | ArgKind::InitialResponse
        )
    }
}

/// When a POP3 command's successful answer is multi-line (RFC 1939 §3).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Multiline {
    /// Always a single line (and for IMAP and SMTP, which frame replies differently).
    #[default]
    Never,
    /// Multi-line whenever the answer is `+OK` (RETR, TOP, CAPA).
    Always,
    /// Multi-line only when the command has no argument (LIST, UIDL).
    WithoutArgs,
}

/// One command of a protocol's command table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommandSpec {
    /// Upper-case command name, e.g. `SELECT`, `UID FETCH`, `MAIL`.
    pub name: String,
    /// Syntax line, e.g. `SELECT mailbox`.
    pub syntax: String,
    /// Session states the command is valid in (protocol-specific names, see
    /// [`states`]).
    pub states: Vec<String>,
    /// RFC and section, e.g. `RFC 3501 §6.3.1`.
    pub rfc: String,
    /// One-line summary in English (other languages: look up [`CommandSpec::summary_id`]).
    pub summary: String,
    /// Language-table id of the summary, e.g. `imap.cmd.select`.
    pub summary_id: String,
    /// An example line a learner can type.
    pub example: String,
    /// Argument kinds in order, for completion and hints.
    pub args: Vec<ArgKind>,
    /// IMAP: the line is sent without a tag (IDLE's `DONE`).
    pub untagged: bool,
    /// POP3: when the `+OK` answer is multi-line.
    pub multiline: Multiline,
}

impl CommandSpec {
    /// True when the command may be sent in `state`.
    pub fn valid_in(&self, state: &str) -> bool {
        self.states.iter().any(|s| s == state)
    }

    /// The summary in `lang` (English when `lang` lacks it).
    pub fn summary_in<'a>(&'a self, lang: &'a text::Language) -> &'a str {
        lang.get(&self.summary_id).unwrap_or(&self.summary)
    }

    /// The summary in the current language ([`text::current`]), e.g. for `:help`.
    pub fn summary_current(&self) -> &str {
        self.summary_in(text::current())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile {
    command: Vec<CommandEntry>,
    #[serde(default)]
    words: BTreeMap<ArgKind, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CommandEntry {
    name: String,
    syntax: String,
    states: Vec<String>,
    rfc: String,
    example: String,
    #[serde(default)]
    args: Vec<ArgKind>,
    #[serde(default)]
    untagged: bool,
    #[serde(default)]
    multiline: Multiline,
}

struct Table {
    commands: Vec<CommandSpec>,
    words: BTreeMap<ArgKind, Vec<String>>,
}

const IMAP_TOML: &str = include_str!("data/imap.toml");
const SMTP_TOML: &str = include_str!("data/smtp.toml");
const POP3_TOML: &str = include_str!("data/pop3.toml");

/// The language-table id of a command's summary: `imap.cmd.uid_fetch`.
pub fn summary_id(p: Protocol, name: &str) -> String {
    format!(
        "{}.cmd.{}",
        p.name(),
        name.to_ascii_lowercase().replace(' ', "_")
    )
}

fn load_table(p: Protocol) -> Table {
    let src = match p {
        Protocol::Imap => IMAP_TOML,
        Protocol::Smtp => SMTP_TOML,
        Protocol::Pop3 => POP3_TOML,
    };
    // The tables are compiled in and checked by the unit tests below, so a parse
    // error is a build defect, not an input error.
    let file: TableFile = match toml::from_str(src) {
        Ok(f) => f,
        Err(e) => panic!("built-in {p} command table is invalid: {e}"),
    };
    let lang = text::english();
    let commands = file
        .command
        .into_iter()
        .map(|c| {
            let summary_id = summary_id(p, &c.name);
            let summary = lang.get(&summary_id).unwrap_or_default().to_string();
            CommandSpec {
                name: c.name,
                syntax: c.syntax,
                states: c.states,
                rfc: c.rfc,
                summary,
                summary_id,
                example: c.example,
                args: c.args,
                untagged: c.untagged,
                multiline: c.multiline,
            }
        })
        .collect();
    Table {
        commands,
        words: file.words,
    }
}

fn table(p: Protocol) -> &'static Table {
    static IMAP: OnceLock<Table> = OnceLock::new();
    static SMTP: OnceLock<Table> = OnceLock::new();
    static POP3: OnceLock<Table> = OnceLock::new();
    let cell = match p {
        Protocol::Imap => &IMAP,
        Protocol::Smtp => &SMTP,
        Protocol::Pop3 => &POP3,
    };
    cell.get_or_init(|| load_table(p))
}

/// The state names a protocol's command table uses.
pub fn states(p: Protocol) -> &'static [&'static str] {
    match p {
        Protocol::Imap => &["not-authenticated", "authenticated", "selected", "logout"],
        Protocol::Pop3 => &["authorization", "transaction", "update"],
        Protocol::Smtp => &["connected", "greeted", "mail", "rcpt", "data"],
    }
}

/// Every command of a protocol, in table order.
pub fn commands(p: Protocol) -> &'static [CommandSpec] {
    &table(p).commands
}

/// Looks a command up by name (case-insensitive, runs of spaces as one: `uid  fetch`).
pub fn command(p: Protocol, name: &str) -> Option<&'static CommandSpec> {
    let mut words = name.split_ascii_whitespace();
    let first = words.next()?;
    let second = words.next();
    commands(p).iter().find(|c| {
        let mut cw = c.name.split(' ');
        let c1 = cw.next().unwrap_or_default();
        let c2 = cw.next();
        c1.eq_ignore_ascii_case(first)
            && match (c2, second) {
                (None, None) => true,
                (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                _ => false,
            }
    })
}

/// The commands valid in `state`, in table order (for completion).
pub fn commands_in(p: Protocol, state: &str) -> impl Iterator<Item = &'static CommandSpec> + '_ {
    commands(p).iter().filter(move |c| c.valid_in(state))
}

/// True when `word` names a command of `p` (case-insensitive). Two-word IMAP
/// commands count by their first word (`UID`).
pub fn is_known_command(p: Protocol, word: &str) -> bool {
    commands(p).iter().any(|c| {
        c.name
            .split(' ')
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    })
}

/// Completion words for an argument kind (FETCH items, system flags, SEARCH keys,
/// STATUS items, SMTP parameters, SASL mechanisms ...). Empty when the kind has no
/// fixed vocabulary (mailboxes come from the session, numbers from the user).
pub fn words(p: Protocol, kind: ArgKind) -> &'static [String] {
    table(p).words.get(&kind).map(Vec::as_slice).unwrap_or(&[])
}

/// A client command line split into its parts, as a server would read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommandLine<'a> {
    /// The IMAP tag, when the line has one (`a1` in `a1 SELECT INBOX`).
    pub tag: Option<&'a str>,
    /// The command word(s) as typed (`SELECT`, `UID fetch`, `MAIL`).
    pub name: &'a str,
    /// The table entry, when the command is known.
    pub spec: Option<&'static CommandSpec>,
    /// Everything after the command name, leading spaces removed.
    pub args: &'a str,
}

/// Splits a client line into tag, command and arguments.
///
/// IMAP lines are read the way the REPL's auto-tagger reads them: when the first
/// word is a known command the line is untagged (`SELECT INBOX`); when the first
/// word is not a command and the second is, the first is the tag (`x1 SELECT
/// INBOX`); otherwise the first word is taken as an unknown command. `UID` joins
/// with the following word (`UID FETCH`). SMTP and POP3 lines have no tag.
/// Returns `None` for an empty line.
pub fn parse_command_line(p: Protocol, line: &str) -> Option<CommandLine<'_>> {
    let line = line.trim_end_matches(['\r', '\n']);
    let trimmed = line.trim_start();
    if trimmed.is_empty() {
        return None;
    }
    let (first, rest) = split_word(trimmed);
    let (tag, name_start) = if p == Protocol::Imap && !is_known_command(p, first) {
        let (second, _) = split_word(rest);
        if !second.is_empty() && is_known_command(p, second) {
            (Some(first), rest)
        } else {
            (None, trimmed)
        }
    } else {
        (None, trimmed)
    };
    let (word, after) = split_word(name_start);
    if p == Protocol::Imap && word.eq_ignore_ascii_case("UID") {
        let (sub, after_sub) = split_word(after);
        if !sub.is_empty() {
            if let Some(spec) = command(p, &format!("UID {sub}")) {
                // `name` spans "UID <sub>" as typed.
                let end = name_start.len() - after_sub.len();
                let name = name_start.get(..end).unwrap_or(word).trim_end();
                return Some(CommandLine {
                    tag,
                    name,
                    spec: Some(spec),
                    args: after_sub,
                });
            }
        }
    }
    Some(CommandLine {
        tag,
        name: word,
        spec: command(p, word),
        args: after,
    })
}

/// Splits off the first space-separated word; the rest has its leading spaces removed.
fn split_word(s: &str) -> (&str, &str) {
    match s.find(' ') {
        Some(i) => (&s[..i], s[i..].trim_start_matches(' ')),
        None => (s, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_parses_with_valid_states_and_summaries() {
        for p in Protocol::ALL {
            assert!(!commands(p).is_empty(), "{p} table empty");
            for c in commands(p) {
                for s in &c.states {
                    assert!(
                        states(p).contains(&s.as_str()),
                        "{p} {}: bad state {s}",
                        c.name
                    );
                }
                assert!(
                    !c.summary.is_empty(),
                    "{p} {} has no summary ({})",
                    c.name,
                    c.summary_id
                );
                assert!(c.rfc.starts_with("RFC "), "{p} {}", c.name);
                let ex = parse_command_line(p, &c.example).expect("example");
                let parsed = ex.spec.map(|s| s.name.as_str()).unwrap_or_default();
                // `UID`'s example is one of its forms (`UID FETCH ...`).
                assert!(
                    parsed == c.name || (c.name == "UID" && parsed.starts_with("UID ")),
                    "{p} example of {} parses as {parsed:?}",
                    c.name
                );
            }
        }
    }

    #[test]
    fn lookup_is_case_insensitive_and_knows_uid_forms() {
        assert_eq!(command(Protocol::Imap, "select").unwrap().name, "SELECT");
        assert_eq!(
            command(Protocol::Imap, "uid  fetch").unwrap().name,
            "UID FETCH"
        );
        assert!(command(Protocol::Imap, "FROB").is_none());
        assert!(is_known_command(Protocol::Smtp, "ehlo"));
        assert!(!is_known_command(Protocol::Pop3, "SELECT"));
    }

    #[test]
    fn command_lines_split_into_tag_name_args() {
        let l = parse_command_line(Protocol::Imap, "x1 SELECT INBOX").unwrap();
        assert_eq!((l.tag, l.name, l.args), (Some("x1"), "SELECT", "INBOX"));
        let l = parse_command_line(Protocol::Imap, "uid fetch 1:* FLAGS").unwrap();
        assert_eq!((l.tag, l.name, l.args), (None, "uid fetch", "1:* FLAGS"));
        assert_eq!(l.spec.unwrap().name, "UID FETCH");
        let l = parse_command_line(Protocol::Imap, "a2 UID EXPUNGE 3").unwrap();
        assert_eq!(
            (l.tag, l.spec.unwrap().name.as_str()),
            (Some("a2"), "UID EXPUNGE")
        );
        let l = parse_command_line(Protocol::Imap, "FROB it").unwrap();
        assert_eq!((l.tag, l.name, l.spec.is_none()), (None, "FROB", true));
        assert!(parse_command_line(Protocol::Smtp, "   ").is_none());
        let l = parse_command_line(Protocol::Smtp, "MAIL FROM:<a@b>").unwrap();
        assert_eq!(l.spec.unwrap().name, "MAIL");
    }

    #[test]
    fn summaries_come_in_a_chosen_language() {
        let select = command(Protocol::Imap, "SELECT").unwrap();
        assert_eq!(select.summary_current(), select.summary);
        let ar = text::builtin("ar").unwrap();
        assert_ne!(select.summary_in(ar), select.summary);
        // A language without the summary falls back to the English one.
        let xx = text::Language::from_ftl("xx", "imap-cmd-select = XX\n").unwrap();
        assert_eq!(select.summary_in(&xx), "XX");
        let unsub = command(Protocol::Imap, "UNSUBSCRIBE").unwrap();
        assert_eq!(unsub.summary_in(&xx), unsub.summary);
    }

    #[test]
    fn completion_words_exist() {
        assert!(words(Protocol::Imap, ArgKind::Flags)
            .iter()
            .any(|f| f == "\\Seen"));
        assert!(words(Protocol::Imap, ArgKind::FetchItems)
            .iter()
            .any(|f| f == "BODY.PEEK[]"));
        assert!(words(Protocol::Smtp, ArgKind::MailParam)
            .iter()
            .any(|f| f == "SIZE="));
        assert!(words(Protocol::Imap, ArgKind::Mailbox).is_empty());
    }
}
