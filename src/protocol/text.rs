//! Language files: every human-readable text maillab shows (command summaries,
//! explanations, hints, REPL messages, the servers' teaching texts) comes from a
//! [Project Fluent](https://projectfluent.org/) file, by id.
//!
//! Rust code names a text by a dotted id such as `imap.code.trycreate` or
//! `smtp.reply.503`. Fluent identifiers cannot hold `.`, so the file spells that
//! id `imap-code-trycreate` ([`ftl_id`] is the one mapping; [`dotted_id`] undoes it):
//!
//! ```ftl
//! imap-code-trycreate = The target mailbox does not exist; CREATE it first.
//! imap-after-select-ok = { $mailbox } has { $count ->
//!     [one] one message
//!    *[other] { $count } messages
//! }.
//! ```
//!
//! English (`src/protocol/lang/en.ftl`) is built in and complete. Another language
//! is a new file with the same ids and placeables (`ar.ftl`), loaded with
//! [`Language::from_ftl`]; ids it lacks fall back to English one by one
//! ([`Language::lookup`], [`Language::render`]). Fluent brings the language's CLDR
//! plural rules (pass numbers as [`Arg::Num`]) and bidirectional isolation: in
//! every language but English each placeable is wrapped in FSI … PDI (U+2068,
//! U+2069), so a Latin token inside right-to-left text keeps its place; English
//! output has no such marks, so terminals and tests see plain text. In a
//! right-to-left language (Arabic) the Latin runs a text writes literally (commands,
//! codes, flags, "RFC 3501 §6.3.1") are isolated too, once, when the text is formatted
//! ([`super::bidi::isolate_latin`]); the RLM that makes a printed line right-to-left
//! is added where lines are written ([`super::bidi::line`]).
//!
//! Callers format in the current language with [`tr`] / [`tr!`](crate::tr), or
//! in English with [`tr_en`] / [`tr_en!`](crate::tr_en) (what the servers put on
//! the wire, which stays ASCII).

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

const EN_FTL: &str = include_str!("lang/en.ftl");
const AR_FTL: &str = include_str!("lang/ar.ftl");

/// One language: a Fluent bundle and the dotted ids it defines.
pub struct Language {
    code: String,
    bundle: FluentBundle<FluentResource>,
    /// Dotted ids in file order.
    ids: Vec<String>,
    /// Dotted id -> the text with each placeable written `{name}` (see [`Language::get`]).
    templates: HashMap<String, String>,
}

impl fmt::Debug for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Language")
            .field("code", &self.code)
            .field("len", &self.ids.len())
            .finish()
    }
}

/// Why a language file could not be loaded.
#[derive(Debug)]
pub struct LoadError(String);

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LoadError {}

/// A value for a placeable: text, or a number (numbers choose plural forms:
/// `{ $count -> [one] … *[other] … }` needs [`Arg::Num`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    /// Inserted as written.
    Str(Cow<'a, str>),
    /// Formatted as a number (no grouping, Western digits) and matched against
    /// the language's plural categories.
    Num(f64),
}

/// Turns a value into an [`Arg`]: anything printable becomes text (as `{}`
/// prints it), except that a whole number's text becomes a number ([`Arg::guess`]),
/// so a count passed as `n = count` picks the language's plural form; an [`Arg`]
/// passes as it is.
pub trait ToArg {
    /// The value as a placeable argument.
    fn to_arg(&self) -> Arg<'_>;
}

impl<T: fmt::Display + ?Sized> ToArg for T {
    fn to_arg(&self) -> Arg<'_> {
        Arg::guess(self.to_string())
    }
}

