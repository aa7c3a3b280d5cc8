#!/usr/bin/env bash
# Runs docs/deploy.md steps 2–5 from scratch under a throw-away root prefix (default /tmp/ebill-deploy)
# and checks the result: started as the service user with the unit's own ExecStart and env file (no
# systemd here), files in the data directory owned by that user, readiness UP, log times in +08:00, a
# JDBC driver in lib/ found through loader.path; then the same steps again (already existing user and
# directories must not fail). Needs root and the built jar. Prints one line per check; exit 1 on a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" = 0 ] || { echo "需要以 root 运行" >&2; exit 2; }
P="${1:-/tmp/ebill-deploy}"
PORT="${DEPLOY_CHECK_PORT:-18480}"
jar=target/ebill-ops-assistant-0.1.0-SNAPSHOT.jar
[ -f "$jar" ] || mvn -B -q -ntp -DskipTests package
fail=0
check() { if eval "$2"; then echo "通过  $1"; else echo "失败  $1"; fail=1; fi; }

install_steps() {
  id ebillops >/dev/null 2>&1 || useradd --system --home-dir "$P/opt/ebill-ops" --shell /usr/sbin/nologin ebillops
  install -d -o root -g root -m 0755 "$P/opt/ebill-ops" "$P/opt/ebill-ops/lib"
  install -d -o ebillops -g ebillops -m 0750 "$P/var/lib/ebill-ops"
  install -d -o root -g ebillops -m 0750 "$P/etc/ebill-ops"
  install -o root -g root -m 0644 "$jar" "$P/opt/ebill-ops/ebill-ops-assistant.jar"
  cp -r bot-config prompts "$P/opt/ebill-ops/"
  install -o root -g root -m 0755 scripts/check-config.sh scripts/smoke-wecom.sh scripts/ebill-capture.sh "$P/opt/ebill-ops/"
  chown -R ebillops:ebillops "$P/opt/ebill-ops/bot-config"
  chmod 0600 "$P/opt/ebill-ops/bot-config/console-accounts.yaml"
  install -o root -g ebillops -m 0640 /dev/null "$P/etc/ebill-ops/env"
  cat >> "$P/etc/ebill-ops/env" <<ENV
EBILLOPS_DATA_DIR=$P/var/lib/ebill-ops
EBILLOPS_CONFIG_DIR=$P/opt/ebill-ops/bot-config
EBILLOPS_PORT=$PORT
EBILLOPS_MANAGEMENT_PORT=$((PORT + 1))
EBILLOPS_BIND=127.0.0.1
EBILLOPS_LINK_SECRET=$(openssl rand -base64 48)
ENV
  # the fake DM8 driver: accepts jdbc:dm: URLs, proves DriverManager sees lib/ through loader.path
  tmp=$(mktemp -d)
  javac -d "$tmp" src/test/resources/deploy/fake-dm-driver-src/dm/jdbc/driver/*.java
  mkdir -p "$tmp/META-INF/services" && echo dm.jdbc.driver.DmDriver > "$tmp/META-INF/services/java.sql.Driver"
  (cd "$tmp" && jar cf DmJdbcDriver18.jar dm META-INF)
  install -o root -g root -m 0644 "$tmp/DmJdbcDriver18.jar" "$P/opt/ebill-ops/lib/"
  rm -rf "$tmp"
}

# ExecStart of the unit, paths moved under the prefix
exec_start() {
  sed -n '/^ExecStart=/,/PropertiesLauncher$/p' scripts/ebill-ops-assistant.service | sed 's/^ExecStart=//; s/\\$//' \
    | tr '\n' ' ' | sed "s#/opt/ebill-ops#$P/opt/ebill-ops#g"
}

for round in 1 2; do
  rm -rf "$P" && mkdir -p "$P"
  [ "$round" = 2 ] && echo "— 第二遍：用户已存在 —"
  install_steps
  check "check-config.sh 在只有 jar 的目录里以 ebillops 身份通过" \
    'runuser -u ebillops -- sh -c "set -a; . $P/etc/ebill-ops/env; $P/opt/ebill-ops/check-config.sh $P/opt/ebill-ops/bot-config" | grep -q 配置检查通过'
  check "smoke-wecom.sh 在只有 jar 的目录里以 ebillops 身份运行（未配置企业微信：各步跳过，退出码 0）" \
    'out=$(runuser -u ebillops -- sh -c "set -a; . $P/etc/ebill-ops/env; $P/opt/ebill-ops/smoke-wecom.sh --group wrTEST --user zhangsan") && grep -q "① 取自建应用 access_token：跳过" <<<"$out"'
  check "ebill-capture.sh 在只有 jar 的目录里以 ebillops 身份运行并写出采集文件（演示平台未启动：各服务“失败”）" \
    'runuser -u ebillops -- sh -c "set -a; . $P/etc/ebill-ops/env; $P/opt/ebill-ops/ebill-capture.sh" >/dev/null; ls "$P"/var/lib/ebill-ops/captures/ebill-*.json >/dev/null 2>&1'
  cmd=$(exec_start)
  log="$P/var/lib/ebill-ops/console.log"
  ( set -a; . "$P/etc/ebill-ops/env"; set +a
    cd "$P/opt/ebill-ops" && exec runuser -u ebillops -- $cmd ) >"$log" 2>&1 &
  pid=$!
  ok=0
  for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then ok=1; break; fi
    kill -0 $pid 2>/dev/null || break
    sleep 1
  done
  check "readiness UP（以 ebillops 身份、单元里的 ExecStart 启动）" '[ $ok = 1 ]'
  check "java 进程属于 ebillops" 'pgrep -u ebillops -f "$P/opt/ebill-ops/ebill-ops-assistant.jar" >/dev/null'
  check "数据目录里的文件都属于 ebillops" '[ -z "$(find "$P/var/lib/ebill-ops" -mindepth 1 ! -user ebillops ! -name console.log)" ] && [ -n "$(find "$P/var/lib/ebill-ops" -mindepth 1 -user ebillops)" ]'
  check "日志时间为北京时间（+08:00）" 'grep -qE "^[0-9-]{10} [0-9:.]{12}\+08:00 " "$log"'
  check "lib/ 里的驱动经 loader.path 被 DriverManager 找到" \
    '( cd "$P/opt/ebill-ops" && runuser -u ebillops -- java -Dloader.path="$P/opt/ebill-ops/lib" -Dloader.main=dm.jdbc.driver.DriverCheck -cp "$P/opt/ebill-ops/ebill-ops-assistant.jar" org.springframework.boot.loader.launch.PropertiesLauncher ) | grep -q "fake DM8 driver loaded from loader.path"'
  kill $pid 2>/dev/null; wait $pid 2>/dev/null || true
  check "停止时日志里没有 ERROR" '! grep -q " ERROR " "$log"'
done
rm -rf "$P"
exit $fail
