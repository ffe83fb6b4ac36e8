/* cmd-done.c: tam done TASK_ID... [--note TEXT], and what skip shares. */
#include <stdlib.h>

#include "tam/cmd.h"
#include "tam/plan.h"
#include "tam/playbook.h"

#define OPT_NOTE	1000

static const struct option close_longopts[] = {
	{ "note",	required_argument, NULL, OPT_NOTE },
	{ NULL, 0, NULL, 0 }
};

int
cmd_close_tasks(struct tam_ctx *ctx, int argc, char **argv,
    const char *status, int note_required)
{
	const char	*note = NULL;
	int64_t		*ids;
	char		*err = NULL;
	int		 ch, rc;

	CMD_GETOPT_RESET();
	while ((ch = getopt_long(argc, argv, ":", close_longopts, NULL)) != -1) {
		if (ch != OPT_NOTE)
			return cmd_bad_option(ctx, argv, ch);
		note = optarg;
	}
	argc -= optind;
	argv += optind;
	if ((rc = cmd_check_text(ctx, "--note", note)) != TAM_OK)
		return rc;
	if ((rc = cmd_parse_ids(ctx, argc, argv, &ids)) != TAM_OK)
		return rc;
	if (note_required && (note == NULL || *note == '\0')) {
		free(ids);
		return cmd_misuse(ctx, "%s: --note TEXT is required: say why "
		    "the task is %s", ctx->cmd, status);
	}
	/* A Risk Update closed by hand is followed by the next one. */
	rc = plan_close_tasks(ctx, ids, argc, status, note, &err);
	if (rc == 0)
		rc = playbook_tasks_closed(ctx, ids, argc, &err);
	free(ids);
	if (rc != 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	return TAM_OK;
}

static int
done_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	return cmd_close_tasks(ctx, argc, argv, "done", 0);
}

const struct cmd_entry cmd_done_entry = {
	"done", "done TASK_ID... [--note TEXT]", "mark tasks done", ":",
	close_longopts, CMD_DB | CMD_WRITE, done_exec, NULL
};
