/* cmd-sync.c: tam sync [--dry-run], the rules run as of today. */
#include <stdio.h>
#include <stdlib.h>

#include "tam/cmd.h"
#include "tam/sync.h"

#define OPT_DRY_RUN	1000

static const struct cmd_option sync_options[] = {
	{ "dry-run", 0, no_argument, NULL,
	    "print what would be planned, write nothing", NULL,
	    OPT_DRY_RUN, 0 },
	CMD_OPTIONS_END
};

static int
sync_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	struct sync_counts	 c;
	char			*err = NULL, *summary;
	int			 ch, dry_run = 0;

	while ((ch = cmd_getopt(ctx, argc, argv)) == OPT_DRY_RUN)
		dry_run = 1;
	if (ch == CMD_OPT_ERROR)
		return TAM_USAGE;
	if (sync_run(ctx, dry_run, stdout, &c, &err) != 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	if (c.renewal_opened + c.risk_opened + c.renewal_closed +
	    c.risk_update_added == 0) {
		tam_info_done(ctx, "sync: nothing to do");
		return TAM_OK;
	}
	summary = sync_summary(&c, dry_run);
	tam_info_done(ctx, "sync: %s%s", summary, dry_run ?
	    " (dry run, nothing written)" : "");
	free(summary);
	return TAM_OK;
}

const struct cmd_entry cmd_sync_entry = {
	.name = "sync",
	.usage = "sync [--dry-run]",
	.summary = "plan renewal and risk work due to exist",
	.options = sync_options,
	.flags = CMD_DB | CMD_WRITE,
	.group = CMD_GROUP_DAILY,
	.examples = {
		"tam sync --dry-run",
		"tam sync"
	},
	.exec = sync_exec
};
