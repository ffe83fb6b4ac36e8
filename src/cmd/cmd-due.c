/*
 * cmd-due.c: tam due, the morning list: open tasks grouped overdue,
 * today and upcoming, then the data hygiene items (SPEC §8).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tam/account.h"
#include "tam/account-store.h"
#include "tam/clock.h"
#include "tam/cmd.h"
#include "tam/cmd-table.h"
#include "tam/date.h"
#include "tam/db.h"
#include "tam/db-sched.h"
#include "tam/money.h"
#include "tam/num.h"
#include "tam/out.h"
#include "tam/sched.h"
#include "tam/settings.h"
#include "tam/sync.h"

#define OPT_TAM		1000
#define OPT_HORIZON	1001
#define OPT_ALL		1002
#define OPT_NO_SYNC	1003
#define OPT_LIMIT	1004
#define OPT_ACCOUNT	1005

enum group { G_OVERDUE, G_TODAY, G_UPCOMING, G_HYGIENE, G_COUNT };

static const char *const group_keys[G_COUNT] = {
	"overdue", "today", "upcoming", "hygiene"
};

/* One line of the list; every string is owned. */
struct row {
	int64_t		 task_id;	/* 0: none */
	char		*kind;
	char		*title;		/* as machine formats have it */
	char		*what;		/* the table's title, NULL: title */
	char		*fix;		/* the command that fixes it */
	int		 due;		/* DATE_NONE: none */
	enum group	 group;
	int64_t		 account_id;	/* 0: none */
	char		*account;
	char		*sfid;
	int		 renewal_date;
	int		 has_acv;
	int64_t		 acv_cents;
	char		 currency[4];	/* of the ACV */
	int		 strategic;
	int64_t		 cta_id;	/* 0: none */
	char		*attendees[SCHED_MAX_ATTENDEES];
	int		 nattendees;
};

struct due_list {
	struct tam_ctx		*ctx;
	const struct settings	*s;
	struct row		*v;
	size_t			 n;
	size_t			 cap;
	const char		*hygiene_kind;	/* of the rows being added */
	char			 stale_title[96]; /* the same on every row */
};

const struct cmd_option cmd_due_options[] = {
	CMD_OPTION_TAM_ME(OPT_TAM),
	{ "horizon", 0, required_argument, "PERIOD",
	    "the tasks due up to today plus PERIOD", "due.horizon (7d)",
	    OPT_HORIZON, 0 },
	{ "all", 0, no_argument, NULL,
	    "every open task, however far ahead", NULL, OPT_ALL, 0 },
	{ "no-sync", 0, no_argument, NULL,
	    "do not plan new work first (sync)", NULL, OPT_NO_SYNC, 0 },
	{ "limit", 0, required_argument, "N",
	    "only the first N rows of the list, in its order", NULL,
	    OPT_LIMIT, 0 },
	{ "account", 0, required_argument, "ACCOUNT",
	    "only the rows of ACCOUNT", NULL, OPT_ACCOUNT, 0 },
	CMD_OPTIONS_END
};

static const struct out_col due_cols[] = {
	{ "task_id",		"ID",		OUT_INT, 0 },
	{ "kind",		NULL,		OUT_STR, 0 },
	{ "title",		"TASK",		OUT_STR, 0 },
	{ "due",		"DUE",		OUT_DATE, 0 },
	{ "days",		"DAYS",		OUT_INT, 0 },
	{ "group",		NULL,		OUT_STR, 0 },
	{ "account_id",		NULL,		OUT_INT, 0 },
	{ "account",		"ACCOUNT",	OUT_STR, 0 },
	{ "sfid",		NULL,		OUT_STR, 0 },
	{ "renewal_date",	"RENEWAL",	OUT_DATE, 0 },
	{ "acv",		"ACV",		OUT_MONEY, 0 },
	{ "strategic",		NULL,		OUT_BOOL, 0 },
	{ "cta_id",		NULL,		OUT_INT, 0 },
	{ "attendees",		NULL,		OUT_LIST, 0 },
	/* Last, so that the columns before it keep their places. */
	{ "currency",		NULL,		OUT_STR, 0 },
};

static struct row *
row_add(struct due_list *l)
{
	struct row	*r;

	l->v = xarray_room(l->v, l->n, &l->cap, sizeof *l->v);
	r = &l->v[l->n++];
	r->due = DATE_NONE;
	r->renewal_date = DATE_NONE;
	return r;
}

