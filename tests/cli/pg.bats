#!/usr/bin/env bats
# pg.bats: what only PostgreSQL has: a server to reach over TCP with a
# password, a connection that drops, many tam processes at once on one
# database, a URI whose password must never be shown.  The cluster is
# tests/pg-cluster.sh's: the role tam_pw has the password
# TAM_TEST_PG_PASSWORD, TCP listens on 127.0.0.1:TAM_TEST_PG_PORT with
# scram-sha-256.  On SQLite these tests do not run (tests/run.sh leaves
# them out; run directly, they skip).
# bats file_tags=pg-only

load helper
load faults-helper

setup() {
	if ! on_pg; then
		skip "PostgreSQL only (TAM_TEST_BACKEND=pg)"
	fi
	: "${TAM_TEST_PG_PORT:?TAM_TEST_PG_PORT: run through tests/run.sh}"
	export TAM_TODAY=2026-11-23
	export HOME="$BATS_TEST_TMPDIR/home"
	mkdir -p "$HOME"
	unset XDG_DATA_HOME TAM_FORMAT NO_COLOR
	cd "$BATS_TEST_TMPDIR" || return 1
	TAM_TEST_PGDB=$(pg_name)
	pg_create "$TAM_TEST_PGDB" || return 1
	export TAM_DB="postgresql:///$TAM_TEST_PGDB"
	PW=$TAM_TEST_PG_PASSWORD
	TCP="127.0.0.1:$TAM_TEST_PG_PORT"
}

teardown() {
	local p
	for p in ${BG_PIDS:-}; do
		kill -9 "$p" 2>/dev/null || true
	done
	faults_teardown
	db_teardown
}

# Every line of stderr is one of tam's ("tam: ...").
all_tam_lines() {
	local line
	for line in "${stderr_lines[@]}"; do
		[[ "$line" == "tam: "* ]] || fail "a stderr line not from tam: '$line'"
	done
}

@test "a wrong password over TCP: exit 1, libpq's message, never the password" {
	for how in --db env; do
		url="postgresql://tam_pw:WRONG-pw-7351@$TCP/$TAM_TEST_PGDB"
		if [ "$how" = --db ]; then
			run_tam --db "$url" account list
		else
			TAM_DB=$url run_tam account list
		fi
		assert_failure 1
		assert_output ""
		[[ "$stderr" == "tam: "* ]] || fail "stderr: $stderr"
		all_tam_lines
		# libpq's words, with the user it tried
		[[ "$stderr" == *'password authentication failed for user "tam_pw"'* ]] ||
		    fail "not libpq's message: $stderr"
		[[ "$stderr" != *WRONG-pw-7351* ]] || fail "the password was shown: $stderr"
	done
	# and the right one works
	run_tam --db "postgresql://tam_pw:$PW@$TCP/$TAM_TEST_PGDB" account list --format csv
	assert_success
	assert_line --index 0 --partial "id,sfid,name"
}

@test "the password from PGPASSFILE, and a service from ~/.pg_service.conf" {
	printf '127.0.0.1:%s:*:tam_pw:%s\n' "$TAM_TEST_PG_PORT" "$PW" > "$BATS_TEST_TMPDIR/pgpass"
	chmod 600 "$BATS_TEST_TMPDIR/pgpass"
	PGPASSFILE="$BATS_TEST_TMPDIR/pgpass" run_tam \
	    --db "postgresql://tam_pw@$TCP/$TAM_TEST_PGDB" account add Acme
	assert_success
	printf '[tamtest]\nhost=127.0.0.1\nport=%s\ndbname=%s\nuser=tam_pw\n' \
	    "$TAM_TEST_PG_PORT" "$TAM_TEST_PGDB" > "$HOME/.pg_service.conf"
	PGPASSFILE="$BATS_TEST_TMPDIR/pgpass" run_tam --db service=tamtest \
	    account list --format csv
	assert_success
	assert_line --index 1 --partial ",Acme,"
	# a service that is not there: exit 1, said by tam
	run_tam --db service=nosuch account list
	assert_failure 1
	[[ "$stderr" == "tam: "*nosuch* ]] || fail "stderr: $stderr"
}

