#!/usr/bin/env bats
# global.bats: global options, help, version, formats, exit codes, and the
# database file itself.

load helper

@test "--version and -V" {
	run_tam --version
	assert_success
	assert_output --regexp '^tam [0-9]+\.[0-9]+\.[0-9]+ \(sqlite 3\.[0-9.]+, schema [0-9]+\)$'
	run_tam -V
	assert_success
}

@test "--help, help, and COMMAND --help print usage on stdout" {
	run_tam --help
	assert_success
	assert_line --index 0 --partial "usage: tam"
	assert_line --partial "  due "
	run_tam help account
	assert_success
	assert_line --index 0 --partial "usage: tam account add NAME"
	run_tam help account list
	assert_success
	assert_line --index 0 --partial "usage: tam account list"
	run_tam account list --help
	assert_success
	assert_line --index 0 --partial "usage: tam account list"
	run_tam account set -h
	assert_success
	run_tam help nonsense
	assert_failure 2
	[ ! -e "$TAM_DB" ]
}

@test "--today and TAM_TODAY: a bad date is exit 2" {
	run_tam --today 2026-02-30 account list
	assert_failure 2
	assert_equal "$stderr" "tam: --today: '2026-02-30' is not a date (YYYY-MM-DD)"
	TAM_TODAY=yesterday run_tam account list
	assert_failure 2
	assert_equal "$stderr" "tam: TAM_TODAY: 'yesterday' is not a date (YYYY-MM-DD)"
}

@test "--today changes days to renewal and stamps timestamps" {
	tam -q account add A --renewal 2027-01-01
	run_tam account list --today 2026-12-31 --format csv
	assert_line --index 1 --partial ",2027-01-01,1,"
	run sqlite3 "$TAM_DB" "select substr(created_at,1,11) from account"
	assert_output "2026-11-23T"
}

@test "--format and TAM_FORMAT; a bad format is exit 2" {
	tam -q account add A
	TAM_FORMAT=jsonl run_tam account list
	assert_output --regexp '^\{"id":1,'
	run_tam account list --format=csv
	assert_line --index 0 --partial "id,sfid,name"
	run_tam account list --format xml
	assert_failure 2
	assert_equal "$stderr" "tam: --format: 'xml' is not a format (table, tsv, csv, json or jsonl)"
}

@test "-q silences informational lines, not errors" {
	run_tam -q account add A
	assert_success
	assert_equal "$stderr" ""
	run_tam account add B -q
	assert_equal "$stderr" ""
	run_tam -q account show nobody
	assert_failure 1
	assert_equal "$stderr" "tam: no account matches 'nobody'; see 'tam account list'"
}

@test "json of an empty list is an empty array; show is one object" {
	run_tam account list --format json
	assert_success
	assert_output "[]"
	tam -q account add A
	run_tam account show A --format json
	assert_output --regexp '^\{"id":1,.*\}$'
}

@test "a file that is not a tam database is refused, untouched" {
	sqlite3 other.db 'create table t(x); insert into t values (1);'
	before=$(sha256sum other.db)
	run_tam --db other.db account list
	assert_failure 1
	assert_equal "$stderr" "tam: 'other.db' is not a tam database; give another file with --db"
	[ "$before" = "$(sha256sum other.db)" ]
	echo "just text, not sqlite at all, long enough to be a header....................................................." > text.db
	run_tam --db text.db account list
	assert_failure 1
	assert_output ""
	assert_equal "$stderr" "tam: database 'text.db' is corrupt or not a tam database"
}

@test "a database from a newer tam is refused, untouched" {
	tam init -q
	known=$(sqlite3 "$TAM_DB" 'pragma user_version')
	sqlite3 "$TAM_DB" 'pragma user_version = 99'
	before=$(sha256sum "$TAM_DB")
	run_tam account list
	assert_failure 1
	assert_equal "$stderr" "tam: database '$TAM_DB' was written by a newer tam (schema 99, this tam knows up to $known); upgrade tam"
	[ "$before" = "$(sha256sum "$TAM_DB")" ]
}

@test "WAL journal and foreign keys" {
	tam init -q
	run sqlite3 "$TAM_DB" 'pragma journal_mode'
	assert_output wal
	run sqlite3 "$TAM_DB" 'pragma application_id'
	assert_output 1413565745
}

@test "output errors are errors: writing to a full device" {
	tam -q account add A
	run_tam account list --format json
	[ -w /dev/full ] || skip "no /dev/full"
	run sh -c "'$TAM' account list > /dev/full"
	assert_failure 1
	assert_output --partial "tam: cannot write output"
}

@test "a closed pipe is not reported as an error" {
	for i in $(seq 1 300); do echo "A$i"; done | while read -r n; do tam -q account add "$n"; done
	run sh -c "'$TAM' account list | head -1"
	assert_success
	assert_output --partial "id	sfid"
	refute_output --partial "tam:"
}
