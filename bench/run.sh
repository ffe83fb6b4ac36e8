#!/bin/bash
# bench/run.sh: tam against the sqlite3 shell on generated Salesforce
# exports (SPEC §10).  `make bench` runs it after building tam; see
# bench/README.md for what each row measures.
#
# Every row times a whole process, as a user runs it: wall time from the
# shell's clock around `/usr/bin/time -f '%M %U %S'` (which gives the peak
# RSS and CPU time).  The wall clock of /usr/bin/time itself (%e) has 10 ms
# steps, too coarse for the fast rows.  Each row is run several times and
# the median kept; "net" is the median minus that of /usr/bin/true under the
# same harness -- the cost of the command above starting an empty process,
# which is what the targets are judged on.
#
# Environment: TAM (binary, default ./tam), BENCH_QUICK=1 (small sizes, one
# run each), BENCH_BIG=0 (no 1,000,000-row imports), BENCH_SEED (8),
# BENCH_TODAY (2026-01-05), BENCH_IMPORT_DAY (2025-06-02), BENCH_OUT.

set -eu -o pipefail
export LC_ALL=C

cd "$(dirname "$0")/.."
TAM=${TAM:-$PWD/tam}
OUT=${BENCH_OUT:-bench/out}
SEED=${BENCH_SEED:-8}
TODAY=${BENCH_TODAY:-2026-01-05}
# The imports run on a day before any generated renewal window opens (the
# dates are 2026-2028), so that import rows time the import alone and
# `tam sync` on TODAY starts from nothing planned.
IMPORT_DAY=${BENCH_IMPORT_DAY:-2025-06-02}
GEN=${BENCH_GEN:-bench/gen-export.py}
CHANGE=bench/change-export.py

if [ "${BENCH_QUICK:-0}" != 0 ]; then
	QUICK=1 MID=10000 BIG=50000 RUNS_FAST=1 RUNS_SLOW=1 RUNS_START=3
else
	QUICK=0 MID=100000 BIG=1000000 RUNS_FAST=5 RUNS_SLOW=3 RUNS_START=11
fi
# BENCH_BIG=0 leaves out the 1,000,000-row imports (the longest part).
[ "${BENCH_BIG:-1}" != 0 ] || BIG=0
SMALL=100

die() {
	echo "bench: $*" >&2
	exit 1
}

for f in /usr/bin/time sqlite3 python3; do
	command -v "$f" >/dev/null || die "'$f' is missing: apt-get install" \
	    "the packages of tests/debian-packages.txt"
done
[ -x "$TAM" ] || die "'$TAM' is not built: run make bench"
[ -f "$GEN" ] || die "'$GEN' is missing (it comes with tam import)"

mkdir -p "$OUT/db"
DB=$OUT/db
TF=$OUT/time.txt
ERRF=$OUT/stderr.txt
RESF=$OUT/stdout.txt
export TAM_TODAY=$TODAY TAM_FORMAT=tsv NO_COLOR=1
unset TAM_DB

# --- results ------------------------------------------------------------

declare -A WALL MIN NET CPU RSS RUNS ROWS ERR WHAT TARGET VERDICT
ORDER=()
BASE_US=0

