# Two Markdown tables from results.json: the targets (DESIGN.md, issue 20) with the measured figure
# and whether each is met, then every figure with its median and the range of the rounds.
def num: if . == null then "—"
  elif . >= 100 then (round | tostring)
  elif . >= 10 then ((. * 10 | round) / 10 | tostring)
  else ((. * 100 | round) / 100 | tostring) end;
def range: "\(.min | num)–\(.max | num)";
def measured($f): if $f.median == null then "—" else "\($f.median | num) (\($f | range))" end;
def verdict($ok): if $ok then "met" else "**missed**" end;
def row($what; $f; $unit): "| \($what) | \($f.median | num) | \($f | range) | \($unit) |";
def present($f): $f.median != null;

.figures as $f
| (.pages >= 100000) as $big
| (.pages | tostring) as $n
| "not measured: \($n) pages, the target is for 100k (run without --quick)" as $small
# The corpus figures: measured before the copies when the run makes them, else in the rounds
# (then the database holds the corpus alone).
| (if present($f.corpusSearch1.p95) then $f.corpusSearch1 else $f.search1 end) as $c1
| (if present($f.corpusSearch.p95) then $f.corpusSearch else $f.search end) as $c4
| ([$f.saveCold.non2xx.max, $f.save.non2xx.max, $f.twoNodesSave.non2xx.max]
   | map(select(. != null)) | max) as $refused
| def target($what; $target; $f; $ok):
    "| \($what) | \($target) | \(measured($f)) | \(if present($f) then verdict($ok) else "not measured" end) |";
  def big($what; $target; $f; $ok):
    if $big then target($what; $target; $f; $ok)
    else "| \($what) | \($target) | \(measured($f)) at \($n) pages | \($small) |" end;
