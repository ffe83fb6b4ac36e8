/*
 * db-sched.c: SQL of sync and `tam due`.  Every query is set-based and
 * driven by an index (sql/0002-sched.sql; checked with EXPLAIN QUERY
 * PLAN): the date rules stay in C, the caller passes the bounds.
 */
#include <stdlib.h>
#include <string.h>

#include "tam/date.h"
#include "tam/db-sched.h"
#include "db-internal.h"

/* The account columns every row carries, read by read_account(). */
#define ACCOUNT_COLS \
	"a.id, a.name, a.sfid, a.tam, a.sal, a.sa, a.rsd, a.tam_manager, " \
	"a.upsell, a.acv_cents, a.renewal_date, a.sentiment, " \
	"a.requires_triage, a.currency"
#define NACCOUNT_COLS 14

#define AT_RISK "(a.sentiment = 'red' OR a.requires_triage = 1)"

/*
 * One TAM's CTAs and tasks of the account a, through cta_by_tam and
 * task_by_tam (sql/0007-tam-pages.sql): each account's entries follow
 * the last one's, where a probe by the account's id alone lands on a
 * page of its own.
 */
#define CTA_OF_TAM	"c.tam_fold = a.tam_fold AND "
/*
 * The tasks of a CTA c, the same way.  Said of c, not of its account:
 * SQLite tests the condition before it looks the account up, and most
 * CTAs it drops need no account at all.
 */
#define TASK_OF_TAM \
	"t.tam_fold = c.tam_fold AND t.account_id = c.account_id AND "

/*
 * From one TAM's CTAs or tasks (cta_open_by_tam, task_by_tam) to their
 * accounts, the other way: account_by_tam holds every column read of
 * an account, next to the TAM's other accounts, where SQLite's choice,
 * the table by rowid, is a page of the book for each.  INDEXED BY is
 * SQLite's; the PostgreSQL engine drops it and plans for itself.
 */
#define TAM_ACCOUNT	"account a INDEXED BY account_by_tam"
/*
 * One TAM's accounts by renewal date (account_renewal_by_tam, partial:
 * not archived), for the statements that ask for a range of dates.
 */
#define TAM_RENEWALS	"account a INDEXED BY account_renewal_by_tam"
#define ACCOUNT_OF_TAM(x) "a.tam_fold = " x ".tam_fold AND a.id = " x \
	".account_id"

#define ACCOUNT(kind, member) DBI_COL(kind, struct due_account, member)

/* The columns of ACCOUNT_COLS, in their order (has_acv: acv_cents set). */
static const struct dbi_col account_cols[NACCOUNT_COLS + 1] = {
	ACCOUNT(DBI_I64, id),
	ACCOUNT(DBI_TEXT, name),
	ACCOUNT(DBI_TEXT, sfid),
	ACCOUNT(DBI_TEXT, tam),
	ACCOUNT(DBI_TEXT, sal),
	ACCOUNT(DBI_TEXT, sa),
	ACCOUNT(DBI_TEXT, rsd),
	ACCOUNT(DBI_TEXT, tam_manager),
	ACCOUNT(DBI_I32, upsell),
	ACCOUNT(DBI_SET, has_acv),
	ACCOUNT(DBI_I64, acv_cents),
	ACCOUNT(DBI_DATE, renewal_date),
	ACCOUNT(DBI_TEXT, sentiment),
	ACCOUNT(DBI_I32, requires_triage),
	ACCOUNT(DBI_TEXT, currency),
};

static void
read_account(struct dbstmt *st, int i, struct due_account *a)
{
	dbi_read_cols(st, i, a, account_cols, nitems(account_cols));
}

/* Rows of (CTA id, title, account...). */
static void
read_cta(struct dbstmt *st, int i, struct due_cta *c)
{
	c->id = dbi_col_i64(st, i);
	c->title = dbi_col_text(st, i + 1);
	read_account(st, i + 2, &c->a);
	/* An extra column: the instant a cadence counts from. */
	c->since = dbi_ncols(st) > i + 2 + NACCOUNT_COLS ?
	    dbi_col_text(st, i + 2 + NACCOUNT_COLS) : NULL;
}

