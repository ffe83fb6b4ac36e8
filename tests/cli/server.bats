#!/usr/bin/env bats
# server.bats: what only a PostgreSQL server has: other sessions that
# deadlock with tam, the writers' turns, two imports at once.

load helper

# Runs tam with the words given while another session deadlocks with it:
# that session locks Acme's row, then asks for tam's writer lock, which
# tam holds while it waits for that row.  tam waits first, so its
# deadlock check fires first and the server ends tam's try; tam runs
# again.  Once it has the lock, the other session runs $DEADLOCK_SQL
# (if set) and commits.
run_tam_deadlocked() {
	pg_psql -d "$TAM_TEST_PGDB" > psql.out 2>&1 <<-EOF &
		BEGIN;
		UPDATE tam.account SET region = region WHERE id = 1;
		SELECT pg_sleep(0.6);
		SELECT pg_advisory_xact_lock(1952541955);
		${DEADLOCK_SQL:-}
		SELECT pg_sleep(0.3);
		COMMIT;
	EOF
	local other=$!
	sleep 0.2
	run_tam "$@"
	wait "$other" || true
}

@test "a deadlock with another session: the command runs again and succeeds once" {
	on_pg || skip "PostgreSQL only"
	tam -q import "$DATA/sample-export.csv"
	run_tam_deadlocked account set 1 --health 50
	assert_success
	assert_equal "$stderr" "tam: updated account 1: Acme Corporation"
	[ "$(dbsql 'SELECT health_score FROM account WHERE id = 1')" = 50 ]
	[ "$(dbsql "SELECT count(*) FROM health_history WHERE account_id = 1 AND health_score = 50")" = 1 ]
}

@test "a command run again reads the settings the session that won committed" {
	on_pg || skip "PostgreSQL only"
	tam -q import "$DATA/sample-export.csv"
	# The other session narrows the renewal window while tam waits.
	DEADLOCK_SQL="INSERT INTO tam.setting (key, value) VALUES
	    ('window.months', '3') ON CONFLICT (key) DO UPDATE
	    SET value = EXCLUDED.value;" \
	    run_tam_deadlocked account set 1 --renewal 2027-04-30
	assert_success
	[ "$(dbsql "SELECT value FROM setting WHERE key = 'window.months'")" = 3 ]
	# Five months out is outside a three-month window: no renewal work
	# yet (the first try's defaults would have planned it).
	[ "$(dbsql 'SELECT count(*) FROM task WHERE account_id = 1')" = 0 ]
}

