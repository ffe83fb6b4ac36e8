/* cmd-report.c: tam report renewals|at-risk, the numbers a TAM reports. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "tam/cmd.h"
#include "tam/cmd-table.h"
#include "tam/date.h"
#include "tam/db-report.h"
#include "tam/money.h"
#include "tam/num.h"
#include "tam/out.h"
#include "tam/settings.h"
#include "tam/spark.h"

#define OPT_BY		1000
#define OPT_WITHIN	1001
#define OPT_TAM		1002

/*
 * Money is never added across currencies: every sum is kept per
 * currency, in a small sorted list (a book holds a handful of them).
 */
struct per_currency {
	char	 code[4];
	void	*sums;		/* the caller's, calloc'ed */
};

struct currencies {
	struct per_currency	*v;
	int			 n;
	size_t			 size;	/* of one sums */
};

/* The sums of currency code (NULL: USD), added in order when new. */
static void *
currency_sums(struct currencies *c, const char *code)
{
	int	i, cmp = 1;

	if (code == NULL || *code == '\0')
		code = "USD";
	for (i = 0; i < c->n; i++)
		if ((cmp = strcmp(c->v[i].code, code)) >= 0)
			break;
	if (i < c->n && cmp == 0)
		return c->v[i].sums;
	c->v = xreallocarray(c->v, (size_t)c->n + 1, sizeof *c->v);
	memmove(&c->v[i + 1], &c->v[i], (size_t)(c->n - i) * sizeof *c->v);
	c->n++;
	snprintf(c->v[i].code, sizeof c->v[i].code, "%s", code);
	c->v[i].sums = xcalloc(1, c->size);
	return c->v[i].sums;
}

static void
currencies_free(struct currencies *c)
{
	int	i;

	for (i = 0; i < c->n; i++)
		free(c->v[i].sums);
	free(c->v);
}

/* --- renewals -------------------------------------------------------- */

static const struct out_col renewals_cols[] = {
	{ "period",	 "PERIOD",	OUT_STR, 0 },
	{ "accounts",	 "ACCOUNTS",	OUT_INT, 0 },
	{ "acv",	 "ACV",		OUT_MONEY, 0 },
	{ "acv_at_risk", "AT RISK",	OUT_MONEY, 0 },
	{ "strategic",	 "STRATEGIC",	OUT_INT, 0 },
	/* Last, so the columns before it keep their places. */
	{ "currency",	 NULL,		OUT_STR, 0 },
};

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
	int64_t			 strategic_cents;
	struct currencies	 cur;		/* sums: nbuckets buckets */
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
	b = (struct bucket *)currency_sums(&rs->cur, r->currency) + i;
	b->accounts++;
	if (!r->has_acv)
		return 0;
	b->acv += r->acv_cents;
	if (sentiment_at_risk(r->sentiment, r->requires_triage))
		b->at_risk += r->acv_cents;
	if (r->acv_cents > rs->strategic_cents)
		b->strategic++;
	return 0;
}

/* The table's last line for one currency. */
static void
renewals_total(struct out *o, const char *code, const struct bucket *total,
    int from, int to)
{
	char	acv[48], risk[48], f[11], t[11], *line;

	money_format(total->acv, code, acv);
	money_format(total->at_risk, code, risk);
	date_format(from, f);
	date_format(to, t);
	line = xasprintf("total %s to %s: %" PRId64 " account%s, ACV %s, at "
	    "risk %s, %" PRId64 " strategic", f, t, total->accounts,
	    total->accounts == 1 ? "" : "s", acv, risk, total->strategic);
	out_footer(o, line);
	free(line);
}

/* The chart's width: the terminal's, else $COLUMNS, else 80. */
static int
chart_columns(void)
{
	struct winsize	 ws;
	const char	*s;
	int64_t		 n;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ,
	    &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if ((s = getenv("COLUMNS")) != NULL && parse_int(s, 1, 10000,
	    &n) == 0)
		return (int)n;
	return 80;
}

/* The label of a bar ("2027-Q1 "), and the fewest cells a bar gets. */
#define CHART_LABEL	8
#define CHART_MIN	10

/*
 * For people (table format): under the table, one bar chart per
 * currency (amounts of two currencies are never drawn on one scale),
 * a bar per period as long as its ACV, the part at risk marked (red
 * with color on); the longest bar fills the terminal.  A currency
 * without ACV in the range draws nothing.
 */
