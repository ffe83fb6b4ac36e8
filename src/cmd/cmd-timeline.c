/* cmd-timeline.c: PLACEHOLDER until its issue lands; replaced whole. */
#include "tam/cmd.h"

static int
timeline_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_fail(ctx, TAM_FAIL, "timeline: not built yet");
}

const struct cmd_entry cmd_timeline_entry = {
	"timeline", "timeline ACCOUNT [--type TYPE] [--since DATE]", "an account's timeline", NULL, NULL, 0, timeline_exec, NULL
};
