#!/usr/bin/env bash
# Starts the assistant on its embedded default: H2 database under ./data, in-process state,
# demo stand-ins (WeCom, e-bill platform, signing server) on loopback, and the chat console.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${EBILLOPS_PORT:-8080}"
jar=target/ebill-ops-assistant-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  echo "正在构建（首次需要几分钟）…"
  mvn -B -q -ntp -DskipTests package
fi
echo "助手启动后打开控制台： http://localhost:${PORT}/console/"
# demo stand-ins let anyone speak as any user: listen on loopback unless told otherwise
exec java -Xmx1g -jar "$jar" --spring.profiles.active=demo --server.port="$PORT" \
  --server.address="${EBILLOPS_BIND:-127.0.0.1}" "$@"
