/* db-risk.c: SQL of the at-risk playbook beyond db-work.c. */
#include "tam/db-risk.h"
#include "tam/db-task.h"
#include "db-internal.h"

int
db_cta_update(struct tam_db *db, int64_t id, const char *title,
    const char *risk_type, const char *risk_reason, char **err)
{
	static const char sql[] =
	    "UPDATE cta SET title = coalesce(:title, title), "
	    "risk_type = coalesce(:type, risk_type), "
	    "risk_reason = coalesce(:reason, risk_reason) "
	    "WHERE id = :id AND status = 'open'";
	struct dbstmt	*st = dbi_stmt_id(db, sql, id, err);

	dbi_text(st, ":title", title);
	dbi_bind_risk(st, risk_type, risk_reason);
	return dbi_done_one(db, st, err);
}

/*
 * Closes the open tasks of kind on CTA cta_id as status at the timestamp
 * at, but task keep (0 for none: ids start at 1); *n: how many.  One
 * statement for both playbook moves that close a CTA's tasks of a kind.
 */
static int
close_tasks_of_kind(struct tam_db *db, int64_t cta_id, const char *kind,
    int64_t keep, const char *status, const char *at, int *n, char **err)
{
	static const char sql[] =
	    "UPDATE task SET status = :status, done_at = :at "
	    "WHERE cta_id = :cta AND kind = :kind AND status = 'open' "
	    "AND id <> :keep";
	struct dbstmt	*st = dbi_stmt(db, sql, err);

	dbi_bind_close(st, status, at);
	dbi_int(st, ":cta", cta_id);
	dbi_text(st, ":kind", kind);
	dbi_int(st, ":keep", keep);
	return dbi_changes(db, st, n, err);
}

int
db_task_close_kind(struct tam_db *db, int64_t cta_id, const char *kind,
    const char *status, const char *at, int *n, char **err)
{
	return close_tasks_of_kind(db, cta_id, kind, 0, status, at, n, err);
}

int
db_task_cancel_other_risk_updates(struct tam_db *db, int64_t cta_id,
    int64_t keep, const char *at, int *n, char **err)
{
	return close_tasks_of_kind(db, cta_id, "risk_update", keep,
	    "cancelled", at, n, err);
}
