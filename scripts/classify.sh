#!/usr/bin/env bash
# Offline message classification without the web server:
#   UTF-8 messages, one per stdin line → one JSON object per stdout line, in the same order
#   {"text","intent","severity","area","confidence","normalized"} (normalized: the text as understood).
# Example: printf '开票失败\n/status\n' | scripts/classify.sh
# Builds what it needs on first use (compiled classes, dependency classpath cached in target/).
set -euo pipefail
cd "$(dirname "$0")/.."
MARK=target/classes/cn/ebillops/assistant/nlu/ClassifyCli.class
source scripts/lib/runtime-classpath.sh
exec java -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 \
  -cp "$CLASSPATH_ARG" cn.ebillops.assistant.nlu.ClassifyCli "${EBILLOPS_CONFIG_DIR:-bot-config}"
