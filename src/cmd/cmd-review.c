/*
 * cmd-review.c: tam review ACCOUNT, the brief of the Renewal Review
 * meeting in Markdown: attendees, the eight agenda items filled from
 * what tam knows, and the standard action items (SPEC §6).
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tam/account.h"
#include "tam/clock.h"
#include "tam/cmd.h"
#include "tam/cmd-table.h"
#include "tam/date.h"
#include "tam/db.h"
#include "tam/db-history.h"
#include "tam/money.h"
#include "tam/sched.h"
#include "tam/settings.h"
#include "tam/spark.h"
#include "tam/text.h"

/* Utilization under this is low (adoption risk), over HIGH is high. */
#define UTIL_LOW	50
#define UTIL_HIGH	90

/*
 * Makes a one-line field of the brief one line: a line break in a name
 * must not start a heading or a list item of its own.
 */
static void
one_line(char **s)
{
	char	*t;

	if (*s == NULL)
		return;
	t = text_safe(*s, TEXT_CELL);
	free(*s);
	*s = t;
}

/*
 * Writes a piece of the brief.  All of it goes through the escape for
 * people (text.h): the brief quotes names, objectives and Risk Update
 * bodies, and is Markdown for people wherever it goes, a terminal or a
 * file that a terminal shows later.  Its lines and tabs stay.
 */
static void __attribute__((format(printf, 1, 2)))
md(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	text_put(stdout, s, TEXT_BLOCK);
	free(s);
}

struct brief {
	struct tam_ctx		*ctx;
	const struct account	*a;
	const struct settings	*s;
	int			 n;	/* lines written by a walk */
};

static void
header(const struct brief *b)
{
	const struct account	*a = b->a;
	char			 d[11], w[11], m[48];
	int			 days = a->renewal_date - b->ctx->today;

	md("# Renewal Review: %s\n\n", a->name);
	date_format(a->renewal_date, d);
	date_format(date_add_months(a->renewal_date, -b->s->window_months), w);
	if (days >= 0)
		md("- Renewal date: %s (in %d day%s; the window opens "
		    "%s)\n", d, days, days == 1 ? "" : "s", w);
	else
		md("- Renewal date: %s (**passed %d day%s ago**: set the "
		    "next one)\n", d, -days, days == -1 ? "" : "s");
	if (a->sfid != NULL)
		md("- Salesforce ID: %s\n", a->sfid);
	if (a->has_acv) {
		money_format(a->acv_cents, a->currency, m);
		md("- ACV: %s%s\n", m, account_strategic(a,
		    b->s->strategic_cents) ? " (strategic account)" : "");
	}
	if (a->sentiment != SENT_NONE)
		md("- TAM Sentiment: %s%s\n", sentiment_name(a->sentiment),
		    a->requires_triage ? " (requires triage)" : "");
	if (a->lifecycle_stage != NULL)
		md("- Lifecycle stage: %s\n", a->lifecycle_stage);
	if (a->upsell)
		md("- An upsell is being discussed\n");
}

static void
attendees(const struct brief *b)
{
	char	*v[SCHED_MAX_ATTENDEES];
	int	 i, n;

	n = cmd_attendees(b->a, b->s, v);
	md("\n## Attendees\n\n");
	for (i = 0; i < n; i++) {
		md("- %s\n", v[i]);
		free(v[i]);
	}
}

static int
health_row(void *arg, int date, int score)
{
	struct brief	*b = arg;
	char		 d[11];

	date_format(date, d);
	md("- %s: %d\n", d, score);
	b->n++;
	return 0;
}

static int
sentiment_row(void *arg, const struct post *p)
{
	struct brief	*b = arg;
	char		*author, day[11];

	if (strcmp(p->type, "sentiment") != 0 &&
	    strcmp(p->type, "risk_update") != 0)
		return 0;
	author = text_safe(p->author, TEXT_CELL);
	md("- %s: %s%s (%s, %s)%s%s\n", clock_stamp_date(p->at, day),
	    p->sentiment ? sentiment_name(p->sentiment) : "not set",
	    p->requires_triage ? ", requires triage" : "", p->type, author,
	    p->body ? ": " : "", p->body ? p->body : "");
	free(author);
	b->n++;
	return 0;
}

