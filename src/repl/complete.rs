//! The rustyline helper: Tab completion (commands valid in the current state,
//! mailbox names the session has seen, flags, FETCH items, SEARCH keys ...), a hint
//! with the syntax of the command being typed, and live highlighting of the input.
//! Everything it knows about the protocols comes from the command tables in
//! [`crate::protocol`].

use std::borrow::Cow;
use std::sync::{Arc, Mutex};

use owo_colors::OwoColorize;
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};

use super::engine::{count_args, InputMode};
use super::mask;
use super::meta;
use crate::protocol::{self, ArgKind, Protocol};

/// What the helper knows of the current session; the network side updates it
/// before each prompt.
#[derive(Clone, Debug)]
pub struct HelperState {
    pub protocol: Protocol,
    /// State id as the command tables name it (`selected`, `transaction` ...).
    pub state: String,
    pub mailboxes: Vec<String>,
    pub mode: InputMode,
    pub color: bool,
}

impl HelperState {
    pub fn new(protocol: Protocol, color: bool) -> Self {
        HelperState {
            protocol,
            state: String::new(),
            mailboxes: Vec::new(),
            mode: InputMode::Command,
            color,
        }
    }
}

/// The rustyline helper.
pub struct MailHelper {
    pub state: Arc<Mutex<HelperState>>,
}

