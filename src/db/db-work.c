/* db-work.c: SQL of CTAs and tasks, the work tam plans. */
#include <stdlib.h>
#include <string.h>

#include "tam/date.h"
#include "db-internal.h"

#define CTA_COLS \
	"c.id, c.account_id, a.name, c.kind, c.title, c.playbook, c.status, " \
	"c.risk_type, c.risk_reason, c.opened_at, c.opened_by, " \
	"c.renewal_date, c.closed_at, c.outcome_note, " \
	"c.net_arr_change_cents, a.currency"

/* Every read of CTAs or tasks: the row and the name of its account. */
#define CTA_SELECT \
	"SELECT " CTA_COLS " FROM cta c JOIN account a " \
	"ON a.id = c.account_id "
#define TASK_SELECT \
	"SELECT " DBI_TASK_COLS " FROM task t JOIN account a " \
	"ON a.id = t.account_id "

/* Points c at the columns of the current row (valid until next step). */
static void
read_cta(struct dbstmt *st, int i, struct cta *c)
{
	c->id = dbi_col_i64(st, i);
	c->account_id = dbi_col_i64(st, i + 1);
	c->account = dbi_col_text(st, i + 2);
	c->kind = dbi_col_text(st, i + 3);
	c->title = dbi_col_text(st, i + 4);
	c->playbook = dbi_col_text(st, i + 5);
	c->status = dbi_col_text(st, i + 6);
	c->risk_type = dbi_col_text(st, i + 7);
	c->risk_reason = dbi_col_text(st, i + 8);
	c->opened_at = dbi_col_text(st, i + 9);
	c->opened_by = dbi_col_text(st, i + 10);
	c->renewal_date = dbi_col_date(st, i + 11);
	c->closed_at = dbi_col_text(st, i + 12);
	c->outcome_note = dbi_col_text(st, i + 13);
	c->has_net_arr = !dbi_col_null(st, i + 14);
	c->net_arr_cents = dbi_col_i64(st, i + 14);
	c->currency = dbi_col_text(st, i + 15);
}

void
dbi_read_task(struct dbstmt *st, int i, struct task *t)
{
	t->id = dbi_col_i64(st, i);
	t->account_id = dbi_col_i64(st, i + 1);
	t->account = dbi_col_text(st, i + 2);
	t->cta_id = dbi_col_int(st, i + 3, 0);
	t->kind = dbi_col_text(st, i + 4);
	t->title = dbi_col_text(st, i + 5);
	t->due = dbi_col_date(st, i + 6);
	t->status = dbi_col_text(st, i + 7);
	t->done_at = dbi_col_text(st, i + 8);
	t->note = dbi_col_text(st, i + 9);
	t->created_at = dbi_col_text(st, i + 10);
}

/* A get leaves its row current: its strings stay valid until next use. */
DBI_FIRST(first_cta, struct cta, read_cta)
DBI_FIRST(first_task, struct task, dbi_read_task)
DBI_WALK(walk_ctas, struct cta, read_cta)
DBI_WALK(walk_tasks, struct task, dbi_read_task)

int
db_cta_insert(struct tam_db *db, struct cta *c, char **err)
{
	static const char sql[] =
	    "INSERT INTO cta (id, account_id, kind, title, playbook, status, "
	    "risk_type, risk_reason, opened_at, opened_by, renewal_date, "
	    "tam_fold) VALUES (" NEXT_ID("cta") ":account, :kind, :title, "
	    ":playbook, :status, :type, :reason, :at, :by, :renewal, "
	    ACCOUNT_TAM_FOLD(":account") ") RETURNING id";
	struct dbstmt	*st = dbi_stmt(db, sql, err);

	dbi_int(st, ":account", c->account_id);
	dbi_text(st, ":kind", c->kind);
	dbi_text(st, ":title", c->title);
	dbi_text(st, ":playbook", c->playbook);
	dbi_text(st, ":status", c->status ? c->status : "open");
	dbi_text(st, ":type", c->risk_type);
	dbi_text(st, ":reason", c->risk_reason);
	dbi_text(st, ":at", c->opened_at);
	dbi_text(st, ":by", c->opened_by);
	dbi_date(st, ":renewal", c->renewal_date);
	return dbi_insert(db, st, &c->id, err);
}

int
db_task_insert(struct tam_db *db, struct task *t, char **err)
{
	static const char sql[] =
	    "INSERT INTO task (id, account_id, cta_id, kind, title, due, "
	    "status, note, created_at, tam_fold) VALUES (" NEXT_ID("task")
	    ":account, :cta, :kind, :title, :due, :status, :note, :created, "
	    ACCOUNT_TAM_FOLD(":account") ") RETURNING id";
	struct dbstmt	*st = dbi_stmt(db, sql, err);

	dbi_int(st, ":account", t->account_id);
	dbi_opt_int(st, ":cta", t->cta_id != 0, t->cta_id);
	dbi_text(st, ":kind", t->kind);
	dbi_text(st, ":title", t->title);
	dbi_date(st, ":due", t->due);
	dbi_text(st, ":status", t->status ? t->status : "open");
	dbi_text(st, ":note", t->note);
	dbi_text(st, ":created", t->created_at);
	return dbi_insert(db, st, &t->id, err);
}

int
db_task_close(struct tam_db *db, int64_t id, const char *status,
    const char *at, const char *note, char **err)
{
	static const char sql[] =
	    "UPDATE task SET status = :status, done_at = :at, "
	    "note = coalesce(:note, note) WHERE id = :id AND status = 'open'";
	struct dbstmt	*st = dbi_stmt_id(db, sql, id, err);

	dbi_text(st, ":status", status);
	dbi_text(st, ":at", at);
	dbi_text(st, ":note", note);
	return dbi_done_one(db, st, err);
}

