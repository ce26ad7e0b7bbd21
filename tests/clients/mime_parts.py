"""Writes the decoded payload of every leaf MIME part of a message file.

usage: mime_parts.py MESSAGE.eml OUTDIR

Each part goes to OUTDIR/NAME, NAME being the part's filename (Content-Disposition
filename, else Content-Type name) or part-K.bin. One line per part on stdout:
`part K TYPE NAME SIZE`. Also prints `subject ...` and `from ...`, decoded
(RFC 2047).
"""
import email
import email.header
import os
import sys


def decoded(value):
    """A header value with its RFC 2047 encoded words decoded, unfolded."""
    text = str(email.header.make_header(email.header.decode_header(value)))
    return " ".join(text.split())


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], "rb") as f:
        # As the course notes' code parses what imaplib fetched: message_from_bytes
        # with the default (compat32) policy, so decoded payloads keep their CRLF
        # line ends (message_from_binary_file would turn them into LF).
        msg = email.message_from_bytes(f.read())
    outdir = sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    print("subject", decoded(msg.get("Subject", "")))
    print("from", decoded(msg.get("From", "")))
    for k, part in enumerate(msg.walk()):
        if part.is_multipart():
            continue
        name = part.get_filename() or part.get_param("name") or "part-%d.bin" % k
        name = os.path.basename(str(name))
        data = part.get_payload(decode=True) or b""
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
        print("part", k, part.get_content_type(), name, len(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
