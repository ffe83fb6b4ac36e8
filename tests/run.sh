#!/bin/sh
# run.sh: runs the C unit tests (cmocka, TAP) and the command-line tests
# (bats, TAP), then prints one summary line "N passed, N failed, N skipped"
# over all of them and exits non-zero on any failure.  Arguments: the unit
# test binaries.
#
# The command-line tests run twice: on SQLite, then on PostgreSQL in a
# throwaway cluster (tests/pg-cluster.sh) when PostgreSQL's server
# programs are installed (initdb on PATH or in /usr/lib/postgresql/*/bin).
# Each pass's TAP comes under a header naming its backend.
#
# TAM (default ./tam) is the binary the bats tests run; TEST_WRAPPER, if
# set, is a program that runs each unit test binary (valgrind-run).
# TAM_TEST_PG: unset or "auto": the PostgreSQL pass if PostgreSQL is
# installed; 0: no PostgreSQL pass; 1: the PostgreSQL pass, a failure if
# PostgreSQL is missing; "only": the PostgreSQL pass alone (no unit
# tests, no SQLite pass), for work on that backend.
unit_only=0
if [ "$1" = "--unit-only" ]; then
	unit_only=1
	shift
fi
here=$(dirname "$0")
TAM="${TAM:-$(pwd)/tam}"
export TAM
logs=$(mktemp -d)
pgdir=
cleanup() {
	# a second ^C must not stop the cluster's stop half-way
	trap '' INT TERM HUP
	rm -rf "$logs"
	if [ -n "$pgdir" ]; then
		sh "$here/pg-cluster.sh" stop "$pgdir" || true
	fi
}
trap cleanup EXIT
# An interrupted run stops the cluster too (the EXIT trap runs on exit).
trap 'exit 130' INT TERM HUP
status=0

pg=${TAM_TEST_PG:-auto}
case $pg in
auto | 0 | 1 | only) ;;
*)
	echo "run.sh: TAM_TEST_PG is $pg; use 0, 1, only or auto" >&2
	exit 2
	;;
esac
have_pg() {
	command -v initdb >/dev/null 2>&1 ||
	    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1
}

# bats_pass NAME ARGS...: one bats run over tests/cli into its own log.
bats_pass() {
	name=$1
	shift
	echo "# bats tests/cli on $name"
	start=$(date +%s)
	bats --tap "$@" "$here/cli" >"$logs/bats-$name" 2>&1 || status=1
	echo "# bats tests/cli on $name took $(($(date +%s) - start)) s"
}

if [ "$pg" != only ]; then
	: >"$logs/unit"
	for t in "$@"; do
		echo "# $t"
		CMOCKA_MESSAGE_OUTPUT=TAP $TEST_WRAPPER "$t" >>"$logs/unit" 2>&1 ||
		    status=1
	done
	if [ "$unit_only" -eq 0 ]; then
		TAM_TEST_BACKEND=sqlite bats_pass SQLite --filter-tags '!pg-only'
	fi
fi

if [ "$unit_only" -eq 0 ] && [ "$pg" != 0 ]; then
	if ! have_pg; then
		if [ "$pg" = auto ]; then
			echo "# no PostgreSQL (initdb) here: the PostgreSQL pass is left out"
		else
			echo "run.sh: TAM_TEST_PG=$pg, but initdb is not installed (apt-get install postgresql)" >&2
			status=1
			echo "not ok 1 PostgreSQL pass: initdb is not installed" >"$logs/bats-PostgreSQL"
		fi
	else
		# /tmp, not TMPDIR: the postgres user must reach it, and a
		# socket's path is at most 107 bytes
		pgdir=$(mktemp -d /tmp/tam-pg.XXXXXX)
		if sh "$here/pg-cluster.sh" start "$pgdir" >"$logs/pg-start" 2>&1; then
			(
				# Only the cluster's own settings reach libpq.
				unset PGDATABASE PGPASSWORD PGPASSFILE PGSERVICE \
				    PGSERVICEFILE PGHOSTADDR PGSSLMODE PGOPTIONS \
				    PGAPPNAME PGCONNECT_TIMEOUT PGTARGETSESSIONATTRS
				. "$pgdir/env"
				PATH=$TAM_TEST_PG_BINDIR:$PATH
				export PATH
				TAM_TEST_BACKEND=pg bats_pass PostgreSQL \
				    --filter-tags '!sqlite-only'
				exit $status
			) || status=1
		else
			cat "$logs/pg-start"
			echo "not ok 1 PostgreSQL pass: tests/pg-cluster.sh start failed" >"$logs/bats-PostgreSQL"
			status=1
		fi
		sh "$here/pg-cluster.sh" stop "$pgdir" || true
		pgdir=
	fi
fi

for f in "$logs"/unit "$logs"/bats-SQLite "$logs"/bats-PostgreSQL; do
	[ -f "$f" ] || continue
	case $f in
	*/unit) echo "# --- unit tests" ;;
	*) echo "# --- bats tests/cli on ${f##*/bats-}" ;;
	esac
	cat "$f"
done
all=$(cat "$logs"/unit "$logs"/bats-* 2>/dev/null)
count() {
	printf '%s\n' "$all" | grep -c "$1"
}
passed=$(count '^ok ')
skipped=$(count '^ok .*# skip')
failed=$(count '^not ok ')
passed=$((passed - skipped))
if [ "$failed" -gt 0 ]; then
	echo "failed tests:"
	for f in "$logs"/unit "$logs"/bats-SQLite "$logs"/bats-PostgreSQL; do
		[ -f "$f" ] || continue
		case $f in
		*/unit) what=unit ;;
		*) what=${f##*/bats-} ;;
		esac
		grep '^not ok ' "$f" | sed "s/^/[$what] /"
	done
fi
# A runner that died without reporting a test is a failure too.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
	failed=1
	echo "a test program failed without reporting a test"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
