#!/usr/bin/env bash
# Gloss search and statistics bench (issue 22): generates the bench project (Generate.java, with
# invented rare words), times the start-up backfill of the folded words (and on H2 the Lucene
# index catching up), loads GET /api/search with wrk per query and client count, times the
# statistics (API and page) once their counts have caught up, and prints the size of the search
# indexes and of the statistics' counts. See bench/README.md.
#
#   bench/search.sh                                   50,000 articles, 1,000,000 annotations, H2
#   ARTICLES=5000 ANNOTATIONS=100000 bench/search.sh  smaller, quicker
#   DB=postgresql bench/search.sh                     PostgreSQL 127.0.0.1:5432 (database PGDB, gloss_search_bench, recreated)
#   DURATION=10s CLIENTS="1 16" WARMUP=30 PORT=8221   each load's length, concurrencies, unrecorded warm-up (s)
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${ARTICLES:-50000}
ANNOTATIONS=${ANNOTATIONS:-1000000}
DB=${DB:-h2}
DURATION=${DURATION:-10s}
CLIENTS=${CLIENTS:-1 16}
WARMUP=${WARMUP:-30}; WARMUP=${WARMUP%s}
[[ $WARMUP =~ ^[0-9]+$ ]] || { echo "bench: WARMUP is a number of seconds, not '$WARMUP'" >&2; exit 2; }
PORT=${PORT:-8221}
PGDB=${PGDB:-gloss_search_bench}
[ "$PGDB" != test ] || { echo "bench: PGDB must not be 'test'" >&2; exit 2; }
RARE_WORDS=${RARE_WORDS:-0.02}   # share of invented words in the generated texts (Generate.java)
WORK=$PWD/bench/work-search
RESULTS_FILE=$PWD/bench/search-results.tsv   # appended to by every run, kept across runs
ADMIN_PW=bench-admin-password
source bench/lib.sh
# The recommender retrains by itself past 50 new approvals; on the generated 300,000 approved spans
# its training holds them all as OpenNLP samples and filled a 6 GB heap, the app then spending its
# time in GC under every figure here. It has its own bench (recommender.sh): not measured here.
export GLOSS_RECOMMENDER_RETRAIN_AFTER=1000000000

need_tools wrk jq curl java
[ "$DB" != postgresql ] || need_tools psql
psql_q() { psql -h 127.0.0.1 -U postgres -d "$PGDB" -tAc "$1"; }
mb() { echo "scale=1; $1 / 1048576" | bc; }
bytes_of() { du -sb "$1" 2>/dev/null | cut -f1 || echo 0; }

if [ "${REUSE:-0}" = 1 ]; then
  # The queries again on the data of the previous run (its work folder and database), no backfill to wait for.
  [ -f "$WORK/ids.env" ] || { echo "bench: REUSE=1 needs a previous run's $WORK" >&2; exit 2; }
  app_env; source "$WORK/ids.env"
  GEN_S="(reused)"; H2_BEFORE=$(cat "$WORK/h2-before" 2>/dev/null || echo 0)
else
  prepare_app
  echo "== setup: schema, accounts, project"
  start_app
  setup_project
  stop_app
  echo "PROJECT=$PROJECT" > "$WORK/project.env"

  echo "== generate: $ARTICLES articles, $ANNOTATIONS annotations ($DB), ${RARE_WORDS} invented words"
  generate -Dgloss.rare-words="$RARE_WORDS"
  H2_BEFORE=$(bytes_of "$WORK/data/gloss.mv.db"); echo "$H2_BEFORE" > "$WORK/h2-before"
fi

# The generator writes no search_text: SearchBackfill folds every row at this start (batches of
# 500, in the background), and on H2 the index builds from the whole database, then takes the
# backfill's updates through the trigger's queue again. Timed from the launch.
echo "== start with data; backfill and index"
T0=$(date +%s%N)
start_app
echo "ready after ${COLD_MS} ms"
if [ "${REUSE:-0}" = 1 ]; then
  PROJECT=1; [ ! -f "$WORK/project.env" ] || source "$WORK/project.env"
  EDITOR_TOKEN=$(token bench-editor)
fi
secs() { echo "scale=1; ($(date +%s%N) - $T0) / 1000000000" | bc; }
pending() { curl -sf -H "Authorization: Token $EDITOR_TOKEN" "$BASE/api/search?q=bench&project=$PROJECT&kind=article&limit=1" | jq .pending; }
BACKFILL_S=""; INDEX_S=""
while :; do
  if [ -z "$BACKFILL_S" ]; then
    if [ "$DB" = postgresql ]; then
      left=$(psql_q "select (select count(*) from article where search_text is null) + (select count(*) from annotation where search_text is null)")
      [ "$left" != 0 ] || BACKFILL_S=$(secs)
    elif [ "${REUSE:-0}" = 1 ] || grep -q "folded the words of" "$WORK/app.log"; then  # the app logs it only when it folded rows
      BACKFILL_S=$(secs)
    fi
    [ -z "$BACKFILL_S" ] || echo "backfill done after ${BACKFILL_S} s"
  fi
  if [ -n "$BACKFILL_S" ]; then
    [ "$DB" = postgresql ] && break
    p=$(pending)
    [ "$p" = 0 ] && { INDEX_S=$(secs); echo "index caught up (pending 0) after ${INDEX_S} s"; break; }
  fi
  sleep 5
  [ "$DB" = postgresql ] || echo "  $(secs) s: pending $(pending)"
