//! Right-to-left output (Unicode Bidirectional Algorithm, UAX #9): the one place
//! that decides how a line of text reaches a terminal or a file.
//!
//! * A line of right-to-left text (one with an Arabic or Hebrew letter that is not a
//!   protocol line) begins with RLM (U+200F), so its paragraph direction is
//!   right-to-left: an isolate alone does not set it (rule P2 skips isolates).
//!   Protocol lines (`C:`/`S:`, with a background session's or the trace's
//!   `[…] ` prefix) are left as they are.
//! * Inside a right-to-left text every Latin run (commands, codes, flags, mailbox
//!   names, "RFC 3501 §6.3.1") is wrapped in FSI … PDI once, by [`isolate_latin`],
//!   so its tokens keep their order and punctuation ([`crate::protocol::text`]
//!   calls it on every text of a right-to-left language).
//! * `--bidi visual` ([`Mode::Visual`]) reorders each line into display order with
//!   the `unicode-bidi` crate and drops the controls, for terminals that do not
//!   implement UAX #9 (tmux, xterm). Wrap first, then reorder each line.
//! * [`strip_controls`] removes the controls from what a user types or pastes, so a
//!   line copied from right-to-left output parses as plain ASCII.

use std::borrow::Cow;
use std::sync::OnceLock;

use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo};

/// RIGHT-TO-LEFT MARK: starts every right-to-left line.
pub const RLM: char = '\u{200f}';
/// FIRST STRONG ISOLATE.
pub const FSI: char = '\u{2068}';
/// POP DIRECTIONAL ISOLATE.
pub const PDI: char = '\u{2069}';

/// How lines are written: in logical order with controls (the default; the terminal
/// applies UAX #9) or already in display order without controls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// Logical order, RLM and isolates kept: for terminals that reorder (VTE-based
    /// ones such as GNOME Terminal and Tilix, Konsole, mlterm) and for files.
    #[default]
    Logical,
    /// Display order, no controls: for terminals that do not reorder (tmux, xterm).
    Visual,
}

impl Mode {
    /// `logical` or `visual`.
    pub fn parse(s: &str) -> Option<Mode> {
        match s.to_ascii_lowercase().as_str() {
            "logical" => Some(Mode::Logical),
            "visual" => Some(Mode::Visual),
            _ => None,
        }
    }
}

static MODE: OnceLock<Mode> = OnceLock::new();

/// Chooses the output mode once, at start-up; false when it was already chosen.
pub fn set_mode(mode: Mode) -> bool {
    MODE.set(mode).is_ok()
}

/// The output mode ([`Mode::Logical`] unless [`set_mode`] chose another).
pub fn mode() -> Mode {
    MODE.get().copied().unwrap_or_default()
}