/* Rows of (task id, CTA id, kind, title, due, account...). */
static void
read_task(struct dbstmt *st, int i, struct due_task *t)
{
	t->id = dbi_col_i64(st, i);
	t->cta_id = dbi_col_int(st, i + 1, 0);
	t->kind = dbi_col_text(st, i + 2);
	t->title = dbi_col_text(st, i + 3);
	t->due = dbi_col_date(st, i + 4);
	read_account(st, i + 5, &t->a);
}

DBI_WALK(walk_accounts, struct due_account, read_account)
DBI_WALK(walk_ctas, struct due_cta, read_cta)
DBI_WALK(walk_tasks, struct due_task, read_task)

int
db_sched_unplanned(struct tam_db *db, const char *tam, int from, int to,
    due_account_fn fn, void *arg, char **err)
{
	/*
	 * account_by_renewal (one TAM: account_renewal_by_tam), then two
	 * probes of cta_by_account (cta_by_tam).
	 */
#define SQL(FROM, TAM, CTA) \
	    "SELECT " ACCOUNT_COLS " FROM " FROM " " \
	    "WHERE a.archived = 0 AND a.renewal_date BETWEEN :from AND :to " \
	    "AND " TAM " AND NOT EXISTS (SELECT 1 FROM cta c " \
	    "WHERE " CTA "c.account_id = a.id " \
	    "AND c.kind = 'renewal' AND c.renewal_date = a.renewal_date " \
	    "AND c.status <> 'cancelled') " \
	    "AND NOT EXISTS (SELECT 1 FROM cta c WHERE " CTA \
	    "c.account_id = a.id AND c.kind = 'renewal' " \
	    "AND c.status = 'open') ORDER BY a.renewal_date, a.id"
	static const char any[] = SQL("account a", ANY_TAM, ""),
	    one[] = SQL(TAM_RENEWALS, TAM_FILTER, CTA_OF_TAM);
#undef SQL
	struct dbstmt	*st = dbi_tam_stmt(db, tam, any, one, err);

	dbi_date(st, ":from", from);
	dbi_date(st, ":to", to);
	return walk_accounts(db, st, fn, arg, err);
}

int
db_sched_renewal_state(struct tam_db *db, int64_t id, int r, int *archived,
    int *planned, char **err)
{
	static const char sql[] =
	    "SELECT a.archived, EXISTS (SELECT 1 FROM cta c "
	    "WHERE c.account_id = a.id AND c.kind = 'renewal' "
	    "AND c.renewal_date = :r AND c.status <> 'cancelled') "
	    "FROM account a WHERE a.id = :id";
	struct dbstmt	*st;
	int		 rc;

	st = dbi_stmt_id(db, sql, id, err);
	dbi_date(st, ":r", r);
	if ((rc = dbi_first(db, st, err)) != 0)
		return rc;
	*archived = dbi_col_i32(st, 0);
	*planned = dbi_col_i32(st, 1);
	/* In an import, the row the batch holds is the account as it is. */
	if (db->stage != NULL)
		(void)dbi_stage_archived(db, id, archived);
	return dbi_stop(st, 0);
}

int
db_sched_risk_missing(struct tam_db *db, const char *tam, due_account_fn fn,
    void *arg, char **err)
{
	/*
	 * account_at_risk (partial), then a probe of cta_one_open.  A risk
	 * CTA concluded (won or lost) since the sentiment was last set
	 * also counts: an account lost to churn stays red, and must not
	 * get a new At-Risk CTA the next morning unless the TAM flags it
	 * again (a newer sentiment or Risk Update post, the account's
	 * sentiment_posted_at).  One TAM: account_at_risk_by_tam (partial,
	 * sql/0009-sentiment-posted.sql), which answers all but the columns
	 * of the rows found; account_by_tam would hold them all, and be
	 * read through for every account of the TAM.
	 */
#define SQL(FROM, TAM, CTA) \
	    "SELECT " ACCOUNT_COLS " FROM " FROM " " \
	    "WHERE a.archived = 0 AND " AT_RISK " AND " TAM " " \
	    "AND NOT EXISTS (SELECT 1 FROM cta c WHERE " CTA \
	    "c.account_id = a.id AND c.kind = 'risk' AND (c.status = 'open' " \
	    "OR (c.status IN ('closed_won', 'closed_lost') AND " \
	    "c.closed_at >= a.sentiment_posted_at))) ORDER BY a.id"
	static const char any[] = SQL("account a", ANY_TAM, ""),
	    one[] = SQL("account a INDEXED BY account_at_risk_by_tam",
	    TAM_FILTER, CTA_OF_TAM);
#undef SQL

	return walk_accounts(db, dbi_tam_stmt(db, tam, any, one, err), fn,
	    arg, err);
}

