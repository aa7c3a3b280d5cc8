#!/usr/bin/env bash
# Mutation testing (PIT) of the rule-bearing classes; see docs/testing.md "变异测试（PIT）".
# Not part of CI (minutes, not seconds). Usage: scripts/mutation.sh [extra maven args]
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
mvn -B -ntp test-compile org.pitest:pitest-maven:mutationCoverage "$@"
elapsed=$(( $(date +%s) - started ))

report=target/pit-reports/mutations.xml
if [[ ! -f "$report" ]]; then
  echo "no $report: PIT did not run" >&2
  exit 1
fi

# One <mutation detected='…' status='…'> element per line in PIT's XML. Score = killed / all,
# where TIMED_OUT and MEMORY_ERROR count as killed (PIT's own rule) and NO_COVERAGE as survived.
echo
echo "变异得分（按包，KILLED+TIMED_OUT+MEMORY_ERROR / 全部）："
grep -o "status='[A-Z_]*'.*<mutatedClass>[^<]*</mutatedClass>" "$report" \
  | sed -E "s/status='([A-Z_]*)'.*<mutatedClass>([^<]*)<\/mutatedClass>/\1 \2/" \
  | awk '{
      cls = $2; pkg = cls; sub(/\.[^.]*$/, "", pkg);
      total[pkg]++; all++;
      if ($1 == "KILLED" || $1 == "TIMED_OUT" || $1 == "MEMORY_ERROR") { killed[pkg]++; k++ }
      else if ($1 == "NO_COVERAGE") { nocov[pkg]++ }
    }
    END {
      for (p in total) printf "  %-45s %4d/%-4d %6.1f %%  (无覆盖 %d)\n", p, killed[p], total[p], 100 * killed[p] / total[p], nocov[p];
      if (all > 0) printf "  %-45s %4d/%-4d %6.1f %%\n", "合计", k, all, 100 * k / all;
    }' | sort
echo "用时 ${elapsed}s；报告：target/pit-reports/index.html"
