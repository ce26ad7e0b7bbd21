//! Arabic output as a terminal shows it: every printed line of Arabic text is a
//! right-to-left paragraph (UAX #9, checked with the `unicode-bidi` crate) whose
//! Latin tokens stay whole and in order; `--bidi visual` prints display order
//! without controls; bidi controls copied into the input are dropped before the
//! wire; and the language follows LC_ALL / LC_MESSAGES / LANG.

mod common;

use std::ffi::OsStr;

use common::bin::{maillab_with, text};
use maillab::protocol::bidi;
use maillab::protocol::text::{arabic, Arg};
use maillab::repl::render::{explanation_lines, terminal_lines, Note, Out};
use unicode_bidi::ParagraphBidiInfo;

/// A line in display order (as a terminal implementing UAX #9 lays it out, left to
/// right), without controls, and whether its paragraph is right-to-left.
fn display_order(line: &str) -> (bool, String) {
    let info = ParagraphBidiInfo::new(line, None);
    let levels = info.reordered_levels_per_char(0..line.len());
    let chars: Vec<char> = line.chars().collect();
    let shown: String = ParagraphBidiInfo::reorder_visual(&levels)
        .into_iter()
        .map(|i| chars[i])
        .filter(|&c| !bidi::is_control(c))
        .collect();
    (info.paragraph_level.is_rtl(), shown)
}

fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '[' | ']' | '-')
}

/// A token as compared: without a sentence's full stop at either end, and without
/// brackets that do not pair inside it (`[INBOX` of "[INBOX bytes …]" is INBOX: the
/// bracket belongs to the text around); None when no letter or digit is left.
fn token(raw: &str) -> Option<String> {
    let chars: Vec<char> = raw.chars().collect();
    let mut unpaired = vec![false; chars.len()];
    let mut open: Vec<usize> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '[' => open.push(i),
            ']' if open.pop().is_none() => unpaired[i] = true,
            _ => {}
        }
    }
    for i in open {
        unpaired[i] = true;
    }
    let kept: String = chars
        .iter()
        .zip(&unpaired)
        .filter(|(_, &u)| !u)
        .map(|(c, _)| *c)
        .collect();
    let t = kept.trim_matches('.');
    t.chars()
        .any(|c| c.is_ascii_alphanumeric())
        .then(|| t.to_string())
}

/// Latin tokens (maximal runs of `[A-Za-z0-9.\[\]-]` with a letter or digit),
/// grouped into phrases: tokens with nothing but ASCII spaces and punctuation (or
/// `§`) between them. A phrase ends at anything else, at a closing bracket opened
/// before it (it closes the Arabic text around), and where an isolate holding
/// right-to-left text opens or closes (a value of its own; isolates of Latin text
/// are transparent).
fn phrases(logical: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = logical.chars().collect();
    // For each isolate initiator and PDI: does that isolate hold right-to-left text?
    let mut rtl_boundary = vec![false; chars.len()];
    let mut stack: Vec<usize> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\u{2066}'..='\u{2068}' => stack.push(i),
            '\u{2069}' => {
                if let Some(start) = stack.pop() {
                    let inner: String = chars[start + 1..i].iter().collect();
                    if bidi::has_rtl(&inner) {
                        rtl_boundary[start] = true;
                        rtl_boundary[i] = true;
                    }
                }
            }
            _ => {}
        }
    }
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    let mut tok = String::new();
    // Brackets opened between tokens of the phrase: (kind, tokens before it).
    let mut opened: Vec<(char, usize)> = Vec::new();
    let flush = |tok: &mut String, cur: &mut Vec<String>| {
        if let Some(t) = token(tok) {
            cur.push(t);
        }
        tok.clear();
    };
    // A phrase ends: a bracket opened in it and not closed there belongs to the
    // text around, so the phrase is cut there.
    let end_phrase =
        |cur: &mut Vec<String>, opened: &mut Vec<(char, usize)>, out: &mut Vec<Vec<String>>| {
            let mut rest = std::mem::take(cur);
            for &(_, at) in opened.iter().rev() {
                let tail = rest.split_off(at.min(rest.len()));
                if !tail.is_empty() {
                    out.push(tail);
                }
            }
            if !rest.is_empty() {
                out.push(rest);
            }
            opened.clear();
        };
    for (i, &c) in chars.iter().enumerate() {
        if bidi::is_control(c) {
            if rtl_boundary[i] {
                flush(&mut tok, &mut cur);
                end_phrase(&mut cur, &mut opened, &mut out);
            }
            continue;
        }
        if is_token_char(c) {
            tok.push(c);
            continue;
        }
        flush(&mut tok, &mut cur);
        let mut closes_outer = false;
        match c {
            '(' | '<' => opened.push((c, cur.len())),
            ')' | '>' => {
                let want = if c == ')' { '(' } else { '<' };
                if opened.last().is_some_and(|o| o.0 == want) {
                    opened.pop();
                } else {
                    closes_outer = true;
                }
            }
            _ => {}
        }
        let joins = c == ' ' || c == '§' || (c.is_ascii_punctuation() && c != '\n');
        if !joins || closes_outer {
            end_phrase(&mut cur, &mut opened, &mut out);
        }
    }
    flush(&mut tok, &mut cur);
    end_phrase(&mut cur, &mut opened, &mut out);
    out.retain(|p| !p.is_empty());
    out
}

