#!/usr/bin/env bash
# Offline message classification without the web server:
#   UTF-8 messages, one per stdin line → one JSON object per stdout line, in the same order
#   {"text","intent","severity","area","confidence","normalized"} (normalized: the text as understood).
# Example: printf '开票失败\n/status\n' | scripts/classify.sh
# Builds what it needs on first use (compiled classes, dependency classpath cached in target/).
set -euo pipefail
cd "$(dirname "$0")/.."
CP_FILE=target/classify-classpath.txt
MARK=target/classes/cn/ebillops/assistant/nlu/ClassifyCli.class
if [ ! -f "$MARK" ] || [ -n "$(find src/main pom.xml -newer "$MARK" -print -quit)" ]; then
  mvn -B -q -o compile >&2 || mvn -B -q compile >&2
fi
if [ ! -s "$CP_FILE" ] || [ pom.xml -nt "$CP_FILE" ]; then
  mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >&2 \
    || mvn -B -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >&2
fi
exec java -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 \
  -cp "target/classes:$(cat "$CP_FILE")" cn.ebillops.assistant.nlu.ClassifyCli "${EBILLOPS_CONFIG_DIR:-bot-config}"
