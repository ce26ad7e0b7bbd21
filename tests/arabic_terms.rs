//! The Arabic texts keep to the glossary (`docs/glossary-ar.md`): no word of its
//! "never" column appears in the language file or the Arabic lessons, as a whole
//! word with the prefixes و ف ب ل and ال (وال، بال، لل …), and every state name is
//! the glossary's word.

use std::path::{Path, PathBuf};

use maillab::protocol::text;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// One row of the glossary: English, Arabic, rejected variants.
struct Row {
    english: String,
    arabic: String,
    never: Vec<String>,
}

fn glossary() -> Vec<Row> {
    let src = std::fs::read_to_string(Path::new(ROOT).join("docs/glossary-ar.md"))
        .expect("docs/glossary-ar.md");
    let mut rows = Vec::new();
    let mut in_table = false;
    for line in src.lines() {
        let cells: Vec<&str> = line
            .trim()
            .trim_matches('|')
            .split('|')
            .map(str::trim)
            .collect();
        if !line.trim_start().starts_with('|') {
            in_table = false;
            continue;
        }
        if cells.get(2) == Some(&"never") {
            in_table = true;
            continue;
        }
        if !in_table || cells.len() < 3 || cells[0].starts_with("---") {
            continue;
        }
        let never = cells[2]
            .split(['،', ','])
            .map(str::trim)
            .filter(|w| !w.is_empty() && *w != "—")
            .map(str::to_string)
            .collect();
        rows.push(Row {
            english: cells[0].to_string(),
            arabic: cells[1].to_string(),
            never,
        });
    }
    rows
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

fn is_mark(c: char) -> bool {
    // Harakat, tanween, shadda, sukun, superscript alef, tatweel.
    matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}')
}

/// The Arabic words of `text` in order, diacritics and tatweel removed.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if is_mark(c) {
            continue;
        }
        if is_arabic_letter(c) {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Every written form of `word` with the prefixes: ال (unless it has it), then
/// ب or ل (ل + ال is written لل), then و or ف.
fn forms(word: &str) -> Vec<String> {
    let mut bases = vec![word.to_string()];
    if !word.starts_with("ال") {
        bases.push(format!("ال{word}"));
    }
    let mut with_particle = Vec::new();
    for b in &bases {
        with_particle.push(b.clone());
        with_particle.push(format!("ب{b}"));
        match b.strip_prefix("ال") {
            Some(rest) => with_particle.push(format!("لل{rest}")),
            None => with_particle.push(format!("ل{b}")),
        }
    }
    let mut all = Vec::new();
    for w in with_particle {
        all.push(format!("و{w}"));
        all.push(format!("ف{w}"));
        all.push(w);
    }
    all
}

/// Where a rejected variant (one or more words) occurs in `text`: the first word
/// in any prefixed form, the others as written.
fn occurs(variant: &str, text_words: &[String]) -> bool {
    let v = words(variant);
    let Some((first, rest)) = v.split_first() else {
        return false;
    };
    let firsts = forms(first);
    text_words
        .windows(v.len())
        .any(|w| firsts.iter().any(|f| *f == w[0]) && w[1..].iter().zip(rest).all(|(a, b)| a == b))
}

fn arabic_files() -> Vec<PathBuf> {
    let root = Path::new(ROOT);
    let mut files = vec![root.join("src/protocol/lang/ar.ftl")];
    if let Ok(dir) = std::fs::read_dir(root.join("lessons/ar")) {
        let mut lessons: Vec<PathBuf> = dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect();
        lessons.sort();
        files.extend(lessons);
    }
    files.retain(|p| p.exists());
    files
}

#[test]
fn the_glossary_is_a_table_with_rejected_variants() {
    let rows = glossary();
    assert!(rows.len() >= 40, "{} rows", rows.len());
    let never: usize = rows.iter().map(|r| r.never.len()).sum();
    assert!(never >= 20, "only {never} rejected variants read");
    assert!(rows
        .iter()
        .any(|r| r.arabic.starts_with("علامة") && r.never.iter().any(|n| n == "أعلام")));
}

#[test]
fn the_prefix_rules_find_whole_words_only() {
    let t = words("تغيير الأعلام وبالأعلام، والمتن، للمتن، علمٌ؛ العلامات والمعلومات وعلماء");
    assert!(occurs("أعلام", &t));
    assert!(occurs("الأعلام", &t));
    assert!(occurs("متن", &t));
    assert!(occurs("المتن", &t));
    assert!(occurs("علم", &t), "diacritics are ignored");
    assert!(!occurs("علامة", &t));
    assert!(occurs("نصًا واضحًا", &words("يرسل نصًّا واضحًا")));
    assert!(!occurs("نص واضح", &words("نص الرسالة واضح")));
    assert!(!occurs("وسم", &words("موسم الوسمي")));
}

#[test]
fn no_rejected_variant_in_the_arabic_texts() {
    let rows = glossary();
    let mut found = Vec::new();
    for file in arabic_files() {
        let src = std::fs::read_to_string(&file).unwrap();
        for (n, line) in src.lines().enumerate() {
            let w = words(line);
            if w.is_empty() {
                continue;
            }
            for row in &rows {
                // One report per term and line (أعلام and الأعلام are one mistake).
                if let Some(v) = row.never.iter().find(|v| occurs(v, &w)) {
                    found.push(format!(
                        "{}:{}: {v} (use {}: {})",
                        file.strip_prefix(ROOT).unwrap_or(&file).display(),
                        n + 1,
                        row.arabic,
                        row.english
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "{} rejected words:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn state_names_are_the_glossarys() {
    let en = text::english();
    let ar = text::arabic();
    let mut wrong = Vec::new();
    let mut checked = 0;
    for row in glossary() {
        let Some(rest) = row.english.strip_prefix("state: ") else {
            continue;
        };
        let (name, proto) = rest
            .rsplit_once(" (")
            .unwrap_or_else(|| panic!("{rest}: no protocol"));
        let proto = proto.trim_end_matches(')').to_ascii_lowercase();
        let id = en
            .ids()
            .filter(|id| id.starts_with(&format!("state.{proto}.")))
            .find(|id| en.text(id, &[("mailbox", "")]).unwrap().trim() == name)
            .unwrap_or_else(|| panic!("no English state text {name:?} in {proto}"));
        checked += 1;
        let shown: String = ar
            .text(id, &[("mailbox", "")])
            .unwrap()
            .chars()
            .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
            .collect();
        if !ar.contains(id) || shown.trim() != row.arabic {
            wrong.push(format!(
                "{id}: {:?}, the glossary says {:?}",
                shown.trim(),
                row.arabic
            ));
        }
    }
    assert_eq!(checked, 13, "every state of the three protocols has a row");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
