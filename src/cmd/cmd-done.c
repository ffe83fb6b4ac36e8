/* cmd-done.c: tam done and tam skip TASK_ID... [--note TEXT]. */
#include <stdlib.h>

#include "tam/cmd.h"
#include "tam/cmd-table.h"
#include "tam/plan.h"
#include "tam/playbook.h"
#include "tam/settings.h"

#define OPT_NOTE	1000

/* done's and skip's: one table, two entries. */
const struct cmd_option cmd_done_options[] = {
	{ "note", 0, required_argument, "TEXT",
	    "why, or what came of it, on each task", NULL, OPT_NOTE,
	    CMD_OPT_TEXT },
	CMD_OPTIONS_END
};

/* Reads [--note TEXT] TASK_ID... and closes the tasks as status. */
static int
close_tasks(struct tam_ctx *ctx, int argc, char **argv,
    const char *status, int note_required)
{
	const struct settings	*s;
	const char		*note;
	int64_t			*ids;
	char			*err = NULL, now[21];
	int			 rc;

	note = cmd_opt_arg(OPT_NOTE);
	if ((rc = cmd_parse_ids(ctx, argc, argv, &ids)) != TAM_OK)
		return rc;
	if (note_required && (note == NULL || *note == '\0')) {
		free(ids);
		return cmd_misuse(ctx, "%s: --note TEXT is required: say why "
		    "the task is %s", ctx->cmd, status);
	}
	if ((s = cmd_settings(ctx)) == NULL) {
		free(ids);
		return TAM_FAIL;
	}
	tam_now(ctx, now);
	rc = plan_close_tasks(ctx->db, ctx->today, ctx->user, now, ids, argc,
	    status, note, cmd_said, ctx, &err);
	/* A Risk Update closed by hand is followed by the next one. */
	if (rc == 0)
		rc = playbook_tasks_closed(ctx->db, s, ctx->today, ids, argc,
		    cmd_said, ctx, &err);
	free(ids);
	if (rc != 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	return TAM_OK;
}

int
cmd_done_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	return close_tasks(ctx, argc, argv, "done", 0);
}

int
cmd_skip_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	return close_tasks(ctx, argc, argv, "skipped", 1);
}
