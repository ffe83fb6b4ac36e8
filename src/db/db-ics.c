/* db-ics.c: SQL of the calendar export (tam ics). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tam/account.h"
#include "tam/clock.h"
#include "tam/date.h"
#include "tam/db-ics.h"
#include "db-internal.h"

int
db_database_uid(struct tam_db *db, char **uid, char **err)
{
	static const char sql[] =
	    "SELECT uid FROM database_uid WHERE id = 1";
	struct dbstmt	*st;

	*uid = NULL;
	st = dbi_stmt(db, sql, err);
	if (dbi_one_dup(db, st, uid, err) < 0)
		return -1;
	if (*uid == NULL) {
		/* Only a hand-edited file lacks it: the migration made it. */
		*err = xstrdup("the database has no identifier (table "
		    "database_uid is empty): restore it from a backup");
		return -1;
	}
	return 0;
}

int
db_ics_tasks(struct tam_db *db, const char *tam, int until, int closed_since,
    int (*fn)(void *, const struct task *, const struct account *, int64_t),
    void *arg, char **err)
{
	/*
	 * done_at is a UTC instant, :since the instant the local day
	 * closed_since began (days are local, SPEC §2).
	 */
#define SQL(TAM) \
	    "SELECT " DBI_TASK_COLS ", " DBI_ACCOUNT_COLS ", " \
	    "coalesce(r.revision, 0) " \
	    "FROM task t JOIN account a ON a.id = t.account_id " \
	    "LEFT JOIN task_revision r ON r.task_id = t.id " \
	    "WHERE t.due <= :until AND a.archived = 0 " \
	    "AND (t.status = 'open' OR t.done_at >= :since) AND " TAM " " \
	    "ORDER BY t.due, t.id"
	static const char any[] = SQL(ANY_TAM), one[] = SQL(TAM_FILTER);
#undef SQL
	struct dbstmt	*st;
	struct task	 t;
	struct account	 a;	/* reused: each row releases the last */
	char		 since[21];
	int		 rc;

	st = dbi_tam_stmt(db, tam, any, one, err);
	dbi_date(st, ":until", until);
	clock_format_utc(clock_day_start(closed_since), since);
	dbi_text(st, ":since", since);
	account_init(&a);
	while ((rc = dbi_next(db, st, err)) == DB_ROW) {
		dbi_read_task(st, 0, &t);
		dbi_read_account(st, DBI_NTASK_COLS, &a);
		if ((rc = fn(arg, &t, &a, dbi_col_i64(st,
		    DBI_NTASK_COLS + DBI_NACCOUNT_COLS))) != 0) {
			rc = dbi_stop(st, rc);
			break;
		}
	}
	account_release(&a);
	return rc;
}
