#!/usr/bin/env bats
# security.bats: user text never becomes SQL or a spreadsheet formula or a
# terminal escape; the files tam makes are private; nothing is picked up
# from the current folder.

load helper
load faults-helper

teardown() {
	faults_teardown
	db_teardown
}

SRC=$BATS_TEST_DIRNAME/../../src

# Names that would do harm if pasted into SQL.
HOSTILE=(
	"'; DROP TABLE account; --"
	"Robert'); DROP TABLE x;--"
	"\" OR 1=1 --"
	"x' OR '1'='1"
	":name ?1 @a \$b"
	"%_% LIKE '%'"
)

# The json of `account show NAME`, one field.
show_field() {
	"$TAM" account show "$1" --format json |
	    python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$2"
}

@test "SQL in names and fields is data: add, set, show, list round-trip it" {
	tam -q init
	tables=$(dbschema)
	for name in "${HOSTILE[@]}"; do
		run_tam -q account add "$name" --tam "$name" --objectives "$name"
		assert_success
		run show_field "$name" name
		assert_output "$name"
		run_tam -q account set "$name" --sal "$name" --region "$name"
		assert_success
		run show_field "$name" sal
		assert_output "$name"
		run show_field "$name" objectives
		assert_output "$name"
	done
	run_tam account list --format json
	assert_success
	echo "$output" | python3 -c '
import json, sys
names = [a["name"] for a in json.load(sys.stdin)]
want = sys.argv[1:]
assert sorted(names) == sorted(want), (names, want)' "${HOSTILE[@]}"
	# no table was dropped or added, every account is there
	run dbschema
	assert_output "$tables"
	run dbsql "select count(*) from account"
	assert_output "${#HOSTILE[@]}"
	if ! on_pg; then
		run sqlite3 "$TAM_DB" "pragma integrity_check"
		assert_output ok
	fi
}

@test "% and _ in a name are not wildcards when naming an account" {
	tam -q account add "Acme Corp"
	tam -q account add "Initech"
	for spec in "%" "_" "A%" "Acme_Corp" "%Corp"; do
		run_tam account show "$spec"
		assert_failure 1
		assert_equal "$stderr" "tam: no account matches '$spec'; see 'tam account list'"
	done
	tam -q account add "50% off_sale"
	run_tam account show "50% o" --format json
	assert_success
	assert_output --partial '"name":"50% off_sale"'
}

