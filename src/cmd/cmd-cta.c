/* cmd-cta.c: PLACEHOLDER until its issue lands; replaced whole. */
#include "tam/cmd.h"

static int
cta_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_fail(ctx, TAM_FAIL, "cta: not built yet");
}

const struct cmd_entry cmd_cta_entry = {
	"cta", "cta list|show|open|update|close ...", "At-Risk and renewal CTAs", NULL, NULL, 0, cta_exec, NULL
};
