/*
 * db-report.h: the queries behind `tam report` and `tam ics`.  Like db.h,
 * functions return 0 (or the non-zero value a callback stopped with) and
 * -1 with *err set to an allocated message the caller frees.
 */
#ifndef TAM_DB_REPORT_H
#define TAM_DB_REPORT_H

#include <stdint.h>

#include "tam/account.h"
#include "tam/db.h"

/* One account renewing inside the range of `report renewals`. */
struct renewal_row {
	int		 renewal_date;
	int		 has_acv;
	int64_t		 acv_cents;
	const char	*currency;	/* borrowed for the call */
	int		 sentiment;
	int		 requires_triage;
};

/*
 * Calls fn for every account that is not archived and renews from .. to
 * (both inclusive), of the TAM tam (its folded name, as
 * account_tam_resolve gives it; NULL: any), by renewal date.
 */
int	 db_report_renewals(struct tam_db *, const char *tam, int from, int to,
	    int (*fn)(void *, const struct renewal_row *), void *arg,
	    char **err);

/* One line of the At Risk Customers dashboard; strings are borrowed. */
struct at_risk_row {
	int64_t		 account_id;
	const char	*account;
	const char	*sfid;
	const char	*tam;
	const char	*currency;
	int		 sentiment;
	int		 requires_triage;
	int64_t		 cta_id;	/* 0: no open risk CTA */
	const char	*risk_type;
	const char	*risk_reason;
	int		 last_update;	/* day of the last risk_update post,
					   DATE_NONE: never */
	int		 renewal_date;
	int		 has_acv;
	int64_t		 acv_cents;
};

/*
 * Calls fn for every account that is not archived and is at risk (red,
 * yellow with triage) or has an open risk CTA, of the TAM tam (folded;
 * NULL: any), by renewal date (none last), then name.
 */
int	 db_report_at_risk(struct tam_db *, const char *tam,
	    int (*fn)(void *, const struct at_risk_row *), void *arg,
	    char **err);

#endif
