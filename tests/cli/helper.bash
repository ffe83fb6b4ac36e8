# helper.bash: what every command-line test loads.  Each test gets its own
# temporary database and a fixed "today", so nothing depends on the
# calendar or on the user's files.
#
# The suite runs on SQLite, and on PostgreSQL with TAM_TEST_BACKEND=pg
# (tests/run.sh starts a cluster with tests/pg-cluster.sh and exports its
# PG* variables).  On PostgreSQL each test gets a fresh database of its
# own and TAM_DB=postgresql:///NAME.  Tests reach the data through the
# helpers below, which work on both: dbsql, dbdump, dbschema, newdb,
# dbcopy, dbreset, db_missing.  A test about files (modes, locks, WAL,
# corrupt files, the SQLite schema, --db PATH) carries the tag
#	# bats test_tags=sqlite-only
# and the PostgreSQL pass leaves it out (--filter-tags '!sqlite-only');
# run directly on PostgreSQL without that filter it skips.  Inside a test
# that is mostly portable, `on_sqlite_only "why"` skips the rest of it on
# PostgreSQL, and `on_pg` tells which backend runs.
bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert

export TAM=${TAM:-$BATS_TEST_DIRNAME/../../tam}
DATA=$BATS_TEST_DIRNAME/../data
TAM_TEST_BACKEND=${TAM_TEST_BACKEND:-sqlite}

# True when the tests run against PostgreSQL.
on_pg() {
	[ "$TAM_TEST_BACKEND" = pg ]
}

# frozen WHEN CMD...: runs CMD with the clock at WHEN (libfaketime: an
# absolute date stands still; "@WHEN" runs from it).  The library is
# preloaded here where it is found: the faketime wrapper's semaphore
# meets a stale one of an earlier process now and then, and the wrapper
# then fails ("sem_open: File exists") before the command runs.
FAKETIME_LIB=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -n 1)
frozen() {
	local when=$1
	shift
	if [ -n "$FAKETIME_LIB" ]; then
		LD_PRELOAD="$FAKETIME_LIB${LD_PRELOAD:+:$LD_PRELOAD}" \
		    FAKETIME="$when" "$@"
	else
		faketime -f "$when" "$@"
	fi
}

# on_sqlite_only REASON: the rest of the test is about SQLite's file.
on_sqlite_only() {
	! on_pg || skip "SQLite only: $1"
}

# psql as the tests use it: no ~/.psqlrc, quiet, the sqlite3 shell's
# output shape (a|b, no header), stop at the first error, tam's schema
# "tam" first on the search path as tam has it.
pg_psql() {
	PGOPTIONS="-c client_min_messages=warning -c search_path=tam,public" \
	    psql -X -q -At -F'|' -v ON_ERROR_STOP=1 "$@"
}

# The tag sqlite-only of the running test, or of its file: bats 1.8 has
# no variable for a test's tags, so read them where the test is written.
tagged_sqlite_only() {
	awk -v want="@test \"$BATS_TEST_DESCRIPTION\"" '
		/^# bats file_tags=.*sqlite-only/ { found = 1; exit }
		/^# bats test_tags=/ { tags = tags $0; next }
		index($0, want) == 1 { if (tags ~ /sqlite-only/) found = 1; exit }
		/^@test / { tags = "" }
		END { exit !found }' "$BATS_TEST_FILENAME"
}

# The PostgreSQL database of this test is named after the bats run and
# the test's number; newdb adds a suffix.  teardown drops them all.
pg_name() {
	echo "tam_t${BATS_ROOT_PID:-$$}_${BATS_SUITE_TEST_NUMBER:-0}${1:+_$1}"
}

pg_create() {
	# FILE_COPY: a few milliseconds, against about 40 for WAL_LOG.
	pg_psql -d postgres -c "CREATE DATABASE \"$1\" STRATEGY FILE_COPY${2:+ TEMPLATE \"$2\"}" >/dev/null
}

pg_drop() {
	pg_psql -d postgres -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" >/dev/null
}