/// True for the bidi formatting characters: ALM, LRM, RLM, the embeddings and
/// overrides (U+202A–U+202E) and the isolates (U+2066–U+2069).
pub fn is_control(c: char) -> bool {
    matches!(
        c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// `s` without bidi controls: what a user typed or pasted, before it is parsed
/// (a line copied from Arabic output, RLM FSI `STORE 1 +FLAGS (\Deleted)` PDI, becomes
/// plain `STORE 1 +FLAGS (\Deleted)`).
pub fn strip_controls(s: &str) -> Cow<'_, str> {
    if s.chars().any(is_control) {
        Cow::Owned(s.chars().filter(|&c| !is_control(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// True for a strong right-to-left character (bidi class R or AL: Arabic, Hebrew …).
pub fn is_rtl_char(c: char) -> bool {
    // Everything below U+0590 is left-to-right or neutral.
    c >= '\u{0590}' && matches!(unicode_bidi::bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// True when `s` has a strong right-to-left character.
pub fn has_rtl(s: &str) -> bool {
    s.chars().any(is_rtl_char)
}

/// `s` without ANSI escape sequences (CSI `ESC [ … final`, and `ESC x`).
fn strip_ansi(s: &str) -> Cow<'_, str> {
    if !s.contains('\x1b') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\x1b' {
            out.push(c);
            continue;
        }
        if chars.peek() == Some(&'[') {
            chars.next();
            for f in chars.by_ref() {
                if ('\u{40}'..='\u{7e}').contains(&f) {
                    break;
                }
            }
        } else {
            chars.next();
        }
    }
    Cow::Owned(out)
}

/// A protocol line: `C: ` or `S: `, after an optional `[…] ` prefix (a background
/// session's `[2] `, the trace's `[3 imap alex] `).
pub fn is_protocol_line(plain: &str) -> bool {
    let plain = plain.trim_start_matches(is_control);
    let rest = match plain.strip_prefix('[').and_then(|r| r.split_once("] ")) {
        Some((inside, rest)) if !inside.contains(']') => rest,
        _ => plain,
    };
    rest.starts_with("C: ") || rest.starts_with("S: ") || rest == "C:" || rest == "S:"
}

/// The direction a line is written in: right-to-left for a line of text with a
/// right-to-left letter, else none to add.
fn wants_rtl(plain: &str) -> bool {
    has_rtl(plain) && !is_protocol_line(plain)
}

/// One output line as written to a terminal (the current [`mode`]): see
/// [`line_as`]; the direction comes from the line itself.
pub fn line(text: &str) -> Cow<'_, str> {
    let rtl = wants_rtl(&strip_ansi(text));
    line_as(text, rtl, mode())
}

/// Every line of `text` (split at `\n`) through [`line`].
pub fn display(text: &str) -> Cow<'_, str> {
    if !text.contains('\n') {
        return line(text);
    }
    Cow::Owned(text.split('\n').map(line).collect::<Vec<_>>().join("\n"))
}

/// [`display`] in logical order whatever the mode: for files (transcripts).
pub fn logical(text: &str) -> Cow<'_, str> {
    let one = |l: &str| -> String {
        let rtl = wants_rtl(&strip_ansi(l));
        line_as(l, rtl, Mode::Logical).into_owned()
    };
    if !text.contains('\n') {
        let rtl = wants_rtl(&strip_ansi(text));
        return line_as(text, rtl, Mode::Logical);
    }
    Cow::Owned(text.split('\n').map(one).collect::<Vec<_>>().join("\n"))
}

/// Lines cut from one logical line (by wrapping): each gets the direction of the
/// whole, so a continuation line of Arabic text without an Arabic letter of its own
/// is still right-to-left; isolates open at a cut are closed and opened again.
pub fn wrapped(whole_plain: &str, parts: Vec<String>) -> Vec<String> {
    let rtl = wants_rtl(&strip_ansi(whole_plain));
    let m = mode();
    balance_isolates(parts)
        .into_iter()
        .map(|p| line_as(&p, rtl, m).into_owned())
        .collect()
}

/// Closes at the end of each line the isolates still open there and reopens them at
/// the start of the next (a line cut inside `FSI SELECT INBOX PDI`).
pub fn balance_isolates(parts: Vec<String>) -> Vec<String> {
    let mut open: Vec<char> = Vec::new();
    parts
        .into_iter()
        .map(|p| {
            if open.is_empty() && !p.chars().any(is_control) {
                return p;
            }
            let mut out: String = open.iter().collect();
            for c in p.chars() {
                match c {
                    '\u{2066}'..='\u{2068}' => open.push(c),
                    PDI => {
                        open.pop();
                    }
                    _ => {}
                }
                out.push(c);
            }
            for _ in &open {
                out.push(PDI);
            }
            out
        })
        .collect()
}

/// `text` written as one line of the given direction in `mode`: right-to-left lines
/// begin with RLM (before any colour codes); in [`Mode::Visual`] the line is
/// reordered to display order (right-to-left or left-to-right paragraph) with
/// mirrored brackets and without controls, colours kept on their characters.
pub fn line_as(text: &str, rtl: bool, mode: Mode) -> Cow<'_, str> {
    match mode {
        Mode::Logical => {
            if rtl && !text.starts_with(RLM) {
                let mut s = String::with_capacity(text.len() + 3);
                s.push(RLM);
                s.push_str(text);
                Cow::Owned(s)
            } else {
                Cow::Borrowed(text)
            }
        }
        Mode::Visual => {
            if !rtl && !has_rtl(text) && !text.chars().any(is_control) {
                return Cow::Borrowed(text);
            }
            Cow::Owned(visual(text, rtl))
        }
    }
}

/// The characters of a line, each with the colour codes in force at it.
fn styled_chars(text: &str) -> (String, Vec<String>) {
    let mut plain = String::with_capacity(text.len());
    let mut styles = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            let mut seq = String::from("\x1b[");
            chars.next();
            for f in chars.by_ref() {
                seq.push(f);
                if ('\u{40}'..='\u{7e}').contains(&f) {
                    break;
                }
            }
            if seq == "\x1b[0m" || seq == "\x1b[m" {
                cur.clear();
            } else if seq.ends_with('m') {
                cur.push_str(&seq);
            }
            continue;
        }
        plain.push(c);
        styles.push(cur.clone());
    }
    (plain, styles)
}

