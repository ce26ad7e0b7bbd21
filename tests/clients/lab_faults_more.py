# More faults injected by `maillab serve --faults` as Python's mail libraries meet
# them: delays, connections dropped inside DATA or a FETCH literal, a mailbox over
# quota, rules for one user or one client address, seeded random faults.
# Each check prints one line "NAME: what the library reported", for
# tests/serve_faults_more.rs to read. Usage: lab_faults_more.py PORTS_JSON MODE
# (SSL_CERT_FILE names the lab CA). The server runs with the test's plan for MODE.
import imaplib, json, poplib, smtplib, ssl, sys, time
from labkit import host, port, ports, report  # noqa: F401

mode = sys.argv[2]
ctx = ssl.create_default_context()

def err(e):
    return f'{type(e).__name__} {e}'

def stored(user, password, subject):
    """How many of the user's INBOX messages have this subject."""
    m = imaplib.IMAP4_SSL(host, port('imaps'), ssl_context=ctx)
    m.login(user, password)
    m.select('INBOX', readonly=True)
    typ, data = m.search(None, 'SUBJECT', subject)
    m.logout()
    return len(data[0].split())

def send(subject, src='127.0.0.1'):
    rcpt = 'riley@maillab.test'
    s = smtplib.SMTP(host, port('smtp'), timeout=10, source_address=(src, 0))
    try:
        s.sendmail('bob@gmail.com', [rcpt], f'Subject: {subject}\r\n\r\nhello\r\n')
        return 'sent'
    except Exception as e:
        if isinstance(e, smtplib.SMTPResponseException):
            return f'{e.smtp_code} {e.smtp_error.decode()}'
        return type(e).__name__
    finally:
        try:
            s.close()
        except Exception:
            pass

if mode == 'delay':
    # smtp NOOP 1 delay 1.5: the first NOOP answers 1.5 s late, the second at once.
    s = smtplib.SMTP(host, port('smtp'), timeout=10)
    for n in (1, 2):
        t = time.monotonic()
        code, _ = s.noop()
        report(f'noop-{n}', f'{code} {"slow" if time.monotonic() - t >= 1.4 else "fast"}')
    s.quit()

elif mode == 'drops':
    # From 127.0.0.2 DATA drops after the 354, from 127.0.0.3 before the 250.
    report('after-354', send('drop-354', '127.0.0.2'))
    report('before-250', send('drop-250', '127.0.0.3'))
    report('third', send('drop-ok'))
    report('stored', f'{stored("riley", "firefly", "drop-354")} '
                     f'{stored("riley", "firefly", "drop-250")} '
                     f'{stored("riley", "firefly", "drop-ok")}')
    # imap FETCH 1 drop-mid-literal: the body arrives cut and the connection closes.
    m = imaplib.IMAP4_SSL(host, port('imaps'), ssl_context=ctx)
    m.login('riley', 'firefly')
    m.select('INBOX', readonly=True)
    try:
        typ, data = m.fetch('1', '(BODY.PEEK[])')
        report('fetch', f'{typ} whole')
    except Exception as e:
        report('fetch', type(e).__name__)

elif mode == 'quota':
    # imaps APPEND * overquota, imaps COPY * overquota, smtp DATA * overquota.
    m = imaplib.IMAP4_SSL(host, port('imaps'), ssl_context=ctx)
    m.login('riley', 'firefly')
    typ, data = m.append('INBOX', None, None, b'Subject: quota-append\r\n\r\nbig\r\n')
    report('append', f'{typ} {data[0].decode()}')
    m.select('INBOX')
    typ, data = m.copy('1', 'INBOX')
    report('copy', f'{typ} {data[0].decode()}')
    typ, data = m.noop()
    report('after', typ)
    m.logout()
    report('data', send('quota-data'))
    report('stored', f'{stored("riley", "firefly", "quota-append")} '
                     f'{stored("riley", "firefly", "quota-data")}')

elif mode == 'selectors':
    # user=alex imaps SELECT * reply NO [ALERT] ...: alex is refused, riley is not.
    for user, password in (('alex', 'drums'), ('riley', 'firefly')):
        m = imaplib.IMAP4_SSL(host, port('imaps'), ssl_context=ctx)
        m.login(user, password)
        typ, data = m.select('INBOX')
        report(f'select-{user}', f'{typ} {data[0].decode()}')
        m.logout()
    # user=alex submission MAIL * reply 550 ...: every MAIL FROM of alex, after AUTH.
    for user, password in (('alex', 'drums'), ('riley', 'firefly')):
        s = smtplib.SMTP(host, port('submission'), timeout=10)
        s.starttls(context=ctx)
        s.login(user, password)
        for n in (1, 2):
            try:
                s.sendmail(f'{user}@maillab.test', ['bob@gmail.com'],
                           f'Subject: sel-{user}-{n}\r\n\r\nhi\r\n')
                report(f'mail-{user}-{n}', 'sent')
            except smtplib.SMTPSenderRefused as e:
                report(f'mail-{user}-{n}', f'{e.smtp_code} {e.smtp_error.decode()}')
        s.quit()
    # from=127.0.0.2 smtp greeting * reply 421 ...: only that address is refused.
    for src in ('127.0.0.2', '127.0.0.1'):
        try:
            s = smtplib.SMTP(host, port('smtp'), timeout=10, source_address=(src, 0))
            report(f'greeting-{src}', 'accepted')
            s.quit()
        except smtplib.SMTPConnectError as e:
            report(f'greeting-{src}', f'{e.smtp_code} {e.smtp_error.decode()}')

elif mode == 'random':
    # imaps NOOP * random 50% reply NO ...: the pattern of refusals over two sessions.
    for session in (1, 2):
        m = imaplib.IMAP4_SSL(host, port('imaps'), ssl_context=ctx)
        m.login('riley', 'firefly')
        pattern = ''
        for n in range(24):
            typ, data = m.noop()
            pattern += 'x' if typ == 'NO' else '.'
        report(f'pattern-{session}', pattern)
        m.logout()

elif mode == 'ctl':
    # Before and after `maillab ctl faults add imaps NOOP * reply NO ...` (by the test).
    m = imaplib.IMAP4_SSL(host, port('imaps'), ssl_context=ctx)
    m.login('riley', 'firefly')
    typ, data = m.noop()
    report(f'noop-{sys.argv[3]}', f'{typ} {data[0].decode()}')
    m.logout()