median() {
	printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 }
	    END { if (NR % 2) print v[(NR + 1) / 2];
		  else printf "%d\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

maximum() {
	printf '%s\n' "$@" | sort -n | tail -n 1
}

# row NAME SETUP WHAT -- COMMAND...: declares a row: SETUP (a shell
# function or :) runs untimed before each run of COMMAND.
declare -A CMD SETUP WALLS CPUS RSSS
row() {
	local name=$1

	SETUP[$name]=$2
	WHAT[$name]=$3
	shift 4
	CMD[$name]=$(printf '%q ' "$@")
	ORDER+=("$name")
	WALLS[$name]= CPUS[$name]= RSSS[$name]=
}

# run_once NAME: one timed run.  A failing command is recorded with its
# first error line, not fatal: the rest of the table is still worth having.
run_once() {
	local name=$1 s e rc=0 kb us ss

	[ -z "${ERR[$name]:-}" ] || return 0
	${SETUP[$name]}
	s=$EPOCHREALTIME
	eval "/usr/bin/time -o \"\$TF\" -f '%M %U %S' ${CMD[$name]}" \
	    '>"$RESF" 2>"$ERRF"' || rc=$?
	e=$EPOCHREALTIME
	if [ "$rc" -ne 0 ]; then
		ERR[$name]=$(grep -v '^Command exited' "$ERRF" | head -n 1)
		[ -n "${ERR[$name]}" ] || ERR[$name]="exit $rc"
		echo "bench: $name failed: ${ERR[$name]}" >&2
		return 0
	fi
	read -r kb us ss < <(tail -n 1 "$TF")
	WALLS[$name]+="$(( ${e/./} - ${s/./} )) "
	RSSS[$name]+="$kb "
	CPUS[$name]+="$(awk -v u="$us" -v s="$ss" \
	    'BEGIN { printf "%d", (u + s) * 1000000 }') "
	# Lines of output less the header: the rows a query gave.
	ROWS[$name]=$(( $(wc -l <"$RESF") - 1 ))
	[ "${ROWS[$name]}" -ge 0 ] || ROWS[$name]=0
}

# summarize NAME: the medians of the runs so far.
summarize() {
	local name=$1 w

	[ -z "${ERR[$name]:-}" ] || return 0
	read -r -a w <<<"${WALLS[$name]}"
	RUNS[$name]=${#w[@]}
	WALL[$name]=$(median "${w[@]}")
	MIN[$name]=$(printf '%s\n' "${w[@]}" | sort -n | head -n 1)
	NET[$name]=$(( WALL[$name] - BASE_US ))
	CPU[$name]=$(median ${CPUS[$name]})
	RSS[$name]=$(maximum ${RSSS[$name]})
	echo "bench: $(printf '%-26s' "$name") median $(ms "${WALL[$name]}") ms" \
	    "of$(for x in "${w[@]}"; do printf ' %s' "$(ms "$x")"; done)" >&2
}

# count_instr NAME: the instructions NAME's command executes, counted by
# valgrind (callgrind), when valgrind is installed: a figure the load of
# this shared machine does not move, for the start-up rows whose few
# milliseconds drown in it.  Includes the dynamic loader, as a run does.
declare -A INSTR
count_instr() {
	local name=$1

	[ -z "${ERR[$name]:-}" ] && command -v valgrind >/dev/null || return 0
	${SETUP[$name]}
	eval "valgrind --tool=callgrind --callgrind-out-file=/dev/null" \
	    "${CMD[$name]}" '>/dev/null 2>"$ERRF"' || return 0
	INSTR[$name]=$(sed -n 's/.*I *refs: *//p' "$ERRF" | tr -d ,)
}

# measure RUNS NAME...: runs the rows RUNS times each, interleaved (one
# run of each in turn), so that a change of load on this shared machine
# falls on all of them alike.
measure() {
	local runs=$1 i name

	shift
	for ((i = 0; i < runs; i++)); do
		for name in "$@"; do
			run_once "$name"
		done
	done
	for name in "$@"; do
		summarize "$name"
	done
}

# target NAME FIELD LIMIT TEXT: records a SPEC §10 bar on a row, judged
# on FIELD (NET in microseconds, RSS in KB).
target() {
	local name=$1 field=$2 limit=$3 v

	TARGET[$name]=$4
	[ -z "${ERR[$name]:-}" ] && [ -n "${WALL[$name]:-}" ] || {
		VERDICT[$name]=null
		return 0
	}
	case $field in
	NET) v=${NET[$name]} ;;
	RSS) v=${RSS[$name]} ;;
	esac
	if [ "$v" -le "$limit" ]; then VERDICT[$name]=true
	else VERDICT[$name]=false; fi
}

# --- data ---------------------------------------------------------------

# export ROWS: the generated export (cached; rebuilt when a script changed).
export_file() {
	local f=$OUT/export-$1-s$SEED.csv

	if [ ! -s "$f" ] || [ "$GEN" -nt "$f" ]; then
		echo "bench: generating $1 accounts (seed $SEED)" >&2
		python3 "$GEN" "$1" "$SEED" "$f.tmp"
		mv "$f.tmp" "$f"
	fi
	echo "$f"
}

# changed_file ROWS: the same export with 1% of its rows changed.
changed_file() {
	local src f=$OUT/export-$1-s$SEED-1pct.csv

	src=$(export_file "$1")
	if [ ! -s "$f" ] || [ "$src" -nt "$f" ] || [ "$CHANGE" -nt "$f" ]; then
		python3 "$CHANGE" "$src" "$f.tmp" 100
		mv "$f.tmp" "$f"
	fi
	echo "$f"
}