impl<'a> Arg<'a> {
    /// A printed value as an argument: a whole number written plainly (digits only,
    /// no leading zero, at most 15 digits so it is exact as `f64`) becomes
    /// [`Arg::Num`], so plural forms follow it; anything else (a tag `a001`, a
    /// code `5.7.1`, `007`) stays text. Numbers print the same either way.
    pub fn guess(s: impl Into<Cow<'a, str>>) -> Arg<'a> {
        let s = s.into();
        let number = !s.is_empty()
            && s.len() <= 15
            && s.bytes().all(|b| b.is_ascii_digit())
            && (s.as_ref() == "0" || !s.starts_with('0'));
        match s.parse::<u64>() {
            Ok(n) if number => Arg::Num(n as f64),
            _ => Arg::Str(s),
        }
    }
}

impl ToArg for Arg<'_> {
    fn to_arg(&self) -> Arg<'_> {
        match self {
            Arg::Str(s) => Arg::Str(Cow::Borrowed(s)),
            Arg::Num(n) => Arg::Num(*n),
        }
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Arg<'a> {
        Arg::Str(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Arg<'a> {
        Arg::Str(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Str(Cow::Owned(s))
    }
}

impl From<u64> for Arg<'_> {
    fn from(n: u64) -> Self {
        Arg::Num(n as f64)
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Num(n as f64)
    }
}

impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Num(f64::from(n))
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Num(n as f64)
    }
}

impl Language {
    /// Parses a Fluent file as the language `code` (`en`, `ar`, a BCP 47 tag).
    /// Every message must have a value and an id that [`dotted_id`] accepts;
    /// a syntax error, a duplicate id or a bad code is an error that names the line.
    /// Terms (`-name = …`) may be used by messages and are not ids.
    pub fn from_ftl(code: &str, src: &str) -> Result<Language, LoadError> {
        let langid: LanguageIdentifier = code
            .parse()
            .map_err(|e| LoadError(format!("language code {code:?}: {e}")))?;
        let arabic = code.split(['-', '_']).next() == Some("ar");
        let source = if arabic {
            arabic_selectors(src)
        } else {
            src.to_string()
        };
        let resource = FluentResource::try_new(source).map_err(|(_, errors)| {
            let list: Vec<String> = errors
                .iter()
                .map(|e| {
                    // The start of the broken entry, else where parsing stopped.
                    let at = e.slice.as_ref().map_or(e.pos.start, |s| s.start);
                    format!("line {}: {}", line_of(src, at), e.kind)
                })
                .collect();
            LoadError(list.join("; "))
        })?;
        let mut ids = Vec::new();
        for entry in resource.entries() {
            if let ast::Entry::Message(m) = entry {
                let dotted = dotted_id(m.id.name)
                    .ok_or_else(|| LoadError(format!("`{}` is not a text id", m.id.name)))?;
                if m.value.is_none() {
                    return Err(LoadError(format!("`{}` has no text", m.id.name)));
                }
                ids.push(dotted);
            }
        }
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // English stays free of bidi controls (clean terminals and tests); every
        // other language isolates placeables so protocol tokens keep their place.
        bundle.set_use_isolating(code != "en");
        if arabic {
            bundle
                .add_function(ARABIC_PLURAL, |positional, _| match positional.first() {
                    Some(FluentValue::Number(n)) => FluentValue::from(arabic_plural(n.value)),
                    Some(other) => other.clone(),
                    None => FluentValue::None,
                })
                .map_err(|e| LoadError(e.to_string()))?;
        }
        bundle.add_resource(resource).map_err(|errors| {
            let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            LoadError(list.join("; "))
        })?;
        let mut lang = Language {
            code: code.to_string(),
            bundle,
            ids,
            templates: HashMap::new(),
        };
        let rtl = lang.is_rtl();
        let templates = lang
            .ids
            .iter()
            .map(|id| {
                let t = lang.template(&ftl_id(id), 0);
                let t = if rtl {
                    super::bidi::isolate_latin(&t, true).into_owned()
                } else {
                    t
                };
                (id.clone(), t)
            })
            .collect();
        lang.templates = templates;
        Ok(lang)
    }

    /// The language code (`en`, `ar` …).
    pub fn code(&self) -> &str {
        &self.code
    }

