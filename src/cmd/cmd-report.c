/* cmd-report.c: tam report renewals|at-risk, the numbers a TAM reports. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tam/cmd.h"
#include "tam/date.h"
#include "tam/db-report.h"
#include "tam/money.h"
#include "tam/out.h"
#include "tam/settings.h"

#define OPT_BY		1000
#define OPT_WITHIN	1001
#define OPT_TAM		1002

/* Money of several currencies is added as it stands: say so, once. */
struct currencies {
	char	first[4];
	int	mixed;
};

static void
currency_seen(struct currencies *c, const char *code)
{
	if (code == NULL)
		return;
	if (c->first[0] == '\0')
		snprintf(c->first, sizeof c->first, "%s", code);
	else if (strcmp(c->first, code) != 0)
		c->mixed = 1;
}

static void
currency_warn(const struct currencies *c)
{
	if (c->mixed)
		tam_warn("report: the accounts have ACVs in several "
		    "currencies; the sums add them as they are, without "
		    "conversion");
}

/* --- renewals -------------------------------------------------------- */

static const struct out_col renewals_cols[] = {
	{ "period",	 "PERIOD",	OUT_STR },
	{ "accounts",	 "ACCOUNTS",	OUT_INT },
	{ "acv",	 "ACV",		OUT_MONEY },
	{ "acv_at_risk", "AT RISK",	OUT_MONEY },
	{ "strategic",	 "STRATEGIC",	OUT_INT },
};
#define NRENEWALS_COLS ((int)(sizeof renewals_cols / sizeof renewals_cols[0]))

struct bucket {
	int64_t	accounts;
	int64_t	acv;
	int64_t	at_risk;
	int64_t	strategic;
};

struct renewals {
	int			 quarter;	/* --by quarter */
	int			 first;		/* index of today's bucket */
	int			 nbuckets;
	struct bucket		*buckets;
	int64_t			 strategic_cents;
	struct currencies	 cur;
};

/* The bucket index of a date: months or quarters since year 0. */
static int
bucket_of(int quarter, int date)
{
	int	y, m, d;

	date_to_ymd(date, &y, &m, &d);
	return quarter ? y * 4 + (m - 1) / 3 : y * 12 + (m - 1);
}

/* "2027-Q1" or "2027-03" for a bucket index; buf: 16 bytes. */
static void
bucket_name(int quarter, int index, char buf[16])
{
	if (quarter)
		snprintf(buf, 16, "%04d-Q%d", index / 4, index % 4 + 1);
	else
		snprintf(buf, 16, "%04d-%02d", index / 12, index % 12 + 1);
}

static int
renewals_add(void *arg, const struct renewal_row *r)
{
	struct renewals	*rs = arg;
	struct bucket	*b;
	int		 i = bucket_of(rs->quarter, r->renewal_date) - rs->first;

	if (i < 0 || i >= rs->nbuckets)
		return 0;	/* the query keeps to the range; be safe */
	b = &rs->buckets[i];
	b->accounts++;
	if (!r->has_acv)
		return 0;
	currency_seen(&rs->cur, r->currency);
	b->acv += r->acv_cents;
	if (sentiment_at_risk(r->sentiment, r->requires_triage))
		b->at_risk += r->acv_cents;
	if (r->acv_cents > rs->strategic_cents)
		b->strategic++;
	return 0;
}

/* Every period of the range, empty ones too, so the rows line up. */
static int
renewals_print(struct tam_ctx *ctx, const struct renewals *rs, int from,
    int to)
{
	struct bucket	 total = { 0, 0, 0, 0 };
	struct out	*o;
	char		 name[16], acv[48], risk[48], f[11], t[11], *line;
	int		 i;

	o = out_begin(ctx, renewals_cols, NRENEWALS_COLS);
	for (i = 0; i < rs->nbuckets; i++) {
		const struct bucket	*b = &rs->buckets[i];

		bucket_name(rs->quarter, rs->first + i, name);
		if (b->at_risk > 0)
			out_row_style(o, STYLE_RED);
		out_str(o, name);
		out_int(o, b->accounts);
		out_money(o, b->acv);
		out_money(o, b->at_risk);
		out_int(o, b->strategic);
		out_row_end(o);
		total.accounts += b->accounts;
		total.acv += b->acv;
		total.at_risk += b->at_risk;
		total.strategic += b->strategic;
	}
	money_format(total.acv, NULL, acv);
	money_format(total.at_risk, NULL, risk);
	date_format(from, f);
	date_format(to, t);
	line = xasprintf("total %s to %s: %" PRId64 " account%s, ACV %s, at "
	    "risk %s, %" PRId64 " strategic", f, t, total.accounts,
	    total.accounts == 1 ? "" : "s", acv, risk, total.strategic);
	out_footer(o, line);
	free(line);
	return out_finish(o) == 0 ? TAM_OK : TAM_FAIL;
}