static void
renewals_chart(struct tam_ctx *ctx, const struct renewals *rs)
{
	const struct bucket	*b;
	char			 name[16], *bar;
	int64_t			 max;
	int			 i, k, width, utf8 = spark_utf8();

	width = chart_columns() - CHART_LABEL - 1;
	if (width < CHART_MIN)
		width = CHART_MIN;
	for (k = 0; k < rs->cur.n; k++) {
		b = rs->cur.v[k].sums;
		for (max = 0, i = 0; i < rs->nbuckets; i++)
			if (b[i].acv > max)
				max = b[i].acv;
		if (max == 0)
			continue;
		printf("\nACV by %s, %s (%s ACV, %s at risk):\n",
		    rs->quarter ? "quarter" : "month", rs->cur.v[k].code,
		    utf8 ? "\u2588" : "#", utf8 ? "\u2592" : "!");
		for (i = 0; i < rs->nbuckets; i++) {
			bucket_name(rs->quarter, rs->first + i, name);
			bar = spark_bar(b[i].acv, b[i].at_risk, max, width,
			    utf8, ctx->color ? SPARK_RED : NULL,
			    ctx->color ? SPARK_RESET : NULL);
			/* No trailing blanks after an empty period. */
			printf("%-*s%s\n", *bar != '\0' ? CHART_LABEL : 0,
			    name, bar);
			free(bar);
		}
	}
}

/*
 * Every period of the range, empty ones too, so the rows line up: one
 * row per period and currency of the accounts in the report (USD when
 * there are none), and one total per currency.
 */
static int
renewals_print(struct tam_ctx *ctx, struct renewals *rs, int from, int to)
{
	struct bucket	*total;
	struct out	*o;
	char		 name[16];
	int		 i, k;

	if (rs->cur.n == 0)
		currency_sums(&rs->cur, "USD");
	total = xcalloc((size_t)rs->cur.n, sizeof *total);
	o = out_begin(ctx, renewals_cols, (int)nitems(renewals_cols));
	for (i = 0; i < rs->nbuckets; i++) {
		bucket_name(rs->quarter, rs->first + i, name);
		for (k = 0; k < rs->cur.n; k++) {
			const char		*code = rs->cur.v[k].code;
			const struct bucket	*b =
			    (struct bucket *)rs->cur.v[k].sums + i;

			if (b->at_risk > 0)
				out_row_style(o, STYLE_RED);
			out_str(o, name);
			out_int(o, b->accounts);
			out_money_in(o, b->acv, code);
			out_money_in(o, b->at_risk, code);
			out_int(o, b->strategic);
			out_str(o, code);
			out_row_end(o);
			total[k].accounts += b->accounts;
			total[k].acv += b->acv;
			total[k].at_risk += b->at_risk;
			total[k].strategic += b->strategic;
		}
	}
	for (k = 0; k < rs->cur.n; k++)
		renewals_total(o, rs->cur.v[k].code, &total[k], from, to);
	free(total);
	if (out_finish(o) != 0)
		return TAM_FAIL;
	if (ctx->format == FMT_TABLE)
		renewals_chart(ctx, rs);
	return ferror(stdout) ? TAM_FAIL : TAM_OK;
}

const struct cmd_option cmd_report_renewals_options[] = {
	{ "by", 0, required_argument, "month|quarter",
	    "one row per month or per quarter", "month", OPT_BY, 0 },
	{ "within", 0, required_argument, "PERIOD",
	    "the renewals from today up to today plus PERIOD", "12m",
	    OPT_WITHIN, CMD_OPT_PERIOD },
	CMD_OPTION_TAM(OPT_TAM),
	CMD_OPTIONS_END
};

int
cmd_report_renewals_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	const struct settings	*s;
	struct renewals		 rs;
	struct period		 within = { 12, 'm' };
	char			*err = NULL, *tam_fold = NULL;
	int			 ch, rc, to;

	memset(&rs, 0, sizeof rs);
	rs.quarter = 1;
	while ((ch = cmd_getopt(ctx, argc, argv)) > 0) {
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
		}
	}
	if (ch == CMD_OPT_ERROR)
		return TAM_USAGE;
	cmd_opt_period(OPT_WITHIN, &within);
	if ((s = cmd_settings(ctx)) == NULL)
		return TAM_FAIL;
	if ((rc = cmd_tam_option(ctx, cmd_opt_arg(OPT_TAM), &tam_fold)) !=
	    TAM_OK)
		return rc;
	rs.strategic_cents = s->strategic_cents;
	to = date_add_period(ctx->today, &within);
	rs.first = bucket_of(rs.quarter, ctx->today);
	rs.nbuckets = bucket_of(rs.quarter, to) - rs.first + 1;
	rs.cur.size = (size_t)rs.nbuckets * sizeof(struct bucket);
	rc = db_report_renewals(ctx->db, tam_fold, ctx->today, to,
	    renewals_add, &rs, &err);
	free(tam_fold);
	if (rc < 0) {
		currencies_free(&rs.cur);
		return cmd_fail_take(ctx, TAM_FAIL, err);
	}
	rc = renewals_print(ctx, &rs, ctx->today, to);
	currencies_free(&rs.cur);
	return rc;
}

