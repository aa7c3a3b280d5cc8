#!/usr/bin/env bash
# Runs the whole test suite N times in a row (default 10) and prints one line per run and a
# total; exits non-zero when any run was red. Flakiness is measured, not assumed.
#   scripts/test-repeat.sh 10
set -uo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
mkdir -p target/test-repeat
green=0
for i in $(seq 1 "$runs"); do
  log="target/test-repeat/run-$i.log"
  start=$(date +%s)
  bash scripts/test.sh -o >"$log" 2>&1
  rc=$?
  secs=$(( $(date +%s) - start ))
  summary=$(grep -E '^\[(INFO|ERROR|WARNING)\] Tests run: [0-9]+, Failures' "$log" | tail -1 | sed 's/^\[[A-Z]*\] //')
  if [ "$rc" -eq 0 ]; then green=$((green + 1)); verdict=green; else verdict=RED; fi
  echo "run $i: $verdict in ${secs} s — ${summary:-no summary (see $log)}"
done
echo "$green passed, $((runs - green)) failed"
[ "$green" -eq "$runs" ]
