#!/usr/bin/env bats
# import-backends.bats: tam import on PostgreSQL, which sends its rows in
# batches with COPY, does what it does on SQLite row by row: the same
# stdout, stderr, exit status and rejects file at every step, and the
# same rows after (tam export of both, ids and timestamps included; the
# clock stands still so that the timestamps can be the same).
#
# Each test runs its steps on an SQLite file and on a PostgreSQL
# database of its own, made on the server that libpq's environment names
# (PGHOST, PGPORT, PGUSER... as tests/run.sh exports them for its
# cluster).  Without a server to reach, the tests skip; tests/run.sh
# runs them in its PostgreSQL pass only.
# bats file_tags=pg-only

load helper
bats_require_minimum_version 1.5.0

# A frozen wall clock (see tam_at in timeline.bats): not under ASan.
FROZEN='2026-11-23 10:00:00'

setup() {
	export TAM_TODAY=2026-11-23
	export HOME="$BATS_TEST_TMPDIR/home"
	unset XDG_DATA_HOME TAM_FORMAT NO_COLOR TAM_DB
	cd "$BATS_TEST_TMPDIR" || return 1
	[ -z "${ASAN_OPTIONS:-}" ] ||
	    skip "libfaketime deadlocks with AddressSanitizer at start-up"
	command -v psql >/dev/null || skip "no psql: no PostgreSQL to compare"
	psql -X -q -d postgres -c 'SELECT 1' >/dev/null 2>&1 ||
	    skip "no PostgreSQL server reachable (PGHOST, PGPORT, PGUSER)"
	CMP_PGDB="tam_cmp_${BATS_ROOT_PID:-$$}_${BATS_SUITE_TEST_NUMBER:-0}"
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$CMP_PGDB\"" \
	    -c "CREATE DATABASE \"$CMP_PGDB\"" >/dev/null 2>&1 || return 1
	CMP_PG="postgresql:///$CMP_PGDB"
	mkdir -p lite pg
	STEP=0
}

teardown() {
	[ -z "${CMP_PGDB:-}" ] ||
	    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$CMP_PGDB\"" \
	    >/dev/null 2>&1 || true
	[ -z "${CMP_ROLE:-}" ] ||
	    psql -X -q -d postgres -c "DROP ROLE IF EXISTS \"$CMP_ROLE\"" \
	    >/dev/null 2>&1 || true
}

# both ARGS...: runs tam ARGS on both backends, each in its own folder
# (lite/, pg/) so that a rejects file has the same name; stdout, stderr
# and the exit status must be the same.
both() {
	local side db

	STEP=$((STEP + 1))
	for side in lite pg; do
		if [ "$side" = lite ]; then db=$BATS_TEST_TMPDIR/lite/tam.db
		else db=$CMP_PG; fi
		(
			rc=0
			cd "$side" || exit 1
			ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
			    frozen "$FROZEN" "$TAM" --db "$db" "$@" \
			    >"out.$STEP" 2>"err.$STEP" || rc=$?
			echo "$rc" >"rc.$STEP"
		)
	done
	for f in out err rc; do
		diff -u "lite/$f.$STEP" "pg/$f.$STEP" ||
		    fail "step $STEP (tam $*): the $f differs"
	done
}

