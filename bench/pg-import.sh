#!/bin/bash
# bench/pg-import.sh: tam import into PostgreSQL against tam import into
# SQLite and psql's \copy of the same rows into a plain table (SPEC §10:
# on PostgreSQL an import of 100,000 rows no slower than into SQLite).
# Not part of make bench, which needs no server: run it by hand.
#
#   bench/pg-import.sh                  # 100,000 rows, 3 runs of each
#   BENCH_ROWS=10000 BENCH_RUNS=1 bench/pg-import.sh
#
# The server is the one libpq's environment names (PGHOST, PGPORT,
# PGUSER...); the script makes and drops its own database there
# (BENCH_PGDB, default tam_bench_import), which the login must be
# allowed to do.  Each run starts from a new database and a new SQLite
# file; the rows run interleaved (one run of each in turn), so that a
# change of load on this shared machine falls on all alike.  Wall time
# from the shell's clock; the tam rows' peak RSS and CPU from
# /usr/bin/time.  The export comes from bench/gen-export.py, as
# bench/run.sh makes it (seed 8), imported with --today 2025-06-02.
set -eu -o pipefail
export LC_ALL=C

cd "$(dirname "$0")/.."
TAM=${TAM:-$PWD/tam}
ROWS=${BENCH_ROWS:-100000}
RUNS=${BENCH_RUNS:-3}
PGDB=${BENCH_PGDB:-tam_bench_import}
OUT=${BENCH_OUT:-bench/out}
DAY=2025-06-02

die() {
	echo "pg-import: $*" >&2
	exit 1
}

for f in /usr/bin/time psql python3; do
	command -v "$f" >/dev/null || die "'$f' is missing"
done
[ -x "$TAM" ] || die "'$TAM' is not built: run make"
psql -X -q -d postgres -c 'SELECT 1' >/dev/null ||
    die "no server: set PGHOST, PGPORT, PGUSER for one"

mkdir -p "$OUT"
CSV=$OUT/export-$ROWS-s8.csv
CHG=$OUT/export-$ROWS-s8-1pct.csv
PLAIN=$OUT/export-$ROWS-s8-plain.csv
if [ ! -s "$CSV" ] || [ bench/gen-export.py -nt "$CSV" ]; then
	echo "pg-import: generating $ROWS accounts" >&2
	python3 bench/gen-export.py "$ROWS" 8 "$CSV.tmp"
	mv "$CSV.tmp" "$CSV"
fi
[ -s "$CHG" ] && [ "$CHG" -nt "$CSV" ] ||
    python3 bench/change-export.py "$CSV" "$CHG"
# The data rows alone, for \copy: the report footer is no row of 18.
[ -s "$PLAIN" ] && [ "$PLAIN" -nt "$CSV" ] || python3 - "$CSV" "$PLAIN" <<-'EOF'
	import csv, sys
	with open(sys.argv[1], newline='', encoding='utf-8-sig') as f, \
	    open(sys.argv[2], 'w', newline='', encoding='utf-8') as g:
	    rows = csv.reader(f)
	    head = next(rows)
	    w = csv.writer(g)
	    w.writerow(head)
	    for r in rows:
	        if len(r) == len(head):
	            w.writerow(r)
	EOF

LITE=$OUT/pg-import.db
PGURI="postgresql:///$PGDB"
TF=$OUT/pg-import-time.txt
declare -A WALL RSS CPU
ORDER=()

fresh_pg() {
	psql -X -q -d postgres -c "SET client_min_messages = warning" \
	    -c "DROP DATABASE IF EXISTS \"$PGDB\"" \
	    -c "CREATE DATABASE \"$PGDB\"" >/dev/null
}

fresh_lite() {
	rm -f "$LITE" "$LITE-wal" "$LITE-shm" "$LITE-journal"
}

# timed NAME COMMAND...: one run, its wall ms, peak RSS KB, CPU ms.
timed() {
	local name=$1 s e kb us ss

	shift
	[ -n "${WALL[$name]+x}" ] || ORDER+=("$name")
	s=$EPOCHREALTIME
	/usr/bin/time -o "$TF" -f '%M %U %S' "$@" >/dev/null 2>"$OUT/err" ||
	    die "$name failed: $(head -n 1 "$OUT/err")"
	e=$EPOCHREALTIME
	read -r kb us ss < <(tail -n 1 "$TF")
	WALL[$name]+="$(( (${e/./} - ${s/./}) / 1000 )) "
	RSS[$name]+="$kb "
	CPU[$name]+="$(awk -v u="$us" -v s="$ss" \
	    'BEGIN { printf "%d", (u + s) * 1000 }') "
}

median() {
	printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 }
	    END { print (NR % 2) ? v[(NR + 1) / 2] : \
		int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

for i in $(seq "$RUNS"); do
	echo "pg-import: run $i of $RUNS" >&2
	fresh_lite
	timed sqlite_import "$TAM" -q --db "$LITE" --today "$DAY" import "$CSV"
	fresh_pg
	"$TAM" -q --db "$PGURI" init
	timed pg_import "$TAM" -q --db "$PGURI" --today "$DAY" import "$CSV"
	timed sqlite_reimport "$TAM" -q --db "$LITE" --today "$DAY" \
	    import "$CSV"
	timed pg_reimport "$TAM" -q --db "$PGURI" --today "$DAY" import "$CSV"
	timed sqlite_1pct "$TAM" -q --db "$LITE" --today "$DAY" import "$CHG"
	timed pg_1pct "$TAM" -q --db "$PGURI" --today "$DAY" import "$CHG"
	psql -X -q -d "$PGDB" -c "CREATE TABLE public.plain ($(head -n 1 \
	    "$PLAIN" | awk -F, '{ for (i = 1; i <= NF; i++)
		printf "%sc%d text", (i > 1 ? ", " : ""), i }'))"
	timed psql_copy psql -X -q -d "$PGDB" \
	    -c "\\copy public.plain FROM '$PLAIN' CSV HEADER"
done
fresh_lite
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$PGDB\"" >/dev/null

printf '%-16s %10s %10s %8s  %s\n' row "median ms" "cpu ms" "peak MB" runs
for name in "${ORDER[@]}"; do
	# shellcheck disable=SC2086
	printf '%-16s %10d %10d %8.1f  %s\n' "$name" \
	    "$(median ${WALL[$name]})" "$(median ${CPU[$name]})" \
	    "$(awk -v k="$(printf '%s\n' ${RSS[$name]} | sort -n | tail -n 1)" \
	    'BEGIN { print k / 1024 }')" "${WALL[$name]}"
done
