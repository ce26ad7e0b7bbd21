# The lab server's rules as Python's own mail libraries meet them. Each check prints
# one line "NAME: what the library reported", for tests/serve_rules.rs to read.
# Usage: lab_rules.py PORTS_JSON [quota] (PORTS_JSON: the file `maillab serve
# --ports-file` writes); SSL_CERT_FILE names the lab CA. With `quota`, only the quota
# checks run (the server runs with --quota 1).
import imaplib, json, poplib, smtplib, ssl, sys
from labkit import host, port, ports, report  # noqa: F401

ctx = ssl.create_default_context()

if sys.argv[2:] == ['quota']:
    # 400 lines of 1,000 octets: 400 kB a message, so a 1 MiB quota takes two.
    body = ('x' * 998 + '\r\n') * 400
    s = smtplib.SMTP(host, port('smtp'))
    for n in range(1, 5):
        try:
            s.sendmail('bob@gmail.com', ['riley@maillab.test'], f'Subject: big {n}\r\n\r\n' + body)
            report(f'quota-send-{n}', 'sent')
        except smtplib.SMTPDataError as e:
            report(f'quota-send-{n}', f'{e.smtp_code} {e.smtp_error.decode()}')
        except smtplib.SMTPRecipientsRefused as e:
            code, text = e.recipients['riley@maillab.test']
            report(f'quota-send-{n}', f'{code} {text.decode()}')
    s.quit()
    m = imaplib.IMAP4_SSL(host, port('imaps'), ssl_context=ctx)
    m.login('riley', 'firefly')
    typ, data = m.append('Drafts', None, None, b'Subject: draft\r\n\r\n' + body.encode()[:300000])
    report('quota-append', f'{typ} {data[0].decode()}')
    m.logout()
    sys.exit(0)

# Course note 003: smtplib.SMTP_SSL + login with the account password of a Gmail
# account that has 2-step verification -> 534 5.7.9.
s = smtplib.SMTP_SSL(host, port('smtps'), context=ctx)
try:
    s.login('sam@maillab.test', 'sam1234@')
    report('smtps-normal-password', 'accepted')
except smtplib.SMTPAuthenticationError as e:
    report('smtps-normal-password', f'{e.smtp_code} {e.smtp_error.decode()}')
# Still connected: the app password works, then the mail goes out.
s.login('sam@maillab.test', 'abcd efgh ijkl mnop')
report('smtps-app-password', 'logged in')
s.sendmail('sam@maillab.test', ['alex@maillab.test', 'bob@gmail.com'], 'Subject: hi\n\nfrom sam\n')
report('smtps-send', 'sent')
try:
    s.sendmail('riley@maillab.test', ['alex@maillab.test'], 'Subject: forged\n\nnot riley\n')
    report('smtps-forged-sender', 'accepted')
except smtplib.SMTPSenderRefused as e:
    report('smtps-forged-sender', f'{e.smtp_code} {e.smtp_error.decode()}')
s.quit()

# Port 25 without AUTH: local mail yes, relaying no.
s = smtplib.SMTP(host, port('smtp'))
s.sendmail('bob@gmail.com', ['riley@maillab.test'], 'Subject: in\n\nhello riley\n')
report('smtp-local', 'sent')
try:
    s.sendmail('riley@maillab.test', ['bob@gmail.com'], 'Subject: out\n\nrelay me\n')
    report('smtp-relay', 'accepted')
except smtplib.SMTPRecipientsRefused as e:
    code, text = e.recipients['bob@gmail.com']
    report('smtp-relay', f'{code} {text.decode()}')
s.quit()

# IMAP and POP3 with the address as the user name; sam's normal password refused.
m = imaplib.IMAP4_SSL(host, port('imaps'), ssl_context=ctx)
report('imaps-caps', ' '.join(sorted(c for c in m.capabilities if c.startswith('AUTH='))))
try:
    m.login('sam', 'sam1234@')
    report('imaps-normal-password', 'accepted')
except imaplib.IMAP4.error as e:
    report('imaps-normal-password', str(e))
m.logout()
m = imaplib.IMAP4_SSL(host, port('imaps'), ssl_context=ctx)
typ, data = m.login_cram_md5('alex@maillab.test', 'drums')
report('imaps-cram-md5', f'{typ} {data[0].decode()}')
typ, data = m.select('INBOX')
report('imaps-inbox', f'{typ} {data[0].decode()}')
m.logout()

p = poplib.POP3_SSL(host, port('pop3s'), context=ctx)
p.user('sam')
try:
    p.pass_('sam1234@')
    report('pop3s-normal-password', 'accepted')
except poplib.error_proto as e:
    report('pop3s-normal-password', e.args[0].decode())
p.quit()
p = poplib.POP3_SSL(host, port('pop3s'), context=ctx)
p.user('riley@maillab.test')
report('pop3s-address-login', p.pass_('firefly').decode())
p.quit()