/// The mirror image of a paired bracket (rule L4), for characters shown right-to-left.
fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        c => c,
    }
}

/// One line in display order (see [`line_as`]).
fn visual(text: &str, rtl: bool) -> String {
    let (mut plain, styles) = styled_chars(text);
    let mut styles = styles;
    // The paragraph direction: a right-to-left line behaves as if it began with RLM.
    if rtl && !plain.starts_with(RLM) {
        plain.insert(0, RLM);
        styles.insert(0, String::new());
    }
    let level = Some(if rtl { Level::rtl() } else { Level::ltr() });
    let info = ParagraphBidiInfo::new(&plain, level);
    let levels = info.reordered_levels_per_char(0..plain.len());
    let chars: Vec<char> = plain.chars().collect();
    let order = ParagraphBidiInfo::reorder_visual(&levels);
    let mut out = String::with_capacity(text.len());
    let mut last = String::new();
    for i in order {
        let c = chars[i];
        if is_control(c) {
            continue;
        }
        if styles[i] != last {
            if !last.is_empty() {
                out.push_str("\x1b[0m");
            }
            out.push_str(&styles[i]);
            last = styles[i].clone();
        }
        out.push(if levels[i].is_rtl() { mirror(c) } else { c });
    }
    if !last.is_empty() {
        out.push_str("\x1b[0m");
    }
    out
}

/// A character that makes up a Latin token: a letter or digit of left-to-right
/// script (ASCII letters and digits, accented Latin letters).
fn is_latin_core(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (c > '\u{7f}'
            && c < '\u{0590}'
            && c.is_alphanumeric()
            && unicode_bidi::bidi_class(c) == BidiClass::L)
}

/// Punctuation and spaces that may stand between two Latin tokens of one run.
fn is_joiner(c: char) -> bool {
    (c.is_ascii_punctuation() || c == ' ' || c == '§' || c == '\u{a0}') && c != '\n'
}

/// One piece of a text: a character outside any isolate, or a whole isolate.
#[derive(Debug)]
enum Piece {
    Char(char),
    /// An isolate `FSI … PDI` (or LRI/RLI) as written, and whether its content is
    /// Latin (no right-to-left letter, at least one letter or digit).
    Isolate {
        text: String,
        latin: bool,
    },
}