static const struct option renewals_longopts[] = {
	{ "by",		required_argument, NULL, OPT_BY },
	{ "within",	required_argument, NULL, OPT_WITHIN },
	{ "tam",	required_argument, NULL, OPT_TAM },
	{ NULL, 0, NULL, 0 }
};

static int
report_renewals(struct tam_ctx *ctx, int argc, char **argv)
{
	const struct settings	*s;
	struct renewals		 rs;
	struct period		 within = { 12, 'm' };
	const char		*tam = NULL;
	char			*err = NULL, *tam_fold = NULL;
	int			 ch, rc, to;

	memset(&rs, 0, sizeof rs);
	rs.quarter = 1;
	CMD_GETOPT_RESET();
	while ((ch = getopt_long(argc, argv, ":", renewals_longopts,
	    NULL)) != -1) {
		switch (ch) {
		case OPT_BY:
			if (strcmp(optarg, "month") == 0)
				rs.quarter = 0;
			else if (strcmp(optarg, "quarter") == 0)
				rs.quarter = 1;
			else
				return cmd_fail(ctx, TAM_USAGE, "--by: '%s' is "
				    "not month or quarter", optarg);
			break;
		case OPT_WITHIN:
			if (period_parse(optarg, &within) != 0)
				return cmd_fail(ctx, TAM_USAGE, "--within: "
				    "'%s' is not a period (N, Nd, Nw or Nm)",
				    optarg);
			break;
		case OPT_TAM:
			tam = optarg;
			break;
		default:
			return cmd_bad_option(ctx, argv, ch);
		}
	}
	if (optind != argc)
		return cmd_misuse(ctx, "report renewals: unexpected argument "
		    "'%s'", argv[optind]);
	if ((s = settings_get(ctx, &err)) == NULL)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	if (tam != NULL &&
	    (rc = account_tam_resolve(ctx, tam, &tam_fold)) != TAM_OK)
		return rc;
	rs.strategic_cents = s->strategic_cents;
	to = date_add_period(ctx->today, &within);
	rs.first = bucket_of(rs.quarter, ctx->today);
	rs.nbuckets = bucket_of(rs.quarter, to) - rs.first + 1;
	rs.buckets = xcalloc((size_t)rs.nbuckets, sizeof *rs.buckets);
	rc = db_report_renewals(ctx->db, tam_fold, ctx->today, to,
	    renewals_add, &rs, &err);
	free(tam_fold);
	if (rc < 0) {
		free(rs.buckets);
		return cmd_fail_take(ctx, TAM_FAIL, err);
	}
	currency_warn(&rs.cur);
	rc = renewals_print(ctx, &rs, ctx->today, to);
	free(rs.buckets);
	return rc;
}

/* --- at-risk ---------------------------------------------------------- */

static const struct out_col at_risk_cols[] = {
	{ "account_id",		"ID",		OUT_INT },
	{ "account",		"ACCOUNT",	OUT_STR },
	{ "sfid",		NULL,		OUT_STR },
	{ "tam",		"TAM",		OUT_STR },
	{ "sentiment",		NULL,		OUT_STR },
	{ NULL,			"SENTIMENT",	OUT_STR },
	{ "requires_triage",	NULL,		OUT_BOOL },
	{ "cta_id",		"CTA",		OUT_INT },
	{ "risk_type",		"RISK TYPE",	OUT_STR },
	{ "risk_reason",	"RISK REASON",	OUT_STR },
	{ "days_since_update",	"SINCE UPDATE",	OUT_INT },
	{ "renewal_date",	"RENEWAL",	OUT_DATE },
	{ "acv",		"ACV",		OUT_MONEY },
};
#define NAT_RISK_COLS ((int)(sizeof at_risk_cols / sizeof at_risk_cols[0]))

