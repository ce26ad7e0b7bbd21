//! Splitting client bytes into command lines, shared by the SMTP and POP3 sessions.
//!
//! Lines end in LF; a CR before it is removed. A line longer than the limit is not
//! buffered: its bytes are dropped as they arrive and one [`Line::TooLong`] is returned
//! when its LF finally comes, so memory stays bounded and the reply does not depend on
//! how the network chunked the bytes.

/// One line taken from the input.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line<'a> {
    /// A complete line, without its line end.
    Text {
        text: &'a [u8],
        /// The line ended in a bare LF instead of CRLF (RFC 5321 §2.3.8).
        bare_lf: bool,
    },
    /// A line longer than the limit (its bytes were dropped).
    TooLong,
}

/// Command-line splitter with the state needed to skip an overlong line.
#[derive(Debug, Default)]
pub(crate) struct LineSplitter {
    discarding: bool,
}

impl LineSplitter {
    /// Takes the next line from `data`. Returns how many bytes were consumed and the
    /// line, if one is complete. `limit` counts the whole line including its line end.
    /// `(0, None)` means: wait for more bytes.
    pub(crate) fn next<'a>(&mut self, data: &'a [u8], limit: usize) -> (usize, Option<Line<'a>>) {
        match find_lf(data) {
            Some(i) => {
                let consumed = i + 1;
                if std::mem::take(&mut self.discarding) || consumed > limit {
                    return (consumed, Some(Line::TooLong));
                }
                let bare_lf = i == 0 || data[i - 1] != b'\r';
                let end = if bare_lf { i } else { i - 1 };
                (
                    consumed,
                    Some(Line::Text {
                        text: &data[..end],
                        bare_lf,
                    }),
                )
            }
            None if self.discarding || data.len() >= limit => {
                self.discarding = true;
                (data.len(), None)
            }
            None => (0, None),
        }
    }

    /// Forgets a half-skipped line (after a TLS upgrade or a phase change).
    pub(crate) fn reset(&mut self) {
        self.discarding = false;
    }
}

/// Position of the first LF.
pub(crate) fn find_lf(data: &[u8]) -> Option<usize> {
    data.iter().position(|&b| b == b'\n')
}

/// Splits a command line into its verb and the rest (after the first run of spaces).
pub(crate) fn split_verb(line: &str) -> (&str, &str) {
    match line.split_once(' ') {
        Some((verb, rest)) => (verb, rest.trim_start_matches(' ')),
        None => (line, ""),
    }
}

/// Describes the first control character in a line, if any (NUL, CR …); TAB is allowed.
pub(crate) fn control_char(line: &[u8]) -> Option<String> {
    line.iter()
        .find(|&&b| (b < 0x20 && b != b'\t') || b == 0x7f)
        .map(|&b| match b {
            0 => "a NUL byte (0x00)".to_string(),
            b'\r' => "a bare CR (0x0d)".to_string(),
            other => crate::tr_en!(
                "server.smtp.control_character",
                other = format!("{:02x}", other)
            ),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_bare_lf_lines() {
        let mut s = LineSplitter::default();
        assert_eq!(
            s.next(b"NOOP\r\nQUIT\n", 512),
            (
                6,
                Some(Line::Text {
                    text: b"NOOP",
                    bare_lf: false
                })
            )
        );
        assert_eq!(
            s.next(b"QUIT\n", 512),
            (
                5,
                Some(Line::Text {
                    text: b"QUIT",
                    bare_lf: true
                })
            )
        );
        assert_eq!(s.next(b"QU", 512), (0, None));
    }

    #[test]
    fn overlong_line_is_dropped_once_whatever_the_chunking() {
        let long = [b'x'; 20];
        let mut s = LineSplitter::default();
        assert_eq!(s.next(&long, 10), (20, None));
        assert_eq!(s.next(b"yy", 10), (2, None));
        assert_eq!(s.next(b"z\r\nNOOP\r\n", 10), (3, Some(Line::TooLong)));
        assert_eq!(
            s.next(b"NOOP\r\n", 10),
            (
                6,
                Some(Line::Text {
                    text: b"NOOP",
                    bare_lf: false
                })
            )
        );
        // The same line in one piece.
        let mut whole = long.to_vec();
        whole.extend_from_slice(b"yyz\r\n");
        assert_eq!(
            LineSplitter::default().next(&whole, 10),
            (25, Some(Line::TooLong))
        );
    }
}
