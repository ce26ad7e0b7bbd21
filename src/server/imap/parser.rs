//! Reading commands: a resumable framer that turns any chunking of the input into
//! whole commands (with their literals, RFC 3501 §4.3 and RFC 7888 LITERAL+), and a
//! tokenizer for the arguments (RFC 3501 §9 grammar).

use std::ops::RangeInclusive;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};

/// Longest text line accepted (outside literals).
pub const MAX_LINE: usize = 64 * 1024;
/// Extra room for the text parts of a command on top of `max_literal`.
const COMMAND_SLACK: usize = 1024 * 1024;

/// What the framer found in the input.
#[derive(Debug, PartialEq, Eq)]
pub enum Event {
    /// A whole command (literals inline, each as `{n}` CRLF octets), without its line end.
    Command {
        bytes: Vec<u8>,
        has_nul: bool,
        bare_lf: bool,
    },
    /// A synchronizing literal was announced and accepted: send a continuation request.
    LiteralReady,
    /// The line grew past [`MAX_LINE`]; the rest of it is skipped.
    TooLong { tag: String },
    /// `{n}` with `n` not a 32-bit number. `fatal` when it was non-synchronizing: the
    /// octets that follow cannot be skipped.
    BadLiteral {
        tag: String,
        size: String,
        fatal: bool,
    },
    /// A literal over the limit (RFC 7889 TOOBIG). For `{n}` no octets follow; for
    /// `{n+}` they were read and thrown away, unless `unread` (the framer was told to
    /// stop at oversized non-synchronizing literals: the session closes the connection).
    TooBig {
        tag: String,
        size: u64,
        unread: bool,
    },
    /// The pre-check refused the command before its literal (reply given).
    Rejected { reply: Vec<u8> },
}

/// Sees the command so far when a literal is announced (with whether it is
/// synchronizing) and may refuse it with a reply.
pub type Precheck<'a> = dyn FnMut(&[u8], bool) -> Option<Vec<u8>> + 'a;

enum State {
    Text,
    Literal {
        remaining: usize,
    },
    /// Throw away `remaining` octets of a non-synchronizing literal, then report `then`.
    Discard {
        remaining: u64,
        then: Option<Event>,
    },
    /// Throw away the rest of the current line.
    SkipLine,
}

/// Assembles commands from bytes in any chunking; memory stays bounded by
/// [`MAX_LINE`] per line plus the literal limit.
pub struct Framer {
    buf: Vec<u8>,
    seg_start: usize,
    state: State,
    max_literal: usize,
    /// Stop at a non-synchronizing literal over `max_literal` instead of reading past it.
    refuse_oversized: bool,
    has_nul: bool,
    bare_lf: bool,
}

impl Framer {
    /// A framer refusing literals over `max_literal` octets.
    pub fn new(max_literal: usize) -> Self {
        Framer {
            buf: Vec::new(),
            seg_start: 0,
            state: State::Text,
            max_literal,
            refuse_oversized: false,
            has_nul: false,
            bare_lf: false,
        }
    }

    /// Changes the literal limit (before login a server may allow only small literals,
    /// RFC 7888 LITERAL-). With `refuse_oversized`, a non-synchronizing literal over it
    /// is reported at once ([`Event::TooBig`] `unread`) instead of being skipped.
    pub fn set_limit(&mut self, max_literal: usize, refuse_oversized: bool) {
        self.max_literal = max_literal;
        self.refuse_oversized = refuse_oversized;
    }

    /// Whether a literal's octets are being received now.
    pub fn in_literal(&self) -> bool {
        matches!(self.state, State::Literal { .. } | State::Discard { .. })
    }

    /// Drops any half-read command (a client that vanished mid-literal, STARTTLS).
    pub fn reset(&mut self) {
        self.buf = Vec::new();
        self.seg_start = 0;
        self.state = State::Text;
        self.has_nul = false;
        self.bare_lf = false;
    }

    /// Whether a command is partly read.
    pub fn in_progress(&self) -> bool {
        !self.buf.is_empty() || !matches!(self.state, State::Text)
    }

    fn tag(&self) -> String {
        tag_of(&self.buf)
    }

