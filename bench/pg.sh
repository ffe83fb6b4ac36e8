#!/bin/bash
# bench/pg.sh: the PostgreSQL rows of make bench (SPEC §10, team mode), on
# a throwaway loopback cluster of tests/pg-cluster.sh, beside the same
# commands on SQLite in the same run:
#
#   pg_import_100000      tam import of the 100,000-row export (target: at
#                         most the SQLite import's time); psql's \copy of
#                         the file into a plain table for scale
#   pg_due_tam_100000     tam due --tam P on the 100,000-account book, with
#                         its sync (target: under 20 ms)
#   pg_sync_100000        tam sync of the whole planned book (under 2 s)
#
# Medians of BENCH_RUNS (5) runs, wall time from the shell's clock.  Needs
# PostgreSQL's server programs (initdb); without them it says so and
# exits 0.  Environment: TAM, BENCH_ROWS (100000), BENCH_RUNS.
set -eu -o pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
TAM=${TAM:-$PWD/tam}
ROWS=${BENCH_ROWS:-100000}
RUNS=${BENCH_RUNS:-5}
OUT=${BENCH_OUT:-bench/out}/pg
command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb \
    >/dev/null 2>&1 || { echo "bench/pg.sh: no PostgreSQL server programs; skipped"; exit 0; }
mkdir -p "$OUT"
dir=$(mktemp -d /tmp/tam-bench-pg.XXXXXX)
trap 'sh tests/pg-cluster.sh stop "$dir" >/dev/null 2>&1 || true' EXIT
sh tests/pg-cluster.sh start "$dir" > "$OUT/cluster.log" 2>&1
unset PGDATABASE PGPASSWORD PGSERVICE PGCONNECT_TIMEOUT
export PGOPTIONS="-c client_min_messages=warning"
. "$dir/env"
PATH=$TAM_TEST_PG_BINDIR:$PATH

csv=$OUT/export-$ROWS.csv
[ -s "$csv" ] || python3 bench/gen-export.py "$ROWS" 8 "$csv"

now_ms() { date +%s%3N; }
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# time_ms CMD...: the wall milliseconds of one run
time_ms() {
	local t0 t1
	t0=$(now_ms)
	"$@" > /dev/null 2>> "$OUT/stderr.txt"
	t1=$(now_ms)
	echo $((t1 - t0))
}
pgdb() { psql -X -q -d postgres -c "$1" > /dev/null; }

declare -a lite pg cp
for i in $(seq "$RUNS"); do
	rm -f "$OUT/lite.db"
	lite+=("$(time_ms env TAM_TODAY=2025-06-02 "$TAM" --db "$OUT/lite.db" -q import "$csv")")
	pgdb "DROP DATABASE IF EXISTS tam_bench WITH (FORCE)"
	pgdb "CREATE DATABASE tam_bench"
	"$TAM" --db postgresql:///tam_bench -q init
	pg+=("$(time_ms env TAM_TODAY=2025-06-02 "$TAM" --db postgresql:///tam_bench -q import "$csv")")
	psql -X -q -d tam_bench -c "DROP TABLE IF EXISTS plain; CREATE TABLE plain (line text)" > /dev/null
	cp+=("$(time_ms psql -X -q -d tam_bench -c "\\copy plain FROM '$csv' WITH (FORMAT text, DELIMITER E'\\x01')")")
done
printf '%-22s %8s ms   (SQLite import %s ms, psql \\copy %s ms)\n' \
    "pg_import_$ROWS" "$(median "${pg[@]}")" "$(median "${lite[@]}")" \
    "$(median "${cp[@]}")"

# The planned book, on both: the same sync of the same import.
export TAM_TODAY=2026-01-05
"$TAM" --db "$OUT/lite.db" -q sync > /dev/null
"$TAM" --db postgresql:///tam_bench -q sync > /dev/null
psql -X -q -d tam_bench -c "ANALYZE" > /dev/null
P=$(sqlite3 "$OUT/lite.db" "SELECT tam FROM account GROUP BY tam_fold ORDER BY count(*) DESC, tam LIMIT 1")
declare -a dp dl sp sl
for i in $(seq $((RUNS * 2))); do
	dp+=("$(time_ms "$TAM" --db postgresql:///tam_bench due --tam "$P")")
	dl+=("$(time_ms "$TAM" --db "$OUT/lite.db" due --tam "$P")")
done
for i in $(seq "$RUNS"); do
	sp+=("$(time_ms "$TAM" --db postgresql:///tam_bench -q sync)")
	sl+=("$(time_ms "$TAM" --db "$OUT/lite.db" -q sync)")
done
printf '%-22s %8s ms   (SQLite %s ms; P = %s)\n' "pg_due_tam_$ROWS" \
    "$(median "${dp[@]}")" "$(median "${dl[@]}")" "$P"
printf '%-22s %8s ms   (SQLite %s ms)\n' "pg_sync_$ROWS" \
    "$(median "${sp[@]}")" "$(median "${sl[@]}")"
