//! A second language is a new Fluent file, not new code: the Arabic file drives the
//! same explanation logic, ids a file lacks fall back to English (shown with the
//! Arabic file less three of its texts), numbers
//! take the language's plural forms, and placeables are isolated for bidi text.

use maillab::protocol::explain::{
    explain_body_in, explain_line, explain_line_in, explain_text_in, Context,
};
use maillab::protocol::text::{self, Language};
use maillab::protocol::{command, Protocol};

const AR_SOURCE: &str = include_str!("../src/protocol/lang/ar.ftl");

fn arabic() -> Language {
    Language::from_ftl("ar", AR_SOURCE).expect("the Arabic file parses")
}

/// Ids the partial Arabic file of the fallback test lacks.
const DROPPED: [&str; 3] = [
    "imap-code-clientbug",
    "smtp-enh-7-13",
    "imap-cmd-unsubscribe",
];

/// The Arabic file without the messages in [`DROPPED`], as a translator's
/// unfinished file would be.
fn partial_arabic() -> Language {
    let mut out = String::new();
    let mut skipping = false;
    for line in AR_SOURCE.lines() {
        let starts_message = !line.starts_with([' ', '\t', '}', '#']) && line.contains(" =");
        if starts_message {
            let id = line.split(" =").next().unwrap_or("");
            skipping = DROPPED.contains(&id);
        } else if !line.starts_with([' ', '\t', '}']) {
            skipping = false;
        }
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    Language::from_ftl("ar", &out).expect("the partial file parses")
}

/// The text without the bidi isolation marks Fluent puts around placeables.
fn plain(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
        .collect()
}

fn is_arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

#[test]
fn the_second_table_is_consistent_with_english() {
    let ar = arabic();
    let en = text::english();
    assert_eq!(ar.code(), "ar");
    assert!(
        ar.len() >= 20,
        "the Arabic table should cover the first lessons"
    );
    for id in ar.ids() {
        let en_vars = en
            .variables(id)
            .unwrap_or_else(|| panic!("{id} is not an English id"));
        assert_eq!(
            ar.variables(id).unwrap(),
            en_vars,
            "{id}: the translation must use the same placeables"
        );
    }
    // English is the language of explain_line until the program chooses another.
    assert!(std::ptr::eq(text::current(), text::english()));
    // The built-in copy is the same table.
    let builtin = text::builtin("ar").unwrap();
    assert!(ar.ids().all(|id| builtin.contains(id)));
    assert_eq!(builtin.len(), ar.len());
    assert!(text::builtin("xx").is_none());
}

#[test]
fn explanations_come_out_in_the_second_language() {
    let ar = arabic();
    let ctx = Context {
        state: "not-authenticated".into(),
        command: Some("SELECT INBOX".into()),
        tls: false,
        ..Default::default()
    };
    let line = "a1 BAD Command not permitted in this state";
    let in_ar = explain_line_in(&ar, Protocol::Imap, line, &ctx);
    let in_en = explain_line(Protocol::Imap, line, &ctx);
    assert_eq!(in_ar.len(), in_en.len());
    assert_eq!(in_ar[0].id, "imap.why.needs_login");
    assert_eq!(in_ar[0].id, in_en[0].id);
    assert_eq!(in_ar[0].rfc, in_en[0].rfc);
    assert!(is_arabic(&in_ar[0].text), "{}", in_ar[0].text);
    assert!(in_ar[0].text.contains("SELECT") && in_ar[0].text.contains("LOGIN"));
    assert!(plain(&in_ar[0].text).starts_with("BAD "));
    assert_ne!(in_ar[0].text, in_en[0].text);

    // Placeholders are filled in the translation too.
    let list = explain_line_in(
        &ar,
        Protocol::Imap,
        "* OK [UIDNEXT 4392] Predicted next UID",
        &Context::default(),
    );
    assert!(is_arabic(&list[0].text) && list[0].text.contains("4392"));

    // SMTP: the reply and the enhanced code's class and detail.
    let list = explain_line_in(
        &ar,
        Protocol::Smtp,
        "503 5.5.1 Error: need MAIL command",
        &Context {
            state: "greeted".into(),
            command: Some("RCPT TO:<alex@maillab.test>".into()),
            tls: false,
            ..Default::default()
        },
    );
    assert_eq!(list[0].id, "smtp.why.rcpt_before_mail");
    assert!(is_arabic(&list[0].text) && plain(&list[0].text).starts_with("503"));
    assert!(
        is_arabic(&list[1].text),
        "class text is translated: {}",
        list[1].text
    );

    // Bodies and pasted text go through the same table.
    let body = explain_body_in(&ar, Protocol::Imap, 42);
    assert!(is_arabic(&body.text) && body.text.contains("42"));
    let out = explain_text_in(&ar, Some(Protocol::Smtp), "220 mx.example ESMTP ready");
    assert!(is_arabic(&out[0].1[0].text));
}

#[test]
fn missing_ids_fall_back_to_english_one_by_one() {
    let ar = partial_arabic();
    assert_eq!(ar.len() + DROPPED.len(), arabic().len());
    // [CLIENTBUG] is not translated: English text, same id.
    assert!(!ar.contains("imap.code.clientbug"));
    let list = explain_line_in(
        &ar,
        Protocol::Imap,
        "a1 OK [CLIENTBUG] Done, but you asked twice",
        &Context::default(),
    );
    let code = list
        .iter()
        .find(|e| e.id == "imap.code.clientbug")
        .expect("code explained");
    assert_eq!(
        code.text,
        text::english().get("imap.code.clientbug").unwrap()
    );
    // The translated detail of 5.7.9 with the translated class; 5.7.13's detail falls back.
    let list = explain_line_in(
        &ar,
        Protocol::Smtp,
        "534 5.7.9 Application-specific password required",
        &Context::default(),
    );
    let e = list.iter().find(|e| e.id == "smtp.enh.7.9").unwrap();
    assert!(is_arabic(&e.text));
    assert!(!ar.contains("smtp.enh.7.13"));
    let list = explain_line_in(
        &ar,
        Protocol::Smtp,
        "550 5.7.13 disabled",
        &Context::default(),
    );
    let e = list.iter().find(|e| e.id == "smtp.enh.7.13").unwrap();
    assert!(e.text.contains("user account disabled"), "{}", e.text);
    assert!(
        is_arabic(&e.text),
        "the class part is translated: {}",
        e.text
    );
    // Command summaries are looked up by their id.
    let select = command(Protocol::Imap, "SELECT").unwrap();
    assert!(is_arabic(ar.lookup(&select.summary_id).unwrap()));
    let unsub = command(Protocol::Imap, "UNSUBSCRIBE").unwrap();
    assert!(!ar.contains(&unsub.summary_id));
    assert_eq!(ar.lookup(&unsub.summary_id), Some(unsub.summary.as_str()));
}

#[test]
fn a_file_written_by_a_translator_loads_from_plain_fluent() {
    let src = "imap-status-greeting = HELLO-XX\n\
               imap-code-trycreate = TRY-XX { $code }\n";
    let xx = Language::from_ftl("xx", src).unwrap();
    assert_eq!(xx.code(), "xx");
    let list = explain_line_in(
        &xx,
        Protocol::Imap,
        "* OK ready",
        &Context::new(Protocol::Imap),
    );
    assert_eq!(list[0].text, "HELLO-XX");
    let list = explain_line_in(
        &xx,
        Protocol::Imap,
        "a1 NO [TRYCREATE] no",
        &Context::default(),
    );
    // Not English: the placeable is isolated (FSI ... PDI).
    assert!(
        list.iter()
            .any(|e| e.text == "TRY-XX \u{2068}TRYCREATE\u{2069}"),
        "{list:?}"
    );
    // Bad files are refused with a message naming the line, not a panic.
    let err = Language::from_ftl("xx", "imap-code-x = ok\nimap-code-y = {\n").unwrap_err();
    assert!(err.to_string().contains("line 2"), "{err}");
    assert!(Language::from_ftl("xx", "imap.code.x = dotted ids are not Fluent").is_err());
}

#[test]
fn numbers_take_the_languages_plural_forms() {
    // CLDR: Arabic has six plural categories, English two.
    let ar = Language::from_ftl(
        "ar",
        "n = { $count ->\n\
         [zero] لا رسائل\n\
         [one] رسالة واحدة\n\
         [two] رسالتان\n\
         [few] { $count } رسائل\n\
         [many] { $count } رسالة\n\
        *[other] { $count } رسالة\n\
         }\n",
    )
    .unwrap();
    let n = |k: u64| plain(&ar.render("n", &[("count", k.into())]).unwrap());
    assert_eq!(n(1), "رسالة واحدة");
    assert_eq!(n(2), "رسالتان");
    assert_eq!(n(6), "6 رسائل");
    assert_eq!(n(11), "11 رسالة");
    // A number passed as text does not choose a form: the default one shows.
    let as_text = text::Arg::Str("1".into());
    assert_eq!(
        plain(&ar.render("n", &[("count", as_text)]).unwrap()),
        "1 رسالة"
    );
    // A whole number's text given to `text` counts as a number.
    assert_eq!(
        plain(&ar.text("n", &[("count", "1")]).unwrap()),
        "رسالة واحدة"
    );
    let en = Language::from_ftl(
        "en",
        "n = { $count ->\n [one] one message\n*[other] { $count } messages\n}\n",
    )
    .unwrap();
    assert_eq!(
        en.render("n", &[("count", 1u64.into())]).unwrap(),
        "one message"
    );
    assert_eq!(
        en.render("n", &[("count", 0u64.into())]).unwrap(),
        "0 messages"
    );
}

#[test]
fn english_has_no_bidi_marks_and_every_english_text_renders() {
    let en = text::english();
    assert!(en.len() > 600, "{}", en.len());
    for id in en.ids() {
        let vars = en.variables(id).unwrap();
        let args: Vec<(&str, text::Arg)> = vars.iter().map(|v| (v.as_str(), "V".into())).collect();
        let out = en.render(id, &args).unwrap();
        assert!(
            !out.chars()
                .any(|c| matches!(c, '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')),
            "{id}: {out:?}"
        );
        assert!(
            !out.contains("{$"),
            "{id}: a placeable was not filled: {out}"
        );
        assert!(!out.trim().is_empty(), "{id} is empty");
    }
}