    /// True for a right-to-left language (Arabic, Hebrew, Persian, Urdu …): its
    /// texts get their Latin runs isolated ([`super::bidi::isolate_latin`]) and its
    /// lines an RLM when printed.
    pub fn is_rtl(&self) -> bool {
        let lang = self.code.split(['-', '_']).next().unwrap_or_default();
        matches!(
            lang,
            "ar" | "he" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "dv"
        )
    }

    /// The text of `id` in this language only, with each placeable written
    /// `{name}` and a plural choice shown by its default form (for callers of
    /// [`format()`]; prefer [`Language::render`], which applies Fluent's rules).
    pub fn get(&self, id: &str) -> Option<&str> {
        self.templates.get(id).map(String::as_str)
    }

    /// [`Language::get`] here, else in English.
    pub fn lookup(&self, id: &str) -> Option<&str> {
        self.get(id)
            .or_else(|| self.fallback().and_then(|en| en.get(id)))
    }

    /// The text of `id` (here, else in English) with `{ $name }` placeables filled
    /// from string `args` (a whole number's text counts as a number, see
    /// [`Arg::guess`]). None when neither language has `id`.
    pub fn text(&self, id: &str, args: &[(&str, &str)]) -> Option<String> {
        let args: Vec<(&str, Arg<'_>)> = args.iter().map(|(k, v)| (*k, Arg::guess(*v))).collect();
        self.render(id, &args)
    }

    /// The text of `id` (here, else in English) formatted by Fluent with `args`:
    /// numbers choose plural forms; outside English, placeables are isolated.
    /// A placeable without an argument shows as `{$name}`. None when neither
    /// language has `id`.
    pub fn render(&self, id: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
        if self.contains(id) {
            return Some(self.format_here(id, args));
        }
        self.fallback()
            .filter(|en| en.contains(id))
            .map(|en| en.format_here(id, args))
    }

    /// True when this language has its own text for `id`.
    pub fn contains(&self, id: &str) -> bool {
        self.templates.contains_key(id)
    }

    /// Every dotted id of this language, in file order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.ids.iter().map(String::as_str)
    }

    /// The names of the variables `id`'s text uses here (sorted; selectors,
    /// variables inside every plural form and those of referenced messages count),
    /// None when this language lacks `id`. A translation must use the same set as
    /// English.
    pub fn variables(&self, id: &str) -> Option<BTreeSet<String>> {
        let msg = self.bundle.get_message(&ftl_id(id))?;
        let mut out = BTreeSet::new();
        if let Some(p) = msg.value() {
            self.pattern_variables(p, 0, &mut out);
        }
        Some(out)
    }

    fn pattern_variables(&self, p: &ast::Pattern<&str>, depth: usize, out: &mut BTreeSet<String>) {
        for el in &p.elements {
            if let ast::PatternElement::Placeable { expression } = el {
                self.expression_variables(expression, depth, out);
            }
        }
    }

    fn expression_variables(
        &self,
        e: &ast::Expression<&str>,
        depth: usize,
        out: &mut BTreeSet<String>,
    ) {
        match e {
            ast::Expression::Select { selector, variants } => {
                self.inline_variables(selector, depth, out);
                for v in variants {
                    self.pattern_variables(&v.value, depth, out);
                }
            }
            ast::Expression::Inline(i) => self.inline_variables(i, depth, out),
        }
    }