# The rejects files and the books must be the same; the database's
# random uid is its own.
same_books() {
	local f

	for f in lite/*.csv; do
		[ -e "$f" ] || continue
		cmp "$f" "pg/${f#lite/}" || fail "$f differs"
	done
	"$TAM" --db "$BATS_TEST_TMPDIR/lite/tam.db" export 2>/dev/null |
	    grep -v '"uid"' >lite.json
	"$TAM" --db "$CMP_PG" export 2>/dev/null | grep -v '"uid"' >pg.json
	diff -u lite.json pg.json || fail "tam export differs"
	# Not a comparison of two empty books.
	grep -q '"sfid"' lite.json || fail "nothing was imported"
}

# The status of step N (on SQLite, the same on PostgreSQL).
rc_of() {
	cat "lite/rc.$1"
}

@test "the sample, a sync, renewal dates moved, a dry run: the same on both" {
	cat >moved.csv <<-'EOF'
		Account ID,Renewal Date,Health Score,TAM Sentiment,TAM
		0015g000000Gma8AAC,12/20/2026,,Red,carol
		0015g000000GmcFAAS,,13,Green,
		0015g000000GmeMAAS,6/30/2027,26,,
		0015g000000GmgTAAS,1/5/2027,,Yellow - Requires Triage,
		0015g000000GmiaAAC,11/30/2026,52,Yellow,carol
		0015g000000GmkhAAC,2/2/2027,65,,
		0015g000000GmmoAAC,12/1/2026,,Red,
		0015g000000GmovAAC,,91,Green,
		0015g000000Gmr2AAC,3/3/2028,3,,carol
		0015g000000Gmt9AAC,1/10/2027,,,
	EOF
	both import "$DATA/sample-export.csv" --changes
	both sync
	both import ../moved.csv --dry-run
	both import ../moved.csv --changes
	both import ../moved.csv --changes
	both sync
	both due --format tsv
	same_books
	# The moved dates cancelled renewal CTAs: the re-plan ran.
	grep -q '"cancelled"' pg.json
	[ "$(rc_of 4)" = 0 ]
}

@test "every file of tests/data, skipping and rejecting: the same on both" {
	local f b

	both import "$DATA/sample-export.csv"
	for f in "$DATA"/*.csv "$DATA"/*.tsv; do
		b=$(basename "$f")
		both import "$f" --skip-invalid --rejects "rej-${b%.*}.csv" \
		    --changes
	done
	both import "$DATA/bad-rows.csv" --rejects rej-again.csv
	both import "$DATA/names.csv" --key name --changes
	both -q account add 'Dup Name'
	both -q account add 'Dup Name'
	printf '%s\n' 'Account Name,Health Score' 'dup name,5' >dup.csv
	both import ../dup.csv --key name
	# A bad row, then a file that ends in an open quote: both said.
	printf '%s\n' 'Account Name,Renewal Date' 'Good Co,1/1/2027' \
	    'Bad Co,13/45/2026' 'Ok Co,2/2/2027' '"Open Co,3/3/2027' >open.csv
	both import ../open.csv --skip-invalid
	grep -q "Bad Co\|13/45/2026" "lite/err.$STEP"
	same_books
}

# The rows of an export of n accounts from bench/gen-export.py.
gen_export() {
	command -v python3 >/dev/null || skip "no python3 for bench/gen-export.py"
	python3 "$BATS_TEST_DIRNAME/../../bench/gen-export.py" "$1" 8 "$2"
}

@test "a generated export of 3 batches: new, again, 1% changed: the same on both" {
	gen_export 9000 big.csv
	python3 "$BATS_TEST_DIRNAME/../../bench/change-export.py" big.csv \
	    changed.csv
	both -q import ../big.csv
	both -q sync
	both import ../big.csv
	both import ../changed.csv --changes
	both import ../changed.csv --dry-run
	same_books
}

# keys N: a file whose rows find their accounts across batches (4,096
# rows): a row again, the same and with another value; accounts without
# an ID that the file made, named again with one, in the same batch and
# in a later one; accounts without an ID adopted by a row with one; a row
# without an ID.
keys_file() {
	awk -v n="$1" 'BEGIN {
		print "Account ID,Account Name,Health Score,TAM Sentiment"
		for (i = 1; i <= n; i++)
			printf "0015g%010d,Co %d,%d,%s\n", i, i, i % 101,
			    i % 3 ? "Green" : "Red"
		# the same row again, a batch later: unchanged
		printf "0015g%010d,Co %d,%d,%s\n", 10, 10, 10, "Green"
		# again with another value: rejected
		printf "0015g%010d,Co %d,%d,%s\n", 11, 11, 99, "Red"
		# an account without an ID, made here, adopted a batch later
		print ",Fresh NoID,40,Yellow"
		print ",Fresh NoID2,41,"
		print "0015g9000000002,fresh noid2,42,"
		print "0015g9000000003,UNLINKED ONE,43,Red"
		print "0015g9000000004,Twin,44,"
		print ",Unlinked Two,45,Green"
		for (i = n + 1; i <= n + 4200; i++)
			printf "0015g%010d,Co %d,%d,\n", i, i, i % 101
		print "0015g9000000001,FRESH noid,46,Green"
	}'
}

@test "keys across batches: a row again, adoptions, no ID: the same on both" {
	both -q account add 'Unlinked One'
	both -q account add 'Unlinked Two'
	both -q account add 'Twin'
	keys_file 4500 >keys.csv
	both import ../keys.csv
	both import ../keys.csv --skip-invalid --rejects rej-keys.csv --changes
	same_books
	[ "$(rc_of 4)" = 1 ] && [ "$(rc_of 5)" = 0 ]
	grep -q 'appears earlier in the file with different values' lite/err.4
	grep -q '8702 new, 3 updated, 1 unchanged, 3 rejected' lite/err.5
}

@test "--key name: IDs given up and taken in one batch: the same on both" {
	# Each ID is taken only once the row before has let it go, which the
	# server's unique index sees only when those rows went first.
	printf '%s\n' 'Account ID,Account Name' '0015g0000000001,Co 1' \
	    '0015g0000000002,Co 2' '0015g0000000003,Co 3' \
	    '0015g0000000004,Co 4' >ids.csv
	printf '%s\n' 'Account ID,Account Name' \
	    '0015g0000000099,co 1' '0015g0000000001,CO 3' \
	    '0015g0000000003,Co 2' '0015g0000000002,Co 4' \
	    '0015g0000000099,New Co' '0015g0000000004,Newer Co' >trade.csv
	both -q import ../ids.csv
	both import ../trade.csv --key name --skip-invalid --changes
	both import ../trade.csv --key name --changes
	same_books
	grep -q "already belongs to account" lite/err.2
	grep -q "2 new, 4 updated, 0 unchanged, 1 rejected" lite/err.2 ||
	    grep -q "1 new, 4 updated, 0 unchanged, 1 rejected" lite/err.2
}

@test "as a team admin, under row-level security: the same on both" {
	# COPY may not write a table under row-level security: the rows go
	# through temporary tables and INSERT, which the policies check.
	CMP_ROLE="cmp_admin_${BATS_ROOT_PID:-$$}_${BATS_SUITE_TEST_NUMBER:-0}"
	"$TAM" -q --db "$CMP_PG" team add "$CMP_ROLE" --tam 'Import Admin' \
	    --admin || fail "tam team add"
	psql -X -q -U "$CMP_ROLE" -d "$CMP_PGDB" -c 'SELECT 1' >/dev/null \
	    2>&1 || skip "the new login cannot connect here (pg_hba.conf)"
	run psql -X -q -At -U "$CMP_ROLE" -d "$CMP_PGDB" \
	    -c "SELECT row_security_active('tam.account')"
	assert_output t
	CMP_PG="postgresql://$CMP_ROLE@/$CMP_PGDB"
	gen_export 5000 some.csv
	python3 "$BATS_TEST_DIRNAME/../../bench/change-export.py" some.csv \
	    changed.csv
	both import "$DATA/sample-export.csv" --changes
	both -q sync
	both import ../some.csv
	both import ../changed.csv --changes
	keys_file 4500 >keys.csv
	both import ../keys.csv --skip-invalid --rejects rej-keys.csv
	same_books
}
