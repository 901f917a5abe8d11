#!/usr/bin/env bash
# Search benchmark: indexes the shared corpus (and optionally N pages, e.g. --pages=100000) into a
# fresh on-disk index, runs a fixed set of searches and prints a Markdown table; the figures also go
# to target/bench/search.json. Other arguments: --rounds=R --warmup=W --corpus=DIR.
# JAVA_OPTS adds JVM options (e.g. a JFR recording); BENCH_XMX sets the heap (default 1g).
set -euo pipefail
cd "$(dirname "$0")/.."

corpus_args=()
if [[ -n "${METODICHKA_CORPUS:-}" ]]; then
  corpus_args=("--corpus=$METODICHKA_CORPUS")
fi

BENCH_XMX="${BENCH_XMX:-1g}" exec bench/java-main.sh ru.metodichka.bench.SearchBenchmark \
  "${corpus_args[@]}" "$@"