int
db_task_get(struct tam_db *db, int64_t id, struct task *t, char **err)
{
	static const char sql[] =
	    TASK_SELECT "WHERE t.id = :id";

	return first_task(db, dbi_stmt_id(db, sql, id, err), t, err);
}

int
db_cta_get(struct tam_db *db, int64_t id, struct cta *c, char **err)
{
	static const char sql[] =
	    CTA_SELECT "WHERE c.id = :id";

	return first_cta(db, dbi_stmt_id(db, sql, id, err), c, err);
}

int
db_cta_each(struct tam_db *db, const struct cta_filter *f,
    int (*fn)(void *, const struct cta *), void *arg, char **err)
{
	/*
	 * One account's CTAs have their own statement: SQLite cannot use
	 * an index for "(:account = 0 OR c.account_id = :account)", and a
	 * scan of every CTA per account made sync quadratic (SPEC §10).
	 */
	/*
	 * A TAM's CTAs likewise: a search of account_by_tam.  Within one
	 * account the OR costs nothing (account_id drives the search).
	 */
#define CTA_EACH_WHERE \
	    "AND (:open = 0 OR c.status = 'open') " \
	    "AND (:kind IS NULL OR c.kind = :kind) " \
	    "ORDER BY c.id"
	static const char sql_all[] =
	    CTA_SELECT "WHERE TRUE " CTA_EACH_WHERE;
	static const char sql_tam[] =
	    CTA_SELECT "WHERE a.tam_fold = :tam_fold "
	    CTA_EACH_WHERE;
	static const char sql_account[] =
	    CTA_SELECT "WHERE c.account_id = :account "
	    "AND (:tam_fold IS NULL OR a.tam_fold = :tam_fold) "
	    CTA_EACH_WHERE;
#undef CTA_EACH_WHERE
	struct dbstmt	*st;

	st = dbi_stmt(db, f->account_id != 0 ? sql_account : f->tam != NULL ?
	    sql_tam : sql_all, err);
	/* Only the statement chosen for them has :account and :tam_fold. */
	if (f->account_id != 0)
		dbi_int(st, ":account", f->account_id);
	dbi_int(st, ":open", f->open_only);
	dbi_text(st, ":kind", f->kind);
	dbi_tam(st, f->tam);
	return walk_ctas(db, st, fn, arg, err);
}

int
db_task_each(struct tam_db *db, const struct task_filter *f,
    int (*fn)(void *, const struct task *), void *arg, char **err)
{
	/* As in db_cta_each: a statement per filter, so indexes serve. */
#define TASK_EACH_WHERE \
	    "AND (:account = 0 OR t.account_id = :account) " \
	    "AND (:cta = 0 OR t.cta_id = :cta) " \
	    "AND (:open = 0 OR t.status = 'open') " \
	    "AND (:kind IS NULL OR t.kind = :kind) " \
	    "ORDER BY t.due, t.id"
	/* Within one account or CTA the OR costs nothing. */
#define ONE_TAM "AND (:tam_fold IS NULL OR a.tam_fold = :tam_fold) "
	static const char sql_all[] =
	    TASK_SELECT "WHERE TRUE " TASK_EACH_WHERE;
	static const char sql_tam[] =
	    TASK_SELECT "WHERE a.tam_fold = :tam_fold "
	    TASK_EACH_WHERE;
	static const char sql_account[] =
	    TASK_SELECT "WHERE t.account_id = :account " ONE_TAM
	    TASK_EACH_WHERE;
	static const char sql_cta[] =
	    TASK_SELECT "WHERE t.cta_id = :cta " ONE_TAM
	    TASK_EACH_WHERE;
#undef TASK_EACH_WHERE
#undef ONE_TAM
	struct dbstmt	*st;

	st = dbi_stmt(db, f->cta_id != 0 ? sql_cta : f->account_id != 0 ?
	    sql_account : f->tam != NULL ? sql_tam : sql_all, err);
	dbi_int(st, ":account", f->account_id);
	dbi_int(st, ":cta", f->cta_id);
	dbi_int(st, ":open", f->open_only);
	dbi_text(st, ":kind", f->kind);
	/* sql_all has no :tam_fold; in the others NULL means any TAM. */
	dbi_tam(st, f->tam);
	return walk_tasks(db, st, fn, arg, err);
}

int
db_cta_close(struct tam_db *db, int64_t id, const char *status,
    const char *at, const char *note, int has_net_arr, int64_t net_arr_cents,
    const char *task_status, char **err)
{
	static const char close_cta[] =
	    "UPDATE cta SET status = :status, closed_at = :at, "
	    "outcome_note = :note, net_arr_change_cents = :net "
	    "WHERE id = :id AND status = 'open'";
	static const char close_tasks[] =
	    "UPDATE task SET status = :status, done_at = :at "
	    "WHERE cta_id = :id AND status = 'open'";
	struct dbstmt	*st;
	int		 rc;

	st = dbi_stmt_id(db, close_cta, id, err);
	dbi_text(st, ":status", status);
	dbi_text(st, ":at", at);
	dbi_text(st, ":note", note);
	dbi_opt_int(st, ":net", has_net_arr, net_arr_cents);
	if ((rc = dbi_done_one(db, st, err)) != 0)
		return rc;
	st = dbi_stmt_id(db, close_tasks, id, err);
	dbi_text(st, ":status", task_status ? task_status : "cancelled");
	dbi_text(st, ":at", at);
	return dbi_done(db, st, err);
}
