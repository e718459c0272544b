#!/usr/bin/env bash
# Gloss benchmark: generates a project straight into the database, then loads the app from a
# second process (wrk, on loopback) and prints figures. See bench/README.md.
#
#   bench/run.sh                                  50,000 articles, 1,000,000 annotations, H2
#   ARTICLES=5000 ANNOTATIONS=100000 bench/run.sh smaller, quicker
#   DB=postgresql bench/run.sh                    on PostgreSQL 127.0.0.1:5432 (database gloss_bench, recreated)
#   DURATION=10s CLIENTS="1 16 64"                each load's length and concurrencies
#   WARMUP=60                                     seconds of unrecorded load first (0: none)
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${ARTICLES:-50000}
ANNOTATIONS=${ANNOTATIONS:-1000000}
DB=${DB:-h2}
DURATION=${DURATION:-10s}
CLIENTS=${CLIENTS:-1 16 64}
WARMUP=${WARMUP:-60}; WARMUP=${WARMUP%s}  # seconds; "60s" is read as 60
[[ $WARMUP =~ ^[0-9]+$ ]] || { echo "bench: WARMUP is a number of seconds, not '$WARMUP'" >&2; exit 2; }
PORT=${PORT:-8181}
WORK=$PWD/bench/work
PGDB=gloss_bench
ADMIN_PW=bench-admin-password
source bench/lib.sh

need_tools wrk jq curl java jstat
prepare_app

echo "== setup: schema, accounts, project"
start_app
FIRST_MS=$COLD_MS  # the first start: empty database, no class-data-sharing archive yet
setup_project
stop_app

echo "== generate: $ARTICLES articles, $ANNOTATIONS annotations ($DB)"
generate

echo "== start with data"
start_app
# Resident memory of the idle server, 5 s after the start and after 30 s: an idle JVM holds the
# heap its start grew until a collection (the launcher asks G1 for one after 10 s without one).
sleep 5
IDLE_RSS_MB=$(( $(ps -o rss= -p $PID) / 1024 ))
sleep 25
IDLE_RSS_30_MB=$(( $(ps -o rss= -p $PID) / 1024 ))
curl -sf -H "Authorization: Token $EDITOR_TOKEN" "$BASE/api/articles/$LOAD_ARTICLE" | jq -j .text > "$WORK/load-article.txt"

# Pending annotations, oldest first, by walking the queue (also finds the cursor 100,000 deep).
echo "== walk the queue for ids and a deep cursor"
: > "$WORK/pending.txt"; AFTER=""; DEEP_CURSOR=""; WALKED=0
while [ $WALKED -lt 100000 ]; do
  PAGE=$(curl -sf -H "Authorization: Token $REVIEWER_TOKEN" "$BASE/api/review/queue?project=$PROJECT&limit=500${AFTER:+&after=$AFTER}")
  echo "$PAGE" | jq -r '.items[].id' >> "$WORK/pending.txt"
  AFTER=$(echo "$PAGE" | jq -r '.next // empty'); WALKED=$(wc -l < "$WORK/pending.txt")
  [ -n "$AFTER" ] || break
  DEEP_CURSOR=$AFTER
done

RESULTS=$WORK/results.tsv
printf 'load\tclients\tmedian_ms\tp99_ms\treq_per_s\terrors\n' > "$RESULTS"
load() { # name script clients [env...]; LOAD_DURATION overrides DURATION, WARMING=1 keeps no figures
  local name=$1 script=$2 clients=$3; shift 3
  wrk_run "$script" "$clients" "$@"
  LAST_REQUESTS=$requests
  if [ "${WARMING:-0}" = 1 ]; then
    printf '  %s: %s req/s\n' "$name" "$rps"
  else
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$clients" "$median_ms" "$p99_ms" "$rps" "$errors" | tee -a "$RESULTS"
  fi
}
CREATED=0; APPROVED=0  # requests so far: each run creates new spans and approves fresh ids
# The loads the warm-up runs too, so that both load the same way (clients as the argument).
create_load() {
  load create create.lua "$1" GLOSS_TOKEN="$EDITOR_TOKEN" GLOSS_ARTICLE="$LOAD_ARTICLE" GLOSS_TEXT_FILE="$WORK/load-article.txt" GLOSS_OFFSET=$CREATED
  CREATED=$((CREATED + LAST_REQUESTS + 1000))
}
page_load() { load page-1000 get.lua "$1" GLOSS_TOKEN="$EDITOR_TOKEN" GLOSS_PATH="/articles/$PAGE_ARTICLE"; }
queue_first_load() { load queue-first get.lua "$1" GLOSS_TOKEN="$REVIEWER_TOKEN" GLOSS_PATH="/api/review/queue?project=$PROJECT"; }
approve_load() {
  load approve approve.lua "$1" GLOSS_TOKEN="$REVIEWER_TOKEN" GLOSS_IDS_FILE="$WORK/pending.txt" GLOSS_OFFSET=$APPROVED
  APPROVED=$((APPROVED + LAST_REQUESTS + 1000))
}
if [ "$WARMUP" -gt 0 ]; then
  # Figures of a just-started JVM measure its compiler more than Gloss: on 2 cores the JIT takes
  # a third of the CPU for the first minutes. The warm-up runs the same paths at 16 clients.
  echo "== warm-up: ${WARMUP} s of load at 16 clients, not recorded"
  each=$(( WARMUP / 4 > 0 ? WARMUP / 4 : 1 ))s
  for warm in create_load page_load queue_first_load approve_load; do WARMING=1 LOAD_DURATION=$each $warm 16; done
