# The lab certificate as Python's ssl verifies it, with the lab CA (SSL_CERT_FILE):
# names added by --tls-name, and --tls-fault certificates. Each check prints
# "NAME: ok" or "NAME: the verification error". Usage: lab_certs.py PORTS_JSON NAME...
# (each NAME is tried as the server's name on a connection to the imaps listener).
import json, socket, ssl, sys

ports = json.load(open(sys.argv[1]))
port = int(ports['imaps'].rsplit(':', 1)[1])
ctx = ssl.create_default_context()
for name in sys.argv[2:]:
    try:
        with socket.create_connection(('127.0.0.1', port), timeout=10) as raw:
            with ctx.wrap_socket(raw, server_hostname=name) as s:
                greeting = s.recv(200)
                print(f'{name}: ok {greeting[:4].decode()}', flush=True)
    except ssl.SSLCertVerificationError as e:
        print(f'{name}: {e.verify_message}', flush=True)