    /// Reads from `input[*pos..]` until an event or the end of the input.
    /// `literals` is false while the session reads plain lines (IDLE, SASL).
    /// `precheck` sees the command so far when a synchronizing literal is announced and
    /// may refuse it with a reply, so that no continuation is sent for a doomed command.
    pub fn next(
        &mut self,
        input: &[u8],
        pos: &mut usize,
        literals: bool,
        precheck: &mut Precheck<'_>,
    ) -> Option<Event> {
        while *pos < input.len() {
            let rest = &input[*pos..];
            match &mut self.state {
                State::Literal { remaining } => {
                    let n = (*remaining).min(rest.len());
                    self.buf.extend_from_slice(&rest[..n]);
                    *pos += n;
                    *remaining -= n;
                    if *remaining == 0 {
                        self.state = State::Text;
                        self.seg_start = self.buf.len();
                    }
                }
                State::Discard { remaining, then } => {
                    let n = (*remaining).min(rest.len() as u64) as usize;
                    *pos += n;
                    *remaining -= n as u64;
                    if *remaining == 0 {
                        let ev = then.take();
                        self.state = State::SkipLine;
                        if ev.is_some() {
                            return ev;
                        }
                    }
                }
                State::SkipLine => match rest.iter().position(|&b| b == b'\n') {
                    Some(i) => {
                        *pos += i + 1;
                        self.reset();
                    }
                    None => *pos = input.len(),
                },
                State::Text => {
                    let lf = rest.iter().position(|&b| b == b'\n');
                    let take = lf.unwrap_or(rest.len());
                    let seg_len = self.buf.len() - self.seg_start;
                    if seg_len + take > MAX_LINE + 1 {
                        let mut head: Vec<u8> = self.buf.iter().take(80).copied().collect();
                        let more = 80usize.saturating_sub(head.len()).min(take);
                        head.extend_from_slice(&rest[..more]);
                        let tag = tag_of(&head);
                        match lf {
                            Some(i) => {
                                *pos += i + 1;
                                self.reset();
                            }
                            None => {
                                *pos = input.len();
                                self.reset();
                                self.state = State::SkipLine;
                            }
                        }
                        return Some(Event::TooLong { tag });
                    }
                    let piece = &rest[..take];
                    if piece.contains(&0) {
                        self.has_nul = true;
                    }
                    self.buf.extend_from_slice(piece);
                    *pos += take;
                    if lf.is_none() {
                        continue;
                    }
                    *pos += 1;
                    // Only a CR of this line's own text ends it; a literal may end in CR.
                    if self.buf.len() > self.seg_start && self.buf.last() == Some(&b'\r') {
                        self.buf.pop();
                    } else {
                        self.bare_lf = true;
                    }
                    if literals {
                        if let Some(ev) = self.literal_announced(precheck) {
                            return Some(ev);
                        }
                        if !matches!(self.state, State::Text) {
                            continue;
                        }
                    }
                    let bytes = std::mem::take(&mut self.buf);
                    let ev = Event::Command {
                        bytes,
                        has_nul: self.has_nul,
                        bare_lf: self.bare_lf,
                    };
                    self.reset();
                    return Some(ev);
                }
            }
        }
        None
    }

    /// The current segment just ended; if it announces a literal, switch state.
    /// `precheck` is told whether the literal is synchronizing.
    fn literal_announced(&mut self, precheck: &mut Precheck<'_>) -> Option<Event> {
        let seg = &self.buf[self.seg_start..];
        let (digits, sync) = literal_suffix(seg)?;
        let size_text = String::from_utf8_lossy(digits).into_owned();
        let size: Option<u64> = if digits.len() > 10 {
            None
        } else {
            size_text
                .parse::<u64>()
                .ok()
                .filter(|&n| n <= u64::from(u32::MAX))
        };
        let tag = self.tag();
        let Some(size) = size else {
            self.reset();
            return Some(Event::BadLiteral {
                tag,
                size: size_text,
                fatal: !sync,
            });
        };
        let cap = self.max_literal.saturating_add(COMMAND_SLACK);
        if size > self.max_literal as u64 || self.buf.len() as u64 + size > cap as u64 {
            self.reset();
            if sync || self.refuse_oversized {
                return Some(Event::TooBig {
                    tag,
                    size,
                    unread: !sync,
                });
            }
            self.state = State::Discard {
                remaining: size,
                then: Some(Event::TooBig {
                    tag,
                    size,
                    unread: false,
                }),
            };
            return None;
        }
        if let Some(reply) = precheck(&self.buf, sync) {
            self.reset();
            if sync {
                return Some(Event::Rejected { reply });
            }
            if size == 0 {
                self.state = State::SkipLine;
                return Some(Event::Rejected { reply });
            }
            // The octets are on their way: skip them, then answer.
            self.state = State::Discard {
                remaining: size,
                then: Some(Event::Rejected { reply }),
            };
            return None;
        }
        self.buf.extend_from_slice(b"\r\n");
        if size == 0 {
            self.seg_start = self.buf.len();
        } else {
            self.state = State::Literal {
                remaining: size as usize,
            };
        }
        sync.then_some(Event::LiteralReady)
    }
}

