/*
 * cmd-risk-update.c: tam risk-update, the monthly Risk Update of an open
 * At-Risk CTA: a post that moves the next update's due date.
 */
#include "tam/cmd.h"
#include "tam/cmd-table.h"
#include "tam/risk-apply.h"

#define OPT_NOTE	1000

const struct cmd_option cmd_risk_update_options[] = {
	{ "note", 0, required_argument, "TEXT",
	    "the update: what changed, what comes next", NULL, OPT_NOTE,
	    CMD_OPT_TEXT_NOW },
	CMD_OPTIONS_END
};

int
cmd_risk_update_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, char **argv)
{
	struct risk_args	 args = { 0 };
	const char		*why;

	args.note = cmd_opt_text(OPT_NOTE);
	if ((why = risk_usage(RE_RISK_UPDATE, args.note != NULL)) != NULL)
		return cmd_misuse(ctx, "risk-update: %s", why);
	return cmd_risk_run(ctx, argv[0], 0, RE_RISK_UPDATE, 1, &args);
}