impl MailHelper {
    fn snapshot(&self) -> HelperState {
        match self.state.lock() {
            Ok(s) => s.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }
}

/// Candidates for `line[..pos]`: the start of the word being completed and the
/// words that fit, in table order.
pub fn candidates(st: &HelperState, line: &str, pos: usize) -> (usize, Vec<String>) {
    let before = line.get(..pos).unwrap_or(line);
    let word_start = before.rfind([' ', '(']).map_or(0, |i| i + 1);
    let word = &before[word_start..];
    // A leading backslash belongs to the word (flags).
    let fits = |c: &str| {
        c.get(..word.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(word))
    };
    if !matches!(st.mode, InputMode::Command | InputMode::Rest { .. }) {
        return (word_start, Vec::new());
    }
    let p = st.protocol;
    let words: Vec<&str> = before[..word_start].split_whitespace().collect();

    // Meta commands and their arguments.
    if before.trim_start().starts_with(':') {
        if words.is_empty() {
            return (
                word_start,
                meta::names()
                    .filter(|n| fits(n))
                    .map(str::to_string)
                    .collect(),
            );
        }
        let list: Vec<String> = match words[0] {
            ":help" if words.len() == 1 => protocol::commands(p)
                .iter()
                .map(|c| c.name.clone())
                .collect(),
            ":connect" if words.len() == 1 => ["imap", "pop3", "smtp"].map(String::from).to_vec(),
            ":auth" if words.len() == 1 => {
                ["plain", "login", "cram-md5"].map(String::from).to_vec()
            }
            ":explain" if words.len() == 1 => ["brief", "full", "off"].map(String::from).to_vec(),
            ":append" if words.len() == 1 => mailbox_words(st),
            _ => Vec::new(),
        };
        return (word_start, list.into_iter().filter(|c| fits(c)).collect());
    }

    // Skip an IMAP tag the learner typed.
    let mut rest = &words[..];
    if p == Protocol::Imap && !rest.is_empty() && !protocol::is_known_command(p, rest[0]) {
        rest = &rest[1..];
    }
    if rest.is_empty() {
        // The command word.
        let mut names: Vec<String> = Vec::new();
        for c in protocol::commands_in(p, &st.state) {
            let first = c.name.split(' ').next().unwrap_or(&c.name).to_string();
            if fits(&first) && !names.contains(&first) {
                names.push(first);
            }
        }
        if word.is_empty() || word.starts_with(':') {
            names.extend(meta::names().filter(|n| fits(n)).map(str::to_string));
        }
        return (word_start, names);
    }
    if p == Protocol::Imap && rest.len() == 1 && rest[0].eq_ignore_ascii_case("UID") {
        let subs = protocol::commands(p)
            .iter()
            .filter_map(|c| c.name.strip_prefix("UID "))
            .filter(|s| fits(s))
            .map(str::to_string)
            .collect();
        return (word_start, subs);
    }
    let (name, skip) = if rest[0].eq_ignore_ascii_case("UID") && rest.len() >= 2 {
        (format!("UID {}", rest[1]), 2)
    } else {
        (rest[0].to_string(), 1)
    };
    let Some(spec) = protocol::command(p, &name) else {
        return (word_start, Vec::new());
    };
    // Which argument is being typed: inside an open parenthesis it is the list's.
    let prefix_words = words.len() - rest.len() + skip;
    let args_region = skip_words(&before[..word_start], prefix_words);
    let index = match open_paren(args_region) {
        Some(open) => count_args(&args_region[..open]),
        None => count_args(args_region),
    };
    let kind = spec
        .args
        .get(index)
        .or_else(|| spec.args.last().filter(|k| repeats(**k)))
        .copied();
    let list: Vec<String> = match kind {
        Some(ArgKind::Mailbox) => mailbox_words(st),
        Some(k) => protocol::words(p, k).to_vec(),
        None => Vec::new(),
    };
    (word_start, list.into_iter().filter(|c| fits(c)).collect())
}

/// What follows the first `n` words of `s`.
fn skip_words(s: &str, n: usize) -> &str {
    let mut rest = s.trim_start();
    for _ in 0..n {
        rest = match rest.find(' ') {
            Some(i) => rest[i..].trim_start(),
            None => "",
        };
    }
    rest
}

/// Kinds that may repeat to the end of the line (SEARCH keys, FETCH items).
fn repeats(k: ArgKind) -> bool {
    matches!(
        k,
        ArgKind::SearchKeys | ArgKind::FetchItems | ArgKind::Flags | ArgKind::StatusItems
    )
}

/// The byte index of the last unclosed `(` in `text`.
fn open_paren(text: &str) -> Option<usize> {
    let mut stack = Vec::new();
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '(' if !quoted => stack.push(i),
            ')' if !quoted => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.pop()
}

fn mailbox_words(st: &HelperState) -> Vec<String> {
    let mut v: Vec<String> = vec!["INBOX".into()];
    for m in &st.mailboxes {
        let shown = if m.contains([' ', '"']) {
            format!("\"{}\"", m.replace('\\', "\\\\").replace('"', "\\\""))
        } else {
            m.clone()
        };
        if !v.contains(&shown) {
            v.push(shown);
        }
    }
    v
}

/// The syntax still to type for the command on `line`: ` mailbox` right after
/// `SELECT`, `password` after `LOGIN alex `.
pub fn hint_for(st: &HelperState, line: &str) -> Option<String> {
    if !matches!(st.mode, InputMode::Command) || line.trim_start().starts_with(':') {
        return None;
    }
    let parsed = protocol::parse_command_line(st.protocol, line)?;
    let spec = parsed.spec?;
    let name_words = spec.name.split(' ').count();
    let syntax_args: Vec<&str> = spec.syntax.split_whitespace().skip(name_words).collect();
    if syntax_args.is_empty() {
        return None;
    }
    if line.ends_with(' ') {
        let left: Vec<&str> = syntax_args
            .into_iter()
            .skip(count_args(parsed.args))
            .collect();
        return (!left.is_empty()).then(|| left.join(" "));
    }
    // The command word has just been typed in full.
    let typed_words = line.split_whitespace().count();
    (parsed.args.is_empty() && typed_words == name_words + usize::from(parsed.tag.is_some()))
        .then(|| format!(" {}", syntax_args.join(" ")))
}

impl Completer for MailHelper {
    type Candidate = Pair;
    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let st = self.snapshot();
        let (start, words) = candidates(&st, line, pos);
        Ok((
            start,
            words
                .into_iter()
                .map(|w| Pair {
                    display: w.clone(),
                    replacement: w,
                })
                .collect(),
        ))
    }
}

