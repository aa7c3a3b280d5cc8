#!/usr/bin/env bash
# WeCom callback benchmark on loopback: callbacks per second and acknowledgement p50/p99 for
# encrypted AI bot callbacks (target: p99 < 50 ms at 200 callbacks/s). Bounded; no network.
# Options: -Dbench.rate=200 -Dbench.seconds=10 -Dbench.max.requests=3000 -Dbench.concurrency=16
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp test-compile
mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >/dev/null
exec java -Xmx1g "$@" -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" \
  cn.ebillops.wecom.WecomCallbackBench
