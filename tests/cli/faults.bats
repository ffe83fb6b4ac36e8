#!/usr/bin/env bats
# faults.bats: what happens to the database when things go wrong around
# tam: another process at once, a lock held too long, kill -9 half-way, a
# read-only file or folder, a corrupt file, a newer schema, a full disk.
# Each must give a clear "tam: " error and lose nothing.

load helper
load faults-helper

teardown() {
	faults_teardown
	db_teardown
}

@test "two tam processes writing at once both succeed" {
	tam -q init
	for i in 1 2 3 4 5 6 7 8; do
		"$TAM" -q account add "A$i" --acv 1000 & a=$!
		"$TAM" -q account add "B$i" --acv 2000 & b=$!
		wait "$a" || fail "account add A$i failed: $?"
		wait "$b" || fail "account add B$i failed: $?"
	done
	run dbsql "select count(*), sum(acv_cents) from account"
	assert_output "16|2400000"
	if ! on_pg; then
		run sqlite3 "$TAM_DB" "pragma integrity_check"
		assert_output ok
	fi
}

# SQLite only: SQLite's file lock (another process holds it)
# bats test_tags=sqlite-only
@test "a write waits for a lock held by another process, then succeeds" {
	tam -q account add A
	hold_lock
	"$TAM" -q account add Waiter & w=$!
	sleep 0.5
	kill -0 "$w" || fail "tam did not wait for the lock"
	release_lock
	wait "$w" || fail "the waiting tam failed: $?"
	run sqlite3 "$TAM_DB" "select name from account order by id"
	assert_output "A
Waiter"
}

# SQLite only: SQLite's file lock (another process holds it)
# bats test_tags=sqlite-only
@test "a database locked past the timeout: exit 1, clear error, nothing lost" {
	tam -q account add A --acv 5000
	before=$(dbdump)
	hold_lock
	# WAL: a reader does not wait for the writer.
	run_tam account list --format csv
	assert_success
	assert_line --index 1 --partial ",A,"
	TAM_BUSY_TIMEOUT=200 run_tam account add B
	assert_failure 1
	assert_output ""
	assert_equal "$stderr" "tam: database '$TAM_DB' is busy: another tam kept it locked too long; try again"
	TAM_BUSY_TIMEOUT=200 run_tam account set A --acv 1
	assert_failure 1
	assert_equal "$stderr" "tam: database '$TAM_DB' is busy: another tam kept it locked too long; try again"
	release_lock
	[ "$(dbdump)" = "$before" ]
	# and the same write goes through once the lock is gone
	run_tam -q account add B
	assert_success
}

# SQLite only: timed by the size of the -wal file
# bats test_tags=sqlite-only
@test "kill -9 half-way through a long write: the database is as before" {
	tam -q account add Keep --acv 1000 --renewal 2027-03-01
	tam -q account add Big
	long_history Big 100000
	before=$(dbdump | sha256sum)
	kill_midway 2000000 "$TAM" -q account rm Big --yes
	[ "$(dbdump | sha256sum)" = "$before" ]
	run sqlite3 "$TAM_DB" "pragma integrity_check"
	assert_output ok
	# tam itself opens the file, sees both accounts, and can write again
	run_tam account list --format csv
	assert_success
	assert_line --index 1 --partial ",Keep,"
	assert_line --index 2 --partial ",Big,"
	run_tam -q account rm Big --yes
	assert_success
	run sqlite3 "$TAM_DB" "select count(*) from timeline"
	assert_output 0
}

# SQLite only: file permissions
# bats test_tags=sqlite-only
@test "a read-only database file: reads work, writes are exit 1, nothing changed" {
	perm_dir
	export TAM_DB="$PERM_DIR/tam.db"
	tam -q account add A --acv 5000
	chown nobody "$TAM_DB"
	chmod 0400 "$TAM_DB"
	before=$(dbdump)
	run --separate-stderr as_user "$TAM" account list --format csv
	assert_success
	assert_line --index 1 --partial ",A,"
	run --separate-stderr as_user "$TAM" account add B
	assert_failure 1
	assert_output ""
	assert_equal "$stderr" "tam: cannot write database '$TAM_DB': it is read-only (check its permissions)"
	run --separate-stderr as_user "$TAM" account set A --acv 1
	assert_failure 1
	assert_equal "$stderr" "tam: cannot write database '$TAM_DB': it is read-only (check its permissions)"
	[ "$(dbdump)" = "$before" ]
}

