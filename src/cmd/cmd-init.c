/* cmd-init.c: tam init, which creates the database and says where. */
#include "tam/cmd.h"
#include "tam/db.h"

static int
init_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, CMD_UNUSED char **argv)
{
	/* The dispatcher opened (and so created and migrated) the file. */
	tam_info_done(ctx, "database ready at '%s' (schema %d)", ctx->db_name,
	    db_schema_version());
	return TAM_OK;
}

const struct cmd_entry cmd_init_entry = {
	.name = "init",
	.usage = "init",
	.summary = "create the database (any command does it too)",
	.args = { .extra = "init takes no arguments" },
	.flags = CMD_DB | CMD_WRITE,
	.group = CMD_GROUP_DATA,
	.examples = {
		"tam init",
		"tam --db team.db init"
	},
	.exec = init_exec
};
