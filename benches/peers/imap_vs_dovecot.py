"""IMAP: maillab vs Dovecot on one large mailbox, in one run on one machine.

Builds a Maildir of N messages (default 100,000) on tmpfs, loads it into
`maillab serve --fixture` and into a private Dovecot (mail_fsync = never, its
index warmed by one untimed pass), then alternates the two, ROUNDS times
(default 5), timing over one logged-in connection each:

  SELECT INBOX, UID FETCH 1:* (FLAGS), FETCH 1:* ENVELOPE, SEARCH TEXT <word>

and prints the median of each, and Dovecot's time divided by maillab's (above 1:
maillab is faster). Both servers must give the same SEARCH result.

usage: python3 benches/peers/imap_vs_dovecot.py [--messages N] [--rounds R] [--workdir DIR]
Needs root (Dovecot's mail user), Dovecot (tests/peers/install.sh) and a release
build of maillab (or MAILLAB_BIN).
"""
import argparse
import os
import shutil
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peerlib as pl  # noqa: E402

OPS = [
    ("SELECT", "SELECT INBOX"),
    ("UID FETCH 1:* (FLAGS)", "UID FETCH 1:* (FLAGS)"),
    ("FETCH 1:* ENVELOPE", "FETCH 1:* ENVELOPE"),
    ("SEARCH TEXT", "SEARCH TEXT zebra"),
]


def one_pass(port, user, password):
    """Times every op over one connection; returns {op: seconds}, search result."""
    c = pl.RawImap(port)
    c.must("LOGIN %s %s" % (user, password))
    times, search = {}, None
    for name, cmd in OPS:
        t, buf = c.must(cmd)
        times[name] = t
        if name == "SEARCH TEXT":
            for line in bytes(buf).split(b"\r\n"):
                if line.startswith(b"* SEARCH"):
                    search = line.split()[2:]
        if name == "SELECT" and b"EXISTS" not in buf:
            pl.die("SELECT gave no EXISTS")
    c.close()
    return times, search


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--messages", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--workdir", default="/dev/shm")
    ap.add_argument("--servers", default="maillab,dovecot",
                    help="comma-separated subset of maillab,dovecot (for checking one side)")
    args = ap.parse_args()
    wanted = set(args.servers.split(","))

    work = pl.workdir(args.workdir, "bench-imap-")
    maillab = dovecot = None
    try:
        t0 = time.monotonic()
        # A folder with an alex/ subfolder: --fixture loads it into alex's INBOX only.
        fixture = os.path.join(work, "source")
        src = os.path.join(fixture, "alex")
        hits = pl.write_maildir(src, args.messages)
        print("mailbox: %d messages (%d MB), %d hold the search word; written in %.1f s"
              % (args.messages, sum(os.path.getsize(os.path.join(src, "cur", f))
                                    for f in os.listdir(os.path.join(src, "cur"))) // 2**20,
                 hits, time.monotonic() - t0))

        servers = []
        if "maillab" in wanted:
            t0 = time.monotonic()
            maillab = pl.Maillab(work, fixture=fixture)
            print("maillab loaded the fixture in %.1f s" % (time.monotonic() - t0))
            servers.append(("maillab", maillab.ports["imap"]))
        if "dovecot" in wanted:
            dovecot = pl.Dovecot(os.path.join(work, "dovecot"), extra="mail_fsync = never\n")
            dst = dovecot.maildir("alex")
            shutil.rmtree(dst)
            shutil.copytree(src, dst)
            uid, gid = pl.mail_uid_gid()
            pl.chown_tree(os.path.dirname(dst), uid, gid)
            servers.append(("dovecot", dovecot.imap))
        # Untimed warm-up: Dovecot builds its index and cache, maillab parses.
        # Two passes: Dovecot decides what to cache on first use and fills it on the next.
        for name, port in servers:
            for _ in range(2):
                t0 = time.monotonic()
                one_pass(port, "alex", "drums")
                print("warm-up %s: %.1f s" % (name, time.monotonic() - t0), flush=True)

        results = {name: {op: [] for op, _ in OPS} for name, _ in servers}
        searches = {}
        for r in range(args.rounds):
            order = servers if r % 2 == 0 else list(reversed(servers))
            for name, port in order:
                times, search = one_pass(port, "alex", "drums")
                searches.setdefault(name, search)
                for op, t in times.items():
                    results[name][op].append(t)
            print("round %d done" % (r + 1), flush=True)

        if len(searches) < 2:
            pass
        elif searches["maillab"] != searches["dovecot"]:
            print("WARNING: SEARCH results differ: maillab %d hits, dovecot %d hits"
                  % (len(searches["maillab"] or []), len(searches["dovecot"] or [])))
        else:
            print("SEARCH TEXT: both found %d messages" % len(searches["maillab"] or []))

        print()
        print("%-24s %12s %12s %10s   (median of %d rounds)" % ("operation", "maillab", "dovecot", "ratio", args.rounds))
        nan = {op: [] for op, _ in OPS}
        for op, _ in OPS:
            m = pl.median(results.get("maillab", nan)[op])
            d = pl.median(results.get("dovecot", nan)[op])
            print("%-24s %12s %12s %9.2fx" % (op, pl.fmt_s(m), pl.fmt_s(d), d / m if m else float("nan")))
        print("ratio = Dovecot time / maillab time (above 1: maillab is faster)")
        if maillab:
            print("maillab PSS after the runs: %d MiB" % (maillab.pss_kib() // 1024))
    finally:
        if maillab:
            maillab.stop()
        if dovecot:
            dovecot.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
