/* db-report.c: SQL of the reports and of the calendar export. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tam/clock.h"
#include "tam/date.h"
#include "tam/db-report.h"
#include "db-internal.h"

static void
read_renewal(struct dbstmt *st, int i, struct renewal_row *r)
{
	r->renewal_date = dbi_col_date(st, i);
	r->has_acv = !dbi_col_null(st, i + 1);
	r->acv_cents = dbi_col_i64(st, i + 1);
	r->currency = dbi_col_text(st, i + 2);
	r->sentiment = dbi_col_sentiment(st, i + 3);
	r->requires_triage = dbi_col_i32(st, i + 4);
}

static void
read_at_risk(struct dbstmt *st, int i, struct at_risk_row *r)
{
	r->account_id = dbi_col_i64(st, i);
	r->account = dbi_col_text(st, i + 1);
	r->sfid = dbi_col_text(st, i + 2);
	r->tam = dbi_col_text(st, i + 3);
	r->currency = dbi_col_text(st, i + 4);
	r->sentiment = dbi_col_sentiment(st, i + 5);
	r->requires_triage = dbi_col_i32(st, i + 6);
	r->cta_id = dbi_col_int(st, i + 7, 0);
	r->risk_type = dbi_col_text(st, i + 8);
	r->risk_reason = dbi_col_text(st, i + 9);
	/* The day of a UTC instant is the local one. */
	r->last_update = clock_stamp_day(dbi_col_text(st, i + 10));
	r->renewal_date = dbi_col_date(st, i + 11);
	r->has_acv = !dbi_col_null(st, i + 12);
	r->acv_cents = dbi_col_i64(st, i + 12);
}

DBI_WALK(walk_renewals, struct renewal_row, read_renewal)
DBI_WALK(walk_at_risk, struct at_risk_row, read_at_risk)

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
	struct dbstmt	*st = dbi_tam_stmt(db, tam, any, one, err);

	dbi_date(st, ":from", from);
	dbi_date(st, ":to", to);
	return walk_renewals(db, st, fn, arg, err);
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

	return walk_at_risk(db, dbi_tam_stmt(db, tam, any, one, err), fn, arg,
	    err);
}

