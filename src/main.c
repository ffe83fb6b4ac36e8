/* main.c: the global options before the command, and the exit code. */
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tam/cmd.h"
#include "tam/date.h"
#include "tam/db.h"

static int
local_today(void)
{
	time_t		t = time(NULL);
	struct tm	tm;

	localtime_r(&t, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int
main(int argc, char **argv)
{
	struct tam_ctx	 ctx;
	const char	*user;
	int		 i, help = 0, rc;

	setlocale(LC_CTYPE, "");
	/*
	 * A closed pipe is an EPIPE to look at, not a death: the output is
	 * checked before the commit, and a reader that has had enough
	 * (`tam due | head -1`) must not undo the work.
	 */
	signal(SIGPIPE, SIG_IGN);
	memset(&ctx, 0, sizeof ctx);
	ctx.today = local_today();
	user = getenv("USER");
	ctx.user = user != NULL && *user != '\0' ? user : "tam";

	/* The same reader as after the command: exact names, no prefixes. */
	for (i = 1; i < argc && cmd_at_option(argv, &i); i++) {
		switch (cmd_global_arg(&ctx, argc, argv, &i)) {
		case CMD_ARG_GLOBAL:
			break;
		case CMD_ARG_HELP:
			help = 1;
			break;
		case CMD_ARG_VERSION:
			cmd_version(stdout);
			return cmd_check_output(&ctx, TAM_OK);
		default:
			tam_warn("%s", ctx.errmsg);
			free(ctx.errmsg);
			cmd_usage(stderr, NULL);
			return TAM_USAGE;
		}
	}
	if (i == argc) {
		if (help) {
			cmd_usage(stdout, NULL);
			cmd_help_database(stdout, &ctx);
			return cmd_check_output(&ctx, TAM_OK);
		}
		cmd_usage(stderr, NULL);
		return TAM_USAGE;
	}
	rc = cmd_dispatch(&ctx, argc - i, argv + i, help);
	/* What is left on stdout: the dispatcher checked a command's. */
	rc = cmd_check_output(&ctx, rc);
	if (ctx.errmsg != NULL && *ctx.errmsg != '\0')
		tam_warn("%s", ctx.errmsg);
	db_close(ctx.db);
	free(ctx.errmsg);
	free(ctx.settings);
	free(ctx.owned[0]);
	free(ctx.owned[1]);
	if (ctx.out_errno == EPIPE) {
		/* End as a writer to a closed pipe ends: silent, by SIGPIPE. */
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
	}
	return rc;
}
