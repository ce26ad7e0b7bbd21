# A verifying variant of the course notes' "Code 1" (file 000): Python imaplib logs in, selects the
# inbox, searches ALL and prints the first message (RFC822) with pprint.
#
# Changed from the notes, and nothing else (lines marked "maillab:"): host, port
# and credentials point at `maillab serve`'s IMAPS endpoint (alex/drums); host
# and port come from argv (HOST PORT) or MAILLAB_HOST / MAILLAB_IMAPS_PORT.
# This copy verifies the certificate, which the notes' code does not: an SSL
# context from ssl.create_default_context(cafile=...) checks the chain and the
# host name. The CA file is the lab server's (`maillab serve --ca-out ca.pem`),
# from MAILLAB_CA (default ca.pem). Lines changed from imap_code1.py: "verified:".
import imaplib
import ssl  # verified
import pprint
import os, sys  # maillab: to read host and port

imap_host = sys.argv[1] if len(sys.argv) > 1 else os.environ.get('MAILLAB_HOST', '127.0.0.1')  # maillab
imap_port = int(sys.argv[2] if len(sys.argv) > 2 else os.environ.get('MAILLAB_IMAPS_PORT', '1993'))  # maillab
imap_user = 'alex'  # maillab
imap_pass = 'drums'  # maillab

# connect to host using SSL
context = ssl.create_default_context(cafile=os.environ.get('MAILLAB_CA', 'ca.pem'))  # verified
imap = imaplib.IMAP4_SSL(imap_host, imap_port, ssl_context=context)  # verified

## login to server
imap.login(imap_user, imap_pass)

imap.select('Inbox')

tmp, data = imap.search(None, 'ALL')
for num in data[0].split():
    tmp, data = imap.fetch(num, '(RFC822)')
    print('Message: {0}\n'.format(num))
    pprint.pprint(data[0][1])
    break

imap.close()
imap.logout()