/// The tokens of a display-order line, in order.
fn tokens(shown: &str) -> Vec<String> {
    shown
        .split(|c: char| !is_token_char(c))
        .filter_map(token)
        .collect()
}

/// `logical` is the text as rendered (its phrases are checked), `printed` the whole
/// line maillab writes with it.
fn check_line(id: &str, printed: &str, logical: &str, problems: &mut Vec<String>) {
    if !bidi::has_rtl(printed) {
        return;
    }
    // A bracket pair is never cut by an isolate's edge: one half inside an isolate
    // and the other outside would show facing the wrong way.
    for (i, _) in printed.match_indices('\u{2068}') {
        let mut depth = 0;
        let mut inner = String::new();
        for c in printed[i..].chars() {
            match c {
                '\u{2066}'..='\u{2068}' => depth += 1,
                '\u{2069}' => depth -= 1,
                c if depth == 1 => inner.push(c),
                _ => {}
            }
            if depth == 0 {
                break;
            }
        }
        for (o, c) in [('(', ')'), ('[', ']')] {
            if inner.matches(o).count() != inner.matches(c).count() {
                problems.push(format!(
                    "{id}: isolate {inner:?} cuts a bracket pair in {printed:?}"
                ));
            }
        }
    }
    let (rtl, shown) = display_order(printed);
    if !rtl {
        problems.push(format!("{id}: not a right-to-left paragraph: {printed:?}"));
        return;
    }
    let seen = tokens(&shown);
    for phrase in phrases(logical) {
        let whole = seen.windows(phrase.len()).any(|w| w == phrase.as_slice());
        if !whole {
            problems.push(format!(
                "{id}: Latin tokens {phrase:?} are not whole and in order in {shown:?} (printed {printed:?})"
            ));
        }
    }
}

