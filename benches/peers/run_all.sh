#!/usr/bin/env bash
# Runs every peer benchmark in turn (see README.md). Extra arguments are not passed
# on; set MAILLAB_BIN and IMAPTEST as the scripts describe.
set -euo pipefail
cd "$(dirname "$0")"
for script in imap_vs_dovecot.py idle_connections.py smtp_ingest.py pop3_retr.py imaptest_stress.py; do
    if [ "$script" = imaptest_stress.py ] && [ -z "${IMAPTEST:-}" ]; then
        echo "== $script skipped: IMAPTEST is not set"
        continue
    fi
    echo "== $script ($(uptime))"
    python3 "$script"
    echo
done
