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
	db_missing
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
	run dbsql "select substr(created_at,1,11) from account order by id"
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

# SQLite only: a file that is not a database
# bats test_tags=sqlite-only
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

# SQLite only: SQLite's user_version
# bats test_tags=sqlite-only
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

# SQLite only: SQLite's journal mode and application_id
# bats test_tags=sqlite-only
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
	# 300 accounts in one statement: 300 runs of tam cost minutes under
	# valgrind (make check-valgrind), and this test is about the pipe.
	tam -q init
	dbsql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL
	    SELECT i + 1 FROM n WHERE i < 300) INSERT INTO account (id, name,
	    name_fold, created_at, updated_at) SELECT i, 'A' || i, 'a' || i,
	    '2026-11-23T08:00:00Z', '2026-11-23T08:00:00Z' FROM n"
	run sh -c "'$TAM' account list | head -1"
	assert_success
	assert_output --partial "id	sfid"
	refute_output --partial "tam:"
}

@test "an unknown long option is named, also for commands without options" {
	tam -q account add A
	run_tam account show A --force
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: unknown option '--force'"
	run_tam account show A --force=yes
	assert_equal "${stderr_lines[0]}" "tam: unknown option '--force'"
	run_tam account add B --upsell -z
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: unknown option '-z'"
}

@test "global options stand anywhere: between a command and its sub-command" {
	run_tam account -q add Acme --renewal 2027-06-30
	assert_success
	assert_equal "$stderr" ""
	run_tam account --format json list
	assert_success
	assert_output --partial '"name":"Acme"'
	other=$(newdb other)
	run_tam account --db "$other" list --format=csv
	assert_success
	assert_output "id,sfid,name,tam,sal,renewal_date,days_to_renewal,acv,currency,strategic,sentiment,requires_triage,health_score,lifecycle_stage,archived"
	[ "$(dbsql --db "$other" 'select count(*) from account')" = 0 ]
	run_tam report --today=2027-01-01 --format tsv renewals --by month
	assert_success
	assert_line --index 1 --partial "2027-01	0	"
	run_tam cta -q --no-color list
	assert_success
	# help and version anywhere after tam, too
	run_tam -h account list
	assert_success
	assert_line --index 0 --partial "usage: tam account list"
	run_tam account --help list
	assert_line --index 0 --partial "usage: tam account list"
	run_tam due -V
	assert_success
	assert_output --regexp '^tam [0-9.]+ '
	# an option of the sub-command goes after it
	run_tam account --tam Pat list
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: account: give the sub-command before '--tam'"
	run_tam account --db
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: option '--db' needs a value"
}

@test "long options are written in full, global and command ones alike" {
	tam -q account add Acme --renewal 2027-03-31
	local a
	for a in "--form json account list" "account list --form json" \
	    "account --form json list" "--format=json account list --strat" \
	    "due --hor 3d" "sync --dry" "--qui account list" "ics --with 3m"; do
		run_tam $a
		assert_failure 2
		assert_equal "$output" ""
		assert_equal "${stderr_lines[0]}" "$(
		    case $a in
		    *--form\ *) echo "tam: unknown option '--form'; did you mean '--format'? (long options are written in full)" ;;
		    *--strat) echo "tam: unknown option '--strat'; did you mean '--strategic'? (long options are written in full)" ;;
		    *--hor*) echo "tam: unknown option '--hor'; did you mean '--horizon'? (long options are written in full)" ;;
		    *--dry) echo "tam: unknown option '--dry'; did you mean '--dry-run'? (long options are written in full)" ;;
		    *--qui*) echo "tam: unknown option '--qui'; did you mean '--quiet'? (long options are written in full)" ;;
		    *--with*) echo "tam: unknown option '--with'; did you mean '--within'? (long options are written in full)" ;;
		    esac)"
	done
	# an ambiguous abbreviation is plainly unknown
	run_tam account list --s
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: unknown option '--s'"
	# the value of an option is never read as an option
	run_tam note Acme -- --hor
	assert_success
	tam -q sync
	run_tam done 1 --note --hor
	assert_success
	run dbsql "select note from task where id = 1"
	assert_output -- "--hor"
	# the full names work, with a value apart or after '='
	run_tam --format=json account list --strategic
	assert_success
	assert_output "[]"
}