/* Frees the strings of row r. */
static void
row_free(struct row *r)
{
	int	k;

	free(r->kind);
	free(r->title);
	free(r->what);
	free(r->fix);
	free(r->account);
	free(r->sfid);
	for (k = 0; k < r->nattendees; k++)
		free(r->attendees[k]);
}

static void
rows_free(struct due_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		row_free(&l->v[i]);
	free(l->v);
}

/* Copies the account part of a row. */
static void
row_account(struct due_list *l, struct row *r, const struct due_account *a)
{
	r->account_id = a->id;
	r->account = xstrdup(a->name);
	r->sfid = a->sfid ? xstrdup(a->sfid) : NULL;
	r->renewal_date = a->renewal_date;
	r->has_acv = a->has_acv;
	r->acv_cents = a->acv_cents;
	snprintf(r->currency, sizeof r->currency, "%s",
	    a->currency != NULL ? a->currency : "USD");
	r->strategic = a->has_acv && a->acv_cents > l->s->strategic_cents;
}

static int
add_task(void *arg, const struct due_task *t)
{
	struct due_list		*l = arg;
	struct row		*r = row_add(l);
	struct sched_people	 p;
	int			 today = l->ctx->today;

	r->task_id = t->id;
	r->kind = xstrdup(t->kind);
	r->title = xstrdup(t->title);
	r->due = t->due;
	r->group = t->due < today ? G_OVERDUE : t->due == today ? G_TODAY :
	    G_UPCOMING;
	r->cta_id = t->cta_id;
	row_account(l, r, &t->a);
	if (sched_kind_is_meeting(t->kind)) {
		p.tam = t->a.tam;
		p.sal = t->a.sal;
		p.sa = t->a.sa;
		p.rsd = t->a.rsd;
		p.tam_manager = t->a.tam_manager;
		p.upsell = t->a.upsell;
		p.strategic = r->strategic;
		r->nattendees = sched_attendees(&p, l->s, r->attendees);
	}
	return 0;
}

/* A hygiene row of kind l->hygiene_kind; its title says what to do. */
static struct row *
add_hygiene(struct due_list *l, const struct due_account *a)
{
	struct row	*r = row_add(l);

	r->kind = xstrdup(l->hygiene_kind);
	r->group = G_HYGIENE;
	row_account(l, r, a);
	return r;
}

static int
add_passed(void *arg, const struct due_account *a)
{
	struct row	*r = add_hygiene(arg, a);
	char		 d[11];

	date_format(a->renewal_date, d);
	r->title = xasprintf("Renewal date %s passed: set the next one "
	    "(tam account set %" PRId64 " --renewal DATE)", d, a->id);
	r->what = xasprintf("Renewal date %s passed: set the next one", d);
	r->fix = xasprintf("tam account set %" PRId64 " --renewal DATE",
	    a->id);
	return 0;
}

static int
add_recovered(void *arg, const struct due_cta *c)
{
	struct row	*r = add_hygiene(arg, &c->a);

	r->cta_id = c->id;
	r->title = xasprintf("Sentiment recovered (%s) \xe2\x80\x94 conclude "
	    "the CTA (tam cta close %" PRId64 ")", c->a.sentiment ?
	    c->a.sentiment : "not set", c->id);
	r->what = xasprintf("Sentiment recovered (%s) \xe2\x80\x94 conclude "
	    "the CTA", c->a.sentiment ? c->a.sentiment : "not set");
	r->fix = xasprintf("tam cta close %" PRId64, c->id);
	return 0;
}

static int
add_missing(void *arg, const struct due_account *a)
{
	struct row	*r = add_hygiene(arg, a);

	r->title = xasprintf("At risk (%s%s) with no At-Risk CTA yet: "
	    "tam sync opens it", a->sentiment,
	    a->requires_triage ? ", requires triage" : "");
	r->what = xasprintf("At risk (%s%s) with no At-Risk CTA yet",
	    a->sentiment, a->requires_triage ? ", requires triage" : "");
	r->fix = xstrdup("tam sync");
	return 0;
}

