/* risk-apply.c: the at-risk playbook's steps carried out on the database. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "tam/account.h"
#include "tam/account-store.h"
#include "tam/clock.h"
#include "tam/date.h"
#include "tam/db.h"
#include "tam/db-risk.h"
#include "tam/money.h"
#include "tam/playbook.h"
#include "tam/post.h"
#include "tam/settings.h"
#include "tam/risk-apply.h"

/* Hands a line of what was done to the command. */
static void __attribute__((format(printf, 2, 3)))
said(const struct risk_env *e, const char *fmt, ...)
{
	va_list	ap;
	char	*line;

	va_start(ap, fmt);
	line = xvasprintf(fmt, ap);
	va_end(ap);
	e->said(e->said_arg, line);
}

void
risk_subject_init(struct risk_subject *s)
{
	memset(s, 0, sizeof *s);
	account_init(&s->acct);
	s->cta = RC_NONE;
}

void
risk_subject_release(struct risk_subject *s)
{
	account_release(&s->acct);
	free(s->cta_kind);
	free(s->cta_status);
	s->cta_kind = s->cta_status = NULL;
}

/* Keeps what the playbook needs of a CTA row; -1 for an unknown state. */
static int
keep_cta(struct risk_subject *s, const struct cta *c)
{
	free(s->cta_kind);
	free(s->cta_status);
	s->cta_id = c->id;
	s->cta_kind = xstrdup(c->kind);
	s->cta_status = xstrdup(c->status);
	return risk_cta_of(c->kind, c->status, &s->cta);
}

static int
first_cta(void *arg, const struct cta *c)
{
	keep_cta(arg, c);
	return 1;
}

int
risk_subject_account(const struct risk_env *e, const char *spec,
    struct risk_subject *s, char **err)
{
	struct cta_filter	 f = { 0 };
	int			 rc;

	if ((rc = account_find(e->db, spec, &s->acct, err)) != TAM_OK)
		return rc;
	f.account_id = s->acct.id;
	f.open_only = 1;
	f.kind = "risk";
	if (db_cta_each(e->db, &f, first_cta, s, err) < 0)
		return TAM_FAIL;
	return TAM_OK;
}

int
risk_subject_cta(const struct risk_env *e, int64_t id,
    struct risk_subject *s, char **err)
{
	struct cta	 c;
	int64_t		 account_id;
	int		 rc;

	if ((rc = db_cta_get(e->db, id, &c, err)) < 0)
		return TAM_FAIL;
	if (rc > 0)
		return tam_err(err, TAM_FAIL, "no CTA with id %" PRId64 "; see "
		    "'tam cta list'", id);
	account_id = c.account_id;
	s->by_cta = 1;
	if (keep_cta(s, &c) != 0)
		return tam_err(err, TAM_FAIL, "CTA %" PRId64 " has an unknown "
		    "state (%s, %s)", id, s->cta_kind, s->cta_status);
	return account_load(e->db, account_id, &s->acct, err);
}

int
risk_decide(struct risk_env *e, const struct risk_subject *s,
    enum risk_event ev, int has_note, struct risk_result *r, char **err)
{
	struct risk_state	 from;
	char			*msg;
	int			 rc;

	from.sent = risk_sent_of(s->acct.sentiment, s->acct.requires_triage);
	from.cta = s->cta;
	switch (risk_step(&from, ev, has_note, r)) {
	case RV_OK:
		return TAM_OK;
	case RV_USAGE:
		/* A step the command line got wrong: the usage follows. */
		e->misuse = 1;
		return tam_err(err, TAM_USAGE, "%s: %s", e->cmd, r->why);
	case RV_REFUSED:
		break;
	}
	msg = risk_message(r->why, s->acct.id, s->cta_id, s->cta_status);
	if (s->by_cta)
		rc = tam_err(err, TAM_FAIL, "CTA %" PRId64 " %s", s->cta_id,
		    msg);
	else
		rc = tam_err(err, TAM_FAIL, "account '%s' %s", s->acct.name,
		    msg);
	free(msg);
	return rc;
}

/* --- the actions, in the order risk_apply() takes them -------------- */

