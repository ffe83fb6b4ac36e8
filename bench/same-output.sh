#!/bin/bash
# bench/same-output.sh OLD NEW: runs the same commands with two tam
# binaries on the same data and compares every byte they print (stdout,
# stderr, exit code) and the databases they leave, in all five formats,
# and what every command says when it is misused.
# A restructuring must leave this silent.  The clock is frozen with
# faketime so that timestamps agree; the data is the bundled sample
# export, and a generated one (bench/gen-export.py) of SAME_ROWS accounts
# (default 2000).  Each database's random identifier is masked.
#
#   bash bench/same-output.sh /tmp/tam-before ./tam
set -eu -o pipefail
export LC_ALL=C.UTF-8 TZ=UTC NO_COLOR=1
unset TAM_DB TAM_FORMAT TAM_ME TAM_TODAY

[ $# -eq 2 ] || { echo "usage: bench/same-output.sh OLD NEW" >&2; exit 2; }
old=$(realpath "$1") new=$(realpath "$2")
cd "$(dirname "$0")/.."
command -v faketime >/dev/null || { echo "same-output: apt-get install faketime" >&2; exit 2; }
# The frozen clock: libfaketime preloaded where it is found (the
# faketime wrapper's semaphore can meet a stale one of an earlier run
# and fail, one run in a few dozen), else the wrapper.
lib=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -n 1)
frozen() {
	if [ -n "$lib" ]; then
		LD_PRELOAD=$lib FAKETIME='2026-11-23 08:00:00' "$@"
	else
		faketime -f '2026-11-23 08:00:00' "$@"
	fi
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rows=${SAME_ROWS:-2000}
python3 bench/gen-export.py "$rows" 8 "$work/gen.csv" >/dev/null

# The command lists: each line is one tam invocation (arguments split by
# the shell).  Writers run in order on each side's own copy.
reads=(
	"due" "due --all" "due --tam alice" "due --no-sync --horizon 30d"
	"account list" "account list --archived" "account list --strategic"
	"account list --renewing-within 6m" "account show 1" "account show acme"
	"task list" "task list --all" "cta list" "cta list --open --kind risk"
	"cta show 1" "timeline 1" "timeline 2 --type risk_update"
	"report renewals" "report renewals --by month --within 6m"
	"report at-risk" "config list" "config get due.horizon"
	"review 1" "review 2" "export" "export --format jsonl" "ics"
	"help" "help due" "account show nosuch" "due --horizon x"
)
writes=(
	"sync" "sentiment 2 red --note 'champion left'" "sync"
	"cta update 1 --risk-type customer-churn --risk-reason other"
	"risk-update 2 --note 'exec call booked'" "done 1 --note held"
	"skip 3 --note covered" "action 1 architecture" "note 1 'QBR moved'"
	"account add 'Same Output Ltd' --acv 'EUR 1,000' --renewal 2027-03-31"
	"account set 1 --health 70" "config set sentiment.stale_days 30"
	"cta close 1 --won --note 'renewed'" "account archive 3" "sync"
)
# Misuse of every command: missing and extra words, unknown options,
# values refused; run after the writes, standard input empty.
misuse=(
	"sync x" "sync --bogus" "due x" "due --limit x" "due --bogus --all y"
	"task" "task list x" "task list --kind x" "task list --open --all"
	"task set" "task set x" "task set 1 2" "task set 1 --due x"
	"task reopen" "task reopen 1 2" "task reopen x"
	"done" "done x" "done 1 --bogus" "skip 2" "skip --note" "skip x --note y"
	"account" "account add" "account add a b" "account add x --acv q"
	"account set" "account set 1" "account set 1 2 --health 3"
	"account set 1 --clear nosuch" "account show" "account show 1 2"
	"account list x" "account list --sentiment blue" "account archive"
	"account archive 1 2" "account rm 1" "account rm 1 --yes x"
	"timeline" "timeline 1 2" "timeline 1 --type x" "timeline 1 --since x"
	"note" "note 1" "note 1 '' " "note 1 a b" "action" "action 1"
	"action 1 nosuch" "review" "review 1 2" "review nosuch"
	"sentiment" "sentiment 1" "sentiment 1 blue" "sentiment 1 red x"
	"risk-update" "risk-update 1" "risk-update 1 2 --note x"
	"cta" "cta list x" "cta list --kind x" "cta show" "cta show x"
	"cta open" "cta open 1 --risk-type x" "cta update 1" "cta update"
	"cta close" "cta close 1" "cta close 1 --won --lost churn --note x"
	"cta close 1 --lost x --note y" "cta close 1 --net-arr x --won"
	"report" "report x" "report renewals x" "report renewals --by x"
	"report at-risk x" "ics x" "ics --within x" "init x" "import x y"
	"import --key x" "import --date-format x" "import --delimiter xy"
	"import --map x" "export x" "restore" "restore a b" "restore nosuch"
	"config" "config get" "config get nosuch" "config set due.horizon"
	"config set due.horizon x" "config list x" "team" "team list"
	"team add x" "help nosuch" "nosuch" "due --help" "account set --help"
)
formats=(table tsv csv json jsonl)

run_side() {
	local bin=$1 dir=$2 src db i=0 f c
	mkdir -p "$dir"
	for src in tests/data/sample-export.csv "$work/gen.csv"; do
		db=$dir/$(basename "$src" .csv).db
		frozen "$bin" --db "$db" --today 2026-11-23 \
		    import "$src" >"$dir/import-$(basename "$src").out" 2>&1 || true
		for c in "${writes[@]}"; do
			i=$((i + 1))
			eval "frozen \"\$bin\" --db \"\$db\" \
			    --today 2026-11-23 --format tsv $c" \
			    >"$dir/w$i.out" 2>"$dir/w$i.err" && echo 0 >"$dir/w$i.rc" \
			    || echo $? >"$dir/w$i.rc"
		done
		for c in "${reads[@]}"; do
			for f in "${formats[@]}"; do
				i=$((i + 1))
				eval "frozen \"\$bin\" --db \
				    \"\$db\" --today 2026-11-24 --format $f $c" \
				    >"$dir/r$i.out" 2>"$dir/r$i.err" &&
				    echo 0 >"$dir/r$i.rc" || echo $? >"$dir/r$i.rc"
			done
		done
		for c in "${misuse[@]}"; do
			i=$((i + 1))
			eval "frozen \"\$bin\" --db \
			    \"\$db\" --today 2026-11-24 $c" </dev/null \
			    >"$dir/m$i.out" 2>"$dir/m$i.err" &&
			    echo 0 >"$dir/m$i.rc" || echo $? >"$dir/m$i.rc"
		done
		sqlite3 "$db" .dump >"$dir/$(basename "$db").dump"
		rm -f "$db" "$db-wal" "$db-shm"
	done
	# Each database has its own random identifier (the calendar's UIDs),
	# and each side its own directory (config list shows the database's
	# path): the differences two runs must have.
	sed -i -E -e 's/[0-9a-f]{32}/DATABASE-UID/g' -e "s|$dir/|SIDE/|g" \
	    "$dir"/*
}

run_side "$old" "$work/old"
run_side "$new" "$work/new"
n=$(ls "$work/old" | wc -l)
if diff -r "$work/old" "$work/new" >"$work/diff"; then
	echo "same-output: $n outputs byte-identical"
else
	head -n 80 "$work/diff"
	echo "same-output: outputs differ (above)" >&2
	exit 1
fi
