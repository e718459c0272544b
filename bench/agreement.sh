#!/usr/bin/env bash
# Agreement bench: a project of ARTICLES (10,000) news-length articles, each marked done by three
# editors with their own spans (bench/Generate.java --agreement), then
# GET /api/projects/{id}/agreement timed RUNS (5) times, with the heap sampled by jstat meanwhile,
# then the statistics of the month the articles were marked done in (agreement over time).
# See docs/benchmarks.md, "Agreement".
#
#   bench/agreement.sh                     10,000 articles × 3 annotators, H2
#   ARTICLES=1000 bench/agreement.sh       the same at a tenth, to compare the heap
#   DB=postgresql bench/agreement.sh       on PostgreSQL 127.0.0.1:5432 (database PGDB, recreated)
#   BENCH_JAVA_OPTS=-Xmx128m bench/agreement.sh   in a small heap, to show that it needs no more
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${ARTICLES:-10000}
RUNS=${RUNS:-5}
DB=${DB:-h2}
PORT=${PORT:-8201}
PGDB=${PGDB:-gloss_bench_agreement}
case "$DB" in h2|postgresql) ;; *) echo "agreement: DB is h2 or postgresql, not '$DB'" >&2; exit 2;; esac
[ "$PGDB" != test ] || { echo "agreement: the database 'test' belongs to CI; choose another PGDB" >&2; exit 2; }
WORK=$PWD/bench/work-agreement
ADMIN_PW=bench-admin-password
EDITORS="agr-1 agr-2 agr-3"
source bench/lib.sh

need_tools jq curl java jcmd jstat
prepare_app

echo "== setup: project, labels, three editors and a reviewer ($DB)"
start_app
PROJECT=$(api POST /api/projects '{"name":"Agreement bench","description":"generated"}' | jq -r .id)
for l in '{"key":"CLAIM","color":"#e4572e","shortcut":"c"}' '{"key":"ACTOR","color":"#2e86ab","shortcut":"a"}' \
         '{"key":"LOCATION","color":"#3bb273","shortcut":"l"}'; do api POST "/api/projects/$PROJECT/labels" "$l" >/dev/null; done
for u in $(printf '%s:editor ' $EDITORS) bench-reviewer:reviewer; do
  name=${u%%:*}; role=${u##*:}
  api POST /api/users "{\"username\":\"$name\",\"password\":\"$ADMIN_PW\",\"roles\":[\"$role\"]}" >/dev/null
  api POST "/api/projects/$PROJECT/members" "{\"username\":\"$name\"}" >/dev/null
done
TOKEN=$(curl -sf -u "bench-reviewer:$ADMIN_PW" -H 'Content-Type: application/json' -d '{"name":"bench"}' "$BASE/api/me/tokens" | jq -r .token)
stop_app

echo "== generate: $ARTICLES articles × 3 annotators"
generator_classpath
# shellcheck disable=SC2086
java -Xmx1g -Dgloss.corpus=../shared/corpus -cp "$CP" bench/Generate.java --agreement "$JDBC_URL" "$DB_USER" "" "$PROJECT" \
  "$ARTICLES" 42 $EDITORS

echo "== agreement, $RUNS times"
start_app
T_READY=$(date +%s%N)
# After the start the app folds the generated rows' search words, indexes them (H2) and counts
# them for the statistics: the agreement is timed once that work is done, not beside it.
until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Token $TOKEN" "$BASE/api/projects/$PROJECT/stats")" = 200 ] \
    && [ "$(curl -sf -H "Authorization: Token $TOKEN" "$BASE/api/search?q=bench&project=$PROJECT&limit=1" | jq .pending)" = 0 ]; do
  sleep 5
done
echo "start-up work done $(( ($(date +%s%N) - T_READY) / 1000000000 )) s after ready"
jcmd $PID GC.run >/dev/null 2>&1 || true
sleep 1
heap_used() { # the survivor, eden and old spaces' "used" columns of a jstat -gc file, in MB: peak over its rows
  awk 'NR == 1 {for (i = 1; i <= NF; i++) if ($i ~ /^(S0U|S1U|EU|OU)$/) c[i]; next}
       {u = 0; for (i in c) u += $i; if (u > m) m = u} END {print (NR > 1 ? int(m / 1024) : "n/a")}' "$1"
}
jstat -gc $PID > "$WORK/heap-before.txt"
echo "heap used before: $(heap_used "$WORK/heap-before.txt") MB (after a full GC)"
jstat -gc $PID 100 > "$WORK/heap.txt" 2>/dev/null & SAMPLER=$!
TIMES=()
for n in $(seq 1 "$RUNS"); do
  t=$(curl -sf -o "$WORK/agreement.json" -w '%{time_total}' -H "Authorization: Token $TOKEN" \
      "$BASE/api/projects/$PROJECT/agreement")
  TIMES+=("$t")
  echo "run $n: ${t} s"
done
kill $SAMPLER 2>/dev/null || true; wait $SAMPLER 2>/dev/null || true
echo "median: $(printf '%s\n' "${TIMES[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p") s; peak heap used while they ran: $(heap_used "$WORK/heap.txt") MB (sampled every 0.1 s)"
jcmd $PID GC.run >/dev/null 2>&1 || true
sleep 1
jstat -gc $PID > "$WORK/heap-after.txt"
echo "heap used after the runs and a full GC: $(heap_used "$WORK/heap-after.txt") MB; RSS: $(( $(ps -o rss= -p $PID) / 1024 )) MB"
jq -c '{articles, annotators, overall, pairs: [.pairs[] | {a, b, articles, alphaU, kappa}]}' "$WORK/agreement.json"

# The statistics' agreement over time measures the same articles per bucket (they were marked done
# through January 2025): once per period, then kept until the project changes.
echo "== statistics of January 2025 with agreement over time"
stats_time() { curl -sf -o "$WORK/stats.json" -w '%{time_total}' -H "Authorization: Token $TOKEN" "$BASE/api/projects/$PROJECT/stats$1"; }
echo "per day, measured: $(stats_time '?from=2025-01-01&to=2025-01-31') s; again, kept: $(stats_time '?from=2025-01-01&to=2025-01-31') s"
echo "per week, measured: $(stats_time '?from=2025-01-01&to=2025-01-31&bucket=week') s; $(jq -c '[.agreement[] | {bucket, articles, alphaU}] | .[0:2]' "$WORK/stats.json") …"
# A reviewer relabels one span of the article with the least agreement: its day is measured again, the rest kept.
ARTICLE=$(curl -sf -H "Authorization: Token $TOKEN" "$BASE/api/projects/$PROJECT/agreement?sort=alphaU&limit=1" | jq -r '.perArticle[0].articleId')
read -r SPAN LABEL < <(curl -sf -H "Authorization: Token $TOKEN" "$BASE/api/articles/$ARTICLE/annotations" \
  | jq -r '(if type == "array" then .[0] else .items[0] end) | "\(.id) \(.label)"')
NEW_LABEL=$([ "$LABEL" = CLAIM ] && echo ACTOR || echo CLAIM)
curl -sf -o /dev/null -H "Authorization: Token $TOKEN" -H 'Content-Type: application/json' -d "{\"label\":\"$NEW_LABEL\"}" \
  "$BASE/api/annotations/$SPAN/label"
echo "per day after one span of one article relabelled: $(stats_time '?from=2025-01-01&to=2025-01-31') s (that article's day measured again)"
stop_app
