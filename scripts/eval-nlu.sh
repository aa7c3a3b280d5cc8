#!/usr/bin/env bash
# Honest figures for the offline classifier, printed per set and per label:
#   leave-one-set-out cross-validation over every labelled set it learns from
#   (bot-config/nlu/exemplars.yaml and bot-config/nlu/training/*.tsv), then the unseen sets
#   (src/test/resources/nlu/unseen/*.tsv, never trained on) with every misread message listed.
# Option: -Dnlu.no-area-rules=true measures the area model without the named-cause rule.
set -euo pipefail
cd "$(dirname "$0")/.."
CP_FILE=target/classify-classpath.txt
MARK=target/classes/cn/ebillops/assistant/nlu/NluEvaluation.class
if [ ! -f "$MARK" ] || [ -n "$(find src/main pom.xml -newer "$MARK" -print -quit)" ]; then
  mvn -B -q -o compile >&2 || mvn -B -q compile >&2
fi
if [ ! -s "$CP_FILE" ] || [ pom.xml -nt "$CP_FILE" ]; then
  mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >&2 \
    || mvn -B -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >&2
fi
exec java -Xmx1g -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 "$@" \
  -cp "target/classes:$(cat "$CP_FILE")" cn.ebillops.assistant.nlu.NluEvaluation \
  "${EBILLOPS_CONFIG_DIR:-bot-config}" src/test/resources/nlu/unseen