    fn inline_variables(
        &self,
        i: &ast::InlineExpression<&str>,
        depth: usize,
        out: &mut BTreeSet<String>,
    ) {
        use ast::InlineExpression as I;
        match i {
            I::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            I::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    self.inline_variables(a, depth, out);
                }
            }
            I::Placeable { expression } => self.expression_variables(expression, depth, out),
            // A referenced message sees the same arguments.
            I::MessageReference { id, .. } if depth < 8 => {
                if let Some(p) = self.bundle.get_message(id.name).and_then(|m| m.value()) {
                    self.pattern_variables(p, depth + 1, out);
                }
            }
            _ => {}
        }
    }

    /// Number of texts.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True when the language has no texts.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    fn fallback(&self) -> Option<&'static Language> {
        let en = english();
        (!std::ptr::eq(self, en)).then_some(en)
    }

    fn format_here(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let Some(pattern) = self.bundle.get_message(&ftl_id(id)).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut fargs = FluentArgs::with_capacity(args.len());
        for (k, v) in args {
            match v {
                Arg::Str(s) => fargs.set(*k, FluentValue::from(s.as_ref())),
                Arg::Num(n) => fargs.set(*k, FluentValue::from(*n)),
            }
        }
        // Errors (a missing argument) leave `{$name}` in the text, which is the
        // useful thing to show.
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fargs), &mut errors);
        // Protocol tokens written in a right-to-left text are isolated like placeables.
        if self.is_rtl() {
            super::bidi::isolate_latin(&text, false).into_owned()
        } else {
            text.into_owned()
        }
    }

    /// The `{name}` form of a message (see [`Language::get`]).
    fn template(&self, ftl: &str, depth: usize) -> String {
        let mut out = String::new();
        if let Some(p) = self.bundle.get_message(ftl).and_then(|m| m.value()) {
            self.write_template(p, depth, &mut out);
        }
        out
    }

    fn write_template(&self, p: &ast::Pattern<&str>, depth: usize, out: &mut String) {
        for el in &p.elements {
            match el {
                ast::PatternElement::TextElement { value } => out.push_str(value),
                ast::PatternElement::Placeable { expression } => {
                    self.write_expression(expression, depth, out)
                }
            }
        }
    }

    fn write_expression(&self, e: &ast::Expression<&str>, depth: usize, out: &mut String) {
        match e {
            ast::Expression::Select { variants, .. } => {
                if let Some(v) = variants.iter().find(|v| v.default) {
                    self.write_template(&v.value, depth, out);
                }
            }
            ast::Expression::Inline(i) => self.write_inline(i, depth, out),
        }
    }

    fn write_inline(&self, i: &ast::InlineExpression<&str>, depth: usize, out: &mut String) {
        use ast::InlineExpression as I;
        match i {
            I::StringLiteral { value } => {
                out.push_str(&fluent_syntax::unicode::unescape_unicode_to_string(value))
            }
            I::NumberLiteral { value } => out.push_str(value),
            I::VariableReference { id } => {
                out.push('{');
                out.push_str(id.name);
                out.push('}');
            }
            I::FunctionReference { arguments, .. } => {
                if let Some(first) = arguments.positional.first() {
                    self.write_inline(first, depth, out);
                }
            }
            I::MessageReference { id, .. } if depth < 8 => {
                out.push_str(&self.template(id.name, depth + 1))
            }
            I::MessageReference { id, .. } | I::TermReference { id, .. } => {
                out.push('{');
                out.push_str(id.name);
                out.push('}');
            }
            I::Placeable { expression } => self.write_expression(expression, depth, out),
        }
    }
}