/// `{digits}` or `{digits+}` at the end of a line: the digits and whether it is synchronizing.
fn literal_suffix(seg: &[u8]) -> Option<(&[u8], bool)> {
    let inner = seg.strip_suffix(b"}")?;
    let open = inner.iter().rposition(|&b| b == b'{')?;
    let body = &inner[open + 1..];
    let (digits, sync) = match body.strip_suffix(b"+") {
        Some(d) => (d, false),
        None => (body, true),
    };
    (!digits.is_empty() && digits.iter().all(u8::is_ascii_digit)).then_some((digits, sync))
}

/// The tag at the start of a command, or `*` when there is no usable one.
pub fn tag_of(bytes: &[u8]) -> String {
    let end = bytes.iter().position(|&b| b == b' ').unwrap_or(bytes.len());
    let tag = &bytes[..end];
    if !tag.is_empty() && tag.len() <= 64 && tag.iter().all(|&b| is_tag_char(b)) {
        String::from_utf8_lossy(tag).into_owned()
    } else {
        "*".into()
    }
}

/// tag = 1*<any ASTRING-CHAR except "+"> (RFC 3501 §9).
pub fn is_tag_char(b: u8) -> bool {
    (super::response::is_atom_char(b) || b == b']') && b != b'+'
}

/// A number in a sequence set: `n` or `*` (the largest in use).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeqNum {
    Num(u32),
    Star,
}

/// sequence-set (RFC 3501 §9): ranges as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeqSet(pub Vec<(SeqNum, SeqNum)>);

impl SeqSet {
    /// The ranges with `*` = `largest`, each low..=high, sorted and merged.
    pub fn resolve(&self, largest: u32) -> Vec<RangeInclusive<u32>> {
        let mut v: Vec<(u32, u32)> = self
            .0
            .iter()
            .map(|&(a, b)| {
                let f = |n: SeqNum| match n {
                    SeqNum::Num(n) => n,
                    SeqNum::Star => largest,
                };
                let (a, b) = (f(a), f(b));
                (a.min(b), a.max(b))
            })
            .collect();
        v.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(v.len());
        for (a, b) in v {
            match merged.last_mut() {
                Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        merged.into_iter().map(|(a, b)| a..=b).collect()
    }

    /// Whether `*` appears anywhere in the set.
    pub fn has_star(&self) -> bool {
        self.0
            .iter()
            .any(|&(a, b)| a == SeqNum::Star || b == SeqNum::Star)
    }
}

/// A parse error in words for the student.
pub type PResult<T> = Result<T, String>;

/// Tokenizer over one command's bytes (literals inline).
pub struct Args<'a> {
    b: &'a [u8],
    pos: usize,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl<'a> Args<'a> {
    /// Tokenizes `b` from its start.
    pub fn new(b: &'a [u8]) -> Self {
        Args { b, pos: 0 }
    }

    /// The next byte, not consumed.
    pub fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    /// Whether only spaces remain.
    pub fn at_end(&self) -> bool {
        self.b[self.pos.min(self.b.len())..]
            .iter()
            .all(|&c| c == b' ')
    }

    /// Skips spaces; true when at least one was there.
    pub fn skip_sp(&mut self) -> bool {
        let start = self.pos;
        while self.peek() == Some(b' ') {
            self.pos += 1;
        }
        self.pos > start
    }

    /// One or more spaces, then something more.
    pub fn sp(&mut self, what: &str) -> PResult<()> {
        if !self.skip_sp() || self.at_end() {
            return Err(crate::tr_en!("server.imap.missing", what = what));
        }
        Ok(())
    }

    /// Consumes `c` if it is next.
    pub fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Consumes `c` or fails with "expected `what`".
    pub fn expect(&mut self, c: u8, what: &str) -> PResult<()> {
        if self.eat(c) {
            Ok(())
        } else {
            Err(format!("expected {what}"))
        }
    }

    /// Fails unless only spaces remain.
    pub fn end(&self) -> PResult<()> {
        if self.at_end() {
            Ok(())
        } else {
            let rest = String::from_utf8_lossy(&self.b[self.pos..]);
            let rest: String = rest.chars().take(40).collect();
            Err(crate::tr_en!(
                "server.imap.unexpected_extra_text",
                rest = rest.trim()
            ))
        }
    }

    /// Bytes while `f` holds.
    fn take_while(&mut self, f: impl Fn(u8) -> bool) -> &'a [u8] {
        let start = self.pos;
        while self.peek().is_some_and(&f) {
            self.pos += 1;
        }
        &self.b[start..self.pos]
    }

    /// An atom (RFC 3501 §9); `what` names it in the error.
    pub fn atom(&mut self, what: &str) -> PResult<&'a str> {
        let a = self.take_while(super::response::is_atom_char);
        if a.is_empty() {
            return Err(crate::tr_en!("server.imap.missing", what = what));
        }
        std::str::from_utf8(a).map_err(|_| crate::tr_en!("server.imap.not_valid_text", what = what))
    }

