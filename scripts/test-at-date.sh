#!/usr/bin/env bash
# Runs the whole test suite with the JVM's clock set to another date (libfaketime; the
# databases keep real time), to prove no test depends on today's date:
#   scripts/test-at-date.sh '2027-12-31 23:57:00'
set -euo pipefail
cd "$(dirname "$0")/.."
at="${1:?usage: scripts/test-at-date.sh 'YYYY-MM-DD HH:MM:SS'}"
if ! command -v faketime >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq faketime >/dev/null
fi
bash scripts/services.sh
exec faketime -f "@$at" mvn -B -ntp test
