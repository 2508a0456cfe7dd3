#!/usr/bin/env bash
# Prints the plan of every statement the application runs for each query of load.sh, through auto_explain.
# Needs the benchmark database with, once:  ALTER SYSTEM SET session_preload_libraries = 'auto_explain';
#   ALTER SYSTEM SET auto_explain.log_min_duration = 0; ALTER SYSTEM SET auto_explain.log_analyze = on;
#   ALTER SYSTEM SET logging_collector = on; ALTER SYSTEM SET log_directory = '/tmp/act-bench-pglog';
# and a restart of the application (so its connections load auto_explain). Usage: ./plans.sh [base-url] [log-dir]
set -euo pipefail
BASE=${1:-http://localhost:8090}
LOGDIR=${2:-/tmp/act-bench-pglog}
source "$(dirname "$0")/queries.sh"
for entry in "${QUERIES[@]}"; do
  name=${entry%%|*}; query=${entry#*|}
  for i in 1 2 3 4 5 6; do curl -s -o /dev/null "$BASE/api/v1/activities?$query"; done   # past the generic-plan switch
  for f in "$LOGDIR"/*.log; do : > "$f"; done
  curl -s -o /dev/null "$BASE/api/v1/activities?$query"
  sleep 0.5
  echo "=== $name ($query)"
  cat "$LOGDIR"/*.log | sed -E 's/^[0-9-]+ [0-9:.]+ UTC \[[0-9]+\] //' | grep -v "^LOG:  duration\|^$"
done
