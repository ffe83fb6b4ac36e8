#!/bin/sh
# demo.sh: loads the bundled Salesforce export into a fresh database and
# prints the morning list, as a TAM would see it on 2026-11-23.
set -e
cd "$(dirname "$0")/.."
db=${TAM_DEMO_DB:-build/demo.db}
mkdir -p "$(dirname "$db")"
rm -f "$db" "$db-wal" "$db-shm"
export TAM_DB="$db" TAM_TODAY=2026-11-23
echo "\$ tam import tests/data/sample-export.csv"
./tam import tests/data/sample-export.csv
echo "\$ tam due"
./tam due --format table
echo
echo "(database: $db; try: TAM_DB=$db TAM_TODAY=2026-11-23 ./tam account list --format table)"
