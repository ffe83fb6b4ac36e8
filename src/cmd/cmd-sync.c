/* cmd-sync.c: PLACEHOLDER until its issue lands; replaced whole. */
#include "tam/cmd.h"

static int
sync_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_fail(ctx, TAM_FAIL, "sync: not built yet");
}

const struct cmd_entry cmd_sync_entry = {
	"sync", "sync [--dry-run]", "plan renewal and risk work due to exist", NULL, NULL, 0, sync_exec, NULL
};
