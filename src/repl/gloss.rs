//! Glosses: outside English, a state name is shown with the RFC's Latin name
//! beside it ("بعد المصادقة (authenticated)"), and the tag term (المعرف) with
//! "(tag)", the first time in a run and once on each `:help` page; after that the
//! translated word stands alone. One small registry per run remembers what was
//! glossed; a [`Page`] remembers it for one help page.

use std::collections::BTreeSet;
use std::sync::Mutex;

use crate::protocol::text::{self, Language};
use crate::protocol::Protocol;

/// The Latin name of the tag term.
const TAG_LATIN: &str = "tag";
/// The tag term's stem, without prefixes (و ف ب ل ال) or diacritics.
const TAG_STEM: &str = "معرف";

/// What has been glossed (by Latin name).
#[derive(Debug, Default)]
pub struct Registry {
    seen: BTreeSet<String>,
}

impl Registry {
    /// True the first time `latin` is asked for (it is then remembered).
    fn first(&mut self, latin: &str) -> bool {
        self.seen.insert(latin.to_string())
    }
}

/// The registry of this run.
fn run() -> std::sync::MutexGuard<'static, Registry> {
    static RUN: Mutex<Registry> = Mutex::new(Registry {
        seen: BTreeSet::new(),
    });
    RUN.lock().unwrap_or_else(|e| e.into_inner())
}

/// One `:help` page: each term is glossed once on it, whatever the run has shown.
#[derive(Debug, Default)]
pub struct Page {
    seen: Registry,
}

impl Page {
    /// An empty page.
    pub fn new() -> Page {
        Page::default()
    }
}

/// Where a gloss is counted: the run, or a help page (which also counts for the run).
fn due(latin: &str, page: Option<&mut Page>) -> bool {
    let in_run = run().first(latin);
    match page {
        Some(p) => p.seen.first(latin),
        None => in_run,
    }
}

/// `words` (a term in `lang`) with `latin` beside it when `lang` is not English
/// and the gloss is due (first time in this run, or on `page`).
pub fn term(lang: &Language, words: &str, latin: &str, page: Option<&mut Page>) -> String {
    let latin = latin.trim();
    if lang.code() == "en" || latin.is_empty() || words.trim() == latin || !due(latin, page) {
        return words.to_string();
    }
    lang.text(
        "gloss.with_latin",
        &[("term", words.trim_end()), ("latin", latin)],
    )
    .unwrap_or_else(|| words.to_string())
}

/// The words of the state `id` of `p` (the command tables' name, as
/// `State::id` gives it) in `lang`, with `mailbox` when the words name it.
fn state_words(lang: &Language, p: Protocol, id: &str, mailbox: &str) -> String {
    let key = format!("state.{}.{}", p.name(), id.replace('-', "_"));
    lang.text(&key, &[("mailbox", mailbox)])
        // An empty mailbox leaves an empty isolate and a space behind.
        .map(|t| {
            t.replace("\u{2068}\u{2069}", "")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|| id.replace('-', " "))
}

/// The state `id` of `p` in `lang`'s words (with `mailbox` when they name it),
/// glossed with its Latin name, the English words (`authenticated`, `in DATA`),
/// when due.
pub fn state(
    lang: &Language,
    p: Protocol,
    id: &str,
    mailbox: &str,
    page: Option<&mut Page>,
) -> String {
    let words = state_words(lang, p, id, mailbox);
    term(lang, &words, &state_words(text::english(), p, id, ""), page)
}

/// True when `word` (Arabic letters) is the tag term with any of the prefixes
/// و ف ب ل and ال (`والمعرف`, `بالمعرف`, `للمعرف`, `معرف`).
fn is_tag_word(word: &str) -> bool {
    let bare: String = word
        .chars()
        .filter(|c| !matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}'))
        .collect();
    let mut rest = bare.as_str();
    for p in ["و", "ف"] {
        if let Some(r) = rest.strip_prefix(p) {
            if r.ends_with(TAG_STEM) {
                rest = r;
                break;
            }
        }
    }
    // ل + ال is written لل.
    for p in ["بال", "لل", "ال", "ب", "ل"] {
        if let Some(r) = rest.strip_prefix(p) {
            if r == TAG_STEM {
                return true;
            }
        }
    }
    rest == TAG_STEM
}

/// `text` with its first tag term glossed "(tag)" when `lang` is not English and
/// the gloss is due; unchanged otherwise.
pub fn tag_term(lang: &Language, text: &str, page: Option<&mut Page>) -> String {
    if lang.code() == "en" {
        return text.to_string();
    }
    let arabic =
        |c: char| matches!(c, '\u{0621}'..='\u{064A}' | '\u{064B}'..='\u{0652}' | '\u{0670}');
    let mut start = None;
    let mut found = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (arabic(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if is_tag_word(&text[s..i]) {
                    found = Some((s, i));
                    break;
                }
                start = None;
            }
            _ => {}
        }
    }
    let Some((s, e)) = found else {
        return text.to_string();
    };
    let glossed = term(lang, &text[s..e], TAG_LATIN, page);
    format!("{}{glossed}{}", &text[..s], &text[e..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tag_term_is_found_with_its_prefixes_only_as_a_whole_word() {
        for w in [
            "المعرف",
            "المعرِّف",
            "والمعرف",
            "بالمعرف",
            "للمعرف",
            "معرف",
            "فالمعرف",
        ] {
            assert!(is_tag_word(w), "{w}");
        }
        for w in ["المعرفة", "معرفات", "المعرفي", "تعرف"] {
            assert!(!is_tag_word(w), "{w}");
        }
    }

    #[test]
    fn a_page_glosses_again_and_english_never() {
        let ar = Language::from_ftl("ar", "gloss-with_latin = { $term } ({ $latin })\n").unwrap();
        let plain = |s: String| -> String {
            s.chars()
                .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
                .collect()
        };
        // A Latin name no other test uses, so the run's registry starts without it.
        let latin = "gloss-test-state";
        assert_eq!(
            plain(term(&ar, "حالة", latin, None)),
            format!("حالة ({latin})")
        );
        assert_eq!(term(&ar, "حالة", latin, None), "حالة");
        let mut page = Page::new();
        assert_eq!(
            plain(term(&ar, "حالة", latin, Some(&mut page))),
            format!("حالة ({latin})")
        );
        assert_eq!(term(&ar, "حالة", latin, Some(&mut page)), "حالة");
        assert_eq!(term(text::english(), "x", "y-never-glossed", None), "x");
        let mut page = Page::new();
        let t = plain(tag_term(&ar, "رد ذو المعرف a1 والمعرف", Some(&mut page)));
        assert_eq!(t, "رد ذو المعرف (tag) a1 والمعرف");
    }
}