    /// Like [`Args::atom`] but also allowing `]` (ASTRING-CHAR) and 8-bit bytes, so
    /// that a name typed in raw UTF-8 reaches the mailbox check.
    fn astring_atom(&mut self) -> &'a [u8] {
        self.take_while(|b| super::response::is_atom_char(b) || b == b']' || b >= 0x80)
    }

    /// astring = 1*ASTRING-CHAR / string.
    pub fn astring(&mut self, what: &str) -> PResult<Vec<u8>> {
        match self.peek() {
            Some(b'"') | Some(b'{') => self.string(what),
            Some(b'~') if self.b.get(self.pos + 1) == Some(&b'{') => {
                Err(crate::tr_en!("server.imap.literal8_needs_binary"))
            }
            _ => {
                let a = self.astring_atom();
                if a.is_empty() {
                    return Err(crate::tr_en!("server.imap.missing", what = what));
                }
                Ok(a.to_vec())
            }
        }
    }

    /// nstring / astring that may be NIL.
    pub fn string(&mut self, what: &str) -> PResult<Vec<u8>> {
        match self.peek() {
            Some(b'"') => self.quoted(what),
            Some(b'{') => self.literal(what),
            _ => Err(crate::tr_en!(
                "server.imap.must_quoted_string_literal",
                what = what
            )),
        }
    }

    fn quoted(&mut self, what: &str) -> PResult<Vec<u8>> {
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            match self.peek() {
                None => {
                    return Err(crate::tr_en!(
                        "server.imap.quoted_string_has_no",
                        what = what
                    ))
                }
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    match self.peek() {
                        Some(c @ (b'"' | b'\\')) => {
                            out.push(c);
                            self.pos += 1;
                        }
                        _ => {
                            return Err(crate::tr_en!(
                                "server.imap.inside_quotes_backslash_may",
                                what = what
                            ))
                        }
                    }
                }
                Some(c) => {
                    out.push(c);
                    self.pos += 1;
                }
            }
        }
    }

    fn literal(&mut self, what: &str) -> PResult<Vec<u8>> {
        self.pos += 1;
        let digits = self.take_while(|b| b.is_ascii_digit());
        let n: usize = std::str::from_utf8(digits)
            .ok()
            .and_then(|d| d.parse().ok())
            .ok_or_else(|| crate::tr_en!("server.imap.literal_needs_size_like", what = what))?;
        self.eat(b'+');
        self.expect(b'}', &crate::tr_en!("server.imap.closing_literal_size"))?;
        if !(self.eat(b'\r') && self.eat(b'\n')) {
            return Err(crate::tr_en!(
                "server.imap.literal_size_must_end",
                what = what
            ));
        }
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or_else(|| {
                crate::tr_en!("server.imap.literal_shorter_than_announced", what = what)
            })?;
        let v = self.b[self.pos..end].to_vec();
        self.pos = end;
        Ok(v)
    }

    /// A number (RFC 3501 §9 number: 32-bit unsigned).
    pub fn number(&mut self, what: &str) -> PResult<u32> {
        let d = self.take_while(|b| b.is_ascii_digit());
        if d.is_empty() {
            return Err(crate::tr_en!("server.imap.must_number", what = what));
        }
        std::str::from_utf8(d)
            .ok()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| crate::tr_en!("server.imap.too_large_bit_number", what = what))
    }

    /// A sequence set such as `1:4,7,9:*` (RFC 3501 §9).
    pub fn seq_set(&mut self, what: &str) -> PResult<SeqSet> {
        let mut ranges = Vec::new();
        loop {
            let a = self.seq_num(what)?;
            let b = if self.eat(b':') {
                self.seq_num(what)?
            } else {
                a
            };
            ranges.push((a, b));
            if !self.eat(b',') {
                break;
            }
        }
        if self.peek().is_some_and(|b| b != b' ' && b != b')') {
            return Err(crate::tr_en!(
                "server.imap.must_look_like_numbers",
                what = what
            ));
        }
        Ok(SeqSet(ranges))
    }

    fn seq_num(&mut self, what: &str) -> PResult<SeqNum> {
        if self.eat(b'*') {
            return Ok(SeqNum::Star);
        }
        let n = self
            .number(what)
            .map_err(|_| crate::tr_en!("server.imap.must_look_like_numbers", what = what))?;
        if n == 0 {
            return Err(crate::tr_en!(
                "server.imap.message_numbers_start_not",
                what = what
            ));
        }
        Ok(SeqNum::Num(n))
    }

    /// A flag: `\Seen` style system flag or a keyword atom.
    pub fn flag(&mut self) -> PResult<String> {
        let back = self.eat(b'\\');
        if back && self.eat(b'*') {
            return Ok("\\*".into());
        }
        let a = self.atom(&crate::tr_en!("server.imap.flag_name"))?;
        Ok(if back {
            format!("\\{a}")
        } else {
            a.to_string()
        })
    }

    /// `(flag ...)` or, when `bare_ok`, flags separated by spaces without parentheses.
    pub fn flag_list(&mut self, bare_ok: bool) -> PResult<Vec<String>> {
        let mut flags = Vec::new();
        if self.eat(b'(') {
            loop {
                self.skip_sp();
                if self.eat(b')') {
                    break;
                }
                if self.peek().is_none() {
                    return Err(crate::tr_en!("server.imap.flag_list_has_no"));
                }
                flags.push(self.flag()?);
            }
        } else if bare_ok {
            loop {
                flags.push(self.flag()?);
                if !self.skip_sp() || self.at_end() {
                    break;
                }
            }
        } else {
            return Err(crate::tr_en!("server.imap.flags_must_parentheses_like"));
        }
        Ok(flags)
    }

    /// date = date-text / DQUOTE date-text DQUOTE, e.g. `1-Feb-1994` (RFC 3501 §9).
    pub fn date(&mut self, what: &str) -> PResult<NaiveDate> {
        let quoted = self.eat(b'"');
        let t = self.take_while(|b| b.is_ascii_alphanumeric() || b == b'-');
        if quoted {
            self.expect(b'"', &crate::tr_en!("server.imap.closing_date"))?;
        }
        let t = std::str::from_utf8(t).unwrap_or("");
        parse_date(t).ok_or_else(|| crate::tr_en!("server.imap.must_date_like_feb", what = what))
    }

    /// date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE.
    pub fn date_time(&mut self) -> PResult<DateTime<FixedOffset>> {
        let s = self.quoted("date-time")?;
        let s = String::from_utf8_lossy(&s).into_owned();
        parse_date_time(&s).ok_or_else(|| crate::tr_en!("server.imap.not_date_time_like", text = s))
    }

    /// Position, for sub-parsers that need to back up.
    pub fn pos(&self) -> usize {
        self.pos
    }
    /// Moves to byte `p` (clamped to the end).
    pub fn set_pos(&mut self, p: usize) {
        self.pos = p.min(self.b.len());
    }
    /// Remaining bytes.
    pub fn rest(&self) -> &'a [u8] {
        &self.b[self.pos.min(self.b.len())..]
    }
}

