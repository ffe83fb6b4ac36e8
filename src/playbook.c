/* playbook.c: the At-Risk CTA's opening and its monthly Risk Update. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "tam/account.h"
#include "tam/clock.h"
#include "tam/date.h"
#include "tam/db.h"
#include "tam/playbook.h"
#include "tam/post.h"
#include "tam/settings.h"

#define TITLE_SET_TYPE	"Set Risk Type and Risk Reason"
#define TITLE_UPDATE	"Risk Update"

static int
first_cta(void *arg, const struct cta *c)
{
	*(int64_t *)arg = c->id;
	return 1;
}

/* The id of the account's open risk CTA, 0 if none; -1 with *err. */
static int64_t
open_risk_cta(struct tam_db *db, int64_t account_id, char **err)
{
	struct cta_filter	f = { 0 };
	int64_t			id = 0;

	f.account_id = account_id;
	f.open_only = 1;
	f.kind = "risk";
	if (db_cta_each(db, &f, first_cta, &id, err) < 0)
		return -1;
	return id;
}

/*
 * Adds the next Risk Update task, due one period after the day from
 * (date rules: never before today).  Sets *due when due is not NULL.
 */
static int
add_update_from(struct tam_db *db, const struct settings *s, int today,
    int64_t account_id, int64_t cta_id, int from, const char *now,
    int *due, char **err)
{
	struct task	t = { 0 };

	t.account_id = account_id;
	t.cta_id = cta_id;
	t.kind = "risk_update";
	t.title = TITLE_UPDATE;
	t.due = date_due_rule(date_add_period(from, &s->risk_every),
	    today, s->skip_weekends);
	if (t.due == DATE_NONE) {
		*err = xstrdup("the next Risk Update would be due after "
		    "9999-12-31; set a shorter risk_update.every (tam config "
		    "set risk_update.every 1m)");
		return -1;
	}
	t.created_at = now;
	if (due != NULL)
		*due = t.due;
	return db_task_insert(db, &t, err);
}

/* Adds the next Risk Update task, due one period after today. */
static int
add_risk_update_task(struct tam_db *db, const struct settings *s, int today,
    int64_t account_id, int64_t cta_id, const char *now, char **err)
{
	return add_update_from(db, s, today, account_id, cta_id, today, now,
	    NULL, err);
}

static int
post_opened(struct tam_db *db, const char *user, int64_t account_id,
    const char *opened_by, const char *note, const char *now, char **err)
{
	char	*body;
	int	 by_sync, rc;

	by_sync = strcmp(opened_by, "sync") == 0;
	body = xasprintf("%s opened%s%s%s", RISK_CTA_TITLE,
	    by_sync ? " by sync" : "", note ? ": " : "", note ? note : "");
	rc = post_event(db, account_id, "cta", by_sync ? "sync" : user, body,
	    now, err);
	free(body);
	return rc;
}

int
playbook_open_risk_cta(struct tam_db *db, const struct settings *s,
    int today, const char *user, int64_t account_id, const char *opened_by,
    const char *risk_type, const char *risk_reason, const char *note,
    int64_t *cta_id, char **err)
{
	struct cta		 c = { 0 };
	struct task		 t = { 0 };
	char			 now[21];
	int64_t			 open;

	if ((open = open_risk_cta(db, account_id, err)) < 0)
		return -1;
	if (open > 0) {
		*cta_id = open;
		return 1;
	}
	clock_now(today, now);
	c.account_id = account_id;
	c.kind = "risk";
	c.title = RISK_CTA_TITLE;
	c.playbook = RISK_CTA_PLAYBOOK;
	c.risk_type = risk_type;
	c.risk_reason = risk_reason;
	c.opened_at = now;
	c.opened_by = opened_by;
	c.renewal_date = DATE_NONE;
	if (db_cta_insert(db, &c, err) != 0)
		return -1;
	t.account_id = account_id;
	t.cta_id = c.id;
	t.kind = "risk_cta_update";
	t.title = TITLE_SET_TYPE;
	t.due = today;
	t.created_at = now;
	if (db_task_insert(db, &t, err) != 0)
		return -1;
	/* Both fields given at opening: the first task is already done. */
	if (risk_type != NULL && risk_reason != NULL &&
	    db_task_close(db, t.id, "done", now, NULL, err) < 0)
		return -1;
	if (add_risk_update_task(db, s, today, account_id, c.id, now,
	    err) != 0)
		return -1;
	if (post_opened(db, user, account_id, opened_by, note, now, err) != 0)
		return -1;
	*cta_id = c.id;
	return 0;
}

