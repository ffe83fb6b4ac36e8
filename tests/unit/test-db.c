/*
 * test-db.c: what a connection db_open hands out refuses even to tam's own
 * statements (ATTACH, hand edits of the schema, untrusted schema code),
 * and where the import's index definitions come from; how rows are read
 * and parameters bound (dbi_one, dbi_each, dbi_param).  The file checks
 * of db_open are proved from the command line (security.bats).
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "tam/db.h"
#include <sqlite3.h>

#include "db-internal.h"

struct fixture {
	struct tam_db	*db;
	char		 path[64];
};

static int
setup(void **state)
{
	struct fixture	*f = calloc(1, sizeof *f);
	char		*err = NULL, *warn = NULL;
	int		 fd;

	snprintf(f->path, sizeof f->path, "/tmp/tam-test-XXXXXX");
	if ((fd = mkstemp(f->path)) < 0)
		return -1;
	close(fd);
	unlink(f->path);
	if (db_open(f->path, &f->db, &warn, &err) != 0)
		return -1;
	free(warn);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*f = *state;
	char		 side[80];

	db_close(f->db);
	unlink(f->path);
	snprintf(side, sizeof side, "%s-wal", f->path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", f->path);
	unlink(side);
	free(f);
	return 0;
}

static int
exec(struct fixture *f, const char *sql)
{
	return sqlite3_exec(f->db->h, sql, NULL, NULL, NULL);
}

static int
pragma(struct fixture *f, const char *sql)
{
	sqlite3_stmt	*st;
	int		 v = -1;

	assert_int_equal(sqlite3_prepare_v2(f->db->h, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* No statement can reach another file. */
static void
test_no_attach(void **state)
{
	struct fixture	*f = *state;

	assert_int_not_equal(exec(f, "ATTACH ':memory:' AS other"),
	    SQLITE_OK);
	assert_int_equal(sqlite3_limit(f->db->h, SQLITE_LIMIT_ATTACHED, -1),
	    0);
}

/* Defensive: the schema cannot be edited by hand, even by tam. */
static void
test_schema_not_writable(void **state)
{
	struct fixture	*f = *state;

	exec(f, "PRAGMA writable_schema = ON");
	assert_int_not_equal(exec(f, "UPDATE sqlite_schema SET sql = sql "
	    "WHERE name = 'account_by_tam'"), SQLITE_OK);
	assert_int_equal(pragma(f, "PRAGMA trusted_schema"), 0);
}

/* The parked indexes come back as the migrations wrote them. */
static void
test_index_definitions_are_embedded(void **state)
{
	struct fixture	*f = *state;
	const char	*sql;

	(void)f;
	sql = dbi_schema_sql("index", "account_by_tam");
	assert_non_null(sql);
	assert_string_equal(sql, "CREATE INDEX account_by_tam ON account "
	    "(tam_fold, id, archived,\n    renewal_date, sentiment, "
	    "requires_triage, created_at,\n    sentiment_posted_at, name, "
	    "sfid, tam, sal, sa, rsd, tam_manager, upsell,\n    acv_cents, "
	    "currency)");
	assert_null(dbi_schema_sql("index", "account"));
	assert_null(dbi_schema_sql("table", "no_such_table"));
}

/*
 * Binds :name in a child and says how the child ended: a name the
 * statement lacks must abort (a mistake of tam's), not bind nothing.
 */
