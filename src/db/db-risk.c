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
	sqlite3_stmt	*st;

	if ((st = dbi_stmt(db, sql, err)) == NULL)
		return -1;
	dbi_text(st, ":title", title);
	dbi_text(st, ":type", risk_type);
	dbi_text(st, ":reason", risk_reason);
	dbi_int(st, ":id", id);
	if (dbi_done(db, st, err) != 0)
		return -1;
	return sqlite3_changes(db->h) == 1 ? 0 : 1;
}
