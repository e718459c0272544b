#!/usr/bin/env bash
# Crash safety: writes annotations from several clients, kills the app with SIGKILL in the middle,
# restarts it and checks that every write that was answered 2xx is there. See bench/README.md.
#
#   bench/crash.sh                 H2 (the embedded default)
#   DB=postgresql bench/crash.sh   PostgreSQL 127.0.0.1:5432, database gloss_crash (recreated)
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-h2}
WRITERS=${WRITERS:-8}
SECONDS_BEFORE_KILL=${SECONDS_BEFORE_KILL:-8}
PORT=${PORT:-8182}
WORK=$PWD/bench/work-crash
BASE=http://127.0.0.1:$PORT
PW=crash-admin-password
[ -f target/quarkus-app/quarkus-run.jar ] || ./gloss build
rm -rf "$WORK" && mkdir -p "$WORK" && cp -r target/quarkus-app "$WORK/quarkus-app"
APP=$WORK/quarkus-app/quarkus-run.jar
if [ "$DB" = postgresql ]; then
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists gloss_crash" -c "create database gloss_crash"
  QUARKUS_DATASOURCE_DB_KIND=postgresql java -Dquarkus.launch.rebuild=true -jar "$APP" >/dev/null
  export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/gloss_crash QUARKUS_DATASOURCE_USERNAME=postgres
fi
export GLOSS_DATA_DIR=$WORK/data GLOSS_DEMO_ENABLED=false GLOSS_ADMIN_PASSWORD=$PW QUARKUS_HTTP_PORT=$PORT

start() {
  java -jar "$APP" >> "$WORK/app.log" 2>&1 &
  PID=$!
  until curl -sf "$BASE/q/health/ready" >/dev/null; do sleep 0.1; done
}
api() { curl -sf -u "admin:$PW" -H 'Content-Type: application/json' -X "$1" ${3:+-d "$3"} "$BASE$2"; }

start
PROJECT=$(api POST /api/projects '{"name":"Crash"}' | jq -r .id)
api POST "/api/projects/$PROJECT/labels" '{"key":"ACTOR"}' >/dev/null
api POST /api/users "{\"username\":\"crash-editor\",\"password\":\"$PW\",\"roles\":[\"editor\"]}" >/dev/null
api POST "/api/projects/$PROJECT/members" '{"username":"crash-editor"}'
TEXT=$(python3 -c "print(' '.join('w%d' % i for i in range(20000)))")
ARTICLE=$(api POST "/api/projects/$PROJECT/articles" "{\"title\":\"Crash\",\"text\":\"$TEXT\"}" | jq -r .id)
TOKEN=$(curl -sf -u "crash-editor:$PW" -H 'Content-Type: application/json' -d '{"name":"crash"}' "$BASE/api/me/tokens" | jq -r .token)

# Each writer tags its own words one after the other and logs the id of every 201 it receives.
writer() {
  python3 - "$1" "$WRITERS" "$BASE" "$TOKEN" "$ARTICLE" "$WORK/acked-$1.txt" <<'PY'
import json, sys, urllib.request
w, writers, base, token, article, log = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6]
words = ["w%d" % i for i in range(20000)]
starts, at = [], 0
for word in words:
    starts.append(at)
    at += len(word) + 1
with open(log, "a") as out:
    for i in range(w, len(words), writers):
        body = json.dumps({"articleId": article, "label": "ACTOR", "start": starts[i], "end": starts[i] + len(words[i]),
                           "quote": words[i]}).encode()
        req = urllib.request.Request(base + "/api/annotations", data=body, headers={
            "Authorization": "Token " + token, "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=5) as r:
                if r.status == 201:
                    out.write("%d\n" % json.load(r)["id"])
                    out.flush()
        except Exception:
            pass  # refused or cut off by the kill: not acknowledged, so not counted
PY
}
for w in $(seq 1 "$WRITERS"); do writer "$w" & done
sleep "$SECONDS_BEFORE_KILL"
kill -9 $PID
sleep 1
kill $(jobs -p) 2>/dev/null || true
wait 2>/dev/null || true
cat "$WORK"/acked-*.txt | sort -n > "$WORK/acked.txt"
ACKED=$(wc -l < "$WORK/acked.txt")

start
curl -sf -H "Authorization: Token $TOKEN" "$BASE/api/articles/$ARTICLE/annotations" | jq -r '.items[].id' | sort -n > "$WORK/stored.txt"
MISSING=$(comm -23 "$WORK/acked.txt" "$WORK/stored.txt" | wc -l)
kill $PID; wait $PID 2>/dev/null || true
echo "crash ($DB): $ACKED writes answered 201 before SIGKILL, $(wc -l < "$WORK/stored.txt") stored after restart, $MISSING missing"
[ "$MISSING" -eq 0 ]
