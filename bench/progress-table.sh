#!/usr/bin/env bash
# Load check of the trainer's progress table on a cohort of 5,000 learners.
#
# Needs a running service (BASE) on a PostgreSQL that psql can reach (PSQL), curl and psql. E.g.:
#   createdb -h 127.0.0.1 -U postgres learning_bench
#   DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:5432/learning_bench DATASOURCES_DEFAULT_USERNAME=postgres \
#     LEARNING_ADMIN_PASSWORD=bench-admin-password ./mvnw mn:run
#   PSQL="psql -h 127.0.0.1 -U postgres -d learning_bench" bench/progress-table.sh
# It creates a self-paced SDG-1 cohort, imports 5,000 learners through the CSV import, writes their
# section progress with SQL (the API path is measured by the tests, not here), then times the paged
# JSON table and the full CSV export, RUNS times each, and prints the median.
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
PSQL=${PSQL:-psql -h 127.0.0.1 -U postgres -d learning_bench}
ADMIN_EMAIL=${ADMIN_EMAIL:-admin@learning.local}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-bench-admin-password}
LEARNERS=${LEARNERS:-5000}
RUNS=${RUNS:-9}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

json_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }

token=$(curl -sf -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" | json_field access_token)
auth=(-H "Authorization: Bearer $token")
today=$(date -u +%F)
ends=$(date -u -d '+90 days' +%F)
cohort=$(curl -sf -X POST "$BASE/api/v1/cohorts" "${auth[@]}" -H 'Content-Type: application/json' -d "{
  \"moduleCode\":\"SDG-1\",\"kind\":\"SELF_PACED\",\"language\":\"fr\",\"startsOn\":\"$today\",\"endsOn\":\"$ends\",
  \"enrollmentPolicy\":\"OPEN\",\"regionalSection\":\"AFRICA\"}" | json_field id)
echo "cohort $cohort"

run=$(date +%s%N)
{
  echo "email,full name,country,organization,language"
  for i in $(seq 1 "$LEARNERS"); do
    echo "bench-$run-$i@example.org,Apprenant·e $i,SN,Commune $((i % 50)),fr"
  done
} > "$work/roster.csv"
status=$(curl -s -o "$work/import.json" -w '%{http_code}' -X POST "$BASE/api/v1/cohorts/$cohort/enrollments/import" \
  "${auth[@]}" -H 'Content-Type: text/csv' --data-binary @"$work/roster.csv")
echo "import: HTTP $status"

$PSQL -q -v ON_ERROR_STOP=1 <<SQL
INSERT INTO section_progress (enrollment_id, section_id, status, score, started_at, completed_at, recorded_by, updated_at)
SELECT e.id, s.id,
       CASE WHEN (hashtext(e.id::text || s.key) & 3) = 0 THEN 'STARTED' ELSE 'COMPLETED' END,
       CASE WHEN s.kind LIKE '%ASSESSMENT' THEN 37 + (hashtext(e.id::text || s.key) & 63) END,
       now(), CASE WHEN (hashtext(e.id::text || s.key) & 3) = 0 THEN NULL ELSE now() END, e.learner_id, now()
FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id JOIN sections s ON s.module_code = c.module_code AND s.retired_at IS NULL
WHERE e.cohort_id = '$cohort';
ANALYZE section_progress;
SQL
echo "progress rows: $($PSQL -tA -c "SELECT count(*) FROM section_progress p JOIN enrollments e ON e.id = p.enrollment_id WHERE e.cohort_id = '$cohort'")"

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
time_get() { curl -s -o "$work/out" -w '%{time_total}\n' "${auth[@]}" "$@"; }

time_get "$BASE/api/v1/cohorts/$cohort/progress?page=0&size=500" > /dev/null   # warm-up
for i in $(seq 1 "$RUNS"); do time_get "$BASE/api/v1/cohorts/$cohort/progress?page=$((i % 10))&size=500"; done | median > "$work/page"
for i in $(seq 1 "$RUNS"); do time_get "$BASE/api/v1/cohorts/$cohort/progress?page=$((i % 100))&size=50"; done | median > "$work/page50"
for i in $(seq 1 "$RUNS"); do time_get -H 'Accept: text/csv' "$BASE/api/v1/cohorts/$cohort/progress"; done | median > "$work/csv"
lines=$(wc -l < "$work/out")
echo "JSON page of 500 learners: median $(cat "$work/page") s"
echo "JSON page of 50 learners:  median $(cat "$work/page50") s"
echo "CSV of all $LEARNERS learners ($lines lines, $(stat -c %s "$work/out") bytes): median $(cat "$work/csv") s"
