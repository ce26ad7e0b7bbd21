# Faults injected by `maillab serve --faults` as Python's mail libraries meet them.
# Each check prints one line "NAME: what the library reported", for
# tests/serve_faults.rs to read. Usage: lab_faults.py PORTS_JSON (SSL_CERT_FILE
# names the lab CA). The server runs with tests/serve_faults.rs's plan.
import imaplib, json, poplib, smtplib, ssl, sys
from labkit import host, port, ports, report  # noqa: F401

ctx = ssl.create_default_context()

if sys.argv[2:] == ['grey']:
    # Greylisting: refused at first, accepted a second later, on a new connection.
    import time
    for n in (1, 2):
        s = smtplib.SMTP(host, port('smtp'))
        try:
            s.sendmail('bob@gmail.com', ['riley@maillab.test'], 'Subject: grey\r\n\r\nhi\r\n')
            report(f'grey-{n}', 'sent')
        except smtplib.SMTPRecipientsRefused as e:
            code, text = e.recipients['riley@maillab.test']
            report(f'grey-{n}', f'{code} {text.decode()}')
        s.quit()
        time.sleep(1.2)
    m = imaplib.IMAP4_SSL(host, port('imaps'), ssl_context=ctx)
    m.login('riley', 'firefly')
    m.select('INBOX', readonly=True)
    typ, data = m.search(None, 'SUBJECT', 'grey')
    report('grey-stored', len(data[0].split()))
    m.logout()
    sys.exit(0)

# smtp: the 2nd RCPT of a connection is refused, the 2nd MAIL FROM is greylisted.
s = smtplib.SMTP(host, port('smtp'))
refused = s.sendmail('bob@gmail.com', ['alex@maillab.test', 'riley@maillab.test'],
                     'Subject: fault-one\r\n\r\nhello\r\n')
for rcpt, (code, text) in refused.items():
    report('rcpt-refused', f'{rcpt} {code} {text.decode()}')
try:
    s.sendmail('bob@gmail.com', ['riley@maillab.test'], 'Subject: fault-two\r\n\r\nhello\r\n')
    report('mail-2', 'sent')
except smtplib.SMTPSenderRefused as e:
    report('mail-2', f'{e.smtp_code} {e.smtp_error.decode()}')
s.rset()
s.sendmail('bob@gmail.com', ['riley@maillab.test'], 'Subject: fault-three\r\n\r\nhello\r\n')
report('mail-3', 'sent')
s.quit()

# What was stored: alex has fault-one; riley has fault-three only.
def subjects(user, password):
    m = imaplib.IMAP4_SSL(host, port('imaps'), ssl_context=ctx)
    m.login(user, password)
    m.select('INBOX', readonly=True)
    typ, data = m.search(None, 'SUBJECT', 'fault-')
    got = []
    for n in data[0].split():
        typ, d = m.fetch(n, '(BODY.PEEK[HEADER.FIELDS (SUBJECT)])')
        got.append(d[0][1].decode().strip().split(': ', 1)[1])
    m.logout()
    return ','.join(got) or 'none'
report('alex-has', subjects('alex', 'drums'))
report('riley-has', subjects('riley', 'firefly'))

# imap (plain): the greeting refuses.
try:
    m = imaplib.IMAP4(host, port('imap'))
    report('imap-greeting', f'accepted {m.welcome!r}')
except Exception as e:
    report('imap-greeting', f'{type(e).__name__} {e}')

# imaps: SELECT gets an [ALERT] NO; EXAMINE still works.
m = imaplib.IMAP4_SSL(host, port('imaps'), ssl_context=ctx)
m.login('riley', 'firefly')
typ, data = m.select('INBOX')
report('imap-select', f'{typ} {data[0].decode()}')
typ, data = m.select('INBOX', readonly=True)
report('imap-examine', f'{typ} {data[0].decode()}')
m.logout()

# pop3: the connection drops at the first RETR.
p = poplib.POP3(host, port('pop3'))
p.user('riley')
p.pass_('firefly')
try:
    p.retr(1)
    report('pop3-retr', 'retrieved')
except Exception as e:
    report('pop3-retr', f'{type(e).__name__} {e}')
