/* cmd-restore.c: PLACEHOLDER until its issue lands; replaced whole. */
#include "tam/cmd.h"

static int
restore_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_fail(ctx, TAM_FAIL, "restore: not built yet");
}

const struct cmd_entry cmd_restore_entry = {
	"restore", "restore FILE", "load an export into an empty database", NULL, NULL, 0, restore_exec, NULL
};