rmdb() {
	rm -f "$1" "$1-wal" "$1-shm" "$1-journal"
}

# cpdb FROM TO: a copy of a closed database (its WAL too, if any).
cpdb() {
	rmdb "$2"
	cp "$1" "$2"
	[ ! -e "$1-wal" ] || cp "$1-wal" "$2-wal"
}

count_accounts() {
	sqlite3 "$1" 'SELECT count(*) FROM account' 2>/dev/null || echo 0
}

# --- the rows -------------------------------------------------------------

# The sqlite3 shell as the equivalents run: tab-separated with a header,
# like tam's tsv, and @today bound as tam's --today.
SQ=(sqlite3 -header -separator "$(printf '\t')"
    -cmd ".parameter set @today \"'$TODAY'\"")

fresh_work() { rmdb "$DB/work.db"; }
fresh_sqlite() { rmdb "$DB/sqlite.db"; }
# An empty database with tam's schema, for bench/import-full.sql.
fresh_sqlite_tam() {
	rmdb "$DB/sqlite.db"
	"$TAM" -q --db "$DB/sqlite.db" init
}
copy_base() { cpdb "$DB/base-$CUR.db" "$DB/work.db"; }
copy_base_mid() { cpdb "$DB/base-$MID.db" "$DB/work.db"; }

# The start-up rows, interleaved with the empty process they are judged
# against: on a small database (imported and synced first, untimed).
bench_start() {
	local db=$DB/small.db csv

	csv=$(export_file "$SMALL")
	rmdb "$db"
	"$TAM" -q --db "$db" import "$csv" 2>/dev/null || true
	"$TAM" -q --db "$db" sync >/dev/null 2>&1 || true
	row true : "an empty process: the harness's own cost" \
	    -- /usr/bin/true
	row sqlite_select1 : "sqlite3 :memory: 'select 1' (start-up)" \
	    -- sqlite3 :memory: 'select 1'
	row version : "tam --version (start-up)" -- "$TAM" --version
	row due_small : "tam due on a small database ($SMALL accounts)" \
	    -- "$TAM" -q --db "$db" due
	# The baseline's own runs first decide BASE_US for the others.
	measure "$RUNS_START" true sqlite_select1 version due_small
	for n in true sqlite_select1 version due_small; do
		count_instr "$n"
	done
	BASE_US=${WALL[true]}
	for n in true sqlite_select1 version due_small; do
		[ -n "${ERR[$n]:-}" ] || NET[$n]=$(( WALL[$n] - BASE_US ))
	done
}

bench_import() {
	local n=$1 runs=$2 csv chg

	CUR=$n
	csv=$(export_file "$n")
	chg=$(changed_file "$n")
	row "import_$n" fresh_work \
	    "tam import of $n accounts into a new database" \
	    -- "$TAM" -q --db "$DB/work.db" --today "$IMPORT_DAY" import "$csv"
	row "sqlite_import_$n" fresh_sqlite \
	    "sqlite3 .import --csv of the same file into a plain table" \
	    -- sqlite3 "$DB/sqlite.db" ".import --csv $csv account"
	row "sqlite_import_full_$n" fresh_sqlite_tam \
	    "sqlite3: bench/import-full.sql, tam's writes in SQL" \
	    -- sqlite3 -cmd ".parameter set @now '${IMPORT_DAY}T09:00:00Z'" \
	    -cmd ".parameter set @file '$csv'" "$DB/sqlite.db" \
	    ".import --csv --schema temp $csv raw" ".read bench/import-full.sql"
	measure "$runs" "import_$n" "sqlite_import_$n" "sqlite_import_full_$n"
	rmdb "$DB/sqlite.db"
	[ -z "${ERR[import_$n]:-}" ] || return 0
	[ "$(count_accounts "$DB/work.db")" = "$n" ] ||
	    die "tam import of $csv did not give $n accounts"
	rmdb "$DB/base-$n.db"
	mv "$DB/work.db" "$DB/base-$n.db"
	row "reimport_$n" copy_base \
	    "tam import of the same file again (all rows unchanged)" \
	    -- "$TAM" -q --db "$DB/work.db" --today "$IMPORT_DAY" import "$csv"
	row "reimport_1pct_$n" copy_base \
	    "tam import of the file with 1% of rows changed" \
	    -- "$TAM" -q --db "$DB/work.db" --today "$IMPORT_DAY" import "$chg"
	# One run each at 1,000,000 rows: minutes each, on this machine.
	[ "$n" != "$BIG" ] || runs=1
	measure "$runs" "reimport_$n" "reimport_1pct_$n"
	if [ "$n" = "$MID" ]; then
		row "import_planned_$n" fresh_work \
		    "tam import on $TODAY: it plans the open windows too" \
		    -- "$TAM" -q --db "$DB/work.db" import "$csv"
		measure "$runs" "import_planned_$n"
	fi
	rmdb "$DB/work.db"
}

