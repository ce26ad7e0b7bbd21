# `maillab ctl client-config --thunderbird` as Python's XML parser reads it, and the
# lab CA it printed as Python's ssl uses it. Usage: lab_client_config.py PORTS_JSON
# XML_FILE TEXT_FILE. Prints "TYPE-PORT: SOCKETTYPE" per server and "ca-verifies: ..."
import json, socket, ssl, sys
import xml.etree.ElementTree as ET

ports = json.load(open(sys.argv[1]))
root = ET.parse(sys.argv[2]).getroot()
assert root.tag == 'clientConfig'
provider = root.find('emailProvider')
for kind in ('incomingServer', 'outgoingServer'):
    for s in provider.findall(kind):
        print(f"{s.get('type')}-{s.findtext('port')}: {s.findtext('socketType')} "
              f"{s.findtext('hostname')}", flush=True)
# The CA in the text form verifies the imaps listener.
text = open(sys.argv[3]).read()
pem = text[text.index('-----BEGIN CERTIFICATE-----'):]
ctx = ssl.create_default_context(cadata=pem)
port = int(ports['imaps'].rsplit(':', 1)[1])
with socket.create_connection(('127.0.0.1', port), timeout=10) as raw:
    with ctx.wrap_socket(raw, server_hostname='localhost') as s:
        print(f'ca-verifies: {s.recv(4).decode()}', flush=True)