/* RA_SET_SENTIMENT, RA_SET_STAGE: the account fields, without a post. */
static int
save_account(const struct risk_env *e, struct risk_subject *s,
    const struct risk_result *r, char **err)
{
	struct account_writer	 w = { e->db, e->settings, e->today, e->user };
	struct account	 a;
	const char	*was;
	int		 sent, triage;

	account_init(&a);
	account_copy(&a, &s->acct);
	if (r->actions & RA_SET_SENTIMENT) {
		risk_sent_split(r->to.sent, &sent, &triage);
		a.sentiment = sent;
		a.requires_triage = triage;
	}
	if (r->actions & RA_SET_STAGE) {
		free(a.lifecycle_stage);
		a.lifecycle_stage = xstrdup(r->stage);
	}
	/* The risk_update post that follows carries the sentiment change. */
	if (account_save(&w, &s->acct, &a, ACCOUNT_SAVE_NO_POST, err) < 0) {
		account_release(&a);
		return TAM_FAIL;
	}
	was = risk_sent_name(risk_sent_of(s->acct.sentiment,
	    s->acct.requires_triage));
	if ((r->actions & RA_SET_SENTIMENT) &&
	    strcmp(was, risk_sent_name(r->to.sent)) != 0)
		said(e, "account %" PRId64 " (%s): sentiment %s "
		    "(was %s)", a.id, a.name, risk_sent_name(r->to.sent), was);
	if (r->actions & RA_SET_STAGE)
		said(e, "account %" PRId64 " (%s): lifecycle "
		    "stage %s", a.id, a.name, a.lifecycle_stage);
	account_release(&s->acct);
	s->acct = a;
	return TAM_OK;
}

/* RA_POST: the Risk Update on the timeline, as the account now stands. */
static int
post_risk_update(struct tam_db *db, const char *user,
    const struct risk_subject *s, const struct risk_result *r,
    const struct risk_args *args, const char *now, char **err)
{
	char	*body = NULL;
	int	 rc;

	if (r->outcome != NULL)
		body = xasprintf("%s (At-Risk CTA %" PRId64 "): %s", r->outcome,
		    s->cta_id, args->note);
	rc = post_add(db, s->acct.id, "risk_update", user, s->acct.sentiment,
	    s->acct.requires_triage, now, body != NULL ? body : args->note,
	    err);
	free(body);
	return rc;
}

/* RA_OPEN_CTA: the At-Risk CTA and its tasks, by the shared playbook. */
/* Who opens a CTA by hand: "tam", or on a team the member's login. */
static const char *
opened_by(struct tam_db *db, const char *user)
{
	enum db_role	r = db_login_role(db);

	return r != DB_ROLE_FILE && r != DB_ROLE_OWNER ? user : "tam";
}

static int
open_cta(const struct risk_env *e, struct risk_subject *s,
    const struct risk_result *r, const struct risk_args *args, char **err)
{
	const char		*note;
	int64_t			 id;
	int			 rc;

	/* With tam sentiment --cta the note is already in the post. */
	note = (r->actions & RA_POST) ? NULL : args->note;
	rc = playbook_open_risk_cta(e->db, e->settings, e->today, e->user,
	    s->acct.id, opened_by(e->db, e->user), args->risk_type,
	    args->risk_reason, note, &id, err);
	if (rc < 0)
		return TAM_FAIL;
	if (rc > 0)
		return tam_err(err, TAM_FAIL, "account '%s' already has an "
		    "open At-Risk CTA, %" PRId64, s->acct.name, id);
	s->cta_id = id;
	s->cta = RC_OPEN;
	said(e, "opened At-Risk CTA %" PRId64 " on account %" PRId64
	    " (%s)", id, s->acct.id, s->acct.name);
	if (args->risk_type == NULL || args->risk_reason == NULL)
		said(e, "next: set its Risk Type and Risk Reason "
		    "with 'tam cta update %" PRId64 " --risk-type T "
		    "--risk-reason R'", id);
	return TAM_OK;
}

static int
next_due(void *arg, const struct task *t)
{
	*(int *)arg = t->due;
	return 1;
}

/* RA_NEXT_UPDATE: the post was the CTA's Risk Update; the next is due. */
static int
next_update(const struct risk_env *e, const struct risk_subject *s,
    char **err)
{
	struct task_filter	 f = { 0 };
	char			 day[11];
	int			 due = DATE_NONE;

	if (playbook_risk_update_posted(e->db, e->settings, e->today,
	    s->acct.id, err) != 0)
		return TAM_FAIL;
	f.cta_id = s->cta_id;
	f.open_only = 1;
	f.kind = "risk_update";
	if (db_task_each(e->db, &f, next_due, &due, err) < 0)
		return TAM_FAIL;
	if (due != DATE_NONE) {
		date_format(due, day);
		said(e, "Risk Update of At-Risk CTA %" PRId64
		    " logged; the next is due %s", s->cta_id, day);
	}
	return TAM_OK;
}