fn month(s: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(s))
        .map(|i| i as u32 + 1)
}

/// `1-Feb-1994`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let mut it = s.split('-');
    let d: u32 = it.next()?.parse().ok()?;
    let m = month(it.next()?)?;
    let y_s = it.next()?;
    if it.next().is_some() || y_s.len() != 4 {
        return None;
    }
    let y: i32 = y_s.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// `17-Jul-1996 02:44:25 -0700` (day may be space-padded).
pub fn parse_date_time(s: &str) -> Option<DateTime<FixedOffset>> {
    let s = s.trim_start();
    let mut parts = s.split(' ').filter(|p| !p.is_empty());
    let date = parse_date(parts.next()?)?;
    let time = parts.next()?;
    let zone = parts.next()?;
    if parts.next().is_some() {
        return None;
    }
    let mut t = time.split(':');
    let (h, mi, se): (u32, u32, u32) = (
        t.next()?.parse().ok()?,
        t.next()?.parse().ok()?,
        t.next()?.parse().ok()?,
    );
    if t.next().is_some() || time.len() != 8 {
        return None;
    }
    let zb = zone.as_bytes();
    if zb.len() != 5 || !matches!(zb[0], b'+' | b'-') || !zb[1..].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let zh: i32 = zone[1..3].parse().ok()?;
    let zm: i32 = zone[3..5].parse().ok()?;
    if zm >= 60 {
        return None;
    }
    let mut secs = zh * 3600 + zm * 60;
    if zb[0] == b'-' {
        secs = -secs;
    }
    let off = FixedOffset::east_opt(secs)?;
    let naive = NaiveDateTime::new(date, chrono::NaiveTime::from_hms_opt(h, mi, se)?);
    off.from_local_datetime(&naive).single()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(f: &mut Framer, input: &[u8]) -> Vec<Event> {
        let mut pos = 0;
        let mut out = Vec::new();
        while let Some(ev) = f.next(input, &mut pos, true, &mut |_, _| None) {
            out.push(ev);
        }
        out
    }

    #[test]
    fn literal_is_kept_inline_and_continuation_requested() {
        let mut f = Framer::new(1000);
        let ev = feed(&mut f, b"a1 LOGIN {4}\r\nalex drums\r\n");
        assert_eq!(ev[0], Event::LiteralReady);
        match &ev[1] {
            Event::Command { bytes, .. } => assert_eq!(bytes, b"a1 LOGIN {4}\r\nalex drums"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn limits() {
        let mut f = Framer::new(10);
        let ev = feed(&mut f, b"a APPEND x {11}\r\n");
        assert_eq!(
            ev,
            vec![Event::TooBig {
                tag: "a".into(),
                size: 11,
                unread: false
            }]
        );
        let ev = feed(&mut f, b"b APPEND x {4294967296}\r\n");
        assert!(matches!(&ev[0], Event::BadLiteral { tag, fatal: false, .. } if tag == "b"));
        let ev = feed(&mut f, b"c APPEND x {12+}\r\n0123456789ab\r\nd NOOP\r\n");
        assert_eq!(
            ev[0],
            Event::TooBig {
                tag: "c".into(),
                size: 12,
                unread: false
            }
        );
        assert!(matches!(&ev[1], Event::Command { bytes, .. } if bytes == b"d NOOP"));
        let mut long = b"e NOOP ".to_vec();
        long.resize(MAX_LINE + 10, b'x');
        long.extend_from_slice(b"\r\nf NOOP\r\n");
        let ev = feed(&mut f, &long);
        assert_eq!(ev[0], Event::TooLong { tag: "e".into() });
        assert!(matches!(&ev[1], Event::Command { bytes, .. } if bytes == b"f NOOP"));
    }

    #[test]
    fn a_literal_ending_in_cr_is_not_the_line_end() {
        // Found by fuzzing: the literal's last octet is CR and the line then ends with
        // a bare LF; the CR belongs to the literal and must stay.
        let mut f = Framer::new(100);
        let ev = feed(&mut f, b"a1 LOGIN {2}\r\nx\r\n");
        assert_eq!(ev[0], Event::LiteralReady);
        match &ev[1] {
            Event::Command { bytes, .. } => assert_eq!(bytes, b"a1 LOGIN {2}\r\nx\r"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn sequence_sets_merge() {
        let s = Args::new(b"4:2,9,*,3").seq_set("set").unwrap();
        assert_eq!(s.resolve(10), vec![2..=4, 9..=10]);
        assert!(Args::new(b"0").seq_set("set").is_err());
        assert!(Args::new(b"1:x").seq_set("set").is_err());
    }

    #[test]
    fn dates() {
        assert!(parse_date("1-Feb-1994").is_some());
        assert!(parse_date("31-Feb-1994").is_none());
        let d = parse_date_time(" 7-Feb-1994 21:52:25 -0800").unwrap();
        assert_eq!(d.to_rfc2822(), "Mon, 7 Feb 1994 21:52:25 -0800");
    }
}