/*
 * One TAM's open CTAs of a kind are one range of cta_open_by_tam, each
 * with its account from account_by_tam (TAM_ACCOUNT); the book's come
 * from cta_by_status.  CROSS JOIN keeps that order on SQLite.  The
 * join's condition is in the WHERE, which each FROM opens: PostgreSQL
 * has no CROSS JOIN ... ON.
 */
#define TAM_CTAS "FROM cta c CROSS JOIN " TAM_ACCOUNT " " \
	"WHERE c.tam_fold = :tam_fold AND " ACCOUNT_OF_TAM("c") " AND "
#define ALL_CTAS "FROM cta c JOIN account a ON a.id = c.account_id WHERE "

int
db_sched_complete(struct tam_db *db, const char *tam,
    int (*fn)(void *, const struct due_cta *), void *arg, char **err)
{
	/* cta_by_status, then a probe of task_open_by_cta (partial). */
#define SQL(FROM, TAM, TASK) \
	    "SELECT c.id, c.title, " ACCOUNT_COLS " " FROM \
	    "c.status = 'open' AND c.kind = 'renewal' AND " TAM " " \
	    "AND NOT EXISTS (SELECT 1 FROM task t WHERE " TASK \
	    "t.cta_id = c.id AND t.status = 'open') ORDER BY c.id"
	static const char any[] = SQL(ALL_CTAS, ANY_TAM, ""),
	    one[] = SQL(TAM_CTAS, TAM_FILTER, TASK_OF_TAM);
#undef SQL

	return walk_ctas(db, dbi_tam_stmt(db, tam, any, one, err), fn, arg,
	    err);
}

int
db_sched_update_missing(struct tam_db *db, const char *tam,
    int (*fn)(void *, const struct due_cta *), void *arg, char **err)
{
	/*
	 * cta_by_status, then a probe of task_open_by_cta (partial); the
	 * last post is looked up for the few rows found only.
	 */
#define SQL(FROM, TAM, TASK) \
	    "SELECT c.id, c.title, " ACCOUNT_COLS ", " \
	    "coalesce((SELECT max(p.at) FROM timeline p " \
	    "WHERE p.account_id = a.id AND p.type = 'risk_update' " \
	    "AND p.at >= c.opened_at), c.opened_at) " FROM \
	    "c.status = 'open' AND c.kind = 'risk' AND a.archived = 0 " \
	    "AND " TAM " AND NOT EXISTS (SELECT 1 FROM task t " \
	    "WHERE " TASK "t.cta_id = c.id AND t.status = 'open' " \
	    "AND t.kind = 'risk_update') ORDER BY c.id"
	static const char any[] = SQL(ALL_CTAS, ANY_TAM, ""),
	    one[] = SQL(TAM_CTAS, TAM_FILTER, TASK_OF_TAM);
#undef SQL

	return walk_ctas(db, dbi_tam_stmt(db, tam, any, one, err), fn, arg,
	    err);
}