/* RA_SET_TITLE, RA_SET_RISK; both risk fields set complete the task. */
static int
update_cta(const struct risk_env *e, const struct risk_subject *s,
    const struct risk_result *r, const struct risk_args *args,
    const char *now, char **err)
{
	struct cta	 c;
	int		 rc, complete, n = 0;

	rc = db_cta_update(e->db, s->cta_id,
	    (r->actions & RA_SET_TITLE) ? args->title : NULL,
	    (r->actions & RA_SET_RISK) ? args->risk_type : NULL,
	    (r->actions & RA_SET_RISK) ? args->risk_reason : NULL, err);
	if (rc < 0)
		return TAM_FAIL;
	if (rc > 0)
		return tam_err(err, TAM_FAIL, "CTA %" PRId64 " is not open",
		    s->cta_id);
	if ((rc = db_cta_get(e->db, s->cta_id, &c, err)) < 0)
		return TAM_FAIL;
	if (rc > 0)
		return tam_err(err, TAM_FAIL, "CTA %" PRId64 " is gone",
		    s->cta_id);
	said(e, "CTA %" PRId64 ": title '%s', risk type %s, risk "
	    "reason %s", c.id, c.title, c.risk_type ? c.risk_type : "(none)",
	    c.risk_reason ? c.risk_reason : "(none)");
	complete = c.risk_type != NULL && c.risk_reason != NULL;
	if (!complete || !(r->actions & RA_SET_RISK))
		return TAM_OK;
	if (db_task_close_kind(e->db, s->cta_id, "risk_cta_update", "done",
	    now, &n, err) != 0)
		return TAM_FAIL;
	if (n > 0)
		said(e, "task 'Set Risk Type and Risk Reason' done");
	return TAM_OK;
}

/* RA_CLOSE_CTA: the conclusion; its post was the final Risk Update. */
static int
close_cta(const struct risk_env *e, const struct risk_subject *s,
    const struct risk_result *r, const struct risk_args *args,
    const char *now, char **err)
{
	char	arr[48];
	int	 rc, closed;

	if (db_task_close_kind(e->db, s->cta_id, "risk_update", "done", now,
	    &closed, err) != 0)
		return TAM_FAIL;
	/* Whatever else is still open goes with the CTA: cancelled. */
	rc = db_cta_close(e->db, s->cta_id, risk_cta_status(r->to.cta), now,
	    args->note, 1, args->net_arr_cents, NULL, err);
	if (rc < 0)
		return TAM_FAIL;
	if (rc > 0)
		return tam_err(err, TAM_FAIL, "CTA %" PRId64 " is not open",
		    s->cta_id);
	money_format(args->net_arr_cents, s->acct.currency, arr);
	said(e, "closed At-Risk CTA %" PRId64 ": %s, net ARR change "
	    "%s", s->cta_id, r->outcome, arr);
	return TAM_OK;
}

int
risk_apply(const struct risk_env *e, struct risk_subject *s,
    const struct risk_result *r, const struct risk_args *args, char **err)
{
	char	now[21], *hint;
	int	rc = TAM_OK;

	clock_now(e->today, now);
	if (r->actions & (RA_SET_SENTIMENT | RA_SET_STAGE))
		rc = save_account(e, s, r, err);
	if (rc == TAM_OK && (r->actions & RA_POST) &&
	    post_risk_update(e->db, e->user, s, r, args, now, err) != 0)
		rc = TAM_FAIL;
	if (rc == TAM_OK && (r->actions & RA_OPEN_CTA))
		rc = open_cta(e, s, r, args, err);
	if (rc == TAM_OK && (r->actions & RA_NEXT_UPDATE))
		rc = next_update(e, s, err);
	if (rc == TAM_OK && (r->actions & (RA_SET_TITLE | RA_SET_RISK)))
		rc = update_cta(e, s, r, args, now, err);
	if (rc == TAM_OK && (r->actions & RA_CLOSE_CTA))
		rc = close_cta(e, s, r, args, now, err);
	if (rc == TAM_OK && r->why != NULL) {
		hint = risk_message(r->why, s->acct.id, s->cta_id,
		    s->cta_status);
		e->said(e->said_arg, hint);
	}
	return rc;
}

/* Decides ev on the subject loaded with loaded, applies it, releases s. */
static int
run(struct risk_env *e, struct risk_subject *s, int loaded,
    enum risk_event ev, int has_note, const struct risk_args *args,
    char **err)
{
	struct risk_result	r;
	int			rc = loaded;

	if (rc == TAM_OK &&
	    (rc = risk_decide(e, s, ev, has_note, &r, err)) == TAM_OK)
		rc = risk_apply(e, s, &r, args, err);
	risk_subject_release(s);
	return rc;
}

int
risk_run_account(struct risk_env *e, const char *spec,
    enum risk_event ev, int has_note, const struct risk_args *args,
    char **err)
{
	struct risk_subject	s;

	risk_subject_init(&s);
	return run(e, &s, risk_subject_account(e, spec, &s, err), ev,
	    has_note, args, err);
}

int
risk_run_cta(struct risk_env *e, int64_t id, enum risk_event ev,
    int has_note, const struct risk_args *args, char **err)
{
	struct risk_subject	s;

	risk_subject_init(&s);
	return run(e, &s, risk_subject_cta(e, id, &s, err), ev, has_note,
	    args, err);
}
