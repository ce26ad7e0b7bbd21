# Capability switches of `maillab serve` as Python's mail libraries meet them. Each
# check prints one line "NAME: what the library reported", for tests/serve_caps.rs to
# read. Usage: lab_caps.py PORTS_JSON (SSL_CERT_FILE names the lab CA).
import imaplib, json, poplib, smtplib, ssl, sys
from labkit import host, port, ports, report  # noqa: F401

ctx = ssl.create_default_context()

m = imaplib.IMAP4_SSL(host, port('imaps'), ssl_context=ctx)
m.login('riley', 'firefly')
typ, data = m.capability()
report('imap-caps', data[0].decode().upper())
m.select('INBOX')
# IDLE by hand (imaplib waits for a tagged reply): the continuation or the refusal.
m.send(b'i1 IDLE\r\n')
first = m.readline().decode().strip()
if first.startswith('+'):
    m.send(b'DONE\r\n')
    m.readline()
report('imap-idle', first)
imaplib.Commands.setdefault('MOVE', ('SELECTED',))
try:
    typ, data = m._simple_command('MOVE', '1', 'Trash')
    report('imap-move', f'{typ}')
except imaplib.IMAP4.error as e:
    report('imap-move', f'error {e}')
m.logout()

s = smtplib.SMTP(host, port('smtp'))
s.ehlo()
report('smtp-ehlo', ' '.join(sorted(s.esmtp_features)))
try:
    s.starttls(context=ctx)
    report('smtp-starttls-lib', 'upgraded')
except smtplib.SMTPNotSupportedError as e:
    report('smtp-starttls-lib', 'not supported')
s.quit()
# The verb itself, sent anyway (a second connection: on success TLS would follow).
s = smtplib.SMTP(host, port('smtp'))
s.ehlo()
code, text = s.docmd('STARTTLS')
report('smtp-starttls', f'{code} {text.decode()}')
s.close()

p = poplib.POP3(host, port('pop3'))
report('pop3-capa', ' '.join(sorted(p.capa())))
p.user('riley')
p.pass_('firefly')
try:
    report('pop3-uidl', f'{p.uidl()[0].decode()}')
except poplib.error_proto as e:
    report('pop3-uidl', f'error {e}')
p.quit()
