#!/usr/bin/env bats
# import.bats: tam import of Salesforce CSV exports (SPEC §5).

load helper
bats_require_minimum_version 1.5.0

# Copies test files here, so messages name them as the user typed them.
use() {
	for f in "$@"; do cp "$DATA/$f" .; done
}

# The tables an import writes, for "nothing changed" comparisons.
accounts_dump() {
	dbsql "SELECT * FROM account ORDER BY id; SELECT id, account_id, type, author, sentiment, requires_triage, body FROM timeline ORDER BY id; SELECT * FROM health_history ORDER BY id; SELECT count(*) FROM import_run;"
}

# Asserts line idx of stderr.
assert_err_line() {
	assert_equal "${stderr_lines[$1]}" "$2"
}

# Runs a failing import and proves the database did not change.
refuse() {
	local before
	tam -q init
	before=$(dbdump)
	run_tam import "$@"
	assert_failure "${EXPECT_RC:-1}"
	assert_equal "$(dbdump)" "$before"
}

@test "the bundled sample export imports as Salesforce wrote it" {
	run_tam import "$DATA/sample-export.csv"
	assert_success
	assert_equal "$stderr" "tam: ignored columns: 'Type'
tam: imported 25 rows: 25 new, 0 updated, 0 unchanged, 0 rejected"
	run_tam account list
	assert_equal "${#lines[@]}" 26
	run_tam account list --strategic --format csv
	assert_line --partial '"Globex, Inc."'
	run_tam account list --sentiment yellow --triage --format csv
	assert_line --partial 'Initech ""Enterprise""'
	assert_line --partial 'Cyberdyne Systems'
	run_tam account list --renewing-within 6m
	[ "${#lines[@]}" -ge 8 ]
	run dbsql "SELECT count(*) FROM account WHERE renewal_date < '2026-11-23'"
	assert_output 2
}

@test "quirks: BOM, CRLF, quotes, commas and line breaks, footer, dates, money" {
	use quirks.csv
	run_tam import quirks.csv
	assert_success
	assert_equal "$stderr" "tam: ignored columns: 'Billing City'
tam: imported 4 rows: 4 new, 0 updated, 0 unchanged, 0 rejected"
	run_tam account list --format csv
	assert_equal "$output" 'id,sfid,name,tam,sal,renewal_date,days_to_renewal,acv,currency,strategic,sentiment,requires_triage,health_score,lifecycle_stage,archived
4,001000000000004AAA,Red Corp,carol,dave,2026-12-31,38,250000,USD,false,red,false,100,,false
1,001000000000001AAA,"Globex, Inc.",alice,bob,2027-01-05,43,1250000,USD,true,green,false,80,,false
2,001000000000002AAA,"The ""Best"" Company",alice,bob,2027-03-31,128,250000,USD,false,yellow,true,,,false
3,001000000000003AAA,"Multi'$'\r''
Line Ltd",carol,,2027-04-15,143,1234.5,EUR,false,yellow,true,55,,false'
	run dbsql "SELECT licenses FROM account WHERE id = 1"
	assert_output 1200
}

@test "new accounts get their sentiment post and health history" {
	use quirks.csv
	tam -q import quirks.csv
	run dbsql "SELECT account_id, type, author, sentiment, requires_triage FROM timeline ORDER BY id"
	assert_output "1|sentiment|import|green|0
2|sentiment|import|yellow|1
3|sentiment|import|yellow|1
4|sentiment|import|red|0"
	run dbsql "SELECT account_id, date, health_score FROM health_history ORDER BY id"
	assert_output "1|2026-11-23|80
3|2026-11-23|55
4|2026-11-23|100"
}

@test "-q: no ignored-columns line and no summary" {
	use quirks.csv
	run_tam -q import quirks.csv
	assert_success
	assert_equal "$stderr" ""
}

@test "the same file again changes nothing" {
	use quirks.csv
	tam -q import quirks.csv
	before=$(dbsql "SELECT * FROM account ORDER BY id; SELECT * FROM timeline ORDER BY id; SELECT * FROM health_history ORDER BY id")
	run_tam import quirks.csv
	assert_success
	assert_err_line 1 "tam: imported 4 rows: 0 new, 0 updated, 4 unchanged, 0 rejected"
	assert_equal "$(dbsql "SELECT * FROM account ORDER BY id; SELECT * FROM timeline ORDER BY id; SELECT * FROM health_history ORDER BY id")" "$before"
}

@test "update: 15-character IDs match, empty cells keep values, side posts" {
	use quirks.csv update.csv
	tam -q import quirks.csv
	run_tam import update.csv
	assert_success
	assert_equal "$stderr" "tam: imported 3 rows: 0 new, 2 updated, 1 unchanged, 0 rejected"
	run dbsql "SELECT id, tam, renewal_date, health_score, sentiment, requires_triage FROM account ORDER BY id"
	assert_output "1|alice|2027-01-05|60|red|0
2|alice|2027-06-30||yellow|1
3|carol|2027-04-15|55|yellow|1
4|carol|2026-12-31|100|red|0"
	run dbsql "SELECT account_id, type, author, body FROM timeline WHERE id > 4 ORDER BY id"
	assert_output "1|sentiment|import|Sentiment set to red
2|renewal_date|import|Renewal date changed from 2027-03-31 to 2027-06-30"
	run dbsql "SELECT account_id, health_score FROM health_history WHERE id > 3 order by id"
	assert_output "1|60"
}

@test "the run is recorded in import_run; rejected and dry runs are not" {
	use quirks.csv bad-rows.csv
	tam -q import quirks.csv
	tam -q import quirks.csv --dry-run
	run tam -q import bad-rows.csv
	run dbsql "SELECT source, rows_read, inserted, updated, unchanged, rejected FROM import_run"
	assert_output "quirks.csv|4|4|0|0|0"
	cat quirks.csv | tam -q import -
	run dbsql "SELECT source, unchanged FROM import_run WHERE id = 2"
	assert_output "stdin|4"
}