int
db_sched_is_complete(struct tam_db *db, int64_t id, int *complete,
    char **err)
{
	static const char sql[] =
	    "SELECT count(*) FROM cta c WHERE c.id = :id "
	    "AND c.status = 'open' AND c.kind = 'renewal' "
	    "AND NOT EXISTS (SELECT 1 FROM task t WHERE t.cta_id = c.id "
	    "AND t.status = 'open')";
	struct dbstmt	*st;
	int64_t		 n = 0;

	st = dbi_stmt_id(db, sql, id, err);
	/* count(*) always has its row. */
	if (dbi_one_int(db, st, &n, err) < 0)
		return -1;
	*complete = n > 0;
	return 0;
}

int
db_due_tasks(struct tam_db *db, const char *tam, int until,
    int (*fn)(void *, const struct due_task *), void *arg, char **err)
{
	/*
	 * A range search of task_open_by_due (one TAM: of task_by_tam);
	 * no ORDER BY (see db-sched.h).
	 */
#define SQL(FROM, TAM) \
	    "SELECT t.id, t.cta_id, t.kind, t.title, t.due, " ACCOUNT_COLS \
	    " " FROM "t.status = 'open' AND t.due <= :until " \
	    "AND a.archived = 0 AND " TAM
	static const char any[] = SQL("FROM task t JOIN account a "
	    "ON a.id = t.account_id WHERE ", ANY_TAM),
	    one[] = SQL("FROM task t CROSS JOIN " TAM_ACCOUNT " WHERE "
	    "t.tam_fold = :tam_fold AND " ACCOUNT_OF_TAM("t") " AND ",
	    TAM_FILTER);
#undef SQL
	struct dbstmt	*st = dbi_tam_stmt(db, tam, any, one, err);

	/* No OR: "due <= :until" keeps it a range search of the index. */
	if (until == DATE_NONE)
		dbi_text(st, ":until", "9999-12-31");
	else
		dbi_date(st, ":until", until);
	return walk_tasks(db, st, fn, arg, err);
}

int
db_due_renewal_passed(struct tam_db *db, const char *tam, int today,
    due_account_fn fn, void *arg, char **err)
{
#define SQL(FROM, TAM) \
	    "SELECT " ACCOUNT_COLS " FROM " FROM " " \
	    "WHERE a.archived = 0 AND a.renewal_date < :today AND " \
	    TAM " ORDER BY a.renewal_date, a.id"
	static const char any[] = SQL("account a", ANY_TAM),
	    one[] = SQL(TAM_RENEWALS, TAM_FILTER);
#undef SQL
	struct dbstmt	*st = dbi_tam_stmt(db, tam, any, one, err);

	dbi_date(st, ":today", today);
	return walk_accounts(db, st, fn, arg, err);
}

int
db_due_recovered(struct tam_db *db, const char *tam,
    int (*fn)(void *, const struct due_cta *), void *arg, char **err)
{
#define SQL(FROM, TAM) \
	    "SELECT c.id, c.title, " ACCOUNT_COLS " " FROM \
	    "c.status = 'open' AND c.kind = 'risk' AND a.archived = 0 " \
	    "AND NOT " AT_RISK " AND " TAM " ORDER BY c.id"
	static const char any[] = SQL(ALL_CTAS, ANY_TAM),
	    one[] = SQL(TAM_CTAS, TAM_FILTER);
#undef SQL

	return walk_ctas(db, dbi_tam_stmt(db, tam, any, one, err), fn, arg,
	    err);
}

int
db_due_stale(struct tam_db *db, const char *tam, int today, int last,
    const char *cutoff, due_account_fn fn, void *arg, char **err)
{
	/*
	 * account_by_renewal (one TAM: account_by_tam), nothing else: the
	 * latest sentiment or Risk Update post is the account's
	 * sentiment_posted_at (sql/0009-sentiment-posted.sql).  An account
	 * never posted on counts from the day it was added.  Not
	 * account_renewal_by_tam: most accounts of the window are rows
	 * found, each a page of the table, where account_by_tam holds them.
	 */
#define SQL(FROM, TAM) \
	    "SELECT " ACCOUNT_COLS " FROM " FROM " " \
	    "WHERE a.archived = 0 AND a.renewal_date BETWEEN :today AND " \
	    ":last AND " TAM " AND " \
	    "coalesce(a.sentiment_posted_at, a.created_at) < :cutoff " \
	    "ORDER BY a.renewal_date, a.id"
	static const char any[] = SQL("account a", ANY_TAM),
	    one[] = SQL(TAM_ACCOUNT, TAM_FILTER);
#undef SQL
	struct dbstmt	*st = dbi_tam_stmt(db, tam, any, one, err);

	dbi_date(st, ":today", today);
	dbi_date(st, ":last", last);
	dbi_text(st, ":cutoff", cutoff);
	return walk_accounts(db, st, fn, arg, err);
}

