//! Feeds arbitrary bytes to the MIME parser and every accessor FETCH and SEARCH use.
//! Any panic is a bug; so is a section longer than the message it was cut from.
#![no_main]

use libfuzzer_sys::fuzz_target;
use maillab::store::mime::{ParsedMessage, SectionText};

fuzz_target!(|raw: &[u8]| {
    let parsed = ParsedMessage::parse(raw);
    let _ = parsed.envelope(raw);
    let _ = parsed.body_structure(raw, true);
    let _ = parsed.body_structure(raw, false);
    for name in ["subject", "from", "to", "cc", "bcc", "date", "message-id"] {
        let _ = parsed.header_values(raw, name);
    }
    let _ = parsed.sent_date(raw);
    let _ = parsed.body_text(raw);
    let texts = [
        SectionText::Full,
        SectionText::Header,
        SectionText::Text,
        SectionText::Mime,
        SectionText::HeaderFields(vec!["From".into(), "subject".into()]),
        SectionText::HeaderFieldsNot(vec!["content-type".into()]),
    ];
    let paths: [&[u32]; 8] = [&[], &[1], &[2], &[1, 1], &[1, 2], &[2, 1, 1], &[3, 1, 2, 1], &[0]];
    for path in paths {
        for text in &texts {
            if let Some(bytes) = parsed.section(raw, path, text) {
                // HEADER.FIELDS may add the blank line a header without one lacks.
                assert!(bytes.len() <= raw.len() + 4);
            }
        }
    }
});
