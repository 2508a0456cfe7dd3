#!/usr/bin/env bash
# Times GET /api/v1/activities with each filter: N sequential requests per query after 5 warm-ups; prints p50/p95 ms.
# Usage: ./load.sh [base-url] [N]   (default http://localhost:8090, 50)
set -euo pipefail
BASE=${1:-http://localhost:8090}
N=${2:-50}
source "$(dirname "$0")/queries.sh"
printf '%-16s %8s %8s %8s  %s\n' query p50_ms p95_ms total url
for entry in "${QUERIES[@]}"; do
  name=${entry%%|*}; query=${entry#*|}
  url="$BASE/api/v1/activities?$query"
  for i in 1 2 3 4 5; do curl -s -o /dev/null "$url"; done
  times=$(for i in $(seq "$N"); do curl -s -o /dev/null -w '%{time_total}\n' "$url"; done | sort -n)
  p50=$(echo "$times" | awk -v n="$N" 'NR == int(n * 0.50 + 0.5) { printf "%.1f", $1 * 1000 }')
  p95=$(echo "$times" | awk -v n="$N" 'NR == int(n * 0.95 + 0.5) { printf "%.1f", $1 * 1000 }')
  total=$(curl -s "$url" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  printf '%-16s %8s %8s %8s  %s\n' "$name" "$p50" "$p95" "$total" "$query"
done
