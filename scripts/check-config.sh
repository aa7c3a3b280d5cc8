#!/usr/bin/env bash
# Checks bot-config (every file's content, with each module's own loader) and the environment
# without starting the assistant:
#   scripts/check-config.sh [config-dir]     (default: $EBILLOPS_CONFIG_DIR or bot-config)
# Prints every problem in Chinese, one per line, with file, line, key, bad value and what is allowed,
# or "配置检查通过：…（N 个文件）". Exit 0 good, 1 problems found, 2 usage error.
# Production rules on the environment apply unless SPRING_PROFILES_ACTIVE contains demo.
# In the source tree it builds what it needs on first use (compiled classes, dependency classpath cached in
# target/); next to the installed jar (/opt/ebill-ops/check-config.sh) or with EBILLOPS_JAR it uses the jar.
set -euo pipefail
if [ $# -gt 1 ]; then
  echo "用法：scripts/check-config.sh [配置目录]" >&2
  exit 2
fi
# a relative config-dir is the caller's, not the project's
arg=()
if [ $# -eq 1 ]; then
  case "$1" in
    -*) arg=("$1") ;;
    *) arg=("$(cd "$1" 2>/dev/null && pwd || echo "$1")") ;;
  esac
fi
# on a server with only the jar (this script copied next to it, or EBILLOPS_JAR): the jar's own classes
here="$(cd "$(dirname "$0")" && pwd)"
jar="${EBILLOPS_JAR:-}"
if [ -z "$jar" ] && [ -f "$here/ebill-ops-assistant.jar" ]; then jar="$here/ebill-ops-assistant.jar"; fi
if [ -n "$jar" ]; then
  exec java -Xmx256m -XX:+UseSerialGC -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 \
    -Dloader.main=cn.ebillops.BotConfigCheck -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher \
    "${arg[@]}"
fi
cd "$(dirname "$0")/.."
MARK=target/classes/cn/ebillops/BotConfigCheck.class
mkdir -p target
if ! source scripts/lib/runtime-classpath.sh >target/check-config-build.log 2>&1; then
  echo "无法构建检查程序（mvn 失败），详情见 target/check-config-build.log" >&2
  exit 2
fi
exec java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 \
  -cp "$CLASSPATH_ARG" cn.ebillops.BotConfigCheck "${arg[@]}"
