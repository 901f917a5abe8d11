#!/usr/bin/env bash
# The benchmark: builds the jar if needed, starts the server on a fresh database (dropped at the
# end), loads the shared Russian corpus through the HTTP API, runs the scenarios with wrk in
# alternating rounds and prints two Markdown tables: the targets (DESIGN.md, issue 20) with the
# measured figure and whether each is met, then every figure (median and range of the rounds),
# and the page-view/ceiling `ratio` line. Every figure goes to a JSON file.
#
#   bench/run.sh [--quick] [--pages=N] [--rounds=N] [--duration=SECONDS] [--admin-password=P]
#                [--port=P] [--bare-port=P] [--second-port=P] [--build-dir=target]
#                [--db-server=postgresql://postgres@127.0.0.1:5432]
#                [--out=target/bench/results.json] [--keep-work]
#
# --quick: one round of short scenarios on the corpus alone (about three minutes once the jar is
# built); the targets for 100k pages then say they were not measured.
# --pages=N: after loading the corpus, copy its pages in SQL until the database holds about N pages
# (default 100000, the size DESIGN.md's memory and search targets speak of; 0 with --quick). The
# corpus searches are measured before the copies.
# --second-port: the second server of the two-node scenario (same database, its own index).
# --build-dir=DIR: the Maven build directory holding metodichka.jar and test-classes (built there
# with -Dbuild.dir=DIR when missing or older than the sources); default target.
# --keep-work: keep the database and the work directory (server log, index) for a look afterwards.
# BENCH_JAVA_OPTS is passed to the (first) server's JVM (e.g. a JFR recording).
# The server and the reindex command run as the README says, `java -jar metodichka.jar`: with no
# heap size or collector of their own they restart themselves with the measured settings
# (TunedJvm: -Xmx176m, the parallel collector, a native-heap trim). BENCH_HEAP (e.g. -Xmx256m) and
# BENCH_GC (e.g. -XX:+UseG1GC) choose others, and then nothing else is added. Without a limit the
# JVM takes a quarter of the machine's memory and grows into it under load (1.5 GB RSS here); G1's
# own structures took 40 MB more than the parallel collector's and its pauses doubled search p95
# on these 2 cores.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_DIR="$ROOT/bench"
ROUNDS=3
DURATION=10
WARMUP=4
WARMUP_MAX=40
SAVE_WARMUP=30
SEARCHABLE_SAVES=20
STALE_SAVES=10
QUICK=false
PAGES_WANTED=""
ADMIN_PASSWORD="bench-admin-$RANDOM$RANDOM"
PORT=18080
BARE_PORT=18081
SECOND_PORT=18082
DB_SERVER="postgresql://postgres@127.0.0.1:5432"
OUT="$ROOT/target/bench/results.json"
KEEP_WORK=false
BUILD_DIR="$ROOT/target"
CORPUS="$ROOT/../shared/corpus/ru-articles.jsonl"
TYPICAL_ID="1-js/02-first-steps/04-variables/article.md"
COMMUNITY=bench
WRITERS=4
SAVE_PAGES=8

for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=true; ROUNDS=1; DURATION=5; WARMUP=2; WARMUP_MAX=12; SAVE_WARMUP=10; SEARCHABLE_SAVES=8
      STALE_SAVES=5 ;;
    --pages=*) PAGES_WANTED=${arg#*=} ;;
    --rounds=*) ROUNDS=${arg#*=} ;;
    --duration=*) DURATION=${arg#*=} ;;
    --admin-password=*) ADMIN_PASSWORD=${arg#*=} ;;
    --port=*) PORT=${arg#*=} ;;
    --bare-port=*) BARE_PORT=${arg#*=} ;;
    --second-port=*) SECOND_PORT=${arg#*=} ;;
    --db-server=*) DB_SERVER=${arg#*=} ;;
    --out=*) OUT=${arg#*=} ;;
    --keep-work) KEEP_WORK=true ;;
    --build-dir=*) BUILD_DIR=$(realpath -m "${arg#*=}") ;;
    -h|--help) sed -n '2,29p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $arg (see --help)" >&2; exit 2 ;;
  esac