# steady_db FROM TO: a copy of FROM as a team that keeps up would have it
# on TODAY: synced weekly for the 26 weeks before, the tasks due before
# each sync done (bench/steady.sql), then synced on TODAY.  Untimed set-up.
steady_db() {
	local w day

	cpdb "$1" "$2"
	for ((w = 26; w >= 1; w--)); do
		day=$(date -u -d "$TODAY - $w weeks" +%F)
		"$TAM" -q --db "$2" --today "$day" sync >/dev/null
		steady_work "$2" "$day"
	done
	# Up to date but for yesterday's tasks: a few overdue, as in life.
	steady_work "$2" "$(date -u -d "$TODAY - 1 day" +%F)"
	"$TAM" -q --db "$2" sync >/dev/null
}

steady_work() {
	sqlite3 -cmd ".parameter set @today \"'$2'\"" "$1" \
	    ".read bench/steady.sql"
}

bench_work() {
	local n=$MID db=$DB/steady-$MID.db

	[ -z "${ERR[import_$n]:-}" ] || return 0
	row "sync_$n" copy_base_mid \
	    "tam sync of $n accounts, nothing planned yet" \
	    -- "$TAM" -q --db "$DB/work.db" sync
	measure "$RUNS_FAST" "sync_$n"
	rmdb "$DB/work.db"
	[ -z "${ERR[sync_$n]:-}" ] || return 0
	echo "bench: preparing the steady-state database (26 weekly syncs)" >&2
	steady_db "$DB/base-$n.db" "$db"
	row "sync_again_$n" : "tam sync again: nothing to do" \
	    -- "$TAM" -q --db "$db" sync
	row "due_nosync_$n" : "tam due --no-sync" \
	    -- "$TAM" -q --db "$db" due --no-sync
	row "sqlite_due_$n" : "sqlite3: bench/due.sql" \
	    -- "${SQ[@]}" "$db" ".read bench/due.sql"
	row "due_$n" : "tam due (its sync finds nothing to do)" \
	    -- "$TAM" -q --db "$db" due
	row "sqlite_due_sync_$n" : \
	    "sqlite3: bench/sync-check.sql + bench/due.sql" \
	    -- "${SQ[@]}" "$db" ".read bench/sync-check.sql" \
	    ".read bench/due.sql"
	row "report_renewals_$n" : "tam report renewals" \
	    -- "$TAM" -q --db "$db" report renewals
	row "sqlite_renewals_$n" : "sqlite3: bench/renewals.sql" \
	    -- "${SQ[@]}" "$db" ".read bench/renewals.sql"
	measure "$RUNS_FAST" "sync_again_$n" "due_nosync_$n" "sqlite_due_$n" \
	    "due_$n" "sqlite_due_sync_$n" "report_renewals_$n" \
	    "sqlite_renewals_$n"
	bench_tam "$n" "$db" steady_db
}

# The TAM with the most accounts of a database: "P" of the due_tam rows.
top_tam() {
	sqlite3 "$1" "SELECT tam FROM account WHERE archived = 0 AND
	    tam IS NOT NULL GROUP BY tam_fold ORDER BY count(*) DESC, tam_fold
	    LIMIT 1"
}

# tam_export SRC TAM DST: the rows of SRC whose TAM is TAM, header kept.
tam_export() {
	python3 - "$1" "$2" "$3" <<'PY'
import csv, sys
src, tam, dst = sys.argv[1:4]
with open(src, newline='', encoding='utf-8-sig') as f, \
    open(dst, 'w', newline='', encoding='utf-8') as g:
	r = csv.reader(f)
	w = csv.writer(g, quoting=csv.QUOTE_ALL, lineterminator='\r\n')
	h = next(r)
	w.writerow(h)
	i = h.index('Technical Account Manager')
	w.writerows(row for row in r if len(row) > i and row[i] == tam)
PY
}