fn pieces(s: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if matches!(c, '\u{2066}'..='\u{2068}') {
            let mut text = String::from(c);
            let mut depth = 1;
            for d in chars.by_ref() {
                text.push(d);
                match d {
                    '\u{2066}'..='\u{2068}' => depth += 1,
                    PDI => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let inner: &str = &text;
            let latin = !has_rtl(inner) && inner.chars().any(is_latin_core);
            out.push(Piece::Isolate { text, latin });
        } else {
            out.push(Piece::Char(c));
        }
    }
    out
}

/// A character or piece that counts as a Latin token character.
fn piece_is_core(p: &Piece) -> bool {
    match p {
        Piece::Char(c) => is_latin_core(*c),
        Piece::Isolate { latin, .. } => *latin,
    }
}

fn piece_is_joiner(p: &Piece) -> bool {
    match p {
        Piece::Char(c) => is_joiner(*c),
        Piece::Isolate { .. } => false,
    }
}

/// Wraps each maximal Latin run of a right-to-left text in FSI … PDI: Latin letters
/// and digits, the ASCII punctuation and spaces between them, punctuation attached
/// in front of a token (`\Seen`, `[TRYCREATE]`, `+FLAGS`) and closing brackets or
/// quotes that pair with one opened in the run. Placeables Fluent already isolated
/// join a run when their content is Latin (their own marks are then dropped, so
/// nothing is isolated twice); a run that is one such placeable alone is left as it
/// is. A text without a right-to-left letter outside isolates is returned unchanged.
/// `{name}` placeholders count as tokens when `braces` is true (templates).
pub fn isolate_latin(s: &str, braces: bool) -> Cow<'_, str> {
    let ps = pieces(s);
    let rtl_outside = ps
        .iter()
        .any(|p| matches!(p, Piece::Char(c) if is_rtl_char(*c)));
    if !rtl_outside {
        return Cow::Borrowed(s);
    }
    let core = |p: &Piece| piece_is_core(p) || (braces && matches!(p, Piece::Char('{' | '}')));
    let mut out = String::with_capacity(s.len() + 16);
    let mut i = 0;
    while i < ps.len() {
        if !core(&ps[i]) {
            // Punctuation directly in front of a token belongs to it.
            let mut j = i;
            while j < ps.len() && matches!(ps[j], Piece::Char(c) if c.is_ascii_punctuation()) {
                j += 1;
            }
            let mut attached = j > i && j < ps.len() && core(&ps[j]);
            // IMAP's `* ` and `+ ` markers before a response: "* 2 EXISTS".
            let marker = matches!(ps[i], Piece::Char('*' | '+'))
                && (i == 0 || matches!(ps[i - 1], Piece::Char(c) if c.is_whitespace()));
            if marker && !attached {
                let mut k = i + 1;
                while k < ps.len() && matches!(ps[k], Piece::Char(' ')) {
                    k += 1;
                }
                attached = k > i + 1 && k < ps.len() && core(&ps[k]);
            }
            if !attached {
                push_piece(&mut out, &ps[i], false);
                i += 1;
                continue;
            }
        }
        // A run starts at i: tokens joined by punctuation and spaces.
        let start = i;
        while i < ps.len() && !core(&ps[i]) {
            i += 1;
        }
        let mut end = i; // exclusive, after the last core piece
        while i < ps.len() {
            if core(&ps[i]) {
                i += 1;
                end = i;
                continue;
            }
            // A closing bracket opened before the run belongs to the text around it.
            let mut opened = [0i32; 3];
            for p in &ps[start..i] {
                match p {
                    Piece::Char('(') => opened[0] += 1,
                    Piece::Char(')') => opened[0] -= 1,
                    Piece::Char('[') => opened[1] += 1,
                    Piece::Char(']') => opened[1] -= 1,
                    Piece::Char('<') => opened[2] += 1,
                    Piece::Char('>') => opened[2] -= 1,
                    _ => {}
                }
            }
            let mut j = i;
            while j < ps.len() && piece_is_joiner(&ps[j]) {
                let slot = match ps[j] {
                    Piece::Char(')') => Some(0),
                    Piece::Char(']') => Some(1),
                    Piece::Char('>') => Some(2),
                    _ => None,
                };
                if let Some(k) = slot {
                    if opened[k] <= 0 {
                        break;
                    }
                    opened[k] -= 1;
                }
                match ps[j] {
                    Piece::Char('(') => opened[0] += 1,
                    Piece::Char('[') => opened[1] += 1,
                    Piece::Char('<') => opened[2] += 1,
                    _ => {}
                }
                j += 1;
            }
            if j > i && j < ps.len() && core(&ps[j]) && piece_is_joiner(&ps[j - 1]) {
                i = j;
                continue;
            }
            break;
        }
        end = close_after_punctuation(&ps, start, end);
        end = absorb_trailing(&ps, start, end, braces);
        let kind = |p: &Piece| match p {
            Piece::Char('(' | ')') => Some(0),
            Piece::Char('[' | ']') => Some(1),
            Piece::Char('{' | '}') if !braces => Some(2),
            Piece::Char('<' | '>') => Some(3),
            _ => None,
        };
        let opens = |p: &Piece| matches!(p, Piece::Char('(' | '[' | '{' | '<'));
        // A bracket opened after the first token and not closed in the run belongs
        // to the text around ("SASL (PLAIN أو …)"): the run ends at the token before it.
        let first_core = (start..end).find(|&k| core(&ps[k])).unwrap_or(start);
        loop {
            let mut stack: Vec<(usize, usize)> = Vec::new();
            for (k, p) in ps.iter().enumerate().take(end).skip(first_core) {
                match kind(p) {
                    Some(s) if opens(p) => stack.push((s, k)),
                    Some(s) if stack.last().is_some_and(|t| t.0 == s) => {
                        stack.pop();
                    }
                    _ => {}
                }
            }
            let Some(&(_, at)) = stack.first() else { break };
            match (first_core..at).rev().find(|&k| core(&ps[k])) {
                Some(last) => end = absorb_trailing(&ps, start, last + 1, braces).min(at),
                None => break,
            }
        }
        // An opening bracket in front of the first token whose closer is not in the
        // run opens the text around ("(USER و PASS …)"): it stays outside.
        let mut start = start;
        let mut left = [0i32; 4];
        for p in &ps[start..end] {
            if let Some(s) = kind(p) {
                left[s] += if opens(p) { 1 } else { -1 };
            }
        }
        let mut k = start;
        while k < end && !core(&ps[k]) {
            let slot = match ps[k] {
                Piece::Char('(') => Some(0),
                Piece::Char('[') => Some(1),
                Piece::Char('{') if !braces => Some(2),
                Piece::Char('<') => Some(3),
                _ => None,
            };
            if let Some(s) = slot {
                if left[s] > 0 {
                    left[s] -= 1;
                    for p in &ps[start..=k] {
                        push_piece(&mut out, p, false);
                    }
                    start = k + 1;
                }
            }
            k += 1;
        }
        let run = &ps[start..end];
        if let [Piece::Isolate { text, .. }] = run {
            out.push_str(text);
        } else {
            out.push(FSI);
            for p in run {
                push_piece(&mut out, p, true);
            }
            out.push(PDI);
        }
        i = end;
    }
    Cow::Owned(out)
}

