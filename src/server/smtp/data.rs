//! The DATA phase (RFC 5321 §4.1.1.4, §4.5.2): undoes dot-stuffing, ends only on
//! `CRLF.CRLF`, and turns bare-LF line ends into CRLF.
//!
//! A `.` line that ends, or follows a line that ends, in a bare LF does *not* end the
//! message: accepting `LF.LF` or `LF.CRLF` as the end is what made SMTP smuggling
//! possible (Postfix closed it in 2023 the same way). Such a line is message content.

use super::lines::find_lf;

/// RFC 5321 §4.5.3.1.6: a text line is at most 1000 octets including CRLF.
pub(crate) const MAX_TEXT_LINE: usize = 1000;

/// Decodes the bytes of one DATA phase into the message.
#[derive(Debug)]
pub(crate) struct DataReader {
    /// Where the message goes; may already hold trace headers.
    pub(crate) message: Vec<u8>,
    /// Octets of content received (after unstuffing), counted even once discarded.
    pub(crate) size: usize,
    /// Largest content size kept; beyond it the content is dropped.
    limit: usize,
    /// The previous line ended in CRLF (the DATA command line counts).
    prev_crlf: bool,
    /// Part of the current line was already moved into `message`.
    continuation: bool,
    /// Octets of the current line seen so far (wire form).
    line_len: usize,
    /// Number of the current line (1-based).
    line_no: usize,
    /// The first line longer than [`MAX_TEXT_LINE`].
    pub(crate) long_line: Option<usize>,
    /// Some line ended in a bare LF.
    pub(crate) bare_lf: bool,
}

impl DataReader {
    /// A reader appending to `message` (which may hold trace headers already).
    /// `after_crlf` says whether the DATA command itself ended in CRLF.
    pub(crate) fn new(message: Vec<u8>, limit: usize, after_crlf: bool) -> Self {
        DataReader {
            message,
            size: 0,
            limit,
            prev_crlf: after_crlf,
            continuation: false,
            line_len: 0,
            line_no: 1,
            long_line: None,
            bare_lf: false,
        }
    }

    /// Whether the content went over the size limit.
    pub(crate) fn too_big(&self) -> bool {
        self.size > self.limit
    }

    fn append(&mut self, bytes: &[u8]) {
        self.size = self.size.saturating_add(bytes.len());
        if self.size > self.limit {
            if !self.message.is_empty() {
                // Stop holding memory for a message that will be refused anyway.
                self.message = Vec::new();
            }
            return;
        }
        self.message.extend_from_slice(bytes);
    }

    /// Consumes what it can of `data`; returns the bytes consumed and whether the
    /// terminating `.` line was reached (the bytes after it are not consumed).
    pub(crate) fn feed(&mut self, data: &[u8]) -> (usize, bool) {
        let mut pos = 0;
        while pos < data.len() {
            let rest = &data[pos..];
            let Some(i) = find_lf(rest) else {
                // An incomplete line: keep it unless it is already long, then move all
                // but a trailing CR (which may belong to the CRLF) into the message.
                if self.line_len + rest.len() > MAX_TEXT_LINE {
                    let take = if rest.ends_with(b"\r") {
                        rest.len() - 1
                    } else {
                        rest.len()
                    };
                    if take > 0 {
                        self.take_piece(&rest[..take]);
                        pos += take;
                    }
                }
                return (pos, false);
            };
            let crlf = i > 0 && rest[i - 1] == b'\r';
            let content = if crlf { &rest[..i - 1] } else { &rest[..i] };
            if !self.continuation && content == b"." && crlf && self.prev_crlf {
                return (pos + i + 1, true);
            }
            let total = self.line_len + i + 1;
            self.take_piece(content);
            self.append(b"\r\n");
            if total > MAX_TEXT_LINE && self.long_line.is_none() {
                self.long_line = Some(self.line_no);
            }
            self.bare_lf |= !crlf;
            self.prev_crlf = crlf;
            self.continuation = false;
            self.line_len = 0;
            self.line_no += 1;
            pos += i + 1;
        }
        (pos, false)
    }

    /// Moves part or all of a line's content into the message, undoing dot-stuffing at
    /// the start of the line (RFC 5321 §4.5.2).
    fn take_piece(&mut self, piece: &[u8]) {
        self.line_len += piece.len();
        let piece = if !self.continuation && piece.first() == Some(&b'.') {
            &piece[1..]
        } else {
            piece
        };
        self.continuation = true;
        self.append(piece);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(chunks: &[&[u8]]) -> (Vec<u8>, usize, bool) {
        let mut r = DataReader::new(Vec::new(), 1 << 20, true);
        let mut pending = Vec::new();
        for c in chunks {
            pending.extend_from_slice(c);
            let (n, end) = r.feed(&pending);
            pending.drain(..n);
            if end {
                return (r.message, pending.len(), true);
            }
        }
        (r.message, pending.len(), false)
    }

    #[test]
    fn unstuffs_and_ends_on_crlf_dot_crlf() {
        let (m, left, end) = run(&[b"Subject: x\r\n\r\n..hidden dot\r\n.\r\nQUIT\r\n"]);
        assert!(end);
        assert_eq!(m, b"Subject: x\r\n\r\n.hidden dot\r\n");
        assert_eq!(left, 6);
    }

    #[test]
    fn lf_dot_lf_does_not_end_the_message() {
        let (m, _, end) = run(&[b"a\n.\nMAIL FROM:<x@y>\n"]);
        assert!(!end, "LF.LF must not end DATA");
        assert_eq!(m, b"a\r\n\r\nMAIL FROM:<x@y>\r\n");
        let (_, _, end) = run(&[b"a\n.\r\n"]);
        assert!(!end, "LF.CRLF must not end DATA");
        let (_, _, end) = run(&[b"a\r\n.\n"]);
        assert!(!end, "CRLF.LF must not end DATA");
    }

    #[test]
    fn long_lines_are_noticed_in_any_chunking() {
        let mut line = vec![b'.'; 1500];
        line.extend_from_slice(b"\r\n.\r\n");
        let (whole, _, end) = run(&[&line]);
        assert!(end);
        let chunks: Vec<&[u8]> = line.chunks(7).collect();
        let (pieces, _, end2) = run(&chunks);
        assert!(end2);
        assert_eq!(whole, pieces);
        assert_eq!(whole.len(), 1499 + 2);
        let mut r = DataReader::new(Vec::new(), 1 << 20, true);
        r.feed(&line);
        assert_eq!(r.long_line, Some(1));
    }
}
