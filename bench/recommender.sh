#!/usr/bin/env bash
# The recommender on a project of 10,000 approved spans (RecommenderBench, src/test; generated
# text, no corpus sentence): training time and heap, GET suggestions of a 20,000-character
# article, precision / recall / F1 per label on the held-out split, and a learning curve.
# H2 in memory by default; DB=postgresql uses PGURL (database dropped and recreated), e.g.
# DB=postgresql PGURL=jdbc:postgresql://127.0.0.1:5432/gloss_bench bench/recommender.sh
# SPANS (10000) sets the project's size.
set -euo pipefail
cd "$(dirname "$0")/.."
args=(-B -q test -Dtest=RecommenderBench -Dgloss.keycloak.skip=true -DskipFrontendTests=true -Dsurefire.failIfNoSpecifiedTests=false
  -Dgloss.postgres.skip=true "-Dbench.spans=${SPANS:-10000}")
if [[ "${DB:-h2}" == postgresql ]]; then
  url=${PGURL:-jdbc:postgresql://127.0.0.1:5432/gloss_bench}
  db=${url##*/}
  dropdb -h 127.0.0.1 -U postgres --if-exists "$db" && createdb -h 127.0.0.1 -U postgres "$db"
  args+=(-Dgloss.db-kind=postgresql "-Dgloss.test.jdbc-url=$url" -Dgloss.test.db-username=postgres)
fi
./mvnw "${args[@]}"
grep -h 'RECOMMENDER-BENCH' target/surefire-reports/TEST-io.gloss.recommender.RecommenderBench.xml