@test "a command without its sub-command lists them on stderr, exit 2" {
	local c subs s
	for c in account cta report config task; do
		run_tam "$c"
		assert_failure 2
		assert_equal "$output" ""
		assert_equal "${stderr_lines[0]}" "tam: $c: which one? ('tam help $c' shows their options)"
		subs=$("$TAM" help "$c" | sed -n "s/^\(usage:\)\{0,1\} *tam $c \([a-z-]*\).*/\2/p" | sort -u)
		[ -n "$subs" ]
		# a line each, with its summary
		[ "$(( ${#stderr_lines[@]} - 1 ))" -eq "$(wc -l <<<"$subs")" ]
		for s in $subs; do
			[[ "$stderr" == *"tam $c $s "*[a-z]* ]] || fail "$c: no line for '$s'"
		done
		run_tam -q "$c"
		assert_failure 2
		assert_equal "${stderr_lines[0]}" "tam: $c: which one? ('tam help $c' shows their options)"
	done
	run_tam account frobnicate
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: unknown command 'account frobnicate'"
	assert_equal "${stderr_lines[1]}" "tam: usage: tam account add      add an account"
}

@test "every option a usage names is accepted as written, by every command" {
	local c path o val n=0
	for c in $("$TAM" help | awk '/^  [a-z]/ { print $1 }'); do
		while read -r path; do
			while read -r o val; do
				[ -n "$o" ] || continue
				n=$((n + 1))
				# --help last: the dispatcher checks, nothing runs
				run_tam $path $o $val --help
				[ "$status" -eq 0 ] ||
				    fail "tam $path $o $val: ${stderr_lines[0]}"
				assert_line --index 0 --partial "usage: tam $path"
			done < <("$TAM" help $path | sed '/^$/q' | grep -oE -- \
			    "--[a-z][a-z-]*( [A-Za-z'][^] |]*)?")
		done < <("$TAM" help "$c" | sed -n 's/^\(usage:\)\{0,1\} *tam //p' |
		    awk '{ p = $1; if ($2 ~ /^[a-z][a-z-]*$/) p = p " " $2;
		    print p }' | sort -u)
	done
	[ "$n" -gt 40 ]
}

@test "help: every option with its argument, its help and its default" {
	run --separate-stderr "$TAM" help due
	assert_success
	assert_line --index 0 "usage: tam due [--tam P] [--horizon PERIOD] [--all] [--no-sync] [--limit N] [--account ACCOUNT]"
	assert_line "what to do today"
	assert_line "options:"
	assert_line --regexp '^  --tam P +only the accounts of this TAM'
	assert_line --regexp '^ +\(default: me when set \(tam config set me\), else all\)$'
	assert_line --regexp '^  --horizon PERIOD +the tasks due up to today plus PERIOD'
	assert_line --regexp '^  --all +every open task'
	assert_line "examples:"
	assert_line "  \$ tam due --tam alice --horizon 2w"
	# --help prints the same, from the same table
	run --separate-stderr "$TAM" due --help
	local help=$output
	run --separate-stderr "$TAM" help due
	assert_equal "$help" "$output"
	# a short option shows both names; a command with sub-commands its list
	run "$TAM" help account rm
	assert_line --regexp '^  --yes +'
	run "$TAM" help account
	assert_line "commands:"
	assert_line --regexp '^  list +list accounts$'
	assert_line "'tam help account COMMAND' for its options and examples."
	# the misuse still prints the usage alone
	run --separate-stderr "$TAM" due --all 3
	assert_failure 2
	refute [ "${#stderr_lines[@]}" -gt 2 ]
}

