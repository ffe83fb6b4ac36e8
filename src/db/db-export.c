/* db-export.c: the whole database as typed rows, out and back in. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tam/db-export.h"
#include "tam/text.h"
#include "db-internal.h"

#define N(a)	((int)(sizeof a / sizeof a[0]))

/*
 * Each table's keys follow the machine-format keys of SPEC §2 (acv,
 * net_arr_change in currency units); the SQL lists the columns in the
 * same order.
 */
static const struct dbx_col account_cols[] = {
	{ "id",			DBX_INT,	0 },
	{ "sfid",		DBX_TEXT,	1 },
	{ "name",		DBX_TEXT,	0 },
	{ "tam",		DBX_TEXT,	1 },
	{ "sal",		DBX_TEXT,	1 },
	{ "sa",			DBX_TEXT,	1 },
	{ "rsd",		DBX_TEXT,	1 },
	{ "tam_manager",	DBX_TEXT,	1 },
	{ "acv",		DBX_MONEY,	1 },
	{ "currency",		DBX_TEXT,	0 },
	{ "renewal_date",	DBX_DATE,	1 },
	{ "health_score",	DBX_INT,	1 },
	{ "sentiment",		DBX_TEXT,	1 },
	{ "requires_triage",	DBX_BOOL,	0 },
	{ "lifecycle_stage",	DBX_TEXT,	1 },
	{ "upsell",		DBX_BOOL,	0 },
	{ "region",		DBX_TEXT,	1 },
	{ "segment",		DBX_TEXT,	1 },
	{ "objectives",		DBX_TEXT,	1 },
	{ "licenses",		DBX_INT,	1 },
	{ "active_users",	DBX_INT,	1 },
	{ "archived",		DBX_BOOL,	0 },
	{ "created_at",		DBX_TIME,	0 },
	{ "updated_at",		DBX_TIME,	0 },
};

static const struct dbx_col cta_cols[] = {
	{ "id",			DBX_INT,	0 },
	{ "account_id",		DBX_INT,	0 },
	{ "kind",		DBX_TEXT,	0 },
	{ "title",		DBX_TEXT,	0 },
	{ "playbook",		DBX_TEXT,	0 },
	{ "status",		DBX_TEXT,	0 },
	{ "risk_type",		DBX_TEXT,	1 },
	{ "risk_reason",	DBX_TEXT,	1 },
	{ "opened_at",		DBX_TIME,	0 },
	{ "opened_by",		DBX_TEXT,	0 },
	{ "renewal_date",	DBX_DATE,	1 },
	{ "closed_at",		DBX_TIME,	1 },
	{ "outcome_note",	DBX_TEXT,	1 },
	{ "net_arr_change",	DBX_MONEY,	1 },
};

static const struct dbx_col task_cols[] = {
	{ "id",			DBX_INT,	0 },
	{ "account_id",		DBX_INT,	0 },
	{ "cta_id",		DBX_INT,	1 },
	{ "kind",		DBX_TEXT,	0 },
	{ "title",		DBX_TEXT,	0 },
	{ "due",		DBX_DATE,	0 },
	{ "status",		DBX_TEXT,	0 },
	{ "done_at",		DBX_TIME,	1 },
	{ "note",		DBX_TEXT,	1 },
	{ "created_at",		DBX_TIME,	0 },
};

static const struct dbx_col timeline_cols[] = {
	{ "id",			DBX_INT,	0 },
	{ "account_id",		DBX_INT,	0 },
	{ "at",			DBX_TIME,	0 },
	{ "type",		DBX_TEXT,	0 },
	{ "author",		DBX_TEXT,	0 },
	{ "sentiment",		DBX_TEXT,	1 },
	{ "requires_triage",	DBX_BOOL,	0 },
	{ "body",		DBX_TEXT,	1 },
};

static const struct dbx_col health_cols[] = {
	{ "id",			DBX_INT,	0 },
	{ "account_id",		DBX_INT,	0 },
	{ "date",		DBX_DATE,	0 },
	{ "health_score",	DBX_INT,	0 },
};

static const struct dbx_col import_cols[] = {
	{ "id",			DBX_INT,	0 },
	{ "at",			DBX_TIME,	0 },
	{ "source",		DBX_TEXT,	0 },
	{ "rows_read",		DBX_INT,	0 },
	{ "inserted",		DBX_INT,	0 },
	{ "updated",		DBX_INT,	0 },
	{ "unchanged",		DBX_INT,	0 },
	{ "rejected",		DBX_INT,	0 },
};