# SQLite only: folder permissions
# bats test_tags=sqlite-only
@test "a read-only folder: exit 1 with a clear error, nothing changed" {
	perm_dir
	export TAM_DB="$PERM_DIR/tam.db"
	tam -q account add A
	chown nobody "$TAM_DB"
	before=$(dbdump)
	chmod 0555 "$PERM_DIR"
	msg="tam: cannot use database '$TAM_DB': its folder is read-only and tam must create '$TAM_DB-wal' beside it (check the folder's permissions)"
	run --separate-stderr as_user "$TAM" account list
	assert_failure 1
	assert_equal "$stderr" "$msg"
	run --separate-stderr as_user "$TAM" account add B
	assert_failure 1
	assert_equal "$stderr" "$msg"
	run --separate-stderr as_user "$TAM" --db "$PERM_DIR/new.db" init
	assert_failure 1
	assert_equal "$stderr" "tam: cannot create database '$PERM_DIR/new.db': Permission denied"
	run --separate-stderr as_user "$TAM" --db "$PERM_DIR/sub/new.db" init
	assert_failure 1
	assert_equal "$stderr" "tam: cannot create folder '$PERM_DIR/sub': Permission denied"
	[ ! -e "$PERM_DIR/new.db" ] && [ ! -e "$PERM_DIR/sub" ]
	chmod 0755 "$PERM_DIR"
	[ "$(dbdump)" = "$before" ]
}

# SQLite only: a corrupt file
# bats test_tags=sqlite-only
@test "a corrupt database: exit 1 with a clear error, the file untouched" {
	tam -q account add A --acv 5000
	cp "$TAM_DB" good.db
	# page 2 is the account table's root: overwrite it with 0xff
	corrupt_page "$TAM_DB" 2
	before=$(sha256sum < "$TAM_DB")
	msg="tam: database '$TAM_DB' is corrupt or not a tam database"
	for cmd in "account list" "account show A" "account add B" \
	    "account set A --acv 1" "account rm A --yes"; do
		run_tam $cmd
		assert_failure 1
		assert_equal "$stderr" "$msg"
		# no list header (or anything) before the error
		assert_output ""
	done
	for cmd in "account list" "report at-risk"; do
		run_tam --format csv $cmd
		assert_failure 1
		assert_output ""
	done
	[ "$(sha256sum < "$TAM_DB")" = "$before" ]
	# a file cut short is refused the same way
	head -c 8192 good.db > "$TAM_DB"
	rm -f "$TAM_DB-wal" "$TAM_DB-shm"
	before=$(sha256sum < "$TAM_DB")
	run_tam account add B
	assert_failure 1
	assert_equal "$stderr" "$msg"
	[ "$(sha256sum < "$TAM_DB")" = "$before" ]
}

# global.bats proves `account list` refuses it; writes must too.
# SQLite only: SQLite's user_version
# bats test_tags=sqlite-only
@test "a database from a newer tam: writes and init are refused too" {
	tam -q account add A
	sqlite3 "$TAM_DB" 'pragma user_version = 99'
	before=$(sha256sum < "$TAM_DB")
	for cmd in "init" "account add B" "account set A --acv 1" \
	    "account rm A --yes" "config list"; do
		run_tam $cmd
		assert_failure 1
		assert_output ""
		assert_equal "$stderr" "tam: database '$TAM_DB' was written by a newer tam (schema 99, this tam knows up to $("$TAM" -V | sed 's/.*schema \([0-9]*\))/\1/')); upgrade tam"
	done
	[ "$(sha256sum < "$TAM_DB")" = "$before" ]
	[ ! -e "$TAM_DB-wal" ] || [ ! -s "$TAM_DB-wal" ]
}

