#!/usr/bin/env bash
# Prints the password hash of a console account for bot-config/console-accounts.yaml
# ({bcrypt}$2a$10$…). Asks for the password twice without echo; or reads one line from a pipe:
#   scripts/hash-password.sh
#   printf '%s\n' "$PASSWORD" | scripts/hash-password.sh
# On a server with only the jar:
#   java -cp ebill-ops-assistant.jar -Dloader.main=cn.ebillops.console.PasswordHashCli \
#     org.springframework.boot.loader.launch.PropertiesLauncher
set -euo pipefail
cd "$(dirname "$0")/.."
MARK=target/classes/cn/ebillops/console/PasswordHashCli.class
source scripts/lib/runtime-classpath.sh
exec java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 \
  -cp "$CLASSPATH_ARG" cn.ebillops.console.PasswordHashCli