struct at_risk {
	struct out		*out;
	int			 today;
	int64_t			 rows;
	int64_t			 acv;
	struct currencies	 cur;
};

static int
at_risk_one(void *arg, const struct at_risk_row *r)
{
	struct at_risk	*ar = arg;
	struct out	*o = ar->out;
	const char	*sent = sentiment_name(r->sentiment);
	char		 people[32];

	if (r->sentiment == SENT_RED)
		out_row_style(o, STYLE_RED);
	else if (r->sentiment == SENT_YELLOW)
		out_row_style(o, STYLE_YELLOW);
	out_int(o, r->account_id);
	out_str(o, r->account);
	out_str(o, r->sfid);
	out_str(o, r->tam);
	out_str(o, sent);
	snprintf(people, sizeof people, "%s%s", sent ? sent : "",
	    r->requires_triage ? "+triage" : "");
	out_str(o, people);
	out_bool(o, r->requires_triage);
	if (r->cta_id != 0)
		out_int(o, r->cta_id);
	else
		out_null(o);
	out_str(o, r->risk_type);
	out_str(o, r->risk_reason);
	if (r->last_update != DATE_NONE)
		out_int(o, ar->today - r->last_update);
	else
		out_null(o);
	out_date(o, r->renewal_date);
	if (r->has_acv) {
		out_money(o, r->acv_cents);
		ar->acv += r->acv_cents;
		currency_seen(&ar->cur, r->currency);
	} else
		out_null(o);
	out_row_end(o);
	ar->rows++;
	return 0;
}

static const struct option at_risk_longopts[] = {
	{ "tam",	required_argument, NULL, OPT_TAM },
	{ NULL, 0, NULL, 0 }
};

static int
report_at_risk(struct tam_ctx *ctx, int argc, char **argv)
{
	struct at_risk	 ar;
	const char	*tam = NULL;
	char		*err = NULL, acv[48], *line, *tam_fold = NULL;
	int		 ch, rc;

	CMD_GETOPT_RESET();
	while ((ch = getopt_long(argc, argv, ":", at_risk_longopts,
	    NULL)) != -1) {
		if (ch != OPT_TAM)
			return cmd_bad_option(ctx, argv, ch);
		tam = optarg;
	}
	if (optind != argc)
		return cmd_misuse(ctx, "report at-risk: unexpected argument "
		    "'%s'", argv[optind]);
	if (tam != NULL &&
	    (rc = account_tam_resolve(ctx, tam, &tam_fold)) != TAM_OK)
		return rc;
	memset(&ar, 0, sizeof ar);
	ar.today = ctx->today;
	ar.out = out_begin(ctx, at_risk_cols, NAT_RISK_COLS);
	rc = db_report_at_risk(ctx->db, tam_fold, at_risk_one, &ar, &err);
	free(tam_fold);
	if (rc < 0) {
		out_abandon(ar.out);
		return cmd_fail_take(ctx, TAM_FAIL, err);
	}
	money_format(ar.acv, NULL, acv);
	line = xasprintf("total ACV at risk: %s (%" PRId64 " account%s)", acv,
	    ar.rows, ar.rows == 1 ? "" : "s");
	out_footer(ar.out, line);
	free(line);
	currency_warn(&ar.cur);
	rc = out_finish(ar.out) == 0 ? TAM_OK : TAM_FAIL;
	return rc;
}

static const struct cmd_entry report_renewals_entry = {
	"renewals",
	"report renewals [--by month|quarter] [--within PERIOD] [--tam P]",
	"renewals per month or quarter, ACV and ACV at risk", ":",
	renewals_longopts, CMD_DB, report_renewals, NULL
};

static const struct cmd_entry report_at_risk_entry = {
	"at-risk", "report at-risk [--tam P]",
	"the At Risk Customers dashboard", ":", at_risk_longopts, CMD_DB,
	report_at_risk, NULL
};

static const struct cmd_entry *const report_subs[] = {
	&report_renewals_entry,
	&report_at_risk_entry,
	NULL
};

const struct cmd_entry cmd_report_entry = {
	"report", "report renewals|at-risk ...",
	"renewals and at-risk reports", NULL, NULL, 0, NULL, report_subs
};
