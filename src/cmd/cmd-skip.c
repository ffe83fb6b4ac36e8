/* cmd-skip.c: tam skip TASK_ID... --note TEXT (the note says why). */
#include <stdlib.h>

#include "tam/cmd.h"
#include "tam/plan.h"

#define OPT_NOTE	1000

static const struct option skip_longopts[] = {
	{ "note",	required_argument, NULL, OPT_NOTE },
	{ NULL, 0, NULL, 0 }
};

static int
skip_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	const char	*note = NULL;
	int64_t		*ids;
	char		*err = NULL;
	int		 ch, rc;

	CMD_GETOPT_RESET();
	while ((ch = getopt_long(argc, argv, ":", skip_longopts, NULL)) != -1) {
		if (ch != OPT_NOTE)
			return cmd_bad_option(ctx, argv, ch);
		note = optarg;
	}
	argc -= optind;
	argv += optind;
	if ((rc = cmd_parse_ids(ctx, argc, argv, &ids)) != TAM_OK)
		return rc;
	if (note == NULL || *note == '\0') {
		free(ids);
		return cmd_misuse(ctx, "skip: --note TEXT is required: say "
		    "why the task is skipped");
	}
	rc = plan_close_tasks(ctx, ids, argc, "skipped", note, &err);
	free(ids);
	if (rc != 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	return TAM_OK;
}

const struct cmd_entry cmd_skip_entry = {
	"skip", "skip TASK_ID... --note TEXT", "skip tasks, saying why", ":",
	skip_longopts, CMD_DB | CMD_WRITE, skip_exec, NULL
};
