/* cmd-action.c: PLACEHOLDER until its issue lands; replaced whole. */
#include "tam/cmd.h"

static int
action_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_fail(ctx, TAM_FAIL, "action: not built yet");
}

const struct cmd_entry cmd_action_entry = {
	"action", "action ACCOUNT architecture|utilization|roadmap|custom ...", "add an action item", NULL, NULL, 0, action_exec, NULL
};
