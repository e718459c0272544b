#!/usr/bin/env bash
# The annotation page in Debian's Chromium: an article of 1,000 spans and one of 10,000, each made
# through the API, then timed by bench/page/page-speed.mjs (playwright-core driving /usr/bin/chromium):
# served, navigation → every span drawn, key → highlight drawn, JS heap, scrolling frame rate.
# See docs/benchmarks.md, "The annotation page".
#
#   bench/page.sh                      H2, articles of 1,000 and 10,000 spans
#   SIZES=1000 LOADS=30 bench/page.sh  one size, more loads
#   DB=postgresql bench/page.sh        on PostgreSQL 127.0.0.1:5432 (database PGDB, recreated)
#   SIZES=1000 RELATIONS=500 bench/page.sh   with relations between the spans (issue 20's measurement)
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-h2}
PORT=${PORT:-8211}
PGDB=${PGDB:-gloss_bench_page}
case "$DB" in h2|postgresql) ;; *) echo "page: DB is h2 or postgresql, not '$DB'" >&2; exit 2;; esac
[ "$PGDB" != test ] || { echo "page: the database 'test' belongs to CI; choose another PGDB" >&2; exit 2; }
WORK=$PWD/bench/work-page
BASE=http://127.0.0.1:$PORT
ADMIN_PW=bench-admin-password

for tool in jq curl java node npm; do
  command -v $tool >/dev/null || { echo "page: needs $tool (apt-get install -y jq curl)" >&2; exit 1; }
done
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "page: needs Debian's Chromium (apt-get install -y chromium)" >&2; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./gloss build
[ -d bench/page/node_modules ] || (cd bench/page && npm ci --silent)
rm -rf "$WORK" && mkdir -p "$WORK"
cp -r target/quarkus-app "$WORK/quarkus-app"
if [ "$DB" = postgresql ]; then
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $PGDB" -c "create database $PGDB"
  export QUARKUS_DATASOURCE_DB_KIND=postgresql QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$PGDB \
    QUARKUS_DATASOURCE_USERNAME=postgres
  java -Dquarkus.launch.rebuild=true -jar "$WORK/quarkus-app/quarkus-run.jar" >/dev/null
fi
export GLOSS_DATA_DIR=$WORK/data GLOSS_DEMO_ENABLED=false GLOSS_ADMIN_PASSWORD=$ADMIN_PW QUARKUS_HTTP_PORT=$PORT

GLOSS_APP_DIR="$WORK/quarkus-app" JAVA_OPTS="${BENCH_JAVA_OPTS:-}" ./gloss run > "$WORK/app.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf "$BASE/q/health/ready" >/dev/null; do
  kill -0 $PID 2>/dev/null || { echo "page: the app did not start, see $WORK/app.log" >&2; exit 1; }
  sleep 0.1
done
api() { # method path [json] — as admin with Basic
  curl -sf -u "admin:$ADMIN_PW" -X "$1" -H 'Content-Type: application/json' ${3:+-d "$3"} "$BASE$2"
}

echo "== setup: project, labels, an editor ($DB)"
PROJECT=$(api POST /api/projects '{"name":"Page bench","description":"generated"}' | jq -r .id)
for l in '{"key":"CLAIM","color":"#e4572e","shortcut":"c"}' '{"key":"ACTOR","color":"#2e86ab","shortcut":"a"}' \
         '{"key":"LOCATION","color":"#3bb273","shortcut":"l"}'; do api POST "/api/projects/$PROJECT/labels" "$l" >/dev/null; done
api POST "/api/projects/$PROJECT/relation-types" '{"key":"ATTRIBUTED_TO","name":"Attributed to","from":["CLAIM"],"to":["ACTOR"]}' >/dev/null
api POST "/api/projects/$PROJECT/relation-types" '{"key":"LOCATED_IN","name":"Located in","from":["CLAIM"],"to":["LOCATION"]}' >/dev/null
api POST /api/users "{\"username\":\"bench-editor\",\"password\":\"$ADMIN_PW\",\"roles\":[\"editor\"]}" >/dev/null
api POST "/api/projects/$PROJECT/members" '{"username":"bench-editor"}' >/dev/null
TOKEN=$(curl -sf -u "bench-editor:$ADMIN_PW" -H 'Content-Type: application/json' -d '{"name":"bench"}' "$BASE/api/me/tokens" | jq -r .token)

BASE=$BASE PROJECT=$PROJECT EDITOR=bench-editor PASSWORD=$ADMIN_PW TOKEN=$TOKEN CORPUS=../shared/corpus \
  ADMIN_AUTH="admin:$ADMIN_PW" node bench/page/page-speed.mjs
