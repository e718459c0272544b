#!/usr/bin/env bash
# What a NOTIFY costs a commit on PostgreSQL: pgbench commits of one small insert each, with and
# without a pg_notify in the transaction as Gloss sends one per change (payload
# "<project>:<instance>"), at several client counts, while two connections LISTEN (two instances).
# See bench/README.md; figures in docs/benchmarks.md ("Live changes").
#
#   bench/notify-cost.sh                  database gloss_bench_notify on 127.0.0.1:5432 (recreated)
#   CLIENTS="1 8 32" DURATION=10 PGDB=... PGURL_HOST=127.0.0.1
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-1 8 32}
DURATION=${DURATION:-10}; DURATION=${DURATION%s}
PGDB=${PGDB:-gloss_bench_notify}
HOST=${PGURL_HOST:-127.0.0.1}
[ "$PGDB" != test ] || { echo "notify-cost: the database 'test' belongs to CI; choose another PGDB" >&2; exit 2; }
command -v pgbench >/dev/null || { echo "notify-cost: needs pgbench (postgresql-contrib / postgresql-client)" >&2; exit 1; }
WORK=$PWD/bench/work-notify
rm -rf "$WORK" && mkdir -p "$WORK"
PSQL=(psql -q -h "$HOST" -U postgres)
"${PSQL[@]}" -d postgres -c "drop database if exists $PGDB with (force)" -c "create database $PGDB"
"${PSQL[@]}" -d "$PGDB" -c "create table change_log (id bigserial primary key, project_id bigint not null, body text not null)"

# The same transaction twice: an insert as a change's log row, then the commit; the second also notifies.
cat > "$WORK/plain.sql" <<'SQL'
begin;
insert into change_log (project_id, body) values (:client_id % 100, repeat('x', 300));
commit;
SQL
cat > "$WORK/notify.sql" <<'SQL'
begin;
insert into change_log (project_id, body) values (:client_id % 100, repeat('x', 300));
select pg_notify('gloss_changes', concat(:client_id % 100, chr(58), 'bench001'));
commit;
SQL

# Two listeners for the whole run, as two instances would hold (they never read: the queue grows
# by the run's notifications, a few MB, which PostgreSQL's 8 GB queue takes in its stride).
LISTENERS=()
for _ in 1 2; do
  "${PSQL[@]}" -d "$PGDB" -c "LISTEN gloss_changes" -c "select pg_sleep(3600)" >/dev/null 2>&1 &
  LISTENERS+=($!)
done
# A killed psql leaves its backend asleep: end the backends too.
trap 'kill "${LISTENERS[@]}" 2>/dev/null || true
      "${PSQL[@]}" -d postgres -Atc "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = '"'"'$PGDB'"'"'" >/dev/null' EXIT
sleep 1

RESULTS=$WORK/results.tsv
printf 'clients\tscript\ttps\tlatency_avg_ms\tload_1min\n' > "$RESULTS"
for c in $CLIENTS; do
  for script in plain notify; do
    out=$(pgbench -h "$HOST" -U postgres -n -M prepared -c "$c" -j "$(( c < 2 ? 1 : 2 ))" -T "$DURATION" \
      -f "$WORK/$script.sql" "$PGDB" 2>&1)
    tps=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
    lat=$(echo "$out" | sed -n 's/^latency average = \([0-9.]*\) ms/\1/p')
    printf '%s\t%s\t%s\t%s\t%s\n' "$c" "$script" "$tps" "$lat" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$RESULTS"
  done
done
"${PSQL[@]}" -d "$PGDB" -Atc "select 'notification queue used: ' || round(pg_notification_queue_usage()::numeric * 100, 3) || ' %'"
echo "results: $RESULTS"