static const struct dbx_col setting_cols[] = {
	{ "key",		DBX_TEXT,	0 },
	{ "value",		DBX_TEXT,	0 },
};

static const struct dbx_col revision_cols[] = {
	{ "task_id",		DBX_INT,	0 },
	{ "revision",		DBX_INT,	0 },
};

static const struct dbx_col uid_cols[] = {
	{ "uid",		DBX_TEXT,	0 },
};

#define ACCOUNT_COLUMNS "id, sfid, name, tam, sal, sa, rsd, tam_manager, " \
	"acv_cents, currency, renewal_date, health_score, sentiment, " \
	"requires_triage, lifecycle_stage, upsell, region, segment, " \
	"objectives, licenses, active_users, archived, created_at, updated_at"
#define CTA_COLUMNS "id, account_id, kind, title, playbook, status, " \
	"risk_type, risk_reason, opened_at, opened_by, renewal_date, " \
	"closed_at, outcome_note, net_arr_change_cents"
#define TASK_COLUMNS "id, account_id, cta_id, kind, title, due, status, " \
	"done_at, note, created_at"
#define TIMELINE_COLUMNS "id, account_id, at, type, author, sentiment, " \
	"requires_triage, body"
#define HEALTH_COLUMNS "id, account_id, date, health_score"
#define IMPORT_COLUMNS "id, at, source, rows_read, inserted, updated, " \
	"unchanged, rejected"

const struct dbx_table dbx_tables[] = {
	{ "accounts", account_cols, N(account_cols),
	    "SELECT " ACCOUNT_COLUMNS " FROM account ORDER BY id",
	    "INSERT INTO account (" ACCOUNT_COLUMNS ", name_fold, tam_fold) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
	    "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, "
	    "?26)", 1 },
	{ "ctas", cta_cols, N(cta_cols),
	    "SELECT " CTA_COLUMNS " FROM cta ORDER BY id",
	    "INSERT INTO cta (" CTA_COLUMNS ", tam_fold) VALUES (?1, ?2, ?3, "
	    "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
	    ACCOUNT_TAM_FOLD("?2") ")", 1 },
	{ "tasks", task_cols, N(task_cols),
	    "SELECT " TASK_COLUMNS " FROM task ORDER BY id",
	    "INSERT INTO task (" TASK_COLUMNS ", tam_fold) VALUES (?1, ?2, ?3, "
	    "?4, ?5, ?6, ?7, ?8, ?9, ?10, " ACCOUNT_TAM_FOLD("?2") ")", 1 },
	{ "timeline", timeline_cols, N(timeline_cols),
	    "SELECT " TIMELINE_COLUMNS " FROM timeline ORDER BY id",
	    "INSERT INTO timeline (" TIMELINE_COLUMNS ") VALUES (?1, ?2, ?3, "
	    "?4, ?5, ?6, ?7, ?8)", 1 },
	{ "health_history", health_cols, N(health_cols),
	    "SELECT " HEALTH_COLUMNS " FROM health_history ORDER BY id",
	    "INSERT INTO health_history (" HEALTH_COLUMNS ") VALUES (?1, ?2, "
	    "?3, ?4)", 1 },
	{ "import_runs", import_cols, N(import_cols),
	    "SELECT " IMPORT_COLUMNS " FROM import_run ORDER BY id",
	    "INSERT INTO import_run (" IMPORT_COLUMNS ") VALUES (?1, ?2, ?3, "
	    "?4, ?5, ?6, ?7, ?8)", 1 },
	{ "settings", setting_cols, N(setting_cols),
	    "SELECT key, value FROM setting ORDER BY key",
	    "INSERT INTO setting (key, value) VALUES (?1, ?2)", 1 },
	{ "task_revisions", revision_cols, N(revision_cols),
	    "SELECT task_id, revision FROM task_revision ORDER BY task_id",
	    "INSERT INTO task_revision (task_id, revision) VALUES (?1, ?2)",
	    2 },
	/*
	 * A new database made its own identifier: the book's replaces it
	 * (cmd-restore.c lets one row of it through).
	 */
	{ "database_uid", uid_cols, N(uid_cols),
	    "SELECT uid FROM database_uid ORDER BY id",
	    "INSERT INTO database_uid (id, uid) VALUES (1, ?1) "
	    "ON CONFLICT (id) DO UPDATE SET uid = excluded.uid", 2 },
	{ NULL, NULL, 0, NULL, NULL, 0 }
};

