#!/usr/bin/env bash
# Incident pipeline figures: fault report → first answer, → diagnosis posted in the group
# (fake inspector with a delay standing in for real checks), reports per second absorbed with no
# duplicate incidents, and report (开票失败) → diagnosis posted with the real inspection service
# over the demo targets, pointed at the e-bill platform and signing-server stand-ins the bench
# starts on free loopback ports. Targets: first answer < 1 s, diagnosis < 10 s.
# Options (JAVA_OPTS): -Dbench.inspectorDelayMs=300 -Dbench.rounds=30 -Dbench.reports=2000 -Dbench.threads=8
#                      -Dbench.realRounds=20
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
rm -f target/bench-incident.txt
java -Xmx512m ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" \
  cn.ebillops.incident.IncidentBench >target/bench-incident.log 2>&1 || {
  echo "bench failed; see target/bench-incident.log" >&2; tail -30 target/bench-incident.log >&2; exit 1; }
echo "== incident pipeline (targets: first answer < 1 s, diagnosis < 10 s) =="
cat target/bench-incident.txt