fn line_of(src: &str, pos: usize) -> usize {
    src.as_bytes()[..pos.min(src.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The Fluent identifier of a dotted id: lower-case ASCII letters, digits and `_`
/// stay; `.` becomes `-`; every other character, and a first character that is not
/// a lower-case letter, becomes `X` + its code point in upper-case hex + `X`
/// (`smtp.enh.7.9` -> `smtp-enh-7-9`, `a-b` -> `aX2DXb`). The result is always a
/// valid Fluent message identifier, and no two ids map to the same one:
/// [`dotted_id`] reads it back (the upper-case `X…X` escapes are the only upper-case
/// letters it produces).
pub fn ftl_id(dotted: &str) -> String {
    let mut out = String::with_capacity(dotted.len() + 4);
    for (i, c) in dotted.chars().enumerate() {
        let plain = c.is_ascii_lowercase() || (i > 0 && (c.is_ascii_digit() || c == '_'));
        if plain {
            out.push(c);
        } else if i > 0 && c == '.' {
            out.push('-');
        } else {
            out.push_str(&format!("X{:X}X", c as u32));
        }
    }
    out
}

/// The dotted id of a Fluent identifier written by [`ftl_id`]; None for an
/// identifier `ftl_id` never produces (so every message of a file has one id).
pub fn dotted_id(ftl: &str) -> Option<String> {
    let mut out = String::with_capacity(ftl.len());
    let mut rest = ftl;
    while let Some(c) = rest.chars().next() {
        let first = out.is_empty();
        if c == 'X' {
            let end = rest[1..].find('X')? + 1;
            let hex = &rest[1..end];
            if hex.is_empty()
                || !hex
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_lowercase())
            {
                return None;
            }
            let ch = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
            out.push(ch);
            rest = &rest[end + 1..];
        } else if c.is_ascii_lowercase() || (!first && (c.is_ascii_digit() || c == '_')) {
            out.push(c);
            rest = &rest[1..];
        } else if !first && c == '-' {
            out.push('.');
            rest = &rest[1..];
        } else {
            return None;
        }
    }
    // Only the canonical spelling counts (an escape of a plain character is not).
    (!out.is_empty() && ftl_id(&out) == ftl).then_some(out)
}

/// The built-in English language.
pub fn english() -> &'static Language {
    static EN: OnceLock<Language> = OnceLock::new();
    EN.get_or_init(|| match Language::from_ftl("en", EN_FTL) {
        Ok(l) => l,
        // Compiled in and checked by the unit tests: a defect of the build.
        Err(e) => panic!("built-in English file is invalid: {e}"),
    })
}

static CURRENT: OnceLock<&'static Language> = OnceLock::new();

/// The language maillab shows texts in ([`tr`], and the explanations of
/// [`crate::protocol::explain::explain_line`] and friends): English unless
/// [`set_current`] chose another at start-up.
pub fn current() -> &'static Language {
    CURRENT.get().copied().unwrap_or_else(english)
}

/// Chooses the language of [`current`] once, at start-up (e.g. from a `--lang`
/// option: `set_current(builtin("ar")?)`). Returns false when it was already chosen.
pub fn set_current(lang: &'static Language) -> bool {
    CURRENT.set(lang).is_ok()
}

/// The Fluent function Arabic selectors go through (see [`arabic_selectors`]).
const ARABIC_PLURAL: &str = "ARABIC_PLURAL";

/// Arabic's CLDR plural category of `n`: zero, one, two, few (n % 100 in 3..=10),
/// many (n % 100 in 11..=99), other (100, 1000, 1002 …, and fractions).
pub fn arabic_plural(n: f64) -> &'static str {
    if n.fract() != 0.0 || n < 0.0 {
        return "other";
    }
    match (n as u64, n as u64 % 100) {
        (0, _) => "zero",
        (1, _) => "one",
        (2, _) => "two",
        (_, 3..=10) => "few",
        (_, 11..=99) => "many",
        _ => "other",
    }
}