setup() {
	export TAM_TODAY=2026-11-23
	export HOME="$BATS_TEST_TMPDIR/home"
	unset XDG_DATA_HOME TAM_FORMAT NO_COLOR
	cd "$BATS_TEST_TMPDIR" || return 1
	if on_pg; then
		if tagged_sqlite_only; then
			skip "SQLite only (tagged sqlite-only)"
		fi
		TAM_TEST_PGDB=$(pg_name)
		pg_create "$TAM_TEST_PGDB" || return 1
		export TAM_DB="postgresql:///$TAM_TEST_PGDB"
	else
		export TAM_DB="$BATS_TEST_TMPDIR/tam.db"
	fi
}

# Tests with a teardown of their own call db_teardown from it.
db_teardown() {
	[ -n "${TAM_TEST_PGDB:-}" ] || return 0
	# every database of this test: its own and those of newdb and dbcopy
	pg_psql -d postgres >/dev/null <<-EOF
		SELECT format('DROP DATABASE %I WITH (FORCE)', datname)
		FROM pg_database WHERE datname = '$TAM_TEST_PGDB'
		    OR starts_with(datname, '${TAM_TEST_PGDB}_') \gexec
	EOF
}

teardown() {
	db_teardown
}

tam() {
	"$TAM" "$@"
}

# Runs tam and keeps stderr apart: $output is stdout, $stderr is stderr.
# A failure's stderr goes to the test's log too, which bats shows when
# the test fails.
run_tam() {
	run --separate-stderr "$TAM" "$@"
	[ "$status" -eq 0 ] || printf '# tam %.200s: exit %d: %.600s\n' "$*" "$status" "$stderr"
}

# dbsql [--db DB] [SQL...]: runs SQL (or standard input) on the test's
# database, or on DB (a path or a postgresql:// URI); rows print as the
# sqlite3 shell prints them: a|b, NULL empty, no header.  The SQL must
# mean the same on both: no GLOB, no IS NOT for a null-safe compare, no
# double-quoted strings, no group_concat (string_agg is not in SQLite
# either: compare rows instead).
dbsql() {
	local db=$TAM_DB
	if [ "${1:-}" = --db ]; then
		db=$2
		shift 2
	fi
	case $db in
	postgresql:* | postgres:* | service=*)
		if [ $# -gt 0 ]; then
			printf '%s;\n' "$@" | pg_psql -d "$db"
		else
			pg_psql -d "$db"
		fi
		;;
	*)
		sqlite3 "$db" "$@"
		;;
	esac
}

# next_id TABLE: the SQL of the id tam gives a new row of TABLE, one past
# the largest, for rows a test writes by SQL (the PostgreSQL tables have
# no default id: tam gives each row its id there as SQLite's rowid does).
# One row per INSERT: every row of one statement would get the same.
next_id() {
	echo "(SELECT coalesce(max(id), 0) + 1 FROM $1)"
}

# dbdump [DB]: a stable dump of all the data, to prove a failed command
# changed nothing.  On PostgreSQL: every row of the tables of every
# schema that is not the system's, as "schema.table|(row)" lines, sorted;
# sequences are left out, as a rolled-back insert moves them on.  One
# query of them all: this runs after every refused command of a test.
dbdump() {
	local db=${1:-$TAM_DB}
	case $db in
	postgresql:* | postgres:* | service=*)
		pg_psql -d "$db" <<-'EOF'
			SELECT string_agg(format('SELECT %L AS t, r::text COLLATE "C" AS row FROM %I.%I r',
			    n.nspname || '.' || c.relname, n.nspname, c.relname),
			    ' UNION ALL ' ORDER BY n.nspname, c.relname) || ' ORDER BY 1, 2'
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind IN ('r', 'p') AND n.nspname NOT LIKE 'pg\_%'
			    AND n.nspname <> 'information_schema' \gexec
		EOF
		;;
	*)
		sqlite3 "$db" .dump
		;;
	esac
}

