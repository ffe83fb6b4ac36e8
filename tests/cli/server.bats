#!/usr/bin/env bats
# server.bats: what only a PostgreSQL server has: other sessions that
# deadlock with tam, the writers' turns, two imports at once.

load helper

@test "a deadlock with another session: the command runs again and succeeds once" {
	on_pg || skip "PostgreSQL only"
	tam -q import "$DATA/sample-export.csv"
	# The other session locks Acme's row, then asks for tam's writer
	# lock, which tam holds while it waits for that row: a deadlock.
	# The server ends one of them; when it is tam, tam runs again.
	pg_psql -d "$TAM_TEST_PGDB" > psql.out 2>&1 <<-'EOF' &
		BEGIN;
		UPDATE tam.account SET region = region WHERE id = 1;
		SELECT pg_sleep(0.6);
		SELECT pg_advisory_xact_lock(1952541955);
		SELECT pg_sleep(0.3);
		COMMIT;
	EOF
	local other=$!
	sleep 0.2
	run_tam account set 1 --health 50
	wait "$other" || true
	assert_success
	assert_equal "$stderr" "tam: updated account 1: Acme Corporation"
	[ "$(dbsql 'SELECT health_score FROM account WHERE id = 1')" = 50 ]
	[ "$(dbsql "SELECT count(*) FROM health_history WHERE account_id = 1 AND health_score = 50")" = 1 ]
}

@test "two imports at once: the second waits, then says another import is running" {
	on_pg || skip "PostgreSQL only"
	tam -q init
	# a session holds the import's lock as a long import would
	pg_psql -d "$TAM_TEST_PGDB" > psql.out 2>&1 <<-'EOF' &
		BEGIN;
		SELECT pg_advisory_xact_lock(1952541955);
		SELECT pg_advisory_xact_lock(1952541954);
		SELECT pg_sleep(2);
		COMMIT;
	EOF
	local other=$!
	sleep 0.5
	TAM_BUSY_TIMEOUT=500 run_tam import "$DATA/sample-export.csv"
	assert_failure 1
	[[ "$stderr" == "tam: another import is running on database '"*"'; try again when it is done" ]] || fail "$stderr"
	# a writer that is no import is told the same
	TAM_BUSY_TIMEOUT=300 run_tam account add Zeta
	assert_failure 1
	[[ "$stderr" == "tam: another import is running"* ]] || fail "$stderr"
	# readers never wait
	run_tam account list
	assert_success
	wait "$other"
	run_tam import "$DATA/sample-export.csv"
	assert_success
}