struct open_updates {
	int64_t	*ids;
	int	 n;
};

static int
collect_task(void *arg, const struct task *t)
{
	struct open_updates	*u = arg;

	u->ids = xreallocarray(u->ids, (size_t)u->n + 1, sizeof *u->ids);
	u->ids[u->n++] = t->id;
	return 0;
}

int
playbook_risk_update_posted(struct tam_db *db, const struct settings *s,
    int today, int64_t account_id, char **err)
{
	struct task_filter	 f = { 0 };
	struct open_updates	 u = { NULL, 0 };
	char			 now[21];
	int64_t			 cta;
	int			 i, rc = -1;

	if ((cta = open_risk_cta(db, account_id, err)) <= 0)
		return (int)cta;
	clock_now(today, now);
	f.cta_id = cta;
	f.open_only = 1;
	f.kind = "risk_update";
	/* Collect first: closing rows while walking them is not portable. */
	if (db_task_each(db, &f, collect_task, &u, err) < 0)
		goto out;
	for (i = 0; i < u.n; i++)
		if (db_task_close(db, u.ids[i], "done", now, NULL, err) < 0)
			goto out;
	rc = add_risk_update_task(db, s, today, account_id, cta, now, err);
out:
	free(u.ids);
	return rc;
}

int
playbook_risk_update_repair(struct tam_db *db, const struct settings *s,
    int today, int64_t account_id, int64_t cta_id, int from, int *due,
    char **err)
{
	char	now[21];

	clock_now(today, now);
	return add_update_from(db, s, today, account_id, cta_id, from, now,
	    due, err);
}

static int
count_task(void *arg, const struct task *t)
{
	(void)t;
	(*(int *)arg)++;
	return 0;
}

/*
 * After risk_update task id was closed by hand: the next one of its CTA,
 * when that is an open risk CTA left without one.
 */
static int
next_after_close(struct tam_db *db, const struct settings *s, int today,
    int64_t id, tam_said_fn said, void *arg, char **err)
{
	struct task_filter	 f = { 0 };
	struct task		 t;
	struct cta		 c;
	char			 day[11];
	int64_t			 cta_id, account_id;
	int			 rc, open = 0, due;

	if ((rc = db_task_get(db, id, &t, err)) != 0)
		return rc < 0 ? -1 : 0;
	if (strcmp(t.kind, "risk_update") != 0 || t.cta_id == 0)
		return 0;
	cta_id = t.cta_id;
	if ((rc = db_cta_get(db, cta_id, &c, err)) != 0)
		return rc < 0 ? -1 : 0;
	if (strcmp(c.kind, "risk") != 0 || strcmp(c.status, "open") != 0)
		return 0;
	account_id = c.account_id;
	f.cta_id = cta_id;
	f.open_only = 1;
	f.kind = "risk_update";
	if (db_task_each(db, &f, count_task, &open, err) < 0)
		return -1;
	if (open > 0)
		return 0;
	if (playbook_risk_update_repair(db, s, today, account_id, cta_id,
	    today, &due, err) != 0)
		return -1;
	date_format(due, day);
	said(arg, xasprintf("the next Risk Update of At-Risk CTA %" PRId64
	    " is due %s; log each one on the timeline with 'tam risk-update %"
	    PRId64 " --note TEXT'", cta_id, day, account_id));
	return 0;
}

int
playbook_tasks_closed(struct tam_db *db, const struct settings *s,
    int today, const int64_t *ids, int n, tam_said_fn said, void *arg,
    char **err)
{
	int	i;

	for (i = 0; i < n; i++)
		if (next_after_close(db, s, today, ids[i], said, arg, err) != 0)
			return -1;
	return 0;
}