impl Hinter for MailHelper {
    type Hint = String;
    fn hint(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> Option<String> {
        if pos < line.len() {
            return None;
        }
        hint_for(&self.snapshot(), line)
    }
}

/// The byte range of `line` that holds a secret while it is typed: the password of
/// LOGIN and PASS, APOP's digest, a SASL initial response (AUTH, AUTHENTICATE), the
/// secret of `:auth`/`:plain`/`:b64`; the whole line when it answers a secret
/// continuation or fills a secret literal. Found by what the masking of transcripts
/// replaces, so both always agree.
pub fn secret_span(st: &HelperState, line: &str) -> Option<std::ops::Range<usize>> {
    let whole = match &st.mode {
        InputMode::Continuation { secret, .. } | InputMode::Literal { secret, .. } => *secret,
        _ => false,
    };
    if whole && !line.trim_start().starts_with(':') {
        return (!line.is_empty()).then_some(0..line.len());
    }
    if !matches!(st.mode, InputMode::Command) && !line.trim_start().starts_with(':') {
        return None;
    }
    let masked = mask::mask_input(st.protocol, line);
    if masked == line || !masked.contains(mask::MASK) {
        return None;
    }
    let lead = line.len() - line.trim_start().len();
    let (a, b) = (&line[lead..], masked.as_str());
    let prefix = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let suffix = a[prefix..]
        .chars()
        .rev()
        .zip(b[prefix.min(b.len())..].chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum::<usize>();
    let (start, end) = (lead + prefix, line.len() - suffix);
    (start < end).then_some(start..end)
}

/// `line` with its secret shown as one `*` per column, so the cursor stays where
/// rustyline puts it.
pub fn masked_live(st: &HelperState, line: &str) -> Option<String> {
    let span = secret_span(st, line)?;
    let stars: usize = line[span.clone()]
        .chars()
        .map(|c| super::render::display_width(&c.to_string()).max(1))
        .sum();
    Some(format!(
        "{}{}{}",
        &line[..span.start],
        "*".repeat(stars),
        &line[span.end..]
    ))
}

impl Highlighter for MailHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        let st = self.snapshot();
        if line.is_empty() {
            return Cow::Borrowed(line);
        }
        let masked = masked_live(&st, line);
        if !st.color {
            return masked.map_or(Cow::Borrowed(line), Cow::Owned);
        }
        let shown = masked.as_deref().unwrap_or(line);
        if shown.trim_start().starts_with(':') {
            return Cow::Owned(shown.cyan().to_string());
        }
        match st.mode {
            InputMode::Command => Cow::Owned(protocol::highlight::client_line(st.protocol, shown)),
            _ => masked.map_or(Cow::Borrowed(line), Cow::Owned),
        }
    }

    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(
        &'s self,
        prompt: &'p str,
        _default: bool,
    ) -> Cow<'b, str> {
        if self.snapshot().color {
            Cow::Owned(prompt.bold().to_string())
        } else {
            Cow::Borrowed(prompt)
        }
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.snapshot().color {
            Cow::Owned(hint.dimmed().to_string())
        } else {
            Cow::Borrowed(hint)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        // Colour and mask as the learner types: rustyline only redraws the line through
        // `highlight` when told to, and a secret must never show, whatever the key.
        true
    }
}

