/* cmd-sync.c: tam sync [--tam P] [--dry-run], the rules run as of today. */
#include <stdio.h>
#include <stdlib.h>

#include "tam/account-store.h"
#include "tam/cmd.h"
#include "tam/cmd-table.h"
#include "tam/settings.h"
#include "tam/sync.h"

#define OPT_DRY_RUN	1000
#define OPT_TAM		1001

const struct cmd_option cmd_sync_options[] = {
	CMD_OPTION_TAM(OPT_TAM),
	{ "dry-run", 0, no_argument, NULL,
	    "print what would be planned, write nothing", NULL,
	    OPT_DRY_RUN, 0 },
	CMD_OPTIONS_END
};

int
cmd_sync_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, CMD_UNUSED char **argv)
{
	struct sync_counts	 c;
	const struct settings	*s;
	char			*err = NULL, *summary, *tam_fold = NULL;
	int			 dry_run, rc;

	dry_run = cmd_opt_given(OPT_DRY_RUN);
	/* No default "me": without --tam, sync is of the whole book. */
	if ((rc = cmd_tam_option(ctx, cmd_opt_arg(OPT_TAM), &tam_fold)) !=
	    TAM_OK)
		return rc;
	if ((s = cmd_settings(ctx)) == NULL) {
		free(tam_fold);
		return TAM_FAIL;
	}
	rc = sync_run(ctx->db, s, ctx->today, ctx->user, tam_fold, dry_run,
	    stdout, &c, &err);
	free(tam_fold);
	if (rc != 0)
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
