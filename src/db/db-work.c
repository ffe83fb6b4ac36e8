/* db-work.c: SQL of CTAs and tasks, the work tam plans. */
#include <stddef.h>
#include <stdio.h>
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

#define CTA(kind, member)	DBI_COL(kind, struct cta, member)
#define TASK(kind, member)	DBI_COL(kind, struct task, member)

/* The columns of CTA_COLS and DBI_TASK_COLS, in their order. */
static const struct dbi_col cta_cols[] = {
	CTA(DBI_I64, id),
	CTA(DBI_I64, account_id),
	CTA(DBI_TEXT, account),
	CTA(DBI_TEXT, kind),
	CTA(DBI_TEXT, title),
	CTA(DBI_TEXT, playbook),
	CTA(DBI_TEXT, status),
	CTA(DBI_TEXT, risk_type),
	CTA(DBI_TEXT, risk_reason),
	CTA(DBI_TEXT, opened_at),
	CTA(DBI_TEXT, opened_by),
	CTA(DBI_DATE, renewal_date),
	CTA(DBI_TEXT, closed_at),
	CTA(DBI_TEXT, outcome_note),
	CTA(DBI_SET, has_net_arr),
	CTA(DBI_I64, net_arr_cents),
	CTA(DBI_TEXT, currency),
}, task_cols[] = {
	TASK(DBI_I64, id),
	TASK(DBI_I64, account_id),
	TASK(DBI_TEXT, account),
	TASK(DBI_ID, cta_id),
	TASK(DBI_TEXT, kind),
	TASK(DBI_TEXT, title),
	TASK(DBI_DATE, due),
	TASK(DBI_TEXT, status),
	TASK(DBI_TEXT, done_at),
	TASK(DBI_TEXT, note),
	TASK(DBI_TEXT, created_at),
};
#undef CTA
#undef TASK

/* Points c at the columns of the current row (valid until next step). */
static void
read_cta(struct dbstmt *st, int i, struct cta *c)
{
	dbi_read_cols(st, i, c, cta_cols, nitems(cta_cols));
}

void
dbi_read_task(struct dbstmt *st, int i, struct task *t)
{
	dbi_read_cols(st, i, t, task_cols, nitems(task_cols));
}

/* A get leaves its row current: its strings stay valid until next use. */
DBI_FIRST(first_cta, struct cta, read_cta)
DBI_FIRST(first_task, struct task, dbi_read_task)
DBI_WALK(walk_ctas, struct cta, read_cta)
DBI_WALK(walk_tasks, struct task, dbi_read_task)

/*
 * What a new CTA and a new task bind alike: the account, kind, title
 * and status, "open" unless given.
 */
static void
bind_work(struct dbstmt *st, int64_t account_id, const char *kind,
    const char *title, const char *status)
{
	dbi_int(st, ":account", account_id);
	dbi_text(st, ":kind", kind);
	dbi_text(st, ":title", title);
	dbi_text(st, ":status", status ? status : "open");
}

void
dbi_bind_risk(struct dbstmt *st, const char *type, const char *reason)
{
	dbi_text(st, ":type", type);
	dbi_text(st, ":reason", reason);
}

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

	bind_work(st, c->account_id, c->kind, c->title, c->status);
	dbi_text(st, ":playbook", c->playbook);
	dbi_bind_risk(st, c->risk_type, c->risk_reason);
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

	bind_work(st, t->account_id, t->kind, t->title, t->status);
	dbi_opt_int(st, ":cta", t->cta_id != 0, t->cta_id);
	dbi_date(st, ":due", t->due);
	dbi_text(st, ":note", t->note);
	dbi_text(st, ":created", t->created_at);
	return dbi_insert(db, st, &t->id, err);
}

void
dbi_bind_close(struct dbstmt *st, const char *status, const char *at)
{
	dbi_text(st, ":status", status);
	dbi_text(st, ":at", at);
}

/*
 * The UPDATE sql that closes open task or CTA id as status at the
 * timestamp at with note, its values bound.
 */