/// An Arabic file with every `{ $name ->` selector written `{ ARABIC_PLURAL($name) ->`.
/// The plural rules under Fluent (intl_pluralrules 7.0.2) test Arabic's few and many
/// on the whole number rather than on n % 100 (so 103 came out "other", not "few");
/// [`arabic_plural`] applies CLDR's rule, and strings pass through unchanged, so a
/// translator still writes plain Fluent. Lines and offsets keep their places.
fn arabic_selectors(src: &str) -> String {
    let mut out = String::with_capacity(src.len() + 256);
    let mut rest = src;
    while let Some(at) = rest.find("{ $") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(after.len());
        let (name, tail) = after.split_at(name_len);
        if !name.is_empty() && tail.trim_start_matches(' ').starts_with("->") {
            out.push_str(&format!("{{ {ARABIC_PLURAL}(${name})"));
        } else {
            out.push_str("{ $");
            out.push_str(name);
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// The built-in Arabic language (partial: ids it lacks fall back to English).
pub fn arabic() -> &'static Language {
    static AR: OnceLock<Language> = OnceLock::new();
    AR.get_or_init(|| match Language::from_ftl("ar", AR_FTL) {
        Ok(l) => l,
        // Compiled in and checked by the tests: a defect of the build.
        Err(e) => panic!("built-in Arabic file is invalid: {e}"),
    })
}

/// The built-in language a POSIX locale name asks for: `ar`, `ar_EG.UTF-8`,
/// `ar_SA@calendar` → `ar`; `C`, `POSIX`, English and every language without a
/// built-in file → `en`.
pub fn locale_code(locale: &str) -> &'static str {
    let lang = locale
        .split(['_', '.', '@', '-'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match lang.as_str() {
        "ar" => "ar",
        _ => "en",
    }
}

/// The language the environment asks for: the first of `LC_ALL`, `LC_MESSAGES`,
/// `LANG` that is set and not empty, as POSIX orders them (see [`locale_code`]);
/// `en` when none is. `var` reads a variable (`std::env::var` in the program).
pub fn code_from_env(var: impl Fn(&str) -> Option<String>) -> &'static str {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| var(k).filter(|v| !v.is_empty()))
        .map_or("en", |v| locale_code(&v))
}

/// A built-in language by code (`en`, `ar`).
pub fn builtin(code: &str) -> Option<&'static Language> {
    match code {
        "en" => Some(english()),
        "ar" => Some(arabic()),
        _ => None,
    }
}