# bench_tam N SHARED SETUP: one TAM's morning on the shared book SHARED
# of N accounts against the same TAM's accounts alone in a database of
# their own, brought to the same day by SETUP (steady_db, or one sync).
bench_tam() {
	local n=$1 shared=$2 prep=$3 p own=$DB/own-$1.db csv

	p=$(top_tam "$shared")
	[ -n "$p" ] || die "no TAM in $shared"
	csv=$OUT/export-$n-s$SEED-own.csv
	tam_export "$(export_file "$n")" "$p" "$csv"
	rmdb "$DB/own-import.db"
	"$TAM" -q --db "$DB/own-import.db" --today "$IMPORT_DAY" import "$csv"
	$prep "$DB/own-import.db" "$own"
	rmdb "$DB/own-import.db"
	echo "bench: P is $p, $(count_accounts "$own") of $n accounts" >&2
	row "due_tam_$n" : "tam due --tam P (its sync: P's accounts only)" \
	    -- "$TAM" -q --db "$shared" due --tam "$p"
	row "due_tam_own_$n" : "tam due on a database of P's accounts only" \
	    -- "$TAM" -q --db "$own" due
	row "due_tam_nosync_$n" : "tam due --tam P --no-sync" \
	    -- "$TAM" -q --db "$shared" due --tam "$p" --no-sync
	row "due_tam_own_nosync_$n" : "tam due --no-sync, P's accounts only" \
	    -- "$TAM" -q --db "$own" due --no-sync
	measure "$RUNS_FAST" "due_tam_$n" "due_tam_own_$n" \
	    "due_tam_nosync_$n" "due_tam_own_nosync_$n"
}

# synced_db FROM TO: a copy of FROM synced once on TODAY (for the
# 1,000,000-account book, where 26 weekly syncs would take too long).
synced_db() {
	cpdb "$1" "$2"
	"$TAM" -q --db "$2" sync >/dev/null
}

bench_tam_big() {
	[ -z "${ERR[import_$BIG]:-}" ] && [ -s "$DB/base-$BIG.db" ] || return 0
	echo "bench: preparing the $BIG-account book (one sync)" >&2
	synced_db "$DB/base-$BIG.db" "$DB/synced-$BIG.db"
	bench_tam "$BIG" "$DB/synced-$BIG.db" synced_db
}

# --- report ----------------------------------------------------------------

ms() {
	awk -v v="$1" 'BEGIN { printf "%.1f", v / 1000 }'
}

# ratio A B: net A / net B, or "n/a".
ratio() {
	# A net time at or under zero is noise beyond the harness's cost.
	if [ -n "${ERR[$1]:-}${ERR[$2]:-}" ] || [ -z "${NET[$1]:-}" ] ||
	    [ -z "${NET[$2]:-}" ] || [ "${NET[$1]}" -le 0 ] ||
	    [ "${NET[$2]}" -le 0 ]; then
		echo n/a
		return
	fi
	awk -v a="${NET[$1]}" -v b="${NET[$2]}" 'BEGIN { printf "%.2f", a / b }'
}

# ratio_target NAME A B LIMIT TEXT
declare -A RATIO RATIO_OK RATIO_TEXT
RATIO_ORDER=()
ratio_target() {
	local r

	r=$(ratio "$2" "$3")
	RATIO[$1]=$r
	RATIO_TEXT[$1]=$5
	RATIO_ORDER+=("$1")
	if [ "$r" = n/a ] || [ -z "$4" ]; then
		RATIO_OK[$1]=null
	elif awk -v r="$r" -v l="$4" 'BEGIN { exit !(r <= l) }'; then
		RATIO_OK[$1]=true
	else
		RATIO_OK[$1]=false
	fi
}

instr_m() {
	if [ -n "$1" ]; then
		awk -v v="$1" 'BEGIN { printf "%.1f", v / 1000000 }'
	else
		echo -
	fi
}

verdict_word() {
	case ${1:-} in
	true) echo ok ;;
	false) echo MISSED ;;
	*) echo "" ;;
	esac
}

