# Turns the samples of bench/run.sh (one object per scenario and round) into results.json:
# for every figure its median, minimum, maximum and the values of the rounds.
def median: sort | if length == 0 then null
  elif length % 2 == 1 then .[length / 2 | floor]
  else (.[length / 2 - 1] + .[length / 2]) / 2 end;
def stats: {median: median, min: min, max: max, values: .};

. as $all
| def of($s): [$all[] | select(.scenario == $s)];
  def figure($s; $f): [of($s)[] | .[$f]] | stats;
  def load($s): {
    connections: (of($s)[0].connections),
    rps: figure($s; "rps"), p50: figure($s; "p50"), p95: figure($s; "p95"),
    p99: figure($s; "p99"), requests: figure($s; "requests"), non2xx: figure($s; "non2xx"),
    socketErrors: figure($s; "socketErrors")
  };
{
  date: $date,
  machine: {cores: $cores, cpu: $cpu, load: $load},
  quick: $quick, rounds: $rounds, durationSeconds: $duration, saveWarmUpSeconds: $saveWarmUp,
  pages: $pages, pageViewPath: $page,
  figures: {
    pageView: load("pageView"),
    ceiling: load("ceiling"),
    ratio: ([of("pageView")[] as $p | of("ceiling")[] | select(.round == $p.round)
             | $p.rps / .rps] | stats),
    apiRead: load("apiRead"),
    search1: load("search1"),
    search: load("search"),
    corpusSearch1: load("corpusSearch1"),
    corpusSearch: load("corpusSearch"),
    save: (load("save") + {statuses: [of("save")[] | .statuses]}),
    saveCold: (load("saveCold") + {statuses: [of("saveCold")[] | .statuses]}),
    saveToSearchable: {p50: figure("saveToSearchable"; "p50"), max: figure("saveToSearchable"; "max")},
    twoNodesSave: (load("twoNodesSave") + {statuses: [of("twoNodesSave")[] | .statuses]}),
    twoNodesView: load("twoNodesView"),
    twoNodesSearch: load("twoNodesSearch"),
    staleSearch: {p50: figure("staleSearch"; "p50"), max: figure("staleSearch"; "max")},
    staleView: {p50: figure("staleView"; "p50"), max: figure("staleView"; "max")},
    reindexPagesPerSecond: figure("reindex"; "pagesPerSecond"),
    startupMs: figure("startup"; "ms"),
    firstStartMs: figure("firstStart"; "ms"),
    rssMb: figure("rss"; "mb"),
    rssAnonMb: figure("rss"; "anonMb"),
    rssFileMb: figure("rss"; "fileMb")
  },
  samples: $all
}
