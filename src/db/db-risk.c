/* db-risk.c: SQL of the at-risk playbook beyond db-work.c. */
#include "tam/db-risk.h"
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
	dbi_text(st, ":type", risk_type);
	dbi_text(st, ":reason", risk_reason);
	return dbi_done_one(db, st, err);
}

int
db_task_close_kind(struct tam_db *db, int64_t cta_id, const char *kind,
    const char *status, const char *at, int *n, char **err)
{
	static const char sql[] =
	    "UPDATE task SET status = :status, done_at = :at "
	    "WHERE cta_id = :cta AND kind = :kind AND status = 'open'";
	struct dbstmt	*st = dbi_stmt(db, sql, err);

	dbi_text(st, ":status", status);
	dbi_text(st, ":at", at);
	dbi_int(st, ":cta", cta_id);
	dbi_text(st, ":kind", kind);
	return dbi_changes(db, st, n, err);
}
