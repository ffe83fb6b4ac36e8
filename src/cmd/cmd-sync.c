/* cmd-sync.c: tam sync [--dry-run], the rules run as of today. */
#include <stdio.h>
#include <stdlib.h>

#include "tam/cmd.h"
#include "tam/sync.h"

#define OPT_DRY_RUN	1000

static const struct option sync_longopts[] = {
	{ "dry-run",	no_argument,	NULL, OPT_DRY_RUN },
	{ NULL, 0, NULL, 0 }
};

static int
sync_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	struct sync_counts	 c;
	char			*err = NULL, *summary;
	int			 ch, dry_run = 0;

	CMD_GETOPT_RESET();
	while ((ch = getopt_long(argc, argv, ":", sync_longopts, NULL)) != -1) {
		if (ch != OPT_DRY_RUN)
			return cmd_bad_option(ctx, argv, ch);
		dry_run = 1;
	}
	if (optind != argc)
		return cmd_misuse(ctx, "sync: unexpected argument '%s'",
		    argv[optind]);
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
	"sync", "sync [--dry-run]", "plan renewal and risk work due to exist",
	":", sync_longopts, CMD_DB | CMD_WRITE, sync_exec, NULL
};
