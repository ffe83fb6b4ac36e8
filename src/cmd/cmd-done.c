/* cmd-done.c: PLACEHOLDER until its issue lands; replaced whole. */
#include "tam/cmd.h"

static int
done_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_fail(ctx, TAM_FAIL, "done: not built yet");
}

const struct cmd_entry cmd_done_entry = {
	"done", "done TASK_ID... [--note TEXT]", "mark tasks done", NULL, NULL, 0, done_exec, NULL
};
