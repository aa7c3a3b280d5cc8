#!/usr/bin/env bash
# Starts the assistant on its embedded default: H2 database under ./data, in-process state,
# demo stand-ins (WeCom, e-bill platform, signing server) on loopback, and the chat console.
# Prints the console address only once the assistant answers ready; if the start fails it says
# 助手启动失败 with the reason and exits non-zero (EBILLOPS_START_TIMEOUT: seconds to wait, 180).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${EBILLOPS_PORT:-8080}"
# One setting moves the whole demo: the management port and the stand-ins (and the demo targets, which
# read these variables in bot-config) follow EBILLOPS_PORT; 8080 gives 8081, 18081, 18082.
export EBILLOPS_MANAGEMENT_PORT="${EBILLOPS_MANAGEMENT_PORT:-$((PORT + 1))}"
export EBILLOPS_DEMO_EBILL_PORT="${EBILLOPS_DEMO_EBILL_PORT:-$((PORT + 10001))}"
export EBILLOPS_DEMO_SIGNING_PORT="${EBILLOPS_DEMO_SIGNING_PORT:-$((PORT + 10002))}"
taken=()
for p in "$PORT" "$EBILLOPS_MANAGEMENT_PORT" "$EBILLOPS_DEMO_EBILL_PORT" "$EBILLOPS_DEMO_SIGNING_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then taken+=("$p"); fi
done
if [ ${#taken[@]} -gt 0 ]; then
  echo "端口 ${taken[*]} 已被占用（演示用 $PORT、$EBILLOPS_MANAGEMENT_PORT、$EBILLOPS_DEMO_EBILL_PORT、$EBILLOPS_DEMO_SIGNING_PORT）。" >&2
  echo "换一组端口：EBILLOPS_PORT=9080 scripts/run.sh（其余端口随之改为 9081、19081、19082）" >&2
  exit 1
fi
BIND="${EBILLOPS_BIND:-127.0.0.1}"
TIMEOUT="${EBILLOPS_START_TIMEOUT:-180}"
jar=target/ebill-ops-assistant-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  echo "正在构建（首次需要几分钟）…"
  mvn -B -q -ntp -DskipTests package
fi
case "$BIND" in 0.0.0.0|::|'') probe=127.0.0.1 ;; *:*) probe="[$BIND]" ;; *) probe="$BIND" ;; esac
log=target/run.log
echo "正在启动助手（日志同时写入 $log）…"
# demo stand-ins let anyone speak as any user: listen on loopback unless told otherwise
java -Xmx1g -jar "$jar" --spring.profiles.active=demo --server.port="$PORT" \
  --server.address="$BIND" "$@" > >(tee "$log") 2>&1 &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null || true' INT TERM

failed() {
  local rc=$1
  echo >&2
  echo "助手启动失败（退出码 $rc）。" >&2
  # the assistant's own short report (config errors in Chinese), without the log around it
  local report
  report=$(sed -n '/^Description:$/,/^Action:$/p' "$log" | sed '1d;$d' | sed '/^$/d')
  if [ -n "$report" ]; then
    echo "$report" >&2
    echo "改正后重新运行；配置可先用 scripts/check-config.sh 检查。" >&2
  else
    echo "原因见上面的日志（$log）。" >&2
  fi
  exit "$rc"
}

waited=0
until curl -fsS -m 2 -o /dev/null "http://${probe}:${PORT}/actuator/health/readiness" 2>/dev/null; do
  if ! kill -0 "$pid" 2>/dev/null; then
    rc=0; wait "$pid" || rc=$?
    failed $(( rc == 0 ? 1 : rc ))
  fi
  if [ "$waited" -ge "$TIMEOUT" ]; then
    echo "助手在 ${TIMEOUT} 秒内没有就绪（进程仍在运行，日志见 $log）；就绪前控制台打不开。" >&2
    break
  fi
  sleep 1
  waited=$((waited + 1))
done
if [ "$waited" -lt "$TIMEOUT" ]; then
  echo "助手已启动，打开控制台： http://localhost:${PORT}/console/"
fi
rc=0; wait "$pid" || rc=$?
exit "$rc"
