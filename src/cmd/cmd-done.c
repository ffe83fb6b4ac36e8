/* cmd-done.c: tam done TASK_ID... [--note TEXT]. */
#include <stdlib.h>

#include "tam/cmd.h"
#include "tam/plan.h"

#define OPT_NOTE	1000

static const struct option done_longopts[] = {
	{ "note",	required_argument, NULL, OPT_NOTE },
	{ NULL, 0, NULL, 0 }
};

static int
done_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	const char	*note = NULL;
	int64_t		*ids;
	char		*err = NULL;
	int		 ch, rc;

	CMD_GETOPT_RESET();
	while ((ch = getopt_long(argc, argv, ":", done_longopts, NULL)) != -1) {
		if (ch != OPT_NOTE)
			return cmd_bad_option(ctx, argv, ch);
		note = optarg;
	}
	argc -= optind;
	argv += optind;
	if ((rc = cmd_parse_ids(ctx, argc, argv, &ids)) != TAM_OK)
		return rc;
	rc = plan_close_tasks(ctx, ids, argc, "done", note, &err);
	free(ids);
	if (rc != 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	return TAM_OK;
}

const struct cmd_entry cmd_done_entry = {
	"done", "done TASK_ID... [--note TEXT]", "mark tasks done", ":",
	done_longopts, CMD_DB | CMD_WRITE, done_exec, NULL
};
