#!/usr/bin/env bash
# The slow-body attack (issue 14, item 2) under normal load: CONNECTIONS clients send request
# bodies a byte a second (bench/SlowBodies.java) while wrk reads a project (a request that needs a
# worker thread and the database); prints the normal requests' p99 without and with the attack.
#
#   bench/slow-bodies.sh                         16 trickling connections of 100,000 bytes, 20 s per load
#   CONNECTIONS=64 LENGTH=100000 DURATION=30s bench/slow-bodies.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${CONNECTIONS:-16}
LENGTH=${LENGTH:-100000}
DURATION=${DURATION:-20s}
CLIENTS=${CLIENTS:-16}
PORT=${PORT:-8182}
WORK=$PWD/bench/work-slow
BASE=http://127.0.0.1:$PORT
ADMIN_PW=bench-admin-password

for tool in wrk jq curl java; do
  command -v $tool >/dev/null || { echo "bench: needs $tool (apt-get install -y wrk jq curl)" >&2; exit 1; }
done
[ -f target/quarkus-app/quarkus-run.jar ] || ./gloss build
rm -rf "$WORK" && mkdir -p "$WORK"
cp -r target/quarkus-app "$WORK/quarkus-app"
export GLOSS_DATA_DIR=$WORK/data GLOSS_DEMO_ENABLED=false GLOSS_ADMIN_PASSWORD=$ADMIN_PW QUARKUS_HTTP_PORT=$PORT

GLOSS_APP_DIR="$WORK/quarkus-app" ./gloss run > "$WORK/app.log" 2>&1 &
PID=$!
ATTACK=""
trap 'kill $PID ${ATTACK} 2>/dev/null || true' EXIT
until curl -sf "$BASE/q/health/ready" >/dev/null; do
  kill -0 $PID 2>/dev/null || { echo "bench: the app did not start, see $WORK/app.log" >&2; exit 1; }
  sleep 0.1
done

api() { curl -sf -u "admin:$ADMIN_PW" -X "$1" -H 'Content-Type: application/json' ${3:+-d "$3"} "$BASE$2"; }
PROJECT=$(api POST /api/projects '{"name":"Slow bodies","description":"bench"}' | jq -r .id)
api POST "/api/projects/$PROJECT/labels" '{"key":"ACTOR","color":"#2e86ab","shortcut":"a"}' >/dev/null
TOKEN=$(api POST /api/me/tokens '{"name":"bench"}' | jq -r .token)

load() { # label
  wrk -t2 -c"$CLIENTS" -d"$DURATION" --timeout 10s -s bench/lua/get.lua "$BASE" \
      | grep '^RESULT' | sed "s/^RESULT/$1/"
}
export GLOSS_TOKEN=$TOKEN GLOSS_PATH="/api/projects/$PROJECT"
DURATION=10s load warm-up >/dev/null
echo "== $CLIENTS clients reading /api/projects/$PROJECT for $DURATION; attack: $CONNECTIONS connections x $LENGTH bytes at 1 byte/s"
load "no-attack  "
java bench/SlowBodies.java 127.0.0.1 "$PORT" "$TOKEN" "$PROJECT" "$CONNECTIONS" "$LENGTH" > "$WORK/attack.log" 2>&1 &
ATTACK=$!
sleep 3
load "attack     "
kill $ATTACK; wait $ATTACK 2>/dev/null || true; ATTACK=""
sleep 3
load "no-attack  " # again: on a shared machine, the spread between the two runs without is the noise
cat "$WORK/attack.log"
