/*
 * sync.c: the nightly rules.  Each rule is one indexed query that finds
 * what is due to exist (db-sched.c); the rows are collected first and
 * acted on after, so no write happens under an open SELECT.  Every rule
 * takes a TAM filter: `tam due --tam P` syncs P's accounts only, at the
 * cost of P's work, not of the book's.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "tam/clock.h"
#include "tam/date.h"
#include "tam/db.h"
#include "tam/db-sched.h"
#include "tam/plan.h"
#include "tam/playbook.h"
#include "tam/sched.h"
#include "tam/settings.h"
#include "tam/sync.h"
#include "tam/text.h"

/* Above this many new renewal CTAs, a larger page cache pays. */
#define BULK_ROWS	1000

/* What a query found: an account (and a CTA), copied out of the row. */
struct found {
	int64_t	 account_id;
	int64_t	 cta_id;
	int	 renewal_date;
	int	 since;		/* day a repaired cadence counts from */
	char	*name;
	char	*detail;
};

struct found_list {
	struct found	*v;
	size_t		 n;
	size_t		 cap;
};

static struct found *
found_add(struct found_list *l, const struct due_account *a)
{
	struct found	*f;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	f = &l->v[l->n++];
	memset(f, 0, sizeof *f);
	f->account_id = a->id;
	f->renewal_date = a->renewal_date;
	f->since = DATE_NONE;
	/* Only the report prints it, for people: safe for a terminal. */
	f->name = text_safe(a->name, TEXT_CELL);
	return f;
}

static void
found_free(struct found_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].detail);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

static int
collect_account(void *arg, const struct due_account *a)
{
	struct found	*f = found_add(arg, a);

	if (a->sentiment != NULL)
		f->detail = xasprintf("%s%s", a->sentiment,
		    a->requires_triage ? " (requires triage)" : "");
	return 0;
}

static int
collect_cta(void *arg, const struct due_cta *c)
{
	struct found	*f = found_add(arg, &c->a);

	f->cta_id = c->id;
	f->detail = text_safe(c->title, TEXT_CELL);
	/* Where a repaired cadence counts from; a bad stamp: from today. */
	if (c->since != NULL)
		f->since = clock_stamp_day(c->since);
	return 0;
}

static int
open_windows(struct tam_db *db, const struct settings *s, const char *tam,
    int today, int dry_run, FILE *report, struct sync_counts *counts,
    char **err)
{
	struct found_list	 l = { 0 };
	struct found		*f;
	char			 rd[11];
	int64_t			 cta_id = 0;
	size_t			 i;
	int			 rc = 0;

	if (db_sched_unplanned(db, tam, today, sched_window_last(today, s),
	    collect_account, &l, err) < 0)
		return -1;
	if (!dry_run && l.n > BULK_ROWS && db_sched_bulk(db, err) != 0) {
		found_free(&l);
		return -1;
	}
	for (i = 0; i < l.n; i++) {
		f = &l.v[i];
		date_format(f->renewal_date, rd);
		if (!dry_run && (rc = plan_open_renewal(db, s, today,
		    f->account_id, f->renewal_date, "sync", &cta_id,
		    err)) != 0) {
			if (rc > 0)	/* nothing to schedule */
				continue;
			break;
		}
		counts->renewal_opened++;
		if (report == NULL)
			continue;
		if (dry_run)
			fprintf(report, "would open renewal CTA for %s "
			    "(account %" PRId64 "): Renewal %s, %d tasks\n",
			    f->name, f->account_id, rd, SCHED_NTASKS);
		else
			fprintf(report, "opened renewal CTA %" PRId64 " for "
			    "%s (account %" PRId64 "): Renewal %s, %d tasks\n",
			    cta_id, f->name, f->account_id, rd, SCHED_NTASKS);
	}
	found_free(&l);
	return rc < 0 ? -1 : 0;
}

static int
open_risk(struct tam_db *db, const struct settings *s, const char *tam,
    int today, const char *user, int dry_run, FILE *report,
    struct sync_counts *counts, char **err)
{
	struct found_list	 l = { 0 };
	struct found		*f;
	int64_t			 cta_id = 0;
	size_t			 i;
	int			 rc = 0;

	if (db_sched_risk_missing(db, tam, collect_account, &l, err) < 0)
		return -1;
	for (i = 0; i < l.n; i++) {
		f = &l.v[i];
		if (!dry_run && (rc = playbook_open_risk_cta(db, s, today,
		    user, f->account_id, "sync", NULL, NULL, NULL, &cta_id,
		    err)) != 0) {
			if (rc > 0)	/* opened meanwhile: nothing to do */
				continue;
			break;
		}
		counts->risk_opened++;
		if (report == NULL)
			continue;
		if (dry_run)
			fprintf(report, "would open At-Risk CTA for %s "
			    "(account %" PRId64 "): sentiment %s\n", f->name,
			    f->account_id, f->detail);
		else
			fprintf(report, "opened At-Risk CTA %" PRId64 " for "
			    "%s (account %" PRId64 "): sentiment %s\n", cta_id,
			    f->name, f->account_id, f->detail);
	}
	found_free(&l);
	return rc < 0 ? -1 : 0;
}