done

[[ -z "$PAGES_WANTED" ]] && { [[ "$QUICK" == true ]] && PAGES_WANTED=0 || PAGES_WANTED=100000; }

say() { echo "[bench] $*" >&2; }
die() { say "$*"; exit 1; }

# --- tools -------------------------------------------------------------------------------------

java_is_25() { "$1" -version 2>&1 | grep -q 'version "2[5-9]'; }
if [[ -n "${JAVA_HOME:-}" ]] && java_is_25 "$JAVA_HOME/bin/java"; then
  JAVA="$JAVA_HOME/bin/java"
elif java_is_25 /usr/lib/jvm/temurin-25-jdk-amd64/bin/java 2>/dev/null; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  JAVA="$JAVA_HOME/bin/java"
else
  die "JDK 25 not found: set JAVA_HOME to a JDK 25."
fi
export PATH="$JAVA_HOME/bin:$PATH"
# As DESIGN.md says for Lucene on JDK 25.
JAVA_OPTS="--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
SERVER_JVM="${BENCH_HEAP:-} ${BENCH_GC:-}"

install_debian_package() {
  say "$1 is missing: installing the Debian package '$1' with apt-get."
  local sudo=""
  [[ $(id -u) -ne 0 ]] && sudo=sudo
  $sudo apt-get install -y "$1" >/dev/null || die "Could not install $1; install it and run again."
}
command -v wrk >/dev/null || install_debian_package wrk
command -v jq >/dev/null || install_debian_package jq
command -v psql >/dev/null || install_debian_package postgresql-client
[[ -f "$CORPUS" ]] || die "The shared corpus is missing: $CORPUS"

# --- build -------------------------------------------------------------------------------------

JAR="$BUILD_DIR/metodichka.jar"
BARE_CLASS="$BUILD_DIR/test-classes/ru/metodichka/bench/BareServer.class"
# A jar without its dependencies (left by a build with -Dshade.skip=true) is built again too.
with_dependencies() { [[ -n $("$JAVA_HOME/bin/jar" tf "$JAR" io/vertx/core/Vertx.class) ]]; }
if [[ ! -f "$JAR" || ! -f "$BARE_CLASS" ]] || ! with_dependencies \
    || [[ -n $(find "$ROOT/src" "$ROOT/pom.xml" -newer "$JAR" -type f -print -quit) ]]; then
  say "Building the jar (mvn package -DskipTests)…"
  (cd "$ROOT" && mvn -q package -DskipTests -Dbuild.dir="$BUILD_DIR") || die "The build failed."
fi

