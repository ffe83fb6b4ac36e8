/* cmd-risk-update.c: PLACEHOLDER until its issue lands; replaced whole. */
#include "tam/cmd.h"

static int
risk_update_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_fail(ctx, TAM_FAIL, "risk-update: not built yet");
}

const struct cmd_entry cmd_risk_update_entry = {
	"risk-update", "risk-update ACCOUNT --note TEXT", "log the monthly Risk Update", NULL, NULL, 0, risk_update_exec, NULL
};