static int
add_stale(void *arg, const struct due_account *a)
{
	struct due_list	*l = arg;
	struct row	*r = add_hygiene(l, a);

	if (a->sentiment == NULL)
		r->title = xasprintf("No TAM Sentiment set since the account "
		    "was added over %d days ago (tam sentiment)",
		    l->s->stale_days);
	else
		r->title = xstrdup(l->stale_title);
	/* The title without its "(tam sentiment)". */
	r->what = xstrndup(r->title, strlen(r->title) -
	    strlen(" (tam sentiment)"));
	r->fix = xasprintf("tam sentiment %" PRId64 " green|yellow|red",
	    a->id);
	return 0;
}

/* The first weekday of the month: the older handbook's monthly look. */
static int
add_monthly(struct due_list *l, const char *tam, char **err)
{
	struct period	 p;
	struct row	*r;
	char		 ps[16];
	int64_t		 n;

	if (date_first_weekday_of_month(l->ctx->today) != l->ctx->today)
		return 0;
	p.n = l->s->window_months;
	p.unit = 'm';
	period_format(&p, ps);
	if (db_due_count_renewing(l->ctx->db, tam, l->ctx->today,
	    date_add_period(l->ctx->today, &p), &n, err) != 0)
		return -1;
	r = row_add(l);
	r->kind = xstrdup("monthly_review");
	r->group = G_TODAY;
	r->due = l->ctx->today;
	r->title = xasprintf("Monthly review of renewal dates: %" PRId64
	    " account%s renewing within %s (tam account list%s%s "
	    "--renewing-within %s)", n, n == 1 ? "" : "s", ps,
	    tam ? " --tam " : "", tam ? tam : "", ps);
	r->what = xasprintf("Monthly review of renewal dates: %" PRId64
	    " account%s renewing within %s", n, n == 1 ? "" : "s", ps);
	r->fix = xasprintf("tam account list%s%s --renewing-within %s",
	    tam ? " --tam " : "", tam ? tam : "", ps);
	return 0;
}

/* Strategic first, then ACV descending (no ACV last). */
static int
cmp_weight(const struct row *a, const struct row *b)
{
	if (a->strategic != b->strategic)
		return b->strategic - a->strategic;
	if (a->has_acv != b->has_acv)
		return b->has_acv - a->has_acv;
	if (a->acv_cents != b->acv_cents)
		return a->acv_cents < b->acv_cents ? 1 : -1;
	return 0;
}

/* Tasks: by due date, then by weight, then by id. */
static int
cmp_task(const void *va, const void *vb)
{
	const struct row	*a = va, *b = vb;
	int			 c;

	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	if ((c = cmp_weight(a, b)) != 0)
		return c;
	return a->task_id < b->task_id ? -1 : a->task_id > b->task_id;
}

/* Hygiene: strategic first, then ACV descending, then kind, account. */
static int
cmp_hygiene(const void *va, const void *vb)
{
	const struct row	*a = va, *b = vb;
	int			 c;

	if ((c = cmp_weight(a, b)) != 0)
		return c;
	if (strcmp(a->kind, b->kind) != 0)
		return strcmp(a->kind, b->kind);
	return a->account_id < b->account_id ? -1 :
	    a->account_id > b->account_id;
}

static int
collect(struct due_list *l, const char *tam, int until, int synced,
    char **err)
{
	struct tam_db	*db = l->ctx->db;
	int		 today = l->ctx->today;
	size_t		 first, i;
	char		 cutoff[21];

	if (db_due_tasks(db, tam, until, add_task, l, err) < 0)
		return -1;
	if (l->n > 0)
		qsort(l->v, l->n, sizeof *l->v, cmp_task);
	/* The monthly row opens the today group. */
	first = l->n;
	if (add_monthly(l, tam, err) != 0)
		return -1;
	if (l->n > first) {
		struct row	m = l->v[first];

		for (i = first; i > 0 && l->v[i - 1].group != G_OVERDUE; i--)
			l->v[i] = l->v[i - 1];
		l->v[i] = m;
	}
	first = l->n;
	l->hygiene_kind = "renewal_passed";
	if (db_due_renewal_passed(db, tam, today, add_passed, l, err) < 0)
		return -1;
	l->hygiene_kind = "sentiment_recovered";
	if (db_due_recovered(db, tam, add_recovered, l, err) < 0)
		return -1;
	/*
	 * After a sync of the same accounts none is left: its At-Risk rule
	 * opens a CTA for every row of this very query (src/sync.c).  Not
	 * asking again is a tenth of a whole book's morning.
	 */
	l->hygiene_kind = "risk_cta_missing";
	if (!synced &&
	    db_sched_risk_missing(db, tam, add_missing, l, err) < 0)
		return -1;
	l->hygiene_kind = "sentiment_stale";
	snprintf(l->stale_title, sizeof l->stale_title, "Sentiment not "
	    "updated for %d days in the renewal window (tam sentiment)",
	    l->s->stale_days);
	/* Days are local: the cutoff is the instant its day began here. */
	clock_format_utc(clock_day_start(today - l->s->stale_days), cutoff);
	if (db_due_stale(db, tam, today, sched_window_last(today, l->s),
	    cutoff, add_stale, l, err) < 0)
		return -1;
	/* No rows at all: l->v is NULL, and NULL + 0 is undefined. */
	if (l->n > first)
		qsort(l->v + first, l->n - first, sizeof *l->v, cmp_hygiene);
	return 0;
}