/// The end of a Latin run `ps[start..end]` moved past the punctuation and spaces
/// that close the brackets still open in it: `(\\Seen \\*)` ends at `)`.
fn close_after_punctuation(ps: &[Piece], start: usize, end: usize) -> usize {
    let slot = |p: &Piece| match p {
        Piece::Char('(') => Some((0, 1)),
        Piece::Char(')') => Some((0, -1)),
        Piece::Char('[') => Some((1, 1)),
        Piece::Char(']') => Some((1, -1)),
        _ => None,
    };
    let mut bal = [0i32; 2];
    for p in &ps[start..end] {
        if let Some((k, d)) = slot(p) {
            bal[k] += d;
        }
    }
    if bal.iter().all(|&b| b <= 0) {
        return end;
    }
    let mut k = end;
    while k < ps.len() && piece_is_joiner(&ps[k]) {
        if let Some((s, d)) = slot(&ps[k]) {
            bal[s] += d;
            if bal[s] < 0 {
                break;
            }
            if bal.iter().all(|&b| b == 0) {
                return k + 1;
            }
        }
        k += 1;
    }
    end
}

/// The end of a Latin run `ps[start..end]` extended by what is attached after its
/// last token: closing brackets and quotes paired in the run, `[]` (`BODY[]`),
/// `-`/`+` (`LITERAL-`); never a sentence's `.`, `,`, `:`, `;`. Brackets opened
/// there must close there too.
fn absorb_trailing(ps: &[Piece], start: usize, end: usize, braces: bool) -> usize {
    let mut end = end;
    // Closing brackets and quotes that pair with ones opened in the run.
    let mut balance = [0i32; 4];
    let mut quotes = 0;
    for p in &ps[start..end] {
        if let Piece::Char(c) = p {
            match c {
                '(' => balance[0] += 1,
                ')' => balance[0] -= 1,
                '[' => balance[1] += 1,
                ']' => balance[1] -= 1,
                '{' if !braces => balance[2] += 1,
                '}' if !braces => balance[2] -= 1,
                '<' => balance[3] += 1,
                '>' => balance[3] -= 1,
                '"' => quotes += 1,
                _ => {}
            }
        }
    }
    // Then what is attached after the last token: closing brackets and quotes
    // paired in the run, `[]` (`BODY[]`), `-`/`+` (`LITERAL-`, `+FLAGS`); never a
    // sentence's `.`, `,`, `:`, `;`. Brackets opened here must close here too.
    let mut j = end;
    let mut opened_here = 0;
    while j < ps.len() {
        let Piece::Char(c) = ps[j] else { break };
        let slot = |c: char| match c {
            '(' | ')' => Some(0),
            '[' | ']' => Some(1),
            '{' | '}' if !braces => Some(2),
            '<' | '>' => Some(3),
            _ => None,
        };
        match (c, slot(c)) {
            ('(' | '[' | '{' | '<', Some(k)) => {
                balance[k] += 1;
                opened_here += 1;
            }
            (_, Some(k)) if balance[k] > 0 => {
                balance[k] -= 1;
                if opened_here > 0 {
                    opened_here -= 1;
                }
            }
            ('"', _) if quotes % 2 == 1 => quotes += 1,
            (
                '-' | '+' | '*' | '%' | '=' | '/' | '\\' | '_' | '#' | '&' | '@' | '$' | '~' | '^'
                | '|',
                None,
            ) => {}
            _ => break,
        }
        j += 1;
        if opened_here == 0 {
            end = j;
        }
    }
    end
}

