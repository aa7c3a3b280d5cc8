#!/usr/bin/env bash
# Prints the offline classifier's throughput and p50/p99 latency, then the app's start-up time
# and resident memory (java -jar on a random free port, throw-away data directory).
# Usage: scripts/bench-nlu.sh [classifications, default 2000]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-2000}"
CP_FILE=target/bench-classpath.txt

echo "== 分类器（离线，单线程） =="
MARK=target/test-classes/cn/ebillops/assistant/nlu/NluBench.class
if [ ! -f "$MARK" ] || [ -n "$(find src pom.xml -newer "$MARK" -print -quit)" ]; then
  mvn -B -q -ntp test-compile >&2
fi
if [ ! -s "$CP_FILE" ] || [ pom.xml -nt "$CP_FILE" ]; then
  mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >&2
fi
java -Xmx1g -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 \
  -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" cn.ebillops.assistant.nlu.NluBench "$N" 2>/dev/null

echo "== 应用启动（java -jar） =="
JAR=$(ls target/ebill-ops-assistant-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ] || [ -n "$(find src/main bot-config pom.xml -newer "$JAR" -print -quit)" ]; then
  mvn -B -q -ntp -DskipTests package >&2
  JAR=$(ls target/ebill-ops-assistant-*.jar | grep -v original | head -1)
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
DATA=$(mktemp -d)
LOG="$DATA/app.log"
START=$(date +%s%N)
# the production start (no demo stand-ins), with the demo's open console so the bench can classify
# without a login, and a link secret drawn for this run
EBILLOPS_LINK_SECRET="$(head -c 48 /dev/urandom | base64)" java -Xmx1g -jar "$JAR" --server.port="$PORT" \
  --ebillops.data-dir="$DATA" --ebillops.console.demo-picker=true >"$LOG" 2>&1 &
PID=$!
cleanup() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT
ms() { echo $(( ($(date +%s%N) - START) / 1000000 )); }
rss() { awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$PID/status"; }
for _ in $(seq 1 1200); do
  if curl -fs -o /dev/null "http://127.0.0.1:$PORT/console/"; then break; fi
  kill -0 "$PID" 2>/dev/null || { echo "应用启动失败，日志：$LOG"; tail -20 "$LOG"; exit 1; }
  sleep 0.1
done
FIRST_200=$(ms)
STARTED=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$LOG" | head -1 || true)
echo "Spring 报告：${STARTED:-（未找到 Started 行）}"
echo "启动到首个 HTTP 200：${FIRST_200} ms，此时常驻内存 RSS $(rss)"
for _ in $(seq 1 600); do
  grep -q 'classifier trained' "$LOG" && break
  sleep 0.1
done
curl -fs -o /dev/null -H 'Content-Type: application/json' -d '{"text":"开票失败"}' "http://127.0.0.1:$PORT/api/nlu/classify"
echo "分类器就绪（模型加载、训练句向量化与训练完成，新数据目录无缓存）并首次分类：$(ms) ms，此时 RSS $(rss)"
grep -o 'classifier trained.*' "$LOG" | head -1 || true