/*
 * The pictures of the health section: a sparkline of the scores listed
 * and a strip of the sentiment changes listed, oldest first, each in a
 * code span so that no glyph of the ASCII form ("_", "^", "=") turns
 * into Markdown.  Color escapes only on a terminal with color on: a
 * brief in a file stays plain Markdown.
 */
static int
pictures(struct brief *b, int which, const char *since_ts, int since)
{
	struct series	 v;
	char		*err = NULL, *line, *change;
	int		 utf8 = spark_utf8(), color;

	if (which == 0) {
		if (db_history_health(b->ctx->db, b->a->id, since, 0, &v,
		    &err) < 0)
			return cmd_fail_take(b->ctx, TAM_FAIL, err);
		if (v.n >= 2) {
			line = spark_line(v.v, v.n, utf8);
			change = spark_change(v.v, v.n, utf8);
			md("\nTrend: `%s` %s\n", line, change);
			free(line);
			free(change);
		}
		series_free(&v);
		return TAM_OK;
	}
	if (db_history_sentiment(b->ctx->db, b->a->id, since_ts, 0, &v,
	    &err) < 0)
		return cmd_fail_take(b->ctx, TAM_FAIL, err);
	if (v.n > 0) {
		color = b->ctx->color && isatty(STDOUT_FILENO);
		/* Written as is: md() would escape the color sequences. */
		line = spark_strip(v.v, v.n, utf8, color ?
		    spark_sentiment_colors : NULL, SPARK_RESET);
		md("\nTrail, oldest first: `");
		fputs(line, stdout);
		md("`\n");
		free(line);
	}
	series_free(&v);
	return TAM_OK;
}

static int
health(struct brief *b, const char *since_ts, int since)
{
	char	*err = NULL;
	int	 rc;

	md("\n### 2. Health score and sentiment changes\n\n");
	md("Health score over the last six months:\n\n");
	b->n = 0;
	if (db_health_each(b->ctx->db, b->a->id, since, health_row, b,
	    &err) < 0)
		return cmd_fail_take(b->ctx, TAM_FAIL, err);
	if (b->n == 0) {
		if (b->a->health_score >= 0)
			md("- unchanged in six months: %d\n",
			    b->a->health_score);
		else
			md("- no health score recorded\n");
	}
	if ((rc = pictures(b, 0, since_ts, since)) != TAM_OK)
		return rc;
	md("\nSentiment changes (timeline, newest first):\n\n");
	b->n = 0;
	if (db_post_each(b->ctx->db, b->a->id, NULL, since_ts, 0,
	    sentiment_row, b, &err) < 0)
		return cmd_fail_take(b->ctx, TAM_FAIL, err);
	if (b->n == 0)
		md("- none in six months\n");
	return pictures(b, 1, since_ts, since);
}

static void
licenses(const struct brief *b)
{
	const struct account	*a = b->a;
	int64_t			 pct;

	md("\n### 3. License usage\n\n");
	if (a->licenses < 0 && a->active_users < 0) {
		md("- no license data: set it with 'tam account set "
		    "--licenses N --active-users N'\n");
		return;
	}
	if (a->licenses >= 0)
		md("- Licenses: %" PRId64 "\n", a->licenses);
	if (a->active_users >= 0)
		md("- Active users: %" PRId64 "\n", a->active_users);
	if (a->licenses <= 0 || a->active_users < 0)
		return;
	pct = a->active_users * 100 / a->licenses;
	md("- Utilization: %" PRId64 "%%", pct);
	if (pct < UTIL_LOW)
		md(" — **low** (under %d%%): adoption risk", UTIL_LOW);
	else if (pct > UTIL_HIGH)
		md(" — **high** (over %d%%): expansion opportunity",
		    UTIL_HIGH);
	md("\n");
}

static int
risk_cta_row(void *arg, const struct cta *c)
{
	struct brief	*b = arg;
	char		*title = text_safe(c->title, TEXT_CELL), day[11];

	md("- %s %" PRId64 ", open since %s: risk type %s, reason %s\n",
	    title, c->id, clock_stamp_date(c->opened_at, day),
	    c->risk_type ? c->risk_type : "not set",
	    c->risk_reason ? c->risk_reason : "not set");
	free(title);
	b->n++;
	return 0;
}

