/*
 * plan.c: opening a renewal date's CTA and tasks, re-planning when the
 * date changes, closing a renewal CTA whose work is done.  Shared by
 * sync, account set/import (through account_save) and done/skip.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "tam/account.h"
#include "tam/clock.h"
#include "tam/date.h"
#include "tam/db.h"
#include "tam/db-sched.h"
#include "tam/plan.h"
#include "tam/post.h"
#include "tam/sched.h"
#include "tam/settings.h"

struct open_renewal {
	int64_t	id;
	int	renewal_date;
};

int
plan_open_renewal(struct tam_db *db, const struct settings *s, int today,
    int64_t account_id, int r, const char *opened_by, int64_t *cta_id,
    char **err)
{
	struct sched_task	 plan[SCHED_NTASKS];
	struct cta		 c = { 0 };
	struct task		 t = { 0 };
	char			 now[21], rd[11], *title;
	int			 i, rc;

	if ((rc = sched_renewal_plan(r, today, s, plan)) == 0)
		return 1;
	date_format(r, rd);
	if (rc < 0) {
		*err = xasprintf("account %" PRId64 ": a task of renewal %s "
		    "would be due after 9999-12-31; lower contact.days or "
		    "correct the renewal date", account_id, rd);
		return -1;
	}
	clock_now(today, now);
	title = xasprintf("Renewal %s", rd);
	c.account_id = account_id;
	c.kind = "renewal";
	c.title = title;
	c.playbook = RENEWAL_CTA_PLAYBOOK;
	c.opened_at = now;
	c.opened_by = opened_by;
	c.renewal_date = r;
	rc = db_cta_insert(db, &c, err);
	free(title);
	if (rc != 0)
		return -1;
	t.account_id = account_id;
	t.cta_id = c.id;
	t.created_at = now;
	for (i = 0; i < SCHED_NTASKS; i++) {
		t.kind = plan[i].kind;
		t.title = plan[i].title;
		t.due = plan[i].due;
		if (db_task_insert(db, &t, err) != 0)
			return -1;
	}
	*cta_id = c.id;
	return 0;
}

/* Cancels the open renewal CTA o (and its open tasks) with a post. */
static int
cancel_renewal(struct tam_db *db, int today, const char *author,
    int64_t account_id, const struct open_renewal *o, int new_date,
    char **err)
{
	char		 now[21], was[11], to[11] = "none", *body;
	int		 rc;

	clock_now(today, now);
	if (db_cta_close(db, o->id, "cancelled", now,
	    "renewal date changed", 0, 0, "cancelled", err) < 0)
		return -1;
	date_format(o->renewal_date, was);
	if (new_date != DATE_NONE)
		date_format(new_date, to);
	body = xasprintf("Renewal CTA for %s cancelled with its open tasks: "
	    "the renewal date changed to %s", was, to);
	/* Not the account's sentiment: the CTA's end, not a reading. */
	rc = post_add(db, account_id, "cta", author, SENT_NONE, 0, now, body,
	    err);
	free(body);
	return rc;
}

int
plan_renewal_changed(struct tam_db *db, const struct settings *s, int today,
    const char *author, int64_t account_id, int old_date, int new_date,
    char **err)
{
	struct open_renewal	 o;
	int64_t			 cta_id;
	int			 archived, planned, rc;

	(void)old_date;
	if (db_sched_open_renewal(db, account_id, &o.id,
	    &o.renewal_date, err) < 0)
		return -1;
	if (o.id != 0) {
		if (o.renewal_date == new_date)
			return 0;
		if (cancel_renewal(db, today, author, account_id, &o,
		    new_date, err) != 0)
			return -1;
	}
	/* The new date's window, planned at once as sync would. */
	if (!sched_window_open(new_date, today, s))
		return 0;
	rc = db_sched_renewal_state(db, account_id, new_date, &archived,
	    &planned, err);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (archived || planned)
		return 0;
	return plan_open_renewal(db, s, today, account_id, new_date, "sync",
	    &cta_id, err) < 0 ? -1 : 0;
}

int
plan_close_if_complete(struct tam_db *db, int today, int64_t cta_id,
    char **err)
{
	char	now[21];
	int	complete = 0;

	if (db_sched_is_complete(db, cta_id, &complete, err) != 0)
		return -1;
	if (!complete)
		return 0;
	clock_now(today, now);
	if (db_cta_close(db, cta_id, "closed", now, NULL, 0, 0, NULL,
	    err) < 0)
		return -1;
	return 1;
}

/* The timeline post type a done task leaves, or NULL for none. */
static const char *
done_post_type(const char *kind)
{
	if (strcmp(kind, "renewal_question") == 0 ||
	    strcmp(kind, "renewal_plan") == 0)
		return kind;
	if (strcmp(kind, "renewal_review_1") == 0 ||
	    strcmp(kind, "renewal_review_2") == 0)
		return "meeting";
	return NULL;
}

/*
 * The renewal question asked, the plan made, a review held: each is a
 * fact of the account's history, so it goes on the timeline too.
 */
static int
post_done(struct tam_db *db, const char *user, const char *type,
    int64_t account_id, const char *title, const char *note,
    const char *now, char **err)
{
	char	*body;
	int	 rc;

	body = xasprintf("%s done%s%s", title, note ? ": " : "",
	    note ? note : "");
	rc = post_event(db, account_id, type, user, body, now, err);
	free(body);
	return rc;
}

/* Checks that every task exists and is open, before anything changes. */
static int
check_open(struct tam_db *db, const int64_t *ids, int n, char **err)
{
	struct task	t;
	int		i, rc;

	for (i = 0; i < n; i++) {
		if ((rc = db_task_get(db, ids[i], &t, err)) < 0)
			return -1;
		if (rc > 0) {
			*err = xasprintf("no task %" PRId64 "; nothing changed "
			    "(see 'tam task list')", ids[i]);
			return 1;
		}
		if (strcmp(t.status, "open") != 0) {
			*err = xasprintf("task %" PRId64 " is %s, not open; "
			    "nothing changed", ids[i], t.status);
			return 1;
		}
	}
	return 0;
}

int
plan_close_tasks(struct tam_db *db, int today, const char *user,
    const char *now, const int64_t *ids, int n, const char *status,
    const char *note, tam_said_fn said, void *arg, char **err)
{
	struct task	 t;
	const char	*type;
	char		*title, *account;
	int64_t		 cta_id, account_id;
	int		 i, rc;

	if ((rc = check_open(db, ids, n, err)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		if (db_task_get(db, ids[i], &t, err) != 0)
			return -1;
		cta_id = t.cta_id;
		account_id = t.account_id;
		type = strcmp(status, "done") == 0 ? done_post_type(t.kind) :
		    NULL;
		title = xstrdup(t.title);
		account = xstrdup(t.account);
		/* The same id twice: closed the first time, skipped now. */
		rc = db_task_close(db, ids[i], status, now, note, err);
		if (rc == 0)
			said(arg, xasprintf("task %" PRId64 " %s: %s (%s)",
			    ids[i], status, title, account));
		if (rc == 0 && type != NULL && post_done(db, user, type,
		    account_id, title, note, now, err) != 0)
			rc = -1;
		free(title);
		free(account);
		if (rc < 0)
			return -1;
		if (rc > 0 || cta_id == 0)
			continue;
		if ((rc = plan_close_if_complete(db, today, cta_id, err)) < 0)
			return -1;
		if (rc > 0)
			said(arg, xasprintf("renewal CTA %" PRId64 " closed: "
			    "all its tasks are done or skipped", cta_id));
	}
	return 0;
}
