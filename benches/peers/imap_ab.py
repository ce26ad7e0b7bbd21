"""IMAP: two builds of maillab side by side on one large mailbox, in one run.

For telling a real regression from a busy machine: both binaries load the same
Maildir fixture (default 100,000 messages, as imap_vs_dovecot.py), then the two are
timed alternately, ROUNDS times (default 7), over one logged-in, selected connection
each, the client reading every reply whole before the next command. Prints the median
and the spread of each command for both, and the ratio (A time / B time: above 1,
B is faster). Both must answer with the same octets.

usage: python3 benches/peers/imap_ab.py A_BINARY B_BINARY [--messages N] [--rounds R]
       [--command 'UID FETCH 1:* (FLAGS)' ...] [--workdir DIR]
No root and no Dovecot needed.
"""
import argparse
import os
import shutil
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peerlib as pl  # noqa: E402

DEFAULT_COMMANDS = ["UID FETCH 1:* (FLAGS)", "FETCH 1:* ENVELOPE"]


def strip_tag(buf):
    """The reply without its last (tagged) line, which names the client's tag."""
    body = bytes(buf)
    nl = body.rfind(b"\r\n", 0, len(body) - 2)
    return body[: nl + 2] if nl >= 0 else b""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--messages", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--command", action="append", dest="commands")
    ap.add_argument("--workdir", default="/dev/shm")
    args = ap.parse_args()
    commands = args.commands or DEFAULT_COMMANDS

    work = pl.workdir(args.workdir, "bench-ab-")
    servers = []
    try:
        fixture = os.path.join(work, "source")
        pl.write_maildir(os.path.join(fixture, "alex"), args.messages)
        for name, binary in (("A", args.a), ("B", args.b)):
            t0 = time.monotonic()
            m = pl.Maillab(work, fixture=fixture, binary=binary)
            servers.append((name, m))
            print("%s (%s) loaded the fixture in %.1f s" % (name, binary, time.monotonic() - t0), flush=True)
        conns = {}
        for name, m in servers:
            c = pl.RawImap(m.ports["imap"])
            c.must("LOGIN alex drums")
            c.must("SELECT INBOX")
            for cmd in commands:  # untimed warm-up (parse caches)
                c.must(cmd)
            conns[name] = c
        times = {(n, cmd): [] for n, _ in servers for cmd in commands}
        for r in range(args.rounds):
            order = servers if r % 2 == 0 else servers[::-1]
            for cmd in commands:
                replies = {}
                for name, _ in order:
                    t, buf = conns[name].must(cmd)
                    times[(name, cmd)].append(t)
                    replies[name] = strip_tag(buf)
                if replies["A"] != replies["B"]:
                    print("WARNING: %s: the two replies differ (%d vs %d octets)"
                          % (cmd, len(replies["A"]), len(replies["B"])))
            print("round %d done (load %s)" % (r + 1, os.getloadavg()[0]), flush=True)
        print()
        print("%-26s %22s %22s %8s" % ("command (median, min-max)", "A", "B", "A/B"))
        for cmd in commands:
            cells = []
            for name, _ in servers:
                xs = times[(name, cmd)]
                cells.append("%s (%s-%s)" % (pl.fmt_s(pl.median(xs)), pl.fmt_s(min(xs)), pl.fmt_s(max(xs))))
            ratio = pl.median(times[("A", cmd)]) / pl.median(times[("B", cmd)])
            print("%-26s %22s %22s %7.2fx" % (cmd, cells[0], cells[1], ratio))
        for c in conns.values():
            c.close()
    finally:
        for _, m in servers:
            m.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