static struct dbstmt *
close_stmt(struct tam_db *db, const char *sql, int64_t id,
    const char *status, const char *at, const char *note, char **err)
{
	struct dbstmt	*st = dbi_stmt_id(db, sql, id, err);

	dbi_bind_close(st, status, at);
	dbi_text(st, ":note", note);
	return st;
}

int
db_task_close(struct tam_db *db, int64_t id, const char *status,
    const char *at, const char *note, char **err)
{
	static const char sql[] =
	    "UPDATE task SET status = :status, done_at = :at, "
	    "note = coalesce(:note, note) WHERE id = :id AND status = 'open'";

	return dbi_done_one(db, close_stmt(db, sql, id, status, at, note,
	    err), err);
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

/* Within one account or CTA a TAM's OR costs nothing. */
#define ONE_TAM "AND (:tam_fold IS NULL OR a.tam_fold = :tam_fold)"
/*
 * The two filters CTAs and tasks (alias x) share: open rows only, one
 * kind; each_open_kind binds them.
 */
#define OPEN_KIND(x) \
	"AND (:open = 0 OR " x ".status = 'open') " \
	"AND (:kind IS NULL OR " x ".kind = :kind) "

static void
each_open_kind(struct dbstmt *st, int open_only, const char *kind)
{
	dbi_int(st, ":open", open_only);
	dbi_text(st, ":kind", kind);
}

int
db_cta_each(struct tam_db *db, const struct cta_filter *f,
    int (*fn)(void *, const struct cta *), void *arg, char **err)
{
	/*
	 * One account's CTAs have their own statement: SQLite cannot use
	 * an index for "(:account = 0 OR c.account_id = :account)", and a
	 * scan of every CTA per account made sync quadratic (SPEC §10).
	 * A TAM's CTAs likewise: a search of account_by_tam (TAM_FILTER).
	 */
#define SQL(W) \
	    CTA_SELECT "WHERE " W " " OPEN_KIND("c") "ORDER BY c.id"
	static const char all[] = SQL(ANY_TAM), tam[] = SQL(TAM_FILTER),
	    account[] = SQL("c.account_id = :account " ONE_TAM);
#undef SQL
	struct dbstmt	*st;

	st = dbi_stmt(db, f->account_id != 0 ? account : f->tam != NULL ?
	    tam : all, err);
	/* Only the statement chosen for them has :account and :tam_fold. */
	if (f->account_id != 0)
		dbi_int(st, ":account", f->account_id);
	each_open_kind(st, f->open_only, f->kind);
	dbi_tam(st, f->tam);
	return walk_ctas(db, st, fn, arg, err);
}

int
db_task_each(struct tam_db *db, const struct task_filter *f,
    int (*fn)(void *, const struct task *), void *arg, char **err)
{
	/* As in db_cta_each: a statement per filter, so indexes serve. */
#define SQL(W) \
	    TASK_SELECT "WHERE " W " " \
	    "AND (:account = 0 OR t.account_id = :account) " \
	    "AND (:cta = 0 OR t.cta_id = :cta) " OPEN_KIND("t") \
	    "ORDER BY t.due, t.id"
	static const char all[] = SQL(ANY_TAM), tam[] = SQL(TAM_FILTER),
	    account[] = SQL("t.account_id = :account " ONE_TAM),
	    cta[] = SQL("t.cta_id = :cta " ONE_TAM);
#undef SQL
	struct dbstmt	*st;

	st = dbi_stmt(db, f->cta_id != 0 ? cta : f->account_id != 0 ?
	    account : f->tam != NULL ? tam : all, err);
	dbi_int(st, ":account", f->account_id);
	dbi_int(st, ":cta", f->cta_id);
	each_open_kind(st, f->open_only, f->kind);
	/* all has no :tam_fold; in the others NULL means any TAM. */
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

	st = close_stmt(db, close_cta, id, status, at, note, err);
	dbi_opt_int(st, ":net", has_net_arr, net_arr_cents);
	if ((rc = dbi_done_one(db, st, err)) != 0)
		return rc;
	st = dbi_stmt_id(db, close_tasks, id, err);
	dbi_bind_close(st, task_status ? task_status : "cancelled", at);
	return dbi_done(db, st, err);
}