/* Names the row by its first column (the id, or the setting's key). */
static char *
row_name(struct dbstmt *st)
{
	const char	*s = dbi_col_text(st, 0);

	return xstrdup(s != NULL ? s : "?");
}

static int
read_value(struct dbstmt *st, const struct dbx_table *t, int i,
    struct dbx_value *v, char **err)
{
	enum dbt type = dbi_col_type(st, i);
	int	 want_int;
	char	*row;

	memset(v, 0, sizeof *v);
	if (type == DBT_NULL) {
		v->null = 1;
		return 0;
	}
	want_int = t->cols[i].type == DBX_INT || t->cols[i].type == DBX_BOOL ||
	    t->cols[i].type == DBX_MONEY;
	if (want_int && type == DBT_INT) {
		v->i = dbi_col_i64(st, i);
		return 0;
	}
	if (!want_int && type == DBT_TEXT) {
		v->s = dbi_col_text(st, i);
		return 0;
	}
	/* Only a hand-edited file gets here: say where, change nothing. */
	row = row_name(st);
	*err = xasprintf("%s %s: '%s' holds a value of the wrong type; fix it "
	    "with sqlite3 before exporting", t->key, row, t->cols[i].key);
	free(row);
	return -1;
}

struct export_walk {
	const struct dbx_table	*t;
	struct dbx_value	*v;
	int			(*fn)(void *, const struct dbx_value *);
	void			*arg;
	char			**err;
};

static int
row_export(void *arg, struct dbstmt *st)
{
	struct export_walk	*w = arg;
	int			 i;

	for (i = 0; i < w->t->ncols; i++)
		if (read_value(st, w->t, i, &w->v[i], w->err) != 0)
			return -1;
	return w->fn(w->arg, w->v);
}

int
db_export_each(struct tam_db *db, const struct dbx_table *t,
    int (*fn)(void *, const struct dbx_value *), void *arg, char **err)
{
	struct dbstmt		*st;
	struct export_walk	 w = { t, NULL, fn, arg, err };
	int			 rc;

	st = dbi_stmt(db, t->select_sql, err);
	w.v = xcalloc((size_t)t->ncols, sizeof *w.v);
	rc = dbi_each(db, st, row_export, &w, err);
	free(w.v);
	return rc;
}

static void
bind_fold(struct dbstmt *st, int i, const char *s)
{
	char	*f = text_fold(s);

	dbi_text_at(st, i, f);
	free(f);
}

int
db_restore_row(struct tam_db *db, const struct dbx_table *t,
    const struct dbx_value *v, char **err)
{
	struct dbstmt	*st;
	int		 i;

	st = dbi_stmt(db, t->insert_sql, err);
	for (i = 0; i < t->ncols; i++) {
		if (v[i].null)
			dbi_null_at(st, i + 1);
		else if (v[i].s != NULL)
			dbi_text_at(st, i + 1, v[i].s);
		else
			dbi_int_at(st, i + 1, v[i].i);
	}
	/* The folded copies of name (?3) and tam (?4), see text.h. */
	if (strcmp(t->key, "accounts") == 0)
		for (i = 2; i <= 3; i++)
			if (v[i].s != NULL)
				bind_fold(st, t->ncols + i - 1, v[i].s);
	return dbi_done(db, st, err);
}

int
db_is_empty(struct tam_db *db, int *empty, char **err)
{
	static const char sql[] =
	    "SELECT (SELECT count(*) FROM account) + "
	    "(SELECT count(*) FROM timeline) + "
	    "(SELECT count(*) FROM health_history) + "
	    "(SELECT count(*) FROM cta) + (SELECT count(*) FROM task) + "
	    "(SELECT count(*) FROM import_run) + "
	    "(SELECT count(*) FROM setting)";
	struct dbstmt	*st;
	int64_t		 n = 0;

	st = dbi_stmt(db, sql, err);
	/* A sum of counts always has its row. */
	if (dbi_one_int(db, st, &n, err) < 0)
		return -1;
	*empty = n == 0;
	return 0;
}
