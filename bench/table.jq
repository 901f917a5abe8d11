# The Markdown table of results.json: median and range of the rounds, and the DESIGN.md target.
def num: if . == null then "—"
  elif . >= 100 then (round | tostring)
  elif . >= 10 then ((. * 10 | round) / 10 | tostring)
  else ((. * 100 | round) / 100 | tostring) end;
def range: "\(.min | num)–\(.max | num)";
def verdict($ok): if $ok then " — met" else " — **missed**" end;
def row($what; $f; $target): "| \($what) | \($f.median | num) | \($f | range) | \($target) |";

.figures as $f
| (.pages >= 100000) as $big
| ($f.pageView.connections | tostring) as $pc
| ($f.search.connections | tostring) as $sc
| ($f.save.connections | tostring) as $wc
| ($f.apiRead.connections | tostring) as $ac
| ([
  "| what | median | range (min–max) | target |",
  "|---|---|---|---|",
  row("page view (HTML), \($pc) connections: requests/s"; $f.pageView.rps;
      "≥ 50 % of the ceiling (see `ratio`)"),
  row("page view: p50 latency, ms"; $f.pageView.p50; ""),
  row("page view: p99 latency, ms"; $f.pageView.p99; ""),
  row("ceiling, bare Vert.x, same bytes, \($pc) connections: requests/s"; $f.ceiling.rps; ""),
  row("ceiling: p50 latency, ms"; $f.ceiling.p50; ""),
  row("ceiling: p99 latency, ms"; $f.ceiling.p99; ""),
  row("page view / ceiling"; $f.ratio; "≥ 0.5" + verdict($f.ratio.median >= 0.5)),
  row("API page read (JSON), \($ac) connections: requests/s"; $f.apiRead.rps; ""),
  row("API page read: p50 latency, ms"; $f.apiRead.p50; ""),
  row("API page read: p95 latency, ms"; $f.apiRead.p95; ""),
  row("API page read: p99 latency, ms"; $f.apiRead.p99; ""),
  row("search, \($sc) connections: requests/s"; $f.search.rps; ""),
  row("search: p50 latency, ms"; $f.search.p50; ""),
  row("search: p95 latency, ms"; $f.search.p95;
      if $big then "≤ 25 over 100k pages" + verdict($f.search.p95.median <= 25)
      else "≤ 5 over the corpus" + verdict($f.search.p95.median <= 5) end),
  row("search: p99 latency, ms"; $f.search.p99; ""),
  row("save a revision, \($wc) writers: saves/s"; $f.save.rps; ""),
  row("save: p50 latency, ms"; $f.save.p50; ""),
  row("save: p95 latency, ms"; $f.save.p95; "≤ 25" + verdict($f.save.p95.median <= 25)),
  row("save: p99 latency, ms"; $f.save.p99; ""),
  row("save: non-2xx answers (of \($f.save.requests.median | num) per round)"; $f.save.non2xx; "0"),
  row("save → searchable: p50, ms"; $f.saveToSearchable.p50; ""),
  row("save → searchable: slowest, ms"; $f.saveToSearchable.max;
      "≤ 1000" + verdict($f.saveToSearchable.max.max <= 1000)),
  row("full reindex of \(.pages) pages (reindex command): pages/s"; $f.reindexPagesPerSecond;
      "≥ 2000" + verdict($f.reindexPagesPerSecond.median >= 2000)),
  row("start-up with \(.pages) pages (launch → /health 200), ms"; $f.startupMs; ""),
  row("first start-up on an empty database (migrations), ms"; $f.firstStartMs; ""),
  row("resident memory after the load, \(.pages) pages, MB"; $f.rssMb;
      "≤ 400 with 100k pages" + if $big then verdict($f.rssMb.median <= 400) else "" end),
  row("… of it the process's own (heap, JIT, threads), MB"; $f.rssAnonMb; ""),
  row("… of it pages of mapped index files, MB"; $f.rssFileMb; "")
  ]
  | join("\n"))
, "",
  "ratio \($f.ratio.median | num) (page view \($f.pageView.rps.median | round) req/s / ceiling \($f.ceiling.rps.median | round) req/s; rounds \($f.ratio | range); target ≥ 0.5)",
  "",
  "\(.rounds) round(s) of \(.durationSeconds) s per scenario, \(.date), \(.machine.cores) cores (\(.machine.cpu)); page \(.pageViewPath)."
