#!/usr/bin/env bash
# The city-sized data set of issue 6: a fresh Leifeng (embedded PostgreSQL, no demo data) filled with 1,000,000
# volunteers, 100,000 activities and 10,000,000 ledger entries over three years in all districts (CityDataGenerator;
# any of its options can be given, e.g. --volunteers 100000 --entries 1000000), then the report figures rebuilt from
# the ledger by the application (POST /api/v1/stats/rebuild, timed). The data stays in $CITY_DIR/data; start
# Leifeng on it with
#   LEIFENG_DATA_DIR=bench/target/city/data LEIFENG_DB_PORT=54392 LEIFENG_DEMO=false java -Xmx512m -jar target/leifeng-0.1.0-SNAPSHOT.jar
# (admin password: Leifeng-city-admin-2026).
#
# Environment: CITY_DIR (bench/target/city), APP_PORT (8392), DB_PORT (54392), SKIP_BUILD=1 (reuse target/*.jar).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
CITY_DIR=${CITY_DIR:-bench/target/city}
APP_PORT=${APP_PORT:-8392}
DB_PORT=${DB_PORT:-54392}
ADMIN_PASSWORD=Leifeng-city-admin-2026
JAR=target/leifeng-0.1.0-SNAPSHOT.jar
log() { echo "[generate-city] $*"; }

if [ -z "${SKIP_BUILD:-}" ]; then
  log "building the application jar and the bench"
  ./mvnw -B -o -q package -DskipTests
fi
./mvnw -B -o -q -f bench/pom.xml package
if [ -e "$CITY_DIR/data" ]; then
  echo "$CITY_DIR/data exists: remove it for a fresh city" >&2
  exit 1
fi
mkdir -p "$CITY_DIR"

APP_PID=""
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2> /dev/null; then
    kill -TERM "$APP_PID"
    wait "$APP_PID" || true
  fi
}
trap stop_app EXIT
LEIFENG_DATA_DIR="$CITY_DIR/data" LEIFENG_DB_PORT="$DB_PORT" SERVER_PORT="$APP_PORT" LEIFENG_DEMO=false \
  LEIFENG_ADMIN_PASSWORD="$ADMIN_PASSWORD" java -Xmx512m -jar "$JAR" >> "$CITY_DIR/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 300); do
  curl -sf "http://localhost:$APP_PORT/actuator/health" > /dev/null && break
  kill -0 "$APP_PID" 2> /dev/null || { echo "the application exited: see $CITY_DIR/app.log" >&2; exit 1; }
  sleep 1
done
log "application up; generating"
java -Xmx2g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.leifeng.bench.CityDataGenerator \
  --data-dir "$CITY_DIR/data" --db-port "$DB_PORT" "$@"

TOKEN=$(curl -sf -X POST "http://localhost:$APP_PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
log "rebuilding the report figures from the ledger"
STARTED=$(date +%s.%N)
curl -sf --max-time 3600 -X POST "http://localhost:$APP_PORT/api/v1/stats/rebuild" -H "Authorization: Bearer $TOKEN"
echo
log "$(printf 'rebuild and reconciliation: %.1f s' "$(echo "$(date +%s.%N) - $STARTED" | bc)")"
log "database size: $(psql -h localhost -p "$DB_PORT" -U postgres -d leifeng -qAt -c "SELECT pg_size_pretty(pg_database_size('leifeng'))")"
