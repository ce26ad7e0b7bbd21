"""SMTP ingest: maillab vs aiosmtpd (Sink) vs Postfix (to Maildir) vs a canned
responder, in one run on one machine.

Postfix's smtp-source drives each target with 10 KB messages over loopback
(default: -s 8 sessions, -m 2000 messages, -l 10240 bytes, -d: several messages
per connection), alternating the targets ROUNDS times (default 5). Prints the
median messages per second of each, and maillab's ratio to each.

- maillab: `maillab serve`, recipient alex@maillab.test (stored in memory);
- aiosmtpd: `python3 -m aiosmtpd -c aiosmtpd.handlers.Sink` (stores nothing);
- Postfix: tests/peers/postfix.sh, delivering to Maildir on tmpfs; after its run
  the benchmark waits for the queue to drain (time reported) so its delivery
  work does not overlap the next target's run;
- canned: canned_smtp.rs, replies only (the loopback ceiling). It is compiled
  with rustc on first use.

usage: python3 benches/peers/smtp_ingest.py [--rounds R] [--messages M] [--sessions S] [--size BYTES]
Needs root, Postfix and Dovecot (tests/peers/install.sh), aiosmtpd (pip), a release
build of maillab, rustc.
"""
import argparse
import os
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peerlib as pl  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def smtp_source(port, args):
    cmd = ["smtp-source", "-4", "-d", "-s", str(args.sessions), "-m", str(args.messages),
           "-l", str(args.size), "-M", "client.example", "-f", "bench@example.org",
           "-t", "alex@maillab.test", "127.0.0.1:%d" % port]
    t0 = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    elapsed = time.perf_counter() - t0
    if r.returncode != 0 or r.stderr.strip():
        pl.die("smtp-source to port %d failed (%d): %s" % (port, r.returncode, r.stderr.strip()[:500]))
    return args.messages / elapsed


def canned_binary(work):
    out = os.path.join(work, "canned_smtp")
    r = subprocess.run(["rustc", "-O", "--edition", "2021", os.path.join(HERE, "canned_smtp.rs"), "-o", out],
                       capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        pl.die("cannot build canned_smtp.rs: " + r.stderr)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--messages", type=int, default=2000)
    ap.add_argument("--sessions", type=int, default=8)
    ap.add_argument("--size", type=int, default=10240)
    ap.add_argument("--workdir", default="/dev/shm")
    ap.add_argument("--targets", default="maillab,aiosmtpd,postfix,canned")
    args = ap.parse_args()
    wanted = args.targets.split(",")
    if not shutil.which("smtp-source"):
        pl.die("smtp-source not found (Debian's postfix package; tests/peers/install.sh)")

    work = pl.workdir(args.workdir, "bench-smtp-")
    procs, stops = [], []
    try:
        targets = []
        postfix = None
        if "maillab" in wanted:
            m = pl.Maillab(work)
            stops.append(m.stop)
            targets.append(("maillab", m.ports["smtp"]))
        if "aiosmtpd" in wanted:
            (port,) = pl.free_ports(1)
            p = subprocess.Popen([sys.executable, "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:%d" % port,
                                  "-c", "aiosmtpd.handlers.Sink"], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
            procs.append(p)
            pl.wait_port(port, p)
            targets.append(("aiosmtpd", port))
        if "postfix" in wanted:
            dovecot = pl.Dovecot(os.path.join(work, "dovecot"), extra="mail_fsync = never\n")
            stops.append(dovecot.stop)
            postfix = pl.Postfix(os.path.join(work, "postfix"), dovecot)
            stops.append(postfix.stop)
            targets.append(("postfix", postfix.smtp))
        if "canned" in wanted:
            (port,) = pl.free_ports(1)
            p = subprocess.Popen([canned_binary(work), str(port)], stdin=subprocess.DEVNULL)
            procs.append(p)
            pl.wait_port(port, p)
            targets.append(("canned", port))

        # One untimed warm-up run each (first connections, page faults, Postfix's processes).
        for name, port in targets:
            smtp_source(port, argparse.Namespace(**dict(vars(args), messages=min(args.messages, 200))))
        if postfix:
            drain(postfix)

        rates = {name: [] for name, _ in targets}
        drains = []
        for r in range(args.rounds):
            order = targets[r % len(targets):] + targets[:r % len(targets)]
            for name, port in order:
                rate = smtp_source(port, args)
                rates[name].append(rate)
                extra = ""
                if name == "postfix":
                    d = drain(postfix)
                    drains.append(d)
                    extra = " (queue drained %.2f s later)" % d
                print("round %d %-9s %8.0f msg/s%s" % (r + 1, name, rate, extra), flush=True)

        print()
        print("SMTP ingest, smtp-source -s %d -m %d -l %d, median of %d rounds:"
              % (args.sessions, args.messages, args.size, args.rounds))
        med = {name: pl.median(v) for name, v in rates.items()}
        for name, _ in targets:
            print("  %-9s %8.0f msg/s" % (name, med[name]))
        if "maillab" in med:
            for other in ("aiosmtpd", "postfix", "canned"):
                if other in med:
                    print("  maillab / %-9s %6.2fx" % (other, med["maillab"] / med[other]))
        if drains:
            print("  postfix: delivery to Maildir finished a median %.2f s after smtp-source" % pl.median(drains))
    finally:
        for p in procs:
            p.terminate()
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
        for stop in reversed(stops):
            stop()
        shutil.rmtree(work, ignore_errors=True)


def drain(postfix, secs=300):
    t0 = time.monotonic()
    while not postfix.queue_empty():
        if time.monotonic() - t0 > secs:
            pl.die("Postfix queue not empty after %d s" % secs)
        time.sleep(0.05)
    return time.monotonic() - t0


if __name__ == "__main__":
    main()