([
  "| figure | target | measured: median (range of the rounds) | verdict |",
  "|---|---|---|---|",
  target("search over HTTP, corpus, 1 client (keep-alive): p95, ms"; "≤ 5"; $c1.p95;
         $c1.p95.median <= 5),
  target("search over HTTP, corpus, 4 clients: p95, ms"; "≤ 5"; $c4.p95; $c4.p95.median <= 5),
  big("search over HTTP, 100k pages, 4 clients: p95, ms"; "≤ 25"; $f.search.p95;
      $f.search.p95.median <= 25),
  target("save, 4 writers: p95, ms"; "≤ 15"; $f.save.p95; $f.save.p95.median <= 15),
  "| save: non-2xx answers (one node and two nodes, every round) | 0 | \($refused | num) | \(verdict($refused == 0)) |",
  target("save → searchable on the node saved to: slowest, ms"; "≤ 1000";
         {median: $f.saveToSearchable.max.max, min: $f.saveToSearchable.max.min,
          max: $f.saveToSearchable.max.max}; $f.saveToSearchable.max.max <= 1000),
  target("save → searchable on the other node: slowest, ms"; "≤ 1000";
         {median: $f.staleSearch.max.max, min: $f.staleSearch.max.min, max: $f.staleSearch.max.max};
         $f.staleSearch.max.max <= 1000),
  target("page view / bare-Vert.x ceiling, same run"; "≥ 0.75"; $f.ratio; $f.ratio.median >= 0.75),
  big("full reindex (reindex command): pages/s"; "≥ 3000"; $f.reindexPagesPerSecond;
      $f.reindexPagesPerSecond.median >= 3000),
  big("start-up (launch → /health 200), ms"; "≤ 3000"; $f.startupMs; $f.startupMs.median <= 3000),
  big("resident memory after the load (README's run command), MB"; "≤ 400"; $f.rssMb;
      $f.rssMb.median <= 400)
] | join("\n"))
, "",
([
  "| what | median | range (min–max) | |",
  "|---|---|---|---|",
  row("page view (HTML), \($f.pageView.connections) connections: requests/s"; $f.pageView.rps; ""),
  row("page view: p50 / p99 latency, ms"; $f.pageView.p50; "p99 \($f.pageView.p99.median | num)"),
  row("ceiling, bare Vert.x, same bytes, \($f.ceiling.connections) connections: requests/s";
      $f.ceiling.rps; ""),
  row("ceiling: p50 / p99 latency, ms"; $f.ceiling.p50; "p99 \($f.ceiling.p99.median | num)"),
  row("page view / ceiling"; $f.ratio; ""),
  row("API page read (JSON), \($f.apiRead.connections) connections: requests/s"; $f.apiRead.rps; ""),
  row("API page read: p50 / p95 / p99 latency, ms"; $f.apiRead.p50;
      "p95 \($f.apiRead.p95.median | num), p99 \($f.apiRead.p99.median | num)"),
  (if present($f.corpusSearch1.rps) then
    row("search, corpus (before the copies), 1 client: requests/s"; $f.corpusSearch1.rps; ""),
    row("… p50 / p95 / p99 latency, ms"; $f.corpusSearch1.p50;
        "p95 \($f.corpusSearch1.p95.median | num), p99 \($f.corpusSearch1.p99.median | num)"),
    row("search, corpus (before the copies), 4 clients: requests/s"; $f.corpusSearch.rps; ""),
    row("… p50 / p95 / p99 latency, ms"; $f.corpusSearch.p50;
        "p95 \($f.corpusSearch.p95.median | num), p99 \($f.corpusSearch.p99.median | num)")
  else empty end),
  row("search, \($n) pages, 1 client (keep-alive): requests/s"; $f.search1.rps; ""),
  row("… p50 / p95 / p99 latency, ms"; $f.search1.p50;
      "p95 \($f.search1.p95.median | num), p99 \($f.search1.p99.median | num)"),
  row("search, \($n) pages, \($f.search.connections) clients: requests/s"; $f.search.rps; ""),
  row("… p50 / p95 / p99 latency, ms"; $f.search.p50;
      "p95 \($f.search.p95.median | num), p99 \($f.search.p99.median | num)"),
  (if present($f.saveCold.p95) then
    row("save, the first \(.saveWarmUpSeconds) s after the start (the JIT compiling it): saves/s";
        $f.saveCold.rps; "p50 \($f.saveCold.p50.median | num), p95 \($f.saveCold.p95.median | num), p99 \($f.saveCold.p99.median | num) ms")
  else empty end),
  row("save a revision, \($f.save.connections) writers: saves/s"; $f.save.rps; ""),
  row("save: p50 / p95 / p99 latency, ms"; $f.save.p50;
      "p95 \($f.save.p95.median | num), p99 \($f.save.p99.median | num)"),
  row("save: non-2xx answers"; $f.save.non2xx; "of \($f.save.requests.median | num) per round"),
  row("save → searchable, same node: p50, ms"; $f.saveToSearchable.p50;
      "slowest \($f.saveToSearchable.max.max | num)"),
  row("two nodes: saves on the first, \($f.twoNodesSave.connections) writers: saves/s";
      $f.twoNodesSave.rps; "p95 \($f.twoNodesSave.p95.median | num) ms, non-2xx \($f.twoNodesSave.non2xx.max | num)"),
  row("two nodes: page view on the second, \($f.twoNodesView.connections) connections: requests/s";
      $f.twoNodesView.rps; "p95 \($f.twoNodesView.p95.median | num) ms"),
  row("two nodes: search on the second, \($f.twoNodesSearch.connections) connections: requests/s";
      $f.twoNodesSearch.rps; "p95 \($f.twoNodesSearch.p95.median | num) ms"),
  row("two nodes: save on the first → the second's search finds it: p50, ms"; $f.staleSearch.p50;
      "slowest \($f.staleSearch.max.max | num)"),
  row("two nodes: save on the first → the second's page view shows it: p50, ms"; $f.staleView.p50;
      "slowest \($f.staleView.max.max | num)"),
  row("full reindex of \($n) pages (reindex command): pages/s"; $f.reindexPagesPerSecond; ""),
  row("start-up with \($n) pages (launch → /health 200), ms"; $f.startupMs; ""),
  row("first start-up on an empty database (migrations), ms"; $f.firstStartMs; ""),
  row("resident memory after the load, \($n) pages, MB"; $f.rssMb; ""),
  row("… of it the process's own (heap, JIT, threads), MB"; $f.rssAnonMb; ""),
  row("… of it pages of mapped index files, MB"; $f.rssFileMb; "")
  ]
  | join("\n"))
, "",
  "ratio \($f.ratio.median | num) (page view \($f.pageView.rps.median | round) req/s / ceiling \($f.ceiling.rps.median | round) req/s; rounds \($f.ratio | range); target ≥ 0.75)",
  "",
  "\(.rounds) round(s) of \(.durationSeconds) s per scenario, \(.date), \(.machine.cores) cores (\(.machine.cpu)), load average \(.machine.load // "—") at the end; page \(.pageViewPath)."
