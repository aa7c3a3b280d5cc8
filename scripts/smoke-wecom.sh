#!/usr/bin/env bash
# Smoke test of the WeCom routes with the real credentials, without starting the assistant:
#   smoke-wecom.sh --group <测试群 chatid> --user <你的 userid>
# ① the self-built app's access token, ② the AI bot's long-connection subscribe, ③ a test message into the test
# group, ④ a direct message to --user; one line per step: 通过 / 跳过：… / 失败：… with what to fix. Never prints a
# secret or the token. Exit 0 no step failed, 1 a step failed, 2 usage error.
# Reads the WECOM_* variables as the assistant does: run it as the service user with /etc/ebill-ops/env loaded
# (docs/go-live.md section 6). Step ② kicks a running assistant's long connection (one connection per bot).
# In the source tree it builds what it needs on first use; next to the installed jar
# (/opt/ebill-ops/smoke-wecom.sh) or with EBILLOPS_JAR it uses the jar.
set -euo pipefail
MAIN=cn.ebillops.wecom.WecomSmokeCli
# on a server with only the jar (this script copied next to it, or EBILLOPS_JAR): the jar's own classes
here="$(cd "$(dirname "$0")" && pwd)"
jar="${EBILLOPS_JAR:-}"
if [ -z "$jar" ] && [ -f "$here/ebill-ops-assistant.jar" ]; then jar="$here/ebill-ops-assistant.jar"; fi
if [ -n "$jar" ]; then
  exec java -Xmx256m -XX:+UseSerialGC -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 \
    -Dloader.main=$MAIN -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
fi
cd "$(dirname "$0")/.."
MARK=target/classes/cn/ebillops/wecom/WecomSmokeCli.class
mkdir -p target
if ! source scripts/lib/runtime-classpath.sh >target/smoke-wecom-build.log 2>&1; then
  echo "无法构建冒烟测试程序（mvn 失败），详情见 target/smoke-wecom-build.log" >&2
  exit 2
fi
exec java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 \
  -cp "$CLASSPATH_ARG" $MAIN "$@"