/// Every Arabic text that mixes scripts, rendered with sample values (text, and
/// numbers for each plural form), as the REPL prints it: an explanation line with
/// its RFC reference, a note, and an explanation wrapped at 40 columns.
#[test]
fn every_arabic_text_is_right_to_left_with_latin_tokens_whole_and_in_order() {
    let ar = arabic();
    let mut problems = Vec::new();
    let mut checked = 0;
    let samples: Vec<Arg<'static>> = vec![
        Arg::from("INBOX"),
        Arg::from("a001 OK [READ-WRITE]"),
        Arg::Num(0.0),
        Arg::Num(1.0),
        Arg::Num(2.0),
        Arg::Num(3.0),
        Arg::Num(11.0),
        Arg::Num(100.0),
    ];
    for id in ar.ids() {
        let vars = ar.variables(id).unwrap_or_default();
        for sample in &samples {
            let args: Vec<(&str, Arg<'_>)> =
                vars.iter().map(|v| (v.as_str(), sample.clone())).collect();
            let Some(text) = ar.render(id, &args) else {
                continue;
            };
            if !bidi::has_rtl(&text) || !text.chars().any(|c| c.is_ascii_alphanumeric()) {
                continue;
            }
            checked += 1;
            for logical in text.split('\n') {
                let note = Note {
                    text: logical.to_string(),
                    rfc: "RFC 3501 §6.3.1".into(),
                };
                let explained = &explanation_lines(&[note], "")[0];
                let printed = bidi::line(&explained.plain);
                check_line(id, &printed, logical, &mut problems);
                let out = Out::note(logical);
                check_line(id, &bidi::line(&out.plain), logical, &mut problems);
                // Wrapped: every continuation line is right-to-left too.
                for part in terminal_lines(explained, 40, false) {
                    if bidi::has_rtl(&explained.plain) && !display_order(&part).0 {
                        problems.push(format!("{id}: wrapped line not right-to-left: {part:?}"));
                    }
                }
            }
        }
    }
    assert!(checked > 50, "only {checked} mixed texts found");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The Arabic environment the binary runs in: `LANG` set, the others empty.
fn env_lang(lang: &str, dir: &std::path::Path) -> Vec<(&'static str, std::ffi::OsString)> {
    vec![
        ("LC_ALL", "".into()),
        ("LC_MESSAGES", "".into()),
        ("LANG", lang.into()),
        ("XDG_CONFIG_HOME", dir.join("config").into_os_string()),
        ("MAILLAB_DATA_DIR", dir.join("data").into_os_string()),
    ]
}

fn run_env(args: &[&str], input: &str, env: &[(&str, std::ffi::OsString)]) -> (String, String) {
    let env: Vec<(&str, &OsStr)> = env.iter().map(|(k, v)| (*k, v.as_os_str())).collect();
    let o = maillab_with(args, input, &env);
    text(&o)
}

/// Explanation lines (`   = …`) that hold Arabic.
fn arabic_notes(out: &str) -> Vec<&str> {
    out.lines()
        .filter(|l| l.trim_start_matches(bidi::RLM).starts_with("   = ") && bidi::has_rtl(l))
        .collect()
}

#[test]
fn the_language_follows_the_locale_unless_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let input = "LOGIN alex drums\nLOGOUT\n";
    let env = env_lang("ar_EG.UTF-8", dir.path());
    let (out, err) = run_env(&[], input, &env);
    let notes = arabic_notes(&out);
    assert!(
        !notes.is_empty(),
        "LANG=ar_EG.UTF-8 gives Arabic:\n{out}\n{err}"
    );
    // Each Arabic line begins with RLM; protocol lines carry no control at all.
    for l in &notes {
        assert!(l.starts_with(bidi::RLM), "{l:?}");
    }
    for l in out
        .lines()
        .filter(|l| l.starts_with("C: ") || l.starts_with("S: "))
    {
        assert!(!l.chars().any(bidi::is_control), "{l:?}");
    }
    // LC_ALL comes first: C is English.
    let mut c = env.clone();
    c[0].1 = "C".into();
    let (out, _) = run_env(&[], input, &c);
    assert!(
        arabic_notes(&out).is_empty() && !bidi::has_rtl(&out),
        "{out}"
    );
    assert!(!out.chars().any(bidi::is_control), "{out:?}");
    // LC_MESSAGES before LANG.
    let mut m = env_lang("C.UTF-8", dir.path());
    m[1].1 = "ar".into();
    let (out, _) = run_env(&[], input, &m);
    assert!(!arabic_notes(&out).is_empty(), "{out}");
    // --lang wins over the locale, the config file over the locale, --lang over both.
    let (out, _) = run_env(&["--lang", "en"], input, &env);
    assert!(!bidi::has_rtl(&out), "{out}");
    let cfg = dir.path().join("config/maillab");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(cfg.join("config.toml"), "lang = \"en\"\n").unwrap();
    let (out, _) = run_env(&[], input, &env);
    assert!(!bidi::has_rtl(&out), "config lang = en:\n{out}");
    std::fs::write(cfg.join("config.toml"), "lang = \"ar\"\n").unwrap();
    let (out, _) = run_env(&[], input, &c);
    assert!(
        !arabic_notes(&out).is_empty(),
        "config lang = ar over LC_ALL=C:\n{out}"
    );
    let (out, _) = run_env(&["--lang", "en"], input, &c);
    assert!(!bidi::has_rtl(&out), "{out}");
    // The same in `maillab explain`.
    std::fs::remove_file(cfg.join("config.toml")).unwrap();
    let (out, _) = run_env(&["explain", "a1 NO [TRYCREATE] no such mailbox"], "", &env);
    assert!(!arabic_notes(&out).is_empty(), "{out}");
}