/// The text of `id` in the current language (else English) formatted with `args`.
/// An id no file has comes back as itself, so a missing text is visible (and the
/// tests fail on it). See [`tr!`](crate::tr) for the short form.
pub fn tr(id: &str, args: &[(&str, Arg<'_>)]) -> String {
    current().render(id, args).unwrap_or_else(|| id.to_string())
}

/// The English text of `id` formatted with `args` (the servers' teaching texts on
/// the wire, log lines); an unknown id comes back as itself.
pub fn tr_en(id: &str, args: &[(&str, Arg<'_>)]) -> String {
    english().render(id, args).unwrap_or_else(|| id.to_string())
}

/// The text of an id in the current language: `tr!("repl.bye")`,
/// `tr!("repl.connected", host = addr, n = Arg::from(count))`. Each `name = value`
/// fills `{ $name }`: a printable value as text (its `Display`), an [`Arg`] as it
/// is (numbers choose plural forms).
#[macro_export]
macro_rules! tr {
    ($id:expr $(,)?) => {
        $crate::protocol::text::tr($id, &[])
    };
    ($id:expr, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::protocol::text::tr(
            $id,
            &[$((stringify!($k), $crate::protocol::text::ToArg::to_arg(&$v))),+],
        )
    };
}

/// [`tr!`](crate::tr) in English whatever the current language: what the servers
/// put in their replies (the wire stays ASCII).
#[macro_export]
macro_rules! tr_en {
    ($id:expr $(,)?) => {
        $crate::protocol::text::tr_en($id, &[])
    };
    ($id:expr, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::protocol::text::tr_en(
            $id,
            &[$((stringify!($k), $crate::protocol::text::ToArg::to_arg(&$v))),+],
        )
    };
}

/// Fills `{name}` placeholders from `args` in a text from [`Language::get`].
/// `{{` and `}}` stand for literal braces; a placeholder with no matching argument
/// is left as written, so a missing value shows instead of vanishing.
pub fn format(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(after) = tail.strip_prefix("{{") {
            out.push('{');
            rest = after;
        } else if let Some(after) = tail.strip_prefix("}}") {
            out.push('}');
            rest = after;
        } else if tail.starts_with('{') {
            match tail.find('}') {
                Some(end) => {
                    let name = &tail[1..end];
                    match args.iter().find(|(k, _)| *k == name) {
                        Some((_, v)) => out.push_str(v),
                        None => out.push_str(&tail[..=end]),
                    }
                    rest = &tail[end + 1..];
                }
                None => {
                    out.push_str(tail);
                    rest = "";
                }
            }
        } else {
            out.push('}');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatter_fills_escapes_and_keeps_unknown() {
        assert_eq!(format("{a} and {b}", &[("a", "x"), ("b", "y")]), "x and y");
        assert_eq!(format("{{literal}} {n}", &[("n", "5")]), "{literal} 5");
        assert_eq!(format("{missing} }", &[]), "{missing} }");
        assert_eq!(format("open {", &[]), "open {");
        assert_eq!(format("ünï{a}ç", &[("a", "ö")]), "ünïöç");
    }

    #[test]
    fn locale_chooses_the_language() {
        for (l, want) in [
            ("ar", "ar"),
            ("ar_EG.UTF-8", "ar"),
            ("AR_eg", "ar"),
            ("ar@x", "ar"),
            ("C", "en"),
            ("POSIX", "en"),
            ("C.UTF-8", "en"),
            ("fr_FR.UTF-8", "en"),
            ("en_US.UTF-8", "en"),
        ] {
            assert_eq!(locale_code(l), want, "{l}");
        }
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(code_from_env(env(&[("LANG", "ar_EG.UTF-8")])), "ar");
        assert_eq!(
            code_from_env(env(&[("LC_ALL", "C"), ("LANG", "ar_EG.UTF-8")])),
            "en"
        );
        assert_eq!(
            code_from_env(env(&[("LC_ALL", ""), ("LC_MESSAGES", "ar"), ("LANG", "C")])),
            "ar"
        );
        assert_eq!(code_from_env(env(&[])), "en");
    }

    #[test]
    fn english_loads_and_falls_back() {
        let en = english();
        assert_eq!(en.code(), "en");
        assert!(en.get("imap.cmd.select").is_some());
        let l = Language::from_ftl("xx", "a-b-c = t { $n }\n").unwrap();
        assert_eq!(l.get("a.b.c"), Some("t {n}"));
        assert_eq!(l.ids().collect::<Vec<_>>(), ["a.b.c"]);
        assert_eq!(l.lookup("imap.cmd.select"), en.get("imap.cmd.select"));
        assert!(!l.contains("imap.cmd.select"));
        assert!(Language::from_ftl("xx", "a = {").is_err());
        assert!(Language::from_ftl("xx", "Bad-Id = x").is_err());
        assert!(Language::from_ftl("xx", "a = x\na = y\n").is_err());
        assert!(Language::from_ftl("not a code!", "a = x").is_err());
    }

    #[test]
    fn plurals_and_isolation() {
        let src = "n = { $count ->\n    [one] one message\n   *[other] { $count } messages\n} in { $mailbox }\n";
        let en = Language::from_ftl("en", src).unwrap();
        let one = en.render(
            "n",
            &[("count", Arg::Num(1.0)), ("mailbox", "INBOX".into())],
        );
        assert_eq!(one.as_deref(), Some("one message in INBOX"));
        let six = en.render("n", &[("count", 6u64.into()), ("mailbox", "INBOX".into())]);
        assert_eq!(six.as_deref(), Some("6 messages in INBOX"));
        assert_eq!(en.get("n"), Some("{count} messages in {mailbox}"));
        let vars: Vec<String> = en.variables("n").unwrap().into_iter().collect();
        assert_eq!(vars, ["count", "mailbox"]);
        // A message reference: its text in the template, its variables counted.
        let r = Language::from_ftl("en", "a = x { b } y\nb = B { $n }\n").unwrap();
        assert_eq!(r.get("a"), Some("x B {n} y"));
        let vars: Vec<String> = r.variables("a").unwrap().into_iter().collect();
        assert_eq!(vars, ["n"]);
        assert_eq!(r.text("a", &[("n", "1")]).as_deref(), Some("x B 1 y"));
        // Other languages isolate each placeable.
        let ar = Language::from_ftl("ar", "m = صندوق { $mailbox }\n").unwrap();
        assert_eq!(
            ar.text("m", &[("mailbox", "INBOX")]).unwrap(),
            "صندوق \u{2068}INBOX\u{2069}"
        );
    }

    #[test]
    fn ftl_ids_round_trip_and_never_collide() {
        let samples = [
            "imap.code.trycreate",
            "smtp.enh.7.9",
            "smtp.reply.334_raw",
            "a-b",
            "a.b",
            "a_b",
            "aX2DXb",
            "a..b",
            "A",
            "9lives",
            "_x",
            ".x",
            "ü.x",
            "a.",
            "xX",
        ];
        let mut seen = HashMap::new();
        let all = english().ids().chain(arabic().ids()).chain(samples);
        for id in all {
            let f = ftl_id(id);
            assert!(
                f.starts_with(|c: char| c.is_ascii_alphabetic())
                    && f.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
                "{id} -> {f} is not a Fluent identifier"
            );
            assert_eq!(dotted_id(&f).as_deref(), Some(id), "{f} does not read back");
            if let Some(other) = seen.insert(f.clone(), id) {
                assert_eq!(other, id, "{other} and {id} both map to {f}");
            }
        }
        assert_eq!(ftl_id("smtp.enh.7.9"), "smtp-enh-7-9");
        // Spellings ftl_id never writes are refused, so a file cannot alias an id.
        for bad in ["aX61Xb", "-a", "aX2dXb", "X", "aXX", "9a", "A"] {
            assert_eq!(dotted_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn arabic_counts_take_cldr_forms_beyond_a_hundred() {
        let forms = [
            (0, "zero"),
            (1, "one"),
            (2, "two"),
            (3, "few"),
            (10, "few"),
            (11, "many"),
            (99, "many"),
            (100, "other"),
            (102, "other"),
            (103, "few"),
            (111, "many"),
            (968, "many"),
            (1000, "other"),
        ];
        for (n, want) in forms {
            assert_eq!(arabic_plural(n as f64), want, "{n}");
        }
        assert_eq!(arabic_plural(2.5), "other");
        let src = "m = { $n ->\n    [few] F { $n }\n    [many] M\n   *[other] O\n}\n\
                   s = { $p ->\n    [POP3] P\n   *[other] X { $p }\n}\n";
        let ar = Language::from_ftl("ar", src).unwrap();
        let plain = |s: String| s.replace(['\u{2068}', '\u{2069}'], "");
        assert_eq!(
            plain(ar.render("m", &[("n", Arg::Num(103.0))]).unwrap()),
            "F 103"
        );
        assert_eq!(
            plain(ar.render("m", &[("n", Arg::Num(968.0))]).unwrap()),
            "M"
        );
        assert_eq!(
            plain(ar.render("m", &[("n", Arg::Num(1000.0))]).unwrap()),
            "O"
        );
        // A string selector still matches by its value.
        assert_eq!(
            plain(ar.render("s", &[("p", Arg::Str("POP3".into()))]).unwrap()),
            "P"
        );
        assert_eq!(
            plain(ar.render("s", &[("p", Arg::Str("IMAP".into()))]).unwrap()),
            "X IMAP"
        );
    }

    #[test]
    fn the_shared_language_is_usable_across_threads() {
        fn assert_sync<T: Send + Sync>(_: &T) {}
        assert_sync(english());
        let t = std::thread::spawn(|| tr_en("imap.cmd.select", &[]));
        assert_eq!(t.join().unwrap(), english().get("imap.cmd.select").unwrap());
        // The macros take any printable value; an Arg passes through.
        let n = 6u64;
        assert_eq!(
            crate::tr_en!("imap.data.exists", n = n, mailbox = "INBOX"),
            crate::tr_en!(
                "imap.data.exists",
                n = Arg::from(n),
                mailbox = String::from("INBOX")
            )
        );
    }
}
