#!/usr/bin/env bash
# Imports a generated 100,000-line JSON Lines file through the API (a background job) and prints
# how long the job took. H2 in memory by default; DB=postgresql uses PGURL (database dropped and
# recreated), e.g. DB=postgresql PGURL=jdbc:postgresql://127.0.0.1:5432/gloss_bench bench/import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
args=(-B -q test -Dtest=ImportBench -Dgloss.keycloak.skip=true -DskipFrontendTests=true -Dsurefire.failIfNoSpecifiedTests=false)
if [[ "${DB:-h2}" == postgresql ]]; then
  url=${PGURL:-jdbc:postgresql://127.0.0.1:5432/gloss_bench}
  db=${url##*/}
  dropdb -h 127.0.0.1 -U postgres --if-exists "$db" && createdb -h 127.0.0.1 -U postgres "$db"
  args+=(-Dgloss.db-kind=postgresql "-Dgloss.test.jdbc-url=$url" -Dgloss.test.db-username=postgres)
fi
./mvnw "${args[@]}"
grep -h 'IMPORT-BENCH' target/surefire-reports/TEST-io.gloss.article.ImportBench.xml
