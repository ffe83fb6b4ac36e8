/*
 * test-db.c: what a connection db_open hands out refuses even to tam's own
 * statements (ATTACH, hand edits of the schema, untrusted schema code),
 * and where the import's index definitions come from.  The file checks
 * of db_open are proved from the command line (security.bats).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "tam/db.h"
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
	    "(tam_fold)");
	assert_null(dbi_schema_sql("index", "account"));
	assert_null(dbi_schema_sql("table", "no_such_table"));
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
	};

	return cmocka_run_group_tests_name("db", tests, NULL, NULL);
}
