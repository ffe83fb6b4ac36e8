/* cmd-due.c: PLACEHOLDER until its issue lands; replaced whole. */
#include "tam/cmd.h"

static int
due_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_fail(ctx, TAM_FAIL, "due: not built yet");
}

const struct cmd_entry cmd_due_entry = {
	"due", "due [--tam P] [--horizon PERIOD] [--all] [--no-sync]", "what to do today", NULL, NULL, 0, due_exec, NULL
};
