# Sourced by the command-line tools (classify.sh, eval-nlu.sh): compiles the main classes when a
# source is newer than MARK and caches the runtime classpath in target/, then sets CLASSPATH_ARG.
#   MARK=target/classes/.../Tool.class; source scripts/lib/runtime-classpath.sh
CP_FILE=target/classify-classpath.txt
if [ ! -f "$MARK" ] || [ -n "$(find src/main pom.xml -newer "$MARK" -print -quit)" ]; then
  mvn -B -q -o compile >&2 || mvn -B -q compile >&2
fi
if [ ! -s "$CP_FILE" ] || [ pom.xml -nt "$CP_FILE" ]; then
  mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >&2 \
    || mvn -B -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >&2
fi
CLASSPATH_ARG="target/classes:$(cat "$CP_FILE")"
