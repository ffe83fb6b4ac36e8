/* cmd-help.c: tam help [COMMAND [SUBCOMMAND]]. */
#include <string.h>

#include "tam/cmd.h"

static const struct cmd_entry *
lookup(const struct cmd_entry *const *t, const char *name)
{
	for (; t != NULL && *t != NULL; t++)
		if (strcmp((*t)->name, name) == 0)
			return *t;
	return NULL;
}

static int
help_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	const struct cmd_entry	*e, *sub;

	if (argc < 2) {
		cmd_usage(stdout, NULL);
		return TAM_OK;
	}
	if ((e = lookup(cmd_table(), argv[1])) == NULL)
		return cmd_fail(ctx, TAM_USAGE, "unknown command '%s'; see "
		    "'tam help'", argv[1]);
	if (argc >= 3 && e->sub != NULL) {
		if ((sub = lookup(e->sub, argv[2])) == NULL)
			return cmd_fail(ctx, TAM_USAGE, "unknown command "
			    "'%s %s'", argv[1], argv[2]);
		e = sub;
	}
	cmd_usage(stdout, e);
	return TAM_OK;
}

/* Reads no options: "tam help -x" asks about a command named "-x". */
const struct cmd_entry cmd_help_entry = {
	.name = "help",
	.usage = "help [COMMAND [SUBCOMMAND]]",
	.summary = "show how to use a command",
	.args = { 0, -1, NULL, NULL, NULL },
	.exec = help_exec
};
