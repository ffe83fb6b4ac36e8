/*
 * cmd-ics.c: tam ics, the open work as an iCalendar file, and the work
 * closed lately, so that a calendar re-importing the file drops it.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tam/clock.h"
#include "tam/cmd.h"
#include "tam/cmd-table.h"
#include "tam/date.h"
#include "tam/db-ics.h"
#include "tam/ics.h"
#include "tam/money.h"
#include "tam/sched.h"
#include "tam/settings.h"

#define OPT_TAM		1000
#define OPT_WITHIN	1001

struct ics_run {
	const struct settings	*s;
	const char		*db_uid;
	int			 today;
	int			 events;
	int			 todos;
	int			 closed;
};

/* Appends "Key: value\n" to a growing description. */
static void
describe(char **desc, const char *key, const char *value)
{
	char	*old = *desc;

	if (value == NULL || *value == '\0')
		return;
	*desc = xasprintf("%s%s%s: %s", old ? old : "", old ? "\n" : "", key,
	    value);
	free(old);
}

/* The attendees (SPEC §6, as `tam due` lists them) joined with ", ". */
static char *
attendee_list(const struct account *a, const struct settings *s)
{
	char	*v[SCHED_MAX_ATTENDEES], *joined = NULL, *old;
	int	 n, i;

	n = cmd_attendees(a, s, v);
	for (i = 0; i < n; i++) {
		old = joined;
		joined = xasprintf("%s%s%s", old ? old : "", old ? ", " : "",
		    v[i]);
		free(old);
		free(v[i]);
	}
	return joined;
}

static char *
task_description(const struct task *t, const struct account *a,
    const struct settings *s, int meeting)
{
	char	*desc = NULL, *v, buf[64], money[48], day[11];
	int	 open = strcmp(t->status, "open") == 0;

	if (meeting) {
		v = attendee_list(a, s);
		describe(&desc, "Attendees", v);
		free(v);
	}
	snprintf(buf, sizeof buf, "%" PRId64, a->id);
	v = xasprintf("%s (tam id %s%s%s)", a->name, buf,
	    a->sfid ? ", Salesforce " : "", a->sfid ? a->sfid : "");
	describe(&desc, "Account", v);
	free(v);
	if (a->renewal_date != DATE_NONE) {
		date_format(a->renewal_date, buf);
		describe(&desc, "Renewal date", buf);
	}
	if (a->has_acv) {
		money_format(a->acv_cents, a->currency, money);
		describe(&desc, "ACV", money);
	}
	describe(&desc, "Note", t->note);
	if (open) {
		snprintf(buf, sizeof buf, "tam done %" PRId64, t->id);
		describe(&desc, "When done", buf);
	} else {
		/* The local day of done_at. */
		snprintf(buf, sizeof buf, "%s on %s", t->status,
		    t->done_at != NULL ? clock_stamp_date(t->done_at, day) :
		    "");
		describe(&desc, "Closed", buf);
	}
	return desc;
}

static int
ics_task(void *arg, const struct task *t, const struct account *a,
    int64_t revision)
{
	struct ics_run	*run = arg;
	struct ics_item	 it;
	char		*summary, *desc;

	memset(&it, 0, sizeof it);
	/* The review meetings are events; every other task is a to-do. */
	it.todo = !sched_kind_is_meeting(t->kind);
	it.task_id = t->id;
	it.db_uid = run->db_uid;
	it.date = t->due;
	it.stamp = run->today;
	it.sequence = revision;
	if (strcmp(t->status, "open") == 0) {
		it.status = ICS_OPEN;
		/* A change since creation left no time behind: say none. */
		it.modified = revision == 0 ? t->created_at : NULL;
	} else {
		it.status = strcmp(t->status, "done") == 0 ? ICS_DONE :
		    ICS_CANCELLED;
		it.modified = it.completed = t->done_at;
	}
	summary = xasprintf("%s: %s", t->title, a->name);
	desc = task_description(t, a, run->s, !it.todo);
	it.summary = summary;
	it.description = desc;
	ics_item(stdout, &it);
	free(summary);
	free(desc);
	if (it.status != ICS_OPEN)
		run->closed++;
	else if (it.todo)
		run->todos++;
	else
		run->events++;
	return 0;
}

/* ", N closed" for the summary line, in buf. */
static const char *
closed_note(int n, char buf[32])
{
	snprintf(buf, 32, ", %d closed", n);
	return buf;
}

const struct cmd_option cmd_ics_options[] = {
	CMD_OPTION_TAM_ME(OPT_TAM),
	{ "within", 0, required_argument, "PERIOD",
	    "the events up to today plus PERIOD", "12m", OPT_WITHIN,
	    CMD_OPT_PERIOD },
	CMD_OPTIONS_END
};

int
cmd_ics_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, CMD_UNUSED char **argv)
{
	struct ics_run	 run;
	struct period	 within = { 12, 'm' };
	char		*err = NULL, *db_uid = NULL, *tam_fold = NULL, note[32];
	int		 rc;

	cmd_opt_period(OPT_WITHIN, &within);
	memset(&run, 0, sizeof run);
	run.today = ctx->today;
	if ((run.s = cmd_settings(ctx)) == NULL)
		return TAM_FAIL;
	/* No --tam: "me" when set, else every TAM. */
	if ((rc = cmd_tam_resolve(ctx, cmd_opt_arg(OPT_TAM),
	    &tam_fold)) != TAM_OK)
		return rc;
	if (db_database_uid(ctx->db, &db_uid, &err) != 0) {
		free(tam_fold);
		return cmd_fail_take(ctx, TAM_FAIL, err);
	}
	run.db_uid = db_uid;
	ics_begin(stdout);
	/*
	 * Overdue work stays on the calendar until it is done; work closed
	 * in the last PERIOD stays too, with its status.
	 */
	rc = db_ics_tasks(ctx->db, tam_fold, date_add_period(ctx->today,
	    &within), date_sub_period(ctx->today, &within), ics_task, &run,
	    &err);
	free(tam_fold);
	if (rc < 0) {
		free(db_uid);
		return cmd_fail_take(ctx, TAM_FAIL, err);
	}
	free(db_uid);
	ics_end(stdout);
	tam_info_done(ctx, "%d review meeting%s, %d task%s%s", run.events,
	    run.events == 1 ? "" : "s", run.todos, run.todos == 1 ? "" : "s",
	    run.closed > 0 ? closed_note(run.closed, note) : "");
	return TAM_OK;
}
