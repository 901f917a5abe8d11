#!/usr/bin/env bash
# Runs a benchmark's Java main class from the test classes (ru.metodichka.bench.*) with the test
# class path, from the repository's root: bench/java-main.sh CLASS [ARGS…]. Compiles first (offline
# when it can). BENCH_BUILD_DIR chooses the build directory (default target), BENCH_XMX the heap
# (default 512m), JAVA_OPTS adds JVM options (e.g. a JFR recording).
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

main="$1"
shift
exec java -Xmx"${BENCH_XMX:-512m}" -XX:+UseParallelGC -Dfile.encoding=UTF-8 \
  --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  ${JAVA_OPTS:-} \
  -cp "$build/classes:$build/test-classes:$(cat "$classpath")" \
  "$main" "$@"