print_table() {
	local n

	printf '\n%-26s %10s %9s %10s %8s %8s %4s %7s %8s  %s\n' row \
	    "median ms" "min ms" "net ms" "cpu ms" "peak MB" runs rows \
	    "instr M" "target"
	for n in "${ORDER[@]}"; do
		if [ -n "${ERR[$n]:-}" ]; then
			printf '%-26s %s\n' "$n" "failed: ${ERR[$n]}"
			continue
		fi
		printf '%-26s %10s %9s %10s %8s %8s %4s %7s %8s  %s %s\n' "$n" \
		    "$(ms "${WALL[$n]}")" "$(ms "${MIN[$n]}")" \
		    "$(ms "${NET[$n]}")" \
		    "$(ms "${CPU[$n]}")" \
		    "$(awk -v k="${RSS[$n]}" 'BEGIN { printf "%.1f", k / 1024 }')" \
		    "${RUNS[$n]}" "${ROWS[$n]}" \
		    "$(instr_m "${INSTR[$n]:-}")" "${TARGET[$n]:-}" \
		    "$(verdict_word "${VERDICT[$n]:-}")"
	done
	printf '\n%-34s %8s  %s\n' ratio "value" "target"
	for n in "${RATIO_ORDER[@]}"; do
		printf '%-34s %8s  %s %s\n' "$n" "${RATIO[$n]}" \
		    "${RATIO_TEXT[$n]}" "$(verdict_word "${RATIO_OK[$n]}")"
	done
}