# dbschema [DB]: the names and kinds of the schema's objects (tables,
# indexes, views, triggers), sorted: to prove that nothing was dropped or
# added.
dbschema() {
	local db=${1:-$TAM_DB}
	case $db in
	postgresql:* | postgres:* | service=*)
		pg_psql -d "$db" <<-'EOF'
			SELECT n.nspname, c.relname, c.relkind FROM pg_class c
			JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
			UNION ALL
			SELECT n.nspname, t.tgname, 'trigger' FROM pg_trigger t
			JOIN pg_class c ON c.oid = t.tgrelid
			JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE NOT t.tgisinternal AND n.nspname NOT LIKE 'pg\_%'
			ORDER BY 1, 2, 3;
		EOF
		;;
	*)
		sqlite3 "$db" "SELECT type, name, tbl_name FROM sqlite_schema ORDER BY name"
		;;
	esac
}

# newdb NAME: prints the --db of a second, empty database of this test:
# NAME.db here on SQLite, a fresh database on PostgreSQL.  Called again,
# it empties it.
newdb() {
	if on_pg; then
		pg_drop "${TAM_TEST_PGDB}_$1" &&
		    pg_create "${TAM_TEST_PGDB}_$1" &&
		    echo "postgresql:///${TAM_TEST_PGDB}_$1"
	else
		rm -f "$BATS_TEST_TMPDIR/$1.db" "$BATS_TEST_TMPDIR/$1.db-wal" \
		    "$BATS_TEST_TMPDIR/$1.db-shm"
		echo "$BATS_TEST_TMPDIR/$1.db"
	fi
}

# dbcopy NAME: prints the --db of a copy of the test's database.
dbcopy() {
	if on_pg; then
		pg_drop "${TAM_TEST_PGDB}_$1" &&
		    pg_create "${TAM_TEST_PGDB}_$1" "$TAM_TEST_PGDB" &&
		    echo "postgresql:///${TAM_TEST_PGDB}_$1"
	else
		# no -wal is left once tam has closed the database
		rm -f "$BATS_TEST_TMPDIR/$1.db-wal" "$BATS_TEST_TMPDIR/$1.db-shm"
		cp "$TAM_DB" "$BATS_TEST_TMPDIR/$1.db" &&
		    echo "$BATS_TEST_TMPDIR/$1.db"
	fi
}

# dbsave NAME: keeps a copy of the test's database as NAME; dbload NAME
# makes the test's database a copy of it again (to run many commands on
# one state).
dbsave() {
	if on_pg; then
		dbcopy "$1" >/dev/null
	else
		sqlite3 "$TAM_DB" ".backup '$BATS_TEST_TMPDIR/$1.db'"
	fi
}

dbload() {
	if on_pg; then
		# one psql for both: this runs hundreds of times in risk.bats
		pg_psql -d postgres >/dev/null <<-EOF
			DROP DATABASE "$TAM_TEST_PGDB" WITH (FORCE);
			CREATE DATABASE "$TAM_TEST_PGDB" STRATEGY FILE_COPY TEMPLATE "${TAM_TEST_PGDB}_$1";
		EOF
	else
		rm -f "$TAM_DB" "$TAM_DB-wal" "$TAM_DB-shm"
		cp "$BATS_TEST_TMPDIR/$1.db" "$TAM_DB"
	fi
}

# dbreset: the test's database as it was before its first command.
dbreset() {
	if on_pg; then
		pg_drop "$TAM_TEST_PGDB" && pg_create "$TAM_TEST_PGDB"
	else
		rm -f "$TAM_DB" "$TAM_DB-wal" "$TAM_DB-shm"
	fi
}

# db_missing: true when no command has made the test's database yet: no
# file on SQLite, no table in the (empty) database on PostgreSQL.
db_missing() {
	if on_pg; then
		[ "$(pg_psql -d "$TAM_DB" -c "SELECT count(*) FROM pg_class c
		    JOIN pg_namespace n ON n.oid = c.relnamespace
		    WHERE n.nspname NOT LIKE 'pg\_%'
		    AND n.nspname <> 'information_schema'")" = 0 ]
	else
		[ ! -e "$TAM_DB" ]
	fi
}
