#!usr/bin/python
# The course notes' first SMTP program (file 002): builds a MIMEMultipart
# "Invoice" with a text part and a PDF attachment (base64) and sends it with
# smtplib. It asks for the receiver and the PDF file on standard input.
#
# Changed from the notes, and nothing else (lines marked "maillab:"):
# - host, port and credentials point at `maillab serve`: the submission port,
#   from argv (HOST PORT) or MAILLAB_HOST / MAILLAB_SUBMISSION_PORT; the sender
#   is alex@maillab.test, who logs in as alex/drums.
# starttls() without a context does NOT verify the certificate, here as in the
# notes: smtplib then uses an unverified context in every Python 3, so the login
# that follows could go to an impostor. smtp_note002_verified.py passes a
# verifying context.
# The header name 'Content-Decomposition' is as in the notes (the intended
# 'Content-Disposition' is misspelt there, so mail clients see no attachment
# disposition; the part still carries its name in Content-Type).
#
# - # Build input code for customer's email.
# - # Build attachment for pdf filetype
# - # Build mail server

import smtplib

from email.mime.multipart import MIMEMultipart

from email.mime.text import MIMEText

from email.mime.base import MIMEBase

from email import encoders

import os, sys  # maillab: to read host and port

body = 'Hello from network programming. Have a great day ;)'

sender = 'alex@maillab.test'  # maillab

# - # Get the password in the gmail by: manage your google account >> click on the avatar on the right
# - # then go to security (right) >> app password (center)
# - # MUST HAVE 2-FA ENABLED FOR THIS TO WORK!!
# - # insert the password and then choose mail and this computer and then generate
# - # copy the password

password = 'drums'  # maillab
username = 'alex'  # maillab: the lab server's login name (the notes log in with the address)
host = sys.argv[1] if len(sys.argv) > 1 else os.environ.get('MAILLAB_HOST', '127.0.0.1')  # maillab
port = int(sys.argv[2] if len(sys.argv) > 2 else os.environ.get('MAILLAB_SUBMISSION_PORT', '1587'))  # maillab

# put the email of the receiver here
receiver = input("What is the Customer's Email?: ")
# subject here
subject = 'Invoice'
# Setup the MIME
message = MIMEMultipart()
message['From'] = sender
message['To'] = receiver
message['Subject'] = subject
message.attach(MIMEText(body, 'plain'))
pdf_name = input("Drop PDF here: ")
# Open PDF to Binary
binary_pdf = open(pdf_name, 'rb')
payload = MIMEBase('application', 'octet-stream', Name=pdf_name)
payload.set_payload(binary_pdf.read())
# binary to base64
encoders.encode_base64(payload)
# add header with pdf name
payload.add_header('Content-Decomposition', 'attachment', filename=pdf_name)
message.attach(payload)
# SMTP setup
session = smtplib.SMTP(host, port)  # maillab: the lab server
# Security
session.starttls()
# Login
session.login(username, password)  # maillab: username
text = message.as_string()
session.sendmail(sender, receiver, text)
session.quit()

print('Mail Sent')
