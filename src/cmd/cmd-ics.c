/* cmd-ics.c: PLACEHOLDER until its issue lands; replaced whole. */
#include "tam/cmd.h"

static int
ics_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_fail(ctx, TAM_FAIL, "ics: not built yet");
}

const struct cmd_entry cmd_ics_entry = {
	"ics", "ics [--tam P] [--within PERIOD]", "review meetings and tasks as iCalendar", NULL, NULL, 0, ics_exec, NULL
};
