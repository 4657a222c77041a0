#!/usr/bin/env bash
# Times the reach report, the funnel and the trend on the generated network (bench/reach-generate.sh) with
# CONCURRENCY callers at once, and checks the report's headline figures against a straightforward SQL count.
#   bench/reach-benchmark.sh
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), DB (reach_bench), CONCURRENCY (8),
# ROUNDS (per caller and scenario, 10), FRESH_ROUNDS (per caller in the "not kept" scenarios, 3), YEAR (2025: the year the reports cover), PORT (18091),
# CACHE_SIZE (2000; 0 makes every call query PostgreSQL, to time the queries themselves).
# DATASOURCES_REPORTING_URL (+ _USERNAME), when exported, makes the reports read from that server (a replica).
# It builds the jar when missing (REBUILD=1 forces it) and starts it against DB; the service's refresh is set
# to 24 h so that no refresh runs while it measures (the generator refreshed the view).
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${DB:-reach_bench}
PORT=${PORT:-18091}
CONCURRENCY=${CONCURRENCY:-8}
ROUNDS=${ROUNDS:-10}
FRESH_ROUNDS=${FRESH_ROUNDS:-3}
YEAR=${YEAR:-2025}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-bench-admin-password}
BASE="http://localhost:$PORT"
work=$(mktemp -d)

