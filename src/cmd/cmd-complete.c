/*
 * cmd-complete.c: tam __complete WHAT [--] PREFIX, the hidden helper of
 * completion/tam.bash and completion/_tam (as gh has __complete): the
 * account names, TAM names, open task and CTA ids that start with
 * PREFIX, one a line ("ID<tab>what it is" for an id).  It runs on every
 * Tab, so it opens the database read-only and never creates one, and
 * on any failure it prints nothing at all: a message would land in the
 * middle of the command line being typed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tam/cmd.h"
#include "tam/cmd-table.h"
#include "tam/db-complete.h"
#include "tam/text.h"

/* More than a screen of candidates helps nobody. */
#define COMPLETE_LIMIT	100

/* WHAT: an enum db_complete_what. */
static const struct text_name kinds[] = {
	{ "account",	DBC_ACCOUNT },
	{ "tam",	DBC_TAM },
	{ "task",	DBC_TASK },
	{ "cta",	DBC_CTA },
	{ NULL,		0 }
};

static void
print_one(void *arg, const char *value, const char *desc)
{
	(void)arg;
	/* A line per candidate: a name that would split one is left out. */
	if (value == NULL || strpbrk(value, "\t\n\r") != NULL)
		return;
	if (desc != NULL && strpbrk(desc, "\n\r") == NULL)
		printf("%s\t%s\n", value, desc);
	else
		printf("%s\n", value);
}

/* Fails without a word: ctx->errmsg "" prints nothing. */
static int
quiet_failure(struct tam_ctx *ctx)
{
	free(ctx->errmsg);
	ctx->errmsg = xstrdup("");
	return TAM_FAIL;
}

int
cmd_complete_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	struct tam_db	*db;
	const char	*prefix = "";
	char		*path;
	int		 what, rc;

	/* "--" may stand before the prefix: a word being typed may be "-x". */
	if (argc == 4 && strcmp(argv[2], "--") == 0)
		prefix = argv[3];
	else if (argc == 3 && strcmp(argv[2], "--") != 0)
		prefix = argv[2];
	else if (argc != 2 && argc != 3)
		return quiet_failure(ctx);
	if ((what = text_name_value(kinds, argv[1])) < 0)
		return quiet_failure(ctx);
	if ((path = cmd_database_path(ctx)) == NULL)
		return quiet_failure(ctx);
	db = db_complete_open(path);
	free(path);
	if (db == NULL)
		return quiet_failure(ctx);
	rc = db_complete(db, what, prefix, COMPLETE_LIMIT, print_one,
	    NULL);
	db_close(db);
	return rc == 0 ? TAM_OK : quiet_failure(ctx);
}
