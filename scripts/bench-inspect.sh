#!/usr/bin/env bash
# Wall time of a full inspection over every demo target (bot-config/targets.yaml and
# bot-config/targets.d/*.yaml, with every check factory the application registers): the project's
# e-bill platform and signing-server stand-ins (cn.ebillops.sandbox) are started on free loopback
# ports and the copied targets pointed at them, so the e-bill (items 4, 11–16), signing and backend
# checks run for real. Healthy, and with one target that accepts connections but never answers
# added. Targets: healthy < 5 s; with the hang, within its timeout (2 s) + 1 s.
# The local PostgreSQL is used when it runs (scripts/services.sh); without it that check reports
# 无法检查 at once, which is also a valid measurement. Prints the figures of every round.
set -euo pipefail
cd "$(dirname "$0")/.."
export MAVEN_OPTS=${MAVEN_OPTS:--Xmx512m}
mvn -B -q -ntp -Dstyle.color=never test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >/dev/null 2>&1 \
  || { echo "构建失败：运行 mvn test-compile 查看原因" >&2; exit 1; }
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" \
     -Dorg.slf4j.simpleLogger.defaultLogLevel=warn cn.ebillops.inspection.InspectionBench 2>/dev/null | grep -a '^BENCH' | sed 's/^BENCH //'
