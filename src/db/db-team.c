/*
 * db-team.c: SQL of tam team.  The work is the server's functions'
 * (sql/pg/0005-team.sql): a login role's name is an identifier, which no
 * statement can bind; team_add quotes it with format('%I') on the server.
 */
#include <stdlib.h>

#include "tam/db-team.h"
#include "db-internal.h"

int
db_team_add(struct tam_db *db, const char *login, const char *tam,
    const char *fold, const char *role, char **err)
{
	static const char sql[] =
	    "SELECT team_add(:login, :tam, :fold, :role)";
	struct dbstmt	*st = dbi_stmt(db, sql, err);

	dbi_text(st, ":login", login);
	dbi_text(st, ":tam", tam);
	dbi_text(st, ":fold", fold);
	dbi_text(st, ":role", role);
	return dbi_done(db, st, err);
}

int
db_team_rm(struct tam_db *db, const char *login, char **err)
{
	static const char sql[] = "SELECT team_rm(:login)";
	struct dbstmt	*st;
	int64_t		 found = 0;

	st = dbi_stmt(db, sql, err);
	dbi_text(st, ":login", login);
	if (dbi_one_int(db, st, &found, err) < 0)
		return -1;
	return found ? 0 : 1;
}

static void
read_member(struct dbstmt *st, int i, struct team_member *m)
{
	m->login = dbi_col_text(st, i);
	m->tam = dbi_col_text(st, i + 1);
	m->role = dbi_col_text(st, i + 2);
}

DBI_WALK(walk_members, struct team_member, read_member)

int
db_team_each(struct tam_db *db, int (*fn)(void *, const struct team_member *),
    void *arg, char **err)
{
	static const char sql[] =
	    "SELECT login, tam, role FROM team ORDER BY login";

	return walk_members(db, dbi_stmt(db, sql, err), fn, arg, err);
}
