/*
 * sync.c: the nightly rules.  Each rule is one indexed query that finds
 * what is due to exist (db-sched.c); the rows are collected first and
 * acted on after, so no write happens under an open SELECT.  Every rule
 * takes a TAM filter: `tam due --tam P` syncs P's accounts only, at the
 * cost of P's work, not of the book's.
 */
#include <inttypes.h>
#include <stddef.h>
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
	int64_t	 cta_id;	/* the CTA found, or the one opened */
	int	 renewal_date;
	int	 since;		/* day a repaired cadence counts from */
	int	 due;		/* the repaired Risk Update's due day */
	char	*name;
	char	*detail;
};

struct found_list {
	struct found	*v;
	size_t		 n;
	size_t		 cap;
};

/* What every rule runs with. */
struct sync_state {
	struct tam_db		*db;
	const struct settings	*s;
	const char		*tam;	/* folded, NULL: the whole book */
	int			 today;
	const char		*user;
	int			 dry_run;
	FILE			*report;
};

static struct found *
found_add(struct found_list *l, const struct due_account *a)
{
	struct found	*f;

	l->v = xarray_room(l->v, l->n, &l->cap, sizeof *l->v);
	f = &l->v[l->n++];
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
find_windows(const struct sync_state *st, struct found_list *l, char **err)
{
	if (db_sched_unplanned(st->db, st->tam, st->today,
	    sched_window_last(st->today, st->s), collect_account, l, err) < 0)
		return -1;
	if (!st->dry_run && l->n > BULK_ROWS && db_sched_bulk(st->db,
	    err) != 0)
		return -1;
	return 0;
}

static int
open_window(const struct sync_state *st, struct found *f, char **err)
{
	/* 1: nothing to schedule. */
	return plan_open_renewal(st->db, st->s, st->today, f->account_id,
	    f->renewal_date, "sync", &f->cta_id, err);
}

static void
say_window(const struct sync_state *st, const struct found *f)
{
	char	rd[11];

	date_format(f->renewal_date, rd);
	if (st->dry_run)
		fprintf(st->report, "would open renewal CTA for %s "
		    "(account %" PRId64 "): Renewal %s, %d tasks\n",
		    f->name, f->account_id, rd, SCHED_NTASKS);
	else
		fprintf(st->report, "opened renewal CTA %" PRId64 " for "
		    "%s (account %" PRId64 "): Renewal %s, %d tasks\n",
		    f->cta_id, f->name, f->account_id, rd, SCHED_NTASKS);
}

static int
open_risk_cta(const struct sync_state *st, struct found *f, char **err)
{
	/* 1: opened meanwhile, nothing to do. */
	return playbook_open_risk_cta(st->db, st->s, st->today, st->user,
	    f->account_id, "sync", NULL, NULL, NULL, &f->cta_id, err);
}

static void
say_risk_cta(const struct sync_state *st, const struct found *f)
{
	if (st->dry_run)
		fprintf(st->report, "would open At-Risk CTA for %s "
		    "(account %" PRId64 "): sentiment %s\n", f->name,
		    f->account_id, f->detail);
	else
		fprintf(st->report, "opened At-Risk CTA %" PRId64 " for "
		    "%s (account %" PRId64 "): sentiment %s\n", f->cta_id,
		    f->name, f->account_id, f->detail);
}

/*
 * An open risk CTA always has one open Risk Update task.  One closed by
 * hand before done/skip kept the cadence going (or lost some other way)
 * is put back, due one period after the CTA's last Risk Update.
 */
static int
repair_update(const struct sync_state *st, struct found *f, char **err)
{
	return playbook_risk_update_repair(st->db, st->s, st->today,
	    f->account_id, f->cta_id, f->since != DATE_NONE ? f->since :
	    st->today, &f->due, err);
}

static void
say_update(const struct sync_state *st, const struct found *f)
{
	char	day[11];

	if (st->dry_run) {
		fprintf(st->report, "would add the missing Risk Update "
		    "task to At-Risk CTA %" PRId64 " of %s (account %"
		    PRId64 ")\n", f->cta_id, f->name, f->account_id);
		return;
	}
	date_format(f->due, day);
	fprintf(st->report, "added the missing Risk Update task to At-Risk "
	    "CTA %" PRId64 " of %s (account %" PRId64 "), due %s\n",
	    f->cta_id, f->name, f->account_id, day);
}

static int
close_renewal(const struct sync_state *st, struct found *f, char **err)
{
	/* 1 (closed) or 0: counted either way, the query found it done. */
	return plan_close_if_complete(st->db, st->today, f->cta_id, err) < 0 ?
	    -1 : 0;
}

static void
say_closed(const struct sync_state *st, const struct found *f)
{
	fprintf(st->report, "%s renewal CTA %" PRId64 " of %s (account %"
	    PRId64 "): %s, all its tasks done or skipped\n", st->dry_run ?
	    "would close" : "closed", f->cta_id, f->name, f->account_id,
	    f->detail);
}

/*
 * The rules, in the order they run: each finds what is due with its
 * query (into a list, freed by the caller), acts on each one found (not
 * in a dry run) and says it in the report.  The query is one of
 * db-sched.h, of accounts or of CTAs, whose rows are collected as they
 * come, or find, a rule's own search.  act returns 0, 1 when there
 * was nothing to do after all (not counted), or -1 with *err, which
 * stops the sync.  Closing comes first: a finished CTA is not in the
 * way of a new one.
 */
static const struct sync_rule {
	int	(*accounts)(struct tam_db *, const char *tam, due_account_fn,
		    void *, char **);
	int	(*ctas)(struct tam_db *, const char *tam,
		    int (*)(void *, const struct due_cta *), void *, char **);
	int	(*find)(const struct sync_state *, struct found_list *,
		    char **);
	int	(*act)(const struct sync_state *, struct found *, char **);
	void	(*say)(const struct sync_state *, const struct found *);
	size_t	  count;	/* offsetof its count in struct sync_counts */
} rules[] = {
	{ NULL, db_sched_complete, NULL, close_renewal, say_closed,
	    offsetof(struct sync_counts, renewal_closed) },
	{ NULL, NULL, find_windows, open_window, say_window,
	    offsetof(struct sync_counts, renewal_opened) },
	{ db_sched_risk_missing, NULL, NULL, open_risk_cta, say_risk_cta,
	    offsetof(struct sync_counts, risk_opened) },
	{ NULL, db_sched_update_missing, NULL, repair_update, say_update,
	    offsetof(struct sync_counts, risk_update_added) },
};
#define NRULES	nitems(rules)

static int
find_rule(const struct sync_state *st, const struct sync_rule *r,
    struct found_list *l, char **err)
{
	if (r->accounts != NULL)
		return r->accounts(st->db, st->tam, collect_account, l, err);
	if (r->ctas != NULL)
		return r->ctas(st->db, st->tam, collect_cta, l, err);
	return r->find(st, l, err);
}

static int
apply_rule(const struct sync_state *st, const struct sync_rule *r,
    int *count, char **err)
{
	struct found_list	 l = { 0 };
	size_t			 i;
	int			 rc = 0;

	if (find_rule(st, r, &l, err) < 0) {
		found_free(&l);
		return -1;
	}
	for (i = 0; i < l.n; i++) {
		if (!st->dry_run && (rc = r->act(st, &l.v[i], err)) != 0) {
			if (rc > 0)
				continue;
			break;
		}
		(*count)++;
		if (st->report != NULL)
			r->say(st, &l.v[i]);
	}
	found_free(&l);
	return rc < 0 ? -1 : 0;
}

int
sync_run(struct tam_db *db, const struct settings *s, int today,
    const char *user, const char *tam, int dry_run, FILE *report,
    struct sync_counts *counts, char **err)
{
	const struct sync_state	 st = { db, s, tam, today, user, dry_run,
	    report };
	size_t			 i;

	memset(counts, 0, sizeof *counts);
	/*
	 * Before the rules, which read the copies for one TAM.  The book's
	 * sync does it: one TAM's would walk the rows of every account
	 * without a TAM, each morning.
	 */
	if (!dry_run && tam == NULL && db_sched_tam_copies(db, err) != 0)
		return -1;
	for (i = 0; i < NRULES; i++)
		if (apply_rule(&st, &rules[i],
		    (int *)((char *)counts + rules[i].count), err) != 0)
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