static int
bind_in_child(struct fixture *f, const char *name)
{
	static const char sql[] = "SELECT :a";
	struct dbstmt	*st;
	char		*err = NULL;
	pid_t		 pid;
	int		 status;

	assert_non_null(st = dbi_stmt(f->db, sql, &err));
	fflush(NULL);
	if ((pid = fork()) == 0) {
		close(STDERR_FILENO);	/* the abort's message */
		dbi_int(st, name, 1);
		_exit(0);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (WIFSIGNALED(status))
		return WTERMSIG(status);
	return WIFEXITED(status) ? 0 : -1;
}

static void
test_bind_missing_name_aborts(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(bind_in_child(f, ":a"), 0);
	assert_int_equal(bind_in_child(f, ":b"), SIGABRT);
}

static int
row_sum(void *arg, struct dbstmt *st)
{
	int64_t	*sum = arg;

	*sum += dbi_col_i64(st, 0);
	/* Stops at 3: the walk hands back the callback's value. */
	return *sum >= 3 ? 7 : 0;
}

/* One row, no row, a walk, a stop and a failed step. */
static void
test_row_helpers(void **state)
{
	struct fixture	*f = *state;
	static const char one[] = "SELECT 42 WHERE :x = 1";
	static const char rows[] =
	    "SELECT value FROM (SELECT 1 AS value UNION ALL SELECT 2 "
	    "UNION ALL SELECT 3 UNION ALL SELECT 4) WHERE value <= :max "
	    "ORDER BY value";
	static const char bad[] = "SELECT abs(-9223372036854775807 - 1)";
	struct dbstmt	*st;
	char		*err = NULL, *s = NULL;
	int64_t		 v = 0;

	assert_non_null(st = dbi_stmt(f->db, one, &err));
	dbi_int(st, ":x", 1);
	assert_int_equal(dbi_one_int(f->db, st, &v, &err), 0);
	assert_int_equal(v, 42);
	assert_non_null(st = dbi_stmt(f->db, one, &err));
	dbi_int(st, ":x", 2);
	assert_int_equal(dbi_one_dup(f->db, st, &s, &err), 1);
	assert_null(s);
	/* Reset after use: the next dbi_first steps from the start. */
	assert_non_null(st = dbi_stmt(f->db, one, &err));
	dbi_int(st, ":x", 1);
	assert_int_equal(dbi_first(f->db, st, &err), 0);
	assert_string_equal(dbi_col_text(st, 0), "42");

	assert_non_null(st = dbi_stmt(f->db, rows, &err));
	v = 0;
	dbi_int(st, ":max", 2);
	assert_int_equal(dbi_each(f->db, st, row_sum, &v, &err), 7);
	assert_int_equal(v, 3);
	assert_non_null(st = dbi_stmt(f->db, rows, &err));
	v = -10;
	dbi_int(st, ":max", 4);
	assert_int_equal(dbi_each(f->db, st, row_sum, &v, &err), 0);
	assert_int_equal(v, 0);

	assert_non_null(st = dbi_stmt(f->db, bad, &err));
	assert_int_equal(dbi_one_int(f->db, st, &v, &err), -1);
	assert_non_null(err);
	assert_non_null(strstr(err, "integer overflow"));
	free(err);
	err = NULL;
	assert_non_null(st = dbi_stmt(f->db, bad, &err));
	assert_int_equal(dbi_each(f->db, st, row_sum, &v, &err), -1);
	assert_non_null(err);
	free(err);
}

/* A statement that did not prepare fails at its step, with its error. */
static void
test_unprepared_statement(void **state)
{
	struct fixture	*f = *state;
	static const char broken[] = "SELECT FROM WHERE :x";
	struct dbstmt	*st;
	char		*err = NULL, *prepared;
	int64_t		 v = 5;
	int		 n = 3;

	assert_null(st = dbi_stmt(f->db, broken, &err));
	assert_non_null(prepared = err);
	/* Binders take it as it is... */
	dbi_int(st, ":x", 1);
	dbi_text(st, ":x", "a");
	dbi_date(st, ":x", 0);
	dbi_opt_int(st, ":x", 1, 2);
	dbi_tam(st, "tam");
	/* ...and every run fails, the error still the prepare's. */
	assert_int_equal(dbi_done(f->db, st, &err), -1);
	assert_int_equal(dbi_changes(f->db, st, &n, &err), -1);
	assert_int_equal(dbi_one_int(f->db, st, &v, &err), -1);
	assert_int_equal(dbi_first(f->db, st, &err), -1);
	assert_int_equal(dbi_each(f->db, st, row_sum, &v, &err), -1);
	assert_int_equal(dbi_next(f->db, st, &err), -1);
	assert_int_equal(dbi_stop(st, 4), 4);
	assert_ptr_equal(err, prepared);
	assert_int_equal(v, 5);
	assert_int_equal(n, 3);
	free(err);
}

struct pair {
	int64_t	a, b;
};

static void
read_pair(struct dbstmt *st, int i, struct pair *p)
{
	p->a = dbi_col_i64(st, i);
	p->b = dbi_col_i64(st, i + 1);
}

DBI_WALK(walk_pairs, struct pair, read_pair)
DBI_FIRST(first_pair, struct pair, read_pair)

static int
pair_sum(void *arg, const struct pair *p)
{
	int64_t	*sum = arg;

	*sum += p->a * p->b;
	return p->a == 3 ? 9 : 0;
}

/* The typed walk and first read, over rows of two columns. */
static void
test_typed_rows(void **state)
{
	struct fixture	*f = *state;
	static const char rows[] =
	    "SELECT value, 10 FROM (SELECT 1 AS value UNION ALL SELECT 2 "
	    "UNION ALL SELECT 3 UNION ALL SELECT 4) WHERE value <= :max "
	    "ORDER BY value";
	struct dbstmt	*st;
	struct pair	 p;
	char		*err = NULL;
	int64_t		 sum = 0;

	st = dbi_stmt(f->db, rows, &err);
	dbi_int(st, ":max", 2);
	assert_int_equal(walk_pairs(f->db, st, pair_sum, &sum, &err), 0);
	assert_int_equal(sum, 30);
	st = dbi_stmt(f->db, rows, &err);
	dbi_int(st, ":max", 4);
	sum = 0;
	assert_int_equal(walk_pairs(f->db, st, pair_sum, &sum, &err), 9);
	assert_int_equal(sum, 60);
	st = dbi_stmt(f->db, rows, &err);
	dbi_int(st, ":max", 4);
	assert_int_equal(first_pair(f->db, st, &p, &err), 0);
	assert_int_equal(p.a, 1);
	assert_int_equal(p.b, 10);
	st = dbi_stmt(f->db, rows, &err);
	dbi_int(st, ":max", 0);
	assert_int_equal(first_pair(f->db, st, &p, &err), 1);
	assert_null(err);
}

static void
shown(const char *in, const char *want)
{
	char	*s = db_display_name(in);

	assert_string_equal(s, want);
	free(s);
}

/* What selects a server, and how its URI is shown: never a password. */
static void
test_server_names(void **state)
{
	(void)state;
	assert_true(db_is_server("postgresql://h/db"));
	assert_true(db_is_server("postgres://h/db"));
	assert_true(db_is_server("service=team"));
	assert_false(db_is_server("tam.db"));
	assert_false(db_is_server("./postgresql://x"));
	assert_false(db_is_server("host=h dbname=x"));
	shown("tam.db", "tam.db");
	shown("postgresql://h/db", "postgresql://h/db");
	shown("postgresql://alice:s3cret@h:5432/db",
	    "postgresql://alice@h:5432/db");
	shown("postgres://alice:p%40ss@h1:5432,h2:5433/db"
	    "?target_session_attrs=read-write",
	    "postgres://alice@h1:5432,h2:5433/db"
	    "?target_session_attrs=read-write");
	shown("postgresql://h/db?password=x&sslmode=verify-full",
	    "postgresql://h/db?sslmode=verify-full");
	shown("postgresql://h/db?sslmode=require&password=x",
	    "postgresql://h/db?sslmode=require");
	shown("postgresql://h/db?password=x", "postgresql://h/db");
	shown("postgresql://alice@h/db", "postgresql://alice@h/db");
	shown("service=team password=x", "service=team");
	shown("service=team password='a b\\' c' user=u",
	    "service=team user=u");
}

/* One schema version, the same on both engines. */
static void
test_same_versions(void **state)
{
	int	i;

	(void)state;
	assert_int_equal(tam_nmigrations, tam_pg_nmigrations);
	for (i = 0; i < tam_nmigrations; i++)
		assert_int_equal(tam_migrations[i].version,
		    tam_pg_migrations[i].version);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_no_attach, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_schema_not_writable,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_index_definitions_are_embedded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bind_missing_name_aborts,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_row_helpers, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_unprepared_statement,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_typed_rows, setup,
		    teardown),
		cmocka_unit_test(test_server_names),
		cmocka_unit_test(test_same_versions),
	};

	return cmocka_run_group_tests_name("db", tests, NULL, NULL);
}
