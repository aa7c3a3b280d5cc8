#!/usr/bin/env bash
# Kills the assistant with SIGKILL mid-work and restarts it, on every storage combination:
#   H2 file (the embedded default) and PostgreSQL, each without and with Redis, and with a configured
#   Redis that is down. 50 fault reports through WeCom's encrypted callback, kill -9 after 30, restart,
#   every message id resent; asserts nothing lost and nothing twice (see CrashRestartIT).
# The test suite runs two of these (H2 alone, PostgreSQL + Redis); this script runs all five.
# Needs the local PostgreSQL and Redis (scripts/services.sh). About 1 minute per combination.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/services.sh >/dev/null 2>&1 || true
exec mvn -B -q -o test -Dtest=CrashRestartIT -Dcrash.matrix=all -Dsurefire.failIfNoSpecifiedTests=false "$@"
