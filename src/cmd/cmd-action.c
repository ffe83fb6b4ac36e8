/*
 * cmd-action.c: tam action ACCOUNT architecture|utilization|roadmap|custom
 * [--title T] [--due DATE] [--note TEXT]: an action item from a Renewal
 * Review, on the open renewal CTA (or the account alone).
 */
#include <inttypes.h>
#include <stdlib.h>

#include "tam/account.h"
#include "tam/cmd.h"
#include "tam/date.h"
#include "tam/db.h"
#include "tam/sched.h"
#include "tam/settings.h"

#define OPT_TITLE	1000
#define OPT_DUE		1001
#define OPT_NOTE	1002

static const struct option action_longopts[] = {
	{ "title",	required_argument, NULL, OPT_TITLE },
	{ "due",	required_argument, NULL, OPT_DUE },
	{ "note",	required_argument, NULL, OPT_NOTE },
	{ NULL, 0, NULL, 0 }
};

static int
first_cta(void *arg, const struct cta *c)
{
	*(int64_t *)arg = c->id;
	return 1;
}

static int
action_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	const struct settings		*s;
	const struct sched_action	*a;
	struct cta_filter		 f = { 0 };
	struct task			 t = { 0 };
	const char			*title = NULL, *due_arg = NULL;
	char				*err = NULL, now[21], d[11];
	int				 ch, rc, due = DATE_NONE;

	CMD_GETOPT_RESET();
	while ((ch = getopt_long(argc, argv, ":", action_longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case OPT_TITLE:
			title = optarg;
			break;
		case OPT_DUE:
			due_arg = optarg;
			break;
		case OPT_NOTE:
			t.note = optarg;
			break;
		default:
			return cmd_bad_option(ctx, argv, ch);
		}
	}
	argc -= optind;
	argv += optind;
	if ((rc = cmd_check_text(ctx, "--title", title)) != TAM_OK ||
	    (rc = cmd_check_text(ctx, "--note", t.note)) != TAM_OK)
		return rc;
	if (argc != 2)
		return cmd_misuse(ctx, "action: give the ACCOUNT and the kind "
		    "of action (architecture, utilization, roadmap or custom)");
	if ((a = sched_action_find(argv[1])) == NULL)
		return cmd_misuse(ctx, "action: '%s' is not architecture, "
		    "utilization, roadmap or custom", argv[1]);
	if (title != NULL && *title == '\0')
		return cmd_misuse(ctx, "--title: the title is empty");
	if (title == NULL && (title = a->title) == NULL)
		return cmd_misuse(ctx, "action: custom needs --title TEXT");
	if (due_arg != NULL && date_parse_arg(due_arg, ctx->today, &due) != 0)
		return cmd_misuse(ctx, "--due: '%s' is not a date (YYYY-MM-DD, "
		    "today, +Nd, +Nw or +Nm)", due_arg);
	if ((s = settings_get(ctx, &err)) == NULL)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	if ((rc = account_resolve(ctx, argv[0], &t.account_id)) != TAM_OK)
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

const struct cmd_entry cmd_action_entry = {
	"action",
	"action ACCOUNT architecture|utilization|roadmap|custom [--title T]\n"
	"                [--due DATE] [--note TEXT]",
	"add an action item of a Renewal Review", ":", action_longopts,
	CMD_DB | CMD_WRITE, action_exec, NULL
};
