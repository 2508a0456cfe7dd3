#!/usr/bin/env bash
# Times GET /api/v1/activities with each filter: N sequential requests per query after 5 warm-ups; prints p50/p95 ms.
# Usage: ./load.sh [base-url] [N]   (default http://localhost:8090, 50)
set -euo pipefail
BASE=${1:-http://localhost:8090}
N=${2:-50}
ORG=$(psql -h localhost -p "${PGPORT:-54340}" -U postgres -d leifeng -Atc "SELECT id FROM organisation WHERE name = '龙亭区'")
FROM=$(date -u -d '+10 days' +%Y-%m-%dT00:00:00Z)
TO=$(date -u -d '+17 days' +%Y-%m-%dT00:00:00Z)
declare -a QUERIES=(
  "default|"
  "subtree|organisationId=$ORG"
  "category|category=HEALTH"
  "dateRange|from=$FROM&to=$TO"
  "textChinese|q=%E4%B9%89%E8%AF%8A"
  "textEnglish|q=first%20aid"
  "near|lat=34.79&lon=114.35"
  "nearWithin5km|lat=34.79&lon=114.35&withinMeters=5000"
  "hasFreePlaces|hasFreePlaces=true"
  "combined|organisationId=$ORG&category=HEALTH&from=$FROM&to=$TO&hasFreePlaces=true"
  "page50|page=50"
)
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