@test "help: the commands by group, the paragraphs on names kept" {
	run "$TAM" help
	assert_success
	local g
	for g in daily accounts playbooks reports data help; do
		assert_line "$g:"
	done
	# due under daily, cta under playbooks, export under data
	[[ $output == *$'daily:\n'*'  due '*$'\naccounts:'* ]]
	[[ $output == *$'playbooks:\n'*'  cta '*$'\nreports:'* ]]
	[[ $output == *$'data:\n'*'  export '*$'\nhelp:'* ]]
	assert_line --partial "ACCOUNT is an id, a Salesforce ID"
	assert_line --partial "Global options go anywhere after 'tam'"
	# the completion helper is no command a person types
	refute_output --partial "__complete"
}

@test "help: every example runs as written on a small book" {
	local c p ex n=0 bad=
	mkdir bin && ln -s "$TAM" bin/tam
	PATH=$PWD/bin:$PATH
	tam -q account add Acme --tam 'Alice Chen' --renewal 2027-03-31 --acv 250000
	tam -q account add Globex --tam 'Bob Ruiz' --renewal 2027-09-30
	tam -q sync
	tam -q sentiment Acme red --note 'sponsor left' --cta
	tam -q sentiment Globex yellow --triage --note 'budget review'
	cp "$BATS_TEST_DIRNAME/../data/plain-lf.csv" accounts.csv
	tam -q export > backup.json
	while read -r p; do
		# the team is a server's: tests/cli/team.bats runs those
		[[ $p == team* ]] && continue
		while IFS= read -r ex; do
			n=$((n + 1))
			rm -rf run && mkdir run && cp accounts.csv backup.json run/
			# each example on a copy of the book
			book=$(dbcopy book)
			(cd run && TAM_DB=$book bash -c "$ex" >/dev/null 2>err) ||
			    bad="$bad [$p: $ex: $(head -1 run/err)]"
		done < <(tam help $p | sed -n 's/^  \$ //p')
	done < <(for c in $(tam help | awk '/^  [a-z]/ { print $1 }'); do
		echo "$c"
		tam help "$c" | sed -n "/^commands:/,/^\$/s/^  \([a-z][a-z-]*\)  .*/$c \1/p"
	done)
	assert_equal "$bad" ""
	# every command and sub-command has at least one
	[ "$n" -gt 50 ]
}

@test "unknown command, sub-command or option: the nearest is suggested" {
	run --separate-stderr "$TAM" dew
	assert_failure 2
	assert_equal "$stderr" "tam: unknown command 'dew'; did you mean 'due'?"
	run --separate-stderr "$TAM" acount list
	assert_equal "$stderr" "tam: unknown command 'acount'; did you mean 'account'?"
	run --separate-stderr "$TAM" dne 1
	assert_equal "$stderr" "tam: unknown command 'dne'; did you mean 'due' or 'done'?"
	run --separate-stderr "$TAM" help dew
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: unknown command 'dew'; did you mean 'due'?"
	# far from every name: no guess
	run --separate-stderr "$TAM" frobnicate
	assert_equal "$stderr" "tam: unknown command 'frobnicate'; see 'tam help'"
	run --separate-stderr "$TAM" account lst
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: unknown command 'account lst'; did you mean 'account list'?"
	assert_equal "${stderr_lines[1]}" "tam: usage: tam account add      add an account"
	run --separate-stderr "$TAM" help cta clse
	assert_equal "${stderr_lines[0]}" "tam: unknown command 'cta clse'; did you mean 'cta close'?"
	run --separate-stderr "$TAM" due --horzon 2w
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: unknown option '--horzon'; did you mean '--horizon'?"
	assert_equal "${stderr_lines[1]}" "tam: usage: tam due [--tam P] [--horizon PERIOD] [--all] [--no-sync] [--limit N] [--account ACCOUNT]"
	# a swap is one edit (Damerau), globals are near too
	run --separate-stderr "$TAM" account list --sentimnet red --foramt json
	assert_equal "${stderr_lines[0]}" "tam: unknown option '--sentimnet'; did you mean '--sentiment'?"
	run --separate-stderr "$TAM" --foramt json due
	assert_equal "${stderr_lines[0]}" "tam: unknown option '--foramt'; did you mean '--format'?"
	# the hidden helper is never suggested
	run --separate-stderr "$TAM" __complet
	assert_equal "$stderr" "tam: unknown command '__complet'; see 'tam help'"
	db_missing
}

