#!/usr/bin/env bash
# Evaluation benchmark: a server on a fresh database (on the local PostgreSQL, dropped at the end)
# filled by bench/evaluation-fill.sql — 200 communities, one with 100,000 pages and 1,000,000
# ledger rows — then, over HTTP, the large community's evaluation for an academic year and the
# overview of all 200. Prints the fill time and a Markdown table. Other arguments: --rounds=N.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" ]] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q '"25'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64; do
    if [[ -x "$candidate/bin/java" ]]; then
      export JAVA_HOME="$candidate"
      break
    fi
  done
fi
export PATH="$JAVA_HOME/bin:$PATH"

build="${BENCH_BUILD_DIR:-target}"
mkdir -p "$build/bench"
mvn -q -o test-compile -Dbuild.dir="$build" >/dev/null 2>&1 || mvn -q test-compile -Dbuild.dir="$build"
classpath="$build/bench/classpath.txt"
if [[ ! -s "$classpath" || pom.xml -nt "$classpath" ]]; then
  mvn -q -o dependency:build-classpath -Dbuild.dir="$build" -Dmdep.includeScope=test -Dmdep.outputFile="$classpath" >/dev/null 2>&1 \
    || mvn -q dependency:build-classpath -Dbuild.dir="$build" -Dmdep.includeScope=test -Dmdep.outputFile="$classpath"
fi

exec java -Xmx"${BENCH_XMX:-512m}" -XX:+UseParallelGC -Dfile.encoding=UTF-8 \
  --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  ${JAVA_OPTS:-} \
  -cp "$build/classes:$build/test-classes:$(cat "$classpath")" \
  ru.metodichka.bench.EvaluationBenchmark "$@"
