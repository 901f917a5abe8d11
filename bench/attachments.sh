#!/usr/bin/env bash
# Attachments benchmark: a server on a fresh database of the local PostgreSQL (dropped at the end).
# Uploads of a 20 MB file (latency, target p95 ≤ 1 s); text extraction of documents made from the
# shared Russian corpus — .docx, .pdf, .odt, .pptx, .xlsx, .txt and .rtf of each article — with the
# long-lived extractor (files/s, target ≥ 20 on two cores); the latency of /health and of a page
# read while hostile files (zip bomb, entity bomb, XXE, a 10,000-page PDF, a PDF with JavaScript)
# are extracted, against the same with nothing to extract. Prints a Markdown table with the targets.
# Arguments: --articles=N (100: seven documents each), --uploads=N (20), --workers=N (1),
# --memory-mb=N (256, the child's heap).
exec "$(dirname "$0")/java-main.sh" ru.metodichka.bench.AttachmentsBenchmark "$@"