# SQLite only: a file's tam and the loader
# bats test_tags=sqlite-only
@test "a tam on a file never loads libpq; a server's URI opens it" {
	# LD_DEBUG=libs: the dynamic loader names every library it loads
	LD_DEBUG=libs "$TAM" --version 2>loaded.txt >/dev/null
	grep -q 'libsqlite3' loaded.txt
	run grep -E 'libpq|libssl|libcrypto' loaded.txt
	assert_failure
	LD_DEBUG=libs "$TAM" -q account add Acme 2>loaded.txt
	run grep -E 'libpq|libssl|libcrypto' loaded.txt
	assert_failure
	LD_DEBUG=libs "$TAM" --db 'postgresql://nobody@127.0.0.1:1/x' due \
	    2>loaded.txt || true
	grep -q 'libpq\.so\.5' loaded.txt
}

@test "TAM_LIBPQ: a library that cannot be loaded, or is not libpq, is said plainly (exit 1)" {
	TAM_LIBPQ=/nonexistent/libpq.so.5 run --separate-stderr "$TAM" \
	    --db 'postgresql://nobody@127.0.0.1:1/x' due
	assert_failure 1
	assert_equal "$stderr" "tam: cannot load PostgreSQL's client library (/nonexistent/libpq.so.5: cannot open shared object file: No such file or directory); install it (apt-get install libpq5) or name it with TAM_LIBPQ"
	TAM_LIBPQ=libcsv.so.3 run --separate-stderr "$TAM" --db 'service=x' \
	    account list
	assert_failure 1
	assert_output ""
	[[ "$stderr" == "tam: 'libcsv.so.3' is not a libpq tam can use ("*": undefined symbol: PQclear); unset TAM_LIBPQ or name libpq.so.5" ]]
	# a file does not care
	TAM_LIBPQ=/nonexistent/libpq.so.5 run_tam -q \
	    --db "$BATS_TEST_TMPDIR/file.db" account add Acme
	assert_success
}

# SQLite only: the build without libpq runs on a file
# bats test_tags=sqlite-only
@test "a build without libpq says so for a server's URI (exit 2), and works on a file" {
	local nopg=$BATS_TEST_DIRNAME/../../build/tam-nopg
	[ -x "$nopg" ] || skip "build/tam-nopg is not built"
	run --separate-stderr "$nopg" --db 'postgresql://alice:s3cret@db.example.com/tam' due
	assert_failure 2
	assert_equal "$stderr" "tam: 'postgresql://alice@db.example.com/tam' is a PostgreSQL database, but this tam was built without PostgreSQL support; build it with libpq (Debian: libpq-dev), or give a file with --db"
	run --separate-stderr "$nopg" --db 'service=team' account list
	assert_failure 2
	assert_equal "$stderr" "tam: 'service=team' is a PostgreSQL database, but this tam was built without PostgreSQL support; build it with libpq (Debian: libpq-dev), or give a file with --db"
	# a file is as ever
	"$nopg" -q account add Acme --tam 'Alice Chen'
	run "$nopg" account list --format csv
	assert_success
	assert_line --index 1 --partial ',Acme,Alice Chen,'
}

@test "help names the database, a URI without its password" {
	TAM_DB='postgresql://alice:s3cret@db.example.com:5432/tam?sslmode=verify-full&password=x2' run "$TAM" --help
	assert_success
	assert_line "database: postgresql://alice@db.example.com:5432/tam?sslmode=verify-full"
	refute_output --partial s3cret
	refute_output --partial x2
	run "$TAM" --db 'service=team password=hunter2' help
	assert_line "database: service=team"
	refute_output --partial hunter2
	run "$TAM" help
	assert_line "database: $TAM_DB"
}