# SQLite only: the database file on a full disk
# bats test_tags=sqlite-only
@test "a full disk (a small tmpfs): exit 1, clear error, nothing lost" {
	small_disk 1m
	export TAM_DB="$SMALL_DISK/tam.db"
	tam -q account add A --acv 5000
	before=$(dbdump)
	# leave 40 KiB: tam opens the file, then runs out of room writing
	avail=$(df -k --output=avail "$SMALL_DISK" | tail -1)
	[ "$avail" -gt 40 ] || fail "the tmpfs is already full"
	dd if=/dev/zero of="$SMALL_DISK/fill" bs=1k count=$((avail - 40)) 2>/dev/null
	run_tam account add B --objectives "$(printf '%60000s' x)"
	assert_failure 1
	assert_equal "${stderr_lines[-1]}" "tam: cannot write database '$TAM_DB': the disk is full; nothing was changed"
	# a completely full disk: even a read cannot make its -shm file
	dd if=/dev/zero of="$SMALL_DISK/fill2" bs=4k 2>/dev/null || true
	run_tam account add C
	assert_failure 1
	assert_equal "$stderr" "tam: cannot write database '$TAM_DB': the disk is full; nothing was changed"
	rm -f "$SMALL_DISK/fill" "$SMALL_DISK/fill2"
	[ "$(dbdump)" = "$before" ]
	run sqlite3 "$TAM_DB" "pragma integrity_check"
	assert_output ok
}

# SQLite only: the database file past ulimit -f
# bats test_tags=sqlite-only
@test "a file size limit (ulimit -f): exit 1, clear error, nothing lost" {
	tam -q account add A --acv 5000
	before=$(dbdump)
	# SIGXFSZ ignored, so the write fails with EFBIG instead of a kill;
	# 40 KiB lets tam open the file but not write 60 KB to its -wal.
	run --separate-stderr bash -c 'trap "" XFSZ; ulimit -f 40
	    exec "$1" account add B --objectives "$2"' - "$TAM" \
	    "$(printf '%60000s' x)"
	assert_failure 1
	assert_equal "${stderr_lines[-1]}" "tam: I/O error on database '$TAM_DB': disk I/O error"
	[ "$(dbdump)" = "$before" ]
	run sqlite3 "$TAM_DB" "pragma integrity_check"
	assert_output ok
}

# SQLite only: timed by the size of the -wal file
# bats test_tags=sqlite-only
@test "kill -9 half-way through an import: the database is as before" {
	need_import
	tam -q account add Keep --acv 1000 --renewal 2027-03-01
	big_export big.csv 200000
	before=$(dbdump | sha256sum)
	kill_midway 2000000 "$TAM" -q import big.csv
	[ "$(dbdump | sha256sum)" = "$before" ]
	run sqlite3 "$TAM_DB" "pragma integrity_check"
	assert_output ok
	run sqlite3 "$TAM_DB" "select count(*) from import_run"
	assert_output 0
	# the same import then goes through whole
	big_export small.csv 50
	run_tam -q import small.csv
	assert_success
	run sqlite3 "$TAM_DB" "select count(*) from account"
	assert_output 51
}

# SQLite only: SQLite's file lock (another process holds it)
# bats test_tags=sqlite-only
@test "an import waits for a lock, or fails past the timeout leaving nothing" {
	need_import
	tam -q init
	big_export some.csv 20
	before=$(dbdump)
	hold_lock
	TAM_BUSY_TIMEOUT=200 run_tam import some.csv
	assert_failure 1
	assert_equal "${stderr_lines[-1]}" "tam: database '$TAM_DB' is busy: another tam kept it locked too long; try again"
	"$TAM" -q import some.csv & w=$!
	sleep 0.3
	kill -0 "$w" || fail "import did not wait for the lock"
	[ "$(dbdump)" = "$before" ]
	release_lock
	wait "$w" || fail "the waiting import failed: $?"
	run sqlite3 "$TAM_DB" "select count(*) from account"
	assert_output 20
}

