/*
 * cmd-due.c: tam due, the morning list: open tasks grouped overdue,
 * today and upcoming, then the data hygiene items (SPEC §8).
 */
#include <sys/ioctl.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tam/account.h"
#include "tam/clock.h"
#include "tam/cmd.h"
#include "tam/date.h"
#include "tam/db-sched.h"
#include "tam/money.h"
#include "tam/out.h"
#include "tam/sched.h"
#include "tam/settings.h"
#include "tam/sync.h"

#define OPT_TAM		1000
#define OPT_HORIZON	1001
#define OPT_ALL		1002
#define OPT_NO_SYNC	1003

enum group { G_OVERDUE, G_TODAY, G_UPCOMING, G_HYGIENE, G_COUNT };

static const char *const group_keys[G_COUNT] = {
	"overdue", "today", "upcoming", "hygiene"
};

/* One line of the list; every string is owned. */
struct row {
	int64_t		 task_id;	/* 0: none */
	char		*kind;
	char		*title;
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

static const struct cmd_option due_options[] = {
	CMD_OPTION_TAM(OPT_TAM),
	{ "horizon", 0, required_argument, "PERIOD",
	    "the tasks due up to today plus PERIOD", "due.horizon (7d)",
	    OPT_HORIZON, 0 },
	{ "all", 0, no_argument, NULL,
	    "every open task, however far ahead", NULL, OPT_ALL, 0 },
	{ "no-sync", 0, no_argument, NULL,
	    "do not plan new work first (sync)", NULL, OPT_NO_SYNC, 0 },
	CMD_OPTIONS_END
};

static const struct out_col due_cols[] = {
	{ "task_id",		"ID",		OUT_INT },
	{ "kind",		NULL,		OUT_STR },
	{ "title",		"TASK",		OUT_STR },
	{ "due",		"DUE",		OUT_DATE },
	{ "days",		"DAYS",		OUT_INT },
	{ "group",		NULL,		OUT_STR },
	{ "account_id",		NULL,		OUT_INT },
	{ "account",		"ACCOUNT",	OUT_STR },
	{ "sfid",		NULL,		OUT_STR },
	{ "renewal_date",	"RENEWAL",	OUT_DATE },
	{ "acv",		"ACV",		OUT_MONEY },
	{ "strategic",		NULL,		OUT_BOOL },
	{ "cta_id",		NULL,		OUT_INT },
	{ "attendees",		NULL,		OUT_LIST },
	/* Last, so that the columns before it keep their places. */
	{ "currency",		NULL,		OUT_STR },
};
#define NDUE_COLS ((int)(sizeof due_cols / sizeof due_cols[0]))

static struct row *
row_add(struct due_list *l)
{
	struct row	*r;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	r = &l->v[l->n++];
	memset(r, 0, sizeof *r);
	r->due = DATE_NONE;
	r->renewal_date = DATE_NONE;
	return r;
}

static void
rows_free(struct due_list *l)
{
	size_t	i;
	int	k;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].kind);
		free(l->v[i].title);
		free(l->v[i].account);
		free(l->v[i].sfid);
		for (k = 0; k < l->v[i].nattendees; k++)
			free(l->v[i].attendees[k]);
	}
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
	return 0;
}

static int
add_missing(void *arg, const struct due_account *a)
{
	struct row	*r = add_hygiene(arg, a);

	r->title = xasprintf("At risk (%s%s) with no At-Risk CTA yet: "
	    "tam sync opens it", a->sentiment,
	    a->requires_triage ? ", requires triage" : "");
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
collect(struct due_list *l, const char *tam, int until, char **err)
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
	l->hygiene_kind = "risk_cta_missing";
	if (db_sched_risk_missing(db, tam, add_missing, l, err) < 0)
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
	struct out		*o = out_begin(ctx, due_cols, NDUE_COLS);
	const struct row	*r;
	size_t			 i;

	for (i = 0; i < l->n; i++) {
		r = &l->v[i];
		if (r->task_id)
			out_int(o, r->task_id);
		else
			out_null(o);
		out_str(o, r->kind);
		out_str(o, r->title);
		out_date(o, r->due);
		if (r->due != DATE_NONE)
			out_int(o, r->due - ctx->today);
		else
			out_null(o);
		out_str(o, group_keys[r->group]);
		if (r->account_id)
			out_int(o, r->account_id);
		else
			out_null(o);
		out_str(o, r->account);
		out_str(o, r->sfid);
		out_date(o, r->renewal_date);
		if (r->has_acv)
			out_money_in(o, r->acv_cents, r->currency);
		else
			out_null(o);
		out_bool(o, r->strategic);
		if (r->cta_id)
			out_int(o, r->cta_id);
		else
			out_null(o);
		out_list(o, (const char *const *)r->attendees, r->nattendees);
		out_str(o, r->currency[0] != '\0' ? r->currency : NULL);
		out_row_end(o);
	}
	return out_finish(o) == 0 ? TAM_OK : TAM_FAIL;
}