@test "one row says 1 row" {
	printf 'Account Name\nAcme\n' > one.csv
	run_tam import one.csv
	assert_success
	assert_equal "$stderr" "tam: imported 1 row: 1 new, 0 updated, 0 unchanged, 0 rejected"
}

@test "key by name when there is no ID column, case-insensitive" {
	use quirks.csv names.csv
	tam -q import quirks.csv
	run_tam import names.csv
	assert_success
	assert_equal "$stderr" "tam: imported 1 row: 0 new, 1 updated, 0 unchanged, 0 rejected"
	run dbsql "SELECT name, health_score FROM account WHERE id = 1"
	assert_output "globex, inc.|70"
}

@test "--key name matches by name even with an ID column" {
	tam -q account add "Acme" --sfid 001000000000099AAA
	printf 'Account ID,Account Name,TAM\n001000000000001AAA,acme,alice\n' > k.csv
	run_tam import k.csv --key name
	assert_success
	assert_equal "$stderr" "tam: imported 1 row: 0 new, 1 updated, 0 unchanged, 0 rejected"
	run dbsql "SELECT count(*), min(sfid), min(tam) FROM account"
	assert_output "1|001000000000001AAA|alice"
}

@test "a new Salesforce ID adopts the account of that name that has none" {
	tam -q account add "Acme Corp" --tam alice
	printf 'Account ID,Account Name,SAL\n0013t00001AbCdE,ACME CORP,bob\n' > a.csv
	run_tam import a.csv
	assert_success
	assert_equal "$stderr" "tam: imported 1 row: 0 new, 1 updated, 0 unchanged, 0 rejected"
	run dbsql "SELECT id, sfid, name, tam, sal FROM account order by id"
	assert_output "1|0013t00001AbCdEAAV|ACME CORP|alice|bob"
}

@test "the same key twice with the same values is fine" {
	use dup-same.csv
	run_tam import dup-same.csv
	assert_success
	assert_equal "$stderr" "tam: imported 2 rows: 1 new, 0 updated, 1 unchanged, 0 rejected"
}

@test "LF line ends, no quotes, no byte-order mark, no footer" {
	use plain-lf.csv
	run_tam import plain-lf.csv
	assert_success
	run dbsql "SELECT name, tam, renewal_date, acv_cents FROM account ORDER BY id"
	assert_output "Acme|alice|2027-02-01|30000000
Initech|bob|2027-05-31|100000"
}

@test "--delimiter" {
	use semicolon.csv
	run_tam import semicolon.csv --delimiter ';'
	assert_success
	run dbsql "SELECT name, tam, acv_cents FROM account ORDER BY id"
	assert_output "Acme|alice|100000
Initech|bob|200000"
	printf 'Account Name\tTAM\nAcme\tcarol\n' > tab.tsv
	run_tam import tab.tsv --delimiter tab
	assert_success
	run dbsql "SELECT tam FROM account WHERE id = 1"
	assert_output carol
}

@test "--delimiter must be one character" {
	EXPECT_RC=2 refuse x.csv --delimiter ';;'
	assert_err_line 0 "tam: --delimiter: ';;' is not one character (like ';', '|' or tab)"
	EXPECT_RC=2 refuse x.csv --delimiter '"'
}

@test "--date-format dmy and ymd; mdy is the default" {
	use dmy.csv ymd.csv
	run_tam import dmy.csv --date-format dmy
	assert_success
	run dbsql "SELECT renewal_date FROM account ORDER BY id"
	assert_output "2027-01-31
2027-02-01
2027-03-04"
	run_tam import ymd.csv --date-format ymd
	assert_success
	run dbsql "SELECT renewal_date FROM account WHERE name = 'Acme' order by id"
	assert_output "2027-01-31"
}

@test "a D/M date is not a date in the default US format" {
	use dmy.csv
	refuse dmy.csv
	assert_equal "$stderr" "tam: dmy.csv:2: column 'Renewal Date': '31/01/2027' is not a date: the day comes first; if the file's dates are D/M/YYYY, give --date-format dmy
tam: dmy.csv:3: column 'Renewal Date': '1.2.2027' is not a date: the day comes first; if the file's dates are D/M/YYYY, give --date-format dmy
tam: import rejected: 2 of 3 rows invalid, nothing written"
}

@test "--date-format takes mdy, dmy or ymd" {
	EXPECT_RC=2 refuse x.csv --date-format iso
	assert_err_line 0 "tam: --date-format: 'iso' is not mdy, dmy or ymd"
}

@test "--map adds mappings; Account Owner is the SAL of last resort" {
	use custom-headers.csv owner.csv owner-and-ae.csv
	run_tam import custom-headers.csv --map 'Customer=name' \
	    --map 'owner tam=tam' --map 'Contract Renewal=renewal_date'
	assert_success
	assert_equal "$stderr" "tam: imported 1 row: 1 new, 0 updated, 0 unchanged, 0 rejected"
	run dbsql "SELECT name, tam, sal, renewal_date FROM account order by id"
	assert_output "Acme|alice|olga|2027-01-31"
	run_tam import owner-and-ae.csv
	assert_success
	assert_equal "$stderr" "tam: ignored columns: 'Account Owner'
tam: imported 1 row: 0 new, 1 updated, 0 unchanged, 0 rejected"
	run dbsql "SELECT sal FROM account order by id"
	assert_output erin
	run_tam import owner.csv
	run dbsql "SELECT sal FROM account order by id"
	assert_output olga
}

@test "--map overrides a default mapping" {
	printf 'Account Name,TAM,Real TAM\nAcme,wrong,right\n' > m.csv
	run_tam import m.csv --map 'Real TAM=tam'
	assert_success
	assert_equal "$stderr" "tam: ignored columns: 'TAM'
tam: imported 1 row: 1 new, 0 updated, 0 unchanged, 0 rejected"
	run dbsql "SELECT tam FROM account order by id"
	assert_output right
}