fn push_piece(out: &mut String, p: &Piece, unwrap: bool) {
    match p {
        Piece::Char(c) => out.push(*c),
        Piece::Isolate { text, latin } if unwrap && *latin => {
            // Inside a new isolate: the placeable's own marks are not needed.
            let mut inner = text.chars();
            inner.next();
            inner.next_back();
            out.push_str(inner.as_str());
        }
        Piece::Isolate { text, .. } => out.push_str(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> String {
        isolate_latin(s, false).replace(FSI, "<").replace(PDI, ">")
    }

    #[test]
    fn latin_runs_are_isolated_once() {
        assert_eq!(iso("أرسل SELECT INBOX ثم"), "أرسل <SELECT INBOX> ثم");
        assert_eq!(iso("العلامة \\Seen."), "العلامة <\\Seen>.");
        assert_eq!(iso("السطر * 2 EXISTS هنا"), "السطر <* 2 EXISTS> هنا");
        assert_eq!(iso("ثم: SELECT"), "ثم: <SELECT>");
        assert_eq!(
            iso("مثل BODY[]، و LITERAL-."),
            "مثل <BODY[]>، و <LITERAL->."
        );
        assert_eq!(iso("(مثل BODY[])؛"), "(مثل <BODY[]>)؛");
        assert_eq!(
            iso("دخول (USER و PASS كذلك)."),
            "دخول (<USER> و <PASS> كذلك)."
        );
        assert_eq!(
            iso("[PERMANENTFLAGS (\\Seen \\*)] العلامات"),
            "<[PERMANENTFLAGS (\\Seen \\*)]> العلامات"
        );
        assert_eq!(
            iso("مفتاح \"\u{2068}INBOX\u{2069}\" (id، title)"),
            "مفتاح <\"INBOX\"> (<id>، <title>)"
        );
        assert_eq!(
            iso("بآلية SASL (PLAIN أو LOGIN)، ثم"),
            "بآلية <SASL> (<PLAIN> أو <LOGIN>)، ثم"
        );
        assert_eq!(
            iso("هو MD5(<timestamp من التحية> + كلمة)"),
            "هو <MD5>(<<timestamp> من التحية> + كلمة)"
        );
        assert_eq!(iso("أرسل (\\Seen) الآن"), "أرسل <(\\Seen)> الآن");
        assert_eq!(
            iso("أعلن \u{2068}INBOX\u{2069} (RFC 7888 LITERAL-)؛"),
            "أعلن <INBOX (RFC 7888 LITERAL-)>؛"
        );
        assert_eq!(
            iso("(مثل STARTTLS). (RFC 3501) ثم"),
            "(مثل <STARTTLS>). <(RFC 3501)> ثم"
        );
        assert_eq!(iso("الرمز [TRYCREATE]، ثم"), "الرمز <[TRYCREATE]>، ثم");
        assert_eq!(iso("انظر RFC 3501 §6.3.1."), "انظر <RFC 3501 §6.3.1>.");
        assert_eq!(
            iso("أرسل STORE 1 +FLAGS (\\Deleted) ثم"),
            "أرسل <STORE 1 +FLAGS (\\Deleted)> ثم"
        );
        // A placeable alone keeps Fluent's isolate; one next to Latin text joins the run.
        assert_eq!(iso("صندوق \u{2068}INBOX\u{2069} هنا"), "صندوق <INBOX> هنا");
        assert_eq!(
            iso("أرسل SELECT \u{2068}INBOX\u{2069} الآن"),
            "أرسل <SELECT INBOX> الآن"
        );
        // Arabic inside a placeable is not Latin.
        assert_eq!(
            iso("حالة \u{2068}صندوق\u{2069} و IMAP"),
            "حالة <صندوق> و <IMAP>"
        );
        // English text is untouched.
        assert_eq!(iso("send SELECT INBOX"), "send SELECT INBOX");
        assert_eq!(
            isolate_latin("أرسل SELECT {mailbox}.", true)
                .replace(FSI, "<")
                .replace(PDI, ">"),
            "أرسل <SELECT {mailbox}>."
        );
    }

    #[test]
    fn lines_get_rlm_and_visual_order() {
        assert_eq!(line_as("نص", true, Mode::Logical), "\u{200f}نص");
        assert_eq!(line_as("S: a OK", false, Mode::Logical), "S: a OK");
        assert!(is_protocol_line("[3 imap alex] S: * OK"));
        assert!(is_protocol_line("C: a1 LOGIN"));
        assert!(!is_protocol_line("   = نص"));
        // Display order: the Arabic word reversed and to the right of the Latin run.
        let v = line_as("أرسل \u{2068}SELECT INBOX\u{2069}", true, Mode::Visual);
        assert_eq!(v, "SELECT INBOX لسرأ");
        // Colours stay on their characters.
        let v = line_as("\x1b[36m=\x1b[0m نص", true, Mode::Visual);
        assert_eq!(v, "صن \x1b[36m=\x1b[0m");
        assert_eq!(strip_controls("\u{200f}\u{2068}STORE 1\u{2069}"), "STORE 1");
    }

    #[test]
    fn cut_isolates_are_closed_and_reopened() {
        let parts = vec![
            "a \u{2068}SELECT".to_string(),
            "INBOX\u{2069} b".to_string(),
        ];
        assert_eq!(
            balance_isolates(parts),
            ["a \u{2068}SELECT\u{2069}", "\u{2068}INBOX\u{2069} b"]
        );
    }
}
