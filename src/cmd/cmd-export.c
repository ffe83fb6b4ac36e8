/* cmd-export.c: PLACEHOLDER until its issue lands; replaced whole. */
#include "tam/cmd.h"

static int
export_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_fail(ctx, TAM_FAIL, "export: not built yet");
}

const struct cmd_entry cmd_export_entry = {
	"export", "export [--format json|jsonl]", "the whole database, for backup", NULL, NULL, 0, export_exec, NULL
};
