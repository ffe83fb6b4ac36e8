/* cmd-init.c: tam init, which creates the database and says where. */
#include "tam/cmd.h"
#include "tam/db.h"

static int
init_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	int	ch;

	CMD_GETOPT_RESET();
	while ((ch = getopt_long(argc, argv, ":", NULL, NULL)) != -1)
		return cmd_bad_option(ctx, argv, ch);
	if (optind != argc)
		return cmd_misuse(ctx, "init takes no arguments");
	/* The dispatcher opened (and so created and migrated) the file. */
	tam_info_done(ctx, "database ready at '%s' (schema %d)", ctx->db_path,
	    db_schema_version());
	return TAM_OK;
}

const struct cmd_entry cmd_init_entry = {
	"init", "init", "create the database (any command does it too)",
	":", NULL, CMD_DB | CMD_WRITE, init_exec, NULL
};