@test "--map errors" {
	EXPECT_RC=2 refuse x.csv --map 'Customer'
	assert_err_line 0 "tam: --map: 'Customer' is not HEADER=FIELD (like 'Customer Success Manager=tam')"
	EXPECT_RC=2 refuse x.csv --map 'Customer=owner'
	assert_err_line 0 "tam: --map: 'owner' is not a field: use sfid, name, tam, sal, sa, rsd, tam_manager, renewal_date, acv, currency, health_score, sentiment, lifecycle_stage, region, segment, licenses or active_users"
	use plain-lf.csv
	run_tam import plain-lf.csv --map 'Nope=tam' -q
	assert_success
	assert_equal "$stderr" "tam: --map: 'plain-lf.csv' has no column 'Nope'; mapping ignored"
}

@test "every bad row is reported and nothing is written" {
	use bad-rows.csv
	refuse bad-rows.csv
	assert_equal "$stderr" "tam: bad-rows.csv:3: column 'Renewal Date': '13/45/2026' is not a date
tam: bad-rows.csv:4: column 'ACV': 'lots' is not an amount
tam: bad-rows.csv:6: column 'TAM Sentiment': 'Purple' is not a sentiment (Green, Yellow, Red or Yellow - Requires Triage)
tam: bad-rows.csv:7: column 'Health Score': '101' is not a health score (0 to 100)
tam: bad-rows.csv:8: column 'Account Name' is empty: a new account needs a name
tam: bad-rows.csv:9: Salesforce ID '001000000000011AAA' appears earlier in the file with different values
tam: import rejected: 6 of 8 rows invalid, nothing written"
}

@test "a rejected import into an existing database changes nothing" {
	use quirks.csv bad-rows.csv
	tam -q import quirks.csv
	before=$(dbdump)
	run_tam import bad-rows.csv
	assert_failure 1
	assert_equal "$(dbdump)" "$before"
}

@test "--skip-invalid imports the good rows" {
	use bad-rows.csv
	run_tam import bad-rows.csv --skip-invalid
	assert_success
	assert_err_line 6 "tam: imported 8 rows: 2 new, 0 updated, 0 unchanged, 6 rejected"
	run dbsql "SELECT name, renewal_date FROM account ORDER BY id"
	assert_output "Good One|2027-01-31
Good Two|2027-06-30"
	run dbsql "SELECT rows_read, inserted, rejected FROM import_run"
	assert_output "8|2|6"
}

