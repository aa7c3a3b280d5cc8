# Sourced by the command-line tools (classify.sh, eval-nlu.sh): compiles the main classes when a
# source is newer than MARK and caches the runtime classpath in target/, then sets CLASSPATH_ARG.
#   MARK=target/classes/.../Tool.class; source scripts/lib/runtime-classpath.sh
CP_FILE=target/classify-classpath.txt
# Maven 3.8 prints ANSI resets even in batch/quiet mode: strip them so the tools' output stays plain.
mvn_plain() { mvn -B -q "$@" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2; }
if [ ! -f "$MARK" ] || [ -n "$(find src/main pom.xml -newer "$MARK" -print -quit)" ]; then
  mvn_plain -o compile || mvn_plain compile
fi
if [ ! -s "$CP_FILE" ] || [ pom.xml -nt "$CP_FILE" ]; then
  mvn_plain -o dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime \
    || mvn_plain dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime
fi
CLASSPATH_ARG="target/classes:$(cat "$CP_FILE")"
