#!/usr/bin/env bash
# Go-live capture of the e-bill platform (issue 18 item 5), without starting the assistant:
#   scripts/ebill-capture.sh [target-name]     (default: every kind: ebill target of bot-config)
# Calls each READ-ONLY service once (never issues or red-flushes a bill, even with testEnvironment: true) and
# writes $EBILLOPS_DATA_DIR/captures/ebill-<target>-<yyyyMMdd-HHmmss>.json (default ./data): per service the
# masked business request and answer, HTTP status, whether the response sign matched and the comparison with
# the reference examples. appid is kept; the app key and the sign values are never written. Send the file to
# the platform vendor; the e-bill checks then say which services the capture confirmed.
# Reads EBILLOPS_CONFIG_DIR (default bot-config) and the appKeyEnv variables as the service does.
# Exit 0 every service agreed with the reference, 1 a service failed or differs, 2 usage or configuration error.
# In the source tree it builds what it needs on first use; next to the installed jar or with EBILLOPS_JAR it uses the jar.
set -euo pipefail
if [ $# -gt 1 ]; then
  echo "用法：scripts/ebill-capture.sh [电子票据平台目标名]" >&2
  exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
jar="${EBILLOPS_JAR:-}"
if [ -z "$jar" ] && [ -f "$here/ebill-ops-assistant.jar" ]; then jar="$here/ebill-ops-assistant.jar"; fi
if [ -n "$jar" ]; then
  exec java -Xmx256m -XX:+UseSerialGC -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 \
    -Dloader.main=cn.ebillops.ebill.check.EbillCaptureCli -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher \
    "$@"
fi
cd "$(dirname "$0")/.."
MARK=target/classes/cn/ebillops/ebill/check/EbillCaptureCli.class
mkdir -p target
if ! source scripts/lib/runtime-classpath.sh >target/ebill-capture-build.log 2>&1; then
  echo "无法构建采集程序（mvn 失败），详情见 target/ebill-capture-build.log" >&2
  exit 2
fi
exec java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 \
  -cp "$CLASSPATH_ARG" cn.ebillops.ebill.check.EbillCaptureCli "$@"
