# The queries of load.sh and plans.sh: one per filter combination.
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