fi
echo "== load ($DURATION each)"
for c in $CLIENTS; do
  load floor get.lua "$c" GLOSS_TOKEN="$EDITOR_TOKEN" GLOSS_PATH=/api/ping
  create_load "$c"
  load list get.lua "$c" GLOSS_TOKEN="$EDITOR_TOKEN" GLOSS_PATH="/api/articles/$PAGE_ARTICLE/annotations"
  page_load "$c"
  queue_first_load "$c"
  load queue-deep get.lua "$c" GLOSS_TOKEN="$REVIEWER_TOKEN" GLOSS_PATH="/api/review/queue?project=$PROJECT&after=$DEEP_CURSOR"
  approve_load "$c"
done

# Exports of the whole project, timed by the server (queued → finished), with the heap sampled by
# one jstat while each runs. The bench itself must cost next to nothing meanwhile: the export uses
# both cores, and polling with curl and jq every 0.1 s plus a jcmd per sample (a JVM each) made it
# 20–30 % slower. The first after a start also pays for compiling the export's code (40 % of the
# JVM's CPU in a profile of one on PostgreSQL), and the JIT keeps at it for a few more: the first
# is printed, then three more as every later one runs, with their median.
export_once() { # label; sets EXPORT_S (empty when the export failed)
  jcmd $PID GC.run >/dev/null 2>&1 || true
  local ds json sampler peak bytes
  jstat -gc $PID 250 > "$WORK/heap.txt" 2>/dev/null & sampler=$!
  ds=$(curl -sf -H "Authorization: Token $REVIEWER_TOKEN" -H 'Content-Type: application/json' \
       -d "{\"projectId\":$PROJECT,\"name\":\"bench $1\",\"format\":\"jsonl\",\"statuses\":[\"SUBMITTED\",\"APPROVED\",\"REJECTED\"]}" \
       "$BASE/api/datasets" | jq -r .id)
  while sleep 0.5; do
    json=$(curl -sf -H "Authorization: Token $REVIEWER_TOKEN" "$BASE/api/datasets/$ds")
    [[ $json == *'"state":"DONE"'* || $json == *'"state":"FAILED"'* ]] && break
  done
  kill $sampler 2>/dev/null || true; wait $sampler 2>/dev/null || true
  # Heap used = survivor, eden and old spaces' "used" columns (KB), whatever their order.
  peak=$(awk 'NR == 1 {for (i = 1; i <= NF; i++) if ($i ~ /^(S0U|S1U|EU|OU)$/) c[i]; next}
              {u = 0; for (i in c) u += $i; if (u > m) m = u} END {print (NR > 1 ? int(m / 1024) " MB" : "n/a")}' "$WORK/heap.txt")
  if [[ $json != *'"state":"DONE"'* ]]; then
    echo "export ($1): $(echo "$json" | jq -r '.state + ": " + (.error // "")')"; EXPORT_S=""; return
  fi
  EXPORT_S=$(echo "$json" | jq -r '[.createdAt, .finishedAt] | map(capture("^(?<d>[^.Z]+)(?<f>[.][0-9]+)?Z$")
             | (.d + "Z" | fromdate) + ("0" + (.f // "") | tonumber)) | .[1] - .[0] | . * 100 | round / 100')
  bytes=$(echo "$json" | jq '[.files[].bytes] | add // 0')
  echo "export ($1): $(echo "$json" | jq -r .state) in ${EXPORT_S} s, $((bytes / 1000000)) MB, $(echo "scale=1; $bytes / 1000000 / $EXPORT_S" | bc) MB/s, peak heap used ${peak} (sampled)"
}
if curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Token $REVIEWER_TOKEN" "$BASE/api/projects/$PROJECT/datasets" | grep -q 200; then
  echo "== export: the whole project as JSONL, four times"
  export_once first
  WARM=()
  for n in 2 3 4; do export_once "warm $n"; [ -z "$EXPORT_S" ] || WARM+=("$EXPORT_S"); done
  if [ ${#WARM[@]} -eq 3 ]; then echo "export (warm, median of 3): $(printf '%s\n' "${WARM[@]}" | sort -n | sed -n 2p) s"; fi
fi
stop_app
echo "== plain SELECT of the same rows (export's floor)"
java -cp "$CP" bench/Generate.java --scan "$JDBC_URL" "$DB_USER" "" "$PROJECT"

echo
echo "generation: ${GEN_S} s; cold start with data: ${COLD_MS} ms (first start, empty, no archive: ${FIRST_MS} ms); idle RSS: ${IDLE_RSS_MB} MB after 5 s, ${IDLE_RSS_30_MB} MB after 30 s"
echo "results: $RESULTS"
