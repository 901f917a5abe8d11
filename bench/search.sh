#!/usr/bin/env bash
# Search benchmark: indexes the shared corpus (and optionally N pages, e.g. --pages=100000) into a
# fresh on-disk index, runs a fixed set of searches and prints a Markdown table; the figures also go
# to target/bench/search.json. Other arguments: --rounds=R --warmup=W --corpus=DIR.
# JAVA_OPTS adds JVM options (e.g. a JFR recording); BENCH_XMX sets the heap (default 1g).
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

mkdir -p target/bench
# Offline first (fast); online when ~/.m2 lacks something, as on a fresh machine.
mvn -q -o test-compile >/dev/null 2>&1 || mvn -q test-compile
classpath=target/bench/classpath.txt
if [[ ! -s "$classpath" || pom.xml -nt "$classpath" ]]; then
  mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath" >/dev/null 2>&1 \
    || mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath"
fi

corpus_args=()
if [[ -n "${METODICHKA_CORPUS:-}" ]]; then
  corpus_args=("--corpus=$METODICHKA_CORPUS")
fi

exec java -Xmx"${BENCH_XMX:-1g}" -Dfile.encoding=UTF-8 \
  --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  ${JAVA_OPTS:-} \
  -cp "target/classes:target/test-classes:$(cat "$classpath")" \
  ru.metodichka.bench.SearchBenchmark "${corpus_args[@]}" "$@"
