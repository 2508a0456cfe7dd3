#!/usr/bin/env bash
# Runs every benchmark scenario of issue 7 against a freshly started Leifeng and writes bench/RESULTS.md.
#
#   bench/run-all.sh                                   # the issue's sizes (20,000 volunteers, 100,000 activities)
#   bench/run-all.sh --volunteers 2000 --capacity 100 --activities 10000    # smaller, any BenchMain option
#
# It builds the application jar and the bench, starts the jar with a fresh data directory (embedded PostgreSQL on a
# fixed port, -Xmx512m, no demo data), seeds in bulk, runs the scenarios in order while sampling the application
# JVM's resident memory from /proc, stops the application and writes the results.
#
# Environment: APP_PORT (8391), DB_PORT (54391), SKIP_BUILD=1 (reuse target/*.jar), PROFILE=1 (JFR recording of the
# application and pg_stat_statements of each scenario, written to bench/target/run/), BENCH_NOTE (a paragraph for the top of the
# results), RESULTS (bench/RESULTS.md), APP_JAVA_OPTS (more JVM options for the application, e.g. -XX:+UseParallelGC),
# LEIFENG_DB_POOL_SIZE and LEIFENG_HTTP_THREADS (passed to the application as usual).
# Exit status: 0 when every scenario met its target; 3 when one missed, failed or is not yet available.
set -euo pipefail

# The command as given, with the settings that change what is measured, for the results.
COMMAND="$(for name in PROFILE SKIP_BUILD APP_PORT DB_PORT APP_JAVA_OPTS LEIFENG_DB_POOL_SIZE LEIFENG_HTTP_THREADS; do
  if [ -n "${!name:-}" ]; then printf '%s=%s ' "$name" "${!name}"; fi; done)bench/run-all.sh $*"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
APP_PORT=${APP_PORT:-8391}
DB_PORT=${DB_PORT:-54391}
RESULTS=${RESULTS:-bench/RESULTS.md}
RUN=bench/target/run
JAR=target/leifeng-0.1.0-SNAPSHOT.jar
ADMIN_PASSWORD=Leifeng-bench-admin-2026
APP_OPTS=(-Xmx512m "-Xlog:gc:file=$RUN/gc.log" ${APP_JAVA_OPTS:-})
APP_PID=""

log() { echo "[run-all] $*"; }

if [ -z "${SKIP_BUILD:-}" ]; then
  log "building the application jar"
  ./mvnw -B -o -q package -DskipTests
fi
log "building the bench"
./mvnw -B -o -q -f bench/pom.xml package

for port in "$APP_PORT" "$DB_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use: set APP_PORT / DB_PORT" >&2
    exit 1
  fi
done
rm -rf "$RUN"
mkdir -p "$RUN"

start_app() {
  LEIFENG_DATA_DIR="$RUN/data" LEIFENG_DB_PORT="$DB_PORT" SERVER_PORT="$APP_PORT" LEIFENG_DEMO=false \
    LEIFENG_ADMIN_PASSWORD="$ADMIN_PASSWORD" java "${APP_OPTS[@]}" "$@" -jar "$JAR" >> "$RUN/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 300); do
    if curl -sf "http://localhost:$APP_PORT/actuator/health" > /dev/null; then
      log "application up (pid $APP_PID)"
      return
    fi
    if ! kill -0 "$APP_PID" 2> /dev/null; then
      echo "the application exited; see $RUN/app.log" >&2
      exit 1
    fi
    sleep 1
  done
  echo "the application did not start within 300 s; see $RUN/app.log" >&2
  exit 1
}

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2> /dev/null; then
    kill -TERM "$APP_PID"
    wait "$APP_PID" || true
  fi
  APP_PID=""
}
trap stop_app EXIT

psql_bench() { psql -h localhost -p "$DB_PORT" -U postgres -d leifeng -v ON_ERROR_STOP=1 -qAt "$@"; }

log "starting the application (fresh data in $RUN/data)"
start_app
if [ -n "${PROFILE:-}" ]; then
  # pg_stat_statements must be preloaded: set it in the cluster's postgresql.auto.conf and start once more.
  psql_bench -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"
  stop_app
  start_app "-XX:StartFlightRecording=name=bench,settings=profile,filename=$ROOT/$RUN/app.jfr,dumponexit=true"
  psql_bench -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
fi