# The run uses copies, so a build started meanwhile cannot change the jar under a running server.
WORK=$(mktemp -d /tmp/metodichka-bench.XXXXXX)
cp "$JAR" "$WORK/metodichka.jar"
mkdir -p "$WORK/test-classes/ru/metodichka/bench"
cp "$BUILD_DIR"/test-classes/ru/metodichka/bench/*.class "$WORK/test-classes/ru/metodichka/bench/"
mkdir -p "$WORK/bench"
cp "$BENCH_DIR"/*.lua "$BENCH_DIR"/*.jq "$WORK/bench/"
BENCH_DIR="$WORK/bench"

# --- database and processes, cleaned up whatever happens ---------------------------------------

DB_NAME="metodichka_bench_$(date +%s)_$$"
DB_URL="$DB_SERVER/$DB_NAME"
SERVER_PID=""
SECOND_PID=""
BARE_PID=""

stop_server() {
  if [[ -n "$SERVER_PID" ]]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}

stop_second() {
  if [[ -n "$SECOND_PID" ]]; then
    kill "$SECOND_PID" 2>/dev/null || true
    wait "$SECOND_PID" 2>/dev/null || true
    SECOND_PID=""
  fi
}

cleanup() {
  stop_server
  stop_second
  if [[ -n "$BARE_PID" ]]; then
    kill "$BARE_PID" 2>/dev/null || true
    wait "$BARE_PID" 2>/dev/null || true
  fi
  if [[ "$KEEP_WORK" == true ]]; then
    say "Work files kept in $WORK, database $DB_URL kept"
  else
    psql -q "$DB_SERVER/postgres" -c "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)" \
      >/dev/null 2>&1 || say "Could not drop database $DB_NAME"
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

psql -q "$DB_SERVER/postgres" -c "CREATE DATABASE \"$DB_NAME\"" >/dev/null \
  || die "Cannot create a database on $DB_SERVER (is PostgreSQL running?)"
say "Database $DB_NAME, work directory $WORK"

BASE="http://127.0.0.1:$PORT"
SECOND_BASE="http://127.0.0.1:$SECOND_PORT"
SAMPLES="$WORK/samples.jsonl"
: >"$SAMPLES"

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Starts the server; STARTUP_MS is the time from launch to the first 200 from /health. (Not
# called in $(…): SERVER_PID must be set in this shell.)
start_server() {
  local start
  start=$(now_ms)
  # shellcheck disable=SC2086
  "$JAVA" $JAVA_OPTS $SERVER_JVM ${BENCH_JAVA_OPTS:-} -jar "$WORK/metodichka.jar" \
    --http-port="$PORT" --db-url="$DB_URL" --admin-password="$ADMIN_PASSWORD" \
    --data-dir="$WORK/data" --search-index-dir="$WORK/index" >>"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  wait_for_health "$BASE" "$SERVER_PID" "$WORK/server.log" "$start"
  STARTUP_MS=$(($(now_ms) - start))
}

# The second node of the two-node scenario: another server process on the same database, with a
# search index of its own (as a deployment behind a proxy runs them). BENCH_JAVA_OPTS is not
# passed on (a JFR file name would be shared).
start_second() {
  local start
  start=$(now_ms)
  # shellcheck disable=SC2086
  "$JAVA" $JAVA_OPTS $SERVER_JVM -jar "$WORK/metodichka.jar" \
    --http-port="$SECOND_PORT" --db-url="$DB_URL" --admin-password="$ADMIN_PASSWORD" \
    --data-dir="$WORK/data" --search-index-dir="$WORK/index-second" >>"$WORK/second.log" 2>&1 &
  SECOND_PID=$!
  wait_for_health "$SECOND_BASE" "$SECOND_PID" "$WORK/second.log" "$start"
}

wait_for_health() { # BASE PID LOG START_MS
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "$1/health") == 200 ]]; do
    kill -0 "$2" 2>/dev/null || { tail -20 "$3" >&2; die "The server died (see $3)."; }
    (($(now_ms) - $4 > 120000)) && die "The server did not answer /health within 2 minutes."
    sleep 0.02
  done
}

sample() { echo "$1" >>"$SAMPLES"; }

# --- loading the corpus through the API --------------------------------------------------------

api() { # METHOD PATH TOKEN [JSON] → body; fails on a status of 400 and above
  curl -sS --fail-with-body -X "$1" "$BASE$2" -H "Authorization: Bearer $3" \
    -H 'Content-Type: application/json' ${4:+--data-binary "$4"}
}
login() {
  curl -sS --fail-with-body -X POST "$BASE/api/session" -H 'Content-Type: application/json' \
    -d "{\"login\":\"$1\",\"password\":\"$2\"}" | jq -r .token
}

# Many requests from one curl process (keep-alive, 4 at a time); prints the count per status.
curl_batch() { # CONFIG
  sed -i '$d' "$1" # the last "next" would start a transfer without a URL
  curl -sS --parallel --parallel-max 4 -K "$1" 2>>"$WORK/curl.log" | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}'
}

load_corpus() {
  local admin moderator
  admin=$(login admin "$ADMIN_PASSWORD")
  api POST /api/communities "$admin" "{\"slug\":\"$COMMUNITY\",\"name\":\"Замер\",\
\"task\":\"Проверить, как Методичка держит нагрузку.\"}" >/dev/null
  api POST /api/users "$admin" '{"login":"bench-moderator","password":"bench-password",
"name":"Методист замера","methodist":true}' >/dev/null
  api PUT "/api/communities/$COMMUNITY/members/bench-moderator" "$admin" '{"role":"moderator"}' \
    >/dev/null
  for w in $(seq 1 "$WRITERS"); do
    api POST /api/users "$admin" "{\"login\":\"bench-writer-$w\",\"password\":\"bench-password\",\
\"name\":\"Учитель $w\"}" >/dev/null
    api PUT "/api/communities/$COMMUNITY/members/bench-writer-$w" "$admin" '{"role":"member"}' \
      >/dev/null
  done
  MODERATOR=$(login bench-moderator bench-password)
  moderator=$MODERATOR
  TOKENS=""
  for w in $(seq 1 "$WRITERS"); do
    TOKENS="$TOKENS${TOKENS:+,}$(login "bench-writer-$w" bench-password)"
  done
  local writer=${TOKENS%%,*}

  # One body file per article; the slug is the corpus path (at most 95 characters).
  mkdir -p "$WORK/bodies"
  jq -r '
    (.id | sub("\\.md$"; "") | gsub("/"; "-")) as $s
    | ((if ($s | length) > 95 then $s[($s | length) - 95:] else $s end) | ltrimstr("-")) as $slug
    | $slug + "\t" + ({title: (.title // $slug), markdown,
        kind: ({article: "article", task: "methodological-development"}[.kind] // "other"),
        metadata: {subjects: ["Информатика"], levels: ["basic", "secondary"],
                   tags: ["JavaScript"], licence: "cc-by-nc-4.0"}} | tojson)' \
    "$CORPUS" >"$WORK/corpus.tsv"
  : >"$WORK/save.conf"
  : >"$WORK/publish.conf"
  local n=0 slug body
  while IFS=$'\t' read -r slug body; do
    n=$((n + 1))
    printf '%s' "$body" >"$WORK/bodies/$n.json"
    cat >>"$WORK/save.conf" <<EOF
url = "$BASE/api/communities/$COMMUNITY/pages/$slug"
silent
show-error
request = "PUT"
header = "Content-Type: application/json"
header = "Authorization: Bearer $writer"
data-binary = "@$WORK/bodies/$n.json"
output = "/dev/null"
write-out = "%{http_code}\\n"
next
EOF
    cat >>"$WORK/publish.conf" <<EOF
url = "$BASE/api/communities/$COMMUNITY/pages/$slug/publish"
silent
show-error
request = "POST"
header = "Authorization: Bearer $moderator"
output = "/dev/null"
write-out = "%{http_code}\\n"
next
EOF
  done <"$WORK/corpus.tsv"
  PAGES=$n
  local start
  start=$(now_ms)
  say "Saving $n pages: $(curl_batch "$WORK/save.conf")"
  say "Publishing them: $(curl_batch "$WORK/publish.conf")"
  say "Loaded in $((($(now_ms) - start) / 1000)) s"

  jq -j --arg id "$TYPICAL_ID" 'select(.id == $id) | .markdown | tojson | .[1:-1]' "$CORPUS" \
    >"$WORK/save-text"
}

# Pages for a round's save scenario: each writer its own, at revision 1, with the text of the
# typical article (fresh ones every round, so save.lua knows their revisions).
create_save_pages() { # ROUND
  local p i=0 token
  for token in ${TOKENS//,/ }; do
    i=$((i + 1))
    for p in $(seq 1 "$SAVE_PAGES"); do
      printf '{"title":"Замер сохранения %s-%s","markdown":"%s"}' "$i" "$p" \
        "$(cat "$WORK/save-text")" >"$WORK/save-body.json"
      api PUT "/api/communities/$COMMUNITY/pages/bench-save-$1-$i-$p" "$token" \
        "@$WORK/save-body.json" >/dev/null
    done
  done
}

# --- scenarios ---------------------------------------------------------------------------------

# wrk SCENARIO ROUND THREADS CONNECTIONS SCRIPT URL [SAVE_PAGES_TAG]: runs wrk, records its BENCH
# line. wrk keeps its connections open (HTTP/1.1 keep-alive), as a browser does.
run_wrk() {
  local scenario=$1 round=$2 threads=$3 connections=$4 script=$5 url=$6 tag=${7:-$2} line
  line=$(BENCH_DIR="$BENCH_DIR" BENCH_COMMUNITY="$COMMUNITY" BENCH_TOKENS="$TOKENS" \
    BENCH_SAVE_PAGES="$SAVE_PAGES" BENCH_SAVE_TEXT="$WORK/save-text" BENCH_ROUND="$tag" \
    wrk -t"$threads" -c"$connections" -d"${DURATION}s" -s "$BENCH_DIR/$script" "$url" \
    2> >(sort -u | head -5 >&2) | grep '^BENCH ' | cut -c7-)
  sample "$(jq -c --arg s "$scenario" --argjson r "$round" --argjson c "$connections" \
    '{scenario: $s, round: $r, connections: $c} + .' <<<"$line")"
  say "round $round $scenario: $(jq -r '"\(.rps|floor) req/s, p50 \(.p50) ms, p99 \(.p99) ms, non-2xx \(.non2xx)"' <<<"$line")"
}

# Page views, then searches, each until the JIT has compiled what they run: every round's server
# is new, and on 2 cores its compilers take one core for tens of seconds while the load climbs
# (page views after 5 s ran at an eighth of their rate 20 s later). A scenario measured before
# that measures the compilers; the bare server, a fraction of the code, settles in a second.
warm_up() { # [BASE]
  settle "page views" 32 get.lua "${1:-$BASE}$PAGE_PATH"
  settle searches 4 search.lua "${1:-$BASE}"
}

# Runs SCRIPT against URL in 2 s windows: at least WARMUP seconds, then until a window's
# requests/s is within 5 % of the window before (at most WARMUP_MAX seconds). Says how long.
settle() { # LABEL CONNECTIONS SCRIPT URL
  local elapsed=0 before=0 rps
  while ((elapsed < WARMUP_MAX)); do
    rps=$(BENCH_DIR="$BENCH_DIR" wrk -t2 -c"$2" -d2s -s "$BENCH_DIR/$3" "$4" 2>/dev/null \
      | grep '^BENCH ' | cut -c7- | jq '.rps | floor') || rps=0
    rps=${rps:-0} # nothing answered: the measured scenario after it will say why
    elapsed=$((elapsed + 2))
    ((elapsed >= WARMUP && before > 0 && rps * 20 >= before * 19 && rps * 20 <= before * 21)) \
      && break
    before=$rps
  done
  say "warm-up, $1: $elapsed s, the last 2 s at $rps req/s"
}

# Search over HTTP: one client on one kept-alive connection (nothing queues: the latency of one
# search), then four clients. PREFIX names the scenarios ("" or "corpus").
search_scenarios() { # PREFIX ROUND
  local one=search1 four=search
  [[ -n "$1" ]] && one=${1}Search1 && four=${1}Search
  run_wrk "$one" "$2" 1 1 search.lua "$BASE"
  run_wrk "$four" "$2" 2 4 search.lua "$BASE"
}

# A number as Cyrillic letters (0→а … 9→к): a word the Russian analyser keeps whole.
cyrillic() {
  local letters=(а б в г д е ж з и к) digits=$1 out="" k
  for ((k = 0; k < ${#digits}; k++)); do out+=${letters[${digits:k:1}]}; done
  echo "$out"
}

# Saves a page with a word no other page has, then asks /api/search for it until it is found.
save_to_searchable() { # ROUND
  local token=${TOKENS%%,*} i word start found ms times=()
  for i in $(seq 1 "$SEARCHABLE_SAVES"); do
    word=$(cyrillic "$1")ж$(cyrillic "$i")зюзябрик
    start=$(date +%s%N)
    api PUT "/api/communities/$COMMUNITY/pages/bench-searchable-$1-$i" "$token" \
      "{\"title\":\"Замер поиска $1-$i\",\"markdown\":\"Слово $word.\"}" >/dev/null
    found=0
    while ((found == 0)); do
      curl -s -G "$BASE/api/search" --data-urlencode "q=$word" -H "Authorization: Bearer $token" \
        | grep -q "bench-searchable-$1-$i" && found=1
      (($(date +%s%N) - start > 10000000000)) && die "Not searchable after 10 s: $word"
    done
    ms=$((($(date +%s%N) - start) / 1000000))
    times+=("$ms")
  done
  sample "$(printf '%s\n' "${times[@]}" | jq -sc --argjson r "$1" \
    'sort | {scenario: "saveToSearchable", round: $r, p50: .[length / 2 | floor],
             max: .[-1], samples: .}')"
  say "round $1 save→searchable: $(printf '%s ' "${times[@]}")ms"
}

# Two nodes on one database: the second node starts (its index catches up from the database),
# then for the scenarios' duration four writers save on the first node while the second serves
# the page view (4 connections) and searches (2 connections); then the staleness samples.
two_nodes() { # ROUND
  local start
  start=$(now_ms)
  start_second
  say "round $1: second node answered /health $(($(now_ms) - start)) ms after launch"
  create_save_pages "$1-second"
  warm_up "$SECOND_BASE"
  run_wrk twoNodesSave "$1" "$WRITERS" "$WRITERS" save.lua "$BASE" "$1-second" &
  local saves=$!
  run_wrk twoNodesView "$1" 1 4 get.lua "$SECOND_BASE$PAGE_PATH" &
  local views=$!
  run_wrk twoNodesSearch "$1" 1 2 search.lua "$SECOND_BASE"
  wait "$saves" "$views"
  staleness "$1"
  stop_second
}

# How stale the second node is: a published page whose public copy the second node has just
# served (so its page cache holds it) is edited on the first node by the moderator, who reviews
# the edit at once (the public reads reviewed revisions); from the save's answer, the second
# node's anonymous search is asked for the new word and its page view read until both show it.
staleness() { # ROUND
  local i slug word start now search_ms view_ms searches=() views=() text
  for i in $(seq 1 "$STALE_SAVES"); do
    slug=bench-stale-$1-$i
    api PUT "/api/communities/$COMMUNITY/pages/$slug" "$MODERATOR" \
      "{\"title\":\"Замер двух узлов $1-$i\",\"markdown\":\"Первый текст.\"}" >/dev/null
    api POST "/api/communities/$COMMUNITY/pages/$slug/publish" "$MODERATOR" >/dev/null
  done
  for i in $(seq 1 "$STALE_SAVES"); do
    slug=bench-stale-$1-$i
    start=$(date +%s%N)
    until curl -s "$SECOND_BASE/c/$COMMUNITY/$slug" | grep -q 'Первый текст'; do
      (($(date +%s%N) - start > 10000000000)) && die "The second node did not show $slug after 10 s"
      sleep 0.05
    done
    word=$(cyrillic "$1")щ$(cyrillic "$i")зюзябрик
    start=$(date +%s%N)
    api PUT "/api/communities/$COMMUNITY/pages/$slug" "$MODERATOR" \
      "{\"title\":\"Замер двух узлов $1-$i\",\"markdown\":\"Слово $word.\",\"baseRevision\":1}" \
      >/dev/null
    api POST "/api/communities/$COMMUNITY/pages/$slug/publish" "$MODERATOR" >/dev/null
    search_ms="" view_ms=""
    while [[ -z "$search_ms" || -z "$view_ms" ]]; do
      now=$((($(date +%s%N) - start) / 1000000))
      if [[ -z "$search_ms" ]] && curl -s -G "$SECOND_BASE/api/search" --data-urlencode "q=$word" \
          | grep -q "\"$slug\""; then
        search_ms=$now
      fi
      if [[ -z "$view_ms" ]] && curl -s "$SECOND_BASE/c/$COMMUNITY/$slug" | grep -q "$word"; then
        view_ms=$now
      fi
      ((now > 10000)) && die "The second node did not show $slug's edit after 10 s"
    done
    searches+=("$search_ms")
    views+=("$view_ms")
  done
  for text in "staleSearch:${searches[*]}" "staleView:${views[*]}"; do
    sample "$(tr ' ' '\n' <<<"${text#*:}" | jq -sc --arg s "${text%%:*}" --argjson r "$1" \
      'sort | {scenario: $s, round: $r, p50: .[length / 2 | floor], max: .[-1], samples: .}')"
  done
  say "round $1 save on the first node → found by the second's search: ${searches[*]} ms;" \
    "shown by its page view: ${views[*]} ms"
}

# The reindex command (a cold JVM, as an operator runs it) into DIR; prints its summary line.
reindex_into() { # DIR
  # shellcheck disable=SC2086
  "$JAVA" $JAVA_OPTS $SERVER_JVM -jar "$WORK/metodichka.jar" reindex \
    --db-url="$DB_URL" --search-index-dir="$1" --data-dir="$WORK/data" 2>&1 \
    | grep 'Reindexed' | tail -1
}

reindex() { # ROUND
  local line
  line=$(reindex_into "$WORK/reindex-$1")
  rm -rf "$WORK/reindex-$1"
  say "round $1: $line"
  [[ $line =~ Reindexed\ ([0-9]+)\ pages\ in\ ([0-9]+)[.,]([0-9]+)\ s\ \(([0-9]+)\ pages/s\) ]] \
    || die "Unexpected reindex output: $line"
  sample "{\"scenario\":\"reindex\",\"round\":$1,\"pages\":${BASH_REMATCH[1]},\
\"seconds\":${BASH_REMATCH[2]}.${BASH_REMATCH[3]},\"pagesPerSecond\":${BASH_REMATCH[4]}}"
}

# --- the run -----------------------------------------------------------------------------------

PAGE_SLUG=$(jq -r --arg id "$TYPICAL_ID" 'select(.id == $id) | .id | sub("\\.md$"; "")
  | gsub("/"; "-")' "$CORPUS")
PAGE_PATH="/c/$COMMUNITY/$PAGE_SLUG"
API_PATH="/api/communities/$COMMUNITY/pages/$PAGE_SLUG"

# Waits until an anonymous search finds every published page (the indexer has caught up).
wait_until_indexed() {
  local start total
  start=$(now_ms)
  until total=$(curl -s "$BASE/api/search?size=1" | jq .total) && ((total >= PAGES)); do
    (($(now_ms) - start > 120000)) && die "The index holds $total of $PAGES pages after 2 minutes."
    sleep 0.2
  done
}

say "Starting the server on an empty database…"
start_server
sample "{\"scenario\":\"firstStart\",\"ms\":$STARTUP_MS}"
load_corpus
if ((PAGES_WANTED > PAGES)); then
  # The corpus targets are for the corpus alone: measured now, before the copies.
  wait_until_indexed
  for round in $(seq 1 "$ROUNDS"); do
    warm_up
    search_scenarios corpus "$round"
  done
fi
stop_server
if ((PAGES_WANTED > PAGES)); then
  say "Copying the corpus pages in SQL up to $PAGES_WANTED pages…"
  start=$(now_ms)
  psql -q -X -v pages="$PAGES_WANTED" -v community="$COMMUNITY" -f "$ROOT/bench/fill.sql" "$DB_URL" \
    >/dev/null || die "Could not copy the pages."
  PAGES=$(psql -tA -X -c "SELECT count(*) FROM pages" "$DB_URL")
  say "The database holds $PAGES pages ($((($(now_ms) - start) / 1000)) s); indexing them…"
  # The server would catch up on start; indexing first keeps that out of the first round.
  say "$(reindex_into "$WORK/index")"
fi
# The second node starts with a copy of the index (as a node added to a running deployment
# would be seeded); from then on it follows the database itself.
cp -r "$WORK/index" "$WORK/index-second"

for round in $(seq 1 "$ROUNDS"); do
  start_server
  sample "{\"scenario\":\"startup\",\"round\":$round,\"ms\":$STARTUP_MS}"
  say "round $round: server answered /health $STARTUP_MS ms after launch"
  if [[ -z "$BARE_PID" ]]; then
    # The ceiling serves exactly the bytes an anonymous visitor gets for the page.
    curl -sS --fail "$BASE$PAGE_PATH" -o "$WORK/page.html"
    "$JAVA" $JAVA_OPTS -cp "$WORK/test-classes:$WORK/metodichka.jar" ru.metodichka.bench.BareServer \
      "$BARE_PORT" "$WORK/page.html" >"$WORK/bare.log" 2>&1 &
    BARE_PID=$!
    until curl -s -o /dev/null "http://127.0.0.1:$BARE_PORT/"; do sleep 0.05; done
    say "Page $PAGE_PATH: $(wc -c <"$WORK/page.html") bytes, served by the bare server too"
  fi
  warm_up
  run_wrk pageView "$round" 2 32 get.lua "$BASE$PAGE_PATH"
  run_wrk ceiling "$round" 2 32 get.lua "http://127.0.0.1:$BARE_PORT$PAGE_PATH"
  run_wrk apiRead "$round" 2 8 get.lua "$BASE$API_PATH"
  search_scenarios "" "$round"
  # Every round's server is new, and the page views and searches above run none of a save's code:
  # the first seconds of saves measure the JIT compiling it (and the indexer's rounds) more than
  # the save. They are recorded as their own figure; the save target is measured after them.
  create_save_pages "$round-cold"
  DURATION=$SAVE_WARMUP run_wrk saveCold "$round" "$WRITERS" "$WRITERS" save.lua "$BASE" "$round-cold"
  create_save_pages "$round"
  run_wrk save "$round" "$WRITERS" "$WRITERS" save.lua "$BASE"
  save_to_searchable "$round"
  # Resident memory, and its parts: the process's own (heap, JIT, threads) and pages of mapped
  # files (the Lucene index, which the kernel may drop and read again).
  read -r rss anon file < <(awk '/^VmRSS/ {r = $2} /^RssAnon/ {a = $2} /^RssFile/ {f = $2}
    END {print int(r / 1024), int(a / 1024), int(f / 1024)}' "/proc/$SERVER_PID/status")
  sample "{\"scenario\":\"rss\",\"round\":$round,\"mb\":$rss,\"anonMb\":$anon,\"fileMb\":$file}"
  say "round $round: resident memory $rss MB ($anon MB own, $file MB of mapped files)"
  # With BENCH_JAVA_OPTS=-XX:NativeMemoryTracking=summary, what the JVM says its own memory is.
  if [[ "${BENCH_JAVA_OPTS:-}" == *NativeMemoryTracking* ]]; then
    "$JAVA_HOME/bin/jcmd" "$SERVER_PID" VM.native_memory summary >"$WORK/nmt-$round.txt" 2>&1 || true
    pmap -x "$SERVER_PID" >"$WORK/pmap-$round.txt" 2>&1 || true
  fi
  two_nodes "$round"
  stop_server
  reindex "$round"
done

# --- the report --------------------------------------------------------------------------------

mkdir -p "$(dirname "$OUT")"
jq -s --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --argjson quick "$QUICK" \
  --argjson rounds "$ROUNDS" --argjson duration "$DURATION" --argjson pages "$PAGES" \
  --argjson saveWarmUp "$SAVE_WARMUP" \
  --arg cpu "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')" \
  --argjson cores "$(nproc)" --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" --arg page "$PAGE_PATH" -f "$BENCH_DIR/summary.jq" "$SAMPLES" >"$OUT"
jq -r -f "$BENCH_DIR/table.jq" "$OUT"
say "Every figure: $OUT"
