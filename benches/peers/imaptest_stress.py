"""imaptest's stress mode against maillab and Dovecot: logins per second.

Runs Dovecot's imaptest (not part of this repository: build it yourself and point
IMAPTEST at the binary; it needs LD_LIBRARY_PATH=/usr/lib/dovecot) in its default
stress profile with 10 clients for SECS seconds (default 30) against
`maillab serve` and a private Dovecot (Maildir on tmpfs, mail_fsync = never),
alternating ROUNDS times (default 2). Prints each run's totals, the logins per
second, and whether imaptest reported errors.

usage: IMAPTEST=/path/to/imaptest python3 benches/peers/imaptest_stress.py [--secs S] [--rounds R]
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peerlib as pl  # noqa: E402


def source_mbox(path, count=500):
    """An mbox that imaptest APPENDs messages from."""
    rnd = random.Random(5)
    with open(path, "wb") as f:
        for i in range(count):
            raw = pl.make_message(i, rnd)
            f.write(b"From sender@example.org Sat Oct 10 10:00:00 2026\r\n")
            f.write(raw.replace(b"\r\nFrom ", b"\r\n>From "))
            f.write(b"\r\n")


def run(binary, port, secs, mbox, log):
    env = dict(os.environ)
    env["LD_LIBRARY_PATH"] = "/usr/lib/dovecot" + (":" + env["LD_LIBRARY_PATH"] if env.get("LD_LIBRARY_PATH") else "")
    cmd = [binary, "host=127.0.0.1", "port=%d" % port, "user=alex", "pass=drums",
           "secs=%d" % secs, "clients=10", "mbox=" + mbox]
    with open(log, "w") as out:
        r = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, timeout=secs + 120,
                           cwd=os.path.dirname(mbox), env=env)
    text = open(log, errors="replace").read()
    m = re.search(r"Totals:\n(.*)\n.*\n.*\n(.*)\n", text)
    if not m:
        pl.die("no totals in imaptest output (exit %d), see %s" % (r.returncode, log))
    names, counts = m.group(1).split(), [int(x) for x in m.group(2).split()]
    totals = dict(zip(names, counts))
    errors = [l for l in text.splitlines() if re.search(r"error|panic|BAD|unexpected", l, re.I)]
    return totals, errors


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--secs", type=int, default=30)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--workdir", default="/dev/shm")
    ap.add_argument("--servers", default="maillab,dovecot")
    args = ap.parse_args()
    binary = os.environ.get("IMAPTEST")
    if not binary or not os.access(binary, os.X_OK):
        pl.die("set IMAPTEST to Dovecot's imaptest binary")
    wanted = args.servers.split(",")
    work = pl.workdir(args.workdir, "bench-imaptest-")
    maillab = dovecot = None
    try:
        mbox = os.path.join(work, "source.mbox")
        source_mbox(mbox)
        servers = []
        if "maillab" in wanted:
            maillab = pl.Maillab(work)
            servers.append(("maillab", maillab.ports["imap"]))
        if "dovecot" in wanted:
            dovecot = pl.Dovecot(os.path.join(work, "dovecot"), extra="mail_fsync = never\n")
            servers.append(("dovecot", dovecot.imap))
        rates = {n: [] for n, _ in servers}
        for r in range(args.rounds):
            for name, port in (servers if r % 2 == 0 else servers[::-1]):
                log = os.path.join(args.workdir, "imaptest-%s-%d.log" % (name, r + 1))
                totals, errors = run(binary, port, args.secs, mbox, log)
                rate = totals.get("Logi", 0) / args.secs
                rates[name].append(rate)
                print("round %d %-8s %6.1f logins/s  totals %s  error lines: %d (%s)"
                      % (r + 1, name, rate, " ".join("%s=%d" % kv for kv in totals.items()),
                         len(errors), log), flush=True)
                for e in errors[:5]:
                    print("    " + e)
        print()
        med = {n: pl.median(v) for n, v in rates.items()}
        for name, _ in servers:
            print("%-8s median %.1f logins/s" % (name, med[name]))
        if len(med) == 2 and med["dovecot"]:
            print("maillab / dovecot: %.2fx" % (med["maillab"] / med["dovecot"]))
    finally:
        if maillab:
            maillab.stop()
        if dovecot:
            dovecot.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