done
# The statistics' counts (StatsCounter) take every annotation in once after generation: the API
# answers 503 `counting` until at most gloss.stats.catch-up-limit are left. Timed from the launch.
STATS_S=""
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 120 -H "Authorization: Token $EDITOR_TOKEN" \
    "$BASE/api/projects/$PROJECT/stats")" = 200 ]; do
  sleep 5
done
STATS_S=$(secs); echo "statistics counted after ${STATS_S} s"
if [ "$DB" = postgresql ]; then
  # Statistics after the backfill rewrote every row, as autovacuum would take them sooner or later.
  psql_q "vacuum analyze article" >/dev/null; psql_q "vacuum analyze annotation" >/dev/null
fi

# The queries. Words: the corpus' commonest ("the", in nearly every text), an invented word in
# about a dozen articles (RARE_WORD) and one in a few hundred (MID_WORD), a phrase of two common
# corpus words, a prefix matching two corpus words and over a thousand invented ones.
enc() { jq -rn --arg s "$1" '$s|@uri'; }
declare -a NAMES PATHS SLOW
query() { NAMES+=("$1"); PATHS+=("/api/search?project=$PROJECT&q=$(enc "$2")${3:-}"); }
query rare "$RARE_WORD"
query mid "$MID_WORD"
query common the
query phrase '"north korean"'
query prefix 'ko*'
query filter military '&kind=annotation&label=CLAIM&status=APPROVED'
NEXT=$(curl -sf -H "Authorization: Token $EDITOR_TOKEN" "$BASE${PATHS[3]}" | jq -r .next)
query page-2 '"north korean"' "&after=$NEXT"
STATS_FROM=2025-01-01; STATS_TO=2025-01-31   # the generated annotations' month (default: the last 30 days)
STATS_API=/api/projects/$PROJECT/stats; STATS_PAGE=/projects/$PROJECT/stats
NAMES+=(stats-api stats-api-jan stats-page stats-page-jan)
PATHS+=("$STATS_API" "$STATS_API?from=$STATS_FROM&to=$STATS_TO" "$STATS_PAGE" "$STATS_PAGE?from=$STATS_FROM&to=$STATS_TO")

