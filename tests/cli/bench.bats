#!/usr/bin/env bats
# bench.bats: the parts of `make bench` that can be checked quickly -- the
# 1%-change script and the sqlite3 equivalents of tam's queries (they must
# keep running against the schema tam creates).
# SQLite only: tam against the sqlite3 shell on tam's SQLite schema; the
# script tests touch no database.
# bats file_tags=sqlite-only
load helper

BENCH=$BATS_TEST_DIRNAME/../../bench

# An export in Salesforce's shape: BOM, CRLF, every field quoted, a line
# break and doubled quotes inside a field, the report footer.
export_csv() {
	local i

	printf '\357\273\277"Account ID","Account Name","Renewal Date",'
	printf '"Annual Contract Value","Health Score","TAM Sentiment"\r\n'
	for i in $(seq 1 400); do
		printf '"0015g00000%05dAAA","Acme %d","3/%d/2027","$1,000.00",' \
		    "$i" "$i" $((i % 28 + 1))
		printf '"%s","%s"\r\n' "$([ $((i % 3)) = 0 ] || echo 70)" Green
	done
	printf '"0015g00000%05dAAA","The ""Acme"", Inc.\r\n(EMEA)",' 401
	printf '"1/2/2027","5","","Red"\r\n'
	printf '""\r\n"Grand Totals (401 records)"\r\n'
}

@test "change-export.py with EVERY 0 copies the export byte for byte" {
	export_csv >a.csv
	run python3 "$BENCH/change-export.py" a.csv b.csv 0
	assert_success
	cmp a.csv b.csv
}

@test "change-export.py changes one field of every 100th row, in turn" {
	export_csv >a.csv
	run python3 "$BENCH/change-export.py" a.csv b.csv
	assert_success
	run diff <(tr -d '\r' <a.csv) <(tr -d '\r' <b.csv)
	assert_equal "$(grep -c '^<' <<<"$output")" 4
	assert_equal "$(grep -c '^>' <<<"$output")" 4
	assert_line '> "0015g0000000100AAA","Acme 100","3/17/2027","$1,000.00","70","Yellow"'
	assert_line '> "0015g0000000200AAA","Acme 200","3/5/2027","$123,456.78","70","Green"'
	assert_line '> "0015g0000000300AAA","Acme 300","3/21/2028","$1,000.00","","Green"'
	assert_line '> "0015g0000000400AAA","Acme 400","3/9/2027","$1,000.00","6","Green"'
	# The footer and the awkward last row are untouched.
	assert_equal "$(tail -c 110 a.csv | od -c)" "$(tail -c 110 b.csv | od -c)"
}

# Runs one of bench/*.sql as bench/run.sh does.
bench_sql() {
	run sqlite3 -bail -header -separator "$(printf '\t')" \
	    -cmd ".parameter set @today \"'$TAM_TODAY'\"" "$TAM_DB" \
	    ".read $BENCH/$1"
}

@test "the sqlite3 equivalents run against tam's schema" {
	tam -q account add "Passed Co" --renewal 2026-10-01 --acv 300000
	tam -q account add "Window Co" --renewal 2027-02-15 --acv 1000
	tam -q account add "Later Co" --renewal 2028-02-15 --acv 1000
	bench_sql sync-check.sql
	assert_success
	bench_sql due.sql
	assert_success
	assert_line --index 0 --partial $'task_id\tkind\ttitle\tdue\tdays\tgroup'
	assert_line --partial $'renewal_passed\tRenewal date passed: update it'
	bench_sql renewals.sql
	assert_success
	assert_output $'period\taccounts\tacv\tacv_at_risk\tstrategic\n2027-Q1\t1\t1000.0\t0.0\t0'
}

@test "import-full.sql writes what tam import writes" {
	local cols="sfid, name, tam, sal, sa, rsd, tam_manager, acv_cents,
	    currency, renewal_date, health_score, sentiment, requires_triage,
	    lifecycle_stage, region, segment, licenses, active_users,
	    name_fold, tam_fold, sentiment_posted_at IS NULL"
	python3 "$BENCH/gen-export.py" 300 8 ex.csv
	tam -q --db a.db --today 2025-06-02 import ex.csv
	tam -q --db b.db init
	run sqlite3 -bail -cmd ".parameter set @now '2025-06-02T09:00:00Z'" \
	    -cmd ".parameter set @file 'ex.csv'" b.db \
	    ".import --csv --schema temp ex.csv raw" \
	    ".read $BENCH/import-full.sql"
	assert_success
	q() {
		sqlite3 "$1" "SELECT $cols FROM account ORDER BY id;
		    SELECT account_id, type, author, sentiment, requires_triage,
		    body FROM timeline ORDER BY id;
		    SELECT account_id, health_score FROM health_history
		    ORDER BY id; SELECT rows_read, inserted FROM import_run;
		    SELECT name FROM sqlite_schema ORDER BY name;
		    PRAGMA integrity_check"
	}
	q a.db >a.txt
	q b.db >b.txt
	assert_equal "$(grep -c . a.txt)" "$(grep -c . b.txt)"
	diff a.txt b.txt
}
