/* cmd-help.c: tam help [COMMAND [SUBCOMMAND]]. */
#include <stdlib.h>
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
	char			*hint, *prefix;
	int			 rc;

	if (argc < 2) {
		cmd_help(stdout, NULL);
		cmd_help_database(stdout, ctx);
		return TAM_OK;
	}
	if ((e = lookup(cmd_table(), argv[1])) == NULL) {
		hint = cmd_suggest(cmd_table(), "", argv[1]);
		rc = cmd_fail(ctx, TAM_USAGE, "unknown command '%s'%s",
		    argv[1], *hint != '\0' ? hint : "; see 'tam help'");
		free(hint);
		return rc;
	}
	if (argc >= 3 && e->sub != NULL) {
		if ((sub = lookup(e->sub, argv[2])) == NULL) {
			prefix = xasprintf("%s ", argv[1]);
			hint = cmd_suggest(e->sub, prefix, argv[2]);
			rc = cmd_fail(ctx, TAM_USAGE, "unknown command "
			    "'%s %s'%s", argv[1], argv[2], hint);
			free(hint);
			free(prefix);
			return rc;
		}
		e = sub;
	}
	cmd_help(stdout, e);
	return TAM_OK;
}

/* Reads no options: "tam help -x" asks about a command named "-x". */
const struct cmd_entry cmd_help_entry = {
	.name = "help",
	.usage = "help [COMMAND [SUBCOMMAND]]",
	.summary = "show how to use a command",
	.args = { 0, -1, NULL, NULL, NULL },
	.flags = CMD_OWN_ARGV,
	.exec = help_exec,
	.examples = { "tam help due", "tam help account set" }
};
