# The course notes' smtplib program (file 003): logs in and sends a plain
# message built as 'Subject: ...\n\n...' with sendmail. It asks for the password
# on standard input.
#
# Changed from the notes, and nothing else (lines marked "maillab:"): host,
# port, credentials and recipient point at `maillab serve`: the SMTPS port
# (implicit TLS), from argv (HOST PORT) or MAILLAB_HOST / MAILLAB_SMTPS_PORT;
# alex@maillab.test logs in as alex and writes to himself.
# The notes' ssl.create_default_context() verifies the certificate: give it the
# lab server's CA (`maillab serve --ca-out ca.pem`) with SSL_CERT_FILE=ca.pem.
import smtplib, ssl
import os, sys  # maillab: to read host and port

port = int(sys.argv[2] if len(sys.argv) > 2 else os.environ.get('MAILLAB_SMTPS_PORT', '1465'))  # maillab
host = sys.argv[1] if len(sys.argv) > 1 else os.environ.get('MAILLAB_HOST', '127.0.0.1')  # maillab
context = ssl.create_default_context()
server = smtplib.SMTP_SSL(host, port, context=context)  # maillab: the lab server

sender_email = 'alex@maillab.test'  # maillab
rec_email = 'alex@maillab.test'  # maillab
subject = 'programming network'
msg_body = 'welcome to my project'
message = 'Subject: {}\n\n{}'.format(subject, msg_body)

password = input('Type your password and press enter: ')
server.login('alex', password)  # maillab: the lab server's login name

server.sendmail(sender_email, rec_email, message)
server.quit()
