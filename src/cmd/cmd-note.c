/* cmd-note.c: PLACEHOLDER until its issue lands; replaced whole. */
#include "tam/cmd.h"

static int
note_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_fail(ctx, TAM_FAIL, "note: not built yet");
}

const struct cmd_entry cmd_note_entry = {
	"note", "note ACCOUNT TEXT", "add a note to the timeline", NULL, NULL, 0, note_exec, NULL
};