( while kill -0 "$APP_PID" 2> /dev/null; do
    awk '/^VmRSS/ { print $2 }' "/proc/$APP_PID/status" 2> /dev/null >> "$RUN/rss-kb.txt" || true
    sleep 1
  done ) &
SAMPLER=$!

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
REVISION="\`$(git rev-parse --short HEAD)\`$(git diff --quiet HEAD -- src pom.xml bench/src bench/pom.xml || echo ' with uncommitted changes')"
STARTED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
set +e
java -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.leifeng.bench.BenchMain \
  --base-url "http://localhost:$APP_PORT" --db-port "$DB_PORT" --data-dir "$RUN/data" \
  --admin-password "$ADMIN_PASSWORD" --out "$RUN/scenarios.md" ${PROFILE:+--profile-dir "$RUN"} "$@" 2>&1 | tee "$RUN/bench.log"
STATUS=${PIPESTATUS[0]}
set -e
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
PEAK_RSS_KB=$(awk '/^VmHWM/ { print $2 }' "/proc/$APP_PID/status")
SAMPLED_RSS_KB=$(sort -n "$RUN/rss-kb.txt" | tail -1)

if [ -n "${PROFILE:-}" ]; then
  jcmd "$APP_PID" JFR.dump name=bench filename="$ROOT/$RUN/app.jfr" > /dev/null || true
fi
log "stopping the application"
stop_app
kill "$SAMPLER" 2> /dev/null || true

# Heap in use before each collection (-Xlog:gc lines such as "Pause Young ... 120M->31M(512M)"): its peak.
HEAP_PEAK_MB=$(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$RUN/gc.log" | cut -d M -f1 | sort -n | tail -1)
if grep -q OutOfMemoryError "$RUN/app.log"; then OOM="an OutOfMemoryError is in the log"; else OOM="none"; fi
if [ "$STATUS" -eq 0 ]; then
  OVERALL="every scenario met its target"
else
  OVERALL="**not every target is met** (exit status $STATUS): see the summary; scenarios marked \"not yet available\" do not count as met"
fi
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
MEM=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
JAVA=$(java -version 2>&1 | head -2 | tr '\n' ' ')

{
  echo "# Benchmark results"
  echo
  if [ -n "${BENCH_NOTE:-}" ]; then
    echo "> $BENCH_NOTE"
    echo
  fi
  echo "Overall: $OVERALL."
  echo
  echo "Written by \`bench/run-all.sh\` (see \`bench/README.md\`); run started $STARTED on commit $REVISION."
  echo
  echo "## Command"
  echo
  echo '```sh'
  echo "$COMMAND"
  echo '```'
  echo
  echo "The application: \`java ${APP_OPTS[*]%%:file=*} -jar $JAR\` with LEIFENG_DEMO=false, a fresh LEIFENG_DATA_DIR,"
  echo "LEIFENG_DB_PORT=$DB_PORT, LEIFENG_DB_POOL_SIZE=${LEIFENG_DB_POOL_SIZE:-20 (default)}, LEIFENG_HTTP_THREADS=${LEIFENG_HTTP_THREADS:-16 (default)}${PROFILE:+, with JFR (settings=profile) and pg_stat_statements}."
  echo "The load generator runs on the same machine (\`java -Xmx1g\`, Apache HttpClient 5, platform threads)."
  echo
  echo "## Machine"
  echo
  echo "- CPU: $(nproc) cores, $CPU"
  echo "- memory: $MEM"
  echo "- Java: $JAVA"
  echo "- load average (1, 5, 15 min) before the run: $LOAD_BEFORE; after: $LOAD_AFTER"
  echo
  echo "## Memory of the application"
  echo
  echo "- peak resident set of the application JVM (VmHWM, PostgreSQL's processes not included): $((PEAK_RSS_KB / 1024)) MiB"
  echo "  (highest 1-second sample of VmRSS: $((${SAMPLED_RSS_KB:-0} / 1024)) MiB)"
  echo "- heap: -Xmx512m; peak in use before a collection: ${HEAP_PEAK_MB:-?} MiB; OutOfMemoryError: $OOM"
  echo
  cat "$RUN/scenarios.md" 2> /dev/null || echo "(the bench wrote no results: see $RUN/bench.log)"
} > "$RESULTS"
log "wrote $RESULTS (exit status $STATUS)"
exit "$STATUS"
