# faults-helper.bash: what faults.bats and security.bats share: another
# process holding the database, a write killed half-way, an unprivileged
# user, a small disk.  Each test calls faults_teardown from teardown().

# Holds the database's write lock from a sqlite3 shell until
# release_lock; returns once the lock is held.
hold_lock() {
	rm -f "$BATS_TEST_TMPDIR/locked" "$BATS_TEST_TMPDIR/release"
	printf '%s\n' \
	    "while [ ! -e '$BATS_TEST_TMPDIR/release' ]; do sleep 0.05; done" \
	    > "$BATS_TEST_TMPDIR/wait-release.sh"
	sqlite3 "$TAM_DB" >/dev/null <<-EOF &
		BEGIN EXCLUSIVE;
		.shell touch '$BATS_TEST_TMPDIR/locked'
		.shell sh '$BATS_TEST_TMPDIR/wait-release.sh'
		ROLLBACK;
	EOF
	LOCKER=$!
	while [ ! -e "$BATS_TEST_TMPDIR/locked" ]; do
		kill -0 "$LOCKER" 2>/dev/null || fail "sqlite3 could not lock"
		sleep 0.05
	done
}

release_lock() {
	touch "$BATS_TEST_TMPDIR/release"
	wait "$LOCKER"
	LOCKER=
}

# long_history NAME N: N timeline posts on account NAME, straight into
# the file, so that deleting them is one long transaction.
long_history() {
	sqlite3 "$TAM_DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL
	    SELECT i + 1 FROM n WHERE i < $2) INSERT INTO timeline (account_id,
	    at, type, author, body) SELECT (SELECT id FROM account WHERE
	    name = '$1'), '2026-11-01T08:00:00Z', 'note', 'test',
	    printf('post %d of a long history %.60c', i, 'x') FROM n"
}

# kill_midway BYTES COMMAND...: runs COMMAND in the background, waits
# until its -wal holds BYTES (it is writing, not yet committed: the
# commit comes after all of the transaction's pages), then kill -9.
# Fails if the command ended first: the test would prove nothing.
kill_midway() {
	local limit=$1 pid size status=0
	shift
	"$@" & pid=$!
	while :; do
		size=$(stat -c %s "$TAM_DB-wal" 2>/dev/null || echo 0)
		[ "$size" -lt "$limit" ] || break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.01
	done
	kill -9 "$pid" 2>/dev/null || true
	wait "$pid" || status=$?
	[ "$status" -eq 137 ] || fail "the write ended (status $status) before kill -9 reached it"
}

# stop_midway BYTES COMMAND...: like kill_midway, but stops the process
# (SIGSTOP) and leaves its pid in STOPPED; resume with resume_stopped.
stop_midway() {
	local limit=$1 size
	shift
	"$@" & STOPPED=$!
	while :; do
		size=$(stat -c %s "$TAM_DB-wal" 2>/dev/null || echo 0)
		[ "$size" -lt "$limit" ] || break
		kill -0 "$STOPPED" 2>/dev/null ||
		    fail "the write ended before it could be stopped"
		sleep 0.01
	done
	kill -STOP "$STOPPED"
}

# Resumes the stopped process; fails unless it then succeeds.
resume_stopped() {
	local status=0
	kill -CONT "$STOPPED"
	wait "$STOPPED" || status=$?
	STOPPED=
	[ "$status" -eq 0 ] || fail "the resumed write failed: $status"
}

# Root ignores file permissions: permission tests run tam as nobody, in
# PERM_DIR (under /tmp: the bats folders are 0700).
as_user() {
	if [ "$(id -u)" -eq 0 ]; then
		setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
	else
		"$@"
	fi
}

perm_dir() {
	PERM_DIR=$(mktemp -d /tmp/tam-perm.XXXXXX)
	chmod 0755 "$PERM_DIR"
	if [ "$(id -u)" -eq 0 ]; then
		chown 65534:65534 "$PERM_DIR"
	fi
	as_user "$TAM" --version >/dev/null 2>&1 ||
	    skip "nobody cannot run $TAM (a folder on its path is private)"
}

# corrupt_page FILE N: overwrites page N (1 = the header page) with 0xff.
corrupt_page() {
	local size
	size=$(sqlite3 "$1" 'pragma page_size')
	head -c "$size" /dev/zero | tr '\0' '\377' |
	    dd of="$1" bs="$size" seek=$(($2 - 1)) conv=notrunc 2>/dev/null
}

# small_disk SIZE: a tmpfs of SIZE at SMALL_DISK; skips where mount is
# not allowed (the ulimit -f test covers that case).
small_disk() {
	SMALL_DISK="$BATS_TEST_TMPDIR/disk"
	mkdir -p "$SMALL_DISK"
	mount -t tmpfs -o size="$1" tmpfs "$SMALL_DISK" 2>/dev/null ||
	    skip "cannot mount a tmpfs here"
	SMALL_DISK_MOUNTED=1
}

faults_teardown() {
	if [ -n "${LOCKER:-}" ]; then
		touch "$BATS_TEST_TMPDIR/release"
		kill "$LOCKER" 2>/dev/null || true
	fi
	if [ -n "${STOPPED:-}" ]; then
		kill -9 "$STOPPED" 2>/dev/null || true
	fi
	if [ -n "${SMALL_DISK_MOUNTED:-}" ]; then
		umount "$SMALL_DISK" || umount -l "$SMALL_DISK"
	fi
	if [ -n "${PERM_DIR:-}" ]; then
		chmod -R u+w "$PERM_DIR"
		rm -rf "$PERM_DIR"
	fi
}

# Import lands from its own branch; until it has, its tests skip.
need_import() {
	run "$TAM" --db "$BATS_TEST_TMPDIR/probe.db" import /dev/null
	[[ "$output" != *"not built yet"* ]] || skip "import is not built yet"
}

# big_export FILE N: a Salesforce-style export of N accounts.
big_export() {
	awk -v n="$2" 'BEGIN {
		print "Account ID,Account Name,TAM,Renewal Date,ACV"
		for (i = 1; i <= n; i++)
			printf "001%012dAAA,Customer %d,tam%d,1/31/2027,\"$%d,000\"\n",
			    i, i, i % 50, i % 900 + 1
	}' > "$1"
}
