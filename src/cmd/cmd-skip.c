/* cmd-skip.c: tam skip TASK_ID... --note TEXT (the note says why). */
#include "tam/cmd.h"

static const struct option skip_longopts[] = {
	{ "note",	required_argument, NULL, 0 },
	{ NULL, 0, NULL, 0 }
};

static int
skip_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	return cmd_close_tasks(ctx, argc, argv, "skipped", 1);
}

const struct cmd_entry cmd_skip_entry = {
	"skip", "skip TASK_ID... --note TEXT", "skip tasks, saying why", ":",
	skip_longopts, CMD_DB | CMD_WRITE, skip_exec, NULL
};