/* --- at-risk ---------------------------------------------------------- */

static const struct out_col at_risk_cols[] = {
	{ "account_id",		"ID",		OUT_INT, 0 },
	{ "account",		"ACCOUNT",	OUT_STR, OUT_SHRINK },
	{ "sfid",		NULL,		OUT_STR, 0 },
	{ "tam",		"TAM",		OUT_STR,
	    OUT_SHRINK | OUT_DROP(3) },
	{ "sentiment",		NULL,		OUT_STR, 0 },
	{ NULL,			"SENTIMENT",	OUT_STR, 0 },
	{ "requires_triage",	NULL,		OUT_BOOL, 0 },
	{ "cta_id",		"CTA",		OUT_INT, OUT_DROP(1) },
	{ "risk_type",		"RISK TYPE",	OUT_STR, OUT_DROP(5) },
	{ "risk_reason",	"RISK REASON",	OUT_STR,
	    OUT_SHRINK | OUT_DROP(4) },
	{ "days_since_update",	"SINCE UPDATE",	OUT_INT, OUT_DROP(2) },
	{ "renewal_date",	"RENEWAL",	OUT_DATE, 0 },
	{ "acv",		"ACV",		OUT_MONEY, 0 },
	/* Last, so that the columns before it keep their places. */
	{ "currency",		NULL,		OUT_STR, 0 },
};

/* The total of one currency. */
struct at_risk_sum {
	int64_t	rows;
	int64_t	acv;
};

struct at_risk {
	struct out		*out;
	int			 today;
	struct currencies	 cur;	/* sums: one struct at_risk_sum */
};

static int
at_risk_one(void *arg, const struct at_risk_row *r)
{
	struct at_risk		*ar = arg;
	struct at_risk_sum	*sum;
	struct out		*o = ar->out;
	const char		*sent = sentiment_name(r->sentiment);
	char			 people[32];

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
	out_id(o, r->cta_id);
	out_str(o, r->risk_type);
	out_str(o, r->risk_reason);
	out_days(o, r->last_update, ar->today);
	out_date(o, r->renewal_date);
	sum = currency_sums(&ar->cur, r->currency);
	out_money_if(o, r->has_acv, r->acv_cents, r->currency);
	if (r->has_acv)
		sum->acv += r->acv_cents;
	out_str(o, r->currency);
	out_row_end(o);
	sum->rows++;
	return 0;
}

const struct cmd_option cmd_report_at_risk_options[] = {
	CMD_OPTION_TAM(OPT_TAM),
	CMD_OPTIONS_END
};

int
cmd_report_at_risk_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, CMD_UNUSED char **argv)
{
	struct at_risk	 ar;
	char		*err = NULL, acv[48], *line, *tam_fold = NULL;
	int		 rc, k;

	if ((rc = cmd_tam_option(ctx, cmd_opt_arg(OPT_TAM), &tam_fold)) !=
	    TAM_OK)
		return rc;
	memset(&ar, 0, sizeof ar);
	ar.today = ctx->today;
	ar.cur.size = sizeof(struct at_risk_sum);
	ar.out = out_begin(ctx, at_risk_cols, (int)nitems(at_risk_cols));
	rc = db_report_at_risk(ctx->db, tam_fold, at_risk_one, &ar, &err);
	free(tam_fold);
	if (rc < 0) {
		out_abandon(ar.out);
		currencies_free(&ar.cur);
		return cmd_fail_take(ctx, TAM_FAIL, err);
	}
	if (ar.cur.n == 0)
		currency_sums(&ar.cur, "USD");
	/* One total per currency: money of two is never added. */
	for (k = 0; k < ar.cur.n; k++) {
		const struct at_risk_sum *sum = ar.cur.v[k].sums;

		money_format(sum->acv, ar.cur.v[k].code, acv);
		line = xasprintf("total ACV at risk: %s (%" PRId64
		    " account%s)", acv, sum->rows, sum->rows == 1 ? "" : "s");
		out_footer(ar.out, line);
		free(line);
	}
	currencies_free(&ar.cur);
	rc = out_finish(ar.out) == 0 ? TAM_OK : TAM_FAIL;
	return rc;
}
