#!/usr/bin/env bash
# The recommender's training at the full size: on the data search.sh generated and left in
# bench/work-search (50,000 articles, 300,000 approved spans; run search.sh first, with the same
# DB), an admin asks for a training; prints how long it took, how many spans it learnt from,
# the heap it used at its peak (jvm_memory_used_bytes of the heap, sampled every 0.5 s from
# /q/metrics) and its evaluation. The training reads at most
# gloss.recommender.max-training-characters of article text (GLOSS_RECOMMENDER_MAX_TRAINING_CHARACTERS).
#
#   bench/recommender-full.sh                 H2 (bench/work-search/data)
#   DB=postgresql bench/recommender-full.sh   PostgreSQL (database gloss_search_bench)
#   HEAP=1g                                   the app's -Xmx (the launcher's default: none, the JVM's own)
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-h2}
PORT=${PORT:-8221}
PGDB=${PGDB:-gloss_search_bench}
WORK=$PWD/bench/work-search
ADMIN_PW=bench-admin-password
source bench/lib.sh
need_tools jq curl
[ -f "$WORK/project.env" ] || { echo "bench: no data in $WORK: run bench/search.sh (DB=$DB) first" >&2; exit 2; }
source "$WORK/project.env"
app_env
# No training by itself at the start: the one timed is the one asked for.
export GLOSS_RECOMMENDER_RETRAIN_AFTER=1000000000
BENCH_JAVA_OPTS="${HEAP:+-Xmx$HEAP}" start_app
echo "ready after ${COLD_MS} ms (heap limit: ${HEAP:-none, the JVM default})"

heap() { curl -sf -u "admin:$ADMIN_PW" "$BASE/q/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ { s += $NF } END { printf "%d", s }'; }
state() { api GET "/api/projects/$PROJECT/recommender"; }
mb() { echo "$(( $1 / 1048576 ))"; }
BEFORE=$(heap)
T0=$(date +%s%N)
api POST "/api/projects/$PROJECT/recommender/train" >/dev/null
PEAK=$BEFORE
while :; do
  h=$(heap); [ "$h" -le "$PEAK" ] || PEAK=$h
  s=$(state | jq -r .state)
  [ "$s" = TRAINED ] || [ "$s" = FAILED ] && break
  sleep 0.5
done
MS=$(( ($(date +%s%N) - T0) / 1000000 ))
VIEW=$(state)
echo "state: $s after ${MS} ms; trained on $(echo "$VIEW" | jq .trainedOn) spans; error: $(echo "$VIEW" | jq -r '.error // "none"')"
echo "heap used: $(mb "$BEFORE") MB before, peak $(mb "$PEAK") MB during the training (sampled every 0.5 s)"
echo "evaluation: $(echo "$VIEW" | jq -c .evaluation)"
T1=$(date +%s%N)
ARTICLE=$(curl -sf -u "admin:$ADMIN_PW" "$BASE/api/projects/$PROJECT/articles?limit=1" | jq -r '.items[0].id')
n=$(curl -sf -u "admin:$ADMIN_PW" "$BASE/api/articles/$ARTICLE/suggestions" | jq '.items | length')
echo "suggestions of article $ARTICLE: $n, in $(( ($(date +%s%N) - T1) / 1000000 )) ms (with the article list)"
stop_app