json_str() {
	local s=${1//\\/\\\\}

	s=${s//\"/\\\"}
	s=${s//$'\t'/\\t}
	printf '"%s"' "$s"
}

json_num() {
	if [ -n "${1:-}" ]; then ms "$1"; else echo null; fi
}

# jfield KEY VALUE: one '"key": value,' line of the header (VALUE as is).
jfield() {
	printf '  "%s": %s,\n' "$1" "$2"
}

# jrow NAME: the JSON object of one row.
jrow() {
	local n=$1

	printf '{ "what": %s, ' "$(json_str "${WHAT[$n]}")"
	if [ -n "${ERR[$n]:-}" ]; then
		printf '"error": %s }' "$(json_str "${ERR[$n]}")"
		return
	fi
	printf '"runs": %s, "median_ms": %s, "min_ms": %s, ' "${RUNS[$n]}" \
	    "$(json_num "${WALL[$n]}")" "$(json_num "${MIN[$n]}")"
	printf '"net_ms": %s, "cpu_ms": %s, "peak_rss_kb": %s, "rows": %s' \
	    "$(json_num "${NET[$n]}")" "$(json_num "${CPU[$n]}")" \
	    "${RSS[$n]}" "${ROWS[$n]}"
	[ -z "${INSTR[$n]:-}" ] ||
	    printf ', "instructions": %s' "${INSTR[$n]}"
	[ -z "${TARGET[$n]:-}" ] ||
	    printf ', "target": %s, "met": %s' "$(json_str "${TARGET[$n]}")" \
	    "${VERDICT[$n]}"
	printf ' }'
}

write_json() {
	local f=$OUT/results.json n sep v

	{
		printf '{\n'
		jfield date "$(json_str "$(date -u +%Y-%m-%dT%H:%M:%SZ)")"
		jfield commit "$(json_str "$COMMIT")"
		jfield tam "$(json_str "$("$TAM" --version)")"
		jfield sqlite3 "$(json_str "$(sqlite3 --version | cut -d' ' -f1)")"
		jfield machine "$(json_str "$(uname -srm), $(nproc) cpus")"
		jfield load_before "$(json_str "$LOAD_BEFORE")"
		jfield load_after "$(json_str "$(cut -d' ' -f1-3 /proc/loadavg)")"
		jfield quick "$([ "$QUICK" = 1 ] && echo true || echo false)"
		jfield seed "$SEED"
		jfield today "$(json_str "$TODAY")"
		jfield import_day "$(json_str "$IMPORT_DAY")"
		jfield sizes "{ \"mid\": $MID, \"big\": $BIG, \"small\": $SMALL }"
		printf '  "rows": {\n'
		sep=
		for n in "${ORDER[@]}"; do
			printf '%s    %s: %s' "$sep" "$(json_str "$n")" \
			    "$(jrow "$n")"
			sep=$',\n'
		done
		printf '\n  },\n  "ratios": {\n'
		sep=
		for n in "${RATIO_ORDER[@]}"; do
			v=${RATIO[$n]}
			[ "$v" != n/a ] || v=null
			printf '%s    %s: { "value": %s, "target": %s, ' \
			    "$sep" "$(json_str "$n")" "$v" \
			    "$(json_str "${RATIO_TEXT[$n]}")"
			printf '"met": %s }' "${RATIO_OK[$n]}"
			sep=$',\n'
		done
		printf '\n  }\n}\n'
	} >"$f.tmp"
	mv "$f.tmp" "$f"
	echo "bench: wrote $f" >&2
}

# --- main -----------------------------------------------------------------

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# The tree the measured binary was built from (make bench built it first).
COMMIT=$(git describe --always --dirty 2>/dev/null || echo unknown)
T0=$EPOCHREALTIME
echo "bench: $("$TAM" --version)," \
    "sqlite3 $(sqlite3 --version | cut -d' ' -f1), today $TODAY," \
    "$( [ "$QUICK" = 1 ] && echo "quick: " )$MID and $BIG" \
    "accounts; load $LOAD_BEFORE" >&2

bench_start
bench_import "$MID" "$RUNS_FAST"
bench_work
[ "$BIG" = 0 ] || bench_import "$BIG" "$RUNS_SLOW"
[ "$BIG" = 0 ] || bench_tam_big

target due_small NET 5000 "< 5 ms"
target due_nosync_$MID NET 50000 "< 50 ms"
target due_$MID NET 100000 "< 100 ms"
target sync_$MID NET 2000000 "< 2 s"
[ "$BIG" = 0 ] || target import_$BIG RSS 32768 "peak RSS < 32 MB"
ratio_target "start-up: version / select 1" version sqlite_select1 2 "<= 2"
if [ -n "${INSTR[version]:-}" ] && [ -n "${INSTR[sqlite_select1]:-}" ]; then
	RATIO_ORDER+=("start-up, instructions")
	RATIO["start-up, instructions"]=$(awk -v a="${INSTR[version]}" \
	    -v b="${INSTR[sqlite_select1]}" 'BEGIN { printf "%.2f", a / b }')
	RATIO_TEXT["start-up, instructions"]="<= 2"
	if awk -v r="${RATIO["start-up, instructions"]}" 'BEGIN { exit !(r <= 2) }'
	then RATIO_OK["start-up, instructions"]=true
	else RATIO_OK["start-up, instructions"]=false; fi
fi
ratio_target "import $MID: tam / sqlite3" import_$MID sqlite_import_$MID "" ""
ratio_target "import $MID: tam / same writes" import_$MID \
    sqlite_import_full_$MID "" ""
[ "$BIG" = 0 ] ||
    ratio_target "import $BIG: tam / sqlite3" import_$BIG sqlite_import_$BIG \
    1.5 "<= 1.5"
[ "$BIG" = 0 ] ||
    ratio_target "import $BIG: tam / same writes" import_$BIG \
    sqlite_import_full_$BIG 0.8 "<= 0.8"
[ "$BIG" = 0 ] ||
    ratio_target "reimport $BIG: tam / sqlite3" reimport_$BIG \
    sqlite_import_$BIG 1.5 "<= 1.5"
ratio_target "due --no-sync $MID: tam / sqlite3" due_nosync_$MID \
    sqlite_due_$MID "" ""
ratio_target "due $MID: tam / sqlite3" due_$MID sqlite_due_sync_$MID 0.75 \
    "<= 0.75"
ratio_target "report renewals $MID: tam / sqlite3" report_renewals_$MID \
    sqlite_renewals_$MID "" ""
for n in "$MID" "$BIG"; do
	[ "$n" != 0 ] || continue
	ratio_target "due --tam P $n: book / own" due_tam_$n due_tam_own_$n \
	    1.5 "<= 1.5"
	ratio_target "due --tam P --no-sync $n: book / own" \
	    due_tam_nosync_$n due_tam_own_nosync_$n 1.5 "<= 1.5"
done

print_table
write_json
echo "bench: done in $(awk -v s="$T0" -v e="$EPOCHREALTIME" \
    'BEGIN { printf "%.0f", e - s }') s; load now" \
    "$(cut -d' ' -f1-3 /proc/loadavg) (figures taken under load are noisy)" >&2