@test "a command run again after a serialization failure reads the same standard input" {
	on_pg || skip "PostgreSQL only"
	tam -q import "$DATA/sample-export.csv"
	# The first post after the sequence is reset fails as a
	# serialization failure would (a sequence is not rolled back, so
	# the try after it passes): tam runs the command again.
	pg_psql -d "$TAM_TEST_PGDB" >/dev/null <<-'EOF'
		CREATE SEQUENCE public.fail_once;
		GRANT USAGE ON SEQUENCE public.fail_once TO PUBLIC;
		CREATE FUNCTION public.fail_once() RETURNS trigger
		    LANGUAGE plpgsql AS $$
		BEGIN
			IF nextval('public.fail_once') = 1 THEN
				RAISE EXCEPTION 'as if another session won'
				    USING ERRCODE = '40001';
			END IF;
			RETURN NEW;
		END $$;
		CREATE TRIGGER fail_once BEFORE INSERT ON tam.timeline
		    FOR EACH ROW EXECUTE FUNCTION public.fail_once();
	EOF
	printf 'read from standard input\n' > note.txt
	run_tam note 1 - < note.txt
	assert_success
	[[ "$stderr" == "tam: note "*" added to account 1 (Acme Corporation)" ]] || fail "$stderr"
	[ "$(dbsql "SELECT count(*) FROM timeline WHERE account_id = 1 AND type = 'note' AND body = 'read from standard input'")" = 1 ]
	# one post failed, the one of the second try was kept
	[ "$(pg_psql -d "$TAM_TEST_PGDB" -c "SELECT last_value FROM public.fail_once")" = 2 ]
	pg_psql -d "$TAM_TEST_PGDB" -c "SELECT setval('public.fail_once', 1, false)" >/dev/null
	printf 'champion left\n' > why.txt
	run_tam sentiment 1 red --note - < why.txt
	assert_success
	[ "$(dbsql "SELECT count(*) FROM timeline WHERE account_id = 1 AND type = 'risk_update' AND body = 'champion left'")" = 1 ]
	[ "$(pg_psql -d "$TAM_TEST_PGDB" -c "SELECT last_value FROM public.fail_once")" -ge 2 ]
	# two --note - in one command line are still refused
	run_tam sentiment 1 green --note - --note - < why.txt
	assert_failure 2
	[[ "$stderr" == "tam: --note -: standard input can be read once"* ]] || fail "$stderr"
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

# The same commands, in order, on the test's PostgreSQL database and on
# an SQLite file: stdout, stderr and the exit code of each into DIR.
same_script() {
	local dir=$1 db=$2 i=0 line rc
	mkdir -p "$dir"
	while IFS= read -r line; do
		i=$((i + 1))
		rc=0
		# shellcheck disable=SC2086
		TAM_DB=$db "$TAM" $line > "$dir/$i.out" 2> "$dir/$i.err" || rc=$?
		echo "$line: $rc" >> "$dir/status"
		# what differs: the database's own name and identifier (in
		# calendar UIDs), and the clock's instants (the two runs are
		# seconds apart)
		sed -i -E -e "s|$db|DB|g" \
		    -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/INSTANT/g' \
		    -e 's/[0-9]{8}T[0-9]{6}Z/INSTANT/g' \
		    -e 's/\.[0-9a-f]{32}@tam/.DBUID@tam/g' "$dir/$i.out" "$dir/$i.err"
	done
}

@test "every command prints the same bytes on PostgreSQL as on SQLite" {
	on_pg || skip "PostgreSQL only"
	local script
	script=$(cat <<-EOS
		import $DATA/sample-export.csv
		sync
		sentiment Acme red --note sponsor-left --cta
		cta update 21 --risk-type customer-churn --risk-reason loss-of-budget
		note Globex qbr-moved
		action Acme custom --title workshop
		done 1 --note held
		skip 2 --note not-needed
		task set 3 --due 2026-12-24
		account set Initech --health 50 --acv 260000
		account archive Pied
		risk-update Acme --note still-red
		cta close 21 --won --note saved
		due --all
		sync --dry-run
		EOS
	)
	local f fmt
	for fmt in table tsv csv json jsonl; do
		for f in "account list" "account list --archived" "task list --all" \
		    "cta list" "cta show 1" "account show Acme" "timeline Acme" \
		    "report renewals" "report at-risk" "due --all" "config list" \
		    "team list"; do
			script+=$'\n'"$f --format $fmt"
		done
	done
	script+=$'\n'"review Acme"$'\n'"ics"$'\n'"export"
	same_script pg "$TAM_DB" <<<"$script"
	same_script lite "$BATS_TEST_TMPDIR/same.db" <<<"$script"
	# team list is a server's: the file says so, the rest is the same
	grep -v '^team list' pg/status > pg.status
	grep -v '^team list' lite/status > lite.status
	diff lite.status pg.status
	# the script works: every command of it succeeds but team list's
	[ "$(grep -vc ': 0$' lite.status)" = 0 ] || fail "$(grep -v ': 0$' lite.status)"
	local n
	for n in $(seq "$(wc -l < pg/status)"); do
		grep -q '^team list' <(sed -n "${n}p" pg/status) && continue
		# the export's uid line is each database's own
		if [ "$(sed -n "${n}p" pg/status)" = "export: 0" ]; then
			grep -v '"uid"' "pg/$n.out" > a; grep -v '"uid"' "lite/$n.out" > b
			diff b a || fail "export differs"
			continue
		fi
		diff "lite/$n.out" "pg/$n.out" || fail "$(sed -n "${n}p" pg/status): stdout differs"
		diff "lite/$n.err" "pg/$n.err" || fail "$(sed -n "${n}p" pg/status): stderr differs"
	done
}

@test "export from SQLite, restore into PostgreSQL, and back: the same book" {
	on_pg || skip "PostgreSQL only"
	local file=$BATS_TEST_TMPDIR/book.db back=$BATS_TEST_TMPDIR/back.db
	tam --db "$file" -q import "$DATA/sample-export.csv"
	tam --db "$file" -q sync > /dev/null
	tam --db "$file" -q sentiment Acme red --note x --cta
	tam --db "$file" -q note Globex 'a note'
	tam --db "$file" -q export > lite.json
	tam -q restore lite.json
	tam -q export > pg.json
	# the database's identifier goes with the book
	cmp lite.json pg.json
	tam --db "$back" -q restore pg.json
	tam --db "$back" -q export | cmp - lite.json
	# the restored server book goes on numbering where the file did
	tam -q account add Zeta
	tam --db "$file" -q account add Zeta
	[ "$(dbsql "SELECT id FROM account WHERE name = 'Zeta'")" = "$(sqlite3 "$file" "SELECT id FROM account WHERE name = 'Zeta'")" ]
}
