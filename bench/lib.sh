# Shared by bench/run.sh, bench/search.sh and bench/agreement.sh (sourced, not run): the app's copy and database, its
# start and stop, the bench project, the generated data and one wrk load. The caller sets WORK,
# DB, PORT and ADMIN_PW first (and PGDB, the PostgreSQL database, on DB=postgresql).

BASE=http://127.0.0.1:$PORT

need_tools() { # tool...
  local tool
  for tool in "$@"; do
    command -v $tool >/dev/null || { echo "bench: needs $tool (apt-get install -y wrk jq curl)" >&2; exit 1; }
  done
}

# Copies the built app to $WORK/quarkus-app (building it first if need be), empties the database
# and points the app at it: sets APP, JDBC_URL, DB_USER and the app's environment.
prepare_app() {
  [ -f target/quarkus-app/quarkus-run.jar ] || ./gloss build
  rm -rf "$WORK" && mkdir -p "$WORK"
  cp -r target/quarkus-app "$WORK/quarkus-app"
  if [ "$DB" = postgresql ]; then
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $PGDB" -c "create database $PGDB"
    QUARKUS_DATASOURCE_DB_KIND=postgresql java -Dquarkus.launch.rebuild=true -jar "$WORK/quarkus-app/quarkus-run.jar" >/dev/null
  fi
  app_env
}

# The variables and environment of prepare_app for the app and database already in $WORK.
app_env() {
  APP=$WORK/quarkus-app/quarkus-run.jar
  if [ "$DB" = postgresql ]; then
    JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$PGDB; DB_USER=postgres
    export QUARKUS_DATASOURCE_JDBC_URL=$JDBC_URL QUARKUS_DATASOURCE_USERNAME=$DB_USER
  else
    JDBC_URL="jdbc:h2:file:$WORK/data/gloss"; DB_USER=sa
  fi
  export GLOSS_DATA_DIR=$WORK/data GLOSS_DEMO_ENABLED=false GLOSS_ADMIN_PASSWORD=$ADMIN_PW QUARKUS_HTTP_PORT=$PORT
}

PID=""
start_app() { # sets PID and COLD_MS (launch to /q/health/ready)
  local t0; t0=$(date +%s%N)
  # Through the launcher, as a person starts it (with its class-data-sharing archive: the setup
  # run writes it when it stops, the run with data maps it).
  GLOSS_APP_DIR="$WORK/quarkus-app" JAVA_OPTS="${BENCH_JAVA_OPTS:-}" ./gloss run > "$WORK/app.log" 2>&1 &
  PID=$!
  until curl -sf "$BASE/q/health/ready" >/dev/null; do
    kill -0 $PID 2>/dev/null || { echo "bench: the app did not start, see $WORK/app.log" >&2; exit 1; }
    sleep 0.05
  done
  COLD_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}
stop_app() { kill $PID; wait $PID 2>/dev/null || true; }
trap '[ -n "$PID" ] && kill $PID 2>/dev/null || true' EXIT

api() { # method path [json] — as admin with Basic
  curl -sf -u "admin:$ADMIN_PW" -X "$1" -H 'Content-Type: application/json' ${3:+-d "$3"} "$BASE$2"
}
token() { curl -sf -u "$1:$ADMIN_PW" -H 'Content-Type: application/json' -d '{"name":"bench"}' "$BASE/api/me/tokens" | jq -r .token; }

# The bench project on the running app: three labels, bench-editor and bench-reviewer with a
# token each. Sets PROJECT, EDITOR_TOKEN, REVIEWER_TOKEN.
setup_project() {
  PROJECT=$(api POST /api/projects '{"name":"Bench","description":"generated"}' | jq -r .id)
  local l u
  for l in '{"key":"CLAIM","color":"#e4572e","shortcut":"c"}' '{"key":"ACTOR","color":"#2e86ab","shortcut":"a"}' \
           '{"key":"LOCATION","color":"#3bb273","shortcut":"l"}'; do api POST "/api/projects/$PROJECT/labels" "$l" >/dev/null; done
  for u in bench-editor:editor bench-reviewer:reviewer; do
    api POST /api/users "{\"username\":\"${u%%:*}\",\"password\":\"$ADMIN_PW\",\"roles\":[\"${u##*:}\"]}" >/dev/null
    api POST "/api/projects/$PROJECT/members" "{\"username\":\"${u%%:*}\"}"
  done
  EDITOR_TOKEN=$(token bench-editor); REVIEWER_TOKEN=$(token bench-reviewer)
}

# Sets CP, the classpath of bench/Generate.java: the JDBC drivers, then the app and its libraries,
# since on H2 every insert runs the app's trigger class (io.gloss.search.SearchQueueTrigger, db/h2/V29).
generator_classpath() {
  CP=$(ls "$WORK"/quarkus-app/lib/main/com.h2database.h2-*.jar "$WORK"/quarkus-app/lib/main/org.postgresql.postgresql-*.jar \
       "$WORK"/quarkus-app/app/*.jar "$WORK"/quarkus-app/lib/main/*.jar | tr '\n' ':')
}

# Writes ARTICLES and ANNOTATIONS into PROJECT with Generate.java (app stopped), its ids into
# $WORK/ids.env (sourced here). Sets CP and GEN_S. Extra arguments are the generator's JVM options
# (e.g. -Dgloss.rare-words=0.02).
generate() {
  generator_classpath
  local started url=$JDBC_URL; started=$(date +%s)
  # pgjdbc sends a batch as one multi-row insert only when asked (a round trip per row otherwise).
  [ "$DB" != postgresql ] || url="$JDBC_URL?reWriteBatchedInserts=true"
  java -Xmx1g -Dgloss.corpus=../shared/corpus "$@" -cp "$CP" bench/Generate.java "$url" "$DB_USER" "" "$PROJECT" \
    "$ARTICLES" "$ANNOTATIONS" bench-editor 42 > "$WORK/ids.env"
  GEN_S=$(( $(date +%s) - started ))
  source "$WORK/ids.env"
}

# One wrk run of bench/lua/<script> at <clients> connections (threads: 1, or 2 from 2 clients)
# for LOAD_DURATION or DURATION; the extra arguments are its environment. Sets median_ms, p99_ms,
# rps, requests and errors (lua/report.lua's RESULT line).
wrk_run() { # script clients [env...]
  local script=$1 clients=$2; shift 2
  local threads=$(( clients < 2 ? 1 : 2 ))
  local line
  line=$(env "$@" GLOSS_THREADS=$threads wrk -t$threads -c"$clients" -d"${LOAD_DURATION:-$DURATION}" --timeout 10s -s "bench/lua/$script" "$BASE" | grep '^RESULT')
  eval "${line#RESULT }"
}
