/* cmd-skip.c: PLACEHOLDER until its issue lands; replaced whole. */
#include "tam/cmd.h"

static int
skip_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_fail(ctx, TAM_FAIL, "skip: not built yet");
}

const struct cmd_entry cmd_skip_entry = {
	"skip", "skip TASK_ID... --note TEXT", "skip tasks", NULL, NULL, 0, skip_exec, NULL
};
