"""Writes the decoded payload of every leaf MIME part of a message file.

usage: mime_parts.py MESSAGE.eml OUTDIR

Each part goes to OUTDIR/NAME, NAME being the part's filename (Content-Disposition
filename, else Content-Type name) or part-K.bin. One line per part on stdout:
`part K TYPE NAME SIZE`. Also prints `subject ...` and `from ...`, decoded
(RFC 2047).
"""
import email
import email.policy
import os
import sys


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    outdir = sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    print("subject", msg.get("Subject", ""))
    print("from", msg.get("From", ""))
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
