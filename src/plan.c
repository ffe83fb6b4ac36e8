/* plan.c: what follows a change of an account's renewal date. */
#include <stdlib.h>
#include <string.h>

#include "tam/account.h"
#include "tam/date.h"
#include "tam/db.h"
#include "tam/plan.h"

struct open_renewal {
	int64_t	id;
	int	renewal_date;
};

static int
find_open(void *arg, const struct cta *c)
{
	struct open_renewal	*o = arg;

	o->id = c->id;
	o->renewal_date = c->renewal_date;
	return 1;
}

int
plan_renewal_changed(struct tam_ctx *ctx, int64_t account_id, int old_date,
    int new_date, char **err)
{
	struct cta_filter	 f = { 0 };
	struct open_renewal	 o = { 0, DATE_NONE };
	struct post		 p = { 0 };
	char			 now[21], was[11], to[11] = "none", *body;
	int			 rc;

	(void)old_date;
	f.account_id = account_id;
	f.open_only = 1;
	f.kind = "renewal";
	if ((rc = db_cta_each(ctx->db, &f, find_open, &o, err)) < 0)
		return -1;
	if (o.id == 0 || o.renewal_date == new_date)
		return 0;
	tam_now(ctx, now);
	if (db_cta_close(ctx->db, o.id, "cancelled", now,
	    "renewal date changed", 0, 0, "cancelled", err) < 0)
		return -1;
	date_format(o.renewal_date, was);
	if (new_date != DATE_NONE)
		date_format(new_date, to);
	body = xasprintf("Renewal CTA for %s cancelled: the renewal date "
	    "changed to %s", was, to);
	p.account_id = account_id;
	p.at = now;
	p.type = "cta";
	p.author = ctx->user;
	p.body = body;
	rc = db_post_add(ctx->db, &p, err);
	free(body);
	return rc;
}