# run_full COMMAND...: runs tam with stdout on /dev/full, stderr apart.
run_full() {
	[ -w /dev/full ] || skip "no /dev/full"
	run --separate-stderr sh -c '"$0" "$@" > /dev/full' "$TAM" "$@"
}

@test "output to a full disk: every command that prints fails, says why, keeps nothing" {
	tam -q account add Acme --acv 300000 --renewal 2027-01-10 --tam kim
	tam -q account add Beta --acv 5000 --renewal 2027-02-01
	before=$(dbdump)
	# work and output both: nothing of the work may stay
	for cmd in "sync" "sync --dry-run" "due" "due --format json" \
	    "due --format table"; do
		# shellcheck disable=SC2086
		run_full $cmd
		assert_failure 1
		assert_equal "$stderr" "tam: cannot write output: No space left on device"
		[ "$(dbdump)" = "$before" ] || fail "tam $cmd > /dev/full kept its work"
	done
	tam -q sync >/dev/null
	tam -q sentiment Acme red --cta --note "budget cut"
	for cmd in "account list" "account show Acme" "task list" "cta list" \
	    "cta show 1" "timeline Acme" "review Acme" "report at-risk" \
	    "report renewals" "config list" "export" "ics" "help" \
	    "account show Acme --format json"; do
		# shellcheck disable=SC2086
		run_full $cmd
		assert_failure 1
		assert_equal "$stderr" "tam: cannot write output: No space left on device" ||
		    fail "tam $cmd > /dev/full"
	done
}

@test "output beyond stdio's buffer to a full disk: the same clear error" {
	tam -q init
	dbsql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL
	    SELECT i + 1 FROM n WHERE i < 300) INSERT INTO account (id, name,
	    name_fold, renewal_date, created_at, updated_at) SELECT
	    i, 'Customer ' || i, 'customer ' || i, '2027-01-15',
	    '2026-11-23T08:00:00Z', '2026-11-23T08:00:00Z' FROM n"
	before=$(dbdump)
	for cmd in "due --format json" "due --format tsv" "account list --format json"; do
		# shellcheck disable=SC2086
		run_full $cmd
		assert_failure 1
		assert_equal "$stderr" "tam: cannot write output: No space left on device"
	done
	[ "$(dbdump)" = "$before" ]
	tam -q sync >/dev/null
	run_full report at-risk --format json
	assert_failure 1
	run_full report renewals --format csv
	assert_failure 1
	assert_equal "$stderr" "tam: cannot write output: No space left on device"
}

@test "a reader that closes the pipe early is no error, and the work stays" {
	tam -q init
	# 300 accounts make 1,500 task rows: far more than a pipe holds, so
	# tam is still writing when head has gone
	dbsql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL
	    SELECT i + 1 FROM n WHERE i < 300) INSERT INTO account (id, name,
	    name_fold, renewal_date, created_at, updated_at) SELECT
	    i, 'Customer ' || i, 'customer ' || i, '2027-01-15',
	    '2026-11-23T08:00:00Z', '2026-11-23T08:00:00Z' FROM n"
	run sh -c '"$0" due --format tsv 2>err | head -1' "$TAM"
	assert_success
	assert_output --partial "task_id	kind"
	run cat err
	refute_output --partial "cannot write"
	# the sync inside due is committed
	run dbsql "select count(*) from cta"
	assert_output 300
}

