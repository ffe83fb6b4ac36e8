/* cmd-review.c: PLACEHOLDER until its issue lands; replaced whole. */
#include "tam/cmd.h"

static int
review_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_fail(ctx, TAM_FAIL, "review: not built yet");
}

const struct cmd_entry cmd_review_entry = {
	"review", "review ACCOUNT", "the Renewal Review brief in Markdown", NULL, NULL, 0, review_exec, NULL
};
