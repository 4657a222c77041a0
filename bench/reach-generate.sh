#!/usr/bin/env bash
# Fills a PostgreSQL with a realistic network for the reach reports (see docs/reporting.md):
#   bench/reach-generate.sh                       # 1,000,000 learners, 3,000,000 enrollments, ~20,000,000 progress rows
#   SCALE=small bench/reach-generate.sh           # 10,000 learners, 30,000 enrollments (a quick check)
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), DB (reach_bench; dropped and created again).
# It builds the service jar, starts it once against the new database so that the real Liquibase migrations run
# and the catalogue is synced, stops it, and then runs bench/reach-generate.sql with psql.
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${DB:-reach_bench}
PORT=${PORT:-18090}
case "${SCALE:-full}" in
  small) vars=(-v learners=10000 -v cohorts=300 -v per_cohort=100 -v trainers=1000) ;;
  *)     vars=(-v learners=1000000 -v cohorts=30000 -v per_cohort=100 -v trainers=10000) ;;
esac

jar=$(ls target/learning-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [[ -z "$jar" || "${REBUILD:-}" == 1 ]]; then
  ./mvnw -B -ntp -q -DskipTests package
  jar=$(ls target/learning-*.jar | grep -v original | head -1)
fi

dropdb --if-exists "$DB"
createdb "$DB"
echo "applying the migrations and syncing the catalogue with $jar"
DATASOURCES_DEFAULT_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" DATASOURCES_DEFAULT_USERNAME="$PGUSER" \
  DATASOURCES_DEFAULT_PASSWORD="${PGPASSWORD:-}" PORT=$PORT LEARNING_ADMIN_PASSWORD=${ADMIN_PASSWORD:-bench-admin-password} \
  java -Dpdfbox.fontcache=target -jar "$jar" > target/reach-generate-app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  if curl -sf "http://localhost:$PORT/health" > /dev/null; then break; fi
  sleep 1
done
curl -sf "http://localhost:$PORT/health" > /dev/null || { echo "the service did not start; see target/reach-generate-app.log"; exit 1; }
kill $app
wait $app 2>/dev/null || true

start=$(date +%s)
psql -X -d "$DB" "${vars[@]}" -f bench/reach-generate.sql
# 50,000 events with registrations and attendance (only at full size: it assumes about a million accounts)
[[ "${SCALE:-full}" == small ]] || psql -X -d "$DB" -f bench/reach-generate-events.sql
# a long-lived database has been vacuumed (autovacuum would get there): set the visibility maps, so that the
# reports' counts read the covering indexes alone, as they would in production
psql -X -d "$DB" -c "VACUUM (ANALYZE)"
echo "generated in $(( $(date +%s) - start )) s"
