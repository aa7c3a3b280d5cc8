#!/usr/bin/env bash
# Runs the whole test suite against the real local PostgreSQL, MariaDB, Redis and Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/services.sh
# WeCom's official npm SDKs for the interop tests (issue 15), exactly as the committed lock file
# says; reinstalled only when missing or when the lock file changed since the last install.
sdk=src/test/node/wecom-sdk
if [ ! -d "$sdk/node_modules" ] || [ "$sdk/package-lock.json" -nt "$sdk/node_modules/.package-lock.json" ]; then
    npm ci --prefix "$sdk" --no-audit --no-fund
fi
exec mvn -B -ntp test "$@"