int
db_due_count_renewing(struct tam_db *db, const char *tam, int today,
    int before, int64_t *n, char **err)
{
#define SQL(FROM, TAM) \
	    "SELECT count(*) FROM " FROM " WHERE a.archived = 0 " \
	    "AND a.renewal_date BETWEEN :today AND :before AND " TAM
	static const char any[] = SQL("account a", ANY_TAM),
	    one[] = SQL(TAM_RENEWALS, TAM_FILTER);
#undef SQL
	struct dbstmt	*st = dbi_tam_stmt(db, tam, any, one, err);

	dbi_date(st, ":today", today);
	dbi_date(st, ":before", before);
	/* count(*) always has its row. */
	return dbi_one_int(db, st, n, err) < 0 ? -1 : 0;
}

int
db_sched_tam_copies(struct tam_db *db, char **err)
{
	/*
	 * From the NULL end of cta_by_tam and task_by_tam: nothing to read
	 * when every row has its copy but those of accounts without a TAM.
	 * Only open tasks: the others are in no one-TAM statement.
	 */
	static const char cta[] =
	    "UPDATE cta SET tam_fold = " ACCOUNT_TAM_FOLD("cta.account_id") " "
	    "WHERE tam_fold IS NULL AND "
	    ACCOUNT_TAM_FOLD("cta.account_id") " IS NOT NULL";
	static const char task[] =
	    "UPDATE task SET tam_fold = " ACCOUNT_TAM_FOLD("task.account_id")
	    " WHERE tam_fold IS NULL AND status = 'open' AND "
	    ACCOUNT_TAM_FOLD("task.account_id") " IS NOT NULL";

	if (dbi_done(db, dbi_stmt(db, cta, err), err) != 0)
		return -1;
	return dbi_done(db, dbi_stmt(db, task, err), err);
}

int
db_sched_bulk(struct tam_db *db, char **err)
{
	/*
	 * Bounds, not allocated up front: pages come as they are used.
	 * The map as large as SQLite allows (its build's limit, 2 GB by
	 * default): a book of a million accounts is 0.9 GB, and a page
	 * past the map is read into the cache, a copy and a fault where
	 * a mapped page costs the fault alone.
	 */
	static const char cache[] = "PRAGMA cache_size = -65536";
	static const char mmap[] = "PRAGMA mmap_size = 4294967296";
	struct dbstmt	*st;

	if (dbi_is_pg(db))
		return 0;	/* a server's memory is the server's */
	if ((st = dbi_stmt(db, cache, err)) == NULL ||
	    dbi_done(db, st, err) != 0 ||
	    (st = dbi_stmt(db, mmap, err)) == NULL)
		return -1;
	return dbi_done(db, st, err);
}

int
db_sched_open_renewal(struct tam_db *db, int64_t account_id, int64_t *id,
    int *renewal_date, char **err)
{
	/* One probe of cta_one_open: this runs for every changed date. */
	static const char sql[] =
	    "SELECT id, renewal_date FROM cta WHERE account_id = :account "
	    "AND kind = 'renewal' AND status = 'open'";
	struct dbstmt	*st;
	int		 rc;

	*id = 0;
	*renewal_date = DATE_NONE;
	st = dbi_stmt(db, sql, err);
	dbi_int(st, ":account", account_id);
	if ((rc = dbi_first(db, st, err)) != 0)
		return rc;
	*id = dbi_col_i64(st, 0);
	*renewal_date = dbi_col_date(st, 1);
	return dbi_stop(st, 0);
}
