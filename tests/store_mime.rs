//! ENVELOPE, BODYSTRUCTURE, sections and SEARCH look-ups of `store::mime`, checked
//! against IMAP strings worked out by hand from RFC 3501 §7.4.2 and §6.4.5.

use maillab::store::mime::{ParsedMessage, SectionText};

fn crlf(s: &str) -> Vec<u8> {
    s.replace('\n', "\r\n").into_bytes()
}

fn section(raw: &[u8], part: &[u32], text: SectionText) -> Option<String> {
    ParsedMessage::parse(raw)
        .section(raw, part, &text)
        .map(|v| String::from_utf8(v).expect("test sections are UTF-8"))
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The example message of RFC 3501 §8, with a body of our own.
const SIMPLE: &str = "Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)
From: Fred Foobar <foobar@Blurdybloop.COM>
Subject: afternoon meeting
To: mooch@owatagu.siam.edu
Message-Id: <B27397-0100000@Blurdybloop.COM>
MIME-Version: 1.0
Content-Type: TEXT/PLAIN; CHARSET=US-ASCII

Hello Joe, do you think we can meet at 3:30 tomorrow?
";

#[test]
fn rfc3501_example_envelope_and_body() {
    let raw = crlf(SIMPLE);
    let p = ParsedMessage::parse(&raw);
    assert_eq!(
        p.envelope(&raw),
        "(\"Mon, 7 Feb 1994 21:52:25 -0800 (PST)\" \"afternoon meeting\" \
         ((\"Fred Foobar\" NIL \"foobar\" \"Blurdybloop.COM\")) \
         ((\"Fred Foobar\" NIL \"foobar\" \"Blurdybloop.COM\")) \
         ((\"Fred Foobar\" NIL \"foobar\" \"Blurdybloop.COM\")) \
         ((NIL NIL \"mooch\" \"owatagu.siam.edu\")) NIL NIL NIL \
         \"<B27397-0100000@Blurdybloop.COM>\")"
    );
    assert_eq!(
        p.body_structure(&raw, false),
        "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 55 1)"
    );
    assert_eq!(
        p.body_structure(&raw, true),
        "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 55 1 NIL NIL NIL NIL)"
    );
    assert_eq!(
        p.sent_date(&raw).map(|d| d.to_rfc3339()),
        Some("1994-02-07T21:52:25-08:00".to_string())
    );
    assert_eq!(p.header_values(&raw, "SUBJECT"), vec!["afternoon meeting"]);
    assert_eq!(
        p.body_text(&raw),
        "Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n"
    );
}

#[test]
fn single_part_sections() {
    let raw = crlf(SIMPLE);
    let body = "Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n";
    assert_eq!(
        section(&raw, &[], SectionText::Full).unwrap().as_bytes(),
        &raw[..]
    );
    assert_eq!(section(&raw, &[], SectionText::Text).unwrap(), body);
    // Part 1 of a message that is not multipart is its body (RFC 3501 §6.4.5).
    assert_eq!(section(&raw, &[1], SectionText::Full).unwrap(), body);
    assert_eq!(section(&raw, &[2], SectionText::Full), None);
    assert_eq!(section(&raw, &[1, 1], SectionText::Full), None);
    assert_eq!(section(&raw, &[0], SectionText::Full), None);
    assert_eq!(section(&raw, &[], SectionText::Mime), None);
    // HEADER of a part that is not a message does not exist.
    assert_eq!(section(&raw, &[1], SectionText::Header), None);
    let header = section(&raw, &[], SectionText::Header).unwrap();
    assert!(header.starts_with("Date: Mon, 7 Feb"));
    assert!(header.ends_with("CHARSET=US-ASCII\r\n\r\n"));
    assert_eq!(header.len() + body.len(), raw.len());
    assert_eq!(
        section(
            &raw,
            &[],
            SectionText::HeaderFields(names(&["to", "FROM", "x-absent"]))
        )
        .unwrap(),
        "From: Fred Foobar <foobar@Blurdybloop.COM>\r\nTo: mooch@owatagu.siam.edu\r\n\r\n"
    );
    assert_eq!(
        section(&raw, &[], SectionText::HeaderFields(names(&["x-absent"]))).unwrap(),
        "\r\n"
    );
    assert_eq!(
        section(
            &raw,
            &[],
            SectionText::HeaderFieldsNot(names(&[
                "date",
                "message-id",
                "mime-version",
                "content-type"
            ]))
        )
        .unwrap(),
        "From: Fred Foobar <foobar@Blurdybloop.COM>\r\nSubject: afternoon meeting\r\n\
         To: mooch@owatagu.siam.edu\r\n\r\n"
    );
}

/// multipart/mixed with text, a forwarded message (itself multipart/alternative)
/// and a PDF with every kind of extension data.
const NESTED: &str = "From: Omar Haddad <omar@maillab.test>
To: riley@maillab.test
Subject: Fwd: schedule
Date: Wed, 4 Mar 2026 08:05:17 +0000
Message-ID: <fwd-1@maillab.test>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary=\"outer\"

preamble is not a part
--outer
Content-Type: text/plain; charset=utf-8

See below.
--outer
Content-Type: message/rfc822
Content-Description: forwarded message

From: Dana Lee <dana@maillab.test>
Subject: schedule
Date: Tue, 3 Mar 2026 10:00:00 +0000
Content-Type: multipart/alternative; boundary=inner

--inner
Content-Type: text/plain

plain version
--inner
Content-Type: text/html; charset=us-ascii
Content-Transfer-Encoding: quoted-printable

<p>html=20version</p>
--inner--
--outer
Content-Type: application/pdf; name=\"a.pdf\"
Content-Transfer-Encoding: base64
Content-Disposition: attachment; filename=\"a.pdf\"
Content-ID: <pdf1@maillab.test>
Content-Language: en, ar
Content-Location: http://maillab.test/a.pdf
Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==

JVBERi0xLjQK
--outer--
epilogue
";

const DANA_ENVELOPE: &str = "(\"Tue, 3 Mar 2026 10:00:00 +0000\" \"schedule\" \
    ((\"Dana Lee\" NIL \"dana\" \"maillab.test\")) ((\"Dana Lee\" NIL \"dana\" \"maillab.test\")) \
    ((\"Dana Lee\" NIL \"dana\" \"maillab.test\")) NIL NIL NIL NIL NIL)";

#[test]
fn nested_multipart_bodystructure() {
    let raw = crlf(NESTED);
    let p = ParsedMessage::parse(&raw);
    let expected = format!(
        "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" 10 0 NIL NIL NIL NIL)\
         (\"MESSAGE\" \"RFC822\" NIL NIL \"forwarded message\" \"7BIT\" 331 {DANA_ENVELOPE} \
         ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 13 0 NIL NIL NIL NIL)\
         (\"TEXT\" \"HTML\" (\"CHARSET\" \"us-ascii\") NIL NIL \"QUOTED-PRINTABLE\" 21 0 NIL NIL NIL NIL) \
         \"ALTERNATIVE\" (\"BOUNDARY\" \"inner\") NIL NIL NIL) 14 NIL NIL NIL NIL)\
         (\"APPLICATION\" \"PDF\" (\"NAME\" \"a.pdf\") \"<pdf1@maillab.test>\" NIL \"BASE64\" 12 \
         \"Q2hlY2sgSW50ZWdyaXR5IQ==\" (\"ATTACHMENT\" (\"FILENAME\" \"a.pdf\")) (\"en\" \"ar\") \
         \"http://maillab.test/a.pdf\") \
         \"MIXED\" (\"BOUNDARY\" \"outer\") NIL NIL NIL)"
    );
    assert_eq!(p.body_structure(&raw, true), expected);
    let expected_body = format!(
        "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" 10 0)\
         (\"MESSAGE\" \"RFC822\" NIL NIL \"forwarded message\" \"7BIT\" 331 {DANA_ENVELOPE} \
         ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 13 0)\
         (\"TEXT\" \"HTML\" (\"CHARSET\" \"us-ascii\") NIL NIL \"QUOTED-PRINTABLE\" 21 0) \
         \"ALTERNATIVE\") 14)\
         (\"APPLICATION\" \"PDF\" (\"NAME\" \"a.pdf\") \"<pdf1@maillab.test>\" NIL \"BASE64\" 12) \
         \"MIXED\")"
    );
    assert_eq!(p.body_structure(&raw, false), expected_body);
}

#[test]
fn nested_multipart_sections() {
    let raw = crlf(NESTED);
    use SectionText::*;
    // The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
    assert_eq!(section(&raw, &[1], Full).unwrap(), "See below.");
    assert_eq!(
        section(&raw, &[1], Mime).unwrap(),
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
    );
    let forwarded = section(&raw, &[2], Full).unwrap();
    assert!(forwarded.starts_with("From: Dana Lee <dana@maillab.test>\r\n"));
    assert!(forwarded.ends_with("<p>html=20version</p>\r\n--inner--"));
    assert_eq!(forwarded.len(), 331);
    assert_eq!(
        section(&raw, &[2], Header).unwrap(),
        "From: Dana Lee <dana@maillab.test>\r\nSubject: schedule\r\n\
         Date: Tue, 3 Mar 2026 10:00:00 +0000\r\n\
         Content-Type: multipart/alternative; boundary=inner\r\n\r\n"
    );
    assert_eq!(
        section(&raw, &[2], HeaderFields(names(&["subject"]))).unwrap(),
        "Subject: schedule\r\n\r\n"
    );
    assert!(section(&raw, &[2], Text)
        .unwrap()
        .starts_with("--inner\r\n"));
    assert_eq!(
        section(&raw, &[2], Mime).unwrap(),
        "Content-Type: message/rfc822\r\nContent-Description: forwarded message\r\n\r\n"
    );
    // Parts of the forwarded message are numbered below its part number.
    assert_eq!(section(&raw, &[2, 1], Full).unwrap(), "plain version");
    assert_eq!(
        section(&raw, &[2, 2], Full).unwrap(),
        "<p>html=20version</p>"
    );
    assert_eq!(
        section(&raw, &[2, 2], Mime).unwrap(),
        "Content-Type: text/html; charset=us-ascii\r\n\
         Content-Transfer-Encoding: quoted-printable\r\n\r\n"
    );
    assert_eq!(section(&raw, &[2, 3], Full), None);
    assert_eq!(section(&raw, &[2, 1, 1], Full), None);
    assert_eq!(section(&raw, &[3], Full).unwrap(), "JVBERi0xLjQK");
    assert_eq!(section(&raw, &[3], Text), None);
    assert_eq!(section(&raw, &[4], Full), None);
    assert_eq!(section(&raw, &[1, 1], Full), None);
    assert_eq!(
        section(
            &raw,
            &[],
            HeaderFieldsNot(names(&["from", "TO", "content-type", "mime-version"]))
        )
        .unwrap(),
        "Subject: Fwd: schedule\r\nDate: Wed, 4 Mar 2026 08:05:17 +0000\r\n\
         Message-ID: <fwd-1@maillab.test>\r\n\r\n"
    );
    // Whole sections put back together give the message.
    let whole = section(&raw, &[], Full).unwrap();
    assert_eq!(whole.as_bytes(), &raw[..]);
}

#[test]
fn nested_body_text_decodes_and_skips_binary() {
    let raw = crlf(NESTED);
    let text = ParsedMessage::parse(&raw).body_text(&raw);
    assert!(text.contains("See below."));
    assert!(
        text.contains("Subject: schedule"),
        "nested headers are body text"
    );
    assert!(text.contains("plain version"));
    assert!(
        text.contains("<p>html version</p>"),
        "quoted-printable decoded: {text}"
    );
    assert!(!text.contains("JVBERi0"), "binary parts are not searched");
    assert!(!text.contains("preamble"), "the preamble is not a part");
}

const ADDRESSES: &str =
    "From: =?UTF-8?B?2YbZiNix?= <noor@maillab.test>, \"Doe, John\" <john@x.example> (work)
To: undisclosed-recipients:;
Cc: team: a@x.example, Bob <b@y.example>;, carol@z.example (Carol C)
Bcc: <@relay.example,@r2.example:dave@w.example>
Sender: 
Reply-To: alex
Subject: =?iso-8859-1?Q?caf=E9?= and \"quotes\" \\ back
\tfolded
In-Reply-To: <a@b>

body
";

#[test]
fn envelope_addresses_groups_routes_and_raw_encoded_words() {
    let raw = crlf(ADDRESSES);
    let p = ParsedMessage::parse(&raw);
    let from = "((\"=?UTF-8?B?2YbZiNix?=\" NIL \"noor\" \"maillab.test\")\
                (\"Doe, John\" NIL \"john\" \"x.example\"))";
    let expected = format!(
        "(NIL \"=?iso-8859-1?Q?caf=E9?= and \\\"quotes\\\" \\\\ back folded\" \
         {from} {from} ((NIL NIL \"alex\" \"MISSING_DOMAIN\")) \
         ((NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)) \
         ((NIL NIL \"team\" NIL)(NIL NIL \"a\" \"x.example\")(\"Bob\" NIL \"b\" \"y.example\")\
         (NIL NIL NIL NIL)(\"Carol C\" NIL \"carol\" \"z.example\")) \
         ((NIL \"@relay.example,@r2.example\" \"dave\" \"w.example\")) \"<a@b>\" NIL)"
    );
    assert_eq!(p.envelope(&raw), expected);
    // SEARCH sees decoded values.
    assert_eq!(
        p.header_values(&raw, "subject"),
        vec!["café and \"quotes\" \\ back\tfolded"]
    );
    assert_eq!(
        p.header_values(&raw, "From"),
        vec!["نور <noor@maillab.test>, \"Doe, John\" <john@x.example> (work)"]
    );
    assert_eq!(p.header_values(&raw, "x-absent"), Vec::<String>::new());
    assert_eq!(p.sent_date(&raw), None);
}

#[test]
fn unusual_addresses_as_dovecot_gives_them() {
    let raw = b"From: alex@maillab.test (Alex M), Jo <>, \"a b\"@x.example\r\nTo: <bare@x>\r\n\r\n";
    let p = ParsedMessage::parse(raw);
    let from = "((\"Alex M\" NIL \"alex\" \"maillab.test\")(\"Jo\" NIL \"MISSING_MAILBOX\" \"MISSING_DOMAIN\")\
                (NIL NIL \"a b\" \"x.example\"))";
    assert_eq!(
        p.envelope(raw),
        format!("(NIL NIL {from} {from} {from} ((NIL NIL \"bare\" \"x\")) NIL NIL NIL NIL)")
    );
}

#[test]
fn eight_bit_values_become_literals() {
    let raw = "Subject: مرحبا\r\nFrom: \"نور\" <n@maillab.test>\r\n\r\nhi".as_bytes();
    let p = ParsedMessage::parse(raw);
    let env = p.envelope(raw);
    assert!(
        env.starts_with("(NIL {10}\r\nمرحبا (({6}\r\nنور NIL \"n\" \"maillab.test\"))"),
        "{env}"
    );
    assert_eq!(p.header_values(raw, "subject"), vec!["مرحبا"]);
}

#[test]
fn missing_headers_and_default_content_type() {
    let raw = b"X-Note: nothing else\r\n\r\nbody line\r\n";
    let p = ParsedMessage::parse(raw);
    assert_eq!(p.envelope(raw), "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)");
    // RFC 2045 §5.2: text/plain; charset=us-ascii.
    assert_eq!(
        p.body_structure(raw, true),
        "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 11 1 NIL NIL NIL NIL)"
    );
}

#[test]
fn header_without_body() {
    let raw = b"Subject: no blank line\r\nX: y";
    let p = ParsedMessage::parse(raw);
    assert_eq!(
        p.envelope(raw),
        "(NIL \"no blank line\" NIL NIL NIL NIL NIL NIL NIL NIL)"
    );
    assert_eq!(
        section(raw, &[], SectionText::Header).unwrap(),
        "Subject: no blank line\r\nX: y"
    );
    assert_eq!(section(raw, &[], SectionText::Text).unwrap(), "");
    assert_eq!(section(raw, &[1], SectionText::Full).unwrap(), "");
}

#[test]
fn bare_lf_input() {
    let raw = b"Content-Type: multipart/mixed; boundary=b\nSubject: lf\n\n--b\nContent-Type: text/plain\n\nline1\nline2\n--b\n\npart two\n--b--\n";
    let p = ParsedMessage::parse(raw);
    assert_eq!(
        p.body_structure(raw, false),
        "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 11 1)\
         (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 8 0) \"MIXED\")"
    );
    assert_eq!(
        section(raw, &[1], SectionText::Full).unwrap(),
        "line1\nline2"
    );
    assert_eq!(section(raw, &[2], SectionText::Full).unwrap(), "part two");
    assert_eq!(section(raw, &[2], SectionText::Mime).unwrap(), "\n");
    assert_eq!(
        section(raw, &[], SectionText::HeaderFields(names(&["subject"]))).unwrap(),
        "Subject: lf\n\n"
    );
    assert_eq!(
        p.envelope(raw),
        "(NIL \"lf\" NIL NIL NIL NIL NIL NIL NIL NIL)"
    );
}

#[test]
fn multipart_without_delimiters_is_one_part() {
    let raw = b"Content-Type: multipart/mixed\r\n\r\nno boundary at all\r\n";
    let p = ParsedMessage::parse(raw);
    assert_eq!(
        p.body_structure(raw, true),
        "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 20 1 NIL NIL NIL NIL) \
         \"MIXED\" NIL NIL NIL NIL)"
    );
    assert_eq!(
        section(raw, &[1], SectionText::Full).unwrap(),
        "no boundary at all\r\n"
    );
}

#[test]
fn digest_parts_default_to_messages() {
    let raw = b"Content-Type: multipart/digest; boundary=d\r\n\r\n--d\r\n\r\nSubject: in digest\r\n\r\ndigest body\r\n--d--\r\n";
    let p = ParsedMessage::parse(raw);
    assert_eq!(
        p.body_structure(raw, false),
        "((\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 33 \
         (NIL \"in digest\" NIL NIL NIL NIL NIL NIL NIL NIL) \
         (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 11 0) 2) \"DIGEST\")"
    );
    assert_eq!(
        section(raw, &[1, 1], SectionText::Full).unwrap(),
        "digest body"
    );
    assert_eq!(
        section(raw, &[1], SectionText::Header).unwrap(),
        "Subject: in digest\r\n\r\n"
    );
}

#[test]
fn encoded_message_part_still_has_envelope_and_body() {
    let raw = b"Content-Type: multipart/mixed; boundary=m\r\n\r\n--m\r\n\
        Content-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n\
        U3ViamVjdDogaGkNCg0KYm9keQ==\r\n--m--\r\n";
    let p = ParsedMessage::parse(raw);
    assert_eq!(
        p.body_structure(raw, false),
        "((\"MESSAGE\" \"RFC822\" NIL NIL NIL \"BASE64\" 28 \
         (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) \
         (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 0 0) 0) \"MIXED\")"
    );
    // Its octets are still there to fetch; it has no parts of its own.
    assert_eq!(
        section(raw, &[1], SectionText::Full).unwrap(),
        "U3ViamVjdDogaGkNCg0KYm9keQ=="
    );
    assert_eq!(section(raw, &[1, 1], SectionText::Full), None);
}

#[test]
fn non_ascii_parameters_come_back_in_rfc2231_form() {
    let raw = "Content-Type: multipart/mixed; boundary=m\r\n\r\n--m\r\n\
        Content-Type: application/pdf; name*=iso-8859-1''caf%E9.pdf\r\n\
        Content-Disposition: attachment; filename=\"درس.pdf\"\r\n\r\nJVBERi0=\r\n--m--\r\n"
        .as_bytes();
    let p = ParsedMessage::parse(raw);
    assert_eq!(
        p.body_structure(raw, true),
        "((\"APPLICATION\" \"PDF\" (\"NAME*\" \"utf-8''caf%C3%A9.pdf\") NIL NIL \"7BIT\" 8 NIL \
         (\"ATTACHMENT\" (\"FILENAME*\" \"utf-8''%D8%AF%D8%B1%D8%B3.pdf\")) NIL NIL) \
         \"MIXED\" (\"BOUNDARY\" \"m\") NIL NIL NIL)"
    );
}

#[test]
fn body_text_undoes_transfer_encoding_and_charset() {
    let raw = b"Content-Type: text/plain; charset=iso-8859-1\r\n\
        Content-Transfer-Encoding: quoted-printable\r\n\r\ncaf=E9 cr=E8me\r\n";
    assert_eq!(ParsedMessage::parse(raw).body_text(raw), "café crème\r\n");
    let raw = b"Content-Type: text/plain; charset=utf-8\r\n\
        Content-Transfer-Encoding: base64\r\n\r\n2YXYsdit2KjYpw==\r\n";
    assert_eq!(ParsedMessage::parse(raw).body_text(raw), "مرحبا");
}

#[test]
fn sent_date_with_offset() {
    let raw = b"Date: Thu, 5 Mar 2026 12:40:09 +0300\r\n\r\n";
    let d = ParsedMessage::parse(raw).sent_date(raw).unwrap();
    assert_eq!(d.to_rfc3339(), "2026-03-05T12:40:09+03:00");
    let raw = b"Date: yesterday-ish\r\n\r\n";
    assert_eq!(ParsedMessage::parse(raw).sent_date(raw), None);
}

/// Big hostile fields cost linear time, not quadratic.
#[test]
fn huge_address_fields_stay_fast() {
    let mut raw = b"From: <".to_vec();
    raw.extend(std::iter::repeat_n(b',', 400_000));
    raw.extend_from_slice(b"\r\nTo: ");
    raw.extend(std::iter::repeat_n(b"a@b, ".iter().copied(), 50_000).flatten());
    raw.extend_from_slice(b"\r\nCc: ");
    raw.extend(std::iter::repeat_n(b'(', 200_000));
    raw.extend_from_slice(b"\r\n\r\nbody\r\n");
    let started = std::time::Instant::now();
    let p = ParsedMessage::parse(&raw);
    let env = p.envelope(&raw);
    assert!(env.contains("((NIL NIL \"a\" \"b\")(NIL NIL \"a\" \"b\")"));
    let _ = p.header_values(&raw, "to");
    // Generous even for an unoptimized build on a busy machine; quadratic work on
    // these fields would take minutes.
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

/// Every accessor on hostile input: no panic, and output that stays balanced.
#[test]
fn garbage_never_panics() {
    let mut inputs: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"\r\n".to_vec(),
        b"\n\n\n".to_vec(),
        b"\x00\xff garbage\n\n--x\n".to_vec(),
        b":\r\n: :\r\n\r\n".to_vec(),
        b"From: <<<@@@,,,;;;:::>>>\"\r\nTo: (((\r\nCc: \"\\\r\n\r\n".to_vec(),
        b"Content-Type: multipart/mixed; boundary=\"\"\r\n\r\n--\r\n----\r\n".to_vec(),
        b"Content-Type: message/rfc822\r\n\r\n".to_vec(),
        b"Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\nContent-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\n--a--".to_vec(),
    ];
    // Deep nesting: multiparts inside message/rfc822 inside multiparts ...
    let mut deep = b"x".to_vec();
    for i in 0..200 {
        let mut outer = format!(
            "Content-Type: multipart/mixed; boundary=b{i}\r\n\r\n--b{i}\r\nContent-Type: message/rfc822\r\n\r\n"
        )
        .into_bytes();
        outer.extend_from_slice(&deep);
        outer.extend_from_slice(format!("\r\n--b{i}--\r\n").as_bytes());
        deep = outer;
    }
    inputs.push(deep);
    // A pseudo-random byte soup built from header-ish pieces (fixed seed).
    let pieces: [&[u8]; 12] = [
        b"Content-Type: multipart/mixed; boundary=z\r\n",
        b"--z\r\n",
        b"--z--\r\n",
        b"\r\n",
        b"\n",
        b"Content-Type: message/rfc822\r\n",
        b"From: a@b, (c) <d@e>;\r\n",
        b"Subject: =?utf-8?b?2YU=?=\r\n",
        b" folded\r\n",
        b"\xff\x00\"\\",
        b"Content-Transfer-Encoding: base64\r\n",
        b"Content-Type: text/plain; charset*=utf-8''%D9%85\r\n",
    ];
    let mut seed = 0x2545_f491_u32;
    for _ in 0..300 {
        let mut v = Vec::new();
        for _ in 0..40 {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            v.extend_from_slice(pieces[(seed % 12) as usize]);
        }
        inputs.push(v);
    }
    for raw in &inputs {
        let p = ParsedMessage::parse(raw);
        for s in [
            p.envelope(raw),
            p.body_structure(raw, true),
            p.body_structure(raw, false),
        ] {
            assert!(well_formed(s.as_bytes()), "{s:?}");
        }
        let _ = p.header_values(raw, "from");
        let _ = p.sent_date(raw);
        let _ = p.body_text(raw);
        for part in [&[][..], &[1], &[1, 1], &[2, 1, 1], &[u32::MAX]] {
            for t in [
                SectionText::Full,
                SectionText::Header,
                SectionText::Text,
                SectionText::Mime,
                SectionText::HeaderFields(names(&["from"])),
                SectionText::HeaderFieldsNot(names(&["from"])),
            ] {
                if let Some(bytes) = p.section(raw, part, &t) {
                    assert!(bytes.len() <= raw.len() + 2);
                }
            }
        }
    }
}

/// Whether text is one parenthesized IMAP list of NIL, numbers, atoms, quoted
/// strings and literals (RFC 3501 §9), with every literal's count right.
fn well_formed(s: &[u8]) -> bool {
    if s.contains(&0) {
        return false;
    }
    let mut depth = 0usize;
    let mut i = 0;
    let mut seen_top = false;
    while i < s.len() {
        match s[i] {
            b'(' => {
                if depth == 0 && seen_top {
                    return false;
                }
                depth += 1;
                seen_top = true;
                i += 1;
            }
            b')' => {
                if depth == 0 {
                    return false;
                }
                depth -= 1;
                i += 1;
            }
            b' ' => i += 1,
            b'"' => {
                i += 1;
                loop {
                    match s.get(i) {
                        None | Some(b'\r') | Some(b'\n') => return false,
                        Some(b'\\') => {
                            if !matches!(s.get(i + 1), Some(b'"') | Some(b'\\')) {
                                return false;
                            }
                            i += 2;
                        }
                        Some(b'"') => {
                            i += 1;
                            break;
                        }
                        Some(_) => i += 1,
                    }
                }
            }
            b'{' => {
                let Some(close) = s[i..].iter().position(|&b| b == b'}') else {
                    return false;
                };
                let Ok(n) = std::str::from_utf8(&s[i + 1..i + close])
                    .unwrap_or("x")
                    .parse::<usize>()
                else {
                    return false;
                };
                if s.get(i + close + 1..i + close + 3) != Some(b"\r\n") {
                    return false;
                }
                i += close + 3 + n;
                if i > s.len() {
                    return false;
                }
            }
            b if b.is_ascii_alphanumeric() => {
                while i < s.len() && s[i].is_ascii_alphanumeric() {
                    i += 1;
                }
            }
            _ => return false,
        }
    }
    depth == 0 && seen_top
}

#[test]
fn grammar_checker_rejects_broken_syntax() {
    assert!(well_formed(b"(NIL \"a\\\"b\" {3}\r\nabc 12)"));
    assert!(!well_formed(b"(NIL"));
    assert!(!well_formed(b"(\"a\rb\")"));
    assert!(!well_formed(b"({5}\r\nabc)"));
    assert!(!well_formed(b"(a)(b)"));
    assert!(!well_formed(b"({1}\r\n\0)"));
}

#[test]
fn parsed_messages_can_be_shared_between_sessions() {
    fn shareable<T: Send + Sync + Clone + 'static>() {}
    shareable::<ParsedMessage>();
}