#[test]
fn bidi_visual_prints_display_order_without_controls() {
    let dir = tempfile::tempdir().unwrap();
    let env = env_lang("C.UTF-8", dir.path());
    let input = "LOGIN alex drums\nSELECT INBOX\nLOGOUT\n";
    let (logical, _) = run_env(&["--lang", "ar"], input, &env);
    let (visual, err) = run_env(&["--lang", "ar", "--bidi", "visual"], input, &env);
    assert!(!visual.chars().any(bidi::is_control), "{visual:?}\n{err}");
    assert!(bidi::has_rtl(&visual), "{visual}");
    // Each Arabic line of the logical output, laid out by unicode-bidi, is what the
    // visual output prints (brackets shown right-to-left are mirrored, rule L4).
    let notes = arabic_notes(&logical);
    assert!(notes.len() > 3, "{logical}");
    let visual_lines: Vec<&str> = visual.lines().collect();
    for l in notes {
        let info = ParagraphBidiInfo::new(l, None);
        assert!(info.paragraph_level.is_rtl(), "{l:?}");
        let levels = info.reordered_levels_per_char(0..l.len());
        let chars: Vec<char> = l.chars().collect();
        let want: String = ParagraphBidiInfo::reorder_visual(&levels)
            .into_iter()
            .filter(|&i| !bidi::is_control(chars[i]))
            .map(|i| {
                let c = chars[i];
                match (levels[i].is_rtl(), c) {
                    (true, '(') => ')',
                    (true, ')') => '(',
                    (true, '[') => ']',
                    (true, ']') => '[',
                    (true, '«') => '»',
                    (true, '»') => '«',
                    _ => c,
                }
            })
            .collect();
        assert!(
            visual_lines.contains(&want.as_str()),
            "{want:?} not in the visual output:\n{visual}"
        );
    }
    // Protocol lines are the same in both.
    let wire = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| l.starts_with("C: ") || l.starts_with("S: "))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(wire(&logical), wire(&visual));
    // The config file's `bidi` key does the same.
    let cfg = dir.path().join("config/maillab");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(cfg.join("config.toml"), "bidi = \"visual\"\n").unwrap();
    let (from_cfg, _) = run_env(&["--lang", "ar"], input, &env);
    assert_eq!(from_cfg, visual);
    // And `maillab explain`.
    let (out, _) = run_env(
        &[
            "--lang",
            "ar",
            "explain",
            "a1 NO [TRYCREATE] no such mailbox",
        ],
        "",
        &env,
    );
    assert!(
        bidi::has_rtl(&out) && !out.chars().any(bidi::is_control),
        "{out:?}"
    );
}

#[test]
fn bidi_controls_in_the_input_never_reach_the_wire() {
    let dir = tempfile::tempdir().unwrap();
    let env = env_lang("ar_EG.UTF-8", dir.path());
    // Lines as copied from Arabic output: RLM, and the command in an isolate.
    let input = "LOGIN alex drums\n\
                 \u{200f}\u{2068}SELECT INBOX\u{2069}\n\
                 \u{200f}\u{2068}STORE 1 +FLAGS (\\Deleted)\u{2069}\n\
                 \u{202b}\u{200e}a9 NOOP\u{202c}\n\
                 LOGOUT\n";
    let (out, err) = run_env(&[], input, &env);
    assert!(out.contains("C: a002 SELECT INBOX\n"), "{out}\n{err}");
    assert!(
        out.contains("C: a003 STORE 1 +FLAGS (\\Deleted)\n"),
        "{out}"
    );
    assert!(out.contains("S: a003 OK STORE completed"), "{out}");
    assert!(out.contains("S: * 1 FETCH (FLAGS (\\Deleted"), "{out}");
    assert!(
        out.contains("C: a9 NOOP\n") && out.contains("S: a9 OK"),
        "{out}"
    );
    // What went to the server is plain ASCII: the transcript file holds the same.
    let transcript = dir.path().join("t.txt");
    let t = transcript.to_str().unwrap();
    let (_, _) = run_env(&["--transcript", t], input, &env);
    let saved = std::fs::read_to_string(&transcript).unwrap();
    for l in saved.lines().filter(|l| l.starts_with("C: ")) {
        assert!(l.is_ascii(), "{l:?}");
    }
    // Arabic lines in the transcript file keep their RLM (logical order).
    assert!(
        saved
            .lines()
            .any(|l| l.starts_with(bidi::RLM) && bidi::has_rtl(l)),
        "{saved}"
    );
    // A lesson answer copied with its marks passes the step (checked on what was sent).
    let (out, _) = run_env(
        &["--lang", "en", "lesson", "run", "pop3-deletion"],
        "\u{200f}\u{2068}STLS\u{2069}\n",
        &env,
    );
    let passed = maillab::protocol::text::english()
        .text("lesson.passed", &[("n", "1"), ("title", "")])
        .unwrap();
    assert!(out.contains("C: STLS\n"), "{out}");
    assert!(out.contains(passed.trim_end()), "{passed:?} not in:\n{out}");
    // `maillab explain` of a copied line.
    let (out, _) = run_env(
        &[
            "explain",
            "\u{200f}\u{2068}S: a1 NO [TRYCREATE] no such mailbox\u{2069}",
        ],
        "",
        &env,
    );
    assert!(out.starts_with("S: a1 NO [TRYCREATE]"), "{out:?}");
    assert!(out.contains("TRYCREATE"), "{out}");
}