static int
risk_update_row(void *arg, const struct post *p)
{
	struct brief	*b = arg;
	char		*author = text_safe(p->author, TEXT_CELL), day[11];

	md("- Risk Update %s (%s): %s\n", clock_stamp_date(p->at, day), author,
	    p->body ? p->body : "");
	free(author);
	b->n++;
	return 0;
}

static int
risks(struct brief *b)
{
	struct cta_filter	 f = { 0 };
	char			*err = NULL;

	md("\n### 7. Known risks\n\n");
	f.account_id = b->a->id;
	f.open_only = 1;
	f.kind = "risk";
	b->n = 0;
	if (db_cta_each(b->ctx->db, &f, risk_cta_row, b, &err) < 0 ||
	    db_post_each(b->ctx->db, b->a->id, "risk_update", NULL, 3,
	    risk_update_row, b, &err) < 0)
		return cmd_fail_take(b->ctx, TAM_FAIL, err);
	if (b->n == 0)
		md("- no open At-Risk CTA and no Risk Update\n");
	return TAM_OK;
}

static void
notes_heading(const char *title)
{
	md("\n### %s\n\n- (notes)\n", title);
}

static void
actions(const struct brief *b)
{
	md("\n## Action items\n\n"
	    "1. **Architecture review** with Professional Services, to "
	    "address architectural weaknesses behind urgent escalations "
	    "(tam action %" PRId64 " architecture)\n"
	    "2. **Product utilization review**, to explore what the customer "
	    "does not use yet but could benefit from (tam action %" PRId64
	    " utilization)\n"
	    "3. **Roadmap review**, to show features coming soon%s "
	    "(tam action %" PRId64 " roadmap)\n\n"
	    "Put the action items into the customer cadence meetings and any "
	    "pending QBRs.\n", b->a->id, b->a->id,
	    account_strategic(b->a, b->s->strategic_cents) ?
	    ", with Product Management for this strategic customer" : "",
	    b->a->id);
}

static int
print_brief(struct brief *b)
{
	char	since_ts[11];
	int	since, rc;

	since = date_add_months(b->ctx->today, -6);
	date_format(since, since_ts);
	header(b);
	attendees(b);
	md("\n## Agenda\n\n### 1. Business objectives and their "
	    "progress\n\n");
	if (b->a->objectives != NULL)
		md("%s\n\nProgress:\n\n- (notes)\n", b->a->objectives);
	else
		md("- none recorded: set them with 'tam account set %"
		    PRId64 " --objectives TEXT'\n", b->a->id);
	if ((rc = health(b, since_ts, since)) != TAM_OK)
		return rc;
	licenses(b);
	notes_heading("4. Support issues and escalations");
	notes_heading("5. High-priority feature requests");
	notes_heading("6. Product utilization");
	if ((rc = risks(b)) != TAM_OK)
		return rc;
	md("\n### 8. Who asks the renewal question\n\n"
	    "- %s, the TAM: a soft question, early, to surface any risk "
	    "while there is time to act\n",
	    b->a->tam ? b->a->tam : "the TAM (TAM: unassigned)");
	actions(b);
	return ferror(stdout) ? TAM_FAIL : TAM_OK;
}

int
cmd_review_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, char **argv)
{
	struct account	 a;
	struct brief	 b;
	int		 rc;

	memset(&b, 0, sizeof b);
	b.ctx = ctx;
	if ((b.s = cmd_settings(ctx)) == NULL)
		return TAM_FAIL;
	account_init(&a);
	if ((rc = cmd_account_find(ctx, argv[0], &a)) != TAM_OK)
		goto out;
	if (a.renewal_date == DATE_NONE) {
		rc = cmd_fail(ctx, TAM_FAIL, "account %" PRId64 " (%s) has no "
		    "renewal date, so there is no renewal to review; set it "
		    "with 'tam account set %" PRId64 " --renewal DATE'", a.id,
		    a.name, a.id);
		goto out;
	}
	one_line(&a.name);
	one_line(&a.sfid);
	one_line(&a.tam);
	one_line(&a.sal);
	one_line(&a.sa);
	one_line(&a.rsd);
	one_line(&a.tam_manager);
	one_line(&a.lifecycle_stage);
	b.a = &a;
	rc = print_brief(&b);
out:
	account_release(&a);
	return rc;
}
