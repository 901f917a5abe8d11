#!/usr/bin/env bash
# Word benchmark: a server on a fresh database of the local PostgreSQL (dropped at the end). A Word
# document of about 30 printed pages is imported over HTTP, saved as a page, and the page exported
# to PDF and to .docx: the first of each after the start apart, then --rounds=N more (default 10),
# median and p95 as a Markdown table with the targets (import and PDF export p95 ≤ 2 s), with the
# CPU time each took (the documents' workers', the JVM's) and whether the exports' warm-up had
# finished. --sections=N (default 62) sets the document's length, --http-port=N the server's port.
exec "$(dirname "$0")/java-main.sh" ru.metodichka.bench.WordBenchmark "$@"
