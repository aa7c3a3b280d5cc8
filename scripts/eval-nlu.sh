#!/usr/bin/env bash
# Honest figures for the offline classifier, printed per set and per label:
#   leave-one-set-out cross-validation over every labelled set it learns from
#   (bot-config/nlu/exemplars.yaml and bot-config/nlu/training/*.tsv), then the unseen sets
#   (src/test/resources/nlu/unseen/*.tsv, never trained on) with every misread message listed.
# Option: -Dnlu.no-area-rules=true measures the area model without the named-cause rule.
set -euo pipefail
cd "$(dirname "$0")/.."
MARK=target/classes/cn/ebillops/assistant/nlu/NluEvaluation.class
source scripts/lib/runtime-classpath.sh
exec java -Xmx1g -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 "$@" \
  -cp "$CLASSPATH_ARG" cn.ebillops.assistant.nlu.NluEvaluation \
  "${EBILLOPS_CONFIG_DIR:-bot-config}" src/test/resources/nlu/unseen
