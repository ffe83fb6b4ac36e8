/*
 * cmd-action.c: tam action ACCOUNT architecture|utilization|roadmap|custom
 * [--title T] [--due DATE] [--note TEXT]: an action item from a Renewal
 * Review, on the open renewal CTA (or the account alone).
 */
#include <inttypes.h>
#include <stdlib.h>

#include "tam/account.h"
#include "tam/cmd.h"
#include "tam/cmd-table.h"
#include "tam/date.h"
#include "tam/db.h"
#include "tam/sched.h"
#include "tam/settings.h"

#define OPT_TITLE	1000
#define OPT_DUE		1001
#define OPT_NOTE	1002

/* In this order: --title is checked before --note. */
const struct cmd_option cmd_action_options[] = {
	{ "title", 0, required_argument, "T",
	    "the task's title", "the action's own", OPT_TITLE, CMD_OPT_TEXT },
	{ "due", 0, required_argument, "DATE",
	    "when it is due", "the action's own delay", OPT_DUE, 0 },
	{ "note", 0, required_argument, "TEXT",
	    "a note on the task", NULL, OPT_NOTE, CMD_OPT_TEXT },
	CMD_OPTIONS_END
};

static int
first_cta(void *arg, const struct cta *c)
{
	*(int64_t *)arg = c->id;
	return 1;
}

int
cmd_action_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, char **argv)
{
	const struct settings		*s;
	const struct sched_action	*a;
	struct cta_filter		 f = { 0 };
	struct task			 t = { 0 };
	const char			*title, *due_arg;
	char				*err = NULL, now[21], d[11];
	int				 rc, due = DATE_NONE;

	title = cmd_opt_arg(OPT_TITLE);
	due_arg = cmd_opt_arg(OPT_DUE);
	t.note = cmd_opt_arg(OPT_NOTE);
	if ((a = sched_action_find(argv[1])) == NULL)
		return cmd_misuse(ctx, "action: '%s' is not architecture, "
		    "utilization, roadmap or custom", argv[1]);
	if (title != NULL && *title == '\0')
		return cmd_misuse(ctx, "--title: the title is empty");
	if (title == NULL && (title = a->title) == NULL)
		return cmd_misuse(ctx, "action: custom needs --title TEXT");
	if (due_arg != NULL &&
	    (rc = cmd_parse_date(ctx, "--due", due_arg, &due)) != TAM_OK)
		return rc;
	if ((s = cmd_settings(ctx)) == NULL)
		return TAM_FAIL;
	if ((rc = cmd_account_resolve(ctx, argv[0], &t.account_id)) != TAM_OK)
		return rc;
	/* A date the user gives stands; only tam's own default is ruled. */
	if (due == DATE_NONE &&
	    (due = sched_action_due(ctx->today, s)) == DATE_NONE)
		return cmd_fail(ctx, TAM_FAIL, "action: the default due date "
		    "(today + 14 days) is after 9999-12-31; give --due DATE");
	f.account_id = t.account_id;
	f.open_only = 1;
	f.kind = "renewal";
	if (db_cta_each(ctx->db, &f, first_cta, &t.cta_id, &err) < 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	tam_now(ctx, now);
	t.kind = a->kind;
	t.title = title;
	t.due = due;
	t.created_at = now;
	if (db_task_insert(ctx->db, &t, &err) != 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	date_format(due, d);
	if (t.cta_id)
		tam_info_done(ctx, "added task %" PRId64 " to renewal CTA "
		    "%" PRId64 ": %s, due %s", t.id, t.cta_id, title, d);
	else
		tam_info_done(ctx, "added task %" PRId64 " (no open renewal "
		    "CTA): %s, due %s", t.id, title, d);
	return TAM_OK;
}
