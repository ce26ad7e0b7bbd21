//! Language tables: every human-readable text maillab shows about the protocols
//! (command summaries, explanations, hints), keyed by a stable id such as
//! `imap.code.trycreate` or `smtp.reply.503`.
//!
//! A table is a TOML file; nested tables join their keys with `.`, so
//!
//! ```toml
//! [imap.code]
//! trycreate = "The target mailbox does not exist; CREATE it first."
//! ```
//!
//! defines the id `imap.code.trycreate`. English (`src/protocol/lang/en.toml`) is
//! built in and complete; another language is a new file loaded with
//! [`Language::from_toml`], and ids it lacks fall back to English
//! ([`Language::lookup`]). Texts may hold `{name}` placeholders filled by
//! [`format()`].

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

const EN_TOML: &str = include_str!("lang/en.toml");
const AR_TOML: &str = include_str!("lang/ar.toml");

/// One language table: id -> text.
#[derive(Clone, Debug, Default)]
pub struct Language {
    code: String,
    texts: HashMap<String, String>,
}

/// Why a language table could not be loaded.
#[derive(Debug)]
pub struct LoadError(String);

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LoadError {}

impl Language {
    /// Parses a language table from TOML text. The top-level key `language`
    /// (e.g. `language = "ar"`) names it; every other string value, at any depth,
    /// becomes an entry whose id is its dotted key path. Values that are not
    /// strings are an error.
    pub fn from_toml(src: &str) -> Result<Language, LoadError> {
        let root: toml::Table = toml::from_str(src).map_err(|e| LoadError(e.to_string()))?;
        let mut lang = Language::default();
        for (key, value) in root {
            if key == "language" {
                match value {
                    toml::Value::String(s) => lang.code = s,
                    _ => return Err(LoadError("`language` must be a string".into())),
                }
                continue;
            }
            flatten(&key, value, &mut lang.texts)?;
        }
        Ok(lang)
    }

    /// The language code given in the table (`en`, `ar` ...), empty when absent.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The raw text (placeholders unfilled) of `id` in this table only.
    pub fn get(&self, id: &str) -> Option<&str> {
        self.texts.get(id).map(String::as_str)
    }

    /// The text of `id` in this table, else in English.
    pub fn lookup(&self, id: &str) -> Option<&str> {
        self.get(id).or_else(|| {
            let en = english();
            if std::ptr::eq(self, en) {
                None
            } else {
                en.get(id)
            }
        })
    }

    /// [`Language::lookup`] with `{placeholders}` filled from `args`.
    pub fn text(&self, id: &str, args: &[(&str, &str)]) -> Option<String> {
        self.lookup(id).map(|t| format(t, args))
    }

    /// True when this table has its own entry for `id`.
    pub fn contains(&self, id: &str) -> bool {
        self.texts.contains_key(id)
    }

    /// Every id in this table (unordered).
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.texts.keys().map(String::as_str)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// True when the table has no entries.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }
}

fn flatten(
    prefix: &str,
    value: toml::Value,
    out: &mut HashMap<String, String>,
) -> Result<(), LoadError> {
    match value {
        toml::Value::String(s) => {
            out.insert(prefix.to_string(), s);
            Ok(())
        }
        toml::Value::Table(t) => {
            for (k, v) in t {
                flatten(&format!("{prefix}.{k}"), v, out)?;
            }
            Ok(())
        }
        _ => Err(LoadError(format!("`{prefix}`: texts must be strings"))),
    }
}

/// The built-in English table.
pub fn english() -> &'static Language {
    static EN: OnceLock<Language> = OnceLock::new();
    EN.get_or_init(|| match Language::from_toml(EN_TOML) {
        Ok(l) => l,
        // Compiled in and checked by the unit tests: a defect of the build.
        Err(e) => panic!("built-in English table is invalid: {e}"),
    })
}

static CURRENT: OnceLock<&'static Language> = OnceLock::new();

/// The language explanations use when none is given ([`crate::protocol::explain::explain_line`]
/// and friends): English unless [`set_current`] chose another at start-up.
pub fn current() -> &'static Language {
    CURRENT.get().copied().unwrap_or_else(english)
}

/// Chooses the language of [`current`] once, at start-up (e.g. from a `--lang`
/// option: `set_current(builtin("ar")?)`). Returns false when it was already chosen.
pub fn set_current(lang: &'static Language) -> bool {
    CURRENT.set(lang).is_ok()
}

/// The built-in Arabic table (partial: ids it lacks fall back to English).
pub fn arabic() -> &'static Language {
    static AR: OnceLock<Language> = OnceLock::new();
    AR.get_or_init(|| match Language::from_toml(AR_TOML) {
        Ok(l) => l,
        // Compiled in and checked by the tests: a defect of the build.
        Err(e) => panic!("built-in Arabic table is invalid: {e}"),
    })
}

/// A built-in table by language code (`en`, `ar`).
pub fn builtin(code: &str) -> Option<&'static Language> {
    match code {
        "en" => Some(english()),
        "ar" => Some(arabic()),
        _ => None,
    }
}

/// Fills `{name}` placeholders from `args`. `{{` and `}}` stand for literal braces;
/// a placeholder with no matching argument is left as written, so a missing
/// value shows instead of vanishing.
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
    fn english_loads_and_nested_keys_flatten() {
        let en = english();
        assert_eq!(en.code(), "en");
        assert!(en.get("imap.cmd.select").is_some());
        let l = Language::from_toml("language = \"xx\"\n[a.b]\nc = \"t\"\n").unwrap();
        assert_eq!(l.get("a.b.c"), Some("t"));
        assert_eq!(l.lookup("imap.cmd.select"), en.get("imap.cmd.select"));
        assert!(Language::from_toml("a = 1").is_err());
        assert!(Language::from_toml("not toml [").is_err());
    }
}
