#!/usr/bin/env bash
# Knowledge base figures: index build time, question latency, score margin around the threshold.
# Runs the bench class from the test classpath (surefire excludes the "bench" tag by configuration).
set -euo pipefail
cd "$(dirname "$0")/.."
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx512m}"
mvn -B -q -ntp -Dstyle.color=never test-compile
mvn -B -q -ntp -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >/dev/null
java -Xmx1g -Dfile.encoding=UTF-8 -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" \
    cn.ebillops.knowledge.KnowledgeBench 2>/dev/null | grep '^BENCH'
