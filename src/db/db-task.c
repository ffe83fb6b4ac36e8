/* db-task.c: SQL of tam task set and tam task reopen. */
#include <stdlib.h>

#include "tam/date.h"
#include "tam/db-task.h"
#include "db-internal.h"

int
db_task_set(struct tam_db *db, int64_t id, int due, const char *title,
    const char *note, char **err)
{
	static const char sql[] =
	    "UPDATE task SET due = coalesce(:due, due), "
	    "title = coalesce(:title, title), note = coalesce(:note, note) "
	    "WHERE id = :id";
	struct dbstmt	*st = dbi_stmt_id(db, sql, id, err);

	dbi_date(st, ":due", due);
	dbi_text(st, ":title", title);
	dbi_text(st, ":note", note);
	return dbi_done_one(db, st, err);
}

int
db_task_reopen(struct tam_db *db, int64_t id, char **err)
{
	static const char sql[] =
	    "UPDATE task SET status = 'open', done_at = NULL "
	    "WHERE id = :id AND (status = 'done' OR status = 'skipped')";

	return dbi_done_one_id(db, sql, id, err);
}

int
db_cta_reopen(struct tam_db *db, int64_t id, char **err)
{
	static const char sql[] =
	    "UPDATE cta SET status = 'open', closed_at = NULL "
	    "WHERE id = :id AND status = 'closed'";

	return dbi_done_one_id(db, sql, id, err);
}

int
db_cta_open_count(struct tam_db *db, int64_t account_id, const char *kind,
    int64_t *n, char **err)
{
	static const char sql[] =
	    "SELECT count(*) FROM cta WHERE account_id = :account "
	    "AND kind = :kind AND status = 'open'";
	struct dbstmt	*st = dbi_stmt(db, sql, err);

	dbi_int(st, ":account", account_id);
	dbi_text(st, ":kind", kind);
	return dbi_one_int(db, st, n, err) < 0 ? -1 : 0;
}
