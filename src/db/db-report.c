/* db-report.c: SQL of the reports and of the calendar export. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tam/clock.h"
#include "tam/date.h"
#include "tam/db-report.h"
#include "db-internal.h"

/* The columns of the two SELECTs below, in their order. */
static const struct dbi_col renewal_cols[] = {
	DBI_COL(DBI_DATE, struct renewal_row, renewal_date),
	DBI_COL(DBI_SET, struct renewal_row, has_acv),
	DBI_COL(DBI_I64, struct renewal_row, acv_cents),
	DBI_COL(DBI_TEXT, struct renewal_row, currency),
	DBI_COL(DBI_SENTIMENT, struct renewal_row, sentiment),
	DBI_COL(DBI_I32, struct renewal_row, requires_triage),
}, at_risk_cols[] = {
	DBI_COL(DBI_I64, struct at_risk_row, account_id),
	DBI_COL(DBI_TEXT, struct at_risk_row, account),
	DBI_COL(DBI_TEXT, struct at_risk_row, sfid),
	DBI_COL(DBI_TEXT, struct at_risk_row, tam),
	DBI_COL(DBI_TEXT, struct at_risk_row, currency),
	DBI_COL(DBI_SENTIMENT, struct at_risk_row, sentiment),
	DBI_COL(DBI_I32, struct at_risk_row, requires_triage),
	DBI_COL(DBI_ID, struct at_risk_row, cta_id),
	DBI_COL(DBI_TEXT, struct at_risk_row, risk_type),
	DBI_COL(DBI_TEXT, struct at_risk_row, risk_reason),
	/* The day of a UTC instant is the local one. */
	DBI_COL(DBI_DAY, struct at_risk_row, last_update),
	DBI_COL(DBI_DATE, struct at_risk_row, renewal_date),
	DBI_COL(DBI_SET, struct at_risk_row, has_acv),
	DBI_COL(DBI_I64, struct at_risk_row, acv_cents),
};

static void
read_renewal(struct dbstmt *st, int i, struct renewal_row *r)
{
	dbi_read_cols(st, i, r, renewal_cols, nitems(renewal_cols));
}

static void
read_at_risk(struct dbstmt *st, int i, struct at_risk_row *r)
{
	dbi_read_cols(st, i, r, at_risk_cols, nitems(at_risk_cols));
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

