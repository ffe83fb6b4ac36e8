#!/usr/bin/env bats
# export.bats: tam export and tam restore, the backup round trip.

bats_require_minimum_version 1.5.0
load helper

# The rows of a database, sorted: all of them, the calendar's random
# identifier and change counts too (a restored book is the same book).
book_dump() {
	dbdump "$1" | sort
}

sql() {
	dbsql "$@"
}

# A database with a row in every table, and the awkward values: unicode,
# quotes, newlines, tabs, backslashes, NULLs, cents, negative money, a gap
# in the ids.  CTAs, tasks and posts go in with SQL until their commands
# land.
full_fixture() {
	tam -q account add 'Café "Zürich" AG' --sfid 0013t00001AbCdE \
	    --acv '$1,234,567.89' --renewal 2027-07-31 --tam 'José' --sal bob \
	    --sa sam --rsd rita --tam-manager max --health 80 --stage Adopting \
	    --upsell --region EMEA --segment 'Mid, Market' --licenses 100 \
	    --active-users 42 \
	    --objectives $'line one\nline two; "quoted", a tab\there, a \\ backslash'
	tam -q account add Plain
	tam -q account add Gone --acv 5
	tam -q account add 'After the gap' --acv 0.05 --currency EUR
	tam -q account rm Gone --yes
	tam -q account archive 'After the gap'
	tam -q account set Café --health 55
	tam -q config set strategic.acv 500000
	tam -q config set risk_update.every 1w
	sql "UPDATE account SET sentiment = 'yellow', requires_triage = 1
	    WHERE name = 'Plain';
	    INSERT INTO cta (id, account_id, kind, title, playbook, status,
	        risk_type, risk_reason, opened_at, opened_by, renewal_date,
	        closed_at, outcome_note, net_arr_change_cents, tam_fold) VALUES
	        (3, 1, 'risk', 'At-Risk CTA', 'Account Triage', 'closed_lost',
	         'Seat Churn', 'Loss of Budget', '2026-09-01T08:00:00Z', 'sync',
	         NULL, '2026-10-15T16:45:10Z', 'Budget cut — ☹
	second line', -500025, 'josé'),
	        (7, 1, 'renewal', 'Renewal 2027-07-31', 'Renewal', 'open', NULL,
	         NULL, '2026-11-23T07:00:00Z', 'sync', '2027-07-31', NULL, NULL,
	         NULL, 'josé');
	    INSERT INTO task (id, account_id, cta_id, kind, title, due, status,
	        done_at, note, created_at, tam_fold) VALUES
	        (4, 1, 7, 'renewal_review_1', 'Renewal Review 1 (internal sync)',
	         '2027-02-26', 'open', NULL, NULL, '2026-11-23T07:00:00Z', 'josé'),
	        (5, 1, 3, 'risk_cta_update', 'Set Risk Type and Risk Reason',
	         '2026-09-01', 'done', '2026-09-02T10:00:00Z', 'done, \"ok\"
	next', '2026-09-01T08:00:00Z', 'josé'),
	        (9, 2, NULL, 'custom', 'Ring 📞 them', '2026-12-01', 'skipped',
	         '2026-11-20T10:00:00Z', 'tab	and \\ slash', '2026-11-01T08:00:00Z', NULL);
	    INSERT INTO timeline (id, account_id, at, type, author, sentiment,
	        requires_triage, body) VALUES
	        ($(next_id timeline), 2, '2026-11-02T09:00:00Z', 'risk_update',
	         'alice', 'yellow', 1, 'Risk: \"sponsor\" left 😟
	plan: call, mail; wait \\ see');
	    INSERT INTO timeline (id, account_id, at, type, author, sentiment,
	        requires_triage, body) VALUES
	        ($(next_id timeline), 1, '2026-11-03T09:00:00Z', 'note', 'alice',
	         NULL, 0, NULL);
	    INSERT INTO import_run (id, at, source, rows_read, inserted, updated,
	        unchanged, rejected) VALUES
	        ($(next_id import_run), '2026-11-01T06:00:00Z', 'Report — Q4.csv',
	         10, 3, 2, 4, 1);
	    INSERT INTO task_revision (task_id, revision) VALUES (5, 3);"
}

@test "export json -> restore -> export is byte for byte the same" {
	full_fixture
	run_tam export
	assert_success
	assert_equal "$stderr" "tam: exported 17 rows"
	printf '%s\n' "$output" > first.json
	new=$(newdb new)
	run_tam --db "$new" restore first.json
	assert_success
	assert_equal "$stderr" "tam: restored 17 rows from 'first.json': 3 accounts, 2 ctas, 3 tasks, 2 timeline, 2 health_history, 1 import_runs, 2 settings, 1 task_revisions, 1 database_uid"
	tam -q --db "$new" export > second.json
	cmp first.json second.json
	# And the databases hold the same rows, ids and all.  (Sorted: the
	# settings come back in key order, not in the order they were set.)
	[ "$(book_dump "$TAM_DB")" = "$(book_dump "$new")" ]
}

@test "export jsonl -> restore from stdin -> export is the same" {
	full_fixture
	tam -q export --format jsonl > first.jsonl
	new=$(newdb new)
	run_tam --db "$new" restore - < first.jsonl
	assert_success
	assert_equal "$stderr" "tam: restored 17 rows from 'stdin': 3 accounts, 2 ctas, 3 tasks, 2 timeline, 2 health_history, 1 import_runs, 2 settings, 1 task_revisions, 1 database_uid"
	TAM_FORMAT=jsonl tam -q --db "$new" export > second.jsonl
	cmp first.jsonl second.jsonl
	# A jsonl export restores to the same database as a json one.
	tam -q --db "$new" export > from-jsonl.json
	tam -q export > from-db.json
	cmp from-jsonl.json from-db.json
}

@test "the export: format version, no timestamp, values as in the spec" {
	full_fixture
	tam -q export > a.json
	TAM_TODAY=2030-01-01 tam -q export > b.json
	cmp a.json b.json
	jq -e '.format == "tam-export" and .version == 2' a.json
	jq -e '[keys_unsorted[]] == ["format","version","accounts","ctas","tasks","timeline","health_history","import_runs","settings","task_revisions","database_uid"]' a.json
	jq -e '.task_revisions == [{"task_id":5,"revision":3}]' a.json
	jq -e --arg u "$(sql 'select uid from database_uid')" '.database_uid == [{"uid":$u}]' a.json
	jq -e '.accounts[0].acv == 1234567.89 and .accounts[0].name == "Café \"Zürich\" AG"' a.json
	jq -e '.accounts[0].objectives == "line one\nline two; \"quoted\", a tab\there, a \\ backslash"' a.json
	jq -e '[.accounts[].id] == [1, 2, 4] and .accounts[2].acv == 0.05 and .accounts[2].currency == "EUR" and .accounts[2].archived == true' a.json
	jq -e '.accounts[1].acv == null and .accounts[1].requires_triage == true' a.json
	jq -e '.ctas[0].net_arr_change == -5000.25 and .ctas[1].net_arr_change == null' a.json
	jq -e '.settings == [{"key":"risk_update.every","value":"1w"},{"key":"strategic.acv","value":"500000"}]' a.json
	jq -e '.import_runs[0].source == "Report — Q4.csv"' a.json
	# One row per line, so that two backups diff well.
	[ "$(grep -c '^{"id":' a.json)" -eq 13 ]
}

@test "export jsonl: header, one row per line, end line with the count" {
	full_fixture
	run_tam export --format jsonl
	assert_success
	assert_equal "${#lines[@]}" 19
	assert_line --index 0 '{"format":"tam-export","version":2}'
	assert_line --index 18 '{"end":true,"rows":17}'
	echo "${lines[1]}" | jq -e '.table == "accounts" and .id == 1'
	run bash -c "'$TAM' -q export --format jsonl | jq -r 'select(.table == \"tasks\") | .id' | tr '\n' ' '"
	assert_output "4 5 9 "
}

@test "export: json by default, whatever TAM_FORMAT says for lists" {
	tam -q account add Acme
	TAM_FORMAT=table run_tam export
	assert_success
	echo "$output" | jq -e '.accounts | length == 1'
	TAM_FORMAT=csv run_tam export
	echo "$output" | jq -e '.version == 2'
}

@test "export: json on a terminal too" {
	command -v script || skip "script(1) is not installed"
	tam -q account add Acme
	run script -qec "'$TAM' -q export" /dev/null
	assert_success
	assert_line --index 0 --partial '{"format":"tam-export","version":2,'
}

@test "export: --format table, tsv or csv is exit 2" {
	for f in table tsv csv; do
		run_tam export --format $f
		assert_failure 2
		assert_equal "$stderr" "tam: export: --format '$f' cannot hold a database; use json or jsonl"
		assert_equal "$output" ""
	done
	run_tam export backup.json
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: export: unexpected argument 'backup.json'; the export goes to standard output"
	run_tam export --nope
	assert_failure 2
}

@test "export of an empty database restores to an empty database" {
	tam -q init
	tam -q export > empty.json
	new=$(newdb new)
	run_tam --db "$new" restore empty.json
	assert_success
	# no row of the book, but the identifier of its calendars
	assert_equal "$stderr" "tam: restored 1 row from 'empty.json': 1 database_uid"
	tam -q --db "$new" export | cmp - empty.json
}

@test "restore keeps the ids: the next account continues after them" {
	full_fixture
	tam -q export > e.json
	new=$(newdb new)
	tam -q --db "$new" restore e.json
	tam -q --db "$new" account add Next
	run dbsql --db "$new" "SELECT id FROM account WHERE name = 'Next'"
	assert_output 5
	run dbsql --db "$new" "SELECT id FROM task ORDER BY id"
	assert_output $'4\n5\n9'
}

@test "restore into a database that is not empty is refused, nothing changes" {
	full_fixture
	tam -q export > e.json
	before=$(dbdump)
	run_tam restore e.json
	assert_failure 1
	assert_equal "$stderr" "tam: restore: database '$TAM_DB' is not empty; restore into a new one with --db NEW.db"
	[ "$(dbdump)" = "$before" ]
	# A setting alone makes a database not empty.
	other=$(newdb other)
	tam -q --db "$other" config set due.horizon 3d
	run_tam --db "$other" restore e.json
	assert_failure 1
}

# Runs restore of file into the empty database at $TAM_DB and checks it
# fails with exit 1, the message given, and leaves the database as it was.
refused() {
	local file=$1 message=$2 before
	before=$(dbdump)
	run_tam restore "$file"
	assert_failure 1
	assert_equal "$stderr" "tam: restore: '$file': $message; nothing was restored"
	[ "$(dbdump)" = "$before" ]
}

@test "restore refuses truncated input" {
	full_fixture
	tam -q export > e.json
	tam -q export --format jsonl > e.jsonl
	head -c 1500 e.json > cut.json
	head -n 10 e.jsonl > cut.jsonl
	head -n 16 e.jsonl > noend.jsonl
	{ head -n 5 e.jsonl; tail -n 1 e.jsonl; } > missing.jsonl
	dbreset
	tam -q init
	refused cut.json "malformed or truncated JSON at line $(($(wc -l < cut.json) + 1))"
	refused cut.jsonl "the end line is missing: the export is truncated"
	refused noend.jsonl "the end line is missing: the export is truncated"
	refused missing.jsonl "line 6: the end line counts 17 rows but 4 came before it: rows are missing"
	# Cut in the middle of a line.
	head -c 300 e.jsonl > mid.jsonl
	refused mid.jsonl "line 2: malformed JSON"
}

@test "restore refuses jsonl lines it cannot read" {
	tam -q init
	printf '{"format":"tam-export","version":1}\n{"table":"settings","key":"due.horizon","value":"3d"} {"x":1}\n{"end":true,"rows":1}\n' > two.jsonl
	refused two.jsonl "line 2: more than one value on the line"
	printf '{"format":"tam-export","version":1}\n{"key":"due.horizon","value":"3d"}\n{"end":true,"rows":1}\n' > notable.jsonl
	refused notable.jsonl 'line 2: a row without a "table" key'
	printf '{"format":"tam-export","version":1}\n\n{"table":"gadgets","id":1}\n{"end":true,"rows":1}\n' > gadgets.jsonl
	refused gadgets.jsonl "line 3: unknown table key 'gadgets'"
	printf '{"format":"tam-export","version":1}\n{"table":"settings","key":"due.horizon","value":"3d"}\n{"end":true,"rows":1}\nmore\n' > after.jsonl
	refused after.jsonl "text after the end line, at line 4"
	printf '{"format":"tam-export","version":1,"extra":true}\n{"end":true,"rows":0}\n' > head.jsonl
	refused head.jsonl "text after the JSON document"
	# Blank lines and CRLF line ends are fine.
	printf '{"format":"tam-export","version":1}\r\n\r\n{"table":"settings","key":"due.horizon","value":"3d"}\r\n{"end":true,"rows":1}\r\n' > crlf.jsonl
	run_tam restore crlf.jsonl
	assert_success
	run_tam config get due.horizon
	assert_output 3d
}

@test "restore refuses a file that is not a tam export" {
	tam -q init
	printf '' > empty.json
	refused empty.json "the file is empty"
	printf '[1, 2]\n' > array.json
	refused array.json 'not a tam export (it has no "format": "tam-export")'
	printf '{"format":"other","version":1}\n' > other.json
	refused other.json 'not a tam export (it has no "format": "tam-export")'
	printf '\x00\x01\x02binary\xff' > binary.bin
	refused binary.bin "not a tam export (not UTF-8 text)"
	printf '{"format":"tam-export","version":1,"accounts":[]} trailing' > trail.json
	refused trail.json "text after the JSON document"
}

@test "restore refuses another format version" {
	tam -q init
	printf '{"format":"tam-export","version":3,"accounts":[]}\n' > v3.json
	refused v3.json "export format version 3 is not supported; this tam reads versions 1 to 2"
	printf '{"format":"tam-export","version":1.5,"accounts":[]}\n' > v15.json
	refused v15.json "export format version 1.5 is not supported; this tam reads versions 1 to 2"
	printf '{"format":"tam-export","accounts":[]}\n' > v0.json
	refused v0.json "the export has no format version"
}

@test "restore refuses unknown keys, missing keys and wrong values" {
	full_fixture
	tam -q export > e.json
	dbreset
	tam -q init
	jq '.widgets = []' e.json > t1.json
	refused t1.json "unknown table key 'widgets'"
	jq '.accounts = {}' e.json > t2.json
	refused t2.json "'accounts' is not an array"
	jq '.accounts[1].colour = "red"' e.json > t3.json
	refused t3.json "accounts[1]: unknown key 'colour' in a row of 'accounts'"
	jq 'del(.tasks[2].note)' e.json > t4.json
	refused t4.json "tasks[2]: key 'note' is missing"
	jq '.accounts[0].acv = "a lot"' e.json > t5.json
	refused t5.json "accounts[0]: 'acv' is not an amount"
	jq '.accounts[0].acv = 1.005' e.json > t6.json
	refused t6.json "accounts[0]: 'acv' is not an amount with at most two decimals"
	jq '.tasks[0].due = "2027-02-30"' e.json > t7.json
	refused t7.json "tasks[0]: 'due' is not a date (YYYY-MM-DD)"
	jq '.timeline[0].at = "yesterday"' e.json > t8.json
	refused t8.json "timeline[0]: 'at' is not a timestamp (YYYY-MM-DDTHH:MM:SSZ)"
	jq '.accounts[0].name = null' e.json > t9.json
	refused t9.json "accounts[0]: 'name' cannot be null"
	jq '.accounts[0].id = 1.5' e.json > t10.json
	refused t10.json "accounts[0]: 'id' is not a whole number"
	jq '.accounts[0].upsell = 1' e.json > t11.json
	refused t11.json "accounts[0]: 'upsell' is not true or false"
	jq '.settings[0].key = "colour.scheme"' e.json > t12.json
	refused t12.json "settings[0]: unknown setting 'colour.scheme'"
}

@test "restore refuses rows the schema refuses, and writes none of the others" {
	full_fixture
	tam -q export > e.json
	dbreset
	tam -q init
	# A task of an account that is not in the file.
	jq '.tasks[0].account_id = 99' e.json > fk.json
	jq '.accounts[1].id = 1' e.json > dup.json
	if on_pg; then
		# the server's words for it
		refused_with fk.json "tasks[0]: database: "
		refused_with dup.json "accounts[1]: database: "
	else
		refused fk.json "tasks[0]: database: FOREIGN KEY constraint failed"
		refused dup.json "accounts[1]: database: UNIQUE constraint failed: account.id"
	fi
	jq '.ctas[0].status = "maybe"' e.json > check.json
	run_tam restore check.json
	assert_failure 1
	assert_equal "$(dbsql 'SELECT count(*) FROM account')" 0
}

@test "restore into a new file that fails leaves it empty" {
	printf '{"format":"tam-export","version":1,"accounts":[' > cut.json
	fresh=$(newdb fresh)
	run_tam --db "$fresh" restore cut.json
	assert_failure 1
	# the new file stays, complete and empty (db.c: never removed)
	[ "$(dbsql --db "$fresh" 'select count(*) from account')" = 0 ]
	run_tam --db "$fresh" restore missing.json
	assert_failure 1
	assert_equal "$stderr" "tam: restore: cannot open 'missing.json': No such file or directory"
	[ "$(dbsql --db "$fresh" 'select count(*) from account')" = 0 ]
}

@test "restore: command line errors are exit 2" {
	run_tam restore
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: restore: which file? (- for standard input)"
	run_tam restore a.json b.json
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: restore: one FILE only"
	run_tam restore --force a.json
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: unknown option '--force'"
}

@test "round trip after the real commands: sync, sentiment, CTA, done" {
	tam -q account add Acme --acv '$300,000.10' --renewal 2027-07-31 --tam alice
	tam -q sentiment Acme yellow --triage --note $'a "quoted"\nnote' --cta
	tam -q cta update 1 --risk-type seat-churn --risk-reason other
	tam -q sync
	tam -q cta close 1 --lost contraction --net-arr -1234.56 --note "budget"
	tam -q export > first.json
	new=$(newdb new)
	tam -q --db "$new" restore first.json
	tam -q --db "$new" export | cmp - first.json
	jq -e '.ctas[0].net_arr_change == -1234.56 and .ctas[0].status == "closed_lost"' first.json
	[ "$(book_dump "$TAM_DB")" = "$(book_dump "$new")" ]
}

# Like refused, for a message whose end comes from another module (the
# wording of an ID or amount check): the start is matched.
refused_with() {
	local file=$1 message=$2 before
	before=$(dbdump)
	run_tam restore "$file"
	assert_failure 1
	[[ "$stderr" == "tam: restore: '$file': $message"*"; nothing was restored" ]] ||
	    { echo "stderr: $stderr"; return 1; }
	[ "$(dbdump)" = "$before" ]
}

@test "restore checks every value as the command line does, naming the row" {
	full_fixture
	tam -q export > e.json
	tam -q export --format jsonl > e.jsonl
	dbreset
	tam -q init
	# The command line refuses these too.
	run_tam account add X --sfid 001000000000012AAB
	assert_failure 2
	jq '.accounts[0].sfid = "001000000000012AAB"' e.json > t1.json
	refused_with t1.json "accounts[0]: 'sfid': '001000000000012AAB' "
	run_tam account add X --acv -10000000000000
	assert_failure 2
	jq '.accounts[0].acv = -1e13' e.json > t2.json
	refused_with t2.json "accounts[0]: 'acv': '-10000000000000' "
	jq '.ctas[0].net_arr_change = 1e13 + 1' e.json > t3.json
	refused_with t3.json "ctas[0]: 'net_arr_change' is not an amount"
	# Spelt otherwise than tam stores it: a restore changes nothing.
	jq '.accounts[0].sfid = "0013t00001AbCdE"' e.json > t4.json
	refused_with t4.json "accounts[0]: 'sfid': '0013t00001AbCdE' is not as tam stores it ('0013t00001AbCdE"
	jq '.accounts[2].currency = "eur"' e.json > t5.json
	refused t5.json "accounts[2]: 'currency': 'eur' is not as tam stores it ('EUR')"
	# A NUL would cut the text short without a word.
	jq '.accounts[1].name = "Ac\u0000me"' e.json > t6.json
	refused t6.json "accounts[1]: 'name' holds a NUL character (\\u0000), which tam does not store"
	{ head -n 2 e.jsonl; sed -n 3p e.jsonl | jq -c '.tam = "al\u0000ice"'; tail -n +4 e.jsonl; } > t7.jsonl
	refused t7.jsonl "line 3: 'tam' holds a NUL character (\\u0000), which tam does not store"
	# Longer than any option takes.
	long=$(head -c 70000 /dev/zero | tr '\0' x)
	jq --arg v "$long" '.timeline[1].body = $v' e.json > t8.json
	refused t8.json "timeline[1]: 'body' is 70000 bytes long; tam stores at most 65536"
	jq --arg v "$long" '.accounts[0].region = $v' e.json > t9.json
	refused t9.json "accounts[0]: 'region' is 70000 bytes long; tam stores at most 65536"
	# A 100 MB field: refused at 8 MB, not read whole.
	run_tam restore - < <(head -n 1 e.jsonl; printf '{"table":"accounts","name":"'
	    head -c 100000000 /dev/zero | tr '\0' x; printf '"}\n')
	assert_failure 1
	assert_equal "$stderr" "tam: restore: 'stdin': line 2 is longer than 8 MB, which no line of a tam export is; nothing was restored"
	[ "$(dbsql 'SELECT count(*) FROM account')" = 0 ]
}

# Memory is measured on the plain build: sanitizers and valgrind have
# their own.
plain_build_only() {
	[ -z "${ASAN_OPTIONS:-}" ] && [ -z "${VALGRIND_LOGS:-}" ] ||
	    skip "memory is measured on the plain build"
}

# fat_export N: fat.jsonl and fat.json, N accounts of 60 KB each.
fat_export() {
	local n=$1
	tmpl=$(newdb tmpl)
	tam -q --db "$tmpl" account add Tmpl
	tam -q --db "$tmpl" export --format jsonl > tmpl.jsonl
	sed -n 2p tmpl.jsonl | awk -v n="$n" '{
		for (x = "x"; length(x) < 60000; x = x x)
			;
		x = substr(x, 1, 60000)
		for (i = 1; i <= n; i++) {
			l = $0
			sub(/"id":1,/, "\"id\":" i ",", l)
			sub(/"name":"Tmpl"/, "\"name\":\"A" i "\"", l)
			sub(/"objectives":null/, "\"objectives\":\"" x "\"", l)
			print l
		}
	}' > rows.jsonl
	{ head -n 1 tmpl.jsonl; cat rows.jsonl; printf '{"end":true,"rows":%d}\n' "$n"; } > fat.jsonl
	{ printf '{"format":"tam-export","version":1,\n"accounts":[\n'
	  sed 's/^{"table":"accounts",/{/; $!s/$/,/' rows.jsonl
	  printf '],\n"ctas":[],\n"tasks":[],\n"timeline":[],\n"health_history":[],\n"import_runs":[],\n"settings":[]}\n'; } > fat.json
}

# peak_kb ARGS: runs tam ARGS, prints its peak RSS in KB.
peak_kb() {
	/usr/bin/time -f %M -o peak.txt "$TAM" "$@" 2>/dev/null
	cat peak.txt
}

@test "restore: jsonl streams, json needs about its size, and both restore the same" {
	plain_build_only
	fat_export 400
	size_kb=$(($(stat -c %s fat.jsonl) / 1024))
	[ "$size_kb" -gt 20000 ]
	l=$(newdb l)
	j=$(newdb j)
	kb=$(peak_kb -q --db "$l" restore fat.jsonl)
	echo "jsonl: $size_kb KB file, $kb KB peak"
	[ "$kb" -lt 16384 ]
	kb=$(peak_kb -q --db "$j" restore fat.json)
	echo "json: $size_kb KB file, $kb KB peak"
	[ "$kb" -lt $((size_kb + 12288)) ]
	# each keeps its own identifier: the files have none
	tam -q --db "$l" export | grep -v '^{"uid":' > l.out
	tam -q --db "$j" export | grep -v '^{"uid":' | cmp - l.out
	[ "$(jq '.accounts | length' l.out)" = 400 ]
}

@test "restore of /dev/zero, of a json too large and out of memory: said plainly" {
	plain_build_only
	tam -q init
	# (bounded, so that a tam that reads it whole cannot eat the machine)
	run --separate-stderr bash -c 'ulimit -v 500000; exec "$TAM" restore /dev/zero'
	assert_failure 1
	assert_equal "$stderr" "tam: restore: '/dev/zero': not a tam export (not UTF-8 text); nothing was restored"
	# A json export is read whole: past half the memory, tam says so.
	printf '{\n' > huge.json
	truncate -s 1T huge.json
	run_tam restore huge.json
	assert_failure 1
	[[ "$stderr" == "tam: restore: 'huge.json': too large to restore from json on this machine (1048576 MB, which json reads whole, and "*" MB of memory); export with --format jsonl and restore that, which streams; nothing was restored" ]]
	# Memory runs out reading the file (57 MB under a 40 MB limit), then
	# parsing a row (a 30 MB text is read, its copy in cJSON is not: about
	# 42 and 72 MB with the program and its libraries, libpq's included).
	{ printf '{"format":"tam-export","version":1,'; head -c 60000000 /dev/zero | tr '\0' ' '; printf '"settings":[]}\n'; } > pad.json
	run --separate-stderr bash -c 'ulimit -v 40000; exec "$TAM" restore pad.json'
	assert_failure 1
	assert_equal "$stderr" "tam: restore: 'pad.json': out of memory reading 57 MB of json; export with --format jsonl and restore that, which streams; nothing was restored"
	{ printf '{"format":"tam-export","version":1,"settings":[{"key":"due.horizon","value":"'; head -c 30000000 /dev/zero | tr '\0' x; printf '"}]}\n'; } > fat.json
	run --separate-stderr bash -c 'ulimit -v 62000; exec "$TAM" restore fat.json'
	assert_failure 1
	assert_equal "$stderr" "tam: restore: 'fat.json': out of memory; nothing was restored"
	[ "$(dbsql 'SELECT count(*) FROM setting')" = 0 ]
}

@test "a restored book keeps its calendar: the same UIDs, the same SEQUENCEs" {
	tam -q account add Acme --renewal 2027-01-10 --acv 5000
	tam -q due > /dev/null
	tam -q done 1
	tam -q skip 2 --note "not needed"
	[ "$(sql 'select count(*) from task_revision')" = 2 ]
	tam -q ics > before.ics
	grep -q '^SEQUENCE:1' before.ics
	tam -q export --format jsonl > book.jsonl
	new=$(newdb new)
	run_tam --db "$new" restore book.jsonl
	assert_success
	[ "$(dbsql --db "$new" 'select uid from database_uid')" = "$(sql 'select uid from database_uid')" ]
	tam -q --db "$new" ics > after.ics
	cmp before.ics after.ics
	[ "$(book_dump "$TAM_DB")" = "$(book_dump "$new")" ]
}

@test "an export of format version 1 still restores, with an identifier of its own" {
	full_fixture
	tam -q export > v2.json
	jq '.version = 1 | del(.task_revisions, .database_uid)' v2.json > v1.json
	new=$(newdb new)
	run_tam --db "$new" restore v1.json
	assert_success
	assert_equal "$stderr" "tam: restored 15 rows from 'v1.json': 3 accounts, 2 ctas, 3 tasks, 2 timeline, 2 health_history, 1 import_runs, 2 settings"
	uid=$(dbsql --db "$new" 'select uid from database_uid')
	[[ "$uid" =~ ^[0-9a-f]{32}$ ]]
	[ "$uid" != "$(sql 'select uid from database_uid')" ]
	# but version 1 had no such tables: a file that says 1 and has them
	# is not what it claims
	new=$(newdb new)
	jq '.version = 1' v2.json > liar.json
	run_tam --db "$new" restore liar.json
	assert_failure 1
	assert_equal "$stderr" "tam: restore: 'liar.json': table key 'task_revisions' is not in export format version 1 (it came with version 2); nothing was restored"
	# a failed first command leaves the new database complete and empty
	[ "$(dbsql --db "$new" 'select count(*) from account')" = 0 ]
}

@test "restore refuses a database_uid that is not one, or two of them" {
	tam -q init
	printf '{"format":"tam-export","version":2,"database_uid":[{"uid":"ABC"}]}\n' > bad.json
	refused bad.json "database_uid[0]: 'uid' is not 32 lowercase hexadecimal digits"
	u=0123456789abcdef0123456789abcdef
	printf '{"format":"tam-export","version":2}\n{"table":"database_uid","uid":"%s"}\n{"table":"database_uid","uid":"%s"}\n{"end":true,"rows":2}\n' $u $u > two.jsonl
	refused two.jsonl "line 3: 'database_uid' holds more than one row"
	printf '{"format":"tam-export","version":2,"task_revisions":[{"task_id":7,"revision":1}]}\n' > orphan.json
	run_tam restore orphan.json
	assert_failure 1
	[ "$(sql 'select count(*) from task_revision')" = 0 ]
}
