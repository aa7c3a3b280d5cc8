#!/usr/bin/env bash
# Starts the packaged assistant as systemd does (production settings: H2 file database under a
# fresh data directory, no Redis, no WeCom), waits until it is ready, lets it run a few seconds,
# stops it with SIGTERM and counts ERROR lines and stack-trace lines in its log; CYCLES times on
# the same data directory (every start after the first is a restart). Prints the numbers per cycle
# and exits non-zero when any cycle logged an ERROR or a stack trace.
#   scripts/start-stop-check.sh [cycles] [extra arguments for the app, e.g. --spring.profiles.active=demo]
# Environment: UPTIME_SECONDS (default 12) — how long each run stays up before SIGTERM;
# KEEP=1 keeps the data directory and logs.
set -euo pipefail
cd "$(dirname "$0")/.."
CYCLES="${1:-5}"
shift || true
UPTIME="${UPTIME_SECONDS:-12}"
READY_PATH="${READY_PATH:-/actuator/health/readiness}"
jar=target/ebill-ops-assistant-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ] || [ -n "$(find src/main pom.xml bot-config -newer "$jar" -print -quit)" ]; then
  echo "building the jar…" >&2
  mvn -B -q -ntp -o -DskipTests package >&2 || mvn -B -q -ntp -DskipTests package >&2
fi
dir="$(mktemp -d /tmp/start-stop-XXXXXX)"
[ "${KEEP:-}" = 1 ] || trap 'rm -rf "$dir"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

total_errors=0
total_traces=0
for cycle in $(seq 1 "$CYCLES"); do
  log="$dir/cycle-$cycle.log"
  port="$(free_port)"
  mport="$(free_port)"
  start_ns=$(date +%s%N)
  EBILLOPS_LINK_SECRET="${EBILLOPS_LINK_SECRET:-start-stop-check-link-secret-0123456789}" \
  EBILLOPS_DATA_DIR="$dir/data" java -Xmx768m -Dfile.encoding=UTF-8 -jar "$jar" \
    --server.port="$port" --server.address=127.0.0.1 --management.server.port="$mport" "$@" >"$log" 2>&1 &
  pid=$!
  ready=""
  for _ in $(seq 1 360); do
    kill -0 "$pid" 2>/dev/null || break
    if curl -fsS -o /dev/null "http://127.0.0.1:$port$READY_PATH" 2>/dev/null; then
      ready=1
      break
    fi
    sleep 0.5
  done
  if [ -z "$ready" ]; then
    echo "cycle $cycle: the assistant did not become ready; log: $log" >&2
    kill -9 "$pid" 2>/dev/null || true
    trap - EXIT
    exit 2
  fi
  up_s=$(( ($(date +%s%N) - start_ns) / 1000000 ))
  sleep "$UPTIME"
  kill -TERM "$pid"
  stop_ns=$(date +%s%N)
  wait "$pid" || true # 143 after SIGTERM, as systemd's SuccessExitStatus expects
  stop_s=$(( ($(date +%s%N) - stop_ns) / 1000000 ))
  # an ERROR level field, and stack-trace lines ("\tat …", "Caused by: …", "… 12 more")
  errors=$(grep -cE '^[0-9TZ:. +-]+ +ERROR ' "$log" || true)
  traces=$(grep -cE '^(\s+at [a-zA-Z_$]|Caused by: |\s+\.\.\. [0-9]+ (more|common frames omitted))' "$log" || true)
  total_errors=$((total_errors + errors))
  total_traces=$((total_traces + traces))
  printf 'cycle %d: ready after %d ms, stopped in %d ms, ERROR lines %d, stack-trace lines %d\n' \
    "$cycle" "$up_s" "$stop_s" "$errors" "$traces"
  if [ "$errors" -gt 0 ] || [ "$traces" -gt 0 ]; then
    grep -nE ' ERROR |^Caused by: ' "$log" | head -5 | sed 's/^/    /'
  fi
done
printf 'total over %d cycles: ERROR lines %d, stack-trace lines %d\n' "$CYCLES" "$total_errors" "$total_traces"
[ "$total_errors" -eq 0 ] && [ "$total_traces" -eq 0 ]