impl Validator for MailHelper {}
impl Helper for MailHelper {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_masked_while_typed() {
        let imap = st(Protocol::Imap, "not authenticated");
        let m = |s: &HelperState, l: &str| masked_live(s, l);
        assert_eq!(m(&imap, "LOGIN alex d").as_deref(), Some("LOGIN alex *"));
        assert_eq!(
            m(&imap, "a1 LOGIN alex drums").as_deref(),
            Some("a1 LOGIN alex *****")
        );
        assert_eq!(m(&imap, "LOGIN alex"), None);
        assert_eq!(m(&imap, "LOGIN"), None);
        assert_eq!(m(&imap, "LOGI"), None);
        assert_eq!(m(&imap, "SELECT INBOX"), None);
        assert_eq!(
            m(&imap, ":auth plain alex drums").as_deref(),
            Some(":auth plain alex *****")
        );
        let pop = st(Protocol::Pop3, "authorization");
        assert_eq!(m(&pop, "PASS my pass").as_deref(), Some("PASS *******"));
        let smtp = st(Protocol::Smtp, "ready");
        assert_eq!(
            m(&smtp, "AUTH PLAIN AGFsZXgAZHJ1bXM=").as_deref(),
            Some("AUTH PLAIN ****************")
        );
        let mut sasl = st(Protocol::Smtp, "ready");
        sasl.mode = InputMode::Continuation {
            secret: true,
            idle: false,
        };
        assert_eq!(m(&sasl, "ZHJ1bXM=").as_deref(), Some("********"));
        // Same width, so the cursor stays in place.
        let l = "a1 LOGIN \"alex\" \"dr ums\"";
        assert_eq!(m(&imap, l).unwrap().len(), l.len());
    }

    fn st(p: Protocol, state: &str) -> HelperState {
        HelperState {
            protocol: p,
            state: state.into(),
            mailboxes: vec!["newbox".into(), "Sent Items".into()],
            mode: InputMode::Command,
            color: false,
        }
    }

    #[test]
    fn command_names_follow_the_state() {
        let s = st(Protocol::Imap, "not-authenticated");
        let (start, c) = candidates(&s, "LOG", 3);
        assert_eq!(start, 0);
        assert!(c.iter().any(|w| w == "LOGIN"), "{c:?}");
        assert!(c.iter().any(|w| w == "LOGOUT"), "{c:?}");
        let (_, c) = candidates(&s, "SEL", 3);
        assert!(c.is_empty(), "SELECT is not valid before login: {c:?}");
        let s = st(Protocol::Imap, "authenticated");
        let (_, c) = candidates(&s, "sel", 3);
        assert_eq!(c, vec!["SELECT".to_string()]);
    }

    #[test]
    fn mailboxes_and_meta() {
        let s = st(Protocol::Imap, "authenticated");
        let (start, c) = candidates(&s, "SELECT ne", 9);
        assert_eq!(start, 7);
        assert_eq!(c, vec!["newbox".to_string()]);
        let (_, c) = candidates(&s, "x1 SELECT \"Se", 13);
        assert_eq!(c, vec!["\"Sent Items\"".to_string()]);
        let (_, c) = candidates(&s, ":con", 4);
        assert_eq!(c, vec![":connect".to_string()]);
    }

    #[test]
    fn hints_show_the_syntax_left_to_type() {
        let s = st(Protocol::Imap, "not-authenticated");
        assert_eq!(hint_for(&s, "LOGIN").as_deref(), Some(" username password"));
        assert_eq!(hint_for(&s, "LOGIN alex ").as_deref(), Some("password"));
        assert_eq!(hint_for(&s, "LOGIN alex drums"), None);
        assert_eq!(hint_for(&s, "FROB "), None);
    }

    #[test]
    fn non_ascii_input_never_breaks_completion() {
        let s = st(Protocol::Imap, "authenticated");
        for line in ["SELECT é", "é", "x1 SELECT ü", "STORE 1 +FLAGS (\\é"] {
            let _ = candidates(&s, line, line.len());
            let _ = hint_for(&s, line);
        }
    }

    #[test]
    fn flags_inside_parentheses() {
        let s = st(Protocol::Imap, "selected");
        let line = "STORE 1 +FLAGS (\\Del";
        let (start, c) = candidates(&s, line, line.len());
        assert_eq!(&line[start..], "\\Del");
        assert!(c.iter().any(|w| w == "\\Deleted"), "{c:?}");
    }
}