jar=$(ls target/learning-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [[ -z "$jar" || "${REBUILD:-}" == 1 ]]; then
  ./mvnw -B -ntp -q -DskipTests package
  jar=$(ls target/learning-*.jar | grep -v original | head -1)
fi
DATASOURCES_DEFAULT_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" DATASOURCES_DEFAULT_USERNAME="$PGUSER" \
  DATASOURCES_DEFAULT_PASSWORD="${PGPASSWORD:-}" DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE=$((CONCURRENCY + 4)) PORT=$PORT \
  LEARNING_ADMIN_PASSWORD=$ADMIN_PASSWORD LEARNING_REPORTING_REFRESH_INTERVAL=24h LEARNING_REPORTING_CACHE_SIZE=${CACHE_SIZE:-2000} \
  java -Xmx1g -Dpdfbox.fontcache=target -jar "$jar" > target/reach-benchmark-app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  if curl -sf "$BASE/health" > /dev/null; then break; fi
  sleep 1
done
token=$(curl -sf -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin@learning.local\",\"password\":\"$ADMIN_PASSWORD\"}" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[[ -n "$token" ]] || { echo "no admin token; see target/reach-benchmark-app.log"; exit 1; }
period="from=$YEAR-01-01&to=$YEAR-12-31"
sections=(AFRICA ASPAC EURASIA EUROPE LATAM MEWA NORAM METROPOLIS REGIONS)

# one caller: ROUNDS requests of a scenario, one regional section after the other; prints seconds per request.
# END in the path becomes the period's last day, moved back one day per call of this caller (id): every call of a
# "not kept" scenario asks a report nobody asked before, so it is computed from the view, not served from memory.
caller() {
  local path=$1 id=$2 rounds=$3 accept=application/json
  [[ $path == *x=csv ]] && accept=text/csv
  for r in $(seq 1 "$rounds"); do
    local s=${sections[$(( (id + r) % ${#sections[@]} ))]}
    local end
    end=$(date -u -d "$YEAR-12-31 -$(( id * rounds + r )) days" +%F)
    local p=${path//SECTION/$s}
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $token" -H "Accept: $accept" "$BASE${p//END/$end}"
  done
}

scenario() {
  local name=$1 path=$2 target=$3 rounds=${4:-$ROUNDS}
  caller "$path" 0 "$rounds" > /dev/null   # warm-up
  local pids=()
  for i in $(seq 1 "$CONCURRENCY"); do caller "$path" "$i" "$rounds" > "$work/$i" & pids+=($!); done
  wait "${pids[@]}"
  cat "$work"/[0-9]* > "$work/all"
  local bad
  bad=$(awk '$1 != 200' "$work/all" | wc -l)
  sort -n -k2 "$work/all" | awk -v name="$name" -v target="$target" -v bad="$bad" '
    { t[NR] = $2 * 1000 }
    END { p50 = t[int((NR + 1) / 2)]; p95 = t[int(NR * 0.95 + 0.5)]; printf "| %-44s | %6d | %8.0f | %8.0f | %8.0f | %-8s | %s |\n",
          name, NR, p50, p95, t[NR], target, (bad > 0 ? bad " non-200" : "ok") }'
  rm -f "$work"/[0-9]*
}

echo "$CONCURRENCY concurrent callers, $ROUNDS requests each per scenario, period $YEAR, cache size ${CACHE_SIZE:-2000}"
echo "| scenario                                     | calls  | p50 (ms) | p95 (ms) | max (ms) | target   | status |"
echo "|----------------------------------------------|--------|----------|----------|----------|----------|--------|"
scenario "reach, one regional section, one year" "/api/v1/reports/reach?regionalSection=SECTION&$period" "≤ 100 ms"
scenario "reach, all regional sections, one year" "/api/v1/reports/reach?$period" "≤ 1 s"
scenario "funnel SDG-1, one regional section, one year" "/api/v1/reports/funnel?module=SDG-1&regionalSection=SECTION&$period" "≤ 100 ms"
scenario "funnel SDG-1, all regional sections, one year" "/api/v1/reports/funnel?module=SDG-1&$period" "≤ 1 s"
scenario "trend, one regional section, one year" "/api/v1/reports/trend?regionalSection=SECTION&$period" "≤ 100 ms"
scenario "trend, all regional sections, one year" "/api/v1/reports/trend?$period" "≤ 1 s"
scenario "CSV reach, one regional section, one year" "/api/v1/reports/reach?regionalSection=SECTION&$period&x=csv" "-"
fresh="from=$YEAR-01-01&to=END"
scenario "not kept: reach, one regional section, ~1 year" "/api/v1/reports/reach?regionalSection=SECTION&$fresh" "≤ 100 ms" "$FRESH_ROUNDS"
scenario "not kept: reach, all regional sections, ~1 year" "/api/v1/reports/reach?$fresh" "≤ 1 s" "$FRESH_ROUNDS"
scenario "not kept: funnel SDG-1, one section, ~1 year" "/api/v1/reports/funnel?module=SDG-1&regionalSection=SECTION&$fresh" "≤ 100 ms" "$FRESH_ROUNDS"
scenario "not kept: trend, one regional section, ~1 year" "/api/v1/reports/trend?regionalSection=SECTION&$fresh" "≤ 100 ms" "$FRESH_ROUNDS"

echo
echo "check: the report's figures for AFRICA $YEAR against a straightforward count over the raw rows"
report=$(curl -sf -H "Authorization: Bearer $token" "$BASE/api/v1/reports/reach?regionalSection=AFRICA&$period")
enrolled=$(echo "$report" | sed -n 's/.*"total":{"enrolled":\([0-9]*\),"active":\([0-9]*\),"completed":\([0-9]*\).*/\1 \2 \3/p')
direct=$(psql -X -At -F' ' -d "$DB" -c "
  WITH p AS (SELECT timestamptz '$YEAR-01-01 00:00Z' AS f, timestamptz '$YEAR-01-01 00:00Z' + interval '1 year' AS t)
  SELECT (SELECT count(DISTINCT e.learner_id) FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id, p
          WHERE c.regional_section = 'AFRICA' AND e.enrolled_at >= p.f AND e.enrolled_at < p.t),
         (SELECT count(DISTINCT e.learner_id) FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id
          JOIN section_progress s ON s.enrollment_id = e.id, p
          WHERE c.regional_section = 'AFRICA' AND e.enrolled_at IS NOT NULL
            AND ((s.started_at >= p.f AND s.started_at < p.t) OR (s.completed_at >= p.f AND s.completed_at < p.t))),
         (SELECT count(DISTINCT e.learner_id) FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id, p
          WHERE c.regional_section = 'AFRICA' AND e.status = 'COMPLETED' AND e.completed_at >= p.f AND e.completed_at < p.t)")
echo "report (enrolled active completed): $enrolled"
echo "direct SQL                        : $direct"
[[ "$enrolled" == "$direct" ]] && echo "equal" || { echo "DIFFERENT"; exit 1; }

echo "check: the event figures for AFRICA $YEAR against a count over the events tables"
first() { echo "$report" | grep -o "\"$1\":[0-9]*" | head -1 | cut -d: -f2; }
reported="$(first eventsHeld) $(first eventRegistrations) $(first eventAttendance)"
counted=$(psql -X -At -F' ' -d "$DB" -c "
  WITH h AS (SELECT id FROM events WHERE regional_section = 'AFRICA' AND status = 'PUBLISHED'
               AND starts_at >= timestamptz '$YEAR-01-01 00:00Z' AND starts_at < timestamptz '$YEAR-01-01 00:00Z' + interval '1 year')
  SELECT (SELECT count(*) FROM h),
         (SELECT count(*) FROM event_registrations r JOIN h ON h.id = r.event_id WHERE r.status = 'REGISTERED'),
         (SELECT count(*) FROM event_attendance a JOIN h ON h.id = a.event_id WHERE a.removed_at IS NULL)")
echo "report (events registrations attendance): $reported"
echo "direct SQL                               : $counted"
[[ "$reported" == "$counted" ]] && echo "equal" || { echo "DIFFERENT"; exit 1; }
