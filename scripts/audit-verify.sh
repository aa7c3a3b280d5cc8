#!/usr/bin/env bash
# Verifies the audit log's hash chain in the configured database, without starting the assistant:
# prints "审计日志完整：N 条，最早 …" or names the first changed, missing or inserted row.
# Uses the service's variables: EBILLOPS_DB_URL / EBILLOPS_DB_USER / EBILLOPS_DB_PASSWORD, or the embedded
# H2 file under EBILLOPS_DATA_DIR (default ./data; readable only while the assistant is stopped — while it
# runs, ask it: /audit verify). Exit code: 0 intact, 1 broken, 2 database not readable.
# Example: EBILLOPS_DB_URL=jdbc:postgresql://db:5432/ebillops EBILLOPS_DB_USER=ebillops scripts/audit-verify.sh
set -euo pipefail
cd "$(dirname "$0")/.."
MARK=target/classes/cn/ebillops/audit/AuditVerifyCli.class
source scripts/lib/runtime-classpath.sh
exec java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 \
  -cp "$CLASSPATH_ARG" cn.ebillops.audit.AuditVerifyCli