# A TCP port on 127.0.0.1 that nothing listens on.
free_port() {
	python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

@test "a server that is not there: exit 1 at once, no hang" {
	port=$(free_port)
	start=$SECONDS
	run --separate-stderr timeout 20 "$TAM" \
	    --db "postgresql://postgres@127.0.0.1:$port/$TAM_TEST_PGDB" account list
	assert_failure 1
	assert_output ""
	all_tam_lines
	[[ "$stderr" == *"Connection refused"* ]] || fail "stderr: $stderr"
	[ $((SECONDS - start)) -lt 10 ] || fail "took $((SECONDS - start)) s"
}

@test "a server that takes the connection and never answers: exit 1 within the connect timeout" {
	# accepts TCP (the kernel's backlog) and never says a word
	python3 -c 'import socket, sys, time
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(8)
print(s.getsockname()[1], flush=True)
time.sleep(600)' > port & BG_PIDS="$!"
	while [ ! -s port ]; do sleep 0.05; done
	start=$SECONDS
	run --separate-stderr timeout 60 "$TAM" \
	    --db "postgresql://postgres@127.0.0.1:$(cat port)/$TAM_TEST_PGDB" account list
	took=$((SECONDS - start))
	[ "$status" -ne 124 ] || fail "tam still waited after 60 s: no connect timeout"
	assert_failure 1
	all_tam_lines
	echo "gave up after $took s: $stderr"
	[ "$took" -lt 40 ]
}

# backend_of_tam: waits until a tam connected to the test's database is
# inside a transaction; prints that backend's pid and application_name.
backend_of_tam() {
	local i row
	for i in $(seq 600); do
		row=$(pg_psql -d postgres -c "SELECT pid, application_name
		    FROM pg_stat_activity WHERE datname = '$TAM_TEST_PGDB'
		    AND backend_type = 'client backend' AND xact_start IS NOT NULL
		    AND pid <> pg_backend_pid() ORDER BY xact_start LIMIT 1")
		if [ -n "$row" ]; then
			echo "$row"
			return 0
		fi
		kill -0 "$1" 2>/dev/null || return 1
		sleep 0.02
	done
	return 1
}

@test "the connection dropped half-way through an import: exit 1, said, nothing changed" {
	tam -q import "$DATA/sample-export.csv"
	before=$(dbdump)
	big_export big.csv 300000
	"$TAM" import big.csv >out 2>err & pid=$!
	BG_PIDS=$pid
	row=$(backend_of_tam "$pid") || fail "the import ended before its transaction was seen"
	# give the transaction some rows to roll back
	sleep 0.3
	kill -0 "$pid" 2>/dev/null || fail "the import ended before the connection could drop"
	run pg_psql -d postgres -c "SELECT pg_terminate_backend(${row%%|*})"
	assert_output t
	status=0
	wait "$pid" || status=$?
	BG_PIDS=
	[ "$status" -eq 1 ] || fail "exit $status: $(cat err)"
	run cat err
	[[ "${lines[-1]}" == "tam: "* ]] || fail "stderr: $output"
	refute_output --partial "imported 300000"
	# tam says who it is to the server
	assert_equal "${row#*|}" tam
	[ "$(dbdump)" = "$before" ]
	# the next import goes through whole
	big_export small.csv 50
	run_tam -q import small.csv
	assert_success
	run dbsql "SELECT count(*) FROM account WHERE name LIKE 'Customer %'"
	assert_output 50
}

@test "kill -9 of tam half-way through an import: the server rolls it back" {
	tam -q account add Keep --acv 1000 --renewal 2027-03-01
	before=$(dbdump)
	big_export big.csv 300000
	"$TAM" -q import big.csv & pid=$!
	BG_PIDS=$pid
	backend_of_tam "$pid" >/dev/null ||
	    fail "the import ended before its transaction was seen"
	sleep 0.3
	kill -9 "$pid" 2>/dev/null || true
	status=0
	wait "$pid" || status=$?
	BG_PIDS=
	[ "$status" -eq 137 ] || fail "the import ended (status $status) before kill -9 reached it"
	# the server ends the orphaned session and its transaction
	for i in $(seq 100); do
		[ "$(pg_psql -d postgres -c "SELECT count(*) FROM pg_stat_activity
		    WHERE datname = '$TAM_TEST_PGDB' AND pid <> pg_backend_pid()")" = 0 ] && break
		sleep 0.05
	done
	[ "$(dbdump)" = "$before" ]
	run_tam -q account add After
	assert_success
}

# The TAMs of the bundled sample, as --tam takes them.
SAMPLE_TAMS="alice dan grace henry jun"

@test "40 tam due --tam at once and a tam sync: all succeed, no duplicate CTA or task" {
	tam -q import "$DATA/sample-export.csv"
	serial=$(dbcopy serial)
	local pids=() i t status fails=0
	i=0
	while [ "$i" -lt 40 ]; do
		for t in $SAMPLE_TAMS; do
			[ "$i" -lt 40 ] || break
			"$TAM" -q due --tam "$t" >"due.$i" 2>"err.$i" &
			pids+=($!)
			i=$((i + 1))
		done
	done
	"$TAM" -q sync >sync.out 2>sync.err &
	pids+=($!)
	BG_PIDS="${pids[*]}"
	for i in "${!pids[@]}"; do
		status=0
		wait "${pids[$i]}" || status=$?
		if [ "$status" -ne 0 ]; then
			echo "process $i: exit $status: $(cat "err.$i" sync.err 2>/dev/null | head -3)"
			fails=$((fails + 1))
		fi
	done
	BG_PIDS=
	[ "$fails" -eq 0 ]
	run dbsql "SELECT account_id, kind, count(*) FROM cta WHERE status = 'open'
	    GROUP BY account_id, kind HAVING count(*) > 1"
	assert_output ""
	run dbsql "SELECT account_id, cta_id, kind, due, count(*) FROM task
	    WHERE status = 'open' GROUP BY account_id, cta_id, kind, due
	    HAVING count(*) > 1"
	assert_output ""
	# the same work as one sync alone makes
	tam -q --db "$serial" sync
	q="SELECT a.name, c.kind, c.status, c.renewal_date FROM cta c
	    JOIN account a ON a.id = c.account_id ORDER BY 1, 2, 3, 4;
	    SELECT a.name, t.kind, t.due, t.status FROM task t
	    JOIN account a ON a.id = t.account_id ORDER BY 1, 2, 3, 4"
	[ -n "$(dbsql "$q")" ]
	assert_equal "$(dbsql "$q")" "$(dbsql --db "$serial" "$q")"
}

@test "two imports of one file at once: both succeed, each account once" {
	big_export some.csv 3000
	"$TAM" -q import some.csv 2>err.1 & a=$!
	"$TAM" -q import some.csv 2>err.2 & b=$!
	BG_PIDS="$a $b"
	wait "$a" || fail "import 1: $(cat err.1)"
	wait "$b" || fail "import 2: $(cat err.2)"
	BG_PIDS=
	run dbsql "SELECT count(*), count(DISTINCT sfid) FROM account"
	assert_output "3000|3000"
}

@test "twelve tam processes on a database without tam's schema: one schema, every write kept" {
	local round i pids db status
	for round in $(seq 10); do
		db=$(newdb "race$round")
		pids=()
		for i in $(seq 12); do
			"$TAM" -q --db "$db" account add "A$i" 2>"race$round.$i" &
			pids+=($!)
		done
		BG_PIDS="${pids[*]}"
		for i in $(seq 12); do
			status=0
			wait "${pids[$((i - 1))]}" || status=$?
			[ "$status" -eq 0 ] || fail "round $round, process $i: exit $status: $(cat "race$round.$i")"
		done
		BG_PIDS=
		run dbsql --db "$db" "SELECT count(*) FROM account"
		[ "$output" = 12 ] || fail "round $round: $output of 12 accounts kept"
	done
}

@test "a URI's password is never shown: help, init, errors" {
	for url in "postgresql://tam_pw:$PW@$TCP/$TAM_TEST_PGDB" \
	    "postgres://tam_pw:$PW@$TCP/$TAM_TEST_PGDB?connect_timeout=5" \
	    "postgresql://tam_pw@$TCP/$TAM_TEST_PGDB?password=$PW&application_name=tam"; do
		TAM_DB=$url run_tam --help
		assert_success
		[[ "$output$stderr" != *"$PW"* ]] || fail "--help shows the password: $output$stderr"
		run_tam --db "$url" init
		assert_success
		[[ "$stderr" == "tam: database ready at '"*"' (schema "* ]] ||
		    fail "init said: $stderr"
		[[ "$stderr" != *"$PW"* ]] || fail "init shows the password: $stderr"
		[[ "$stderr" == *"tam_pw@127.0.0.1"* ]] || fail "init does not say where: $stderr"
		# an error that names the database
		tam -q --db "$url" account add "Acme $RANDOM"
		tam -q --db "$url" export > e.json
		run_tam --db "$url" restore e.json
		assert_failure 1
		[[ "$stderr" == "tam: restore: database '"*"' is not empty"* ]] ||
		    fail "restore said: $stderr"
		[[ "$stderr" != *"$PW"* ]] || fail "an error shows the password: $stderr"
		# and the wrong password's error
		bad=${url//$PW/NOT-$PW}
		run_tam --db "$bad" account list
		assert_failure 1
		[[ "$stderr" != *"$PW"* ]] || fail "a failed login shows the password: $stderr"
	done
}

# README, Team mode: the login that will own tam's schema has CREATEROLE
# and owns the database; its tam init makes the schema and tam's roles.
@test "the owner of README's Team mode: a CREATEROLE login that owns the database runs tam init" {
	local owner=tam_t_owner_$$
	pg_psql -d postgres -c "CREATE ROLE $owner LOGIN CREATEROLE" >/dev/null
	pg_psql -d postgres -c "ALTER DATABASE \"$TAM_TEST_PGDB\" OWNER TO $owner" >/dev/null
	run_tam --db "postgresql:///$TAM_TEST_PGDB?user=$owner" init
	status_init=$status
	stderr_init=$stderr
	pg_psql -d postgres -c "REASSIGN OWNED BY $owner TO postgres" >/dev/null
	pg_psql -d "$TAM_DB" -c "REASSIGN OWNED BY $owner TO postgres; DROP OWNED BY $owner" >/dev/null
	pg_psql -d postgres -c "DROP ROLE $owner" >/dev/null
	[ "$status_init" -eq 0 ] || fail "tam init as the owner: $stderr_init"
	[[ "$stderr_init" == "tam: database ready at 'postgresql:///$TAM_TEST_PGDB?user=$owner' (schema "* ]] ||
	    fail "init said: $stderr_init"
}

@test "__complete on a database without tam's schema: no schema made, nothing said" {
	run --separate-stderr "$TAM" __complete account a
	assert_equal "$stderr$output" ""
	db_missing
	run --separate-stderr "$TAM" --db "postgresql://postgres@127.0.0.1:$(free_port)/x" __complete tam ""
	assert_equal "$stderr$output" ""
}

@test "a database on the server is no file: nothing is made beside the working folder" {
	tam -q account add Acme
	tam -q sync
	# no file named after the URI, no SQLite file at the default place
	run find "$BATS_TEST_TMPDIR" -name 'postgres*' -o -name '*.db*'
	assert_output ""
}
