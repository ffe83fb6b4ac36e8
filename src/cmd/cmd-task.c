/* cmd-task.c: PLACEHOLDER until its issue lands; replaced whole. */
#include "tam/cmd.h"

static int
task_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_fail(ctx, TAM_FAIL, "task: not built yet");
}

const struct cmd_entry cmd_task_entry = {
	"task", "task list [--open|--all] [--account ACCOUNT] [--kind K]", "list tasks", NULL, NULL, 0, task_exec, NULL
};