# SQLite only: the database file past ulimit -f
# bats test_tags=sqlite-only
@test "an import whose commit fails prints no summary of success" {
	need_import
	tam -q init
	big_export some.csv 400
	before=$(dbdump)
	# 40 KiB of -wal: the rows fit in memory, the commit does not fit
	run --separate-stderr bash -c 'trap "" XFSZ; ulimit -f 40
	    exec "$1" import some.csv' - "$TAM"
	assert_failure 1
	refute_output --partial "imported"
	[[ "$stderr" != *imported* ]] || fail "a summary of success: $stderr"
	assert_equal "${stderr_lines[-1]}" "tam: I/O error on database '$TAM_DB': disk I/O error"
	[ "$(dbdump)" = "$before" ]
	# and one that works says it, once, after its commit
	run_tam import some.csv
	assert_success
	assert_equal "$stderr" "tam: imported 400 rows: 400 new, 0 updated, 0 unchanged, 0 rejected"
}

# SQLite only: the race to create the file (pg.bats races the schema)
# bats test_tags=sqlite-only
@test "twelve tam processes creating one database at once: every write kept" {
	local round i pids db status
	for round in $(seq 30); do
		db="$BATS_TEST_TMPDIR/race$round/tam.db"
		pids=()
		for i in $(seq 12); do
			"$TAM" -q --db "$db" account add "A$i" 2>"race$round.$i" &
			pids+=($!)
		done
		for i in $(seq 12); do
			status=0
			wait "${pids[$((i - 1))]}" || status=$?
			[ "$status" -eq 0 ] || fail "round $round, process $i: exit $status: $(cat "race$round.$i")"
		done
		run sqlite3 "$db" "select count(*) from account"
		[ "$output" = 12 ] || fail "round $round: $output of 12 accounts kept"
	done
	# no temporary file is left beside any of them
	run find "$BATS_TEST_TMPDIR" -name '*.new.*'
	assert_output ""
}

# SQLite only: the new file's mode and journal
# bats test_tags=sqlite-only
@test "a failed first command leaves a complete empty database, never half of one" {
	run_tam --db new.db account add
	assert_failure 2
	[ -f new.db ]
	[ "$(stat -c %a new.db)" = 600 ]
	run sqlite3 new.db "pragma journal_mode; pragma integrity_check; select count(*) from account"
	assert_output "wal
ok
0"
	ls -a > files
	run grep -c new files
	assert_output 1
	# and the next command uses it as any other
	run_tam -q --db new.db account add A
	assert_success
}

# SQLite only: SQLite's file header
# bats test_tags=sqlite-only
@test "a header marked for a newer SQLite is reported corrupt, not read-only" {
	tam -q account add A
	sqlite3 "$TAM_DB" 'pragma wal_checkpoint(truncate)' >/dev/null
	# byte 18: the file format version needed to write; 3 is unknown
	printf '\003' | dd of="$TAM_DB" bs=1 seek=18 conv=notrunc 2>/dev/null
	before=$(sha256sum < "$TAM_DB")
	for cmd in "account add B" "account list"; do
		run_tam $cmd
		assert_failure 1
		assert_equal "$stderr" "tam: database '$TAM_DB' is corrupt or not a tam database"
	done
	[ "$(sha256sum < "$TAM_DB")" = "$before" ]
}

# SQLite only: the database file past ulimit -f
# bats test_tags=sqlite-only
@test "a write whose commit fails prints no line of success" {
	tam -q account add A --acv 5000
	before=$(dbdump)
	# as above: the commit of 60 KB does not fit under 40 KiB
	run --separate-stderr bash -c 'trap "" XFSZ; ulimit -f 40
	    exec "$1" account add B --objectives "$2"' - "$TAM" \
	    "$(printf '%60000s' x)"
	assert_failure 1
	[[ "$stderr" != *"added account"* ]] || fail "success claimed: $stderr"
	assert_equal "${#stderr_lines[@]}" 1
	[ "$(dbdump)" = "$before" ]
	run --separate-stderr bash -c 'trap "" XFSZ; ulimit -f 40
	    exec "$1" note A "$2"' - "$TAM" "$(printf '%60000s' x)"
	assert_failure 1
	[[ "$stderr" != *"note "*" added"* ]] || fail "success claimed: $stderr"
	# and one that works says it after its commit
	run_tam account add B
	assert_success
	assert_equal "$stderr" "tam: added account 2: B"
}
