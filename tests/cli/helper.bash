# helper.bash: what every command-line test loads.  Each test gets its own
# temporary database and a fixed "today", so nothing depends on the
# calendar or on the user's files.
bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert

TAM=${TAM:-$BATS_TEST_DIRNAME/../../tam}
DATA=$BATS_TEST_DIRNAME/../data

setup() {
	export TAM_DB="$BATS_TEST_TMPDIR/tam.db"
	export TAM_TODAY=2026-11-23
	export HOME="$BATS_TEST_TMPDIR/home"
	unset XDG_DATA_HOME TAM_FORMAT NO_COLOR
	cd "$BATS_TEST_TMPDIR" || return 1
}

tam() {
	"$TAM" "$@"
}

# Runs tam and keeps stderr apart: $output is stdout, $stderr is stderr.
run_tam() {
	run --separate-stderr "$TAM" "$@"
}

# A stable dump of the database, to prove a failed command changed nothing.
dbdump() {
	sqlite3 "$TAM_DB" .dump
}
