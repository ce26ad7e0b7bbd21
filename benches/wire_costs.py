"""What each protocol costs on the wire, measured by the lab server itself.

Starts `maillab serve --stats-file` on free loopback ports, runs the scenarios of
course note 002's comparison with Python's poplib/imaplib/smtplib and raw sockets,
and prints the Markdown table of docs/wire-costs.md from the server's statistics
(octets on the wire and of protocol text, commands, round trips).

usage: python3 benches/wire_costs.py [path/to/maillab]   (default target/debug/maillab)
"""
import email.mime.application
import email.mime.multipart
import email.mime.text
import imaplib
import json
import os
import poplib
import smtplib
import socket
import ssl
import subprocess
import sys
import tempfile
import time

MAILLAB = sys.argv[1] if len(sys.argv) > 1 else "target/debug/maillab"
N = 20


def wait_file(path, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        try:
            with open(path) as f:
                return json.load(f)
        except (OSError, ValueError):
            time.sleep(0.05)
    raise SystemExit(f"no {path}")


def message(i):
    m = email.mime.multipart.MIMEMultipart()
    m["From"] = "alex@maillab.test"
    m["To"] = "riley@maillab.test"
    m["Subject"] = f"Lab report {i}"
    m.attach(email.mime.text.MIMEText(f"Report number {i}, see the attachment.\n" * 3))
    m.attach(email.mime.application.MIMEApplication(bytes(range(256)) * 8, Name=f"data{i}.bin"))
    return m.as_string()


def raw_smtp(host, port, pipelining):
    s = socket.create_connection((host, port), timeout=20)
    f = s.makefile("rb")

    def reply():
        while True:
            line = f.readline()
            if line[3:4] != b"-":
                return line

    reply()
    s.sendall(b"EHLO bench.example\r\n")
    reply()
    cmds = [b"MAIL FROM:<bench@example.org>\r\n", b"RCPT TO:<riley@maillab.test>\r\n", b"DATA\r\n"]
    if pipelining:
        s.sendall(b"".join(cmds))
        for _ in cmds:
            reply()
    else:
        for c in cmds:
            s.sendall(c)
            reply()
    body = message(0).replace("\n", "\r\n").encode()
    s.sendall(body + b"\r\n.\r\n")
    reply()
    s.sendall(b"QUIT\r\n")
    reply()
    s.close()


def main():
    work = tempfile.mkdtemp()
    ports_file = os.path.join(work, "ports.json")
    stats_file = os.path.join(work, "stats.json")
    ca = os.path.join(work, "ca.pem")
    args = [MAILLAB, "serve", "--quiet", "--ports-file", ports_file, "--ca-out", ca,
            "--stats-file", stats_file]
    for name in ["imap", "pop3", "smtp", "submission"]:
        args += [f"--{name}", "127.0.0.1:0"]
    env = dict(os.environ, MAILLAB_DATA_DIR=os.path.join(work, "data"))
    server = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL)
    try:
        ports = wait_file(ports_file)
        hp = lambda n: (ports[n].rsplit(":", 1)[0], int(ports[n].rsplit(":", 1)[1]))
        # The 20 messages, delivered to riley (not measured).
        s = smtplib.SMTP(*hp("smtp"))
        for i in range(N):
            s.sendmail("alex@maillab.test", ["riley@maillab.test"], message(i + 1))
        s.quit()
        p = poplib.POP3(*hp("pop3"))
        p.user("riley")
        p.pass_("firefly")
        total = p.stat()[0]
        p.quit()
        first = total - N + 1
        labels = []

        def scenario(label, run):
            before = len(wait_file(stats_file)["sessions"])
            run()
            end = time.time() + 20
            while len(wait_file(stats_file)["sessions"]) <= before and time.time() < end:
                time.sleep(0.05)
            labels.append(label)

        def pop3_all():
            p = poplib.POP3(*hp("pop3"))
            p.user("riley")
            p.pass_("firefly")
            for n in range(first, total + 1):
                p.retr(n)
            p.quit()

        def imap(items):
            def run():
                m = imaplib.IMAP4(*hp("imap"))
                m.login("riley", "firefly")
                m.select("INBOX", readonly=True)
                m.fetch(f"{first}:{total}", items)
                m.logout()
            return run

        def submit(tls):
            def run():
                s = smtplib.SMTP(*hp("submission"))
                if tls:
                    s.starttls(context=ssl.create_default_context(cafile=ca))
                s.login("alex", "drums")
                s.sendmail("alex@maillab.test", ["riley@maillab.test"], message(0))
                s.quit()
            return run

        scenario(f"POP3: RETR of {N} messages", pop3_all)
        scenario(f"IMAP: FETCH {N} whole messages (BODY.PEEK[])", imap("(BODY.PEEK[])"))
        scenario(f"IMAP: FETCH {N} headers (BODY.PEEK[HEADER])", imap("(BODY.PEEK[HEADER])"))
        scenario(f"IMAP: FETCH the text part of {N} (BODY.PEEK[1])", imap("(BODY.PEEK[1])"))
        scenario("SMTP: one message, PIPELINING (MAIL, RCPT, DATA in one flight)",
                 lambda: raw_smtp(*hp("smtp"), True))
        scenario("SMTP: one message, each command waited for",
                 lambda: raw_smtp(*hp("smtp"), False))
        scenario("Submission: AUTH + one message, no TLS", submit(False))
        scenario("Submission: STARTTLS + AUTH + one message", submit(True))
        sessions = wait_file(stats_file)["sessions"][-len(labels):]
        print("| scenario | commands | round trips | text in | text out | wire in | wire out |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for label, s in zip(labels, sessions):
            print(f"| {label} | {s['commands']} | {s['round_trips']} | {s['text_in']} | "
                  f"{s['text_out']} | {s['wire_in']} | {s['wire_out']} |")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
