/* db-ics.c: SQL of the calendar export (tam ics). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tam/clock.h"
#include "tam/date.h"
#include "tam/db-ics.h"
#include "db-internal.h"

int
db_database_uid(struct tam_db *db, char **uid, char **err)
{
	static const char sql[] =
	    "SELECT uid FROM database_uid WHERE id = 1";
	sqlite3_stmt	*st;
	int		 rc;

	*uid = NULL;
	if ((st = dbi_stmt(db, sql, err)) == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*uid = dbi_col_dup(st, 0);
	else if (rc != SQLITE_DONE) {
		sqlite3_reset(st);
		return dbi_fail(db, err);
	}
	sqlite3_reset(st);
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
	    "SELECT t.id, t.account_id, a.name, t.cta_id, t.kind, t.title, " \
	    "t.due, t.note, a.sfid, a.tam, a.sal, a.sa, a.rsd, " \
	    "a.tam_manager, a.acv_cents, a.currency, a.upsell, " \
	    "a.renewal_date, t.status, t.done_at, t.created_at, " \
	    "coalesce(r.revision, 0) " \
	    "FROM task t JOIN account a ON a.id = t.account_id " \
	    "LEFT JOIN task_revision r ON r.task_id = t.id " \
	    "WHERE t.due <= :until AND a.archived = 0 " \
	    "AND (t.status = 'open' OR t.done_at >= :since) AND " TAM " " \
	    "ORDER BY t.due, t.id"
	static const char any[] = SQL(ANY_TAM), one[] = SQL(TAM_FILTER);
#undef SQL
	sqlite3_stmt	*st;
	struct task	 t;
	struct account	 a;
	const char	*cur;
	char		 since[21];
	int		 rc, stop = 0;

	if ((st = dbi_stmt(db, TAM_STMT(tam, any, one), err)) == NULL)
		return -1;
	dbi_date(st, ":until", until);
	clock_format_utc(clock_day_start(closed_since), since);
	dbi_text(st, ":since", since);
	dbi_text(st, ":tam_fold", tam);
	account_init(&a);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&t, 0, sizeof t);
		t.id = sqlite3_column_int64(st, 0);
		t.account_id = sqlite3_column_int64(st, 1);
		t.account = dbi_col_text(st, 2);
		t.cta_id = dbi_col_int(st, 3, 0);
		t.kind = dbi_col_text(st, 4);
		t.title = dbi_col_text(st, 5);
		t.due = dbi_col_date(st, 6);
		t.note = dbi_col_text(st, 7);
		t.status = dbi_col_text(st, 18);
		t.done_at = dbi_col_text(st, 19);
		t.created_at = dbi_col_text(st, 20);
		account_release(&a);
		a.id = t.account_id;
		a.name = dbi_col_dup(st, 2);
		a.sfid = dbi_col_dup(st, 8);
		a.tam = dbi_col_dup(st, 9);
		a.sal = dbi_col_dup(st, 10);
		a.sa = dbi_col_dup(st, 11);
		a.rsd = dbi_col_dup(st, 12);
		a.tam_manager = dbi_col_dup(st, 13);
		a.has_acv = sqlite3_column_type(st, 14) != SQLITE_NULL;
		a.acv_cents = sqlite3_column_int64(st, 14);
		cur = dbi_col_text(st, 15);
		snprintf(a.currency, sizeof a.currency, "%s",
		    cur != NULL ? cur : "USD");
		a.upsell = sqlite3_column_int(st, 16);
		a.renewal_date = dbi_col_date(st, 17);
		if ((stop = fn(arg, &t, &a, sqlite3_column_int64(st, 21))) != 0)
			break;
	}
	account_release(&a);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return dbi_fail(db, err);
	return stop;
}
