#!/usr/bin/env bash
# Gloss live-changes bench: how fast a commit reaches the open event streams, what a stream costs
# in memory, and what a thousand of them cost the create load. See bench/README.md; the figures
# and how to read them are in docs/benchmarks.md ("Live changes").
#
#   bench/live.sh                          H2, one instance: streams and creates on the same one
#   DB=postgresql bench/live.sh            PostgreSQL, two instances: streams on B, creates on A
#   LISTENERS="1 100 1000" RATE=20 DURATION=15 CLIENTS=64 WARMUP=30 PORT=8191 ...
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-h2}
LISTENERS=${LISTENERS:-1 100 1000}
RATE=${RATE:-20}
DURATION=${DURATION:-15}; DURATION=${DURATION%s}
CLIENTS=${CLIENTS:-64}
WARMUP=${WARMUP:-30}; WARMUP=${WARMUP%s}
MEMORY_LISTENERS=${MEMORY_LISTENERS:-1000}
ARTICLES=${ARTICLES:-1000}
ANNOTATIONS=${ANNOTATIONS:-20000}
PORT=${PORT:-8191}
PORT_B=${PORT_B:-$((PORT + 1))}
PGDB=${PGDB:-gloss_bench_live}
for n in DURATION WARMUP RATE CLIENTS MEMORY_LISTENERS; do
  [[ ${!n} =~ ^[0-9]+$ ]] || { echo "live: $n is a number, not '${!n}'" >&2; exit 2; }
done
case "$DB" in h2|postgresql) ;; *) echo "live: DB is h2 or postgresql, not '$DB'" >&2; exit 2;; esac
[ "$PGDB" != test ] || { echo "live: the database 'test' belongs to CI; choose another PGDB" >&2; exit 2; }
WORK=$PWD/bench/work-live
ADMIN_PW=bench-admin-password

for tool in wrk jq curl java jcmd; do
  command -v $tool >/dev/null || { echo "live: needs $tool (apt-get install -y wrk jq curl)" >&2; exit 1; }
done
# A thousand streams are a thousand sockets in the app and in the client, beyond the usual 1,024.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
[ -f target/quarkus-app/quarkus-run.jar ] || ./gloss build
rm -rf "$WORK" && mkdir -p "$WORK/a"
cp -r target/quarkus-app "$WORK/a/quarkus-app"

if [ "$DB" = postgresql ]; then
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $PGDB" -c "create database $PGDB"
  JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$PGDB; DB_USER=postgres
  QUARKUS_DATASOURCE_DB_KIND=postgresql java -Dquarkus.launch.rebuild=true -jar "$WORK/a/quarkus-app/quarkus-run.jar" >/dev/null
  # B is a copy of the re-targeted app made before either runs, so each writes its own start-up cache.
  mkdir -p "$WORK/b" && cp -r "$WORK/a/quarkus-app" "$WORK/b/quarkus-app"
  export QUARKUS_DATASOURCE_JDBC_URL=$JDBC_URL QUARKUS_DATASOURCE_USERNAME=$DB_USER
  INSTANCES="a b"; STREAMS=b
else
  JDBC_URL="jdbc:h2:file:$WORK/a/data/gloss"; DB_USER=sa
  INSTANCES="a"; STREAMS=a
fi
export GLOSS_DEMO_ENABLED=false GLOSS_ADMIN_PASSWORD=$ADMIN_PW
declare -A PIDS=() PORTS=([a]=$PORT [b]=$PORT_B)
base() { echo "http://127.0.0.1:${PORTS[$1]}"; }
CREATES_URL=$(base a); STREAMS_URL=$(base $STREAMS)

