/* db-report.c: SQL of the reports and of the calendar export. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tam/date.h"
#include "tam/db-report.h"
#include "db-internal.h"

static int
sentiment_of(const char *s)
{
	int	triage;

	return s == NULL ? SENT_NONE : sentiment_parse(s, &triage);
}

/* Ends a walk: a step error wins over a callback's stop value. */
static int
walk_end(struct tam_db *db, sqlite3_stmt *st, int rc, int stop, char **err)
{
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return dbi_fail(db, err);
	return stop;
}

int
db_report_renewals(struct tam_db *db, const char *tam, int from, int to,
    int (*fn)(void *, const struct renewal_row *), void *arg, char **err)
{
#define SQL(TAM) \
	    "SELECT renewal_date, acv_cents, currency, sentiment, " \
	    "requires_triage FROM account a " \
	    "WHERE archived = 0 AND renewal_date >= :from " \
	    "AND renewal_date <= :to AND " TAM " " \
	    "ORDER BY renewal_date, id"
	static const char any[] = SQL(ANY_TAM), one[] = SQL(TAM_FILTER);
#undef SQL
	sqlite3_stmt		*st;
	struct renewal_row	 r;
	int			 rc, stop = 0;

	if ((st = dbi_stmt(db, TAM_STMT(tam, any, one), err)) == NULL)
		return -1;
	dbi_date(st, ":from", from);
	dbi_date(st, ":to", to);
	dbi_text(st, ":tam_fold", tam);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.renewal_date = dbi_col_date(st, 0);
		r.has_acv = sqlite3_column_type(st, 1) != SQLITE_NULL;
		r.acv_cents = sqlite3_column_int64(st, 1);
		r.currency = dbi_col_text(st, 2);
		r.sentiment = sentiment_of(dbi_col_text(st, 3));
		r.requires_triage = sqlite3_column_int(st, 4);
		if ((stop = fn(arg, &r)) != 0)
			break;
	}
	return walk_end(db, st, rc, stop, err);
}

int
db_report_at_risk(struct tam_db *db, const char *tam,
    int (*fn)(void *, const struct at_risk_row *), void *arg, char **err)
{
	/* At most one open risk CTA per account (index cta_one_open). */
#define SQL(TAM) \
	    "SELECT a.id, a.name, a.sfid, a.tam, a.currency, a.sentiment, " \
	    "a.requires_triage, c.id, c.risk_type, c.risk_reason, " \
	    "(SELECT max(t.at) FROM timeline t WHERE t.account_id = a.id " \
	    "AND t.type = 'risk_update'), a.renewal_date, a.acv_cents " \
	    "FROM account a LEFT JOIN cta c ON c.account_id = a.id " \
	    "AND c.kind = 'risk' AND c.status = 'open' " \
	    "WHERE a.archived = 0 AND " TAM " " \
	    "AND (a.sentiment = 'red' OR (a.sentiment = 'yellow' AND " \
	    "a.requires_triage = 1) OR c.id IS NOT NULL) " \
	    "ORDER BY a.renewal_date IS NULL, a.renewal_date, a.name, a.id"
	static const char any[] = SQL(ANY_TAM), one[] = SQL(TAM_FILTER);
#undef SQL
	sqlite3_stmt		*st;
	struct at_risk_row	 r;
	const char		*at;
	char			 day[11];
	int			 rc, stop = 0;

	if ((st = dbi_stmt(db, TAM_STMT(tam, any, one), err)) == NULL)
		return -1;
	dbi_text(st, ":tam_fold", tam);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.account_id = sqlite3_column_int64(st, 0);
		r.account = dbi_col_text(st, 1);
		r.sfid = dbi_col_text(st, 2);
		r.tam = dbi_col_text(st, 3);
		r.currency = dbi_col_text(st, 4);
		r.sentiment = sentiment_of(dbi_col_text(st, 5));
		r.requires_triage = sqlite3_column_int(st, 6);
		r.cta_id = dbi_col_int(st, 7, 0);
		r.risk_type = dbi_col_text(st, 8);
		r.risk_reason = dbi_col_text(st, 9);
		/* A timestamp's date is its first ten characters. */
		r.last_update = DATE_NONE;
		if ((at = dbi_col_text(st, 10)) != NULL && strlen(at) >= 10) {
			memcpy(day, at, 10);
			day[10] = '\0';
			if (date_parse_iso(day, &r.last_update) != 0)
				r.last_update = DATE_NONE;
		}
		r.renewal_date = dbi_col_date(st, 11);
		r.has_acv = sqlite3_column_type(st, 12) != SQLITE_NULL;
		r.acv_cents = sqlite3_column_int64(st, 12);
		if ((stop = fn(arg, &r)) != 0)
			break;
	}
	return walk_end(db, st, rc, stop, err);
}

int
db_open_tasks_until(struct tam_db *db, const char *tam, int until,
    int (*fn)(void *, const struct task *, const struct account *),
    void *arg, char **err)
{
#define SQL(TAM) \
	    "SELECT t.id, t.account_id, a.name, t.cta_id, t.kind, t.title, " \
	    "t.due, t.note, a.sfid, a.tam, a.sal, a.sa, a.rsd, " \
	    "a.tam_manager, a.acv_cents, a.currency, a.upsell, " \
	    "a.renewal_date FROM task t JOIN account a " \
	    "ON a.id = t.account_id WHERE t.status = 'open' " \
	    "AND t.due <= :until AND a.archived = 0 AND " TAM " " \
	    "ORDER BY t.due, t.id"
	static const char any[] = SQL(ANY_TAM), one[] = SQL(TAM_FILTER);
#undef SQL
	sqlite3_stmt	*st;
	struct task	 t;
	struct account	 a;
	const char	*cur;
	int		 rc, stop = 0;

	if ((st = dbi_stmt(db, TAM_STMT(tam, any, one), err)) == NULL)
		return -1;
	dbi_date(st, ":until", until);
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
		t.status = "open";
		t.note = dbi_col_text(st, 7);
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
		snprintf(a.currency, sizeof a.currency, "%s", cur ? cur : "USD");
		a.upsell = sqlite3_column_int(st, 16);
		a.renewal_date = dbi_col_date(st, 17);
		if ((stop = fn(arg, &t, &a)) != 0)
			break;
	}
	account_release(&a);
	return walk_end(db, st, rc, stop, err);
}
