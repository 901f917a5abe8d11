#!/usr/bin/env bash
# Evaluation benchmark: a server on a fresh database (on the local PostgreSQL, dropped at the end)
# filled by bench/evaluation-fill.sql — 200 communities, one with 100,000 pages and 1,000,000
# ledger rows — then, over HTTP, the large community's evaluation for an academic year and the
# overview of all 200. Prints the fill time and a Markdown table. Other arguments: --rounds=N.
set -euo pipefail
cd "$(dirname "$0")/.."

exec bench/java-main.sh ru.metodichka.bench.EvaluationBenchmark "$@"