/*
 * An open risk CTA always has one open Risk Update task.  One closed by
 * hand before done/skip kept the cadence going (or lost some other way)
 * is put back, due one period after the CTA's last Risk Update.
 */
static int
repair_updates(struct tam_db *db, const struct settings *s,
    const char *tam, int today, int dry_run, FILE *report,
    struct sync_counts *counts, char **err)
{
	struct found_list	 l = { 0 };
	struct found		*f;
	char			 day[11];
	size_t			 i;
	int			 rc = 0, due;

	if (db_sched_update_missing(db, tam, collect_cta, &l, err) < 0)
		return -1;
	for (i = 0; i < l.n; i++) {
		f = &l.v[i];
		if (!dry_run && (rc = playbook_risk_update_repair(db, s,
		    today, f->account_id, f->cta_id, f->since != DATE_NONE ?
		    f->since : today, &due, err)) != 0)
			break;
		counts->risk_update_added++;
		if (report == NULL)
			continue;
		if (dry_run) {
			fprintf(report, "would add the missing Risk Update "
			    "task to At-Risk CTA %" PRId64 " of %s (account %"
			    PRId64 ")\n", f->cta_id, f->name, f->account_id);
			continue;
		}
		date_format(due, day);
		fprintf(report, "added the missing Risk Update task to At-Risk "
		    "CTA %" PRId64 " of %s (account %" PRId64 "), due %s\n",
		    f->cta_id, f->name, f->account_id, day);
	}
	found_free(&l);
	return rc < 0 ? -1 : 0;
}

static int
close_complete(struct tam_db *db, const char *tam, int today, int dry_run,
    FILE *report, struct sync_counts *counts, char **err)
{
	struct found_list	 l = { 0 };
	struct found		*f;
	size_t			 i;
	int			 rc = 0;

	if (db_sched_complete(db, tam, collect_cta, &l, err) < 0)
		return -1;
	for (i = 0; i < l.n; i++) {
		f = &l.v[i];
		if (!dry_run && (rc = plan_close_if_complete(db, today,
		    f->cta_id, err)) < 0)
			break;
		counts->renewal_closed++;
		if (report != NULL)
			fprintf(report, "%s renewal CTA %" PRId64 " of %s "
			    "(account %" PRId64 "): %s, all its tasks done or "
			    "skipped\n", dry_run ? "would close" : "closed",
			    f->cta_id, f->name, f->account_id, f->detail);
	}
	found_free(&l);
	return rc < 0 ? -1 : 0;
}

int
sync_run(struct tam_ctx *ctx, const char *tam, int dry_run, FILE *report,
    struct sync_counts *counts, char **err)
{
	const struct settings	*s;

	memset(counts, 0, sizeof *counts);
	if ((s = settings_get(ctx, err)) == NULL)
		return -1;
	/* Closing first: a finished CTA is not in the way of a new one. */
	if (close_complete(ctx->db, tam, ctx->today, dry_run, report, counts,
	    err) != 0 ||
	    open_windows(ctx->db, s, tam, ctx->today, dry_run, report, counts,
	    err) != 0 ||
	    open_risk(ctx->db, s, tam, ctx->today, ctx->user, dry_run, report,
	    counts, err) != 0 ||
	    repair_updates(ctx->db, s, tam, ctx->today, dry_run, report,
	    counts, err) != 0)
		return -1;
	return 0;
}

/* Appends ", N thing(s)" for a non-zero count. */
static void
summary_part(char **s, const char *verb, int n, const char *what)
{
	char	*t;

	if (n == 0)
		return;
	t = xasprintf("%s%s%s %d %s%s", *s, **s ? ", " : "", verb, n,
	    what, n == 1 ? "" : "s");
	free(*s);
	*s = t;
}

char *
sync_summary(const struct sync_counts *c, int dry_run)
{
	char	*s = xstrdup("");

	summary_part(&s, dry_run ? "would open" : "opened", c->renewal_opened,
	    "renewal CTA");
	summary_part(&s, dry_run ? "would open" : "opened", c->risk_opened,
	    "At-Risk CTA");
	summary_part(&s, dry_run ? "would close" : "closed",
	    c->renewal_closed, "renewal CTA");
	summary_part(&s, dry_run ? "would add" : "added",
	    c->risk_update_added, "missing Risk Update task");
	return s;
}
