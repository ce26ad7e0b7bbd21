# What every lab-server client script here shares: the listeners' ports from the
# ports file `maillab serve --ports-file` wrote (argv[1]), the loopback host, and
# one result line per check ("NAME: what the library reported") for the Rust test
# that runs the script to read.
import json, sys

host = '127.0.0.1'
ports = json.load(open(sys.argv[1]))


def port(name):
    return int(ports[name].rsplit(':', 1)[1])


def report(name, what):
    print(f'{name}: {what}', flush=True)