/* --- machine formats --------------------------------------------- */

static int
print_machine(struct tam_ctx *ctx, const struct due_list *l)
{
	struct out		*o;
	const struct row	*r;
	size_t			 i;

	o = out_begin(ctx, due_cols, (int)nitems(due_cols));
	for (i = 0; i < l->n; i++) {
		r = &l->v[i];
		out_id(o, r->task_id);
		out_str(o, r->kind);
		out_str(o, r->title);
		out_date(o, r->due);
		out_days(o, ctx->today, r->due);
		out_str(o, group_keys[r->group]);
		out_id(o, r->account_id);
		out_str(o, r->account);
		out_str(o, r->sfid);
		out_date(o, r->renewal_date);
		out_money_if(o, r->has_acv, r->acv_cents, r->currency);
		out_bool(o, r->strategic);
		out_id(o, r->cta_id);
		out_list(o, (const char *const *)r->attendees, r->nattendees);
		out_str(o, r->currency[0] != '\0' ? r->currency : NULL);
		out_row_end(o);
	}
	return out_finish(o) == 0 ? TAM_OK : TAM_FAIL;
}

/* --- the table, for people at 8 a.m. ------------------------------ */

/*
 * The rows under their account's line; the first column is empty so
 * that they stand two cells in from it.  Written by out.c, which fits
 * them to the terminal like every other table.
 */
static const struct out_col table_cols[] = {
	{ NULL,		"",		OUT_STR, 0 },
	{ NULL,		"ID",		OUT_INT, 0 },
	{ NULL,		"DUE",		OUT_DATE, 0 },
	{ NULL,		"DAYS",		OUT_INT, 0 },
	{ NULL,		"TASK",		OUT_STR, OUT_SHRINK },
};

static void
put_heading(struct out *o, enum group g, int count, int until)
{
	static const char *const names[G_COUNT] = {
		"OVERDUE", "TODAY", "UPCOMING", "DATA HYGIENE"
	};
	static const enum out_style styles[G_COUNT] = {
		STYLE_RED, STYLE_BOLD, STYLE_CYAN, STYLE_YELLOW
	};
	char	d[11], *line;

	if (g == G_UPCOMING && until != DATE_NONE) {
		date_format(until, d);
		line = xasprintf("%s to %s (%d)", names[g], d, count);
	} else
		line = xasprintf("%s (%d)", names[g], count);
	out_line(o, line, styles[g], 1);
	free(line);
}

/*
 * The account's line, said once for its rows: the name (marked when
 * strategic), the renewal, the ACV and who comes to its meetings.
 */
static void
put_account(struct out *o, const struct due_list *l, size_t i)
{
	const struct row	*r = &l->v[i], *m = NULL;
	char			*line, *next, d[11], money[48];
	size_t			 j;
	int			 k;

	line = xasprintf("%s%s", r->account, r->strategic ? " *" : "");
	if (r->renewal_date != DATE_NONE) {
		date_format(r->renewal_date, d);
		next = xasprintf("%s  renews %s", line, d);
		free(line);
		line = next;
	}
	if (r->has_acv) {
		money_format(r->acv_cents, r->currency, money);
		next = xasprintf("%s  %s", line, money);
		free(line);
		line = next;
	}
	for (j = i; j < l->n && m == NULL; j++)
		if (l->v[j].group == r->group &&
		    l->v[j].account_id == r->account_id &&
		    l->v[j].nattendees > 0)
			m = &l->v[j];
	for (k = 0; m != NULL && k < m->nattendees; k++) {
		next = xasprintf("%s%s%s", line, k == 0 ? "  with " : ", ",
		    m->attendees[k]);
		free(line);
		line = next;
	}
	out_line(o, line, r->strategic ? STYLE_BOLD : STYLE_NONE, 1);
	free(line);
}