start() { # instance
  local i=$1
  GLOSS_APP_DIR="$WORK/$i/quarkus-app" GLOSS_DATA_DIR="$WORK/$i/data" QUARKUS_HTTP_PORT=${PORTS[$i]} \
    JAVA_OPTS="${BENCH_JAVA_OPTS:-}" ./gloss run > "$WORK/$i/app.log" 2>&1 &
  PIDS[$i]=$!
  until curl -sf "$(base "$i")/q/health/ready" >/dev/null; do
    kill -0 "${PIDS[$i]}" 2>/dev/null || { echo "live: instance $i did not start, see $WORK/$i/app.log" >&2; exit 1; }
    sleep 0.1
  done
}
stop() { kill "${PIDS[$1]}"; wait "${PIDS[$1]}" 2>/dev/null || true; unset "PIDS[$1]"; }
HOLDER=""
cleanup() {
  [ -z "$HOLDER" ] || kill "$HOLDER" 2>/dev/null || true
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

api() { # method path [json] — as admin with Basic, on A
  curl -sf -u "admin:$ADMIN_PW" -X "$1" -H 'Content-Type: application/json' ${3:+-d "$3"} "$CREATES_URL$2"
}
member() { # username role: a new account in the project, with a personal token (printed)
  api POST /api/users "{\"username\":\"$1\",\"password\":\"$ADMIN_PW\",\"roles\":[\"$2\"]}" >/dev/null
  api POST "/api/projects/$PROJECT/members" "{\"username\":\"$1\"}" >/dev/null
  curl -sf -u "$1:$ADMIN_PW" -H 'Content-Type: application/json' -d '{"name":"live bench"}' "$CREATES_URL/api/me/tokens" | jq -r .token
}

echo "== setup ($DB; instances: $INSTANCES; streams on $STREAMS, creates on a)"
start a
PROJECT=$(api POST /api/projects '{"name":"Live bench","description":"generated"}' | jq -r .id)
for l in '{"key":"CLAIM","color":"#e4572e","shortcut":"c"}' '{"key":"ACTOR","color":"#2e86ab","shortcut":"a"}' \
         '{"key":"LOCATION","color":"#3bb273","shortcut":"l"}'; do api POST "/api/projects/$PROJECT/labels" "$l" >/dev/null; done
api POST /api/users "{\"username\":\"bench-editor\",\"password\":\"$ADMIN_PW\",\"roles\":[\"editor\"]}" >/dev/null
api POST "/api/projects/$PROJECT/members" '{"username":"bench-editor"}' >/dev/null
LIVE_TOKEN=$(member live-editor editor)    # LiveBench's timed creates
READER_TOKEN=$(member live-reader reviewer) # every stream
stop a

echo "== generate: $ARTICLES articles, $ANNOTATIONS annotations"
CP=$(ls "$WORK"/a/quarkus-app/lib/main/com.h2database.h2-*.jar "$WORK"/a/quarkus-app/lib/main/org.postgresql.postgresql-*.jar \
     "$WORK"/a/quarkus-app/app/*.jar "$WORK"/a/quarkus-app/lib/main/*.jar | tr '\n' ':')  # the app too: H2 runs its trigger class on every insert
java -Xmx1g -Dgloss.corpus=../shared/corpus -cp "$CP" bench/Generate.java "$JDBC_URL" "$DB_USER" "" "$PROJECT" \
  "$ARTICLES" "$ANNOTATIONS" bench-editor 42 > "$WORK/ids.env"
source "$WORK/ids.env"
for i in $INSTANCES; do start "$i"; done
curl -sf -H "Authorization: Token $LIVE_TOKEN" "$CREATES_URL/api/articles/$LOAD_ARTICLE" | jq -j .text > "$WORK/load-article.txt"
curl -sf -H "Authorization: Token $LIVE_TOKEN" "$CREATES_URL/api/articles/$PAGE_ARTICLE" | jq -j .text > "$WORK/page-article.txt"

RESULTS=$WORK/results.tsv
LOAD_RESULTS=$WORK/load.tsv
printf 'run\tlisteners\tcreate_req_per_s\tcreate_median_ms\tcreate_p99_ms\terrors\tload_1min\n' > "$LOAD_RESULTS"
TIMED=0  # LiveBench's creates so far: each run tags new spans
LOADS=0  # wrk runs so far: each runs as an editor of its own, so its spans never repeat an earlier run's
livebench() { # label listeners duration [out]
  java -Xss512k bench/LiveBench.java latency --streams "$STREAMS_URL" --creates "$CREATES_URL" --project "$PROJECT" \
    --article "${TIMED_ARTICLE:-$LOAD_ARTICLE}" --text "${TIMED_TEXT:-$WORK/load-article.txt}" --token "$LIVE_TOKEN" \
    --stream-token "$READER_TOKEN" --stream-article "${STREAM_ARTICLE:-}" \
    --listeners "$2" --rate "$RATE" --duration "$3" --offset $TIMED --label "$1" --out "${4:-}"
  TIMED=$((TIMED + RATE * $3 + 100))
}
load_avg() { cut -d' ' -f1 /proc/loadavg; }
TICK=$(getconf CLK_TCK)
threads_cpu() { # pid: CPU ticks per kind of thread (the name without its number), from /proc
  cat /proc/"$1"/task/*/stat 2>/dev/null | sed -E 's/^[0-9]+ \((.*)\) (.*)$/\1|\2/' |
    awk -F'|' '{n = $1; gsub(/[-#]?[0-9]+$/, "", n); gsub(/ /, "_", n); split($2, f, " "); t[n] += f[12] + f[13]}
               END {for (n in t) print n, t[n]}' | sort
}
# Where the events wait when they are late: in the kernel, arrived and not yet read by the client
# (Recv-Q of its sockets) or not yet sent (Send-Q of the app's), or still inside the app.
queues() { # port: "unread unsent" bytes of the event streams' sockets
  echo "$(ss -tnH state established "( dport = :$1 )" | awk '{q += $1} END {print q + 0}') $(ss -tnH state established "( sport = :$1 )" | awk '{q += $2} END {print q + 0}')"
}
busiest_threads() { # before-file after-file: the six kinds of thread that used the most CPU between them
  join -a 2 "$1" "$2" | awk -v tick="$TICK" '{d = (NF == 3 ? $3 - $2 : $2); if (d > 0) printf "%s %.1f\n", $1, d / tick}' |
    sort -k2 -nr | head -6 | awk '{printf "%s%s %s s", (NR > 1 ? ", " : ""), $1, $2} END {print ""}'
}
# LiveBench in the background, and once its streams are open the create load beside it.
with_load() { # label listeners duration [out]
  local token out=$WORK/livebench.out line rps median p99 errors
  LOADS=$((LOADS + 1))
  token=$(member "load-$LOADS" editor)
  rm -f "$out"  # the last run's READY must not start this run's load
  livebench "$@" > "$out" 2>&1 &
  local lb=$!
  TIMED=$((TIMED + RATE * $3 + 100))  # livebench counted in its own subshell
  until grep -qs '^READY' "$out"; do
    kill -0 $lb 2>/dev/null || { cat "$out" >&2; echo "live: LiveBench stopped" >&2; exit 1; }
    sleep 0.1
  done
  for i in $INSTANCES; do threads_cpu "${PIDS[$i]}" > "$WORK/$i/threads.before"; done
  while sleep 0.5; do queues "${PORTS[$STREAMS]}"; done > "$WORK/queues.txt" &
  local sampler=$!
  line=$(GLOSS_THREADS=2 GLOSS_TOKEN=$token GLOSS_ARTICLE=$LOAD_ARTICLE GLOSS_TEXT_FILE=$WORK/load-article.txt GLOSS_OFFSET=0 \
    wrk -t2 -c"$CLIENTS" -d"$3s" --timeout 10s -s bench/lua/create.lua "$CREATES_URL" | grep '^RESULT')
  for i in $INSTANCES; do threads_cpu "${PIDS[$i]}" > "$WORK/$i/threads.after"; done
  kill $sampler; wait $sampler 2>/dev/null || true
  wait $lb || { cat "$out" >&2; exit 1; }
  grep -v '^READY' "$out"
  eval "${line#RESULT }"
  rps=$rps; median=$median_ms; p99=$p99_ms; errors=$errors
  echo "  create load, $CLIENTS clients, $2 listeners: $rps req/s, median $median ms, p99 $p99 ms, errors $errors"
  for i in $INSTANCES; do
    echo "  CPU of instance $i's threads during the load: $(busiest_threads "$WORK/$i/threads.before" "$WORK/$i/threads.after")"
  done
  awk '{u += $1; s += $2; if ($1 > mu) mu = $1; if ($2 > ms) ms = $2}
       END {if (NR) printf "  the streams'"'"' bytes in the kernel (every 0.5 s): unread by the client mean %d kB, max %d kB; unsent by the app mean %d kB, max %d kB\n", u / NR / 1024, mu / 1024, s / NR / 1024, ms / 1024}' "$WORK/queues.txt"
  [ -z "${4:-}" ] || printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$rps" "$median" "$p99" "$errors" "$(load_avg)" >> "$LOAD_RESULTS"
}

if [ "$WARMUP" -gt 0 ]; then
  echo "== warm-up: $WARMUP s of create load at 16 clients and 100 listeners, not recorded"
  CLIENTS=16 with_load warm-up 100 "$WARMUP" > /dev/null
fi

echo "== memory of instance $STREAMS with 0 and $MEMORY_LISTENERS open streams"
SPID=${PIDS[$STREAMS]}
memory() { # after a full collection, so that garbage does not count: "RSS kB, heap used kB, the kernel's TCP buffers in pages"
  jcmd "$SPID" GC.run >/dev/null; sleep 2
  echo "$(awk '/^VmRSS/ {print $2}' "/proc/$SPID/status") $(jcmd "$SPID" GC.heap_info | sed -n 's/.* heap .*used \([0-9]*\)K.*/\1/p' | head -1) $(awk '/^TCP:/ {for (i = 1; i < NF; i++) if ($i == "mem") print $(i + 1)}' /proc/net/sockstat)"
}
read -r RSS_0 HEAP_0 TCP_0 <<< "$(memory)"
java bench/LiveBench.java hold --streams "$STREAMS_URL" --project "$PROJECT" --stream-token "$READER_TOKEN" \
  --listeners "$MEMORY_LISTENERS" > "$WORK/hold.out" 2>&1 &
HOLDER=$!
until grep -qs '^READY' "$WORK/hold.out"; do
  kill -0 $HOLDER 2>/dev/null || { cat "$WORK/hold.out" >&2; exit 1; }
  sleep 0.2
done
sleep 2
read -r RSS_N HEAP_N TCP_N <<< "$(memory)"
kill $HOLDER; wait $HOLDER 2>/dev/null || true; HOLDER=""
# The app learns that a client has gone at the stream's next write: the keep-alive, every 15 s.
sleep 17
read -r RSS_AFTER HEAP_AFTER TCP_AFTER <<< "$(memory)"
{
  echo "rss_kb: $RSS_0 with 0 streams, $RSS_N with $MEMORY_LISTENERS, $RSS_AFTER when they have gone (after a keep-alive)"
  echo "heap_used_kb: $HEAP_0, $HEAP_N, $HEAP_AFTER"
  echo "kernel_tcp_pages (whole machine, both ends): $TCP_0, $TCP_N, $TCP_AFTER"
  echo "rss_kb_per_stream=$(( (RSS_N - RSS_0) / MEMORY_LISTENERS ))"
  echo "heap_kb_per_stream=$(( (HEAP_N - HEAP_0) / MEMORY_LISTENERS ))"
} | tee "$WORK/memory.txt"

echo "== fan-out latency, $RATE creates/s for $DURATION s (load average $(load_avg))"
for n in $LISTENERS; do livebench "quiet" "$n" "$DURATION" "$RESULTS"; done

echo "== the same beside the create load at $CLIENTS clients (load average $(load_avg))"
for n in 0 $LISTENERS; do with_load "create-load" "$n" "$DURATION" "$RESULTS"; done
# A desk's usual case: people on article pages, the load writing elsewhere in the project. The
# streams follow one article, the timed creates go to it, the create load to another one.
MOST=$(printf '%s\n' $LISTENERS | sort -n | tail -1)
echo "== $MOST streams of one article, the create load on another (load average $(load_avg))"
TIMED_ARTICLE=$PAGE_ARTICLE TIMED_TEXT=$WORK/page-article.txt STREAM_ARTICLE=$PAGE_ARTICLE \
  with_load "create-load-article-streams" "$MOST" "$DURATION" "$RESULTS"

for i in $INSTANCES; do stop "$i"; done
echo
echo "machine: $(nproc) cores, load average now $(cut -d' ' -f1-3 /proc/loadavg)"
echo "latency (ms): $RESULTS"; column -t -s $'\t' "$RESULTS"
echo "create load: $LOAD_RESULTS"; column -t -s $'\t' "$LOAD_RESULTS"
echo "memory: $WORK/memory.txt"; cat "$WORK/memory.txt"