@test "SQL lives in src/db only, and no value is formatted into it" {
	# statements outside src/db/ would escape the one module that binds
	run grep -rlE '"(SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE|PRAGMA) ' \
	    "$SRC" --include='*.c' --exclude-dir=db
	assert_output ""
	# no SQL is built with printf-style formatting or sqlite3_mprintf,
	# except PRAGMAs (which take no parameters) set to an integer, and
	# PostgreSQL's counterpart of user_version, a COMMENT (no parameter)
	run grep -rnE '(printf|mprintf|appendf)\(.*(SELECT|INSERT|UPDATE|DELETE|WHERE|PRAGMA|VALUES)' "$SRC"
	assert_output --partial 'PRAGMA application_id = %d'
	for line in "${lines[@]}"; do
		[[ "$line" =~ snprintf\(sql,\ sizeof\ sql,\ \"PRAGMA\ [a-z_]+\ =\ -?%d ]] ||
		    [[ "$line" =~ snprintf\(sql,\ sizeof\ sql,\ \"COMMENT\ ON\ SCHEMA\ tam\ IS\ \'tam\ schema\ %d\'\", ]] ||
		    fail "SQL built with a format: $line"
	done
	run grep -rnE 'sqlite3_(mprintf|vmprintf|snprintf|str_append)' "$SRC"
	assert_output ""
}

@test "csv neutralises formula cells led by tab and CR too, in show as well" {
	tam -q account add $'\tTabbed' --tam $'\rcr' --objectives '=HYPERLINK("http://x")'
	run_tam account list --format csv
	assert_line --index 1 --partial "\"'"$'\t'"Tabbed\",\"'"$'\r'"cr\""
	run_tam account show 1 --format csv
	assert_success
	# read back by a CSV reader: the formula comes back as text
	echo "$output" | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
assert len(rows) == 1, rows
assert rows[0]["objectives"] == "'"'"'=HYPERLINK(\"http://x\")", rows[0]
assert rows[0]["name"] == "'"'"'\tTabbed", rows[0]'
}

@test "terminal escapes in stored text do not reach the terminal" {
	esc=$'\033]0;owned\007\033[31m'
	tam -q account add "Evil${esc}Corp" --tam "line1"$'\n'"line2"
	run_tam account list --format table
	assert_success
	[[ "$output" != *$'\033'* ]] || fail "an escape reached table output"
	[[ "$output" != *$'\007'* ]] || fail "a bell reached table output"
	assert_line --index 1 --partial "Evil^[]0;owned^G^[[31mCorp"
	assert_line --index 1 --partial "line1 line2"
	tam -q account set 1 --objectives "goals${esc}"
	run_tam account show 1 --format table
	[[ "$output" != *$'\033'* ]] || fail "an escape reached show output"
	assert_line --partial "objectives       goals^[]0;owned^G^[[31m"
	# errors quote what the user typed: neutralised as well
	run_tam account show "x${esc}y"
	assert_failure 1
	assert_equal "$stderr" "tam: no account matches 'x^[]0;owned^G^[[31my'; see 'tam account list'"
	# machine formats keep the data exactly (json escapes it)
	run_tam account show 1 --format json
	assert_output --partial '"name":"Evil\u001b]0;owned\u0007\u001b[31mCorp"'
}

# SQLite only: file modes
# bats test_tags=sqlite-only
@test "the database, its -wal and its -shm are created 0600 whatever the umask" {
	umask 000
	tam -q account add Big
	[ "$(stat -c %a "$TAM_DB")" = 600 ]
	long_history Big 30000
	# catch tam half-way through a write, while its -wal and -shm exist
	stop_midway 100000 "$TAM" -q account rm Big --yes
	[ "$(stat -c %a "$TAM_DB-wal")" = 600 ]
	[ "$(stat -c %a "$TAM_DB-shm")" = 600 ]
	resume_stopped
	umask 077
	# a new folder on the way is 0700
	export TAM_DB="$BATS_TEST_TMPDIR/new/deeper/tam.db"
	umask 000
	tam -q init
	[ "$(stat -c %a "$BATS_TEST_TMPDIR/new")" = 700 ]
	[ "$(stat -c %a "$BATS_TEST_TMPDIR/new/deeper")" = 700 ]
	[ "$(stat -c %a "$TAM_DB")" = 600 ]
}

# SQLite only: the default database file
# bats test_tags=sqlite-only
@test "a tam.db in the current folder is never used implicitly" {
	mkdir work
	cd work
	"$TAM" --db "$PWD/tam.db" -q account add Decoy
	before=$(sha256sum tam.db)
	unset TAM_DB
	run_tam account list --format csv
	assert_success
	assert_output "id,sfid,name,tam,sal,renewal_date,days_to_renewal,acv,currency,strategic,sentiment,requires_triage,health_score,lifecycle_stage,archived"
	[ -f "$HOME/.local/share/tam/tam.db" ]
	[ "$(sha256sum tam.db)" = "$before" ]
	# an XDG_DATA_HOME that is relative (".") is ignored, as XDG says
	XDG_DATA_HOME=. run_tam account list --format csv
	refute_output --partial Decoy
	[ ! -e tam ]
}

@test "tam opens no file by a relative path unless told to" {
	command -v strace >/dev/null || skip "no strace"
	# valgrind (make check-valgrind runs tam through a script) opens
	# ./.valgrindrc itself
	[ "$(head -c 2 "$TAM")" != "#!" ] || skip "TAM is a wrapper script"
	tam -q account add A
	mkdir work
	cd work
	# LeakSanitizer cannot run under ptrace (make check-asan)
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	    run strace -f -qq -e trace=open,openat,stat,newfstatat,access,readlink \
	    -o "$BATS_TEST_TMPDIR/trace" "$TAM" account list
	assert_success
	# every path is absolute (AT_FDCWD with a relative name is cwd)
	run grep -E 'AT_FDCWD, "[^/]|(open|stat|access|readlink)\("[^/]' \
	    "$BATS_TEST_TMPDIR/trace"
	assert_output ""
}

# SQLite only: a symbolic link to the file
# bats test_tags=sqlite-only
@test "a database path through a symbolic link works (a home may be a link)" {
	tam -q init
	tam -q account add Acme
	ln -s "$TAM_DB" link.db
	mkdir real
	ln -s real linked
	run_tam --db link.db account list --format csv
	assert_success
	assert_line --index 1 --partial Acme
	run_tam --db linked/tam.db init
	assert_success
	[ -f real/tam.db ]
	[ "$(stat -c %a real/tam.db)" = 600 ]
}

@test "SQL in an imported file is data, and the rejects file is 0600" {
	need_import
	{
		echo "Account ID,Account Name,TAM,Renewal Date"
		i=10
		for name in "${HOSTILE[@]}"; do
			q=${name//\"/\"\"}
			echo "0010000000000${i}AAA,\"$q\",\"$q\",1/31/2027"
			i=$((i + 1))
		done
		echo "001000000000099AAA,Bad date,x,13/45/2026"
	} > hostile.csv
	umask 000
	run_tam -q import hostile.csv --skip-invalid --rejects rejects.csv
	assert_success
	[ "$(stat -c %a rejects.csv)" = 600 ]
	for name in "${HOSTILE[@]}"; do
		run show_field "$name" tam
		assert_output "$name"
	done
	run dbsql "select count(*) from account"
	assert_output "${#HOSTILE[@]}"
	# the rejects file holds the bad row (its formula cells guarded: import.bats)
	run grep -c "Bad date" rejects.csv
	assert_output 1
}

# Text that would act on a terminal: OSC retitles it (BEL ends that), SGR 8
# hides the rows after it, U+009B is the one-character CSI of C1, DEL.
BAD=$'\033]0;owned\007\033[8m\xc2\x9b2J\x7f'
# ... and what a person sees of it instead.
SEEN='^[]0;owned^G^[[8m<U+009B>2J^?'

# Fails if stdin holds a control character but tab and newline, or a C1
# control, or is not UTF-8: what a terminal must never get from data.
no_controls() {
	python3 -c '
import sys
b = sys.stdin.buffer.read()
bad = [i for i, c in enumerate(b) if (c < 0x20 and c not in (9, 10)) or c == 0x7f]
assert not bad, ("control byte", b[max(0, bad[0] - 30):bad[0] + 30])
t = b.decode("utf-8")
c1 = [i for i, ch in enumerate(t) if 0x80 <= ord(ch) <= 0x9f]
assert not c1, ("C1 control", t[max(0, c1[0] - 30):c1[0] + 30])
'
}

# An account whose every kind of stored text is hostile: names, people,
# objectives, stage, notes, Risk Update, sentiment note, CTA title, outcome.
hostile_account() {
	tam -q account add "Evil${BAD}Corp" --tam "t${BAD}" --sal "s${BAD}" \
	    --acv 300000 --renewal 2027-01-10 --stage "stage${BAD}" \
	    --objectives "goal${BAD}"$'\n'"second goal"
	tam -q note 1 "note${BAD}"
	tam -q sentiment 1 red --cta --note "red${BAD}"
	tam -q risk-update 1 --note "risk${BAD}"
	risk=$(dbsql "select id from cta where kind = 'risk' order by id")
	tam -q cta update "$risk" --title "title${BAD}"
}

@test "stored control characters reach no terminal: every table and Markdown" {
	hostile_account
	run_tam sync --format table
	assert_success
	echo "$output$stderr" | no_controls
	assert_output --partial "Evil${SEEN}Corp"
	renewal=$(dbsql "select id from cta where kind = 'renewal' order by id")
	risk=$(dbsql "select id from cta where kind = 'risk' order by id")
	for cmd in "due --all" "review 1" "cta show $risk" "cta show $renewal" \
	    "cta list" "timeline 1" "account show 1" "account list" \
	    "report at-risk" "report renewals" "task list --all"; do
		# shellcheck disable=SC2086
		run_tam $cmd --format table
		assert_success
		echo "$output$stderr" | no_controls ||
		    fail "tam $cmd let a control character through"
	done
	run_tam due --all --format table
	assert_output --partial "with t${SEEN} (TAM), s${SEEN} (SAL)"
	run_tam review 1
	assert_line "# Renewal Review: Evil${SEEN}Corp"
	assert_line "- Lifecycle stage: stage${SEEN}"
	# multi-line text keeps its lines in Markdown
	assert_line "goal${SEEN}"
	assert_line "second goal"
	assert_output --partial "risk${SEEN}"
	assert_output --partial "title${SEEN}"
	run_tam cta show "$renewal" --format table
	assert_line "account        Evil${SEEN}Corp (1)"
	tam -q cta close "$risk" --won --note "won${BAD}"
	run_tam cta show "$risk" --format table
	assert_success
	echo "$output" | no_controls
	assert_line "title          title${SEEN}"
	assert_line "outcome        won${SEEN}"
	run_tam timeline 1 --format table
	assert_output --partial "note${SEEN}"
	# the brief is Markdown for people in a file too
	tam review 1 > brief.md
	no_controls < brief.md
}

@test "C1 controls are made visible too, where table cells had let them by" {
	tam -q account add $'C1\xc2\x9b'"2J"$'\xc2\x85'"x"
	run_tam account list --format table
	assert_success
	assert_line --index 1 --partial 'C1<U+009B>2J<U+0085>x'
	echo "$output" | no_controls
}

@test "error messages show control characters as people's output does" {
	run_tam account show "x${BAD}y"
	assert_failure 1
	assert_equal "$stderr" "tam: no account matches 'x${SEEN}y'; see 'tam account list'"
	run_tam account show $'two\nlines'
	assert_equal "$stderr" "tam: no account matches 'two^Jlines'; see 'tam account list'"
}

@test "machine formats keep stored control characters exactly" {
	hostile_account
	run_tam account show 1 --format json
	assert_success
	echo "$output" | python3 -c '
import json, sys
a = json.load(sys.stdin)
assert a["name"] == sys.argv[1], a["name"]
assert a["objectives"] == sys.argv[2], a["objectives"]' "Evil${BAD}Corp" \
	    "goal${BAD}"$'\n'"second goal"
	run_tam timeline 1 --format tsv
	assert_output --partial "note${BAD}"
	run_tam account list --format csv
	assert_output --partial "Evil${BAD}Corp"
}

# The cells of the first sheet of a spreadsheet file converted from csv
# by LibreOffice, as "type:value" lines (float, string ...).
sheet_cells() {
	soffice --headless "-env:UserInstallation=file://$BATS_TEST_TMPDIR/lo" \
	    --convert-to fods --outdir "$BATS_TEST_TMPDIR" "$1" >/dev/null 2>&1
	python3 - "${1%.csv}.fods" <<-'PY'
		import sys, xml.etree.ElementTree as ET
		ns = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
		      "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
		      "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
		o = "{%s}" % ns["office"]
		for row in ET.parse(sys.argv[1]).iter("{%s}table-row" % ns["table"]):
		    cells = []
		    for c in row.findall("table:table-cell", ns):
		        text = "".join("".join(p.itertext())
		            for p in c.findall("text:p", ns))
		        cells.append("%s:%s" % (c.get(o + "value-type", ""),
		            c.get(o + "value", text)))
		    print(",".join(cells))
	PY
}

@test "csv writes negative numbers as numbers and guards text only" {
	tam -q account add --acv 5000 --renewal 2026-10-01 \
	    --objectives "=1+1" -- -x
	tam -q account add "Lost" --acv 90000 --renewal 2027-01-31
	tam -q --today 2026-11-14 sync >/dev/null
	tam -q sentiment Lost red --cta --note "budget cut"
	cta=$(dbsql "select id from cta where kind = 'risk' order by id")
	tam -q cta close "$cta" --lost downgrade --net-arr -40000 --note cut
	# the bytes: numbers as they are, text led by - or = guarded
	run_tam account list --format csv
	assert_line --index 1 --partial "\"'-x\",,,2026-10-01,-53,5000,"
	run_tam account show 1 --format csv
	assert_output --partial "\"'=1+1\""
	run_tam cta show "$cta" --format csv
	assert_output --partial ",-40000"
	refute_output --partial "'-40000"
	run_tam due --format csv
	assert_output --partial ",2026-11-14,-9,overdue,"
	# and a spreadsheet: numbers are numbers, the guarded text is text
	command -v soffice >/dev/null || skip "no LibreOffice (soffice)"
	# (the csv bytes, checked above, are all the backend makes)
	on_sqlite_only "LibreOffice reads the same bytes on either backend"
	tam account list --format csv > list.csv
	run sheet_cells list.csv
	assert_success
	assert_line --index 1 --regexp '^float:1,:,string:.-x,.*,float:-53,float:5000,'
	tam cta show "$cta" --format csv > cta.csv
	run sheet_cells cta.csv
	assert_line --index 1 --partial ',float:-40000'
	tam account show 1 --format csv > show.csv
	run sheet_cells show.csv
	assert_line --index 1 --partial "string:'=1+1"
	tam due --format csv > due.csv
	run sheet_cells due.csv
	assert_line --regexp 'float:-9,string:overdue'
}

@test "review: a line break in a one-line field starts no Markdown of its own" {
	tam -q account add $'Acme\n## Action items' --renewal 2027-01-10 \
	    --tam $'kim\n- fake attendee' --objectives $'first\nsecond'
	run_tam review 1
	assert_success
	assert_line "# Renewal Review: Acme ## Action items"
	assert_line "- kim - fake attendee (TAM)"
	refute_line "- fake attendee (TAM)"
	# the objectives are multi-line text: their lines stay
	assert_line "first"
	assert_line "second"
	run grep -c '^## Action items' <<< "$output"
	assert_output 1
}

# The SQL text of every object of tam's schema, as SQLite keeps it.
schema_of() {
	sqlite3 "$1" "select type, name, tbl_name, sql from sqlite_schema order by name"
}

# SQLite only: SQLite's schema check
# bats test_tags=sqlite-only
@test "a database whose stored SQL was edited is refused before tam runs any of it" {
	need_import
	tam -q account add Keep
	cp "$TAM_DB" good.db
	sqlite3 victim.db "create table secrets(x); insert into secrets values ('precious')"
	# the index an import of more than 10,000 rows drops and re-creates
	sqlite3 "$TAM_DB" "PRAGMA writable_schema = ON; UPDATE sqlite_schema
	    SET sql = 'CREATE INDEX account_by_tam ON account (tam); ATTACH
	    ''$PWD/victim.db'' AS v; DELETE FROM v.secrets'
	    WHERE name = 'account_by_tam'"
	big_export big.csv 10001
	before=$(sha256sum < "$TAM_DB")
	msg="tam: '$TAM_DB' is not a tam database, or altered by another program; give another file with --db"
	for cmd in "import big.csv" "account list" "due"; do
		run_tam $cmd
		assert_failure 1
		assert_output ""
		assert_equal "$stderr" "$msg"
	done
	run sqlite3 victim.db "select x from secrets"
	assert_output precious
	[ "$(sha256sum < "$TAM_DB")" = "$before" ]
	# any other change of the schema: a trigger, a view, an index more or
	# less, a table's text
	for edit in \
	    "CREATE TRIGGER t AFTER INSERT ON account BEGIN SELECT 1; END" \
	    "CREATE VIEW v AS SELECT 1" \
	    "CREATE INDEX more ON account (sal)" \
	    "DROP INDEX account_by_tam" \
	    "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql =
	    replace(sql, 'CHECK (name <> '''')', '') WHERE name = 'account'"; do
		cp good.db edited.db
		sqlite3 edited.db "$edit"
		run_tam --db edited.db account list
		assert_failure 1
		assert_equal "$stderr" "tam: 'edited.db' is not a tam database, or altered by another program; give another file with --db"
	done
	# ANALYZE's statistics are data, not code: still tam's database
	cp good.db analyzed.db
	sqlite3 analyzed.db "ANALYZE"
	run_tam --db analyzed.db account list --format csv
	assert_success
	assert_line --index 1 --partial ",Keep,"
}

# SQLite only: SQLite's schema and index plans
# bats test_tags=sqlite-only
@test "a bulk import re-creates its parked indexes from tam's own definitions" {
	need_import
	tam -q init
	schema_of "$TAM_DB" > fresh.schema
	big_export big.csv 10001
	run_tam -q import big.csv
	assert_success
	schema_of "$TAM_DB" > after.schema
	run diff fresh.schema after.schema
	assert_output ""
	run sqlite3 "$TAM_DB" "select count(*) from account indexed by account_by_tam where tam = 'tam7'"
	assert_output 200
}

# SQLite only: SQLite's migrations
# bats test_tags=sqlite-only
@test "a database of an older schema is checked against it, then migrated" {
	local sql=$BATS_TEST_DIRNAME/../../sql
	[ "$(ls "$sql"/[0-9]*.sql | wc -l)" -gt 1 ] || skip "one migration only"
	sqlite3 old.db < "$sql/0001-initial.sql"
	sqlite3 old.db "pragma application_id = 1413565745; pragma user_version = 1;
	    insert into account (name, created_at, updated_at)
	    values ('Old', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"
	chmod 600 old.db
	cp old.db edited.db
	run_tam --db old.db account list --format csv
	assert_success
	assert_line --index 1 --partial ",Old,"
	run sqlite3 old.db "pragma user_version"
	assert_output "$("$TAM" -V | sed 's/.*schema \([0-9]*\))/\1/')"
	tam -q --db fresh.db init
	[ "$(schema_of old.db)" = "$(schema_of fresh.db)" ]
	# an old file that was edited is refused, not migrated
	sqlite3 edited.db "CREATE INDEX more ON account (sal)"
	before=$(sha256sum < edited.db)
	run_tam --db edited.db account list
	assert_failure 1
	assert_equal "$stderr" "tam: 'edited.db' is not a tam database, or altered by another program; give another file with --db"
	[ "$(sha256sum < edited.db)" = "$before" ]
}

# SQLite only: --db PATH
# bats test_tags=sqlite-only
@test "--db is a path: no SQLite URI, no :memory:" {
	run_tam --db 'file:x.db?mode=memory' account add U
	assert_success
	[ -f 'file:x.db?mode=memory' ]
	run_tam --db 'file:x.db?mode=memory' account list --format csv
	assert_success
	assert_line --index 1 --partial ",U,"
	# file:/abs/path is the relative path it spells, not /abs/path
	mkdir abs
	run_tam -q --db "file:$PWD/abs/t.db" account add V
	assert_success
	[ ! -e abs/t.db ]
	[ -f "file:$PWD/abs/t.db" ]
	run_tam --db "file:$PWD/abs/t.db" account list --format csv
	assert_line --index 1 --partial ",V,"
	run_tam -q --db :memory: account add M
	assert_success
	run_tam --db :memory: account list --format csv
	assert_line --index 1 --partial ",M,"
	[ -f ./:memory: ]
}

# SQLite only: file owner and mode
# bats test_tags=sqlite-only
@test "an existing file is made a database only if it is the user's alone" {
	touch open.db
	chmod 666 open.db
	run_tam --db open.db account add A
	assert_failure 1
	assert_equal "$stderr" "tam: will not make 'open.db' a database: other users may write it; chmod 600 'open.db' first, or give another path with --db"
	[ ! -s open.db ]
	[ ! -e open.db-wal ]
	touch theirs.db
	chmod 600 theirs.db
	chown 65534 theirs.db || skip "cannot give a file away here"
	run_tam --db theirs.db account add A
	assert_failure 1
	assert_equal "$stderr" "tam: will not make 'theirs.db' a database: it belongs to another user; remove it or give another path with --db"
	[ ! -s theirs.db ]
	# the user's own empty file, private: taken
	touch mine.db
	chmod 600 mine.db
	run_tam -q --db mine.db account add A
	assert_success
	assert_equal "$stderr" ""
	run sqlite3 mine.db "pragma journal_mode; select name from account"
	assert_output "wal
A"
}

# SQLite only: file mode
# bats test_tags=sqlite-only
@test "a database that others can read works, with a warning" {
	tam -q account add A
	chmod 644 "$TAM_DB"
	run_tam account list --format csv
	assert_success
	assert_line --index 1 --partial ",A,"
	assert_equal "$stderr" "tam: warning: database '$TAM_DB' is open to other users (mode 644); chmod 600 '$TAM_DB' makes it private"
	chmod 600 "$TAM_DB"
	run_tam account list --format csv
	assert_equal "$stderr" ""
}

# SQLite only: --db PATH
# bats test_tags=sqlite-only
@test "what is not a regular file is refused before SQLite opens it" {
	[ ! -e /dev/null-journal ] || skip "/dev/null-journal is there already"
	for cmd in "due" "account add A"; do
		run_tam --db /dev/null $cmd
		assert_failure 1
		assert_equal "$stderr" "tam: cannot use '/dev/null' as a database: it is not a regular file; give another path with --db"
		[ ! -e /dev/null-journal ] || { rm -f /dev/null-journal; fail "SQLite wrote /dev/null-journal"; }
	done
	mkdir folder.db
	run_tam --db folder.db account list
	assert_failure 1
	assert_equal "$stderr" "tam: cannot use 'folder.db' as a database: it is not a regular file; give another path with --db"
	[ -z "$(ls folder.db)" ]
}
