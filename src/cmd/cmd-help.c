/* cmd-help.c: tam help [COMMAND [SUBCOMMAND]]. */
#include <stdlib.h>
#include <string.h>

#include "tam/cmd.h"
#include "tam/cmd-table.h"

int
cmd_help_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	const struct cmd_entry	*e, *sub;
	char			*hint, *prefix;
	int			 rc;

	if (argc < 2) {
		cmd_help(stdout, NULL);
		cmd_help_database(stdout, ctx);
		return TAM_OK;
	}
	if ((e = cmd_find(ctx, argv[1])) == NULL)
		return TAM_USAGE;
	if (argc >= 3 && e->sub != NULL) {
		if ((sub = cmd_lookup(e->sub, argv[2])) == NULL) {
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
