/*
 * task.c: tam task set and tam task reopen, the services.  Every change
 * leaves a post on the account's timeline: the timeline is the record
 * of what happened, and a date moved or a done taken back is part of it.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "tam/date.h"
#include "tam/db.h"
#include "tam/db-task.h"
#include "tam/post.h"
#include "tam/tam.h"
#include "tam/task.h"

/* Loads task id, or says there is none (1). */
static int
load(struct tam_db *db, int64_t id, struct task *t, char **err)
{
	int	rc;

	if ((rc = db_task_get(db, id, t, err)) > 0)
		*err = xasprintf("no task %" PRId64 "; 'tam task list --all' "
		    "shows them", id);
	return rc;
}

int
task_set(struct tam_db *db, const char *user, const char *now, int64_t id,
    int due, const char *title, const char *note, char **done, char **err)
{
	struct task	 t;
	char		 from[11], to[11], *body, *what, *old;
	int64_t		 account_id;
	int		 rc;

	if ((rc = load(db, id, &t, err)) != 0)
		return rc;
	if (due != DATE_NONE && strcmp(t.status, "open") != 0) {
		*err = xasprintf("task %" PRId64 " is %s: its date is history; "
		    "'tam task reopen %" PRId64 "' first", id, t.status, id);
		return 1;
	}
	account_id = t.account_id;
	what = xstrdup("");
	if (due != DATE_NONE && due != t.due) {
		date_format(t.due, from);
		date_format(due, to);
		old = what;
		what = xasprintf("%s, due %s (was %s)", old, to, from);
		free(old);
	}
	if (title != NULL && strcmp(title, t.title) != 0) {
		old = what;
		what = xasprintf("%s, titled '%s' (was '%s')", old, title,
		    t.title);
		free(old);
	}
	if (note != NULL && (t.note == NULL || strcmp(note, t.note) != 0)) {
		old = what;
		what = xasprintf("%s, note: %s", old, note);
		free(old);
	}
	if (*what == '\0') {
		*done = xasprintf("task %" PRId64 " unchanged: %s", id,
		    t.title);
		free(what);
		return 0;
	}
	body = xasprintf("Task %" PRId64 " (%s) changed%s", id, t.title,
	    what);
	if ((rc = db_task_set(db, id, due, title, note, err)) == 0)
		rc = post_event(db, account_id, "note", user, body, now, err);
	if (rc == 0)
		*done = xasprintf("task %" PRId64 " changed%s", id, what);
	free(body);
	free(what);
	return rc == 0 ? 0 : -1;
}

/*
 * May the task's CTA take it back?  0: it stays open, or *reopen_cta
 * says it closed itself (complete); 1: it was decided (won, lost,
 * cancelled), or another renewal CTA is open now.
 */
static int
cta_allows(struct tam_db *db, int64_t task_id, int64_t cta_id,
    int *reopen_cta, char **err)
{
	struct cta	c;
	int64_t		n;
	int		rc;

	*reopen_cta = 0;
	if ((rc = db_cta_get(db, cta_id, &c, err)) != 0)
		return rc < 0 ? -1 : 0;
	if (strcmp(c.status, "open") == 0)
		return 0;
	if (strcmp(c.status, "closed") != 0) {
		*err = xasprintf("task %" PRId64 " belongs to CTA %" PRId64
		    ", which is %s: that outcome stands; add a new task with "
		    "'tam action'", task_id, cta_id, c.status);
		return 1;
	}
	if (db_cta_open_count(db, c.account_id, c.kind, &n, err) != 0)
		return -1;
	if (n > 0) {
		*err = xasprintf("task %" PRId64 " belongs to CTA %" PRId64
		    ", closed, and the account has another open %s CTA now; "
		    "add a new task with 'tam action'", task_id, cta_id,
		    c.kind);
		return 1;
	}
	*reopen_cta = 1;
	return 0;
}

int
task_reopen(struct tam_db *db, const char *user, const char *now,
    int64_t id, struct task_reopened *r, char **err)
{
	struct task	 t;
	char		*body;
	int64_t		 account_id, cta_id;
	int		 rc, reopen_cta = 0, cancelled = 0, risk;

	if ((rc = load(db, id, &t, err)) != 0)
		return rc;
	if (strcmp(t.status, "open") == 0) {
		*err = xasprintf("task %" PRId64 " is open already", id);
		return 1;
	}
	if (strcmp(t.status, "cancelled") == 0) {
		*err = xasprintf("task %" PRId64 " was cancelled: the plan "
		    "changed, so it does not come back; add a new task with "
		    "'tam action'", id);
		return 1;
	}
	account_id = t.account_id;
	cta_id = t.cta_id;
	risk = strcmp(t.kind, "risk_update") == 0;
	body = xasprintf("Task %" PRId64 " (%s) reopened: it was %s", id,
	    t.title, t.status);
	if (cta_id != 0 &&
	    (rc = cta_allows(db, id, cta_id, &reopen_cta, err)) != 0) {
		free(body);
		return rc;
	}
	rc = db_task_reopen(db, id, err);
	if (rc == 0 && reopen_cta)
		rc = db_cta_reopen(db, cta_id, err);
	/* One open Risk Update per open risk CTA: this one, not the next. */
	if (rc == 0 && risk && cta_id != 0)
		rc = db_task_cancel_other_risk_updates(db, cta_id, id, now,
		    &cancelled, err);
	if (rc == 0)
		rc = post_event(db, account_id, "note", user, body, now, err);
	free(body);
	if (rc != 0)
		return -1;
	r->cta_id = cta_id;
	r->cta_reopened = reopen_cta;
	r->update_cancelled = cancelled > 0;
	return 0;
}