static void
put_row(struct out *o, const struct row *r, int today)
{
	char	days[16];

	out_str(o, "");
	if (r->task_id)
		out_int(o, r->task_id);
	else
		out_str(o, "-");
	out_date(o, r->due);
	if (r->due != DATE_NONE) {
		snprintf(days, sizeof days, "%+d", r->due - today);
		if (r->due == today)
			strcpy(days, "0");
		if (r->group == G_OVERDUE)
			out_cell_style(o, STYLE_RED);
		out_str(o, days);
	} else
		out_null(o);
	out_str(o, r->what != NULL ? r->what : r->title);
	out_row_end(o);
	/* The command to type is never cut: a line of its own. */
	if (r->fix != NULL) {
		char	*line = xasprintf("      fix: %s", r->fix);

		out_line(o, line, STYLE_DIM, 0);
		free(line);
	}
}

/* The line for an empty list: a first morning says how to start. */
static int
print_empty(struct tam_ctx *ctx, int until)
{
	int64_t	 n;
	char	*err = NULL, d[11];

	if (db_account_count(ctx->db, &n, &err) != 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	if (n == 0)
		printf("No accounts yet: start with tam import FILE (a "
		    "Salesforce export), or tam account add NAME.\n");
	else if (until != DATE_NONE) {
		date_format(until, d);
		printf("Nothing due through %s, and nothing to tidy "
		    "up. Have a good day.\n", d);
	} else
		printf("Nothing open, and nothing to tidy up. Have a "
		    "good day.\n");
	return ferror(stdout) ? TAM_FAIL : TAM_OK;
}

/*
 * Each group's rows under one line per account, in the order of the
 * account's first row in the group; the rows of an account keep their
 * order.  left: rows --limit left out.
 */
static int
print_table(struct tam_ctx *ctx, struct due_list *l, int until, size_t left)
{
	struct out	*o;
	int		 counts[G_COUNT] = { 0 }, any_strategic = 0;
	char		*done, *line;
	size_t		 i, j;
	enum group	 g;

	if (l->n == 0 && left == 0)
		return print_empty(ctx, until);
	for (i = 0; i < l->n; i++) {
		counts[l->v[i].group]++;
		any_strategic |= l->v[i].strategic;
	}
	o = out_begin(ctx, table_cols, (int)nitems(table_cols));
	done = xcalloc(l->n + 1, 1);
	for (i = 0, g = G_COUNT; i < l->n; i++) {
		if (done[i])
			continue;
		if (l->v[i].group != g) {
			if (g != G_COUNT)
				out_line(o, "", STYLE_NONE, 1);
			g = l->v[i].group;
			put_heading(o, g, counts[g], until);
		}
		if (l->v[i].account_id == 0) {
			put_row(o, &l->v[i], ctx->today);
			continue;
		}
		put_account(o, l, i);
		for (j = i; j < l->n && l->v[j].group == g; j++)
			if (!done[j] &&
			    l->v[j].account_id == l->v[i].account_id) {
				done[j] = 1;
				put_row(o, &l->v[j], ctx->today);
			}
	}
	free(done);
	out_footer(o, "");
	/* Short lines: the footer is not cut to the terminal. */
	line = xasprintf("%d overdue, %d today, %d upcoming, %d to tidy up",
	    counts[G_OVERDUE], counts[G_TODAY], counts[G_UPCOMING],
	    counts[G_HYGIENE]);
	out_footer(o, line);
	free(line);
	if (any_strategic)
		out_footer(o, "* strategic account");
	if (left > 0) {
		line = xasprintf("%zu more not shown (--limit)", left);
		out_footer(o, line);
		free(line);
	}
	return out_finish(o) == 0 ? TAM_OK : TAM_FAIL;
}

/* --- the command ------------------------------------------------- */

/*
 * Keeps the rows of account (0: every row), then the first limit of
 * them (0: all), in the list's order.  Returns how many the limit left
 * out.
 */
static size_t
rows_keep(struct due_list *l, int64_t account, int64_t limit)
{
	size_t	i, n = 0, left = 0;

	for (i = 0; i < l->n; i++) {
		if (account != 0 && l->v[i].account_id != account) {
			row_free(&l->v[i]);
			continue;
		}
		if (limit > 0 && (int64_t)n >= limit) {
			row_free(&l->v[i]);
			left++;
			continue;
		}
		l->v[n++] = l->v[i];
	}
	l->n = n;
	return left;
}

/* Syncs the accounts shown: one TAM's (tam, folded), or all (NULL). */
static int
run_sync(struct tam_ctx *ctx, const struct settings *s, const char *tam)
{
	struct sync_counts	 c;
	char			*err = NULL, *summary;

	if (sync_run(ctx->db, s, ctx->today, ctx->user, tam, 0, NULL, &c,
	    &err) != 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	if (c.renewal_opened + c.risk_opened + c.renewal_closed +
	    c.risk_update_added > 0) {
		summary = sync_summary(&c, 0);
		tam_info_done(ctx, "sync: %s", summary);
		free(summary);
	}
	return TAM_OK;
}

int
cmd_due_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, CMD_UNUSED char **argv)
{
	struct due_list	 l;
	struct period	 p;
	const char	*tam, *horizon, *limit_arg, *account_arg;
	char		*err = NULL, *tam_fold = NULL;
	int		 all, no_sync, until, rc;
	int64_t		 limit = 0, account = 0;
	size_t		 left;

	tam = cmd_opt_arg(OPT_TAM);
	horizon = cmd_opt_arg(OPT_HORIZON);
	all = cmd_opt_given(OPT_ALL);
	no_sync = cmd_opt_given(OPT_NO_SYNC);
	limit_arg = cmd_opt_arg(OPT_LIMIT);
	account_arg = cmd_opt_arg(OPT_ACCOUNT);
	if (horizon != NULL && period_parse(horizon, &p) != 0)
		return cmd_misuse(ctx, "--horizon: '%s' is not a period (N, "
		    "Nd, Nw or Nm)", horizon);
	if (limit_arg != NULL &&
	    parse_int(limit_arg, 1, INT64_MAX, &limit) != 0)
		return cmd_misuse(ctx, "--limit: '%s' is not a number of "
		    "rows (1 or more)", limit_arg);
	if (horizon != NULL && all)
		return cmd_misuse(ctx, "due: --all and --horizon do not go "
		    "together (--all ignores the horizon)");
	memset(&l, 0, sizeof l);
	l.ctx = ctx;
	if ((l.s = cmd_settings(ctx)) == NULL)
		return TAM_FAIL;
	if (horizon == NULL)
		p = l.s->horizon;
	until = all ? DATE_NONE : date_add_period(ctx->today, &p);
	/*
	 * The queries take the TAM's folded name (db-sched.h); no --tam:
	 * "me" when set.  The sync is of those accounts only: the whole
	 * book is the nightly `tam sync`'s.
	 */
	if ((rc = cmd_tam_resolve(ctx, tam, &tam_fold)) != TAM_OK)
		return rc;
	if (db_sched_bulk(ctx->db, &err) != 0) {
		free(tam_fold);
		return cmd_fail_take(ctx, TAM_FAIL, err);
	}
	if (!no_sync && (rc = run_sync(ctx, l.s, tam_fold)) != TAM_OK) {
		free(tam_fold);
		return rc;
	}
	if (account_arg != NULL &&
	    (rc = cmd_account_resolve(ctx, account_arg, &account)) != TAM_OK) {
		free(tam_fold);
		return rc;
	}
	rc = collect(&l, tam_fold, until, !no_sync, &err);
	free(tam_fold);
	if (rc != 0) {
		rows_free(&l);
		return cmd_fail_take(ctx, TAM_FAIL, err);
	}
	left = rows_keep(&l, account, limit);
	if (ctx->format == FMT_TABLE)
		rc = print_table(ctx, &l, until, left);
	else
		rc = print_machine(ctx, &l);
	rows_free(&l);
	return rc;
}