/* --- the table, for people at 8 a.m. ------------------------------ */

#define ACCOUNT_MAX	24	/* the widest account column */
#define ACCOUNT_MIN	14	/* what a narrow terminal still gets */

struct table {
	FILE	*fp;
	int	 color;
	int	 width;		/* 0: no limit (not a terminal) */
	int	 id_w;
	int	 account_w;
};

/* Columns before the account: ID, DUE (10), DAYS (4), two-space gaps. */
#define PREFIX_W(t)	((t)->id_w + 2 + 10 + 2 + 4 + 2)

static void
style_on(const struct table *t, enum out_style s)
{
	if (t->color && s != STYLE_NONE)
		fputs(out_style_seq(s), t->fp);
}

static void
style_off(const struct table *t, enum out_style s)
{
	if (t->color && s != STYLE_NONE)
		fputs("\033[0m", t->fp);
}

static int
term_width(void)
{
	struct winsize	ws;

	if (!isatty(STDOUT_FILENO))
		return 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* The width of "Acme Corp *" (a strategic account is marked). */
static int
account_width(const struct row *r)
{
	if (r->account == NULL)
		return 0;
	return text_width(r->account) + (r->strategic ? 2 : 0);
}

/* The account in exactly t->account_w columns; a cut keeps the mark. */
static void
put_account(const struct table *t, const struct row *r)
{
	int	mark = r->strategic ? 2 : 0, w;

	if (r->account == NULL) {
		text_pad(t->fp, "", t->account_w, TEXT_LEFT);
		return;
	}
	w = text_width(r->account);
	if (w > t->account_w - mark)
		w = t->account_w - mark;
	if (r->strategic)
		style_on(t, STYLE_BOLD);
	text_cut(t->fp, r->account, t->account_w - mark);
	if (r->strategic)
		fputs(" *", t->fp);
	if (r->strategic)
		style_off(t, STYLE_BOLD);
	for (w += mark; w < t->account_w; w++)
		putc(' ', t->fp);
}

/*
 * Writes s dimmed at indent, wrapped at spaces to the terminal's width
 * (the attendees are worth more than an ellipsis); a word longer than
 * the line is cut.
 */
static void
put_wrapped(const struct table *t, const char *s, int indent)
{
	const char	*p, *brk, *end;
	int		 avail = t->width ? t->width - indent : 0;

	while (*s != '\0') {
		brk = NULL;
		if (avail > 0 && text_width(s) > avail) {
			/* The last space that keeps the line within avail. */
			end = s + text_fit(s, avail);
			for (p = s; p < end; p++)
				if (*p == ' ')
					brk = p;
		}
		fprintf(t->fp, "%*s", indent, "");
		style_on(t, STYLE_DIM);
		if (brk == NULL) {
			text_cut(t->fp, s, avail);
			s += strlen(s);
		} else {
			fwrite(s, 1, (size_t)(brk - s), t->fp);
			s = brk + 1;
		}
		style_off(t, STYLE_DIM);
		putc('\n', t->fp);
	}
}

/*
 * The second line, dimmed: the renewal date and ACV on the first row of
 * an account (not repeated on the rows after it), the attendees of a
 * meeting.
 */
static void
put_detail(const struct table *t, const struct row *r, int first,
    int indent)
{
	char	*line, *next, d[11], m[48];
	int	 k;

	if (r->account_id == 0)
		return;
	line = xstrdup("");
	if (first && r->renewal_date != DATE_NONE) {
		date_format(r->renewal_date, d);
		next = xasprintf("renews %s", d);
		free(line);
		line = next;
	}
	if (first && r->has_acv) {
		money_format(r->acv_cents, r->currency, m);
		next = xasprintf("%s%s%s", line, *line ? ", " : "", m);
		free(line);
		line = next;
	}
	for (k = 0; k < r->nattendees; k++) {
		next = xasprintf("%s%s%s", line, k == 0 ? (*line ? "; with " :
		    "with ") : ", ", r->attendees[k]);
		free(line);
		line = next;
	}
	if (*line != '\0')
		put_wrapped(t, line, indent);
	free(line);
}

static void
put_row(const struct table *t, const struct row *r, int first, int today)
{
	char		 id[24] = "-", due[11] = "", days[16] = "";
	enum out_style	 s = r->group == G_OVERDUE ? STYLE_RED : STYLE_NONE;
	int		 used;

	if (r->task_id)
		snprintf(id, sizeof id, "%" PRId64, r->task_id);
	if (r->due != DATE_NONE) {
		date_format(r->due, due);
		snprintf(days, sizeof days, "%+d", r->due - today);
		if (r->due == today)
			strcpy(days, "0");
	}
	fprintf(t->fp, "%*s  %-10s  ", t->id_w, id, due);
	style_on(t, s);
	fprintf(t->fp, "%4s", days);
	style_off(t, s);
	fputs("  ", t->fp);
	put_account(t, r);
	fputs("  ", t->fp);
	used = PREFIX_W(t) + t->account_w + 2;
	text_cut(t->fp, r->title, t->width ? t->width - used : 0);
	putc('\n', t->fp);
	put_detail(t, r, first, PREFIX_W(t));
}

/*
 * Column widths: the account column as wide as the names (at most
 * ACCOUNT_MAX), narrowed on a small terminal so that titles keep room.
 */
static void
size_table(struct table *t, const struct due_list *l)
{
	size_t	i;
	int	w, title_w = 0, room;
	char	buf[24];

	t->id_w = 2;
	t->account_w = 7;
	for (i = 0; i < l->n; i++) {
		snprintf(buf, sizeof buf, "%" PRId64, l->v[i].task_id);
		if ((w = (int)strlen(buf)) > t->id_w)
			t->id_w = w;
		if ((w = account_width(&l->v[i])) > t->account_w)
			t->account_w = w > ACCOUNT_MAX ? ACCOUNT_MAX : w;
		if ((w = text_width(l->v[i].title)) > title_w)
			title_w = w;
	}
	if (t->width == 0)
		return;
	room = t->width - PREFIX_W(t) - 2 - title_w;
	if (room < t->account_w)
		t->account_w = room > ACCOUNT_MIN ? room : ACCOUNT_MIN;
}

static void
put_heading(const struct table *t, enum group g, int count, int until)
{
	static const char *const names[G_COUNT] = {
		"OVERDUE", "TODAY", "UPCOMING", "DATA HYGIENE"
	};
	static const enum out_style styles[G_COUNT] = {
		STYLE_RED, STYLE_BOLD, STYLE_CYAN, STYLE_YELLOW
	};
	char	d[11];

	style_on(t, styles[g]);
	if (t->color && g != G_TODAY)
		fputs(out_style_seq(STYLE_BOLD), t->fp);
	if (g == G_UPCOMING && until != DATE_NONE) {
		date_format(until, d);
		fprintf(t->fp, "%s to %s (%d)", names[g], d, count);
	} else
		fprintf(t->fp, "%s (%d)", names[g], count);
	style_off(t, styles[g]);
	putc('\n', t->fp);
}

/* Replaces stored text *s by its safe form for a terminal. */
static void
make_safe(char **s)
{
	char	*safe;

	if (*s == NULL)
		return;
	safe = text_safe(*s, TEXT_CELL);
	free(*s);
	*s = safe;
}

/*
 * The table is for people: the stored text in it is made safe first, so
 * that the columns are measured on what is printed.
 */
static int
print_table(struct tam_ctx *ctx, struct due_list *l, int until)
{
	struct table	 t;
	int		 counts[G_COUNT] = { 0 }, any_strategic = 0, first, k;
	size_t		 i;
	char		 d[11];
	enum group	 g;

	for (i = 0; i < l->n; i++) {
		make_safe(&l->v[i].title);
		make_safe(&l->v[i].account);
		for (k = 0; k < l->v[i].nattendees; k++)
			make_safe(&l->v[i].attendees[k]);
	}
	t.fp = stdout;
	t.color = ctx->color;
	t.width = term_width();
	size_table(&t, l);
	for (i = 0; i < l->n; i++) {
		counts[l->v[i].group]++;
		any_strategic |= l->v[i].strategic;
	}
	if (l->n == 0) {
		if (until != DATE_NONE) {
			date_format(until, d);
			printf("Nothing due through %s, and nothing to tidy "
			    "up. Have a good day.\n", d);
		} else
			printf("Nothing open, and nothing to tidy up. Have a "
			    "good day.\n");
		return ferror(stdout) ? TAM_FAIL : TAM_OK;
	}
	style_on(&t, STYLE_DIM);
	fprintf(t.fp, "%*s  %-10s  %4s  ", t.id_w, "ID", "DUE", "DAYS");
	text_pad(t.fp, "ACCOUNT", t.account_w, TEXT_LEFT);
	fputs("  TASK", t.fp);
	style_off(&t, STYLE_DIM);
	putc('\n', t.fp);
	for (i = 0, g = G_COUNT; i < l->n; i++) {
		first = 1;
		if (l->v[i].group != g) {
			g = l->v[i].group;
			if (i > 0)
				putc('\n', t.fp);
			put_heading(&t, g, counts[g], until);
		} else if (l->v[i].account_id == l->v[i - 1].account_id)
			first = 0;
		put_row(&t, &l->v[i], first, ctx->today);
	}
	putc('\n', t.fp);
	style_on(&t, STYLE_DIM);
	fprintf(t.fp, "%d overdue, %d today, %d upcoming, %d to tidy up%s\n",
	    counts[G_OVERDUE], counts[G_TODAY], counts[G_UPCOMING],
	    counts[G_HYGIENE], any_strategic ? "; * strategic account" : "");
	style_off(&t, STYLE_DIM);
	return ferror(stdout) ? TAM_FAIL : TAM_OK;
}

/* --- the command ------------------------------------------------- */

static int
run_sync(struct tam_ctx *ctx)
{
	struct sync_counts	 c;
	char			*err = NULL, *summary;

	if (sync_run(ctx, 0, NULL, &c, &err) != 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	if (c.renewal_opened + c.risk_opened + c.renewal_closed +
	    c.risk_update_added > 0) {
		summary = sync_summary(&c, 0);
		tam_info_done(ctx, "sync: %s", summary);
		free(summary);
	}
	return TAM_OK;
}

static int
due_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	struct due_list	 l;
	struct period	 p;
	const char	*tam = NULL, *horizon = NULL;
	char		*err = NULL, *tam_fold = NULL;
	int		 ch, all = 0, no_sync = 0, until, rc;

	while ((ch = cmd_getopt(ctx, argc, argv)) > 0) {
		switch (ch) {
		case OPT_TAM:
			tam = optarg;
			break;
		case OPT_HORIZON:
			horizon = optarg;
			break;
		case OPT_ALL:
			all = 1;
			break;
		case OPT_NO_SYNC:
			no_sync = 1;
			break;
		}
	}
	if (ch == CMD_OPT_ERROR)
		return TAM_USAGE;
	if (horizon != NULL && period_parse(horizon, &p) != 0)
		return cmd_misuse(ctx, "--horizon: '%s' is not a period (N, "
		    "Nd, Nw or Nm)", horizon);
	if (horizon != NULL && all)
		return cmd_misuse(ctx, "due: --all and --horizon do not go "
		    "together (--all ignores the horizon)");
	memset(&l, 0, sizeof l);
	l.ctx = ctx;
	if ((l.s = settings_get(ctx, &err)) == NULL)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	if (horizon == NULL)
		p = l.s->horizon;
	until = all ? DATE_NONE : date_add_period(ctx->today, &p);
	if (db_sched_bulk(ctx->db, &err) != 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	if (!no_sync && (rc = run_sync(ctx)) != TAM_OK)
		return rc;
	/* The queries take the TAM's folded name (db-sched.h). */
	if (tam != NULL &&
	    (rc = account_tam_resolve(ctx, tam, &tam_fold)) != TAM_OK)
		return rc;
	rc = collect(&l, tam_fold, until, &err);
	free(tam_fold);
	if (rc != 0) {
		rows_free(&l);
		return cmd_fail_take(ctx, TAM_FAIL, err);
	}
	if (ctx->format == FMT_TABLE)
		rc = print_table(ctx, &l, until);
	else
		rc = print_machine(ctx, &l);
	rows_free(&l);
	return rc;
}

const struct cmd_entry cmd_due_entry = {
	.name = "due",
	.usage = "due [--tam P] [--horizon PERIOD] [--all] [--no-sync]",
	.summary = "what to do today",
	.options = due_options,
	.flags = CMD_DB | CMD_WRITE,
	.group = CMD_GROUP_DAILY,
	.examples = {
		"tam due",
		"tam due --tam alice --horizon 2w",
		"tam due --all --no-sync --format json"
	},
	.exec = due_exec
};