echo "== what each query finds (first page, cold: the first request after the start)"
printf 'query\tpath\tfirst_ms\titems\tannotations_matching\n' > "$WORK/queries.tsv"
for i in "${!NAMES[@]}"; do
  # No -f: a failure (the statistics of a large period have hit the 60 s transaction timeout) is printed, not fatal.
  out=$(curl -s --max-time 300 -o "$WORK/answer.json" -w '%{time_total} %{http_code}' -H "Authorization: Token $EDITOR_TOKEN" "$BASE${PATHS[$i]}" || echo "300 timeout")
  ms=$(echo "${out% *} * 1000 / 1" | bc)
  # A request that fails or takes over 10 s (wrk's timeout) is not loaded: the figure is this one.
  SLOW[$i]=$([ "${out#* }" = 200 ] && [ "$ms" -le 10000 ] && echo 0 || echo 1)
  [ "${out#* }" = 200 ] || ms="$ms (HTTP ${out#* })"
  if [[ ${NAMES[$i]} == stats* || ${out#* } != 200 ]]; then items=-; matching=-
  else
    # Past SearchService.FACET_LIMIT the facets count that many: "1000+".
    items=$(jq '.items | length' "$WORK/answer.json")
    matching=$(jq -r '([.facets.status[]?] | add // 0 | tostring) + (if .facetsCapped then "+" else "" end)' "$WORK/answer.json")
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "${NAMES[$i]}" "${PATHS[$i]}" "$ms" "$items" "$matching" | tee -a "$WORK/queries.tsv"
done

if [ "$WARMUP" -gt 0 ]; then
  echo "== warm-up: ${WARMUP} s over the queries at 16 clients (the statistics at 1), not recorded"
  each=$(( WARMUP / ${#NAMES[@]} > 0 ? WARMUP / ${#NAMES[@]} : 1 ))s
  for i in "${!NAMES[@]}"; do [ "${SLOW[$i]}" = 0 ] || continue; LOAD_DURATION=$each wrk_run get.lua "$([[ ${NAMES[$i]} == stats* ]] && echo 1 || echo 16)" \
    GLOSS_TOKEN="$EDITOR_TOKEN" GLOSS_PATH="${PATHS[$i]}"; done
fi
# When wrk stops, the app still answers the requests it had queued: one request first, unrecorded,
# so that a load does not time the one before it (a slow query at 16 clients leaves seconds of them).
settle() { curl -s -o /dev/null --max-time 120 -H "Authorization: Token $EDITOR_TOKEN" "$BASE$1" || true; }

# CPU per request during each load, from /proc: the app's JVM (./gloss run execs it: $PID), and on
# PostgreSQL its server processes together; wrk's own CPU is in neither. The app's background work
# (the statistics' counter, the index's catch-up) counts in its column.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
db_ticks() {
  local total=0 p
  [ "$DB" = postgresql ] || { echo 0; return; }
  for p in $(pgrep -u postgres -x postgres); do total=$(( total + $(ticks "$p") )); done
  echo "$total"
}
per_request() { [ "$2" -gt 0 ] && echo "scale=2; $1 * 1000 / $(getconf CLK_TCK) / $2" | bc || echo -; }

RESULTS=$WORK/results.tsv
HEADER='date\tdb\tarticles\tannotations\tquery\tclients\tmedian_ms\tp99_ms\treq_per_s\terrors'
printf "$HEADER\n" > "$RESULTS"
[ -s "$RESULTS_FILE" ] || printf "$HEADER\n" > "$RESULTS_FILE"
RUN_DATE=$(date -u +%Y-%m-%dT%H:%MZ)
echo "== load ($DURATION each)"
printf '%-14s %7s %9s %9s %9s %6s %11s %11s\n' query clients p50_ms p99_ms req/s errors app_cpu_ms db_cpu_ms
for c in $CLIENTS; do
  for i in "${!NAMES[@]}"; do
    # The statistics at one client only: a dashboard is opened, not hammered.
    [[ ${NAMES[$i]} == stats* && $c != 1 ]] && continue
    if [ "${SLOW[$i]}" = 1 ]; then printf '%-14s %7s   not loaded: its first answer took over 10 s or failed\n' "${NAMES[$i]}" "$c"; continue; fi
    settle "${PATHS[$i]}"
    app0=$(ticks "$PID"); db0=$(db_ticks)
    wrk_run get.lua "$c" GLOSS_TOKEN="$EDITOR_TOKEN" GLOSS_PATH="${PATHS[$i]}"
    app_ms=$(per_request $(( $(ticks "$PID") - app0 )) "$requests")
    db_ms=$([ "$DB" = postgresql ] && per_request $(( $(db_ticks) - db0 )) "$requests" || echo "(in app)")
    printf '%-14s %7s %9s %9s %9s %6s %11s %11s\n' "${NAMES[$i]}" "$c" "$median_ms" "$p99_ms" "$rps" "$errors" "$app_ms" "$db_ms"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$RUN_DATE" "$DB" "$ARTICLES" "$ANNOTATIONS" "${NAMES[$i]}" "$c" \
      "$median_ms" "$p99_ms" "$rps" "$errors" | tee -a "$RESULTS" >> "$RESULTS_FILE"
  done
done

echo "== sizes"
{
  echo "backfill (search_text of every row) done: ${BACKFILL_S} s after launch"
  [ "$DB" = postgresql ] || echo "Lucene index caught up (pending 0): ${INDEX_S} s after launch"
  echo "statistics counted (answered 200): ${STATS_S} s after launch"
  [ "$DB" != postgresql ] || for t in stats_live stats_created stats_decided stats_waited stats_counted stats_counted_decision stats_queue; do
    psql_q "select '$t: ' || count(*) || ' rows, ' || pg_size_pretty(pg_total_relation_size('$t')) from $t"; done
  if [ "$DB" = postgresql ]; then
    psql_q "select 'ix_article_search: ' || pg_size_pretty(pg_relation_size('ix_article_search'))
      || ', ix_annotation_search: ' || pg_size_pretty(pg_relation_size('ix_annotation_search'))
      || ', pending indexes: ' || pg_size_pretty(pg_relation_size('ix_article_search_pending') + pg_relation_size('ix_annotation_search_pending'))"
    psql_q "select 'search_text: article ' || pg_size_pretty(sum(pg_column_size(search_text))) || ', body ' || pg_size_pretty(sum(pg_column_size(body))) from article"
    psql_q "select 'search_text: annotation ' || pg_size_pretty(sum(pg_column_size(search_text))) || ', quote ' || pg_size_pretty(sum(pg_column_size(quote))) from annotation"
    psql_q "select 'tables with TOAST and indexes: article ' || pg_size_pretty(pg_total_relation_size('article')) || ', annotation ' || pg_size_pretty(pg_total_relation_size('annotation')) || '; database ' || pg_size_pretty(pg_database_size(current_database()))"
  fi
} | tee "$WORK/sizes.txt"
stop_app
if [ "$DB" != postgresql ]; then
  # After the stop: H2 compacts its file when it closes.
  echo "H2 file: $(mb "$H2_BEFORE") MB after generation, $(mb "$(bytes_of "$WORK/data/gloss.mv.db")") MB after backfill, index and load (closed); Lucene folder $WORK/data/search-index: $(mb "$(bytes_of "$WORK/data/search-index")") MB" \
    | tee -a "$WORK/sizes.txt"
fi

echo
echo "generation: ${GEN_S} s; cold start with data: ${COLD_MS} ms; rare word: $RARE_WORD, mid word: $MID_WORD"
echo "results: $RESULTS (and appended to $RESULTS_FILE); first answers: $WORK/queries.tsv; sizes: $WORK/sizes.txt"
