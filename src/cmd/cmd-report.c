/* cmd-report.c: PLACEHOLDER until its issue lands; replaced whole. */
#include "tam/cmd.h"

static int
report_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_fail(ctx, TAM_FAIL, "report: not built yet");
}

const struct cmd_entry cmd_report_entry = {
	"report", "report renewals|at-risk ...", "renewal and at-risk reports", NULL, NULL, 0, report_exec, NULL
};
