#!/usr/bin/env bash
# Timings of the e-bill platform and signing-server checks against the loopback stand-ins
# (median/max of 20 runs each), and the time a check takes when the platform hangs.
set -euo pipefail
cd "$(dirname "$0")/.."
MAVEN_OPTS="${MAVEN_OPTS:--Xmx512m}" mvn -B -q -ntp test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-ebill-signing-cp.txt -Dmdep.includeScope=test >/dev/null
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-ebill-signing-cp.txt)" \
  cn.ebillops.sandbox.EbillSigningBench 2>/dev/null | grep '^BENCH'
