#!/usr/bin/env bash
# Runs the whole test suite against the real local PostgreSQL, MariaDB, Redis and Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/services.sh
exec mvn -B -ntp test "$@"