@test "--rejects writes the bad rows, 0600, fixable and re-importable" {
	use bad-rows.csv
	run_tam import bad-rows.csv --rejects rej.csv
	assert_failure 1
	[ "$(stat -c %a rej.csv)" = 600 ]
	run cat rej.csv
	assert_line --index 0 $'"Account ID","Account Name","Renewal Date","ACV","Health Score","TAM Sentiment","error"\r'
	assert_line --index 1 $'"001000000000012AAA","Bad Date","13/45/2026","$1,000","50","Green","line 3: column \'Renewal Date\': \'13/45/2026\' is not a date"\r'
	assert_line --index 2 $'"001000000000013AAA","Bad\r'
	[ "$(grep -c '^"0010' rej.csv)" = 6 ]
	# Fix them and bring them in: the error column is ignored.
	sed -i -e 's|13/45/2026|1/15/2027|; s|"lots"|"5"|; s|"Purple"|"Red"|; s|"101"|"100"|; s|016AAA",""|016AAA","Named"|; s|"2/28/2027"|"1/31/2027"|' rej.csv
	run_tam import rej.csv
	assert_success
	assert_equal "$stderr" "tam: ignored columns: 'error'
tam: imported 6 rows: 6 new, 0 updated, 0 unchanged, 0 rejected"
}

@test "--rejects with --skip-invalid, and with no bad row" {
	use bad-rows.csv quirks.csv
	run_tam import bad-rows.csv --rejects rej.csv --skip-invalid -q
	assert_success
	[ "$(grep -c '^"0010' rej.csv)" = 6 ]
	run_tam import quirks.csv --rejects rej2.csv -q
	assert_success
	run cat rej2.csv
	assert_equal "${#lines[@]}" 1
}

@test "--rejects must not be the input" {
	use quirks.csv
	EXPECT_RC=2 refuse quirks.csv --rejects ./quirks.csv
	assert_err_line 0 "tam: --rejects: './quirks.csv' is the file being imported; give another file"
	cmp quirks.csv "$DATA/quirks.csv"
	# the database file (a PostgreSQL database is no file to write over)
	if ! on_pg; then
		EXPECT_RC=2 refuse quirks.csv --rejects "$TAM_DB"
		assert_err_line 0 "tam: --rejects: '$TAM_DB' is the database; give another file"
	fi
}

@test "--dry-run does the work, reports, writes nothing" {
	use quirks.csv update.csv
	tam -q import quirks.csv
	before=$(dbdump)
	run_tam import update.csv --dry-run
	assert_success
	assert_equal "$stderr" "tam: imported 3 rows: 0 new, 2 updated, 1 unchanged, 0 rejected (dry run, nothing written)"
	assert_equal "$(dbdump)" "$before"
}

@test "--dry-run with bad rows is rejected; with --skip-invalid it reports" {
	use bad-rows.csv
	refuse bad-rows.csv --dry-run
	assert_err_line 6 "tam: import rejected: 6 of 8 rows invalid, nothing written"
	tam -q init
	before=$(dbdump)
	run_tam import bad-rows.csv --dry-run --skip-invalid
	assert_success
	assert_err_line 6 "tam: imported 8 rows: 2 new, 0 updated, 0 unchanged, 6 rejected (dry run, nothing written)"
	assert_equal "$(dbdump)" "$before"
}

@test "reading standard input: messages say stdin" {
	run --separate-stderr sh -c "'$TAM' import - < '$DATA/bad-rows.csv'"
	assert_failure 1
	assert_equal "$(echo "$stderr" | head -1)" "tam: stdin:3: column 'Renewal Date': '13/45/2026' is not a date"
	run --separate-stderr sh -c "'$TAM' import < '$DATA/quirks.csv'"
	assert_success
	assert_equal "$(echo "$stderr" | tail -1)" "tam: imported 4 rows: 4 new, 0 updated, 0 unchanged, 0 rejected"
}

@test "a renewal date change re-plans: the old renewal CTA is cancelled" {
	use quirks.csv update.csv
	tam -q import quirks.csv
	dbsql "INSERT INTO cta (id, account_id, kind, title, playbook, opened_at, opened_by, renewal_date) VALUES ($(next_id cta), 2, 'renewal', 'Renewal 2027-03-31', 'Renewal', '2026-11-01T00:00:00Z', 'sync', '2027-03-31')"
	tam -q import update.csv
	run dbsql "SELECT status FROM cta WHERE account_id = 2 AND renewal_date = '2027-03-31' order by id"
	assert_output cancelled
}

@test "an empty file" {
	use empty.csv blank.csv
	refuse empty.csv
	assert_equal "$stderr" "tam: 'empty.csv' is empty: there is no header line; give a CSV export of a Salesforce report"
	refuse blank.csv
	assert_equal "$stderr" "tam: 'blank.csv' is empty: there is no header line; give a CSV export of a Salesforce report"
}

@test "a binary file" {
	use binary.csv
	refuse binary.csv
	assert_equal "$stderr" "tam: binary.csv:2: not a CSV file: it holds binary data (a NUL byte); give a CSV export"
	head -c 3000 /dev/urandom > noise.bin
	printf '\0' >> noise.bin
	refuse noise.bin
	assert_output ""
}

@test "a file with no name and no ID column is rejected from the header" {
	use no-key.csv
	refuse no-key.csv
	assert_equal "$stderr" "tam: 'no-key.csv' has no Account ID and no Account Name column, so its rows name no account; map one with --map 'HEADER=sfid' or --map 'HEADER=name'"
	use plain-lf.csv
	refuse plain-lf.csv --key sfid
	assert_equal "$stderr" "tam: --key sfid: 'plain-lf.csv' has no Salesforce ID column; map one with --map 'HEADER=sfid'"
	EXPECT_RC=2 refuse plain-lf.csv --key id
	assert_err_line 0 "tam: --key: 'id' is not sfid or name"
}

@test "an unterminated quote names the line it began on" {
	use unterminated.csv stray-quote.csv bad-quote.csv
	refuse unterminated.csv
	assert_equal "$stderr" "tam: unterminated.csv:3: unterminated quote: the quoted field that begins on line 3 runs to the end of the file"
	refuse stray-quote.csv
	assert_equal "$stderr" "tam: stray-quote.csv:3: unterminated quote: the quoted field that begins on line 3 is not closed before the stray quote on line 4"
	refuse bad-quote.csv
	assert_equal "$stderr" "tam: bad-quote.csv:2: malformed quoting: a quote inside a field must be doubled and the field quoted"
}

@test "line numbers count the lines of multi-line fields" {
	use quirks.csv
	sed -i 's|"RED"|"Scarlet"|' quirks.csv
	refuse quirks.csv -q
	assert_equal "$stderr" "tam: quirks.csv:7: column 'TAM Sentiment': 'Scarlet' is not a sentiment (Green, Yellow, Red or Yellow - Requires Triage)
tam: import rejected: 1 of 4 rows invalid, nothing written"
}

@test "a row with too many cells" {
	use too-many-cells.csv
	refuse too-many-cells.csv
	assert_equal "$stderr" "tam: too-many-cells.csv:3: 3 cells, but the header has 2 columns
tam: import rejected: 1 of 2 rows invalid, nothing written"
}

@test "a 10 MB field is refused, bounded" {
	python3 -c 'import sys; sys.stdout.write("Account Name,TAM\nAcme,\"" + "x" * 10485760 + "\"\n")' > huge.csv
	refuse huge.csv
	assert_equal "$stderr" "tam: huge.csv:2: field too long: tam reads fields of up to 1 MB; is this a Salesforce CSV export?"
}

@test "invalid UTF-8" {
	use latin1.csv
	refuse latin1.csv
	assert_equal "$stderr" "tam: latin1.csv:2: column 'Account Name': 'Caf\\xE9 Corp' is not UTF-8 text (export the report as UTF-8)
tam: import rejected: 1 of 1 row invalid, nothing written"
	printf 'Caf\351,TAM\nAcme,x\n' > badhead.csv
	refuse badhead.csv
	assert_equal "$stderr" "tam: badhead.csv:1: the header is not UTF-8 text; export the report as CSV in UTF-8"
}

@test "a data row after the footer" {
	use after-footer.csv
	refuse after-footer.csv
	assert_equal "$stderr" "tam: after-footer.csv:4: a data row after the report footer that begins on line 3 (a line of one cell ends the data)
tam: import rejected: 1 of 2 rows invalid, nothing written"
}

@test "files that cannot be read" {
	refuse missing.csv
	assert_equal "$stderr" "tam: cannot open 'missing.csv': No such file or directory"
	mkdir adir
	refuse adir
	assert_equal "$stderr" "tam: cannot read 'adir': Is a directory"
}

@test "usage errors" {
	EXPECT_RC=2 refuse a.csv b.csv
	assert_err_line 0 "tam: import: one FILE at a time"
	EXPECT_RC=2 refuse a.csv --frobnicate
	assert_err_line 0 "tam: unknown option '--frobnicate'"
	run_tam import --help
	assert_success
	assert_output --partial "usage: tam import [FILE|-] [--dry-run]"
}

# --- large imports: indexes parked and rebuilt (SPEC §10) -----------------

# A generated export of more rows than IMPORT_BULK_ROWS (10,000).
big_export() {
	python3 "$BATS_TEST_DIRNAME/../../bench/gen-export.py" 10500 7 "$1"
}

# The schema as a set: rebuilt indexes move to the end of sqlite_schema.
schema_set() {
	if on_pg; then
		dbschema
	else
		sqlite3 "$TAM_DB" .schema | sort
	fi
}

@test "a large import rebuilds the indexes it drops: same schema, intact" {
	big_export big.csv
	tam -q init
	before=$(schema_set)
	run_tam -q import big.csv
	assert_success
	assert_equal "$(schema_set)" "$before"
	run dbsql "SELECT count(*) FROM account"
	assert_output 10500
	on_pg && return
	run sqlite3 "$TAM_DB" "PRAGMA integrity_check"
	assert_output ok
	# The rebuilt indexes are the last entries, after the timeline's
	# trigger, set aside for the posts written at the end: the bulk
	# path did run.
	run sqlite3 "$TAM_DB" "SELECT name FROM sqlite_schema ORDER BY rowid DESC LIMIT 6"
	assert_output "account_at_risk_by_tam
account_by_tam
account_renewal_by_tam
account_by_renewal
account_by_name
timeline_sentiment_posted"
	# Each account with a sentiment has its post, and its time.
	run sqlite3 "$TAM_DB" "SELECT count(*) FROM account a WHERE
	    sentiment_posted_at IS NOT (SELECT max(p.at) FROM timeline p
	    WHERE p.account_id = a.id AND p.type = 'sentiment')"
	assert_output 0
	run sqlite3 "$TAM_DB" "SELECT count(*) > 0, count(*) = (SELECT
	    count(*) FROM account WHERE sentiment IS NOT NULL) FROM account
	    WHERE sentiment_posted_at IS NOT NULL"
	assert_output "1|1"
	# The rebuilt name index finds what the import wrote.
	run sqlite3 "$TAM_DB" "EXPLAIN QUERY PLAN SELECT id FROM account WHERE name_fold = 'x'"
	assert_output --partial account_by_name
}

@test "a large import that needs the name index late gets it back" {
	big_export big.csv
	# Row 2 again at the end, without its Salesforce ID: found by name.
	sed -n 2p big.csv | sed 's/^\xef\xbb\xbf//; s/^"[^"]*"/""/' > late.csv
	head -n -9 big.csv > big2.csv	# without the report footer
	cat late.csv >> big2.csv
	tam -q init
	before=$(schema_set)
	run_tam import big2.csv
	assert_success
	assert_equal "${stderr_lines[1]}" "tam: imported 10501 rows: 10500 new, 0 updated, 1 unchanged, 0 rejected"
	assert_equal "$(schema_set)" "$before"
	if ! on_pg; then
		run sqlite3 "$TAM_DB" "PRAGMA integrity_check"
		assert_output ok
	fi
}

@test "a rejected large import leaves the database as it was" {
	big_export big.csv
	head -n -9 big.csv > bad.csv
	printf '"0015g0000000BADAA2","Bad Date","","","","","","13/45/2026","","","","","","","","","",""\r\n' >> bad.csv
	tam -q import "$DATA/sample-export.csv"
	before=$(dbdump)
	run_tam import bad.csv
	assert_failure 1
	assert_equal "${stderr_lines[-1]}" "tam: import rejected: 1 of 10501 rows invalid, nothing written"
	assert_equal "$(dbdump)" "$before"
}

@test "--rejects refuses a device, a folder and a symbolic link, and leaves them be" {
	use quirks.csv
	mkdir folder
	printf 'keep me\n' > target.csv
	ln -s target.csv link.csv
	EXPECT_RC=2 refuse quirks.csv --rejects /dev/null
	assert_err_line 0 "tam: --rejects: '/dev/null' is not a regular file; give a new file name or a file to replace"
	[ -c /dev/null ]
	EXPECT_RC=2 refuse quirks.csv --rejects folder
	assert_err_line 0 "tam: --rejects: 'folder' is not a regular file; give a new file name or a file to replace"
	EXPECT_RC=2 refuse quirks.csv --rejects link.csv
	assert_err_line 0 "tam: --rejects: 'link.csv' is a symbolic link; give the path of a regular file"
	[ -L link.csv ]
	[ "$(cat target.csv)" = "keep me" ]
	# a dangling link is refused too: tam does not create what it names
	ln -s nowhere.csv dangling.csv
	EXPECT_RC=2 refuse quirks.csv --rejects dangling.csv
	[ ! -e nowhere.csv ]
}

@test "--rejects: a fatal read error leaves the file named as it was" {
	use unterminated.csv bad-rows.csv
	printf 'rows from yesterday\n' > rej.csv
	chmod 644 rej.csv
	refuse unterminated.csv --rejects rej.csv
	assert_err_line 0 "tam: unterminated.csv:3: unterminated quote: the quoted field that begins on line 3 runs to the end of the file"
	[ "$(cat rej.csv)" = "rows from yesterday" ]
	[ "$(stat -c %a rej.csv)" = 644 ]
	# no temporary file is left beside it
	[ "$(ls rej.csv*)" = rej.csv ]
	# A complete read replaces it, and the new file is 0600.
	run_tam import bad-rows.csv --rejects rej.csv
	assert_failure 1
	[ "$(stat -c %a rej.csv)" = 600 ]
	[ "$(grep -c '^"0010' rej.csv)" = 6 ]
	[ "$(ls rej.csv*)" = rej.csv ]
}

@test "--rejects guards formula cells as --format csv does" {
	printf '%s\r\n' '"Account ID","Account Name","Renewal Date","Billing Phone"' \
	    '"001000000000011AAA","=HYPERLINK(""http://x"",""y"")","13/45/2026","+1 555 0100"' \
	    '"001000000000012AAA","@SUM(A1)","1/31/2027","x"' \
	    '"001000000000013AAA","Plain","2/30/2027","-1"' > formula.csv
	run_tam import formula.csv --skip-invalid --rejects rej.csv -q
	assert_success
	run cat rej.csv
	assert_line --index 1 $'"001000000000011AAA","\'=HYPERLINK(""http://x"",""y"")","13/45/2026","\'+1 555 0100","line 2: column \'Renewal Date\': \'13/45/2026\' is not a date"\r'
	assert_line --index 2 --partial '"001000000000013AAA","Plain","2/30/2027",'
	# the imported row keeps its name as written
	run dbsql "SELECT name FROM account order by id"
	assert_output "@SUM(A1)"
}

@test "the separator is detected from the header line: ; tab |" {
	use semicolon.csv tab.tsv pipe.csv
	run_tam import semicolon.csv
	assert_success
	run dbsql "SELECT name, tam, acv_cents FROM account ORDER BY id"
	assert_output "Acme|alice|100000
Initech|bob|200000"
	run_tam import tab.tsv -q
	assert_success
	run_tam import pipe.csv -q
	assert_success
	run dbsql "SELECT name, tam, sal FROM account ORDER BY id"
	assert_output "Acme|carol|
Initech|bob|
Hooli, Inc.|dave|erin"
	# --delimiter wins: read with commas, the header is one column
	run_tam import semicolon.csv --delimiter ,
	assert_failure 1
	assert_equal "${stderr_lines[0]}" "tam: 'semicolon.csv' has no Account ID and no Account Name column, so its rows name no account; map one with --map 'HEADER=sfid' or --map 'HEADER=name'"
}

@test "the separator: a tie or none is a comma" {
	printf 'Account Name;TAM|SAL\nAcme;x|y\n' > tie.csv
	run_tam import tie.csv -q --map 'Account Name;TAM|SAL=name'
	assert_success
	run dbsql "SELECT name FROM account order by id"
	assert_output "Acme;x|y"
	printf 'Account Name\nHooli\n' > one.csv
	run_tam import one.csv -q
	assert_success
	run dbsql "SELECT count(*) FROM account WHERE name = 'Hooli'"
	assert_output 1
}

@test "--decimal-comma takes 480.000,00 €, 1.234,50 and 1,5" {
	printf '%s\n' 'Account Name;ACV;Renewal Date' \
	    'Acme;480.000,00 €;31/01/2027' 'Initech;1.234,50;1/2/2027' \
	    'Hooli;EUR 1.234,50;' 'Globex;1,5;' > eu.csv
	run_tam import eu.csv --decimal-comma --date-format dmy
	assert_success
	run dbsql "SELECT name, acv_cents, currency, renewal_date FROM account ORDER BY id"
	assert_output "Acme|48000000|EUR|2027-01-31
Initech|123450|USD|2027-02-01
Hooli|123450|EUR|
Globex|150|USD|"
}

@test "without --decimal-comma a decimal comma is no amount" {
	printf 'Account Name;ACV\nAcme;1.234,50\n' > eu.csv
	refuse eu.csv
	assert_err_line 0 "tam: eu.csv:2: column 'ACV': '1.234,50' is not an amount"
}

@test "a day-first date in an M/D import suggests --date-format dmy" {
	printf 'Account Name,Renewal Date\nAcme,13/05/2026\nHooli,13/45/2026\n' > d.csv
	refuse d.csv
	assert_equal "$stderr" "tam: d.csv:2: column 'Renewal Date': '13/05/2026' is not a date: the day comes first; if the file's dates are D/M/YYYY, give --date-format dmy
tam: d.csv:3: column 'Renewal Date': '13/45/2026' is not a date
tam: import rejected: 2 of 2 rows invalid, nothing written"
}

@test "a JSON file and an Excel workbook are named as such" {
	printf 'PK\003\004\024\000\000\000\010\000[Content_Types].xml\000xl/workbook.xml' > x.xlsx
	refuse x.xlsx
	assert_equal "$stderr" "tam: import: 'x.xlsx' is an Excel workbook, not CSV: save it as CSV (File > Save As > CSV UTF-8) and import that"
	printf '\357\273\277  [{"Account Name": "Acme"}]\n' > a.json
	refuse a.json
	assert_equal "$stderr" "tam: import: 'a.json' is a JSON file, not CSV: export the report from Salesforce as CSV and import that"
	run --separate-stderr sh -c "printf '{}' | '$TAM' import -"
	assert_failure 1
	assert_equal "$stderr" "tam: import: 'stdin' is a JSON file, not CSV: export the report from Salesforce as CSV and import that"
}

# An export, then the same accounts changed.
changes_setup() {
	printf '%s\n' 'Account ID,Account Name,TAM,ACV,Renewal Date' \
	    '001000000000001AAA,Acme,alice,"1,000",3/15/2027' \
	    '001000000000002AAA,Initech,bob,2000,' > v1.csv
	printf '%s\n' 'Account ID,Account Name,TAM,ACV,Renewal Date' \
	    '001000000000001AAA,Acme,carol,"1,000",3/16/2027' \
	    '001000000000002AAA,Initech,bob,2000,' \
	    '001000000000003AAA,Hooli,dave,,' > v2.csv
	tam -q import v1.csv
}

@test "--dry-run lists what would change, one row per field, and writes nothing" {
	changes_setup
	before=$(dbdump)
	run_tam import v2.csv --dry-run --format tsv
	assert_success
	assert_output "account	sfid	field	old	new
Acme	001000000000001AAA	tam	alice	carol
Acme	001000000000001AAA	renewal_date	2027-03-15	2027-03-16
Hooli	001000000000003AAA	new account		"
	assert_equal "$stderr" "tam: imported 3 rows: 1 new, 1 updated, 1 unchanged, 0 rejected (dry run, nothing written)"
	assert_equal "$(dbdump)" "$before"
	run_tam import v2.csv --dry-run --format json
	assert_success
	[ "$(printf '%s' "$output" | jq -c '.[0]')" = '{"account":"Acme","sfid":"001000000000001AAA","field":"tam","old":"alice","new":"carol"}' ]
	[ "$(printf '%s' "$output" | jq -c '.[2].old')" = null ]
}

@test "--changes lists what a real import changed; without it stdout is empty" {
	changes_setup
	run_tam import v2.csv --changes --format csv
	assert_success
	assert_output "account,sfid,field,old,new
Acme,001000000000001AAA,tam,alice,carol
Acme,001000000000001AAA,renewal_date,2027-03-15,2027-03-16
Hooli,001000000000003AAA,new account,,"
	run dbsql "SELECT tam FROM account WHERE name = 'Acme' order by id"
	assert_output carol
	run_tam import v2.csv
	assert_success
	assert_output ""
	# a rejected import lists nothing
	printf '%s\n' 'Account ID,Account Name,TAM,Renewal Date' \
	    '001000000000001AAA,Acme,erin,' '001000000000002AAA,Initech,,99/99/2027' > bad.csv
	run_tam import bad.csv --changes --format table
	assert_failure 1
	assert_output ""
}

@test "--changes in table format on a terminal is a table" {
	command -v script >/dev/null || skip "script(1) is not installed"
	changes_setup
	run script -qc "stty cols 100; '$TAM' import v2.csv --changes 2>/dev/null" /dev/null
	assert_success
	output=$(printf '%s' "$output" | sed 's/\x1b\[[0-9;]*m//g; s/\r$//')
	assert_output --partial "ACCOUNT"
	assert_output --partial "
Acme     001000000000001AAA  tam           alice       carol"
}

# Runs an import under a pseudo-terminal with stderr on it; stdout to out.
pty_import() {
	script -qc "'$TAM' import $* >out" /dev/null
}

@test "progress on a terminal's stderr: rows, percent, rate; erased at the end" {
	command -v script >/dev/null || skip "script(1) is not installed"
	changes_setup
	run pty_import v2.csv
	assert_success
	assert_output --regexp $'\r\033\\[Ktam: import: 1 rows, [0-9]+%'
	# erased before the summary line, which stands alone
	assert_output --partial $'\r\033[Ktam: imported 3 rows: 1 new, 1 updated, 1 unchanged, 0 rejected'
	# from a pipe: no percent
	run script -qc "cat v2.csv | '$TAM' import - >out" /dev/null
	assert_success
	assert_output --partial "tam: import: 1 rows"
	refute_output --partial "%"
}

@test "no progress when stderr is not a terminal, or with -q" {
	command -v script >/dev/null || skip "script(1) is not installed"
	changes_setup
	run script -qc "'$TAM' import v2.csv 2>err" /dev/null
	assert_success
	[ "$(cat err)" = "tam: imported 3 rows: 1 new, 1 updated, 1 unchanged, 0 rejected" ]
	run pty_import -q v2.csv
	assert_success
	assert_output ""
}

# bulk_export FILE N: an export of N accounts with IDs, as a big load.
bulk_export() {
	awk -v n="$2" 'BEGIN {
		print "Account ID,Account Name,TAM,Renewal Date,ACV"
		for (i = 1; i <= n; i++)
			printf "001%012dAAA,Customer %d,tam%d,1/31/2027,\"$%d,000\"\n",
			    i, i, i % 50, i % 900 + 1
	}' > "$1"
}

# SQLite only: the size of the -wal file
# bats test_tags=sqlite-only
@test "a bulk load into an empty database writes no WAL, and leaves it WAL" {
	tam -q init
	bulk_export bulk.csv 60000
	"$TAM" -q import bulk.csv & pid=$!
	most=0
	while kill -0 "$pid" 2>/dev/null; do
		size=$(stat -c %s "$TAM_DB-wal" 2>/dev/null || echo 0)
		[ "$size" -le "$most" ] || most=$size
		sleep 0.01
	done
	wait "$pid"
	# on WAL the log would hold every page of the load: megabytes
	[ "$most" -lt 1000000 ] || fail "the WAL grew to $most bytes"
	run sqlite3 "$TAM_DB" "pragma journal_mode; select count(*) from account; pragma integrity_check"
	assert_output $'wal\n60000\nok'
	# a database that has accounts stays on WAL: the next import writes one
	bulk_export more.csv 60001
	"$TAM" -q import more.csv & pid=$!
	most=0
	while kill -0 "$pid" 2>/dev/null; do
		size=$(stat -c %s "$TAM_DB-wal" 2>/dev/null || echo 0)
		[ "$size" -le "$most" ] || most=$size
		sleep 0.01
	done
	wait "$pid"
	[ "$most" -gt 0 ]
}

# SQLite only: the hot journal of the file
# bats test_tags=sqlite-only
@test "kill -9 half-way through a bulk load into an empty database: as before" {
	tam -q init
	before=$(sqlite3 "$TAM_DB" .dump | sha256sum)
	start=$(stat -c %s "$TAM_DB")
	bulk_export bulk.csv 200000
	"$TAM" -q import bulk.csv & pid=$!
	# the load writes into the file itself: kill it once pages are there
	while kill -0 "$pid" 2>/dev/null; do
		[ "$(stat -c %s "$TAM_DB")" -lt $((start + 4000000)) ] || break
		sleep 0.01
	done
	kill -9 "$pid" 2>/dev/null || true
	status=0
	wait "$pid" || status=$?
	[ "$status" -eq 137 ] || fail "the import ended (status $status) before kill -9"
	# the hot journal the next open plays back
	[ -s "$TAM_DB-journal" ]
	[ "$(sqlite3 "$TAM_DB" .dump | sha256sum)" = "$before" ]
	[ ! -s "$TAM_DB-journal" ]
	run sqlite3 "$TAM_DB" "pragma integrity_check; select count(*) from import_run"
	assert_output $'ok\n0'
	bulk_export small.csv 50
	run_tam -q import small.csv
	assert_success
	run sqlite3 "$TAM_DB" "pragma journal_mode; select count(*) from account"
	assert_output $'wal\n50'
}

@test "a rejected bulk load into an empty database leaves it empty and WAL" {
	tam -q init
	before=$(dbdump | sha256sum)
	bulk_export bulk.csv 60000
	printf '001999999999999AAA,Bad,t,13/45/2026,1\n' >> bulk.csv
	run_tam -q import bulk.csv
	assert_failure 1
	[ "$(dbdump | sha256sum)" = "$before" ]
	if ! on_pg; then
		run sqlite3 "$TAM_DB" "pragma journal_mode"
		assert_output wal
	fi
}

# The row hash (sql/0008-import-hash.sql): a re-import counts a row
# unchanged from its hash only while nothing else changed its account.
@test "a re-import brings back an account changed since by other commands" {
	use quirks.csv
	tam -q import quirks.csv
	tam -q account set 1 --tam zed
	tam -q sentiment 4 green
	run_tam import quirks.csv --changes
	assert_success
	assert_err_line 1 "tam: imported 4 rows: 0 new, 2 updated, 2 unchanged, 0 rejected"
	assert_line --partial $'tam\tzed\talice'
	assert_line --partial $'sentiment\tgreen\tred'
	run dbsql "SELECT id, tam, sentiment FROM account WHERE id IN (1, 4) ORDER BY id"
	assert_output "1|alice|green
4|carol|red"
	run_tam import quirks.csv
	assert_err_line 1 "tam: imported 4 rows: 0 new, 0 updated, 4 unchanged, 0 rejected"
}

@test "a row's hash says how it was read: another --date-format re-reads it" {
	printf 'Account ID,Account Name,Renewal Date\n001000000000001AAA,Acme,3/4/2027\n' > d.csv
	tam -q import d.csv
	run_tam import d.csv
	assert_equal "$stderr" "tam: imported 1 row: 0 new, 0 updated, 1 unchanged, 0 rejected"
	run_tam import d.csv --date-format dmy
	assert_success
	assert_equal "$stderr" "tam: imported 1 row: 0 new, 1 updated, 0 unchanged, 0 rejected"
	run dbsql "SELECT renewal_date FROM account"
	assert_output "2027-04-03"
	printf 'Account ID,Account Name,SAL\n001000000000001AAA,Acme,3/4/2027\n' > m.csv
	run_tam import m.csv --map 'SAL=tam'
	assert_equal "$stderr" "tam: imported 1 row: 0 new, 1 updated, 0 unchanged, 0 rejected"
}

@test "an unchanged row named again in the file with other values is still rejected" {
	printf 'Account ID,Account Name,TAM\n001000000000001AAA,Acme,alice\n' > a.csv
	tam -q import a.csv
	printf 'Account ID,Account Name,TAM\n001000000000001AAA,Acme,alice\n001000000000001AAA,Acme,bob\n' > b.csv
	run_tam import b.csv
	assert_failure
	assert_err_line 0 "tam: b.csv:3: Salesforce ID '001000000000001AAA' appears earlier in the file with different values"
	printf 'Account ID,Account Name,TAM\n001000000000001AAA,Acme,alice\n001000000000001AAA,Acme,alice\n' > c.csv
	run_tam import c.csv
	assert_equal "$stderr" "tam: imported 2 rows: 0 new, 0 updated, 2 unchanged, 0 rejected"
}

@test "any other write to an account clears its import hash; an import sets it" {
	use quirks.csv
	tam -q import quirks.csv
	# SQLite keeps the hashes; a server's import (COPY) does not.
	if ! on_pg; then
		run dbsql "SELECT count(*) FROM account WHERE import_hash IS NULL"
		assert_output 0
	fi
	dbsql "UPDATE account SET import_hash = 5"
	dbsql "UPDATE account SET region = 'EMEA' WHERE id = 2"
	run dbsql "SELECT id FROM account WHERE import_hash IS NULL"
	assert_output 2
	tam -q account set 3 --region APAC
	run dbsql "SELECT id FROM account WHERE import_hash IS NULL ORDER BY id"
	assert_output "2
3"
	# Hashes that are not the rows' (5), or none: compared in full.
	run_tam import quirks.csv
	assert_err_line 1 "tam: imported 4 rows: 0 new, 0 updated, 4 unchanged, 0 rejected"
	if ! on_pg; then
		run dbsql "SELECT count(*) FROM account WHERE import_hash = 5 OR import_hash IS NULL"
		assert_output 0
	fi
}

@test "an import gives each account the time of its sentiment post, new or changed, on both engines" {
	big_export big.csv
	tam -q init
	TAM_TODAY=2025-06-02 run_tam -q import big.csv
	assert_success
	posted_agree() {
		run dbsql "SELECT count(*) FROM account a WHERE
		    sentiment_posted_at IS DISTINCT FROM (SELECT max(p.at)
		    FROM timeline p WHERE p.account_id = a.id
		    AND p.type IN ('sentiment', 'risk_update'))"
		assert_output 0
	}
	posted_agree
	run dbsql "SELECT count(*) > 9000 FROM account
	    WHERE sentiment_posted_at IS NOT NULL"
	assert_output --regexp '^(1|t)$'
	# A re-import that changes the sentiment of some: a newer post each.
	python3 - big.csv changed.csv <<'PY'
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8-sig') as f, \
    open(sys.argv[2], 'w', newline='', encoding='utf-8') as g:
	r = csv.reader(f); w = csv.writer(g)
	h = next(r); w.writerow(h); i = h.index('TAM Sentiment')
	for n, row in enumerate(r):
		if len(row) > i and n % 10 == 0:
			row[i] = 'Red' if row[i] != 'Red' else 'Green'
		w.writerow(row)
PY
	TAM_TODAY=2025-07-01 run_tam -q import changed.csv
	assert_success
	posted_agree
	run dbsql "SELECT count(*) > 500 FROM account
	    WHERE sentiment_posted_at >= '2025-07-01'"
	assert_output --regexp '^(1|t)$'
}
