/*
 * cmd-risk-update.c: tam risk-update, the monthly Risk Update of an open
 * At-Risk CTA: a post that moves the next update's due date.
 */
#include "tam/cmd.h"
#include "tam/risk-apply.h"

#define OPT_NOTE	1000

static const struct cmd_option options[] = {
	{ "note", 0, required_argument, "TEXT",
	    "the update: what changed, what comes next", NULL, OPT_NOTE,
	    CMD_OPT_TEXT_NOW },
	CMD_OPTIONS_END
};

static int
risk_update_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, char **argv)
{
	struct risk_args	 args = { 0 };
	const char		*why;

	args.note = cmd_opt_text(OPT_NOTE);
	if ((why = risk_usage(RE_RISK_UPDATE, args.note != NULL)) != NULL)
		return cmd_misuse(ctx, "risk-update: %s", why);
	return risk_run_account(ctx, argv[0], RE_RISK_UPDATE, 1, &args);
}

const struct cmd_entry cmd_risk_update_entry = {
	.name = "risk-update",
	.usage = "risk-update ACCOUNT --note TEXT",
	.summary = "log the monthly Risk Update",
	.options = options,
	.args = CMD_ARGS_ACCOUNT("risk-update"),
	.flags = CMD_DB | CMD_WRITE,
	.group = CMD_GROUP_PLAYBOOKS,
	.examples = {
		"tam risk-update Acme --note 'sponsor back, usage up 10%'"
	},
	.exec = risk_update_exec
};
